/* Module-internal: one generic keyset list over a module's query. With a
 * search prefix the list is the concatenation of "groups" — rows whose
 * first key starts with the prefix, then rows whose second key does, … —
 * each walked in its own index order, so a live search stays fast at any
 * table size. */
#ifndef UD_LISTQ_H
#define UD_LISTQ_H

#include <stddef.h>

#include "uniondesk/list.h"
#include "sqlbuf.h"

#define UD_PAGE_MAX 500

struct ud_list_spec {
    const char *select;  /* "SELECT <columns>"; the first column is the row id */
    const char *from;    /* " FROM members m LEFT JOIN …" */
    int ncols;           /* number of columns in select; the key is read after them */
    const char *id_expr; /* "m.id" */
    size_t row_size;
    void (*read)(sqlite3_stmt *st, void *row);
    /* adds the module's filter conditions with ud_sql_where */
    void (*filter)(struct ud_sqlbuf *q, int *has_where, const void *arg);
    const void *filter_arg;
};

const struct ud_sort_key *ud_list_sort_key(const struct ud_sort_key *keys, const char *name);

/* keys[0..nkeys): with prefix, the search groups; without, keys[0] is the
 * sort. rows must hold pg->limit rows; cursors may be NULL. */
int ud_list_fetch(struct ud_db *db, const struct ud_list_spec *spec, const struct ud_sort_key *keys,
                  int nkeys, const char *prefix, const struct ud_page *pg, void *rows,
                  struct ud_cursor *cursors, int *n, struct ud_err *err);
/* The cursor of the row `id` in the list without a search sorted by key
 * (either direction: the cursor is the same), as ud_list_fetch gives it,
 * so that a page fetched from it (backward, forward) shows the row
 * wherever it sorts. at->valid = 0 when the filter leaves the row out (or
 * it is gone). One indexed lookup by id: nothing else is read. */
int ud_list_locate(struct ud_db *db, const struct ud_list_spec *spec, const struct ud_sort_key *key, int64_t id,
                   struct ud_cursor *at, struct ud_err *err);
/* A fragment search: after the prefix groups of keys, one more group of
 * the rows a fragment index finds anywhere in a field. from names the
 * index first ("FROM member_grams x CROSS JOIN members m …", so that its
 * order drives the walk); cond adds its conditions for the text; the walk
 * follows cols, the index's own key columns, kept in the cursor (a text
 * column in text, an integer in num, the row id in id). Fragment groups
 * may chain (next); a later one excludes what an earlier one holds by its
 * own conditions. */
enum ud_frag_slot { UD_FRAG_TEXT, UD_FRAG_NUM, UD_FRAG_ID };
struct ud_frag_col {
    const char *expr;
    enum ud_frag_slot slot;
};
struct ud_list_frag {
    const char *from;
    void (*cond)(struct ud_sqlbuf *q, int *has_where, const char *text);
    int ncols;
    struct ud_frag_col cols[3];
    const struct ud_list_frag *next; /* a further fragment group, or NULL */
};
/* The member search (member.c) for lists that join members as m: the text
 * as matched (an upper-case X), the fragment groups walked from the
 * member indexes (from_name starts "FROM member_grams x CROSS JOIN members
 * m", from_sub "FROM member_subs x CROSS JOIN members m"; id_col is the
 * list's row id), and the match as a row-by-row condition. */
struct ud_member_frags {
    struct ud_list_frag name, phone, idnum;
};
void ud_member_search_text(const char *q, char *out, size_t outsz);
const struct ud_list_frag *ud_member_frags(struct ud_member_frags *fr, const char *from_name, const char *from_sub,
                                           const char *id_col, const char *text);
void ud_member_match_cond(struct ud_sqlbuf *q, int *has_where, const char *text);
void ud_member_gram_cond(struct ud_sqlbuf *q, int *has_where, const char *text);
void ud_member_phone_cond(struct ud_sqlbuf *q, int *has_where, const char *text);
void ud_member_idnum_cond(struct ud_sqlbuf *q, int *has_where, const char *text);
int ud_list_search(struct ud_db *db, const struct ud_list_spec *spec, const struct ud_sort_key *keys,
                   int nkeys, const struct ud_list_frag *frag, const char *text, const struct ud_page *pg,
                   void *rows, struct ud_cursor *cursors, int *n, struct ud_err *err);
int ud_list_search_count(struct ud_db *db, const struct ud_list_spec *spec, const struct ud_sort_key *keys,
                         int nkeys, const struct ud_list_frag *frag, const char *text, int64_t *count,
                         struct ud_err *err);
/* With a search prefix the count stops above UD_SEARCH_COUNT_CAP (it is
 * then UD_SEARCH_COUNT_CAP + 1: "more than 1,000"). */
int ud_list_count(struct ud_db *db, const struct ud_list_spec *spec, const struct ud_sort_key *keys,
                  int nkeys, const char *prefix, int64_t *count, struct ud_err *err);

#endif
