/* How a report period is read (period.h): months, years, what is not a
 * period, and periods that cannot be counted yet. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "uniondesk/i18n.h"
#include "uniondesk/period.h"

static void test_months(void **state)
{
    (void)state;
    struct ud_period p;
    assert_null(ud_period_parse("2026-10", UD_PERIOD_ANY, &p));
    assert_string_equal(p.from, "2026-10-01");
    assert_string_equal(p.to, "2026-10-31");
    assert_int_equal(p.year, 2026);
    assert_int_equal(p.is_year, 0);
    assert_null(ud_period_parse("2024/02", UD_PERIOD_MONTH, &p));
    assert_string_equal(p.to, "2024-02-29"); /* a leap year's February */
    assert_null(ud_period_parse("2025年2月", UD_PERIOD_ANY, &p));
    assert_string_equal(p.from, "2025-02-01");
    assert_string_equal(p.to, "2025-02-28");
}

static void test_years(void **state)
{
    (void)state;
    struct ud_period p;
    assert_null(ud_period_parse("2026", UD_PERIOD_ANY, &p));
    assert_int_equal(p.is_year, 1);
    assert_int_equal(p.year, 2026);
    assert_string_equal(p.from, "2026-01-01");
    assert_string_equal(p.to, "2026-12-31");
    assert_null(ud_period_parse("2025年", UD_PERIOD_ANY, &p));
    assert_int_equal(p.is_year, 1);
    assert_string_equal(p.to, "2025-12-31");
    assert_null(ud_period_parse("2024", UD_PERIOD_YEAR, &p));
    assert_int_equal(p.year, 2024);
}

static void test_invalid(void **state)
{
    (void)state;
    struct ud_period p;
    const char *bad_any[] = {"", "2026-13", "2026-00", "26-10", "2026-1x", "2026-10-01", "abcd", "1899", "3000", NULL};
    for (int i = 0; bad_any[i]; i++) {
        const char *why = ud_period_parse(bad_any[i], UD_PERIOD_ANY, &p);
        assert_non_null(why);
        assert_string_equal(p.from, ""); /* nothing half filled */
    }
    assert_non_null(ud_period_parse(NULL, UD_PERIOD_ANY, &p));
    /* a kind insisted on: a year is not a month, nor a month a year */
    assert_string_equal(ud_period_parse("2026", UD_PERIOD_MONTH, &p), T("月份格式应为 YYYY-MM", "month must be YYYY-MM"));
    assert_string_equal(ud_period_parse("2026-10", UD_PERIOD_YEAR, &p), T("年份格式应为 YYYY", "year must be YYYY"));
}

static void test_future_and_as_of(void **state)
{
    (void)state;
    struct ud_err err;
    struct ud_period p;
    assert_null(ud_period_parse("2026-12", UD_PERIOD_ANY, &p));
    /* a period that has not begun on the data date */
    ud_err_clear(&err);
    assert_int_equal(ud_period_check(p.from, p.to, "2026-11-26", &err), UD_ERR_USAGE);
    assert_non_null(strstr(err.msg, "2026-11-26"));
    assert_non_null(strstr(err.msg, "2026-12-01"));
    /* a data date before the period starts, and one on its first day */
    ud_err_clear(&err);
    assert_int_equal(ud_period_check("2026-10-01", "2026-10-31", "2026-09-30", &err), UD_ERR_USAGE);
    ud_err_clear(&err);
    assert_int_equal(ud_period_check("2026-10-01", "2026-10-31", "2026-10-01", &err), UD_OK);
    /* one inside or after the period is fine */
    assert_int_equal(ud_period_check("2026-10-01", "2026-10-31", "2026-10-15", &err), UD_OK);
    assert_int_equal(ud_period_check("2026-01-01", "2026-12-31", "2027-03-01", &err), UD_OK);
    /* a period that ends before it starts */
    ud_err_clear(&err);
    assert_int_equal(ud_period_check("2026-12-31", "2026-12-01", "2026-12-31", &err), UD_ERR_USAGE);
    assert_non_null(strstr(err.msg, "2026-12-31"));
}

int main(void)
{
    ud_lang = UD_LANG_ZH;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_months),
        cmocka_unit_test(test_years),
        cmocka_unit_test(test_invalid),
        cmocka_unit_test(test_future_and_as_of),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
