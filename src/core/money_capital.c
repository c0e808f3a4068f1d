/* Amounts in capital Chinese numerals (大写金额) for the case documents. */
#include <stdint.h>
#include <string.h>

#include "uniondesk/parse.h"

static const char *const digit[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
static const char *const place[] = {"", "拾", "佰", "仟"};
static const char *const group[] = {"", "万", "亿"};

struct buf {
    char *out;
    size_t size, len;
    int full;
};

static void put(struct buf *b, const char *s)
{
    size_t n = strlen(s);
    if (b->full || b->len + n >= b->size) {
        b->full = 1;
        return;
    }
    memcpy(b->out + b->len, s, n + 1);
    b->len += n;
}

int ud_money_capital(int64_t fen, char *out, size_t outsz)
{
    if (outsz)
        out[0] = '\0';
    if (fen < 0 || fen / 100 >= INT64_C(1000000000000) || outsz == 0)
        return -1;
    struct buf b = {out, outsz, 0, 0};
    int64_t yuan = fen / 100;
    int jiao = (int)(fen / 10 % 10), cents = (int)(fen % 10);
    if (yuan > 0) {
        int d[12], n = 0;
        for (int64_t y = yuan; y > 0; y /= 10)
            d[n++] = (int)(y % 10);
        int zero = 0, group_has = 0;
        for (int p = n - 1; p >= 0; p--) {
            if (d[p] == 0) {
                zero = 1; /* said once, before the next digit that is not */
            } else {
                if (zero)
                    put(&b, "零");
                zero = 0;
                put(&b, digit[d[p]]);
                put(&b, place[p % 4]);
                group_has = 1;
            }
            if (p % 4 == 0) {
                if (group_has && p > 0)
                    put(&b, group[p / 4]);
                group_has = 0;
            }
        }
        put(&b, "元");
    }
    if (jiao == 0 && cents == 0) {
        put(&b, yuan > 0 ? "整" : "零元整");
    } else {
        if (jiao > 0) {
            put(&b, digit[jiao]);
            put(&b, "角");
        } else if (yuan > 0) {
            put(&b, "零"); /* 元零伍分: the zero 角 is said */
        }
        if (cents > 0) {
            put(&b, digit[cents]);
            put(&b, "分");
        }
    }
    if (b.full) {
        out[0] = '\0';
        return -1;
    }
    return 0;
}
