/* 会员: the member list (live search by name, ID number or phone), the
 * detail, and the form — a descriptor over screen.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "list_export.h"
#include "screen.h"
#include "uniondesk/export.h"
#include "uniondesk/i18n.h"
#include "uniondesk/member.h"
#include "uniondesk/org.h"
#include "uniondesk/privacy.h"

struct filter {
    int64_t org;
    char status[20];
    int migrant;
};

#define S struct filter
static const struct ud_field filter_fields[] = {
    UD_FIELD_REF(S, "org", "组织（含下级）", "organization (and below)", org, &ud_ref_org, 0),
    UD_FIELD_ENUM(S, "status", "会籍状态", "status", status, &ud_enum_member_status, 0),
    UD_FIELD_OF(S, UD_F_BOOL, "migrant", "仅外来务工", "migrants only", migrant, 0),
    UD_FIELD_END,
};
#undef S

static void filter_to_module(const struct filter *f, const char *query, struct ud_member_filter *mf)
{
    memset(mf, 0, sizeof *mf);
    mf->query = query;
    mf->org_subtree = f->org != UD_NULL_INT ? f->org : 0;
    mf->status = f->status[0] ? f->status : NULL;
    mf->migrant_only = f->migrant;
}

static void to_module_filter(const struct tui_scr *s, const char *query, struct ud_member_filter *mf)
{
    filter_to_module(s->filter, query, mf);
}

TUI_SCREEN_FETCH(struct ud_member_filter, to_module_filter, ud_member_list)

TUI_SCREEN_LOCATE(struct ud_member_filter, to_module_filter, ud_member_locate)

TUI_SCREEN_COUNT(struct ud_member_filter, to_module_filter, ud_member_count)

static void cell(struct tui_app *app, void *ctx, const void *row, int col, char *out, size_t outsz)
{
    (void)ctx;
    const struct ud_member *m = row;
    switch (col) {
    case 0: snprintf(out, outsz, "%s", m->name); break;
    case 1: snprintf(out, outsz, "%s", ud_enum_label(&ud_enum_gender, m->gender)); break;
    case 2: ud_show_id_number(m->id_number, out, outsz); break;
    case 3: ud_show_phone(app->db, m->phone, out, outsz); break;
    case 4: snprintf(out, outsz, "%s", ud_enum_label(&ud_enum_member_status, m->status)); break;
    case 5: snprintf(out, outsz, "%s", m->org_name); break;
    }
}

static int64_t row_id(const void *row)
{
    return ((const struct ud_member *)row)->id;
}

static const struct tui_column columns[] = {
    {"姓名", "name", 8, 0, UD_LEFT, "name"},
    {"性别", "sex", 4, 0, UD_LEFT, NULL},
    {"身份证号", "ID number", 18, 0, UD_LEFT, "id_number"},
    {"电话", "phone", 13, 0, UD_LEFT, NULL},
    {"状态", "status", 4, 0, UD_LEFT, NULL},
    {"所属工会", "union", 16, 1, UD_LEFT, NULL},
};

TUI_SCREEN_RECORD(member, struct ud_member, ud_member_get, ud_member_create, ud_member_update)

static void init(struct tui_app *app, struct tui_scr *s, void *rec)
{
    (void)app;
    (void)s;
    ud_member_init(rec);
}

static void name(const void *rec, int longer, char *out, size_t outsz)
{
    (void)longer;
    snprintf(out, outsz, "%s", ((const struct ud_member *)rec)->name);
}

static void delete_question(struct tui_app *app, const void *rec, char *out, size_t outsz)
{
    (void)app;
    const struct ud_member *m = rec;
    char idm[UD_IDNUM_SZ];
    ud_show_id_number(m->id_number, idm, sizeof idm);
    snprintf(out, outsz, T("删除会员 %s（%s）？", "Delete member %s (%s)?"), m->name, idm);
}

static const struct tui_screen_pick filter_picks[] = {{"org", tui_pick_org_any}, {NULL, NULL}};
static const struct tui_screen_pick form_picks[] = {{"org", tui_pick_org_member}, {NULL, NULL}};

/* x: the list as it is shown (filter, search, sort) to xlsx or CSV; the
 * form keeps copies of the filter, the search and the sort */
static int write_list(struct tui_app *app, const void *filter, const char *query, const struct ud_list_export *o,
                      struct ud_list_export_result *res, struct ud_err *err)
{
    struct ud_member_filter mf;
    filter_to_module(filter, query, &mf);
    return ud_export_members(app->db, &mf, o, res, err);
}

static const struct tui_list_export_spec list_export = {
    .title_zh = "导出会员名册（当前筛选与搜索；.xlsx 或 .csv；F2 写入）",
    .title_en = "Export the member list (current filter and search; .xlsx or .csv; F2 writes)",
    .unit_zh = "名会员",
    .unit_en = "members",
    .write = write_list,
};

static enum tui_done export_list(struct tui_app *app, struct tui_scr *s, const void *rec)
{
    (void)rec;
    const struct filter *f = s->filter;
    char name[300], today[UD_DATE_SZ];
    ud_today(today);
    snprintf(name, sizeof name, T("会员-%s.xlsx", "members-%s.xlsx"), today);
    tui_list_export(app, s, &list_export, f->org, name);
    return TUI_STAY;
}

static const struct tui_screen_key keys[] = {
    TUI_KEY_OPEN,
    TUI_KEY_NEW(UD_ACT_MEMBER_WRITE),
    TUI_KEY_EDIT(UD_ACT_MEMBER_WRITE),
    TUI_KEY_DELETE(UD_ACT_MEMBER_DELETE),
    TUI_KEY_FILTER,
    {'x', "x", "导出", "export", UD_ACT_VIEW, TUI_IN_LIST, 0, export_list},
    TUI_SCREEN_KEYS_END,
};

static const struct tui_screen screen = {
    .title = {"会员", "Members"},
    .count = {"会员  共 %s 人", "Members  %s"},
    .search = {"搜索（/ 姓名、身份证号或电话）：", "search (/ name, ID number or phone): "},
    .src = {sizeof(struct ud_member), columns, 6, fetch, count, cell, NULL, row_id, locate},
    .sort = "name",
    .version_off = offsetof(struct ud_member, version),
    .created_off = offsetof(struct ud_member, created_at),
    .updated_off = offsetof(struct ud_member, updated_at),
    .filter_fields = filter_fields,
    .filter_size = sizeof(struct filter),
    .filter_title = {"会员筛选（留空表示不限；F2 应用）", "Member filter (empty = any; F2 applies)"},
    .filter_picks = filter_picks,
    .fields = ud_member_fields,
    .get = member_get,
    .init = init,
    .create = member_create,
    .update = member_update,
    .remove = ud_member_delete,
    .name = name,
    .detail_title = {"会员：%s", "Member: %s"},
    .new_title = {"新会员", "New member"},
    .edit_title = {"修改会员：%s", "Edit member: %s"},
    .added = {"已添加会员 %s", "member %s added"},
    .deleted = {"已删除会员 %s", "member %s deleted"},
    .delete_question = delete_question,
    .audit_table = "members",
    .form_picks = form_picks,
    .keys = keys,
};

static struct tui_view *open_tab(struct tui_app *app)
{
    return tui_screen_new(app, &screen, 0);
}

const struct tui_tab_ops tui_tab_members = {"会员", "Members", open_tab};
