/* uniondesk: global options, then a subcommand from the table in
 * commands.c, or the screens when there is none. */
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "uniondesk/i18n.h"
#include "uniondesk/outfile.h"
#include "uniondesk/termout.h"
#include "uniondesk/privilege.h"
#include "uniondesk/tui.h"

/* The program needs a UTF-8 locale for the screens; these machines often
 * have only C.UTF-8, so fall back to it when the environment's is missing. */
static void setup_locale(void)
{
    const char *l = setlocale(LC_ALL, "");
    if (!l || strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
        setlocale(LC_ALL, "C.UTF-8");
    /* libxlsxwriter formats numbers with the locale's sprintf */
    setlocale(LC_NUMERIC, "C");
}

/* Ctrl-C or a hangup during an export: the half-written temporary goes,
 * then the signal takes its usual course. */
static void on_fatal_signal(int sig)
{
    ud_out_abort_all_signal();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void remove_outputs_on_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGPIPE, &sa, NULL);
}
#if defined(__SANITIZE_ADDRESS__)
/* Sanitizer builds (make asan): LeakSanitizer stops the process with
 * ptrace, which a setgid (non-dumpable) process forbids, and cannot read
 * its options from the environment then. No leak check in a setgid run. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
    return getegid() != getgid() ? "detect_leaks=0" : "";
}
#endif

/* What core tells the user beside errors (an automatic upgrade...). */
static void print_notice(const char *text, void *arg)
{
    (void)arg;
    fprintf(stderr, T("uniondesk：%s\n", "uniondesk: %s\n"), text);
    fflush(stderr);
}

int main(int argc, char **argv)
{
    ud_set_notice(print_notice, NULL);
    /* installed setgid: clean the environment and give the group up
     * before anything reads a file */
    if (ud_priv_init() != 0) {
        print_notice(T("无法放弃 uniondesk 组权限，退出", "cannot give up the uniondesk group; stopping"), NULL);
        return 70;
    }
    setup_locale();
    const char *env_lang = getenv("UNIONDESK_LANG");
    if (ud_lang_parse(env_lang) >= 0)
        ud_lang = (enum ud_lang)ud_lang_parse(env_lang);

    struct ud_cli cli = {0};
    cli.prog = argv[0];
    const char *db_opt = NULL;
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
        const char *names[] = {"--db", "--user", "--lang"};
        int which = -1;
        for (int k = 0; k < 3; k++) {
            size_t n = strlen(names[k]);
            if (strncmp(a, names[k], n) == 0 && (a[n] == '\0' || a[n] == '=')) {
                which = k;
                if (a[n] == '=')
                    val = a + n + 1;
                else if (i + 1 < argc)
                    val = argv[++i];
            }
        }
        if (which < 0)
            break;
        /* an empty --db or --user (a script's unset variable) is no value:
         * it would fall back to the office's database */
        if (!val || (which < 2 && !*val)) {
            fprintf(stderr, T("uniondesk：选项 %s 需要一个值\n", "uniondesk: option %s needs a value\n"), names[which]);
            return 64;
        }
        if (which == 0)
            db_opt = val;
        else if (which == 1)
            cli.user = val;
        else if (ud_lang_parse(val) < 0) {
            fprintf(stderr, "uniondesk: --lang zh|en\n");
            return 64;
        } else {
            ud_lang = (enum ud_lang)ud_lang_parse(val);
        }
    }
    cli.db_path = ud_db_default_path(db_opt);
    ud_cli_set_globals(&cli);

    /* who runs us comes from the real uid only; a uid the system does not
     * know is refused before anything is opened (help and version aside) */
    const char *first = i < argc ? argv[i] : "";
    if (strcmp(first, "--help") != 0 && strcmp(first, "-h") != 0 && strcmp(first, "help") != 0 &&
        strcmp(first, "--version") != 0 && strcmp(first, "-V") != 0) {
        struct ud_err err;
        ud_err_clear(&err);
        if (ud_os_login_check(&err) != UD_OK)
            return ud_cli_fail(&err);
    }

    if (i >= argc)
        return ud_tui_main(cli.db_path, cli.user);
    const char *cmd = argv[i];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        if (strcmp(cmd, "help") == 0 && i + 1 < argc) {
            const struct ud_cmd_entry *c = ud_cmd_find(argv[i + 1]);
            if (c) {
                ud_cmd_help(c, stdout);
                return 0;
            }
        }
        ud_cli_usage(stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("uniondesk %s\n", UD_VERSION);
        return 0;
    }
    const struct ud_cmd_entry *c = ud_cmd_find(cmd);
    if (!c) {
        fprintf(stderr, T("uniondesk：未知子命令“%s”\n\n", "uniondesk: unknown subcommand '%s'\n\n"), cmd);
        ud_cli_usage(stderr);
        return 64;
    }
    remove_outputs_on_signals();
    /* what a command prints (reports, lists, messages naming people from
     * the database) reaches a terminal with no raw control characters;
     * glibc lets stdout and stderr be set like any variable */
    FILE *out = stdout, *errs = stderr;
    FILE *safe_out = ud_term_safe(out), *safe_errs = ud_term_safe(errs);
    if (!safe_out || !safe_errs) {
        if (safe_out && safe_out != out)
            fclose(safe_out);
        if (safe_errs && safe_errs != errs)
            fclose(safe_errs);
        print_notice(T("内存不足", "out of memory"), NULL);
        return 70;
    }
    stdout = safe_out;
    stderr = safe_errs;
    int rc = c->run(&cli, argc - i - 1, argv + i + 1);
    ud_db_close(cli.db);
    if (stdout != out && fclose(stdout) != 0 && rc == 0)
        rc = 74; /* the terminal could not be written */
    if (stderr != errs)
        fclose(stderr);
    stdout = out;
    stderr = errs;
    return rc;
}
