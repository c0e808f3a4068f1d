/* Per-keystroke cost of the fragment search (issue 8, section 2): for
 * each kind of fragment a clerk types, fragments are taken from rows of
 * the database and typed one character at a time; every prefix costs what
 * the screen asks for it — a page of 50 rows and the capped count — timed
 * through the module functions the screens call. Beside it, the anchor:
 * a plain scan (instr, as LIKE '%x%') of the same table for the whole
 * fragment, in the same run. Usage: search_keys DB [FRAGMENTS_PER_KIND] */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db_int.h" /* white-box: the handle and SQLite, to pick fragments and time the anchor */
#include "uniondesk/db.h"
#include "uniondesk/dispute.h"
#include "uniondesk/member.h"
#include "uniondesk/org.h"
#include "uniondesk/utf8.h"

enum table { MEMBERS, CASES, ORGS };

struct kind {
    const char *label;
    enum table table;
    const char *pick;   /* fragments: ?1 = how many */
    const char *anchor; /* a plain scan for the whole fragment (?1) */
};

#define EVERY " AND id % 7919 = 13"
static const struct kind kinds[] = {
    {"name, 2 Chinese chars (surname+1)", MEMBERS,
     "SELECT substr(name, 1, 2) FROM members WHERE length(name) = 3" EVERY " LIMIT ?1",
     "SELECT count(*) FROM members WHERE instr(name, ?1) > 0"},
    {"given name (2 chars)", MEMBERS, "SELECT substr(name, 2, 2) FROM members WHERE length(name) = 3" EVERY " LIMIT ?1",
     "SELECT count(*) FROM members WHERE instr(name, ?1) > 0"},
    {"one character", MEMBERS, "SELECT substr(name, -1, 1) FROM members WHERE 1" EVERY " LIMIT ?1",
     "SELECT count(*) FROM members WHERE instr(name, ?1) > 0"},
    {"phone tail, 4 digits", MEMBERS, "SELECT substr(phone, -4) FROM members WHERE length(phone) = 11" EVERY " LIMIT ?1",
     "SELECT count(*) FROM members WHERE instr(phone, ?1) > 0 OR instr(id_number, ?1) > 0"},
    {"ID number tail, 4", MEMBERS, "SELECT substr(id_number, -4) FROM members WHERE 1" EVERY " LIMIT ?1",
     "SELECT count(*) FROM members WHERE instr(phone, ?1) > 0 OR instr(id_number, ?1) > 0"},
    {"birth date, 8 digits", MEMBERS, "SELECT substr(id_number, 7, 8) FROM members WHERE 1" EVERY " LIMIT ?1",
     "SELECT count(*) FROM members WHERE instr(phone, ?1) > 0 OR instr(id_number, ?1) > 0"},
    {"whole ID number, 18", MEMBERS, "SELECT id_number FROM members WHERE 1" EVERY " LIMIT ?1",
     "SELECT count(*) FROM members WHERE instr(phone, ?1) > 0 OR instr(id_number, ?1) > 0"},
    {"case number digits, 5", CASES, "SELECT substr(case_no, -5) FROM cases WHERE id % 97 = 5 LIMIT ?1",
     "SELECT count(*) FROM cases WHERE instr(case_no, ?1) > 0 OR instr(applicant_name, ?1) > 0 OR "
     "instr(employer_name, ?1) > 0 OR instr(applicant_id_number, ?1) > 0"},
    {"employer keyword, 2 chars", CASES,
     "SELECT substr(employer_name, 3, 2) FROM cases WHERE length(employer_name) > 6 AND id % 97 = 5 LIMIT ?1",
     "SELECT count(*) FROM cases WHERE instr(case_no, ?1) > 0 OR instr(applicant_name, ?1) > 0 OR "
     "instr(employer_name, ?1) > 0 OR instr(applicant_id_number, ?1) > 0"},
    {"org name part, 2 chars", ORGS, "SELECT substr(name, 3, 2) FROM orgs WHERE id % 13 = 5 LIMIT ?1",
     "SELECT count(*) FROM orgs WHERE instr(name, ?1) > 0 OR instr(code, ?1) > 0"},
};
#define NKINDS ((int)(sizeof kinds / sizeof kinds[0]))

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static struct ud_member mrows[50];
static struct ud_case crows[50];
static struct ud_org orows[50];
static struct ud_cursor cur[50];

/* What a screen does for one keystroke: a page and the count. */
static int keystroke(struct ud_db *db, enum table t, const char *text)
{
    struct ud_page pg = {0};
    pg.limit = 50;
    struct ud_err err;
    ud_err_clear(&err);
    int n = 0;
    int64_t count = 0;
    int st = UD_OK;
    if (t == MEMBERS) {
        struct ud_member_filter f = {text, 0, NULL, 0};
        st = ud_member_list(db, &f, &pg, mrows, cur, &n, &err);
        if (st == UD_OK)
            st = ud_member_count(db, &f, &count, &err);
    } else if (t == CASES) {
        struct ud_case_filter f = {0};
        f.query = text;
        st = ud_case_list(db, &f, &pg, crows, cur, &n, &err);
        if (st == UD_OK)
            st = ud_case_count(db, &f, &count, &err);
    } else {
        struct ud_org_filter f = {text, NULL, 0, 0, 0, 1};
        st = ud_org_list(db, &f, &pg, orows, cur, &n, &err);
    }
    if (st != UD_OK)
        fprintf(stderr, "search_keys: %s: %s\n", text, err.msg);
    return st;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double pct(const double *v, int n, double p)
{
    int i = (int)(p * (n - 1) + 0.5);
    return v[i < 0 ? 0 : i >= n ? n - 1 : i];
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: search_keys DB [FRAGMENTS_PER_KIND]\n");
        return 64;
    }
    int per = argc > 2 ? atoi(argv[2]) : 20;
    const char *slow_env = getenv("SEARCH_KEYS_SLOW");
    double slow = slow_env ? atof(slow_env) : 0;
    struct ud_db *db;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_db_open(&db, argv[1], 0, &err) != UD_OK) {
        fprintf(stderr, "search_keys: %s\n", err.msg);
        return 66;
    }
    int64_t members = 0;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->h, "SELECT count(*) FROM members", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        members = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    printf("%-34s %5s %8s %8s %8s   %s\n", "fragment (typed key by key)", "keys", "p50 ms", "p95 ms", "max ms",
           "anchor: plain scan p50 ms");
    int rc = 0;
    for (int k = 0; k < NKINDS; k++) {
        char frags[64][80];
        int nf = 0;
        if (sqlite3_prepare_v2(db->h, kinds[k].pick, -1, &st, NULL) != SQLITE_OK) {
            fprintf(stderr, "search_keys: %s\n", sqlite3_errmsg(db->h));
            return 70;
        }
        sqlite3_bind_int(st, 1, per > 64 ? 64 : per);
        while (nf < 64 && sqlite3_step(st) == SQLITE_ROW)
            snprintf(frags[nf++], sizeof frags[0], "%s", (const char *)sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
        double times[64 * 20], anchors[64];
        int nt = 0;
        for (int pass = 0; pass < 2; pass++) /* the first pass warms the cache, untimed */
            for (int i = 0; i < nf; i++) {
                size_t len = strlen(frags[i]);
                for (size_t end = ud_utf8_next(frags[i], len, 0); end <= len && end > 0;
                     end = end < len ? ud_utf8_next(frags[i], len, end) : len + 1) {
                    char typed[80];
                    memcpy(typed, frags[i], end);
                    typed[end] = '\0';
                    double t0 = now_ms();
                    if (keystroke(db, kinds[k].table, typed) != UD_OK)
                        rc = 1;
                    double ms = now_ms() - t0;
                    if (pass && nt < (int)(sizeof times / sizeof times[0]))
                        times[nt++] = ms;
                    if (pass && slow > 0 && ms > slow) /* SEARCH_KEYS_SLOW=MS names the slow keystrokes */
                        fprintf(stderr, "slow: %s '%s' %.2f ms\n", kinds[k].label, typed, ms);
                }
            }
        for (int i = 0; i < nf; i++) {
            double t0 = now_ms();
            if (sqlite3_prepare_v2(db->h, kinds[k].anchor, -1, &st, NULL) == SQLITE_OK) {
                sqlite3_bind_text(st, 1, frags[i], -1, SQLITE_STATIC);
                sqlite3_step(st);
            }
            sqlite3_finalize(st);
            anchors[i] = now_ms() - t0;
            if (i >= 4) { /* a few are enough for a scan's median */
                nf = i + 1;
                break;
            }
        }
        if (nt == 0)
            continue;
        qsort(times, (size_t)nt, sizeof times[0], cmp_double);
        qsort(anchors, (size_t)nf, sizeof anchors[0], cmp_double);
        printf("%-34s %5d %8.2f %8.2f %8.2f   %8.1f\n", kinds[k].label, nt, pct(times, nt, 0.5), pct(times, nt, 0.95),
               times[nt - 1], pct(anchors, nf, 0.5));
    }
    printf("(%lld members; a keystroke = a page of 50 rows and the count capped at 1,000; warm cache)\n",
           (long long)members);
    ud_db_close(db);
    return rc;
}
