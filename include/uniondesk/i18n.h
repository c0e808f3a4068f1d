/* The user's language. Every user-visible string is written as a pair,
 * T("中文", "English"), so both languages stay side by side in the code. */
#ifndef UD_I18N_H
#define UD_I18N_H

enum ud_lang { UD_LANG_ZH = 0, UD_LANG_EN = 1 };

extern enum ud_lang ud_lang;

/* format_arg lets the compiler check printf arguments against both texts. */
__attribute__((format_arg(1), format_arg(2))) static inline const char *
ud_tr(const char *zh, const char *en)
{
    return ud_lang == UD_LANG_EN ? en : zh;
}
#define T(zh, en) ud_tr((zh), (en))

/* "zh" / "en" (or NULL) → language; returns -1 when unknown. */
int ud_lang_parse(const char *s);

#endif
