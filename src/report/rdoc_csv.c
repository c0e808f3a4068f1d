/* A report as CSV: one header row, then the rows of every table, each
 * prefixed by the document's key columns and the table's caption, so that
 * every row says what it counts. */
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

int ud_rdoc_csv(const struct ud_rdoc *d, FILE *out, struct ud_err *err)
{
    if (ud_rdoc_check(d, err) != UD_OK)
        return err->status;
    fputs("\xEF\xBB\xBF", out); /* BOM: Excel then reads UTF-8 */
    if (d->ntables > 0) {
        const struct ud_rtable *t0 = &d->tables[0];
        int first = 1;
        for (int k = 0; k < d->nkeys; k++, first = 0)
            field(out, d->key_heads[k], first);
        field(out, d->table_head ? d->table_head : T("表", "table"), first);
        field(out, t0->label_head ? t0->label_head : "", 0);
        for (int c = 0; c < t0->ncols; c++)
            field(out, t0->cols[c].data_head, 0);
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
            for (int c = 0; c < t->ncols; c++) {
                char cell[64];
                const struct ud_rcol *col = &t->cols[c];
                if (col->kind == UD_RC_MONEY)
                    ud_format_money_plain(row->v[c], cell, sizeof cell);
                else if (col->kind == UD_RC_RATE && row->v[col->den] == 0)
                    cell[0] = '\0';
                else
                    ud_rdoc_cell_text(t, row, c, cell, sizeof cell);
                field(out, cell, 0);
            }
            fputs("\r\n", out);
        }
    }
    if (fflush(out) != 0 || ferror(out))
        return ud_err_set(err, UD_ERR_IO, "%s", T("写入报表时出错", "error writing the report"));
    return UD_OK;
}
