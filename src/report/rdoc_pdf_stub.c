/* TEMPORARY (branch print): stands in for ud_rdoc_pdf until branch pdf is
 * merged, then deleted. Weak, so that a branch holding both this and the
 * real one still links (the real one wins). */
#include "uniondesk/i18n.h"
#include "uniondesk/rdoc.h"

__attribute__((weak)) int ud_rdoc_pdf(const struct ud_rdoc *d, FILE *out, struct ud_err *err)
{
    (void)d;
    (void)out;
    return ud_err_set(err, UD_ERR_INTERNAL, "%s", T("PDF 尚未实现", "PDF not implemented yet"));
}
