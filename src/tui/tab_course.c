/* 培训: the courses list (search by code or title, filter by category and
 * year), the course detail and form — a descriptor over screen.c; Enter
 * opens a course's enrolments (tab_enrol.c). */
#include <stdio.h>
#include <string.h>

#include "training_screens.h"
#include "uniondesk/i18n.h"
#include "uniondesk/parse.h"

void course_places(const struct ud_course *c, char *out, size_t outsz)
{
    if (c->capacity > 0)
        snprintf(out, outsz, "%lld/%lld", (long long)c->capacity, (long long)c->enrolled);
    else
        snprintf(out, outsz, T("不限/%lld", "any/%lld"), (long long)c->enrolled);
}

int course_full(const void *row)
{
    const struct ud_course *c = row;
    return c->capacity > 0 && c->enrolled >= c->capacity;
}

struct filter {
    char category[24];
    int64_t year;
};

#define S struct filter
static const struct ud_field filter_fields[] = {
    UD_FIELD_ENUM(S, "category", "培训类别", "category", category, &ud_enum_course_category, 0),
    UD_FIELD_INT(S, "year", "开班年度", "year", year, 1900, 2999, 0),
    UD_FIELD_END,
};
#undef S

static void to_module_filter(const struct tui_scr *s, const char *query, struct ud_course_filter *cf)
{
    const struct filter *f = s->filter;
    memset(cf, 0, sizeof *cf);
    cf->query = query;
    cf->category = f->category[0] ? f->category : NULL;
    cf->year = f->year != UD_NULL_INT ? (int)f->year : 0;
}

TUI_SCREEN_FETCH(struct ud_course_filter, to_module_filter, ud_course_list)

TUI_SCREEN_LOCATE(struct ud_course_filter, to_module_filter, ud_course_locate)

TUI_SCREEN_COUNT(struct ud_course_filter, to_module_filter, ud_course_count)

static void cell(struct tui_app *app, void *ctx, const void *row, int col, char *out, size_t outsz)
{
    (void)app;
    (void)ctx;
    const struct ud_course *c = row;
    switch (col) {
    case 0: snprintf(out, outsz, "%s", c->code); break;
    case 1: snprintf(out, outsz, "%s", c->title); break;
    case 2: snprintf(out, outsz, "%s", ud_enum_label(&ud_enum_course_category, c->category)); break;
    case 3: snprintf(out, outsz, "%s", c->starts_on); break;
    case 4: snprintf(out, outsz, "%lld", (long long)c->hours); break;
    case 5: course_places(c, out, outsz); break;
    case 6: ud_format_money(c->fee_fen, out, outsz); break;
    }
}

static int64_t row_id(const void *row)
{
    return ((const struct ud_course *)row)->id;
}

static const struct tui_column columns[] = {
    {"班级代码", "code", 12, 0, UD_LEFT, "code"},
    {"培训班名称", "title", 14, 1, UD_LEFT, "title"},
    {"类别", "category", 8, 0, UD_LEFT, NULL},
    {"开班日期", "starts", 10, 0, UD_LEFT, "starts_on"},
    {"学时", "hrs", 4, 0, UD_RIGHT, NULL},
    {"名额/已报", "places", 9, 0, UD_RIGHT, NULL},
    {"学费", "fee", 9, 0, UD_RIGHT, NULL},
};

TUI_SCREEN_RECORD(course, struct ud_course, ud_course_get, ud_course_create, ud_course_update)

static void init(struct tui_app *app, struct tui_scr *s, void *rec)
{
    (void)app;
    (void)s;
    struct ud_course *k = rec;
    ud_course_init(k);
    /* empty rather than 0 for the user to fill (empty saves as 0: no
     * hours yet, no limit, no fee) */
    k->hours = k->capacity = k->fee_fen = k->member_discount_fen = UD_NULL_INT;
}

static void name(const void *rec, int longer, char *out, size_t outsz)
{
    const struct ud_course *c = rec;
    snprintf(out, outsz, "%s%s%s", c->code, longer ? "  " : "", longer ? c->title : "");
}

static void delete_question(struct tui_app *app, const void *rec, char *out, size_t outsz)
{
    (void)app;
    const struct ud_course *c = rec;
    snprintf(out, outsz, T("删除培训班 %s（%s）？", "Delete course %s (%s)?"), c->code, c->title);
}

static void detail(struct tui_app *app, struct tui_scr *s, struct tui_detail *d, const void *rec)
{
    (void)s;
    const struct ud_course *c = rec;
    char v[600];
    for (const struct ud_field *f = ud_course_fields; f->name; f++) {
        ud_field_format(app->db, f, c, UD_FMT_DISPLAY, v, sizeof v);
        if (!strcmp(f->name, "organizer") && c->organizer_id != UD_NULL_INT)
            snprintf(v, sizeof v, "%s", c->organizer_name);
        else if (!strcmp(f->name, "capacity") && c->capacity == 0)
            snprintf(v, sizeof v, "%s", T("不限", "no limit"));
        else if ((!strcmp(f->name, "fee") || !strcmp(f->name, "member_discount")) && v[0])
            snprintf(v + strlen(v), sizeof v - strlen(v), "%s", T(" 元", " yuan"));
        tui_detail_add(d, ud_field_label(f), v, 0);
    }
    snprintf(v, sizeof v, T("%lld 人（Enter 查看名单）", "%lld (Enter lists them)"), (long long)c->enrolled);
    tui_detail_add(d, T("已报名", "enrolled"), v, course_full(c));
}

static enum tui_done open_enrolments(struct tui_app *app, struct tui_scr *s, const void *rec)
{
    (void)s;
    tui_screen_push(app, &tui_enrol_screen, ((const struct ud_course *)rec)->id);
    return TUI_STAY;
}

static const struct tui_screen_pick form_picks[] = {{"organizer", tui_pick_org_any}, {NULL, NULL}};

static const struct tui_screen_key keys[] = {
    {TK_ENTER, "Enter", "报名名单", "enrolments", UD_ACT_VIEW, TUI_IN_BOTH, 1, open_enrolments},
    {'i', "i", "详情", "details", UD_ACT_VIEW, TUI_IN_LIST, 1, tui_scr_open},
    TUI_KEY_NEW(UD_ACT_COURSE_WRITE),
    TUI_KEY_EDIT(UD_ACT_COURSE_WRITE),
    TUI_KEY_DELETE(UD_ACT_COURSE_DELETE),
    TUI_KEY_FILTER,
    TUI_SCREEN_KEYS_END,
};

const struct tui_screen tui_course_screen = {
    .title = {"培训班", "Courses"},
    .count = {"培训班  共 %s 个（! 为已满）", "Courses  %s (! full)"},
    .search = {"搜索（/ 班级代码或名称）：", "search (/ code or title): "},
    .src = {sizeof(struct ud_course), columns, 7, fetch, count, cell, course_full, row_id, locate},
    .sort = "starts_on",
    .desc = 1, /* newest first */
    .version_off = offsetof(struct ud_course, version),
    .created_off = offsetof(struct ud_course, created_at),
    .updated_off = offsetof(struct ud_course, updated_at),
    .filter_fields = filter_fields,
    .filter_size = sizeof(struct filter),
    .filter_title = {"培训班筛选（留空表示不限；F2 应用）", "Course filter (empty = any; F2 applies)"},
    .fields = ud_course_fields,
    .get = course_get,
    .init = init,
    .create = course_create,
    .update = course_update,
    .remove = ud_course_delete,
    .name = name,
    .detail_title = {"培训班 %s", "Course %s"},
    .new_title = {"新培训班（主办单位：Enter 选择；F2 保存）", "New course (organizer: Enter to pick; F2 saves)"},
    .edit_title = {"修改培训班 %s（F2 保存）", "Edit course %s (F2 saves)"},
    .added = {"已新建培训班 %s", "course %s created"},
    .next = {"（Enter 打开报名名单）", " (Enter opens its enrolments)"},
    .deleted = {"已删除培训班 %s", "course %s deleted"},
    .delete_question = delete_question,
    .detail = detail,
    .form_picks = form_picks,
    .keys = keys,
};

static struct tui_view *open_tab(struct tui_app *app)
{
    return tui_screen_new(app, &tui_course_screen, 0);
}

const struct tui_tab_ops tui_tab_training = {"培训", "Training", open_tab};
