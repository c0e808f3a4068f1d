/* A report from its parameters: the figures from the modules, then the
 * rendering — shared by `uniondesk report` and the screens' reports tab. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "uniondesk/audit.h"
#include "uniondesk/i18n.h"
#include "uniondesk/org.h"
#include "uniondesk/rdoc.h"
#include "uniondesk/report.h"
#include "report_int.h"

int ud_report_run(struct ud_db *db, const struct ud_report_request *rq, enum ud_report_format fmt, FILE *fp,
                  const char *path, struct ud_err *err)
{
    const struct ud_report_kind *k = ud_report_kind_find(rq->kind);
    if (!k)
        return ud_err_set(err, UD_ERR_USAGE, T("未知的报表“%s”", "unknown report '%s'"), rq->kind ? rq->kind : "");
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
    /* to a file: whole or absent */
    struct ud_outfile outf, *out = NULL;
    if (path) {
        if (ud_out_open(&outf, path, rq->out_flags, err) != UD_OK)
            return err->status;
        out = &outf;
        fp = outf.fp;
    }
    void *fig = NULL;
    int st = k->compute(db, rq, org_id, &meta, &fig, err);
    if (st == UD_OK && fmt == UD_REPORT_JSON) {
        st = k->json(fig, fp, err);
    } else if (st == UD_OK) {
        struct ud_rdoc *d = malloc(sizeof *d);
        if (d) {
            k->document(fig, &meta, d);
            st = ud_report_write_doc(d, fmt, fp, out, err);
            ud_rdoc_free(d);
            free(d);
        } else {
            st = ud_err_nomem(err);
        }
    }
    if (fig)
        k->free(fig);
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

int ud_report_print(struct ud_db *db, const struct ud_report_request *rq, const char *printer, const char *title,
                    int quiet, struct ud_err *err)
{
    const struct ud_report_kind *k = ud_report_kind_find(rq->kind);
    if (!k)
        return ud_err_set(err, UD_ERR_USAGE, T("未知的报表“%s”", "unknown report '%s'"), rq->kind ? rq->kind : "");
    if (printer && *printer && !ud_printer_name_ok(printer))
        return ud_print_pdf(NULL, 0, printer, title, quiet, err); /* says why */
    /* the PDF in memory: nothing with the figures is left on disk */
    char *pdf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&pdf, &len);
    if (!fp)
        return ud_err_nomem(err);
    int st = ud_report_run(db, rq, UD_REPORT_PDF, fp, NULL, err);
    if (fclose(fp) != 0 && st == UD_OK)
        st = ud_err_nomem(err);
    if (st == UD_OK) {
        /* the print is on record before it leaves: paper leaves no trace otherwise */
        char what[600];
        k->describe(rq, what, sizeof what);
        size_t n = strlen(what);
        if (printer && *printer)
            snprintf(what + n, sizeof what - n, " -> printer %s", printer);
        else
            snprintf(what + n, sizeof what - n, " -> default printer");
        if (ud_audit_note(db, k->audit_table, 0, "print", what, err) != UD_OK)
            st = err->status;
    }
    if (st == UD_OK)
        st = ud_print_pdf(pdf, len, printer, title, quiet, err);
    free(pdf);
    return st;
}
