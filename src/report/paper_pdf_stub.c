/* TEMPORARY (branch docs): stands in for ud_paper_pdf until branch pdf is
 * merged (it writes the plain dump, not a PDF); removed by that merge. */
#include "uniondesk/paper.h"

int ud_paper_pdf(const struct ud_paper *p, FILE *out, struct ud_err *err)
{
    return ud_paper_dump(p, out, err);
}
