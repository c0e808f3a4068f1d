/* 培训: the courses list (search by code or title, filter by category and
 * year), the course detail and form; from a course its enrolments: enrol
 * a member found by search, mark attendance and completion, edit, remove. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"
#include "uniondesk/i18n.h"
#include "uniondesk/member.h"
#include "uniondesk/org.h"
#include "uniondesk/parse.h"
#include "uniondesk/privacy.h"
#include "uniondesk/training.h"
#include "uniondesk/utf8.h"

struct course_tab;
static void open_course_detail(struct tui_app *app, int64_t id);
static void open_course_form(struct tui_app *app, int64_t id, struct course_tab *origin);
static void open_enrolments(struct tui_app *app, int64_t course_id);

/* Selects the row with this id when it is in the window. */
static void list_select(struct tui_list *l, int64_t id)
{
    for (int i = 0; i < l->n; i++)
        if (l->src->row_id(l->rows + (size_t)i * l->src->row_size) == id)
            l->sel = i;
}

static const char *category_label(const char *code)
{
    return ud_enum_label(&ud_enum_course_category, code);
}

/* "30/12": places and enrolled; a course without a limit reads 不限/12. */
static void places_text(const struct ud_course *c, char *out, size_t outsz)
{
    if (c->capacity > 0)
        snprintf(out, outsz, "%lld/%lld", (long long)c->capacity, (long long)c->enrolled);
    else
        snprintf(out, outsz, T("不限/%lld", "any/%lld"), (long long)c->enrolled);
}

/* ==== the courses list ==== */

struct course_filter {
    char category[24];
    int64_t year;
};

struct course_tab {
    struct tui_list *list;
    struct course_filter f;
    int64_t select_id; /* a course just created: selected when the list comes back */
};

static void course_module_filter(const struct course_tab *t, const char *query, struct ud_course_filter *cf)
{
    memset(cf, 0, sizeof *cf);
    cf->query = query;
    cf->category = t->f.category[0] ? t->f.category : NULL;
    cf->year = t->f.year != UD_NULL_INT ? (int)t->f.year : 0;
}

static int course_fetch(struct tui_app *app, void *ctx, const char *query, const struct ud_page *pg, void *rows,
                        struct ud_cursor *cursors, int *n, struct ud_err *err)
{
    struct ud_course_filter cf;
    course_module_filter(ctx, query, &cf);
    return ud_course_list(app->db, &cf, pg, rows, cursors, n, err);
}

static int course_count(struct tui_app *app, void *ctx, const char *query, int64_t *c, struct ud_err *err)
{
    struct ud_course_filter cf;
    course_module_filter(ctx, query, &cf);
    return ud_course_count(app->db, &cf, c, err);
}

static void course_cell(struct tui_app *app, void *ctx, const void *row, int col, char *out, size_t outsz)
{
    (void)app;
    (void)ctx;
    const struct ud_course *c = row;
    switch (col) {
    case 0: snprintf(out, outsz, "%s", c->code); break;
    case 1: snprintf(out, outsz, "%s", c->title); break;
    case 2: snprintf(out, outsz, "%s", category_label(c->category)); break;
    case 3: snprintf(out, outsz, "%s", c->starts_on); break;
    case 4: snprintf(out, outsz, "%lld", (long long)c->hours); break;
    case 5: places_text(c, out, outsz); break;
    case 6: ud_format_money(c->fee_fen, out, outsz); break;
    }
}

/* a full course stands out (and reads '!' without colour) */
static int course_full(const void *row)
{
    const struct ud_course *c = row;
    return c->capacity > 0 && c->enrolled >= c->capacity;
}

static int64_t course_row_id(const void *row)
{
    return ((const struct ud_course *)row)->id;
}

static const struct tui_column course_columns[] = {
    {"班级代码", "code", 12, 0, UD_LEFT, "code"},
    {"培训班名称", "title", 14, 1, UD_LEFT, "title"},
    {"类别", "category", 8, 0, UD_LEFT, NULL},
    {"开班日期", "starts", 10, 0, UD_LEFT, "starts_on"},
    {"学时", "hrs", 4, 0, UD_RIGHT, NULL},
    {"名额/已报", "places", 9, 0, UD_RIGHT, NULL},
    {"学费", "fee", 9, 0, UD_RIGHT, NULL},
};

static const struct tui_list_source course_source = {sizeof(struct ud_course), course_columns, 7, course_fetch,
                                                     course_count, course_cell, course_full, course_row_id};

static void open_course_filter(struct tui_app *app, struct course_tab *t);

static void course_list_draw(struct tui_app *app, struct tui_view *v, WINDOW *w, int h, int wdt)
{
    struct course_tab *t = v->data;
    char filt[200] = "", title[400];
    size_t n = 0;
    if (t->f.category[0])
        n += (size_t)snprintf(filt, sizeof filt, " %s", category_label(t->f.category));
    if (t->f.year != UD_NULL_INT && n < sizeof filt)
        snprintf(filt + n, sizeof filt - n, T(" %lld 年", " %lld"), (long long)t->f.year);
    if (t->list->total_valid)
        snprintf(title, sizeof title, T("培训班  共 %lld 个（! 为已满）%s%s", "Courses  %lld (! full)%s%s"),
                 (long long)t->list->total, filt[0] ? T("  筛选：", "  filter:") : "", filt);
    else
        snprintf(title, sizeof title, "%s", T("培训班", "Courses"));
    tui_put(w, 0, 0, title, wdt, UD_LEFT, tui_attr(TE_HEADER));
    const char *label = T("搜索（/ 班级代码或名称）：", "search (/ code or title): ");
    int lw = ud_str_width(label);
    tui_puts(w, 1, 0, label, t->list->searching ? tui_attr(TE_HEADER) : tui_attr(TE_DIM));
    tui_list_draw(app, t->list, w, 2, h - 2, wdt);
    tui_edit_draw(&t->list->search, w, 1, lw, wdt - lw - 1, t->list->searching,
                  t->list->searching ? tui_attr(TE_FIELD_ACTIVE) : tui_attr(TE_FIELD));
}

static int course_delete(struct tui_app *app, const struct ud_course *c)
{
    if (!tui_may(app, UD_ACT_COURSE_DELETE))
        return 0;
    char q[400];
    snprintf(q, sizeof q, T("删除培训班 %s（%s）？", "Delete course %s (%s)?"), c->code, c->title);
    if (!tui_confirm(app, q))
        return 0;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_course_delete(app->db, c->id, c->version, &err) != UD_OK) {
        tui_error(app, &err);
        return 0;
    }
    tui_message(app, T("已删除培训班 %s", "course %s deleted"), c->code);
    return 1;
}

static int course_list_key(struct tui_app *app, struct tui_view *v, int key)
{
    struct course_tab *t = v->data;
    if (tui_list_key(app, t->list, key))
        return 1;
    const struct ud_course *c = tui_list_selected(t->list);
    switch (key) {
    case TK_ENTER:
        if (c)
            open_enrolments(app, c->id);
        return 1;
    case 'i':
        if (c)
            open_course_detail(app, c->id);
        return 1;
    case 'n':
        if (tui_may(app, UD_ACT_COURSE_WRITE))
            open_course_form(app, 0, t);
        return 1;
    case 'e':
        if (c && tui_may(app, UD_ACT_COURSE_WRITE))
            open_course_form(app, c->id, NULL);
        return 1;
    case 'd':
        if (c) {
            struct ud_course copy = *c;
            if (course_delete(app, &copy))
                tui_list_reload(app, t->list);
        }
        return 1;
    case 'f':
        open_course_filter(app, t);
        return 1;
    }
    return 0;
}

static void course_list_free(struct tui_view *v)
{
    struct course_tab *t = v->data;
    tui_list_free(t->list);
    free(t);
}

static const struct tui_keyhelp course_list_keys[] = {
    {"/", "搜索", "search"}, {"Enter", "报名名单", "enrolments"}, {"i", "详情", "details"}, {"n", "新建", "new"},
    {"e", "修改", "edit"},   {"d", "删除", "delete"},           {"f", "筛选", "filter"},  {"o", "排序", "sort"},
    TUI_KEYS_END};

static void course_list_resume(struct tui_app *app, struct tui_view *v)
{
    struct course_tab *t = v->data;
    if (t->select_id) {
        tui_list_home(app, t->list);
        list_select(t->list, t->select_id);
        t->select_id = 0;
    } else {
        tui_list_reload(app, t->list);
    }
}

static const struct tui_view_ops course_list_ops = {course_list_draw, course_list_key, course_list_free, NULL, course_list_resume};

static struct tui_view *open_tab(struct tui_app *app)
{
    struct course_tab *t = calloc(1, sizeof *t);
    struct tui_view *v = calloc(1, sizeof *v);
    if (!t || !v || !(t->list = tui_list_new(&course_source, t, "starts_on", 1))) { /* newest first */
        free(t);
        free(v);
        return NULL;
    }
    t->f.year = UD_NULL_INT;
    v->ops = &course_list_ops;
    v->keys = course_list_keys;
    v->data = t;
    tui_list_home(app, t->list);
    return v;
}

const struct tui_tab_ops tui_tab_training = {"培训", "Training", open_tab};

/* ---- course filters ---- */

#define S struct course_filter
static const struct ud_field course_filter_fields[] = {
    UD_FIELD_ENUM(S, "category", "培训类别", "category", category, &ud_enum_course_category, 0),
    UD_FIELD_INT(S, "year", "开班年度", "year", year, 1900, 2999, 0),
    UD_FIELD_END,
};
#undef S

static int course_filter_save(struct tui_app *app, struct tui_form *form, void *ctx, struct ud_err *err)
{
    struct course_tab *t = ctx;
    struct course_filter f;
    ud_fields_clear(course_filter_fields, &f);
    if (tui_form_apply(app, form, course_filter_fields, &f, err) != UD_OK)
        return err->status;
    t->f = f;
    tui_list_home(app, t->list);
    return UD_OK;
}

static void open_course_filter(struct tui_app *app, struct course_tab *t)
{
    struct tui_form *form = tui_form_new(T("培训班筛选（留空表示不限；F2 应用）", "Course filter (empty = any; F2 applies)"));
    if (!form)
        return;
    tui_form_fill(app, form, course_filter_fields, &t->f);
    form->save = course_filter_save;
    form->ctx = t;
    tui_form_open(app, form);
}

/* ==== the course detail ==== */

struct course_detail {
    int64_t id;
    struct ud_course c;
    struct tui_detail d;
    int loaded;
};

static void course_detail_load(struct tui_app *app, struct course_detail *dt)
{
    struct ud_err err;
    ud_err_clear(&err);
    tui_detail_clear(&dt->d);
    dt->loaded = ud_course_get(app->db, dt->id, &dt->c, &err) == UD_OK;
    if (!dt->loaded) {
        tui_error(app, &err);
        return;
    }
    const struct ud_course *c = &dt->c;
    char v[600];
    for (const struct ud_field *f = ud_course_fields; f->name; f++) {
        ud_field_format(app->db, f, c, UD_FMT_DISPLAY, v, sizeof v);
        if (!strcmp(f->name, "organizer") && c->organizer_id != UD_NULL_INT)
            snprintf(v, sizeof v, "%s", c->organizer_name);
        else if (!strcmp(f->name, "capacity") && c->capacity == 0)
            snprintf(v, sizeof v, "%s", T("不限", "no limit"));
        else if ((!strcmp(f->name, "fee") || !strcmp(f->name, "member_discount")) && v[0])
            snprintf(v + strlen(v), sizeof v - strlen(v), "%s", T(" 元", " yuan"));
        tui_detail_add(&dt->d, ud_field_label(f), v, 0);
    }
    snprintf(v, sizeof v, T("%lld 人（Enter 查看名单）", "%lld (Enter lists them)"), (long long)c->enrolled);
    tui_detail_add(&dt->d, T("已报名", "enrolled"), v, course_full(c));
    tui_detail_section(&dt->d, T("记录", "record"));
    snprintf(v, sizeof v, "%lld", (long long)c->version);
    tui_detail_add(&dt->d, T("版本", "version"), v, 0);
    tui_detail_add(&dt->d, T("录入时间", "created"), c->created_at, 0);
    tui_detail_add(&dt->d, T("修改时间", "updated"), c->updated_at, 0);
}

static void course_detail_draw(struct tui_app *app, struct tui_view *v, WINDOW *w, int h, int wdt)
{
    struct course_detail *dt = v->data;
    char title[400];
    snprintf(title, sizeof title, T("培训班 %s  %s", "Course %s  %s"), dt->c.code, dt->c.title);
    tui_put(w, 0, 0, title, wdt, UD_LEFT, tui_attr(TE_HEADER));
    tui_detail_draw(app, &dt->d, w, 1, h - 1, wdt);
}

static int course_detail_key(struct tui_app *app, struct tui_view *v, int key)
{
    struct course_detail *dt = v->data;
    if (!dt->loaded)
        return 0;
    switch (key) {
    case TK_ENTER:
        open_enrolments(app, dt->id);
        return 1;
    case 'e':
        if (tui_may(app, UD_ACT_COURSE_WRITE))
            open_course_form(app, dt->id, NULL);
        return 1;
    case 'd': {
        struct ud_course copy = dt->c;
        if (course_delete(app, &copy))
            tui_pop(app);
        return 1;
    }
    }
    return tui_detail_key(&dt->d, key, 10);
}

static void course_detail_free(struct tui_view *v)
{
    struct course_detail *dt = v->data;
    tui_detail_free(&dt->d);
    free(dt);
}

static void course_detail_resume(struct tui_app *app, struct tui_view *v)
{
    course_detail_load(app, v->data);
}

static const struct tui_keyhelp course_detail_keys[] = {
    {"Enter", "报名名单", "enrolments"}, {"e", "修改", "edit"}, {"d", "删除", "delete"}, {"Esc", "返回", "back"},
    TUI_KEYS_END};

static const struct tui_view_ops course_detail_ops = {course_detail_draw, course_detail_key, course_detail_free, NULL, course_detail_resume};

static void open_course_detail(struct tui_app *app, int64_t id)
{
    struct course_detail *dt = calloc(1, sizeof *dt);
    struct tui_view *v = calloc(1, sizeof *v);
    if (!dt || !v) {
        free(dt);
        free(v);
        return;
    }
    dt->id = id;
    v->ops = &course_detail_ops;
    v->keys = course_detail_keys;
    v->data = dt;
    tui_push(app, v);
    course_detail_load(app, dt);
}

/* ==== the course form ==== */

struct course_form_ctx {
    int64_t id; /* 0: new */
    int64_t version;
    struct course_tab *origin; /* the list below the form, which shows a new course */
};

static int course_form_save(struct tui_app *app, struct tui_form *form, void *ctx, struct ud_err *err)
{
    struct course_form_ctx *c = ctx;
    struct ud_course k;
    if (c->id) {
        if (ud_course_get(app->db, c->id, &k, err) != UD_OK)
            return err->status;
        k.version = c->version;
    } else {
        ud_course_init(&k);
    }
    if (tui_form_apply(app, form, ud_course_fields, &k, err) != UD_OK)
        return err->status;
    int st = c->id ? ud_course_update(app->db, &k, err) : ud_course_create(app->db, &k, err);
    if (st == UD_OK && !c->id) {
        if (c->origin)
            c->origin->select_id = k.id;
        tui_message(app, T("已新建培训班 %s（Enter 打开报名名单）", "course %s created (Enter opens its enrolments)"), k.code);
    }
    return st;
}

static void course_form_fill(struct tui_app *app, struct tui_form *form, const struct ud_course *k)
{
    form->n = 0;
    tui_form_fill(app, form, ud_course_fields, k);
    struct tui_form_field *f = tui_form_find(form, "organizer");
    if (f)
        f->pick = tui_pick_org_any;
}

static int course_form_reload(struct tui_app *app, struct tui_form *form, void *ctx)
{
    struct course_form_ctx *c = ctx;
    struct ud_course k;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_course_get(app->db, c->id, &k, &err) != UD_OK) {
        tui_error(app, &err);
        return err.status;
    }
    c->version = k.version;
    int cur = form->cur;
    course_form_fill(app, form, &k);
    form->cur = cur < form->n ? cur : 0;
    return UD_OK;
}

static void open_course_form(struct tui_app *app, int64_t id, struct course_tab *origin)
{
    struct ud_course k;
    struct ud_err err;
    ud_err_clear(&err);
    if (id && ud_course_get(app->db, id, &k, &err) != UD_OK) {
        tui_error(app, &err);
        return;
    }
    if (!id) {
        ud_course_init(&k);
        /* empty rather than 0 for the user to fill (empty saves as 0: no
         * hours yet, no limit, no fee) */
        k.hours = k.capacity = k.fee_fen = k.member_discount_fen = UD_NULL_INT;
    }
    struct course_form_ctx *c = calloc(1, sizeof *c);
    char title[400];
    if (id)
        snprintf(title, sizeof title, T("修改培训班 %s（F2 保存）", "Edit course %s (F2 saves)"), k.code);
    else
        snprintf(title, sizeof title, "%s", T("新培训班（主办单位：Enter 选择；F2 保存）", "New course (organizer: Enter to pick; F2 saves)"));
    struct tui_form *form = tui_form_new(title);
    if (!c || !form) {
        free(c);
        free(form);
        return;
    }
    c->id = id;
    c->version = id ? k.version : 0;
    c->origin = origin;
    course_form_fill(app, form, &k);
    form->save = course_form_save;
    form->reload = id ? course_form_reload : NULL;
    form->ctx = c;
    form->free_ctx = free;
    tui_form_open(app, form);
}

/* ==== a course's enrolments ==== */

struct enrol_view {
    struct tui_list *list;
    int64_t course_id;
    struct ud_course c; /* for the title: reloaded with the list */
};

static int enrol_fetch(struct tui_app *app, void *ctx, const char *query, const struct ud_page *pg, void *rows,
                       struct ud_cursor *cursors, int *n, struct ud_err *err)
{
    const struct enrol_view *ev = ctx;
    struct ud_enrolment_filter ef = {ev->course_id, 0, query};
    return ud_enrolment_list(app->db, &ef, pg, rows, cursors, n, err);
}

static int enrol_count(struct tui_app *app, void *ctx, const char *query, int64_t *c, struct ud_err *err)
{
    struct enrol_view *ev = ctx;
    struct ud_err e2;
    ud_err_clear(&e2);
    if (ud_course_get(app->db, ev->course_id, &ev->c, &e2) != UD_OK)
        tui_error(app, &e2);
    struct ud_enrolment_filter ef = {ev->course_id, 0, query};
    return ud_enrolment_count(app->db, &ef, c, err);
}

static const char *yes_no(int b)
{
    return b ? T("是", "yes") : T("否", "no");
}

static void enrol_cell(struct tui_app *app, void *ctx, const void *row, int col, char *out, size_t outsz)
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

static int64_t enrol_row_id(const void *row)
{
    return ((const struct ud_enrolment *)row)->id;
}

static const struct tui_column enrol_columns[] = {
    {"姓名", "name", 8, 0, UD_LEFT, "name"},
    {"身份证号", "ID number", 18, 0, UD_LEFT, NULL},
    {"所属工会", "union", 12, 1, UD_LEFT, NULL},
    {"参训", "att.", 4, 0, UD_LEFT, NULL},
    {"结业", "done", 4, 0, UD_LEFT, NULL},
    {"成绩", "pts", 4, 0, UD_RIGHT, NULL},
    {"证书编号", "certificate", 12, 0, UD_LEFT, NULL},
};

static const struct tui_list_source enrol_source = {sizeof(struct ud_enrolment), enrol_columns, 7, enrol_fetch,
                                                    enrol_count, enrol_cell, NULL, enrol_row_id};

static void enrol_list_draw(struct tui_app *app, struct tui_view *v, WINDOW *w, int h, int wdt)
{
    struct enrol_view *ev = v->data;
    char title[600], places[64];
    places_text(&ev->c, places, sizeof places);
    snprintf(title, sizeof title, T("报名名单：%s %s", "Enrolments: %s %s"), ev->c.code, ev->c.title);
    tui_put(w, 0, 0, title, wdt, UD_LEFT, tui_attr(TE_HEADER));
    char line[300];
    snprintf(line, sizeof line, T("开班 %s  学时 %lld  名额/已报 %s%s", "starts %s  %lld hours  places/enrolled %s%s"),
             ev->c.starts_on, (long long)ev->c.hours, places, course_full(&ev->c) ? T("（已满）", " (full)") : "");
    tui_put(w, 1, 0, line, wdt, UD_LEFT, tui_attr(TE_DIM));
    const char *label = T("搜索（/ 姓名或身份证号）：", "search (/ name or ID number): ");
    int lw = ud_str_width(label);
    tui_puts(w, 2, 0, label, ev->list->searching ? tui_attr(TE_HEADER) : tui_attr(TE_DIM));
    tui_list_draw(app, ev->list, w, 3, h - 3, wdt);
    tui_edit_draw(&ev->list->search, w, 2, lw, wdt - lw - 1, ev->list->searching,
                  ev->list->searching ? tui_attr(TE_FIELD_ACTIVE) : tui_attr(TE_FIELD));
}

static void enrol_member_done(struct tui_app *app, const void *row, void *arg)
{
    struct enrol_view *ev = arg;
    const struct ud_member *m = row;
    struct ud_enrolment e;
    ud_enrolment_init(&e);
    e.course_id = ev->course_id;
    e.member_id = m->id;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_enrolment_create(app->db, &e, &err) != UD_OK) {
        tui_error(app, &err);
        tui_list_reload(app, ev->list);
        return;
    }
    tui_message(app, T("已报名：%s（%s）", "enrolled: %s (%s)"), e.member_name, e.course_code);
    tui_list_reload(app, ev->list);
    list_select(ev->list, e.id);
}

static int enrol_update(struct tui_app *app, struct ud_enrolment *e, const char *done_zh, const char *done_en)
{
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_enrolment_update(app->db, e, &err) != UD_OK) {
        tui_error(app, &err);
        return 0;
    }
    tui_message(app, "%s%s", e->member_name, T(done_zh, done_en));
    return 1;
}

static void open_enrol_form(struct tui_app *app, int64_t id);
static void open_complete_form(struct tui_app *app, const struct ud_enrolment *e);
static void open_enrol_detail(struct tui_app *app, int64_t id);

static int enrol_remove(struct tui_app *app, const struct ud_enrolment *e)
{
    if (!tui_may(app, UD_ACT_COURSE_WRITE))
        return 0;
    char q[400];
    snprintf(q, sizeof q, T("删除 %s 在 %s 的报名记录？", "Remove %s from %s?"), e->member_name, e->course_code);
    if (!tui_confirm(app, q))
        return 0;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_enrolment_delete(app->db, e->id, e->version, &err) != UD_OK) {
        tui_error(app, &err);
        return 0;
    }
    tui_message(app, T("已删除 %s 的报名", "%s removed"), e->member_name);
    return 1;
}

/* The moves shared by the list and the detail; 1 when the record changed. */
static int enrol_move(struct tui_app *app, const struct ud_enrolment *row, int key)
{
    struct ud_enrolment e = *row;
    switch (key) {
    case 't':
        if (!tui_may(app, UD_ACT_COURSE_WRITE))
            return 0;
        e.attended = !e.attended;
        return enrol_update(app, &e, e.attended ? "：已参训" : "：未参训", e.attended ? ": attended" : ": did not attend");
    case 'c':
        if (!tui_may(app, UD_ACT_COURSE_WRITE))
            return 0;
        if (!e.attended) {
            /* completion needs attendance: the module refuses (in its own
             * words) before writing anything */
            e.completed = 1;
            return enrol_update(app, &e, "", "");
        }
        open_complete_form(app, &e);
        return 0;
    case 'e':
        if (tui_may(app, UD_ACT_COURSE_WRITE))
            open_enrol_form(app, e.id);
        return 0;
    case 'd':
        return enrol_remove(app, &e);
    }
    return 0;
}

static int enrol_list_key(struct tui_app *app, struct tui_view *v, int key)
{
    struct enrol_view *ev = v->data;
    if (tui_list_key(app, ev->list, key))
        return 1;
    const struct ud_enrolment *e = tui_list_selected(ev->list);
    switch (key) {
    case TK_ENTER:
        if (e)
            open_enrol_detail(app, e->id);
        return 1;
    case 'n':
        if (tui_may(app, UD_ACT_COURSE_WRITE))
            tui_pick_open(app, T("报名：输入会员姓名、身份证号或电话搜索", "enrol: type a member's name, ID number or phone"),
                          &tui_member_pick_source, NULL, enrol_member_done, ev, NULL);
        return 1;
    case 'i':
        open_course_detail(app, ev->course_id);
        return 1;
    case 't':
    case 'c':
    case 'e':
    case 'd':
        if (e && enrol_move(app, e, key))
            tui_list_reload(app, ev->list);
        return 1;
    }
    return 0;
}

static void enrol_list_free(struct tui_view *v)
{
    struct enrol_view *ev = v->data;
    tui_list_free(ev->list);
    free(ev);
}

static const struct tui_keyhelp enrol_list_keys[] = {
    {"n", "报名", "enrol"},    {"t", "参训", "attended"}, {"c", "结业", "completed"}, {"e", "修改", "edit"},
    {"d", "删除", "remove"},   {"Enter", "详情", "open"}, {"i", "培训班", "course"},  {"o", "排序", "sort"},
    {"Esc", "返回", "back"},   TUI_KEYS_END};

static void enrol_list_resume(struct tui_app *app, struct tui_view *v)
{
    struct enrol_view *ev = v->data;
    tui_list_reload(app, ev->list);
}

static const struct tui_view_ops enrol_list_ops = {enrol_list_draw, enrol_list_key, enrol_list_free, NULL, enrol_list_resume};

static void open_enrolments(struct tui_app *app, int64_t course_id)
{
    struct enrol_view *ev = calloc(1, sizeof *ev);
    struct tui_view *v = calloc(1, sizeof *v);
    if (!ev || !v || !(ev->list = tui_list_new(&enrol_source, ev, "name", 0))) {
        free(ev);
        free(v);
        return;
    }
    ev->course_id = course_id;
    v->ops = &enrol_list_ops;
    v->keys = enrol_list_keys;
    v->data = ev;
    tui_push(app, v);
    tui_list_home(app, ev->list);
}

/* ---- one enrolment ---- */

struct enrol_detail {
    int64_t id;
    struct ud_enrolment e;
    struct tui_detail d;
    int loaded;
};

static void enrol_detail_load(struct tui_app *app, struct enrol_detail *dt)
{
    struct ud_err err;
    ud_err_clear(&err);
    tui_detail_clear(&dt->d);
    dt->loaded = ud_enrolment_get(app->db, dt->id, &dt->e, &err) == UD_OK;
    if (!dt->loaded) {
        tui_error(app, &err);
        return;
    }
    const struct ud_enrolment *e = &dt->e;
    char v[600];
    tui_detail_add(&dt->d, T("姓名", "name"), e->member_name, 0);
    tui_detail_add(&dt->d, T("所属工会", "union"), e->org_name, 0);
    for (const struct ud_field *f = ud_enrolment_fields; f->name; f++) {
        ud_field_format(app->db, f, e, UD_FMT_DISPLAY, v, sizeof v);
        tui_detail_add(&dt->d, ud_field_label(f), v, 0);
    }
    tui_detail_section(&dt->d, T("记录", "record"));
    snprintf(v, sizeof v, "%lld", (long long)e->version);
    tui_detail_add(&dt->d, T("版本", "version"), v, 0);
    tui_detail_add(&dt->d, T("录入时间", "created"), e->created_at, 0);
    tui_detail_add(&dt->d, T("修改时间", "updated"), e->updated_at, 0);
}

static void enrol_detail_draw(struct tui_app *app, struct tui_view *v, WINDOW *w, int h, int wdt)
{
    struct enrol_detail *dt = v->data;
    char title[400];
    snprintf(title, sizeof title, T("报名：%s  %s", "Enrolment: %s  %s"), dt->e.member_name, dt->e.course_code);
    tui_put(w, 0, 0, title, wdt, UD_LEFT, tui_attr(TE_HEADER));
    tui_detail_draw(app, &dt->d, w, 1, h - 1, wdt);
}

static int enrol_detail_key(struct tui_app *app, struct tui_view *v, int key)
{
    struct enrol_detail *dt = v->data;
    if (!dt->loaded)
        return 0;
    switch (key) {
    case 't':
    case 'c':
    case 'e':
        if (enrol_move(app, &dt->e, key))
            enrol_detail_load(app, dt);
        return 1;
    case 'd':
        if (enrol_move(app, &dt->e, key))
            tui_pop(app);
        return 1;
    }
    return tui_detail_key(&dt->d, key, 10);
}

static void enrol_detail_free(struct tui_view *v)
{
    struct enrol_detail *dt = v->data;
    tui_detail_free(&dt->d);
    free(dt);
}

static void enrol_detail_resume(struct tui_app *app, struct tui_view *v)
{
    enrol_detail_load(app, v->data);
}

static const struct tui_keyhelp enrol_detail_keys[] = {
    {"t", "参训", "attended"}, {"c", "结业", "completed"}, {"e", "修改", "edit"}, {"d", "删除", "remove"},
    {"Esc", "返回", "back"},   TUI_KEYS_END};

static const struct tui_view_ops enrol_detail_ops = {enrol_detail_draw, enrol_detail_key, enrol_detail_free, NULL, enrol_detail_resume};

static void open_enrol_detail(struct tui_app *app, int64_t id)
{
    struct enrol_detail *dt = calloc(1, sizeof *dt);
    struct tui_view *v = calloc(1, sizeof *v);
    if (!dt || !v) {
        free(dt);
        free(v);
        return;
    }
    dt->id = id;
    v->ops = &enrol_detail_ops;
    v->keys = enrol_detail_keys;
    v->data = dt;
    tui_push(app, v);
    enrol_detail_load(app, dt);
}

/* ---- the enrolment form, and completion (score and certificate) ---- */

struct enrol_form_ctx {
    int64_t id;
    int64_t version;
    int completing; /* the completion form: completed is set on save */
};

static int enrol_form_save(struct tui_app *app, struct tui_form *form, void *ctx, struct ud_err *err)
{
    struct enrol_form_ctx *c = ctx;
    struct ud_enrolment e;
    if (ud_enrolment_get(app->db, c->id, &e, err) != UD_OK)
        return err->status;
    e.version = c->version;
    if (c->completing)
        e.completed = 1;
    if (tui_form_apply(app, form, ud_enrolment_fields, &e, err) != UD_OK)
        return err->status;
    int st = ud_enrolment_update(app->db, &e, err);
    if (st == UD_OK && c->completing)
        tui_message(app, T("%s 已结业%s%s", "%s completed%s%s"), e.member_name, e.certificate_no[0] ? T("，证书 ", ", certificate ") : "",
                    e.certificate_no);
    return st;
}

static void enrol_form_fill(struct tui_app *app, struct tui_form *form, const struct ud_enrolment *e, int completing)
{
    form->n = 0;
    if (completing) {
        char text[200];
        const struct ud_field *f = ud_field_find(ud_enrolment_fields, "score");
        ud_field_format(app->db, f, e, UD_FMT_EDIT, text, sizeof text);
        tui_form_add(form, f, text);
        f = ud_field_find(ud_enrolment_fields, "certificate_no");
        ud_field_format(app->db, f, e, UD_FMT_EDIT, text, sizeof text);
        tui_form_add(form, f, text);
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

static int enrol_form_reload(struct tui_app *app, struct tui_form *form, void *ctx)
{
    struct enrol_form_ctx *c = ctx;
    struct ud_enrolment e;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_enrolment_get(app->db, c->id, &e, &err) != UD_OK) {
        tui_error(app, &err);
        return err.status;
    }
    c->version = e.version;
    int cur = form->cur;
    enrol_form_fill(app, form, &e, c->completing);
    form->cur = cur < form->n ? cur : 0;
    return UD_OK;
}

static void open_form_for(struct tui_app *app, const struct ud_enrolment *e, int completing)
{
    struct enrol_form_ctx *c = calloc(1, sizeof *c);
    char title[400];
    if (completing)
        snprintf(title, sizeof title, T("结业：%s（%s；成绩、证书编号，F2 保存）", "Completed: %s (%s; score, certificate, F2 saves)"),
                 e->member_name, e->course_code);
    else
        snprintf(title, sizeof title, T("修改报名：%s（%s；F2 保存）", "Edit enrolment: %s (%s; F2 saves)"), e->member_name,
                 e->course_code);
    struct tui_form *form = tui_form_new(title);
    if (!c || !form) {
        free(c);
        free(form);
        return;
    }
    c->id = e->id;
    c->version = e->version;
    c->completing = completing;
    enrol_form_fill(app, form, e, completing);
    form->save = enrol_form_save;
    form->reload = enrol_form_reload;
    form->ctx = c;
    form->free_ctx = free;
    tui_form_open(app, form);
}

static void open_enrol_form(struct tui_app *app, int64_t id)
{
    struct ud_enrolment e;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_enrolment_get(app->db, id, &e, &err) != UD_OK) {
        tui_error(app, &err);
        return;
    }
    open_form_for(app, &e, 0);
}

static void open_complete_form(struct tui_app *app, const struct ud_enrolment *e)
{
    open_form_for(app, e, 1);
}
