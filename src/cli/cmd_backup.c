#include <stdio.h>

#include "cli.h"
#include "uniondesk/i18n.h"

static int ud_cmd_backup(struct ud_cli *cli, int argc, char **argv);

const struct ud_cmd_entry cmd_backup_entry = {
    .name = "backup",
    .usage = "backup FILE",
    .summary_zh = "在线备份数据库到文件",
    .summary_en = "back up the database online to a file",
    .help_zh = "其他用户正在使用时也可以备份。备份含全部个人信息：文件权限 0600，先写临时文件，完整写完并同步到磁盘后\n"
        "才改名为 FILE；磁盘已满等失败时不留下任何文件（退出码 74）。不会覆盖已有文件，也不会写到数据库文件上（73）。\n"
        "例：uniondesk backup /srv/backup/uniondesk-20261126.db\n",
    .help_en = "Safe while others are working. A backup holds everyone's personal data: mode 0600, written under a temporary\n"
        "name and renamed to FILE only when complete and synced; a full disk or other failure leaves no file (exit 74).\n"
        "Never overwrites a file, never the database itself (73).\n"
        "example: uniondesk backup /srv/backup/uniondesk-20261126.db\n",
    .run = ud_cmd_backup,
};

static int ud_cmd_backup(struct ud_cli *cli, int argc, char **argv)
{
    const struct ud_cmd_entry *c = &cmd_backup_entry;
    const char *pos[UD_MAX_POS];
    int npos;
    int r = ud_cli_parse(c, argc, argv, NULL, pos, UD_MAX_POS, &npos);
    if (r)
        return r < 0 ? 0 : r;
    if (npos != 1)
        return ud_cli_usage_error(c, "%s", T("需要备份文件名", "expected the backup file name"));
    struct ud_err err;
    ud_err_clear(&err);
    /* a copy of everyone's personal data: admins only (DESIGN.md, Trust) */
    if (ud_cli_open(cli, 0, &err) != UD_OK || ud_require_role(cli->db, UD_ROLE_ADMIN, &err) != UD_OK)
        return ud_cli_fail(&err);
    if (ud_db_backup(cli->db, pos[0], &err) != UD_OK)
        return ud_cli_fail(&err);
    printf(T("已备份到 %s\n", "backed up to %s\n"), pos[0]);
    return 0;
}
