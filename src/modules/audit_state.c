/* The full state of a row before and after an audit entry, rebuilt from
 * the lean log of migration 0007 and the table: from the entry, walk
 * forward to the first checkpoint (a later delete's row, an after_json
 * checkpoint, or the row as it is now) and apply the update diffs — each
 * the old values of the columns that changed — backwards. */
#include "audit_int.h"

#include <stdlib.h>
#include <string.h>

#include "uniondesk/i18n.h"
#include "uniondesk/may.h"
#include "db_int.h"

struct later {
    char action[8];
    char *before;
    char *after;
};

static char *dup_text(const unsigned char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen((const char *)s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

static int nomem(struct ud_err *err)
{
    return ud_err_nomem(err);
}

void ud_audit_state_free(struct ud_audit_state *s)
{
    free(s->before);
    free(s->after);
    s->before = s->after = NULL;
}

/* *state (a row's JSON) with the diff's old values put back: the state
 * before the update whose diff it is. Keys keep the state's order; a key
 * only in the diff comes last. *bad is set when the diff cannot have been
 * made from this state: a value (other than the version, always logged)
 * that the row already held, or a column the row does not have. */
static int unpatch(struct ud_db *db, char **state, const char *diff, int *bad, struct ud_err *err)
{
    sqlite3_stmt *st = ud_db_stmt(
        db,
        "SELECT (SELECT json_group_object(k, v) FROM ("
        " SELECT s.key AS k, CASE WHEN d.key IS NULL THEN s.value ELSE d.value END AS v, s.id AS o"
        " FROM json_each(?1) s LEFT JOIN json_each(?2) d ON d.key = s.key"
        " UNION ALL SELECT d.key, d.value, 1000000000 + d.id FROM json_each(?2) d"
        " WHERE NOT EXISTS (SELECT 1 FROM json_each(?1) s WHERE s.key = d.key) ORDER BY 3)), "
        "(SELECT count(*) FROM json_each(?2) d LEFT JOIN json_each(?1) s ON s.key = d.key"
        " WHERE d.key <> 'version' AND (s.key IS NULL OR (s.type = d.type AND s.value IS d.value)))",
        err);
    if (!st)
        return err->status;
    sqlite3_bind_text(st, 1, *state, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, diff, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        ud_db_error(db, rc, err);
        sqlite3_reset(st);
        return err->status;
    }
    char *next = dup_text(sqlite3_column_text(st, 0));
    if (sqlite3_column_int64(st, 1) > 0)
        *bad = 1;
    sqlite3_reset(st);
    if (!next)
        return nomem(err);
    free(*state);
    *state = next;
    return UD_OK;
}

/* The row as it is now, as the triggers name its columns (NULL: gone). */
static int current_row(struct ud_db *db, const char *tbl, int64_t row_id, char **out, struct ud_err *err)
{
    *out = NULL;
    sqlite3_stmt *st =
        ud_db_stmt(db, "SELECT row_json FROM audit_current WHERE tbl = ?1 AND row_id = ?2", err);
    if (!st)
        return err->status;
    sqlite3_bind_text(st, 1, tbl, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, row_id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && !(*out = dup_text(sqlite3_column_text(st, 0)))) {
        sqlite3_reset(st);
        return nomem(err);
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        ud_db_error(db, rc, err);
    sqlite3_reset(st);
    return err->status;
}

static void free_later(struct later *l, int n)
{
    for (int i = 0; i < n; i++) {
        free(l[i].before);
        free(l[i].after);
    }
    free(l);
}

/* The writes to the row after entry id, oldest first, up to and with the
 * first that fixes the state (a delete, an insert, a checkpoint). */
static int load_later(struct ud_db *db, const char *tbl, int64_t row_id, int64_t id, struct later **out, int *n,
                      struct ud_err *err)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "SELECT action, before_json, after_json FROM audit_log "
                                  "WHERE tbl = ?1 AND row_id = ?2 AND id > ?3 "
                                  "AND action IN ('insert', 'update', 'delete') ORDER BY id",
                                  err);
    if (!st)
        return err->status;
    sqlite3_bind_text(st, 1, tbl, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, row_id);
    sqlite3_bind_int64(st, 3, id);
    int cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 8;
            struct later *g = realloc(*out, (size_t)cap * sizeof *g);
            if (!g) {
                sqlite3_reset(st);
                return nomem(err);
            }
            *out = g;
        }
        struct later *l = &(*out)[(*n)++];
        memset(l, 0, sizeof *l);
        const char *a = (const char *)sqlite3_column_text(st, 0);
        strncpy(l->action, a ? a : "", sizeof l->action - 1);
        l->before = dup_text(sqlite3_column_text(st, 1));
        l->after = dup_text(sqlite3_column_text(st, 2));
        if ((sqlite3_column_type(st, 1) != SQLITE_NULL && !l->before) ||
            (sqlite3_column_type(st, 2) != SQLITE_NULL && !l->after)) {
            sqlite3_reset(st);
            return nomem(err);
        }
        if (strcmp(l->action, "update") != 0 || l->after)
            break;
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        ud_db_error(db, rc, err);
    sqlite3_reset(st);
    return err->status;
}

/* The state right after entry id, which left the row in place (an insert
 * or an update without a checkpoint): NULL with *broken when the log
 * says otherwise. */
static int state_after(struct ud_db *db, const char *tbl, int64_t row_id, int64_t id, char **out, int *broken,
                       struct ud_err *err)
{
    *out = NULL;
    struct later *l;
    int n;
    if (load_later(db, tbl, row_id, id, &l, &n, err) != UD_OK) {
        free_later(l, n);
        return err->status;
    }
    char *s = NULL;
    int last = n - 1; /* the updates to undo, newest first */
    if (n > 0 && strcmp(l[n - 1].action, "delete") == 0) {
        s = l[n - 1].before;
        l[n - 1].before = NULL;
        last = n - 2;
    } else if (n > 0 && strcmp(l[n - 1].action, "update") == 0 && l[n - 1].after) {
        s = l[n - 1].after;
        l[n - 1].after = NULL;
    } else if (n > 0 && strcmp(l[n - 1].action, "update") != 0) {
        *broken = 1; /* inserted again while it should exist: a delete went unlogged */
    } else if (current_row(db, tbl, row_id, &s, err) != UD_OK) {
        free_later(l, n);
        return err->status;
    } else if (!s) {
        *broken = 1; /* the row is gone, and no delete was logged */
    }
    for (int i = last; s && i >= 0; i--) {
        if (!l[i].before) {
            *broken = 1;
            break;
        }
        if (unpatch(db, &s, l[i].before, broken, err) != UD_OK)
            break;
    }
    free_later(l, n);
    if (err->status != UD_OK || *broken) {
        free(s);
        return err->status;
    }
    *out = s;
    return UD_OK;
}

int ud_audit_rebuild(struct ud_db *db, int64_t id, const char *tbl, int64_t row_id, const char *action,
                     const char *before_json, const char *after_json, struct ud_audit_state *out,
                     struct ud_err *err)
{
    memset(out, 0, sizeof *out);
    int is_insert = strcmp(action, "insert") == 0, is_update = strcmp(action, "update") == 0;
    if (!is_insert && !is_update) { /* a delete's row, a note's detail: as logged */
        if ((before_json && !(out->before = dup_text((const unsigned char *)before_json))) ||
            (after_json && !(out->after = dup_text((const unsigned char *)after_json)))) {
            ud_audit_state_free(out);
            return nomem(err);
        }
        return UD_OK;
    }
    if (after_json) { /* a checkpoint: the whole state after it */
        if (!(out->after = dup_text((const unsigned char *)after_json)))
            return nomem(err);
    } else if (state_after(db, tbl, row_id, id, &out->after, &out->broken, err) != UD_OK) {
        return err->status;
    }
    if (is_update && out->after) {
        if (!before_json) {
            out->broken = 1;
        } else if (!(out->before = dup_text((const unsigned char *)out->after))) {
            ud_audit_state_free(out);
            return nomem(err);
        } else if (unpatch(db, &out->before, before_json, &out->broken, err) != UD_OK) {
            ud_audit_state_free(out);
            return err->status;
        }
    }
    if (out->broken) /* reported, not invented */
        ud_audit_state_free(out);
    return UD_OK;
}

int ud_audit_state(struct ud_db *db, int64_t id, struct ud_audit_state *out, struct ud_err *err)
{
    memset(out, 0, sizeof *out);
    if (ud_may(db, UD_ACT_AUDIT_READ, err) != UD_OK)
        return err->status;
    sqlite3_stmt *st = ud_db_stmt(db, "SELECT tbl, row_id, action, before_json, after_json FROM audit_log WHERE id = ?1",
                                  err);
    if (!st)
        return err->status;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        if (rc == SQLITE_DONE)
            ud_err_set(err, UD_ERR_NOTFOUND, T("审计日志中没有第 %lld 条", "no audit entry %lld"), (long long)id);
        else
            ud_db_error(db, rc, err);
        sqlite3_reset(st);
        return err->status;
    }
    /* copies: the rebuild runs other statements */
    char *tbl = dup_text(sqlite3_column_text(st, 0)), *action = dup_text(sqlite3_column_text(st, 2));
    char *b = dup_text(sqlite3_column_text(st, 3)), *a = dup_text(sqlite3_column_text(st, 4));
    int64_t row_id = sqlite3_column_int64(st, 1);
    sqlite3_reset(st);
    if (!tbl || !action)
        nomem(err);
    else
        ud_audit_rebuild(db, id, tbl, row_id, action, b, a, out, err);
    free(tbl);
    free(action);
    free(b);
    free(a);
    return err->status;
}
