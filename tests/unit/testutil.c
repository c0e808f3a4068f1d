#include "testutil.h"

#include <glob.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "uniondesk/demo.h"

#include "uniondesk/i18n.h"
#include "uniondesk/member.h"
#include "uniondesk/org.h"
#include "uniondesk/parse.h"
#include "uniondesk/user.h"
#include "audit_int.h"

static void must(int status, const struct ud_err *err, const char *what)
{
    if (status != UD_OK) {
        char buf[1024];
        ud_err_text(err, buf, sizeof buf);
        fail_msg("%s failed: %s", what, buf);
    }
}

static int64_t add_org(struct tu_fixture *fx, const char *code, const char *name, const char *kind,
                       int64_t parent)
{
    struct ud_org o;
    struct ud_err err;
    ud_err_clear(&err);
    ud_org_init(&o);
    snprintf(o.code, sizeof o.code, "%s", code);
    snprintf(o.name, sizeof o.name, "%s", name);
    snprintf(o.kind, sizeof o.kind, "%s", kind);
    o.parent_id = parent ? parent : UD_NULL_INT;
    must(ud_org_create(fx->db, &o, &err), &err, "org create");
    return o.id;
}

struct tu_fixture *tu_setup(void)
{
    setenv("UNIONDESK_TODAY", "2026-11-26", 1);
    struct tu_fixture *fx = calloc(1, sizeof *fx);
    assert_non_null(fx);
    snprintf(fx->path, sizeof fx->path, "%s/udunit.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    int fd = mkstemp(fx->path);
    assert_true(fd >= 0);
    close(fd);
    unlink(fx->path);
    struct ud_err err;
    ud_err_clear(&err);
    must(ud_db_open(&fx->db, fx->path, UD_OPEN_CREATE, &err), &err, "open");
    must(ud_user_bootstrap(fx->db, "admin", &err), &err, "bootstrap");
    struct ud_user u;
    ud_user_init(&u);
    must(ud_user_set_fields(fx->db, &u, "officer", "李主管", "officer", &err), &err, "officer");
    must(ud_user_create(fx->db, &u, &err), &err, "officer create");
    ud_user_init(&u);
    must(ud_user_set_fields(fx->db, &u, "clerk", "王办事", "clerk", &err), &err, "clerk");
    must(ud_user_create(fx->db, &u, &err), &err, "clerk create");
    fx->district = add_org(fx, "BL", "北仑区总工会", "district_federation", 0);
    fx->street = add_org(fx, "BL-XQ", "新碶街道总工会", "street_federation", fx->district);
    fx->community = add_org(fx, "BL-XQ-DG", "大港社区总工会", "community_federation", fx->street);
    fx->enterprise = add_org(fx, "BL-XQ-DG-001", "宁波港机械厂工会", "enterprise_union", fx->community);
    fx->enterprise2 = add_org(fx, "BL-XQ-002", "宁波宝新不锈钢工会", "enterprise_union", fx->street);
    return fx;
}

void tu_teardown(struct tu_fixture *fx)
{
    if (!fx)
        return;
    ud_db_close(fx->db);
    char p[300];
    unlink(fx->path);
    snprintf(p, sizeof p, "%s-wal", fx->path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", fx->path);
    unlink(p);
    free(fx);
}

void tu_login(struct tu_fixture *fx, const char *login)
{
    struct ud_err err;
    ud_err_clear(&err);
    must(ud_db_set_user(fx->db, login, &err), &err, "login");
}

void tu_id_number(const char *birth, int seq, char out[19])
{
    char first17[18];
    snprintf(first17, sizeof first17, "330206%.8s%03u", birth, (unsigned)seq % 1000u);
    memcpy(out, first17, 17);
    out[17] = ud_id_check_char(first17);
    out[18] = '\0';
}

int64_t tu_member(struct tu_fixture *fx, const char *name, const char *birth, int seq)
{
    struct ud_member m;
    struct ud_err err;
    ud_err_clear(&err);
    ud_member_init(&m);
    snprintf(m.name, sizeof m.name, "%s", name);
    tu_id_number(birth, seq, m.id_number);
    m.org_id = fx->enterprise;
    must(ud_member_create(fx->db, &m, &err), &err, "member create");
    return m.id;
}

int tu_audit_count(struct tu_fixture *fx, const char *table, const char *action)
{
    sqlite3_stmt *st;
    int n = -1;
    if (sqlite3_prepare_v2(fx->db->h, "SELECT count(*) FROM audit_log WHERE tbl = ?1 AND (?2 IS NULL OR action = ?2)",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    if (action)
        sqlite3_bind_text(st, 2, action, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, 2);
    if (sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return n;
}

int64_t tu_db_int(struct ud_db *db, const char *sql)
{
    sqlite3_stmt *st;
    int64_t v = -1;
    if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
        fail_msg("bad SQL %s: %s", sql, sqlite3_errmsg(db->h));
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

int64_t tu_int(struct tu_fixture *fx, const char *sql)
{
    return tu_db_int(fx->db, sql);
}

struct ud_db *tu_demo_db(char *path, size_t pathsz)
{
    setenv("UNIONDESK_TODAY", "2026-11-26", 1);
    snprintf(path, pathsz, "%s/uddemo.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    unlink(path);
    struct ud_db *db;
    struct ud_err err;
    struct ud_demo_stats ds;
    ud_err_clear(&err);
    if (ud_db_open(&db, path, UD_OPEN_CREATE, &err) != UD_OK || ud_user_bootstrap(db, "admin", &err) != UD_OK ||
        ud_demo_generate(db, 0.02, 3, "2026-11-26", &ds, &err) != UD_OK)
        fail_msg("demo database: %s", err.msg);
    assert_true(ds.members > 5000);
    return db;
}

int tu_audit_states(struct tu_fixture *fx, const char *where, const char *cond)
{
    char *q = sqlite3_mprintf("SELECT id, tbl, row_id, action, before_json, after_json FROM audit_log WHERE %s", where);
    char *c = sqlite3_mprintf("SELECT count(*) FROM (SELECT ?1 AS before_json, ?2 AS after_json) WHERE %s", cond);
    sqlite3_stmt *st, *cs;
    if (sqlite3_prepare_v2(fx->db->h, q, -1, &st, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(fx->db->h, c, -1, &cs, NULL) != SQLITE_OK)
        fail_msg("bad SQL %s / %s: %s", q, c, sqlite3_errmsg(fx->db->h));
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        struct ud_audit_state s;
        struct ud_err err;
        ud_err_clear(&err);
        if (ud_audit_rebuild(fx->db, sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1),
                             sqlite3_column_int64(st, 2), (const char *)sqlite3_column_text(st, 3),
                             (const char *)sqlite3_column_text(st, 4), (const char *)sqlite3_column_text(st, 5), &s,
                             &err) != UD_OK)
            fail_msg("rebuild of audit entry %lld: %s", (long long)sqlite3_column_int64(st, 0), err.msg);
        if (s.broken)
            fail_msg("audit entry %lld: chain broken", (long long)sqlite3_column_int64(st, 0));
        sqlite3_bind_text(cs, 1, s.before, -1, SQLITE_STATIC);
        sqlite3_bind_text(cs, 2, s.after, -1, SQLITE_STATIC);
        if (sqlite3_step(cs) == SQLITE_ROW)
            n += sqlite3_column_int(cs, 0);
        sqlite3_reset(cs);
        ud_audit_state_free(&s);
    }
    sqlite3_finalize(st);
    sqlite3_finalize(cs);
    sqlite3_free(q);
    sqlite3_free(c);
    return n;
}

void tu_remove_db(const char *path)
{
    char pat[600];
    snprintf(pat, sizeof pat, "%s*", path);
    glob_t g;
    if (glob(pat, 0, NULL, &g) == 0)
        for (size_t i = 0; i < g.gl_pathc; i++)
            unlink(g.gl_pathv[i]);
    globfree(&g);
}

int tu_setup_zh(void **state)
{
    *state = tu_setup();
    ud_lang = UD_LANG_ZH;
    return 0;
}

int tu_teardown_zh(void **state)
{
    tu_teardown(*state);
    ud_lang = UD_LANG_ZH;
    return 0;
}
