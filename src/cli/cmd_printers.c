#include <stdio.h>

#include "cli.h"
#include "uniondesk/i18n.h"
#include "uniondesk/print.h"
#include "uniondesk/utf8.h"

static int ud_cmd_printers(struct ud_cli *cli, int argc, char **argv);

const struct ud_cmd_entry cmd_printers_entry = {
    .name = "printers",
    .usage = "printers",
    .summary_zh = "列出可用的打印机（默认的标 *）",
    .summary_en = "list the printers (the default marked *)",
    .help_zh = "列出 CUPS 中的打印机（lpstat -e），默认打印机前标 *。--print --printer NAME 送往其中一台，\n"
        "不写 --printer 时送往默认打印机。\n"
        "没有打印机时请管理员在 CUPS 中添加（lpadmin 或 http://localhost:631）。\n"
        "退出码：0 成功（没有打印机也是 0）；74 无法询问 CUPS（未安装 cups-client、CUPS 未运行）。\n",
    .help_en = "Lists the CUPS destinations (lpstat -e), the default marked *. --print --printer NAME prints on one of them;\n"
        "without --printer, on the default.\n"
        "With none, an admin adds one in CUPS (lpadmin or http://localhost:631).\n"
        "Exit codes: 0 ok (also when there are none); 74 CUPS cannot be asked (no cups-client, CUPS not running).\n",
    .run = ud_cmd_printers,
};

static int ud_cmd_printers(struct ud_cli *cli, int argc, char **argv)
{
    (void)cli;
    const struct ud_cmd_entry *c = &cmd_printers_entry;
    const char *pos[UD_MAX_POS];
    int npos;
    int r = ud_cli_parse(c, argc, argv, NULL, pos, UD_MAX_POS, &npos);
    if (r)
        return r < 0 ? 0 : r;
    if (npos != 0)
        return ud_cli_usage_error(c, "%s", T("printers 不需要参数", "printers takes no arguments"));
    struct ud_printer p[64];
    int n = 0;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_printers(p, 64, &n, &err) != UD_OK)
        return ud_cli_fail(&err);
    if (n == 0) {
        fprintf(stderr, "%s\n",
                T("没有打印机：请管理员在 CUPS 中添加（lpadmin），或用 -o 文件名 保存后再打印",
                  "no printers: an admin adds one in CUPS (lpadmin), or save with -o FILE and print that"));
        return 0;
    }
    for (int i = 0; i < n; i++) {
        char shown[512];
        ud_text_visible(shown, sizeof shown, p[i].name);
        printf("%s %s%s\n", p[i].is_default ? "*" : " ", shown, p[i].is_default ? T("（默认）", " (default)") : "");
    }
    return 0;
}
