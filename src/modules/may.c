/* Who may do what (see may.h): one row per action. */
#include "uniondesk/may.h"

static const enum ud_role need[UD_ACT_COUNT] = {
    [UD_ACT_VIEW] = UD_ROLE_NONE,
    [UD_ACT_ORG_WRITE] = UD_ROLE_ADMIN,
    [UD_ACT_MEMBER_WRITE] = UD_ROLE_CLERK,
    [UD_ACT_MEMBER_DELETE] = UD_ROLE_OFFICER,
    [UD_ACT_CASE_WRITE] = UD_ROLE_CLERK,
    [UD_ACT_CASE_MOVE] = UD_ROLE_CLERK,
    [UD_ACT_CASE_DELETE] = UD_ROLE_OFFICER,
    [UD_ACT_CASE_REOPEN] = UD_ROLE_OFFICER,
    [UD_ACT_COURSE_WRITE] = UD_ROLE_CLERK,
    [UD_ACT_COURSE_DELETE] = UD_ROLE_OFFICER,
    [UD_ACT_ENROL_WRITE] = UD_ROLE_CLERK,
    [UD_ACT_AID_WRITE] = UD_ROLE_CLERK,
    [UD_ACT_AID_DECIDE] = UD_ROLE_OFFICER,
    [UD_ACT_AID_DELETE] = UD_ROLE_OFFICER,
    [UD_ACT_REVEAL_ID] = UD_ROLE_OFFICER,
    [UD_ACT_AUDIT_READ] = UD_ROLE_ADMIN,
    [UD_ACT_USER_ADMIN] = UD_ROLE_ADMIN,
};

enum ud_role ud_act_role(enum ud_act a)
{
    /* an unknown action needs the most */
    return a >= 0 && a < UD_ACT_COUNT ? need[a] : UD_ROLE_ADMIN;
}

int ud_may(struct ud_db *db, enum ud_act a, struct ud_err *err)
{
    return ud_require_role(db, ud_act_role(a), err);
}
