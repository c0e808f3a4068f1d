/* Hardship aid: recipients, the grant workflow and its roles, no double
 * aid, the import path that creates recipients, audit rows, optimistic
 * concurrency, lists, the roster walk and exact sums. */
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

static int64_t recipient(struct tu_fixture *fx, int64_t member_id)
{
    struct ud_aid_recipient r;
    struct ud_err err;
    ud_err_clear(&err);
    ud_aid_recipient_init(&r);
    r.member_id = member_id;
    must_ok(ud_aid_recipient_create(fx->db, &r, &err), &err);
    return r.id;
}

static void grant_init(struct ud_aid_grant *g, int64_t member_id, const char *program, int64_t fen,
                       const char *date)
{
    ud_aid_grant_init(g);
    g->member_id = member_id;
    snprintf(g->program, sizeof g->program, "%s", program);
    g->amount_fen = fen;
    snprintf(g->granted_on, sizeof g->granted_on, "%s", date);
}

/* A proposed grant to a member who has a recipient record. */
static int64_t grant(struct tu_fixture *fx, int64_t member_id, const char *program, int64_t fen, const char *date)
{
    struct ud_aid_grant g;
    struct ud_err err;
    ud_err_clear(&err);
    grant_init(&g, member_id, program, fen, date);
    must_ok(ud_aid_grant_create(fx->db, &g, 0, &err), &err);
    return g.id;
}

static void get_grant(struct tu_fixture *fx, int64_t id, struct ud_aid_grant *g)
{
    struct ud_err err;
    ud_err_clear(&err);
    must_ok(ud_aid_grant_get(fx->db, id, g, &err), &err);
}

/* ---- recipients ---- */

static void recipient_reads_member_and_defaults(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t mid = tu_member(fx, "陈困难", "19700315", 21);
    tu_login(fx, "clerk");
    struct ud_aid_recipient r;
    struct ud_err err;
    ud_err_clear(&err);
    ud_aid_recipient_init(&r);
    const struct ud_field *f = ud_field_find(ud_aid_recipient_fields, "身份证号");
    assert_non_null(f);
    char idn[19];
    tu_id_number("19700315", 21, idn);
    assert_int_equal(ud_field_set(fx->db, f, &r, idn, &err), UD_OK);
    assert_int_equal(r.member_id, mid);
    assert_int_equal(ud_field_set(fx->db, ud_field_find(ud_aid_recipient_fields, "income"), &r, "850.50", &err),
                     UD_OK);
    must_ok(ud_aid_recipient_create(fx->db, &r, &err), &err);
    assert_true(r.id > 0);
    assert_string_equal(r.member_name, "陈困难");
    assert_string_equal(r.id_number, idn);
    assert_string_equal(r.gender, "M");
    assert_string_equal(r.org_name, "宁波港机械厂工会");
    assert_string_equal(r.hardship_level, "general");
    assert_string_equal(r.hardship_category, "other");
    assert_string_equal(r.registered_on, "2026-11-26");
    assert_string_equal(r.status, "active");
    assert_int_equal(r.household_size, 1);
    assert_int_equal(r.income_fen, 85050);
    struct ud_aid_recipient by;
    must_ok(ud_aid_recipient_get_by_member(fx->db, mid, &by, &err), &err);
    assert_int_equal(by.id, r.id);
    int64_t other = tu_member(fx, "无档案", "19710101", 23);
    assert_int_equal(ud_aid_recipient_get_by_member(fx->db, other, &by, &err), UD_ERR_NOTFOUND);
}

static void recipient_one_per_member(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t mid = tu_member(fx, "周一", "19800101", 31);
    recipient(fx, mid);
    struct ud_aid_recipient r;
    struct ud_err err;
    ud_err_clear(&err);
    ud_aid_recipient_init(&r);
    r.member_id = mid;
    assert_int_equal(ud_aid_recipient_create(fx->db, &r, &err), UD_ERR_DUPLICATE);
    assert_non_null(ud_err_find(&err, "id_number"));
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM aid_recipients"), 1);
    assert_int_equal(fx->db->txn_depth, 0);
}

static void recipient_field_checks(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t mid = tu_member(fx, "吴二", "19800101", 33);
    struct ud_aid_recipient r;
    struct ud_err err;
    ud_err_clear(&err);
    ud_aid_recipient_init(&r);
    r.member_id = mid;
    snprintf(r.registered_on, sizeof r.registered_on, "2026-11-27");
    r.household_size = 31;
    assert_int_equal(ud_aid_recipient_create(fx->db, &r, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "registered_on"));
    assert_non_null(ud_err_find(&err, "household_size"));
    ud_err_clear(&err);
    ud_aid_recipient_init(&r);
    assert_int_equal(ud_aid_recipient_create(fx->db, &r, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "id_number")); /* required */
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM aid_recipients"), 0);
}

static void recipient_update_is_optimistic(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t id = recipient(fx, tu_member(fx, "郑三", "19750101", 35));
    struct ud_aid_recipient a, b, now;
    struct ud_err err;
    ud_err_clear(&err);
    must_ok(ud_aid_recipient_get(fx->db, id, &a, &err), &err);
    must_ok(ud_aid_recipient_get(fx->db, id, &b, &err), &err);
    tu_login(fx, "clerk");
    snprintf(a.hardship_level, sizeof a.hardship_level, "severe");
    must_ok(ud_aid_recipient_update(fx->db, &a, &err), &err);
    assert_int_equal(a.version, 2);
    snprintf(b.hardship_category, sizeof b.hardship_category, "illness");
    assert_int_equal(ud_aid_recipient_update(fx->db, &b, &err), UD_ERR_CONFLICT);
    must_ok(ud_aid_recipient_get(fx->db, id, &now, &err), &err);
    assert_string_equal(now.hardship_level, "severe");
    assert_string_equal(now.hardship_category, "other");
    /* a record stays with its member */
    ud_err_clear(&err);
    now.member_id = tu_member(fx, "别人", "19750101", 37);
    assert_int_equal(ud_aid_recipient_update(fx->db, &now, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "id_number"));
}

static void recipient_delete_only_without_grants(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t mid = tu_member(fx, "冯四", "19750101", 39);
    int64_t rid = recipient(fx, mid);
    int64_t gid = grant(fx, mid, "holiday", 30000, "2026-02-01");
    struct ud_err err;
    ud_err_clear(&err);
    tu_login(fx, "clerk");
    assert_int_equal(ud_aid_recipient_delete(fx->db, rid, 1, &err), UD_ERR_PERM);
    tu_login(fx, "officer");
    ud_err_clear(&err);
    assert_int_equal(ud_aid_recipient_delete(fx->db, rid, 1, &err), UD_ERR_STATE);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM aid_recipients"), 1);
    must_ok(ud_aid_grant_delete(fx->db, gid, 1, &err), &err);
    must_ok(ud_aid_recipient_delete(fx->db, rid, 1, &err), &err);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM aid_recipients"), 0);
    assert_int_equal(tu_audit_count(fx, "aid_recipients", "delete"), 1);
}

static void recipient_list_search_and_filters(void **state)
{
    struct tu_fixture *fx = *state;
    recipient(fx, tu_member(fx, "王建国", "19800101", 41));
    recipient(fx, tu_member(fx, "王建华", "19810101", 43));
    recipient(fx, tu_member(fx, "李建国", "19830101", 45));
    tu_member(fx, "王无档", "19840101", 47);
    /* one in the other enterprise union, outside the community */
    struct ud_member m;
    struct ud_err err;
    ud_err_clear(&err);
    ud_member_init(&m);
    snprintf(m.name, sizeof m.name, "王外厂");
    tu_id_number("19850101", 49, m.id_number);
    m.org_id = fx->enterprise2;
    must_ok(ud_member_create(fx->db, &m, &err), &err);
    int64_t rid = recipient(fx, m.id);
    struct ud_aid_recipient r;
    must_ok(ud_aid_recipient_get(fx->db, rid, &r, &err), &err);
    snprintf(r.hardship_level, sizeof r.hardship_level, "severe");
    snprintf(r.status, sizeof r.status, "lifted");
    must_ok(ud_aid_recipient_update(fx->db, &r, &err), &err);

    struct ud_aid_recipient rows[10];
    struct ud_cursor cur[10];
    int n;
    struct ud_page pg = {.limit = 10};
    struct ud_aid_recipient_filter f = {.query = "王建"};
    must_ok(ud_aid_recipient_list(fx->db, &f, &pg, rows, cur, &n, &err), &err);
    assert_int_equal(n, 2);
    assert_string_equal(rows[0].member_name, "王建华");
    assert_string_equal(rows[1].member_name, "王建国");
    f.query = "3302061983";
    must_ok(ud_aid_recipient_list(fx->db, &f, &pg, rows, cur, &n, &err), &err);
    assert_int_equal(n, 1);
    assert_string_equal(rows[0].member_name, "李建国");
    f.query = "王";
    int64_t count;
    must_ok(ud_aid_recipient_count(fx->db, &f, &count, &err), &err);
    assert_int_equal(count, 3); /* 王无档 has no record */
    f.org_subtree = fx->community;
    must_ok(ud_aid_recipient_count(fx->db, &f, &count, &err), &err);
    assert_int_equal(count, 2);
    f.org_subtree = fx->street;
    must_ok(ud_aid_recipient_count(fx->db, &f, &count, &err), &err);
    assert_int_equal(count, 3);
    struct ud_aid_recipient_filter g = {.hardship_level = "severe"};
    must_ok(ud_aid_recipient_list(fx->db, &g, &pg, rows, cur, &n, &err), &err);
    assert_int_equal(n, 1);
    assert_string_equal(rows[0].member_name, "王外厂");
    struct ud_aid_recipient_filter h = {.status = "active"};
    must_ok(ud_aid_recipient_count(fx->db, &h, &count, &err), &err);
    assert_int_equal(count, 3);
}

/* ---- grant workflow ---- */

static void grant_moves_proposed_approved_paid(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t mid = tu_member(fx, "蒋五", "19700101", 51);
    recipient(fx, mid);
    tu_login(fx, "clerk");
    int64_t id = grant(fx, mid, "send_warmth", 50000, "2026-01-20");
    struct ud_aid_grant g;
    get_grant(fx, id, &g);
    assert_string_equal(g.status, "proposed");
    assert_string_equal(g.approved_by, "");
    assert_string_equal(g.member_name, "蒋五");
    assert_int_equal(g.member_id, mid);
    assert_string_equal(g.org_name, "宁波港机械厂工会");
    assert_string_equal(g.hardship_category, "other");
    tu_login(fx, "officer");
    struct ud_err err;
    ud_err_clear(&err);
    must_ok(ud_aid_grant_approve(fx->db, &g, &err), &err);
    assert_string_equal(g.status, "approved");
    assert_string_equal(g.approved_by, "officer");
    assert_string_equal(g.approved_on, "2026-11-26");
    assert_int_equal(g.version, 2);
    must_ok(ud_aid_grant_pay(fx->db, &g, "2026年2月3日", &err), &err);
    assert_string_equal(g.status, "paid");
    assert_string_equal(g.paid_on, "2026-02-03");
    assert_string_equal(g.approved_by, "officer");
    assert_int_equal(g.version, 3);
    /* proposed → cancelled and approved → cancelled */
    int64_t id2 = grant(fx, mid, "holiday", 20000, "2026-05-01");
    int64_t id3 = grant(fx, mid, "emergency", 20000, "2026-05-01");
    struct ud_aid_grant g2, g3;
    get_grant(fx, id2, &g2);
    get_grant(fx, id3, &g3);
    must_ok(ud_aid_grant_cancel(fx->db, &g2, &err), &err);
    assert_string_equal(g2.status, "cancelled");
    must_ok(ud_aid_grant_approve(fx->db, &g3, &err), &err);
    must_ok(ud_aid_grant_cancel(fx->db, &g3, &err), &err);
    assert_string_equal(g3.status, "cancelled");
    assert_string_equal(g3.approved_by, "officer"); /* the approval stays on record */
    /* paid today when no date is given */
    int64_t id4 = grant(fx, mid, "medical_mutual", 20000, "2026-06-01");
    struct ud_aid_grant g4;
    get_grant(fx, id4, &g4);
    must_ok(ud_aid_grant_approve(fx->db, &g4, &err), &err);
    must_ok(ud_aid_grant_pay(fx->db, &g4, NULL, &err), &err);
    assert_string_equal(g4.paid_on, "2026-11-26");
}

static void grant_refused_moves(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t mid = tu_member(fx, "沈六", "19700101", 53);
    recipient(fx, mid);
    tu_login(fx, "officer");
    struct ud_aid_grant g, p, c;
    struct ud_err err;
    ud_err_clear(&err);
    get_grant(fx, grant(fx, mid, "send_warmth", 50000, "2026-01-20"), &g);
    /* proposed cannot be paid */
    assert_int_equal(ud_aid_grant_pay(fx->db, &g, "2026-02-01", &err), UD_ERR_STATE);
    assert_non_null(strstr(err.msg, "拟发放"));
    assert_int_equal(fx->db->txn_depth, 0);
    ud_err_clear(&err);
    must_ok(ud_aid_grant_approve(fx->db, &g, &err), &err);
    /* approved cannot be approved again */
    assert_int_equal(ud_aid_grant_approve(fx->db, &g, &err), UD_ERR_STATE);
    ud_err_clear(&err);
    /* nor edited */
    g.amount_fen = 1;
    assert_int_equal(ud_aid_grant_update(fx->db, &g, 0, &err), UD_ERR_STATE);
    ud_err_clear(&err);
    must_ok(ud_aid_grant_get(fx->db, g.id, &g, &err), &err);
    must_ok(ud_aid_grant_pay(fx->db, &g, "2026-02-01", &err), &err);
    p = g;
    /* paid cannot be cancelled, approved, paid again or deleted */
    assert_int_equal(ud_aid_grant_cancel(fx->db, &p, &err), UD_ERR_STATE);
    ud_err_clear(&err);
    assert_int_equal(ud_aid_grant_approve(fx->db, &p, &err), UD_ERR_STATE);
    ud_err_clear(&err);
    assert_int_equal(ud_aid_grant_pay(fx->db, &p, "2026-02-02", &err), UD_ERR_STATE);
    ud_err_clear(&err);
    assert_int_equal(ud_aid_grant_delete(fx->db, p.id, p.version, &err), UD_ERR_STATE);
    ud_err_clear(&err);
    /* cancelled cannot move at all */
    get_grant(fx, grant(fx, mid, "holiday", 10000, "2026-03-01"), &c);
    must_ok(ud_aid_grant_cancel(fx->db, &c, &err), &err);
    assert_int_equal(ud_aid_grant_approve(fx->db, &c, &err), UD_ERR_STATE);
    ud_err_clear(&err);
    assert_int_equal(ud_aid_grant_pay(fx->db, &c, NULL, &err), UD_ERR_STATE);
    ud_err_clear(&err);
    assert_int_equal(ud_aid_grant_cancel(fx->db, &c, &err), UD_ERR_STATE);
    struct ud_aid_grant now;
    get_grant(fx, p.id, &now);
    assert_string_equal(now.status, "paid");
    assert_string_equal(now.paid_on, "2026-02-01");
    assert_int_equal(now.version, p.version);
    get_grant(fx, c.id, &now);
    assert_string_equal(now.status, "cancelled");
}

static void clerk_cannot_approve_or_pay(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t mid = tu_member(fx, "韩七", "19700101", 55);
    recipient(fx, mid);
    tu_login(fx, "clerk");
    struct ud_aid_grant g;
    struct ud_err err;
    ud_err_clear(&err);
    get_grant(fx, grant(fx, mid, "education", 200000, "2026-09-01"), &g);
    assert_int_equal(ud_aid_grant_approve(fx->db, &g, &err), UD_ERR_PERM);
    ud_err_clear(&err);
    assert_int_equal(ud_aid_grant_cancel(fx->db, &g, &err), UD_ERR_PERM);
    ud_err_clear(&err);
    get_grant(fx, g.id, &g);
    assert_string_equal(g.status, "proposed");
    tu_login(fx, "officer");
    must_ok(ud_aid_grant_approve(fx->db, &g, &err), &err);
    tu_login(fx, "clerk");
    assert_int_equal(ud_aid_grant_pay(fx->db, &g, "2026-09-02", &err), UD_ERR_PERM);
    ud_err_clear(&err);
    get_grant(fx, g.id, &g);
    assert_string_equal(g.status, "approved");
    tu_login(fx, "officer");
    must_ok(ud_aid_grant_pay(fx->db, &g, "2026-09-02", &err), &err);
    assert_string_equal(g.status, "paid");
    /* an account-less login reads only */
    tu_login(fx, "stranger");
    struct ud_aid_grant n;
    grant_init(&n, mid, "holiday", 100, "2026-01-01");
    assert_int_equal(ud_aid_grant_create(fx->db, &n, 0, &err), UD_ERR_PERM);
}

static void pay_date_rules(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t mid = tu_member(fx, "杨八", "19700101", 57);
    recipient(fx, mid);
    struct ud_aid_grant g;
    struct ud_err err;
    ud_err_clear(&err);
    get_grant(fx, grant(fx, mid, "emergency", 100000, "2026-04-10"), &g);
    must_ok(ud_aid_grant_approve(fx->db, &g, &err), &err);
    assert_int_equal(ud_aid_grant_pay(fx->db, &g, "2026-04-09", &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "paid_on"));
    ud_err_clear(&err);
    assert_int_equal(ud_aid_grant_pay(fx->db, &g, "2026-11-27", &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "paid_on"));
    ud_err_clear(&err);
    assert_int_equal(ud_aid_grant_pay(fx->db, &g, "2026-02-30", &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "paid_on"));
    ud_err_clear(&err);
    assert_int_equal(fx->db->txn_depth, 0);
    get_grant(fx, g.id, &g);
    assert_string_equal(g.status, "approved");
    must_ok(ud_aid_grant_pay(fx->db, &g, "2026-04-10", &err), &err);
    assert_string_equal(g.paid_on, "2026-04-10");
}

static void history_grants_need_an_officer(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t mid = tu_member(fx, "朱九", "19700101", 59);
    recipient(fx, mid);
    struct ud_aid_grant g;
    struct ud_err err;
    ud_err_clear(&err);
    tu_login(fx, "clerk");
    grant_init(&g, mid, "send_warmth", 50000, "2025-01-20");
    snprintf(g.status, sizeof g.status, "paid");
    snprintf(g.paid_on, sizeof g.paid_on, "2025-01-25");
    assert_int_equal(ud_aid_grant_create(fx->db, &g, 0, &err), UD_ERR_PERM);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM aid_grants"), 0);
    tu_login(fx, "officer");
    ud_err_clear(&err);
    grant_init(&g, mid, "send_warmth", 50000, "2025-01-20");
    snprintf(g.status, sizeof g.status, "paid");
    assert_int_equal(ud_aid_grant_create(fx->db, &g, 0, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "paid_on"));
    ud_err_clear(&err);
    snprintf(g.paid_on, sizeof g.paid_on, "2025-01-19");
    assert_int_equal(ud_aid_grant_create(fx->db, &g, 0, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "paid_on"));
    ud_err_clear(&err);
    snprintf(g.paid_on, sizeof g.paid_on, "2025-01-25");
    must_ok(ud_aid_grant_create(fx->db, &g, 0, &err), &err);
    assert_string_equal(g.status, "paid");
    assert_string_equal(g.approved_by, "officer");
    assert_string_equal(g.approved_on, "2025-01-20");
    assert_string_equal(g.paid_on, "2025-01-25");
    grant_init(&g, mid, "holiday", 20000, "2025-10-01");
    snprintf(g.status, sizeof g.status, "approved");
    must_ok(ud_aid_grant_create(fx->db, &g, 0, &err), &err);
    assert_string_equal(g.status, "approved");
    assert_string_equal(g.approved_on, "2025-10-01");
    assert_string_equal(g.paid_on, "");
    /* a paid-on date belongs only to a paid grant; a new grant is never cancelled */
    grant_init(&g, mid, "emergency", 20000, "2025-10-01");
    snprintf(g.paid_on, sizeof g.paid_on, "2025-10-02");
    assert_int_equal(ud_aid_grant_create(fx->db, &g, 0, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "paid_on"));
    ud_err_clear(&err);
    grant_init(&g, mid, "emergency", 20000, "2025-10-01");
    snprintf(g.status, sizeof g.status, "cancelled");
    assert_int_equal(ud_aid_grant_create(fx->db, &g, 0, &err), UD_ERR_STATE);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM aid_grants"), 2);
}

static void grant_field_checks(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t mid = tu_member(fx, "秦十", "19700101", 61);
    struct ud_aid_grant g;
    struct ud_err err;
    ud_err_clear(&err);
    /* no recipient record yet */
    grant_init(&g, mid, "holiday", 10000, "2026-01-01");
    assert_int_equal(ud_aid_grant_create(fx->db, &g, 0, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "id_number"));
    recipient(fx, mid);
    ud_err_clear(&err);
    grant_init(&g, mid, "holiday", 0, "2026-01-01");
    g.program[0] = '\0';
    assert_int_equal(ud_aid_grant_create(fx->db, &g, 0, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "amount"));
    assert_non_null(ud_err_find(&err, "program"));
    ud_err_clear(&err);
    /* typed values go through the same table */
    ud_aid_grant_init(&g);
    const struct ud_field *f = ud_field_find(ud_aid_grant_fields, "帮扶项目");
    assert_non_null(f);
    assert_int_equal(ud_field_set(fx->db, f, &g, "金秋助学", &err), UD_OK);
    assert_string_equal(g.program, "education");
    assert_int_equal(ud_field_set(fx->db, ud_field_find(ud_aid_grant_fields, "amount"), &g, "-5", &err),
                     UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "amount"));
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM aid_grants"), 0);
}

/* ---- no double aid ---- */

static void double_aid_refused_same_program_same_year(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t mid = tu_member(fx, "许一", "19700101", 63);
    recipient(fx, mid);
    tu_login(fx, "clerk");
    grant(fx, mid, "send_warmth", 50000, "2026-01-15");
    struct ud_aid_grant g;
    struct ud_err err;
    ud_err_clear(&err);
    grant_init(&g, mid, "send_warmth", 30000, "2026-12-31");
    assert_int_equal(ud_aid_grant_create(fx->db, &g, 0, &err), UD_ERR_STATE);
    assert_non_null(strstr(err.msg, "2026-01-15"));
    assert_non_null(strstr(err.msg, "500.00"));
    assert_non_null(ud_err_find(&err, "program"));
    assert_int_equal(fx->db->txn_depth, 0);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM aid_grants"), 1);
    /* also when the first is already paid, and for an officer without confirming */
    tu_login(fx, "officer");
    struct ud_aid_grant first;
    get_grant(fx, tu_int(fx, "SELECT id FROM aid_grants"), &first);
    must_ok(ud_aid_grant_approve(fx->db, &first, &err), &err);
    must_ok(ud_aid_grant_pay(fx->db, &first, "2026-01-16", &err), &err);
    ud_err_clear(&err);
    grant_init(&g, mid, "send_warmth", 30000, "2026-06-01");
    assert_int_equal(ud_aid_grant_create(fx->db, &g, 0, &err), UD_ERR_STATE);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM aid_grants"), 1);
}

static void double_aid_allowed_other_program_next_year_or_after_cancel(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t mid = tu_member(fx, "何二", "19700101", 65);
    recipient(fx, mid);
    tu_login(fx, "clerk");
    int64_t first = grant(fx, mid, "send_warmth", 50000, "2025-12-31");
    /* a different program, the same year */
    int64_t other = grant(fx, mid, "holiday", 20000, "2025-12-30");
    /* the same program, the next year */
    int64_t next = grant(fx, mid, "send_warmth", 50000, "2026-01-01");
    assert_true(first != other && other != next);
    struct ud_aid_grant g;
    struct ud_err err;
    ud_err_clear(&err);
    /* another member, the same program and year */
    int64_t mid2 = tu_member(fx, "吕三", "19700101", 67);
    recipient(fx, mid2);
    grant(fx, mid2, "send_warmth", 50000, "2025-06-01");
    /* after the first is cancelled */
    grant_init(&g, mid, "send_warmth", 40000, "2025-03-01");
    assert_int_equal(ud_aid_grant_create(fx->db, &g, 0, &err), UD_ERR_STATE);
    ud_err_clear(&err);
    tu_login(fx, "officer");
    struct ud_aid_grant f;
    get_grant(fx, first, &f);
    must_ok(ud_aid_grant_cancel(fx->db, &f, &err), &err);
    tu_login(fx, "clerk");
    grant_init(&g, mid, "send_warmth", 40000, "2025-03-01");
    must_ok(ud_aid_grant_create(fx->db, &g, 0, &err), &err);
    assert_string_equal(g.double_confirmed_by, "");
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM aid_grants"), 5);
}

static void double_aid_confirmed_by_an_officer_only(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t mid = tu_member(fx, "施四", "19700101", 69);
    recipient(fx, mid);
    grant(fx, mid, "emergency", 100000, "2026-03-01");
    struct ud_aid_grant g;
    struct ud_err err;
    ud_err_clear(&err);
    tu_login(fx, "clerk");
    grant_init(&g, mid, "emergency", 80000, "2026-08-01");
    assert_int_equal(ud_aid_grant_create(fx->db, &g, 1, &err), UD_ERR_PERM);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM aid_grants"), 1);
    ud_err_clear(&err);
    tu_login(fx, "officer");
    grant_init(&g, mid, "emergency", 80000, "2026-08-01");
    must_ok(ud_aid_grant_create(fx->db, &g, 1, &err), &err);
    assert_string_equal(g.double_confirmed_by, "officer");
    assert_string_equal(g.status, "proposed");
    /* allow_double without a double records no confirmation */
    grant_init(&g, mid, "holiday", 10000, "2026-08-01");
    must_ok(ud_aid_grant_create(fx->db, &g, 1, &err), &err);
    assert_string_equal(g.double_confirmed_by, "");
    /* a clerk may still edit the confirmed grant without moving it */
    tu_login(fx, "clerk");
    struct ud_aid_grant c;
    get_grant(fx, tu_int(fx, "SELECT id FROM aid_grants WHERE double_confirmed_by = 'officer'"), &c);
    c.amount_fen = 70000;
    must_ok(ud_aid_grant_update(fx->db, &c, 0, &err), &err);
    assert_int_equal(c.amount_fen, 70000);
    assert_string_equal(c.double_confirmed_by, "officer");
    /* the confirmation was for that program: moving onto another double is refused */
    snprintf(c.program, sizeof c.program, "holiday");
    assert_int_equal(ud_aid_grant_update(fx->db, &c, 0, &err), UD_ERR_STATE);
    ud_err_clear(&err);
    get_grant(fx, c.id, &c);
    assert_string_equal(c.program, "emergency");
    /* the admin may confirm too */
    tu_login(fx, "admin");
    grant_init(&g, mid, "emergency", 10000, "2026-09-01");
    must_ok(ud_aid_grant_create(fx->db, &g, 1, &err), &err);
    assert_string_equal(g.double_confirmed_by, "admin");
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM aid_grants WHERE program = 'emergency'"), 3);
}

static void double_check_reports_the_existing_grant(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t mid = tu_member(fx, "张五", "19700101", 71);
    recipient(fx, mid);
    int64_t id = grant(fx, mid, "education", 250000, "2026-09-01");
    struct ud_aid_grant ex;
    int found = -1;
    struct ud_err err;
    ud_err_clear(&err);
    tu_login(fx, "clerk");
    must_ok(ud_aid_double_check(fx->db, mid, "education", "2026-12-01", 0, &ex, &found, &err), &err);
    assert_int_equal(found, 1);
    assert_int_equal(ex.id, id);
    assert_int_equal(ex.amount_fen, 250000);
    assert_string_equal(ex.granted_on, "2026-09-01");
    must_ok(ud_aid_double_check(fx->db, mid, "education", "2026-12-01", id, &ex, &found, &err), &err);
    assert_int_equal(found, 0);
    must_ok(ud_aid_double_check(fx->db, mid, "education", "2027-01-01", 0, &ex, &found, &err), &err);
    assert_int_equal(found, 0);
    must_ok(ud_aid_double_check(fx->db, mid, "holiday", "2026-12-01", 0, &ex, &found, &err), &err);
    assert_int_equal(found, 0);
    /* the check is read-only: it wrote nothing */
    assert_int_equal(tu_audit_count(fx, "aid_grants", NULL), 1);
}

static void update_only_while_proposed_and_checks_double(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t mid = tu_member(fx, "孔六", "19700101", 73);
    recipient(fx, mid);
    tu_login(fx, "clerk");
    grant(fx, mid, "send_warmth", 50000, "2026-01-10");
    struct ud_aid_grant g;
    struct ud_err err;
    ud_err_clear(&err);
    get_grant(fx, grant(fx, mid, "holiday", 20000, "2026-02-10"), &g);
    snprintf(g.school, sizeof g.school, "北仑中学");
    g.amount_fen = 25000;
    must_ok(ud_aid_grant_update(fx->db, &g, 0, &err), &err);
    assert_int_equal(g.version, 2);
    assert_int_equal(g.amount_fen, 25000);
    assert_string_equal(g.school, "北仑中学");
    /* moving it onto the send_warmth of the same year is a double */
    snprintf(g.program, sizeof g.program, "send_warmth");
    assert_int_equal(ud_aid_grant_update(fx->db, &g, 0, &err), UD_ERR_STATE);
    assert_non_null(strstr(err.msg, "2026-01-10"));
    ud_err_clear(&err);
    /* an officer may confirm it */
    tu_login(fx, "officer");
    must_ok(ud_aid_grant_update(fx->db, &g, 1, &err), &err);
    assert_string_equal(g.program, "send_warmth");
    assert_string_equal(g.double_confirmed_by, "officer");
    /* the status is not the update's to change */
    snprintf(g.status, sizeof g.status, "paid");
    must_ok(ud_aid_grant_update(fx->db, &g, 0, &err), &err);
    assert_string_equal(g.status, "proposed");
    must_ok(ud_aid_grant_approve(fx->db, &g, &err), &err);
    g.amount_fen = 1;
    assert_int_equal(ud_aid_grant_update(fx->db, &g, 0, &err), UD_ERR_STATE);
    struct ud_aid_grant now;
    get_grant(fx, g.id, &now);
    assert_int_equal(now.amount_fen, 25000);
}

static void stale_grant_edits_are_refused(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t mid = tu_member(fx, "曹七", "19700101", 75);
    recipient(fx, mid);
    struct ud_aid_grant a, b;
    struct ud_err err;
    ud_err_clear(&err);
    int64_t id = grant(fx, mid, "medical_mutual", 80000, "2026-05-05");
    get_grant(fx, id, &a);
    get_grant(fx, id, &b);
    a.amount_fen = 90000;
    must_ok(ud_aid_grant_update(fx->db, &a, 0, &err), &err);
    b.amount_fen = 10000;
    assert_int_equal(ud_aid_grant_update(fx->db, &b, 0, &err), UD_ERR_CONFLICT);
    ud_err_clear(&err);
    /* a stale approval or delete is refused too */
    tu_login(fx, "officer");
    assert_int_equal(ud_aid_grant_approve(fx->db, &b, &err), UD_ERR_CONFLICT);
    ud_err_clear(&err);
    assert_int_equal(ud_aid_grant_delete(fx->db, id, 1, &err), UD_ERR_CONFLICT);
    ud_err_clear(&err);
    struct ud_aid_grant now;
    get_grant(fx, id, &now);
    assert_int_equal(now.amount_fen, 90000);
    assert_string_equal(now.status, "proposed");
    must_ok(ud_aid_grant_delete(fx->db, id, now.version, &err), &err);
    assert_int_equal(ud_aid_grant_approve(fx->db, &now, &err), UD_ERR_NOTFOUND);
}

/* ---- the import path ---- */

static void create_for_member_creates_the_recipient_once(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t mid = tu_member(fx, "严八", "19700101", 77);
    tu_login(fx, "clerk");
    struct ud_aid_grant g;
    struct ud_err err;
    ud_err_clear(&err);
    grant_init(&g, UD_NULL_INT, "education", 300000, "2026-09-01");
    must_ok(ud_aid_grant_create_for_member(fx->db, mid, &g, "education", 0, &err), &err);
    assert_int_equal(g.member_id, mid);
    assert_string_equal(g.hardship_category, "education");
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM aid_recipients"), 1);
    struct ud_aid_recipient r;
    must_ok(ud_aid_recipient_get_by_member(fx->db, mid, &r, &err), &err);
    assert_string_equal(r.registered_on, "2026-09-01");
    assert_int_equal(g.recipient_id, r.id);
    /* the second grant uses the same record, whatever category it names */
    grant_init(&g, UD_NULL_INT, "holiday", 20000, "2026-10-01");
    must_ok(ud_aid_grant_create_for_member(fx->db, mid, &g, "illness", 0, &err), &err);
    assert_int_equal(g.recipient_id, r.id);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM aid_recipients"), 1);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM aid_grants"), 2);
    must_ok(ud_aid_recipient_get(fx->db, r.id, &r, &err), &err);
    assert_string_equal(r.hardship_category, "education");
    /* without a category: other */
    int64_t mid2 = tu_member(fx, "华九", "19700101", 79);
    grant_init(&g, UD_NULL_INT, "holiday", 20000, "2026-10-01");
    must_ok(ud_aid_grant_create_for_member(fx->db, mid2, &g, NULL, 0, &err), &err);
    assert_string_equal(g.hardship_category, "other");
    assert_int_equal(tu_audit_count(fx, "aid_recipients", "insert"), 2);
}

static void create_for_member_is_one_transaction(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t mid = tu_member(fx, "金十", "19700101", 81);
    struct ud_aid_grant g;
    struct ud_err err;
    ud_err_clear(&err);
    grant_init(&g, UD_NULL_INT, "holiday", 0, "2026-10-01");
    assert_int_equal(ud_aid_grant_create_for_member(fx->db, mid, &g, "illness", 0, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "amount"));
    assert_int_equal(fx->db->txn_depth, 0);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM aid_recipients"), 0);
    assert_int_equal(tu_audit_count(fx, "aid_recipients", NULL), 0);
    /* a double is refused and leaves no new recipient either */
    ud_err_clear(&err);
    grant_init(&g, UD_NULL_INT, "holiday", 100, "2026-10-01");
    must_ok(ud_aid_grant_create_for_member(fx->db, mid, &g, NULL, 0, &err), &err);
    grant_init(&g, UD_NULL_INT, "holiday", 100, "2026-10-02");
    assert_int_equal(ud_aid_grant_create_for_member(fx->db, mid, &g, NULL, 0, &err), UD_ERR_STATE);
    ud_err_clear(&err);
    /* a clerk cannot enter paid history, nor confirm a double */
    tu_login(fx, "clerk");
    int64_t mid2 = tu_member(fx, "魏一", "19700101", 83);
    grant_init(&g, UD_NULL_INT, "holiday", 100, "2026-10-01");
    snprintf(g.status, sizeof g.status, "paid");
    snprintf(g.paid_on, sizeof g.paid_on, "2026-10-01");
    assert_int_equal(ud_aid_grant_create_for_member(fx->db, mid2, &g, NULL, 0, &err), UD_ERR_PERM);
    ud_err_clear(&err);
    grant_init(&g, UD_NULL_INT, "holiday", 100, "2026-10-01");
    assert_int_equal(ud_aid_grant_create_for_member(fx->db, mid2, &g, NULL, 1, &err), UD_ERR_PERM);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM aid_recipients"), 1);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM aid_grants"), 1);
    assert_int_equal(fx->db->txn_depth, 0);
}

/* ---- audit ---- */

static void grant_audit_rows(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t mid = tu_member(fx, "陶二", "19700101", 85);
    recipient(fx, mid);
    tu_login(fx, "clerk");
    struct ud_aid_grant g;
    struct ud_err err;
    ud_err_clear(&err);
    get_grant(fx, grant(fx, mid, "holiday", 20000, "2026-02-01"), &g);
    g.amount_fen = 30000;
    must_ok(ud_aid_grant_update(fx->db, &g, 0, &err), &err);
    tu_login(fx, "officer");
    must_ok(ud_aid_grant_approve(fx->db, &g, &err), &err);
    must_ok(ud_aid_grant_cancel(fx->db, &g, &err), &err);
    must_ok(ud_aid_grant_delete(fx->db, g.id, g.version, &err), &err);
    assert_int_equal(tu_audit_count(fx, "aid_grants", "insert"), 1);
    assert_int_equal(tu_audit_count(fx, "aid_grants", "update"), 3);
    assert_int_equal(tu_audit_count(fx, "aid_grants", "delete"), 1);
    assert_int_equal(tu_audit_states(fx, "tbl='aid_grants' AND action='insert' AND login='clerk'",
                                     "json_extract(after_json, '$.status') = 'proposed'"),
                     1);
    assert_int_equal(tu_audit_states(fx, "tbl='aid_grants' AND action='update' AND login='clerk'",
                                     "json_extract(before_json, '$.amount_fen') = 20000"
                                     " AND json_extract(after_json, '$.amount_fen') = 30000"),
                     1);
    assert_int_equal(tu_audit_states(fx, "tbl='aid_grants' AND action='update' AND login='officer'",
                                     "json_extract(after_json, '$.status') = 'approved'"
                                     " AND json_extract(after_json, '$.approved_by') = 'officer'"),
                     1);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM audit_log WHERE tbl='aid_grants' AND action='delete'"
                                " AND login='officer' AND json_extract(before_json, '$.status') = 'cancelled'"),
                     1);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM aid_grants"), 0);
}

static void delete_rules(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t mid = tu_member(fx, "姜三", "19700101", 87);
    recipient(fx, mid);
    struct ud_aid_grant g;
    struct ud_err err;
    ud_err_clear(&err);
    get_grant(fx, grant(fx, mid, "holiday", 20000, "2026-02-01"), &g);
    tu_login(fx, "clerk");
    assert_int_equal(ud_aid_grant_delete(fx->db, g.id, g.version, &err), UD_ERR_PERM);
    ud_err_clear(&err);
    tu_login(fx, "officer");
    must_ok(ud_aid_grant_approve(fx->db, &g, &err), &err);
    assert_int_equal(ud_aid_grant_delete(fx->db, g.id, g.version, &err), UD_ERR_STATE);
    ud_err_clear(&err);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM aid_grants"), 1);
    get_grant(fx, grant(fx, mid, "emergency", 20000, "2026-02-01"), &g);
    must_ok(ud_aid_grant_delete(fx->db, g.id, g.version, &err), &err);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM aid_grants"), 1);
}

/* ---- lists, the roster walk, sums ---- */

/* Fixture for the list tests: three members (one in the other enterprise
 * union) with grants on scattered dates, entered out of date order. */
static int64_t list_members[3];

static int many_grants(struct tu_fixture *fx)
{
    static const char *programs[] = {"send_warmth", "education", "medical_mutual", "emergency", "holiday", "other"};
    list_members[0] = tu_member(fx, "王大", "19700101", 101);
    list_members[1] = tu_member(fx, "王小", "19710101", 103);
    struct ud_member m;
    struct ud_err err;
    ud_err_clear(&err);
    ud_member_init(&m);
    snprintf(m.name, sizeof m.name, "李外");
    tu_id_number("19720101", 105, m.id_number);
    m.org_id = fx->enterprise2;
    must_ok(ud_member_create(fx->db, &m, &err), &err);
    list_members[2] = m.id;
    for (int i = 0; i < 3; i++)
        recipient(fx, list_members[i]);
    /* one grant per (member, program, year): 3 × 6 × 2 = 36, dates from a
     * fixed scramble, several on the same day */
    int n = 0;
    unsigned x = 12345;
    for (int year = 2025; year <= 2026; year++)
        for (int p = 0; p < 6; p++)
            for (int k = 0; k < 3; k++) {
                x = x * 1103515245u + 12345u;
                int month = (int)((x >> 16) % 11) + 1;
                int day = (int)((x >> 8) % 4) * 7 + 1;
                char date[40];
                snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, day);
                grant(fx, list_members[k], programs[p], 100 * (n + 1), date);
                n++;
            }
    return n;
}

struct walk {
    int n;
    int64_t ids[64];
    char dates[64][UD_DATE_SZ];
    int64_t sum;
    int stop_after;
};

static int walk_cb(const struct ud_aid_grant *g, void *arg)
{
    struct walk *w = arg;
    if (w->n < 64) {
        w->ids[w->n] = g->id;
        memcpy(w->dates[w->n], g->granted_on, UD_DATE_SZ);
    }
    w->n++;
    w->sum += g->amount_fen;
    return w->stop_after && w->n >= w->stop_after ? 42 : 0;
}

/* The ids the walk must give, straight from SQL. */
static int expected_ids(struct tu_fixture *fx, const char *where, int64_t *ids, int max)
{
    char sql[512];
    snprintf(sql, sizeof sql,
             "SELECT g.id FROM aid_grants g JOIN aid_recipients r ON r.id = g.recipient_id "
             "JOIN members m ON m.id = r.member_id WHERE %s ORDER BY g.granted_on, g.id",
             where);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(fx->db->h, sql, -1, &st, NULL), SQLITE_OK);
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW && n < max)
        ids[n++] = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

static void assert_walk(struct tu_fixture *fx, const struct ud_aid_grant_filter *f, const char *where)
{
    struct walk w;
    memset(&w, 0, sizeof w);
    struct ud_err err;
    ud_err_clear(&err);
    must_ok(ud_aid_grant_each(fx->db, f, walk_cb, &w, &err), &err);
    int64_t want[64];
    int n = expected_ids(fx, where, want, 64);
    assert_true(n > 0);
    assert_int_equal(w.n, n);
    for (int i = 0; i < n; i++) {
        assert_int_equal(w.ids[i], want[i]);
        if (i > 0) {
            int c = strcmp(w.dates[i - 1], w.dates[i]);
            assert_true(c < 0 || (c == 0 && w.ids[i - 1] < w.ids[i]));
        }
    }
    int64_t count, sum;
    must_ok(ud_aid_grant_sum(fx->db, f, &count, &sum, &err), &err);
    assert_int_equal(count, n);
    assert_int_equal(sum, w.sum);
    must_ok(ud_aid_grant_count(fx->db, f, &count, &err), &err);
    assert_int_equal(count, n);
}

static void each_visits_every_matching_grant_once_in_order(void **state)
{
    struct tu_fixture *fx = *state;
    int total = many_grants(fx);
    assert_int_equal(total, 36);
    assert_walk(fx, NULL, "1");
    struct ud_aid_grant_filter f = {.program = "holiday"};
    assert_walk(fx, &f, "g.program = 'holiday'");
    /* bounds on dates that have grants: both ends are included */
    char from[UD_DATE_SZ], to[UD_DATE_SZ], where[160];
    int64_t lo = tu_int(fx, "SELECT id FROM aid_grants ORDER BY granted_on, id LIMIT 1 OFFSET 4");
    int64_t hi = tu_int(fx, "SELECT id FROM aid_grants ORDER BY granted_on, id LIMIT 1 OFFSET 29");
    struct ud_aid_grant b;
    get_grant(fx, lo, &b);
    memcpy(from, b.granted_on, sizeof from);
    get_grant(fx, hi, &b);
    memcpy(to, b.granted_on, sizeof to);
    struct ud_aid_grant_filter d = {.date_from = from, .date_to = to};
    snprintf(where, sizeof where, "g.granted_on BETWEEN '%s' AND '%s'", from, to);
    assert_walk(fx, &d, where);
    struct walk w;
    memset(&w, 0, sizeof w);
    struct ud_err e2;
    ud_err_clear(&e2);
    must_ok(ud_aid_grant_each(fx->db, &d, walk_cb, &w, &e2), &e2);
    assert_string_equal(w.dates[0], from);
    assert_string_equal(w.dates[w.n - 1], to);
    struct ud_aid_grant_filter o = {.org_subtree = fx->community};
    assert_walk(fx, &o, "m.org_id = (SELECT id FROM orgs WHERE code = 'BL-XQ-DG-001')");
    struct ud_aid_grant_filter q = {.query = "王"};
    assert_walk(fx, &q, "m.name LIKE '王%'");
    struct ud_aid_grant_filter idq = {.query = "3302061972"};
    assert_walk(fx, &idq, "m.name = '李外'");
    /* status filter */
    struct ud_aid_grant g;
    struct ud_err err;
    ud_err_clear(&err);
    get_grant(fx, tu_int(fx, "SELECT min(id) FROM aid_grants"), &g);
    tu_login(fx, "officer");
    must_ok(ud_aid_grant_cancel(fx->db, &g, &err), &err);
    struct ud_aid_grant_filter s = {.status = "proposed"};
    assert_walk(fx, &s, "g.status = 'proposed'");
    int64_t count;
    must_ok(ud_aid_grant_count(fx->db, &s, &count, &err), &err);
    assert_int_equal(count, 35);
}

static void each_stops_when_the_callback_says(void **state)
{
    struct tu_fixture *fx = *state;
    many_grants(fx);
    struct walk w;
    memset(&w, 0, sizeof w);
    w.stop_after = 5;
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_aid_grant_each(fx->db, NULL, walk_cb, &w, &err), 42);
    assert_int_equal(w.n, 5);
    /* the statement was finalized: the connection can still write */
    struct ud_aid_grant_filter none = {.program = "holiday", .date_from = "2030-01-01"};
    memset(&w, 0, sizeof w);
    must_ok(ud_aid_grant_each(fx->db, &none, walk_cb, &w, &err), &err);
    assert_int_equal(w.n, 0);
    grant(fx, list_members[0], "holiday", 100, "2024-01-01");
}

static void list_pages_and_search(void **state)
{
    struct tu_fixture *fx = *state;
    many_grants(fx);
    struct ud_aid_grant rows[10];
    struct ud_cursor cur[10];
    int n;
    struct ud_err err;
    ud_err_clear(&err);
    int64_t want[64];
    int total = expected_ids(fx, "1", want, 64);
    assert_int_equal(total, 36);
    /* default sort is granted_on, id: pages in order, back again */
    struct ud_page pg = {.limit = 10};
    int seen = 0;
    for (;;) {
        must_ok(ud_aid_grant_list(fx->db, NULL, &pg, rows, cur, &n, &err), &err);
        for (int i = 0; i < n; i++)
            assert_int_equal(rows[i].id, want[seen + i]);
        seen += n;
        if (n < 10)
            break;
        pg.after = cur[n - 1];
    }
    assert_int_equal(seen, 36);
    pg.after = cur[0];
    pg.backward = 1;
    must_ok(ud_aid_grant_list(fx->db, NULL, &pg, rows, cur, &n, &err), &err);
    assert_int_equal(n, 10);
    assert_int_equal(rows[0].id, want[20]);
    assert_int_equal(rows[9].id, want[29]);
    /* search by name prefix, sorted by name; by ID number prefix */
    struct ud_page sp = {.limit = 10};
    struct ud_aid_grant_filter f = {.query = "王小"};
    must_ok(ud_aid_grant_list(fx->db, &f, &sp, rows, cur, &n, &err), &err);
    assert_int_equal(n, 10);
    for (int i = 0; i < n; i++)
        assert_string_equal(rows[i].member_name, "王小");
    int64_t count;
    must_ok(ud_aid_grant_count(fx->db, &f, &count, &err), &err);
    assert_int_equal(count, 12);
    f.query = "3302061970";
    f.program = "education";
    must_ok(ud_aid_grant_list(fx->db, &f, &sp, rows, cur, &n, &err), &err);
    assert_int_equal(n, 2);
    assert_string_equal(rows[0].member_name, "王大");
    assert_string_equal(rows[0].program, "education");
    /* amount sort */
    struct ud_page ap = {.limit = 3, .sort = "amount", .desc = 1};
    must_ok(ud_aid_grant_list(fx->db, NULL, &ap, rows, cur, &n, &err), &err);
    assert_int_equal(n, 3);
    assert_int_equal(rows[0].amount_fen, 3600);
    assert_int_equal(rows[2].amount_fen, 3400);
}

static void sums_are_exact_in_fen(void **state)
{
    struct tu_fixture *fx = *state;
    static const char *programs[] = {"send_warmth", "education", "medical_mutual", "emergency", "holiday", "other"};
    static const char *amounts[] = {"0.01", "0.10", "1234.56", "99999999.99", "0.07", "12.5万"};
    int64_t mid = tu_member(fx, "钱多", "19700101", 107);
    recipient(fx, mid);
    const struct ud_field *af = ud_field_find(ud_aid_grant_fields, "amount");
    assert_non_null(af);
    struct ud_err err;
    ud_err_clear(&err);
    for (int i = 0; i < 6; i++) {
        struct ud_aid_grant g;
        grant_init(&g, mid, programs[i], 0, "2026-03-01");
        must_ok(ud_field_set(fx->db, af, &g, amounts[i], &err), &err);
        must_ok(ud_aid_grant_create(fx->db, &g, 0, &err), &err);
    }
    int64_t count, sum;
    must_ok(ud_aid_grant_sum(fx->db, NULL, &count, &sum, &err), &err);
    assert_int_equal(count, 6);
    /* 1 + 10 + 123456 + 9999999999 + 7 + 12500000 fen */
    assert_true(sum == INT64_C(10012623473));
    struct ud_aid_grant_filter f = {.program = "education"};
    must_ok(ud_aid_grant_sum(fx->db, &f, NULL, &sum, &err), &err);
    assert_int_equal(sum, 10);
    struct ud_aid_grant_filter none = {.program = "holiday", .status = "paid"};
    must_ok(ud_aid_grant_sum(fx->db, &none, &count, &sum, &err), &err);
    assert_int_equal(count, 0);
    assert_int_equal(sum, 0);
}

/* An ID number ending in X is found when typed with a lower-case x. */
static void id_number_search_ignores_the_case_of_x(void **state)
{
    struct tu_fixture *fx = *state;
    char idn[19];
    int seq = 201;
    for (;; seq += 2) {
        tu_id_number("19660606", seq, idn);
        if (idn[17] == 'X')
            break;
    }
    int64_t mid = tu_member(fx, "末尾X", "19660606", seq);
    tu_member(fx, "别人", "19660606", seq + 2);
    recipient(fx, mid);
    grant(fx, mid, "holiday", 1234, "2026-01-01");
    char lower[19];
    memcpy(lower, idn, sizeof lower);
    lower[17] = 'x';
    struct ud_aid_grant_filter f = {.query = lower};
    int64_t count = -1, sum = -1;
    struct ud_err err;
    ud_err_clear(&err);
    must_ok(ud_aid_grant_sum(fx->db, &f, &count, &sum, &err), &err);
    assert_int_equal(count, 1);
    assert_int_equal(sum, 1234);
    struct walk w;
    memset(&w, 0, sizeof w);
    must_ok(ud_aid_grant_each(fx->db, &f, walk_cb, &w, &err), &err);
    assert_int_equal(w.n, 1);
    struct ud_aid_grant rows[2];
    int n;
    struct ud_page pg = {.limit = 2};
    must_ok(ud_aid_grant_list(fx->db, &f, &pg, rows, NULL, &n, &err), &err);
    assert_int_equal(n, 1);
    assert_string_equal(rows[0].id_number, idn);
    struct ud_aid_recipient_filter rf = {.query = lower};
    must_ok(ud_aid_recipient_count(fx->db, &rf, &count, &err), &err);
    assert_int_equal(count, 1);
}

static void grant_fields_are_the_csv_columns(void **state)
{
    (void)state;
    static const char *csv[] = {"id_number", "program", "amount", "granted_on", "status", "hardship_category",
                                "fund_source", "paid_on", "child_name", "school"};
    int importable = 0;
    for (const struct ud_field *f = ud_aid_grant_fields; f->name; f++)
        if (!(f->flags & UD_FF_NOCSV))
            importable++;
    assert_int_equal(importable, 10);
    for (size_t i = 0; i < sizeof csv / sizeof csv[0]; i++) {
        const struct ud_field *f = ud_field_find(ud_aid_grant_fields, csv[i]);
        assert_non_null(f);
        assert_false(f->flags & UD_FF_NOCSV);
    }
    /* required: id_number, program, amount, granted_on */
    assert_true(ud_field_find(ud_aid_grant_fields, "id_number")->flags & UD_FF_REQUIRED);
    assert_true(ud_field_find(ud_aid_grant_fields, "granted_on")->flags & UD_FF_REQUIRED);
    assert_false(ud_field_find(ud_aid_grant_fields, "status")->flags & UD_FF_REQUIRED);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(recipient_reads_member_and_defaults, setup, teardown),
        cmocka_unit_test_setup_teardown(recipient_one_per_member, setup, teardown),
        cmocka_unit_test_setup_teardown(recipient_field_checks, setup, teardown),
        cmocka_unit_test_setup_teardown(recipient_update_is_optimistic, setup, teardown),
        cmocka_unit_test_setup_teardown(recipient_delete_only_without_grants, setup, teardown),
        cmocka_unit_test_setup_teardown(recipient_list_search_and_filters, setup, teardown),
        cmocka_unit_test_setup_teardown(grant_moves_proposed_approved_paid, setup, teardown),
        cmocka_unit_test_setup_teardown(grant_refused_moves, setup, teardown),
        cmocka_unit_test_setup_teardown(clerk_cannot_approve_or_pay, setup, teardown),
        cmocka_unit_test_setup_teardown(pay_date_rules, setup, teardown),
        cmocka_unit_test_setup_teardown(history_grants_need_an_officer, setup, teardown),
        cmocka_unit_test_setup_teardown(grant_field_checks, setup, teardown),
        cmocka_unit_test_setup_teardown(double_aid_refused_same_program_same_year, setup, teardown),
        cmocka_unit_test_setup_teardown(double_aid_allowed_other_program_next_year_or_after_cancel, setup, teardown),
        cmocka_unit_test_setup_teardown(double_aid_confirmed_by_an_officer_only, setup, teardown),
        cmocka_unit_test_setup_teardown(double_check_reports_the_existing_grant, setup, teardown),
        cmocka_unit_test_setup_teardown(update_only_while_proposed_and_checks_double, setup, teardown),
        cmocka_unit_test_setup_teardown(stale_grant_edits_are_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(create_for_member_creates_the_recipient_once, setup, teardown),
        cmocka_unit_test_setup_teardown(create_for_member_is_one_transaction, setup, teardown),
        cmocka_unit_test_setup_teardown(grant_audit_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(delete_rules, setup, teardown),
        cmocka_unit_test_setup_teardown(each_visits_every_matching_grant_once_in_order, setup, teardown),
        cmocka_unit_test_setup_teardown(each_stops_when_the_callback_says, setup, teardown),
        cmocka_unit_test_setup_teardown(list_pages_and_search, setup, teardown),
        cmocka_unit_test_setup_teardown(sums_are_exact_in_fen, setup, teardown),
        cmocka_unit_test_setup_teardown(id_number_search_ignores_the_case_of_x, setup, teardown),
        cmocka_unit_test_setup_teardown(grant_fields_are_the_csv_columns, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
