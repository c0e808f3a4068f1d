/* The record screens' one implementation (see screen.h): the list view
 * with its title, search line and filter form; the detail view; the form
 * of a new or changed record; the delete question; the key table that
 * drives dispatch, key bar and help. */
#include "screen.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "uniondesk/enums.h"
#include "uniondesk/i18n.h"
#include "uniondesk/privacy.h"
#include "uniondesk/utf8.h"

int64_t tui_scr_version(const struct tui_scr *s, const void *rec)
{
    int64_t v;
    memcpy(&v, (const char *)rec + s->def->version_off, sizeof v);
    return v;
}

/* A descriptor's text with its one %s filled (texts are data, not formats). */
static void fill1(char *out, size_t outsz, const char *tmpl, const char *arg)
{
    const char *at = strstr(tmpl, "%s");
    if (at)
        snprintf(out, outsz, "%.*s%s%s", (int)(at - tmpl), tmpl, arg, at + 2);
    else
        snprintf(out, outsz, "%s", tmpl);
}

static int64_t rec_id(const struct tui_scr *s, const void *rec)
{
    return s->def->src.row_id(rec);
}

static void name_of(const struct tui_scr *s, const void *rec, int longer, char *out, size_t outsz)
{
    out[0] = '\0';
    if (rec && s->def->name)
        s->def->name(rec, longer, out, outsz);
}

/* Runs the key's action if the key is in the table for `where` and the
 * module allows it. Returns -1 when the key is not one of them. */
static int run_key(struct tui_app *app, struct tui_scr *s, unsigned where, int key, const void *rec)
{
    for (const struct tui_screen_key *k = s->def->keys; k && k->name; k++) {
        if (k->key != key || !(k->where & where))
            continue;
        if (k->needs_rec && !rec)
            return TUI_STAY;
        if (k->act != UD_ACT_VIEW && !tui_may(app, k->act))
            return TUI_STAY;
        return (int)k->run(app, s, rec);
    }
    return -1;
}

static int may_quietly(struct tui_app *app, enum ud_act act)
{
    struct ud_err err;
    ud_err_clear(&err);
    return act == UD_ACT_VIEW || (!app->readonly && ud_may(app->db, act, &err) == UD_OK);
}

/* The keys of one place (list or detail): the table's keys, with the
 * search, sort and back keys every list or detail has. For the key bar
 * (app given) only those the user's role may use: a clerk's 80 columns
 * are not spent on an officer's keys, which `?` still lists. */
static void build_help(struct tui_app *app, struct tui_scr *s, unsigned where, struct tui_keyhelp *out)
{
    int n = 0;
    if (where == TUI_IN_LIST)
        out[n++] = (struct tui_keyhelp){"/", "搜索", "search"};
    for (const struct tui_screen_key *k = s->def->keys; k && k->name && n < TUI_SCREEN_KEYS_MAX; k++)
        if ((k->where & where) && (!app || may_quietly(app, k->act)))
            out[n++] = (struct tui_keyhelp){k->name, k->zh, k->en};
    if (where == TUI_IN_LIST) {
        out[n++] = (struct tui_keyhelp){"o", "排序", "sort"};
    } else {
        if (s->def->audit_table && (!app || ud_may_reveal_id(app->db)))
            out[n++] = (struct tui_keyhelp){"i", "完整证号", "whole ID"};
        out[n++] = (struct tui_keyhelp){"Esc", "返回", "back"};
    }
    out[n] = (struct tui_keyhelp)TUI_KEYS_END;
}

/* The help of a list or detail: every key of the table, with the role it
 * needs when that is more than a clerk's (the module's answer). */
static void help_of(struct tui_app *app, const struct tui_scr *s, unsigned where, struct tui_detail *d)
{
    (void)app;
    for (const struct tui_keyhelp *k = s->help[where == TUI_IN_LIST ? 0 : 1]; k->key; k++) {
        enum ud_role need = UD_ROLE_NONE;
        for (const struct tui_screen_key *r = s->def->keys; r && r->name; r++)
            if ((r->where & where) && !strcmp(r->name, k->key))
                need = ud_act_role(r->act);
        char label[200];
        if (need > UD_ROLE_CLERK)
            snprintf(label, sizeof label, T("%s（%s及以上）", "%s (%s and above)"), T(k->zh, k->en),
                     ud_enum_label(&ud_enum_role, ud_role_code(need)));
        else
            snprintf(label, sizeof label, "%s", T(k->zh, k->en));
        tui_detail_add(d, k->key, label, 0);
    }
}

/* ---- the list view ---- */

void tui_scr_hint(struct tui_app *app, struct tui_scr *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->hint, sizeof s->hint, fmt, ap);
    va_end(ap);
    tui_message(app, "%s", s->hint);
}

int tui_scr_select(struct tui_app *app, struct tui_scr *s, int64_t id)
{
    return s->list ? tui_list_select_id(app, s->list, id) : 0;
}

void tui_scr_describe_filter(struct tui_app *app, const struct tui_scr *s, char *out, size_t outsz)
{
    size_t n = 0;
    out[0] = '\0';
    for (const struct ud_field *f = s->def->filter_fields; f && f->name && n < outsz; f++) {
        int on = 1;
        if (f->type == UD_F_BOOL)
            memcpy(&on, (const char *)s->filter + f->offset, sizeof on);
        else
            on = !ud_field_is_empty(f, s->filter);
        if (!on)
            continue;
        char v[300];
        ud_field_format(app->db, f, s->filter, UD_FMT_DISPLAY, v, sizeof v);
        if (f->type == UD_F_BOOL)
            n += (size_t)snprintf(out + n, outsz - n, " %s", ud_field_label(f));
        else if (f->type == UD_F_ENUM)
            n += (size_t)snprintf(out + n, outsz - n, " %s", v);
        else
            n += (size_t)snprintf(out + n, outsz - n, T(" %s：%s", " %s: %s"), ud_field_label(f), v);
    }
}

static void list_draw(struct tui_app *app, struct tui_view *v, WINDOW *w, int h, int wdt)
{
    struct tui_scr *s = v->data;
    char title[800], filt[600], total[32];
    tui_scr_describe_filter(app, s, filt, sizeof filt);
    tui_list_count_text(s->list, total, sizeof total);
    char line[300] = "";
    if (s->def->heading) {
        s->def->heading(app, s, title, sizeof title, line, sizeof line);
    } else if (s->list->total_valid) {
        /* the count's format has one %s, the count */
        fill1(title, sizeof title, TUI_TX(s->def->count), total);
        size_t n = strlen(title);
        if (filt[0])
            snprintf(title + n, sizeof title - n, "%s%s", T("  筛选：", "  filter:"), filt);
    } else {
        snprintf(title, sizeof title, "%s", TUI_TX(s->def->title));
    }
    tui_put(w, 0, 0, title, wdt, UD_LEFT, tui_attr(TE_HEADER));
    int y = 1;
    if (line[0])
        tui_put(w, y++, 0, line, wdt, UD_LEFT, tui_attr(TE_DIM));
    if (s->search_locked) {
        tui_list_draw(app, s->list, w, y, h - y, wdt);
        return;
    }
    const char *label = TUI_TX(s->def->search);
    int lw = ud_str_width(label);
    tui_puts(w, y, 0, label, s->list->searching ? tui_attr(TE_HEADER) : tui_attr(TE_DIM));
    tui_list_draw(app, s->list, w, y + 1, h - y - 1, wdt);
    tui_edit_draw(&s->list->search, w, y, lw, wdt - lw - 1, s->list->searching,
                  s->list->searching ? tui_attr(TE_FIELD_ACTIVE) : tui_attr(TE_FIELD));
}

static int list_key(struct tui_app *app, struct tui_view *v, int key)
{
    struct tui_scr *s = v->data;
    if (key == '/' && s->search_locked) {
        tui_message(app, "%s", s->search_locked);
        return 1;
    }
    /* a hint about the selected row stands only until the next key */
    if (s->hint[0]) {
        if (strncmp(app->status, s->hint, strlen(s->hint)) == 0) /* a warning may follow it */
            app->status[0] = '\0';
        s->hint[0] = '\0';
    }
    if (tui_list_key(app, s->list, key))
        return 1;
    const void *sel = tui_list_selected(s->list);
    /* the action may change the window: it works on a copy */
    char *copy = sel ? malloc(s->def->src.row_size) : NULL;
    if (sel && !copy) {
        tui_error_text(app, "%s", T("内存不足", "out of memory"));
        return 1;
    }
    if (copy)
        memcpy(copy, sel, s->def->src.row_size);
    int done = run_key(app, s, TUI_IN_LIST, key, copy);
    free(copy);
    if (done == TUI_RELOAD || done == TUI_GONE)
        tui_list_reload(app, s->list);
    return done >= 0;
}

static void scr_free(struct tui_scr *s)
{
    if (!s)
        return;
    tui_list_free(s->list);
    free(s->filter);
    free(s->priv);
    free(s);
}

static void list_free(struct tui_view *v)
{
    scr_free(v->data);
}

static void list_resume(struct tui_app *app, struct tui_view *v)
{
    struct tui_scr *s = v->data;
    if (s->select_id) {
        tui_list_select_id(app, s->list, s->select_id);
        s->select_id = 0;
    } else {
        tui_list_reload(app, s->list);
    }
}

static void list_help(struct tui_app *app, struct tui_view *v, struct tui_detail *d)
{
    help_of(app, v->data, TUI_IN_LIST, d);
}

static const struct tui_view_ops list_ops = {list_draw, list_key, list_free, NULL, list_resume};

/* A running screen without its view: the list is made only for lists. */
static struct tui_scr *scr_new(struct tui_app *app, const struct tui_screen *def, int64_t scope, int with_list)
{
    struct tui_scr *s = calloc(1, sizeof *s);
    if (s) {
        s->def = def;
        s->scope = scope;
        s->filter = calloc(1, def->filter_size ? def->filter_size : 1);
        s->priv = calloc(1, def->private_size ? def->private_size : 1);
        if (with_list)
            s->list = tui_list_new(&def->src, s, def->sort, def->desc);
    }
    if (!s || !s->filter || !s->priv || (with_list && !s->list)) {
        scr_free(s);
        tui_error_text(app, "%s", T("内存不足", "out of memory"));
        return NULL;
    }
    if (def->filter_fields)
        ud_fields_clear(def->filter_fields, s->filter);
    build_help(NULL, s, TUI_IN_LIST, s->help[0]);
    build_help(NULL, s, TUI_IN_DETAIL, s->help[1]);
    build_help(app, s, TUI_IN_LIST, s->bar[0]);
    build_help(app, s, TUI_IN_DETAIL, s->bar[1]);
    if (def->opened)
        def->opened(app, s);
    return s;
}

struct tui_view *tui_screen_new(struct tui_app *app, const struct tui_screen *def, int64_t scope)
{
    struct tui_scr *s = scr_new(app, def, scope, 1);
    struct tui_view *v = s ? calloc(1, sizeof *v) : NULL;
    if (!v) {
        scr_free(s);
        return NULL;
    }
    v->ops = &list_ops;
    v->keys = s->bar[0];
    v->help = list_help;
    v->data = s;
    tui_list_home(app, s->list);
    return v;
}

void tui_screen_push(struct tui_app *app, const struct tui_screen *def, int64_t scope)
{
    struct tui_scr *parent = tui_scr_below(app);
    struct tui_view *v = tui_screen_new(app, def, scope);
    if (v) {
        ((struct tui_scr *)v->data)->parent = parent;
        tui_push(app, v);
    }
}

struct tui_scr *tui_scr_below(struct tui_app *app)
{
    for (struct tui_view *v = tui_top(app); v; v = v->below)
        if (v->ops == &list_ops)
            return v->data;
    return NULL;
}

/* ---- the filter form ---- */

static void set_picks(struct tui_form *form, const struct tui_screen_pick *p, void *ctx)
{
    for (; p && p->field; p++) {
        struct tui_form_field *f = tui_form_find(form, p->field);
        if (f) {
            f->pick = p->pick;
            f->pick_ctx = ctx;
        }
    }
}

static int filter_save(struct tui_app *app, struct tui_form *form, void *ctx, struct ud_err *err)
{
    struct tui_scr *s = ctx;
    char *f = calloc(1, s->def->filter_size);
    if (!f)
        return ud_err_set(err, UD_ERR_INTERNAL, "%s", T("内存不足", "out of memory"));
    ud_fields_clear(s->def->filter_fields, f);
    if (tui_form_apply(app, form, s->def->filter_fields, f, err) != UD_OK ||
        (s->def->filter_check && s->def->filter_check(f, err) != UD_OK)) {
        free(f);
        return err->status;
    }
    memcpy(s->filter, f, s->def->filter_size);
    free(f);
    tui_list_home(app, s->list);
    /* say what happened: the filter and what it leaves */
    char filt[600], total[32];
    tui_scr_describe_filter(app, s, filt, sizeof filt);
    tui_list_count_text(s->list, total, sizeof total);
    if (filt[0])
        tui_message(app, T("已筛选：%s，共 %s 条", "filtered:%s, %s found"), filt, total);
    else
        tui_message(app, T("已取消筛选，共 %s 条", "filter cleared, %s in all"), total);
    return UD_OK;
}

enum tui_done tui_scr_filter(struct tui_app *app, struct tui_scr *s, const void *rec)
{
    (void)rec;
    if (!s->def->filter_fields)
        return TUI_STAY;
    struct tui_form *form = tui_form_new(TUI_TX(s->def->filter_title));
    if (!form)
        return TUI_STAY;
    tui_form_fill(app, form, s->def->filter_fields, s->filter);
    set_picks(form, s->def->filter_picks, s);
    form->save = filter_save;
    form->ctx = s;
    tui_form_open(app, form);
    return TUI_STAY;
}

/* ---- delete ---- */

static int delete_rec(struct tui_app *app, struct tui_scr *s, const void *rec)
{
    char q[600], name[300];
    name_of(s, rec, 0, name, sizeof name);
    if (s->def->delete_question)
        s->def->delete_question(app, rec, q, sizeof q);
    else
        snprintf(q, sizeof q, T("删除 %s？", "Delete %s?"), name);
    if (!tui_confirm(app, q))
        return 0;
    struct ud_err err;
    ud_err_clear(&err);
    if (s->def->remove(app->db, rec_id(s, rec), tui_scr_version(s, rec), &err) != UD_OK) {
        tui_error(app, &err);
        return 0;
    }
    tui_changed(app);
    fill1(q, sizeof q, TUI_TX(s->def->deleted), name);
    tui_message(app, "%s", q);
    return 1;
}

enum tui_done tui_scr_delete(struct tui_app *app, struct tui_scr *s, const void *rec)
{
    return delete_rec(app, s, rec) ? TUI_GONE : TUI_STAY;
}

/* ---- the detail ---- */

struct detail {
    struct tui_scr *s;
    int64_t id;
    void *rec;
    struct tui_detail d;
    int loaded;
    int owns_scr; /* a detail opened on its own (tui_screen_detail) */
};

static void default_detail(struct tui_app *app, struct tui_scr *s, struct tui_detail *d, const void *rec)
{
    tui_detail_fields(app, d, s->def->fields, rec);
}

/* The record's number, version and times, the same on every screen. */
static void record_section(const struct tui_scr *s, struct tui_detail *d, const void *rec)
{
    const struct tui_screen *def = s->def;
    if (!def->updated_off)
        return;
    char v[64];
    tui_detail_section(d, T("记录", "record"));
    if (def->show_id) {
        snprintf(v, sizeof v, "%lld", (long long)rec_id(s, rec));
        tui_detail_add(d, T("编号", "number"), v, 0);
    }
    snprintf(v, sizeof v, "%lld", (long long)tui_scr_version(s, rec));
    tui_detail_add(d, T("版本", "version"), v, 0);
    if (def->created_off)
        tui_detail_add(d, T("录入时间", "created"), (const char *)rec + def->created_off, 0);
    tui_detail_add(d, T("修改时间", "updated"), (const char *)rec + def->updated_off, 0);
}

static void detail_load(struct tui_app *app, struct detail *dt)
{
    struct ud_err err;
    ud_err_clear(&err);
    tui_detail_clear(&dt->d);
    dt->loaded = dt->s->def->get(app->db, dt->id, dt->rec, &err) == UD_OK;
    if (!dt->loaded) {
        tui_error(app, &err);
        return;
    }
    (dt->s->def->detail ? dt->s->def->detail : default_detail)(app, dt->s, &dt->d, dt->rec);
    record_section(dt->s, &dt->d, dt->rec);
}

static void detail_draw(struct tui_app *app, struct tui_view *v, WINDOW *w, int h, int wdt)
{
    struct detail *dt = v->data;
    char title[600], name[400];
    name_of(dt->s, dt->loaded ? dt->rec : NULL, 1, name, sizeof name);
    fill1(title, sizeof title, TUI_TX(dt->s->def->detail_title), name);
    tui_put(w, 0, 0, title, wdt, UD_LEFT, tui_attr(TE_HEADER));
    tui_detail_draw(app, &dt->d, w, 1, h - 1, wdt);
}

static int detail_key(struct tui_app *app, struct tui_view *v, int key)
{
    struct detail *dt = v->data;
    if (!dt->loaded)
        return tui_detail_key(&dt->d, key, 10);
    if (key == 'i' && dt->s->def->audit_table) {
        if (tui_detail_reveal(app, &dt->d, dt->s->def->audit_table, dt->id))
            detail_load(app, dt);
        return 1;
    }
    int done = run_key(app, dt->s, TUI_IN_DETAIL, key, dt->rec);
    if (done == TUI_GONE) {
        tui_pop(app);
    } else if (done == TUI_RELOAD) {
        detail_load(app, dt);
        if (!dt->loaded) /* gone after all */
            tui_pop(app);
    }
    return done >= 0 || tui_detail_key(&dt->d, key, 10);
}

static void detail_free(struct tui_view *v)
{
    struct detail *dt = v->data;
    tui_detail_free(&dt->d);
    free(dt->rec);
    if (dt->owns_scr)
        scr_free(dt->s);
    free(dt);
}

static void detail_resume(struct tui_app *app, struct tui_view *v)
{
    struct detail *dt = v->data;
    dt->d.revealed = 0; /* a reveal lasts while the detail stays open */
    detail_load(app, dt);
}

static void detail_help(struct tui_app *app, struct tui_view *v, struct tui_detail *d)
{
    help_of(app, ((struct detail *)v->data)->s, TUI_IN_DETAIL, d);
}

static const struct tui_view_ops detail_ops = {detail_draw, detail_key, detail_free, NULL, detail_resume};

enum tui_done tui_scr_open(struct tui_app *app, struct tui_scr *s, const void *rec)
{
    struct detail *dt = calloc(1, sizeof *dt);
    struct tui_view *v = calloc(1, sizeof *v);
    void *r = calloc(1, s->def->src.row_size);
    if (!dt || !v || !r) {
        free(dt);
        free(v);
        free(r);
        tui_error_text(app, "%s", T("内存不足", "out of memory"));
        return TUI_STAY;
    }
    dt->s = s;
    dt->id = rec_id(s, rec);
    dt->rec = r;
    v->ops = &detail_ops;
    v->keys = s->bar[1];
    v->help = detail_help;
    v->data = dt;
    tui_push(app, v);
    detail_load(app, dt);
    return TUI_STAY;
}

/* ---- the form of a new or changed record ---- */

struct form_ctx {
    struct tui_scr *s;
    int64_t id; /* 0: new */
    int64_t version;
    int mode;
};

static int form_save(struct tui_app *app, struct tui_form *form, void *ctx, struct ud_err *err)
{
    struct form_ctx *c = ctx;
    const struct tui_screen *def = c->s->def;
    char *rec = calloc(1, def->src.row_size);
    if (!rec)
        return ud_err_set(err, UD_ERR_INTERNAL, "%s", T("内存不足", "out of memory"));
    int st;
    if (c->id) {
        st = def->get(app->db, c->id, rec, err);
        /* the version the user started from */
        memcpy(rec + def->version_off, &c->version, sizeof c->version);
    } else {
        def->init(app, c->s, rec);
        st = UD_OK;
    }
    if (st == UD_OK && def->before_save)
        def->before_save(c->s, rec, c->mode);
    if (st == UD_OK && (st = tui_form_apply(app, form, def->fields, rec, err)) == UD_OK)
        st = c->id ? def->update(app->db, rec, err) : def->create(app->db, rec, err);
    if (st == UD_OK) {
        /* the saved record is the selected row: the next key acts on it */
        int shown = tui_scr_select(app, c->s, rec_id(c->s, rec));
        if (!c->s->list)
            c->s->select_id = rec_id(c->s, rec); /* a detail of its own: its parent's list */
        if (c->mode > TUI_FORM_EDIT && def->saved) {
            def->saved(app, c->s, rec, c->mode);
        } else if (!c->id) {
            char name[300], said[600];
            name_of(c->s, rec, 0, name, sizeof name);
            fill1(said, sizeof said, TUI_TX(def->added), name);
            if (shown && def->next.zh) {
                /* what to press next holds while the record is selected */
                tui_scr_hint(app, c->s, "%s%s", said, TUI_TX(def->next));
            } else {
                tui_message(app, "%s%s", said,
                            c->s->list && !shown ? T("（未在当前列表中选中：在筛选之外）", " (not selected: outside the filter)") : "");
            }
        }
    }
    free(rec);
    return st;
}

static void form_fill(struct tui_app *app, struct form_ctx *c, struct tui_form *form, const void *rec)
{
    form->n = 0;
    if (c->s->def->form_fill)
        c->s->def->form_fill(app, c->s, form, rec, c->mode);
    else
        tui_form_fill(app, form, c->s->def->fields, rec);
    set_picks(form, c->s->def->form_picks, c->s);
}

static int form_reload(struct tui_app *app, struct tui_form *form, void *ctx)
{
    struct form_ctx *c = ctx;
    char *rec = calloc(1, c->s->def->src.row_size);
    struct ud_err err;
    ud_err_clear(&err);
    if (!rec || c->s->def->get(app->db, c->id, rec, &err) != UD_OK) {
        tui_error(app, &err);
        free(rec);
        return rec ? err.status : UD_ERR_INTERNAL;
    }
    c->version = tui_scr_version(c->s, rec);
    int cur = form->cur;
    form_fill(app, c, form, rec);
    form->cur = cur < form->n ? cur : 0;
    free(rec);
    return UD_OK;
}

static void open_form(struct tui_app *app, struct tui_scr *s, int64_t id, int mode, const char *given)
{
    const struct tui_screen *def = s->def;
    char *rec = calloc(1, def->src.row_size);
    struct form_ctx *c = calloc(1, sizeof *c);
    struct ud_err err;
    ud_err_clear(&err);
    if (!rec || !c) {
        tui_error_text(app, "%s", T("内存不足", "out of memory"));
    } else if (id && def->get(app->db, id, rec, &err) != UD_OK) {
        tui_error(app, &err);
    } else {
        if (!id)
            def->init(app, s, rec);
        char title[600], name[300];
        name_of(s, rec, 0, name, sizeof name);
        if (given)
            snprintf(title, sizeof title, "%s", given);
        else if (id)
            fill1(title, sizeof title, TUI_TX(def->edit_title), name);
        else
            fill1(title, sizeof title, TUI_TX(def->new_title), "");
        struct tui_form *form = tui_form_new(title);
        if (form) {
            c->s = s;
            c->id = id;
            c->version = id ? tui_scr_version(s, rec) : 0;
            c->mode = mode;
            form_fill(app, c, form, rec);
            form->save = form_save;
            form->reload = id ? form_reload : NULL;
            form->ctx = c;
            form->free_ctx = free;
            tui_form_open(app, form);
            c = NULL;
        }
    }
    free(c);
    free(rec);
}

enum tui_done tui_scr_new(struct tui_app *app, struct tui_scr *s, const void *rec)
{
    (void)rec;
    open_form(app, s, 0, TUI_FORM_NEW, NULL);
    return TUI_STAY;
}

enum tui_done tui_scr_edit(struct tui_app *app, struct tui_scr *s, const void *rec)
{
    open_form(app, s, rec_id(s, rec), TUI_FORM_EDIT, NULL);
    return TUI_STAY;
}

void tui_scr_form(struct tui_app *app, struct tui_scr *s, int64_t id, int mode, const char *title)
{
    open_form(app, s, id, mode, title);
}

void tui_screen_detail(struct tui_app *app, const struct tui_screen *def, int64_t id)
{
    struct tui_scr *s = scr_new(app, def, 0, 0);
    if (!s)
        return;
    s->parent = tui_scr_below(app);
    char *rec = calloc(1, def->src.row_size);
    struct ud_err err;
    ud_err_clear(&err);
    if (!rec || def->get(app->db, id, rec, &err) != UD_OK) {
        tui_error(app, &err);
        free(rec);
        scr_free(s);
        return;
    }
    tui_scr_open(app, s, rec);
    free(rec);
    struct tui_view *v = tui_top(app);
    if (v && v->ops == &detail_ops && ((struct detail *)v->data)->s == s)
        ((struct detail *)v->data)->owns_scr = 1;
    else
        scr_free(s);
}

struct tui_scr *tui_scr_make(struct tui_app *app, const struct tui_screen *def)
{
    return scr_new(app, def, 0, 0);
}

void tui_scr_free(struct tui_scr *s)
{
    scr_free(s);
}
