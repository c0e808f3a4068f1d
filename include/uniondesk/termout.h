/* Text written to a terminal never carries raw control characters. */
#ifndef UD_TERMOUT_H
#define UD_TERMOUT_H

#include <stdio.h>

/* fp itself when it is not a terminal (a file or a pipe gets the data as
 * it is); on a terminal, a new stream that writes to fp with C0 and C1
 * controls, DEL and bidi overrides shown visibly (ud_text_visible), keeping
 * newlines, tabs and CR LF; line-buffered like a terminal's stream. fclose
 * the new stream when done (or leave it to exit): it flushes fp, returns
 * EOF if writing failed, and leaves fp open. A stream that is not a file
 * (already wrapped) is returned as it is. NULL when there is no memory
 * for the filter (the caller stops: the raw terminal is not an option). */
FILE *ud_term_safe(FILE *fp);
/* The filter itself, whatever fp is (the fuzz tests); NULL without memory. */
FILE *ud_term_filter(FILE *fp);

#endif
