/* The mediator pick list's names (ud_case_mediators): users and earlier
 * mediators, each once, most used first, filtered by a fragment. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"
#include "uniondesk/dispute.h"
#include "uniondesk/i18n.h"
#include "uniondesk/user.h"

static void mediated_by(struct tu_fixture *fx, const char *mediator, int times)
{
    struct ud_err err;
    for (int i = 0; i < times; i++) {
        struct ud_case c;
        ud_case_init(&c);
        c.mediation_org_id = fx->district;
        snprintf(c.received_on, sizeof c.received_on, "2026-11-01");
        snprintf(c.dispute_type, sizeof c.dispute_type, "wages");
        snprintf(c.applicant_name, sizeof c.applicant_name, "申请人");
        snprintf(c.mediator, sizeof c.mediator, "%s", mediator);
        OK(ud_case_create(fx->db, &c, &err));
    }
}

static int find(const struct ud_mediator *rows, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(rows[i].name, name) == 0)
            return i;
    return -1;
}

static void users_and_earlier_mediators_most_used_first(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    mediated_by(fx, "杨俊健", 2);
    mediated_by(fx, "李燕蓉", 3);
    mediated_by(fx, "Wang Li", 1);
    mediated_by(fx, "李主管", 1); /* a user who has mediated: one row */
    mediated_by(fx, "", 2);       /* no mediator: not a name */
    /* an inactive user is not offered */
    struct ud_user u;
    ud_user_init(&u);
    OK(ud_user_set_fields(fx->db, &u, "gone", "离职者", "clerk", &err));
    OK(ud_user_create(fx->db, &u, &err));
    u.active = 0;
    OK(ud_user_update(fx->db, &u, &err));

    struct ud_mediator rows[32];
    int n;
    OK(ud_case_mediators(fx->db, NULL, rows, 32, &n, &err));
    /* 4 mediators + admin, 王办事 (李主管 counted once) */
    assert_int_equal(n, 6);
    assert_string_equal(rows[0].name, "李燕蓉");
    assert_int_equal(rows[0].cases, 3);
    assert_int_equal(rows[0].is_user, 0);
    assert_string_equal(rows[1].name, "杨俊健");
    assert_int_equal(rows[1].cases, 2);
    /* 1 case each: the user first */
    assert_string_equal(rows[2].name, "李主管");
    assert_int_equal(rows[2].cases, 1);
    assert_int_equal(rows[2].is_user, 1);
    assert_string_equal(rows[3].name, "Wang Li");
    for (int i = 1; i < n; i++)
        assert_true(rows[i - 1].cases >= rows[i].cases);
    int k = find(rows, n, "王办事");
    assert_true(k >= 4);
    assert_int_equal(rows[k].is_user, 1);
    assert_int_equal(rows[k].cases, 0);
    assert_true(find(rows, n, "admin") >= 4); /* no display name: the login */
    assert_int_equal(find(rows, n, "离职者"), -1);
    assert_int_equal(find(rows, n, ""), -1);

    /* a fragment anywhere in the name; ASCII case ignored; spaces trimmed */
    OK(ud_case_mediators(fx->db, "燕", rows, 32, &n, &err));
    assert_int_equal(n, 1);
    assert_string_equal(rows[0].name, "李燕蓉");
    OK(ud_case_mediators(fx->db, " 李 ", rows, 32, &n, &err));
    assert_int_equal(n, 2);
    assert_string_equal(rows[0].name, "李燕蓉");
    assert_string_equal(rows[1].name, "李主管");
    OK(ud_case_mediators(fx->db, "wang", rows, 32, &n, &err));
    assert_int_equal(n, 1);
    assert_string_equal(rows[0].name, "Wang Li");
    OK(ud_case_mediators(fx->db, "无此人", rows, 32, &n, &err));
    assert_int_equal(n, 0);
    /* max bounds the rows; a read-only user may read */
    tu_login(fx, "stranger");
    OK(ud_case_mediators(fx->db, "", rows, 2, &n, &err));
    assert_int_equal(n, 2);
    assert_string_equal(rows[1].name, "杨俊健");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(users_and_earlier_mediators_most_used_first, tu_setup_zh, tu_teardown_zh),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
