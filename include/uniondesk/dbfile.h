/* The database file as bytes, before SQLite opens it: refusing an empty,
 * foreign or truncated file by name (exit 74) rather than "opening" it as
 * a new database, and repairing the mode of -wal/-shm files that a
 * read-only open left behind. Core only. */
#ifndef UD_DBFILE_H
#define UD_DBFILE_H

#include <stdint.h>

#include "uniondesk/err.h"

enum ud_dbfile_state {
    UD_DBFILE_OK,
    UD_DBFILE_MISSING,
    UD_DBFILE_EMPTY,      /* 0 bytes */
    UD_DBFILE_NOT_DB,     /* no SQLite header: another file, or page 1 overwritten */
    UD_DBFILE_TRUNCATED,  /* shorter than its header says, or not whole pages */
    UD_DBFILE_UNREADABLE
};

struct ud_dbfile_info {
    enum ud_dbfile_state state;
    int64_t size, expected; /* bytes: the file's, and its header's page count × page size */
    uint32_t page_size;
};

enum ud_dbfile_state ud_dbfile_inspect(const char *path, struct ud_dbfile_info *info);
/* UD_OK for a usable file; otherwise the error naming path and the fault. */
int ud_dbfile_refuse(const char *path, const struct ud_dbfile_info *info, struct ud_err *err);
/* Makes our own read-only -wal/-shm writable again; another user's is an
 * error (UD_ERR_PERM) saying who must do what. */
int ud_dbfile_fix_side_files(const char *path, struct ud_err *err);
/* 1 when neither -wal nor -shm exists (no connection has the file open). */
int ud_dbfile_side_files_absent(const char *path);

#endif
