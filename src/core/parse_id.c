/* Identity numbers: GB 11643 resident ID numbers, GB 32100 unified social
 * credit codes, and phone numbers. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "uniondesk/i18n.h"
#include "uniondesk/parse.h"

/* Copies `in` without surrounding spaces into out (at most outsz-1 bytes);
 * returns 0 when it does not fit. */
static int copy_trimmed(const char *in, char *out, size_t outsz)
{
    while (*in == ' ')
        in++;
    size_t n = strlen(in);
    while (n > 0 && in[n - 1] == ' ')
        n--;
    if (n >= outsz)
        return 0;
    memcpy(out, in, n);
    out[n] = '\0';
    return 1;
}

char ud_id_check_char(const char *first17)
{
    static const int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static const char map[] = "10X98765432";
    int sum = 0;
    for (int i = 0; i < 17; i++)
        sum += (first17[i] - '0') * w[i];
    return map[sum % 11];
}

/* First two digits of the area code: provinces of GB/T 2260. */
static int province_ok(int p)
{
    static const int ok[] = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41,
                             42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71,
                             81, 82, 83};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (ok[i] == p)
            return 1;
    return 0;
}

const char *ud_check_id_number(const char *in, char out[UD_IDNUM_SZ], char *gender,
                               char birth[UD_DATE_SZ])
{
    char s[UD_IDNUM_SZ];
    int fits = in && copy_trimmed(in, s, sizeof s);
    out[0] = '\0'; /* after the copy: in and out may be the same buffer */
    if (!fits)
        return T("身份证号应为18位", "ID number must have 18 characters");
    size_t n = strlen(s);
    if (n == 15)
        return T("15位旧身份证号不再受理，请输入18位号码",
                 "old 15-digit ID numbers are not accepted; enter the 18-character number");
    if (n != 18)
        return T("身份证号应为18位", "ID number must have 18 characters");
    for (int i = 0; i < 17; i++)
        if (!isdigit((unsigned char)s[i]))
            return T("身份证号前17位应为数字", "the first 17 characters must be digits");
    if (s[17] == 'x')
        s[17] = 'X';
    if (!isdigit((unsigned char)s[17]) && s[17] != 'X')
        return T("身份证号末位应为数字或X", "the last character must be a digit or X");
    if (!province_ok((s[0] - '0') * 10 + (s[1] - '0')))
        return T("身份证号地址码无效（省级代码不存在）", "ID number area code is not a real province");
    char b[UD_DATE_SZ];
    int y = (s[6] - '0') * 1000 + (s[7] - '0') * 100 + (s[8] - '0') * 10 + (s[9] - '0');
    if (ud_date_of(y, (s[10] - '0') * 10 + (s[11] - '0'), (s[12] - '0') * 10 + (s[13] - '0'), b))
        return T("身份证号中的出生日期不存在", "the birth date in the ID number is not a real date");
    char today[UD_DATE_SZ];
    ud_today(today);
    if (strcmp(b, today) > 0)
        return T("身份证号中的出生日期晚于今天", "the birth date in the ID number is in the future");
    if (ud_id_check_char(s) != s[17])
        return T("身份证号校验位不符", "ID number check digit does not match");
    memcpy(out, s, 19);
    if (gender)
        *gender = ((s[16] - '0') % 2) ? 'M' : 'F';
    if (birth)
        memcpy(birth, b, UD_DATE_SZ);
    return NULL;
}

void ud_id_number_facts(const char *id, char *gender, char birth[UD_DATE_SZ])
{
    *gender = ((id[16] - '0') % 2) ? 'M' : 'F';
    memcpy(birth, id + 6, 4);
    birth[4] = '-';
    memcpy(birth + 5, id + 10, 2);
    birth[7] = '-';
    memcpy(birth + 8, id + 12, 2);
    birth[10] = '\0';
}

void ud_mask_id_number(const char *id, char *out, size_t outsz)
{
    size_t n = strlen(id);
    if (n != 18) {
        snprintf(out, outsz, "%s", id);
        return;
    }
    snprintf(out, outsz, "%.6s********%.4s", id, id + 14);
}

void ud_mask_phone(const char *phone, char *out, size_t outsz)
{
    size_t n = strlen(phone);
    if (n == 0) {
        snprintf(out, outsz, "%s", "");
        return;
    }
    if (n < 8) { /* too short to show any of it */
        snprintf(out, outsz, "%s", "****");
        return;
    }
    /* the first three and the last four: 138****5678, 057****8888 */
    snprintf(out, outsz, "%.3s****%s", phone, phone + n - 4);
}

static const char credit_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static int credit_value(char c)
{
    const char *p = strchr(credit_alphabet, c);
    return c && p ? (int)(p - credit_alphabet) : -1;
}

char ud_credit_check_char(const char *first17)
{
    static const int w[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    int sum = 0;
    for (int i = 0; i < 17; i++)
        sum += credit_value(first17[i]) * w[i];
    int c = 31 - sum % 31;
    return credit_alphabet[c == 31 ? 0 : c];
}

const char *ud_check_credit_code(const char *in, char out[UD_CREDIT_SZ], int *check_ok)
{
    char s[UD_CREDIT_SZ];
    int fits = in && copy_trimmed(in, s, sizeof s);
    out[0] = '\0'; /* after the copy: in and out may be the same buffer */
    if (!fits || strlen(s) != 18)
        return T("统一社会信用代码应为18位", "credit code must have 18 characters");
    for (int i = 0; i < 18; i++) {
        s[i] = (char)toupper((unsigned char)s[i]);
        if (credit_value(s[i]) < 0)
            return T("统一社会信用代码含有无效字符（不用I、O、S、V、Z）",
                     "credit code has an invalid character (I, O, S, V, Z are not used)");
    }
    memcpy(out, s, UD_CREDIT_SZ);
    if (check_ok)
        *check_ok = ud_credit_check_char(s) == s[17];
    return NULL;
}

const char *ud_parse_phone(const char *in, char out[UD_PHONE_SZ])
{
    const char *bad = T("电话应为11位手机号或固定电话（如0574-86888888）",
                        "phone must be an 11-digit mobile or a fixed line like 0574-86888888");
    char d[UD_PHONE_SZ], src[64];
    int nd = 0, dashes = 0;
    size_t inlen = in ? strlen(in) : sizeof src;
    if (inlen >= sizeof src) {
        out[0] = '\0';
        return bad;
    }
    memcpy(src, in, inlen + 1);
    out[0] = '\0'; /* after the copy: in and out may be the same buffer */
    for (const char *p = src; *p; p++) {
        if (*p == ' ')
            continue;
        if (*p == '-') {
            if (nd == 0 || d[nd - 1] == '-')
                return bad;
            dashes++;
            d[nd++] = '-';
        } else if (isdigit((unsigned char)*p)) {
            d[nd++] = *p;
        } else {
            return bad;
        }
        if (nd >= UD_PHONE_SZ - 1)
            return bad;
    }
    d[nd] = '\0';
    if (nd == 0 || d[nd - 1] == '-')
        return bad;
    if (d[0] == '1') {
        /* mobile: 11 digits, dashes/spaces as the user grouped them */
        char m[16];
        int nm = 0;
        for (int i = 0; i < nd; i++)
            if (d[i] != '-' && nm < 15)
                m[nm++] = d[i];
        m[nm] = '\0';
        if (nm != 11 || m[1] < '3')
            return T("手机号应为11位，以13-19开头", "mobile numbers have 11 digits starting 13-19");
        memcpy(out, m, (size_t)nm + 1);
        return NULL;
    }
    /* fixed line: [0 + 2-3 digit area]-7/8 digit number[-extension] */
    const char *p = d;
    char area[6] = "", num[10] = "", ext[8] = "";
    if (*p == '0') {
        int n = 0;
        while (*p && *p != '-' && n < 5)
            area[n++] = *p++;
        area[n] = '\0';
        if (*p != '-') {
            /* no dash: area code and 7-8 digit number run together. Area
             * codes of 3 digits are 010 and 020-029; all others have 4. */
            size_t len = strlen(d), al = (d[1] == '1' || d[1] == '2') ? 3 : 4;
            if (strspn(d, "0123456789") != len || len < al + 7 || len > al + 8 || d[al] == '0')
                return bad;
            snprintf(out, UD_PHONE_SZ, "%.*s-%s", (int)al, d, d + al);
            return NULL;
        }
        p++;
        if (n < 3 || n > 4)
            return bad;
    }
    int n = 0;
    while (*p && *p != '-' && n < 9)
        num[n++] = *p++;
    num[n] = '\0';
    if (n < 7 || n > 8 || num[0] == '0')
        return bad;
    if (*p == '-') {
        p++;
        int e = 0;
        while (*p && *p != '-' && e < 6)
            ext[e++] = *p++;
        ext[e] = '\0';
        if (e == 0 || *p)
            return bad;
    } else if (*p) {
        return bad;
    }
    snprintf(out, UD_PHONE_SZ, "%s%s%s%s%s", area, area[0] ? "-" : "", num, ext[0] ? "-" : "", ext);
    return NULL;
}
