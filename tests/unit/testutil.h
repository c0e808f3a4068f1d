/* Shared by the unit tests: a fresh database in a temporary file with a
 * small organization tree, and helpers to switch the current user. */
#ifndef UD_TESTUTIL_H
#define UD_TESTUTIL_H

#include <stdint.h>

#include "db_int.h" /* white-box: the handle's fields and SQLite */

struct tu_fixture {
    char path[256];
    struct ud_db *db;
    int64_t district;   /* 北仑区总工会 (district_federation) */
    int64_t street;     /* 新碶街道总工会 (street_federation) */
    int64_t community;  /* 大港社区总工会 (community_federation, under street) */
    int64_t enterprise; /* 宁波港机械厂工会 (enterprise_union, under community) */
    int64_t enterprise2;/* 宁波宝新不锈钢工会 (enterprise_union, under street) */
};

/* Creates the database with users admin (admin), officer (officer) and
 * clerk (clerk), the tree above, and leaves the admin logged in.
 * UNIONDESK_TODAY is set to 2026-11-26. Aborts the test on failure. */
struct tu_fixture *tu_setup(void);
void tu_teardown(struct tu_fixture *fx);
/* The same as cmocka group setup and teardown, in Chinese (ud_lang). */
int tu_setup_zh(void **state);
int tu_teardown_zh(void **state);
/* A call that must succeed; the caller's err is cleared first. */
#define OK(call)                                                                 \
    do {                                                                         \
        ud_err_clear(&err);                                                      \
        int rc_ = (call);                                                        \
        if (rc_ != UD_OK) {                                                      \
            char b_[1024];                                                       \
            ud_err_text(&err, b_, sizeof b_);                                    \
            fail_msg("%s returned %d: %s", #call, rc_, b_);                      \
        }                                                                        \
    } while (0)
/* Switches the connection's user ("admin", "officer", "clerk", or a login
 * without an account). */
void tu_login(struct tu_fixture *fx, const char *login);
/* A valid 18-character ID number for the district (330206), born on
 * `birth` (YYYYMMDD), with serial `seq` (0..999; odd = male). */
void tu_id_number(const char *birth, int seq, char out[19]);
/* Creates a member of fx->enterprise; returns its id. */
int64_t tu_member(struct tu_fixture *fx, const char *name, const char *birth, int seq);
/* Number of audit rows for a table/action (action NULL = any). */
int tu_audit_count(struct tu_fixture *fx, const char *table, const char *action);
/* How many audit entries matching `where` (SQL over audit_log's columns)
 * have rebuilt states (ud_audit_state: the full row before and after)
 * satisfying `cond`, an SQL expression over before_json and after_json.
 * A broken chain fails the test. */
int tu_audit_states(struct tu_fixture *fx, const char *where, const char *cond);
/* One integer from a query without parameters. */
int64_t tu_int(struct tu_fixture *fx, const char *sql);
/* the first column of the first row of sql on db (-1 without a row) */
int64_t tu_db_int(struct ud_db *db, const char *sql);
/* A demo district at scale 0.02, seed 3, as of 2026-11-26, in a new file
 * whose name goes to path (remove it with tu_remove_db). */
struct ud_db *tu_demo_db(char *path, size_t pathsz);
/* Removes a database and every file named after it: -wal, -shm,
 * -journal, pre-migration backups (the names come from mkstemp). */
void tu_remove_db(const char *path);

#endif
