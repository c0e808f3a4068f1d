/* 帮扶: the grant form. It asks the no-double-aid question before saving
 * and creates the recipient record of a member who has none. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_form.h"
#include "tab_aid.h"
#include "uniondesk/aid.h"
#include "uniondesk/export.h"
#include "uniondesk/i18n.h"
#include "uniondesk/member.h"
#include "uniondesk/org.h"
#include "uniondesk/parse.h"
#include "uniondesk/utf8.h"

/* ==== the grant form ==== */

struct grant_form_ctx {
    int64_t id; /* 0: new */
    int64_t version;
    struct tui_form *form;
    struct tui_scr *origin; /* the list below the form, which shows the saved grant */
};

static const struct ud_field *recipient_field(const char *name)
{
    return ud_field_find(ud_aid_recipient_fields, name);
}

/* Puts a field at position `at` of the form. */
static void insert_field(struct tui_form *form, int at, const struct ud_field *def, const char *text)
{
    if (!tui_form_add(form, def, text))
        return;
    struct tui_form_field tmp = form->f[form->n - 1];
    memmove(&form->f[at + 1], &form->f[at], sizeof tmp * (size_t)(form->n - 1 - at));
    form->f[at] = tmp;
    if (form->cur >= at)
        form->cur++;
}

static void remove_field(struct tui_form *form, const char *name)
{
    for (int i = 0; i < form->n; i++)
        if (strcmp(form->f[i].def->name, name) == 0) {
            memmove(&form->f[i], &form->f[i + 1], sizeof form->f[0] * (size_t)(form->n - 1 - i));
            form->n--;
            if (form->cur > i || form->cur >= form->n)
                form->cur = form->cur > 0 ? form->cur - 1 : 0;
            return;
        }
}

/* The hardship level and category are asked only for a member who has no
 * recipient record yet: the record is created with the grant. */
static void show_recipient_fields(struct tui_app *app, struct tui_form *form, int show)
{
    int have = tui_form_find(form, "hardship_level") != NULL;
    if (show && !have) {
        struct ud_aid_recipient r;
        ud_aid_recipient_init(&r);
        char lv[64], cat[64];
        ud_field_format(app->db, recipient_field("hardship_level"), &r, UD_FMT_EDIT, lv, sizeof lv);
        ud_field_format(app->db, recipient_field("hardship_category"), &r, UD_FMT_EDIT, cat, sizeof cat);
        insert_field(form, 1, recipient_field("hardship_level"), lv);
        insert_field(form, 2, recipient_field("hardship_category"), cat);
    } else if (!show && have) {
        remove_field(form, "hardship_level");
        remove_field(form, "hardship_category");
    }
}

/* After a member is chosen: say whether they have a recipient record. */
static void note_recipient(struct tui_app *app, struct grant_form_ctx *c, int64_t member_id, const char *name)
{
    struct ud_aid_recipient r;
    struct ud_err err;
    ud_err_clear(&err);
    int st = ud_aid_recipient_get_by_member(app->db, member_id, &r, &err);
    if (st == UD_OK) {
        show_recipient_fields(app, c->form, 0);
        tui_message(app, T("%s：困难职工档案 %s，%s（%s）", "%s: recipient record %s, %s (%s)"), name,
                    ud_enum_label(&ud_enum_hardship_level, r.hardship_level),
                    ud_enum_label(&ud_enum_hardship_category, r.hardship_category),
                    ud_enum_label(&ud_enum_recipient_status, r.status));
    } else if (st == UD_ERR_NOTFOUND) {
        show_recipient_fields(app, c->form, 1);
        tui_message(app, T("%s 尚无困难职工档案：请填写困难程度和类别，保存时一并建档",
                           "%s has no recipient record: give the hardship level and category; it is created on save"),
                    name);
    } else {
        tui_error(app, &err);
    }
}

static void grant_member_done(struct tui_app *app, const void *row, void *arg)
{
    struct grant_form_ctx *c = arg;
    const struct ud_member *m = row;
    struct tui_form_field *f = tui_form_find(c->form, "id_number");
    if (!f)
        return;
    tui_edit_set(&f->edit, m->id_number);
    f->edit.changed = 1;
    f->error[0] = '\0';
    snprintf(f->shown, sizeof f->shown, "%s", m->name);
    note_recipient(app, c, m->id, m->name);
}

static int grant_pick_member(struct tui_app *app, struct tui_form_field *f, void *ctx)
{
    tui_pick_open(app, T("受助会员：输入姓名、身份证号或电话搜索", "recipient: type a member's name, ID number or phone"),
                  &tui_member_pick_source, NULL, grant_member_done, ctx, tui_form_field_typed(f));
    return 0;
}

/* The no-double-aid question, asked before saving. Returns UD_OK with
 * *allow set when the grant may be saved (an officer said yes, or there
 * is nothing to ask); a clerk is not asked: the module refuses and says
 * that an officer must confirm. */
static int ask_double(struct tui_app *app, const struct ud_aid_grant *g, int64_t exclude_id, int *allow,
                      struct ud_err *err)
{
    struct ud_aid_grant ex;
    int found = 0;
    *allow = 0;
    if (g->member_id == UD_NULL_INT)
        return UD_OK;
    if (ud_aid_double_check(app->db, g->member_id, g->program, g->granted_on, exclude_id, &ex, &found, err) != UD_OK)
        return err->status;
    if (!found || ud_db_role(app->db) < ud_act_role(UD_ACT_AID_DECIDE))
        return UD_OK;
    char amount[32], q[600];
    ud_format_money(ex.amount_fen, amount, sizeof amount);
    snprintf(q, sizeof q,
             T("%s 本年已有“%s”：%s，%s 元。确认重复帮扶？", "%s already had '%s' on %s, %s yuan. Confirm a second grant?"),
             ex.member_name, aid_program_label(ex.program), ex.granted_on, amount);
    if (!tui_confirm(app, q))
        return ud_err_set(err, UD_ERR_STATE, T("未保存：%s 本年已有“%s”（%s，%s 元）", "not saved: %s already has '%s' this year (%s, %s yuan)"),
                          ex.member_name, aid_program_label(ex.program), ex.granted_on, amount);
    *allow = 1;
    return UD_OK;
}

/* A new grant to a member without a recipient record: the record first,
 * then the grant, as one transaction. */

static int grant_form_save(struct tui_app *app, struct tui_form *form, void *ctx, struct ud_err *err)
{
    struct grant_form_ctx *c = ctx;
    struct ud_aid_grant g, before;
    if (c->id) {
        if (ud_aid_grant_get(app->db, c->id, &g, err) != UD_OK)
            return err->status;
        g.version = c->version; /* the version the user started from */
    } else {
        ud_aid_grant_init(&g);
    }
    before = g;
    struct ud_aid_recipient r;
    ud_aid_recipient_init(&r);
    tui_form_apply(app, form, ud_aid_grant_fields, &g, err);
    tui_form_apply(app, form, ud_aid_recipient_fields, &r, err);
    if (err->nfields)
        return err->status;
    int has_record = 1;
    if (!c->id && g.member_id != UD_NULL_INT) {
        struct ud_aid_recipient cur;
        struct ud_err e2;
        ud_err_clear(&e2);
        int st = ud_aid_recipient_get_by_member(app->db, g.member_id, &cur, &e2);
        if (st == UD_ERR_NOTFOUND && !tui_form_find(form, "hardship_level")) {
            /* an ID number typed, not picked: ask for the record's fields */
            show_recipient_fields(app, form, 1);
            ud_err_set(err, UD_ERR_INVALID, "%s", T("该会员尚无困难职工档案", "this member has no recipient record"));
            return ud_err_field(err, "hardship_level", ud_field_label(recipient_field("hardship_level")), "%s",
                                T("请确认困难程度和类别（保存时一并建档），再按 F2",
                                  "check the level and category (the record is created on save), then F2"));
        }
        if (st != UD_OK && st != UD_ERR_NOTFOUND) {
            *err = e2;
            return err->status;
        }
        has_record = st == UD_OK;
        if (has_record)
            show_recipient_fields(app, form, 0);
    }
    int allow = 0;
    /* an earlier confirmation stands while program and year are unchanged */
    int confirmed = c->id && before.double_confirmed_by[0] && !strcmp(before.program, g.program) &&
                    !strncmp(before.granted_on, g.granted_on, 4);
    if (!confirmed && ask_double(app, &g, c->id, &allow, err) != UD_OK)
        return err->status;
    int st;
    if (c->id)
        st = ud_aid_grant_update(app->db, &g, allow, err);
    else if (!has_record)
        st = ud_aid_grant_create_with_recipient(app->db, &r, &g, allow, err);
    else
        st = ud_aid_grant_create(app->db, &g, allow, err);
    if (st == UD_OK && c->origin)
        c->origin->select_id = g.id;
    if (st == UD_OK && !c->id) {
        char amount[32];
        ud_format_money(g.amount_fen, amount, sizeof amount);
        tui_message(app, T("已登记帮扶：%s “%s” %s 元，%s%s", "grant entered: %s '%s' %s yuan, %s%s"), g.member_name,
                    aid_program_label(g.program), amount, aid_grant_status_label(g.status),
                    g.double_confirmed_by[0] ? T("（重复帮扶已确认）", " (second grant confirmed)") : "");
    }
    return st;
}

static void grant_form_fill(struct tui_app *app, struct grant_form_ctx *c, const struct ud_aid_grant *g)
{
    struct tui_form *form = c->form;
    form->n = 0;
    tui_form_fill(app, form, ud_aid_grant_fields, g);
    struct tui_form_field *f = tui_form_find(form, "id_number");
    if (!f)
        return;
    if (c->id) {
        f->readonly = 1; /* a grant stays with its recipient */
        snprintf(f->shown, sizeof f->shown, "%s", g->member_name);
    } else {
        f->pick = grant_pick_member;
        f->pick_ctx = c;
        if (g->member_id != UD_NULL_INT) {
            struct ud_member m;
            struct ud_err err;
            ud_err_clear(&err);
            if (ud_member_get(app->db, g->member_id, &m, &err) == UD_OK)
                snprintf(f->shown, sizeof f->shown, "%s", m.name);
        }
    }
}

static int grant_form_reload(struct tui_app *app, struct tui_form *form, void *ctx)
{
    struct grant_form_ctx *c = ctx;
    struct ud_aid_grant g;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_aid_grant_get(app->db, c->id, &g, &err) != UD_OK) {
        tui_error(app, &err);
        return err.status;
    }
    c->version = g.version;
    int cur = form->cur;
    grant_form_fill(app, c, &g);
    form->cur = cur < form->n ? cur : 0;
    return UD_OK;
}

/* id: the grant to edit (0: new); member_id: who a new grant is for (0:
 * to be picked); origin: the list it is opened from, or NULL. */
void aid_open_grant_form(struct tui_app *app, int64_t id, int64_t member_id, struct tui_scr *origin)
{
    struct ud_aid_grant g;
    struct ud_err err;
    ud_err_clear(&err);
    if (id) {
        if (ud_aid_grant_get(app->db, id, &g, &err) != UD_OK) {
            tui_error(app, &err);
            return;
        }
        if (!aid_move_possible(app, &g, UD_AID_EDIT))
            return;
    } else {
        ud_aid_grant_init(&g);
        if (member_id)
            g.member_id = member_id;
    }
    struct grant_form_ctx *c = calloc(1, sizeof *c);
    char title[400];
    if (id)
        snprintf(title, sizeof title, T("修改帮扶：%s “%s”（F2 保存）", "Edit grant: %s '%s' (F2 saves)"), g.member_name,
                 aid_program_label(g.program));
    else
        snprintf(title, sizeof title, "%s",
                 T("新的帮扶（身份证号：Enter 按姓名搜索会员；F2 保存）", "New grant (ID number: Enter to find the member; F2 saves)"));
    struct tui_form *form = tui_form_new(title);
    if (!c || !form) {
        free(c);
        free(form);
        return;
    }
    c->id = id;
    c->version = id ? g.version : 0;
    c->form = form;
    c->origin = origin;
    grant_form_fill(app, c, &g);
    form->save = grant_form_save;
    form->reload = id ? grant_form_reload : NULL;
    form->ctx = c;
    form->free_ctx = free;
    tui_form_open(app, form);
    if (!id && member_id) {
        /* the member is known: start at the program */
        struct tui_form_field *p = tui_form_find(form, "program");
        if (p)
            form->cur = (int)(p - form->f);
    }
}

