/* 工会组织和会员统计表: one row for the organization itself with its
 * direct grassroots unions, one per federation under it, and the total. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"
#include "uniondesk/enums.h"
#include "uniondesk/i18n.h"

enum { C_ORGS, C_UNITS, C_MEMBERS, C_ACTIVE, C_MIGRANT, C_SHARE, C_NEW, NCOLS };

static void columns(struct ud_rcol c[NCOLS])
{
    memset(c, 0, sizeof *c * NCOLS);
    ud_rcol_set(&c[C_ORGS], "基层", "工会数", "grassroots", "unions", "基层工会数", "grassroots unions", UD_RC_COUNT);
    ud_rcol_set(&c[C_UNITS], "涵盖", "单位数", "units", "covered", "涵盖单位数", "units covered", UD_RC_COUNT);
    ud_rcol_set(&c[C_MEMBERS], "会员", "总数", "members", "on record", "会员总数", "members on record", UD_RC_COUNT);
    ud_rcol_set(&c[C_ACTIVE], "在册", "会员", "active", "members", "在册会员", "active members", UD_RC_COUNT);
    ud_rcol_set(&c[C_MIGRANT], "其中", "外来务工", "of whom", "migrant", "其中外来务工", "of whom migrant workers", UD_RC_COUNT);
    ud_rcol_set(&c[C_SHARE], "外来务工", "占比", "migrant", "share", "外来务工占比", "migrant share", UD_RC_RATE);
    ud_rcol_set(&c[C_NEW], "本年", "新入会", "joined", "this year", "本年新入会", "joined this year", UD_RC_COUNT);
    c[C_SHARE].num = C_MIGRANT;
    c[C_SHARE].den = C_ACTIVE;
}

static void put_row(struct ud_rtable *t, const char *label, int total, const struct ud_member_stats_row *x)
{
    struct ud_rrow *r = ud_rdoc_row(t, label, total);
    if (!r)
        return;
    r->v[C_ORGS] = x->orgs;
    r->v[C_UNITS] = x->units_covered;
    r->v[C_MEMBERS] = x->members;
    r->v[C_ACTIVE] = x->active;
    r->v[C_MIGRANT] = x->migrant;
    r->v[C_NEW] = x->new_this_year;
}

static int is_grassroots(const char *kind)
{
    return strcmp(kind, "enterprise_union") == 0 || strcmp(kind, "joint_union") == 0;
}

void ud_report_members_doc(const struct ud_member_stats *s, const struct ud_report_meta *m, struct ud_rdoc *d)
{
    ud_rdoc_init(d);
    struct ud_rcol cols[NCOLS];
    columns(cols);
    char when[64], buf[768];
    ud_report_long_date(s->as_of, when, sizeof when);
    const char *unit = ud_report_unit_name(m);
    if (ud_lang == UD_LANG_EN)
        snprintf(d->title, sizeof d->title, "%s%sUnions and Members", unit, unit[0] ? ": " : "");
    else
        snprintf(d->title, sizeof d->title, "%s工会组织和会员统计表", unit);
    snprintf(d->period, sizeof d->period, T("（截至%s）", "(as of %s)"), when);
    ud_report_form_lines(m, T("单位：个、人", "Units: unions, units, persons"), d);
    snprintf(d->page_title, sizeof d->page_title, "%s%s%s", d->title, ud_lang == UD_LANG_EN ? " " : "", d->period);
    snprintf(d->sheet, sizeof d->sheet, "%s", T("会员统计", "Members"));
    snprintf(d->author, sizeof d->author, "%s", m->producer);
    if (m->scope[0])
        snprintf(d->left, sizeof d->left, T("统计范围：%s及其下属组织", "Scope: %s and the organizations under it"), m->scope);
    else
        snprintf(d->left, sizeof d->left, "%s", T("统计范围：全区", "Scope: the whole district"));
    snprintf(d->right, sizeof d->right, T("统计日期：%s", "As of %s"), s->as_of);
    d->table_head = T("栏目", "table");
    d->nkeys = 1;
    d->key_heads[0] = T("统计日期", "as of");

    struct ud_rtable *t = ud_rdoc_table(d, T("按组织统计", "By organization"), T("单位", "organization"), cols, NCOLS);
    if (t) {
        snprintf(t->key_values[0], sizeof t->key_values[0], "%s", s->as_of);
        for (int i = 0; i < s->nrows; i++) {
            const struct ud_member_stats_row *x = &s->rows[i];
            if (x->own && !is_grassroots(x->kind))
                snprintf(buf, sizeof buf, T("%s（本级及直属基层工会）", "%s (itself and the unions directly under it)"),
                         x->name);
            else if (strcmp(x->status, "active") != 0)
                snprintf(buf, sizeof buf, T("%s（已撤销）", "%s (dissolved)"), x->name);
            else
                snprintf(buf, sizeof buf, "%s", x->name);
            put_row(t, buf, 0, x);
        }
        put_row(t, T("合计", "total"), 1, &s->total);
    }

    ud_rdoc_note(d, T("说明：", "Notes:"));
    ud_rdoc_note(d, T("1. 每个街道、社区总工会一行，含其下属全部组织；基层工会数为正常状态的企业（基层）工会和联合工会，"
                      "涵盖单位数为这些基层工会涵盖的单位数之和。",
                      "1. One row per street or community federation, counting everything under it. Grassroots "
                      "unions: active enterprise and joint unions; units covered: the units those unions cover."));
    snprintf(buf, sizeof buf,
             T("2. 会员总数含转出、退会、去世的会员记录；在册会员为状态正常的会员，外来务工为其中的外来务工人员；"
               "本年新入会为 %.4s-01-01 至 %s 入会的会员。",
               "2. Members on record include those transferred out, withdrawn or deceased; active members are "
               "those in good standing, migrant workers are counted among them; joined this year: joined from "
               "%.4s-01-01 to %s."),
             s->as_of, s->as_of);
    ud_rdoc_note(d, buf);
}

static void json_counts(FILE *fp, const struct ud_member_stats_row *x)
{
    char share[32];
    ud_report_json_ratio(x->migrant, x->active, share, sizeof share);
    fprintf(fp,
            "\"orgs\": %" PRId64 ", \"units_covered\": %" PRId64 ", \"members\": %" PRId64 ", \"active\": %" PRId64
            ", \"migrant\": %" PRId64 ", \"migrant_share\": %s, \"new_this_year\": %" PRId64,
            x->orgs, x->units_covered, x->members, x->active, x->migrant, share, x->new_this_year);
}

int ud_report_members_json(const struct ud_member_stats *s, FILE *fp, struct ud_err *err)
{
    fprintf(fp, "{\n  \"as_of\": \"%s\",\n  \"org\": {\"code\": ", s->as_of);
    ud_json_str(fp, s->root_code);
    fprintf(fp, ", \"name\": ");
    ud_json_str(fp, s->root_name);
    fprintf(fp, ", \"kind\": ");
    ud_json_str(fp, s->root_kind);
    fprintf(fp, "},\n  \"rows\": [\n");
    for (int i = 0; i < s->nrows; i++) {
        const struct ud_member_stats_row *x = &s->rows[i];
        fprintf(fp, "    {\"code\": ");
        ud_json_str(fp, x->code);
        fprintf(fp, ", \"name\": ");
        ud_json_str(fp, x->name);
        fprintf(fp, ", \"kind\": ");
        ud_json_str(fp, x->kind);
        fprintf(fp, ", \"own\": %s, ", x->own ? "true" : "false");
        json_counts(fp, x);
        fprintf(fp, "}%s\n", i + 1 < s->nrows ? "," : "");
    }
    fprintf(fp, "  ],\n  \"total\": {");
    json_counts(fp, &s->total);
    fprintf(fp, "}\n}\n");
    return ud_report_finish(fp, err);
}
