#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "uniondesk/i18n.h"
#include "uniondesk/import.h"

static int ud_cmd_import(struct ud_cli *cli, int argc, char **argv);
static void import_help_columns(FILE *out);

const struct ud_cmd_entry cmd_import_entry = {
    .name = "import",
    .usage = "import orgs|members|cases|aid|courses|enrolments FILE.csv [--dry-run] [--skip-bad] [--allow-double] [--encoding auto|utf-8|gbk]",
    .summary_zh = "从 CSV 文件导入组织、会员、案件、帮扶、培训班或报名",
    .summary_en = "import organizations, members, cases, aid, courses or enrolments from CSV",
    .help_zh = "第一行为列名：英文列名或中文列名均可（如 姓名、身份证号、所属工会），顺序不限；未知的列报错。\n"
        "编码：UTF-8（带或不带BOM）或 GBK（中文 Excel 另存的 CSV），自动识别。\n"
        "整个文件在一个事务中导入：只要有一行有错，就列出所有错误行（行号、列、原因），不写入任何数据。\n"
        "  --dry-run        只校验，不写入\n"
        "  --skip-bad       跳过有错误的行，导入其余各行\n"
        "  --allow-double   允许同一会员同一年度重复领取同一帮扶项目（仅主管、管理员）\n"
        "  --encoding E     指定编码 auto|utf-8|gbk（默认 auto）\n"
        "各类型的列（*为必填）：\n",
    .help_en = "The first row names the columns, in English or Chinese (姓名, 身份证号, 所属工会…), in any order; unknown columns are an error.\n"
        "Encoding: UTF-8 (with or without BOM) or GBK (CSV saved by Chinese Excel), detected automatically.\n"
        "The file is imported in one transaction: if any row is bad, every bad row is listed (row, column, reason) and nothing is written.\n"
        "  --dry-run        validate only, write nothing\n"
        "  --skip-bad       skip bad rows, import the rest\n"
        "  --allow-double   allow a second grant of a program to a member in one year (officers, admins)\n"
        "  --encoding E     auto|utf-8|gbk (default auto)\n"
        "Columns per kind (* required):\n",
    .help_more = import_help_columns,
    .run = ud_cmd_import,
};

static int ud_cmd_import(struct ud_cli *cli, int argc, char **argv)
{
    const struct ud_cmd_entry *c = &cmd_import_entry;
    const char *enc_s = NULL;
    int dry = 0, skip = 0, dbl = 0;
    const struct ud_opt opts[] = {{"--dry-run", NULL, &dry},
                                  {"--skip-bad", NULL, &skip},
                                  {"--allow-double", NULL, &dbl},
                                  {"--encoding", &enc_s, NULL},
                                  {NULL, NULL, NULL}};
    const char *pos[UD_MAX_POS];
    int npos;
    int r = ud_cli_parse(c, argc, argv, opts, pos, UD_MAX_POS, &npos);
    if (r)
        return r < 0 ? 0 : r;
    if (npos != 2)
        return ud_cli_usage_error(c, "%s", T("需要导入类型和 CSV 文件", "expected a kind and a CSV file"));
    if (!ud_import_kind_find(pos[0]))
        return ud_cli_usage_error(c, T("未知的导入类型“%s”", "unknown import kind '%s'"), pos[0]);
    int enc = ud_csv_encoding_parse(enc_s);
    if (enc < 0)
        return ud_cli_usage_error(c, "%s", T("--encoding 应为 auto、utf-8 或 gbk", "--encoding must be auto, utf-8 or gbk"));
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_cli_open(cli, 0, &err) != UD_OK)
        return ud_cli_fail(&err);
    struct ud_import_opts o = {pos[0], pos[1], (enum ud_csv_encoding)enc, dry, skip, dbl, stderr};
    struct ud_import_result res;
    int st = ud_import_run(cli->db, &o, &res, &err);
    const char *enc_name = res.encoding == UD_ENC_GBK ? "GBK" : "UTF-8";
    if (st != UD_OK) {
        /* a database that cannot be written is one message, not a count of rows */
        if (res.rows && !ud_status_is_io(st))
            fprintf(stderr, T("共 %ld 行数据，%ld 行有错误（其中重复 %ld 行）；文件编码 %s\n",
                              "%ld data rows, %ld bad (%ld duplicates); encoding %s\n"),
                    res.rows, res.bad, res.duplicates, enc_name);
        return ud_cli_fail(&err);
    }
    if (dry)
        printf(T("试导入（未写入）：%s 共 %ld 行数据，%ld 行可以导入，%ld 行有错误；文件编码 %s\n",
                 "dry run (nothing written): %s has %ld data rows, %ld can be imported, %ld bad; encoding %s\n"),
               pos[1], res.rows, res.imported, res.bad, enc_name);
    else
        printf(T("已导入 %s：%ld 行数据，导入 %ld 行，跳过 %ld 行有错误的行（其中重复 %ld 行）；文件编码 %s\n",
                 "imported %s: %ld data rows, %ld imported, %ld bad rows skipped (%ld duplicates); encoding %s\n"),
               pos[1], res.rows, res.imported, res.bad, res.duplicates, enc_name);
    return 0;
}

/* The columns of each kind, from the field tables the import itself uses. */
static void import_help_columns(FILE *out)
{
    for (int i = 0; ud_import_kinds[i]; i++) {
        char cols[2048];
        ud_import_columns(ud_import_kinds[i], cols, sizeof cols);
        fprintf(out, "  %-11s %s\n", ud_import_kinds[i]->name, cols);
    }
    fprintf(out, "%s", T("退出码：0 成功；65 有错误行（未写入）；66 文件不存在；77 角色无权限（如办事员导入已发放的帮扶）。\n"
                         "例：uniondesk import members 会员名册.csv --dry-run\n",
                         "Exit codes: 0 ok; 65 bad rows (nothing written); 66 no such file; 77 not permitted for your role (e.g. a clerk importing paid aid).\n"
                         "example: uniondesk import members members.csv --dry-run\n"));
}
