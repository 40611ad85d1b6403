/* utf8.h - UTF-8 decoding, validation and conversion from GB18030.
 *
 * Place names are Chinese text; every byte that enters the registry is
 * validated here first.  Code points are uint32_t.
 */
#ifndef DIMING_UTF8_H
#define DIMING_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "common/buf.h"
#include "common/err.h"

/* Decode one code point at s (n bytes available).  Returns the number of
 * bytes consumed (1-4) and sets *cp, or 0 for an invalid or truncated
 * sequence (overlongs, surrogates and > U+10FFFF are invalid). */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Append the UTF-8 encoding of cp to b. */
void utf8_encode(struct buf *b, uint32_t cp);

/* Offset of the first invalid byte in s[0..n), or (size_t)-1 when s is
 * valid UTF-8. */
size_t utf8_invalid_at(const char *s, size_t n);

/* Number of code points in a valid UTF-8 string. */
size_t utf8_len(const char *s);

/* True for CJK unified ideographs (all blocks, incl. extensions). */
int utf8_is_han(uint32_t cp);

/* Convert n bytes of text in encoding `from` (an iconv name such as
 * "GB18030") to UTF-8, appended to out.  Fails with ERR_INPUT naming the
 * byte offset of the first sequence that is not valid in `from`. */
int utf8_from_encoding(const char *from, const char *in, size_t n,
		       struct buf *out, struct err *e);

#endif
