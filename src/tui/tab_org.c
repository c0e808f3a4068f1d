/* 组织: the organization tree with expand/collapse and member counts
 * rolled up, by hand; the detail and form for admins are a descriptor
 * over screen.c. The tree is small (thousands of organizations) and is
 * held whole; members are counted in SQL. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit_view.h"
#include "screen.h"
#include "uniondesk/i18n.h"
#include "uniondesk/org.h"
#include "uniondesk/utf8.h"

struct org_tab {
    /* the tree and its counts, loaded when the tab opens and again only
     * after a write from these screens or a minute later (counting the
     * members of every union takes a while on a whole district) */
    unsigned generation;
    time_t loaded_at;
    struct ud_org_node *nodes;
    int n;
    unsigned char *expanded; /* per node */
    int *visible;            /* indexes of shown nodes */
    int nvisible;
    int sel; /* index into visible */
    int top;
    struct tui_edit search;
    int searching;
    struct tui_scr *scr; /* the org screen's forms are opened over it */
};

static void rebuild_visible(struct org_tab *t)
{
    t->nvisible = 0;
    int hide_below = -1; /* depth under a collapsed node */
    for (int i = 0; i < t->n; i++) {
        if (hide_below >= 0 && t->nodes[i].depth > hide_below)
            continue;
        hide_below = -1;
        t->visible[t->nvisible++] = i;
        if (t->nodes[i].children && !t->expanded[i])
            hide_below = t->nodes[i].depth;
    }
    if (t->sel >= t->nvisible)
        t->sel = t->nvisible ? t->nvisible - 1 : 0;
}

static void load(struct tui_app *app, struct org_tab *t)
{
    t->generation = app->generation;
    t->loaded_at = time(NULL);
    int64_t keep = t->nvisible ? t->nodes[t->visible[t->sel]].id : 0;
    /* remember which ids were open */
    int64_t *open_ids = NULL;
    int nopen = 0;
    if (t->n) {
        open_ids = malloc(sizeof *open_ids * (size_t)t->n);
        for (int i = 0; open_ids && i < t->n; i++)
            if (t->expanded[i])
                open_ids[nopen++] = t->nodes[i].id;
    }
    free(t->nodes);
    free(t->expanded);
    free(t->visible);
    t->nodes = NULL;
    t->n = 0;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_org_tree(app->db, &t->nodes, &t->n, &err) != UD_OK)
        tui_error(app, &err);
    t->expanded = calloc((size_t)(t->n ? t->n : 1), 1);
    t->visible = calloc((size_t)(t->n ? t->n : 1), sizeof(int));
    for (int i = 0; i < t->n; i++) {
        if (t->nodes[i].depth < 1)
            t->expanded[i] = 1; /* the district open at first */
        for (int k = 0; k < nopen; k++)
            if (open_ids[k] == t->nodes[i].id)
                t->expanded[i] = 1;
    }
    free(open_ids);
    rebuild_visible(t);
    for (int v = 0; keep && v < t->nvisible; v++)
        if (t->nodes[t->visible[v]].id == keep)
            t->sel = v;
}

static const struct ud_org_node *selected(struct org_tab *t)
{
    return t->nvisible ? &t->nodes[t->visible[t->sel]] : NULL;
}

static void tree_draw(struct tui_app *app, struct tui_view *v, WINDOW *w, int h, int wdt)
{
    (void)app;
    struct org_tab *t = v->data;
    char title[200];
    snprintf(title, sizeof title, T("组织  共 %d 个（Enter 展开/收起，Right 详情）", "Organizations  %d (Enter open/close, Right details)"),
             t->n);
    tui_put(w, 0, 0, title, wdt, UD_LEFT, tui_attr(TE_HEADER));
    const char *label = T("查找（/ 名称或代码，n 下一个）：", "find (/ name or code, n next): ");
    int lw = ud_str_width(label);
    tui_puts(w, 1, 0, label, t->searching ? tui_attr(TE_HEADER) : tui_attr(TE_DIM));
    /* header */
    int cw_kind = 14, cw_mem = 12, cw_units = 8;
    int name_w = wdt - 2 - cw_kind - cw_mem - cw_units - 3;
    tui_fill(w, 2, 0, wdt, tui_attr(TE_HEADER));
    tui_put(w, 2, 2, T("名称", "name"), name_w, UD_LEFT, tui_attr(TE_HEADER));
    tui_put(w, 2, 2 + name_w + 1, T("类型", "kind"), cw_kind, UD_LEFT, tui_attr(TE_HEADER));
    tui_put(w, 2, 2 + name_w + cw_kind + 2, T("会员(含下级)", "members"), cw_mem, UD_RIGHT, tui_attr(TE_HEADER));
    tui_put(w, 2, 2 + name_w + cw_kind + cw_mem + 3, T("涵盖单位", "units"), cw_units, UD_RIGHT, tui_attr(TE_HEADER));
    int rows = h - 3;
    if (t->sel < t->top)
        t->top = t->sel;
    if (t->sel >= t->top + rows)
        t->top = t->sel - rows + 1;
    for (int r = 0; r < rows && t->top + r < t->nvisible; r++) {
        int vi = t->top + r;
        const struct ud_org_node *nd = &t->nodes[t->visible[vi]];
        int sel = vi == t->sel && !t->searching;
        attr_t a = sel ? tui_attr(TE_SELECTED) : strcmp(nd->status, "active") ? tui_attr(TE_DIM) : tui_attr(TE_NORMAL);
        int y = 3 + r;
        tui_fill(w, y, 0, wdt, a);
        tui_put(w, y, 0, sel ? ">" : " ", 1, UD_LEFT, a);
        char name[400];
        const char *mark = nd->children ? (t->expanded[t->visible[vi]] ? "- " : "+ ") : "  ";
        snprintf(name, sizeof name, "%*s%s%s%s", nd->depth * 2, "", mark, nd->name,
                 strcmp(nd->status, "active") ? T("（已撤销）", " (dissolved)") : "");
        tui_put(w, y, 2, name, name_w, UD_LEFT, a);
        tui_put(w, y, 2 + name_w + 1, ud_enum_label(&ud_enum_org_kind, nd->kind), cw_kind, UD_LEFT, a);
        char num[32];
        snprintf(num, sizeof num, "%lld", (long long)nd->members_total);
        tui_put(w, y, 2 + name_w + cw_kind + 2, num, cw_mem, UD_RIGHT, a);
        snprintf(num, sizeof num, "%lld", (long long)nd->units_covered);
        tui_put(w, y, 2 + name_w + cw_kind + cw_mem + 3, nd->units_covered ? num : "", cw_units, UD_RIGHT, a);
    }
    tui_edit_draw(&t->search, w, 1, lw, wdt - lw - 1, t->searching,
                  t->searching ? tui_attr(TE_FIELD_ACTIVE) : tui_attr(TE_FIELD));
}

/* Finds the next node (from `start`, wrapping) whose name or code holds
 * the search text; opens its ancestors and selects it. */
static void find_next(struct org_tab *t, int start)
{
    if (!t->search.len || !t->n)
        return;
    for (int k = 0; k < t->n; k++) {
        int i = (start + k) % t->n;
        if (!strstr(t->nodes[i].name, t->search.text) && !strstr(t->nodes[i].code, t->search.text))
            continue;
        /* open the ancestors: walk back to shallower nodes */
        int depth = t->nodes[i].depth;
        for (int j = i - 1; j >= 0 && depth > 0; j--)
            if (t->nodes[j].depth < depth) {
                t->expanded[j] = 1;
                depth = t->nodes[j].depth;
            }
        rebuild_visible(t);
        for (int v = 0; v < t->nvisible; v++)
            if (t->visible[v] == i)
                t->sel = v;
        return;
    }
}

static void open_detail(struct tui_app *app, int64_t id);
static void open_form(struct tui_app *app, struct org_tab *t, int64_t id, int64_t parent);

static int tree_key(struct tui_app *app, struct tui_view *v, int key)
{
    struct org_tab *t = v->data;
    if (t->searching) {
        if (key == TK_ENTER || key == TK_ESC || key == TK_KEY(KEY_ENTER)) {
            t->searching = 0;
            if (key == TK_ESC)
                tui_edit_set(&t->search, "");
            return 1;
        }
        if (tui_edit_key(&t->search, key)) {
            if (t->search.changed) {
                t->search.changed = 0;
                find_next(t, 0);
            }
            return 1;
        }
        return 0;
    }
    const struct ud_org_node *nd = selected(t);
    int idx = t->nvisible ? t->visible[t->sel] : -1;
    switch (key) {
    case TK_KEY(KEY_DOWN):
    case 'j':
        if (t->sel < t->nvisible - 1)
            t->sel++;
        return 1;
    case TK_KEY(KEY_UP):
    case 'k':
        if (t->sel > 0)
            t->sel--;
        return 1;
    case TK_KEY(KEY_NPAGE):
        t->sel = t->sel + 10 < t->nvisible ? t->sel + 10 : t->nvisible - 1;
        return 1;
    case TK_KEY(KEY_PPAGE):
        t->sel = t->sel > 10 ? t->sel - 10 : 0;
        return 1;
    case TK_KEY(KEY_HOME):
    case 'g':
        t->sel = 0;
        return 1;
    case TK_KEY(KEY_END):
    case 'G':
        t->sel = t->nvisible ? t->nvisible - 1 : 0;
        return 1;
    case TK_ENTER:
    case TK_KEY(KEY_ENTER):
    case '\r':
    case ' ':
        if (nd && nd->children) {
            t->expanded[idx] = !t->expanded[idx];
            rebuild_visible(t);
        } else if (nd) {
            open_detail(app, nd->id);
        }
        return 1;
    case TK_KEY(KEY_RIGHT):
    case 'l':
        if (nd)
            open_detail(app, nd->id);
        return 1;
    case TK_KEY(KEY_LEFT):
    case 'h':
        if (nd && nd->children && t->expanded[idx]) {
            t->expanded[idx] = 0;
            rebuild_visible(t);
        } else if (nd) {
            /* to the parent */
            for (int v2 = t->sel - 1; v2 >= 0; v2--)
                if (t->nodes[t->visible[v2]].depth < nd->depth) {
                    t->sel = v2;
                    break;
                }
        }
        return 1;
    case '/':
        t->searching = 1;
        return 1;
    case 'n':
        if (t->search.len) {
            find_next(t, idx + 1);
            return 1;
        }
        if (nd && tui_may(app, UD_ACT_ORG_WRITE))
            open_form(app, t, 0, nd->id);
        return 1;
    case 'a':
        if (nd && tui_may(app, UD_ACT_ORG_WRITE))
            open_form(app, t, 0, nd->id);
        return 1;
    case 'A':
        tui_audit_open(app);
        return 1;
    case 'e':
        if (nd && tui_may(app, UD_ACT_ORG_WRITE))
            open_form(app, t, nd->id, 0);
        return 1;
    case 'd':
        if (nd && tui_may(app, UD_ACT_ORG_WRITE)) {
            char q[300];
            snprintf(q, sizeof q, T("撤销组织“%s”？（会员和历史记录保留）", "Dissolve '%s'? (members and records are kept)"),
                     nd->name);
            if (tui_confirm(app, q)) {
                struct ud_org o;
                struct ud_err err;
                ud_err_clear(&err);
                if (ud_org_get(app->db, nd->id, &o, &err) != UD_OK ||
                    ud_org_dissolve(app->db, o.id, o.version, &err) != UD_OK)
                    tui_error(app, &err);
                else
                    tui_message(app, "%s", T("已撤销", "dissolved"));
                load(app, t);
            }
        }
        return 1;
    }
    return 0;
}

static void tree_free(struct tui_view *v)
{
    struct org_tab *t = v->data;
    free(t->nodes);
    free(t->expanded);
    free(t->visible);
    tui_scr_free(t->scr);
    free(t);
}

static void tree_resume(struct tui_app *app, struct tui_view *v)
{
    struct org_tab *t = v->data;
    if (t->generation != app->generation || time(NULL) - t->loaded_at > 60)
        load(app, t);
}

static const struct tui_keyhelp tree_keys[] = {
    {"Enter", "展开/收起", "open/close"}, {"Right", "详情", "details"}, {"/", "查找", "find"},
    {"a", "新建下级", "add below"},      {"e", "修改", "edit"},    {"d", "撤销", "dissolve"},
    {"A", "审计", "audit"},              TUI_KEYS_END};

static const struct tui_view_ops tree_ops = {tree_draw, tree_key, tree_free, NULL, tree_resume};

static struct tui_view *open_tab(struct tui_app *app)
{
    struct org_tab *t = calloc(1, sizeof *t);
    struct tui_view *v = calloc(1, sizeof *v);
    if (!t || !v) {
        free(t);
        free(v);
        return NULL;
    }
    t->search.maxchars = 30;
    v->ops = &tree_ops;
    v->keys = tree_keys;
    v->data = t;
    load(app, t);
    return v;
}

const struct tui_tab_ops tui_tab_orgs = {"组织", "Organizations", open_tab};

/* ---- the organization as a record: detail and form over screen.c ---- */

TUI_SCREEN_RECORD(org, struct ud_org, ud_org_get, ud_org_create, ud_org_update)

static int64_t org_id(const void *row)
{
    return ((const struct ud_org *)row)->id;
}

/* a new organization goes below the one selected in the tree */
static void init(struct tui_app *app, struct tui_scr *s, void *rec)
{
    (void)app;
    struct ud_org *o = rec;
    ud_org_init(o);
    o->parent_id = *(const int64_t *)s->priv ? *(const int64_t *)s->priv : UD_NULL_INT;
    snprintf(o->kind, sizeof o->kind, "enterprise_union");
}

static void name(const void *rec, int longer, char *out, size_t outsz)
{
    (void)longer;
    snprintf(out, outsz, "%s", ((const struct ud_org *)rec)->name);
}

static void detail(struct tui_app *app, struct tui_scr *s, struct tui_detail *d, const void *rec)
{
    (void)s;
    const struct ud_org *o = rec;
    tui_detail_fields(app, d, ud_org_fields, o);
    const char *level = ud_org_kind_level(o->kind);
    tui_detail_add(d, T("调解级别", "mediation level"),
                   level ? ud_enum_label(&ud_enum_level, level) : T("不承担调解", "does not mediate"), 0);
}

static enum tui_done back(struct tui_app *app, struct tui_scr *s, const void *rec)
{
    (void)app;
    (void)s;
    (void)rec;
    return TUI_GONE; /* Left closes the detail, as Right opened it */
}

static const struct tui_screen_pick form_picks[] = {{"parent", tui_pick_org_any}, {NULL, NULL}};

static const struct tui_screen_key keys[] = {
    {'e', "e", "修改", "edit", UD_ACT_ORG_WRITE, TUI_IN_DETAIL, 1, tui_scr_edit},
    {TK_KEY(KEY_LEFT), "Left", "返回", "back", UD_ACT_VIEW, TUI_IN_DETAIL, 0, back},
    TUI_SCREEN_KEYS_END,
};

static const struct tui_screen org_screen = {
    .title = {"组织", "Organizations"},
    .src = {sizeof(struct ud_org), NULL, 0, NULL, NULL, NULL, NULL, org_id, NULL},
    .version_off = offsetof(struct ud_org, version),
    .created_off = offsetof(struct ud_org, created_at),
    .updated_off = offsetof(struct ud_org, updated_at),
    .fields = ud_org_fields,
    .get = org_get,
    .init = init,
    .create = org_create,
    .update = org_update,
    .name = name,
    .detail_title = {"组织：%s", "Organization: %s"},
    .new_title = {"新组织", "New organization"},
    .edit_title = {"修改组织：%s", "Edit organization: %s"},
    .added = {"已添加组织 %s", "organization %s added"},
    .detail = detail,
    .form_picks = form_picks,
    .keys = keys,
    .private_size = sizeof(int64_t), /* the parent of a new organization */
};

static void open_detail(struct tui_app *app, int64_t id)
{
    tui_screen_detail(app, &org_screen, id);
}

static void open_form(struct tui_app *app, struct org_tab *t, int64_t id, int64_t parent)
{
    if (!t->scr && !(t->scr = tui_scr_make(app, &org_screen)))
        return;
    *(int64_t *)t->scr->priv = parent;
    struct ud_org o;
    memset(&o, 0, sizeof o);
    o.id = id;
    if (id)
        tui_scr_edit(app, t->scr, &o);
    else
        tui_scr_new(app, t->scr, NULL);
}
