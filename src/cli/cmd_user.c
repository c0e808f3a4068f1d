#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "uniondesk/enums.h"
#include "uniondesk/i18n.h"
#include "uniondesk/user.h"
#include "uniondesk/utf8.h"

static int ud_cmd_user(struct ud_cli *cli, int argc, char **argv);

const struct ud_cmd_entry cmd_user_entry = {
    .name = "user",
    .usage = "user add LOGIN --role R [--name NAME] | user set LOGIN [--role R] [--name NAME] [--disable|--enable] | user list",
    .summary_zh = "管理用户账户（管理员）",
    .summary_en = "manage user accounts (admins)",
    .help_zh = "角色：clerk（办事员）录入案件、会员、帮扶申请和培训报名；officer（主管）另可审批、发放帮扶、\n"
        "删除案件、导出完整身份证号；admin（管理员）另可维护组织树和用户。\n"
        "例：uniondesk user add wangfang --role clerk --name 王芳\n",
    .help_en = "Roles: clerk enters cases, members, aid applications and enrolments; officer also approves and\n"
        "pays aid, deletes cases and exports full ID numbers; admin also edits the organization tree and users.\n"
        "example: uniondesk user add wangfang --role clerk --name 王芳\n",
    .run = ud_cmd_user,
};

static int list(struct ud_cli *cli)
{
    struct ud_user rows[200];
    int n = 0;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_user_list(cli->db, rows, 200, &n, &err) != UD_OK)
        return ud_cli_fail(&err);
    char a[64], b[96], c[32];
    ud_str_cell(a, sizeof a, T("登录名", "login"), 16, UD_LEFT);
    ud_str_cell(b, sizeof b, T("姓名", "name"), 20, UD_LEFT);
    ud_str_cell(c, sizeof c, T("角色", "role"), 8, UD_LEFT);
    printf("%s %s %s %s\n", a, b, c, T("状态", "status"));
    for (int i = 0; i < n; i++) {
        ud_str_cell(a, sizeof a, rows[i].login, 16, UD_LEFT);
        ud_str_cell(b, sizeof b, rows[i].display_name, 20, UD_LEFT);
        ud_str_cell(c, sizeof c, ud_enum_label(&ud_enum_role, rows[i].role), 8, UD_LEFT);
        printf("%s %s %s %s\n", a, b, c, rows[i].active ? T("启用", "active") : T("停用", "disabled"));
    }
    return 0;
}

static int ud_cmd_user(struct ud_cli *cli, int argc, char **argv)
{
    const struct ud_cmd_entry *c = &cmd_user_entry;
    const char *role = NULL, *name = NULL;
    int disable = 0, enable = 0;
    const struct ud_opt opts[] = {{"--role", &role, NULL},
                                  {"--name", &name, NULL},
                                  {"--disable", NULL, &disable},
                                  {"--enable", NULL, &enable},
                                  {NULL, NULL, NULL}};
    const char *pos[UD_MAX_POS];
    int npos;
    int r = ud_cli_parse(c, argc, argv, opts, pos, UD_MAX_POS, &npos);
    if (r)
        return r < 0 ? 0 : r;
    if (npos < 1)
        return ud_cli_usage_error(c, "%s", T("需要 add、set 或 list", "expected add, set or list"));
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_cli_open(cli, 0, &err) != UD_OK)
        return ud_cli_fail(&err);
    if (strcmp(pos[0], "list") == 0)
        return npos == 1 ? list(cli) : ud_cli_usage_error(c, "%s", T("list 不带参数", "list takes no arguments"));
    if (strcmp(pos[0], "add") == 0 || strcmp(pos[0], "set") == 0) {
        if (npos != 2)
            return ud_cli_usage_error(c, "%s", T("需要登录名", "expected a login name"));
        struct ud_user u;
        if (strcmp(pos[0], "add") == 0) {
            if (!role)
                return ud_cli_usage_error(c, "%s", T("需要 --role clerk|officer|admin", "--role clerk|officer|admin is required"));
            ud_user_init(&u);
            if (ud_user_set_fields(cli->db, &u, pos[1], name, role, &err) != UD_OK ||
                ud_user_create(cli->db, &u, &err) != UD_OK)
                return ud_cli_fail(&err);
            printf(T("已添加用户 %s（%s）\n", "added user %s (%s)\n"), u.login, ud_enum_label(&ud_enum_role, u.role));
            return 0;
        }
        if (ud_user_get(cli->db, pos[1], &u, &err) != UD_OK ||
            ud_user_set_fields(cli->db, &u, NULL, name, role, &err) != UD_OK)
            return ud_cli_fail(&err);
        if (disable)
            u.active = 0;
        if (enable)
            u.active = 1;
        if (ud_user_update(cli->db, &u, &err) != UD_OK)
            return ud_cli_fail(&err);
        printf(T("已更新用户 %s（%s，%s）\n", "updated user %s (%s, %s)\n"), u.login,
               ud_enum_label(&ud_enum_role, u.role), u.active ? T("启用", "active") : T("停用", "disabled"));
        return 0;
    }
    return ud_cli_usage_error(c, T("未知操作“%s”", "unknown action '%s'"), pos[0]);
}
