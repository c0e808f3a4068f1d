/* Field tables: typed text goes in through ud_field_set (a field error
 * naming the field when it is bad), comes out through ud_field_format in
 * three modes, and required fields are checked. Uses the member and org
 * tables, plus a small table of its own for the types those two lack
 * (money, multi-line text, a date that may lie in the future). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"
#include "uniondesk/fields.h"
#include "uniondesk/i18n.h"
#include "uniondesk/member.h"
#include "uniondesk/org.h"
#include "uniondesk/utf8.h"

struct note {
    char flag;             /* puts the text fields at odd offsets */
    char body[400];
    int64_t amount;
    char due[UD_DATE_SZ];
};

#define S struct note
static const struct ud_field note_fields[] = {
    UD_FIELD_LONGTEXT(S, "body", "内容", "body", body, 100, 0),
    UD_FIELD_OF(S, UD_F_MONEY, "amount", "金额", "amount", amount, UD_FF_REQUIRED),
    UD_FIELD_OF(S, UD_F_DATE, "due", "期限", "due", due, 0),
    UD_FIELD_END,
};
#undef S

static int group_setup(void **state)
{
    *state = tu_setup(); /* also sets UNIONDESK_TODAY=2026-11-26 */
    return 0;
}

static int group_teardown(void **state)
{
    tu_teardown(*state);
    return 0;
}

static int zh(void **state)
{
    (void)state;
    ud_lang = UD_LANG_ZH;
    setenv("UNIONDESK_TODAY", "2026-11-26", 1);
    return 0;
}

static const struct ud_field *F(const struct ud_field *defs, const char *name)
{
    for (const struct ud_field *f = defs; f->name; f++)
        if (strcmp(f->name, name) == 0)
            return f;
    fail_msg("no field %s", name);
    return NULL;
}

/* Sets one field and expects it accepted with no warning. */
#define SET_OK(db, defs, rec, name, text)                                          \
    do {                                                                           \
        struct ud_err e_;                                                          \
        ud_err_clear(&e_);                                                         \
        if (ud_field_set((db), F((defs), (name)), (rec), (text), &e_) != UD_OK) {  \
            char b_[600];                                                          \
            ud_err_text(&e_, b_, sizeof b_);                                       \
            fail_msg("%s \"%s\" refused: %s", (name), (text), b_);                 \
        }                                                                          \
        assert_int_equal(e_.status, UD_OK);                                        \
        assert_int_equal(e_.nwarnings, 0);                                         \
    } while (0)

static void fmt(struct ud_db *db, const struct ud_field *defs, const void *rec, const char *name,
                enum ud_fmt mode, char *out, size_t outsz)
{
    ud_field_format(db, F(defs, name), rec, mode, out, outsz);
}

/* ============================================================== lookup */

static void fields_are_found_by_name_or_label(void **state)
{
    (void)state;
    assert_ptr_equal(ud_field_find(ud_member_fields, "id_number"), F(ud_member_fields, "id_number"));
    assert_ptr_equal(ud_field_find(ud_member_fields, "身份证号"), F(ud_member_fields, "id_number"));
    assert_ptr_equal(ud_field_find(ud_member_fields, "ID number"), F(ud_member_fields, "id_number"));
    assert_ptr_equal(ud_field_find(ud_member_fields, " 姓名 "), F(ud_member_fields, "name"));
    assert_ptr_equal(ud_field_find(ud_org_fields, "统一社会信用代码"), F(ud_org_fields, "credit_code"));
    assert_null(ud_field_find(ud_member_fields, "nope"));
    assert_null(ud_field_find(ud_member_fields, ""));
    assert_null(ud_field_find(ud_member_fields, NULL));
    /* a column name padded past any small buffer, then junk */
    char s[300];
    memset(s, ' ', sizeof s - 1);
    memcpy(s, "name", 4);
    s[sizeof s - 2] = 'x';
    s[sizeof s - 1] = '\0';
    assert_null(ud_field_find(ud_member_fields, s));

    /* name, id_number, org, gender, birth_date, ethnicity, education,
     * political_status, hukou_type, phone, join_date, status, is_migrant,
     * job_title, card_no */
    assert_int_equal(ud_field_count(ud_member_fields), 15);
    assert_int_equal(ud_field_count(note_fields), 3);
    assert_string_equal(ud_field_label(F(ud_member_fields, "phone")), "电话");
    ud_lang = UD_LANG_EN;
    assert_string_equal(ud_field_label(F(ud_member_fields, "phone")), "phone");
}

/* Every code of an enumeration field fits the record's char array. */
static void enum_codes_fit_their_fields(void **state)
{
    (void)state;
    const struct ud_field *tables[] = {ud_member_fields, ud_org_fields};
    for (size_t t = 0; t < 2; t++)
        for (const struct ud_field *f = tables[t]; f->name; f++) {
            if (f->type != UD_F_ENUM)
                continue;
            for (int i = 0; i < f->choices->count; i++)
                if (strlen(f->choices->items[i].code) >= f->size)
                    fail_msg("%s: code %s does not fit %zu bytes", f->name,
                             f->choices->items[i].code, f->size);
        }
}

/* ========================================================== good values */

static void good_values_of_every_type(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_member m;
    ud_member_init(&m);
    SET_OK(fx->db, ud_member_fields, &m, "name", "  张三丰\xE3\x80\x80");
    assert_string_equal(m.name, "张三丰");
    SET_OK(fx->db, ud_member_fields, &m, "id_number", "11010519491231002x");
    assert_string_equal(m.id_number, "11010519491231002X");
    SET_OK(fx->db, ud_member_fields, &m, "org", "BL-XQ-DG-001");
    assert_int_equal(m.org_id, fx->enterprise);
    SET_OK(fx->db, ud_member_fields, &m, "gender", "女");
    assert_string_equal(m.gender, "F");
    SET_OK(fx->db, ud_member_fields, &m, "education", "bachelor");
    assert_string_equal(m.education, "bachelor");
    SET_OK(fx->db, ud_member_fields, &m, "political_status", "群众");
    assert_string_equal(m.political_status, "masses");
    SET_OK(fx->db, ud_member_fields, &m, "phone", "138-0013-8000");
    assert_string_equal(m.phone, "13800138000");
    SET_OK(fx->db, ud_member_fields, &m, "join_date", "2020年1月2日");
    assert_string_equal(m.join_date, "2020-01-02");
    SET_OK(fx->db, ud_member_fields, &m, "is_migrant", "是");
    assert_int_equal(m.is_migrant, 1);
    SET_OK(fx->db, ud_member_fields, &m, "is_migrant", "no");
    assert_int_equal(m.is_migrant, 0);

    struct ud_org o;
    ud_org_init(&o);
    SET_OK(fx->db, ud_org_fields, &o, "kind", "联合工会");
    assert_string_equal(o.kind, "joint_union");
    SET_OK(fx->db, ud_org_fields, &o, "units_covered", "120");
    assert_int_equal(o.units_covered, 120);
    SET_OK(fx->db, ud_org_fields, &o, "staff_count", "10000000");
    assert_int_equal(o.staff_count, 10000000);
    SET_OK(fx->db, ud_org_fields, &o, "credit_code", "91350100m000100y43");
    assert_string_equal(o.credit_code, "91350100M000100Y43");
    SET_OK(fx->db, ud_org_fields, &o, "phone", "057486888888");
    assert_string_equal(o.phone, "0574-86888888");
    SET_OK(fx->db, ud_org_fields, &o, "parent", "BL");
    assert_int_equal(o.parent_id, fx->district);

    struct note n;
    memset(&n, 0, sizeof n);
    SET_OK(NULL, note_fields, &n, "amount", "12.5万");
    assert_int_equal(n.amount, 12500000);
    SET_OK(NULL, note_fields, &n, "amount", "¥1,234.50");
    assert_int_equal(n.amount, 123450);
    SET_OK(NULL, note_fields, &n, "body", "第一行\n第二行\t完");
    assert_string_equal(n.body, "第一行\n第二行\t完");
    SET_OK(NULL, note_fields, &n, "due", "2030-01-01"); /* no NOFUTURE flag */
    assert_string_equal(n.due, "2030-01-01");
}

/* ============================================================ bad values */

struct bad_case {
    const struct ud_field *defs;
    const char *field, *text, *reason;
};

static void bad_values_name_the_field(void **state)
{
    struct tu_fixture *fx = *state;
    char long31[200] = "";
    for (int i = 0; i < 31; i++)
        strcat(long31, "名");
    const struct bad_case cases[] = {
        {ud_member_fields, "name", long31, "过长"},
        {ud_member_fields, "name", "张\x1B三", "控制字符"},
        {ud_member_fields, "name", "张\n三", "换行"},
        {ud_member_fields, "name", "\xFF", "UTF-8"},
        {ud_member_fields, "id_number", "330206198503120091", "校验位"},
        {ud_member_fields, "id_number", "330206850312009", "15位"},
        {ud_member_fields, "org", "NO-SUCH-ORG", "NO-SUCH-ORG"},
        {ud_member_fields, "gender", "X", "男/女"},
        {ud_member_fields, "phone", "12800138000", "手机号"},
        {ud_member_fields, "join_date", "2026-02-30", "没有这一天"},
        {ud_member_fields, "join_date", "2026-11-27", "不能晚于今天（2026-11-26）"},
        {ud_member_fields, "is_migrant", "maybe", "是/否"},
        {ud_org_fields, "units_covered", "-1", "0到1000000之间"},
        {ud_org_fields, "units_covered", "1000001", "0到1000000之间"},
        {ud_org_fields, "staff_count", "abc", "整数"},
        {ud_org_fields, "credit_code", "91350100M000100Y4", "18位"},
        {ud_org_fields, "credit_code", "91350100I000100Y43", "无效字符"},
        {ud_org_fields, "established_on", "2027-01-01", "不能晚于今天"},
        {ud_org_fields, "kind", "街道", "不是有效选项"},
        {note_fields, "amount", "12.345", "两位小数"},
        {note_fields, "amount", "-1", "负数"},
        {note_fields, "body", "a\x07", "控制字符"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct ud_field *f = F(cases[i].defs, cases[i].field);
        union {
            struct ud_member m;
            struct ud_org o;
            struct note n;
        } rec;
        memset(&rec, 0, sizeof rec);
        ud_fields_clear(cases[i].defs, &rec);
        struct ud_err err;
        ud_err_clear(&err);
        int rc = ud_field_set(fx->db, f, &rec, cases[i].text, &err);
        if (rc != UD_ERR_INVALID || err.status != UD_ERR_INVALID || err.nfields != 1)
            fail_msg("%s \"%s\": rc %d, status %d, %d field errors", cases[i].field, cases[i].text, rc,
                     err.status, err.nfields);
        assert_string_equal(err.fields[0].field, f->name);
        assert_string_equal(err.fields[0].label, f->zh);
        if (!strstr(err.fields[0].msg, cases[i].reason))
            fail_msg("%s \"%s\": \"%s\" lacks \"%s\"", cases[i].field, cases[i].text, err.fields[0].msg,
                     cases[i].reason);
        assert_ptr_equal(ud_err_find(&err, f->name), &err.fields[0]);
        assert_true(ud_field_is_empty(f, &rec) || f->type == UD_F_BOOL);
        char text[600], want[300];
        ud_err_text(&err, text, sizeof text);
        snprintf(want, sizeof want, "%s：", f->zh);
        assert_non_null(strstr(text, want));
    }
}

static void field_errors_use_the_users_language(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_member m;
    ud_member_init(&m);
    struct ud_err err;
    ud_err_clear(&err);
    ud_lang = UD_LANG_EN;
    assert_int_equal(ud_field_set(fx->db, F(ud_member_fields, "id_number"), &m, "330206198503120091", &err),
                     UD_ERR_INVALID);
    assert_string_equal(err.fields[0].label, "ID number");
    assert_non_null(strstr(err.fields[0].msg, "check digit"));
    /* a second bad field adds a second error */
    assert_int_equal(ud_field_set(fx->db, F(ud_member_fields, "phone"), &m, "123", &err), UD_ERR_INVALID);
    assert_int_equal(err.nfields, 2);
    assert_string_equal(err.fields[1].field, "phone");
    char text[600];
    ud_err_text(&err, text, sizeof text);
    assert_non_null(strstr(text, "ID number: "));
    assert_non_null(strstr(text, "; phone: "));
}

/* An error message quoting a long value is cut at a character boundary,
 * and so is the one-line text of all errors. */
static void long_messages_stay_valid_utf8(void **state)
{
    struct tu_fixture *fx = *state;
    char text[1000] = "";
    for (int i = 0; i < 150; i++)
        strcat(text, "错");
    struct ud_member m;
    ud_member_init(&m);
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_field_set(fx->db, F(ud_member_fields, "gender"), &m, text, &err), UD_ERR_INVALID);
    const char *msg = err.fields[0].msg;
    assert_true(strlen(msg) > 100);
    assert_true(ud_utf8_valid(msg, strlen(msg)));
    for (int size = 1; size < 40; size++) {
        char line[40];
        ud_err_text(&err, line, size);
        assert_true(strlen(line) < (size_t)size);
        assert_true(ud_utf8_valid(line, strlen(line)));
    }
}

/* Text too long for any field is refused whole, not cut and then parsed. */
static void overlong_input_is_refused_not_truncated(void **state)
{
    struct tu_fixture *fx = *state;
    static char text[5000];
    memset(text, ' ', sizeof text - 1);
    text[0] = '7';
    text[sizeof text - 2] = 'x';
    struct ud_org o;
    ud_org_init(&o);
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_field_set(fx->db, F(ud_org_fields, "units_covered"), &o, text, &err), UD_ERR_INVALID);
    assert_int_equal(o.units_covered, 0);
    assert_non_null(ud_err_find(&err, "units_covered"));
}

/* A refused value leaves the field as it was. */
static void refused_values_leave_the_field_alone(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_member m;
    ud_member_init(&m);
    SET_OK(fx->db, ud_member_fields, &m, "id_number", "330206198503120090");
    SET_OK(fx->db, ud_member_fields, &m, "phone", "13800138000");
    SET_OK(fx->db, ud_member_fields, &m, "join_date", "2020-01-02");
    SET_OK(fx->db, ud_member_fields, &m, "gender", "M");
    SET_OK(fx->db, ud_member_fields, &m, "name", "张三");
    SET_OK(fx->db, ud_member_fields, &m, "org", "BL-XQ-DG-001");
    SET_OK(fx->db, ud_member_fields, &m, "is_migrant", "1");
    struct ud_org o;
    ud_org_init(&o);
    SET_OK(fx->db, ud_org_fields, &o, "credit_code", "91350100M000100Y43");
    SET_OK(fx->db, ud_org_fields, &o, "units_covered", "5");
    struct note n;
    memset(&n, 0, sizeof n);
    SET_OK(NULL, note_fields, &n, "amount", "10");

    struct ud_err err;
    ud_err_clear(&err);
    ud_field_set(fx->db, F(ud_member_fields, "id_number"), &m, "330206198503120091", &err);
    ud_field_set(fx->db, F(ud_member_fields, "phone"), &m, "12345", &err);
    ud_field_set(fx->db, F(ud_member_fields, "join_date"), &m, "2030-01-01", &err);
    ud_field_set(fx->db, F(ud_member_fields, "gender"), &m, "X", &err);
    ud_field_set(fx->db, F(ud_member_fields, "name"), &m, "\x1B", &err);
    ud_field_set(fx->db, F(ud_member_fields, "org"), &m, "NOPE", &err);
    ud_field_set(fx->db, F(ud_member_fields, "is_migrant"), &m, "maybe", &err);
    ud_field_set(fx->db, F(ud_org_fields, "credit_code"), &o, "91350100M000100Y4", &err);
    ud_field_set(fx->db, F(ud_org_fields, "units_covered"), &o, "-5", &err);
    ud_field_set(NULL, F(note_fields, "amount"), &n, "1.001", &err);
    assert_int_equal(err.nfields, 10);

    assert_string_equal(m.id_number, "330206198503120090");
    assert_string_equal(m.phone, "13800138000");
    assert_string_equal(m.join_date, "2020-01-02");
    assert_string_equal(m.gender, "M");
    assert_string_equal(m.name, "张三");
    assert_int_equal(m.org_id, fx->enterprise);
    assert_int_equal(m.is_migrant, 1);
    assert_string_equal(o.credit_code, "91350100M000100Y43");
    assert_int_equal(o.units_covered, 5);
    assert_int_equal(n.amount, 1000);
}

static void empty_text_clears(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_member m;
    ud_member_init(&m);
    SET_OK(fx->db, ud_member_fields, &m, "phone", "13800138000");
    SET_OK(fx->db, ud_member_fields, &m, "org", "BL-XQ-DG-001");
    SET_OK(fx->db, ud_member_fields, &m, "is_migrant", "是");
    SET_OK(fx->db, ud_member_fields, &m, "join_date", "2020-01-02");
    SET_OK(fx->db, ud_member_fields, &m, "status", "withdrawn");
    SET_OK(fx->db, ud_member_fields, &m, "phone", "");
    SET_OK(fx->db, ud_member_fields, &m, "org", "  ");
    SET_OK(fx->db, ud_member_fields, &m, "is_migrant", NULL);
    SET_OK(fx->db, ud_member_fields, &m, "join_date", "\xE3\x80\x80");
    SET_OK(fx->db, ud_member_fields, &m, "status", "");
    assert_string_equal(m.phone, "");
    assert_true(m.org_id == UD_NULL_INT);
    assert_int_equal(m.is_migrant, 0);
    assert_string_equal(m.join_date, "");
    assert_string_equal(m.status, "");
    assert_true(ud_field_is_empty(F(ud_member_fields, "org"), &m));
    assert_true(ud_field_is_empty(F(ud_member_fields, "phone"), &m));

    struct ud_org o;
    ud_org_init(&o);
    SET_OK(fx->db, ud_org_fields, &o, "staff_count", "7");
    SET_OK(fx->db, ud_org_fields, &o, "staff_count", "");
    assert_true(o.staff_count == UD_NULL_INT);
    struct note n;
    memset(&n, 0, sizeof n);
    SET_OK(NULL, note_fields, &n, "amount", "1");
    SET_OK(NULL, note_fields, &n, "amount", "");
    assert_true(n.amount == UD_NULL_INT);
}

static void no_future_dates_follow_today(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_member m;
    ud_member_init(&m);
    SET_OK(fx->db, ud_member_fields, &m, "join_date", "2026-11-26"); /* today */
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_field_set(fx->db, F(ud_member_fields, "join_date"), &m, "20261127", &err),
                     UD_ERR_INVALID);
    setenv("UNIONDESK_TODAY", "2026-11-27", 1);
    SET_OK(fx->db, ud_member_fields, &m, "join_date", "20261127");
    assert_string_equal(m.join_date, "2026-11-27");
}

static void credit_code_mismatch_only_warns(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_org o;
    ud_org_init(&o);
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_field_set(fx->db, F(ud_org_fields, "credit_code"), &o, "91350100M000100Y44", &err),
                     UD_OK);
    assert_int_equal(err.status, UD_OK);
    assert_int_equal(err.nfields, 0);
    assert_int_equal(err.nwarnings, 1);
    assert_non_null(strstr(err.warnings[0], "统一社会信用代码"));
    assert_non_null(strstr(err.warnings[0], "91350100M000100Y44"));
    assert_string_equal(o.credit_code, "91350100M000100Y44"); /* kept as typed */
}

/* ============================================================ formatting */

static void formats_in_three_modes(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_member m;
    ud_member_init(&m);
    SET_OK(fx->db, ud_member_fields, &m, "gender", "F");
    SET_OK(fx->db, ud_member_fields, &m, "org", "BL-XQ-DG-001");
    SET_OK(fx->db, ud_member_fields, &m, "is_migrant", "1");
    SET_OK(fx->db, ud_member_fields, &m, "join_date", "2020-1-2");
    SET_OK(fx->db, ud_member_fields, &m, "name", "张三");
    struct ud_org o;
    ud_org_init(&o);
    SET_OK(fx->db, ud_org_fields, &o, "units_covered", "120");
    struct note n;
    memset(&n, 0, sizeof n);
    SET_OK(NULL, note_fields, &n, "amount", "1234.5");

    static const struct {
        int table; /* 0 member, 1 org, 2 note */
        const char *field;
        const char *display, *edit, *code;
    } cases[] = {
        {0, "gender", "女", "女", "F"},
        {0, "org", "宁波港机械厂工会", "BL-XQ-DG-001", "BL-XQ-DG-001"},
        {0, "is_migrant", "是", "是", "1"},
        {0, "join_date", "2020-01-02", "2020-01-02", "2020-01-02"},
        {0, "name", "张三", "张三", "张三"},
        {0, "phone", "", "", ""}, /* empty stays empty in every mode */
        {0, "education", "", "", ""},
        {1, "units_covered", "120", "120", "120"},
        {1, "staff_count", "0", "0", "0"},
        {2, "amount", "1,234.50", "1234.50", "1234.50"},
    };
    const struct ud_field *defs[] = {ud_member_fields, ud_org_fields, note_fields};
    const void *recs[] = {&m, &o, &n};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[256];
        const char *want[] = {cases[i].display, cases[i].edit, cases[i].code};
        const enum ud_fmt modes[] = {UD_FMT_DISPLAY, UD_FMT_EDIT, UD_FMT_CODE};
        for (int k = 0; k < 3; k++) {
            fmt(fx->db, defs[cases[i].table], recs[cases[i].table], cases[i].field, modes[k], out, sizeof out);
            if (strcmp(out, want[k]) != 0)
                fail_msg("%s mode %d: \"%s\", want \"%s\"", cases[i].field, k, out, want[k]);
        }
    }
    /* labels follow the language; codes do not */
    char out[64];
    ud_lang = UD_LANG_EN;
    fmt(fx->db, ud_member_fields, &m, "gender", UD_FMT_DISPLAY, out, sizeof out);
    assert_string_equal(out, "female");
    fmt(fx->db, ud_member_fields, &m, "is_migrant", UD_FMT_DISPLAY, out, sizeof out);
    assert_string_equal(out, "yes");
    fmt(fx->db, ud_member_fields, &m, "gender", UD_FMT_CODE, out, sizeof out);
    assert_string_equal(out, "F");
    m.is_migrant = 0;
    fmt(fx->db, ud_member_fields, &m, "is_migrant", UD_FMT_CODE, out, sizeof out);
    assert_string_equal(out, "0");
    fmt(fx->db, ud_member_fields, &m, "is_migrant", UD_FMT_EDIT, out, sizeof out);
    assert_string_equal(out, "no");
}

/* What EDIT and CODE modes give back is accepted as typed text and gives
 * the same record. */
static void edit_and_code_text_round_trips(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_member m;
    ud_member_init(&m);
    SET_OK(fx->db, ud_member_fields, &m, "name", "王五");
    SET_OK(fx->db, ud_member_fields, &m, "id_number", "11010519491231002X");
    SET_OK(fx->db, ud_member_fields, &m, "org", "BL-XQ-002");
    SET_OK(fx->db, ud_member_fields, &m, "gender", "F");
    SET_OK(fx->db, ud_member_fields, &m, "education", "senior");
    SET_OK(fx->db, ud_member_fields, &m, "hukou_type", "rural");
    SET_OK(fx->db, ud_member_fields, &m, "phone", "0574-86888888-12");
    SET_OK(fx->db, ud_member_fields, &m, "join_date", "1990-05-01");
    SET_OK(fx->db, ud_member_fields, &m, "is_migrant", "1");
    const enum ud_fmt modes[] = {UD_FMT_EDIT, UD_FMT_CODE};
    for (int k = 0; k < 2; k++)
        for (const struct ud_field *f = ud_member_fields; f->name; f++) {
            if (f->flags & UD_FF_DERIVED)
                continue;
            char text[256], again[256];
            ud_field_format(fx->db, f, &m, modes[k], text, sizeof text);
            struct ud_member copy;
            ud_member_init(&copy);
            struct ud_err err;
            ud_err_clear(&err);
            if (ud_field_set(fx->db, f, &copy, text, &err) != UD_OK)
                fail_msg("%s: \"%s\" (mode %d) refused: %s", f->name, text, k, err.fields[0].msg);
            ud_field_format(fx->db, f, &copy, UD_FMT_CODE, again, sizeof again);
            ud_field_format(fx->db, f, &m, UD_FMT_CODE, text, sizeof text);
            assert_string_equal(again, text);
        }
}

/* ============================================================= required */

static void required_fields(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_member m;
    ud_member_init(&m);
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_fields_check_required(ud_member_fields, &m, &err), UD_ERR_INVALID);
    /* name, id_number, org; not birth_date (derived) nor the optional ones */
    assert_int_equal(err.nfields, 3);
    assert_non_null(ud_err_find(&err, "name"));
    assert_non_null(ud_err_find(&err, "id_number"));
    assert_non_null(ud_err_find(&err, "org"));
    assert_string_equal(ud_err_find(&err, "org")->msg, "必填");
    assert_int_equal(err.status, UD_ERR_INVALID);

    /* a field that already has an error is not reported twice */
    ud_err_clear(&err);
    ud_field_set(fx->db, F(ud_member_fields, "id_number"), &m, "123", &err);
    ud_fields_check_required(ud_member_fields, &m, &err);
    assert_int_equal(err.nfields, 3);

    SET_OK(fx->db, ud_member_fields, &m, "name", "张三");
    SET_OK(fx->db, ud_member_fields, &m, "id_number", "330206198503120090");
    SET_OK(fx->db, ud_member_fields, &m, "org", "BL-XQ-DG-001");
    ud_err_clear(&err);
    assert_int_equal(ud_fields_check_required(ud_member_fields, &m, &err), UD_OK);
    assert_int_equal(err.nfields, 0);
    assert_int_equal(err.status, UD_OK);

    struct ud_org o;
    memset(&o, 0, sizeof o);
    ud_fields_clear(ud_org_fields, &o);
    ud_err_clear(&err);
    assert_int_equal(ud_fields_check_required(ud_org_fields, &o, &err), UD_ERR_INVALID);
    assert_int_equal(err.nfields, 3); /* code, name, kind */
    assert_non_null(ud_err_find(&err, "kind"));

    struct note n;
    memset(&n, 0, sizeof n);
    ud_fields_clear(note_fields, &n);
    ud_err_clear(&err);
    assert_int_equal(ud_fields_check_required(note_fields, &n, &err), UD_ERR_INVALID);
    assert_string_equal(err.fields[0].field, "amount");
    n.amount = 0; /* zero is a value, not empty */
    ud_err_clear(&err);
    assert_int_equal(ud_fields_check_required(note_fields, &n, &err), UD_OK);
}

/* Validating a record built in C reports what is wrong and leaves the
 * record as the caller built it. */
static void validate_leaves_the_record_alone(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_member m;
    ud_member_init(&m);
    snprintf(m.name, sizeof m.name, "张三");
    snprintf(m.id_number, sizeof m.id_number, "330206198503120091"); /* check digit wrong */
    snprintf(m.phone, sizeof m.phone, "12800138000");
    m.org_id = fx->enterprise;
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_fields_validate(fx->db, ud_member_fields, &m, &err), UD_ERR_INVALID);
    assert_int_equal(err.nfields, 2);
    assert_non_null(ud_err_find(&err, "id_number"));
    assert_non_null(ud_err_find(&err, "phone"));
    assert_string_equal(m.id_number, "330206198503120091");
    assert_string_equal(m.phone, "12800138000");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(fields_are_found_by_name_or_label, zh),
        cmocka_unit_test_setup(enum_codes_fit_their_fields, zh),
        cmocka_unit_test_setup(good_values_of_every_type, zh),
        cmocka_unit_test_setup(bad_values_name_the_field, zh),
        cmocka_unit_test_setup(field_errors_use_the_users_language, zh),
        cmocka_unit_test_setup(long_messages_stay_valid_utf8, zh),
        cmocka_unit_test_setup(overlong_input_is_refused_not_truncated, zh),
        cmocka_unit_test_setup(refused_values_leave_the_field_alone, zh),
        cmocka_unit_test_setup(empty_text_clears, zh),
        cmocka_unit_test_setup(no_future_dates_follow_today, zh),
        cmocka_unit_test_setup(credit_code_mismatch_only_warns, zh),
        cmocka_unit_test_setup(formats_in_three_modes, zh),
        cmocka_unit_test_setup(edit_and_code_text_round_trips, zh),
        cmocka_unit_test_setup(required_fields, zh),
        cmocka_unit_test_setup(validate_leaves_the_record_alone, zh),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
