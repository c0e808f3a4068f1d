/* The 帮扶 tab's three files share these: the grants and recipients
 * screens (descriptors over screen.c) and the grant form. */
#ifndef UD_TUI_TAB_AID_H
#define UD_TUI_TAB_AID_H

#include "screen.h"
#include "uniondesk/aid.h"
#include "uniondesk/parse.h"

/* The grants list; scope: a recipient's id (their grants only) or 0. */
extern const struct tui_screen aid_grant_screen;
extern const struct tui_screen aid_recipient_screen;

const char *aid_program_label(const char *code);
const char *aid_grant_status_label(const char *code);
/* 1 when the grant's status allows the action; else the module's reason
 * goes to the status line. */
int aid_move_possible(struct tui_app *app, const struct ud_aid_grant *g, enum ud_aid_action a);
/* A new grant (id 0; member_id preset or 0) or an edit; origin: the list
 * that shows the saved grant when the form closes (may be NULL). */
void aid_open_grant_form(struct tui_app *app, int64_t id, int64_t member_id, struct tui_scr *origin);

#endif
