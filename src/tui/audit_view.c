/* 审计日志: the audit log for admins (A in the organization tab), newest
 * first, a keyset window over the query (only the visible rows in
 * memory), filtered by table, user, action and dates. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit_view.h"
#include "record.h"
#include "uniondesk/audit.h"
#include "uniondesk/i18n.h"
#include "uniondesk/parse.h"

struct filter {
    char table[32];
    char user[100];
    char action[16];
    char from[UD_DATE_SZ];
    char to[UD_DATE_SZ];
};

struct audit_view {
    struct tui_list *list;
    struct filter f;
};

static void to_module_filter(const struct filter *f, struct ud_audit_filter *af)
{
    memset(af, 0, sizeof *af);
    af->table = f->table[0] ? f->table : NULL;
    af->user = f->user[0] ? f->user : NULL;
    af->action = f->action[0] ? f->action : NULL;
    af->from = f->from[0] ? f->from : NULL;
    af->to = f->to[0] ? f->to : NULL;
}

static int fetch(struct tui_app *app, void *ctx, const char *query, const struct ud_page *pg, void *rows,
                 struct ud_cursor *cursors, int *n, struct ud_err *err)
{
    (void)query;
    struct audit_view *t = ctx;
    struct ud_audit_filter af;
    to_module_filter(&t->f, &af);
    return ud_audit_list(app->db, &af, pg, rows, cursors, n, err);
}

static void cell(struct tui_app *app, void *ctx, const void *row, int col, char *out, size_t outsz)
{
    (void)app;
    (void)ctx;
    const struct ud_audit *a = row;
    switch (col) {
    case 0: snprintf(out, outsz, "%.19s", a->at); break;
    case 1: snprintf(out, outsz, "%s", a->login); break;
    case 2: snprintf(out, outsz, "%s", a->os_login[0] ? a->os_login : "-"); break;
    case 3: snprintf(out, outsz, "%s", a->action); break;
    case 4: snprintf(out, outsz, "%s", a->tbl); break;
    case 5: snprintf(out, outsz, "%lld", (long long)a->row_id); break;
    case 6: snprintf(out, outsz, "%s", a->summary); break;
    }
}

static int64_t row_id(const void *row)
{
    return ((const struct ud_audit *)row)->id;
}

static const struct tui_column columns[] = {
    {"时间", "time", 19, 0, UD_LEFT, NULL},      {"用户", "user", 8, 0, UD_LEFT, NULL},
    {"系统账户", "OS user", 8, 0, UD_LEFT, NULL}, {"操作", "action", 6, 0, UD_LEFT, NULL},
    {"表", "table", 10, 0, UD_LEFT, NULL},        {"行", "row", 6, 0, UD_RIGHT, NULL},
    {"内容", "what", 20, 1, UD_LEFT, NULL},
};

static const struct tui_list_source source = {sizeof(struct ud_audit), columns, 7, fetch, NULL, cell, NULL, row_id, NULL};

static void open_filter(struct tui_app *app, struct audit_view *t);
static void open_entry(struct tui_app *app, const struct ud_audit *a);

static void draw(struct tui_app *app, struct tui_view *v, WINDOW *w, int h, int wdt)
{
    struct audit_view *t = v->data;
    char title[400], filt[300] = "";
    const struct filter *f = &t->f;
    if (f->table[0])
        snprintf(filt + strlen(filt), sizeof filt - strlen(filt), T(" 表：%s", " table: %s"), f->table);
    if (f->user[0])
        snprintf(filt + strlen(filt), sizeof filt - strlen(filt), T(" 用户：%s", " user: %s"), f->user);
    if (f->action[0])
        snprintf(filt + strlen(filt), sizeof filt - strlen(filt), T(" 操作：%s", " action: %s"), f->action);
    if (f->from[0] || f->to[0])
        snprintf(filt + strlen(filt), sizeof filt - strlen(filt), T(" 日期：%s～%s", " dates: %s..%s"), f->from, f->to);
    snprintf(title, sizeof title, T("审计日志（最新在前）%s%s", "Audit log (newest first)%s%s"),
             filt[0] ? T("  筛选：", "  filter:") : "", filt);
    tui_put(w, 0, 0, title, wdt, UD_LEFT, tui_attr(TE_HEADER));
    tui_list_draw(app, t->list, w, 1, h - 1, wdt);
}

static int key(struct tui_app *app, struct tui_view *v, int k)
{
    struct audit_view *t = v->data;
    if (k == '/')
        return 1; /* no live search here: f filters */
    if (tui_list_key(app, t->list, k))
        return 1;
    if (k == 'f') {
        open_filter(app, t);
        return 1;
    }
    const struct ud_audit *a = tui_list_selected(t->list);
    if (a && (k == TK_ENTER || k == TK_KEY(KEY_ENTER) || k == '\r')) {
        open_entry(app, a);
        return 1;
    }
    return 0;
}

static void view_free(struct tui_view *v)
{
    struct audit_view *t = v->data;
    tui_list_free(t->list);
    free(t);
}

static void resume(struct tui_app *app, struct tui_view *v)
{
    struct audit_view *t = v->data;
    tui_list_reload(app, t->list);
}

static const struct tui_keyhelp keys[] = {
    {"Enter", "详情", "entry"}, {"f", "筛选", "filter"}, {"Esc", "返回", "back"}, TUI_KEYS_END};

static const struct tui_view_ops ops = {draw, key, view_free, NULL, resume};

void tui_audit_open(struct tui_app *app)
{
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_may(app->db, UD_ACT_AUDIT_READ, &err) != UD_OK) {
        tui_error(app, &err);
        return;
    }
    struct audit_view *t = calloc(1, sizeof *t);
    struct tui_view *v = calloc(1, sizeof *v);
    if (!t || !v) {
        free(t);
        free(v);
        return;
    }
    t->list = tui_list_new(&source, t, NULL, 1);
    if (!t->list) {
        free(t);
        free(v);
        return;
    }
    v->ops = &ops;
    v->keys = keys;
    v->data = t;
    tui_push(app, v);
    tui_list_home(app, t->list);
}

/* ---- the filter form ---- */

#define S struct filter
static const struct ud_field filter_fields[] = {
    UD_FIELD_TEXT(S, "table", "表", "table", table, 30, 0),
    UD_FIELD_TEXT(S, "user", "用户或系统账户", "user or OS account", user, 60, 0),
    UD_FIELD_TEXT(S, "action", "操作（insert/update/delete/read/print）", "action (insert/update/delete/read/print)",
                  action, 10, 0),
    UD_FIELD_OF(S, UD_F_DATE, "from", "起始日期", "from", from, 0),
    UD_FIELD_OF(S, UD_F_DATE, "to", "截止日期", "to", to, 0),
    UD_FIELD_END,
};
#undef S

static int filter_save(struct tui_app *app, struct tui_form *form, void *ctx, struct ud_err *err)
{
    struct audit_view *t = ctx;
    struct filter f;
    ud_fields_clear(filter_fields, &f);
    if (tui_form_apply(app, form, filter_fields, &f, err) != UD_OK)
        return err->status;
    struct ud_audit_filter af;
    to_module_filter(&f, &af);
    if (ud_audit_filter_check(&af, err) != UD_OK)
        return err->status;
    t->f = f;
    tui_list_home(app, t->list);
    char total[32];
    tui_list_count_text(t->list, total, sizeof total);
    tui_message(app, T("已筛选审计日志，共 %s 条", "audit log filtered: %s entries"), total);
    return UD_OK;
}

static void open_filter(struct tui_app *app, struct audit_view *t)
{
    struct tui_form *form = tui_form_new(T("审计日志筛选（留空表示不限；F2 应用）", "Audit log filter (empty = any; F2 applies)"));
    if (!form)
        return;
    tui_form_fill(app, form, filter_fields, &t->f);
    form->save = filter_save;
    form->ctx = t;
    tui_form_open(app, form);
}

/* ---- one entry: who, when, and each column before and after ---- */

struct entry {
    struct ud_audit a;
    struct tui_detail d;
};

static int add_change(const char *key, const char *before, const char *after, void *ctx)
{
    struct tui_detail *d = ctx;
    char v[512];
    if (before && after)
        snprintf(v, sizeof v, "%s → %s", before, after);
    else
        snprintf(v, sizeof v, "%s", before ? before : after ? after : "");
    /* an update's changed columns stand out */
    tui_detail_add(d, key, v, before && after && strcmp(before, after) != 0);
    return 0;
}

static void entry_draw(struct tui_app *app, struct tui_view *v, WINDOW *w, int h, int wdt)
{
    struct entry *e = v->data;
    char title[200];
    snprintf(title, sizeof title, T("审计记录 %lld", "Audit entry %lld"), (long long)e->a.id);
    tui_put(w, 0, 0, title, wdt, UD_LEFT, tui_attr(TE_HEADER));
    tui_detail_draw(app, &e->d, w, 1, h - 1, wdt);
}

static int entry_key(struct tui_app *app, struct tui_view *v, int k)
{
    (void)app;
    struct entry *e = v->data;
    return tui_detail_key(&e->d, k, 10);
}

static void entry_free(struct tui_view *v)
{
    struct entry *e = v->data;
    tui_detail_free(&e->d);
    free(e);
}

static const struct tui_keyhelp entry_keys[] = {{"Esc", "返回", "back"}, TUI_KEYS_END};
static const struct tui_view_ops entry_ops = {entry_draw, entry_key, entry_free, NULL, NULL};

static void open_entry(struct tui_app *app, const struct ud_audit *a)
{
    struct entry *e = calloc(1, sizeof *e);
    struct tui_view *v = calloc(1, sizeof *v);
    if (!e || !v) {
        free(e);
        free(v);
        return;
    }
    e->a = *a;
    char row[32];
    tui_detail_add(&e->d, T("时间", "time"), a->at, 0);
    tui_detail_add(&e->d, T("用户", "user"), a->login, 0);
    tui_detail_add(&e->d, T("系统账户", "OS account"), a->os_login[0] ? a->os_login : "-", 0);
    tui_detail_add(&e->d, T("操作", "action"), a->action, 0);
    tui_detail_add(&e->d, T("表", "table"), a->tbl, 0);
    snprintf(row, sizeof row, "%lld", (long long)a->row_id);
    tui_detail_add(&e->d, T("行", "row"), row, 0);
    tui_detail_section(&e->d, T("内容（修改前 → 修改后；! 为改动的列）", "content (before → after; ! marks a change)"));
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_audit_changes(app->db, a->id, add_change, &e->d, &err) != UD_OK)
        tui_error(app, &err);
    v->ops = &entry_ops;
    v->keys = entry_keys;
    v->data = e;
    tui_push(app, v);
}
