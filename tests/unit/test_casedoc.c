/* The mediation documents' table (casedoc.h): names, the documents each
 * state offers (counted by hand), refusals, and what a built document
 * holds (read as ud_paper_dump lines): whole ID numbers for officers only,
 * the amount in capitals, the texts of a case read from a list's row. */
#define _GNU_SOURCE /* open_memstream */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"
#include "uniondesk/casedoc.h"
#include "uniondesk/dispute.h"
#include "uniondesk/i18n.h"

static int64_t new_case(struct tu_fixture *fx, const char *no, const char *status, const char *id)
{
    struct ud_err err;
    struct ud_case *c = calloc(1, sizeof *c);
    assert_non_null(c);
    ud_case_init(c);
    snprintf(c->case_no, sizeof c->case_no, "%s", no);
    c->mediation_org_id = fx->district;
    snprintf(c->received_on, sizeof c->received_on, "2026-10-08");
    snprintf(c->dispute_type, sizeof c->dispute_type, "wages");
    snprintf(c->applicant_name, sizeof c->applicant_name, "张三");
    snprintf(c->applicant_id_number, sizeof c->applicant_id_number, "%s", id);
    snprintf(c->employer_name, sizeof c->employer_name, "宁波旭越电器有限公司");
    snprintf(c->status, sizeof c->status, "%s", status);
    if (!strcmp(status, "succeeded")) {
        snprintf(c->filed_on, sizeof c->filed_on, "2026-10-09");
        snprintf(c->closed_on, sizeof c->closed_on, "2026-10-20");
        c->agreed_fen = 1000001; /* 10,000.01: 壹万元零壹分 */
        snprintf(c->agreement_terms, sizeof c->agreement_terms, "一、支付工资。\n二、再无争议。");
        snprintf(c->payment_due_on, sizeof c->payment_due_on, "2026-10-31");
    }
    OK(ud_case_create(fx->db, c, &err));
    int64_t id_ = c->id;
    free(c);
    return id_;
}

/* The document's dump lines in *out (free it). */
static int dump(struct tu_fixture *fx, const char *doc, const struct ud_case *c, int *whole, char **out)
{
    struct ud_err err;
    ud_err_clear(&err);
    struct ud_paper p;
    memset(&p, 0, sizeof p);
    int st = ud_casedoc_build(fx->db, ud_casedoc_find(doc), c, &p, whole, &err);
    size_t len;
    FILE *fp = open_memstream(out, &len);
    assert_non_null(fp);
    if (st == UD_OK)
        assert_int_equal(ud_paper_dump(&p, fp, &err), UD_OK);
    fclose(fp);
    ud_paper_free(&p);
    return st;
}

static void test_names(void **state)
{
    (void)state;
    assert_string_equal(ud_casedoc_find("agreement")->code, "agreement");
    assert_string_equal(ud_casedoc_find("调解协议书")->code, "agreement");
    assert_string_equal(ud_casedoc_find("劳动争议调解申请登记表")->code, "application");
    assert_string_equal(ud_casedoc_find("卷宗")->code, "record");
    assert_string_equal(ud_casedoc_find("不予受理通知书")->code, "rejection");
    assert_null(ud_casedoc_find("letter"));
    assert_null(ud_casedoc_find(NULL));
    int n = 0;
    for (const struct ud_casedoc *d = ud_casedocs; d->code; d++)
        n++;
    assert_int_equal(n, 6);
}

static void test_offered(void **state)
{
    (void)state;
    struct ud_case *c = calloc(1, sizeof *c);
    assert_non_null(c);
    /* status, filed?, how many documents (worked out from DESIGN.md's table) */
    static const struct {
        const char *status;
        int filed, n;
    } rows[] = {{"received", 0, 2},  {"filed", 1, 3},     {"mediating", 1, 3},    {"succeeded", 1, 4},
                {"failed", 1, 4},    {"withdrawn", 1, 4}, {"withdrawn", 0, 3},    {"not_accepted", 0, 3}};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        ud_case_init(c);
        snprintf(c->status, sizeof c->status, "%s", rows[i].status);
        snprintf(c->filed_on, sizeof c->filed_on, "%s", rows[i].filed ? "2026-10-09" : "");
        const struct ud_casedoc *d[8];
        int n = ud_casedoc_offered(c, d, 8);
        assert_int_equal(n, rows[i].n);
        assert_string_equal(d[0]->code, "application");
        assert_string_equal(d[n - 1]->code, "record");
    }
    free(c);
}

static void test_refused(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    struct ud_case *c = calloc(1, sizeof *c);
    assert_non_null(c);
    char id[19];
    tu_id_number("19850312", 11, id);
    int64_t cid = new_case(fx, "TJ-2026-00101", "received", id);
    OK(ud_case_get(fx->db, cid, c, &err));
    ud_err_clear(&err);
    assert_int_equal(ud_casedoc_check(ud_casedoc_find("agreement"), c, &err), UD_ERR_STATE);
    assert_non_null(strstr(err.msg, "登记"));     /* its status */
    assert_non_null(strstr(err.msg, "调解成功")); /* the state it needs */
    char *out = NULL;
    assert_int_equal(dump(fx, "acceptance", c, NULL, &out), UD_ERR_STATE);
    free(out);
    char name[200];
    ud_casedoc_file_name(ud_casedoc_find("agreement"), c, name, sizeof name);
    assert_string_equal(name, "TJ-2026-00101-调解协议书.pdf");
    /* a case number with '/' names one file in the export folder, not a
     * path elsewhere */
    snprintf(c->case_no, sizeof c->case_no, "%s", "BL/2024/001");
    ud_casedoc_file_name(ud_casedoc_find("agreement"), c, name, sizeof name);
    assert_string_equal(name, "BL-2024-001-调解协议书.pdf");
    snprintf(c->case_no, sizeof c->case_no, "%s", "../../etc/x");
    ud_casedoc_file_name(ud_casedoc_find("record"), c, name, sizeof name);
    assert_null(strchr(name, '/'));
    assert_true(name[0] != '.');
    free(c);
}

static void test_agreement(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    struct ud_case *c = calloc(1, sizeof *c);
    assert_non_null(c);
    char id[19], masked[19];
    tu_id_number("19850312", 13, id);
    snprintf(masked, sizeof masked, "%.6s********%s", id, id + 14);
    int64_t cid = new_case(fx, "TJ-2026-00102", "succeeded", id);
    OK(ud_case_get(fx->db, cid, c, &err));
    char *out = NULL;
    int whole = -1;
    tu_login(fx, "clerk");
    assert_int_equal(dump(fx, "agreement", c, &whole, &out), UD_OK);
    assert_int_equal(whole, 0);
    assert_null(strstr(out, id));
    assert_non_null(strstr(out, masked));
    assert_non_null(strstr(out, "¥10,000.01"));
    assert_non_null(strstr(out, "人民币壹万元零壹分"));
    assert_non_null(strstr(out, "2026年10月31日"));
    assert_non_null(strstr(out, "PARA|一、支付工资。\nPARA|二、再无争议。")); /* one paragraph a line */
    assert_non_null(strstr(out, "TITLE|劳动争议调解协议书\nCENTER|案号：TJ-2026-00102"));
    assert_non_null(strstr(out, "性别|男")); /* serial 13: odd */
    free(out);
    tu_login(fx, "officer");
    assert_int_equal(dump(fx, "agreement", c, &whole, &out), UD_OK);
    assert_int_equal(whole, 1);
    assert_non_null(strstr(out, id));
    free(out);
    /* the acceptance shows no ID number, so it is never "whole" */
    assert_int_equal(dump(fx, "acceptance", c, &whole, &out), UD_OK);
    assert_int_equal(whole, 0);
    assert_non_null(strstr(out, "2026年10月24日前")); /* 10-09 + 15 */
    free(out);
    /* a list's row has no long texts: the document reads the case again */
    struct ud_case_filter f;
    memset(&f, 0, sizeof f);
    f.query = "TJ-2026-00102";
    struct ud_page pg;
    memset(&pg, 0, sizeof pg);
    pg.limit = 1;
    struct ud_cursor cur;
    int n = 0;
    OK(ud_case_list(fx->db, &f, &pg, c, &cur, &n, &err));
    assert_int_equal(n, 1);
    assert_int_equal(c->texts_read, 0);
    assert_int_equal(dump(fx, "agreement", c, NULL, &out), UD_OK);
    assert_non_null(strstr(out, "二、再无争议。"));
    free(out);
    /* and the PDF of a long one is made */
    OK(ud_case_get(fx->db, cid, c, &err));
    for (int i = 0; i < 1900; i++)
        memcpy(c->facts + i * 3, "实", 3);
    c->facts[1900 * 3] = '\0';
    char *pdf = NULL;
    size_t len = 0;
    OK(ud_casedoc_pdf(fx->db, ud_casedoc_find("application"), c, &pdf, &len, &whole, &err));
    assert_true(len > 1000);
    assert_memory_equal(pdf, "%PDF-", 5);
    free(pdf);
    free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_offered),
        cmocka_unit_test_setup_teardown(test_refused, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(test_agreement, tu_setup_zh, tu_teardown_zh),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
