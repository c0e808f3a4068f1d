#include "uniondesk/user.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "uniondesk/enums.h"
#include "uniondesk/i18n.h"
#include "uniondesk/may.h"
#include "modutil.h"
#include "db_int.h"

#define USER_COLS "id, login, coalesce(display_name, ''), role, active, created_at, version"

static void read_row(sqlite3_stmt *st, void *row)
{
    struct ud_user *u = row;
    u->id = sqlite3_column_int64(st, 0);
    ud_col_text(st, 1, u->login, sizeof u->login);
    ud_col_text(st, 2, u->display_name, sizeof u->display_name);
    ud_col_text(st, 3, u->role, sizeof u->role);
    u->active = sqlite3_column_int(st, 4);
    ud_col_text(st, 5, u->created_at, sizeof u->created_at);
    u->version = sqlite3_column_int64(st, 6);
}

void ud_user_init(struct ud_user *u)
{
    memset(u, 0, sizeof *u);
    u->active = 1;
    snprintf(u->role, sizeof u->role, "clerk");
}

int ud_user_set_fields(struct ud_db *db, struct ud_user *u, const char *login, const char *name,
                       const char *role, struct ud_err *err)
{
    (void)db;
    if (login) {
        size_t n = strlen(login);
        int ok = n >= 1 && n <= 32;
        for (size_t i = 0; ok && i < n; i++)
            ok = isalnum((unsigned char)login[i]) || strchr("._-", login[i]);
        if (!ok)
            ud_err_field(err, "login", T("登录名", "login"), "%s",
                         T("应为1-32个字母、数字或 . _ -", "must be 1-32 letters, digits or . _ -"));
        else
            snprintf(u->login, sizeof u->login, "%s", login);
    }
    if (name) {
        const char *why = ud_check_text(name, 30, 0);
        if (why)
            ud_err_field(err, "display_name", T("姓名", "name"), "%s", why);
        else
            snprintf(u->display_name, sizeof u->display_name, "%s", name);
    }
    if (role) {
        const struct ud_enum_item *it = ud_enum_find(&ud_enum_role, role);
        if (!it)
            ud_err_field(err, "role", T("角色", "role"), "%s",
                         T("应为 clerk（办事员）、officer（主管）或 admin（管理员）",
                           "must be clerk, officer or admin"));
        else
            snprintf(u->role, sizeof u->role, "%s", it->code);
    }
    return err->nfields ? UD_ERR_INVALID : UD_OK;
}

int ud_user_count(struct ud_db *db, struct ud_err *err)
{
    sqlite3_stmt *st = ud_db_stmt(db, "SELECT count(*) FROM users", err);
    if (!st)
        return -1;
    int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_reset(st);
    return n;
}

static int insert(struct ud_db *db, struct ud_user *u, struct ud_err *err)
{
    if (ud_db_begin(db, err) != UD_OK)
        return err->status;
    sqlite3_stmt *st = ud_db_stmt(db, "INSERT INTO users(login, display_name, role, active) VALUES (?1, ?2, ?3, ?4)", err);
    if (!st)
        return ud_mod_finish(db, err->status, err);
    ud_bind_text(st, 1, u->login);
    ud_bind_text(st, 2, u->display_name);
    ud_bind_text(st, 3, u->role);
    sqlite3_bind_int(st, 4, u->active ? 1 : 0);
    if (ud_mod_step(db, st, NULL, err) != UD_OK) {
        if (err->status == UD_ERR_DUPLICATE)
            ud_err_set(err, UD_ERR_DUPLICATE, T("用户 %s 已存在", "user %s already exists"), u->login);
        return err->status;
    }
    if (ud_db_commit(db, err) != UD_OK)
        return err->status;
    return ud_user_get(db, u->login, u, err);
}

int ud_user_create(struct ud_db *db, struct ud_user *u, struct ud_err *err)
{
    if (ud_may(db, UD_ACT_USER_ADMIN, err) != UD_OK)
        return err->status;
    if (!u->login[0])
        return ud_err_field(err, "login", T("登录名", "login"), "%s", T("必填", "required"));
    return insert(db, u, err);
}

int ud_user_bootstrap(struct ud_db *db, const char *login, struct ud_err *err)
{
    struct ud_user u;
    ud_user_init(&u);
    if (ud_user_set_fields(db, &u, login, NULL, "admin", err) != UD_OK)
        return err->status;
    /* counted and written under one lock: two inits at once make one admin */
    if (ud_db_begin(db, err) != UD_OK)
        return err->status;
    int n = ud_user_count(db, err);
    if (n != 0) {
        ud_db_rollback(db);
        return n < 0 ? err->status : UD_OK;
    }
    /* the connection has no role yet: the first user may be written */
    if (insert(db, &u, err) != UD_OK) {
        ud_db_rollback(db);
        return err->status;
    }
    if (ud_db_commit(db, err) != UD_OK)
        return err->status;
    return ud_db_set_user(db, login, err);
}

int ud_user_update(struct ud_db *db, struct ud_user *u, struct ud_err *err)
{
    if (ud_may(db, UD_ACT_USER_ADMIN, err) != UD_OK)
        return err->status;
    if (strcmp(u->login, db->login) == 0 && (strcmp(u->role, "admin") != 0 || !u->active))
        return ud_err_set(err, UD_ERR_STATE, "%s",
                          T("不能取消自己的管理员权限（请由另一位管理员操作）",
                            "you cannot remove your own admin rights (ask another admin)"));
    if (ud_db_begin(db, err) != UD_OK)
        return err->status;
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "UPDATE users SET display_name = ?1, role = ?2, active = ?3, "
                                  "version = version + 1, updated_at = " UD_NOW_SQL
                                  " WHERE id = ?4 AND version = ?5",
                                  err);
    if (!st)
        return ud_mod_finish(db, err->status, err);
    ud_bind_text(st, 1, u->display_name);
    ud_bind_text(st, 2, u->role);
    sqlite3_bind_int(st, 3, u->active ? 1 : 0);
    sqlite3_bind_int64(st, 4, u->id);
    sqlite3_bind_int64(st, 5, u->version);
    if (ud_mod_step_versioned(db, st, "users", u->id, NULL, err) != UD_OK)
        return err->status;
    return ud_user_get(db, u->login, u, err);
}

int ud_user_get(struct ud_db *db, const char *login, struct ud_user *u, struct ud_err *err)
{
    sqlite3_stmt *st = ud_db_stmt(db, "SELECT " USER_COLS " FROM users WHERE login = ?1", err);
    if (!st)
        return err->status;
    ud_bind_text(st, 1, login);
    return ud_mod_step_row(db, st, read_row, u, err, T("用户 %s 不存在", "no user %s"), login);
}

int ud_user_list(struct ud_db *db, struct ud_user *rows, int max, int *n, struct ud_err *err)
{
    *n = 0;
    sqlite3_stmt *st = ud_db_stmt(db, "SELECT " USER_COLS " FROM users ORDER BY login", err);
    if (!st)
        return err->status;
    while (*n < max && sqlite3_step(st) == SQLITE_ROW)
        read_row(st, &rows[(*n)++]);
    sqlite3_reset(st);
    return UD_OK;
}
