/* The search index of a bulk load's new rows, made in C (search_fill.c). */
#ifndef UD_SEARCH_FILL_H
#define UD_SEARCH_FILL_H

#include <stddef.h>
#include <stdint.h>

#include "uniondesk/db.h"
#include "uniondesk/err.h"

/* Adds member_subs and member_grams for members with id > members_after,
 * case_grams for cases with id > cases_after: the rows the triggers of
 * migration 0004 would have written. Inside the caller's transaction; on
 * failure it may have written part of them (the caller rolls back). */
int ud_search_fill(struct ud_db *db, int64_t members_after, int64_t cases_after, struct ud_err *err);

/* For tests: the records held in memory at once (0: the default), so that
 * small data makes many key ranges. Returns the previous budget. */
size_t ud_search_fill_budget(size_t records);

#endif
