/* A paper document (paper.h) as PDF: A4 portrait with the margins of an
 * official document (GB/T 9704: 37 mm top, 35 mm bottom, 28 mm left,
 * 26 mm right), Noto Serif CJK SC, typeset by pdfset. */
#include <string.h>

#include "pdfset.h"
#include "uniondesk/i18n.h"
#include "uniondesk/paper.h"

#define FAMILY "Noto Serif CJK SC"
#define MM 2.834646
#define BODY_SIZE 12.0
#define TITLE_SIZE 20.0
#define CELL_SIZE 11.0
#define PADX 5.0
#define PADY 4.0
#define RULE 0.6
#define LABEL_GRAY 0.92
#define TALL_LINES 3
#define PARA_SPACING 1.25 /* baseline to baseline, times the line's height: airy like an official document */

static double line_h(struct pdfset *s, double size)
{
    return pdfset_h(pdfset_text(s, "字", size, 0, 0, PANGO_ALIGN_LEFT));
}

/* ---- tables ---- */

struct colpos {
    double x[17]; /* left edge of each column, and the right edge of the last */
};

static void columns(struct pdfset *s, const struct ud_ptable *t, struct colpos *cp)
{
    double w = pdfset_width(s);
    int cum = 0;
    cp->x[0] = pdfset_left(s);
    for (int c = 0; c < t->ncols; c++) {
        cum += t->widths[c];
        cp->x[c + 1] = pdfset_left(s) + w * cum / 1000.0;
    }
}

static PangoAlignment cell_align(unsigned flags)
{
    if (flags & UD_PC_RIGHT)
        return PANGO_ALIGN_RIGHT;
    if (flags & UD_PC_CENTER)
        return PANGO_ALIGN_CENTER;
    return PANGO_ALIGN_LEFT;
}

/* The shared layout set to one cell of width w. */
static PangoLayout *cell_layout(struct pdfset *s, const struct ud_pcell *c, double w)
{
    return pdfset_text(s, c->text ? c->text : "", CELL_SIZE, (c->flags & UD_PC_LABEL) != 0, w - 2 * PADX,
                       cell_align(c->flags));
}

static double row_height(struct pdfset *s, const struct ud_ptable *t, const struct ud_prow *r,
                         const struct colpos *cp)
{
    double one = line_h(s, CELL_SIZE), h = one;
    int col = 0;
    for (int i = 0; i < r->ncells && col < t->ncols; i++) {
        const struct ud_pcell *c = &r->cells[i];
        int end = col + c->span > t->ncols ? t->ncols : col + c->span;
        double ch = pdfset_h(cell_layout(s, c, cp->x[end] - cp->x[col]));
        if (c->flags & UD_PC_TALL && ch < TALL_LINES * one)
            ch = TALL_LINES * one;
        if (ch > h)
            h = ch;
        col = end;
    }
    return h + 2 * PADY;
}

static void draw_row(struct pdfset *s, const struct ud_ptable *t, const struct ud_prow *r, const struct colpos *cp,
                     double h)
{
    int col = 0;
    for (int i = 0; i < r->ncells && col < t->ncols; i++) {
        const struct ud_pcell *c = &r->cells[i];
        int end = col + c->span > t->ncols ? t->ncols : col + c->span;
        double x = cp->x[col], w = cp->x[end] - cp->x[col];
        pdfset_box(s, x, s->y, w, h, (c->flags & UD_PC_LABEL) ? LABEL_GRAY : -1, RULE);
        PangoLayout *l = cell_layout(s, c, w);
        /* room to write in a tall cell is below its text */
        double ty = (c->flags & UD_PC_TALL) ? s->y + PADY : s->y + (h - pdfset_h(l)) / 2;
        pdfset_draw(s, l, x + PADX, ty);
        col = end;
    }
    if (col < t->ncols) /* a row left short: the rest ruled empty */
        pdfset_box(s, cp->x[col], s->y, cp->x[t->ncols] - cp->x[col], h, -1, RULE);
    s->y += h;
}

/* A row taller than a page (a long statement of facts in one cell) is the
 * one row that is cut: between lines of its cells, each part ruled, the
 * header repeated above the next part. */
static void draw_tall_row(struct pdfset *s, const struct ud_ptable *t, const struct ud_prow *r,
                          const struct colpos *cp, void (*header)(struct pdfset *, const struct ud_ptable *,
                                                                  const struct colpos *))
{
    double from[16] = {0};
    for (;;) {
        double room = pdfset_bottom(s) - s->y - 2 * PADY, used = 0, next[16] = {0};
        int col = 0, more = 0;
        /* first measure this part, then rule it and draw its lines */
        for (int pass = 0; pass < 2; pass++) {
            int drawing = s->drawing;
            if (pass == 0)
                s->drawing = 0;
            col = 0;
            more = 0;
            for (int i = 0; i < r->ncells && col < t->ncols && i < 16; i++) {
                const struct ud_pcell *c = &r->cells[i];
                int end = col + c->span > t->ncols ? t->ncols : col + c->span;
                double x = cp->x[col], w = cp->x[end] - cp->x[col];
                if (pass == 1)
                    pdfset_box(s, x, s->y, w, used + 2 * PADY, (c->flags & UD_PC_LABEL) ? LABEL_GRAY : -1, RULE);
                PangoLayout *l = cell_layout(s, c, w);
                double total = pdfset_h(l);
                next[i] = from[i] < total ? pdfset_lines(s, l, x + PADX, s->y + PADY, from[i], room, 1) : from[i];
                if (next[i] - from[i] > used)
                    used = next[i] - from[i];
                if (next[i] + 0.01 < total)
                    more = 1;
                col = end;
            }
            s->drawing = drawing;
        }
        if (col < t->ncols)
            pdfset_box(s, cp->x[col], s->y, cp->x[t->ncols] - cp->x[col], used + 2 * PADY, -1, RULE);
        s->y += used + 2 * PADY;
        memcpy(from, next, sizeof from);
        if (!more)
            return;
        pdfset_new_page(s);
        header(s, t, cp);
    }
}

static void draw_header(struct pdfset *s, const struct ud_ptable *t, const struct colpos *cp)
{
    for (int i = 0; i < t->header_rows && i < t->nrows; i++)
        draw_row(s, t, &t->rows[i], cp, row_height(s, t, &t->rows[i], cp));
}

static void table(struct pdfset *s, const struct ud_ptable *t)
{
    struct colpos cp;
    columns(s, t, &cp);
    int nh = t->header_rows < t->nrows ? t->header_rows : t->nrows;
    double hh = 0;
    for (int i = 0; i < nh; i++)
        hh += row_height(s, t, &t->rows[i], &cp);
    double first = nh < t->nrows ? row_height(s, t, &t->rows[nh], &cp) : 0;
    /* the header is not left alone at the foot of a page */
    if (!pdfset_fits(s, hh + first) && s->y > pdfset_top(s))
        pdfset_new_page(s);
    draw_header(s, t, &cp);
    for (int i = nh; i < t->nrows; i++) {
        double h = row_height(s, t, &t->rows[i], &cp);
        if (h > pdfset_bottom(s) - pdfset_top(s) - hh) {
            if (pdfset_bottom(s) - s->y < 3 * line_h(s, CELL_SIZE) + 2 * PADY) {
                pdfset_new_page(s);
                draw_header(s, t, &cp);
            }
            draw_tall_row(s, t, &t->rows[i], &cp, draw_header);
            continue;
        }
        if (!pdfset_fits(s, h) && s->y > pdfset_top(s) + hh + 0.01) {
            pdfset_new_page(s); /* rows are not split: the next page, under the header again */
            draw_header(s, t, &cp);
        }
        draw_row(s, t, &t->rows[i], &cp, h);
    }
}

/* ---- blocks ---- */

static void text_block(struct pdfset *s, const char *text, double size, int bold, PangoAlignment al)
{
    pdfset_flow(s, pdfset_text(s, text, size, bold, pdfset_width(s), al), pdfset_left(s));
}

/* The height a block takes, as body() draws it (tables: all their rows). */
static double block_height(struct pdfset *s, const struct ud_pblock *b)
{
    const char *text = b->text ? b->text : "";
    switch (b->kind) {
    case UD_PB_TITLE:
        return pdfset_h(pdfset_text(s, text, TITLE_SIZE, 1, pdfset_width(s), PANGO_ALIGN_CENTER)) + BODY_SIZE;
    case UD_PB_CENTER:
    case UD_PB_RIGHT:
    case UD_PB_LINE:
        return pdfset_h(pdfset_text(s, text, BODY_SIZE, 0, pdfset_width(s), PANGO_ALIGN_LEFT));
    case UD_PB_PARA: {
        PangoLayout *l = pdfset_text(s, text, BODY_SIZE, 0, pdfset_width(s), PANGO_ALIGN_LEFT);
        pdfset_indent(s, 2 * BODY_SIZE, 1, PARA_SPACING);
        return pdfset_h(l) + BODY_SIZE / 4;
    }
    case UD_PB_TABLE: {
        double h = BODY_SIZE / 2;
        if (b->table) {
            struct colpos cp;
            columns(s, b->table, &cp);
            for (int i = 0; i < b->table->nrows; i++)
                h += row_height(s, b->table, &b->table->rows[i], &cp);
        }
        return h;
    }
    case UD_PB_SPACE:
        return (b->n > 0 ? b->n : 0) * line_h(s, BODY_SIZE);
    case UD_PB_PAGEBREAK:
        break;
    }
    return 0;
}

/* Before a chain of blocks kept together: the next page when the chain
 * does not fit on the rest of this one but would on a page of its own. */
static void keep_together(struct pdfset *s, const struct ud_paper *p, int i)
{
    double h = 0;
    int j = i;
    for (; j < p->nblocks; j++) {
        if (p->blocks[j].kind == UD_PB_PAGEBREAK)
            break;
        h += block_height(s, &p->blocks[j]);
        if (!p->blocks[j].keep)
            break;
    }
    if (!pdfset_fits(s, h) && h <= pdfset_bottom(s) - pdfset_top(s) && s->y > pdfset_top(s) + 0.01)
        pdfset_new_page(s);
}

static void body(struct pdfset *s, const void *arg)
{
    const struct ud_paper *p = arg;
    for (int i = 0; i < p->nblocks; i++) {
        const struct ud_pblock *b = &p->blocks[i];
        const char *text = b->text ? b->text : "";
        if (b->keep && (i == 0 || !p->blocks[i - 1].keep))
            keep_together(s, p, i);
        switch (b->kind) {
        case UD_PB_TITLE:
            text_block(s, text, TITLE_SIZE, 1, PANGO_ALIGN_CENTER);
            s->y += BODY_SIZE;
            break;
        case UD_PB_CENTER:
            text_block(s, text, BODY_SIZE, 0, PANGO_ALIGN_CENTER);
            break;
        case UD_PB_RIGHT:
            text_block(s, text, BODY_SIZE, 0, PANGO_ALIGN_RIGHT);
            break;
        case UD_PB_LINE:
            text_block(s, text, BODY_SIZE, 0, PANGO_ALIGN_LEFT);
            break;
        case UD_PB_PARA: {
            PangoLayout *l = pdfset_text(s, text, BODY_SIZE, 0, pdfset_width(s), PANGO_ALIGN_LEFT);
            pdfset_indent(s, 2 * BODY_SIZE, 1, PARA_SPACING); /* two characters */
            pdfset_flow(s, l, pdfset_left(s));
            s->y += BODY_SIZE / 4;
            break;
        }
        case UD_PB_TABLE:
            if (b->table)
                table(s, b->table);
            s->y += BODY_SIZE / 2;
            break;
        case UD_PB_SPACE: {
            double h = (b->n > 0 ? b->n : 0) * line_h(s, BODY_SIZE);
            s->y = pdfset_fits(s, h) ? s->y + h : pdfset_bottom(s);
            break;
        }
        case UD_PB_PAGEBREAK:
            if (s->y > pdfset_top(s))
                pdfset_new_page(s);
            break;
        }
    }
}

int ud_paper_pdf(const struct ud_paper *p, FILE *out, struct ud_err *err)
{
    if (ud_paper_check(p, err) != UD_OK)
        return err->status;
    struct pdfset_spec sp = {
        .pw = PDF_A4_W,
        .ph = PDF_A4_H,
        .ml = 28 * MM,
        .mr = 26 * MM,
        .mt = 37 * MM,
        .mb = 35 * MM,
        .family = FAMILY,
        .head = p->head,
        .title = p->title,
        .author = "uniondesk",
    };
    return pdfset_render(&sp, out, body, p, err);
}
