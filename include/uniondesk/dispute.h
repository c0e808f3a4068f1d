/* Labor-dispute mediation cases (劳动争议调解案件): registration, the
 * status workflow received → filed → mediating → succeeded / failed /
 * withdrawn (and not_accepted), a timeline of events, and case numbers
 * TJ-YYYY-NNNNN counted per year. */
#ifndef UD_DISPUTE_H
#define UD_DISPUTE_H

#include <stddef.h>
#include <stdint.h>

#include "uniondesk/db.h"
#include "uniondesk/fields.h"
#include "uniondesk/list.h"
#include "uniondesk/parse.h"

#define UD_CASE_NO_SZ 129 /* 32 characters */

struct ud_case {
    int64_t id;
    char case_no[UD_CASE_NO_SZ];
    int64_t mediation_org_id;
    char received_on[UD_DATE_SZ];
    char filed_on[UD_DATE_SZ];
    int64_t workers_count;
    char applicant_name[124];
    char applicant_id_number[UD_IDNUM_SZ];
    char applicant_phone[UD_PHONE_SZ];
    int64_t member_id; /* set by the module when the ID number is a member's; UD_NULL_INT otherwise */
    char employer_name[244];
    char employer_credit_code[UD_CREDIT_SZ];
    int64_t employer_org_id;
    char dispute_type[20];
    int64_t claim_fen;
    int64_t agreed_fen;
    char mediator[124];
    char status[16];
    char closed_on[UD_DATE_SZ];
    char outcome[2004]; /* 500 characters; also the reason of 不予受理 / 终止调解 */
    int referred_to_arbitration;
    /* for the documents (migration 0006); sizes: characters × 4 + 4 */
    char claims[4004];          /* 请求事项, 1000 characters */
    char facts[8004];           /* 事实与理由, 2000 characters */
    char respondent_rep[164];   /* 被申请人代表人/委托代理人, 40 characters */
    char agreement_terms[8004]; /* 协议内容, 2000 characters */
    char payment_due_on[UD_DATE_SZ]; /* 履行期限 */
    char created_at[UD_TIME_SZ];
    char updated_at[UD_TIME_SZ];
    int64_t version;
    /* read with the row, not stored */
    char mediation_org_name[184];
    char level[12]; /* "district", "street" or "community" */
    int overdue;    /* ud_overdue(status, filed_on, today) */
    /* 1 when claims, facts and agreement_terms were read (get, get_by_no,
     * init); lists leave them empty (0) to stay light, and an update of a
     * row read by a list keeps what is stored */
    int texts_read;
};

extern const struct ud_field ud_case_fields[];
extern const struct ud_ref_kind ud_ref_case; /* typed as a case number */
extern const struct ud_sort_key ud_case_sort_keys[];

void ud_case_init(struct ud_case *c);

/* Clerks and above. The mediation organization must be an active district,
 * street or community body. Status defaults to received; a case may be
 * created in a later state (imports, history) when its dates agree with it.
 * An empty case_no gets the next TJ-YYYY-NNNNN of received_on's year; a
 * given one is kept (ASCII letters upper-cased) and, in TJ form, raises its
 * year's sequence. Writes the first timeline event. c is re-read.
 * Create, update and move save an agreed amount above a claim (> 0) but
 * add a warning on agreed_amount to err (ud_err_warn_field) to show. */
int ud_case_create(struct ud_db *db, struct ud_case *c, struct ud_err *err);
/* As ud_case_create, for a record whose every field was set by
 * ud_field_set from text (an import row): not formatted and parsed again. */
int ud_case_create_parsed(struct ud_db *db, struct ud_case *c, struct ud_err *err);
int ud_case_get(struct ud_db *db, int64_t id, struct ud_case *c, struct ud_err *err);
int ud_case_get_by_no(struct ud_db *db, const char *case_no, struct ud_case *c, struct ud_err *err);
/* Clerks and above: saves every field but the status over the stored row if
 * its version still matches (else UD_ERR_CONFLICT). Filing and closing
 * dates may be corrected, not added or removed (moves do that). c is re-read. */
int ud_case_update(struct ud_db *db, struct ud_case *c, struct ud_err *err);
/* Officers and above; the timeline goes with the case. */
int ud_case_delete(struct ud_db *db, int64_t id, int64_t version, struct ud_err *err);

/* ---- workflow ---- */
/* Statuses a case in `from` may move to (at most max of them, written to
 * to[]); returns how many there are. */
int ud_case_allowed_moves(const char *from, const char **to, int max);
/* A closing status: succeeded, failed, withdrawn, not_accepted. */
int ud_case_is_terminal(const char *status);
/* What a move to `to` takes besides a note (UD_MOVE_* bits): a date (the
 * filing date for filed, the closing date for a terminal status), the
 * agreed amount (succeeded), the outcome text (terminal: for not_accepted
 * the reason it is turned away, for failed and withdrawn why mediation
 * ended), the referral to arbitration (failed), the agreement's terms and
 * payment due date (succeeded). */
#define UD_MOVE_DATE 1u
#define UD_MOVE_AGREED 2u
#define UD_MOVE_OUTCOME 4u
#define UD_MOVE_REFERRED 8u
#define UD_MOVE_AGREEMENT 16u
unsigned ud_case_move_needs(const char *to);
/* A case in this status may hold agreement terms and a payment due date:
 * filed, mediating (a draft) or succeeded. */
int ud_case_may_have_agreement(const char *status);
/* The case field a move to `to` dates: "filed_on", "closed_on" or NULL. */
const char *ud_case_move_date_field(const char *to);
/* The employer a union stands for: its name without the trailing 工会
 * ("宁波旭越电器有限公司工会" → "宁波旭越电器有限公司"). */
void ud_case_employer_of_union(const char *union_name, char *out, size_t outsz);

struct ud_case_move {
    const char *date;       /* filing date (→ filed) or closing date (→ terminal); NULL = today */
    int64_t agreed_fen;     /* → succeeded; UD_NULL_INT (or 0 elsewhere) = none */
    const char *outcome;    /* replaces the outcome text when not NULL/empty */
    int referred_to_arbitration; /* → failed */
    const char *note;       /* body of the timeline event */
    /* replace the stored agreement_terms / payment_due_on when not NULL/empty
     * (→ succeeded; they may also have been entered while mediating) */
    const char *agreement_terms;
    const char *payment_due_on;
};
void ud_case_move_init(struct ud_case_move *m);
/* Clerks and above. A move the workflow does not draw is UD_ERR_STATE; a
 * stale expected_version is UD_ERR_CONFLICT; bad dates are field errors
 * on filed_on / closed_on. args may be NULL. Writes a status event. */
int ud_case_move(struct ud_db *db, int64_t id, int64_t expected_version, const char *to_status,
                 const struct ud_case_move *args, struct ud_err *err);
/* ud_case_move on a case in memory, for bulk loads (case_bulk.c): the same
 * workflow and field checks; *c takes the new status, dates and texts and
 * version + 1. Nothing is read or written. */
int ud_case_move_apply(struct ud_case *c, const char *to_status, const struct ud_case_move *args,
                       struct ud_err *err);
/* The checks ud_case_create makes on a new case, without writing. */
int ud_case_validate_new(struct ud_db *db, struct ud_case *c, struct ud_err *err);

/* Officers and above: a closed case (succeeded, failed, withdrawn,
 * not_accepted) goes back to the status it had before it was closed (the
 * timeline tells). Its closing date, agreed amount and referral are
 * cleared, so the statistics count it open again; the old values stay in
 * the timeline and the audit log. reason is required (field "reason") and
 * becomes the body of a 'reopened' event. An open case is UD_ERR_STATE.
 * expected_version is the version the officer saw (as for ud_case_move):
 * a case changed since (closed again by someone else) is UD_ERR_CONFLICT. */
int ud_case_reopen(struct ud_db *db, int64_t case_id, int64_t expected_version, const char *reason,
                   struct ud_err *err);

/* ---- mediators ---- */
#define UD_MEDIATOR_SZ 124 /* as ud_case.mediator: 30 characters */
struct ud_mediator {
    char name[UD_MEDIATOR_SZ];
    int64_t cases; /* cases that name this mediator */
    int is_user;   /* an active user's display name (or login) */
};
/* What a case's mediator field offers: the active users and the mediators
 * of earlier cases, each name once, the most used first (then users, then
 * by name), only names containing `fragment` (ASCII case ignored; NULL or
 * "" = all). At most max rows; *n gets how many. Anyone may read. */
int ud_case_mediators(struct ud_db *db, const char *fragment, struct ud_mediator *rows, int max, int *n,
                      struct ud_err *err);

/* ---- timeline ---- */
#define UD_EVENT_BODY_MAX 2000

struct ud_case_event {
    int64_t id;
    int64_t case_id;
    char at[UD_TIME_SZ];
    char login[100];
    char kind[12];
    char from_status[16];
    char to_status[16];
    char body[UD_EVENT_BODY_MAX * 4 + 4];
};
/* Clerks and above: kind note/session/phone/visit, body required. */
int ud_case_add_event(struct ud_db *db, int64_t case_id, const char *kind, const char *body,
                      struct ud_err *err);
/* The first `max` events of a case, oldest first; *n gets how many. */
int ud_case_events(struct ud_db *db, int64_t case_id, struct ud_case_event *rows, int max, int *n,
                   struct ud_err *err);

/* ---- lists ---- */
struct ud_case_filter {
    const char *query;         /* case number, applicant name or employer name prefix */
    const char *status;        /* one status code; NULL = all */
    const char *level;         /* district / street / community; NULL = all */
    const char *dispute_type;  /* NULL = all */
    int overdue_only;
    const char *mediator;      /* exact name; NULL = all */
    int64_t org_subtree;       /* mediation organization subtree; 0 = all */
    const char *received_from; /* inclusive ISO dates; NULL = open */
    const char *received_to;
};
/* Sorts: "received_on" (default) and "case_no". */
int ud_case_list(struct ud_db *db, const struct ud_case_filter *f, const struct ud_page *pg,
                 struct ud_case *rows, struct ud_cursor *cursors, int *n, struct ud_err *err);
/* As ud_member_locate. */
int ud_case_locate(struct ud_db *db, const struct ud_case_filter *f, const char *sort, int64_t id,
                   struct ud_cursor *at, struct ud_err *err);
int ud_case_count(struct ud_db *db, const struct ud_case_filter *f, int64_t *count, struct ud_err *err);
int ud_case_resolve(struct ud_db *db, const char *case_no, int64_t *id, struct ud_err *err);

#endif
