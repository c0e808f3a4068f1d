/* 调解: mediation cases — the list (overdue cases marked), filters, the
 * detail with its timeline, status moves, timeline entries, and the
 * registration form a clerk fills in under a minute. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"
#include "uniondesk/dispute.h"
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

struct case_tab {
    struct tui_list *list;
    struct filter f;
};

static void to_module_filter(const struct case_tab *t, const char *query, struct ud_case_filter *cf)
{
    memset(cf, 0, sizeof *cf);
    cf->query = query;
    cf->status = t->f.status[0] ? t->f.status : NULL;
    cf->level = t->f.level[0] ? t->f.level : NULL;
    cf->dispute_type = t->f.dispute_type[0] ? t->f.dispute_type : NULL;
    cf->overdue_only = t->f.overdue;
    cf->mediator = t->f.mediator[0] ? t->f.mediator : NULL;
    cf->org_subtree = t->f.org != UD_NULL_INT ? t->f.org : 0;
    cf->received_from = t->f.received_from[0] ? t->f.received_from : NULL;
    cf->received_to = t->f.received_to[0] ? t->f.received_to : NULL;
}

static int fetch(struct tui_app *app, void *ctx, const char *query, const struct ud_page *pg, void *rows,
                 struct ud_cursor *cursors, int *n, struct ud_err *err)
{
    struct ud_case_filter cf;
    to_module_filter(ctx, query, &cf);
    return ud_case_list(app->db, &cf, pg, rows, cursors, n, err);
}

static int count(struct tui_app *app, void *ctx, const char *query, int64_t *c, struct ud_err *err)
{
    struct ud_case_filter cf;
    to_module_filter(ctx, query, &cf);
    return ud_case_count(app->db, &cf, c, err);
}

static void status_text(const struct ud_case *k, char *out, size_t outsz)
{
    /* overdue reads as such without colour too */
    snprintf(out, outsz, "%s%s", ud_enum_label(&ud_enum_case_status, k->status), k->overdue ? T(" 逾期", " late") : "");
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

static const struct tui_list_source source = {sizeof(struct ud_case), columns, 7, fetch, count, cell, alert, row_id};

static void open_detail(struct tui_app *app, int64_t id);
static void open_form(struct tui_app *app, int64_t id);
static void open_filter(struct tui_app *app, struct case_tab *t);
static void start_move(struct tui_app *app, int64_t id);
static void open_event_form(struct tui_app *app, int64_t id);

static void describe_filter(struct tui_app *app, const struct case_tab *t, char *out, size_t outsz)
{
    size_t n = 0;
    out[0] = '\0';
#define ADD(...) (n += (size_t)snprintf(out + n, n < outsz ? outsz - n : 0, __VA_ARGS__))
    if (t->f.status[0])
        ADD(" %s", ud_enum_label(&ud_enum_case_status, t->f.status));
    if (t->f.level[0])
        ADD(T(" %s级", " %s level"), ud_enum_label(&ud_enum_level, t->f.level));
    if (t->f.dispute_type[0])
        ADD(" %s", ud_enum_label(&ud_enum_dispute_type, t->f.dispute_type));
    if (t->f.overdue)
        ADD("%s", T(" 仅逾期", " overdue only"));
    if (t->f.mediator[0])
        ADD(T(" 调解员%s", " mediator %s"), t->f.mediator);
    if (t->f.org != UD_NULL_INT) {
        char name[200];
        ud_ref_org.display(app->db, t->f.org, name, sizeof name);
        ADD(T(" %s及下级", " %s and below"), name);
    }
    if (t->f.received_from[0] || t->f.received_to[0])
        ADD(T(" 接待 %s～%s", " received %s..%s"), t->f.received_from, t->f.received_to);
#undef ADD
}

static void list_draw(struct tui_app *app, struct tui_view *v, WINDOW *w, int h, int wdt)
{
    struct case_tab *t = v->data;
    char filt[600], title[800];
    describe_filter(app, t, filt, sizeof filt);
    char total[32];
    tui_list_count_text(t->list, total, sizeof total);
    if (t->list->total_valid)
        snprintf(title, sizeof title, T("调解案件  共 %s 件（! 为逾期）%s%s", "Cases  %s (! overdue)%s%s"), total,
                 filt[0] ? T("  筛选：", "  filter:") : "", filt);
    else
        snprintf(title, sizeof title, "%s", T("调解案件", "Cases"));
    tui_put(w, 0, 0, title, wdt, UD_LEFT, tui_attr(TE_HEADER));
    const char *label = T("搜索（/ 案号、申请人或用人单位）：", "search (/ case no., applicant or employer): ");
    int lw = ud_str_width(label);
    tui_puts(w, 1, 0, label, t->list->searching ? tui_attr(TE_HEADER) : tui_attr(TE_DIM));
    tui_list_draw(app, t->list, w, 2, h - 2, wdt);
    tui_edit_draw(&t->list->search, w, 1, lw, wdt - lw - 1, t->list->searching,
                  t->list->searching ? tui_attr(TE_FIELD_ACTIVE) : tui_attr(TE_FIELD));
}

static void delete_case(struct tui_app *app, const struct ud_case *k)
{
    char q[300];
    snprintf(q, sizeof q, T("删除案件 %s（%s）及其全部记录？", "Delete case %s (%s) and its timeline?"), k->case_no,
             k->applicant_name);
    if (!tui_confirm(app, q))
        return;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_case_delete(app->db, k->id, k->version, &err) != UD_OK)
        tui_error(app, &err);
    else
        tui_message(app, T("已删除案件 %s", "case %s deleted"), k->case_no);
}

static int list_key(struct tui_app *app, struct tui_view *v, int key)
{
    struct case_tab *t = v->data;
    if (tui_list_key(app, t->list, key))
        return 1;
    const struct ud_case *k = tui_list_selected(t->list);
    switch (key) {
    case TK_ENTER:
        if (k)
            open_detail(app, k->id);
        return 1;
    case 'n':
        if (tui_can_write(app, UD_ROLE_CLERK))
            open_form(app, 0);
        return 1;
    case 'e':
        if (k && tui_can_write(app, UD_ROLE_CLERK))
            open_form(app, k->id);
        return 1;
    case 's':
        if (k && tui_can_write(app, UD_ROLE_CLERK))
            start_move(app, k->id);
        return 1;
    case 'l':
        if (k && tui_can_write(app, UD_ROLE_CLERK))
            open_event_form(app, k->id);
        return 1;
    case 'f':
        open_filter(app, t);
        return 1;
    case 'd':
        if (k && tui_can_write(app, UD_ROLE_OFFICER)) {
            delete_case(app, k);
            tui_list_reload(app, t->list);
        }
        return 1;
    }
    return 0;
}

static void list_free(struct tui_view *v)
{
    struct case_tab *t = v->data;
    tui_list_free(t->list);
    free(t);
}

static const struct tui_keyhelp list_keys[] = {
    {"/", "搜索", "search"}, {"Enter", "详情", "open"},  {"n", "登记", "new"},   {"s", "状态", "status"},
    {"l", "记事", "log"},    {"e", "修改", "edit"},     {"f", "筛选", "filter"}, {"d", "删除", "delete"},
    TUI_KEYS_END};

static void list_resume(struct tui_app *app, struct tui_view *v)
{
    struct case_tab *t = v->data;
    tui_list_reload(app, t->list);
}

static const struct tui_view_ops list_ops = {list_draw, list_key, list_free, NULL, list_resume};

static struct tui_view *open_tab(struct tui_app *app)
{
    struct case_tab *t = calloc(1, sizeof *t);
    struct tui_view *v = calloc(1, sizeof *v);
    if (!t || !v) {
        free(t);
        free(v);
        return NULL;
    }
    t->f.org = UD_NULL_INT;
    t->list = tui_list_new(&source, t, "received_on", 1); /* newest first */
    v->ops = &list_ops;
    v->keys = list_keys;
    v->data = t;
    tui_list_home(app, t->list);
    return v;
}

const struct tui_tab_ops tui_tab_cases = {"调解", "Cases", open_tab};

/* ---- filters ---- */

#define S struct filter
static const struct ud_field filter_fields[] = {
    UD_FIELD_ENUM(S, "status", "状态", "status", status, &ud_enum_case_status, 0),
    UD_FIELD_ENUM(S, "level", "调解级别", "level", level, &ud_enum_level, 0),
    UD_FIELD_ENUM(S, "dispute_type", "争议类型", "dispute type", dispute_type, &ud_enum_dispute_type, 0),
    UD_FIELD_OF(S, UD_F_BOOL, "overdue", "仅逾期", "overdue only", overdue, 0),
    UD_FIELD_TEXT(S, "mediator", "调解员", "mediator", mediator, 30, 0),
    UD_FIELD_REF(S, "org", "调解组织（含下级）", "mediation body (and below)", org, &ud_ref_org, 0),
    UD_FIELD_OF(S, UD_F_DATE, "received_from", "接待日期自", "received from", received_from, 0),
    UD_FIELD_OF(S, UD_F_DATE, "received_to", "接待日期至", "received to", received_to, 0),
    UD_FIELD_END,
};
#undef S

static int filter_save(struct tui_app *app, struct tui_form *form, void *ctx, struct ud_err *err)
{
    struct case_tab *t = ctx;
    struct filter f;
    ud_fields_clear(filter_fields, &f);
    if (tui_form_apply(app, form, filter_fields, &f, err) != UD_OK)
        return err->status;
    if (f.received_from[0] && f.received_to[0] && strcmp(f.received_from, f.received_to) > 0)
        return ud_err_field(err, "received_to", T("接待日期至", "received to"), "%s",
                            T("早于起始日期", "is before the start"));
    t->f = f;
    tui_list_home(app, t->list);
    return UD_OK;
}

static void open_filter(struct tui_app *app, struct case_tab *t)
{
    struct tui_form *form = tui_form_new(T("案件筛选（留空表示不限；F2 应用）", "Case filter (empty = any; F2 applies)"));
    if (!form)
        return;
    tui_form_fill(app, form, filter_fields, &t->f);
    struct tui_form_field *org = tui_form_find(form, "org");
    if (org)
        org->pick = tui_pick_org_mediating;
    form->save = filter_save;
    form->ctx = t;
    tui_form_open(app, form);
}

/* ---- detail with timeline ---- */

struct detail {
    int64_t id;
    struct ud_case k;
    struct tui_detail d;
    int loaded;
};

#define MAX_EVENTS 200

static void detail_load(struct tui_app *app, struct detail *dt)
{
    struct ud_err err;
    ud_err_clear(&err);
    tui_detail_clear(&dt->d);
    dt->loaded = ud_case_get(app->db, dt->id, &dt->k, &err) == UD_OK;
    if (!dt->loaded) {
        tui_error(app, &err);
        return;
    }
    const struct ud_case *k = &dt->k;
    char v[600];
    status_text(k, v, sizeof v);
    tui_detail_add(&dt->d, T("状态", "status"), v, k->overdue);
    if (k->overdue) {
        char due[UD_DATE_SZ];
        ud_case_due_date(k->filed_on, due);
        snprintf(v, sizeof v, T("逾期：应于 %s 前调解结束（受理后15日）", "overdue: mediation was due by %s (15 days after filing)"),
                 due);
        tui_detail_add(&dt->d, T("期限", "deadline"), v, 1);
    }
    /* a compact summary first, so the timeline fits on an 80x24 screen */
    snprintf(v, sizeof v, T("%s（%s级）", "%s (%s level)"), k->mediation_org_name, ud_enum_label(&ud_enum_level, k->level));
    tui_detail_add(&dt->d, T("调解组织", "mediation body"), v, 0);
    snprintf(v, sizeof v, T("接待 %s  受理 %s  结案 %s", "received %s  filed %s  closed %s"), k->received_on,
             k->filed_on[0] ? k->filed_on : "-", k->closed_on[0] ? k->closed_on : "-");
    tui_detail_add(&dt->d, T("日期", "dates"), v, 0);
    char idv[UD_IDNUM_SZ], phv[UD_PHONE_SZ + 8];
    tui_detail_id(&dt->d, k->applicant_id_number, idv, sizeof idv);
    ud_show_phone(app->db, k->applicant_phone, phv, sizeof phv);
    snprintf(v, sizeof v, "%s  %s  %s%s", k->applicant_name, idv, phv,
             k->member_id != UD_NULL_INT ? T("（本区工会会员）", " (member)") : "");
    tui_detail_add(&dt->d, T("申请人", "applicant"), v, 0);
    snprintf(v, sizeof v, "%s%s%s", k->employer_name, k->employer_credit_code[0] ? "  " : "", k->employer_credit_code);
    tui_detail_add(&dt->d, T("用人单位", "employer"), v, 0);
    snprintf(v, sizeof v, T("%s，涉及 %lld 人%s", "%s, %lld worker(s)%s"), ud_enum_label(&ud_enum_dispute_type, k->dispute_type),
             (long long)k->workers_count, k->workers_count >= 10 ? T("（集体争议）", " (collective)") : "");
    tui_detail_add(&dt->d, T("争议", "dispute"), v, 0);
    char claim[40], agreed[40];
    ud_format_money(k->claim_fen, claim, sizeof claim);
    if (k->agreed_fen != UD_NULL_INT)
        ud_format_money(k->agreed_fen, agreed, sizeof agreed);
    else
        snprintf(agreed, sizeof agreed, "-");
    snprintf(v, sizeof v, T("涉案 %s 元  协议 %s 元", "claimed %s  agreed %s"), claim, agreed);
    tui_detail_add(&dt->d, T("金额", "amounts"), v, 0);
    tui_detail_add(&dt->d, T("调解员", "mediator"), k->mediator, 0);
    tui_detail_section(&dt->d, T("办理记录（l 添加）", "timeline (l adds an entry)"));
    struct ud_case_event *ev = calloc(MAX_EVENTS, sizeof *ev);
    int n = 0;
    if (ev && ud_case_events(app->db, dt->id, ev, MAX_EVENTS, &n, &err) == UD_OK) {
        for (int i = 0; i < n; i++) {
            char what[sizeof ev->body + 256]; /* the whole body fits: the detail line cuts it */
            if (strcmp(ev[i].kind, "status") == 0) {
                /* a move entered later than it happened says its own date */
                const char *dated = !strcmp(ev[i].to_status, "filed")
                                        ? k->filed_on
                                        : (!strcmp(ev[i].to_status, k->status) && k->closed_on[0]) ? k->closed_on : "";
                char when[64] = "";
                if (dated[0] && strncmp(dated, ev[i].at, 10) != 0)
                    snprintf(when, sizeof when, T("（%s）", " (%s)"), dated);
                snprintf(what, sizeof what, "%s %s%s%s%s%s%s", ev[i].login,
                         ev[i].from_status[0] ? ud_enum_label(&ud_enum_case_status, ev[i].from_status) : "",
                         ev[i].from_status[0] ? " -> " : T("新建案件，状态：", "new case, status: "),
                         ud_enum_label(&ud_enum_case_status, ev[i].to_status), when, ev[i].body[0] ? T("：", ": ") : "",
                         ev[i].body);
            }
            else
                snprintf(what, sizeof what, "%s [%s] %s", ev[i].login, ud_enum_label(&ud_enum_event_kind, ev[i].kind),
                         ev[i].body);
            for (char *p = what; *p; p++)
                if (*p == '\n' || *p == '\r' || *p == '\t')
                    *p = ' ';
            tui_detail_add(&dt->d, ev[i].at, what, 0);
        }
    }
    free(ev);
    tui_detail_section(&dt->d, T("其他", "more"));
    char text[2100];
    ud_field_format(app->db, ud_field_find(ud_case_fields, "outcome"), k, UD_FMT_DISPLAY, text, sizeof text);
    for (char *p = text; *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t')
            *p = ' ';
    tui_detail_add(&dt->d, T("调解结果", "outcome"), text, 0);
    tui_detail_add(&dt->d, T("转仲裁", "referred to arbitration"), k->referred_to_arbitration ? T("是", "yes") : T("否", "no"), 0);
    if (k->employer_org_id != UD_NULL_INT) {
        ud_ref_org.display(app->db, k->employer_org_id, text, sizeof text);
        tui_detail_add(&dt->d, T("用人单位工会", "employer's union"), text, 0);
    }
    tui_detail_add(&dt->d, T("录入时间", "created"), k->created_at, 0);
    tui_detail_add(&dt->d, T("修改时间", "updated"), k->updated_at, 0);
}

static void detail_draw(struct tui_app *app, struct tui_view *v, WINDOW *w, int h, int wdt)
{
    struct detail *dt = v->data;
    char title[400];
    snprintf(title, sizeof title, T("案件 %s  %s", "Case %s  %s"), dt->k.case_no, dt->k.applicant_name);
    tui_put(w, 0, 0, title, wdt, UD_LEFT, tui_attr(TE_HEADER));
    tui_detail_draw(app, &dt->d, w, 1, h - 1, wdt);
}

static int detail_key(struct tui_app *app, struct tui_view *v, int key)
{
    struct detail *dt = v->data;
    if (!dt->loaded)
        return 0;
    switch (key) {
    case 'i':
        if (tui_detail_reveal(app, &dt->d, "cases", dt->id))
            detail_load(app, dt);
        return 1;
    case 'e':
        if (tui_can_write(app, UD_ROLE_CLERK))
            open_form(app, dt->id);
        return 1;
    case 's':
        if (tui_can_write(app, UD_ROLE_CLERK))
            start_move(app, dt->id);
        return 1;
    case 'l':
        if (tui_can_write(app, UD_ROLE_CLERK))
            open_event_form(app, dt->id);
        return 1;
    case 'd':
        if (tui_can_write(app, UD_ROLE_OFFICER)) {
            delete_case(app, &dt->k);
            struct ud_case still;
            struct ud_err err;
            ud_err_clear(&err);
            if (ud_case_get(app->db, dt->id, &still, &err) != UD_OK)
                tui_pop(app);
        }
        return 1;
    }
    return tui_detail_key(&dt->d, key, 10);
}

static void detail_free(struct tui_view *v)
{
    struct detail *dt = v->data;
    tui_detail_free(&dt->d);
    free(dt);
}

static void detail_resume(struct tui_app *app, struct tui_view *v)
{
    ((struct detail *)v->data)->d.revealed = 0; /* a reveal lasts while the detail stays open */
    detail_load(app, v->data);
}

static const struct tui_keyhelp detail_keys[] = {
    {"i", "完整证号", "whole ID"}, {"s", "状态", "status"}, {"l", "记事", "log"}, {"e", "修改", "edit"}, {"d", "删除", "delete"},
    {"Esc", "返回", "back"}, TUI_KEYS_END};

static const struct tui_view_ops detail_ops = {detail_draw, detail_key, detail_free, NULL, detail_resume};

static void open_detail(struct tui_app *app, int64_t id)
{
    struct detail *dt = calloc(1, sizeof *dt);
    struct tui_view *v = calloc(1, sizeof *v);
    if (!dt || !v) {
        free(dt);
        free(v);
        return;
    }
    dt->id = id;
    v->ops = &detail_ops;
    v->keys = detail_keys;
    v->data = dt;
    tui_push(app, v);
    detail_load(app, dt);
}

/* ---- registration and edit form ---- */

struct form_ctx {
    int64_t id;
    int64_t version;
    struct tui_form *form;
};

/* The order a clerk fills a new case in; the rest follow. */
static const char *const fast_order[] = {"mediation_org", "received_on", "applicant_name", "applicant_id_number",
                                         "applicant_phone", "employer_name", "dispute_type", "claim_amount",
                                         "workers_count", "mediator"};

static void set_text(struct tui_form *form, const char *name, const char *text)
{
    struct tui_form_field *f = tui_form_find(form, name);
    if (f) {
        tui_edit_set(&f->edit, text);
        f->edit.changed = 1;
        f->error[0] = '\0';
    }
}

static void applicant_done(struct tui_app *app, const void *row, void *arg)
{
    struct form_ctx *c = arg;
    const struct ud_member *m = row;
    set_text(c->form, "applicant_name", m->name);
    set_text(c->form, "applicant_id_number", m->id_number);
    if (m->phone[0])
        set_text(c->form, "applicant_phone", m->phone);
    struct tui_form_field *emp = tui_form_find(c->form, "employer_name");
    if (emp && !emp->edit.len) {
        /* the member's union stands for the employer */
        struct ud_org o;
        struct ud_err err;
        ud_err_clear(&err);
        if (ud_org_get(app->db, m->org_id, &o, &err) == UD_OK && strcmp(o.kind, "enterprise_union") == 0) {
            char name[184];
            snprintf(name, sizeof name, "%s", o.name);
            size_t n = strlen(name), s = strlen("工会");
            if (n > s && strcmp(name + n - s, "工会") == 0)
                name[n - s] = '\0';
            set_text(c->form, "employer_name", name);
            set_text(c->form, "employer_org", o.code);
            if (o.credit_code[0])
                set_text(c->form, "employer_credit_code", o.credit_code);
        }
    }
    struct tui_form_field *f = tui_form_find(c->form, "applicant_name");
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
    struct form_ctx *c = arg;
    const struct ud_org *o = row;
    char name[184];
    snprintf(name, sizeof name, "%s", o->name);
    size_t n = strlen(name), s = strlen("工会");
    if (n > s && strcmp(name + n - s, "工会") == 0)
        name[n - s] = '\0';
    set_text(c->form, "employer_name", name);
    set_text(c->form, "employer_org", o->code);
    if (o->credit_code[0])
        set_text(c->form, "employer_credit_code", o->credit_code);
}

static struct tui_org_pick member_orgs = {0, 1};

static int pick_employer(struct tui_app *app, struct tui_form_field *f, void *ctx)
{
    tui_pick_open(app, T("用人单位：选择本区企业工会（或 Esc 后直接输入单位名称）",
                         "employer: choose an enterprise union (or Esc and type the name)"),
                  &tui_org_source, &member_orgs, employer_done, ctx, f->edit.text);
    return 0;
}

static int form_save(struct tui_app *app, struct tui_form *form, void *ctx, struct ud_err *err)
{
    struct form_ctx *c = ctx;
    struct ud_case k;
    if (c->id) {
        if (ud_case_get(app->db, c->id, &k, err) != UD_OK)
            return err->status;
        k.version = c->version;
    } else {
        ud_case_init(&k);
    }
    if (tui_form_apply(app, form, ud_case_fields, &k, err) != UD_OK)
        return err->status;
    int st = c->id ? ud_case_update(app->db, &k, err) : ud_case_create(app->db, &k, err);
    if (st == UD_OK && !c->id)
        tui_message(app, T("已登记案件 %s（按 s 受理）", "case %s registered (s to file it)"), k.case_no);
    return st;
}

static void fill(struct tui_app *app, struct form_ctx *c, const struct ud_case *k)
{
    struct tui_form *form = c->form;
    form->n = 0;
    /* the fast path first, then every other field */
    for (size_t i = 0; i < sizeof fast_order / sizeof fast_order[0]; i++)
        for (const struct ud_field *f = ud_case_fields; f->name; f++)
            if (strcmp(f->name, fast_order[i]) == 0) {
                char text[2100];
                ud_field_format(app->db, f, k, UD_FMT_EDIT, text, sizeof text);
                struct tui_form_field *ff = tui_form_add(form, f, text);
                if (ff && f->type == UD_F_REF && !ud_field_is_empty(f, k))
                    ud_field_format(app->db, f, k, UD_FMT_DISPLAY, ff->shown, sizeof ff->shown);
            }
    for (const struct ud_field *f = ud_case_fields; f->name; f++) {
        if (f->flags & (UD_FF_NOFORM | UD_FF_DERIVED) || tui_form_find(form, f->name))
            continue;
        /* dates of moves and the outcome are set by moves; shown when set */
        int by_moves = !strcmp(f->name, "filed_on") || !strcmp(f->name, "closed_on") ||
                       !strcmp(f->name, "agreed_amount") || !strcmp(f->name, "referred_to_arbitration") ||
                       !strcmp(f->name, "case_no");
        if (by_moves && (!c->id || ud_field_is_empty(f, k)))
            continue;
        char text[2100];
        ud_field_format(app->db, f, k, UD_FMT_EDIT, text, sizeof text);
        struct tui_form_field *ff = tui_form_add(form, f, text);
        if (ff && f->type == UD_F_REF && !ud_field_is_empty(f, k))
            ud_field_format(app->db, f, k, UD_FMT_DISPLAY, ff->shown, sizeof ff->shown);
        if (ff && !strcmp(f->name, "case_no"))
            ff->readonly = 1;
    }
    struct tui_form_field *f;
    if ((f = tui_form_find(form, "mediation_org")))
        f->pick = tui_pick_org_mediating;
    if ((f = tui_form_find(form, "applicant_name"))) {
        f->pick = pick_applicant;
        f->pick_ctx = c;
    }
    if ((f = tui_form_find(form, "employer_name"))) {
        f->pick = pick_employer;
        f->pick_ctx = c;
    }
    if ((f = tui_form_find(form, "employer_org")))
        f->pick = tui_pick_org_member;
}

static int form_reload(struct tui_app *app, struct tui_form *form, void *ctx)
{
    (void)form;
    struct form_ctx *c = ctx;
    struct ud_case k;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_case_get(app->db, c->id, &k, &err) != UD_OK) {
        tui_error(app, &err);
        return err.status;
    }
    c->version = k.version;
    fill(app, c, &k);
    return UD_OK;
}

static void open_form(struct tui_app *app, int64_t id)
{
    struct ud_case k;
    struct ud_err err;
    ud_err_clear(&err);
    if (id && ud_case_get(app->db, id, &k, &err) != UD_OK) {
        tui_error(app, &err);
        return;
    }
    if (!id) {
        ud_case_init(&k);
        ud_today(k.received_on);
        k.workers_count = 1;
        k.mediation_org_id = ud_org_root(app->db); /* the district centre, changeable */
        if (!k.mediation_org_id)
            k.mediation_org_id = UD_NULL_INT;
    }
    struct form_ctx *c = calloc(1, sizeof *c);
    char title[300];
    snprintf(title, sizeof title,
             id ? T("修改案件 %s", "Edit case %s")
                : T("登记新案件%s（申请人、用人单位：Enter 选择或直接输入；F2 保存）",
                    "Register a case%s (applicant, employer: Enter to pick or just type; F2 saves)"),
             id ? k.case_no : "");
    struct tui_form *form = tui_form_new(title);
    if (!c || !form) {
        free(c);
        free(form);
        return;
    }
    c->id = id;
    c->version = id ? k.version : 0;
    c->form = form;
    fill(app, c, &k);
    form->save = form_save;
    form->reload = id ? form_reload : NULL;
    form->ctx = c;
    form->free_ctx = free;
    tui_form_open(app, form);
}

/* ---- status moves ---- */

struct move_input {
    char date[UD_DATE_SZ];
    int64_t agreed;
    char outcome[2004];
    int referred;
    char note[2004];
};

#define S struct move_input
static const struct ud_field move_fields[] = {
    UD_FIELD_OF(S, UD_F_DATE, "date", "日期", "date", date, UD_FF_REQUIRED | UD_FF_NOFUTURE),
    UD_FIELD_OF(S, UD_F_MONEY, "agreed_amount", "协议金额", "amount agreed", agreed, 0),
    UD_FIELD_LONGTEXT(S, "outcome", "调解结果", "outcome", outcome, 500, 0),
    UD_FIELD_OF(S, UD_F_BOOL, "referred", "转仲裁", "referred to arbitration", referred, 0),
    UD_FIELD_LONGTEXT(S, "note", "备注", "note", note, 500, 0),
    UD_FIELD_END,
};
#undef S

struct move_ctx {
    int64_t id;
    int64_t version;
    char to[16];
};

static int is_terminal(const char *s)
{
    return !strcmp(s, "succeeded") || !strcmp(s, "failed") || !strcmp(s, "withdrawn") || !strcmp(s, "not_accepted");
}

static int move_save(struct tui_app *app, struct tui_form *form, void *ctx, struct ud_err *err)
{
    struct move_ctx *c = ctx;
    struct move_input in;
    ud_fields_clear(move_fields, &in);
    if (tui_form_apply(app, form, move_fields, &in, err) != UD_OK)
        return err->status;
    struct ud_case_move mv;
    ud_case_move_init(&mv);
    mv.date = in.date[0] ? in.date : NULL;
    if (in.agreed != UD_NULL_INT)
        mv.agreed_fen = in.agreed;
    mv.outcome = in.outcome;
    mv.referred_to_arbitration = in.referred;
    mv.note = in.note;
    int st = ud_case_move(app->db, c->id, c->version, c->to, &mv, err);
    /* the module names filed_on / closed_on; the form calls it date */
    for (int i = 0; i < err->nfields; i++)
        if (err->fields[i].field && (!strcmp(err->fields[i].field, "filed_on") || !strcmp(err->fields[i].field, "closed_on")))
            err->fields[i].field = "date";
    if (st == UD_OK)
        tui_message(app, T("状态已改为：%s", "status is now: %s"), ud_enum_label(&ud_enum_case_status, c->to));
    return st;
}

static void move_chosen(struct tui_app *app, const struct ud_enum_item *item, void *arg)
{
    const struct move_ctx *base = arg;
    struct move_ctx *c = calloc(1, sizeof *c);
    if (!c)
        return;
    *c = *base;
    snprintf(c->to, sizeof c->to, "%s", item->code);
    char title[200];
    snprintf(title, sizeof title, T("改为“%s”（F2 确定，Esc 取消）", "Move to '%s' (F2 confirms, Esc cancels)"),
             T(item->zh, item->en));
    struct tui_form *form = tui_form_new(title);
    if (!form) {
        free(c);
        return;
    }
    char today[UD_DATE_SZ];
    ud_today(today);
    int dated = !strcmp(c->to, "filed") || is_terminal(c->to);
    if (dated) {
        struct tui_form_field *f = tui_form_add(form, &move_fields[0], today);
        (void)f;
    }
    if (!strcmp(c->to, "succeeded"))
        tui_form_add(form, &move_fields[1], "");
    if (is_terminal(c->to))
        tui_form_add(form, &move_fields[2], "");
    if (!strcmp(c->to, "failed"))
        tui_form_add(form, &move_fields[3], "");
    tui_form_add(form, &move_fields[4], "");
    form->save = move_save;
    form->ctx = c;
    form->free_ctx = free;
    tui_form_open(app, form);
}

static void start_move(struct tui_app *app, int64_t id)
{
    struct ud_case k;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_case_get(app->db, id, &k, &err) != UD_OK) {
        tui_error(app, &err);
        return;
    }
    const char *to[8];
    int n = ud_case_allowed_moves(k.status, to, 8);
    if (n == 0) {
        tui_error_text(app, T("案件已是“%s”，不能再改变状态", "the case is %s: no further moves"),
                       ud_enum_label(&ud_enum_case_status, k.status));
        return;
    }
    const struct ud_enum_item *items[8];
    for (int i = 0; i < n; i++)
        items[i] = &ud_enum_case_status.items[ud_enum_index(&ud_enum_case_status, to[i])];
    static struct move_ctx base; /* copied by move_chosen */
    base.id = k.id;
    base.version = k.version;
    char title[200];
    snprintf(title, sizeof title, T("案件 %s 现为“%s”，改为：", "Case %s is %s; move to:"), k.case_no,
             ud_enum_label(&ud_enum_case_status, k.status));
    tui_pick_items(app, title, items, n, move_chosen, &base);
}

/* ---- timeline entries ---- */

struct event_input {
    char kind[12];
    char body[2004];
};

static const struct ud_enum_item event_items[] = {
    {"note", "备注", "note"}, {"session", "调解会", "session"}, {"phone", "电话", "phone call"}, {"visit", "走访", "visit"}};
static const struct ud_enum event_kinds = {"event_kind", event_items, 4};

#define S struct event_input
static const struct ud_field event_fields[] = {
    UD_FIELD_ENUM(S, "kind", "类别", "kind", kind, &event_kinds, UD_FF_REQUIRED),
    UD_FIELD_LONGTEXT(S, "body", "内容", "text", body, 2000, UD_FF_REQUIRED),
    UD_FIELD_END,
};
#undef S

static int event_save(struct tui_app *app, struct tui_form *form, void *ctx, struct ud_err *err)
{
    int64_t *id = ctx;
    struct event_input in;
    ud_fields_clear(event_fields, &in);
    if (tui_form_apply(app, form, event_fields, &in, err) != UD_OK ||
        ud_fields_check_required(event_fields, &in, err) != UD_OK)
        return err->status;
    return ud_case_add_event(app->db, *id, in.kind, in.body, err);
}

static void open_event_form(struct tui_app *app, int64_t id)
{
    int64_t *c = malloc(sizeof *c);
    struct tui_form *form = tui_form_new(T("添加办理记录（F2 保存）", "Add a timeline entry (F2 saves)"));
    if (!c || !form) {
        free(c);
        free(form);
        return;
    }
    *c = id;
    tui_form_add(form, &event_fields[0], T("备注", "note"));
    tui_form_add(form, &event_fields[1], "");
    form->cur = 1;
    form->save = event_save;
    form->ctx = c;
    form->free_ctx = free;
    tui_form_open(app, form);
}
