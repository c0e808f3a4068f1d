/* Mediation cases: the field table, validation, case numbers, the status
 * workflow, the timeline. Reading and lists are in dispute_list.c. */
#include "uniondesk/dispute.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "uniondesk/i18n.h"
#include "uniondesk/may.h"
#include "uniondesk/member.h"
#include "modutil.h"
#include "uniondesk/org.h"
#include "db_int.h"

#define S struct ud_case
const struct ud_field ud_case_fields[] = {
    UD_FIELD_REF(S, "mediation_org", "调解组织", "mediation body", mediation_org_id, &ud_ref_org, UD_FF_REQUIRED),
    UD_FIELD_OF(S, UD_F_DATE, "received_on", "接待日期", "received on", received_on, UD_FF_REQUIRED | UD_FF_NOFUTURE),
    UD_FIELD_ENUM(S, "dispute_type", "争议类型", "dispute type", dispute_type, &ud_enum_dispute_type, UD_FF_REQUIRED),
    /* changes only through moves; a new case starts as received */
    UD_FIELD_ENUM(S, "status", "状态", "status", status, &ud_enum_case_status, UD_FF_REQUIRED | UD_FF_NOFORM),
    UD_FIELD_TEXT(S, "case_no", "案件编号", "case number", case_no, 32, 0),
    UD_FIELD_OF(S, UD_F_DATE, "filed_on", "受理日期", "filed on", filed_on, UD_FF_NOFUTURE),
    UD_FIELD_INT(S, "workers_count", "涉及人数", "workers involved", workers_count, 1, 100000, 0),
    /* the schema requires it, although the import table does not print it in bold */
    UD_FIELD_TEXT(S, "applicant_name", "申请人", "applicant", applicant_name, 30, UD_FF_REQUIRED),
    UD_FIELD_OF(S, UD_F_IDNUM, "applicant_id_number", "申请人身份证号", "applicant ID number", applicant_id_number, 0),
    UD_FIELD_OF(S, UD_F_PHONE, "applicant_phone", "申请人电话", "applicant phone", applicant_phone, 0),
    UD_FIELD_TEXT(S, "employer_name", "用人单位", "employer", employer_name, 60, 0),
    UD_FIELD_OF(S, UD_F_CREDIT, "employer_credit_code", "用人单位信用代码", "employer credit code", employer_credit_code, 0),
    UD_FIELD_OF(S, UD_F_MONEY, "claim_amount", "涉案金额", "amount claimed", claim_fen, 0),
    UD_FIELD_OF(S, UD_F_MONEY, "agreed_amount", "协议金额", "amount agreed", agreed_fen, 0),
    UD_FIELD_TEXT(S, "mediator", "调解员", "mediator", mediator, 30, 0),
    UD_FIELD_OF(S, UD_F_DATE, "closed_on", "结案日期", "closed on", closed_on, UD_FF_NOFUTURE),
    UD_FIELD_LONGTEXT(S, "outcome", "调解结果", "outcome", outcome, 500, 0),
    UD_FIELD_OF(S, UD_F_BOOL, "referred_to_arbitration", "转仲裁", "referred to arbitration", referred_to_arbitration, 0),
    /* what the documents print (migration 0006) */
    UD_FIELD_TEXT(S, "respondent_rep", "被申请人代表人", "employer's representative", respondent_rep, 40, 0),
    UD_FIELD_LONGTEXT(S, "claims", "请求事项", "claims", claims, 1000, 0),
    UD_FIELD_LONGTEXT(S, "facts", "事实与理由", "facts and reasons", facts, 2000, 0),
    UD_FIELD_LONGTEXT(S, "agreement_terms", "协议内容", "agreement terms", agreement_terms, 2000, 0),
    UD_FIELD_OF(S, UD_F_DATE, "payment_due_on", "履行期限", "payment due", payment_due_on, 0),
    UD_FIELD_REF(S, "employer_org", "用人单位工会", "employer's union", employer_org_id, &ud_ref_org, UD_FF_NOCSV),
    UD_FIELD_END,
};
#undef S

#define OUTCOME_MAX 500
#define AGREEMENT_MAX 2000

void ud_case_init(struct ud_case *c)
{
    memset(c, 0, sizeof *c);
    ud_fields_clear(ud_case_fields, c);
    c->member_id = UD_NULL_INT;
    c->workers_count = 1;
    snprintf(c->status, sizeof c->status, "received");
    c->texts_read = 1; /* a new case: its texts are what it holds */
}

void ud_case_move_init(struct ud_case_move *m)
{
    memset(m, 0, sizeof *m);
    m->agreed_fen = UD_NULL_INT;
}

/* ---- the workflow, as DESIGN.md draws it ---- */

static const struct {
    const char *from;
    const char *to[4];
} moves[] = {
    {"received", {"filed", "not_accepted", "withdrawn", NULL}},
    {"filed", {"mediating", "succeeded", "failed", "withdrawn"}},
    {"mediating", {"succeeded", "failed", "withdrawn", NULL}},
};

int ud_case_allowed_moves(const char *from, const char **to, int max)
{
    int n = 0;
    for (size_t i = 0; from && i < sizeof moves / sizeof moves[0]; i++) {
        if (strcmp(moves[i].from, from) != 0)
            continue;
        for (int k = 0; k < 4 && moves[i].to[k]; k++, n++)
            if (to && n < max)
                to[n] = moves[i].to[k];
    }
    return n;
}

static int move_allowed(const char *from, const char *to)
{
    const char *next[8];
    int n = ud_case_allowed_moves(from, next, 8);
    for (int i = 0; i < n; i++)
        if (strcmp(next[i], to) == 0)
            return 1;
    return 0;
}

/* The schema's rules on dates per status (migration 0001's CHECKs). */
int ud_case_is_terminal(const char *s)
{
    return strcmp(s, "succeeded") == 0 || strcmp(s, "failed") == 0 || strcmp(s, "withdrawn") == 0 ||
           strcmp(s, "not_accepted") == 0;
}

const char *ud_case_move_date_field(const char *to)
{
    return strcmp(to, "filed") == 0 ? "filed_on" : ud_case_is_terminal(to) ? "closed_on" : NULL;
}

unsigned ud_case_move_needs(const char *to)
{
    unsigned n = ud_case_move_date_field(to) ? UD_MOVE_DATE : 0;
    if (strcmp(to, "succeeded") == 0)
        n |= UD_MOVE_AGREED;
    if (ud_case_is_terminal(to))
        n |= UD_MOVE_OUTCOME;
    if (strcmp(to, "failed") == 0)
        n |= UD_MOVE_REFERRED;
    if (strcmp(to, "succeeded") == 0)
        n |= UD_MOVE_AGREEMENT;
    return n;
}

void ud_case_employer_of_union(const char *union_name, char *out, size_t outsz)
{
    static const char suffix[] = "工会";
    size_t n = strlen(union_name), s = sizeof suffix - 1;
    if (n > s && strcmp(union_name + n - s, suffix) == 0)
        n -= s;
    snprintf(out, outsz, "%.*s", (int)n, union_name);
}

static int needs_filed_on(const char *s)
{
    return strcmp(s, "filed") == 0 || strcmp(s, "mediating") == 0 || strcmp(s, "succeeded") == 0 ||
           strcmp(s, "failed") == 0;
}

static int forbids_filed_on(const char *s)
{
    return strcmp(s, "received") == 0 || strcmp(s, "not_accepted") == 0;
}

static const char *label(const char *field)
{
    const struct ud_field *f = ud_field_find(ud_case_fields, field);
    return f ? ud_field_label(f) : field;
}

static const char *status_label(const char *code)
{
    return ud_enum_label(&ud_enum_case_status, code);
}

/* A date the case has that did not fail its own check. */
static int date_ok(const char *field, const char *value, const struct ud_err *err)
{
    return value[0] && !ud_err_find(err, field);
}

/* The agreement (协议内容, 履行期限) is drafted while the case is being
 * mediated and printed once it succeeded: a case not filed, turned away,
 * failed or withdrawn has none. The terms are performed after they are
 * agreed: the due date is not before the closing date, nor the filing
 * date, nor the date received (whichever the case has, latest first). */
int ud_case_may_have_agreement(const char *s)
{
    return !strcmp(s, "filed") || !strcmp(s, "mediating") || !strcmp(s, "succeeded");
}

static void check_agreement(const struct ud_case *c, struct ud_err *err)
{
    const char *s = c->status;
    if (s[0] && !ud_err_find(err, "status") && !ud_case_may_have_agreement(s)) {
        if (c->agreement_terms[0] && !ud_err_find(err, "agreement_terms"))
            ud_err_field(err, "agreement_terms", label("agreement_terms"),
                         T("状态为“%s”的案件不能有协议内容（已受理、调解中或调解成功的案件才有）",
                           "a case that is %s has no agreement terms (only a filed, mediating or succeeded one has)"),
                         status_label(s));
        if (c->payment_due_on[0] && !ud_err_find(err, "payment_due_on"))
            ud_err_field(err, "payment_due_on", label("payment_due_on"),
                         T("状态为“%s”的案件不能有履行期限（已受理、调解中或调解成功的案件才有）",
                           "a case that is %s has no payment due date (only a filed, mediating or succeeded one has)"),
                         status_label(s));
        return;
    }
    if (!date_ok("payment_due_on", c->payment_due_on, err))
        return;
    if (!strcmp(s, "succeeded") && !c->agreement_terms[0] && (c->agreed_fen == UD_NULL_INT || c->agreed_fen == 0))
        ud_err_field(err, "payment_due_on", label("payment_due_on"), "%s",
                     T("没有协议内容或协议金额，不能填写履行期限",
                       "a payment due date needs agreement terms or an agreed amount"));
    else if (date_ok("closed_on", c->closed_on, err) && strcmp(c->payment_due_on, c->closed_on) < 0)
        ud_err_field(err, "payment_due_on", label("payment_due_on"),
                     T("不能早于结案日期（%s）", "cannot be before the closing date (%s)"), c->closed_on);
    else if (date_ok("filed_on", c->filed_on, err) && strcmp(c->payment_due_on, c->filed_on) < 0)
        ud_err_field(err, "payment_due_on", label("payment_due_on"),
                     T("不能早于受理日期（%s）", "cannot be before the filing date (%s)"), c->filed_on);
    else if (date_ok("received_on", c->received_on, err) && strcmp(c->payment_due_on, c->received_on) < 0)
        ud_err_field(err, "payment_due_on", label("payment_due_on"),
                     T("不能早于接待日期（%s）", "cannot be before the date received (%s)"), c->received_on);
}

/* What only the whole record can tell: dates present exactly when the
 * status needs them, in order; an agreed amount only on success. Dates
 * that already have an error are not compared. */
static void check_consistency(struct ud_case *c, struct ud_err *err)
{
    const char *s = c->status;
    int ok_recv = c->received_on[0] && !ud_err_find(err, "received_on");
    int ok_filed = c->filed_on[0] && !ud_err_find(err, "filed_on");
    int ok_closed = c->closed_on[0] && !ud_err_find(err, "closed_on");
    if (c->referred_to_arbitration && s[0] && strcmp(s, "failed") != 0)
        ud_err_field(err, "referred_to_arbitration", label("referred_to_arbitration"), "%s",
                     T("只有调解不成的案件才转仲裁", "only a failed mediation is referred to arbitration"));
    if (s[0] && !ud_err_find(err, "status")) {
        if (needs_filed_on(s) && !c->filed_on[0] && !ud_err_find(err, "filed_on"))
            ud_err_field(err, "filed_on", label("filed_on"),
                         T("状态为“%s”的案件必须有受理日期", "a case that is %s needs a filing date"),
                         status_label(s));
        if (forbids_filed_on(s) && c->filed_on[0]) {
            ud_err_field(err, "filed_on", label("filed_on"),
                         T("状态为“%s”的案件不能有受理日期", "a case that is %s has no filing date"),
                         status_label(s));
            ok_filed = 0;
        }
        if (ud_case_is_terminal(s) && !c->closed_on[0] && !ud_err_find(err, "closed_on"))
            ud_err_field(err, "closed_on", label("closed_on"),
                         T("已结案（%s）的案件必须有结案日期", "a closed case (%s) needs a closing date"),
                         status_label(s));
        if (!ud_case_is_terminal(s) && c->closed_on[0]) {
            ud_err_field(err, "closed_on", label("closed_on"),
                         T("未结案（%s）的案件不能有结案日期", "an open case (%s) has no closing date"),
                         status_label(s));
            ok_closed = 0;
        }
        if (c->agreed_fen != UD_NULL_INT && strcmp(s, "succeeded") != 0 && !ud_err_find(err, "agreed_amount"))
            ud_err_field(err, "agreed_amount", label("agreed_amount"), "%s",
                         T("只有调解成功的案件才有协议金额", "only a case that succeeded has an agreed amount"));
    }
    /* not an error: a settlement may include what was not claimed, but
     * more often a digit is wrong. Without a claim (0) there is nothing to compare.
     * It does not say "saved": a dry run or a refused import saves nothing,
     * and the screen says 已保存 itself. */
    if (c->agreed_fen != UD_NULL_INT && c->claim_fen != UD_NULL_INT && c->claim_fen > 0 &&
        c->agreed_fen > c->claim_fen && !ud_err_find(err, "agreed_amount")) {
        char agreed[40], claim[40];
        ud_format_money(c->agreed_fen, agreed, sizeof agreed);
        ud_format_money(c->claim_fen, claim, sizeof claim);
        ud_err_warn_field(err, "agreed_amount", label("agreed_amount"),
                          T("协议金额 %s 元高于涉案金额 %s 元，请核对",
                            "the amount agreed (%s) is above the amount claimed (%s): please check"),
                          agreed, claim);
    }
    if (ok_recv && ok_filed && strcmp(c->filed_on, c->received_on) < 0) {
        ud_err_field(err, "filed_on", label("filed_on"),
                     T("不能早于接待日期（%s）", "cannot be before the date received (%s)"), c->received_on);
        ok_filed = 0;
    }
    if (ok_closed && ok_filed && strcmp(c->closed_on, c->filed_on) < 0)
        ud_err_field(err, "closed_on", label("closed_on"),
                     T("不能早于受理日期（%s）", "cannot be before the filing date (%s)"), c->filed_on);
    else if (ok_closed && ok_recv && strcmp(c->closed_on, c->received_on) < 0)
        ud_err_field(err, "closed_on", label("closed_on"),
                     T("不能早于接待日期（%s）", "cannot be before the date received (%s)"), c->received_on);
    check_agreement(c, err);
}

/* Case numbers are codes: ASCII letters upper-case, as searches expect. */
static void normalize_case_no(char *no)
{
    ud_trim(no);
    for (char *p = no; *p; p++)
        if ((unsigned char)*p < 0x80)
            *p = (char)toupper((unsigned char)*p);
}

/* old: the stored row on update, NULL on create. parsed: every field was
 * just set by ud_field_set from text (an import row), which made the field
 * checks: they are not made again on the values they produced (the case
 * number's capitals change neither its length nor its characters' kinds). */
static int validate(struct ud_db *db, struct ud_case *c, const struct ud_case *old, int parsed, struct ud_err *err)
{
    normalize_case_no(c->case_no);
    if (parsed)
        ud_fields_check_required(ud_case_fields, c, err);
    else
        ud_fields_validate(db, ud_case_fields, c, err);
    if (c->mediation_org_id != UD_NULL_INT) {
        struct ud_org_brief o;
        struct ud_err e2;
        ud_err_clear(&e2);
        if (ud_org_brief_get(db, c->mediation_org_id, &o, &e2) != UD_OK)
            ud_err_field(err, "mediation_org", label("mediation_org"), "%s", e2.msg);
        else if (!ud_org_kind_level(o.kind))
            ud_err_field(err, "mediation_org", label("mediation_org"),
                         T("“%s”是%s，不能调解案件；调解组织应为区、街道或社区一级的工会",
                           "'%s' is a %s and does not mediate; choose a district, street or community body"),
                         o.name, ud_enum_label(&ud_enum_org_kind, o.kind));
        else if (strcmp(o.status, "active") != 0 && (!old || old->mediation_org_id != c->mediation_org_id))
            ud_err_field(err, "mediation_org", label("mediation_org"), T("“%s”已撤销", "'%s' is dissolved"),
                         o.name);
    }
    if (c->employer_org_id != UD_NULL_INT) {
        struct ud_org_brief o;
        struct ud_err e2;
        ud_err_clear(&e2);
        if (ud_org_brief_get(db, c->employer_org_id, &o, &e2) != UD_OK)
            ud_err_field(err, "employer_org", label("employer_org"), "%s", e2.msg);
        else if (strcmp(o.kind, "enterprise_union") != 0 && strcmp(o.kind, "joint_union") != 0)
            ud_err_field(err, "employer_org", label("employer_org"),
                         T("“%s”是%s，不是企业(基层)工会或联合工会",
                           "'%s' is a %s, not an enterprise or joint union"),
                         o.name, ud_enum_label(&ud_enum_org_kind, o.kind));
    }
    if (old) {
        if (!c->case_no[0] && !ud_err_find(err, "case_no"))
            ud_err_field(err, "case_no", label("case_no"), "%s", T("必填", "required"));
        if (strcmp(c->status, old->status) != 0 && !ud_err_find(err, "status"))
            ud_err_field(err, "status", label("status"), "%s",
                         T("状态只能通过办理流程（受理、结案等）改变", "the status changes only through the workflow moves"));
        /* dates may be corrected; whether there is one follows the moves */
        if (!c->filed_on[0] != !old->filed_on[0] && !ud_err_find(err, "filed_on"))
            ud_err_field(err, "filed_on", label("filed_on"), "%s",
                         T("受理日期只能在受理时填写，可以更正但不能添加或清除",
                           "the filing date is set by filing the case: it can be corrected, not added or removed"));
        if (!c->closed_on[0] != !old->closed_on[0] && !ud_err_find(err, "closed_on"))
            ud_err_field(err, "closed_on", label("closed_on"), "%s",
                         T("结案日期只能在结案时填写，可以更正但不能添加或清除",
                           "the closing date is set by closing the case: it can be corrected, not added or removed"));
    }
    check_consistency(c, err);
    return err->nfields ? UD_ERR_INVALID : UD_OK;
}

/* ---- case numbers ---- */

/* Number of a case number of the form TJ-YYYY-NNNNN (five to nine digits),
 * with its year; 0 when it has another form. */
static int64_t tj_number(const char *no, int *year)
{
    if (strncmp(no, "TJ-", 3) != 0)
        return 0;
    const char *p = no + 3;
    for (int i = 0; i < 4; i++)
        if (!isdigit((unsigned char)p[i]))
            return 0;
    if (p[4] != '-')
        return 0;
    const char *q = p + 5;
    size_t nd = strspn(q, "0123456789");
    if (nd < 5 || nd > 9 || q[nd] != '\0')
        return 0;
    *year = atoi(p);
    return strtoll(q, NULL, 10);
}

static int case_no_taken(struct ud_db *db, const char *no, int *taken, struct ud_err *err)
{
    *taken = 1;
    sqlite3_stmt *st = ud_db_stmt(db, "SELECT 1 FROM cases WHERE case_no = ?1", err);
    if (!st)
        return err->status;
    ud_bind_text(st, 1, no);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return ud_db_error(db, rc, err);
    *taken = rc == SQLITE_ROW;
    return UD_OK;
}

/* Next TJ-YYYY-NNNNN of the year, counted in case_numbers inside the
 * caller's transaction. Numbers already used (typed by hand) are skipped. */
static int next_case_no(struct ud_db *db, const char *received_on, char *out, size_t outsz, struct ud_err *err)
{
    int year = atoi(received_on);
    for (int tries = 0; tries < 1000; tries++) {
        sqlite3_stmt *st = ud_db_stmt(db,
                                      "INSERT INTO case_numbers(year, last) VALUES (?1, 1) "
                                      "ON CONFLICT(year) DO UPDATE SET last = last + 1 RETURNING last",
                                      err);
        if (!st)
            return err->status;
        sqlite3_bind_int(st, 1, year);
        int rc = sqlite3_step(st);
        int64_t seq = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
        if (rc == SQLITE_ROW)
            rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE)
            return ud_db_error(db, rc, err);
        snprintf(out, outsz, "TJ-%04d-%05lld", year % 10000, (long long)(seq % 1000000000));
        int taken;
        if (case_no_taken(db, out, &taken, err) != UD_OK)
            return err->status;
        if (!taken)
            return UD_OK;
    }
    return ud_err_set(err, UD_ERR_INTERNAL, "%s", T("无法生成案件编号", "cannot generate a case number"));
}

/* A TJ number typed by hand (an import) raises its year's sequence, so
 * that later generated numbers come after it. */
static int raise_sequence(struct ud_db *db, const char *case_no, struct ud_err *err)
{
    int year;
    int64_t n = tj_number(case_no, &year);
    if (n <= 0)
        return UD_OK;
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "INSERT INTO case_numbers(year, last) VALUES (?1, ?2) "
                                  "ON CONFLICT(year) DO UPDATE SET last = max(last, excluded.last)",
                                  err);
    if (!st)
        return err->status;
    sqlite3_bind_int(st, 1, year);
    sqlite3_bind_int64(st, 2, n);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? UD_OK : ud_db_error(db, rc, err);
}

/* ---- writing ---- */

/* The applicant is linked to the member with the same ID number, if any. */
static int link_member(struct ud_db *db, struct ud_case *c, struct ud_err *err)
{
    c->member_id = UD_NULL_INT;
    if (!c->applicant_id_number[0])
        return UD_OK;
    struct ud_member m;
    struct ud_err e2;
    ud_err_clear(&e2);
    int st = ud_member_get_by_id_number(db, c->applicant_id_number, &m, &e2);
    if (st == UD_OK)
        c->member_id = m.id;
    else if (st != UD_ERR_NOTFOUND)
        return ud_err_set(err, (enum ud_status)st, "%s", e2.msg);
    return UD_OK;
}

static int add_event(struct ud_db *db, int64_t case_id, const char *kind, const char *from, const char *to,
                     const char *body, struct ud_err *err)
{
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "INSERT INTO case_events(case_id, login, kind, from_status, to_status, body) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                  err);
    if (!st)
        return err->status;
    sqlite3_bind_int64(st, 1, case_id);
    ud_bind_text(st, 2, db->login);
    ud_bind_text(st, 3, kind);
    ud_bind_text(st, 4, from);
    ud_bind_text(st, 5, to);
    ud_bind_text(st, 6, body);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? UD_OK : ud_db_error(db, rc, err);
}

void ud_case_bind_fields(sqlite3_stmt *st, const struct ud_case *c)
{
    ud_bind_text(st, 1, c->case_no);
    sqlite3_bind_int64(st, 2, c->mediation_org_id);
    ud_bind_text(st, 3, c->received_on);
    ud_bind_text(st, 4, c->filed_on);
    ud_bind_int(st, 5, c->workers_count == UD_NULL_INT ? 1 : c->workers_count);
    ud_bind_text(st, 6, c->applicant_name);
    ud_bind_text(st, 7, c->applicant_id_number);
    ud_bind_text(st, 8, c->applicant_phone);
    ud_bind_opt_int(st, 9, c->member_id);
    ud_bind_text(st, 10, c->employer_name);
    ud_bind_text(st, 11, c->employer_credit_code);
    ud_bind_opt_int(st, 12, c->employer_org_id);
    ud_bind_text(st, 13, c->dispute_type);
    ud_bind_int(st, 14, c->claim_fen == UD_NULL_INT ? 0 : c->claim_fen);
    ud_bind_opt_int(st, 15, c->agreed_fen);
    ud_bind_text(st, 16, c->mediator);
    ud_bind_text(st, 17, c->status);
    ud_bind_text(st, 18, c->closed_on);
    ud_bind_text(st, 19, c->outcome);
    sqlite3_bind_int(st, 20, c->referred_to_arbitration ? 1 : 0);
    ud_bind_text(st, 21, c->claims);
    ud_bind_text(st, 22, c->facts);
    ud_bind_text(st, 23, c->respondent_rep);
    ud_bind_text(st, 24, c->agreement_terms);
    ud_bind_text(st, 25, c->payment_due_on);
}

static int create(struct ud_db *db, struct ud_case *c, int parsed, struct ud_err *err)
{
    if (ud_may(db, UD_ACT_CASE_WRITE, err) != UD_OK)
        return err->status;
    c->id = 0;
    if (!c->status[0])
        snprintf(c->status, sizeof c->status, "received");
    if (validate(db, c, NULL, parsed, err) != UD_OK)
        return err->status;
    if (ud_db_begin(db, err) != UD_OK)
        return err->status;
    int status = link_member(db, c, err);
    if (status == UD_OK)
        status = c->case_no[0] ? raise_sequence(db, c->case_no, err)
                               : next_case_no(db, c->received_on, c->case_no, sizeof c->case_no, err);
    if (status != UD_OK)
        return ud_mod_finish(db, status, err);
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "INSERT INTO cases(case_no, mediation_org_id, received_on, filed_on, "
                                  "workers_count, applicant_name, applicant_id_number, applicant_phone, member_id, "
                                  "employer_name, employer_credit_code, employer_org_id, dispute_type, claim_fen, "
                                  "agreed_fen, mediator, status, closed_on, outcome, referred_to_arbitration, claims, facts, "
                                  "respondent_rep, agreement_terms, payment_due_on) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
                                  "?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)",
                                  err);
    if (!st)
        return ud_mod_finish(db, err->status, err);
    ud_case_bind_fields(st, c);
    if (ud_mod_step(db, st, ud_case_fields, err) != UD_OK)
        return err->status;
    int64_t id = sqlite3_last_insert_rowid(db->h);
    if (add_event(db, id, "status", NULL, c->status, NULL, err) != UD_OK)
        return ud_mod_finish(db, err->status, err);
    if (ud_db_commit(db, err) != UD_OK)
        return err->status;
    return ud_case_get(db, id, c, err);
}

int ud_case_create(struct ud_db *db, struct ud_case *c, struct ud_err *err)
{
    return create(db, c, 0, err);
}

int ud_case_create_parsed(struct ud_db *db, struct ud_case *c, struct ud_err *err)
{
    return create(db, c, 1, err);
}

int ud_case_update(struct ud_db *db, struct ud_case *c, struct ud_err *err)
{
    if (ud_may(db, UD_ACT_CASE_WRITE, err) != UD_OK)
        return err->status;
    struct ud_case old;
    if (ud_case_get(db, c->id, &old, err) != UD_OK)
        return err->status;
    if (old.version != c->version)
        return ud_mod_conflict(db, "cases", c->id, err);
    if (!c->texts_read) { /* a list's row: its long texts were not read, not cleared */
        memcpy(c->claims, old.claims, sizeof c->claims);
        memcpy(c->facts, old.facts, sizeof c->facts);
        memcpy(c->agreement_terms, old.agreement_terms, sizeof c->agreement_terms);
        c->texts_read = 1;
    }
    if (validate(db, c, &old, 0, err) != UD_OK)
        return err->status;
    if (ud_db_begin(db, err) != UD_OK)
        return err->status;
    int status = link_member(db, c, err);
    if (status == UD_OK && strcmp(c->case_no, old.case_no) != 0)
        status = raise_sequence(db, c->case_no, err);
    if (status != UD_OK)
        return ud_mod_finish(db, status, err);
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "UPDATE cases SET case_no = ?1, mediation_org_id = ?2, received_on = ?3, "
                                  "filed_on = ?4, workers_count = ?5, applicant_name = ?6, applicant_id_number = ?7, "
                                  "applicant_phone = ?8, member_id = ?9, employer_name = ?10, "
                                  "employer_credit_code = ?11, employer_org_id = ?12, dispute_type = ?13, "
                                  "claim_fen = ?14, agreed_fen = ?15, mediator = ?16, status = ?17, closed_on = ?18, "
                                  "outcome = ?19, referred_to_arbitration = ?20, claims = ?21, facts = ?22, "
                                  "respondent_rep = ?23, agreement_terms = ?24, payment_due_on = ?25, "
                                  "version = version + 1, updated_at = " UD_NOW_SQL " WHERE id = ?26 AND version = ?27",
                                  err);
    if (!st)
        return ud_mod_finish(db, err->status, err);
    ud_case_bind_fields(st, c);
    sqlite3_bind_int64(st, 26, c->id);
    sqlite3_bind_int64(st, 27, c->version);
    if (ud_mod_step_versioned(db, st, "cases", c->id, ud_case_fields, err) != UD_OK)
        return err->status;
    return ud_case_get(db, c->id, c, err);
}

int ud_case_delete(struct ud_db *db, int64_t id, int64_t version, struct ud_err *err)
{
    return ud_mod_delete(db, ud_act_role(UD_ACT_CASE_DELETE), "DELETE FROM cases WHERE id = ?1 AND version = ?2", "cases", id,
                         version, NULL, err);
}

/* ---- moves ---- */

/* Applies a move's arguments to a copy of the case; field errors name the
 * field each argument lands in. */
static void apply_move(const char *to, const struct ud_case_move *a, struct ud_case *n, struct ud_err *err)
{
    const char *date_field = ud_case_move_date_field(to);
    if (date_field) {
        char d[UD_DATE_SZ], today[UD_DATE_SZ];
        const char *why = NULL;
        ud_today(today);
        if (ud_blank(a->date))
            snprintf(d, sizeof d, "%s", today);
        else if ((why = ud_parse_date(a->date, d)))
            ud_err_field(err, date_field, label(date_field), "%s", why);
        if (!why && strcmp(d, today) > 0)
            ud_err_field(err, date_field, label(date_field), T("不能晚于今天（%s）", "cannot be after today (%s)"),
                         today);
        else if (!why)
            snprintf(strcmp(date_field, "filed_on") == 0 ? n->filed_on : n->closed_on, UD_DATE_SZ, "%s", d);
    }
    snprintf(n->status, sizeof n->status, "%s", to);
    if (strcmp(to, "succeeded") == 0) {
        if (a->agreed_fen != UD_NULL_INT && (a->agreed_fen < 0 || a->agreed_fen > UD_MONEY_MAX_FEN))
            ud_err_field(err, "agreed_amount", label("agreed_amount"), "%s",
                         T("金额超出范围", "amount out of range"));
        else
            n->agreed_fen = a->agreed_fen;
    } else if (a->agreed_fen != UD_NULL_INT && a->agreed_fen != 0) {
        ud_err_field(err, "agreed_amount", label("agreed_amount"), "%s",
                     T("只有调解成功时才填写协议金额", "an agreed amount goes only with a successful mediation"));
    }
    if (strcmp(to, "failed") == 0)
        n->referred_to_arbitration = a->referred_to_arbitration ? 1 : 0;
    else if (a->referred_to_arbitration)
        ud_err_field(err, "referred_to_arbitration", label("referred_to_arbitration"), "%s",
                     T("只有调解不成的案件才转仲裁", "only a failed mediation is referred to arbitration"));
    if (!ud_blank(a->outcome)) {
        const char *why = ud_check_text(a->outcome, OUTCOME_MAX, 1);
        if (!why && strlen(a->outcome) >= sizeof n->outcome)
            why = T("过长", "too long");
        if (why)
            ud_err_field(err, "outcome", label("outcome"), "%s", why);
        else
            snprintf(n->outcome, sizeof n->outcome, "%s", a->outcome);
    }
    if (!ud_blank(a->agreement_terms)) {
        const char *why = ud_check_text(a->agreement_terms, AGREEMENT_MAX, 1);
        if (!why && strlen(a->agreement_terms) >= sizeof n->agreement_terms)
            why = T("过长", "too long");
        if (why)
            ud_err_field(err, "agreement_terms", label("agreement_terms"), "%s", why);
        else
            snprintf(n->agreement_terms, sizeof n->agreement_terms, "%s", a->agreement_terms);
    }
    if (!ud_blank(a->payment_due_on)) {
        char d[UD_DATE_SZ];
        const char *why = ud_parse_date(a->payment_due_on, d);
        if (why)
            ud_err_field(err, "payment_due_on", label("payment_due_on"), "%s", why);
        else
            memcpy(n->payment_due_on, d, UD_DATE_SZ);
    }
    /* a draft agreement is not dropped silently by a move that ends without one */
    if (!ud_case_may_have_agreement(to) && (n->agreement_terms[0] || n->payment_due_on[0])) {
        const char *f = n->agreement_terms[0] ? "agreement_terms" : "payment_due_on";
        ud_err_field(err, f, label(f),
                     T("案件有起草的协议内容或履行期限，不能改为“%s”：请先修改案件，清空协议内容和履行期限",
                       "the case has draft agreement terms or a due date: clear them in the case before it becomes %s"),
                     status_label(to));
    }
    if (!ud_blank(a->note)) {
        const char *why = ud_check_text(a->note, UD_EVENT_BODY_MAX, 1);
        if (why)
            ud_err_field(err, "note", T("备注", "note"), "%s", why);
    }
    check_consistency(n, err);
}

int ud_case_move(struct ud_db *db, int64_t id, int64_t expected_version, const char *to_status,
                 const struct ud_case_move *args, struct ud_err *err)
{
    if (ud_may(db, UD_ACT_CASE_MOVE, err) != UD_OK)
        return err->status;
    struct ud_case_move defaults;
    if (!args) {
        ud_case_move_init(&defaults);
        args = &defaults;
    }
    if (!to_status || ud_enum_index(&ud_enum_case_status, to_status) < 0)
        return ud_err_set(err, UD_ERR_INVALID, T("没有“%s”这个案件状态", "'%s' is not a case status"),
                          to_status ? to_status : "");
    struct ud_case c;
    if (ud_case_get(db, id, &c, err) != UD_OK)
        return err->status;
    if (c.version != expected_version)
        return ud_mod_conflict(db, "cases", id, err);
    if (!move_allowed(c.status, to_status))
        return ud_err_set(err, UD_ERR_STATE,
                          T("不能把案件从“%s”改为“%s”", "a case cannot move from '%s' to '%s'"),
                          status_label(c.status), status_label(to_status));
    struct ud_case n = c;
    apply_move(to_status, args, &n, err);
    if (err->nfields)
        return err->status;
    if (ud_db_begin(db, err) != UD_OK)
        return err->status;
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "UPDATE cases SET status = ?1, filed_on = ?2, closed_on = ?3, agreed_fen = ?4, "
                                  "outcome = ?5, referred_to_arbitration = ?6, agreement_terms = ?9, "
                                  "payment_due_on = ?10, version = version + 1, "
                                  "updated_at = " UD_NOW_SQL " WHERE id = ?7 AND version = ?8",
                                  err);
    if (!st)
        return ud_mod_finish(db, err->status, err);
    ud_bind_text(st, 1, n.status);
    ud_bind_text(st, 2, n.filed_on);
    ud_bind_text(st, 3, n.closed_on);
    ud_bind_opt_int(st, 4, n.agreed_fen);
    ud_bind_text(st, 5, n.outcome);
    sqlite3_bind_int(st, 6, n.referred_to_arbitration ? 1 : 0);
    sqlite3_bind_int64(st, 7, id);
    sqlite3_bind_int64(st, 8, expected_version);
    ud_bind_text(st, 9, n.agreement_terms);
    ud_bind_text(st, 10, n.payment_due_on);
    if (ud_mod_step_changed(db, st, "cases", id, ud_case_fields, err) != UD_OK)
        return err->status;
    if (add_event(db, id, "status", c.status, to_status, ud_blank(args->note) ? NULL : args->note, err) != UD_OK)
        return ud_mod_finish(db, err->status, err);
    return ud_db_commit(db, err);
}

int ud_case_move_apply(struct ud_case *c, const char *to_status, const struct ud_case_move *args,
                       struct ud_err *err)
{
    if (!to_status || ud_enum_index(&ud_enum_case_status, to_status) < 0)
        return ud_err_set(err, UD_ERR_INVALID, T("没有“%s”这个案件状态", "'%s' is not a case status"),
                          to_status ? to_status : "");
    if (!move_allowed(c->status, to_status))
        return ud_err_set(err, UD_ERR_STATE,
                          T("不能把案件从“%s”改为“%s”", "a case cannot move from '%s' to '%s'"),
                          status_label(c->status), status_label(to_status));
    struct ud_case_move defaults;
    if (!args) {
        ud_case_move_init(&defaults);
        args = &defaults;
    }
    apply_move(to_status, args, c, err);
    if (err->nfields)
        return err->status;
    c->version++;
    return UD_OK;
}

int ud_case_validate_new(struct ud_db *db, struct ud_case *c, struct ud_err *err)
{
    if (!c->status[0])
        snprintf(c->status, sizeof c->status, "received");
    return validate(db, c, NULL, 0, err);
}

/* ---- reopening ---- */

/* The status a closed case had before it was closed: where the last move
 * into its present status came from. A case created closed (an import)
 * has no such move: it goes back to filed when it was filed, else to
 * received. */
static int status_before(struct ud_db *db, const struct ud_case *c, char *out, size_t outsz, struct ud_err *err)
{
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "SELECT from_status FROM case_events WHERE case_id = ?1 AND kind = 'status' "
                                  "AND to_status = ?2 AND from_status IS NOT NULL ORDER BY id DESC LIMIT 1",
                                  err);
    if (!st)
        return err->status;
    sqlite3_bind_int64(st, 1, c->id);
    ud_bind_text(st, 2, c->status);
    int rc = sqlite3_step(st);
    out[0] = '\0';
    if (rc == SQLITE_ROW)
        ud_col_text(st, 0, out, outsz);
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return ud_db_error(db, rc, err);
    if (!out[0] || ud_case_is_terminal(out) || ud_enum_index(&ud_enum_case_status, out) < 0)
        snprintf(out, outsz, "%s", c->filed_on[0] ? "filed" : "received");
    return UD_OK;
}

int ud_case_reopen(struct ud_db *db, int64_t case_id, int64_t expected_version, const char *reason,
                   struct ud_err *err)
{
    if (ud_may(db, UD_ACT_CASE_REOPEN, err) != UD_OK)
        return err->status;
    const char *why = ud_blank(reason) ? T("必填", "required") : ud_check_text(reason, UD_EVENT_BODY_MAX, 1);
    if (why)
        return ud_err_field(err, "reason", T("重新办理原因", "reason for reopening"), "%s", why);
    if (ud_db_begin(db, err) != UD_OK)
        return err->status;
    /* read under the write lock: the case cannot close or reopen meanwhile */
    struct ud_case c;
    if (ud_case_get(db, case_id, &c, err) != UD_OK)
        return ud_mod_finish(db, err->status, err);
    /* the close the officer saw, not one made since by someone else */
    if (c.version != expected_version) {
        ud_mod_conflict(db, "cases", c.id, err);
        return ud_mod_finish(db, err->status, err);
    }
    if (!ud_case_is_terminal(c.status)) {
        ud_err_set(err, UD_ERR_STATE,
                   T("案件 %s 未结案（%s），不需要重新办理", "case %s is not closed (%s): there is nothing to reopen"),
                   c.case_no, status_label(c.status));
        return ud_mod_finish(db, err->status, err);
    }
    struct ud_case n = c;
    if (status_before(db, &c, n.status, sizeof n.status, err) != UD_OK)
        return ud_mod_finish(db, err->status, err);
    /* what only a closed case has goes; the timeline and the audit log keep it */
    n.closed_on[0] = '\0';
    n.agreed_fen = UD_NULL_INT;
    n.referred_to_arbitration = 0;
    if (forbids_filed_on(n.status))
        n.filed_on[0] = '\0';
    check_consistency(&n, err);
    if (err->nfields)
        return ud_mod_finish(db, err->status, err);
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "UPDATE cases SET status = ?1, filed_on = ?2, closed_on = NULL, agreed_fen = NULL, "
                                  "referred_to_arbitration = 0, version = version + 1, "
                                  "updated_at = " UD_NOW_SQL " WHERE id = ?3 AND version = ?4",
                                  err);
    if (!st)
        return ud_mod_finish(db, err->status, err);
    ud_bind_text(st, 1, n.status);
    ud_bind_text(st, 2, n.filed_on);
    sqlite3_bind_int64(st, 3, c.id);
    sqlite3_bind_int64(st, 4, c.version);
    if (ud_mod_step_changed(db, st, "cases", c.id, ud_case_fields, err) != UD_OK)
        return err->status;
    if (add_event(db, c.id, "reopened", c.status, n.status, reason, err) != UD_OK)
        return ud_mod_finish(db, err->status, err);
    return ud_db_commit(db, err);
}

/* ---- timeline ---- */

int ud_case_add_event(struct ud_db *db, int64_t case_id, const char *kind, const char *body,
                      struct ud_err *err)
{
    if (ud_may(db, UD_ACT_CASE_WRITE, err) != UD_OK)
        return err->status;
    const struct ud_enum_item *k = kind ? ud_enum_find(&ud_enum_event_kind, kind) : NULL;
    if (!k || strcmp(k->code, "status") == 0 || strcmp(k->code, "reopened") == 0)
        ud_err_field(err, "kind", T("类型", "kind"), "%s",
                     T("应为 备注、调解会、电话 或 走访", "must be note, session, phone or visit"));
    const char *why = ud_blank(body) ? T("必填", "required") : ud_check_text(body, UD_EVENT_BODY_MAX, 1);
    if (why)
        ud_err_field(err, "body", T("内容", "text"), "%s", why);
    if (err->nfields)
        return err->status;
    if (ud_db_begin(db, err) != UD_OK)
        return err->status;
    if (!ud_mod_exists(db, "SELECT count(*) FROM cases WHERE id = ?1", case_id)) {
        ud_err_set(err, UD_ERR_NOTFOUND, T("案件 %lld 不存在", "case %lld does not exist"), (long long)case_id);
        return ud_mod_finish(db, err->status, err);
    }
    if (add_event(db, case_id, k->code, NULL, NULL, body, err) != UD_OK)
        return ud_mod_finish(db, err->status, err);
    return ud_db_commit(db, err);
}

int ud_case_events(struct ud_db *db, int64_t case_id, struct ud_case_event *rows, int max, int *n,
                   struct ud_err *err)
{
    *n = 0;
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "SELECT id, case_id, at, login, kind, from_status, to_status, body "
                                  "FROM case_events WHERE case_id = ?1 ORDER BY at, id LIMIT ?2",
                                  err);
    if (!st)
        return err->status;
    sqlite3_bind_int64(st, 1, case_id);
    sqlite3_bind_int(st, 2, max < 0 ? 0 : max);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct ud_case_event *e = &rows[(*n)++];
        e->id = sqlite3_column_int64(st, 0);
        e->case_id = sqlite3_column_int64(st, 1);
        ud_col_text(st, 2, e->at, sizeof e->at);
        ud_col_text(st, 3, e->login, sizeof e->login);
        ud_col_text(st, 4, e->kind, sizeof e->kind);
        ud_col_text(st, 5, e->from_status, sizeof e->from_status);
        ud_col_text(st, 6, e->to_status, sizeof e->to_status);
        ud_col_text(st, 7, e->body, sizeof e->body);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? UD_OK : ud_db_error(db, rc, err);
}
