#include "uniondesk/demo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "demo_internal.h"
#include "uniondesk/i18n.h"
#include "uniondesk/org.h"
#include "uniondesk/search_bulk.h"

const char *const ud_demo_phase_names[UD_DEMO_PHASES] = {"orgs",     "members", "cases",  "aid",
                                                           "training", "search",  "commit", "analyze"};

/* seconds since *t on this clock, and *t moved to now */
static double lap1(clockid_t clock, struct timespec *t)
{
    struct timespec now;
    clock_gettime(clock, &now);
    double s = (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
    *t = now;
    return s;
}

/* t[0] wall clock, t[1] CPU time: phase i took them */
static void lap(struct timespec t[2], struct ud_demo_stats *stats, int i)
{
    stats->phase_s[i] = lap1(CLOCK_MONOTONIC, &t[0]);
    stats->phase_cpu_s[i] = lap1(CLOCK_PROCESS_CPUTIME_ID, &t[1]);
}

int ud_demo_generate(struct ud_db *db, double scale, uint64_t seed, const char *as_of,
                     struct ud_demo_stats *stats, struct ud_err *err)
{
    memset(stats, 0, sizeof *stats);
    if (ud_require_role(db, UD_ROLE_ADMIN, err) != UD_OK)
        return err->status;
    if (ud_org_root(db) != 0)
        return ud_err_set(err, UD_ERR_STATE, "%s",
                          T("数据库里已有组织数据：演示数据只能装入空库（请换一个 --db 文件）",
                            "the database already holds organizations: demo data goes into an empty database only "
                            "(use another --db file)"));
    struct demo_ctx c;
    memset(&c, 0, sizeof c);
    c.db = db;
    c.rng.s = seed * 0x9E3779B97F4A7C15ULL + 12345;
    c.scale = scale;
    c.stats = stats;
    snprintf(c.as_of, sizeof c.as_of, "%s", as_of);
    ud_date_add(as_of, -5L * 365 - 1, c.start);
    /* "today" is the data date while generating, so that no date lies in
     * the future of the data */
    char saved_buf[256];
    const char *env_today = getenv("UNIONDESK_TODAY");
    const char *saved = env_today ? saved_buf : NULL; /* a copy without allocation: nothing to fail */
    if (env_today)
        snprintf(saved_buf, sizeof saved_buf, "%s", env_today);
    setenv("UNIONDESK_TODAY", as_of, 1);
    /* one long transaction: a cache that holds the working set keeps
     * SQLite from spilling the same pages to the WAL over and over. The
     * search fill inserts each batch of terms across the whole of
     * member_subs (600 MB at scale 3): at 128 MiB its pages went to the
     * WAL and back for every batch. 640 MiB: scale 3 peaks at 0.9 GB. */
    ud_db_set_cache(db, 640);
    static int (*const phase[])(struct demo_ctx *, struct ud_err *) = {demo_orgs, demo_members, demo_cases,
                                                                        demo_aid, demo_training};
    struct timespec t[2];
    clock_gettime(CLOCK_MONOTONIC, &t[0]);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t[1]);
    int st = ud_db_begin(db, err);
    if (st == UD_OK)
        st = ud_search_bulk_begin(db, err);
    for (int i = 0; st == UD_OK && i <= UD_DEMO_TRAINING; i++) {
        st = phase[i](&c, err);
        lap(t, stats, i);
    }
    if (st == UD_OK)
        st = ud_search_bulk_end(db, err); /* the search index, in key order */
    lap(t, stats, UD_DEMO_SEARCH);
    if (st == UD_OK)
        st = ud_db_commit(db, err);
    else
        ud_db_rollback(db);
    lap(t, stats, UD_DEMO_COMMIT);
    if (saved) {
        setenv("UNIONDESK_TODAY", saved, 1);
    } else {
        unsetenv("UNIONDESK_TODAY");
    }
    free(c.mediating);
    free(c.unions);
    free(c.union_names);
    if (st == UD_OK)
        ud_db_analyze(db, err); /* statistics for the query planner */
    lap(t, stats, UD_DEMO_ANALYZE);
    ud_db_set_cache(db, 0);
    return st;
}
