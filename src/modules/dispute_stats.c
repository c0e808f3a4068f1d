#include "uniondesk/dispute_stats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "uniondesk/enums.h"
#include "uniondesk/i18n.h"
#include "uniondesk/org.h"
#include "uniondesk/period.h"
#include "uniondesk/rules.h"
#include "modutil.h"
#include "sqlbuf.h"
#include "db_int.h"

#define UD_STR_(x) #x
#define UD_STR(x) UD_STR_(x)

void ud_dispute_row_add(struct ud_dispute_row *s, const struct ud_dispute_row *r)
{
    s->carried_over += r->carried_over;
    s->closed += r->closed;
    s->workers_received += r->workers_received;
    s->filed += r->filed;
    s->succeeded += r->succeeded;
    s->failed += r->failed;
    s->withdrawn += r->withdrawn;
    s->open += r->open;
    s->overdue += r->overdue;
    s->collective += r->collective;
    s->claim_fen += r->claim_fen;
    s->agreed_fen += r->agreed_fen;
}

/* Dates after as_of have not happened yet: such a date reads as NULL. The
 * cohort is "filed within [?1, ?2]"; ?3 is as_of. */
#define COHORT "(fil BETWEEN ?1 AND ?2)"
static const char stats_select[] =
    "WITH k AS (SELECT o.kind AS kind, c.dispute_type AS t, c.workers_count AS w, c.claim_fen AS claim,"
    " c.agreed_fen AS agreed, c.status AS status,"
    " CASE WHEN c.received_on <= ?3 THEN c.received_on END AS rec,"
    " CASE WHEN c.filed_on <= ?3 THEN c.filed_on END AS fil,"
    " CASE WHEN c.closed_on <= ?3 THEN c.closed_on END AS clo"
    " FROM cases c JOIN orgs o ON o.id = c.mediation_org_id WHERE c.received_on <= ?3";

static const char stats_group[] =
    ") SELECT kind, t,"
    " coalesce(sum(fil < ?1 AND (clo IS NULL OR clo >= ?1)), 0),"
    " coalesce(sum(fil IS NOT NULL AND clo BETWEEN ?1 AND ?2), 0),"
    " coalesce(sum(CASE WHEN rec BETWEEN ?1 AND ?2 THEN w ELSE 0 END), 0),"
    " coalesce(sum(" COHORT "), 0),"
    " coalesce(sum(" COHORT " AND clo IS NOT NULL AND status = 'succeeded'), 0),"
    " coalesce(sum(" COHORT " AND clo IS NOT NULL AND status = 'failed'), 0),"
    " coalesce(sum(" COHORT " AND clo IS NOT NULL AND status = 'withdrawn'), 0),"
    " coalesce(sum(" COHORT " AND clo IS NULL), 0),"
    /* open on as_of means filed or mediating then: the one overdue rule */
    " coalesce(sum(" COHORT " AND clo IS NULL AND ud_overdue('filed', fil, ?3)), 0),"
    " coalesce(sum(" COHORT " AND w >= " UD_STR(UD_COLLECTIVE_WORKERS) "), 0),"
    " coalesce(sum(CASE WHEN " COHORT " THEN claim ELSE 0 END), 0),"
    " coalesce(sum(CASE WHEN " COHORT " AND clo IS NOT NULL AND status = 'succeeded' THEN coalesce(agreed, 0) ELSE 0 END), 0)"
    " FROM k GROUP BY kind, t";

int ud_dispute_stats(struct ud_db *db, const char *from, const char *to, const char *as_of,
                     const struct ud_dispute_filter *f, struct ud_dispute_table *out, struct ud_err *err)
{
    memset(out, 0, sizeof *out);
    snprintf(out->from, sizeof out->from, "%s", from);
    snprintf(out->to, sizeof out->to, "%s", to);
    struct ud_sqlbuf q;
    ud_sql_init(&q, stats_select);
    ud_sql_text(&q, from);  /* ?1 */
    ud_sql_text(&q, to);    /* ?2 */
    ud_sql_text(&q, as_of); /* ?3 */
    if (f && f->level && *f->level) {
        if (strcmp(f->level, "district") == 0)
            ud_sql_add(&q, " AND o.kind = 'district_federation'");
        else if (strcmp(f->level, "street") == 0)
            ud_sql_add(&q, " AND o.kind = 'street_federation'");
        else
            ud_sql_add(&q, " AND o.kind IN ('community_federation', 'community_union')");
    }
    if (f && f->org_subtree) {
        ud_sql_add(&q, " AND ");
        ud_org_subtree_cond(&q, "c.mediation_org_id", f->org_subtree);
    }
    /* Only cases that can count: received in the period, or not closed
     * before it starts. The rest add zeros to every figure, and leaving
     * them out of the aggregation makes a month's report several times
     * faster. */
    ud_sql_add(&q, " AND (c.received_on BETWEEN ?1 AND ?2 OR c.closed_on >= ?1 OR c.closed_on IS NULL)");
    ud_sql_add(&q, stats_group);
    sqlite3_stmt *st;
    if (ud_sql_prepare(db, &q, &st, err) != UD_OK)
        return err->status;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *level = ud_org_kind_level((const char *)sqlite3_column_text(st, 0));
        int li = ud_enum_index(&ud_enum_level, level);
        int ti = ud_enum_index(&ud_enum_dispute_type, (const char *)sqlite3_column_text(st, 1));
        if (li < 0 || ti < 0)
            continue; /* not a mediation body (cannot happen: the module refuses it) */
        /* integers all the way: sum() of integers never rounds */
        struct ud_dispute_row r = {
            sqlite3_column_int64(st, 2),  sqlite3_column_int64(st, 3),  sqlite3_column_int64(st, 4),
            sqlite3_column_int64(st, 5),  sqlite3_column_int64(st, 6),  sqlite3_column_int64(st, 7),
            sqlite3_column_int64(st, 8),  sqlite3_column_int64(st, 9),  sqlite3_column_int64(st, 10),
            sqlite3_column_int64(st, 11), sqlite3_column_int64(st, 12), sqlite3_column_int64(st, 13),
        };
        ud_dispute_row_add(&out->level[li], &r);
        ud_dispute_row_add(&out->type[ti], &r);
        ud_dispute_row_add(&out->total, &r);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return ud_db_error(db, rc, err);
    return UD_OK;
}

void ud_date_year_before(const char *iso, char out[UD_DATE_SZ])
{
    int y = atoi(iso), m = atoi(iso + 5), d = atoi(iso + 8);
    /* the last day of a month stays the last day: February 2025's year
     * earlier is all of February 2024, 29th included */
    int month_end = m >= 1 && m <= 12 && d == ud_days_in_month(y, m);
    y--;
    if (m >= 1 && m <= 12 && (month_end || d > ud_days_in_month(y, m)))
        d = ud_days_in_month(y, m);
    snprintf(out, UD_DATE_SZ, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
}

int ud_dispute_report(struct ud_db *db, const char *from, const char *to, const char *as_of,
                      const struct ud_dispute_filter *f, struct ud_dispute_report *out, struct ud_err *err)
{
    memset(out, 0, sizeof *out);
    if (ud_period_check(from, to, as_of, err) != UD_OK)
        return err->status;
    snprintf(out->from, sizeof out->from, "%s", from);
    snprintf(out->to, sizeof out->to, "%s", to);
    snprintf(out->as_of, sizeof out->as_of, "%s", as_of);
    snprintf(out->ytd_from, sizeof out->ytd_from, "%.4s-01-01", to);
    ud_date_year_before(from, out->prev_from);
    ud_date_year_before(to, out->prev_to);
    ud_date_year_before(as_of, out->prev_as_of);
    if (ud_dispute_stats(db, from, to, as_of, f, &out->period, err) != UD_OK ||
        ud_dispute_stats(db, out->ytd_from, to, as_of, f, &out->ytd, err) != UD_OK ||
        ud_dispute_stats(db, out->prev_from, out->prev_to, out->prev_as_of, f, &out->previous, err) != UD_OK)
        return err->status;
    return UD_OK;
}
