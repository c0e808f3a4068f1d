/* A statistics report as a document: a title, tables of figures, notes.
 * The reports (report.h) fill one from a module's figures; the renderers
 * here write it as text for paper, CSV or xlsx. Nothing here reads the
 * database or computes a figure: a rate is drawn from two columns of its
 * row, a total row is the sum its table already carries.
 *
 * Every table has a label column and up to UD_RDOC_MAXCOLS figure columns.
 * Money is fen: text shows 万元 with two decimals, CSV and xlsx yuan. */
#ifndef UD_RDOC_H
#define UD_RDOC_H

#include <stdint.h>
#include <stdio.h>

#include "uniondesk/err.h"
#include "uniondesk/outfile.h"

#define UD_RDOC_MAXCOLS 16
#define UD_RDOC_MAXTABLES 6
#define UD_RDOC_MAXNOTES 12
#define UD_RDOC_MAXKEYS 4
#define UD_RDOC_TEXT_WIDTH 132 /* A4 landscape at 12 characters an inch */
#define UD_RDOC_PAGE_LINES 60

enum ud_rcol_kind {
    UD_RC_COUNT, /* an integer */
    UD_RC_MONEY, /* fen */
    UD_RC_RATE,  /* v[num] ÷ v[den] of the same row; "-" / blank when v[den] is 0 */
    UD_RC_CHANGE /* 同比增减: (v[num] − v[den]) ÷ v[den] of the same row, as
                  * +12.3% / -4.0%; blank when v[den] is 0 */
};

struct ud_rcol {
    const char *head[2];  /* text header on two lines (the second may be "") */
    const char *data_head;/* one-line header for CSV and xlsx */
    enum ud_rcol_kind kind;
    int num, den;         /* UD_RC_RATE, UD_RC_CHANGE: the columns divided */
};

struct ud_rrow {
    char label[200];
    int total;                   /* the table's total: xlsx writes SUM formulas */
    int64_t v[UD_RDOC_MAXCOLS];  /* per column (rate columns unused) */
};

struct ud_rtable {
    char caption[200];
    const char *label_head;
    int ncols;
    struct ud_rcol cols[UD_RDOC_MAXCOLS];
    int nrows, cap;
    struct ud_rrow *rows;
    /* values of the doc's key columns (see keys below) for this table's CSV rows */
    char key_values[UD_RDOC_MAXKEYS][64];
    int oom; /* a row could not be added: the document is incomplete */
};

struct ud_rdoc {
    char title[320];      /* 北仑区总工会劳动争议调解统计月报 */
    char period[128];     /* （2026年10月） */
    char left[320];       /* the line under the title: scope on the left… */
    char right[160];      /* …data date on the right */
    char filer[320];      /* 填报单位：北仑区总工会 (the --org organization, else the root) */
    char units[64];       /* 单位：件、人、万元 (text and PDF; xlsx says 元) */
    char signers[320];    /* 制表人：… 审核人：… 负责人：… at the foot of the last page */
    char page_title[448]; /* running head on every page of a long text */
    char sheet[32];       /* xlsx worksheet name */
    char author[96];      /* xlsx document property */
    const char *table_head; /* CSV: header of the column naming the table */
    int nkeys;            /* CSV: columns written before every row */
    const char *key_heads[UD_RDOC_MAXKEYS];
    int ntables;
    struct ud_rtable tables[UD_RDOC_MAXTABLES];
    int nnotes;
    char notes[UD_RDOC_MAXNOTES][768]; /* wrapped to the page; a note may start with a number */
};

/* A column: its two-line text header and one-line data header in both
 * languages (the user's is taken), and its kind. */
void ud_rcol_set(struct ud_rcol *c, const char *zh0, const char *zh1, const char *en0, const char *en1,
                 const char *data_zh, const char *data_en, enum ud_rcol_kind kind);

void ud_rdoc_init(struct ud_rdoc *d);
void ud_rdoc_free(struct ud_rdoc *d);
/* UD_OK, or "out of memory" (ud_err_nomem) when a row could not be added:
 * every renderer asks first, so an incomplete document is never written. */
int ud_rdoc_check(const struct ud_rdoc *d, struct ud_err *err);
/* A new table with the columns given; returns NULL when the doc is full. */
struct ud_rtable *ud_rdoc_table(struct ud_rdoc *d, const char *caption, const char *label_head,
                                const struct ud_rcol *cols, int ncols);
/* A new row (zeroed) at the end of t; NULL when out of memory. */
struct ud_rrow *ud_rdoc_row(struct ud_rtable *t, const char *label, int total);
void ud_rdoc_note(struct ud_rdoc *d, const char *text);

/* Text of one cell as paper shows it: 12, 44.80 (万元), 88.8%, "-", +12.3%. */
void ud_rdoc_cell_text(const struct ud_rtable *t, const struct ud_rrow *r, int col, char *out, size_t outsz);
/* The units line as CSV and xlsx state it: their money is yuan, so 万元
 * (10k CNY) becomes 元 (CNY). */
void ud_rdoc_units_data(const struct ud_rdoc *d, char *out, size_t outsz);

/* Text for paper: the title, filer … units, scope … data date, the tables
 * aligned by display width, the notes, the signers last; at most
 * UD_RDOC_TEXT_WIDTH columns. When it takes more than page_lines lines
 * (0 = never) it is cut into pages separated by a form feed, each with a
 * running head and "page N of M"; a table cut between pages repeats its
 * header. UD_ERR_IO when writing fails. */
int ud_rdoc_text(const struct ud_rdoc *d, int page_lines, FILE *out, struct ud_err *err);
/* CSV for spreadsheets: UTF-8 with a BOM, CRLF, RFC 4180 quoting; one
 * header row, then every table's rows, each starting with the key columns
 * and the table's caption; a figure column is named once however many
 * tables have it; each row ends with 填报单位 and 计量单位 (the values of
 * filer and units). Money in yuan, rates as 88.8%, changes as +12.3%. */
int ud_rdoc_csv(const struct ud_rdoc *d, FILE *out, struct ud_err *err);
/* xlsx: the filer, units and data date under the title, the same tables
 * with numbers, number formats, SUM formulas in total rows, rate and change
 * formulas, the notes, the signers last; printed on A4 landscape. */
int ud_rdoc_xlsx(const struct ud_rdoc *d, struct ud_outfile *out, struct ud_err *err);
/* PDF for paper (Pango + Cairo, Noto Sans CJK SC embedded and subset): A4
 * landscape, the title and period centred, filer / scope / units / data
 * date, ruled tables (a table cut between pages repeats its header), the
 * notes, the signers; a running head and 第 N 页 共 M 页 on every page.
 * Written to fp (a file, or memory for printing). UD_ERR_IO on failure. */
int ud_rdoc_pdf(const struct ud_rdoc *d, FILE *out, struct ud_err *err);

#endif
