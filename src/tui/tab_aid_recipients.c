/* 帮扶: the recipients (困难职工档案) — list, detail with the person's
 * grants, form. */
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

/* ==== recipients (困难职工档案) ==== */

struct rcp_filter {
    char status[16];
    char hardship_level[16];
    int64_t org;
};

struct rcp_tab {
    struct tui_list *list;
    struct rcp_filter f;
};

static void rcp_module_filter(const struct rcp_tab *t, const char *query, struct ud_aid_recipient_filter *rf)
{
    memset(rf, 0, sizeof *rf);
    rf->query = query;
    rf->status = t->f.status[0] ? t->f.status : NULL;
    rf->hardship_level = t->f.hardship_level[0] ? t->f.hardship_level : NULL;
    rf->org_subtree = t->f.org != UD_NULL_INT ? t->f.org : 0;
}

static int rcp_fetch(struct tui_app *app, void *ctx, const char *query, const struct ud_page *pg, void *rows,
                     struct ud_cursor *cursors, int *n, struct ud_err *err)
{
    struct ud_aid_recipient_filter rf;
    rcp_module_filter(ctx, query, &rf);
    return ud_aid_recipient_list(app->db, &rf, pg, rows, cursors, n, err);
}

static int rcp_count(struct tui_app *app, void *ctx, const char *query, int64_t *c, struct ud_err *err)
{
    struct ud_aid_recipient_filter rf;
    rcp_module_filter(ctx, query, &rf);
    return ud_aid_recipient_count(app->db, &rf, c, err);
}

static void rcp_cell(struct tui_app *app, void *ctx, const void *row, int col, char *out, size_t outsz)
{
    (void)app;
    (void)ctx;
    const struct ud_aid_recipient *r = row;
    switch (col) {
    case 0: snprintf(out, outsz, "%s", r->member_name); break;
    case 1: ud_mask_id_number(r->id_number, out, outsz); break;
    case 2: snprintf(out, outsz, "%s", ud_enum_label(&ud_enum_hardship_level, r->hardship_level)); break;
    case 3: snprintf(out, outsz, "%s", ud_enum_label(&ud_enum_hardship_category, r->hardship_category)); break;
    case 4: snprintf(out, outsz, "%s", r->registered_on); break;
    case 5: snprintf(out, outsz, "%s", ud_enum_label(&ud_enum_recipient_status, r->status)); break;
    case 6: snprintf(out, outsz, "%s", r->org_name); break;
    }
}

static int64_t rcp_row_id(const void *row)
{
    return ((const struct ud_aid_recipient *)row)->id;
}

static const struct tui_column rcp_columns[] = {
    {"姓名", "name", 8, 0, UD_LEFT, "name"},
    {"身份证号", "ID number", 18, 0, UD_LEFT, NULL},
    {"困难程度", "level", 8, 0, UD_LEFT, NULL},
    {"困难类别", "category", 8, 0, UD_LEFT, NULL},
    {"建档日期", "registered", 10, 0, UD_LEFT, "registered_on"},
    {"状态", "status", 6, 0, UD_LEFT, NULL},
    {"所属工会", "union", 10, 1, UD_LEFT, NULL},
};

static const struct tui_list_source rcp_source = {sizeof(struct ud_aid_recipient), rcp_columns, 7, rcp_fetch,
                                                  rcp_count, rcp_cell, NULL, rcp_row_id};

static void open_rcp_filter(struct tui_app *app, struct rcp_tab *t);
static void open_rcp_form(struct tui_app *app, int64_t id);

static void rcp_list_draw(struct tui_app *app, struct tui_view *v, WINDOW *w, int h, int wdt)
{
    struct rcp_tab *t = v->data;
    char filt[400] = "", title[600];
    size_t n = 0;
    if (t->f.status[0])
        n += (size_t)snprintf(filt + n, sizeof filt - n, " %s", ud_enum_label(&ud_enum_recipient_status, t->f.status));
    if (t->f.hardship_level[0] && n < sizeof filt)
        n += (size_t)snprintf(filt + n, sizeof filt - n, " %s", ud_enum_label(&ud_enum_hardship_level, t->f.hardship_level));
    if (t->f.org != UD_NULL_INT && n < sizeof filt) {
        char name[200];
        ud_ref_org.display(app->db, t->f.org, name, sizeof name);
        snprintf(filt + n, sizeof filt - n, T(" %s及下级", " %s and below"), name);
    }
    if (t->list->total_valid)
        snprintf(title, sizeof title, T("困难职工档案  共 %lld 人%s%s", "Aid recipients  %lld%s%s"), (long long)t->list->total,
                 filt[0] ? T("  筛选：", "  filter:") : "", filt);
    else
        snprintf(title, sizeof title, "%s", T("困难职工档案", "Aid recipients"));
    tui_put(w, 0, 0, title, wdt, UD_LEFT, tui_attr(TE_HEADER));
    const char *label = T("搜索（/ 姓名或身份证号）：", "search (/ name or ID number): ");
    int lw = ud_str_width(label);
    tui_puts(w, 1, 0, label, t->list->searching ? tui_attr(TE_HEADER) : tui_attr(TE_DIM));
    tui_list_draw(app, t->list, w, 2, h - 2, wdt);
    tui_edit_draw(&t->list->search, w, 1, lw, wdt - lw - 1, t->list->searching,
                  t->list->searching ? tui_attr(TE_FIELD_ACTIVE) : tui_attr(TE_FIELD));
}

static int rcp_delete(struct tui_app *app, const struct ud_aid_recipient *r)
{
    if (!tui_may(app, UD_ACT_AID_DELETE))
        return 0;
    char q[400];
    snprintf(q, sizeof q, T("删除 %s 的困难职工档案？", "Delete the recipient record of %s?"), r->member_name);
    if (!tui_confirm(app, q))
        return 0;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_aid_recipient_delete(app->db, r->id, r->version, &err) != UD_OK) {
        tui_error(app, &err);
        return 0;
    }
    tui_message(app, "%s", T("已删除", "deleted"));
    return 1;
}

static int rcp_list_key(struct tui_app *app, struct tui_view *v, int key)
{
    struct rcp_tab *t = v->data;
    if (tui_list_key(app, t->list, key))
        return 1;
    const struct ud_aid_recipient *r = tui_list_selected(t->list);
    switch (key) {
    case TK_ENTER:
        if (r)
            aid_open_recipient_detail(app, r->id);
        return 1;
    case 'n':
        if (tui_may(app, UD_ACT_AID_WRITE))
            open_rcp_form(app, 0);
        return 1;
    case 'e':
        if (r && tui_may(app, UD_ACT_AID_WRITE))
            open_rcp_form(app, r->id);
        return 1;
    case 'd':
        if (r) {
            struct ud_aid_recipient copy = *r;
            if (rcp_delete(app, &copy))
                tui_list_reload(app, t->list);
        }
        return 1;
    case 'f':
        open_rcp_filter(app, t);
        return 1;
    }
    return 0;
}

static void rcp_list_free(struct tui_view *v)
{
    struct rcp_tab *t = v->data;
    tui_list_free(t->list);
    free(t);
}

static const struct tui_keyhelp rcp_list_keys[] = {
    {"/", "搜索", "search"}, {"Enter", "详情", "open"}, {"n", "建档", "new"},   {"e", "修改", "edit"},
    {"d", "删除", "delete"}, {"f", "筛选", "filter"},   {"o", "排序", "sort"}, {"Esc", "发放列表", "grants"},
    TUI_KEYS_END};

static void rcp_list_resume(struct tui_app *app, struct tui_view *v)
{
    struct rcp_tab *t = v->data;
    tui_list_reload(app, t->list);
}

static const struct tui_view_ops rcp_list_ops = {rcp_list_draw, rcp_list_key, rcp_list_free, NULL, rcp_list_resume};

void aid_open_recipients(struct tui_app *app)
{
    struct rcp_tab *t = calloc(1, sizeof *t);
    struct tui_view *v = calloc(1, sizeof *v);
    if (!t || !v || !(t->list = tui_list_new(&rcp_source, t, "name", 0))) {
        free(t);
        free(v);
        return;
    }
    t->f.org = UD_NULL_INT;
    v->ops = &rcp_list_ops;
    v->keys = rcp_list_keys;
    v->data = t;
    tui_push(app, v);
    tui_list_home(app, t->list);
}

/* ---- recipient filters ---- */

#define S struct rcp_filter
static const struct ud_field rcp_filter_fields[] = {
    UD_FIELD_ENUM(S, "status", "档案状态", "status", status, &ud_enum_recipient_status, 0),
    UD_FIELD_ENUM(S, "hardship_level", "困难程度", "hardship level", hardship_level, &ud_enum_hardship_level, 0),
    UD_FIELD_REF(S, "org", "所属工会（含下级）", "union (and below)", org, &ud_ref_org, 0),
    UD_FIELD_END,
};
#undef S

static int rcp_filter_save(struct tui_app *app, struct tui_form *form, void *ctx, struct ud_err *err)
{
    struct rcp_tab *t = ctx;
    struct rcp_filter f;
    ud_fields_clear(rcp_filter_fields, &f);
    if (tui_form_apply(app, form, rcp_filter_fields, &f, err) != UD_OK)
        return err->status;
    t->f = f;
    tui_list_home(app, t->list);
    return UD_OK;
}

static void open_rcp_filter(struct tui_app *app, struct rcp_tab *t)
{
    struct tui_form *form =
        tui_form_new(T("困难职工档案筛选（留空表示不限；F2 应用）", "Recipient filter (empty = any; F2 applies)"));
    if (!form)
        return;
    tui_form_fill(app, form, rcp_filter_fields, &t->f);
    struct tui_form_field *org = tui_form_find(form, "org");
    if (org)
        org->pick = tui_pick_org_any;
    form->save = rcp_filter_save;
    form->ctx = t;
    tui_form_open(app, form);
}

/* ---- the recipient detail, with the person's grants ---- */

#define RCP_GRANTS_SHOWN 12

struct rcp_detail {
    int64_t id;
    struct ud_aid_recipient r;
    struct tui_detail d;
    int loaded;
};

static void rcp_detail_grants(struct tui_app *app, struct rcp_detail *dt)
{
    struct ud_aid_grant_filter gf;
    memset(&gf, 0, sizeof gf);
    gf.query = dt->r.id_number;
    int64_t n = 0, sum = 0;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_aid_grant_sum(app->db, &gf, &n, &sum, &err) != UD_OK) {
        tui_error(app, &err);
        return;
    }
    char line[300], amount[32];
    ud_format_money(sum, amount, sizeof amount);
    tui_detail_section(&dt->d, T("帮扶发放（g 查看全部）", "grants (g lists them)"));
    snprintf(line, sizeof line, T("%lld 笔，%s 元", "%lld, %s yuan"), (long long)n, amount);
    tui_detail_add(&dt->d, T("合计", "total"), line, 0);
    struct ud_aid_grant *rows = calloc(RCP_GRANTS_SHOWN, sizeof *rows);
    struct ud_cursor cur[RCP_GRANTS_SHOWN];
    struct ud_page pg;
    memset(&pg, 0, sizeof pg);
    pg.limit = RCP_GRANTS_SHOWN;
    pg.sort = "granted_on";
    pg.desc = 1;
    int got = 0;
    if (rows && ud_aid_grant_list(app->db, &gf, &pg, rows, cur, &got, &err) == UD_OK)
        for (int i = 0; i < got; i++) {
            ud_format_money(rows[i].amount_fen, amount, sizeof amount);
            snprintf(line, sizeof line, T("%s  %s 元  %s", "%s  %s yuan  %s"), aid_program_label(rows[i].program), amount,
                     aid_grant_status_label(rows[i].status));
            tui_detail_add(&dt->d, rows[i].granted_on, line, 0);
        }
    free(rows);
}

static void rcp_detail_load(struct tui_app *app, struct rcp_detail *dt)
{
    struct ud_err err;
    ud_err_clear(&err);
    tui_detail_clear(&dt->d);
    dt->loaded = ud_aid_recipient_get(app->db, dt->id, &dt->r, &err) == UD_OK;
    if (!dt->loaded) {
        tui_error(app, &err);
        return;
    }
    const struct ud_aid_recipient *r = &dt->r;
    char v[600];
    tui_detail_add(&dt->d, T("姓名", "name"), r->member_name, 0);
    tui_detail_add(&dt->d, T("性别", "sex"), ud_enum_label(&ud_enum_gender, r->gender), 0);
    tui_detail_id(&dt->d, r->id_number, v, sizeof v);
    tui_detail_add(&dt->d, T("身份证号", "ID number"), v, 0);
    tui_detail_add(&dt->d, T("所属工会", "union"), r->org_name, 0);
    for (const struct ud_field *f = ud_aid_recipient_fields; f->name; f++) {
        if (!strcmp(f->name, "id_number"))
            continue;
        ud_field_format(app->db, f, r, UD_FMT_DISPLAY, v, sizeof v);
        tui_detail_add(&dt->d, ud_field_label(f), v, 0);
    }
    rcp_detail_grants(app, dt);
    tui_detail_section(&dt->d, T("记录", "record"));
    snprintf(v, sizeof v, "%lld", (long long)r->version);
    tui_detail_add(&dt->d, T("版本", "version"), v, 0);
    tui_detail_add(&dt->d, T("录入时间", "created"), r->created_at, 0);
    tui_detail_add(&dt->d, T("修改时间", "updated"), r->updated_at, 0);
}

static void rcp_detail_draw(struct tui_app *app, struct tui_view *v, WINDOW *w, int h, int wdt)
{
    struct rcp_detail *dt = v->data;
    char title[300];
    snprintf(title, sizeof title, T("困难职工档案：%s", "Aid recipient: %s"), dt->loaded ? dt->r.member_name : "");
    tui_put(w, 0, 0, title, wdt, UD_LEFT, tui_attr(TE_HEADER));
    tui_detail_draw(app, &dt->d, w, 1, h - 1, wdt);
}

static int rcp_detail_key(struct tui_app *app, struct tui_view *v, int key)
{
    struct rcp_detail *dt = v->data;
    if (!dt->loaded)
        return 0;
    switch (key) {
    case 'i':
        if (tui_detail_reveal(app, &dt->d, "aid_recipients", dt->id))
            rcp_detail_load(app, dt);
        return 1;
    case 'g': {
        struct tui_view *gv = aid_grant_list_new(app, &dt->r);
        if (gv)
            tui_push(app, gv);
        return 1;
    }
    case 'n':
        if (tui_may(app, UD_ACT_AID_WRITE))
            aid_open_grant_form(app, 0, dt->r.member_id, NULL);
        return 1;
    case 'e':
        if (tui_may(app, UD_ACT_AID_WRITE))
            open_rcp_form(app, dt->id);
        return 1;
    case 'd': {
        struct ud_aid_recipient copy = dt->r;
        if (rcp_delete(app, &copy))
            tui_pop(app);
        return 1;
    }
    }
    return tui_detail_key(&dt->d, key, 10);
}

static void rcp_detail_free(struct tui_view *v)
{
    struct rcp_detail *dt = v->data;
    tui_detail_free(&dt->d);
    free(dt);
}

static void rcp_detail_resume(struct tui_app *app, struct tui_view *v)
{
    ((struct rcp_detail *)v->data)->d.revealed = 0; /* a reveal lasts while the detail stays open */
    rcp_detail_load(app, v->data);
}

static const struct tui_keyhelp rcp_detail_keys[] = {
    {"i", "完整证号", "whole ID"}, {"g", "发放记录", "grants"}, {"n", "新发放", "new grant"}, {"e", "修改", "edit"},
    {"d", "删除", "delete"},     {"Esc", "返回", "back"},      TUI_KEYS_END};

static const struct tui_view_ops rcp_detail_ops = {rcp_detail_draw, rcp_detail_key, rcp_detail_free, NULL, rcp_detail_resume};

void aid_open_recipient_detail(struct tui_app *app, int64_t id)
{
    struct rcp_detail *dt = calloc(1, sizeof *dt);
    struct tui_view *v = calloc(1, sizeof *v);
    if (!dt || !v) {
        free(dt);
        free(v);
        return;
    }
    dt->id = id;
    v->ops = &rcp_detail_ops;
    v->keys = rcp_detail_keys;
    v->data = dt;
    tui_push(app, v);
    rcp_detail_load(app, dt);
}

/* ---- the recipient form ---- */

struct rcp_form_ctx {
    int64_t id; /* 0: new */
    int64_t version;
};

static int rcp_form_save(struct tui_app *app, struct tui_form *form, void *ctx, struct ud_err *err)
{
    struct rcp_form_ctx *c = ctx;
    struct ud_aid_recipient r;
    if (c->id) {
        if (ud_aid_recipient_get(app->db, c->id, &r, err) != UD_OK)
            return err->status;
        r.version = c->version;
    } else {
        ud_aid_recipient_init(&r);
    }
    if (tui_form_apply(app, form, ud_aid_recipient_fields, &r, err) != UD_OK)
        return err->status;
    int st = c->id ? ud_aid_recipient_update(app->db, &r, err) : ud_aid_recipient_create(app->db, &r, err);
    if (st == UD_OK && !c->id)
        tui_message(app, T("已为 %s 建立困难职工档案", "recipient record created for %s"), r.member_name);
    return st;
}

static void rcp_form_fill(struct tui_app *app, struct tui_form *form, const struct ud_aid_recipient *r, int editing)
{
    form->n = 0;
    tui_form_fill(app, form, ud_aid_recipient_fields, r);
    struct tui_form_field *f = tui_form_find(form, "id_number");
    if (!f)
        return;
    if (editing) {
        f->readonly = 1; /* a record stays with its member */
        snprintf(f->shown, sizeof f->shown, "%s", r->member_name);
    } else {
        f->pick = tui_pick_member;
    }
}

static int rcp_form_reload(struct tui_app *app, struct tui_form *form, void *ctx)
{
    struct rcp_form_ctx *c = ctx;
    struct ud_aid_recipient r;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_aid_recipient_get(app->db, c->id, &r, &err) != UD_OK) {
        tui_error(app, &err);
        return err.status;
    }
    c->version = r.version;
    int cur = form->cur;
    rcp_form_fill(app, form, &r, 1);
    form->cur = cur < form->n ? cur : 0;
    return UD_OK;
}

static void open_rcp_form(struct tui_app *app, int64_t id)
{
    struct ud_aid_recipient r;
    struct ud_err err;
    ud_err_clear(&err);
    if (id && ud_aid_recipient_get(app->db, id, &r, &err) != UD_OK) {
        tui_error(app, &err);
        return;
    }
    if (!id)
        ud_aid_recipient_init(&r);
    struct rcp_form_ctx *c = calloc(1, sizeof *c);
    char title[300];
    if (id)
        snprintf(title, sizeof title, T("修改困难职工档案：%s（F2 保存）", "Edit recipient record: %s (F2 saves)"), r.member_name);
    else
        snprintf(title, sizeof title, "%s",
                 T("新建困难职工档案（身份证号：Enter 搜索会员；F2 保存）", "New recipient record (ID number: Enter to find the member; F2 saves)"));
    struct tui_form *form = tui_form_new(title);
    if (!c || !form) {
        free(c);
        free(form);
        return;
    }
    c->id = id;
    c->version = id ? r.version : 0;
    rcp_form_fill(app, form, &r, id != 0);
    form->save = rcp_form_save;
    form->reload = id ? rcp_form_reload : NULL;
    form->ctx = c;
    form->free_ctx = free;
    tui_form_open(app, form);
}
