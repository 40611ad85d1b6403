/* render.h - the gazetteer export formats: csv, geojson, gpkg, html.
 *
 * cmd_export.c decides what to export (a struct reg_gazetteer_filter) and
 * where; each renderer reads the rows through reg_gazetteer.h and only
 * formats them.  Text formats write to a FILE the caller opened; the
 * GeoPackage writer creates its own SQLite file at a path the caller
 * chose (a temporary name it renames on success).
 */
#ifndef DIMING_RENDER_H
#define DIMING_RENDER_H

#include <stdio.h>

#include "common/err.h"
#include "registry/reg.h"
#include "registry/reg_gazetteer.h"

struct render_ctx {
	struct reg *reg;
	const struct reg_gazetteer_filter *filter;
	FILE *out;               /* csv, geojson, html */
	const char *path;        /* gpkg: the file to create */
	long total;              /* rows the filter selects (progress) */
	long written;            /* rows written so far */
	char today[11];          /* the date printed on the book's cover */
	/* Called every few hundred rows and at the end; may be NULL. */
	void (*progress)(struct render_ctx *rc);
	long skipped;            /* rows a format could not hold (warned) */
	char warning[256];       /* the first such row, for the warning */
};

/* Call rc->progress every 1024 rows. */
void render_tick(struct render_ctx *rc);

int render_csv(struct render_ctx *rc, struct err *e);
int render_geojson(struct render_ctx *rc, struct err *e);
int render_gpkg(struct render_ctx *rc, struct err *e);
int render_html(struct render_ctx *rc, struct err *e);

/* Append s to b escaped for HTML text and attribute values. */
struct buf;
void render_html_escape(struct buf *b, const char *s);

/* `export announcement|filing CASE_ID` (cmd_export_case.c). */
struct cli_ctx;
int export_announcement(struct cli_ctx *ctx, int argc, char **argv);
int export_filing(struct cli_ctx *ctx, int argc, char **argv);

/* fwrite all of b to f, then empty b; ERR_IO on a write error. */
int render_flush(struct buf *b, FILE *f, struct err *e);

#endif
