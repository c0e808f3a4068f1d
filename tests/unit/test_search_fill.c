/* The bulk fill of the search index in C (search_fill.c) against SQL
 * written here as the reference: the rows of member_subs, member_grams
 * and case_grams are exactly those of the triggers' SQL (migration
 * 0004's SELECTs), for awkward values and for a demo database. */
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

static int64_t one_int(struct ud_db *db, const char *sql)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
        fail_msg("bad SQL %s: %s", sql, sqlite3_errmsg(db->h));
    int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    return v;
}

/* rows in one and not the other, both ways */
static int64_t differ(struct ud_db *db, const char *table, const char *ref)
{
    char q[2048];
    snprintf(q, sizeof q,
             "SELECT (SELECT count(*) FROM (SELECT * FROM %s EXCEPT SELECT * FROM (%s)))"
             " + (SELECT count(*) FROM (SELECT * FROM (%s) EXCEPT SELECT * FROM %s))",
             table, ref, ref, table);
    return one_int(db, q);
}

static void index_equals_reference(struct ud_db *db)
{
    assert_true(one_int(db, "SELECT count(*) FROM member_subs") > 0);
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
    int64_t before = one_int(fx->db, "SELECT count(*) FROM member_subs");
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
    assert_int_equal(one_int(fx->db, "SELECT count(*) FROM member_subs WHERE member_id > 1"), 0);
    OK(ud_search_bulk_end(fx->db, &err));
    OK(ud_db_commit(fx->db, &err));
    assert_true(one_int(fx->db, "SELECT count(*) FROM member_subs") > before);
    assert_true(one_int(fx->db, "SELECT count(*) FROM case_grams WHERE gram = '有限'") == 1);
    index_equals_reference(fx->db);
}

static void demo_index_equals_reference(void **state)
{
    (void)state;
    char path[256];
    setenv("UNIONDESK_TODAY", "2026-11-26", 1);
    snprintf(path, sizeof path, "%s/udfill.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    unlink(path);
    struct ud_db *db;
    struct ud_err err;
    struct ud_demo_stats ds;
    OK(ud_db_open(&db, path, UD_OPEN_CREATE, &err));
    OK(ud_user_bootstrap(db, "admin", &err));
    OK(ud_demo_generate(db, 0.02, 3, "2026-11-26", &ds, &err));
    assert_true(ds.members > 5000);
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
        cmocka_unit_test(demo_index_equals_reference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
