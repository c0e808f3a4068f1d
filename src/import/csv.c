#include "uniondesk/csv.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "uniondesk/i18n.h"
#include "uniondesk/utf8.h"

/* the fuzz build makes it tiny, so that chunk boundaries fall everywhere */
#ifndef UD_CSV_CHUNK
#define UD_CSV_CHUNK 65536
#endif
#define RAW_CHUNK UD_CSV_CHUNK

struct ud_csv {
    FILE *f;
    char path[1024];
    enum ud_csv_encoding enc;
    iconv_t cd;
    /* raw bytes from the file, then converted UTF-8 bytes */
    char raw[RAW_CHUNK];
    size_t raw_len;
    char buf[RAW_CHUNK * 4];
    size_t len, pos;
    int eof;
    int bom_checked;
    int bad; /* bytes that do not decode follow buf[len] */
    long record;
    long line;
    /* the current record */
    char *field;
    size_t field_len, field_cap;
    char **fields;
    size_t *offsets;
    int nfields, fields_cap;
};

int ud_csv_encoding_parse(const char *s)
{
    if (!s || strcasecmp(s, "auto") == 0)
        return UD_ENC_AUTO;
    if (strcasecmp(s, "utf-8") == 0 || strcasecmp(s, "utf8") == 0)
        return UD_ENC_UTF8;
    if (strcasecmp(s, "gbk") == 0 || strcasecmp(s, "gb18030") == 0 || strcasecmp(s, "gb2312") == 0)
        return UD_ENC_GBK;
    return -1;
}

enum ud_csv_encoding ud_csv_used_encoding(const struct ud_csv *c)
{
    return c->enc;
}

/* One streaming pass over the file to guess its encoding. */
static enum ud_csv_encoding guess_file(FILE *f)
{
    char chunk[RAW_CHUNK];
    size_t n;
    struct ud_enc_guess g;
    ud_enc_guess_init(&g);
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        ud_enc_guess_feed(&g, chunk, n);
    rewind(f);
    return ud_enc_guess_result(&g);
}

int ud_csv_open_stream(struct ud_csv **out, FILE *f, const char *name, enum ud_csv_encoding enc,
                       struct ud_err *err)
{
    *out = NULL;
    struct ud_csv *c = calloc(1, sizeof *c);
    if (!c) {
        fclose(f);
        return ud_err_nomem(err);
    }
    c->f = f;
    snprintf(c->path, sizeof c->path, "%s", name);
    c->cd = (iconv_t)-1;
    if (enc == UD_ENC_AUTO)
        enc = guess_file(f);
    c->enc = enc;
    if (enc == UD_ENC_GBK) {
        c->cd = iconv_open("UTF-8", "GB18030");
        if (c->cd == (iconv_t)-1) {
            ud_csv_close(c);
            return ud_err_set(err, UD_ERR_INTERNAL, "iconv GB18030: %s", ud_strerror(errno));
        }
    }
    c->line = 1;
    *out = c;
    return UD_OK;
}

int ud_csv_open(struct ud_csv **out, const char *path, enum ud_csv_encoding enc, struct ud_err *err)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return ud_err_set(err, UD_ERR_NOINPUT, T("无法打开文件 %s：%s", "cannot open %s: %s"), path, ud_strerror(errno));
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        return ud_err_set(err, UD_ERR_NOINPUT, T("%s 是目录，不是 CSV 文件", "%s is a directory, not a CSV file"), path);
    }
    return ud_csv_open_stream(out, f, path, enc, err);
}

void ud_csv_close(struct ud_csv *c)
{
    if (!c)
        return;
    if (c->f)
        fclose(c->f);
    if (c->cd != (iconv_t)-1)
        iconv_close(c->cd);
    free(c->field);
    free(c->fields);
    free(c->offsets);
    free(c);
}

/* Length of the valid UTF-8 at the start of p[0..n); *cut is set when
 * the rest is an incomplete character that more bytes may complete. */
static size_t utf8_prefix(const char *p, size_t n, int at_end, int *cut)
{
    size_t i = 0;
    *cut = 0;
    while (i < n) {
        uint32_t cp;
        int l = ud_utf8_decode(p + i, n - i, &cp);
        if (l == 0) {
            if (n - i < 4 && !at_end) {
                /* might be a character cut by the chunk: check its head */
                struct ud_enc_guess g;
                ud_enc_guess_init(&g);
                ud_enc_guess_feed(&g, p + i, n - i);
                *cut = g.utf8_bad == 0;
            }
            break;
        }
        i += (size_t)l;
    }
    return i;
}

/* Refills buf with UTF-8 bytes. Returns 0 at end, -1 on error. Bytes
 * that do not decode stop the buffer short; the error is reported when
 * the parser reaches them, so that its line count names the right line. */
static int refill(struct ud_csv *c, struct ud_err *err)
{
    c->pos = c->len = 0;
    if (c->bad)
        return ud_err_set(err, UD_ERR_INVALID,
                          c->enc == UD_ENC_UTF8
                              ? T("%s 第 %ld 行：不是有效的 UTF-8 编码（文件损坏？可用 --encoding 指定编码）",
                                  "%s line %ld: not valid UTF-8 (a damaged file? --encoding names the encoding)")
                              : T("%s 第 %ld 行：既不是 UTF-8 也不是 GBK 编码", "%s line %ld: neither UTF-8 nor GBK"),
                          c->path, c->line), -1;
    if (c->eof)
        return 0;
    size_t n = fread(c->raw + c->raw_len, 1, sizeof c->raw - c->raw_len, c->f);
    if (n == 0 && ferror(c->f))
        return ud_err_set(err, UD_ERR_IO, T("读取 %s 出错", "error reading %s"), c->path), -1;
    c->raw_len += n;
    int at_end = n == 0 || feof(c->f);
    if (c->enc == UD_ENC_UTF8) {
        int cut;
        size_t good = utf8_prefix(c->raw, c->raw_len, at_end, &cut);
        memcpy(c->buf, c->raw, good);
        c->len = good;
        if (good < c->raw_len && !cut)
            c->bad = 1;
        memmove(c->raw, c->raw + good, c->raw_len - good);
        c->raw_len -= good;
    } else {
        char *in = c->raw, *outp = c->buf;
        size_t inleft = c->raw_len, outleft = sizeof c->buf;
        size_t r = iconv(c->cd, &in, &inleft, &outp, &outleft);
        if (r == (size_t)-1 && (errno == EILSEQ || (errno == EINVAL && at_end)))
            c->bad = 1;
        c->len = sizeof c->buf - outleft;
        memmove(c->raw, in, inleft); /* an incomplete character waits for more bytes */
        c->raw_len = inleft;
    }
    if (at_end && c->raw_len == 0)
        c->eof = 1;
    if (!c->bom_checked && c->len >= 3) {
        c->bom_checked = 1;
        if (memcmp(c->buf, "\xEF\xBB\xBF", 3) == 0)
            c->pos = 3;
    }
    if (c->len > c->pos)
        return 1;
    if (c->bad || !c->eof)
        return refill(c, err);
    return 0;
}

/* -2 at end of input */
static int next_char(struct ud_csv *c, struct ud_err *err)
{
    if (c->pos >= c->len) {
        int r = refill(c, err);
        if (r < 0)
            return -1;
        if (r == 0)
            return -2;
    }
    return (unsigned char)c->buf[c->pos++];
}

static int peek_char(struct ud_csv *c, struct ud_err *err)
{
    int ch = next_char(c, err);
    if (ch >= 0)
        c->pos--;
    return ch;
}

static int push_byte(struct ud_csv *c, char b)
{
    if (c->field_len + 1 >= c->field_cap) {
        size_t cap = c->field_cap ? c->field_cap * 2 : 256;
        char *g = realloc(c->field, cap);
        if (!g)
            return -1;
        c->field = g;
        c->field_cap = cap;
    }
    c->field[c->field_len++] = b;
    return 0;
}

static int end_field(struct ud_csv *c)
{
    if (c->nfields == c->fields_cap) {
        int cap = c->fields_cap ? c->fields_cap * 2 : 32;
        size_t *g = realloc(c->offsets, sizeof *g * (size_t)cap);
        if (!g)
            return -1;
        c->offsets = g;
        char **h = realloc(c->fields, sizeof *h * (size_t)cap);
        if (!h)
            return -1;
        c->fields = h;
        c->fields_cap = cap;
    }
    if (push_byte(c, '\0') < 0)
        return -1;
    c->offsets[c->nfields++] = c->field_len;
    return 0;
}

/* A record that breaks RFC 4180 or holds a NUL byte: refused with its
 * row (the record number, as Excel counts), column and line in the file. */
static int bad_record(struct ud_csv *c, const char *what, struct ud_err *err)
{
    return ud_err_set(err, UD_ERR_INVALID,
                      T("%s 第 %ld 行第 %d 列（文件第 %ld 行）：%s", "%s row %ld, column %d (line %ld of the file): %s"),
                      c->path, c->record + 1, c->nfields + 1, c->line, what), -1;
}

int ud_csv_next(struct ud_csv *c, char ***fields, int *n, long *record, struct ud_err *err)
{
    for (;;) {
        c->field_len = 0;
        c->nfields = 0;
        long start_line = c->line;
        int ch = next_char(c, err);
        if (ch == -1)
            return -1;
        if (ch == -2)
            return 0;
        /* quoted: this field began with a quote; in_quotes: inside it;
         * closed: its closing quote has been read */
        int quoted = 0, in_quotes = 0, closed = 0, done = 0, any_quoted = 0;
        while (!done) {
            if (ch == -1)
                return -1;
            if (ch == 0)
                return bad_record(c, T("字段中有 NUL 字节（0x00）", "a NUL byte (0x00) in a field"), err);
            if (in_quotes) {
                if (ch == -2)
                    return ud_err_set(err, UD_ERR_INVALID,
                                      T("%s 第 %ld 行开始的引号没有闭合", "%s: the quote opened on line %ld is never closed"),
                                      c->path, start_line), -1;
                if (ch == '"') {
                    int nx = peek_char(c, err);
                    if (nx == -1)
                        return -1;
                    if (nx == '"') {
                        next_char(c, err);
                        if (push_byte(c, '"') < 0)
                            goto oom;
                    } else {
                        in_quotes = 0;
                        closed = 1;
                    }
                } else if (ch == '\r' && peek_char(c, err) == '\n') {
                    /* CRLF inside a quoted field is one newline */
                } else {
                    if (ch == '\n')
                        c->line++;
                    if (push_byte(c, (char)ch) < 0)
                        goto oom;
                }
            } else if (ch == ',') {
                if (end_field(c) < 0)
                    goto oom;
                quoted = closed = 0;
            } else if (ch == '\n' || ch == '\r' || ch == -2) {
                if (ch == '\r' && peek_char(c, err) == '\n')
                    next_char(c, err);
                if (ch != -2)
                    c->line++;
                done = 1;
                break;
            } else if (closed) {
                return bad_record(c, T("结束引号后面还有文字（引号内的引号应写成两个：\"\"）",
                                       "text after the closing quote (a quote inside quotes is written twice: \"\")"),
                                  err);
            } else if (ch == '"') {
                if (quoted || c->field_len != (c->nfields ? c->offsets[c->nfields - 1] : 0))
                    return bad_record(c, T("引号只能用来括起整个字段（字段中的引号应写成 \"…\"\"…\"）",
                                           "a quote may only enclose a whole field (write \"…\"\"…\")"),
                                      err);
                quoted = in_quotes = any_quoted = 1;
            } else {
                if (push_byte(c, (char)ch) < 0)
                    goto oom;
            }
            ch = next_char(c, err);
        }
        if (end_field(c) < 0)
            goto oom;
        c->record++;
        /* a line with nothing on it is not a record */
        if (c->nfields == 1 && c->offsets[0] == 1 && !any_quoted) {
            c->record--;
            continue;
        }
        size_t startoff = 0;
        for (int i = 0; i < c->nfields; i++) {
            c->fields[i] = c->field + startoff;
            startoff = c->offsets[i];
        }
        *fields = c->fields;
        *n = c->nfields;
        *record = c->record;
        return 1;
    }
oom:
    return ud_err_nomem(err), -1;
}
