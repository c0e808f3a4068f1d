/* Every organization read once for an import: codes resolved and kinds
 * checked per row without a SELECT each (two per member row before). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "uniondesk/i18n.h"
#include "uniondesk/org.h"
#include "db_int.h"
#include "modutil.h"

struct org_entry {
    int64_t id;
    char *code;
    struct ud_org_brief *brief;
};

struct ud_org_table {
    struct org_entry *by_code; /* sorted by code (strcmp: the column is BINARY) */
    struct ud_org_brief *by_id; /* sorted by id */
    char *codes;
    size_t n;
};

static int cmp_code(const void *a, const void *b)
{
    return strcmp(((const struct org_entry *)a)->code, ((const struct org_entry *)b)->code);
}

static void table_free(struct ud_org_table *t)
{
    if (!t)
        return;
    free(t->by_code);
    free(t->by_id);
    free(t->codes);
    free(t);
}

int ud_org_table_begin(struct ud_db *db, struct ud_err *err)
{
    ud_org_table_end(db);
    struct ud_org_table *t = calloc(1, sizeof *t);
    if (!t)
        return ud_err_nomem(err);
    sqlite3_stmt *st = ud_db_stmt(db, "SELECT count(*), coalesce(sum(length(CAST(code AS BLOB)) + 1), 0) FROM orgs", err);
    if (!st) {
        table_free(t);
        return err->status;
    }
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(st);
        table_free(t);
        return ud_db_error(db, rc, err);
    }
    size_t cap = (size_t)sqlite3_column_int64(st, 0), bytes = (size_t)sqlite3_column_int64(st, 1);
    sqlite3_reset(st);
    t->by_code = malloc((cap ? cap : 1) * sizeof *t->by_code);
    t->by_id = malloc((cap ? cap : 1) * sizeof *t->by_id);
    t->codes = malloc(bytes ? bytes : 1);
    if (!t->by_code || !t->by_id || !t->codes) {
        table_free(t);
        return ud_err_nomem(err);
    }
    st = ud_db_stmt(db, "SELECT id, code, name, kind, status FROM orgs ORDER BY id", err);
    if (!st) {
        table_free(t);
        return err->status;
    }
    size_t used = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && t->n < cap) {
        const char *code = (const char *)sqlite3_column_text(st, 1);
        size_t len = code ? (size_t)sqlite3_column_bytes(st, 1) : 0;
        if (used + len + 1 > bytes)
            break;
        struct ud_org_brief *b = &t->by_id[t->n];
        b->id = sqlite3_column_int64(st, 0);
        ud_col_text(st, 2, b->name, sizeof b->name);
        ud_col_text(st, 3, b->kind, sizeof b->kind);
        ud_col_text(st, 4, b->status, sizeof b->status);
        memcpy(t->codes + used, code ? code : "", len);
        t->codes[used + len] = '\0';
        t->by_code[t->n].id = b->id;
        t->by_code[t->n].code = t->codes + used;
        t->n++;
        used += len + 1;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        table_free(t);
        return ud_db_error(db, rc, err);
    }
    /* by_id is in id order (ORDER BY id); the entries point into it */
    for (size_t i = 0; i < t->n; i++)
        t->by_code[i].brief = &t->by_id[i];
    qsort(t->by_code, t->n, sizeof *t->by_code, cmp_code);
    db->org_table = t;
    return UD_OK;
}

void ud_org_table_end(struct ud_db *db)
{
    table_free(db->org_table);
    db->org_table = NULL;
}

/* The same "not found" error as ud_mod_step_row gives: formatted in full,
 * then cut by ud_err_set. */
static int not_found(struct ud_err *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int not_found(struct ud_err *err, const char *fmt, ...)
{
    char msg[UD_ERR_MSG + 1];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return ud_err_set(err, UD_ERR_NOTFOUND, "%s", msg);
}

int ud_org_table_resolve(struct ud_db *db, const char *code, int64_t *id, struct ud_err *err)
{
    const struct ud_org_table *t = db->org_table;
    if (!t)
        return -1;
    struct org_entry key = {0, (char *)(uintptr_t)code, NULL};
    const struct org_entry *e = bsearch(&key, t->by_code, t->n, sizeof *t->by_code, cmp_code);
    if (!e) {
        not_found(err, T("组织代码“%s”不存在", "no organization has code '%s'"), code);
        return 0;
    }
    *id = e->id;
    return 1;
}

static int cmp_id(const void *a, const void *b)
{
    int64_t x = ((const struct ud_org_brief *)a)->id, y = ((const struct ud_org_brief *)b)->id;
    return (x > y) - (x < y);
}

int ud_org_brief_get(struct ud_db *db, int64_t id, struct ud_org_brief *o, struct ud_err *err)
{
    const struct ud_org_table *t = db->org_table;
    if (t) {
        struct ud_org_brief key;
        key.id = id;
        const struct ud_org_brief *b = bsearch(&key, t->by_id, t->n, sizeof *t->by_id, cmp_id);
        if (!b)
            return not_found(err, T("组织 %lld 不存在", "organization %lld does not exist"), (long long)id);
        *o = *b;
        return UD_OK;
    }
    struct ud_org full;
    if (ud_org_get(db, id, &full, err) != UD_OK)
        return err->status;
    o->id = full.id;
    memcpy(o->name, full.name, sizeof o->name);
    memcpy(o->kind, full.kind, sizeof o->kind);
    memcpy(o->status, full.status, sizeof o->status);
    return UD_OK;
}
