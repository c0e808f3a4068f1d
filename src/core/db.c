#include "db_int.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "uniondesk/dbfile.h"
#include "uniondesk/diskfull.h"
#include "uniondesk/i18n.h"
#include "migrate_int.h"
#include "uniondesk/outfile.h"
#include "uniondesk/parse.h"
#include "uniondesk/privilege.h"
#include "uniondesk/rules.h"
#include "uniondesk/utf8.h"

#define BUSY_TIMEOUT_MS 5000

static int backup_into(struct ud_db *db, const char *dest, unsigned flags, struct ud_err *err);

const char *ud_db_default_path(const char *explicit_path)
{
    if (explicit_path && *explicit_path)
        return explicit_path;
    const char *env = getenv("UNIONDESK_DB");
    if (env && *env)
        return env;
    /* an office install: setup-host recorded where the database is */
    const char *conf = ud_priv_conf_db();
    if (conf)
        return conf;
    return "db/uniondesk.db";
}

/* The account of the real user id, from the passwd database only: never
 * the effective id (a setgid or setuid binary) nor $USER, $LOGNAME or any
 * other variable a user can set. NULL when the uid has no passwd entry. */
const char *ud_os_login(void)
{
    static char name[64];
    struct passwd *pw = getpwuid(getuid());
    if (!pw || !pw->pw_name || !pw->pw_name[0] || strlen(pw->pw_name) >= sizeof name)
        return NULL;
    snprintf(name, sizeof name, "%s", pw->pw_name);
    return name;
}

int ud_os_login_check(struct ud_err *err)
{
    if (ud_os_login())
        return UD_OK;
    return ud_err_set(err, UD_ERR_PERM,
                      T("用户 ID %ld 在系统账户（passwd）中没有记录：拒绝运行",
                        "user id %ld has no entry in the system accounts (passwd): refused"),
                      (long)getuid());
}

/* SQL function ud_user(): the login of whoever holds this connection, so
 * that the audit triggers know who wrote. */
static void sql_ud_user(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    (void)argv;
    struct ud_db *db = sqlite3_user_data(ctx);
    sqlite3_result_text(ctx, db->login, -1, SQLITE_TRANSIENT);
}

/* SQL function ud_os_login(): the real OS account behind this connection
 * (db->login is the account acted as under --user). */
static void sql_ud_os_login(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    (void)argv;
    struct ud_db *db = sqlite3_user_data(ctx);
    sqlite3_result_text(ctx, db->os_login, -1, SQLITE_TRANSIENT);
}

/* SQL function ud_overdue(status, filed_on, as_of): see rules.h. */
static void sql_ud_overdue(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *status = (const char *)sqlite3_value_text(argv[0]);
    const char *filed = (const char *)sqlite3_value_text(argv[1]);
    const char *as_of = (const char *)sqlite3_value_text(argv[2]);
    sqlite3_result_int(ctx, ud_case_overdue(status, filed, as_of));
}

/* SQL function ud_indexed_upto(table), 0 members, 1 cases: the search
 * triggers index rows up to this id; the largest integer but in a bulk
 * load (db_int.h). */
static void sql_ud_indexed_upto(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    struct ud_db *db = sqlite3_user_data(ctx);
    int t = sqlite3_value_int(argv[0]);
    sqlite3_result_int64(ctx, db->bulk && (t == 0 || t == 1) ? db->indexed_upto[t] : INT64_MAX);
}

/* UNIONDESK_TRACE_SQL=FILE: every statement with its values and its time,
 * for the benchmarks (which run the same queries in the sqlite3 shell). */
static FILE *trace_file;

static int trace_sql(unsigned type, void *ctx, void *p, void *x)
{
    (void)ctx;
    if (type != SQLITE_TRACE_PROFILE || !trace_file)
        return 0;
    char *sql = sqlite3_expanded_sql((sqlite3_stmt *)p);
    if (sql) {
        fprintf(trace_file, "%lld\t", (long long)*(sqlite3_int64 *)x);
        for (const char *c = sql; *c; c++)
            fputc(*c == '\n' ? ' ' : *c, trace_file);
        fputc('\n', trace_file);
        sqlite3_free(sql);
    }
    return 0;
}

static void start_trace(struct ud_db *db)
{
    const char *path = getenv("UNIONDESK_TRACE_SQL");
    if (!path || !*path)
        return;
    if (!trace_file)
        trace_file = fopen(path, "a");
    if (trace_file)
        sqlite3_trace_v2(db->h, SQLITE_TRACE_PROFILE, trace_sql, NULL);
}

static int register_functions(struct ud_db *db)
{
    int rc = sqlite3_create_function_v2(db->h, "ud_user", 0, SQLITE_UTF8, db, sql_ud_user,
                                        NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(db->h, "ud_os_login", 0, SQLITE_UTF8, db, sql_ud_os_login,
                                        NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(db->h, "ud_overdue", 3,
                                        SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                                        sql_ud_overdue, NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(db->h, "ud_indexed_upto", 1, SQLITE_UTF8, db, sql_ud_indexed_upto,
                                        NULL, NULL, NULL);
    return rc;
}

/* ---- a transaction SQLite may have rolled back by itself ----
 * "Response To Errors Within A Transaction" (SQLite docs): after FULL,
 * IOERR, NOMEM or BUSY the whole transaction may be gone, and every later
 * statement would commit on its own. So: such an error marks the open
 * transaction lost (SQLite's rollback hook and sqlite3_get_autocommit()
 * catch the rest); a lost transaction takes no further statement, cannot
 * commit, and no commit happens while one is believed open but the one
 * ud_db_commit asks for. */

static int io_class(int rc)
{
    switch (rc & 0xFF) {
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_NOMEM:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_CANTOPEN:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return 1;
    default:
        return 0;
    }
}

int ud_status_is_io(int status)
{
    return status == UD_ERR_IO || status == UD_ERR_BUSY;
}

static int commit_hook(void *arg)
{
    struct ud_db *db = arg;
    if (db->txn_depth > 0 && !db->committing) {
        if (!db->lost)
            db->lost = SQLITE_ABORT;
        return 1; /* becomes a rollback */
    }
    return 0;
}

static void rollback_hook(void *arg)
{
    struct ud_db *db = arg;
    if (db->txn_depth > 0 && !db->rolling_back && !db->lost)
        db->lost = SQLITE_ABORT; /* the cause comes with the error, if any */
}

/* The error of a lost transaction (undone = 1) or of a failed statement
 * outside one: both wrote nothing. */
static int io_error(struct ud_db *db, int code, int undone, const char *detail, struct ud_err *err)
{
    const char *what = undone ? T("本次操作已全部撤销，没有写入任何数据", "the whole operation was undone, nothing was written")
                              : T("没有写入任何数据", "nothing was written");
    switch (code & 0xFF) {
    case SQLITE_FULL: {
        char tmp[4096];
        if (ud_diskfull_tmpdir(db->path, tmp, sizeof tmp))
            return ud_err_set(err, UD_ERR_IO,
                              T("临时目录 %s 所在磁盘已满（数据库 %s 所在磁盘还有空间）：%s；"
                                "请清理该目录，或设 SQLITE_TMPDIR 指向空间足够的目录",
                                "the disk of the temporary directory %s is full (the disk of the database %s has "
                                "room): %s; free space there, or set SQLITE_TMPDIR to a directory with room"),
                              tmp, db->path, what);
        return ud_err_set(err, UD_ERR_IO, T("磁盘已满：无法写入数据库 %s；%s", "the disk is full: cannot write the database %s; %s"),
                          db->path, what);
    }
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return ud_err_set(err, UD_ERR_BUSY,
                          T("数据库 %s 正忙（其他用户正在写入）：%s；请稍后再试",
                            "the database %s is busy (someone else is writing): %s; try again"),
                          db->path, what);
    case SQLITE_NOMEM:
        return ud_err_set(err, UD_ERR_INTERNAL, T("内存不足：数据库 %s %s", "out of memory: database %s, %s"), db->path, what);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return ud_err_set(err, UD_ERR_IO,
                          T("数据库文件 %s 损坏或不是数据库（%s）；%s", "the database file %s is damaged or not a database (%s); %s"),
                          db->path, detail, what);
    default:
        return ud_err_set(err, UD_ERR_IO, T("读写数据库 %s 出错（%s）；%s", "I/O error on the database %s (%s); %s"),
                          db->path, detail, what);
    }
}

int ud_db_lost(struct ud_db *db, struct ud_err *err)
{
    if (db->txn_depth <= 0)
        return 0;
    if (!db->lost && sqlite3_get_autocommit(db->h))
        db->lost = SQLITE_ABORT;
    if (!db->lost)
        return 0;
    io_error(db, db->lost, 1,
             db->lost == SQLITE_ABORT ? T("事务已被 SQLite 撤销", "SQLite rolled the transaction back")
                                      : sqlite3_errstr(db->lost),
             err);
    return 1;
}

int ud_db_error(struct ud_db *db, int rc, struct ud_err *err)
{
    if (db && db->h && db->txn_depth > 0) {
        /* nothing more runs in a transaction such an error has hit */
        if (io_class(rc) && (!db->lost || db->lost == SQLITE_ABORT))
            db->lost = rc & 0xFF;
        if (ud_db_lost(db, err))
            return err->status;
    }
    if (db && db->h && io_class(rc))
        return io_error(db, rc, 0, sqlite3_errmsg(db->h), err);
    const char *m = db && db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc);
    int ext = db && db->h ? sqlite3_extended_errcode(db->h) : rc;
    switch (rc & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return ud_err_set(err, UD_ERR_BUSY, "%s",
                          T("数据库正忙（其他用户正在写入），请稍后再试",
                            "the database is busy (someone else is writing); try again"));
    case SQLITE_READONLY:
        return ud_err_set(err, UD_ERR_PERM, "%s",
                          T("数据库为只读，不能修改", "the database is read-only"));
    case SQLITE_CONSTRAINT:
        if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY)
            return ud_err_set(err, UD_ERR_DUPLICATE, T("记录重复：%s", "duplicate record: %s"), m);
        if (ext == SQLITE_CONSTRAINT_FOREIGNKEY)
            return ud_err_set(err, UD_ERR_INVALID, "%s",
                              T("关联记录不存在，或该记录仍被其他记录引用",
                                "a referenced record does not exist, or this record is still referenced"));
        return ud_err_set(err, UD_ERR_INVALID, T("数据不符合约束：%s", "constraint failed: %s"), m);
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
        return ud_err_set(err, UD_ERR_IO, T("读写数据库出错：%s", "database I/O error: %s"), m);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return ud_err_set(err, UD_ERR_IO, T("数据库文件损坏或不是数据库：%s",
                                            "the database file is damaged or not a database: %s"), m);
    default:
        return ud_err_set(err, UD_ERR_INTERNAL, T("数据库错误：%s", "database error: %s"), m);
    }
}

int ud_db_exec(struct ud_db *db, const char *sql, struct ud_err *err)
{
    int rc = sqlite3_exec(db->h, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? UD_OK : ud_db_error(db, rc, err);
}

static int file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* With the effective ids: a setgid run writes through the group. */
static int writable(const char *path)
{
    if (faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) != 0)
        return 0;
    /* WAL and journal files live next to the database */
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    else
        snprintf(dir, sizeof dir, ".");
    return faccessat(AT_FDCWD, dir, W_OK, AT_EACCESS) == 0;
}

/* Reads the schema state with a read-only connection, so that a database
 * we must refuse is never written to. Returns the current version in *cur. */
/* Opens read-only. A WAL database needs its -shm file; when the directory
 * does not let us create it and no -wal file holds unfinished writes, the
 * file is read as immutable (nobody can be writing through this directory
 * without a -wal file). */
static int open_immutable(const char *path, sqlite3 **h)
{
    char *uri = sqlite3_mprintf("file:%s?immutable=1", path);
    if (!uri)
        return SQLITE_NOMEM;
    int rc = sqlite3_open_v2(uri, h, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    sqlite3_free(uri);
    if (*h)
        sqlite3_busy_timeout(*h, BUSY_TIMEOUT_MS);
    return rc;
}

static int open_readonly_as(const char *path, sqlite3 **h, int looking_only)
{
    /* No -wal or -shm: nobody has the file open. A plain read-only open
     * would create them, with the file's mode: read-only ones stop every
     * later writer, and a look at a file that may be refused must leave
     * nothing behind. */
    if ((looking_only || faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) != 0) && ud_dbfile_side_files_absent(path))
        return open_immutable(path, h);
    int rc = sqlite3_open_v2(path, h, SQLITE_OPEN_READONLY, NULL);
    /* before the first read: another user closing the database holds a
     * lock for a moment */
    if (*h)
        sqlite3_busy_timeout(*h, BUSY_TIMEOUT_MS);
    if (rc == SQLITE_OK && sqlite3_exec(*h, "PRAGMA user_version", NULL, NULL, NULL) == SQLITE_OK)
        return SQLITE_OK;
    char wal[1100];
    snprintf(wal, sizeof wal, "%s-wal", path);
    if (file_exists(wal))
        return rc != SQLITE_OK ? rc : sqlite3_errcode(*h);
    sqlite3_close(*h);
    *h = NULL;
    return open_immutable(path, h);
}

static int open_readonly(const char *path, sqlite3 **h)
{
    return open_readonly_as(path, h, 0);
}

static int damaged_error(const char *path, const char *detail, struct ud_err *err)
{
    return ud_err_set(err, UD_ERR_IO,
                      T("数据库 %s 已损坏：%s；未做任何修改，可运行 uniondesk check 查看，或用备份恢复",
                        "database %s is damaged: %s; nothing was changed; run uniondesk check to see more, "
                        "or restore a backup"),
                      path, detail);
}

/* Reads the whole schema (a damaged first page shows here, not as a
 * puzzling migration message): how many tables, and whether ours. Returns
 * SQLITE_DONE when it read back whole. */
static int read_schema(sqlite3 *h, int *tables, int *ours)
{
    sqlite3_stmt *q = NULL;
    *tables = *ours = 0;
    int rc = sqlite3_prepare_v2(h, "SELECT type, name, sql FROM sqlite_master", -1, &q, NULL);
    while (rc == SQLITE_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
        const char *type = (const char *)sqlite3_column_text(q, 0), *name = (const char *)sqlite3_column_text(q, 1);
        if (type && strcmp(type, "table") == 0 && name && strncmp(name, "sqlite_", 7) != 0) {
            (*tables)++;
            *ours |= strcmp(name, "schema_migrations") == 0;
        }
        rc = SQLITE_OK;
    }
    sqlite3_finalize(q);
    return rc;
}

static int precheck(const char *path, int adopt_empty, int *cur, struct ud_err *err)
{
    sqlite3 *h = NULL;
    int rc = open_readonly_as(path, &h, 1);
    if (rc != SQLITE_OK) {
        int damaged = (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_IOERR;
        int busy = (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED;
        const char *detail = h ? sqlite3_errmsg(h) : sqlite3_errstr(rc);
        if ((rc & 0xff) == SQLITE_IOERR && ud_diskfull_db(path))
            ud_diskfull_open_error(path, err);
        else if (damaged)
            damaged_error(path, detail, err);
        else
            ud_err_set(err, busy ? UD_ERR_BUSY : UD_ERR_NOINPUT, T("无法打开数据库 %s：%s", "cannot open database %s: %s"),
                       path, detail);
        sqlite3_close(h);
        return err->status;
    }
    sqlite3_busy_timeout(h, BUSY_TIMEOUT_MS);
    int tables, ours;
    if (read_schema(h, &tables, &ours) != SQLITE_DONE) {
        damaged_error(path, sqlite3_errmsg(h), err);
        sqlite3_close(h);
        return err->status;
    }
    /* another program's database, or an empty one: never given our schema
     * (only init adopts an empty database) */
    if (!ours && (tables > 0 || !adopt_empty)) {
        sqlite3_close(h);
        return ud_err_set(err, UD_ERR_IO,
                          tables ? T("%s 不是 uniondesk 数据库（是其他程序的 SQLite 数据库）；未做任何修改",
                                     "%s is not a uniondesk database (another program's SQLite database); nothing was "
                                     "changed")
                                 : T("%s 是空的 SQLite 数据库，不是 uniondesk 数据库；未做任何修改（只有 uniondesk init "
                                     "会创建数据库）",
                                     "%s is an empty SQLite database, not a uniondesk one; nothing was changed (only "
                                     "uniondesk init creates a database)"),
                          path);
    }
    int st = ud_migrate_check(h, err);
    if (st == UD_OK)
        *cur = ud_migrate_current(h, err);
    sqlite3_close(h);
    if (st == UD_OK && err->status != UD_OK)
        st = err->status;
    if (st != UD_OK && err->msg[0] && strstr(err->msg, path) == NULL)
        ud_err_prefix(err, path);
    return st;
}

static void backup_name(const char *path, int version, char *out, size_t outsz)
{
    char ts[32];
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(ts, sizeof ts, "%Y%m%d-%H%M%S", &tm);
    snprintf(out, outsz, "%s.v%d-%s.bak", path, version, ts);
    /* two upgrades in one second: keep both */
    for (int i = 2; file_exists(out) && i < 100; i++)
        snprintf(out, outsz, "%s.v%d-%s-%d.bak", path, version, ts, i);
}

static int open_with_group(struct ud_db **out, const char *path, int flags, struct ud_err *err);

/* SQLite syncs the directory after the first write to a new -wal file;
 * run setgid, that happens without the group and fails quietly. So the
 * directory is synced here, with the group, once the -wal exists. */
static void sync_dir(const char *path)
{
    char dir[sizeof ((struct ud_db *)0)->path];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash)
        return;
    *slash = '\0';
    int fd = open(dir[0] ? dir : "/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

/* Run setgid, the database is opened with the group's rights, and the
 * group is given up again before anything else happens. */
/* The program has one thread: SQLite's mutexes and its memory statistics
 * (a lock per malloc, per page fetched, per API call: 5% of an import)
 * buy nothing. Only before SQLite starts; later (a test that registered a
 * VFS first) it refuses, and the defaults stay. */
static void configure_sqlite(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int ud_db_open(struct ud_db **out, const char *path, int flags, struct ud_err *err)
{
    *out = NULL;
    configure_sqlite();
    if (ud_os_login_check(err) != UD_OK)
        return err->status;
    char real[sizeof ((struct ud_db *)0)->path];
    if (ud_priv_check_db(path, real, sizeof real, err) != UD_OK)
        return err->status;
    ud_priv_raise();
    int rc = open_with_group(out, ud_priv_setgid() ? real : path, flags, err);
    ud_priv_drop();
    return rc;
}

/* WAL, once per file (it persists). Two processes making a new file at
 * once (two inits) both switch it from the rollback journal: SQLite
 * answers one of them SQLITE_BUSY at once, without the busy timeout (to
 * avoid a deadlock), 2 times in 120 in tests/cli/test_migrate.sh. The
 * switch is retried for as long as the busy timeout would have waited. */
static int wal_mode(struct ud_db *db, struct ud_err *err)
{
    int rc;
    for (int waited = 0;; waited += 10) {
        rc = sqlite3_exec(db->h, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
        if ((rc & 0xff) != SQLITE_BUSY || waited >= BUSY_TIMEOUT_MS)
            break;
        sqlite3_sleep(10);
    }
    return rc == SQLITE_OK ? UD_OK : ud_db_error(db, rc, err);
}

static int open_with_group(struct ud_db **out, const char *path, int flags, struct ud_err *err)
{
    int exists = file_exists(path);
    if (!exists && !(flags & UD_OPEN_CREATE))
        return ud_err_set(err, UD_ERR_NOINPUT,
                          T("数据库 %s 不存在；请先运行 uniondesk init（或 make run）",
                            "database %s does not exist; run uniondesk init (or make run) first"),
                          path);
    /* a new database holds personal data from its first row: 0600 (the
     * host setup widens it to the group), created here so that SQLite does
     * not make it 0644; its -wal and -shm take the same mode */
    if (!exists) {
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd >= 0)
            close(fd);
        else if (errno == EEXIST)
            exists = 1; /* a second init made it meanwhile: open what it makes, as any existing file */
        else
            return ud_err_set(err, UD_ERR_CANTCREAT, T("无法创建数据库 %s：%s", "cannot create database %s: %s"), path,
                              ud_strerror(errno));
    }
    int cur = 0;
    struct ud_dbfile_info info;
    if (exists && ud_dbfile_inspect(path, &info) != UD_DBFILE_OK &&
        !(info.state == UD_DBFILE_EMPTY && (flags & UD_OPEN_ADOPT_EMPTY)) && ud_dbfile_refuse(path, &info, err) != UD_OK)
        return err->status;
    if (exists && writable(path) && !(flags & UD_OPEN_READONLY) && ud_dbfile_fix_side_files(path, err) != UD_OK)
        return err->status;
    if (exists && precheck(path, (flags & UD_OPEN_ADOPT_EMPTY) != 0, &cur, err) != UD_OK)
        return err->status;
    ud_out_protect(path);

    struct ud_db *db = calloc(1, sizeof *db);
    if (!db)
        return ud_err_nomem(err);
    snprintf(db->path, sizeof db->path, "%s", path);
    snprintf(db->login, sizeof db->login, "%s", ud_os_login());
    snprintf(db->os_login, sizeof db->os_login, "%s", db->login);
    db->readonly = (flags & UD_OPEN_READONLY) || (exists && !writable(path));
    int rc = db->readonly ? open_readonly(path, &db->h)
                          : sqlite3_open_v2(path, &db->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc != SQLITE_OK) {
        ud_err_set(err, exists ? UD_ERR_IO : UD_ERR_CANTCREAT,
                   T("无法打开数据库 %s：%s", "cannot open database %s: %s"), path,
                   db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc));
        ud_db_close(db);
        return err->status;
    }
    sqlite3_busy_timeout(db->h, BUSY_TIMEOUT_MS);
    sqlite3_extended_result_codes(db->h, 1);
    sqlite3_commit_hook(db->h, commit_hook, db);
    sqlite3_rollback_hook(db->h, rollback_hook, db);
    start_trace(db);
    if (register_functions(db) != SQLITE_OK ||
        ud_db_exec(db, "PRAGMA foreign_keys=ON", err) != UD_OK ||
        /* savepoint journals in memory: every module call inside an
         * import is a savepoint, and a file would take a write per page */
        ud_db_exec(db, "PRAGMA temp_store=MEMORY", err) != UD_OK ||
        /* a first read opens the -wal and -shm files while the group is held */
        ud_db_exec(db, "PRAGMA schema_version", err) != UD_OK) {
        ud_db_close(db);
        return err->status ? err->status : UD_ERR_INTERNAL;
    }
    if (!db->readonly && (wal_mode(db, err) != UD_OK || ud_db_exec(db, "PRAGMA synchronous=FULL", err) != UD_OK)) {
        ud_db_close(db);
        return err->status;
    }
    if (!db->readonly && ud_priv_setgid())
        sync_dir(path);
    if (!(flags & UD_OPEN_NO_MIGRATE) && cur < ud_migrate_latest()) {
        if (ud_priv_setgid()) {
            /* an office database changes its schema only by an admin's hand */
            ud_err_set(err, UD_ERR_PERM,
                       T("数据库 %s 需要升级：请管理员运行 uniondesk migrate up",
                         "database %s needs an upgrade: an admin runs uniondesk migrate up"),
                       path);
            ud_db_close(db);
            return err->status;
        }
        if (db->readonly) {
            ud_err_set(err, UD_ERR_PERM,
                       T("数据库 %s 需要升级，但文件只读", "database %s needs an upgrade but is read-only"),
                       path);
            ud_db_close(db);
            return err->status;
        }
        if (ud_db_migrate(db, 0, err) != UD_OK) {
            ud_db_close(db);
            return err->status;
        }
    }
    *out = db;
    return UD_OK;
}

static int migrate_with_group(struct ud_db *db, int target, struct ud_err *err);

/* Migration 0007 rewrote the audit log to a fraction of its size (at
 * scale 1, 398 of 757 MB down to 76 MB): the freed pages stay in the file
 * until VACUUM, which this runs once, right after that upgrade committed
 * (about 11 s at scale 1; it needs free space about the size of the
 * result); the upgrade's notice says so. VACUUM is all-or-nothing: if it
 * fails (a full disk, a reader holding the file), the upgraded database
 * is whole and only keeps its size, and a second notice says that. */
#define LEAN_AUDIT_VERSION 7
static void compact_after_lean_audit(struct ud_db *db)
{
    /* the copy VACUUM builds is a temporary database: on disk, not in
     * memory (ud_db_open's temp_store=MEMORY, put back after) */
    sqlite3_exec(db->h, "PRAGMA temp_store = FILE", NULL, NULL, NULL);
    int rc = sqlite3_exec(db->h, "VACUUM", NULL, NULL, NULL);
    /* the reason, before the next statement resets it ("not an error") */
    char why[200];
    ud_strlcpy(why, sizeof why, sqlite3_errmsg(db->h));
    sqlite3_exec(db->h, "PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        ud_notice(T("整理数据库文件未完成（%s）：升级已完成，数据完好；空出的空间留在文件中，供以后写入",
                    "compacting the database file did not finish (%s): the upgrade is done and the data whole; "
                    "the space freed stays in the file for later writes"),
                  why);
}

/* The backup beside the database is made with the group's rights. */
int ud_db_migrate(struct ud_db *db, int target, struct ud_err *err)
{
    ud_priv_raise();
    int rc = migrate_with_group(db, target, err);
    ud_priv_drop();
    return rc;
}

static int migrate_with_group(struct ud_db *db, int target, struct ud_err *err)
{
    int cur = ud_migrate_current(db->h, err);
    int to = target > 0 ? target : ud_migrate_latest();
    if (cur >= to)
        return UD_OK;
    char bak[1100] = "";
    if (cur > 0) {
        /* the office's records: a copy before the schema changes */
        int st;
        /* several processes opening an old file at once (clerks after an
         * update) each back it up first, under names from the same second:
         * one that finds its name taken while it wrote stops when another
         * has upgraded meanwhile (with its backup), else takes the next name */
        for (int tries = 0;; tries++) {
            backup_name(db->path, cur, bak, sizeof bak);
            st = backup_into(db, bak, UD_OUT_DB_SIDE | UD_OUT_NAMED, err);
            if (st == UD_OK || tries >= 5 || !file_exists(bak))
                break;
            struct ud_err now_err;
            ud_err_clear(&now_err);
            if (ud_migrate_current(db->h, &now_err) >= to) {
                ud_err_clear(err);
                return UD_OK;
            }
            ud_err_clear(err);
        }
        if (st != UD_OK) {
            char what[1300];
            snprintf(what, sizeof what,
                     T("数据库 %s 未升级（仍为版本 %d，没有改动）：升级前的备份 %s 失败",
                       "database %s not upgraded (still version %d, unchanged): the backup %s before it failed"),
                     db->path, cur, bak);
            ud_err_prefix(err, what);
            return err->status;
        }
        int lean = cur < LEAN_AUDIT_VERSION && to >= LEAN_AUDIT_VERSION;
        ud_notice(T("数据库由版本 %d 升级到 %d；原库已备份为 %s%s", "upgrading database from version %d to %d; backup in %s%s"),
                  cur, to, bak,
                  !lean ? ""
                        : T("；审计日志改为精简格式（内容不丢失），随后整理一次数据库文件以归还空间",
                            "; the audit log becomes lean (nothing of it is lost), then the file is compacted once to "
                            "give the space back"));
    }
    /* compacted only by the process that applied 0007: others that
     * found the file old and waited for the lock have nothing to give back */
    int from = -1;
    int rc = ud_migrate_up_from(db->h, target, &from, err);
    if (rc != UD_OK && bak[0] && !ud_status_is_io(rc)) {
        /* refused and rolled back, the file as it was: the backup is a
         * second copy of it, and every later command retries the upgrade
         * (each would leave another copy until the disk is full) */
        struct ud_err e;
        ud_err_clear(&e);
        if (ud_migrate_current(db->h, &e) == cur && unlink(bak) == 0)
            ud_notice(T("数据库未改动，升级前的备份 %s 已删除", "the database is unchanged: the backup %s was removed"),
                      bak);
    }
    if (rc == UD_OK && from > 0 && from < LEAN_AUDIT_VERSION && to >= LEAN_AUDIT_VERSION)
        compact_after_lean_audit(db);
    return rc;
}

void ud_db_close(struct ud_db *db)
{
    if (!db)
        return;
    for (int i = 0; i < UD_STMT_CACHE; i++)
        if (db->cache[i].stmt)
            sqlite3_finalize(db->cache[i].stmt);
    /* the last connection to close removes -wal and -shm: a write to the
     * directory, with the group's rights */
    ud_priv_raise();
    if (db->h)
        sqlite3_close(db->h);
    ud_priv_drop();
    free(db);
}

const char *ud_db_login(const struct ud_db *db)
{
    return db->login;
}

const char *ud_db_display_name(const struct ud_db *db)
{
    return db->display_name;
}

const char *ud_db_user_label(const struct ud_db *db)
{
    return db->display_name[0] ? db->display_name : db->login;
}

enum ud_role ud_db_role(const struct ud_db *db)
{
    return db->role;
}

int ud_db_readonly(const struct ud_db *db)
{
    return db->readonly;
}

void ud_db_set_all_or_nothing(struct ud_db *db, int on)
{
    db->all_or_nothing = on;
}

int ud_db_schema_version(struct ud_db *db, struct ud_err *err)
{
    return ud_migrate_current(db->h, err);
}

int ud_db_migrate_status(struct ud_db *db, struct ud_mig_status *out, int max, int *n, struct ud_err *err)
{
    return ud_migrate_status(db->h, out, max, n, err);
}

int ud_db_set_user(struct ud_db *db, const char *login, struct ud_err *err)
{
    if (login && *login && login != db->login) {
        char copy[sizeof db->login];
        snprintf(copy, sizeof copy, "%s", login);
        memcpy(db->login, copy, sizeof copy);
    }
    db->role = UD_ROLE_NONE;
    db->display_name[0] = '\0';
    sqlite3_stmt *st = ud_db_stmt(db, "SELECT role, display_name FROM users WHERE login = ?1 AND active = 1", err);
    if (!st)
        return err->status;
    ud_bind_text(st, 1, db->login);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        db->role = ud_role_from_code((const char *)sqlite3_column_text(st, 0));
        ud_col_text(st, 1, db->display_name, sizeof db->display_name);
    } else if (rc != SQLITE_DONE) {
        return ud_db_error(db, rc, err);
    }
    sqlite3_reset(st);
    return UD_OK;
}

int ud_db_act_as(struct ud_db *db, const char *login, struct ud_err *err)
{
    if (ud_db_set_user(db, db->os_login, err) != UD_OK)
        return err->status;
    if (!login || !*login || strcmp(login, db->login) == 0)
        return UD_OK;
    sqlite3_stmt *st = ud_db_stmt(db, "SELECT count(*) FROM users", err);
    if (!st)
        return err->status;
    int users = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_reset(st);
    /* acting as someone else is for admins (checking what a clerk sees);
     * before the first account exists, init names the first admin */
    if (users > 0 && db->role != UD_ROLE_ADMIN)
        return ud_err_set(err, UD_ERR_PERM,
                          T("只有管理员可以用 --user 以其他用户的身份操作（%s 不是管理员）",
                            "only admins may act as another user with --user (%s is not an admin)"),
                          db->login);
    return ud_db_set_user(db, login, err);
}

sqlite3_stmt *ud_db_stmt(struct ud_db *db, const char *sql, struct ud_err *err)
{
    if (db->txn_depth > 0 && (db->lost || sqlite3_get_autocommit(db->h)) && ud_db_lost(db, err))
        return NULL;
    size_t h = ((uintptr_t)sql >> 3) % UD_STMT_CACHE;
    for (size_t k = 0; k < UD_STMT_CACHE; k++) {
        struct ud_stmt_cache_entry *e = &db->cache[(h + k) % UD_STMT_CACHE];
        if (e->sql == sql) {
            sqlite3_reset(e->stmt);
            sqlite3_clear_bindings(e->stmt);
            return e->stmt;
        }
        if (!e->sql) {
            int rc = sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &e->stmt, NULL);
            if (rc != SQLITE_OK) {
                ud_db_error(db, rc, err);
                return NULL;
            }
            e->sql = sql;
            return e->stmt;
        }
    }
    ud_err_set(err, UD_ERR_INTERNAL, "statement cache full");
    return NULL;
}

int ud_db_begin(struct ud_db *db, struct ud_err *err)
{
    if (db->readonly && db->role == UD_ROLE_NONE)
        return ud_err_set(err, UD_ERR_PERM, "%s",
                          T("只读模式：没有账户，不能修改数据", "read-only: you have no account"));
    if (db->readonly)
        return ud_err_set(err, UD_ERR_PERM, "%s",
                          T("只读模式：数据库文件不可写", "read-only: the database file is not writable"));
    char sql[48];
    if (ud_db_lost(db, err))
        return err->status;
    if (db->txn_depth > 0 && db->all_or_nothing) {
        db->txn_depth++; /* no savepoint: a failure spoils the whole transaction anyway */
        return UD_OK;
    }
    if (db->txn_depth == 0) {
        snprintf(sql, sizeof sql, "BEGIN IMMEDIATE");
        db->spoiled = 0;
        db->lost = 0;
        db->bulk = 0;
        db->nknown_stats = 0;
    } else {
        snprintf(sql, sizeof sql, "SAVEPOINT sp%d", db->txn_depth);
    }
    int rc = sqlite3_exec(db->h, sql, NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return ud_db_error(db, rc, err);
    db->txn_depth++;
    return UD_OK;
}

int ud_db_commit(struct ud_db *db, struct ud_err *err)
{
    char sql[48];
    if (db->txn_depth <= 0)
        return ud_err_set(err, UD_ERR_INTERNAL, "commit without transaction");
    if (ud_db_lost(db, err)) {
        ud_db_rollback(db);
        return err->status;
    }
    if (db->txn_depth > 1 && db->all_or_nothing) {
        db->txn_depth--;
        return UD_OK;
    }
    if (db->txn_depth == 1 && db->bulk) {
        /* the new rows' search index was never written: not committed without it */
        ud_db_rollback(db);
        return ud_err_set(err, UD_ERR_INTERNAL, "%s",
                          T("批量写入未完成（检索索引未写入），已全部撤销",
                            "a bulk load was not finished (its search index not written): all of it was undone"));
    }
    if (db->txn_depth == 1 && db->spoiled) {
        ud_db_rollback(db);
        return ud_err_set(err, UD_ERR_INTERNAL, "%s",
                          T("事务中有一步失败，已全部撤销", "a step of the transaction failed: all of it was undone"));
    }
    if (db->txn_depth == 1)
        snprintf(sql, sizeof sql, "COMMIT");
    else
        snprintf(sql, sizeof sql, "RELEASE sp%d", db->txn_depth - 1);
    db->committing = db->txn_depth == 1;
    int rc = sqlite3_exec(db->h, sql, NULL, NULL, NULL);
    db->committing = 0;
    if (rc != SQLITE_OK) {
        ud_db_error(db, rc, err);
        ud_db_rollback(db);
        return err->status;
    }
    db->txn_depth--;
    return UD_OK;
}

void ud_db_rollback(struct ud_db *db)
{
    char sql[80];
    if (db->txn_depth <= 0)
        return;
    if (db->txn_depth > 1 && db->all_or_nothing) {
        /* nothing to roll back to: the outer transaction must not commit */
        db->spoiled = 1;
        db->txn_depth--;
        return;
    }
    if (db->txn_depth == 1)
        db->nknown_stats = 0; /* counted for rows now gone */
    if (sqlite3_get_autocommit(db->h)) {
        /* SQLite rolled it back already: a ROLLBACK TO would fail, and a
         * statement now would run outside any transaction */
        if (!db->lost)
            db->lost = SQLITE_ABORT;
    } else {
        if (db->txn_depth == 1)
            snprintf(sql, sizeof sql, "ROLLBACK");
        else
            snprintf(sql, sizeof sql, "ROLLBACK TO sp%d; RELEASE sp%d", db->txn_depth - 1,
                     db->txn_depth - 1);
        db->rolling_back = 1;
        sqlite3_exec(db->h, sql, NULL, NULL, NULL);
        db->rolling_back = 0;
    }
    db->txn_depth--;
    if (db->txn_depth == 0) {
        db->lost = 0;
        db->spoiled = 0;
        db->bulk = 0;
    }
}

int ud_bind_text(sqlite3_stmt *st, int i, const char *s)
{
    if (!s || !*s)
        return sqlite3_bind_null(st, i);
    return sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

int ud_bind_text_static(sqlite3_stmt *st, int i, const char *s)
{
    if (!s || !*s)
        return sqlite3_bind_null(st, i);
    return sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

int ud_bind_int(sqlite3_stmt *st, int i, int64_t v)
{
    return sqlite3_bind_int64(st, i, v);
}

int ud_bind_opt_int(sqlite3_stmt *st, int i, int64_t v)
{
    return v == UD_NULL_INT ? sqlite3_bind_null(st, i) : sqlite3_bind_int64(st, i, v);
}

void ud_col_text(sqlite3_stmt *st, int i, char *out, size_t outsz)
{
    const char *s = (const char *)sqlite3_column_text(st, i);
    if (outsz == 0)
        return;
    if (!s) {
        out[0] = '\0';
        return;
    }
    size_t n = (size_t)sqlite3_column_bytes(st, i);
    if (n < outsz) {
        memcpy(out, s, n + 1); /* every row of every list comes through here */
        return;
    }
    ud_strlcpy_utf8(out, outsz, s);
}

int64_t ud_col_opt_int(sqlite3_stmt *st, int i)
{
    return sqlite3_column_type(st, i) == SQLITE_NULL ? UD_NULL_INT : sqlite3_column_int64(st, i);
}

const char *ud_role_code(enum ud_role r)
{
    switch (r) {
    case UD_ROLE_CLERK: return "clerk";
    case UD_ROLE_OFFICER: return "officer";
    case UD_ROLE_ADMIN: return "admin";
    default: return "none";
    }
}

enum ud_role ud_role_from_code(const char *code)
{
    if (!code)
        return UD_ROLE_NONE;
    if (strcmp(code, "clerk") == 0)
        return UD_ROLE_CLERK;
    if (strcmp(code, "officer") == 0)
        return UD_ROLE_OFFICER;
    if (strcmp(code, "admin") == 0)
        return UD_ROLE_ADMIN;
    return UD_ROLE_NONE;
}

int ud_require_role(struct ud_db *db, enum ud_role min, struct ud_err *err)
{
    if (db->role >= min)
        return UD_OK;
    static const char *need_zh[] = {"", "办事员", "主管", "管理员"};
    static const char *need_en[] = {"", "clerk", "officer", "admin"};
    if (db->role == UD_ROLE_NONE)
        return ud_err_set(err, UD_ERR_PERM,
                          T("用户 %s 没有账户，只能查看", "user %s has no account: read-only"),
                          db->login);
    return ud_err_set(err, UD_ERR_PERM,
                      T("权限不足：此操作需要%s及以上角色（当前用户 %s 为%s）",
                        "not permitted: this needs the %s role or higher (%s is %s)"),
                      T(need_zh[min], need_en[min]), db->login,
                      T(need_zh[db->role], need_en[db->role]));
}

/* The online backup into a ud_outfile: 0600, whole or absent. */
static int backup_into(struct ud_db *db, const char *dest, unsigned flags, struct ud_err *err)
{
    struct ud_outfile out;
    if (ud_out_open(&out, dest, flags, err) != UD_OK)
        return err->status;
    sqlite3 *to = NULL;
    /* no journal and no syncing of the copy's own: it is a temporary that
     * is removed on failure, and ud_out_commit syncs it before the rename */
    int rc = sqlite3_open_v2(out.tmp, &to, SQLITE_OPEN_READWRITE, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(to, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF", NULL, NULL, NULL);
    sqlite3_backup *b = rc == SQLITE_OK ? sqlite3_backup_init(to, "main", db->h, "main") : NULL;
    if (b) {
        /* one step copies everything at once, so concurrent writers cannot
         * force a restart */
        rc = sqlite3_backup_step(b, -1);
        sqlite3_backup_finish(b);
    } else if (rc == SQLITE_OK) {
        rc = sqlite3_errcode(to);
    }
    if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    int rc_close = sqlite3_close(to);
    if (rc == SQLITE_OK && rc_close != SQLITE_OK)
        rc = rc_close;
    if (rc != SQLITE_OK) {
        ud_out_abort(&out);
        return ud_err_set(err, rc == SQLITE_BUSY || rc == SQLITE_LOCKED ? UD_ERR_BUSY : UD_ERR_IO,
                          T("备份到 %s 失败：%s；没有留下文件", "backup to %s failed: %s; no file was left"), dest,
                          (rc & 0xff) == SQLITE_FULL ? ud_strerror(ENOSPC) : sqlite3_errstr(rc));
    }
    if (ud_out_commit(&out, err) != UD_OK)
        return err->status;
    return UD_OK;
}

int ud_db_backup(struct ud_db *db, const char *dest, struct ud_err *err)
{
    return backup_into(db, dest, UD_OUT_NAMED, err);
}

static int run_check(struct ud_db *db, const char *sql, int which, int ok_row,
                     void (*report)(int, const char *, void *), void *arg, struct ud_err *err)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return ud_db_error(db, rc, err), -1;
    int problems = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *first = (const char *)sqlite3_column_text(st, 0);
        if (ok_row && sqlite3_column_count(st) == 1 && first && strcmp(first, "ok") == 0)
            continue;
        char line[1024];
        size_t n = 0;
        line[0] = '\0';
        for (int i = 0; i < sqlite3_column_count(st) && n < sizeof line; i++) {
            const char *v = (const char *)sqlite3_column_text(st, i);
            int w = snprintf(line + n, sizeof line - n, "%s%s", i ? " | " : "", v ? v : "NULL");
            n += w > 0 ? (size_t)w : 0;
        }
        problems++;
        if (report)
            report(which, line, arg);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return ud_db_error(db, rc, err), -1;
    return problems;
}

int ud_db_check(struct ud_db *db, void (*report)(int which, const char *text, void *arg), void *arg,
                int problems[2], struct ud_err *err)
{
    problems[0] = run_check(db, "PRAGMA integrity_check", 0, 1, report, arg, err);
    if (problems[0] < 0)
        return -1;
    problems[1] = run_check(db, "PRAGMA foreign_key_check", 1, 0, report, arg, err);
    if (problems[1] < 0)
        return -1;
    return problems[0] + problems[1];
}

int ud_db_check_path(const char *path, void (*report)(int which, const char *text, void *arg), void *arg,
                     struct ud_err *err)
{
    struct ud_dbfile_info info;
    if (ud_dbfile_inspect(path, &info) != UD_DBFILE_OK) {
        struct ud_err why;
        ud_err_clear(&why);
        ud_dbfile_refuse(path, &info, &why);
        if (info.state == UD_DBFILE_MISSING)
            return ud_err_set(err, UD_ERR_NOINPUT, T("数据库 %s 不存在", "database %s does not exist"), path), -1;
        report(0, why.msg, arg);
        return 1;
    }
    /* read as it is: no migration check, no side files created */
    struct ud_db tmp;
    memset(&tmp, 0, sizeof tmp);
    int rc = open_readonly_as(path, &tmp.h, 1);
    if (rc != SQLITE_OK && (rc & 0xff) == SQLITE_IOERR && ud_diskfull_db(path)) {
        sqlite3_close(tmp.h);
        return ud_diskfull_open_error(path, err), -1;
    }
    if (rc != SQLITE_OK) {
        char line[600];
        snprintf(line, sizeof line, T("无法作为数据库打开：%s", "cannot be opened as a database: %s"),
                 tmp.h ? sqlite3_errmsg(tmp.h) : sqlite3_errstr(rc));
        report(0, line, arg);
        sqlite3_close(tmp.h);
        return 1;
    }
    sqlite3_busy_timeout(tmp.h, BUSY_TIMEOUT_MS);
    int problems = run_check(&tmp, "PRAGMA integrity_check", 0, 1, report, arg, err);
    if (problems < 0) {
        report(0, err->msg, arg);
        ud_err_clear(err);
        problems = 1;
    }
    sqlite3_close(tmp.h);
    return problems;
}

void ud_db_set_cache(struct ud_db *db, int mib)
{
    char sql[64];
    /* a negative cache_size counts KiB; SQLite's default is 2 MiB */
    snprintf(sql, sizeof sql, "PRAGMA cache_size = %d", mib > 0 ? -mib * 1024 : -2000);
    sqlite3_exec(db->h, sql, NULL, NULL, NULL);
}

/* ANALYZE of every table but those with a known stat row */
static int analyze_rest(struct ud_db *db, const struct ud_known_stat *known, int nknown, struct ud_err *err)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->h,
                                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                "ORDER BY name",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return ud_db_error(db, rc, err);
    char names[256][64];
    int n = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < 256) {
        const char *t = (const char *)sqlite3_column_text(st, 0);
        int is_known = 0;
        for (int i = 0; i < nknown; i++)
            is_known |= strcmp(t, known[i].tbl) == 0;
        if (!is_known && strlen(t) < sizeof names[0])
            memcpy(names[n++], t, strlen(t) + 1);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return rc == SQLITE_ROW ? ud_err_set(err, UD_ERR_INTERNAL, "analyze: too many tables") : ud_db_error(db, rc, err);
    for (int i = 0; i < n; i++) {
        char sql[96];
        snprintf(sql, sizeof sql, "ANALYZE \"%.63s\"", names[i]);
        if (ud_db_exec(db, sql, err) != UD_OK)
            return err->status;
    }
    return UD_OK;
}

int ud_db_analyze(struct ud_db *db, struct ud_err *err)
{
    if (!db->nknown_stats)
        return ud_db_exec(db, "ANALYZE", err);
    /* the same sqlite_stat1 as a whole ANALYZE: the other tables
     * analyzed, the known rows written as ANALYZE would write them */
    struct ud_known_stat known[UD_KNOWN_STATS];
    int nknown = db->nknown_stats;
    memcpy(known, db->known_stats, sizeof known);
    int st = ud_db_begin(db, err); /* which forgets them */
    if (st == UD_OK)
        st = analyze_rest(db, known, nknown, err);
    for (int i = 0; st == UD_OK && i < nknown; i++) {
        sqlite3_stmt *del = ud_db_stmt(db, "DELETE FROM sqlite_stat1 WHERE tbl = ?1", err);
        if (!del) {
            st = err->status;
            break;
        }
        ud_bind_text(del, 1, known[i].tbl);
        int rc = sqlite3_step(del);
        sqlite3_reset(del);
        sqlite3_stmt *ins = rc == SQLITE_DONE ? ud_db_stmt(db, "INSERT INTO sqlite_stat1(tbl, idx, stat) VALUES (?1, ?1, ?2)", err) : NULL;
        if (!ins) {
            st = rc == SQLITE_DONE ? (int)err->status : ud_db_error(db, rc, err);
            break;
        }
        ud_bind_text(ins, 1, known[i].tbl);
        ud_bind_text(ins, 2, known[i].stat);
        rc = sqlite3_step(ins);
        sqlite3_reset(ins);
        if (rc != SQLITE_DONE)
            st = ud_db_error(db, rc, err);
    }
    /* the planner reads sqlite_stat1 again */
    if (st == UD_OK)
        st = ud_db_exec(db, "ANALYZE sqlite_schema", err);
    if (st == UD_OK)
        return ud_db_commit(db, err);
    ud_db_rollback(db);
    return st;
}
