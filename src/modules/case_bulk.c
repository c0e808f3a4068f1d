#include "uniondesk/case_bulk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_int.h"
#include "modutil.h"
#include "uniondesk/i18n.h"
#include "uniondesk/may.h"
#include "uniondesk/parse.h"

int ud_case_bulk_begin(struct ud_db *db, struct ud_case_bulk *b, struct ud_err *err)
{
    b->nyears = 0;
    memset(&b->indexes, 0, sizeof b->indexes);
    memset(&b->audit, 0, sizeof b->audit);
    if (ud_may(db, UD_ACT_CASE_WRITE, err) != UD_OK || ud_may(db, UD_ACT_CASE_MOVE, err) != UD_OK)
        return err->status;
    if (db->txn_depth <= 0)
        return ud_err_set(err, UD_ERR_INTERNAL, "case bulk load outside a transaction");
    if (ud_mod_require_empty(db, "SELECT EXISTS (SELECT 1 FROM cases) OR EXISTS (SELECT 1 FROM case_numbers)",
                             T("批量装入案件只能装入空表", "cases are loaded in bulk into an empty table only"),
                             err) != UD_OK)
        return err->status;
    if (ud_bulk_indexes_drop(db, "cases", &b->indexes, err) != UD_OK ||
        ud_bulk_indexes_drop(db, "case_events", &b->indexes, err) != UD_OK ||
        ud_bulk_audit_defer(db, "cases", &b->audit, err) != UD_OK)
        return err->status;
    return ud_bulk_audit_defer(db, "case_events", &b->audit, err);
}

/* The next TJ-YYYY-NNNNN of the year, as ud_case_create gives it; no
 * number is taken yet, the table having been empty. */
static int next_case_no(struct ud_case_bulk *b, const char *received_on, char *out, size_t outsz,
                        struct ud_err *err)
{
    int year = atoi(received_on);
    int i = 0;
    while (i < b->nyears && b->seq[i].year != year)
        i++;
    if (i == b->nyears) {
        if (b->nyears == UD_CASE_BULK_YEARS)
            return ud_err_set(err, UD_ERR_INTERNAL, "case bulk load over too many years");
        b->seq[i].year = year;
        b->seq[i].last = 0;
        b->nyears++;
    }
    int64_t seq = ++b->seq[i].last;
    snprintf(out, outsz, "TJ-%04d-%05lld", year % 10000, (long long)(seq % 1000000000));
    return UD_OK;
}

/* The applicant is linked to the member with the same ID number, if any
 * (as ud_case_create does). */
static int link_member(struct ud_db *db, struct ud_case *c, struct ud_err *err)
{
    c->member_id = UD_NULL_INT;
    if (!c->applicant_id_number[0])
        return UD_OK;
    sqlite3_stmt *st = ud_db_stmt(db, "SELECT id FROM members WHERE id_number = ?1", err);
    if (!st)
        return err->status;
    ud_bind_text(st, 1, c->applicant_id_number);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        c->member_id = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? UD_OK : ud_db_error(db, rc, err);
}

/* now: at, created_at and updated_at, as their defaults would give them
 * (ud_mod_now), formatted once per case instead of three times an event */
static int add_event(struct ud_db *db, int64_t case_id, const char *from, const char *to, const char *body,
                     const char *now, struct ud_err *err)
{
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "INSERT INTO case_events(case_id, login, kind, from_status, to_status, body, at, "
                                  "created_at, updated_at) VALUES (?1, ?2, 'status', ?3, ?4, ?5, ?6, ?6, ?6)",
                                  err);
    if (!st)
        return err->status;
    sqlite3_bind_int64(st, 1, case_id);
    ud_bind_text(st, 2, db->login);
    ud_bind_text(st, 3, from);
    ud_bind_text(st, 4, to);
    ud_bind_text(st, 5, body);
    ud_bind_text(st, 6, now);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? UD_OK : ud_db_error(db, rc, err);
}

/* ud_case_create's INSERT, with the version the moves reached and the
 * creation time bound (as add_event's) */
static int insert_case(struct ud_db *db, const struct ud_case *c, const char *now, struct ud_err *err)
{
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "INSERT INTO cases(case_no, mediation_org_id, received_on, filed_on, "
                                  "workers_count, applicant_name, applicant_id_number, applicant_phone, member_id, "
                                  "employer_name, employer_credit_code, employer_org_id, dispute_type, claim_fen, "
                                  "agreed_fen, mediator, status, closed_on, outcome, referred_to_arbitration, claims, "
                                  "facts, respondent_rep, agreement_terms, payment_due_on, version, created_at, "
                                  "updated_at) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
                                  "?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?27)",
                                  err);
    if (!st)
        return err->status;
    ud_case_bind_fields(st, c);
    sqlite3_bind_int64(st, 26, c->version);
    ud_bind_text(st, 27, now);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? UD_OK : ud_db_error(db, rc, err);
}

int ud_case_bulk_add(struct ud_db *db, struct ud_case_bulk *b, struct ud_case *c,
                     const struct ud_case_bulk_move *moves, int nmoves, struct ud_err *err)
{
    if (c->case_no[0])
        return ud_err_set(err, UD_ERR_INTERNAL, "case bulk load with a case number given");
    if (!c->status[0])
        snprintf(c->status, sizeof c->status, "received");
    if (b->verify && ud_case_validate_new(db, c, err) != UD_OK)
        return err->status;
    char first_status[sizeof c->status]; /* the status created, the timeline's first event */
    memcpy(first_status, c->status, sizeof first_status);
    c->version = 1;
    for (int i = 0; i < nmoves; i++)
        if (ud_case_move_apply(c, moves[i].to, &moves[i].args, err) != UD_OK)
            return err->status;
    char now[UD_NOW_SZ];
    if (link_member(db, c, err) != UD_OK || next_case_no(b, c->received_on, c->case_no, sizeof c->case_no, err) != UD_OK ||
        ud_mod_now(db, now, err) != UD_OK || insert_case(db, c, now, err) != UD_OK)
        return err->status;
    c->id = sqlite3_last_insert_rowid(db->h);
    const char *from = NULL, *to = first_status;
    if (add_event(db, c->id, NULL, first_status, NULL, now, err) != UD_OK)
        return err->status;
    for (int i = 0; i < nmoves; i++) {
        from = to;
        to = moves[i].to;
        const char *note = moves[i].args.note;
        if (add_event(db, c->id, from, to, ud_blank(note) ? NULL : note, now, err) != UD_OK)
            return err->status;
    }
    return UD_OK;
}

int ud_case_bulk_end(struct ud_db *db, struct ud_case_bulk *b, struct ud_err *err)
{
    sqlite3_stmt *st = ud_db_stmt(db, "INSERT INTO case_numbers(year, last) VALUES (?1, ?2)", err);
    if (!st)
        return err->status;
    for (int i = 0; i < b->nyears; i++) {
        sqlite3_bind_int(st, 1, b->seq[i].year);
        sqlite3_bind_int64(st, 2, b->seq[i].last);
        int rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE)
            return ud_db_error(db, rc, err);
    }
    b->nyears = 0;
    if (ud_bulk_indexes_remake(db, &b->indexes, err) != UD_OK)
        return err->status;
    return ud_bulk_audit_write(db, &b->audit, err);
}

void ud_case_bulk_free(struct ud_case_bulk *b)
{
    ud_bulk_indexes_free(&b->indexes);
    ud_bulk_audit_free(&b->audit);
}
