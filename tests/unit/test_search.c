/* Fragment search in the module lists (issue 8, section 2): any part of a
 * name, runs of phone and ID digits, exact → prefix → the rest, keyset
 * pages across the groups, and the index following every write —
 * update, delete and a rolled-back create included. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"
#include "uniondesk/aid.h"
#include "uniondesk/member.h"
#include "uniondesk/search_bulk.h"
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

static int64_t member_with_phone(struct tu_fixture *fx, const char *name, const char *birth, int seq,
                                 const char *phone)
{
    int64_t id = tu_member(fx, name, birth, seq);
    struct ud_member m;
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_member_get(fx->db, id, &m, &err), UD_OK);
    snprintf(m.phone, sizeof m.phone, "%s", phone);
    assert_int_equal(ud_member_update(fx->db, &m, &err), UD_OK);
    return id;
}

/* The ids a search lists, in order, in pages of `page` rows; n = how many. */
static int search(struct tu_fixture *fx, const char *text, int page, int64_t *ids, int max)
{
    struct ud_member_filter f = {text, 0, NULL, 0};
    struct ud_page pg = {0};
    struct ud_member rows[8];
    struct ud_cursor cur[8];
    struct ud_err err;
    int total = 0;
    pg.limit = page;
    for (;;) {
        int n = 0;
        ud_err_clear(&err);
        assert_int_equal(ud_member_list(fx->db, &f, &pg, rows, cur, &n, &err), UD_OK);
        for (int i = 0; i < n && total < max; i++)
            ids[total++] = rows[i].id;
        if (n < page)
            break;
        pg.after = cur[n - 1];
    }
    return total;
}

static int64_t count(struct tu_fixture *fx, const char *text)
{
    struct ud_member_filter f = {text, 0, NULL, 0};
    int64_t c = -1;
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_member_count(fx->db, &f, &c, &err), UD_OK);
    return c;
}

struct people {
    int64_t zhang, wang, weiming, wei, li;
};

static void add_people(struct tu_fixture *fx, struct people *p)
{
    p->zhang = member_with_phone(fx, "张伟宇", "19761126", 79, "13735595737");
    p->wang = member_with_phone(fx, "王伟", "19800101", 11, "18821410299");
    p->weiming = member_with_phone(fx, "伟明", "19900101", 13, "15912345678");
    p->wei = member_with_phone(fx, "伟", "19910101", 15, "13919910101");
    p->li = member_with_phone(fx, "李建国", "19700101", 17, "13611113333");
}

static void any_part_of_a_name(void **state)
{
    struct tu_fixture *fx = *state;
    struct people p;
    add_people(fx, &p);
    int64_t ids[16];
    /* exact, then prefix, then the rest (in member order) */
    assert_int_equal(search(fx, "伟", 50, ids, 16), 4);
    assert_int_equal(ids[0], p.wei);
    assert_int_equal(ids[1], p.weiming);
    assert_int_equal(ids[2], p.zhang);
    assert_int_equal(ids[3], p.wang);
    assert_int_equal(count(fx, "伟"), 4);
    /* a given name, and three characters */
    assert_int_equal(search(fx, "建国", 50, ids, 16), 1);
    assert_int_equal(ids[0], p.li);
    assert_int_equal(search(fx, "伟宇", 50, ids, 16), 1);
    assert_int_equal(ids[0], p.zhang);
    assert_int_equal(search(fx, "张伟宇", 50, ids, 16), 1);
    assert_int_equal(search(fx, "李伟", 50, ids, 16), 0);
    assert_int_equal(count(fx, "李伟"), 0);
}

static void runs_of_digits(void **state)
{
    struct tu_fixture *fx = *state;
    struct people p;
    add_people(fx, &p);
    int64_t ids[16];
    char idn[19];
    assert_int_equal(search(fx, "5737", 50, ids, 16), 1); /* the phone's last four */
    assert_int_equal(ids[0], p.zhang);
    assert_int_equal(search(fx, "355", 50, ids, 16), 1); /* three from its middle */
    assert_int_equal(ids[0], p.zhang);
    assert_int_equal(search(fx, "19761126", 50, ids, 16), 1); /* the birth date */
    assert_int_equal(ids[0], p.zhang);
    tu_id_number("19761126", 79, idn);
    assert_int_equal(search(fx, idn + 14, 50, ids, 16), 1); /* the ID number's tail */
    assert_int_equal(ids[0], p.zhang);
    assert_int_equal(search(fx, idn + 3, 50, ids, 16), 1); /* a run longer than a key */
    assert_int_equal(search(fx, idn, 50, ids, 16), 1);    /* the whole number: a prefix */
    /* two digits are no run of a phone; an ID number's 3 are no run of it either */
    assert_int_equal(search(fx, "57", 50, ids, 16), 0);
    assert_int_equal(search(fx, "126", 50, ids, 16), 0);
    /* a run found twice in one member (its phone and its ID number) lists it once */
    assert_int_equal(search(fx, "19910101", 50, ids, 16), 1);
    assert_int_equal(ids[0], p.wei);
    assert_int_equal(count(fx, "19910101"), 1);
    assert_int_equal(search(fx, "9101", 50, ids, 16), 1);
    /* a member without a phone is found by a run of the ID number */
    int64_t nophone = tu_member(fx, "赵无电", "19650707", 31);
    assert_int_equal(search(fx, "19650707", 50, ids, 16), 1);
    assert_int_equal(ids[0], nophone);
}

static void pages_cross_the_groups(void **state)
{
    struct tu_fixture *fx = *state;
    struct people p;
    add_people(fx, &p);
    int64_t one[16], paged[16];
    int n = search(fx, "伟", 50, one, 16);
    for (int page = 1; page <= 3; page++) {
        assert_int_equal(search(fx, "伟", page, paged, 16), n);
        assert_memory_equal(one, paged, sizeof one[0] * (size_t)n);
    }
    /* backward from the last row gives the rows before it, in order */
    struct ud_member_filter f = {"伟", 0, NULL, 0};
    struct ud_page pg = {0};
    struct ud_member rows[8];
    struct ud_cursor cur[8];
    struct ud_err err;
    int got = 0;
    ud_err_clear(&err);
    pg.limit = 8;
    assert_int_equal(ud_member_list(fx->db, &f, &pg, rows, cur, &got, &err), UD_OK);
    pg.after = cur[got - 1];
    pg.backward = 1;
    int back = 0;
    assert_int_equal(ud_member_list(fx->db, &f, &pg, rows, cur, &back, &err), UD_OK);
    assert_int_equal(back, n - 1);
    for (int i = 0; i < back; i++)
        assert_int_equal(rows[i].id, one[i]);
}

static void the_index_follows_every_write(void **state)
{
    struct tu_fixture *fx = *state;
    struct people p;
    add_people(fx, &p);
    int64_t ids[16];
    struct ud_member m;
    struct ud_err err;
    ud_err_clear(&err);
    /* update: the old name's pieces go, the new one's come */
    assert_int_equal(ud_member_get(fx->db, p.li, &m, &err), UD_OK);
    snprintf(m.name, sizeof m.name, "李建华");
    snprintf(m.phone, sizeof m.phone, "13622224444");
    assert_int_equal(ud_member_update(fx->db, &m, &err), UD_OK);
    assert_int_equal(search(fx, "建国", 50, ids, 16), 0);
    assert_int_equal(search(fx, "建华", 50, ids, 16), 1);
    assert_int_equal(search(fx, "3333", 50, ids, 16), 0);
    assert_int_equal(search(fx, "4444", 50, ids, 16), 1);
    /* delete */
    assert_int_equal(ud_member_delete(fx->db, p.li, m.version, &err), UD_OK);
    assert_int_equal(search(fx, "建华", 50, ids, 16), 0);
    assert_int_equal(search(fx, "4444", 50, ids, 16), 0);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM member_grams WHERE member_id NOT IN (SELECT id FROM members)"), 0);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM member_subs WHERE member_id NOT IN (SELECT id FROM members)"), 0);
    /* a create rolled back with its transaction leaves nothing behind */
    int64_t grams = tu_int(fx, "SELECT count(*) FROM member_grams");
    int64_t subs = tu_int(fx, "SELECT count(*) FROM member_subs");
    assert_int_equal(ud_db_begin(fx->db, &err), UD_OK);
    tu_member(fx, "欧阳淼", "19850505", 21);
    assert_int_equal(search(fx, "欧阳淼", 50, ids, 16), 1); /* seen inside the transaction */
    ud_db_rollback(fx->db);
    assert_int_equal(search(fx, "欧阳淼", 50, ids, 16), 0);
    assert_int_equal(search(fx, "阳", 50, ids, 16), 0);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM member_grams"), grams);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM member_subs"), subs);
}

/* Index rows no trigger wrote nor lacks: 0 when the member index is
 * exactly what the members say. */
static int64_t index_wrong(struct tu_fixture *fx)
{
    static const char subs[] =
        "SELECT 'p' || substr(phone, n, 8), id, n FROM members JOIN search_pos ON n BETWEEN 2 AND length(phone) - 2"
        " UNION ALL SELECT 'i' || substr(id_number, n, 8), id, 100 + n FROM members"
        " JOIN search_pos ON n BETWEEN 2 AND length(id_number) - 3";
    static const char grams[] =
        "SELECT substr(name, n, 1), id FROM members JOIN search_pos ON n <= length(name)"
        " UNION SELECT substr(name, n, 2), id FROM members JOIN search_pos ON n < length(name)";
    char sql[2048];
    snprintf(sql, sizeof sql,
             "SELECT (SELECT count(*) FROM (SELECT * FROM member_subs EXCEPT SELECT * FROM (%s)))"
             " + (SELECT count(*) FROM (SELECT * FROM (%s) EXCEPT SELECT * FROM member_subs))"
             " + abs((SELECT count(*) FROM member_subs) - (SELECT count(*) FROM (%s)))"
             " + (SELECT count(*) FROM (SELECT * FROM member_grams EXCEPT SELECT * FROM (%s)))"
             " + (SELECT count(*) FROM (SELECT * FROM (%s) EXCEPT SELECT * FROM member_grams))",
             subs, subs, subs, grams, grams);
    return tu_int(fx, sql);
}

/* A bulk load (search_bulk.h) indexes its new rows at its end; old rows'
 * updates stay immediate; it cannot commit unfinished, and every way out
 * of it leaves the triggers indexing at once again. */
static void a_bulk_load_indexes_at_its_end(void **state)
{
    struct tu_fixture *fx = *state;
    struct people p;
    add_people(fx, &p);
    int64_t ids[16];
    struct ud_member m;
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(index_wrong(fx), 0);
    int64_t members = tu_int(fx, "SELECT count(*) FROM members");
    /* not finished: the commit is refused and undoes all of it */
    assert_int_equal(ud_db_begin(fx->db, &err), UD_OK);
    assert_int_equal(ud_search_bulk_begin(fx->db, &err), UD_OK);
    tu_member(fx, "欧阳淼", "19850505", 21);
    assert_int_equal(search(fx, "阳淼", 50, ids, 16), 0); /* not indexed yet (a prefix would be found by the name) */
    assert_int_equal(ud_member_get(fx->db, p.li, &m, &err), UD_OK);
    snprintf(m.name, sizeof m.name, "李建华");
    assert_int_equal(ud_member_update(fx->db, &m, &err), UD_OK);
    assert_int_equal(search(fx, "建华", 50, ids, 16), 1); /* an old row: at once */
    assert_int_equal(ud_db_commit(fx->db, &err), UD_ERR_INTERNAL);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM members"), members);
    assert_int_equal(search(fx, "建华", 50, ids, 16), 0);
    assert_int_equal(index_wrong(fx), 0);
    /* rolled back: the next write is indexed at once */
    assert_int_equal(ud_db_begin(fx->db, &err), UD_OK);
    assert_int_equal(ud_search_bulk_begin(fx->db, &err), UD_OK);
    ud_db_rollback(fx->db);
    tu_member(fx, "司马懿", "19850505", 23);
    assert_int_equal(search(fx, "司马懿", 50, ids, 16), 1);
    /* finished: new rows (one updated, one deleted inside it) indexed as they end up */
    assert_int_equal(ud_db_begin(fx->db, &err), UD_OK);
    assert_int_equal(ud_search_bulk_begin(fx->db, &err), UD_OK);
    int64_t ouyang = member_with_phone(fx, "欧阳淼", "19850505", 21, "17755556666");
    int64_t gone = tu_member(fx, "诸葛亮", "19850505", 25);
    assert_int_equal(ud_member_get(fx->db, gone, &m, &err), UD_OK);
    assert_int_equal(ud_member_delete(fx->db, gone, m.version, &err), UD_OK);
    assert_int_equal(ud_member_get(fx->db, p.wang, &m, &err), UD_OK);
    assert_int_equal(ud_member_delete(fx->db, p.wang, m.version, &err), UD_OK);
    assert_int_equal(ud_search_bulk_end(fx->db, &err), UD_OK);
    assert_int_equal(ud_db_commit(fx->db, &err), UD_OK);
    assert_int_equal(search(fx, "阳淼", 50, ids, 16), 1);
    assert_true(ids[0] == ouyang);
    assert_int_equal(search(fx, "5556", 50, ids, 16), 1);
    assert_int_equal(search(fx, "诸葛", 50, ids, 16), 0);
    assert_int_equal(search(fx, "王伟", 50, ids, 16), 0);
    assert_int_equal(index_wrong(fx), 0);
    tu_member(fx, "孙权", "19850505", 27);
    assert_int_equal(search(fx, "孙权", 50, ids, 16), 1);
}

static void exec_sql(struct tu_fixture *fx, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(fx->db->h, sql, NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("%s: %s", sql, msg ? msg : "?");
}

/* Grants and enrolments are found by their member, the same way. */
static void grants_and_enrolments_by_the_member(void **state)
{
    struct tu_fixture *fx = *state;
    struct people p;
    add_people(fx, &p);
    exec_sql(fx, "INSERT INTO aid_recipients(member_id, hardship_level, hardship_category, registered_on)"
                 " SELECT id, 'general', 'low_income', '2024-12-01' FROM members");
    exec_sql(fx, "INSERT INTO aid_grants(recipient_id, program, amount_fen, granted_on, status)"
                 " SELECT id, 'send_warmth', 50000, '2025-01-10', 'proposed' FROM aid_recipients");
    exec_sql(fx, "INSERT INTO courses(code, title, category, starts_on) VALUES ('T1', '劳动法', 'cadre_intro', '2026-05-01')");
    exec_sql(fx, "INSERT INTO enrolments(course_id, member_id, enrolled_on)"
                 " SELECT (SELECT id FROM courses), id, '2026-04-01' FROM members");
    const char *frags[] = {"伟", "建国", "5737", "19761126", "355"};
    const int want[] = {4, 1, 1, 1, 1};
    for (int i = 0; i < 5; i++) {
        struct ud_err err;
        ud_err_clear(&err);
        struct ud_aid_grant_filter gf = {0};
        gf.query = frags[i];
        struct ud_aid_grant g[8];
        struct ud_cursor cur[8];
        struct ud_page pg = {0};
        pg.limit = 8;
        int n = -1;
        int64_t c = -1, sum = -1;
        assert_int_equal(ud_aid_grant_list(fx->db, &gf, &pg, g, cur, &n, &err), UD_OK);
        assert_int_equal(n, want[i]);
        assert_int_equal(ud_aid_grant_count(fx->db, &gf, &c, &err), UD_OK);
        assert_int_equal(c, want[i]);
        assert_int_equal(ud_aid_grant_sum(fx->db, &gf, &c, &sum, &err), UD_OK); /* the header's total agrees */
        assert_int_equal(c, want[i]);
        assert_int_equal(sum, 50000 * want[i]);
        struct ud_enrolment_filter ef = {0, 0, frags[i]};
        struct ud_enrolment e[8];
        n = -1;
        assert_int_equal(ud_enrolment_list(fx->db, &ef, &pg, e, cur, &n, &err), UD_OK);
        assert_int_equal(n, want[i]);
        assert_int_equal(ud_enrolment_count(fx->db, &ef, &c, &err), UD_OK);
        assert_int_equal(c, want[i]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(any_part_of_a_name, setup, teardown),
        cmocka_unit_test_setup_teardown(runs_of_digits, setup, teardown),
        cmocka_unit_test_setup_teardown(pages_cross_the_groups, setup, teardown),
        cmocka_unit_test_setup_teardown(the_index_follows_every_write, setup, teardown),
        cmocka_unit_test_setup_teardown(grants_and_enrolments_by_the_member, setup, teardown),
        cmocka_unit_test_setup_teardown(a_bulk_load_indexes_at_its_end, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
