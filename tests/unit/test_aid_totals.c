/* What an aid total counts: one rule in the module for the list's header
 * (ud_aid_grant_sum), a recipient's total and the roster export — every
 * grant but the cancelled ones, unless a status is asked for by name. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "testutil.h"
#include "uniondesk/aid.h"
#include "uniondesk/export.h"
#include "uniondesk/i18n.h"

static void must_ok(int status, const struct ud_err *err)
{
    if (status != UD_OK) {
        char buf[1024];
        ud_err_text(err, buf, sizeof buf);
        fail_msg("expected success, got %d: %s", status, buf);
    }
}

static int64_t grant(struct tu_fixture *fx, int64_t member_id, const char *program, int64_t fen, const char *date)
{
    struct ud_aid_grant g;
    struct ud_err err;
    ud_err_clear(&err);
    ud_aid_grant_init(&g);
    g.member_id = member_id;
    snprintf(g.program, sizeof g.program, "%s", program);
    g.amount_fen = fen;
    snprintf(g.granted_on, sizeof g.granted_on, "%s", date);
    must_ok(ud_aid_grant_create_for_member(fx->db, member_id, &g, NULL, 0, &err), &err);
    return g.id;
}

static void move(struct tu_fixture *fx, int64_t id, const char *to)
{
    struct ud_aid_grant g;
    struct ud_err err;
    ud_err_clear(&err);
    must_ok(ud_aid_grant_get(fx->db, id, &g, &err), &err);
    if (strcmp(to, "cancelled") == 0) {
        must_ok(ud_aid_grant_cancel(fx->db, &g, &err), &err);
        return;
    }
    must_ok(ud_aid_grant_approve(fx->db, &g, &err), &err);
    if (strcmp(to, "paid") == 0)
        must_ok(ud_aid_grant_pay(fx->db, &g, "2026-11-20", &err), &err);
}

struct walk {
    int64_t n, sum;
};

static int walk_cb(const struct ud_aid_grant *g, void *arg)
{
    struct walk *w = arg;
    w->n++;
    w->sum += g->amount_fen;
    return 0;
}

/* Six grants, two of them cancelled; the figures are counted by SQL on
 * its own here. */
static void totals_leave_cancelled_grants_out(void **state)
{
    struct tu_fixture *fx = *state;
    tu_login(fx, "officer");
    static const char *const programs[] = {"send_warmth", "education", "medical_mutual", "emergency", "holiday", "other"};
    static const char *const fate[] = {"proposed", "cancelled", "approved", "paid", "cancelled", "paid"};
    for (int i = 0; i < 6; i++) {
        char name[32];
        snprintf(name, sizeof name, "困难户%d", i);
        int64_t mid = tu_member(fx, name, "19700101", 301 + 2 * i);
        int64_t id = grant(fx, mid, programs[i], 100000 + 1000 * i, "2026-11-01");
        if (strcmp(fate[i], "proposed") != 0)
            move(fx, id, fate[i]);
    }
    int64_t all = tu_int(fx, "SELECT count(*) FROM aid_grants");
    int64_t live_n = tu_int(fx, "SELECT count(*) FROM aid_grants WHERE status <> 'cancelled'");
    int64_t live_sum = tu_int(fx, "SELECT sum(amount_fen) FROM aid_grants WHERE status <> 'cancelled'");
    int64_t cancelled_sum = tu_int(fx, "SELECT sum(amount_fen) FROM aid_grants WHERE status = 'cancelled'");
    assert_int_equal(all, 6);
    assert_int_equal(live_n, 4);
    assert_true(cancelled_sum > 0);

    struct ud_err err;
    ud_err_clear(&err);
    struct ud_aid_totals t;
    must_ok(ud_aid_grant_totals(fx->db, NULL, &t, &err), &err);
    assert_int_equal(t.matching, all); /* the list shows every row */
    assert_int_equal(t.counted, live_n);
    assert_int_equal(t.sum_fen, live_sum);
    /* the list header's sum: the same rule */
    int64_t count, sum;
    must_ok(ud_aid_grant_sum(fx->db, NULL, &count, &sum, &err), &err);
    assert_int_equal(count, all);
    assert_int_equal(sum, live_sum);
    /* the walk the roster takes visits exactly the counted grants */
    struct ud_aid_grant_filter counted = {.counted_only = 1};
    struct walk w = {0, 0};
    must_ok(ud_aid_grant_each(fx->db, &counted, walk_cb, &w, &err), &err);
    assert_int_equal(w.n, t.counted);
    assert_int_equal(w.sum, t.sum_fen);
    /* a status asked for by name: those grants, cancelled ones included */
    struct ud_aid_grant_filter c = {.status = "cancelled"};
    must_ok(ud_aid_grant_totals(fx->db, &c, &t, &err), &err);
    assert_int_equal(t.matching, 2);
    assert_int_equal(t.counted, 2);
    assert_int_equal(t.sum_fen, cancelled_sum);
    c.counted_only = 1;
    memset(&w, 0, sizeof w);
    must_ok(ud_aid_grant_each(fx->db, &c, walk_cb, &w, &err), &err);
    assert_int_equal(w.sum, cancelled_sum);
    struct ud_aid_grant_filter paid = {.status = "paid"};
    must_ok(ud_aid_grant_totals(fx->db, &paid, &t, &err), &err);
    assert_int_equal(t.counted, 2);
    assert_int_equal(t.sum_fen, tu_int(fx, "SELECT sum(amount_fen) FROM aid_grants WHERE status = 'paid'"));
}

/* The roster export and the module's sum agree, whatever the filter. */
static void the_roster_total_is_the_modules_sum(void **state)
{
    struct tu_fixture *fx = *state;
    tu_login(fx, "officer");
    int64_t a = tu_member(fx, "甲", "19700101", 401);
    int64_t b = tu_member(fx, "乙", "19710101", 403);
    int64_t g1 = grant(fx, a, "send_warmth", 50000, "2026-10-01");
    grant(fx, b, "send_warmth", 65000, "2026-10-02");
    int64_t g3 = grant(fx, a, "holiday", 30000, "2026-10-03");
    grant(fx, b, "holiday", 20000, "2026-10-04");
    move(fx, g1, "cancelled");
    move(fx, g3, "paid");
    static const char *const statuses[] = {NULL, "cancelled", "paid", "proposed"};
    for (int i = 0; i < 4; i++) {
        struct ud_aid_roster_opts o;
        memset(&o, 0, sizeof o);
        o.filter.status = statuses[i];
        char path[300];
        snprintf(path, sizeof path, "%s.roster%d.xlsx", fx->path, i);
        o.path = path;
        struct ud_aid_roster_result res;
        struct ud_err err;
        ud_err_clear(&err);
        must_ok(ud_export_aid_roster(fx->db, &o, &res, &err), &err);
        unlink(path);
        struct ud_aid_totals t;
        must_ok(ud_aid_grant_totals(fx->db, &o.filter, &t, &err), &err);
        assert_int_equal(res.rows, t.counted);
        assert_int_equal(res.total_fen, t.sum_fen);
        int64_t sum;
        must_ok(ud_aid_grant_sum(fx->db, &o.filter, NULL, &sum, &err), &err);
        assert_int_equal(res.total_fen, sum);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(totals_leave_cancelled_grants_out, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(the_roster_total_is_the_modules_sum, tu_setup_zh, tu_teardown_zh),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
