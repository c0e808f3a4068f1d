/* The reference for the roster benchmark: the least a C program must do to
 * write the same rows with libxlsxwriter in constant-memory mode — one
 * query, one row per grant, no titles, totals or print setup.
 * Usage: minimal_roster DB FROM TO OUT.xlsx */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: minimal_roster DB FROM TO OUT.xlsx\n");
        return 64;
    }
    sqlite3 *h;
    if (sqlite3_open_v2(argv[1], &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        return 66;
    sqlite3_stmt *st;
    const char *sql =
        "SELECT m.name, m.gender, substr(m.id_number, 1, 6) || '********' || substr(m.id_number, 15, 4),"
        " o.name, r.hardship_category, g.program, g.amount_fen, g.granted_on"
        " FROM aid_grants g JOIN aid_recipients r ON r.id = g.recipient_id JOIN members m ON m.id = r.member_id"
        " JOIN orgs o ON o.id = m.org_id WHERE g.granted_on BETWEEN ?1 AND ?2 AND g.program = 'send_warmth'"
        " ORDER BY g.granted_on, g.id";
    if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK)
        return 70;
    sqlite3_bind_text(st, 1, argv[2], -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, argv[3], -1, SQLITE_STATIC);
    char tmpdir[] = "/tmp";
    lxw_workbook_options opt = {.constant_memory = LXW_TRUE, .tmpdir = tmpdir, .use_zip64 = LXW_FALSE};
    lxw_workbook *wb = workbook_new_opt(argv[4], &opt);
    lxw_worksheet *ws = workbook_add_worksheet(wb, NULL);
    lxw_format *date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy-mm-dd");
    lxw_row_t row = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        worksheet_write_number(ws, row, 0, (double)(row + 1), NULL);
        for (int c = 0; c < 6; c++)
            worksheet_write_string(ws, row, (lxw_col_t)(c + 1), (const char *)sqlite3_column_text(st, c), NULL);
        worksheet_write_number(ws, row, 7, (double)sqlite3_column_int64(st, 6) / 100.0, NULL);
        const char *d = (const char *)sqlite3_column_text(st, 7);
        lxw_datetime dt = {0};
        sscanf(d, "%d-%d-%d", &dt.year, &dt.month, &dt.day);
        worksheet_write_datetime(ws, row, 8, &dt, date);
        worksheet_write_blank(ws, row, 9, NULL);
        row++;
    }
    sqlite3_finalize(st);
    sqlite3_close(h);
    return workbook_close(wb) == LXW_NO_ERROR ? 0 : 74;
}
