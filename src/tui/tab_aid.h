/* The 帮扶 tab's three files share these: the grants list's state and the
 * ways into each other's views. */
#ifndef UD_TUI_TAB_AID_H
#define UD_TUI_TAB_AID_H

#include "tui.h"
#include "uniondesk/aid.h"
#include "uniondesk/parse.h"

struct grant_filter {
    char program[20];
    char status[16];
    char date_from[UD_DATE_SZ];
    char date_to[UD_DATE_SZ];
    int64_t org;
};

struct grant_tab {
    struct tui_list *list;
    struct grant_filter f;
    /* one person's grants (opened from their recipient record): their ID
     * number is the search, fixed */
    char scope_id[UD_IDNUM_SZ];
    char scope_name[96];
    int64_t scope_member;
    int64_t sum_fen; /* of the grants shown, read together with the count */
    int sum_valid;
    int64_t select_id; /* a grant just entered: selected when the list comes back */
};

const char *aid_program_label(const char *code);
const char *aid_grant_status_label(const char *code);
/* 1 when the grant's status allows the action; else the module's reason
 * goes to the status line. */
int aid_move_possible(struct tui_app *app, const struct ud_aid_grant *g, enum ud_aid_action a);
/* Selects the row with this id when it is in the window. */
void aid_list_select(struct tui_list *l, int64_t id);
/* The grants list; scope: one recipient's grants only (NULL = all). */
struct tui_view *aid_grant_list_new(struct tui_app *app, const struct ud_aid_recipient *scope);
void aid_open_grant_detail(struct tui_app *app, int64_t id);
/* A new grant (id 0; member_id preset or 0) or an edit; origin: the list
 * that shows the new grant when the form closes (may be NULL). */
void aid_open_grant_form(struct tui_app *app, int64_t id, int64_t member_id, struct grant_tab *origin);
void aid_open_recipients(struct tui_app *app);
void aid_open_recipient_detail(struct tui_app *app, int64_t id);

#endif
