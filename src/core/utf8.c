#include "uniondesk/utf8.h"

#include <stdio.h>
#include <string.h>

int ud_utf8_decode(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    *cp = 0xFFFD;
    if (n == 0)
        return 0;
    if (p[0] < 0x80) {
        *cp = p[0];
        return 1;
    }
    int len;
    uint32_t c, min;
    if ((p[0] & 0xE0) == 0xC0) {
        len = 2; c = p[0] & 0x1F; min = 0x80;
    } else if ((p[0] & 0xF0) == 0xE0) {
        len = 3; c = p[0] & 0x0F; min = 0x800;
    } else if ((p[0] & 0xF8) == 0xF0) {
        len = 4; c = p[0] & 0x07; min = 0x10000;
    } else {
        return 0;
    }
    if ((size_t)len > n)
        return 0;
    for (int i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (p[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0; /* overlong, out of range or surrogate */
    *cp = c;
    return len;
}

int ud_utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

int ud_utf8_valid(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        int l = ud_utf8_decode(s + i, n - i, &cp);
        if (l == 0)
            return 0;
        i += (size_t)l;
    }
    return 1;
}

size_t ud_utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

struct range {
    uint32_t lo, hi;
};

/* East Asian Wide (W) and Fullwidth (F) ranges, condensed. */
static const struct range wide[] = {
    {0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC},
    {0x23F0, 0x23F0}, {0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615},
    {0x2648, 0x2653}, {0x267F, 0x267F}, {0x2693, 0x2693}, {0x26A1, 0x26A1},
    {0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5}, {0x26CE, 0x26CE},
    {0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
    {0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B},
    {0x2728, 0x2728}, {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755},
    {0x2757, 0x2757}, {0x2795, 0x2797}, {0x27B0, 0x27B0}, {0x27BF, 0x27BF},
    {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55}, {0x2E80, 0x303E},
    {0x3041, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xA4CF},
    {0xA960, 0xA97F}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19},
    {0xFE30, 0xFE6F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x16FE0, 0x16FE4},
    {0x17000, 0x18CFF}, {0x1B000, 0x1B2FF}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF},
    {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F251}, {0x1F300, 0x1F64F},
    {0x1F680, 0x1F6FF}, {0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F9FF}, {0x1FA70, 0x1FAFF},
    {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

/* Combining marks and other zero-width characters, condensed. */
static const struct range zero[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A},
    {0x064B, 0x065F}, {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064},
    {0x20D0, 0x20FF}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF},
    {0xE0100, 0xE01EF},
};

static int in_table(uint32_t c, const struct range *t, size_t n)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < t[mid].lo)
            hi = mid;
        else if (c > t[mid].hi)
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

int ud_cp_is_control(uint32_t c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0);
}

int ud_cp_is_bidi(uint32_t c)
{
    /* Unicode's Bidi_Control: the marks as well as the overrides */
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

int ud_cp_is_invisible(uint32_t c)
{
    return c == 0x00AD                                   /* soft hyphen */
           || (c >= 0x200B && c <= 0x200D)               /* zero-width space, (non-)joiner */
           || c == 0x2028 || c == 0x2029                 /* line and paragraph separators */
           || (c >= 0x2060 && c <= 0x2064)               /* word joiner, invisible operators */
           || c == 0xFEFF                                /* a byte-order mark inside text */
           || (c >= 0xFFF9 && c <= 0xFFFB)               /* interlinear annotation */
           || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 /* Hangul fillers */
           || (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE  /* noncharacters */
           || (c >= 0xE0000 && c <= 0xE007F);           /* tag characters */
}

int ud_cp_width(uint32_t c)
{
    if (ud_cp_is_control(c))
        return c < 0x80 ? 2 : 4; /* shown as ^X or \xNN-like */
    if (ud_cp_is_bidi(c))
        return 8; /* shown as <U+202E> */
    if (in_table(c, zero, sizeof zero / sizeof zero[0]))
        return 0;
    if (in_table(c, wide, sizeof wide / sizeof wide[0]))
        return 2;
    return 1;
}

/* Visible form of one character; returns its length. */
/* longest visible form, "<U+202E>", and its NUL */
#define VIS_MAX 12

static int visible_form(uint32_t c, int valid, unsigned char byte, char out[VIS_MAX])
{
    if (!valid)
        return snprintf(out, VIS_MAX, "\\x%02X", byte);
    if (c < 0x20 || c == 0x7F) {
        out[0] = '^';
        out[1] = c == 0x7F ? '?' : (char)(c + 0x40);
        return 2;
    }
    if (c >= 0x80 && c < 0xA0)
        return snprintf(out, VIS_MAX, "\\x%02X", (unsigned)c);
    if (ud_cp_is_bidi(c))
        return snprintf(out, VIS_MAX, "<U+%04X>", (unsigned)c);
    return ud_utf8_encode(c, out);
}

int ud_str_width(const char *s)
{
    int w = 0;
    size_t n = strlen(s);
    size_t i = 0;
    while (i < n) {
        uint32_t c;
        int l = ud_utf8_decode(s + i, n - i, &c);
        if (l == 0) {
            w += 4;
            i++;
            continue;
        }
        w += ud_cp_width(c);
        i += (size_t)l;
    }
    return w;
}

size_t ud_str_fit(const char *s, int cols, int *used_cols)
{
    size_t n = strlen(s), i = 0;
    int w = 0;
    while (i < n) {
        uint32_t c;
        int l = ud_utf8_decode(s + i, n - i, &c);
        int cw = l ? ud_cp_width(c) : 4;
        if (w + cw > cols)
            break;
        w += cw;
        i += l ? (size_t)l : 1;
    }
    if (used_cols)
        *used_cols = w;
    return i;
}

size_t ud_text_visible(char *out, size_t outsz, const char *s)
{
    size_t n = strlen(s), i = 0, o = 0;
    if (outsz == 0)
        return 0;
    while (i < n) {
        uint32_t c;
        int l = ud_utf8_decode(s + i, n - i, &c);
        char buf[VIS_MAX];
        int bl = visible_form(c, l != 0, (unsigned char)s[i], buf);
        if (o + (size_t)bl >= outsz)
            break;
        memcpy(out + o, buf, (size_t)bl);
        o += (size_t)bl;
        i += l ? (size_t)l : 1;
    }
    out[o] = '\0';
    return o;
}

size_t ud_str_cell(char *out, size_t outsz, const char *s, int cols, enum ud_align al)
{
    size_t n = strlen(s), i = 0, o = 0;
    int w = 0, total = ud_str_width(s);
    int cut = total > cols;
    int room = cut ? cols - 1 : cols; /* leave a column for the marker */
    if (outsz == 0)
        return 0;
    if (cols <= 0) {
        out[0] = '\0';
        return 0;
    }
    int pad = cut ? 0 : cols - total;
    int lead = al == UD_RIGHT ? pad : al == UD_CENTER ? pad / 2 : 0;
    for (int k = 0; k < lead && o + 1 < outsz; k++)
        out[o++] = ' ';
    while (i < n) {
        uint32_t c;
        int l = ud_utf8_decode(s + i, n - i, &c);
        char buf[VIS_MAX];
        int bl = visible_form(c, l != 0, (unsigned char)s[i], buf);
        int cw = l ? ud_cp_width(c) : 4;
        if (w + cw > room || o + (size_t)bl + 1 >= outsz)
            break;
        memcpy(out + o, buf, (size_t)bl);
        o += (size_t)bl;
        w += cw;
        i += l ? (size_t)l : 1;
    }
    if (cut && o + 1 < outsz) {
        /* A wide character that did not fit leaves a gap: fill it. */
        while (w < room && o + 1 < outsz) {
            out[o++] = ' ';
            w++;
        }
        out[o++] = '~';
        w++;
    }
    while (w + lead < cols && o + 1 < outsz) {
        out[o++] = ' ';
        w++;
    }
    out[o] = '\0';
    return o;
}

size_t ud_utf8_prev(const char *s, size_t pos)
{
    if (pos == 0)
        return 0;
    pos--;
    while (pos > 0 && ((unsigned char)s[pos] & 0xC0) == 0x80)
        pos--;
    return pos;
}

size_t ud_utf8_next(const char *s, size_t len, size_t pos)
{
    if (pos >= len)
        return len;
    pos++;
    while (pos < len && ((unsigned char)s[pos] & 0xC0) == 0x80)
        pos++;
    return pos;
}

void ud_strlcpy_utf8(char *out, size_t outsz, const char *s)
{
    size_t n = strlen(s);
    if (outsz == 0)
        return;
    if (n < outsz) {
        memcpy(out, s, n + 1);
        return;
    }
    n = outsz - 1;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--; /* s[n] is a lead byte: cut before it */
    memcpy(out, s, n);
    out[n] = '\0';
}

void ud_search_fold(const char *in, char *out, size_t outsz)
{
    if (outsz == 0)
        return;
    size_t o = 0, n = strlen(in);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int len = ud_utf8_decode(in + i, n - i, &cp);
        size_t adv = len ? (size_t)len : 1; /* an invalid byte is kept, one at a time */
        char ascii;
        const char *put = in + i;
        size_t putlen = adv;
        if (len && (cp == ' ' || cp == '\t' || cp == 0x3000)) {
            i += adv;
            continue;
        }
        if (len && cp >= 0xFF01 && cp <= 0xFF5E) { /* full-width ASCII */
            ascii = (char)(cp - 0xFEE0);
            put = &ascii;
            putlen = 1;
        }
        if (o + putlen >= outsz)
            break;
        memcpy(out + o, put, putlen);
        o += putlen;
        i += adv;
    }
    out[o] = '\0';
}
