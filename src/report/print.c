/* Printing a text report through lp: found on PATH by hand (so that a
 * missing lp is a clear message, not a shell's "not found"), fed through a
 * pipe, its exit status checked, and what it says on failure ("No default
 * destination") passed on to the user with what to do. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "uniondesk/i18n.h"
#include "uniondesk/report.h"
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

int ud_report_print(const char *text, size_t len, const char *title, int quiet, struct ud_err *err)
{
    char lp[4096];
    if (!find_on_path("lp", lp, sizeof lp))
        return ud_err_set(err, UD_ERR_IO, "%s",
                          T("找不到打印命令 lp：请安装 cups-client 并设置打印机，或用 -o 文件名 保存后再打印",
                            "no lp command found: install cups-client and set up a printer, or save with -o FILE "
                            "and print that"));
    int fd[2], efd[2];
    if (pipe(fd) != 0)
        return ud_err_set(err, UD_ERR_IO, T("无法启动 lp：%s", "cannot start lp: %s"), ud_strerror(errno));
    if (pipe(efd) != 0) {
        close(fd[0]);
        close(fd[1]);
        return ud_err_set(err, UD_ERR_IO, T("无法启动 lp：%s", "cannot start lp: %s"), ud_strerror(errno));
    }
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        close(fd[0]);
        close(fd[1]);
        close(efd[0]);
        close(efd[1]);
        return ud_err_set(err, UD_ERR_IO, T("无法启动 lp：%s", "cannot start lp: %s"), ud_strerror(errno));
    }
    if (pid == 0) {
        dup2(fd[0], 0);
        dup2(efd[1], 2); /* its reasons come back to us */
        close(fd[0]);
        close(fd[1]);
        close(efd[0]);
        close(efd[1]);
        if (quiet) {
            int null = open("/dev/null", O_WRONLY);
            if (null >= 0) {
                dup2(null, 1);
                close(null);
            }
        }
        char *const args[] = {(char *)"lp", (char *)"-t", (char *)(title ? title : "uniondesk"),
                              (char *)"-o", (char *)"landscape", (char *)"-o", (char *)"media=A4",
                              (char *)"-o", (char *)"cpi=12", (char *)"-o", (char *)"lpi=8",
                              (char *)"-o", (char *)"page-left=24", (char *)"-o", (char *)"page-right=24",
                              (char *)"-o", (char *)"page-top=24", (char *)"-o", (char *)"page-bottom=24",
                              NULL};
        execv(lp, args);
        _exit(127);
    }
    close(fd[0]);
    close(efd[1]);
    /* lp stopping early must be an error here, not a SIGPIPE */
    void (*old)(int) = signal(SIGPIPE, SIG_IGN);
    size_t off = 0;
    int werr = 0;
    while (off < len) {
        ssize_t w = write(fd[1], text + off, len - off);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            werr = errno;
            break;
        }
        off += (size_t)w;
    }
    close(fd[1]);
    signal(SIGPIPE, old);
    /* what lp says (a line or two; a pipe holds far more than that, so
     * reading it after the text is written cannot block lp) */
    char said[600];
    size_t n = 0;
    for (;;) {
        char chunk[256];
        ssize_t r = read(efd[0], chunk, sizeof chunk);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        for (ssize_t i = 0; i < r && n + 1 < sizeof said; i++)
            said[n++] = chunk[i] == '\n' || chunk[i] == '\r' ? ' ' : chunk[i];
    }
    close(efd[0]);
    said[n] = '\0';
    while (n > 0 && said[n - 1] == ' ')
        said[--n] = '\0';
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        char shown[1300];
        ud_text_visible(shown, sizeof shown, said); /* lp's words, never raw to a terminal */
        return ud_err_set(err, UD_ERR_IO,
                          T("打印失败（lp 退出码 %d）：%s。请检查打印机：lpstat -p -d 列出打印机和默认打印机，"
                            "没有时请管理员在 CUPS 中添加；也可用 -o 文件名 保存后再打印",
                            "printing failed (lp exited with %d): %s. Check the printer: lpstat -p -d lists the "
                            "printers and the default; an admin adds one in CUPS. Or save with -o FILE and print that"),
                          WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status),
                          shown[0] ? shown : T("lp 没有说明原因", "lp gave no reason"));
    }
    if (said[0] && !quiet) /* lp's warnings, on a print that went through */
        fprintf(stderr, "%s\n", said);
    if (werr)
        return ud_err_set(err, UD_ERR_IO, T("打印失败：%s", "printing failed: %s"), ud_strerror(werr));
    return UD_OK;
}

/* Runs PATH's lpstat with one option; its output (cut to outsz) in out.
 * Returns its exit status, or -1 when it cannot run (err set). */
static int lpstat(const char *opt, char *out, size_t outsz, struct ud_err *err)
{
    char path[4096];
    if (!find_on_path("lpstat", path, sizeof path)) {
        ud_err_set(err, UD_ERR_IO, "%s",
                   T("找不到 lpstat：请安装 cups-client 并设置打印机", "no lpstat command found: install cups-client and set up a printer"));
        return -1;
    }
    int fd[2];
    if (pipe(fd) != 0) {
        ud_err_set(err, UD_ERR_IO, T("无法启动 lpstat：%s", "cannot start lpstat: %s"), ud_strerror(errno));
        return -1;
    }
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        close(fd[0]);
        close(fd[1]);
        ud_err_set(err, UD_ERR_IO, T("无法启动 lpstat：%s", "cannot start lpstat: %s"), ud_strerror(errno));
        return -1;
    }
    if (pid == 0) {
        dup2(fd[1], 1);
        dup2(fd[1], 2); /* its complaint is what the user needs to read */
        close(fd[0]);
        close(fd[1]);
        char *const args[] = {(char *)"lpstat", (char *)opt, NULL};
        execv(path, args);
        _exit(127);
    }
    close(fd[1]);
    size_t n = 0;
    for (;;) {
        char chunk[512];
        ssize_t r = read(fd[0], chunk, sizeof chunk);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        for (ssize_t i = 0; i < r && n + 1 < outsz; i++)
            out[n++] = chunk[i];
    }
    close(fd[0]);
    out[n] = '\0';
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int ud_printers(struct ud_printer *out, int max, int *n, struct ud_err *err)
{
    *n = 0;
    char list[8192], def[1024];
    int rc = lpstat("-e", list, sizeof list, err);
    if (rc < 0)
        return err->status;
    if (rc != 0) {
        char shown[2048];
        for (char *p = list; *p; p++)
            if (*p == '\n')
                *p = ' ';
        ud_text_visible(shown, sizeof shown, list);
        return ud_err_set(err, UD_ERR_IO, T("无法列出打印机（lpstat 退出码 %d）：%s", "cannot list the printers (lpstat exited with %d): %s"),
                          rc, shown[0] ? shown : T("lpstat 没有说明原因", "lpstat gave no reason"));
    }
    /* "system default destination: NAME"; anything else: no default */
    const char *dname = NULL;
    if (lpstat("-d", def, sizeof def, err) == 0) {
        char *colon = strrchr(def, ':');
        if (colon && strstr(def, "default destination:")) {
            dname = colon + 1;
            while (*dname == ' ')
                dname++;
            def[strcspn(def, "\n")] = '\0';
        }
    }
    ud_err_clear(err);
    for (char *line = strtok(list, "\n"); line && *n < max; line = strtok(NULL, "\n")) {
        if (!*line)
            continue;
        struct ud_printer *p = &out[(*n)++];
        ud_strlcpy_utf8(p->name, sizeof p->name, line);
        p->is_default = dname && strcmp(dname, line) == 0;
    }
    return UD_OK;
}
