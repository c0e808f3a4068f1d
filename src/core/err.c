#include "uniondesk/err.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "uniondesk/i18n.h"
#include "uniondesk/utf8.h"

/* Removes a character cut short at the end of s (by a byte limit). */
static void cut_partial_char(char *s)
{
    size_t n = strlen(s), i = ud_utf8_prev(s, n);
    uint32_t cp;
    if (n > 0 && ud_utf8_decode(s + i, n - i, &cp) == 0)
        s[i] = '\0';
}

/* Formats into buf like vsnprintf; when the text was cut, drops the
 * character left incomplete at the end so that messages stay valid UTF-8. */
__attribute__((format(printf, 3, 0))) static void format_cut(char *buf, size_t size,
                                                           const char *fmt, va_list ap)
{
    int n = vsnprintf(buf, size, fmt, ap);
    if (n >= 0 && (size_t)n >= size)
        cut_partial_char(buf);
}

void ud_err_clear(struct ud_err *e)
{
    if (!e)
        return;
    e->status = UD_OK;
    e->msg[0] = '\0';
    e->nfields = 0;
    e->nwarnings = 0;
}

int ud_err_set(struct ud_err *e, enum ud_status st, const char *fmt, ...)
{
    if (!e)
        return st;
    e->status = st;
    va_list ap;
    va_start(ap, fmt);
    format_cut(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    return st;
}

int ud_err_nomem(struct ud_err *e)
{
    return ud_err_set(e, UD_ERR_INTERNAL, "%s", T("内存不足", "out of memory"));
}

int ud_err_field(struct ud_err *e, const char *field, const char *label, const char *fmt, ...)
{
    if (!e)
        return UD_ERR_INVALID;
    if (e->status == UD_OK)
        e->status = UD_ERR_INVALID;
    if (e->nfields >= UD_MAX_FIELD_ERRORS)
        return e->status;
    struct ud_field_error *f = &e->fields[e->nfields++];
    f->field = field;
    f->label = label;
    va_list ap;
    va_start(ap, fmt);
    format_cut(f->msg, sizeof f->msg, fmt, ap);
    va_end(ap);
    if (!e->msg[0])
        snprintf(e->msg, sizeof e->msg, "%s", T("输入有误", "invalid input"));
    return e->status;
}

__attribute__((format(printf, 4, 0))) static void vwarn(struct ud_err *e, const char *field, const char *label,
                                                       const char *fmt, va_list ap)
{
    if (!e || e->nwarnings >= UD_MAX_WARNINGS)
        return;
    e->warning_field[e->nwarnings] = field;
    e->warning_label[e->nwarnings] = label;
    format_cut(e->warnings[e->nwarnings++], UD_FIELD_MSG, fmt, ap);
}

void ud_err_warn(struct ud_err *e, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vwarn(e, NULL, NULL, fmt, ap);
    va_end(ap);
}

void ud_err_warn_field(struct ud_err *e, const char *field, const char *label, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vwarn(e, field, label, fmt, ap);
    va_end(ap);
}

const struct ud_field_error *ud_err_find(const struct ud_err *e, const char *field)
{
    for (int i = 0; i < e->nfields; i++)
        if (e->fields[i].field && strcmp(e->fields[i].field, field) == 0)
            return &e->fields[i];
    return NULL;
}

void ud_err_text(const struct ud_err *e, char *buf, int size)
{
    int n = 0;
    buf[0] = '\0';
    if (e->nfields == 0) {
        n = snprintf(buf, size, "%s", e->msg);
    } else {
        for (int i = 0; i < e->nfields && n < size - 1; i++) {
            const struct ud_field_error *f = &e->fields[i];
            n += snprintf(buf + n, size - n, "%s%s%s%s", i ? T("；", "; ") : "",
                          f->label ? f->label : (f->field ? f->field : ""),
                          (f->label || f->field) ? T("：", ": ") : "", f->msg);
        }
    }
    if (n >= size)
        cut_partial_char(buf);
}

int ud_exit_code(enum ud_status st)
{
    switch (st) {
    case UD_OK: return 0;
    case UD_ERR_USAGE: return 64;
    case UD_ERR_INVALID:
    case UD_ERR_NOTFOUND:
    case UD_ERR_CONFLICT:
    case UD_ERR_DUPLICATE:
    case UD_ERR_STATE:
    case UD_ERR_SCHEMA: return 65;
    case UD_ERR_NOINPUT: return 66;
    case UD_ERR_CANTCREAT: return 73;
    case UD_ERR_IO: return 74;
    case UD_ERR_BUSY: return 75;
    case UD_ERR_PERM: return 77;
    case UD_ERR_INTERNAL: return 70;
    }
    return 70;
}

void ud_err_prefix(struct ud_err *e, const char *prefix)
{
    char m[UD_ERR_MSG * 3];
    snprintf(m, sizeof m, "%s: %s", prefix, e->msg);
    ud_strlcpy_utf8(e->msg, sizeof e->msg, m);
}

const char *ud_strerror(int e)
{
    if (ud_lang == UD_LANG_EN)
        return strerror(e);
    switch (e) {
    case ENOENT: return "文件或目录不存在";
    case EACCES:
    case EPERM: return "没有权限";
    case EROFS: return "文件系统只读";
    case ENOSPC: return "磁盘空间不足";
    case EDQUOT: return "超出磁盘配额";
    case EISDIR: return "这是一个目录";
    case ENOTDIR: return "路径中有一项不是目录";
    case EEXIST: return "文件已存在";
    case EMFILE:
    case ENFILE: return "打开的文件过多";
    case EIO: return "输入输出错误";
    case ENAMETOOLONG: return "文件名过长";
    case ENOMEM: return "内存不足";
    default: return strerror(e);
    }
}

static ud_notice_fn notice_fn;
static void *notice_arg;

void ud_set_notice(ud_notice_fn fn, void *arg)
{
    notice_fn = fn;
    notice_arg = arg;
}

void ud_notice(const char *fmt, ...)
{
    if (!notice_fn)
        return;
    char text[UD_ERR_MSG + 1200];
    va_list ap;
    va_start(ap, fmt);
    format_cut(text, sizeof text, fmt, ap);
    va_end(ap);
    notice_fn(text, notice_arg);
}
