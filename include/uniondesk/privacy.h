/* What a user is shown of personal data (DESIGN.md, "Trust"): ID numbers
 * are masked (330206********1234) on every screen, list, detail, report and
 * export; an officer or admin reveals one whole number in a detail, and
 * the audit log records the read; phones are masked (138****5678) for
 * strangers, logins without an account. The masks are ud_mask_id_number
 * and ud_mask_phone (parse.h); these functions apply the rules. */
#ifndef UD_PRIVACY_H
#define UD_PRIVACY_H

#include <stddef.h>
#include <stdint.h>

#include "uniondesk/db.h"

/* An ID number as shown to anyone: masked. */
void ud_show_id_number(const char *id, char *out, size_t outsz);
/* A phone as shown to this user: masked for strangers, whole otherwise. */
void ud_show_phone(const struct ud_db *db, const char *phone, char *out, size_t outsz);
/* 1 when this user may reveal a whole ID number (officers and admins). */
int ud_may_reveal_id(const struct ud_db *db);
/* Before a whole ID number is shown: checks the role (UD_ERR_PERM for
 * clerks and strangers) and records a 'read' of table/row_id in the audit
 * log. Show the number only when this returns UD_OK. */
int ud_reveal_id_number(struct ud_db *db, const char *table, int64_t row_id, struct ud_err *err);

#endif
