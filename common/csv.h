/* csv.h - writing RFC 4180 CSV fields.
 *
 * The reader is import/imp_csv.h; this is the other direction, for
 * exports.  A field is quoted when it holds a comma, a double quote, CR or
 * LF, or starts or ends with a space or tab (spreadsheets trim those
 * otherwise); quotes inside are doubled.  Nothing else is changed, so what
 * imp_csv reads back is byte for byte what was written.
 */
#ifndef DIMING_CSV_H
#define DIMING_CSV_H

#include <stddef.h>

#include "common/buf.h"

/* Append field s (n bytes) to b, quoted when needed.  No separator. */
void csv_add_field(struct buf *b, const char *s, size_t n);

/* Same for a NUL-terminated string; NULL is the empty field. */
void csv_add_str(struct buf *b, const char *s);

/* Whether s (n bytes) needs quoting. */
int csv_needs_quotes(const char *s, size_t n);

#endif
