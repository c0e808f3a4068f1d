/* Reading CSV as Chinese offices write it: RFC 4180 quoting (commas,
 * quotes and newlines inside quoted fields), UTF-8 with or without a BOM,
 * or GBK/GB18030 (what Chinese Excel saves), converted with iconv while
 * streaming, so memory does not grow with the file. */
#ifndef UD_CSV_H
#define UD_CSV_H

#include "uniondesk/err.h"

enum ud_csv_encoding { UD_ENC_AUTO, UD_ENC_UTF8, UD_ENC_GBK };

struct ud_csv;

/* Returns the encoding named by "auto", "utf-8"/"utf8", "gbk"/"gb18030", or -1. */
int ud_csv_encoding_parse(const char *s);
/* Opens path. With UD_ENC_AUTO the file is first checked: valid UTF-8 is
 * read as UTF-8, anything else as GB18030 (a superset of GBK). */
int ud_csv_open(struct ud_csv **out, const char *path, enum ud_csv_encoding enc, struct ud_err *err);
/* The encoding actually used. */
enum ud_csv_encoding ud_csv_used_encoding(const struct ud_csv *c);
/* Reads the next record. Returns 1 with *fields and *n set (valid until the
 * next call), 0 at end of file, -1 on error (err says where). *record is
 * the record number, the header being record 1 (Excel's row number). */
int ud_csv_next(struct ud_csv *c, char ***fields, int *n, long *record, struct ud_err *err);
void ud_csv_close(struct ud_csv *c);

#endif
