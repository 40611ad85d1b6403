/* utf8.c - UTF-8 decoding and validation; other encodings via iconv. */
#include "common/utf8.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>

#include "common/i18n.h"

size_t utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c;
	size_t len, i;

	if (n == 0)
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	} else if ((u[0] & 0xE0) == 0xC0) {
		len = 2;
		c = u[0] & 0x1F;
	} else if ((u[0] & 0xF0) == 0xE0) {
		len = 3;
		c = u[0] & 0x0F;
	} else if ((u[0] & 0xF8) == 0xF0) {
		len = 4;
		c = u[0] & 0x07;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if ((len == 2 && c < 0x80) || (len == 3 && c < 0x800) ||
	    (len == 4 && c < 0x10000) || c > 0x10FFFF ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

void utf8_encode(struct buf *b, uint32_t cp)
{
	char t[4];

	if (cp < 0x80) {
		buf_addc(b, (char)cp);
	} else if (cp < 0x800) {
		t[0] = (char)(0xC0 | (cp >> 6));
		t[1] = (char)(0x80 | (cp & 0x3F));
		buf_add(b, t, 2);
	} else if (cp < 0x10000) {
		t[0] = (char)(0xE0 | (cp >> 12));
		t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		t[2] = (char)(0x80 | (cp & 0x3F));
		buf_add(b, t, 3);
	} else {
		t[0] = (char)(0xF0 | (cp >> 18));
		t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		t[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		t[3] = (char)(0x80 | (cp & 0x3F));
		buf_add(b, t, 4);
	}
}

size_t utf8_invalid_at(const char *s, size_t n)
{
	size_t i = 0, k;
	uint32_t cp;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		k = utf8_decode(s + i, n - i, &cp);
		if (!k)
			return i;
		i += k;
	}
	return (size_t)-1;
}

size_t utf8_len(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

int utf8_is_han(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) ||   /* URO */
	       (cp >= 0x3400 && cp <= 0x4DBF) ||   /* Ext A */
	       (cp >= 0x20000 && cp <= 0x323AF) || /* Ext B-H */
	       (cp >= 0xF900 && cp <= 0xFAFF) ||   /* compatibility */
	       cp == 0x3007;                       /* 〇 */
}

int utf8_from_encoding(const char *from, const char *in, size_t n,
		       struct buf *out, struct err *e)
{
	iconv_t cd = iconv_open("UTF-8", from);
	char *src = (char *)in;
	size_t left = n;

	if (cd == (iconv_t)-1)
		return err_set(e, ERR_USAGE, _("unknown encoding '%s'"), from);
	while (left > 0) {
		char tmp[4096], *dst = tmp;
		size_t room = sizeof(tmp);
		size_t r = iconv(cd, &src, &left, &dst, &room);

		buf_add(out, tmp, (size_t)(dst - tmp));
		if (r == (size_t)-1 && errno != E2BIG) {
			size_t at = (size_t)(src - in);

			iconv_close(cd);
			return err_set(e, ERR_INPUT,
				       _("byte %zu: not valid %s text"), at, from);
		}
	}
	iconv_close(cd);
	return 0;
}
