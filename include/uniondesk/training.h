/* Training (培训): courses (培训班) and the members enrolled in them. Clerks
 * enter courses and enrolments; officers delete courses. */
#ifndef UD_TRAINING_H
#define UD_TRAINING_H

#include <stdint.h>

#include "uniondesk/db.h"
#include "uniondesk/fields.h"
#include "uniondesk/list.h"
#include "uniondesk/parse.h"

/* ---- courses ---- */

struct ud_course {
    int64_t id;
    char code[100]; /* stored upper-case */
    char title[184];
    char category[24];
    int64_t organizer_id; /* field "organizer": typed as an org code; UD_NULL_INT = none */
    char starts_on[UD_DATE_SZ];
    char ends_on[UD_DATE_SZ];
    int64_t hours;
    char location[184];
    int64_t capacity; /* 0 = unlimited */
    int64_t fee_fen;
    int64_t member_discount_fen; /* 工会会员优惠; not more than the fee */
    char created_at[UD_TIME_SZ];
    char updated_at[UD_TIME_SZ];
    int64_t version;
    /* read with the row, not stored */
    int64_t enrolled;
    char organizer_name[184];
};

/* Names are the courses CSV columns: code, title, category, starts_on,
 * organizer, ends_on, hours, location, capacity, fee, member_discount. */
extern const struct ud_field ud_course_fields[];
extern const struct ud_ref_kind ud_ref_course; /* typed as the course code */
extern const struct ud_sort_key ud_course_sort_keys[];

/* Defaults: no organizer, 0 hours, unlimited, no fee. */
void ud_course_init(struct ud_course *c);
/* Clerks and above. A duplicate code is a field error (UD_ERR_DUPLICATE). */
int ud_course_create(struct ud_db *db, struct ud_course *c, struct ud_err *err);
int ud_course_get(struct ud_db *db, int64_t id, struct ud_course *c, struct ud_err *err);
int ud_course_get_by_code(struct ud_db *db, const char *code, struct ud_course *c, struct ud_err *err);
/* Clerks and above; optimistic. The capacity cannot drop below the
 * number already enrolled. c is reloaded on success. */
int ud_course_update(struct ud_db *db, struct ud_course *c, struct ud_err *err);
/* Officers and above; only a course without enrolments (else UD_ERR_STATE). */
int ud_course_delete(struct ud_db *db, int64_t id, int64_t version, struct ud_err *err);
int ud_course_resolve(struct ud_db *db, const char *code, int64_t *id, struct ud_err *err);

struct ud_course_filter {
    const char *query;    /* code prefix (any case) or title prefix */
    const char *category; /* NULL = all */
    int year;             /* year of starts_on; 0 = all */
};
/* Sort keys: starts_on (default), code, title, id. */
int ud_course_list(struct ud_db *db, const struct ud_course_filter *f, const struct ud_page *pg,
                   struct ud_course *rows, struct ud_cursor *cursors, int *n, struct ud_err *err);
/* As ud_member_locate. */
int ud_course_locate(struct ud_db *db, const struct ud_course_filter *f, const char *sort, int64_t id,
                     struct ud_cursor *at, struct ud_err *err);
int ud_course_count(struct ud_db *db, const struct ud_course_filter *f, int64_t *count, struct ud_err *err);

/* ---- enrolments ---- */

struct ud_enrolment {
    int64_t id;
    int64_t course_id; /* field "course": typed as the course code */
    int64_t member_id; /* field "id_number": typed as the member's ID number */
    char enrolled_on[UD_DATE_SZ];
    int attended;
    int completed; /* only when attended */
    int64_t score; /* 0..100; UD_NULL_INT = none */
    char certificate_no[128];
    int64_t fee_paid_fen;
    char created_at[UD_TIME_SZ];
    char updated_at[UD_TIME_SZ];
    int64_t version;
    /* read with the row, not stored */
    char member_name[96];
    char id_number[UD_IDNUM_SZ];
    char org_name[184];
    char course_code[100];
    char course_title[184];
};

/* Names are the enrolments CSV columns: course, id_number, attended,
 * completed, score, certificate_no, fee_paid (enrolled_on is not one). */
extern const struct ud_field ud_enrolment_fields[];
extern const struct ud_sort_key ud_enrolment_sort_keys[];

/* Defaults: enrolled today, nothing paid. */
void ud_enrolment_init(struct ud_enrolment *e);
/* Clerks and above. The member must be active; a member already in the
 * course is a field error on id_number (UD_ERR_DUPLICATE); a full course
 * is refused (UD_ERR_STATE, naming the capacity). e is reloaded. */
int ud_enrolment_create(struct ud_db *db, struct ud_enrolment *e, struct ud_err *err);
/* The checks ud_enrolment_create makes before writing, without writing. */
int ud_enrolment_validate_new(struct ud_db *db, struct ud_enrolment *e, struct ud_err *err);
int ud_enrolment_get(struct ud_db *db, int64_t id, struct ud_enrolment *e, struct ud_err *err);
/* Clerks and above; optimistic. Changes enrolled_on, attendance,
 * completion, score, certificate and fee paid (not the course or member). */
int ud_enrolment_update(struct ud_db *db, struct ud_enrolment *e, struct ud_err *err);
/* Clerks and above. */
int ud_enrolment_delete(struct ud_db *db, int64_t id, int64_t version, struct ud_err *err);

struct ud_enrolment_filter {
    int64_t course_id; /* 0 = any course */
    int64_t member_id; /* 0 = any member */
    const char *query; /* member name prefix, or ID number prefix; NULL = all */
};
/* Sort keys: name (member name, default), starts_on (the course's), enrolled_on, id. */
int ud_enrolment_list(struct ud_db *db, const struct ud_enrolment_filter *f, const struct ud_page *pg,
                      struct ud_enrolment *rows, struct ud_cursor *cursors, int *n, struct ud_err *err);
/* As ud_member_locate. */
int ud_enrolment_locate(struct ud_db *db, const struct ud_enrolment_filter *f, const char *sort, int64_t id,
                        struct ud_cursor *at, struct ud_err *err);
int ud_enrolment_count(struct ud_db *db, const struct ud_enrolment_filter *f, int64_t *count,
                       struct ud_err *err);

#endif
