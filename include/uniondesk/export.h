/* Exports for other offices: the hardship-aid roster (帮扶发放花名册) as
 * xlsx, for signatures and payment. */
#ifndef UD_EXPORT_H
#define UD_EXPORT_H

#include <stdint.h>

#include "uniondesk/aid.h"
#include "uniondesk/db.h"
#include "uniondesk/outfile.h"

struct ud_aid_roster_opts {
    /* which grants: those a total counts (ud_aid_grant_totals: with no
     * status, every grant but the cancelled ones; a roster is for paying) */
    struct ud_aid_grant_filter filter;
    const char *scope_name; /* the --org organization's name for the subtitle, or NULL */
    int full_id;            /* whole ID numbers: officers and admins only (UD_ERR_PERM) */
    const char *path;       /* the .xlsx file written (whole or absent: outfile.h) */
    unsigned out_flags;     /* UD_OUT_FORCE: replace an existing file */
};

struct ud_aid_roster_result {
    int64_t rows;      /* grants listed */
    int64_t total_fen; /* their amounts added up */
};

/* The roster: a title row naming the program and the period, a subtitle,
 * the header (序号, 姓名, 性别, 身份证号, 所属工会, 困难类别, 帮扶项目,
 * 金额(元), 发放日期, 领取人签字), one row per grant in date order (amounts
 * as numbers, dates as dates, ID numbers masked 330206********1234 unless
 * full_id), a total row with a SUM formula and a line to sign. Frozen
 * header, autofilter, A4 landscape with the header rows on every page.
 * Written in libxlsxwriter's constant-memory mode, its temporary files next
 * to the output: memory does not grow with the number of grants. */
int ud_export_aid_roster(struct ud_db *db, const struct ud_aid_roster_opts *o, struct ud_aid_roster_result *res,
                         struct ud_err *err);

#endif
