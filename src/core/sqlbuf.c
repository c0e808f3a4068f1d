#include "sqlbuf.h"
#include "db_int.h"

#include <stdio.h>
#include <string.h>

void ud_sql_init(struct ud_sqlbuf *q, const char *start)
{
    q->len = 0;
    q->overflow = 0;
    q->nbind = 0;
    q->text[0] = '\0';
    ud_sql_add(q, start);
}

void ud_sql_add(struct ud_sqlbuf *q, const char *fragment)
{
    size_t n = strlen(fragment);
    if ((size_t)q->len + n + 1 > sizeof q->text) {
        q->overflow = 1;
        return;
    }
    memcpy(q->text + q->len, fragment, n + 1);
    q->len += (int)n;
}

void ud_sql_where(struct ud_sqlbuf *q, int *has_where, const char *fragment)
{
    ud_sql_add(q, *has_where ? " AND " : " WHERE ");
    *has_where = 1;
    ud_sql_add(q, fragment);
}

int ud_sql_text(struct ud_sqlbuf *q, const char *s)
{
    if (q->nbind >= UD_SQLBUF_BINDS) {
        q->overflow = 1;
        return 0;
    }
    q->binds[q->nbind].is_text = 1;
    snprintf(q->binds[q->nbind].s, sizeof q->binds[0].s, "%s", s ? s : "");
    return ++q->nbind;
}

int ud_sql_int(struct ud_sqlbuf *q, int64_t v)
{
    if (q->nbind >= UD_SQLBUF_BINDS) {
        q->overflow = 1;
        return 0;
    }
    q->binds[q->nbind].is_text = 0;
    q->binds[q->nbind].i = v;
    return ++q->nbind;
}

static void add_param(struct ud_sqlbuf *q, int n)
{
    char p[16];
    snprintf(p, sizeof p, "?%d", n);
    ud_sql_add(q, p);
}

void ud_sql_param_text(struct ud_sqlbuf *q, const char *s)
{
    add_param(q, ud_sql_text(q, s));
}

void ud_sql_param_int(struct ud_sqlbuf *q, int64_t v)
{
    add_param(q, ud_sql_int(q, v));
}

int ud_sql_prepare(struct ud_db *db, struct ud_sqlbuf *q, sqlite3_stmt **st, struct ud_err *err)
{
    *st = NULL;
    if (q->overflow)
        return ud_err_set(err, UD_ERR_INTERNAL, "query too long");
    int rc = sqlite3_prepare_v2(db->h, q->text, -1, st, NULL);
    if (rc != SQLITE_OK)
        return ud_db_error(db, rc, err);
    for (int i = 0; i < q->nbind; i++) {
        if (q->binds[i].is_text)
            sqlite3_bind_text(*st, i + 1, q->binds[i].s, -1, SQLITE_TRANSIENT);
        else
            sqlite3_bind_int64(*st, i + 1, q->binds[i].i);
    }
    return UD_OK;
}
