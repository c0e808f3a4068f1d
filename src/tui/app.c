#include <stdio.h>

#include "uniondesk/tui.h"

int ud_tui_main(const char *db_path, const char *user)
{
    (void)db_path;
    (void)user;
    fprintf(stderr, "uniondesk: the screens are not built yet; see uniondesk --help\n");
    return 64;
}
