#include "uniondesk/fields.h"

#include <stdio.h>
#include <string.h>

#include "uniondesk/i18n.h"
#include "uniondesk/privacy.h"
#include "uniondesk/parse.h"

const char *ud_field_label(const struct ud_field *f)
{
    return T(f->zh, f->en);
}

const struct ud_field *ud_field_find(const struct ud_field *defs, const char *s)
{
    char key[128];
    /* longer than any name or label: never compare a truncated head */
    if (snprintf(key, sizeof key, "%s", s ? s : "") >= (int)sizeof key)
        return NULL;
    ud_trim(key);
    for (const struct ud_field *f = defs; f->name; f++)
        if (strcmp(f->name, key) == 0 || strcmp(f->zh, key) == 0 || strcmp(f->en, key) == 0)
            return f;
    return NULL;
}

int ud_field_count(const struct ud_field *defs)
{
    int n = 0;
    while (defs[n].name)
        n++;
    return n;
}

static int fail(struct ud_err *err, const struct ud_field *f, const char *reason)
{
    return ud_err_field(err, f->name, ud_field_label(f), "%s", reason);
}

int ud_field_is_empty(const struct ud_field *f, const void *rec)
{
    void *r = (void *)(uintptr_t)rec;
    switch (f->type) {
    case UD_F_MONEY:
    case UD_F_INT:
    case UD_F_REF:
        return *ud_fint(f, r) == UD_NULL_INT;
    case UD_F_BOOL:
        return 0;
    default:
        return ud_fstr(f, r)[0] == '\0';
    }
}

static void clear_one(const struct ud_field *f, void *rec)
{
    switch (f->type) {
    case UD_F_MONEY:
    case UD_F_INT:
    case UD_F_REF:
        *ud_fint(f, rec) = UD_NULL_INT;
        break;
    case UD_F_BOOL:
        *(int *)(void *)((char *)rec + f->offset) = 0;
        break;
    default:
        ud_fstr(f, rec)[0] = '\0';
    }
}

void ud_fields_clear(const struct ud_field *defs, void *rec)
{
    for (const struct ud_field *f = defs; f->name; f++)
        clear_one(f, rec);
}

int ud_field_set(struct ud_db *db, const struct ud_field *f, void *rec, const char *text,
                 struct ud_err *err)
{
    char buf[UD_FIELD_TEXT_MAX];
    const char *t = text ? text : "";
    size_t tlen = strlen(t);
    /* refused whole: a truncated head could parse, or lose the rest */
    if (tlen >= sizeof buf)
        return fail(err, f, T("过长", "too long"));
    memcpy(buf, t, tlen + 1);
    if (f->type != UD_F_MULTILINE)
        ud_trim(buf);
    if (buf[0] == '\0') {
        clear_one(f, rec);
        return UD_OK;
    }
    /* every typed value must be valid UTF-8 without control characters */
    const char *why = ud_check_text(buf, f->type == UD_F_TEXT || f->type == UD_F_MULTILINE ? f->maxchars : 0,
                                    f->type == UD_F_MULTILINE);
    if (why)
        return fail(err, f, why);
    char *s = ud_fstr(f, rec);
    /* only integer fields are int64_t-aligned: no int64_t pointer to text */
    int is_int = f->type == UD_F_MONEY || f->type == UD_F_INT || f->type == UD_F_REF;
    int64_t *iv = is_int ? ud_fint(f, rec) : NULL;
    switch (f->type) {
    case UD_F_TEXT:
    case UD_F_MULTILINE: {
        size_t n = strlen(buf);
        if (n >= f->size)
            return fail(err, f, T("过长", "too long"));
        memcpy(s, buf, n + 1);
        return UD_OK;
    }
    case UD_F_DATE: {
        char d[UD_DATE_SZ], today[UD_DATE_SZ];
        if ((why = ud_parse_date(buf, d)))
            return fail(err, f, why);
        ud_today(today);
        if ((f->flags & UD_FF_NOFUTURE) && strcmp(d, today) > 0)
            return ud_err_field(err, f->name, ud_field_label(f),
                                T("不能晚于今天（%s）", "cannot be after today (%s)"), today);
        memcpy(s, d, UD_DATE_SZ);
        return UD_OK;
    }
    case UD_F_MONEY:
        if ((why = ud_parse_money(buf, iv)))
            return fail(err, f, why);
        return UD_OK;
    case UD_F_INT:
        if ((why = ud_parse_int(buf, f->min, f->max, iv)))
            return fail(err, f, why);
        return UD_OK;
    case UD_F_BOOL:
        if ((why = ud_parse_bool(buf, (int *)(void *)((char *)rec + f->offset))))
            return fail(err, f, why);
        return UD_OK;
    case UD_F_ENUM: {
        const struct ud_enum_item *it = ud_enum_find(f->choices, buf);
        if (!it) {
            char choices[512];
            ud_enum_choices(f->choices, choices, sizeof choices);
            return ud_err_field(err, f->name, ud_field_label(f),
                                T("“%s”不是有效选项，应为：%s", "'%s' is not a valid choice; expected %s"), buf,
                                choices);
        }
        ud_strlcpy(s, f->size, it->code);
        return UD_OK;
    }
    /* These parsers empty their output when they refuse: parse aside, so
     * that a refused value leaves the field as it was. */
    case UD_F_IDNUM: {
        char v[UD_IDNUM_SZ];
        if ((why = ud_check_id_number(buf, v, NULL, NULL)))
            return fail(err, f, why);
        ud_strlcpy(s, f->size, v);
        return UD_OK;
    }
    case UD_F_PHONE: {
        char v[UD_PHONE_SZ];
        if ((why = ud_parse_phone(buf, v)))
            return fail(err, f, why);
        ud_strlcpy(s, f->size, v);
        return UD_OK;
    }
    case UD_F_CREDIT: {
        char v[UD_CREDIT_SZ];
        int ok = 1;
        if ((why = ud_check_credit_code(buf, v, &ok)))
            return fail(err, f, why);
        ud_strlcpy(s, f->size, v);
        if (!ok)
            ud_err_warn(err, T("%s %s 的校验位不符（GB 32100），已按原样保存，请核对",
                               "%s %s: check character does not match GB 32100; kept as typed, please verify"),
                        ud_field_label(f), s);
        return UD_OK;
    }
    case UD_F_REF: {
        struct ud_err e2;
        ud_err_clear(&e2);
        if (f->ref->resolve(db, buf, iv, &e2) != UD_OK)
            return ud_err_field(err, f->name, ud_field_label(f), "%s", e2.msg);
        return UD_OK;
    }
    }
    return UD_OK;
}

void ud_field_format(struct ud_db *db, const struct ud_field *f, const void *rec,
                     enum ud_fmt mode, char *out, size_t outsz)
{
    void *r = (void *)(uintptr_t)rec;
    out[0] = '\0';
    if (ud_field_is_empty(f, rec))
        return;
    /* text fields may sit at any offset: read an int64_t only from integer fields */
    int64_t v = f->type == UD_F_MONEY || f->type == UD_F_INT || f->type == UD_F_REF ? *ud_fint(f, r) : 0;
    switch (f->type) {
    case UD_F_MONEY:
        if (mode == UD_FMT_DISPLAY)
            ud_format_money(v, out, outsz);
        else
            ud_format_money_plain(v, out, outsz);
        return;
    case UD_F_INT:
        snprintf(out, outsz, "%lld", (long long)v);
        return;
    case UD_F_BOOL: {
        int b = *(int *)(void *)((char *)r + f->offset);
        if (mode == UD_FMT_CODE)
            snprintf(out, outsz, "%d", b);
        else
            ud_strlcpy(out, outsz, b ? T("是", "yes") : T("否", "no"));
        return;
    }
    case UD_F_ENUM:
        ud_strlcpy(out, outsz, mode == UD_FMT_CODE ? ud_fstr(f, r) : ud_enum_label(f->choices, ud_fstr(f, r)));
        return;
    case UD_F_REF:
        if (mode == UD_FMT_DISPLAY)
            f->ref->display(db, v, out, outsz);
        else
            f->ref->key(db, v, out, outsz);
        return;
    /* shown to a person: masked as privacy.h says (a detail reveals an ID
     * number with ud_reveal_id_number); forms and files get the value */
    case UD_F_IDNUM:
        if (mode == UD_FMT_DISPLAY)
            ud_show_id_number(ud_fstr(f, r), out, outsz);
        else
            ud_strlcpy(out, outsz, ud_fstr(f, r));
        return;
    case UD_F_PHONE:
        if (mode == UD_FMT_DISPLAY)
            ud_show_phone(db, ud_fstr(f, r), out, outsz);
        else
            ud_strlcpy(out, outsz, ud_fstr(f, r));
        return;
    default:
        ud_strlcpy(out, outsz, ud_fstr(f, r));
    }
}

int ud_fields_check_required(const struct ud_field *defs, const void *rec, struct ud_err *err)
{
    int bad = 0;
    for (const struct ud_field *f = defs; f->name; f++)
        if ((f->flags & UD_FF_REQUIRED) && !(f->flags & UD_FF_DERIVED) && ud_field_is_empty(f, rec)) {
            if (!ud_err_find(err, f->name))
                fail(err, f, T("必填", "required"));
            bad = 1;
        }
    return bad ? UD_ERR_INVALID : UD_OK;
}

int ud_fields_validate(struct ud_db *db, const struct ud_field *defs, void *rec, struct ud_err *err)
{
    int before = err->nfields;
    for (const struct ud_field *f = defs; f->name; f++) {
        if ((f->flags & UD_FF_DERIVED) || ud_field_is_empty(f, rec) || f->type == UD_F_BOOL ||
            f->type == UD_F_REF)
            continue;
        /* round-trip through the text form: the same checks as typing it */
        char text[UD_FIELD_TEXT_MAX];
        ud_field_format(db, f, rec, UD_FMT_CODE, text, sizeof text);
        int nw = err->nwarnings;
        ud_field_set(db, f, rec, text, err);
        err->nwarnings = nw; /* warnings were given when it was typed */
    }
    ud_fields_check_required(defs, rec, err);
    return err->nfields > before ? UD_ERR_INVALID : UD_OK;
}
