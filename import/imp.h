/* imp.h - what every importer shares: options, diagnostics, progress.
 *
 * Importers never print: warnings and per-row errors go to the diag
 * callback (cli/ prints them as "diming: warning: ..."), progress to the
 * progress callback.  An importer writes inside the caller's transaction
 * and returns -1 on the first fatal problem; the caller rolls back.
 */
#ifndef DIMING_IMP_H
#define DIMING_IMP_H

#include "common/buf.h"
#include "common/err.h"

enum imp_severity { IMP_WARNING, IMP_ERROR };

struct imp_opts {
	const char *encoding;  /* NULL or "utf-8": UTF-8; "gb18030" */
	int strict;            /* refuse what would otherwise be repaired */
	int update;            /* let new data replace conflicting names */
	void (*diag)(void *arg, enum imp_severity sev, const char *msg);
	void (*progress)(void *arg, long rows);
	void *arg;
};

/* Report a diagnostic through o->diag (if any). */
void imp_diag(const struct imp_opts *o, enum imp_severity sev, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void imp_progress(const struct imp_opts *o, long rows);

/* Read a whole file into out as UTF-8: strips a UTF-8 BOM, converts from
 * o->encoding, and refuses invalid UTF-8 naming the line.  ERR_IO when the
 * file cannot be read. */
int imp_read_text(const char *path, const char *encoding, struct buf *out,
		  struct err *e);

/* The newlines in text: a CSV file's rows, header included, as a size
 * hint for a load. */
size_t imp_count_newlines(const struct buf *text);

/* "csv" or "geojson" from the file name, else from the first non-blank
 * byte of data ('{' means GeoJSON). */
const char *imp_sniff_format(const char *path, const char *data);

#endif
