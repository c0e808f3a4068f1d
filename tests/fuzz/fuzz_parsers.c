/* libFuzzer target: what users type. Each parser either refuses with a
 * reason or gives a value that it accepts again unchanged (dates, money,
 * ID numbers, credit codes, phones), whatever the bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "uniondesk/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    char *s = malloc(size + 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = '\0';

    char d[UD_DATE_SZ], d2[UD_DATE_SZ];
    if (!ud_parse_date(s, d)) {
        if (strlen(d) != 10 || ud_parse_date(d, d2) || strcmp(d, d2) != 0)
            abort();
        char back[UD_DATE_SZ];
        ud_date_from_days(ud_date_days(d), back);
        if (strcmp(back, d) != 0)
            abort();
    }
    char from[UD_DATE_SZ], to[UD_DATE_SZ];
    if (!ud_parse_month(s, from, to) && strcmp(from, to) > 0)
        abort();
    int year;
    (void)ud_parse_year(s, &year);

    int64_t fen, fen2;
    if (!ud_parse_money(s, &fen)) {
        char txt[64];
        if (fen < 0 || fen > UD_MONEY_MAX_FEN)
            abort();
        ud_format_money_plain(fen, txt, sizeof txt);
        if (ud_parse_money(txt, &fen2) || fen2 != fen)
            abort();
        ud_format_money(fen, txt, sizeof txt);
        if (ud_parse_money(txt, &fen2) || fen2 != fen)
            abort();
        ud_format_wan(fen, txt, sizeof txt);
        ud_format_percent(fen, fen / 3 + 1, txt, sizeof txt);
    }

    char id[UD_IDNUM_SZ], id2[UD_IDNUM_SZ], birth[UD_DATE_SZ], mask[32];
    char gender = 0;
    if (!ud_check_id_number(s, id, &gender, birth)) {
        if (strlen(id) != 18 || ud_id_check_char(id) != id[17] || (gender != 'M' && gender != 'F'))
            abort();
        if (ud_check_id_number(id, id2, NULL, NULL) || strcmp(id, id2) != 0)
            abort();
        ud_mask_id_number(id, mask, sizeof mask);
    }
    ud_mask_id_number(s, mask, sizeof mask);

    char cc[UD_CREDIT_SZ], cc2[UD_CREDIT_SZ];
    int ok = 0, ok2 = 0;
    if (!ud_check_credit_code(s, cc, &ok)) {
        if (strlen(cc) != 18 || ud_check_credit_code(cc, cc2, &ok2) || strcmp(cc, cc2) != 0 || ok != ok2)
            abort();
        if (ok != (ud_credit_check_char(cc) == cc[17]))
            abort();
    }

    char ph[UD_PHONE_SZ], ph2[UD_PHONE_SZ];
    if (!ud_parse_phone(s, ph)) {
        if (!ph[0] || ud_parse_phone(ph, ph2) || strcmp(ph, ph2) != 0)
            abort();
    }

    int64_t iv;
    if (!ud_parse_int(s, -1000, 1000, &iv) && (iv < -1000 || iv > 1000))
        abort();
    int b;
    (void)ud_parse_bool(s, &b);
    (void)ud_check_text(s, 30, 0);
    (void)ud_check_text(s, 0, 1);
    (void)ud_is_number_query(s);
    (void)ud_blank(s);
    ud_trim(s);
    free(s);
    return 0;
}
