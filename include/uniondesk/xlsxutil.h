/* What the report and export layers share about writing xlsx with
 * libxlsxwriter (see LIBRARIES.md): where its temporary files go, how its
 * errors become ours, column widths from display width, dates. */
#ifndef UD_XLSXUTIL_H
#define UD_XLSXUTIL_H

#include <stddef.h>

#include <xlsxwriter.h>

#include "uniondesk/err.h"

/* Checks that the file can be created where it is named (its directory
 * exists and is writable: UD_ERR_CANTCREAT otherwise) and writes that
 * directory into tmpdir, for libxlsxwriter's temporary files: it is known
 * to be writable, and an invalid tmpdir would silently fall back to /tmp. */
int ud_xlsx_prepare(const char *path, char *tmpdir, size_t tmpdirsz, struct ud_err *err);
/* workbook_close()'s result as a status: creating the file → CANTCREAT,
 * anything else → IO; the message names the file. */
int ud_xlsx_close(lxw_workbook *wb, const char *path, struct ud_err *err);
/* Excel column width for text of `cols` display columns (a Chinese
 * character is two), with a margin. */
double ud_xlsx_width(int cols);
/* An ISO date as an Excel date (0 when it is not one). */
int ud_xlsx_date(const char *iso, lxw_datetime *dt);

#endif
