/* 帮扶: hardship aid — the grants list (帮扶发放) over the whole table with
 * the count and sum of what the filter shows, its filters, the officers'
 * moves (approve, pay, cancel), the roster export, and the grant detail.
 * The grant form is in tab_aid_form.c, the recipients in
 * tab_aid_recipients.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_form.h"
#include "record.h"
#include "tab_aid.h"
#include "uniondesk/aid.h"
#include "uniondesk/export.h"
#include "uniondesk/i18n.h"
#include "uniondesk/member.h"
#include "uniondesk/org.h"
#include "uniondesk/parse.h"
#include "uniondesk/privacy.h"
#include "uniondesk/utf8.h"

const char *aid_program_label(const char *code)
{
    return ud_enum_label(&ud_enum_aid_program, code);
}

const char *aid_grant_status_label(const char *code)
{
    return ud_enum_label(&ud_enum_grant_status, code);
}

/* ==== the grants list ==== */


/* Selects the row with this id when it is in the window. */
void aid_list_select(struct tui_list *l, int64_t id)
{
    for (int i = 0; i < l->n; i++)
        if (l->src->row_id(l->rows + (size_t)i * l->src->row_size) == id)
            l->sel = i;
}

static void grant_module_filter(const struct grant_tab *t, const char *query, struct ud_aid_grant_filter *gf)
{
    memset(gf, 0, sizeof *gf);
    gf->query = t->scope_id[0] ? t->scope_id : query;
    gf->program = t->f.program[0] ? t->f.program : NULL;
    gf->status = t->f.status[0] ? t->f.status : NULL;
    gf->date_from = t->f.date_from[0] ? t->f.date_from : NULL;
    gf->date_to = t->f.date_to[0] ? t->f.date_to : NULL;
    gf->org_subtree = t->f.org != UD_NULL_INT ? t->f.org : 0;
}

static int grant_fetch(struct tui_app *app, void *ctx, const char *query, const struct ud_page *pg, void *rows,
                       struct ud_cursor *cursors, int *n, struct ud_err *err)
{
    struct ud_aid_grant_filter gf;
    grant_module_filter(ctx, query, &gf);
    return ud_aid_grant_list(app->db, &gf, pg, rows, cursors, n, err);
}

/* The count and the sum of the amounts come from one query. */
static int grant_count(struct tui_app *app, void *ctx, const char *query, int64_t *c, struct ud_err *err)
{
    struct grant_tab *t = ctx;
    struct ud_aid_grant_filter gf;
    grant_module_filter(t, query, &gf);
    int st = ud_aid_grant_sum(app->db, &gf, c, &t->sum_fen, err);
    t->sum_valid = st == UD_OK;
    return st;
}

static void grant_cell(struct tui_app *app, void *ctx, const void *row, int col, char *out, size_t outsz)
{
    (void)app;
    (void)ctx;
    const struct ud_aid_grant *g = row;
    switch (col) {
    case 0: snprintf(out, outsz, "%s", g->granted_on); break;
    case 1: snprintf(out, outsz, "%s", g->member_name); break;
    case 2: ud_mask_id_number(g->id_number, out, outsz); break;
    case 3: snprintf(out, outsz, "%s", aid_program_label(g->program)); break;
    case 4: ud_format_money(g->amount_fen, out, outsz); break;
    case 5: snprintf(out, outsz, "%s", aid_grant_status_label(g->status)); break;
    case 6: snprintf(out, outsz, "%s", g->org_name); break;
    }
}

static int64_t grant_row_id(const void *row)
{
    return ((const struct ud_aid_grant *)row)->id;
}

static const struct tui_column grant_columns[] = {
    {"发放日期", "granted", 10, 0, UD_LEFT, "granted_on"},
    {"姓名", "name", 8, 0, UD_LEFT, "name"},
    {"身份证号", "ID number", 18, 0, UD_LEFT, NULL},
    {"帮扶项目", "program", 8, 0, UD_LEFT, NULL},
    {"金额", "amount", 10, 0, UD_RIGHT, "amount"},
    {"状态", "status", 6, 0, UD_LEFT, NULL},
    {"所属工会", "union", 10, 1, UD_LEFT, NULL},
};

static const struct tui_list_source grant_source = {
    sizeof(struct ud_aid_grant), grant_columns, 7, grant_fetch, grant_count, grant_cell, NULL, grant_row_id};

static void describe_grant_filter(struct tui_app *app, const struct grant_filter *f, char *out, size_t outsz)
{
    size_t n = 0;
    out[0] = '\0';
#define ADD(...) (n += (size_t)snprintf(out + n, n < outsz ? outsz - n : 0, __VA_ARGS__))
    if (f->program[0])
        ADD(" %s", aid_program_label(f->program));
    if (f->status[0])
        ADD(" %s", aid_grant_status_label(f->status));
    if (f->date_from[0] || f->date_to[0])
        ADD(T(" 发放日期 %s～%s", " granted %s..%s"), f->date_from, f->date_to);
    if (f->org != UD_NULL_INT) {
        char name[200];
        ud_ref_org.display(app->db, f->org, name, sizeof name);
        ADD(T(" %s及下级", " %s and below"), name);
    }
#undef ADD
}

static void grant_list_draw(struct tui_app *app, struct tui_view *v, WINDOW *w, int h, int wdt)
{
    struct grant_tab *t = v->data;
    char filt[600], title[1200], sum[40] = "";
    describe_grant_filter(app, &t->f, filt, sizeof filt);
    if (t->sum_valid)
        ud_format_money(t->sum_fen, sum, sizeof sum);
    if (t->list->total_valid && t->scope_id[0])
        snprintf(title, sizeof title, T("%s 的帮扶发放  共 %lld 笔  合计 %s 元%s%s", "Grants to %s  %lld, total %s yuan%s%s"),
                 t->scope_name, (long long)t->list->total, sum, filt[0] ? T("  筛选：", "  filter:") : "", filt);
    else if (t->list->total_valid)
        snprintf(title, sizeof title, T("帮扶发放  共 %lld 笔  合计 %s 元%s%s", "Aid grants  %lld, total %s yuan%s%s"),
                 (long long)t->list->total, sum, filt[0] ? T("  筛选：", "  filter:") : "", filt);
    else
        snprintf(title, sizeof title, "%s", T("帮扶发放", "Aid grants"));
    tui_put(w, 0, 0, title, wdt, UD_LEFT, tui_attr(TE_HEADER));
    if (t->scope_id[0]) {
        char line[200], idm[UD_IDNUM_SZ];
        ud_show_id_number(t->scope_id, idm, sizeof idm);
        snprintf(line, sizeof line, T("身份证号 %s（Esc 返回档案）", "ID number %s (Esc: back to the record)"), idm);
        tui_put(w, 1, 0, line, wdt, UD_LEFT, tui_attr(TE_DIM));
        tui_list_draw(app, t->list, w, 2, h - 2, wdt);
        return;
    }
    const char *label = T("搜索（/ 姓名或身份证号）：", "search (/ name or ID number): ");
    int lw = ud_str_width(label);
    tui_puts(w, 1, 0, label, t->list->searching ? tui_attr(TE_HEADER) : tui_attr(TE_DIM));
    tui_list_draw(app, t->list, w, 2, h - 2, wdt);
    tui_edit_draw(&t->list->search, w, 1, lw, wdt - lw - 1, t->list->searching,
                  t->list->searching ? tui_attr(TE_FIELD_ACTIVE) : tui_attr(TE_FIELD));
}

/* ---- the officers' moves; each returns 1 when the grant changed ---- */

/* A move is asked about only when the grant is in a state it starts from;
 * the module checks again, and its refusal reads the same. */
int aid_move_possible(struct tui_app *app, const struct ud_aid_grant *g, enum ud_aid_action a)
{
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_aid_grant_can(g->status, a, &err) == UD_OK)
        return 1;
    tui_error(app, &err);
    return 0;
}

static int grant_approve(struct tui_app *app, const struct ud_aid_grant *row)
{
    if (!tui_can_write(app, UD_ROLE_OFFICER) || !aid_move_possible(app, row, UD_AID_APPROVE))
        return 0;
    char amount[32], q[600];
    ud_format_money(row->amount_fen, amount, sizeof amount);
    snprintf(q, sizeof q, T("审批通过 %s 的“%s” %s 元（%s）？", "Approve %s's '%s' grant of %s yuan (%s)?"),
             row->member_name, aid_program_label(row->program), amount, row->granted_on);
    if (!tui_confirm(app, q))
        return 0;
    struct ud_aid_grant g = *row;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_aid_grant_approve(app->db, &g, &err) != UD_OK) {
        tui_error(app, &err);
        return 0;
    }
    tui_message(app, T("已审批：%s %s 元（按 p 发放）", "approved: %s, %s yuan (p to pay)"), g.member_name, amount);
    return 1;
}

static int grant_cancel(struct tui_app *app, const struct ud_aid_grant *row)
{
    if (!tui_can_write(app, UD_ROLE_OFFICER) || !aid_move_possible(app, row, UD_AID_CANCEL))
        return 0;
    char amount[32], q[600];
    ud_format_money(row->amount_fen, amount, sizeof amount);
    snprintf(q, sizeof q, T("取消 %s 的“%s” %s 元（%s）？", "Cancel %s's '%s' grant of %s yuan (%s)?"),
             row->member_name, aid_program_label(row->program), amount, row->granted_on);
    if (!tui_confirm(app, q))
        return 0;
    struct ud_aid_grant g = *row;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_aid_grant_cancel(app->db, &g, &err) != UD_OK) {
        tui_error(app, &err);
        return 0;
    }
    tui_message(app, T("已取消：%s %s 元", "cancelled: %s, %s yuan"), g.member_name, amount);
    return 1;
}

static int grant_delete(struct tui_app *app, const struct ud_aid_grant *row)
{
    if (!tui_can_write(app, UD_ROLE_OFFICER) || !aid_move_possible(app, row, UD_AID_DELETE))
        return 0;
    char amount[32], q[600];
    ud_format_money(row->amount_fen, amount, sizeof amount);
    snprintf(q, sizeof q, T("删除 %s 的“%s” %s 元（%s，%s）？", "Delete %s's '%s' grant of %s yuan (%s, %s)?"),
             row->member_name, aid_program_label(row->program), amount, row->granted_on, aid_grant_status_label(row->status));
    if (!tui_confirm(app, q))
        return 0;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_aid_grant_delete(app->db, row->id, row->version, &err) != UD_OK) {
        tui_error(app, &err);
        return 0;
    }
    tui_message(app, "%s", T("已删除", "deleted"));
    return 1;
}

/* Paying asks for the date the money was paid out (today unless told). */
struct pay_input {
    char paid_on[UD_DATE_SZ];
};

#define S struct pay_input
static const struct ud_field pay_fields[] = {
    UD_FIELD_OF(S, UD_F_DATE, "paid_on", "实发日期", "paid on", paid_on, UD_FF_REQUIRED | UD_FF_NOFUTURE),
    UD_FIELD_END,
};
#undef S

struct pay_ctx {
    int64_t id;
    int64_t version;
};

static int pay_save(struct tui_app *app, struct tui_form *form, void *ctx, struct ud_err *err)
{
    struct pay_ctx *c = ctx;
    struct pay_input in;
    ud_fields_clear(pay_fields, &in);
    if (tui_form_apply(app, form, pay_fields, &in, err) != UD_OK ||
        ud_fields_check_required(pay_fields, &in, err) != UD_OK)
        return err->status;
    struct ud_aid_grant g;
    memset(&g, 0, sizeof g);
    g.id = c->id;
    g.version = c->version;
    int st = ud_aid_grant_pay(app->db, &g, in.paid_on, err);
    if (st == UD_OK) {
        char amount[32];
        ud_format_money(g.amount_fen, amount, sizeof amount);
        tui_message(app, T("已发放：%s %s 元，实发日期 %s", "paid: %s, %s yuan, on %s"), g.member_name, amount, g.paid_on);
    }
    return st;
}

static void grant_pay(struct tui_app *app, const struct ud_aid_grant *row)
{
    if (!tui_can_write(app, UD_ROLE_OFFICER) || !aid_move_possible(app, row, UD_AID_PAY))
        return;
    struct pay_ctx *c = calloc(1, sizeof *c);
    char title[400], amount[32], today[UD_DATE_SZ];
    ud_format_money(row->amount_fen, amount, sizeof amount);
    snprintf(title, sizeof title, T("发放：%s “%s” %s 元（F2 确定，Esc 取消）", "Pay %s '%s' %s yuan (F2 confirms, Esc cancels)"),
             row->member_name, aid_program_label(row->program), amount);
    struct tui_form *form = tui_form_new(title);
    if (!c || !form) {
        free(c);
        free(form);
        return;
    }
    c->id = row->id;
    c->version = row->version;
    ud_today(today);
    tui_form_add(form, &pay_fields[0], today);
    form->save = pay_save;
    form->ctx = c;
    form->free_ctx = free;
    tui_form_open(app, form);
}

/* ---- the list view ---- */

static void open_grant_filter(struct tui_app *app, struct grant_tab *t);

/* x: the roster of what the list shows, for signatures (帮扶发放花名册) */
struct roster_arg {
    struct ud_aid_grant_filter f;
    char query[160], program[20], status[16], from[UD_DATE_SZ], to[UD_DATE_SZ];
    char scope[184];
};

static int write_roster(struct tui_app *app, const char *path, int full_id, void *arg, struct ud_err *err)
{
    struct roster_arg *r = arg;
    struct ud_aid_roster_opts o;
    memset(&o, 0, sizeof o);
    o.filter = r->f;
    o.scope_name = r->scope[0] ? r->scope : NULL;
    o.full_id = full_id;
    o.path = path;
    struct ud_aid_roster_result res;
    if (ud_export_aid_roster(app->db, &o, &res, err) != UD_OK)
        return err->status;
    char total[40];
    ud_format_money(res.total_fen, total, sizeof total);
    tui_message(app, T("已写入 %s：%lld 笔，合计 %s 元", "written to %s: %lld grants, %s yuan"), path,
                (long long)res.rows, total);
    return UD_OK;
}

static void export_roster(struct tui_app *app, struct grant_tab *t)
{
    struct roster_arg *r = calloc(1, sizeof *r);
    if (!r)
        return;
    grant_module_filter(t, t->list->search.len ? t->list->search.text : NULL, &r->f);
    /* the filter points into the tab; the form keeps copies */
#define KEEP(field, buf)                                      \
    if (r->f.field) {                                         \
        snprintf(r->buf, sizeof r->buf, "%s", r->f.field);    \
        r->f.field = r->buf;                                  \
    }
    KEEP(query, query)
    KEEP(program, program)
    KEEP(status, status)
    KEEP(date_from, from)
    KEEP(date_to, to)
#undef KEEP
    if (r->f.org_subtree)
        ud_ref_org.display(app->db, r->f.org_subtree, r->scope, sizeof r->scope);
    char name[300];
    char today[UD_DATE_SZ];
    ud_today(today);
    snprintf(name, sizeof name, T("帮扶发放花名册-%s-%s.xlsx", "aid-roster-%s-%s.xlsx"),
             r->f.program ? aid_program_label(r->f.program) : T("全部项目", "all"), today);
    tui_export_form(app, T("导出帮扶发放花名册（当前筛选条件；F2 写入）", "Export the aid roster (current filter; F2 writes)"),
                    name, ud_db_role(app->db) >= UD_ROLE_OFFICER, write_roster, r, free);
}

static int grant_list_key(struct tui_app *app, struct tui_view *v, int key)
{
    struct grant_tab *t = v->data;
    if (t->scope_id[0] && key == '/') {
        tui_message(app, "%s", T("此列表只含一人的发放；在帮扶发放总表中可以搜索", "this list holds one person's grants; search in the full list"));
        return 1;
    }
    if (tui_list_key(app, t->list, key))
        return 1;
    const struct ud_aid_grant *sel = tui_list_selected(t->list);
    struct ud_aid_grant g;
    memset(&g, 0, sizeof g);
    if (sel)
        g = *sel; /* the moves reload the list under the pointer */
    int changed = 0;
    switch (key) {
    case TK_ENTER:
        if (sel)
            aid_open_grant_detail(app, g.id);
        return 1;
    case 'n':
        if (tui_can_write(app, UD_ROLE_CLERK))
            aid_open_grant_form(app, 0, t->scope_id[0] ? t->scope_member : 0, t);
        return 1;
    case 'e':
        if (sel && tui_can_write(app, UD_ROLE_CLERK))
            aid_open_grant_form(app, g.id, 0, NULL);
        return 1;
    case 'a':
        changed = sel && grant_approve(app, &g);
        break;
    case 'p':
        if (sel)
            grant_pay(app, &g);
        return 1;
    case 'c':
        changed = sel && grant_cancel(app, &g);
        break;
    case 'd':
        changed = sel && grant_delete(app, &g);
        break;
    case 'f':
        open_grant_filter(app, t);
        return 1;
    case 'r':
        if (!t->scope_id[0])
            aid_open_recipients(app);
        return 1;
    case 'x':
        export_roster(app, t);
        return 1;
    default:
        return 0;
    }
    if (changed)
        tui_list_reload(app, t->list);
    return 1;
}

static void grant_list_free(struct tui_view *v)
{
    struct grant_tab *t = v->data;
    tui_list_free(t->list);
    free(t);
}

static const struct tui_keyhelp grant_list_keys[] = {
    {"/", "搜索", "search"},    {"Enter", "详情", "open"},  {"n", "新建", "new"},     {"a", "审批", "approve"},
    {"p", "发放", "pay"},       {"c", "取消", "cancel"},    {"e", "修改", "edit"},    {"d", "删除", "delete"},
    {"f", "筛选", "filter"},    {"r", "困难档案", "recipients"}, {"x", "导出花名册", "roster"},
    {"o", "排序", "sort"}, TUI_KEYS_END};

static const struct tui_keyhelp scoped_list_keys[] = {
    {"Enter", "详情", "open"},  {"n", "新建", "new"},    {"a", "审批", "approve"}, {"p", "发放", "pay"},
    {"c", "取消", "cancel"},    {"e", "修改", "edit"},   {"d", "删除", "delete"},  {"f", "筛选", "filter"},
    {"o", "排序", "sort"},      {"Esc", "返回", "back"}, TUI_KEYS_END};

static void grant_list_resume(struct tui_app *app, struct tui_view *v)
{
    struct grant_tab *t = v->data;
    if (t->select_id) {
        tui_list_home(app, t->list);
        aid_list_select(t->list, t->select_id);
        t->select_id = 0;
    } else {
        tui_list_reload(app, t->list);
    }
}

static const struct tui_view_ops grant_list_ops = {grant_list_draw, grant_list_key, grant_list_free, NULL, grant_list_resume};

struct tui_view *aid_grant_list_new(struct tui_app *app, const struct ud_aid_recipient *scope)
{
    struct grant_tab *t = calloc(1, sizeof *t);
    struct tui_view *v = calloc(1, sizeof *v);
    if (!t || !v || !(t->list = tui_list_new(&grant_source, t, "granted_on", 1))) { /* newest first */
        free(t);
        free(v);
        return NULL;
    }
    t->f.org = UD_NULL_INT;
    if (scope) {
        snprintf(t->scope_id, sizeof t->scope_id, "%s", scope->id_number);
        snprintf(t->scope_name, sizeof t->scope_name, "%s", scope->member_name);
        t->scope_member = scope->member_id;
    }
    v->ops = &grant_list_ops;
    v->keys = scope ? scoped_list_keys : grant_list_keys;
    v->data = t;
    tui_list_home(app, t->list);
    return v;
}

static struct tui_view *open_tab(struct tui_app *app)
{
    return aid_grant_list_new(app, NULL);
}

const struct tui_tab_ops tui_tab_aid = {"帮扶", "Aid", open_tab};

/* ---- grant filters ---- */

#define S struct grant_filter
static const struct ud_field grant_filter_fields[] = {
    UD_FIELD_ENUM(S, "program", "帮扶项目", "program", program, &ud_enum_aid_program, 0),
    UD_FIELD_ENUM(S, "status", "发放状态", "status", status, &ud_enum_grant_status, 0),
    UD_FIELD_OF(S, UD_F_DATE, "date_from", "发放日期自", "granted from", date_from, 0),
    UD_FIELD_OF(S, UD_F_DATE, "date_to", "发放日期至", "granted to", date_to, 0),
    UD_FIELD_REF(S, "org", "所属工会（含下级）", "union (and below)", org, &ud_ref_org, 0),
    UD_FIELD_END,
};
#undef S

static int grant_filter_save(struct tui_app *app, struct tui_form *form, void *ctx, struct ud_err *err)
{
    struct grant_tab *t = ctx;
    struct grant_filter f;
    ud_fields_clear(grant_filter_fields, &f);
    if (tui_form_apply(app, form, grant_filter_fields, &f, err) != UD_OK)
        return err->status;
    if (f.date_from[0] && f.date_to[0] && strcmp(f.date_from, f.date_to) > 0)
        return ud_err_field(err, "date_to", T("发放日期至", "granted to"), "%s", T("早于起始日期", "is before the start"));
    t->f = f;
    tui_list_home(app, t->list);
    return UD_OK;
}

static void open_grant_filter(struct tui_app *app, struct grant_tab *t)
{
    struct tui_form *form = tui_form_new(T("帮扶发放筛选（留空表示不限；F2 应用）", "Grant filter (empty = any; F2 applies)"));
    if (!form)
        return;
    tui_form_fill(app, form, grant_filter_fields, &t->f);
    struct tui_form_field *org = tui_form_find(form, "org");
    if (org)
        org->pick = tui_pick_org_any;
    form->save = grant_filter_save;
    form->ctx = t;
    tui_form_open(app, form);
}

/* ==== the grant detail ==== */

struct grant_detail {
    int64_t id;
    struct ud_aid_grant g;
    struct tui_detail d;
    int loaded;
};

static void grant_detail_load(struct tui_app *app, struct grant_detail *dt)
{
    struct ud_err err;
    ud_err_clear(&err);
    tui_detail_clear(&dt->d);
    dt->loaded = ud_aid_grant_get(app->db, dt->id, &dt->g, &err) == UD_OK;
    if (!dt->loaded) {
        tui_error(app, &err);
        return;
    }
    const struct ud_aid_grant *g = &dt->g;
    char v[600];
    tui_detail_section(&dt->d, T("受助人", "recipient"));
    tui_detail_add(&dt->d, T("姓名", "name"), g->member_name, 0);
    tui_detail_add(&dt->d, T("性别", "sex"), ud_enum_label(&ud_enum_gender, g->gender), 0);
    tui_detail_id(&dt->d, g->id_number, v, sizeof v);
    tui_detail_add(&dt->d, T("身份证号", "ID number"), v, 0);
    tui_detail_add(&dt->d, T("所属工会", "union"), g->org_name, 0);
    struct ud_aid_recipient r;
    if (ud_aid_recipient_get(app->db, g->recipient_id, &r, &err) == UD_OK) {
        tui_detail_add(&dt->d, T("困难程度", "hardship level"), ud_enum_label(&ud_enum_hardship_level, r.hardship_level), 0);
        tui_detail_add(&dt->d, T("困难类别", "hardship category"),
                       ud_enum_label(&ud_enum_hardship_category, r.hardship_category), 0);
        tui_detail_add(&dt->d, T("档案状态", "record status"), ud_enum_label(&ud_enum_recipient_status, r.status), 0);
    }
    tui_detail_section(&dt->d, T("发放", "grant"));
    for (const struct ud_field *f = ud_aid_grant_fields; f->name; f++) {
        if (!strcmp(f->name, "id_number") || !strcmp(f->name, "hardship_category"))
            continue; /* shown above */
        ud_field_format(app->db, f, g, UD_FMT_DISPLAY, v, sizeof v);
        if (!strcmp(f->name, "amount") && v[0])
            snprintf(v + strlen(v), sizeof v - strlen(v), "%s", T(" 元", " yuan"));
        tui_detail_add(&dt->d, ud_field_label(f), v, !strcmp(f->name, "double_confirmed_by") && v[0]);
    }
    tui_detail_section(&dt->d, T("记录", "record"));
    snprintf(v, sizeof v, "%lld", (long long)g->id);
    tui_detail_add(&dt->d, T("编号", "number"), v, 0);
    snprintf(v, sizeof v, "%lld", (long long)g->version);
    tui_detail_add(&dt->d, T("版本", "version"), v, 0);
    tui_detail_add(&dt->d, T("录入时间", "created"), g->created_at, 0);
    tui_detail_add(&dt->d, T("修改时间", "updated"), g->updated_at, 0);
}

static void grant_detail_draw(struct tui_app *app, struct tui_view *v, WINDOW *w, int h, int wdt)
{
    struct grant_detail *dt = v->data;
    char title[400];
    snprintf(title, sizeof title, T("帮扶发放：%s  %s  %s", "Aid grant: %s  %s  %s"), dt->g.member_name,
             dt->loaded ? aid_program_label(dt->g.program) : "", dt->loaded ? aid_grant_status_label(dt->g.status) : "");
    tui_put(w, 0, 0, title, wdt, UD_LEFT, tui_attr(TE_HEADER));
    tui_detail_draw(app, &dt->d, w, 1, h - 1, wdt);
}

static int grant_detail_key(struct tui_app *app, struct tui_view *v, int key)
{
    struct grant_detail *dt = v->data;
    if (!dt->loaded)
        return 0;
    struct ud_aid_grant g = dt->g;
    switch (key) {
    case 'i':
        if (tui_detail_reveal(app, &dt->d, "aid_grants", dt->id))
            grant_detail_load(app, dt);
        return 1;
    case 'a':
        if (grant_approve(app, &g))
            grant_detail_load(app, dt);
        return 1;
    case 'p':
        grant_pay(app, &g);
        return 1;
    case 'c':
        if (grant_cancel(app, &g))
            grant_detail_load(app, dt);
        return 1;
    case 'e':
        if (tui_can_write(app, UD_ROLE_CLERK))
            aid_open_grant_form(app, dt->id, 0, NULL);
        return 1;
    case 'd':
        if (grant_delete(app, &g))
            tui_pop(app);
        return 1;
    case 'r':
        aid_open_recipient_detail(app, g.recipient_id);
        return 1;
    }
    return tui_detail_key(&dt->d, key, 10);
}

static void grant_detail_free(struct tui_view *v)
{
    struct grant_detail *dt = v->data;
    tui_detail_free(&dt->d);
    free(dt);
}

static void grant_detail_resume(struct tui_app *app, struct tui_view *v)
{
    ((struct grant_detail *)v->data)->d.revealed = 0; /* a reveal lasts while the detail stays open */
    grant_detail_load(app, v->data);
}

static const struct tui_keyhelp grant_detail_keys[] = {
    {"i", "完整证号", "whole ID"}, {"a", "审批", "approve"}, {"p", "发放", "pay"},     {"c", "取消", "cancel"},          {"e", "修改", "edit"},
    {"d", "删除", "delete"},  {"r", "困难档案", "recipient"}, {"Esc", "返回", "back"}, TUI_KEYS_END};

static const struct tui_view_ops grant_detail_ops = {grant_detail_draw, grant_detail_key, grant_detail_free, NULL, grant_detail_resume};

void aid_open_grant_detail(struct tui_app *app, int64_t id)
{
    struct grant_detail *dt = calloc(1, sizeof *dt);
    struct tui_view *v = calloc(1, sizeof *v);
    if (!dt || !v) {
        free(dt);
        free(v);
        return;
    }
    dt->id = id;
    v->ops = &grant_detail_ops;
    v->keys = grant_detail_keys;
    v->data = dt;
    tui_push(app, v);
    grant_detail_load(app, dt);
}

