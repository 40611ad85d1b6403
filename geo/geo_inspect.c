/* geo_inspect.c - displacement, tolerance, point-to-line location, nodes and bearings for 联检.
 *
 * A joint inspection asks the same few questions of thousands of
 * monuments on a hundred lines, so lines are prepared once
 * (struct geo_inspect_line): vertices, cumulative geodesic lengths, and a
 * projection into each Gauss-Krüger plane on demand.  A query is then a
 * scan over the projected segments and two PROJ calls (the point in, the
 * foot out), instead of reprojecting the whole line per point.
 */
#include "geo/geo_inspect.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/i18n.h"
#include "geo/geo_geod.h"

#define MAX_PLANES 4

double geo_inspect_tolerance(double k, double m_reg, double m_new)
{
	return k * sqrt(m_reg * m_reg + m_new * m_new);
}

/* The 3° zone of a longitude as geo_geod_point_line_distance picks it:
 * zone 24 (72°E) has no CGCS2000 code, so the westernmost 0.5° use 25. */
static int zone3(double lon)
{
	return lon < 73.5 ? 25 : geo_gk_zone_for_lon(lon, 3);
}

void geo_inspect_plane(const char *reg_srs, double lon, char out[16])
{
	struct geo_gk gk;
	int epsg = 0, code = 0;

	if (reg_srs && !strncasecmp(reg_srs, "EPSG:", 5)) {
		char *end;
		long v = strtol(reg_srs + 5, &end, 10);

		if (end != reg_srs + 5 && !*end && v > 0 && v < 100000)
			epsg = (int)v;
	}
	if (epsg && geo_gk_from_epsg(epsg, &gk) != GEO_DATUM_OTHER) {
		if (gk.zone && gk.width)
			code = geo_gk_epsg(gk.zone, gk.width, 0);
		else if (isfinite(gk.cm) && gk.cm > 0)
			code = geo_gk_epsg(zone3(gk.cm), 3, 0);
	}
	if (!code)
		code = geo_gk_epsg(zone3(lon), 3, 0);
	snprintf(out, 16, "EPSG:%d", code);
}

int geo_inspect_displacement(struct geo_crs_cache *cc, const char *srs,
			     double lon0, double lat0, double lon1, double lat1,
			     double *dn, double *de, double *d, struct err *e)
{
	double x[2] = { lon0, lon1 }, y[2] = { lat0, lat1 };

	if (geo_crs_trans_xy(cc, srs, 0, x, y, 2, e) < 0)
		return -1;
	if (dn)
		*dn = y[1] - y[0];
	if (de)
		*de = x[1] - x[0];
	if (d)
		*d = hypot(x[1] - x[0], y[1] - y[0]);
	return 0;
}

/* ---- prepared lines ---- */

struct plane {
	int zone;              /* 0: unused slot */
	char srs[16];
	double *x, *y;         /* easting, northing of every vertex */
	unsigned long used;
};

struct geo_inspect_line {
	size_t n;              /* vertices over all parts */
	double *lon, *lat;
	double *cum;           /* geodesic length from the start to vertex i */
	size_t *part_end;      /* one past the last vertex of each part */
	size_t nparts;
	struct plane plane[MAX_PLANES];
	unsigned long clock;
};

static struct geo_inspect_line *line_alloc(size_t n, size_t nparts, struct err *e)
{
	struct geo_inspect_line *l = calloc(1, sizeof(*l));

	if (l) {
		l->lon = malloc(n * sizeof(double));
		l->lat = malloc(n * sizeof(double));
		l->cum = malloc(n * sizeof(double));
		l->part_end = malloc(nparts * sizeof(size_t));
	}
	if (!l || !l->lon || !l->lat || !l->cum || !l->part_end) {
		geo_inspect_line_free(l);
		err_set(e, ERR_NOMEM, _("out of memory"));
		return NULL;
	}
	return l;
}

static void line_measure(struct geo_inspect_line *l)
{
	size_t p, i, start = 0;
	double run = 0;

	for (p = 0; p < l->nparts; p++) {
		for (i = start; i < l->part_end[p]; i++) {
			if (i > start)
				run += geo_geod_distance(l->lon[i - 1], l->lat[i - 1],
							 l->lon[i], l->lat[i]);
			l->cum[i] = run;
		}
		start = l->part_end[p];
	}
}

struct geo_inspect_line *geo_inspect_line_from_xy(const double *lon, const double *lat,
						  size_t n, const size_t *part_end, size_t nparts,
						  struct err *e)
{
	struct geo_inspect_line *l;
	size_t one = n, p, start = 0;

	if (!part_end) {
		part_end = &one;
		nparts = 1;
	}
	for (p = 0; p < nparts; p++) {
		if (part_end[p] < start + 2 || part_end[p] > n) {
			err_set(e, ERR_INPUT, _("the line is empty"));
			return NULL;
		}
		start = part_end[p];
	}
	if (!nparts || start != n) {
		err_set(e, ERR_INPUT, _("the line is empty"));
		return NULL;
	}
	if (!(l = line_alloc(n, nparts, e)))
		return NULL;
	memcpy(l->lon, lon, n * sizeof(double));
	memcpy(l->lat, lat, n * sizeof(double));
	memcpy(l->part_end, part_end, nparts * sizeof(size_t));
	l->n = n;
	l->nparts = nparts;
	line_measure(l);
	return l;
}

void geo_inspect_line_vertices(const struct geo_inspect_line *l, const double **lon,
			       const double **lat, size_t *n, const size_t **part_end,
			       size_t *nparts)
{
	*lon = l->lon;
	*lat = l->lat;
	*n = l->n;
	*part_end = l->part_end;
	*nparts = l->nparts;
}

struct geo_inspect_line *geo_inspect_line_new(struct geo_ctx *g, const GEOSGeometry *line,
					      struct err *e)
{
	GEOSContextHandle_t gh = g->gh;
	struct geo_inspect_line *l;
	int type = GEOSGeomTypeId_r(gh, line), nparts, p;
	unsigned int sz;
	size_t n = 0;

	if (type != GEOS_LINESTRING && type != GEOS_MULTILINESTRING) {
		char *t = GEOSGeomType_r(gh, line);

		err_set(e, ERR_INPUT, _("geometry is a %s, not a line"), t ? t : "?");
		GEOSFree_r(gh, t);
		return NULL;
	}
	nparts = GEOSGetNumGeometries_r(gh, line);
	for (p = 0; p < nparts; p++) {
		const GEOSCoordSequence *cs =
			GEOSGeom_getCoordSeq_r(gh, GEOSGetGeometryN_r(gh, line, p));

		if (!cs || !GEOSCoordSeq_getSize_r(gh, cs, &sz)) {
			err_set(e, ERR_GEO, _("cannot read the vertices of the line"));
			return NULL;
		}
		n += sz;
	}
	if (n < 2 || nparts < 1) {
		err_set(e, ERR_INPUT, _("the line is empty"));
		return NULL;
	}
	if (!(l = line_alloc(n, (size_t)nparts, e)))
		return NULL;
	for (p = 0; p < nparts; p++) {
		const GEOSCoordSequence *cs =
			GEOSGeom_getCoordSeq_r(gh, GEOSGetGeometryN_r(gh, line, p));
		unsigned int i;

		GEOSCoordSeq_getSize_r(gh, cs, &sz);
		for (i = 0; i < sz; i++) {
			GEOSCoordSeq_getXY_r(gh, cs, i, &l->lon[l->n], &l->lat[l->n]);
			l->n++;
		}
		if (sz)
			l->part_end[l->nparts++] = l->n;
	}
	line_measure(l);
	return l;
}

void geo_inspect_line_free(struct geo_inspect_line *l)
{
	int i;

	if (!l)
		return;
	for (i = 0; i < MAX_PLANES; i++) {
		free(l->plane[i].x);
		free(l->plane[i].y);
	}
	free(l->lon);
	free(l->lat);
	free(l->cum);
	free(l->part_end);
	free(l);
}

double geo_inspect_line_length(const struct geo_inspect_line *l)
{
	return l->cum[l->n - 1];
}

void geo_inspect_line_ends(const struct geo_inspect_line *l, double *lon0, double *lat0,
			   double *lon1, double *lat1)
{
	*lon0 = l->lon[0];
	*lat0 = l->lat[0];
	*lon1 = l->lon[l->n - 1];
	*lat1 = l->lat[l->n - 1];
}

/* The line projected into 3° zone `zone`, made on first use; the least
 * recently used slot is recycled. */
static struct plane *plane_get(struct geo_inspect_line *l, struct geo_crs_cache *cc,
			       int zone, struct err *e)
{
	struct plane *pl = NULL;
	int i;

	for (i = 0; i < MAX_PLANES; i++)
		if (l->plane[i].zone == zone) {
			l->plane[i].used = ++l->clock;
			return &l->plane[i];
		}
	for (i = 0; i < MAX_PLANES; i++)
		if (!pl || l->plane[i].used < pl->used)
			pl = &l->plane[i];
	if (!pl->x) {
		pl->x = malloc(l->n * sizeof(double));
		pl->y = malloc(l->n * sizeof(double));
		if (!pl->x || !pl->y) {
			err_set(e, ERR_NOMEM, _("out of memory"));
			return NULL;
		}
	}
	pl->zone = 0;
	snprintf(pl->srs, sizeof(pl->srs), "EPSG:%d", geo_gk_epsg(zone, 3, 0));
	memcpy(pl->x, l->lon, l->n * sizeof(double));
	memcpy(pl->y, l->lat, l->n * sizeof(double));
	if (geo_crs_trans_xy(cc, pl->srs, 0, pl->x, pl->y, l->n, e) < 0)
		return NULL;
	pl->zone = zone;
	pl->used = ++l->clock;
	return pl;
}

static double cross(double ax, double ay, double bx, double by)
{
	return ax * by - ay * bx;
}

/* Side of (px, py) at vertex v joining segments (v-1, v) and (v, v+1):
 * for a left turn the left side is the wedge inside the turn (left of
 * both segments), for a right turn the right side is. */
static int vertex_side(const struct plane *pl, size_t v, double px, double py)
{
	double ax = pl->x[v] - pl->x[v - 1], ay = pl->y[v] - pl->y[v - 1];
	double bx = pl->x[v + 1] - pl->x[v], by = pl->y[v + 1] - pl->y[v];
	double turn = cross(ax, ay, bx, by);
	double s1 = cross(ax, ay, px - pl->x[v - 1], py - pl->y[v - 1]);
	double s2 = cross(bx, by, px - pl->x[v], py - pl->y[v]);

	if (turn > 0)
		return s1 > 0 && s2 > 0 ? 1 : -1;
	if (turn < 0)
		return s1 < 0 && s2 < 0 ? -1 : 1;
	return s1 > 0 ? 1 : s1 < 0 ? -1 : (s2 > 0 ? 1 : -1);
}

int geo_inspect_line_locate(struct geo_inspect_line *l, struct geo_crs_cache *cc,
			    double lon, double lat, struct geo_inspect_loc *loc,
			    struct err *e)
{
	struct plane *pl;
	double px = lon, py = lat, best = INFINITY, bt = 0, fx, fy;
	size_t p, i, start = 0, bi = 0, bstart = 0, bend = 0;

	if (!geo_china_contains(lon, lat))
		return err_set(e, ERR_INPUT,
			       _("point %.9f %.9f lies outside China (lon %g..%g, lat %g..%g)"),
			       lon, lat, GEO_CHINA_LON_MIN, GEO_CHINA_LON_MAX,
			       GEO_CHINA_LAT_MIN, GEO_CHINA_LAT_MAX);
	if (!(pl = plane_get(l, cc, zone3(lon), e)))
		return -1;
	if (geo_crs_trans_xy(cc, pl->srs, 0, &px, &py, 1, e) < 0)
		return -1;
	for (p = 0; p < l->nparts; p++) {
		size_t end = l->part_end[p];

		for (i = start; i + 1 < end; i++) {
			double ax = pl->x[i], ay = pl->y[i];
			double dx = pl->x[i + 1] - ax, dy = pl->y[i + 1] - ay;
			double len2 = dx * dx + dy * dy, t = 0, qx, qy, d2;

			if (len2 > 0) {
				t = ((px - ax) * dx + (py - ay) * dy) / len2;
				t = t < 0 ? 0 : t > 1 ? 1 : t;
			}
			qx = ax + t * dx - px;
			qy = ay + t * dy - py;
			d2 = qx * qx + qy * qy;
			if (d2 < best) {
				best = d2;
				bi = i;
				bt = t;
				bstart = start;
				bend = end;
			}
		}
		start = end;
	}
	if (best == INFINITY)
		return err_set(e, ERR_INPUT, _("the line is empty"));
	{
		double dx = pl->x[bi + 1] - pl->x[bi], dy = pl->y[bi + 1] - pl->y[bi];

		fx = pl->x[bi] + bt * dx;
		fy = pl->y[bi] + bt * dy;
		if (bt <= 0 && bi > bstart)
			loc->side = vertex_side(pl, bi, px, py);
		else if (bt >= 1 && bi + 2 < bend)
			loc->side = vertex_side(pl, bi + 1, px, py);
		else
			loc->side = cross(dx, dy, px - pl->x[bi], py - pl->y[bi]) > 0 ? 1 : -1;
	}
	if (geo_crs_trans_xy(cc, pl->srs, 1, &fx, &fy, 1, e) < 0)
		return -1;
	loc->foot_lon = fx;
	loc->foot_lat = fy;
	loc->distance_m = geo_geod_distance(lon, lat, fx, fy);
	loc->measure_m = l->cum[bi] + geo_geod_distance(l->lon[bi], l->lat[bi], fx, fy);
	if (loc->distance_m < 0.001)
		loc->side = 0;
	return 0;
}

void geo_inspect_nodes_at(const double *lon, const double *lat, size_t n,
			  double lon0, double lat0, double snap_m, size_t *exact, size_t *near)
{
	size_t i;

	*exact = *near = 0;
	for (i = 0; i < n; i++) {
		if (lon[i] == lon0 && lat[i] == lat0)
			(*exact)++;
		else if (fabs(lat[i] - lat0) < 0.01 && fabs(lon[i] - lon0) < 0.01 &&
			 geo_geod_distance(lon[i], lat[i], lon0, lat0) <= snap_m)
			(*near)++;
	}
}

/* ---- reference objects ---- */

int geo_inspect_bearing(struct geo_crs_cache *cc, const char *srs, double lon0, double lat0,
			double lon1, double lat1, double *azimuth_deg, double *distance_m,
			struct err *e)
{
	double dn, de, a;

	if (geo_inspect_displacement(cc, srs, lon0, lat0, lon1, lat1, &dn, &de, NULL, e) < 0)
		return -1;
	a = atan2(de, dn) * 180.0 / M_PI;
	if (a < 0)
		a += 360.0;
	if (a >= 360.0)
		a -= 360.0;
	if (azimuth_deg)
		*azimuth_deg = a;
	if (distance_m)
		*distance_m = geo_geod_distance(lon0, lat0, lon1, lat1);
	return 0;
}

int geo_inspect_polar(struct geo_crs_cache *cc, const char *srs, double lon0, double lat0,
		      double azimuth_deg, double distance_m, double *lon1, double *lat1,
		      struct err *e)
{
	double x = lon0, y = lat0, a = azimuth_deg * M_PI / 180.0;

	if (geo_crs_trans_xy(cc, srs, 0, &x, &y, 1, e) < 0)
		return -1;
	x += distance_m * sin(a);
	y += distance_m * cos(a);
	if (geo_crs_trans_xy(cc, srs, 1, &x, &y, 1, e) < 0)
		return -1;
	*lon1 = x;
	*lat1 = y;
	return 0;
}

double geo_azimuth_diff(double a, double b)
{
	double d = fmod(fabs(a - b), 360.0);

	return d > 180.0 ? 360.0 - d : d;
}

/* Read an unsigned decimal number at *p; 0 if there is none. */
static int number(const char **p, double *v, int *integral)
{
	const char *s = *p;
	int digits = 0;

	*integral = 1;
	*v = 0;
	while (isdigit((unsigned char)*s)) {
		*v = *v * 10 + (*s++ - '0');
		digits++;
	}
	if (*s == '.') {
		double f = 0.1;

		s++;
		*integral = 0;
		while (isdigit((unsigned char)*s)) {
			*v += (*s++ - '0') * f;
			f /= 10;
			digits++;
		}
	}
	if (!digits)
		return 0;
	*p = s;
	return 1;
}

/* Skip one of the marks (UTF-8 strings) at *p; 1 if one was there. */
static int mark(const char **p, const char *const *marks)
{
	for (; *marks; marks++) {
		size_t n = strlen(*marks);

		if (!strncmp(*p, *marks, n)) {
			*p += n;
			return 1;
		}
	}
	return 0;
}

static void spaces(const char **p)
{
	while (**p == ' ' || **p == '\t')
		(*p)++;
}

int geo_dm_parse(const char *s, double *deg, struct err *e)
{
	static const char *const deg_marks[] = { "\xc2\xb0", "\xc2\xba", "d", "D", "-", ":", NULL };
	static const char *const min_marks[] = { "\xe2\x80\xb2", "'", "m", "M", "\xef\xbc\x87", NULL };
	static const char *const sec_marks[] = { "\xe2\x80\xb3", "\"", "''", "s", "S", NULL };
	const char *p = s;
	double d, m = 0, sec = 0;
	int id, im, is;

	spaces(&p);
	if (!number(&p, &d, &id))
		goto bad;
	spaces(&p);
	if (*p) {
		int had_mark = mark(&p, deg_marks);

		spaces(&p);
		if (!id || (!had_mark && !isdigit((unsigned char)*p)))
			goto bad;
		if (*p) {
			if (!number(&p, &m, &im) || m >= 60)
				goto bad;
			spaces(&p);
			mark(&p, min_marks);
			spaces(&p);
			if (*p) {
				if (!im || !number(&p, &sec, &is) || sec >= 60)
					goto bad;
				spaces(&p);
				mark(&p, sec_marks);
				spaces(&p);
			}
		}
		if (*p)
			goto bad;
	}
	d += m / 60.0 + sec / 3600.0;
	if (!(d < 360.0))
		goto bad;
	*deg = d;
	return 0;
bad:
	return err_set(e, ERR_INPUT,
		       _("not an azimuth (degrees and minutes as 227°10′, or decimal degrees): '%s'"),
		       s);
}

void geo_dm_format(double deg, char out[24])
{
	long t = lround(fmod(fmod(deg, 360.0) + 360.0, 360.0) * 60.0);

	if (t >= 360 * 60)
		t -= 360 * 60;
	snprintf(out, 24, "%d\xc2\xb0%02d\xe2\x80\xb2", (int)(t / 60), (int)(t % 60));
}
