/* The audit log: notes of reads and prints, and the admins' queries. The
 * writes themselves are logged by triggers (migrations 0002, 0003, 0007);
 * the full states the queries show are rebuilt by audit_state.c. */
#include "uniondesk/audit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "uniondesk/i18n.h"
#include "uniondesk/may.h"
#include "audit_int.h"
#include "listq.h"
#include "modutil.h"
#include "uniondesk/parse.h"
#include "uniondesk/utf8.h"
#include "sqlbuf.h"
#include "db_int.h"

static const char *const actions[] = {"insert", "update", "delete", "read", "print", NULL};

static int known_action(const char *a)
{
    for (int i = 0; actions[i]; i++)
        if (strcmp(actions[i], a) == 0)
            return 1;
    return 0;
}

int ud_audit_note(struct ud_db *db, const char *table, int64_t row_id, const char *action,
                  const char *detail, struct ud_err *err)
{
    if (!action || (strcmp(action, "read") != 0 && strcmp(action, "print") != 0))
        return ud_err_set(err, UD_ERR_INTERNAL, "ud_audit_note: action %s", action ? action : "(null)");
    if (ud_db_begin(db, err) != UD_OK)
        return err->status;
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "INSERT INTO audit_log(login, os_login, tbl, row_id, action, after_json) "
                                  "VALUES (ud_user(), ud_os_login(), ?1, ?2, ?3, json_object('detail', ?4))",
                                  err);
    if (!st) {
        ud_db_rollback(db);
        return err->status;
    }
    ud_bind_text(st, 1, table ? table : "");
    sqlite3_bind_int64(st, 2, row_id);
    ud_bind_text(st, 3, action);
    ud_bind_text(st, 4, detail ? detail : "");
    if (ud_mod_step(db, st, NULL, err) != UD_OK)
        return err->status;
    return ud_db_commit(db, err);
}

int ud_audit_filter_check(const struct ud_audit_filter *f, struct ud_err *err)
{
    char d[UD_DATE_SZ];
    const char *bad;
    if (f->action && *f->action && !known_action(f->action))
        ud_err_field(err, "action", "--action", T("未知的操作“%s”（可选：insert、update、delete、read、print）",
                                                  "unknown action '%s' (one of insert, update, delete, read, print)"),
                     f->action);
    if (f->from && *f->from && (bad = ud_parse_date(f->from, d)) != NULL)
        ud_err_field(err, "from", "--from", "%s: %s", f->from, bad);
    if (f->to && *f->to && (bad = ud_parse_date(f->to, d)) != NULL)
        ud_err_field(err, "to", "--to", "%s: %s", f->to, bad);
    if (err->nfields) {
        if (!err->msg[0])
            ud_err_set(err, UD_ERR_INVALID, "%s", T("审计日志的查询条件有误", "bad audit log filter"));
        return UD_ERR_INVALID;
    }
    return UD_OK;
}

/* An entry's columns as logged; the summary and the full states are
 * rebuilt from them (audit_state.c). */
#define AUDIT_COLS                                                                                          \
    "SELECT a.id, a.at, a.login, ifnull(a.os_login, ''), a.tbl, a.row_id, a.action, "                     \
    "a.before_json, a.after_json FROM audit_log a"

static void add_filter(struct ud_sqlbuf *q, int *w, const struct ud_audit_filter *f)
{
    char d[UD_DATE_SZ];
    if (f->table && *f->table) {
        ud_sql_where(q, w, "a.tbl = ");
        ud_sql_param_text(q, f->table);
    }
    if (f->row_id) {
        ud_sql_where(q, w, "a.row_id = ");
        ud_sql_param_int(q, f->row_id);
    }
    if (f->user && *f->user) {
        int p = ud_sql_text(q, f->user);
        char buf[96];
        snprintf(buf, sizeof buf, "(a.login = ?%d OR a.os_login = ?%d)", p, p);
        ud_sql_where(q, w, buf);
    }
    if (f->from && *f->from && !ud_parse_date(f->from, d)) {
        ud_sql_where(q, w, "a.at >= ");
        ud_sql_param_text(q, d);
    }
    if (f->to && *f->to && !ud_parse_date(f->to, d)) {
        /* the whole day: before the next one */
        ud_sql_where(q, w, "a.at < date(");
        ud_sql_param_text(q, d);
        ud_sql_add(q, ", '+1 day')");
    }
    if (f->action && *f->action) {
        ud_sql_where(q, w, "a.action = ");
        ud_sql_param_text(q, f->action);
    }
}

static void read_row(sqlite3_stmt *st, struct ud_audit *a)
{
    memset(a, 0, sizeof *a);
    a->id = sqlite3_column_int64(st, 0);
    ud_col_text(st, 1, a->at, sizeof a->at);
    ud_col_text(st, 2, a->login, sizeof a->login);
    ud_col_text(st, 3, a->os_login, sizeof a->os_login);
    ud_col_text(st, 4, a->tbl, sizeof a->tbl);
    a->row_id = sqlite3_column_int64(st, 5);
    ud_col_text(st, 6, a->action, sizeof a->action);
}

/* The summary: an update's changed columns (old→new, the version left out),
 * an insert's or delete's row, a note's detail; for a broken chain, what
 * the entry itself holds. */
static int summarize(struct ud_db *db, struct ud_audit *a, const struct ud_audit_state *s, const char *logged_before,
                     const char *logged_after, struct ud_err *err)
{
    int upd = strcmp(a->action, "update") == 0;
    if (a->broken) {
        const char *logged = logged_before ? logged_before : logged_after ? logged_after : "";
        char *t = sqlite3_mprintf("%s%s%s", T("（审计链断裂，无法重建此条的前后状态）",
                                              "(audit chain broken: the states cannot be rebuilt)"),
                                  *logged ? " " : "", logged);
        if (!t)
            return ud_err_nomem(err);
        ud_strlcpy_utf8(a->summary, sizeof a->summary, t);
        sqlite3_free(t);
        return UD_OK;
    }
    if (!upd && strcmp(a->action, "insert") != 0 && strcmp(a->action, "delete") != 0 && s->after) {
        sqlite3_stmt *st = ud_db_stmt(db, "SELECT ifnull(json_extract(?1, '$.detail'), ?1)", err);
        if (!st)
            return err->status;
        sqlite3_bind_text(st, 1, s->after, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW)
            ud_col_text(st, 0, a->summary, sizeof a->summary);
        sqlite3_reset(st);
        return UD_OK;
    }
    if (!upd) {
        ud_strlcpy_utf8(a->summary, sizeof a->summary, s->after ? s->after : s->before ? s->before : "");
        return UD_OK;
    }
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "SELECT group_concat(n.key || ': ' || ifnull(o.value, '') || '→' || "
                                  "ifnull(n.value, ''), '  ') FROM json_each(?2) n JOIN json_each(?1) o "
                                  "ON o.key = n.key WHERE n.value IS NOT o.value AND n.key <> 'version'",
                                  err);
    if (!st)
        return err->status;
    sqlite3_bind_text(st, 1, s->before, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, s->after, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        ud_col_text(st, 0, a->summary, sizeof a->summary);
    else
        ud_db_error(db, rc, err);
    sqlite3_reset(st);
    return err->status;
}

/* Reads the row at st and rebuilds its states into *s (the caller frees). */
static int read_entry(struct ud_db *db, sqlite3_stmt *st, struct ud_audit *a, struct ud_audit_state *s,
                      struct ud_err *err)
{
    read_row(st, a);
    const char *b = (const char *)sqlite3_column_text(st, 7), *af = (const char *)sqlite3_column_text(st, 8);
    if (ud_audit_rebuild(db, a->id, a->tbl, a->row_id, a->action, b, af, s, err) != UD_OK)
        return err->status;
    a->broken = s->broken;
    if (summarize(db, a, s, b, af, err) != UD_OK)
        ud_audit_state_free(s);
    return err->status;
}

int ud_audit_list(struct ud_db *db, const struct ud_audit_filter *f, const struct ud_page *pg,
                  struct ud_audit *rows, struct ud_cursor *cursors, int *n, struct ud_err *err)
{
    *n = 0;
    if (ud_may(db, UD_ACT_AUDIT_READ, err) != UD_OK)
        return err->status;
    struct ud_sqlbuf q;
    int w = 0;
    ud_sql_init(&q, AUDIT_COLS);
    add_filter(&q, &w, f);
    /* newest first: "after" a row is an older one; backward, a newer one */
    if (pg->after.valid) {
        ud_sql_where(&q, &w, pg->backward ? "a.id > " : "a.id < ");
        ud_sql_param_int(&q, pg->after.id);
    }
    ud_sql_add(&q, pg->backward ? " ORDER BY a.id ASC LIMIT " : " ORDER BY a.id DESC LIMIT ");
    int limit = pg->limit > 0 && pg->limit <= UD_PAGE_MAX ? pg->limit : UD_PAGE_MAX;
    ud_sql_param_int(&q, limit);
    sqlite3_stmt *st;
    if (ud_sql_prepare(db, &q, &st, err) != UD_OK)
        return err->status;
    int rc = SQLITE_DONE;
    while (*n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct ud_audit_state s;
        if (read_entry(db, st, &rows[*n], &s, err) != UD_OK) {
            sqlite3_finalize(st);
            return err->status;
        }
        ud_audit_state_free(&s);
        if (cursors) {
            memset(&cursors[*n], 0, sizeof cursors[*n]);
            cursors[*n].valid = 1;
            cursors[*n].is_num = 1;
            cursors[*n].num = rows[*n].id;
            cursors[*n].id = rows[*n].id;
        }
        (*n)++;
    }
    if (*n < limit && rc != SQLITE_DONE) {
        ud_db_error(db, rc, err);
        sqlite3_finalize(st);
        return err->status;
    }
    sqlite3_finalize(st);
    if (pg->backward) /* the page in screen order */
        for (int i = 0, j = *n - 1; i < j; i++, j--) {
            struct ud_audit t = rows[i];
            rows[i] = rows[j];
            rows[j] = t;
            if (cursors) {
                struct ud_cursor c = cursors[i];
                cursors[i] = cursors[j];
                cursors[j] = c;
            }
        }
    return UD_OK;
}

int ud_audit_each(struct ud_db *db, const struct ud_audit_filter *f, int64_t limit, ud_audit_fn fn, void *ctx,
                  struct ud_err *err)
{
    if (ud_may(db, UD_ACT_AUDIT_READ, err) != UD_OK)
        return err->status;
    if (ud_audit_filter_check(f, err) != UD_OK)
        return err->status;
    struct ud_sqlbuf q;
    int w = 0;
    ud_sql_init(&q, AUDIT_COLS);
    add_filter(&q, &w, f);
    ud_sql_add(&q, " ORDER BY a.id DESC");
    if (limit > 0) {
        ud_sql_add(&q, " LIMIT ");
        ud_sql_param_int(&q, limit);
    }
    sqlite3_stmt *st;
    if (ud_sql_prepare(db, &q, &st, err) != UD_OK)
        return err->status;
    int rc;
    struct ud_audit a;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct ud_audit_state s;
        if (read_entry(db, st, &a, &s, err) != UD_OK)
            break;
        int stop = fn(&a, s.before, s.after, ctx);
        ud_audit_state_free(&s);
        if (stop != 0) {
            rc = SQLITE_DONE;
            break;
        }
    }
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        ud_db_error(db, rc, err);
    sqlite3_finalize(st);
    return err->status;
}

int ud_audit_changes(struct ud_db *db, int64_t id, ud_audit_change_fn fn, void *ctx, struct ud_err *err)
{
    struct ud_audit_state s;
    if (ud_audit_state(db, id, &s, err) != UD_OK)
        return err->status;
    if (s.broken)
        return ud_err_set(err, UD_ERR_INVALID,
                          T("审计日志第 %lld 条的前后状态无法重建：日志与表中的数据不一致（有未经触发器记录的写入）",
                            "the states of audit entry %lld cannot be rebuilt: the log and the table disagree "
                            "(a write was made without the audit triggers)"),
                          (long long)id);
    /* the keys of whichever side exists, in its order; each side's value */
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "SELECT k.key, json_extract(?1, '$.\"' || k.key || '\"'), "
                                  "json_extract(?2, '$.\"' || k.key || '\"') "
                                  "FROM json_each(coalesce(?2, ?1)) k ORDER BY k.id",
                                  err);
    if (!st) {
        ud_audit_state_free(&s);
        return err->status;
    }
    sqlite3_bind_text(st, 1, s.before, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, s.after, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *b = s.before ? (const char *)sqlite3_column_text(st, 1) : NULL;
        const char *a = s.after ? (const char *)sqlite3_column_text(st, 2) : NULL;
        if (s.before && !b)
            b = "";
        if (s.after && !a)
            a = "";
        if (fn((const char *)sqlite3_column_text(st, 0), b, a, ctx) != 0) {
            rc = SQLITE_DONE;
            break;
        }
    }
    if (rc != SQLITE_DONE)
        ud_db_error(db, rc, err);
    sqlite3_reset(st);
    ud_audit_state_free(&s);
    return err->status;
}
