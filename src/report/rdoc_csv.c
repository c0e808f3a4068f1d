/* A report as CSV: one header row, then the rows of every table, each
 * prefixed by the document's key columns and the table's caption and
 * closed by the reporting unit and the units, so that every row says what
 * it counts. */
#include <stdio.h>
#include <string.h>

#include "uniondesk/csvout.h"
#include "uniondesk/i18n.h"
#include "uniondesk/parse.h"
#include "uniondesk/rdoc.h"

static void field(FILE *out, const char *s, int first)
{
    if (!first)
        fputc(',', out);
    ud_csv_field(out, s);
}

/* A figure this file formatted (12, 448000.00, 88.8%, +12.3%, -4.0%) is
 * written as it is: a sign before a percentage is a number to a
 * spreadsheet, not a formula to neutralise as database text is. */
static void figure(FILE *out, const char *s)
{
    if (strspn(s, "0123456789+-.%") != strlen(s)) {
        field(out, s, 0);
        return;
    }
    fputc(',', out);
    fputs(s, out);
}

/* The CSV columns: the figures of every table, a column named once
 * however many tables have it (五、同比增减's 本期受理 is the column
 * 受理立案 of the others), in the order they first appear. */
struct heads {
    const char *h[UD_RDOC_MAXTABLES * UD_RDOC_MAXCOLS];
    int n;
    int at[UD_RDOC_MAXTABLES][UD_RDOC_MAXCOLS]; /* each table's column → its CSV column */
};

static void collect_heads(const struct ud_rdoc *d, struct heads *H)
{
    H->n = 0;
    for (int i = 0; i < d->ntables; i++) {
        const struct ud_rtable *t = &d->tables[i];
        for (int c = 0; c < t->ncols; c++) {
            const char *h = t->cols[c].data_head ? t->cols[c].data_head : "";
            int k = 0;
            while (k < H->n && strcmp(H->h[k], h) != 0)
                k++;
            if (k == H->n)
                H->h[H->n++] = h;
            H->at[i][c] = k;
        }
    }
}

/* "填报单位：北仑区总工会" → "北仑区总工会": the value of a "label: value" line */
static const char *line_value(const char *s)
{
    const char *p = strstr(s, "：");
    if (p)
        return p + strlen("：");
    p = strstr(s, ": ");
    return p ? p + 2 : s;
}

int ud_rdoc_csv(const struct ud_rdoc *d, FILE *out, struct ud_err *err)
{
    if (ud_rdoc_check(d, err) != UD_OK)
        return err->status;
    struct heads H;
    char cells[UD_RDOC_MAXTABLES * UD_RDOC_MAXCOLS][64];
    collect_heads(d, &H);
    /* the form's 填报单位 and 单位 close every row, so that each says whose
     * figures they are and in what units (money in yuan here) */
    char units[128];
    ud_rdoc_units_data(d, units, sizeof units);
    fputs("\xEF\xBB\xBF", out); /* BOM: Excel then reads UTF-8 */
    if (d->ntables > 0) {
        const struct ud_rtable *t0 = &d->tables[0];
        int first = 1;
        for (int k = 0; k < d->nkeys; k++, first = 0)
            field(out, d->key_heads[k], first);
        field(out, d->table_head ? d->table_head : T("表", "table"), first);
        field(out, t0->label_head ? t0->label_head : "", 0);
        for (int c = 0; c < H.n; c++)
            field(out, H.h[c], 0);
        if (d->filer[0])
            field(out, T("填报单位", "reporting unit"), 0);
        if (d->units[0])
            field(out, T("计量单位", "units"), 0);
        fputs("\r\n", out);
    }
    for (int i = 0; i < d->ntables; i++) {
        const struct ud_rtable *t = &d->tables[i];
        for (int r = 0; r < t->nrows; r++) {
            const struct ud_rrow *row = &t->rows[r];
            int first = 1;
            for (int k = 0; k < d->nkeys; k++, first = 0)
                field(out, t->key_values[k], first);
            field(out, t->caption, first);
            field(out, row->label, 0);
            for (int c = 0; c < H.n; c++)
                cells[c][0] = '\0';
            for (int c = 0; c < t->ncols; c++) {
                char *cell = cells[H.at[i][c]];
                const struct ud_rcol *col = &t->cols[c];
                if (col->kind == UD_RC_MONEY)
                    ud_format_money_plain(row->v[c], cell, sizeof cells[0]);
                else if (col->kind == UD_RC_RATE && row->v[col->den] == 0)
                    cell[0] = '\0';
                else
                    ud_rdoc_cell_text(t, row, c, cell, sizeof cells[0]);
            }
            for (int c = 0; c < H.n; c++)
                figure(out, cells[c]);
            if (d->filer[0])
                field(out, line_value(d->filer), 0);
            if (d->units[0])
                field(out, line_value(units), 0);
            fputs("\r\n", out);
        }
    }
    if (fflush(out) != 0 || ferror(out))
        return ud_err_set(err, UD_ERR_IO, "%s", T("写入报表时出错", "error writing the report"));
    return UD_OK;
}
