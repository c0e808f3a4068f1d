/* Export-internal: one table written row by row as xlsx or CSV, for the
 * list exports (cases.c, members.c). The caller names the columns and
 * hands over one row of values at a time; this file does the formats:
 * in xlsx the title and filter lines, the header, dates as dates, amounts
 * as numbers, the total row, widths, print setup; in CSV the BOM, the
 * header, the rows. Memory does not grow with the rows. */
#ifndef UD_EXPORT_LISTSHEET_H
#define UD_EXPORT_LISTSHEET_H

#include <stdint.h>
#include <stdio.h>

#include <xlsxwriter.h>

#include "uniondesk/export.h"

enum ud_lcol_kind {
    UD_LC_SEQ,   /* the row's number, 1… (filled in by the writer) */
    UD_LC_TEXT,
    UD_LC_INT,   /* a number */
    UD_LC_COUNT, /* a number summed in the total row (workers) */
    UD_LC_MONEY, /* fen, written as yuan with 0.00; summed */
    UD_LC_DATE   /* ISO text: an Excel date */
};

struct ud_lcol {
    const char *head;
    enum ud_lcol_kind kind;
};

/* One cell's value: text (TEXT, DATE) or num (INT, COUNT, MONEY); a NULL or
 * empty text and UD_NULL_INT are blank cells. */
struct ud_lcell {
    const char *text;
    int64_t num;
};

#define UD_LS_MAXCOLS 24

struct ud_lsheet {
    enum ud_export_format format;
    struct ud_outfile out;
    const struct ud_lcol *cols;
    int ncols;
    /* xlsx */
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_format *money, *date, *fhead, *ftotal, *ftotal_money;
    lxw_row_t row;
    lxw_error werr;
    int width[UD_LS_MAXCOLS];
    int64_t sum[UD_LS_MAXCOLS];
    int64_t rows;
    /* a --full-id export: noted in the audit log by ud_lsheet_commit once
     * the file is complete, before it takes its name (NULL: none) */
    struct ud_db *audit_db;
    const char *audit_table, *audit_what;
};

/* Opens the output (nothing is named before ud_lsheet_commit) and writes
 * what comes before the rows: in xlsx the title, the line under it and
 * the header; in CSV the BOM and the header. */
int ud_lsheet_open(struct ud_lsheet *L, const struct ud_list_export *o, const char *sheet_name, const char *title,
                   const char *subtitle, const char *author, const struct ud_lcol *cols, int ncols,
                   struct ud_err *err);
/* One row: cells[0..ncols) (the SEQ cell's value is ignored). */
void ud_lsheet_row(struct ud_lsheet *L, const struct ud_lcell *cells);
/* The total row (xlsx: "合计", `count_text`, a SUM under every COUNT
 * and MONEY column), widths and print setup; then the file is checked and
 * renamed into place. On failure nothing is left. */
int ud_lsheet_commit(struct ud_lsheet *L, const char *count_text, struct ud_err *err);
/* Gives up: nothing is left. */
void ud_lsheet_abort(struct ud_lsheet *L);

/* Whole ID numbers (full_id): UD_OK for officers and admins, else
 * UD_ERR_PERM saying who may and that without --full-id they are masked. */
int ud_lsheet_may_full_id(struct ud_db *db, struct ud_err *err);
/* A file with whole ID numbers, complete but not yet named: one audit
 * entry for it ("export cases --full-id: N rows -> /abs/path"). Called by
 * ud_lsheet_commit; when it cannot be recorded the file is not handed
 * out, and a file it would have replaced (--force) is left as it was. */
int ud_lsheet_audit(struct ud_lsheet *L, struct ud_err *err);

/* The title's first words: the root organization's name ("" if none). */
void ud_lsheet_root_name(struct ud_db *db, char *out, size_t outsz);
/* Appends "    label：value" to a line being built. */
void ud_lsheet_say(char *line, size_t linesz, const char *label, const char *value);

#endif
