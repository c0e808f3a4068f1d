/* Mediation statistics (劳动争议调解统计): the figures of the monthly
 * report, computed in one pass over the cases.
 *
 * For a period [from, to] and a data date as_of (nothing after as_of has
 * happened yet), per group (level or dispute type):
 *   carried_over      filed before `from`, not closed before `from`
 *   closed            filed cases closed within the period
 *   workers_received  workers of cases received within the period
 *   filed             cases filed within the period — the cohort; of those:
 *   succeeded/failed/withdrawn   closed so by as_of
 *   open              not closed by as_of;  overdue: of those, overdue on as_of
 *   collective        10 workers or more
 *   claim_fen         claims of the cohort; agreed_fen: agreements of its successes
 * so that carried_over + filed − closed = the next period's carried_over. */
#ifndef UD_DISPUTE_STATS_H
#define UD_DISPUTE_STATS_H

#include <stdint.h>

#include "uniondesk/db.h"
#include "uniondesk/parse.h"

#define UD_NLEVELS 3 /* district, street, community */
#define UD_NTYPES 8  /* the dispute types of ud_enum_dispute_type, in order */

struct ud_dispute_row {
    int64_t carried_over, closed, workers_received, filed, succeeded, failed, withdrawn, open, overdue,
        collective, claim_fen, agreed_fen;
};

struct ud_dispute_table {
    char from[UD_DATE_SZ], to[UD_DATE_SZ];
    struct ud_dispute_row level[UD_NLEVELS];
    struct ud_dispute_row type[UD_NTYPES];
    struct ud_dispute_row total;
};

struct ud_dispute_filter {
    const char *level;  /* "district" / "street" / "community" or NULL */
    int64_t org_subtree; /* mediation bodies under this org; 0 = all */
};

int ud_dispute_stats(struct ud_db *db, const char *from, const char *to, const char *as_of,
                     const struct ud_dispute_filter *f, struct ud_dispute_table *out, struct ud_err *err);
void ud_dispute_row_add(struct ud_dispute_row *sum, const struct ud_dispute_row *r);

/* The monthly report (劳动争议调解统计月报): the period, the year to date
 * (1 January of the year `to` falls in, to `to`), and the same period a
 * year earlier (同比), counted as of the same day a year earlier so that
 * both years had the same time to close their cases. The last day of a
 * month maps to the last day of that month a year earlier (28 February
 * 2025 → 29 February 2024, 29 February 2024 → 28 February 2023). */
struct ud_dispute_report {
    char from[UD_DATE_SZ], to[UD_DATE_SZ], as_of[UD_DATE_SZ];
    char ytd_from[UD_DATE_SZ];
    char prev_from[UD_DATE_SZ], prev_to[UD_DATE_SZ], prev_as_of[UD_DATE_SZ];
    struct ud_dispute_table period, ytd, previous;
};

/* from ≤ to, and as_of not before from (else UD_ERR_USAGE). */
int ud_dispute_report(struct ud_db *db, const char *from, const char *to, const char *as_of,
                      const struct ud_dispute_filter *f, struct ud_dispute_report *out, struct ud_err *err);
/* The same day a year earlier; a month's last day → that month's last day. */
void ud_date_year_before(const char *iso, char out[UD_DATE_SZ]);

#endif
