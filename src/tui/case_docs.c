/* `p` on a case: its mediation documents (casedoc.h). A pick list of the
 * documents its status allows, then print (the printer chooser) or save
 * as PDF (the save-as form, <export dir>/TJ-2026-00042-调解协议书.pdf). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case_actions.h"
#include "export_form.h"
#include "print_pick.h"
#include "uniondesk/casedoc.h"
#include "uniondesk/dispute.h"
#include "uniondesk/i18n.h"
#include "uniondesk/outfile.h"

/* The pick lists are modal: one choice is under way at a time. */
static struct {
    struct ud_case *k; /* the case, read whole */
    const struct ud_casedoc *doc;
    struct ud_enum_item items[8];
} choice;

static void print_on(struct tui_app *app, const char *printer, void *arg)
{
    (void)arg;
    struct ud_err err;
    ud_err_clear(&err);
    if (!choice.k || !choice.doc)
        return;
    if (ud_casedoc_print(app->db, choice.doc, choice.k, printer, 1, &err) == UD_OK && err.nwarnings)
        tui_error_text(app, T("%s 已送往打印机 %s；注意：%s", "%s sent to the printer %s; note: %s"),
                       T(choice.doc->zh, choice.doc->en), printer, err.warnings[0]); /* boxes on the paper */
    else if (err.status == UD_OK)
        tui_message(app, T("%s 已送往打印机 %s", "%s sent to the printer %s"), T(choice.doc->zh, choice.doc->en), printer);
    else
        tui_error(app, &err);
}

static int write_pdf(struct tui_app *app, const char *path, int full_id, void *arg, struct ud_err *err)
{
    (void)full_id;
    (void)arg;
    if (!choice.k || !choice.doc)
        return ud_err_set(err, UD_ERR_INTERNAL, "case document");
    /* the form asked before an existing file is replaced */
    if (ud_casedoc_save(app->db, choice.doc, choice.k, path, UD_OUT_FORCE, NULL, err) != UD_OK)
        return err->status;
    tui_message(app, T("已保存 %s", "saved %s"), path); /* the form adds a warning of boxes */
    return UD_OK;
}

static const struct ud_enum_item how_items[] = {
    {"print", "打印", "print"},
    {"save", "保存为 PDF 文件", "save as a PDF file"},
};

static void how_chosen(struct tui_app *app, const struct ud_enum_item *item, void *arg)
{
    (void)arg;
    if (strcmp(item->code, "print") == 0) {
        tui_choose_printer(app, print_on, NULL);
        return;
    }
    char name[300], title[400];
    ud_casedoc_file_name(choice.doc, choice.k, name, sizeof name);
    snprintf(title, sizeof title, T("保存%s（PDF；F2 保存，Esc 取消）", "Save the %s (PDF; F2 saves, Esc cancels)"),
             T(choice.doc->zh, choice.doc->en));
    tui_export_form(app, title, name, 0, write_pdf, NULL, NULL);
}

static void doc_chosen(struct tui_app *app, const struct ud_enum_item *item, void *arg)
{
    (void)arg;
    choice.doc = ud_casedoc_find(item->code);
    if (!choice.doc || !choice.k)
        return;
    const struct ud_enum_item *how[2] = {&how_items[0], &how_items[1]};
    char title[300];
    snprintf(title, sizeof title, T("%s：打印还是保存？", "%s: print or save?"), T(choice.doc->zh, choice.doc->en));
    tui_pick_items(app, title, how, 2, how_chosen, NULL);
}

enum tui_done case_docs(struct tui_app *app, struct tui_scr *s, const void *rec)
{
    (void)s;
    const struct ud_case *row = rec;
    struct ud_err err;
    ud_err_clear(&err);
    if (!choice.k && !(choice.k = malloc(sizeof *choice.k))) {
        tui_error_text(app, "%s", T("内存不足", "out of memory"));
        return TUI_STAY;
    }
    /* as stored now, with the texts a list's row leaves out */
    if (ud_case_get(app->db, row->id, choice.k, &err) != UD_OK) {
        tui_error(app, &err);
        return TUI_STAY;
    }
    const struct ud_casedoc *docs[8];
    int n = ud_casedoc_offered(choice.k, docs, 8);
    const struct ud_enum_item *items[8];
    for (int i = 0; i < n; i++) {
        choice.items[i].code = docs[i]->code;
        choice.items[i].zh = docs[i]->zh;
        choice.items[i].en = docs[i]->en;
        items[i] = &choice.items[i];
    }
    char title[300];
    snprintf(title, sizeof title, T("案件 %s（%s）的文书：", "Documents of case %s (%s):"), choice.k->case_no,
             ud_enum_label(&ud_enum_case_status, choice.k->status));
    tui_pick_items(app, title, items, n, doc_chosen, NULL);
    return TUI_STAY;
}
