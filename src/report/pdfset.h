/* The typesetting shared by the PDF renderers (rdoc_pdf.c, paper_pdf.c):
 * a Cairo PDF surface streaming to a FILE, Pango layouts by family, size
 * and weight, measured in points, pages with a running head and
 * 第 N 页 共 M 页. Private to src/report.
 *
 * A document is typeset by a body function that pdfset_render calls
 * twice: a first pass only measures and breaks pages (nothing is drawn),
 * which gives the page count; the second draws the same pages. The body
 * must therefore break pages from measurements only. */
#ifndef UD_PDFSET_H
#define UD_PDFSET_H

#include <stdint.h>
#include <stdio.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "uniondesk/err.h"

#define PDF_A4_W 595.28
#define PDF_A4_H 841.89

struct pdfset_spec {
    double pw, ph;                       /* page size, points */
    double ml, mr, mt, mb;               /* margins, points */
    const char *family;                  /* "Noto Sans CJK SC" */
    const char *head;                    /* running head ("" = none) */
    const char *title, *author;          /* PDF metadata */
};

struct pdfset {
    struct pdfset_spec sp;
    cairo_t *cr;
    PangoLayout *lay;        /* the body's layout, set up again for each text */
    PangoLayout *flay;       /* the running head's and page number's */
    PangoFontDescription *fd;
    int drawing;             /* 0: the measuring pass, 1: drawing */
    int page, pages;         /* the current page (from 1); the total, known when drawing */
    double y;                /* where the next block starts */
    int failed;              /* the body ran out of memory */
    uint32_t missing[4];     /* characters no installed font has (𠀀): the */
    int nmissing;            /* first few, each once; they print as boxes */
};

/* Typesets body(s, arg) to fp as PDF. UD_ERR_IO when Cairo fails or
 * writing fails (nothing is claimed written), out of memory as such.
 * Text with characters no installed font has (rare ones such as 𠀀, which
 * Noto CJK lacks) is typeset as boxes: UD_OK then carries a warning in
 * err naming them, so that they can be written in by hand. */
int pdfset_render(const struct pdfset_spec *sp, FILE *fp, void (*body)(struct pdfset *s, const void *arg),
                  const void *arg, struct ud_err *err);

/* The area inside the margins. */
double pdfset_left(const struct pdfset *s);
double pdfset_width(const struct pdfset *s);
double pdfset_top(const struct pdfset *s);
double pdfset_bottom(const struct pdfset *s);
/* Room for h more points on this page. */
int pdfset_fits(const struct pdfset *s, double h);
/* Ends this page and starts the next (its head and foot drawn). */
void pdfset_new_page(struct pdfset *s);

/* The shared layout set to text in the family at size points, bold or
 * not, wrapped to width (<= 0: not wrapped), aligned; indent: first line
 * indent in points; spacing: line spacing factor (0 = the font's). */
PangoLayout *pdfset_text(struct pdfset *s, const char *text, double size, int bold, double width,
                         PangoAlignment align);
void pdfset_indent(struct pdfset *s, double indent, int justify, double spacing);
/* The logical size of the layout, points. */
double pdfset_w(PangoLayout *l);
double pdfset_h(PangoLayout *l);
/* Draws the layout with its top left corner at x, y (drawing pass only). */
void pdfset_draw(struct pdfset *s, PangoLayout *l, double x, double y);
/* Draws the layout's lines from s->y down, breaking the page between
 * lines when the next does not fit; s->y ends below the last. */
void pdfset_flow(struct pdfset *s, PangoLayout *l, double x);
/* Draws the lines of the layout whose tops are at or below from (points
 * from the layout's top) and that end within room, the first of them at
 * y; at least one line when force. Returns where the next line starts
 * (from itself when none was drawn, the layout's height when all were). */
double pdfset_lines(struct pdfset *s, PangoLayout *l, double x, double y, double from, double room, int force);
/* A rectangle: filled with gray (0 black … 1 white; < 0 not filled) and ruled with line width lw (0: not ruled). */
void pdfset_box(struct pdfset *s, double x, double y, double w, double h, double gray, double lw);

#endif
