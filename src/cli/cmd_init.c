#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli.h"
#include "uniondesk/demo.h"
#include "uniondesk/i18n.h"
#include "uniondesk/parse.h"
#include "uniondesk/privilege.h"
#include "uniondesk/user.h"

static int ud_cmd_init(struct ud_cli *cli, int argc, char **argv);

const struct ud_cmd_entry cmd_init_entry = {
    .name = "init",
    .usage = "init [--demo] [--scale N] [--seed S] [--as-of DATE]",
    .summary_zh = "创建或升级数据库；--demo 装入演示数据",
    .summary_en = "create or upgrade the database; --demo loads demo data",
    .help_zh = "第一次运行 init 的操作系统用户（或 --user 指定的用户）成为管理员。\n"
        "  --demo          装入一个仿北仑区总工会的演示区（只能装入空库）\n"
        "  --scale N       规模：1 约为 38 万会员、每年 4000 件立案；默认 0.05\n"
        "  --seed S        随机种子：同一种子、同一日期生成相同的数据；默认 1\n"
        "  --as-of DATE    演示数据截止日期（默认今天）\n"
        "例：uniondesk --db /tmp/demo.db init --demo --scale 0.01\n",
    .help_en = "The OS user who first runs init (or --user) becomes the admin.\n"
        "  --demo          load a demo district shaped like Beilun's (empty database only)\n"
        "  --scale N       size: 1 is about 380,000 members and 4,000 filed cases a year; default 0.05\n"
        "  --seed S        random seed: the same seed and date give the same data; default 1\n"
        "  --as-of DATE    last day of the demo data (default today)\n"
        "example: uniondesk --db /tmp/demo.db init --demo --scale 0.01\n",
    .run = ud_cmd_init,
};

static double seconds_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static int ud_cmd_init(struct ud_cli *cli, int argc, char **argv)
{
    const struct ud_cmd_entry *c = &cmd_init_entry;
    const char *scale_s = NULL, *seed_s = NULL, *as_of_s = NULL;
    int demo = 0;
    const struct ud_opt opts[] = {{"--demo", NULL, &demo},
                                  {"--scale", &scale_s, NULL},
                                  {"--seed", &seed_s, NULL},
                                  {"--as-of", &as_of_s, NULL},
                                  {NULL, NULL, NULL}};
    const char *pos[UD_MAX_POS];
    int npos;
    int r = ud_cli_parse(c, argc, argv, opts, pos, 0, &npos);
    if (r)
        return r < 0 ? 0 : r;
    double scale = 0.05;
    unsigned long long seed = 1;
    if (scale_s) {
        char *end;
        scale = strtod(scale_s, &end);
        /* not (in range): NaN compares false with both bounds */
        if (*end || !(scale >= 0.001 && scale <= 10))
            return ud_cli_usage_error(c, "%s", T("--scale 应在 0.001 到 10 之间", "--scale must be between 0.001 and 10"));
    }
    if (seed_s) {
        char *end;
        seed = strtoull(seed_s, &end, 10);
        /* a digit first: strtoull takes "-1" as the largest seed */
        if (*end || !isdigit((unsigned char)seed_s[0]))
            return ud_cli_usage_error(c, "%s", T("--seed 应为非负整数", "--seed must be a whole number"));
    }
    char as_of[UD_DATE_SZ];
    if (as_of_s) {
        const char *why = ud_parse_date(as_of_s, as_of);
        if (why)
            return ud_cli_usage_error(c, "--as-of: %s", why);
    } else {
        ud_today(as_of);
    }
    if ((scale_s || seed_s || as_of_s) && !demo)
        return ud_cli_usage_error(c, "%s", T("--scale/--seed/--as-of 需与 --demo 一起使用", "--scale/--seed/--as-of go with --demo"));

    struct ud_err err;
    ud_err_clear(&err);
    struct stat sb;
    /* run setgid, the office's database exists (setup-host made it) */
    int existed = ud_priv_setgid() || stat(cli->db_path, &sb) == 0;
    if (ud_cli_open_admin(cli, &err) != UD_OK)
        return ud_cli_fail(&err);
    const char *login = cli->user ? cli->user : ud_db_login(cli->db);
    if (ud_user_bootstrap(cli->db, login, &err) != UD_OK)
        return ud_cli_fail(&err);
    printf(T("数据库 %s %s（版本 %d）\n", "database %s %s (version %d)\n"), cli->db_path,
           existed ? T("已就绪", "is ready") : T("已创建", "created"), ud_db_schema_version(cli->db, &err));
    if (!demo)
        return 0;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    struct ud_demo_stats stats;
    if (ud_demo_generate(cli->db, scale, seed, as_of, &stats, &err) != UD_OK)
        return ud_cli_fail(&err);
    double secs = seconds_since(&t0);
    stat(cli->db_path, &sb);
    printf(T("演示数据（规模 %g，种子 %llu，截至 %s）：%d 个组织，%d 名会员，%d 件调解案件，"
             "%d 条帮扶发放，%d 个培训班，%d 人次报名；用时 %.1f 秒\n",
             "demo data (scale %g, seed %llu, as of %s): %d organizations, %d members, %d cases, "
             "%d aid grants, %d courses, %d enrolments; %.1f s\n"),
           scale, seed, as_of, stats.orgs, stats.members, stats.cases, stats.grants, stats.courses,
           stats.enrolments, secs);
    if (getenv("UNIONDESK_DEMO_TIMES")) { /* for measuring the generator: seconds per phase */
        for (int i = 0; i < UD_DEMO_PHASES; i++)
            fprintf(stderr, "%s%s %.2f (cpu %.2f)", i ? ", " : "demo phases, s: ", ud_demo_phase_names[i],
                    stats.phase_s[i], stats.phase_cpu_s[i]);
        fprintf(stderr, "\n");
    }
    return 0;
}
