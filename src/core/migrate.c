#include "migrate_int.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "uniondesk/diskfull.h"
#include "uniondesk/i18n.h"
#include "uniondesk/privilege.h"
#include "db_int.h"

void ud_migration_checksum(const char *sql, char out[17])
{
    uint64_t h = 1469598103934665603ULL; /* not FNV's basis; see migrate.h */
    for (const unsigned char *p = (const unsigned char *)sql; *p; p++) {
        h ^= *p;
        h *= 1099511628211ULL;
    }
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

int ud_migrate_latest(void)
{
    return ud_migration_count ? ud_migrations[ud_migration_count - 1].version : 0;
}

static int has_table(sqlite3 *h, const char *name)
{
    sqlite3_stmt *st;
    int found = 0;
    if (sqlite3_prepare_v2(h, "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?1", -1, &st,
                           NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    found = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return found;
}

static int sql_fail(sqlite3 *h, struct ud_err *err, const char *what)
{
    int rc = sqlite3_errcode(h) & 0xFF; /* extended codes may be on */
    enum ud_status st = (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) ? UD_ERR_BUSY
                        : (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT || rc == SQLITE_FULL ||
                           rc == SQLITE_IOERR || rc == SQLITE_CANTOPEN) ? UD_ERR_IO
                                                                          : UD_ERR_INTERNAL;
    const char *path = sqlite3_db_filename(h, "main");
    char tmp[4096];
    if (rc == SQLITE_FULL && ud_diskfull_tmpdir(path, tmp, sizeof tmp))
        return ud_err_set(err, st,
                          T("%s：临时目录 %s 所在磁盘已满（数据库 %s 所在磁盘还有空间）；"
                            "请清理该目录，或设 SQLITE_TMPDIR 指向空间足够的目录",
                            "%s: the disk of the temporary directory %s is full (the disk of the database %s has "
                            "room); free space there, or set SQLITE_TMPDIR to a directory with room"),
                          what, tmp, path ? path : "");
    if (rc == SQLITE_FULL)
        return ud_err_set(err, st, T("%s：磁盘已满，无法写入数据库 %s", "%s: the disk is full: cannot write the database %s"),
                          what, path ? path : "");
    if (st != UD_ERR_INTERNAL)
        return ud_err_set(err, st, T("%s：数据库 %s：%s", "%s: database %s: %s"), what, path ? path : "",
                          sqlite3_errmsg(h));
    return ud_err_set(err, st, "%s: %s", what, sqlite3_errmsg(h));
}

static int user_version(sqlite3 *h, int *v, struct ud_err *err)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
        return sql_fail(h, err, T("读取数据库版本失败", "cannot read the database version"));
    *v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_finalize(st);
    return UD_OK;
}

int ud_migrate_status(sqlite3 *h, struct ud_mig_status *out, int max, int *n, struct ud_err *err)
{
    *n = 0;
    int applied_max = 0;
    if (has_table(h, "schema_migrations")) {
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(h, "SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version",
                               -1, &st, NULL) != SQLITE_OK)
            return sql_fail(h, err, T("读取迁移记录失败", "cannot read the migration records"));
        while (sqlite3_step(st) == SQLITE_ROW && *n < max) {
            struct ud_mig_status *m = &out[(*n)++];
            m->version = sqlite3_column_int(st, 0);
            snprintf(m->name, sizeof m->name, "%s", (const char *)sqlite3_column_text(st, 1));
            snprintf(m->checksum, sizeof m->checksum, "%s", (const char *)sqlite3_column_text(st, 2));
            snprintf(m->applied_at, sizeof m->applied_at, "%s", (const char *)sqlite3_column_text(st, 3));
            m->state = UD_MIG_UNKNOWN;
            for (int i = 0; i < ud_migration_count; i++) {
                if (ud_migrations[i].version != m->version)
                    continue;
                char sum[17];
                ud_migration_checksum(ud_migrations[i].sql, sum);
                m->state = strcmp(sum, m->checksum) == 0 ? UD_MIG_APPLIED : UD_MIG_ALTERED;
            }
            if (m->version > applied_max)
                applied_max = m->version;
        }
        sqlite3_finalize(st);
    }
    for (int i = 0; i < ud_migration_count && *n < max; i++) {
        int seen = 0;
        for (int k = 0; k < *n; k++)
            if (out[k].version == ud_migrations[i].version)
                seen = 1;
        if (seen)
            continue;
        struct ud_mig_status *m = &out[(*n)++];
        m->version = ud_migrations[i].version;
        snprintf(m->name, sizeof m->name, "%s", ud_migrations[i].name);
        ud_migration_checksum(ud_migrations[i].sql, m->checksum);
        m->applied_at[0] = '\0';
        m->state = UD_MIG_PENDING;
    }
    return UD_OK;
}

int ud_migrate_current(sqlite3 *h, struct ud_err *err)
{
    int v = 0;
    if (user_version(h, &v, err) != UD_OK)
        return 0;
    return v;
}

static int check_snapshot(sqlite3 *h, struct ud_err *err);

/* The version and the migrations' records read in one read transaction:
 * read apart, another process's upgrade committed in between made the
 * file look recorded beyond its version (a fourth clerk opening an old
 * database at once failed with exit 65). */
int ud_migrate_check(sqlite3 *h, struct ud_err *err)
{
    int own = sqlite3_get_autocommit(h) && sqlite3_exec(h, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
    int st = check_snapshot(h, err);
    if (own)
        sqlite3_exec(h, "COMMIT", NULL, NULL, NULL);
    return st;
}

static int check_snapshot(sqlite3 *h, struct ud_err *err)
{
    int uv = 0;
    if (user_version(h, &uv, err) != UD_OK)
        return err->status;
    if (uv > ud_migrate_latest())
        return ud_err_set(err, UD_ERR_SCHEMA,
                          T("数据库版本 %d 高于本程序支持的版本 %d：请使用更新的 uniondesk；数据库未被修改",
                            "database version %d is newer than this program's %d: use a newer uniondesk; "
                            "the database was not changed"),
                          uv, ud_migrate_latest());
    struct ud_mig_status st[256];
    int n;
    if (ud_migrate_status(h, st, 256, &n, err) != UD_OK)
        return err->status;
    for (int i = 0; i < n; i++) {
        if (st[i].state == UD_MIG_ALTERED)
            return ud_err_set(err, UD_ERR_SCHEMA,
                              T("数据库已应用的迁移 %s 与本程序内置的不同（校验和 %s）：拒绝打开，数据库未被修改",
                                "applied migration %s differs from the one built into this program "
                                "(checksum %s): refusing to open; the database was not changed"),
                              st[i].name, st[i].checksum);
        if (st[i].state == UD_MIG_UNKNOWN)
            return ud_err_set(err, UD_ERR_SCHEMA,
                              T("数据库含有本程序不认识的迁移 %s：请使用更新的 uniondesk；数据库未被修改",
                                "the database has migration %s that this program does not know: use a "
                                "newer uniondesk; the database was not changed"),
                              st[i].name);
        if (st[i].state == UD_MIG_APPLIED && st[i].version > uv)
            return ud_err_set(err, UD_ERR_SCHEMA,
                              T("数据库记录已应用迁移 %s，但数据库版本只有 %d：拒绝打开，数据库未被修改",
                                "migration %s is recorded as applied but the database version is only %d: "
                                "refusing to open; the database was not changed"),
                              st[i].name, uv);
        if (st[i].state == UD_MIG_PENDING && st[i].version <= uv)
            return ud_err_set(err, UD_ERR_SCHEMA,
                              T("数据库版本为 %d，但缺少迁移 %s 的记录：拒绝打开",
                                "database version is %d but migration %s is not recorded: refusing to open"),
                              uv, st[i].name);
    }
    return UD_OK;
}

/* One migration, inside the upgrade's transaction. */
static int apply_one(sqlite3 *h, const struct ud_migration *m, struct ud_err *err)
{
    char what[200];
    snprintf(what, sizeof what, T("迁移 %s 失败", "migration %s failed"), m->name);
    if (sqlite3_exec(h,
                     "CREATE TABLE IF NOT EXISTS schema_migrations("
                     " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                     " checksum TEXT NOT NULL, applied_at TEXT NOT NULL)",
                     NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(h, m->sql, NULL, NULL, NULL) != SQLITE_OK)
        goto fail;
    sqlite3_stmt *st;
    char sum[17];
    ud_migration_checksum(m->sql, sum);
    if (sqlite3_prepare_v2(h,
                           "INSERT INTO schema_migrations(version, name, checksum, applied_at)"
                           " VALUES(?1, ?2, ?3, strftime('%Y-%m-%d %H:%M:%S','now','localtime'))",
                           -1, &st, NULL) != SQLITE_OK)
        goto fail;
    sqlite3_bind_int(st, 1, m->version);
    sqlite3_bind_text(st, 2, m->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, sum, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        goto fail;
    /* user_version is transactional: it moves with the migration */
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", m->version);
    if (sqlite3_exec(h, pragma, NULL, NULL, NULL) != SQLITE_OK)
        goto fail;
    return UD_OK;
fail:
    return sql_fail(h, err, what);
}

/* The whole upgrade is one transaction: a failure at any step (a full
 * disk in the third of three migrations) leaves the version it started at. */
static int upgrade_failed(sqlite3 *h, int from, struct ud_err *err)
{
    /* SQLite may have rolled back already (a full disk): then this does nothing */
    if (!sqlite3_get_autocommit(h))
        sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
    char done[160];
    snprintf(done, sizeof done,
             T("；本次升级已全部撤销，数据库仍为版本 %d", "; the whole upgrade was undone, the database stays at version %d"),
             from);
    size_t n = strlen(err->msg);
    if (n + strlen(done) < sizeof err->msg)
        memcpy(err->msg + n, done, strlen(done) + 1);
    return err->status;
}

static int migrate_up_locked(sqlite3 *h, int target, int *from, struct ud_err *err);

static int pragma_int(sqlite3 *h, const char *sql)
{
    sqlite3_stmt *st;
    int v = 0;
    if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            v = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
    }
    return v;
}

static int foreign_keys_on(sqlite3 *h)
{
    sqlite3_stmt *st;
    int on = 0;
    if (sqlite3_prepare_v2(h, "PRAGMA foreign_keys", -1, &st, NULL) == SQLITE_OK) {
        on = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
    }
    return on;
}

/* Foreign keys are off while the migrations run, as SQLite's procedure
 * for rebuilding a table says (0005 rebuilds case_events): else a row a
 * damaged database already holds (a timeline entry whose case was deleted
 * in the sqlite3 shell) fails the copy, and the database cannot be opened
 * at all, not even by check. Such rows are kept; check still names them.
 * The pragma is a no-op inside a transaction: it is set before BEGIN. */
int ud_migrate_up(sqlite3 *h, int target, struct ud_err *err)
{
    int from;
    return ud_migrate_up_from(h, target, &from, err);
}

int ud_migrate_up_from(sqlite3 *h, int target, int *from, struct ud_err *err)
{
    int fk = foreign_keys_on(h);
    if (fk)
        sqlite3_exec(h, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
    /* A migration that fills an index sorts the whole table (0004: 22
     * rows per member): in memory that grows with the district, so its
     * sort spills to a temporary file while it runs. */
    int temp_store = pragma_int(h, "PRAGMA temp_store");
    sqlite3_exec(h, "PRAGMA temp_store = FILE", NULL, NULL, NULL);
    *from = -1;
    int rc = migrate_up_locked(h, target, from, err);
    /* 0009 edits sqlite_schema under writable_schema: failing before its
     * own RESET it left the pragma on, and perhaps a schema read from the
     * text rolled back; RESET turns it off and rereads the file's */
    sqlite3_exec(h, "PRAGMA writable_schema = RESET", NULL, NULL, NULL);
    char restore[40];
    snprintf(restore, sizeof restore, "PRAGMA temp_store = %d", temp_store);
    sqlite3_exec(h, restore, NULL, NULL, NULL);
    if (fk)
        sqlite3_exec(h, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
    return rc;
}

static int migrate_up_locked(sqlite3 *h, int target, int *from_out, struct ud_err *err)
{
    if (ud_migrate_check(h, err) != UD_OK)
        return err->status;
    if (sqlite3_exec(h, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return sql_fail(h, err, T("无法开始升级", "cannot start the upgrade"));
    /* read under the lock: another process (a second init) may have
     * upgraded the file while we waited for it */
    int from = ud_migrate_current(h, err);
    *from_out = from;
    for (int i = 0; i < ud_migration_count; i++) {
        const struct ud_migration *m = &ud_migrations[i];
        if (m->version <= from)
            continue;
        if (target > 0 && m->version > target)
            break;
        if (apply_one(h, m, err) != UD_OK)
            return upgrade_failed(h, from, err);
    }
    if (sqlite3_exec(h, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        sql_fail(h, err, T("升级提交失败", "committing the upgrade failed"));
        return upgrade_failed(h, from, err);
    }
    return UD_OK;
}

int ud_migrate_status_file(const char *path, struct ud_mig_status *out, int max, int *n, struct ud_err *err)
{
    sqlite3 *h = NULL;
    *n = 0;
    char real[4096];
    if (ud_priv_check_db(path, real, sizeof real, err) != UD_OK)
        return err->status;
    ud_priv_raise(); /* run setgid: the office's database, with the group */
    int rc = sqlite3_open_v2(real, &h, SQLITE_OPEN_READONLY, NULL);
    if (rc != SQLITE_OK) {
        ud_err_set(err, UD_ERR_NOINPUT, T("无法打开数据库 %s：%s", "cannot open database %s: %s"), path,
                   h ? sqlite3_errmsg(h) : sqlite3_errstr(rc));
        sqlite3_close(h);
        ud_priv_drop();
        return err->status;
    }
    int st = ud_migrate_status(h, out, max, n, err);
    sqlite3_close(h);
    ud_priv_drop();
    return st;
}
