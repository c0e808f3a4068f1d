/* The database handle: nested transactions, the statement cache, online
 * backup, schema checks on open (a newer or altered database is refused
 * and left byte for byte as it was), migration of new and old files,
 * roles, exit codes, and the audit trigger's idea of who is writing. */
#include <glob.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "testutil.h"
#include "uniondesk/db.h"
#include "uniondesk/i18n.h"
#include "migrate_int.h"
#include "uniondesk/rules.h"

static int setup(void **state)
{
    ud_lang = UD_LANG_ZH;
    *state = tu_setup();
    return 0;
}

static int teardown(void **state)
{
    tu_teardown(*state);
    return 0;
}

/* ============================================================ helpers */

static void temp_path(char *out, size_t outsz)
{
    const char *dir = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    snprintf(out, outsz, "%s/uddb.XXXXXX", dir);
    int fd = mkstemp(out);
    assert_true(fd >= 0);
    close(fd);
    unlink(out);
}


/* The whole file, malloc'ed; *n its size. */
static unsigned char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot read %s", path);
    fseek(f, 0, SEEK_END);
    long sz = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *buf = malloc((size_t)sz + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)sz, f), (size_t)sz);
    fclose(f);
    *n = (size_t)sz;
    return buf;
}

static void assert_same_file(const unsigned char *before, size_t nbefore, const char *path)
{
    size_t n;
    unsigned char *after = slurp(path, &n);
    assert_int_equal(n, nbefore);
    assert_memory_equal(after, before, n);
    free(after);
}

/* Nothing was written beside the database either. */
static void assert_no_wal_data(const char *path)
{
    char p[600];
    struct stat st;
    snprintf(p, sizeof p, "%s-wal", path);
    if (stat(p, &st) == 0)
        assert_int_equal(st.st_size, 0);
}

static void raw_exec(const char *path, const char *sql)
{
    sqlite3 *h;
    assert_int_equal(sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
    char *msg = NULL;
    if (sqlite3_exec(h, sql, NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("%s: %s", sql, msg);
    assert_int_equal(sqlite3_close(h), SQLITE_OK);
}

static int64_t raw_int(const char *path, const char *sql)
{
    sqlite3 *h;
    sqlite3_stmt *st;
    int64_t v = -1;
    assert_int_equal(sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK)
        fail_msg("%s: %s", sql, sqlite3_errmsg(h));
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(h);
    return v;
}

/* A database at the latest version, closed. */
static void make_db(char *path, size_t pathsz)
{
    temp_path(path, pathsz);
    struct ud_db *db;
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_db_open(&db, path, UD_OPEN_CREATE, &err), UD_OK);
    ud_db_close(db);
}

static int64_t count_t(struct tu_fixture *fx)
{
    return tu_int(fx, "SELECT count(*) FROM t");
}

static void must_ok(int rc, struct ud_err *err)
{
    if (rc != UD_OK)
        fail_msg("status %d: %s", rc, err->msg);
}

/* ======================================================= transactions */

static void inner_rollback_keeps_outer_work(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_db *db = fx->db;
    struct ud_err err;
    ud_err_clear(&err);
    must_ok(ud_db_exec(db, "CREATE TABLE t(x)", &err), &err);

    must_ok(ud_db_begin(db, &err), &err);
    assert_int_equal(db->txn_depth, 1);
    assert_false(sqlite3_get_autocommit(db->h));
    must_ok(ud_db_exec(db, "INSERT INTO t VALUES (1)", &err), &err);
    must_ok(ud_db_begin(db, &err), &err);
    assert_int_equal(db->txn_depth, 2);
    must_ok(ud_db_exec(db, "INSERT INTO t VALUES (2)", &err), &err);
    assert_int_equal(count_t(fx), 2);
    ud_db_rollback(db);
    assert_int_equal(db->txn_depth, 1);
    assert_int_equal(count_t(fx), 1);
    assert_false(sqlite3_get_autocommit(db->h)); /* still inside the outer one */
    must_ok(ud_db_commit(db, &err), &err);
    assert_int_equal(db->txn_depth, 0);
    assert_true(sqlite3_get_autocommit(db->h));
    assert_int_equal(count_t(fx), 1);
    assert_int_equal(tu_int(fx, "SELECT x FROM t"), 1);
}

static void outer_rollback_drops_everything(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_db *db = fx->db;
    struct ud_err err;
    ud_err_clear(&err);
    must_ok(ud_db_exec(db, "CREATE TABLE t(x)", &err), &err);
    must_ok(ud_db_begin(db, &err), &err);
    must_ok(ud_db_exec(db, "INSERT INTO t VALUES (1)", &err), &err);
    must_ok(ud_db_begin(db, &err), &err);
    must_ok(ud_db_exec(db, "INSERT INTO t VALUES (2)", &err), &err);
    must_ok(ud_db_commit(db, &err), &err); /* inner committed into the outer */
    assert_int_equal(count_t(fx), 2);
    ud_db_rollback(db);
    assert_int_equal(db->txn_depth, 0);
    assert_true(sqlite3_get_autocommit(db->h));
    assert_int_equal(count_t(fx), 0);
}

static void three_levels(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_db *db = fx->db;
    struct ud_err err;
    ud_err_clear(&err);
    must_ok(ud_db_exec(db, "CREATE TABLE t(x)", &err), &err);
    for (int i = 1; i <= 3; i++) {
        must_ok(ud_db_begin(db, &err), &err);
        char sql[64];
        snprintf(sql, sizeof sql, "INSERT INTO t VALUES (%d)", i);
        must_ok(ud_db_exec(db, sql, &err), &err);
    }
    assert_int_equal(db->txn_depth, 3);
    ud_db_rollback(db);                    /* drops 3 */
    must_ok(ud_db_commit(db, &err), &err); /* keeps 2 in 1 */
    must_ok(ud_db_begin(db, &err), &err);  /* a new level 2 after the first ended */
    must_ok(ud_db_exec(db, "INSERT INTO t VALUES (4)", &err), &err);
    ud_db_rollback(db);
    must_ok(ud_db_commit(db, &err), &err);
    assert_int_equal(count_t(fx), 2);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM t WHERE x IN (1, 2)"), 2);
}

static void commit_and_rollback_without_a_transaction(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_db_commit(fx->db, &err), UD_ERR_INTERNAL);
    ud_db_rollback(fx->db); /* harmless */
    assert_int_equal(fx->db->txn_depth, 0);
    assert_true(sqlite3_get_autocommit(fx->db->h));
}

/* The outermost level takes the write lock at once (BEGIN IMMEDIATE), so a
 * second writer waits at its own BEGIN, not halfway through its work. */
static void outer_begin_takes_the_write_lock(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    ud_err_clear(&err);
    sqlite3 *other;
    assert_int_equal(sqlite3_open_v2(fx->path, &other, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
    sqlite3_busy_timeout(other, 0);
    must_ok(ud_db_begin(fx->db, &err), &err);
    assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_BUSY);
    must_ok(ud_db_commit(fx->db, &err), &err);
    assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
    /* and the other way round: our BEGIN reports the database busy */
    struct ud_db *db = fx->db;
    sqlite3_busy_timeout(db->h, 0);
    assert_int_equal(ud_db_begin(db, &err), UD_ERR_BUSY);
    assert_int_equal(db->txn_depth, 0);
    assert_int_equal(sqlite3_exec(other, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(other);
}

static void read_only_handles_refuse_to_begin(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_db *ro;
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_db_open(&ro, fx->path, UD_OPEN_READONLY, &err), UD_OK);
    assert_true(ro->readonly);
    must_ok(ud_db_set_user(ro, "admin", &err), &err);
    assert_int_equal(ro->role, UD_ROLE_ADMIN);
    assert_int_equal(ud_db_begin(ro, &err), UD_ERR_PERM);
    assert_int_equal(ro->txn_depth, 0);
    ud_db_close(ro);
}

/* ==================================================== statement cache */

static void cached_statements_come_back_reset(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    ud_err_clear(&err);
    static const char echo[] = "SELECT ?1";
    sqlite3_stmt *a = ud_db_stmt(fx->db, echo, &err);
    assert_non_null(a);
    sqlite3_bind_int(a, 1, 5);
    assert_int_equal(sqlite3_step(a), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(a, 0), 5);
    assert_int_equal(sqlite3_step(a), SQLITE_DONE); /* left finished, not reset */

    sqlite3_stmt *b = ud_db_stmt(fx->db, echo, &err);
    assert_ptr_equal(a, b);
    assert_int_equal(sqlite3_step(b), SQLITE_ROW); /* reset: runs again */
    assert_int_equal(sqlite3_column_type(b, 0), SQLITE_NULL); /* bindings cleared */

    /* left in the middle of a result: starts again from the first row */
    static const char codes[] = "SELECT code FROM orgs ORDER BY code";
    sqlite3_stmt *c = ud_db_stmt(fx->db, codes, &err);
    assert_int_equal(sqlite3_step(c), SQLITE_ROW);
    assert_int_equal(sqlite3_step(c), SQLITE_ROW);
    c = ud_db_stmt(fx->db, codes, &err);
    assert_int_equal(sqlite3_step(c), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(c, 0), "BL");
    sqlite3_reset(c);
}

static void the_cache_is_keyed_by_address(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    ud_err_clear(&err);
    static const char q1[] = "SELECT 1", q2[] = "SELECT 1";
    sqlite3_stmt *a = ud_db_stmt(fx->db, q1, &err);
    sqlite3_stmt *b = ud_db_stmt(fx->db, q2, &err);
    assert_non_null(a);
    assert_non_null(b);
    assert_ptr_not_equal(a, b);
    assert_ptr_equal(ud_db_stmt(fx->db, q1, &err), a);
    assert_ptr_equal(ud_db_stmt(fx->db, q2, &err), b);

    /* a statement that does not prepare is an error and is not cached */
    static const char bad[] = "SELEKT 1";
    assert_null(ud_db_stmt(fx->db, bad, &err));
    assert_int_equal(err.status, UD_ERR_INTERNAL);
    ud_err_clear(&err);
    assert_null(ud_db_stmt(fx->db, bad, &err));
    assert_int_equal(err.status, UD_ERR_INTERNAL);
}

/* More distinct statements than the cache holds: an error, and what is
 * cached keeps working. */
static void a_full_cache_is_an_error(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    ud_err_clear(&err);
    static char sql[UD_STMT_CACHE + 1][24];
    sqlite3_stmt *first = NULL;
    int made = 0;
    for (int i = 0; i <= UD_STMT_CACHE; i++) {
        snprintf(sql[i], sizeof sql[i], "SELECT %d", i);
        sqlite3_stmt *st = ud_db_stmt(fx->db, sql[i], &err);
        if (!st)
            break;
        if (!first)
            first = st;
        made++;
    }
    assert_true(made <= UD_STMT_CACHE);
    assert_true(made > UD_STMT_CACHE / 2); /* the fixture used only a few */
    assert_int_equal(err.status, UD_ERR_INTERNAL);
    ud_err_clear(&err);
    assert_ptr_equal(ud_db_stmt(fx->db, sql[0], &err), first);
    assert_int_equal(sqlite3_step(first), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(first, 0), 0);
    sqlite3_reset(first);
}

/* ============================================================== backup */

static void backup_writes_a_readable_copy(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    ud_err_clear(&err);
    char dest[300];
    snprintf(dest, sizeof dest, "%s.copy", fx->path);
    must_ok(ud_db_backup(fx->db, dest, &err), &err);
    assert_int_equal(raw_int(dest, "SELECT count(*) FROM orgs"), 5);
    assert_int_equal(raw_int(dest, "SELECT count(*) FROM users"), 3);
    assert_int_equal(raw_int(dest, "PRAGMA user_version"), ud_migrate_latest());
    assert_int_equal(raw_int(dest, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"), 1);
    /* and uniondesk opens it as it is */
    struct ud_db *copy;
    must_ok(ud_db_open(&copy, dest, 0, &err), &err);
    ud_db_close(copy);

    /* a second backup to the same name is refused, the first one kept */
    size_t n;
    unsigned char *before = slurp(dest, &n);
    ud_err_clear(&err);
    assert_int_equal(ud_db_backup(fx->db, dest, &err), UD_ERR_CANTCREAT);
    assert_non_null(strstr(err.msg, dest));
    assert_same_file(before, n, dest);
    free(before);
    tu_remove_db(dest);

    /* nowhere to write */
    ud_err_clear(&err);
    assert_int_equal(ud_db_backup(fx->db, "/nonexistent-dir/ud.bak", &err), UD_ERR_CANTCREAT);
    assert_int_equal(access("/nonexistent-dir/ud.bak", F_OK), -1);
}

/* ========================================================== migrations */

static void migration_status_lists_both_applied(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    ud_err_clear(&err);
    /* the first three as they were; later ones in order, with their own numbers */
    assert_true(ud_migration_count >= 4);
    int last = ud_migrations[ud_migration_count - 1].version;
    assert_true(last >= 5); /* 0005_case_reopen.sql */
    assert_int_equal(ud_migrate_latest(), last);
    assert_int_equal(ud_migrate_current(fx->db->h, &err), last);
    assert_int_equal(ud_migrate_check(fx->db->h, &err), UD_OK);
    struct ud_mig_status st[16];
    int n = -1;
    must_ok(ud_migrate_status(fx->db->h, st, 16, &n, &err), &err);
    assert_int_equal(n, ud_migration_count);
    static const char *names[] = {"0001_init.sql", "0002_audit.sql", "0003_audit_os_login.sql"};
    for (int i = 0; i < n; i++) {
        if (i < 3) {
            assert_int_equal(st[i].version, i + 1);
            assert_string_equal(st[i].name, names[i]);
        }
        assert_int_equal(st[i].version, ud_migrations[i].version);
        assert_string_equal(st[i].name, ud_migrations[i].name);
        assert_int_equal(st[i].state, UD_MIG_APPLIED);
        assert_int_equal(strlen(st[i].applied_at), 19); /* YYYY-MM-DD HH:MM:SS */
        char sum[17];
        ud_migration_checksum(ud_migrations[i].sql, sum);
        assert_string_equal(st[i].checksum, sum);
    }
    /* at most `max` rows */
    must_ok(ud_migrate_status(fx->db->h, st, 1, &n, &err), &err);
    assert_int_equal(n, 1);
}

static void migration_status_of_new_and_partial_databases(void **state)
{
    (void)state;
    sqlite3 *h;
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(sqlite3_open(":memory:", &h), SQLITE_OK);
    struct ud_mig_status st[64];
    int n;
    must_ok(ud_migrate_status(h, st, 64, &n, &err), &err);
    assert_int_equal(n, ud_migration_count);
    assert_int_equal(st[0].state, UD_MIG_PENDING);
    assert_int_equal(st[1].state, UD_MIG_PENDING);
    assert_int_equal(ud_migrate_current(h, &err), 0);
    must_ok(ud_migrate_up(h, 1, &err), &err);
    assert_int_equal(ud_migrate_current(h, &err), 1);
    must_ok(ud_migrate_status(h, st, 64, &n, &err), &err);
    assert_int_equal(st[0].state, UD_MIG_APPLIED);
    assert_int_equal(st[1].state, UD_MIG_PENDING);
    /* the migrations sort through a temporary file; the connection's own
     * setting (the program's is MEMORY, 2) is back afterwards */
    assert_int_equal(sqlite3_exec(h, "PRAGMA temp_store = MEMORY", NULL, NULL, NULL), SQLITE_OK);
    must_ok(ud_migrate_up(h, 0, &err), &err);
    assert_int_equal(ud_migrate_current(h, &err), ud_migrate_latest());
    sqlite3_stmt *ts;
    assert_int_equal(sqlite3_prepare_v2(h, "PRAGMA temp_store", -1, &ts, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(ts), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(ts, 0), 2);
    sqlite3_finalize(ts);
    must_ok(ud_migrate_up(h, 0, &err), &err); /* nothing left: a no-op */
    assert_int_equal(ud_migrate_current(h, &err), ud_migrate_latest());
    sqlite3_close(h);
}

/* FNV-1a over the text, 64 bits, 16 hex digits. The offset basis in the
 * code is 1469598103934665603 = 0x14650fb0739d0383 (the published FNV
 * basis is 14695981039346656037 = 0xcbf29ce484222325; see the report), so
 * the hash of "" is that basis. */
static void migration_checksums(void **state)
{
    (void)state;
    char a[17], b[17];
    ud_migration_checksum("", a);
    assert_string_equal(a, "14650fb0739d0383");
    ud_migration_checksum("CREATE TABLE x(y);", a);
    ud_migration_checksum("CREATE TABLE x(y); ", b);
    assert_string_not_equal(a, b);
    assert_int_equal(strlen(a), 16);
    assert_int_equal(strspn(a, "0123456789abcdef"), 16);
    ud_migration_checksum("CREATE TABLE x(y);", b);
    assert_string_equal(a, b);
}

static void a_newer_database_is_refused_untouched(void **state)
{
    (void)state;
    char path[300];
    make_db(path, sizeof path);
    /* in rollback-journal mode, so that even switching it to WAL would
     * change the header */
    raw_exec(path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99");
    size_t n;
    unsigned char *before = slurp(path, &n);
    const int flags[] = {0, UD_OPEN_CREATE, UD_OPEN_NO_MIGRATE, UD_OPEN_READONLY};
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
        struct ud_db *db = (struct ud_db *)1; /* must come back NULL */
        struct ud_err err;
        ud_err_clear(&err);
        int rc = ud_db_open(&db, path, flags[i], &err);
        assert_same_file(before, n, path);
        assert_int_equal(rc, UD_ERR_SCHEMA);
        assert_null(db);
        assert_non_null(strstr(err.msg, "99"));
        assert_non_null(strstr(err.msg, path));
        assert_int_equal(ud_exit_code(err.status), 65);
    }
    assert_no_wal_data(path);
    free(before);
    tu_remove_db(path);
}

static void an_altered_migration_is_refused_untouched(void **state)
{
    (void)state;
    char path[300];
    make_db(path, sizeof path);
    raw_exec(path, "PRAGMA journal_mode = DELETE;"
                   "UPDATE schema_migrations SET checksum = '0000000000000000' WHERE version = 1");
    size_t n;
    unsigned char *before = slurp(path, &n);
    struct ud_db *db;
    struct ud_err err;
    ud_err_clear(&err);
    int rc = ud_db_open(&db, path, 0, &err);
    assert_same_file(before, n, path);
    assert_int_equal(rc, UD_ERR_SCHEMA);
    assert_null(db);
    assert_non_null(strstr(err.msg, "0001_init.sql"));
    ud_err_clear(&err);
    assert_int_equal(ud_db_open(&db, path, UD_OPEN_NO_MIGRATE, &err), UD_ERR_SCHEMA);
    assert_same_file(before, n, path);
    assert_no_wal_data(path);
    free(before);
    tu_remove_db(path);

    /* a migration this program does not know is refused the same way */
    make_db(path, sizeof path);
    raw_exec(path, "INSERT INTO schema_migrations "
                   "VALUES (99, '0099_future.sql', 'ffffffffffffffff', '2030-01-01 00:00:00')");
    before = slurp(path, &n);
    ud_err_clear(&err);
    assert_int_equal(ud_db_open(&db, path, 0, &err), UD_ERR_SCHEMA);
    assert_non_null(strstr(err.msg, "0099_future.sql"));
    assert_same_file(before, n, path);
    free(before);
    tu_remove_db(path);
}

static void a_file_that_is_not_a_database_is_left_alone(void **state)
{
    (void)state;
    char path[300];
    temp_path(path, sizeof path);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    for (int i = 0; i < 200; i++)
        fputs("姓名,身份证号,所属工会\n", f);
    fclose(f);
    size_t n;
    unsigned char *before = slurp(path, &n);
    struct ud_db *db;
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_db_open(&db, path, UD_OPEN_CREATE, &err), UD_ERR_IO);
    assert_null(db);
    assert_same_file(before, n, path);
    free(before);
    tu_remove_db(path);
}

static void new_files_are_migrated_to_the_latest_version(void **state)
{
    (void)state;
    char path[300];
    struct ud_db *db;
    struct ud_err err;

    /* missing, without CREATE: refused, and nothing is created */
    temp_path(path, sizeof path);
    ud_err_clear(&err);
    assert_int_equal(ud_db_open(&db, path, 0, &err), UD_ERR_NOINPUT);
    assert_null(db);
    assert_int_equal(access(path, F_OK), -1);

    /* missing, with CREATE */
    ud_err_clear(&err);
    must_ok(ud_db_open(&db, path, UD_OPEN_CREATE, &err), &err);
    assert_int_equal(ud_migrate_current(db->h, &err), ud_migrate_latest());
    ud_db_close(db);
    tu_remove_db(path);

    /* an empty file, as `touch` leaves it */
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fclose(f);
    /* …is refused by anything but init (UD_OPEN_CREATE): no schema is
     * silently written into it, and nothing is created beside it */
    ud_err_clear(&err);
    assert_int_equal(ud_db_open(&db, path, 0, &err), UD_ERR_IO);
    assert_null(db);
    assert_non_null(strstr(err.msg, path));
    struct stat sb;
    assert_int_equal(stat(path, &sb), 0);
    assert_int_equal(sb.st_size, 0);
    char side[340];
    snprintf(side, sizeof side, "%s-wal", path);
    assert_int_equal(access(side, F_OK), -1);
    snprintf(side, sizeof side, "%s-shm", path);
    assert_int_equal(access(side, F_OK), -1);
    ud_err_clear(&err);
    assert_int_equal(ud_db_open(&db, path, UD_OPEN_CREATE, &err), UD_ERR_IO);
    ud_err_clear(&err);
    must_ok(ud_db_open(&db, path, UD_OPEN_CREATE | UD_OPEN_ADOPT_EMPTY, &err), &err);
    assert_int_equal(ud_migrate_current(db->h, &err), ud_migrate_latest());
    struct ud_mig_status st[64];
    int n;
    must_ok(ud_migrate_status(db->h, st, 64, &n, &err), &err);
    assert_int_equal(n, ud_migration_count);
    for (int i = 0; i < n; i++)
        assert_int_equal(st[i].state, UD_MIG_APPLIED);
    ud_db_close(db);
    /* a new database needs no backup */
    char pat[320];
    snprintf(pat, sizeof pat, "%s.v*.bak", path);
    glob_t g;
    assert_int_equal(glob(pat, 0, NULL, &g), GLOB_NOMATCH);
    globfree(&g);
    tu_remove_db(path);
}

/* Core prints nothing: the upgrade's message goes to the notice function. */
static char notice_text[2048];
static int notices;
static void take_notice(const char *text, void *arg)
{
    (void)arg;
    notices++;
    snprintf(notice_text, sizeof notice_text, "%s", text);
}

static void an_older_database_is_backed_up_then_migrated(void **state)
{
    (void)state;
    char path[300];
    temp_path(path, sizeof path);
    sqlite3 *h;
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
    must_ok(ud_migrate_up(h, 1, &err), &err);
    sqlite3_close(h);

    struct ud_db *db;
    notices = 0;
    ud_set_notice(take_notice, NULL);
    must_ok(ud_db_open(&db, path, 0, &err), &err);
    ud_set_notice(NULL, NULL);
    assert_int_equal(ud_migrate_current(db->h, &err), ud_migrate_latest());
    assert_int_equal(ud_db_schema_version(db, &err), ud_migrate_latest());
    ud_db_close(db);
    char pat[320];
    snprintf(pat, sizeof pat, "%s.v1-*.bak", path);
    glob_t g;
    assert_int_equal(glob(pat, 0, NULL, &g), 0);
    assert_int_equal(g.gl_pathc, 1);
    /* one notice naming the versions and the backup, given to the caller */
    assert_int_equal(notices, 1);
    assert_non_null(strstr(notice_text, "升级"));
    assert_non_null(strstr(notice_text, g.gl_pathv[0]));
    assert_int_equal(raw_int(g.gl_pathv[0], "PRAGMA user_version"), 1);
    assert_int_equal(raw_int(g.gl_pathv[0], "SELECT count(*) FROM sqlite_master WHERE name = 'audit_log'"), 0);
    globfree(&g);
    tu_remove_db(path);
}

/* =============================================================== roles */

static void roles_are_ordered(void **state)
{
    struct tu_fixture *fx = *state;
    static const struct {
        const char *login;
        enum ud_role role;
    } users[] = {
        {"admin", UD_ROLE_ADMIN},
        {"officer", UD_ROLE_OFFICER},
        {"clerk", UD_ROLE_CLERK},
        {"nobody", UD_ROLE_NONE},
    };
    const enum ud_role mins[] = {UD_ROLE_NONE, UD_ROLE_CLERK, UD_ROLE_OFFICER, UD_ROLE_ADMIN};
    for (size_t u = 0; u < 4; u++) {
        tu_login(fx, users[u].login);
        assert_string_equal(fx->db->login, users[u].login);
        assert_int_equal(fx->db->role, users[u].role);
        for (size_t k = 0; k < 4; k++) {
            struct ud_err err;
            ud_err_clear(&err);
            int rc = ud_require_role(fx->db, mins[k], &err);
            int allowed = users[u].role >= mins[k];
            if (rc != (allowed ? UD_OK : UD_ERR_PERM))
                fail_msg("%s needing role %d: status %d", users[u].login, (int)mins[k], rc);
            if (!allowed) {
                assert_int_equal(err.status, UD_ERR_PERM);
                assert_non_null(strstr(err.msg, users[u].login));
            }
        }
    }
    struct ud_err err;
    ud_err_clear(&err);
    tu_login(fx, "clerk");
    ud_require_role(fx->db, UD_ROLE_ADMIN, &err);
    assert_non_null(strstr(err.msg, "管理员")); /* names the role needed */
    assert_non_null(strstr(err.msg, "办事员")); /* and the one the user has */

    for (int r = UD_ROLE_NONE; r <= UD_ROLE_ADMIN; r++)
        assert_int_equal(ud_role_from_code(ud_role_code((enum ud_role)r)), r);
    assert_int_equal(ud_role_from_code("Admin"), UD_ROLE_NONE);
    assert_int_equal(ud_role_from_code(NULL), UD_ROLE_NONE);
}

static void inactive_accounts_have_no_role(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    ud_err_clear(&err);
    must_ok(ud_db_exec(fx->db, "UPDATE users SET active = 0 WHERE login = 'clerk'", &err), &err);
    tu_login(fx, "clerk");
    assert_int_equal(fx->db->role, UD_ROLE_NONE);
    assert_int_equal(ud_require_role(fx->db, UD_ROLE_CLERK, &err), UD_ERR_PERM);
    /* an empty login keeps the current one and reads its role again */
    tu_login(fx, "officer");
    must_ok(ud_db_set_user(fx->db, "", &err), &err);
    assert_string_equal(fx->db->login, "officer");
    assert_int_equal(fx->db->role, UD_ROLE_OFFICER);
    assert_string_equal(fx->db->display_name, "李主管");
}

/* ========================================================== exit codes */

static void exit_codes_follow_sysexits(void **state)
{
    (void)state;
    static const struct {
        enum ud_status st;
        int code;
    } map[] = {
        {UD_OK, 0},               {UD_ERR_USAGE, 64},     {UD_ERR_INVALID, 65},
        {UD_ERR_NOTFOUND, 65},    {UD_ERR_CONFLICT, 65},  {UD_ERR_DUPLICATE, 65},
        {UD_ERR_STATE, 65},       {UD_ERR_SCHEMA, 65},    {UD_ERR_NOINPUT, 66},
        {UD_ERR_INTERNAL, 70},    {UD_ERR_CANTCREAT, 73}, {UD_ERR_IO, 74},
        {UD_ERR_BUSY, 75},        {UD_ERR_PERM, 77},
    };
    /* every status is in the table above */
    assert_int_equal(sizeof map / sizeof map[0], UD_ERR_INTERNAL + 1);
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (ud_exit_code(map[i].st) != map[i].code)
            fail_msg("status %d gives %d, want %d", (int)map[i].st, ud_exit_code(map[i].st), map[i].code);
    assert_int_equal(ud_exit_code((enum ud_status)99), 70);
}

static void sqlite_errors_become_statuses(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    ud_err_clear(&err);
    /* unique code */
    assert_int_equal(ud_db_exec(fx->db, "INSERT INTO orgs(code, name, kind, parent_id) "
                                        "VALUES ('BL-XQ', 'x', 'street_federation', 1)", &err),
                     UD_ERR_DUPLICATE);
    /* a parent that does not exist */
    ud_err_clear(&err);
    assert_int_equal(ud_db_exec(fx->db, "INSERT INTO orgs(code, name, kind, parent_id) "
                                        "VALUES ('NEW', 'x', 'street_federation', 9999)", &err),
                     UD_ERR_INVALID);
    /* a CHECK constraint */
    ud_err_clear(&err);
    assert_int_equal(ud_db_exec(fx->db, "UPDATE orgs SET status = 'gone' WHERE code = 'BL'", &err),
                     UD_ERR_INVALID);
    ud_err_clear(&err);
    assert_int_equal(ud_db_exec(fx->db, "SELEKT", &err), UD_ERR_INTERNAL);
    assert_true(err.msg[0] != '\0');
}

/* =============================================================== audit */

static void audit_rows_name_the_connections_user(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    ud_err_clear(&err);
    tu_login(fx, "clerk");
    assert_int_equal(tu_int(fx, "SELECT ud_user() = 'clerk'"), 1);
    int64_t id = tu_member(fx, "张三", "19850312", 9);
    char sql[200];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM audit_log WHERE tbl = 'members' AND row_id = %lld AND action = 'insert' "
             "AND login = 'clerk'", (long long)id);
    assert_int_equal(tu_int(fx, sql), 1);

    /* no write path skips it: plain SQL on the connection is recorded too */
    tu_login(fx, "officer");
    must_ok(ud_db_exec(fx->db, "UPDATE members SET job_title = '焊工'", &err), &err);
    assert_int_equal(tu_audit_states(fx, "tbl = 'members' AND action = 'update' AND login = 'officer'",
                                     "json_extract(after_json, '$.job_title') = '焊工'"),
                     1);
    tu_login(fx, "nobody"); /* a login without an account is still named */
    must_ok(ud_db_exec(fx->db, "DELETE FROM members", &err), &err);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM audit_log WHERE tbl = 'members' AND action = 'delete' "
                                "AND login = 'nobody' AND json_extract(before_json, '$.name') = '张三'"),
                     1);
    /* the fixture's organizations were written by admin */
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM audit_log WHERE tbl = 'orgs' AND login = 'admin'"), 5);

    /* and the log itself cannot be changed */
    int64_t rows = tu_int(fx, "SELECT count(*) FROM audit_log");
    assert_int_not_equal(ud_db_exec(fx->db, "UPDATE audit_log SET login = 'x'", &err), UD_OK);
    assert_int_not_equal(ud_db_exec(fx->db, "DELETE FROM audit_log", &err), UD_OK);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM audit_log"), rows);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM audit_log WHERE login = 'x'"), 0);
}

/* ========================================================== the handle */

static void default_path_and_login(void **state)
{
    struct tu_fixture *fx = *state;
    setenv("UNIONDESK_DB", "/srv/ud/env.db", 1);
    assert_string_equal(ud_db_default_path("/x/given.db"), "/x/given.db");
    assert_string_equal(ud_db_default_path(NULL), "/srv/ud/env.db");
    assert_string_equal(ud_db_default_path(""), "/srv/ud/env.db");
    unsetenv("UNIONDESK_DB");
    assert_string_equal(ud_db_default_path(NULL), "db/uniondesk.db");
    /* a handle starts as the OS user; the fixture then logged in admin */
    assert_true(ud_os_login()[0] != '\0');
    struct ud_db *db;
    struct ud_err err;
    ud_err_clear(&err);
    must_ok(ud_db_open(&db, fx->path, 0, &err), &err);
    assert_string_equal(db->login, ud_os_login());
    ud_db_close(db);
    assert_string_equal(fx->db->login, "admin");
}

/* Overdue: still filed or mediating more than UD_MEDIATION_DAYS (15)
 * days after filing; the same rule in C and as SQL ud_overdue(). */
static void the_overdue_rule_in_c_and_sql(void **state)
{
    struct tu_fixture *fx = *state;
    static const struct {
        const char *status, *filed, *as_of;
        int overdue;
    } cases[] = {
        {"filed", "2026-11-01", "2026-11-16", 0},     /* day 15: still due */
        {"filed", "2026-11-01", "2026-11-17", 1},     /* day 16 */
        {"mediating", "2026-11-01", "2026-11-17", 1},
        {"succeeded", "2026-11-01", "2026-12-31", 0}, /* closed cases never */
        {"received", "2026-11-01", "2026-12-31", 0},  /* not filed yet */
        {"filed", "2024-02-20", "2024-03-06", 0},     /* 9 days to 2-29, then 6 */
        {"filed", "2024-02-20", "2024-03-07", 1},
        {"filed", "2026-12-20", "2027-01-05", 1},     /* 11 + 5 = 16 */
        {"filed", "2026-11-01", "2026-10-01", 0},     /* as_of before filing */
        {"filed", "", "2026-12-31", 0},
        {"filed", "2026-1-1", "2026-12-31", 0},       /* not ISO: no verdict */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(ud_case_overdue(cases[i].status, cases[i].filed, cases[i].as_of), cases[i].overdue);
        char sql[200];
        snprintf(sql, sizeof sql, "SELECT ud_overdue('%s', '%s', '%s')", cases[i].status, cases[i].filed,
                 cases[i].as_of);
        assert_int_equal(tu_int(fx, sql), cases[i].overdue);
    }
    assert_int_equal(ud_case_overdue(NULL, "2026-11-01", "2026-12-31"), 0);
    assert_int_equal(ud_case_overdue("filed", NULL, "2026-12-31"), 0);
    assert_int_equal(tu_int(fx, "SELECT ud_overdue('filed', NULL, '2026-12-31')"), 0);
}

int main(void)
{
#define T_(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T_(inner_rollback_keeps_outer_work),
        T_(outer_rollback_drops_everything),
        T_(three_levels),
        T_(commit_and_rollback_without_a_transaction),
        T_(outer_begin_takes_the_write_lock),
        T_(read_only_handles_refuse_to_begin),
        T_(cached_statements_come_back_reset),
        T_(the_cache_is_keyed_by_address),
        T_(a_full_cache_is_an_error),
        T_(backup_writes_a_readable_copy),
        T_(migration_status_lists_both_applied),
        cmocka_unit_test(migration_status_of_new_and_partial_databases),
        cmocka_unit_test(migration_checksums),
        cmocka_unit_test(a_newer_database_is_refused_untouched),
        cmocka_unit_test(an_altered_migration_is_refused_untouched),
        cmocka_unit_test(a_file_that_is_not_a_database_is_left_alone),
        cmocka_unit_test(new_files_are_migrated_to_the_latest_version),
        cmocka_unit_test(an_older_database_is_backed_up_then_migrated),
        T_(roles_are_ordered),
        T_(inactive_accounts_have_no_role),
        cmocka_unit_test(exit_codes_follow_sysexits),
        T_(sqlite_errors_become_statuses),
        T_(audit_rows_name_the_connections_user),
        T_(default_path_and_login),
        T_(the_overdue_rule_in_c_and_sql),
    };
#undef T_
    return cmocka_run_group_tests(tests, NULL, NULL);
}
