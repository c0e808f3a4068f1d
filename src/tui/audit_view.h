/* The audit log screen (admins). */
#ifndef TUI_AUDIT_VIEW_H
#define TUI_AUDIT_VIEW_H

#include "tui.h"

/* Pushes the audit log view; refuses (a message) for anyone but admins. */
void tui_audit_open(struct tui_app *app);

#endif
