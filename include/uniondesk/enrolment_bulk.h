/* Enrolments in bulk (the demo district), inside the caller's transaction. */
#ifndef UD_ENROLMENT_BULK_H
#define UD_ENROLMENT_BULK_H

#include "uniondesk/training.h"

struct ud_enrolment_bulk {
    int verify; /* set by the caller: every row through ud_enrolment_validate_new and the capacity check */
};

/* Clerks and above. ud_enrolment_create for rows valid by construction:
 * the same row or the same refusal (a member not active: UD_ERR_INVALID;
 * enrolled already: UD_ERR_DUPLICATE, nothing written, the transaction
 * goes on), without re-reading the course and the row; the course's
 * capacity is the caller's to keep (b->verify checks it). Other errors
 * leave the transaction to the caller's rollback. Sets e->id. */
int ud_enrolment_bulk_add(struct ud_db *db, struct ud_enrolment_bulk *b, struct ud_enrolment *e,
                          struct ud_err *err);

#endif
