/* Mediation cases: reading one case, lists and counts. */
#include "uniondesk/dispute.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "uniondesk/i18n.h"
#include "listq.h"
#include "modutil.h"
#include "uniondesk/utf8.h"
#include "uniondesk/org.h"
#include "db_int.h"

const struct ud_sort_key ud_case_sort_keys[] = {
    {"received_on", "c.received_on", 0, 0},
    {"case_no", "c.case_no", 0, 0},
    {NULL, NULL, 0, 0},
};

/* ?1 is always today, for the overdue flag: get binds it itself, the list
 * filter binds it first of all its values. */
#define CASE_COLS                                                                                      \
    "SELECT c.id, c.case_no, c.mediation_org_id, c.received_on, c.filed_on, c.workers_count, "         \
    "c.applicant_name, c.applicant_id_number, c.applicant_phone, c.member_id, c.employer_name, "       \
    "c.employer_credit_code, c.employer_org_id, c.dispute_type, c.claim_fen, c.agreed_fen, c.mediator, " \
    "c.status, c.closed_on, c.outcome, c.referred_to_arbitration, c.created_at, c.updated_at, "         \
    "c.version, o.name, o.kind, ud_overdue(c.status, c.filed_on, ?1), c.respondent_rep, c.payment_due_on"
#define CASE_NCOLS 29
/* the long texts, read by get only: a list row stays a few hundred bytes of
 * SQLite's work, not 20 KB */
#define CASE_TEXT_COLS ", c.claims, c.facts, c.agreement_terms"
/* LEFT JOIN (every case has its org) keeps cases the outer loop */
#define CASE_FROM " FROM cases c LEFT JOIN orgs o ON o.id = c.mediation_org_id"

static void read_row(sqlite3_stmt *st, void *row)
{
    struct ud_case *c = row;
    char kind[24];
    c->id = sqlite3_column_int64(st, 0);
    ud_col_text(st, 1, c->case_no, sizeof c->case_no);
    c->mediation_org_id = sqlite3_column_int64(st, 2);
    ud_col_text(st, 3, c->received_on, sizeof c->received_on);
    ud_col_text(st, 4, c->filed_on, sizeof c->filed_on);
    c->workers_count = sqlite3_column_int64(st, 5);
    ud_col_text(st, 6, c->applicant_name, sizeof c->applicant_name);
    ud_col_text(st, 7, c->applicant_id_number, sizeof c->applicant_id_number);
    ud_col_text(st, 8, c->applicant_phone, sizeof c->applicant_phone);
    c->member_id = ud_col_opt_int(st, 9);
    ud_col_text(st, 10, c->employer_name, sizeof c->employer_name);
    ud_col_text(st, 11, c->employer_credit_code, sizeof c->employer_credit_code);
    c->employer_org_id = ud_col_opt_int(st, 12);
    ud_col_text(st, 13, c->dispute_type, sizeof c->dispute_type);
    c->claim_fen = sqlite3_column_int64(st, 14);
    c->agreed_fen = ud_col_opt_int(st, 15);
    ud_col_text(st, 16, c->mediator, sizeof c->mediator);
    ud_col_text(st, 17, c->status, sizeof c->status);
    ud_col_text(st, 18, c->closed_on, sizeof c->closed_on);
    ud_col_text(st, 19, c->outcome, sizeof c->outcome);
    c->referred_to_arbitration = sqlite3_column_int(st, 20);
    ud_col_text(st, 21, c->created_at, sizeof c->created_at);
    ud_col_text(st, 22, c->updated_at, sizeof c->updated_at);
    c->version = sqlite3_column_int64(st, 23);
    ud_col_text(st, 24, c->mediation_org_name, sizeof c->mediation_org_name);
    ud_col_text(st, 25, kind, sizeof kind);
    const char *level = ud_org_kind_level(kind);
    snprintf(c->level, sizeof c->level, "%s", level ? level : "");
    c->overdue = sqlite3_column_int(st, 26);
    ud_col_text(st, 27, c->respondent_rep, sizeof c->respondent_rep);
    ud_col_text(st, 28, c->payment_due_on, sizeof c->payment_due_on);
    c->claims[0] = c->facts[0] = c->agreement_terms[0] = '\0';
    c->texts_read = 0;
}

static void read_full(sqlite3_stmt *st, void *row)
{
    struct ud_case *c = row;
    read_row(st, row);
    ud_col_text(st, CASE_NCOLS, c->claims, sizeof c->claims);
    ud_col_text(st, CASE_NCOLS + 1, c->facts, sizeof c->facts);
    ud_col_text(st, CASE_NCOLS + 2, c->agreement_terms, sizeof c->agreement_terms);
    c->texts_read = 1;
}

/* One case's statement, with today bound as ?1; the key is the caller's ?2. */
static sqlite3_stmt *get_stmt(struct ud_db *db, const char *sql, struct ud_err *err)
{
    char today[UD_DATE_SZ];
    ud_today(today);
    sqlite3_stmt *st = ud_db_stmt(db, sql, err);
    if (st)
        ud_bind_text(st, 1, today);
    return st;
}

int ud_case_get(struct ud_db *db, int64_t id, struct ud_case *c, struct ud_err *err)
{
    sqlite3_stmt *st = get_stmt(db, CASE_COLS CASE_TEXT_COLS CASE_FROM " WHERE c.id = ?2", err);
    if (!st)
        return err->status;
    sqlite3_bind_int64(st, 2, id);
    return ud_mod_step_row(db, st, read_full, c, err, T("案件 %lld 不存在", "case %lld does not exist"),
                           (long long)id);
}

int ud_case_get_by_no(struct ud_db *db, const char *case_no, struct ud_case *c, struct ud_err *err)
{
    char no[UD_CASE_NO_SZ];
    snprintf(no, sizeof no, "%s", case_no ? case_no : "");
    ud_trim(no);
    for (char *p = no; *p; p++)
        if ((unsigned char)*p < 0x80)
            *p = (char)toupper((unsigned char)*p);
    sqlite3_stmt *st = get_stmt(db, CASE_COLS CASE_TEXT_COLS CASE_FROM " WHERE c.case_no = ?2", err);
    if (!st)
        return err->status;
    ud_bind_text(st, 2, no);
    return ud_mod_step_row(db, st, read_full, c, err, T("案件编号“%s”不存在", "no case has number '%s'"), no);
}

int ud_case_resolve(struct ud_db *db, const char *case_no, int64_t *id, struct ud_err *err)
{
    struct ud_case c;
    if (ud_case_get_by_no(db, case_no, &c, err) != UD_OK)
        return err->status;
    *id = c.id;
    return UD_OK;
}

static void ref_key(struct ud_db *db, int64_t id, char *out, size_t outsz)
{
    struct ud_case c;
    struct ud_err e;
    ud_err_clear(&e);
    if (ud_case_get(db, id, &c, &e) == UD_OK)
        snprintf(out, outsz, "%s", c.case_no);
    else
        snprintf(out, outsz, "#%lld", (long long)id);
}

static void ref_display(struct ud_db *db, int64_t id, char *out, size_t outsz)
{
    struct ud_case c;
    struct ud_err e;
    ud_err_clear(&e);
    if (ud_case_get(db, id, &c, &e) == UD_OK)
        snprintf(out, outsz, "%s %s", c.case_no, c.applicant_name);
    else
        snprintf(out, outsz, "#%lld", (long long)id);
}

const struct ud_ref_kind ud_ref_case = {"case", ud_case_resolve, ref_key, ref_display};

/* ---- lists ---- */

struct list_arg {
    const struct ud_case_filter *f;
    char today[UD_DATE_SZ];
    /* 1: the filters' columns are written +column, so that SQLite cannot
     * drive the query by their indexes and walks the sort index instead */
    int walk;
};

/* Up to this many matching rows, a page is cheapest found through the
 * filters' own indexes and sorted; beyond it, by walking the sort order. */
#define SORT_SMALL 1000

static void list_filter(struct ud_sqlbuf *q, int *w, const void *arg)
{
    const struct list_arg *a = arg;
    /* today is ?1, used by the select's overdue column and by overdue_only;
     * a query built in another order would be wrong, so refuse it */
    if (ud_sql_text(q, a->today) != 1)
        q->overflow = 1;
    const struct ud_case_filter *f = a->f;
    if (!f)
        return;
    if (f->status && *f->status) {
        ud_sql_where(q, w, a->walk ? "+c.status = " : "c.status = ");
        ud_sql_param_text(q, f->status);
    }
    if (f->dispute_type && *f->dispute_type) {
        ud_sql_where(q, w, a->walk ? "+c.dispute_type = " : "c.dispute_type = ");
        ud_sql_param_text(q, f->dispute_type);
    }
    if (f->level && *f->level) {
        /* the kinds whose level it is, as org.c defines levels */
        ud_sql_where(q, w, a->walk ? "+c.mediation_org_id IN (SELECT id FROM orgs WHERE kind IN ("
                                   : "c.mediation_org_id IN (SELECT id FROM orgs WHERE kind IN (");
        int first = 1;
        for (int i = 0; i < ud_enum_org_kind.count; i++) {
            const char *lv = ud_org_kind_level(ud_enum_org_kind.items[i].code);
            if (!lv || strcmp(lv, f->level) != 0)
                continue;
            if (!first)
                ud_sql_add(q, ", ");
            ud_sql_param_text(q, ud_enum_org_kind.items[i].code);
            first = 0;
        }
        if (first)
            ud_sql_add(q, "NULL");
        ud_sql_add(q, "))");
    }
    if (f->overdue_only) {
        /* ud_overdue() decides; only open, filed cases can be overdue, and
         * saying so lets the status index narrow the rows */
        ud_sql_where(q, w, a->walk ? "+c.status IN ('filed', 'mediating') AND ud_overdue(c.status, c.filed_on, ?1)"
                                   : "c.status IN ('filed', 'mediating') AND ud_overdue(c.status, c.filed_on, ?1)");
    }
    if (f->mediator && *f->mediator) {
        ud_sql_where(q, w, "c.mediator = ");
        ud_sql_param_text(q, f->mediator);
    }
    if (f->org_subtree) {
        ud_sql_where(q, w, "");
        ud_org_subtree_cond(q, a->walk ? "+c.mediation_org_id" : "c.mediation_org_id", f->org_subtree);
    }
    if (f->received_from && *f->received_from) {
        ud_sql_where(q, w, "c.received_on >= ");
        ud_sql_param_text(q, f->received_from);
    }
    if (f->received_to && *f->received_to) {
        ud_sql_where(q, w, "c.received_on <= ");
        ud_sql_param_text(q, f->received_to);
    }
}

/* A query is looked up as a case number, then an applicant's name, then
 * an employer's name, each a prefix over its own index. */
static const struct ud_sort_key search_keys[] = {
    {"case_no", "c.case_no", 0, 1},
    {"applicant_name", "c.applicant_name", 0, 0},
    {"employer_name", "c.employer_name", 0, 0},
};
#define NSEARCH ((int)(sizeof search_keys / sizeof search_keys[0]))

/* Then the fragment group (migration 0004): 1-2 characters are a key of
 * case_grams (applicant and employer names), longer fragments an FTS5
 * trigram phrase over case number, applicant, ID number and employer. */
static void gram_cond(struct ud_sqlbuf *q, int *w, const char *text)
{
    ud_sql_where(q, w, "x.gram = ");
    ud_sql_param_text(q, text);
    ud_sql_where(q, w, "c.id = x.case_id");
}

static void fts_cond(struct ud_sqlbuf *q, int *w, const char *text)
{
    /* a phrase: the text in double quotes, its own quotes doubled */
    char phrase[256];
    size_t o = 0;
    phrase[o++] = '"';
    for (const char *p = text; *p && o < sizeof phrase - 3; p++) {
        if (*p == '"')
            phrase[o++] = '"';
        phrase[o++] = *p;
    }
    phrase[o++] = '"';
    phrase[o] = '\0';
    ud_sql_where(q, w, "cases_fts MATCH ");
    ud_sql_param_text(q, phrase);
    ud_sql_where(q, w, "c.id = cases_fts.rowid");
}

static const struct ud_list_frag gram_frag = {
    " FROM case_grams x CROSS JOIN cases c LEFT JOIN orgs o ON o.id = c.mediation_org_id", gram_cond, 1,
    {{"x.case_id", UD_FRAG_ID}, {NULL, UD_FRAG_ID}, {NULL, UD_FRAG_ID}}, NULL};
static const struct ud_list_frag gram_frag_count = {
    " FROM case_grams x CROSS JOIN cases c", gram_cond, 1,
    {{"x.case_id", UD_FRAG_ID}, {NULL, UD_FRAG_ID}, {NULL, UD_FRAG_ID}}, NULL};
static const struct ud_list_frag fts_frag = {
    " FROM cases_fts CROSS JOIN cases c LEFT JOIN orgs o ON o.id = c.mediation_org_id", fts_cond, 1,
    {{"cases_fts.rowid", UD_FRAG_ID}, {NULL, UD_FRAG_ID}, {NULL, UD_FRAG_ID}}, NULL};
static const struct ud_list_frag fts_frag_count = {
    " FROM cases_fts CROSS JOIN cases c", fts_cond, 1,
    {{"cases_fts.rowid", UD_FRAG_ID}, {NULL, UD_FRAG_ID}, {NULL, UD_FRAG_ID}}, NULL};

static const struct ud_list_frag *case_frag(const char *q, int counting)
{
    if (ud_utf8_chars(q) <= 2)
        return counting ? &gram_frag_count : &gram_frag;
    return counting ? &fts_frag_count : &fts_frag;
}

static int check_filter(const struct ud_case_filter *f, struct ud_err *err)
{
    if (!f)
        return UD_OK;
    if (f->level && *f->level && ud_enum_index(&ud_enum_level, f->level) < 0)
        return ud_err_set(err, UD_ERR_INVALID, T("没有“%s”这一级，应为 district、street 或 community",
                                                 "no level '%s': use district, street or community"),
                          f->level);
    if (f->status && *f->status && ud_enum_index(&ud_enum_case_status, f->status) < 0)
        return ud_err_set(err, UD_ERR_INVALID, T("没有“%s”这个案件状态", "'%s' is not a case status"), f->status);
    if (f->dispute_type && *f->dispute_type && ud_enum_index(&ud_enum_dispute_type, f->dispute_type) < 0)
        return ud_err_set(err, UD_ERR_INVALID, T("没有“%s”这个争议类型", "'%s' is not a dispute type"),
                          f->dispute_type);
    return UD_OK;
}

/* Rows the filters (not the search) match, counting no further than max. */
static int count_upto(struct ud_db *db, const struct list_arg *a, int max, int64_t *count, struct ud_err *err)
{
    struct ud_sqlbuf q;
    int w = 0;
    ud_sql_init(&q, "SELECT count(*) FROM (SELECT 1 FROM cases c");
    list_filter(&q, &w, a);
    ud_sql_add(&q, " LIMIT ");
    ud_sql_param_int(&q, max);
    ud_sql_add(&q, ")");
    sqlite3_stmt *st;
    if (ud_sql_prepare(db, &q, &st, err) != UD_OK)
        return err->status;
    int rc = sqlite3_step(st);
    *count = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? UD_OK : ud_db_error(db, rc, err);
}

static int has_indexed_filter(const struct ud_case_filter *f)
{
    return f && ((f->status && *f->status) || (f->dispute_type && *f->dispute_type) || (f->level && *f->level) ||
                 f->overdue_only || f->org_subtree);
}

int ud_case_list(struct ud_db *db, const struct ud_case_filter *f, const struct ud_page *pg,
                 struct ud_case *rows, struct ud_cursor *cursors, int *n, struct ud_err *err)
{
    *n = 0;
    if (check_filter(f, err) != UD_OK)
        return err->status;
    struct list_arg a = {f, "", 0};
    ud_today(a.today);
    /* Filters that match many rows are cheapest checked row by row along
     * the sort index; filters that match few, through their own index and
     * a sort. A count that stops early tells which. */
    if (has_indexed_filter(f)) {
        int64_t count;
        if (count_upto(db, &a, SORT_SMALL + 1, &count, err) != UD_OK)
            return err->status;
        if (count == 0)
            return UD_OK;
        a.walk = count > SORT_SMALL;
    }
    struct ud_list_spec spec = {CASE_COLS, CASE_FROM, CASE_NCOLS, "c.id", sizeof *rows, read_row, list_filter, &a};
    const char *q = f ? f->query : NULL;
    if (q && *q)
        return ud_list_search(db, &spec, search_keys, NSEARCH, case_frag(q, 0), q, pg, rows, cursors, n, err);
    return ud_list_fetch(db, &spec, ud_list_sort_key(ud_case_sort_keys, pg->sort), 1, NULL, pg, rows, cursors,
                         n, err);
}

int ud_case_locate(struct ud_db *db, const struct ud_case_filter *f, const char *sort, int64_t id,
                   struct ud_cursor *at, struct ud_err *err)
{
    memset(at, 0, sizeof *at);
    if (check_filter(f, err) != UD_OK)
        return err->status;
    struct ud_case_filter g;
    if (f)
        g = *f;
    else
        memset(&g, 0, sizeof g);
    g.query = NULL;
    /* walk: the filters checked on the one row the id finds */
    struct list_arg a = {&g, "", 1};
    ud_today(a.today);
    struct ud_list_spec spec = {CASE_COLS, CASE_FROM, CASE_NCOLS, "c.id", sizeof(struct ud_case), read_row,
                                list_filter, &a};
    return ud_list_locate(db, &spec, ud_list_sort_key(ud_case_sort_keys, sort), id, at, err);
}

int ud_case_count(struct ud_db *db, const struct ud_case_filter *f, int64_t *count, struct ud_err *err)
{
    *count = 0;
    if (check_filter(f, err) != UD_OK)
        return err->status;
    struct list_arg a = {f, "", 0};
    ud_today(a.today);
    struct ud_list_spec spec = {CASE_COLS, " FROM cases c", CASE_NCOLS, "c.id", sizeof(struct ud_case), read_row,
                                list_filter, &a};
    const char *q = f ? f->query : NULL;
    if (q && *q)
        return ud_list_search_count(db, &spec, search_keys, NSEARCH, case_frag(q, 1), q, count, err);
    return ud_list_count(db, &spec, search_keys, NSEARCH, NULL, count, err);
}
