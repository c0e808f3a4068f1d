#include <stdio.h>

#include "cli.h"
#include "uniondesk/i18n.h"

int ud_cmd_check(struct ud_cli *cli, int argc, char **argv);

/* Runs one check pragma; prints every row it reports. Returns problems. */
static int run_pragma(struct ud_db *db, const char *sql, int ok_is_single_ok)
{
    sqlite3_stmt *st;
    int problems = 0;
    if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "uniondesk check: %s\n", sqlite3_errmsg(db->h));
        return 1;
    }
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *first = (const char *)sqlite3_column_text(st, 0);
        if (ok_is_single_ok && first && sqlite3_column_count(st) == 1 &&
            sqlite3_column_text(st, 0) && first[0] == 'o' && first[1] == 'k' && first[2] == '\0')
            continue;
        problems++;
        for (int i = 0; i < sqlite3_column_count(st); i++) {
            const char *v = (const char *)sqlite3_column_text(st, i);
            printf("%s%s", i ? " | " : "  ", v ? v : "NULL");
        }
        printf("\n");
    }
    sqlite3_finalize(st);
    return problems;
}

int ud_cmd_check(struct ud_cli *cli, int argc, char **argv)
{
    const struct ud_cmd *c = ud_cmd_find("check");
    const char *pos[UD_MAX_POS];
    int npos;
    int r = ud_cli_parse(c, argc, argv, NULL, pos, 0, &npos);
    if (r)
        return r < 0 ? 0 : r;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_cli_open(cli, 0, &err) != UD_OK)
        return ud_cli_fail(&err);
    printf(T("检查 %s …\n", "checking %s …\n"), cli->db_path);
    int p1 = run_pragma(cli->db, "PRAGMA integrity_check", 1);
    printf(T("完整性检查（integrity_check）：%s\n", "integrity_check: %s\n"), p1 ? T("有问题", "PROBLEMS") : "ok");
    int p2 = run_pragma(cli->db, "PRAGMA foreign_key_check", 0);
    printf(T("外键检查（foreign_key_check）：%s\n", "foreign_key_check: %s\n"),
           p2 ? T("有问题", "PROBLEMS") : "ok");
    if (p1 || p2) {
        fprintf(stderr, "%s", T("uniondesk：数据库检查发现问题，请用备份恢复或联系管理员\n",
                                "uniondesk: the database check found problems; restore a backup or call the administrator\n"));
        return 65;
    }
    return 0;
}
