/* The generic list: a window of rows over a module's keyset query. Only
 * the visible rows are in memory; every move fetches what it needs
 * (a page, one row) by key, so the cost does not depend on the table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui.h"
#include "uniondesk/i18n.h"
#include "uniondesk/utf8.h"

const struct tui_keyhelp tui_list_keys[] = {
    {"/", "搜索", "search"},    {"Enter", "查看", "open"},  {"o", "排序", "sort"},
    {"O", "倒序", "reverse"},   {"PgDn", "翻页", "page"},   {"Home/End", "首/尾", "first/last"},
    {"j/k", "上下", "down/up"}, TUI_KEYS_END};

/* the row before the window's first row; invalid = the window starts the list */
struct list_state {
    struct ud_cursor anchor;
    /* the widest cell seen per column since the list last started over:
     * columns widen as content needs and do not jump back while paging */
    int need[TUI_LIST_MAXCOLS];
};

struct tui_list *tui_list_new(const struct tui_list_source *src, void *ctx, const char *sort, int desc)
{
    struct tui_list *l = calloc(1, sizeof *l + sizeof(struct list_state));
    if (!l)
        return NULL;
    l->rows = calloc(TUI_LIST_MAX + 1, src->row_size);
    if (!l->rows) {
        free(l);
        return NULL;
    }
    l->src = src;
    l->ctx = ctx;
    l->sort = sort;
    l->desc = desc;
    l->height = 10;
    return l;
}

void tui_list_free(struct tui_list *l)
{
    if (!l)
        return;
    free(l->rows);
    free(l);
}

static struct list_state *state(struct tui_list *l)
{
    return (struct list_state *)(l + 1);
}

static void *row_at(struct tui_list *l, int i)
{
    return l->rows + (size_t)i * l->src->row_size;
}

const void *tui_list_selected(struct tui_list *l)
{
    return l->n > 0 && l->sel >= 0 && l->sel < l->n ? row_at(l, l->sel) : NULL;
}

static const char *query(struct tui_list *l)
{
    if (!l->search.len)
        return NULL;
    ud_search_fold(l->search.text, l->query, sizeof l->query);
    return l->query[0] ? l->query : NULL;
}

static int fetch(struct tui_app *app, struct tui_list *l, const struct ud_cursor *after, int backward, int limit,
                 char *rows, struct ud_cursor *cursors, int *n)
{
    struct ud_page pg;
    memset(&pg, 0, sizeof pg);
    pg.limit = limit;
    pg.backward = backward;
    if (after)
        pg.after = *after;
    pg.sort = l->sort;
    pg.desc = l->desc;
    struct ud_err err;
    ud_err_clear(&err);
    if (l->src->fetch(app, l->ctx, query(l), &pg, rows, cursors, n, &err) != UD_OK) {
        tui_error(app, &err);
        *n = 0;
        return -1;
    }
    return 0;
}

/* Fills the window from the anchor. */
static void fill(struct tui_app *app, struct tui_list *l)
{
    int h = l->height < 1 ? 1 : l->height > TUI_LIST_MAX ? TUI_LIST_MAX : l->height;
    struct list_state *s = state(l);
    int n;
    struct ud_cursor cur[TUI_LIST_MAX + 1];
    if (fetch(app, l, s->anchor.valid ? &s->anchor : NULL, 0, h + 1, l->rows, cur, &n) != 0)
        n = 0;
    l->at_end = n <= h;
    l->n = n > h ? h : n;
    memcpy(l->cursors, cur, sizeof cur[0] * (size_t)l->n);
    if (l->sel >= l->n)
        l->sel = l->n > 0 ? l->n - 1 : 0;
}

static void count(struct tui_app *app, struct tui_list *l)
{
    l->total_valid = 0;
    if (!l->src->count)
        return;
    struct ud_err err;
    ud_err_clear(&err);
    if (l->src->count(app, l->ctx, query(l), &l->total, &err) == UD_OK)
        l->total_valid = 1;
}

void tui_list_home(struct tui_app *app, struct tui_list *l)
{
    state(l)->anchor.valid = 0;
    memset(state(l)->need, 0, sizeof state(l)->need);
    l->sel = 0;
    fill(app, l);
    count(app, l);
}

/* Sets the anchor so that the window starts `k` rows before the row whose
 * cursor is `from` (k >= 1), or at the start of the list. */
static void anchor_before(struct tui_app *app, struct tui_list *l, const struct ud_cursor *from, int k)
{
    char *tmp = malloc(l->src->row_size * (size_t)(k + 1));
    struct ud_cursor *cur = malloc(sizeof *cur * (size_t)(k + 1));
    int n = 0;
    if (tmp && cur && fetch(app, l, from, 1, k + 1, tmp, cur, &n) == 0 && n == k + 1)
        state(l)->anchor = cur[0];
    else
        state(l)->anchor.valid = 0;
    free(tmp);
    free(cur);
}

void tui_list_reload(struct tui_app *app, struct tui_list *l)
{
    int64_t keep = 0;
    const void *sel = tui_list_selected(l);
    if (sel && l->src->row_id)
        keep = l->src->row_id(sel);
    fill(app, l);
    if (l->n == 0 && state(l)->anchor.valid) {
        /* the rows we showed are gone: show the end of the list */
        state(l)->anchor.valid = 0;
        fill(app, l);
    }
    if (keep && l->src->row_id)
        for (int i = 0; i < l->n; i++)
            if (l->src->row_id(row_at(l, i)) == keep)
                l->sel = i;
    count(app, l);
}

static int select_in_window(struct tui_list *l, int64_t id)
{
    for (int i = 0; i < l->n; i++)
        if (l->src->row_id(row_at(l, i)) == id) {
            l->sel = i;
            return 1;
        }
    return 0;
}

/* Walks the list from its start in pages of the most rows a page may
 * hold (not a window at a time: a record saved far down a long list must
 * still be found), up to WALK_MAX rows; found, the window is placed with
 * the row a third of the way down and selected. */
#define WALK_PAGE 500
#define WALK_MAX 2000000
static int walk_to(struct tui_app *app, struct tui_list *l, int64_t id)
{
    char *rows = malloc(l->src->row_size * WALK_PAGE);
    struct ud_cursor *cur = malloc(sizeof *cur * WALK_PAGE);
    struct ud_cursor after, at;
    int found = 0;
    memset(&after, 0, sizeof after);
    memset(&at, 0, sizeof at);
    for (long walked = 0; rows && cur && !found && walked < WALK_MAX;) {
        int n = 0;
        if (fetch(app, l, after.valid ? &after : NULL, 0, WALK_PAGE, rows, cur, &n) != 0)
            break;
        for (int i = 0; i < n && !found; i++)
            if (l->src->row_id(rows + (size_t)i * l->src->row_size) == id) {
                at = cur[i];
                found = 1;
            }
        if (n < WALK_PAGE)
            break;
        after = cur[n - 1];
        walked += n;
    }
    free(rows);
    free(cur);
    if (found)
        anchor_before(app, l, &at, l->height / 3);
    else
        state(l)->anchor.valid = 0;
    l->sel = 0;
    fill(app, l);
    return found && select_in_window(l, id);
}

/* The window moved to the row whose cursor is `at`, a third of a window
 * above it for context (a full window at the end of the list), and the
 * row selected. */
static int window_at(struct tui_app *app, struct tui_list *l, const struct ud_cursor *at)
{
    int h = l->height < 1 ? 1 : l->height > TUI_LIST_MAX ? TUI_LIST_MAX : l->height;
    anchor_before(app, l, at, h / 3);
    l->sel = 0;
    fill(app, l);
    if (l->at_end && l->n < h && state(l)->anchor.valid) {
        anchor_before(app, l, NULL, h);
        fill(app, l);
    }
    return select_in_window(l, at->id);
}

/* Where the source says the row sorts: 1 shown, 0 not in the list, -1
 * the source cannot say. */
static int locate_to(struct tui_app *app, struct tui_list *l, int64_t id)
{
    struct ud_cursor at;
    struct ud_err err;
    memset(&at, 0, sizeof at);
    ud_err_clear(&err);
    int st = l->src->locate(app, l->ctx, l->sort, id, &at, &err);
    if (st == TUI_LOCATE_WALK)
        return -1;
    if (st != UD_OK) {
        tui_error(app, &err);
        return 0;
    }
    if (!at.valid)
        return 0;
    /* the window is of the list without its search */
    tui_edit_set(&l->search, "");
    at.id = id;
    at.group = 0;
    return window_at(app, l, &at);
}

int tui_list_select_id(struct tui_app *app, struct tui_list *l, int64_t id)
{
    fill(app, l);
    int found = select_in_window(l, id);
    int located = found || !l->src->locate ? -1 : locate_to(app, l, id);
    if (located >= 0) {
        found = located;
    } else if (!found) {
        found = walk_to(app, l, id);
        if (!found && l->search.len) {
            /* the search hides it: show it without */
            tui_edit_set(&l->search, "");
            found = walk_to(app, l, id);
        }
    }
    if (!found)
        tui_list_home(app, l);
    count(app, l);
    return found;
}

static void scroll_down(struct tui_app *app, struct tui_list *l, int k)
{
    if (l->at_end || l->n == 0)
        return;
    if (k > l->n)
        k = l->n;
    state(l)->anchor = l->cursors[k - 1];
    fill(app, l);
    if (l->n < l->height) {
        /* near the end: show a full window ending at the last row */
        anchor_before(app, l, NULL, l->height);
        int64_t keep = l->src->row_id ? l->src->row_id(row_at(l, l->sel)) : 0;
        fill(app, l);
        for (int i = 0; keep && i < l->n; i++)
            if (l->src->row_id(row_at(l, i)) == keep)
                l->sel = i;
    }
}

static void scroll_up(struct tui_app *app, struct tui_list *l, int k)
{
    if (!state(l)->anchor.valid || l->n == 0)
        return;
    anchor_before(app, l, &l->cursors[0], k);
    fill(app, l);
}

static void go_end(struct tui_app *app, struct tui_list *l)
{
    anchor_before(app, l, NULL, l->height);
    fill(app, l);
    l->sel = l->n > 0 ? l->n - 1 : 0;
}

int tui_list_key(struct tui_app *app, struct tui_list *l, int key)
{
    if (l->searching) {
        if (key == TK_ENTER || key == TK_KEY(KEY_ENTER) || key == TK_KEY(KEY_DOWN)) {
            l->searching = 0;
            return 1;
        }
        if (key == TK_ESC) {
            l->searching = 0;
            tui_edit_set(&l->search, "");
            tui_list_home(app, l);
            return 1;
        }
        if (tui_edit_key(&l->search, key)) {
            if (l->search.changed) {
                l->search.changed = 0;
                tui_list_home(app, l);
            }
            return 1;
        }
        return 0;
    }
    switch (key) {
    case '/':
        l->searching = 1;
        l->search.maxchars = 40;
        return 1;
    case TK_KEY(KEY_DOWN):
    case 'j':
        if (l->sel < l->n - 1)
            l->sel++;
        else
            scroll_down(app, l, 1);
        return 1;
    case TK_KEY(KEY_UP):
    case 'k':
        if (l->sel > 0)
            l->sel--;
        else
            scroll_up(app, l, 1);
        return 1;
    case TK_KEY(KEY_NPAGE):
    case ' ':
        if (l->at_end)
            l->sel = l->n - 1;
        else
            scroll_down(app, l, l->n);
        return 1;
    case TK_KEY(KEY_PPAGE):
        if (!state(l)->anchor.valid)
            l->sel = 0;
        else
            scroll_up(app, l, l->height);
        return 1;
    case TK_KEY(KEY_HOME):
    case 'g':
        tui_list_home(app, l);
        return 1;
    case TK_KEY(KEY_END):
    case 'G':
        go_end(app, l);
        return 1;
    case 'o': {
        /* next sortable column */
        int cur = -1, n = l->src->ncolumns;
        for (int i = 0; i < n; i++)
            if (l->src->columns[i].sort && l->sort && strcmp(l->src->columns[i].sort, l->sort) == 0)
                cur = i;
        for (int k = 1; k <= n; k++) {
            const struct tui_column *c = &l->src->columns[(cur + k + n) % n];
            if (c->sort) {
                l->sort = c->sort;
                break;
            }
        }
        tui_list_home(app, l);
        return 1;
    }
    case 'O':
        l->desc = !l->desc;
        tui_list_home(app, l);
        return 1;
    }
    return 0;
}

int tui_list_layout_columns(const struct tui_column *cols, int n, const int *need, int wdt, int *widths)
{
    if (n > TUI_LIST_MAXCOLS)
        n = TUI_LIST_MAXCOLS;
    int shown = 0, used = 0;
    for (int i = 0; i < n; i++) {
        widths[i] = cols[i].width > 0 ? cols[i].width : 1;
        /* no wider than its content (header included) to begin with */
        if (need && need[i] > 0 && need[i] < widths[i])
            widths[i] = need[i];
        if (i == shown && used + widths[i] <= wdt) {
            used += widths[i] + 1; /* and the space after it */
            shown++;
        }
    }
    int spare = wdt - used; /* a blank column stays at the right edge */
    /* 1. content first: the smallest shortfall per weight first, so that
     * short cells (a dispute type) are shown whole before long ones (an
     * employer's name) take the rest */
    while (need && spare > 0) {
        int best = -1;
        int64_t bd = 0, bw = 1;
        for (int i = 0; i < shown; i++) {
            int d = need[i] - widths[i];
            int64_t w = cols[i].weight > 0 ? cols[i].weight : 1;
            if (d > 0 && (best < 0 || (int64_t)d * bw < bd * w)) {
                best = i;
                bd = d;
                bw = w;
            }
        }
        if (best < 0)
            break;
        int give = (int)bd < spare ? (int)bd : spare;
        widths[best] += give;
        spare -= give;
    }
    /* 2. the rest by weight (the remainder to the first weighted columns) */
    int64_t total = 0;
    for (int i = 0; i < shown; i++)
        total += cols[i].weight > 0 ? cols[i].weight : 0;
    if (total > 0 && spare > 0) {
        int left = spare;
        for (int i = 0; i < shown; i++)
            if (cols[i].weight > 0) {
                int give = (int)((int64_t)spare * cols[i].weight / total);
                widths[i] += give;
                left -= give;
            }
        for (int i = 0; i < shown && left > 0; i++)
            if (cols[i].weight > 0) {
                widths[i]++;
                left--;
            }
    }
    return shown;
}

/* Measures the window's cells (and the headers) into the list's needs. */
static void measure(struct tui_app *app, struct tui_list *l, const int *header_w)
{
    int n = l->src->ncolumns < TUI_LIST_MAXCOLS ? l->src->ncolumns : TUI_LIST_MAXCOLS;
    int *need = state(l)->need;
    for (int i = 0; i < n; i++)
        if (header_w[i] > need[i])
            need[i] = header_w[i];
    for (int r = 0; r < l->n; r++)
        for (int i = 0; i < n; i++) {
            char cell[1024], vis[1024];
            cell[0] = '\0';
            l->src->cell(app, l->ctx, row_at(l, r), i, cell, sizeof cell);
            ud_text_visible(vis, sizeof vis, cell); /* as ud_str_cell draws it */
            int w = ud_str_width(vis);
            if (w > need[i])
                need[i] = w;
        }
}

void tui_list_draw(struct tui_app *app, struct tui_list *l, WINDOW *w, int y, int h, int wdt)
{
    int widths[TUI_LIST_MAXCOLS], header_w[TUI_LIST_MAXCOLS];
    char heads[TUI_LIST_MAXCOLS][128];
    int ncols = l->src->ncolumns < TUI_LIST_MAXCOLS ? l->src->ncolumns : TUI_LIST_MAXCOLS;
    for (int i = 0; i < ncols; i++) {
        const struct tui_column *c = &l->src->columns[i];
        int sorted = c->sort && l->sort && strcmp(c->sort, l->sort) == 0 && !l->search.len;
        snprintf(heads[i], sizeof heads[i], "%s%s", T(c->zh, c->en), sorted ? (l->desc ? "v" : "^") : "");
        header_w[i] = ud_str_width(heads[i]);
    }
    int rows = h - 1;
    if (rows < 1)
        rows = 0;
    else if (rows != l->height) {
        /* a smaller terminal keeps the row selected (a key acts on it), in
         * view at the bottom, instead of whichever row now ends the window */
        int keep = l->n > 0 && l->sel < l->n && l->src->row_id;
        int64_t id = keep ? l->src->row_id(row_at(l, l->sel)) : 0;
        struct ud_cursor at;
        if (keep)
            at = l->cursors[l->sel];
        l->height = rows > TUI_LIST_MAX ? TUI_LIST_MAX : rows;
        fill(app, l);
        if (keep && !select_in_window(l, id)) {
            anchor_before(app, l, &at, l->height - 1);
            fill(app, l);
            select_in_window(l, id);
        }
    }
    measure(app, l, header_w);
    int shown = tui_list_layout_columns(l->src->columns, ncols, state(l)->need, wdt - 2, widths);
    /* header */
    tui_fill(w, y, 0, wdt, tui_attr(TE_HEADER));
    int x = 2;
    for (int i = 0; i < shown; i++) {
        tui_put(w, y, x, heads[i], widths[i], l->src->columns[i].align, tui_attr(TE_HEADER));
        x += widths[i] + 1;
    }
    if (rows < 1)
        return;
    for (int r = 0; r < l->n && r < rows; r++) {
        const void *row = row_at(l, r);
        int alert = l->src->alert && l->src->alert(row);
        int selected = r == l->sel && !l->searching;
        attr_t a = selected ? tui_attr(TE_SELECTED) : alert ? tui_attr(TE_OVERDUE) : tui_attr(TE_NORMAL);
        tui_fill(w, y + 1 + r, 0, wdt, a);
        /* markers read without colour: > selected, ! alert */
        char mark[3] = {selected ? '>' : ' ', alert ? '!' : ' ', 0};
        tui_put(w, y + 1 + r, 0, mark, 2, UD_LEFT, a);
        x = 2;
        for (int i = 0; i < shown; i++) {
            char cell[1024];
            cell[0] = '\0';
            l->src->cell(app, l->ctx, row, i, cell, sizeof cell);
            tui_put(w, y + 1 + r, x, cell, widths[i], l->src->columns[i].align, a);
            x += widths[i] + 1;
        }
    }
    if (l->n == 0)
        tui_puts(w, y + 1, 2, l->search.len ? T("没有符合条件的记录", "nothing matches") : T("（空）", "(empty)"),
                 tui_attr(TE_DIM));
}

void tui_list_count_text(const struct tui_list *l, char *out, size_t outsz)
{
    if (!l->total_valid)
        snprintf(out, outsz, "?");
    else if (l->search.len && l->total > UD_SEARCH_COUNT_CAP)
        snprintf(out, outsz, "%d+", UD_SEARCH_COUNT_CAP);
    else
        snprintf(out, outsz, "%lld", (long long)l->total);
}
