/* Bulk loads into empty tables (the demo): a table's audit insert trigger
 * set aside for the load, inside its transaction, and its entries written
 * after the load by one INSERT ... SELECT with the trigger's own values
 * (who: ud_user(), ud_os_login(); when: audit_log's default). The trigger
 * is then remade from its own schema text. Per row, the trigger was a
 * third of a member's insert; the entries are the same. */
#ifndef UD_BULK_AUDIT_H
#define UD_BULK_AUDIT_H

#include <stdint.h>

#include "uniondesk/db.h"
#include "uniondesk/err.h"

#define UD_BULK_AUDIT_TABLES 4

struct ud_bulk_audit {
    int n;
    struct {
        char table[32];
        char *trigger_sql; /* the CREATE TRIGGER text of <table>_audit_insert */
        int64_t after;     /* the table's highest id when set aside */
    } t[UD_BULK_AUDIT_TABLES];
};

/* Inside a transaction: drops `table`'s audit insert trigger, keeping its
 * text and the table's highest id in a (zeroed by the caller first). */
int ud_bulk_audit_defer(struct ud_db *db, const char *table, struct ud_bulk_audit *a, struct ud_err *err);
/* Writes an insert entry for every row added since, table by table in the
 * order deferred and each in id order, remakes the triggers, frees a. */
int ud_bulk_audit_write(struct ud_db *db, struct ud_bulk_audit *a, struct ud_err *err);
void ud_bulk_audit_free(struct ud_bulk_audit *a);

#endif
