/* 帮扶: the recipients (困难职工档案) — a descriptor over screen.c; by
 * hand the detail's section of the person's grants and the form's member
 * pick list. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tab_aid.h"
#include "uniondesk/i18n.h"
#include "uniondesk/member.h"
#include "uniondesk/org.h"
#include "uniondesk/privacy.h"

struct filter {
    char status[16];
    char hardship_level[16];
    int64_t org;
};

#define S struct filter
static const struct ud_field filter_fields[] = {
    UD_FIELD_ENUM(S, "status", "档案状态", "status", status, &ud_enum_recipient_status, 0),
    UD_FIELD_ENUM(S, "hardship_level", "困难程度", "hardship level", hardship_level, &ud_enum_hardship_level, 0),
    UD_FIELD_REF(S, "org", "所属工会（含下级）", "union (and below)", org, &ud_ref_org, 0),
    UD_FIELD_END,
};
#undef S

static void to_module_filter(const struct tui_scr *s, const char *query, struct ud_aid_recipient_filter *rf)
{
    const struct filter *f = s->filter;
    memset(rf, 0, sizeof *rf);
    rf->query = query;
    rf->status = f->status[0] ? f->status : NULL;
    rf->hardship_level = f->hardship_level[0] ? f->hardship_level : NULL;
    rf->org_subtree = f->org != UD_NULL_INT ? f->org : 0;
}

TUI_SCREEN_FETCH(struct ud_aid_recipient_filter, to_module_filter, ud_aid_recipient_list)

TUI_SCREEN_LOCATE(struct ud_aid_recipient_filter, to_module_filter, ud_aid_recipient_locate)

TUI_SCREEN_COUNT(struct ud_aid_recipient_filter, to_module_filter, ud_aid_recipient_count)

static void cell(struct tui_app *app, void *ctx, const void *row, int col, char *out, size_t outsz)
{
    (void)app;
    (void)ctx;
    const struct ud_aid_recipient *r = row;
    switch (col) {
    case 0: snprintf(out, outsz, "%s", r->member_name); break;
    case 1: ud_mask_id_number(r->id_number, out, outsz); break;
    case 2: snprintf(out, outsz, "%s", ud_enum_label(&ud_enum_hardship_level, r->hardship_level)); break;
    case 3: snprintf(out, outsz, "%s", ud_enum_label(&ud_enum_hardship_category, r->hardship_category)); break;
    case 4: snprintf(out, outsz, "%s", r->registered_on); break;
    case 5: snprintf(out, outsz, "%s", ud_enum_label(&ud_enum_recipient_status, r->status)); break;
    case 6: snprintf(out, outsz, "%s", r->org_name); break;
    }
}

static int64_t row_id(const void *row)
{
    return ((const struct ud_aid_recipient *)row)->id;
}

static const struct tui_column columns[] = {
    {"姓名", "name", 8, 0, UD_LEFT, "name"},
    {"身份证号", "ID number", 18, 0, UD_LEFT, NULL},
    {"困难程度", "level", 8, 0, UD_LEFT, NULL},
    {"困难类别", "category", 8, 0, UD_LEFT, NULL},
    {"建档日期", "registered", 10, 0, UD_LEFT, "registered_on"},
    {"状态", "status", 6, 0, UD_LEFT, NULL},
    {"所属工会", "union", 10, 1, UD_LEFT, NULL},
};

TUI_SCREEN_RECORD(recipient, struct ud_aid_recipient, ud_aid_recipient_get, ud_aid_recipient_create,
                  ud_aid_recipient_update)

static void init(struct tui_app *app, struct tui_scr *s, void *rec)
{
    (void)app;
    (void)s;
    ud_aid_recipient_init(rec);
}

static void name(const void *rec, int longer, char *out, size_t outsz)
{
    (void)longer;
    snprintf(out, outsz, "%s", ((const struct ud_aid_recipient *)rec)->member_name);
}

static void delete_question(struct tui_app *app, const void *rec, char *out, size_t outsz)
{
    (void)app;
    snprintf(out, outsz, T("删除 %s 的困难职工档案？", "Delete the recipient record of %s?"),
             ((const struct ud_aid_recipient *)rec)->member_name);
}

/* ---- the detail, with the person's grants ---- */

#define GRANTS_SHOWN 12

static void detail_grants(struct tui_app *app, struct tui_detail *d, const struct ud_aid_recipient *r)
{
    struct ud_aid_grant_filter gf;
    memset(&gf, 0, sizeof gf);
    gf.query = r->id_number;
    int64_t n = 0, sum = 0;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_aid_grant_sum(app->db, &gf, &n, &sum, &err) != UD_OK) {
        tui_error(app, &err);
        return;
    }
    char line[300], amount[32];
    ud_format_money(sum, amount, sizeof amount);
    tui_detail_section(d, T("帮扶发放（g 查看全部）", "grants (g lists them)"));
    snprintf(line, sizeof line, T("%lld 笔，%s 元", "%lld, %s yuan"), (long long)n, amount);
    tui_detail_add(d, T("合计", "total"), line, 0);
    struct ud_aid_grant *rows = calloc(GRANTS_SHOWN, sizeof *rows);
    struct ud_cursor cur[GRANTS_SHOWN];
    struct ud_page pg;
    memset(&pg, 0, sizeof pg);
    pg.limit = GRANTS_SHOWN;
    pg.sort = "granted_on";
    pg.desc = 1;
    int got = 0;
    if (rows && ud_aid_grant_list(app->db, &gf, &pg, rows, cur, &got, &err) == UD_OK)
        for (int i = 0; i < got; i++) {
            ud_format_money(rows[i].amount_fen, amount, sizeof amount);
            snprintf(line, sizeof line, T("%s  %s 元  %s", "%s  %s yuan  %s"), aid_program_label(rows[i].program), amount,
                     aid_grant_status_label(rows[i].status));
            tui_detail_add(d, rows[i].granted_on, line, 0);
        }
    free(rows);
}

static void detail(struct tui_app *app, struct tui_scr *s, struct tui_detail *d, const void *rec)
{
    (void)s;
    const struct ud_aid_recipient *r = rec;
    char v[600];
    tui_detail_add(d, T("姓名", "name"), r->member_name, 0);
    tui_detail_add(d, T("性别", "sex"), ud_enum_label(&ud_enum_gender, r->gender), 0);
    tui_detail_id(d, r->id_number, v, sizeof v);
    tui_detail_add(d, T("身份证号", "ID number"), v, 0);
    tui_detail_add(d, T("所属工会", "union"), r->org_name, 0);
    for (const struct ud_field *f = ud_aid_recipient_fields; f->name; f++) {
        if (!strcmp(f->name, "id_number"))
            continue;
        ud_field_format(app->db, f, r, UD_FMT_DISPLAY, v, sizeof v);
        tui_detail_add(d, ud_field_label(f), v, 0);
    }
    detail_grants(app, d, r);
}

/* ---- the form: a new record picks its member; a record stays with it ---- */

static void form_fill(struct tui_app *app, struct tui_scr *s, struct tui_form *form, const void *rec, int mode)
{
    (void)s;
    const struct ud_aid_recipient *r = rec;
    tui_form_fill(app, form, ud_aid_recipient_fields, r);
    struct tui_form_field *f = tui_form_find(form, "id_number");
    if (!f)
        return;
    if (mode == TUI_FORM_EDIT) {
        f->readonly = 1;
        snprintf(f->shown, sizeof f->shown, "%s", r->member_name);
    } else {
        f->pick = tui_pick_member;
    }
}

/* ---- the keys of its own ---- */

static enum tui_done grants(struct tui_app *app, struct tui_scr *s, const void *rec)
{
    (void)s;
    tui_screen_push(app, &aid_grant_screen, ((const struct ud_aid_recipient *)rec)->id);
    return TUI_STAY;
}

static enum tui_done new_grant(struct tui_app *app, struct tui_scr *s, const void *rec)
{
    (void)s;
    aid_open_grant_form(app, 0, ((const struct ud_aid_recipient *)rec)->member_id, NULL);
    return TUI_STAY;
}

static const struct tui_screen_pick filter_picks[] = {{"org", tui_pick_org_any}, {NULL, NULL}};

static const struct tui_screen_key keys[] = {
    TUI_KEY_OPEN,
    {'n', "n", "建档", "new", UD_ACT_AID_WRITE, TUI_IN_LIST, 0, tui_scr_new},
    {'g', "g", "发放记录", "grants", UD_ACT_VIEW, TUI_IN_DETAIL, 1, grants},
    {'n', "n", "新发放", "new grant", UD_ACT_AID_WRITE, TUI_IN_DETAIL, 1, new_grant},
    TUI_KEY_EDIT(UD_ACT_AID_WRITE),
    TUI_KEY_DELETE(UD_ACT_AID_DELETE),
    TUI_KEY_FILTER,
    TUI_SCREEN_KEYS_END,
};

const struct tui_screen aid_recipient_screen = {
    .title = {"困难职工档案", "Aid recipients"},
    .count = {"困难职工档案  共 %s 人", "Aid recipients  %s"},
    .search = {"搜索（/ 姓名或身份证号）：", "search (/ name or ID number): "},
    .src = {sizeof(struct ud_aid_recipient), columns, 7, fetch, count, cell, NULL, row_id, locate},
    .sort = "name",
    .version_off = offsetof(struct ud_aid_recipient, version),
    .created_off = offsetof(struct ud_aid_recipient, created_at),
    .updated_off = offsetof(struct ud_aid_recipient, updated_at),
    .filter_fields = filter_fields,
    .filter_size = sizeof(struct filter),
    .filter_title = {"困难职工档案筛选（留空表示不限；F2 应用）", "Recipient filter (empty = any; F2 applies)"},
    .filter_picks = filter_picks,
    .fields = ud_aid_recipient_fields,
    .get = recipient_get,
    .init = init,
    .create = recipient_create,
    .update = recipient_update,
    .remove = ud_aid_recipient_delete,
    .name = name,
    .detail_title = {"困难职工档案：%s", "Aid recipient: %s"},
    .new_title = {"新建困难职工档案（身份证号：Enter 搜索会员；F2 保存）",
                  "New recipient record (ID number: Enter to find the member; F2 saves)"},
    .edit_title = {"修改困难职工档案：%s（F2 保存）", "Edit recipient record: %s (F2 saves)"},
    .added = {"已为 %s 建立困难职工档案", "recipient record created for %s"},
    .deleted = {"已删除 %s 的困难职工档案", "recipient record of %s deleted"},
    .delete_question = delete_question,
    .audit_table = "aid_recipients",
    .detail = detail,
    .form_fill = form_fill,
    .keys = keys,
};
