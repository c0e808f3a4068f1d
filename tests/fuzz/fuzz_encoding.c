/* libFuzzer target: encoding detection and the display helpers. Fed in
 * pieces of any size, the guess is the same as fed whole, and "no bad
 * UTF-8" agrees with ud_utf8_valid. What ud_text_visible and ud_str_cell
 * make of any bytes is valid UTF-8 with no control or bidi character, and
 * a cell is exactly as wide as asked. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "uniondesk/csv.h"
#include "uniondesk/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_clean(const char *s)
{
    size_t n = strlen(s), i = 0;
    if (!ud_utf8_valid(s, n))
        abort();
    while (i < n) {
        uint32_t cp;
        int l = ud_utf8_decode(s + i, n - i, &cp);
        if (ud_cp_is_control(cp) || ud_cp_is_bidi(cp))
            abort();
        i += (size_t)l;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    size_t step = data[0] % 7 + 1;
    const char *p = (const char *)data + 1;
    size_t n = size - 1;

    struct ud_enc_guess whole, parts;
    ud_enc_guess_init(&whole);
    ud_enc_guess_init(&parts);
    ud_enc_guess_feed(&whole, p, n);
    for (size_t i = 0; i < n; i += step)
        ud_enc_guess_feed(&parts, p + i, n - i < step ? n - i : step);
    enum ud_csv_encoding a = ud_enc_guess_result(&whole), b = ud_enc_guess_result(&parts);
    if (a != b || whole.utf8_bad != parts.utf8_bad || whole.gbk_pairs != parts.gbk_pairs)
        abort();
    if ((whole.utf8_bad == 0) != (ud_utf8_valid(p, n) != 0))
        abort();
    if (whole.utf8_bad == 0 && a != UD_ENC_UTF8)
        abort();

    /* the display helpers take C strings */
    char *s = malloc(n + 1);
    if (!s)
        return 0;
    memcpy(s, p, n);
    s[n] = '\0';
    char vis[512], cell[512];
    ud_text_visible(vis, sizeof vis, s);
    check_clean(vis);
    int cols = data[0] % 41;
    ud_str_cell(cell, sizeof cell, s, cols, (enum ud_align)(data[0] % 3));
    check_clean(cell);
    if (ud_str_width(cell) != cols)
        abort();
    int used;
    size_t fit = ud_str_fit(s, cols, &used);
    if (fit > n || used > cols)
        abort();
    char copy[16];
    ud_strlcpy_utf8(copy, sizeof copy, s);
    if (strlen(copy) >= sizeof copy)
        abort();
    free(s);
    return 0;
}
