/* The names a case's mediator field offers: the users and the mediators of
 * earlier cases, most used first, filtered by what was typed. */
#include "uniondesk/dispute.h"

#include <stdio.h>
#include <string.h>

#include "modutil.h"

int ud_case_mediators(struct ud_db *db, const char *fragment, struct ud_mediator *rows, int max, int *n,
                      struct ud_err *err)
{
    *n = 0;
    /* the per-name counts come from the index cases_mediator; users are
     * named as the screens name them (display name, else login) */
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "SELECT name, sum(cases), max(is_user) FROM ("
                                  " SELECT mediator AS name, count(*) AS cases, 0 AS is_user FROM cases"
                                  "  WHERE mediator > '' GROUP BY mediator"
                                  " UNION ALL"
                                  " SELECT coalesce(nullif(trim(display_name), ''), login), 0, 1 FROM users"
                                  "  WHERE active = 1)"
                                  " WHERE ?1 IS NULL OR instr(lower(name), lower(?1)) > 0"
                                  " GROUP BY name ORDER BY sum(cases) DESC, max(is_user) DESC, name LIMIT ?2",
                                  err);
    if (!st)
        return err->status;
    char frag[UD_MEDIATOR_SZ];
    snprintf(frag, sizeof frag, "%s", fragment ? fragment : "");
    ud_trim(frag);
    ud_bind_text(st, 1, frag); /* "" binds NULL: every name */
    sqlite3_bind_int(st, 2, max < 0 ? 0 : max);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct ud_mediator *m = &rows[(*n)++];
        ud_col_text(st, 0, m->name, sizeof m->name);
        m->cases = sqlite3_column_int64(st, 1);
        m->is_user = sqlite3_column_int(st, 2);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? UD_OK : ud_db_error(db, rc, err);
}
