#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "uniondesk/i18n.h"
#include "uniondesk/org.h"

static int ud_cmd_check(struct ud_cli *cli, int argc, char **argv);

const struct ud_cmd_entry cmd_check_entry = {
    .name = "check",
    .usage = "check",
    .summary_zh = "检查数据库完整性和外键",
    .summary_en = "check database integrity and foreign keys",
    .help_zh = "运行 integrity_check 和 foreign_key_check，并核对各组织的在职会员数；发现问题时退出码为 65。\n例：uniondesk check\n",
    .help_en = "Runs integrity_check and foreign_key_check and compares the organizations' member counts; exit code 65 when something is wrong.\nexample: uniondesk check\n",
    .run = ud_cmd_check,
};

static void print_problem(int which, const char *text, void *arg)
{
    (void)which;
    (void)arg;
    printf("  %s\n", text);
}

static void print_count_problem(const char *text, void *arg)
{
    print_problem(2, text, arg);
}

static int ud_cmd_check(struct ud_cli *cli, int argc, char **argv)
{
    const struct ud_cmd_entry *c = &cmd_check_entry;
    const char *pos[UD_MAX_POS];
    int npos;
    int r = ud_cli_parse(c, argc, argv, NULL, pos, 0, &npos);
    if (r)
        return r < 0 ? 0 : r;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_cli_open(cli, 0, &err) != UD_OK) {
        if (err.status != UD_ERR_IO)
            return ud_cli_fail(&err);
        /* a damaged database: say what is wrong with it, change nothing */
        int code = ud_exit_code(err.status);
        fprintf(stderr, "uniondesk: %s\n", err.msg);
        printf(T("检查 %s …\n", "checking %s …\n"), cli->db_path);
        struct ud_err e2;
        ud_err_clear(&e2);
        int n = ud_db_check_path(cli->db_path, print_problem, NULL, &e2);
        if (n < 0) /* the same cause (a full disk) is said once */
            return strcmp(e2.msg, err.msg) == 0 ? code : ud_cli_fail(&e2);
        if (n == 0) /* whole as SQLite sees it, but not ours to open */
            return code;
        fprintf(stderr, "%s", T("uniondesk：数据库已损坏，请用备份恢复（uniondesk backup 做的备份可直接替换数据库文件）\n",
                                "uniondesk: the database is damaged; restore a backup (a file made by uniondesk backup "
                                "can replace the database file as it is)\n"));
        return code;
    }
    printf(T("检查 %s …\n", "checking %s …\n"), cli->db_path);
    int p[2];
    if (ud_db_check(cli->db, print_problem, NULL, p, &err) < 0)
        return ud_cli_fail(&err);
    printf(T("完整性检查（integrity_check）：%s\n", "integrity_check: %s\n"), p[0] ? T("有问题", "PROBLEMS") : "ok");
    printf(T("外键检查（foreign_key_check）：%s\n", "foreign_key_check: %s\n"),
           p[1] ? T("有问题", "PROBLEMS") : "ok");
    int counts = ud_org_counts_check(cli->db, print_count_problem, NULL, &err);
    if (counts < 0)
        return ud_cli_fail(&err);
    printf(T("组织在职会员数（org_member_counts）：%s\n", "organization member counts (org_member_counts): %s\n"),
           counts ? T("有问题", "PROBLEMS") : "ok");
    if (p[0] || p[1] || counts) {
        fprintf(stderr, "%s", T("uniondesk：数据库检查发现问题，请用备份恢复或联系管理员\n",
                                "uniondesk: the database check found problems; restore a backup or call the administrator\n"));
        return 65;
    }
    return 0;
}
