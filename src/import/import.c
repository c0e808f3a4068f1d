#include "uniondesk/import.h"

#include <stdlib.h>
#include <string.h>

#include "uniondesk/i18n.h"
#include "uniondesk/org.h"
#include "uniondesk/parse.h"
#include "uniondesk/search_bulk.h"
#include "uniondesk/utf8.h"

#define MAX_COLS 64

const struct ud_import_kind *ud_import_kind_find(const char *name)
{
    for (int i = 0; ud_import_kinds[i]; i++)
        if (strcmp(ud_import_kinds[i]->name, name) == 0 || strcmp(ud_import_kinds[i]->zh, name) == 0)
            return ud_import_kinds[i];
    return NULL;
}

/* Where each CSV column goes: a field of the record or of the extra record. */
struct column {
    const struct ud_field *field;
    int extra;
};

/* A field that is a CSV column (not derived, not internal). */
static int is_column(const struct ud_field *f)
{
    return !(f->flags & (UD_FF_NOCSV | UD_FF_DERIVED));
}

void ud_import_columns(const struct ud_import_kind *k, char *out, size_t outsz)
{
    size_t n = 0;
    out[0] = '\0';
    const struct ud_field *tables[2] = {k->fields, k->extra_fields};
    for (int required = 1; required >= 0; required--)
        for (int t = 0; t < 2; t++)
            for (const struct ud_field *f = tables[t]; f && f->name; f++) {
                if (!is_column(f) || !(f->flags & UD_FF_REQUIRED) != !required)
                    continue;
                int w = snprintf(out + n, outsz - n, "%s%s%s", n ? ", " : "", f->name, required ? "*" : "");
                if (w < 0 || (size_t)w >= outsz - n)
                    return;
                n += (size_t)w;
            }
}

static void list_columns(const struct ud_import_kind *k, char *out, size_t outsz)
{
    size_t n = 0;
    out[0] = '\0';
    const struct ud_field *tables[2] = {k->fields, k->extra_fields};
    for (int t = 0; t < 2; t++)
        for (const struct ud_field *f = tables[t]; f && f->name; f++) {
            if (!is_column(f))
                continue;
            int w = snprintf(out + n, outsz - n, "%s%s(%s)%s", n ? ", " : "", f->name, f->zh,
                             (f->flags & UD_FF_REQUIRED) ? "*" : "");
            if (w < 0 || (size_t)w >= outsz - n)
                return;
            n += (size_t)w;
        }
}

static const struct ud_field *find_column(const struct ud_field *defs, const char *h)
{
    const struct ud_field *f = defs ? ud_field_find(defs, h) : NULL;
    if (f && !is_column(f))
        return NULL;
    return f;
}

static int map_header(const struct ud_import_kind *k, char **hdr, int n, struct column *cols,
                      const char *path, struct ud_err *err)
{
    char accepted[2048];
    if (n > MAX_COLS)
        return ud_err_set(err, UD_ERR_INVALID, T("%s：列数过多（%d）", "%s: too many columns (%d)"), path, n);
    for (int i = 0; i < n; i++) {
        char h[256];
        ud_strlcpy_utf8(h, sizeof h, hdr[i]);
        ud_trim(h);
        cols[i].field = find_column(k->fields, h);
        cols[i].extra = 0;
        if (!cols[i].field && (cols[i].field = find_column(k->extra_fields, h)))
            cols[i].extra = 1;
        if (!cols[i].field) {
            char vis[300];
            ud_text_visible(vis, sizeof vis, h);
            list_columns(k, accepted, sizeof accepted);
            return ud_err_set(err, UD_ERR_INVALID,
                              T("%s 第 1 行：未知的列“%s”。%s可用的列（*为必填）：%s",
                                "%s row 1: unknown column '%s'. Columns for %s (* required): %s"),
                              path, vis, T(k->zh, k->name), accepted);
        }
        for (int j = 0; j < i; j++)
            if (cols[j].field == cols[i].field)
                return ud_err_set(err, UD_ERR_INVALID, T("%s 第 1 行：列“%s”出现了两次", "%s row 1: column '%s' appears twice"),
                                  path, h);
    }
    const struct ud_field *tables[2] = {k->fields, k->extra_fields};
    for (int t = 0; t < 2; t++)
        for (const struct ud_field *f = tables[t]; f && f->name; f++) {
            if (!(f->flags & UD_FF_REQUIRED) || !is_column(f))
                continue;
            int seen = 0;
            for (int i = 0; i < n; i++)
                seen |= cols[i].field == f;
            if (!seen)
                return ud_err_set(err, UD_ERR_INVALID,
                                  T("%s 第 1 行：缺少必填列“%s”（%s）", "%s row 1: required column '%s' (%s) is missing"),
                                  path, f->name, f->zh);
        }
    return UD_OK;
}

static void report_row(const struct ud_import_opts *o, long record, const struct ud_err *e)
{
    FILE *out = o->report ? o->report : stderr;
    if (e->nfields == 0) {
        fprintf(out, T("  第 %ld 行：%s\n", "  row %ld: %s\n"), record, e->msg);
        return;
    }
    for (int i = 0; i < e->nfields; i++)
        fprintf(out, T("  第 %ld 行，%s（%s）：%s\n", "  row %ld, %s (%s): %s\n"), record,
                e->fields[i].label ? e->fields[i].label : "", e->fields[i].field ? e->fields[i].field : "",
                e->fields[i].msg);
}

static void report_warnings(const struct ud_import_opts *o, long record, const struct ud_err *e)
{
    FILE *out = o->report ? o->report : stderr;
    for (int i = 0; i < e->nwarnings; i++) {
        if (e->warning_field[i])
            fprintf(out, T("  第 %ld 行，%s（%s）：注意：%s\n", "  row %ld, %s (%s): warning: %s\n"), record,
                    e->warning_label[i] ? e->warning_label[i] : "", e->warning_field[i], e->warnings[i]);
        else
            fprintf(out, T("  第 %ld 行：注意：%s\n", "  row %ld: warning: %s\n"), record, e->warnings[i]);
    }
}

static void report_field_warning(const struct ud_import_opts *o, long record, int column,
                                 const struct ud_field *f, const char *msg)
{
    FILE *out = o->report ? o->report : stderr;
    fprintf(out, T("  第 %ld 行第 %d 列（%s）：注意：%s\n", "  row %ld, column %d (%s): warning: %s\n"), record, column,
            f->name, msg);
}

static int refers_to_orgs(const struct ud_import_kind *k)
{
    const struct ud_field *tables[2] = {k->fields, k->extra_fields};
    for (int t = 0; t < 2; t++)
        for (const struct ud_field *f = tables[t]; f && f->name; f++)
            if (f->type == UD_F_REF && f->ref == &ud_ref_org)
                return 1;
    return 0;
}

/* Organizations may name parents that come later in the file: rows wait
 * until their parent exists. */
struct pending_org {
    long record;
    char *parent_code;
    void *rec;
};

/* The database cannot be written (a full disk, an I/O error, busy, or the
 * transaction lost): the import stops there, whatever --skip-bad says, and
 * reports it once in err (with the row it happened at), not per row. */
static int cannot_write(struct ud_db *db, const struct ud_err *e, const struct ud_import_opts *o, long record,
                        struct ud_err *err)
{
    if (!ud_db_lost(db, err)) {
        if (!e || !ud_status_is_io(e->status))
            return 0;
        *err = *e;
    }
    char where[300];
    snprintf(where, sizeof where, T("%s 第 %ld 行", "%s row %ld"), o->path, record);
    ud_err_prefix(err, where);
    return 1;
}

/* 1 saved, 0 a bad row (reported), -1 the database cannot be written (err). */
static int save_row(struct ud_db *db, const struct ud_import_kind *k, void *rec, void *extra,
                    const struct ud_import_opts *o, long record, struct ud_import_result *res,
                    struct ud_err *err)
{
    struct ud_err e;
    ud_err_clear(&e);
    if (k->save(db, rec, extra, o, &e) == UD_OK) {
        res->imported++;
        report_warnings(o, record, &e);
        return 1;
    }
    if (cannot_write(db, &e, o, record, err))
        return -1;
    res->bad++;
    if (e.status == UD_ERR_DUPLICATE)
        res->duplicates++;
    if (e.status == UD_ERR_PERM)
        res->denied++;
    report_row(o, record, &e);
    return 0;
}

/* Rows checked and waiting to be written together (without --skip-bad,
 * for a kind with save_many). A row that is not queued writes the waiting
 * ones first, so that every row is still reported in the file's order. */
struct batch {
    char *recs; /* k->batch records: each row is read into its slot */
    long *records;
    int n;
};

/* 0 written (bad rows reported), -1 the database cannot be written (err). */
static int flush_batch(struct ud_db *db, const struct ud_import_kind *k, struct batch *b,
                       const struct ud_import_opts *o, struct ud_import_result *res, struct ud_err *err)
{
    int n = b->n;
    b->n = 0;
    if (n == 0)
        return 0;
    if (n == k->batch) {
        struct ud_err e;
        ud_err_clear(&e);
        if (k->save_many(db, b->recs, n, &e) == UD_OK) {
            res->imported += n;
            return 0;
        }
        if (cannot_write(db, &e, o, b->records[0], err))
            return -1;
        /* one of them is refused (a duplicate): nothing of the statement
         * was written; one by one, each is reported as ever */
    }
    for (int i = 0; i < n; i++)
        if (save_row(db, k, b->recs + (size_t)i * k->rec_size, NULL, o, b->records[i], res, err) < 0)
            return -1;
    return 0;
}

static int save_pending_orgs(struct ud_db *db, const struct ud_import_kind *k, struct pending_org *p,
                             long np, const struct ud_import_opts *o, struct ud_import_result *res,
                             struct ud_err *err)
{
    long left = np;
    int progress = 1;
    while (left > 0 && progress) {
        progress = 0;
        for (long i = 0; i < np; i++) {
            if (!p[i].rec)
                continue;
            struct ud_org *org = p[i].rec;
            struct ud_err e;
            ud_err_clear(&e);
            int64_t pid;
            if (ud_org_resolve(db, p[i].parent_code, &pid, &e) != UD_OK) {
                if (cannot_write(db, &e, o, p[i].record, err))
                    return err->status;
                continue; /* parent not there yet */
            }
            org->parent_id = pid;
            if (save_row(db, k, org, NULL, o, p[i].record, res, err) < 0)
                return err->status;
            free(p[i].rec);
            p[i].rec = NULL;
            left--;
            progress = 1;
        }
    }
    for (long i = 0; i < np; i++) {
        if (!p[i].rec)
            continue;
        struct ud_err e;
        ud_err_clear(&e);
        ud_err_field(&e, "parent", T("上级组织", "parent"),
                     T("上级组织代码“%s”在数据库和本文件中都不存在（或形成循环）",
                       "parent code '%s' is neither in the database nor in this file (or forms a cycle)"),
                     p[i].parent_code);
        report_row(o, p[i].record, &e);
        res->bad++;
        free(p[i].rec);
        p[i].rec = NULL;
    }
    return UD_OK;
}

int ud_import_run(struct ud_db *db, const struct ud_import_opts *o, struct ud_import_result *res,
                  struct ud_err *err)
{
    memset(res, 0, sizeof *res);
    const struct ud_import_kind *k = ud_import_kind_find(o->kind);
    if (!k)
        return ud_err_set(err, UD_ERR_USAGE,
                          T("未知的导入类型“%s”：应为 orgs、members、cases、aid、courses 或 enrolments",
                            "unknown import kind '%s': expected orgs, members, cases, aid, courses or enrolments"),
                          o->kind);
    if (ud_require_role(db, UD_ROLE_CLERK, err) != UD_OK)
        return err->status;
    if (o->allow_double && ud_require_role(db, UD_ROLE_OFFICER, err) != UD_OK) {
        ud_err_prefix(err, "--allow-double");
        return err->status;
    }
    struct ud_csv *csv;
    if (ud_csv_open(&csv, o->path, o->encoding, err) != UD_OK)
        return err->status;
    res->encoding = ud_csv_used_encoding(csv);
    char **fields;
    int n;
    long record;
    int r = ud_csv_next(csv, &fields, &n, &record, err);
    if (r <= 0) {
        ud_csv_close(csv);
        if (r == 0)
            ud_err_set(err, UD_ERR_INVALID, T("%s 是空文件：第一行应为列名", "%s is empty: the first row must name the columns"),
                       o->path);
        return err->status;
    }
    struct column cols[MAX_COLS];
    int ncols = n;
    if (map_header(k, fields, n, cols, o->path, err) != UD_OK) {
        ud_csv_close(csv);
        return err->status;
    }
    if (ud_db_begin(db, err) != UD_OK) {
        ud_csv_close(csv);
        return err->status;
    }
    /* the new rows' search index is written in key order before the
     * COMMIT (search_bulk.h): scattered, it was 3/4 of a member import */
    if (ud_search_bulk_begin(db, err) != UD_OK) {
        ud_db_rollback(db);
        ud_csv_close(csv);
        return err->status;
    }
    /* a file is written whole or not at all: no savepoint per row is
     * needed, unless bad rows are to be skipped and good ones kept */
    ud_db_set_all_or_nothing(db, !o->skip_bad);
    /* one long transaction: a cache that holds its working set keeps
     * SQLite from writing the same pages to the WAL again and again */
    ud_db_set_cache(db, 64);
    int is_orgs = strcmp(k->name, "orgs") == 0;
    struct pending_org *pending = NULL;
    long npending = 0, cap_pending = 0;
    void *rec_one = malloc(k->rec_size), *rec = rec_one;
    void *extra = k->extra_size ? malloc(k->extra_size) : NULL;
    struct batch batch = {NULL, NULL, 0};
    int status = UD_OK;
    if (!rec_one || (k->extra_size && !extra)) {
        status = ud_err_nomem(err);
        goto done;
    }
    if (!o->skip_bad && k->save_many && !k->extra_size) {
        batch.recs = malloc(k->rec_size * (size_t)k->batch);
        batch.records = malloc(sizeof *batch.records * (size_t)k->batch);
        if (!batch.recs || !batch.records) {
            status = ud_err_nomem(err);
            goto done;
        }
    }
    /* rows name organizations by code: read them all once, not per row
     * (an orgs import adds organizations, and resolves with SQL) */
    if (!is_orgs && refers_to_orgs(k) && ud_org_table_begin(db, err) != UD_OK) {
        status = err->status;
        goto done;
    }
    while ((r = ud_csv_next(csv, &fields, &n, &record, err)) > 0) {
        res->rows++;
        struct ud_err e;
        ud_err_clear(&e);
        if (batch.recs) /* read into its slot: queued without a copy */
            rec = batch.recs + (size_t)batch.n * k->rec_size;
        k->init(rec, extra);
        if (n != ncols) {
            ud_err_set(&e, UD_ERR_INVALID, T("有 %d 列，表头有 %d 列", "has %d columns, the header has %d"), n, ncols);
            if (flush_batch(db, k, &batch, o, res, err) < 0) {
                status = err->status;
                goto done;
            }
            report_row(o, record, &e);
            res->bad++;
            continue;
        }
        char *parent_code = NULL;
        for (int i = 0; i < n; i++) {
            if (is_orgs && strcmp(cols[i].field->name, "parent") == 0) {
                parent_code = fields[i];
                ud_trim(parent_code);
                /* it is looked up, not set: checked here like every field */
                const char *why = ud_check_text(parent_code, 0, 0);
                if (why)
                    ud_err_field(&e, cols[i].field->name, ud_field_label(cols[i].field), "%s", why);
                continue;
            }
            int nw = e.nwarnings;
            ud_field_set(db, cols[i].field, cols[i].extra ? extra : rec, fields[i], &e);
            for (; nw < e.nwarnings; nw++) /* e.g. a credit code failing its check */
                report_field_warning(o, record, i + 1, cols[i].field, e.warnings[nw]);
        }
        if (cannot_write(db, NULL, o, record, err)) {
            status = err->status;
            goto done;
        }
        if (e.nfields) {
            if (flush_batch(db, k, &batch, o, res, err) < 0) {
                status = err->status;
                goto done;
            }
            report_row(o, record, &e);
            res->bad++;
            continue;
        }
        if (batch.recs) {
            struct ud_err ce;
            ud_err_clear(&ce);
            if (k->check(db, rec, &ce) == UD_OK && ce.nwarnings == 0) {
                batch.records[batch.n++] = record;
                if (batch.n == k->batch && flush_batch(db, k, &batch, o, res, err) < 0) {
                    status = err->status;
                    goto done;
                }
                continue;
            }
            if (cannot_write(db, &ce, o, record, err)) {
                status = err->status;
                goto done;
            }
            /* refused or warned: saved (and reported) below as ever, after the waiting rows */
            if (flush_batch(db, k, &batch, o, res, err) < 0) {
                status = err->status;
                goto done;
            }
        }
        if (is_orgs && parent_code && *parent_code) {
            struct ud_org *org = rec;
            int64_t pid;
            struct ud_err pe;
            ud_err_clear(&pe);
            if (ud_org_resolve(db, parent_code, &pid, &pe) == UD_OK) {
                org->parent_id = pid;
            } else if (cannot_write(db, &pe, o, record, err)) {
                status = err->status;
                goto done;
            } else {
                /* the parent may come later in the file */
                if (npending == cap_pending) {
                    cap_pending = cap_pending ? cap_pending * 2 : 64;
                    struct pending_org *g = realloc(pending, sizeof *g * (size_t)cap_pending);
                    if (!g) {
                        status = ud_err_nomem(err);
                        goto done;
                    }
                    pending = g;
                }
                struct pending_org *p = &pending[npending++];
                p->record = record;
                p->parent_code = strdup(parent_code);
                p->rec = malloc(k->rec_size);
                if (!p->parent_code || !p->rec) {
                    status = ud_err_nomem(err);
                    goto done;
                }
                memcpy(p->rec, rec, k->rec_size);
                continue;
            }
        }
        if (save_row(db, k, rec, extra, o, record, res, err) < 0) {
            status = err->status;
            goto done;
        }
    }
    if (r < 0) {
        status = err->status;
        goto done;
    }
    if (flush_batch(db, k, &batch, o, res, err) < 0) {
        status = err->status;
        goto done;
    }
    if (npending)
        status = save_pending_orgs(db, k, pending, npending, o, res, err);
done:
    ud_org_table_end(db);
    for (long i = 0; i < npending; i++) {
        free(pending[i].parent_code);
        free(pending[i].rec);
    }
    free(pending);
    free(rec_one);
    free(batch.recs);
    free(batch.records);
    free(extra);
    ud_csv_close(csv);
    ud_db_set_all_or_nothing(db, 0);
    ud_db_set_cache(db, 0);
    if (status != UD_OK || o->dry_run || (res->bad && !o->skip_bad)) {
        ud_db_rollback(db);
        if (status == UD_OK && res->bad && !o->skip_bad)
            status = ud_err_set(err, res->denied ? UD_ERR_PERM : UD_ERR_INVALID,
                                T("%s：%ld 行有错误，整个文件未导入（没有写入任何数据）",
                                  "%s: %ld bad row(s); the file was not imported (nothing was written)"),
                                o->path, res->bad);
        if (!o->dry_run || status != UD_OK)
            res->imported = 0;
        return status;
    }
    if (ud_search_bulk_end(db, err) != UD_OK) {
        ud_db_rollback(db);
        res->imported = 0;
        ud_err_prefix(err, o->path);
        return err->status;
    }
    if (ud_db_commit(db, err) != UD_OK) {
        res->imported = 0;
        if (strstr(err->msg, o->path) == NULL)
            ud_err_prefix(err, o->path);
        return err->status;
    }
    return UD_OK;
}
