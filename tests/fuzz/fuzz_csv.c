/* libFuzzer target: the CSV reader, in each encoding. The first byte picks
 * the encoding (auto, UTF-8, GBK); the rest is the file. Whatever the
 * bytes, the reader returns records of valid UTF-8 with rising record
 * numbers, or an error; never a crash, a leak or undefined behaviour. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "uniondesk/csv.h"
#include "uniondesk/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    enum ud_csv_encoding enc = (enum ud_csv_encoding)(data[0] % 3);
    size_t n = size - 1;
    char *copy = malloc(n);
    if (!copy)
        return 0;
    memcpy(copy, data + 1, n);
    FILE *f = fmemopen(copy, n, "rb");
    if (!f) {
        free(copy);
        return 0;
    }
    struct ud_csv *c;
    struct ud_err err;
    ud_err_clear(&err);
    if (ud_csv_open_stream(&c, f, "fuzz.csv", enc, &err) == UD_OK) {
        char **fields;
        int nf;
        long rec, last = 0;
        int r;
        while ((r = ud_csv_next(c, &fields, &nf, &rec, &err)) > 0) {
            if (nf < 1 || rec <= last)
                abort();
            last = rec;
            for (int i = 0; i < nf; i++)
                if (!ud_utf8_valid(fields[i], strlen(fields[i])))
                    abort(); /* decoded text is always valid UTF-8 */
        }
        if (r < 0 && err.msg[0] == '\0')
            abort(); /* an error always says what */
        ud_csv_close(c);
    }
    free(copy);
    return 0;
}
