/* The table of report kinds: for each, where its figures come from
 * (a module), the document it makes and its JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "uniondesk/i18n.h"
#include "uniondesk/report.h"

static int disputes_compute(struct ud_db *db, const struct ud_report_request *rq, int64_t org_id,
                            struct ud_report_meta *m, void **fig, struct ud_err *err)
{
    struct ud_dispute_report *r = calloc(1, sizeof *r);
    if (!r)
        return ud_err_nomem(err);
    char as_of[UD_DATE_SZ];
    if (rq->as_of[0])
        snprintf(as_of, sizeof as_of, "%s", rq->as_of);
    else
        ud_today(as_of);
    struct ud_dispute_filter f = {rq->level, org_id};
    if (rq->level)
        snprintf(m->level, sizeof m->level, "%s", rq->level);
    if (ud_dispute_report(db, rq->from, rq->to, as_of, &f, r, err) != UD_OK) {
        free(r);
        return err->status;
    }
    *fig = r;
    return UD_OK;
}

static void disputes_document(const void *fig, const struct ud_report_meta *m, struct ud_rdoc *d)
{
    ud_report_disputes_doc(fig, m, d);
}

static int disputes_json(const void *fig, FILE *fp, struct ud_err *err)
{
    return ud_report_disputes_json(fig, fp, err);
}

static void disputes_describe(const struct ud_report_request *rq, char *out, size_t outsz)
{
    snprintf(out, outsz, "report disputes %s..%s%s%s%s%s", rq->from, rq->to, rq->level ? " level " : "",
             rq->level ? rq->level : "", rq->org_code ? " org " : "", rq->org_code ? rq->org_code : "");
}

static int members_compute(struct ud_db *db, const struct ud_report_request *rq, int64_t org_id,
                           struct ud_report_meta *m, void **fig, struct ud_err *err)
{
    (void)rq;
    struct ud_member_stats *s = calloc(1, sizeof *s);
    if (!s)
        return ud_err_nomem(err);
    if (ud_member_stats(db, org_id, m->today, s, err) != UD_OK) {
        ud_member_stats_free(s);
        free(s);
        return err->status;
    }
    *fig = s;
    return UD_OK;
}

static void members_document(const void *fig, const struct ud_report_meta *m, struct ud_rdoc *d)
{
    ud_report_members_doc(fig, m, d);
}

static int members_json(const void *fig, FILE *fp, struct ud_err *err)
{
    return ud_report_members_json(fig, fp, err);
}

static void members_free(void *fig)
{
    ud_member_stats_free(fig);
    free(fig);
}

static void members_describe(const struct ud_report_request *rq, char *out, size_t outsz)
{
    snprintf(out, outsz, "report members%s%s", rq->org_code ? " org " : "", rq->org_code ? rq->org_code : "");
}

static int training_compute(struct ud_db *db, const struct ud_report_request *rq, int64_t org_id,
                            struct ud_report_meta *m, void **fig, struct ud_err *err)
{
    (void)org_id;
    (void)m;
    struct ud_training_stats *s = calloc(1, sizeof *s);
    if (!s)
        return ud_err_nomem(err);
    if (ud_training_stats(db, rq->year, s, err) != UD_OK) {
        free(s);
        return err->status;
    }
    *fig = s;
    return UD_OK;
}

static void training_document(const void *fig, const struct ud_report_meta *m, struct ud_rdoc *d)
{
    ud_report_training_doc(fig, m, d);
}

static int training_json(const void *fig, FILE *fp, struct ud_err *err)
{
    return ud_report_training_json(fig, fp, err);
}

static void training_describe(const struct ud_report_request *rq, char *out, size_t outsz)
{
    snprintf(out, outsz, "report training %d", rq->year);
}

const struct ud_report_kind ud_report_kinds[] = {
    {"disputes", "cases", disputes_compute, disputes_document, disputes_json, free, disputes_describe},
    {"members", "members", members_compute, members_document, members_json, members_free, members_describe},
    {"training", "courses", training_compute, training_document, training_json, free, training_describe},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL},
};

const struct ud_report_kind *ud_report_kind_find(const char *name)
{
    for (const struct ud_report_kind *k = ud_report_kinds; name && k->name; k++)
        if (strcmp(k->name, name) == 0)
            return k;
    return NULL;
}
