/* Which disk is full: the database's or SQLite's temporary directory's
 * (see diskfull.h). Looked at only after SQLITE_FULL, so cost is no issue. */
#include "uniondesk/diskfull.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

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

int ud_diskfull_tmpdir(const char *db_path, char *dir, size_t n)
{
    const char *tmp = sqlite_tmpdir();
    ud_strlcpy(dir, n, tmp);
    /* the database's directory: its file may be what could not grow */
    char db_dir[4096];
    ud_strlcpy(db_dir, sizeof db_dir, db_path && *db_path ? db_path : ".");
    char *slash = strrchr(db_dir, '/');
    if (!slash)
        ud_strlcpy(db_dir, sizeof db_dir, ".");
    else if (slash == db_dir)
        db_dir[1] = '\0';
    else
        *slash = '\0';
    dev_t d_db, d_tmp;
    unsigned long long a_db, a_tmp;
    if (room(db_dir, &d_db, &a_db) != 0 || room(tmp, &d_tmp, &a_tmp) != 0)
        return 0;
    return d_db != d_tmp && a_tmp < a_db;
}
