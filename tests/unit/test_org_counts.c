/* The organizations' active-member counts (migration 0008) and the
 * tree: org_member_counts equals a GROUP BY after a bulk load, a demo,
 * member updates (organization, status), deletes and a rolled-back bulk
 * load, and `check` finds a wrong count; the tree (O(n) order and
 * roll-up over the counts) equals the former O(n^2) one over a GROUP BY,
 * kept here as the reference. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "testutil.h"
#include "uniondesk/demo.h"
#include "uniondesk/case_bulk.h"
#include "uniondesk/member.h"
#include "uniondesk/member_bulk.h"
#include "uniondesk/org.h"
#include "uniondesk/search_bulk.h"
#include "uniondesk/user.h"

static const char counts_differ[] =
    "SELECT count(*) FROM (SELECT org_id FROM ("
    " SELECT org_id, active AS k, 0 AS c FROM org_member_counts"
    " UNION ALL SELECT org_id, 0, count(*) FROM members WHERE status = 'active' GROUP BY org_id)"
    " GROUP BY org_id HAVING sum(k) <> sum(c))";

static void counts_equal_group_by(struct ud_db *db)
{
    assert_int_equal(tu_db_int(db, counts_differ), 0);
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_org_counts_check(db, NULL, NULL, &err), 0);
}

/* Members added in a bulk load are counted by its end, not by trigger. */
static void bulk_load_counts(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    tu_member(fx, "甲", "19800101", 1);
    OK(ud_db_begin(fx->db, &err));
    OK(ud_search_bulk_begin(fx->db, &err));
    tu_member(fx, "乙", "19800102", 3);
    tu_member(fx, "丙", "19800103", 5);
    assert_int_equal(tu_db_int(fx->db, "SELECT sum(active) FROM org_member_counts"), 1);
    OK(ud_search_bulk_end(fx->db, &err));
    OK(ud_db_commit(fx->db, &err));
    assert_int_equal(tu_db_int(fx->db, "SELECT sum(active) FROM org_member_counts"), 3);
    counts_equal_group_by(fx->db);
}

/* Counts through the module's writes: a move to another organization, a
 * status change and back, a delete. */
static void counts_follow_updates_and_deletes(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    int64_t a = tu_member(fx, "甲", "19800101", 1);
    int64_t b = tu_member(fx, "乙", "19800102", 3);
    tu_member(fx, "丙", "19800103", 5);
    counts_equal_group_by(fx->db);
    struct ud_member m;
    OK(ud_member_get(fx->db, a, &m, &err));
    m.org_id = fx->enterprise2;
    OK(ud_member_update(fx->db, &m, &err));
    counts_equal_group_by(fx->db);
    OK(ud_member_get(fx->db, b, &m, &err));
    snprintf(m.status, sizeof m.status, "withdrawn");
    OK(ud_member_update(fx->db, &m, &err));
    counts_equal_group_by(fx->db);
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT active FROM org_member_counts WHERE org_id = %lld", (long long)fx->enterprise);
    assert_int_equal(tu_db_int(fx->db, sql), 1);
    OK(ud_member_get(fx->db, b, &m, &err));
    snprintf(m.status, sizeof m.status, "active");
    m.org_id = fx->enterprise2;
    OK(ud_member_update(fx->db, &m, &err));
    counts_equal_group_by(fx->db);
    OK(ud_member_get(fx->db, a, &m, &err));
    OK(ud_member_delete(fx->db, a, m.version, &err));
    counts_equal_group_by(fx->db);
    snprintf(sql, sizeof sql, "SELECT active FROM org_member_counts WHERE org_id = %lld", (long long)fx->enterprise2);
    assert_int_equal(tu_db_int(fx->db, sql), 1);
    /* a count kept wrong is found */
    sqlite3_exec(fx->db->h, "UPDATE org_member_counts SET active = active + 1", NULL, NULL, NULL);
    ud_err_clear(&err);
    assert_true(ud_org_counts_check(fx->db, NULL, NULL, &err) > 0);
}

/* A bulk load rolled back leaves counts and index as they were. */
static void rolled_back_bulk_load_leaves_nothing(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    tu_member(fx, "甲", "19800101", 1);
    int64_t subs = tu_db_int(fx->db, "SELECT count(*) FROM member_subs");
    OK(ud_db_begin(fx->db, &err));
    OK(ud_search_bulk_begin(fx->db, &err));
    tu_member(fx, "乙", "19800102", 3);
    tu_member(fx, "丙", "19800103", 5);
    OK(ud_search_bulk_end(fx->db, &err));
    assert_true(tu_db_int(fx->db, "SELECT count(*) FROM member_subs") > subs);
    ud_db_rollback(fx->db);
    assert_int_equal(tu_db_int(fx->db, "SELECT count(*) FROM member_subs"), subs);
    assert_int_equal(tu_db_int(fx->db, "SELECT sum(active) FROM org_member_counts"), 1);
    counts_equal_group_by(fx->db);
}

/* The former tree: O(n^2) order and roll-up over a GROUP BY, kept here
 * as the reference. */
static int old_tree(struct ud_db *db, struct ud_org_node **out)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->h,
                           "SELECT o.id, coalesce(o.parent_id, 0), o.code, o.name, o.kind, o.status, "
                           "o.units_covered, coalesce(m.cnt, 0) FROM orgs o LEFT JOIN "
                           "(SELECT org_id, count(*) AS cnt FROM members WHERE status = 'active' "
                           "GROUP BY org_id) m ON m.org_id = o.id ORDER BY o.code",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    int n = 0, cap = 16;
    struct ud_org_node *flat = calloc((size_t)cap, sizeof *flat);
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (n == cap) {
            cap *= 2;
            flat = realloc(flat, sizeof *flat * (size_t)cap);
        }
        struct ud_org_node *nd = &flat[n++];
        memset(nd, 0, sizeof *nd);
        nd->id = sqlite3_column_int64(st, 0);
        nd->parent_id = sqlite3_column_int64(st, 1);
        snprintf(nd->code, sizeof nd->code, "%s", (const char *)sqlite3_column_text(st, 2));
        snprintf(nd->name, sizeof nd->name, "%s", (const char *)sqlite3_column_text(st, 3));
        snprintf(nd->kind, sizeof nd->kind, "%s", (const char *)sqlite3_column_text(st, 4));
        snprintf(nd->status, sizeof nd->status, "%s", (const char *)sqlite3_column_text(st, 5));
        nd->units_covered = sqlite3_column_int64(st, 6);
        nd->members = sqlite3_column_int64(st, 7);
    }
    sqlite3_finalize(st);
    struct ud_org_node *res = calloc((size_t)n + 1, sizeof *res);
    int *stack = calloc((size_t)n + 1, sizeof *stack);
    int m = 0, sp = 0;
    for (int i = n - 1; i >= 0; i--)
        if (flat[i].parent_id == 0)
            stack[sp++] = i;
    while (sp > 0 && m < n) {
        int i = stack[--sp];
        res[m] = flat[i];
        int depth = res[m].depth, cnt = 0;
        m++;
        for (int j = n - 1; j >= 0; j--)
            if (flat[j].parent_id == flat[i].id) {
                flat[j].depth = depth + 1;
                stack[sp++] = j;
                cnt++;
            }
        res[m - 1].children = cnt;
    }
    free(stack);
    free(flat);
    for (int i = 0; i < m; i++)
        res[i].members_total = res[i].members;
    for (int i = m - 1; i > 0; i--)
        for (int j = i - 1; j >= 0; j--)
            if (res[j].id == res[i].parent_id) {
                res[j].members_total += res[i].members_total;
                break;
            }
    *out = res;
    return m;
}

/* The bulk loads go into empty tables only: a members table holding a
 * row, a case_numbers table holding a year, are refused, nothing dropped. */
static void bulk_loads_refuse_filled_tables(void **state)
{
    struct tu_fixture *fx = *state;
    tu_member(fx, "张三", "19900101", 1);
    struct ud_err err;
    ud_err_clear(&err);
    int64_t indexes = tu_int(fx, "SELECT count(*) FROM sqlite_master WHERE type IN ('index', 'trigger')");
    OK(ud_db_begin(fx->db, &err));
    static struct ud_member_bulk mb;
    memset(&mb, 0, sizeof mb);
    assert_int_equal(ud_member_bulk_begin(fx->db, &mb, &err), UD_ERR_STATE);
    assert_non_null(strstr(err.msg, "空表"));
    ud_member_bulk_free(&mb);
    OK(ud_db_exec(fx->db, "INSERT INTO case_numbers(year, last) VALUES (2026, 1)", &err));
    struct ud_case_bulk cb;
    memset(&cb, 0, sizeof cb);
    ud_err_clear(&err);
    assert_int_equal(ud_case_bulk_begin(fx->db, &cb, &err), UD_ERR_STATE);
    assert_non_null(strstr(err.msg, "空表"));
    ud_case_bulk_free(&cb);
    ud_db_rollback(fx->db);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM sqlite_master WHERE type IN ('index', 'trigger')"), indexes);
}

static void demo_counts_and_tree(void **state)
{
    (void)state;
    char path[256];
    struct ud_db *db = tu_demo_db(path, sizeof path);
    struct ud_err err;
    ud_err_clear(&err);
    counts_equal_group_by(db);
    /* a member moved out of a leaf changes the totals up both paths */
    sqlite3_exec(db->h,
                 "UPDATE members SET status = 'deceased' WHERE id IN (SELECT id FROM members WHERE status = 'active' "
                 "ORDER BY id LIMIT 50); UPDATE members SET org_id = (SELECT max(org_id) FROM members) WHERE id % 97 = 1",
                 NULL, NULL, NULL);
    counts_equal_group_by(db);
    struct ud_org_node *now, *was = NULL;
    int n;
    OK(ud_org_tree(db, &now, &n, &err));
    int m = old_tree(db, &was);
    assert_int_equal(n, m);
    assert_true(n > 20);
    for (int i = 0; i < n; i++) {
        assert_int_equal(now[i].id, was[i].id);
        assert_int_equal(now[i].depth, was[i].depth);
        assert_int_equal(now[i].children, was[i].children);
        assert_int_equal(now[i].members, was[i].members);
        assert_int_equal(now[i].members_total, was[i].members_total);
        assert_string_equal(now[i].code, was[i].code);
    }
    free(now);
    free(was);
    ud_db_close(db);
    tu_remove_db(path);
}

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(bulk_load_counts, setup, teardown),
        cmocka_unit_test_setup_teardown(counts_follow_updates_and_deletes, setup, teardown),
        cmocka_unit_test_setup_teardown(rolled_back_bulk_load_leaves_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(bulk_loads_refuse_filled_tables, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test(demo_counts_and_tree),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
