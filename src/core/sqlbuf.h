/* Building a query whose WHERE clause depends on filters, with every value
 * bound as a parameter (never pasted into the SQL text). */
#ifndef UD_SQLBUF_H
#define UD_SQLBUF_H

#include <stdint.h>

#include "db_int.h"

#define UD_SQLBUF_TEXT 4096
#define UD_SQLBUF_BINDS 24

struct ud_sqlbuf {
    char text[UD_SQLBUF_TEXT];
    int len;
    int overflow;
    int nbind;
    struct {
        int is_text;
        int64_t i;
        char s[256];
    } binds[UD_SQLBUF_BINDS];
};

void ud_sql_init(struct ud_sqlbuf *q, const char *start);
/* Appends SQL text (static fragments only: values go through binds). */
void ud_sql_add(struct ud_sqlbuf *q, const char *fragment);
/* Appends " AND "/" WHERE " as needed, then fragment. */
void ud_sql_where(struct ud_sqlbuf *q, int *has_where, const char *fragment);
/* Adds a bound value; returns its parameter number (?N). */
int ud_sql_text(struct ud_sqlbuf *q, const char *s);
int ud_sql_int(struct ud_sqlbuf *q, int64_t v);
/* Appends "?N" for a new bound value. */
void ud_sql_param_text(struct ud_sqlbuf *q, const char *s);
void ud_sql_param_int(struct ud_sqlbuf *q, int64_t v);
/* Prepares and binds (caller finalizes). */
int ud_sql_prepare(struct ud_db *db, struct ud_sqlbuf *q, sqlite3_stmt **st, struct ud_err *err);

#endif
