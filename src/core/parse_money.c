#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "uniondesk/i18n.h"
#include "uniondesk/parse.h"

static int starts(const char *p, const char *s)
{
    return strncmp(p, s, strlen(s)) == 0;
}

const char *ud_parse_money(const char *in, int64_t *fen)
{
    const char *bad = T("金额格式应为 1234.50、1,234.50 或 12.5万",
                        "amount must look like 1234.50, 1,234.50 or 12.5万");
    const char *p = in ? in : "";
    while (*p == ' ')
        p++;
    if (starts(p, "¥"))
        p += strlen("¥");
    else if (starts(p, "￥"))
        p += strlen("￥");
    if (*p == '-')
        return T("金额不能为负数", "amount cannot be negative");
    if (*p == '+')
        p++;
    int64_t whole = 0, frac = 0;
    int nwhole = 0, nfrac = 0, seen_comma = 0, group = 0;
    for (; (*p >= '0' && *p <= '9') || *p == ','; p++) {
        if (*p == ',') {
            /* 1,234,567: 1-3 digits before the first comma, 3 between */
            if (nwhole == 0 || group > 3 || (seen_comma && group != 3))
                return bad;
            seen_comma = 1;
            group = 0;
            continue;
        }
        if (whole > UD_MONEY_MAX_FEN)
            return T("金额过大", "amount too large");
        whole = whole * 10 + (*p - '0');
        nwhole++;
        group++;
    }
    if (seen_comma && group != 3)
        return bad;
    if (*p == '.') {
        p++;
        for (; *p >= '0' && *p <= '9'; p++) {
            if (nfrac >= 6)
                return T("小数位过多", "too many decimals");
            frac = frac * 10 + (*p - '0');
            nfrac++;
        }
    }
    if (nwhole == 0 && nfrac == 0)
        return bad;
    /* Scale: yuan has 2 decimals; 万 shifts 4 places more. */
    int wan = 0;
    if (starts(p, "万")) {
        wan = 1;
        p += strlen("万");
    }
    if (starts(p, "元"))
        p += strlen("元");
    while (*p == ' ')
        p++;
    if (*p)
        return bad;
    int allowed = wan ? 6 : 2;
    if (nfrac > allowed)
        return wan ? T("以万元计时最多6位小数（精确到分）", "at most 6 decimals in 万 (to the fen)")
                   : T("金额最多两位小数（精确到分）", "at most 2 decimals (to the fen)");
    /* fen = whole * 100 (* 10000) + frac scaled to the unit. */
    int64_t unit = wan ? 1000000 : 100;
    if (whole > UD_MONEY_MAX_FEN / unit)
        return T("金额过大", "amount too large");
    int64_t f = frac;
    for (int i = nfrac; i < allowed; i++)
        f *= 10;
    int64_t v = whole * unit + f;
    if (v > UD_MONEY_MAX_FEN)
        return T("金额过大（上限100亿元）", "amount too large (limit 10 billion yuan)");
    *fen = v;
    return NULL;
}

void ud_format_money_plain(int64_t fen, char *out, size_t outsz)
{
    const char *sign = fen < 0 ? "-" : "";
    uint64_t a = fen < 0 ? (uint64_t)(-(fen + 1)) + 1 : (uint64_t)fen;
    snprintf(out, outsz, "%s%" PRIu64 ".%02" PRIu64, sign, a / 100, a % 100);
}

void ud_format_money(int64_t fen, char *out, size_t outsz)
{
    char plain[40], grouped[60];
    ud_format_money_plain(fen, plain, sizeof plain);
    const char *dot = strchr(plain, '.');
    const char *digits = plain[0] == '-' ? plain + 1 : plain;
    int nint = (int)(dot - digits), o = 0;
    if (plain[0] == '-')
        grouped[o++] = '-';
    for (int i = 0; i < nint; i++) {
        if (i > 0 && (nint - i) % 3 == 0)
            grouped[o++] = ',';
        grouped[o++] = digits[i];
    }
    snprintf(grouped + o, sizeof grouped - (size_t)o, "%s", dot);
    snprintf(out, outsz, "%s", grouped);
}

void ud_format_wan(int64_t fen, char *out, size_t outsz)
{
    /* 1 万元 = 1,000,000 fen; two decimals = units of 10,000 fen, half up. */
    int neg = fen < 0;
    uint64_t a = neg ? (uint64_t)(-(fen + 1)) + 1 : (uint64_t)fen;
    uint64_t hundredths = (a + 5000) / 10000;
    snprintf(out, outsz, "%s%" PRIu64 ".%02" PRIu64, neg && hundredths ? "-" : "",
             hundredths / 100, hundredths % 100);
}

/* One decimal digit of r/d (r < d) by adding r ten times modulo d, so that
 * nothing overflows however large d is; r becomes the new remainder. */
static unsigned next_digit(uint64_t *r, uint64_t d)
{
    uint64_t acc = 0; /* 10 * r mod d, always < d */
    unsigned q = 0;   /* 10 * r / d */
    for (int i = 0; i < 10; i++) {
        if (acc >= d - *r) {
            acc -= d - *r;
            q++;
        } else {
            acc += *r;
        }
    }
    *r = acc;
    return q;
}

void ud_format_percent(int64_t num, int64_t den, char *out, size_t outsz)
{
    if (den <= 0) {
        snprintf(out, outsz, "-");
        return;
    }
    /* Tenths of a percent, half up (away from zero), by long division: the
     * old (num * 2000 + den) / (2 * den) overflowed for sums of money above
     * 4.6e15 fen, which UD_MONEY_MAX_FEN over many rows allows. */
    int neg = num < 0;
    uint64_t a = neg ? (uint64_t)(-(num + 1)) + 1 : (uint64_t)num;
    uint64_t d = (uint64_t)den, whole = a / d, r = a % d;
    unsigned milli = 0; /* thousandths of the ratio = tenths of a percent */
    for (int i = 0; i < 3; i++)
        milli = milli * 10 + next_digit(&r, d);
    if (r >= d - r) /* what is left is at least half */
        milli++;
    if (milli == 1000) {
        whole++;
        milli = 0;
    }
    /* percent = whole * 100 + milli / 10, printed without multiplying */
    if (whole)
        snprintf(out, outsz, "%s%" PRIu64 "%02u.%u%%", neg ? "-" : "", whole, milli / 10, milli % 10);
    else
        snprintf(out, outsz, "%s%u.%u%%", neg && milli ? "-" : "", milli / 10, milli % 10);
}
