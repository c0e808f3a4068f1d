/* Keyset pagination SQL shared by the module lists. */
#include "uniondesk/listq.h"

#include <string.h>

const struct ud_sort_key *ud_list_sort_key(const struct ud_sort_key *keys, const char *name)
{
    if (name)
        for (const struct ud_sort_key *k = keys; k->name; k++)
            if (strcmp(k->name, name) == 0)
                return k;
    return &keys[0];
}

static int ascending(const struct ud_page *pg)
{
    return !pg->desc != !!pg->backward; /* backward flips the direction */
}

void ud_list_page_where(struct ud_sqlbuf *q, int *has_where, const struct ud_sort_key *k,
                        const struct ud_page *pg, const char *id_expr)
{
    if (!pg->after.valid)
        return;
    ud_sql_add(q, *has_where ? " AND (" : " WHERE (");
    *has_where = 1;
    ud_sql_add(q, k->expr);
    ud_sql_add(q, ", ");
    ud_sql_add(q, id_expr);
    ud_sql_add(q, ascending(pg) ? ") > (" : ") < (");
    if (k->numeric)
        ud_sql_param_int(q, pg->after.num);
    else
        ud_sql_param_text(q, pg->after.text);
    ud_sql_add(q, ", ");
    ud_sql_param_int(q, pg->after.id);
    ud_sql_add(q, ")");
}

void ud_list_page_order(struct ud_sqlbuf *q, const struct ud_sort_key *k, const struct ud_page *pg,
                        const char *id_expr)
{
    const char *dir = ascending(pg) ? " ASC" : " DESC";
    ud_sql_add(q, " ORDER BY ");
    ud_sql_add(q, k->expr);
    ud_sql_add(q, dir);
    ud_sql_add(q, ", ");
    ud_sql_add(q, id_expr);
    ud_sql_add(q, dir);
    ud_sql_add(q, " LIMIT ");
    int limit = pg->limit < 1 ? 1 : pg->limit > UD_PAGE_MAX ? UD_PAGE_MAX : pg->limit;
    ud_sql_param_int(q, limit);
}

void ud_list_cursor(sqlite3_stmt *st, int col_key, int col_id, const struct ud_sort_key *k,
                    struct ud_cursor *c)
{
    c->valid = 1;
    c->is_num = k->numeric;
    c->id = sqlite3_column_int64(st, col_id);
    if (k->numeric) {
        c->num = sqlite3_column_int64(st, col_key);
        c->text[0] = '\0';
    } else {
        ud_col_text(st, col_key, c->text, sizeof c->text);
        c->num = 0;
    }
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

void ud_list_reverse(void *rows, size_t size, struct ud_cursor *cursors, int n)
{
    char *r = rows;
    for (int i = 0, j = n - 1; i < j; i++, j--) {
        if (rows)
            swap_bytes(r + (size_t)i * size, r + (size_t)j * size, size);
        if (cursors) {
            struct ud_cursor c = cursors[i];
            cursors[i] = cursors[j];
            cursors[j] = c;
        }
    }
}
