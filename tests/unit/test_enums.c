/* Enumerations: users type a code or a label in either language; the
 * stored value is the code; labels follow the user's language. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "uniondesk/enums.h"
#include "uniondesk/i18n.h"
#include "uniondesk/utf8.h"

static const struct ud_enum *const all[] = {
    &ud_enum_org_kind,          &ud_enum_org_status,        &ud_enum_gender,
    &ud_enum_member_status,     &ud_enum_education,         &ud_enum_political_status,
    &ud_enum_hukou_type,        &ud_enum_case_status,       &ud_enum_dispute_type,
    &ud_enum_level,             &ud_enum_event_kind,        &ud_enum_hardship_level,
    &ud_enum_hardship_category, &ud_enum_recipient_status,  &ud_enum_aid_program,
    &ud_enum_grant_status,      &ud_enum_course_category,   &ud_enum_role,
};
#define NALL (sizeof all / sizeof all[0])

static int reset_lang(void **state)
{
    (void)state;
    ud_lang = UD_LANG_ZH;
    return 0;
}

static const char *code_of(const struct ud_enum *e, const char *in)
{
    const struct ud_enum_item *it = ud_enum_find(e, in);
    return it ? it->code : NULL;
}

static void find_by_code_and_labels(void **state)
{
    (void)state;
    assert_string_equal(code_of(&ud_enum_gender, "M"), "M");
    assert_string_equal(code_of(&ud_enum_gender, "男"), "M");
    assert_string_equal(code_of(&ud_enum_gender, "male"), "M");
    assert_string_equal(code_of(&ud_enum_gender, "女"), "F");
    assert_string_equal(code_of(&ud_enum_gender, "female"), "F");
    assert_string_equal(code_of(&ud_enum_org_kind, "enterprise_union"), "enterprise_union");
    assert_string_equal(code_of(&ud_enum_org_kind, "企业(基层)工会"), "enterprise_union");
    assert_string_equal(code_of(&ud_enum_org_kind, "enterprise union"), "enterprise_union");
    assert_string_equal(code_of(&ud_enum_case_status, "调解中"), "mediating");
    assert_string_equal(code_of(&ud_enum_dispute_type, "工伤"), "work_injury");
    assert_string_equal(code_of(&ud_enum_political_status, "群众"), "masses");
    assert_string_equal(code_of(&ud_enum_role, "管理员"), "admin");
}

static void codes_are_case_insensitive_and_trimmed(void **state)
{
    (void)state;
    assert_string_equal(code_of(&ud_enum_gender, "m"), "M");
    assert_string_equal(code_of(&ud_enum_gender, "f"), "F");
    assert_string_equal(code_of(&ud_enum_org_kind, "ENTERPRISE_UNION"), "enterprise_union");
    assert_string_equal(code_of(&ud_enum_case_status, "Mediating"), "mediating");
    assert_string_equal(code_of(&ud_enum_gender, "FEMALE"), "F");
    assert_string_equal(code_of(&ud_enum_gender, "  女  "), "F");
    assert_string_equal(code_of(&ud_enum_gender, "\xE3\x80\x80男\xE3\x80\x80"), "M");
}

static void unknown_values_are_refused(void **state)
{
    (void)state;
    assert_null(ud_enum_find(&ud_enum_gender, "X"));
    assert_null(ud_enum_find(&ud_enum_gender, ""));
    assert_null(ud_enum_find(&ud_enum_gender, "   "));
    assert_null(ud_enum_find(&ud_enum_gender, NULL));
    assert_null(ud_enum_find(&ud_enum_gender, "男性"));
    assert_null(ud_enum_find(&ud_enum_gender, "ma"));
    /* short forms are not guessed: 街道 is a level, not an org kind */
    assert_null(ud_enum_find(&ud_enum_org_kind, "街道"));
    assert_non_null(ud_enum_find(&ud_enum_level, "街道"));
    /* a code of another enumeration */
    assert_null(ud_enum_find(&ud_enum_gender, "active"));
    /* a code padded past any small buffer, then junk */
    char s[300];
    memset(s, ' ', sizeof s - 1);
    memcpy(s, "M", 1);
    s[sizeof s - 2] = 'x';
    s[sizeof s - 1] = '\0';
    assert_null(ud_enum_find(&ud_enum_gender, s));
}

/* Every item is found by its code and by both labels, and by nothing that
 * names another item of the same enumeration. */
static void every_item_is_found_unambiguously(void **state)
{
    (void)state;
    for (size_t k = 0; k < NALL; k++) {
        const struct ud_enum *e = all[k];
        assert_true(e->count > 0);
        for (int i = 0; i < e->count; i++) {
            const struct ud_enum_item *it = &e->items[i];
            const char *keys[] = {it->code, it->zh, it->en};
            for (size_t j = 0; j < 3; j++)
                if (ud_enum_find(e, keys[j]) != it)
                    fail_msg("%s: \"%s\" does not find %s", e->name, keys[j], it->code);
            assert_int_equal(ud_enum_index(e, it->code), i);
            assert_true(ud_utf8_valid(it->zh, strlen(it->zh)));
        }
    }
}

static void labels_follow_the_language(void **state)
{
    (void)state;
    ud_lang = UD_LANG_ZH;
    assert_string_equal(ud_enum_label(&ud_enum_gender, "M"), "男");
    assert_string_equal(ud_enum_label(&ud_enum_case_status, "not_accepted"), "不予受理");
    ud_lang = UD_LANG_EN;
    assert_string_equal(ud_enum_label(&ud_enum_gender, "M"), "male");
    assert_string_equal(ud_enum_label(&ud_enum_case_status, "not_accepted"), "not accepted");
    /* unknown codes are shown as they are; labels are not codes */
    assert_string_equal(ud_enum_label(&ud_enum_gender, "X"), "X");
    assert_string_equal(ud_enum_label(&ud_enum_gender, "男"), "男");
    assert_string_equal(ud_enum_label(&ud_enum_gender, NULL), "");
    /* labels look codes up exactly (stored codes are canonical) */
    assert_string_equal(ud_enum_label(&ud_enum_gender, "m"), "m");
    assert_int_equal(ud_enum_index(&ud_enum_gender, "m"), -1);
    assert_int_equal(ud_enum_index(&ud_enum_gender, NULL), -1);
    ud_lang = UD_LANG_ZH;
}

static void choices_list_what_may_be_typed(void **state)
{
    (void)state;
    char out[512];
    ud_lang = UD_LANG_ZH;
    ud_enum_choices(&ud_enum_gender, out, sizeof out);
    assert_string_equal(out, "男/女");
    ud_enum_choices(&ud_enum_case_status, out, sizeof out);
    assert_string_equal(out, "登记/受理/调解中/调解成功/调解不成/撤回/不予受理");
    /* English lists the codes: some English labels contain '/' themselves
     * ("street/town federation"), which would make "a/b/c" ambiguous */
    ud_lang = UD_LANG_EN;
    ud_enum_choices(&ud_enum_gender, out, sizeof out);
    assert_string_equal(out, "M/F");
    /* in both languages every item is listed, as something that finds it
     * again when typed (a Chinese label with its own '/', 高中/中专, still
     * finds its item when typed whole) */
    for (int lang = 0; lang < 2; lang++) {
        ud_lang = lang ? UD_LANG_EN : UD_LANG_ZH;
        for (size_t k = 0; k < NALL; k++) {
            ud_enum_choices(all[k], out, sizeof out);
            for (int i = 0; i < all[k]->count; i++) {
                const char *shown = lang ? all[k]->items[i].code : all[k]->items[i].zh;
                if (!strstr(out, shown))
                    fail_msg("%s: \"%s\" not in \"%s\"", all[k]->name, shown, out);
                assert_ptr_equal(ud_enum_find(all[k], shown), &all[k]->items[i]);
            }
        }
    }
    ud_lang = UD_LANG_ZH;
    /* a short buffer is cut, still terminated, never overrun */
    char small[12];
    memset(small, 'Z', sizeof small);
    ud_enum_choices(&ud_enum_case_status, small, 8);
    assert_true(strlen(small) < 8);
    assert_int_equal(small[8], 'Z');
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(find_by_code_and_labels, reset_lang),
        cmocka_unit_test_setup(codes_are_case_insensitive_and_trimmed, reset_lang),
        cmocka_unit_test_setup(unknown_values_are_refused, reset_lang),
        cmocka_unit_test_setup(every_item_is_found_unambiguously, reset_lang),
        cmocka_unit_test_setup(labels_follow_the_language, reset_lang),
        cmocka_unit_test_setup(choices_list_what_may_be_typed, reset_lang),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
