/* export aid: the hardship-aid roster as xlsx. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "uniondesk/enums.h"
#include "uniondesk/export.h"
#include "uniondesk/i18n.h"
#include "uniondesk/report.h"
#include "uniondesk/org.h"

static int ud_cmd_export(struct ud_cli *cli, int argc, char **argv);

const struct ud_cmd_entry cmd_export_entry = {
    .name = "export",
    .usage = "export aid [--from DATE] [--to DATE] [--program P] [--status S] [--org CODE] [--full-id] -o FILE.xlsx [--force]",
    .summary_zh = "导出帮扶发放花名册（xlsx）",
    .summary_en = "export the hardship-aid roster (xlsx)",
    .help_zh = "花名册：标题、序号、姓名、性别、身份证号、所属工会、困难类别、帮扶项目、金额(元)、发放日期、领取人签字，\n"
        "合计行；冻结表头、自动筛选、A4 横向打印并每页重复表头。按发放日期排序，逐行写出，行数再多也不占用更多内存。\n"
        "  --from DATE / --to DATE   发放日期范围（含两端）\n"
        "  --program P      帮扶项目：send_warmth 送温暖、education 金秋助学、medical_mutual 医疗互助、\n"
        "                   emergency 临时救助、holiday 节日慰问、other 其他\n"
        "  --status S       发放状态：proposed 拟发放、approved 已审批、paid 已发放、cancelled 已取消\n"
        "                   （默认：除已取消以外的全部）\n"
        "  --org CODE       只导出该组织及其下属组织的会员\n"
        "  --full-id        导出完整身份证号（仅主管、管理员；默认遮蔽为 330206********1234）\n"
        "  -o FILE.xlsx     输出文件（必需；临时文件写在同一目录，写完并读回核对行数后才改名为 FILE.xlsx，\n"
        "                   失败时不留下任何文件；文件权限 0600）\n"
        "  --force          FILE.xlsx 已存在时替换它（默认拒绝）\n"
        "退出码：0 成功；64 用法错误；65 数据错误；73 无法创建输出文件（已存在、是数据库文件、目录不可写）；\n"
        "74 写入失败（如磁盘已满，不留下文件）；77 无权限（办事员使用 --full-id）。\n"
        "例：uniondesk export aid --program send_warmth --from 2026-01-01 --to 2026-02-10 --status approved -o 送温暖.xlsx\n",
    .help_en = "The roster: a title, No., name, sex, ID number, union, hardship, program, amount (yuan), date granted and a\n"
        "blank column for the signature; a total row; frozen header, autofilter, A4 landscape with the header on every\n"
        "page. In date order, written row by row: memory does not grow with the number of grants.\n"
        "  --from DATE / --to DATE   grant dates (both included)\n"
        "  --program P      send_warmth, education, medical_mutual, emergency, holiday, other\n"
        "  --status S       proposed, approved, paid, cancelled (default: all but cancelled)\n"
        "  --org CODE       members of that organization and those under it only\n"
        "  --full-id        whole ID numbers (officers and admins only; masked 330206********1234 otherwise)\n"
        "  -o FILE.xlsx     the output (required): written under a temporary name in the same directory, read back\n"
        "                   and renamed only when every row is there, so a failure leaves no file; mode 0600\n"
        "  --force          replace FILE.xlsx when it exists (refused otherwise)\n"
        "Exit codes: 0 ok; 64 usage; 65 bad data; 73 cannot create the output (exists, is the database, directory not\n"
        "writable); 74 write error (e.g. a full disk; no file is left); 77 not permitted (a clerk asking --full-id).\n"
        "example: uniondesk export aid --program send_warmth --from 2026-01-01 --to 2026-02-10 --status approved -o warmth.xlsx\n",
    .run = ud_cmd_export,
};

static int ud_cmd_export(struct ud_cli *cli, int argc, char **argv)
{
    const struct ud_cmd_entry *c = &cmd_export_entry;
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
    int named = ud_report_format_of_name(out);
    if (named >= 0 && named != UD_REPORT_XLSX)
        return ud_cli_usage_error(c, T("花名册是 xlsx 文件：输出文件 %s 的扩展名与之不符", "the roster is an xlsx file: %s does not match"),
                                  out);

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
