/* Exports for other offices: the hardship-aid roster (帮扶发放花名册) as
 * xlsx, for signatures and payment; the case and member lists as xlsx or
 * CSV, for Excel. */
#ifndef UD_EXPORT_H
#define UD_EXPORT_H

#include <stdint.h>

#include "uniondesk/aid.h"
#include "uniondesk/db.h"
#include "uniondesk/dispute.h"
#include "uniondesk/member.h"
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

/* ---- lists (案件清单, 会员名册) ---- */

enum ud_export_format { UD_EXPORT_XLSX, UD_EXPORT_CSV };

/* The format of a list export: `format` ("xlsx" or "csv", NULL = none
 * asked) and the extension of `path` (.xlsx, .csv, any case). The
 * extension decides when no format is asked; a format that contradicts
 * the extension (x.csv with xlsx, x.txt with anything), an unknown
 * extension without a format, or an unknown format is UD_ERR_USAGE. */
int ud_export_format_choose(const char *format, const char *path, enum ud_export_format *fmt, struct ud_err *err);

/* What both list exports take besides their filter. */
struct ud_list_export {
    enum ud_export_format format;
    const char *scope_name; /* the filter's organization (subtree) by name, for the title; or NULL */
    const char *sort;       /* the list's sort (ud_case_sort_keys, ud_member_sort_keys); NULL = default */
    int desc;
    int full_id;            /* whole ID numbers: officers and admins only (UD_ERR_PERM), audited */
    const char *path;       /* whole or absent (outfile.h), 0600 */
    unsigned out_flags;     /* UD_OUT_FORCE: replace an existing file */
};

struct ud_list_export_result {
    int64_t rows;
    int64_t claim_fen;  /* cases: the claims added up */
    int64_t agreed_fen; /* cases: the agreed amounts added up */
};

/* The rows the list with this filter shows (the screens' list: the same
 * filter, search and sort), read as the list reads them (cases a page at
 * a time, members by ud_member_each) and each written at once: memory
 * does not grow with the rows. xlsx: a title row naming the list,
 * a line naming its filters, the header (frozen, autofilter), the rows
 * (dates as dates, amounts as numbers 0.00), a total row (count, SUM of
 * the amounts); A4 landscape, the header rows on every page; written in
 * constant-memory mode. CSV: UTF-8 with a BOM (Excel then reads Chinese),
 * the header and the rows, CRLF, RFC 4180. ID numbers masked unless
 * full_id; phones as ud_show_phone shows them to this user.
 * Cases: 序号, 案件编号, 接待日期, 受理日期, 调解组织, 级别, 申请人,
 * 身份证号, 联系电话, 用人单位, 争议类型, 涉及人数, 涉案金额(元),
 * 协议金额(元), 调解员, 状态, 结案日期, 是否超期, 超期天数 (days past
 * the 15 of mediation, as of today), 结果. */
int ud_export_cases(struct ud_db *db, const struct ud_case_filter *f, const struct ud_list_export *o,
                    struct ud_list_export_result *res, struct ud_err *err);
/* Members: 序号, 姓名, 性别, 身份证号, 所属工会, 民族, 文化程度, 联系电话,
 * 入会日期, 会员状态, 外来务工, 职务, 会员卡号. */
int ud_export_members(struct ud_db *db, const struct ud_member_filter *f, const struct ud_list_export *o,
                      struct ud_list_export_result *res, struct ud_err *err);

#endif
