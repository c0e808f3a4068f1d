/* 帮扶: hardship aid — the grants list (帮扶发放) over the whole table with
 * the count and sum of what the filter shows, as a descriptor over
 * screen.c; by hand: the officers' moves (approve, pay, cancel), the
 * roster export, the grant detail's lines. The grant form is in
 * tab_aid_form.c, the recipients in tab_aid_recipients.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_form.h"
#include "tab_aid.h"
#include "uniondesk/export.h"
#include "uniondesk/i18n.h"
#include "uniondesk/member.h"
#include "uniondesk/org.h"
#include "uniondesk/privacy.h"

const char *aid_program_label(const char *code)
{
    return ud_enum_label(&ud_enum_aid_program, code);
}

const char *aid_grant_status_label(const char *code)
{
    return ud_enum_label(&ud_enum_grant_status, code);
}

struct filter {
    char program[20];
    char status[16];
    char date_from[UD_DATE_SZ];
    char date_to[UD_DATE_SZ];
    int64_t org;
};

#define S struct filter
static const struct ud_field filter_fields[] = {
    UD_FIELD_ENUM(S, "program", "帮扶项目", "program", program, &ud_enum_aid_program, 0),
    UD_FIELD_ENUM(S, "status", "发放状态", "status", status, &ud_enum_grant_status, 0),
    UD_FIELD_OF(S, UD_F_DATE, "date_from", "发放日期自", "granted from", date_from, 0),
    UD_FIELD_OF(S, UD_F_DATE, "date_to", "发放日期至", "granted to", date_to, 0),
    UD_FIELD_REF(S, "org", "所属工会（含下级）", "union (and below)", org, &ud_ref_org, 0),
    UD_FIELD_END,
};
#undef S

static int filter_check(const void *filter, struct ud_err *err)
{
    const struct filter *f = filter;
    if (f->date_from[0] && f->date_to[0] && strcmp(f->date_from, f->date_to) > 0)
        return ud_err_field(err, "date_to", T("发放日期至", "granted to"), "%s", T("早于起始日期", "is before the start"));
    return UD_OK;
}

/* The screen's own state: one person's grants (their ID number is the
 * search, fixed), and the sum read with the count. */
struct grants {
    char scope_id[UD_IDNUM_SZ];
    char scope_name[96];
    int64_t scope_member;
    int64_t sum_fen;
    int64_t counted; /* the grants the total counts (not the cancelled ones) */
    int sum_valid;
};

static void grant_module_filter(const struct tui_scr *s, const char *query, struct ud_aid_grant_filter *gf)
{
    const struct filter *f = s->filter;
    const struct grants *p = s->priv;
    memset(gf, 0, sizeof *gf);
    gf->query = p->scope_id[0] ? p->scope_id : query;
    gf->program = f->program[0] ? f->program : NULL;
    gf->status = f->status[0] ? f->status : NULL;
    gf->date_from = f->date_from[0] ? f->date_from : NULL;
    gf->date_to = f->date_to[0] ? f->date_to : NULL;
    gf->org_subtree = f->org != UD_NULL_INT ? f->org : 0;
}

TUI_SCREEN_FETCH(struct ud_aid_grant_filter, grant_module_filter, ud_aid_grant_list)

static int locate(struct tui_app *app, void *ctx, const char *sort, int64_t id, struct ud_cursor *at,
                  struct ud_err *err)
{
    const struct tui_scr *s = ctx;
    const struct grants *p = s->priv;
    if (p->scope_id[0])
        return TUI_LOCATE_WALK; /* one person's grants: a search of its own, and short */
    struct ud_aid_grant_filter gf;
    grant_module_filter(s, NULL, &gf);
    return ud_aid_grant_locate(app->db, &gf, sort, id, at, err);
}

/* The rows shown, the ones the total counts and their sum: the module's
 * one rule, the same as the roster's. */
static int count(struct tui_app *app, void *ctx, const char *query, int64_t *c, struct ud_err *err)
{
    struct tui_scr *s = ctx;
    struct grants *p = s->priv;
    struct ud_aid_grant_filter gf;
    grant_module_filter(s, query, &gf);
    struct ud_aid_totals t;
    int st = ud_aid_grant_totals(app->db, &gf, &t, err);
    p->sum_valid = st == UD_OK;
    if (st == UD_OK) {
        *c = t.matching;
        p->counted = t.counted;
        p->sum_fen = t.sum_fen;
    }
    return st;
}

static void cell(struct tui_app *app, void *ctx, const void *row, int col, char *out, size_t outsz)
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

static int64_t row_id(const void *row)
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

static void heading(struct tui_app *app, struct tui_scr *s, char *title, size_t titlesz, char *line, size_t linesz)
{
    const struct grants *p = s->priv;
    char filt[600], sum[40] = "";
    tui_scr_describe_filter(app, s, filt, sizeof filt);
    if (p->sum_valid)
        ud_format_money(p->sum_fen, sum, sizeof sum);
    const char *fl = filt[0] ? T("  筛选：", "  filter:") : "";
    /* the rows listed and the total may differ: cancelled grants are
     * listed but not summed; say so rather than leave the count to doubt */
    char counted[120] = "";
    if (p->sum_valid && s->list->total_valid && p->counted != s->list->total)
        snprintf(counted, sizeof counted, T("（其中 %lld 笔已撤销，不计入合计）", " (%lld cancelled, not in the total)"),
                 (long long)(s->list->total - p->counted));
    if (s->list->total_valid && p->scope_id[0])
        snprintf(title, titlesz, T("%s 的帮扶发放  共 %lld 笔%s  合计 %s 元%s%s", "Grants to %s  %lld%s, total %s yuan%s%s"),
                 p->scope_name, (long long)s->list->total, counted, sum, fl, filt);
    else if (s->list->total_valid)
        snprintf(title, titlesz, T("帮扶发放  共 %lld 笔%s  合计 %s 元%s%s", "Aid grants  %lld%s, total %s yuan%s%s"),
                 (long long)s->list->total, counted, sum, fl, filt);
    else
        snprintf(title, titlesz, "%s", T("帮扶发放", "Aid grants"));
    if (p->scope_id[0]) {
        char idm[UD_IDNUM_SZ];
        ud_show_id_number(p->scope_id, idm, sizeof idm);
        snprintf(line, linesz, T("身份证号 %s（Esc 返回档案）", "ID number %s (Esc: back to the record)"), idm);
    }
}

/* ---- the officers' moves ---- */


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

/* Approving and cancelling: asked, then done by the module. */
struct decision {
    enum ud_aid_action action;
    const char *verb_zh, *verb_en;     /* in the question */
    const char *done_zh, *done_en;     /* in the message */
    const char *next_zh, *next_en;     /* what comes next, if anything */
    int (*apply)(struct ud_db *db, struct ud_aid_grant *g, struct ud_err *err);
};

static const struct decision approve = {UD_AID_APPROVE, "审批通过", "Approve", "已审批", "approved",
                                        "（按 p 发放）", " (p to pay)", ud_aid_grant_approve};
static const struct decision cancel = {UD_AID_CANCEL, "取消", "Cancel", "已取消", "cancelled", "", "",
                                       ud_aid_grant_cancel};

static enum tui_done decide(struct tui_app *app, const struct decision *dc, const struct ud_aid_grant *row)
{
    if (!aid_move_possible(app, row, dc->action))
        return TUI_STAY;
    char amount[32], q[600];
    ud_format_money(row->amount_fen, amount, sizeof amount);
    snprintf(q, sizeof q, T("%s %s 的“%s” %s 元（%s）？", "%s %s's '%s' grant of %s yuan (%s)?"), T(dc->verb_zh, dc->verb_en),
             row->member_name, aid_program_label(row->program), amount, row->granted_on);
    if (!tui_confirm(app, q))
        return TUI_STAY;
    struct ud_aid_grant g = *row;
    struct ud_err err;
    ud_err_clear(&err);
    if (dc->apply(app->db, &g, &err) != UD_OK) {
        tui_error(app, &err);
        return TUI_STAY;
    }
    tui_message(app, T("%s：%s %s 元%s", "%s: %s, %s yuan%s"), T(dc->done_zh, dc->done_en), g.member_name, amount,
                T(dc->next_zh, dc->next_en));
    tui_changed(app);
    return TUI_RELOAD;
}

static enum tui_done grant_approve(struct tui_app *app, struct tui_scr *s, const void *rec)
{
    (void)s;
    return decide(app, &approve, rec);
}

static enum tui_done grant_cancel(struct tui_app *app, struct tui_scr *s, const void *rec)
{
    (void)s;
    return decide(app, &cancel, rec);
}

static enum tui_done grant_delete(struct tui_app *app, struct tui_scr *s, const void *rec)
{
    (void)s;
    const struct ud_aid_grant *row = rec;
    if (!aid_move_possible(app, row, UD_AID_DELETE))
        return TUI_STAY;
    char amount[32], q[600];
    ud_format_money(row->amount_fen, amount, sizeof amount);
    snprintf(q, sizeof q, T("删除 %s 的“%s” %s 元（%s，%s）？", "Delete %s's '%s' grant of %s yuan (%s, %s)?"),
             row->member_name, aid_program_label(row->program), amount, row->granted_on, aid_grant_status_label(row->status));
    if (!tui_confirm(app, q))
        return TUI_STAY;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_aid_grant_delete(app->db, row->id, row->version, &err) != UD_OK) {
        tui_error(app, &err);
        return TUI_STAY;
    }
    tui_message(app, "%s", T("已删除", "deleted"));
    tui_changed(app);
    return TUI_GONE;
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

static enum tui_done grant_pay(struct tui_app *app, struct tui_scr *s, const void *rec)
{
    (void)s;
    const struct ud_aid_grant *row = rec;
    if (!aid_move_possible(app, row, UD_AID_PAY))
        return TUI_STAY;
    struct pay_ctx *c = calloc(1, sizeof *c);
    char title[400], amount[32], today[UD_DATE_SZ];
    ud_format_money(row->amount_fen, amount, sizeof amount);
    snprintf(title, sizeof title, T("发放：%s “%s” %s 元（F2 确定，Esc 取消）", "Pay %s '%s' %s yuan (F2 confirms, Esc cancels)"),
             row->member_name, aid_program_label(row->program), amount);
    struct tui_form *form = tui_form_new(title);
    if (!c || !form) {
        free(c);
        free(form);
        return TUI_STAY;
    }
    c->id = row->id;
    c->version = row->version;
    ud_today(today);
    tui_form_add(form, &pay_fields[0], today);
    form->save = pay_save;
    form->ctx = c;
    form->free_ctx = free;
    tui_form_open(app, form);
    return TUI_STAY;
}

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

static enum tui_done export_roster(struct tui_app *app, struct tui_scr *s, const void *rec)
{
    (void)rec;
    struct roster_arg *r = calloc(1, sizeof *r);
    if (!r)
        return TUI_STAY;
    grant_module_filter(s, s->list->search.len ? s->list->search.text : NULL, &r->f);
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
                    name, ud_may_reveal_id(app->db), write_roster, r, free);
    return TUI_STAY;
}

static void detail(struct tui_app *app, struct tui_scr *s, struct tui_detail *d, const void *rec)
{
    (void)s;
    const struct ud_aid_grant *g = rec;
    struct ud_err err;
    ud_err_clear(&err);
    char v[600];
    tui_detail_section(d, T("受助人", "recipient"));
    tui_detail_add(d, T("姓名", "name"), g->member_name, 0);
    tui_detail_add(d, T("性别", "sex"), ud_enum_label(&ud_enum_gender, g->gender), 0);
    tui_detail_id(d, g->id_number, v, sizeof v);
    tui_detail_add(d, T("身份证号", "ID number"), v, 0);
    tui_detail_add(d, T("所属工会", "union"), g->org_name, 0);
    struct ud_aid_recipient r;
    if (ud_aid_recipient_get(app->db, g->recipient_id, &r, &err) == UD_OK) {
        tui_detail_add(d, T("困难程度", "hardship level"), ud_enum_label(&ud_enum_hardship_level, r.hardship_level), 0);
        tui_detail_add(d, T("困难类别", "hardship category"),
                       ud_enum_label(&ud_enum_hardship_category, r.hardship_category), 0);
        tui_detail_add(d, T("档案状态", "record status"), ud_enum_label(&ud_enum_recipient_status, r.status), 0);
    }
    tui_detail_section(d, T("发放", "grant"));
    for (const struct ud_field *f = ud_aid_grant_fields; f->name; f++) {
        if (!strcmp(f->name, "id_number") || !strcmp(f->name, "hardship_category"))
            continue; /* shown above */
        ud_field_format(app->db, f, g, UD_FMT_DISPLAY, v, sizeof v);
        if (!strcmp(f->name, "amount") && v[0])
            snprintf(v + strlen(v), sizeof v - strlen(v), "%s", T(" 元", " yuan"));
        tui_detail_add(d, ud_field_label(f), v, !strcmp(f->name, "double_confirmed_by") && v[0]);
    }
}

static void opened(struct tui_app *app, struct tui_scr *s)
{
    if (!s->scope)
        return;
    struct grants *p = s->priv;
    struct ud_aid_recipient r;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_aid_recipient_get(app->db, s->scope, &r, &err) != UD_OK) {
        tui_error(app, &err);
        return;
    }
    snprintf(p->scope_id, sizeof p->scope_id, "%s", r.id_number);
    snprintf(p->scope_name, sizeof p->scope_name, "%s", r.member_name);
    p->scope_member = r.member_id;
    s->search_locked = T("此列表只含一人的发放；在帮扶发放总表中可以搜索", "this list holds one person's grants; search in the full list");
}

static int get(struct ud_db *db, int64_t id, void *rec, struct ud_err *err)
{
    return ud_aid_grant_get(db, id, rec, err);
}

static void name(const void *rec, int longer, char *out, size_t outsz)
{
    const struct ud_aid_grant *g = rec;
    if (longer)
        snprintf(out, outsz, "%s  %s  %s", g->member_name, aid_program_label(g->program), aid_grant_status_label(g->status));
    else
        snprintf(out, outsz, "%s", g->member_name);
}

static enum tui_done grant_new(struct tui_app *app, struct tui_scr *s, const void *rec)
{
    (void)rec;
    aid_open_grant_form(app, 0, ((const struct grants *)s->priv)->scope_member, s->list ? s : NULL);
    return TUI_STAY;
}

static enum tui_done grant_edit(struct tui_app *app, struct tui_scr *s, const void *rec)
{
    aid_open_grant_form(app, ((const struct ud_aid_grant *)rec)->id, 0, s->list ? s : s->parent);
    return TUI_STAY;
}

static enum tui_done recipients(struct tui_app *app, struct tui_scr *s, const void *rec)
{
    (void)rec;
    if (!s->scope)
        tui_screen_push(app, &aid_recipient_screen, 0);
    return TUI_STAY;
}

static enum tui_done recipient(struct tui_app *app, struct tui_scr *s, const void *rec)
{
    (void)s;
    tui_screen_detail(app, &aid_recipient_screen, ((const struct ud_aid_grant *)rec)->recipient_id);
    return TUI_STAY;
}

static const struct tui_screen_pick filter_picks[] = {{"org", tui_pick_org_any}, {NULL, NULL}};

static const struct tui_screen_key keys[] = {
    TUI_KEY_OPEN,
    {'n', "n", "新建", "new", UD_ACT_AID_WRITE, TUI_IN_LIST, 0, grant_new},
    {'a', "a", "审批", "approve", UD_ACT_AID_DECIDE, TUI_IN_BOTH, 1, grant_approve},
    {'p', "p", "发放", "pay", UD_ACT_AID_DECIDE, TUI_IN_BOTH, 1, grant_pay},
    {'c', "c", "取消", "cancel", UD_ACT_AID_DECIDE, TUI_IN_BOTH, 1, grant_cancel},
    {'e', "e", "修改", "edit", UD_ACT_AID_WRITE, TUI_IN_BOTH, 1, grant_edit},
    {'d', "d", "删除", "delete", UD_ACT_AID_DELETE, TUI_IN_BOTH, 1, grant_delete},
    TUI_KEY_FILTER,
    {'r', "r", "困难档案", "recipients", UD_ACT_VIEW, TUI_IN_LIST, 0, recipients},
    {'r', "r", "困难档案", "recipient", UD_ACT_VIEW, TUI_IN_DETAIL, 1, recipient},
    {'x', "x", "导出花名册", "roster", UD_ACT_VIEW, TUI_IN_LIST, 0, export_roster},
    TUI_SCREEN_KEYS_END,
};

const struct tui_screen aid_grant_screen = {
    .title = {"帮扶发放", "Aid grants"},
    .search = {"搜索（/ 姓名或身份证号）：", "search (/ name or ID number): "},
    .src = {sizeof(struct ud_aid_grant), grant_columns, 7, fetch, count, cell, NULL, row_id, locate},
    .sort = "granted_on",
    .desc = 1, /* newest first */
    .version_off = offsetof(struct ud_aid_grant, version),
    .created_off = offsetof(struct ud_aid_grant, created_at),
    .updated_off = offsetof(struct ud_aid_grant, updated_at),
    .show_id = 1,
    .filter_fields = filter_fields,
    .filter_size = sizeof(struct filter),
    .filter_title = {"帮扶发放筛选（留空表示不限；F2 应用）", "Grant filter (empty = any; F2 applies)"},
    .filter_picks = filter_picks,
    .filter_check = filter_check,
    .fields = ud_aid_grant_fields,
    .get = get,
    .name = name,
    .detail_title = {"帮扶发放：%s", "Aid grant: %s"},
    .audit_table = "aid_grants",
    .detail = detail,
    .heading = heading,
    .keys = keys,
    .private_size = sizeof(struct grants),
    .opened = opened,
};

static struct tui_view *open_tab(struct tui_app *app)
{
    return tui_screen_new(app, &aid_grant_screen, 0);
}

const struct tui_tab_ops tui_tab_aid = {"帮扶", "Aid", open_tab};
