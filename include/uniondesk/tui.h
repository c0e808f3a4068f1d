/* The screens (ncursesw). The only header that front-end code outside
 * src/tui needs. */
#ifndef UD_TUI_H
#define UD_TUI_H

/* Runs the screens on the database; returns the process exit code. */
int ud_tui_main(const char *db_path, const char *user);

#endif
