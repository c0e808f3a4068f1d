/* One table written row by row as xlsx (libxlsxwriter's constant-memory
 * mode: rows in order, strings inline, temporary files beside the output)
 * or as CSV (UTF-8 with a BOM, CRLF, RFC 4180), into an output that is
 * whole or absent (outfile.h). Column widths are measured on the way and
 * set at the end, when libxlsxwriter writes them. */
#include "listsheet.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "uniondesk/audit.h"
#include "uniondesk/csvout.h"
#include "uniondesk/i18n.h"
#include "uniondesk/org.h"
#include "uniondesk/parse.h"
#include "uniondesk/privacy.h"
#include "uniondesk/report.h"
#include "uniondesk/utf8.h"
#include "uniondesk/xlsxutil.h"

#define FIRST_DATA_ROW 3 /* title, the filters, header */
#define MAX_WIDTH 40     /* a long outcome or union name is cut on screen, not the column widened */

void ud_lsheet_root_name(struct ud_db *db, char *out, size_t outsz)
{
    struct ud_org ro;
    struct ud_err e;
    ud_err_clear(&e);
    int64_t root = ud_org_root(db);
    out[0] = '\0';
    if (root && ud_org_get(db, root, &ro, &e) == UD_OK)
        snprintf(out, outsz, "%s", ro.name);
}

int ud_export_format_choose(const char *format, const char *path, enum ud_export_format *fmt, struct ud_err *err)
{
    int asked = -1;
    if (format) {
        if (strcmp(format, "xlsx") == 0)
            asked = UD_EXPORT_XLSX;
        else if (strcmp(format, "csv") == 0)
            asked = UD_EXPORT_CSV;
        else
            return ud_err_set(err, UD_ERR_USAGE, T("--format 应为 xlsx 或 csv，而不是“%s”", "--format must be xlsx or csv, not '%s'"),
                              format);
    }
    /* the extension names a format when it is one the program writes
     * (.xlsx .csv .txt .json…): a list is only ever xlsx or csv */
    int named = ud_report_format_of_name(path);
    int ext = named == UD_REPORT_XLSX ? UD_EXPORT_XLSX : named == UD_REPORT_CSV ? UD_EXPORT_CSV : named >= 0 ? -2 : -1;
    if (ext == -2)
        return ud_err_set(err, UD_ERR_USAGE,
                          T("输出文件 %s 的扩展名不是 .xlsx 或 .csv：清单只能导出为 xlsx 或 csv",
                            "the output file %s is named for another format: a list is written as .xlsx or .csv"),
                          path);
    if (ext >= 0 && asked >= 0 && ext != asked)
        return ud_err_set(err, UD_ERR_USAGE, T("输出文件 %s 的扩展名与 --format %s 不符", "the output file %s does not match --format %s"),
                          path, format);
    if (ext < 0 && asked < 0)
        return ud_err_set(err, UD_ERR_USAGE,
                          T("无法从文件名 %s 看出格式：请用 .xlsx 或 .csv 结尾，或给出 --format xlsx|csv",
                            "cannot tell the format from the name %s: end it in .xlsx or .csv, or give --format xlsx|csv"),
                          path);
    *fmt = (enum ud_export_format)(asked >= 0 ? asked : ext);
    return UD_OK;
}

int ud_lsheet_may_full_id(struct ud_db *db, struct ud_err *err)
{
    if (ud_may_reveal_id(db))
        return UD_OK;
    return ud_err_set(err, UD_ERR_PERM,
                      T("只有主管和管理员可以导出完整身份证号（--full-id）；用户 %s 不能。去掉 --full-id 可导出遮蔽后的号码",
                        "only officers and admins may export whole ID numbers (--full-id); %s may not. Without "
                        "--full-id the numbers are masked"),
                      ud_db_login(db));
}

int ud_lsheet_audit(struct ud_lsheet *L, struct ud_err *err)
{
    /* the file's whole name: its directory resolved (it has no name yet) */
    char note[2600], *dir = realpath(L->out.dir, NULL);
    const char *base = strrchr(L->out.path, '/');
    base = base ? base + 1 : L->out.path;
    snprintf(note, sizeof note, "%s --full-id: %" PRId64 " rows -> %s%s%s", L->audit_what, L->rows,
             dir ? dir : "", dir && strcmp(dir, "/") ? "/" : "", dir ? base : L->out.path);
    free(dir);
    return ud_audit_note(L->audit_db, L->audit_table, 0, "print", note, err);
}

void ud_lsheet_say(char *line, size_t linesz, const char *label, const char *value)
{
    size_t n = strlen(line);
    if (n < linesz)
        snprintf(line + n, linesz - n, "%s%s%s%s", n ? "    " : "", label, T("：", ": "), value);
}

static void measure(struct ud_lsheet *L, int col, const char *s)
{
    int w = ud_str_width(s);
    if (w > MAX_WIDTH)
        w = MAX_WIDTH;
    if (w > L->width[col])
        L->width[col] = w;
}

static void keep_err(struct ud_lsheet *L, lxw_error e)
{
    if (e && !L->werr)
        L->werr = e;
}

static int csv_open(struct ud_lsheet *L)
{
    FILE *fp = L->out.fp;
    fputs("\xEF\xBB\xBF", fp); /* Excel reads a CSV as UTF-8 only with it */
    for (int c = 0; c < L->ncols; c++) {
        if (c)
            fputc(',', fp);
        ud_csv_field(fp, L->cols[c].head);
    }
    fputs("\r\n", fp);
    return UD_OK;
}

static lxw_format *bordered(lxw_workbook *wb)
{
    lxw_format *f = workbook_add_format(wb);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    format_set_bold(f);
    return f;
}

static int xlsx_open(struct ud_lsheet *L, const char *sheet_name, const char *title, const char *subtitle,
                     const char *author, struct ud_err *err)
{
    L->wb = ud_xlsx_new(&L->out, 1, err); /* constant memory */
    if (!L->wb)
        return err->status;
    L->ws = workbook_add_worksheet(L->wb, sheet_name);
    if (!L->ws)
        return ud_err_set(err, UD_ERR_INTERNAL, "%s", "worksheet");
    lxw_doc_properties props;
    memset(&props, 0, sizeof props);
    char t[512], a[128]; /* the library's fields are not const */
    snprintf(t, sizeof t, "%s", title);
    snprintf(a, sizeof a, "%s", author);
    props.title = t;
    props.author = a;
    workbook_set_properties(L->wb, &props);

    lxw_format *ftitle = workbook_add_format(L->wb);
    format_set_bold(ftitle);
    format_set_font_size(ftitle, 16);
    format_set_align(ftitle, LXW_ALIGN_CENTER);
    format_set_align(ftitle, LXW_ALIGN_VERTICAL_CENTER);
    lxw_format *fsub = workbook_add_format(L->wb);
    format_set_align(fsub, LXW_ALIGN_CENTER);
    L->fhead = bordered(L->wb);
    format_set_align(L->fhead, LXW_ALIGN_CENTER);
    format_set_bg_color(L->fhead, 0xD9D9D9);
    L->money = workbook_add_format(L->wb);
    format_set_num_format(L->money, "#,##0.00");
    L->date = workbook_add_format(L->wb);
    format_set_num_format(L->date, "yyyy-mm-dd");
    format_set_align(L->date, LXW_ALIGN_CENTER);
    L->ftotal = bordered(L->wb);
    L->ftotal_money = bordered(L->wb);
    format_set_num_format(L->ftotal_money, "#,##0.00");

    lxw_worksheet *ws = L->ws;
    worksheet_set_row(ws, 0, 30, NULL);
    keep_err(L, worksheet_merge_range(ws, 0, 0, 0, (lxw_col_t)(L->ncols - 1), title, ftitle));
    keep_err(L, worksheet_merge_range(ws, 1, 0, 1, (lxw_col_t)(L->ncols - 1), subtitle, fsub));
    for (int c = 0; c < L->ncols; c++) {
        keep_err(L, worksheet_write_string(ws, 2, (lxw_col_t)c, L->cols[c].head, L->fhead));
        L->width[c] = ud_str_width(L->cols[c].head);
        if (L->cols[c].kind == UD_LC_DATE && L->width[c] < 10)
            L->width[c] = 10;
    }
    L->row = FIRST_DATA_ROW;
    return UD_OK;
}

int ud_lsheet_open(struct ud_lsheet *L, const struct ud_list_export *o, const char *sheet_name, const char *title,
                   const char *subtitle, const char *author, const struct ud_lcol *cols, int ncols,
                   struct ud_err *err)
{
    memset(L, 0, sizeof *L);
    if (ncols > UD_LS_MAXCOLS)
        return ud_err_set(err, UD_ERR_INTERNAL, "%s", "columns");
    L->format = o->format;
    L->cols = cols;
    L->ncols = ncols;
    if (ud_out_open(&L->out, o->path, o->out_flags, err) != UD_OK)
        return err->status;
    int st = o->format == UD_EXPORT_CSV ? csv_open(L) : xlsx_open(L, sheet_name, title, subtitle, author, err);
    if (st != UD_OK)
        ud_lsheet_abort(L);
    return st;
}

static void csv_row(struct ud_lsheet *L, const struct ud_lcell *cells)
{
    FILE *fp = L->out.fp;
    char buf[48];
    for (int c = 0; c < L->ncols; c++) {
        if (c)
            fputc(',', fp);
        const struct ud_lcell *v = &cells[c];
        switch (L->cols[c].kind) {
        case UD_LC_SEQ: fprintf(fp, "%" PRId64, L->rows); break;
        case UD_LC_TEXT:
        case UD_LC_DATE: ud_csv_field(fp, v->text); break;
        case UD_LC_INT:
        case UD_LC_COUNT:
            if (v->num != UD_NULL_INT)
                fprintf(fp, "%" PRId64, v->num);
            break;
        case UD_LC_MONEY:
            if (v->num != UD_NULL_INT) {
                ud_format_money_plain(v->num, buf, sizeof buf);
                fputs(buf, fp);
            }
            break;
        }
    }
    fputs("\r\n", fp);
}

static void xlsx_row(struct ud_lsheet *L, const struct ud_lcell *cells)
{
    lxw_worksheet *ws = L->ws;
    /* only the cells that need a format carry one: a row then costs
     * little more than its values */
    for (int c = 0; c < L->ncols; c++) {
        const struct ud_lcell *v = &cells[c];
        lxw_col_t col = (lxw_col_t)c;
        lxw_datetime dt;
        switch (L->cols[c].kind) {
        case UD_LC_SEQ: keep_err(L, worksheet_write_number(ws, L->row, col, (double)L->rows, NULL)); break;
        case UD_LC_TEXT:
            if (v->text && *v->text) {
                keep_err(L, worksheet_write_string(ws, L->row, col, v->text, NULL));
                measure(L, c, v->text);
            }
            break;
        case UD_LC_DATE:
            if (ud_xlsx_date(v->text, &dt)) /* no date: a blank cell (year 0 would read as a time) */
                keep_err(L, worksheet_write_datetime(ws, L->row, col, &dt, L->date));
            break;
        case UD_LC_INT:
        case UD_LC_COUNT:
            if (v->num != UD_NULL_INT)
                keep_err(L, worksheet_write_number(ws, L->row, col, (double)v->num, NULL));
            break;
        case UD_LC_MONEY:
            if (v->num != UD_NULL_INT)
                keep_err(L, worksheet_write_number(ws, L->row, col, (double)v->num / 100.0, L->money));
            break;
        }
    }
    L->row++;
}

void ud_lsheet_row(struct ud_lsheet *L, const struct ud_lcell *cells)
{
    L->rows++;
    for (int c = 0; c < L->ncols; c++)
        if ((L->cols[c].kind == UD_LC_COUNT || L->cols[c].kind == UD_LC_MONEY) && cells[c].num != UD_NULL_INT)
            L->sum[c] += cells[c].num;
    if (L->format == UD_EXPORT_CSV)
        csv_row(L, cells);
    else
        xlsx_row(L, cells);
}

/* The total row, widths and page setup. */
static void xlsx_finish(struct ud_lsheet *L, const char *count_text)
{
    lxw_worksheet *ws = L->ws;
    /* in constant-memory mode the autofilter must be set while its last
     * row is still the current one (else error 23): now */
    keep_err(L, worksheet_autofilter(ws, FIRST_DATA_ROW - 1, 0, L->rows > 0 ? L->row - 1 : FIRST_DATA_ROW - 1,
                                     (lxw_col_t)(L->ncols - 1)));
    lxw_row_t total = L->row;
    char buf[128], a[LXW_MAX_CELL_NAME_LENGTH], b[LXW_MAX_CELL_NAME_LENGTH];
    for (int c = 0; c < L->ncols; c++) {
        lxw_col_t col = (lxw_col_t)c;
        enum ud_lcol_kind k = L->cols[c].kind;
        int summed = k == UD_LC_COUNT || k == UD_LC_MONEY;
        if (c == 0) {
            keep_err(L, worksheet_write_string(ws, total, col, T("合计", "total"), L->ftotal));
        } else if (c == 1) {
            keep_err(L, worksheet_write_string(ws, total, col, count_text, L->ftotal));
            measure(L, c, count_text);
        } else if (summed) {
            /* a SUM, with its value for readers that do not recalculate;
             * no formula over an empty range */
            double value = k == UD_LC_MONEY ? (double)L->sum[c] / 100.0 : (double)L->sum[c];
            lxw_format *f = k == UD_LC_MONEY ? L->ftotal_money : L->ftotal;
            if (L->rows > 0) {
                lxw_rowcol_to_cell(a, FIRST_DATA_ROW, col);
                lxw_rowcol_to_cell(b, total - 1, col);
                snprintf(buf, sizeof buf, "=SUM(%s:%s)", a, b);
                keep_err(L, worksheet_write_formula_num(ws, total, col, buf, f, value));
            } else {
                keep_err(L, worksheet_write_number(ws, total, col, 0, f));
            }
        } else {
            keep_err(L, worksheet_write_blank(ws, total, col, L->ftotal));
        }
        if (summed) {
            if (k == UD_LC_MONEY)
                ud_format_money(L->sum[c], buf, sizeof buf);
            else
                snprintf(buf, sizeof buf, "%" PRId64, L->sum[c]);
            measure(L, c, buf);
        }
    }
    snprintf(buf, sizeof buf, "%" PRId64, L->rows);
    for (int c = 0; c < L->ncols; c++)
        if (L->cols[c].kind == UD_LC_SEQ)
            measure(L, c, buf);
    for (int c = 0; c < L->ncols; c++)
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, ud_xlsx_width(L->width[c]), NULL);
    worksheet_freeze_panes(ws, FIRST_DATA_ROW, 0);
    worksheet_repeat_rows(ws, 0, FIRST_DATA_ROW - 1);
    worksheet_gridlines(ws, LXW_SHOW_ALL_GRIDLINES); /* on screen and on paper */
    worksheet_set_paper(ws, 9);                      /* A4 */
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0); /* one page wide, as many long as it takes */
    worksheet_center_horizontally(ws);
    worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
    worksheet_set_footer(ws, T("&C第 &P 页 共 &N 页", "&CPage &P of &N"));
}

int ud_lsheet_commit(struct ud_lsheet *L, const char *count_text, struct ud_err *err)
{
    if (L->format == UD_EXPORT_CSV) {
        /* flushed again here so that errno says why (a full disk: ENOSPC) */
        errno = 0;
        if (fflush(L->out.fp) != 0 || ferror(L->out.fp)) {
            int e = errno ? errno : EIO;
            ud_lsheet_abort(L);
            return ud_err_set(err, UD_ERR_IO, T("写入 %s 时出错：%s", "error writing %s: %s"), L->out.path,
                              ud_strerror(e));
        }
    } else {
        xlsx_finish(L, count_text);
        lxw_row_t last = L->row; /* the total row */
        if (L->werr) {
            workbook_close(L->wb);
            L->wb = NULL;
            lxw_error e = L->werr;
            ud_lsheet_abort(L);
            return ud_err_set(err, UD_ERR_IO, T("写入 %s 时出错：%s", "error writing %s: %s"), L->out.path,
                              lxw_strerror(e));
        }
        lxw_workbook *wb = L->wb;
        L->wb = NULL;
        if (ud_xlsx_close(wb, &L->out, (int64_t)last, err) != UD_OK) {
            ud_lsheet_abort(L);
            return err->status;
        }
    }
    if (L->audit_db && ud_lsheet_audit(L, err) != UD_OK) {
        ud_lsheet_abort(L); /* not recorded: not handed out */
        return err->status;
    }
    if (ud_out_commit(&L->out, err) != UD_OK) {
        ud_lsheet_abort(L);
        return err->status;
    }
    return UD_OK;
}

void ud_lsheet_abort(struct ud_lsheet *L)
{
    if (L->wb) {
        workbook_close(L->wb);
        L->wb = NULL;
    }
    ud_out_abort(&L->out);
}
