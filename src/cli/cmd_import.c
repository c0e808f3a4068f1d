#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "uniondesk/i18n.h"
#include "uniondesk/import.h"

int ud_cmd_import(struct ud_cli *cli, int argc, char **argv);

int ud_cmd_import(struct ud_cli *cli, int argc, char **argv)
{
    const struct ud_cmd *c = ud_cmd_find("import");
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
