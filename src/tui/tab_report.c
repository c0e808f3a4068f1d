/* 报表: choose a report, its period and filter; the table on screen,
 * scrolled both ways; p prints it, x writes the xlsx. The figures and the
 * text come from the report layer, exactly as `uniondesk report` prints
 * them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_form.h"
#include "print_pick.h"
#include "uniondesk/i18n.h"
#include "uniondesk/org.h"
#include "uniondesk/period.h"
#include "uniondesk/report.h"
#include "uniondesk/utf8.h"

static const struct ud_enum_item kind_items[] = {
    {"disputes", "劳动争议调解统计", "mediation statistics"},
    {"members", "工会组织和会员统计", "organizations and members"},
    {"training", "职工教育培训统计", "training"},
};
static const struct ud_enum report_kinds = {"report", kind_items, 3};

struct params {
    char kind[16];
    char period[32]; /* YYYY-MM or YYYY */
    char level[12];
    int64_t org;
};

#define S struct params
static const struct ud_field param_fields[] = {
    UD_FIELD_ENUM(S, "kind", "报表", "report", kind, &report_kinds, UD_FF_REQUIRED),
    UD_FIELD_TEXT(S, "period", "期间（YYYY-MM 或 YYYY）", "period (YYYY-MM or YYYY)", period, 10, 0),
    UD_FIELD_ENUM(S, "level", "调解级别", "level", level, &ud_enum_level, 0),
    UD_FIELD_REF(S, "org", "组织（含下级）", "organization (and below)", org, &ud_ref_org, 0),
    UD_FIELD_END,
};
#undef S

struct report_tab {
    struct params p;
    struct ud_report_request rq;
    char org_code[100];
    char *text;
    size_t len;
    char **lines;
    int nlines;
    int top, left;
    char name[200]; /* for file names: 劳动争议调解统计-2026-10 */
};

/* Checks the parameters and turns them into a request. */
static int make_request(struct tui_app *app, struct report_tab *t, const struct params *p, struct ud_err *err)
{
    struct ud_report_request *rq = &t->rq;
    memset(rq, 0, sizeof *rq);
    rq->kind = ud_enum_find(&report_kinds, p->kind)->code;
    const char *why = NULL;
    struct ud_period per;
    struct ud_err e2;
    ud_err_clear(&e2);
    if (!strcmp(rq->kind, "disputes")) {
        char today[UD_DATE_SZ];
        ud_today(today);
        if (!(why = ud_period_parse(p->period, UD_PERIOD_ANY, &per))) {
            snprintf(rq->from, sizeof rq->from, "%s", per.from);
            snprintf(rq->to, sizeof rq->to, "%s", per.to);
            rq->year = per.is_year ? per.year : 0;
            if (ud_period_check(per.from, per.to, today, &e2) != UD_OK)
                why = e2.msg;
        }
    } else if (!strcmp(rq->kind, "training")) {
        if (!(why = ud_period_parse(p->period, UD_PERIOD_YEAR, &per)))
            rq->year = per.year;
    }
    if (why)
        return ud_err_field(err, "period", ud_field_label(&param_fields[1]), "%s", why);
    rq->level = p->level[0] && !strcmp(rq->kind, "disputes") ? p->level : NULL;
    t->org_code[0] = '\0';
    if (p->org != UD_NULL_INT && strcmp(rq->kind, "training") != 0) {
        ud_ref_org.key(app->db, p->org, t->org_code, sizeof t->org_code);
        rq->org_code = t->org_code;
    }
    snprintf(t->name, sizeof t->name, "%s-%s", T(ud_enum_find(&report_kinds, p->kind)->zh, rq->kind),
             strcmp(rq->kind, "members") ? p->period : "");
    size_t n = strlen(t->name);
    if (n && t->name[n - 1] == '-')
        t->name[n - 1] = '\0';
    return UD_OK;
}

static void free_text(struct report_tab *t)
{
    free(t->text);
    free(t->lines);
    t->text = NULL;
    t->lines = NULL;
    t->nlines = 0;
}

/* Renders the report as text into memory, split into lines. */
static int generate(struct tui_app *app, struct report_tab *t, struct ud_err *err)
{
    free_text(t);
    FILE *fp = open_memstream(&t->text, &t->len);
    if (!fp)
        return ud_err_set(err, UD_ERR_INTERNAL, "out of memory");
    int st = ud_report_run(app->db, &t->rq, UD_REPORT_TEXT, fp, NULL, err);
    fclose(fp);
    if (st != UD_OK) {
        free_text(t);
        return st;
    }
    int cap = 64;
    t->lines = malloc(sizeof *t->lines * (size_t)cap);
    for (char *p = t->text; t->lines && p && *p;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        if (t->nlines == cap) {
            cap *= 2;
            char **g = realloc(t->lines, sizeof *g * (size_t)cap);
            if (!g)
                break;
            t->lines = g;
        }
        /* a page break reads as a blank line on screen */
        if (*p == '\f')
            *p = ' ';
        t->lines[t->nlines++] = p;
        p = nl ? nl + 1 : NULL;
    }
    t->top = 0;
    return UD_OK;
}

/* s shown from display column `left`: a wide character cut in half at
 * the left edge becomes a space. */
static const char *shift(const char *s, int left, char *buf, size_t bufsz)
{
    int used = 0;
    size_t skip = ud_str_fit(s, left, &used);
    if (used < left && s[skip]) {
        uint32_t cp;
        int l = ud_utf8_decode(s + skip, strlen(s + skip), &cp);
        snprintf(buf, bufsz, " %s", s + skip + (l > 0 ? l : 1));
        return buf;
    }
    return s + skip;
}

static void draw(struct tui_app *app, struct tui_view *v, WINDOW *w, int h, int wdt)
{
    (void)app;
    struct report_tab *t = v->data;
    char head[600];
    snprintf(head, sizeof head, T("报表：%s   （c 条件  p 打印  x 导出 Excel  方向键滚动）", "Report: %s   (c choose  p print  x Excel  arrows scroll)"),
             t->name);
    tui_put(w, 0, 0, head, wdt, UD_LEFT, tui_attr(TE_HEADER));
    if (!t->lines) {
        tui_puts(w, 2, 2, T("按 c 选择报表和期间", "press c to choose a report and a period"), tui_attr(TE_DIM));
        return;
    }
    int rows = h - 1;
    if (t->top > t->nlines - rows)
        t->top = t->nlines - rows > 0 ? t->nlines - rows : 0;
    for (int r = 0; r < rows && t->top + r < t->nlines; r++) {
        char buf[2048];
        tui_put(w, 1 + r, 0, shift(t->lines[t->top + r], t->left, buf, sizeof buf), wdt, UD_LEFT,
                tui_attr(TE_NORMAL));
    }
}

static void open_params(struct tui_app *app, struct report_tab *t);

static int write_xlsx(struct tui_app *app, const char *path, int full_id, void *arg, struct ud_err *err)
{
    (void)full_id;
    struct report_tab *t = arg;
    if (ud_report_run(app->db, &t->rq, UD_REPORT_XLSX, NULL, path, err) != UD_OK)
        return err->status;
    tui_message(app, T("已写入 %s", "written to %s"), path);
    return UD_OK;
}

/* The printer is chosen: the report goes to it as PDF (the audit log
 * names it). */
static void print_on(struct tui_app *app, const char *printer, void *arg)
{
    struct report_tab *t = arg;
    struct ud_err err;
    ud_err_clear(&err);
    /* typesetting and handing over take a moment: say so first */
    tui_message(app, T("正在送往打印机 %s…", "sending to the printer %s…"), printer);
    tui_redraw(app);
    if (ud_report_print(app->db, &t->rq, printer, t->name, 1, &err) == UD_OK)
        tui_message(app, T("已送往打印机 %s", "sent to the printer %s"), printer);
    else
        tui_error(app, &err);
}

static int key(struct tui_app *app, struct tui_view *v, int k)
{
    struct report_tab *t = v->data;
    int page = 10;
    switch (k) {
    case 'c':
    case TK_ENTER:
        open_params(app, t);
        return 1;
    case TK_KEY(KEY_DOWN):
    case 'j':
        t->top++;
        return 1;
    case TK_KEY(KEY_UP):
    case 'k':
        if (t->top > 0)
            t->top--;
        return 1;
    case TK_KEY(KEY_NPAGE):
    case ' ':
        t->top += page;
        return 1;
    case TK_KEY(KEY_PPAGE):
        t->top = t->top > page ? t->top - page : 0;
        return 1;
    case TK_KEY(KEY_HOME):
    case 'g':
        t->top = 0;
        t->left = 0;
        return 1;
    case TK_KEY(KEY_END):
    case 'G':
        t->top = t->nlines;
        return 1;
    case TK_KEY(KEY_RIGHT):
    case 'l':
        if (t->left < UD_RDOC_TEXT_WIDTH - 20)
            t->left += 10;
        return 1;
    case TK_KEY(KEY_LEFT):
    case 'h':
        t->left = t->left > 10 ? t->left - 10 : 0;
        return 1;
    case 'p':
        if (t->text)
            tui_choose_printer(app, print_on, t);
        return 1;
    case 'x':
        if (t->text) {
            char file[300];
            snprintf(file, sizeof file, "%s.xlsx", t->name);
            tui_export_form(app, T("导出报表为 Excel（F2 写入）", "Export the report as Excel (F2 writes)"), file, 0,
                            write_xlsx, t, NULL);
        }
        return 1;
    }
    return 0;
}

static void view_free(struct tui_view *v)
{
    struct report_tab *t = v->data;
    free_text(t);
    free(t);
}

static const struct tui_keyhelp keys[] = {
    {"c", "选择报表", "choose"}, {"p", "打印", "print"},       {"x", "导出Excel", "Excel"},
    {"Up/Down", "滚动", "scroll"}, {"Left/Right", "左右", "sideways"}, TUI_KEYS_END};

static const struct tui_view_ops ops = {draw, key, view_free, NULL, NULL};

static int params_save(struct tui_app *app, struct tui_form *form, void *ctx, struct ud_err *err)
{
    struct report_tab *t = ctx;
    struct params p;
    ud_fields_clear(param_fields, &p);
    if (tui_form_apply(app, form, param_fields, &p, err) != UD_OK ||
        ud_fields_check_required(param_fields, &p, err) != UD_OK)
        return err->status;
    if (make_request(app, t, &p, err) != UD_OK)
        return err->status;
    if (generate(app, t, err) != UD_OK)
        return err->status;
    t->p = p;
    t->left = 0;
    tui_message(app, T("%s：共 %d 行", "%s: %d lines"), t->name, t->nlines);
    return UD_OK;
}

static void open_params(struct tui_app *app, struct report_tab *t)
{
    struct tui_form *form = tui_form_new(T("选择报表（F2 生成）：会员统计不需要期间；培训统计填年度",
                                           "Choose a report (F2 makes it): members need no period; training takes a year"));
    if (!form)
        return;
    tui_form_fill(app, form, param_fields, &t->p);
    struct tui_form_field *org = tui_form_find(form, "org");
    if (org)
        org->pick = tui_pick_org_any;
    form->save = params_save;
    form->ctx = t;
    tui_form_open(app, form);
}

static struct tui_view *open_tab(struct tui_app *app)
{
    struct report_tab *t = calloc(1, sizeof *t);
    struct tui_view *v = calloc(1, sizeof *v);
    if (!t || !v) {
        free(t);
        free(v);
        return NULL;
    }
    /* the office prints last month's statistics: that is the default */
    char today[UD_DATE_SZ], last[UD_DATE_SZ];
    ud_today(today);
    snprintf(last, sizeof last, "%.8s01", today);
    ud_date_add(last, -1, last);
    snprintf(t->p.kind, sizeof t->p.kind, "disputes");
    snprintf(t->p.period, sizeof t->p.period, "%.7s", last);
    t->p.org = UD_NULL_INT;
    struct ud_err err;
    ud_err_clear(&err);
    if (make_request(app, t, &t->p, &err) != UD_OK || generate(app, t, &err) != UD_OK)
        tui_error(app, &err);
    v->ops = &ops;
    v->keys = keys;
    v->data = t;
    return v;
}

const struct tui_tab_ops tui_tab_reports = {"报表", "Reports", open_tab};
