/* Organizations: the tree's rules (kinds under kinds, no cycles, one
 * root), dissolving (refused while active sub-organizations remain, by
 * whatever path), member counts rolled up, and paging by a long name. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"
#include "uniondesk/org.h"
#include "uniondesk/training.h"

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

static int add(struct tu_fixture *fx, const char *code, const char *name, const char *kind, int64_t parent,
               struct ud_err *err)
{
    struct ud_org o;
    ud_org_init(&o);
    snprintf(o.code, sizeof o.code, "%s", code);
    snprintf(o.name, sizeof o.name, "%s", name);
    snprintf(o.kind, sizeof o.kind, "%s", kind);
    o.parent_id = parent ? parent : UD_NULL_INT;
    return ud_org_create(fx->db, &o, err);
}

static void kinds_stand_under_the_right_kinds(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    ud_err_clear(&err);
    /* a street federation under a community: refused, naming the parent */
    assert_int_equal(add(fx, "X1", "错挂街道", "street_federation", fx->community, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "parent"));
    ud_err_clear(&err);
    /* nothing under an enterprise union */
    assert_int_equal(add(fx, "X2", "子工会", "enterprise_union", fx->enterprise, &err), UD_ERR_INVALID);
    ud_err_clear(&err);
    /* a second district federation */
    assert_int_equal(add(fx, "X3", "另一个区总工会", "district_federation", 0, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "kind"));
    ud_err_clear(&err);
    assert_int_equal(add(fx, "X4", "霞浦街道总工会", "street_federation", fx->district, &err), UD_OK);
}

static void no_cycles(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_org street;
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_org_get(fx->db, fx->community, &street, &err), UD_OK);
    /* the community (under the street) may not take its own child… */
    struct ud_org c;
    assert_int_equal(ud_org_get(fx->db, fx->community, &c, &err), UD_OK);
    c.parent_id = fx->enterprise;
    assert_int_not_equal(ud_org_update(fx->db, &c, &err), UD_OK);
    assert_non_null(ud_err_find(&err, "parent"));
    /* …nor itself */
    ud_err_clear(&err);
    assert_int_equal(ud_org_get(fx->db, fx->community, &c, &err), UD_OK);
    c.parent_id = fx->community;
    assert_int_not_equal(ud_org_update(fx->db, &c, &err), UD_OK);
}

static void dissolving_checks_sub_organizations_by_every_path(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_org o;
    struct ud_err err;
    ud_err_clear(&err);
    /* the street has active sub-organizations: dissolve refuses… */
    assert_int_equal(ud_org_get(fx->db, fx->street, &o, &err), UD_OK);
    assert_int_equal(ud_org_dissolve(fx->db, o.id, o.version, &err), UD_ERR_STATE);
    /* …and so does an edit that sets the status (the form's path) */
    ud_err_clear(&err);
    assert_int_equal(ud_org_get(fx->db, fx->street, &o, &err), UD_OK);
    snprintf(o.status, sizeof o.status, "dissolved");
    assert_int_equal(ud_org_update(fx->db, &o, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "status"));
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM orgs WHERE status = 'dissolved'"), 0);
    /* a leaf may be dissolved */
    ud_err_clear(&err);
    assert_int_equal(ud_org_get(fx->db, fx->enterprise2, &o, &err), UD_OK);
    assert_int_equal(ud_org_dissolve(fx->db, o.id, o.version, &err), UD_OK);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM orgs WHERE status = 'dissolved'"), 1);
    /* clerks may not touch the tree */
    tu_login(fx, "clerk");
    ud_err_clear(&err);
    assert_int_equal(ud_org_get(fx->db, fx->enterprise, &o, &err), UD_OK);
    snprintf(o.chair, sizeof o.chair, "王主席");
    assert_int_equal(ud_org_update(fx->db, &o, &err), UD_ERR_PERM);
}

static void member_counts_roll_up(void **state)
{
    struct tu_fixture *fx = *state;
    tu_member(fx, "甲", "19800101", 1);
    tu_member(fx, "乙", "19800102", 3);
    tu_member(fx, "丙", "19800103", 5);
    struct ud_org_node *nodes;
    int n;
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_org_tree(fx->db, &nodes, &n, &err), UD_OK);
    assert_int_equal(n, 5);
    int64_t district = -1, street = -1, community = -1, enterprise = -1;
    for (int i = 0; i < n; i++) {
        if (nodes[i].id == fx->district)
            district = nodes[i].members_total;
        if (nodes[i].id == fx->street)
            street = nodes[i].members_total;
        if (nodes[i].id == fx->community)
            community = nodes[i].members_total;
        if (nodes[i].id == fx->enterprise)
            enterprise = nodes[i].members;
    }
    assert_int_equal(enterprise, 3);
    assert_int_equal(community, 3);
    assert_int_equal(street, 3);
    assert_int_equal(district, 3);
    assert_int_equal(nodes[0].id, fx->district); /* depth first, the root first */
    free(nodes);
}

/* A sort value longer than a list position could once hold repeated the
 * same page for ever: 56-character Chinese titles, 2 to a page. */
static void pages_by_a_long_title_move_on(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    ud_err_clear(&err);
    for (int i = 0; i < 5; i++) {
        struct ud_course c;
        ud_course_init(&c);
        snprintf(c.code, sizeof c.code, "K%d", i);
        char title[170] = ""; /* 55 three-byte characters */
        for (int k = 0; k < 55; k++)
            strcat(title, "职");
        snprintf(c.title, sizeof c.title, "%s%d", title, i);
        snprintf(c.category, sizeof c.category, "skills");
        snprintf(c.starts_on, sizeof c.starts_on, "2026-03-01");
        assert_int_equal(ud_course_create(fx->db, &c, &err), UD_OK);
    }
    struct ud_course rows[2];
    struct ud_cursor cur[2];
    int n;
    struct ud_page pg = {.limit = 2, .sort = "title"};
    char seen[8] = "";
    for (int page = 0; page < 3; page++) {
        assert_int_equal(ud_course_list(fx->db, NULL, &pg, rows, cur, &n, &err), UD_OK);
        for (int i = 0; i < n; i++)
            strncat(seen, rows[i].code + 1, 1);
        if (n)
            pg.after = cur[n - 1];
    }
    assert_string_equal(seen, "01234");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(kinds_stand_under_the_right_kinds, setup, teardown),
        cmocka_unit_test_setup_teardown(no_cycles, setup, teardown),
        cmocka_unit_test_setup_teardown(dissolving_checks_sub_organizations_by_every_path, setup, teardown),
        cmocka_unit_test_setup_teardown(member_counts_roll_up, setup, teardown),
        cmocka_unit_test_setup_teardown(pages_by_a_long_title_move_on, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
