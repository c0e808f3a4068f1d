/* Members (会员): people in enterprise and joint unions, identified by
 * their resident ID number. */
#ifndef UD_MEMBER_H
#define UD_MEMBER_H

#include <stdint.h>

#include "uniondesk/db.h"
#include "uniondesk/fields.h"
#include "uniondesk/list.h"
#include "uniondesk/parse.h"

struct ud_member {
    int64_t id;
    char name[96];
    char gender[4];
    char id_number[UD_IDNUM_SZ];
    char birth_date[UD_DATE_SZ]; /* derived from id_number */
    char ethnicity[64];
    char education[16];
    char political_status[24];
    char hukou_type[16];
    char phone[UD_PHONE_SZ];
    int64_t org_id;
    char join_date[UD_DATE_SZ];
    char status[20];
    int is_migrant;
    char job_title[96];
    char card_no[96];
    char created_at[UD_TIME_SZ];
    char updated_at[UD_TIME_SZ];
    int64_t version;
    /* read with the row, not stored */
    char org_name[184];
};

extern const struct ud_field ud_member_fields[];
extern const struct ud_ref_kind ud_ref_member; /* typed as an ID number */
extern const struct ud_sort_key ud_member_sort_keys[];

void ud_member_init(struct ud_member *m);
/* Clerks and above. Gender and birth date come from the ID number; a
 * gender typed that disagrees with it is an error. */
int ud_member_create(struct ud_db *db, struct ud_member *m, struct ud_err *err);
/* As ud_member_create, for a record whose every field was set by
 * ud_field_set from text (an import row): the values are not formatted and
 * parsed again, nor the ID number checked again; every check still holds. */
int ud_member_create_parsed(struct ud_db *db, struct ud_member *m, struct ud_err *err);
/* An import writes its checked rows this many at a time, in one INSERT:
 * the statement's own work (journal, cursors, halt) once, not per row. */
#define UD_MEMBER_BATCH 32
/* Every check of ud_member_create_parsed (m is completed as it does), without writing. */
int ud_member_check_parsed(struct ud_db *db, struct ud_member *m, struct ud_err *err);
/* Writes UD_MEMBER_BATCH members, each passed by ud_member_check_parsed, in
 * one statement: all of them or, with err set, none (the caller then
 * writes them one by one to learn which one failed and why). Their ids are
 * not filled in. */
int ud_member_insert_checked(struct ud_db *db, const struct ud_member *ms, int n, struct ud_err *err);
/* The checks ud_member_create makes, without writing: fills gender and
 * birth date from the ID number, status "active" when empty. */
int ud_member_validate(struct ud_db *db, struct ud_member *m, struct ud_err *err);
int ud_member_get(struct ud_db *db, int64_t id, struct ud_member *m, struct ud_err *err);
int ud_member_get_by_id_number(struct ud_db *db, const char *id_number, struct ud_member *m,
                               struct ud_err *err);
int ud_member_update(struct ud_db *db, struct ud_member *m, struct ud_err *err);
/* Officers: deletes a member nothing refers to (otherwise set a status). */
int ud_member_delete(struct ud_db *db, int64_t id, int64_t version, struct ud_err *err);

struct ud_member_filter {
    /* Name prefix; or digits: ID number prefix or phone prefix. */
    const char *query;
    int64_t org_subtree; /* 0 = all */
    const char *status;  /* NULL = all */
    int migrant_only;
};
int ud_member_list(struct ud_db *db, const struct ud_member_filter *f, const struct ud_page *pg,
                   struct ud_member *rows, struct ud_cursor *cursors, int *n, struct ud_err *err);
/* Calls cb for every row the list with this filter (its search too) and
 * sort shows, in its order, holding one row (one page while searching)
 * at a time: for exports. A non-zero return from cb stops the walk and
 * is returned; err is then left to the caller. */
int ud_member_each(struct ud_db *db, const struct ud_member_filter *f, const char *sort, int desc,
                   int (*cb)(const struct ud_member *m, void *arg), void *arg, struct ud_err *err);
/* The cursor of the row `id` in this list without its search (the filter
 * applies) sorted by `sort`: a page from it shows the row (ud_page.after,
 * backward or not). at->valid = 0 when the filter leaves it out. */
int ud_member_locate(struct ud_db *db, const struct ud_member_filter *f, const char *sort, int64_t id,
                     struct ud_cursor *at, struct ud_err *err);
/* Count of rows the filter matches (for "N 条" on screens). */
int ud_member_count(struct ud_db *db, const struct ud_member_filter *f, int64_t *count,
                    struct ud_err *err);
int ud_member_resolve(struct ud_db *db, const char *id_number, int64_t *id, struct ud_err *err);

#endif
