#include "uniondesk/i18n.h"

#include <string.h>

enum ud_lang ud_lang = UD_LANG_ZH;

int ud_lang_parse(const char *s)
{
    if (!s || !*s)
        return -1;
    if (strncmp(s, "zh", 2) == 0 || strcmp(s, "中文") == 0)
        return UD_LANG_ZH;
    if (strncmp(s, "en", 2) == 0)
        return UD_LANG_EN;
    return -1;
}
