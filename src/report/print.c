/* Printing a text report through lp: found on PATH by hand (so that a
 * missing lp is a clear message, not a shell's "not found"), fed through a
 * pipe, its exit status checked. */
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
    int fd[2];
    if (pipe(fd) != 0)
        return ud_err_set(err, UD_ERR_IO, T("无法启动 lp：%s", "cannot start lp: %s"), ud_strerror(errno));
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        close(fd[0]);
        close(fd[1]);
        return ud_err_set(err, UD_ERR_IO, T("无法启动 lp：%s", "cannot start lp: %s"), ud_strerror(errno));
    }
    if (pid == 0) {
        dup2(fd[0], 0);
        close(fd[0]);
        close(fd[1]);
        if (quiet) {
            int null = open("/dev/null", O_WRONLY);
            if (null >= 0) {
                dup2(null, 1);
                dup2(null, 2);
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
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return ud_err_set(err, UD_ERR_IO, T("打印失败：lp 退出码 %d", "printing failed: lp exited with %d"),
                          WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
    if (werr)
        return ud_err_set(err, UD_ERR_IO, T("打印失败：%s", "printing failed: %s"), ud_strerror(werr));
    return UD_OK;
}
