/* Printing a PDF through lp: found on PATH by hand (so that a missing lp
 * is a clear message, not a shell's "not found"), fed through a pipe (no
 * temporary file with personal data), its exit status checked, and what
 * it says on failure ("No default destination", "The printer or class
 * does not exist.") passed on to the user with what to do. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "uniondesk/i18n.h"
#include "uniondesk/print.h"
#include "uniondesk/utf8.h"

static int find_on_path(const char *name, char *out, size_t outsz)
{
    const char *path = getenv("PATH");
    if (!path || !*path)
        path = "/usr/bin:/bin";
    while (*path) {
        const char *end = strchr(path, ':');
        size_t len = end ? (size_t)(end - path) : strlen(path);
        int n = snprintf(out, outsz, "%.*s/%s", (int)len, len ? path : ".", name);
        struct stat sb;
        if (n > 0 && (size_t)n < outsz && stat(out, &sb) == 0 && S_ISREG(sb.st_mode) && access(out, X_OK) == 0)
            return 1;
        path += len;
        if (*path == ':')
            path++;
    }
    return 0;
}

enum run_stdout { RUN_STDOUT_KEEP, RUN_STDOUT_NULL, RUN_STDOUT_CAPTURE };

/* How long lp or lpstat may take: 60 s, or UNIONDESK_PRINT_TIMEOUT
 * seconds (1–3600; the tests' stand-in printers hang on purpose). */
static int run_timeout_s(void)
{
    const char *e = getenv("UNIONDESK_PRINT_TIMEOUT");
    int v = e ? atoi(e) : 0;
    return v >= 1 && v <= 3600 ? v : 60;
}

/* Runs the program at path: data (len bytes, or none when NULL) on its
 * stdin; its stderr (and its stdout with RUN_STDOUT_CAPTURE) read into
 * said, cut to saidsz. Returns its exit status (128 + a signal), or -1
 * when it cannot start (errno kept), -2 when it did not finish within
 * run_timeout_s() (it is killed). *werr: an error writing its stdin
 * (it stopped early), else 0. */
static int run(const char *path, char *const args[], const void *data, size_t len, enum run_stdout out_to,
               char *said, size_t saidsz, int *werr)
{
    const char *text = data;
    int in[2] = {-1, -1}, out[2];
    *werr = 0;
    said[0] = '\0';
    if (text && pipe(in) != 0)
        return -1;
    if (pipe(out) != 0) {
        int e = errno;
        if (text) {
            close(in[0]);
            close(in[1]);
        }
        errno = e;
        return -1;
    }
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        if (text) {
            close(in[0]);
            close(in[1]);
        }
        close(out[0]);
        close(out[1]);
        errno = e;
        return -1;
    }
    if (pid == 0) {
        if (text) {
            dup2(in[0], 0);
            close(in[0]);
            close(in[1]);
        }
        dup2(out[1], 2); /* its reasons come back to us */
        if (out_to == RUN_STDOUT_CAPTURE) {
            dup2(out[1], 1);
        } else if (out_to == RUN_STDOUT_NULL) {
            int null = open("/dev/null", O_WRONLY);
            if (null >= 0) {
                dup2(null, 1);
                close(null);
            }
        }
        close(out[0]);
        close(out[1]);
        execv(path, args);
        _exit(127);
    }
    close(out[1]);
    if (text)
        close(in[0]);
    /* feed and read at once, under a deadline: a scheduler that hangs
     * must not hang the screens with it */
    void (*old)(int) = signal(SIGPIPE, SIG_IGN); /* the tool stopping early is an error here, not a SIGPIPE */
    int wfd = text ? in[1] : -1;
    if (wfd >= 0)
        fcntl(wfd, F_SETFL, fcntl(wfd, F_GETFL) | O_NONBLOCK);
    size_t off = 0, n = 0;
    int timed_out = 0;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int rfd = out[0]; rfd >= 0;) {
        if (wfd >= 0 && off == len) {
            close(wfd);
            wfd = -1;
        }
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        long left_ms = (long)run_timeout_s() * 1000 - ((now.tv_sec - t0.tv_sec) * 1000 + (now.tv_nsec - t0.tv_nsec) / 1000000);
        if (left_ms <= 0) {
            timed_out = 1;
            break;
        }
        struct pollfd pf[2] = {{rfd, POLLIN, 0}, {wfd, POLLOUT, 0}};
        int pr = poll(pf, wfd >= 0 ? 2 : 1, (int)(left_ms < 1000 ? left_ms : 1000));
        if (pr < 0 && errno != EINTR)
            break;
        if (pr <= 0)
            continue;
        if (wfd >= 0 && (pf[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
            ssize_t w = write(wfd, text + off, len - off);
            if (w > 0) {
                off += (size_t)w;
            } else if (w < 0 && errno != EINTR && errno != EAGAIN) {
                *werr = errno;
                close(wfd);
                wfd = -1;
            }
        }
        if (pf[0].revents & (POLLIN | POLLERR | POLLHUP)) {
            char chunk[512];
            ssize_t r = read(rfd, chunk, sizeof chunk);
            if (r < 0 && (errno == EINTR || errno == EAGAIN))
                continue;
            if (r <= 0) {
                rfd = -1; /* its end closed: it has finished (or closed its stderr) */
                continue;
            }
            for (ssize_t i = 0; i < r && n + 1 < saidsz; i++)
                said[n++] = chunk[i];
        }
    }
    if (wfd >= 0)
        close(wfd);
    signal(SIGPIPE, old);
    close(out[0]);
    said[n] = '\0';
    int status = 0;
    if (timed_out) {
        kill(pid, SIGKILL);
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
            ;
        errno = ETIMEDOUT;
        return -2;
    }
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* A tool's message on one line, its control characters made visible. */
static void one_line(char *out, size_t outsz, char *said)
{
    for (char *p = said; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    for (size_t n = strlen(said); n > 0 && said[n - 1] == ' '; n--)
        said[n - 1] = '\0';
    ud_text_visible(out, outsz, said);
}

int ud_printer_name_ok(const char *name)
{
    /* CUPS: up to 127 printable characters, none of space, tab, '/', '#';
     * "NAME/INSTANCE" (lpoptions -p PDF/duplex) is one destination, which
     * lpstat -e lists and lp -d takes: one '/' between two names */
    size_t n = name ? strlen(name) : 0;
    if (n == 0 || n > 127)
        return 0;
    const char *slash = strchr(name, '/');
    if (slash && (slash == name || !slash[1] || strchr(slash + 1, '/')))
        return 0;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        if (*p <= ' ' || *p == 0x7f || *p == '#' || *p == '\\')
            return 0;
    return 1;
}

int ud_print_pdf(const void *pdf, size_t len, const char *printer, const char *title, int quiet,
                 struct ud_err *err)
{
    if (printer && *printer && !ud_printer_name_ok(printer)) {
        char shown[600];
        ud_text_visible(shown, sizeof shown, printer);
        return ud_err_set(err, UD_ERR_USAGE,
                          T("打印机名“%s”不合规（不能有空格、控制字符或 #，/ 只能用在“打印机/预设”中间）：uniondesk printers 列出打印机",
                            "'%s' cannot be a printer's name (no spaces, control characters or #; / only as in PRINTER/PRESET): "
                            "uniondesk printers lists them"),
                          shown);
    }
    char lp[4096];
    if (!find_on_path("lp", lp, sizeof lp))
        return ud_err_set(err, UD_ERR_IO, "%s",
                          T("找不到打印命令 lp：请安装 cups-client 并设置打印机，或用 --format pdf -o 文件名 保存后再打印",
                            "no lp command found: install cups-client and set up a printer, or save with --format pdf "
                            "-o FILE and print that"));
    /* the PDF's pages are A4 already, landscape or not: no -o landscape,
     * which would turn them once more */
    const char *args[10];
    int a = 0;
    args[a++] = "lp";
    if (printer && *printer) {
        args[a++] = "-d";
        args[a++] = printer;
    }
    args[a++] = "-t";
    args[a++] = title && *title ? title : "uniondesk";
    args[a++] = "-o";
    args[a++] = "media=A4";
    args[a] = NULL;
    char said[600], shown[1300];
    int werr;
    int rc = run(lp, (char *const *)args, pdf, len, quiet ? RUN_STDOUT_NULL : RUN_STDOUT_KEEP, said, sizeof said,
                 &werr);
    if (rc == -2)
        return ud_err_set(err, UD_ERR_IO,
                          T("打印失败：lp 在 %d 秒内没有完成，已停止它；CUPS 打印服务可能没有响应：请管理员检查"
                            "（systemctl status cups），或保存为 PDF 文件后再打印",
                            "printing failed: lp did not finish within %d s and was stopped; the CUPS print service "
                            "may not be answering: an admin checks it (systemctl status cups); or save a PDF and "
                            "print that"),
                          run_timeout_s());
    if (rc < 0)
        return ud_err_set(err, UD_ERR_IO, T("无法启动 lp：%s", "cannot start lp: %s"), ud_strerror(errno));
    one_line(shown, sizeof shown, said);
    char lpstat[4096], sched[512];
    char *const r_args[] = {(char *)"lpstat", (char *)"-r", NULL};
    int wr;
    /* lp says "No default destination" when the scheduler is down: the
     * real reason, from lpstat -r, with what to do about it */
    if (rc != 0 && find_on_path("lpstat", lpstat, sizeof lpstat) &&
        run(lpstat, r_args, NULL, 0, RUN_STDOUT_CAPTURE, sched, sizeof sched, &wr) >= 0 && strstr(sched, "not running")) {
        char why[1100];
        one_line(why, sizeof why, sched);
        return ud_err_set(err, UD_ERR_IO,
                          T("打印失败（lp 退出码 %d）：%s CUPS 打印服务没有运行（lpstat -r：%s）：请管理员启动它"
                            "（systemctl start cups），或用 --format pdf -o 文件名 保存后再打印",
                            "printing failed (lp exited with %d): %s The CUPS print service is not running (lpstat "
                            "-r: %s): an admin starts it (systemctl start cups); or save with --format pdf -o FILE "
                            "and print that"),
                          rc, shown[0] ? shown : T("lp 没有说明原因。", "lp gave no reason."), why);
    }
    if (rc != 0)
        return ud_err_set(err, UD_ERR_IO,
                          T("打印失败（lp 退出码 %d）：%s 请检查打印机：uniondesk printers（或 lpstat -p -d）列出打印机"
                            "和默认打印机，--printer 名称 选定一台；没有时请管理员在 CUPS 中添加（lpadmin 或 "
                            "http://localhost:631）；也可用 --format pdf -o 文件名 保存后再打印",
                            "printing failed (lp exited with %d): %s Check the printer: uniondesk printers (or "
                            "lpstat -p -d) lists the printers and the default, --printer NAME picks one; an admin "
                            "adds one in CUPS (lpadmin or http://localhost:631). Or save with --format pdf -o FILE "
                            "and print that"),
                          rc, shown[0] ? shown : T("lp 没有说明原因。", "lp gave no reason."));
    if (werr)
        return ud_err_set(err, UD_ERR_IO, T("打印失败：%s", "printing failed: %s"), ud_strerror(werr));
    if (shown[0] && !quiet) /* lp's warnings, on a print that went through */
        fprintf(stderr, "%s\n", shown);
    return UD_OK;
}

int ud_printers(struct ud_printer *out, int max, int *n, struct ud_err *err)
{
    *n = 0;
    char path[4096];
    if (!find_on_path("lpstat", path, sizeof path))
        return ud_err_set(err, UD_ERR_IO, "%s",
                          T("找不到 lpstat：请安装 cups-client 并设置打印机",
                            "no lpstat command found: install cups-client and set up a printer"));
    char list[8192], def[1024];
    int werr;
    char *const list_args[] = {(char *)"lpstat", (char *)"-e", NULL};
    int rc = run(path, list_args, NULL, 0, RUN_STDOUT_CAPTURE, list, sizeof list, &werr);
    if (rc == -2)
        return ud_err_set(err, UD_ERR_IO,
                          T("lpstat 在 %d 秒内没有回答，已停止它；CUPS 打印服务可能没有响应：请管理员检查"
                            "（systemctl status cups）",
                            "lpstat did not answer within %d s and was stopped; the CUPS print service may not be "
                            "answering: an admin checks it (systemctl status cups)"),
                          run_timeout_s());
    if (rc < 0)
        return ud_err_set(err, UD_ERR_IO, T("无法启动 lpstat：%s", "cannot start lpstat: %s"), ud_strerror(errno));
    if (rc != 0) {
        char shown[2048];
        one_line(shown, sizeof shown, list);
        return ud_err_set(err, UD_ERR_IO,
                          T("无法列出打印机（lpstat 退出码 %d）：%s", "cannot list the printers (lpstat exited with %d): %s"), rc,
                          shown[0] ? shown : T("lpstat 没有说明原因", "lpstat gave no reason"));
    }
    /* "system default destination: NAME"; anything else: no default */
    const char *dname = NULL;
    char *const def_args[] = {(char *)"lpstat", (char *)"-d", NULL};
    static const char marker[] = "default destination:";
    char *at = run(path, def_args, NULL, 0, RUN_STDOUT_CAPTURE, def, sizeof def, &werr) == 0 ? strstr(def, marker) : NULL;
    if (at) {
        at += sizeof marker - 1;
        at[strcspn(at, "\n")] = '\0';
        while (*at == ' ')
            at++;
        dname = at;
    }
    for (char *save = NULL, *line = strtok_r(list, "\n", &save); line && *n < max; line = strtok_r(NULL, "\n", &save)) {
        struct ud_printer *p = &out[(*n)++];
        ud_strlcpy_utf8(p->name, sizeof p->name, line);
        p->is_default = dname && strcmp(dname, line) == 0;
    }
    if (*n == 0) {
        /* CUPS 2.4's lpstat -e lists nothing and exits 0 when the
         * scheduler is not running: "add a printer" would then send the
         * admin to a web page that does not answer. lpstat -r says. */
        char sched[512], shown[1100];
        char *const r_args[] = {(char *)"lpstat", (char *)"-r", NULL};
        if (run(path, r_args, NULL, 0, RUN_STDOUT_CAPTURE, sched, sizeof sched, &werr) >= 0 &&
            strstr(sched, "not running")) {
            one_line(shown, sizeof shown, sched);
            return ud_err_set(err, UD_ERR_IO,
                              T("CUPS 打印服务没有运行（lpstat -r：%s）：请管理员启动它（systemctl start cups），"
                                "或用 -o 文件名 保存后再打印",
                                "the CUPS print service is not running (lpstat -r: %s): an admin starts it "
                                "(systemctl start cups); or save with -o FILE and print that"),
                              shown);
        }
    }
    return UD_OK;
}
