/* A search in a list filtered to a few rows reads those rows, not the
 * table: an org of a few members searched for "1" (every phone starts
 * so) walked the phone index over every member, checking the org row by
 * row (308 k steps here; 0.9 s at scale 1). Measured in SQLite
 * virtual-machine steps, which do not depend on the machine's speed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"
#include "uniondesk/demo.h"
#include "uniondesk/member.h"


static long steps;
static int count_steps(void *arg)
{
    (void)arg;
    steps++;
    return 0;
}

static int64_t small_org, root_org;

/* the demo at scale 0.05 (19,000 members in 175 organizations, planner
 * statistics as the demo leaves them); TU_NO_STATS drops the statistics,
 * as in an office database that was only ever imported into */
static int setup(void **state)
{
    struct tu_fixture *fx = tu_setup();
    *state = fx;
    struct ud_demo_stats ds;
    struct ud_err err;
    ud_err_clear(&err);
    sqlite3_exec(fx->db->h, "DELETE FROM members; DELETE FROM orgs", NULL, NULL, NULL);
    if (ud_demo_generate(fx->db, 0.05, 1, "2026-11-26", &ds, &err) != UD_OK)
        fail_msg("demo: %s", err.msg);
    if (getenv("TU_NO_STATS"))
        sqlite3_exec(fx->db->h, "DELETE FROM sqlite_stat1; ANALYZE sqlite_schema", NULL, NULL, NULL);
    small_org = tu_int(fx, "SELECT org_id FROM members GROUP BY org_id HAVING count(*) BETWEEN 3 AND 10 "
                           "ORDER BY count(*), org_id LIMIT 1");
    root_org = tu_int(fx, "SELECT id FROM orgs WHERE parent_id IS NULL");
    assert_true(small_org > 0 && root_org > 0);
    return 0;
}

static int teardown(void **state)
{
    tu_teardown(*state);
    return 0;
}

/* steps (in thousands of VM instructions) of one page and the count */
static long cost(struct tu_fixture *fx, int64_t org, const char *text, int *n, int64_t *count)
{
    static struct ud_member rows[27];
    struct ud_cursor cur[27];
    struct ud_page pg = {0};
    pg.limit = 27;
    struct ud_member_filter f = {text, org, NULL, 0};
    struct ud_err err;
    ud_err_clear(&err);
    steps = 0;
    sqlite3_progress_handler(fx->db->h, 1000, count_steps, NULL);
    assert_int_equal(ud_member_list(fx->db, &f, &pg, rows, cur, n, &err), UD_OK);
    if (getenv("TU_DEBUG"))
        print_message("#   list %ld k\n", steps);
    assert_int_equal(ud_member_count(fx->db, &f, count, &err), UD_OK);
    sqlite3_progress_handler(fx->db->h, 0, NULL, NULL);
    return steps;
}

static void small_org_one_digit(void **state)
{
    struct tu_fixture *fx = *state;
    int n;
    int64_t count;
    long whole = cost(fx, 0, "1", &n, &count); /* for scale: the unfiltered search */
    char sql[200];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM members WHERE org_id = %lld AND (phone GLOB '1*' OR id_number GLOB '1*')",
             (long long)small_org);
    int64_t want = tu_int(fx, sql);
    long k = cost(fx, small_org, "1", &n, &count);
    assert_int_equal(n, want);
    assert_int_equal(count, want);
    print_message("# '1' in an org of a few members: %ld k steps (unfiltered %ld k)\n", k, whole);
    assert_true(k < 50); /* the phone index walked: ~600 k */
    snprintf(sql, sizeof sql, "SELECT count(*) FROM members WHERE org_id = %lld AND instr(id_number, '3302') > 0",
             (long long)small_org);
    want = tu_int(fx, sql);
    k = cost(fx, small_org, "3302", &n, &count);
    assert_int_equal(count, want);
    print_message("# '3302' in an org of a few members: %ld k steps\n", k);
    assert_true(k < 50);
}

static void whole_district_count(void **state)
{
    struct tu_fixture *fx = *state;
    int n;
    int64_t count;
    long k = cost(fx, root_org, "13", &n, &count);
    assert_int_equal(n, 27);
    assert_true(count > UD_SEARCH_COUNT_CAP);
    print_message("# '13' over the whole district: %ld k steps\n", k);
    /* at this scale the planner's statistics keep it cheap either way
     * (29 k before, 73 k after the fix); at scale 1 they led the count
     * through the org index over all 380,000 members (0.8 s; 15 ms now),
     * measured with the demo there. A guard against a scan: */
    assert_true(k < 150);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(small_org_one_digit, setup, teardown),
        cmocka_unit_test_setup_teardown(whole_district_count, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
