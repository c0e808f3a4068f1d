/* Who may do what: one table of actions and the role each needs. The
 * modules check their writes with ud_may; the screens ask the same
 * function before offering a key, so the two cannot drift apart. */
#ifndef UD_MAY_H
#define UD_MAY_H

#include "uniondesk/db.h"
#include "uniondesk/err.h"

enum ud_act {
    UD_ACT_VIEW,            /* anyone with the file open */
    UD_ACT_ORG_WRITE,       /* create, edit, delete organizations */
    UD_ACT_MEMBER_WRITE,    /* create, edit members */
    UD_ACT_MEMBER_DELETE,
    UD_ACT_CASE_WRITE,      /* register, edit cases, timeline entries */
    UD_ACT_CASE_MOVE,       /* status moves */
    UD_ACT_CASE_DELETE,
    UD_ACT_CASE_REOPEN,     /* a closed case back to its state before */
    UD_ACT_COURSE_WRITE,
    UD_ACT_COURSE_DELETE,
    UD_ACT_ENROL_WRITE,     /* enrol, attendance, completion, remove */
    UD_ACT_AID_WRITE,       /* recipients and grants: create, edit */
    UD_ACT_AID_DECIDE,      /* approve, pay, cancel grants */
    UD_ACT_AID_DELETE,
    UD_ACT_REVEAL_ID,       /* whole ID numbers (recorded as a read) */
    UD_ACT_AUDIT_READ,
    UD_ACT_USER_ADMIN,
    UD_ACT_COUNT
};

/* The least role the action needs. */
enum ud_role ud_act_role(enum ud_act a);
/* UD_OK when the session's user may do it, else UD_ERR_PERM with the
 * reason in err (no account, or which role it needs). */
int ud_may(struct ud_db *db, enum ud_act a, struct ud_err *err);

#endif
