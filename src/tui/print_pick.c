/* The printer pick list: CUPS's destinations, the default marked, the
 * last choice of this session preselected. */
#include <stdio.h>
#include <string.h>

#include "print_pick.h"
#include "uniondesk/i18n.h"
#include "uniondesk/print.h"
#include "uniondesk/utf8.h"

#define PRINTERS_MAX 64

/* One pick list is open at a time (it is modal): its rows live here, and
 * so does the choice remembered for the session. */
static struct {
    struct ud_printer p[PRINTERS_MAX];
    int n;
    void (*done)(struct tui_app *app, const char *printer, void *arg);
    void *arg;
} chooser;
static char last_choice[128];

static int printers_fetch(struct tui_app *app, void *ctx, const char *query, const struct ud_page *pg, void *rows,
                          struct ud_cursor *cursors, int *n, struct ud_err *err)
{
    (void)app;
    (void)ctx;
    (void)err;
    /* rows are indexes into chooser.p; the cursor's id is the index */
    int idx[PRINTERS_MAX], m = 0;
    for (int i = 0; i < chooser.n; i++)
        if (!query || !*query || strstr(chooser.p[i].name, query))
            idx[m++] = i;
    int start = 0, end = m;
    for (int i = 0; i < m && pg->after.valid; i++)
        if (idx[i] == pg->after.id) {
            start = pg->backward ? 0 : i + 1;
            end = pg->backward ? i : m;
        }
    if (pg->backward && end - start > pg->limit)
        start = end - pg->limit;
    *n = 0;
    for (int i = start; i < m && i < end && *n < pg->limit; i++) {
        ((int *)rows)[*n] = idx[i];
        cursors[*n].valid = 1;
        cursors[*n].id = idx[i];
        cursors[*n].group = 0;
        (*n)++;
    }
    return UD_OK;
}

static void printers_cell(struct tui_app *app, void *ctx, const void *row, int col, char *out, size_t outsz)
{
    (void)app;
    (void)ctx;
    const struct ud_printer *p = &chooser.p[*(const int *)row];
    (void)col;
    char shown[sizeof p->name * 4];
    ud_text_visible(shown, sizeof shown, p->name); /* a name from CUPS, shown as it is */
    snprintf(out, outsz, "%s%s", shown, p->is_default ? T("（默认）", " (default)") : "");
}

static const struct tui_column printers_cols[] = {{"打印机", "printer", 30, 1, UD_LEFT, NULL}};

static int64_t printers_row_id(const void *row)
{
    return *(const int *)row; /* the index into chooser.p, as the cursors' id */
}

static const struct tui_list_source printers_src = {sizeof(int),   printers_cols, 1,    printers_fetch, NULL,
                                                    printers_cell, NULL,          printers_row_id, NULL};

static void printers_done(struct tui_app *app, const void *row, void *arg)
{
    (void)arg;
    char name[sizeof chooser.p[0].name];
    snprintf(name, sizeof name, "%s", chooser.p[*(const int *)row].name);
    snprintf(last_choice, sizeof last_choice, "%s", name);
    chooser.done(app, name, chooser.arg);
}

void tui_choose_printer(struct tui_app *app, void (*done)(struct tui_app *app, const char *printer, void *arg),
                        void *arg)
{
    struct ud_err err;
    ud_err_clear(&err);
    int n = 0;
    if (ud_printers(chooser.p, PRINTERS_MAX, &n, &err) != UD_OK) {
        tui_error(app, &err);
        return;
    }
    if (n == 0) {
        tui_error_text(app, "%s",
                       /* short enough for the status line of 80 columns */
                       T("没有打印机：请管理员在 CUPS 中添加（localhost:631），或先保存为 PDF",
                         "no printers: an admin adds one in CUPS (lpadmin or http://localhost:631), or save a "
                         "file and print that"));
        return;
    }
    chooser.n = n;
    chooser.done = done;
    chooser.arg = arg;
    int pre = -1;
    for (int i = 0; i < n; i++)
        if (last_choice[0] && strcmp(chooser.p[i].name, last_choice) == 0)
            pre = i;
    for (int i = 0; i < n && pre < 0; i++)
        if (chooser.p[i].is_default)
            pre = i;
    tui_pick_open(app, T("选择打印机（Enter 打印，Esc 取消）", "choose the printer (Enter prints, Esc cancels)"),
                  &printers_src, NULL, printers_done, NULL, NULL);
    tui_pick_select(app, pre);
}
