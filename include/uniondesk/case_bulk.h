/* Cases in bulk (the demo district): each case written once, in the state
 * its moves lead to, with its whole timeline, inside the caller's
 * transaction, into an empty cases table. */
#ifndef UD_CASE_BULK_H
#define UD_CASE_BULK_H

#include "uniondesk/bulk_audit.h"
#include "uniondesk/bulk_index.h"
#include "uniondesk/dispute.h"

#define UD_CASE_BULK_YEARS 64

struct ud_case_bulk {
    int verify; /* set by the caller: every new case through ud_case_validate_new first */
    struct ud_bulk_indexes indexes; /* of cases and case_events, remade at the end */
    struct ud_bulk_audit audit;     /* their audit insert triggers, set aside; entries written at the end */
    int nyears;
    struct {
        int year;
        int64_t last;
    } seq[UD_CASE_BULK_YEARS]; /* case numbers given, per year (case_numbers at the end) */
};

/* One move of a case: its target status and ud_case_move's arguments. */
struct ud_case_bulk_move {
    const char *to;
    struct ud_case_move args;
};

/* Clerks and above, inside a transaction, no cases yet (a freshly created
 * database): drops the secondary indexes of cases and case_events and
 * sets their audit insert triggers aside (bulk_audit.h). */
int ud_case_bulk_begin(struct ud_db *db, struct ud_case_bulk *b, struct ud_err *err);
/* A case as ud_case_create takes it (no case number: the next of its
 * year is given), then its moves, each checked by ud_case_move_apply: the
 * row is written once, in its final state and version, with the timeline
 * events create and each move would write. Sets c->id and c->case_no; c
 * is the final state. The audit log records the insert of that state and
 * of the events (see docs/architecture.md). Errors leave the transaction
 * to the caller's rollback. */
int ud_case_bulk_add(struct ud_db *db, struct ud_case_bulk *b, struct ud_case *c,
                     const struct ud_case_bulk_move *moves, int nmoves, struct ud_err *err);
/* Writes the case-number sequences, remakes the indexes, writes the audit
 * insert entries of the cases, then of the events, and remakes the triggers. */
int ud_case_bulk_end(struct ud_db *db, struct ud_case_bulk *b, struct ud_err *err);
/* Frees what begin took (instead of end, on failure). */
void ud_case_bulk_free(struct ud_case_bulk *b);

#endif
