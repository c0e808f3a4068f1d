/* Validators of the core: dates, money, ID numbers, credit codes, phones,
 * integers, booleans, text. Expected values are worked out by hand from
 * the standards (GB 11643, GB 32100); the arithmetic is in the comments. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "uniondesk/i18n.h"
#include "uniondesk/parse.h"
#include "uniondesk/utf8.h"

#define TODAY "2026-11-26"

static int setup(void **state)
{
    (void)state;
    ud_lang = UD_LANG_ZH;
    setenv("UNIONDESK_TODAY", TODAY, 1);
    return 0;
}

/* ---- helpers: each names the input when it fails ---- */

#define DATE_OK(in, want)                                                   \
    do {                                                                    \
        char o_[UD_DATE_SZ];                                                \
        const char *r_ = ud_parse_date((in), o_);                           \
        if (r_)                                                             \
            fail_msg("date \"%s\" refused: %s", (in), r_);                  \
        assert_string_equal(o_, (want));                                    \
    } while (0)

#define DATE_BAD(in)                                                        \
    do {                                                                    \
        char o_[UD_DATE_SZ];                                                \
        if (!ud_parse_date((in), o_))                                       \
            fail_msg("date \"%s\" accepted as %s", (in), o_);               \
        assert_string_equal(o_, "");                                        \
    } while (0)

#define MONEY_OK(in, want)                                                  \
    do {                                                                    \
        int64_t f_ = -1;                                                    \
        const char *r_ = ud_parse_money((in), &f_);                         \
        if (r_)                                                             \
            fail_msg("amount \"%s\" refused: %s", (in), r_);                \
        assert_int_equal(f_, (want));                                       \
    } while (0)

#define MONEY_BAD(in)                                                       \
    do {                                                                    \
        int64_t f_ = -7;                                                    \
        if (!ud_parse_money((in), &f_))                                     \
            fail_msg("amount \"%s\" accepted as %lld fen", (in), (long long)f_); \
        assert_int_equal(f_, -7); /* untouched */                           \
    } while (0)

#define PHONE_OK(in, want)                                                  \
    do {                                                                    \
        char o_[UD_PHONE_SZ];                                               \
        const char *r_ = ud_parse_phone((in), o_);                          \
        if (r_)                                                             \
            fail_msg("phone \"%s\" refused: %s", (in), r_);                 \
        assert_string_equal(o_, (want));                                    \
    } while (0)

#define PHONE_BAD(in)                                                       \
    do {                                                                    \
        char o_[UD_PHONE_SZ];                                               \
        if (!ud_parse_phone((in), o_))                                      \
            fail_msg("phone \"%s\" accepted as %s", (in), o_);              \
    } while (0)

#define ID_BAD(in, reason_part)                                             \
    do {                                                                    \
        char o_[UD_IDNUM_SZ];                                               \
        const char *r_ = ud_check_id_number((in), o_, NULL, NULL);          \
        if (!r_)                                                            \
            fail_msg("ID number \"%s\" accepted", (in));                    \
        if (!strstr(r_, (reason_part)))                                     \
            fail_msg("ID number \"%s\": \"%s\" lacks \"%s\"", (in), r_, (reason_part)); \
    } while (0)

/* ================================================================ dates */

static void dates_accept_the_usual_forms(void **state)
{
    (void)state;
    const char *forms[] = {"2026-11-26", "20261126", "2026/11/26", "2026.11.26",
                           "2026年11月26日", " 2026-11-26 ", "20261126 "};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        DATE_OK(forms[i], "2026-11-26");
    DATE_OK("2026-1-5", "2026-01-05");
    DATE_OK("2026/1/5", "2026-01-05");
    DATE_OK("2026年1月5日", "2026-01-05");
}

static void dates_know_leap_years(void **state)
{
    (void)state;
    DATE_OK("2024-02-29", "2024-02-29"); /* divisible by 4 */
    DATE_OK("2000-02-29", "2000-02-29"); /* divisible by 400 */
    DATE_BAD("2026-02-29");              /* common year */
    DATE_BAD("1900-02-29");              /* divisible by 100, not by 400 */
    DATE_BAD("2024-02-30");
    DATE_OK("20240229", "2024-02-29");
    DATE_BAD("20260229");
    assert_true(ud_is_leap(2024) && ud_is_leap(2000));
    assert_false(ud_is_leap(2026) || ud_is_leap(1900) || ud_is_leap(2100));
    assert_int_equal(ud_days_in_month(2024, 2), 29);
    assert_int_equal(ud_days_in_month(1900, 2), 28);
    assert_int_equal(ud_days_in_month(2026, 13), 0);
    assert_int_equal(ud_days_in_month(2026, 0), 0);
    /* the reason says what is wrong */
    char out[UD_DATE_SZ];
    assert_non_null(strstr(ud_parse_date("2026-02-29", out), "闰年"));
}

static void dates_check_month_and_day_bounds(void **state)
{
    (void)state;
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int m = 1; m <= 12; m++) {
        char last[40], after[40]; /* room for any int, as gcc checks */
        snprintf(last, sizeof last, "2026-%02d-%02d", m, days[m - 1]);
        snprintf(after, sizeof after, "2026-%02d-%02d", m, days[m - 1] + 1);
        DATE_OK(last, last);
        DATE_BAD(after);
    }
    DATE_BAD("2026-13-01");
    DATE_BAD("2026-00-10");
    DATE_BAD("2026-11-00");
    DATE_OK("1900-01-01", "1900-01-01"); /* the range is 1900..2999 */
    DATE_OK("2999-12-31", "2999-12-31");
    DATE_BAD("1899-12-31");
    DATE_BAD("3000-01-01");
}

static void dates_refuse_garbage(void **state)
{
    (void)state;
    const char *bad[] = {"", "   ", "abc", "26-11-26", "2026-11", "2026-11-26x", "2026-11-26-1",
                         "2026--11-26", "2026-111-26", "2026-11-260", "2026/11-26", "2026.11/26",
                         "202611260", "2026112", "2026 11 26", "２０２６-11-26", "2026-11-26\n",
                         "-2026-11-26", "2026年11-26日"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        DATE_BAD(bad[i]);
    char out[UD_DATE_SZ];
    assert_non_null(ud_parse_date(NULL, out));
    /* much longer than any date, without reading past it */
    char longer[300];
    memset(longer, '1', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    DATE_BAD(longer);
}

static void dates_may_be_parsed_in_place(void **state)
{
    (void)state;
    char buf[UD_DATE_SZ] = "2026/1/5";
    assert_null(ud_parse_date(buf, buf));
    assert_string_equal(buf, "2026-01-05");
}

static void today_honours_the_environment(void **state)
{
    (void)state;
    char out[UD_DATE_SZ];
    ud_today(out);
    assert_string_equal(out, TODAY);
    setenv("UNIONDESK_TODAY", "2024-02-29", 1);
    ud_today(out);
    assert_string_equal(out, "2024-02-29");
    setenv("UNIONDESK_TODAY", "20240301", 1); /* any accepted form, normalized */
    ud_today(out);
    assert_string_equal(out, "2024-03-01");

    /* an unusable value falls back to the clock */
    setenv("UNIONDESK_TODAY", "not a date", 1);
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    char clock[UD_DATE_SZ];
    strftime(clock, sizeof clock, "%Y-%m-%d", &tm);
    ud_today(out);
    assert_string_equal(out, clock);
    unsetenv("UNIONDESK_TODAY");
    ud_today(out);
    assert_string_equal(out, clock);
    setenv("UNIONDESK_TODAY", TODAY, 1);
}

static void date_days_count_from_1970(void **state)
{
    (void)state;
    assert_int_equal(ud_date_days("1970-01-01"), 0);
    assert_int_equal(ud_date_days("1970-01-02"), 1);
    assert_int_equal(ud_date_days("1969-12-31"), -1);
    /* 30 years of 365 days plus the leap days of 72 76 80 84 88 92 96 */
    assert_int_equal(ud_date_days("2000-01-01"), 30 * 365 + 7);
    /* 1900-01-01: 70 years back, 17 leap days (1904..1968; 1900 is not) */
    assert_int_equal(ud_date_days("1900-01-01"), -(70 * 365 + 17));
    /* across February */
    assert_int_equal(ud_date_days("2024-03-01") - ud_date_days("2024-02-28"), 2);
    assert_int_equal(ud_date_days("2026-03-01") - ud_date_days("2026-02-28"), 1);
    assert_int_equal(ud_date_days("2000-03-01") - ud_date_days("2000-02-28"), 2);
    assert_int_equal(ud_date_days("1900-03-01") - ud_date_days("1900-02-28"), 1);
    assert_int_equal(ud_date_days("2025-01-01") - ud_date_days("2024-01-01"), 366);
    assert_int_equal(ud_date_days("2027-01-01") - ud_date_days("2026-01-01"), 365);
}

static void date_add_crosses_boundaries(void **state)
{
    (void)state;
    static const struct {
        const char *from;
        long n;
        const char *to;
    } cases[] = {
        {"2026-01-31", 1, "2026-02-01"},  {"2026-02-28", 1, "2026-03-01"},
        {"2024-02-28", 1, "2024-02-29"},  {"2024-02-29", 1, "2024-03-01"},
        {"2000-02-28", 1, "2000-02-29"},  {"1900-02-28", 1, "1900-03-01"},
        {"2026-12-31", 1, "2027-01-01"},  {"2027-01-01", -1, "2026-12-31"},
        {"2024-03-01", -1, "2024-02-29"}, {"2026-03-01", -1, "2026-02-28"},
        {"2026-11-26", 15, "2026-12-11"}, /* 4 days left in November + 11 */
        {"2024-01-01", 366, "2025-01-01"}, {"2026-11-26", 0, "2026-11-26"},
        {"1970-01-01", -1, "1969-12-31"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[UD_DATE_SZ];
        ud_date_add(cases[i].from, cases[i].n, out);
        if (strcmp(out, cases[i].to) != 0)
            fail_msg("%s %+ld days gave %s, want %s", cases[i].from, cases[i].n, out, cases[i].to);
    }
}

/* Walks every day of 1900..2100 with ud_days_in_month (not with the code
 * under test) and checks both directions of the day count. */
static void date_days_round_trip_every_day(void **state)
{
    (void)state;
    long expect = ud_date_days("1900-01-01");
    for (int y = 1900; y <= 2100; y++)
        for (int m = 1; m <= 12; m++)
            for (int d = 1; d <= ud_days_in_month(y, m); d++) {
                char iso[40], back[UD_DATE_SZ];
                snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
                if (ud_date_days(iso) != expect)
                    fail_msg("%s is day %ld, want %ld", iso, ud_date_days(iso), expect);
                ud_date_from_days(expect, back);
                if (strcmp(iso, back) != 0)
                    fail_msg("day %ld gave %s, want %s", expect, back, iso);
                expect++;
            }
}

static void months_and_years(void **state)
{
    (void)state;
    char from[UD_DATE_SZ], to[UD_DATE_SZ];
    assert_null(ud_parse_month("2026-02", from, to));
    assert_string_equal(from, "2026-02-01");
    assert_string_equal(to, "2026-02-28");
    assert_null(ud_parse_month("2024-02", from, to));
    assert_string_equal(to, "2024-02-29");
    assert_null(ud_parse_month("2026/4", from, to));
    assert_string_equal(from, "2026-04-01");
    assert_string_equal(to, "2026-04-30");
    assert_null(ud_parse_month("2026年12月", from, to));
    assert_string_equal(from, "2026-12-01");
    assert_string_equal(to, "2026-12-31");
    const char *bad[] = {"", "2026", "2026-13", "2026-00", "26-02", "2026-02-01", "2026-2x", "1899-12", "abcd-ef"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (!ud_parse_month(bad[i], from, to))
            fail_msg("month \"%s\" accepted", bad[i]);
    assert_non_null(ud_parse_month(NULL, from, to));

    int y = 0;
    assert_null(ud_parse_year("2026", &y));
    assert_int_equal(y, 2026);
    assert_null(ud_parse_year("2024年", &y));
    assert_int_equal(y, 2024);
    const char *bady[] = {"", "26", "20261", "1899", "3000", "2026x", "abcd", "2026年年"};
    for (size_t i = 0; i < sizeof bady / sizeof bady[0]; i++)
        if (!ud_parse_year(bady[i], &y))
            fail_msg("year \"%s\" accepted", bady[i]);
    assert_non_null(ud_parse_year(NULL, &y));
}

/* ================================================================ money */

static void money_accepts_the_documented_forms(void **state)
{
    (void)state;
    MONEY_OK("1234", 123400);
    MONEY_OK("1234.5", 123450);
    MONEY_OK("1234.50", 123450);
    MONEY_OK("1,234.50", 123450);
    MONEY_OK("12,345,678.90", 1234567890);
    MONEY_OK("¥1234", 123400);
    MONEY_OK("￥1234", 123400); /* full-width yen sign, as Chinese IMEs type it */
    MONEY_OK("1234元", 123400);
    MONEY_OK("12.5万", 12500000);   /* 125,000 yuan */
    MONEY_OK("12.5万元", 12500000);
    MONEY_OK("3万", 3000000);
    MONEY_OK("0.01", 1);
    MONEY_OK("0", 0);
    MONEY_OK(".5", 50);
    MONEY_OK(" 1234 ", 123400);
    MONEY_OK("+5", 500);
    /* 万 with six decimals is still whole fen: 1.234567万 = 12,345.67 yuan */
    MONEY_OK("1.234567万", 1234567);
}

static void money_refuses_bad_forms(void **state)
{
    (void)state;
    const char *bad[] = {
        "", "  ", "abc", "元", "万", ".", "1.2.3", "1 234", "12a", "¥", "1234元元", "1234万万",
        "1,23",      /* a group after a comma must have 3 digits */
        "1,2345",
        ",123",
        "1,,234",
        "1,234,",
        "1234,567",  /* first group longer than 3 digits */
        "12.345",    /* more than two decimals of a yuan */
        "0.001",
        "1.2345678万", /* 万 with 7 decimals would be a fraction of a fen */
        "-5", "-0.01", "¥-5", "5-",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        MONEY_BAD(bad[i]);
    int64_t f;
    assert_non_null(ud_parse_money(NULL, &f));
    assert_non_null(strstr(ud_parse_money("-5", &f), "负"));
    assert_non_null(strstr(ud_parse_money("12.345", &f), "两位小数"));
}

static void money_has_an_upper_limit(void **state)
{
    (void)state;
    /* UD_MONEY_MAX_FEN is 100 亿元 = 10,000,000,000 yuan = 1e12 fen */
    assert_int_equal(UD_MONEY_MAX_FEN, INT64_C(1000000000000));
    MONEY_OK("10000000000", UD_MONEY_MAX_FEN);
    MONEY_OK("10,000,000,000.00", UD_MONEY_MAX_FEN);
    MONEY_OK("1000000万", UD_MONEY_MAX_FEN);
    MONEY_BAD("10000000000.01");
    MONEY_BAD("1000000.000001万");
    MONEY_BAD("10000000001");
    MONEY_BAD("9223372036854775807");    /* INT64_MAX yuan */
    MONEY_BAD("92233720368547758.08");   /* INT64_MAX fen */
    MONEY_BAD("18446744073709551616");   /* 2^64 */
    MONEY_BAD("99999999999999999999999999999999万");
    /* a very long run of digits is refused without overflowing (UBSan) */
    char huge[4096];
    memset(huge, '9', sizeof huge - 1);
    huge[sizeof huge - 1] = '\0';
    MONEY_BAD(huge);
    memcpy(huge, "0.", 2); /* and a very long fraction */
    MONEY_BAD(huge);
}

static void money_formats(void **state)
{
    (void)state;
    char out[64];
    static const struct {
        int64_t fen;
        const char *grouped, *plain;
    } cases[] = {
        {0, "0.00", "0.00"},
        {1, "0.01", "0.01"},
        {99999, "999.99", "999.99"},
        {100000, "1,000.00", "1000.00"},
        {123450, "1,234.50", "1234.50"},
        {12345678901, "123,456,789.01", "123456789.01"},
        {INT64_C(1000000000000), "10,000,000,000.00", "10000000000.00"},
        {-123456, "-1,234.56", "-1234.56"},
        {-5, "-0.05", "-0.05"},
        {INT64_MAX, "92,233,720,368,547,758.07", "92233720368547758.07"},
        {INT64_MIN, "-92,233,720,368,547,758.08", "-92233720368547758.08"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ud_format_money(cases[i].fen, out, sizeof out);
        assert_string_equal(out, cases[i].grouped);
        ud_format_money_plain(cases[i].fen, out, sizeof out);
        assert_string_equal(out, cases[i].plain);
    }
    /* what is formatted parses back */
    int64_t back;
    ud_format_money(1234567890, out, sizeof out);
    assert_null(ud_parse_money(out, &back));
    assert_int_equal(back, 1234567890);
    /* a small buffer is cut, not overrun */
    char small[5];
    ud_format_money(123456, small, sizeof small);
    assert_string_equal(small, "1,23");
}

static void money_in_wan(void **state)
{
    (void)state;
    char out[32];
    /* 1 万元 = 1,000,000 fen; hundredths of 万 are 10,000 fen, half up */
    ud_format_wan(12345678, out, sizeof out); /* 12.345678 万 */
    assert_string_equal(out, "12.35");
    ud_format_wan(12344999, out, sizeof out); /* 12.344999 万 */
    assert_string_equal(out, "12.34");
    ud_format_wan(12345000, out, sizeof out); /* exactly half: up */
    assert_string_equal(out, "12.35");
    ud_format_wan(0, out, sizeof out);
    assert_string_equal(out, "0.00");
    ud_format_wan(4999, out, sizeof out);
    assert_string_equal(out, "0.00");
    ud_format_wan(5000, out, sizeof out);
    assert_string_equal(out, "0.01");
    ud_format_wan(1000000, out, sizeof out);
    assert_string_equal(out, "1.00");
    ud_format_wan(UD_MONEY_MAX_FEN, out, sizeof out); /* 100 亿 = 1,000,000 万 */
    assert_string_equal(out, "1000000.00");
    ud_format_wan(-12345678, out, sizeof out);
    assert_string_equal(out, "-12.35");
}

static void percentages(void **state)
{
    (void)state;
    char out[32];
    /* the seed's district centre: 3589/4041 = 0.888146... */
    ud_format_percent(3589, 4041, out, sizeof out);
    assert_string_equal(out, "88.8%");
    /* all levels: 10993/12633 = 0.870181... (the document prints 87.6%) */
    ud_format_percent(10993, 12633, out, sizeof out);
    assert_string_equal(out, "87.0%");
    ud_format_percent(5, 0, out, sizeof out);
    assert_string_equal(out, "-");
    ud_format_percent(0, 0, out, sizeof out);
    assert_string_equal(out, "-");
    ud_format_percent(0, 7, out, sizeof out);
    assert_string_equal(out, "0.0%");
    ud_format_percent(7, 7, out, sizeof out);
    assert_string_equal(out, "100.0%");
    ud_format_percent(3, 2, out, sizeof out);
    assert_string_equal(out, "150.0%");
    /* exact halves of a tenth round up: 1/16 = 6.25%, 3/16 = 18.75%,
     * 1/2000 = 0.05%; just below half rounds down: 1/2001 = 0.04998% */
    ud_format_percent(1, 16, out, sizeof out);
    assert_string_equal(out, "6.3%");
    ud_format_percent(3, 16, out, sizeof out);
    assert_string_equal(out, "18.8%");
    ud_format_percent(1, 2000, out, sizeof out);
    assert_string_equal(out, "0.1%");
    ud_format_percent(1, 2001, out, sizeof out);
    assert_string_equal(out, "0.0%");
    /* 1999/2000 = 99.95% rounds up into the next whole percent */
    ud_format_percent(1999, 2000, out, sizeof out);
    assert_string_equal(out, "100.0%");
    /* a negative ratio keeps its sign and rounds away from zero */
    ud_format_percent(-1, 16, out, sizeof out);
    assert_string_equal(out, "-6.3%");
    ud_format_percent(-3, 2, out, sizeof out);
    assert_string_equal(out, "-150.0%");
    ud_format_percent(-1, 3000, out, sizeof out); /* -0.033%: no "-0.0%" */
    assert_string_equal(out, "0.0%");
}

/* Money sums (fen, up to ~1e18 over millions of rows) as ratios: no
 * intermediate product may overflow. */
static void percentages_of_large_sums(void **state)
{
    (void)state;
    char out[48];
    ud_format_percent(INT64_C(5000000000000000), INT64_C(10000000000000000), out, sizeof out);
    assert_string_equal(out, "50.0%");
    ud_format_percent(INT64_C(888146) * INT64_C(1000000000000), INT64_C(1000000) * INT64_C(1000000000000),
                      out, sizeof out); /* 0.888146 of 1e18 */
    assert_string_equal(out, "88.8%");
    ud_format_percent(INT64_MAX, INT64_MAX, out, sizeof out);
    assert_string_equal(out, "100.0%");
    ud_format_percent(INT64_MAX / 2, INT64_MAX, out, sizeof out); /* just under a half */
    assert_string_equal(out, "50.0%");
}

/* =========================================================== ID numbers */

/* GB 11643: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, sum mod 11 indexes
 * "10X98765432".
 *
 * 11010519491231002X: 1·7 + 1·9 + 0·10 + 1·5 + 0·8 + 5·4 + 1·2 + 9·1 + 4·6
 *   + 9·3 + 1·7 + 2·9 + 3·10 + 1·5 + 0·8 + 0·4 + 2·2
 *   = 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 = 15·11 + 2 → 'X'.
 *
 * 33020619850312 (first 14 digits, used below):
 *   3·7 + 3·9 + 0·10 + 2·5 + 0·8 + 6·4 + 1·2 + 9·1 + 8·6 + 5·3 + 0·7 + 3·9
 *   + 1·10 + 2·5 = 21+27+0+10+0+24+2+9+48+15+0+27+10+10 = 203.
 * 330206198503120090: serial 009 adds 0·8 + 0·4 + 9·2 = 18 → 221 = 20·11 + 1
 *   → '0'. Digit 17 is 9: odd, male.
 * 330206198503120242: serial 024 adds 0·8 + 2·4 + 4·2 = 16 → 219 = 19·11 + 10
 *   → '2'. Digit 17 is 4: even, female.
 *
 * 330206 alone gives 21+27+0+10+0+24 = 82:
 * 330206199902300018: 1·2 + 9·1 + 9·6 + 9·3 + 0·7 + 2·9 + 3·10 + 0·5 = 140
 *   → 222; serial 001 adds 2 → 224 = 20·11 + 4 → '8' (check right, date not).
 * 33020620261127001X: 2·2 + 0·1 + 2·6 + 6·3 + 1·7 + 1·9 + 2·10 + 7·5 = 105
 *   → 187; +2 → 189 = 17·11 + 2 → 'X' (born the day after TODAY).
 * 330206202611260014: as above with 6·5 = 30 for 7·5: 182; +2 → 184
 *   = 16·11 + 8 → '4' (born TODAY).
 * 990206198503120093: 9·7 + 9·9 = 144 instead of 48 → 221 - 48 + 144 = 317
 *   = 28·11 + 9 → '3' (check right, province 99 does not exist). */
static void id_check_characters_by_hand(void **state)
{
    (void)state;
    assert_int_equal(ud_id_check_char("11010519491231002"), 'X');
    assert_int_equal(ud_id_check_char("33020619850312009"), '0');
    assert_int_equal(ud_id_check_char("33020619850312024"), '2');
    assert_int_equal(ud_id_check_char("33020620261126001"), '4');
}

static void id_numbers_that_pass(void **state)
{
    (void)state;
    char out[UD_IDNUM_SZ], birth[UD_DATE_SZ], g = '?';
    assert_null(ud_check_id_number("11010519491231002X", out, &g, birth));
    assert_string_equal(out, "11010519491231002X");
    assert_string_equal(birth, "1949-12-31");
    assert_int_equal(g, 'F'); /* digit 17 is 2 */

    assert_null(ud_check_id_number("330206198503120090", out, &g, birth));
    assert_string_equal(out, "330206198503120090");
    assert_string_equal(birth, "1985-03-12");
    assert_int_equal(g, 'M');

    assert_null(ud_check_id_number(" 330206198503120242 ", out, &g, birth));
    assert_string_equal(out, "330206198503120242");
    assert_int_equal(g, 'F');

    /* born today is not the future */
    assert_null(ud_check_id_number("330206202611260014", out, NULL, NULL));
    /* lower-case x accepted, stored upper-case */
    assert_null(ud_check_id_number("11010519491231002x", out, NULL, NULL));
    assert_string_equal(out, "11010519491231002X");
    /* in place */
    char buf[UD_IDNUM_SZ] = "11010519491231002x";
    assert_null(ud_check_id_number(buf, buf, NULL, NULL));
    assert_string_equal(buf, "11010519491231002X");
}

static void id_numbers_that_fail(void **state)
{
    (void)state;
    ID_BAD("330206198503120091", "校验位");    /* right is 0 */
    ID_BAD("11010519491231002Y", "末位");
    ID_BAD("110105194912310021", "校验位");    /* right is X */
    ID_BAD("330206199902300018", "出生日期");  /* 1999-02-30 */
    ID_BAD("33020620261127001X", "晚于今天");  /* the day after TODAY */
    ID_BAD("330206850312009", "15位");
    ID_BAD("33020619850312009", "18位");       /* 17 digits */
    ID_BAD("3302061985031200900", "18位");     /* 19 */
    ID_BAD("", "18位");
    ID_BAD("3302061985031200A0", "前17位");
    ID_BAD("33020619850312 090", "前17位");
    ID_BAD("990206198503120093", "地址码");
    ID_BAD("000206198503120093", "地址码");
    char out[UD_IDNUM_SZ] = "junk";
    assert_non_null(ud_check_id_number(NULL, out, NULL, NULL));
    assert_string_equal(out, "");

    /* "future" follows UNIONDESK_TODAY */
    setenv("UNIONDESK_TODAY", "2026-11-27", 1);
    assert_null(ud_check_id_number("33020620261127001X", out, NULL, NULL));
    setenv("UNIONDESK_TODAY", TODAY, 1);
}

static void id_numbers_masked(void **state)
{
    (void)state;
    char out[UD_IDNUM_SZ];
    ud_mask_id_number("330206198503120242", out, sizeof out);
    assert_string_equal(out, "330206********0242");
    ud_mask_id_number("11010519491231002X", out, sizeof out);
    assert_string_equal(out, "110105********002X");
    /* anything but 18 characters is shown as is */
    ud_mask_id_number("12345", out, sizeof out);
    assert_string_equal(out, "12345");
}

/* ========================================================= credit codes */

/* GB 32100: alphabet 0-9 A-H J-N P Q R T U W X Y valued 0..30 (M = 21,
 * Y = 30, A = 10, B = 11, W = 28); weights 1 3 9 27 19 26 16 17 20 29 25 13
 * 8 24 10 30 28; check = 31 - (sum mod 31), 31 → 0.
 *
 * 91350100M000100Y43: 9·1 + 1·3 + 3·9 + 5·27 + 0·19 + 1·26 + 0·16 + 0·17
 *   + M·20 + 0·29 + 0·25 + 0·13 + 1·8 + 0·24 + 0·10 + Y·30 + 4·28
 *   = 9+3+27+135+0+26+0+0+420+0+0+0+8+0+0+900+112 = 1640 = 52·31 + 28
 *   → 31 - 28 = 3 → '3'.
 * 91330206MA2AB1234M: 9·1 + 1·3 + 3·9 + 3·27 + 0·19 + 2·26 + 0·16 + 6·17
 *   + M·20 + A·29 + 2·25 + A·13 + B·8 + 1·24 + 2·10 + 3·30 + 4·28
 *   = 9+3+27+81+0+52+0+102+420+290+50+130+88+24+20+90+112 = 1498
 *   = 48·31 + 10 → 31 - 10 = 21 → 'M'.
 * 91330206MA2AB123W0: the same to 1386 (without 4·28), then W·28 = 784
 *   → 2170 = 70·31 + 0 → 31 → '0'. */
static void credit_codes_that_pass(void **state)
{
    (void)state;
    assert_int_equal(ud_credit_check_char("91350100M000100Y4"), '3');
    assert_int_equal(ud_credit_check_char("91330206MA2AB1234"), 'M');
    assert_int_equal(ud_credit_check_char("91330206MA2AB123W"), '0');
    const char *good[] = {"91350100M000100Y43", "91512081MA62K0260E", "91330206MA2AB1234M",
                          "91330206MA2AB123W0"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        char out[UD_CREDIT_SZ];
        int ok = -1;
        const char *r = ud_check_credit_code(good[i], out, &ok);
        if (r)
            fail_msg("%s refused: %s", good[i], r);
        assert_string_equal(out, good[i]);
        assert_int_equal(ok, 1);
    }
    /* lower case and surrounding spaces are tidied */
    char out[UD_CREDIT_SZ];
    int ok = 0;
    assert_null(ud_check_credit_code(" 91350100m000100y43 ", out, &ok));
    assert_string_equal(out, "91350100M000100Y43");
    assert_int_equal(ok, 1);
}

static void credit_codes_that_fail(void **state)
{
    (void)state;
    char out[UD_CREDIT_SZ];
    int ok = -1;
    /* a wrong check character is a well-formed code: it parses, flagged */
    assert_null(ud_check_credit_code("91350100M000100Y44", out, &ok));
    assert_string_equal(out, "91350100M000100Y44");
    assert_int_equal(ok, 0);
    assert_null(ud_check_credit_code("91330206MA2AB1234N", out, &ok));
    assert_int_equal(ok, 0);
    assert_null(ud_check_credit_code("91350100M000100Y44", out, NULL)); /* check_ok optional */

    /* I O S V Z are not in the alphabet (anywhere, check character included) */
    const char *letters = "IOSVZ";
    for (const char *c = letters; *c; c++) {
        char code[UD_CREDIT_SZ] = "91350100M000100Y43";
        code[8] = *c;
        ok = -1;
        if (!ud_check_credit_code(code, out, &ok))
            fail_msg("%s accepted", code);
        assert_int_equal(ok, -1);
        code[8] = 'M';
        code[17] = *c;
        if (!ud_check_credit_code(code, out, &ok))
            fail_msg("%s accepted", code);
    }
    const char *bad[] = {"", "91350100M000100Y4", "91350100M000100Y430", "91350100M000100Y4-",
                         "91350100M000100Y4中", "91350100M00 100Y43"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (!ud_check_credit_code(bad[i], out, &ok))
            fail_msg("\"%s\" accepted", bad[i]);
    assert_non_null(ud_check_credit_code(NULL, out, &ok));
}

/* =============================================================== phones */

static void phones_accepted(void **state)
{
    (void)state;
    PHONE_OK("13800138000", "13800138000");
    PHONE_OK("138 0013 8000", "13800138000");
    PHONE_OK("138-0013-8000", "13800138000");
    PHONE_OK("19912345678", "19912345678");
    PHONE_OK("0574-86888888", "0574-86888888");
    PHONE_OK("057486888888", "0574-86888888");
    PHONE_OK("0574 86888888", "0574-86888888");
    PHONE_OK("86888888", "86888888");
    PHONE_OK("8688888", "8688888");
    PHONE_OK("0574-86888888-123", "0574-86888888-123");
    PHONE_OK("010-88888888", "010-88888888");
    PHONE_OK("0574-8688888", "0574-8688888");
    /* run together: 3-digit area codes are 010 and 020-029, every other
     * area code has 4 digits */
    PHONE_OK("01088888888", "010-88888888");
    PHONE_OK("02188888888", "021-88888888");
    PHONE_OK("05748688888", "0574-8688888");
    /* in place */
    char buf[UD_PHONE_SZ] = "138 0013 8000";
    assert_null(ud_parse_phone(buf, buf));
    assert_string_equal(buf, "13800138000");
}

static void phones_refused(void **state)
{
    (void)state;
    const char *bad[] = {
        "", "12800138000",      /* no mobile prefix 12 */
        "1380013800",           /* 10 digits */
        "138001380001",         /* 12 digits */
        "0574-1234",            /* number too short */
        "0574-868888888",       /* 9 digits */
        "0574-06888888",        /* number starting with 0 */
        "05-86888888",          /* area code too short */
        "05748-86888888",       /* too long */
        "0574--86888888", "-0574-86888888", "0574-86888888-",
        "0574-86888888-1234567", /* extension too long */
        "0574868888881",        /* 13 digits run together */
        "057406888888",         /* run together, number starting with 0 */
        "phone", "138001380OO", "+8613800138000", "１３８００１３８０００",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        PHONE_BAD(bad[i]);
    char out[UD_PHONE_SZ];
    assert_non_null(ud_parse_phone(NULL, out));
    char longer[100];
    memset(longer, '8', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    PHONE_BAD(longer);
}

/* ===================================================== integers, flags */

static void integers(void **state)
{
    (void)state;
    int64_t v = -1;
    assert_null(ud_parse_int("42", 0, 100, &v));
    assert_int_equal(v, 42);
    assert_null(ud_parse_int(" 0 ", 0, 100, &v));
    assert_int_equal(v, 0);
    assert_null(ud_parse_int("100", 0, 100, &v));
    assert_int_equal(v, 100);
    assert_null(ud_parse_int("-5", -10, 10, &v));
    assert_int_equal(v, -5);
    assert_null(ud_parse_int("9223372036854775807", 0, INT64_MAX, &v));
    assert_true(v == INT64_MAX);
    assert_null(ud_parse_int("-9223372036854775808", INT64_MIN, 0, &v));
    assert_true(v == INT64_MIN);

    v = 7;
    const char *r = ud_parse_int("101", 0, 100, &v);
    assert_non_null(r);
    assert_non_null(strstr(r, "100")); /* names the range */
    assert_non_null(ud_parse_int("-1", 0, 100, &v));
    assert_non_null(ud_parse_int("9223372036854775808", 0, INT64_MAX, &v)); /* overflow */
    assert_non_null(ud_parse_int("-9223372036854775809", INT64_MIN, 0, &v));
    const char *bad[] = {"", " ", "abc", "12abc", "1.5", "1,000", "--1", "一"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (!ud_parse_int(bad[i], -1000, 1000, &v))
            fail_msg("\"%s\" accepted", bad[i]);
    assert_non_null(ud_parse_int(NULL, 0, 1, &v));
    assert_int_equal(v, 7); /* untouched by every refusal */
}

static void booleans(void **state)
{
    (void)state;
    const char *yes[] = {"1", "yes", "YES", "Yes", "y", "true", "TRUE", "是", " 是 ", "√"};
    const char *no[] = {"0", "no", "NO", "n", "false", "否", "　否　", ""};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        int b = -1;
        if (ud_parse_bool(yes[i], &b))
            fail_msg("\"%s\" refused", yes[i]);
        assert_int_equal(b, 1);
    }
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
        int b = -1;
        if (ud_parse_bool(no[i], &b))
            fail_msg("\"%s\" refused", no[i]);
        assert_int_equal(b, 0);
    }
    const char *bad[] = {"2", "-1", "maybe", "yess", "是的", "不", "t", "on", "10",
                         /* a yes padded past any short buffer, then junk */
                         "true                                  x"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int b = -1;
        if (!ud_parse_bool(bad[i], &b))
            fail_msg("\"%s\" accepted as %d", bad[i], b);
        assert_int_equal(b, -1);
    }
}

/* ================================================================= text */

static void text_must_be_valid_utf8_without_controls(void **state)
{
    (void)state;
    assert_null(ud_check_text("张三 Zhang San", 0, 0));
    assert_null(ud_check_text("", 10, 0));
    assert_null(ud_check_text("\xC2\xA0", 0, 0)); /* U+00A0 NBSP: just past C1 */
    const char *invalid[] = {"\xFF", "abc\xE4\xB8", "\xC0\xAF", "\xED\xA0\x80", "a\x80z"};
    for (size_t i = 0; i < sizeof invalid / sizeof invalid[0]; i++) {
        const char *r = ud_check_text(invalid[i], 0, 1);
        if (!r || !strstr(r, "UTF-8"))
            fail_msg("invalid text #%zu: %s", i, r ? r : "accepted");
    }
    const char *controls[] = {"a\x01", "\x1B[31m红\x1B[0m" /* ESC */, "a\x7F" /* DEL */,
                              "a\xC2\x85z" /* C1 U+0085 */, "\xC2\x9F", "a\x08"};
    for (size_t i = 0; i < sizeof controls / sizeof controls[0]; i++) {
        const char *r = ud_check_text(controls[i], 0, 1);
        if (!r || !strstr(r, "控制字符"))
            fail_msg("control text #%zu: %s", i, r ? r : "accepted");
    }
    /* bidirectional overrides and isolates reorder what is shown */
    const char *bidi[] = {"\xE2\x80\xAA", "a\xE2\x80\xAB", "\xE2\x80\xAC", "\xE2\x80\xAD",
                          "gpj\xE2\x80\xAE" "exe", "\xE2\x81\xA6", "\xE2\x81\xA7", "\xE2\x81\xA8", "x\xE2\x81\xA9"};
    for (size_t i = 0; i < sizeof bidi / sizeof bidi[0]; i++) {
        const char *r = ud_check_text(bidi[i], 0, 1);
        if (!r || !strstr(r, "双向"))
            fail_msg("bidi text #%zu: %s", i, r ? r : "accepted");
    }
    const char *r = ud_check_text("王\xE2\x80\xAE五", 0, 0);
    assert_non_null(r);
    assert_non_null(strstr(r, "U+202E"));
    /* the bidi marks too (Unicode's Bidi_Control): U+061C, U+200E, U+200F */
    const char *marks[] = {"\xD8\x9C", "a\xE2\x80\x8E", "\xE2\x80\x8F"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        const char *m = ud_check_text(marks[i], 0, 0);
        if (!m || !strstr(m, "双向"))
            fail_msg("bidi mark #%zu: %s", i, m ? m : "accepted");
    }
    /* what shows as nothing makes look-alike names differ: zero-width
     * space and joiner, U+2028/2029, a BOM inside, soft hyphen, a Hangul
     * filler, a noncharacter, a tag character */
    const char *invisible[] = {"王\xE2\x80\x8B五", "\xE2\x80\x8D", "a\xE2\x80\xA8" "b", "\xE2\x80\xA9",
                               "王\xEF\xBB\xBF", "\xC2\xAD", "\xE3\x85\xA4", "\xEF\xBF\xBE",
                               "\xF3\xA0\x80\x81"};
    for (size_t i = 0; i < sizeof invisible / sizeof invisible[0]; i++) {
        const char *m = ud_check_text(invisible[i], 0, 1);
        if (!m || !strstr(m, "不可见"))
            fail_msg("invisible text #%zu: %s", i, m ? m : "accepted");
    }
    assert_null(ud_check_text("王五·张三　李四", 0, 0)); /* the middle dot and ideographic space stay */
}

static void text_newlines_only_when_multiline(void **state)
{
    (void)state;
    assert_non_null(ud_check_text("第一行\n第二行", 0, 0));
    assert_null(ud_check_text("第一行\n第二行", 0, 1));
    assert_non_null(ud_check_text("a\tb", 0, 0));
    assert_null(ud_check_text("a\tb", 0, 1));
    assert_null(ud_check_text("a\r\nb", 0, 1));
    assert_non_null(ud_check_text("a\x0B" "b", 0, 1)); /* vertical tab never */
}

static void text_length_counts_characters(void **state)
{
    (void)state;
    char s[200] = "";
    for (int i = 0; i < 30; i++)
        strcat(s, "工"); /* 3 bytes each: 90 bytes, 30 characters */
    assert_int_equal(strlen(s), 90);
    assert_null(ud_check_text(s, 30, 0));
    strcat(s, "会");
    const char *r = ud_check_text(s, 30, 0);
    assert_non_null(r);
    assert_non_null(strstr(r, "31")); /* says how many there are */
    assert_null(ud_check_text(s, 0, 0)); /* 0: no limit */
    char a[40];
    memset(a, 'a', 31);
    a[31] = '\0';
    assert_non_null(ud_check_text(a, 30, 0));
    a[30] = '\0';
    assert_null(ud_check_text(a, 30, 0));
}

static void trim_and_blank(void **state)
{
    (void)state;
    char s[64];
    snprintf(s, sizeof s, "  张 三\xE3\x80\x80\xE3\x80\x80");
    assert_ptr_equal(ud_trim(s), s);
    assert_string_equal(s, "张 三"); /* inner space kept */
    snprintf(s, sizeof s, "\xE3\x80\x80 \t李四 \t\xE3\x80\x80");
    assert_string_equal(ud_trim(s), "李四");
    snprintf(s, sizeof s, "\xE3\x80\x80\xE3\x80\x80");
    assert_string_equal(ud_trim(s), "");
    snprintf(s, sizeof s, "   ");
    assert_string_equal(ud_trim(s), "");
    snprintf(s, sizeof s, "abc");
    assert_string_equal(ud_trim(s), "abc");
    /* 〇 (U+3007) shares its first two bytes with U+3000 and is kept */
    snprintf(s, sizeof s, "\xE3\x80\x87 ");
    assert_string_equal(ud_trim(s), "\xE3\x80\x87");

    assert_true(ud_blank(NULL));
    assert_true(ud_blank(""));
    assert_true(ud_blank(" \t\xE3\x80\x80 "));
    assert_false(ud_blank(" a "));
    assert_false(ud_blank("\xE3\x80\x87"));
    assert_false(ud_blank("\xE3\x80")); /* a cut U+3000 is not a space */
    /* line breaks and no-break spaces are blank too: a multi-line field of Enter alone is empty */
    assert_true(ud_blank("\n"));
    assert_true(ud_blank(" \r\n\t"));
    assert_true(ud_blank("\xC2\xA0"));
    assert_false(ud_blank("\n a \n"));
    assert_false(ud_blank("\xC2")); /* a cut U+00A0 is not a space */
}

/* Capital numerals, worked by hand from the People's Bank's rules (and
 * its own examples: 1,680.32, 6,007.14, 16,409.02, 107,000.53). */
static void money_in_capital_numerals(void **state)
{
    (void)state;
    static const struct {
        int64_t fen;
        const char *want;
    } cases[] = {
        {0, "零元整"},
        {5, "伍分"},
        {50, "伍角"},
        {1000, "壹拾元整"},
        {1005, "壹拾元零伍分"},
        {1050, "壹拾元伍角"},
        {101010, "壹仟零壹拾元壹角"},
        {168032, "壹仟陆佰捌拾元叁角贰分"},
        {600714, "陆仟零柒元壹角肆分"},
        {1234567, "壹万贰仟叁佰肆拾伍元陆角柒分"},
        {1640902, "壹万陆仟肆佰零玖元零贰分"},
        {10000000, "壹拾万元整"},
        {10010000, "壹拾万零壹佰元整"},
        {10700053, "壹拾万零柒仟元伍角叁分"},
        {100100000, "壹佰万零壹仟元整"},
        {1000010000, "壹仟万零壹佰元整"},
        {10000000001, "壹亿元零壹分"},
        {10001000000, "壹亿零壹万元整"},
        {10000000100, "壹亿零壹元整"},
        {UD_MONEY_MAX_FEN, "壹佰亿元整"}, /* the largest amount a case may hold */
        {99999999999999, "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"},
    };
    char out[256];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(ud_money_capital(cases[i].fen, out, sizeof out), 0);
        if (strcmp(out, cases[i].want) != 0)
            fail_msg("%lld fen: got %s, want %s", (long long)cases[i].fen, out, cases[i].want);
    }
    assert_int_equal(ud_money_capital(-1, out, sizeof out), -1);
    assert_int_equal(ud_money_capital(INT64_C(100000000000000), out, sizeof out), -1); /* 1e12 yuan */
    assert_int_equal(ud_money_capital(1234567, out, 10), -1); /* too small: nothing half written */
    assert_string_equal(out, "");
}

/* The import's shortcuts (issue 10) give what the long way gave. */
static void date_of_agrees_with_parse_date(void **state)
{
    (void)state;
    static const int years[] = {1899, 1900, 1999, 2000, 2023, 2024, 2100, 2999, 3000};
    for (size_t i = 0; i < sizeof years / sizeof years[0]; i++)
        for (int m = 0; m <= 13; m++)
            for (int d = 0; d <= 32; d++) {
                char text[32], a[UD_DATE_SZ], b[UD_DATE_SZ];
                snprintf(text, sizeof text, "%04d-%02d-%02d", years[i], m, d);
                const char *ra = ud_date_of(years[i], m, d, a), *rb = ud_parse_date(text, b);
                if ((ra == NULL) != (rb == NULL) || (ra && strcmp(ra, rb) != 0) || (!ra && strcmp(a, b) != 0))
                    fail_msg("%s: ud_date_of says %s (%s), ud_parse_date %s (%s)", text, ra ? ra : "ok", a,
                             rb ? rb : "ok", b);
            }
}

static void id_number_facts_agree_with_the_check(void **state)
{
    (void)state;
    int n = 0;
    for (long day = -25000; day < 20000; day += 37)
        for (unsigned seq = 0; seq < 1000; seq += 111) {
            char date[UD_DATE_SZ], id[UD_IDNUM_SZ], norm[UD_IDNUM_SZ], birth[UD_DATE_SZ], birth2[UD_DATE_SZ];
            ud_date_from_days(day, date);
            snprintf(id, sizeof id, "330206%.4s%.2s%.2s%03u", date, date + 5, date + 8, seq);
            id[17] = ud_id_check_char(id);
            id[18] = '\0';
            char g = 0, g2 = 0;
            const char *why = ud_check_id_number(id, norm, &g, birth);
            if (why)
                continue; /* before 1900 or after today */
            ud_id_number_facts(norm, &g2, birth2);
            if (g != g2 || strcmp(birth, birth2) != 0)
                fail_msg("%s: checked %c %s, read off %c %s", id, g, birth, g2, birth2);
            n++;
        }
    assert_true(n > 10000);
}

static void strlcpy_cuts_as_snprintf(void **state)
{
    (void)state;
    static const char *texts[] = {"", "a", "abcdef", "张三丰"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        for (size_t sz = 1; sz < 12; sz++) {
            char a[12], b[12];
            memset(a, 'x', sizeof a);
            memset(b, 'x', sizeof b);
            size_t n = ud_strlcpy(a, sz, texts[i]);
            snprintf(b, sz, "%s", texts[i]);
            assert_int_equal(n, strlen(texts[i]));
            assert_memory_equal(a, b, sizeof a);
        }
}

int main(void)
{
    /* each test starts in Chinese with TODAY fixed */
#define T_(fn) cmocka_unit_test_setup(fn, setup)
    const struct CMUnitTest tests[] = {
        T_(dates_accept_the_usual_forms),
        T_(dates_know_leap_years),
        T_(dates_check_month_and_day_bounds),
        T_(dates_refuse_garbage),
        T_(dates_may_be_parsed_in_place),
        T_(today_honours_the_environment),
        T_(date_days_count_from_1970),
        T_(date_add_crosses_boundaries),
        T_(date_days_round_trip_every_day),
        T_(months_and_years),
        T_(money_accepts_the_documented_forms),
        T_(money_refuses_bad_forms),
        T_(money_has_an_upper_limit),
        T_(money_formats),
        T_(money_in_wan),
        T_(money_in_capital_numerals),
        T_(percentages),
        T_(percentages_of_large_sums),
        T_(id_check_characters_by_hand),
        T_(id_numbers_that_pass),
        T_(id_numbers_that_fail),
        T_(id_numbers_masked),
        T_(credit_codes_that_pass),
        T_(credit_codes_that_fail),
        T_(phones_accepted),
        T_(phones_refused),
        T_(integers),
        T_(booleans),
        T_(text_must_be_valid_utf8_without_controls),
        T_(text_newlines_only_when_multiline),
        T_(text_length_counts_characters),
        T_(trim_and_blank),
        T_(date_of_agrees_with_parse_date),
        T_(id_number_facts_agree_with_the_check),
        T_(strlcpy_cuts_as_snprintf),
    };
#undef T_
    return cmocka_run_group_tests(tests, NULL, NULL);
}
