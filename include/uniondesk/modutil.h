/* Small helpers the modules share (module-internal). */
#ifndef UD_MODUTIL_H
#define UD_MODUTIL_H

#include "uniondesk/db.h"
#include "uniondesk/fields.h"

/* Turns a failed sqlite3_step into an error; a UNIQUE failure on a column
 * that is a field of `defs` becomes a field error naming it. Rolls back
 * the caller's transaction. */
int ud_mod_step_failed(struct ud_db *db, int rc, const struct ud_field *defs, struct ud_err *err);
/* Commits, or rolls back and returns the error. */
int ud_mod_finish(struct ud_db *db, int status, struct ud_err *err);
/* UPDATE … WHERE id = ? AND version = ? changed nothing: tell apart a
 * deleted row from a stale version. */
int ud_mod_conflict(struct ud_db *db, const char *table, int64_t id, struct ud_err *err);
/* 1 when a row with this id exists in table (table is a static name). */
int ud_mod_exists(struct ud_db *db, const char *sql_count_by_id, int64_t id);

#define UD_NOW_SQL "strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')"

#endif
