/* A shim SQLite VFS for the tests only, the way SQLite tests itself: it
 * wraps the default (unix) VFS and fails the Nth write, sync or truncate
 * with a chosen error, once (a transient I/O error) or from then on (a
 * full disk). Registered as the default VFS before any database is
 * opened, it sees every file: the database, its -wal and -journal files,
 * backups. */
#ifndef UD_FAULTVFS_H
#define UD_FAULTVFS_H

enum fv_op { FV_WRITE, FV_SYNC, FV_TRUNCATE, FV_NOPS };

/* Registers the shim as the default VFS (once; later calls do nothing).
 * Returns an SQLite result code. */
int fv_register(void);
/* From now on, the nth (1-based) call of op fails with rc (e.g. SQLITE_FULL,
 * SQLITE_IOERR_WRITE); persistent: every later call of op fails too.
 * Resets the counts. */
void fv_arm(enum fv_op op, int nth, int rc, int persistent);
/* No more faults (the counts stay readable). */
void fv_disarm(void);
/* Calls of op since the last fv_arm, and faults injected since then. */
int fv_calls(enum fv_op op);
int fv_injected(void);

#endif
