/* Which encoding a CSV file is in. Chinese Excel writes GBK: pairs of
 * bytes, nearly all in the GB2312 range (both bytes A1..FE), which are
 * almost never valid UTF-8. A UTF-8 file with one damaged byte is still a
 * UTF-8 file: decoding it as GBK would import mojibake silently, so GBK is
 * chosen only when the bytes look like GBK, and otherwise the reader
 * reports the damaged line. */
#include "uniondesk/csv.h"

#include <string.h>

void ud_enc_guess_init(struct ud_enc_guess *g)
{
    memset(g, 0, sizeof *g);
}

/* One byte through the UTF-8 automaton (Unicode table 3-7). */
static void utf8_byte(struct ud_enc_guess *g, unsigned char b)
{
    if (g->u_need) {
        if (b >= g->u_lo && b <= g->u_hi) {
            g->u_lo = 0x80;
            g->u_hi = 0xBF;
            if (--g->u_need == 0)
                g->utf8_multi++;
            return;
        }
        g->utf8_bad++; /* cut short: b starts afresh */
        g->u_need = 0;
    }
    g->u_lo = 0x80;
    g->u_hi = 0xBF;
    if (b < 0x80)
        return;
    if (b >= 0xC2 && b <= 0xDF)
        g->u_need = 1;
    else if (b >= 0xE0 && b <= 0xEF) {
        g->u_need = 2;
        if (b == 0xE0)
            g->u_lo = 0xA0; /* overlong */
        if (b == 0xED)
            g->u_hi = 0x9F; /* surrogates */
    } else if (b >= 0xF0 && b <= 0xF4) {
        g->u_need = 3;
        if (b == 0xF0)
            g->u_lo = 0x90;
        if (b == 0xF4)
            g->u_hi = 0x8F;
    } else {
        g->utf8_bad++; /* 80..C1 (overlong C0/C1), F5..FF */
    }
}

/* One byte through a GBK/GB18030 reader. */
static void gbk_byte(struct ud_enc_guess *g, unsigned char b)
{
    switch (g->g_state) {
    case 0:
        if (b < 0x80)
            return;
        if (b >= 0x81 && b <= 0xFE) {
            g->g_lead = b;
            g->g_state = 1;
        } else {
            g->gbk_bad++;
        }
        return;
    case 1: /* after a lead byte */
        g->g_state = 0;
        if (b >= 0x30 && b <= 0x39) {
            g->g_state = 2; /* GB18030 four-byte form */
            return;
        }
        if ((b >= 0x40 && b <= 0x7E) || (b >= 0x80 && b <= 0xFE)) {
            g->gbk_pairs++;
            if (g->g_lead >= 0xA1 && g->g_lead <= 0xF7 && b >= 0xA1)
                g->gb2312_pairs++;
        } else {
            g->gbk_bad++;
        }
        return;
    case 2:
        g->g_state = b >= 0x81 && b <= 0xFE ? 3 : 0;
        if (g->g_state == 0)
            g->gbk_bad++;
        return;
    default:
        g->g_state = 0;
        if (b >= 0x30 && b <= 0x39)
            g->gbk_pairs++;
        else
            g->gbk_bad++;
        return;
    }
}

void ud_enc_guess_feed(struct ud_enc_guess *g, const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char b = (unsigned char)p[i];
        utf8_byte(g, b);
        gbk_byte(g, b);
    }
}

enum ud_csv_encoding ud_enc_guess_result(struct ud_enc_guess *g)
{
    if (g->u_need) {
        g->utf8_bad++; /* a character cut off by the end of the file */
        g->u_need = 0;
    }
    if (g->g_state) {
        g->gbk_bad++;
        g->g_state = 0;
    }
    if (g->utf8_bad == 0)
        return UD_ENC_UTF8;
    /* GBK only when its high bytes pair up as GBK characters (a stray
     * byte in ten pairs at most: the reader then names its line), nine in
     * ten of them in the GB2312 range (names, places), and the bytes that
     * fail as UTF-8 are not outnumbered by ones that decode as UTF-8. */
    if (g->gbk_pairs > 0 && g->gbk_bad * 10 < g->gbk_pairs && g->gb2312_pairs * 10 >= g->gbk_pairs * 9 &&
        g->utf8_bad >= g->utf8_multi)
        return UD_ENC_GBK;
    return UD_ENC_UTF8;
}
