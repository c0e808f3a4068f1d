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

/* The open database: the name it was opened by (directory resolved) and
 * the file itself (a link to it resolved), where SQLite keeps -wal/-shm. */
static char protected_db[PATH_MAX + 8], protected_real[PATH_MAX + 8];

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
    char real[PATH_MAX];
    if (db_path && realpath(db_path, real))
        snprintf(protected_real, sizeof protected_real, "%s", real);
    else
        snprintf(protected_real, sizeof protected_real, "%s", protected_db);
}

/* The database, its -wal/-shm/-journal, or one of its backups
 * (PATH.vN-….bak, written before a migration). */
static int is_named_like(const char *canon, const char *db)
{
    size_t n = strlen(db);
    if (!n || strncmp(canon, db, n) != 0)
        return 0;
    const char *rest = canon + n;
    if (!*rest || !strcmp(rest, "-wal") || !strcmp(rest, "-shm") || !strcmp(rest, "-journal"))
        return 1;
    size_t r = strlen(rest);
    return rest[0] == '.' && rest[1] == 'v' && r > 4 && strcmp(rest + r - 4, ".bak") == 0;
}

static int is_database_file(const char *canon)
{
    return is_named_like(canon, protected_db) || is_named_like(canon, protected_real);
}

/* By inode too: a hard link or a bind mount gives the database, or its
 * live -wal and -shm, another name. */
static int same_file_as_database(const char *path)
{
    static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
    struct stat a, b;
    if (!protected_real[0] || stat(path, &a) != 0)
        return 0;
    for (int i = 0; i < 4; i++) {
        char f[PATH_MAX + 16];
        snprintf(f, sizeof f, "%s%s", protected_real, suffixes[i]);
        if (stat(f, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino)
            return 1;
    }
    return 0;
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
        /* a link is never replaced either: /dev/stdout is one */
        if (S_ISLNK(sb.st_mode))
            return ud_err_set(err, UD_ERR_CANTCREAT,
                              T("%s 是符号链接，不会写入或替换它；请换一个文件名", "%s is a symbolic link; it is neither "
                                                                                  "written through nor replaced; choose "
                                                                                  "another name"),
                              path);
        if (!(flags & UD_OUT_FORCE))
            return ud_err_set(err, UD_ERR_CANTCREAT,
                              T("%s 已存在，不覆盖；要替换它请加 --force", "%s exists; not overwriting it (--force replaces it)"),
                              path);
        if (!S_ISREG(sb.st_mode))
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

/* A temporary with no name (O_TMPFILE): killed at any moment, nothing is
 * left behind; it gets its name only when complete. 0 when the file system
 * cannot do that. */
static int open_unnamed(struct ud_outfile *o)
{
#ifdef O_TMPFILE
    int fd = open(o->dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0)
        return -1;
    snprintf(o->byfd, sizeof o->byfd, "/proc/self/fd/%d", fd);
    if (access(o->byfd, F_OK) != 0) { /* no /proc: it could never be linked */
        close(fd);
        return -1;
    }
    o->unnamed = 1;
    o->tmp[0] = '\0';
    return fd;
#else
    (void)o;
    return -1;
#endif
}

static int open_named(struct ud_outfile *o, const char *base, struct ud_err *err)
{
    int n = snprintf(o->tmp, sizeof o->tmp, "%s/.%s.XXXXXX", o->dir, base);
    if (n < 0 || (size_t)n >= sizeof o->tmp) {
        ud_err_set(err, UD_ERR_CANTCREAT, T("无法创建 %s：文件名太长", "cannot create %s: name too long"), o->path);
        return -1;
    }
    /* mkostemp: O_CREAT|O_EXCL, mode 0600, never through a link */
    int fd = mkostemp(o->tmp, O_CLOEXEC);
    if (fd < 0) {
        ud_err_set(err, errno == ENOSPC || errno == EDQUOT || errno == EIO ? UD_ERR_IO : UD_ERR_CANTCREAT,
                   T("无法创建 %s：%s", "cannot create %s: %s"), o->path, ud_strerror(errno));
        return -1;
    }
    snprintf(o->byfd, sizeof o->byfd, "/proc/self/fd/%d", fd);
    if (access(o->byfd, F_OK) != 0)
        snprintf(o->byfd, sizeof o->byfd, "%.63s", o->tmp); /* no /proc: the name it is */
    track(o->tmp, 1);
    return fd;
}

int ud_out_open(struct ud_outfile *o, const char *path, unsigned flags, struct ud_err *err)
{
    memset(o, 0, sizeof *o);
    if (ud_out_check(path, flags, err) != UD_OK)
        return err->status;
    const char *base;
    snprintf(o->path, sizeof o->path, "%s", path);
    split_path(path, o->dir, sizeof o->dir, &base);
    o->flags = flags;
    int fd = (flags & UD_OUT_NAMED) ? -1 : open_unnamed(o);
    if (fd < 0 && (fd = open_named(o, base, err)) < 0)
        return err->status;
    struct stat sb;
    if (fstat(fd, &sb) != 0 || !(o->fp = fdopen(fd, "w"))) {
        int e = errno;
        close(fd);
        if (!o->unnamed) {
            unlink(o->tmp);
            track(o->tmp, 0);
        }
        return ud_err_set(err, UD_ERR_CANTCREAT, T("无法创建 %s：%s", "cannot create %s: %s"), path, ud_strerror(e));
    }
    o->dev = sb.st_dev;
    o->ino = sb.st_ino;
    o->open = 1;
    return UD_OK;
}

/* Gives the finished temporary its final name. Without UD_OUT_FORCE by
 * link(), which fails when a file appeared under the name meanwhile
 * (rename would silently replace it). */
static int put_in_place(struct ud_outfile *o)
{
    if (o->unnamed) {
        if (!(o->flags & UD_OUT_FORCE))
            return linkat(AT_FDCWD, o->byfd, AT_FDCWD, o->path, AT_SYMLINK_FOLLOW);
        /* replacing: a name of its own first, then the atomic rename */
        for (int i = 0; i < 100; i++) {
            snprintf(o->tmp, sizeof o->tmp, "%s/.uniondesk-%ld-%d.tmp", o->dir, (long)getpid(), i);
            if (linkat(AT_FDCWD, o->byfd, AT_FDCWD, o->tmp, AT_SYMLINK_FOLLOW) == 0)
                break;
            if (errno != EEXIST)
                return -1;
        }
        if (rename(o->tmp, o->path) != 0) {
            int e = errno;
            unlink(o->tmp);
            errno = e;
            return -1;
        }
        return 0;
    }
    if (o->flags & UD_OUT_FORCE)
        return rename(o->tmp, o->path);
    if (link(o->tmp, o->path) != 0)
        return -1;
    unlink(o->tmp);
    return 0;
}

static void drop_temporary(struct ud_outfile *o)
{
    if (!o->unnamed) {
        unlink(o->tmp);
        track(o->tmp, 0);
    }
    o->open = 0;
}

static int write_error(const struct ud_outfile *o, int e, struct ud_err *err)
{
    return ud_err_set(err, UD_ERR_IO, T("写入 %s 时出错：%s；没有留下文件", "error writing %s: %s; no file was left"),
                      o->path, ud_strerror(e));
}

static int fail(struct ud_outfile *o, int e, struct ud_err *err)
{
    ud_out_abort(o);
    return write_error(o, e, err);
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
    if (!o->unnamed && (lstat(o->tmp, &sb) != 0 || sb.st_dev != o->dev || sb.st_ino != o->ino))
        return fail(o, EEXIST, err); /* someone swapped the temporary's name */
    int placed = put_in_place(o), e = errno;
    FILE *fp = o->fp;
    o->fp = NULL;
    int closed = fclose(fp);
    if (placed != 0) {
        drop_temporary(o);
        if (e == EEXIST)
            return ud_err_set(err, UD_ERR_CANTCREAT,
                              T("%s 在写入期间出现了同名文件，未覆盖它；没有留下新文件",
                                "%s appeared while it was being written; it was not replaced and no new file was left"),
                              o->path);
        return write_error(o, e, err);
    }
    if (!o->unnamed)
        track(o->tmp, 0);
    o->open = 0;
    if (closed != 0) { /* in place already, and synced: say so rather than hide it */
        return ud_err_set(err, UD_ERR_IO, T("写入 %s 时出错：%s", "error writing %s: %s"), o->path,
                          ud_strerror(errno));
    }
    /* the new name survives a crash only once the directory is synced */
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
    drop_temporary(o);
}
