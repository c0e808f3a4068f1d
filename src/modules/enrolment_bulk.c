#include "uniondesk/enrolment_bulk.h"

#include <string.h>

#include "db_int.h"
#include "modutil.h"
#include "uniondesk/i18n.h"
#include "uniondesk/may.h"

/* Whether the member can enrol: exists and is active (as ud_enrolment_create asks). */
static int member_active(struct ud_db *db, int64_t id, struct ud_err *err)
{
    sqlite3_stmt *st = ud_db_stmt(db, "SELECT status = 'active' FROM members WHERE id = ?1", err);
    if (!st)
        return err->status;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    int active = rc == SQLITE_ROW && sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return ud_db_error(db, rc, err);
    if (!active)
        return ud_err_field(err, "id_number", T("身份证号", "ID number"), "%s",
                            T("不是在册会员，不能报名", "not an active member, cannot enrol"));
    return UD_OK;
}

int ud_enrolment_bulk_add(struct ud_db *db, struct ud_enrolment_bulk *b, struct ud_enrolment *e,
                          struct ud_err *err)
{
    if (ud_may(db, UD_ACT_ENROL_WRITE, err) != UD_OK)
        return err->status;
    e->id = 0;
    if (b->verify) {
        if (ud_enrolment_validate_new(db, e, err) != UD_OK)
            return err->status;
    } else {
        if (!e->enrolled_on[0])
            ud_today(e->enrolled_on);
        if (e->fee_paid_fen == UD_NULL_INT)
            e->fee_paid_fen = 0;
        e->attended = e->attended ? 1 : 0;
        e->completed = e->completed ? 1 : 0;
        if (e->completed && !e->attended)
            return ud_err_field(err, "completed", T("结业", "completed"), "%s",
                                T("未参训不能结业", "a member who did not attend cannot complete"));
        if (member_active(db, e->member_id, err) != UD_OK)
            return err->status;
    }
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "INSERT INTO enrolments(course_id, member_id, enrolled_on, attended, completed, "
                                  "score, certificate_no, fee_paid_fen) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                  err);
    if (!st)
        return err->status;
    ud_enrolment_bind(st, e);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        /* a failed statement undoes itself; the transaction stays */
        if (sqlite3_extended_errcode(db->h) == SQLITE_CONSTRAINT_UNIQUE)
            return ud_err_set(err, UD_ERR_DUPLICATE, "%s",
                              T("该会员已报名此培训班", "this member is already enrolled in this course"));
        return ud_db_error(db, rc, err);
    }
    e->id = sqlite3_last_insert_rowid(db->h);
    if (b->verify) {
        struct ud_course c;
        if (ud_course_get(db, e->course_id, &c, err) != UD_OK)
            return err->status;
        if (c.capacity > 0 && c.enrolled > c.capacity)
            return ud_err_set(err, UD_ERR_STATE, "course %s over capacity in a bulk load", c.code);
    }
    return UD_OK;
}

int ud_enrolment_bulk_begin(struct ud_db *db, struct ud_enrolment_bulk *b, struct ud_err *err)
{
    memset(&b->audit, 0, sizeof b->audit);
    if (ud_may(db, UD_ACT_ENROL_WRITE, err) != UD_OK)
        return err->status;
    return ud_bulk_audit_defer(db, "enrolments", &b->audit, err);
}

int ud_enrolment_bulk_end(struct ud_db *db, struct ud_enrolment_bulk *b, struct ud_err *err)
{
    return ud_bulk_audit_write(db, &b->audit, err);
}

void ud_enrolment_bulk_free(struct ud_enrolment_bulk *b)
{
    ud_bulk_audit_free(&b->audit);
}
