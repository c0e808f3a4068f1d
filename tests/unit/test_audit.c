/* The audit log's notes and queries, and the masks (privacy.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"
#include "uniondesk/audit.h"
#include "uniondesk/fields.h"
#include "uniondesk/member.h"
#include "uniondesk/parse.h"
#include "uniondesk/privacy.h"

static int setup(void **state)
{
    *state = tu_setup();
    return 0;
}

static int teardown(void **state)
{
    tu_teardown(*state);
    return 0;
}

static void phones_masked(void **state)
{
    (void)state;
    char out[UD_PHONE_SZ + 8];
    ud_mask_phone("13812345678", out, sizeof out);
    assert_string_equal(out, "138****5678");
    ud_mask_phone("0574-86888888", out, sizeof out);
    assert_string_equal(out, "057****8888");
    ud_mask_phone("12345", out, sizeof out);
    assert_string_equal(out, "****");
    ud_mask_phone("", out, sizeof out);
    assert_string_equal(out, "");
}

static void notes_record_both_accounts(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    ud_err_clear(&err);
    tu_login(fx, "officer");
    assert_int_equal(ud_audit_note(fx->db, "members", 42, "read", "id_number", &err), UD_OK);
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM audit_log WHERE action = 'read' AND login = 'officer' "
                                "AND os_login = ud_os_login() AND tbl = 'members' AND row_id = 42 "
                                "AND json_extract(after_json, '$.detail') = 'id_number'"),
                     1);
    /* writes are not notes */
    ud_err_clear(&err);
    assert_int_not_equal(ud_audit_note(fx->db, "members", 42, "update", "x", &err), UD_OK);
    assert_int_equal(tu_audit_count(fx, "members", "update"), 0);
}

static void reveal_is_for_officers_and_recorded(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    ud_err_clear(&err);
    tu_login(fx, "clerk");
    assert_int_equal(ud_reveal_id_number(fx->db, "members", 7, &err), UD_ERR_PERM);
    tu_login(fx, "nobody-here");
    ud_err_clear(&err);
    assert_int_equal(ud_reveal_id_number(fx->db, "members", 7, &err), UD_ERR_PERM);
    assert_int_equal(tu_audit_count(fx, "members", "read"), 0);
    tu_login(fx, "officer");
    ud_err_clear(&err);
    assert_int_equal(ud_reveal_id_number(fx->db, "members", 7, &err), UD_OK);
    assert_int_equal(tu_audit_count(fx, "members", "read"), 1);
}

static void display_masks_ids_always_and_phones_for_strangers(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t id = tu_member(fx, "张三丰", "19850312", 123);
    struct ud_member m;
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_member_get(fx->db, id, &m, &err), UD_OK);
    snprintf(m.phone, sizeof m.phone, "%s", "13812345678");
    const struct ud_field *fid = ud_field_find(ud_member_fields, "id_number");
    const struct ud_field *fph = ud_field_find(ud_member_fields, "phone");
    char out[64], masked[UD_IDNUM_SZ];
    ud_mask_id_number(m.id_number, masked, sizeof masked);
    const char *who[] = {"admin", "officer", "clerk", "stranger"};
    for (int i = 0; i < 4; i++) {
        tu_login(fx, who[i]);
        ud_field_format(fx->db, fid, &m, UD_FMT_DISPLAY, out, sizeof out);
        assert_string_equal(out, masked);
        ud_field_format(fx->db, fid, &m, UD_FMT_CODE, out, sizeof out);
        assert_string_equal(out, m.id_number); /* files and forms get the value */
        ud_field_format(fx->db, fph, &m, UD_FMT_DISPLAY, out, sizeof out);
        assert_string_equal(out, i == 3 ? "138****5678" : "13812345678");
    }
}

static void list_is_for_admins_newest_first_by_pages(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    ud_err_clear(&err);
    tu_login(fx, "clerk");
    for (int i = 1; i <= 10; i++)
        assert_int_equal(ud_audit_note(fx->db, "cases", i, "print", "p", &err), UD_OK);
    struct ud_audit rows[4];
    struct ud_cursor cur[4];
    struct ud_page pg;
    memset(&pg, 0, sizeof pg);
    pg.limit = 4;
    struct ud_audit_filter f = {"cases", 0, NULL, NULL, NULL, "print"};
    int n = -1;
    assert_int_equal(ud_audit_list(fx->db, &f, &pg, rows, cur, &n, &err), UD_ERR_PERM);
    tu_login(fx, "admin");
    ud_err_clear(&err);
    int64_t seen[16];
    int total = 0;
    for (;;) {
        assert_int_equal(ud_audit_list(fx->db, &f, &pg, rows, cur, &n, &err), UD_OK);
        for (int i = 0; i < n; i++)
            seen[total++] = rows[i].row_id;
        if (n < 4)
            break;
        pg.after = cur[n - 1];
    }
    assert_int_equal(total, 10);
    for (int i = 0; i < 10; i++)
        assert_int_equal(seen[i], 10 - i); /* newest first, none twice */
    /* backward from the second page's last row (3): the three shown above
     * it, in screen order */
    pg.backward = 1;
    pg.limit = 3;
    assert_int_equal(pg.after.id > 0, 1);
    assert_int_equal(ud_audit_list(fx->db, &f, &pg, rows, cur, &n, &err), UD_OK);
    assert_int_equal(n, 3);
    assert_int_equal(rows[0].row_id, 6);
    assert_int_equal(rows[2].row_id, 4);
    /* --user matches the account acted as or the OS account */
    struct ud_audit_filter byuser = {NULL, 0, "clerk", NULL, NULL, NULL};
    memset(&pg, 0, sizeof pg);
    pg.limit = 4;
    assert_int_equal(ud_audit_list(fx->db, &byuser, &pg, rows, cur, &n, &err), UD_OK);
    assert_int_equal(n, 4);
    assert_string_equal(rows[0].login, "clerk");
    byuser.user = ud_os_login();
    assert_int_equal(ud_audit_list(fx->db, &byuser, &pg, rows, cur, &n, &err), UD_OK);
    assert_int_equal(n, 4);
    byuser.user = "nobody-at-all";
    assert_int_equal(ud_audit_list(fx->db, &byuser, &pg, rows, cur, &n, &err), UD_OK);
    assert_int_equal(n, 0);
}

struct changes {
    int n, changed;
    char keys[512];
};

static int collect(const char *key, const char *before, const char *after, void *ctx)
{
    struct changes *c = ctx;
    c->n++;
    if (before && after && strcmp(before, after) != 0) {
        c->changed++;
        strncat(c->keys, key, sizeof c->keys - strlen(c->keys) - 2);
        strcat(c->keys, " ");
    }
    return 0;
}

static void an_entry_column_by_column(void **state)
{
    struct tu_fixture *fx = *state;
    int64_t id = tu_member(fx, "张三丰", "19850312", 123);
    struct ud_member m;
    struct ud_err err;
    ud_err_clear(&err);
    assert_int_equal(ud_member_get(fx->db, id, &m, &err), UD_OK);
    snprintf(m.phone, sizeof m.phone, "%s", "13812345678");
    assert_int_equal(ud_member_update(fx->db, &m, &err), UD_OK);
    int64_t entry = tu_int(fx, "SELECT max(id) FROM audit_log WHERE tbl = 'members' AND action = 'update'");
    struct changes c = {0, 0, ""};
    assert_int_equal(ud_audit_changes(fx->db, entry, collect, &c, &err), UD_OK);
    assert_true(c.n > 10); /* every column of the row */
    assert_int_equal(c.changed, 2);
    assert_string_equal(c.keys, "phone version ");
    tu_login(fx, "officer");
    assert_int_equal(ud_audit_changes(fx->db, entry, collect, &c, &err), UD_ERR_PERM);
}

static void filter_check(void **state)
{
    (void)state;
    struct ud_err err;
    ud_err_clear(&err);
    struct ud_audit_filter f = {NULL, 0, NULL, "2026-02-30", NULL, "drop"};
    assert_int_equal(ud_audit_filter_check(&f, &err), UD_ERR_INVALID);
    assert_non_null(ud_err_find(&err, "action"));
    assert_non_null(ud_err_find(&err, "from"));
}

int main(void)
{
#define T_(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(phones_masked),
        T_(notes_record_both_accounts),
        T_(reveal_is_for_officers_and_recorded),
        T_(display_masks_ids_always_and_phones_for_strangers),
        T_(list_is_for_admins_newest_first_by_pages),
        T_(an_entry_column_by_column),
        cmocka_unit_test(filter_check),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
