/* The table of subcommands: one row each, the code in cmd_<name>.c. */
#include "cli.h"

int ud_cmd_init(struct ud_cli *cli, int argc, char **argv);
int ud_cmd_migrate(struct ud_cli *cli, int argc, char **argv);
int ud_cmd_backup(struct ud_cli *cli, int argc, char **argv);
int ud_cmd_check(struct ud_cli *cli, int argc, char **argv);
int ud_cmd_user(struct ud_cli *cli, int argc, char **argv);
int ud_cmd_import(struct ud_cli *cli, int argc, char **argv);
int ud_cmd_report(struct ud_cli *cli, int argc, char **argv);
int ud_cmd_export(struct ud_cli *cli, int argc, char **argv);
int ud_cmd_setup_host(struct ud_cli *cli, int argc, char **argv);
int ud_cmd_audit(struct ud_cli *cli, int argc, char **argv);
int ud_cmd_search(struct ud_cli *cli, int argc, char **argv);

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
    {"report", ud_cmd_report,
     "report disputes|members|training [OPTIONS]",
     "统计报表：劳动争议调解统计月报、会员统计、培训统计", "statistics: monthly mediation report, membership, training",
     "  report disputes (--month YYYY-MM | --year YYYY) [--level L] [--org CODE] [--as-of DATE] [--format F] [-o FILE [--force]] [--print]\n"
     "  report members [--org CODE] [--format F] [-o FILE [--force]] [--print]\n"
     "  report training --year YYYY [--format F] [-o FILE [--force]] [--print]\n\n"
     "  disputes   劳动争议调解统计月报（--year 为年报）：按级别（区、街道、社区）和争议类型统计上期结转、\n"
     "             本期结案、接待职工、受理立案及其调解成功、不成、撤回、未结、超期、集体争议、成功率、\n"
     "             涉案金额和协议金额；另有本年累计和上年同期。\n"
     "  members    工会组织和会员统计：本级及直属基层工会、下属各街道/社区总工会一行，合计。\n"
     "  training   职工教育培训统计：按培训类别统计一年的培训班、学时、报名、参训、结业。\n"
     "  --month YYYY-MM   统计月份          --year YYYY   统计年度\n"
     "  --level L         只统计一级：district（区）、street（街道）、community（社区）\n"
     "  --org CODE        只统计该组织及其下属组织\n"
     "  --as-of DATE      数据日期（默认今天）：此后的接待、受理、结案不计入，超期按此日计算\n"
     "  --format F        text（默认，供打印，金额为万元）、csv（UTF-8 带 BOM）、json、xlsx（需 -o）\n"
     "  -o FILE           写入文件（默认输出到屏幕）：先写临时文件，完整写完才改名为 FILE，\n"
     "                    失败时不留下任何文件；文件权限 0600；不会写到数据库文件上\n"
     "  --force           FILE 已存在时替换它（默认拒绝）\n"
     "  --print           用 lp 打印文本报表（A4 横向）\n"
     "退出码：0 成功；64 用法错误；65 数据错误（如组织代码不存在）；73 无法创建输出文件；74 写入或打印失败。\n"
     "例：uniondesk report disputes --month 2026-10 --print\n"
     "    uniondesk report disputes --year 2026 --org BL-XQ --format xlsx -o 新碶2026.xlsx\n",
     "  report disputes (--month YYYY-MM | --year YYYY) [--level L] [--org CODE] [--as-of DATE] [--format F] [-o FILE [--force]] [--print]\n"
     "  report members [--org CODE] [--format F] [-o FILE [--force]] [--print]\n"
     "  report training --year YYYY [--format F] [-o FILE [--force]] [--print]\n\n"
     "  disputes   monthly labour dispute mediation report (--year: annual): by level (district, street,\n"
     "             community) and by dispute type: carried over, closed, workers received, filed and of those\n"
     "             succeeded, failed, withdrawn, open, overdue, collective, success rate, amounts claimed and\n"
     "             agreed; with the year to date and the same period a year earlier.\n"
     "  members    unions and members: one row for the organization with its own grassroots unions, one per\n"
     "             street or community federation under it, and the total.\n"
     "  training   workers' training for a year by course category: courses, hours, enrolments, completions.\n"
     "  --month YYYY-MM   the month             --year YYYY   the year\n"
     "  --level L         one level only: district, street or community\n"
     "  --org CODE        that organization and those under it only\n"
     "  --as-of DATE      data date (default today): what happened later is not counted; overdue on that day\n"
     "  --format F        text (default, for paper, amounts in 10,000 yuan), csv (UTF-8 with BOM), json, xlsx (needs -o)\n"
     "  -o FILE           write to a file (default: the screen): written under a temporary name and renamed to\n"
     "                    FILE only when complete, so a failure leaves no file; mode 0600; never the database\n"
     "  --force           replace FILE when it exists (refused otherwise)\n"
     "  --print           print the text report with lp (A4 landscape)\n"
     "Exit codes: 0 ok; 64 usage; 65 bad data (e.g. no such organization); 73 cannot create the output; 74 write or print error.\n"
     "example: uniondesk report disputes --month 2026-10 --print\n"
     "         uniondesk report disputes --year 2026 --org BL-XQ --format xlsx -o xinqi-2026.xlsx\n"},
    {"export", ud_cmd_export,
     "export aid [--from DATE] [--to DATE] [--program P] [--status S] [--org CODE] [--full-id] -o FILE.xlsx [--force]",
     "导出帮扶发放花名册（xlsx）", "export the hardship-aid roster (xlsx)",
     "花名册：标题、序号、姓名、性别、身份证号、所属工会、困难类别、帮扶项目、金额(元)、发放日期、领取人签字，\n"
     "合计行；冻结表头、自动筛选、A4 横向打印并每页重复表头。按发放日期排序，逐行写出，行数再多也不占用更多内存。\n"
     "  --from DATE / --to DATE   发放日期范围（含两端）\n"
     "  --program P      帮扶项目：send_warmth 送温暖、education 金秋助学、medical_mutual 医疗互助、\n"
     "                   emergency 临时救助、holiday 节日慰问、other 其他\n"
     "  --status S       发放状态：proposed 拟发放、approved 已审批、paid 已发放、cancelled 已取消\n"
     "                   （默认：除已取消以外的全部）\n"
     "  --org CODE       只导出该组织及其下属组织的会员\n"
     "  --full-id        导出完整身份证号（仅主管、管理员；默认遮蔽为 330206********1234）\n"
     "  -o FILE.xlsx     输出文件（必需；临时文件写在同一目录，写完并读回核对行数后才改名为 FILE.xlsx，\n"
     "                   失败时不留下任何文件；文件权限 0600）\n"
     "  --force          FILE.xlsx 已存在时替换它（默认拒绝）\n"
     "退出码：0 成功；64 用法错误；65 数据错误；73 无法创建输出文件（已存在、是数据库文件、目录不可写）；\n"
     "74 写入失败（如磁盘已满，不留下文件）；77 无权限（办事员使用 --full-id）。\n"
     "例：uniondesk export aid --program send_warmth --from 2026-01-01 --to 2026-02-10 --status approved -o 送温暖.xlsx\n",
     "The roster: a title, No., name, sex, ID number, union, hardship, program, amount (yuan), date granted and a\n"
     "blank column for the signature; a total row; frozen header, autofilter, A4 landscape with the header on every\n"
     "page. In date order, written row by row: memory does not grow with the number of grants.\n"
     "  --from DATE / --to DATE   grant dates (both included)\n"
     "  --program P      send_warmth, education, medical_mutual, emergency, holiday, other\n"
     "  --status S       proposed, approved, paid, cancelled (default: all but cancelled)\n"
     "  --org CODE       members of that organization and those under it only\n"
     "  --full-id        whole ID numbers (officers and admins only; masked 330206********1234 otherwise)\n"
     "  -o FILE.xlsx     the output (required): written under a temporary name in the same directory, read back\n"
     "                   and renamed only when every row is there, so a failure leaves no file; mode 0600\n"
     "  --force          replace FILE.xlsx when it exists (refused otherwise)\n"
     "Exit codes: 0 ok; 64 usage; 65 bad data; 73 cannot create the output (exists, is the database, directory not\n"
     "writable); 74 write error (e.g. a full disk; no file is left); 77 not permitted (a clerk asking --full-id).\n"
     "example: uniondesk export aid --program send_warmth --from 2026-01-01 --to 2026-02-10 --status approved -o warmth.xlsx\n"},
    {"backup", ud_cmd_backup, "backup FILE",
     "在线备份数据库到文件", "back up the database online to a file",
     "其他用户正在使用时也可以备份。备份含全部个人信息：文件权限 0600，先写临时文件，完整写完并同步到磁盘后\n"
     "才改名为 FILE；磁盘已满等失败时不留下任何文件（退出码 74）。不会覆盖已有文件，也不会写到数据库文件上（73）。\n"
     "例：uniondesk backup /srv/backup/uniondesk-20261126.db\n",
     "Safe while others are working. A backup holds everyone's personal data: mode 0600, written under a temporary\n"
     "name and renamed to FILE only when complete and synced; a full disk or other failure leaves no file (exit 74).\n"
     "Never overwrites a file, never the database itself (73).\n"
     "example: uniondesk backup /srv/backup/uniondesk-20261126.db\n"},
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
    {"setup-host", ud_cmd_setup_host, "setup-host --dir DIR [--admin LOGIN] [--bin PATH]",
     "（root）多人共用一台主机：建组、设目录和数据库权限、程序 setgid", "(root) several users on one host: group, modes, setgid program",
     "只有 uniondesk 能读写数据库：员工不在 uniondesk 组内，不能用 sqlite3 打开或复制数据库文件，\n"
     "只能通过 uniondesk（setgid uniondesk，打开数据库后立即放弃组权限）按各自角色操作。\n"
     "  --dir DIR       数据库目录：设为 root:uniondesk 2770（不存在则建立；拒绝符号链接）\n"
     "  --admin LOGIN   新数据库的第一位管理员（操作系统账户；默认为运行者）\n"
     "  --bin PATH      要设为 setgid 的程序（默认为正在运行的这个 uniondesk）\n"
     "依次：建立系统组 uniondesk（如无，groupadd --system）；DIR 为 root:uniondesk 2770；建立（或升级）\n"
     "DIR/uniondesk.db，root:uniondesk 0660，并设第一位管理员；程序 chgrp uniondesk、chmod 2755；\n"
     "在 /etc/uniondesk.conf 写入 db = DIR/uniondesk.db：以 setgid 运行且没有 --db 和 $UNIONDESK_DB 时用它。\n"
     "可重复运行：已经设好的不再改动，并如实说明。不要把员工加入 uniondesk 组。\n"
     "以 setgid 运行时：--db 只接受 uniondesk 组目录中属于该组的普通文件（否则退出码 77）；\n"
     "backup、init、migrate up 只限管理员；环境中的 SQLITE_*、LD_* 等变量被忽略。\n"
     "退出码：0 成功；64 用法错误；65 没有该操作系统用户；73 无法建立或设置；77 不是 root。\n"
     "例：sudo make install && sudo uniondesk setup-host --dir /srv/uniondesk --admin wangfang\n",
     "Only uniondesk writes the database: staff are not in the uniondesk group, cannot open or copy the\n"
     "file with sqlite3, and work through uniondesk (setgid uniondesk: it opens the database, then gives\n"
     "the group up at once) as their role allows.\n"
     "  --dir DIR       the database directory: made root:uniondesk 2770 (created if missing; never a symlink)\n"
     "  --admin LOGIN   the first admin of a new database (an OS account; default: who runs this)\n"
     "  --bin PATH      the program to make setgid (default: this uniondesk)\n"
     "In order: the system group uniondesk (groupadd --system, if missing); DIR root:uniondesk 2770;\n"
     "DIR/uniondesk.db created (or upgraded), root:uniondesk 0660, with its first admin; the program\n"
     "chgrp uniondesk, chmod 2755; /etc/uniondesk.conf gets db = DIR/uniondesk.db, the database a setgid\n"
     "run uses when neither --db nor $UNIONDESK_DB is given.\n"
     "Run it again at will: what is set up already is left alone, and it says so. Never add staff to the group.\n"
     "Run setgid, --db takes only a regular file of the uniondesk group in a directory of that group\n"
     "(else exit 77); backup, init and migrate up are for admins; SQLITE_*, LD_* and the like are ignored.\n"
     "Exit codes: 0 ok; 64 usage; 65 no such OS user; 73 cannot create or set up; 77 not root.\n"
     "example: sudo make install && sudo uniondesk setup-host --dir /srv/uniondesk --admin wangfang\n"},
    {"audit", ud_cmd_audit,
     "audit [--table T] [--row ID] [--user L] [--from D] [--to D] [--action A] [--limit N] [--format text|csv|json]",
     "查看审计日志（管理员）", "read the audit log (admins)",
     "每次新增、修改、删除，以及查看完整身份证号（read）、打印报表和导出完整身份证号（print），都记入审计日志：\n"
     "时间、用户（--user 代为操作的账户）、系统账户（实际登录的操作系统用户）、表、行、内容。最新的在前。\n"
     "  --table T        只看表 T（orgs、members、cases、case_events、aid_recipients、aid_grants、courses、enrolments、users）\n"
     "  --row ID         只看该行（与 --table 一起用）：这一行的完整历史\n"
     "  --user L         用户或系统账户为 L 的记录\n"
     "  --from D / --to D  日期范围（含两端）\n"
     "  --action A       insert、update、delete、read、print\n"
     "  --limit N        最多 N 条\n"
     "  --format F       text（默认，按显示宽度对齐）、csv（含修改前后的 JSON）、json\n"
     "退出码：0 成功；64 用法错误；77 不是管理员。\n"
     "例：uniondesk audit --table cases --row 42\n",
     "Every insert, update and delete, every whole ID number revealed (read), every report printed and every\n"
     "export with whole ID numbers (print) is in the audit log: time, user (the account acted as with --user),\n"
     "OS account (the operating-system user really logged in), table, row, what. Newest first.\n"
     "  --table T        table T only (orgs, members, cases, case_events, aid_recipients, aid_grants, courses, enrolments, users)\n"
     "  --row ID         that row only (with --table): its whole history\n"
     "  --user L         entries whose user or OS account is L\n"
     "  --from D / --to D  dates (both included)\n"
     "  --action A       insert, update, delete, read, print\n"
     "  --limit N        at most N entries\n"
     "  --format F       text (default, aligned by display width), csv (with the JSON before and after), json\n"
     "Exit codes: 0 ok; 64 usage; 77 not an admin.\n"
     "example: uniondesk audit --table cases --row 42\n"},
    {"find", ud_cmd_search, "find members|cases|orgs TEXT [--limit N] [--format text|csv|json]",
     "按片段查找会员、案件或组织（与界面中的 / 相同）", "find members, cases or organizations from a fragment (as / on the screens)",
     "会员：姓名的任何部分（名字、一个字）、电话中连续 3 位以上数字（如尾号）、身份证号中连续 4 位以上（如尾号、出生日期）。\n"
     "案件：案号中的数字（00200）、申请人、用人单位关键字（旭越）、身份证号。组织：名称或代码的任何部分。\n"
     "完全相同的在前，其次以该文字开头的，再次其余包含它的。身份证号按规定遮盖。\n"
     "  --limit N        最多 N 条（默认 50）\n"
     "  --format F       text（默认）、csv、json\n"
     "退出码：0 成功（找不到也是 0，只输出表头）；64 用法错误；66 数据库不存在。\n"
     "例：uniondesk find members 建国\n",
     "Members: any part of the name (a given name, one character), any run of 3 or more digits of the phone\n"
     "(the last four), any run of 4 or more characters of the ID number (its tail, a birth date).\n"
     "Cases: case number digits (00200), applicant, employer keyword, ID number. Organizations: any part of the name or code.\n"
     "Exact matches first, then those starting with the text, then the rest. ID numbers are masked.\n"
     "  --limit N        at most N rows (default 50)\n"
     "  --format F       text (default), csv, json\n"
     "Exit codes: 0 ok (also when nothing is found: the header only); 64 usage; 66 no database.\n"
     "example: uniondesk find members 5737\n"},
    {0, 0, 0, 0, 0, 0, 0},
};
