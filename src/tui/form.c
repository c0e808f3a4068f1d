/* Forms: a column of labelled fields, each with the line editor; errors
 * next to the field they concern; nothing typed is lost on an error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui.h"
#include "uniondesk/i18n.h"
#include "uniondesk/member.h"
#include "uniondesk/parse.h"
#include "uniondesk/privacy.h"
#include "uniondesk/utf8.h"

struct tui_form *tui_form_new(const char *title)
{
    struct tui_form *f = calloc(1, sizeof *f);
    if (f)
        snprintf(f->title, sizeof f->title, "%s", title);
    return f;
}

static uint64_t text_sum(const char *s)
{
    uint64_t h = 14695981039346656037ULL; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

int tui_form_field_hidden(const struct tui_form_field *f)
{
    /* ID number fields, and references to a member typed as one */
    int id = f->def->type == UD_F_IDNUM || (f->def->type == UD_F_REF && f->def->ref == &ud_ref_member);
    return id && f->edit.len > 0 && text_sum(f->edit.text) != f->typed_sum;
}

const char *tui_form_field_typed(const struct tui_form_field *f)
{
    return tui_form_field_hidden(f) ? "" : f->edit.text;
}

/* Draws a field's editor, an ID number masked while hidden. */
static void draw_edit(struct tui_form_field *f, WINDOW *w, int y, int x, int cols, int active, attr_t attr)
{
    if (!tui_form_field_hidden(f)) {
        tui_edit_draw(&f->edit, w, y, x, cols, active, attr);
        return;
    }
    struct tui_edit shown = f->edit;
    char m[UD_IDNUM_SZ];
    ud_show_id_number(f->edit.text, m, sizeof m);
    tui_edit_set(&shown, m);
    tui_edit_draw(&shown, w, y, x, cols, active, attr);
}

struct tui_form_field *tui_form_add(struct tui_form *form, const struct ud_field *def, const char *text)
{
    if (form->n >= TUI_FORM_MAX)
        return NULL;
    struct tui_form_field *f = &form->f[form->n++];
    memset(f, 0, sizeof *f);
    f->def = def;
    tui_edit_set(&f->edit, text);
    f->edit.maxchars = def->maxchars > 0 ? def->maxchars : 200;
    return f;
}

struct tui_form_field *tui_form_find(struct tui_form *form, const char *name)
{
    for (int i = 0; i < form->n; i++)
        if (strcmp(form->f[i].def->name, name) == 0)
            return &form->f[i];
    return NULL;
}

const char *tui_form_text(struct tui_form *form, const char *name)
{
    struct tui_form_field *f = tui_form_find(form, name);
    return f ? f->edit.text : "";
}

int tui_form_dirty(struct tui_form *form)
{
    if (form->done)
        return 0;
    for (int i = 0; i < form->n; i++)
        if (form->f[i].edit.changed)
            return 1;
    return 0;
}

int tui_form_show_errors(struct tui_form *form, const struct ud_err *err)
{
    int first = -1;
    for (int i = 0; i < form->n; i++) {
        const struct ud_field_error *e = ud_err_find(err, form->f[i].def->name);
        snprintf(form->f[i].error, sizeof form->f[i].error, "%s", e ? e->msg : "");
        if (e && first < 0)
            first = i;
    }
    if (first >= 0)
        form->cur = first;
    return first;
}

static int is_choice(const struct tui_form_field *f)
{
    return f->def->type == UD_F_ENUM || f->def->type == UD_F_REF || f->pick;
}

/* ---- the form as a view ---- */

static int label_width(struct tui_form *form)
{
    int w = 8;
    for (int i = 0; i < form->n; i++) {
        int lw = ud_str_width(ud_field_label(form->f[i].def)) + ((form->f[i].def->flags & UD_FF_REQUIRED) ? 1 : 0);
        if (lw > w)
            w = lw;
    }
    return w; /* form_draw keeps room for the field */
}

static void form_draw(struct tui_app *app, struct tui_view *v, WINDOW *w, int h, int wdt)
{
    (void)app;
    struct tui_form *form = v->data;
    tui_put(w, 0, 0, form->title, wdt, UD_LEFT, tui_attr(TE_HEADER));
    /* labels whole when they leave a field of 16 columns (issue 8: "期间（YYYY-MM 或 ~") */
    int lw = label_width(form);
    if (lw > wdt - 20)
        lw = wdt - 20 > 8 ? wdt - 20 : 8;
    int fx = lw + 3;
    /* leave room on the right for the name a picked code stands for */
    int fw = wdt - fx - 1 - 24;
    if (fw > 50)
        fw = 50;
    if (fw < 16)
        fw = 16;
    /* lines each field takes: 1, plus 1 for an error */
    int rows = h - 2;
    /* keep the current field visible */
    if (form->cur < form->top)
        form->top = form->cur;
    for (;;) {
        int used = 0;
        for (int i = form->top; i <= form->cur && i < form->n; i++)
            used += 1 + (form->f[i].error[0] ? 1 : 0);
        if (used <= rows || form->top >= form->cur)
            break;
        form->top++;
    }
    int y = 2;
    for (int i = form->top; i < form->n && y < h; i++) {
        struct tui_form_field *f = &form->f[i];
        char label[128];
        snprintf(label, sizeof label, "%s%s", ud_field_label(f->def), (f->def->flags & UD_FF_REQUIRED) ? "*" : "");
        int active = i == form->cur;
        tui_put(w, y, 1, label, lw, UD_RIGHT, active ? tui_attr(TE_HEADER) : tui_attr(TE_LABEL));
        if (f->readonly) {
            char m[UD_IDNUM_SZ];
            if (tui_form_field_hidden(f))
                ud_show_id_number(f->edit.text, m, sizeof m);
            tui_put(w, y, fx, tui_form_field_hidden(f) ? m : f->edit.text, fw, UD_LEFT, tui_attr(TE_DIM));
        } else {
            int ew = is_choice(f) ? fw - 3 : fw;
            draw_edit(f, w, y, fx, ew, 0, active ? tui_attr(TE_FIELD_ACTIVE) : tui_attr(TE_FIELD));
            if (is_choice(f))
                tui_put(w, y, fx + ew, "[v]", 3, UD_LEFT, tui_attr(TE_DIM));
        }
        /* the name a picked code stands for */
        int after = fx + fw + 1;
        if (f->shown[0] && after < wdt - 4)
            tui_put(w, y, after, f->shown, wdt - after, UD_LEFT, tui_attr(TE_DIM));
        y++;
        if (f->error[0] && y < h) {
            char e[300];
            snprintf(e, sizeof e, "^ %s", f->error);
            tui_put(w, y, fx, e, wdt - fx, UD_LEFT, tui_attr(TE_ERROR));
            y++;
        }
    }
    /* the cursor goes last, so it ends where the user types */
    y = 2;
    for (int i = form->top; i < form->n && y < h; i++) {
        struct tui_form_field *f = &form->f[i];
        if (i == form->cur && !f->readonly) {
            int ew = is_choice(f) ? fw - 3 : fw;
            draw_edit(f, w, y, fx, ew, 1, tui_attr(TE_FIELD_ACTIVE));
            break;
        }
        y += 1 + (f->error[0] ? 1 : 0);
    }
}

/* Leaving a reference field typed by hand: say at once what the code
 * stands for, or that it stands for nothing. */
static void check_leaving(struct tui_app *app, struct tui_form *form)
{
    struct tui_form_field *f = &form->f[form->cur];
    if (f->def->type == UD_F_CREDIT && f->edit.changed && f->edit.len) {
        /* a check character that does not agree is saved, with a warning */
        char v[UD_CREDIT_SZ];
        int ok = 1;
        if (!ud_check_credit_code(f->edit.text, v, &ok) && !ok)
            snprintf(f->error, sizeof f->error, "%s",
                     T("注意：校验位不符（GB 32100），将按原样保存，请核对",
                       "warning: the check character does not match GB 32100; it will be kept as typed, please verify"));
        return;
    }
    if (!app || f->def->type != UD_F_REF || !f->edit.changed || !f->edit.len || f->shown[0])
        return;
    int64_t id;
    struct ud_err err;
    ud_err_clear(&err);
    if (f->def->ref->resolve(app->db, f->edit.text, &id, &err) == UD_OK)
        f->def->ref->display(app->db, id, f->shown, sizeof f->shown);
    else
        ud_strlcpy_utf8(f->error, sizeof f->error, err.msg);
}

static void move_field_from(struct tui_app *app, struct tui_form *form, int d)
{
    check_leaving(app, form);
    form->fresh = 1;
    for (int k = 0; k < form->n; k++) {
        form->cur = (form->cur + d + form->n) % form->n;
        if (!form->f[form->cur].readonly)
            return;
    }
}

static void move_field(struct tui_form *form, int d)
{
    move_field_from(NULL, form, d);
}

/* A yes/no field is set, not typed: y/是/1, n/否/0, or Space to switch. */
static int bool_key(struct tui_form_field *f, int key)
{
    const char *yes = T("是", "yes"), *no = T("否", "no");
    int now = strcmp(f->edit.text, yes) == 0 || strcmp(f->edit.text, "1") == 0;
    int to;
    if (key == 'y' || key == 'Y' || key == '1' || key == 0x662F /* 是 */)
        to = 1;
    else if (key == 'n' || key == 'N' || key == '0' || key == 0x5426 /* 否 */)
        to = 0;
    else if (key == ' ')
        to = !now;
    else
        return tui_is_char(key); /* other typing does nothing here */
    tui_edit_set(&f->edit, to ? yes : no);
    f->edit.changed = 1;
    f->error[0] = '\0';
    return 1;
}

static void open_choice(struct tui_app *app, struct tui_form *form)
{
    struct tui_form_field *f = &form->f[form->cur];
    if (f->pick)
        f->pick(app, f, f->pick_ctx);
    else if (f->def->type == UD_F_ENUM)
        tui_pick_enum(app, f->def->choices, &f->edit);
}

static void save(struct tui_app *app, struct tui_form *form)
{
    struct ud_err err;
    ud_err_clear(&err);
    for (int i = 0; i < form->n; i++)
        form->f[i].error[0] = '\0';
    app->status[0] = '\0';
    int st = form->save(app, form, form->ctx, &err);
    if (st == UD_OK) {
        form->done = 1;
        tui_changed(app);
        char warn[600] = "", said[sizeof app->status];
        if (err.nwarnings)
            snprintf(warn, sizeof warn, T("（注意：%s）", " (warning: %s)"), err.warnings[0]);
        /* what the save callback said stands (it names what was saved) */
        snprintf(said, sizeof said, "%s", app->status_error ? "" : app->status);
        tui_pop(app);
        if (said[0])
            tui_message(app, "%s%s", said, warn);
        else
            tui_message(app, T("已保存%s", "saved%s"), warn);
        return;
    }
    if (st == UD_ERR_CONFLICT && form->reload) {
        tui_error(app, &err);
        /* short enough for the (y/n) hint to stay on an 80-column line */
        if (tui_confirm(app, T("该记录已被他人修改。重新载入吗？（本表单的修改将丢失）",
                               "Changed by someone else. Reload? (your edits here are lost)"))) {
            if (form->reload(app, form, form->ctx) == UD_OK)
                tui_message(app, "%s", T("已重新载入最新内容，请重新修改", "reloaded; make your changes again"));
        } else {
            tui_error_text(app, "%s", T("未保存：记录已被他人修改。可复制您的修改后重新载入",
                                        "not saved: the record was changed by someone else"));
        }
        return;
    }
    tui_form_show_errors(form, &err);
    tui_error(app, &err);
}

static int form_key(struct tui_app *app, struct tui_view *v, int key)
{
    struct tui_form *form = v->data;
    struct tui_form_field *f = &form->f[form->cur];
    switch (key) {
    case TK_TAB:
    case TK_KEY(KEY_DOWN):
        move_field_from(app, form, 1);
        return 1;
    case TK_KEY(KEY_BTAB):
    case TK_KEY(KEY_UP):
        move_field_from(app, form, -1);
        return 1;
    case TK_ENTER:
    case TK_KEY(KEY_ENTER):
    case '\r':
        if (is_choice(f) && !f->readonly)
            open_choice(app, form);
        else if (form->cur == form->n - 1)
            save(app, form);
        else
            move_field_from(app, form, 1);
        return 1;
    case TK_KEY(KEY_F(4)):
    case TK_CTRL('p'):
        if (is_choice(f) && !f->readonly)
            open_choice(app, form);
        return 1;
    case TK_KEY(KEY_F(2)):
    case TK_CTRL('s'):
        save(app, form);
        return 1;
    case TK_ESC:
        if (!tui_form_dirty(form) || tui_confirm(app, T("放弃未保存的修改？", "Discard unsaved changes?")))
            tui_pop(app);
        return 1;
    }
    if (f->readonly)
        return tui_is_char(key); /* swallow typing, keep digits from switching tabs */
    if (f->def->type == UD_F_BOOL)
        return bool_key(f, key);
    /* typing into a choice that holds a value replaces it (a new code, a
     * label) instead of adding to it */
    if (form->fresh && is_choice(f) && tui_is_char(key))
        tui_edit_set(&f->edit, "");
    if (tui_is_char(key) || key == TK_KEY(KEY_LEFT) || key == TK_KEY(KEY_RIGHT))
        form->fresh = 0;
    if (tui_form_field_hidden(f)) {
        /* a hidden ID number is replaced, never edited in place */
        if (key == TK_KEY(KEY_LEFT) || key == TK_KEY(KEY_RIGHT) || key == TK_KEY(KEY_HOME) || key == TK_KEY(KEY_END))
            return 1;
        struct tui_edit probe = f->edit;
        if (tui_edit_key(&probe, key)) {
            tui_edit_set(&f->edit, "");
            f->edit.changed = 1;
            if (tui_is_char(key))
                tui_edit_key(&f->edit, key);
            f->typed_sum = text_sum(f->edit.text);
            f->error[0] = '\0';
            if (f->def->type == UD_F_REF)
                f->shown[0] = '\0';
            return 1;
        }
    }
    if (tui_edit_key(&f->edit, key)) {
        if (f->edit.changed)
            f->typed_sum = text_sum(f->edit.text);
        if (f->edit.changed)
            f->error[0] = '\0';
        if (f->def->type == UD_F_REF)
            f->shown[0] = '\0'; /* typed over the picked value */
        return 1;
    }
    return 0;
}

static void form_free(struct tui_view *v)
{
    struct tui_form *form = v->data;
    if (form->free_ctx)
        form->free_ctx(form->ctx);
    free(form);
}

static const struct tui_keyhelp form_keys[] = {
    {"Tab", "下一项", "next"}, {"Enter", "选择/下一项", "pick/next"}, {"F2/^S", "保存", "save"},
    {"Esc", "取消", "cancel"}, {"^U", "清除", "clear"}, TUI_KEYS_END};

static int form_dirty(struct tui_view *v)
{
    return tui_form_dirty(v->data);
}

static const struct tui_view_ops form_ops = {form_draw, form_key, form_free, form_dirty, NULL};

void tui_form_open(struct tui_app *app, struct tui_form *form)
{
    struct tui_view *v = calloc(1, sizeof *v);
    if (!v) {
        form_free(&(struct tui_view){.data = form});
        return;
    }
    v->ops = &form_ops;
    v->keys = form_keys;
    v->data = form;
    v->modal = 1;
    move_field(form, 0);
    if (form->f[form->cur].readonly)
        move_field(form, 1);
    tui_push(app, v);
}
