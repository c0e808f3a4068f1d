/* The database handle: opening (with migration), pragmas, transactions,
 * a cache of prepared statements, the current user, and translation of
 * SQLite errors into ud_err values. */
#ifndef UD_DB_H
#define UD_DB_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>
#include "err.h"

enum ud_role { UD_ROLE_NONE = 0, UD_ROLE_CLERK, UD_ROLE_OFFICER, UD_ROLE_ADMIN };

struct ud_stmt_cache_entry {
    const char *sql; /* static string: the cache is keyed by its address */
    sqlite3_stmt *stmt;
};

#define UD_STMT_CACHE 512 /* well above the number of distinct static statements */

struct ud_db {
    sqlite3 *h;
    char path[1024];
    char login[64];       /* current user (OS login or --user) */
    char os_login[64];    /* the real OS account (getpwuid(getuid())) */
    char display_name[64];
    enum ud_role role;    /* UD_ROLE_NONE: no account, read-only */
    int readonly;         /* file not writable, or no account */
    int txn_depth;
    /* Set by bulk work that keeps a file's rows only if every row is good
     * (an import without --skip-bad): inner transactions then take no
     * savepoint, and a failed one spoils the outer one, which refuses to
     * commit. Per-row savepoints cost a third of an import. */
    int all_or_nothing;
    int spoiled;
    /* After SQLITE_FULL, an I/O error, NOMEM or BUSY SQLite may roll the
     * transaction back by itself, and every later statement would commit
     * on its own. `lost` (the SQLite code that did it) marks the open
     * transaction as gone: begin, commit and the modules' steps then fail
     * until the outermost rollback. The commit hook refuses every commit
     * but the one ud_db_commit asks for (`committing`) while txn_depth > 0. */
    int lost;
    int committing;
    int rolling_back;
    struct ud_stmt_cache_entry cache[UD_STMT_CACHE];
};

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

/* Looks up `login` in users and sets db->role (UD_ROLE_NONE when absent). */
int ud_db_set_user(struct ud_db *db, const char *login, struct ud_err *err);
/* The OS login's account, or `login`'s when it is given: only an admin
 * may act as another user (UD_ERR_PERM), except before any account exists. */
int ud_db_act_as(struct ud_db *db, const char *login, struct ud_err *err);
/* The OS login of the real user id (getpwuid(getuid()); never the
 * environment), or NULL when the uid has no passwd entry. */
const char *ud_os_login(void);
/* UD_ERR_PERM (exit 77) naming the uid when it has no passwd entry. */
int ud_os_login_check(struct ud_err *err);

/* Cached statement for a static SQL string; reset and unbound. */
sqlite3_stmt *ud_db_stmt(struct ud_db *db, const char *sql, struct ud_err *err);

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

/* Fills err from the connection's last error; returns its status. */
int ud_db_error(struct ud_db *db, int rc, struct ud_err *err);
/* Runs SQL without results (no bound values: schema and pragmas only). */
int ud_db_exec(struct ud_db *db, const char *sql, struct ud_err *err);

/* Binding: empty or NULL text binds NULL. */
int ud_bind_text(sqlite3_stmt *st, int i, const char *s);
int ud_bind_int(sqlite3_stmt *st, int i, int64_t v);
/* Binds NULL when v == UD_NULL_INT */
int ud_bind_opt_int(sqlite3_stmt *st, int i, int64_t v);
void ud_col_text(sqlite3_stmt *st, int i, char *out, size_t outsz);
int64_t ud_col_opt_int(sqlite3_stmt *st, int i);

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
