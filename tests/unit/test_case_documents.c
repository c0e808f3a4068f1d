/* The case fields the mediation documents print (migration 0006): claims,
 * facts, the employer's representative, the agreement's terms and payment
 * due date. They round-trip through create, get, get_by_no and update at
 * their full lengths in Chinese; lists leave the long texts unread, and
 * an update of a list's row keeps them; their checks name the field. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"
#include "uniondesk/dispute.h"
#include "uniondesk/i18n.h"

/* `n` characters: `unit` (one character) repeated, a newline every 40 when
 * lines is set (it counts as a character, as SQLite's length() does). */
static void fill(char *out, size_t outsz, const char *unit, int n, int lines)
{
    size_t len = 0, u = strlen(unit);
    for (int i = 0; i < n; i++) {
        const char *c = lines && i % 40 == 39 ? "\n" : unit;
        size_t l = c[0] == '\n' ? 1 : u;
        assert_true(len + l < outsz);
        memcpy(out + len, c, l);
        len += l;
    }
    out[len] = '\0';
}

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
    if (!strcmp(status, "succeeded") || !strcmp(status, "failed") || !strcmp(status, "withdrawn") ||
        !strcmp(status, "not_accepted"))
        snprintf(c->closed_on, sizeof c->closed_on, "2026-11-20");
}

/* Every new field at its longest, in Chinese (3 bytes a character). */
static void full_texts(struct ud_case *c)
{
    fill(c->claims, sizeof c->claims, "请", 1000, 1);
    fill(c->facts, sizeof c->facts, "实", 2000, 1);
    fill(c->respondent_rep, sizeof c->respondent_rep, "代", 40, 0);
    fill(c->agreement_terms, sizeof c->agreement_terms, "协", 2000, 1);
    snprintf(c->payment_due_on, sizeof c->payment_due_on, "2026-12-05");
}

static void assert_texts_equal(const struct ud_case *a, const struct ud_case *b)
{
    assert_string_equal(a->claims, b->claims);
    assert_string_equal(a->facts, b->facts);
    assert_string_equal(a->respondent_rep, b->respondent_rep);
    assert_string_equal(a->agreement_terms, b->agreement_terms);
    assert_string_equal(a->payment_due_on, b->payment_due_on);
}

static void fields_round_trip_at_full_length(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    struct ud_case *c = malloc(sizeof *c), *want = malloc(sizeof *want), *g = malloc(sizeof *g);
    assert_non_null(c);
    assert_non_null(want);
    assert_non_null(g);
    base_case(fx, c, "succeeded");
    c->agreed_fen = 500000;
    full_texts(c);
    *want = *c;
    OK(ud_case_create(fx->db, c, &err));
    assert_texts_equal(c, want); /* re-read by create */
    assert_true(c->texts_read);
    /* stored as characters: SQLite counts what the CHECKs allow */
    char sql[200];
    snprintf(sql, sizeof sql,
             "SELECT length(claims) * 1000000 + length(facts) FROM cases WHERE id = %lld", (long long)c->id);
    assert_int_equal(tu_int(fx, sql), 1000 * 1000000LL + 2000);
    snprintf(sql, sizeof sql, "SELECT length(respondent_rep) * 10000 + length(agreement_terms) FROM cases WHERE id = %lld",
             (long long)c->id);
    assert_int_equal(tu_int(fx, sql), 40 * 10000LL + 2000);

    OK(ud_case_get(fx->db, c->id, g, &err));
    assert_texts_equal(g, want);
    OK(ud_case_get_by_no(fx->db, c->case_no, g, &err));
    assert_texts_equal(g, want);

    /* update: changed, then cleared to NULL */
    snprintf(g->claims, sizeof g->claims, "支付拖欠工资 12,345.67 元\n支付经济补偿金");
    snprintf(g->respondent_rep, sizeof g->respondent_rep, "李四（人事经理）");
    snprintf(g->payment_due_on, sizeof g->payment_due_on, "2026-11-30");
    *want = *g;
    OK(ud_case_update(fx->db, g, &err));
    OK(ud_case_get(fx->db, c->id, g, &err));
    assert_texts_equal(g, want);
    g->claims[0] = g->facts[0] = g->respondent_rep[0] = g->agreement_terms[0] = g->payment_due_on[0] = '\0';
    OK(ud_case_update(fx->db, g, &err));
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM cases WHERE id = %lld AND claims IS NULL AND facts IS NULL AND "
             "respondent_rep IS NULL AND agreement_terms IS NULL AND payment_due_on IS NULL",
             (long long)c->id);
    assert_int_equal(tu_int(fx, sql), 1);
    free(c);
    free(want);
    free(g);
}

/* A case without the new fields (every case before 0006) reads them empty. */
static void a_case_without_them_reads_empty(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    struct ud_case c;
    base_case(fx, &c, "filed");
    OK(ud_case_create(fx->db, &c, &err));
    assert_string_equal(c.claims, "");
    assert_string_equal(c.facts, "");
    assert_string_equal(c.respondent_rep, "");
    assert_string_equal(c.agreement_terms, "");
    assert_string_equal(c.payment_due_on, "");
}

/* Lists read the short new fields, not the long texts; saving a list's row
 * (texts_read 0) keeps the texts stored. */
static void lists_stay_light_and_their_rows_keep_the_texts(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    struct ud_case c, stored;
    base_case(fx, &c, "mediating");
    snprintf(c.claims, sizeof c.claims, "支付工资");
    snprintf(c.facts, sizeof c.facts, "拖欠三个月工资");
    snprintf(c.respondent_rep, sizeof c.respondent_rep, "王五");
    snprintf(c.agreement_terms, sizeof c.agreement_terms, "分两期支付");
    snprintf(c.payment_due_on, sizeof c.payment_due_on, "2026-12-01");
    OK(ud_case_create(fx->db, &c, &err));
    stored = c;

    struct ud_case *rows = calloc(5, sizeof *rows);
    struct ud_cursor cur[5];
    assert_non_null(rows);
    struct ud_page pg = {0};
    pg.limit = 5;
    int n = 0;
    OK(ud_case_list(fx->db, NULL, &pg, rows, cur, &n, &err));
    assert_int_equal(n, 1);
    assert_string_equal(rows[0].respondent_rep, "王五");
    assert_string_equal(rows[0].payment_due_on, "2026-12-01");
    assert_string_equal(rows[0].claims, "");
    assert_string_equal(rows[0].agreement_terms, "");
    assert_false(rows[0].texts_read);

    snprintf(rows[0].mediator, sizeof rows[0].mediator, "赵六");
    OK(ud_case_update(fx->db, &rows[0], &err));
    assert_string_equal(rows[0].mediator, "赵六");
    assert_string_equal(rows[0].claims, stored.claims);
    assert_string_equal(rows[0].facts, stored.facts);
    assert_string_equal(rows[0].agreement_terms, stored.agreement_terms);
    free(rows);
}

/* The audit log records the new fields like the others. */
static void the_audit_log_holds_them(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    struct ud_case c;
    base_case(fx, &c, "mediating");
    snprintf(c.agreement_terms, sizeof c.agreement_terms, "一次性支付");
    OK(ud_case_create(fx->db, &c, &err));
    snprintf(c.agreement_terms, sizeof c.agreement_terms, "分期支付");
    OK(ud_case_update(fx->db, &c, &err));
    char sql[300];
    snprintf(sql, sizeof sql, "tbl = 'cases' AND row_id = %lld AND action = 'update'", (long long)c.id);
    assert_int_equal(tu_audit_states(fx, sql,
                                     "json_extract(before_json, '$.agreement_terms') = '一次性支付' AND "
                                     "json_extract(after_json, '$.agreement_terms') = '分期支付'"),
                     1);
}


/* The field error on `field` after a refused create, its text with the
 * label (ud_err_text) in buf; fails when there is none. */
static void refused(struct tu_fixture *fx, struct ud_case *c, const char *field, char *buf, int bufsz)
{
    struct ud_err err;
    ud_err_clear(&err);
    int rc = ud_case_create(fx->db, c, &err);
    assert_int_equal(rc, UD_ERR_INVALID);
    const struct ud_field_error *fe = ud_err_find(&err, field);
    if (!fe) {
        ud_err_text(&err, buf, bufsz);
        fail_msg("no error on %s: %s", field, buf);
    }
    ud_err_text(&err, buf, bufsz);
}

/* Each check refuses in both languages with the field's label in the text. */
struct bad {
    const char *field, *zh_label, *en_label, *zh_why, *en_why;
    const char *status;
    void (*spoil)(struct ud_case *c);
};

static void long_claims(struct ud_case *c) { fill(c->claims, sizeof c->claims, "请", 1001, 0); }
static void long_facts(struct ud_case *c) { fill(c->facts, sizeof c->facts, "实", 2001, 1); }
static void long_rep(struct ud_case *c) { fill(c->respondent_rep, sizeof c->respondent_rep, "代", 41, 0); }
static void long_terms(struct ud_case *c) { fill(c->agreement_terms, sizeof c->agreement_terms, "协", 2001, 0); }
static void rep_two_lines(struct ud_case *c) { snprintf(c->respondent_rep, sizeof c->respondent_rep, "李四\n王五"); }
static void claims_control(struct ud_case *c) { snprintf(c->claims, sizeof c->claims, "支付\x01工资"); }
static void facts_bad_utf8(struct ud_case *c) { snprintf(c->facts, sizeof c->facts, "拖欠\xe5\xb7工资"); }
static void terms_bidi(struct ud_case *c) { snprintf(c->agreement_terms, sizeof c->agreement_terms, "支付\u202e元"); }
static void due_not_a_date(struct ud_case *c) { snprintf(c->payment_due_on, sizeof c->payment_due_on, "2026-02-30"); }
static void due_before_filing(struct ud_case *c)
{
    snprintf(c->agreement_terms, sizeof c->agreement_terms, "一次性支付");
    snprintf(c->payment_due_on, sizeof c->payment_due_on, "2026-11-01"); /* filed 11-02 */
}
static void due_before_closing(struct ud_case *c)
{
    snprintf(c->agreement_terms, sizeof c->agreement_terms, "一次性支付");
    snprintf(c->payment_due_on, sizeof c->payment_due_on, "2026-11-19"); /* closed 11-20 */
}
static void due_without_terms(struct ud_case *c)
{
    c->agreed_fen = UD_NULL_INT;
    snprintf(c->payment_due_on, sizeof c->payment_due_on, "2026-12-01");
}
static void terms_only(struct ud_case *c) { snprintf(c->agreement_terms, sizeof c->agreement_terms, "一次性支付"); }
static void due_only(struct ud_case *c) { snprintf(c->payment_due_on, sizeof c->payment_due_on, "2026-12-01"); }

static const struct bad bads[] = {
    {"claims", "请求事项", "claims", "最多1000个字", "at most 1000 characters", "received", long_claims},
    {"facts", "事实与理由", "facts and reasons", "最多2000个字", "at most 2000 characters", "received", long_facts},
    {"respondent_rep", "被申请人代表人", "employer's representative", "最多40个字", "at most 40 characters", "received",
     long_rep},
    {"agreement_terms", "协议内容", "agreement terms", "最多2000个字", "at most 2000 characters", "mediating",
     long_terms},
    {"respondent_rep", "被申请人代表人", "employer's representative", "不能换行", "one line", "received",
     rep_two_lines},
    {"claims", "请求事项", "claims", "控制字符", "control character", "received", claims_control},
    {"facts", "事实与理由", "facts and reasons", "UTF-8", "UTF-8", "received", facts_bad_utf8},
    {"agreement_terms", "协议内容", "agreement terms", "双向", "bidirectional", "mediating", terms_bidi},
    {"payment_due_on", "履行期限", "payment due", "该月没有这一天", "no such day in that month", "mediating",
     due_not_a_date},
    {"payment_due_on", "履行期限", "payment due", "不能早于受理日期（2026-11-02）", "before the filing date (2026-11-02)",
     "mediating", due_before_filing},
    {"payment_due_on", "履行期限", "payment due", "不能早于结案日期（2026-11-20）", "before the closing date (2026-11-20)",
     "succeeded", due_before_closing},
    {"payment_due_on", "履行期限", "payment due", "没有协议内容或协议金额", "needs agreement terms or an agreed amount",
     "succeeded", due_without_terms},
    {"agreement_terms", "协议内容", "agreement terms", "“调解不成”的案件不能有协议内容", "failed has no agreement terms",
     "failed", terms_only},
    {"agreement_terms", "协议内容", "agreement terms", "“撤回”的案件不能有协议内容", "withdrawn has no agreement terms",
     "withdrawn", terms_only},
    {"agreement_terms", "协议内容", "agreement terms", "“不予受理”的案件", "not accepted has no agreement terms",
     "not_accepted", terms_only},
    {"payment_due_on", "履行期限", "payment due", "“登记”的案件不能有履行期限", "received has no payment due date",
     "received", due_only},
};

static void every_check_names_its_field(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_case *c = malloc(sizeof *c);
    char buf[2048];
    assert_non_null(c);
    for (size_t i = 0; i < sizeof bads / sizeof bads[0]; i++)
        for (int lang = 0; lang < 2; lang++) {
            ud_lang = lang ? UD_LANG_EN : UD_LANG_ZH;
            base_case(fx, c, bads[i].status);
            if (!strcmp(bads[i].status, "succeeded"))
                c->agreed_fen = 100000;
            bads[i].spoil(c);
            refused(fx, c, bads[i].field, buf, sizeof buf);
            const char *lbl = lang ? bads[i].en_label : bads[i].zh_label;
            const char *why = lang ? bads[i].en_why : bads[i].zh_why;
            if (!strstr(buf, lbl) || !strstr(buf, why))
                fail_msg("case %zu (%s, %s): '%s' lacks '%s' or '%s'", i, bads[i].field, lang ? "en" : "zh", buf, lbl,
                         why);
        }
    ud_lang = UD_LANG_ZH;
    /* nothing was written */
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM cases"), 0);
    free(c);
}

/* What an office does: the terms drafted while mediating, the due date in
 * the future, the amount only at success; a due date on the closing day. */
static void what_an_office_enters_is_accepted(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    struct ud_case c;
    base_case(fx, &c, "mediating");
    snprintf(c.agreement_terms, sizeof c.agreement_terms, "用人单位于2027年1月10日前支付工资\n双方再无争议");
    snprintf(c.payment_due_on, sizeof c.payment_due_on, "2027-01-10"); /* after today (2026-11-26) */
    OK(ud_case_create(fx->db, &c, &err));
    base_case(fx, &c, "succeeded");
    c.agreed_fen = 100000;
    snprintf(c.payment_due_on, sizeof c.payment_due_on, "2026-11-20"); /* the closing day, amount alone */
    OK(ud_case_create(fx->db, &c, &err));
    base_case(fx, &c, "received");
    snprintf(c.claims, sizeof c.claims, "支付工资");
    snprintf(c.facts, sizeof c.facts, "事实");
    snprintf(c.respondent_rep, sizeof c.respondent_rep, "李四");
    OK(ud_case_create(fx->db, &c, &err));
}

/* The move to succeeded takes the terms and due date; a move that closes
 * without an agreement is refused while terms are stored, naming them. */
static void moves_carry_and_check_the_agreement(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    struct ud_case c;
    base_case(fx, &c, "mediating");
    OK(ud_case_create(fx->db, &c, &err));
    struct ud_case_move mv;
    ud_case_move_init(&mv);
    mv.date = "2026-11-20";
    mv.agreed_fen = 300000;
    mv.agreement_terms = "用人单位支付工资三千元";
    mv.payment_due_on = "2026-11-10"; /* before the closing date */
    ud_err_clear(&err);
    assert_int_equal(ud_case_move(fx->db, c.id, c.version, "succeeded", &mv, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "payment_due_on"));
    mv.payment_due_on = "2026-12-31";
    OK(ud_case_move(fx->db, c.id, c.version, "succeeded", &mv, &err));
    OK(ud_case_get(fx->db, c.id, &c, &err));
    assert_string_equal(c.agreement_terms, "用人单位支付工资三千元");
    assert_string_equal(c.payment_due_on, "2026-12-31");
    assert_true(ud_case_move_needs("succeeded") & UD_MOVE_AGREEMENT);
    assert_false(ud_case_move_needs("failed") & UD_MOVE_AGREEMENT);

    /* reopened (back to mediating) the draft stays; closing it as failed
     * is refused until the terms are cleared */
    tu_login(fx, "officer");
    OK(ud_case_reopen(fx->db, c.id, c.version, "协议未履行，重新调解", &err));
    OK(ud_case_get(fx->db, c.id, &c, &err));
    assert_string_equal(c.status, "mediating");
    assert_string_equal(c.agreement_terms, "用人单位支付工资三千元");
    ud_case_move_init(&mv);
    mv.date = "2026-11-25";
    ud_err_clear(&err);
    assert_int_equal(ud_case_move(fx->db, c.id, c.version, "failed", &mv, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "agreement_terms"));
    assert_non_null(strstr(ud_err_find(&err, "agreement_terms")->msg, "请先修改案件，清空协议内容"));
    c.agreement_terms[0] = c.payment_due_on[0] = '\0';
    OK(ud_case_update(fx->db, &c, &err));
    OK(ud_case_move(fx->db, c.id, c.version, "failed", &mv, &err));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(fields_round_trip_at_full_length, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(a_case_without_them_reads_empty, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(lists_stay_light_and_their_rows_keep_the_texts, tu_setup_zh,
                                        tu_teardown_zh),
        cmocka_unit_test_setup_teardown(the_audit_log_holds_them, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(every_check_names_its_field, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(what_an_office_enters_is_accepted, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(moves_carry_and_check_the_agreement, tu_setup_zh, tu_teardown_zh),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
