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

int geo_geod_length(GEOSContextHandle_t gh, const GEOSGeometry *g, double *metres,
		    struct err *e)
{
	double sum = 0;
	char *tn = NULL;
	int type = GEOSGeomTypeId_r(gh, g), i, n;

	switch (type) {
	case GEOS_LINESTRING:
	case GEOS_LINEARRING:
		if (line_length(gh, g, &sum, e))
			return -1;
		break;
	case GEOS_MULTILINESTRING:
		n = GEOSGetNumGeometries_r(gh, g);
		for (i = 0; i < n; i++)
			if (line_length(gh, GEOSGetGeometryN_r(gh, g, i), &sum, e))
				return -1;
		break;
	default:
		err_set(e, ERR_INPUT, _("geometry is a %s, not a line"), type_name(gh, g, &tn));
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

int geo_geod_area(GEOSContextHandle_t gh, const GEOSGeometry *g, double *m2,
		  struct err *e)
{
	double sum = 0;
	char *tn = NULL;
	int i, n;

	switch (GEOSGeomTypeId_r(gh, g)) {
	case GEOS_POLYGON:
		if (polygon_area(gh, g, &sum, e))
			return -1;
		break;
	case GEOS_MULTIPOLYGON:
		n = GEOSGetNumGeometries_r(gh, g);
		for (i = 0; i < n; i++)
			if (polygon_area(gh, GEOSGetGeometryN_r(gh, g, i), &sum, e))
				return -1;
		break;
	default:
		err_set(e, ERR_INPUT, _("geometry is a %s, not a polygon"), type_name(gh, g, &tn));
		GEOSFree_r(gh, tn);
		return -1;
	}
	*m2 = sum;
	return 0;
}

struct to_plane {
	struct geo_crs_cache *cc;
	const char *srs;
	struct err *e;
};

static int to_plane_cb(double *x, double *y, void *userdata)
{
	struct to_plane *tp = userdata;

	return geo_crs_trans_xy(tp->cc, tp->srs, 0, x, y, 1, tp->e) == 0;
}

int geo_geod_point_line_distance(struct geo_crs_cache *cc, GEOSContextHandle_t gh,
				 double lon, double lat, const GEOSGeometry *line,
				 double *metres, double *foot_lon, double *foot_lat,
				 struct err *e)
{
	GEOSGeometry *pl = NULL, *pp = NULL;
	GEOSCoordSequence *near = NULL;
	struct to_plane tp;
	char srs[16], *tn = NULL;
	double px = lon, py = lat, fx, fy;
	int type = GEOSGeomTypeId_r(gh, line), ret = -1;

	if (type != GEOS_LINESTRING && type != GEOS_MULTILINESTRING &&
	    type != GEOS_LINEARRING) {
		err_set(e, ERR_INPUT, _("geometry is a %s, not a line"), type_name(gh, line, &tn));
		GEOSFree_r(gh, tn);
		return -1;
	}
	if (GEOSisEmpty_r(gh, line) == 1)
		return err_set(e, ERR_INPUT, _("the line is empty"));
	if (!geo_china_contains(lon, lat))
		return err_set(e, ERR_INPUT,
			       _("point %.9f %.9f lies outside China (lon %g..%g, lat %g..%g)"),
			       lon, lat, GEO_CHINA_LON_MIN, GEO_CHINA_LON_MAX,
			       GEO_CHINA_LAT_MIN, GEO_CHINA_LAT_MAX);
	/* 73°E..136°E fall in 3° zones 24..45; 24 (72°E) has no CGCS2000 code,
	 * so the westernmost 0.5° use zone 25 */
	snprintf(srs, sizeof(srs), "EPSG:%d",
		 geo_gk_epsg(lon < 73.5 ? 25 : geo_gk_zone_for_lon(lon, 3), 3, 0));

	tp.cc = cc;
	tp.srs = srs;
	tp.e = e;
	pl = GEOSGeom_transformXY_r(gh, line, to_plane_cb, &tp);
	if (!pl) {
		if (e && e->code == ERR_OK)
			err_set(e, ERR_GEO, _("cannot project the line to %s"), srs);
		goto out;
	}
	if (geo_crs_trans_xy(cc, srs, 0, &px, &py, 1, e))
		goto out;
	pp = GEOSGeom_createPointFromXY_r(gh, px, py);
	if (!pp) {
		err_set(e, ERR_GEO, _("cannot create a point"));
		goto out;
	}
	near = GEOSNearestPoints_r(gh, pl, pp);
	if (!near || !GEOSCoordSeq_getXY_r(gh, near, 0, &fx, &fy)) {
		err_set(e, ERR_GEO, _("cannot find the nearest point of the line"));
		goto out;
	}
	if (geo_crs_trans_xy(cc, srs, 1, &fx, &fy, 1, e))
		goto out;
	*metres = geo_geod_distance(lon, lat, fx, fy);
	if (foot_lon)
		*foot_lon = fx;
	if (foot_lat)
		*foot_lat = fy;
	ret = 0;
out:
	if (near)
		GEOSCoordSeq_destroy_r(gh, near);
	if (pp)
		GEOSGeom_destroy_r(gh, pp);
	if (pl)
		GEOSGeom_destroy_r(gh, pl);
	return ret;
}
