/* The bulk fill of the search index in C (search_fill.c) against SQL
 * written here as the reference: the rows of member_subs, member_grams
 * and case_grams are exactly those of the triggers' SQL (migration
 * 0004's SELECTs), for awkward values, for every size of key range (a
 * budget of a few records makes many ranges, and buckets streamed half a
 * budget at a time), into tables that hold rows already, and for a demo
 * database. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "db_int.h"
#include "search_fill.h"
#include "testutil.h"
#include "uniondesk/demo.h"
#include "uniondesk/member.h"
#include "uniondesk/org.h"
#include "uniondesk/search_bulk.h"
#include "uniondesk/user.h"

static const char ref_subs[] =
    "SELECT 'p' || substr(m.phone, p.n, 8), m.id, p.n FROM members m"
    "  JOIN search_pos p ON p.n BETWEEN 2 AND length(m.phone) - 2"
    " UNION ALL SELECT 'i' || substr(m.id_number, p.n, 8), m.id, 100 + p.n FROM members m"
    "  JOIN search_pos p ON p.n BETWEEN 2 AND length(m.id_number) - 3";
static const char ref_grams[] =
    "SELECT substr(m.name, p.n, 1), m.id FROM members m JOIN search_pos p ON p.n <= length(m.name)"
    " UNION SELECT substr(m.name, p.n, 2), m.id FROM members m JOIN search_pos p ON p.n < length(m.name)";
static const char ref_case_grams[] =
    "SELECT substr(c.applicant_name, p.n, 1), c.id FROM cases c JOIN search_pos p ON p.n <= length(c.applicant_name)"
    " UNION SELECT substr(c.applicant_name, p.n, 2), c.id FROM cases c JOIN search_pos p ON p.n < length(c.applicant_name)"
    " UNION SELECT substr(c.employer_name, p.n, 1), c.id FROM cases c JOIN search_pos p ON p.n <= length(c.employer_name)"
    " UNION SELECT substr(c.employer_name, p.n, 2), c.id FROM cases c JOIN search_pos p ON p.n < length(c.employer_name)";

/* rows in one and not the other, both ways */
static int64_t differ(struct ud_db *db, const char *table, const char *ref)
{
    char q[2048];
    snprintf(q, sizeof q,
             "SELECT (SELECT count(*) FROM (SELECT * FROM %s EXCEPT SELECT * FROM (%s)))"
             " + (SELECT count(*) FROM (SELECT * FROM (%s) EXCEPT SELECT * FROM %s))",
             table, ref, ref, table);
    return tu_db_int(db, q);
}

static void index_equals_reference(struct ud_db *db)
{
    assert_true(tu_db_int(db, "SELECT count(*) FROM member_subs") > 0);
    assert_int_equal(differ(db, "member_subs", ref_subs), 0);
    assert_int_equal(differ(db, "member_grams", ref_grams), 0);
    assert_int_equal(differ(db, "case_grams", ref_case_grams), 0);
}

/* Values that are not what forms let in (written by SQL), in a bulk load:
 * characters of four bytes, a stray continuation byte, full-width digits
 * (terms longer than the fill's 11-byte records), the longest phone and
 * employer, no phone. */
static void awkward_values_in_a_bulk_load(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    ud_err_clear(&err);
    int64_t before = tu_db_int(fx->db, "SELECT count(*) FROM member_subs");
    tu_member(fx, "张三", "19900101", 1); /* indexed by the triggers */
    OK(ud_db_begin(fx->db, &err));
    OK(ud_search_bulk_begin(fx->db, &err));
    char sql[4096];
    snprintf(sql, sizeof sql,
             "INSERT INTO members(name, gender, id_number, birth_date, phone, org_id) VALUES"
             " ('𠮷野家𠀋', 'M', '33020619800101001X', '1980-01-01', '13800138000', %lld),"
             " (CAST(x'80e4b8ad' || x'e69687' AS TEXT), 'F', '330206198001010028', '1980-01-01', NULL, %lld),"
             " ('一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十', 'M', '330206198001010036', '1980-01-01',"
             "  '+86-0574-8888-9999-1234', %lld),"
             " ('李', 'F', '33020619800101004４', '1980-01-01', '１３８００１３８０００', %lld),"
             " ('Ann Lee', 'F', '330206198001010052', '1980-01-01', '12', %lld);"
             "INSERT INTO cases(case_no, mediation_org_id, received_on, applicant_name, employer_name, dispute_type)"
             " VALUES ('C-1', %lld, '2026-01-01', '王五', '宁波一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"
             "一二三四五六七八九十一二三四五六七八九十一二三四有限公司', 'wages'),"
             " ('C-2', %lld, '2026-01-01', 'X', NULL, 'other')",
             (long long)fx->enterprise, (long long)fx->enterprise, (long long)fx->street, (long long)fx->enterprise,
             (long long)fx->enterprise2, (long long)fx->district, (long long)fx->district);
    if (sqlite3_exec(fx->db->h, sql, NULL, NULL, NULL) != SQLITE_OK)
        fail_msg("%s", sqlite3_errmsg(fx->db->h));
    /* the triggers left the new rows alone */
    assert_int_equal(tu_db_int(fx->db, "SELECT count(*) FROM member_subs WHERE member_id > 1"), 0);
    OK(ud_search_bulk_end(fx->db, &err));
    OK(ud_db_commit(fx->db, &err));
    assert_true(tu_db_int(fx->db, "SELECT count(*) FROM member_subs") > before);
    assert_true(tu_db_int(fx->db, "SELECT count(*) FROM case_grams WHERE gram = '有限'") == 1);
    index_equals_reference(fx->db);
}

/* pieces of values: digits, letters, full-width digits (3 bytes), a
 * character of 4 bytes, punctuation */
static const char *const bits[] = {"0", "1", "3", "8", "9", "5", "X", "a", "-", "+", "１", "４", "𠮷", "𠀋", "é", " "};
static const char *const name_bits[] = {"王", "李", "张", "伟", "𠮷", "A", "z", "·", "é", "哈", "１"};

static uint32_t rnd(uint32_t *s)
{
    *s ^= *s << 13; /* xorshift32 */
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

/* n characters from a pool into out (NUL-terminated) */
static void pick(char *out, size_t cap, const char *const *pool, size_t npool, int n, uint32_t *s)
{
    size_t at = 0;
    out[0] = '\0';
    for (int k = 0; k < n; k++) {
        const char *b = pool[rnd(s) % npool];
        size_t l = strlen(b);
        if (at + l + 1 > cap)
            break;
        memcpy(out + at, b, l + 1);
        at += l;
    }
}

/* n members and n / 8 cases of awkward values by SQL, in a bulk load
 * begun by the caller: NULL and empty phones, runs of one digit (a bucket
 * bigger than a small budget), the same phone for one member in eight,
 * characters of 1 to 4 bytes, names that repeat a character (grams that
 * are inserted once) */
static void awkward_rows(struct tu_fixture *fx, int n, uint32_t seed)
{
    sqlite3_stmt *m, *c;
    if (sqlite3_prepare_v2(fx->db->h,
                           "INSERT INTO members(name, gender, id_number, birth_date, phone, org_id)"
                           " VALUES (?1, 'F', ?2, '1980-01-01', ?3, ?4)",
                           -1, &m, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(fx->db->h,
                           "INSERT INTO cases(case_no, mediation_org_id, received_on, applicant_name, employer_name,"
                           " dispute_type) VALUES (?1, ?2, '2026-01-01', ?3, ?4, 'wages')",
                           -1, &c, NULL) != SQLITE_OK)
        fail_msg("%s", sqlite3_errmsg(fx->db->h));
    uint32_t s = seed;
    for (int i = 0; i < n; i++) {
        char name[128], idn[128], phone[128], tail[8];
        pick(name, sizeof name, name_bits, sizeof name_bits / sizeof *name_bits, 1 + (int)(rnd(&s) % 6), &s);
        if (i % 5 == 0)
            snprintf(name, sizeof name, "%s", i % 2 ? "哈哈哈哈哈" : "aaa");
        pick(idn, sizeof idn, bits, sizeof bits / sizeof *bits, 14, &s);
        snprintf(tail, sizeof tail, "%u%03d", seed % 10, i % 1000); /* unique in a test, 18 characters */
        strcat(idn, tail);
        int kind = (int)(rnd(&s) % 8);
        if (kind == 0)
            snprintf(phone, sizeof phone, "13800138000");
        else if (kind == 1)
            snprintf(phone, sizeof phone, "11111111111111111111111");
        else if (kind == 2)
            phone[0] = '\0';
        else
            pick(phone, sizeof phone, bits, sizeof bits / sizeof *bits, 1 + (int)(rnd(&s) % 23), &s);
        sqlite3_bind_text(m, 1, name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(m, 2, idn, -1, SQLITE_TRANSIENT);
        if (kind == 3)
            sqlite3_bind_null(m, 3);
        else
            sqlite3_bind_text(m, 3, phone, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(m, 4, fx->enterprise);
        if (sqlite3_step(m) != SQLITE_DONE)
            fail_msg("member %d: %s", i, sqlite3_errmsg(fx->db->h));
        sqlite3_reset(m);
        if (i % 8 == 0) {
            char no[32];
            snprintf(no, sizeof no, "R-%u-%d", seed, i);
            sqlite3_bind_text(c, 1, no, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(c, 2, fx->district);
            sqlite3_bind_text(c, 3, name, -1, SQLITE_TRANSIENT);
            if (i % 16 == 0)
                sqlite3_bind_null(c, 4);
            else
                sqlite3_bind_text(c, 4, i % 3 ? phone : "", -1, SQLITE_TRANSIENT);
            if (sqlite3_step(c) != SQLITE_DONE)
                fail_msg("case %d: %s", i, sqlite3_errmsg(fx->db->h));
            sqlite3_reset(c);
        }
    }
    sqlite3_finalize(m);
    sqlite3_finalize(c);
}

/* A bulk load into tables that hold rows (members indexed by the
 * triggers before it, the keys of both interleaving), then the same fill
 * again with budgets from 2 records up: many ranges, buckets streamed,
 * each time exactly the reference's rows. */
static void every_range_size_gives_the_same_rows(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    for (int i = 0; i < 6; i++)
        tu_member(fx, i % 2 ? "王小明" : "李𠮷", "19900101", i);
    OK(ud_db_begin(fx->db, &err));
    OK(ud_search_bulk_begin(fx->db, &err));
    awkward_rows(fx, 300, 7);
    int64_t after_m = fx->db->indexed_upto[0], after_c = fx->db->indexed_upto[1];
    OK(ud_search_bulk_end(fx->db, &err));
    OK(ud_db_commit(fx->db, &err));
    index_equals_reference(fx->db);
    /* the rows table is gone with the fill (it showed the fill's memory) */
    assert_int_not_equal(sqlite3_exec(fx->db->h, "SELECT * FROM ud_search_fill_rows", NULL, NULL, NULL), SQLITE_OK);
    int64_t old_rows = tu_db_int(fx->db, "SELECT count(*) FROM member_subs WHERE member_id <= 6");
    assert_true(old_rows > 0);
    char q[160];
    snprintf(q, sizeof q, "SELECT count(*) FROM member_subs WHERE member_id > %lld", (long long)after_m);
    int64_t new_subs = tu_db_int(fx->db, q);
    static const size_t budgets[] = {2, 3, 5, 16, 100, 1000};
    for (size_t b = 0; b < sizeof budgets / sizeof *budgets; b++) {
        /* many ranges: more records than ten budgets */
        assert_true(budgets[b] > 100 || new_subs > 10 * (int64_t)budgets[b]);
        OK(ud_db_begin(fx->db, &err));
        char del[256];
        snprintf(del, sizeof del,
                 "DELETE FROM member_subs WHERE member_id > %lld; DELETE FROM member_grams WHERE member_id > %lld;"
                 " DELETE FROM case_grams WHERE case_id > %lld",
                 (long long)after_m, (long long)after_m, (long long)after_c);
        assert_int_equal(sqlite3_exec(fx->db->h, del, NULL, NULL, NULL), SQLITE_OK);
        assert_int_equal(tu_db_int(fx->db, q), 0);
        ud_search_fill_budget(budgets[b]);
        ud_err_clear(&err);
        int rc = ud_search_fill(fx->db, after_m, after_c, &err);
        ud_search_fill_budget(0);
        assert_int_equal(rc, UD_OK);
        assert_int_equal(tu_db_int(fx->db, q), new_subs);
        assert_int_equal(tu_db_int(fx->db, "SELECT count(*) FROM member_subs WHERE member_id <= 6"), old_rows);
        index_equals_reference(fx->db);
        ud_db_rollback(fx->db);
    }
}

/* A second bulk load on top of the first, with a small budget: its keys
 * fall between the rows already there. */
static void a_second_load_with_small_ranges(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    for (uint32_t load = 1; load <= 2; load++) {
        OK(ud_db_begin(fx->db, &err));
        OK(ud_search_bulk_begin(fx->db, &err));
        awkward_rows(fx, 120, 100 + load);
        ud_search_fill_budget(load == 2 ? 9 : 0);
        ud_err_clear(&err);
        int rc = ud_search_bulk_end(fx->db, &err);
        ud_search_fill_budget(0);
        assert_int_equal(rc, UD_OK);
        OK(ud_db_commit(fx->db, &err));
    }
    assert_true(tu_db_int(fx->db, "SELECT count(DISTINCT member_id) FROM member_grams") == 240);
    index_equals_reference(fx->db);
}

/* A load of cases alone adds no member rows; ids that span more than a
 * record's 32-bit offset are refused, and nothing of the load is kept. */
static void no_members_and_too_wide_ids(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    int64_t first = tu_member(fx, "张三", "19900101", 1);
    int64_t subs = tu_db_int(fx->db, "SELECT count(*) FROM member_subs");
    OK(ud_db_begin(fx->db, &err));
    OK(ud_search_bulk_begin(fx->db, &err));
    char sql[512];
    snprintf(sql, sizeof sql,
             "INSERT INTO cases(case_no, mediation_org_id, received_on, applicant_name, employer_name, dispute_type)"
             " VALUES ('C-9', %lld, '2026-01-01', '王五', '𠮷野家', 'wages')",
             (long long)fx->district);
    assert_int_equal(sqlite3_exec(fx->db->h, sql, NULL, NULL, NULL), SQLITE_OK);
    OK(ud_search_bulk_end(fx->db, &err));
    OK(ud_db_commit(fx->db, &err));
    assert_int_equal(tu_db_int(fx->db, "SELECT count(*) FROM member_subs"), subs);
    assert_int_equal(tu_db_int(fx->db, "SELECT count(*) FROM case_grams WHERE gram = '𠮷野'"), 1);
    index_equals_reference(fx->db);

    OK(ud_db_begin(fx->db, &err));
    OK(ud_search_bulk_begin(fx->db, &err));
    snprintf(sql, sizeof sql,
             "INSERT INTO members(id, name, gender, id_number, birth_date, phone, org_id) VALUES"
             " (%lld, '李四', 'M', '330206198001010044', '1980-01-01', '13900139000', %lld)",
             (long long)(first + 4294967296LL), (long long)fx->enterprise);
    assert_int_equal(sqlite3_exec(fx->db->h, sql, NULL, NULL, NULL), SQLITE_OK);
    ud_err_clear(&err);
    assert_int_equal(ud_search_bulk_end(fx->db, &err), UD_ERR_INTERNAL);
    assert_non_null(strstr(err.msg, "2^32"));
    ud_db_rollback(fx->db);
    assert_int_equal(tu_db_int(fx->db, "SELECT count(*) FROM members"), 1);
    assert_int_equal(tu_db_int(fx->db, "SELECT count(*) FROM member_subs"), subs);
}


/* sqlite_stat1 as text, one line a row, in key order */
static void stat1(struct ud_db *db, char *out, size_t cap)
{
    sqlite3_stmt *st;
    out[0] = '\0';
    if (sqlite3_prepare_v2(db->h, "SELECT tbl, idx, stat FROM sqlite_stat1 ORDER BY tbl, idx", -1, &st, NULL) !=
        SQLITE_OK)
        fail_msg("%s", sqlite3_errmsg(db->h));
    size_t at = 0;
    while (sqlite3_step(st) == SQLITE_ROW && at < cap)
        at += (size_t)snprintf(out + at, cap - at, "%s|%s|%s\n", (const char *)sqlite3_column_text(st, 0),
                               sqlite3_column_text(st, 1) ? (const char *)sqlite3_column_text(st, 1) : "",
                               (const char *)sqlite3_column_text(st, 2));
    sqlite3_finalize(st);
}

/* A bulk load into empty index tables: the fill counts what ANALYZE
 * would (distinct terms, distinct (term, id)), ud_db_analyze writes those
 * rows instead of scanning the tables, and sqlite_stat1 is exactly what a
 * whole ANALYZE gives. With buckets streamed in halves (a budget of 4
 * records) the counts are not known and ANALYZE scans as before. */
static void counted_stats_are_analyzes(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t had = tu_db_int(fx->db, "SELECT ifnull(max(id), 0) FROM members");
    for (int streamed = 0; streamed <= 1; streamed++) {
        struct ud_err err;
        ud_err_clear(&err);
        OK(ud_db_exec(fx->db, "DELETE FROM member_subs; DELETE FROM member_grams; DELETE FROM case_grams", &err));
        size_t was = ud_search_fill_budget(streamed ? 4 : 0);
        OK(ud_db_begin(fx->db, &err));
        OK(ud_search_bulk_begin(fx->db, &err));
        uint32_t seed = 7;
        for (int i = 0; i < 300; i++) {
            char sql[512], name[64];
            pick(name, sizeof name, name_bits, sizeof name_bits / sizeof name_bits[0], 2 + (int)(rnd(&seed) % 3), &seed);
            unsigned r = rnd(&seed);
            /* few phones share many terms: repeated keys and a member with a term twice */
            snprintf(sql, sizeof sql,
                     "INSERT INTO members(name, gender, id_number, birth_date, phone, org_id) VALUES"
                     " ('%s', 'M', '4105221980%04d%03u%c', '1980-01-01', '1380013%04u', %lld)",
                     name, i, r % 7, i % 2 ? 'X' : '1', r % 37, (long long)fx->enterprise);
            if (sqlite3_exec(fx->db->h, sql, NULL, NULL, NULL) != SQLITE_OK)
                fail_msg("%s: %s", sql, sqlite3_errmsg(fx->db->h));
        }
        OK(ud_search_bulk_end(fx->db, &err));
        int counted = 0;
        for (int k = 0; k < fx->db->nknown_stats; k++)
            counted += strcmp(fx->db->known_stats[k].tbl, "member_subs") == 0;
        assert_int_equal(counted, !streamed);
        OK(ud_db_commit(fx->db, &err));
        OK(ud_db_analyze(fx->db, &err));
        assert_int_equal(fx->db->nknown_stats, 0);
        static char ours[8192], theirs[8192];
        stat1(fx->db, ours, sizeof ours);
        OK(ud_db_exec(fx->db, "ANALYZE", &err));
        stat1(fx->db, theirs, sizeof theirs);
        assert_non_null(strstr(ours, "member_subs|member_subs|"));
        assert_string_equal(ours, theirs);
        ud_search_fill_budget(was);
        char del[64];
        snprintf(del, sizeof del, "DELETE FROM members WHERE id > %lld", (long long)had);
        OK(ud_db_exec(fx->db, del, &err));
    }
}

static void demo_index_equals_reference(void **state)
{
    (void)state;
    char path[256];
    struct ud_db *db = tu_demo_db(path, sizeof path);
    index_equals_reference(db);
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
        cmocka_unit_test_setup_teardown(awkward_values_in_a_bulk_load, setup, teardown),
        cmocka_unit_test_setup_teardown(every_range_size_gives_the_same_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(a_second_load_with_small_ranges, setup, teardown),
        cmocka_unit_test_setup_teardown(no_members_and_too_wide_ids, setup, teardown),
        cmocka_unit_test_setup_teardown(counted_stats_are_analyzes, setup, teardown),
        cmocka_unit_test(demo_index_equals_reference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
