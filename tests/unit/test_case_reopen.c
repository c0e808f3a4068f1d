/* Reopening a closed case (DESIGN.md, "A mistaken move can be undone"):
 * back to the status before it, who may, the reason, what is cleared, the
 * timeline, the audit log, and the monthly statistics before and after. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"
#include "uniondesk/dispute.h"
#include "uniondesk/dispute_stats.h"
#include "uniondesk/i18n.h"

/* A received case of 2026-11-01, taken through `path` (statuses, each
 * move dated 2026-11-02 + its index); succeeded gets an agreed amount,
 * failed a referral. Returns its id. */
static int64_t case_through(struct tu_fixture *fx, const char *const *path, int n)
{
    struct ud_case c;
    struct ud_err err;
    ud_case_init(&c);
    c.mediation_org_id = fx->street;
    snprintf(c.received_on, sizeof c.received_on, "2026-11-01");
    snprintf(c.dispute_type, sizeof c.dispute_type, "wages");
    snprintf(c.applicant_name, sizeof c.applicant_name, "王建国");
    c.claim_fen = 500000;
    OK(ud_case_create(fx->db, &c, &err));
    for (int i = 0; i < n; i++) {
        struct ud_case_move mv;
        ud_case_move_init(&mv);
        char d[24];
        snprintf(d, sizeof d, "2026-11-%02d", (2 + i) % 100);
        mv.date = d;
        if (strcmp(path[i], "succeeded") == 0)
            mv.agreed_fen = 300000;
        if (strcmp(path[i], "failed") == 0)
            mv.referred_to_arbitration = 1;
        OK(ud_case_move(fx->db, c.id, c.version, path[i], &mv, &err));
        OK(ud_case_get(fx->db, c.id, &c, &err));
    }
    return c.id;
}

/* The case's version now: what a screen showing it holds. */
static int64_t ver(struct tu_fixture *fx, int64_t id)
{
    char sql[96];
    snprintf(sql, sizeof sql, "SELECT version FROM cases WHERE id = %lld", (long long)id);
    return tu_int(fx, sql);
}

static int64_t count_events(struct tu_fixture *fx, int64_t id, const char *kind, const char *from, const char *to,
                            const char *body)
{
    char sql[512];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM case_events WHERE case_id = %lld AND kind = '%s' AND from_status = '%s' "
             "AND to_status = '%s' AND body = '%s'",
             (long long)id, kind, from, to, body);
    return tu_int(fx, sql);
}

/* Every way into a terminal state the diagram draws; reopening goes back
 * to the state the case left. */
static void reopen_goes_back_to_the_state_before(void **state)
{
    struct tu_fixture *fx = *state;
    static const char *const paths[][3] = {
        {"not_accepted"},        {"withdrawn"},
        {"filed", "succeeded"},  {"filed", "failed"},
        {"filed", "withdrawn"},  {"filed", "mediating", "succeeded"},
        {"filed", "mediating", "failed"}, {"filed", "mediating", "withdrawn"},
    };
    static const int lens[] = {1, 1, 2, 2, 2, 3, 3, 3};
    struct ud_err err;
    for (int p = 0; p < 8; p++) {
        tu_login(fx, "clerk");
        int64_t id = case_through(fx, paths[p], lens[p]);
        const char *closed = paths[p][lens[p] - 1];
        const char *before = lens[p] > 1 ? paths[p][lens[p] - 2] : "received";
        struct ud_case c;
        OK(ud_case_get(fx->db, id, &c, &err));
        assert_string_equal(c.status, closed);
        assert_true(c.closed_on[0]);
        int64_t version = c.version;
        int audit_before = tu_audit_count(fx, "cases", "update");
        tu_login(fx, "officer");
        OK(ud_case_reopen(fx->db, id, ver(fx, id), "误操作，撤销结案", &err));
        OK(ud_case_get(fx->db, id, &c, &err));
        assert_string_equal(c.status, before);
        assert_string_equal(c.closed_on, "");
        assert_true(c.agreed_fen == UD_NULL_INT);
        assert_int_equal(c.referred_to_arbitration, 0);
        assert_int_equal(c.version, version + 1);
        assert_int_equal(c.claim_fen, 500000); /* the rest is untouched */
        assert_int_equal(count_events(fx, id, "reopened", closed, before, "误操作，撤销结案"), 1);
        assert_int_equal(tu_int(fx, "SELECT count(*) FROM case_events WHERE kind = 'reopened' AND login = 'officer'"),
                         2 * p + 1); /* two for each earlier case */
        /* the audit log has the move back, with what was cleared */
        assert_int_equal(tu_audit_count(fx, "cases", "update"), audit_before + 1);
        char where[200], cond[400];
        snprintf(where, sizeof where, "tbl = 'cases' AND row_id = %lld AND action = 'update' AND login = 'officer'",
                 (long long)id);
        snprintf(cond, sizeof cond,
                 "json_extract(before_json, '$.status') = '%s' "
                 "AND json_extract(before_json, '$.closed_on') IS NOT NULL "
                 "AND json_extract(after_json, '$.status') = '%s' AND json_extract(after_json, '$.closed_on') IS NULL",
                 closed, before);
        assert_int_equal(tu_audit_states(fx, where, cond), 1);
        /* the workflow goes on from there: it can be closed again */
        const char *next[8];
        assert_true(ud_case_allowed_moves(c.status, next, 8) > 0);
        OK(ud_case_move(fx->db, id, c.version, "withdrawn", NULL, &err));
        OK(ud_case_reopen(fx->db, id, ver(fx, id), "再次撤销", &err));
        OK(ud_case_get(fx->db, id, &c, &err));
        assert_string_equal(c.status, before);
    }
}

static void reopen_needs_an_officer_a_reason_and_a_closed_case(void **state)
{
    struct tu_fixture *fx = *state;
    static const char *const path[] = {"filed", "failed"};
    struct ud_err err;
    tu_login(fx, "clerk");
    int64_t id = case_through(fx, path, 2);
    /* a clerk may not: 77, as the module refuses other roles */
    ud_err_clear(&err);
    assert_int_equal(ud_case_reopen(fx->db, id, ver(fx, id), "原因", &err), UD_ERR_PERM);
    assert_int_equal(ud_exit_code(err.status), 77);
    tu_login(fx, "stranger");
    ud_err_clear(&err);
    assert_int_equal(ud_case_reopen(fx->db, id, ver(fx, id), "原因", &err), UD_ERR_PERM);
    tu_login(fx, "officer");
    /* the reason is required and checked like any text; the error names it, in Chinese */
    static const char *const bad[] = {NULL, "", "   ", "bad\033[2Jtext"};
    for (int i = 0; i < 4; i++) {
        ud_err_clear(&err);
        assert_int_equal(ud_case_reopen(fx->db, id, ver(fx, id), bad[i], &err), UD_ERR_INVALID);
        const struct ud_field_error *fe = ud_err_find(&err, "reason");
        assert_non_null(fe);
        assert_string_equal(fe->label, "重新办理原因");
        if (i < 3)
            assert_string_equal(fe->msg, "必填");
    }
    /* a reason of line breaks or no-break spaces only is no reason either
     * (the reason field takes several lines: Enter alone got through) */
    static const char *const blank[] = {"\n", "\r\n", " \n\t ", "\xC2\xA0", "\n\xE3\x80\x80\n"};
    for (int i = 0; i < 5; i++) {
        ud_err_clear(&err);
        assert_int_equal(ud_case_reopen(fx->db, id, ver(fx, id), blank[i], &err), UD_ERR_INVALID);
        assert_string_equal(ud_err_find(&err, "reason")->msg, "必填");
    }
    ud_lang = UD_LANG_EN;
    ud_err_clear(&err);
    assert_int_equal(ud_case_reopen(fx->db, id, ver(fx, id), "", &err), UD_ERR_INVALID);
    assert_string_equal(ud_err_find(&err, "reason")->msg, "required");
    ud_lang = UD_LANG_ZH;
    assert_int_equal(tu_int(fx, "SELECT version FROM cases"), 3);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM case_events WHERE kind = 'reopened'"), 0);
    /* an admin may; an open case cannot be reopened */
    tu_login(fx, "admin");
    OK(ud_case_reopen(fx->db, id, ver(fx, id), "调解员记错了结果", &err));
    ud_err_clear(&err);
    assert_int_equal(ud_case_reopen(fx->db, id, ver(fx, id), "又一次", &err), UD_ERR_STATE);
    assert_non_null(strstr(err.msg, "未结案"));
    assert_int_equal(ud_exit_code(err.status), 65);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM case_events WHERE kind = 'reopened'"), 1);
    ud_err_clear(&err);
    assert_int_equal(ud_case_reopen(fx->db, id + 99, 1, "原因", &err), UD_ERR_NOTFOUND);
    /* a reopening is not a kind of note one may add by hand */
    ud_err_clear(&err);
    assert_int_equal(ud_case_add_event(fx->db, id, "reopened", "x", &err), UD_ERR_INVALID);
}

/* A case created closed (an import) has no move into its status: it goes
 * back to filed when it has a filing date, else to received. */
static void a_case_created_closed_goes_back_by_its_dates(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    static const char *const st[] = {"succeeded", "withdrawn", "not_accepted"};
    static const char *const want[] = {"filed", "received", "received"};
    for (int i = 0; i < 3; i++) {
        struct ud_case c;
        ud_case_init(&c);
        c.mediation_org_id = fx->district;
        snprintf(c.received_on, sizeof c.received_on, "2026-10-01");
        snprintf(c.dispute_type, sizeof c.dispute_type, "wages");
        snprintf(c.applicant_name, sizeof c.applicant_name, "李四");
        snprintf(c.status, sizeof c.status, "%s", st[i]);
        if (i == 0)
            snprintf(c.filed_on, sizeof c.filed_on, "2026-10-02");
        snprintf(c.closed_on, sizeof c.closed_on, "2026-10-20");
        OK(ud_case_create(fx->db, &c, &err));
        OK(ud_case_reopen(fx->db, c.id, c.version, "导入时状态有误", &err));
        OK(ud_case_get(fx->db, c.id, &c, &err));
        assert_string_equal(c.status, want[i]);
        assert_string_equal(c.closed_on, "");
    }
}

/* The monthly statistics follow: computed before and after, a reopened
 * case leaves "closed"/"failed" and counts open (and, past 15 days from
 * filing, overdue) again. */
static void statistics_count_a_reopened_case_open_again(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    static const char *const path[] = {"filed", "mediating", "failed"};
    tu_login(fx, "clerk");
    int64_t id = case_through(fx, path, 3); /* filed 11-02, closed 11-04 */
    static const char *const path2[] = {"filed", "succeeded"};
    int64_t other = case_through(fx, path2, 2); /* stays closed */
    (void)other;
    struct ud_dispute_table before, after;
    OK(ud_dispute_stats(fx->db, "2026-11-01", "2026-11-30", "2026-11-26", NULL, &before, &err));
    assert_int_equal(before.total.filed, 2);
    assert_int_equal(before.total.failed, 1);
    assert_int_equal(before.total.succeeded, 1);
    assert_int_equal(before.total.open, 0);
    assert_int_equal(before.total.agreed_fen, 300000);
    tu_login(fx, "officer");
    OK(ud_case_reopen(fx->db, id, ver(fx, id), "双方同意继续调解", &err));
    OK(ud_dispute_stats(fx->db, "2026-11-01", "2026-11-30", "2026-11-26", NULL, &after, &err));
    assert_int_equal(after.total.filed, before.total.filed);
    assert_int_equal(after.total.failed, before.total.failed - 1);
    assert_int_equal(after.total.succeeded, before.total.succeeded);
    assert_int_equal(after.total.open, before.total.open + 1);
    assert_int_equal(after.total.overdue, before.total.overdue + 1); /* filed 11-02, 24 days by 11-26 */
    assert_int_equal(after.total.claim_fen, before.total.claim_fen);
    assert_int_equal(after.total.agreed_fen, before.total.agreed_fen);
    /* and by level: the street body's row moved the same way */
    assert_int_equal(after.level[1].open, before.level[1].open + 1);
    assert_int_equal(after.level[1].failed, before.level[1].failed - 1);
    /* the next month carries it over */
    struct ud_dispute_table dec;
    OK(ud_dispute_stats(fx->db, "2026-12-01", "2026-12-31", "2026-12-31", NULL, &dec, &err));
    assert_int_equal(dec.total.carried_over, 1);
}

/* An officer reopens what the screen showed: a failed case. Meanwhile
 * someone else reopened it and closed it as succeeded, with an agreed
 * amount. The stale reopening must be refused (as a stale status move is),
 * not undo the other officer's close. */
static void a_stale_reopening_is_refused(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    static const char *const path[] = {"filed", "mediating", "failed"};
    tu_login(fx, "clerk");
    int64_t id = case_through(fx, path, 3);
    int64_t seen = ver(fx, id); /* the first officer's screen */
    tu_login(fx, "admin");
    OK(ud_case_reopen(fx->db, id, seen, "调解员记错了结果", &err));
    struct ud_case_move mv;
    ud_case_move_init(&mv);
    mv.date = "2026-11-20";
    mv.agreed_fen = 400000;
    OK(ud_case_move(fx->db, id, ver(fx, id), "succeeded", &mv, &err));
    int64_t now = ver(fx, id);
    tu_login(fx, "officer");
    ud_err_clear(&err);
    assert_int_equal(ud_case_reopen(fx->db, id, seen, "误点了调解不成", &err), UD_ERR_CONFLICT);
    struct ud_case c;
    OK(ud_case_get(fx->db, id, &c, &err));
    assert_string_equal(c.status, "succeeded");
    assert_int_equal(c.agreed_fen, 400000);
    assert_int_equal(c.version, now);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM case_events WHERE kind = 'reopened'"), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(reopen_goes_back_to_the_state_before, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(reopen_needs_an_officer_a_reason_and_a_closed_case, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(a_case_created_closed_goes_back_by_its_dates, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(statistics_count_a_reopened_case_open_again, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(a_stale_reopening_is_refused, tu_setup_zh, tu_teardown_zh),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
