/* Field tables: each module describes its record's fields once — name,
 * labels, type, limits, where it lives in the struct — and the same table
 * drives validation, CSV column matching, forms and detail views. */
#ifndef UD_FIELDS_H
#define UD_FIELDS_H

#include <stddef.h>
#include <stdint.h>

#include "uniondesk/db.h"
#include "uniondesk/enums.h"
#include "uniondesk/err.h"

enum ud_ftype {
    UD_F_TEXT,      /* char[size]; maxchars characters */
    UD_F_MULTILINE, /* like TEXT, newlines allowed */
    UD_F_DATE,      /* char[UD_DATE_SZ] */
    UD_F_MONEY,     /* int64_t fen; UD_NULL_INT when empty */
    UD_F_INT,       /* int64_t in [min, max]; UD_NULL_INT when empty */
    UD_F_BOOL,      /* int 0/1 */
    UD_F_ENUM,      /* char[size] holding the code */
    UD_F_IDNUM,     /* char[UD_IDNUM_SZ] */
    UD_F_PHONE,     /* char[UD_PHONE_SZ] */
    UD_F_CREDIT,    /* char[UD_CREDIT_SZ]; a bad check character only warns */
    UD_F_REF        /* int64_t id of another record, typed as its code */
};

enum ud_field_flags {
    UD_FF_REQUIRED = 1 << 0,
    UD_FF_NOFUTURE = 1 << 1, /* dates: not after today */
    UD_FF_DERIVED = 1 << 2,  /* computed by the module; not typed by users */
    UD_FF_NOFORM = 1 << 3,   /* not shown in the edit form */
    UD_FF_NOCSV = 1 << 4     /* not an import column */
};

struct ud_field;

/* A reference field is typed as a key (an org code, an ID number, a course
 * code) and shown as a name. */
struct ud_ref_kind {
    const char *name; /* "org", "member", "course" */
    int (*resolve)(struct ud_db *db, const char *key, int64_t *id, struct ud_err *err);
    /* text users type to mean this record (code / ID number) */
    void (*key)(struct ud_db *db, int64_t id, char *out, size_t outsz);
    /* text shown for this record (name) */
    void (*display)(struct ud_db *db, int64_t id, char *out, size_t outsz);
};

/* Bytes of the longest text a field takes or gives (2000 characters of up
 * to 4 bytes, as the longest char[] fields hold), with its NUL. */
#define UD_FIELD_TEXT_MAX 8192

struct ud_field {
    const char *name; /* canonical name: struct member and CSV column */
    const char *zh;
    const char *en;
    enum ud_ftype type;
    size_t offset;
    size_t size;  /* bytes of a char[] field */
    int maxchars; /* text limit in characters */
    int64_t min, max;
    unsigned flags;
    const struct ud_enum *choices; /* UD_F_ENUM */
    const struct ud_ref_kind *ref; /* UD_F_REF */
};

/* Table rows, by kind of field (S is the record struct). */
#define UD_FSIZE(S, m) sizeof(((S *)0)->m)
#define UD_FIELD_TEXT(S, name, zh, en, m, maxc, flags) \
    {name, zh, en, UD_F_TEXT, offsetof(S, m), UD_FSIZE(S, m), maxc, 0, 0, flags, NULL, NULL}
#define UD_FIELD_LONGTEXT(S, name, zh, en, m, maxc, flags) \
    {name, zh, en, UD_F_MULTILINE, offsetof(S, m), UD_FSIZE(S, m), maxc, 0, 0, flags, NULL, NULL}
#define UD_FIELD_INT(S, name, zh, en, m, lo, hi, flags) \
    {name, zh, en, UD_F_INT, offsetof(S, m), UD_FSIZE(S, m), 0, lo, hi, flags, NULL, NULL}
#define UD_FIELD_ENUM(S, name, zh, en, m, choices, flags) \
    {name, zh, en, UD_F_ENUM, offsetof(S, m), UD_FSIZE(S, m), 0, 0, 0, flags, choices, NULL}
#define UD_FIELD_REF(S, name, zh, en, m, ref, flags) \
    {name, zh, en, UD_F_REF, offsetof(S, m), UD_FSIZE(S, m), 0, 0, 0, flags, NULL, ref}
/* dates, money, booleans, ID numbers, phones, credit codes */
#define UD_FIELD_OF(S, type, name, zh, en, m, flags) \
    {name, zh, en, type, offsetof(S, m), UD_FSIZE(S, m), 0, 0, 0, flags, NULL, NULL}

#define UD_FIELD_END {NULL, NULL, NULL, UD_F_TEXT, 0, 0, 0, 0, 0, 0, NULL, NULL}

enum ud_fmt {
    UD_FMT_DISPLAY, /* for screens and reports: labels, 1,234.50, names */
    UD_FMT_EDIT,    /* what a form starts with: labels, 1234.50, codes */
    UD_FMT_CODE     /* stable codes, for CSV and JSON */
};

const char *ud_field_label(const struct ud_field *f);
/* Matches a canonical name or a label in either language. */
const struct ud_field *ud_field_find(const struct ud_field *defs, const char *name_or_label);
int ud_field_count(const struct ud_field *defs);

/* Parses `text` into the record. Empty text clears the field. On error adds
 * a field error to err (naming the field) and returns UD_ERR_INVALID. */
int ud_field_set(struct ud_db *db, const struct ud_field *f, void *rec, const char *text,
                 struct ud_err *err);
void ud_field_format(struct ud_db *db, const struct ud_field *f, const void *rec,
                     enum ud_fmt mode, char *out, size_t outsz);
int ud_field_is_empty(const struct ud_field *f, const void *rec);
/* Sets every field to empty (text ""; numbers UD_NULL_INT; bool 0). */
void ud_fields_clear(const struct ud_field *defs, void *rec);
/* Adds an error for every required field left empty. */
int ud_fields_check_required(const struct ud_field *defs, const void *rec, struct ud_err *err);
/* Re-validates every settable field of a record built in C (not typed), so
 * that module create/update refuse bad values whatever their origin. */
int ud_fields_validate(struct ud_db *db, const struct ud_field *defs, void *rec,
                       struct ud_err *err);

/* Field access helpers */
static inline char *ud_fstr(const struct ud_field *f, void *rec)
{
    return (char *)rec + f->offset;
}
static inline int64_t *ud_fint(const struct ud_field *f, void *rec)
{
    return (int64_t *)(void *)((char *)rec + f->offset);
}

#endif
