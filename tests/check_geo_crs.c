/* check_geo_crs.c - CGCS2000, Gauss-Krüger zones, zone detection, refusals, old datums.
 *
 * Reference values come from PROJ's cs2cs (proj-bin 9.1.1) on this
 * machine, e.g. `printf '23.234 111.535\n' | cs2cs -f %.3f EPSG:4490 EPSG:4525`
 * -> 2570552.908 37554755.106.  The points are the county label points
 * (properties.cp) of data/counties-yunfu.geojson.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "geo/geo.h"
#include "geo/geo_crs.h"
#include "geo/geo_geod.h"
#include "tests/testlib.h"

/* County label points of 云浮市 (data/counties-yunfu.geojson, properties.cp). */
static const struct { const char *name; double lon, lat; } seats[] = {
	{ "云城区", 112.043945, 22.92815 },
	{ "郁南县", 111.535285, 23.23456 },
	{ "云安区", 112.003208, 23.071019 },
	{ "新兴县", 112.225334, 22.69569 },
	{ "罗定市", 111.569892, 22.768285 },
	{ "天河 (stack-notes)", 113.3612, 23.1247 },
};

static struct geo_ctx *g;
static struct geo_crs_cache *cc;
static struct err e;

static void setup(void)
{
	err_clear(&e);
	g = geo_ctx_new(&e);
	ck_assert_ptr_nonnull(g);
	cc = geo_crs_cache_new(g, &e);
	ck_assert_ptr_nonnull(cc);
}

static void teardown(void)
{
	geo_crs_cache_free(cc);
	geo_ctx_free(g);
}

/* Distance in metres between two lon/lat points. */
static double gap(double lon1, double lat1, double lon2, double lat2)
{
	return geo_geod_distance(lon1, lat1, lon2, lat2);
}

/* Convert and expect a refusal with exactly this message. */
static void refused(const struct geo_crs_in *in, double a, double b, const char *msg)
{
	double lon = -1, lat = -1;

	err_clear(&e);
	ck_assert_int_eq(geo_crs_to_cgcs(cc, in, a, b, &lon, &lat, NULL, &e), -1);
	ck_assert_int_eq(e.code, ERR_INPUT);
	ck_assert_str_eq(e.msg, msg);
	ck_assert(lon == -1 && lat == -1);
}

/* ---- zones ---- */

START_TEST(test_geo_gk_zone_for_lon_3_and_6)
{
	ck_assert_int_eq(geo_gk_zone_for_lon(111.535, 3), 37);
	ck_assert_int_eq(geo_gk_zone_for_lon(111.535, 6), 19);
	ck_assert_int_eq(geo_gk_zone_for_lon(113.3612, 3), 38);
	ck_assert_int_eq(geo_gk_zone_for_lon(113.3612, 6), 19);
	ck_assert_int_eq(geo_gk_zone_for_lon(112.4999, 3), 37);
	ck_assert_int_eq(geo_gk_zone_for_lon(112.5, 3), 38);
	ck_assert_int_eq(geo_gk_zone_for_lon(114.0001, 6), 20);
	ck_assert_int_eq(geo_gk_zone_for_lon(75.0, 3), 25);
	ck_assert_int_eq(geo_gk_zone_for_lon(135.0, 3), 45);
	ck_assert_int_eq(geo_gk_zone_for_lon(111.0, 4), 0);
}
END_TEST

START_TEST(test_geo_gk_epsg_codes)
{
	ck_assert_int_eq(geo_gk_epsg(37, 3, 1), 4525);
	ck_assert_int_eq(geo_gk_epsg(38, 3, 1), 4526);
	ck_assert_int_eq(geo_gk_epsg(37, 3, 0), 4546);
	ck_assert_int_eq(geo_gk_epsg(38, 3, 0), 4547);
	ck_assert_int_eq(geo_gk_epsg(25, 3, 1), 4513);
	ck_assert_int_eq(geo_gk_epsg(45, 3, 0), 4554);
	ck_assert_int_eq(geo_gk_epsg(13, 6, 1), 4491);
	ck_assert_int_eq(geo_gk_epsg(19, 6, 1), 4497);
	ck_assert_int_eq(geo_gk_epsg(19, 6, 0), 4508);
	ck_assert_int_eq(geo_gk_epsg(23, 6, 0), 4512);
	ck_assert_int_eq(geo_gk_epsg(24, 3, 1), 0);
	ck_assert_int_eq(geo_gk_epsg(12, 6, 0), 0);
	ck_assert_int_eq(geo_gk_epsg(25, 6, 0), 0);
	ck_assert(geo_gk_cm(37, 3) == 111.0);
	ck_assert(geo_gk_cm(19, 6) == 111.0);
	ck_assert(isnan(geo_gk_cm(24, 3)));
}
END_TEST

START_TEST(test_geo_gk_prefix_detects_width)
{
	int w;

	ck_assert_int_eq(geo_gk_prefix(37554755.106, &w), 37);
	ck_assert_int_eq(w, 3);
	ck_assert_int_eq(geo_gk_prefix(19554755.106, &w), 19);
	ck_assert_int_eq(w, 6);
	ck_assert_int_eq(geo_gk_prefix(24554755.106, &w), 24);
	ck_assert_int_eq(w, 0);
	ck_assert_int_eq(geo_gk_prefix(554755.106, &w), 0);
	ck_assert_int_eq(w, 0);
	ck_assert_int_eq(geo_gk_prefix(2570552.908, &w), 0);
}
END_TEST

/* Every Gauss-Krüger code of the table agrees with what PROJ's proj.db
 * says about its central meridian and false easting. */
START_TEST(test_geo_gk_table_matches_proj_db)
{
	static const int ranges[][2] = {
		{ 4491, 4554 }, { 2327, 2390 }, { 2401, 2442 },
		{ 21413, 21423 }, { 21453, 21463 }, { 21473, 21483 },
	};
	static const enum geo_datum datum[] = {
		GEO_DATUM_CGCS2000, GEO_DATUM_XIAN80, GEO_DATUM_BEIJING54,
		GEO_DATUM_BEIJING54, GEO_DATUM_BEIJING54, GEO_DATUM_BEIJING54,
	};
	struct geo_crs_info info;
	struct geo_gk gk;
	char srs[32];
	int r, code, n = 0;

	for (r = 0; r < 6; r++) {
		for (code = ranges[r][0]; code <= ranges[r][1]; code++) {
			snprintf(srs, sizeof(srs), "EPSG:%d", code);
			ck_assert_int_eq(geo_gk_from_epsg(code, &gk), datum[r]);
			if (geo_crs_describe(cc, srs, &info, &e))
				ck_abort_msg("%s: %s", srs, e.msg);
			ck_assert_int_eq(info.kind, GEO_CRS_PROJECTED);
			ck_assert_int_eq(info.epsg, code);
			ck_assert_int_eq(info.datum, datum[r]);
			ck_assert_msg(info.gk.cm == gk.cm, "%s: CM %g, table %g", srs, info.gk.cm, gk.cm);
			ck_assert_msg(info.gk.prefixed == gk.prefixed, "%s: prefix", srs);
			ck_assert_msg(info.gk.width == gk.width, "%s: width", srs);
			ck_assert_msg(info.gk.zone == gk.zone, "%s: zone %d, table %d", srs,
				      info.gk.zone, gk.zone);
			n++;
		}
	}
	ck_assert_int_eq(n, 203);
	ck_assert_int_eq(geo_gk_from_epsg(4490, &gk), GEO_DATUM_OTHER);
	ck_assert(gk.cm == 0 && gk.zone == 0);
}
END_TEST

/* ---- detection ---- */

START_TEST(test_geo_crs_to_cgcs_detects_3deg_prefix)
{
	struct geo_crs_info info;
	double lon, lat;

	ck_assert_int_eq(geo_crs_to_cgcs(cc, NULL, 2570552.908, 37554755.106, &lon, &lat,
					 &info, &e), 0);
	ck_assert_int_eq(info.epsg, 4525);
	ck_assert_str_eq(info.srs, "EPSG:4525");
	ck_assert_str_eq(info.name, "CGCS2000 / 3-degree Gauss-Kruger zone 37");
	ck_assert_int_eq(info.gk.zone, 37);
	ck_assert_int_eq(info.gk.width, 3);
	ck_assert_int_eq(info.gk.prefixed, 1);
	ck_assert_int_eq(info.caveat, 0);
	ck_assert_double_lt(gap(lon, lat, 111.535, 23.234), 1e-3);
}
END_TEST

START_TEST(test_geo_crs_to_cgcs_detects_6deg_prefix)
{
	struct geo_crs_info info;
	double lon, lat;

	ck_assert_int_eq(geo_crs_to_cgcs(cc, NULL, 2570552.908, 19554755.106, &lon, &lat,
					 &info, &e), 0);
	ck_assert_int_eq(info.epsg, 4497);
	ck_assert_int_eq(info.gk.zone, 19);
	ck_assert_int_eq(info.gk.width, 6);
	ck_assert_double_lt(gap(lon, lat, 111.535, 23.234), 1e-3);
}
END_TEST

START_TEST(test_geo_crs_to_cgcs_zone_declared)
{
	struct geo_crs_in in = GEO_CRS_IN_INIT;
	struct geo_crs_info info;
	double lon, lat;

	in.zone = 37;
	in.zone_width = 3;
	ck_assert_int_eq(geo_crs_to_cgcs(cc, &in, 2570552.908, 554755.106, &lon, &lat,
					 &info, &e), 0);
	ck_assert_int_eq(info.epsg, 4546);
	ck_assert_int_eq(info.gk.prefixed, 0);
	ck_assert_int_eq(info.gk.zone, 37);
	ck_assert_double_lt(gap(lon, lat, 111.535, 23.234), 1e-3);

	ck_assert_int_eq(geo_crs_to_cgcs(cc, &in, 2570552.908, 37554755.106, &lon, &lat,
					 &info, &e), 0);
	ck_assert_int_eq(info.epsg, 4525);

	in.zone = 19;
	in.zone_width = 0;      /* 13..23 are 6° zones */
	ck_assert_int_eq(geo_crs_to_cgcs(cc, &in, 2570552.908, 554755.106, &lon, &lat,
					 &info, &e), 0);
	ck_assert_int_eq(info.epsg, 4508);
	ck_assert_int_eq(info.gk.width, 6);
	ck_assert_double_lt(gap(lon, lat, 111.535, 23.234), 1e-3);
}
END_TEST

START_TEST(test_geo_crs_to_cgcs_lonlat_by_default)
{
	struct geo_crs_info info;
	double lon, lat;

	ck_assert_int_eq(geo_crs_to_cgcs(cc, NULL, 111.535, 23.234, &lon, &lat, &info, &e), 0);
	ck_assert_int_eq(info.epsg, 4490);
	ck_assert_int_eq(info.kind, GEO_CRS_GEOGRAPHIC);
	ck_assert_int_eq(info.datum, GEO_DATUM_CGCS2000);
	ck_assert(lon == 111.535 && lat == 23.234);
}
END_TEST

START_TEST(test_geo_crs_to_cgcs_srs_forms)
{
	struct geo_crs_in in = GEO_CRS_IN_INIT;
	struct geo_crs_info info;
	PJ *crs;
	const char *wkt;
	double lon, lat;

	in.srs = "EPSG:4546";
	ck_assert_int_eq(geo_crs_to_cgcs(cc, &in, 2570552.908, 554755.106, &lon, &lat,
					 &info, &e), 0);
	ck_assert_int_eq(info.gk.zone, 37);
	ck_assert_double_lt(gap(lon, lat, 111.535, 23.234), 1e-3);

	/* a PROJ string without +type=crs, as GDAL takes it */
	in.srs = "+proj=tmerc +lon_0=111 +k=1 +x_0=37500000 +ellps=GRS80 +units=m";
	ck_assert_int_eq(geo_crs_to_cgcs(cc, &in, 2570552.908, 37554755.106, &lon, &lat,
					 &info, &e), 0);
	ck_assert_int_eq(info.epsg, 0);
	ck_assert_int_eq(info.gk.zone, 37);
	ck_assert_int_eq(info.gk.width, 3);
	ck_assert_int_eq(info.gk.prefixed, 1);
	ck_assert_int_eq(info.caveat, 0);
	ck_assert_double_lt(gap(lon, lat, 111.535, 23.234), 1e-3);

	/* WKT */
	crs = proj_create(g->pj, "EPSG:4526");
	wkt = proj_as_wkt(g->pj, crs, PJ_WKT2_2019, NULL);
	ck_assert_ptr_nonnull(wkt);
	in.srs = wkt;
	ck_assert_int_eq(geo_crs_to_cgcs(cc, &in, 2558490.721, 38434567.975, &lon, &lat,
					 &info, &e), 0);
	ck_assert_int_eq(info.epsg, 4526);
	ck_assert_int_eq(info.gk.zone, 38);
	ck_assert_double_lt(gap(lon, lat, 113.3612, 23.1247), 1e-3);
	proj_destroy(crs);

	/* WGS 84 is taken as CGCS2000 without a caveat */
	in.srs = "EPSG:4326";
	ck_assert_int_eq(geo_crs_to_cgcs(cc, &in, 111.535, 23.234, &lon, &lat, &info, &e), 0);
	ck_assert_int_eq(info.datum, GEO_DATUM_WGS84);
	ck_assert_int_eq(info.caveat, 0);
	ck_assert(lon == 111.535 && lat == 23.234);
}
END_TEST

/* ---- refusals ---- */

START_TEST(test_geo_crs_to_cgcs_refuses_prefix_against_srs)
{
	struct geo_crs_in in = GEO_CRS_IN_INIT;

	in.srs = "EPSG:4526";
	refused(&in, 2570552.908, 37554755.106,
		"field 'y': zone prefix 37 disagrees with zone 38 of EPSG:4526: '37554755.106'");
}
END_TEST

START_TEST(test_geo_crs_to_cgcs_refuses_prefix_against_zone)
{
	struct geo_crs_in in = GEO_CRS_IN_INIT;

	in.zone = 38;
	in.zone_width = 3;
	refused(&in, 2570552.908, 37554755.106,
		"field 'y': zone prefix 37 disagrees with zone 38: '37554755.106'");
	in.srs = "EPSG:4525";
	refused(&in, 2570552.908, 37554755.106,
		"zone 38 disagrees with EPSG:4525 (central meridian 111°E)");
}
END_TEST

START_TEST(test_geo_crs_to_cgcs_refuses_swapped_xy)
{
	struct geo_crs_in in = GEO_CRS_IN_INIT;

	refused(NULL, 37554755.106, 2570552.908,
		"field 'x': has 8 digits, x and y look swapped (x is the northing, 7 digits "
		"in China): '37554755.106'");
	in.srs = "EPSG:4525";
	refused(&in, 37554755.106, 2570552.908,
		"field 'x': has 8 digits, x and y look swapped (x is the northing, 7 digits "
		"in China): '37554755.106'");
	in.srs = "EPSG:4546";
	refused(&in, 554755.106, 2570552.908,
		"field 'x': has 6 digits, x and y look swapped (x is the northing, 7 digits "
		"in China): '554755.106'");
	in.srs = NULL;
	in.zone = 37;
	refused(&in, 37554755.106, 2570552.908,
		"field 'x': has 8 digits, x and y look swapped (x is the northing, 7 digits "
		"in China): '37554755.106'");
}
END_TEST

START_TEST(test_geo_crs_to_cgcs_refuses_point_outside_zone)
{
	struct geo_crs_in in = GEO_CRS_IN_INIT;
	double lon, lat;

	/* 113.2°E 23.2°N in zone 37 (cs2cs EPSG:4490 -> EPSG:4525) */
	refused(NULL, 2568390.861, 37725254.346,
		"field 'y': point at 113.200000°E lies outside zone 37 (111°E ±1.5°) of "
		"EPSG:4525: '37725254.346'");
	/* 114.5°E in 6° zone 19 (CM 111°E) */
	refused(NULL, 2571003.319, 19858452.835,
		"field 'y': point at 114.500000°E lies outside zone 19 (111°E ±3°) of "
		"EPSG:4497: '19858452.835'");
	/* slack: 112.505°E is 0.005° past the edge and passes, 112.52°E does not */
	ck_assert_int_eq(geo_crs_to_cgcs(cc, NULL, 2567483.979, 37654080.461, &lon, &lat,
					 NULL, &e), 0);
	ck_assert_double_lt(gap(lon, lat, 112.505, 23.2), 1e-3);
	refused(NULL, 2567499.955, 37655616.396,
		"field 'y': point at 112.520000°E lies outside zone 37 (111°E ±1.5°) of "
		"EPSG:4525: '37655616.396'");
	/* the other direction: lon/lat to a zone that does not hold it */
	err_clear(&e);
	ck_assert_int_eq(geo_crs_from_cgcs(cc, "EPSG:4525", 113.2, 23.2, &lon, &lat, NULL, &e), -1);
	ck_assert_int_eq(e.code, ERR_INPUT);
	ck_assert_str_eq(e.msg, "field 'lon': point lies outside zone 37 (111°E ±1.5°) of "
		"EPSG:4525: '113.2'");
	(void)in;
}
END_TEST

START_TEST(test_geo_crs_to_cgcs_refuses_outside_china)
{
	struct geo_crs_in in = GEO_CRS_IN_INIT;

	refused(NULL, 140, 35,
		"fields 'lon' 'lat': point lies outside China (lon 73..136, lat 3..54): '140' '35'");
	refused(NULL, 111.5, 2.5,
		"fields 'lon' 'lat': point lies outside China (lon 73..136, lat 3..54): '111.5' '2.5'");
	/* 135°E 55°N, on the CM of zone 45 but north of China */
	refused(NULL, 6097230.313, 45500000.000,
		"fields 'x' 'y': point at lon 135.000000 lat 55.000000 lies outside China "
		"(lon 73..136, lat 3..54): '6097230.313' '45500000'");
	in.srs = "EPSG:4326";
	refused(&in, 2.35, 48.85,
		"fields 'lon' 'lat': point lies outside China (lon 73..136, lat 3..54): '2.35' '48.85'");
}
END_TEST

START_TEST(test_geo_crs_to_cgcs_refuses_lat_lon_order)
{
	refused(NULL, 23.234, 111.535,
		"field 'lat': out of range, lon and lat look swapped (longitude comes first): "
		"'111.535'");
}
END_TEST

START_TEST(test_geo_crs_to_cgcs_refuses_bad_zones)
{
	struct geo_crs_in in = GEO_CRS_IN_INIT;

	in.zone = 12;
	in.zone_width = 6;
	refused(&in, 2570552.908, 554755.106, "zone 12 is not a CGCS2000 6° zone (13..23)");
	in.zone = 24;
	in.zone_width = 0;
	refused(&in, 2570552.908, 554755.106,
		"zone 24 is not a CGCS2000 zone (13..23 for 6°, 25..45 for 3°)");
	in.zone = 37;
	in.zone_width = 4;
	refused(&in, 2570552.908, 554755.106, "zone width 4: must be 3 or 6");
	in.zone = 0;
	in.zone_width = 3;
	refused(&in, 2570552.908, 554755.106, "zone width 3 given without a zone");
	/* a prefix no CGCS2000 zone has */
	refused(NULL, 2570552.908, 24554755.106,
		"field 'y': zone prefix 24 is not a CGCS2000 zone (13..23 for 6°, 25..45 for 3°): "
		"'24554755.106'");
	/* a zone for a geographic system */
	in.srs = "EPSG:4490";
	in.zone = 37;
	in.zone_width = 0;
	refused(&in, 111.535, 23.234, "zone 37 given, but EPSG:4490 is not a Gauss-Krüger system");
}
END_TEST

START_TEST(test_geo_crs_to_cgcs_refuses_prefix_presence)
{
	struct geo_crs_in in = GEO_CRS_IN_INIT;

	in.srs = "EPSG:4525";
	refused(&in, 2570552.908, 554755.106,
		"field 'y': no zone prefix, but EPSG:4525 expects one (37xxxxxx): '554755.106'");
	in.srs = "EPSG:4546";
	refused(&in, 2570552.908, 37554755.106,
		"field 'y': has zone prefix 37, but EPSG:4546 takes eastings without one "
		"(EPSG:4525 has it): '37554755.106'");
	/* no srs, no zone and no prefix: nothing to go by */
	refused(NULL, 2570552.908, 554755.106,
		"fields 'x' 'y': neither lon/lat nor Gauss-Krüger with a zone prefix in y; "
		"give the srs or the zone: '2570552.908' '554755.106'");
}
END_TEST

START_TEST(test_geo_crs_to_cgcs_refuses_unknown_srs)
{
	struct geo_crs_in in = GEO_CRS_IN_INIT;

	in.srs = "EPSG:99999";
	refused(&in, 111.535, 23.234,
		"srs 'EPSG:99999': not a coordinate reference system known to PROJ");
	in.srs = "+proj=nonsense";
	refused(&in, 111.535, 23.234,
		"srs '+proj=nonsense': not a coordinate reference system known to PROJ");
	in.srs = "EPSG:4978";   /* geocentric */
	refused(&in, 111.535, 23.234, "srs 'EPSG:4978': neither geographic nor projected");
}
END_TEST

/* ---- round trips ---- */

/* lon/lat -> every CGCS2000 Gauss-Krüger form of the point's zone -> lon/lat:
 * exact to well under 1 µm; after rounding x/y to the millimetre a 成果表
 * prints, within 1 mm (0.71 mm at most: half a millimetre on each axis). */
START_TEST(test_geo_crs_roundtrip_within_1mm)
{
	struct geo_crs_in in = GEO_CRS_IN_INIT;
	char srs[32];
	size_t i;
	int w, p;

	for (i = 0; i < sizeof(seats) / sizeof(seats[0]); i++) {
		for (w = 3; w <= 6; w += 3) {
			for (p = 0; p <= 1; p++) {
				double x, y, lon, lat;
				int code = geo_gk_epsg(geo_gk_zone_for_lon(seats[i].lon, w), w, p);

				snprintf(srs, sizeof(srs), "EPSG:%d", code);
				in.srs = srs;
				ck_assert_int_eq(geo_crs_from_cgcs(cc, srs, seats[i].lon, seats[i].lat,
								   &x, &y, NULL, &e), 0);
				ck_assert_int_eq(geo_crs_to_cgcs(cc, &in, x, y, &lon, &lat, NULL, &e), 0);
				ck_assert_msg(gap(lon, lat, seats[i].lon, seats[i].lat) < 1e-6,
					      "%s %s: %g m", seats[i].name, srs,
					      gap(lon, lat, seats[i].lon, seats[i].lat));
				x = round(x * 1e3) / 1e3;
				y = round(y * 1e3) / 1e3;
				ck_assert_int_eq(geo_crs_to_cgcs(cc, &in, x, y, &lon, &lat, NULL, &e), 0);
				ck_assert_msg(gap(lon, lat, seats[i].lon, seats[i].lat) < 1e-3,
					      "%s %s rounded: %g m", seats[i].name, srs,
					      gap(lon, lat, seats[i].lon, seats[i].lat));
			}
		}
	}
}
END_TEST

START_TEST(test_geo_crs_from_cgcs_matches_cs2cs)
{
	struct geo_crs_info info;
	double x, y;

	/* cs2cs -f %.3f EPSG:4490 EPSG:4526 <<< '23.1247 113.3612' */
	ck_assert_int_eq(geo_crs_from_cgcs(cc, "EPSG:4526", 113.3612, 23.1247, &x, &y,
					   &info, &e), 0);
	ck_assert_double_eq_tol(x, 2558490.721, 5e-4);
	ck_assert_double_eq_tol(y, 38434567.975, 5e-4);
	ck_assert_int_eq(geo_crs_from_cgcs(cc, "EPSG:4547", 113.3612, 23.1247, &x, &y,
					   &info, &e), 0);
	ck_assert_double_eq_tol(x, 2558490.721, 5e-4);
	ck_assert_double_eq_tol(y, 434567.975, 5e-4);
	ck_assert_int_eq(geo_crs_from_cgcs(cc, NULL, 113.3612, 23.1247, &x, &y, &info, &e), 0);
	ck_assert(x == 113.3612 && y == 23.1247);
	ck_assert_int_eq(info.epsg, 4490);
}
END_TEST

/* ---- old datums ---- */

static const char xian_caveat[] =
	"Xian 1980 is not CGCS2000 and PROJ has no transformation between them: "
	"latitude and longitude are taken over unchanged, so expect errors of up to "
	"tens of metres";

START_TEST(test_geo_crs_xian80_converts_with_caveat)
{
	struct geo_crs_in in = GEO_CRS_IN_INIT;
	struct geo_crs_info info;
	double lon, lat, x, y;

	/* cs2cs -f %.3f EPSG:4490 EPSG:2361 <<< '23.234 111.535' */
	in.srs = "EPSG:2361";
	ck_assert_int_eq(geo_crs_to_cgcs(cc, &in, 2570554.106, 37554755.132, &lon, &lat,
					 &info, &e), 0);
	ck_assert_int_eq(info.datum, GEO_DATUM_XIAN80);
	ck_assert_int_eq(info.gk.zone, 37);
	ck_assert_int_eq(info.caveat, 1);
	ck_assert_str_eq(info.caveat_msg, xian_caveat);
	ck_assert_double_lt(gap(lon, lat, 111.535, 23.234), 1e-3);

	/* and the other way, to the 6° zone: cs2cs ... EPSG:2333 */
	ck_assert_int_eq(geo_crs_from_cgcs(cc, "EPSG:2333", 111.535, 23.234, &x, &y,
					   &info, &e), 0);
	ck_assert_int_eq(info.caveat, 1);
	ck_assert_double_eq_tol(x, 2570554.106, 5e-4);
	ck_assert_double_eq_tol(y, 19554755.132, 5e-4);

	in.srs = "EPSG:4610";
	ck_assert_int_eq(geo_crs_to_cgcs(cc, &in, 111.535, 23.234, &lon, &lat, &info, &e), 0);
	ck_assert_str_eq(info.caveat_msg, xian_caveat);
}
END_TEST

START_TEST(test_geo_crs_beijing54_converts_with_caveat)
{
	struct geo_crs_in in = GEO_CRS_IN_INIT;
	struct geo_crs_info info;
	double lon, lat;

	in.srs = "EPSG:4214";
	ck_assert_int_eq(geo_crs_to_cgcs(cc, &in, 111.535, 23.234, &lon, &lat, &info, &e), 0);
	ck_assert_int_eq(info.datum, GEO_DATUM_BEIJING54);
	ck_assert_int_eq(info.caveat, 1);
	ck_assert_str_eq(info.caveat_msg,
			 "Beijing 1954 is not CGCS2000 and PROJ has no transformation between "
			 "them: latitude and longitude are taken over unchanged, so expect errors "
			 "of up to tens of metres");
	/* zone checks apply to old-datum zones too: cs2cs ... EPSG:2413 */
	in.srs = "EPSG:2414";
	refused(&in, 2570598.719, 37554756.029,
		"field 'y': zone prefix 37 disagrees with zone 38 of EPSG:2414: '37554756.029'");
}
END_TEST

/* ---- the cache ---- */

/* 10,000 monuments in four systems: creating a transformation costs ~5 ms,
 * so without the cache this would take ~50 s. */
START_TEST(test_geo_crs_cache_makes_10000_points_fast)
{
	static const char *const srs[] = { "EPSG:4525", "EPSG:4546", "EPSG:4497", "EPSG:2361" };
	struct geo_crs_in in = GEO_CRS_IN_INIT;
	struct timespec t0, t1;
	double lon, lat, secs;
	int i;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < 10000; i++) {
		double x, y;

		in.srs = srs[i % 4];
		ck_assert_int_eq(geo_crs_from_cgcs(cc, in.srs, 111.0 + i * 1e-4, 23.0, &x, &y,
						   NULL, &e), 0);
		ck_assert_int_eq(geo_crs_to_cgcs(cc, &in, x, y, &lon, &lat, NULL, &e), 0);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	ck_assert_msg(secs < 5.0, "10000 round trips took %.2f s", secs);
}
END_TEST

START_TEST(test_geo_crs_cache_evicts_and_stays_correct)
{
	struct geo_crs_info info;
	char srs[32];
	int code, pass;

	for (pass = 0; pass < 2; pass++) {
		for (code = 4513; code <= 4554; code++) {
			snprintf(srs, sizeof(srs), "EPSG:%d", code);
			ck_assert_int_eq(geo_crs_describe(cc, srs, &info, &e), 0);
			ck_assert_int_eq(info.epsg, code);
		}
	}
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("geo_crs");
	TCase *tc;

	tc = tcase_create("zones");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_geo_gk_zone_for_lon_3_and_6);
	tcase_add_test(tc, test_geo_gk_epsg_codes);
	tcase_add_test(tc, test_geo_gk_prefix_detects_width);
	tcase_add_test(tc, test_geo_gk_table_matches_proj_db);
	suite_add_tcase(s, tc);

	tc = tcase_create("detect");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_geo_crs_to_cgcs_detects_3deg_prefix);
	tcase_add_test(tc, test_geo_crs_to_cgcs_detects_6deg_prefix);
	tcase_add_test(tc, test_geo_crs_to_cgcs_zone_declared);
	tcase_add_test(tc, test_geo_crs_to_cgcs_lonlat_by_default);
	tcase_add_test(tc, test_geo_crs_to_cgcs_srs_forms);
	suite_add_tcase(s, tc);

	tc = tcase_create("refuse");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_geo_crs_to_cgcs_refuses_prefix_against_srs);
	tcase_add_test(tc, test_geo_crs_to_cgcs_refuses_prefix_against_zone);
	tcase_add_test(tc, test_geo_crs_to_cgcs_refuses_swapped_xy);
	tcase_add_test(tc, test_geo_crs_to_cgcs_refuses_point_outside_zone);
	tcase_add_test(tc, test_geo_crs_to_cgcs_refuses_outside_china);
	tcase_add_test(tc, test_geo_crs_to_cgcs_refuses_lat_lon_order);
	tcase_add_test(tc, test_geo_crs_to_cgcs_refuses_bad_zones);
	tcase_add_test(tc, test_geo_crs_to_cgcs_refuses_prefix_presence);
	tcase_add_test(tc, test_geo_crs_to_cgcs_refuses_unknown_srs);
	suite_add_tcase(s, tc);

	tc = tcase_create("roundtrip");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_geo_crs_roundtrip_within_1mm);
	tcase_add_test(tc, test_geo_crs_from_cgcs_matches_cs2cs);
	suite_add_tcase(s, tc);

	tc = tcase_create("datum");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_geo_crs_xian80_converts_with_caveat);
	tcase_add_test(tc, test_geo_crs_beijing54_converts_with_caveat);
	suite_add_tcase(s, tc);

	tc = tcase_create("cache");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_geo_crs_cache_makes_10000_points_fast);
	tcase_add_test(tc, test_geo_crs_cache_evicts_and_stays_correct);
	suite_add_tcase(s, tc);
	return s;
}
