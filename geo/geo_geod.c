/* geo_geod.c - geodesic measures on the CGCS2000 ellipsoid: lengths, areas, distances.
 *
 * Owns the arithmetic of measuring lon/lat geometries in metres.  Which
 * geometry is measured (a boundary line, a division) and how results are
 * rounded for display is left to registry/ and cli/.
 */
#include "geo/geo_geod.h"

#include <geodesic.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"

/* CGCS2000 = GRS80 in shape: a = 6378137 m, 1/f = 298.257222101. */
static const struct geod_geodesic *cgcs2000(void)
{
	static struct geod_geodesic g;
	static int ready;

	if (!ready) {
		geod_init(&g, 6378137.0, 1.0 / 298.257222101);
		ready = 1;
	}
	return &g;
}

void geo_geod_inverse(double lon1, double lat1, double lon2, double lat2,
		      double *s12, double *azi1, double *azi2)
{
	double s, a1, a2;

	geod_inverse(cgcs2000(), lat1, lon1, lat2, lon2, &s, &a1, &a2);
	if (s12)
		*s12 = s;
	if (azi1)
		*azi1 = a1;
	if (azi2)
		*azi2 = a2;
}

double geo_geod_distance(double lon1, double lat1, double lon2, double lat2)
{
	double s;

	geod_inverse(cgcs2000(), lat1, lon1, lat2, lon2, &s, NULL, NULL);
	return s;
}

static const char *type_name(GEOSContextHandle_t gh, const GEOSGeometry *g, char **own)
{
	*own = GEOSGeomType_r(gh, g);
	return *own ? *own : "geometry";
}

/* Length of one LineString or LinearRing. */
static int line_length(GEOSContextHandle_t gh, const GEOSGeometry *g, double *sum,
		       struct err *e)
{
	const GEOSCoordSequence *cs = GEOSGeom_getCoordSeq_r(gh, g);
	unsigned int n, i;
	double x0, y0, x1, y1;

	if (!cs || !GEOSCoordSeq_getSize_r(gh, cs, &n))
		return err_set(e, ERR_GEO, _("cannot read the coordinates of a line"));
	for (i = 0; i < n; i++) {
		if (!GEOSCoordSeq_getXY_r(gh, cs, i, &x1, &y1))
			return err_set(e, ERR_GEO, _("cannot read the coordinates of a line"));
		if (i > 0)
			*sum += geo_geod_distance(x0, y0, x1, y1);
		x0 = x1;
		y0 = y1;
	}
	return 0;
}

int geo_geod_length(struct geo_ctx *g, const GEOSGeometry *geom, double *metres,
		    struct err *e)
{
	GEOSContextHandle_t gh = g->gh;
	double sum = 0;
	char *tn = NULL;
	int type = GEOSGeomTypeId_r(gh, geom), i, n;

	switch (type) {
	case GEOS_LINESTRING:
	case GEOS_LINEARRING:
		if (line_length(gh, geom, &sum, e))
			return -1;
		break;
	case GEOS_MULTILINESTRING:
		n = GEOSGetNumGeometries_r(gh, geom);
		for (i = 0; i < n; i++)
			if (line_length(gh, GEOSGetGeometryN_r(gh, geom, i), &sum, e))
				return -1;
		break;
	default:
		err_set(e, ERR_INPUT, _("geometry is a %s, not a line"), type_name(gh, geom, &tn));
		GEOSFree_r(gh, tn);
		return -1;
	}
	*metres = sum;
	return 0;
}

/* Unsigned geodesic area of one ring; the closing vertex is implied. */
static int ring_area(GEOSContextHandle_t gh, const GEOSGeometry *ring, double *area,
		     struct err *e)
{
	const GEOSCoordSequence *cs = GEOSGeom_getCoordSeq_r(gh, ring);
	struct geod_polygon p;
	unsigned int n, i;
	double x, y, a, perimeter;

	if (!cs || !GEOSCoordSeq_getSize_r(gh, cs, &n))
		return err_set(e, ERR_GEO, _("cannot read the coordinates of a ring"));
	geod_polygon_init(&p, 0);
	for (i = 0; i + 1 < n; i++) {
		if (!GEOSCoordSeq_getXY_r(gh, cs, i, &x, &y))
			return err_set(e, ERR_GEO, _("cannot read the coordinates of a ring"));
		geod_polygon_addpoint(cgcs2000(), &p, y, x);
	}
	/* signed (sign = 1): a clockwise ring comes out negative, not as the
	 * rest of the earth */
	geod_polygon_compute(cgcs2000(), &p, 0, 1, &a, &perimeter);
	*area = fabs(a);
	return 0;
}

static int polygon_area(GEOSContextHandle_t gh, const GEOSGeometry *g, double *sum,
			struct err *e)
{
	const GEOSGeometry *ring;
	double a;
	int i, holes;

	if (GEOSisEmpty_r(gh, g) == 1)
		return 0;
	ring = GEOSGetExteriorRing_r(gh, g);
	if (!ring || ring_area(gh, ring, &a, e))
		return ring ? -1 : err_set(e, ERR_GEO, _("cannot read a polygon shell"));
	*sum += a;
	holes = GEOSGetNumInteriorRings_r(gh, g);
	for (i = 0; i < holes; i++) {
		ring = GEOSGetInteriorRingN_r(gh, g, i);
		if (!ring || ring_area(gh, ring, &a, e))
			return ring ? -1 : err_set(e, ERR_GEO, _("cannot read a polygon hole"));
		*sum -= a;
	}
	return 0;
}

int geo_geod_area(struct geo_ctx *g, const GEOSGeometry *geom, double *m2,
		  struct err *e)
{
	GEOSContextHandle_t gh = g->gh;
	double sum = 0;
	char *tn = NULL;
	int i, n;

	switch (GEOSGeomTypeId_r(gh, geom)) {
	case GEOS_POLYGON:
		if (polygon_area(gh, geom, &sum, e))
			return -1;
		break;
	case GEOS_MULTIPOLYGON:
		n = GEOSGetNumGeometries_r(gh, geom);
		for (i = 0; i < n; i++)
			if (polygon_area(gh, GEOSGetGeometryN_r(gh, geom, i), &sum, e))
				return -1;
		break;
	default:
		err_set(e, ERR_INPUT, _("geometry is a %s, not a polygon"), type_name(gh, geom, &tn));
		GEOSFree_r(gh, tn);
		return -1;
	}
	*m2 = sum;
	return 0;
}

struct geo_line_measure {
	struct geo_crs_cache *cc;
	char srs[32];         /* the Gauss-Krüger plane used to pick candidates */
	size_t n;             /* vertices */
	double *lon, *lat;    /* CGCS2000 */
	double *x, *y;        /* plane: easting, northing */
	double *along;        /* geodesic length from the start to each vertex */
	unsigned char *brk;   /* brk[i]: no segment from vertex i to i + 1 */
};

void geo_line_measure_free(struct geo_line_measure *m)
{
	if (!m)
		return;
	free(m->lon);
	free(m->lat);
	free(m->x);
	free(m->y);
	free(m->along);
	free(m->brk);
	free(m);
}

/* Append the vertices of one LineString/LinearRing to m. */
static int append_part(GEOSContextHandle_t gh, const GEOSGeometry *part,
		       struct geo_line_measure *m, struct err *e)
{
	const GEOSCoordSequence *cs = GEOSGeom_getCoordSeq_r(gh, part);
	unsigned int n, i;

	if (!cs || !GEOSCoordSeq_getSize_r(gh, cs, &n))
		return err_set(e, ERR_GEO, _("cannot read the coordinates of a line"));
	for (i = 0; i < n; i++) {
		size_t k = m->n++;

		if (!GEOSCoordSeq_getXY_r(gh, cs, i, &m->lon[k], &m->lat[k]))
			return err_set(e, ERR_GEO, _("cannot read the coordinates of a line"));
		if (!geo_china_contains(m->lon[k], m->lat[k]))
			return err_set(e, ERR_INPUT,
				       _("line vertex %zu at %.9f %.9f lies outside China "
					 "(lon %g..%g, lat %g..%g)"), k + 1, m->lon[k], m->lat[k],
				       GEO_CHINA_LON_MIN, GEO_CHINA_LON_MAX,
				       GEO_CHINA_LAT_MIN, GEO_CHINA_LAT_MAX);
		m->brk[k] = i + 1 == n;
		m->along[k] = k == 0 ? 0 : m->brk[k - 1] ? m->along[k - 1]
			: m->along[k - 1] + geo_geod_distance(m->lon[k - 1], m->lat[k - 1],
							      m->lon[k], m->lat[k]);
	}
	return 0;
}

/* The 3° zone plane for a longitude: CGCS2000 defines zones 25..45. */
static void plane_for(double lon, char *srs, size_t len)
{
	int z = geo_gk_zone_for_lon(lon, 3);

	z = z < 25 ? 25 : z > 45 ? 45 : z;
	snprintf(srs, len, "EPSG:%d", geo_gk_epsg(z, 3, 0));
}

struct geo_line_measure *geo_line_measure_new(struct geo_ctx *g, struct geo_crs_cache *cc,
					      const GEOSGeometry *line, struct err *e)
{
	GEOSContextHandle_t gh = g->gh;
	struct geo_line_measure *m;
	char *tn = NULL;
	int type = GEOSGeomTypeId_r(gh, line), parts, i;
	int npts = GEOSGetNumCoordinates_r(gh, line);

	if (type != GEOS_LINESTRING && type != GEOS_MULTILINESTRING &&
	    type != GEOS_LINEARRING) {
		err_set(e, ERR_INPUT, _("geometry is a %s, not a line"), type_name(gh, line, &tn));
		GEOSFree_r(gh, tn);
		return NULL;
	}
	if (npts <= 0) {
		err_set(e, npts < 0 ? ERR_GEO : ERR_INPUT, _("the line is empty"));
		return NULL;
	}
	m = calloc(1, sizeof(*m));
	if (!m || !(m->lon = malloc((size_t)npts * sizeof(double))) ||
	    !(m->lat = malloc((size_t)npts * sizeof(double))) ||
	    !(m->x = malloc((size_t)npts * sizeof(double))) ||
	    !(m->y = malloc((size_t)npts * sizeof(double))) ||
	    !(m->along = malloc((size_t)npts * sizeof(double))) ||
	    !(m->brk = malloc((size_t)npts))) {
		err_set(e, ERR_NOMEM, _("out of memory"));
		goto fail;
	}
	m->cc = cc;
	parts = type == GEOS_MULTILINESTRING ? GEOSGetNumGeometries_r(gh, line) : 1;
	for (i = 0; i < parts; i++) {
		const GEOSGeometry *p = type == GEOS_MULTILINESTRING
			? GEOSGetGeometryN_r(gh, line, i) : line;

		if (append_part(gh, p, m, e))
			goto fail;
	}
	plane_for(m->lon[m->n / 2], m->srs, sizeof(m->srs));
	memcpy(m->x, m->lon, m->n * sizeof(double));
	memcpy(m->y, m->lat, m->n * sizeof(double));
	if (geo_crs_trans_xy(cc, m->srs, 0, m->x, m->y, m->n, e))
		goto fail;
	return m;
fail:
	geo_line_measure_free(m);
	return NULL;
}

double geo_line_measure_length(const struct geo_line_measure *m)
{
	return m->n ? m->along[m->n - 1] : 0;
}

/* Plane distance from (px, py) to segment (ax, ay)-(bx, by); *t gets the
 * position of the foot along it, 0..1. */
static double plane_seg(double px, double py, double ax, double ay, double bx, double by,
			double *t)
{
	double dx = bx - ax, dy = by - ay, l2 = dx * dx + dy * dy, u = 0;

	if (l2 > 0) {
		u = ((px - ax) * dx + (py - ay) * dy) / l2;
		u = u < 0 ? 0 : u > 1 ? 1 : u;
	}
	*t = u;
	return hypot(px - ax - u * dx, py - ay - u * dy);
}

/* Foot of the perpendicular from (lon, lat) on the geodesic from vertex i
 * to i + 1, starting from fraction t: walk along the segment by
 * D·cos(angle between the segment and the geodesic to the point) until
 * the step is below 0.1 µm, clamped to the segment's ends. */
static double seg_foot(const struct geo_line_measure *m, size_t i, double lon, double lat,
		       double t, double *flon, double *flat, double *s_out)
{
	struct geod_geodesicline l;
	double s, d = 0, plat, plon, azi, azi_p;
	int it;

	geod_inverseline(&l, cgcs2000(), m->lat[i], m->lon[i], m->lat[i + 1], m->lon[i + 1], 0);
	s = t * l.s13;
	for (it = 0; it < 50; it++) {
		double next;

		geod_position(&l, s, &plat, &plon, &azi);
		geod_inverse(cgcs2000(), plat, plon, lat, lon, &d, &azi_p, NULL);
		if (d == 0)
			break;
		next = s + d * cos((azi_p - azi) * M_PI / 180.0);
		next = next < 0 ? 0 : next > l.s13 ? l.s13 : next;
		if (fabs(next - s) < 1e-7)
			break;
		s = next;
	}
	geod_position(&l, s, &plat, &plon, NULL);
	d = geo_geod_distance(lon, lat, plon, plat);
	*flon = plon;
	*flat = plat;
	*s_out = s;
	return d;
}

int geo_line_measure_distance(struct geo_line_measure *m, double lon, double lat,
			      double *metres, double *foot_lon, double *foot_lat,
			      double *along, struct err *e)
{
	double px = lon, py = lat, d0 = HUGE_VAL, best = HUGE_VAL, t, d;
	double bl = m->lon[0], bt = m->lat[0], ba = 0;
	size_t i;

	if (!geo_china_contains(lon, lat))
		return err_set(e, ERR_INPUT,
			       _("point %.9f %.9f lies outside China (lon %g..%g, lat %g..%g)"),
			       lon, lat, GEO_CHINA_LON_MIN, GEO_CHINA_LON_MAX,
			       GEO_CHINA_LAT_MIN, GEO_CHINA_LAT_MAX);
	if (geo_crs_trans_xy(m->cc, m->srs, 0, &px, &py, 1, e))
		return -1;
	if (m->n == 1) {
		best = geo_geod_distance(lon, lat, bl, bt);
		goto done;
	}
	for (i = 0; i + 1 < m->n; i++) {
		if (m->brk[i])
			continue;
		d = plane_seg(px, py, m->x[i], m->y[i], m->x[i + 1], m->y[i + 1], &t);
		if (d < d0)
			d0 = d;
	}
	for (i = 0; i + 1 < m->n; i++) {
		double len2, margin, fl, ft, s;

		if (m->brk[i])
			continue;
		d = plane_seg(px, py, m->x[i], m->y[i], m->x[i + 1], m->y[i + 1], &t);
		len2 = (m->x[i + 1] - m->x[i]) * (m->x[i + 1] - m->x[i]) +
		       (m->y[i + 1] - m->y[i]) * (m->y[i + 1] - m->y[i]);
		/* plane scale (<1 % within 10° of the CM), a geodesic's bend
		 * in the plane (1.7 m over 108 km), a metre for good measure */
		margin = 1.0 + 0.02 * d0 + 1e-8 * len2;
		if (d > d0 + margin)
			continue;
		d = seg_foot(m, i, lon, lat, t, &fl, &ft, &s);
		if (d < best) {
			best = d;
			bl = fl;
			bt = ft;
			ba = m->along[i] + s;
		}
	}
done:
	*metres = best;
	if (foot_lon)
		*foot_lon = bl;
	if (foot_lat)
		*foot_lat = bt;
	if (along)
		*along = ba;
	return 0;
}

int geo_geod_point_line_distance(struct geo_ctx *g, struct geo_crs_cache *cc,
				 double lon, double lat, const GEOSGeometry *line,
				 double *metres, double *foot_lon, double *foot_lat,
				 struct err *e)
{
	struct geo_line_measure *m = geo_line_measure_new(g, cc, line, e);
	int rc;

	if (!m)
		return -1;
	rc = geo_line_measure_distance(m, lon, lat, metres, foot_lon, foot_lat, NULL, e);
	geo_line_measure_free(m);
	return rc;
}
