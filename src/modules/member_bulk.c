#include "uniondesk/member_bulk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_int.h"
#include "modutil.h"
#include "uniondesk/i18n.h"
#include "uniondesk/may.h"

/* The same INSERT as ud_member_create's. */
int ud_member_bulk_begin(struct ud_db *db, struct ud_member_bulk *b, struct ud_err *err)
{
    memset(&b->indexes, 0, sizeof b->indexes);
    memset(&b->audit, 0, sizeof b->audit);
    b->seen = NULL;
    b->nseen = b->cap = 0;
    b->npending = 0;
    if (ud_may(db, UD_ACT_MEMBER_WRITE, err) != UD_OK)
        return err->status;
    if (db->txn_depth <= 0)
        return ud_err_set(err, UD_ERR_INTERNAL, "member bulk load outside a transaction");
    if (ud_mod_require_empty(db, "SELECT EXISTS (SELECT 1 FROM members)",
                             T("批量装入会员只能装入空表", "members are loaded in bulk into an empty table only"),
                             err) != UD_OK)
        return err->status;
    if (ud_bulk_indexes_drop(db, "members", &b->indexes, err) != UD_OK)
        return err->status;
    return ud_bulk_audit_defer(db, "members", &b->audit, err);
}

/* The row as ud_member_validate leaves it is the row given: nothing
 * derived or normalized differs. */
static int verify(struct ud_db *db, const struct ud_member *m, struct ud_err *err)
{
    struct ud_member v = *m;
    if (ud_member_validate(db, &v, err) != UD_OK)
        return err->status;
    if (strcmp(v.gender, m->gender) || strcmp(v.birth_date, m->birth_date) || strcmp(v.status, m->status) ||
        strcmp(v.name, m->name) || strcmp(v.phone, m->phone) || strcmp(v.join_date, m->join_date) ||
        strcmp(v.card_no, m->card_no) || strcmp(v.job_title, m->job_title))
        return ud_err_set(err, UD_ERR_INTERNAL, "member bulk row %s differs from its validated form", m->id_number);
    return UD_OK;
}

/* An 18-character ID number as one number (17 digits, then the check
 * character 0-9 or X as 10), plus 1 so that 0 marks an empty slot; 0 for
 * any other form. */
static uint64_t id_key(const char *s)
{
    uint64_t k = 0;
    for (int i = 0; i < 17; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        k = k * 10 + (uint64_t)(s[i] - '0');
    }
    int c = s[17] == 'X' ? 10 : s[17] >= '0' && s[17] <= '9' ? s[17] - '0' : -1;
    if (c < 0 || s[18])
        return 0;
    return k * 11 + (uint64_t)c + 1;
}

/* 1 when the key was there, 0 when added, -1 out of memory */
static int seen_add(struct ud_member_bulk *b, uint64_t k)
{
    if (2 * (b->nseen + 1) > b->cap) {
        size_t cap = b->cap ? 2 * b->cap : 1 << 16;
        uint64_t *t = calloc(cap, sizeof *t);
        if (!t)
            return -1;
        for (size_t i = 0; i < b->cap; i++)
            if (b->seen[i])
                for (size_t j = (b->seen[i] * 0x9E3779B97F4A7C15ULL) & (cap - 1);; j = (j + 1) & (cap - 1))
                    if (!t[j]) {
                        t[j] = b->seen[i];
                        break;
                    }
        free(b->seen);
        b->seen = t;
        b->cap = cap;
    }
    for (size_t j = (k * 0x9E3779B97F4A7C15ULL) & (b->cap - 1);; j = (j + 1) & (b->cap - 1)) {
        if (b->seen[j] == k)
            return 1;
        if (!b->seen[j]) {
            b->seen[j] = k;
            b->nseen++;
            return 0;
        }
    }
}

/* Writes the pending rows: a full batch in one statement, fewer one by one. */
static int flush(struct ud_db *db, struct ud_member_bulk *b, struct ud_err *err)
{
    int full = b->npending == UD_MEMBER_BULK_ROWS;
    char now[UD_NOW_SZ];
    if (b->npending && ud_mod_now(db, now, err) != UD_OK)
        return err->status;
    for (int i = 0; i < b->npending; i += full ? UD_MEMBER_BULK_ROWS : 1) {
        sqlite3_stmt *st = ud_db_stmt(db, ud_member_insert_sql(full ? UD_MEMBER_BULK_ROWS : 1), err);
        if (!st)
            return err->status;
        for (int r = 0; r < (full ? UD_MEMBER_BULK_ROWS : 1); r++)
            ud_member_bind_at(st, r * UD_MEMBER_NCOLS, &b->pending[i + r], now);
        int rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE)
            return ud_db_error(db, rc, err);
    }
    b->npending = 0;
    return UD_OK;
}

int ud_member_bulk_add(struct ud_db *db, struct ud_member_bulk *b, const struct ud_member *m, struct ud_err *err)
{
    if (b->verify && verify(db, m, err) != UD_OK)
        return err->status;
    uint64_t k = id_key(m->id_number);
    int dup;
    if (k) {
        dup = seen_add(b, k);
        if (dup < 0)
            return ud_err_set(err, UD_ERR_INTERNAL, "%s", T("内存不足", "out of memory"));
    } else {
        /* another form: the rows so far in the table, then the index */
        if (flush(db, b, err) != UD_OK)
            return err->status;
        sqlite3_stmt *st = ud_db_stmt(db, "SELECT EXISTS (SELECT 1 FROM members WHERE id_number = ?1)", err);
        if (!st)
            return err->status;
        ud_bind_text(st, 1, m->id_number);
        int rc = sqlite3_step(st);
        dup = rc == SQLITE_ROW && sqlite3_column_int(st, 0);
        sqlite3_reset(st);
        if (rc != SQLITE_ROW)
            return ud_db_error(db, rc, err);
    }
    if (dup)
        return ud_err_set(err, UD_ERR_DUPLICATE, T("身份证号 %s 重复", "duplicate ID number %s"), m->id_number);
    b->pending[b->npending++] = *m;
    return b->npending == UD_MEMBER_BULK_ROWS ? flush(db, b, err) : UD_OK;
}

int ud_member_bulk_end(struct ud_db *db, struct ud_member_bulk *b, struct ud_err *err)
{
    if (flush(db, b, err) != UD_OK)
        return err->status;
    if (ud_bulk_indexes_remake(db, &b->indexes, err) != UD_OK ||
        ud_bulk_audit_write(db, &b->audit, err) != UD_OK)
        return err->status;
    ud_member_bulk_free(b);
    return UD_OK;
}

void ud_member_bulk_free(struct ud_member_bulk *b)
{
    ud_bulk_indexes_free(&b->indexes);
    ud_bulk_audit_free(&b->audit);
    free(b->seen);
    b->seen = NULL;
    b->nseen = b->cap = 0;
    b->npending = 0;
}
