/* A report from its parameters: the figures from the modules, then the
 * rendering — shared by `uniondesk report` and the screens' reports tab. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "uniondesk/audit.h"
#include "uniondesk/i18n.h"
#include "uniondesk/org.h"
#include "uniondesk/report.h"

struct figures {
    struct ud_dispute_report disputes;
    struct ud_member_stats members;
    struct ud_training_stats training;
};

int ud_report_run(struct ud_db *db, const struct ud_report_request *rq, enum ud_report_format fmt, FILE *fp,
                  const char *path, struct ud_err *err)
{
    struct ud_report_meta meta;
    if (ud_report_meta_init(db, &meta, err) != UD_OK)
        return err->status;
    int64_t org_id = 0;
    if (rq->org_code && *rq->org_code) {
        struct ud_org org;
        if (ud_org_get_by_code(db, rq->org_code, &org, err) != UD_OK)
            return err->status;
        org_id = org.id;
        snprintf(meta.scope, sizeof meta.scope, "%s", org.name);
    }
    struct figures *fig = calloc(1, sizeof *fig);
    if (!fig)
        return ud_err_set(err, UD_ERR_INTERNAL, "out of memory");
    /* to a file: whole or absent */
    struct ud_outfile outf, *out = NULL;
    if (path) {
        if (ud_out_open(&outf, path, rq->out_flags, err) != UD_OK) {
            free(fig);
            return err->status;
        }
        out = &outf;
        fp = outf.fp;
    }
    int st;
    if (strcmp(rq->kind, "disputes") == 0) {
        char as_of[UD_DATE_SZ];
        if (rq->as_of[0])
            snprintf(as_of, sizeof as_of, "%s", rq->as_of);
        else
            ud_today(as_of);
        struct ud_dispute_filter f = {rq->level, org_id};
        if (rq->level)
            snprintf(meta.level, sizeof meta.level, "%s", rq->level);
        st = ud_dispute_report(db, rq->from, rq->to, as_of, &f, &fig->disputes, err);
        if (st == UD_OK)
            st = ud_report_disputes(&fig->disputes, &meta, fmt, fp, out, err);
    } else if (strcmp(rq->kind, "members") == 0) {
        st = ud_member_stats(db, org_id, meta.today, &fig->members, err);
        if (st == UD_OK)
            st = ud_report_members(&fig->members, &meta, fmt, fp, out, err);
        ud_member_stats_free(&fig->members);
    } else if (strcmp(rq->kind, "training") == 0) {
        st = ud_training_stats(db, rq->year, &fig->training, err);
        if (st == UD_OK)
            st = ud_report_training(&fig->training, &meta, fmt, fp, out, err);
    } else {
        st = ud_err_set(err, UD_ERR_USAGE, T("未知的报表“%s”", "unknown report '%s'"), rq->kind);
    }
    free(fig);
    if (out && st == UD_OK) {
        st = ud_out_commit(out, err);
    } else if (out) {
        ud_out_abort(out);
        if (!strstr(err->msg, path)) { /* a renderer's write error: say which file, and that it is gone */
            char what[1200];
            snprintf(what, sizeof what, T("%s（没有留下文件）", "%s (no file was left)"), path);
            ud_err_prefix(err, what);
        }
    }
    return st;
}

int ud_report_print_noted(struct ud_db *db, const struct ud_report_request *rq, const char *text, size_t len,
                          const char *title, int quiet, struct ud_err *err)
{
    const char *kind = rq->kind ? rq->kind : "";
    const char *table = strcmp(kind, "disputes") == 0 ? "cases" : strcmp(kind, "training") == 0 ? "courses" : "members";
    char what[400];
    if (strcmp(kind, "disputes") == 0)
        snprintf(what, sizeof what, "report disputes %s..%s%s%s%s%s -> printer", rq->from, rq->to,
                 rq->level ? " level " : "", rq->level ? rq->level : "", rq->org_code ? " org " : "",
                 rq->org_code ? rq->org_code : "");
    else if (strcmp(kind, "training") == 0)
        snprintf(what, sizeof what, "report training %d -> printer", rq->year);
    else
        snprintf(what, sizeof what, "report %s%s%s -> printer", kind, rq->org_code ? " org " : "",
                 rq->org_code ? rq->org_code : "");
    if (ud_audit_note(db, table, 0, "print", what, err) != UD_OK)
        return err->status;
    return ud_report_print(text, len, title, quiet, err);
}
