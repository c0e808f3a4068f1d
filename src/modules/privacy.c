/* The rules of what a user is shown of ID numbers and phones. */
#include "uniondesk/privacy.h"

#include <stdio.h>

#include "uniondesk/audit.h"
#include "uniondesk/i18n.h"
#include "uniondesk/may.h"
#include "uniondesk/parse.h"
#include "db_int.h"

void ud_show_id_number(const char *id, char *out, size_t outsz)
{
    ud_mask_id_number(id ? id : "", out, outsz);
}

void ud_show_phone(const struct ud_db *db, const char *phone, char *out, size_t outsz)
{
    if (!db || db->role == UD_ROLE_NONE)
        ud_mask_phone(phone ? phone : "", out, outsz);
    else
        snprintf(out, outsz, "%s", phone ? phone : "");
}

int ud_may_reveal_id(const struct ud_db *db)
{
    return db && db->role >= ud_act_role(UD_ACT_REVEAL_ID);
}

int ud_reveal_id_number(struct ud_db *db, const char *table, int64_t row_id, struct ud_err *err)
{
    if (!ud_may_reveal_id(db)) {
        /* one sentence, not the generic refusal prefixed by this one */
        return ud_err_set(err, UD_ERR_PERM, "%s",
                          T("权限不足：只有主管和管理员可以查看完整身份证号",
                            "not permitted: only officers and admins may see whole ID numbers"));
    }
    return ud_audit_note(db, table, row_id, "read", "id_number", err);
}
