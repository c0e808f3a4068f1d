/* Fault injection, the way SQLite tests itself (issue 7, "No partial
 * write, ever"): a shim VFS (faultvfs.c) fails the Nth write, sync or
 * truncate with SQLITE_FULL or an SQLITE_IOERR, for N = 1, 2, 3 … until the
 * operation completes without a fault. After each failure: the operation
 * returned an I/O-class error, PRAGMA integrity_check is ok, the database
 * holds exactly what it held before (a digest of every table's rows,
 * audit_log included), and the same connection can then do the operation
 * whole. Prints the number of faults injected. */
#include <glob.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "faultvfs.h"
#include "testutil.h"
#include "uniondesk/dispute.h"
#include "uniondesk/import.h"
#include "migrate_int.h"
#include "uniondesk/user.h"

static char dir[256];          /* scratch directory */
static char base_main[300];    /* users, the small organization tree, a member, a case */
static char base_v1[300];      /* a database at schema version 1, with rows */
static char base_v8[300];      /* the same rows at version 8: 0009 alone */
static char work[300];         /* each attempt's copy */
static char members_csv[300], spill_csv[300], orgs_csv[300], backup_dest[300];
static int64_t case_id;
static long total_injected, total_attempts, partial_writes;

/* ---- files ---- */

static void copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    assert_non_null(in);
    assert_non_null(out);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        assert_int_equal(fwrite(buf, 1, n, out), n);
    fclose(in);
    assert_int_equal(fclose(out), 0);
}

static int exists(const char *path)
{
    return access(path, F_OK) == 0;
}


/* ---- digest: every table's rows, the schema, user_version ---- */

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *c = p;
    for (size_t i = 0; i < n; i++) {
        h ^= c[i];
        h *= 1099511628211ULL;
    }
    return h;
}

static int digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/* Text without the clock's timestamps (created_at, audit "at", JSON copies
 * of them): two runs of the same operation differ only there. */
static uint64_t fnv_text(uint64_t h, const char *s)
{
    while (*s) {
        if (strlen(s) >= 19 && digits(s, 4) && s[4] == '-' && digits(s + 5, 2) && s[7] == '-' &&
            digits(s + 8, 2) && s[10] == ' ' && digits(s + 11, 2) && s[13] == ':' && digits(s + 14, 2) &&
            s[16] == ':' && digits(s + 17, 2)) {
            s += 19;
            if (*s == '.')
                for (s++; *s >= '0' && *s <= '9'; s++)
                    ;
            h = fnv(h, "T", 1);
            continue;
        }
        h = fnv(h, s, 1);
        s++;
    }
    return h;
}

static uint64_t digest(sqlite3 *h)
{
    uint64_t d = 1469598103934665603ULL;
    sqlite3_stmt *tables;
    assert_int_equal(sqlite3_prepare_v2(h, "SELECT name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name",
                                        -1, &tables, NULL),
                     SQLITE_OK);
    while (sqlite3_step(tables) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(tables, 0);
        d = fnv_text(d, name);
        d = fnv_text(d, (const char *)sqlite3_column_text(tables, 1));
        char sql[300];
        snprintf(sql, sizeof sql, "SELECT * FROM \"%s\" ORDER BY rowid", name);
        sqlite3_stmt *rows;
        if (sqlite3_prepare_v2(h, sql, -1, &rows, NULL) != SQLITE_OK)
            continue; /* an index or a trigger: its sql is in the digest */
        while (sqlite3_step(rows) == SQLITE_ROW)
            for (int i = 0; i < sqlite3_column_count(rows); i++) {
                const char *v = (const char *)sqlite3_column_text(rows, i);
                d = fnv_text(d, v ? v : "\x01NULL");
                d = fnv(d, "|", 1);
            }
        sqlite3_finalize(rows);
    }
    sqlite3_finalize(tables);
    sqlite3_stmt *uv;
    assert_int_equal(sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &uv, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(uv), SQLITE_ROW);
    int v = sqlite3_column_int(uv, 0);
    sqlite3_finalize(uv);
    return fnv(d, &v, sizeof v);
}

/* The digest of a database file as a new connection sees it, after
 * checking its integrity. */
static uint64_t file_digest(const char *path)
{
    sqlite3 *h;
    assert_int_equal(sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    const char *r = (const char *)sqlite3_column_text(st, 0);
    if (strcmp(r, "ok") != 0)
        fail_msg("integrity_check of %s: %s", path, r);
    sqlite3_finalize(st);
    uint64_t d = digest(h);
    sqlite3_close(h);
    return d;
}

/* ---- the operations ---- */

struct op {
    const char *name;
    const char *base;
    int open_flags;
    int changes; /* the operation changes the database (a backup does not) */
    int (*run)(struct ud_db *db, struct ud_err *err);
    /* extra checks once the operation failed (ok = 0) or completed (ok = 1) */
    void (*after)(int ok);
};

static FILE *import_report;

static int run_import(struct ud_db *db, const char *kind, const char *path, int skip_bad, struct ud_err *err)
{
    struct ud_import_opts o = {kind, path, UD_ENC_AUTO, 0, skip_bad, 0, import_report};
    struct ud_import_result res;
    rewind(import_report);
    assert_int_equal(ftruncate(fileno(import_report), 0), 0);
    int st = ud_import_run(db, &o, &res, err);
    if (st != UD_OK) {
        /* one message in err, nothing listed per row */
        fflush(import_report);
        assert_int_equal(ftell(import_report), 0);
    }
    return st;
}

static int op_import_members(struct ud_db *db, struct ud_err *err)
{
    return run_import(db, "members", members_csv, 0, err);
}

static int op_import_members_skip(struct ud_db *db, struct ud_err *err)
{
    return run_import(db, "members", members_csv, 1, err);
}

/* The same import with SQLite's page cache under memory pressure (a soft
 * heap limit): dirty pages spill to the WAL in the middle of the
 * transaction, so faults hit statements, not only the COMMIT — the case in
 * which SQLite rolls the transaction back by itself. */
static int op_import_members_spill(struct ud_db *db, struct ud_err *err)
{
    sqlite3_soft_heap_limit64(64 * 1024);
    int st = run_import(db, "members", spill_csv, 0, err);
    sqlite3_soft_heap_limit64(0);
    return st;
}

static int op_import_members_spill_skip(struct ud_db *db, struct ud_err *err)
{
    sqlite3_soft_heap_limit64(64 * 1024);
    int st = run_import(db, "members", spill_csv, 1, err);
    sqlite3_soft_heap_limit64(0);
    return st;
}

static int op_import_orgs(struct ud_db *db, struct ud_err *err)
{
    return run_import(db, "orgs", orgs_csv, 0, err);
}

static int op_case_create(struct ud_db *db, struct ud_err *err)
{
    struct ud_case c;
    ud_case_init(&c);
    c.mediation_org_id = 1;
    snprintf(c.received_on, sizeof c.received_on, "2026-11-20");
    snprintf(c.dispute_type, sizeof c.dispute_type, "wages");
    snprintf(c.applicant_name, sizeof c.applicant_name, "李四");
    snprintf(c.outcome, sizeof c.outcome, "%s", "申请人要求支付拖欠工资。");
    return ud_case_create(db, &c, err);
}

static int op_case_update(struct ud_db *db, struct ud_err *err)
{
    struct ud_case c;
    if (ud_case_get(db, case_id, &c, err) != UD_OK)
        return err->status;
    snprintf(c.applicant_name, sizeof c.applicant_name, "张三丰");
    c.claim_fen = 1234500;
    return ud_case_update(db, &c, err);
}

static int op_case_move(struct ud_db *db, struct ud_err *err)
{
    struct ud_case_move mv;
    ud_case_move_init(&mv);
    mv.date = "2026-11-25";
    mv.note = "受理";
    return ud_case_move(db, case_id, 1, "filed", &mv, err);
}

static int op_user_add(struct ud_db *db, struct ud_err *err)
{
    struct ud_user u;
    ud_user_init(&u);
    if (ud_user_set_fields(db, &u, "clerk2", "赵办事", "clerk", err) != UD_OK)
        return err->status;
    return ud_user_create(db, &u, err);
}

static int op_migrate(struct ud_db *db, struct ud_err *err)
{
    /* its notice of the upgrade, once per attempt, is not for the log */
    fflush(stderr);
    int saved = dup(2);
    FILE *null = fopen("/dev/null", "w");
    if (null) {
        dup2(fileno(null), 2);
        fclose(null);
    }
    int st = ud_db_migrate(db, 0, err);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    return st;
}

static int op_backup(struct ud_db *db, struct ud_err *err)
{
    return ud_db_backup(db, backup_dest, err);
}

static void after_backup(int ok)
{
    char j[400];
    snprintf(j, sizeof j, "%s-journal", backup_dest);
    if (ok) {
        assert_true(file_digest(backup_dest) == file_digest(work));
    } else {
        /* issue 7 row 19: a failed backup leaves no file, no -journal */
        if (exists(backup_dest))
            fail_msg("a failed backup left %s", backup_dest);
        if (exists(j))
            fail_msg("a failed backup left %s", j);
    }
    tu_remove_db(backup_dest);
}

/* ---- the sweep ---- */

static struct ud_db *open_work(const struct op *op)
{
    tu_remove_db(work);
    copy_file(op->base, work);
    struct ud_db *db;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_db_open(&db, work, op->open_flags, &err) != UD_OK)
        fail_msg("open %s: %s", work, err.msg);
    if (ud_db_set_user(db, "admin", &err) != UD_OK)
        fail_msg("login: %s", err.msg);
    return db;
}

static const char *kind_name(enum fv_op k)
{
    return k == FV_WRITE ? "write" : k == FV_SYNC ? "sync" : "truncate";
}

static void sweep(const struct op *op, enum fv_op kind, int rc, int persistent)
{
    /* the state before, and after a run with no fault */
    uint64_t before = file_digest(op->base);
    struct ud_db *db = open_work(op);
    struct ud_err err;
    ud_err_clear(&err);
    fv_arm(kind, 0, rc, 0); /* counts only */
    if (op->run(db, &err) != UD_OK)
        fail_msg("%s without faults: %s", op->name, err.msg);
    int calls = fv_calls(kind);
    fv_disarm();
    ud_db_close(db);
    if (op->after)
        op->after(1);
    uint64_t after = file_digest(work);
    assert_true(op->changes ? after != before : after == before);

    long injected = 0, failures = 0;
    for (int n = 1;; n++) {
        if (n > calls + 50)
            fail_msg("%s: still failing past the %d %s calls of a clean run", op->name, calls, kind_name(kind));
        db = open_work(op);
        ud_err_clear(&err);
        fv_arm(kind, n, rc, persistent);
        int st = op->run(db, &err);
        int inj = fv_injected();
        fv_disarm();
        injected += inj;
        total_attempts++;
        if (st == UD_OK) {
            /* completed, perhaps past a fault SQLite could absorb: whole */
            ud_db_close(db);
            if (op->after)
                op->after(1);
            if (file_digest(work) != after) {
                partial_writes++;
                fail_msg("%s, %s fault %d: reported success but the database is not the complete result",
                         op->name, kind_name(kind), n);
            }
            if (!inj)
                break; /* ran past its last call: the sweep is over */
            continue;
        }
        failures++;
        if (!inj)
            fail_msg("%s failed with no fault injected: %s", op->name, err.msg);
        if (!ud_status_is_io(st))
            fail_msg("%s, %s fault %d (%d): status %d is not an I/O error: %s", op->name, kind_name(kind), n, rc,
                     st, err.msg);
        if (!strstr(err.msg, work) && op->run != op_backup)
            fail_msg("%s, %s fault %d: the message does not name the database: %s", op->name, kind_name(kind), n,
                     err.msg);
        assert_int_equal(db->txn_depth, 0);
        /* exactly what it held before, as another connection sees it */
        if (file_digest(work) != before) {
            partial_writes++;
            fail_msg("%s, %s fault %d (error %d%s): the database changed after a failure (%s)", op->name,
                     kind_name(kind), n, rc, persistent ? ", lasting" : ", once", err.msg);
        }
        if (op->after)
            op->after(0);
        /* the same connection does the whole operation afterwards */
        ud_err_clear(&err);
        if (op->run(db, &err) != UD_OK)
            fail_msg("%s, %s fault %d: the retry on the same connection failed: %s", op->name, kind_name(kind), n,
                     err.msg);
        ud_db_close(db);
        if (op->after)
            op->after(1);
        if (file_digest(work) != after)
            fail_msg("%s, %s fault %d: the retry did not leave the complete result", op->name, kind_name(kind), n);
    }
    total_injected += injected;
    printf("# %-28s %-8s %-22s %4d calls, %3ld failures, %4ld faults injected\n", op->name, kind_name(kind),
           rc == SQLITE_FULL ? (persistent ? "SQLITE_FULL (disk full)" : "SQLITE_FULL (once)")
                             : (persistent ? "SQLITE_IOERR (lasting)" : "SQLITE_IOERR (once)"),
           calls, failures, injected);
    assert_true(failures > 0 || calls == 0);
}

static void sweep_all(const struct op *op)
{
    sweep(op, FV_WRITE, SQLITE_FULL, 1);
    sweep(op, FV_WRITE, SQLITE_IOERR_WRITE, 0);
    sweep(op, FV_SYNC, SQLITE_IOERR_FSYNC, 0);
    sweep(op, FV_TRUNCATE, SQLITE_IOERR_TRUNCATE, 0);
}

#define OP_TEST(fn, label, basefile, flags, runner, afterfn)                                                         \
    static void fn(void **state)                                                                                      \
    {                                                                                                                 \
        (void)state;                                                                                                  \
        const struct op op = {label, basefile, flags, runner != op_backup, runner, afterfn};                         \
        sweep_all(&op);                                                                                               \
    }

OP_TEST(import_members, "import members", base_main, 0, op_import_members, NULL)
OP_TEST(import_members_skip_bad, "import members --skip-bad", base_main, 0, op_import_members_skip, NULL)
OP_TEST(import_members_spilling, "import members, cache spills", base_main, 0, op_import_members_spill, NULL)
OP_TEST(import_members_spilling_skip_bad, "import --skip-bad, spills", base_main, 0, op_import_members_spill_skip,
        NULL)
OP_TEST(import_orgs, "import orgs", base_main, 0, op_import_orgs, NULL)
OP_TEST(case_create, "case create", base_main, 0, op_case_create, NULL)
OP_TEST(case_update, "case update", base_main, 0, op_case_update, NULL)
OP_TEST(case_move, "case status move", base_main, 0, op_case_move, NULL)
OP_TEST(user_add, "user add", base_main, 0, op_user_add, NULL)
OP_TEST(migrate_v1_to_latest, "migration v1 -> latest", base_v1, UD_OPEN_NO_MIGRATE, op_migrate, NULL)
OP_TEST(migrate_v8_to_latest, "migration v8 -> latest", base_v8, UD_OPEN_NO_MIGRATE, op_migrate, NULL)
OP_TEST(backup, "backup", base_main, 0, op_backup, after_backup)

/* A statement SQLite runs after it rolled the transaction back would
 * commit on its own: the commit hook refuses it, and the transaction
 * stays lost until the outermost rollback. */
static void lost_transaction_commits_nothing(void **state)
{
    (void)state;
    const struct op op = {"lost", base_main, 0, 0, NULL, NULL};
    struct ud_db *db = open_work(&op);
    struct ud_err err;
    ud_err_clear(&err);
    uint64_t before = file_digest(work);
    assert_int_equal(ud_db_begin(db, &err), UD_OK);
    assert_int_equal(ud_db_begin(db, &err), UD_OK);
    /* what SQLite does after SQLITE_FULL: the transaction is gone */
    assert_int_equal(sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
    assert_int_not_equal(sqlite3_exec(db->h, "INSERT INTO case_numbers(year, last) VALUES (1999, 1)", NULL, NULL,
                                      NULL),
                         SQLITE_OK);
    assert_int_equal(ud_db_begin(db, &err), UD_ERR_IO);
    assert_non_null(strstr(err.msg, work));
    assert_int_equal(ud_db_commit(db, &err), UD_ERR_IO);
    assert_int_equal(db->txn_depth, 1);
    assert_null(ud_db_stmt(db, "SELECT 1", &err));
    assert_int_equal(ud_db_commit(db, &err), UD_ERR_IO);
    assert_int_equal(db->txn_depth, 0);
    ud_db_rollback(db); /* nothing open: does nothing */
    ud_db_close(db);
    assert_true(file_digest(work) == before);
}

/* ---- fixtures ---- */

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

/* n members of the enterprise union, ID numbers made here */
static int write_members(const char *path, int n)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fputs("name,id_number,org,phone,join_date\n", f);
    for (int i = 0; i < n; i++) {
        char birth[16], id[19];
        snprintf(birth, sizeof birth, "1975%02d%02d", 1 + i % 12, 1 + i % 28);
        tu_id_number(birth, 100 + i, id);
        fprintf(f, "会员%d,%s,BL-XQ-DG-001,1380013%04d,2020-01-%02d\n", i, id, i, 1 + i % 28);
    }
    return fclose(f) != 0 ? -1 : 0;
}

static int setup(void **state)
{
    (void)state;
    if (fv_register() != SQLITE_OK)
        return -1;
    /* a thousand commits: on a tmpfs their fsyncs cost nothing (the shim
     * makes the faults) */
    const char *tmp = getenv("TMPDIR");
    if (!tmp)
        tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(dir, sizeof dir, "%s/udfaults.XXXXXX", tmp);
    if (!mkdtemp(dir))
        return -1;
    snprintf(base_main, sizeof base_main, "%s/main.db", dir);
    snprintf(base_v1, sizeof base_v1, "%s/v1.db", dir);
    snprintf(base_v8, sizeof base_v8, "%s/v8.db", dir);
    snprintf(work, sizeof work, "%s/work.db", dir);
    snprintf(members_csv, sizeof members_csv, "%s/members.csv", dir);
    snprintf(spill_csv, sizeof spill_csv, "%s/spill.csv", dir);
    snprintf(orgs_csv, sizeof orgs_csv, "%s/orgs.csv", dir);
    snprintf(backup_dest, sizeof backup_dest, "%s/backup.db", dir);
    import_report = tmpfile();
    if (!import_report)
        return -1;

    /* the main base: tu_setup's database, a member and a received case */
    struct tu_fixture *fx = tu_setup();
    tu_member(fx, "王五", "19800101", 11);
    struct ud_case c;
    struct ud_err err;
    ud_err_clear(&err);
    ud_case_init(&c);
    c.mediation_org_id = fx->street;
    snprintf(c.received_on, sizeof c.received_on, "2026-11-01");
    snprintf(c.dispute_type, sizeof c.dispute_type, "wages");
    snprintf(c.applicant_name, sizeof c.applicant_name, "张三");
    if (ud_case_create(fx->db, &c, &err) != UD_OK)
        return -1;
    case_id = c.id;
    ud_db_close(fx->db);
    copy_file(fx->path, base_main);
    tu_remove_db(fx->path);
    free(fx);

    /* a database at version 1 (the schema before the audit log), with rows */
    sqlite3 *h;
    if (sqlite3_open(base_v1, &h) != SQLITE_OK || ud_migrate_up(h, 1, &err) != UD_OK ||
        sqlite3_exec(h,
                     "INSERT INTO orgs(code, name, kind) VALUES ('BL', '北仑区总工会', 'district_federation');"
                     "INSERT INTO orgs(code, name, kind, parent_id) VALUES ('BL-1', '宁波港机械厂工会', "
                     "'enterprise_union', 1);"
                     "INSERT INTO users(login, role) VALUES ('admin', 'admin');",
                     NULL, NULL, NULL) != SQLITE_OK)
        return -1;
    sqlite3_close(h);
    /* and at version 8, upgraded by the migrations alone (no triggers run) */
    copy_file(base_v1, base_v8);
    if (sqlite3_open(base_v8, &h) != SQLITE_OK || ud_migrate_up(h, 8, &err) != UD_OK)
        return -1;
    sqlite3_close(h);

    if (write_members(members_csv, 150) != 0 || write_members(spill_csv, 25) != 0)
        return -1;
    /* organizations, a parent named after its child */
    write_text(orgs_csv, "code,name,kind,parent\n"
                         "BL-XQ-003,宁波钢铁工会,enterprise_union,BL-XQ-DG2\n"
                         "BL-XQ-DG2,小港社区总工会,community_federation,BL-XQ\n"
                         "BL-XQ-004,北仑港务工会,enterprise_union,BL-XQ\n");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    printf("# faults injected: %ld in %ld attempts; partial writes found: %ld\n", total_injected, total_attempts,
           partial_writes);
    tu_remove_db(work);
    tu_remove_db(base_main);
    tu_remove_db(base_v1);
    tu_remove_db(base_v8);
    tu_remove_db(backup_dest);
    unlink(members_csv);
    unlink(spill_csv);
    unlink(orgs_csv);
    rmdir(dir);
    if (import_report)
        fclose(import_report);
    return 0;
}

/* a failed sweep leaves no fault armed for the next test */
static int disarm(void **state)
{
    (void)state;
    fv_disarm();
    sqlite3_soft_heap_limit64(0);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(lost_transaction_commits_nothing, disarm),
        cmocka_unit_test_teardown(import_members, disarm),
        cmocka_unit_test_teardown(import_members_skip_bad, disarm),
        cmocka_unit_test_teardown(import_members_spilling, disarm),
        cmocka_unit_test_teardown(import_members_spilling_skip_bad, disarm),
        cmocka_unit_test_teardown(import_orgs, disarm),
        cmocka_unit_test_teardown(case_create, disarm),
        cmocka_unit_test_teardown(case_update, disarm),
        cmocka_unit_test_teardown(case_move, disarm),
        cmocka_unit_test_teardown(user_add, disarm),
        cmocka_unit_test_teardown(migrate_v1_to_latest, disarm),
        cmocka_unit_test_teardown(migrate_v8_to_latest, disarm),
        cmocka_unit_test_teardown(backup, disarm),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
