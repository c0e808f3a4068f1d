/* Members: validation against the ID number, roles, optimistic
 * concurrency, audit rows, search. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"
#include "uniondesk/member.h"

static int setup(void **state)
{
    *state = tu_setup();
    return 0;
}

static int teardown(void **state)
{
    tu_teardown(*state);
    return 0;
}

static void create_derives_gender_and_birth(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t id = tu_member(fx, "张三丰", "19850312", 123); /* 123 odd: male */
    struct ud_member m;
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_member_get(fx->db, id, &m, &err), UD_OK);
    assert_string_equal(m.gender, "M");
    assert_string_equal(m.birth_date, "1985-03-12");
    assert_string_equal(m.org_name, "宁波港机械厂工会");
    assert_int_equal(m.version, 1);
}

static void gender_must_agree_with_id(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_member m;
    struct ud_err err;
    ud_err_clear(&err);
    ud_member_init(&m);
    snprintf(m.name, sizeof m.name, "李四");
    tu_id_number("19900101", 124, m.id_number); /* even: female */
    snprintf(m.gender, sizeof m.gender, "M");
    m.org_id = fx->enterprise;
    assert_int_equal(ud_member_create(fx->db, &m, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "gender"));
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM members"), 0);
}

static void member_must_be_in_an_enterprise_union(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_member m;
    struct ud_err err;
    ud_err_clear(&err);
    ud_member_init(&m);
    snprintf(m.name, sizeof m.name, "王五");
    tu_id_number("19900101", 125, m.id_number);
    m.org_id = fx->street;
    assert_int_equal(ud_member_create(fx->db, &m, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "org"));
}

static void duplicate_id_number_is_a_field_error(void **state)
{
    struct tu_fixture *fx = *state;
    tu_member(fx, "赵六", "19800505", 11);
    struct ud_member m;
    struct ud_err err;
    ud_err_clear(&err);
    ud_member_init(&m);
    snprintf(m.name, sizeof m.name, "赵六");
    tu_id_number("19800505", 11, m.id_number);
    m.org_id = fx->enterprise;
    assert_int_equal(ud_member_create(fx->db, &m, &err), UD_ERR_DUPLICATE);
    assert_non_null(ud_err_find(&err, "id_number"));
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM members"), 1);
}

static void stale_update_is_refused(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t id = tu_member(fx, "钱七", "19700707", 71);
    struct ud_member a, b;
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_member_get(fx->db, id, &a, &err), UD_OK);
    assert_int_equal(ud_member_get(fx->db, id, &b, &err), UD_OK);
    snprintf(a.phone, sizeof a.phone, "13800138000");
    assert_int_equal(ud_member_update(fx->db, &a, &err), UD_OK);
    assert_int_equal(a.version, 2);
    snprintf(b.phone, sizeof b.phone, "13900139000");
    assert_int_equal(ud_member_update(fx->db, &b, &err), UD_ERR_CONFLICT);
    struct ud_member now;
    assert_int_equal(ud_member_get(fx->db, id, &now, &err), UD_OK);
    assert_string_equal(now.phone, "13800138000");
}

static void audit_rows_for_insert_update_delete(void **state)
{
    struct tu_fixture *fx = *state;
    tu_login(fx, "clerk");
    int64_t id = tu_member(fx, "孙八", "19750808", 81);
    struct ud_member m;
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_member_get(fx->db, id, &m, &err), UD_OK);
    snprintf(m.job_title, sizeof m.job_title, "焊工");
    assert_int_equal(ud_member_update(fx->db, &m, &err), UD_OK);
    /* clerks may not delete members */
    assert_int_equal(ud_member_delete(fx->db, id, m.version, &err), UD_ERR_PERM);
    tu_login(fx, "officer");
    ud_err_clear(&err);
    assert_int_equal(ud_member_delete(fx->db, id, m.version, &err), UD_OK);
    assert_int_equal(tu_audit_count(fx, "members", "insert"), 1);
    assert_int_equal(tu_audit_count(fx, "members", "update"), 1);
    assert_int_equal(tu_audit_count(fx, "members", "delete"), 1);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM audit_log WHERE tbl='members' AND action='insert' AND login='clerk'"), 1);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM audit_log WHERE tbl='members' AND action='delete' AND login='officer'"
                                " AND json_extract(before_json, '$.name') = '孙八'"), 1);
    assert_int_equal(tu_audit_states(fx, "tbl='members' AND action='update'",
                                     "json_extract(before_json, '$.job_title') IS NULL"
                                     " AND json_extract(after_json, '$.job_title') = '焊工'"), 1);
}

static void no_account_is_read_only(void **state)
{
    struct tu_fixture *fx = *state;
    tu_login(fx, "stranger");
    struct ud_member m;
    struct ud_err err;
    ud_err_clear(&err);
    ud_member_init(&m);
    snprintf(m.name, sizeof m.name, "周九");
    tu_id_number("19600101", 91, m.id_number);
    m.org_id = fx->enterprise;
    assert_int_equal(ud_member_create(fx->db, &m, &err), UD_ERR_PERM);
}

static void search_by_name_prefix_id_and_phone(void **state)
{
    struct tu_fixture *fx = *state;
    tu_member(fx, "王建国", "19800101", 1);
    tu_member(fx, "王建华", "19810101", 3);
    tu_member(fx, "王芳", "19820101", 2);
    int64_t li = tu_member(fx, "李建国", "19830101", 5);
    struct ud_member m;
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_member_get(fx->db, li, &m, &err), UD_OK);
    snprintf(m.phone, sizeof m.phone, "13305740001");
    assert_int_equal(ud_member_update(fx->db, &m, &err), UD_OK);

    struct ud_member rows[10];
    struct ud_cursor cur[10];
    int n;
    struct ud_page pg = {.limit = 10};
    struct ud_member_filter f = {.query = "王建"};
    assert_int_equal(ud_member_list(fx->db, &f, &pg, rows, cur, &n, &err), UD_OK);
    assert_int_equal(n, 2);
    assert_string_equal(rows[0].name, "王建华"); /* code point order */
    assert_string_equal(rows[1].name, "王建国");
    f.query = "3302061983";
    assert_int_equal(ud_member_list(fx->db, &f, &pg, rows, cur, &n, &err), UD_OK);
    assert_int_equal(n, 1);
    assert_string_equal(rows[0].name, "李建国");
    f.query = "1330574";
    assert_int_equal(ud_member_list(fx->db, &f, &pg, rows, cur, &n, &err), UD_OK);
    assert_int_equal(n, 1);
    assert_string_equal(rows[0].name, "李建国");
    int64_t count;
    f.query = "王";
    assert_int_equal(ud_member_count(fx->db, &f, &count, &err), UD_OK);
    assert_int_equal(count, 3);
}

static void keyset_pages_walk_forward_and_back(void **state)
{
    struct tu_fixture *fx = *state;
    char name[32];
    for (int i = 0; i < 25; i++) {
        snprintf(name, sizeof name, "会员%02d", i);
        tu_member(fx, name, "19900101", 2 * i + 1);
    }
    struct ud_member rows[10];
    struct ud_cursor cur[10];
    int n;
    struct ud_err err;
    ud_err_clear(&err);
    struct ud_page pg = {.limit = 10, .sort = "name"};
    assert_int_equal(ud_member_list(fx->db, NULL, &pg, rows, cur, &n, &err), UD_OK);
    assert_int_equal(n, 10);
    assert_string_equal(rows[0].name, "会员00");
    pg.after = cur[9];
    assert_int_equal(ud_member_list(fx->db, NULL, &pg, rows, cur, &n, &err), UD_OK);
    assert_string_equal(rows[0].name, "会员10");
    pg.after = cur[9];
    assert_int_equal(ud_member_list(fx->db, NULL, &pg, rows, cur, &n, &err), UD_OK);
    assert_int_equal(n, 5);
    assert_string_equal(rows[4].name, "会员24");
    /* back from the first row of the last page */
    pg.after = cur[0];
    pg.backward = 1;
    assert_int_equal(ud_member_list(fx->db, NULL, &pg, rows, cur, &n, &err), UD_OK);
    assert_int_equal(n, 10);
    assert_string_equal(rows[0].name, "会员10");
    assert_string_equal(rows[9].name, "会员19");
    /* End: backward without a cursor gives the last page in order */
    pg.after.valid = 0;
    assert_int_equal(ud_member_list(fx->db, NULL, &pg, rows, cur, &n, &err), UD_OK);
    assert_string_equal(rows[9].name, "会员24");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(create_derives_gender_and_birth, setup, teardown),
        cmocka_unit_test_setup_teardown(gender_must_agree_with_id, setup, teardown),
        cmocka_unit_test_setup_teardown(member_must_be_in_an_enterprise_union, setup, teardown),
        cmocka_unit_test_setup_teardown(duplicate_id_number_is_a_field_error, setup, teardown),
        cmocka_unit_test_setup_teardown(stale_update_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(audit_rows_for_insert_update_delete, setup, teardown),
        cmocka_unit_test_setup_teardown(no_account_is_read_only, setup, teardown),
        cmocka_unit_test_setup_teardown(search_by_name_prefix_id_and_phone, setup, teardown),
        cmocka_unit_test_setup_teardown(keyset_pages_walk_forward_and_back, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
