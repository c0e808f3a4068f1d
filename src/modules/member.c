#include "uniondesk/member.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "uniondesk/i18n.h"
#include "uniondesk/may.h"
#include "listq.h"
#include "modutil.h"
#include "uniondesk/org.h"
#include "uniondesk/privacy.h"
#include "db_int.h"
#include "uniondesk/utf8.h"

#define S struct ud_member
const struct ud_field ud_member_fields[] = {
    UD_FIELD_TEXT(S, "name", "姓名", "name", name, 30, UD_FF_REQUIRED),
    UD_FIELD_OF(S, UD_F_IDNUM, "id_number", "身份证号", "ID number", id_number, UD_FF_REQUIRED),
    UD_FIELD_REF(S, "org", "所属工会", "union", org_id, &ud_ref_org, UD_FF_REQUIRED),
    UD_FIELD_ENUM(S, "gender", "性别", "gender", gender, &ud_enum_gender, 0),
    UD_FIELD_OF(S, UD_F_DATE, "birth_date", "出生日期", "birth date", birth_date, UD_FF_DERIVED | UD_FF_NOCSV | UD_FF_NOFORM),
    UD_FIELD_TEXT(S, "ethnicity", "民族", "ethnicity", ethnicity, 20, 0),
    UD_FIELD_ENUM(S, "education", "学历", "education", education, &ud_enum_education, 0),
    UD_FIELD_ENUM(S, "political_status", "政治面貌", "political status", political_status, &ud_enum_political_status, 0),
    UD_FIELD_ENUM(S, "hukou_type", "户籍类型", "hukou type", hukou_type, &ud_enum_hukou_type, 0),
    UD_FIELD_OF(S, UD_F_PHONE, "phone", "电话", "phone", phone, 0),
    UD_FIELD_OF(S, UD_F_DATE, "join_date", "入会日期", "joined on", join_date, UD_FF_NOFUTURE),
    UD_FIELD_ENUM(S, "status", "会籍状态", "status", status, &ud_enum_member_status, 0),
    UD_FIELD_OF(S, UD_F_BOOL, "is_migrant", "外来务工", "migrant worker", is_migrant, 0),
    UD_FIELD_TEXT(S, "job_title", "职务", "job title", job_title, 30, 0),
    UD_FIELD_TEXT(S, "card_no", "会员证号", "card number", card_no, 30, 0),
    UD_FIELD_END,
};
#undef S

const struct ud_sort_key ud_member_sort_keys[] = {
    {"name", "m.name", 0, 0},
    {"id_number", "m.id_number", 0, 0},
    {"id", "m.id", 1, 0},
    {NULL, NULL, 0, 0},
};

#define MEMBER_COLS                                                                             \
    "SELECT m.id, m.name, m.gender, m.id_number, m.birth_date, m.ethnicity, m.education, "      \
    "m.political_status, m.hukou_type, m.phone, m.org_id, m.join_date, m.status, m.is_migrant, " \
    "m.job_title, m.card_no, m.created_at, m.updated_at, m.version, o.name"
#define MEMBER_NCOLS 20
#define MEMBER_FROM " FROM members m JOIN orgs o ON o.id = m.org_id"

static void read_row(sqlite3_stmt *st, void *row)
{
    struct ud_member *m = row;
    m->id = sqlite3_column_int64(st, 0);
    ud_col_text(st, 1, m->name, sizeof m->name);
    ud_col_text(st, 2, m->gender, sizeof m->gender);
    ud_col_text(st, 3, m->id_number, sizeof m->id_number);
    ud_col_text(st, 4, m->birth_date, sizeof m->birth_date);
    ud_col_text(st, 5, m->ethnicity, sizeof m->ethnicity);
    ud_col_text(st, 6, m->education, sizeof m->education);
    ud_col_text(st, 7, m->political_status, sizeof m->political_status);
    ud_col_text(st, 8, m->hukou_type, sizeof m->hukou_type);
    ud_col_text(st, 9, m->phone, sizeof m->phone);
    m->org_id = sqlite3_column_int64(st, 10);
    ud_col_text(st, 11, m->join_date, sizeof m->join_date);
    ud_col_text(st, 12, m->status, sizeof m->status);
    m->is_migrant = sqlite3_column_int(st, 13);
    ud_col_text(st, 14, m->job_title, sizeof m->job_title);
    ud_col_text(st, 15, m->card_no, sizeof m->card_no);
    ud_col_text(st, 16, m->created_at, sizeof m->created_at);
    ud_col_text(st, 17, m->updated_at, sizeof m->updated_at);
    m->version = sqlite3_column_int64(st, 18);
    ud_col_text(st, 19, m->org_name, sizeof m->org_name);
}

void ud_member_init(struct ud_member *m)
{
    memset(m, 0, sizeof *m);
    ud_fields_clear(ud_member_fields, m);
    ud_strlcpy(m->status, sizeof m->status, "active");
    ud_strlcpy(m->ethnicity, sizeof m->ethnicity, "汉族");
}

int ud_member_get(struct ud_db *db, int64_t id, struct ud_member *m, struct ud_err *err)
{
    sqlite3_stmt *st = ud_db_stmt(db, MEMBER_COLS MEMBER_FROM " WHERE m.id = ?1", err);
    if (!st)
        return err->status;
    sqlite3_bind_int64(st, 1, id);
    return ud_mod_step_row(db, st, read_row, m, err, T("会员 %lld 不存在", "member %lld does not exist"),
                           (long long)id);
}

int ud_member_get_by_id_number(struct ud_db *db, const char *id_number, struct ud_member *m,
                               struct ud_err *err)
{
    char norm[UD_IDNUM_SZ];
    if (ud_check_id_number(id_number, norm, NULL, NULL))
        snprintf(norm, sizeof norm, "%s", id_number); /* look it up as typed */
    sqlite3_stmt *st = ud_db_stmt(db, MEMBER_COLS MEMBER_FROM " WHERE m.id_number = ?1", err);
    if (!st)
        return err->status;
    ud_bind_text(st, 1, norm);
    return ud_mod_step_row(db, st, read_row, m, err, T("身份证号 %s 不是会员", "no member has ID number %s"),
                           norm);
}

int ud_member_resolve(struct ud_db *db, const char *id_number, int64_t *id, struct ud_err *err)
{
    struct ud_member m;
    if (ud_member_get_by_id_number(db, id_number, &m, err) != UD_OK)
        return err->status;
    *id = m.id;
    return UD_OK;
}

static void ref_key(struct ud_db *db, int64_t id, char *out, size_t outsz)
{
    struct ud_member m;
    struct ud_err e;
    ud_err_clear(&e);
    if (ud_member_get(db, id, &m, &e) == UD_OK)
        snprintf(out, outsz, "%s", m.id_number);
    else
        snprintf(out, outsz, "#%lld", (long long)id);
}

static void ref_display(struct ud_db *db, int64_t id, char *out, size_t outsz)
{
    struct ud_member m;
    struct ud_err e;
    ud_err_clear(&e);
    char idm[UD_IDNUM_SZ];
    if (ud_member_get(db, id, &m, &e) == UD_OK) {
        ud_show_id_number(m.id_number, idm, sizeof idm); /* shown to a person: masked */
        snprintf(out, outsz, "%s %s", m.name, idm);
    }
    else
        snprintf(out, outsz, "#%lld", (long long)id);
}

const struct ud_ref_kind ud_ref_member = {"member", ud_member_resolve, ref_key, ref_display};

/* Field checks plus what only the whole record can tell: gender and birth
 * date agree with the ID number; the union is an enterprise or joint union.
 * parsed: every field was just set by ud_field_set from text (an import
 * row), which made the checks of ud_fields_validate and of the ID number:
 * they are not made a second time on the values they produced. */
static int validate(struct ud_db *db, struct ud_member *m, int parsed, struct ud_err *err)
{
    if (parsed)
        ud_fields_check_required(ud_member_fields, m, err);
    else
        ud_fields_validate(db, ud_member_fields, m, err);
    if (m->id_number[0] && !ud_err_find(err, "id_number")) {
        char g;
        char birth[UD_DATE_SZ];
        const char *why = NULL;
        if (parsed)
            ud_id_number_facts(m->id_number, &g, birth);
        else
            why = ud_check_id_number(m->id_number, m->id_number, &g, birth);
        if (!why) {
            char gs[2] = {g, 0};
            if (m->gender[0] && strcmp(m->gender, gs) != 0)
                ud_err_field(err, "gender", T("性别", "gender"),
                             T("与身份证号不符（身份证号显示为%s）", "does not agree with the ID number (which says %s)"),
                             ud_enum_label(&ud_enum_gender, gs));
            else
                memcpy(m->gender, gs, sizeof gs);
            memcpy(m->birth_date, birth, UD_DATE_SZ);
            if (m->join_date[0] && strcmp(m->join_date, birth) < 0)
                ud_err_field(err, "join_date", T("入会日期", "joined on"), "%s",
                             T("早于出生日期", "is before the birth date"));
        }
    }
    if (m->org_id != UD_NULL_INT && !ud_err_find(err, "org")) {
        struct ud_org_brief o;
        struct ud_err e2;
        ud_err_clear(&e2);
        if (ud_org_brief_get(db, m->org_id, &o, &e2) != UD_OK)
            ud_err_field(err, "org", T("所属工会", "union"), "%s", e2.msg);
        else if (strcmp(o.kind, "enterprise_union") != 0 && strcmp(o.kind, "joint_union") != 0)
            ud_err_field(err, "org", T("所属工会", "union"),
                         T("会员应属于企业(基层)工会或联合工会，“%s”是%s",
                           "members belong to an enterprise or joint union; '%s' is a %s"),
                         o.name, ud_enum_label(&ud_enum_org_kind, o.kind));
        else if (strcmp(o.status, "active") != 0)
            ud_err_field(err, "org", T("所属工会", "union"), T("“%s”已撤销", "'%s' is dissolved"), o.name);
    }
    if (!m->status[0])
        ud_strlcpy(m->status, sizeof m->status, "active");
    return err->nfields ? UD_ERR_INVALID : UD_OK;
}

void ud_member_bind_at(sqlite3_stmt *st, int b, const struct ud_member *m, const char *now)
{
    ud_bind_text_static(st, b + 1, m->name);
    ud_bind_text_static(st, b + 2, m->gender);
    ud_bind_text_static(st, b + 3, m->id_number);
    ud_bind_text_static(st, b + 4, m->birth_date);
    ud_bind_text_static(st, b + 5, m->ethnicity);
    ud_bind_text_static(st, b + 6, m->education);
    ud_bind_text_static(st, b + 7, m->political_status);
    ud_bind_text_static(st, b + 8, m->hukou_type);
    ud_bind_text_static(st, b + 9, m->phone);
    sqlite3_bind_int64(st, b + 10, m->org_id);
    ud_bind_text_static(st, b + 11, m->join_date);
    ud_bind_text_static(st, b + 12, m->status);
    sqlite3_bind_int(st, b + 13, m->is_migrant ? 1 : 0);
    ud_bind_text_static(st, b + 14, m->job_title);
    ud_bind_text_static(st, b + 15, m->card_no);
    if (now) {
        ud_bind_text_static(st, b + 16, now);
        ud_bind_text_static(st, b + 17, now);
    }
}

int ud_member_validate(struct ud_db *db, struct ud_member *m, struct ud_err *err)
{
    return validate(db, m, 0, err);
}

static void bind_fields(sqlite3_stmt *st, const struct ud_member *m)
{
    ud_member_bind_at(st, 0, m, NULL);
}

static int create(struct ud_db *db, struct ud_member *m, int parsed, struct ud_err *err)
{
    if (ud_may(db, UD_ACT_MEMBER_WRITE, err) != UD_OK)
        return err->status;
    m->id = 0;
    if (validate(db, m, parsed, err) != UD_OK)
        return err->status;
    if (ud_db_begin(db, err) != UD_OK)
        return err->status;
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "INSERT INTO members(name, gender, id_number, birth_date, ethnicity, "
                                  "education, political_status, hukou_type, phone, org_id, join_date, status, "
                                  "is_migrant, job_title, card_no) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                                  err);
    if (!st)
        return ud_mod_finish(db, err->status, err);
    bind_fields(st, m);
    if (ud_mod_step(db, st, ud_member_fields, err) != UD_OK)
        return err->status;
    m->id = sqlite3_last_insert_rowid(db->h);
    m->version = 1;
    return ud_db_commit(db, err);
}

int ud_member_create(struct ud_db *db, struct ud_member *m, struct ud_err *err)
{
    return create(db, m, 0, err);
}

int ud_member_create_parsed(struct ud_db *db, struct ud_member *m, struct ud_err *err)
{
    return create(db, m, 1, err);
}

int ud_member_check_parsed(struct ud_db *db, struct ud_member *m, struct ud_err *err)
{
    if (ud_may(db, UD_ACT_MEMBER_WRITE, err) != UD_OK)
        return err->status;
    m->id = 0;
    return validate(db, m, 1, err);
}

/* created_at and updated_at bound (ud_mod_now): the columns' default,
 * formatted per row, was a tenth of a bulk member's insert */
#define INSERT_HEAD                                                                                   \
    "INSERT INTO members(name, gender, id_number, birth_date, ethnicity, education, political_status, " \
    "hukou_type, phone, org_id, join_date, status, is_migrant, job_title, card_no, created_at, updated_at) VALUES "
#define INSERT_ROW "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

const char *ud_member_insert_sql(int rows)
{
    /* one text per row count, built once: the statement cache keys on its address */
    static char sql[UD_MEMBER_INSERT_MAX_ROWS + 1][sizeof INSERT_HEAD + UD_MEMBER_INSERT_MAX_ROWS * sizeof INSERT_ROW];
    if (rows < 1 || rows > UD_MEMBER_INSERT_MAX_ROWS)
        return NULL;
    char *q = sql[rows];
    if (!q[0]) {
        size_t len = strlen(INSERT_HEAD);
        memcpy(q, INSERT_HEAD, len);
        for (int i = 0; i < rows; i++) {
            if (i)
                q[len++] = ',';
            memcpy(q + len, INSERT_ROW, strlen(INSERT_ROW));
            len += strlen(INSERT_ROW);
        }
        q[len] = '\0';
    }
    return q;
}

int ud_member_insert_checked(struct ud_db *db, const struct ud_member *ms, int n, struct ud_err *err)
{
    if (n != UD_MEMBER_BATCH)
        return ud_err_set(err, UD_ERR_INTERNAL, "ud_member_insert_checked: %d rows", n);
    const char *sql = ud_member_insert_sql(n);
    if (ud_db_begin(db, err) != UD_OK)
        return err->status;
    char now[UD_NOW_SZ];
    if (ud_mod_now(db, now, err) != UD_OK)
        return ud_mod_finish(db, err->status, err);
    sqlite3_stmt *st = ud_db_stmt(db, sql, err);
    if (!st)
        return ud_mod_finish(db, err->status, err);
    for (int i = 0; i < n; i++)
        ud_member_bind_at(st, i * UD_MEMBER_NCOLS, &ms[i], now);
    if (ud_mod_step(db, st, ud_member_fields, err) != UD_OK)
        return err->status;
    return ud_db_commit(db, err);
}

int ud_member_update(struct ud_db *db, struct ud_member *m, struct ud_err *err)
{
    if (ud_may(db, UD_ACT_MEMBER_WRITE, err) != UD_OK)
        return err->status;
    if (validate(db, m, 0, err) != UD_OK)
        return err->status;
    if (ud_db_begin(db, err) != UD_OK)
        return err->status;
    sqlite3_stmt *st = ud_db_stmt(db,
                                  "UPDATE members SET name = ?1, gender = ?2, id_number = ?3, birth_date = ?4, "
                                  "ethnicity = ?5, education = ?6, political_status = ?7, hukou_type = ?8, "
                                  "phone = ?9, org_id = ?10, join_date = ?11, status = ?12, is_migrant = ?13, "
                                  "job_title = ?14, card_no = ?15, version = version + 1, updated_at = " UD_NOW_SQL
                                  " WHERE id = ?16 AND version = ?17",
                                  err);
    if (!st)
        return ud_mod_finish(db, err->status, err);
    bind_fields(st, m);
    sqlite3_bind_int64(st, 16, m->id);
    sqlite3_bind_int64(st, 17, m->version);
    if (ud_mod_step_versioned(db, st, "members", m->id, ud_member_fields, err) != UD_OK)
        return err->status;
    return ud_member_get(db, m->id, m, err);
}

int ud_member_delete(struct ud_db *db, int64_t id, int64_t version, struct ud_err *err)
{
    return ud_mod_delete(db, ud_act_role(UD_ACT_MEMBER_DELETE), "DELETE FROM members WHERE id = ?1 AND version = ?2", "members", id,
                         version,
                         T("该会员有案件、帮扶或培训记录，不能删除；请把会籍状态改为退会或转出",
                           "this member has cases, aid or training records and cannot be deleted; set the "
                           "status to withdrawn or transferred out instead"),
                         err);
}

/* The filters of a list; walk: conditions checked row by row ("+"), so
 * that a search walks its key's index rather than the filters' one. */
struct list_arg {
    const struct ud_member_filter *f;
    int walk;
};

static void list_filter(struct ud_sqlbuf *q, int *w, const void *arg)
{
    const struct list_arg *a = arg;
    const struct ud_member_filter *f = a->f;
    if (!f)
        return;
    if (f->org_subtree) {
        ud_sql_where(q, w, "");
        ud_org_subtree_cond(q, a->walk ? "+m.org_id" : "m.org_id", f->org_subtree);
    }
    if (f->status && *f->status) {
        ud_sql_where(q, w, a->walk ? "+m.status = " : "m.status = ");
        ud_sql_param_text(q, f->status);
    }
    if (f->migrant_only)
        ud_sql_where(q, w, "m.is_migrant = 1");
}

/* Up to this many members the filters hold, a search reads them through
 * the filters' index and sorts them; beyond, it walks its key's index and
 * checks the filters row by row. Either plan alone is slow on the other's
 * ground: at scale 1, "1" (every phone starts so) in an org of 4 members
 * walked all 380,000 phones (0.9 s); with the whole district as the
 * filter, counting ID numbers that start "13" read every member through
 * the org index (0.8 s). */
#define FEW_FILTERED 2000
static int few_filtered(struct ud_db *db, const struct ud_member_filter *f, int *few, struct ud_err *err)
{
    *few = 0;
    if (!f || (!f->org_subtree && !(f->status && *f->status) && !f->migrant_only))
        return UD_OK;
    struct list_arg a = {f, 0};
    struct ud_sqlbuf q;
    int w = 0;
    ud_sql_init(&q, "SELECT count(*) FROM (SELECT 1 FROM members m");
    list_filter(&q, &w, &a);
    ud_sql_add(&q, " LIMIT ");
    ud_sql_param_int(&q, FEW_FILTERED + 1);
    ud_sql_add(&q, ")");
    sqlite3_stmt *st;
    if (ud_sql_prepare(db, &q, &st, err) != UD_OK)
        return err->status;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *few = sqlite3_column_int64(st, 0) <= FEW_FILTERED;
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? UD_OK : ud_db_error(db, rc, err);
}

/* A query of digits searches ID numbers, then phone numbers; anything
 * else searches names. */
static const struct ud_sort_key number_keys[] = {
    {"id_number", "m.id_number", 0, 1},
    {"phone", "m.phone", 0, 0},
};

static const struct ud_sort_key name_keys[] = {
    {"name", "m.name", 0, 0},
};
/* the same keys, kept off their indexes ("+"): for few filtered rows */
static const struct ud_sort_key number_keys_few[] = {
    {"id_number", "+m.id_number", 0, 1},
    {"phone", "+m.phone", 0, 0},
};

static const struct ud_sort_key name_keys_few[] = {
    {"name", "+m.name", 0, 0},
};

/* The fragment group (migration 0004): a name fragment of 1-2
 * characters is a key of member_grams; a longer one walks the key of its
 * last two characters and checks the name. A run of digits is a range of
 * member_subs keys; the row is kept where the run first occurs in the
 * member (pos), so a member is listed once, and the check covers runs
 * longer than the 8 characters a key holds. Phones need 3 digits, ID
 * numbers 4. */
void ud_member_gram_cond(struct ud_sqlbuf *q, int *w, const char *text)
{
    size_t len = strlen(text);
    size_t chars = ud_utf8_chars(text);
    if (chars <= 2) {
        ud_sql_where(q, w, "x.gram = ");
        ud_sql_param_text(q, text);
    } else {
        size_t last2 = ud_utf8_prev(text, ud_utf8_prev(text, len));
        ud_sql_where(q, w, "x.gram = ");
        ud_sql_param_text(q, text + last2);
        ud_sql_where(q, w, "instr(m.name, ");
        ud_sql_param_text(q, text);
        ud_sql_add(q, ") > 0");
    }
    ud_sql_where(q, w, "m.id = x.member_id");
}

/* Phone runs first (3 digits and more), then ID number runs (4 and
 * more) of members whose phone does not hold the run: each a range of
 * its own keys ('p' or 'i' and the digits). */
static void sub_range(struct ud_sqlbuf *q, int *w, const char *kind, const char *text)
{
    char key[10];
    snprintf(key, sizeof key, "%s%s", kind, text);
    int k = ud_sql_text(q, key);
    char buf[96];
    snprintf(buf, sizeof buf, "x.term >= ?%d AND x.term < ?%d || 'Z' AND m.id = x.member_id", k, k);
    ud_sql_where(q, w, buf);
}

void ud_member_phone_cond(struct ud_sqlbuf *q, int *w, const char *text)
{
    sub_range(q, w, "p", text);
    ud_sql_where(q, w, "x.pos = instr(m.phone, ");
    ud_sql_param_text(q, text);
    ud_sql_add(q, ")");
}

void ud_member_idnum_cond(struct ud_sqlbuf *q, int *w, const char *text)
{
    sub_range(q, w, "i", text);
    int t = ud_sql_text(q, text);
    char buf[160];
    snprintf(buf, sizeof buf, "length(?%d) >= 4 AND x.pos - 100 = instr(m.id_number, ?%d) AND "
                              "instr(coalesce(m.phone, ''), ?%d) = 0", t, t, t);
    ud_sql_where(q, w, buf);
}

#define NO_COL {NULL, UD_FRAG_ID}
#define SUB_COLS 3, {{"x.term", UD_FRAG_TEXT}, {"x.member_id", UD_FRAG_ID}, {"x.pos", UD_FRAG_NUM}}
static const struct ud_list_frag name_frag = {
    " FROM member_grams x CROSS JOIN members m JOIN orgs o ON o.id = m.org_id", ud_member_gram_cond, 1,
    {{"x.member_id", UD_FRAG_ID}, NO_COL, NO_COL}, NULL};
static const struct ud_list_frag name_frag_count = {
    " FROM member_grams x CROSS JOIN members m", ud_member_gram_cond, 1, {{"x.member_id", UD_FRAG_ID}, NO_COL, NO_COL}, NULL};
static const struct ud_list_frag idnum_frag = {
    " FROM member_subs x CROSS JOIN members m JOIN orgs o ON o.id = m.org_id", ud_member_idnum_cond, SUB_COLS, NULL};
static const struct ud_list_frag digit_frag = {
    " FROM member_subs x CROSS JOIN members m JOIN orgs o ON o.id = m.org_id", ud_member_phone_cond, SUB_COLS, &idnum_frag};
static const struct ud_list_frag phone_frag = {
    " FROM member_subs x CROSS JOIN members m JOIN orgs o ON o.id = m.org_id", ud_member_phone_cond, SUB_COLS, NULL};
static const struct ud_list_frag phone_frag_count = {" FROM member_subs x CROSS JOIN members m", ud_member_phone_cond,
                                                     SUB_COLS, NULL};
static const struct ud_list_frag idnum_frag_count = {" FROM member_subs x CROSS JOIN members m", ud_member_idnum_cond,
                                                     SUB_COLS, NULL};
static const struct ud_list_frag digit_frag_count = {" FROM member_subs x CROSS JOIN members m", ud_member_phone_cond,
                                                     SUB_COLS, &idnum_frag_count};

const struct ud_list_frag *ud_member_frags(struct ud_member_frags *fr, const char *from_name, const char *from_sub,
                                           const char *id_col, const char *text)
{
    memset(fr, 0, sizeof *fr);
    fr->name.from = from_name;
    fr->name.cond = ud_member_gram_cond;
    fr->name.ncols = 2;
    fr->name.cols[0] = (struct ud_frag_col){"x.member_id", UD_FRAG_NUM};
    fr->name.cols[1] = (struct ud_frag_col){id_col, UD_FRAG_ID};
    fr->phone.from = fr->idnum.from = from_sub;
    fr->phone.cond = ud_member_phone_cond;
    fr->idnum.cond = ud_member_idnum_cond;
    fr->phone.ncols = fr->idnum.ncols = 3;
    fr->phone.cols[0] = fr->idnum.cols[0] = (struct ud_frag_col){"x.term", UD_FRAG_TEXT};
    fr->phone.cols[1] = fr->idnum.cols[1] = (struct ud_frag_col){"x.member_id", UD_FRAG_NUM};
    fr->phone.cols[2] = fr->idnum.cols[2] = (struct ud_frag_col){id_col, UD_FRAG_ID};
    if (!ud_is_number_query(text))
        return &fr->name;
    size_t len = strlen(text);
    if (len < 3)
        return NULL;
    if (len > 3)
        fr->phone.next = &fr->idnum;
    return &fr->phone;
}

/* Whether the member m matches the search at all, as a condition checked
 * row by row: for sums and exports over lists that join members. */
void ud_member_match_cond(struct ud_sqlbuf *q, int *w, const char *text)
{
    int t = ud_sql_text(q, text);
    char buf[400];
    if (ud_is_number_query(text))
        snprintf(buf, sizeof buf,
                 "(m.id_number >= upper(?%d) AND m.id_number < upper(?%d) || char(1114111) OR "
                 "m.phone >= ?%d AND m.phone < ?%d || char(1114111) OR "
                 "length(?%d) >= 3 AND instr(m.phone, ?%d) > 0 OR length(?%d) >= 4 AND instr(m.id_number, upper(?%d)) > 0)",
                 t, t, t, t, t, t, t, t);
    else
        snprintf(buf, sizeof buf, "instr(m.name, ?%d) > 0", t);
    ud_sql_where(q, w, buf);
}

/* None under 3 digits; phone runs at 3; phone then ID number runs from 4. */
static const struct ud_list_frag *digit_frags(const char *t, int counting)
{
    size_t len = strlen(t);
    if (len < 3)
        return NULL;
    if (len == 3)
        return counting ? &phone_frag_count : &phone_frag;
    return counting ? &digit_frag_count : &digit_frag;
}

/* The search text as matched: ID numbers hold an upper-case X. */
void ud_member_search_text(const char *q, char *out, size_t outsz)
{
    snprintf(out, outsz, "%s", q);
    if (ud_is_number_query(out))
        for (char *p = out; *p; p++)
            *p = (char)toupper((unsigned char)*p);
}

int ud_member_list(struct ud_db *db, const struct ud_member_filter *f, const struct ud_page *pg,
                   struct ud_member *rows, struct ud_cursor *cursors, int *n, struct ud_err *err)
{
    struct list_arg a = {f, 0};
    struct ud_list_spec spec = {MEMBER_COLS, MEMBER_FROM, MEMBER_NCOLS, "m.id", sizeof *rows,
                                read_row, list_filter, &a};
    const char *q = f ? f->query : NULL;
    if (q && *q) {
        char t[256];
        int few;
        if (few_filtered(db, f, &few, err) != UD_OK)
            return err->status;
        a.walk = !few;
        ud_member_search_text(q, t, sizeof t);
        if (ud_is_number_query(t))
            return ud_list_search(db, &spec, few ? number_keys_few : number_keys, 2, digit_frags(t, 0), t, pg,
                                  rows, cursors, n, err);
        return ud_list_search(db, &spec, few ? name_keys_few : name_keys, 1, &name_frag, t, pg, rows, cursors, n,
                              err);
    }
    return ud_list_fetch(db, &spec, ud_list_sort_key(ud_member_sort_keys, pg->sort), 1, NULL, pg, rows,
                         cursors, n, err);
}

/* Pages of the list, for a search: its groups are the list's own. */
static int each_by_pages(struct ud_db *db, const struct ud_member_filter *f, const char *sort, int desc,
                         int (*cb)(const struct ud_member *m, void *arg), void *arg, struct ud_err *err)
{
    struct ud_member *rows = malloc(UD_PAGE_MAX * sizeof *rows);
    struct ud_cursor *cursors = malloc(UD_PAGE_MAX * sizeof *cursors);
    int status = UD_OK, stop = 0;
    if (!rows || !cursors) {
        status = ud_err_nomem(err);
        goto out;
    }
    struct ud_page pg;
    memset(&pg, 0, sizeof pg);
    pg.limit = UD_PAGE_MAX;
    pg.sort = sort;
    pg.desc = desc;
    for (;;) {
        int n = 0;
        if ((status = ud_member_list(db, f, &pg, rows, cursors, &n, err)) != UD_OK)
            goto out;
        for (int i = 0; i < n && !stop; i++)
            stop = cb(&rows[i], arg);
        if (stop || n < UD_PAGE_MAX)
            break;
        pg.after = cursors[n - 1];
    }
    status = stop ? stop : UD_OK;
out:
    free(rows);
    free(cursors);
    return status;
}

int ud_member_each(struct ud_db *db, const struct ud_member_filter *f, const char *sort, int desc,
                   int (*cb)(const struct ud_member *m, void *arg), void *arg, struct ud_err *err)
{
    const char *q = f ? f->query : NULL;
    if (q && *q)
        return each_by_pages(db, f, sort, desc, cb, arg, err);
    /* Pages of a filtered list would each read the filter's rows through
     * its index and sort them (an org of 67,000 members: 35 s for all the
     * pages); one statement reads them once: along the sort index with the
     * filters checked row by row, or, when they hold few rows, through
     * their index and one small sort. */
    int few;
    if (few_filtered(db, f, &few, err) != UD_OK)
        return err->status;
    struct list_arg a = {f, !few};
    struct ud_sqlbuf b;
    int w = 0;
    ud_sql_init(&b, MEMBER_COLS MEMBER_FROM);
    list_filter(&b, &w, &a);
    const struct ud_sort_key *k = ud_list_sort_key(ud_member_sort_keys, sort);
    ud_sql_add(&b, " ORDER BY ");
    ud_sql_add(&b, k->expr);
    ud_sql_add(&b, desc ? " DESC, m.id DESC" : ", m.id");
    sqlite3_stmt *st;
    if (ud_sql_prepare(db, &b, &st, err) != UD_OK)
        return err->status;
    struct ud_member m;
    int rc = SQLITE_DONE, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        memset(&m, 0, sizeof m);
        read_row(st, &m);
        stop = cb(&m, arg);
    }
    int status = stop ? stop : rc == SQLITE_DONE ? UD_OK : ud_db_error(db, rc, err);
    sqlite3_finalize(st);
    return status;
}

int ud_member_locate(struct ud_db *db, const struct ud_member_filter *f, const char *sort, int64_t id,
                     struct ud_cursor *at, struct ud_err *err)
{
    struct ud_member_filter g;
    if (f)
        g = *f;
    else
        memset(&g, 0, sizeof g);
    g.query = NULL;
    struct list_arg a = {&g, 0};
    struct ud_list_spec spec = {MEMBER_COLS, MEMBER_FROM, MEMBER_NCOLS, "m.id", sizeof(struct ud_member),
                                read_row, list_filter, &a};
    return ud_list_locate(db, &spec, ud_list_sort_key(ud_member_sort_keys, sort), id, at, err);
}

int ud_member_count(struct ud_db *db, const struct ud_member_filter *f, int64_t *count, struct ud_err *err)
{
    struct list_arg a = {f, 0};
    struct ud_list_spec spec = {MEMBER_COLS, " FROM members m", MEMBER_NCOLS, "m.id", sizeof(struct ud_member),
                                read_row, list_filter, &a};
    const char *q = f ? f->query : NULL;
    if (!q || !*q)
        return ud_list_count(db, &spec, name_keys, 1, NULL, count, err);
    char t[256];
    int few;
    if (few_filtered(db, f, &few, err) != UD_OK)
        return err->status;
    a.walk = !few;
    ud_member_search_text(q, t, sizeof t);
    if (ud_is_number_query(t))
        return ud_list_search_count(db, &spec, few ? number_keys_few : number_keys, 2, digit_frags(t, 1), t, count,
                                    err);
    return ud_list_search_count(db, &spec, few ? name_keys_few : name_keys, 1, &name_frag_count, t, count, err);
}
