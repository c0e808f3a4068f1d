/* Private to core and the modules (built with -Isrc/core): the database
 * handle's fields, the SQLite connection, the statement cache, binding.
 * Everything above sees struct ud_db as opaque (uniondesk/db.h). */
#ifndef UD_DB_INT_H
#define UD_DB_INT_H

#include <sqlite3.h>

#include "uniondesk/db.h"

struct ud_stmt_cache_entry {
    const char *sql; /* static string: the cache is keyed by its address */
    sqlite3_stmt *stmt;
};

#define UD_STMT_CACHE 512 /* well above the number of distinct static statements */

#define UD_KNOWN_STATS 4

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
    /* A bulk load (search_bulk.c): the search triggers index only rows
     * with ids up to these (members, cases), the rest is indexed in key
     * order before COMMIT; a commit while it is on is refused, and the
     * end of the outermost transaction ends it. */
    int bulk;
    int64_t indexed_upto[2];
    /* sqlite_stat1 rows of search tables a bulk fill into empty tables
     * counted exactly (search_fill.c): ud_db_analyze writes them instead
     * of scanning 24M rows at scale 3. Any later transaction drops them. */
    int nknown_stats;
    struct ud_known_stat {
        char tbl[32];
        char stat[96];
    } known_stats[UD_KNOWN_STATS];
    /* every organization, read once by an import (org_table.c), or NULL */
    struct ud_org_table *org_table;
    struct ud_stmt_cache_entry cache[UD_STMT_CACHE];
};

/* Cached statement for a static SQL string; reset and unbound. */
sqlite3_stmt *ud_db_stmt(struct ud_db *db, const char *sql, struct ud_err *err);

/* Fills err from the connection's last error; returns its status. */
int ud_db_error(struct ud_db *db, int rc, struct ud_err *err);
/* Runs SQL without results (no bound values: schema and pragmas only). */
int ud_db_exec(struct ud_db *db, const char *sql, struct ud_err *err);

/* Binding: empty or NULL text binds NULL. */
int ud_bind_text(sqlite3_stmt *st, int i, const char *s);
/* The same without a copy (one malloc less per value): s must stay as it
 * is until the statement has been stepped and reset. */
int ud_bind_text_static(sqlite3_stmt *st, int i, const char *s);
int ud_bind_int(sqlite3_stmt *st, int i, int64_t v);
/* Binds NULL when v == UD_NULL_INT */
int ud_bind_opt_int(sqlite3_stmt *st, int i, int64_t v);
void ud_col_text(sqlite3_stmt *st, int i, char *out, size_t outsz);
int64_t ud_col_opt_int(sqlite3_stmt *st, int i);

#endif
