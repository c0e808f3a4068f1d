/* The CSV reader on its own: encoding detection (GBK only when the bytes
 * look like GBK), RFC 4180 strictness (stray quotes, NUL bytes) and line
 * numbers in its messages, read from memory with tiny and large inputs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "uniondesk/csv.h"

/* GBK bytes of 王五 and 电焊工 (as Chinese Excel writes them) */
#define GBK_WANGWU "\xCD\xF5\xCE\xE5"
#define GBK_DIANHANGONG "\xB5\xE7\xBA\xB8\xB9\xA4"

static enum ud_csv_encoding guess(const char *s, size_t n)
{
    struct ud_enc_guess g;
    ud_enc_guess_init(&g);
    ud_enc_guess_feed(&g, s, n);
    return ud_enc_guess_result(&g);
}
#define GUESS(lit) guess(lit, sizeof lit - 1)

static void detection(void **state)
{
    (void)state;
    assert_int_equal(GUESS("name,id\nabc,1\n"), UD_ENC_UTF8);
    assert_int_equal(GUESS("\xE5\xA7\x93\xE5\x90\x8D,\xE7\x8E\x8B\xE4\xBA\x94\n"), UD_ENC_UTF8);
    assert_int_equal(GUESS("name," GBK_WANGWU "," GBK_DIANHANGONG "\n"), UD_ENC_GBK);
    /* one overlong C0 80 (which GBK would read as a character) is bad UTF-8 */
    assert_int_equal(GUESS("name,id\n\xC0\x80name,1\n"), UD_ENC_UTF8);
    /* one bad byte among Chinese UTF-8 text stays UTF-8 */
    assert_int_equal(GUESS("\xE7\x8E\x8B\xE4\xBA\x94,\xE7\x8E\x8B\xE4\xBA\x94\n\xFF\n"), UD_ENC_UTF8);
    assert_int_equal(GUESS("\xE7\x8E\x8B\x80\xE4\xBA\x94\n"), UD_ENC_UTF8);
    /* a GBK file with one stray byte is still GBK: the reader names the line */
    assert_int_equal(GUESS(GBK_WANGWU GBK_DIANHANGONG GBK_WANGWU GBK_DIANHANGONG GBK_WANGWU "\n\xFF\n"),
                     UD_ENC_GBK);
    /* GBK pairs outside GB2312 (what UTF-8 bytes look like as GBK) are not enough */
    assert_int_equal(GUESS("\x81\x40\x82\x41\x83\x42"), UD_ENC_UTF8);
    /* pieces of any size give the same answer */
    const char *s = "name," GBK_WANGWU "," GBK_DIANHANGONG "\n";
    struct ud_enc_guess g;
    ud_enc_guess_init(&g);
    for (size_t i = 0; s[i]; i++)
        ud_enc_guess_feed(&g, s + i, 1);
    assert_int_equal(ud_enc_guess_result(&g), UD_ENC_GBK);
}

/* Reads the whole of text; returns the number of records, or -1 with the
 * message in msg. */
static int read_all(const char *text, size_t n, enum ud_csv_encoding enc, char *msg, size_t msgsz, char *first,
                    size_t firstsz)
{
    char *copy = malloc(n + 1);
    assert_non_null(copy);
    memcpy(copy, text, n);
    FILE *f = fmemopen(copy, n, "rb");
    assert_non_null(f);
    struct ud_csv *c;
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_csv_open_stream(&c, f, "t.csv", enc, &err), UD_OK);
    char **fields;
    int nf, r, count = 0;
    long rec;
    while ((r = ud_csv_next(c, &fields, &nf, &rec, &err)) > 0) {
        if (count == 1 && first)
            snprintf(first, firstsz, "%s", fields[0]);
        count++;
    }
    ud_csv_close(c);
    free(copy);
    snprintf(msg, msgsz, "%s", err.msg);
    return r < 0 ? -1 : count;
}
#define READ(lit, enc, msg, first) read_all(lit, sizeof lit - 1, enc, msg, sizeof msg, first, sizeof first)

static void strict_quotes_and_nul(void **state)
{
    (void)state;
    char msg[600], first[100];
    assert_int_equal(READ("a,b\n\"x\"\"y\",2\n", UD_ENC_AUTO, msg, first), 2);
    assert_string_equal(first, "x\"y");
    assert_int_equal(READ("a,b\n\"x,\ny\",2\n", UD_ENC_AUTO, msg, first), 2);
    assert_string_equal(first, "x,\ny");
    assert_int_equal(READ("a,b\nx\"y,2\n", UD_ENC_AUTO, msg, first), -1);
    assert_non_null(strstr(msg, "第 2 行第 1 列"));
    assert_int_equal(READ("a,b\n1,\"x\"y\n", UD_ENC_AUTO, msg, first), -1);
    assert_non_null(strstr(msg, "第 2 行第 2 列"));
    assert_non_null(strstr(msg, "结束引号"));
    assert_int_equal(READ("a,b\n\"x\" ,2\n", UD_ENC_AUTO, msg, first), -1);
    assert_int_equal(READ("a,b\nx\0y,2\n", UD_ENC_AUTO, msg, first), -1);
    assert_non_null(strstr(msg, "NUL"));
    assert_int_equal(READ("a,b\n\"x\0\",2\n", UD_ENC_AUTO, msg, first), -1);
}

static void lines_in_messages(void **state)
{
    (void)state;
    char msg[600], first[100];
    /* a bad byte on line 4 after a quoted field spanning lines 2-3 (CRLF) */
    assert_int_equal(READ("a,b\r\n\"x\r\ny\",1\r\n\xFF,2\r\n", UD_ENC_UTF8, msg, first), -1);
    assert_non_null(strstr(msg, "第 4 行"));
    assert_int_equal(READ("a,b\n" GBK_WANGWU ",1\n\n" GBK_WANGWU "\xFF,2\n", UD_ENC_GBK, msg, first), -1);
    assert_non_null(strstr(msg, "第 4 行"));
    /* far into a large file: the real line, not where a buffer began */
    size_t n = 0, cap = 5000 * 16;
    char *big = malloc(cap);
    assert_non_null(big);
    n += (size_t)snprintf(big, cap, "name,x\n");
    for (int i = 2; i <= 5000; i++)
        n += (size_t)snprintf(big + n, cap - n, i == 4001 ? "\xE7\x8E\x8B\xFF,%d\n" : "\xE7\x8E\x8B%d,1\n", i);
    assert_int_equal(read_all(big, n, UD_ENC_AUTO, msg, sizeof msg, first, sizeof first), -1);
    assert_non_null(strstr(msg, "第 4001 行"));
    assert_non_null(strstr(msg, "UTF-8"));
    free(big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(detection),
        cmocka_unit_test(strict_quotes_and_nul),
        cmocka_unit_test(lines_in_messages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
