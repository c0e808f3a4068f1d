/* The table of subcommands: one row each, the code in cmd_<name>.c. */
#include "cli.h"

int ud_cmd_init(struct ud_cli *cli, int argc, char **argv);
int ud_cmd_migrate(struct ud_cli *cli, int argc, char **argv);
int ud_cmd_backup(struct ud_cli *cli, int argc, char **argv);
int ud_cmd_check(struct ud_cli *cli, int argc, char **argv);
int ud_cmd_user(struct ud_cli *cli, int argc, char **argv);

const struct ud_cmd ud_commands[] = {
    {"init", ud_cmd_init, "init [--demo] [--scale N] [--seed S] [--as-of DATE]",
     "创建或升级数据库；--demo 装入演示数据", "create or upgrade the database; --demo loads demo data",
     "第一次运行 init 的操作系统用户（或 --user 指定的用户）成为管理员。\n"
     "  --demo          装入一个仿北仑区总工会的演示区（只能装入空库）\n"
     "  --scale N       规模：1 约为 38 万会员、每年 4000 件立案；默认 0.05\n"
     "  --seed S        随机种子：同一种子、同一日期生成相同的数据；默认 1\n"
     "  --as-of DATE    演示数据截止日期（默认今天）\n"
     "例：uniondesk --db /tmp/demo.db init --demo --scale 0.01\n",
     "The OS user who first runs init (or --user) becomes the admin.\n"
     "  --demo          load a demo district shaped like Beilun's (empty database only)\n"
     "  --scale N       size: 1 is about 380,000 members and 4,000 filed cases a year; default 0.05\n"
     "  --seed S        random seed: the same seed and date give the same data; default 1\n"
     "  --as-of DATE    last day of the demo data (default today)\n"
     "example: uniondesk --db /tmp/demo.db init --demo --scale 0.01\n"},
    {"migrate", ud_cmd_migrate, "migrate status | up [--to N]",
     "查看或应用数据库迁移", "show or apply schema migrations",
     "  status     列出已应用和待应用的迁移（不修改数据库）\n"
     "  up         应用所有待应用的迁移（先在数据库旁自动备份）\n"
     "  --to N     只升级到版本 N\n"
     "例：uniondesk migrate status\n",
     "  status     list applied and pending migrations (changes nothing)\n"
     "  up         apply pending migrations (a backup is written next to the database first)\n"
     "  --to N     stop at version N\n"
     "example: uniondesk migrate status\n"},
    {"backup", ud_cmd_backup, "backup FILE",
     "在线备份数据库到文件", "back up the database online to a file",
     "其他用户正在使用时也可以备份；不会覆盖已有文件。\n例：uniondesk backup /srv/backup/uniondesk-20261126.db\n",
     "Safe while others are working; never overwrites a file.\nexample: uniondesk backup /srv/backup/uniondesk-20261126.db\n"},
    {"check", ud_cmd_check, "check",
     "检查数据库完整性和外键", "check database integrity and foreign keys",
     "运行 integrity_check 和 foreign_key_check；发现问题时退出码为 65。\n例：uniondesk check\n",
     "Runs integrity_check and foreign_key_check; exit code 65 when something is wrong.\nexample: uniondesk check\n"},
    {"user", ud_cmd_user, "user add LOGIN --role R [--name NAME] | user set LOGIN [--role R] [--name NAME] [--disable|--enable] | user list",
     "管理用户账户（管理员）", "manage user accounts (admins)",
     "角色：clerk（办事员）录入案件、会员、帮扶申请和培训报名；officer（主管）另可审批、发放帮扶、\n"
     "删除案件、导出完整身份证号；admin（管理员）另可维护组织树和用户。\n"
     "例：uniondesk user add wangfang --role clerk --name 王芳\n",
     "Roles: clerk enters cases, members, aid applications and enrolments; officer also approves and\n"
     "pays aid, deletes cases and exports full ID numbers; admin also edits the organization tree and users.\n"
     "example: uniondesk user add wangfang --role clerk --name 王芳\n"},
    {0, 0, 0, 0, 0, 0, 0},
};
