/* export aid: the hardship-aid roster as xlsx; export cases and export
 * members: the case and member lists as xlsx or CSV. */
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
static void help_lists(FILE *out);

#define LIST_COMMON_ZH                                                                                          \
    "  --format xlsx|csv  输出格式；不给时由 -o 的扩展名（.xlsx 或 .csv）决定。格式与扩展名矛盾（-o x.csv --format xlsx）\n" \
    "                   或扩展名无法识别又没有 --format 时拒绝（退出码 64），不写任何文件\n"                          \
    "  -o FILE          输出文件（必需；写在同一目录的临时文件中，写完并核对后才改名为 FILE，失败时不留下任何文件；\n"  \
    "                   权限 0600；不会写到数据库文件上）\n"                                                          \
    "  --force          FILE 已存在时替换它（默认拒绝，退出码 73）\n"                                                 \
    "xlsx：标题行（清单名称与筛选条件）、冻结表头、自动筛选、日期为真正的日期、金额为数字（0.00）、末尾合计行\n"          \
    "（条数，金额用 SUM 公式）、A4 横向打印并每页重复表头。CSV：UTF-8 带 BOM（Excel 直接识别中文）、CRLF 换行、\n"        \
    "RFC 4180 引号规则，只有表头和数据行。逐页读取、逐行写出：行数再多也不占用更多内存。\n"                              \
    "退出码：0 成功；64 用法错误；65 数据错误（如组织代码不存在）；73 无法创建输出文件；74 写入失败（不留下文件）；\n"    \
    "77 无权限（办事员使用 --full-id）。\n"
#define LIST_COMMON_EN                                                                                              \
    "  --format xlsx|csv  the format; without it, the extension of -o (.xlsx or .csv) decides. A format that\n"        \
    "                   contradicts the extension (-o x.csv --format xlsx), or an extension it cannot tell without\n"   \
    "                   --format, is refused (exit 64) and nothing is written\n"                                        \
    "  -o FILE          the output (required): written under a temporary name in the same directory and renamed\n"      \
    "                   only when complete, so a failure leaves no file; mode 0600; never the database\n"              \
    "  --force          replace FILE when it exists (refused otherwise, exit 73)\n"                                    \
    "xlsx: a title row naming the list and its filters, frozen header, autofilter, dates as dates, amounts as\n"        \
    "numbers (0.00), a total row at the end (the count, SUM formulas for amounts), A4 landscape with the header on\n"    \
    "every page. CSV: UTF-8 with a BOM (Excel reads the Chinese), CRLF, RFC 4180 quoting, the header and the rows\n"   \
    "only. Read a page at a time and written row by row: memory does not grow with the rows.\n"                         \
    "Exit codes: 0 ok; 64 usage; 65 bad data (such as an unknown organization); 73 cannot create the output; 74 write\n" \
    "error (no file is left); 77 not permitted (a clerk asking --full-id).\n"

static const struct ud_cmd_entry export_cases_entry = {
    .name = "export cases", /* not in the table: its help and messages */
    .usage = "export cases [--from DATE] [--to DATE] [--status S] [--level L] [--org CODE] [--overdue] [--type T]\n"
             "                    [--format xlsx|csv] [--full-id] -o FILE [--force]",
    .summary_zh = "导出调解案件清单（xlsx 或 CSV）",
    .summary_en = "export the list of mediation cases (xlsx or CSV)",
    .help_zh = "列：序号、案件编号、接待日期、受理日期、调解组织、级别、申请人、身份证号、联系电话、用人单位、争议类型、\n"
        "涉及人数、涉案金额(元)、协议金额(元)、调解员、状态、结案日期、是否超期、超期天数、结果；按接待日期排序。\n"
        "  --from DATE / --to DATE   接待日期（received_on，不是受理日期）范围，含两端\n"
        "  --status S       案件状态：received 登记、filed 受理、mediating 调解中、succeeded 调解成功、\n"
        "                   failed 调解不成、withdrawn 撤回、not_accepted 不予受理（代码或中文名均可）\n"
        "  --level L        调解级别：district 区、street 街道、community 社区\n"
        "  --org CODE       该调解组织及其下属组织的案件\n"
        "  --overdue        超期清单：受理后超过 15 天仍为受理或调解中的案件（截至今天；超期天数 = 今天 − 受理日期 − 15）\n"
        "  --type T         争议类型：wages 劳动报酬、termination 解除终止劳动合同、social_insurance 社会保险、\n"
        "                   work_injury 工伤、compensation 经济补偿、overtime 工作时间/加班、contract 劳动合同、other 其他\n"
        "  --full-id        申请人的完整身份证号（仅主管、管理员，记入审计日志；默认遮蔽为 330206********1234）\n"
        LIST_COMMON_ZH
        "例：uniondesk export cases --overdue --org BL-XQ -o 超期案件.xlsx\n"
        "    uniondesk export cases --from 2026-01-01 --to 2026-06-30 --type 劳动报酬 -o 上半年欠薪案件.csv\n",
    .help_en = "Columns: No., case no., received, filed, mediation body, level, applicant, ID number, phone, employer,\n"
        "dispute type, workers, claimed (yuan), agreed (yuan), mediator, status, closed, overdue, days overdue,\n"
        "outcome; in the order received.\n"
        "  --from DATE / --to DATE   dates received (received_on, not the filing date), both included\n"
        "  --status S       received, filed, mediating, succeeded, failed, withdrawn, not_accepted (code or label)\n"
        "  --level L        district, street, community\n"
        "  --org CODE       cases of that mediation body and those under it\n"
        "  --overdue        the overdue list: filed or mediating more than 15 days after filing, as of today\n"
        "                   (days overdue = today - filing date - 15)\n"
        "  --type T         wages, termination, social_insurance, work_injury, compensation, overtime, contract, other\n"
        "  --full-id        the applicants' whole ID numbers (officers and admins only, recorded in the audit log;\n"
        "                   masked 330206********1234 otherwise)\n"
        LIST_COMMON_EN
        "example: uniondesk export cases --overdue --org BL-XQ -o overdue.xlsx\n",
    .run = ud_cmd_export,
};

static const struct ud_cmd_entry export_members_entry = {
    .name = "export members",
    .usage = "export members [--org CODE] [--status S] [--format xlsx|csv] [--full-id] -o FILE [--force]",
    .summary_zh = "导出会员名册（xlsx 或 CSV）",
    .summary_en = "export the member list (xlsx or CSV)",
    .help_zh = "列：序号、姓名、性别、身份证号、所属工会、民族、文化程度、联系电话、入会日期、会员状态、外来务工、职务、\n"
        "会员卡号；按姓名排序。\n"
        "  --org CODE       该组织及其下属组织的会员\n"
        "  --status S       会员状态：active 在册、transferred_out 转出、withdrawn 退会、deceased 去世（代码或中文名均可）\n"
        "  --full-id        完整身份证号（仅主管、管理员，记入审计日志；默认遮蔽为 330206********1234）\n"
        LIST_COMMON_ZH
        "例：uniondesk export members --org BL-XQ --status 在册 -o 新碶会员.xlsx\n",
    .help_en = "Columns: No., name, sex, ID number, union, ethnicity, education, phone, joined, status, migrant, job title,\n"
        "card no.; in the order of names.\n"
        "  --org CODE       members of that organization and those under it\n"
        "  --status S       active, transferred_out, withdrawn, deceased (code or label)\n"
        "  --full-id        whole ID numbers (officers and admins only, recorded in the audit log; masked\n"
        "                   330206********1234 otherwise)\n"
        LIST_COMMON_EN
        "example: uniondesk export members --org BL-XQ --status active -o members.xlsx\n",
    .run = ud_cmd_export,
};

static void help_lists(FILE *out)
{
    const struct ud_cmd_entry *e[] = {&export_cases_entry, &export_members_entry};
    for (int i = 0; i < 2; i++)
        fprintf(out, "\n%s%s\n%s", T("用法：uniondesk [全局选项] ", "usage: uniondesk [global options] "), e[i]->usage,
                T(e[i]->help_zh, e[i]->help_en));
}

const struct ud_cmd_entry cmd_export_entry = {
    .name = "export",
    .usage = "export aid [--from DATE] [--to DATE] [--program P] [--status S] [--org CODE] [--full-id] -o FILE.xlsx [--force]\n"
             "       export cases [--from D] [--to D] [--status S] [--level L] [--org CODE] [--overdue] [--type T]\n"
             "                    [--format xlsx|csv] [--full-id] -o FILE [--force]\n"
             "       export members [--org CODE] [--status S] [--format xlsx|csv] [--full-id] -o FILE [--force]",
    .summary_zh = "导出帮扶发放花名册（xlsx）、调解案件清单和会员名册（xlsx 或 CSV）",
    .summary_en = "export the hardship-aid roster (xlsx), the case list and the member list (xlsx or CSV)",
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
    .help_more = help_lists,
    .run = ud_cmd_export,
};

static int export_aid(struct ud_cli *cli, int argc, char **argv)
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
        return ud_cli_usage_error(c, "%s", T("需要导出类型：aid、cases 或 members", "expected what to export: aid, cases or members"));
    if (strcmp(pos[0], "aid") != 0)
        return ud_cli_usage_error(c, T("未知的导出类型“%s”：可选 aid、cases、members", "unknown export '%s': aid, cases or members"),
                                  pos[0]);
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

/* An enumeration option: the code, from a code or a label; NULL when not
 * given; *bad set (usage error printed) when it is none of them. */
static const char *enum_opt(const struct ud_cmd_entry *c, const char *opt, const char *in, const struct ud_enum *e,
                            const char *what_zh, const char *what_en, int *bad)
{
    if (!in)
        return NULL;
    const struct ud_enum_item *it = ud_enum_find(e, in);
    if (it)
        return it->code;
    char choices[400];
    ud_enum_choices(e, choices, sizeof choices);
    *bad = ud_cli_usage_error(c, T("%s：未知的%s“%s”（可选：%s）", "%s: unknown %s '%s' (one of %s)"), opt,
                              T(what_zh, what_en), in, choices);
    return NULL;
}

static int export_list(struct ud_cli *cli, const struct ud_cmd_entry *c, int cases, int argc, char **argv)
{
    const char *from = NULL, *to = NULL, *status = NULL, *level = NULL, *org = NULL, *type = NULL, *format = NULL,
               *out = NULL;
    int overdue = 0, full_id = 0, force = 0;
    const struct ud_opt case_opts[] = {
        {"--from", &from, NULL},     {"--to", &to, NULL},         {"--status", &status, NULL},
        {"--level", &level, NULL},   {"--org", &org, NULL},       {"--overdue", NULL, &overdue},
        {"--type", &type, NULL},     {"--format", &format, NULL}, {"--full-id", NULL, &full_id},
        {"-o", &out, NULL},          {"--output", &out, NULL},    {"--force", NULL, &force},
        {NULL, NULL, NULL}};
    const struct ud_opt member_opts[] = {
        {"--status", &status, NULL}, {"--org", &org, NULL},    {"--format", &format, NULL},
        {"--full-id", NULL, &full_id}, {"-o", &out, NULL},     {"--output", &out, NULL},
        {"--force", NULL, &force},   {NULL, NULL, NULL}};
    const char *pos[UD_MAX_POS];
    int npos;
    int r = ud_cli_parse(c, argc, argv, cases ? case_opts : member_opts, pos, UD_MAX_POS, &npos);
    if (r)
        return r < 0 ? 0 : r;
    if (npos != 1)
        return ud_cli_usage_error(c, T("多余的参数 %s", "unexpected argument %s"), pos[1]);
    if (!out || !*out)
        return ud_cli_usage_error(c, "%s", T("需要用 -o 指定输出文件（.xlsx 或 .csv）", "needs an output file: -o FILE (.xlsx or .csv)"));
    if (strcmp(out, "-") == 0) /* a list of personal data goes to a file of mode 0600, not to a pipe */
        return ud_cli_usage_error(c, "%s", T("-o 需要文件名（清单不写到标准输出）", "-o needs a file name (a list is not written to standard output)"));

    struct ud_err err;
    ud_err_clear(&err);
    struct ud_list_export o;
    memset(&o, 0, sizeof o);
    if (ud_export_format_choose(format, out, &o.format, &err) != UD_OK)
        return ud_cli_usage_error(c, "%s", err.msg);
    o.full_id = full_id;
    o.path = out;
    o.out_flags = force ? UD_OUT_FORCE : 0;

    int bad = 0;
    struct ud_case_filter cf;
    struct ud_member_filter mf;
    memset(&cf, 0, sizeof cf);
    memset(&mf, 0, sizeof mf);
    char dfrom[UD_DATE_SZ], dto[UD_DATE_SZ];
    const char *why;
    if (from) {
        if ((why = ud_parse_date(from, dfrom)) != NULL)
            return ud_cli_usage_error(c, "--from %s: %s", from, why);
        cf.received_from = dfrom;
    }
    if (to) {
        if ((why = ud_parse_date(to, dto)) != NULL)
            return ud_cli_usage_error(c, "--to %s: %s", to, why);
        cf.received_to = dto;
    }
    if (from && to && strcmp(dfrom, dto) > 0)
        return ud_cli_usage_error(c, T("--from %s 晚于 --to %s", "--from %s is after --to %s"), dfrom, dto);
    if (cases) {
        cf.status = enum_opt(c, "--status", status, &ud_enum_case_status, "案件状态", "case status", &bad);
        if (!bad)
            cf.level = enum_opt(c, "--level", level, &ud_enum_level, "调解级别", "level", &bad);
        if (!bad)
            cf.dispute_type = enum_opt(c, "--type", type, &ud_enum_dispute_type, "争议类型", "dispute type", &bad);
        cf.overdue_only = overdue;
    } else {
        mf.status = enum_opt(c, "--status", status, &ud_enum_member_status, "会员状态", "member status", &bad);
    }
    if (bad)
        return bad;

    if (ud_cli_open(cli, 0, &err) != UD_OK)
        return ud_cli_fail(&err);
    struct ud_org og;
    if (org) {
        if (ud_org_get_by_code(cli->db, org, &og, &err) != UD_OK)
            return ud_cli_fail(&err);
        cf.org_subtree = mf.org_subtree = og.id;
        o.scope_name = og.name;
    }
    struct ud_list_export_result res;
    int st = cases ? ud_export_cases(cli->db, &cf, &o, &res, &err) : ud_export_members(cli->db, &mf, &o, &res, &err);
    if (st != UD_OK)
        return ud_cli_fail(&err);
    if (res.rows == 0)
        fprintf(stderr, "%s", T("注意：没有符合条件的记录，清单为空\n", "note: nothing matches; the list is empty\n"));
    if (cases) {
        char claim[40], agreed[40];
        ud_format_money(res.claim_fen, claim, sizeof claim);
        ud_format_money(res.agreed_fen, agreed, sizeof agreed);
        printf(T("已导出 %" PRId64 " 件案件（涉案金额 %s 元，协议金额 %s 元）：%s\n",
                 "exported %" PRId64 " cases (claimed %s yuan, agreed %s yuan): %s\n"),
               res.rows, claim, agreed, out);
    } else {
        printf(T("已导出 %" PRId64 " 名会员：%s\n", "exported %" PRId64 " members: %s\n"), res.rows, out);
    }
    return 0;
}

static int ud_cmd_export(struct ud_cli *cli, int argc, char **argv)
{
    if (argc > 0 && strcmp(argv[0], "cases") == 0)
        return export_list(cli, &export_cases_entry, 1, argc, argv);
    if (argc > 0 && strcmp(argv[0], "members") == 0)
        return export_list(cli, &export_members_entry, 0, argc, argv);
    return export_aid(cli, argc, argv);
}
