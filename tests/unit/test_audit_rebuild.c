/* The lean audit log loses nothing: a seeded randomized history of
 * inserts, updates of random column subsets (NULL↔value, text that looks
 * like a number, quotes and newlines), deletes (with cascades) and ids
 * reused, over orgs, members, cases, case_events, courses and enrolments —
 * members also through the module — with reads noted in between. The row
 * is snapshotted after every operation; then the state before and after
 * every audit entry, as ud_audit_state rebuilds it, must equal the
 * snapshots. The second run writes the history under the old (0006)
 * triggers, with two writes made with the triggers dropped, then runs
 * migration 0007 and compares again: the conversion is lossless, and the
 * after-images the chain cannot give are kept as checkpoints. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"
#include "migrate_int.h"
#include "uniondesk/audit.h"

#define NTBL 6
#define MAXID 8192
#define OPS 2400

enum kind { K_TEXT, K_TEXT_REQ, K_INT, K_INT01, K_DATE, K_SCORE, K_END };
struct col {
    const char *name;
    enum kind kind;
};
static const struct {
    const char *name;
    struct col cols[8];
} tables[NTBL] = {
    {"orgs",
     {{"chair", K_TEXT}, {"phone", K_TEXT}, {"address", K_TEXT}, {"units_covered", K_INT}, {"staff_count", K_INT},
      {"established_on", K_DATE}, {NULL, K_END}}},
    {"members",
     {{"job_title", K_TEXT}, {"ethnicity", K_TEXT}, {"phone", K_TEXT}, {"is_migrant", K_INT01}, {"join_date", K_DATE},
      {"name", K_TEXT_REQ}, {NULL, K_END}}},
    {"cases",
     {{"agreed_fen", K_INT}, {"mediator", K_TEXT}, {"outcome", K_TEXT}, {"claims", K_TEXT}, {"respondent_rep", K_TEXT},
      {"applicant_phone", K_TEXT}, {"applicant_name", K_TEXT_REQ}, {NULL, K_END}}},
    {"case_events", {{"body", K_TEXT}, {"from_status", K_TEXT}, {"to_status", K_TEXT}, {NULL, K_END}}},
    {"courses", {{"location", K_TEXT}, {"hours", K_INT}, {"capacity", K_INT}, {"title", K_TEXT_REQ}, {NULL, K_END}}},
    {"enrolments", {{"score", K_SCORE}, {"certificate_no", K_TEXT}, {"fee_paid_fen", K_INT}, {NULL, K_END}}},
};

struct expect {
    int64_t id;
    char *before, *after;
    int has_before, has_after;
};

struct run {
    struct tu_fixture *fx;
    uint64_t rng;
    int64_t last_audit;
    int counter;
    char *state[NTBL][MAXID]; /* the row as last snapshotted (NULL: absent) */
    int64_t freed[NTBL][64];  /* deleted ids, for reuse */
    int nfreed[NTBL];
    struct expect *ex;
    int nex, cap;
    int writes;
};

static uint64_t rnd(struct run *r)
{
    r->rng ^= r->rng << 13;
    r->rng ^= r->rng >> 7;
    r->rng ^= r->rng << 17;
    return r->rng;
}
static int pick(struct run *r, int n)
{
    return (int)(rnd(r) % (uint64_t)n);
}

static int tbl_index(const char *name)
{
    for (int i = 0; i < NTBL; i++)
        if (strcmp(tables[i].name, name) == 0)
            return i;
    return -1;
}

static char *dup_or_null(const unsigned char *s)
{
    return s ? strdup((const char *)s) : NULL;
}

static char *current(struct run *r, const char *tbl, int64_t id)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(r->fx->db->h, "SELECT row_json FROM audit_current WHERE tbl = ?1 AND row_id = ?2",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, tbl, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, id);
    char *s = sqlite3_step(st) == SQLITE_ROW ? dup_or_null(sqlite3_column_text(st, 0)) : NULL;
    sqlite3_finalize(st);
    return s;
}

static void snapshot_all(struct run *r)
{
    for (int t = 0; t < NTBL; t++) {
        char q[128];
        snprintf(q, sizeof q, "SELECT id FROM %s", tables[t].name);
        sqlite3_stmt *st;
        assert_int_equal(sqlite3_prepare_v2(r->fx->db->h, q, -1, &st, NULL), SQLITE_OK);
        while (sqlite3_step(st) == SQLITE_ROW) {
            int64_t id = sqlite3_column_int64(st, 0);
            assert_true(id > 0 && id < MAXID);
            free(r->state[t][id]);
            r->state[t][id] = current(r, tables[t].name, id);
        }
        sqlite3_finalize(st);
    }
    r->last_audit = tu_int(r->fx, "SELECT ifnull(max(id), 0) FROM audit_log");
}

/* The entries the last operation wrote: each one's before is the row's
 * last snapshot (for the first entry of a row), its after the row now (for
 * the last entry of a row); the snapshot moves on. */
static void record(struct run *r)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(r->fx->db->h,
                                        "SELECT id, tbl, row_id, action, "
                                        "NOT EXISTS (SELECT 1 FROM audit_log b WHERE b.id > a.id AND b.tbl = a.tbl "
                                        "AND b.row_id = a.row_id AND b.action IN ('insert', 'update', 'delete')), "
                                        "NOT EXISTS (SELECT 1 FROM audit_log b WHERE b.id < a.id AND b.id > ?1 AND "
                                        "b.tbl = a.tbl AND b.row_id = a.row_id "
                                        "AND b.action IN ('insert', 'update', 'delete')) "
                                        "FROM audit_log a WHERE id > ?1 AND action IN ('insert', 'update', 'delete') "
                                        "ORDER BY id",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_int64(st, 1, r->last_audit);
    while (sqlite3_step(st) == SQLITE_ROW) {
        int t = tbl_index((const char *)sqlite3_column_text(st, 1));
        int64_t row = sqlite3_column_int64(st, 2);
        if (t < 0)
            continue; /* users: not in this history */
        assert_true(row > 0 && row < MAXID);
        if (r->nex == r->cap) {
            r->cap = r->cap ? r->cap * 2 : 1024;
            r->ex = realloc(r->ex, (size_t)r->cap * sizeof *r->ex);
            assert_non_null(r->ex);
        }
        struct expect *e = &r->ex[r->nex++];
        memset(e, 0, sizeof *e);
        e->id = sqlite3_column_int64(st, 0);
        int last = sqlite3_column_int(st, 4), first = sqlite3_column_int(st, 5);
        if (first) {
            e->has_before = 1;
            e->before = r->state[t][row] ? strdup(r->state[t][row]) : NULL;
        }
        if (last) {
            e->has_after = 1;
            e->after = current(r, tables[t].name, row);
            free(r->state[t][row]);
            r->state[t][row] = e->after ? strdup(e->after) : NULL;
            if (!e->after && strcmp((const char *)sqlite3_column_text(st, 3), "delete") == 0 && r->nfreed[t] < 64)
                r->freed[t][r->nfreed[t]++] = row;
        }
        r->writes++;
    }
    sqlite3_finalize(st);
    r->last_audit = tu_int(r->fx, "SELECT ifnull(max(id), 0) FROM audit_log");
}

static int64_t random_row(struct run *r, int t)
{
    char q[160];
    int64_t n = 0;
    snprintf(q, sizeof q, "SELECT count(*) FROM %s", tables[t].name);
    n = tu_int(r->fx, q);
    if (n <= 0)
        return 0;
    snprintf(q, sizeof q, "SELECT id FROM %s ORDER BY id LIMIT 1 OFFSET %d", tables[t].name, pick(r, (int)n));
    return tu_int(r->fx, q);
}

/* A reused id, if a deleted one is free, else NULL (the next one). */
static int64_t reuse_id(struct run *r, int t)
{
    if (r->nfreed[t] == 0 || pick(r, 3) != 0)
        return 0;
    int i = pick(r, r->nfreed[t]);
    int64_t id = r->freed[t][i];
    r->freed[t][i] = r->freed[t][--r->nfreed[t]];
    return r->state[t][id] ? 0 : id;
}

static const char *const texts[] = {"焊工", "007", "12", "a\"b\\c", "line\nbreak", "宁波港", "null", "{\"x\":1}", "tab\there"};

static void bind_value(struct run *r, sqlite3_stmt *st, int i, enum kind k)
{
    /* NULL into a NOT NULL column fails: the operation is skipped */
    if (k != K_TEXT_REQ && k != K_INT01 && pick(r, 4) == 0) {
        sqlite3_bind_null(st, i);
        return;
    }
    char buf[40];
    switch (k) {
    case K_TEXT:
    case K_TEXT_REQ:
        if (pick(r, 2)) {
            sqlite3_bind_text(st, i, texts[pick(r, (int)(sizeof texts / sizeof texts[0]))], -1, SQLITE_STATIC);
        } else {
            snprintf(buf, sizeof buf, "v%d", r->counter++);
            sqlite3_bind_text(st, i, buf, -1, SQLITE_TRANSIENT);
        }
        break;
    case K_INT:
        sqlite3_bind_int64(st, i, pick(r, 4) ? pick(r, 1000) : 0);
        break;
    case K_INT01:
        sqlite3_bind_int(st, i, pick(r, 2));
        break;
    case K_SCORE:
        sqlite3_bind_int(st, i, pick(r, 101));
        break;
    case K_DATE:
        snprintf(buf, sizeof buf, "2026-%02d-%02d", 1 + pick(r, 12), 1 + pick(r, 28));
        sqlite3_bind_text(st, i, buf, -1, SQLITE_TRANSIENT);
        break;
    case K_END:
        break;
    }
}

/* Runs one statement; a constraint (a row still referenced, a duplicate)
 * just skips the operation: nothing was written. */
static void run_sql(struct run *r, sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    if (rc != SQLITE_DONE && (rc & 0xff) != SQLITE_CONSTRAINT)
        fail_msg("%s: %s", sqlite3_sql(st), sqlite3_errmsg(r->fx->db->h));
    sqlite3_finalize(st);
}

static void op_insert(struct run *r, int t)
{
    struct tu_fixture *fx = r->fx;
    int64_t id = reuse_id(r, t);
    unsigned n = (unsigned)r->counter++;
    const char *sql = NULL;
    switch (t) {
    case 0:
        sql = "INSERT INTO orgs(id, code, name, kind, parent_id) VALUES (?1, 'T' || ?2, '测试工会' || ?2, "
              "'enterprise_union', ?3)";
        break;
    case 1:
        if (!id && pick(r, 2)) { /* through the module */
            char birth[16];
            snprintf(birth, sizeof birth, "19%02u0%u%02u", 60 + n % 40, 1 + n % 9, 1 + n % 28);
            tu_member(fx, "李明", birth, (int)(n % 1000));
            return;
        }
        sql = "INSERT INTO members(id, name, gender, id_number, birth_date, org_id) VALUES (?1, '王五', 'M', "
              "printf('X%017d', ?2), '1990-01-01', ?3)";
        break;
    case 2:
        sql = "INSERT INTO cases(id, case_no, mediation_org_id, received_on, applicant_name, dispute_type) "
              "VALUES (?1, 'TC-' || ?2, ?3, '2026-01-05', '申请人', 'wages')";
        break;
    case 3: {
        int64_t c = random_row(r, 2);
        if (!c)
            return;
        sqlite3_stmt *st;
        assert_int_equal(sqlite3_prepare_v2(fx->db->h,
                                            "INSERT INTO case_events(id, case_id, login, kind, body) "
                                            "VALUES (?1, ?2, 'admin', 'note', 'note ' || ?3)",
                                            -1, &st, NULL),
                         SQLITE_OK);
        if (id)
            sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int64(st, 2, c);
        sqlite3_bind_int64(st, 3, n);
        run_sql(r, st);
        return;
    }
    case 4:
        sql = "INSERT INTO courses(id, code, title, category, starts_on) VALUES (?1, 'C' || ?2, '课程' || ?2, "
              "'cadre_intro', '2026-03-01')";
        break;
    default: {
        int64_t c = random_row(r, 4), m = random_row(r, 1);
        if (!c || !m)
            return;
        sqlite3_stmt *st;
        assert_int_equal(sqlite3_prepare_v2(fx->db->h,
                                            "INSERT INTO enrolments(id, course_id, member_id, enrolled_on) "
                                            "VALUES (?1, ?2, ?3, '2026-03-02')",
                                            -1, &st, NULL),
                         SQLITE_OK);
        if (id)
            sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int64(st, 2, c);
        sqlite3_bind_int64(st, 3, m);
        run_sql(r, st);
        return;
    }
    }
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(fx->db->h, sql, -1, &st, NULL), SQLITE_OK);
    if (id)
        sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, n);
    sqlite3_bind_int64(st, 3, t == 0 ? fx->street : t == 1 ? fx->enterprise : fx->district);
    run_sql(r, st);
}

/* A random subset of the columns, set by plain SQL; the version moves as
 * the modules move it, except now and then. */
static void op_update(struct run *r, int t)
{
    int64_t id = random_row(r, t);
    if (!id)
        return;
    int ncols = 0;
    while (tables[t].cols[ncols].name)
        ncols++;
    int chosen[8], nch = 0;
    for (int i = 0; i < ncols; i++)
        if (pick(r, 3) == 0)
            chosen[nch++] = i;
    if (nch == 0)
        chosen[nch++] = pick(r, ncols);
    char sql[512] = "";
    int len = snprintf(sql, sizeof sql, "UPDATE %s SET ", tables[t].name);
    for (int i = 0; i < nch; i++)
        len += snprintf(sql + len, sizeof sql - (size_t)len, "%s%s = ?%d", i ? ", " : "", tables[t].cols[chosen[i]].name,
                        i + 1);
    len += snprintf(sql + len, sizeof sql - (size_t)len, "%s WHERE id = ?%d",
                    pick(r, 5) ? ", version = version + 1" : "", nch + 1);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(r->fx->db->h, sql, -1, &st, NULL), SQLITE_OK);
    for (int i = 0; i < nch; i++)
        bind_value(r, st, i + 1, tables[t].cols[chosen[i]].kind);
    sqlite3_bind_int64(st, nch + 1, id);
    run_sql(r, st);
}

static void op_delete(struct run *r, int t)
{
    int64_t id = random_row(r, t);
    if (!id || (t == 0 && id <= r->fx->enterprise2)) /* the fixture's tree stays */
        return;
    char sql[128];
    snprintf(sql, sizeof sql, "DELETE FROM %s WHERE id = %lld", tables[t].name, (long long)id);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(r->fx->db->h, sql, -1, &st, NULL), SQLITE_OK);
    run_sql(r, st);
}

static void history(struct run *r, int ops)
{
    for (int i = 0; i < ops; i++) {
        int t = pick(r, NTBL), what = pick(r, 10);
        if (what < 4)
            op_insert(r, t);
        else if (what < 9)
            op_update(r, t);
        else
            op_delete(r, t);
        if (pick(r, 25) == 0) { /* a read noted in between */
            struct ud_err err;
            ud_err_clear(&err);
            assert_int_equal(ud_audit_note(r->fx->db, tables[t].name, random_row(r, t), "read", "id_number", &err),
                             UD_OK);
        }
        record(r);
    }
}

static int same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static void compare(struct run *r)
{
    int checked = 0;
    for (int i = 0; i < r->nex; i++) {
        struct expect *e = &r->ex[i];
        struct ud_audit_state s;
        struct ud_err err;
        ud_err_clear(&err);
        assert_int_equal(ud_audit_state(r->fx->db, e->id, &s, &err), UD_OK);
        if (s.broken)
            fail_msg("audit entry %lld: chain reported broken", (long long)e->id);
        if (e->has_before && !same(s.before, e->before))
            fail_msg("audit entry %lld, before:\n  rebuilt %s\n  snapshot %s", (long long)e->id,
                     s.before ? s.before : "(none)", e->before ? e->before : "(none)");
        if (e->has_after && !same(s.after, e->after))
            fail_msg("audit entry %lld, after:\n  rebuilt %s\n  snapshot %s", (long long)e->id,
                     s.after ? s.after : "(none)", e->after ? e->after : "(none)");
        checked += e->has_before + e->has_after;
        ud_audit_state_free(&s);
    }
    print_message("# %d writes logged, %d states rebuilt and compared, %lld checkpoints\n", r->writes, checked,
                  (long long)tu_int(r->fx, "SELECT count(*) FROM audit_log WHERE action IN ('insert', 'update') "
                                           "AND after_json IS NOT NULL"));
    assert_true(r->writes >= 2000);
    assert_true(checked >= 2 * r->writes - r->writes / 10); /* almost every entry has both sides */
}

static void run_free(struct run *r)
{
    for (int i = 0; i < r->nex; i++) {
        free(r->ex[i].before);
        free(r->ex[i].after);
    }
    free(r->ex);
    for (int t = 0; t < NTBL; t++)
        for (int i = 0; i < MAXID; i++)
            free(r->state[t][i]);
    tu_teardown(r->fx);
    free(r);
}

static struct run *run_new(uint64_t seed)
{
    struct run *r = calloc(1, sizeof *r);
    assert_non_null(r);
    r->fx = tu_setup();
    r->rng = seed;
    /* thousands of one-statement transactions: durability is not tested here */
    assert_int_equal(sqlite3_exec(r->fx->db->h, "PRAGMA synchronous = OFF", NULL, NULL, NULL), SQLITE_OK);
    return r;
}

static void exec_ok(struct run *r, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(r->fx->db->h, sql, NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("%.200s: %s", sql, msg ? msg : "");
}

static int each_broken(const struct ud_audit *a, const char *before, const char *after, void *ctx)
{
    int *counts = ctx;
    counts[0]++;
    if (a->broken && !before && !after && a->summary[0])
        counts[1]++;
    return 0;
}

static void lean_history_rebuilds(void **state)
{
    (void)state;
    struct run *r = run_new(0x5eed2026u);
    snapshot_all(r);
    history(r, OPS);
    assert_true(tu_int(r->fx, "SELECT count(*) FROM audit_log WHERE action IN ('insert', 'update') "
                              "AND after_json IS NOT NULL") == 0);
    assert_true(tu_int(r->fx, "SELECT count(*) FROM audit_log WHERE action = 'insert' AND tbl = 'members'") > 100);
    /* the history has what it must: ids reused, NULL↔value both ways,
     * text that looks like a number, cascaded deletes, reads between */
    assert_true(tu_int(r->fx, "SELECT count(*) FROM (SELECT 1 FROM audit_log WHERE action = 'insert' "
                              "GROUP BY tbl, row_id HAVING count(*) > 1)") > 0);
    assert_true(tu_int(r->fx, "SELECT count(*) FROM audit_log, json_each(before_json) d WHERE action = 'update' "
                              "AND d.type = 'null'") > 0);
    assert_true(tu_int(r->fx, "SELECT count(*) FROM audit_log a, json_each(a.before_json) d WHERE a.action = 'update' "
                              "AND d.type <> 'null' AND d.key <> 'version' AND json_extract((SELECT b.before_json "
                              "FROM audit_log b WHERE b.tbl = a.tbl AND b.row_id = a.row_id AND b.id > a.id "
                              "AND b.action = 'update' AND b.before_json LIKE '%\"' || d.key || '\":%' "
                              "ORDER BY b.id LIMIT 1), '$.\"' || d.key || '\"') IS NULL") > 0);
    assert_true(tu_int(r->fx, "SELECT count(*) FROM audit_log WHERE action = 'update' AND before_json LIKE '%\"007\"%'") > 0);
    assert_true(tu_int(r->fx, "SELECT count(*) FROM audit_log WHERE action = 'delete' AND tbl = 'case_events'") > 0);
    assert_true(tu_int(r->fx, "SELECT count(*) FROM audit_log WHERE action = 'read'") > 10);
    compare(r);

    /* a delete made with the triggers dropped: the row's entries are
     * reported broken, not filled in */
    int64_t m = tu_int(r->fx, "SELECT max(row_id) FROM audit_log WHERE tbl = 'orgs' AND action = 'update' "
                              "AND row_id IN (SELECT id FROM orgs WHERE id NOT IN (SELECT parent_id FROM orgs "
                              "WHERE parent_id IS NOT NULL) AND id NOT IN (SELECT org_id FROM members) "
                              "AND id NOT IN (SELECT ifnull(employer_org_id, 0) FROM cases) "
                              "AND id NOT IN (SELECT mediation_org_id FROM cases) "
                              "AND id NOT IN (SELECT ifnull(organizer_org_id, 0) FROM courses))");
    assert_true(m > 0);
    char sql[200];
    snprintf(sql, sizeof sql, "SELECT max(id) FROM audit_log WHERE tbl = 'orgs' AND row_id = %lld", (long long)m);
    int64_t last = tu_int(r->fx, sql);
    exec_ok(r, "DROP TRIGGER orgs_audit_delete");
    snprintf(sql, sizeof sql, "DELETE FROM orgs WHERE id = %lld", (long long)m);
    exec_ok(r, sql);
    struct ud_audit_state s;
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_audit_state(r->fx->db, last, &s, &err), UD_OK);
    assert_int_equal(s.broken, 1);
    assert_null(s.before);
    assert_null(s.after);
    assert_int_not_equal(ud_audit_changes(r->fx->db, last, NULL, NULL, &err), UD_OK);
    /* the command's listing says so for each of the row's writes */
    struct ud_audit_filter f = {"orgs", m, NULL, NULL, NULL, NULL};
    int counts[2] = {0, 0};
    ud_err_clear(&err);
    assert_int_equal(ud_audit_each(r->fx->db, &f, 0, each_broken, counts, &err), UD_OK);
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM audit_log WHERE tbl = 'orgs' AND row_id = %lld AND action IN ('insert', 'update')",
             (long long)m);
    assert_int_equal(counts[0], tu_int(r->fx, sql));
    assert_int_equal(counts[1], counts[0]);
    run_free(r);
}

/* The audit triggers as 0003, 0005 and 0006 made them (the last word of
 * each), from the migrations built into the program. */
struct old_trigger {
    char name[64];
    const char *sql;
    size_t len;
};

static int old_triggers(struct old_trigger *out, int max)
{
    int n = 0;
    for (int i = 0; i < ud_migration_count; i++) {
        if (ud_migrations[i].version > 6)
            continue;
        const char *p = ud_migrations[i].sql;
        while ((p = strstr(p, "CREATE TRIGGER ")) != NULL) {
            const char *name = p + strlen("CREATE TRIGGER "), *end = strstr(p, "\nEND;");
            size_t nl = strcspn(name, " ");
            assert_non_null(end);
            p = name; /* audit_log_no_update ends on its own line */
            if (nl < 64 && strstr(name, "_audit_") && strstr(name, "_audit_") < name + nl) {
                int k = 0;
                while (k < n && strncmp(out[k].name, name, nl) != 0)
                    k++;
                if (k == n) {
                    assert_true(n < max);
                    n++;
                }
                memcpy(out[k].name, name, nl);
                out[k].name[nl] = '\0';
                out[k].sql = p - strlen("CREATE TRIGGER ");
                out[k].len = (size_t)(end + strlen("\nEND;") - out[k].sql);
                p = end;
            }
        }
    }
    return n;
}

static void put_trigger(struct run *r, const struct old_trigger *t)
{
    char drop[100];
    snprintf(drop, sizeof drop, "DROP TRIGGER IF EXISTS %s", t->name);
    exec_ok(r, drop);
    char *sql = strndup(t->sql, t->len);
    exec_ok(r, sql);
    free(sql);
}

/* A write with the audit triggers of members dropped: the last entry of
 * that row before it must keep its after-image through the migration. */
static int64_t unlogged_update(struct run *r, const struct old_trigger *old, int n, int64_t *member)
{
    int64_t m = random_row(r, 1);
    char sql[200];
    snprintf(sql, sizeof sql,
             "SELECT max(id) FROM audit_log WHERE tbl = 'members' AND row_id = %lld AND action IN ('insert', 'update')",
             (long long)m);
    int64_t last = tu_int(r->fx, sql);
    exec_ok(r, "DROP TRIGGER members_audit_update");
    snprintf(sql, sizeof sql, "UPDATE members SET job_title = '未记录的修改', version = version + 1 WHERE id = %lld",
             (long long)m);
    exec_ok(r, sql);
    for (int i = 0; i < n; i++)
        if (strcmp(old[i].name, "members_audit_update") == 0)
            put_trigger(r, &old[i]);
    free(r->state[1][m]); /* the next logged write starts from the row as it is */
    r->state[1][m] = current(r, "members", m);
    r->last_audit = tu_int(r->fx, "SELECT ifnull(max(id), 0) FROM audit_log");
    *member = m;
    return last;
}

static void old_log_converts_losslessly(void **state)
{
    (void)state;
    struct run *r = run_new(0xa0d17u);
    struct old_trigger old[40];
    int n = old_triggers(old, 40);
    assert_int_equal(n, 27);
    for (int i = 0; i < n; i++)
        put_trigger(r, &old[i]);
    snapshot_all(r);
    history(r, OPS / 2);
    int64_t m1, m2;
    int64_t kept1 = unlogged_update(r, old, n, &m1);
    history(r, OPS / 2); /* (the row may or may not be written again) */
    int64_t kept2 = unlogged_update(r, old, n, &m2);
    /* the old triggers wrote whole images */
    assert_true(tu_int(r->fx, "SELECT count(*) FROM audit_log WHERE action = 'insert' AND after_json IS NOT NULL") > 100);

    /* migration 0007 again, on this log */
    const char *v7 = NULL;
    for (int i = 0; i < ud_migration_count; i++)
        if (ud_migrations[i].version == 7)
            v7 = ud_migrations[i].sql;
    assert_non_null(v7);
    exec_ok(r, "DROP VIEW audit_current");
    exec_ok(r, "BEGIN");
    exec_ok(r, v7);
    exec_ok(r, "COMMIT");

    /* the after-images the chain cannot give are kept, and only they */
    char sql[300];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM audit_log WHERE action IN ('insert', 'update') AND after_json IS NOT NULL "
             "AND id NOT IN (%lld, %lld)",
             (long long)kept1, (long long)kept2);
    assert_int_equal(tu_int(r->fx, sql), 0);
    snprintf(sql, sizeof sql, "SELECT count(*) FROM audit_log WHERE id IN (%lld, %lld) AND after_json IS NOT NULL",
             (long long)kept1, (long long)kept2);
    assert_int_equal(tu_int(r->fx, sql), kept1 == kept2 ? 1 : 2);
    assert_int_equal(tu_int(r->fx, "SELECT count(*) FROM audit_log WHERE action = 'update' AND after_json IS NULL "
                                   "AND json_extract(before_json, '$.version') IS NULL"),
                     0);
    compare(r);
    run_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lean_history_rebuilds),
        cmocka_unit_test(old_log_converts_losslessly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
