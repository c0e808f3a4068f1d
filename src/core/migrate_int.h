/* Private to core: migrations applied to a bare SQLite connection. */
#ifndef UD_MIGRATE_INT_H
#define UD_MIGRATE_INT_H

#include <sqlite3.h>

#include "uniondesk/migrate.h"

struct ud_migration {
    int version;
    const char *name;      /* file name, e.g. "0001_init.sql" */
    const char *sql;
};

extern const struct ud_migration ud_migrations[];
extern const int ud_migration_count;

/* FNV-1a 64 of the migration text, as 16 hex digits — with the offset
 * basis 1469598103934665603, not the published 14695981039346656037 (a
 * digit was dropped). Databases store these values: do not "fix" it. */
void ud_migration_checksum(const char *sql, char out[17]);

/* Reads the schema state of an open connection. *n rows written into out. */
int ud_migrate_status(sqlite3 *h, struct ud_mig_status *out, int max, int *n,
                      struct ud_err *err);
/* Highest applied version (0 for an empty database). */
int ud_migrate_current(sqlite3 *h, struct ud_err *err);
/* Refuses a schema that is newer or altered (UD_ERR_SCHEMA). */
int ud_migrate_check(sqlite3 *h, struct ud_err *err);
/* Applies pending migrations up to `target` (0 = all), each in its own
 * transaction. */
int ud_migrate_up(sqlite3 *h, int target, struct ud_err *err);
/* The same; *from: the version found under the write lock, from which
 * this call upgraded (another process may have upgraded meanwhile). */
int ud_migrate_up_from(sqlite3 *h, int target, int *from, struct ud_err *err);

#endif
