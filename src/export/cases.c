/* The case list (劳动争议调解案件清单, or the 超期 list) as xlsx or CSV:
 * the rows ud_case_list gives for the filter, a page at a time, each
 * written at once (listsheet.c). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "listsheet.h"
#include "uniondesk/enums.h"
#include "uniondesk/i18n.h"
#include "uniondesk/parse.h"
#include "uniondesk/privacy.h"
#include "uniondesk/rules.h"

enum {
    C_SEQ, C_NO, C_RECEIVED, C_FILED, C_ORG, C_LEVEL, C_APPLICANT, C_ID, C_PHONE, C_EMPLOYER, C_TYPE,
    C_WORKERS, C_CLAIM, C_AGREED, C_MEDIATOR, C_STATUS, C_CLOSED, C_OVERDUE, C_DAYS, C_OUTCOME, NCOLS
};

#define PAGE 500 /* rows read at a time (UD_PAGE_MAX) */

static void columns(struct ud_lcol *c)
{
    const struct ud_lcol cols[NCOLS] = {
        {T("序号", "No."), UD_LC_SEQ},
        {T("案件编号", "case no."), UD_LC_TEXT},
        {T("接待日期", "received"), UD_LC_DATE},
        {T("受理日期", "filed"), UD_LC_DATE},
        {T("调解组织", "mediation body"), UD_LC_TEXT},
        {T("级别", "level"), UD_LC_TEXT},
        {T("申请人", "applicant"), UD_LC_TEXT},
        {T("身份证号", "ID number"), UD_LC_TEXT},
        {T("联系电话", "phone"), UD_LC_TEXT},
        {T("用人单位", "employer"), UD_LC_TEXT},
        {T("争议类型", "dispute type"), UD_LC_TEXT},
        {T("涉及人数", "workers"), UD_LC_COUNT},
        {T("涉案金额(元)", "claimed (yuan)"), UD_LC_MONEY},
        {T("协议金额(元)", "agreed (yuan)"), UD_LC_MONEY},
        {T("调解员", "mediator"), UD_LC_TEXT},
        {T("状态", "status"), UD_LC_TEXT},
        {T("结案日期", "closed"), UD_LC_DATE},
        {T("是否超期", "overdue"), UD_LC_TEXT},
        {T("超期天数", "days overdue"), UD_LC_INT},
        {T("结果", "outcome"), UD_LC_TEXT},
    };
    memcpy(c, cols, sizeof cols);
}

/* The line under the title: every filter that is set, and the date. */
static void describe(const struct ud_case_filter *f, const struct ud_list_export *o, const char *today, char *out,
                     size_t outsz)
{
    char v[300];
    out[0] = '\0';
    const char *a = f->received_from && *f->received_from ? f->received_from : NULL;
    const char *b = f->received_to && *f->received_to ? f->received_to : NULL;
    if (a && b)
        snprintf(v, sizeof v, T("%s 至 %s", "%s to %s"), a, b);
    else if (a)
        snprintf(v, sizeof v, T("%s 起", "from %s"), a);
    else if (b)
        snprintf(v, sizeof v, T("截至 %s", "up to %s"), b);
    else
        snprintf(v, sizeof v, "%s", T("全部", "all"));
    ud_lsheet_say(out, outsz, T("接待日期", "received"), v);
    if (f->status && *f->status)
        ud_lsheet_say(out, outsz, T("状态", "status"), ud_enum_label(&ud_enum_case_status, f->status));
    if (f->level && *f->level)
        ud_lsheet_say(out, outsz, T("级别", "level"), ud_enum_label(&ud_enum_level, f->level));
    if (f->dispute_type && *f->dispute_type)
        ud_lsheet_say(out, outsz, T("争议类型", "dispute type"), ud_enum_label(&ud_enum_dispute_type, f->dispute_type));
    if (f->overdue_only) {
        snprintf(v, sizeof v, T("仅超期（受理后超过 %d 天仍在受理或调解中，截至 %s）",
                                "overdue only (filed or mediating more than %d days after filing, as of %s)"),
                 UD_MEDIATION_DAYS, today);
        ud_lsheet_say(out, outsz, T("超期", "overdue"), v);
    }
    if (o->scope_name && *o->scope_name) {
        snprintf(v, sizeof v, T("%s及其下属组织", "%s and below"), o->scope_name);
        ud_lsheet_say(out, outsz, T("范围", "scope"), v);
    }
    if (f->mediator && *f->mediator)
        ud_lsheet_say(out, outsz, T("调解员", "mediator"), f->mediator);
    if (f->query && *f->query) {
        snprintf(v, sizeof v, T("“%s”", "'%s'"), f->query);
        ud_lsheet_say(out, outsz, T("搜索", "search"), v);
    }
    ud_lsheet_say(out, outsz, T("制表日期", "produced on"), today);
}

struct writer {
    struct ud_db *db;
    struct ud_lsheet L;
    int full_id;
    long today_days;
    int64_t claim_fen, agreed_fen;
};

static void write_case(struct writer *W, const struct ud_case *k)
{
    char id[UD_IDNUM_SZ + 8], phone[UD_PHONE_SZ + 8];
    struct ud_lcell v[NCOLS];
    memset(v, 0, sizeof v);
    if (W->full_id)
        snprintf(id, sizeof id, "%s", k->applicant_id_number);
    else if (k->applicant_id_number[0])
        ud_show_id_number(k->applicant_id_number, id, sizeof id);
    else
        id[0] = '\0';
    ud_show_phone(W->db, k->applicant_phone, phone, sizeof phone);
    v[C_NO].text = k->case_no;
    v[C_RECEIVED].text = k->received_on;
    v[C_FILED].text = k->filed_on;
    v[C_ORG].text = k->mediation_org_name;
    v[C_LEVEL].text = k->level[0] ? ud_enum_label(&ud_enum_level, k->level) : "";
    v[C_APPLICANT].text = k->applicant_name;
    v[C_ID].text = id;
    v[C_PHONE].text = phone;
    v[C_EMPLOYER].text = k->employer_name;
    v[C_TYPE].text = ud_enum_label(&ud_enum_dispute_type, k->dispute_type);
    v[C_WORKERS].num = k->workers_count;
    v[C_CLAIM].num = k->claim_fen;
    v[C_AGREED].num = k->agreed_fen;
    v[C_MEDIATOR].text = k->mediator;
    v[C_STATUS].text = ud_enum_label(&ud_enum_case_status, k->status);
    v[C_CLOSED].text = k->closed_on;
    v[C_OVERDUE].text = k->overdue ? T("是", "yes") : T("否", "no");
    /* days past the last of the 15 (the module said overdue: ud_overdue) */
    v[C_DAYS].num = k->overdue ? W->today_days - ud_date_days(k->filed_on) - UD_MEDIATION_DAYS : UD_NULL_INT;
    v[C_OUTCOME].text = k->outcome;
    if (k->claim_fen != UD_NULL_INT)
        W->claim_fen += k->claim_fen;
    if (k->agreed_fen != UD_NULL_INT)
        W->agreed_fen += k->agreed_fen;
    ud_lsheet_row(&W->L, v);
}

int ud_export_cases(struct ud_db *db, const struct ud_case_filter *f, const struct ud_list_export *o,
                    struct ud_list_export_result *res, struct ud_err *err)
{
    memset(res, 0, sizeof *res);
    struct ud_case_filter none;
    memset(&none, 0, sizeof none);
    if (!f)
        f = &none;
    if (o->full_id && ud_lsheet_may_full_id(db, err) != UD_OK)
        return err->status;
    if (ud_out_check(o->path, o->out_flags, err) != UD_OK)
        return err->status;

    char root[184], today[UD_DATE_SZ], title[512], sub[1500];
    ud_lsheet_root_name(db, root, sizeof root);
    ud_today(today);
    if (ud_lang == UD_LANG_EN)
        snprintf(title, sizeof title, "%s%s%s", root, root[0] ? ": " : "",
                 f->overdue_only ? "Overdue mediation cases" : "Labour dispute mediation cases");
    else
        snprintf(title, sizeof title, "%s%s", root, f->overdue_only ? "超期劳动争议调解案件清单" : "劳动争议调解案件清单");
    describe(f, o, today, sub, sizeof sub);
    char author[96];
    snprintf(author, sizeof author, "%s", ud_db_user_label(db));

    struct ud_lcol cols[NCOLS];
    columns(cols);
    struct writer *W = calloc(1, sizeof *W);
    struct ud_case *rows = malloc(PAGE * sizeof *rows);
    struct ud_cursor *cursors = malloc(PAGE * sizeof *cursors);
    int st = UD_OK;
    if (!W || !rows || !cursors) {
        st = ud_err_nomem(err);
        goto out;
    }
    W->db = db;
    W->full_id = o->full_id;
    W->today_days = ud_date_days(today);
    if ((st = ud_lsheet_open(&W->L, o, T("调解案件", "Cases"), title, sub, author, cols, NCOLS, err)) != UD_OK)
        goto out;

    struct ud_page pg;
    memset(&pg, 0, sizeof pg);
    pg.limit = PAGE;
    pg.sort = o->sort;
    pg.desc = o->desc;
    for (;;) {
        int n = 0;
        if ((st = ud_case_list(db, f, &pg, rows, cursors, &n, err)) != UD_OK) {
            ud_lsheet_abort(&W->L);
            goto out;
        }
        for (int i = 0; i < n; i++)
            write_case(W, &rows[i]);
        if (n < PAGE)
            break;
        pg.after = cursors[n - 1];
    }
    char count[64];
    snprintf(count, sizeof count, T("共 %" PRId64 " 件", "%" PRId64 " cases"), W->L.rows);
    int64_t nrows = W->L.rows;
    if (o->full_id) {
        W->L.audit_db = db;
        W->L.audit_table = "cases";
        W->L.audit_what = "export cases";
    }
    if ((st = ud_lsheet_commit(&W->L, count, err)) != UD_OK)
        goto out;
    res->rows = nrows;
    res->claim_fen = W->claim_fen;
    res->agreed_fen = W->agreed_fen;
out:
    free(W);
    free(rows);
    free(cursors);
    return st;
}
