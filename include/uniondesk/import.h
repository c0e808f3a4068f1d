/* CSV import of organizations, members, cases, aid, courses and
 * enrolments: one transaction per file; every bad row reported (row,
 * column, reason); nothing written unless every row is good, or
 * --skip-bad says to keep the good ones. */
#ifndef UD_IMPORT_H
#define UD_IMPORT_H

#include <stdio.h>

#include "uniondesk/csv.h"
#include "uniondesk/db.h"
#include "uniondesk/fields.h"

struct ud_import_opts {
    const char *kind; /* orgs, members, cases, aid, courses, enrolments */
    const char *path;
    enum ud_csv_encoding encoding;
    int dry_run;
    int skip_bad;
    int allow_double;
    FILE *report; /* where bad rows are listed (stderr) */
};

struct ud_import_result {
    long rows;       /* data rows read */
    long imported;   /* rows written (0 on a dry run or a rejected file) */
    long bad;        /* rows with errors */
    long duplicates; /* of which: already in the database or earlier in the file */
    long denied;     /* of which: refused by the user's role */
    enum ud_csv_encoding encoding;
};

/* One kind of import: the record's field table (the accepted columns, by
 * name or label), optional extra columns kept in a second record, and the
 * function that saves a row through the module. */
struct ud_import_kind {
    const char *name;
    const char *zh;
    const char *en;
    const struct ud_field *fields;
    size_t rec_size;
    const struct ud_field *extra_fields; /* may be NULL */
    size_t extra_size;
    void (*init)(void *rec, void *extra);
    int (*save)(struct ud_db *db, void *rec, void *extra, const struct ud_import_opts *o,
                struct ud_err *err);
    /* Optional, for a kind without extra fields (members): check makes
     * every check of save without writing; save_many writes `batch` rows
     * so checked in one statement, all or none. Used without --skip-bad. */
    int (*check)(struct ud_db *db, void *rec, struct ud_err *err);
    int (*save_many)(struct ud_db *db, const void *recs, int n, struct ud_err *err);
    int batch;
};

const struct ud_import_kind *ud_import_kind_find(const char *name);
extern const struct ud_import_kind *const ud_import_kinds[];

/* "code*, name*, kind*, parent, …": the columns a kind takes (the names
 * its header may use), the required ones first and marked *. */
void ud_import_columns(const struct ud_import_kind *k, char *out, size_t outsz);

int ud_import_run(struct ud_db *db, const struct ud_import_opts *o, struct ud_import_result *res,
                  struct ud_err *err);

#endif
