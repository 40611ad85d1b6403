/* imp_csv.h - an RFC 4180 CSV reader over text already in memory.
 *
 * Quoted fields, doubled quotes, embedded newlines, CRLF or LF.  Fields of
 * the current record are NUL-terminated strings pointing into the reader's
 * own copy of the text, valid until the next imp_csv_next().  Line numbers
 * are those of the record's first line, as an editor shows them.
 */
#ifndef DIMING_IMP_CSV_H
#define DIMING_IMP_CSV_H

#include <stddef.h>

#include "common/buf.h"
#include "common/err.h"

struct imp_csv {
	const char *path;   /* for messages */
	char *text;         /* owned, parsed in place */
	size_t len, pos;
	long line;          /* line of the current record */
	long next_line;
	char **field;
	size_t nfield, cap;
	char **header;      /* copies of the header fields */
	size_t nheader;
};

/* Take over text (UTF-8, BOM already stripped; the buf is emptied) and read
 * the header row.  ERR_INPUT for an empty file or a bad header. */
int imp_csv_open(struct imp_csv *c, const char *path, struct buf *text, struct err *e);
void imp_csv_close(struct imp_csv *c);

/* Next record: 1 read, 0 end of file, -1 ERR_INPUT (unterminated quote,
 * stray quote, field count different from the header's) naming file and
 * line.  Blank lines are skipped. */
int imp_csv_next(struct imp_csv *c, struct err *e);

/* Column index of a header name (exact, case-insensitive), -1 if absent. */
int imp_csv_col(const struct imp_csv *c, const char *name);

/* Field i of the current record, "" when i < 0. */
const char *imp_csv_get(const struct imp_csv *c, int i);

#endif
