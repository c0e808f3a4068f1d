/* The table of subcommands. Each cmd_<name>.c carries its own entry
 * (name, usage, help, run); this is the one list of them, in the order
 * `uniondesk --help` shows them. */
#include "cli.h"

extern const struct ud_cmd_entry cmd_init_entry;
extern const struct ud_cmd_entry cmd_migrate_entry;
extern const struct ud_cmd_entry cmd_import_entry;
extern const struct ud_cmd_entry cmd_report_entry;
extern const struct ud_cmd_entry cmd_export_entry;
extern const struct ud_cmd_entry cmd_backup_entry;
extern const struct ud_cmd_entry cmd_check_entry;
extern const struct ud_cmd_entry cmd_user_entry;
extern const struct ud_cmd_entry cmd_setup_host_entry;
extern const struct ud_cmd_entry cmd_audit_entry;
extern const struct ud_cmd_entry cmd_find_entry;
extern const struct ud_cmd_entry cmd_printers_entry;
extern const struct ud_cmd_entry cmd_case_entry;

const struct ud_cmd_entry *const ud_commands[] = {
    &cmd_init_entry,
    &cmd_migrate_entry,
    &cmd_import_entry,
    &cmd_report_entry,
    &cmd_export_entry,
    &cmd_backup_entry,
    &cmd_check_entry,
    &cmd_user_entry,
    &cmd_setup_host_entry,
    &cmd_audit_entry,
    &cmd_find_entry,
    &cmd_printers_entry,
    &cmd_case_entry,
    NULL,
};
