/* Training (培训): courses and enrolments. */
#include "uniondesk/training.h"

#include <stdio.h>
#include <string.h>

#include "uniondesk/i18n.h"
#include "uniondesk/may.h"
#include "listq.h"
#include "uniondesk/member.h"
#include "modutil.h"
#include "uniondesk/org.h"
#include "db_int.h"

/* ---- courses ---- */

#define S struct ud_course
const struct ud_field ud_course_fields[] = {
    UD_FIELD_TEXT(S, "code", "班级代码", "code", code, 32, UD_FF_REQUIRED),
    UD_FIELD_TEXT(S, "title", "培训班名称", "title", title, 60, UD_FF_REQUIRED),
    UD_FIELD_ENUM(S, "category", "培训类别", "category", category, &ud_enum_course_category, UD_FF_REQUIRED),
    UD_FIELD_OF(S, UD_F_DATE, "starts_on", "开班日期", "starts on", starts_on, UD_FF_REQUIRED),
    UD_FIELD_REF(S, "organizer", "主办单位", "organizer", organizer_id, &ud_ref_org, 0),
    UD_FIELD_OF(S, UD_F_DATE, "ends_on", "结业日期", "ends on", ends_on, 0),
    UD_FIELD_INT(S, "hours", "学时", "hours", hours, 0, 10000, 0),
    UD_FIELD_TEXT(S, "location", "地点", "location", location, 60, 0),
    UD_FIELD_INT(S, "capacity", "名额", "capacity", capacity, 0, 100000, 0),
    UD_FIELD_OF(S, UD_F_MONEY, "fee", "学费", "fee", fee_fen, 0),
    UD_FIELD_OF(S, UD_F_MONEY, "member_discount", "会员优惠", "member discount", member_discount_fen, 0),
    UD_FIELD_END,
};
#undef S

const struct ud_sort_key ud_course_sort_keys[] = {
    {"starts_on", "c.starts_on", 0, 0},
    {"code", "c.code", 0, 0},
    {"title", "c.title", 0, 0},
    {"id", "c.id", 1, 0},
    {NULL, NULL, 0, 0},
};

#define COURSE_COLS                                                                                   \
    "SELECT c.id, c.code, c.title, c.category, c.organizer_org_id, c.starts_on, c.ends_on, c.hours, "  \
    "c.location, c.capacity, c.fee_fen, c.member_discount_fen, c.created_at, c.updated_at, c.version, " \
    "(SELECT count(*) FROM enrolments ce WHERE ce.course_id = c.id), o.name"
#define COURSE_NCOLS 17
#define COURSE_FROM " FROM courses c LEFT JOIN orgs o ON o.id = c.organizer_org_id"

static void course_read(sqlite3_stmt *st, void *row)
{
    struct ud_course *c = row;
    c->id = sqlite3_column_int64(st, 0);
    ud_col_text(st, 1, c->code, sizeof c->code);
    ud_col_text(st, 2, c->title, sizeof c->title);
    ud_col_text(st, 3, c->category, sizeof c->category);
    c->organizer_id = ud_col_opt_int(st, 4);
    ud_col_text(st, 5, c->starts_on, sizeof c->starts_on);
    ud_col_text(st, 6, c->ends_on, sizeof c->ends_on);
    c->hours = sqlite3_column_int64(st, 7);
    ud_col_text(st, 8, c->location, sizeof c->location);
    c->capacity = sqlite3_column_int64(st, 9);
    c->fee_fen = sqlite3_column_int64(st, 10);
    c->member_discount_fen = sqlite3_column_int64(st, 11);
    ud_col_text(st, 12, c->created_at, sizeof c->created_at);
    ud_col_text(st, 13, c->updated_at, sizeof c->updated_at);
    c->version = sqlite3_column_int64(st, 14);
    c->enrolled = sqlite3_column_int64(st, 15);
    ud_col_text(st, 16, c->organizer_name, sizeof c->organizer_name);
}

void ud_course_init(struct ud_course *c)
{
    memset(c, 0, sizeof *c);
    ud_fields_clear(ud_course_fields, c);
    c->hours = 0;
    c->capacity = 0;
    c->fee_fen = 0;
    c->member_discount_fen = 0;
}

/* Course codes are kept upper-case, so that a code prefix search (which
 * upper-cases what is typed) finds them. */
static void upper_ascii(char *s)
{
    for (; *s; s++)
        if (*s >= 'a' && *s <= 'z')
            *s = (char)(*s - 'a' + 'A');
}

int ud_course_get(struct ud_db *db, int64_t id, struct ud_course *c, struct ud_err *err)
{
    sqlite3_stmt *st = ud_db_stmt(db, COURSE_COLS COURSE_FROM " WHERE c.id = ?1", err);
    if (!st)
        return err->status;
    sqlite3_bind_int64(st, 1, id);
    return ud_mod_step_row(db, st, course_read, c, err, T("培训班 %lld 不存在", "course %lld does not exist"),
                           (long long)id);
}

int ud_course_get_by_code(struct ud_db *db, const char *code, struct ud_course *c, struct ud_err *err)
{
    char key[100];
    snprintf(key, sizeof key, "%s", code ? code : "");
    ud_trim(key);
    upper_ascii(key);
    sqlite3_stmt *st = ud_db_stmt(db, COURSE_COLS COURSE_FROM " WHERE c.code = ?1", err);
    if (!st)
        return err->status;
    ud_bind_text(st, 1, key);
    return ud_mod_step_row(db, st, course_read, c, err, T("培训班代码“%s”不存在", "no course has code '%s'"), key);
}

int ud_course_resolve(struct ud_db *db, const char *code, int64_t *id, struct ud_err *err)
{
    struct ud_course c;
    if (ud_course_get_by_code(db, code, &c, err) != UD_OK)
        return err->status;
    *id = c.id;
    return UD_OK;
}

static void course_ref_key(struct ud_db *db, int64_t id, char *out, size_t outsz)
{
    struct ud_course c;
    struct ud_err e;
    ud_err_clear(&e);
    if (ud_course_get(db, id, &c, &e) == UD_OK)
        snprintf(out, outsz, "%s", c.code);
    else
        snprintf(out, outsz, "#%lld", (long long)id);
}

static void course_ref_display(struct ud_db *db, int64_t id, char *out, size_t outsz)
{
    struct ud_course c;
    struct ud_err e;
    ud_err_clear(&e);
    if (ud_course_get(db, id, &c, &e) == UD_OK)
        snprintf(out, outsz, "%s %s", c.code, c.title);
    else
        snprintf(out, outsz, "#%lld", (long long)id);
}

const struct ud_ref_kind ud_ref_course = {"course", ud_course_resolve, course_ref_key, course_ref_display};

static int64_t enrolled_count(struct ud_db *db, int64_t course_id, struct ud_err *err)
{
    sqlite3_stmt *st = ud_db_stmt(db, "SELECT count(*) FROM enrolments WHERE course_id = ?1", err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, course_id);
    int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_reset(st);
    return n;
}

static int course_validate(struct ud_db *db, struct ud_course *c, struct ud_err *err)
{
    upper_ascii(c->code);
    ud_fields_validate(db, ud_course_fields, c, err);
    if (c->hours == UD_NULL_INT)
        c->hours = 0;
    if (c->capacity == UD_NULL_INT)
        c->capacity = 0;
    if (c->fee_fen == UD_NULL_INT)
        c->fee_fen = 0;
    if (c->member_discount_fen == UD_NULL_INT)
        c->member_discount_fen = 0;
    if (c->organizer_id != UD_NULL_INT && !ud_err_find(err, "organizer")) {
        struct ud_org_brief o;
        struct ud_err e2;
        ud_err_clear(&e2);
        if (ud_org_brief_get(db, c->organizer_id, &o, &e2) != UD_OK)
            ud_err_field(err, "organizer", T("主办单位", "organizer"), "%s", e2.msg);
    }
    if (c->starts_on[0] && c->ends_on[0] && !ud_err_find(err, "starts_on") && !ud_err_find(err, "ends_on") &&
        strcmp(c->ends_on, c->starts_on) < 0)
        ud_err_field(err, "ends_on", T("结业日期", "ends on"), T("早于开班日期 %s", "is before the start date %s"),
                     c->starts_on);
    if (!ud_err_find(err, "fee") && !ud_err_find(err, "member_discount") && c->member_discount_fen > c->fee_fen) {
        char fee[32];
        ud_format_money(c->fee_fen, fee, sizeof fee);
        ud_err_field(err, "member_discount", T("会员优惠", "member discount"),
                     T("不能超过学费（%s 元）", "cannot exceed the fee (%s yuan)"), fee);
    }
    if (c->id > 0 && c->capacity > 0 && !ud_err_find(err, "capacity")) {
        int64_t n = enrolled_count(db, c->id, err);
        if (n > c->capacity)
            ud_err_field(err, "capacity", T("名额", "capacity"),
                         T("已有 %lld 人报名，名额不能少于此数", "%lld are already enrolled; it cannot be less"),
                         (long long)n);
    }
    return err->nfields ? UD_ERR_INVALID : UD_OK;
}

static void course_bind(sqlite3_stmt *st, const struct ud_course *c)
{
    ud_bind_text(st, 1, c->code);
    ud_bind_text(st, 2, c->title);
    ud_bind_text(st, 3, c->category);
    ud_bind_opt_int(st, 4, c->organizer_id);
    ud_bind_text(st, 5, c->starts_on);
    ud_bind_text(st, 6, c->ends_on);
    sqlite3_bind_int64(st, 7, c->hours);
    ud_bind_text(st, 8, c->location);
    sqlite3_bind_int64(st, 9, c->capacity);
    sqlite3_bind_int64(st, 10, c->fee_fen);
    sqlite3_bind_int64(st, 11, c->member_discount_fen);
}

int ud_course_create(struct ud_db *db, struct ud_course *c, struct ud_err *err)
{
    if (ud_may(db, UD_ACT_COURSE_WRITE, err) != UD_OK)
        return err->status;
    c->id = 0;
    if (course_validate(db, c, err) != UD_OK)
        return err->status;
    if (ud_db_begin(db, err) != UD_OK)
        return err->status;
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "INSERT INTO courses(code, title, category, organizer_org_id, starts_on, "
                                  "ends_on, hours, location, capacity, fee_fen, member_discount_fen) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                                  err);
    if (!st)
        return ud_mod_finish(db, err->status, err);
    course_bind(st, c);
    if (ud_mod_step(db, st, ud_course_fields, err) != UD_OK)
        return err->status;
    int64_t id = sqlite3_last_insert_rowid(db->h);
    if (ud_db_commit(db, err) != UD_OK)
        return err->status;
    return ud_course_get(db, id, c, err);
}

int ud_course_update(struct ud_db *db, struct ud_course *c, struct ud_err *err)
{
    if (ud_may(db, UD_ACT_COURSE_WRITE, err) != UD_OK)
        return err->status;
    if (ud_db_begin(db, err) != UD_OK)
        return err->status;
    /* validated inside the transaction: the enrolled count cannot change meanwhile */
    if (course_validate(db, c, err) != UD_OK)
        return ud_mod_finish(db, err->status, err);
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "UPDATE courses SET code = ?1, title = ?2, category = ?3, organizer_org_id = ?4, "
                                  "starts_on = ?5, ends_on = ?6, hours = ?7, location = ?8, capacity = ?9, "
                                  "fee_fen = ?10, member_discount_fen = ?11, version = version + 1, "
                                  "updated_at = " UD_NOW_SQL " WHERE id = ?12 AND version = ?13",
                                  err);
    if (!st)
        return ud_mod_finish(db, err->status, err);
    course_bind(st, c);
    sqlite3_bind_int64(st, 12, c->id);
    sqlite3_bind_int64(st, 13, c->version);
    if (ud_mod_step_versioned(db, st, "courses", c->id, ud_course_fields, err) != UD_OK)
        return err->status;
    return ud_course_get(db, c->id, c, err);
}

int ud_course_delete(struct ud_db *db, int64_t id, int64_t version, struct ud_err *err)
{
    return ud_mod_delete(db, ud_act_role(UD_ACT_COURSE_DELETE), "DELETE FROM courses WHERE id = ?1 AND version = ?2", "courses", id,
                         version,
                         T("该培训班已有报名记录，不能删除", "members are enrolled in this course: it cannot be deleted"),
                         err);
}

static void course_filter(struct ud_sqlbuf *q, int *w, const void *arg)
{
    const struct ud_course_filter *f = arg;
    if (!f)
        return;
    if (f->category && *f->category) {
        ud_sql_where(q, w, "c.category = ");
        ud_sql_param_text(q, f->category);
    }
    if (f->year >= 1000 && f->year <= 9999) {
        char from[16], to[16];
        snprintf(from, sizeof from, "%04d-01-01", f->year);
        snprintf(to, sizeof to, "%04d-12-31", f->year);
        ud_sql_where(q, w, "c.starts_on >= ");
        ud_sql_param_text(q, from);
        ud_sql_add(q, " AND c.starts_on <= ");
        ud_sql_param_text(q, to);
    }
}

static const struct ud_sort_key course_search_keys[] = {
    {"code", "c.code", 0, 1},
    {"title", "c.title", 0, 0},
};

int ud_course_list(struct ud_db *db, const struct ud_course_filter *f, const struct ud_page *pg,
                   struct ud_course *rows, struct ud_cursor *cursors, int *n, struct ud_err *err)
{
    struct ud_list_spec spec = {COURSE_COLS, COURSE_FROM, COURSE_NCOLS, "c.id", sizeof *rows,
                                course_read, course_filter, f};
    const char *q = f ? f->query : NULL;
    if (q && *q)
        return ud_list_fetch(db, &spec, course_search_keys, 2, q, pg, rows, cursors, n, err);
    return ud_list_fetch(db, &spec, ud_list_sort_key(ud_course_sort_keys, pg->sort), 1, NULL, pg, rows,
                         cursors, n, err);
}

int ud_course_locate(struct ud_db *db, const struct ud_course_filter *f, const char *sort, int64_t id,
                     struct ud_cursor *at, struct ud_err *err)
{
    struct ud_course_filter g;
    if (f)
        g = *f;
    else
        memset(&g, 0, sizeof g);
    g.query = NULL;
    struct ud_list_spec spec = {COURSE_COLS, COURSE_FROM, COURSE_NCOLS, "c.id", sizeof(struct ud_course),
                                course_read, course_filter, &g};
    return ud_list_locate(db, &spec, ud_list_sort_key(ud_course_sort_keys, sort), id, at, err);
}

int ud_course_count(struct ud_db *db, const struct ud_course_filter *f, int64_t *count, struct ud_err *err)
{
    struct ud_list_spec spec = {COURSE_COLS, " FROM courses c", COURSE_NCOLS, "c.id", sizeof(struct ud_course),
                                course_read, course_filter, f};
    return ud_list_count(db, &spec, course_search_keys, 2, f ? f->query : NULL, count, err);
}

/* ---- enrolments ---- */

#define S struct ud_enrolment
const struct ud_field ud_enrolment_fields[] = {
    UD_FIELD_REF(S, "course", "培训班", "course", course_id, &ud_ref_course, UD_FF_REQUIRED),
    UD_FIELD_REF(S, "id_number", "身份证号", "ID number", member_id, &ud_ref_member, UD_FF_REQUIRED),
    UD_FIELD_OF(S, UD_F_DATE, "enrolled_on", "报名日期", "enrolled on", enrolled_on, UD_FF_NOFUTURE | UD_FF_NOCSV),
    UD_FIELD_OF(S, UD_F_BOOL, "attended", "参训", "attended", attended, 0),
    UD_FIELD_OF(S, UD_F_BOOL, "completed", "结业", "completed", completed, 0),
    UD_FIELD_INT(S, "score", "成绩", "score", score, 0, 100, 0),
    UD_FIELD_TEXT(S, "certificate_no", "证书编号", "certificate number", certificate_no, 40, 0),
    UD_FIELD_OF(S, UD_F_MONEY, "fee_paid", "已缴学费", "fee paid", fee_paid_fen, 0),
    UD_FIELD_END,
};
#undef S

const struct ud_sort_key ud_enrolment_sort_keys[] = {
    {"name", "m.name", 0, 0},
    {"starts_on", "c.starts_on", 0, 0},
    {"enrolled_on", "e.enrolled_on", 0, 0},
    {"id", "e.id", 1, 0},
    {NULL, NULL, 0, 0},
};

#define ENR_COLS                                                                                        \
    "SELECT e.id, e.course_id, e.member_id, e.enrolled_on, e.attended, e.completed, e.score, "           \
    "e.certificate_no, e.fee_paid_fen, e.created_at, e.updated_at, e.version, m.name, m.id_number, "    \
    "o.name, c.code, c.title"
#define ENR_NCOLS 17
#define ENR_FROM                                                                                         \
    " FROM enrolments e JOIN members m ON m.id = e.member_id JOIN orgs o ON o.id = m.org_id JOIN courses c" \
    " ON c.id = e.course_id"

static void enr_read(sqlite3_stmt *st, void *row)
{
    struct ud_enrolment *e = row;
    e->id = sqlite3_column_int64(st, 0);
    e->course_id = sqlite3_column_int64(st, 1);
    e->member_id = sqlite3_column_int64(st, 2);
    ud_col_text(st, 3, e->enrolled_on, sizeof e->enrolled_on);
    e->attended = sqlite3_column_int(st, 4);
    e->completed = sqlite3_column_int(st, 5);
    e->score = ud_col_opt_int(st, 6);
    ud_col_text(st, 7, e->certificate_no, sizeof e->certificate_no);
    e->fee_paid_fen = sqlite3_column_int64(st, 8);
    ud_col_text(st, 9, e->created_at, sizeof e->created_at);
    ud_col_text(st, 10, e->updated_at, sizeof e->updated_at);
    e->version = sqlite3_column_int64(st, 11);
    ud_col_text(st, 12, e->member_name, sizeof e->member_name);
    ud_col_text(st, 13, e->id_number, sizeof e->id_number);
    ud_col_text(st, 14, e->org_name, sizeof e->org_name);
    ud_col_text(st, 15, e->course_code, sizeof e->course_code);
    ud_col_text(st, 16, e->course_title, sizeof e->course_title);
}

void ud_enrolment_init(struct ud_enrolment *e)
{
    memset(e, 0, sizeof *e);
    ud_fields_clear(ud_enrolment_fields, e);
    ud_today(e->enrolled_on);
    e->fee_paid_fen = 0;
}

int ud_enrolment_get(struct ud_db *db, int64_t id, struct ud_enrolment *e, struct ud_err *err)
{
    sqlite3_stmt *st = ud_db_stmt(db, ENR_COLS ENR_FROM " WHERE e.id = ?1", err);
    if (!st)
        return err->status;
    sqlite3_bind_int64(st, 1, id);
    return ud_mod_step_row(db, st, enr_read, e, err, T("报名记录 %lld 不存在", "enrolment %lld does not exist"),
                           (long long)id);
}

/* Field checks; the course exists; completion needs attendance; a new
 * enrolment needs an active member. */
static int enr_validate(struct ud_db *db, struct ud_enrolment *e, int creating, struct ud_err *err)
{
    ud_fields_validate(db, ud_enrolment_fields, e, err);
    if (!e->enrolled_on[0])
        ud_today(e->enrolled_on);
    if (e->fee_paid_fen == UD_NULL_INT)
        e->fee_paid_fen = 0;
    e->attended = e->attended ? 1 : 0;
    e->completed = e->completed ? 1 : 0;
    if (e->completed && !e->attended)
        ud_err_field(err, "completed", T("结业", "completed"), "%s",
                     T("未参训不能结业", "a member who did not attend cannot complete"));
    if (e->course_id != UD_NULL_INT && !ud_err_find(err, "course")) {
        struct ud_course c;
        struct ud_err e2;
        ud_err_clear(&e2);
        if (ud_course_get(db, e->course_id, &c, &e2) != UD_OK)
            ud_err_field(err, "course", T("培训班", "course"), "%s", e2.msg);
    }
    if (e->member_id != UD_NULL_INT && !ud_err_find(err, "id_number")) {
        struct ud_member m;
        struct ud_err e2;
        ud_err_clear(&e2);
        if (ud_member_get(db, e->member_id, &m, &e2) != UD_OK)
            ud_err_field(err, "id_number", T("身份证号", "ID number"), "%s", e2.msg);
        else if (creating && strcmp(m.status, "active") != 0)
            ud_err_field(err, "id_number", T("身份证号", "ID number"),
                         T("%s 的会籍状态为“%s”，不能报名", "%s is %s, not an active member, and cannot enrol"),
                         m.name, ud_enum_label(&ud_enum_member_status, m.status));
    }
    return err->nfields ? UD_ERR_INVALID : UD_OK;
}

int ud_enrolment_validate_new(struct ud_db *db, struct ud_enrolment *e, struct ud_err *err)
{
    return enr_validate(db, e, 1, err);
}

void ud_enrolment_bind(sqlite3_stmt *st, const struct ud_enrolment *e)
{
    sqlite3_bind_int64(st, 1, e->course_id);
    sqlite3_bind_int64(st, 2, e->member_id);
    ud_bind_text(st, 3, e->enrolled_on);
    sqlite3_bind_int(st, 4, e->attended);
    sqlite3_bind_int(st, 5, e->completed);
    ud_bind_opt_int(st, 6, e->score);
    ud_bind_text(st, 7, e->certificate_no);
    sqlite3_bind_int64(st, 8, e->fee_paid_fen);
}

int ud_enrolment_create(struct ud_db *db, struct ud_enrolment *e, struct ud_err *err)
{
    if (ud_may(db, UD_ACT_ENROL_WRITE, err) != UD_OK)
        return err->status;
    e->id = 0;
    if (enr_validate(db, e, 1, err) != UD_OK)
        return err->status;
    if (ud_db_begin(db, err) != UD_OK)
        return err->status;
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "INSERT INTO enrolments(course_id, member_id, enrolled_on, attended, completed, "
                                  "score, certificate_no, fee_paid_fen) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                  err);
    if (!st)
        return ud_mod_finish(db, err->status, err);
    ud_enrolment_bind(st, e);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        /* UNIQUE (course_id, member_id): the member typed as id_number */
        if (sqlite3_extended_errcode(db->h) == SQLITE_CONSTRAINT_UNIQUE) {
            ud_db_rollback(db);
            ud_err_set(err, UD_ERR_DUPLICATE, "%s",
                       T("该会员已报名此培训班", "this member is already enrolled in this course"));
            return ud_err_field(err, "id_number", T("身份证号", "ID number"), "%s",
                                T("已报名此培训班（不能重复报名）", "already enrolled in this course"));
        }
        return ud_mod_step_failed(db, rc, ud_enrolment_fields, err);
    }
    int64_t id = sqlite3_last_insert_rowid(db->h);
    /* counted after the insert, in the same transaction: two clerks cannot
     * both take the last place */
    struct ud_course c;
    if (ud_course_get(db, e->course_id, &c, err) != UD_OK)
        return ud_mod_finish(db, err->status, err);
    if (c.capacity > 0 && c.enrolled > c.capacity) {
        ud_err_set(err, UD_ERR_STATE,
                   T("培训班“%s”已满（名额 %lld 人），不能再报名", "course %s is full (capacity %lld)"), c.code,
                   (long long)c.capacity);
        return ud_mod_finish(db, err->status, err);
    }
    if (ud_db_commit(db, err) != UD_OK)
        return err->status;
    return ud_enrolment_get(db, id, e, err);
}

int ud_enrolment_update(struct ud_db *db, struct ud_enrolment *e, struct ud_err *err)
{
    if (ud_may(db, UD_ACT_ENROL_WRITE, err) != UD_OK)
        return err->status;
    if (enr_validate(db, e, 0, err) != UD_OK)
        return err->status;
    if (ud_db_begin(db, err) != UD_OK)
        return err->status;
    /* course and member are bound (?1, ?2) to be checked, not changed */
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "UPDATE enrolments SET enrolled_on = ?3, attended = ?4, completed = ?5, "
                                  "score = ?6, certificate_no = ?7, fee_paid_fen = ?8, version = version + 1, "
                                  "updated_at = " UD_NOW_SQL
                                  " WHERE id = ?9 AND version = ?10 AND course_id = ?1 AND member_id = ?2",
                                  err);
    if (!st)
        return ud_mod_finish(db, err->status, err);
    ud_enrolment_bind(st, e);
    sqlite3_bind_int64(st, 9, e->id);
    sqlite3_bind_int64(st, 10, e->version);
    if (ud_mod_step(db, st, ud_enrolment_fields, err) != UD_OK)
        return err->status;
    if (sqlite3_changes(db->h) == 0) {
        struct ud_enrolment cur;
        struct ud_err e2;
        ud_err_clear(&e2);
        if (ud_enrolment_get(db, e->id, &cur, &e2) == UD_OK && cur.version == e->version)
            ud_err_set(err, UD_ERR_INVALID, "%s",
                       T("报名记录的培训班和会员不能更改；请删除后重新报名",
                         "the course and member of an enrolment cannot be changed; delete it and enrol again"));
        else
            ud_mod_conflict(db, "enrolments", e->id, err);
        ud_db_rollback(db);
        return err->status;
    }
    if (ud_db_commit(db, err) != UD_OK)
        return err->status;
    return ud_enrolment_get(db, e->id, e, err);
}

int ud_enrolment_delete(struct ud_db *db, int64_t id, int64_t version, struct ud_err *err)
{
    return ud_mod_delete(db, ud_act_role(UD_ACT_ENROL_WRITE), "DELETE FROM enrolments WHERE id = ?1 AND version = ?2", "enrolments",
                         id, version, NULL, err);
}

static void enr_filter(struct ud_sqlbuf *q, int *w, const void *arg)
{
    const struct ud_enrolment_filter *f = arg;
    if (!f)
        return;
    if (f->course_id) {
        ud_sql_where(q, w, "e.course_id = ");
        ud_sql_param_int(q, f->course_id);
    }
    if (f->member_id) {
        ud_sql_where(q, w, "e.member_id = ");
        ud_sql_param_int(q, f->member_id);
    }
}

static const struct ud_sort_key enr_name_key[] = {{"name", "m.name", 0, 0}};
static const struct ud_sort_key enr_id_key[] = {{"id_number", "m.id_number", 0, 1}, {"phone", "m.phone", 0, 0}};

static const struct ud_sort_key *enr_search_key(const char *q)
{
    return ud_is_number_query(q) ? enr_id_key : enr_name_key;
}

/* After the prefix group, the members any fragment finds (member.c),
 * walked from the member indexes to their enrolments. */
#define ENR_FROM_M                                                                                      \
    " CROSS JOIN members m JOIN enrolments e ON e.member_id = m.id JOIN orgs o ON o.id = m.org_id JOIN courses c" \
    " ON c.id = e.course_id"
#define ENR_FRAGS(fr, t) ud_member_frags(fr, " FROM member_grams x" ENR_FROM_M, " FROM member_subs x" ENR_FROM_M, "e.id", t)

int ud_enrolment_list(struct ud_db *db, const struct ud_enrolment_filter *f, const struct ud_page *pg,
                      struct ud_enrolment *rows, struct ud_cursor *cursors, int *n, struct ud_err *err)
{
    struct ud_list_spec spec = {ENR_COLS, ENR_FROM, ENR_NCOLS, "e.id", sizeof *rows, enr_read, enr_filter, f};
    const char *q = f ? f->query : NULL;
    if (q && *q) {
        char t[256];
        struct ud_member_frags fr;
        ud_member_search_text(q, t, sizeof t);
        return ud_list_search(db, &spec, enr_search_key(t), ud_is_number_query(t) ? 2 : 1, ENR_FRAGS(&fr, t), t, pg, rows, cursors, n, err);
    }
    return ud_list_fetch(db, &spec, ud_list_sort_key(ud_enrolment_sort_keys, pg->sort), 1, NULL, pg, rows,
                         cursors, n, err);
}

int ud_enrolment_locate(struct ud_db *db, const struct ud_enrolment_filter *f, const char *sort, int64_t id,
                        struct ud_cursor *at, struct ud_err *err)
{
    struct ud_enrolment_filter g;
    if (f)
        g = *f;
    else
        memset(&g, 0, sizeof g);
    g.query = NULL;
    struct ud_list_spec spec = {ENR_COLS, ENR_FROM, ENR_NCOLS, "e.id", sizeof(struct ud_enrolment), enr_read,
                                enr_filter, &g};
    return ud_list_locate(db, &spec, ud_list_sort_key(ud_enrolment_sort_keys, sort), id, at, err);
}

int ud_enrolment_count(struct ud_db *db, const struct ud_enrolment_filter *f, int64_t *count,
                       struct ud_err *err)
{
    const char *q = f ? f->query : NULL;
    struct ud_list_spec spec = {ENR_COLS, q && *q ? ENR_FROM : " FROM enrolments e", ENR_NCOLS, "e.id",
                                sizeof(struct ud_enrolment), enr_read, enr_filter, f};
    if (q && *q) {
        char t[256];
        struct ud_member_frags fr;
        ud_member_search_text(q, t, sizeof t);
        return ud_list_search_count(db, &spec, enr_search_key(t), ud_is_number_query(t) ? 2 : 1, ENR_FRAGS(&fr, t), t, count, err);
    }
    return ud_list_count(db, &spec, ud_enrolment_sort_keys, 1, NULL, count, err);
}
