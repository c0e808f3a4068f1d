#include "uniondesk/bulk_audit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_int.h"

int ud_bulk_audit_defer(struct ud_db *db, const char *table, struct ud_bulk_audit *a, struct ud_err *err)
{
    if (db->txn_depth <= 0)
        return ud_err_set(err, UD_ERR_INTERNAL, "audit trigger set aside outside a transaction");
    if (a->n == UD_BULK_AUDIT_TABLES || strlen(table) >= sizeof a->t[0].table)
        return ud_err_set(err, UD_ERR_INTERNAL, "bulk audit: too many tables or a long name");
    char name[64];
    snprintf(name, sizeof name, "%s_audit_insert", table);
    sqlite3_stmt *st = ud_db_stmt(db, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1", err);
    if (!st)
        return err->status;
    ud_bind_text(st, 1, name);
    int rc = sqlite3_step(st);
    char *sql = rc == SQLITE_ROW && sqlite3_column_text(st, 0) ? strdup((const char *)sqlite3_column_text(st, 0))
                                                                : NULL;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return ud_db_error(db, rc, err);
    if (!sql)
        return ud_err_set(err, UD_ERR_INTERNAL, "bulk audit: no trigger %s, or out of memory", name);
    char q[128];
    snprintf(q, sizeof q, "SELECT ifnull(max(id), 0) FROM \"%s\"", table);
    int64_t after = 0;
    sqlite3_stmt *mx;
    rc = sqlite3_prepare_v2(db->h, q, -1, &mx, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(mx);
        after = sqlite3_column_int64(mx, 0);
        sqlite3_finalize(mx);
    }
    char drop[96];
    snprintf(drop, sizeof drop, "DROP TRIGGER \"%s\"", name);
    if (rc != SQLITE_ROW) {
        free(sql);
        return ud_db_error(db, rc, err);
    }
    if (ud_db_exec(db, drop, err) != UD_OK) {
        free(sql);
        return err->status;
    }
    snprintf(a->t[a->n].table, sizeof a->t[0].table, "%s", table);
    a->t[a->n].trigger_sql = sql;
    a->t[a->n].after = after;
    a->n++;
    return UD_OK;
}

/* audit_log.at's default expression, as the schema has it */
static int at_default(struct ud_db *db, char *out, size_t outsz, struct ud_err *err)
{
    sqlite3_stmt *st = ud_db_stmt(db, "SELECT dflt_value FROM pragma_table_info('audit_log') WHERE name = 'at'", err);
    if (!st)
        return err->status;
    int rc = sqlite3_step(st);
    const char *d = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
    int fits = d && (size_t)snprintf(out, outsz, "%s", d) < outsz;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return ud_db_error(db, rc, err);
    return fits ? UD_OK : ud_err_set(err, UD_ERR_INTERNAL, "bulk audit: audit_log.at has no default");
}

int ud_bulk_audit_write(struct ud_db *db, struct ud_bulk_audit *a, struct ud_err *err)
{
    char at[160];
    if (a->n && at_default(db, at, sizeof at, err) != UD_OK)
        return err->status;
    for (int i = 0; i < a->n; i++) {
        char q[512];
        /* the values of 0007's <table>_audit_insert: who, which row,
         * 'insert', and the default time. As scalar subqueries they are
         * computed once: 'now' is one instant for the whole statement
         * anyway, and the time formatted per row was half the cost. */
        snprintf(q, sizeof q,
                 "INSERT INTO audit_log(at, login, os_login, tbl, row_id, action) "
                 "SELECT (SELECT %s), (SELECT ud_user()), (SELECT ud_os_login()), ?1, id, 'insert' "
                 "FROM \"%s\" WHERE id > ?2 ORDER BY id",
                 at, a->t[i].table);
        sqlite3_stmt *st;
        int rc = sqlite3_prepare_v2(db->h, q, -1, &st, NULL);
        if (rc != SQLITE_OK)
            return ud_db_error(db, rc, err);
        sqlite3_bind_text(st, 1, a->t[i].table, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, a->t[i].after);
        rc = sqlite3_step(st);
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE)
            return ud_db_error(db, rc, err);
        if (ud_db_exec(db, a->t[i].trigger_sql, err) != UD_OK)
            return err->status;
    }
    ud_bulk_audit_free(a);
    return UD_OK;
}

void ud_bulk_audit_free(struct ud_bulk_audit *a)
{
    for (int i = 0; i < a->n; i++)
        free(a->t[i].trigger_sql);
    a->n = 0;
}
