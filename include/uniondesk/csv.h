/* Reading CSV as Chinese offices write it: RFC 4180 quoting (commas,
 * quotes and newlines inside quoted fields), UTF-8 with or without a BOM,
 * or GBK/GB18030 (what Chinese Excel saves), converted with iconv while
 * streaming, so memory does not grow with the file. */
#ifndef UD_CSV_H
#define UD_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "uniondesk/err.h"

enum ud_csv_encoding { UD_ENC_AUTO, UD_ENC_UTF8, UD_ENC_GBK };

struct ud_csv;

/* Returns the encoding named by "auto", "utf-8"/"utf8", "gbk"/"gb18030", or -1. */
int ud_csv_encoding_parse(const char *s);
/* Opens path (a regular file or a pipe; a directory is refused with
 * UD_ERR_NOINPUT). With UD_ENC_AUTO the file is first read through
 * ud_enc_guess: GBK only when it looks like GBK, else UTF-8, whose bad
 * bytes are then reported with their line. */
int ud_csv_open(struct ud_csv **out, const char *path, enum ud_csv_encoding enc, struct ud_err *err);
/* The same for an open stream (the fuzz tests read from memory); f is
 * closed by ud_csv_close, or here on failure. */
int ud_csv_open_stream(struct ud_csv **out, FILE *f, const char *name, enum ud_csv_encoding enc,
                       struct ud_err *err);
/* The encoding actually used. */
enum ud_csv_encoding ud_csv_used_encoding(const struct ud_csv *c);
/* Reads the next record. Returns 1 with *fields and *n set (valid until the
 * next call), 0 at end of file, -1 on error (err says where). *record is
 * the record number, the header being record 1 (Excel's row number). */
int ud_csv_next(struct ud_csv *c, char ***fields, int *n, long *record, struct ud_err *err);
void ud_csv_close(struct ud_csv *c);

/* Encoding detection, fed in pieces of any size. */
struct ud_enc_guess {
    long utf8_bad, utf8_multi;     /* bad and good multi-byte UTF-8 sequences */
    long gbk_bad, gbk_pairs, gb2312_pairs;
    int u_need;                    /* continuation bytes still expected */
    unsigned char u_lo, u_hi;      /* range of the next continuation byte */
    int g_state;                   /* GBK: 0 free, 1 after a lead, 2-3 in a four-byte form */
    unsigned char g_lead;
};
void ud_enc_guess_init(struct ud_enc_guess *g);
void ud_enc_guess_feed(struct ud_enc_guess *g, const char *p, size_t n);
/* UD_ENC_UTF8 or UD_ENC_GBK; call once, after the last piece. */
enum ud_csv_encoding ud_enc_guess_result(struct ud_enc_guess *g);

#endif
