/* imp.c - shared importer plumbing: reading text files, diagnostics. */
#include "import/imp.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "common/i18n.h"
#include "common/utf8.h"

void imp_diag(const struct imp_opts *o, enum imp_severity sev, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	if (!o || !o->diag)
		return;
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	o->diag(o->arg, sev, buf_str(&b));
	buf_release(&b);
}

void imp_progress(const struct imp_opts *o, long rows)
{
	if (o && o->progress)
		o->progress(o->arg, rows);
}

static long line_of(const char *s, size_t off)
{
	long line = 1;
	size_t i;

	for (i = 0; i < off; i++)
		if (s[i] == '\n')
			line++;
	return line;
}

int imp_read_text(const char *path, const char *encoding, struct buf *out,
		  struct err *e)
{
	struct buf raw = BUF_INIT;
	FILE *f = fopen(path, "rb");
	struct stat st;
	size_t n, bad;
	int utf8 = !encoding || !strcasecmp(encoding, "utf-8") || !strcasecmp(encoding, "utf8");

	if (!f)
		return err_set(e, ERR_INPUT, _("%s: cannot open: %s"), path, strerror(errno));
	/* Read straight into a buffer of the file's size (one byte more, to
	 * see the end without growing): growing by doubling would copy a
	 * national file several times over. */
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
		buf_reserve_huge(&raw, (size_t)st.st_size + 1);
	for (;;) {
		size_t room;

		if (raw.cap - raw.len <= 1)
			buf_grow(&raw, 65536);
		room = raw.cap - raw.len - 1;
		n = fread(raw.data + raw.len, 1, room, f);
		raw.len += n;
		raw.data[raw.len] = '\0';
		if (n < room)
			break;
	}
	if (ferror(f)) {
		fclose(f);
		buf_release(&raw);
		return err_set(e, ERR_IO, _("%s: cannot read: %s"), path, strerror(errno));
	}
	fclose(f);
	if (!utf8) {
		if (strcasecmp(encoding, "gb18030") && strcasecmp(encoding, "gbk") &&
		    strcasecmp(encoding, "gb2312")) {
			buf_release(&raw);
			return err_set(e, ERR_USAGE,
				       _("unknown encoding '%s' (use utf-8 or gb18030)"), encoding);
		}
		if (utf8_from_encoding("GB18030", buf_str(&raw), raw.len, out, e) < 0) {
			/* Name the line of the offending byte. */
			size_t at = 0;

			sscanf(e->msg, "byte %zu", &at);
			err_set(e, ERR_INPUT, _("%s:%ld: not valid GB18030 text"), path,
				line_of(buf_str(&raw), at < raw.len ? at : raw.len));
			buf_release(&raw);
			return -1;
		}
		buf_release(&raw);
	} else {
		*out = raw;
	}
	bad = utf8_invalid_at(buf_str(out), out->len);
	if (bad != (size_t)-1) {
		err_set(e, ERR_INPUT,
			_("%s:%ld: invalid UTF-8 (for GB18030 files use --encoding gb18030)"),
			path, line_of(buf_str(out), bad));
		buf_release(out);
		return -1;
	}
	if (out->len >= 3 && !memcmp(out->data, "\xEF\xBB\xBF", 3)) {
		memmove(out->data, out->data + 3, out->len - 3);
		out->len -= 3;
		out->data[out->len] = '\0';
	}
	return 0;
}

size_t imp_count_newlines(const struct buf *text)
{
	const char *s = buf_str(text), *end = s + text->len;
	size_t n = 0;

	while ((s = memchr(s, '\n', (size_t)(end - s))) != NULL) {
		n++;
		s++;
	}
	return n;
}

const char *imp_sniff_format(const char *path, const char *data)
{
	const char *dot = strrchr(path, '.');

	if (dot && !strcasecmp(dot, ".csv"))
		return "csv";
	if (dot && (!strcasecmp(dot, ".geojson") || !strcasecmp(dot, ".json")))
		return "geojson";
	while (*data == ' ' || *data == '\t' || *data == '\r' || *data == '\n')
		data++;
	return *data == '{' ? "geojson" : "csv";
}
