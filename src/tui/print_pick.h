/* Choosing a printer on the screens: the reports tab and a case's
 * documents print through it. */
#ifndef UD_TUI_PRINT_PICK_H
#define UD_TUI_PRINT_PICK_H

#include "tui.h"

/* Opens a pick list of the CUPS destinations (ud_printers): the default
 * marked 默认; preselected the printer chosen last in this session if it
 * is still there, else the default. Enter closes it and calls done with
 * the name (arg passed through; it stays the caller's); Esc calls
 * nothing. When none is set up, or CUPS cannot be asked, the status line
 * says so and what to do, and done is not called. */
void tui_choose_printer(struct tui_app *app, void (*done)(struct tui_app *app, const char *printer, void *arg),
                        void *arg);

#endif
