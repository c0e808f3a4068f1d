/* Statistics modules: the mediation statistics against an oracle written
 * here from DESIGN.md's definitions over pseudo-random cases (every month,
 * several data dates, filters), the chain of carried-over cases, the year
 * before a date; membership and training statistics; the aid roster's
 * statuses and permission. */
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
#include "uniondesk/dispute.h"
#include "uniondesk/dispute_stats.h"
#include "uniondesk/enums.h"
#include "uniondesk/export.h"
#include "uniondesk/i18n.h"
#include "uniondesk/member.h"
#include "uniondesk/member_stats.h"
#include "uniondesk/org.h"
#include "uniondesk/rules.h"
#include "uniondesk/training.h"
#include "uniondesk/training_stats.h"

/* ---- the oracle ---- */

struct kase {
    int level; /* 0 district, 1 street, 2 community */
    int type;
    char rec[UD_DATE_SZ], fil[UD_DATE_SZ], clo[UD_DATE_SZ];
    char status[16];
    int64_t workers, claim, agreed;
};

static unsigned rng = 12345;
static unsigned rnd(unsigned n)
{
    rng = rng * 1103515245u + 12345u;
    return (rng >> 16) % n;
}

static int le(const char *a, const char *b) /* a ≤ b, both set */
{
    return a[0] && b[0] && strcmp(a, b) <= 0;
}

static int between(const char *d, const char *from, const char *to)
{
    return d[0] && strcmp(d, from) >= 0 && strcmp(d, to) <= 0;
}

/* DESIGN.md's definitions, one case at a time, nothing after as_of known. */
static void oracle(const struct kase *k, int n, const char *from, const char *to, const char *as_of, int only_level,
                   struct ud_dispute_table *t)
{
    memset(t, 0, sizeof *t);
    for (int i = 0; i < n; i++) {
        const struct kase *c = &k[i];
        if (only_level >= 0 && c->level != only_level)
            continue;
        if (!le(c->rec, as_of))
            continue;
        char fil[UD_DATE_SZ] = "", clo[UD_DATE_SZ] = "";
        if (le(c->fil, as_of))
            strcpy(fil, c->fil);
        if (le(c->clo, as_of))
            strcpy(clo, c->clo);
        struct ud_dispute_row r;
        memset(&r, 0, sizeof r);
        if (fil[0] && strcmp(fil, from) < 0 && (!clo[0] || strcmp(clo, from) >= 0))
            r.carried_over = 1;
        if (fil[0] && between(clo, from, to))
            r.closed = 1;
        if (between(c->rec, from, to))
            r.workers_received = c->workers;
        if (between(fil, from, to)) {
            r.filed = 1;
            if (clo[0]) {
                r.succeeded = strcmp(c->status, "succeeded") == 0;
                r.failed = strcmp(c->status, "failed") == 0;
                r.withdrawn = strcmp(c->status, "withdrawn") == 0;
                if (r.succeeded)
                    r.agreed_fen = c->agreed;
            } else {
                r.open = 1;
                r.overdue = ud_date_days(as_of) - ud_date_days(fil) > UD_MEDIATION_DAYS;
            }
            r.collective = c->workers >= UD_COLLECTIVE_WORKERS;
            r.claim_fen = c->claim;
        }
        ud_dispute_row_add(&t->level[c->level], &r);
        ud_dispute_row_add(&t->type[c->type], &r);
        ud_dispute_row_add(&t->total, &r);
    }
}

static void assert_rows_equal(const struct ud_dispute_row *a, const struct ud_dispute_row *b, const char *what)
{
    if (memcmp(a, b, sizeof *a) != 0)
        fail_msg("%s: got carried %lld closed %lld workers %lld filed %lld succ %lld failed %lld withdrawn %lld "
                 "open %lld overdue %lld coll %lld claim %lld agreed %lld; expected %lld %lld %lld %lld %lld %lld "
                 "%lld %lld %lld %lld %lld %lld",
                 what, (long long)a->carried_over, (long long)a->closed, (long long)a->workers_received,
                 (long long)a->filed, (long long)a->succeeded, (long long)a->failed, (long long)a->withdrawn,
                 (long long)a->open, (long long)a->overdue, (long long)a->collective, (long long)a->claim_fen,
                 (long long)a->agreed_fen, (long long)b->carried_over, (long long)b->closed,
                 (long long)b->workers_received, (long long)b->filed, (long long)b->succeeded, (long long)b->failed,
                 (long long)b->withdrawn, (long long)b->open, (long long)b->overdue, (long long)b->collective,
                 (long long)b->claim_fen, (long long)b->agreed_fen);
}

static void assert_tables_equal(const struct ud_dispute_table *a, const struct ud_dispute_table *b, const char *what)
{
    char w[160];
    for (int i = 0; i < UD_NLEVELS; i++) {
        snprintf(w, sizeof w, "%s level %d", what, i);
        assert_rows_equal(&a->level[i], &b->level[i], w);
    }
    for (int i = 0; i < UD_NTYPES; i++) {
        snprintf(w, sizeof w, "%s type %d", what, i);
        assert_rows_equal(&a->type[i], &b->type[i], w);
    }
    snprintf(w, sizeof w, "%s total", what);
    assert_rows_equal(&a->total, &b->total, w);
}

#define NCASES 240

/* Cases received from 2025-01-01 to 2026-10-12, every status, dates in
 * order and not after today (2026-11-26). */
static int make_cases(struct tu_fixture *fx, struct kase *k)
{
    static const char *const statuses[] = {"received", "filed", "mediating", "succeeded",
                                           "failed", "withdrawn", "not_accepted"};
    int64_t org[3] = {fx->district, fx->street, fx->community};
    struct ud_err err;
    for (int i = 0; i < NCASES; i++) {
        struct kase *c = &k[i];
        memset(c, 0, sizeof *c);
        c->level = (int)rnd(3);
        c->type = (int)rnd(UD_NTYPES);
        ud_date_add("2025-01-01", (long)rnd(650), c->rec);
        snprintf(c->status, sizeof c->status, "%s", statuses[rnd(7)]);
        int filed = strcmp(c->status, "received") != 0 && strcmp(c->status, "not_accepted") != 0 &&
                    (strcmp(c->status, "withdrawn") != 0 || rnd(2));
        if (filed)
            ud_date_add(c->rec, (long)rnd(4), c->fil);
        int terminal = strcmp(c->status, "succeeded") == 0 || strcmp(c->status, "failed") == 0 ||
                       strcmp(c->status, "withdrawn") == 0 || strcmp(c->status, "not_accepted") == 0;
        if (terminal)
            ud_date_add(filed ? c->fil : c->rec, (long)rnd(40), c->clo);
        c->workers = 1 + (int64_t)rnd(14);
        c->claim = (int64_t)rnd(5000000);
        c->agreed = strcmp(c->status, "succeeded") == 0 ? (int64_t)rnd(4000000) : 0;

        struct ud_case x;
        ud_case_init(&x);
        x.mediation_org_id = org[c->level];
        snprintf(x.dispute_type, sizeof x.dispute_type, "%s", ud_enum_dispute_type.items[c->type].code);
        snprintf(x.received_on, sizeof x.received_on, "%s", c->rec);
        snprintf(x.filed_on, sizeof x.filed_on, "%s", c->fil);
        snprintf(x.closed_on, sizeof x.closed_on, "%s", c->clo);
        snprintf(x.status, sizeof x.status, "%s", c->status);
        snprintf(x.applicant_name, sizeof x.applicant_name, "申请人%d", i);
        x.workers_count = c->workers;
        x.claim_fen = c->claim;
        x.agreed_fen = strcmp(c->status, "succeeded") == 0 ? c->agreed : UD_NULL_INT;
        OK(ud_case_create(fx->db, &x, &err));
    }
    return NCASES;
}

static void test_dispute_stats_oracle(void **state)
{
    struct tu_fixture *fx = *state;
    struct kase *k = calloc(NCASES, sizeof *k);
    assert_non_null(k);
    int n = make_cases(fx, k);
    struct ud_err err;
    static const char *const as_ofs[] = {"2025-03-15", "2025-12-31", "2026-02-28", "2026-06-16", "2026-11-26"};
    struct ud_dispute_table got, want;
    char what[96];
    for (int a = 0; a < 5; a++) {
        for (int y = 2025; y <= 2026; y++) {
            for (int m = 1; m <= 12; m++) {
                char from[UD_DATE_SZ], to[UD_DATE_SZ], mon[24];
                snprintf(mon, sizeof mon, "%04d-%02d", y, m);
                assert_null(ud_parse_month(mon, from, to));
                if (strcmp(from, as_ofs[a]) > 0)
                    continue;
                OK(ud_dispute_stats(fx->db, from, to, as_ofs[a], NULL, &got, &err));
                oracle(k, n, from, to, as_ofs[a], -1, &want);
                snprintf(what, sizeof what, "%s as of %s", mon, as_ofs[a]);
                assert_tables_equal(&got, &want, what);
            }
        }
        /* a whole year, and one level */
        if (strcmp(as_ofs[a], "2026-01-01") >= 0) {
            OK(ud_dispute_stats(fx->db, "2025-01-01", "2025-12-31", as_ofs[a], NULL, &got, &err));
            oracle(k, n, "2025-01-01", "2025-12-31", as_ofs[a], -1, &want);
            assert_tables_equal(&got, &want, "2025");
        }
        struct ud_dispute_filter f = {"street", 0};
        OK(ud_dispute_stats(fx->db, "2025-01-01", "2026-12-31", as_ofs[a], &f, &got, &err));
        oracle(k, n, "2025-01-01", "2026-12-31", as_ofs[a], 1, &want);
        assert_tables_equal(&got, &want, "--level street");
    }
    /* the community's subtree is the community level here; the street's
     * subtree holds the street and the community */
    struct ud_dispute_filter sub = {NULL, fx->community};
    OK(ud_dispute_stats(fx->db, "2026-01-01", "2026-06-30", "2026-11-26", &sub, &got, &err));
    oracle(k, n, "2026-01-01", "2026-06-30", "2026-11-26", 2, &want);
    assert_tables_equal(&got, &want, "--org community");
    sub.org_subtree = fx->street;
    OK(ud_dispute_stats(fx->db, "2026-01-01", "2026-06-30", "2026-11-26", &sub, &got, &err));
    struct ud_dispute_table s2, c2;
    oracle(k, n, "2026-01-01", "2026-06-30", "2026-11-26", 1, &s2);
    oracle(k, n, "2026-01-01", "2026-06-30", "2026-11-26", 2, &c2);
    ud_dispute_row_add(&s2.total, &c2.total);
    assert_rows_equal(&got.total, &s2.total, "--org street: street and community");
    assert_int_equal(got.level[0].filed + got.level[0].carried_over + got.level[0].workers_received, 0);
    free(k);
}

/* carried over + filed − closed = the next period's carried over, for every
 * row, month after month, at one data date. */
static void test_dispute_stats_chain(void **state)
{
    struct tu_fixture *fx = *state;
    struct kase *k = calloc(NCASES, sizeof *k);
    assert_non_null(k);
    rng = 777;
    make_cases(fx, k);
    struct ud_err err;
    struct ud_dispute_table prev, cur;
    char from[UD_DATE_SZ], to[UD_DATE_SZ];
    assert_null(ud_parse_month("2025-01", from, to));
    OK(ud_dispute_stats(fx->db, from, to, "2026-11-26", NULL, &prev, &err));
    assert_int_equal(prev.total.carried_over, 0);
    int64_t seen_filed = 0;
    for (int i = 1; i < 23; i++) {
        char mon[24];
        snprintf(mon, sizeof mon, "%04d-%02d", 2025 + i / 12, 1 + i % 12);
        assert_null(ud_parse_month(mon, from, to));
        OK(ud_dispute_stats(fx->db, from, to, "2026-11-26", NULL, &cur, &err));
        for (int l = 0; l < UD_NLEVELS; l++)
            assert_int_equal(prev.level[l].carried_over + prev.level[l].filed - prev.level[l].closed,
                             cur.level[l].carried_over);
        for (int t = 0; t < UD_NTYPES; t++)
            assert_int_equal(prev.type[t].carried_over + prev.type[t].filed - prev.type[t].closed,
                             cur.type[t].carried_over);
        seen_filed += prev.total.filed;
        prev = cur;
    }
    assert_true(seen_filed > 100);
    free(k);
}

/* Overdue is the one rule of rules.c: 15 days after filing is due, the
 * 16th is overdue, across 29 February. */
static void test_dispute_overdue_boundary(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    struct ud_case c;
    ud_case_init(&c);
    c.mediation_org_id = fx->community;
    snprintf(c.received_on, sizeof c.received_on, "2024-02-29");
    snprintf(c.filed_on, sizeof c.filed_on, "2024-02-29");
    snprintf(c.status, sizeof c.status, "mediating");
    snprintf(c.dispute_type, sizeof c.dispute_type, "wages");
    snprintf(c.applicant_name, sizeof c.applicant_name, "宋雅琴");
    OK(ud_case_create(fx->db, &c, &err));
    struct ud_dispute_table t;
    OK(ud_dispute_stats(fx->db, "2024-02-01", "2024-02-29", "2024-03-15", NULL, &t, &err));
    assert_int_equal(t.total.filed, 1);
    assert_int_equal(t.total.open, 1);
    assert_int_equal(t.total.overdue, 0);
    OK(ud_dispute_stats(fx->db, "2024-02-01", "2024-02-29", "2024-03-16", NULL, &t, &err));
    assert_int_equal(t.level[2].overdue, 1);
    assert_int_equal(ud_case_overdue("mediating", "2024-02-29", "2024-03-16"), 1);
    /* a case filed before the period is carried over, not in the cohort's overdue */
    OK(ud_dispute_stats(fx->db, "2024-03-01", "2024-03-31", "2024-03-31", NULL, &t, &err));
    assert_int_equal(t.total.carried_over, 1);
    assert_int_equal(t.total.overdue, 0);
}

static void test_dispute_report_periods(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    struct ud_dispute_report *r = malloc(sizeof *r);
    assert_non_null(r);
    OK(ud_dispute_report(fx->db, "2025-02-01", "2025-02-28", "2025-02-28", NULL, r, &err));
    assert_string_equal(r->ytd_from, "2025-01-01");
    assert_string_equal(r->prev_from, "2024-02-01");
    assert_string_equal(r->prev_to, "2024-02-29");
    assert_string_equal(r->prev_as_of, "2024-02-29");
    OK(ud_dispute_report(fx->db, "2024-02-01", "2024-02-29", "2024-03-16", NULL, r, &err));
    assert_string_equal(r->prev_to, "2023-02-28");
    assert_string_equal(r->prev_as_of, "2023-03-16");
    ud_err_clear(&err);
    assert_int_equal(ud_dispute_report(fx->db, "2026-12-01", "2026-12-31", "2026-11-26", NULL, r, &err), UD_ERR_USAGE);
    assert_int_equal(ud_dispute_report(fx->db, "2026-12-31", "2026-12-01", "2026-12-31", NULL, r, &err), UD_ERR_USAGE);
    free(r);
}

static void test_year_before(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"2024-02-29", "2023-02-28"}, {"2025-02-28", "2024-02-29"}, {"2025-02-27", "2024-02-27"},
        {"2026-10-31", "2025-10-31"}, {"2026-04-30", "2025-04-30"}, {"2026-01-01", "2025-01-01"},
        {"2026-12-31", "2025-12-31"}, {"2000-02-29", "1999-02-28"}, {"2001-02-28", "2000-02-29"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[UD_DATE_SZ];
        ud_date_year_before(cases[i][0], out);
        assert_string_equal(out, cases[i][1]);
    }
}

/* ---- membership ---- */

static int64_t member(struct tu_fixture *fx, int64_t org, const char *name, const char *birth, int seq,
                      const char *joined, const char *status, int migrant)
{
    struct ud_member m;
    struct ud_err err;
    ud_member_init(&m);
    snprintf(m.name, sizeof m.name, "%s", name);
    tu_id_number(birth, seq, m.id_number);
    m.org_id = org;
    snprintf(m.join_date, sizeof m.join_date, "%s", joined);
    snprintf(m.status, sizeof m.status, "%s", status);
    m.is_migrant = migrant;
    OK(ud_member_create(fx->db, &m, &err));
    return m.id;
}

static void test_member_stats(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    /* enterprise (under the community) and enterprise2 (under the street) */
    member(fx, fx->enterprise, "张三", "19800101", 11, "2026-01-01", "active", 1);
    member(fx, fx->enterprise, "李四", "19810101", 13, "2025-12-31", "active", 0);
    member(fx, fx->enterprise2, "王五", "19820101", 15, "2026-06-01", "withdrawn", 1);
    member(fx, fx->enterprise2, "赵六", "19830101", 17, "2026-11-26", "active", 1);
    struct ud_member_stats s;
    OK(ud_member_stats(fx->db, 0, "2026-11-26", &s, &err));
    assert_string_equal(s.root_code, "BL");
    /* the district has one federation under it, the street */
    assert_int_equal(s.nrows, 2);
    assert_true(s.rows[0].own);
    assert_int_equal(s.rows[0].members, 0);
    assert_string_equal(s.rows[1].code, "BL-XQ");
    assert_int_equal(s.rows[1].orgs, 2);
    assert_int_equal(s.total.members, 4);
    assert_int_equal(s.total.active, 3);
    assert_int_equal(s.total.migrant, 2);       /* 王五 has withdrawn */
    assert_int_equal(s.total.new_this_year, 3); /* 张三 on 1 January, 王五, 赵六 today; not 李四 */
    ud_member_stats_free(&s);
    OK(ud_member_stats(fx->db, 0, "2026-11-25", &s, &err));
    assert_int_equal(s.total.new_this_year, 2); /* 赵六 has not joined yet */
    ud_member_stats_free(&s);
    OK(ud_member_stats(fx->db, fx->street, "2026-11-26", &s, &err));
    assert_int_equal(s.nrows, 2);
    assert_int_equal(s.rows[0].members, 2); /* the street itself and enterprise2 */
    assert_string_equal(s.rows[1].code, "BL-XQ-DG");
    assert_int_equal(s.rows[1].members, 2);
    assert_int_equal(s.total.orgs, 2);
    ud_member_stats_free(&s);
    OK(ud_member_stats(fx->db, fx->enterprise, "2026-11-26", &s, &err));
    assert_int_equal(s.nrows, 1);
    assert_int_equal(s.total.members, 2);
    assert_int_equal(s.total.orgs, 1);
    ud_member_stats_free(&s);
}

/* ---- training ---- */

static void test_training_stats(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    int64_t a = member(fx, fx->enterprise, "学员甲", "19900101", 21, "2020-01-01", "active", 0);
    int64_t b = member(fx, fx->enterprise, "学员乙", "19910101", 23, "2020-01-01", "active", 0);
    struct ud_course c;
    ud_course_init(&c);
    snprintf(c.code, sizeof c.code, "K1");
    snprintf(c.title, sizeof c.title, "技能班");
    snprintf(c.category, sizeof c.category, "skills");
    snprintf(c.starts_on, sizeof c.starts_on, "2026-03-01");
    c.hours = 30;
    OK(ud_course_create(fx->db, &c, &err));
    struct ud_enrolment e;
    ud_enrolment_init(&e);
    e.course_id = c.id;
    e.member_id = a;
    e.attended = e.completed = 1;
    OK(ud_enrolment_create(fx->db, &e, &err));
    ud_enrolment_init(&e);
    e.course_id = c.id;
    e.member_id = b;
    e.attended = 1;
    OK(ud_enrolment_create(fx->db, &e, &err));
    ud_course_init(&c);
    snprintf(c.code, sizeof c.code, "K2");
    snprintf(c.title, sizeof c.title, "明年的班");
    snprintf(c.category, sizeof c.category, "skills");
    snprintf(c.starts_on, sizeof c.starts_on, "2027-01-01");
    c.hours = 99;
    OK(ud_course_create(fx->db, &c, &err));
    struct ud_training_stats t;
    OK(ud_training_stats(fx->db, 2026, &t, &err));
    int sk = ud_enum_index(&ud_enum_course_category, "skills");
    assert_int_equal(t.category[sk].courses, 1);
    assert_int_equal(t.category[sk].hours, 30);
    assert_int_equal(t.category[sk].enrolments, 2);
    assert_int_equal(t.category[sk].attended, 2);
    assert_int_equal(t.category[sk].completed, 1);
    assert_int_equal(t.category[sk].learner_hours, 30);
    assert_memory_equal(&t.total, &t.category[sk], sizeof t.total);
    OK(ud_training_stats(fx->db, 2027, &t, &err));
    assert_int_equal(t.total.courses, 1);
    assert_int_equal(t.total.enrolments, 0);
}

/* ---- the roster ---- */

static void test_roster_statuses_and_permission(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    int64_t m1 = member(fx, fx->enterprise, "困难甲", "19700101", 31, "2010-01-01", "active", 0);
    int64_t m2 = member(fx, fx->enterprise, "困难乙", "19710101", 33, "2010-01-01", "active", 0);
    struct ud_aid_grant g;
    ud_aid_grant_init(&g);
    snprintf(g.program, sizeof g.program, "send_warmth");
    g.amount_fen = 100000;
    snprintf(g.granted_on, sizeof g.granted_on, "2026-01-10");
    OK(ud_aid_grant_create_for_member(fx->db, m1, &g, "illness", 0, &err));
    ud_aid_grant_init(&g);
    snprintf(g.program, sizeof g.program, "send_warmth");
    g.amount_fen = 50050;
    snprintf(g.granted_on, sizeof g.granted_on, "2026-01-11");
    OK(ud_aid_grant_create_for_member(fx->db, m2, &g, NULL, 0, &err));
    OK(ud_aid_grant_cancel(fx->db, &g, &err));

    char path[300];
    snprintf(path, sizeof path, "%s.roster.xlsx", fx->path);
    struct ud_aid_roster_opts o;
    memset(&o, 0, sizeof o);
    o.path = path;
    struct ud_aid_roster_result res;
    OK(ud_export_aid_roster(fx->db, &o, &res, &err));
    assert_int_equal(res.rows, 1); /* the cancelled grant is not on a roster to pay */
    assert_int_equal(res.total_fen, 100000);
    o.filter.status = "cancelled";
    ud_err_clear(&err); /* an existing file is replaced only when asked */
    assert_int_equal(ud_export_aid_roster(fx->db, &o, &res, &err), UD_ERR_CANTCREAT);
    o.out_flags = UD_OUT_FORCE;
    OK(ud_export_aid_roster(fx->db, &o, &res, &err));
    assert_int_equal(res.rows, 1);
    assert_int_equal(res.total_fen, 50050);
    unlink(path);

    o.filter.status = NULL;
    o.full_id = 1;
    tu_login(fx, "clerk");
    ud_err_clear(&err);
    assert_int_equal(ud_export_aid_roster(fx->db, &o, &res, &err), UD_ERR_PERM);
    assert_non_null(strstr(err.msg, "--full-id"));
    assert_int_equal(access(path, F_OK), -1); /* nothing written */
    tu_login(fx, "officer");
    OK(ud_export_aid_roster(fx->db, &o, &res, &err));
    assert_int_equal(res.rows, 1);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_dispute_stats_oracle, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(test_dispute_stats_chain, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(test_dispute_overdue_boundary, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(test_dispute_report_periods, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test(test_year_before),
        cmocka_unit_test_setup_teardown(test_member_stats, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(test_training_stats, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(test_roster_statuses_and_permission, tu_setup_zh, tu_teardown_zh),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
