/* The report document and its renderers: text alignment by display width,
 * cutting to the page width, pages, CSV quoting, JSON ratios. No database. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "uniondesk/i18n.h"
#include "uniondesk/rdoc.h"
#include "uniondesk/report.h"
#include "uniondesk/utf8.h"
#include "testutil.h"

static const struct ud_rcol cols3[] = {
    {{"受理", "立案"}, "受理立案", UD_RC_COUNT, 0, 0},
    {{"调解", "成功"}, "调解成功", UD_RC_COUNT, 0, 0},
    {{"成功率", ""}, "成功率", UD_RC_RATE, 1, 0},
    {{"涉案金额", "(万元)"}, "涉案金额(元)", UD_RC_MONEY, 0, 0},
};

static char *render_text(const struct ud_rdoc *d, int page_lines)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_rdoc_text(d, page_lines, f, &err), UD_OK);
    fclose(f);
    return buf;
}

/* On every page, every line from a '=' rule to the next has the width of
 * the rule. */
static int check_tables(const char *text, int *ntables)
{
    char *copy = strdup(text);
    int bad = 0;
    *ntables = 0;
    for (char *psave = NULL, *page = strtok_r(copy, "\f", &psave); page; page = strtok_r(NULL, "\f", &psave)) {
        int in = 0, width = 0;
        for (char *save = NULL, *line = strtok_r(page, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
            int rule = strlen(line) > 10 && strspn(line, "=") == strlen(line);
            if (rule && !in) {
                in = 1;
                width = ud_str_width(line);
                continue;
            }
            if (in && ud_str_width(line) != width)
                bad++;
            if (rule) {
                in = 0;
                (*ntables)++;
            }
        }
        bad += in; /* a table left open at the end of a page */
    }
    free(copy);
    return bad;
}

static void test_text_alignment(void **state)
{
    (void)state;
    struct ud_rdoc d;
    ud_rdoc_init(&d);
    snprintf(d.title, sizeof d.title, "北仑区总工会测试报表");
    struct ud_rtable *t = ud_rdoc_table(&d, "一、按组织", "单位", cols3, 4);
    assert_non_null(t);
    static const char *const names[] = {"区", "新碶街道总工会", "Daxie Street", "宁波\x1b[31m红色", "ｆｕｌｌ宽"};
    for (int i = 0; i < 5; i++) {
        struct ud_rrow *r = ud_rdoc_row(t, names[i], 0);
        r->v[0] = 4041 * (i + 1);
        r->v[1] = 3589 * (i + 1);
        r->v[3] = 6892000000LL / (i + 1);
    }
    struct ud_rrow *r = ud_rdoc_row(t, "合计", 1);
    r->v[0] = 0;
    char *text = render_text(&d, 0);
    int n;
    assert_int_equal(check_tables(text, &n), 0);
    assert_int_equal(n, 1);
    assert_non_null(strstr(text, "88.8%"));    /* 3589 / 4041 */
    assert_non_null(strstr(text, "6892.00")); /* 万元 */
    assert_non_null(strstr(text, "^[[31m"));    /* ESC made visible */
    assert_null(strstr(text, "\x1b"));
    const char *total = strstr(text, "\n合计");
    assert_non_null(total);
    const char *eol = strchr(total + 1, '\n');
    const char *dash = strstr(total, " - ");
    assert_true(dash && dash < eol); /* nothing filed: "-" */
    assert_null(strchr(text, '\f'));
    free(text);
    ud_rdoc_free(&d);
}

/* A label too wide for A4 landscape gives up its width, marked with ~. */
static void test_text_cut_to_page(void **state)
{
    (void)state;
    struct ud_rdoc d;
    ud_rdoc_init(&d);
    struct ud_rtable *t = ud_rdoc_table(&d, "宽表", "单位", cols3, 4);
    char label[400] = "";
    for (int i = 0; i < 40; i++)
        strcat(label, "工会");
    struct ud_rrow *r = ud_rdoc_row(t, label, 0);
    r->v[0] = 1;
    char *text = render_text(&d, 0);
    int n;
    assert_int_equal(check_tables(text, &n), 0);
    for (char *save = NULL, *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
        assert_true(ud_str_width(line) <= UD_RDOC_TEXT_WIDTH);
    free(text);
    text = render_text(&d, 0);
    const char *cut = strstr(text, "工会工会");
    assert_non_null(cut);
    assert_non_null(strchr(cut, '~'));
    assert_true(strchr(cut, '~') < strchr(cut, '\n'));
    free(text);
    ud_rdoc_free(&d);
}

static int count_pages(const char *text)
{
    int n = 1;
    for (const char *p = text; *p; p++)
        n += *p == '\f';
    return n;
}

/* 150 rows: pages of at most 60 lines, a running head with "page N of M"
 * on each, the table's header repeated where it is cut. */
static void test_text_pages(void **state)
{
    (void)state;
    struct ud_rdoc d;
    ud_rdoc_init(&d);
    snprintf(d.title, sizeof d.title, "长报表");
    snprintf(d.page_title, sizeof d.page_title, "长报表（续）");
    struct ud_rtable *t = ud_rdoc_table(&d, "一、很多行", "单位", cols3, 4);
    for (int i = 0; i < 150; i++) {
        char name[32];
        snprintf(name, sizeof name, "工会%03d", i);
        struct ud_rrow *r = ud_rdoc_row(t, name, 0);
        r->v[0] = i;
    }
    ud_rdoc_row(t, "合计", 1);
    ud_rdoc_note(&d, "说明：测试。");
    char *text = render_text(&d, 60);
    int pages = count_pages(text);
    assert_true(pages >= 3);
    char want[64];
    snprintf(want, sizeof want, "第 %d 页 共 %d 页", pages, pages);
    assert_non_null(strstr(text, want));
    assert_non_null(strstr(text, "第 1 页"));
    /* every page ≤ 60 lines; pages after the first start with the running
     * head, a blank line, then the repeated table head or the notes */
    char *copy = strdup(text);
    int p = 0;
    for (char *save = NULL, *page = strtok_r(copy, "\f", &save); page; page = strtok_r(NULL, "\f", &save), p++) {
        int lines = 0;
        for (const char *c = page; *c; c++)
            lines += *c == '\n';
        assert_true(lines <= 60);
        if (p > 0) {
            assert_true(strncmp(page, "长报表（续）", strlen("长报表（续）")) == 0);
            const char *third = strchr(strchr(page, '\n') + 1, '\n') + 1;
            assert_true(strncmp(third, "一、很多行", strlen("一、很多行")) == 0 || strncmp(third, "说明", 6) == 0);
        }
    }
    free(copy);
    int n;
    assert_int_equal(check_tables(text, &n), 0);
    /* every row is there once */
    assert_non_null(strstr(text, "工会000"));
    assert_non_null(strstr(text, "工会149"));
    free(text);
    /* the same document unpaged: no form feed */
    text = render_text(&d, 0);
    assert_null(strchr(text, '\f'));
    free(text);
    ud_rdoc_free(&d);
}

static void test_csv(void **state)
{
    (void)state;
    struct ud_rdoc d;
    ud_rdoc_init(&d);
    d.nkeys = 1;
    d.key_heads[0] = "日期";
    d.table_head = "栏目";
    struct ud_rtable *t = ud_rdoc_table(&d, "表,一", "单位", cols3, 4);
    snprintf(t->key_values[0], sizeof t->key_values[0], "2026-10-31");
    struct ud_rrow *r = ud_rdoc_row(t, "宁波\"宝新\"工会", 0);
    r->v[0] = 3;
    r->v[1] = 2;
    r->v[3] = 12345;
    r = ud_rdoc_row(t, "空", 0);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_rdoc_csv(&d, f, &err), UD_OK);
    fclose(f);
    assert_memory_equal(buf, "\xEF\xBB\xBF", 3);
    assert_string_equal(buf + 3,
                        "日期,栏目,单位,受理立案,调解成功,成功率,涉案金额(元)\r\n"
                        "2026-10-31,\"表,一\",\"宁波\"\"宝新\"\"工会\",3,2,66.7%,123.45\r\n"
                        "2026-10-31,\"表,一\",空,0,0,,0.00\r\n");
    free(buf);
    ud_rdoc_free(&d);
}

static void test_json_ratio(void **state)
{
    (void)state;
    static const struct {
        int64_t num, den;
        const char *want;
    } cases[] = {
        {3589, 4041, "0.8881"}, {10993, 12633, "0.8702"}, {1, 8, "0.1250"},   {2, 3, "0.6667"},
        {1, 3, "0.3333"},       {0, 5, "0.0000"},         {5, 5, "1.0000"},   {7, 0, "null"},
        {1, 20000, "0.0001"},   {1, 20001, "0.0000"},     {4, 11, "0.3636"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[32];
        ud_report_json_ratio(cases[i].num, cases[i].den, out, sizeof out);
        assert_string_equal(out, cases[i].want);
    }
}

static void test_cell_text(void **state)
{
    (void)state;
    struct ud_rdoc d;
    ud_rdoc_init(&d);
    struct ud_rtable *t = ud_rdoc_table(&d, "x", "y", cols3, 4);
    struct ud_rrow *r = ud_rdoc_row(t, "a", 0);
    r->v[0] = 12633;
    r->v[1] = 10993;
    r->v[3] = 1852300000000LL; /* 18,523 万元 */
    char out[64];
    ud_rdoc_cell_text(t, r, 0, out, sizeof out);
    assert_string_equal(out, "12633");
    ud_rdoc_cell_text(t, r, 2, out, sizeof out);
    assert_string_equal(out, "87.0%");
    ud_rdoc_cell_text(t, r, 3, out, sizeof out);
    assert_string_equal(out, "1852300.00");
    r->v[3] = 905000; /* 0.905 万元, half up */
    ud_rdoc_cell_text(t, r, 3, out, sizeof out);
    assert_string_equal(out, "0.91");
    ud_rdoc_free(&d);
}

/* 同比增减 worked by hand: (now - before) / before, half up to 0.1%
 * (away from zero), signed; blank on a zero base; no sign when the change
 * rounds to 0.0%. */
static void test_change_cell(void **state)
{
    (void)state;
    static const struct ud_rcol cols[] = {
        {{"本期", ""}, "本期", UD_RC_COUNT, 0, 0},
        {{"上年", ""}, "上年", UD_RC_COUNT, 0, 0},
        {{"增减%", ""}, "增减", UD_RC_CHANGE, 0, 1},
    };
    static const struct {
        int64_t now, before;
        const char *want;
    } cases[] = {
        {4041, 3589, "+12.6%"},  /* 452 / 3589 = 0.12594 */
        {12, 10, "+20.0%"},
        {96, 100, "-4.0%"},      /* a fall */
        {1, 3, "-66.7%"},        /* -0.66666 */
        {2, 3, "-33.3%"},        /* -0.33333 */
        {0, 4, "-100.0%"},       /* nothing this year */
        {7, 7, "0.0%"},          /* equal */
        {5, 0, ""},              /* a zero base: no change can be stated */
        {0, 0, ""},
        {2001, 2000, "+0.1%"},   /* 0.05% exactly: half up */
        {1999, 2000, "-0.1%"},   /* -0.05%: half away from zero */
        {20001, 20000, "0.0%"},  /* 0.005%: rounds to nothing, no sign */
        {19999, 20000, "0.0%"},
        {10015, 10000, "+0.2%"}, /* 0.15% */
        {10014, 10000, "+0.1%"},
        {1000, 1, "+99900.0%"},
        {75700000, 1200000, "+6208.3%"}, /* 74,500,000 / 1,200,000 = 62.08333 */
    };
    struct ud_rdoc d;
    ud_rdoc_init(&d);
    struct ud_rtable *t = ud_rdoc_table(&d, "x", "y", cols, 3);
    struct ud_rrow *r = ud_rdoc_row(t, "a", 0);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[64];
        r->v[0] = cases[i].now;
        r->v[1] = cases[i].before;
        ud_rdoc_cell_text(t, r, 2, out, sizeof out);
        assert_string_equal(out, cases[i].want);
    }
    ud_rdoc_free(&d);
}

/* The CSV of a document whose tables differ: a column named once, each
 * table's figures under their own names, the change as text, the filer and
 * the units (in yuan) closing every row. */
static void test_csv_forms(void **state)
{
    (void)state;
    static const struct ud_rcol change[] = {
        {{"受理", "本期"}, "受理立案", UD_RC_COUNT, 0, 0},
        {{"受理", "上年"}, "上年同期受理立案", UD_RC_COUNT, 0, 0},
        {{"受理", "增减%"}, "受理立案同比增减", UD_RC_CHANGE, 0, 1},
    };
    struct ud_rdoc d;
    ud_rdoc_init(&d);
    d.table_head = "栏目";
    snprintf(d.filer, sizeof d.filer, "填报单位：新碶街道总工会");
    snprintf(d.units, sizeof d.units, "单位：件、人、万元");
    struct ud_rtable *t = ud_rdoc_table(&d, "一", "级别", cols3, 4);
    struct ud_rrow *r = ud_rdoc_row(t, "区", 0);
    r->v[0] = 4;
    r->v[1] = 1;
    r->v[3] = 100;
    t = ud_rdoc_table(&d, "五", "级别", change, 3);
    r = ud_rdoc_row(t, "区", 0);
    r->v[0] = 4;
    r->v[1] = 2;
    r = ud_rdoc_row(t, "街道", 0);
    r->v[0] = 4;
    char units[128];
    ud_rdoc_units_data(&d, units, sizeof units);
    assert_string_equal(units, "单位：件、人、元");
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_rdoc_csv(&d, f, &err), UD_OK);
    fclose(f);
    assert_string_equal(buf + 3,
                        "栏目,级别,受理立案,调解成功,成功率,涉案金额(元),上年同期受理立案,受理立案同比增减,填报单位,计量单位\r\n"
                        "一,区,4,1,25.0%,1.00,,,新碶街道总工会,件、人、元\r\n"
                        "五,区,4,,,,2,+100.0%,新碶街道总工会,件、人、元\r\n"
                        "五,街道,4,,,,0,,新碶街道总工会,件、人、元\r\n");
    free(buf);
    ud_rdoc_free(&d);
}

/* JSON strings from the database are escaped. */
static void test_members_json_escapes(void **state)
{
    (void)state;
    struct ud_member_stats s;
    memset(&s, 0, sizeof s);
    snprintf(s.as_of, sizeof s.as_of, "2026-11-26");
    snprintf(s.root_code, sizeof s.root_code, "BL");
    snprintf(s.root_name, sizeof s.root_name, "北仑\"区\"\\总工会\n\x01");
    s.nrows = 1;
    s.rows = calloc(1, sizeof *s.rows);
    s.rows[0].own = 1;
    snprintf(s.rows[0].name, sizeof s.rows[0].name, "%s", s.root_name);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_report_members_json(&s, f, &err), UD_OK);
    fclose(f);
    assert_non_null(strstr(buf, "\"北仑\\\"区\\\"\\\\总工会\\n\\u0001\""));
    assert_non_null(strstr(buf, "\"migrant_share\": null"));
    free(buf);
    ud_member_stats_free(&s);
}

/* The table of report kinds: one row per report, each complete; the run
 * and the print both refuse a kind not in it. */
static void test_report_kinds(void **state)
{
    (void)state;
    const char *names[] = {"disputes", "members", "training"};
    int n = 0;
    for (const struct ud_report_kind *k = ud_report_kinds; k->name; k++, n++) {
        assert_non_null(k->compute);
        assert_non_null(k->document);
        assert_non_null(k->json);
        assert_non_null(k->free);
        assert_non_null(k->describe);
        assert_non_null(k->audit_table);
        assert_ptr_equal(ud_report_kind_find(k->name), k);
    }
    assert_int_equal(n, 3);
    for (int i = 0; i < 3; i++)
        assert_non_null(ud_report_kind_find(names[i]));
    assert_null(ud_report_kind_find("aid"));
    assert_null(ud_report_kind_find(NULL));

    struct tu_fixture *fx = tu_setup();
    struct ud_report_request rq;
    memset(&rq, 0, sizeof rq);
    rq.kind = "nonsense";
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_report_run(fx->db, &rq, UD_REPORT_TEXT, stdout, NULL, &err), UD_ERR_USAGE);
    assert_non_null(strstr(err.msg, "nonsense"));
    ud_err_clear(&err);
    assert_int_equal(ud_report_print(fx->db, &rq, NULL, "t", 1, &err), UD_ERR_USAGE);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM audit_log WHERE action = 'print'"), 0);

    /* each kind runs through the table into JSON */
    char *buf = NULL;
    size_t len = 0;
    rq.kind = "training";
    rq.year = 2026;
    FILE *f = open_memstream(&buf, &len);
    ud_err_clear(&err);
    assert_int_equal(ud_report_run(fx->db, &rq, UD_REPORT_JSON, f, NULL, &err), UD_OK);
    fclose(f);
    assert_non_null(strstr(buf, "2026"));
    free(buf);
    tu_teardown(fx);
}

/* A document missing a row (no memory for it) is written by no renderer:
 * one message, exit 70, and nothing on the output. */
static void test_incomplete_doc_refused(void **state)
{
    (void)state;
    struct ud_rdoc d;
    ud_rdoc_init(&d);
    struct ud_rcol cols[1];
    ud_rcol_set(&cols[0], "数", "", "n", "", "n", "n", UD_RC_COUNT);
    struct ud_rtable *t = ud_rdoc_table(&d, "t", "x", cols, 1);
    assert_non_null(ud_rdoc_row(t, "a", 0));
    t->oom = 1; /* as ud_rdoc_row leaves it when realloc fails */
    char *buf = NULL;
    size_t len = 0;
    struct ud_err err;
    FILE *f = open_memstream(&buf, &len);
    ud_err_clear(&err);
    assert_int_equal(ud_rdoc_text(&d, 60, f, &err), UD_ERR_INTERNAL);
    assert_string_equal(err.msg, "内存不足");
    assert_int_equal(ud_exit_code(err.status), 70);
    ud_err_clear(&err);
    assert_int_equal(ud_rdoc_csv(&d, f, &err), UD_ERR_INTERNAL);
    fclose(f);
    assert_int_equal(len, 0);
    free(buf);
    ud_rdoc_free(&d);
    ud_lang = UD_LANG_EN;
    ud_err_clear(&err);
    assert_int_equal(ud_err_nomem(&err), UD_ERR_INTERNAL);
    assert_string_equal(err.msg, "out of memory");
    ud_lang = UD_LANG_ZH;
}

int main(void)
{
    ud_lang = UD_LANG_ZH;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_alignment), cmocka_unit_test(test_text_cut_to_page),
        cmocka_unit_test(test_text_pages),     cmocka_unit_test(test_csv),
        cmocka_unit_test(test_json_ratio),     cmocka_unit_test(test_cell_text),
        cmocka_unit_test(test_members_json_escapes), cmocka_unit_test(test_report_kinds),
        cmocka_unit_test(test_incomplete_doc_refused), cmocka_unit_test(test_change_cell),
        cmocka_unit_test(test_csv_forms),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
