#include "uniondesk/xlsxutil.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "uniondesk/i18n.h"

int ud_xlsx_prepare(const char *path, char *tmpdir, size_t tmpdirsz, struct ud_err *err)
{
    const char *slash = strrchr(path, '/');
    if (!path[0] || (slash && !slash[1]))
        return ud_err_set(err, UD_ERR_CANTCREAT, T("无法创建 %s：不是文件名", "cannot create %s: not a file name"), path);
    if (!slash)
        snprintf(tmpdir, tmpdirsz, ".");
    else if (slash == path)
        snprintf(tmpdir, tmpdirsz, "/");
    else
        snprintf(tmpdir, tmpdirsz, "%.*s", (int)(slash - path), path);
    struct stat sb;
    if (stat(tmpdir, &sb) != 0 || !S_ISDIR(sb.st_mode))
        return ud_err_set(err, UD_ERR_CANTCREAT, T("无法创建 %s：目录 %s 不存在", "cannot create %s: no directory %s"),
                          path, tmpdir);
    if (access(tmpdir, W_OK | X_OK) != 0)
        return ud_err_set(err, UD_ERR_CANTCREAT, T("无法创建 %s：%s", "cannot create %s: %s"), path, ud_strerror(errno));
    if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
        return ud_err_set(err, UD_ERR_CANTCREAT, T("无法创建 %s：这是一个目录", "cannot create %s: it is a directory"), path);
    return UD_OK;
}

int ud_xlsx_close(lxw_workbook *wb, const char *path, struct ud_err *err)
{
    lxw_error e = workbook_close(wb);
    if (e == LXW_NO_ERROR)
        return UD_OK;
    if (e == LXW_ERROR_CREATING_XLSX_FILE || e == LXW_ERROR_CREATING_TMPFILE)
        return ud_err_set(err, UD_ERR_CANTCREAT, T("无法创建 %s：%s", "cannot create %s: %s"), path, lxw_strerror(e));
    return ud_err_set(err, UD_ERR_IO, T("写入 %s 时出错：%s", "error writing %s: %s"), path, lxw_strerror(e));
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
