#include <stdio.h>

#include "cli.h"
#include "uniondesk/i18n.h"

int ud_cmd_backup(struct ud_cli *cli, int argc, char **argv);

int ud_cmd_backup(struct ud_cli *cli, int argc, char **argv)
{
    const struct ud_cmd *c = ud_cmd_find("backup");
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
