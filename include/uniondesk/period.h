/* How a report period is read: the one place for it (`uniondesk report`,
 * the reports tab and the dispute statistics all come here). */
#ifndef UD_PERIOD_H
#define UD_PERIOD_H

#include "uniondesk/err.h"
#include "uniondesk/parse.h"

enum ud_period_kind {
    UD_PERIOD_ANY,   /* a month or a year, by its shape */
    UD_PERIOD_MONTH, /* YYYY-MM (also 2026/10, 2026年10月) */
    UD_PERIOD_YEAR   /* YYYY (also 2026年): 1 January to 31 December */
};

struct ud_period {
    char from[UD_DATE_SZ], to[UD_DATE_SZ]; /* both days counted */
    int year;                              /* the year it lies in */
    int is_year;                           /* a whole calendar year */
};

/* Reads text as a period of the kind wanted. NULL, or why not (in the
 * user's language: "month must be YYYY-MM", "year must be YYYY"). */
const char *ud_period_parse(const char *text, enum ud_period_kind want, struct ud_period *out);

/* A period that can be counted on the data date as_of: from ≤ to, and
 * as_of not before from (the period has begun). UD_ERR_USAGE otherwise,
 * with a message naming the dates. */
int ud_period_check(const char *from, const char *to, const char *as_of, struct ud_err *err);

#endif
