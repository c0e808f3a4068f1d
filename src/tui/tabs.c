/* The tabs, in order: one row each; the code in tab_<name>.c. */
#include <stdlib.h>

#include "tui.h"
#include "uniondesk/i18n.h"

extern const struct tui_tab_ops tui_tab_orgs, tui_tab_members, tui_tab_cases, tui_tab_aid, tui_tab_training,
    tui_tab_reports;

const struct tui_tab_ops *const tui_tabs[] = {
    &tui_tab_orgs, &tui_tab_members, &tui_tab_cases, &tui_tab_aid, &tui_tab_training, &tui_tab_reports,
};
const int tui_ntabs = (int)(sizeof tui_tabs / sizeof tui_tabs[0]);
