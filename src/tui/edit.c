/* The line editor: UTF-8 text edited by character, shown by display
 * width, scrolled so the cursor stays visible. Input arrives one
 * character at a time from get_wch (input methods and paste included). */
#include <string.h>

#include "tui.h"
#include "uniondesk/utf8.h"

void tui_edit_set(struct tui_edit *e, const char *text)
{
    ud_strlcpy_utf8(e->text, sizeof e->text, text ? text : "");
    e->len = strlen(e->text);
    e->cur = e->len;
    e->scroll = 0;
    e->changed = 0;
}

static void insert(struct tui_edit *e, uint32_t cp)
{
    char enc[4];
    int n = ud_utf8_encode(cp, enc);
    if (e->len + (size_t)n >= sizeof e->text)
        return;
    if (e->maxchars > 0 && ud_utf8_chars(e->text) >= (size_t)e->maxchars)
        return;
    memmove(e->text + e->cur + n, e->text + e->cur, e->len - e->cur + 1);
    memcpy(e->text + e->cur, enc, (size_t)n);
    e->cur += (size_t)n;
    e->len += (size_t)n;
    e->changed = 1;
}

static void delete_range(struct tui_edit *e, size_t from, size_t to)
{
    if (to <= from)
        return;
    memmove(e->text + from, e->text + to, e->len - to + 1);
    e->len -= to - from;
    if (e->cur > to)
        e->cur -= to - from;
    else if (e->cur > from)
        e->cur = from;
    if (e->scroll > e->cur)
        e->scroll = e->cur;
    e->changed = 1;
}

int tui_edit_key(struct tui_edit *e, int key)
{
    switch (key) {
    case TK_KEY(KEY_LEFT):
        e->cur = ud_utf8_prev(e->text, e->cur);
        return 1;
    case TK_KEY(KEY_RIGHT):
        e->cur = ud_utf8_next(e->text, e->len, e->cur);
        return 1;
    case TK_KEY(KEY_HOME):
    case TK_CTRL('a'):
        e->cur = 0;
        return 1;
    case TK_KEY(KEY_END):
    case TK_CTRL('e'):
        e->cur = e->len;
        return 1;
    case TK_KEY(KEY_BACKSPACE):
    case 0x7F:
    case TK_CTRL('h'):
        if (e->cur > 0)
            delete_range(e, ud_utf8_prev(e->text, e->cur), e->cur);
        return 1;
    case TK_KEY(KEY_DC):
    case TK_CTRL('d'):
        delete_range(e, e->cur, ud_utf8_next(e->text, e->len, e->cur));
        return 1;
    case TK_CTRL('u'):
        delete_range(e, 0, e->cur);
        return 1;
    case TK_CTRL('k'):
        delete_range(e, e->cur, e->len);
        return 1;
    case TK_CTRL('w'): {
        /* delete the word before the cursor */
        size_t p = e->cur;
        while (p > 0 && e->text[p - 1] == ' ')
            p--;
        while (p > 0 && e->text[p - 1] != ' ')
            p = ud_utf8_prev(e->text, p);
        delete_range(e, p, e->cur);
        return 1;
    }
    default:
        if (tui_is_char(key)) {
            insert(e, (uint32_t)key);
            return 1;
        }
        return 0;
    }
}

/* Width of text[from, to) */
static int width_between(const char *s, size_t from, size_t to)
{
    char tmp[TUI_EDIT_MAX];
    size_t n = to - from;
    memcpy(tmp, s + from, n);
    tmp[n] = '\0';
    return ud_str_width(tmp);
}

void tui_edit_draw(struct tui_edit *e, WINDOW *w, int y, int x, int cols, int active, attr_t attr)
{
    if (cols < 2)
        return;
    if (e->cur > e->len)
        e->cur = e->len;
    if (e->scroll > e->cur)
        e->scroll = e->cur;
    /* keep one column for the cursor after the last character */
    while (e->scroll < e->cur && width_between(e->text, e->scroll, e->cur) > cols - 1)
        e->scroll = ud_utf8_next(e->text, e->len, e->scroll);
    const char *from = e->text + e->scroll;
    int lead = e->scroll > 0;
    char shown[TUI_EDIT_MAX + 8];
    snprintf(shown, sizeof shown, "%s%s", lead ? "<" : "", lead ? from + 0 : from);
    if (lead) {
        /* the '<' takes a column: drop one more character if needed */
        int wcur = 1 + width_between(e->text, e->scroll, e->cur);
        if (wcur > cols - 1) {
            e->scroll = ud_utf8_next(e->text, e->len, e->scroll);
            snprintf(shown, sizeof shown, "<%s", e->text + e->scroll);
        }
    }
    tui_put(w, y, x, shown, cols, UD_LEFT, attr);
    if (active) {
        int cx = x + (lead ? 1 : 0) + width_between(e->text, e->scroll, e->cur);
        if (cx >= x + cols)
            cx = x + cols - 1;
        wmove(w, y, cx);
        tui_show_cursor();
    }
}
