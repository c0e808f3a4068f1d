/* A report as xlsx: one worksheet with the title, the tables (numbers with
 * number formats; total rows as SUM formulas and rates as formulas, each
 * with its computed value for readers that do not recalculate) and the
 * notes, set up for A4 landscape. */
#include <stdio.h>
#include <string.h>

#include <xlsxwriter.h>

#include "uniondesk/i18n.h"
#include "uniondesk/parse.h"
#include "uniondesk/rdoc.h"
#include "uniondesk/utf8.h"
#include "uniondesk/xlsxutil.h"

#define HEAD_WRAP 12 /* a header wider than this wraps onto two lines */

struct fmts {
    lxw_format *title, *period, *meta_l, *meta_r, *caption, *head, *label, *count, *money, *rate;
    lxw_format *tlabel, *tcount, *tmoney, *trate, *note, *change, *tchange, *signers;
};

static lxw_format *cell_fmt(lxw_workbook *wb, const char *num, int bold)
{
    lxw_format *f = workbook_add_format(wb);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    if (num)
        format_set_num_format(f, num);
    if (bold)
        format_set_bold(f);
    return f;
}

static void make_formats(lxw_workbook *wb, struct fmts *F)
{
    F->title = workbook_add_format(wb);
    format_set_bold(F->title);
    format_set_font_size(F->title, 16);
    format_set_align(F->title, LXW_ALIGN_CENTER);
    format_set_align(F->title, LXW_ALIGN_VERTICAL_CENTER);
    F->period = workbook_add_format(wb);
    format_set_align(F->period, LXW_ALIGN_CENTER);
    F->meta_l = workbook_add_format(wb);
    format_set_align(F->meta_l, LXW_ALIGN_LEFT);
    F->meta_r = workbook_add_format(wb);
    format_set_align(F->meta_r, LXW_ALIGN_RIGHT);
    F->caption = workbook_add_format(wb);
    format_set_bold(F->caption);
    F->head = cell_fmt(wb, NULL, 1);
    format_set_align(F->head, LXW_ALIGN_CENTER);
    format_set_text_wrap(F->head);
    format_set_bg_color(F->head, 0xD9D9D9);
    F->label = cell_fmt(wb, NULL, 0);
    F->count = cell_fmt(wb, "0", 0);
    F->money = cell_fmt(wb, "#,##0.00", 0);
    F->rate = cell_fmt(wb, "0.0%", 0);
    F->tlabel = cell_fmt(wb, NULL, 1);
    F->tcount = cell_fmt(wb, "0", 1);
    F->tmoney = cell_fmt(wb, "#,##0.00", 1);
    F->trate = cell_fmt(wb, "0.0%", 1);
    /* 同比增减 signed as on paper: +12.3% / -4.0% */
    F->change = cell_fmt(wb, "+0.0%;-0.0%;0.0%", 0);
    F->tchange = cell_fmt(wb, "+0.0%;-0.0%;0.0%", 1);
    F->note = workbook_add_format(wb);
    format_set_text_wrap(F->note);
    format_set_align(F->note, LXW_ALIGN_VERTICAL_TOP);
    F->signers = workbook_add_format(wb);
    format_set_align(F->signers, LXW_ALIGN_VERTICAL_BOTTOM);
}

/* Display width of a figure as the sheet shows it. */
static int figure_width(const struct ud_rtable *t, const struct ud_rrow *r, int c)
{
    char cell[64];
    if (t->cols[c].kind == UD_RC_MONEY)
        ud_format_money(r->v[c], cell, sizeof cell);
    else
        ud_rdoc_cell_text(t, r, c, cell, sizeof cell);
    return ud_str_width(cell);
}

static void column_widths(const struct ud_rdoc *d, int ncols, int *w)
{
    for (int c = 0; c <= ncols; c++)
        w[c] = 6;
    for (int i = 0; i < d->ntables; i++) {
        const struct ud_rtable *t = &d->tables[i];
        int lw = ud_str_width(t->label_head ? t->label_head : "");
        if (lw > w[0])
            w[0] = lw;
        for (int c = 0; c < t->ncols; c++) {
            int hw = ud_str_width(t->cols[c].data_head);
            if (hw > HEAD_WRAP)
                hw = (hw + 1) / 2; /* wraps */
            if (hw > w[c + 1])
                w[c + 1] = hw;
        }
        for (int r = 0; r < t->nrows; r++) {
            int rw = ud_str_width(t->rows[r].label);
            if (rw > w[0])
                w[0] = rw;
            for (int c = 0; c < t->ncols; c++) {
                int fw = figure_width(t, &t->rows[r], c);
                if (fw > w[c + 1])
                    w[c + 1] = fw;
            }
        }
    }
}

static void write_table(lxw_worksheet *ws, const struct ud_rtable *t, const struct fmts *F, lxw_row_t *rowp,
                        int lastcol)
{
    lxw_row_t row = *rowp;
    worksheet_merge_range(ws, row, 0, row, (lxw_col_t)lastcol, t->caption, F->caption);
    row++;
    int wrap = 0;
    worksheet_write_string(ws, row, 0, t->label_head ? t->label_head : "", F->head);
    for (int c = 0; c < t->ncols; c++) {
        worksheet_write_string(ws, row, (lxw_col_t)(c + 1), t->cols[c].data_head, F->head);
        if (ud_str_width(t->cols[c].data_head) > HEAD_WRAP)
            wrap = 1;
    }
    if (wrap)
        worksheet_set_row(ws, row, 30, NULL);
    row++;
    lxw_row_t first = row;
    for (int r = 0; r < t->nrows; r++, row++) {
        const struct ud_rrow *x = &t->rows[r];
        int sum = x->total && row > first; /* a SUM over the rows above it */
        worksheet_write_string(ws, row, 0, x->label, x->total ? F->tlabel : F->label);
        for (int c = 0; c < t->ncols; c++) {
            const struct ud_rcol *col = &t->cols[c];
            lxw_col_t xc = (lxw_col_t)(c + 1);
            char formula[128], a[LXW_MAX_CELL_NAME_LENGTH], b[LXW_MAX_CELL_NAME_LENGTH];
            if (col->kind == UD_RC_RATE || col->kind == UD_RC_CHANGE) {
                int change = col->kind == UD_RC_CHANGE;
                lxw_format *f = change ? (x->total ? F->tchange : F->change) : (x->total ? F->trate : F->rate);
                lxw_rowcol_to_cell(a, row, (lxw_col_t)(col->num + 1));
                lxw_rowcol_to_cell(b, row, (lxw_col_t)(col->den + 1));
                if (change)
                    snprintf(formula, sizeof formula, "=IF(%s=0,\"\",(%s-%s)/%s)", b, a, b, b);
                else
                    snprintf(formula, sizeof formula, "=IF(%s=0,\"\",%s/%s)", b, a, b);
                int64_t num = change ? x->v[col->num] - x->v[col->den] : x->v[col->num];
                if (x->v[col->den] == 0)
                    worksheet_write_formula_str(ws, row, xc, formula, f, "");
                else
                    worksheet_write_formula_num(ws, row, xc, formula, f, (double)num / (double)x->v[col->den]);
                continue;
            }
            /* money: yuan, from fen at the point of writing */
            double value = col->kind == UD_RC_MONEY ? (double)x->v[c] / 100.0 : (double)x->v[c];
            lxw_format *f = col->kind == UD_RC_MONEY ? (x->total ? F->tmoney : F->money)
                                                     : (x->total ? F->tcount : F->count);
            if (sum) {
                lxw_rowcol_to_cell(a, first, xc);
                lxw_rowcol_to_cell(b, row - 1, xc);
                snprintf(formula, sizeof formula, "=SUM(%s:%s)", a, b);
                worksheet_write_formula_num(ws, row, xc, formula, f, value);
            } else {
                worksheet_write_number(ws, row, xc, value, f);
            }
        }
    }
    *rowp = row;
}

/* left … right on one row, each merged over its part of the width */
static void meta_line(lxw_worksheet *ws, const struct fmts *F, lxw_row_t *row, int lastcol, const char *left,
                      const char *right)
{
    if (!left[0] && !right[0])
        return;
    int split = lastcol >= 6 ? lastcol - 4 : lastcol;
    worksheet_merge_range(ws, *row, 0, *row, (lxw_col_t)split, left, F->meta_l);
    if (split < lastcol)
        worksheet_merge_range(ws, *row, (lxw_col_t)(split + 1), *row, (lxw_col_t)lastcol, right, F->meta_r);
    (*row)++;
}

int ud_rdoc_xlsx(const struct ud_rdoc *d, struct ud_outfile *out, struct ud_err *err)
{
    if (ud_rdoc_check(d, err) != UD_OK)
        return err->status;
    lxw_workbook *wb = ud_xlsx_new(out, 0, err);
    if (!wb)
        return err->status;
    lxw_doc_properties props;
    char title[sizeof d->title], author[sizeof d->author];
    snprintf(title, sizeof title, "%s", d->title);
    snprintf(author, sizeof author, "%s", d->author);
    memset(&props, 0, sizeof props);
    props.title = title;
    props.author = author;
    workbook_set_properties(wb, &props);
    lxw_worksheet *ws = workbook_add_worksheet(wb, d->sheet[0] ? d->sheet : "Sheet1");
    if (!ws) {
        workbook_close(wb);
        return ud_err_set(err, UD_ERR_INTERNAL, T("工作表名称无效：%s", "bad worksheet name: %s"), d->sheet);
    }
    struct fmts F;
    make_formats(wb, &F);
    int ncols = 0;
    for (int i = 0; i < d->ntables; i++)
        if (d->tables[i].ncols > ncols)
            ncols = d->tables[i].ncols;
    int lastcol = ncols > 0 ? ncols : 1;
    int w[UD_RDOC_MAXCOLS + 1];
    column_widths(d, ncols, w);
    int sheet_width = 0;
    for (int c = 0; c <= ncols; c++) {
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, ud_xlsx_width(w[c]), NULL);
        sheet_width += w[c] + 2;
    }

    lxw_row_t row = 0, last = 0; /* last: the last row written, for the read-back */
    worksheet_set_row(ws, 0, 30, NULL);
    worksheet_merge_range(ws, row++, 0, 0, (lxw_col_t)lastcol, d->title, F.title);
    if (d->period[0]) {
        worksheet_merge_range(ws, row, 0, row, (lxw_col_t)lastcol, d->period, F.period);
        row++;
    }
    /* as the official forms: 填报单位 … 单位 (yuan here), then the scope … the data date */
    char units[128];
    ud_rdoc_units_data(d, units, sizeof units);
    meta_line(ws, &F, &row, lastcol, d->filer, units);
    meta_line(ws, &F, &row, lastcol, d->left, d->right);
    row++;
    for (int i = 0; i < d->ntables; i++) {
        write_table(ws, &d->tables[i], &F, &row, lastcol);
        last = row > 0 ? row - 1 : 0;
        row++;
    }
    for (int i = 0; i < d->nnotes; i++, row++) {
        int lines = (ud_str_width(d->notes[i]) + sheet_width - 1) / (sheet_width > 0 ? sheet_width : 1);
        if (lines > 1)
            worksheet_set_row(ws, row, 15.0 * lines, NULL);
        worksheet_merge_range(ws, row, 0, row, (lxw_col_t)lastcol, d->notes[i], F.note);
        last = row;
    }
    if (d->signers[0]) { /* last, where the form is signed */
        row++;
        worksheet_set_row(ws, row, 24, NULL);
        worksheet_merge_range(ws, row, 0, row, (lxw_col_t)lastcol, d->signers, F.signers);
        last = row;
    }

    worksheet_set_paper(ws, 9); /* A4 */
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_center_horizontally(ws);
    worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
    worksheet_set_footer(ws, T("&C第 &P 页 共 &N 页", "&CPage &P of &N"));
    return ud_xlsx_close(wb, out, (int64_t)last, err);
}
