/* Demo data: a district shaped like the seed document (北仑区总工会),
 * deterministic for a given seed and date. */
#ifndef UD_DEMO_H
#define UD_DEMO_H

#include <stdint.h>

#include "uniondesk/db.h"

struct ud_demo_stats {
    int orgs, members, cases, events, recipients, grants, courses, enrolments;
};

/* scale 1 ≈ 380,000 members and 4,000 filed cases a year over five years
 * ending at as_of. Refuses a database that already holds organizations. */
int ud_demo_generate(struct ud_db *db, double scale, uint64_t seed, const char *as_of,
                     struct ud_demo_stats *stats, struct ud_err *err);

#endif
