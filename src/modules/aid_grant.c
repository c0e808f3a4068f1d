/* Hardship aid grants (帮扶发放): the proposed → approved → paid workflow,
 * the no-double-aid rule, lists, sums and the roster walk. */
#include "uniondesk/aid.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "uniondesk/i18n.h"
#include "uniondesk/may.h"
#include "listq.h"
#include "uniondesk/member.h"
#include "modutil.h"
#include "uniondesk/org.h"
#include "db_int.h"

#define S struct ud_aid_grant
const struct ud_field ud_aid_grant_fields[] = {
    UD_FIELD_REF(S, "id_number", "身份证号", "ID number", member_id, &ud_ref_member, UD_FF_REQUIRED),
    UD_FIELD_ENUM(S, "program", "帮扶项目", "program", program, &ud_enum_aid_program, UD_FF_REQUIRED),
    UD_FIELD_OF(S, UD_F_MONEY, "amount", "金额", "amount", amount_fen, UD_FF_REQUIRED),
    UD_FIELD_OF(S, UD_F_DATE, "granted_on", "发放日期", "granted on", granted_on, UD_FF_REQUIRED),
    UD_FIELD_ENUM(S, "status", "发放状态", "status", status, &ud_enum_grant_status, UD_FF_NOFORM),
    UD_FIELD_ENUM(S, "hardship_category", "困难类别", "hardship category", hardship_category,
                  &ud_enum_hardship_category, UD_FF_NOFORM),
    UD_FIELD_TEXT(S, "fund_source", "资金来源", "fund source", fund_source, 40, 0),
    UD_FIELD_OF(S, UD_F_DATE, "paid_on", "实发日期", "paid on", paid_on, UD_FF_NOFUTURE | UD_FF_NOFORM),
    UD_FIELD_TEXT(S, "child_name", "子女姓名", "child's name", child_name, 30, 0),
    UD_FIELD_TEXT(S, "school", "就读学校", "school", school, 60, 0),
    UD_FIELD_TEXT(S, "approved_by", "审批人", "approved by", approved_by, 32,
                  UD_FF_DERIVED | UD_FF_NOFORM | UD_FF_NOCSV),
    UD_FIELD_OF(S, UD_F_DATE, "approved_on", "审批日期", "approved on", approved_on,
                UD_FF_DERIVED | UD_FF_NOFORM | UD_FF_NOCSV),
    UD_FIELD_TEXT(S, "double_confirmed_by", "重复帮扶确认人", "second grant confirmed by", double_confirmed_by, 32,
                  UD_FF_DERIVED | UD_FF_NOFORM | UD_FF_NOCSV),
    UD_FIELD_END,
};
#undef S

const struct ud_sort_key ud_aid_grant_sort_keys[] = {
    {"granted_on", "g.granted_on", 0, 0},
    {"name", "m.name", 0, 0},
    {"amount", "g.amount_fen", 1, 0},
    {"id", "g.id", 1, 0},
    {NULL, NULL, 0, 0},
};

#define GRANT_COLS                                                                                     \
    "SELECT g.id, g.recipient_id, r.member_id, g.program, g.amount_fen, g.granted_on, g.fund_source, "   \
    "g.status, g.approved_by, g.approved_on, g.paid_on, g.child_name, g.school, g.double_confirmed_by, " \
    "g.created_at, g.updated_at, g.version, m.name, m.gender, m.id_number, m.org_id, o.name, "         \
    "r.hardship_category"
#define GRANT_NCOLS 23
#define GRANT_FROM                                                                                  \
    " FROM aid_grants g JOIN aid_recipients r ON r.id = g.recipient_id JOIN members m ON m.id = " \
    "r.member_id JOIN orgs o ON o.id = m.org_id"

static void read_row(sqlite3_stmt *st, void *row)
{
    struct ud_aid_grant *g = row;
    g->id = sqlite3_column_int64(st, 0);
    g->recipient_id = sqlite3_column_int64(st, 1);
    g->member_id = sqlite3_column_int64(st, 2);
    ud_col_text(st, 3, g->program, sizeof g->program);
    g->amount_fen = sqlite3_column_int64(st, 4);
    ud_col_text(st, 5, g->granted_on, sizeof g->granted_on);
    ud_col_text(st, 6, g->fund_source, sizeof g->fund_source);
    ud_col_text(st, 7, g->status, sizeof g->status);
    ud_col_text(st, 8, g->approved_by, sizeof g->approved_by);
    ud_col_text(st, 9, g->approved_on, sizeof g->approved_on);
    ud_col_text(st, 10, g->paid_on, sizeof g->paid_on);
    ud_col_text(st, 11, g->child_name, sizeof g->child_name);
    ud_col_text(st, 12, g->school, sizeof g->school);
    ud_col_text(st, 13, g->double_confirmed_by, sizeof g->double_confirmed_by);
    ud_col_text(st, 14, g->created_at, sizeof g->created_at);
    ud_col_text(st, 15, g->updated_at, sizeof g->updated_at);
    g->version = sqlite3_column_int64(st, 16);
    ud_col_text(st, 17, g->member_name, sizeof g->member_name);
    ud_col_text(st, 18, g->gender, sizeof g->gender);
    ud_col_text(st, 19, g->id_number, sizeof g->id_number);
    g->org_id = sqlite3_column_int64(st, 20);
    ud_col_text(st, 21, g->org_name, sizeof g->org_name);
    ud_col_text(st, 22, g->hardship_category, sizeof g->hardship_category);
}

void ud_aid_grant_init(struct ud_aid_grant *g)
{
    memset(g, 0, sizeof *g);
    ud_fields_clear(ud_aid_grant_fields, g);
    snprintf(g->status, sizeof g->status, "proposed");
    ud_today(g->granted_on);
}

int ud_aid_grant_get(struct ud_db *db, int64_t id, struct ud_aid_grant *g, struct ud_err *err)
{
    sqlite3_stmt *st = ud_db_stmt(db, GRANT_COLS GRANT_FROM " WHERE g.id = ?1", err);
    if (!st)
        return err->status;
    sqlite3_bind_int64(st, 1, id);
    return ud_mod_step_row(db, st, read_row, g, err, T("帮扶发放记录 %lld 不存在", "aid grant %lld does not exist"),
                           (long long)id);
}

/* ---- no double aid ---- */

static int find_double(struct ud_db *db, int64_t member_id, const char *program, const char *granted_on,
                       int64_t exclude_id, struct ud_aid_grant *existing, int *found, struct ud_err *err)
{
    *found = 0;
    char from[UD_DATE_SZ], to[UD_DATE_SZ];
    snprintf(from, sizeof from, "%.4s-01-01", granted_on);
    snprintf(to, sizeof to, "%.4s-12-31", granted_on);
    sqlite3_stmt *st = ud_db_stmt(db,
                                  GRANT_COLS GRANT_FROM
                                  " WHERE r.member_id = ?1 AND g.program = ?2 AND g.granted_on >= ?3"
                                  " AND g.granted_on <= ?4 AND g.status <> 'cancelled' AND g.id <> ?5"
                                  " ORDER BY g.granted_on, g.id LIMIT 1",
                                  err);
    if (!st)
        return err->status;
    sqlite3_bind_int64(st, 1, member_id);
    ud_bind_text(st, 2, program);
    ud_bind_text(st, 3, from);
    ud_bind_text(st, 4, to);
    sqlite3_bind_int64(st, 5, exclude_id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        read_row(st, existing);
        *found = 1;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return ud_db_error(db, rc, err);
    return UD_OK;
}

int ud_aid_double_check(struct ud_db *db, int64_t member_id, const char *program, const char *granted_on,
                        int64_t exclude_id, struct ud_aid_grant *existing, int *found, struct ud_err *err)
{
    char d[UD_DATE_SZ];
    *found = 0;
    if (!program || !*program || !granted_on || ud_parse_date(granted_on, d))
        return UD_OK; /* nothing to compare yet: the form reports the field */
    return find_double(db, member_id, program, d, exclude_id, existing, found, err);
}

/* The refusal names the grant already made, so the user can judge. */
static int double_refused(struct ud_err *err, const struct ud_aid_grant *ex)
{
    char amount[32];
    ud_format_money(ex->amount_fen, amount, sizeof amount);
    ud_err_set(err, UD_ERR_STATE,
               T("不能重复帮扶：%s 在 %.4s 年已有一笔“%s”（%s，%s 元，%s）；同一项目每人每年一次，"
                 "确需再次发放须由主管确认",
                 "no double aid: %s already has, in %.4s, a '%s' grant (%s, %s yuan, %s); one per "
                 "program per year unless an officer confirms a second"),
               ex->member_name, ex->granted_on, ud_enum_label(&ud_enum_aid_program, ex->program),
               ex->granted_on, amount, ud_enum_label(&ud_enum_grant_status, ex->status));
    ud_err_field(err, "program", T("帮扶项目", "program"),
                 T("本年已于 %s 发放 %s 元（重复帮扶须主管确认）",
                   "already granted on %s, %s yuan, this year (a second needs an officer's confirmation)"),
                 ex->granted_on, amount);
    return err->status;
}

/* ---- validation ---- */

static int is_history(const char *status)
{
    return strcmp(status, "approved") == 0 || strcmp(status, "paid") == 0;
}

/* allow_double and history statuses are officer decisions. */
static int check_roles(struct ud_db *db, const struct ud_aid_grant *g, int allow_double, struct ud_err *err)
{
    if (ud_may(db, UD_ACT_AID_WRITE, err) != UD_OK)
        return err->status;
    if (allow_double && db->role < ud_act_role(UD_ACT_AID_DECIDE))
        return ud_err_set(err, UD_ERR_PERM,
                          T("只有主管或管理员可以确认重复帮扶（当前用户 %s）",
                            "only officers and admins may confirm a second grant (you are %s)"),
                          db->login);
    if (is_history(g->status) && db->role < ud_act_role(UD_ACT_AID_DECIDE))
        return ud_err_set(err, UD_ERR_PERM,
                          T("只有主管或管理员可以录入%s状态的帮扶（当前用户 %s）",
                            "only officers and admins may enter a grant that is already %s (you are %s)"),
                          ud_enum_label(&ud_enum_grant_status, g->status), db->login);
    return UD_OK;
}

/* What only the whole record can tell: a positive amount, the recipient,
 * and paid_on only on a paid grant, not before granted_on. */
static int validate(struct ud_db *db, struct ud_aid_grant *g, struct ud_err *err)
{
    /* the recipient gives the member; the member's record gives the recipient */
    if (g->recipient_id > 0) {
        struct ud_aid_recipient r;
        struct ud_err e2;
        ud_err_clear(&e2);
        if (ud_aid_recipient_get(db, g->recipient_id, &r, &e2) != UD_OK)
            ud_err_field(err, "id_number", T("身份证号", "ID number"), "%s", e2.msg);
        else
            g->member_id = r.member_id;
    } else if (g->member_id != UD_NULL_INT) {
        struct ud_aid_recipient r;
        struct ud_err e2;
        ud_err_clear(&e2);
        if (ud_aid_recipient_get_by_member(db, g->member_id, &r, &e2) != UD_OK)
            ud_err_field(err, "id_number", T("身份证号", "ID number"), "%s", e2.msg);
        else
            g->recipient_id = r.id;
    }
    ud_fields_validate(db, ud_aid_grant_fields, g, err);
    if (g->amount_fen != UD_NULL_INT && g->amount_fen <= 0 && !ud_err_find(err, "amount"))
        ud_err_field(err, "amount", T("金额", "amount"), "%s", T("应大于 0", "must be more than 0"));
    if (!g->status[0])
        snprintf(g->status, sizeof g->status, "proposed");
    int paid = strcmp(g->status, "paid") == 0;
    if (paid && !g->paid_on[0] && !ud_err_find(err, "paid_on"))
        ud_err_field(err, "paid_on", T("实发日期", "paid on"), "%s",
                     T("已发放的帮扶须填实发日期", "required for a paid grant"));
    if (!paid && g->paid_on[0])
        ud_err_field(err, "paid_on", T("实发日期", "paid on"), "%s",
                     T("只有已发放的帮扶才有实发日期", "only a paid grant has a paid-on date"));
    if (paid && g->paid_on[0] && g->granted_on[0] && !ud_err_find(err, "paid_on") &&
        !ud_err_find(err, "granted_on") && strcmp(g->paid_on, g->granted_on) < 0)
        ud_err_field(err, "paid_on", T("实发日期", "paid on"), T("早于发放日期 %s", "is before the grant date %s"),
                     g->granted_on);
    return err->nfields ? UD_ERR_INVALID : UD_OK;
}

static void bind_fields(sqlite3_stmt *st, const struct ud_aid_grant *g)
{
    sqlite3_bind_int64(st, 1, g->recipient_id);
    ud_bind_text(st, 2, g->program);
    sqlite3_bind_int64(st, 3, g->amount_fen);
    ud_bind_text(st, 4, g->granted_on);
    ud_bind_text(st, 5, g->fund_source);
    ud_bind_text(st, 6, g->status);
    ud_bind_text(st, 7, g->approved_by);
    ud_bind_text(st, 8, g->approved_on);
    ud_bind_text(st, 9, g->paid_on);
    ud_bind_text(st, 10, g->child_name);
    ud_bind_text(st, 11, g->school);
    ud_bind_text(st, 12, g->double_confirmed_by);
}

/* ---- create ---- */

int ud_aid_grant_create(struct ud_db *db, struct ud_aid_grant *g, int allow_double, struct ud_err *err)
{
    if (check_roles(db, g, allow_double, err) != UD_OK)
        return err->status;
    if (g->status[0] && strcmp(g->status, "cancelled") == 0) {
        ud_err_set(err, UD_ERR_STATE, "%s",
                   T("新建的帮扶不能是已取消状态", "a new grant cannot be entered as cancelled"));
        return ud_err_field(err, "status", T("发放状态", "status"), "%s",
                            T("应为拟发放、已审批或已发放", "must be proposed, approved or paid"));
    }
    g->id = 0;
    g->approved_by[0] = g->approved_on[0] = g->double_confirmed_by[0] = '\0';
    if (validate(db, g, err) != UD_OK)
        return err->status;
    if (is_history(g->status)) {
        snprintf(g->approved_by, sizeof g->approved_by, "%s", db->login);
        memcpy(g->approved_on, g->granted_on, sizeof g->approved_on);
    }
    if (ud_db_begin(db, err) != UD_OK)
        return err->status;
    /* checked inside the write transaction: no one can slip a grant in between */
    struct ud_aid_grant ex;
    int found;
    if (find_double(db, g->member_id, g->program, g->granted_on, 0, &ex, &found, err) != UD_OK)
        return ud_mod_finish(db, err->status, err);
    if (found && !allow_double)
        return ud_mod_finish(db, double_refused(err, &ex), err);
    if (found)
        snprintf(g->double_confirmed_by, sizeof g->double_confirmed_by, "%s", db->login);
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "INSERT INTO aid_grants(recipient_id, program, amount_fen, granted_on, "
                                  "fund_source, status, approved_by, approved_on, paid_on, child_name, school, "
                                  "double_confirmed_by) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                                  err);
    if (!st)
        return ud_mod_finish(db, err->status, err);
    bind_fields(st, g);
    if (ud_mod_step(db, st, ud_aid_grant_fields, err) != UD_OK)
        return err->status;
    int64_t id = sqlite3_last_insert_rowid(db->h);
    if (ud_db_commit(db, err) != UD_OK)
        return err->status;
    return ud_aid_grant_get(db, id, g, err);
}

int ud_aid_grant_create_with_recipient(struct ud_db *db, const struct ud_aid_recipient *tmpl,
                                       struct ud_aid_grant *g, int allow_double, struct ud_err *err)
{
    if (check_roles(db, g, allow_double, err) != UD_OK)
        return err->status;
    g->recipient_id = 0;
    if (ud_db_begin(db, err) != UD_OK)
        return err->status;
    struct ud_aid_recipient r;
    struct ud_err e2;
    ud_err_clear(&e2);
    int st = ud_aid_recipient_get_by_member(db, g->member_id, &r, &e2);
    if (st == UD_ERR_NOTFOUND) {
        if (tmpl)
            r = *tmpl;
        else
            ud_aid_recipient_init(&r);
        r.id = 0;
        r.member_id = g->member_id;
        /* registered when first granted (today at the latest) */
        char d[UD_DATE_SZ];
        if (!ud_parse_date(g->granted_on, d) && strcmp(d, r.registered_on) < 0)
            memcpy(r.registered_on, d, sizeof r.registered_on);
        if (ud_aid_recipient_create(db, &r, err) != UD_OK)
            return ud_mod_finish(db, err->status, err);
    } else if (st != UD_OK) {
        *err = e2;
        return ud_mod_finish(db, err->status, err);
    }
    g->recipient_id = r.id;
    if (ud_aid_grant_create(db, g, allow_double, err) != UD_OK)
        return ud_mod_finish(db, err->status, err);
    return ud_db_commit(db, err);
}

int ud_aid_grant_create_for_member(struct ud_db *db, int64_t member_id, struct ud_aid_grant *g,
                                   const char *hardship_category, int allow_double, struct ud_err *err)
{
    struct ud_aid_recipient tmpl;
    ud_aid_recipient_init(&tmpl);
    if (hardship_category && *hardship_category) {
        const struct ud_enum_item *it = ud_enum_find(&ud_enum_hardship_category, hardship_category);
        if (!it)
            return ud_err_field(err, "hardship_category", T("困难类别", "hardship category"),
                                T("“%s”不是有效选项", "'%s' is not a valid choice"), hardship_category);
        snprintf(tmpl.hardship_category, sizeof tmpl.hardship_category, "%s", it->code);
    }
    g->member_id = member_id;
    return ud_aid_grant_create_with_recipient(db, &tmpl, g, allow_double, err);
}

/* ---- update and workflow moves ---- */

static const char *status_label(const char *code)
{
    return ud_enum_label(&ud_enum_grant_status, code);
}

/* Which statuses each action starts from: the one statement of the grant
 * workflow (proposed → approved → paid, or cancelled). */
static const struct {
    const char *from_a, *from_b;
    const char *zh, *en;
} actions[] = {
    [UD_AID_EDIT] = {"proposed", NULL, "修改", "changed"},
    [UD_AID_APPROVE] = {"proposed", NULL, "审批", "approved"},
    [UD_AID_PAY] = {"approved", NULL, "发放", "paid"},
    [UD_AID_CANCEL] = {"proposed", "approved", "取消", "cancelled"},
    [UD_AID_DELETE] = {"proposed", "cancelled", "删除", "deleted"},
};

int ud_aid_grant_can(const char *status, enum ud_aid_action a, struct ud_err *err)
{
    if (!strcmp(status, actions[a].from_a) || (actions[a].from_b && !strcmp(status, actions[a].from_b)))
        return UD_OK;
    char needed[64];
    if (actions[a].from_b)
        snprintf(needed, sizeof needed, T("%s或%s", "%s or %s"), status_label(actions[a].from_a),
                 status_label(actions[a].from_b));
    else
        snprintf(needed, sizeof needed, "%s", status_label(actions[a].from_a));
    return ud_err_set(err, UD_ERR_STATE,
                      T("该帮扶当前为“%s”，不能%s（须为%s）", "the grant is %s: it cannot be %s (it must be %s)"),
                      status_label(status), T(actions[a].zh, actions[a].en), needed);
}

/* Inside the transaction: the stored row, which must still have g's version. */
static int load_current(struct ud_db *db, const struct ud_aid_grant *g, struct ud_aid_grant *cur,
                        struct ud_err *err)
{
    struct ud_err e2;
    ud_err_clear(&e2);
    if (ud_aid_grant_get(db, g->id, cur, &e2) != UD_OK || cur->version != g->version)
        return ud_mod_conflict(db, "aid_grants", g->id, err);
    return UD_OK;
}

static int same_year(const char *a, const char *b)
{
    return strncmp(a, b, 4) == 0;
}

int ud_aid_grant_update(struct ud_db *db, struct ud_aid_grant *g, int allow_double, struct ud_err *err)
{
    if (ud_may(db, UD_ACT_AID_WRITE, err) != UD_OK)
        return err->status;
    if (allow_double && db->role < ud_act_role(UD_ACT_AID_DECIDE))
        return ud_err_set(err, UD_ERR_PERM,
                          T("只有主管或管理员可以确认重复帮扶（当前用户 %s）",
                            "only officers and admins may confirm a second grant (you are %s)"),
                          db->login);
    if (ud_db_begin(db, err) != UD_OK)
        return err->status;
    struct ud_aid_grant cur;
    if (load_current(db, g, &cur, err) != UD_OK)
        return ud_mod_finish(db, err->status, err);
    if (ud_aid_grant_can(cur.status, UD_AID_EDIT, err) != UD_OK)
        return ud_mod_finish(db, err->status, err);
    /* the recipient and the workflow columns are not the caller's to change */
    g->recipient_id = cur.recipient_id;
    g->member_id = cur.member_id;
    snprintf(g->status, sizeof g->status, "proposed");
    g->approved_by[0] = g->approved_on[0] = '\0';
    if (validate(db, g, err) != UD_OK)
        return ud_mod_finish(db, err->status, err);
    struct ud_aid_grant ex;
    int found;
    if (find_double(db, g->member_id, g->program, g->granted_on, g->id, &ex, &found, err) != UD_OK)
        return ud_mod_finish(db, err->status, err);
    int confirmed = cur.double_confirmed_by[0] && strcmp(cur.program, g->program) == 0 &&
                    same_year(cur.granted_on, g->granted_on);
    if (found && !confirmed && !allow_double)
        return ud_mod_finish(db, double_refused(err, &ex), err);
    if (!found)
        g->double_confirmed_by[0] = '\0';
    else if (confirmed)
        memcpy(g->double_confirmed_by, cur.double_confirmed_by, sizeof g->double_confirmed_by);
    else
        snprintf(g->double_confirmed_by, sizeof g->double_confirmed_by, "%s", db->login);
    /* bind_fields also binds ?1 and ?6-?9 (recipient, workflow columns): unused here */
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "UPDATE aid_grants SET program = ?2, amount_fen = ?3, granted_on = ?4, "
                                  "fund_source = ?5, child_name = ?10, school = ?11, double_confirmed_by = ?12, "
                                  "version = version + 1, updated_at = " UD_NOW_SQL
                                  " WHERE id = ?13 AND version = ?14 AND status = 'proposed'",
                                  err);
    if (!st)
        return ud_mod_finish(db, err->status, err);
    bind_fields(st, g);
    sqlite3_bind_int64(st, 13, g->id);
    sqlite3_bind_int64(st, 14, g->version);
    if (ud_mod_step_versioned(db, st, "aid_grants", g->id, ud_aid_grant_fields, err) != UD_OK)
        return err->status;
    return ud_aid_grant_get(db, g->id, g, err);
}

/* One status move: from `from_a` (or `from_b`) to `to`, setting the
 * approval or payment columns given. */
struct move {
    enum ud_aid_action action;
    const char *to;
    const char *approved_by, *approved_on, *paid_on;
};

static int do_move(struct ud_db *db, struct ud_aid_grant *g, const struct move *mv, struct ud_err *err)
{
    if (ud_may(db, UD_ACT_AID_DECIDE, err) != UD_OK)
        return err->status;
    if (ud_db_begin(db, err) != UD_OK)
        return err->status;
    struct ud_aid_grant cur;
    if (load_current(db, g, &cur, err) != UD_OK)
        return ud_mod_finish(db, err->status, err);
    if (ud_aid_grant_can(cur.status, mv->action, err) != UD_OK)
        return ud_mod_finish(db, err->status, err);
    if (mv->paid_on && strcmp(mv->paid_on, cur.granted_on) < 0) {
        ud_err_field(err, "paid_on", T("实发日期", "paid on"), T("早于发放日期 %s", "is before the grant date %s"),
                     cur.granted_on);
        return ud_mod_finish(db, err->status, err);
    }
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "UPDATE aid_grants SET status = ?1, approved_by = coalesce(?2, approved_by), "
                                  "approved_on = coalesce(?3, approved_on), paid_on = ?4, "
                                  "version = version + 1, updated_at = " UD_NOW_SQL
                                  " WHERE id = ?5 AND version = ?6",
                                  err);
    if (!st)
        return ud_mod_finish(db, err->status, err);
    ud_bind_text(st, 1, mv->to);
    ud_bind_text(st, 2, mv->approved_by);
    ud_bind_text(st, 3, mv->approved_on);
    ud_bind_text(st, 4, mv->paid_on);
    sqlite3_bind_int64(st, 5, g->id);
    sqlite3_bind_int64(st, 6, g->version);
    if (ud_mod_step_versioned(db, st, "aid_grants", g->id, ud_aid_grant_fields, err) != UD_OK)
        return err->status;
    return ud_aid_grant_get(db, g->id, g, err);
}

int ud_aid_grant_approve(struct ud_db *db, struct ud_aid_grant *g, struct ud_err *err)
{
    char today[UD_DATE_SZ];
    ud_today(today);
    struct move mv = {UD_AID_APPROVE, "approved", db->login, today, NULL};
    return do_move(db, g, &mv, err);
}

int ud_aid_grant_pay(struct ud_db *db, struct ud_aid_grant *g, const char *paid_on, struct ud_err *err)
{
    if (ud_may(db, UD_ACT_AID_DECIDE, err) != UD_OK)
        return err->status;
    char d[UD_DATE_SZ], today[UD_DATE_SZ];
    const char *why;
    ud_today(today);
    if (!paid_on || ud_blank(paid_on))
        memcpy(d, today, sizeof d);
    else if ((why = ud_parse_date(paid_on, d)))
        return ud_err_field(err, "paid_on", T("实发日期", "paid on"), "%s", why);
    if (strcmp(d, today) > 0)
        return ud_err_field(err, "paid_on", T("实发日期", "paid on"),
                            T("不能晚于今天（%s）", "cannot be after today (%s)"), today);
    struct move mv = {UD_AID_PAY, "paid", NULL, NULL, d};
    return do_move(db, g, &mv, err);
}

int ud_aid_grant_cancel(struct ud_db *db, struct ud_aid_grant *g, struct ud_err *err)
{
    struct move mv = {UD_AID_CANCEL, "cancelled", NULL, NULL, NULL};
    return do_move(db, g, &mv, err);
}

int ud_aid_grant_delete(struct ud_db *db, int64_t id, int64_t version, struct ud_err *err)
{
    if (ud_may(db, UD_ACT_AID_DELETE, err) != UD_OK)
        return err->status;
    if (ud_db_begin(db, err) != UD_OK)
        return err->status;
    struct ud_aid_grant cur;
    struct ud_aid_grant key = {.id = id, .version = version};
    if (load_current(db, &key, &cur, err) != UD_OK)
        return ud_mod_finish(db, err->status, err);
    if (ud_aid_grant_can(cur.status, UD_AID_DELETE, err) != UD_OK)
        return ud_mod_finish(db, err->status, err);
    return ud_mod_delete_versioned(db, "DELETE FROM aid_grants WHERE id = ?1 AND version = ?2", "aid_grants", id,
                                   version, NULL, err);
}

/* ---- lists ---- */

/* The one rule of what a total counts (the aid list's header, a
 * recipient's total, the roster): the matching grants but the cancelled
 * ones, unless the filter asks for a status by name (then all of them,
 * cancelled ones too when that is the status asked for). */
static const char *counted_cond(const struct ud_aid_grant_filter *f)
{
    return f && f->status && *f->status ? "1" : "g.status <> 'cancelled'";
}

static void list_filter(struct ud_sqlbuf *q, int *w, const void *arg)
{
    const struct ud_aid_grant_filter *f = arg;
    if (!f)
        return;
    if (f->counted_only)
        ud_sql_where(q, w, counted_cond(f));
    if (f->program && *f->program) {
        ud_sql_where(q, w, "g.program = ");
        ud_sql_param_text(q, f->program);
    }
    if (f->status && *f->status) {
        ud_sql_where(q, w, "g.status = ");
        ud_sql_param_text(q, f->status);
    }
    if (f->date_from && *f->date_from) {
        ud_sql_where(q, w, "g.granted_on >= ");
        ud_sql_param_text(q, f->date_from);
    }
    if (f->date_to && *f->date_to) {
        ud_sql_where(q, w, "g.granted_on <= ");
        ud_sql_param_text(q, f->date_to);
    }
    if (f->org_subtree) {
        ud_sql_where(q, w, "");
        ud_org_subtree_cond(q, "m.org_id", f->org_subtree);
    }
}

static const struct ud_sort_key number_keys[] = {
    {"id_number", "m.id_number", 0, 1},
    {"phone", "m.phone", 0, 0},
};

static const struct ud_sort_key name_keys[] = {
    {"name", "m.name", 0, 0},
};

static const struct ud_sort_key *search_keys(const char *q)
{
    return ud_is_number_query(q) ? number_keys : name_keys;
}

static int nsearch(const char *q)
{
    return ud_is_number_query(q) ? 2 : 1;
}

static struct ud_list_spec grant_spec(const struct ud_aid_grant_filter *f)
{
    struct ud_list_spec spec = {GRANT_COLS, GRANT_FROM, GRANT_NCOLS, "g.id", sizeof(struct ud_aid_grant),
                                read_row, list_filter, f};
    return spec;
}

/* After the prefix group, the members any fragment finds (member.c),
 * walked from the member indexes to their grants. */
#define GRANT_FROM_M                                                                                  \
    " CROSS JOIN members m JOIN aid_recipients r ON r.member_id = m.id JOIN aid_grants g ON g.recipient_id = " \
    "r.id JOIN orgs o ON o.id = m.org_id"
#define GRANT_FRAGS(fr, t) \
    ud_member_frags(fr, " FROM member_grams x" GRANT_FROM_M, " FROM member_subs x" GRANT_FROM_M, "g.id", t)

int ud_aid_grant_list(struct ud_db *db, const struct ud_aid_grant_filter *f, const struct ud_page *pg,
                      struct ud_aid_grant *rows, struct ud_cursor *cursors, int *n, struct ud_err *err)
{
    struct ud_list_spec spec = grant_spec(f);
    const char *q = f ? f->query : NULL;
    if (q && *q) {
        char t[256];
        struct ud_member_frags fr;
        ud_member_search_text(q, t, sizeof t);
        return ud_list_search(db, &spec, search_keys(t), nsearch(t), GRANT_FRAGS(&fr, t), t, pg, rows, cursors, n, err);
    }
    return ud_list_fetch(db, &spec, ud_list_sort_key(ud_aid_grant_sort_keys, pg->sort), 1, NULL, pg, rows,
                         cursors, n, err);
}

int ud_aid_grant_locate(struct ud_db *db, const struct ud_aid_grant_filter *f, const char *sort, int64_t id,
                        struct ud_cursor *at, struct ud_err *err)
{
    struct ud_aid_grant_filter g;
    if (f)
        g = *f;
    else
        memset(&g, 0, sizeof g);
    g.query = NULL;
    struct ud_list_spec spec = grant_spec(&g);
    return ud_list_locate(db, &spec, ud_list_sort_key(ud_aid_grant_sort_keys, sort), id, at, err);
}

int ud_aid_grant_count(struct ud_db *db, const struct ud_aid_grant_filter *f, int64_t *count,
                       struct ud_err *err)
{
    struct ud_list_spec spec = grant_spec(f);
    const char *q = f ? f->query : NULL;
    if (q && *q) {
        char t[256];
        struct ud_member_frags fr;
        ud_member_search_text(q, t, sizeof t);
        return ud_list_search_count(db, &spec, search_keys(t), nsearch(t), GRANT_FRAGS(&fr, t), t, count, err);
    }
    return ud_list_count(db, &spec, name_keys, 1, NULL, count, err);
}

/* "SELECT …" FROM, the filter and the search prefix, for the sum and the walk. */
static void build_query(struct ud_sqlbuf *q, const char *select, const struct ud_aid_grant_filter *f)
{
    int w = 0;
    ud_sql_init(q, select);
    ud_sql_add(q, GRANT_FROM);
    list_filter(q, &w, f);
    const char *p = f ? f->query : NULL;
    if (p && *p) {
        char t[256];
        ud_member_search_text(p, t, sizeof t);
        ud_member_match_cond(q, &w, t); /* the members the list finds */
    }
}

int ud_aid_grant_totals(struct ud_db *db, const struct ud_aid_grant_filter *f, struct ud_aid_totals *t,
                        struct ud_err *err)
{
    memset(t, 0, sizeof *t);
    const char *c = counted_cond(f);
    char select[256];
    snprintf(select, sizeof select, "SELECT count(*), coalesce(sum(%s), 0), coalesce(sum(CASE WHEN %s THEN g.amount_fen END), 0)",
             c, c);
    struct ud_sqlbuf q;
    build_query(&q, select, f);
    sqlite3_stmt *st;
    if (ud_sql_prepare(db, &q, &st, err) != UD_OK)
        return err->status;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        t->matching = sqlite3_column_int64(st, 0);
        t->counted = sqlite3_column_int64(st, 1);
        t->sum_fen = sqlite3_column_int64(st, 2);
    }
    int status = rc == SQLITE_ROW ? UD_OK : ud_db_error(db, rc, err);
    sqlite3_finalize(st);
    return status;
}

int ud_aid_grant_sum(struct ud_db *db, const struct ud_aid_grant_filter *f, int64_t *count,
                     int64_t *sum_fen, struct ud_err *err)
{
    struct ud_aid_totals t;
    if (ud_aid_grant_totals(db, f, &t, err) != UD_OK)
        return err->status;
    if (count)
        *count = t.matching;
    *sum_fen = t.sum_fen;
    return UD_OK;
}

int ud_aid_grant_each(struct ud_db *db, const struct ud_aid_grant_filter *f,
                      int (*cb)(const struct ud_aid_grant *g, void *arg), void *arg, struct ud_err *err)
{
    struct ud_sqlbuf q;
    build_query(&q, GRANT_COLS, f);
    ud_sql_add(&q, " ORDER BY g.granted_on, g.id");
    sqlite3_stmt *st;
    if (ud_sql_prepare(db, &q, &st, err) != UD_OK)
        return err->status;
    struct ud_aid_grant g;
    int rc = SQLITE_DONE, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        memset(&g, 0, sizeof g);
        read_row(st, &g);
        stop = cb(&g, arg);
    }
    int status = stop ? stop : rc == SQLITE_DONE ? UD_OK : ud_db_error(db, rc, err);
    sqlite3_finalize(st);
    return status;
}
