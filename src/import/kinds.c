/* The import kinds: which module record a row fills, and how it is saved. */
#include "uniondesk/import.h"

#include "uniondesk/aid.h"
#include "uniondesk/dispute.h"
#include "uniondesk/i18n.h"
#include "uniondesk/member.h"
#include "uniondesk/org.h"
#include "uniondesk/training.h"

static void org_init(void *rec, void *extra)
{
    (void)extra;
    ud_org_init(rec);
}

static int org_save(struct ud_db *db, void *rec, void *extra, const struct ud_import_opts *o, struct ud_err *err)
{
    (void)extra;
    (void)o;
    return ud_org_create(db, rec, err);
}

static const struct ud_import_kind kind_orgs = {
    "orgs", "组织", "organizations", ud_org_fields, sizeof(struct ud_org), NULL, 0, org_init, org_save, NULL, NULL, 0,
};

static void member_init(void *rec, void *extra)
{
    (void)extra;
    ud_member_init(rec);
}

static int member_save(struct ud_db *db, void *rec, void *extra, const struct ud_import_opts *o,
                       struct ud_err *err)
{
    (void)extra;
    (void)o;
    struct ud_member *m = rec;
    int st = ud_member_create_parsed(db, m, err); /* its fields were set from the row's text */
    if (st == UD_ERR_DUPLICATE && ud_err_find(err, "id_number")) {
        /* say who already has this ID number */
        struct ud_member old;
        struct ud_err e2;
        ud_err_clear(&e2);
        if (ud_member_get_by_id_number(db, m->id_number, &old, &e2) == UD_OK) {
            ud_err_clear(err);
            ud_err_field(err, "id_number", T("身份证号", "ID number"),
                         T("重复：%s 已是会员（%s，%s），未重复录入", "duplicate: %s is already a member (%s, %s); not added twice"),
                         m->id_number, old.name, old.org_name);
            err->status = UD_ERR_DUPLICATE;
        }
    }
    return st;
}

static int member_check(struct ud_db *db, void *rec, struct ud_err *err)
{
    return ud_member_check_parsed(db, rec, err);
}

static int member_save_many(struct ud_db *db, const void *recs, int n, struct ud_err *err)
{
    return ud_member_insert_checked(db, recs, n, err);
}

static const struct ud_import_kind kind_members = {
    "members", "会员", "members", ud_member_fields, sizeof(struct ud_member), NULL, 0, member_init, member_save,
    member_check, member_save_many, UD_MEMBER_BATCH,
};

static void case_init(void *rec, void *extra)
{
    (void)extra;
    ud_case_init(rec);
}

static int case_save(struct ud_db *db, void *rec, void *extra, const struct ud_import_opts *o, struct ud_err *err)
{
    (void)extra;
    (void)o;
    return ud_case_create_parsed(db, rec, err); /* its fields were set from the row's text */
}

static const struct ud_import_kind kind_cases = {
    "cases", "案件", "cases", ud_case_fields, sizeof(struct ud_case), NULL, 0, case_init, case_save, NULL, NULL, 0,
};

static void aid_init(void *rec, void *extra)
{
    (void)extra;
    ud_aid_grant_init(rec);
}

/* A member without a recipient record gets one (category from the row). */
static int aid_save(struct ud_db *db, void *rec, void *extra, const struct ud_import_opts *o, struct ud_err *err)
{
    (void)extra;
    struct ud_aid_grant *g = rec;
    return ud_aid_grant_create_for_member(db, g->member_id, g, g->hardship_category[0] ? g->hardship_category : NULL,
                                          o->allow_double, err);
}

static const struct ud_import_kind kind_aid = {
    "aid", "帮扶", "aid", ud_aid_grant_fields, sizeof(struct ud_aid_grant), NULL, 0, aid_init, aid_save, NULL, NULL, 0,
};

static void course_init(void *rec, void *extra)
{
    (void)extra;
    ud_course_init(rec);
}

static int course_save(struct ud_db *db, void *rec, void *extra, const struct ud_import_opts *o, struct ud_err *err)
{
    (void)extra;
    (void)o;
    return ud_course_create(db, rec, err);
}

static const struct ud_import_kind kind_courses = {
    "courses", "培训班", "courses", ud_course_fields, sizeof(struct ud_course), NULL, 0, course_init, course_save, NULL, NULL, 0,
};

static void enrolment_init(void *rec, void *extra)
{
    (void)extra;
    ud_enrolment_init(rec);
}

static int enrolment_save(struct ud_db *db, void *rec, void *extra, const struct ud_import_opts *o,
                          struct ud_err *err)
{
    (void)extra;
    (void)o;
    return ud_enrolment_create(db, rec, err);
}

static const struct ud_import_kind kind_enrolments = {
    "enrolments", "报名", "enrolments", ud_enrolment_fields, sizeof(struct ud_enrolment), NULL, 0, enrolment_init,
    enrolment_save, NULL, NULL, 0,
};

const struct ud_import_kind *const ud_import_kinds[] = {
    &kind_orgs,
    &kind_members,
    &kind_cases,
    &kind_aid,
    &kind_courses,
    &kind_enrolments,
    NULL,
};
