/* A report document as PDF (rdoc.h): A4 landscape in Noto Sans CJK SC,
 * ruled tables like the xlsx, typeset by pdfset. Column widths come from
 * the measured headers and cells; a table cut between pages repeats its
 * caption (continued) and its header. */
#include <string.h>

#include "pdfset.h"
#include "uniondesk/i18n.h"
#include "uniondesk/rdoc.h"

#define FAMILY "Noto Sans CJK SC"
#define TITLE_SIZE 16.0
#define PERIOD_SIZE 11.0
#define META_SIZE 10.0
#define CAPTION_SIZE 10.5
#define CELL_SIZE 9.0
#define MIN_CELL_SIZE 6.5
#define NOTE_SIZE 8.5
#define PADX 4.0
#define PADY 2.5
#define RULE 0.5
#define HEAD_GRAY 0.9
#define TOTAL_GRAY 0.96
#define MIN_LABEL 60.0

struct geom {
    double fs;                        /* cell font size */
    double lw;                        /* label column */
    double cw[UD_RDOC_MAXCOLS];       /* figure columns */
};

static double text_w(struct pdfset *s, const char *t, double fs, int bold)
{
    return pdfset_w(pdfset_text(s, t, fs, bold, 0, PANGO_ALIGN_LEFT));
}

static const char *head_text(const struct ud_rcol *c, char *buf, size_t bufsz)
{
    if (c->head[1] && c->head[1][0])
        snprintf(buf, bufsz, "%s\n%s", c->head[0] ? c->head[0] : "", c->head[1]);
    else
        snprintf(buf, bufsz, "%s", c->head[0] ? c->head[0] : "");
    return buf;
}

/* Natural widths at font size fs: the widest label of every table, and
 * per column the widest of all tables with as many columns, so that the
 * tables of one report line up with each other. */
static void measure(struct pdfset *s, const struct ud_rdoc *d, const struct ud_rtable *t, double fs, struct geom *g)
{
    memset(g, 0, sizeof *g);
    g->fs = fs;
    char buf[256];
    for (int k = 0; k < d->ntables; k++) {
        const struct ud_rtable *u = &d->tables[k];
        double w = text_w(s, u->label_head ? u->label_head : "", fs, 1);
        if (w > g->lw)
            g->lw = w;
        for (int r = 0; r < u->nrows; r++) {
            w = text_w(s, u->rows[r].label, fs, u->rows[r].total);
            if (w > g->lw)
                g->lw = w;
        }
        if (u->ncols != t->ncols)
            continue;
        for (int c = 0; c < u->ncols; c++) {
            w = pdfset_w(pdfset_text(s, head_text(&u->cols[c], buf, sizeof buf), fs, 1, 0, PANGO_ALIGN_CENTER));
            if (w > g->cw[c])
                g->cw[c] = w;
            for (int r = 0; r < u->nrows; r++) {
                ud_rdoc_cell_text(u, &u->rows[r], c, buf, sizeof buf);
                w = text_w(s, buf, fs, u->rows[r].total);
                if (w > g->cw[c])
                    g->cw[c] = w;
            }
        }
    }
    g->lw += 2 * PADX;
    for (int c = 0; c < t->ncols; c++)
        g->cw[c] += 2 * PADX;
}

static double total_w(const struct ud_rtable *t, const struct geom *g)
{
    double w = g->lw;
    for (int c = 0; c < t->ncols; c++)
        w += g->cw[c];
    return w;
}

/* The table at the page's width: a smaller font while it is too wide,
 * then a narrower label column (labels wrap); room to spare is shared
 * out over every column. */
static void fit(struct pdfset *s, const struct ud_rdoc *d, const struct ud_rtable *t, struct geom *g)
{
    double avail = pdfset_width(s);
    double fs = CELL_SIZE;
    measure(s, d, t, fs, g);
    while (total_w(t, g) > avail && fs > MIN_CELL_SIZE) {
        fs -= 0.5;
        measure(s, d, t, fs, g);
    }
    double tw = total_w(t, g);
    if (tw > avail) {
        double lw = avail - (tw - g->lw);
        g->lw = lw > MIN_LABEL ? lw : MIN_LABEL;
    } else {
        double extra = (avail - tw) / (t->ncols + 1);
        g->lw += extra;
        for (int c = 0; c < t->ncols; c++)
            g->cw[c] += extra;
    }
}

static double header_h(struct pdfset *s, const struct ud_rtable *t, const struct geom *g)
{
    char buf[256];
    double h = pdfset_h(pdfset_text(s, t->label_head ? t->label_head : "", g->fs, 1, g->lw - 2 * PADX, PANGO_ALIGN_CENTER));
    for (int c = 0; c < t->ncols; c++) {
        double hc = pdfset_h(pdfset_text(s, head_text(&t->cols[c], buf, sizeof buf), g->fs, 1, g->cw[c] - 2 * PADX,
                                         PANGO_ALIGN_CENTER));
        if (hc > h)
            h = hc;
    }
    return h + 2 * PADY;
}

static double row_h(struct pdfset *s, const struct ud_rrow *r, const struct geom *g)
{
    double h = pdfset_h(pdfset_text(s, r->label, g->fs, r->total, g->lw - 2 * PADX, PANGO_ALIGN_LEFT));
    double one = pdfset_h(pdfset_text(s, "0", g->fs, r->total, 0, PANGO_ALIGN_LEFT));
    return (h > one ? h : one) + 2 * PADY;
}

/* One cell: the ruled box, the text vertically centred. */
static void cell(struct pdfset *s, double x, double y, double w, double h, const char *text, int bold, double gray,
                 PangoAlignment al, double fs)
{
    pdfset_box(s, x, y, w, h, gray, RULE);
    PangoLayout *l = pdfset_text(s, text, fs, bold, w - 2 * PADX, al);
    pdfset_draw(s, l, x + PADX, y + (h - pdfset_h(l)) / 2);
}

static void draw_header(struct pdfset *s, const struct ud_rtable *t, const struct geom *g, double h)
{
    char buf[256];
    double x = pdfset_left(s);
    cell(s, x, s->y, g->lw, h, t->label_head ? t->label_head : "", 1, HEAD_GRAY, PANGO_ALIGN_CENTER, g->fs);
    x += g->lw;
    for (int c = 0; c < t->ncols; c++) {
        cell(s, x, s->y, g->cw[c], h, head_text(&t->cols[c], buf, sizeof buf), 1, HEAD_GRAY, PANGO_ALIGN_CENTER,
             g->fs);
        x += g->cw[c];
    }
    s->y += h;
}

static void draw_row(struct pdfset *s, const struct ud_rtable *t, const struct ud_rrow *r, const struct geom *g,
                     double h)
{
    char buf[256];
    double gray = r->total ? TOTAL_GRAY : -1;
    double x = pdfset_left(s);
    cell(s, x, s->y, g->lw, h, r->label, r->total, gray, PANGO_ALIGN_LEFT, g->fs);
    x += g->lw;
    for (int c = 0; c < t->ncols; c++) {
        ud_rdoc_cell_text(t, r, c, buf, sizeof buf);
        cell(s, x, s->y, g->cw[c], h, buf, r->total, gray, PANGO_ALIGN_RIGHT, g->fs);
        x += g->cw[c];
    }
    s->y += h;
}

static double caption(struct pdfset *s, const char *text, int draw)
{
    PangoLayout *l = pdfset_text(s, text, CAPTION_SIZE, 1, pdfset_width(s), PANGO_ALIGN_LEFT);
    double h = pdfset_h(l) + 3;
    if (draw) {
        pdfset_draw(s, l, pdfset_left(s), s->y);
        s->y += h;
    }
    return h;
}

static void table(struct pdfset *s, const struct ud_rdoc *d, const struct ud_rtable *t)
{
    struct geom g;
    fit(s, d, t, &g);
    double hh = header_h(s, t, &g);
    /* the caption and the header are not left at the foot of a page:
     * with them go the first two rows (or the one) */
    double need = caption(s, t->caption, 0) + hh;
    for (int i = 0; i < t->nrows && i < 2; i++)
        need += row_h(s, &t->rows[i], &g);
    if (!pdfset_fits(s, need) && s->y > pdfset_top(s))
        pdfset_new_page(s);
    caption(s, t->caption, 1);
    draw_header(s, t, &g, hh);
    for (int i = 0; i < t->nrows; i++) {
        double h = row_h(s, &t->rows[i], &g);
        if (!pdfset_fits(s, h)) {
            pdfset_new_page(s);
            char cont[260];
            snprintf(cont, sizeof cont, T("%s（续）", "%s (continued)"), t->caption);
            caption(s, cont, 1);
            draw_header(s, t, &g, hh);
        }
        draw_row(s, t, &t->rows[i], &g, h);
    }
    s->y += 12;
}

/* A line with text on the left and text on the right; on two lines when
 * they do not fit beside each other. */
static void two_sides(struct pdfset *s, const char *left, const char *right)
{
    double x = pdfset_left(s), w = pdfset_width(s);
    double lw = left[0] ? text_w(s, left, META_SIZE, 0) : 0;
    double rw = right[0] ? text_w(s, right, META_SIZE, 0) : 0;
    if (!left[0] && !right[0])
        return;
    if (lw + rw + 24 <= w) {
        PangoLayout *l = pdfset_text(s, left, META_SIZE, 0, w, PANGO_ALIGN_LEFT);
        double h = pdfset_h(l);
        if (!pdfset_fits(s, h))
            pdfset_new_page(s);
        if (left[0])
            pdfset_draw(s, l, x, s->y);
        if (right[0])
            pdfset_draw(s, pdfset_text(s, right, META_SIZE, 0, w, PANGO_ALIGN_RIGHT), x, s->y);
        s->y += h + 2;
        return;
    }
    if (left[0])
        pdfset_flow(s, pdfset_text(s, left, META_SIZE, 0, w, PANGO_ALIGN_LEFT), x);
    if (right[0])
        pdfset_flow(s, pdfset_text(s, right, META_SIZE, 0, w, PANGO_ALIGN_RIGHT), x);
    s->y += 2;
}

static void body(struct pdfset *s, const void *arg)
{
    const struct ud_rdoc *d = arg;
    double x = pdfset_left(s), w = pdfset_width(s);
    pdfset_flow(s, pdfset_text(s, d->title, TITLE_SIZE, 1, w, PANGO_ALIGN_CENTER), x);
    if (d->period[0]) {
        s->y += 2;
        pdfset_flow(s, pdfset_text(s, d->period, PERIOD_SIZE, 0, w, PANGO_ALIGN_CENTER), x);
    }
    s->y += 8;
    two_sides(s, d->filer, d->units);
    two_sides(s, d->left, d->right);
    s->y += 6;
    for (int i = 0; i < d->ntables; i++)
        table(s, d, &d->tables[i]);
    for (int i = 0; i < d->nnotes; i++) {
        pdfset_flow(s, pdfset_text(s, d->notes[i], NOTE_SIZE, 0, w, PANGO_ALIGN_LEFT), x);
        s->y += 1.5;
    }
    if (d->signers[0]) {
        s->y += 14;
        pdfset_flow(s, pdfset_text(s, d->signers, META_SIZE, 0, w, PANGO_ALIGN_LEFT), x);
    }
}

int ud_rdoc_pdf(const struct ud_rdoc *d, FILE *out, struct ud_err *err)
{
    if (ud_rdoc_check(d, err) != UD_OK)
        return err->status;
    struct pdfset_spec sp = {
        .pw = PDF_A4_H,
        .ph = PDF_A4_W, /* landscape */
        .ml = 42,
        .mr = 42,
        .mt = 50,
        .mb = 42,
        .family = FAMILY,
        .head = d->page_title[0] ? d->page_title : d->title,
        .title = d->title,
        .author = d->author,
    };
    return pdfset_render(&sp, out, body, d, err);
}
