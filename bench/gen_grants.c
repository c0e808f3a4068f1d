/* Benchmark data: adds synthetic paid 送温暖 grants to a copy of a demo
 * database until it holds N grants in 2025 — one per member, so the
 * no-double-aid rule holds — each member given a recipient record first.
 * Set-based SQL through the program's own connection (the audit triggers
 * run as in real use). Usage: gen_grants DB N */
#include <stdio.h>
#include <stdlib.h>

#include "db_int.h" /* white-box: the handle's fields and SQLite */

static int exec(struct ud_db *db, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
        fprintf(stderr, "gen_grants: %s\n", msg ? msg : "?");
        sqlite3_free(msg);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: gen_grants DB N\n");
        return 64;
    }
    long n = atol(argv[2]);
    struct ud_db *db;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_db_open(&db, argv[1], 0, &err) != UD_OK) {
        fprintf(stderr, "gen_grants: %s\n", err.msg);
        return 66;
    }
    char sql[2048];
    int bad = exec(db, "PRAGMA cache_size = -524288") || exec(db, "BEGIN IMMEDIATE") ||
              exec(db, "INSERT INTO aid_recipients(member_id, hardship_level, hardship_category, registered_on)"
                       " SELECT m.id, 'general', 'low_income', '2024-12-01' FROM members m"
                       " WHERE NOT EXISTS (SELECT 1 FROM aid_recipients r WHERE r.member_id = m.id)");
    if (!bad) {
        /* members without a 2025 送温暖 grant, until the year holds n */
        snprintf(sql, sizeof sql,
                 "INSERT INTO aid_grants(recipient_id, program, amount_fen, granted_on, fund_source, status,"
                 " approved_by, approved_on, paid_on)"
                 " SELECT r.id, 'send_warmth', 100000 + (r.id %% 40) * 10000,"
                 " date('2025-01-01', '+' || (r.id %% 50) || ' days'), '区总工会送温暖专项资金', 'paid',"
                 " 'bench', date('2025-01-01', '+' || (r.id %% 50) || ' days'),"
                 " date('2025-01-01', '+' || (r.id %% 50 + 5) || ' days')"
                 " FROM aid_recipients r WHERE NOT EXISTS (SELECT 1 FROM aid_grants g WHERE g.recipient_id = r.id"
                 " AND g.program = 'send_warmth' AND g.granted_on BETWEEN '2025-01-01' AND '2025-12-31')"
                 " LIMIT max(0, %ld - (SELECT count(*) FROM aid_grants WHERE program = 'send_warmth'"
                 " AND granted_on BETWEEN '2025-01-01' AND '2025-12-31'))",
                 n);
        bad = exec(db, sql) || exec(db, "COMMIT");
    }
    ud_db_close(db);
    return bad ? 70 : 0;
}
