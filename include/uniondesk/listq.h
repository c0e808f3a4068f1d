/* Module-internal helpers that turn a struct ud_page into SQL. */
#ifndef UD_LISTQ_H
#define UD_LISTQ_H

#include <stddef.h>

#include "uniondesk/list.h"
#include "uniondesk/sqlbuf.h"

#define UD_PAGE_MAX 500

const struct ud_sort_key *ud_list_sort_key(const struct ud_sort_key *keys, const char *name);
/* "(key, id) > (?, ?)" for the page's position. */
void ud_list_page_where(struct ud_sqlbuf *q, int *has_where, const struct ud_sort_key *k,
                        const struct ud_page *pg, const char *id_expr);
/* " ORDER BY key, id LIMIT ?" */
void ud_list_page_order(struct ud_sqlbuf *q, const struct ud_sort_key *k, const struct ud_page *pg,
                        const char *id_expr);
void ud_list_cursor(sqlite3_stmt *st, int col_key, int col_id, const struct ud_sort_key *k,
                    struct ud_cursor *c);
/* A backward page is fetched in reverse; this puts it back in order. */
void ud_list_reverse(void *rows, size_t size, struct ud_cursor *cursors, int n);

#endif
