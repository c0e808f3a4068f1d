/* The database file before SQLite sees it: empty, not a database, cut
 * short — each refused by name (exit 74) instead of being "opened" as a
 * fresh database or failing later with a puzzling message; and the -wal /
 * -shm files a read-only open may have left unwritable. */
#include "uniondesk/dbfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "uniondesk/i18n.h"

static uint32_t be16(const unsigned char *p) { return (uint32_t)p[0] << 8 | p[1]; }
static uint32_t be32(const unsigned char *p) { return be16(p) << 16 | be16(p + 2); }

enum ud_dbfile_state ud_dbfile_inspect(const char *path, struct ud_dbfile_info *info)
{
    memset(info, 0, sizeof *info);
    struct stat sb;
    if (stat(path, &sb) != 0)
        return info->state = UD_DBFILE_MISSING;
    info->size = (int64_t)sb.st_size;
    if (!S_ISREG(sb.st_mode))
        return info->state = UD_DBFILE_NOT_DB;
    if (sb.st_size == 0)
        return info->state = UD_DBFILE_EMPTY;
    unsigned char h[100];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return info->state = UD_DBFILE_UNREADABLE;
    ssize_t n = read(fd, h, sizeof h);
    close(fd);
    if (n < (ssize_t)sizeof h || memcmp(h, "SQLite format 3", 16) != 0)
        return info->state = UD_DBFILE_NOT_DB;
    uint32_t page = be16(h + 16);
    if (page == 1)
        page = 65536;
    if (page < 512 || (page & (page - 1)) != 0)
        return info->state = UD_DBFILE_NOT_DB;
    info->page_size = page;
    /* the page count in the header is valid when the change counter beside
     * it matches the one at offset 92 (SQLite's file format, section 1.3.7) */
    /* With a -wal holding pages, the newest of them (and a checkpoint cut
     * short) live there, and the main file may be shorter than its header
     * says: SQLite completes it. Only a file without one is measured. */
    char wal[1100];
    struct stat ws;
    snprintf(wal, sizeof wal, "%s-wal", path);
    if (stat(wal, &ws) == 0 && ws.st_size > 0)
        return info->state = UD_DBFILE_OK;
    uint32_t pages = be32(h + 28);
    if (pages > 0 && be32(h + 24) == be32(h + 92)) {
        info->expected = (int64_t)pages * page;
        if (info->size < info->expected)
            return info->state = UD_DBFILE_TRUNCATED;
    }
    if (info->size % page != 0)
        return info->state = UD_DBFILE_TRUNCATED;
    return info->state = UD_DBFILE_OK;
}

int ud_dbfile_refuse(const char *path, const struct ud_dbfile_info *info, struct ud_err *err)
{
    switch (info->state) {
    case UD_DBFILE_EMPTY:
        return ud_err_set(err, UD_ERR_IO,
                          T("%s 是空文件，不是 uniondesk 数据库；未做任何修改（只有 uniondesk init 会创建数据库）",
                            "%s is an empty file, not a uniondesk database; nothing was changed (only uniondesk init "
                            "creates a database)"),
                          path);
    case UD_DBFILE_NOT_DB:
        return ud_err_set(err, UD_ERR_IO,
                          T("%s 不是 SQLite 数据库（文件头不对，可能已被覆盖）；未做任何修改，请用备份恢复",
                            "%s is not an SQLite database (its header is wrong: overwritten?); nothing was changed; "
                            "restore a backup"),
                          path);
    case UD_DBFILE_TRUNCATED:
        return ud_err_set(err, UD_ERR_IO,
                          T("数据库 %s 被截断：文件只有 %lld 字节，应有 %lld 字节；未做任何修改，请用备份恢复",
                            "database %s is truncated: the file has %lld bytes of %lld; nothing was changed; "
                            "restore a backup"),
                          path, (long long)info->size,
                          (long long)(info->expected > info->size ? info->expected
                                                                  : info->size - info->size % (int64_t)info->page_size +
                                                                        (int64_t)info->page_size));
    case UD_DBFILE_UNREADABLE:
        return ud_err_set(err, UD_ERR_NOINPUT, T("无法读取数据库 %s：%s", "cannot read database %s: %s"), path,
                          ud_strerror(errno));
    default:
        return UD_OK;
    }
}

int ud_dbfile_fix_side_files(const char *path, struct ud_err *err)
{
    struct stat db;
    if (stat(path, &db) != 0)
        return UD_OK;
    static const char *const suffixes[] = {"-wal", "-shm"};
    for (int i = 0; i < 2; i++) {
        char side[1100];
        snprintf(side, sizeof side, "%s%s", path, suffixes[i]);
        struct stat sb;
        /* effective ids: run setgid, the group's files are writable */
        if (lstat(side, &sb) != 0 || faccessat(AT_FDCWD, side, W_OK, AT_EACCESS) == 0)
            continue;
        if (!S_ISREG(sb.st_mode))
            return ud_err_set(err, UD_ERR_PERM, T("%s 不是普通文件；请管理员检查数据库目录",
                                                  "%s is not a regular file; ask the administrator to check the "
                                                  "database directory"),
                              side);
        /* left read-only by a read-only open: ours to fix when we own it;
         * the file's content is SQLite's and stays as it is */
        if (sb.st_uid == geteuid() && chmod(side, (db.st_mode & 0666) | S_IRUSR | S_IWUSR) == 0)
            continue;
        return ud_err_set(err, UD_ERR_PERM,
                          T("%s 只读（可能是有人以只读方式打开数据库时留下的），数据库因此无法写入；"
                            "请其所有者（uid %d）或管理员执行：chmod %o %s",
                            "%s is read-only (left by someone who opened the database read-only), so the database "
                            "cannot be written; its owner (uid %d) or an administrator should run: chmod %o %s"),
                          side, (int)sb.st_uid, (unsigned)(db.st_mode & 0666), side);
    }
    return UD_OK;
}

int ud_dbfile_side_files_absent(const char *path)
{
    char side[1100];
    struct stat sb;
    snprintf(side, sizeof side, "%s-wal", path);
    if (lstat(side, &sb) == 0)
        return 0;
    snprintf(side, sizeof side, "%s-shm", path);
    return lstat(side, &sb) != 0;
}
