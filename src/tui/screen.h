/* A record screen as a descriptor: a module's list (columns, search,
 * sort), filters, detail, form and keys, in one table; screen.c runs every
 * one of them (as htop's screens sit on InfoScreen and tig's views on
 * view.c). A screen writes by hand only what is special about it: its
 * cells, a detail section, an extra key's action. */
#ifndef UD_TUI_SCREEN_H
#define UD_TUI_SCREEN_H

#include <stddef.h>

#include "record.h"
#include "uniondesk/may.h"

struct tui_scr;

/* A text in both languages. */
struct tui_text {
    const char *zh;
    const char *en;
};
#define TUI_TX(t) T((t).zh, (t).en)

/* Where a key works. */
#define TUI_IN_LIST 1u
#define TUI_IN_DETAIL 2u
#define TUI_IN_BOTH 3u

/* What a key's action did. */
enum tui_done {
    TUI_STAY,   /* nothing to redo */
    TUI_RELOAD, /* the record changed: the list or detail reloads */
    TUI_GONE    /* the record is gone: a detail closes */
};

/* One key of a screen: the same row drives the dispatch, the key bar and
 * the `?` help, and its role is the module's (ud_may). */
struct tui_screen_key {
    int key;          /* as tui_getkey returns it */
    const char *name; /* as the key bar shows it: "n", "Enter" */
    const char *zh;
    const char *en;
    enum ud_act act;  /* asked of the module before it runs (UD_ACT_VIEW: anyone) */
    unsigned where;   /* TUI_IN_LIST, TUI_IN_DETAIL or both */
    int needs_rec;    /* does nothing without a selected record */
    enum tui_done (*run)(struct tui_app *app, struct tui_scr *s, const void *rec);
};

/* The rows most screens share. */
#define TUI_KEY_OPEN {TK_ENTER, "Enter", "详情", "open", UD_ACT_VIEW, TUI_IN_LIST, 1, tui_scr_open}
#define TUI_KEY_NEW(act) {'n', "n", "新建", "new", act, TUI_IN_LIST, 0, tui_scr_new}
#define TUI_KEY_EDIT(act) {'e', "e", "修改", "edit", act, TUI_IN_BOTH, 1, tui_scr_edit}
#define TUI_KEY_DELETE(act) {'d', "d", "删除", "delete", act, TUI_IN_BOTH, 1, tui_scr_delete}
#define TUI_KEY_FILTER {'f', "f", "筛选", "filter", UD_ACT_VIEW, TUI_IN_LIST, 0, tui_scr_filter}
#define TUI_SCREEN_KEYS_END {0, NULL, NULL, NULL, UD_ACT_VIEW, 0, 0, NULL}

/* A pick list offered on a form or filter field. */
struct tui_screen_pick {
    const char *field;
    int (*pick)(struct tui_app *app, struct tui_form_field *f, void *ctx);
};

struct tui_screen {
    struct tui_text title;       /* "会员" */
    struct tui_text count;       /* "会员  共 %s 人…": the list title with the count */
    struct tui_text search;      /* the search line's label */
    /* the list: rows are records (rec_size); ctx of every callback is the
     * struct tui_scr */
    struct tui_list_source src;
    const char *sort;
    int desc;
    size_t version_off;          /* offsetof the record's version */
    /* filters: a struct of filter_size bytes described by filter_fields */
    const struct ud_field *filter_fields;
    size_t filter_size;
    struct tui_text filter_title;
    const struct tui_screen_pick *filter_picks;
    int (*filter_check)(const void *filter, struct ud_err *err);
    /* records */
    const struct ud_field *fields;
    int (*get)(struct ud_db *db, int64_t id, void *rec, struct ud_err *err);
    void (*init)(struct tui_app *app, struct tui_scr *s, void *rec); /* a new record's values */
    int (*create)(struct ud_db *db, void *rec, struct ud_err *err);
    int (*update)(struct ud_db *db, void *rec, struct ud_err *err);
    int (*remove)(struct ud_db *db, int64_t id, int64_t version, struct ud_err *err);
    /* how a record is named: in messages and form titles (longer = 0),
     * in the detail's heading (longer = 1) */
    void (*name)(const void *rec, int longer, char *out, size_t outsz);
    struct tui_text detail_title; /* "会员：%s" */
    struct tui_text new_title;    /* the form of a new record (no %s) */
    struct tui_text edit_title;   /* "修改会员：%s" */
    struct tui_text added;        /* "已添加会员 %s" */
    struct tui_text next;         /* "（按 s 受理）": said only while the new record is the selected row */
    struct tui_text deleted;      /* "已删除会员 %s" */
    /* the delete question: "删除会员 %s（%s）？" (NULL: a generic one) */
    void (*delete_question)(struct tui_app *app, const void *rec, char *out, size_t outsz);
    const char *audit_table;      /* the detail shows an ID number: `i` records its read here */
    /* the detail's "记录" section: the version, and the times at these
     * offsets (0: the screen's detail says them itself); show_id: the
     * record's number too */
    size_t created_off, updated_off;
    int show_id;
    /* the detail's lines (NULL: every field), then the "记录" section */
    void (*detail)(struct tui_app *app, struct tui_scr *s, struct tui_detail *d, const void *rec);
    /* the form's fields (NULL: every field of `fields`), then form_picks;
     * mode is TUI_FORM_NEW, TUI_FORM_EDIT or a screen's own (tui_scr_form) */
    void (*form_fill)(struct tui_app *app, struct tui_scr *s, struct tui_form *form, const void *rec, int mode);
    /* before the form's fields are applied to the record (NULL: nothing) */
    void (*before_save)(struct tui_scr *s, void *rec, int mode);
    /* after a save of a screen's own mode: what to say (NULL: nothing) */
    void (*saved)(struct tui_app *app, struct tui_scr *s, const void *rec, int mode);
    /* the list's title and a line under it, instead of `count` (NULL: count) */
    void (*heading)(struct tui_app *app, struct tui_scr *s, char *title, size_t titlesz, char *line, size_t linesz);
    const struct tui_screen_pick *form_picks;
    const struct tui_screen_key *keys; /* ends with a zero row */
    size_t private_size;               /* per-screen state, zeroed: s->priv */
    void (*opened)(struct tui_app *app, struct tui_scr *s); /* filter defaults, private state */
};

#define TUI_SCREEN_KEYS_MAX 24

/* A running screen: the list view's data. */
struct tui_scr {
    const struct tui_screen *def;
    struct tui_list *list;
    void *filter;
    void *priv;
    int64_t scope;     /* the record this screen lists under (a course's enrolments), or 0 */
    struct tui_scr *parent; /* the screen it was opened from (tui_screen_push), or NULL */
    const char *search_locked; /* `/` says this instead of searching (a list of one person's) */
    int64_t select_id; /* a record just saved: selected when the list comes back */
    char hint[512];    /* a status message about the selected row (goes with the next key) */
    struct tui_keyhelp help[2][TUI_SCREEN_KEYS_MAX + 4]; /* list, detail: every key, for `?` */
    struct tui_keyhelp bar[2][TUI_SCREEN_KEYS_MAX + 4];  /* the key bar: only keys the user's role may use */
};

/* The tab's first view over a screen, or a view pushed over the current
 * one (a course's enrolments: scope = the course). */
struct tui_view *tui_screen_new(struct tui_app *app, const struct tui_screen *def, int64_t scope);
void tui_screen_push(struct tui_app *app, const struct tui_screen *def, int64_t scope);
/* A screen without a list, for a view of its own (the organization tree)
 * that opens the screen's detail and forms; freed with tui_scr_free. */
struct tui_scr *tui_scr_make(struct tui_app *app, const struct tui_screen *def);
void tui_scr_free(struct tui_scr *s);
/* The detail of one record on its own, over the current view (its keys
 * work as in the screen's own detail). */
void tui_screen_detail(struct tui_app *app, const struct tui_screen *def, int64_t id);

/* The actions every screen can put in its key table. */
enum tui_done tui_scr_open(struct tui_app *app, struct tui_scr *s, const void *rec);   /* the detail */
enum tui_done tui_scr_new(struct tui_app *app, struct tui_scr *s, const void *rec);    /* the form, empty */
enum tui_done tui_scr_edit(struct tui_app *app, struct tui_scr *s, const void *rec);   /* the form */
enum tui_done tui_scr_delete(struct tui_app *app, struct tui_scr *s, const void *rec); /* asks first */
enum tui_done tui_scr_filter(struct tui_app *app, struct tui_scr *s, const void *rec); /* the filter form */

#define TUI_FORM_NEW 0
#define TUI_FORM_EDIT 1
/* The form over the record `id` in a mode of the screen's own (title given). */
void tui_scr_form(struct tui_app *app, struct tui_scr *s, int64_t id, int mode, const char *title);

/* The row with this id becomes the selected one (after a save); 0 when
 * the list does not show it (filtered out; or, for a list without locate,
 * beyond the bounded walk). */
int tui_scr_select(struct tui_app *app, struct tui_scr *s, int64_t id);
/* A message about the selected row, such as "press s to file it": it
 * goes with the next key. */
void tui_scr_hint(struct tui_app *app, struct tui_scr *s, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* "  筛选： 已受理 仅超期": the filter's fields that are set. */
void tui_scr_describe_filter(struct tui_app *app, const struct tui_scr *s, char *out, size_t outsz);
int64_t tui_scr_version(const struct tui_scr *s, const void *rec);
/* The screen whose list is under the current view (NULL: none). */
struct tui_scr *tui_scr_below(struct tui_app *app);

/* The descriptor's record callbacks over a module's typed functions:
 * defines P_get, P_create, P_update for the record type R. */
#define TUI_SCREEN_RECORD(P, R, get_fn, create_fn, update_fn)                              \
    static int P##_get(struct ud_db *db, int64_t id, void *rec, struct ud_err *err)        \
    {                                                                                      \
        return get_fn(db, id, (R *)rec, err);                                              \
    }                                                                                      \
    static int P##_create(struct ud_db *db, void *rec, struct ud_err *err)                 \
    {                                                                                      \
        return create_fn(db, (R *)rec, err);                                               \
    }                                                                                      \
    static int P##_update(struct ud_db *db, void *rec, struct ud_err *err)                 \
    {                                                                                      \
        return update_fn(db, (R *)rec, err);                                               \
    }

/* The list source's fetch and count over a module's list and count, with
 * the screen's filter turned into the module's (to_filter(s, query, &f)). */
#define TUI_SCREEN_FETCH(F, to_filter, list_fn)                                                        \
    static int fetch(struct tui_app *app, void *ctx, const char *query, const struct ud_page *pg,      \
                     void *rows, struct ud_cursor *cursors, int *n, struct ud_err *err)                \
    {                                                                                                  \
        F f_;                                                                                          \
        to_filter(ctx, query, &f_);                                                                    \
        return list_fn(app->db, &f_, pg, rows, cursors, n, err);                                       \
    }
/* The list source's locate over a module's *_locate (the filter without
 * the search: the list clears it first). */
#define TUI_SCREEN_LOCATE(F, to_filter, locate_fn)                                                      \
    static int locate(struct tui_app *app, void *ctx, const char *sort, int64_t id, struct ud_cursor *at, \
                      struct ud_err *err)                                                               \
    {                                                                                                   \
        F f_;                                                                                           \
        to_filter(ctx, NULL, &f_);                                                                      \
        return locate_fn(app->db, &f_, sort, id, at, err);                                              \
    }
#define TUI_SCREEN_COUNT(F, to_filter, count_fn)                                                       \
    static int count(struct tui_app *app, void *ctx, const char *query, int64_t *c, struct ud_err *err) \
    {                                                                                                  \
        F f_;                                                                                          \
        to_filter(ctx, query, &f_);                                                                    \
        return count_fn(app->db, &f_, c, err);                                                         \
    }

#endif
