/* Keyset pagination shared by every list: a page is fetched after (or
 * before) the key of a row the screen already shows, so the cost of a page
 * does not depend on the size of the table or the position in it. */
#ifndef UD_LIST_H
#define UD_LIST_H

#include <stdint.h>

/* Counts of a live search stop here: "more than 1,000" is enough to say. */
#define UD_SEARCH_COUNT_CAP 1000

/* The position of a row in a sorted list: which search group matched it,
 * its sort value and its id. */
struct ud_cursor {
    int valid;
    int group;
    int is_num;
    int64_t num;
    char text[384]; /* the longest sort or search key: 60 characters of 4 bytes, and then some */
    int64_t id;
};

struct ud_page {
    int limit;              /* rows wanted (1..500) */
    int backward;           /* rows before `after` instead of after it */
    struct ud_cursor after; /* start position; invalid = from the start (or the end when backward) */
    const char *sort;       /* sort key name (module's list); NULL = default; ignored while searching */
    int desc;               /* descending sort */
};

/* A sortable (or searchable) column: its name, the SQL expression over an
 * indexed NOT NULL column, whether it is numeric, and whether a search
 * prefix for it is upper-cased first (case numbers). */
struct ud_sort_key {
    const char *name;
    const char *expr;
    int numeric;
    int upper;
};

#endif
