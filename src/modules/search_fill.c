/* The search index of a bulk load's new rows (search_bulk.c), made in C:
 * the same rows as the triggers of migration 0004 write, generated from
 * the new rows, sorted in memory and inserted in key order by INSERT ...
 * SELECT from a virtual table over the sorted records (the rows table,
 * below). SQLite's own INSERT ... SELECT ... ORDER BY spent
 * most of an import in its sorter (issue 10). Values are cut into
 * characters exactly as SQLite's length() and substr() count them, with
 * search_pos's limit of 60 positions.
 *
 * Memory is bounded by ranges of keys, not of ids: a first scan of the
 * new rows counts the records per bucket (the key's first bytes), then
 * consecutive buckets are taken as ranges of at most `budget` records
 * (with the largest bucket's sort buffer); for each range in ascending
 * order the rows are scanned again and only its records kept, each put
 * straight into its bucket's place, each bucket sorted on the rest of the
 * key. Every range's keys follow the previous range's, so into an empty
 * table every insert lands at the b-tree's right edge (batches by id
 * inserted all over it: twice the time at scale 3). A bucket too big for
 * the budget alone is sorted and inserted half a budget at a time.
 * Each range scans the rows again: ~0.5 s a range at scale 3 (measured:
 * 6M records a range instead of 8.8M, 0.5 s more in all); a copy of the
 * values in memory would take the records' room. */
#include "search_fill.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_int.h"
#include "uniondesk/i18n.h"

#define MAX_POS 60       /* search_pos holds 1..60 */
#define TERM_BYTES 11    /* a member_subs term, zero-padded: 'p'/'i' and 8 digits need 9 */
#define GRAM_BYTES 12    /* a gram: 1 or 2 characters */
#define BUDGET 8800000   /* records in memory at once, sort buffer included: 141 MB, as the id batches before */
#define BUCKETS (1u << 17)
#define STARTS 128

static size_t budget = BUDGET;

size_t ud_search_fill_budget(size_t records)
{
    size_t was = budget;
    budget = records >= 2 ? records : BUDGET;
    return was;
}

/* 16 bytes each, the key first; id is the first new id + off. Made in
 * (id, pos) order, so a stable sort by the key alone gives the index's
 * order. */
struct sub {
    unsigned char term[TERM_BYTES];
    uint8_t pos;
    uint32_t off;
};

struct gram {
    unsigned char g[GRAM_BYTES];
    uint32_t off;
};

union rec {
    struct sub s;
    struct gram g;
    unsigned char b[16];
};
_Static_assert(sizeof(union rec) == 16, "records of 16 bytes");

/* Characters as SQLite's length() and substr() step over them: a lead
 * byte of 0xc0 or more takes the continuation bytes after it. Returns the
 * count; start[k] is the byte offset of character k (0-based) for k up
 * to the count, as far as STARTS - 1. */
static int chars(const unsigned char *s, int start[STARTS])
{
    int n = 0, i = 0;
    while (s[i]) {
        if (n < STARTS)
            start[n] = i;
        n++;
        if (s[i++] >= 0xc0)
            while ((s[i] & 0xc0) == 0x80)
                i++;
    }
    if (n < STARTS)
        start[n] = i;
    return n;
}

/* Stable sort of n records by their bytes from..keylen-1 (zero-padded
 * strings: byte order is SQLite's BINARY order): insertion sort when
 * few, else LSD radix a byte a pass through tmp (n records), a pass whose
 * byte is the same in every record skipped (the zero padding). */
static void sort_recs(union rec *v, size_t n, union rec *tmp, int from, int keylen)
{
    size_t len = (size_t)(keylen - from);
    if (n < 32) {
        for (size_t i = 1; i < n; i++) {
            union rec r = v[i];
            size_t j = i;
            for (; j > 0 && memcmp(v[j - 1].b + from, r.b + from, len) > 0; j--)
                v[j] = v[j - 1];
            v[j] = r;
        }
        return;
    }
    size_t cnt[GRAM_BYTES][256];
    memset(cnt, 0, len * sizeof cnt[0]);
    for (size_t i = 0; i < n; i++)
        for (size_t d = 0; d < len; d++)
            cnt[d][v[i].b[from + (int)d]]++;
    union rec *src = v, *dst = tmp;
    for (size_t d = len; d-- > 0;) {
        size_t *c = cnt[d];
        int at = from + (int)d;
        if (c[src[0].b[at]] == n)
            continue;
        size_t sum = 0;
        for (int k = 0; k < 256; k++) {
            size_t t = c[k];
            c[k] = sum;
            sum += t;
        }
        for (size_t i = 0; i < n; i++)
            dst[c[src[i].b[at]]++] = src[i];
        union rec *t = src;
        src = dst;
        dst = t;
    }
    if (src != v)
        memcpy(v, src, n * sizeof *src);
}

/* ---- the passes ---- */

enum kind { MEMBER_SUBS, MEMBER_GRAMS, CASE_GRAMS };

static const struct pass {
    const char *select; /* id and the values, ?1 < id <= ?2 */
    const char *head;   /* the INSERT, before VALUES or SELECT */
    const char *row;    /* one row of VALUES */
    const char *cols;   /* the SELECT's columns from the rows table */
    const char *table;  /* the index table */
    int is_subs;
    int keylen;
    int bucket_bytes;   /* the key's first bytes a bucket stands for, in key order:
                         * a term's tag ('i' before 'p') and next two, a gram's first two */
} passes[] = {
    [MEMBER_SUBS] = {"SELECT id, phone, id_number FROM members WHERE id > ?1 AND id <= ?2 ORDER BY id",
                     "INSERT INTO member_subs(term, member_id, pos)", "(?,?,?)", "k, id, pos", "member_subs", 1, TERM_BYTES, 3},
    [MEMBER_GRAMS] = {"SELECT id, name FROM members WHERE id > ?1 AND id <= ?2 ORDER BY id",
                      "INSERT OR IGNORE INTO member_grams(gram, member_id)", "(?,?)", "k, id", "member_grams", 0, GRAM_BYTES, 2},
    [CASE_GRAMS] = {"SELECT id, applicant_name, employer_name FROM cases WHERE id > ?1 AND id <= ?2 ORDER BY id",
                    "INSERT OR IGNORE INTO case_grams(gram, case_id)", "(?,?)", "k, id", "case_grams", 0, GRAM_BYTES, 2},
};

struct fill {
    struct ud_db *db;
    const struct pass *p;
    sqlite3_stmt *all, *one, *sel;  /* the rows table's rows, one row, the values */
    int64_t lo, top;                /* the new rows: lo < id <= top */
    int counting;                   /* the first scan: counts, and inserts the oversize terms */
    size_t *cnt;                    /* records per bucket */
    /* the range being collected: buckets blo..bhi-1 */
    unsigned blo, bhi;
    size_t *base, *got;             /* per bucket: its first place in buf, records placed */
    int streaming;                  /* one bucket too big for the budget: half of it at a time */
    union rec *buf, *tmp;
    size_t n, half;
    const union rec *rows; /* what the rows table shows */
    size_t nrows;
    /* what ANALYZE would count, while `exact`: the table was empty and
     * every row went in sorted by key (no streamed bucket, no oversize term) */
    int exact;
    int64_t nrow, ndistinct1, ndistinct2; /* rows; distinct keys; distinct (key, id) */
};

static int run(struct fill *f, sqlite3_stmt *st, struct ud_err *err)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? UD_OK : ud_db_error(f->db, rc, err);
}

static size_t padded_len(const unsigned char *s, size_t max)
{
    size_t n = 0;
    while (n < max && s[n])
        n++;
    return n;
}

/* ---- the rows table: sorted records as the rows of an eponymous
 * virtual table, a range inserted by one INSERT ... SELECT: a tenth less
 * time than 64-row INSERTs of bound values (measured), and no binding ---- */

struct rows_vtab {
    sqlite3_vtab base;
    struct fill *f;
};

struct rows_cursor {
    sqlite3_vtab_cursor base;
    struct fill *f;
    size_t i;
};

#define ROWS_TABLE "ud_search_fill_rows"
/* rows per INSERT: a statement keeps the pages it changes that the file
 * held before it in its journal (in memory: temp_store), so not a range
 * at once (a refill reusing free pages: +250 MB) */
#define STMT_ROWS 65536

static int rows_connect(sqlite3 *h, void *aux, int argc, const char *const *argv, sqlite3_vtab **out, char **msg)
{
    (void)argc;
    (void)argv;
    (void)msg;
    int rc = sqlite3_declare_vtab(h, "CREATE TABLE x(k TEXT, id INTEGER, pos INTEGER)");
    if (rc != SQLITE_OK)
        return rc;
    struct rows_vtab *v = sqlite3_malloc(sizeof *v);
    if (!v)
        return SQLITE_NOMEM;
    memset(v, 0, sizeof *v);
    v->f = aux;
    *out = &v->base;
    return SQLITE_OK;
}

static int rows_disconnect(sqlite3_vtab *v)
{
    sqlite3_free(v);
    return SQLITE_OK;
}

static int rows_best_index(sqlite3_vtab *v, sqlite3_index_info *info)
{
    (void)v;
    info->estimatedCost = 1e6;
    return SQLITE_OK;
}

static int rows_open(sqlite3_vtab *v, sqlite3_vtab_cursor **out)
{
    struct rows_cursor *c = sqlite3_malloc(sizeof *c);
    if (!c)
        return SQLITE_NOMEM;
    memset(c, 0, sizeof *c);
    c->f = ((struct rows_vtab *)v)->f;
    *out = &c->base;
    return SQLITE_OK;
}

static int rows_close(sqlite3_vtab_cursor *c)
{
    sqlite3_free(c);
    return SQLITE_OK;
}

static int rows_filter(sqlite3_vtab_cursor *c, int num, const char *str, int argc, sqlite3_value **argv)
{
    (void)num;
    (void)str;
    (void)argc;
    (void)argv;
    ((struct rows_cursor *)c)->i = 0;
    return SQLITE_OK;
}

static int rows_next(sqlite3_vtab_cursor *c)
{
    ((struct rows_cursor *)c)->i++;
    return SQLITE_OK;
}

static int rows_eof(sqlite3_vtab_cursor *c)
{
    const struct rows_cursor *r = (const struct rows_cursor *)c;
    return r->i >= r->f->nrows;
}

static int rows_column(sqlite3_vtab_cursor *c, sqlite3_context *ctx, int col)
{
    const struct rows_cursor *cur = (const struct rows_cursor *)c;
    const struct fill *f = cur->f;
    const union rec *r = &f->rows[cur->i];
    int subs = f->p->is_subs;
    if (col == 0 && subs)
        sqlite3_result_text(ctx, (const char *)r->s.term, (int)padded_len(r->s.term, TERM_BYTES), SQLITE_STATIC);
    else if (col == 0)
        sqlite3_result_text(ctx, (const char *)r->g.g, (int)padded_len(r->g.g, GRAM_BYTES), SQLITE_STATIC);
    else if (col == 1)
        sqlite3_result_int64(ctx, f->lo + (subs ? r->s.off : r->g.off));
    else
        sqlite3_result_int(ctx, subs ? r->s.pos : 0);
    return SQLITE_OK;
}

static int rows_rowid(sqlite3_vtab_cursor *c, sqlite3_int64 *out)
{
    *out = (sqlite3_int64)((const struct rows_cursor *)c)->i;
    return SQLITE_OK;
}

static const sqlite3_module rows_module = {
    .xConnect = rows_connect,
    .xBestIndex = rows_best_index,
    .xDisconnect = rows_disconnect,
    .xOpen = rows_open,
    .xClose = rows_close,
    .xFilter = rows_filter,
    .xNext = rows_next,
    .xEof = rows_eof,
    .xColumn = rows_column,
    .xRowid = rows_rowid,
};

/* n sorted records; grams once each (INSERT OR IGNORE: equal ones are
 * neighbours, and the statement ignores a repeat that is not) */
static int insert_sorted(struct fill *f, union rec *r, size_t n, struct ud_err *err)
{
    if (!f->p->is_subs) {
        size_t m = 0;
        for (size_t i = 0; i < n; i++)
            if (m == 0 || memcmp(r[m - 1].b, r[i].b, sizeof r->b) != 0)
                r[m++] = r[i];
        n = m;
    }
    if (f->exact) {
        /* a range's keys all follow the last range's: neighbours suffice */
        int kl = f->p->keylen;
        for (size_t i = 0; i < n; i++) {
            int new_key = i == 0 || memcmp(r[i - 1].b, r[i].b, (size_t)kl) != 0;
            f->ndistinct1 += new_key;
            f->ndistinct2 += new_key || (f->p->is_subs ? r[i - 1].s.off != r[i].s.off : r[i - 1].g.off != r[i].g.off);
        }
        f->nrow += (int64_t)n;
    }
    int st = UD_OK;
    for (size_t i = 0; st == UD_OK && i < n; i += STMT_ROWS) {
        f->rows = r + i;
        f->nrows = n - i < STMT_ROWS ? n - i : STMT_ROWS;
        st = run(f, f->all, err);
    }
    f->nrows = 0;
    return st;
}

static int flush(struct fill *f, struct ud_err *err)
{
    f->exact = 0; /* a bucket in halves: its keys are not in order across them */
    sort_recs(f->buf, f->n, f->tmp, f->p->bucket_bytes, f->p->keylen);
    int st = insert_sorted(f, f->buf, f->n, err);
    f->n = 0;
    return st;
}

/* Whether a record of bucket b is to be made: the counting scan counts
 * it, a range's scan makes the records of its buckets only. */
static int wanted(struct fill *f, unsigned b)
{
    if (f->counting) {
        f->cnt[b]++;
        return 0;
    }
    return b >= f->blo && b < f->bhi;
}

/* A record of the range, put in its bucket's next place. */
static int keep(struct fill *f, unsigned b, const union rec *r, struct ud_err *err)
{
    if (f->streaming) {
        f->buf[f->n++] = *r;
        return f->n == f->half ? flush(f, err) : UD_OK;
    }
    if (f->got[b] == f->cnt[b]) /* the rows changed between two scans */
        return ud_err_set(err, UD_ERR_INTERNAL, "search fill: more terms than counted");
    f->buf[f->base[b] + f->got[b]++] = *r;
    return UD_OK;
}

/* The terms of one value: tag then substr(s, n, 8) for n from 2 to
 * length(s) - tail, pos = base + n. A term too long for a record (a
 * value of many-byte characters) is inserted at once by the counting
 * scan: order is speed, not meaning. */
static int subs_of(struct fill *f, const unsigned char *s, char tag, int tail, int base, int64_t id,
                   struct ud_err *err)
{
    if (!s)
        return UD_OK;
    int start[STARTS];
    int len = chars(s, start);
    for (int n = 2; n <= len - tail && n <= MAX_POS; n++) {
        int b = start[n - 1], e = start[n - 1 + 8 < len ? n - 1 + 8 : len];
        size_t tl = 1 + (size_t)(e - b);
        if (tl <= TERM_BYTES) {
            /* the bucket_of() of the record, from the value */
            unsigned bk = (unsigned)(tag == 'p') << 16 | (unsigned)s[b] << 8 | (e - b > 1 ? s[b + 1] : 0u);
            if (!wanted(f, bk))
                continue;
            union rec r;
            memset(r.s.term, 0, TERM_BYTES);
            r.s.term[0] = (unsigned char)tag;
            memcpy(r.s.term + 1, s + b, (size_t)(e - b));
            r.s.off = (uint32_t)(id - f->lo);
            r.s.pos = (uint8_t)(base + n);
            if (keep(f, bk, &r, err) != UD_OK)
                return err->status;
        } else if (f->counting) {
            f->exact = 0;
            char *t = malloc(tl);
            if (!t)
                return ud_err_nomem(err);
            t[0] = tag;
            memcpy(t + 1, s + b, (size_t)(e - b));
            sqlite3_bind_text(f->one, 1, t, (int)tl, free);
            sqlite3_bind_int64(f->one, 2, id);
            sqlite3_bind_int(f->one, 3, base + n);
            if (run(f, f->one, err) != UD_OK)
                return err->status;
        }
    }
    return UD_OK;
}

/* substr(s, n, 1) for n up to length(s), substr(s, n, 2) for n below it */
static int grams_of(struct fill *f, const unsigned char *s, int64_t id, struct ud_err *err)
{
    if (!s)
        return UD_OK;
    int start[STARTS];
    int len = chars(s, start);
    for (int w = 1; w <= 2; w++)
        for (int n = 1; n <= len - w + 1 && n <= MAX_POS; n++) {
            int b = start[n - 1], e = start[n - 1 + w];
            if (e - b <= GRAM_BYTES) {
                unsigned bk = (unsigned)s[b] << 8 | (e - b > 1 ? s[b + 1] : 0u);
                if (!wanted(f, bk))
                    continue;
                union rec r;
                memset(r.g.g, 0, GRAM_BYTES);
                memcpy(r.g.g, s + b, (size_t)(e - b));
                r.g.off = (uint32_t)(id - f->lo);
                if (keep(f, bk, &r, err) != UD_OK)
                    return err->status;
            } else if (f->counting) {
                f->exact = 0;
                sqlite3_bind_text(f->one, 1, (const char *)s + b, e - b, SQLITE_TRANSIENT);
                sqlite3_bind_int64(f->one, 2, id);
                if (run(f, f->one, err) != UD_OK)
                    return err->status;
            }
        }
    return UD_OK;
}

/* One scan of the new rows, their records counted or kept. */
static int scan(struct fill *f, struct ud_err *err)
{
    sqlite3_stmt *sel = f->sel;
    sqlite3_bind_int64(sel, 1, f->lo);
    sqlite3_bind_int64(sel, 2, f->top);
    int rc, st = UD_OK;
    while (st == UD_OK && (rc = sqlite3_step(sel)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(sel, 0);
        const unsigned char *v1 = sqlite3_column_text(sel, 1), *v2 = sqlite3_column_text(sel, 2);
        if (f->p->is_subs) {
            st = subs_of(f, v1, 'p', 2, 0, id, err);
            if (st == UD_OK)
                st = subs_of(f, v2, 'i', 3, 100, id, err);
        } else {
            st = grams_of(f, v1, id, err);
            if (st == UD_OK && f->p == &passes[CASE_GRAMS])
                st = grams_of(f, v2, id, err);
        }
    }
    sqlite3_reset(sel);
    if (st == UD_OK && rc != SQLITE_DONE)
        st = ud_db_error(f->db, rc, err);
    return st;
}

struct range {
    unsigned lo, hi; /* buckets */
    size_t n;        /* records */
    size_t need;     /* records of memory: the records and the largest bucket's sort buffer */
    int streaming;
};

/* The range from bucket `from`: as many buckets as fit in the budget with
 * the sort buffer of the largest; a bucket that alone does not fit goes
 * half a budget at a time. */
static struct range next_range(const size_t *cnt, unsigned from)
{
    struct range r = {from, from, 0, 0, 0};
    size_t mx = 0;
    while (r.hi < BUCKETS) {
        size_t c = cnt[r.hi], m = c > mx ? c : mx;
        if (r.n + c + m > budget)
            break;
        r.n += c;
        mx = m;
        r.hi++;
    }
    r.need = r.n + mx;
    if (r.hi == from) {
        r.hi++;
        r.n = cnt[from];
        r.need = budget / 2 * 2;
        r.streaming = 1;
    }
    return r;
}

/* Collects one range's records in a scan, sorts and inserts them. */
static int do_range(struct fill *f, const struct range *r, struct ud_err *err)
{
    f->blo = r->lo;
    f->bhi = r->hi;
    f->streaming = r->streaming;
    f->n = 0;
    if (r->streaming) {
        f->half = budget / 2;
        f->tmp = f->buf + f->half;
        if (scan(f, err) != UD_OK)
            return err->status;
        return f->n ? flush(f, err) : UD_OK;
    }
    size_t at = 0;
    for (unsigned b = r->lo; b < r->hi; b++) {
        f->base[b] = at;
        f->got[b] = 0;
        at += f->cnt[b];
    }
    f->tmp = f->buf + r->n;
    if (scan(f, err) != UD_OK)
        return err->status;
    for (unsigned b = r->lo; b < r->hi; b++) {
        if (f->got[b] != f->cnt[b])
            return ud_err_set(err, UD_ERR_INTERNAL, "search fill: fewer terms than counted");
        sort_recs(f->buf + f->base[b], f->cnt[b], f->tmp, f->p->bucket_bytes, f->p->keylen);
    }
    return insert_sorted(f, f->buf, r->n, err);
}

/* The one integer `sql` answers */
static int one_int(struct ud_db *db, const char *sql, int64_t *out, struct ud_err *err)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return ud_db_error(db, rc, err);
    rc = sqlite3_step(st);
    *out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? UD_OK : ud_db_error(db, rc, err);
}

/* ANALYZE's average rows per distinct prefix (analyze.c, stat1):
 * (nRow + nDistinct - 1) / nDistinct, and 1 for a 2 of near-unique keys */
static int64_t rows_per(int64_t nrow, int64_t ndistinct)
{
    int64_t v = (nrow + ndistinct - 1) / ndistinct;
    return v == 2 && nrow * 10 <= ndistinct * 11 ? 1 : v;
}

/* The table's sqlite_stat1 row, as ANALYZE would write it after this
 * fill (its PRIMARY KEY: the key, the id, and for member_subs pos, unique),
 * for ud_db_analyze to write instead of scanning the table again. */
static int know_stat(struct ud_db *db, const struct fill *f, struct ud_err *err)
{
    if (db->nknown_stats == UD_KNOWN_STATS)
        return UD_OK;
    struct ud_known_stat *k = &db->known_stats[db->nknown_stats];
    snprintf(k->tbl, sizeof k->tbl, "%s", f->p->table);
    if (f->p->is_subs)
        snprintf(k->stat, sizeof k->stat, "%lld %lld %lld 1", (long long)f->nrow,
                 (long long)rows_per(f->nrow, f->ndistinct1), (long long)rows_per(f->nrow, f->ndistinct2));
    else
        snprintf(k->stat, sizeof k->stat, "%lld %lld 1", (long long)f->nrow,
                 (long long)rows_per(f->nrow, f->ndistinct1));
    (void)err;
    db->nknown_stats++;
    return UD_OK;
}

static int prepare(struct fill *f, struct ud_err *err)
{
    char sql[256];
    snprintf(sql, sizeof sql, "%s VALUES %s", f->p->head, f->p->row);
    int rc = sqlite3_prepare_v3(f->db->h, sql, -1, 0, &f->one, NULL);
    snprintf(sql, sizeof sql, "%s SELECT %s FROM " ROWS_TABLE, f->p->head, f->p->cols);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v3(f->db->h, sql, -1, 0, &f->all, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v3(f->db->h, f->p->select, -1, 0, &f->sel, NULL);
    return rc == SQLITE_OK ? UD_OK : ud_db_error(f->db, rc, err);
}

static int one_pass(struct ud_db *db, enum kind k, int64_t after, int64_t top, struct ud_err *err)
{
    if (top <= after)
        return UD_OK;
    if (top - after > (int64_t)UINT32_MAX)
        return ud_err_set(err, UD_ERR_INTERNAL, "%s",
                          T("一次批量装入的编号跨度超过 2^32，无法建立搜索索引",
                            "the ids of one bulk load span more than 2^32: the search index cannot be made"));
    struct fill f;
    memset(&f, 0, sizeof f);
    f.db = db;
    f.p = &passes[k];
    f.lo = after;
    f.top = top;
    /* the rows table shows this pass's records */
    int rc = sqlite3_create_module_v2(db->h, ROWS_TABLE, &rows_module, &f, NULL);
    if (rc != SQLITE_OK)
        return ud_db_error(db, rc, err);
    f.cnt = calloc(BUCKETS, sizeof *f.cnt);
    f.base = malloc(BUCKETS * sizeof *f.base);
    f.got = malloc(BUCKETS * sizeof *f.got);
    int st = f.cnt && f.base && f.got ? prepare(&f, err) : ud_err_nomem(err);
    int64_t empty = 0;
    char q[80];
    snprintf(q, sizeof q, "SELECT NOT EXISTS (SELECT 1 FROM %s)", f.p->table);
    if (st == UD_OK)
        st = one_int(db, q, &empty, err);
    f.exact = empty != 0;
    if (st == UD_OK) {
        f.counting = 1;
        st = scan(&f, err);
        f.counting = 0;
    }
    size_t need = 0;
    for (unsigned b = 0; st == UD_OK && b < BUCKETS;) {
        struct range r = next_range(f.cnt, b);
        if (r.n && r.need > need)
            need = r.need;
        b = r.hi;
    }
    if (st == UD_OK && need && !(f.buf = malloc(need * sizeof *f.buf)))
        st = ud_err_nomem(err);
    for (unsigned b = 0; st == UD_OK && b < BUCKETS;) {
        struct range r = next_range(f.cnt, b);
        if (r.n)
            st = do_range(&f, &r, err);
        b = r.hi;
    }
    if (st == UD_OK && f.exact && f.nrow > 0)
        st = know_stat(db, &f, err);
    sqlite3_finalize(f.sel);
    sqlite3_finalize(f.all);
    sqlite3_finalize(f.one);
    sqlite3_create_module_v2(db->h, ROWS_TABLE, NULL, NULL, NULL); /* dropped: f goes */
    free(f.buf);
    free(f.cnt);
    free(f.base);
    free(f.got);
    return st;
}

int ud_search_fill(struct ud_db *db, int64_t members_after, int64_t cases_after, struct ud_err *err)
{
    int64_t top_m, top_c;
    if (one_int(db, "SELECT ifnull(max(id), 0) FROM members", &top_m, err) != UD_OK ||
        one_int(db, "SELECT ifnull(max(id), 0) FROM cases", &top_c, err) != UD_OK)
        return err->status;
    int st = one_pass(db, MEMBER_SUBS, members_after, top_m, err);
    if (st == UD_OK)
        st = one_pass(db, MEMBER_GRAMS, members_after, top_m, err);
    if (st == UD_OK)
        st = one_pass(db, CASE_GRAMS, cases_after, top_c, err);
    return st;
}
