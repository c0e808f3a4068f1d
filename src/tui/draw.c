/* Colours as a table (logical element × scheme; monochrome is just another
 * scheme) and width-aware drawing. */
#include <string.h>
#include <wchar.h>

#include "tui.h"
#include "uniondesk/utf8.h"

static attr_t attrs[TE_COUNT];
static int colors_on;

struct scheme_entry {
    short fg, bg;
    attr_t extra;
    attr_t mono; /* without colours */
};

static const struct scheme_entry scheme[TE_COUNT] = {
    [TE_NORMAL] = {-1, -1, 0, A_NORMAL},
    [TE_TITLE] = {COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE},
    [TE_TAB] = {-1, -1, 0, A_NORMAL},
    [TE_TAB_ACTIVE] = {COLOR_BLACK, COLOR_CYAN, A_BOLD, A_REVERSE | A_BOLD},
    [TE_HEADER] = {COLOR_YELLOW, -1, A_BOLD, A_UNDERLINE | A_BOLD},
    [TE_SELECTED] = {COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE},
    [TE_OVERDUE] = {COLOR_RED, -1, A_BOLD, A_BOLD},
    [TE_KEYBAR_KEY] = {COLOR_WHITE, -1, A_BOLD, A_BOLD},
    [TE_KEYBAR_TEXT] = {COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE},
    [TE_STATUS] = {COLOR_GREEN, -1, 0, A_NORMAL},
    [TE_ERROR] = {COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD},
    [TE_LABEL] = {-1, -1, 0, A_NORMAL},
    [TE_FIELD] = {-1, -1, A_UNDERLINE, A_UNDERLINE},
    [TE_FIELD_ACTIVE] = {COLOR_BLACK, COLOR_YELLOW, 0, A_REVERSE},
    [TE_DIM] = {COLOR_BLUE, -1, A_BOLD, A_DIM},
    [TE_POPUP] = {-1, -1, 0, A_NORMAL},
};

void tui_colors_init(void)
{
    colors_on = has_colors() && start_color() == OK;
    if (colors_on)
        use_default_colors();
    for (int i = 0; i < TE_COUNT; i++) {
        const struct scheme_entry *s = &scheme[i];
        if (colors_on && (s->fg != -1 || s->bg != -1) && i < COLOR_PAIRS) {
            init_pair((short)(i + 1), s->fg, s->bg);
            attrs[i] = COLOR_PAIR(i + 1) | s->extra;
        } else if (colors_on) {
            attrs[i] = s->extra;
        } else {
            attrs[i] = s->mono;
        }
    }
}

attr_t tui_attr(enum tui_elem e)
{
    return attrs[e];
}

int tui_has_colors(void)
{
    return colors_on;
}

void tui_put(WINDOW *w, int y, int x, const char *s, int cols, enum ud_align al, attr_t attr)
{
    int maxx = getmaxx(w);
    if (y < 0 || y >= getmaxy(w) || x >= maxx || cols <= 0)
        return;
    if (x + cols > maxx)
        cols = maxx - x;
    char buf[2048];
    ud_str_cell(buf, sizeof buf, s ? s : "", cols, al);
    wattrset(w, attr);
    mvwaddstr(w, y, x, buf);
    wattrset(w, A_NORMAL);
}

int tui_puts(WINDOW *w, int y, int x, const char *s, attr_t attr)
{
    int maxx = getmaxx(w);
    if (y < 0 || y >= getmaxy(w) || x >= maxx)
        return 0;
    char vis[2048];
    ud_text_visible(vis, sizeof vis, s ? s : "");
    int used;
    size_t n = ud_str_fit(vis, maxx - x, &used);
    vis[n] = '\0';
    wattrset(w, attr);
    mvwaddstr(w, y, x, vis);
    wattrset(w, A_NORMAL);
    return used;
}

void tui_fill(WINDOW *w, int y, int x, int cols, attr_t attr)
{
    int maxx = getmaxx(w);
    if (y < 0 || y >= getmaxy(w))
        return;
    if (x + cols > maxx)
        cols = maxx - x;
    wattrset(w, attr);
    for (int i = 0; i < cols; i++)
        mvwaddch(w, y, x + i, ' ');
    wattrset(w, A_NORMAL);
}

/* Makes column x of row y the start of a character: a wide character of
 * what is below drawn across the boundary between x - 1 and x (a Chinese
 * label under a popup's left border) becomes spaces. Half of it left in
 * the window would be written whole by ncurses and push the rest of the
 * row one column to the right: a pick list's border and rows shifted, an
 * ID number cut. */
static void split_at(WINDOW *w, int y, int x)
{
    if (y < 0 || y >= getmaxy(w) || x <= 0 || x >= getmaxx(w))
        return;
    int c = 0;
    while (c < x) {
        cchar_t cc;
        wchar_t wch[CCHARW_MAX + 1];
        attr_t a;
        short pair;
        if (mvwin_wch(w, y, c, &cc) == ERR || getcchar(&cc, wch, &a, &pair, NULL) == ERR)
            return;
        int cw = wcwidth(wch[0]);
        if (cw < 1)
            cw = 1;
        if (c + cw > x) {
            for (int i = c; i < c + cw && i < getmaxx(w); i++)
                mvwaddch(w, y, i, ' ');
            return;
        }
        c += cw;
    }
}

void tui_box(WINDOW *w, int y, int x, int h, int wdt, attr_t attr, const char *title)
{
    /* nothing below may straddle the box's edges */
    for (int r = 0; r < h; r++) {
        split_at(w, y + r, x);
        split_at(w, y + r, x + wdt);
    }
    for (int r = 0; r < h; r++)
        tui_fill(w, y + r, x, wdt, attr);
    /* the wide-character line set: drawn as UTF-8, never through the
     * terminal's alternate character set */
    wattrset(w, attr);
    mvwhline_set(w, y, x + 1, WACS_HLINE, wdt - 2);
    mvwhline_set(w, y + h - 1, x + 1, WACS_HLINE, wdt - 2);
    mvwvline_set(w, y + 1, x, WACS_VLINE, h - 2);
    mvwvline_set(w, y + 1, x + wdt - 1, WACS_VLINE, h - 2);
    mvwadd_wch(w, y, x, WACS_ULCORNER);
    mvwadd_wch(w, y, x + wdt - 1, WACS_URCORNER);
    mvwadd_wch(w, y + h - 1, x, WACS_LLCORNER);
    mvwadd_wch(w, y + h - 1, x + wdt - 1, WACS_LRCORNER);
    wattrset(w, A_NORMAL);
    if (title && *title) {
        char t[256];
        snprintf(t, sizeof t, " %s ", title);
        /* inside the top border, its corner kept */
        int tw = ud_str_width(t);
        tui_put(w, y, x + 2, t, tw < wdt - 4 ? tw : wdt - 4, UD_LEFT, attr | A_BOLD);
    }
}

int tui_is_char(int k)
{
    return k >= 0x20 && k != 0x7F && k < 0x200000 && !(k >= 0x80 && k < 0xA0);
}
