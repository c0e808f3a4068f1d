/* Members in bulk (the demo district): complete rows through one prepared
 * INSERT of many rows, inside the caller's transaction, into an empty
 * members table. */
#ifndef UD_MEMBER_BULK_H
#define UD_MEMBER_BULK_H

#include "uniondesk/bulk_audit.h"
#include "uniondesk/bulk_index.h"
#include "uniondesk/member.h"
#define UD_MEMBER_BULK_ROWS 64 /* rows per INSERT: its CHECK lists are built once per statement */

struct ud_member_bulk {
    int verify; /* set by the caller: every row through ud_member_validate first */
    struct ud_bulk_indexes indexes; /* the secondary indexes dropped, remade at the end */
    struct ud_bulk_audit audit;     /* the audit insert trigger set aside, its entries written at the end */
    /* the ID numbers added (18-character ones as numbers), open addressing */
    uint64_t *seen;
    size_t nseen, cap;
    int npending;
    struct ud_member pending[UD_MEMBER_BULK_ROWS];
};

/* Clerks and above, inside a transaction, the members table empty (a
 * freshly created database): drops the table's secondary indexes, so that
 * ud_member_bulk_end builds each with one sort, and sets its audit insert
 * trigger aside (bulk_audit.h): the end writes the entries. */
int ud_member_bulk_begin(struct ud_db *db, struct ud_member_bulk *b, struct ud_err *err);
/* Adds a complete row: gender and birth date agree with the ID number,
 * status set, every field valid (b->verify checks it with the module's own
 * validation). Rows are written UD_MEMBER_BULK_ROWS at a time, so their ids
 * are known after ud_member_bulk_end: the table being empty, the n-th row
 * added gets id n. An ID number already added returns UD_ERR_DUPLICATE
 * and adds nothing. Any other error leaves the transaction to the
 * caller's rollback. */
int ud_member_bulk_add(struct ud_db *db, struct ud_member_bulk *b, const struct ud_member *m, struct ud_err *err);
/* Writes the rows left, remakes the indexes exactly as the schema had
 * them, writes the rows' audit insert entries and remakes the trigger;
 * frees what begin took. */
int ud_member_bulk_end(struct ud_db *db, struct ud_member_bulk *b, struct ud_err *err);
/* Frees what begin took (instead of end, on failure). */
void ud_member_bulk_free(struct ud_member_bulk *b);

#endif
