/* UTF-8 decoding and display width: what the screens and printed reports
 * rely on to line up Chinese text. Widths follow East Asian Width: CJK and
 * full-width forms 2 columns, combining marks 0, control characters the
 * width of their visible form (^X is 2, \xNN is 4). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "uniondesk/utf8.h"

#define ZHONG "\xE4\xB8\xAD" /* 中 U+4E2D */
#define WEN "\xE6\x96\x87"   /* 文 U+6587 */
#define ZI "\xE5\xAD\x97"    /* 字 U+5B57 */

/* =============================================================== decode */

static void decode_valid_sequences(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        int len;
        uint32_t cp;
    } ok[] = {
        {"A", 1, 0x41},
        {"\xC3\xA9", 2, 0xE9},              /* é */
        {"\xC2\x80", 2, 0x80},              /* smallest 2-byte */
        {"\xDF\xBF", 2, 0x7FF},
        {ZHONG, 3, 0x4E2D},
        {"\xE0\xA0\x80", 3, 0x800},         /* smallest 3-byte */
        {"\xED\x9F\xBF", 3, 0xD7FF},        /* just below the surrogates */
        {"\xEE\x80\x80", 3, 0xE000},        /* just above */
        {"\xEF\xBF\xBD", 3, 0xFFFD},
        {"\xF0\x90\x80\x80", 4, 0x10000},   /* smallest 4-byte */
        {"\xF0\x9F\x98\x80", 4, 0x1F600},   /* 😀 */
        {"\xF4\x8F\xBF\xBF", 4, 0x10FFFF},  /* the last code point */
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        uint32_t cp = 0;
        int len = ud_utf8_decode(ok[i].s, strlen(ok[i].s), &cp);
        if (len != ok[i].len || cp != ok[i].cp)
            fail_msg("#%zu: len %d cp U+%04X, want %d U+%04X", i, len, (unsigned)cp, ok[i].len,
                     (unsigned)ok[i].cp);
        char enc[4];
        assert_int_equal(ud_utf8_encode(ok[i].cp, enc), ok[i].len);
        assert_memory_equal(enc, ok[i].s, (size_t)ok[i].len);
    }
    /* only the first character is decoded */
    uint32_t cp;
    assert_int_equal(ud_utf8_decode(ZHONG WEN, 6, &cp), 3);
    assert_int_equal(cp, 0x4E2D);
}

static void decode_refuses_bad_sequences(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        size_t n;
        const char *why;
    } bad[] = {
        {"\xC0\xAF", 2, "overlong '/' in 2 bytes"},
        {"\xC1\xBF", 2, "overlong U+007F"},
        {"\xE0\x80\xAF", 3, "overlong '/' in 3 bytes"},
        {"\xE0\x9F\xBF", 3, "overlong U+07FF"},
        {"\xF0\x80\x80\xAF", 4, "overlong '/' in 4 bytes"},
        {"\xF0\x8F\xBF\xBF", 4, "overlong U+FFFF"},
        {"\xED\xA0\x80", 3, "surrogate U+D800"},
        {"\xED\xBF\xBF", 3, "surrogate U+DFFF"},
        {"\xF4\x90\x80\x80", 4, "U+110000"},
        {"\xF5\x80\x80\x80", 4, "lead F5"},
        {"\xF8\x88\x80\x80\x80", 5, "5-byte form"},
        {"\xFF", 1, "FF"},
        {"\xFE", 1, "FE"},
        {"\x80", 1, "lone continuation"},
        {"\xBF", 1, "lone continuation"},
        {"\xE4\xB8", 2, "truncated 3-byte"},
        {"\xF0\x9F\x98", 3, "truncated 4-byte"},
        {"\xC3", 1, "truncated 2-byte"},
        {"\xE4\x41\xAD", 3, "ASCII inside a sequence"},
        {ZHONG, 2, "n cuts the character"},
        {"A", 0, "nothing available"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        uint32_t cp = 0;
        int len = ud_utf8_decode(bad[i].s, bad[i].n, &cp);
        if (len != 0 || cp != 0xFFFD)
            fail_msg("%s: len %d cp U+%04X", bad[i].why, len, (unsigned)cp);
        assert_false(ud_utf8_valid(bad[i].s, bad[i].n) && bad[i].n > 0);
    }
    assert_true(ud_utf8_valid("", 0));
    assert_true(ud_utf8_valid("a" ZHONG "\xF0\x9F\x98\x80", 8));
}

static void counting_characters(void **state)
{
    (void)state;
    assert_int_equal(ud_utf8_chars(""), 0);
    assert_int_equal(ud_utf8_chars("abc"), 3);
    assert_int_equal(ud_utf8_chars(ZHONG WEN "abc"), 5);
    assert_int_equal(ud_utf8_chars("\xF0\x9F\x98\x80"), 1);
}

/* ================================================================ width */

static void widths(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        int w;
        const char *what;
    } cases[] = {
        {"", 0, "empty"},
        {"abc", 3, "ASCII"},
        {ZHONG WEN, 4, "two Chinese characters"},
        {ZHONG "a" WEN "b", 6, "mixed"},
        {"e\xCC\x81", 1, "e + combining acute"},
        {ZHONG "\xCC\x81", 2, "combining mark on a wide character"},
        {"\xEF\xBC\xA1\xEF\xBC\xA2", 4, "full-width A B (U+FF21 U+FF22)"},
        {"\xEF\xBC\x8C", 2, "full-width comma U+FF0C"},
        {"\xEF\xBD\xB1", 1, "half-width katakana U+FF71"},
        {"\xE3\x80\x80", 2, "ideographic space U+3000"},
        {"\xE3\x80\x82", 2, "ideographic full stop U+3002"},
        {"\xE2\x80\x8B", 0, "zero width space U+200B"},
        {"\xEA\xB0\x80", 2, "Hangul syllable U+AC00"},
        {"\xF0\x9F\x98\x80", 2, "emoji U+1F600"},
        {"\xF0\xA0\x80\x80", 2, "CJK extension B U+20000"},
        {"\x1B", 2, "ESC shown as ^["},
        {"a\tb", 4, "tab shown as ^I"},
        {"\x7F", 2, "DEL shown as ^?"},
        {"\xC2\x85", 4, "C1 U+0085 shown as \\x85"},
        {"\xFF", 4, "invalid byte shown as \\xFF"},
        {"\xC2\xA0", 1, "NBSP"},
        {"a\xE2\x80\xAE" "b", 10, "U+202E shown as <U+202E>"},
        {"\xE2\x81\xA6", 8, "U+2066 shown as <U+2066>"},
        {"\xE2\x80\x8E", 8, "LRM U+200E, a bidi control too, shown as <U+200E>"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int w = ud_str_width(cases[i].s);
        if (w != cases[i].w)
            fail_msg("%s: width %d, want %d", cases[i].what, w, cases[i].w);
    }
    assert_int_equal(ud_cp_width(0x4E2D), 2);
    assert_int_equal(ud_cp_width('a'), 1);
    assert_int_equal(ud_cp_width(0x0301), 0);
    assert_int_equal(ud_cp_width(0x1B), 2);
}

static void fit_never_splits_a_character(void **state)
{
    (void)state;
    int used = -1;
    const char *s = ZHONG WEN ZI; /* 9 bytes, 6 columns */
    assert_int_equal(ud_str_fit(s, 0, &used), 0);
    assert_int_equal(used, 0);
    assert_int_equal(ud_str_fit(s, 1, &used), 0); /* 中 does not fit in 1 */
    assert_int_equal(used, 0);
    assert_int_equal(ud_str_fit(s, 3, &used), 3);
    assert_int_equal(used, 2);
    assert_int_equal(ud_str_fit(s, 4, &used), 6);
    assert_int_equal(used, 4);
    assert_int_equal(ud_str_fit(s, 100, &used), 9);
    assert_int_equal(used, 6);
    assert_int_equal(ud_str_fit("ab" ZHONG, 3, &used), 2);
    assert_int_equal(used, 2);
    /* a combining mark goes with the character before it */
    assert_int_equal(ud_str_fit("e\xCC\x81x", 1, &used), 3);
    assert_int_equal(used, 1);
    /* the result is always a character boundary, for every width */
    const char *mixed = "a" ZHONG "\xF0\x9F\x98\x80" "b" WEN "\x1B" "c";
    for (int cols = 0; cols <= 14; cols++) {
        size_t n = ud_str_fit(mixed, cols, &used);
        assert_true(used <= cols);
        assert_true(ud_utf8_valid(mixed, n));
        char head[64];
        memcpy(head, mixed, n);
        head[n] = '\0';
        assert_int_equal(ud_str_width(head), used);
    }
    assert_int_equal(ud_str_fit("abc", 2, NULL), 2);
}

/* ================================================================ cells */

#define CELL(s, cols, al, want)                                                        \
    do {                                                                               \
        char o_[128];                                                                  \
        size_t n_ = ud_str_cell(o_, sizeof o_, (s), (cols), (al));                     \
        if (strcmp(o_, (want)) != 0)                                                   \
            fail_msg("cell(\"%s\", %d, %d) = \"%s\", want \"%s\"", (s), (cols), (int)(al), o_, \
                     (want));                                                          \
        assert_int_equal(n_, strlen(want));                                            \
    } while (0)

static void cells_pad_and_align(void **state)
{
    (void)state;
    CELL("abc", 5, UD_LEFT, "abc  ");
    CELL("abc", 5, UD_RIGHT, "  abc");
    CELL("abc", 5, UD_CENTER, " abc ");
    CELL("abc", 6, UD_CENTER, " abc  "); /* the odd column goes right */
    CELL("abc", 3, UD_LEFT, "abc");
    CELL("", 3, UD_LEFT, "   ");
    CELL(ZHONG, 5, UD_LEFT, ZHONG "   ");
    CELL(ZHONG, 5, UD_RIGHT, "   " ZHONG);
    CELL(ZHONG, 5, UD_CENTER, " " ZHONG "  ");
    CELL(ZHONG WEN, 4, UD_LEFT, ZHONG WEN);
    CELL("abc", 0, UD_LEFT, "");
    CELL("abc", -3, UD_LEFT, "");
}

static void cells_cut_with_a_marker(void **state)
{
    (void)state;
    CELL("abcdef", 4, UD_LEFT, "abc~");
    CELL("abcdef", 4, UD_RIGHT, "abc~"); /* cut text is not aligned */
    CELL("abcdef", 4, UD_CENTER, "abc~");
    CELL("abcdef", 1, UD_LEFT, "~");
    CELL(ZHONG WEN ZI, 5, UD_LEFT, ZHONG WEN "~");
    /* 文 would straddle the cut: a space takes its place, width stays 4 */
    CELL(ZHONG WEN ZI, 4, UD_LEFT, ZHONG " ~");
    CELL(ZHONG WEN, 3, UD_LEFT, ZHONG "~");
    CELL(ZHONG, 1, UD_LEFT, "~");
    CELL("a" ZHONG "b", 3, UD_LEFT, "a ~");
}

static void cells_show_control_characters(void **state)
{
    (void)state;
    CELL("a\x1B" "b", 6, UD_LEFT, "a^[b  ");
    CELL("\x1B[31m", 7, UD_LEFT, "^[[31m ");
    CELL("a\x7F", 3, UD_LEFT, "a^?");
    CELL("a\tb", 4, UD_LEFT, "a^Ib");
    CELL("a\xFF" "b", 8, UD_LEFT, "a\\xFFb  ");
    CELL("a\xC2\x85" "b", 7, UD_LEFT, "a\\x85b ");
    /* the visible form is never split by a cut */
    CELL("a\x1B" "bcd", 2, UD_LEFT, "a~");
    CELL("a\xFF" "bcd", 4, UD_LEFT, "a  ~");
}

/* Whatever the text, the cell is exactly `cols` columns of valid UTF-8
 * without any control character. */
static void cells_are_always_exactly_n_columns(void **state)
{
    (void)state;
    const char *texts[] = {"",
                           "abc",
                           ZHONG WEN ZI,
                           "a" ZHONG "b" WEN "c" ZI,
                           "北仑区总工会 Beilun",
                           "e\xCC\x81" ZHONG "\xCC\x81" "x",
                           "\xF0\x9F\x98\x80\xF0\x9F\x98\x80",
                           "\x1B[1m" ZHONG "\x07\x7F",
                           "\xFF\xFE" ZHONG "\xE4\xB8",
                           "\xEF\xBC\xA1\xEF\xBD\xB1\xE3\x80\x80"};
    const enum ud_align als[] = {UD_LEFT, UD_RIGHT, UD_CENTER};
    for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++)
        for (int cols = 1; cols <= 24; cols++)
            for (size_t a = 0; a < 3; a++) {
                char out[256];
                ud_str_cell(out, sizeof out, texts[t], cols, als[a]);
                int w = ud_str_width(out);
                if (w != cols || !ud_utf8_valid(out, strlen(out)))
                    fail_msg("text #%zu cols %d align %zu: \"%s\" is %d columns", t, cols, a, out, w);
                for (const char *p = out; *p; p++)
                    assert_false((unsigned char)*p < 0x20 || *p == 0x7F);
            }
}

static void cells_respect_a_small_buffer(void **state)
{
    (void)state;
    char out[8];
    memset(out, 'Z', sizeof out);
    size_t n = ud_str_cell(out, 5, ZHONG WEN ZI, 20, UD_LEFT);
    assert_true(n < 5);
    assert_int_equal(out[n], '\0');
    assert_int_equal(out[5], 'Z');
    assert_true(ud_utf8_valid(out, n));
    memset(out, 'Z', sizeof out);
    assert_int_equal(ud_str_cell(out, 0, "abc", 3, UD_LEFT), 0);
    assert_int_equal(out[0], 'Z'); /* nothing written with outsz 0 */
}

static void visible_text(void **state)
{
    (void)state;
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"plain " ZHONG, "plain " ZHONG},
        {"\x1B[31m", "^[[31m"},
        {"\x7F", "^?"},
        {"\x01", "^A"},
        {"a\nb", "a^Jb"},
        {"\xC2\x85", "\\x85"},
        {"\xFF", "\\xFF"},
        {"\xE4\xB8" "a", "\\xE4\\xB8a"},
        {"\xED\xA0\x80", "\\xED\\xA0\\x80"},
        {"\xE2\x80\xAA\xE2\x80\xAE" ZHONG, "<U+202A><U+202E>" ZHONG},
        {"\xE2\x81\xA6x\xE2\x81\xA9", "<U+2066>x<U+2069>"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[64];
        size_t n = ud_text_visible(out, sizeof out, cases[i].in);
        assert_string_equal(out, cases[i].out);
        assert_int_equal(n, strlen(cases[i].out));
    }
    char small[4];
    ud_text_visible(small, sizeof small, "a\x1B" "b"); /* "a^[" needs 3 + NUL */
    assert_string_equal(small, "a^[");
    ud_text_visible(small, 3, "a\x1B" "b"); /* ^[ does not fit whole: left out */
    assert_string_equal(small, "a");
    /* a bidi override in a cell: shown whole or not at all, width kept */
    char cell[64];
    ud_str_cell(cell, sizeof cell, "\xE2\x80\xAE" "ab", 12, UD_LEFT);
    assert_string_equal(cell, "<U+202E>ab  ");
    ud_str_cell(cell, sizeof cell, "x\xE2\x80\xAE" "ab", 6, UD_LEFT);
    assert_string_equal(cell, "x    ~");
    assert_int_equal(ud_str_width(cell), 6);
}

/* ======================================================= copy and step */

static void copy_never_cuts_inside_a_character(void **state)
{
    (void)state;
    char out[16];
    ud_strlcpy_utf8(out, 7, ZHONG WEN); /* 6 bytes + NUL fit */
    assert_string_equal(out, ZHONG WEN);
    ud_strlcpy_utf8(out, 6, ZHONG WEN);
    assert_string_equal(out, ZHONG);
    ud_strlcpy_utf8(out, 5, ZHONG WEN);
    assert_string_equal(out, ZHONG);
    ud_strlcpy_utf8(out, 4, ZHONG WEN);
    assert_string_equal(out, ZHONG);
    ud_strlcpy_utf8(out, 3, ZHONG WEN);
    assert_string_equal(out, "");
    ud_strlcpy_utf8(out, 1, "abc");
    assert_string_equal(out, "");
    ud_strlcpy_utf8(out, 3, "abc");
    assert_string_equal(out, "ab");
    ud_strlcpy_utf8(out, 5, "a\xF0\x9F\x98\x80"); /* 4-byte character */
    assert_string_equal(out, "a");
    ud_strlcpy_utf8(out, 6, "a\xF0\x9F\x98\x80");
    assert_string_equal(out, "a\xF0\x9F\x98\x80");
    memset(out, 'Z', sizeof out);
    ud_strlcpy_utf8(out, 0, "abc");
    assert_int_equal(out[0], 'Z');
}

static void stepping_by_characters(void **state)
{
    (void)state;
    const char *s = "a" ZHONG "b\xF0\x9F\x98\x80"; /* boundaries 0 1 4 5 9 */
    size_t len = strlen(s);
    assert_int_equal(len, 9);
    assert_int_equal(ud_utf8_next(s, len, 0), 1);
    assert_int_equal(ud_utf8_next(s, len, 1), 4);
    assert_int_equal(ud_utf8_next(s, len, 4), 5);
    assert_int_equal(ud_utf8_next(s, len, 5), 9);
    assert_int_equal(ud_utf8_next(s, len, 9), 9);
    assert_int_equal(ud_utf8_prev(s, 9), 5);
    assert_int_equal(ud_utf8_prev(s, 5), 4);
    assert_int_equal(ud_utf8_prev(s, 4), 1);
    assert_int_equal(ud_utf8_prev(s, 1), 0);
    assert_int_equal(ud_utf8_prev(s, 0), 0);
    /* from inside a character, to its edges */
    assert_int_equal(ud_utf8_prev(s, 3), 1);
    assert_int_equal(ud_utf8_next(s, len, 2), 4);
}


/* A search as typed: full-width ASCII folded, spaces dropped, invalid
 * bytes kept, never cut inside a character. */
static void search_text_folds(void **state)
{
    (void)state;
    char out[64];
    ud_search_fold("\xef\xbc\x95\xef\xbc\x97\xef\xbc\x93\xef\xbc\x97", out, sizeof out); /* ５７３７ */
    assert_string_equal(out, "5737");
    ud_search_fold("\xe5\xbc\xa0 \xe4\xbc\x9f", out, sizeof out); /* 张 伟 */
    assert_string_equal(out, "\xe5\xbc\xa0\xe4\xbc\x9f");
    ud_search_fold("\xe3\x80\x80tj-2026-\xef\xbc\x90\xef\xbc\x90" "200\t", out, sizeof out); /* ideographic space, ０ */
    assert_string_equal(out, "tj-2026-00200");
    ud_search_fold("a\xff" "b", out, sizeof out);
    assert_string_equal(out, "a\xff" "b");
    ud_search_fold("   ", out, sizeof out);
    assert_string_equal(out, "");
    ud_search_fold("\xe5\xbc\xa0\xe4\xbc\x9f", out, 5); /* room for one character and the NUL */
    assert_string_equal(out, "\xe5\xbc\xa0");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(decode_valid_sequences),
        cmocka_unit_test(decode_refuses_bad_sequences),
        cmocka_unit_test(counting_characters),
        cmocka_unit_test(widths),
        cmocka_unit_test(fit_never_splits_a_character),
        cmocka_unit_test(cells_pad_and_align),
        cmocka_unit_test(cells_cut_with_a_marker),
        cmocka_unit_test(cells_show_control_characters),
        cmocka_unit_test(cells_are_always_exactly_n_columns),
        cmocka_unit_test(cells_respect_a_small_buffer),
        cmocka_unit_test(visible_text),
        cmocka_unit_test(copy_never_cuts_inside_a_character),
        cmocka_unit_test(stepping_by_characters),
        cmocka_unit_test(search_text_folds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
