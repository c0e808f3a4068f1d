/* What the report and export layers share about writing xlsx with
 * libxlsxwriter (see LIBRARIES.md): the workbook goes into a ud_outfile
 * (whole or absent), its errors become ours, and the written sheet is read
 * back before the file is renamed into place; column widths from display
 * width; dates. */
#ifndef UD_XLSXUTIL_H
#define UD_XLSXUTIL_H

#include <stddef.h>
#include <stdint.h>

#include <xlsxwriter.h>

#include "uniondesk/err.h"
#include "uniondesk/outfile.h"

/* A workbook writing into the open output `out` (by descriptor, so the
 * name cannot be swapped), its temporary files in the output's directory
 * (an invalid tmpdir would silently fall back to /tmp). NULL on failure. */
lxw_workbook *ud_xlsx_new(struct ud_outfile *out, int constant_memory, struct ud_err *err);

/* workbook_close()'s result as a status (creating → CANTCREAT, else IO,
 * the message naming out->path), then the check that the first sheet holds
 * rows up to `last_row` (0-based; -1 skips it): libxlsxwriter does not
 * notice a temporary file cut short by a full disk, and would produce a
 * well-formed but short workbook. The output stays open: the caller
 * commits or aborts it. */
int ud_xlsx_close(lxw_workbook *wb, struct ud_outfile *out, int64_t last_row, struct ud_err *err);

/* The highest row number (1-based, as in <row r="N">) of the first
 * worksheet of the xlsx file at `path`, -1 when it cannot be read, -2
 * when memory ran out. */
int64_t ud_xlsx_last_row(const char *path);

/* Excel column width for text of `cols` display columns (a Chinese
 * character is two), with a margin. */
double ud_xlsx_width(int cols);
/* An ISO date as an Excel date (0 when it is not one). */
int ud_xlsx_date(const char *iso, lxw_datetime *dt);

#endif
