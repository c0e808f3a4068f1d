/* Bulk loads into empty tables (the demo): a table's secondary indexes
 * dropped for the load, inside its transaction, and remade after it from
 * their own schema text (CREATE INDEX sorts once instead of a scattered
 * insert per row). */
#ifndef UD_BULK_INDEX_H
#define UD_BULK_INDEX_H

#include "uniondesk/db.h"
#include "uniondesk/err.h"

#define UD_BULK_INDEXES 24

struct ud_bulk_indexes {
    int n;
    char *sql[UD_BULK_INDEXES];
};

/* Drops the indexes of `table` that are not a constraint's own (UNIQUE,
 * PRIMARY KEY), adding them to ix (zeroed by the caller first). */
int ud_bulk_indexes_drop(struct ud_db *db, const char *table, struct ud_bulk_indexes *ix, struct ud_err *err);
/* Remakes them, exactly as the schema had them, and frees ix. */
int ud_bulk_indexes_remake(struct ud_db *db, struct ud_bulk_indexes *ix, struct ud_err *err);
void ud_bulk_indexes_free(struct ud_bulk_indexes *ix);

#endif
