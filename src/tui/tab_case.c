/* 调解: mediation cases as a descriptor over screen.c — the list (overdue
 * cases marked), filters, the registration form a clerk fills in under a
 * minute; by hand only what is the case's own: the detail with its
 * timeline, the applicant and employer pick lists (case_actions.c: status
 * moves and timeline entries). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case_actions.h"
#include "list_export.h"
#include "uniondesk/dispute.h"
#include "uniondesk/export.h"
#include "uniondesk/i18n.h"
#include "uniondesk/member.h"
#include "uniondesk/org.h"
#include "uniondesk/parse.h"
#include "uniondesk/privacy.h"
#include "uniondesk/rules.h"
#include "uniondesk/utf8.h"

struct filter {
    char status[16];
    char level[12];
    char dispute_type[20];
    int overdue;
    char mediator[124];
    int64_t org;
    char received_from[UD_DATE_SZ];
    char received_to[UD_DATE_SZ];
};

#define S struct filter
static const struct ud_field filter_fields[] = {
    UD_FIELD_ENUM(S, "status", "状态", "status", status, &ud_enum_case_status, 0),
    UD_FIELD_ENUM(S, "level", "调解级别", "level", level, &ud_enum_level, 0),
    UD_FIELD_ENUM(S, "dispute_type", "争议类型", "dispute type", dispute_type, &ud_enum_dispute_type, 0),
    UD_FIELD_OF(S, UD_F_BOOL, "overdue", "仅超期", "overdue only", overdue, 0),
    UD_FIELD_TEXT(S, "mediator", "调解员", "mediator", mediator, 30, 0),
    UD_FIELD_REF(S, "org", "调解组织（含下级）", "mediation body (and below)", org, &ud_ref_org, 0),
    UD_FIELD_OF(S, UD_F_DATE, "received_from", "接待日期自", "received from", received_from, 0),
    UD_FIELD_OF(S, UD_F_DATE, "received_to", "接待日期至", "received to", received_to, 0),
    UD_FIELD_END,
};
#undef S

static int filter_check(const void *filter, struct ud_err *err)
{
    const struct filter *f = filter;
    if (f->received_from[0] && f->received_to[0] && strcmp(f->received_from, f->received_to) > 0)
        return ud_err_field(err, "received_to", T("接待日期至", "received to"), "%s",
                            T("早于起始日期", "is before the start"));
    return UD_OK;
}

static void filter_to_module(const struct filter *f, const char *query, struct ud_case_filter *cf)
{
    memset(cf, 0, sizeof *cf);
    cf->query = query;
    cf->status = f->status[0] ? f->status : NULL;
    cf->level = f->level[0] ? f->level : NULL;
    cf->dispute_type = f->dispute_type[0] ? f->dispute_type : NULL;
    cf->overdue_only = f->overdue;
    cf->mediator = f->mediator[0] ? f->mediator : NULL;
    cf->org_subtree = f->org != UD_NULL_INT ? f->org : 0;
    cf->received_from = f->received_from[0] ? f->received_from : NULL;
    cf->received_to = f->received_to[0] ? f->received_to : NULL;
}

static void to_module_filter(const struct tui_scr *s, const char *query, struct ud_case_filter *cf)
{
    filter_to_module(s->filter, query, cf);
}

TUI_SCREEN_FETCH(struct ud_case_filter, to_module_filter, ud_case_list)

TUI_SCREEN_LOCATE(struct ud_case_filter, to_module_filter, ud_case_locate)

TUI_SCREEN_COUNT(struct ud_case_filter, to_module_filter, ud_case_count)

static void status_text(const struct ud_case *k, char *out, size_t outsz)
{
    /* overdue reads as such without colour too (超期, as the report says) */
    snprintf(out, outsz, "%s%s", ud_enum_label(&ud_enum_case_status, k->status), k->overdue ? T(" 超期", " late") : "");
}

static void cell(struct tui_app *app, void *ctx, const void *row, int col, char *out, size_t outsz)
{
    (void)app;
    (void)ctx;
    const struct ud_case *k = row;
    switch (col) {
    case 0: snprintf(out, outsz, "%s", k->case_no); break;
    case 1: snprintf(out, outsz, "%s", k->received_on); break;
    case 2: snprintf(out, outsz, "%s", k->applicant_name); break;
    case 3: status_text(k, out, outsz); break;
    case 4: snprintf(out, outsz, "%s", ud_enum_label(&ud_enum_dispute_type, k->dispute_type)); break;
    case 5: snprintf(out, outsz, "%s", k->employer_name); break;
    case 6: snprintf(out, outsz, "%s", k->mediation_org_name); break;
    }
}

static int alert(const void *row)
{
    return ((const struct ud_case *)row)->overdue;
}

static int64_t row_id(const void *row)
{
    return ((const struct ud_case *)row)->id;
}

static const struct tui_column columns[] = {
    {"案件编号", "case no.", 13, 0, UD_LEFT, "case_no"},
    {"接待日期", "received", 10, 0, UD_LEFT, "received_on"},
    {"申请人", "applicant", 8, 0, UD_LEFT, NULL},
    {"状态", "status", 12, 0, UD_LEFT, NULL},
    {"类型", "type", 8, 0, UD_LEFT, NULL},
    {"用人单位", "employer", 14, 1, UD_LEFT, NULL},
    {"调解组织", "mediation body", 14, 0, UD_LEFT, NULL},
};

TUI_SCREEN_RECORD(case, struct ud_case, ud_case_get, ud_case_create, ud_case_update)

static void init(struct tui_app *app, struct tui_scr *s, void *rec)
{
    (void)s;
    struct ud_case *k = rec;
    ud_case_init(k);
    ud_today(k->received_on);
    k->workers_count = 1;
    k->mediation_org_id = ud_org_root(app->db); /* the district centre, changeable */
    if (!k->mediation_org_id)
        k->mediation_org_id = UD_NULL_INT;
}

static void name(const void *rec, int longer, char *out, size_t outsz)
{
    const struct ud_case *k = rec;
    snprintf(out, outsz, "%s%s%s", k->case_no, longer ? "  " : "", longer ? k->applicant_name : "");
}

static void delete_question(struct tui_app *app, const void *rec, char *out, size_t outsz)
{
    (void)app;
    const struct ud_case *k = rec;
    snprintf(out, outsz, T("删除案件 %s（%s）及其全部记录？", "Delete case %s (%s) and its timeline?"), k->case_no,
             k->applicant_name);
}

/* ---- the detail with its timeline ---- */

#define MAX_EVENTS 200
/* long texts wrap at this width: a detail line is one screen line, and
 * this leaves the label column on an 80-column terminal */
#define TEXT_COLS 54

/* A long text (claims, facts, terms) as detail lines: its own line breaks
 * kept, each line wrapped at TEXT_COLS; the label on the first only. */
static void detail_text(struct tui_detail *d, const char *label, const char *text)
{
    const char *p = text;
    int first = 1;
    while (*p) {
        size_t line = strcspn(p, "\n");
        char buf[UD_FIELD_TEXT_MAX];
        snprintf(buf, sizeof buf, "%.*s", (int)line, p);
        const char *q = buf;
        do {
            size_t fit = ud_str_fit(q, TEXT_COLS, NULL);
            if (fit == 0 && *q)
                fit = ud_utf8_next(q, strlen(q), 0); /* a character wider than the line */
            char part[512];
            snprintf(part, sizeof part, "%.*s", (int)fit, q);
            for (char *t = part; *t; t++)
                if (*t == '\r' || *t == '\t')
                    *t = ' ';
            tui_detail_add(d, first ? label : "", part, 0);
            first = 0;
            q += fit;
        } while (*q);
        p += line;
        if (*p == '\n')
            p++;
    }
}

/* What the outcome text is for this status (the move asked for it so). */
static const char *outcome_label(const char *status)
{
    if (!strcmp(status, "not_accepted"))
        return T("不予受理理由", "reason not accepted");
    if (!strcmp(status, "failed") || !strcmp(status, "withdrawn"))
        return T("终止调解原因", "why mediation ended");
    return T("调解结果", "outcome");
}

static void detail(struct tui_app *app, struct tui_scr *s, struct tui_detail *d, const void *rec)
{
    (void)s;
    const struct ud_case *k = rec;
    struct ud_err err;
    ud_err_clear(&err);
    char v[600];
    status_text(k, v, sizeof v);
    tui_detail_add(d, T("状态", "status"), v, k->overdue);
    if (k->overdue) {
        char due[UD_DATE_SZ];
        ud_case_due_date(k->filed_on, due);
        snprintf(v, sizeof v, T("超期：应于 %s 前调解结束（受理后15日）", "overdue: mediation was due by %s (15 days after filing)"),
                 due);
        tui_detail_add(d, T("期限", "deadline"), v, 1);
    }
    /* a compact summary first, so the timeline fits on an 80x24 screen */
    snprintf(v, sizeof v, T("%s（%s级）", "%s (%s level)"), k->mediation_org_name, ud_enum_label(&ud_enum_level, k->level));
    tui_detail_add(d, T("调解组织", "mediation body"), v, 0);
    snprintf(v, sizeof v, T("接待 %s  受理 %s  结案 %s", "received %s  filed %s  closed %s"), k->received_on,
             k->filed_on[0] ? k->filed_on : "-", k->closed_on[0] ? k->closed_on : "-");
    tui_detail_add(d, T("日期", "dates"), v, 0);
    char idv[UD_IDNUM_SZ], phv[UD_PHONE_SZ + 8];
    tui_detail_id(d, k->applicant_id_number, idv, sizeof idv);
    ud_show_phone(app->db, k->applicant_phone, phv, sizeof phv);
    snprintf(v, sizeof v, "%s  %s  %s%s", k->applicant_name, idv, phv,
             k->member_id != UD_NULL_INT ? T("（本区工会会员）", " (member)") : "");
    tui_detail_add(d, T("申请人", "applicant"), v, 0);
    snprintf(v, sizeof v, "%s%s%s%s%s", k->employer_name, k->employer_credit_code[0] ? "  " : "", k->employer_credit_code,
             k->respondent_rep[0] ? T("  代表人：", "  represented by ") : "", k->respondent_rep);
    tui_detail_add(d, T("用人单位", "employer"), v, 0);
    snprintf(v, sizeof v, T("%s，涉及 %lld 人%s", "%s, %lld worker(s)%s"), ud_enum_label(&ud_enum_dispute_type, k->dispute_type),
             (long long)k->workers_count, k->workers_count >= 10 ? T("（集体争议）", " (collective)") : "");
    tui_detail_add(d, T("争议", "dispute"), v, 0);
    char claim[40], agreed[40];
    ud_format_money(k->claim_fen, claim, sizeof claim);
    if (k->agreed_fen != UD_NULL_INT)
        ud_format_money(k->agreed_fen, agreed, sizeof agreed);
    else
        snprintf(agreed, sizeof agreed, "-");
    snprintf(v, sizeof v, T("涉案 %s 元  协议 %s 元", "claimed %s  agreed %s"), claim, agreed);
    tui_detail_add(d, T("金额", "amounts"), v, 0);
    tui_detail_add(d, T("调解员", "mediator"), k->mediator, 0);
    if (k->payment_due_on[0])
        tui_detail_add(d, T("履行期限", "payment due"), k->payment_due_on, 0);
    tui_detail_section(d, T("办理记录（l 添加）", "timeline (l adds an entry)"));
    struct ud_case_event *ev = calloc(MAX_EVENTS, sizeof *ev);
    int n = 0;
    if (!ev)
        tui_detail_add(d, "", T("内存不足：无法显示办理记录", "out of memory: the timeline cannot be shown"), 0);
    else if (ud_case_events(app->db, k->id, ev, MAX_EVENTS, &n, &err) == UD_OK) {
        /* only the last move into the present status carries the case's
         * closing date: an earlier close, since reopened, had its own */
        int last_into_now = -1;
        for (int i = 0; i < n; i++)
            if (!strcmp(ev[i].kind, "status") && !strcmp(ev[i].to_status, k->status))
                last_into_now = i;
        for (int i = 0; i < n; i++) {
            char what[sizeof ev->body + 256]; /* the whole body fits: the detail line cuts it */
            if (strcmp(ev[i].kind, "status") == 0) {
                /* a move entered later than it happened says its own date */
                const char *dated = !strcmp(ev[i].to_status, "filed")
                                        ? k->filed_on
                                        : (i == last_into_now && k->closed_on[0]) ? k->closed_on : "";
                char when[64] = "";
                if (dated[0] && strncmp(dated, ev[i].at, 10) != 0)
                    snprintf(when, sizeof when, T("（%s）", " (%s)"), dated);
                snprintf(what, sizeof what, "%s %s%s%s%s%s%s", ev[i].login,
                         ev[i].from_status[0] ? ud_enum_label(&ud_enum_case_status, ev[i].from_status) : "",
                         ev[i].from_status[0] ? " -> " : T("新建案件，状态：", "new case, status: "),
                         ud_enum_label(&ud_enum_case_status, ev[i].to_status), when, ev[i].body[0] ? T("：", ": ") : "",
                         ev[i].body);
            }
            else if (strcmp(ev[i].kind, "reopened") == 0)
                snprintf(what, sizeof what, "%s [%s] %s -> %s%s%s", ev[i].login,
                         ud_enum_label(&ud_enum_event_kind, ev[i].kind),
                         ud_enum_label(&ud_enum_case_status, ev[i].from_status),
                         ud_enum_label(&ud_enum_case_status, ev[i].to_status), T("：", ": "), ev[i].body);
            else
                snprintf(what, sizeof what, "%s [%s] %s", ev[i].login, ud_enum_label(&ud_enum_event_kind, ev[i].kind),
                         ev[i].body);
            for (char *p = what; *p; p++)
                if (*p == '\n' || *p == '\r' || *p == '\t')
                    *p = ' ';
            tui_detail_add(d, ev[i].at, what, 0);
        }
    }
    free(ev);
    /* what the documents print: after the timeline, which stays on the first screen */
    if (k->claims[0] || k->facts[0] || k->agreement_terms[0]) {
        tui_detail_section(d, T("申请与协议（e 修改）", "application and agreement (e edits)"));
        detail_text(d, T("请求事项", "claims"), k->claims);
        detail_text(d, T("事实与理由", "facts"), k->facts);
        detail_text(d, T("协议内容", "agreement terms"), k->agreement_terms);
    }
    tui_detail_section(d, T("其他", "more"));
    char text[2100];
    ud_field_format(app->db, ud_field_find(ud_case_fields, "outcome"), k, UD_FMT_DISPLAY, text, sizeof text);
    for (char *p = text; *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t')
            *p = ' ';
    tui_detail_add(d, outcome_label(k->status), text, 0);
    tui_detail_add(d, T("转仲裁", "referred to arbitration"), k->referred_to_arbitration ? T("是", "yes") : T("否", "no"), 0);
    if (k->employer_org_id != UD_NULL_INT) {
        ud_ref_org.display(app->db, k->employer_org_id, text, sizeof text);
        tui_detail_add(d, T("用人单位工会", "employer's union"), text, 0);
    }
    tui_detail_add(d, T("录入时间", "created"), k->created_at, 0);
    tui_detail_add(d, T("修改时间", "updated"), k->updated_at, 0);
}
/* ---- the registration and edit form ---- */

/* The order a clerk fills a new case in; the rest follow. */
static const char *const fast_order[] = {"mediation_org", "received_on", "applicant_name", "applicant_id_number",
                                         "applicant_phone", "employer_name", "dispute_type", "claim_amount",
                                         "workers_count", "mediator", "claims", "facts", "respondent_rep"};

static void set_text(struct tui_form *form, const char *name, const char *text)
{
    struct tui_form_field *f = tui_form_find(form, name);
    if (f) {
        tui_edit_set(&f->edit, text);
        f->edit.changed = 1;
        f->error[0] = '\0';
    }
}

/* The employer a union stands for (the module names it). */
static void set_employer(struct tui_form *form, const struct ud_org *o)
{
    char name[184];
    ud_case_employer_of_union(o->name, name, sizeof name);
    set_text(form, "employer_name", name);
    set_text(form, "employer_org", o->code);
    if (o->credit_code[0])
        set_text(form, "employer_credit_code", o->credit_code);
}

static void applicant_done(struct tui_app *app, const void *row, void *arg)
{
    struct tui_form *form = arg;
    const struct ud_member *m = row;
    set_text(form, "applicant_name", m->name);
    set_text(form, "applicant_id_number", m->id_number);
    if (m->phone[0])
        set_text(form, "applicant_phone", m->phone);
    struct tui_form_field *emp = tui_form_find(form, "employer_name");
    if (emp && !emp->edit.len) {
        /* the member's union stands for the employer */
        struct ud_org o;
        struct ud_err err;
        ud_err_clear(&err);
        if (ud_org_get(app->db, m->org_id, &o, &err) == UD_OK && strcmp(o.kind, "enterprise_union") == 0)
            set_employer(form, &o);
    }
    struct tui_form_field *f = tui_form_find(form, "applicant_name");
    if (f)
        snprintf(f->shown, sizeof f->shown, "%s", T("会员", "member"));
}

static int pick_applicant(struct tui_app *app, struct tui_form_field *f, void *ctx)
{
    tui_pick_open(app, T("申请人：选择会员（输入姓名、身份证号或电话；非会员请按 Esc 后直接输入）",
                         "applicant: choose a member (type a name, ID or phone; Esc to type a non-member)"),
                  &tui_member_pick_source, NULL, applicant_done, ctx, f->edit.text);
    return 0;
}

static void employer_done(struct tui_app *app, const void *row, void *arg)
{
    (void)app;
    set_employer(arg, row);
}

static struct tui_org_pick member_orgs = {0, 1};

static int pick_employer(struct tui_app *app, struct tui_form_field *f, void *ctx)
{
    tui_pick_open(app, T("用人单位：选择本区企业工会（或 Esc 后直接输入单位名称）",
                         "employer: choose an enterprise union (or Esc and type the name)"),
                  &tui_org_source, &member_orgs, employer_done, ctx, f->edit.text);
    return 0;
}

static void form_fill(struct tui_app *app, struct tui_scr *s, struct tui_form *form, const void *rec, int mode)
{
    (void)s;
    const struct ud_case *k = rec;
    /* the fast path first, then every other field */
    for (size_t i = 0; i < sizeof fast_order / sizeof fast_order[0]; i++)
        for (const struct ud_field *f = ud_case_fields; f->name; f++)
            if (strcmp(f->name, fast_order[i]) == 0)
                tui_form_add_field(app, form, f, k);
    for (const struct ud_field *f = ud_case_fields; f->name; f++) {
        if (f->flags & (UD_FF_NOFORM | UD_FF_DERIVED) || tui_form_find(form, f->name))
            continue;
        /* dates of moves and the outcome are set by moves; shown when set */
        int by_moves = !strcmp(f->name, "filed_on") || !strcmp(f->name, "closed_on") ||
                       !strcmp(f->name, "agreed_amount") || !strcmp(f->name, "referred_to_arbitration") ||
                       !strcmp(f->name, "case_no");
        if (by_moves && (mode == TUI_FORM_NEW || ud_field_is_empty(f, k)))
            continue;
        /* the agreement is drafted from filing on (the module's rule) */
        int agreement = !strcmp(f->name, "agreement_terms") || !strcmp(f->name, "payment_due_on");
        if (agreement && ud_field_is_empty(f, k) && (mode == TUI_FORM_NEW || !ud_case_may_have_agreement(k->status)))
            continue;
        struct tui_form_field *ff = tui_form_add_field(app, form, f, k);
        if (ff && !strcmp(f->name, "case_no"))
            ff->readonly = 1;
    }
    struct tui_form_field *f;
    if ((f = tui_form_find(form, "applicant_name"))) {
        f->pick = pick_applicant;
        f->pick_ctx = form;
    }
    if ((f = tui_form_find(form, "employer_name"))) {
        f->pick = pick_employer;
        f->pick_ctx = form;
    }
}


static const struct tui_screen_pick filter_picks[] = {
    {"org", tui_pick_org_mediating}, {"mediator", tui_pick_mediator}, {NULL, NULL}};
static const struct tui_screen_pick form_picks[] = {
    {"mediation_org", tui_pick_org_mediating}, {"employer_org", tui_pick_org_member}, {"mediator", tui_pick_mediator},
    {NULL, NULL}};

/* x: the list as it is shown (filter, search, sort) to xlsx or CSV; the
 * form keeps copies of the filter, the search and the sort */
static int write_list(struct tui_app *app, const void *filter, const char *query, const struct ud_list_export *o,
                      struct ud_list_export_result *res, struct ud_err *err)
{
    struct ud_case_filter mf;
    filter_to_module(filter, query, &mf);
    return ud_export_cases(app->db, &mf, o, res, err);
}

static const struct tui_list_export_spec list_export = {
    .title_zh = "导出调解案件清单（当前筛选与搜索；.xlsx 或 .csv；F2 写入）",
    .title_en = "Export the case list (current filter and search; .xlsx or .csv; F2 writes)",
    .unit_zh = "件案件",
    .unit_en = "cases",
    .write = write_list,
};

static enum tui_done export_list(struct tui_app *app, struct tui_scr *s, const void *rec)
{
    (void)rec;
    const struct filter *f = s->filter;
    char name[300], today[UD_DATE_SZ];
    ud_today(today);
    snprintf(name, sizeof name, "%s-%s.xlsx", f->overdue ? T("超期案件", "overdue-cases") : T("调解案件", "cases"), today);
    tui_list_export(app, s, &list_export, f->org, name);
    return TUI_STAY;
}

static const struct tui_screen_key keys[] = {
    TUI_KEY_OPEN,
    {'n', "n", "登记", "new", UD_ACT_CASE_WRITE, TUI_IN_LIST, 0, tui_scr_new},
    {'s', "s", "状态", "status", UD_ACT_CASE_MOVE, TUI_IN_BOTH, 1, case_move},
    {'l', "l", "记事", "log", UD_ACT_CASE_WRITE, TUI_IN_BOTH, 1, case_log},
    {'R', "R", "重新办理", "reopen", UD_ACT_CASE_REOPEN, TUI_IN_BOTH, 1, case_reopen},
    {'p', "p", "文书", "documents", UD_ACT_VIEW, TUI_IN_BOTH, 1, case_docs},
    TUI_KEY_EDIT(UD_ACT_CASE_WRITE),
    TUI_KEY_FILTER,
    TUI_KEY_DELETE(UD_ACT_CASE_DELETE),
    {'x', "x", "导出", "export", UD_ACT_VIEW, TUI_IN_LIST, 0, export_list},
    TUI_SCREEN_KEYS_END,
};

static const struct tui_screen screen = {
    .title = {"调解案件", "Cases"},
    .count = {"调解案件  共 %s 件（! 为超期）", "Cases  %s (! overdue)"},
    .search = {"搜索（/ 案号、申请人或用人单位）：", "search (/ case no., applicant or employer): "},
    .src = {sizeof(struct ud_case), columns, 7, fetch, count, cell, alert, row_id, locate},
    .sort = "received_on",
    .desc = 1, /* newest first */
    .version_off = offsetof(struct ud_case, version),
    .filter_fields = filter_fields,
    .filter_size = sizeof(struct filter),
    .filter_title = {"案件筛选（留空表示不限；F2 应用）", "Case filter (empty = any; F2 applies)"},
    .filter_picks = filter_picks,
    .filter_check = filter_check,
    .fields = ud_case_fields,
    .get = case_get,
    .init = init,
    .create = case_create,
    .update = case_update,
    .remove = ud_case_delete,
    .name = name,
    .detail_title = {"案件 %s", "Case %s"},
    .new_title = {"登记新案件（申请人、用人单位：Enter 选择或直接输入；F2 保存）",
                  "Register a case (applicant, employer: Enter to pick or just type; F2 saves)"},
    .edit_title = {"修改案件 %s", "Edit case %s"},
    .added = {"已登记案件 %s", "case %s registered"},
    .next = {"（按 s 受理）", " (s to file it)"},
    .deleted = {"已删除案件 %s", "case %s deleted"},
    .delete_question = delete_question,
    .audit_table = "cases",
    .detail = detail,
    .form_fill = form_fill,
    .form_picks = form_picks,
    .keys = keys,
};

static struct tui_view *open_tab(struct tui_app *app)
{
    return tui_screen_new(app, &screen, 0);
}

const struct tui_tab_ops tui_tab_cases = {"调解", "Cases", open_tab};
