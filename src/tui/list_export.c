/* `x` on a list screen: see list_export.h. */
#include "list_export.h"

#include <stdlib.h>
#include <string.h>

#include "export_form.h"
#include "uniondesk/i18n.h"
#include "uniondesk/org.h"
#include "uniondesk/privacy.h"

struct list_export {
    const struct tui_list_export_spec *spec;
    void *filter; /* the screen's filter, copied */
    char query[TUI_EDIT_MAX];
    char sort[32];
    int desc;
    char scope[184];
};

static void free_export(void *arg)
{
    struct list_export *x = arg;
    if (x)
        free(x->filter);
    free(x);
}

static int write_list(struct tui_app *app, const char *path, int full_id, void *arg, struct ud_err *err)
{
    const struct list_export *x = arg;
    struct ud_list_export o;
    memset(&o, 0, sizeof o);
    if (ud_export_format_choose(NULL, path, &o.format, err) != UD_OK)
        return err->status;
    o.scope_name = x->scope[0] ? x->scope : NULL;
    o.sort = x->sort[0] ? x->sort : NULL;
    o.desc = x->desc;
    o.full_id = full_id;
    o.path = path;
    o.out_flags = UD_OUT_FORCE; /* the form asked before it called */
    /* a long list takes a while (380,000 members: some 15 s): say so first */
    tui_message(app, T("正在写入 %s……", "writing %s…"), path);
    tui_redraw(app);
    struct ud_list_export_result res;
    if (x->spec->write(app, x->filter, x->query[0] ? x->query : NULL, &o, &res, err) != UD_OK)
        return err->status;
    tui_message(app, T("已写入 %s：%lld %s", "written to %s: %lld %s"), path, (long long)res.rows,
                T(x->spec->unit_zh, x->spec->unit_en));
    return UD_OK;
}

void tui_list_export(struct tui_app *app, struct tui_scr *s, const struct tui_list_export_spec *spec,
                     int64_t scope_org, const char *file_name)
{
    size_t fsz = s->def->filter_size ? s->def->filter_size : 1;
    struct list_export *x = calloc(1, sizeof *x);
    void *filter = malloc(fsz);
    if (!x || !filter) {
        free(x);
        free(filter);
        tui_error_text(app, "%s", T("内存不足", "out of memory"));
        return;
    }
    memcpy(filter, s->filter, fsz);
    x->spec = spec;
    x->filter = filter;
    snprintf(x->query, sizeof x->query, "%s", s->list->query); /* the search as the list asked for it */
    snprintf(x->sort, sizeof x->sort, "%s", s->list->sort ? s->list->sort : "");
    x->desc = s->list->desc;
    if (scope_org != UD_NULL_INT && scope_org)
        ud_ref_org.display(app->db, scope_org, x->scope, sizeof x->scope);
    tui_export_list_form(app, T(spec->title_zh, spec->title_en), file_name, ud_may_reveal_id(app->db), write_list,
                         x, free_export);
}
