/* The case screen's own keys: status moves, timeline entries, reopening. */
#ifndef UD_TUI_CASE_ACTIONS_H
#define UD_TUI_CASE_ACTIONS_H

#include "screen.h"

/* `s`: the statuses the case may move to, then what the move takes. */
enum tui_done case_move(struct tui_app *app, struct tui_scr *s, const void *rec);
/* `l`: a timeline entry. */
enum tui_done case_log(struct tui_app *app, struct tui_scr *s, const void *rec);
/* `R` (officers): a closed case back to its state before, with a reason. */
enum tui_done case_reopen(struct tui_app *app, struct tui_scr *s, const void *rec);
/* `p`: the documents the case's status allows, then print or save as PDF
 * (case_docs.c). */
enum tui_done case_docs(struct tui_app *app, struct tui_scr *s, const void *rec);

#endif
