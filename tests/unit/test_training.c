/* Training: course validation (dates, discount, limits), roles, optimistic
 * concurrency, lists; enrolments: duplicates, capacity, completion,
 * active members, lists by course and by member, audit rows. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"
#include "uniondesk/member.h"
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

static void must_ok(int status, const struct ud_err *err)
{
    if (status != UD_OK) {
        char buf[1024];
        ud_err_text(err, buf, sizeof buf);
        fail_msg("expected success, got %d: %s", status, buf);
    }
}

static void course_init(struct ud_course *c, const char *code, const char *title, const char *starts_on)
{
    ud_course_init(c);
    snprintf(c->code, sizeof c->code, "%s", code);
    snprintf(c->title, sizeof c->title, "%s", title);
    snprintf(c->category, sizeof c->category, "skills");
    snprintf(c->starts_on, sizeof c->starts_on, "%s", starts_on);
}

static int64_t course(struct tu_fixture *fx, const char *code, const char *title, const char *starts_on,
                      int64_t capacity)
{
    struct ud_course c;
    struct ud_err err;
    ud_err_clear(&err);
    course_init(&c, code, title, starts_on);
    c.capacity = capacity;
    must_ok(ud_course_create(fx->db, &c, &err), &err);
    return c.id;
}

static int enrol(struct tu_fixture *fx, int64_t course_id, int64_t member_id, struct ud_enrolment *e,
                 struct ud_err *err)
{
    ud_err_clear(err);
    ud_enrolment_init(e);
    e->course_id = course_id;
    e->member_id = member_id;
    return ud_enrolment_create(fx->db, e, err);
}

/* Sets a field from text, as a form or an import would. */
static int set(struct tu_fixture *fx, const struct ud_field *defs, void *rec, const char *name, const char *text,
               struct ud_err *err)
{
    const struct ud_field *f = ud_field_find(defs, name);
    assert_non_null(f);
    return ud_field_set(fx->db, f, rec, text, err);
}

/* ---- courses ---- */

static void course_from_typed_fields(void **state)
{
    struct tu_fixture *fx = *state;
    tu_login(fx, "clerk");
    struct ud_course c;
    struct ud_err err;
    ud_err_clear(&err);
    ud_course_init(&c);
    must_ok(set(fx, ud_course_fields, &c, "code", "px-2026-01", &err), &err);
    must_ok(set(fx, ud_course_fields, &c, "培训班名称", "工会干部入门班", &err), &err);
    must_ok(set(fx, ud_course_fields, &c, "category", "入门", &err), &err);
    must_ok(set(fx, ud_course_fields, &c, "organizer", "BL-XQ", &err), &err);
    must_ok(set(fx, ud_course_fields, &c, "starts_on", "2026/3/2", &err), &err);
    must_ok(set(fx, ud_course_fields, &c, "ends_on", "2026-03-06", &err), &err);
    must_ok(set(fx, ud_course_fields, &c, "hours", "40", &err), &err);
    must_ok(set(fx, ud_course_fields, &c, "capacity", "60", &err), &err);
    must_ok(set(fx, ud_course_fields, &c, "fee", "1200", &err), &err);
    must_ok(set(fx, ud_course_fields, &c, "member_discount", "700", &err), &err);
    must_ok(ud_course_create(fx->db, &c, &err), &err);
    assert_string_equal(c.code, "PX-2026-01");
    assert_string_equal(c.category, "cadre_intro");
    assert_int_equal(c.organizer_id, fx->street);
    assert_string_equal(c.organizer_name, "新碶街道总工会");
    assert_string_equal(c.starts_on, "2026-03-02");
    assert_int_equal(c.hours, 40);
    assert_int_equal(c.fee_fen, 120000);
    assert_int_equal(c.member_discount_fen, 70000);
    assert_int_equal(c.enrolled, 0);
    assert_int_equal(c.version, 1);
    /* found by its code in any case, and as a reference */
    struct ud_course by;
    must_ok(ud_course_get_by_code(fx->db, "px-2026-01", &by, &err), &err);
    assert_int_equal(by.id, c.id);
    int64_t id = 0;
    must_ok(ud_ref_course.resolve(fx->db, "PX-2026-01", &id, &err), &err);
    assert_int_equal(id, c.id);
    char key[64];
    ud_ref_course.key(fx->db, c.id, key, sizeof key);
    assert_string_equal(key, "PX-2026-01");
    assert_int_equal(ud_course_get_by_code(fx->db, "PX-9999", &by, &err), UD_ERR_NOTFOUND);
    /* defaults when left empty */
    struct ud_course d;
    course_init(&d, "PX-2026-02", "技能班", "2026-04-01");
    must_ok(ud_course_create(fx->db, &d, &err), &err);
    assert_int_equal(d.capacity, 0);
    assert_int_equal(d.fee_fen, 0);
    assert_int_equal(d.organizer_id, UD_NULL_INT);
}

static void course_dates_must_be_in_order(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_course c;
    struct ud_err err;
    ud_err_clear(&err);
    course_init(&c, "PX-1", "班", "2026-03-10");
    snprintf(c.ends_on, sizeof c.ends_on, "2026-03-09");
    assert_int_equal(ud_course_create(fx->db, &c, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "ends_on"));
    assert_null(ud_err_find(&err, "starts_on"));
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM courses"), 0);
    ud_err_clear(&err);
    snprintf(c.ends_on, sizeof c.ends_on, "2026-03-10"); /* one-day course */
    must_ok(ud_course_create(fx->db, &c, &err), &err);
    /* and on update */
    snprintf(c.ends_on, sizeof c.ends_on, "2026-02-28");
    assert_int_equal(ud_course_update(fx->db, &c, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "ends_on"));
    assert_int_equal(fx->db->txn_depth, 0);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM courses WHERE ends_on = '2026-03-10'"), 1);
}

static void member_discount_cannot_exceed_fee(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_course c;
    struct ud_err err;
    ud_err_clear(&err);
    course_init(&c, "PX-2", "学历班", "2026-09-01");
    c.fee_fen = 70000;
    c.member_discount_fen = 70001;
    assert_int_equal(ud_course_create(fx->db, &c, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "member_discount"));
    ud_err_clear(&err);
    /* a discount without a fee */
    c.fee_fen = UD_NULL_INT;
    c.member_discount_fen = 100;
    assert_int_equal(ud_course_create(fx->db, &c, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "member_discount"));
    ud_err_clear(&err);
    c.fee_fen = 70000;
    c.member_discount_fen = 70000;
    must_ok(ud_course_create(fx->db, &c, &err), &err);
    assert_int_equal(c.member_discount_fen, 70000);
}

static void course_limits(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_course c;
    struct ud_err err;
    ud_err_clear(&err);
    ud_course_init(&c);
    assert_int_equal(set(fx, ud_course_fields, &c, "hours", "10001", &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "hours"));
    ud_err_clear(&err);
    assert_int_equal(set(fx, ud_course_fields, &c, "capacity", "-1", &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "capacity"));
    ud_err_clear(&err);
    assert_int_equal(set(fx, ud_course_fields, &c, "category", "cooking", &err), UD_ERR_INVALID);
    ud_err_clear(&err);
    assert_int_equal(set(fx, ud_course_fields, &c, "organizer", "NOPE", &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "organizer"));
    ud_err_clear(&err);
    /* built in C, the same limits hold */
    course_init(&c, "PX-3", "班", "2026-01-05");
    c.hours = 10001;
    assert_int_equal(ud_course_create(fx->db, &c, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "hours"));
    ud_err_clear(&err);
    course_init(&c, "", "", "");
    c.category[0] = '\0';
    assert_int_equal(ud_course_create(fx->db, &c, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "code"));
    assert_non_null(ud_err_find(&err, "title"));
    assert_non_null(ud_err_find(&err, "category"));
    assert_non_null(ud_err_find(&err, "starts_on"));
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM courses"), 0);
}

static void duplicate_course_code_is_a_field_error(void **state)
{
    struct tu_fixture *fx = *state;
    course(fx, "PX-7", "班", "2026-01-05", 0);
    struct ud_course c;
    struct ud_err err;
    ud_err_clear(&err);
    course_init(&c, "px-7", "另一个班", "2026-02-05");
    assert_int_equal(ud_course_create(fx->db, &c, &err), UD_ERR_DUPLICATE);
    assert_non_null(ud_err_find(&err, "code"));
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM courses"), 1);
}

static void course_roles_and_delete(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t mid = tu_member(fx, "学员甲", "19900101", 11);
    tu_login(fx, "clerk");
    int64_t a = course(fx, "PX-A", "班甲", "2026-01-05", 0);
    int64_t b = course(fx, "PX-B", "班乙", "2026-01-05", 0);
    struct ud_enrolment e;
    struct ud_err err;
    must_ok(enrol(fx, a, mid, &e, &err), &err);
    assert_int_equal(ud_course_delete(fx->db, b, 1, &err), UD_ERR_PERM);
    ud_err_clear(&err);
    tu_login(fx, "officer");
    assert_int_equal(ud_course_delete(fx->db, a, 1, &err), UD_ERR_STATE);
    ud_err_clear(&err);
    must_ok(ud_course_delete(fx->db, b, 1, &err), &err);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM courses"), 1);
    assert_int_equal(tu_audit_count(fx, "courses", "delete"), 1);
    tu_login(fx, "stranger");
    struct ud_course c;
    course_init(&c, "PX-C", "班丙", "2026-01-05");
    assert_int_equal(ud_course_create(fx->db, &c, &err), UD_ERR_PERM);
}

static void stale_course_update_is_refused(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t id = course(fx, "PX-S", "班", "2026-01-05", 0);
    struct ud_course a, b, now;
    struct ud_err err;
    ud_err_clear(&err);
    must_ok(ud_course_get(fx->db, id, &a, &err), &err);
    must_ok(ud_course_get(fx->db, id, &b, &err), &err);
    snprintf(a.location, sizeof a.location, "区职工服务中心");
    must_ok(ud_course_update(fx->db, &a, &err), &err);
    assert_int_equal(a.version, 2);
    snprintf(b.location, sizeof b.location, "新碶街道");
    assert_int_equal(ud_course_update(fx->db, &b, &err), UD_ERR_CONFLICT);
    must_ok(ud_course_get(fx->db, id, &now, &err), &err);
    assert_string_equal(now.location, "区职工服务中心");
    assert_int_equal(tu_audit_count(fx, "courses", "update"), 1);
}

static void course_list_search_and_filters(void **state)
{
    struct tu_fixture *fx = *state;
    course(fx, "GB-2026-01", "工会干部入门", "2026-03-01", 0);
    course(fx, "GB-2026-02", "工会干部提高", "2026-06-01", 0);
    course(fx, "JN-2026-01", "电工技能", "2026-04-01", 0);
    course(fx, "GB-2025-09", "工会干部补差", "2025-09-01", 0);
    course(fx, "JN-2026-99", "年末班", "2026-12-31", 0);
    course(fx, "JN-2027-01", "新年班", "2027-01-01", 0);
    struct ud_course c;
    struct ud_err err;
    ud_err_clear(&err);
    must_ok(ud_course_get_by_code(fx->db, "GB-2026-02", &c, &err), &err);
    snprintf(c.category, sizeof c.category, "cadre_advanced");
    must_ok(ud_course_update(fx->db, &c, &err), &err);

    struct ud_course rows[10];
    struct ud_cursor cur[10];
    int n;
    struct ud_page pg = {.limit = 10};
    struct ud_course_filter f = {.query = "gb-2026"};
    must_ok(ud_course_list(fx->db, &f, &pg, rows, cur, &n, &err), &err);
    assert_int_equal(n, 2);
    assert_string_equal(rows[0].code, "GB-2026-01");
    assert_string_equal(rows[1].code, "GB-2026-02");
    f.query = "工会干部";
    must_ok(ud_course_list(fx->db, &f, &pg, rows, cur, &n, &err), &err);
    assert_int_equal(n, 3);
    f.year = 2026;
    int64_t count;
    must_ok(ud_course_count(fx->db, &f, &count, &err), &err);
    assert_int_equal(count, 2);
    struct ud_course_filter y = {.year = 2026};
    must_ok(ud_course_list(fx->db, &y, &pg, rows, cur, &n, &err), &err);
    assert_int_equal(n, 4);
    /* default order: starts_on; the year's last day is in it, the next year's first is not */
    assert_string_equal(rows[0].code, "GB-2026-01");
    assert_string_equal(rows[1].code, "JN-2026-01");
    assert_string_equal(rows[2].code, "GB-2026-02");
    assert_string_equal(rows[3].code, "JN-2026-99");
    struct ud_course_filter k = {.category = "cadre_advanced"};
    must_ok(ud_course_list(fx->db, &k, &pg, rows, cur, &n, &err), &err);
    assert_int_equal(n, 1);
    assert_string_equal(rows[0].code, "GB-2026-02");
    must_ok(ud_course_count(fx->db, NULL, &count, &err), &err);
    assert_int_equal(count, 6);
}

/* ---- enrolments ---- */

static void enrolment_reads_member_and_course(void **state)
{
    struct tu_fixture *fx = *state;
    tu_member(fx, "学员乙", "19900101", 13);
    int64_t cid = course(fx, "PX-E", "电工班", "2026-01-05", 0);
    tu_login(fx, "clerk");
    struct ud_enrolment e;
    struct ud_err err;
    ud_err_clear(&err);
    ud_enrolment_init(&e);
    char idn[19];
    tu_id_number("19900101", 13, idn);
    must_ok(set(fx, ud_enrolment_fields, &e, "course", "px-e", &err), &err);
    must_ok(set(fx, ud_enrolment_fields, &e, "id_number", idn, &err), &err);
    must_ok(set(fx, ud_enrolment_fields, &e, "fee_paid", "500", &err), &err);
    must_ok(ud_enrolment_create(fx->db, &e, &err), &err);
    assert_int_equal(e.course_id, cid);
    assert_string_equal(e.member_name, "学员乙");
    assert_string_equal(e.id_number, idn);
    assert_string_equal(e.org_name, "宁波港机械厂工会");
    assert_string_equal(e.course_code, "PX-E");
    assert_string_equal(e.course_title, "电工班");
    assert_string_equal(e.enrolled_on, "2026-11-26");
    assert_int_equal(e.fee_paid_fen, 50000);
    assert_int_equal(e.attended, 0);
    assert_int_equal(e.score, UD_NULL_INT);
    struct ud_course c;
    must_ok(ud_course_get(fx->db, cid, &c, &err), &err);
    assert_int_equal(c.enrolled, 1);
    /* the score is 0..100 */
    assert_int_equal(set(fx, ud_enrolment_fields, &e, "score", "101", &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "score"));
}

static void duplicate_enrolment_is_refused(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t mid = tu_member(fx, "学员丙", "19900101", 15);
    int64_t cid = course(fx, "PX-D", "班", "2026-01-05", 0);
    int64_t other = course(fx, "PX-D2", "班二", "2026-01-05", 0);
    struct ud_enrolment e;
    struct ud_err err;
    must_ok(enrol(fx, cid, mid, &e, &err), &err);
    assert_int_equal(e.fee_paid_fen, 0);
    assert_int_equal(enrol(fx, cid, mid, &e, &err), UD_ERR_DUPLICATE);
    assert_non_null(ud_err_find(&err, "id_number"));
    assert_int_equal(fx->db->txn_depth, 0);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM enrolments"), 1);
    /* another course is fine */
    must_ok(enrol(fx, other, mid, &e, &err), &err);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM enrolments"), 2);
}

static void capacity_is_enforced(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t m1 = tu_member(fx, "甲", "19900101", 17);
    int64_t m2 = tu_member(fx, "乙", "19900101", 19);
    int64_t m3 = tu_member(fx, "丙", "19900101", 21);
    int64_t cid = course(fx, "PX-CAP", "小班", "2026-01-05", 2);
    int64_t open = course(fx, "PX-OPEN", "不限名额", "2026-01-05", 0);
    struct ud_enrolment e;
    struct ud_err err;
    must_ok(enrol(fx, cid, m1, &e, &err), &err);
    must_ok(enrol(fx, cid, m2, &e, &err), &err);
    assert_int_equal(enrol(fx, cid, m3, &e, &err), UD_ERR_STATE);
    assert_non_null(strstr(err.msg, "名额 2 人"));
    assert_non_null(strstr(err.msg, "PX-CAP"));
    assert_int_equal(fx->db->txn_depth, 0);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM enrolments"), 2);
    assert_int_equal(tu_audit_count(fx, "enrolments", "insert"), 2);
    /* unlimited when 0 */
    must_ok(enrol(fx, open, m1, &e, &err), &err);
    must_ok(enrol(fx, open, m2, &e, &err), &err);
    must_ok(enrol(fx, open, m3, &e, &err), &err);
    /* the capacity cannot drop below those enrolled; raising it lets one more in */
    struct ud_course c;
    must_ok(ud_course_get(fx->db, open, &c, &err), &err);
    c.capacity = 2;
    assert_int_equal(ud_course_update(fx->db, &c, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "capacity"));
    ud_err_clear(&err);
    must_ok(ud_course_get(fx->db, cid, &c, &err), &err);
    c.capacity = 3;
    must_ok(ud_course_update(fx->db, &c, &err), &err);
    must_ok(enrol(fx, cid, m3, &e, &err), &err);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM enrolments WHERE course_id = (SELECT id FROM courses WHERE code = 'PX-CAP')"), 3);
}

static void completion_needs_attendance(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t mid = tu_member(fx, "学员丁", "19900101", 23);
    int64_t cid = course(fx, "PX-F", "班", "2026-01-05", 0);
    struct ud_enrolment e;
    struct ud_err err;
    ud_err_clear(&err);
    ud_enrolment_init(&e);
    e.course_id = cid;
    e.member_id = mid;
    e.completed = 1;
    assert_int_equal(ud_enrolment_create(fx->db, &e, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "completed"));
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM enrolments"), 0);
    must_ok(enrol(fx, cid, mid, &e, &err), &err);
    e.completed = 1;
    assert_int_equal(ud_enrolment_update(fx->db, &e, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "completed"));
    ud_err_clear(&err);
    e.attended = 1;
    e.score = 92;
    snprintf(e.certificate_no, sizeof e.certificate_no, "BLZG-2026-0001");
    must_ok(ud_enrolment_update(fx->db, &e, &err), &err);
    assert_int_equal(e.completed, 1);
    assert_int_equal(e.score, 92);
    assert_int_equal(e.version, 2);
    assert_string_equal(e.certificate_no, "BLZG-2026-0001");
}

static void only_active_members_enrol(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t mid = tu_member(fx, "退会者", "19900101", 25);
    int64_t cid = course(fx, "PX-G", "班", "2026-01-05", 0);
    struct ud_member m;
    struct ud_err err;
    ud_err_clear(&err);
    must_ok(ud_member_get(fx->db, mid, &m, &err), &err);
    snprintf(m.status, sizeof m.status, "withdrawn");
    must_ok(ud_member_update(fx->db, &m, &err), &err);
    struct ud_enrolment e;
    assert_int_equal(enrol(fx, cid, mid, &e, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "id_number"));
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM enrolments"), 0);
    /* an enrolment made while active can still be updated */
    ud_err_clear(&err);
    snprintf(m.status, sizeof m.status, "active");
    must_ok(ud_member_update(fx->db, &m, &err), &err);
    must_ok(enrol(fx, cid, mid, &e, &err), &err);
    snprintf(m.status, sizeof m.status, "withdrawn");
    must_ok(ud_member_update(fx->db, &m, &err), &err);
    e.attended = 1;
    must_ok(ud_enrolment_update(fx->db, &e, &err), &err);
    assert_int_equal(e.attended, 1);
}

static void enrolment_edits_are_optimistic_and_audited(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t mid = tu_member(fx, "学员戊", "19900101", 27);
    int64_t cid = course(fx, "PX-H", "班", "2026-01-05", 0);
    tu_login(fx, "clerk");
    struct ud_enrolment e, a, b;
    struct ud_err err;
    must_ok(enrol(fx, cid, mid, &e, &err), &err);
    must_ok(ud_enrolment_get(fx->db, e.id, &a, &err), &err);
    must_ok(ud_enrolment_get(fx->db, e.id, &b, &err), &err);
    a.attended = 1;
    must_ok(ud_enrolment_update(fx->db, &a, &err), &err);
    b.fee_paid_fen = 100;
    assert_int_equal(ud_enrolment_update(fx->db, &b, &err), UD_ERR_CONFLICT);
    ud_err_clear(&err);
    /* the course of an enrolment does not change by update */
    int64_t other = course(fx, "PX-H2", "班二", "2026-01-05", 0);
    struct ud_enrolment moved = a;
    moved.course_id = other;
    assert_int_equal(ud_enrolment_update(fx->db, &moved, &err), UD_ERR_INVALID);
    ud_err_clear(&err);
    assert_int_equal(ud_enrolment_delete(fx->db, e.id, 1, &err), UD_ERR_CONFLICT);
    ud_err_clear(&err);
    must_ok(ud_enrolment_delete(fx->db, e.id, a.version, &err), &err);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM enrolments"), 0);
    assert_int_equal(tu_audit_count(fx, "enrolments", "insert"), 1);
    assert_int_equal(tu_audit_count(fx, "enrolments", "update"), 1);
    assert_int_equal(tu_audit_count(fx, "enrolments", "delete"), 1);
    assert_int_equal(tu_audit_states(fx, "tbl='enrolments' AND action='update' AND login='clerk'",
                                     "json_extract(before_json, '$.attended') = 0"
                                     " AND json_extract(after_json, '$.attended') = 1"),
                     1);
}

static void enrolment_lists_by_course_and_member(void **state)
{
    struct tu_fixture *fx = *state;
    static const char *names[] = {"周", "吴", "郑", "王", "冯", "陈", "褚", "卫", "蒋", "沈", "韩", "杨"};
    int64_t ids[12];
    for (int i = 0; i < 12; i++)
        ids[i] = tu_member(fx, names[i], "19900101", 101 + 2 * i);
    int64_t c1 = course(fx, "PX-L1", "班一", "2026-05-01", 0);
    int64_t c2 = course(fx, "PX-L2", "班二", "2026-03-01", 0);
    struct ud_enrolment e;
    struct ud_err err;
    for (int i = 0; i < 12; i++)
        must_ok(enrol(fx, c1, ids[i], &e, &err), &err);
    must_ok(enrol(fx, c2, ids[0], &e, &err), &err);
    must_ok(enrol(fx, c2, ids[1], &e, &err), &err);

    struct ud_enrolment rows[5];
    struct ud_cursor cur[5];
    int n, seen = 0;
    struct ud_page pg = {.limit = 5};
    struct ud_enrolment_filter f = {.course_id = c1};
    char prev[96] = "";
    for (;;) {
        must_ok(ud_enrolment_list(fx->db, &f, &pg, rows, cur, &n, &err), &err);
        for (int i = 0; i < n; i++) {
            assert_int_equal(rows[i].course_id, c1);
            assert_true(strcmp(prev, rows[i].member_name) < 0);
            snprintf(prev, sizeof prev, "%s", rows[i].member_name);
        }
        seen += n;
        if (n < 5)
            break;
        pg.after = cur[n - 1];
    }
    assert_int_equal(seen, 12);
    int64_t count;
    must_ok(ud_enrolment_count(fx->db, &f, &count, &err), &err);
    assert_int_equal(count, 12);
    /* by member, in course start order */
    struct ud_enrolment_filter m = {.member_id = ids[0]};
    struct ud_page mp = {.limit = 5, .sort = "starts_on"};
    must_ok(ud_enrolment_list(fx->db, &m, &mp, rows, cur, &n, &err), &err);
    assert_int_equal(n, 2);
    assert_string_equal(rows[0].course_code, "PX-L2");
    assert_string_equal(rows[1].course_code, "PX-L1");
    must_ok(ud_enrolment_count(fx->db, &m, &count, &err), &err);
    assert_int_equal(count, 2);
    must_ok(ud_enrolment_count(fx->db, NULL, &count, &err), &err);
    assert_int_equal(count, 14);
}

static void fields_are_the_csv_columns(void **state)
{
    (void)state;
    static const char *courses[] = {"code", "title", "category", "starts_on", "organizer", "ends_on",
                                    "hours", "location", "capacity", "fee", "member_discount"};
    static const char *enrolments[] = {"course", "id_number", "attended", "completed", "score",
                                       "certificate_no", "fee_paid"};
    int k = 0;
    for (const struct ud_field *f = ud_course_fields; f->name; f++, k++)
        assert_string_equal(f->name, courses[k]);
    assert_int_equal(k, 11);
    k = 0;
    for (const struct ud_field *f = ud_enrolment_fields; f->name; f++)
        if (!(f->flags & UD_FF_NOCSV))
            assert_string_equal(f->name, enrolments[k++]);
    assert_int_equal(k, 7);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(course_from_typed_fields, setup, teardown),
        cmocka_unit_test_setup_teardown(course_dates_must_be_in_order, setup, teardown),
        cmocka_unit_test_setup_teardown(member_discount_cannot_exceed_fee, setup, teardown),
        cmocka_unit_test_setup_teardown(course_limits, setup, teardown),
        cmocka_unit_test_setup_teardown(duplicate_course_code_is_a_field_error, setup, teardown),
        cmocka_unit_test_setup_teardown(course_roles_and_delete, setup, teardown),
        cmocka_unit_test_setup_teardown(stale_course_update_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(course_list_search_and_filters, setup, teardown),
        cmocka_unit_test_setup_teardown(enrolment_reads_member_and_course, setup, teardown),
        cmocka_unit_test_setup_teardown(duplicate_enrolment_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(capacity_is_enforced, setup, teardown),
        cmocka_unit_test_setup_teardown(completion_needs_attendance, setup, teardown),
        cmocka_unit_test_setup_teardown(only_active_members_enrol, setup, teardown),
        cmocka_unit_test_setup_teardown(enrolment_edits_are_optimistic_and_audited, setup, teardown),
        cmocka_unit_test_setup_teardown(enrolment_lists_by_course_and_member, setup, teardown),
        cmocka_unit_test_setup_teardown(fields_are_the_csv_columns, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
