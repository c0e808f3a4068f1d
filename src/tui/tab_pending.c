/* The tab whose screens are still to come says what will be there. */
#include <stdlib.h>

#include "tui.h"
#include "uniondesk/i18n.h"

struct note {
    const char *zh;
    const char *en;
};

static void draw(struct tui_app *app, struct tui_view *v, WINDOW *w, int h, int wdt)
{
    (void)app;
    (void)h;
    const struct note *n = v->data;
    tui_put(w, 1, 2, T(n->zh, n->en), wdt - 4, UD_LEFT, tui_attr(TE_NORMAL));
}

static int key(struct tui_app *app, struct tui_view *v, int k)
{
    (void)app;
    (void)v;
    (void)k;
    return 0;
}

static void nofree(struct tui_view *v)
{
    (void)v;
}

static const struct tui_view_ops ops = {draw, key, nofree, NULL, NULL, NULL};

static const struct note reports = {
    "报表：劳动争议调解统计月报、会员统计、培训统计（打印与导出 Excel）将在这里。",
    "Reports: monthly dispute statistics, membership and training tables (print and Excel) will be here."};

static struct tui_view *open_note(const struct note *n)
{
    struct tui_view *v = calloc(1, sizeof *v);
    if (v) {
        v->ops = &ops;
        v->data = (void *)(uintptr_t)n;
    }
    return v;
}

static struct tui_view *open_reports(struct tui_app *app) { (void)app; return open_note(&reports); }

const struct tui_tab_ops tui_tab_reports = {"报表", "Reports", open_reports};
