/* check_geo_geod.c - geodesic lengths, areas and point-to-line distances on CGCS2000.
 *
 * Reference numbers were produced on this machine with PROJ 9.1.1's geod
 * and GeographicLib 2.1.2's Planimeter (Debian geographiclib-tools), from
 * the county polygons in data/counties-yunfu.geojson:
 *
 *   ring of county ID as "lat lon" lines (exterior ring, closing vertex kept):
 *     python3 -c 'import json,sys; [print(repr(la), repr(lo)) for f in
 *       json.load(open("data/counties-yunfu.geojson"))["features"] if f["id"]==sys.argv[1]
 *       for lo, la in f["geometry"]["coordinates"][0]]' ID > ring.txt
 *   length (sum over segments; -F sets the distance format, -f only the angles):
 *     awk 'NR>1{print p, $0} {p=$0}' ring.txt |
 *       geod +ellps=GRS80 -I +units=m -f %.9f -F %.9f | awk '{s+=$3} END{printf "%.6f\n", s}'
 *   area (without the closing vertex; the sign is the winding):
 *     head -n -1 ring.txt | Planimeter -e 6378137 1/298.257222101 -p 9
 */
#include <geodesic.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "geo/geo.h"
#include "geo/geo_crs.h"
#include "geo/geo_geod.h"
#include "tests/testlib.h"

static const struct {
	const char *id, *name;
	double perimeter;  /* geod, metres */
	double area;       /* Planimeter, square metres (rings are clockwise) */
} counties[] = {
	{ "445302", "云城区", 240011.449102, 794194312.8971 },
	{ "445322", "郁南县", 334314.521712, 1962569235.4390 },
	{ "445303", "云安区", 389050.525831, 1175641607.8609 },
	{ "445321", "新兴县", 288980.809996, 1521119872.2140 },
	{ "445381", "罗定市", 398424.277989, 2335067438.0891 },
};
#define NCOUNTIES (sizeof(counties) / sizeof(counties[0]))

static struct geo_ctx *g;
static struct geo_crs_cache *cc;
static GEOSGeometry *poly[NCOUNTIES];
static struct err e;

static GEOSGeometry *county(const char *id)
{
	size_t i;

	for (i = 0; i < NCOUNTIES; i++)
		if (!strcmp(counties[i].id, id))
			return poly[i];
	ck_abort_msg("no county %s", id);
	return NULL;
}

static void setup(void)
{
	json_error_t jerr;
	json_t *root, *features, *f;
	size_t i, k;

	err_clear(&e);
	g = geo_ctx_new(&e);
	ck_assert_ptr_nonnull(g);
	cc = geo_crs_cache_new(g, &e);
	ck_assert_ptr_nonnull(cc);
	root = json_load_file(test_data("counties-yunfu.geojson"), 0, &jerr);
	ck_assert_msg(root != NULL, "%s", jerr.text);
	features = json_object_get(root, "features");
	json_array_foreach(features, i, f) {
		const char *id = json_string_value(json_object_get(f, "id"));
		char *text = json_dumps(json_object_get(f, "geometry"), 0);

		for (k = 0; k < NCOUNTIES; k++)
			if (!strcmp(counties[k].id, id))
				break;
		ck_assert_uint_lt(k, NCOUNTIES);
		poly[k] = geo_from_geojson(g, text, &e);
		ck_assert_msg(poly[k] != NULL, "%s: %s", id, e.msg);
		free(text);
	}
	json_decref(root);
}

static void teardown(void)
{
	size_t i;

	for (i = 0; i < NCOUNTIES; i++) {
		if (poly[i])
			GEOSGeom_destroy_r(g->gh, poly[i]);
		poly[i] = NULL;
	}
	geo_crs_cache_free(cc);
	geo_ctx_free(g);
}

/* The exterior ring of a polygon as a new LineString. */
static GEOSGeometry *ring_line(const GEOSGeometry *p)
{
	const GEOSGeometry *ring = GEOSGetExteriorRing_r(g->gh, p);
	GEOSCoordSequence *cs = GEOSCoordSeq_clone_r(g->gh, GEOSGeom_getCoordSeq_r(g->gh, ring));

	return GEOSGeom_createLineString_r(g->gh, cs);
}

static GEOSGeometry *line2(double lon1, double lat1, double lon2, double lat2)
{
	GEOSCoordSequence *cs = GEOSCoordSeq_create_r(g->gh, 2, 2);

	GEOSCoordSeq_setXY_r(g->gh, cs, 0, lon1, lat1);
	GEOSCoordSeq_setXY_r(g->gh, cs, 1, lon2, lat2);
	return GEOSGeom_createLineString_r(g->gh, cs);
}

static GEOSGeometry *wkt(const char *text)
{
	GEOSWKTReader *r = GEOSWKTReader_create_r(g->gh);
	GEOSGeometry *geom = GEOSWKTReader_read_r(g->gh, r, text);

	GEOSWKTReader_destroy_r(g->gh, r);
	ck_assert_ptr_nonnull(geom);
	return geom;
}

/* ---- two points ---- */

START_TEST(test_geo_geod_inverse_matches_geod_cli)
{
	double s, a1, a2;

	/* echo 23.23456 111.535285 22.92815 112.043945 |
	 *   geod +ellps=GRS80 -I +units=m -f %.9f -F %.9f
	 * -> 122.967866500 -56.832717737 62191.078611422  (郁南县 to 云城区) */
	geo_geod_inverse(111.535285, 23.23456, 112.043945, 22.92815, &s, &a1, &a2);
	ck_assert_double_eq_tol(s, 62191.078611422, 1e-6);
	ck_assert_double_eq_tol(a1, 122.967866500, 1e-8);
	ck_assert_double_eq_tol(a2 - 180.0, -56.832717737, 1e-8);  /* geod prints the back azimuth */
	/* echo 23.1247 113.3612 22.94 113.38 | geod ... -> 174.614521126 -5.378123350 20545.068596808 */
	ck_assert_double_eq_tol(geo_geod_distance(113.3612, 23.1247, 113.38, 22.94),
				20545.068596808, 1e-6);
	ck_assert_double_eq_tol(geo_geod_distance(113.38, 22.94, 113.3612, 23.1247),
				20545.068596808, 1e-6);
	ck_assert(geo_geod_distance(111.5, 23.2, 111.5, 23.2) == 0);
	geo_geod_inverse(113.3612, 23.1247, 113.38, 22.94, NULL, &a1, NULL);
	ck_assert_double_eq_tol(a1, 174.614521126, 1e-8);
}
END_TEST

/* ---- lengths ---- */

START_TEST(test_geo_geod_length_of_county_rings_matches_geod)
{
	size_t i;

	for (i = 0; i < NCOUNTIES; i++) {
		GEOSGeometry *l = ring_line(poly[i]);
		double m;

		ck_assert_int_eq(geo_geod_length(g, l, &m, &e), 0);
		ck_assert_msg(fabs(m - counties[i].perimeter) < 1e-3, "%s: %.6f m, geod %.6f m",
			      counties[i].name, m, counties[i].perimeter);
		GEOSGeom_destroy_r(g->gh, l);
	}
}
END_TEST

START_TEST(test_geo_geod_length_multilinestring_sums_parts)
{
	GEOSGeometry *parts[2], *ml;
	double m;

	parts[0] = ring_line(county("445322"));
	parts[1] = ring_line(county("445302"));
	ml = GEOSGeom_createCollection_r(g->gh, GEOS_MULTILINESTRING, parts, 2);
	ck_assert_int_eq(geo_geod_length(g, ml, &m, &e), 0);
	ck_assert_double_eq_tol(m, 334314.521712 + 240011.449102, 1e-3);
	GEOSGeom_destroy_r(g->gh, ml);

	ml = line2(111.535285, 23.23456, 112.043945, 22.92815);
	ck_assert_int_eq(geo_geod_length(g, ml, &m, &e), 0);
	ck_assert_double_eq_tol(m, 62191.078611422, 1e-6);
	GEOSGeom_destroy_r(g->gh, ml);

	/* a LinearRing measures like its LineString */
	ck_assert_int_eq(geo_geod_length(g, GEOSGetExteriorRing_r(g->gh, county("445322")), &m, &e), 0);
	ck_assert_double_eq_tol(m, 334314.521712, 1e-3);

	ml = wkt("LINESTRING EMPTY");
	m = -1;
	ck_assert_int_eq(geo_geod_length(g, ml, &m, &e), 0);
	ck_assert(m == 0);
	GEOSGeom_destroy_r(g->gh, ml);
}
END_TEST

START_TEST(test_geo_geod_length_refuses_polygon)
{
	double m = -1;

	ck_assert_int_eq(geo_geod_length(g, county("445322"), &m, &e), -1);
	ck_assert_int_eq(e.code, ERR_INPUT);
	ck_assert_str_eq(e.msg, "geometry is a Polygon, not a line");
	ck_assert(m == -1);
}
END_TEST

/* ---- areas ---- */

START_TEST(test_geo_geod_area_of_counties_matches_planimeter)
{
	size_t i;

	for (i = 0; i < NCOUNTIES; i++) {
		double a;

		ck_assert_int_eq(geo_geod_area(g, poly[i], &a, &e), 0);
		ck_assert_msg(fabs(a - counties[i].area) < 0.01, "%s: %.4f m², Planimeter %.4f m²",
			      counties[i].name, a, counties[i].area);
	}
}
END_TEST

START_TEST(test_geo_geod_area_ignores_winding)
{
	GEOSGeometry *rev = GEOSReverse_r(g->gh, county("445322"));
	double a;

	ck_assert_int_eq(geo_geod_area(g, rev, &a, &e), 0);
	ck_assert_double_eq_tol(a, 1962569235.4390, 0.01);
	GEOSGeom_destroy_r(g->gh, rev);
}
END_TEST

START_TEST(test_geo_geod_area_subtracts_holes_and_sums_parts)
{
	const GEOSGeometry *shell = GEOSGetExteriorRing_r(g->gh, county("445322"));
	GEOSGeometry *sh, *hole, *p, *parts[2], *mp;
	GEOSCoordSequence *cs = GEOSCoordSeq_create_r(g->gh, 4, 2);
	double a;

	/* a triangle around 郁南县's label point; Planimeter on
	 * "23.22 111.52 / 23.22 111.55 / 23.25 111.535" -> 5100903.2818 m² */
	GEOSCoordSeq_setXY_r(g->gh, cs, 0, 111.52, 23.22);
	GEOSCoordSeq_setXY_r(g->gh, cs, 1, 111.55, 23.22);
	GEOSCoordSeq_setXY_r(g->gh, cs, 2, 111.535, 23.25);
	GEOSCoordSeq_setXY_r(g->gh, cs, 3, 111.52, 23.22);
	hole = GEOSGeom_createLinearRing_r(g->gh, cs);
	sh = GEOSGeom_createLinearRing_r(g->gh,
					 GEOSCoordSeq_clone_r(g->gh, GEOSGeom_getCoordSeq_r(g->gh, shell)));
	p = GEOSGeom_createPolygon_r(g->gh, sh, &hole, 1);
	ck_assert_int_eq(geo_geod_area(g, p, &a, &e), 0);
	ck_assert_double_eq_tol(a, 1962569235.4390 - 5100903.2818, 0.01);

	parts[0] = p;
	parts[1] = GEOSGeom_clone_r(g->gh, county("445302"));
	mp = GEOSGeom_createCollection_r(g->gh, GEOS_MULTIPOLYGON, parts, 2);
	ck_assert_int_eq(geo_geod_area(g, mp, &a, &e), 0);
	ck_assert_double_eq_tol(a, 1962569235.4390 - 5100903.2818 + 794194312.8971, 0.01);
	GEOSGeom_destroy_r(g->gh, mp);
}
END_TEST

START_TEST(test_geo_geod_area_refuses_line)
{
	GEOSGeometry *l = line2(111.5, 23.2, 111.6, 23.3);
	double a = -1;

	ck_assert_int_eq(geo_geod_area(g, l, &a, &e), -1);
	ck_assert_int_eq(e.code, ERR_INPUT);
	ck_assert_str_eq(e.msg, "geometry is a LineString, not a polygon");
	ck_assert(a == -1);
	GEOSGeom_destroy_r(g->gh, l);
}
END_TEST

/* ---- point to line ---- */

/* Brute force: on every segment, a ternary search along the geodesic
 * for the nearest point; the minimum over all segments. */
static double brute_distance(const GEOSGeometry *line, double lon, double lat)
{
	const GEOSCoordSequence *cs = GEOSGeom_getCoordSeq_r(g->gh, line);
	struct geod_geodesic G;
	unsigned int n, i;
	double best = HUGE_VAL;
	int it;

	geod_init(&G, 6378137.0, 1.0 / 298.257222101);
	GEOSCoordSeq_getSize_r(g->gh, cs, &n);
	for (i = 0; i + 1 < n; i++) {
		struct geod_geodesicline l;
		double x0, y0, x1, y1, lo = 0, hi, la2, lo2, s1, s2;

		GEOSCoordSeq_getXY_r(g->gh, cs, i, &x0, &y0);
		GEOSCoordSeq_getXY_r(g->gh, cs, i + 1, &x1, &y1);
		geod_inverseline(&l, &G, y0, x0, y1, x1, 0);
		hi = l.s13;
		for (it = 0; it < 100; it++) {
			double m1 = lo + (hi - lo) / 3, m2 = hi - (hi - lo) / 3;

			geod_position(&l, m1, &la2, &lo2, NULL);
			geod_inverse(&G, lat, lon, la2, lo2, &s1, NULL, NULL);
			geod_position(&l, m2, &la2, &lo2, NULL);
			geod_inverse(&G, lat, lon, la2, lo2, &s2, NULL, NULL);
			if (s1 < s2)
				hi = m2;
			else
				lo = m1;
		}
		geod_position(&l, (lo + hi) / 2, &la2, &lo2, NULL);
		geod_inverse(&G, lat, lon, la2, lo2, &s1, NULL, NULL);
		if (s1 < best)
			best = s1;
	}
	return best;
}

static const struct { double lon, lat; } probes[] = {
	{ 112.043945, 22.92815 }, { 111.535285, 23.23456 }, { 112.003208, 23.071019 },
	{ 112.225334, 22.69569 }, { 111.569892, 22.768285 },
	{ 111.65625, 22.7998046875 },   /* a vertex of 郁南县's ring */
	{ 111.3, 23.5 },
};

START_TEST(test_geo_line_measure_matches_brute_force_on_county_ring)
{
	GEOSGeometry *l = ring_line(county("445322"));
	struct geo_line_measure *m = geo_line_measure_new(g, cc, l, &e);
	size_t i;

	ck_assert_ptr_nonnull(m);
	ck_assert_double_eq_tol(geo_line_measure_length(m), 334314.521712, 1e-3);
	for (i = 0; i < sizeof(probes) / sizeof(probes[0]); i++) {
		double d, ref = brute_distance(l, probes[i].lon, probes[i].lat);

		ck_assert_int_eq(geo_line_measure_distance(m, probes[i].lon, probes[i].lat, &d,
							   NULL, NULL, NULL, &e), 0);
		ck_assert_msg(fabs(d - ref) < 1e-3, "probe %zu: %.6f m, brute force %.6f m",
			      i, d, ref);
	}
	geo_line_measure_free(m);
	GEOSGeom_destroy_r(g->gh, l);
}
END_TEST

/* Long segments: a straight segment in the Gauss-Krüger plane would be off
 * by 0.3–1.7 m here; the geodesic refinement agrees with brute force. */
START_TEST(test_geo_line_measure_long_segments_are_geodesics)
{
	static const struct { double l[4], lon, lat, ref; } cases[] = {
		/* 郁南县 -> 云城区 label points, 62 km; probes 云安区, 罗定市, a point north */
		{ { 111.535285, 23.23456, 112.043945, 22.92815 }, 112.003208, 23.071019, 10960.926513 },
		{ { 111.535285, 23.23456, 112.043945, 22.92815 }, 111.569892, 22.768285, 41387.816712 },
		{ { 111.535285, 23.23456, 112.043945, 22.92815 }, 112.2, 23.3, 43212.066265 },
		/* 108 km across the border of 3° zones 37 and 38 (112.5°E) */
		{ { 112.0, 22.9, 113.0, 23.2 }, 112.45, 23.0, 3786.638818 },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		GEOSGeometry *l = line2(cases[i].l[0], cases[i].l[1], cases[i].l[2], cases[i].l[3]);
		double d, fl, ft, ref = brute_distance(l, cases[i].lon, cases[i].lat);

		ck_assert_double_eq_tol(ref, cases[i].ref, 1e-5);
		ck_assert_int_eq(geo_geod_point_line_distance(g, cc, cases[i].lon, cases[i].lat, l,
							      &d, &fl, &ft, &e), 0);
		ck_assert_msg(fabs(d - ref) < 1e-3, "case %zu: %.6f m, brute force %.6f m",
			      i, d, ref);
		/* the foot is the point of the line at that distance */
		ck_assert_double_eq_tol(geo_geod_distance(cases[i].lon, cases[i].lat, fl, ft), d, 1e-6);
		GEOSGeom_destroy_r(g->gh, l);
	}
}
END_TEST

START_TEST(test_geo_line_measure_vertex_gives_zero_and_along)
{
	GEOSGeometry *l = ring_line(county("445322")), *head;
	const GEOSCoordSequence *cs = GEOSGeom_getCoordSeq_r(g->gh, l);
	GEOSCoordSequence *hs = GEOSCoordSeq_create_r(g->gh, 501, 2);
	struct geo_line_measure *m = geo_line_measure_new(g, cc, l, &e);
	double x, y, d, fl, ft, along, len;
	unsigned int i;

	ck_assert_ptr_nonnull(m);
	for (i = 0; i <= 500; i++) {
		GEOSCoordSeq_getXY_r(g->gh, cs, i, &x, &y);
		GEOSCoordSeq_setXY_r(g->gh, hs, i, x, y);
	}
	head = GEOSGeom_createLineString_r(g->gh, hs);
	ck_assert_int_eq(geo_geod_length(g, head, &len, &e), 0);
	ck_assert_int_eq(geo_line_measure_distance(m, x, y, &d, &fl, &ft, &along, &e), 0);
	ck_assert_double_lt(d, 1e-6);
	ck_assert_double_eq_tol(fl, x, 1e-9);
	ck_assert_double_eq_tol(ft, y, 1e-9);
	ck_assert_double_eq_tol(along, len, 1e-6);
	geo_line_measure_free(m);
	GEOSGeom_destroy_r(g->gh, head);
	GEOSGeom_destroy_r(g->gh, l);
}
END_TEST

START_TEST(test_geo_line_measure_refuses_bad_input)
{
	GEOSGeometry *l = line2(111.5, 23.2, 111.6, 23.3), *far;
	double d = -1;

	ck_assert_ptr_null(geo_line_measure_new(g, cc, county("445322"), &e));
	ck_assert_int_eq(e.code, ERR_INPUT);
	ck_assert_str_eq(e.msg, "geometry is a Polygon, not a line");

	err_clear(&e);
	ck_assert_int_eq(geo_geod_point_line_distance(g, cc, 140.0, 35.0, l, &d, NULL, NULL, &e), -1);
	ck_assert_int_eq(e.code, ERR_INPUT);
	ck_assert_str_eq(e.msg, "point 140.000000000 35.000000000 lies outside China "
			 "(lon 73..136, lat 3..54)");
	ck_assert(d == -1);

	far = line2(111.5, 23.2, 2.35, 48.85);
	err_clear(&e);
	ck_assert_ptr_null(geo_line_measure_new(g, cc, far, &e));
	ck_assert_int_eq(e.code, ERR_INPUT);
	ck_assert_str_eq(e.msg, "line vertex 2 at 2.350000000 48.850000000 lies outside China "
			 "(lon 73..136, lat 3..54)");

	GEOSGeom_destroy_r(g->gh, far);
	far = wkt("LINESTRING EMPTY");
	err_clear(&e);
	ck_assert_ptr_null(geo_line_measure_new(g, cc, far, &e));
	ck_assert_int_eq(e.code, ERR_INPUT);
	ck_assert_str_eq(e.msg, "the line is empty");
	GEOSGeom_destroy_r(g->gh, far);
	GEOSGeom_destroy_r(g->gh, l);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("geo_geod");
	TCase *tc;

	tc = tcase_create("inverse");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_geo_geod_inverse_matches_geod_cli);
	suite_add_tcase(s, tc);

	tc = tcase_create("length");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_geo_geod_length_of_county_rings_matches_geod);
	tcase_add_test(tc, test_geo_geod_length_multilinestring_sums_parts);
	tcase_add_test(tc, test_geo_geod_length_refuses_polygon);
	suite_add_tcase(s, tc);

	tc = tcase_create("area");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_geo_geod_area_of_counties_matches_planimeter);
	tcase_add_test(tc, test_geo_geod_area_ignores_winding);
	tcase_add_test(tc, test_geo_geod_area_subtracts_holes_and_sums_parts);
	tcase_add_test(tc, test_geo_geod_area_refuses_line);
	suite_add_tcase(s, tc);

	tc = tcase_create("point_line");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_geo_line_measure_matches_brute_force_on_county_ring);
	tcase_add_test(tc, test_geo_line_measure_long_segments_are_geodesics);
	tcase_add_test(tc, test_geo_line_measure_vertex_gives_zero_and_along);
	tcase_add_test(tc, test_geo_line_measure_refuses_bad_input);
	suite_add_tcase(s, tc);
	return s;
}
