#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "uniondesk/i18n.h"
#include "uniondesk/migrate.h"
#include "uniondesk/privilege.h"
#include "uniondesk/utf8.h"

static int ud_cmd_migrate(struct ud_cli *cli, int argc, char **argv);

const struct ud_cmd_entry cmd_migrate_entry = {
    .name = "migrate",
    .usage = "migrate status | up [--to N]",
    .summary_zh = "查看或应用数据库迁移",
    .summary_en = "show or apply schema migrations",
    .help_zh = "  status     列出已应用和待应用的迁移（不修改数据库）\n"
        "  up         应用所有待应用的迁移（先在数据库旁自动备份）\n"
        "  --to N     只升级到版本 N\n"
        "例：uniondesk migrate status\n",
    .help_en = "  status     list applied and pending migrations (changes nothing)\n"
        "  up         apply pending migrations (a backup is written next to the database first)\n"
        "  --to N     stop at version N\n"
        "example: uniondesk migrate status\n",
    .run = ud_cmd_migrate,
};

static const char *state_label(enum ud_mig_state s)
{
    switch (s) {
    case UD_MIG_APPLIED: return T("已应用", "applied");
    case UD_MIG_PENDING: return T("待应用", "pending");
    case UD_MIG_ALTERED: return T("与内置不同！", "ALTERED");
    case UD_MIG_UNKNOWN: return T("未知（来自更新版本）", "unknown (newer)");
    }
    return "?";
}

static int status(struct ud_cli *cli)
{
    struct ud_err err;
    ud_err_clear(&err);
    /* read the state without migrating anything */
    if (ud_db_open(&cli->db, cli->db_path, UD_OPEN_NO_MIGRATE | UD_OPEN_READONLY, &err) != UD_OK) {
        if (err.status != UD_ERR_SCHEMA)
            return ud_cli_fail(&err);
        /* a refused database: still show what it holds, read-only */
        struct ud_mig_status st[256];
        int n = 0;
        struct ud_err e2;
        ud_err_clear(&e2);
        if (ud_migrate_status_file(cli->db_path, st, 256, &n, &e2) == UD_OK)
            for (int i = 0; i < n; i++)
                printf("%04d  %-32s %-12s %s\n", st[i].version, st[i].name, state_label(st[i].state),
                       st[i].applied_at);
        return ud_cli_fail(&err);
    }
    struct ud_mig_status st[256];
    int n = 0, pending = 0;
    if (ud_db_migrate_status(cli->db, st, 256, &n, &err) != UD_OK)
        return ud_cli_fail(&err);
    printf(T("数据库：%s\n数据库版本：%d；程序内置最新版本：%d\n", "database: %s\ndatabase version: %d; latest built-in: %d\n"),
           cli->db_path, ud_db_schema_version(cli->db, &err), ud_migrate_latest());
    /* columns by display width: the labels are Chinese */
    char c1[32], c2[160], c3[64], c4[64];
    ud_str_cell(c1, sizeof c1, T("版本", "ver"), 6, UD_LEFT);
    ud_str_cell(c2, sizeof c2, T("迁移", "migration"), 34, UD_LEFT);
    ud_str_cell(c3, sizeof c3, T("状态", "state"), 22, UD_LEFT);
    ud_str_cell(c4, sizeof c4, T("应用时间", "applied at"), 21, UD_LEFT);
    printf("%s%s%s%s%s\n", c1, c2, c3, c4, T("校验和", "checksum"));
    for (int i = 0; i < n; i++) {
        char ver[16];
        snprintf(ver, sizeof ver, "%04d", st[i].version);
        ud_str_cell(c1, sizeof c1, ver, 6, UD_LEFT);
        ud_str_cell(c2, sizeof c2, st[i].name, 34, UD_LEFT);
        ud_str_cell(c3, sizeof c3, state_label(st[i].state), 22, UD_LEFT);
        ud_str_cell(c4, sizeof c4, st[i].applied_at[0] ? st[i].applied_at : "-", 21, UD_LEFT);
        printf("%s%s%s%s%s\n", c1, c2, c3, c4, st[i].checksum);
        pending += st[i].state == UD_MIG_PENDING;
    }
    if (pending)
        printf(T("有 %d 个迁移待应用：运行 uniondesk migrate up（会先自动备份）\n",
                 "%d migration(s) pending: run uniondesk migrate up (a backup is made first)\n"),
               pending);
    return 0;
}

static int up(struct ud_cli *cli, const char *to)
{
    struct ud_err err;
    ud_err_clear(&err);
    int target = 0;
    if (to) {
        target = atoi(to);
        if (target < 1 || target > ud_migrate_latest()) {
            fprintf(stderr, T("uniondesk migrate：--to 应在 1 到 %d 之间\n", "uniondesk migrate: --to must be 1..%d\n"),
                    ud_migrate_latest());
            return 64;
        }
        /* partial upgrade: open without migrating, then go to the target */
        if (ud_db_open(&cli->db, cli->db_path, UD_OPEN_CREATE | UD_OPEN_NO_MIGRATE, &err) != UD_OK)
            return ud_cli_fail(&err);
        /* an office database (run setgid): admins only */
        if (ud_priv_setgid() && (ud_db_act_as(cli->db, cli->user, &err) != UD_OK ||
                                 ud_require_role(cli->db, UD_ROLE_ADMIN, &err) != UD_OK))
            return ud_cli_fail(&err);
        int cur = ud_db_schema_version(cli->db, &err);
        if (cur > target) {
            fprintf(stderr, T("uniondesk migrate：数据库已是版本 %d，不能降级\n",
                              "uniondesk migrate: the database is already at version %d; no downgrades\n"),
                    cur);
            return 65;
        }
        if (ud_db_migrate(cli->db, target, &err) != UD_OK)
            return ud_cli_fail(&err);
    } else if (ud_priv_setgid() ? ud_cli_open_admin(cli, &err) != UD_OK
                                : ud_db_open(&cli->db, cli->db_path, UD_OPEN_CREATE, &err) != UD_OK) {
        return ud_cli_fail(&err);
    }
    printf(T("数据库 %s 现为版本 %d\n", "database %s is now at version %d\n"), cli->db_path,
           ud_db_schema_version(cli->db, &err));
    return 0;
}

static int ud_cmd_migrate(struct ud_cli *cli, int argc, char **argv)
{
    const struct ud_cmd_entry *c = &cmd_migrate_entry;
    const char *to = NULL;
    const struct ud_opt opts[] = {{"--to", &to, NULL}, {NULL, NULL, NULL}};
    const char *pos[UD_MAX_POS];
    int npos;
    int r = ud_cli_parse(c, argc, argv, opts, pos, UD_MAX_POS, &npos);
    if (r)
        return r < 0 ? 0 : r;
    if (npos != 1)
        return ud_cli_usage_error(c, "%s", T("需要 status 或 up", "expected status or up"));
    if (strcmp(pos[0], "status") == 0)
        return status(cli);
    if (strcmp(pos[0], "up") == 0)
        return up(cli, to);
    return ud_cli_usage_error(c, T("未知操作“%s”", "unknown action '%s'"), pos[0]);
}
