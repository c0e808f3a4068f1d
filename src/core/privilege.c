#include "uniondesk/privilege.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "uniondesk/i18n.h"

static int setgid_run;
static gid_t saved_gid;
static int depth;

extern char **environ;

/* Names the program must not honour while it can take the group back:
 * SQLite's temporary directory, the dynamic linker's hooks (also handed
 * on to lp), and our own debug hooks that open files. */
static int unsafe_name(const char *entry)
{
    static const char *const prefix[] = {"SQLITE_", "LD_", "MALLOC_", "GCONV_", "UNIONDESK_TRACE",
                                         "UNIONDESK_TIMING", "UNIONDESK_SCRIPT", "UNIONDESK_DUMP",
                                         "LOCPATH=", "NLSPATH=", "RESOLV_", "HOSTALIASES="};
    for (size_t i = 0; i < sizeof prefix / sizeof prefix[0]; i++)
        if (strncmp(entry, prefix[i], strlen(prefix[i])) == 0)
            return 1;
    if (strncmp(entry, "TMPDIR=", 7) == 0) {
        const char *v = entry + 7;
        struct stat st;
        return v[0] != '/' || stat(v, &st) != 0 || !S_ISDIR(st.st_mode);
    }
    return 0;
}

static void clean_environment(void)
{
    int again = 1;
    while (again) { /* unsetenv reshapes environ: start over after each */
        again = 0;
        for (char **e = environ; e && *e; e++) {
            if (!unsafe_name(*e))
                continue;
            char name[256];
            const char *eq = strchr(*e, '=');
            size_t n = eq ? (size_t)(eq - *e) : strlen(*e);
            if (n >= sizeof name)
                n = sizeof name - 1;
            memcpy(name, *e, n);
            name[n] = '\0';
            if (unsetenv(name) != 0) { /* a malformed entry: drop the whole environment */
                environ = NULL;
                return;
            }
            again = 1;
            break;
        }
    }
}

int ud_priv_init(void)
{
    if (getegid() == getgid())
        return 0;
    setgid_run = 1;
    saved_gid = getegid();
    /* no core dump and no ptrace by the user: the open database
     * descriptors stay out of reach (/proc/PID/fd) */
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    if (setegid(getgid()) != 0 || getegid() != getgid()) {
        return -1; /* the caller says so */
    }
    clean_environment(); /* TMPDIR is looked at as the user */
    return 0;
}

int ud_priv_setgid(void)
{
    return setgid_run;
}

void ud_priv_raise(void)
{
    if (!setgid_run)
        return;
    /* a failure shows as "cannot open the database" where it matters */
    if (depth++ == 0 && setegid(saved_gid) != 0)
        return;
}

void ud_priv_drop(void)
{
    if (!setgid_run || depth <= 0)
        return;
    if (--depth == 0 && (setegid(getgid()) != 0 || getegid() != getgid())) {
        ud_notice("%s", T("无法放弃 uniondesk 组权限，退出", "cannot give up the uniondesk group; stopping"));
        _exit(70);
    }
}

void ud_priv_forget(void)
{
    if (!setgid_run)
        return;
    depth = 0;
    if (setegid(getgid()) != 0)
        _exit(70);
    setgid_run = 0;
}

/* "  db = /srv/uniondesk/uniondesk.db  " → the path */
static char *conf_value(char *line, const char *key)
{
    while (*line == ' ' || *line == '\t')
        line++;
    size_t k = strlen(key);
    if (strncmp(line, key, k) != 0)
        return NULL;
    line += k;
    while (*line == ' ' || *line == '\t')
        line++;
    if (*line != '=')
        return NULL;
    line++;
    while (*line == ' ' || *line == '\t')
        line++;
    size_t n = strcspn(line, "\r\n");
    while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t'))
        n--;
    line[n] = '\0';
    return n ? line : NULL;
}

const char *ud_priv_conf_db(void)
{
    static char path[PATH_MAX];
    if (!setgid_run)
        return NULL;
    int fd = open(UD_CONF_PATH, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct stat st;
    FILE *f = fdopen(fd, "r");
    if (!f) {
        close(fd);
        return NULL;
    }
    /* only root may say where the office's database is */
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != 0 || (st.st_mode & 022)) {
        ud_notice(T("忽略 %s：应为 root 所有且他人不可写", "ignoring %s: it must be root's and not writable by others"),
                  UD_CONF_PATH);
        fclose(f);
        return NULL;
    }
    char line[PATH_MAX + 64];
    const char *found = NULL;
    while (fgets(line, sizeof line, f)) {
        char *v = conf_value(line, "db");
        if (v && v[0] == '/') {
            snprintf(path, sizeof path, "%s", v);
            found = path;
        }
    }
    fclose(f);
    return found;
}

int ud_priv_check_db(const char *path, char *real, unsigned long n, struct ud_err *err)
{
    if (!setgid_run) {
        snprintf(real, n, "%s", path);
        return UD_OK;
    }
    char resolved[PATH_MAX];
    struct stat st, dst;
    ud_priv_raise();
    int found = realpath(path, resolved) != NULL;
    int e = errno;
    int file_ok = found && lstat(resolved, &st) == 0 && S_ISREG(st.st_mode) && st.st_gid == saved_gid;
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", found ? resolved : "/");
    char *slash = strrchr(dir, '/');
    if (slash && slash != dir)
        *slash = '\0';
    else
        snprintf(dir, sizeof dir, "/");
    int dir_ok = file_ok && stat(dir, &dst) == 0 && S_ISDIR(dst.st_mode) && dst.st_gid == saved_gid;
    ud_priv_drop();
    if (!found && e == ENOENT)
        return ud_err_set(err, UD_ERR_NOINPUT,
                          T("数据库 %s 不存在（本机的数据库由管理员用 uniondesk setup-host 建立）",
                            "database %s does not exist (on this host the admin makes it with "
                            "uniondesk setup-host)"),
                          path);
    if (!dir_ok)
        return ud_err_set(err, UD_ERR_PERM,
                          T("拒绝打开 %s：本程序以 uniondesk 组身份运行，只打开 uniondesk 组目录中属于该组的"
                            "数据库文件（自己的数据库请用未安装的 uniondesk 打开）",
                            "refusing %s: this program runs with the uniondesk group and opens only a "
                            "database file of that group in a directory of that group (open your own "
                            "database with a uniondesk that is not installed setgid)"),
                          path);
    snprintf(real, n, "%s", resolved);
    return UD_OK;
}
