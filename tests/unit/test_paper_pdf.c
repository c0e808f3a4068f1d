/* ud_paper_pdf: a document with every kind of block, a table long enough
 * to take three pages, read back with poppler's pdftotext and pdfinfo;
 * a write that fails is an I/O error. */
#define _GNU_SOURCE /* popen, mkstemp, open_memstream */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "uniondesk/i18n.h"
#include "uniondesk/paper.h"
#include "uniondesk/rdoc.h"

#define NROWS 120

static int have_poppler(void)
{
    return system("command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1") == 0;
}

/* The output of the poppler tool (pdftotext -layout, pdfinfo, pdffonts) on path, whole. */
static char *run(const char *tool, const char *path)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s '%s'%s", tool, path, strncmp(tool, "pdftotext", 9) == 0 ? " -" : "");
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    assert_non_null(m);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
        fwrite(chunk, 1, n, m);
    fclose(m);
    assert_int_equal(pclose(p), 0);
    return buf;
}

/* s without spaces: pdftotext puts spaces between some CJK glyphs. */
static char *squeeze(const char *s)
{
    char *o = malloc(strlen(s) + 1), *q = o;
    assert_non_null(o);
    for (; *s; s++)
        if (*s != ' ')
            *q++ = *s;
    *q = '\0';
    return o;
}

static int count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

static void build(struct ud_paper *p)
{
    ud_paper_init(p, "劳动争议调解协议书", "北仑调字〔2026〕第0012号");
    ud_paper_title(p, "劳动争议调解协议书");
    ud_paper_center(p, "北仑调字〔2026〕第0012号");
    ud_paper_line(p, "申请人：张三");
    ud_paper_paraf(p, "双方当事人于%s经本委员会主持调解，自愿达成如下协议。"
                      "本段文字较长，用来检验段落按页宽换行：甲乙双方应当诚实守信，全面履行本协议约定的各项义务。"
                      "Mixed Latin text wraps too: PaymentDueDate.",
                   "2026年10月12日");
    int w[] = {120, 480, 400};
    ud_paper_table(p, 3, w, 1);
    ud_paper_cell(p, "序号", 1, UD_PC_LABEL | UD_PC_CENTER);
    ud_paper_cell(p, "事项", 1, UD_PC_LABEL);
    ud_paper_cell(p, "金额（元）", 1, UD_PC_LABEL | UD_PC_RIGHT);
    for (int i = 1; i <= NROWS; i++) {
        char a[32], b[64], c[32];
        snprintf(a, sizeof a, "%d", i);
        snprintf(b, sizeof b, "第%03d项请求", i);
        snprintf(c, sizeof c, "%d.00", i * 100);
        ud_paper_cell(p, a, 1, UD_PC_CENTER);
        ud_paper_cell(p, b, 1, 0);
        ud_paper_cell(p, c, 1, UD_PC_RIGHT);
    }
    ud_paper_cell(p, "签名", 1, UD_PC_LABEL);
    ud_paper_cell(p, "", 2, UD_PC_TALL);
    ud_paper_space(p, 2);
    ud_paper_right(p, "北仑区总工会劳动争议调解委员会");
    ud_paper_right(p, "2026年10月12日");
    ud_paper_page_break(p);
    ud_paper_title(p, "卷内目录");
}

static void test_every_block(void **state)
{
    (void)state;
    if (!have_poppler())
        skip();
    ud_lang = UD_LANG_ZH;
    struct ud_paper p;
    build(&p);
    char path[] = "/tmp/ud-paper-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_paper_pdf(&p, f, &err), UD_OK);
    assert_int_equal(fclose(f), 0);
    ud_paper_free(&p);

    char *info = run("pdfinfo", path);
    assert_non_null(strstr(info, "Page size:       595.28 x 841.89 pts (A4)"));
    int pages = atoi(strstr(info, "Pages:") + 6);
    assert_true(pages >= 4); /* the long table takes three pages, the last title one */
    assert_non_null(strstr(info, "Title:           劳动争议调解协议书"));

    /* the body and the bold title in Noto Serif CJK SC, embedded and subset */
    char *fonts = run("pdffonts", path);
    assert_non_null(strstr(fonts, "NotoSerifCJKsc-Regular"));
    assert_non_null(strstr(fonts, "NotoSerifCJKsc-Bold"));
    for (char *l = strstr(fonts, "NotoSerif"); l; l = strstr(l + 1, "NotoSerif")) {
        char *eol = strchr(l, '\n');
        if (eol)
            *eol = '\0';
        assert_non_null(strstr(l, "CID Type 0C"));
        assert_non_null(strstr(l, "yes yes"));
        if (eol)
            *eol = '\n';
    }
    free(fonts);

    char *raw = run("pdftotext -layout", path);
    char *txt = squeeze(raw);
    assert_int_equal(count(txt, "劳动争议调解协议书"), 1);
    assert_non_null(strstr(txt, "申请人：张三"));
    assert_non_null(strstr(txt, "2026年10月12日经本委员会主持调解"));
    assert_non_null(strstr(txt, "PaymentDueDate."));
    assert_non_null(strstr(txt, "北仑区总工会劳动争议调解委员会"));
    assert_non_null(strstr(txt, "卷内目录"));
    /* every row once: none lost, none split or drawn twice */
    for (int i = 1; i <= NROWS; i++) {
        char b[64];
        snprintf(b, sizeof b, "第%03d项请求", i);
        assert_int_equal(count(txt, b), 1);
    }
    /* the rows follow in order */
    const char *prev = txt;
    for (int i = 1; i <= NROWS; i++) {
        char b[64];
        snprintf(b, sizeof b, "第%03d项请求", i);
        const char *at = strstr(txt, b);
        assert_true(at >= prev);
        prev = at;
    }
    /* page by page: running head and page N of M; the header on top of
     * every page the table continues on */
    int n = 0, header_pages = 0, table_pages = 0;
    for (char *pg = txt; pg && *pg; n++) {
        char *ff = strchr(pg, '\f');
        if (ff)
            *ff = '\0';
        char foot[64];
        snprintf(foot, sizeof foot, "第%d页共%d页", n + 1, pages);
        assert_non_null(strstr(pg, foot));
        assert_non_null(strstr(pg, "北仑调字〔2026〕第0012号"));
        if (strstr(pg, "项请求")) {
            table_pages++;
            char *h = strstr(pg, "序号"), *r = strstr(pg, "项请求");
            assert_non_null(h);
            assert_true(h < r);
            header_pages++;
        }
        pg = ff ? ff + 1 : NULL;
    }
    assert_int_equal(n, pages);
    assert_true(table_pages >= 3);
    assert_int_equal(header_pages, table_pages);
    free(info);
    free(raw);
    free(txt);
    unlink(path);
}

static void test_english_page_numbers(void **state)
{
    (void)state;
    if (!have_poppler())
        skip();
    ud_lang = UD_LANG_EN;
    struct ud_paper p;
    build(&p);
    char path[] = "/tmp/ud-paper-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_paper_pdf(&p, f, &err), UD_OK);
    assert_int_equal(fclose(f), 0);
    ud_paper_free(&p);
    char *raw = run("pdftotext -layout", path);
    assert_non_null(strstr(raw, "Page 1 of "));
    assert_null(strstr(raw, "第 1 页"));
    free(raw);
    unlink(path);
    ud_lang = UD_LANG_ZH;
}

/* A cell longer than a page: the one row that is cut, between lines,
 * every line of it once, in order, the header above each part. */
static void test_row_taller_than_a_page(void **state)
{
    (void)state;
    if (!have_poppler())
        skip();
    ud_lang = UD_LANG_ZH;
    struct ud_paper p;
    ud_paper_init(&p, "申请登记表", "案号");
    ud_paper_title(&p, "劳动争议调解申请登记表");
    int w[] = {200, 800};
    ud_paper_table(&p, 2, w, 1);
    ud_paper_cell(&p, "项目", 1, UD_PC_LABEL);
    ud_paper_cell(&p, "内容", 1, UD_PC_LABEL);
    char *facts = malloc(200 * 40);
    assert_non_null(facts);
    size_t n = 0;
    for (int i = 1; i <= 150; i++)
        n += (size_t)sprintf(facts + n, "第%03d句事实。\n", i);
    ud_paper_cell(&p, "事实与理由", 1, UD_PC_LABEL);
    ud_paper_cell(&p, facts, 1, 0);
    ud_paper_cell(&p, "签名", 1, UD_PC_LABEL);
    ud_paper_cell(&p, "", 1, UD_PC_TALL);
    free(facts);
    char path[] = "/tmp/ud-paper-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_paper_pdf(&p, f, &err), UD_OK);
    assert_int_equal(fclose(f), 0);
    ud_paper_free(&p);
    char *raw = run("pdftotext -layout", path);
    char *txt = squeeze(raw);
    const char *prev = txt;
    for (int i = 1; i <= 150; i++) {
        char b[64];
        snprintf(b, sizeof b, "第%03d句事实。", i);
        assert_int_equal(count(txt, b), 1);
        const char *at = strstr(txt, b);
        assert_true(at >= prev);
        prev = at;
    }
    assert_true(strstr(txt, "签名") > prev);
    int pages = 0;
    for (char *pg = txt; pg && *pg; pages++) {
        char *ff = strchr(pg, '\f');
        if (ff)
            *ff = '\0';
        if (strstr(pg, "句事实")) {
            assert_non_null(strstr(pg, "项目"));
            assert_true(strstr(pg, "项目") < strstr(pg, "句事实"));
        }
        pg = ff ? ff + 1 : NULL;
    }
    assert_true(pages >= 3);
    free(raw);
    free(txt);
    unlink(path);
}

/* /dev/full takes nothing: the error is I/O, never success. */
static void test_unwritable(void **state)
{
    (void)state;
    struct ud_paper p;
    build(&p);
    FILE *f = fopen("/dev/full", "w");
    if (!f)
        skip();
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_paper_pdf(&p, f, &err), UD_ERR_IO);
    assert_true(err.msg[0] != '\0');
    fclose(f);

    /* the report renderer the same */
    struct ud_rdoc *d = calloc(1, sizeof *d);
    assert_non_null(d);
    ud_rdoc_init(d);
    snprintf(d->title, sizeof d->title, "%s", "统计表");
    struct ud_rcol c = {{"受理", "立案"}, "受理立案", UD_RC_COUNT, 0, 0};
    struct ud_rtable *t = ud_rdoc_table(d, "一、", "级别", &c, 1);
    ud_rdoc_row(t, "区", 0)->v[0] = 4;
    f = fopen("/dev/full", "w");
    assert_non_null(f);
    ud_err_clear(&err);
    assert_int_equal(ud_rdoc_pdf(d, f, &err), UD_ERR_IO);
    fclose(f);
    ud_rdoc_free(d);
    free(d);
    ud_paper_free(&p);
}

/* A paper that ran out of memory while being built is not written. */
static void test_incomplete_refused(void **state)
{
    (void)state;
    struct ud_paper p;
    build(&p);
    p.oom = 1;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_not_equal(ud_paper_pdf(&p, f, &err), UD_OK);
    fclose(f);
    assert_int_equal(len, 0);
    free(buf);
    ud_paper_free(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_block),
        cmocka_unit_test(test_english_page_numbers),
        cmocka_unit_test(test_row_taller_than_a_page),
        cmocka_unit_test(test_unwritable),
        cmocka_unit_test(test_incomplete_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
