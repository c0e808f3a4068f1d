/* The case screen's own keys (case_actions.h): status moves, with what
 * each takes asked of the dispute module, timeline entries, and
 * reopening a closed case. */
#include "case_actions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "uniondesk/dispute.h"
#include "uniondesk/i18n.h"
#include "uniondesk/parse.h"
#include "uniondesk/rules.h"

/* ---- status moves ---- */

struct move_input {
    char date[UD_DATE_SZ];
    int64_t agreed;
    char outcome[2004];
    int referred;
    char note[2004];
    char agreement_terms[8004];
    char payment_due_on[UD_DATE_SZ];
};

/* the outcome text says what it is for the status moved to */
enum { MF_DATE, MF_AGREED, MF_OUTCOME, MF_REFERRED, MF_NOTE, MF_TERMS, MF_DUE, MF_REJECT_REASON, MF_END_REASON };
#define S struct move_input
static const struct ud_field move_fields[] = {
    UD_FIELD_OF(S, UD_F_DATE, "date", "日期", "date", date, UD_FF_REQUIRED | UD_FF_NOFUTURE),
    UD_FIELD_OF(S, UD_F_MONEY, "agreed_amount", "协议金额", "amount agreed", agreed, 0),
    UD_FIELD_LONGTEXT(S, "outcome", "调解结果", "outcome", outcome, 500, 0),
    UD_FIELD_OF(S, UD_F_BOOL, "referred", "转仲裁", "referred to arbitration", referred, 0),
    UD_FIELD_LONGTEXT(S, "note", "备注", "note", note, 500, 0),
    UD_FIELD_LONGTEXT(S, "agreement_terms", "协议内容", "agreement terms", agreement_terms, 2000, 0),
    UD_FIELD_OF(S, UD_F_DATE, "payment_due_on", "履行期限", "payment due", payment_due_on, 0),
    UD_FIELD_LONGTEXT(S, "outcome", "不予受理理由", "reason not accepted", outcome, 500, 0),
    UD_FIELD_LONGTEXT(S, "outcome", "终止调解原因", "why mediation ended", outcome, 500, 0),
    UD_FIELD_END,
};
#undef S

struct move_ctx {
    int64_t id;
    int64_t version;
    char to[16];
    /* what the case holds already (drafted while mediating) */
    char agreement_terms[8004];
    char payment_due_on[UD_DATE_SZ];
};

static int move_save(struct tui_app *app, struct tui_form *form, void *ctx, struct ud_err *err)
{
    struct move_ctx *c = ctx;
    struct move_input in;
    ud_fields_clear(move_fields, &in);
    if (tui_form_apply(app, form, move_fields, &in, err) != UD_OK)
        return err->status;
    struct ud_case_move mv;
    ud_case_move_init(&mv);
    mv.date = in.date[0] ? in.date : NULL;
    if (in.agreed != UD_NULL_INT)
        mv.agreed_fen = in.agreed;
    mv.outcome = in.outcome;
    mv.referred_to_arbitration = in.referred;
    mv.note = in.note;
    mv.agreement_terms = in.agreement_terms;
    mv.payment_due_on = in.payment_due_on;
    int st = ud_case_move(app->db, c->id, c->version, c->to, &mv, err);
    /* the module names the date field of the move; the form calls it date */
    const char *dated = ud_case_move_date_field(c->to);
    for (int i = 0; i < err->nfields; i++)
        if (dated && err->fields[i].field && !strcmp(err->fields[i].field, dated))
            err->fields[i].field = "date";
    if (st == UD_OK)
        tui_message(app, T("状态已改为：%s", "status is now: %s"), ud_enum_label(&ud_enum_case_status, c->to));
    return st;
}

static void move_chosen(struct tui_app *app, const struct ud_enum_item *item, void *arg)
{
    const struct move_ctx *base = arg;
    struct move_ctx *c = calloc(1, sizeof *c);
    if (!c)
        return;
    *c = *base;
    snprintf(c->to, sizeof c->to, "%s", item->code);
    char title[200];
    snprintf(title, sizeof title, T("改为“%s”（F2 确定，Esc 取消）", "Move to '%s' (F2 confirms, Esc cancels)"),
             T(item->zh, item->en));
    struct tui_form *form = tui_form_new(title);
    if (!form) {
        free(c);
        return;
    }
    char today[UD_DATE_SZ];
    ud_today(today);
    /* what the move takes is the module's rule */
    unsigned needs = ud_case_move_needs(c->to);
    if (needs & UD_MOVE_DATE)
        tui_form_add(form, &move_fields[MF_DATE], today);
    if (needs & UD_MOVE_AGREED)
        tui_form_add(form, &move_fields[MF_AGREED], "");
    if (needs & UD_MOVE_OUTCOME)
        tui_form_add(form, &move_fields[!strcmp(c->to, "not_accepted") ? MF_REJECT_REASON
                                        : !strcmp(c->to, "succeeded")  ? MF_OUTCOME
                                                                        : MF_END_REASON],
                     "");
    /* the terms as drafted while mediating, to confirm or complete */
    if (needs & UD_MOVE_AGREEMENT) {
        tui_form_add(form, &move_fields[MF_TERMS], c->agreement_terms);
        tui_form_add(form, &move_fields[MF_DUE], c->payment_due_on);
    }
    if (needs & UD_MOVE_REFERRED)
        tui_form_add(form, &move_fields[MF_REFERRED], "");
    tui_form_add(form, &move_fields[MF_NOTE], "");
    form->save = move_save;
    form->ctx = c;
    form->free_ctx = free;
    tui_form_open(app, form);
}

static void start_move(struct tui_app *app, int64_t id)
{
    struct ud_case k;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_case_get(app->db, id, &k, &err) != UD_OK) {
        tui_error(app, &err);
        return;
    }
    const char *to[8];
    int n = ud_case_allowed_moves(k.status, to, 8);
    if (n == 0) {
        tui_error_text(app, T("案件已是“%s”，不能再改变状态", "the case is %s: no further moves"),
                       ud_enum_label(&ud_enum_case_status, k.status));
        return;
    }
    const struct ud_enum_item *items[8];
    for (int i = 0; i < n; i++)
        items[i] = &ud_enum_case_status.items[ud_enum_index(&ud_enum_case_status, to[i])];
    static struct move_ctx base; /* copied by move_chosen */
    base.id = k.id;
    base.version = k.version;
    snprintf(base.agreement_terms, sizeof base.agreement_terms, "%s", k.agreement_terms);
    snprintf(base.payment_due_on, sizeof base.payment_due_on, "%s", k.payment_due_on);
    char title[200];
    snprintf(title, sizeof title, T("案件 %s 现为“%s”，改为：", "Case %s is %s; move to:"), k.case_no,
             ud_enum_label(&ud_enum_case_status, k.status));
    tui_pick_items(app, title, items, n, move_chosen, &base);
}

/* ---- timeline entries ---- */

struct event_input {
    char kind[12];
    char body[2004];
};

static const struct ud_enum_item event_items[] = {
    {"note", "备注", "note"}, {"session", "调解会", "session"}, {"phone", "电话", "phone call"}, {"visit", "走访", "visit"}};
static const struct ud_enum event_kinds = {"event_kind", event_items, 4};

#define S struct event_input
static const struct ud_field event_fields[] = {
    UD_FIELD_ENUM(S, "kind", "类别", "kind", kind, &event_kinds, UD_FF_REQUIRED),
    UD_FIELD_LONGTEXT(S, "body", "内容", "text", body, 2000, UD_FF_REQUIRED),
    UD_FIELD_END,
};
#undef S

static int event_save(struct tui_app *app, struct tui_form *form, void *ctx, struct ud_err *err)
{
    int64_t *id = ctx;
    struct event_input in;
    ud_fields_clear(event_fields, &in);
    if (tui_form_apply(app, form, event_fields, &in, err) != UD_OK ||
        ud_fields_check_required(event_fields, &in, err) != UD_OK)
        return err->status;
    return ud_case_add_event(app->db, *id, in.kind, in.body, err);
}

static void open_event_form(struct tui_app *app, int64_t id)
{
    int64_t *c = malloc(sizeof *c);
    struct tui_form *form = tui_form_new(T("添加办理记录（F2 保存）", "Add a timeline entry (F2 saves)"));
    if (!c || !form) {
        free(c);
        free(form);
        return;
    }
    *c = id;
    tui_form_add(form, &event_fields[0], T("备注", "note"));
    tui_form_add(form, &event_fields[1], "");
    form->cur = 1;
    form->save = event_save;
    form->ctx = c;
    form->free_ctx = free;
    tui_form_open(app, form);
}

enum tui_done case_move(struct tui_app *app, struct tui_scr *s, const void *rec)
{
    (void)s;
    start_move(app, ((const struct ud_case *)rec)->id);
    return TUI_STAY;
}

enum tui_done case_log(struct tui_app *app, struct tui_scr *s, const void *rec)
{
    (void)s;
    open_event_form(app, ((const struct ud_case *)rec)->id);
    return TUI_STAY;
}

/* ---- reopening a closed case (officers): a reason, then the module ---- */

struct reopen_input {
    char reason[2004];
};

#define S struct reopen_input
static const struct ud_field reopen_fields[] = {
    UD_FIELD_LONGTEXT(S, "reason", "重新办理原因", "reason for reopening", reason, 500, UD_FF_REQUIRED),
    UD_FIELD_END,
};
#undef S

static int reopen_save(struct tui_app *app, struct tui_form *form, void *ctx, struct ud_err *err)
{
    const struct ud_case *k = ctx;
    struct reopen_input in;
    ud_fields_clear(reopen_fields, &in);
    if (tui_form_apply(app, form, reopen_fields, &in, err) != UD_OK ||
        ud_fields_check_required(reopen_fields, &in, err) != UD_OK)
        return err->status;
    int st = ud_case_reopen(app->db, k->id, k->version, in.reason, err);
    if (st == UD_OK)
        tui_message(app, T("已重新办理案件 %s", "case %s reopened"), k->case_no);
    return st;
}

enum tui_done case_reopen(struct tui_app *app, struct tui_scr *s, const void *rec)
{
    (void)s;
    const struct ud_case *k = rec;
    if (!ud_case_is_terminal(k->status)) {
        tui_error_text(app, T("案件 %s 尚未结案（%s），无需重新办理", "case %s is not closed (%s)"), k->case_no,
                       ud_enum_label(&ud_enum_case_status, k->status));
        return TUI_STAY;
    }
    struct ud_case *c = malloc(sizeof *c);
    char title[300];
    snprintf(title, sizeof title, T("重新办理案件 %s（现为“%s”；F2 确定，Esc 取消）", "Reopen case %s (now %s; F2 confirms, Esc cancels)"),
             k->case_no, ud_enum_label(&ud_enum_case_status, k->status));
    struct tui_form *form = tui_form_new(title);
    if (!c || !form) {
        free(c);
        free(form);
        return TUI_STAY;
    }
    *c = *k;
    tui_form_add(form, &reopen_fields[0], "");
    form->save = reopen_save;
    form->ctx = c;
    form->free_ctx = free;
    tui_form_open(app, form);
    return TUI_STAY;
}
