/* libFuzzer target: the terminal filter (ud_term_filter, behind
 * ud_term_safe). Any bytes, written in pieces of any size, come out as
 * valid UTF-8 with no control or bidi character but newline, tab and
 * CR LF, the same however they were cut. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "uniondesk/termout.h"
#include "uniondesk/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* What the filter made of data, written `step` bytes at a time (0: whole). */
static char *filtered(const uint8_t *data, size_t size, size_t step, size_t *outlen)
{
    char *out = NULL;
    FILE *mem = open_memstream(&out, outlen);
    if (!mem)
        abort();
    FILE *f = ud_term_filter(mem);
    if (!f)
        abort();
    for (size_t i = 0; i < size;) {
        size_t k = step && size - i > step ? step : size - i;
        fwrite(data + i, 1, k, f);
        if (step)
            fflush(f);
        i += k;
    }
    if (fclose(f) != 0 || fclose(mem) != 0)
        abort();
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    size_t step = data[0] % 5 + 1;
    size_t la, lb;
    char *a = filtered(data + 1, size - 1, 0, &la);
    char *b = filtered(data + 1, size - 1, step, &lb);
    if (la != lb || memcmp(a, b, la) != 0)
        abort();
    if (!ud_utf8_valid(a, la))
        abort();
    for (size_t i = 0; i < la;) {
        uint32_t cp;
        int l = ud_utf8_decode(a + i, la - i, &cp);
        int ok_ctl = cp == '\n' || cp == '\t' || (cp == '\r' && i + 1 < la && a[i + 1] == '\n');
        if ((ud_cp_is_control(cp) && !ok_ctl) || ud_cp_is_bidi(cp))
            abort();
        i += (size_t)l;
    }
    free(a);
    free(b);
    return 0;
}
