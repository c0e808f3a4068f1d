/* Small helpers the modules share (module-internal). */
#ifndef UD_MODUTIL_H
#define UD_MODUTIL_H

#include "db_int.h"
#include "sqlbuf.h"
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

/* Writing, inside the caller's ud_db_begin (ud_mod_delete opens its own).
 * Statements are reset after their step. On any error the transaction is
 * rolled back and the status returned, err filled. */

/* Steps a write the caller bound; a failed step becomes an error as ud_mod_step_failed
 * makes it (defs may be NULL). UD_OK leaves the transaction open. */
int ud_mod_step(struct ud_db *db, sqlite3_stmt *st, const struct ud_field *defs, struct ud_err *err);
/* ud_mod_step for an UPDATE or DELETE … WHERE id = ? AND version = ?: a
 * statement that changed nothing is reported by ud_mod_conflict. UD_OK
 * leaves the transaction open (for more writes before the commit). */
int ud_mod_step_changed(struct ud_db *db, sqlite3_stmt *st, const char *table, int64_t id,
                        const struct ud_field *defs, struct ud_err *err);
/* ud_mod_step_changed, then commits: finishes the caller's transaction.
 * On UD_OK the caller re-reads the record. */
int ud_mod_step_versioned(struct ud_db *db, sqlite3_stmt *st, const char *table, int64_t id,
                          const struct ud_field *defs, struct ud_err *err);
/* Deletes by `sql`, "DELETE FROM <table> WHERE id = ?1 AND version = ?2"
 * (a static string), and finishes the caller's transaction. When the
 * delete fails on a constraint (other rows still refer to it) and
 * in_use_message is not NULL, the error is UD_ERR_STATE with that message. */
int ud_mod_delete_versioned(struct ud_db *db, const char *sql, const char *table, int64_t id,
                            int64_t version, const char *in_use_message, struct ud_err *err);
/* ud_mod_delete_versioned with the role check and a transaction of its own. */
int ud_mod_delete(struct ud_db *db, enum ud_role min_role, const char *sql, const char *table, int64_t id,
                  int64_t version, const char *in_use_message, struct ud_err *err);

/* Reading one record: steps st (a cached statement the caller bound) for
 * one row and resets it. A row is read by read(st, row); none is
 * UD_ERR_NOTFOUND with the message formatted from notfound_fmt. */
int ud_mod_step_row(struct ud_db *db, sqlite3_stmt *st, void (*read)(sqlite3_stmt *st, void *row), void *row,
                    struct ud_err *err, const char *notfound_fmt, ...) __attribute__((format(printf, 6, 7)));

/* Appends "<column> IN (<ids of root's subtree>)" with root bound (org.c). */
void ud_org_subtree_cond(struct ud_sqlbuf *q, const char *column, int64_t root_id);

#define UD_NOW_SQL "strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')"
#define UD_NOW_SZ 32
/* UD_NOW_SQL's value now, for a many-row INSERT to bind once instead of
 * the columns' default formatting the same instant row by row */
int ud_mod_now(struct ud_db *db, char out[UD_NOW_SZ], struct ud_err *err);
/* A bulk load's precondition: `exists_sql` (SELECT EXISTS ... of the
 * tables loaded) answers 0; else UD_ERR_STATE with `refusal`. */
int ud_mod_require_empty(struct ud_db *db, const char *exists_sql, const char *refusal, struct ud_err *err);

/* Binds a case's columns 1-25 in the order of the cases INSERT (dispute.c);
 * the bulk load's INSERT adds version as ?26. */
struct ud_case;
void ud_case_bind_fields(sqlite3_stmt *st, const struct ud_case *c);

/* The members INSERT with `rows` rows of VALUES (1..UD_MEMBER_INSERT_MAX_ROWS),
 * the same text each call for the statement cache (member.c); NULL otherwise. */
#define UD_MEMBER_NCOLS 17
#define UD_MEMBER_INSERT_MAX_ROWS 64
const char *ud_member_insert_sql(int rows);
/* Binds m as the row whose parameters start after `base` ones, and `now`
 * (ud_mod_now) as its created_at and updated_at (the many-row INSERT's
 * 16th and 17th; NULL for an INSERT of 15). Text is bound without a copy:
 * it must not change before the step and reset. */
struct ud_member;
void ud_member_bind_at(sqlite3_stmt *st, int base, const struct ud_member *m, const char *now);

/* Binds an enrolment's 8 columns in the order of the enrolments INSERT (training.c). */
struct ud_enrolment;
void ud_enrolment_bind(sqlite3_stmt *st, const struct ud_enrolment *e);

#endif
