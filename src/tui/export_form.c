/* Writing a file from the screens: a small form with the path (a default
 * in the user's export folder) and, for rosters, whether ID numbers are
 * written whole; the caller's writer does the work. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "export_form.h"
#include "uniondesk/i18n.h"

struct export_input {
    char path[1024];
    int full_id;
};

#define S struct export_input
static const struct ud_field export_fields[] = {
    UD_FIELD_TEXT(S, "path", "保存为", "save as", path, 250, UD_FF_REQUIRED),
    UD_FIELD_OF(S, UD_F_BOOL, "full_id", "完整身份证号", "whole ID numbers", full_id, 0),
    UD_FIELD_END,
};
#undef S

struct export_ctx {
    int pdf; /* a document (the default name ends in .pdf): .pdf only */
    tui_export_writer write;
    void *arg;
    void (*free_arg)(void *);
    int csv_ok; /* a list: .csv as well as .xlsx */
};

void tui_export_dir(char *out, size_t outsz)
{
    const char *dir = getenv("UNIONDESK_EXPORT_DIR");
    if (!dir || !*dir)
        dir = getenv("HOME");
    if (!dir || !*dir)
        dir = ".";
    snprintf(out, outsz, "%s", dir);
}

/* "~/x.xlsx" as a shell would read it: the user's home. */
static void expand_home(const char *in, char *out, size_t outsz)
{
    const char *home = getenv("HOME");
    if (in[0] == '~' && in[1] == '/' && home && *home)
        snprintf(out, outsz, "%s%s", home, in + 1);
    else
        snprintf(out, outsz, "%s", in);
}

/* A directory is no file to write; an existing file only if the user says so. */
static int may_write(struct tui_app *app, const char *path, struct ud_err *err)
{
    struct stat sb;
    if (stat(path, &sb) != 0)
        return UD_OK;
    if (S_ISDIR(sb.st_mode))
        return ud_err_field(err, "path", T("保存为", "save as"), "%s",
                            T("这是一个目录：请在后面写上文件名", "that is a directory: add a file name to it"));
    if (!tui_confirm(app, T("文件已存在，覆盖吗？", "The file exists. Overwrite it?")))
        return ud_err_field(err, "path", T("保存为", "save as"), "%s", T("请换一个文件名", "choose another name"));
    return UD_OK;
}

static int export_save(struct tui_app *app, struct tui_form *form, void *ctx, struct ud_err *err)
{
    struct export_ctx *c = ctx;
    struct export_input in;
    ud_fields_clear(export_fields, &in);
    if (tui_form_apply(app, form, export_fields, &in, err) != UD_OK ||
        ud_fields_check_required(export_fields, &in, err) != UD_OK)
        return err->status;
    char path[sizeof in.path + 512];
    expand_home(in.path, path, sizeof path);
    size_t n = strlen(path);
    if (c->pdf) {
        if (n < 5 || strcasecmp(path + n - 4, ".pdf") != 0)
            return ud_err_field(err, "path", T("保存为", "save as"), "%s",
                                T("文件名应以 .pdf 结尾", "the file name must end in .pdf"));
        if (may_write(app, path, err) != UD_OK)
            return err->status;
        return c->write(app, path, 0, c->arg, err);
    }
    int xlsx = n >= 6 && strcasecmp(path + n - 5, ".xlsx") == 0;
    int csv = c->csv_ok && n >= 5 && strcasecmp(path + n - 4, ".csv") == 0;
    if (!xlsx && !csv)
        return ud_err_field(err, "path", T("保存为", "save as"), "%s",
                            c->csv_ok ? T("文件名应以 .xlsx 或 .csv 结尾", "the file name must end in .xlsx or .csv")
                                      : T("文件名应以 .xlsx 结尾", "the file name must end in .xlsx"));
    if (may_write(app, path, err) != UD_OK)
        return err->status;
    return c->write(app, path, in.full_id, c->arg, err);
}

static void free_ctx(void *p)
{
    struct export_ctx *c = p;
    if (c->free_arg)
        c->free_arg(c->arg);
    free(c);
}

static void open_form(struct tui_app *app, const char *title, const char *file_name, int ask_full_id, int csv_ok,
                      tui_export_writer write, void *arg, void (*free_arg)(void *))
{
    struct export_ctx *c = calloc(1, sizeof *c);
    struct tui_form *form = tui_form_new(title);
    if (!c || !form) {
        free(c);
        free(form);
        if (free_arg)
            free_arg(arg);
        return;
    }
    size_t fl = strlen(file_name);
    c->pdf = fl > 4 && strcmp(file_name + fl - 4, ".pdf") == 0;

    c->write = write;
    c->arg = arg;
    c->free_arg = free_arg;
    c->csv_ok = csv_ok;
    char dir[900], path[1024];
    tui_export_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/%s", dir, file_name);
    tui_form_add(form, &export_fields[0], path);
    if (ask_full_id)
        tui_form_add(form, &export_fields[1], T("否", "no"));
    form->save = export_save;
    form->ctx = c;
    form->free_ctx = free_ctx;
    tui_form_open(app, form);
}

void tui_export_form(struct tui_app *app, const char *title, const char *file_name, int ask_full_id,
                     tui_export_writer write, void *arg, void (*free_arg)(void *))
{
    open_form(app, title, file_name, ask_full_id, 0, write, arg, free_arg);
}

void tui_export_list_form(struct tui_app *app, const char *title, const char *file_name, int ask_full_id,
                          tui_export_writer write, void *arg, void (*free_arg)(void *))
{
    open_form(app, title, file_name, ask_full_id, 1, write, arg, free_arg);
}
