#include "uniondesk/xlsxutil.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "uniondesk/i18n.h"

lxw_workbook *ud_xlsx_new(struct ud_outfile *out, int constant_memory, struct ud_err *err)
{
    lxw_workbook_options opt = {(uint8_t)constant_memory, out->dir, 0};
    lxw_workbook *wb = workbook_new_opt(out->byfd, &opt);
    if (!wb)
        ud_err_set(err, UD_ERR_CANTCREAT, T("无法创建 %s", "cannot create %s"), out->path);
    return wb;
}

/* libxlsxwriter 1.1.4 writes each part of the file to a temporary of its
 * own in the output's directory (unlinked at once, named tmp.XXXXXX) and
 * returns on an error adding it to the zip (a full disk) without closing
 * it: the space stays taken while the program runs (the screens), and a
 * retry after freeing space fails again. Those it left open are closed. */
static void close_leaked_tmpfiles(const char *dir)
{
    char real[PATH_MAX], prefix[PATH_MAX + 8];
    if (!realpath(dir, real))
        return;
    snprintf(prefix, sizeof prefix, "%s%s", real, strcmp(real, "/") ? "/tmp." : "tmp.");
    DIR *d = opendir("/proc/self/fd");
    if (!d)
        return;
    int self = dirfd(d);
    for (struct dirent *e; (e = readdir(d));) {
        char *end;
        long fd = strtol(e->d_name, &end, 10);
        if (*end || end == e->d_name || fd == self || fd <= 2)
            continue;
        char link[PATH_MAX + 16], at[64];
        snprintf(at, sizeof at, "/proc/self/fd/%ld", fd);
        ssize_t n = readlink(at, link, sizeof link - 1);
        if (n <= 0)
            continue;
        link[n] = '\0';
        static const char gone[] = " (deleted)";
        size_t len = (size_t)n, gl = sizeof gone - 1;
        if (strncmp(link, prefix, strlen(prefix)) == 0 && len > gl && strcmp(link + len - gl, gone) == 0)
            close((int)fd);
    }
    closedir(d);
}

int ud_xlsx_close(lxw_workbook *wb, struct ud_outfile *out, int64_t last_row, struct ud_err *err)
{
    lxw_error e = workbook_close(wb);
    if (e != LXW_NO_ERROR)
        close_leaked_tmpfiles(out->dir);
    if (e == LXW_ERROR_CREATING_XLSX_FILE || e == LXW_ERROR_CREATING_TMPFILE)
        return ud_err_set(err, UD_ERR_CANTCREAT, T("无法创建 %s：%s", "cannot create %s: %s"), out->path,
                          lxw_strerror(e));
    if (e != LXW_NO_ERROR)
        return ud_err_set(err, UD_ERR_IO, T("写入 %s 时出错：%s", "error writing %s: %s"), out->path, lxw_strerror(e));
    if (fflush(out->fp) != 0 || fsync(fileno(out->fp)) != 0)
        return ud_err_set(err, UD_ERR_IO, T("写入 %s 时出错：%s", "error writing %s: %s"), out->path,
                          ud_strerror(errno));
    if (last_row >= 0) {
        int64_t got = ud_xlsx_last_row(out->byfd);
        if (got == -2)
            return ud_err_nomem(err);
        if (got != last_row + 1)
            return ud_err_set(err, UD_ERR_IO,
                              T("写入 %s 时出错：写出的表格不完整（应有 %" PRId64 " 行，读回 %" PRId64
                                " 行；磁盘可能已满）",
                                "error writing %s: the sheet came out short (%" PRId64 " rows written, %" PRId64
                                " read back; the disk may be full)"),
                              out->path, last_row + 1, got < 0 ? 0 : got);
    }
    return UD_OK;
}

double ud_xlsx_width(int cols)
{
    /* Excel's unit is about one digit of the default font; a Chinese
     * character is about two of them. */
    return (double)cols + 2.0;
}

int ud_xlsx_date(const char *iso, lxw_datetime *dt)
{
    memset(dt, 0, sizeof *dt);
    if (!iso || strlen(iso) != 10 || iso[4] != '-' || iso[7] != '-')
        return 0;
    dt->year = atoi(iso);
    dt->month = atoi(iso + 5);
    dt->day = atoi(iso + 8);
    return dt->year >= 1900 && dt->month >= 1 && dt->month <= 12 && dt->day >= 1 && dt->day <= 31;
}
