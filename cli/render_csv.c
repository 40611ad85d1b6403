/* render_csv.c - the gazetteer as CSV: UTF-8 with BOM, RFC 4180, CRLF.
 *
 * One row per place, the contract columns under their Chinese names, in
 * the order of reg_gazetteer_columns.  The BOM is there for Excel, which
 * otherwise opens UTF-8 as the ANSI code page; `diming import names`
 * strips it.
 */
#include "cli/render.h"

#include <errno.h>
#include <string.h>

#include "common/buf.h"
#include "common/csv.h"
#include "common/i18n.h"

#define FLUSH_AT 65536

int render_flush(struct buf *b, FILE *f, struct err *e)
{
	if (b->len && fwrite(b->data, 1, b->len, f) != b->len)
		return err_set(e, ERR_IO, _("cannot write output: %s"), strerror(errno));
	buf_clear(b);
	return 0;
}

void render_tick(struct render_ctx *rc)
{
	if (rc->progress && (rc->written & 1023) == 0)
		rc->progress(rc);
}

int render_csv(struct render_ctx *rc, struct err *e)
{
	struct reg_gazetteer *g;
	struct reg_gazetteer_row row;
	struct buf b = BUF_INIT;
	int i, got, ret = -1;

	if (!(g = reg_gazetteer_open(rc->reg, rc->filter, e)))
		return -1;
	buf_adds(&b, "\xEF\xBB\xBF");
	for (i = 0; i < REG_GAZ_NCOLS; i++) {
		if (i)
			buf_addc(&b, ',');
		csv_add_str(&b, reg_gazetteer_columns[i]);
	}
	buf_adds(&b, "\r\n");
	while ((got = reg_gazetteer_next(g, &row, e)) == 1) {
		for (i = 0; i < REG_GAZ_NCOLS; i++) {
			if (i)
				buf_addc(&b, ',');
			csv_add_str(&b, row.text[i]);
		}
		buf_adds(&b, "\r\n");
		if (b.len >= FLUSH_AT && render_flush(&b, rc->out, e) < 0)
			goto out;
		rc->written++;
		render_tick(rc);
	}
	if (got < 0 || render_flush(&b, rc->out, e) < 0)
		goto out;
	ret = 0;
out:
	buf_release(&b);
	reg_gazetteer_free(g);
	return ret;
}
