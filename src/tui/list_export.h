/* `x` on a list screen: the list as it shows now (its filter, search and
 * sort) written as xlsx or CSV through the save-as form. The screens of
 * cases and members give only what differs: their filter turned into the
 * module's, and the export function. */
#ifndef UD_TUI_LIST_EXPORT_H
#define UD_TUI_LIST_EXPORT_H

#include "screen.h"
#include "uniondesk/export.h"

/* Writes the list for filter (the screen's own, copied when x was
 * pressed) and the search query (NULL: none) with the options o. */
typedef int (*tui_list_writer)(struct tui_app *app, const void *filter, const char *query,
                               const struct ud_list_export *o, struct ud_list_export_result *res,
                               struct ud_err *err);

struct tui_list_export_spec {
    const char *title_zh, *title_en; /* the form's title */
    const char *unit_zh, *unit_en;   /* what a row is, after the count: "件案件" / "cases" */
    tui_list_writer write;
};

/* Opens the form with <export dir>/file_name for the list s shows;
 * scope_org (0 or UD_NULL_INT: none) is the filter's organization, named
 * in the file's title. */
void tui_list_export(struct tui_app *app, struct tui_scr *s, const struct tui_list_export_spec *spec,
                     int64_t scope_org, const char *file_name);

#endif
