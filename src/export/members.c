/* The member list (会员名册) as xlsx or CSV: the rows ud_member_each gives
 * for the filter, one at a time, each written at once (listsheet.c):
 * 380,000 members take no more memory than a few. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "listsheet.h"
#include "uniondesk/enums.h"
#include "uniondesk/i18n.h"
#include "uniondesk/parse.h"
#include "uniondesk/privacy.h"

enum {
    C_SEQ, C_NAME, C_GENDER, C_ID, C_ORG, C_ETHNICITY, C_EDUCATION, C_PHONE, C_JOINED, C_STATUS, C_MIGRANT,
    C_JOB, C_CARD, NCOLS
};

static void columns(struct ud_lcol *c)
{
    const struct ud_lcol cols[NCOLS] = {
        {T("序号", "No."), UD_LC_SEQ},
        {T("姓名", "name"), UD_LC_TEXT},
        {T("性别", "sex"), UD_LC_TEXT},
        {T("身份证号", "ID number"), UD_LC_TEXT},
        {T("所属工会", "union"), UD_LC_TEXT},
        {T("民族", "ethnicity"), UD_LC_TEXT},
        {T("文化程度", "education"), UD_LC_TEXT},
        {T("联系电话", "phone"), UD_LC_TEXT},
        {T("入会日期", "joined"), UD_LC_DATE},
        {T("会员状态", "status"), UD_LC_TEXT},
        {T("外来务工", "migrant"), UD_LC_TEXT},
        {T("职务", "job title"), UD_LC_TEXT},
        {T("会员卡号", "card no."), UD_LC_TEXT},
    };
    memcpy(c, cols, sizeof cols);
}

static void describe(const struct ud_member_filter *f, const struct ud_list_export *o, const char *today, char *out,
                     size_t outsz)
{
    char v[300];
    out[0] = '\0';
    ud_lsheet_say(out, outsz, T("会员状态", "status"),
                  f->status && *f->status ? ud_enum_label(&ud_enum_member_status, f->status) : T("全部", "all"));
    if (o->scope_name && *o->scope_name) {
        snprintf(v, sizeof v, T("%s及其下属组织", "%s and below"), o->scope_name);
        ud_lsheet_say(out, outsz, T("范围", "scope"), v);
    }
    if (f->migrant_only)
        ud_lsheet_say(out, outsz, T("外来务工", "migrants"), T("仅外来务工", "migrants only"));
    if (f->query && *f->query) {
        snprintf(v, sizeof v, T("“%s”", "'%s'"), f->query);
        ud_lsheet_say(out, outsz, T("搜索", "search"), v);
    }
    ud_lsheet_say(out, outsz, T("制表日期", "produced on"), today);
}

struct writer {
    struct ud_db *db;
    struct ud_lsheet L;
    int full_id;
};

static int write_member(const struct ud_member *m, void *arg)
{
    struct writer *W = arg;
    char id[UD_IDNUM_SZ + 8], phone[UD_PHONE_SZ + 8];
    struct ud_lcell v[NCOLS];
    memset(v, 0, sizeof v);
    if (W->full_id)
        snprintf(id, sizeof id, "%s", m->id_number);
    else
        ud_show_id_number(m->id_number, id, sizeof id);
    ud_show_phone(W->db, m->phone, phone, sizeof phone);
    v[C_NAME].text = m->name;
    v[C_GENDER].text = m->gender[0] ? ud_enum_label(&ud_enum_gender, m->gender) : "";
    v[C_ID].text = id;
    v[C_ORG].text = m->org_name;
    v[C_ETHNICITY].text = m->ethnicity;
    v[C_EDUCATION].text = m->education[0] ? ud_enum_label(&ud_enum_education, m->education) : "";
    v[C_PHONE].text = phone;
    v[C_JOINED].text = m->join_date;
    v[C_STATUS].text = ud_enum_label(&ud_enum_member_status, m->status);
    v[C_MIGRANT].text = m->is_migrant ? T("是", "yes") : T("否", "no");
    v[C_JOB].text = m->job_title;
    v[C_CARD].text = m->card_no;
    ud_lsheet_row(&W->L, v);
    return 0;
}

int ud_export_members(struct ud_db *db, const struct ud_member_filter *f, const struct ud_list_export *o,
                      struct ud_list_export_result *res, struct ud_err *err)
{
    memset(res, 0, sizeof *res);
    struct ud_member_filter none;
    memset(&none, 0, sizeof none);
    if (!f)
        f = &none;
    if (f->status && *f->status && ud_enum_index(&ud_enum_member_status, f->status) < 0)
        return ud_err_set(err, UD_ERR_INVALID, T("没有“%s”这个会员状态", "'%s' is not a member status"), f->status);
    if (o->full_id && ud_lsheet_may_full_id(db, err) != UD_OK)
        return err->status;
    if (ud_out_check(o->path, o->out_flags, err) != UD_OK)
        return err->status;

    char root[184], today[UD_DATE_SZ], title[512], sub[1200];
    ud_lsheet_root_name(db, root, sizeof root);
    ud_today(today);
    if (ud_lang == UD_LANG_EN)
        snprintf(title, sizeof title, "%s%sMembers", root, root[0] ? ": " : "");
    else
        snprintf(title, sizeof title, "%s会员名册", root);
    describe(f, o, today, sub, sizeof sub);
    char author[96];
    snprintf(author, sizeof author, "%s", ud_db_user_label(db));

    struct ud_lcol cols[NCOLS];
    columns(cols);
    struct writer *W = calloc(1, sizeof *W);
    if (!W)
        return ud_err_nomem(err);
    W->db = db;
    W->full_id = o->full_id;
    struct ud_lsheet *L = &W->L;
    int st = ud_lsheet_open(L, o, T("会员", "Members"), title, sub, author, cols, NCOLS, err);
    if (st != UD_OK)
        goto out;
    if ((st = ud_member_each(db, f, o->sort, o->desc, write_member, W, err)) != UD_OK) {
        ud_lsheet_abort(L);
        goto out;
    }
    char count[64];
    snprintf(count, sizeof count, T("共 %" PRId64 " 人", "%" PRId64 " members"), L->rows);
    int64_t nrows = L->rows;
    if (o->full_id) {
        L->audit_db = db;
        L->audit_table = "members";
        L->audit_what = "export members";
    }
    if ((st = ud_lsheet_commit(L, count, err)) != UD_OK)
        goto out;
    res->rows = nrows;
out:
    free(W);
    return st;
}
