#include "uniondesk/bulk_index.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_int.h"

int ud_bulk_indexes_drop(struct ud_db *db, const char *table, struct ud_bulk_indexes *ix, struct ud_err *err)
{
    if (db->txn_depth <= 0)
        return ud_err_set(err, UD_ERR_INTERNAL, "indexes dropped outside a transaction");
    /* sql IS NULL: the constraints' own indexes, which stay */
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?1 "
                                  "AND sql IS NOT NULL ORDER BY rowid",
                                  err);
    if (!st)
        return err->status;
    ud_bind_text(st, 1, table);
    char names[UD_BULK_INDEXES][128];
    int first = ix->n, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && ix->n < UD_BULK_INDEXES) {
        const char *sql = (const char *)sqlite3_column_text(st, 1);
        ud_col_text(st, 0, names[ix->n], sizeof names[0]);
        if (!sql || !(ix->sql[ix->n] = strdup(sql)))
            break;
        ix->n++;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return ud_db_error(db, rc, err);
    if (rc == SQLITE_ROW)
        return ud_err_set(err, UD_ERR_INTERNAL, "bulk load: too many indexes or out of memory");
    for (int i = first; i < ix->n; i++) {
        char drop[160];
        snprintf(drop, sizeof drop, "DROP INDEX \"%.127s\"", names[i]);
        if (ud_db_exec(db, drop, err) != UD_OK)
            return err->status;
    }
    return UD_OK;
}

int ud_bulk_indexes_remake(struct ud_db *db, struct ud_bulk_indexes *ix, struct ud_err *err)
{
    for (int i = 0; i < ix->n; i++)
        if (ud_db_exec(db, ix->sql[i], err) != UD_OK)
            return err->status;
    ud_bulk_indexes_free(ix);
    return UD_OK;
}

void ud_bulk_indexes_free(struct ud_bulk_indexes *ix)
{
    for (int i = 0; i < ix->n; i++)
        free(ix->sql[i]);
    ix->n = 0;
}
