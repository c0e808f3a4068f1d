#include "modutil.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "uniondesk/i18n.h"
#include "db_int.h"

int ud_mod_step_failed(struct ud_db *db, int rc, const struct ud_field *defs, struct ud_err *err)
{
    int ext = sqlite3_extended_errcode(db->h);
    const char *msg = sqlite3_errmsg(db->h);
    if (ext == SQLITE_CONSTRAINT_UNIQUE && defs) {
        /* "UNIQUE constraint failed: members.id_number" */
        const char *dot = strrchr(msg, '.');
        const struct ud_field *f = dot ? ud_field_find(defs, dot + 1) : NULL;
        if (!f && dot) {
            /* struct member names ending in _id are typed as their code */
            char col[64];
            snprintf(col, sizeof col, "%s", dot + 1);
            char *suffix = strstr(col, "_id");
            if (suffix) {
                *suffix = '\0';
                f = ud_field_find(defs, col);
            }
        }
        if (f) {
            ud_err_field(err, f->name, ud_field_label(f), "%s",
                         T("已存在相同的记录（不能重复）", "already exists (must be unique)"));
            err->status = UD_ERR_DUPLICATE;
            snprintf(err->msg, sizeof err->msg, T("%s重复", "duplicate %s"), ud_field_label(f));
            ud_db_rollback(db);
            return err->status;
        }
    }
    ud_db_error(db, rc, err);
    ud_db_rollback(db);
    return err->status;
}

int ud_mod_finish(struct ud_db *db, int status, struct ud_err *err)
{
    if (status != UD_OK) {
        ud_db_rollback(db);
        return status;
    }
    return ud_db_commit(db, err);
}

int ud_mod_exists(struct ud_db *db, const char *sql, int64_t id)
{
    struct ud_err e;
    ud_err_clear(&e);
    sqlite3_stmt *st = ud_db_stmt(db, sql, &e);
    if (!st)
        return 0;
    sqlite3_bind_int64(st, 1, id);
    int found = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int64(st, 0) > 0;
    sqlite3_reset(st);
    return found;
}

int ud_mod_conflict(struct ud_db *db, const char *table, int64_t id, struct ud_err *err)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT version FROM %s WHERE id = ?1", table);
    sqlite3_stmt *st;
    int found = 0;
    if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, id);
        found = sqlite3_step(st) == SQLITE_ROW;
        sqlite3_finalize(st);
    }
    if (!found)
        return ud_err_set(err, UD_ERR_NOTFOUND, "%s",
                          T("记录已被他人删除", "the record was deleted by someone else"));
    return ud_err_set(err, UD_ERR_CONFLICT, "%s",
                      T("保存被拒绝：该记录在您编辑期间已被他人修改。请重新载入后再改",
                        "not saved: someone else changed this record while you were editing; "
                        "reload it and edit again"));
}

int ud_mod_step(struct ud_db *db, sqlite3_stmt *st, const struct ud_field *defs, struct ud_err *err)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return ud_mod_step_failed(db, rc, defs, err);
    return UD_OK;
}

int ud_mod_step_changed(struct ud_db *db, sqlite3_stmt *st, const char *table, int64_t id,
                        const struct ud_field *defs, struct ud_err *err)
{
    if (ud_mod_step(db, st, defs, err) != UD_OK)
        return err->status;
    if (sqlite3_changes(db->h) == 0) {
        ud_mod_conflict(db, table, id, err);
        ud_db_rollback(db);
        return err->status;
    }
    return UD_OK;
}

int ud_mod_step_versioned(struct ud_db *db, sqlite3_stmt *st, const char *table, int64_t id,
                          const struct ud_field *defs, struct ud_err *err)
{
    if (ud_mod_step_changed(db, st, table, id, defs, err) != UD_OK)
        return err->status;
    return ud_db_commit(db, err);
}

int ud_mod_delete_versioned(struct ud_db *db, const char *sql, const char *table, int64_t id,
                            int64_t version, const char *in_use_message, struct ud_err *err)
{
    sqlite3_stmt *st = ud_db_stmt(db, sql, err);
    if (!st)
        return ud_mod_finish(db, err->status, err);
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, version);
    if (ud_mod_step_changed(db, st, table, id, NULL, err) != UD_OK) {
        /* only a failed step is UD_ERR_INVALID: a missing or changed row
         * is NOTFOUND or CONFLICT */
        if (in_use_message && err->status == UD_ERR_INVALID)
            ud_err_set(err, UD_ERR_STATE, "%s", in_use_message);
        return err->status;
    }
    return ud_db_commit(db, err);
}

int ud_mod_delete(struct ud_db *db, enum ud_role min_role, const char *sql, const char *table, int64_t id,
                  int64_t version, const char *in_use_message, struct ud_err *err)
{
    if (ud_require_role(db, min_role, err) != UD_OK)
        return err->status;
    if (ud_db_begin(db, err) != UD_OK)
        return err->status;
    return ud_mod_delete_versioned(db, sql, table, id, version, in_use_message, err);
}

int ud_mod_step_row(struct ud_db *db, sqlite3_stmt *st, void (*read)(sqlite3_stmt *st, void *row), void *row,
                    struct ud_err *err, const char *notfound_fmt, ...)
{
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        read(st, row);
    sqlite3_reset(st);
    if (rc == SQLITE_ROW)
        return UD_OK;
    if (rc != SQLITE_DONE)
        return ud_db_error(db, rc, err);
    /* One byte more than err->msg holds: a longer message is then still
     * cut by ud_err_set, at a character boundary, as if formatted there. */
    char msg[UD_ERR_MSG + 1];
    va_list ap;
    va_start(ap, notfound_fmt);
    vsnprintf(msg, sizeof msg, notfound_fmt, ap);
    va_end(ap);
    return ud_err_set(err, UD_ERR_NOTFOUND, "%s", msg);
}

int ud_mod_now(struct ud_db *db, char out[UD_NOW_SZ], struct ud_err *err)
{
    sqlite3_stmt *st = ud_db_stmt(db, "SELECT " UD_NOW_SQL, err);
    if (!st)
        return err->status;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        ud_col_text(st, 0, out, UD_NOW_SZ);
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? UD_OK : ud_db_error(db, rc, err);
}

int ud_mod_require_empty(struct ud_db *db, const char *exists_sql, const char *refusal, struct ud_err *err)
{
    sqlite3_stmt *st = ud_db_stmt(db, exists_sql, err);
    if (!st)
        return err->status;
    int rc = sqlite3_step(st);
    int any = rc == SQLITE_ROW && sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    if (rc != SQLITE_ROW)
        return ud_db_error(db, rc, err);
    return any ? ud_err_set(err, UD_ERR_STATE, "%s", refusal) : UD_OK;
}
