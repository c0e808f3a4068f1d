/* Enrolments in bulk (the demo district), inside the caller's transaction. */
#ifndef UD_ENROLMENT_BULK_H
#define UD_ENROLMENT_BULK_H

#include "uniondesk/bulk_audit.h"
#include "uniondesk/training.h"

struct ud_enrolment_bulk {
    int verify; /* set by the caller: every row through ud_enrolment_validate_new and the capacity check */
    struct ud_bulk_audit audit; /* the audit insert trigger, set aside; entries written at the end */
};

/* Inside a transaction: sets the enrolments' audit insert trigger aside
 * (bulk_audit.h); b->verify is kept. */
int ud_enrolment_bulk_begin(struct ud_db *db, struct ud_enrolment_bulk *b, struct ud_err *err);
/* Writes the audit insert entries of the enrolments added and remakes the
 * trigger. */
int ud_enrolment_bulk_end(struct ud_db *db, struct ud_enrolment_bulk *b, struct ud_err *err);
/* Frees what begin took (instead of end, on failure). */
void ud_enrolment_bulk_free(struct ud_enrolment_bulk *b);

/* Clerks and above. ud_enrolment_create for rows valid by construction:
 * the same row or the same refusal (a member not active: UD_ERR_INVALID;
 * enrolled already: UD_ERR_DUPLICATE, nothing written, the transaction
 * goes on), without re-reading the course and the row; the course's
 * capacity is the caller's to keep (b->verify checks it). Other errors
 * leave the transaction to the caller's rollback. Sets e->id. */
int ud_enrolment_bulk_add(struct ud_db *db, struct ud_enrolment_bulk *b, struct ud_enrolment *e,
                          struct ud_err *err);

#endif
