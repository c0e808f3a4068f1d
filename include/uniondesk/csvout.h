/* Writing one CSV field (RFC 4180) for a spreadsheet to open. */
#ifndef UD_CSVOUT_H
#define UD_CSVOUT_H

#include <stdio.h>

/* Quoted when it holds a comma, a quote or a line break. Text that Excel
 * or LibreOffice would take for a formula (=, +, -, @ first, unless it is
 * a number) gets a leading apostrophe, so that a name such as
 * =HYPERLINK(…) from the database is shown, never run. */
void ud_csv_field(FILE *out, const char *s);
/* A JSON string: quoted, with quotes, backslashes and control characters
 * escaped (UTF-8 passes through). NULL is "". */
void ud_json_str(FILE *fp, const char *s);

#endif
