#define _GNU_SOURCE /* mkostemp */
#include "uniondesk/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "uniondesk/i18n.h"

/* The open database, as a canonical path (directory resolved). */
static char protected_db[PATH_MAX + 8];

/* Temporaries being written, for the signal handler. */
#define MAX_OPEN 4
static char *volatile open_tmps[MAX_OPEN];

/* dirname/basename without modifying the input; "" on a bad name. */
static int split_path(const char *path, char *dir, size_t dirsz, const char **base)
{
    const char *slash = strrchr(path, '/');
    if (!path[0] || (slash && !slash[1]))
        return -1;
    *base = slash ? slash + 1 : path;
    if (strcmp(*base, ".") == 0 || strcmp(*base, "..") == 0)
        return -1;
    int n;
    if (!slash)
        n = snprintf(dir, dirsz, ".");
    else if (slash == path)
        n = snprintf(dir, dirsz, "/");
    else
        n = snprintf(dir, dirsz, "%.*s", (int)(slash - path), path);
    return n > 0 && (size_t)n < dirsz ? 0 : -1;
}

/* The canonical name of `path`: its directory resolved, then its base name
 * (the file itself may not exist, or be a link that must not be followed). */
static int canonical(const char *path, char *out, size_t outsz)
{
    char dir[PATH_MAX], real[PATH_MAX];
    const char *base;
    if (split_path(path, dir, sizeof dir, &base) != 0 || !realpath(dir, real))
        return -1;
    int n = snprintf(out, outsz, "%s%s%s", real, strcmp(real, "/") ? "/" : "", base);
    return n > 0 && (size_t)n < outsz ? 0 : -1;
}

void ud_out_protect(const char *db_path)
{
    if (!db_path || canonical(db_path, protected_db, sizeof protected_db) != 0)
        protected_db[0] = '\0';
}

/* The database, its -wal/-shm/-journal, or one of its backups
 * (PATH.vN-….bak, written before a migration). */
static int is_database_file(const char *canon)
{
    size_t n = strlen(protected_db);
    if (!n || strncmp(canon, protected_db, n) != 0)
        return 0;
    const char *rest = canon + n;
    if (!*rest || !strcmp(rest, "-wal") || !strcmp(rest, "-shm") || !strcmp(rest, "-journal"))
        return 1;
    size_t r = strlen(rest);
    return rest[0] == '.' && rest[1] == 'v' && r > 4 && strcmp(rest + r - 4, ".bak") == 0;
}

static int same_file_as_database(const char *path)
{
    struct stat a, b;
    return protected_db[0] && stat(path, &a) == 0 && stat(protected_db, &b) == 0 && a.st_dev == b.st_dev &&
           a.st_ino == b.st_ino;
}

int ud_out_check(const char *path, unsigned flags, struct ud_err *err)
{
    char dir[PATH_MAX], canon[PATH_MAX + 8];
    const char *base;
    struct stat sb;
    if (!path || split_path(path, dir, sizeof dir, &base) != 0)
        return ud_err_set(err, UD_ERR_CANTCREAT, T("无法创建 %s：不是文件名", "cannot create %s: not a file name"),
                          path ? path : "");
    if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
        return ud_err_set(err, UD_ERR_CANTCREAT, T("无法创建 %s：目录 %s 不存在", "cannot create %s: no directory %s"),
                          path, dir);
    /* effective ids: a setgid run writes the backup before a migration
     * into the office directory with the group */
    if (faccessat(AT_FDCWD, dir, W_OK | X_OK, AT_EACCESS) != 0)
        return ud_err_set(err, UD_ERR_CANTCREAT, T("无法创建 %s：%s", "cannot create %s: %s"), path,
                          ud_strerror(errno));
    if (!(flags & UD_OUT_DB_SIDE) && canonical(path, canon, sizeof canon) == 0 && is_database_file(canon))
        return ud_err_set(err, UD_ERR_CANTCREAT,
                          T("不能写入 %s：这是数据库文件（或其日志、备份），请换一个文件名",
                            "refusing to write %s: it is the database (or its journal or a backup of it); "
                            "choose another name"),
                          path);
    if (same_file_as_database(path))
        return ud_err_set(err, UD_ERR_CANTCREAT,
                          T("不能写入 %s：这是数据库文件（或其日志、备份），请换一个文件名",
                            "refusing to write %s: it is the database (or its journal or a backup of it); "
                            "choose another name"),
                          path);
    if (lstat(path, &sb) == 0) {
        if (S_ISDIR(sb.st_mode))
            return ud_err_set(err, UD_ERR_CANTCREAT, T("无法创建 %s：这是一个目录", "cannot create %s: it is a directory"),
                              path);
        if (!(flags & UD_OUT_FORCE))
            return ud_err_set(err, UD_ERR_CANTCREAT,
                              T("%s 已存在，不覆盖；要替换它请加 --force", "%s exists; not overwriting it (--force replaces it)"),
                              path);
        if (!S_ISREG(sb.st_mode) && !S_ISLNK(sb.st_mode))
            return ud_err_set(err, UD_ERR_CANTCREAT, T("无法替换 %s：不是普通文件", "cannot replace %s: not a regular file"),
                              path);
    }
    return UD_OK;
}

static void track(char *tmp, int on)
{
    for (int i = 0; i < MAX_OPEN; i++) {
        if (on && !open_tmps[i]) {
            open_tmps[i] = tmp;
            return;
        }
        if (!on && open_tmps[i] == tmp) {
            open_tmps[i] = NULL;
            return;
        }
    }
}

void ud_out_abort_all_signal(void)
{
    for (int i = 0; i < MAX_OPEN; i++)
        if (open_tmps[i])
            unlink(open_tmps[i]);
}

int ud_out_open(struct ud_outfile *o, const char *path, unsigned flags, struct ud_err *err)
{
    memset(o, 0, sizeof *o);
    if (ud_out_check(path, flags, err) != UD_OK)
        return err->status;
    const char *base;
    snprintf(o->path, sizeof o->path, "%s", path);
    split_path(path, o->dir, sizeof o->dir, &base);
    int n = snprintf(o->tmp, sizeof o->tmp, "%s/.%s.XXXXXX", o->dir, base);
    if (n < 0 || (size_t)n >= sizeof o->tmp)
        return ud_err_set(err, UD_ERR_CANTCREAT, T("无法创建 %s：文件名太长", "cannot create %s: name too long"), path);
    /* mkostemp: O_CREAT|O_EXCL, mode 0600, never through a link */
    int fd = mkostemp(o->tmp, O_CLOEXEC);
    if (fd < 0)
        return ud_err_set(err, errno == ENOSPC || errno == EDQUOT || errno == EIO ? UD_ERR_IO : UD_ERR_CANTCREAT,
                          T("无法创建 %s：%s", "cannot create %s: %s"), path, ud_strerror(errno));
    struct stat sb;
    if (fstat(fd, &sb) != 0 || !(o->fp = fdopen(fd, "w"))) {
        int e = errno;
        close(fd);
        unlink(o->tmp);
        return ud_err_set(err, UD_ERR_CANTCREAT, T("无法创建 %s：%s", "cannot create %s: %s"), path, ud_strerror(e));
    }
    o->dev = sb.st_dev;
    o->ino = sb.st_ino;
    snprintf(o->byfd, sizeof o->byfd, "/proc/self/fd/%d", fd);
    if (access(o->byfd, F_OK) != 0)
        snprintf(o->byfd, sizeof o->byfd, "%.63s", o->tmp); /* no /proc: the name it is */
    o->open = 1;
    track(o->tmp, 1);
    return UD_OK;
}

static int fail(struct ud_outfile *o, int e, struct ud_err *err)
{
    ud_out_abort(o);
    return ud_err_set(err, UD_ERR_IO,
                      T("写入 %s 时出错：%s；没有留下文件", "error writing %s: %s; no file was left"), o->path,
                      ud_strerror(e));
}

int ud_out_commit(struct ud_outfile *o, struct ud_err *err)
{
    if (!o->open)
        return ud_err_set(err, UD_ERR_INTERNAL, "output not open");
    int fd = fileno(o->fp);
    if (fflush(o->fp) != 0 || ferror(o->fp))
        return fail(o, errno ? errno : EIO, err);
    /* a full disk often shows only here (delayed allocation) */
    if (fsync(fd) != 0)
        return fail(o, errno, err);
    struct stat sb;
    if (lstat(o->tmp, &sb) != 0 || sb.st_dev != o->dev || sb.st_ino != o->ino)
        return fail(o, EEXIST, err); /* someone swapped the temporary's name */
    FILE *fp = o->fp;
    o->fp = NULL;
    if (fclose(fp) != 0) {
        int e = errno;
        o->fp = NULL;
        unlink(o->tmp);
        track(o->tmp, 0);
        o->open = 0;
        return ud_err_set(err, UD_ERR_IO, T("写入 %s 时出错：%s；没有留下文件", "error writing %s: %s; no file was left"),
                          o->path, ud_strerror(e));
    }
    if (rename(o->tmp, o->path) != 0) {
        int e = errno;
        unlink(o->tmp);
        track(o->tmp, 0);
        o->open = 0;
        return ud_err_set(err, UD_ERR_IO, T("写入 %s 时出错：%s；没有留下文件", "error writing %s: %s; no file was left"),
                          o->path, ud_strerror(e));
    }
    track(o->tmp, 0);
    o->open = 0;
    /* the rename itself survives a crash only once the directory is synced */
    int dfd = open(o->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
    return UD_OK;
}

void ud_out_abort(struct ud_outfile *o)
{
    if (!o->open)
        return;
    if (o->fp)
        fclose(o->fp);
    o->fp = NULL;
    unlink(o->tmp);
    track(o->tmp, 0);
    o->open = 0;
}
