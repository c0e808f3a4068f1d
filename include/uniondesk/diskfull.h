/* Which disk is full. SQLite reports SQLITE_FULL both when the database's
 * file system is full and when its temporary directory is (big sorts,
 * VACUUM, a migration's temporary tables); telling the two apart sends
 * the person to free space in the right place. Core only. */
#ifndef UD_DISKFULL_H
#define UD_DISKFULL_H

#include <stddef.h>

/* 1 when SQLite's temporary directory (the first usable of $SQLITE_TMPDIR,
 * $TMPDIR, /var/tmp, /usr/tmp, /tmp, as SQLite picks it) lies on another
 * file system than db_path's and has less room than it: the likelier
 * culprit. dir receives that directory (empty when none). */
int ud_diskfull_tmpdir(const char *db_path, char *dir, size_t n);

/* 1 when the file system holding db_path has no room left (under 64 KiB
 * for unprivileged writes): an I/O error opening the database there is
 * the full disk (its -wal/-shm cannot grow), not damage. */
int ud_diskfull_db(const char *db_path);
/* The error for opening db_path on a full disk: nothing changed, free
 * space and retry; never "restore a backup". UD_ERR_IO. */
struct ud_err;
int ud_diskfull_open_error(const char *db_path, struct ud_err *err);

#endif
