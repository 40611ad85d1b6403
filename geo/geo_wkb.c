/* geo_wkb.c - walking WKB for exports: envelopes, GeoJSON, GeoPackage blobs.
 *
 * One recursive walker reads every WKB variant the registry or SpatiaLite
 * can hand out and, on request, writes GeoJSON as it goes; nothing is
 * allocated besides the output buffer.  Reading files is import/'s
 * business, GEOS geometries are geo_ctx.c's.
 */
#include "geo/geo_wkb.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"

#define MAX_DEPTH 32

struct cursor {
	const unsigned char *p;
	size_t n, off;
	struct geo_wkb_info *info;
	struct buf *out;         /* GeoJSON goes here, or NULL */
	struct err *e;
};

static const char *const type_names[] = {
	"Geometry", "Point", "LineString", "Polygon", "MultiPoint",
	"MultiLineString", "MultiPolygon", "GeometryCollection"
};

const char *geo_wkb_type_name(enum geo_wkb_type t)
{
	return (t >= GEO_WKB_POINT && t <= GEO_WKB_COLLECTION) ? type_names[t] : type_names[0];
}

int geo_wkb_type_dim(enum geo_wkb_type t)
{
	switch (t) {
	case GEO_WKB_POINT:
	case GEO_WKB_MULTIPOINT:
		return 0;
	case GEO_WKB_LINESTRING:
	case GEO_WKB_MULTILINESTRING:
		return 1;
	case GEO_WKB_POLYGON:
	case GEO_WKB_MULTIPOLYGON:
		return 2;
	default:
		return -1;
	}
}

static int truncated(struct cursor *c)
{
	return err_set(c->e, ERR_GEO, _("malformed WKB: truncated at byte %zu of %zu"),
		       c->off, c->n);
}

static int rd_u32(struct cursor *c, int le, uint32_t *v)
{
	const unsigned char *b;

	if (c->n - c->off < 4)
		return truncated(c);
	b = c->p + c->off;
	*v = le ? (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24
		: (uint32_t)b[3] | (uint32_t)b[2] << 8 | (uint32_t)b[1] << 16 | (uint32_t)b[0] << 24;
	c->off += 4;
	return 0;
}

static double rd_f64_at(const unsigned char *b, int le)
{
	uint64_t u = 0;
	double d;
	int i;

	if (le)
		for (i = 7; i >= 0; i--)
			u = u << 8 | b[i];
	else
		for (i = 0; i < 8; i++)
			u = u << 8 | b[i];
	memcpy(&d, &u, sizeof(d));
	return d;
}

/* Shortest decimals: most registry coordinates were typed or computed
 * with at most 9 decimals, so try k = 0..9 fixed digits exactly (r/10^k
 * is correctly rounded, as strtod of the printed digits is), else fall
 * back to %.15g..%.17g. */
size_t geo_fmt_double(double v, char out[32])
{
	static const double p10[] = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9 };
	char digits[24];
	int k, prec;

	if (isnan(v) || isinf(v)) {
		memcpy(out, "null", 5);
		return 4;
	}
	if (fabs(v) < 1e9) {
		for (k = 0; k <= 9; k++) {
			double s = v * p10[k], r = nearbyint(s);

			if (fabs(r) < 9007199254740992.0 && r / p10[k] == v) {
				unsigned long long u = (unsigned long long)fabs(r);
				size_t nd = 0, len = 0;

				do {
					digits[nd++] = (char)('0' + u % 10);
					u /= 10;
				} while (u);
				while ((int)nd <= k)
					digits[nd++] = '0';
				if (r < 0 || (r == 0 && signbit(v)))
					out[len++] = '-';
				while (nd > 0) {
					if ((int)nd == k)
						out[len++] = '.';
					out[len++] = digits[--nd];
				}
				out[len] = '\0';
				return len;
			}
		}
	}
	for (prec = 15; prec <= 17; prec++) {
		snprintf(out, 32, "%.*g", prec, v);
		if (strtod(out, NULL) == v)
			break;
	}
	return strlen(out);
}

static void put_pos(struct buf *b, double x, double y)
{
	char s[72];
	size_t n = 0;

	s[n++] = '[';
	n += geo_fmt_double(x, s + n);
	s[n++] = ',';
	n += geo_fmt_double(y, s + n);
	s[n++] = ']';
	buf_add(b, s, n);
}

/* Read npoints positions of dims doubles each; write them as a GeoJSON
 * array (or a bare position when bare is set). */
static int points(struct cursor *c, int le, int dims, uint32_t npoints, int bare)
{
	size_t stride = (size_t)dims * 8, i;
	struct geo_wkb_info *in = c->info;

	if (npoints > (c->n - c->off) / stride)
		return truncated(c);
	if (c->out && !bare)
		buf_addc(c->out, '[');
	for (i = 0; i < npoints; i++) {
		const unsigned char *b = c->p + c->off + i * stride;
		double x = rd_f64_at(b, le), y = rd_f64_at(b + 8, le);

		if (bare && isnan(x) && isnan(y)) {
			/* POINT EMPTY is written with NaN coordinates. */
			if (c->out)
				buf_adds(c->out, "[]");
			break;
		}
		if (x < in->minx || isnan(in->minx))
			in->minx = x;
		if (x > in->maxx || isnan(in->maxx))
			in->maxx = x;
		if (y < in->miny || isnan(in->miny))
			in->miny = y;
		if (y > in->maxy || isnan(in->maxy))
			in->maxy = y;
		in->npoints++;
		if (c->out) {
			if (i)
				buf_addc(c->out, ',');
			put_pos(c->out, x, y);
		}
	}
	if (c->out && !bare)
		buf_addc(c->out, ']');
	c->off += npoints * stride;
	return 0;
}

/* One geometry at the cursor.  coords_only: write only its coordinates
 * array (a member of a Multi*); expect: the type a Multi* member must have
 * (0 for any). */
static int walk(struct cursor *c, int depth, int coords_only, enum geo_wkb_type expect,
		enum geo_wkb_type *type_out)
{
	size_t start = c->off;
	uint32_t type, base, n, i, nr, r;
	int le, dims;

	if (depth > MAX_DEPTH)
		return err_set(c->e, ERR_GEO, _("malformed WKB: nested deeper than %d"), MAX_DEPTH);
	if (c->off >= c->n)
		return truncated(c);
	if (c->p[c->off] > 1)
		return err_set(c->e, ERR_GEO, _("malformed WKB: bad byte order %u at byte %zu"),
			       c->p[c->off], c->off);
	le = c->p[c->off++] == 1;
	if (rd_u32(c, le, &type) < 0)
		return -1;
	dims = 2 + ((type & 0x80000000u) != 0) + ((type & 0x40000000u) != 0);
	if (type & 0x20000000u) {
		uint32_t srid;

		if (rd_u32(c, le, &srid) < 0)
			return -1;
	}
	type &= 0x0fffffffu;
	base = type % 1000;
	switch (type / 1000) {
	case 1:
	case 2:
		dims = 3;
		break;
	case 3:
		dims = 4;
		break;
	default:
		break;
	}
	if (base < GEO_WKB_POINT || base > GEO_WKB_COLLECTION || type / 1000 > 3)
		return err_set(c->e, ERR_GEO, _("malformed WKB: unknown geometry type %u at byte %zu"),
			       type, start);
	if (expect && base != (uint32_t)expect)
		return err_set(c->e, ERR_GEO,
			       _("malformed WKB: %s inside a multi-geometry of %ss at byte %zu"),
			       type_names[base], type_names[expect], start);
	if (type_out)
		*type_out = (enum geo_wkb_type)base;
	if (depth == 0)
		c->info->dims = dims;
	if (c->out && !coords_only) {
		buf_adds(c->out, "{\"type\":\"");
		buf_adds(c->out, type_names[base]);
		buf_adds(c->out, base == GEO_WKB_COLLECTION ? "\",\"geometries\":" : "\",\"coordinates\":");
	}
	switch (base) {
	case GEO_WKB_POINT:
		if (points(c, le, dims, 1, 1) < 0)
			return -1;
		break;
	case GEO_WKB_LINESTRING:
		if (rd_u32(c, le, &n) < 0 || points(c, le, dims, n, 0) < 0)
			return -1;
		break;
	case GEO_WKB_POLYGON:
		if (rd_u32(c, le, &nr) < 0)
			return -1;
		if (c->out)
			buf_addc(c->out, '[');
		for (r = 0; r < nr; r++) {
			if (c->out && r)
				buf_addc(c->out, ',');
			if (rd_u32(c, le, &n) < 0 || points(c, le, dims, n, 0) < 0)
				return -1;
		}
		if (c->out)
			buf_addc(c->out, ']');
		break;
	default:
		if (rd_u32(c, le, &n) < 0)
			return -1;
		/* Each member takes at least 5 bytes: refuse absurd counts early. */
		if (n > (c->n - c->off) / 5)
			return truncated(c);
		if (c->out)
			buf_addc(c->out, '[');
		for (i = 0; i < n; i++) {
			if (c->out && i)
				buf_addc(c->out, ',');
			if (walk(c, depth + 1, base != GEO_WKB_COLLECTION,
				 base == GEO_WKB_COLLECTION ? GEO_WKB_UNKNOWN
							    : (enum geo_wkb_type)(base - 3),
				 NULL) < 0)
				return -1;
		}
		if (c->out)
			buf_addc(c->out, ']');
		break;
	}
	if (c->out && !coords_only)
		buf_addc(c->out, '}');
	return 0;
}

static int run(const unsigned char *wkb, size_t n, struct geo_wkb_info *info,
	       struct buf *out, struct err *e)
{
	struct cursor c = { wkb, n, 0, info, out, e };

	memset(info, 0, sizeof(*info));
	info->minx = info->miny = info->maxx = info->maxy = NAN;
	if (!wkb || n == 0)
		return err_set(e, ERR_GEO, _("malformed WKB: empty"));
	if (walk(&c, 0, 0, GEO_WKB_UNKNOWN, &info->type) < 0)
		return -1;
	if (c.off != n)
		return err_set(e, ERR_GEO, _("malformed WKB: %zu bytes left over after byte %zu"),
			       n - c.off, c.off);
	info->empty = info->npoints == 0;
	return 0;
}

int geo_wkb_info(const unsigned char *wkb, size_t n, struct geo_wkb_info *info,
		 struct err *e)
{
	return run(wkb, n, info, NULL, e);
}

int geo_wkb_to_geojson(const unsigned char *wkb, size_t n, struct buf *out, struct err *e)
{
	struct geo_wkb_info info;
	size_t keep = out->len;

	if (run(wkb, n, &info, out, e) < 0) {
		out->len = keep;
		if (out->data)
			out->data[keep] = '\0';
		return -1;
	}
	return 0;
}

static void put_le32(struct buf *b, uint32_t v)
{
	unsigned char s[4] = { (unsigned char)v, (unsigned char)(v >> 8),
			       (unsigned char)(v >> 16), (unsigned char)(v >> 24) };

	buf_add(b, s, 4);
}

static void put_le64(struct buf *b, double d)
{
	unsigned char s[8];
	uint64_t u;
	int i;

	memcpy(&u, &d, sizeof(u));
	for (i = 0; i < 8; i++)
		s[i] = (unsigned char)(u >> (8 * i));
	buf_add(b, s, 8);
}

int geo_gpkg_blob(const unsigned char *wkb, size_t n, int32_t srs_id, struct buf *out,
		  struct geo_wkb_info *info, struct err *e)
{
	struct geo_wkb_info mine;
	int envelope;
	unsigned char flags;

	if (!info)
		info = &mine;
	if (geo_wkb_info(wkb, n, info, e) < 0)
		return -1;
	/* Points carry no envelope: it would repeat the point (GDAL does the
	 * same); empty geometries carry none either. */
	envelope = !info->empty && info->type != GEO_WKB_POINT;
	flags = (unsigned char)(0x01 | (envelope ? 1 << 1 : 0) | (info->empty ? 1 << 4 : 0));
	buf_add(out, "GP", 2);
	buf_addc(out, 0);
	buf_addc(out, (char)flags);
	put_le32(out, (uint32_t)srs_id);
	if (envelope) {
		put_le64(out, info->minx);
		put_le64(out, info->maxx);
		put_le64(out, info->miny);
		put_le64(out, info->maxy);
	}
	buf_add(out, wkb, n);
	return 0;
}
