/* Hardship aid recipients (困难职工档案). Grants are in aid_grant.c. */
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

#define S struct ud_aid_recipient
const struct ud_field ud_aid_recipient_fields[] = {
    UD_FIELD_REF(S, "id_number", "身份证号", "ID number", member_id, &ud_ref_member, UD_FF_REQUIRED),
    UD_FIELD_ENUM(S, "hardship_level", "困难程度", "hardship level", hardship_level, &ud_enum_hardship_level, 0),
    UD_FIELD_ENUM(S, "hardship_category", "困难类别", "hardship category", hardship_category,
                  &ud_enum_hardship_category, 0),
    UD_FIELD_INT(S, "household_size", "家庭人口", "household size", household_size, 1, 30, 0),
    UD_FIELD_OF(S, UD_F_MONEY, "income", "月人均收入", "monthly income per head", income_fen, 0),
    UD_FIELD_TEXT(S, "address", "家庭住址", "address", address, 100, 0),
    UD_FIELD_OF(S, UD_F_DATE, "registered_on", "建档日期", "registered on", registered_on, UD_FF_NOFUTURE),
    UD_FIELD_ENUM(S, "status", "档案状态", "status", status, &ud_enum_recipient_status, 0),
    UD_FIELD_END,
};
#undef S

const struct ud_sort_key ud_aid_recipient_sort_keys[] = {
    {"name", "m.name", 0, 0},
    {"registered_on", "r.registered_on", 0, 0},
    {"id", "r.id", 1, 0},
    {NULL, NULL, 0, 0},
};

#define RCP_COLS                                                                                       \
    "SELECT r.id, r.member_id, r.hardship_level, r.hardship_category, r.household_size, r.income_fen, " \
    "r.address, r.registered_on, r.status, r.created_at, r.updated_at, r.version, m.name, m.gender, "   \
    "m.id_number, m.org_id, o.name"
#define RCP_NCOLS 17
#define RCP_FROM \
    " FROM aid_recipients r JOIN members m ON m.id = r.member_id JOIN orgs o ON o.id = m.org_id"

static void read_row(sqlite3_stmt *st, void *row)
{
    struct ud_aid_recipient *r = row;
    r->id = sqlite3_column_int64(st, 0);
    r->member_id = sqlite3_column_int64(st, 1);
    ud_col_text(st, 2, r->hardship_level, sizeof r->hardship_level);
    ud_col_text(st, 3, r->hardship_category, sizeof r->hardship_category);
    r->household_size = sqlite3_column_int64(st, 4);
    r->income_fen = ud_col_opt_int(st, 5);
    ud_col_text(st, 6, r->address, sizeof r->address);
    ud_col_text(st, 7, r->registered_on, sizeof r->registered_on);
    ud_col_text(st, 8, r->status, sizeof r->status);
    ud_col_text(st, 9, r->created_at, sizeof r->created_at);
    ud_col_text(st, 10, r->updated_at, sizeof r->updated_at);
    r->version = sqlite3_column_int64(st, 11);
    ud_col_text(st, 12, r->member_name, sizeof r->member_name);
    ud_col_text(st, 13, r->gender, sizeof r->gender);
    ud_col_text(st, 14, r->id_number, sizeof r->id_number);
    r->org_id = sqlite3_column_int64(st, 15);
    ud_col_text(st, 16, r->org_name, sizeof r->org_name);
}

void ud_aid_recipient_init(struct ud_aid_recipient *r)
{
    memset(r, 0, sizeof *r);
    ud_fields_clear(ud_aid_recipient_fields, r);
    snprintf(r->hardship_level, sizeof r->hardship_level, "general");
    snprintf(r->hardship_category, sizeof r->hardship_category, "other");
    r->household_size = 1;
    ud_today(r->registered_on);
    snprintf(r->status, sizeof r->status, "active");
}

int ud_aid_recipient_get(struct ud_db *db, int64_t id, struct ud_aid_recipient *r, struct ud_err *err)
{
    sqlite3_stmt *st = ud_db_stmt(db, RCP_COLS RCP_FROM " WHERE r.id = ?1", err);
    if (!st)
        return err->status;
    sqlite3_bind_int64(st, 1, id);
    return ud_mod_step_row(db, st, read_row, r, err,
                           T("困难职工档案 %lld 不存在", "aid recipient %lld does not exist"), (long long)id);
}

int ud_aid_recipient_get_by_member(struct ud_db *db, int64_t member_id, struct ud_aid_recipient *r,
                                   struct ud_err *err)
{
    sqlite3_stmt *st = ud_db_stmt(db, RCP_COLS RCP_FROM " WHERE r.member_id = ?1", err);
    if (!st)
        return err->status;
    sqlite3_bind_int64(st, 1, member_id);
    return ud_mod_step_row(db, st, read_row, r, err, "%s",
                           T("该会员还没有困难职工档案", "this member has no aid recipient record"));
}

/* Field checks, defaults for what was left empty, and the member. */
static int validate(struct ud_db *db, struct ud_aid_recipient *r, struct ud_err *err)
{
    ud_fields_validate(db, ud_aid_recipient_fields, r, err);
    if (r->member_id != UD_NULL_INT && !ud_err_find(err, "id_number")) {
        struct ud_member m;
        struct ud_err e2;
        ud_err_clear(&e2);
        if (ud_member_get(db, r->member_id, &m, &e2) != UD_OK)
            ud_err_field(err, "id_number", T("身份证号", "ID number"), "%s", e2.msg);
    }
    if (!r->hardship_level[0])
        snprintf(r->hardship_level, sizeof r->hardship_level, "general");
    if (!r->hardship_category[0])
        snprintf(r->hardship_category, sizeof r->hardship_category, "other");
    if (r->household_size == UD_NULL_INT)
        r->household_size = 1;
    if (!r->registered_on[0])
        ud_today(r->registered_on);
    if (!r->status[0])
        snprintf(r->status, sizeof r->status, "active");
    return err->nfields ? UD_ERR_INVALID : UD_OK;
}

static void bind_fields(sqlite3_stmt *st, const struct ud_aid_recipient *r)
{
    sqlite3_bind_int64(st, 1, r->member_id);
    ud_bind_text(st, 2, r->hardship_level);
    ud_bind_text(st, 3, r->hardship_category);
    sqlite3_bind_int64(st, 4, r->household_size);
    ud_bind_opt_int(st, 5, r->income_fen);
    ud_bind_text(st, 6, r->address);
    ud_bind_text(st, 7, r->registered_on);
    ud_bind_text(st, 8, r->status);
}

/* The UNIQUE member_id column is the field typed as "id_number". */
static int step_failed(struct ud_db *db, int rc, struct ud_err *err)
{
    if (sqlite3_extended_errcode(db->h) == SQLITE_CONSTRAINT_UNIQUE &&
        strstr(sqlite3_errmsg(db->h), "aid_recipients.member_id")) {
        ud_db_rollback(db);
        ud_err_set(err, UD_ERR_DUPLICATE, "%s",
                   T("该会员已有困难职工档案", "this member already has an aid recipient record"));
        ud_err_field(err, "id_number", T("身份证号", "ID number"), "%s",
                     T("该会员已有困难职工档案", "already has a recipient record"));
        return err->status;
    }
    return ud_mod_step_failed(db, rc, ud_aid_recipient_fields, err);
}

int ud_aid_recipient_create(struct ud_db *db, struct ud_aid_recipient *r, struct ud_err *err)
{
    if (ud_may(db, UD_ACT_AID_WRITE, err) != UD_OK)
        return err->status;
    r->id = 0;
    if (validate(db, r, err) != UD_OK)
        return err->status;
    if (ud_db_begin(db, err) != UD_OK)
        return err->status;
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "INSERT INTO aid_recipients(member_id, hardship_level, hardship_category, "
                                  "household_size, income_fen, address, registered_on, status) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                  err);
    if (!st)
        return ud_mod_finish(db, err->status, err);
    bind_fields(st, r);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return step_failed(db, rc, err);
    int64_t id = sqlite3_last_insert_rowid(db->h);
    if (ud_db_commit(db, err) != UD_OK)
        return err->status;
    return ud_aid_recipient_get(db, id, r, err);
}

int ud_aid_recipient_update(struct ud_db *db, struct ud_aid_recipient *r, struct ud_err *err)
{
    if (ud_may(db, UD_ACT_AID_WRITE, err) != UD_OK)
        return err->status;
    if (validate(db, r, err) != UD_OK)
        return err->status;
    if (ud_db_begin(db, err) != UD_OK)
        return err->status;
    /* the member is bound (?1) but not changed: a record stays with its member */
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "UPDATE aid_recipients SET hardship_level = ?2, hardship_category = ?3, "
                                  "household_size = ?4, income_fen = ?5, address = ?6, registered_on = ?7, "
                                  "status = ?8, version = version + 1, updated_at = " UD_NOW_SQL
                                  " WHERE id = ?9 AND version = ?10 AND member_id = ?1",
                                  err);
    if (!st)
        return ud_mod_finish(db, err->status, err);
    bind_fields(st, r);
    sqlite3_bind_int64(st, 9, r->id);
    sqlite3_bind_int64(st, 10, r->version);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return step_failed(db, rc, err);
    if (sqlite3_changes(db->h) == 0) {
        struct ud_aid_recipient cur;
        struct ud_err e2;
        ud_err_clear(&e2);
        if (ud_aid_recipient_get(db, r->id, &cur, &e2) == UD_OK && cur.version == r->version)
            ud_err_field(err, "id_number", T("身份证号", "ID number"), "%s",
                         T("档案所属会员不能更改", "the member of a record cannot be changed"));
        else
            ud_mod_conflict(db, "aid_recipients", r->id, err);
        ud_db_rollback(db);
        return err->status;
    }
    if (ud_db_commit(db, err) != UD_OK)
        return err->status;
    return ud_aid_recipient_get(db, r->id, r, err);
}

int ud_aid_recipient_delete(struct ud_db *db, int64_t id, int64_t version, struct ud_err *err)
{
    return ud_mod_delete(db, ud_act_role(UD_ACT_AID_DELETE), "DELETE FROM aid_recipients WHERE id = ?1 AND version = ?2",
                         "aid_recipients", id, version,
                         T("该档案已有帮扶发放记录，不能删除；脱困的请把档案状态改为已脱困",
                           "this record has aid grants and cannot be deleted; set its status to lifted "
                           "instead"),
                         err);
}

static void list_filter(struct ud_sqlbuf *q, int *w, const void *arg)
{
    const struct ud_aid_recipient_filter *f = arg;
    if (!f)
        return;
    if (f->status && *f->status) {
        ud_sql_where(q, w, "r.status = ");
        ud_sql_param_text(q, f->status);
    }
    if (f->hardship_level && *f->hardship_level) {
        ud_sql_where(q, w, "r.hardship_level = ");
        ud_sql_param_text(q, f->hardship_level);
    }
    if (f->org_subtree) {
        ud_sql_where(q, w, "");
        ud_org_subtree_cond(q, "m.org_id", f->org_subtree);
    }
}

static const struct ud_sort_key number_keys[] = {
    {"id_number", "m.id_number", 0, 1},
};

static const struct ud_sort_key name_keys[] = {
    {"name", "m.name", 0, 0},
};

int ud_aid_recipient_list(struct ud_db *db, const struct ud_aid_recipient_filter *f,
                          const struct ud_page *pg, struct ud_aid_recipient *rows,
                          struct ud_cursor *cursors, int *n, struct ud_err *err)
{
    struct ud_list_spec spec = {RCP_COLS, RCP_FROM, RCP_NCOLS, "r.id", sizeof *rows, read_row, list_filter, f};
    const char *q = f ? f->query : NULL;
    if (q && *q)
        return ud_list_fetch(db, &spec, ud_is_number_query(q) ? number_keys : name_keys, 1, q, pg, rows,
                             cursors, n, err);
    return ud_list_fetch(db, &spec, ud_list_sort_key(ud_aid_recipient_sort_keys, pg->sort), 1, NULL, pg,
                         rows, cursors, n, err);
}

int ud_aid_recipient_locate(struct ud_db *db, const struct ud_aid_recipient_filter *f, const char *sort,
                            int64_t id, struct ud_cursor *at, struct ud_err *err)
{
    struct ud_aid_recipient_filter g;
    if (f)
        g = *f;
    else
        memset(&g, 0, sizeof g);
    g.query = NULL;
    struct ud_list_spec spec = {RCP_COLS, RCP_FROM, RCP_NCOLS, "r.id", sizeof(struct ud_aid_recipient), read_row,
                                list_filter, &g};
    return ud_list_locate(db, &spec, ud_list_sort_key(ud_aid_recipient_sort_keys, sort), id, at, err);
}

int ud_aid_recipient_count(struct ud_db *db, const struct ud_aid_recipient_filter *f, int64_t *count,
                           struct ud_err *err)
{
    struct ud_list_spec spec = {RCP_COLS, " FROM aid_recipients r JOIN members m ON m.id = r.member_id",
                                RCP_NCOLS, "r.id", sizeof(struct ud_aid_recipient), read_row, list_filter, f};
    const char *q = f ? f->query : NULL;
    return ud_list_count(db, &spec, q && *q && ud_is_number_query(q) ? number_keys : name_keys, 1, q, count,
                         err);
}
