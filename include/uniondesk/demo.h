/* Demo data: a district shaped like the seed document (北仑区总工会),
 * deterministic for a given seed and date. */
#ifndef UD_DEMO_H
#define UD_DEMO_H

#include <stdint.h>

#include "uniondesk/db.h"

/* the generator's phases, timed (UNIONDESK_DEMO_TIMES=1 makes `init`
 * print them) */
enum { UD_DEMO_ORGS, UD_DEMO_MEMBERS, UD_DEMO_CASES, UD_DEMO_AID, UD_DEMO_TRAINING, UD_DEMO_SEARCH,
       UD_DEMO_COMMIT, UD_DEMO_ANALYZE, UD_DEMO_PHASES };
extern const char *const ud_demo_phase_names[UD_DEMO_PHASES];

struct ud_demo_stats {
    int orgs, members, cases, events, recipients, grants, courses, enrolments;
    double phase_s[UD_DEMO_PHASES];     /* seconds per phase, wall clock */
    double phase_cpu_s[UD_DEMO_PHASES]; /* and this process's CPU time (steadier on a busy machine) */
};

/* scale 1 ≈ 380,000 members and 4,000 filed cases a year over five years
 * ending at as_of. Refuses a database that already holds organizations. */
int ud_demo_generate(struct ud_db *db, double scale, uint64_t seed, const char *as_of,
                     struct ud_demo_stats *stats, struct ud_err *err);

#endif
