/* 会员: the member list (live search by name, ID number or phone), the
 * detail, and the form. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"
#include "uniondesk/i18n.h"
#include "uniondesk/member.h"
#include "uniondesk/org.h"
#include "uniondesk/privacy.h"
#include "uniondesk/utf8.h"

struct filter {
    int64_t org;
    char status[20];
    int migrant;
};

struct member_tab {
    struct tui_list *list;
    struct filter f;
};

/* ---- the list ---- */

static void to_module_filter(const struct member_tab *t, const char *query, struct ud_member_filter *mf)
{
    memset(mf, 0, sizeof *mf);
    mf->query = query;
    mf->org_subtree = t->f.org != UD_NULL_INT ? t->f.org : 0;
    mf->status = t->f.status[0] ? t->f.status : NULL;
    mf->migrant_only = t->f.migrant;
}

static int fetch(struct tui_app *app, void *ctx, const char *query, const struct ud_page *pg, void *rows,
                 struct ud_cursor *cursors, int *n, struct ud_err *err)
{
    struct ud_member_filter mf;
    to_module_filter(ctx, query, &mf);
    return ud_member_list(app->db, &mf, pg, rows, cursors, n, err);
}

static int count(struct tui_app *app, void *ctx, const char *query, int64_t *c, struct ud_err *err)
{
    struct ud_member_filter mf;
    to_module_filter(ctx, query, &mf);
    return ud_member_count(app->db, &mf, c, err);
}

static void cell(struct tui_app *app, void *ctx, const void *row, int col, char *out, size_t outsz)
{
    (void)ctx;
    const struct ud_member *m = row;
    switch (col) {
    case 0: snprintf(out, outsz, "%s", m->name); break;
    case 1: snprintf(out, outsz, "%s", ud_enum_label(&ud_enum_gender, m->gender)); break;
    case 2: ud_show_id_number(m->id_number, out, outsz); break;
    case 3: ud_show_phone(app->db, m->phone, out, outsz); break;
    case 4: snprintf(out, outsz, "%s", ud_enum_label(&ud_enum_member_status, m->status)); break;
    case 5: snprintf(out, outsz, "%s", m->org_name); break;
    }
}

static int64_t row_id(const void *row)
{
    return ((const struct ud_member *)row)->id;
}

static const struct tui_column columns[] = {
    {"姓名", "name", 8, 0, UD_LEFT, "name"},
    {"性别", "sex", 4, 0, UD_LEFT, NULL},
    {"身份证号", "ID number", 18, 0, UD_LEFT, "id_number"},
    {"电话", "phone", 13, 0, UD_LEFT, NULL},
    {"状态", "status", 4, 0, UD_LEFT, NULL},
    {"所属工会", "union", 16, 1, UD_LEFT, NULL},
};

static const struct tui_list_source source = {sizeof(struct ud_member), columns, 6, fetch, count, cell, NULL, row_id};

static void open_detail(struct tui_app *app, int64_t id);
static void open_form(struct tui_app *app, int64_t id);
static void open_filter(struct tui_app *app, struct member_tab *t);

static void draw_title(struct tui_app *app, struct member_tab *t, WINDOW *w, int wdt)
{
    char title[512], filt[400] = "";
    if (t->f.org != UD_NULL_INT) {
        char name[200];
        ud_ref_org.display(app->db, t->f.org, name, sizeof name);
        snprintf(filt + strlen(filt), sizeof filt - strlen(filt), T(" 组织：%s及下级", " org: %s and below"), name);
    }
    if (t->f.status[0])
        snprintf(filt + strlen(filt), sizeof filt - strlen(filt), T(" 状态：%s", " status: %s"),
                 ud_enum_label(&ud_enum_member_status, t->f.status));
    if (t->f.migrant)
        snprintf(filt + strlen(filt), sizeof filt - strlen(filt), "%s", T(" 仅外来务工", " migrants only"));
    char total[32];
    tui_list_count_text(t->list, total, sizeof total);
    if (t->list->total_valid)
        snprintf(title, sizeof title, T("会员  共 %s 人%s%s", "Members  %s%s%s"), total,
                 filt[0] ? T("  筛选：", "  filter:") : "", filt);
    else
        snprintf(title, sizeof title, "%s", T("会员", "Members"));
    tui_put(w, 0, 0, title, wdt, UD_LEFT, tui_attr(TE_HEADER));
}

static void list_draw(struct tui_app *app, struct tui_view *v, WINDOW *w, int h, int wdt)
{
    struct member_tab *t = v->data;
    draw_title(app, t, w, wdt);
    const char *label = T("搜索（/ 姓名、身份证号或电话）：", "search (/ name, ID number or phone): ");
    int lw = ud_str_width(label);
    tui_puts(w, 1, 0, label, t->list->searching ? tui_attr(TE_HEADER) : tui_attr(TE_DIM));
    tui_list_draw(app, t->list, w, 2, h - 2, wdt);
    tui_edit_draw(&t->list->search, w, 1, lw, wdt - lw - 1, t->list->searching,
                  t->list->searching ? tui_attr(TE_FIELD_ACTIVE) : tui_attr(TE_FIELD));
}

static int list_key(struct tui_app *app, struct tui_view *v, int key)
{
    struct member_tab *t = v->data;
    if (tui_list_key(app, t->list, key))
        return 1;
    const struct ud_member *m = tui_list_selected(t->list);
    switch (key) {
    case TK_ENTER:
    case TK_KEY(KEY_ENTER):
    case '\r':
        if (m)
            open_detail(app, m->id);
        return 1;
    case 'n':
        if (tui_can_write(app, UD_ROLE_CLERK))
            open_form(app, 0);
        return 1;
    case 'e':
        if (m && tui_can_write(app, UD_ROLE_CLERK))
            open_form(app, m->id);
        return 1;
    case 'f':
        open_filter(app, t);
        return 1;
    case 'd':
        if (m && tui_can_write(app, UD_ROLE_OFFICER)) {
            char q[300], idm[UD_IDNUM_SZ];
            ud_show_id_number(m->id_number, idm, sizeof idm);
            snprintf(q, sizeof q, T("删除会员 %s（%s）？", "Delete member %s (%s)?"), m->name, idm);
            if (tui_confirm(app, q)) {
                struct ud_err err;
                ud_err_clear(&err);
                if (ud_member_delete(app->db, m->id, m->version, &err) != UD_OK) {
                    tui_error(app, &err);
                } else {
                    tui_changed(app);
                    tui_message(app, "%s", T("已删除", "deleted"));
                }
                tui_list_reload(app, t->list);
            }
        }
        return 1;
    }
    return 0;
}

static void list_free(struct tui_view *v)
{
    struct member_tab *t = v->data;
    tui_list_free(t->list);
    free(t);
}

static const struct tui_keyhelp list_keys[] = {
    {"/", "搜索", "search"}, {"Enter", "详情", "open"}, {"n", "新建", "new"}, {"e", "修改", "edit"},
    {"d", "删除", "delete"}, {"f", "筛选", "filter"}, {"o", "排序", "sort"}, TUI_KEYS_END};

static void list_resume(struct tui_app *app, struct tui_view *v)
{
    struct member_tab *t = v->data;
    tui_list_reload(app, t->list);
}

static const struct tui_view_ops list_ops = {list_draw, list_key, list_free, NULL, list_resume};

static struct tui_view *open_tab(struct tui_app *app)
{
    struct member_tab *t = calloc(1, sizeof *t);
    struct tui_view *v = calloc(1, sizeof *v);
    if (!t || !v) {
        free(t);
        free(v);
        return NULL;
    }
    t->f.org = UD_NULL_INT;
    t->list = tui_list_new(&source, t, "name", 0);
    v->ops = &list_ops;
    v->keys = list_keys;
    v->data = t;
    tui_list_home(app, t->list);
    return v;
}

const struct tui_tab_ops tui_tab_members = {"会员", "Members", open_tab};

/* ---- the filter form ---- */

#define S struct filter
static const struct ud_field filter_fields[] = {
    UD_FIELD_REF(S, "org", "组织（含下级）", "organization (and below)", org, &ud_ref_org, 0),
    UD_FIELD_ENUM(S, "status", "会籍状态", "status", status, &ud_enum_member_status, 0),
    UD_FIELD_OF(S, UD_F_BOOL, "migrant", "仅外来务工", "migrants only", migrant, 0),
    UD_FIELD_END,
};
#undef S

static int filter_save(struct tui_app *app, struct tui_form *form, void *ctx, struct ud_err *err)
{
    struct member_tab *t = ctx;
    struct filter f;
    ud_fields_clear(filter_fields, &f);
    if (tui_form_apply(app, form, filter_fields, &f, err) != UD_OK)
        return err->status;
    t->f = f;
    tui_list_home(app, t->list);
    return UD_OK;
}

static void open_filter(struct tui_app *app, struct member_tab *t)
{
    struct tui_form *form = tui_form_new(T("会员筛选（留空表示不限；F2 应用）", "Member filter (empty = any; F2 applies)"));
    if (!form)
        return;
    tui_form_fill(app, form, filter_fields, &t->f);
    struct tui_form_field *org = tui_form_find(form, "org");
    if (org)
        org->pick = tui_pick_org_any;
    form->save = filter_save;
    form->ctx = t;
    tui_form_open(app, form);
}

/* ---- the detail ---- */

struct detail {
    int64_t id;
    struct ud_member m;
    struct tui_detail d;
    int loaded;
};

static void detail_load(struct tui_app *app, struct detail *dt)
{
    struct ud_err err;
    ud_err_clear(&err);
    tui_detail_clear(&dt->d);
    dt->loaded = ud_member_get(app->db, dt->id, &dt->m, &err) == UD_OK;
    if (!dt->loaded) {
        tui_error(app, &err);
        return;
    }
    tui_detail_fields(app, &dt->d, ud_member_fields, &dt->m);
    tui_detail_section(&dt->d, T("记录", "record"));
    char v[64];
    snprintf(v, sizeof v, "%lld", (long long)dt->m.version);
    tui_detail_add(&dt->d, T("版本", "version"), v, 0);
    tui_detail_add(&dt->d, T("录入时间", "created"), dt->m.created_at, 0);
    tui_detail_add(&dt->d, T("修改时间", "updated"), dt->m.updated_at, 0);
}

static void detail_draw(struct tui_app *app, struct tui_view *v, WINDOW *w, int h, int wdt)
{
    struct detail *dt = v->data;
    char title[300];
    snprintf(title, sizeof title, T("会员：%s", "Member: %s"), dt->loaded ? dt->m.name : "");
    tui_put(w, 0, 0, title, wdt, UD_LEFT, tui_attr(TE_HEADER));
    tui_detail_draw(app, &dt->d, w, 1, h - 1, wdt);
}

static int detail_key(struct tui_app *app, struct tui_view *v, int key)
{
    struct detail *dt = v->data;
    switch (key) {
    case 'i':
        if (dt->loaded && tui_detail_reveal(app, &dt->d, "members", dt->id))
            detail_load(app, dt);
        return 1;
    case 'e':
        if (dt->loaded && tui_can_write(app, UD_ROLE_CLERK))
            open_form(app, dt->id);
        return 1;
    case 'd':
        if (dt->loaded && tui_can_write(app, UD_ROLE_OFFICER)) {
            char q[300], idm[UD_IDNUM_SZ];
            ud_show_id_number(dt->m.id_number, idm, sizeof idm);
            snprintf(q, sizeof q, T("删除会员 %s（%s）？", "Delete member %s (%s)?"), dt->m.name, idm);
            if (tui_confirm(app, q)) {
                struct ud_err err;
                ud_err_clear(&err);
                if (ud_member_delete(app->db, dt->id, dt->m.version, &err) != UD_OK) {
                    tui_error(app, &err);
                } else {
                    tui_changed(app);
                    tui_pop(app);
                    tui_message(app, "%s", T("已删除", "deleted"));
                }
            }
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
    struct detail *dt = v->data;
    dt->d.revealed = 0; /* a reveal lasts while the detail stays open */
    detail_load(app, dt);
}

static const struct tui_keyhelp detail_keys[] = {
    {"i", "完整证号", "whole ID"}, {"e", "修改", "edit"}, {"d", "删除", "delete"}, {"Esc", "返回", "back"}, TUI_KEYS_END};

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

/* ---- the form ---- */

struct form_ctx {
    int64_t id; /* 0: new */
    int64_t version;
};

static int form_save(struct tui_app *app, struct tui_form *form, void *ctx, struct ud_err *err)
{
    struct form_ctx *c = ctx;
    struct ud_member m;
    if (c->id) {
        if (ud_member_get(app->db, c->id, &m, err) != UD_OK)
            return err->status;
        m.version = c->version; /* the version the user started from */
    } else {
        ud_member_init(&m);
    }
    if (tui_form_apply(app, form, ud_member_fields, &m, err) != UD_OK)
        return err->status;
    int st = c->id ? ud_member_update(app->db, &m, err) : ud_member_create(app->db, &m, err);
    if (st == UD_OK && !c->id)
        tui_message(app, T("已添加会员 %s", "member %s added"), m.name);
    return st;
}

static void fill_form(struct tui_app *app, struct tui_form *form, const struct ud_member *m)
{
    form->n = 0;
    tui_form_fill(app, form, ud_member_fields, m);
    struct tui_form_field *org = tui_form_find(form, "org");
    if (org)
        org->pick = tui_pick_org_member;
}

static int form_reload(struct tui_app *app, struct tui_form *form, void *ctx)
{
    struct form_ctx *c = ctx;
    struct ud_member m;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_member_get(app->db, c->id, &m, &err) != UD_OK) {
        tui_error(app, &err);
        return err.status;
    }
    c->version = m.version;
    int cur = form->cur;
    fill_form(app, form, &m);
    form->cur = cur < form->n ? cur : 0;
    return UD_OK;
}

static void open_form(struct tui_app *app, int64_t id)
{
    struct ud_member m;
    struct ud_err err;
    ud_err_clear(&err);
    if (id && ud_member_get(app->db, id, &m, &err) != UD_OK) {
        tui_error(app, &err);
        return;
    }
    if (!id)
        ud_member_init(&m);
    struct form_ctx *c = calloc(1, sizeof *c);
    char title[300];
    snprintf(title, sizeof title, id ? T("修改会员：%s", "Edit member: %s") : T("新会员%s", "New member%s"),
             id ? m.name : "");
    struct tui_form *form = tui_form_new(title);
    if (!c || !form) {
        free(c);
        free(form);
        return;
    }
    c->id = id;
    c->version = id ? m.version : 0;
    fill_form(app, form, &m);
    form->save = form_save;
    form->reload = id ? form_reload : NULL;
    form->ctx = c;
    form->free_ctx = free;
    tui_form_open(app, form);
}
