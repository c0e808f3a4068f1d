/* Mediation cases: the workflow against DESIGN.md's diagram, dates,
 * case numbers, optimistic concurrency, roles, audit, overdue, lists. */
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
#include "uniondesk/member.h"
#include "uniondesk/org.h"
#include "uniondesk/rules.h"

static const char *const statuses[] = {"received", "filed", "mediating", "succeeded",
                                       "failed", "withdrawn", "not_accepted"};
#define NSTATUS 7

/* DESIGN.md's diagram, written out here on its own. */
static const char *const diagram[][2] = {
    {"received", "filed"},     {"received", "not_accepted"}, {"received", "withdrawn"},
    {"filed", "mediating"},    {"filed", "succeeded"},       {"filed", "failed"},
    {"filed", "withdrawn"},    {"mediating", "succeeded"},   {"mediating", "failed"},
    {"mediating", "withdrawn"},
};
#define NDIAGRAM ((int)(sizeof diagram / sizeof diagram[0]))

static int in_diagram(const char *from, const char *to)
{
    for (int i = 0; i < NDIAGRAM; i++)
        if (strcmp(diagram[i][0], from) == 0 && strcmp(diagram[i][1], to) == 0)
            return 1;
    return 0;
}

static int terminal(const char *s)
{
    return !strcmp(s, "succeeded") || !strcmp(s, "failed") || !strcmp(s, "withdrawn") || !strcmp(s, "not_accepted");
}

/* A case in `status` with dates that agree: received 11-01, filed 11-02
 * (when the status has been filed), closed 11-20 (when terminal). */
static void base_case(struct tu_fixture *fx, struct ud_case *c, const char *status)
{
    ud_case_init(c);
    c->mediation_org_id = fx->district;
    snprintf(c->received_on, sizeof c->received_on, "2026-11-01");
    snprintf(c->dispute_type, sizeof c->dispute_type, "wages");
    snprintf(c->applicant_name, sizeof c->applicant_name, "张三");
    snprintf(c->status, sizeof c->status, "%s", status);
    if (strcmp(status, "received") && strcmp(status, "not_accepted") && strcmp(status, "withdrawn"))
        snprintf(c->filed_on, sizeof c->filed_on, "2026-11-02");
    if (terminal(status))
        snprintf(c->closed_on, sizeof c->closed_on, "2026-11-20");
}

static int64_t new_case(struct tu_fixture *fx, const char *status)
{
    struct ud_case c;
    struct ud_err err;
    ud_err_clear(&err);
    base_case(fx, &c, status);
    OK(ud_case_create(fx->db, &c, &err));
    return c.id;
}

static int64_t count_sql(struct tu_fixture *fx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int64_t count_sql(struct tu_fixture *fx, const char *fmt, ...)
{
    char sql[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(sql, sizeof sql, fmt, ap);
    va_end(ap);
    return tu_int(fx, sql);
}

static void create_defaults_number_and_first_event(void **state)
{
    struct tu_fixture *fx = *state;
    tu_login(fx, "clerk");
    struct ud_case c;
    struct ud_err err;
    ud_err_clear(&err);
    ud_case_init(&c);
    c.status[0] = '\0'; /* empty: defaults to received */
    c.mediation_org_id = fx->street;
    snprintf(c.received_on, sizeof c.received_on, "2026-11-20");
    snprintf(c.dispute_type, sizeof c.dispute_type, "劳动报酬"); /* a label is accepted too */
    snprintf(c.applicant_name, sizeof c.applicant_name, "李四");
    OK(ud_case_create(fx->db, &c, &err));
    assert_true(c.id > 0);
    assert_string_equal(c.status, "received");
    assert_string_equal(c.dispute_type, "wages");
    assert_string_equal(c.case_no, "TJ-2026-00001");
    assert_string_equal(c.mediation_org_name, "新碶街道总工会");
    assert_string_equal(c.level, "street");
    assert_int_equal(c.version, 1);
    assert_int_equal(c.workers_count, 1);
    assert_int_equal(c.claim_fen, 0);
    assert_true(c.agreed_fen == UD_NULL_INT);
    assert_true(c.member_id == UD_NULL_INT);
    assert_int_equal(c.overdue, 0);
    struct ud_case_event ev[4];
    int n;
    OK(ud_case_events(fx->db, c.id, ev, 4, &n, &err));
    assert_int_equal(n, 1);
    assert_string_equal(ev[0].kind, "status");
    assert_string_equal(ev[0].from_status, "");
    assert_string_equal(ev[0].to_status, "received");
    assert_string_equal(ev[0].login, "clerk");
    assert_int_equal(count_sql(fx, "SELECT count(*) FROM case_events WHERE case_id = %lld AND from_status IS NULL",
                               (long long)c.id), 1);
}

static void every_allowed_move_succeeds_and_writes_an_event(void **state)
{
    struct tu_fixture *fx = *state;
    tu_login(fx, "clerk");
    struct ud_err err;
    for (int i = 0; i < NDIAGRAM; i++) {
        const char *from = diagram[i][0], *to = diagram[i][1];
        int64_t id = new_case(fx, from);
        struct ud_case_move mv;
        ud_case_move_init(&mv);
        mv.date = "2026-11-25";
        char note[32];
        snprintf(note, sizeof note, "move %d", i);
        mv.note = note;
        ud_err_clear(&err);
        OK(ud_case_move(fx->db, id, 1, to, &mv, &err));
        struct ud_case c;
        OK(ud_case_get(fx->db, id, &c, &err));
        assert_string_equal(c.status, to);
        assert_int_equal(c.version, 2);
        if (strcmp(to, "filed") == 0)
            assert_string_equal(c.filed_on, "2026-11-25");
        if (terminal(to))
            assert_string_equal(c.closed_on, "2026-11-25");
        else
            assert_string_equal(c.closed_on, "");
        assert_int_equal(count_sql(fx,
                                   "SELECT count(*) FROM case_events WHERE case_id = %lld AND kind = 'status' "
                                   "AND from_status = '%s' AND to_status = '%s' AND body = '%s' AND login = 'clerk'",
                                   (long long)id, from, to, note),
                         1);
        assert_int_equal(count_sql(fx, "SELECT count(*) FROM case_events WHERE case_id = %lld", (long long)id), 2);
    }
}

static void moves_outside_the_diagram_are_refused(void **state)
{
    struct tu_fixture *fx = *state;
    tu_login(fx, "clerk");
    struct ud_err err;
    int allowed_total = 0;
    for (int i = 0; i < NSTATUS; i++) {
        const char *from = statuses[i];
        const char *next[8];
        int nn = ud_case_allowed_moves(from, next, 8);
        allowed_total += nn;
        int64_t id = new_case(fx, from);
        for (int j = 0; j < NSTATUS; j++) {
            const char *to = statuses[j];
            int listed = 0;
            for (int k = 0; k < nn; k++)
                listed |= strcmp(next[k], to) == 0;
            assert_int_equal(listed, in_diagram(from, to));
            if (in_diagram(from, to))
                continue; /* exercised by the test above */
            ud_err_clear(&err);
            assert_int_equal(ud_case_move(fx->db, id, 1, to, NULL, &err), UD_ERR_STATE);
            /* the message names both states, in Chinese by default */
            assert_non_null(strstr(err.msg, ud_enum_label(&ud_enum_case_status, from)));
            assert_non_null(strstr(err.msg, ud_enum_label(&ud_enum_case_status, to)));
            struct ud_case c;
            OK(ud_case_get(fx->db, id, &c, &err));
            assert_string_equal(c.status, from);
            assert_int_equal(c.version, 1);
        }
        assert_int_equal(count_sql(fx, "SELECT count(*) FROM case_events WHERE case_id = %lld", (long long)id), 1);
    }
    assert_int_equal(allowed_total, NDIAGRAM);
}

static void refused_move_speaks_the_users_language(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t id = new_case(fx, "received");
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_case_move(fx->db, id, 1, "succeeded", NULL, &err), UD_ERR_STATE);
    assert_non_null(strstr(err.msg, "登记"));
    assert_non_null(strstr(err.msg, "调解成功"));
    ud_lang = UD_LANG_EN;
    ud_err_clear(&err);
    assert_int_equal(ud_case_move(fx->db, id, 1, "succeeded", NULL, &err), UD_ERR_STATE);
    assert_non_null(strstr(err.msg, "received"));
    assert_non_null(strstr(err.msg, "succeeded"));
    assert_null(strstr(err.msg, "登记"));
}

static void terminal_states_need_closed_on(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_case c;
    struct ud_err err;
    for (int i = 0; i < NSTATUS; i++) {
        const char *s = statuses[i];
        base_case(fx, &c, s);
        ud_err_clear(&err);
        if (terminal(s)) {
            c.closed_on[0] = '\0';
            assert_int_equal(ud_case_create(fx->db, &c, &err), UD_ERR_INVALID);
            assert_non_null(ud_err_find(&err, "closed_on"));
            assert_null(ud_err_find(&err, "filed_on"));
        } else {
            snprintf(c.closed_on, sizeof c.closed_on, "2026-11-20");
            assert_int_equal(ud_case_create(fx->db, &c, &err), UD_ERR_INVALID);
            assert_non_null(ud_err_find(&err, "closed_on"));
        }
    }
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM cases"), 0);
    /* filed exactly for filed/mediating/succeeded/failed, optional when withdrawn */
    base_case(fx, &c, "mediating");
    c.filed_on[0] = '\0';
    ud_err_clear(&err);
    assert_int_equal(ud_case_create(fx->db, &c, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "filed_on"));
    base_case(fx, &c, "not_accepted");
    snprintf(c.filed_on, sizeof c.filed_on, "2026-11-02");
    ud_err_clear(&err);
    assert_int_equal(ud_case_create(fx->db, &c, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "filed_on"));
    base_case(fx, &c, "withdrawn");
    ud_err_clear(&err);
    OK(ud_case_create(fx->db, &c, &err));
    base_case(fx, &c, "withdrawn");
    snprintf(c.filed_on, sizeof c.filed_on, "2026-11-02");
    OK(ud_case_create(fx->db, &c, &err));
    /* an agreed amount only with success */
    base_case(fx, &c, "failed");
    c.agreed_fen = 100000;
    ud_err_clear(&err);
    assert_int_equal(ud_case_create(fx->db, &c, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "agreed_amount"));
    base_case(fx, &c, "succeeded");
    c.agreed_fen = 100000;
    OK(ud_case_create(fx->db, &c, &err));
    assert_int_equal(c.agreed_fen, 100000);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM cases"), 3);
}

static void dates_must_be_ordered_and_not_in_the_future(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_case c;
    struct ud_err err;
    base_case(fx, &c, "filed");
    snprintf(c.filed_on, sizeof c.filed_on, "2026-10-31");
    ud_err_clear(&err);
    assert_int_equal(ud_case_create(fx->db, &c, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "filed_on"));
    assert_null(ud_err_find(&err, "received_on"));

    base_case(fx, &c, "succeeded");
    snprintf(c.filed_on, sizeof c.filed_on, "2026-11-10");
    snprintf(c.closed_on, sizeof c.closed_on, "2026-11-09");
    ud_err_clear(&err);
    assert_int_equal(ud_case_create(fx->db, &c, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "closed_on"));
    assert_null(ud_err_find(&err, "filed_on"));

    base_case(fx, &c, "not_accepted");
    snprintf(c.closed_on, sizeof c.closed_on, "2026-10-30");
    ud_err_clear(&err);
    assert_int_equal(ud_case_create(fx->db, &c, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "closed_on"));

    base_case(fx, &c, "received");
    snprintf(c.received_on, sizeof c.received_on, "2026-11-27");
    ud_err_clear(&err);
    assert_int_equal(ud_case_create(fx->db, &c, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "received_on"));

    base_case(fx, &c, "failed");
    snprintf(c.closed_on, sizeof c.closed_on, "2026-11-27");
    ud_err_clear(&err);
    assert_int_equal(ud_case_create(fx->db, &c, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "closed_on"));
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM cases"), 0);

    /* moves: the date lands in filed_on or closed_on and is checked there */
    int64_t id = new_case(fx, "received"); /* received 2026-11-01 */
    struct ud_case_move mv;
    ud_case_move_init(&mv);
    mv.date = "2026-10-31";
    ud_err_clear(&err);
    assert_int_equal(ud_case_move(fx->db, id, 1, "filed", &mv, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "filed_on"));
    mv.date = "2026-11-27";
    ud_err_clear(&err);
    assert_int_equal(ud_case_move(fx->db, id, 1, "filed", &mv, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "filed_on"));
    mv.date = "2026-02-30";
    ud_err_clear(&err);
    assert_int_equal(ud_case_move(fx->db, id, 1, "filed", &mv, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "filed_on"));
    mv.date = "2026-10-31";
    ud_err_clear(&err);
    assert_int_equal(ud_case_move(fx->db, id, 1, "not_accepted", &mv, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "closed_on"));
    mv.date = "2026-11-05";
    ud_err_clear(&err);
    OK(ud_case_move(fx->db, id, 1, "filed", &mv, &err));
    mv.date = "2026-11-04"; /* before filing */
    ud_err_clear(&err);
    assert_int_equal(ud_case_move(fx->db, id, 2, "failed", &mv, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "closed_on"));
    /* an agreed amount goes with success only; default date is today */
    ud_case_move_init(&mv);
    mv.agreed_fen = 5000;
    ud_err_clear(&err);
    assert_int_equal(ud_case_move(fx->db, id, 2, "failed", &mv, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "agreed_amount"));
    mv.outcome = "双方达成协议，单位支付工资5000元";
    OK(ud_case_move(fx->db, id, 2, "succeeded", &mv, &err));
    struct ud_case now;
    OK(ud_case_get(fx->db, id, &now, &err));
    assert_string_equal(now.status, "succeeded");
    assert_string_equal(now.filed_on, "2026-11-05");
    assert_string_equal(now.closed_on, "2026-11-26");
    assert_int_equal(now.agreed_fen, 5000);
    assert_string_equal(now.outcome, "双方达成协议，单位支付工资5000元");
    assert_int_equal(now.version, 3);
    assert_int_equal(count_sql(fx, "SELECT count(*) FROM case_events WHERE case_id = %lld", (long long)id), 3);
}

static void failed_move_records_the_referral(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t id = new_case(fx, "mediating");
    struct ud_case_move mv;
    ud_case_move_init(&mv);
    mv.referred_to_arbitration = 1;
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_case_move(fx->db, id, 1, "withdrawn", &mv, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "referred_to_arbitration"));
    ud_err_clear(&err);
    OK(ud_case_move(fx->db, id, 1, "failed", &mv, &err));
    struct ud_case c;
    OK(ud_case_get(fx->db, id, &c, &err));
    assert_string_equal(c.status, "failed");
    assert_int_equal(c.referred_to_arbitration, 1);
}

/* Only a failed mediation is referred to arbitration, however the case is
 * entered (create, as imports do; update, as the form does). */
static void referral_only_with_a_failed_mediation(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_case c;
    struct ud_err err;
    ud_err_clear(&err);
    base_case(fx, &c, "succeeded");
    c.referred_to_arbitration = 1;
    assert_int_equal(ud_case_create(fx->db, &c, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "referred_to_arbitration"));
    ud_err_clear(&err);
    base_case(fx, &c, "failed");
    c.referred_to_arbitration = 1;
    OK(ud_case_create(fx->db, &c, &err));
    int64_t id = new_case(fx, "mediating");
    OK(ud_case_get(fx->db, id, &c, &err));
    c.referred_to_arbitration = 1;
    assert_int_equal(ud_case_update(fx->db, &c, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "referred_to_arbitration"));
    assert_int_equal(count_sql(fx, "SELECT count(*) FROM cases WHERE referred_to_arbitration = 1 AND status <> 'failed'"),
                     0);
}

static void case_numbers_are_unique_and_counted_per_year(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_case c;
    struct ud_err err;
    ud_err_clear(&err);
    const char *days[] = {"2025-12-30", "2025-12-31", "2026-01-02", "2026-01-03"};
    const char *want[] = {"TJ-2025-00001", "TJ-2025-00002", "TJ-2026-00001", "TJ-2026-00002"};
    for (int i = 0; i < 4; i++) {
        base_case(fx, &c, "received");
        snprintf(c.received_on, sizeof c.received_on, "%s", days[i]);
        OK(ud_case_create(fx->db, &c, &err));
        assert_string_equal(c.case_no, want[i]);
    }
    /* an imported TJ number is kept and raises its year's sequence */
    base_case(fx, &c, "received");
    snprintf(c.case_no, sizeof c.case_no, "tj-2026-00050");
    OK(ud_case_create(fx->db, &c, &err));
    assert_string_equal(c.case_no, "TJ-2026-00050");
    base_case(fx, &c, "received");
    OK(ud_case_create(fx->db, &c, &err));
    assert_string_equal(c.case_no, "TJ-2026-00051");
    /* a lower one does not lower it; another form does not touch it */
    base_case(fx, &c, "received");
    snprintf(c.case_no, sizeof c.case_no, "TJ-2026-00010");
    OK(ud_case_create(fx->db, &c, &err));
    base_case(fx, &c, "received");
    snprintf(c.case_no, sizeof c.case_no, "BL-XQ-2026-900");
    OK(ud_case_create(fx->db, &c, &err));
    assert_string_equal(c.case_no, "BL-XQ-2026-900");
    base_case(fx, &c, "received");
    OK(ud_case_create(fx->db, &c, &err));
    assert_string_equal(c.case_no, "TJ-2026-00052");
    /* the other year kept its own count */
    base_case(fx, &c, "received");
    snprintf(c.received_on, sizeof c.received_on, "2025-06-01");
    OK(ud_case_create(fx->db, &c, &err));
    assert_string_equal(c.case_no, "TJ-2025-00003");
    assert_int_equal(tu_int(fx, "SELECT last FROM case_numbers WHERE year = 2026"), 52);
    assert_int_equal(tu_int(fx, "SELECT last FROM case_numbers WHERE year = 2025"), 3);
    /* a number given twice is a duplicate, named, and nothing is written */
    int64_t before = tu_int(fx, "SELECT count(*) FROM cases");
    base_case(fx, &c, "received");
    snprintf(c.case_no, sizeof c.case_no, "TJ-2026-00050");
    ud_err_clear(&err);
    assert_int_equal(ud_case_create(fx->db, &c, &err), UD_ERR_DUPLICATE);
    assert_non_null(ud_err_find(&err, "case_no"));
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM cases"), before);
    assert_int_equal(tu_int(fx, "SELECT count(DISTINCT case_no) FROM cases"), before);
    /* a raised number in a new year starts that year's count there */
    base_case(fx, &c, "received");
    snprintf(c.case_no, sizeof c.case_no, "TJ-2024-00007");
    ud_err_clear(&err);
    OK(ud_case_create(fx->db, &c, &err));
    base_case(fx, &c, "received");
    snprintf(c.received_on, sizeof c.received_on, "2024-03-01");
    OK(ud_case_create(fx->db, &c, &err));
    assert_string_equal(c.case_no, "TJ-2024-00008");
}

static void stale_version_is_refused_and_nothing_overwritten(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t id = new_case(fx, "filed");
    struct ud_case a, b;
    struct ud_err err;
    ud_err_clear(&err);
    OK(ud_case_get(fx->db, id, &a, &err));
    OK(ud_case_get(fx->db, id, &b, &err));
    snprintf(a.mediator, sizeof a.mediator, "陈调解");
    OK(ud_case_update(fx->db, &a, &err));
    assert_int_equal(a.version, 2);
    snprintf(b.mediator, sizeof b.mediator, "林调解");
    ud_err_clear(&err);
    assert_int_equal(ud_case_update(fx->db, &b, &err), UD_ERR_CONFLICT);
    /* a move on the stale version is refused too */
    ud_err_clear(&err);
    assert_int_equal(ud_case_move(fx->db, id, 1, "mediating", NULL, &err), UD_ERR_CONFLICT);
    ud_err_clear(&err);
    assert_int_equal(ud_case_delete(fx->db, id, 1, &err), UD_ERR_CONFLICT);
    struct ud_case now;
    ud_err_clear(&err);
    OK(ud_case_get(fx->db, id, &now, &err));
    assert_string_equal(now.mediator, "陈调解");
    assert_string_equal(now.status, "filed");
    assert_int_equal(now.version, 2);
    assert_int_equal(count_sql(fx, "SELECT count(*) FROM case_events WHERE case_id = %lld", (long long)id), 1);
    /* the current version works */
    OK(ud_case_move(fx->db, id, 2, "mediating", NULL, &err));
    /* a deleted case is not found, not a conflict */
    tu_login(fx, "officer");
    OK(ud_case_delete(fx->db, id, 3, &err));
    ud_err_clear(&err);
    assert_int_equal(ud_case_move(fx->db, id, 3, "failed", NULL, &err), UD_ERR_NOTFOUND);
}

static void clerk_cannot_delete_officer_can_and_audit_sees_all(void **state)
{
    struct tu_fixture *fx = *state;
    tu_login(fx, "clerk");
    int64_t id = new_case(fx, "received");
    struct ud_case c;
    struct ud_err err;
    ud_err_clear(&err);
    OK(ud_case_get(fx->db, id, &c, &err));
    snprintf(c.employer_name, sizeof c.employer_name, "宁波某机械有限公司");
    OK(ud_case_update(fx->db, &c, &err));
    OK(ud_case_move(fx->db, id, c.version, "filed", NULL, &err));
    OK(ud_case_add_event(fx->db, id, "phone", "电话通知单位负责人到场", &err));
    ud_err_clear(&err);
    assert_int_equal(ud_case_delete(fx->db, id, 3, &err), UD_ERR_PERM);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM cases"), 1);
    tu_login(fx, "officer");
    ud_err_clear(&err);
    OK(ud_case_delete(fx->db, id, 3, &err));
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM cases"), 0);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM case_events"), 0); /* cascaded */
    assert_int_equal(tu_audit_count(fx, "cases", "insert"), 1);
    assert_int_equal(tu_audit_count(fx, "cases", "update"), 2); /* edit and move */
    assert_int_equal(tu_audit_count(fx, "cases", "delete"), 1);
    assert_int_equal(tu_audit_count(fx, "case_events", "insert"), 3);
    assert_int_equal(tu_audit_count(fx, "case_events", "delete"), 3);
    assert_int_equal(tu_audit_states(fx, "tbl = 'cases' AND action = 'insert' AND login = 'clerk'",
                                     "json_extract(after_json, '$.status') = 'received'"),
                     1);
    assert_int_equal(tu_audit_states(fx, "tbl = 'cases' AND action = 'update'",
                                     "json_extract(before_json, '$.status') = 'received' "
                                     "AND json_extract(after_json, '$.status') = 'filed'"),
                     1);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM audit_log WHERE tbl = 'cases' AND action = 'delete' "
                                "AND login = 'officer' AND json_extract(before_json, '$.employer_name') = "
                                "'宁波某机械有限公司'"),
                     1);
    /* without an account nothing can be written */
    tu_login(fx, "stranger");
    struct ud_case n;
    base_case(fx, &n, "received");
    ud_err_clear(&err);
    assert_int_equal(ud_case_create(fx->db, &n, &err), UD_ERR_PERM);
}

static int64_t case_filed_on(struct tu_fixture *fx, const char *status, const char *filed, const char *closed)
{
    struct ud_case c;
    struct ud_err err;
    ud_err_clear(&err);
    base_case(fx, &c, status);
    snprintf(c.filed_on, sizeof c.filed_on, "%s", filed);
    snprintf(c.closed_on, sizeof c.closed_on, "%s", closed ? closed : "");
    OK(ud_case_create(fx->db, &c, &err));
    return c.id;
}

static void overdue_after_fifteen_days_of_filing(void **state)
{
    struct tu_fixture *fx = *state;
    /* today is 2026-11-26 */
    int64_t day15 = case_filed_on(fx, "filed", "2026-11-11", NULL);
    int64_t day16 = case_filed_on(fx, "filed", "2026-11-10", NULL);
    int64_t med16 = case_filed_on(fx, "mediating", "2026-11-10", NULL);
    int64_t done = case_filed_on(fx, "succeeded", "2026-11-01", "2026-11-20");
    int64_t ids[] = {day15, day16, med16, done};
    int want[] = {0, 1, 1, 0};
    struct ud_err err;
    ud_err_clear(&err);
    for (int i = 0; i < 4; i++) {
        struct ud_case c;
        OK(ud_case_get(fx->db, ids[i], &c, &err));
        assert_int_equal(c.overdue, want[i]);
    }
    struct ud_case_filter f = {.overdue_only = 1};
    struct ud_page pg = {.limit = 10};
    struct ud_case rows[10];
    int n;
    OK(ud_case_list(fx->db, &f, &pg, rows, NULL, &n, &err));
    assert_int_equal(n, 2);
    for (int i = 0; i < n; i++) {
        assert_true(rows[i].id == day16 || rows[i].id == med16);
        assert_int_equal(rows[i].overdue, 1);
    }
    int64_t count;
    OK(ud_case_count(fx->db, &f, &count, &err));
    assert_int_equal(count, 2);
    /* the list's overdue column agrees with get */
    f.overdue_only = 0;
    OK(ud_case_list(fx->db, &f, &pg, rows, NULL, &n, &err));
    assert_int_equal(n, 4);
    for (int i = 0; i < n; i++)
        for (int k = 0; k < 4; k++)
            if (rows[i].id == ids[k])
                assert_int_equal(rows[i].overdue, want[k]);
    /* the list narrows overdue_only to filed and mediating cases (for the
     * status index): rules.c must agree that only those can be overdue */
    for (int i = 0; i < NSTATUS; i++)
        assert_int_equal(ud_case_overdue(statuses[i], "2000-01-01", "2026-11-26"),
                         !strcmp(statuses[i], "filed") || !strcmp(statuses[i], "mediating"));
}

static int64_t case_at(struct tu_fixture *fx, int64_t org, const char *status, const char *received,
                       const char *name, const char *type, const char *mediator)
{
    struct ud_case c;
    struct ud_err err;
    ud_err_clear(&err);
    base_case(fx, &c, status);
    c.mediation_org_id = org;
    snprintf(c.received_on, sizeof c.received_on, "%s", received);
    snprintf(c.applicant_name, sizeof c.applicant_name, "%s", name);
    snprintf(c.dispute_type, sizeof c.dispute_type, "%s", type);
    snprintf(c.mediator, sizeof c.mediator, "%s", mediator);
    OK(ud_case_create(fx->db, &c, &err));
    return c.id;
}

static int list_ids(struct tu_fixture *fx, const struct ud_case_filter *f, const struct ud_page *pg, int64_t *ids)
{
    struct ud_case rows[20];
    struct ud_err err;
    int n;
    ud_err_clear(&err);
    OK(ud_case_list(fx->db, f, pg, rows, NULL, &n, &err));
    for (int i = 0; i < n; i++)
        ids[i] = rows[i].id;
    int64_t count;
    struct ud_case_filter none = {0};
    OK(ud_case_count(fx->db, f ? f : &none, &count, &err));
    assert_int_equal(count, n); /* the count agrees with the list */
    return n;
}

static void list_filters(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t d1 = case_at(fx, fx->district, "received", "2026-10-01", "甲", "wages", "陈");
    int64_t d2 = case_at(fx, fx->district, "filed", "2026-10-05", "乙", "termination", "林");
    int64_t s1 = case_at(fx, fx->street, "filed", "2026-10-03", "丙", "wages", "陈");
    int64_t s2 = case_at(fx, fx->street, "succeeded", "2026-09-20", "丁", "overtime", "");
    int64_t c1 = case_at(fx, fx->community, "filed", "2026-11-01", "戊", "wages", "");
    int64_t ids[20];
    struct ud_page pg = {.limit = 20};
    struct ud_page desc = {.limit = 20, .desc = 1};

    /* default sort: received_on, ascending unless asked */
    assert_int_equal(list_ids(fx, NULL, &pg, ids), 5);
    int64_t asc_want[] = {s2, d1, s1, d2, c1};
    for (int i = 0; i < 5; i++)
        assert_true(ids[i] == asc_want[i]);
    assert_int_equal(list_ids(fx, NULL, &desc, ids), 5);
    for (int i = 0; i < 5; i++)
        assert_true(ids[i] == asc_want[4 - i]);

    struct ud_case_filter f = {.status = "filed"};
    assert_int_equal(list_ids(fx, &f, &pg, ids), 3);
    assert_true(ids[0] == s1 && ids[1] == d2 && ids[2] == c1);

    struct ud_case_filter lv = {.level = "district"};
    assert_int_equal(list_ids(fx, &lv, &pg, ids), 2);
    assert_true(ids[0] == d1 && ids[1] == d2);
    lv.level = "street";
    assert_int_equal(list_ids(fx, &lv, &pg, ids), 2);
    assert_true(ids[0] == s2 && ids[1] == s1);
    lv.level = "community";
    assert_int_equal(list_ids(fx, &lv, &pg, ids), 1);
    assert_true(ids[0] == c1);
    lv.status = "received";
    assert_int_equal(list_ids(fx, &lv, &pg, ids), 0);
    struct ud_err err;
    ud_err_clear(&err);
    struct ud_case rows[20];
    int n;
    lv.level = "province";
    assert_int_equal(ud_case_list(fx->db, &lv, &pg, rows, NULL, &n, &err), UD_ERR_INVALID);

    /* subtree of the mediation body: the street holds the community */
    struct ud_case_filter sub = {.org_subtree = fx->street};
    assert_int_equal(list_ids(fx, &sub, &pg, ids), 3);
    assert_true(ids[0] == s2 && ids[1] == s1 && ids[2] == c1);
    sub.org_subtree = fx->community;
    assert_int_equal(list_ids(fx, &sub, &pg, ids), 1);
    assert_true(ids[0] == c1);
    sub.org_subtree = fx->district;
    assert_int_equal(list_ids(fx, &sub, &pg, ids), 5);
    sub.status = "filed";
    sub.org_subtree = fx->street;
    assert_int_equal(list_ids(fx, &sub, &pg, ids), 2);

    struct ud_case_filter ty = {.dispute_type = "wages"};
    assert_int_equal(list_ids(fx, &ty, &pg, ids), 3);
    struct ud_case_filter med = {.mediator = "陈"};
    assert_int_equal(list_ids(fx, &med, &pg, ids), 2);
    assert_true(ids[0] == d1 && ids[1] == s1);
    struct ud_case_filter rng = {.received_from = "2026-10-01", .received_to = "2026-10-05"};
    assert_int_equal(list_ids(fx, &rng, &pg, ids), 3);
    assert_true(ids[0] == d1 && ids[1] == s1 && ids[2] == d2);
    struct ud_case_filter od = {.overdue_only = 1, .level = "district"};
    assert_int_equal(list_ids(fx, &od, &pg, ids), 1); /* filed 11-02: 24 days */
    assert_true(ids[0] == d2);

    /* keyset paging: two at a time, sorted by case number */
    struct ud_page p2 = {.limit = 2, .sort = "case_no"};
    struct ud_cursor cur[2];
    char seen[5][UD_CASE_NO_SZ];
    int got = 0;
    for (int page = 0; page < 4 && got < 5; page++) {
        OK(ud_case_list(fx->db, NULL, &p2, rows, cur, &n, &err));
        for (int i = 0; i < n; i++)
            snprintf(seen[got++], UD_CASE_NO_SZ, "%s", rows[i].case_no);
        if (n == 0)
            break;
        p2.after = cur[n - 1];
    }
    assert_int_equal(got, 5);
    for (int i = 1; i < 5; i++)
        assert_true(strcmp(seen[i - 1], seen[i]) < 0);
}

static void search_by_case_number_applicant_and_employer(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_case c;
    struct ud_err err;
    ud_err_clear(&err);
    base_case(fx, &c, "received");
    snprintf(c.applicant_name, sizeof c.applicant_name, "张建国");
    OK(ud_case_create(fx->db, &c, &err)); /* TJ-2026-00001 */
    int64_t zhang = c.id;
    base_case(fx, &c, "received");
    snprintf(c.applicant_name, sizeof c.applicant_name, "张三丰");
    snprintf(c.employer_name, sizeof c.employer_name, "宁波港机械厂");
    OK(ud_case_create(fx->db, &c, &err)); /* TJ-2026-00002 */
    int64_t zhang2 = c.id;
    base_case(fx, &c, "received");
    snprintf(c.applicant_name, sizeof c.applicant_name, "李建华");
    snprintf(c.employer_name, sizeof c.employer_name, "张氏五金厂");
    snprintf(c.received_on, sizeof c.received_on, "2025-05-05");
    OK(ud_case_create(fx->db, &c, &err)); /* TJ-2025-00001 */
    int64_t li = c.id;

    int64_t ids[20];
    struct ud_page pg = {.limit = 20};
    struct ud_case_filter f = {.query = "tj-2026-0000"}; /* typed in lower case */
    assert_int_equal(list_ids(fx, &f, &pg, ids), 2);
    assert_true(ids[0] == zhang && ids[1] == zhang2);
    f.query = "tj-2025";
    assert_int_equal(list_ids(fx, &f, &pg, ids), 1);
    assert_true(ids[0] == li);
    /* applicants first, then employers */
    f.query = "张";
    assert_int_equal(list_ids(fx, &f, &pg, ids), 3);
    assert_true(ids[0] == zhang2 && ids[1] == zhang && ids[2] == li); /* 三 < 建 in code points */
    f.query = "张建";
    assert_int_equal(list_ids(fx, &f, &pg, ids), 1);
    assert_true(ids[0] == zhang);
    f.query = "宁波港";
    assert_int_equal(list_ids(fx, &f, &pg, ids), 1);
    assert_true(ids[0] == zhang2);
    f.query = "王";
    assert_int_equal(list_ids(fx, &f, &pg, ids), 0);
    /* search and filters combine */
    struct ud_case_filter g = {.query = "张", .received_from = "2026-01-01"};
    assert_int_equal(list_ids(fx, &g, &pg, ids), 2);
    /* lookup by number, whatever the case typed */
    struct ud_case got;
    OK(ud_case_get_by_no(fx->db, " tj-2025-00001 ", &got, &err));
    assert_true(got.id == li);
    int64_t rid;
    OK(ud_case_resolve(fx->db, "TJ-2026-00002", &rid, &err));
    assert_true(rid == zhang2);
    ud_err_clear(&err);
    assert_int_equal(ud_case_get_by_no(fx->db, "TJ-2026-00099", &got, &err), UD_ERR_NOTFOUND);
}

static void applicant_is_linked_to_the_member(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t mid = tu_member(fx, "王建国", "19800101", 11);
    struct ud_case c;
    struct ud_err err;
    ud_err_clear(&err);
    base_case(fx, &c, "received");
    tu_id_number("19800101", 11, c.applicant_id_number);
    OK(ud_case_create(fx->db, &c, &err));
    assert_true(c.member_id == mid);
    assert_int_equal(count_sql(fx, "SELECT member_id FROM cases WHERE id = %lld", (long long)c.id), mid);
    /* a worker who is not a member is not linked */
    base_case(fx, &c, "received");
    tu_id_number("19800101", 13, c.applicant_id_number);
    OK(ud_case_create(fx->db, &c, &err));
    assert_true(c.member_id == UD_NULL_INT);
    /* editing the ID number moves the link */
    tu_id_number("19800101", 11, c.applicant_id_number);
    OK(ud_case_update(fx->db, &c, &err));
    assert_true(c.member_id == mid);
    c.applicant_id_number[0] = '\0';
    OK(ud_case_update(fx->db, &c, &err));
    assert_true(c.member_id == UD_NULL_INT);
    /* a bad ID number is a field error */
    tu_id_number("19800101", 11, c.applicant_id_number);
    c.applicant_id_number[17] = c.applicant_id_number[17] == '0' ? '1' : '0'; /* wrong check digit */
    ud_err_clear(&err);
    assert_int_equal(ud_case_update(fx->db, &c, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "applicant_id_number"));
}

static void mediation_body_must_mediate_and_be_active(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_case c;
    struct ud_err err;
    base_case(fx, &c, "received");
    c.mediation_org_id = fx->enterprise;
    ud_err_clear(&err);
    assert_int_equal(ud_case_create(fx->db, &c, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "mediation_org"));
    c.mediation_org_id = UD_NULL_INT;
    ud_err_clear(&err);
    assert_int_equal(ud_case_create(fx->db, &c, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "mediation_org"));
    /* a dissolved community union (admin is logged in) */
    struct ud_org o;
    ud_org_init(&o);
    snprintf(o.code, sizeof o.code, "BL-XQ-HB");
    snprintf(o.name, sizeof o.name, "红八社区工会");
    snprintf(o.kind, sizeof o.kind, "community_union");
    o.parent_id = fx->street;
    ud_err_clear(&err);
    OK(ud_org_create(fx->db, &o, &err));
    base_case(fx, &c, "received");
    c.mediation_org_id = o.id;
    OK(ud_case_create(fx->db, &c, &err));
    assert_string_equal(c.level, "community");
    struct ud_case kept = c;
    OK(ud_org_dissolve(fx->db, o.id, o.version, &err));
    base_case(fx, &c, "received");
    c.mediation_org_id = o.id;
    ud_err_clear(&err);
    assert_int_equal(ud_case_create(fx->db, &c, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "mediation_org"));
    /* a case it already holds can still be edited */
    snprintf(kept.mediator, sizeof kept.mediator, "周");
    ud_err_clear(&err);
    OK(ud_case_update(fx->db, &kept, &err));
    /* the employer's union must be an enterprise or joint union */
    base_case(fx, &c, "received");
    c.employer_org_id = fx->street;
    ud_err_clear(&err);
    assert_int_equal(ud_case_create(fx->db, &c, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "employer_org"));
    c.employer_org_id = fx->enterprise;
    ud_err_clear(&err);
    OK(ud_case_create(fx->db, &c, &err));
    assert_true(c.employer_org_id == fx->enterprise);
}

static void timeline_events_in_time_order(void **state)
{
    struct tu_fixture *fx = *state;
    tu_login(fx, "clerk");
    int64_t id = new_case(fx, "received");
    struct ud_err err;
    ud_err_clear(&err);
    OK(ud_case_add_event(fx->db, id, "note", "申请人来访，反映欠薪三个月", &err));
    OK(ud_case_move(fx->db, id, 1, "filed", NULL, &err));
    OK(ud_case_add_event(fx->db, id, "电话", "电话联系用人单位", &err)); /* label accepted */
    OK(ud_case_add_event(fx->db, id, "session", "第一次调解会\n双方到场", &err));
    ud_err_clear(&err);
    assert_int_equal(ud_case_add_event(fx->db, id, "status", "x", &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "kind"));
    ud_err_clear(&err);
    assert_int_equal(ud_case_add_event(fx->db, id, "visit", "  ", &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "body"));
    ud_err_clear(&err);
    assert_int_equal(ud_case_add_event(fx->db, id, "visit", "bad\033[2Jtext", &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "body"));
    static char big[UD_EVENT_BODY_MAX * 3 + 8];
    big[0] = '\0';
    for (int i = 0; i < UD_EVENT_BODY_MAX; i++)
        strcat(big, "访");
    OK(ud_case_add_event(fx->db, id, "visit", big, &err));
    strcat(big, "访");
    ud_err_clear(&err);
    assert_int_equal(ud_case_add_event(fx->db, id, "visit", big, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "body"));
    ud_err_clear(&err);
    assert_int_equal(ud_case_add_event(fx->db, id + 100, "note", "x", &err), UD_ERR_NOTFOUND);

    static struct ud_case_event ev[10];
    int n;
    ud_err_clear(&err);
    OK(ud_case_events(fx->db, id, ev, 10, &n, &err));
    assert_int_equal(n, 6);
    const char *kinds[] = {"status", "note", "status", "phone", "session", "visit"};
    for (int i = 0; i < n; i++) {
        assert_string_equal(ev[i].kind, kinds[i]);
        assert_string_equal(ev[i].login, "clerk");
        if (i)
            assert_true(strcmp(ev[i - 1].at, ev[i].at) <= 0);
    }
    assert_string_equal(ev[2].from_status, "received");
    assert_string_equal(ev[2].to_status, "filed");
    assert_string_equal(ev[4].body, "第一次调解会\n双方到场");
    assert_int_equal(strlen(ev[5].body), strlen("访") * UD_EVENT_BODY_MAX);
    /* max bounds the rows */
    OK(ud_case_events(fx->db, id, ev, 2, &n, &err));
    assert_int_equal(n, 2);
    assert_string_equal(ev[1].kind, "note");
    /* read-only users cannot add */
    tu_login(fx, "stranger");
    ud_err_clear(&err);
    assert_int_equal(ud_case_add_event(fx->db, id, "note", "x", &err), UD_ERR_PERM);
}

static void update_keeps_status_and_lets_dates_be_corrected(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t id = new_case(fx, "succeeded"); /* 11-01, 11-02, 11-20 */
    struct ud_case c;
    struct ud_err err;
    ud_err_clear(&err);
    OK(ud_case_get(fx->db, id, &c, &err));
    snprintf(c.status, sizeof c.status, "failed");
    assert_int_equal(ud_case_update(fx->db, &c, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "status"));

    OK(ud_case_get(fx->db, id, &c, &err));
    snprintf(c.filed_on, sizeof c.filed_on, "2026-11-03");
    snprintf(c.closed_on, sizeof c.closed_on, "2026-11-21");
    ud_err_clear(&err);
    OK(ud_case_update(fx->db, &c, &err));
    assert_string_equal(c.filed_on, "2026-11-03");
    assert_string_equal(c.closed_on, "2026-11-21");
    assert_int_equal(c.version, 2);

    snprintf(c.filed_on, sizeof c.filed_on, "2026-11-22"); /* after closing */
    ud_err_clear(&err);
    assert_int_equal(ud_case_update(fx->db, &c, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "closed_on"));
    OK(ud_case_get(fx->db, id, &c, &err));
    c.closed_on[0] = '\0';
    ud_err_clear(&err);
    assert_int_equal(ud_case_update(fx->db, &c, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "closed_on"));
    OK(ud_case_get(fx->db, id, &c, &err));
    snprintf(c.received_on, sizeof c.received_on, "2026-11-04"); /* after filing */
    ud_err_clear(&err);
    assert_int_equal(ud_case_update(fx->db, &c, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "filed_on"));

    /* a withdrawn case keeps having, or not having, a filing date */
    int64_t w = new_case(fx, "withdrawn");
    OK(ud_case_get(fx->db, w, &c, &err));
    snprintf(c.filed_on, sizeof c.filed_on, "2026-11-03");
    ud_err_clear(&err);
    assert_int_equal(ud_case_update(fx->db, &c, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "filed_on"));

    /* the case number may be corrected; a TJ number raises the sequence */
    OK(ud_case_get(fx->db, id, &c, &err));
    snprintf(c.case_no, sizeof c.case_no, "TJ-2026-00100");
    ud_err_clear(&err);
    OK(ud_case_update(fx->db, &c, &err));
    assert_string_equal(c.case_no, "TJ-2026-00100");
    int64_t next = new_case(fx, "received");
    OK(ud_case_get(fx->db, next, &c, &err));
    assert_string_equal(c.case_no, "TJ-2026-00101");
    c.case_no[0] = '\0';
    ud_err_clear(&err);
    assert_int_equal(ud_case_update(fx->db, &c, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "case_no"));
    assert_int_equal(tu_audit_count(fx, "cases", "update"), 2);
}

/* Pages through a filtered list; checks order (received_on, id), that
 * every row has `level` (unless NULL), and returns the ids seen. */
static int walk_pages(struct tu_fixture *fx, const struct ud_case_filter *f, int desc, int64_t *seen, int max,
                      const char *level)
{
    static struct ud_case rows[50];
    struct ud_cursor cur[50];
    struct ud_page pg = {.limit = 50, .desc = desc};
    struct ud_err err;
    int total = 0, n;
    char prev_day[UD_DATE_SZ] = "";
    int64_t prev_id = 0;
    for (;;) {
        OK(ud_case_list(fx->db, f, &pg, rows, cur, &n, &err));
        for (int i = 0; i < n; i++) {
            assert_true(total < max);
            if (level)
                assert_string_equal(rows[i].level, level);
            if (total) {
                int c = strcmp(rows[i].received_on, prev_day);
                if (c == 0)
                    c = rows[i].id < prev_id ? -1 : rows[i].id > prev_id ? 1 : 0;
                assert_true(desc ? c < 0 : c > 0);
            }
            snprintf(prev_day, sizeof prev_day, "%s", rows[i].received_on);
            prev_id = rows[i].id;
            seen[total++] = rows[i].id;
        }
        if (n < pg.limit)
            break;
        pg.after = cur[n - 1];
    }
    return total;
}

static void long_filtered_lists_page_in_order(void **state)
{
    struct tu_fixture *fx = *state;
    /* 1,200 cases at the community (more than a sort of the filtered rows
     * is allowed to take), 300 days with four cases each */
    char sql[600];
    snprintf(sql, sizeof sql,
             "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1200) "
             "INSERT INTO cases(case_no, mediation_org_id, received_on, applicant_name, dispute_type) "
             "SELECT printf('X-%%04d', i), %lld, date('2026-01-01', '+' || (i %% 300) || ' days'), "
             "'批量' || i, 'wages' FROM n",
             (long long)fx->community);
    assert_int_equal(sqlite3_exec(fx->db->h, sql, NULL, NULL, NULL), SQLITE_OK);
    int64_t d[3];
    for (int i = 0; i < 3; i++)
        d[i] = new_case(fx, "received");
    static int64_t seen[1300], again[1300];
    struct ud_case_filter f = {.level = "community"};
    assert_int_equal(walk_pages(fx, &f, 1, seen, 1300, "community"), 1200);
    assert_int_equal(walk_pages(fx, &f, 0, again, 1300, "community"), 1200);
    for (int i = 0; i < 1200; i++)
        assert_true(seen[i] == again[1199 - i]);
    struct ud_case_filter sub = {.org_subtree = fx->street, .status = "received"};
    assert_int_equal(walk_pages(fx, &sub, 1, again, 1300, "community"), 1200);
    for (int i = 0; i < 1200; i++)
        assert_true(seen[i] == again[i]);
    int64_t count;
    struct ud_err err;
    OK(ud_case_count(fx->db, &sub, &count, &err));
    assert_int_equal(count, 1200);
    /* few rows: the same order through the other plan */
    struct ud_case_filter dist = {.level = "district"};
    assert_int_equal(walk_pages(fx, &dist, 1, again, 1300, "district"), 3);
    assert_true(again[0] == d[2] && again[1] == d[1] && again[2] == d[0]);
    /* everything together */
    assert_int_equal(walk_pages(fx, NULL, 1, again, 1300, NULL), 1203);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(create_defaults_number_and_first_event, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(every_allowed_move_succeeds_and_writes_an_event, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(moves_outside_the_diagram_are_refused, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(refused_move_speaks_the_users_language, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(terminal_states_need_closed_on, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(dates_must_be_ordered_and_not_in_the_future, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(failed_move_records_the_referral, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(referral_only_with_a_failed_mediation, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(case_numbers_are_unique_and_counted_per_year, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(stale_version_is_refused_and_nothing_overwritten, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(clerk_cannot_delete_officer_can_and_audit_sees_all, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(overdue_after_fifteen_days_of_filing, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(list_filters, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(long_filtered_lists_page_in_order, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(search_by_case_number_applicant_and_employer, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(applicant_is_linked_to_the_member, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(mediation_body_must_mediate_and_be_active, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(timeline_events_in_time_order, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(update_keeps_status_and_lets_dates_be_corrected, tu_setup_zh, tu_teardown_zh),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
