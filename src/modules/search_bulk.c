#include "uniondesk/search_bulk.h"

#include <stdio.h>

#include "db_int.h"
#include "search_fill.h"

/* The same rows as the triggers of migration 0004 write, for the rows
 * with ?1 < id <= ?2: cases_fts here (cases are few; FTS5 sorts its own
 * terms; a slice of ids at a time keeps memory bounded), member_subs,
 * member_grams and case_grams by search_fill.c (in ranges of keys). */
static const char sql_cases_fts[] =
    "INSERT INTO cases_fts(rowid, case_no, applicant_name, applicant_id_number, employer_name)"
    " SELECT id, case_no, applicant_name, applicant_id_number, employer_name FROM cases WHERE id > ?1 AND id <= ?2 ORDER BY id";
/* The active members of the new rows, added to the counts of migration
 * 0008 (its triggers leave rows above ud_indexed_upto(0) alone). */
static const char sql_org_counts[] =
    "INSERT INTO org_member_counts(org_id, active)"
    " SELECT org_id, count(*) FROM members WHERE id > ?1 AND status = 'active' GROUP BY org_id"
    " ON CONFLICT(org_id) DO UPDATE SET active = active + excluded.active";

static const char sql_highest[] =
    "SELECT (SELECT ifnull(max(id), 0) FROM members), (SELECT ifnull(max(id), 0) FROM cases)";

int ud_search_bulk_begin(struct ud_db *db, struct ud_err *err)
{
    if (db->txn_depth <= 0 || db->bulk)
        return ud_err_set(err, UD_ERR_INTERNAL, "bulk load begun outside a transaction or twice");
    sqlite3_stmt *st = ud_db_stmt(db, sql_highest, err);
    if (!st)
        return err->status;
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        ud_db_error(db, rc, err);
        sqlite3_reset(st);
        return err->status;
    }
    db->indexed_upto[0] = sqlite3_column_int64(st, 0);
    db->indexed_upto[1] = sqlite3_column_int64(st, 1);
    sqlite3_reset(st);
    db->bulk = 1;
    return UD_OK;
}

#define FILL_SLICE 20000 /* rows of members or cases per sorted insert */

static int fill(struct ud_db *db, const char *sql, const char *table, int64_t after, struct ud_err *err)
{
    char q[64];
    snprintf(q, sizeof q, "SELECT ifnull(max(id), 0) FROM %s", table);
    sqlite3_stmt *mx = ud_db_stmt(db, q, err);
    if (!mx)
        return err->status;
    int rc = sqlite3_step(mx);
    int64_t highest = rc == SQLITE_ROW ? sqlite3_column_int64(mx, 0) : 0;
    sqlite3_reset(mx);
    if (rc != SQLITE_ROW)
        return ud_db_error(db, rc, err);
    sqlite3_stmt *st = ud_db_stmt(db, sql, err);
    if (!st)
        return err->status;
    for (int64_t lo = after; lo < highest; lo += FILL_SLICE) {
        ud_bind_int(st, 1, lo);
        ud_bind_int(st, 2, lo + FILL_SLICE);
        rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE)
            return ud_db_error(db, rc, err);
    }
    return UD_OK;
}

static int add_counts(struct ud_db *db, int64_t after, struct ud_err *err)
{
    sqlite3_stmt *st = ud_db_stmt(db, sql_org_counts, err);
    if (!st)
        return err->status;
    ud_bind_int(st, 1, after);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? UD_OK : ud_db_error(db, rc, err);
}

int ud_search_bulk_end(struct ud_db *db, struct ud_err *err)
{
    if (!db->bulk)
        return UD_OK;
    if (ud_db_lost(db, err))
        return err->status;
    int st = ud_search_fill(db, db->indexed_upto[0], db->indexed_upto[1], err);
    if (st == UD_OK)
        st = fill(db, sql_cases_fts, "cases", db->indexed_upto[1], err);
    if (st == UD_OK)
        st = add_counts(db, db->indexed_upto[0], err);
    if (st == UD_OK)
        db->bulk = 0;
    return st;
}
