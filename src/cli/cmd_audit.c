/* audit: the audit log for admins, newest first, filtered; text aligned
 * by display width, CSV or JSON with stable keys. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "uniondesk/csvout.h"
#include "uniondesk/audit.h"
#include "uniondesk/i18n.h"
#include "uniondesk/utf8.h"

static int ud_cmd_audit(struct ud_cli *cli, int argc, char **argv);

const struct ud_cmd_entry cmd_audit_entry = {
    .name = "audit",
    .usage = "audit [--table T] [--row ID] [--user L] [--from D] [--to D] [--action A] [--limit N] [--format text|csv|json]",
    .summary_zh = "查看审计日志（管理员）",
    .summary_en = "read the audit log (admins)",
    .help_zh = "每次新增、修改、删除，以及查看完整身份证号（read）、打印报表和导出完整身份证号（print），都记入审计日志：\n"
        "时间、用户（--user 代为操作的账户）、系统账户（实际登录的操作系统用户）、表、行、内容。最新的在前。\n"
        "  --table T        只看表 T（orgs、members、cases、case_events、aid_recipients、aid_grants、courses、enrolments、users）\n"
        "  --row ID         只看该行（与 --table 一起用）：这一行的完整历史\n"
        "  --user L         用户或系统账户为 L 的记录\n"
        "  --from D / --to D  日期范围（含两端）\n"
        "  --action A       insert、update、delete、read、print\n"
        "  --limit N        最多 N 条\n"
        "  --format F       text（默认，按显示宽度对齐）、csv（含修改前后的 JSON）、json\n"
        "退出码：0 成功；64 用法错误；77 不是管理员。\n"
        "例：uniondesk audit --table cases --row 42\n",
    .help_en = "Every insert, update and delete, every whole ID number revealed (read), every report printed and every\n"
        "export with whole ID numbers (print) is in the audit log: time, user (the account acted as with --user),\n"
        "OS account (the operating-system user really logged in), table, row, what. Newest first.\n"
        "  --table T        table T only (orgs, members, cases, case_events, aid_recipients, aid_grants, courses, enrolments, users)\n"
        "  --row ID         that row only (with --table): its whole history\n"
        "  --user L         entries whose user or OS account is L\n"
        "  --from D / --to D  dates (both included)\n"
        "  --action A       insert, update, delete, read, print\n"
        "  --limit N        at most N entries\n"
        "  --format F       text (default, aligned by display width), csv (with the JSON before and after), json\n"
        "Exit codes: 0 ok; 64 usage; 77 not an admin.\n"
        "example: uniondesk audit --table cases --row 42\n",
    .run = ud_cmd_audit,
};

enum fmt { F_TEXT = UD_LIST_TEXT, F_CSV = UD_LIST_CSV, F_JSON = UD_LIST_JSON };

struct out {
    enum fmt fmt;
    int64_t n;
};

static void csv_field(const char *s)
{
    ud_csv_field(stdout, s);
}

static int row(const struct ud_audit *a, const char *before, const char *after, void *ctx)
{
    struct out *o = ctx;
    char at[40], login[64], os[64], act[16], tbl[40], rid[24];
    switch (o->fmt) {
    case F_TEXT: {
        ud_str_cell(at, sizeof at, a->at, 23, UD_LEFT);
        ud_str_cell(login, sizeof login, a->login, 12, UD_LEFT);
        ud_str_cell(os, sizeof os, a->os_login[0] ? a->os_login : "-", 12, UD_LEFT);
        ud_str_cell(act, sizeof act, a->action, 6, UD_LEFT);
        ud_str_cell(tbl, sizeof tbl, a->tbl, 14, UD_LEFT);
        snprintf(rid, sizeof rid, "%" PRId64, a->row_id);
        char r[24], id[24], what[UD_AUDIT_SUMMARY * 2];
        ud_str_cell(r, sizeof r, rid, 8, UD_RIGHT);
        snprintf(rid, sizeof rid, "%" PRId64, a->id);
        ud_str_cell(id, sizeof id, rid, 8, UD_RIGHT);
        ud_text_visible(what, sizeof what, a->summary);
        printf("%s %s %s %s %s %s %s %s\n", id, at, login, os, act, tbl, r, what);
        break;
    }
    case F_CSV:
        printf("%" PRId64 ",", a->id);
        csv_field(a->at);
        putchar(',');
        csv_field(a->login);
        putchar(',');
        csv_field(a->os_login);
        putchar(',');
        csv_field(a->action);
        putchar(',');
        csv_field(a->tbl);
        printf(",%" PRId64 ",", a->row_id);
        csv_field(before);
        putchar(',');
        csv_field(after);
        putchar('\n');
        break;
    case F_JSON:
        printf("%s\n  {\"id\": %" PRId64 ", \"at\": ", o->n ? "," : "", a->id);
        ud_json_str(stdout, a->at);
        printf(", \"login\": ");
        ud_json_str(stdout, a->login);
        printf(", \"os_login\": ");
        if (a->os_login[0])
            ud_json_str(stdout, a->os_login);
        else
            printf("null");
        printf(", \"action\": ");
        ud_json_str(stdout, a->action);
        printf(", \"table\": ");
        ud_json_str(stdout, a->tbl);
        /* before and after are JSON objects written by SQLite's json_object */
        printf(", \"row_id\": %" PRId64 ", \"before\": %s, \"after\": %s%s}", a->row_id, before ? before : "null",
               after ? after : "null", a->broken ? ", \"broken\": true" : "");
        break;
    }
    o->n++;
    return ferror(stdout) ? 1 : 0;
}

static int ud_cmd_audit(struct ud_cli *cli, int argc, char **argv)
{
    const struct ud_cmd_entry *c = &cmd_audit_entry;
    const char *table = NULL, *rowtxt = NULL, *user = NULL, *from = NULL, *to = NULL, *action = NULL;
    const char *limtxt = NULL, *format = NULL;
    const struct ud_opt opts[] = {{"--table", &table, NULL}, {"--row", &rowtxt, NULL},
                                  {"--user", &user, NULL},   {"--from", &from, NULL},
                                  {"--to", &to, NULL},       {"--action", &action, NULL},
                                  {"--limit", &limtxt, NULL}, {"--format", &format, NULL},
                                  {NULL, NULL, NULL}};
    const char *pos[UD_MAX_POS];
    int npos;
    int r = ud_cli_parse(c, argc, argv, opts, pos, 0, &npos);
    if (r)
        return r < 0 ? 0 : r;
    struct out o = {F_TEXT, 0};
    enum ud_cli_list_format lf;
    if ((r = ud_cli_list_format(c, format, &lf)) != 0)
        return r;
    o.fmt = (enum fmt)lf;
    struct ud_audit_filter f = {table, 0, user, from, to, action};
    char *end;
    if (rowtxt) {
        long long v = strtoll(rowtxt, &end, 10);
        if (!*rowtxt || *end || v <= 0)
            return ud_cli_usage_error(c, T("--row 需要一个正整数：%s", "--row needs a positive integer: %s"), rowtxt);
        f.row_id = v;
    }
    int64_t limit = 0;
    if (limtxt) {
        long long v = strtoll(limtxt, &end, 10);
        if (!*limtxt || *end || v <= 0)
            return ud_cli_usage_error(c, T("--limit 需要一个正整数：%s", "--limit needs a positive integer: %s"), limtxt);
        limit = v;
    }
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_audit_filter_check(&f, &err) != UD_OK) {
        char msg[512];
        ud_err_text(&err, msg, sizeof msg);
        return ud_cli_usage_error(c, "%s", msg);
    }
    if (ud_cli_open(cli, 0, &err) != UD_OK)
        return ud_cli_fail(&err);
    /* the log is for admins (ud_audit_each checks too): no header for others */
    if (ud_require_role(cli->db, UD_ROLE_ADMIN, &err) != UD_OK)
        return ud_cli_fail(&err);
    if (o.fmt == F_TEXT) {
        char id[24], at[40], login[64], os[64], act[32], tbl[40], rid[24];
        ud_str_cell(id, sizeof id, T("编号", "id"), 8, UD_RIGHT);
        ud_str_cell(at, sizeof at, T("时间", "time"), 23, UD_LEFT);
        ud_str_cell(login, sizeof login, T("用户", "user"), 12, UD_LEFT);
        ud_str_cell(os, sizeof os, T("系统账户", "OS account"), 12, UD_LEFT);
        ud_str_cell(act, sizeof act, T("操作", "action"), 6, UD_LEFT);
        ud_str_cell(tbl, sizeof tbl, T("表", "table"), 14, UD_LEFT);
        ud_str_cell(rid, sizeof rid, T("行", "row"), 8, UD_RIGHT);
        printf("%s %s %s %s %s %s %s %s\n", id, at, login, os, act, tbl, rid, T("内容", "what"));
    } else if (o.fmt == F_CSV) {
        printf("id,at,login,os_login,action,table,row_id,before_json,after_json\n");
    } else {
        printf("[");
    }
    int st = ud_audit_each(cli->db, &f, limit, row, &o, &err);
    if (o.fmt == F_JSON)
        printf("%s]\n", o.n ? "\n" : "");
    if (st != UD_OK)
        return ud_cli_fail(&err);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        ud_err_set(&err, UD_ERR_IO, "%s", T("写入标准输出时出错", "error writing standard output"));
        return ud_cli_fail(&err);
    }
    return 0;
}
