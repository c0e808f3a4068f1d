/* Running setgid `uniondesk` (an office install made by `setup-host`, see
 * DESIGN.md "Trust"): the group's rights are held only while the database
 * is opened, migrated or closed; every other file (exports, reports,
 * backups, CSV input, logs) is opened as the user. A binary that is not
 * setgid (a developer's checkout, the demo) changes nothing here. */
#ifndef UD_PRIVILEGE_H
#define UD_PRIVILEGE_H

#include "err.h"

#define UD_GROUP "uniondesk"
#ifndef UD_CONF_PATH
#define UD_CONF_PATH "/etc/uniondesk.conf"
#endif

/* First thing in main. When the effective group differs from the real
 * one: remember it, clean the environment (SQLITE_*, LD_*, a TMPDIR that
 * is not an existing absolute directory, debug hooks that open files),
 * make the process non-dumpable and give the group up. Returns 0, or -1
 * when the group cannot be given up (the caller says so and stops). */
int ud_priv_init(void);
/* 1 when this run is setgid (the group was held at start). */
int ud_priv_setgid(void);
/* Takes the group back / gives it up again; calls nest. A failure to give
 * it up ends the program (exit 70, after a ud_notice): nothing may run
 * with it by mistake. */
void ud_priv_raise(void);
void ud_priv_drop(void);
/* Root's setup-host: stop being setgid for this run (root needs no group). */
void ud_priv_forget(void);

/* When setgid and neither --db nor $UNIONDESK_DB was given: the database
 * named in UD_CONF_PATH ("db = PATH"; the file must be root's and not
 * writable by others; another is ignored with a ud_notice), else NULL. */
const char *ud_priv_conf_db(void);
/* When setgid: the database must be an existing regular file of the group
 * in a directory of the group, so that a file the user made is never
 * opened with the group's rights (UD_ERR_PERM). Fills `real` (size n) with
 * the resolved path to open. When not setgid: copies path. */
int ud_priv_check_db(const char *path, char *real, unsigned long n, struct ud_err *err);

#endif
