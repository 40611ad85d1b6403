/* csv.c - writing RFC 4180 CSV fields. */
#include "common/csv.h"

#include <string.h>

int csv_needs_quotes(const char *s, size_t n)
{
	size_t i;

	if (n == 0)
		return 0;
	if (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t')
		return 1;
	for (i = 0; i < n; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
			return 1;
	return 0;
}

void csv_add_field(struct buf *b, const char *s, size_t n)
{
	const char *q, *end = s + n;

	if (!csv_needs_quotes(s, n)) {
		buf_add(b, s, n);
		return;
	}
	buf_addc(b, '"');
	while ((q = memchr(s, '"', (size_t)(end - s))) != NULL) {
		buf_add(b, s, (size_t)(q - s) + 1);
		buf_addc(b, '"');
		s = q + 1;
	}
	buf_add(b, s, (size_t)(end - s));
	buf_addc(b, '"');
}

void csv_add_str(struct buf *b, const char *s)
{
	if (s)
		csv_add_field(b, s, strlen(s));
}
