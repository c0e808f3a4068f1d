/* The command line: one file per subcommand, all listed in commands.c. */
#ifndef UD_CLI_H
#define UD_CLI_H

#include <stdio.h>

#include "uniondesk/db.h"
#include "uniondesk/err.h"

struct ud_cli {
    const char *db_path; /* resolved */
    const char *user;    /* --user, or NULL for the OS login */
    struct ud_db *db;
    const char *prog;
};

/* One subcommand: each cmd_<name>.c defines its own
 * `const struct ud_cmd_entry cmd_<name>_entry`, listed in commands.c. */
struct ud_cmd_entry {
    const char *name;
    const char *usage;      /* "import KIND FILE.csv [--dry-run] …" */
    const char *summary_zh;
    const char *summary_en;
    const char *help_zh;    /* details shown by --help */
    const char *help_en;
    void (*help_more)(FILE *out); /* help made from tables (may be NULL) */
    int (*run)(struct ud_cli *cli, int argc, char **argv);
};

extern const struct ud_cmd_entry *const ud_commands[];
const struct ud_cmd_entry *ud_cmd_find(const char *name);
void ud_cmd_help(const struct ud_cmd_entry *c, FILE *out);
void ud_cli_usage(FILE *out);

/* Options: "--name value", "--name=value" or flags. Positional arguments
 * are gathered in order. Unknown options are a usage error (exit 64). */
struct ud_opt {
    const char *name;   /* "--month" */
    const char **value; /* NULL for a flag */
    int *flag;
};
#define UD_MAX_POS 8
/* Where the global options --db, --user and --lang are kept when they
 * come after the subcommand (main's struct ud_cli): ud_cli_parse takes
 * them there unless the subcommand has an option of that name. */
void ud_cli_set_globals(struct ud_cli *cli);
int ud_cli_parse(const struct ud_cmd_entry *c, int argc, char **argv, const struct ud_opt *opts,
                 const char **pos, int maxpos, int *npos);

/* The formats of a listing (find, audit). */
enum ud_cli_list_format { UD_LIST_TEXT, UD_LIST_CSV, UD_LIST_JSON };
/* "text", "csv" or "json" (NULL: text) into *out; anything else is a
 * usage error (64), reported for command c. */
int ud_cli_list_format(const struct ud_cmd_entry *c, const char *format, enum ud_cli_list_format *out);
/* Opens the database (create=1, for init: creating it, or adopting an
 * existing empty file) and sets the user. */
int ud_cli_open(struct ud_cli *cli, int create, struct ud_err *err);
/* Run setgid (an office database): opens without migrating, requires the
 * admin role, then migrates. Otherwise the same as ud_cli_open(cli, 1). */
int ud_cli_open_admin(struct ud_cli *cli, struct ud_err *err);
/* Prints err to stderr in the user's language; returns its exit code. */
int ud_cli_fail(const struct ud_err *err);
int ud_cli_usage_error(const struct ud_cmd_entry *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void ud_cli_warnings(const struct ud_err *err);

#endif
