/* Versioned schema migrations, embedded into the binary at build time:
 * what the layers above may know (the connection-level functions are in
 * src/core/migrate_int.h). */
#ifndef UD_MIGRATE_H
#define UD_MIGRATE_H

#include "err.h"

enum ud_mig_state { UD_MIG_APPLIED, UD_MIG_PENDING, UD_MIG_ALTERED, UD_MIG_UNKNOWN };

struct ud_mig_status {
    int version;
    char name[128];
    enum ud_mig_state state;
    char applied_at[32];
    char checksum[17];
};

/* The state of an open database is ud_db_migrate_status (db.h); this is
 * the same for a database file that ud_db_open refuses (newer, altered),
 * read without changing it. */
int ud_migrate_status_file(const char *path, struct ud_mig_status *out, int max, int *n, struct ud_err *err);
/* The highest migration built in. */
int ud_migrate_latest(void);

#endif
