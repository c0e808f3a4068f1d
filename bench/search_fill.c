/* The search index's bulk fill (issue 10): on a copy of the index's rows
 * in one transaction that is rolled back at the end (the file is left as
 * it was), the tables member_subs, member_grams and case_grams are
 * emptied and filled again for every member and case, back to back, by
 * SQLite's INSERT ... SELECT ... ORDER BY (the statements search_bulk.c
 * ran before issue 10, in slices of 20,000 ids) and by the C fill
 * (search_fill.c); after each, the tables are compared with the rows the
 * first left. Prints `search_fill_sql_s`, `search_fill_c_s` and
 * `search_fill_same 1|0`. Usage: search_fill DB [c|sql|time] (one of the
 * two, for a profile: the other's time is printed as 0; `time`: the C fill
 * alone with the demo's 640 MiB cache, no copy, no comparison; a number
 * after it: the records the fill holds in memory at once) */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "db_int.h" /* white-box: the handle and SQLite */
#include "search_fill.h"
#include "uniondesk/db.h"

static const char *const old_fill[] = {
    "INSERT INTO member_subs(term, member_id, pos)"
    " SELECT t, id, pos FROM (SELECT 'p' || substr(m.phone, p.n, 8) AS t, m.id, p.n AS pos FROM members m"
    "     JOIN search_pos p ON p.n BETWEEN 2 AND length(m.phone) - 2 WHERE m.id > ?1 AND m.id <= ?2"
    "   UNION ALL"
    "   SELECT 'i' || substr(m.id_number, p.n, 8), m.id, 100 + p.n FROM members m"
    "     JOIN search_pos p ON p.n BETWEEN 2 AND length(m.id_number) - 3 WHERE m.id > ?1 AND m.id <= ?2)"
    " ORDER BY 1, 2, 3",
    "INSERT OR IGNORE INTO member_grams(gram, member_id)"
    " SELECT g, id FROM (SELECT substr(m.name, p.n, 1) AS g, m.id FROM members m"
    "     JOIN search_pos p ON p.n <= length(m.name) WHERE m.id > ?1 AND m.id <= ?2"
    "   UNION ALL"
    "   SELECT substr(m.name, p.n, 2), m.id FROM members m JOIN search_pos p ON p.n < length(m.name) WHERE m.id > "
    "?1 AND m.id <= ?2)"
    " ORDER BY 1, 2",
    "INSERT OR IGNORE INTO case_grams(gram, case_id)"
    " SELECT g, id FROM (SELECT substr(c.applicant_name, p.n, 1) AS g, c.id FROM cases c"
    "     JOIN search_pos p ON p.n <= length(c.applicant_name) WHERE c.id > ?1 AND c.id <= ?2"
    "   UNION ALL SELECT substr(c.applicant_name, p.n, 2), c.id FROM cases c"
    "     JOIN search_pos p ON p.n < length(c.applicant_name) WHERE c.id > ?1 AND c.id <= ?2"
    "   UNION ALL SELECT substr(c.employer_name, p.n, 1), c.id FROM cases c"
    "     JOIN search_pos p ON p.n <= length(c.employer_name) WHERE c.id > ?1 AND c.id <= ?2"
    "   UNION ALL SELECT substr(c.employer_name, p.n, 2), c.id FROM cases c"
    "     JOIN search_pos p ON p.n < length(c.employer_name) WHERE c.id > ?1 AND c.id <= ?2)"
    " ORDER BY 1, 2",
};
static const char *const tables[] = {"member_subs", "member_grams", "case_grams"};

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int exec(sqlite3 *h, const char *sql)
{
    int rc = sqlite3_exec(h, sql, NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        fprintf(stderr, "search_fill: %s: %s\n", sql, sqlite3_errmsg(h));
    return rc;
}

static int sql_fill(sqlite3 *h)
{
    for (int k = 0; k < 3; k++) {
        char q[64];
        snprintf(q, sizeof q, "SELECT ifnull(max(id), 0) FROM %s", k < 2 ? "members" : "cases");
        sqlite3_stmt *mx, *st;
        if (sqlite3_prepare_v2(h, q, -1, &mx, NULL) != SQLITE_OK || sqlite3_step(mx) != SQLITE_ROW)
            return 1;
        sqlite3_int64 top = sqlite3_column_int64(mx, 0);
        sqlite3_finalize(mx);
        if (sqlite3_prepare_v2(h, old_fill[k], -1, &st, NULL) != SQLITE_OK)
            return 1;
        for (sqlite3_int64 lo = 0; lo < top; lo += 20000) {
            sqlite3_bind_int64(st, 1, lo);
            sqlite3_bind_int64(st, 2, lo + 20000);
            int rc = sqlite3_step(st);
            sqlite3_reset(st);
            if (rc != SQLITE_DONE)
                return sqlite3_finalize(st), 1;
        }
        sqlite3_finalize(st);
    }
    return 0;
}

/* rows of the kept copy missing from the table, and the other way */
static long long differ(sqlite3 *h)
{
    long long d = 0;
    for (int k = 0; k < 3; k++) {
        char q[256];
        snprintf(q, sizeof q,
                 "SELECT (SELECT count(*) FROM (SELECT * FROM temp.k_%s EXCEPT SELECT * FROM main.%s)) + "
                 "(SELECT count(*) FROM (SELECT * FROM main.%s EXCEPT SELECT * FROM temp.k_%s))",
                 tables[k], tables[k], tables[k], tables[k]);
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(h, q, -1, &st, NULL) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW)
            return -1;
        d += sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    return d;
}

static int empty(sqlite3 *h)
{
    return exec(h, "DELETE FROM member_subs; DELETE FROM member_grams; DELETE FROM case_grams");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: search_fill DB\n");
        return 64;
    }
    struct ud_db *db;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_db_open(&db, argv[1], 0, &err) != UD_OK) {
        fprintf(stderr, "search_fill: %s\n", err.msg);
        return 66;
    }
    sqlite3 *h = db->h;
    const char *only = argc > 2 ? argv[2] : "";
    int timing = only[0] == 't';
    if (timing)
        ud_db_set_cache(db, 640);
    if (timing && argc > 3)
        ud_search_fill_budget((size_t)strtoull(argv[3], NULL, 10));
    int bad = exec(h, "BEGIN");
    for (int k = 0; !bad && !timing && k < 3; k++) {
        char q[128];
        snprintf(q, sizeof q, "CREATE TEMP TABLE k_%s AS SELECT * FROM main.%s", tables[k], tables[k]);
        bad = exec(h, q);
    }
    double t_sql = 0, t_c = 0;
    long long d_sql = -1, d_c = -1;
    if (!bad && only[0] != 'c' && !timing && !(bad = empty(h))) {
        double t0 = now_s();
        bad = sql_fill(h);
        t_sql = now_s() - t0;
        d_sql = differ(h);
    }
    if (!bad && only[0] != 's' && !(bad = empty(h))) {
        double t0 = now_s();
        bad = ud_search_fill(db, 0, 0, &err) != UD_OK;
        t_c = now_s() - t0;
        if (bad)
            fprintf(stderr, "search_fill: %s\n", err.msg);
        d_c = timing ? 0 : differ(h);
    }
    exec(h, "ROLLBACK");
    ud_db_close(db);
    if (bad)
        return 70;
    int same = (d_sql == 0 || only[0] == 'c' || timing) && (d_c == 0 || only[0] == 's');
    printf("search_fill_sql_s %.2f\nsearch_fill_c_s %.2f\nsearch_fill_same %d\n", t_sql, t_c, same);
    return same ? 0 : 1;
}
