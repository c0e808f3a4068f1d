/* export aid: the hardship-aid roster as xlsx. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "uniondesk/enums.h"
#include "uniondesk/export.h"
#include "uniondesk/i18n.h"
#include "uniondesk/org.h"

int ud_cmd_export(struct ud_cli *cli, int argc, char **argv);

int ud_cmd_export(struct ud_cli *cli, int argc, char **argv)
{
    const struct ud_cmd *c = ud_cmd_find("export");
    const char *from = NULL, *to = NULL, *program = NULL, *status = NULL, *org = NULL, *out = NULL;
    int full_id = 0, force = 0;
    const struct ud_opt opts[] = {{"--from", &from, NULL},       {"--to", &to, NULL},
                                  {"--program", &program, NULL}, {"--status", &status, NULL},
                                  {"--org", &org, NULL},         {"--full-id", NULL, &full_id},
                                  {"-o", &out, NULL},            {"--output", &out, NULL},
                                  {"--force", NULL, &force},     {NULL, NULL, NULL}};
    const char *pos[UD_MAX_POS];
    int npos;
    int r = ud_cli_parse(c, argc, argv, opts, pos, UD_MAX_POS, &npos);
    if (r)
        return r < 0 ? 0 : r;
    if (npos != 1)
        return ud_cli_usage_error(c, "%s", T("需要导出类型：aid", "expected what to export: aid"));
    if (strcmp(pos[0], "aid") != 0)
        return ud_cli_usage_error(c, T("未知的导出类型“%s”：目前只有 aid", "unknown export '%s': there is only aid"), pos[0]);
    if (!out || !*out)
        return ud_cli_usage_error(c, "%s", T("需要用 -o 指定输出的 xlsx 文件", "needs an output file: -o FILE.xlsx"));

    struct ud_aid_roster_opts o;
    memset(&o, 0, sizeof o);
    char dfrom[UD_DATE_SZ], dto[UD_DATE_SZ];
    const char *bad;
    if (from) {
        if ((bad = ud_parse_date(from, dfrom)) != NULL)
            return ud_cli_usage_error(c, "--from %s: %s", from, bad);
        o.filter.date_from = dfrom;
    }
    if (to) {
        if ((bad = ud_parse_date(to, dto)) != NULL)
            return ud_cli_usage_error(c, "--to %s: %s", to, bad);
        o.filter.date_to = dto;
    }
    if (from && to && strcmp(dfrom, dto) > 0)
        return ud_cli_usage_error(c, T("--from %s 晚于 --to %s", "--from %s is after --to %s"), dfrom, dto);
    if (program) {
        const struct ud_enum_item *it = ud_enum_find(&ud_enum_aid_program, program);
        char choices[256];
        ud_enum_choices(&ud_enum_aid_program, choices, sizeof choices);
        if (!it)
            return ud_cli_usage_error(c, T("未知的帮扶项目“%s”（可选：%s）", "unknown program '%s' (one of %s)"), program,
                                      choices);
        o.filter.program = it->code;
    }
    if (status) {
        const struct ud_enum_item *it = ud_enum_find(&ud_enum_grant_status, status);
        char choices[256];
        ud_enum_choices(&ud_enum_grant_status, choices, sizeof choices);
        if (!it)
            return ud_cli_usage_error(c, T("未知的发放状态“%s”（可选：%s）", "unknown status '%s' (one of %s)"), status,
                                      choices);
        o.filter.status = it->code;
    }
    o.full_id = full_id;
    o.path = out;
    o.out_flags = force ? UD_OUT_FORCE : 0;

    struct ud_err err;
    ud_err_clear(&err);
    if (ud_cli_open(cli, 0, &err) != UD_OK)
        return ud_cli_fail(&err);
    struct ud_org og;
    if (org) {
        if (ud_org_get_by_code(cli->db, org, &og, &err) != UD_OK)
            return ud_cli_fail(&err);
        o.filter.org_subtree = og.id;
        o.scope_name = og.name;
    }
    struct ud_aid_roster_result res;
    if (ud_export_aid_roster(cli->db, &o, &res, &err) != UD_OK)
        return ud_cli_fail(&err);
    char yuan[40];
    ud_format_money(res.total_fen, yuan, sizeof yuan);
    if (res.rows == 0)
        fprintf(stderr, "%s", T("注意：没有符合条件的帮扶发放记录，花名册为空\n",
                                "note: no grant matches; the roster is empty\n"));
    printf(T("已导出 %" PRId64 " 笔帮扶发放记录，合计 %s 元：%s\n", "exported %" PRId64 " grants, %s yuan in all: %s\n"),
           res.rows, yuan, out);
    return 0;
}
