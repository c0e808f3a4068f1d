/* Pick lists: a popup over the form, with live search, for
 * organizations, members, enumerations and mediators. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"
#include "tui.h"
#include "uniondesk/dispute.h"
#include "uniondesk/i18n.h"
#include "uniondesk/utf8.h"

struct picker {
    char title[128];
    struct tui_list *list;
    void (*done)(struct tui_app *app, const void *row, void *arg);
    void *arg;
    int owns_arg; /* freed with the picker */
    int fresh;    /* the search holds the field's value: typing replaces it */
};

static void popup_geometry(int h, int wdt, int *py, int *px, int *ph, int *pw)
{
    *pw = wdt - 4 > 100 ? 100 : wdt - 4;
    *ph = h - 2;
    *py = 1;
    *px = (wdt - *pw) / 2;
}

static void picker_draw(struct tui_app *app, struct tui_view *v, WINDOW *w, int h, int wdt)
{
    struct picker *p = v->data;
    int py, px, ph, pw;
    popup_geometry(h, wdt, &py, &px, &ph, &pw);
    tui_box(w, py, px, ph, pw, tui_attr(TE_POPUP), p->title);
    /* search line */
    tui_puts(w, py + 1, px + 2, T("搜索：", "search: "), tui_attr(TE_LABEL));
    int lx = px + 2 + ud_str_width(T("搜索：", "search: "));
    char count[64] = "";
    if (p->list->total_valid) {
        char total[32];
        tui_list_count_text(p->list, total, sizeof total);
        snprintf(count, sizeof count, T("共 %s 条", "%s found"), total);
    }
    int cw = ud_str_width(count);
    tui_put(w, py + 1, px + pw - 2 - cw, count, cw, UD_RIGHT, tui_attr(TE_DIM));
    /* the list inside the box, drawn into a derived window */
    WINDOW *inner = derwin(w, ph - 3, pw - 2, py + 2, px + 1);
    if (inner) {
        tui_list_draw(app, p->list, inner, 0, ph - 3, pw - 2);
        delwin(inner);
    }
    tui_edit_draw(&p->list->search, w, py + 1, lx, pw - (lx - px) - 4 - cw, 1, tui_attr(TE_FIELD_ACTIVE));
}

static int picker_key(struct tui_app *app, struct tui_view *v, int key)
{
    struct picker *p = v->data;
    switch (key) {
    case TK_ESC:
        tui_pop(app);
        return 1;
    case TK_ENTER:
    case TK_KEY(KEY_ENTER):
    case '\r': {
        const void *row = tui_list_selected(p->list);
        if (!row)
            return 1;
        /* close the picker first, so that done works on the view below
         * (and may open views of its own) */
        size_t sz = p->list->src->row_size;
        void *copy = malloc(sz);
        if (!copy)
            return 1;
        memcpy(copy, row, sz);
        void (*done)(struct tui_app *, const void *, void *) = p->done;
        void *arg = p->arg;
        int owned = p->owns_arg;
        p->owns_arg = 0;
        tui_pop(app);
        done(app, copy, arg);
        free(copy);
        if (owned)
            free(arg);
        return 1;
    }
    case TK_KEY(KEY_UP):
    case TK_KEY(KEY_DOWN):
    case TK_KEY(KEY_NPAGE):
    case TK_KEY(KEY_PPAGE):
        p->fresh = 0;
        return tui_list_key(app, p->list, key);
    }
    /* everything else edits the search; the first character typed
     * replaces the value the picker opened with */
    if (p->fresh && tui_is_char(key))
        tui_edit_set(&p->list->search, "");
    p->fresh = 0;
    if (tui_edit_key(&p->list->search, key)) {
        if (p->list->search.changed) {
            p->list->search.changed = 0;
            tui_list_home(app, p->list);
        }
        return 1;
    }
    return tui_is_char(key);
}

static void picker_free(struct tui_view *v)
{
    struct picker *p = v->data;
    tui_list_free(p->list);
    if (p->owns_arg)
        free(p->arg);
    free(p);
}

static const struct tui_keyhelp picker_keys[] = {
    {"输入", "搜索", "type to search"}, {"Enter", "选定", "pick"}, {"Esc", "取消", "cancel"}, TUI_KEYS_END};

static const struct tui_view_ops picker_ops = {picker_draw, picker_key, picker_free, NULL, NULL};

void tui_pick_open(struct tui_app *app, const char *title, const struct tui_list_source *src, void *ctx,
                   void (*done)(struct tui_app *app, const void *row, void *arg), void *arg, const char *initial)
{
    struct picker *p = calloc(1, sizeof *p);
    struct tui_view *v = calloc(1, sizeof *v);
    if (!p || !v || !(p->list = tui_list_new(src, ctx, NULL, 0))) {
        free(p);
        free(v);
        return;
    }
    snprintf(p->title, sizeof p->title, "%s", title);
    p->done = done;
    p->arg = arg;
    p->list->search.maxchars = 40;
    v->ops = &picker_ops;
    v->keys = picker_keys;
    v->data = p;
    v->popup = 1;
    v->modal = 1;
    tui_push(app, v);
    tui_edit_set(&p->list->search, initial ? initial : "");
    p->fresh = p->list->search.len > 0;
    tui_list_home(app, p->list);
    if (p->list->n == 0 && p->list->search.len) {
        /* what was typed finds nothing: start from the whole list */
        tui_edit_set(&p->list->search, "");
        tui_list_home(app, p->list);
    }
}

void tui_pick_select(struct tui_app *app, int64_t id)
{
    struct tui_view *v = tui_top(app);
    if (!v || v->ops != &picker_ops || id < 0 || !((struct picker *)v->data)->list->src->row_id)
        return;
    struct tui_list *l = ((struct picker *)v->data)->list;
    /* not drawn yet: the window as the popup will show it (the body's
     * rows, less the box, the search line and the header), so that the
     * row is placed in it as it will be seen */
    int py, px, ph, pw;
    popup_geometry(LINES - 4, COLS, &py, &px, &ph, &pw);
    if (ph - 4 >= 1)
        l->height = ph - 4 > TUI_LIST_MAX ? TUI_LIST_MAX : ph - 4;
    tui_list_select_id(app, l, id);
}

/* ---- enumerations: a small list in memory ---- */

struct enum_ctx {
    const struct ud_enum *e;
    struct tui_edit *target;
};

static int enum_fetch(struct tui_app *app, void *ctx, const char *query, const struct ud_page *pg, void *rows,
                      struct ud_cursor *cursors, int *n, struct ud_err *err)
{
    (void)app;
    (void)err;
    struct enum_ctx *c = ctx;
    /* rows are item indexes; the cursor's id is the index */
    int idx[64], m = 0;
    for (int i = 0; i < c->e->count && m < 64; i++) {
        const struct ud_enum_item *it = &c->e->items[i];
        if (query && *query && !strstr(it->zh, query) && !strstr(it->code, query) && !strstr(it->en, query))
            continue;
        idx[m++] = i;
    }
    int start = 0;
    if (pg->after.valid) {
        for (int i = 0; i < m; i++)
            if (idx[i] == pg->after.id)
                start = pg->backward ? i - pg->limit : i + 1;
        if (start < 0)
            start = 0;
    } else if (pg->backward) {
        start = m - pg->limit > 0 ? m - pg->limit : 0;
    }
    int end = pg->backward && pg->after.valid ? start + pg->limit : m;
    *n = 0;
    for (int i = start; i < m && i < end && *n < pg->limit; i++) {
        ((int *)rows)[*n] = idx[i];
        cursors[*n].valid = 1;
        cursors[*n].id = idx[i];
        cursors[*n].group = 0;
        (*n)++;
    }
    return UD_OK;
}

static void enum_cell(struct tui_app *app, void *ctx, const void *row, int col, char *out, size_t outsz)
{
    (void)app;
    struct enum_ctx *c = ctx;
    const struct ud_enum_item *it = &c->e->items[*(const int *)row];
    snprintf(out, outsz, "%s", col == 0 ? T(it->zh, it->en) : it->code);
}

static const struct tui_column enum_cols[] = {
    {"名称", "name", 20, 1, UD_LEFT, NULL},
    {"代码", "code", 20, 0, UD_LEFT, NULL},
};

static const struct tui_list_source enum_src = {sizeof(int), enum_cols, 2, enum_fetch, NULL, enum_cell, NULL, NULL, NULL};

static void enum_done(struct tui_app *app, const void *row, void *arg)
{
    (void)app;
    struct enum_ctx *c = arg;
    const struct ud_enum_item *it = &c->e->items[*(const int *)row];
    tui_edit_set(c->target, T(it->zh, it->en));
    c->target->changed = 1;
}

void tui_pick_enum(struct tui_app *app, const struct ud_enum *e, struct tui_edit *target)
{
    struct enum_ctx *c = calloc(1, sizeof *c);
    if (!c)
        return;
    c->e = e;
    c->target = target;
    tui_pick_open(app, T("选择", "choose"), &enum_src, c, enum_done, c, NULL);
    struct tui_view *v = tui_top(app);
    if (v && v->ops == &picker_ops)
        ((struct picker *)v->data)->owns_arg = 1;
    else
        free(c);
}

/* ---- a few fixed items (status moves, …) ---- */

struct items_ctx {
    const struct ud_enum_item *items[16];
    int n;
    void (*done)(struct tui_app *app, const struct ud_enum_item *item, void *arg);
    void *arg;
};

static int items_fetch(struct tui_app *app, void *ctx, const char *query, const struct ud_page *pg, void *rows,
                       struct ud_cursor *cursors, int *n, struct ud_err *err)
{
    (void)app;
    (void)query;
    (void)err;
    struct items_ctx *c = ctx;
    *n = 0;
    int start = pg->after.valid && !pg->backward ? (int)pg->after.id + 1 : 0;
    int end = pg->after.valid && pg->backward ? (int)pg->after.id : c->n;
    if (pg->backward && end - start > pg->limit)
        start = end - pg->limit;
    for (int i = start; i < end && *n < pg->limit; i++) {
        ((int *)rows)[*n] = i;
        cursors[*n].valid = 1;
        cursors[*n].id = i;
        cursors[*n].group = 0;
        (*n)++;
    }
    return UD_OK;
}

static void items_cell(struct tui_app *app, void *ctx, const void *row, int col, char *out, size_t outsz)
{
    (void)app;
    (void)col;
    struct items_ctx *c = ctx;
    const struct ud_enum_item *it = c->items[*(const int *)row];
    snprintf(out, outsz, "%s", T(it->zh, it->en));
}

static const struct tui_column items_cols[] = {{"选项", "choice", 20, 1, UD_LEFT, NULL}};
static const struct tui_list_source items_src = {sizeof(int), items_cols, 1, items_fetch, NULL, items_cell, NULL, NULL, NULL};

static void items_done(struct tui_app *app, const void *row, void *arg)
{
    struct items_ctx *c = arg;
    c->done(app, c->items[*(const int *)row], c->arg);
}

void tui_pick_items(struct tui_app *app, const char *title, const struct ud_enum_item *const *items, int n,
                    void (*done)(struct tui_app *app, const struct ud_enum_item *item, void *arg), void *arg)
{
    struct items_ctx *c = calloc(1, sizeof *c);
    if (!c)
        return;
    for (int i = 0; i < n && i < 16; i++)
        c->items[c->n++] = items[i];
    c->done = done;
    c->arg = arg;
    tui_pick_open(app, title, &items_src, c, items_done, c, NULL);
    struct tui_view *v = tui_top(app);
    if (v && v->ops == &picker_ops)
        ((struct picker *)v->data)->owns_arg = 1;
    else
        free(c);
}

/* ---- the mediator: the names the module offers, typing still free ---- */

#define MEDIATORS_SHOWN 200

struct mediator_row {
    struct ud_mediator m;
    int typed; /* the search text itself, when it is not one of the names */
};

static int mediator_fetch(struct tui_app *app, void *ctx, const char *query, const struct ud_page *pg, void *rows,
                          struct ud_cursor *cursors, int *n, struct ud_err *err)
{
    (void)ctx;
    *n = 0;
    struct ud_mediator *names = calloc(MEDIATORS_SHOWN, sizeof *names);
    if (!names)
        return ud_err_set(err, UD_ERR_INTERNAL, "%s", T("内存不足", "out of memory"));
    int m = 0;
    if (ud_case_mediators(app->db, query, names, MEDIATORS_SHOWN, &m, err) != UD_OK) {
        free(names);
        return err->status;
    }
    /* after the names, the text as typed unless it is a name already:
     * Enter on it keeps a new name (the only row when nothing matches) */
    char typed[UD_MEDIATOR_SZ];
    snprintf(typed, sizeof typed, "%s", query ? query : "");
    ud_trim(typed);
    int with_typed = typed[0] != '\0';
    for (int i = 0; i < m && with_typed; i++)
        if (strcmp(names[i].name, typed) == 0)
            with_typed = 0;
    int total = m + with_typed;
    int start = pg->after.valid && !pg->backward ? (int)pg->after.id + 1 : 0;
    int end = pg->after.valid && pg->backward ? (int)pg->after.id : total;
    if (pg->backward && end - start > pg->limit)
        start = end - pg->limit;
    for (int i = start; i < end && *n < pg->limit; i++) {
        struct mediator_row *r = (struct mediator_row *)rows + *n;
        memset(r, 0, sizeof *r);
        if (i == m) {
            r->typed = 1;
            snprintf(r->m.name, sizeof r->m.name, "%s", typed);
        } else {
            r->m = names[i];
        }
        cursors[*n].valid = 1;
        cursors[*n].id = i;
        cursors[*n].group = 0;
        (*n)++;
    }
    free(names);
    return UD_OK;
}

static void mediator_cell(struct tui_app *app, void *ctx, const void *row, int col, char *out, size_t outsz)
{
    (void)app;
    (void)ctx;
    const struct mediator_row *r = row;
    out[0] = '\0';
    if (col == 0)
        snprintf(out, outsz, r->typed ? T("%s（按输入填写）", "%s (as typed)") : "%s", r->m.name);
    else if (col == 1 && !r->typed && r->m.cases)
        snprintf(out, outsz, T("%lld 件", "%lld cases"), (long long)r->m.cases);
    else if (col == 2 && r->m.is_user)
        snprintf(out, outsz, "%s", T("用户", "user"));
}

static const struct tui_column mediator_cols[] = {
    {"调解员", "mediator", 20, 1, UD_LEFT, NULL},
    {"调解案件", "cases", 10, 0, UD_RIGHT, NULL},
    {"", "", 6, 0, UD_LEFT, NULL},
};

static const struct tui_list_source mediator_src = {sizeof(struct mediator_row), mediator_cols, 3, mediator_fetch,
                                                    NULL, mediator_cell, NULL, NULL, NULL};

static void mediator_done(struct tui_app *app, const void *row, void *arg)
{
    (void)app;
    struct tui_form_field *f = arg;
    tui_edit_set(&f->edit, ((const struct mediator_row *)row)->m.name);
    f->edit.changed = 1;
    f->error[0] = '\0';
}

int tui_pick_mediator(struct tui_app *app, struct tui_form_field *f, void *ctx)
{
    (void)ctx;
    tui_pick_open(app, T("选择调解员（可直接输入新名字）", "choose the mediator (or type a new name)"), &mediator_src,
                  NULL, mediator_done, f, f->edit.text);
    struct tui_view *v = tui_top(app);
    if (v && v->ops == &picker_ops)
        ((struct picker *)v->data)->list->search.maxchars = 30; /* as the field */
    return 0;
}
