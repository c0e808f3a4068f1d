/* Detail views: label and value lines, with section headings, scrolled. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui.h"
#include "uniondesk/i18n.h"
#include "uniondesk/privacy.h"
#include "uniondesk/utf8.h"

void tui_detail_clear(struct tui_detail *d)
{
    d->n = 0;
}

static struct tui_detail_line *add_line(struct tui_detail *d)
{
    if (d->n == d->cap) {
        int cap = d->cap ? d->cap * 2 : 32;
        struct tui_detail_line *g = realloc(d->lines, sizeof *g * (size_t)cap);
        if (!g)
            return NULL;
        d->lines = g;
        d->cap = cap;
    }
    struct tui_detail_line *l = &d->lines[d->n++];
    memset(l, 0, sizeof *l);
    return l;
}

void tui_detail_add(struct tui_detail *d, const char *label, const char *value, int alert)
{
    struct tui_detail_line *l = add_line(d);
    if (!l)
        return;
    ud_strlcpy_utf8(l->label, sizeof l->label, label);
    ud_strlcpy_utf8(l->value, sizeof l->value, value ? value : "");
    l->alert = alert;
}

void tui_detail_section(struct tui_detail *d, const char *title)
{
    struct tui_detail_line *l = add_line(d);
    if (!l)
        return;
    ud_strlcpy_utf8(l->label, sizeof l->label, title);
    l->section = 1;
}

void tui_detail_fields(struct tui_app *app, struct tui_detail *d, const struct ud_field *defs, const void *rec)
{
    for (const struct ud_field *f = defs; f->name; f++) {
        char v[512];
        /* a revealed detail shows the ID number whole (the read is logged) */
        ud_field_format(app->db, f, rec, f->type == UD_F_IDNUM && d->revealed ? UD_FMT_EDIT : UD_FMT_DISPLAY, v,
                        sizeof v);
        tui_detail_add(d, ud_field_label(f), v, 0);
    }
}

void tui_detail_draw(struct tui_app *app, struct tui_detail *d, WINDOW *w, int y, int h, int wdt)
{
    (void)app;
    int lw = 10;
    for (int i = 0; i < d->n; i++)
        if (!d->lines[i].section) {
            int x = ud_str_width(d->lines[i].label);
            if (x > lw)
                lw = x;
        }
    if (lw > 20)
        lw = 20;
    if (d->top > d->n - 1)
        d->top = d->n > 0 ? d->n - 1 : 0;
    for (int i = d->top, r = 0; i < d->n && r < h; i++, r++) {
        struct tui_detail_line *l = &d->lines[i];
        if (l->section) {
            tui_put(w, y + r, 0, l->label, wdt, UD_LEFT, tui_attr(TE_HEADER));
            continue;
        }
        tui_put(w, y + r, 1, l->label, lw, UD_RIGHT, tui_attr(TE_LABEL));
        char v[600];
        snprintf(v, sizeof v, "%s%s", l->alert ? "! " : "", l->value);
        tui_put(w, y + r, lw + 3, v, wdt - lw - 3, UD_LEFT, l->alert ? tui_attr(TE_OVERDUE) : tui_attr(TE_NORMAL));
    }
}

int tui_detail_key(struct tui_detail *d, int key, int h)
{
    switch (key) {
    case TK_KEY(KEY_DOWN):
    case 'j':
        if (d->top < d->n - 1)
            d->top++;
        return 1;
    case TK_KEY(KEY_UP):
    case 'k':
        if (d->top > 0)
            d->top--;
        return 1;
    case TK_KEY(KEY_NPAGE):
    case ' ':
        d->top += h;
        if (d->top > d->n - 1)
            d->top = d->n > 0 ? d->n - 1 : 0;
        return 1;
    case TK_KEY(KEY_PPAGE):
        d->top = d->top > h ? d->top - h : 0;
        return 1;
    case TK_KEY(KEY_HOME):
    case 'g':
        d->top = 0;
        return 1;
    case TK_KEY(KEY_END):
    case 'G':
        d->top = d->n > h ? d->n - h : 0;
        return 1;
    }
    return 0;
}

void tui_detail_free(struct tui_detail *d)
{
    free(d->lines);
    d->lines = NULL;
    d->n = d->cap = 0;
}

int tui_detail_reveal(struct tui_app *app, struct tui_detail *d, const char *table, int64_t row_id)
{
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_reveal_id_number(app->db, table, row_id, &err) != UD_OK) {
        tui_error(app, &err);
        return 0;
    }
    d->revealed = 1;
    tui_message(app, "%s", T("已显示完整身份证号（已记入审计日志）", "whole ID number shown (recorded in the audit log)"));
    return 1;
}

void tui_detail_id(const struct tui_detail *d, const char *id, char *out, size_t outsz)
{
    if (d->revealed)
        snprintf(out, outsz, "%s", id);
    else
        ud_show_id_number(id, out, outsz);
}
