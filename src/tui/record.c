/* Glue between field tables and forms, and the pick lists of
 * organizations and members that many forms share. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"
#include "uniondesk/i18n.h"
#include "uniondesk/member.h"
#include "uniondesk/org.h"
#include "uniondesk/privacy.h"

struct tui_form_field *tui_form_add_field(struct tui_app *app, struct tui_form *form, const struct ud_field *f,
                                          const void *rec)
{
    char text[UD_FIELD_TEXT_MAX];
    ud_field_format(app->db, f, rec, UD_FMT_EDIT, text, sizeof text);
    if (f->type == UD_F_BOOL && !rec)
        text[0] = '\0';
    struct tui_form_field *ff = tui_form_add(form, f, text);
    if (ff && f->type == UD_F_REF && !ud_field_is_empty(f, rec))
        ud_field_format(app->db, f, rec, UD_FMT_DISPLAY, ff->shown, sizeof ff->shown);
    return ff;
}

void tui_form_fill(struct tui_app *app, struct tui_form *form, const struct ud_field *defs, const void *rec)
{
    for (const struct ud_field *f = defs; f->name; f++)
        if (!(f->flags & (UD_FF_DERIVED | UD_FF_NOFORM)) && !tui_form_add_field(app, form, f, rec))
            break;
}

int tui_form_apply(struct tui_app *app, struct tui_form *form, const struct ud_field *defs, void *rec,
                   struct ud_err *err)
{
    for (int i = 0; i < form->n; i++) {
        const struct ud_field *f = form->f[i].def;
        int ours = 0;
        for (const struct ud_field *d = defs; d->name; d++)
            ours |= d == f;
        if (ours && !form->f[i].readonly)
            ud_field_set(app->db, f, rec, form->f[i].edit.text, err);
    }
    return err->nfields ? UD_ERR_INVALID : UD_OK;
}

/* ---- organizations ---- */

static int org_fetch(struct tui_app *app, void *ctx, const char *query, const struct ud_page *pg, void *rows,
                     struct ud_cursor *cursors, int *n, struct ud_err *err)
{
    const struct tui_org_pick *p = ctx;
    struct ud_org_filter f = {0};
    f.query = query;
    f.mediating_only = p->mediating_only;
    f.member_orgs_only = p->member_orgs_only;
    return ud_org_list(app->db, &f, pg, rows, cursors, n, err);
}

static void org_cell(struct tui_app *app, void *ctx, const void *row, int col, char *out, size_t outsz)
{
    (void)app;
    (void)ctx;
    const struct ud_org *o = row;
    if (col == 0)
        snprintf(out, outsz, "%s", o->name);
    else if (col == 1)
        snprintf(out, outsz, "%s", ud_enum_label(&ud_enum_org_kind, o->kind));
    else
        snprintf(out, outsz, "%s", o->code);
}

static int64_t org_id(const void *row)
{
    return ((const struct ud_org *)row)->id;
}

static const struct tui_column org_cols[] = {
    {"名称", "name", 24, 1, UD_LEFT, "name"},
    {"类型", "kind", 14, 0, UD_LEFT, NULL},
    {"代码", "code", 16, 0, UD_LEFT, "code"},
};

const struct tui_list_source tui_org_source = {sizeof(struct ud_org), org_cols, 3, org_fetch, NULL, org_cell,
                                                NULL, org_id, NULL};

static void org_done(struct tui_app *app, const void *row, void *arg)
{
    (void)app;
    struct tui_form_field *f = arg;
    const struct ud_org *o = row;
    tui_edit_set(&f->edit, o->code);
    f->edit.changed = 1;
    f->error[0] = '\0';
    snprintf(f->shown, sizeof f->shown, "%s", o->name);
}

static struct tui_org_pick pick_any = {0, 0}, pick_mediating = {1, 0}, pick_member_orgs = {0, 1};

int tui_pick_org_any(struct tui_app *app, struct tui_form_field *f, void *ctx)
{
    (void)ctx;
    tui_pick_open(app, T("选择组织（输入代码或名称搜索）", "choose an organization (type a code or name)"), &tui_org_source,
                  &pick_any, org_done, f, f->edit.text);
    return 0;
}

int tui_pick_org_mediating(struct tui_app *app, struct tui_form_field *f, void *ctx)
{
    (void)ctx;
    tui_pick_open(app, T("选择调解组织", "choose the mediation body"), &tui_org_source, &pick_mediating, org_done, f, f->edit.text);
    return 0;
}

int tui_pick_org_member(struct tui_app *app, struct tui_form_field *f, void *ctx)
{
    (void)ctx;
    tui_pick_open(app, T("选择所属工会（企业或联合工会）", "choose the union (enterprise or joint)"), &tui_org_source,
                  &pick_member_orgs, org_done, f, f->edit.text);
    return 0;
}

/* ---- members ---- */

static int member_fetch(struct tui_app *app, void *ctx, const char *query, const struct ud_page *pg, void *rows,
                        struct ud_cursor *cursors, int *n, struct ud_err *err)
{
    (void)ctx;
    struct ud_member_filter f = {0};
    f.query = query;
    return ud_member_list(app->db, &f, pg, rows, cursors, n, err);
}

static void member_cell(struct tui_app *app, void *ctx, const void *row, int col, char *out, size_t outsz)
{
    (void)app;
    (void)ctx;
    const struct ud_member *m = row;
    if (col == 0)
        snprintf(out, outsz, "%s", m->name);
    else if (col == 1)
        ud_show_id_number(m->id_number, out, outsz);
    else
        snprintf(out, outsz, "%s", m->org_name);
}

static int64_t member_id(const void *row)
{
    return ((const struct ud_member *)row)->id;
}

static const struct tui_column member_cols[] = {
    {"姓名", "name", 10, 0, UD_LEFT, "name"},
    {"身份证号", "ID number", 18, 0, UD_LEFT, "id_number"},
    {"所属工会", "union", 20, 1, UD_LEFT, NULL},
};

const struct tui_list_source tui_member_pick_source = {sizeof(struct ud_member), member_cols, 3, member_fetch, NULL,
                                                       member_cell, NULL, member_id, NULL};

static void member_done(struct tui_app *app, const void *row, void *arg)
{
    (void)app;
    struct tui_form_field *f = arg;
    const struct ud_member *m = row;
    tui_edit_set(&f->edit, m->id_number);
    f->edit.changed = 1;
    f->error[0] = '\0';
    snprintf(f->shown, sizeof f->shown, "%s", m->name);
}

int tui_pick_member(struct tui_app *app, struct tui_form_field *f, void *ctx)
{
    (void)ctx;
    tui_pick_open(app, T("选择会员（输入姓名、身份证号或电话）", "choose a member (type a name, ID number or phone)"),
                  &tui_member_pick_source, NULL, member_done, f, tui_form_field_typed(f));
    return 0;
}
