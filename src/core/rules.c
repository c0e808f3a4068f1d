#include "uniondesk/rules.h"

#include <string.h>

#include "uniondesk/parse.h"

int ud_case_overdue(const char *status, const char *filed_on, const char *as_of)
{
    if (!status || !filed_on || !as_of || strlen(filed_on) != 10 || strlen(as_of) != 10)
        return 0;
    if (strcmp(status, "filed") != 0 && strcmp(status, "mediating") != 0)
        return 0;
    return ud_date_days(as_of) - ud_date_days(filed_on) > UD_MEDIATION_DAYS;
}

void ud_case_due_date(const char *filed_on, char out[11])
{
    ud_date_add(filed_on, UD_MEDIATION_DAYS, out);
}
