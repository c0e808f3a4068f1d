/* Errors as values: a status, a message in the user's language, and the
 * fields a validation failure concerns. Front ends decide how to show them. */
#ifndef UD_ERR_H
#define UD_ERR_H

#include <stdarg.h>

enum ud_status {
    UD_OK = 0,
    UD_ERR_USAGE,     /* bad command line */
    UD_ERR_INVALID,   /* field validation failed */
    UD_ERR_NOTFOUND,  /* no such record */
    UD_ERR_CONFLICT,  /* optimistic concurrency: record changed meanwhile */
    UD_ERR_DUPLICATE, /* unique constraint */
    UD_ERR_STATE,     /* workflow move not allowed */
    UD_ERR_PERM,      /* role does not allow this */
    UD_ERR_BUSY,      /* database locked by another writer */
    UD_ERR_NOINPUT,   /* input file missing or unreadable */
    UD_ERR_CANTCREAT, /* cannot create output */
    UD_ERR_IO,        /* I/O error */
    UD_ERR_SCHEMA,    /* database schema newer or different */
    UD_ERR_INTERNAL
};

#define UD_MAX_FIELD_ERRORS 24
#define UD_MAX_WARNINGS 8
#define UD_ERR_MSG 512
#define UD_FIELD_MSG 200

struct ud_field_error {
    const char *field; /* canonical field name, e.g. "id_number" */
    const char *label; /* label in the user's language, may be NULL */
    char msg[UD_FIELD_MSG];
};

struct ud_err {
    enum ud_status status;
    char msg[UD_ERR_MSG];
    int nfields;
    struct ud_field_error fields[UD_MAX_FIELD_ERRORS];
    int nwarnings;
    char warnings[UD_MAX_WARNINGS][UD_FIELD_MSG];
    /* the field a warning concerns (canonical name and label), or NULL */
    const char *warning_field[UD_MAX_WARNINGS];
    const char *warning_label[UD_MAX_WARNINGS];
};

void ud_err_clear(struct ud_err *e);
/* Sets status and message; returns status so callers can `return ud_err_set(...)`. */
int ud_err_set(struct ud_err *e, enum ud_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Adds a field error (status becomes UD_ERR_INVALID unless already set). */
int ud_err_field(struct ud_err *e, const char *field, const char *label,
                 const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* A warning: not an error (the status is unchanged, a save goes through),
 * something the front end shows after it. */
void ud_err_warn(struct ud_err *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* A warning about one field (e.g. an agreed amount above the claim). */
void ud_err_warn_field(struct ud_err *e, const char *field, const char *label, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Puts "prefix: " before the message (cut at a character boundary). */
void ud_err_prefix(struct ud_err *e, const char *prefix);
/* First field error for `field`, or NULL. */
const struct ud_field_error *ud_err_find(const struct ud_err *e, const char *field);
/* One line: the main message, or "label: msg; label: msg". */
void ud_err_text(const struct ud_err *e, char *buf, int size);
/* An operating-system error (errno) in the user's language. */
const char *ud_strerror(int errnum);
/* An allocation failed: "内存不足 / out of memory", UD_ERR_INTERNAL (exit
 * 70). The one way every layer but the screens reports it; the caller
 * undoes what it had begun. Returns the status. */
int ud_err_nomem(struct ud_err *e);
/* sysexits.h code for a status. */
int ud_exit_code(enum ud_status st);

/* Core prints nothing. What it must tell the user beside an error (an
 * automatic upgrade and its backup, an ignored configuration file, a
 * privilege it cannot give up just before it stops) goes, as one line of
 * text in the user's language, to the front end's notice function; with
 * none set it is dropped. */
typedef void (*ud_notice_fn)(const char *text, void *arg);
void ud_set_notice(ud_notice_fn fn, void *arg);
void ud_notice(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
