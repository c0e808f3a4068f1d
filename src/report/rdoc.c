/* The report document: building it, and the text of one cell. */
#include "uniondesk/rdoc.h"

#include "uniondesk/i18n.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "uniondesk/parse.h"

void ud_rdoc_init(struct ud_rdoc *d)
{
    memset(d, 0, sizeof *d);
}

void ud_rdoc_free(struct ud_rdoc *d)
{
    for (int i = 0; i < d->ntables; i++) {
        free(d->tables[i].rows);
        d->tables[i].rows = NULL;
        d->tables[i].nrows = d->tables[i].cap = 0;
    }
}

struct ud_rtable *ud_rdoc_table(struct ud_rdoc *d, const char *caption, const char *label_head,
                                const struct ud_rcol *cols, int ncols)
{
    if (d->ntables >= UD_RDOC_MAXTABLES || ncols > UD_RDOC_MAXCOLS || ncols < 0)
        return NULL;
    struct ud_rtable *t = &d->tables[d->ntables++];
    memset(t, 0, sizeof *t);
    snprintf(t->caption, sizeof t->caption, "%s", caption);
    t->label_head = label_head;
    t->ncols = ncols;
    memcpy(t->cols, cols, sizeof *cols * (size_t)ncols);
    return t;
}

struct ud_rrow *ud_rdoc_row(struct ud_rtable *t, const char *label, int total)
{
    if (t->nrows == t->cap) {
        int cap = t->cap ? t->cap * 2 : 16;
        struct ud_rrow *g = realloc(t->rows, sizeof *g * (size_t)cap);
        if (!g) {
            t->oom = 1;
            return NULL;
        }
        t->rows = g;
        t->cap = cap;
    }
    struct ud_rrow *r = &t->rows[t->nrows++];
    memset(r, 0, sizeof *r);
    snprintf(r->label, sizeof r->label, "%s", label);
    r->total = total;
    return r;
}

int ud_rdoc_check(const struct ud_rdoc *d, struct ud_err *err)
{
    for (int i = 0; i < d->ntables; i++)
        if (d->tables[i].oom)
            return ud_err_nomem(err);
    return UD_OK;
}

void ud_rdoc_note(struct ud_rdoc *d, const char *text)
{
    if (d->nnotes < UD_RDOC_MAXNOTES)
        snprintf(d->notes[d->nnotes++], sizeof d->notes[0], "%s", text);
}

void ud_rdoc_cell_text(const struct ud_rtable *t, const struct ud_rrow *r, int col, char *out, size_t outsz)
{
    const struct ud_rcol *c = &t->cols[col];
    switch (c->kind) {
    case UD_RC_COUNT:
        snprintf(out, outsz, "%" PRId64, r->v[col]);
        break;
    case UD_RC_MONEY:
        ud_format_wan(r->v[col], out, outsz);
        break;
    case UD_RC_RATE:
        ud_format_percent(r->v[c->num], r->v[c->den], out, outsz);
        break;
    case UD_RC_CHANGE: /* blank on a zero base: no change can be stated */
        if (r->v[c->den] <= 0 || outsz < 2) {
            snprintf(out, outsz, "%s", "");
            break;
        }
        int64_t diff = r->v[c->num] - r->v[c->den];
        out[0] = '+';
        ud_format_percent(diff, r->v[c->den], out + (diff > 0), outsz - (diff > 0));
        if (diff > 0 && strcmp(out + 1, "0.0%") == 0) /* a rise too small to show has no sign */
            memmove(out, out + 1, strlen(out));
        break;
    }
}

void ud_rcol_set(struct ud_rcol *c, const char *zh0, const char *zh1, const char *en0, const char *en1,
                 const char *data_zh, const char *data_en, enum ud_rcol_kind kind)
{
    c->head[0] = T(zh0, en0);
    c->head[1] = T(zh1, en1);
    c->data_head = T(data_zh, data_en);
    c->kind = kind;
}

void ud_rdoc_units_data(const struct ud_rdoc *d, char *out, size_t outsz)
{
    static const char *const from[] = {"万元", "10k CNY"}, *const to[] = {"元", "CNY"};
    size_t o = 0;
    out[0] = '\0';
    for (const char *p = d->units; *p && o + 1 < outsz;) {
        size_t i = 0;
        while (i < 2 && strncmp(p, from[i], strlen(from[i])) != 0)
            i++;
        const char *s = i < 2 ? to[i] : p;
        size_t n = i < 2 ? strlen(to[i]) : 1;
        if (o + n >= outsz)
            break;
        memcpy(out + o, s, n);
        o += n;
        out[o] = '\0';
        p += i < 2 ? strlen(from[i]) : 1;
    }
}
