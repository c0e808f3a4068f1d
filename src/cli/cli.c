#include "cli.h"

#include <stdarg.h>
#include <string.h>

#include "uniondesk/i18n.h"
#include "uniondesk/privilege.h"

const struct ud_cmd_entry *ud_cmd_find(const char *name)
{
    for (int i = 0; ud_commands[i]; i++)
        if (strcmp(ud_commands[i]->name, name) == 0)
            return ud_commands[i];
    return NULL;
}

void ud_cmd_help(const struct ud_cmd_entry *c, FILE *out)
{
    fprintf(out, T("用法：uniondesk [全局选项] %s\n\n%s\n", "usage: uniondesk [global options] %s\n\n%s\n"),
            c->usage, T(c->summary_zh, c->summary_en));
    const char *h = T(c->help_zh, c->help_en);
    if (h && *h)
        fprintf(out, "\n%s", h);
    if (c->help_more)
        c->help_more(out);
    fprintf(out, "%s", T("\n全局选项：--db 路径、--user 登录名（管理员以他人身份操作）、--lang zh|en（放在子命令之前或之后；"
                         "子命令自己有同名选项时，如 audit --user，放在子命令之前）\n",
                         "\nglobal options: --db PATH, --user LOGIN (admins acting as another user), --lang zh|en "
                         "(before or after the subcommand; before it when the subcommand has an option of that name, "
                         "as audit --user)\n"));
}

void ud_cli_usage(FILE *out)
{
    fprintf(out, "%s", T("uniondesk — 区总工会劳动争议调解、会员、帮扶与培训管理系统\n\n"
                         "用法：uniondesk [--db 路径] [--user 登录名] [--lang zh|en] [子命令 …]\n"
                         "不带子命令时进入全屏界面。\n\n子命令：\n",
                         "uniondesk — labor-dispute mediation, members, aid and training for a district "
                         "federation of trade unions\n\n"
                         "usage: uniondesk [--db PATH] [--user LOGIN] [--lang zh|en] [SUBCOMMAND …]\n"
                         "Without a subcommand it starts the screens.\n\nsubcommands:\n"));
    for (int i = 0; ud_commands[i]; i++)
        fprintf(out, "  %-10s %s\n", ud_commands[i]->name, T(ud_commands[i]->summary_zh, ud_commands[i]->summary_en));
    fprintf(out, "%s", T("\n数据库：--db，否则 $UNIONDESK_DB，否则 db/uniondesk.db。\n"
                         "每个子命令都有 --help，例如：uniondesk import --help\n"
                         "退出码：0 成功，64 用法错误，65 数据错误，66 缺少输入，73 无法创建输出，"
                         "74 读写错误，75 数据库忙，77 无权限，70 内部错误。\n",
                         "\ndatabase: --db, else $UNIONDESK_DB, else db/uniondesk.db.\n"
                         "Every subcommand has --help, e.g. uniondesk import --help\n"
                         "exit codes: 0 ok, 64 usage, 65 bad data, 66 missing input, 73 cannot create "
                         "output, 74 I/O error, 75 database busy, 77 not permitted, 70 internal error.\n"));
}

int ud_cli_usage_error(const struct ud_cmd_entry *c, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "uniondesk %s: ", c->name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, T("\n用法：uniondesk %s\n详见：uniondesk %s --help\n", "\nusage: uniondesk %s\nsee: uniondesk %s --help\n"),
            c->usage, c->name);
    return 64;
}

static struct ud_cli *globals; /* main's: what --db, --user, --lang set */

void ud_cli_set_globals(struct ud_cli *cli)
{
    globals = cli;
}

/* --db, --user, --lang: 0, 1, 2; -1 for anything else. */
static int global_option(const char *a, size_t len)
{
    static const char *const names[] = {"--db", "--user", "--lang"};
    for (int k = 0; k < 3; k++)
        if (strlen(names[k]) == len && strncmp(names[k], a, len) == 0)
            return k;
    return -1;
}

static const struct ud_opt *find_opt(const struct ud_opt *opts, const char *a, size_t len)
{
    const struct ud_opt *o = NULL;
    for (const struct ud_opt *p = opts; p && p->name; p++)
        if (strlen(p->name) == len && strncmp(p->name, a, len) == 0)
            o = p;
    return o;
}

/* The global options after the subcommand, unless the subcommand has an
 * option of that name (audit --user is audit's): applied before anything
 * else, so that --lang en holds for --help and for every message. */
static int apply_globals(const struct ud_cmd_entry *c, int argc, char **argv, const struct ud_opt *opts)
{
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0)
            break; /* the rest are arguments */
        if (a[0] != '-')
            continue;
        const char *eq = strchr(a, '=');
        size_t len = eq ? (size_t)(eq - a) : strlen(a);
        const struct ud_opt *o = find_opt(opts, a, len);
        if (o) {
            i += o->value && !eq; /* its value is not an option, even -o --db */
            continue;
        }
        int g = global_option(a, len);
        if (g < 0)
            continue;
        const char *val = eq ? eq + 1 : i + 1 < argc ? argv[++i] : NULL;
        if (!val || (g < 2 && !*val)) /* --db "" would fall back to the office's database */
            return ud_cli_usage_error(c, T("选项 %s 需要一个值", "option %s needs a value"), a);
        if (g == 2) {
            if (ud_lang_parse(val) < 0)
                return ud_cli_usage_error(c, "--lang zh|en");
            ud_lang = (enum ud_lang)ud_lang_parse(val);
        } else if (globals && g == 0) {
            globals->db_path = ud_db_default_path(val);
        } else if (globals) {
            globals->user = val;
        }
    }
    return 0;
}

int ud_cli_parse(const struct ud_cmd_entry *c, int argc, char **argv, const struct ud_opt *opts,
                 const char **pos, int maxpos, int *npos)
{
    *npos = 0;
    int r = apply_globals(c, argc, argv, opts);
    if (r)
        return r;
    int options = 1; /* until "--": after it, everything is an argument */
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (options && strcmp(a, "--") == 0) {
            options = 0;
            continue;
        }
        if (options && (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)) {
            ud_cmd_help(c, stdout);
            return -1; /* handled: exit 0 */
        }
        if (options && a[0] == '-' && a[1] != '\0') {
            const char *eq = strchr(a, '=');
            size_t len = eq ? (size_t)(eq - a) : strlen(a);
            const struct ud_opt *o = find_opt(opts, a, len);
            if (!o && global_option(a, len) >= 0) { /* applied above */
                i += !eq;
                continue;
            }
            if (!o)
                return ud_cli_usage_error(c, T("未知选项 %s", "unknown option %s"), a);
            if (o->value) {
                if (eq)
                    *o->value = eq + 1;
                else if (i + 1 < argc)
                    *o->value = argv[++i];
                else
                    return ud_cli_usage_error(c, T("选项 %s 需要一个值", "option %s needs a value"), o->name);
            } else {
                if (eq)
                    return ud_cli_usage_error(c, T("选项 %s 不带值", "option %s takes no value"), o->name);
                *o->flag = 1;
            }
            continue;
        }
        if (*npos >= maxpos)
            return ud_cli_usage_error(c, T("多余的参数 %s", "unexpected argument %s"), a);
        pos[(*npos)++] = a;
    }
    return 0;
}

int ud_cli_open(struct ud_cli *cli, int create, struct ud_err *err)
{
    if (ud_db_open(&cli->db, cli->db_path, create ? UD_OPEN_CREATE | UD_OPEN_ADOPT_EMPTY : 0, err) != UD_OK)
        return err->status;
    return ud_db_act_as(cli->db, cli->user, err);
}

int ud_cli_open_admin(struct ud_cli *cli, struct ud_err *err)
{
    if (!ud_priv_setgid())
        return ud_cli_open(cli, 1, err);
    if (ud_db_open(&cli->db, cli->db_path, UD_OPEN_NO_MIGRATE, err) != UD_OK ||
        ud_db_act_as(cli->db, cli->user, err) != UD_OK ||
        ud_require_role(cli->db, UD_ROLE_ADMIN, err) != UD_OK)
        return err->status;
    return ud_db_migrate(cli->db, 0, err);
}

void ud_cli_warnings(const struct ud_err *err)
{
    for (int i = 0; i < err->nwarnings; i++)
        fprintf(stderr, T("uniondesk：注意：%s\n", "uniondesk: warning: %s\n"), err->warnings[i]);
}

int ud_cli_fail(const struct ud_err *err)
{
    ud_cli_warnings(err);
    if (err->nfields == 0) {
        fprintf(stderr, "uniondesk: %s\n", err->msg[0] ? err->msg : T("未知错误", "unknown error"));
    } else {
        fprintf(stderr, "uniondesk: %s\n", err->msg);
        for (int i = 0; i < err->nfields; i++)
            fprintf(stderr, "  %s (%s): %s\n", err->fields[i].label ? err->fields[i].label : "",
                    err->fields[i].field ? err->fields[i].field : "", err->fields[i].msg);
    }
    return ud_exit_code(err->status);
}

int ud_cli_list_format(const struct ud_cmd_entry *c, const char *format, enum ud_cli_list_format *out)
{
    static const char *const names[] = {"text", "csv", "json"};
    *out = UD_LIST_TEXT;
    if (!format)
        return 0;
    for (int i = 0; i < 3; i++)
        if (strcmp(format, names[i]) == 0) {
            *out = (enum ud_cli_list_format)i;
            return 0;
        }
    return ud_cli_usage_error(c, T("未知的格式“%s”（text、csv 或 json）", "unknown format '%s' (text, csv or json)"),
                              format);
}
