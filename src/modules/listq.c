/* Keyset pagination SQL shared by the module lists. */
#include "listq.h"
#include "db_int.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

const struct ud_sort_key *ud_list_sort_key(const struct ud_sort_key *keys, const char *name)
{
    if (name)
        for (const struct ud_sort_key *k = keys; k->name; k++)
            if (strcmp(k->name, name) == 0)
                return k;
    return &keys[0];
}

static void prefix_for(const struct ud_sort_key *k, const char *prefix, char *out, size_t outsz)
{
    snprintf(out, outsz, "%s", prefix);
    if (k->upper)
        for (char *p = out; *p; p++)
            *p = (char)toupper((unsigned char)*p);
}

/* "<expr> >= ?p AND <expr> < ?p || char(0x10FFFF)": a prefix range an
 * index can serve (LIKE cannot, being case-insensitive). */
static void add_range(struct ud_sqlbuf *q, const struct ud_sort_key *k, const char *prefix)
{
    char p[384];
    prefix_for(k, prefix, p, sizeof p);
    int n = ud_sql_text(q, p);
    char buf[64];
    ud_sql_add(q, "(");
    ud_sql_add(q, k->expr);
    snprintf(buf, sizeof buf, " >= ?%d AND ", n);
    ud_sql_add(q, buf);
    ud_sql_add(q, k->expr);
    snprintf(buf, sizeof buf, " < ?%d || char(1114111))", n);
    ud_sql_add(q, buf);
}

static void add_filters(struct ud_sqlbuf *q, int *w, const struct ud_list_spec *spec)
{
    if (spec->filter)
        spec->filter(q, w, spec->filter_arg);
}

/* The fragment group: rows the fragment index finds and no prefix group
 * holds, walked along the index by a numeric key (the row id, or the
 * member's id), so that a page costs a page whatever the table size. */
static void frag_query(struct ud_sqlbuf *q, int *w, const struct ud_list_spec *spec,
                       const struct ud_list_frag *frag, const struct ud_sort_key *keys, int nkeys,
                       const char *text)
{
    ud_sql_add(q, frag->from);
    add_filters(q, w, spec);
    frag->cond(q, w, text);
    /* coalesce: a NULL key (a member without a phone) is in no prefix group */
    for (int e = 0; e < nkeys; e++) {
        ud_sql_where(q, w, "NOT coalesce(");
        add_range(q, &keys[e], text);
        ud_sql_add(q, ", 0)");
    }
}

/* "(c1, c2, …) > (?, ?, …)" over the index's own columns, which it can serve. */
static void frag_after(struct ud_sqlbuf *q, int *w, const struct ud_list_frag *frag, int asc,
                       const struct ud_cursor *after)
{
    ud_sql_where(q, w, "(");
    for (int i = 0; i < frag->ncols; i++) {
        ud_sql_add(q, i ? ", " : "");
        ud_sql_add(q, frag->cols[i].expr);
    }
    ud_sql_add(q, asc ? ") > (" : ") < (");
    for (int i = 0; i < frag->ncols; i++) {
        ud_sql_add(q, i ? ", " : "");
        switch (frag->cols[i].slot) {
        case UD_FRAG_TEXT: ud_sql_param_text(q, after->text); break;
        case UD_FRAG_NUM: ud_sql_param_int(q, after->num); break;
        case UD_FRAG_ID: ud_sql_param_int(q, after->id); break;
        }
    }
    ud_sql_add(q, ")");
}

static void frag_order(struct ud_sqlbuf *q, const struct ud_list_frag *frag, int asc)
{
    ud_sql_add(q, " ORDER BY ");
    for (int i = 0; i < frag->ncols; i++) {
        ud_sql_add(q, i ? ", " : "");
        ud_sql_add(q, frag->cols[i].expr);
        ud_sql_add(q, asc ? " ASC" : " DESC");
    }
}

static void frag_cursor(sqlite3_stmt *st, const struct ud_list_spec *spec, const struct ud_list_frag *frag,
                        struct ud_cursor *c)
{
    c->is_num = 1;
    c->num = 0;
    c->text[0] = '\0';
    for (int i = 0; i < frag->ncols; i++) {
        int col = spec->ncols + i;
        switch (frag->cols[i].slot) {
        case UD_FRAG_TEXT:
            c->is_num = 0;
            ud_col_text(st, col, c->text, sizeof c->text);
            break;
        case UD_FRAG_NUM: c->num = sqlite3_column_int64(st, col); break;
        case UD_FRAG_ID: c->id = sqlite3_column_int64(st, col); break;
        }
    }
}

/* One group: rows matching keys[g] (and no earlier group), after `after`;
 * g == nkeys is the fragment group. */
static int fetch_group(struct ud_db *db, const struct ud_list_spec *spec, const struct ud_sort_key *keys,
                       int nkeys, const struct ud_list_frag *frag, int g, const char *prefix, int asc,
                       const struct ud_cursor *after, int limit, char *rows, struct ud_cursor *cursors, int *n,
                       struct ud_err *err)
{
    int is_frag = g >= nkeys;
    const struct ud_sort_key *k = &keys[is_frag ? 0 : g];
    for (int i = nkeys; i < g && frag; i++)
        frag = frag->next;
    struct ud_sqlbuf q;
    int w = 0;
    ud_sql_init(&q, spec->select);
    if (is_frag) {
        for (int i = 0; i < frag->ncols; i++) {
            ud_sql_add(&q, ", ");
            ud_sql_add(&q, frag->cols[i].expr);
        }
        frag_query(&q, &w, spec, frag, keys, nkeys, prefix);
        if (after && after->valid)
            frag_after(&q, &w, frag, asc, after);
    } else {
        ud_sql_add(&q, ", ");
        ud_sql_add(&q, k->expr);
        ud_sql_add(&q, spec->from);
        add_filters(&q, &w, spec);
    }
    if (!is_frag && prefix) {
        ud_sql_where(&q, &w, "");
        add_range(&q, k, prefix);
        for (int e = 0; e < g; e++) {
            ud_sql_where(&q, &w, "NOT ");
            add_range(&q, &keys[e], prefix);
        }
    }
    if (!is_frag && after && after->valid) {
        ud_sql_where(&q, &w, "(");
        ud_sql_add(&q, k->expr);
        ud_sql_add(&q, ", ");
        ud_sql_add(&q, spec->id_expr);
        ud_sql_add(&q, asc ? ") > (" : ") < (");
        if (k->numeric)
            ud_sql_param_int(&q, after->num);
        else
            ud_sql_param_text(&q, after->text);
        ud_sql_add(&q, ", ");
        ud_sql_param_int(&q, after->id);
        ud_sql_add(&q, ")");
    }
    const char *dir = asc ? " ASC" : " DESC";
    if (is_frag) {
        frag_order(&q, frag, asc);
    } else {
        ud_sql_add(&q, " ORDER BY ");
        ud_sql_add(&q, k->expr);
        ud_sql_add(&q, dir);
        ud_sql_add(&q, ", ");
        ud_sql_add(&q, spec->id_expr);
        ud_sql_add(&q, dir);
    }
    ud_sql_add(&q, " LIMIT ");
    ud_sql_param_int(&q, limit);

    sqlite3_stmt *st;
    if (ud_sql_prepare(db, &q, &st, err) != UD_OK)
        return err->status;
    int rc = SQLITE_DONE; /* stays so when limit <= 0 and no step runs */
    int got = 0;
    while (got < limit && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        spec->read(st, rows + (size_t)(*n) * spec->row_size);
        if (cursors) {
            struct ud_cursor *c = &cursors[*n];
            c->valid = 1;
            c->group = g;
            c->is_num = k->numeric;
            c->id = sqlite3_column_int64(st, 0);
            if (is_frag) {
                frag_cursor(st, spec, frag, c);
            } else if (k->numeric) {
                c->num = sqlite3_column_int64(st, spec->ncols);
                c->text[0] = '\0';
            } else {
                ud_col_text(st, spec->ncols, c->text, sizeof c->text);
                c->num = 0;
            }
        }
        (*n)++;
        got++;
    }
    if (got < limit)
        rc = sqlite3_errcode(db->h);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW && rc != SQLITE_OK)
        return ud_db_error(db, rc, err);
    return UD_OK;
}

static void swap_bytes(char *a, char *b, size_t size)
{
    char tmp[512];
    while (size > 0) {
        size_t k = size < sizeof tmp ? size : sizeof tmp;
        memcpy(tmp, a, k);
        memcpy(a, b, k);
        memcpy(b, tmp, k);
        a += k;
        b += k;
        size -= k;
    }
}

static void reverse(char *rows, size_t size, struct ud_cursor *cursors, int n)
{
    for (int i = 0, j = n - 1; i < j; i++, j--) {
        swap_bytes(rows + (size_t)i * size, rows + (size_t)j * size, size);
        if (cursors) {
            struct ud_cursor c = cursors[i];
            cursors[i] = cursors[j];
            cursors[j] = c;
        }
    }
}

int ud_list_fetch(struct ud_db *db, const struct ud_list_spec *spec, const struct ud_sort_key *keys,
                  int nkeys, const char *prefix, const struct ud_page *pg, void *rows,
                  struct ud_cursor *cursors, int *n, struct ud_err *err)
{
    return ud_list_search(db, spec, keys, nkeys, NULL, prefix, pg, rows, cursors, n, err);
}

int ud_list_search(struct ud_db *db, const struct ud_list_spec *spec, const struct ud_sort_key *keys,
                   int nkeys, const struct ud_list_frag *frag, const char *prefix, const struct ud_page *pg,
                   void *rows, struct ud_cursor *cursors, int *n, struct ud_err *err)
{
    *n = 0;
    int limit = pg->limit < 1 ? 1 : pg->limit > UD_PAGE_MAX ? UD_PAGE_MAX : pg->limit;
    if (prefix && !*prefix)
        prefix = NULL;
    if (!prefix) {
        nkeys = 1;
        frag = NULL;
    }
    int ngroups = nkeys;
    for (const struct ud_list_frag *fr = frag; fr; fr = fr->next)
        ngroups++;
    /* ascending unless a plain sort asks for descending; backward flips */
    int asc = (prefix || !pg->desc) ? !pg->backward : pg->backward;
    const struct ud_cursor *after = pg->after.valid ? &pg->after : NULL;
    int start = after ? after->group : (pg->backward ? ngroups - 1 : 0);
    if (start < 0 || start >= ngroups)
        start = 0;
    for (int g = start; g >= 0 && g < ngroups && *n < limit; g += pg->backward ? -1 : 1) {
        const struct ud_cursor *from = (after && g == after->group) ? after : NULL;
        if (fetch_group(db, spec, keys, nkeys, frag, g, prefix, asc, from, limit - *n, rows, cursors, n, err) !=
            UD_OK)
            return err->status;
    }
    if (pg->backward)
        reverse(rows, spec->row_size, cursors, *n);
    return UD_OK;
}

static int count_query(struct ud_db *db, struct ud_sqlbuf *q, int64_t *count, struct ud_err *err)
{
    sqlite3_stmt *st;
    if (ud_sql_prepare(db, q, &st, err) != UD_OK)
        return err->status;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *count = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? UD_OK : ud_db_error(db, rc, err);
}

int ud_list_count(struct ud_db *db, const struct ud_list_spec *spec, const struct ud_sort_key *keys,
                  int nkeys, const char *prefix, int64_t *count, struct ud_err *err)
{
    return ud_list_search_count(db, spec, keys, nkeys, NULL, prefix, count, err);
}

int ud_list_search_count(struct ud_db *db, const struct ud_list_spec *spec, const struct ud_sort_key *keys,
                         int nkeys, const struct ud_list_frag *frag, const char *prefix, int64_t *count,
                         struct ud_err *err)
{
    struct ud_sqlbuf q;
    int w = 0;
    *count = 0;
    if (!prefix || !*prefix) {
        ud_sql_init(&q, "SELECT count(*)");
        ud_sql_add(&q, spec->from);
        add_filters(&q, &w, spec);
        return count_query(db, &q, count, err);
    }
    /* While searching, count group by group, each an index range that
     * stops after the cap: a one-letter search must not scan the table. */
    for (int g = 0; g < nkeys && *count <= UD_SEARCH_COUNT_CAP; g++) {
        w = 0;
        ud_sql_init(&q, "SELECT count(*) FROM (SELECT 1");
        ud_sql_add(&q, spec->from);
        add_filters(&q, &w, spec);
        ud_sql_where(&q, &w, "");
        add_range(&q, &keys[g], prefix);
        for (int e = 0; e < g; e++) {
            ud_sql_where(&q, &w, "NOT ");
            add_range(&q, &keys[e], prefix);
        }
        ud_sql_add(&q, " LIMIT ");
        ud_sql_param_int(&q, UD_SEARCH_COUNT_CAP + 1 - *count);
        ud_sql_add(&q, ")");
        int64_t n = 0;
        if (count_query(db, &q, &n, err) != UD_OK)
            return err->status;
        *count += n;
    }
    for (; frag && *count <= UD_SEARCH_COUNT_CAP; frag = frag->next) {
        w = 0;
        ud_sql_init(&q, "SELECT count(*) FROM (SELECT 1");
        frag_query(&q, &w, spec, frag, keys, nkeys, prefix);
        ud_sql_add(&q, " LIMIT ");
        ud_sql_param_int(&q, UD_SEARCH_COUNT_CAP + 1 - *count);
        ud_sql_add(&q, ")");
        int64_t n = 0;
        if (count_query(db, &q, &n, err) != UD_OK)
            return err->status;
        *count += n;
    }
    return UD_OK;
}
