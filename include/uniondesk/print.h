/* Printing through CUPS: paper is PDF, never text (plain UTF-8 text on a
 * stock CUPS queue prints every Chinese character as an empty box). The
 * PDF goes to `lp` through a pipe, so no copy with personal data is left
 * on disk; what lp says when it fails reaches the user, terminal-safe,
 * with what to do. */
#ifndef UD_PRINT_H
#define UD_PRINT_H

#include <stddef.h>

#include "uniondesk/err.h"

/* Prints a PDF held in memory: `lp [-d PRINTER] -t TITLE -o media=A4`,
 * the PDF on its stdin. printer NULL or "": the default destination.
 * UD_ERR_USAGE for a name CUPS cannot have (empty after -d, spaces,
 * control characters, '#', a '/' other than the one of NAME/INSTANCE); UD_ERR_IO when lp is not on PATH or
 * fails ("The printer or class does not exist.", "No default
 * destination"): err says lp's reason in full and what to do. quiet:
 * lp's own stdout (the request id) and warnings go nowhere (the screens). */
int ud_print_pdf(const void *pdf, size_t len, const char *printer, const char *title, int quiet,
                 struct ud_err *err);

/* 1 when name could be a CUPS destination (see ud_print_pdf). */
int ud_printer_name_ok(const char *name);

/* The print destinations lp knows (lpstat -e), the default marked
 * (lpstat -d). Up to max; *n may be 0 (none set up). UD_ERR_IO when
 * lpstat is missing or fails (CUPS not running), with its reason. */
struct ud_printer {
    char name[128];
    int is_default;
};
int ud_printers(struct ud_printer *out, int max, int *n, struct ud_err *err);

#endif
