/* The database handle: opening (with migration), pragmas, transactions,
 * a cache of prepared statements, the current user, and translation of
 * SQLite errors into ud_err values. */
#ifndef UD_DB_H
#define UD_DB_H

#include <stddef.h>
#include <stdint.h>
#include "err.h"

enum ud_role { UD_ROLE_NONE = 0, UD_ROLE_CLERK, UD_ROLE_OFFICER, UD_ROLE_ADMIN };

/* The handle is opaque above core and the modules (its fields and the
 * SQLite connection are in src/core/db_int.h): the layers above ask
 * through the functions below. */
struct ud_db;

enum ud_open_flags {
    UD_OPEN_CREATE = 1,   /* create the file if missing */
    UD_OPEN_NO_MIGRATE = 2, /* open as is (migrate status) */
    UD_OPEN_READONLY = 4,
    UD_OPEN_ADOPT_EMPTY = 8 /* init only: an existing empty file becomes the
                             * database (anything else refuses it, exit 74) */
};

/* Resolves the database path: explicit, else $UNIONDESK_DB, else db/uniondesk.db. */
const char *ud_db_default_path(const char *explicit_path);

/* Opens the database, checks the schema against the embedded migrations,
 * backs up and migrates an older database (unless UD_OPEN_NO_MIGRATE).
 * A newer or altered database is refused and left untouched. */
int ud_db_open(struct ud_db **out, const char *path, int flags, struct ud_err *err);
void ud_db_close(struct ud_db *db);
/* Backs the database up next to itself (when it holds a schema already),
 * then applies the pending migrations up to target (0 = all). */
int ud_db_migrate(struct ud_db *db, int target, struct ud_err *err);

/* Looks up `login` in users and sets the role (UD_ROLE_NONE when absent). */
int ud_db_set_user(struct ud_db *db, const char *login, struct ud_err *err);
/* The OS login's account, or `login`'s when it is given: only an admin
 * may act as another user (UD_ERR_PERM), except before any account exists. */
int ud_db_act_as(struct ud_db *db, const char *login, struct ud_err *err);
/* The OS login of the real user id (getpwuid(getuid()); never the
 * environment), or NULL when the uid has no passwd entry. */
const char *ud_os_login(void);
/* UD_ERR_PERM (exit 77) naming the uid when it has no passwd entry. */
int ud_os_login_check(struct ud_err *err);

/* The current user, as set by ud_db_act_as. */
const char *ud_db_login(const struct ud_db *db);
const char *ud_db_display_name(const struct ud_db *db);
/* The display name, else the login: who a document says made it. */
const char *ud_db_user_label(const struct ud_db *db);
enum ud_role ud_db_role(const struct ud_db *db);
/* 1 when nothing may be written (the file is not writable, or no account). */
int ud_db_readonly(const struct ud_db *db);
/* Bulk work that keeps a file's rows only if every row is good (an import
 * without --skip-bad): inner transactions then take no savepoint and a
 * failed one spoils the outermost, which refuses to commit. */
void ud_db_set_all_or_nothing(struct ud_db *db, int on);

/* The schema: highest applied migration (0 for an empty database), and
 * each migration's state (see migrate.h). */
int ud_db_schema_version(struct ud_db *db, struct ud_err *err);
struct ud_mig_status;
int ud_db_migrate_status(struct ud_db *db, struct ud_mig_status *out, int max, int *n, struct ud_err *err);

/* Transactions nest: the outermost is BEGIN IMMEDIATE, inner ones are
 * savepoints, so a module function is atomic alone and inside an import. */
int ud_db_begin(struct ud_db *db, struct ud_err *err);
int ud_db_commit(struct ud_db *db, struct ud_err *err);
/* Copes with a transaction SQLite has already rolled back. */
void ud_db_rollback(struct ud_db *db);
/* Non-zero when the open transaction is lost (see struct ud_db): err is
 * then filled with the I/O error naming the database file. */
int ud_db_lost(struct ud_db *db, struct ud_err *err);
/* 1 for statuses that mean the database could not be written (I/O, a full
 * disk, busy): bulk work stops at the first one instead of going on. */
int ud_status_is_io(int status);

#define UD_NULL_INT INT64_MIN

/* Role checks used by the modules. */
int ud_require_role(struct ud_db *db, enum ud_role min, struct ud_err *err);
const char *ud_role_code(enum ud_role r);
enum ud_role ud_role_from_code(const char *code);

/* integrity_check and foreign_key_check: each problem found is passed to
 * report (which = 0 integrity, 1 foreign keys; text = the row). Returns
 * the number of problems, or -1 when a check could not run. */
int ud_db_check(struct ud_db *db, void (*report)(int which, const char *text, void *arg), void *arg,
                int problems[2], struct ud_err *err);

/* integrity_check of a file that ud_db_open refuses (empty, not a
 * database, truncated, damaged): each problem is passed to report.
 * Returns the number of problems, or -1 when the file cannot be read. */
int ud_db_check_path(const char *path, void (*report)(int which, const char *text, void *arg), void *arg,
                     struct ud_err *err);

/* Page cache of this connection in MiB (0 = SQLite's default): bulk work
 * (an import, the demo) keeps its working set in memory meanwhile. */
void ud_db_set_cache(struct ud_db *db, int mib);
/* Refreshes the query planner's statistics after bulk loading. */
int ud_db_analyze(struct ud_db *db, struct ud_err *err);

/* Online backup of the open database into `dest` (one step, safe while
 * others write). */
int ud_db_backup(struct ud_db *db, const char *dest, struct ud_err *err);

#endif
