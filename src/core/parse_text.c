#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "uniondesk/i18n.h"
#include "uniondesk/parse.h"
#include "uniondesk/utf8.h"

const char *ud_parse_int(const char *in, int64_t min, int64_t max, int64_t *out)
{
    static char msg[160];
    const char *p = in ? in : "";
    while (*p == ' ')
        p++;
    char *end;
    errno = 0;
    long long v = strtoll(p, &end, 10);
    if (end == p)
        return T("应为整数", "must be a whole number");
    while (*end == ' ')
        end++;
    if (*end)
        return T("应为整数", "must be a whole number");
    if (errno == ERANGE || v < min || v > max) {
        snprintf(msg, sizeof msg, T("应在%" PRId64 "到%" PRId64 "之间", "must be between %" PRId64 " and %" PRId64),
                 min, max);
        return msg;
    }
    *out = v;
    return NULL;
}

const char *ud_parse_bool(const char *in, int *out)
{
    static const char *yes[] = {"1", "yes", "y", "true", "是", "√"};
    static const char *no[] = {"0", "no", "n", "false", "否", ""};
    const char *bad = T("应为 是/否（1/0、yes/no）", "must be yes/no (1/0, 是/否)");
    char s[16];
    /* longer text is not a flag: never compare a truncated head */
    if (snprintf(s, sizeof s, "%s", in ? in : "") >= (int)sizeof s)
        return bad;
    ud_trim(s);
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        if (strcasecmp(s, yes[i]) == 0) {
            *out = 1;
            return NULL;
        }
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        if (strcasecmp(s, no[i]) == 0) {
            *out = 0;
            return NULL;
        }
    return bad;
}

const char *ud_check_text(const char *in, int maxchars, int multiline)
{
    static char msg[160];
    size_t n = strlen(in);
    if (!ud_utf8_valid(in, n))
        return T("含有无效的UTF-8字节（文件编码不对？）", "contains invalid UTF-8 bytes (wrong file encoding?)");
    for (size_t i = 0; i < n;) {
        uint32_t c;
        int l = ud_utf8_decode(in + i, n - i, &c);
        i += (size_t)l;
        if ((c == '\n' || c == '\r') && !multiline)
            return T("不能换行（含有换行符）", "must be one line (contains a line break)");
        if (ud_cp_is_control(c) && !(multiline && (c == '\n' || c == '\t' || c == '\r'))) {
            snprintf(msg, sizeof msg, T("含有控制字符（U+%04X）", "contains a control character (U+%04X)"),
                     (unsigned)c);
            return msg;
        }
        /* U+202E and its kin reorder what a terminal or a list shows:
         * U+202E followed by "gpj.exe" reads as "exe.jpg" */
        if (ud_cp_is_bidi(c)) {
            snprintf(msg, sizeof msg,
                     T("含有双向文本控制字符（U+%04X），会改变文字的显示顺序",
                       "contains a bidirectional control (U+%04X) that reorders the text shown"),
                     (unsigned)c);
            return msg;
        }
        if (ud_cp_is_invisible(c)) {
            snprintf(msg, sizeof msg,
                     T("含有不可见字符（U+%04X），看起来一样的文字会因此不同",
                       "contains an invisible character (U+%04X) that makes look-alike text differ"),
                     (unsigned)c);
            return msg;
        }
    }
    size_t chars = ud_utf8_chars(in);
    if (maxchars > 0 && chars > (size_t)maxchars) {
        snprintf(msg, sizeof msg, T("过长：最多%d个字，现有%zu个", "too long: at most %d characters, got %zu"),
                 maxchars, chars);
        return msg;
    }
    return NULL;
}

size_t ud_strlcpy(char *out, size_t outsz, const char *s)
{
    size_t n = strlen(s);
    if (outsz) {
        size_t k = n < outsz ? n : outsz - 1;
        memcpy(out, s, k);
        out[k] = '\0';
    }
    return n;
}

char *ud_trim(char *s)
{
    static const char ideo[] = "\xE3\x80\x80"; /* U+3000 IDEOGRAPHIC SPACE */
    char *p = s;
    for (;;) {
        if (*p == ' ' || *p == '\t')
            p++;
        else if (strncmp(p, ideo, 3) == 0)
            p += 3;
        else
            break;
    }
    size_t n = strlen(p);
    for (;;) {
        if (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r'))
            n--;
        else if (n >= 3 && memcmp(p + n - 3, ideo, 3) == 0)
            n -= 3;
        else
            break;
    }
    memmove(s, p, n);
    s[n] = '\0';
    return s;
}

int ud_blank(const char *s)
{
    if (!s)
        return 1;
    for (; *s; s++) {
        /* line breaks too: a multi-line field (a reason, a note) of Enter alone is empty */
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
            continue;
        if (strncmp(s, "\xC2\xA0", 2) == 0) { /* U+00A0, no-break space */
            s += 1;
            continue;
        }
        if (strncmp(s, "\xE3\x80\x80", 3) == 0) {
            s += 2;
            continue;
        }
        return 0;
    }
    return 1;
}

int ud_is_number_query(const char *q)
{
    if (!q || !*q)
        return 0;
    for (const char *p = q; *p; p++)
        if (!isdigit((unsigned char)*p) && !((*p == 'X' || *p == 'x') && p[1] == '\0' && p != q))
            return 0;
    return 1;
}
