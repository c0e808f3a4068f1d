/* Hardship aid (困难帮扶): recipients (困难职工档案), one per member, and the
 * grants paid to them (帮扶发放), which move proposed → approved → paid, or
 * cancelled. Clerks propose; officers approve, pay and cancel. A second
 * grant of one program to one member in one calendar year is refused
 * unless an officer confirms it (no double aid). */
#ifndef UD_AID_H
#define UD_AID_H

#include <stdint.h>

#include "uniondesk/db.h"
#include "uniondesk/fields.h"
#include "uniondesk/list.h"
#include "uniondesk/parse.h"

/* ---- recipients ---- */

struct ud_aid_recipient {
    int64_t id;
    int64_t member_id; /* field "id_number": typed as the member's ID number */
    char hardship_level[16];
    char hardship_category[24];
    int64_t household_size;
    int64_t income_fen; /* monthly income per head; UD_NULL_INT when unknown */
    char address[304];
    char registered_on[UD_DATE_SZ];
    char status[16];
    char created_at[UD_TIME_SZ];
    char updated_at[UD_TIME_SZ];
    int64_t version;
    /* read with the row, not stored */
    char member_name[96];
    char gender[4];
    char id_number[UD_IDNUM_SZ];
    int64_t org_id;
    char org_name[184];
};

extern const struct ud_field ud_aid_recipient_fields[];
extern const struct ud_sort_key ud_aid_recipient_sort_keys[];

/* Defaults: level general, category other, household of 1, registered
 * today, active. */
void ud_aid_recipient_init(struct ud_aid_recipient *r);
/* Clerks and above; one record per member (a second is a field error on
 * id_number, UD_ERR_DUPLICATE). */
int ud_aid_recipient_create(struct ud_db *db, struct ud_aid_recipient *r, struct ud_err *err);
int ud_aid_recipient_get(struct ud_db *db, int64_t id, struct ud_aid_recipient *r, struct ud_err *err);
/* UD_ERR_NOTFOUND when the member has no recipient record. */
int ud_aid_recipient_get_by_member(struct ud_db *db, int64_t member_id, struct ud_aid_recipient *r,
                                   struct ud_err *err);
/* Clerks and above; optimistic (UD_ERR_CONFLICT on a stale version). The
 * member of a record does not change. r is reloaded on success. */
int ud_aid_recipient_update(struct ud_db *db, struct ud_aid_recipient *r, struct ud_err *err);
/* Officers and above; only a record without grants (else UD_ERR_STATE). */
int ud_aid_recipient_delete(struct ud_db *db, int64_t id, int64_t version, struct ud_err *err);

struct ud_aid_recipient_filter {
    const char *query;          /* member name prefix, or ID number prefix */
    const char *status;         /* NULL = all */
    const char *hardship_level; /* NULL = all */
    int64_t org_subtree;        /* the member's union within this subtree; 0 = all */
};
int ud_aid_recipient_list(struct ud_db *db, const struct ud_aid_recipient_filter *f,
                          const struct ud_page *pg, struct ud_aid_recipient *rows,
                          struct ud_cursor *cursors, int *n, struct ud_err *err);
/* As ud_member_locate. */
int ud_aid_recipient_locate(struct ud_db *db, const struct ud_aid_recipient_filter *f, const char *sort,
                            int64_t id, struct ud_cursor *at, struct ud_err *err);
int ud_aid_recipient_count(struct ud_db *db, const struct ud_aid_recipient_filter *f, int64_t *count,
                           struct ud_err *err);

/* ---- grants ---- */

struct ud_aid_grant {
    int64_t id;
    int64_t recipient_id; /* 0 = not yet known: found from member_id */
    int64_t member_id;    /* field "id_number"; read with the row */
    char program[20];
    int64_t amount_fen;
    char granted_on[UD_DATE_SZ];
    char fund_source[128];
    char status[16];
    char approved_by[64];
    char approved_on[UD_DATE_SZ];
    char paid_on[UD_DATE_SZ];
    char child_name[96];
    char school[184];
    char double_confirmed_by[64]; /* the officer who allowed a second grant in a year */
    char created_at[UD_TIME_SZ];
    char updated_at[UD_TIME_SZ];
    int64_t version;
    /* read with the row, not stored with the grant (hardship_category is
     * the recipient's; on import it sets a new recipient's category) */
    char member_name[96];
    char gender[4];
    char id_number[UD_IDNUM_SZ];
    int64_t org_id;
    char org_name[184];
    char hardship_category[24];
};

/* Names are the aid CSV columns: id_number, program, amount, granted_on,
 * status, hardship_category, fund_source, paid_on, child_name, school. */
extern const struct ud_field ud_aid_grant_fields[];
extern const struct ud_sort_key ud_aid_grant_sort_keys[];

/* Defaults: proposed, granted today. */
void ud_aid_grant_init(struct ud_aid_grant *g);

/* Clerks and above. The grant is proposed, unless it is entered as history
 * (status approved or paid, e.g. from an import): then officers and above
 * only, approved_by is the current user, approved_on = granted_on, and a
 * paid grant needs paid_on. The recipient is g->recipient_id, else the
 * record of g->member_id.
 * No double aid: another non-cancelled grant of the same program to the
 * same member in the same calendar year refuses the grant (UD_ERR_STATE,
 * naming that grant's date and amount) unless allow_double; allow_double
 * is for officers and admins (UD_ERR_PERM for a clerk) and records the
 * current user in double_confirmed_by. g is reloaded on success. */
int ud_aid_grant_create(struct ud_db *db, struct ud_aid_grant *g, int allow_double, struct ud_err *err);
/* What the CSV import uses: the member's recipient record is created first
 * when there is none (category hardship_category, else "other";
 * registered on granted_on), then the grant; one transaction. */
/* The same with a whole recipient record as the template for a member who
 * has none (the screens ask hardship level and category): g->member_id
 * names the member; the template's member and id are ignored. */
int ud_aid_grant_create_with_recipient(struct ud_db *db, const struct ud_aid_recipient *tmpl,
                                       struct ud_aid_grant *g, int allow_double, struct ud_err *err);
int ud_aid_grant_create_for_member(struct ud_db *db, int64_t member_id, struct ud_aid_grant *g,
                                   const char *hardship_category, int allow_double, struct ud_err *err);
int ud_aid_grant_get(struct ud_db *db, int64_t id, struct ud_aid_grant *g, struct ud_err *err);
/* Clerks and above, only while proposed (else UD_ERR_STATE); optimistic.
 * Changes program, amount, granted_on, fund source, child and school (not
 * the recipient, not the status); the no-double-aid rule is checked again
 * (an earlier confirmation stands while program and year are unchanged). */
int ud_aid_grant_update(struct ud_db *db, struct ud_aid_grant *g, int allow_double, struct ud_err *err);
/* The grant workflow: which status each action starts from. */
enum ud_aid_action { UD_AID_EDIT, UD_AID_APPROVE, UD_AID_PAY, UD_AID_CANCEL, UD_AID_DELETE };
/* UD_OK when a grant in `status` allows the action, else UD_ERR_STATE with
 * the reason (the screens ask before they offer a move). */
int ud_aid_grant_can(const char *status, enum ud_aid_action a, struct ud_err *err);

/* Officers and above; g->id and g->version name the grant, which is
 * reloaded on success. Refused moves are UD_ERR_STATE. */
/* proposed → approved; approved_by = current user, approved_on = today */
int ud_aid_grant_approve(struct ud_db *db, struct ud_aid_grant *g, struct ud_err *err);
/* approved → paid on paid_on (NULL or "" = today; not before granted_on,
 * not in the future) */
int ud_aid_grant_pay(struct ud_db *db, struct ud_aid_grant *g, const char *paid_on, struct ud_err *err);
/* proposed or approved → cancelled */
int ud_aid_grant_cancel(struct ud_db *db, struct ud_aid_grant *g, struct ud_err *err);
/* Officers and above; a proposed or cancelled grant only (an approved one
 * is cancelled first; a paid one stays on record). */
int ud_aid_grant_delete(struct ud_db *db, int64_t id, int64_t version, struct ud_err *err);

/* Read-only: is there already a non-cancelled grant of `program` to the
 * member in the calendar year of granted_on (other than exclude_id, 0 for
 * none)? *found = 1 and *existing filled (the earliest such grant) when
 * there is, so that a screen can ask before saving. */
int ud_aid_double_check(struct ud_db *db, int64_t member_id, const char *program, const char *granted_on,
                        int64_t exclude_id, struct ud_aid_grant *existing, int *found, struct ud_err *err);

struct ud_aid_grant_filter {
    const char *query;     /* member name prefix, or ID number prefix */
    const char *program;   /* NULL = all */
    const char *status;    /* NULL = all */
    const char *date_from; /* granted_on ≥; NULL = open */
    const char *date_to;   /* granted_on ≤; NULL = open */
    int64_t org_subtree;   /* the member's union within this subtree; 0 = all */
    int counted_only;      /* only the grants a total counts (see ud_aid_grant_totals) */
};
/* Sort keys: granted_on (default), name, amount, id. */
int ud_aid_grant_list(struct ud_db *db, const struct ud_aid_grant_filter *f, const struct ud_page *pg,
                      struct ud_aid_grant *rows, struct ud_cursor *cursors, int *n, struct ud_err *err);
/* As ud_member_locate. */
int ud_aid_grant_locate(struct ud_db *db, const struct ud_aid_grant_filter *f, const char *sort, int64_t id,
                        struct ud_cursor *at, struct ud_err *err);
int ud_aid_grant_count(struct ud_db *db, const struct ud_aid_grant_filter *f, int64_t *count,
                       struct ud_err *err);
/* What a total counts, one rule for the screens and the roster: every
 * matching grant but the cancelled ones; with a status filter, every
 * matching grant (cancelled ones when cancelled is the status asked for). */
struct ud_aid_totals {
    int64_t matching; /* grants the filter matches: the rows a list shows */
    int64_t counted;  /* of those, the ones the total counts */
    int64_t sum_fen;  /* the amounts of the counted ones */
};
int ud_aid_grant_totals(struct ud_db *db, const struct ud_aid_grant_filter *f, struct ud_aid_totals *t,
                        struct ud_err *err);
/* The number of matching grants (as the list shows them) and the sum of
 * the counted ones (ud_aid_grant_totals) in fen. count may be NULL. */
int ud_aid_grant_sum(struct ud_db *db, const struct ud_aid_grant_filter *f, int64_t *count,
                     int64_t *sum_fen, struct ud_err *err);
/* Calls cb for every matching grant in granted_on, id order, from one
 * statement (constant memory, for rosters). A non-zero return from cb
 * stops the walk and is returned; err is then left to the caller. */
int ud_aid_grant_each(struct ud_db *db, const struct ud_aid_grant_filter *f,
                      int (*cb)(const struct ud_aid_grant *g, void *arg), void *arg, struct ud_err *err);

#endif
