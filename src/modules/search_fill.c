/* The search index of a bulk load's new rows (search_bulk.c), made in C:
 * the same rows as the triggers of migration 0004 write, generated from
 * one SELECT over the new ids, sorted in memory and inserted in key order
 * through multi-row INSERTs. SQLite's own INSERT ... SELECT ... ORDER BY
 * spent most of an import in its sorter (issue 10). Values are cut into
 * characters exactly as SQLite's length() and substr() count them, with
 * search_pos's limit of 60 positions. */
#include "search_fill.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_int.h"

#define MAX_POS 60       /* search_pos holds 1..60 */
#define TERM_BYTES 11    /* a member_subs term, zero-padded: 'p'/'i' and 8 digits need 9 */
#define GRAM_BYTES 12    /* a gram: 1 or 2 characters */
#define ROWS_PER_INSERT 64
#define CHUNK_IDS 200000 /* new ids per sorted batch: 4.4M terms, 2 x 70 MB */
#define STARTS 128

/* 16 bytes each, the key first; id is chunk start + off. Made in (id,
 * pos) order, so a stable sort by the key alone gives the index's order. */
struct sub {
    unsigned char term[TERM_BYTES];
    uint8_t pos;
    uint32_t off;
};

struct gram {
    unsigned char g[GRAM_BYTES];
    uint32_t off;
};

struct rec16 {
    unsigned char b[16];
};
_Static_assert(sizeof(struct sub) == 16 && sizeof(struct gram) == 16, "records of 16 bytes");

struct vec {
    void *v;
    size_t n, cap, size;
};

static void *push(struct vec *a)
{
    if (a->n == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 4096;
        void *g = realloc(a->v, cap * a->size);
        if (!g)
            return NULL;
        a->v = g;
        a->cap = cap;
    }
    return (char *)a->v + a->size * a->n++;
}

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

/* Stable LSD radix sort of 16-byte records by their first keylen bytes
 * (zero-padded strings: byte order is SQLite's BINARY order), 16 bits a
 * pass; a pass whose digit is the same in every record is skipped (the
 * zero padding of short keys). */
static int radix_sort(void *v, size_t n, int keylen, struct ud_err *err)
{
    if (n < 2)
        return UD_OK;
    int nd = (keylen + 1) / 2;
    uint32_t *cnt = calloc((size_t)nd * 65536, sizeof *cnt);
    struct rec16 *tmp = malloc(n * sizeof *tmp);
    if (!cnt || !tmp) {
        free(cnt);
        free(tmp);
        return ud_err_nomem(err);
    }
    struct rec16 *src = v, *dst = tmp;
#define DIGIT(r, d) ((unsigned)(r)->b[2 * (d)] << 8 | (2 * (d) + 1 < keylen ? (r)->b[2 * (d) + 1] : 0u))
    for (size_t i = 0; i < n; i++)
        for (int d = 0; d < nd; d++)
            cnt[(size_t)d * 65536 + DIGIT(&src[i], d)]++;
    for (int d = nd - 1; d >= 0; d--) {
        uint32_t *c = cnt + (size_t)d * 65536;
        if (c[DIGIT(&src[0], d)] == n)
            continue;
        uint32_t sum = 0;
        for (size_t k = 0; k < 65536; k++) {
            uint32_t t = c[k];
            c[k] = sum;
            sum += t;
        }
        for (size_t i = 0; i < n; i++)
            dst[c[DIGIT(&src[i], d)]++] = src[i];
        struct rec16 *t = src;
        src = dst;
        dst = t;
    }
#undef DIGIT
    if (src != v)
        memcpy(v, src, n * sizeof *src);
    free(cnt);
    free(tmp);
    return UD_OK;
}

struct fill {
    struct ud_db *db;
    sqlite3_stmt *many, *one; /* ROWS_PER_INSERT rows, and one row */
};

static int prepare(struct fill *f, const char *head, const char *row, struct ud_err *err)
{
    char sql[256 + ROWS_PER_INSERT * 10];
    size_t n = (size_t)snprintf(sql, sizeof sql, "%s VALUES %s", head, row);
    sqlite3_stmt *one;
    int rc = sqlite3_prepare_v3(f->db->h, sql, -1, 0, &one, NULL);
    if (rc != SQLITE_OK)
        return ud_db_error(f->db, rc, err);
    for (int k = 1; k < ROWS_PER_INSERT; k++)
        n += (size_t)snprintf(sql + n, sizeof sql - n, ",%s", row);
    rc = sqlite3_prepare_v3(f->db->h, sql, -1, 0, &f->many, NULL);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(one);
        return ud_db_error(f->db, rc, err);
    }
    f->one = one;
    return UD_OK;
}

static void finish(struct fill *f)
{
    sqlite3_finalize(f->many);
    sqlite3_finalize(f->one);
    f->many = f->one = NULL;
}

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

/* ---- member_subs ---- */

static void bind_sub(sqlite3_stmt *st, int at, const struct sub *s, int64_t lo)
{
    sqlite3_bind_text(st, at, (const char *)s->term, (int)padded_len(s->term, TERM_BYTES), SQLITE_STATIC);
    sqlite3_bind_int64(st, at + 1, lo + s->off);
    sqlite3_bind_int(st, at + 2, s->pos);
}

/* The terms of one value: tag then substr(s, n, 8) for n from 2 to
 * length(s) - tail, pos = base + n. A term too long for the array (a
 * value of many-byte characters) is inserted at once: order is speed,
 * not meaning. */
static int subs_of(struct fill *f, struct vec *out, const unsigned char *s, char tag, int tail, int base, int64_t id,
                   int64_t lo, struct ud_err *err)
{
    if (!s)
        return UD_OK;
    int start[STARTS];
    int len = chars(s, start);
    for (int n = 2; n <= len - tail && n <= MAX_POS; n++) {
        int b = start[n - 1], e = start[n - 1 + 8 < len ? n - 1 + 8 : len];
        size_t tl = 1 + (size_t)(e - b);
        if (tl <= TERM_BYTES) {
            struct sub *r = push(out);
            if (!r)
                return ud_err_nomem(err);
            memset(r->term, 0, TERM_BYTES);
            r->term[0] = (unsigned char)tag;
            memcpy(r->term + 1, s + b, (size_t)(e - b));
            r->off = (uint32_t)(id - lo);
            r->pos = (uint8_t)(base + n);
        } else {
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

static int insert_subs(struct fill *f, struct vec *a, int64_t lo, struct ud_err *err)
{
    struct sub *r = a->v;
    if (radix_sort(r, a->n, TERM_BYTES, err) != UD_OK)
        return err->status;
    size_t i = 0;
    for (; i + ROWS_PER_INSERT <= a->n; i += ROWS_PER_INSERT) {
        for (int k = 0; k < ROWS_PER_INSERT; k++)
            bind_sub(f->many, 1 + 3 * k, &r[i + (size_t)k], lo);
        if (run(f, f->many, err) != UD_OK)
            return err->status;
    }
    for (; i < a->n; i++) {
        bind_sub(f->one, 1, &r[i], lo);
        if (run(f, f->one, err) != UD_OK)
            return err->status;
    }
    a->n = 0;
    return UD_OK;
}

/* ---- member_grams, case_grams ---- */

static void bind_gram(sqlite3_stmt *st, int at, const struct gram *g, int64_t lo)
{
    sqlite3_bind_text(st, at, (const char *)g->g, (int)padded_len(g->g, GRAM_BYTES), SQLITE_STATIC);
    sqlite3_bind_int64(st, at + 1, lo + g->off);
}

/* substr(s, n, 1) for n up to length(s), substr(s, n, 2) for n below it */
static int grams_of(struct fill *f, struct vec *out, const unsigned char *s, int64_t id, int64_t lo,
                    struct ud_err *err)
{
    if (!s)
        return UD_OK;
    int start[STARTS];
    int len = chars(s, start);
    for (int w = 1; w <= 2; w++)
        for (int n = 1; n <= len - w + 1 && n <= MAX_POS; n++) {
            int b = start[n - 1], e = start[n - 1 + w];
            if (e - b <= GRAM_BYTES) {
                struct gram *r = push(out);
                if (!r)
                    return ud_err_nomem(err);
                memset(r->g, 0, GRAM_BYTES);
                memcpy(r->g, s + b, (size_t)(e - b));
                r->off = (uint32_t)(id - lo);
            } else {
                sqlite3_bind_text(f->one, 1, (const char *)s + b, e - b, SQLITE_TRANSIENT);
                sqlite3_bind_int64(f->one, 2, id);
                if (run(f, f->one, err) != UD_OK)
                    return err->status;
            }
        }
    return UD_OK;
}

static int insert_grams(struct fill *f, struct vec *a, int64_t lo, struct ud_err *err)
{
    struct gram *r = a->v;
    if (radix_sort(r, a->n, GRAM_BYTES, err) != UD_OK)
        return err->status;
    size_t m = 0; /* INSERT OR IGNORE: each (gram, id) once; equal ones are neighbours */
    for (size_t i = 0; i < a->n; i++)
        if (m == 0 || r[m - 1].off != r[i].off || memcmp(r[m - 1].g, r[i].g, GRAM_BYTES) != 0)
            r[m++] = r[i];
    size_t i = 0;
    for (; i + ROWS_PER_INSERT <= m; i += ROWS_PER_INSERT) {
        for (int k = 0; k < ROWS_PER_INSERT; k++)
            bind_gram(f->many, 1 + 2 * k, &r[i + (size_t)k], lo);
        if (run(f, f->many, err) != UD_OK)
            return err->status;
    }
    for (; i < m; i++) {
        bind_gram(f->one, 1, &r[i], lo);
        if (run(f, f->one, err) != UD_OK)
            return err->status;
    }
    a->n = 0;
    return UD_OK;
}

/* ---- the passes ---- */

enum kind { MEMBER_SUBS, MEMBER_GRAMS, CASE_GRAMS };

static const struct pass {
    const char *select; /* id and the values, ?1 < id <= ?2 */
    const char *head;
    const char *row;
    int is_subs;
} passes[] = {
    [MEMBER_SUBS] = {"SELECT id, phone, id_number FROM members WHERE id > ?1 AND id <= ?2 ORDER BY id",
                     "INSERT INTO member_subs(term, member_id, pos)", "(?,?,?)", 1},
    [MEMBER_GRAMS] = {"SELECT id, name FROM members WHERE id > ?1 AND id <= ?2 ORDER BY id",
                      "INSERT OR IGNORE INTO member_grams(gram, member_id)", "(?,?)", 0},
    [CASE_GRAMS] = {"SELECT id, applicant_name, employer_name FROM cases WHERE id > ?1 AND id <= ?2 ORDER BY id",
                    "INSERT OR IGNORE INTO case_grams(gram, case_id)", "(?,?)", 0},
};

static int highest(struct ud_db *db, const char *table, int64_t *out, struct ud_err *err)
{
    char q[64];
    snprintf(q, sizeof q, "SELECT ifnull(max(id), 0) FROM %s", table);
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->h, q, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return ud_db_error(db, rc, err);
    rc = sqlite3_step(st);
    *out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? UD_OK : ud_db_error(db, rc, err);
}

static int one_pass(struct ud_db *db, enum kind k, int64_t after, int64_t top, struct vec *a, struct ud_err *err)
{
    const struct pass *p = &passes[k];
    struct fill f = {db, NULL, NULL};
    if (prepare(&f, p->head, p->row, err) != UD_OK)
        return err->status;
    sqlite3_stmt *sel;
    int rc = sqlite3_prepare_v3(db->h, p->select, -1, 0, &sel, NULL);
    if (rc != SQLITE_OK) {
        finish(&f);
        return ud_db_error(db, rc, err);
    }
    int st = UD_OK;
    for (int64_t lo = after; st == UD_OK && lo < top; lo += CHUNK_IDS) {
        sqlite3_bind_int64(sel, 1, lo);
        sqlite3_bind_int64(sel, 2, lo + CHUNK_IDS);
        while (st == UD_OK && (rc = sqlite3_step(sel)) == SQLITE_ROW) {
            int64_t id = sqlite3_column_int64(sel, 0);
            const unsigned char *v1 = sqlite3_column_text(sel, 1), *v2 = sqlite3_column_text(sel, 2);
            if (p->is_subs) {
                st = subs_of(&f, a, v1, 'p', 2, 0, id, lo, err);
                if (st == UD_OK)
                    st = subs_of(&f, a, v2, 'i', 3, 100, id, lo, err);
            } else {
                st = grams_of(&f, a, v1, id, lo, err);
                if (st == UD_OK && k == CASE_GRAMS)
                    st = grams_of(&f, a, v2, id, lo, err);
            }
        }
        sqlite3_reset(sel);
        if (st == UD_OK && rc != SQLITE_DONE)
            st = ud_db_error(db, rc, err);
        if (st == UD_OK)
            st = p->is_subs ? insert_subs(&f, a, lo, err) : insert_grams(&f, a, lo, err);
    }
    sqlite3_finalize(sel);
    finish(&f);
    a->n = 0;
    return st;
}

int ud_search_fill(struct ud_db *db, int64_t members_after, int64_t cases_after, struct ud_err *err)
{
    int64_t top_m, top_c;
    if (highest(db, "members", &top_m, err) != UD_OK || highest(db, "cases", &top_c, err) != UD_OK)
        return err->status;
    struct vec subs = {NULL, 0, 0, sizeof(struct sub)}, grams = {NULL, 0, 0, sizeof(struct gram)};
    int st = one_pass(db, MEMBER_SUBS, members_after, top_m, &subs, err);
    free(subs.v);
    if (st == UD_OK)
        st = one_pass(db, MEMBER_GRAMS, members_after, top_m, &grams, err);
    if (st == UD_OK)
        st = one_pass(db, CASE_GRAMS, cases_after, top_c, &grams, err);
    free(grams.v);
    return st;
}
