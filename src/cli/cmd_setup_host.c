/* setup-host (root): an office install where only uniondesk writes the
 * database. The group `uniondesk`, the directory root:uniondesk 2770, the
 * database 0660 with its first admin, the binary setgid uniondesk, and
 * /etc/uniondesk.conf naming the database. Each step changes only what is
 * not yet so, and says what it changed. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "uniondesk/i18n.h"
#include "uniondesk/privilege.h"
#include "uniondesk/user.h"

static int ud_cmd_setup_host(struct ud_cli *cli, int argc, char **argv);

const struct ud_cmd_entry cmd_setup_host_entry = {
    .name = "setup-host",
    .usage = "setup-host --dir DIR [--admin LOGIN] [--bin PATH]",
    .summary_zh = "（root）多人共用一台主机：建组、设目录和数据库权限、程序 setgid",
    .summary_en = "(root) several users on one host: group, modes, setgid program",
    .help_zh = "只有 uniondesk 能读写数据库：员工不在 uniondesk 组内，不能用 sqlite3 打开或复制数据库文件，\n"
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
    .help_en = "Only uniondesk writes the database: staff are not in the uniondesk group, cannot open or copy the\n"
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
        "example: sudo make install && sudo uniondesk setup-host --dir /srv/uniondesk --admin wangfang\n",
    .run = ud_cmd_setup_host,
};

static int changes;

static void did(const char *what)
{
    changes++;
    printf("  %s\n", what);
}

static int fail(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(int code, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "uniondesk setup-host: ");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n");
    return code;
}

/* groupadd --system uniondesk, with a clean environment */
static int add_group(void)
{
    static const char *const tools[] = {"/usr/sbin/groupadd", "/sbin/groupadd"};
    const char *tool = NULL;
    for (size_t i = 0; i < 2 && !tool; i++)
        if (access(tools[i], X_OK) == 0)
            tool = tools[i];
    if (!tool) {
        errno = ENOENT;
        return -1;
    }
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        char *const args[] = {(char *)tool, (char *)"--system", (char *)UD_GROUP, NULL};
        char *const env[] = {(char *)"PATH=/usr/sbin:/usr/bin:/sbin:/bin", NULL};
        execve(tool, args, env);
        _exit(127);
    }
    int st;
    if (waitpid(pid, &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
        errno = EPERM;
        return -1;
    }
    return 0;
}

/* Owner, group and mode of an open file, changed only where they differ.
 * chown may clear the set-group-ID bit, so the mode comes after. */
static int fix(int fd, const char *path, gid_t gid, mode_t mode)
{
    struct stat st;
    if (fstat(fd, &st) != 0)
        return -1;
    char line[PATH_MAX + 64];
    if (st.st_uid != 0 || st.st_gid != gid) {
        if (fchown(fd, 0, gid) != 0)
            return -1;
        snprintf(line, sizeof line, "chown root:%s %s", UD_GROUP, path);
        did(line);
        if (fstat(fd, &st) != 0)
            return -1;
    }
    if ((st.st_mode & 07777) != mode) {
        if (fchmod(fd, mode) != 0)
            return -1;
        snprintf(line, sizeof line, "chmod %04o %s", (unsigned)mode, path);
        did(line);
    }
    return 0;
}

static int fix_path(const char *path, int flags, gid_t gid, mode_t mode)
{
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | flags);
    if (fd < 0)
        return -1;
    int rc = fix(fd, path, gid, mode);
    int e = errno;
    close(fd);
    errno = e;
    return rc;
}

/* Staff reach DIR through its parents: each must let others pass. */
static void warn_parents(const char *dir)
{
    char p[PATH_MAX];
    snprintf(p, sizeof p, "%s", dir);
    for (char *s = strrchr(p, '/'); s && s != p; s = strrchr(p, '/')) {
        *s = '\0';
        struct stat st;
        if (stat(p, &st) == 0 && !(st.st_mode & S_IXOTH))
            printf(T("  注意：%s 不允许其他用户进入，员工将无法使用 %s\n",
                     "  warning: %s does not let other users pass; staff cannot reach %s\n"),
                   p, dir);
    }
}

static int write_conf(const char *db)
{
    char want[PATH_MAX + 256];
    snprintf(want, sizeof want,
             "# uniondesk: where the office's database is (written by uniondesk setup-host).\n"
             "# Read by the setgid uniondesk when neither --db nor $UNIONDESK_DB is given.\n"
             "db = %s\n", db);
    char have[sizeof want + 1];
    int fd = open(UD_CONF_PATH, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0) {
        ssize_t n = read(fd, have, sizeof have - 1);
        struct stat st;
        int same = n >= 0 && (size_t)n == strlen(want) && memcmp(have, want, (size_t)n) == 0 &&
                   fstat(fd, &st) == 0 && st.st_uid == 0 && (st.st_mode & 07777) == 0644;
        close(fd);
        if (same)
            return 0;
    }
    char tmp[PATH_MAX];
    snprintf(tmp, sizeof tmp, "%s.XXXXXX", UD_CONF_PATH);
    fd = mkstemp(tmp);
    if (fd < 0)
        return -1;
    size_t len = strlen(want);
    if (write(fd, want, len) != (ssize_t)len || fchmod(fd, 0644) != 0 || fsync(fd) != 0) {
        int e = errno;
        close(fd);
        unlink(tmp);
        errno = e;
        return -1;
    }
    if (close(fd) != 0 || rename(tmp, UD_CONF_PATH) != 0) {
        int e = errno;
        unlink(tmp);
        errno = e;
        return -1;
    }
    char line[PATH_MAX + 64];
    snprintf(line, sizeof line, T("%s：db = %s", "%s: db = %s"), UD_CONF_PATH, db);
    did(line);
    return 0;
}

/* Creates or migrates DIR/uniondesk.db and gives it its first admin. */
/* Only root may have made what the office's rights are given to: a
 * directory, database or program a staff member made (or still holds open,
 * or mapped writable) must not become the group's. */
static int refuse_unless_roots(const char *path, const struct stat *st, int group_may_write, const char *what_zh,
                               const char *what_en)
{
    mode_t others = group_may_write ? S_IWOTH : (S_IWGRP | S_IWOTH);
    if (st->st_uid == 0 && !(st->st_mode & others))
        return 0;
    fprintf(stderr,
            T("uniondesk setup-host：%s %s 属于 uid %d（权限 %o），不只由 root 控制：可能是别人预先放置的，拒绝使用；"
              "请检查后由 root 重新建立（程序请先 make install）\n",
              "uniondesk setup-host: the %s %s belongs to uid %d (mode %o), not to root alone: someone may have put "
              "it there first; refusing it. Check it and have root make it anew (the program: make install first)\n"),
            T(what_zh, what_en), path, (int)st->st_uid, (unsigned)(st->st_mode & 07777));
    return 73;
}

static int make_database(struct ud_cli *cli, const char *db, const char *admin)
{
    struct stat st;
    int existed = lstat(db, &st) == 0;
    if (existed && !S_ISREG(st.st_mode)) {
        fprintf(stderr, T("uniondesk setup-host：%s 不是普通文件，拒绝使用\n",
                          "uniondesk setup-host: %s is not a regular file; refusing it\n"), db);
        return 73;
    }
    if (existed && st.st_uid != 0)
        return refuse_unless_roots(db, &st, 1, "数据库", "database");
    struct ud_err err;
    ud_err_clear(&err);
    cli->db_path = db;
    if (ud_db_open(&cli->db, db, UD_OPEN_CREATE, &err) != UD_OK)
        return ud_cli_fail(&err);
    char line[PATH_MAX + 128];
    if (!existed) {
        snprintf(line, sizeof line, T("建立数据库 %s", "created the database %s"), db);
        did(line);
    }
    int users = ud_user_count(cli->db, &err);
    if (users < 0)
        return ud_cli_fail(&err);
    if (users == 0) {
        if (ud_user_bootstrap(cli->db, admin, &err) != UD_OK)
            return ud_cli_fail(&err);
        snprintf(line, sizeof line, T("第一位管理员：%s", "first admin: %s"), admin);
        did(line);
    } else {
        struct ud_user u;
        if (ud_user_get(cli->db, admin, &u, &err) != UD_OK || strcmp(u.role, "admin") != 0)
            printf(T("  注意：数据库已有账户，%s 不是管理员；请由现有管理员用 uniondesk user 设置\n",
                     "  note: the database has accounts already and %s is not an admin; an admin "
                     "sets that with uniondesk user\n"),
                   admin);
    }
    ud_db_close(cli->db); /* removes -wal and -shm */
    cli->db = NULL;
    return 0;
}

static int ud_cmd_setup_host(struct ud_cli *cli, int argc, char **argv)
{
    const struct ud_cmd_entry *c = &cmd_setup_host_entry;
    const char *dir_opt = NULL, *admin = NULL, *bin_opt = NULL;
    const struct ud_opt opts[] = {{"--dir", &dir_opt, NULL},
                                  {"--admin", &admin, NULL},
                                  {"--bin", &bin_opt, NULL},
                                  {NULL, NULL, NULL}};
    const char *pos[UD_MAX_POS];
    int npos;
    int r = ud_cli_parse(c, argc, argv, opts, pos, 0, &npos);
    if (r)
        return r < 0 ? 0 : r;
    if (!dir_opt || !*dir_opt)
        return ud_cli_usage_error(c, "%s", T("需要 --dir 目录", "expected --dir DIR"));
    if (geteuid() != 0) {
        fprintf(stderr, "%s", T("uniondesk setup-host：只有 root 可以运行（例如 sudo uniondesk setup-host --dir …）\n",
                                "uniondesk setup-host: root only (e.g. sudo uniondesk setup-host --dir …)\n"));
        return 77;
    }
    ud_priv_forget(); /* root needs no group; no path is refused for it */
    changes = 0;
    umask(027); /* what it creates (a pre-upgrade backup) stays within the group */

    if (!admin) {
        struct passwd *pw = getpwuid(getuid());
        admin = pw ? pw->pw_name : NULL;
        /* only a hint: who the admin is never comes from the environment */
        const char *sudo_user = getenv("SUDO_USER");
        if (admin && sudo_user && *sudo_user && strcmp(sudo_user, admin) != 0)
            printf(T("注意：未给 --admin，新数据库的第一位管理员将是 %s；要让 %s 当管理员，请加 --admin %s\n",
                     "note: no --admin, so a new database's first admin is %s; to make %s the admin, add --admin %s\n"),
                   admin, sudo_user, sudo_user);
    }
    if (!admin || !getpwnam(admin)) {
        fprintf(stderr, T("uniondesk setup-host：本机没有用户 %s（--admin 应为操作系统账户）\n",
                          "uniondesk setup-host: no user %s on this host (--admin names an OS account)\n"),
                admin ? admin : "?");
        return 65;
    }

    printf(T("uniondesk setup-host：\n", "uniondesk setup-host:\n"));
    /* the program, checked before anything is changed: root's, in a
     * directory only root may write */
    char bin[PATH_MAX], bindir[PATH_MAX];
    struct stat bst;
    if (!realpath(bin_opt ? bin_opt : "/proc/self/exe", bin))
        return fail(66, T("找不到程序 %s：%s", "cannot find the program %s: %s"), bin_opt ? bin_opt : "/proc/self/exe", ud_strerror(errno));
    if (stat(bin, &bst) != 0 || !S_ISREG(bst.st_mode))
        return fail(66, T("%s 不是程序文件", "%s is not a program file"), bin);
    if (refuse_unless_roots(bin, &bst, 0, "程序", "program"))
        return 73;
    snprintf(bindir, sizeof bindir, "%s", bin);
    *strrchr(bindir, '/') = '\0';
    if (!bindir[0])
        snprintf(bindir, sizeof bindir, "/");
    if (stat(bindir, &bst) != 0)
        return fail(66, "%s: %s", bindir, ud_strerror(errno));
    if (refuse_unless_roots(bindir, &bst, 0, "程序所在目录", "program's directory"))
        return 73;

    struct group *gr = getgrnam(UD_GROUP);
    if (!gr) {
        if (add_group() != 0 || !(gr = getgrnam(UD_GROUP)))
            return fail(73, T("无法建立系统组 %s：%s", "cannot create the system group %s: %s"), UD_GROUP, ud_strerror(errno));
        did(T("建立系统组 uniondesk（groupadd --system）", "created the system group uniondesk (groupadd --system)"));
    }
    gid_t gid = gr->gr_gid;

    /* the directory: never through a symbolic link */
    struct stat st;
    if (lstat(dir_opt, &st) != 0) {
        if (errno != ENOENT || mkdir(dir_opt, 0700) != 0)
            return fail(73, T("无法建立目录 %s：%s", "cannot create the directory %s: %s"), dir_opt, ud_strerror(errno));
        char line[PATH_MAX + 64];
        snprintf(line, sizeof line, T("建立目录 %s", "created the directory %s"), dir_opt);
        did(line);
    } else if (S_ISLNK(st.st_mode)) {
        fprintf(stderr, T("uniondesk setup-host：%s 是符号链接，拒绝使用；请给出真实目录\n",
                          "uniondesk setup-host: %s is a symbolic link; refusing it (give the real directory)\n"),
                dir_opt);
        return 73;
    } else if (!S_ISDIR(st.st_mode)) {
        fprintf(stderr, T("uniondesk setup-host：%s 不是目录\n", "uniondesk setup-host: %s is not a directory\n"),
                dir_opt);
        return 73;
    } else if (refuse_unless_roots(dir_opt, &st, 1, "目录", "directory")) {
        return 73;
    }
    char dir[PATH_MAX];
    if (!realpath(dir_opt, dir))
        return fail(73, "%s: %s", dir_opt, ud_strerror(errno));
    if (fix_path(dir, O_DIRECTORY, gid, 02770) != 0)
        return fail(73, T("无法设置目录 %s：%s", "cannot set up the directory %s: %s"), dir, ud_strerror(errno));
    warn_parents(dir);

    char db[PATH_MAX];
    if (snprintf(db, sizeof db, "%s/uniondesk.db", dir) >= (int)sizeof db)
        return ud_cli_usage_error(c, "%s", T("目录路径太长", "directory path too long"));
    int rc = make_database(cli, db, admin);
    if (rc)
        return rc;
    if (fix_path(db, 0, gid, 0660) != 0)
        return fail(73, T("无法设置数据库 %s：%s", "cannot set up the database %s: %s"), db, ud_strerror(errno));

    /* the binary: setgid uniondesk, like locate or wall */
    if (fix_path(bin, 0, gid, 02755) != 0)
        return fail(73, T("无法设置程序 %s：%s", "cannot set up the program %s: %s"), bin, ud_strerror(errno));
    struct statvfs vfs;
    if (statvfs(bin, &vfs) == 0 && (vfs.f_flag & ST_NOSUID))
        printf(T("  注意：%s 所在的文件系统以 nosuid 挂载，setgid 不起作用；请安装到别处（make install）\n",
                 "  warning: %s is on a nosuid file system, where setgid does nothing; install it elsewhere (make install)\n"),
               bin);

    if (write_conf(db) != 0)
        return fail(73, T("无法写入 %s：%s", "cannot write %s: %s"), UD_CONF_PATH, ud_strerror(errno));

    if (changes == 0)
        printf("%s", T("  本机已按此设置，没有改动。\n", "  the host is set up like this already; nothing changed.\n"));
    printf(T("\n数据库：%s（root:uniondesk，0660；目录 2770）\n"
             "程序：%s（setgid uniondesk）\n"
             "员工直接运行 uniondesk 即可（数据库位置记在 %s），不要把员工加入 uniondesk 组：\n"
             "组内成员可以绕过 uniondesk 直接读写数据库文件。为员工开账户：\n"
             "  %s user add 登录名 --role clerk|officer|admin --name 姓名\n",
             "\ndatabase: %s (root:uniondesk, 0660; directory 2770)\n"
             "program: %s (setgid uniondesk)\n"
             "Staff just run uniondesk (the database's place is in %s). Do not add staff to the\n"
             "uniondesk group: members can read and write the file without uniondesk. Accounts:\n"
             "  %s user add LOGIN --role clerk|officer|admin --name NAME\n"),
           db, bin, UD_CONF_PATH, bin);
    return 0;
}
