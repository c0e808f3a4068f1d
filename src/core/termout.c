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

/* Writes the visible form of p[0..n); returns how many bytes it consumed
 * (fewer than n when the tail may be completed by the next write). */
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
        if (l == 0 && n - i < 4 && !last && b >= 0xC2 && b <= 0xF4)
            break; /* maybe cut by the end of this write */
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
    size_t used = 0;
    while (t->ncarry && used < size) {
        /* complete the carried bytes first, one byte at a time */
        t->carry[t->ncarry++] = buf[used++];
        size_t k = put_visible(t, t->carry, t->ncarry, t->ncarry == sizeof t->carry);
        memmove(t->carry, t->carry + k, t->ncarry - k);
        t->ncarry -= k;
    }
    size_t k = put_visible(t, buf + used, size - used, 0);
    used += k;
    memcpy(t->carry + t->ncarry, buf + used, size - used);
    t->ncarry += size - used;
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

FILE *ud_term_safe(FILE *fp)
{
    if (!isatty(fileno(fp)))
        return fp;
    struct term *t = calloc(1, sizeof *t);
    if (!t)
        return fp;
    t->to = fp;
    cookie_io_functions_t io = {NULL, term_write, NULL, term_close};
    FILE *s = fopencookie(t, "w", io);
    if (!s) {
        free(t);
        return fp;
    }
    setvbuf(s, NULL, _IOLBF, BUFSIZ); /* as a terminal's stream is */
    return s;
}
