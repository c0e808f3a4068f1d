/* Shared by the reports in src/report (not a public header). */
#ifndef UD_REPORT_INT_H
#define UD_REPORT_INT_H

#include <stdio.h>

#include "uniondesk/csvout.h"
#include "uniondesk/rdoc.h"
#include "uniondesk/report.h"

/* Writes d as text, CSV, xlsx or PDF. */
int ud_report_write_doc(const struct ud_rdoc *d, enum ud_report_format fmt, FILE *fp, struct ud_outfile *out,
                        struct ud_err *err);
/* A JSON string with quotes; control characters escaped. */
/* "2026年10月" style dates for titles: 2026年11月5日 / November 5, 2026. */
void ud_report_long_date(const char *iso, char *out, size_t outsz);
/* The closing line of a report: produced by, on, and room to sign. */
void ud_report_sign_line(const struct ud_report_meta *m, char *out, size_t outsz);
int ud_report_finish(FILE *fp, struct ud_err *err);

#endif
