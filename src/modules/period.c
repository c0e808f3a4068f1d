/* Report periods: a month or a calendar year, and whether it can be
 * counted yet. */
#include "uniondesk/period.h"

#include <stdio.h>
#include <string.h>

#include "uniondesk/i18n.h"

const char *ud_period_parse(const char *text, enum ud_period_kind want, struct ud_period *out)
{
    memset(out, 0, sizeof *out);
    const char *t = text ? text : "";
    /* a year is four digits (and 年), a month has more */
    int looks_year = strlen(t) == 4 || (strlen(t) == 4 + strlen("年") && strcmp(t + 4, "年") == 0);
    if (want == UD_PERIOD_YEAR || (want == UD_PERIOD_ANY && looks_year)) {
        const char *why = ud_parse_year(t, &out->year);
        if (why)
            return why;
        out->is_year = 1;
        snprintf(out->from, sizeof out->from, "%04u-01-01", (unsigned)out->year % 10000u);
        snprintf(out->to, sizeof out->to, "%04u-12-31", (unsigned)out->year % 10000u);
        return NULL;
    }
    const char *why = ud_parse_month(t, out->from, out->to);
    if (why) {
        memset(out, 0, sizeof *out);
        return why;
    }
    sscanf(out->from, "%4d", &out->year);
    return NULL;
}

int ud_period_check(const char *from, const char *to, const char *as_of, struct ud_err *err)
{
    if (strcmp(from, to) > 0)
        return ud_err_set(err, UD_ERR_USAGE, T("统计期的开始日期 %s 晚于结束日期 %s", "the period starts (%s) after it ends (%s)"),
                          from, to);
    if (strcmp(as_of, from) < 0)
        return ud_err_set(err, UD_ERR_USAGE,
                          T("数据日期 %s 早于统计期开始日期 %s：该期尚无数据",
                            "the data date %s is before the period starts (%s): nothing to count yet"),
                          as_of, from);
    return UD_OK;
}
