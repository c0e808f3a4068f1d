/* Internal header of the screens: the only place that includes curses.
 *
 * Shape: an app holds six tabs (组织 会员 调解 帮扶 培训 报表). Each tab is
 * one file filling a `struct tui_tab_ops` and registered in tabs.c. Inside
 * a tab, views stack: a list, a detail, a form, a pick list; each view is
 * a `struct tui_view` with draw and key callbacks. Generic widgets — the
 * keyset list, the line editor, the form, the pick list — live in their
 * own files and know nothing of any module. */
#ifndef UD_TUI_INTERNAL_H
#define UD_TUI_INTERNAL_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "uniondesk/db.h"
#include "uniondesk/err.h"
#include "uniondesk/fields.h"
#include "uniondesk/list.h"
#include "uniondesk/may.h"
#include "uniondesk/utf8.h"

/* ---- keys ---- */
/* Keys as one int: characters as themselves, curses keys offset. */
#define TK_KEY(k) (0x200000 + (k))
#define TK_CTRL(c) ((c) & 0x1f)
#define TK_ESC 27
#define TK_ENTER '\n'
#define TK_TAB '\t'
#define TK_NONE (-1)
#define TK_QUIT_SIGNAL (-2) /* SIGINT/SIGTERM/SIGHUP arrived */

int tui_is_char(int k); /* a printable character (not a control, not a curses key) */

/* ---- colours and attributes: logical elements × scheme ---- */
enum tui_elem {
    TE_NORMAL,
    TE_TITLE,
    TE_TAB,
    TE_TAB_ACTIVE,
    TE_HEADER,   /* list column titles */
    TE_SELECTED, /* the selected row */
    TE_OVERDUE,
    TE_KEYBAR_KEY,
    TE_KEYBAR_TEXT,
    TE_STATUS,
    TE_ERROR,
    TE_LABEL,
    TE_FIELD,        /* an input field */
    TE_FIELD_ACTIVE, /* the field being edited */
    TE_DIM,
    TE_POPUP,
    TE_COUNT
};
void tui_colors_init(void);
attr_t tui_attr(enum tui_elem e);
int tui_has_colors(void);

/* ---- drawing ---- */
/* Draws s at (y, x) in exactly `cols` columns (padded or cut with '~'),
 * control characters made visible. */
void tui_put(WINDOW *w, int y, int x, const char *s, int cols, enum ud_align al, attr_t attr);
/* Draws s at (y, x), no padding, cut at the right edge of the window. */
int tui_puts(WINDOW *w, int y, int x, const char *s, attr_t attr);
void tui_fill(WINDOW *w, int y, int x, int cols, attr_t attr);
void tui_box(WINDOW *w, int y, int x, int h, int wdt, attr_t attr, const char *title);

/* ---- the line editor: one line of UTF-8 text, cursor by character,
 * horizontal scrolling by display width ---- */
#define TUI_EDIT_MAX UD_FIELD_TEXT_MAX /* the longest field text (2000 characters) */
struct tui_edit {
    char text[TUI_EDIT_MAX];
    size_t len;    /* bytes */
    size_t cur;    /* cursor, a byte offset on a character boundary */
    size_t scroll; /* first byte shown */
    int maxchars;  /* 0 = no limit but the buffer */
    int changed;
};
void tui_edit_set(struct tui_edit *e, const char *text);
/* Handles editing keys; returns 1 when the key was used. */
int tui_edit_key(struct tui_edit *e, int key);
/* Draws the editor in `cols` columns; places the terminal cursor when
 * active. */
void tui_edit_draw(struct tui_edit *e, WINDOW *w, int y, int x, int cols, int active, attr_t attr);

/* ---- key help: what the key bar and the help screen show ---- */
struct tui_keyhelp {
    const char *key;
    const char *zh;
    const char *en;
};
#define TUI_KEYS_END {NULL, NULL, NULL}

struct tui_app;
struct tui_view;
struct tui_detail;

/* ---- views: what a tab shows, stacked ---- */
struct tui_view_ops {
    void (*draw)(struct tui_app *app, struct tui_view *v, WINDOW *w, int h, int wdt);
    /* returns 1 if the key was handled */
    int (*key)(struct tui_app *app, struct tui_view *v, int key);
    void (*free)(struct tui_view *v);
    /* unsaved changes? (asked before quitting) */
    int (*dirty)(struct tui_view *v);
    /* the view above was closed (reload what may have changed) */
    void (*resume)(struct tui_app *app, struct tui_view *v);
};

struct tui_view {
    const struct tui_view_ops *ops;
    struct tui_view *below; /* the view this one was opened over */
    void *data;
    int popup;              /* drawn over the view below */
    int modal;              /* takes every key (typing): the global keys do not apply */
    const struct tui_keyhelp *keys; /* for the key bar (the first few) and help (all) */
    /* the help's section on this view (NULL: its keys) */
    void (*help)(struct tui_app *app, struct tui_view *v, struct tui_detail *d);
};

/* ---- tabs ---- */
struct tui_tab_ops {
    const char *zh;
    const char *en;
    /* creates the tab's first view (its list) */
    struct tui_view *(*open)(struct tui_app *app);
};
extern const struct tui_tab_ops *const tui_tabs[];
extern const int tui_ntabs;

#define TUI_MAX_TABS 6

struct tui_app {
    struct ud_db *db;
    const char *db_path;
    char district[184]; /* the root organization's name */
    struct tui_view *top[TUI_MAX_TABS]; /* each tab's view stack */
    int tab;
    int quit;
    char status[2048]; /* lp's reason and what to do fit whole */
    int status_error;
    int readonly;
    int scripted; /* keys from a script, screen dumps to files */
    unsigned generation; /* moves on with every write from these screens */
};

/* Says that this session wrote something: views holding figures (the
 * organization tree's member counts) reload when they come back. */
static inline void tui_changed(struct tui_app *app)
{
    app->generation++;
}

void tui_push(struct tui_app *app, struct tui_view *v);
/* Closes the top view of the current tab; tells the one below to resume. */
void tui_pop(struct tui_app *app);
struct tui_view *tui_top(struct tui_app *app);
void tui_message(struct tui_app *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void tui_error(struct tui_app *app, const struct ud_err *err);
void tui_error_text(struct tui_app *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Yes/no question on the status line; returns 1 for yes. */
int tui_confirm(struct tui_app *app, const char *question);
/* Redraws everything (also after a resize). */
void tui_redraw(struct tui_app *app);
/* Next key: from the terminal or the script; KEY_RESIZE handled here. */
int tui_getkey(struct tui_app *app);
/* May the user do it? Asks the module (ud_may) after read-only mode;
 * shows why not. */
int tui_may(struct tui_app *app, enum ud_act act);

/* An active editor calls this after placing the cursor with wmove. */
void tui_show_cursor(void);
WINDOW *tui_body(void);

/* ---- scripted mode (tests): UNIONDESK_SCRIPT names a file of steps ---- */
int tui_script_open(const char *path);
/* next key from the script; TK_NONE when it ends */
int tui_script_key(struct tui_app *app);
void tui_dump_screen(const char *path);

/* ---- the generic keyset list over a module ---- */
struct tui_column {
    const char *zh;
    const char *en;
    int width;  /* display columns; less when its content is narrower */
    /* its share of the spare width (tui_list_layout_columns): any column
     * grows to show its content whole when there is room; a weighted one
     * also takes, by weight, what is left after that. 0: content only */
    int weight;
    enum ud_align align;
    const char *sort; /* sort key name, or NULL */
};
#define TUI_LIST_MAXCOLS 32

struct tui_list_source {
    size_t row_size;
    const struct tui_column *columns;
    int ncolumns;
    /* fills rows for the page; `query` is the live search text */
    int (*fetch)(struct tui_app *app, void *ctx, const char *query, const struct ud_page *pg, void *rows,
                 struct ud_cursor *cursors, int *n, struct ud_err *err);
    int (*count)(struct tui_app *app, void *ctx, const char *query, int64_t *count, struct ud_err *err);
    /* text of one cell */
    void (*cell)(struct tui_app *app, void *ctx, const void *row, int col, char *out, size_t outsz);
    /* 1 when the row should stand out (overdue); marked with '!' too */
    int (*alert)(const void *row);
    int64_t (*row_id)(const void *row);
    /* the cursor of the row `id` in the list without its search, sorted by
     * `sort` (the module's *_locate); at->valid = 0: not in the list;
     * TUI_LOCATE_WALK: this list cannot say (walked from the start, a
     * bounded number of windows). NULL: walked. */
    int (*locate)(struct tui_app *app, void *ctx, const char *sort, int64_t id, struct ud_cursor *at,
                  struct ud_err *err);
};
#define TUI_LOCATE_WALK (-1)

#define TUI_LIST_MAX 256
struct tui_list {
    const struct tui_list_source *src;
    void *ctx;
    char *rows; /* TUI_LIST_MAX rows */
    struct ud_cursor cursors[TUI_LIST_MAX];
    int n;      /* rows in the window */
    int sel;    /* selected row in the window */
    int height; /* rows that fit */
    int at_end; /* the window reaches the end of the list */
    struct tui_edit search;
    char query[TUI_EDIT_MAX]; /* the search as the module gets it (ud_search_fold) */
    int searching; /* the search line has the focus */
    const char *sort;
    int desc;
    int64_t total;
    int total_valid;
    char title[256]; /* filter description shown above the list */
};

struct tui_list *tui_list_new(const struct tui_list_source *src, void *ctx, const char *sort, int desc);
void tui_list_free(struct tui_list *l);
/* Fetches the window again from its first row (after an edit or a filter change). */
void tui_list_reload(struct tui_app *app, struct tui_list *l);
void tui_list_home(struct tui_app *app, struct tui_list *l);
void tui_list_draw(struct tui_app *app, struct tui_list *l, WINDOW *w, int y, int h, int wdt);
/* navigation, search and sort keys; returns 1 when used */
int tui_list_key(struct tui_app *app, struct tui_list *l, int key);
/* Widths of the columns of a list `wdt` wide (the two marker columns
 * excluded): each column its width, or its content's when narrower
 * (need[i]: the widest cell, header included; need may be NULL), those
 * that do not fit dropped from the right; spare width first to the
 * columns whose content is wider, the smallest shortfall per weight (0
 * counting as 1) first, so that what can be shown whole is; what is left
 * shared by weight. Returns how many are shown. */
int tui_list_layout_columns(const struct tui_column *cols, int n, const int *need, int wdt, int *widths);
/* "380000", or "1000+" for a search with more matches than it counts */
void tui_list_count_text(const struct tui_list *l, char *out, size_t outsz);
/* the selected row, or NULL */
const void *tui_list_selected(struct tui_list *l);
/* Makes the row with this id the selected one: in the window, else the
 * window moves to where it sorts (the source's locate; a search is
 * cleared first), or, without locate, is found from the start of the list
 * (a search that hides it is cleared; the walk is bounded). Returns 0
 * when it is not found: the list is at its start. */
int tui_list_select_id(struct tui_app *app, struct tui_list *l, int64_t id);
extern const struct tui_keyhelp tui_list_keys[];

/* ---- forms ---- */
enum tui_form_kind { TF_TEXT, TF_CHOICE, TF_PICK };

struct tui_form_field {
    const struct ud_field *def; /* label, type, limits */
    struct tui_edit edit;
    char error[UD_FIELD_MSG];
    /* a reference picked from a list: the key typed into the record
     * (org code, ID number) and the name shown */
    int (*pick)(struct tui_app *app, struct tui_form_field *f, void *ctx);
    void *pick_ctx;
    char shown[256]; /* what the user sees for a picked value */
    int readonly;
    uint64_t typed_sum; /* hash of the text as the user last typed it */
};

#define TUI_FORM_MAX 32
struct tui_form {
    char title[128];
    struct tui_form_field f[TUI_FORM_MAX];
    int n;
    int cur;
    int fresh; /* the cursor just came to this field: typing into a choice replaces it */
    int top; /* first field shown when the form scrolls */
    int saving;
    /* called with each field's text; returns UD_OK or fills err with
     * field errors (the form shows them next to the fields) */
    int (*save)(struct tui_app *app, struct tui_form *form, void *ctx, struct ud_err *err);
    /* reload after a conflict (NULL: none) */
    int (*reload)(struct tui_app *app, struct tui_form *form, void *ctx);
    void *ctx;
    void (*free_ctx)(void *ctx);
    int done; /* saved */
};

struct tui_form *tui_form_new(const char *title);
/* An ID number field shows its value masked unless the user typed it
 * here (a value from the database or a pick list stays hidden); typing
 * into a hidden value replaces it. The text a pick list may start from:
 * "" while hidden. */
int tui_form_field_hidden(const struct tui_form_field *f);
const char *tui_form_field_typed(const struct tui_form_field *f);
struct tui_form_field *tui_form_add(struct tui_form *form, const struct ud_field *def, const char *text);
struct tui_form_field *tui_form_find(struct tui_form *form, const char *name);
const char *tui_form_text(struct tui_form *form, const char *name);
int tui_form_dirty(struct tui_form *form);
/* Opens the form as a view of its own. */
void tui_form_open(struct tui_app *app, struct tui_form *form);
/* Copies field errors from err into the form; returns the first bad field. */
int tui_form_show_errors(struct tui_form *form, const struct ud_err *err);

/* ---- pick lists ---- */
/* Opens a pick list over a list source; on Enter it closes and calls
 * done with (a copy of) the selected row: done fills in the view below,
 * or opens a view of its own. */
void tui_pick_open(struct tui_app *app, const char *title, const struct tui_list_source *src, void *ctx,
                   void (*done)(struct tui_app *app, const void *row, void *arg), void *arg, const char *initial);
/* A pick list of a few fixed items; done gets the chosen one. */
void tui_pick_items(struct tui_app *app, const char *title, const struct ud_enum_item *const *items, int n,
                    void (*done)(struct tui_app *app, const struct ud_enum_item *item, void *arg), void *arg);
/* A pick list of an enumeration's labels. */
void tui_pick_enum(struct tui_app *app, const struct ud_enum *e, struct tui_edit *target);
/* The pick list on top (just opened) selects the row whose row_id is id,
 * however far down the list it is. */
void tui_pick_select(struct tui_app *app, int64_t id);

/* ---- detail views: label/value lines with sections ---- */
struct tui_detail_line {
    char label[64];
    char value[512];
    int alert;
    int section; /* a heading line */
};
struct tui_detail {
    struct tui_detail_line *lines;
    int n, cap;
    int top;
    int revealed; /* whole ID numbers shown (after `i`, recorded as a read) */
};
void tui_detail_clear(struct tui_detail *d);
void tui_detail_add(struct tui_detail *d, const char *label, const char *value, int alert);
void tui_detail_section(struct tui_detail *d, const char *title);
/* lines from a record's field table */
void tui_detail_fields(struct tui_app *app, struct tui_detail *d, const struct ud_field *defs, const void *rec);
void tui_detail_draw(struct tui_app *app, struct tui_detail *d, WINDOW *w, int y, int h, int wdt);
/* The `i` key of a detail holding an ID number: officers and admins only;
 * records the read of table/row_id in the audit log, then marks the detail
 * revealed (the caller reloads it). Returns 1 when revealed. */
int tui_detail_reveal(struct tui_app *app, struct tui_detail *d, const char *table, int64_t row_id);
/* An ID number as the detail shows it: masked until revealed. */
void tui_detail_id(const struct tui_detail *d, const char *id, char *out, size_t outsz);
int tui_detail_key(struct tui_detail *d, int key, int h);
void tui_detail_free(struct tui_detail *d);

/* ---- help ---- */
void tui_help_open(struct tui_app *app);

#endif
