/* A course's enrolments — a descriptor over screen.c: enrol a member found
 * by search, mark attendance and completion (score and certificate),
 * edit, remove. */
#include <stdio.h>
#include <string.h>

#include "training_screens.h"
#include "uniondesk/i18n.h"
#include "uniondesk/member.h"
#include "uniondesk/privacy.h"

#define FORM_COMPLETE 2 /* the completion form: score and certificate */

static int fetch(struct tui_app *app, void *ctx, const char *query, const struct ud_page *pg, void *rows,
                 struct ud_cursor *cursors, int *n, struct ud_err *err)
{
    const struct tui_scr *s = ctx;
    struct ud_enrolment_filter ef = {s->scope, 0, query};
    return ud_enrolment_list(app->db, &ef, pg, rows, cursors, n, err);
}

static int locate(struct tui_app *app, void *ctx, const char *sort, int64_t id, struct ud_cursor *at,
                  struct ud_err *err)
{
    const struct tui_scr *s = ctx;
    struct ud_enrolment_filter ef = {s->scope, 0, NULL};
    return ud_enrolment_locate(app->db, &ef, sort, id, at, err);
}

static int count(struct tui_app *app, void *ctx, const char *query, int64_t *c, struct ud_err *err)
{
    struct tui_scr *s = ctx;
    /* the course, for the heading: reloaded with the list */
    struct ud_err e2;
    ud_err_clear(&e2);
    if (ud_course_get(app->db, s->scope, s->priv, &e2) != UD_OK)
        tui_error(app, &e2);
    struct ud_enrolment_filter ef = {s->scope, 0, query};
    return ud_enrolment_count(app->db, &ef, c, err);
}

static const char *yes_no(int b)
{
    return b ? T("是", "yes") : T("否", "no");
}

static void cell(struct tui_app *app, void *ctx, const void *row, int col, char *out, size_t outsz)
{
    (void)app;
    (void)ctx;
    const struct ud_enrolment *e = row;
    switch (col) {
    case 0: snprintf(out, outsz, "%s", e->member_name); break;
    case 1: ud_show_id_number(e->id_number, out, outsz); break;
    case 2: snprintf(out, outsz, "%s", e->org_name); break;
    case 3: snprintf(out, outsz, "%s", yes_no(e->attended)); break;
    case 4: snprintf(out, outsz, "%s", yes_no(e->completed)); break;
    case 5:
        if (e->score != UD_NULL_INT)
            snprintf(out, outsz, "%lld", (long long)e->score);
        break;
    case 6: snprintf(out, outsz, "%s", e->certificate_no); break;
    }
}

static int64_t row_id(const void *row)
{
    return ((const struct ud_enrolment *)row)->id;
}

static const struct tui_column columns[] = {
    {"姓名", "name", 8, 0, UD_LEFT, "name"},
    {"身份证号", "ID number", 18, 0, UD_LEFT, NULL},
    {"所属工会", "union", 12, 1, UD_LEFT, NULL},
    {"参训", "att.", 4, 0, UD_LEFT, NULL},
    {"结业", "done", 4, 0, UD_LEFT, NULL},
    {"成绩", "pts", 4, 0, UD_RIGHT, NULL},
    {"证书编号", "certificate", 12, 0, UD_LEFT, NULL},
};

static int get(struct ud_db *db, int64_t id, void *rec, struct ud_err *err)
{
    return ud_enrolment_get(db, id, rec, err);
}

static int update(struct ud_db *db, void *rec, struct ud_err *err)
{
    return ud_enrolment_update(db, rec, err);
}

static void heading(struct tui_app *app, struct tui_scr *s, char *title, size_t titlesz, char *line, size_t linesz)
{
    (void)app;
    const struct ud_course *c = s->priv;
    char places[64];
    course_places(c, places, sizeof places);
    snprintf(title, titlesz, T("报名名单：%s %s", "Enrolments: %s %s"), c->code, c->title);
    snprintf(line, linesz, T("开班 %s  学时 %lld  名额/已报 %s%s", "starts %s  %lld hours  places/enrolled %s%s"),
             c->starts_on, (long long)c->hours, places, course_full(c) ? T("（已满）", " (full)") : "");
}

static void name(const void *rec, int longer, char *out, size_t outsz)
{
    const struct ud_enrolment *e = rec;
    snprintf(out, outsz, "%s%s%s", e->member_name, longer ? "  " : "", longer ? e->course_code : "");
}

static void delete_question(struct tui_app *app, const void *rec, char *out, size_t outsz)
{
    (void)app;
    const struct ud_enrolment *e = rec;
    snprintf(out, outsz, T("删除 %s 在 %s 的报名记录？", "Remove %s from %s?"), e->member_name, e->course_code);
}

static void detail(struct tui_app *app, struct tui_scr *s, struct tui_detail *d, const void *rec)
{
    (void)s;
    const struct ud_enrolment *e = rec;
    char v[600];
    tui_detail_add(d, T("姓名", "name"), e->member_name, 0);
    tui_detail_add(d, T("所属工会", "union"), e->org_name, 0);
    for (const struct ud_field *f = ud_enrolment_fields; f->name; f++) {
        ud_field_format(app->db, f, e, UD_FMT_DISPLAY, v, sizeof v);
        tui_detail_add(d, ud_field_label(f), v, 0);
    }
}

/* ---- the form: an enrolment's fields, or completion ---- */

static void form_fill(struct tui_app *app, struct tui_scr *s, struct tui_form *form, const void *rec, int mode)
{
    (void)s;
    const struct ud_enrolment *e = rec;
    if (mode == FORM_COMPLETE) {
        static const char *const asked[] = {"score", "certificate_no"};
        for (int i = 0; i < 2; i++)
            tui_form_add_field(app, form, ud_field_find(ud_enrolment_fields, asked[i]), e);
        return;
    }
    tui_form_fill(app, form, ud_enrolment_fields, e);
    /* the course and the member of an enrolment do not change */
    struct tui_form_field *f;
    if ((f = tui_form_find(form, "course"))) {
        f->readonly = 1;
        snprintf(f->shown, sizeof f->shown, "%s", e->course_title);
    }
    if ((f = tui_form_find(form, "id_number"))) {
        f->readonly = 1;
        snprintf(f->shown, sizeof f->shown, "%s", e->member_name);
    }
}

static void before_save(struct tui_scr *s, void *rec, int mode)
{
    (void)s;
    if (mode == FORM_COMPLETE)
        ((struct ud_enrolment *)rec)->completed = 1;
}

static void saved(struct tui_app *app, struct tui_scr *s, const void *rec, int mode)
{
    (void)s;
    (void)mode;
    const struct ud_enrolment *e = rec;
    tui_message(app, T("%s 已结业%s%s", "%s completed%s%s"), e->member_name,
                e->certificate_no[0] ? T("，证书 ", ", certificate ") : "", e->certificate_no);
}

/* ---- the keys of its own ---- */

static void member_picked(struct tui_app *app, const void *row, void *arg)
{
    struct tui_scr *s = arg;
    const struct ud_member *m = row;
    struct ud_enrolment e;
    ud_enrolment_init(&e);
    e.course_id = s->scope;
    e.member_id = m->id;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_enrolment_create(app->db, &e, &err) != UD_OK) {
        tui_error(app, &err);
        tui_list_reload(app, s->list);
        return;
    }
    tui_changed(app);
    tui_message(app, T("已报名：%s（%s）", "enrolled: %s (%s)"), e.member_name, e.course_code);
    tui_scr_select(app, s, e.id); /* the pick list has closed: the list shows the new row */
}

static enum tui_done enrol(struct tui_app *app, struct tui_scr *s, const void *rec)
{
    (void)rec;
    tui_pick_open(app, T("报名：输入会员姓名、身份证号或电话搜索", "enrol: type a member's name, ID number or phone"),
                  &tui_member_pick_source, NULL, member_picked, s, NULL);
    return TUI_STAY;
}

static enum tui_done save_with(struct tui_app *app, struct ud_enrolment *e, const char *done_zh, const char *done_en)
{
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_enrolment_update(app->db, e, &err) != UD_OK) {
        tui_error(app, &err);
        return TUI_STAY;
    }
    tui_changed(app);
    tui_message(app, "%s%s", e->member_name, T(done_zh, done_en));
    return TUI_RELOAD;
}

static enum tui_done attended(struct tui_app *app, struct tui_scr *s, const void *rec)
{
    (void)s;
    struct ud_enrolment e = *(const struct ud_enrolment *)rec;
    e.attended = !e.attended;
    return save_with(app, &e, e.attended ? "：已参训" : "：未参训", e.attended ? ": attended" : ": did not attend");
}

static enum tui_done completed(struct tui_app *app, struct tui_scr *s, const void *rec)
{
    struct ud_enrolment e = *(const struct ud_enrolment *)rec;
    if (!e.attended) {
        /* completion needs attendance: the module refuses (in its own
         * words) before writing anything */
        e.completed = 1;
        return save_with(app, &e, "", "");
    }
    char title[400];
    snprintf(title, sizeof title, T("结业：%s（%s；成绩、证书编号，F2 保存）", "Completed: %s (%s; score, certificate, F2 saves)"),
             e.member_name, e.course_code);
    tui_scr_form(app, s, e.id, FORM_COMPLETE, title);
    return TUI_STAY;
}

static enum tui_done edit(struct tui_app *app, struct tui_scr *s, const void *rec)
{
    const struct ud_enrolment *e = rec;
    char title[400];
    snprintf(title, sizeof title, T("修改报名：%s（%s；F2 保存）", "Edit enrolment: %s (%s; F2 saves)"), e->member_name,
             e->course_code);
    tui_scr_form(app, s, e->id, TUI_FORM_EDIT, title);
    return TUI_STAY;
}

static enum tui_done course_detail(struct tui_app *app, struct tui_scr *s, const void *rec)
{
    (void)rec;
    if (s->parent) {
        struct ud_course c = {.id = s->scope};
        tui_scr_open(app, s->parent, &c);
    }
    return TUI_STAY;
}

static const struct tui_screen_key keys[] = {
    {'n', "n", "报名", "enrol", UD_ACT_ENROL_WRITE, TUI_IN_LIST, 0, enrol},
    {'t', "t", "参训", "attended", UD_ACT_ENROL_WRITE, TUI_IN_BOTH, 1, attended},
    {'c', "c", "结业", "completed", UD_ACT_ENROL_WRITE, TUI_IN_BOTH, 1, completed},
    {'e', "e", "修改", "edit", UD_ACT_ENROL_WRITE, TUI_IN_BOTH, 1, edit},
    {'d', "d", "删除", "remove", UD_ACT_ENROL_WRITE, TUI_IN_BOTH, 1, tui_scr_delete},
    TUI_KEY_OPEN,
    {'i', "i", "培训班", "course", UD_ACT_VIEW, TUI_IN_LIST, 0, course_detail},
    TUI_SCREEN_KEYS_END,
};

const struct tui_screen tui_enrol_screen = {
    .title = {"报名名单", "Enrolments"},
    .search = {"搜索（/ 姓名或身份证号）：", "search (/ name or ID number): "},
    .src = {sizeof(struct ud_enrolment), columns, 7, fetch, count, cell, NULL, row_id, locate},
    .sort = "name",
    .version_off = offsetof(struct ud_enrolment, version),
    .created_off = offsetof(struct ud_enrolment, created_at),
    .updated_off = offsetof(struct ud_enrolment, updated_at),
    .fields = ud_enrolment_fields,
    .get = get,
    .update = update,
    .remove = ud_enrolment_delete,
    .name = name,
    .detail_title = {"报名：%s", "Enrolment: %s"},
    .deleted = {"已删除 %s 的报名", "%s removed"},
    .delete_question = delete_question,
    .detail = detail,
    .form_fill = form_fill,
    .before_save = before_save,
    .saved = saved,
    .heading = heading,
    .keys = keys,
    .private_size = sizeof(struct ud_course),
};
