/* Which disk is full: the database's or SQLite's temporary directory's
 * (see diskfull.h). Looked at only after SQLITE_FULL, so cost is no issue. */
#include "uniondesk/diskfull.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "uniondesk/err.h"
#include "uniondesk/i18n.h"
#include "uniondesk/parse.h"

/* SQLite's unix VFS order (unixTempFileDir): the first directory that
 * exists and is writable and searchable */
static const char *sqlite_tmpdir(void)
{
    const char *cand[] = {getenv("SQLITE_TMPDIR"), getenv("TMPDIR"), "/var/tmp", "/usr/tmp", "/tmp"};
    for (size_t i = 0; i < sizeof cand / sizeof cand[0]; i++) {
        struct stat sb;
        if (cand[i] && *cand[i] && stat(cand[i], &sb) == 0 && S_ISDIR(sb.st_mode) &&
            access(cand[i], W_OK | X_OK) == 0)
            return cand[i];
    }
    return ".";
}

static int room(const char *path, dev_t *dev, unsigned long long *avail)
{
    struct stat sb;
    struct statvfs vfs;
    if (stat(path, &sb) != 0 || statvfs(path, &vfs) != 0)
        return -1;
    *dev = sb.st_dev;
    *avail = (unsigned long long)vfs.f_bavail * vfs.f_frsize;
    return 0;
}

/* the database's directory: its file may be what could not grow */
static void dir_of(const char *db_path, char *db_dir, size_t n)
{
    ud_strlcpy(db_dir, n, db_path && *db_path ? db_path : ".");
    char *slash = strrchr(db_dir, '/');
    if (!slash)
        ud_strlcpy(db_dir, n, ".");
    else if (slash == db_dir)
        db_dir[1] = '\0';
    else
        *slash = '\0';
}

int ud_diskfull_db(const char *db_path)
{
    char db_dir[4096];
    dir_of(db_path, db_dir, sizeof db_dir);
    dev_t dev;
    unsigned long long avail;
    return room(db_dir, &dev, &avail) == 0 && avail < 64 * 1024;
}

int ud_diskfull_open_error(const char *db_path, struct ud_err *err)
{
    return ud_err_set(err, UD_ERR_IO,
                      T("磁盘已满：无法打开数据库 %s（打开时要写它旁边的 -wal/-shm 文件）；未做任何修改。"
                        "请先腾出该磁盘的空间再试，不要用备份替换它",
                        "the disk is full: cannot open the database %s (opening writes its -wal/-shm files beside "
                        "it); nothing was changed. Free space on that disk and try again; do not replace it with a "
                        "backup"),
                      db_path);
}

int ud_diskfull_tmpdir(const char *db_path, char *dir, size_t n)
{
    const char *tmp = sqlite_tmpdir();
    ud_strlcpy(dir, n, tmp);
    char db_dir[4096];
    dir_of(db_path, db_dir, sizeof db_dir);
    dev_t d_db, d_tmp;
    unsigned long long a_db, a_tmp;
    if (room(db_dir, &d_db, &a_db) != 0 || room(tmp, &d_tmp, &a_tmp) != 0)
        return 0;
    return d_db != d_tmp && a_tmp < a_db;
}
