/* The "save as" form the reports tab and the aid roster share. */
#ifndef UD_TUI_EXPORT_FORM_H
#define UD_TUI_EXPORT_FORM_H

#include "record.h"

/* Writes the file; returns UD_OK or fills err (shown next to the path). */
typedef int (*tui_export_writer)(struct tui_app *app, const char *path, int full_id, void *arg, struct ud_err *err);

/* $UNIONDESK_EXPORT_DIR, else $HOME, else the current directory. */
void tui_export_dir(char *out, size_t outsz);
/* Opens the form with <export dir>/<file_name> (a name ending in .pdf: a
 * document, saved as .pdf only); arg is freed with
 * free_arg (may be NULL) when the form closes. */
void tui_export_form(struct tui_app *app, const char *title, const char *file_name, int ask_full_id,
                     tui_export_writer write, void *arg, void (*free_arg)(void *));

/* The same for a list (cases, members): the name may end in .xlsx or
 * .csv, and the writer writes the format its extension names. The writer
 * is called only when the file does not exist or the user said to
 * overwrite it. */
void tui_export_list_form(struct tui_app *app, const char *title, const char *file_name, int ask_full_id,
                          tui_export_writer write, void *arg, void (*free_arg)(void *));

#endif
