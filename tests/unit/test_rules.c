/* Rules the screens ask the modules for instead of keeping copies: who
 * may do what (ud_may, the same check the writes make), what a status
 * move takes, the employer a union stands for. */
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
#include "uniondesk/may.h"
#include "uniondesk/member.h"

/* ud_may answers as the module's own write does: a clerk may add a
 * member but not delete one; the officer may delete; no account may do
 * neither. */
static void may_agrees_with_the_modules_checks(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    int64_t id = tu_member(fx, "李四", "19800101", 11);
    struct ud_member m;
    ud_err_clear(&err);
    assert_int_equal(ud_member_get(fx->db, id, &m, &err), UD_OK);

    tu_login(fx, "clerk");
    ud_err_clear(&err);
    assert_int_equal(ud_may(fx->db, UD_ACT_MEMBER_WRITE, &err), UD_OK);
    ud_err_clear(&err);
    assert_int_equal(ud_may(fx->db, UD_ACT_MEMBER_DELETE, &err), UD_ERR_PERM);
    ud_err_clear(&err);
    assert_int_equal(ud_member_delete(fx->db, id, m.version, &err), UD_ERR_PERM);
    ud_err_clear(&err);
    assert_int_equal(ud_may(fx->db, UD_ACT_CASE_REOPEN, &err), UD_ERR_PERM);

    tu_login(fx, "nobody");
    ud_err_clear(&err);
    assert_int_equal(ud_may(fx->db, UD_ACT_MEMBER_WRITE, &err), UD_ERR_PERM);
    assert_non_null(strstr(err.msg, "没有账户"));
    ud_err_clear(&err);
    assert_int_equal(ud_may(fx->db, UD_ACT_VIEW, &err), UD_OK);

    tu_login(fx, "officer");
    ud_err_clear(&err);
    assert_int_equal(ud_may(fx->db, UD_ACT_MEMBER_DELETE, &err), UD_OK);
    ud_err_clear(&err);
    assert_int_equal(ud_may(fx->db, UD_ACT_ORG_WRITE, &err), UD_ERR_PERM);
    ud_err_clear(&err);
    assert_int_equal(ud_member_delete(fx->db, id, m.version, &err), UD_OK);
}

/* Every action has a role, and deleting never needs less than writing. */
static void every_action_has_a_role(void **state)
{
    (void)state;
    for (int a = 0; a < UD_ACT_COUNT; a++)
        assert_true(ud_act_role((enum ud_act)a) <= UD_ROLE_ADMIN);
    assert_int_equal(ud_act_role(UD_ACT_VIEW), UD_ROLE_NONE);
    assert_true(ud_act_role(UD_ACT_MEMBER_DELETE) >= ud_act_role(UD_ACT_MEMBER_WRITE));
    assert_true(ud_act_role(UD_ACT_CASE_DELETE) >= ud_act_role(UD_ACT_CASE_WRITE));
    assert_true(ud_act_role(UD_ACT_COURSE_DELETE) >= ud_act_role(UD_ACT_COURSE_WRITE));
    assert_int_equal(ud_act_role(UD_ACT_COUNT), UD_ROLE_ADMIN);
}

/* What each move asks for, against DESIGN.md's statuses. */
static void what_a_move_takes(void **state)
{
    (void)state;
    assert_int_equal(ud_case_move_needs("filed"), UD_MOVE_DATE);
    assert_int_equal(ud_case_move_needs("mediating"), 0);
    assert_int_equal(ud_case_move_needs("succeeded"),
                     UD_MOVE_DATE | UD_MOVE_AGREED | UD_MOVE_OUTCOME | UD_MOVE_AGREEMENT);
    assert_int_equal(ud_case_move_needs("failed"), UD_MOVE_DATE | UD_MOVE_OUTCOME | UD_MOVE_REFERRED);
    assert_int_equal(ud_case_move_needs("withdrawn"), UD_MOVE_DATE | UD_MOVE_OUTCOME);
    assert_int_equal(ud_case_move_needs("not_accepted"), UD_MOVE_DATE | UD_MOVE_OUTCOME);
    assert_string_equal(ud_case_move_date_field("filed"), "filed_on");
    assert_string_equal(ud_case_move_date_field("failed"), "closed_on");
    assert_null(ud_case_move_date_field("mediating"));
    assert_null(ud_case_move_date_field("received"));
    const char *terminal[] = {"succeeded", "failed", "withdrawn", "not_accepted"};
    const char *open[] = {"received", "filed", "mediating"};
    for (int i = 0; i < 4; i++)
        assert_true(ud_case_is_terminal(terminal[i]));
    for (int i = 0; i < 3; i++)
        assert_false(ud_case_is_terminal(open[i]));
}

/* A closed case's moves: none from a terminal status, which is what the
 * screen's status key says. */
static void terminal_statuses_have_no_moves(void **state)
{
    (void)state;
    const char *to[8];
    const char *all[] = {"received", "filed", "mediating", "succeeded", "failed", "withdrawn", "not_accepted"};
    for (int i = 0; i < 7; i++)
        assert_int_equal(ud_case_allowed_moves(all[i], to, 8) == 0, ud_case_is_terminal(all[i]));
}

static void employer_of_a_union(void **state)
{
    (void)state;
    char out[200];
    ud_case_employer_of_union("宁波旭越电器有限公司工会", out, sizeof out);
    assert_string_equal(out, "宁波旭越电器有限公司");
    ud_case_employer_of_union("宁波港机械厂", out, sizeof out);
    assert_string_equal(out, "宁波港机械厂");
    ud_case_employer_of_union("工会", out, sizeof out); /* nothing before it: kept whole */
    assert_string_equal(out, "工会");
    char small[7];
    ud_case_employer_of_union("宁波港工会", small, sizeof small);
    assert_string_equal(small, "宁波");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(may_agrees_with_the_modules_checks, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test(every_action_has_a_role),
        cmocka_unit_test(what_a_move_takes),
        cmocka_unit_test(terminal_statuses_have_no_moves),
        cmocka_unit_test(employer_of_a_union),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
