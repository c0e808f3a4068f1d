/* libFuzzer target: the whole import, members and cases (and orgs, whose
 * parents may come later in the file), of fuzzed CSV into a database with
 * a small organization tree. The first byte picks the kind (bit 0 cases,
 * bit 4 orgs) and the options (bits 1-2 equal to 01 write, else a dry run;
 * bit 3 --skip-bad); the rest is the file.
 * Whatever the file: no crash, leak or undefined behaviour; a refused
 * file or a dry run leaves the database as it was. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db_int.h" /* white-box: counts rows with SQLite */
#include "uniondesk/import.h"
#include "uniondesk/org.h"
#include "uniondesk/user.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct ud_db *db;
static char csv_path[256];
static FILE *devnull;

static void must(int st, const struct ud_err *err, const char *what)
{
    if (st != UD_OK) {
        fprintf(stderr, "fuzz_import setup: %s: %s\n", what, err->msg);
        abort();
    }
}

static void add_org(const char *code, const char *name, const char *kind, const char *parent)
{
    struct ud_org o;
    struct ud_err err;
    ud_err_clear(&err);
    ud_org_init(&o);
    snprintf(o.code, sizeof o.code, "%s", code);
    snprintf(o.name, sizeof o.name, "%s", name);
    snprintf(o.kind, sizeof o.kind, "%s", kind);
    if (parent)
        must(ud_org_resolve(db, parent, &o.parent_id, &err), &err, "parent");
    must(ud_org_create(db, &o, &err), &err, "org");
}

static void setup(void)
{
    const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    char path[256];
    snprintf(path, sizeof path, "%s/udfuzz.%ld.db", tmp, (long)getpid());
    snprintf(csv_path, sizeof csv_path, "%s/udfuzz.%ld.csv", tmp, (long)getpid());
    unlink(path);
    setenv("UNIONDESK_TODAY", "2026-11-26", 1);
    struct ud_err err;
    ud_err_clear(&err);
    must(ud_db_open(&db, path, UD_OPEN_CREATE, &err), &err, "open");
    must(ud_user_bootstrap(db, "admin", &err), &err, "bootstrap");
    must(ud_db_set_user(db, "admin", &err), &err, "login");
    add_org("BL", "北仑区总工会", "district_federation", NULL);
    add_org("BL-XQ", "新碶街道总工会", "street_federation", "BL");
    add_org("BL-XQ-001", "宁波港机械厂工会", "enterprise_union", "BL-XQ");
    /* the database lives as long as the process; its files go at once */
    unlink(path);
    char p[300];
    snprintf(p, sizeof p, "%s-wal", path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", path);
    unlink(p);
    devnull = fopen("/dev/null", "w");
}

static long count(const char *table)
{
    char q[100];
    snprintf(q, sizeof q, "SELECT count(*) FROM %s", table);
    sqlite3_stmt *st;
    long n = -1;
    if (sqlite3_prepare_v2(db->h, q, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 65536)
        return 0;
    if (!db)
        setup();
    FILE *f = fopen(csv_path, "wb");
    if (!f)
        return 0;
    fwrite(data + 1, 1, size - 1, f);
    fclose(f);
    struct ud_import_opts o;
    memset(&o, 0, sizeof o);
    o.kind = data[0] & 16 ? "orgs" : data[0] & 1 ? "cases" : "members";
    const char *table = data[0] & 16 ? "orgs" : data[0] & 1 ? "cases" : "members";
    o.path = csv_path;
    o.encoding = UD_ENC_AUTO;
    o.dry_run = (data[0] & 6) != 2; /* mostly dry runs: the database stays small */
    o.skip_bad = (data[0] & 8) != 0;
    o.report = devnull;
    long before = count(table);
    struct ud_import_result res;
    struct ud_err err;
    ud_err_clear(&err);
    int st = ud_import_run(db, &o, &res, &err);
    long after = count(table);
    if ((st != UD_OK || o.dry_run) && after != before)
        abort(); /* a refused file or a dry run wrote something */
    if (st == UD_OK && !o.dry_run && after != before + res.imported)
        abort();
    unlink(csv_path);
    return 0;
}
