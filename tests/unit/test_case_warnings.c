/* Case validation warns without refusing: an agreed amount above the claim
 * is saved, and the module says so (a warning on agreed_amount), on create,
 * update and the move to succeeded. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"
#include "uniondesk/dispute.h"
#include "uniondesk/i18n.h"

static void succeeded_case(struct tu_fixture *fx, struct ud_case *c, int64_t claim, int64_t agreed)
{
    ud_case_init(c);
    c->mediation_org_id = fx->district;
    snprintf(c->received_on, sizeof c->received_on, "2026-11-01");
    snprintf(c->filed_on, sizeof c->filed_on, "2026-11-02");
    snprintf(c->closed_on, sizeof c->closed_on, "2026-11-20");
    snprintf(c->status, sizeof c->status, "succeeded");
    snprintf(c->dispute_type, sizeof c->dispute_type, "wages");
    snprintf(c->applicant_name, sizeof c->applicant_name, "张三");
    c->claim_fen = claim;
    c->agreed_fen = agreed;
}

static void agreed_above_claim_is_saved_with_a_warning(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    struct ud_case c;
    succeeded_case(fx, &c, 2000000, 3000050);
    OK(ud_case_create(fx->db, &c, &err));
    assert_true(c.id > 0);
    assert_int_equal(c.agreed_fen, 3000050); /* saved as typed */
    assert_int_equal(err.status, UD_OK);
    assert_int_equal(err.nfields, 0);
    assert_int_equal(err.nwarnings, 1);
    assert_string_equal(err.warning_field[0], "agreed_amount");
    assert_string_equal(err.warning_label[0], "协议金额");
    assert_non_null(strstr(err.warnings[0], "30,000.50"));
    assert_non_null(strstr(err.warnings[0], "20,000.00"));
    assert_non_null(strstr(err.warnings[0], "高于涉案金额"));
    /* on update too, in the user's language */
    ud_lang = UD_LANG_EN;
    snprintf(c.outcome, sizeof c.outcome, "settled");
    OK(ud_case_update(fx->db, &c, &err));
    assert_int_equal(err.nwarnings, 1);
    assert_non_null(strstr(err.warnings[0], "above the amount claimed"));
    ud_lang = UD_LANG_ZH;
    /* equal, below, or no claim at all: no warning */
    static const int64_t claims[] = {3000050, 4000000, 0};
    for (int i = 0; i < 3; i++) {
        struct ud_case d;
        succeeded_case(fx, &d, claims[i], 3000050);
        OK(ud_case_create(fx->db, &d, &err));
        assert_int_equal(err.nwarnings, 0);
    }
    assert_int_equal(tu_int(fx, "SELECT count(*) FROM cases"), 4);
}

static void the_move_to_succeeded_warns_too(void **state)
{
    struct tu_fixture *fx = *state;
    struct ud_err err;
    struct ud_case c;
    succeeded_case(fx, &c, 500000, UD_NULL_INT);
    snprintf(c.status, sizeof c.status, "filed");
    c.closed_on[0] = '\0';
    OK(ud_case_create(fx->db, &c, &err));
    assert_int_equal(err.nwarnings, 0);
    struct ud_case_move mv;
    ud_case_move_init(&mv);
    mv.agreed_fen = 600000;
    OK(ud_case_move(fx->db, c.id, c.version, "succeeded", &mv, &err));
    assert_int_equal(err.nwarnings, 1);
    assert_string_equal(err.warning_field[0], "agreed_amount");
    OK(ud_case_get(fx->db, c.id, &c, &err));
    assert_string_equal(c.status, "succeeded");
    assert_int_equal(c.agreed_fen, 600000);
    /* a field error stays an error, and a plain warning has no field */
    ud_err_clear(&err);
    ud_err_warn(&err, "%s", "x");
    assert_null(err.warning_field[0]);
    assert_int_equal(err.status, UD_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(agreed_above_claim_is_saved_with_a_warning, tu_setup_zh, tu_teardown_zh),
        cmocka_unit_test_setup_teardown(the_move_to_succeeded_warns_too, tu_setup_zh, tu_teardown_zh),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
