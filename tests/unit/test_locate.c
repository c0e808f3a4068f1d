/* A saved record found wherever it sorts (issue 8, defect 2): each
 * module's *_locate gives the keyset cursor of a row under every sort key
 * and direction, so that a page fetched back from it and then forward
 * holds the row, right after the row before it; a row the filter leaves
 * out is "not in this list"; a search in the filter is ignored. Over a
 * small demo district (ties in names and dates included). */
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
#include "uniondesk/aid.h"
#include "uniondesk/demo.h"
#include "uniondesk/dispute.h"
#include "uniondesk/member.h"
#include "uniondesk/org.h"
#include "uniondesk/training.h"
#include "uniondesk/user.h"

static char path[256];
static struct ud_db *db;

static int setup(void **state)
{
    (void)state;
    setenv("UNIONDESK_TODAY", "2026-11-26", 1);
    snprintf(path, sizeof path, "%s/udlocate.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0)
        return -1;
    close(fd);
    unlink(path);
    struct ud_err err;
    ud_err_clear(&err);
    struct ud_demo_stats st;
    if (ud_db_open(&db, path, UD_OPEN_CREATE, &err) != UD_OK || ud_user_bootstrap(db, "admin", &err) != UD_OK ||
        ud_demo_generate(db, 0.01, 7, "2026-11-26", &st, &err) != UD_OK)
        return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    ud_db_close(db);
    tu_remove_db(path);
    return 0;
}

/* One module's list under test, over untyped rows. */
struct lister {
    const char *name;
    const char *ids_sql; /* a spread of row ids to locate */
    const struct ud_sort_key *keys;
    size_t row_size;
    int (*list)(const struct ud_page *pg, void *rows, struct ud_cursor *cur, int *n, struct ud_err *err);
    int (*locate)(const char *sort, int64_t id, struct ud_cursor *at, struct ud_err *err);
    int64_t (*row_id)(const void *row);
};

#define LISTER(P, T, F, list_fn, locate_fn)                                                                \
    static int P##_list(const struct ud_page *pg, void *rows, struct ud_cursor *cur, int *n,                \
                        struct ud_err *err)                                                                 \
    {                                                                                                       \
        F f;                                                                                                \
        memset(&f, 0, sizeof f);                                                                            \
        return list_fn(db, &f, pg, rows, cur, n, err);                                                      \
    }                                                                                                       \
    static int P##_locate(const char *sort, int64_t id, struct ud_cursor *at, struct ud_err *err)           \
    {                                                                                                       \
        F f;                                                                                                \
        memset(&f, 0, sizeof f);                                                                            \
        return locate_fn(db, &f, sort, id, at, err);                                                        \
    }                                                                                                       \
    static int64_t P##_id(const void *row)                                                                  \
    {                                                                                                       \
        return ((const T *)row)->id;                                                                        \
    }

LISTER(member, struct ud_member, struct ud_member_filter, ud_member_list, ud_member_locate)
LISTER(kase, struct ud_case, struct ud_case_filter, ud_case_list, ud_case_locate)
LISTER(grant, struct ud_aid_grant, struct ud_aid_grant_filter, ud_aid_grant_list, ud_aid_grant_locate)
LISTER(recipient, struct ud_aid_recipient, struct ud_aid_recipient_filter, ud_aid_recipient_list,
       ud_aid_recipient_locate)
LISTER(course, struct ud_course, struct ud_course_filter, ud_course_list, ud_course_locate)
LISTER(enrolment, struct ud_enrolment, struct ud_enrolment_filter, ud_enrolment_list, ud_enrolment_locate)
LISTER(org, struct ud_org, struct ud_org_filter, ud_org_list, ud_org_locate)

#define SPREAD(t) "SELECT id FROM " t " ORDER BY (id * 7919) % 1009, id LIMIT 12"
static const struct lister listers[] = {
    {"members", SPREAD("members"), ud_member_sort_keys, sizeof(struct ud_member), member_list, member_locate,
     member_id},
    {"cases", SPREAD("cases"), ud_case_sort_keys, sizeof(struct ud_case), kase_list, kase_locate, kase_id},
    {"grants", SPREAD("aid_grants"), ud_aid_grant_sort_keys, sizeof(struct ud_aid_grant), grant_list,
     grant_locate, grant_id},
    {"recipients", SPREAD("aid_recipients"), ud_aid_recipient_sort_keys, sizeof(struct ud_aid_recipient),
     recipient_list, recipient_locate, recipient_id},
    {"courses", SPREAD("courses"), ud_course_sort_keys, sizeof(struct ud_course), course_list, course_locate,
     course_id},
    {"enrolments", SPREAD("enrolments"), ud_enrolment_sort_keys, sizeof(struct ud_enrolment), enrolment_list,
     enrolment_locate, enrolment_id},
    {"orgs", SPREAD("orgs"), ud_org_sort_keys, sizeof(struct ud_org), org_list, org_locate, org_id},
};

static int ids_of(const char *sql, int64_t *ids, int max)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db->h, sql, -1, &st, NULL), SQLITE_OK);
    int n = 0;
    while (n < max && sqlite3_step(st) == SQLITE_ROW)
        ids[n++] = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

/* The window the screen makes: 3 rows back from the row's cursor, then
 * 10 forward from there; where the row is in it (-1: absent). Also: the
 * row is the first one after the row before it. */
static int window_pos(const struct lister *li, const char *sort, int desc, int64_t id)
{
    struct ud_cursor at, cur[16];
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(li->locate(sort, id, &at, &err), UD_OK);
    assert_true(at.valid);
    assert_true(at.id == id);
    char *rows = malloc(li->row_size * 16);
    assert_non_null(rows);
    struct ud_page pg;
    memset(&pg, 0, sizeof pg);
    pg.sort = sort;
    pg.desc = desc;
    pg.limit = 3;
    pg.backward = 1;
    pg.after = at;
    int n = 0;
    assert_int_equal(li->list(&pg, rows, cur, &n, &err), UD_OK);
    for (int i = 0; i < n; i++)
        assert_true(li->row_id(rows + (size_t)i * li->row_size) != id);
    struct ud_cursor anchor = n == 3 ? cur[0] : (struct ud_cursor){0}; /* fewer: the list starts the window */
    struct ud_cursor before = n > 0 ? cur[n - 1] : (struct ud_cursor){0};
    int back = n;
    pg.backward = 0;
    pg.limit = 10;
    pg.after = anchor;
    assert_int_equal(li->list(&pg, rows, cur, &n, &err), UD_OK);
    int pos = -1;
    for (int i = 0; i < n; i++)
        if (li->row_id(rows + (size_t)i * li->row_size) == id)
            pos = i;
    /* exactly after the row before it (the window starts the list when
     * there is none) */
    pg.limit = 1;
    pg.after = before;
    assert_int_equal(li->list(&pg, rows, cur, &n, &err), UD_OK);
    assert_int_equal(n, 1);
    assert_true(li->row_id(rows) == id);
    /* 3 rows back: the anchor is the first, the window starts after it */
    assert_int_equal(pos, back == 3 ? 2 : back);
    free(rows);
    return pos;
}

static void every_sort_and_direction(void **state)
{
    (void)state;
    for (size_t m = 0; m < sizeof listers / sizeof listers[0]; m++) {
        const struct lister *li = &listers[m];
        int64_t ids[12];
        int nids = ids_of(li->ids_sql, ids, 12);
        assert_true(nids >= 5); /* the demo has rows of every kind */
        int checked = 0;
        for (const struct ud_sort_key *k = li->keys; k->name; k++)
            for (int desc = 0; desc <= 1; desc++)
                for (int i = 0; i < nids; i++) {
                    int pos = window_pos(li, k->name, desc, ids[i]);
                    if (pos < 0)
                        fail_msg("%s sorted by %s%s: row %lld not in its window", li->name, k->name,
                                 desc ? " desc" : "", (long long)ids[i]);
                    checked++;
                }
        /* and the default sort (NULL) */
        for (int i = 0; i < nids; i++)
            assert_true(window_pos(li, NULL, 0, ids[i]) >= 0);
        print_message("%s: %d rows located\n", li->name, checked);
    }
}

/* The last member by name (after every other one, ties by id) is found
 * too: what a walk from the top could not do at scale. */
static void last_and_first_rows(void **state)
{
    (void)state;
    int64_t ids[2] = {0, 0};
    assert_int_equal(ids_of("SELECT id FROM members ORDER BY name DESC, id DESC LIMIT 1", ids, 1), 1);
    assert_true(window_pos(&listers[0], "name", 0, ids[0]) >= 0);
    assert_true(window_pos(&listers[0], "name", 1, ids[0]) == 0); /* first when descending */
    assert_int_equal(ids_of("SELECT id FROM cases ORDER BY case_no, id LIMIT 1", ids, 1), 1);
    assert_true(window_pos(&listers[1], "case_no", 0, ids[0]) == 0);
}

/* Outside the filter: not in this list. A search in the filter is not
 * the list's: ignored. */
static void filter_and_search(void **state)
{
    (void)state;
    struct ud_err err;
    struct ud_cursor at;
    int64_t ids[2] = {0, 0};
    ud_err_clear(&err);
    assert_int_equal(ids_of("SELECT id FROM members WHERE status = 'withdrawn' LIMIT 1", ids, 1), 1);
    struct ud_member_filter mf = {NULL, 0, "active", 0};
    assert_int_equal(ud_member_locate(db, &mf, "name", ids[0], &at, &err), UD_OK);
    assert_false(at.valid);
    mf.status = "withdrawn";
    mf.query = "不会匹配任何人";
    assert_int_equal(ud_member_locate(db, &mf, "name", ids[0], &at, &err), UD_OK);
    assert_true(at.valid);
    assert_true(at.id == ids[0]);

    assert_int_equal(ids_of("SELECT id FROM cases WHERE status = 'succeeded' LIMIT 1", ids, 1), 1);
    struct ud_case_filter cf;
    memset(&cf, 0, sizeof cf);
    cf.status = "failed";
    assert_int_equal(ud_case_locate(db, &cf, "case_no", ids[0], &at, &err), UD_OK);
    assert_false(at.valid);
    cf.status = "succeeded";
    assert_int_equal(ud_case_locate(db, &cf, "case_no", ids[0], &at, &err), UD_OK);
    assert_true(at.valid);
    /* gone: not in the list either */
    assert_int_equal(ud_member_locate(db, NULL, "name", 999999999, &at, &err), UD_OK);
    assert_false(at.valid);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_sort_and_direction),
        cmocka_unit_test(last_and_first_rows),
        cmocka_unit_test(filter_and_search),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
