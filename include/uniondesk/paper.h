/* A document for paper that is not a statistics table: the mediation
 * documents (调解文书) a case produces. Built block by block (title,
 * centred and right-aligned lines, paragraphs, ruled grids, signature
 * space, page breaks), then typeset as PDF with Pango + Cairo on A4
 * portrait in Noto Serif CJK SC, like official documents (paper_pdf.c).
 *
 * Building copies every string; an allocation that fails marks the paper
 * and ud_paper_check (and ud_paper_pdf) then report "out of memory", so
 * an incomplete document is never written. */
#ifndef UD_PAPER_H
#define UD_PAPER_H

#include <stdio.h>

#include "uniondesk/err.h"

enum ud_pblock_kind {
    UD_PB_TITLE,     /* centred, large, bold: 劳动争议调解协议书 */
    UD_PB_CENTER,    /* a centred line at body size: the document number */
    UD_PB_RIGHT,     /* a right-aligned line: the body's name, the date, （盖章） */
    UD_PB_LINE,      /* a left-aligned paragraph, no indent: an addressee "张三：" */
    UD_PB_PARA,      /* a body paragraph: first line indented two characters, wrapped */
    UD_PB_TABLE,     /* a ruled grid (below) */
    UD_PB_SPACE,     /* n blank lines at body size */
    UD_PB_PAGEBREAK  /* what follows starts a new page */
};

enum ud_pcell_flags {
    UD_PC_LABEL = 1,  /* a label cell: bold, lightly shaded */
    UD_PC_CENTER = 2, /* centred (default: left) */
    UD_PC_RIGHT = 4,  /* right-aligned (figures) */
    UD_PC_TALL = 8    /* at least three lines high: room to write or sign */
};

struct ud_pcell {
    char *text;     /* wrapped inside the cell; "\n" breaks a line */
    int span;       /* columns taken, >= 1 */
    unsigned flags; /* enum ud_pcell_flags */
};

struct ud_prow {
    int ncells;
    struct ud_pcell *cells; /* spans add up to the table's ncols */
};

struct ud_ptable {
    int ncols;
    int widths[16];  /* each column's share of the text width, in per mille (sum 1000) */
    int header_rows; /* repeated at the top of a page when the table is cut */
    int nrows, cap;
    struct ud_prow *rows;
};

struct ud_pblock {
    enum ud_pblock_kind kind;
    char *text;              /* TITLE, CENTER, RIGHT, LINE, PARA */
    int n;                   /* SPACE: lines */
    struct ud_ptable *table; /* TABLE */
    int keep;                /* kept on one page with the block after it */
};

struct ud_paper {
    char title[256];     /* PDF metadata title, and the print job's name */
    char head[256];      /* running head on every page (e.g. the case number); "" = none */
    int nblocks, cap;
    struct ud_pblock *blocks;
    int oom;
};

void ud_paper_init(struct ud_paper *p, const char *title, const char *head);
void ud_paper_free(struct ud_paper *p);
int ud_paper_check(const struct ud_paper *p, struct ud_err *err);

void ud_paper_title(struct ud_paper *p, const char *text);
void ud_paper_center(struct ud_paper *p, const char *text);
void ud_paper_right(struct ud_paper *p, const char *text);
void ud_paper_line(struct ud_paper *p, const char *text);
void ud_paper_para(struct ud_paper *p, const char *text);
/* printf-style paragraph (UD_PB_PARA) */
void ud_paper_paraf(struct ud_paper *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ud_paper_space(struct ud_paper *p, int lines);
void ud_paper_page_break(struct ud_paper *p);
/* The block added last stays on one page with the next one (a chain of
 * them moves together when it fits on a page): the last clause of an
 * agreement with its signatures, a notice with its seal and date. */
void ud_paper_keep_with_next(struct ud_paper *p);

/* A ruled grid: ncols columns (<= 16) of widths per mille (NULL: equal).
 * Rows follow with ud_paper_cell; a row ends when its spans fill ncols. */
struct ud_ptable *ud_paper_table(struct ud_paper *p, int ncols, const int *widths, int header_rows);
void ud_paper_cell(struct ud_paper *p, const char *text, int span, unsigned flags);

/* The blocks as plain lines, for tests and debugging: "TITLE|…", "PARA|…",
 * table rows as "ROW|cell|cell". Not for paper. */
int ud_paper_dump(const struct ud_paper *p, FILE *out, struct ud_err *err);

/* PDF: A4 portrait, margins of an official document, body in Noto Serif
 * CJK SC (embedded and subset), title in bold; a table cut between pages
 * repeats its header rows, and no row is split; the running head and
 * 第 N 页 共 M 页 on every page. Written to fp. UD_ERR_IO on failure. */
int ud_paper_pdf(const struct ud_paper *p, FILE *out, struct ud_err *err);

#endif
