/* Inside the audit module: the rebuild of one entry whose columns the
 * caller has read already (audit.c lists, audit_state.c rebuilds). */
#ifndef UD_AUDIT_INT_H
#define UD_AUDIT_INT_H

#include "uniondesk/audit.h"

/* As ud_audit_state, without the role check, for an entry already read. */
int ud_audit_rebuild(struct ud_db *db, int64_t id, const char *tbl, int64_t row_id, const char *action,
                     const char *before_json, const char *after_json, struct ud_audit_state *out,
                     struct ud_err *err);

#endif
