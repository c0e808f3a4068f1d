/* find: the screens' `/` search on the command line — the same module
 * lists, the same order (exact, then prefix, then the rest), the same
 * masks — so the search is testable and scriptable. Rows are fetched page
 * by page along the lists' keyset cursors. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "uniondesk/csvout.h"
#include "uniondesk/dispute.h"
#include "uniondesk/enums.h"
#include "uniondesk/i18n.h"
#include "uniondesk/member.h"
#include "uniondesk/org.h"
#include "uniondesk/privacy.h"
#include "uniondesk/utf8.h"

static int ud_cmd_search(struct ud_cli *cli, int argc, char **argv);

const struct ud_cmd_entry cmd_find_entry = {
    .name = "find",
    .usage = "find members|cases|orgs TEXT [--limit N] [--format text|csv|json]",
    .summary_zh = "按片段查找会员、案件或组织（与界面中的 / 相同）",
    .summary_en = "find members, cases or organizations from a fragment (as / on the screens)",
    .help_zh = "会员：姓名的任何部分（名字、一个字）、电话中连续 3 位以上数字（如尾号）、身份证号中连续 4 位以上（如尾号、出生日期）。\n"
        "案件：案号中的数字（00200）、申请人、用人单位关键字（旭越）、身份证号。组织：名称或代码的任何部分。\n"
        "完全相同的在前，其次以该文字开头的，再次其余包含它的。身份证号按规定遮盖。\n"
        "  --limit N        最多 N 条（默认 50）\n"
        "  --format F       text（默认）、csv、json\n"
        "退出码：0 成功（找不到也是 0，只输出表头）；64 用法错误；66 数据库不存在。\n"
        "例：uniondesk find members 建国\n",
    .help_en = "Members: any part of the name (a given name, one character), any run of 3 or more digits of the phone\n"
        "(the last four), any run of 4 or more characters of the ID number (its tail, a birth date).\n"
        "Cases: case number digits (00200), applicant, employer keyword, ID number. Organizations: any part of the name or code.\n"
        "Exact matches first, then those starting with the text, then the rest. ID numbers are masked.\n"
        "  --limit N        at most N rows (default 50)\n"
        "  --format F       text (default), csv, json\n"
        "Exit codes: 0 ok (also when nothing is found: the header only); 64 usage; 66 no database.\n"
        "example: uniondesk find members 5737\n",
    .run = ud_cmd_search,
};

enum fmt { F_TEXT = UD_LIST_TEXT, F_CSV = UD_LIST_CSV, F_JSON = UD_LIST_JSON };

#define FIND_PAGE 100
#define FIND_MAX 100000
#define NCOL 7

/* One kind of record: its columns (key for CSV/JSON, header, text width). */
struct col {
    const char *key;
    const char *zh;
    const char *en;
    int width;
};

struct out {
    enum fmt fmt;
    const struct col *cols;
    int ncols;
    int64_t n;
};

static void header(const struct out *o)
{
    for (int i = 0; i < o->ncols; i++) {
        if (o->fmt == F_CSV) {
            printf("%s%s", i ? "," : "", o->cols[i].key);
        } else if (o->fmt == F_TEXT) {
            char cell[256];
            ud_str_cell(cell, sizeof cell, T(o->cols[i].zh, o->cols[i].en), o->cols[i].width, UD_LEFT);
            printf("%s%s", i ? " " : "", i == o->ncols - 1 ? T(o->cols[i].zh, o->cols[i].en) : cell);
        }
    }
    if (o->fmt == F_JSON)
        printf("[");
    else
        putchar('\n');
}

static void emit(struct out *o, const char *const *v)
{
    switch (o->fmt) {
    case F_TEXT:
        for (int i = 0; i < o->ncols; i++) {
            char vis[512], cell[1024];
            ud_text_visible(vis, sizeof vis, v[i]);
            ud_str_cell(cell, sizeof cell, vis, o->cols[i].width, UD_LEFT);
            printf("%s%s", i ? " " : "", i == o->ncols - 1 ? vis : cell);
        }
        putchar('\n');
        break;
    case F_CSV:
        for (int i = 0; i < o->ncols; i++) {
            if (i)
                putchar(',');
            ud_csv_field(stdout, v[i]);
        }
        putchar('\n');
        break;
    case F_JSON:
        printf("%s\n  {", o->n ? "," : "");
        for (int i = 0; i < o->ncols; i++) {
            printf("%s\"%s\": ", i ? ", " : "", o->cols[i].key);
            ud_json_str(stdout, v[i]);
        }
        putchar('}');
        break;
    }
    o->n++;
}

static const struct col member_cols[] = {
    {"name", "姓名", "name", 10},          {"id_number", "身份证号", "ID number", 18},
    {"phone", "电话", "phone", 13},        {"org", "所属工会", "union", 24},
    {"status", "会籍状态", "status", 8},
};
static const struct col case_cols[] = {
    {"case_no", "案号", "case no.", 14},         {"applicant_name", "申请人", "applicant", 10},
    {"applicant_id_number", "身份证号", "ID number", 18}, {"received_on", "收案日期", "received", 10},
    {"status", "状态", "status", 8},             {"employer_name", "用人单位", "employer", 30},
};
static const struct col org_cols[] = {
    {"code", "代码", "code", 16},
    {"kind", "类型", "kind", 12},
    {"status", "状态", "status", 6},
    {"name", "名称", "name", 30},
};

/* One kind of record: its columns, its module's list and count (count
 * NULL: none), and the values of one row as the columns want them. */
struct kind {
    const char *name;
    const struct col *cols;
    int ncols;
    size_t row_size;
    int (*list)(struct ud_db *db, const char *text, const struct ud_page *pg, void *rows,
                struct ud_cursor *cur, int *n, struct ud_err *err);
    int (*count)(struct ud_db *db, const char *text, int64_t *count, struct ud_err *err);
    void (*emit_row)(struct ud_db *db, struct out *o, const void *row);
};

static int member_list(struct ud_db *db, const char *text, const struct ud_page *pg, void *rows,
                       struct ud_cursor *cur, int *n, struct ud_err *err)
{
    struct ud_member_filter f = {text, 0, NULL, 0};
    return ud_member_list(db, &f, pg, rows, cur, n, err);
}

static int member_count(struct ud_db *db, const char *text, int64_t *count, struct ud_err *err)
{
    struct ud_member_filter f = {text, 0, NULL, 0};
    return ud_member_count(db, &f, count, err);
}

static void member_row(struct ud_db *db, struct out *o, const void *row)
{
    const struct ud_member *m = row;
    char id[UD_IDNUM_SZ * 2], phone[UD_PHONE_SZ * 2];
    ud_show_id_number(m->id_number, id, sizeof id);
    ud_show_phone(db, m->phone, phone, sizeof phone);
    const char *v[NCOL] = {m->name, id, phone, m->org_name,
                           o->fmt == F_TEXT ? ud_enum_label(&ud_enum_member_status, m->status) : m->status};
    emit(o, v);
}

static int case_list(struct ud_db *db, const char *text, const struct ud_page *pg, void *rows,
                     struct ud_cursor *cur, int *n, struct ud_err *err)
{
    struct ud_case_filter f = {0};
    f.query = text;
    return ud_case_list(db, &f, pg, rows, cur, n, err);
}

static int case_count(struct ud_db *db, const char *text, int64_t *count, struct ud_err *err)
{
    struct ud_case_filter f = {0};
    f.query = text;
    return ud_case_count(db, &f, count, err);
}

static void case_row(struct ud_db *db, struct out *o, const void *row)
{
    (void)db;
    const struct ud_case *k = row;
    char id[UD_IDNUM_SZ * 2];
    ud_show_id_number(k->applicant_id_number, id, sizeof id);
    const char *v[NCOL] = {k->case_no, k->applicant_name, id, k->received_on,
                           o->fmt == F_TEXT ? ud_enum_label(&ud_enum_case_status, k->status) : k->status,
                           k->employer_name};
    emit(o, v);
}

static int org_list(struct ud_db *db, const char *text, const struct ud_page *pg, void *rows,
                    struct ud_cursor *cur, int *n, struct ud_err *err)
{
    struct ud_org_filter f = {text, NULL, 0, 0, 0, 1};
    return ud_org_list(db, &f, pg, rows, cur, n, err);
}

static void org_row(struct ud_db *db, struct out *o, const void *row)
{
    (void)db;
    const struct ud_org *g = row;
    int plain = o->fmt == F_TEXT;
    const char *v[NCOL] = {g->code, plain ? ud_enum_label(&ud_enum_org_kind, g->kind) : g->kind,
                           plain ? ud_enum_label(&ud_enum_org_status, g->status) : g->status, g->name};
    emit(o, v);
}

#define NELEM(a) ((int)(sizeof(a) / sizeof((a)[0])))
static const struct kind kinds[] = {
    {"members", member_cols, NELEM(member_cols), sizeof(struct ud_member), member_list, member_count, member_row},
    {"cases", case_cols, NELEM(case_cols), sizeof(struct ud_case), case_list, case_count, case_row},
    {"orgs", org_cols, NELEM(org_cols), sizeof(struct ud_org), org_list, NULL, org_row},
};

/* Pages through the kind's list in the search's order until limit rows
 * are out: a page of rows in memory at a time. */
static int find_rows(struct ud_db *db, const struct kind *k, const char *text, int64_t limit, struct out *o,
                     int64_t *count, struct ud_err *err)
{
    if (k->count && k->count(db, text, count, err) != UD_OK)
        return err->status;
    char *rows = calloc(FIND_PAGE, k->row_size);
    struct ud_cursor *cur = calloc(FIND_PAGE, sizeof *cur);
    int st = rows && cur ? UD_OK : ud_err_nomem(err);
    struct ud_page pg = {0};
    while (st == UD_OK && o->n < limit) {
        int n = 0;
        pg.limit = (int)(limit - o->n < FIND_PAGE ? limit - o->n : FIND_PAGE);
        if ((st = k->list(db, text, &pg, rows, cur, &n, err)) != UD_OK)
            break;
        for (int i = 0; i < n; i++)
            k->emit_row(db, o, rows + (size_t)i * k->row_size);
        if (n < pg.limit)
            break;
        pg.after = cur[n - 1];
    }
    free(rows);
    free(cur);
    return st;
}

static int ud_cmd_search(struct ud_cli *cli, int argc, char **argv)
{
    const struct ud_cmd_entry *c = &cmd_find_entry;
    const char *limtxt = NULL, *format = NULL;
    const struct ud_opt opts[] = {{"--limit", &limtxt, NULL}, {"--format", &format, NULL}, {NULL, NULL, NULL}};
    const char *pos[UD_MAX_POS];
    int npos;
    int r = ud_cli_parse(c, argc, argv, opts, pos, 2, &npos);
    if (r)
        return r < 0 ? 0 : r;
    if (npos != 2)
        return ud_cli_usage_error(c, "%s", T("需要记录类型和要找的文字", "give a kind of record and the text to find"));
    const char *kind = pos[0];
    if (strlen(pos[1]) > 120 || !ud_utf8_valid(pos[1], strlen(pos[1])))
        return ud_cli_usage_error(c, "%s", T("要找的文字太长或不是 UTF-8", "the text to find is too long or not UTF-8"));
    char text[128]; /* as / takes it: full-width as ASCII, no spaces */
    ud_search_fold(pos[1], text, sizeof text);
    if (!*text)
        return ud_cli_usage_error(c, "%s", T("要找的文字不能为空", "the text to find is empty"));
    struct out o = {F_TEXT, NULL, 0, 0};
    enum ud_cli_list_format lf;
    if ((r = ud_cli_list_format(c, format, &lf)) != 0)
        return r;
    o.fmt = (enum fmt)lf;
    int64_t limit = 50;
    if (limtxt) {
        char *end;
        long long v = strtoll(limtxt, &end, 10);
        if (!*limtxt || *end || v <= 0 || v > FIND_MAX)
            return ud_cli_usage_error(c, T("--limit 需要 1 到 %d 之间的整数：%s", "--limit needs a whole number from 1 to %d: %s"),
                                      FIND_MAX, limtxt);
        limit = v;
    }
    const struct kind *k = NULL;
    for (int i = 0; i < NELEM(kinds); i++)
        if (strcmp(kind, kinds[i].name) == 0)
            k = &kinds[i];
    if (!k)
        return ud_cli_usage_error(c, T("未知的记录类型“%s”（members、cases 或 orgs）",
                                       "unknown kind '%s' (members, cases or orgs)"),
                                  kind);
    o.cols = k->cols;
    o.ncols = k->ncols;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_cli_open(cli, 0, &err) != UD_OK)
        return ud_cli_fail(&err);
    header(&o);
    int64_t count = -1;
    int st = find_rows(cli->db, k, text, limit, &o, &count, &err);
    if (o.fmt == F_JSON)
        printf("%s]\n", o.n ? "\n" : "");
    if (st != UD_OK)
        return ud_cli_fail(&err);
    if (o.fmt == F_TEXT) {
        if (count > UD_SEARCH_COUNT_CAP)
            printf(T("超过 %d 条，显示 %" PRId64 " 条\n", "more than %d, %" PRId64 " shown\n"), UD_SEARCH_COUNT_CAP, o.n);
        else if (count >= 0)
            printf(T("共 %" PRId64 " 条，显示 %" PRId64 " 条\n", "%" PRId64 " found, %" PRId64 " shown\n"), count, o.n);
        else
            printf(T("显示 %" PRId64 " 条\n", "%" PRId64 " shown\n"), o.n);
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        ud_err_set(&err, UD_ERR_IO, "%s", T("写入标准输出时出错", "error writing standard output"));
        return ud_cli_fail(&err);
    }
    return 0;
}
