/* The statistics reports: the modules' figures (dispute_stats.h,
 * member_stats.h, training_stats.h) rendered as text for paper, CSV,
 * JSON or xlsx. Nothing here queries the database except the meta data
 * (who produces the report, the district's name). */
#ifndef UD_REPORT_H
#define UD_REPORT_H

#include <stdio.h>

#include "uniondesk/db.h"
#include "uniondesk/dispute_stats.h"
#include "uniondesk/member_stats.h"
#include "uniondesk/outfile.h"
#include "uniondesk/parse.h"
#include "uniondesk/print.h"
#include "uniondesk/rdoc.h"
#include "uniondesk/training_stats.h"

enum ud_report_format { UD_REPORT_TEXT, UD_REPORT_CSV, UD_REPORT_JSON, UD_REPORT_XLSX, UD_REPORT_PDF };

/* "text", "csv", "json", "xlsx", "pdf" (NULL = text); -1 when unknown. */
int ud_report_format_parse(const char *s);
/* The format a file name's extension names (.txt .csv .json .xlsx .pdf, any
 * case); -1 for none of them, stdout ("-") or NULL. */
int ud_report_format_of_name(const char *path);

/* What a report says about itself besides its figures. */
struct ud_report_meta {
    char org_name[184];   /* the root organization: the titles name it */
    char scope[184];      /* one subtree's organization name; "" = the whole district */
    char level[16];       /* dispute report: one level's code; "" = all */
    char producer[96];    /* the user's display name, else the login */
    char today[UD_DATE_SZ];
};

/* Root organization's name, the current user, today (UNIONDESK_TODAY). */
int ud_report_meta_init(struct ud_db *db, struct ud_report_meta *m, struct ud_err *err);

/* Each report: the _doc functions fill a document (ud_rdoc_free it),
 * rendered as text, CSV or xlsx (or on a screen); the _json ones write
 * the figures with DESIGN.md's keys. UD_ERR_IO on failure. */

/* 劳动争议调解统计月报 (or 年报 when the period is a calendar year). */
void ud_report_disputes_doc(const struct ud_dispute_report *r, const struct ud_report_meta *m, struct ud_rdoc *d);
int ud_report_disputes_json(const struct ud_dispute_report *r, FILE *fp, struct ud_err *err);

/* 工会组织和会员统计表 */
void ud_report_members_doc(const struct ud_member_stats *s, const struct ud_report_meta *m, struct ud_rdoc *d);
int ud_report_members_json(const struct ud_member_stats *s, FILE *fp, struct ud_err *err);

/* 职工教育培训统计表 */
void ud_report_training_doc(const struct ud_training_stats *s, const struct ud_report_meta *m, struct ud_rdoc *d);
int ud_report_training_json(const struct ud_training_stats *s, FILE *fp, struct ud_err *err);

/* The kinds of report, one row each: the table ud_report_run, the
 * command line and the screens go through (src/report/report_kinds.c). */
struct ud_report_request;
struct ud_report_kind {
    const char *name;        /* "disputes", "members", "training" */
    const char *audit_table; /* a print is noted against it */
    /* The figures from the module, into a new *fig (kind->free it). */
    int (*compute)(struct ud_db *db, const struct ud_report_request *rq, int64_t org_id,
                   struct ud_report_meta *m, void **fig, struct ud_err *err);
    void (*document)(const void *fig, const struct ud_report_meta *m, struct ud_rdoc *d);
    int (*json)(const void *fig, FILE *fp, struct ud_err *err);
    void (*free)(void *fig);
    /* "report disputes 2026-10-01..2026-10-31 level street": what the audit log says */
    void (*describe)(const struct ud_report_request *rq, char *out, size_t outsz);
};
extern const struct ud_report_kind ud_report_kinds[]; /* ends with a NULL name */
/* The kind called name, or NULL. */
const struct ud_report_kind *ud_report_kind_find(const char *name);

/* One report, asked for by its parameters: the command line and the
 * screens both go through here (figures from the modules, then rendered). */
struct ud_report_request {
    const char *kind;                /* "disputes", "members" or "training" */
    char from[UD_DATE_SZ], to[UD_DATE_SZ]; /* disputes: the period */
    int year;                        /* training */
    char as_of[UD_DATE_SZ];          /* disputes: the data date; "" = today */
    const char *level;               /* disputes: a level code, or NULL */
    const char *org_code;            /* disputes, members: a subtree, or NULL */
    unsigned out_flags;              /* UD_OUT_FORCE: replace an existing file */
};
/* Writes the report to fp, or, when path is given, to that file: whole or
 * absent (outfile.h), never over an existing file without UD_OUT_FORCE. */
int ud_report_run(struct ud_db *db, const struct ud_report_request *rq, enum ud_report_format fmt, FILE *fp,
                  const char *path, struct ud_err *err);

/* Prints the report rq on paper: rendered as PDF (ud_rdoc_pdf) in
 * memory, its print recorded in the audit log (action "print", naming the
 * printer) before it goes to lp (ud_print_pdf, print.h). printer NULL or
 * "": the default destination. quiet: for the screens. */
int ud_report_print(struct ud_db *db, const struct ud_report_request *rq, const char *printer, const char *title,
                    int quiet, struct ud_err *err);

/* A ratio as JSON: a fraction rounded half up to 4 places ("0.8881"), or
 * "null" when den is 0. Integer arithmetic only. */
void ud_report_json_ratio(int64_t num, int64_t den, char *out, size_t outsz);

#endif
