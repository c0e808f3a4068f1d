/* The mediation documents (调解文书) a case produces (DESIGN.md,
 * "Documents"): one table of the six, each offered only in the states it
 * applies to, built as a struct ud_paper from the case and what the
 * modules say about it (the mediation body, the timeline, who received
 * the case), then typeset as PDF and saved, written or printed — every
 * output recorded in the audit log (action "print", table cases, the
 * case's row).
 *
 * Dates: each document is dated with the event it records — the
 * application with the day received, the acceptance with the filing date,
 * the rejection, agreement and termination with the closing date — and
 * the case file (record), which is compiled when printed, with the print
 * date. Numbered with the case number (案号), which also heads every page.
 *
 * Whole ID numbers: only for a user who may see them (officers and admins,
 * ud_may_reveal_id); anyone else's document carries 330206********1234.
 * A document with whole numbers says so in its audit entry ("whole ID"),
 * one entry for the output, as audit.h has it for exports.
 *
 * Language: Chinese is the official text. With --lang en the whole
 * document is an English translation, headed as one ("for reference"). */
#ifndef UD_CASEDOC_H
#define UD_CASEDOC_H

#include <stddef.h>
#include <stdio.h>

#include "uniondesk/db.h"
#include "uniondesk/dispute.h"
#include "uniondesk/err.h"
#include "uniondesk/paper.h"

struct ud_casedoc_ctx;

struct ud_casedoc {
    const char *code;     /* "application", … (the --doc value) */
    const char *zh, *en;  /* 劳动争议调解申请登记表 */
    const char *short_zh; /* 申请登记表: also accepted by --doc */
    const char *when_zh, *when_en; /* the states it needs, as the refusal says them */
    int (*applies)(const struct ud_case *c); /* by its status (and filing) */
    void (*build)(struct ud_paper *p, const struct ud_casedoc_ctx *x);
};

/* application, acceptance, rejection, agreement, termination, record;
 * ends with a NULL code. */
extern const struct ud_casedoc ud_casedocs[];

/* By code, full Chinese name or short Chinese name; NULL when none. */
const struct ud_casedoc *ud_casedoc_find(const char *name);
/* "application, acceptance, …" for usage messages. */
const char *ud_casedoc_codes(void);
/* The documents case c may have, in table order; returns how many (at
 * most max). */
int ud_casedoc_offered(const struct ud_case *c, const struct ud_casedoc **out, int max);
/* UD_OK, or UD_ERR_STATE (exit 65) naming the case's status and the
 * states the document needs. */
int ud_casedoc_check(const struct ud_casedoc *d, const struct ud_case *c, struct ud_err *err);
/* "TJ-2026-00042-调解协议书.pdf" (the English name with --lang en); a
 * '/', '\\', control character or leading '.' of the case number as '-'. */
void ud_casedoc_file_name(const struct ud_casedoc *d, const struct ud_case *c, char *out, size_t outsz);

/* The document, built: the case checked against it, then the mediation
 * body, the timeline and the receiving user read through the modules.
 * *whole_id (may be NULL) says whether it carries a whole ID number. */
int ud_casedoc_build(struct ud_db *db, const struct ud_casedoc *d, const struct ud_case *c, struct ud_paper *p,
                     int *whole_id, struct ud_err *err);

/* Built, typeset as PDF and written: to `path` (whole or absent, 0600,
 * outfile.h; UD_OUT_FORCE in out_flags to replace a file), or, path NULL,
 * to fp. Recorded in the audit log before the file is put in place. */
int ud_casedoc_save(struct ud_db *db, const struct ud_casedoc *d, const struct ud_case *c, const char *path,
                    unsigned out_flags, FILE *fp, struct ud_err *err);

/* The PDF in memory (free *pdf), built and typeset, not recorded: for a
 * caller that prints it (ud_casedoc_note first). */
int ud_casedoc_pdf(struct ud_db *db, const struct ud_casedoc *d, const struct ud_case *c, char **pdf, size_t *len,
                   int *whole_id, struct ud_err *err);
/* The audit entry of an output: "case TJ-2026-00042 agreement (whole ID) -> where". */
int ud_casedoc_note(struct ud_db *db, const struct ud_casedoc *d, const struct ud_case *c, int whole_id,
                    const char *where, struct ud_err *err);

/* Built, typeset and printed through lp (print.h): printer NULL or "" for
 * the default destination; recorded in the audit log ("-> printer NAME")
 * before it leaves. quiet: lp says nothing (the screens). */
int ud_casedoc_print(struct ud_db *db, const struct ud_casedoc *d, const struct ud_case *c, const char *printer,
                     int quiet, struct ud_err *err);

#endif
