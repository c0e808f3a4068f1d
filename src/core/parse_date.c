#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "uniondesk/i18n.h"
#include "uniondesk/parse.h"

int ud_is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int ud_days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    return m == 2 && ud_is_leap(y) ? 29 : dm[m - 1];
}

/* Reads 1..maxd ASCII digits; returns digits read. */
static int digits(const char **p, int maxd, int *val)
{
    int n = 0, v = 0;
    while (n < maxd && **p >= '0' && **p <= '9') {
        v = v * 10 + (**p - '0');
        (*p)++;
        n++;
    }
    *val = v;
    return n;
}

static int skip_sep(const char **p, const char *sep)
{
    size_t l = strlen(sep);
    if (strncmp(*p, sep, l) == 0) {
        *p += l;
        return 1;
    }
    return 0;
}

static const char *check_ymd(int y, int m, int d, char out[UD_DATE_SZ])
{
    if (y < 1900 || y > 2999)
        return T("年份应在1900-2999之间", "year must be between 1900 and 2999");
    if (m < 1 || m > 12)
        return T("月份应为1-12", "month must be 1-12");
    if (d < 1 || d > ud_days_in_month(y, m)) {
        if (m == 2 && d == 29)
            return T("该年不是闰年，2月没有29日", "not a leap year: February has no 29th");
        return T("该月没有这一天", "no such day in that month");
    }
    /* written digit by digit: a date per field of every imported row */
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
    return NULL;
}

const char *ud_date_of(int y, int m, int d, char out[UD_DATE_SZ])
{
    out[0] = '\0';
    return check_ymd(y, m, d, out);
}

const char *ud_parse_date(const char *in, char out[UD_DATE_SZ])
{
    const char *bad = T("日期格式应为 2026-11-26、20261126、2026/11/26 或 2026年11月26日",
                        "date must look like 2026-11-26, 20261126, 2026/11/26 or 2026年11月26日");
    int y, m, d;
    char src[64];
    size_t len = in ? strlen(in) : sizeof src;
    if (len >= sizeof src) {
        out[0] = '\0';
        return bad;
    }
    memcpy(src, in, len + 1);
    out[0] = '\0'; /* after the copy: in and out may be the same buffer */
    const char *p = src;
    while (*p == ' ')
        p++;
    int ny = digits(&p, 8, &y);
    if (ny == 8 && (*p == '\0' || *p == ' ')) {
        d = y % 100;
        m = (y / 100) % 100;
        y /= 10000;
    } else if (ny == 4) {
        const char *seps[] = {"-", "/", ".", "年"};
        const char *sep2[] = {"-", "/", ".", "月"};
        int k;
        for (k = 0; k < 4; k++)
            if (skip_sep(&p, seps[k]))
                break;
        if (k == 4)
            return bad;
        if (!digits(&p, 2, &m) || !skip_sep(&p, sep2[k]) || !digits(&p, 2, &d))
            return bad;
        if (k == 3)
            skip_sep(&p, "日");
    } else {
        return bad;
    }
    while (*p == ' ')
        p++;
    if (*p)
        return bad;
    return check_ymd(y, m, d, out);
}

const char *ud_parse_month(const char *in, char from[UD_DATE_SZ], char to[UD_DATE_SZ])
{
    int y, m;
    const char *p = in ? in : "";
    if (digits(&p, 4, &y) != 4 || !(skip_sep(&p, "-") || skip_sep(&p, "/") || skip_sep(&p, "年")) ||
        !digits(&p, 2, &m))
        return T("月份格式应为 YYYY-MM", "month must be YYYY-MM");
    skip_sep(&p, "月");
    if (*p)
        return T("月份格式应为 YYYY-MM", "month must be YYYY-MM");
    const char *r = check_ymd(y, m, 1, from);
    if (r)
        return r;
    return check_ymd(y, m, ud_days_in_month(y, m), to);
}

const char *ud_parse_year(const char *in, int *year)
{
    const char *p = in ? in : "";
    if (digits(&p, 4, year) != 4 || (*p && strcmp(p, "年") != 0) || *year < 1900 || *year > 2999)
        return T("年份格式应为 YYYY", "year must be YYYY");
    return NULL;
}

/* An import asks for every date field of every row: the answer is kept
 * for the second it was computed in, or for the value of UNIONDESK_TODAY
 * it was parsed from. */
void ud_today(char out[UD_DATE_SZ])
{
    static char fixed_seen[64], fixed_day[UD_DATE_SZ];
    static time_t at = (time_t)-1;
    static char day[UD_DATE_SZ];
    const char *fixed = getenv("UNIONDESK_TODAY");
    if (fixed) {
        if (fixed_day[0] && strcmp(fixed, fixed_seen) == 0) {
            memcpy(out, fixed_day, UD_DATE_SZ);
            return;
        }
        if (!ud_parse_date(fixed, out)) {
            if (strlen(fixed) < sizeof fixed_seen) {
                memcpy(fixed_seen, fixed, strlen(fixed) + 1);
                memcpy(fixed_day, out, UD_DATE_SZ);
            }
            return;
        }
    }
    time_t t = time(NULL);
    if (t != at) {
        struct tm tm;
        localtime_r(&t, &tm);
        strftime(day, sizeof day, "%Y-%m-%d", &tm);
        at = t;
    }
    memcpy(out, day, UD_DATE_SZ);
}

void ud_now(char out[UD_TIME_SZ])
{
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(out, UD_TIME_SZ, "%Y-%m-%d %H:%M:%S", &tm);
}

/* Days from civil (Howard Hinnant's algorithm). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

long ud_date_days(const char *iso)
{
    int y = atoi(iso), m = atoi(iso + 5), d = atoi(iso + 8);
    return days_from_civil(y, m, d);
}

void ud_date_from_days(long z, char out[UD_DATE_SZ])
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    /* by hand, not snprintf: the demo formats millions of dates */
    unsigned long yy = (unsigned long)(y + (m <= 2)) % 10000ul, mm = (unsigned long)m % 100ul,
                  dd = (unsigned long)d % 100ul;
    out[0] = (char)('0' + yy / 1000);
    out[1] = (char)('0' + yy / 100 % 10);
    out[2] = (char)('0' + yy / 10 % 10);
    out[3] = (char)('0' + yy % 10);
    out[4] = '-';
    out[5] = (char)('0' + mm / 10);
    out[6] = (char)('0' + mm % 10);
    out[7] = '-';
    out[8] = (char)('0' + dd / 10);
    out[9] = (char)('0' + dd % 10);
    out[10] = '\0';
}

void ud_date_add(const char *iso, long n, char out[UD_DATE_SZ])
{
    ud_date_from_days(ud_date_days(iso) + n, out);
}
