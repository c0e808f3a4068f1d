/* The case screen's own keys: status moves and timeline entries. */
#ifndef UD_TUI_CASE_ACTIONS_H
#define UD_TUI_CASE_ACTIONS_H

#include "screen.h"

/* `s`: the statuses the case may move to, then what the move takes. */
enum tui_done case_move(struct tui_app *app, struct tui_scr *s, const void *rec);
/* `l`: a timeline entry. */
enum tui_done case_log(struct tui_app *app, struct tui_scr *s, const void *rec);

#endif
