/* imp_csv.c - RFC 4180 CSV parsing in place. */
#include "import/imp_csv.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/i18n.h"

static void push_field(struct imp_csv *c, char *f)
{
	if (c->nfield == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 16;
		char **p = realloc(c->field, cap * sizeof(*p));

		if (!p)
			abort();
		c->field = p;
		c->cap = cap;
	}
	c->field[c->nfield++] = f;
}

static void trim_cr(char *s)
{
	size_t n = strlen(s);

	if (n && s[n - 1] == '\r')
		s[n - 1] = '\0';
}

/* Parse one record at c->pos; 1 record, 0 EOF, -1 error. */
static int parse_record(struct imp_csv *c, struct err *e)
{
	char *s = c->text;
	size_t i;

	c->nfield = 0;
	/* Skip blank lines. */
	while (c->pos < c->len && (s[c->pos] == '\n' || s[c->pos] == '\r')) {
		if (s[c->pos] == '\n')
			c->next_line++;
		c->pos++;
	}
	if (c->pos >= c->len)
		return 0;
	c->line = c->next_line;
	i = c->pos;
	for (;;) {
		if (i < c->len && s[i] == '"') {
			/* Quoted field: unescape in place. */
			char *out = s + i, *start = out;

			i++;
			for (;;) {
				if (i >= c->len)
					return err_set(e, ERR_INPUT,
						       _("%s:%ld: unterminated quoted field"),
						       c->path, c->line);
				if (s[i] == '"') {
					if (i + 1 < c->len && s[i + 1] == '"') {
						*out++ = '"';
						i += 2;
						continue;
					}
					i++;
					break;
				}
				if (s[i] == '\n')
					c->next_line++;
				*out++ = s[i++];
			}
			if (i < c->len && s[i] == '\r' && i + 1 < c->len && s[i + 1] == '\n')
				i++;
			if (i < c->len && s[i] != ',' && s[i] != '\n')
				return err_set(e, ERR_INPUT,
					       _("%s:%ld: unexpected character after a closing quote"),
					       c->path, c->next_line);
			*out = '\0';
			push_field(c, start);
		} else {
			size_t st = i;

			while (i < c->len && s[i] != ',' && s[i] != '\n') {
				if (s[i] == '"')
					return err_set(e, ERR_INPUT,
						       _("%s:%ld: quote inside an unquoted field"),
						       c->path, c->next_line);
				i++;
			}
			push_field(c, s + st);
		}
		if (i >= c->len) {
			s[c->len] = '\0';
			trim_cr(c->field[c->nfield - 1]);
			c->pos = c->len;
			return 1;
		}
		if (s[i] == '\n') {
			s[i] = '\0';
			trim_cr(c->field[c->nfield - 1]);
			c->next_line++;
			c->pos = i + 1;
			return 1;
		}
		s[i++] = '\0';  /* the comma */
	}
}

int imp_csv_open(struct imp_csv *c, const char *path, struct buf *text, struct err *e)
{
	size_t i;
	int rc;

	memset(c, 0, sizeof(*c));
	c->path = path;
	c->len = text->len;
	c->text = buf_detach(text);
	c->next_line = 1;
	rc = parse_record(c, e);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return err_set(e, ERR_INPUT, _("%s: empty file, expected a header row"), path);
	c->nheader = c->nfield;
	c->header = calloc(c->nheader, sizeof(char *));
	if (!c->header)
		abort();
	for (i = 0; i < c->nheader; i++) {
		char *h = c->field[i];

		while (*h == ' ')
			h++;
		c->header[i] = strdup(h);
		if (!c->header[i])
			abort();
		for (h = c->header[i] + strlen(c->header[i]); h > c->header[i] && h[-1] == ' '; h--)
			h[-1] = '\0';
	}
	return 0;
}

void imp_csv_close(struct imp_csv *c)
{
	size_t i;

	for (i = 0; i < c->nheader; i++)
		free(c->header[i]);
	free(c->header);
	free(c->field);
	free(c->text);
	memset(c, 0, sizeof(*c));
}

int imp_csv_next(struct imp_csv *c, struct err *e)
{
	int rc = parse_record(c, e);

	if (rc <= 0)
		return rc;
	if (c->nfield != c->nheader)
		return err_set(e, ERR_INPUT, _("%s:%ld: expected %zu fields, found %zu"),
			       c->path, c->line, c->nheader, c->nfield);
	return 1;
}

int imp_csv_col(const struct imp_csv *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->nheader; i++)
		if (!strcasecmp(c->header[i], name))
			return (int)i;
	return -1;
}

const char *imp_csv_get(const struct imp_csv *c, int i)
{
	if (i < 0 || (size_t)i >= c->nfield)
		return "";
	return c->field[i];
}
