/* Files written for a user (reports, exports, backups): whole or absent.
 *
 * The data goes to a temporary file in the target's directory (mode 0600,
 * so no other user of the host reads it meanwhile): unnamed (O_TMPFILE)
 * where the file system allows, so that even kill -9 leaves nothing, else
 * made with O_EXCL under a hidden name. It is flushed and fsync'ed, and
 * only then linked (or, with UD_OUT_FORCE, renamed) onto the final name;
 * any failure removes it. Never through a symlink (a rename replaces a link, it
 * does not follow it), never onto the database or its -wal/-shm/-journal
 * and backup files (UD_ERR_CANTCREAT, exit 73), and an existing file only
 * with UD_OUT_FORCE. Write errors are UD_ERR_IO (exit 74), naming the file. */
#ifndef UD_OUTFILE_H
#define UD_OUTFILE_H

#include <stdio.h>
#include <sys/types.h>

#include "uniondesk/err.h"

enum ud_out_flags {
    UD_OUT_FORCE = 1,  /* replace an existing file (never the database's) */
    UD_OUT_DB_SIDE = 2, /* core only: a file kept beside the database (the
                         * backup before a migration), exempt from the
                         * database-name check */
    UD_OUT_NAMED = 4    /* the temporary needs a name (SQLite opens it by
                         * name); otherwise it has none until complete */
};

struct ud_outfile {
    char path[1024]; /* the final name, as the user gave it */
    char dir[1024];  /* its directory: temporary files of writers go there too */
    char tmp[1200];  /* the temporary name while writing */
    char byfd[64];   /* "/proc/self/fd/N": the temporary by descriptor, for
                      * writers that open by name (libxlsxwriter), so that no
                      * one can swap the name under them */
    FILE *fp;        /* stdio over the temporary */
    unsigned flags;
    int unnamed;     /* O_TMPFILE: no name until ud_out_commit links it */
    dev_t dev;
    ino_t ino;
    int open;
};

/* Tells the output layer which database is open: its file and the files
 * next to it are never an output. */
void ud_out_protect(const char *db_path);

/* Checks that `path` may be written (see above) without creating anything. */
int ud_out_check(const char *path, unsigned flags, struct ud_err *err);

/* Creates the temporary; o->fp is ready for writing. */
int ud_out_open(struct ud_outfile *o, const char *path, unsigned flags, struct ud_err *err);

/* Flushes, syncs and closes the temporary, checks that it is still the
 * file created, renames it into place and syncs the directory. On any
 * failure the temporary is removed and nothing is left. */
int ud_out_commit(struct ud_outfile *o, struct ud_err *err);

/* Gives up: the temporary is removed. Safe to call twice, or after commit. */
void ud_out_abort(struct ud_outfile *o);

/* The temporary currently being written, for a signal handler that must
 * remove it (async-signal-safe: unlink only). */
void ud_out_abort_all_signal(void);

#endif
