/* The frame: title line, tabs, the current tab's views, status line and
 * key bar; the input loop; signals; the terminal always restored. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "tui.h"
#include "uniondesk/enums.h"
#include "uniondesk/i18n.h"
#include "uniondesk/org.h"
#include "uniondesk/tui.h"
#include "uniondesk/utf8.h"

#define TOP_ROWS 2    /* title, tabs */
#define BOTTOM_ROWS 2 /* status, key bar */

static volatile sig_atomic_t got_signal;
static int cursor_wanted;
/* A popup's border lands in the middle of wide characters of the view
 * below; ncurses' idea of the screen and the terminal's then differ, so
 * opening or closing one repaints the whole screen. */
static int repaint_all;
static int curses_up;
static WINDOW *body;
static SCREEN *screen;

static void on_signal(int sig)
{
    got_signal = sig; /* only a flag: the loop restores the terminal */
}

static void on_crash(int sig)
{
    /* not async-signal-safe, but a crash is leaving anyway: give the
     * terminal back before dying */
    if (curses_up)
        endwin();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void restore_terminal(void)
{
    if (curses_up) {
        curs_set(1);
        endwin();
        curses_up = 0;
    }
}

void tui_show_cursor(void)
{
    cursor_wanted = 1;
}

WINDOW *tui_body(void)
{
    return body;
}

struct tui_view *tui_top(struct tui_app *app)
{
    return app->top[app->tab];
}

void tui_push(struct tui_app *app, struct tui_view *v)
{
    if (v->popup)
        repaint_all = 1;
    v->below = app->top[app->tab];
    app->top[app->tab] = v;
}

static void free_view(struct tui_view *v)
{
    if (v->ops->free)
        v->ops->free(v);
    free(v);
}

void tui_pop(struct tui_app *app)
{
    struct tui_view *v = app->top[app->tab];
    if (!v || !v->below)
        return;
    app->top[app->tab] = v->below;
    if (v->popup)
        repaint_all = 1;
    free_view(v);
    struct tui_view *now = app->top[app->tab];
    if (now->ops->resume)
        now->ops->resume(app, now);
}

/* The status line, cut at a character boundary however long the text. */
static void set_status(struct tui_app *app, int error, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));
static void set_status(struct tui_app *app, int error, const char *fmt, va_list ap)
{
    char buf[4096];
    vsnprintf(buf, sizeof buf, fmt, ap);
    ud_strlcpy_utf8(app->status, sizeof app->status, buf);
    app->status_error = error;
}

void tui_message(struct tui_app *app, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_status(app, 0, fmt, ap);
    va_end(ap);
}

void tui_error_text(struct tui_app *app, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_status(app, 1, fmt, ap);
    va_end(ap);
}

void tui_error(struct tui_app *app, const struct ud_err *err)
{
    char buf[2048];
    ud_err_text(err, buf, sizeof buf);
    tui_error_text(app, "%s", buf);
}

int tui_may(struct tui_app *app, enum ud_act act)
{
    struct ud_err err;
    ud_err_clear(&err);
    if (act == UD_ACT_VIEW)
        return 1;
    if (app->readonly) {
        tui_error_text(app, "%s",
                       ud_db_role(app->db) == UD_ROLE_NONE
                           ? T("只读模式：您没有账户（请管理员用 uniondesk user add 添加）",
                               "read-only: you have no account (an admin can add you with uniondesk user add)")
                           : T("只读模式：数据库文件不可写", "read-only: the database file is not writable"));
        return 0;
    }
    if (ud_may(app->db, act, &err) != UD_OK) {
        tui_error(app, &err);
        return 0;
    }
    return 1;
}

/* ---- drawing the frame ---- */

static void draw_title(struct tui_app *app)
{
    char t[1024];
    char who[200];
    if (ud_db_display_name(app->db)[0])
        snprintf(who, sizeof who, "%s %s", ud_db_display_name(app->db), ud_db_login(app->db));
    else
        snprintf(who, sizeof who, "%s", ud_db_login(app->db));
    snprintf(t, sizeof t, T(" uniondesk │ %s │ %s（%s）│ %s%s", " uniondesk │ %s │ %s (%s) │ %s%s"), app->district, who,
             ud_db_role(app->db) == UD_ROLE_NONE ? T("无账户", "no account") : ud_enum_label(&ud_enum_role, ud_role_code(ud_db_role(app->db))),
             app->db_path, app->readonly ? T(" │ 只读", " │ READ-ONLY") : "");
    tui_put(stdscr, 0, 0, t, COLS, UD_LEFT, tui_attr(TE_TITLE));
}

static void draw_tabs(struct tui_app *app)
{
    tui_fill(stdscr, 1, 0, COLS, tui_attr(TE_TAB));
    int x = 1;
    for (int i = 0; i < tui_ntabs; i++) {
        char t[64];
        snprintf(t, sizeof t, " %d %s ", i + 1, T(tui_tabs[i]->zh, tui_tabs[i]->en));
        int w = ud_str_width(t);
        if (x + w > COLS)
            break;
        /* the active tab also reads without colour: [ ] around it */
        if (i == app->tab) {
            tui_put(stdscr, 1, x - 1, "[", 1, UD_LEFT, tui_attr(TE_TAB));
            tui_put(stdscr, 1, x, t, w, UD_LEFT, tui_attr(TE_TAB_ACTIVE));
            tui_put(stdscr, 1, x + w, "]", 1, UD_LEFT, tui_attr(TE_TAB));
        } else {
            tui_put(stdscr, 1, x, t, w, UD_LEFT, tui_attr(TE_TAB));
        }
        x += w + 2;
    }
}

/* The status text in lines of the screen's width (control characters
 * made visible first): start[i] is where line i begins in vis. At most
 * max lines; the last one holds the rest. */
static int status_lines(const struct tui_app *app, char *vis, size_t vissz, size_t *start, int max)
{
    ud_text_visible(vis, vissz, app->status);
    int n = 0;
    size_t at = 0, len = strlen(vis);
    while (n < max) {
        start[n++] = at;
        int used;
        size_t fit = ud_str_fit(vis + at, COLS, &used);
        if (at + fit >= len || fit == 0)
            break;
        at += fit;
    }
    return n;
}

/* A message wider than the screen (lp's reason, then what to do) is not
 * cut: its first lines cover the bottom rows of the view, the last one is
 * on the status line, until the next key clears it. */
static void draw_status(struct tui_app *app, int body_rows)
{
    char vis[sizeof app->status * 4];
    size_t start[16];
    int max = body_rows + 1 < 16 ? body_rows + 1 : 16;
    int n = status_lines(app, vis, sizeof vis, start, max > 1 ? max : 1);
    attr_t a = tui_attr(app->status_error ? TE_ERROR : TE_STATUS);
    int cy, cx;
    getyx(body, cy, cx); /* where an editor left the cursor */
    for (int i = 0; i < n; i++) {
        size_t end = i + 1 < n ? start[i + 1] : strlen(vis);
        char line[sizeof vis];
        snprintf(line, sizeof line, "%.*s", (int)(end - start[i]), vis + start[i]);
        if (i == n - 1)
            tui_put(stdscr, LINES - 2, 0, line, COLS, UD_LEFT, a);
        else
            tui_put(body, body_rows - (n - 1) + i, 0, line, COLS, UD_LEFT, a);
    }
    if (n == 0)
        tui_put(stdscr, LINES - 2, 0, "", COLS, UD_LEFT, a);
    wmove(body, cy, cx);
}

/* `?` first: it stays on the bar however many keys the view has */
static const struct tui_keyhelp global_keys[] = {
    {"?", "帮助", "help"}, {"1-6", "切换", "tabs"}, {"q", "退出", "quit"}, TUI_KEYS_END};

/* Columns an entry takes: "n new  ": the key, a space, its label, two spaces. */
static int keybar_width(const struct tui_keyhelp *k)
{
    return ud_str_width(k->key) + 1 + ud_str_width(T(k->zh, k->en)) + 2;
}

static void draw_keybar(struct tui_app *app)
{
    tui_fill(stdscr, LINES - 1, 0, COLS, tui_attr(TE_KEYBAR_TEXT));
    struct tui_view *v = tui_top(app);
    const struct tui_keyhelp *lists[2] = {v ? v->keys : NULL,
                                          v && v->modal ? NULL : global_keys};
    int reserve = lists[1] ? keybar_width(&global_keys[0]) : 0;
    int x = 0;
    for (int l = 0; l < 2; l++)
        for (const struct tui_keyhelp *k = lists[l]; k && k->key; k++) {
            const char *label = T(k->zh, k->en);
            int kw = ud_str_width(k->key), lw = ud_str_width(label);
            if (x + kw + 1 + lw > COLS - (l == 0 ? reserve : 0))
                break;
            tui_put(stdscr, LINES - 1, x, k->key, kw, UD_LEFT, tui_attr(TE_KEYBAR_KEY));
            x += kw + 1;
            tui_put(stdscr, LINES - 1, x, label, lw, UD_LEFT, tui_attr(TE_KEYBAR_TEXT));
            x += lw + 2;
        }
}

static void layout(void)
{
    if (body)
        delwin(body);
    int h = LINES - TOP_ROWS - BOTTOM_ROWS;
    body = newwin(h > 1 ? h : 1, COLS > 1 ? COLS : 1, TOP_ROWS, 0);
    keypad(body, TRUE);
}

static void draw_view(struct tui_app *app, struct tui_view *v)
{
    if (!v)
        return;
    if (v->popup && v->below)
        draw_view(app, v->below);
    v->ops->draw(app, v, body, getmaxy(body), getmaxx(body));
}

void tui_redraw(struct tui_app *app)
{
    if (LINES < 10 || COLS < 40) {
        erase();
        mvaddstr(0, 0, T("终端太小：至少需要 40×10", "terminal too small: 40x10 at least"));
        refresh();
        return;
    }
    erase();
    draw_title(app);
    draw_tabs(app);
    draw_keybar(app);
    werase(body);
    cursor_wanted = 0;
    draw_view(app, tui_top(app));
    draw_status(app, getmaxy(body)); /* over the view's last rows when long */
    wnoutrefresh(stdscr);
    /* an active editor left the cursor where the user types */
    curs_set(cursor_wanted ? 1 : 0);
    wnoutrefresh(body);
    if (repaint_all) {
        clearok(curscr, TRUE);
        repaint_all = 0;
    }
    doupdate();
}

/* The terminal went away without a SIGHUP reaching us (started through
 * su or setsid, the connection dropped): reads fail at once from then on,
 * and a loop that only retries would spin, holding the database open. */
static int terminal_gone(void)
{
    struct pollfd p = {STDIN_FILENO, POLLIN, 0};
    if (poll(&p, 1, 0) > 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL)))
        return 1;
    struct termios t;
    return tcgetattr(STDIN_FILENO, &t) != 0 && (errno == EIO || errno == EBADF || errno == ENOTTY);
}

int tui_getkey(struct tui_app *app)
{
    for (;;) {
        if (got_signal)
            return TK_QUIT_SIGNAL;
        if (app->scripted) {
            int k = tui_script_key(app);
            if (k == TK_KEY(KEY_RESIZE)) {
                layout();
                tui_redraw(app);
                continue;
            }
            return k;
        }
        wint_t ch;
        int r = wget_wch(body, &ch);
        if (r == ERR) {
            if (terminal_gone())
                got_signal = SIGHUP;
            continue; /* timeout: look at the signal flag again */
        }
        if (r == KEY_CODE_YES) {
            if (ch == KEY_RESIZE) {
                layout();
                tui_redraw(app);
                continue;
            }
            if (ch == KEY_ENTER)
                return TK_ENTER;
            return TK_KEY((int)ch);
        }
        /* with nonl(), Return arrives as CR */
        return ch == '\r' ? TK_ENTER : (int)ch;
    }
}

int tui_confirm(struct tui_app *app, const char *question)
{
    char q[600];
    snprintf(q, sizeof q, "%s %s", question, T("（y 是 / n 否）", "(y/n)"));
    for (;;) {
        tui_error_text(app, "%s", q);
        tui_redraw(app);
        int k = tui_getkey(app);
        if (k == 'y' || k == 'Y' || k == TK_KEY(KEY_ENTER)) {
            app->status[0] = '\0';
            return 1;
        }
        if (k == 'n' || k == 'N' || k == TK_ESC || k == TK_QUIT_SIGNAL || k == TK_NONE) {
            app->status[0] = '\0';
            return 0;
        }
    }
}

static int any_dirty(struct tui_app *app)
{
    for (int t = 0; t < tui_ntabs; t++)
        for (struct tui_view *v = app->top[t]; v; v = v->below)
            if (v->ops->dirty && v->ops->dirty(v))
                return 1;
    return 0;
}

static void switch_tab(struct tui_app *app, int t)
{
    if (t < 0 || t >= tui_ntabs)
        return;
    app->tab = t;
    if (!app->top[t])
        app->top[t] = tui_tabs[t]->open(app);
    else if (app->top[t]->ops->resume)
        app->top[t]->ops->resume(app, app->top[t]);
    app->status[0] = '\0';
}

static void handle_key(struct tui_app *app, int k)
{
    struct tui_view *v = tui_top(app);
    /* a message of several lines covers the view: read, it goes with the
     * next key (one line stays, as it always has) */
    if (ud_str_width(app->status) > COLS)
        app->status[0] = '\0';
    if (v && v->ops->key(app, v, k))
        return;
    if (k >= '1' && k <= '0' + tui_ntabs) {
        switch_tab(app, k - '1');
    } else if (k >= TK_KEY(KEY_F(1)) && k <= TK_KEY(KEY_F(6))) {
        switch_tab(app, k - TK_KEY(KEY_F(1)));
    } else if (k == TK_TAB) {
        switch_tab(app, (app->tab + 1) % tui_ntabs);
    } else if (k == TK_KEY(KEY_BTAB)) {
        switch_tab(app, (app->tab + tui_ntabs - 1) % tui_ntabs);
    } else if (k == '?' || k == TK_KEY(KEY_F(10))) {
        tui_help_open(app);
    } else if (k == 'q' || k == 'Q') {
        if (!any_dirty(app) || tui_confirm(app, T("有未保存的修改，确定退出？", "Unsaved changes. Quit anyway?")))
            app->quit = 1;
    } else if (k == TK_ESC && v && v->below) {
        tui_pop(app);
    }
}

static void load_district(struct tui_app *app)
{
    struct ud_org o;
    struct ud_err err;
    ud_err_clear(&err);
    int64_t root = ud_org_root(app->db);
    if (root && ud_org_get(app->db, root, &o, &err) == UD_OK)
        snprintf(app->district, sizeof app->district, "%s", o.name);
    else
        snprintf(app->district, sizeof app->district, "%s", T("（尚无组织）", "(no organizations yet)"));
}

/* libxlsxwriter and SQLite may print to stderr: that must not land on the
 * screen. Send it to a log file for the session. */
static void route_stderr(void)
{
    char path[512];
    const char *tmp = getenv("TMPDIR");
    snprintf(path, sizeof path, "%s/uniondesk-%d.log", tmp && *tmp ? tmp : "/tmp", (int)getuid());
    /* a shared /tmp: never through a link someone planted under our log's
     * name, never into a file that is not ours */
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    struct stat sb;
    if (fd >= 0 && (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_uid != getuid())) {
        close(fd);
        fd = -1;
    }
    if (fd < 0)
        fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (fd >= 0) {
        fflush(stderr);
        dup2(fd, STDERR_FILENO);
        close(fd);
    }
}

static double elapsed_ms(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

int ud_tui_main(const char *db_path, const char *user)
{
    struct timespec app_start;
    clock_gettime(CLOCK_MONOTONIC, &app_start);
    struct tui_app app;
    memset(&app, 0, sizeof app);
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_db_open(&app.db, db_path, 0, &err) != UD_OK || ud_db_act_as(app.db, user, &err) != UD_OK) {
        char buf[1024];
        ud_err_text(&err, buf, sizeof buf);
        fprintf(stderr, "uniondesk: %s\n", buf);
        ud_db_close(app.db);
        return ud_exit_code(err.status);
    }
    app.db_path = db_path;
    app.readonly = ud_db_readonly(app.db) || ud_db_role(app.db) == UD_ROLE_NONE;
    load_district(&app);

    const char *script = getenv("UNIONDESK_SCRIPT");
    if (script && *script) {
        if (tui_script_open(script) != 0) {
            fprintf(stderr, "uniondesk: cannot read UNIONDESK_SCRIPT %s\n", script);
            ud_db_close(app.db);
            return 66;
        }
        app.scripted = 1;
    }

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    signal(SIGSEGV, on_crash);
    signal(SIGABRT, on_crash);
    signal(SIGBUS, on_crash);
    signal(SIGFPE, on_crash);
    atexit(restore_terminal);

    if (app.scripted) {
        /* no terminal: curses draws into its own image of the screen,
         * which the script dumps as text */
        FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
        const char *term = getenv("TERM");
        screen = newterm(term && *term ? term : "xterm", out, in);
        if (!screen) {
            fprintf(stderr, "uniondesk: cannot start curses for the script\n");
            return 70;
        }
        set_term(screen);
    } else {
        if (!isatty(0) || !isatty(1)) {
            fprintf(stderr, "%s", T("uniondesk：全屏界面需要终端；命令行用法见 uniondesk --help\n",
                                    "uniondesk: the screens need a terminal; see uniondesk --help for the command line\n"));
            ud_db_close(app.db);
            return 64;
        }
        if (!initscr()) {
            fprintf(stderr, "uniondesk: cannot start curses\n");
            return 70;
        }
        route_stderr();
        /* Ctrl-S saves a form: the terminal must not take it as "stop
         * output" (curses restores the settings on exit) */
        struct termios tio;
        if (tcgetattr(0, &tio) == 0) {
            tio.c_iflag &= (tcflag_t)~IXON;
            tcsetattr(0, TCSANOW, &tio);
            def_prog_mode();
        }
    }
    curses_up = 1;
    set_escdelay(25);
    cbreak();
    noecho();
    nonl();
    intrflush(stdscr, FALSE);
    keypad(stdscr, TRUE);
    tui_colors_init();
    layout();
    wtimeout(body, 200);
    switch_tab(&app, 1); /* members: what clerks look at most */
    if (app.readonly)
        tui_message(&app, "%s", ud_db_role(app.db) == UD_ROLE_NONE
                                    ? T("只读模式：您没有账户", "read-only: you have no account")
                                    : T("只读模式：数据库文件不可写", "read-only: the database file is not writable"));
    /* UNIONDESK_TIMING=FILE: how long each key took, handling and
     * redrawing included (the benchmarks read it) */
    FILE *timing = NULL;
    const char *tpath = getenv("UNIONDESK_TIMING");
    if (tpath && *tpath)
        timing = fopen(tpath, "w");
    if (timing)
        fprintf(timing, "start %.3f\n", elapsed_ms(&app_start));
    tui_redraw(&app);
    if (timing)
        fprintf(timing, "first-screen %.3f\n", elapsed_ms(&app_start));
    while (!app.quit) {
        int k = tui_getkey(&app);
        if (k == TK_QUIT_SIGNAL || k == TK_NONE)
            break;
        struct timespec t0;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        handle_key(&app, k);
        if (!app.quit)
            tui_redraw(&app);
        if (timing)
            fprintf(timing, "key %d %.3f\n", k, elapsed_ms(&t0));
    }
    if (timing)
        fclose(timing);
    for (int t = 0; t < TUI_MAX_TABS; t++) {
        struct tui_view *v = app.top[t];
        while (v) {
            struct tui_view *below = v->below;
            free_view(v);
            v = below;
        }
    }
    if (body)
        delwin(body);
    body = NULL;
    restore_terminal();
    if (screen) {
        delscreen(screen);
        screen = NULL;
    }
    ud_db_close(app.db);
    return got_signal ? 128 + got_signal : 0;
}
