/* UTF-8 and display width: the only place that knows how wide text is on a
 * terminal. Widths are computed from Unicode's East Asian Width data, so
 * reports align the same way whatever the process locale is. */
#ifndef UD_UTF8_H
#define UD_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decodes one character at s (n bytes available). Returns its length in
 * bytes, or 0 on invalid/truncated input (then *cp = 0xFFFD). */
int ud_utf8_decode(const char *s, size_t n, uint32_t *cp);
int ud_utf8_encode(uint32_t cp, char out[4]);
int ud_utf8_valid(const char *s, size_t n);
/* Number of characters (code points) of valid UTF-8 text. */
size_t ud_utf8_chars(const char *s);

/* C0 and C1 controls and DEL; bidirectional overrides and isolates
 * (U+202A-202E, U+2066-2069). Neither is ever sent to a terminal raw. */
int ud_cp_is_control(uint32_t cp);
int ud_cp_is_bidi(uint32_t cp);
/* Characters that show as nothing (zero-width, separators, fillers,
 * noncharacters, tags): refused on input, so that two names that look the
 * same are the same. */
int ud_cp_is_invisible(uint32_t cp);
/* Columns one character takes: 0, 1 or 2. Control and bidi characters
 * count as the width of their visible form (see ud_text_visible). */
int ud_cp_width(uint32_t cp);
int ud_str_width(const char *s);
/* Bytes of s that fit in `cols` columns without splitting a character. */
size_t ud_str_fit(const char *s, int cols, int *used_cols);

enum ud_align { UD_LEFT, UD_RIGHT, UD_CENTER };
/* Writes s into out padded or cut to exactly `cols` columns. When cut, the
 * last column holds `~`, so cut text is marked. Control characters are
 * shown visibly (^X). Returns bytes written (NUL-terminated). */
size_t ud_str_cell(char *out, size_t outsz, const char *s, int cols, enum ud_align al);
/* Copy of s with control characters and invalid bytes made visible:
 * ESC → ^[, DEL → ^?, C1 U+0085 → \x85, U+202E → <U+202E>,
 * invalid byte → \xNN. */
size_t ud_text_visible(char *out, size_t outsz, const char *s);
/* Byte offset of the previous / next character boundary. */
size_t ud_utf8_prev(const char *s, size_t pos);
size_t ud_utf8_next(const char *s, size_t len, size_t pos);
/* Copies at most outsz-1 bytes of s without splitting a character. */
void ud_strlcpy_utf8(char *out, size_t outsz, const char *s);
/* A search as typed, folded to how the records hold text: full-width
 * letters, digits and signs (５７３７ from a Chinese input method) as
 * ASCII, and spaces (the ideographic one too) dropped — 张 伟 is 张伟.
 * Invalid bytes are kept as they are (the search then finds nothing);
 * the result is cut on a character boundary to fit. */
void ud_search_fold(const char *in, char *out, size_t outsz);

#endif
