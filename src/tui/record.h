/* Field tables ↔ forms, and shared pick lists (screens only). */
#ifndef UD_TUI_RECORD_H
#define UD_TUI_RECORD_H

#include "tui.h"

/* Adds a form field for every typed field of defs, with rec's values
 * (rec may be a freshly initialised record). */
void tui_form_fill(struct tui_app *app, struct tui_form *form, const struct ud_field *defs, const void *rec);
/* One field with rec's value (a reference also shows its name). */
struct tui_form_field *tui_form_add_field(struct tui_app *app, struct tui_form *form, const struct ud_field *f,
                                          const void *rec);
/* Parses every form field that belongs to defs into rec. */
int tui_form_apply(struct tui_app *app, struct tui_form *form, const struct ud_field *defs, void *rec,
                   struct ud_err *err);

struct tui_org_pick {
    int mediating_only;
    int member_orgs_only;
};
extern const struct tui_list_source tui_org_source;
extern const struct tui_list_source tui_member_pick_source;
int tui_pick_org_any(struct tui_app *app, struct tui_form_field *f, void *ctx);
int tui_pick_org_mediating(struct tui_app *app, struct tui_form_field *f, void *ctx);
int tui_pick_org_member(struct tui_app *app, struct tui_form_field *f, void *ctx);
int tui_pick_member(struct tui_app *app, struct tui_form_field *f, void *ctx);
int tui_pick_mediator(struct tui_app *app, struct tui_form_field *f, void *ctx); /* users and earlier mediators; free typing */

#endif
