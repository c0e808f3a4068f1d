/* The audit log: who did what to which row, as the triggers of migrations
 * 0002/0003 write it for every insert, update and delete, and as
 * ud_audit_note() writes it for reads and prints. Read by admins only.
 * Since 0007 the log is lean: an insert holds no values, an update the old
 * values of the columns it changed, a delete the whole row; the full
 * states are rebuilt from the log and the table (ud_audit_state), and
 * every function below presents them. */
#ifndef UD_AUDIT_H
#define UD_AUDIT_H

#include <stdint.h>

#include "uniondesk/db.h"
#include "uniondesk/list.h"

/* Records that personal data left the database other than by a write:
 *   action "read"  — a whole ID number revealed on a screen (the `i` key in
 *                    a member's, recipient's or case's detail);
 *   action "print" — a report sent to a printer, or an export carrying whole
 *                    ID numbers (`export aid --full-id`): one entry for the
 *                    whole output, not one per row.
 * table/row_id name what was read (the table's name and row id; for an
 * output covering many rows, the table and 0). detail says what, in a few
 * words: "id_number", "report members → printer", "export aid: 74 rows →
 * /path/roster.xlsx". Stored with both accounts (login = the account acted
 * as, os_login = the real OS account) like the triggers' rows, in
 * after_json as {"detail": …}. Its own transaction (or a savepoint inside
 * the caller's). Callers record BEFORE showing the data where they can
 * (a reveal) and refuse to show it when the record fails. */
int ud_audit_note(struct ud_db *db, const char *table, int64_t row_id, const char *action,
                  const char *detail, struct ud_err *err);

struct ud_audit_filter {
    const char *table;  /* NULL: every table */
    int64_t row_id;     /* 0: every row */
    const char *user;   /* matches login (acted as) or os_login */
    const char *from;   /* YYYY-MM-DD, inclusive; NULL: no bound */
    const char *to;     /* YYYY-MM-DD, inclusive */
    const char *action; /* insert, update, delete, read, print; NULL: all */
};

#define UD_AUDIT_SUMMARY 400
struct ud_audit {
    int64_t id;
    char at[32];
    char login[100];
    char os_login[100]; /* "" for rows written before migration 0003 */
    char tbl[32];
    int64_t row_id;
    char action[8];
    /* the columns an update changed ("status: filed→closed"), an insert's
     * or delete's row, or a note's detail; cut to fit */
    char summary[UD_AUDIT_SUMMARY];
    /* the entry's states cannot be rebuilt: the log and the table
     * disagree (a write made with the triggers dropped); the summary
     * says so and shows what the entry itself holds */
    int broken;
};

/* The whole row (a JSON object, the triggers' columns in their order)
 * before and after one entry: NULL where the row did not exist (before an
 * insert, after a delete). For a read or print, the entry's own columns.
 * When the chain from the entry to the row as it is now does not hold,
 * broken is set and both are NULL: nothing is made up. Admins only.
 * Free with ud_audit_state_free. */
struct ud_audit_state {
    char *before;
    char *after;
    int broken;
};
int ud_audit_state(struct ud_db *db, int64_t id, struct ud_audit_state *out, struct ud_err *err);
void ud_audit_state_free(struct ud_audit_state *s);

/* Checks a filter's values (action, dates): field errors, UD_ERR_INVALID. */
int ud_audit_filter_check(const struct ud_audit_filter *f, struct ud_err *err);

/* A page of the log, newest first (keyset on the id: pg->after is the
 * last row shown). Admins only (UD_ERR_PERM). */
int ud_audit_list(struct ud_db *db, const struct ud_audit_filter *f, const struct ud_page *pg,
                  struct ud_audit *rows, struct ud_cursor *cursors, int *n, struct ud_err *err);

/* Every entry matching f, newest first, at most limit (0: all), with the
 * whole JSON before and after (rebuilt; NULL when absent or, a->broken,
 * unknown), valid during the call. */
typedef int (*ud_audit_fn)(const struct ud_audit *a, const char *before_json, const char *after_json,
                           void *ctx);
int ud_audit_each(struct ud_db *db, const struct ud_audit_filter *f, int64_t limit, ud_audit_fn fn, void *ctx,
                  struct ud_err *err);

/* One entry's columns, key by key: the value before and after (NULL where
 * the entry has none: an insert has no before, a delete no after), in the
 * row's column order. Admins only. fn returns nonzero to stop. */
typedef int (*ud_audit_change_fn)(const char *key, const char *before, const char *after, void *ctx);
int ud_audit_changes(struct ud_db *db, int64_t id, ud_audit_change_fn fn, void *ctx, struct ud_err *err);

#endif
