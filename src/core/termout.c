/* Text for a terminal: whatever a report or a list prints, data from the
 * database included, reaches a terminal with its control characters,
 * C1 controls and bidi overrides shown visibly (ESC ]52 could set the
 * clipboard, ESC [2J clear the screen, U+202E reverse what is read).
 * Files and pipes get the data as it is. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "uniondesk/termout.h"
#include "uniondesk/utf8.h"

struct term {
    FILE *to;
    char carry[4]; /* a character or a CR cut by the end of a write */
    size_t ncarry;
};

/* True when p[0..m) is the start of a valid UTF-8 sequence that more
 * bytes may complete. */
static int utf8_head(const char *s, size_t m)
{
    const unsigned char *p = (const unsigned char *)s;
    unsigned char lo = 0x80, hi = 0xBF;
    size_t need;
    if (p[0] >= 0xC2 && p[0] <= 0xDF) {
        need = 1;
    } else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
        need = 2;
        lo = p[0] == 0xE0 ? 0xA0 : 0x80;
        hi = p[0] == 0xED ? 0x9F : 0xBF;
    } else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
        need = 3;
        lo = p[0] == 0xF0 ? 0x90 : 0x80;
        hi = p[0] == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (m > need)
        return 0;
    for (size_t j = 1; j < m; j++) {
        if (p[j] < lo || p[j] > hi)
            return 0;
        lo = 0x80;
        hi = 0xBF;
    }
    return 1;
}

/* Writes the visible form of p[0..n); returns how many bytes it consumed:
 * fewer than n only when the rest (a CR, or at most 3 bytes of a
 * character) may be completed by the next write. */
static size_t put_visible(struct term *t, const char *p, size_t n, int last)
{
    size_t i = 0;
    while (i < n) {
        unsigned char b = (unsigned char)p[i];
        if (b == '\n' || b == '\t') {
            fputc(b, t->to);
            i++;
            continue;
        }
        if (b == '\r') { /* CR LF ends a CSV line; a lone CR would hide text */
            if (i + 1 == n && !last)
                break;
            if (i + 1 < n && p[i + 1] == '\n') {
                fputs("\r\n", t->to);
                i += 2;
                continue;
            }
        }
        uint32_t cp;
        int l = ud_utf8_decode(p + i, n - i, &cp);
        if (l == 0 && !last && utf8_head(p + i, n - i))
            break; /* cut by the end of this write */
        size_t len = l ? (size_t)l : 1;
        if (l && !ud_cp_is_control(cp) && !ud_cp_is_bidi(cp)) {
            fwrite(p + i, 1, len, t->to);
        } else {
            char one[5] = {0}, vis[16];
            memcpy(one, p + i, len);
            ud_text_visible(vis, sizeof vis, one);
            fputs(vis, t->to);
        }
        i += len;
    }
    return i;
}

static ssize_t term_write(void *cookie, const char *buf, size_t size)
{
    struct term *t = cookie;
    /* No allocation (nothing to fail): the carried bytes (at most 3) and
     * the first 4 of this write hold any character or CR LF that spans
     * the two; then the rest of the write. */
    char head[sizeof t->carry + 4];
    size_t take = size < 4 ? size : 4, m = t->ncarry + take;
    memcpy(head, t->carry, t->ncarry);
    memcpy(head + t->ncarry, buf, take);
    size_t k = put_visible(t, head, m, 0);
    if (k < t->ncarry || take == size) { /* this write ends inside head */
        t->ncarry = m - k; /* at most 3: see put_visible */
        memmove(t->carry, head + k, t->ncarry);
    } else {
        size_t used = k - t->ncarry;
        k = put_visible(t, buf + used, size - used, 0);
        t->ncarry = size - used - k;
        memcpy(t->carry, buf + used + k, t->ncarry);
    }
    /* nothing waits in fp's buffer: a fork (lp) would write it twice */
    if (fflush(t->to) != 0 || ferror(t->to))
        return -1;
    return (ssize_t)size;
}

static int term_close(void *cookie)
{
    struct term *t = cookie;
    put_visible(t, t->carry, t->ncarry, 1);
    int r = fflush(t->to) != 0 || ferror(t->to) ? -1 : 0;
    free(t);
    return r;
}

FILE *ud_term_filter(FILE *fp)
{
    struct term *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->to = fp;
    cookie_io_functions_t io = {NULL, term_write, NULL, term_close};
    FILE *s = fopencookie(t, "w", io);
    if (!s) {
        free(t);
        return NULL;
    }
    setvbuf(s, NULL, _IOLBF, BUFSIZ); /* as a terminal's stream is */
    return s;
}

FILE *ud_term_safe(FILE *fp)
{
    if (!isatty(fileno(fp)))
        return fp;
    return ud_term_filter(fp); /* NULL without memory: never the raw stream */
}
