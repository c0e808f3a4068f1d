/* The table of subcommands: one row each, the code in cmd_<name>.c. */
#include "cli.h"

int ud_cmd_init(struct ud_cli *cli, int argc, char **argv);
int ud_cmd_migrate(struct ud_cli *cli, int argc, char **argv);
int ud_cmd_backup(struct ud_cli *cli, int argc, char **argv);
int ud_cmd_check(struct ud_cli *cli, int argc, char **argv);
int ud_cmd_user(struct ud_cli *cli, int argc, char **argv);
int ud_cmd_import(struct ud_cli *cli, int argc, char **argv);

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
    {"import", ud_cmd_import,
     "import orgs|members|cases|aid|courses|enrolments FILE.csv [--dry-run] [--skip-bad] [--allow-double] [--encoding auto|utf-8|gbk]",
     "从 CSV 文件导入组织、会员、案件、帮扶、培训班或报名", "import organizations, members, cases, aid, courses or enrolments from CSV",
     "第一行为列名：英文列名或中文列名均可（如 姓名、身份证号、所属工会），顺序不限；未知的列报错。\n"
     "编码：UTF-8（带或不带BOM）或 GBK（中文 Excel 另存的 CSV），自动识别。\n"
     "整个文件在一个事务中导入：只要有一行有错，就列出所有错误行（行号、列、原因），不写入任何数据。\n"
     "  --dry-run        只校验，不写入\n"
     "  --skip-bad       跳过有错误的行，导入其余各行\n"
     "  --allow-double   允许同一会员同一年度重复领取同一帮扶项目（仅主管、管理员）\n"
     "  --encoding E     指定编码 auto|utf-8|gbk（默认 auto）\n"
     "各类型的列（*为必填）：\n"
     "  orgs        code*, name*, kind*, parent, credit_code, chair, phone, address, established_on, units_covered, staff_count, status\n"
     "  members     name*, id_number*, org*, gender, ethnicity, education, political_status, hukou_type, phone, join_date, status, is_migrant, job_title, card_no\n"
     "  cases       mediation_org*, received_on*, dispute_type*, status*, case_no, filed_on, workers_count, applicant_name, applicant_id_number, applicant_phone, employer_name, employer_credit_code, claim_amount, agreed_amount, mediator, closed_on, outcome, referred_to_arbitration\n"
     "  aid         id_number*, program*, amount*, granted_on*, status, hardship_category, fund_source, paid_on, child_name, school\n"
     "  courses     code*, title*, category*, starts_on*, organizer, ends_on, hours, location, capacity, fee, member_discount\n"
     "  enrolments  course*, id_number*, attended, completed, score, certificate_no, fee_paid\n"
     "退出码：0 成功；65 有错误行（未写入）；66 文件不存在；77 角色无权限（如办事员导入已发放的帮扶）。\n"
     "例：uniondesk import members 会员名册.csv --dry-run\n",
     "The first row names the columns, in English or Chinese (姓名, 身份证号, 所属工会…), in any order; unknown columns are an error.\n"
     "Encoding: UTF-8 (with or without BOM) or GBK (CSV saved by Chinese Excel), detected automatically.\n"
     "The file is imported in one transaction: if any row is bad, every bad row is listed (row, column, reason) and nothing is written.\n"
     "  --dry-run        validate only, write nothing\n"
     "  --skip-bad       skip bad rows, import the rest\n"
     "  --allow-double   allow a second grant of a program to a member in one year (officers, admins)\n"
     "  --encoding E     auto|utf-8|gbk (default auto)\n"
     "Columns per kind (* required):\n"
     "  orgs        code*, name*, kind*, parent, credit_code, chair, phone, address, established_on, units_covered, staff_count, status\n"
     "  members     name*, id_number*, org*, gender, ethnicity, education, political_status, hukou_type, phone, join_date, status, is_migrant, job_title, card_no\n"
     "  cases       mediation_org*, received_on*, dispute_type*, status*, case_no, filed_on, workers_count, applicant_name, applicant_id_number, applicant_phone, employer_name, employer_credit_code, claim_amount, agreed_amount, mediator, closed_on, outcome, referred_to_arbitration\n"
     "  aid         id_number*, program*, amount*, granted_on*, status, hardship_category, fund_source, paid_on, child_name, school\n"
     "  courses     code*, title*, category*, starts_on*, organizer, ends_on, hours, location, capacity, fee, member_discount\n"
     "  enrolments  course*, id_number*, attended, completed, score, certificate_no, fee_paid\n"
     "Exit codes: 0 ok; 65 bad rows (nothing written); 66 no such file; 77 not permitted for your role (e.g. a clerk importing paid aid).\n"
     "example: uniondesk import members members.csv --dry-run\n"},
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
