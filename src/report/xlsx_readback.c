/* Reading back the xlsx just written: the zip's central directory, the
 * first worksheet inflated, its last <row r="N">. libxlsxwriter writes the
 * rows of a constant-memory sheet to a temporary file without checking the
 * writes, so a full disk gives a well-formed but short workbook; only
 * reading it back tells. */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "uniondesk/xlsxutil.h"

#define SHEET "xl/worksheets/sheet1.xml"

static uint32_t le16(const unsigned char *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8; }
static uint32_t le32(const unsigned char *p) { return le16(p) | le16(p + 2) << 16; }

static int read_at(int fd, void *buf, size_t n, off_t off)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = pread(fd, (char *)buf + got, n - got, off + (off_t)got);
        if (r <= 0)
            return -1;
        got += (size_t)r;
    }
    return 0;
}

/* Finds the sheet: its compression method, sizes and data offset. */
static int find_sheet(int fd, off_t size, int *method, uint32_t *csize, off_t *data)
{
    unsigned char tail[65557];
    size_t n = size < (off_t)sizeof tail ? (size_t)size : sizeof tail;
    if (n < 22 || read_at(fd, tail, n, size - (off_t)n) != 0)
        return -1;
    size_t e = n - 22;
    while (le32(tail + e) != 0x06054b50) {
        if (e == 0)
            return -1;
        e--;
    }
    uint32_t entries = le16(tail + e + 10), cd_size = le32(tail + e + 12), cd_off = le32(tail + e + 16);
    if ((off_t)cd_off + cd_size > size || cd_size > 64u << 20)
        return -1;
    unsigned char *cd = malloc(cd_size ? cd_size : 1);
    if (!cd)
        return -2;
    if (read_at(fd, cd, cd_size, cd_off) != 0) {
        free(cd);
        return -1;
    }
    int found = -1;
    size_t p = 0;
    for (uint32_t i = 0; i < entries && p + 46 <= cd_size && le32(cd + p) == 0x02014b50; i++) {
        uint32_t nl = le16(cd + p + 28), xl = le16(cd + p + 30), cl = le16(cd + p + 32);
        if (p + 46 + nl > cd_size)
            break;
        if (nl == strlen(SHEET) && memcmp(cd + p + 46, SHEET, nl) == 0) {
            *method = (int)le16(cd + p + 10);
            *csize = le32(cd + p + 20);
            uint32_t local = le32(cd + p + 42);
            unsigned char lh[30];
            if (read_at(fd, lh, sizeof lh, local) == 0 && le32(lh) == 0x04034b50) {
                *data = (off_t)local + 30 + le16(lh + 26) + le16(lh + 28);
                found = *data + (off_t)*csize <= size ? 0 : -1;
            }
            break;
        }
        p += 46 + nl + xl + cl;
    }
    free(cd);
    return found;
}

/* Scans inflated XML for <row r="N">, keeping the largest N; a tag may be
 * split between two chunks, so the last bytes are carried over. */
struct scan {
    char carry[32];
    size_t ncarry;
    int64_t last;
};

/* n is at most SCAN_MAX: the buffers below */
#define SCAN_MAX (1 << 16)
static void scan_text(struct scan *s, const char *buf, size_t n)
{
    static char joined[sizeof s->carry + SCAN_MAX + 1]; /* no allocation: nothing to fail here */
    memcpy(joined, s->carry, s->ncarry);
    memcpy(joined + s->ncarry, buf, n);
    size_t len = s->ncarry + n;
    joined[len] = '\0';
    for (char *p = joined; (p = strstr(p, "<row r=\"")) != NULL; p++) {
        char *end;
        long long v = strtoll(p + 8, &end, 10);
        if (*end == '"' && v > s->last)
            s->last = v;
    }
    s->ncarry = len < sizeof s->carry - 1 ? len : sizeof s->carry - 1;
    memcpy(s->carry, joined + len - s->ncarry, s->ncarry);
}

int64_t ud_xlsx_last_row(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    struct stat sb;
    int method = -1;
    uint32_t csize = 0;
    off_t data = 0;
    int64_t result = -1;
    int found = fstat(fd, &sb) != 0 ? -1 : find_sheet(fd, sb.st_size, &method, &csize, &data);
    if (found != 0 || (method != 0 && method != 8)) {
        close(fd);
        return found == -2 ? -2 : -1;
    }
    struct scan s = {{0}, 0, 0};
    static unsigned char in[SCAN_MAX], out[SCAN_MAX];
    z_stream z;
    memset(&z, 0, sizeof z);
    int zi = method == 8 ? inflateInit2(&z, -MAX_WBITS) : Z_OK;
    if (zi != Z_OK) {
        close(fd);
        return zi == Z_MEM_ERROR ? -2 : -1;
    }
    uint32_t left = csize;
    off_t at = data;
    int zr = Z_OK;
    while (left > 0 && zr != Z_STREAM_END) {
        size_t n = left < sizeof in ? left : sizeof in;
        if (read_at(fd, in, n, at) != 0)
            break;
        at += (off_t)n;
        left -= (uint32_t)n;
        if (method == 0) {
            scan_text(&s, (const char *)in, n);
            continue;
        }
        z.next_in = in;
        z.avail_in = (uInt)n;
        do {
            z.next_out = out;
            z.avail_out = sizeof out;
            zr = inflate(&z, Z_NO_FLUSH);
            if (zr != Z_OK && zr != Z_STREAM_END && zr != Z_BUF_ERROR)
                break;
            scan_text(&s, (const char *)out, sizeof out - z.avail_out);
        } while (z.avail_in > 0 && zr == Z_OK);
        if (zr != Z_OK && zr != Z_STREAM_END && zr != Z_BUF_ERROR)
            break;
    }
    if ((method == 0 && left == 0) || zr == Z_STREAM_END)
        result = s.last;
    if (method == 8)
        inflateEnd(&z);
    close(fd);
    return result;
}
