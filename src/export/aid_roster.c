/* The hardship-aid roster (帮扶发放花名册) as xlsx, streamed: the grants
 * come from ud_aid_grant_each one at a time and each becomes a row at
 * once, in order, as libxlsxwriter's constant-memory mode requires. Column
 * widths are measured on the way and set at the end (libxlsxwriter writes
 * them when the workbook closes). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "uniondesk/audit.h"
#include "uniondesk/enums.h"
#include "uniondesk/export.h"
#include "uniondesk/i18n.h"
#include "uniondesk/org.h"
#include "uniondesk/parse.h"
#include "uniondesk/utf8.h"
#include "uniondesk/xlsxutil.h"

enum { C_SEQ, C_NAME, C_GENDER, C_ID, C_ORG, C_CATEGORY, C_PROGRAM, C_AMOUNT, C_DATE, C_SIGN, NCOLS };

#define FIRST_DATA_ROW 3 /* title, subtitle, header */
#define MAX_WIDTH 40     /* longer organization names wrap */
/* A row a recipient signs in by hand: 28 pt (about 1 cm) and a signature
 * column of 24 columns (about 4.5 cm), as paper rosters have them. */
#define ROW_PT 28
#define SIGN_COLS 24

struct roster {
    lxw_worksheet *ws;
    lxw_format *text, *money, *date;
    int full_id;
    lxw_row_t row;
    int64_t n, total_fen;
    int width[NCOLS];
    int64_t max_fen; /* the widest amount */
    lxw_error werr;
};

static void measure(struct roster *R, int col, const char *s)
{
    int w = ud_str_width(s);
    if (w > MAX_WIDTH)
        w = MAX_WIDTH;
    if (w > R->width[col])
        R->width[col] = w;
}

/* measure: the names vary; the other columns' widths are known from
 * their few possible values (ID numbers, labels), measured at the end */
static void put_text(struct roster *R, int col, const char *s, lxw_format *f, int measure_it)
{
    lxw_error e = worksheet_write_string(R->ws, R->row, (lxw_col_t)col, s, f);
    if (e && !R->werr)
        R->werr = e;
    if (measure_it)
        measure(R, col, s);
}

/* The widest label of an enumeration, in the user's language. */
static void measure_labels(struct roster *R, int col, const struct ud_enum *e)
{
    for (int i = 0; i < e->count; i++)
        measure(R, col, T(e->items[i].zh, e->items[i].en));
}

static int write_grant(const struct ud_aid_grant *g, void *arg)
{
    struct roster *R = arg;
    char buf[64];
    R->n++;
    R->total_fen += g->amount_fen;
    if (g->amount_fen > R->max_fen)
        R->max_fen = g->amount_fen;
    /* Data cells carry a format only where a value needs one (amounts,
     * dates, long union names); the grid comes from printed gridlines and
     * the signature room from the sheet's default row height, so a row
     * costs little more than its values: this keeps big rosters fast. */
    worksheet_write_number(R->ws, R->row, C_SEQ, (double)R->n, NULL);
    put_text(R, C_NAME, g->member_name, NULL, 1);
    put_text(R, C_GENDER, ud_enum_label(&ud_enum_gender, g->gender), NULL, 0);
    if (R->full_id)
        snprintf(buf, sizeof buf, "%s", g->id_number);
    else
        ud_mask_id_number(g->id_number, buf, sizeof buf);
    put_text(R, C_ID, buf, NULL, R->n == 1);
    put_text(R, C_ORG, g->org_name, R->text, 1);
    put_text(R, C_CATEGORY, ud_enum_label(&ud_enum_hardship_category, g->hardship_category), NULL, 0);
    put_text(R, C_PROGRAM, ud_enum_label(&ud_enum_aid_program, g->program), NULL, 0);
    /* yuan from fen, at the point of writing the cell (its width is set
     * from the largest amount at the end) */
    worksheet_write_number(R->ws, R->row, C_AMOUNT, (double)g->amount_fen / 100.0, R->money);
    lxw_datetime dt;
    if (ud_xlsx_date(g->granted_on, &dt))
        worksheet_write_datetime(R->ws, R->row, C_DATE, &dt, R->date);
    else
        worksheet_write_blank(R->ws, R->row, C_DATE, R->date);
    R->row++; /* the signature cell stays empty: nothing to write */
    return 0;
}

static lxw_format *bordered(lxw_workbook *wb, int bold)
{
    lxw_format *f = workbook_add_format(wb);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    if (bold)
        format_set_bold(f);
    return f;
}

static void period_text(const struct ud_aid_grant_filter *f, char *out, size_t outsz)
{
    const char *a = f->date_from && *f->date_from ? f->date_from : NULL;
    const char *b = f->date_to && *f->date_to ? f->date_to : NULL;
    if (a && b)
        snprintf(out, outsz, T("%s 至 %s", "%s to %s"), a, b);
    else if (a)
        snprintf(out, outsz, T("%s 起", "from %s"), a);
    else if (b)
        snprintf(out, outsz, T("截至 %s", "up to %s"), b);
    else
        snprintf(out, outsz, "%s", T("全部日期", "all dates"));
}

int ud_export_aid_roster(struct ud_db *db, const struct ud_aid_roster_opts *o, struct ud_aid_roster_result *res,
                         struct ud_err *err)
{
    memset(res, 0, sizeof *res);
    if (o->full_id && ud_require_role(db, UD_ROLE_OFFICER, err) != UD_OK)
        return ud_err_set(err, UD_ERR_PERM,
                          T("只有主管和管理员可以导出完整身份证号（--full-id）；用户 %s 不能。去掉 --full-id 可导出遮蔽后的号码",
                            "only officers and admins may export whole ID numbers (--full-id); %s may not. Without "
                            "--full-id the numbers are masked"),
                          ud_db_login(db));
    if (ud_out_check(o->path, o->out_flags, err) != UD_OK)
        return err->status;

    /* the words of the title and subtitle */
    char org[184] = "", today[UD_DATE_SZ], period[128], title[512], sub[768];
    int64_t root = ud_org_root(db);
    struct ud_org ro;
    struct ud_err e2;
    ud_err_clear(&e2);
    if (root && ud_org_get(db, root, &ro, &e2) == UD_OK)
        snprintf(org, sizeof org, "%s", ro.name);
    ud_today(today);
    const struct ud_aid_grant_filter *f = &o->filter;
    const char *program = f->program && *f->program ? ud_enum_label(&ud_enum_aid_program, f->program) : NULL;
    if (ud_lang == UD_LANG_EN)
        snprintf(title, sizeof title, "%s%sHardship Aid Roster%s%s%s", org, org[0] ? ": " : "",
                 program ? " (" : "", program ? program : "", program ? ")" : "");
    else
        snprintf(title, sizeof title, "%s%s帮扶发放花名册", org, program ? program : "");
    period_text(f, period, sizeof period);
    int n = snprintf(sub, sizeof sub, T("发放日期：%s    状态：%s", "Granted: %s    status: %s"), period,
                     f->status && *f->status ? ud_enum_label(&ud_enum_grant_status, f->status)
                                             : T("全部（不含已取消）", "all but cancelled"));
    if (o->scope_name && *o->scope_name && n > 0 && (size_t)n < sizeof sub)
        n += snprintf(sub + n, sizeof sub - (size_t)n, T("    范围：%s及其下属组织", "    scope: %s and below"),
                      o->scope_name);
    if (n > 0 && (size_t)n < sizeof sub)
        snprintf(sub + n, sizeof sub - (size_t)n, T("    制表日期：%s", "    produced on %s"), today);

    struct ud_outfile out;
    if (ud_out_open(&out, o->path, o->out_flags, err) != UD_OK)
        return err->status;
    lxw_workbook *wb = ud_xlsx_new(&out, 1, err); /* constant memory */
    if (!wb) {
        ud_out_abort(&out);
        return err->status;
    }
    lxw_worksheet *ws = workbook_add_worksheet(wb, T("花名册", "Roster"));
    if (!ws) {
        workbook_close(wb);
        ud_out_abort(&out);
        return ud_err_set(err, UD_ERR_INTERNAL, "%s", "worksheet");
    }
    lxw_doc_properties props;
    memset(&props, 0, sizeof props);
    props.title = title;
    char author[64];
    snprintf(author, sizeof author, "%s", ud_db_user_label(db));
    props.author = author;
    workbook_set_properties(wb, &props);

    lxw_format *ftitle = workbook_add_format(wb);
    format_set_bold(ftitle);
    format_set_font_size(ftitle, 16);
    format_set_align(ftitle, LXW_ALIGN_CENTER);
    format_set_align(ftitle, LXW_ALIGN_VERTICAL_CENTER);
    lxw_format *fsub = workbook_add_format(wb);
    format_set_align(fsub, LXW_ALIGN_CENTER);
    lxw_format *fhead = bordered(wb, 1);
    format_set_align(fhead, LXW_ALIGN_CENTER);
    format_set_text_wrap(fhead);
    format_set_bg_color(fhead, 0xD9D9D9);
    struct roster R;
    memset(&R, 0, sizeof R);
    R.ws = ws;
    R.text = workbook_add_format(wb);
    format_set_text_wrap(R.text);
    format_set_align(R.text, LXW_ALIGN_VERTICAL_CENTER);
    R.money = workbook_add_format(wb);
    format_set_num_format(R.money, "#,##0.00");
    R.date = workbook_add_format(wb);
    format_set_num_format(R.date, "yyyy-mm-dd");
    format_set_align(R.date, LXW_ALIGN_CENTER);
    worksheet_gridlines(ws, LXW_SHOW_ALL_GRIDLINES); /* on screen and on paper */
    worksheet_set_default_row(ws, ROW_PT, LXW_FALSE); /* room to sign by hand */
    lxw_format *ftotal = bordered(wb, 1);
    lxw_format *ftotal_money = bordered(wb, 1);
    format_set_num_format(ftotal_money, "#,##0.00");
    R.full_id = o->full_id;

    worksheet_set_row(ws, 0, 30, NULL);
    worksheet_merge_range(ws, 0, 0, 0, NCOLS - 1, title, ftitle);
    worksheet_merge_range(ws, 1, 0, 1, NCOLS - 1, sub, fsub);
    const char *heads[NCOLS] = {
        T("序号", "No."),           T("姓名", "name"),          T("性别", "sex"),
        T("身份证号", "ID number"), T("所属工会", "union"),     T("困难类别", "hardship"),
        T("帮扶项目", "program"),   T("金额(元)", "amount (yuan)"), T("发放日期", "granted on"),
        T("领取人签字", "signature"),
    };
    R.row = 2;
    worksheet_set_row(ws, R.row, ROW_PT, NULL);
    for (int c = 0; c < NCOLS; c++) {
        worksheet_write_string(ws, R.row, (lxw_col_t)c, heads[c], fhead);
        R.width[c] = ud_str_width(heads[c]);
    }
    R.width[C_DATE] = R.width[C_DATE] > 10 ? R.width[C_DATE] : 10;
    R.width[C_SIGN] = R.width[C_SIGN] > SIGN_COLS ? R.width[C_SIGN] : SIGN_COLS; /* room for a signature */
    R.row = FIRST_DATA_ROW;

    /* the grants a total counts, by the module's one rule */
    struct ud_aid_grant_filter counted = *f;
    counted.counted_only = 1;
    int st = ud_aid_grant_each(db, &counted, write_grant, &R, err);
    if (st != UD_OK) {
        workbook_close(wb);
        ud_out_abort(&out);
        return st;
    }

    /* In constant-memory mode the autofilter must be set while its last
     * row is still the current one (else error 23 and no filter): now. */
    lxw_error ae = worksheet_autofilter(ws, FIRST_DATA_ROW - 1, 0, R.n > 0 ? R.row - 1 : FIRST_DATA_ROW - 1,
                                        NCOLS - 1);
    if (ae && !R.werr)
        R.werr = ae;

    /* total: a SUM over the amounts, with its value for readers that do
     * not recalculate; no formula over an empty range */
    char buf[128], a[LXW_MAX_CELL_NAME_LENGTH], b[LXW_MAX_CELL_NAME_LENGTH];
    lxw_row_t total_row = R.row;
    worksheet_set_row(ws, total_row, ROW_PT, NULL);
    worksheet_write_string(ws, total_row, C_SEQ, T("合计", "total"), ftotal);
    snprintf(buf, sizeof buf, T("共 %" PRId64 " 笔", "%" PRId64 " grants"), R.n);
    worksheet_write_string(ws, total_row, C_NAME, buf, ftotal);
    for (int c = C_GENDER; c < NCOLS; c++)
        if (c != C_AMOUNT)
            worksheet_write_blank(ws, total_row, (lxw_col_t)c, ftotal);
    double total = (double)R.total_fen / 100.0;
    if (R.n > 0) {
        lxw_rowcol_to_cell(a, FIRST_DATA_ROW, C_AMOUNT);
        lxw_rowcol_to_cell(b, total_row - 1, C_AMOUNT);
        snprintf(buf, sizeof buf, "=SUM(%s:%s)", a, b);
        worksheet_write_formula_num(ws, total_row, C_AMOUNT, buf, ftotal_money, total);
    } else {
        worksheet_write_number(ws, total_row, C_AMOUNT, 0, ftotal_money);
    }
    ud_format_money(R.total_fen, buf, sizeof buf);
    measure(&R, C_AMOUNT, buf);
    snprintf(sub, sizeof sub,
             T("经办人：                审核人：                负责人：                制表人：%s",
               "Handled by:                Checked by:                Approved by:                Prepared by: %s"),
             author);
    worksheet_set_row(ws, total_row + 2, ROW_PT, NULL);
    worksheet_merge_range(ws, total_row + 2, 0, total_row + 2, NCOLS - 1, sub, NULL);

    measure_labels(&R, C_GENDER, &ud_enum_gender);
    measure_labels(&R, C_CATEGORY, &ud_enum_hardship_category);
    measure_labels(&R, C_PROGRAM, &ud_enum_aid_program);
    char wbuf[64];
    snprintf(wbuf, sizeof wbuf, "%" PRId64, R.n);
    measure(&R, C_SEQ, wbuf);
    ud_format_money(R.max_fen, wbuf, sizeof wbuf);
    measure(&R, C_AMOUNT, wbuf);
    for (int c = 0; c < NCOLS; c++)
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, ud_xlsx_width(R.width[c]), NULL);
    worksheet_freeze_panes(ws, FIRST_DATA_ROW, 0);
    worksheet_repeat_rows(ws, 0, FIRST_DATA_ROW - 1);
    worksheet_set_paper(ws, 9); /* A4 */
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_center_horizontally(ws);
    worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
    worksheet_set_footer(ws, T("&C第 &P 页 共 &N 页", "&CPage &P of &N"));
    if (R.werr) {
        workbook_close(wb);
        ud_out_abort(&out); /* no half-written roster left behind */
        return ud_err_set(err, UD_ERR_IO, T("写入 %s 时出错：%s", "error writing %s: %s"), o->path, lxw_strerror(R.werr));
    }
    /* the last row written is the line under the total */
    if (ud_xlsx_close(wb, &out, (int64_t)total_row + 2, err) != UD_OK) {
        ud_out_abort(&out);
        return err->status;
    }
    if (o->full_id) {
        /* whole ID numbers leave the database: one audit entry for the
         * file, before it takes its name (not recorded: not handed out,
         * and a file it would replace stays as it was) */
        char what[2600], *dir = realpath(out.dir, NULL);
        const char *base = strrchr(o->path, '/');
        base = base ? base + 1 : o->path;
        snprintf(what, sizeof what, "export aid --full-id: %lld rows -> %s%s%s", (long long)R.n, dir ? dir : "",
                 dir && strcmp(dir, "/") ? "/" : "", dir ? base : o->path);
        free(dir);
        if (ud_audit_note(db, "aid_grants", 0, "print", what, err) != UD_OK) {
            ud_out_abort(&out);
            return err->status;
        }
    }
    if (ud_out_commit(&out, err) != UD_OK) {
        ud_out_abort(&out);
        return err->status;
    }
    res->rows = R.n;
    res->total_fen = R.total_fen;
    return UD_OK;
}
