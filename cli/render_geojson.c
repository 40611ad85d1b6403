/* render_geojson.c - the gazetteer as an RFC 7946 FeatureCollection.
 *
 * Streamed: the collection's head, one feature per line, the tail.
 * Positions are [lon, lat].  RFC 7946 assumes WGS 84; the registry's
 * coordinates are CGCS2000 (EPSG:4490, within a few centimetres of WGS 84
 * in China), which the old-style "crs" member says so that GDAL and QGIS
 * label the layer correctly.  Properties are the contract columns under
 * their Chinese names, null when empty; the feature id is the place id.
 */
#include "cli/render.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "common/buf.h"
#include "common/i18n.h"
#include "geo/geo_wkb.h"

#define FLUSH_AT 65536

/* A JSON string: quotes, backslashes and control characters escaped,
 * UTF-8 as is. */
static void json_str(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const char *run = s;

	buf_addc(b, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		buf_add(b, run, (size_t)(s - run));
		run = s + 1;
		switch (c) {
		case '"':
			buf_adds(b, "\\\"");
			break;
		case '\\':
			buf_adds(b, "\\\\");
			break;
		case '\n':
			buf_adds(b, "\\n");
			break;
		case '\r':
			buf_adds(b, "\\r");
			break;
		case '\t':
			buf_adds(b, "\\t");
			break;
		default:
			buf_adds(b, "\\u00");
			buf_addc(b, hex[c >> 4]);
			buf_addc(b, hex[c & 15]);
			break;
		}
	}
	buf_add(b, run, (size_t)(s - run));
	buf_addc(b, '"');
}

/* "标准名称": and the like, escaped once for all rows. */
struct keys {
	struct buf k[REG_GAZ_NCOLS];
};

static void keys_init(struct keys *k)
{
	int i;

	for (i = 0; i < REG_GAZ_NCOLS; i++) {
		buf_init(&k->k[i]);
		if (i)
			buf_addc(&k->k[i], ',');
		json_str(&k->k[i], reg_gazetteer_columns[i]);
		buf_addc(&k->k[i], ':');
	}
}

static void keys_release(struct keys *k)
{
	int i;

	for (i = 0; i < REG_GAZ_NCOLS; i++)
		buf_release(&k->k[i]);
}

static int feature(struct buf *b, const struct keys *k, const struct reg_gazetteer_row *row,
		   long n, struct err *e)
{
	char num[32];
	int i;

	buf_adds(b, n ? ",\n{\"type\":\"Feature\",\"id\":" : "\n{\"type\":\"Feature\",\"id\":");
	buf_addf(b, "%lld", row->place_id);
	buf_adds(b, ",\"geometry\":");
	if (!row->wkb)
		buf_adds(b, "null");
	else if (geo_wkb_to_geojson(row->wkb, row->wkb_len, b, e) < 0)
		return err_prefix(e, _("place %lld: "), row->place_id);
	buf_adds(b, ",\"properties\":{");
	for (i = 0; i < REG_GAZ_NCOLS; i++) {
		buf_add(b, k->k[i].data, k->k[i].len);
		if (i == REG_GAZ_LON || i == REG_GAZ_LAT) {
			double v = i == REG_GAZ_LON ? row->lon : row->lat;

			if (isnan(v)) {
				buf_adds(b, "null");
			} else {
				geo_fmt_double(v, num);
				buf_adds(b, num);
			}
		} else if (row->text[i][0]) {
			json_str(b, row->text[i]);
		} else {
			buf_adds(b, "null");
		}
	}
	buf_adds(b, "}}");
	return 0;
}

int render_geojson(struct render_ctx *rc, struct err *e)
{
	struct reg_gazetteer *g;
	struct reg_gazetteer_row row;
	struct buf b = BUF_INIT, name = BUF_INIT;
	struct keys keys;
	int got, ret = -1;

	if (!(g = reg_gazetteer_open(rc->reg, rc->filter, e)))
		return -1;
	keys_init(&keys);
	buf_adds(&b, "{\"type\":\"FeatureCollection\",\"name\":");
	buf_addf(&name, "%s%s", reg_gazetteer_root_name(g), _("标准地名录"));
	json_str(&b, name.data);
	buf_adds(&b, ",\n\"crs\":{\"type\":\"name\",\"properties\":"
		 "{\"name\":\"urn:ogc:def:crs:EPSG::4490\"}},\n\"features\":[");
	while ((got = reg_gazetteer_next(g, &row, e)) == 1) {
		if (feature(&b, &keys, &row, rc->written, e) < 0)
			goto out;
		if (b.len >= FLUSH_AT && render_flush(&b, rc->out, e) < 0)
			goto out;
		rc->written++;
		render_tick(rc);
	}
	if (got < 0)
		goto out;
	buf_adds(&b, rc->written ? "\n]}\n" : "]}\n");
	if (render_flush(&b, rc->out, e) < 0)
		goto out;
	ret = 0;
out:
	keys_release(&keys);
	buf_release(&name);
	buf_release(&b);
	reg_gazetteer_free(g);
	return ret;
}
