/* check_boundary.c - boundary lines and monuments: derive into the registry,
 * import GeoJSON lines and 界桩成果表 CSV, read back in order along a line. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "geo/geo.h"
#include "geo/geo_crs.h"
#include "import/imp_boundaries.h"
#include "import/imp_divisions.h"
#include "import/imp_monuments.h"
#include "registry/reg.h"
#include "registry/reg_boundary.h"
#include "registry/reg_monument.h"
#include "tests/testlib.h"

/* ---- fixtures ---- */

static char diags[8192];
static int ndiag;

static void collect(void *arg, enum imp_severity sev, const char *msg)
{
	size_t n = strlen(diags);

	(void)arg;
	snprintf(diags + n, sizeof(diags) - n, "%s%s\n", sev == IMP_ERROR ? "E " : "W ", msg);
	ndiag++;
}

static struct imp_opts opts(int update)
{
	struct imp_opts o = { 0 };

	o.update = update;
	o.diag = collect;
	diags[0] = '\0';
	ndiag = 0;
	return o;
}

/* A registry with the 云浮/江门 divisions and the 云浮 county polygons. */
static void yunfu(struct reg *r, struct geo_ctx *g)
{
	struct imp_divisions_result res;
	struct imp_opts o = opts(0);
	struct err e = ERR_INIT;

	test_registry(r);
	ck_assert_int_eq(reg_begin(r, &e), 0);
	ck_assert_int_eq(imp_divisions(r, g, test_data("divisions-yunfu-jiangmen.csv"), &o, &res, &e), 0);
	ck_assert_int_eq(imp_divisions(r, g, test_data("counties-yunfu.geojson"), &o, &res, &e), 0);
	ck_assert_int_eq(reg_commit(r, &e), 0);
}

static void derive(struct reg *r, struct geo_ctx *g, int update, long expect_inserted)
{
	struct reg_boundary_derived d;
	struct err e = ERR_INIT;

	ck_assert_int_eq(reg_begin(r, &e), 0);
	ck_assert_int_eq(reg_boundary_derive(r, g, REG_LEVEL_COUNTY, "4453", 1.0, 1, update, &d, &e), 0);
	ck_assert_int_eq(d.count[REG_PUT_INSERTED], expect_inserted);
	reg_boundary_derived_release(g, &d);
	ck_assert_int_eq(reg_commit(r, &e), 0);
}

/* Import the sample files (data/make-sample-boundaries.sh). */
static void sample(struct reg *r, struct geo_ctx *g, struct geo_crs_cache *cc)
{
	struct imp_boundaries_result br;
	struct imp_monuments_result mr;
	struct imp_opts o = opts(0);
	struct err e = ERR_INIT;

	ck_assert_int_eq(reg_begin(r, &e), 0);
	ck_assert_int_eq(imp_boundaries(r, g, test_data("boundaries-yunan-sample.geojson"), &o, &br, &e), 0);
	ck_assert_int_eq(br.inserted, 2);
	ck_assert_int_eq(imp_monuments(r, g, cc, test_data("monuments-yunan-sample.csv"), &o,
				       REG_MONUMENT_TOLERANCE_M, &mr, &e), 0);
	ck_assert_int_eq(mr.inserted, 23);
	ck_assert_int_eq(mr.warnings, 0);
	ck_assert_int_eq(ndiag, 0);
	ck_assert_int_eq(reg_commit(r, &e), 0);
}

/* ---- derive into the registry ---- */

START_TEST(test_reg_boundary_derive_stores_lines_with_nodes)
{
	struct reg r;
	struct err e = ERR_INIT;
	struct geo_ctx *g = geo_ctx_new(&e);
	struct reg_boundary b;
	GEOSGeometry *geom;

	yunfu(&r, g);
	derive(&r, g, 0, 6);
	ck_assert_int_eq(reg_boundary_get(&r, g, "445322-445381", &b, &geom, &e), 1);
	ck_assert_str_eq(b.name, "郁南县—罗定市线");
	ck_assert_int_eq(b.level, REG_LEVEL_COUNTY);
	ck_assert_str_eq(b.left_code, "445322000000");    /* 郁南 is north, the line runs W->E */
	ck_assert_str_eq(b.right_code, "445381000000");
	ck_assert_str_eq(b.left_name, "郁南县");
	ck_assert_int_eq(b.derived, 1);
	/* PROJ geod: 87391.273438 m (see check_topo.c) */
	ck_assert_double_eq_tol(b.length_m, 87391.273438, 1e-3);
	ck_assert_int_eq(GEOSGeomTypeId_r(g->gh, geom), GEOS_MULTILINESTRING);
	GEOSGeom_destroy_r(g->gh, geom);
	/* west end: 郁南, 罗定 and the outside (广西); east end: the 三交点 with
	 * 云安, where three registered lines end */
	ck_assert_double_eq(b.start.lon, 111.375);
	ck_assert_int_eq(b.start.ndivisions, 2);
	ck_assert_int_eq(b.start.outside, 1);
	ck_assert_int_eq(b.start.lines, 1);
	ck_assert_double_eq(b.end.lon, 111.7314453125);
	ck_assert_double_eq(b.end.lat, 22.8037109375);
	ck_assert_int_eq(b.end.ndivisions, 3);
	ck_assert_str_eq(b.end.divisions[0], "445303000000");
	ck_assert_int_eq(b.end.outside, 0);
	ck_assert_int_eq(b.end.lines, 3);
	ck_assert_int_eq(test_scalar(&r, "SELECT count(*) FROM boundary"), 6);
	ck_assert_int_eq(test_scalar(&r, "SELECT count(*) FROM boundary_node"), 8);
	/* again: nothing new */
	derive(&r, g, 0, 0);
	ck_assert_int_eq(test_scalar(&r, "SELECT count(*) FROM boundary"), 6);
	ck_assert_int_eq(test_scalar(&r, "SELECT count(*) FROM boundary_node"), 8);
	reg_close(&r);
	geo_ctx_free(g);
}
END_TEST

START_TEST(test_reg_boundary_derive_conflict_then_update)
{
	static const char moved[] =
		"{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
		"\"properties\":{\"code\":\"445322-445381\",\"name\":\"郁南县—罗定市线\","
		"\"left_code\":\"445322\",\"right_code\":\"445381\"},"
		"\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[111.375,22.9375],[111.7314453125,22.8037109375]]}}]}";
	struct reg r;
	struct err e = ERR_INIT;
	struct geo_ctx *g = geo_ctx_new(&e);
	struct imp_boundaries_result br;
	struct imp_opts o = opts(0);
	struct reg_boundary_derived d;
	struct reg_boundary b;
	long long id;

	yunfu(&r, g);
	ck_assert_int_eq(reg_begin(&r, &e), 0);
	ck_assert_int_eq(imp_boundaries(&r, g, test_write_file("moved.geojson", moved, strlen(moved)),
					 &o, &br, &e), 0);
	ck_assert_int_eq(reg_commit(&r, &e), 0);
	ck_assert_int_eq(reg_boundary_get(&r, NULL, "445322-445381", &b, NULL, &e), 1);
	id = b.id;
	ck_assert_int_eq(reg_begin(&r, &e), 0);
	ck_assert_int_eq(reg_boundary_derive(&r, g, REG_LEVEL_COUNTY, "445300", 1.0, 1, 0, &d, &e), 0);
	ck_assert_int_eq(d.count[REG_PUT_CONFLICT], 1);
	ck_assert_int_eq(d.count[REG_PUT_INSERTED], 5);
	reg_boundary_derived_release(g, &d);
	reg_rollback(&r);
	ck_assert_int_eq(reg_begin(&r, &e), 0);
	ck_assert_int_eq(reg_boundary_derive(&r, g, REG_LEVEL_COUNTY, "445300", 1.0, 1, 1, &d, &e), 0);
	ck_assert_int_eq(d.count[REG_PUT_UPDATED], 1);
	reg_boundary_derived_release(g, &d);
	ck_assert_int_eq(reg_commit(&r, &e), 0);
	ck_assert_int_eq(reg_boundary_get(&r, g, "445322-445381", &b, NULL, &e), 1);
	ck_assert_int_eq(b.id, id);                      /* rewritten in place */
	ck_assert_double_eq_tol(b.length_m, 87391.273438, 1e-3);
	ck_assert_int_eq(b.derived, 0);                  /* it was imported */
	reg_close(&r);
	geo_ctx_free(g);
}
END_TEST

static int count_line(const struct reg_boundary *b, const GEOSGeometry *geom, void *arg)
{
	(void)b;
	(void)geom;
	++*(int *)arg;
	return 0;
}

START_TEST(test_reg_boundary_each_by_division)
{
	struct reg r;
	struct err e = ERR_INIT;
	struct geo_ctx *g = geo_ctx_new(&e);
	int n;

	yunfu(&r, g);
	derive(&r, g, 0, 6);
	n = 0;
	ck_assert_int_eq(reg_boundary_each(&r, g, "445322", count_line, &n, &e), 0);
	ck_assert_int_eq(n, 2);
	n = 0;
	ck_assert_int_eq(reg_boundary_each(&r, NULL, "4453", count_line, &n, &e), 0);
	ck_assert_int_eq(n, 6);
	n = 0;
	ck_assert_int_eq(reg_boundary_each(&r, NULL, "4407", count_line, &n, &e), 0);
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(reg_boundary_each(&r, NULL, "44532", count_line, &n, &e), -1);
	ck_assert_int_eq(e.code, ERR_INPUT);
	reg_close(&r);
	geo_ctx_free(g);
}
END_TEST

START_TEST(test_reg_boundary_last_inspected_never_goes_back)
{
	struct reg r;
	struct err e = ERR_INIT;
	struct geo_ctx *g = geo_ctx_new(&e);
	struct reg_boundary b;

	yunfu(&r, g);
	derive(&r, g, 0, 6);
	ck_assert_int_eq(reg_boundary_set_last_inspected(&r, "445303-445322", "2024-05-10", &e), 0);
	ck_assert_int_eq(reg_boundary_set_last_inspected(&r, "445303-445322", "2019-10-15", &e), 0);
	ck_assert_int_eq(reg_boundary_get(&r, NULL, "445303-445322", &b, NULL, &e), 1);
	ck_assert_str_eq(b.last_inspected, "2024-05-10");
	ck_assert_int_eq(reg_boundary_set_last_inspected(&r, "9999-0000", "2024-05-10", &e), -1);
	ck_assert_int_eq(e.code, ERR_NOT_FOUND);
	ck_assert_str_eq(e.msg, "no boundary line with code '9999-0000'");
	reg_close(&r);
	geo_ctx_free(g);
}
END_TEST

/* ---- importing lines ---- */

static int import_lines(struct reg *r, struct geo_ctx *g, const char *json, int update,
			struct imp_boundaries_result *res, struct err *e)
{
	struct imp_opts o = opts(update);
	const char *p = test_write_file("lines.geojson", json, strlen(json));
	int rc;

	ck_assert_int_eq(reg_begin(r, e), 0);
	rc = imp_boundaries(r, g, p, &o, res, e);
	reg_rollback(r);
	return rc;
}

#define FEATURE(props, geom) \
	"{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{" \
	props "},\"geometry\":" geom "}]}"
#define LINE "{\"type\":\"LineString\",\"coordinates\":[[111.5,23],[111.6,23]]}"

START_TEST(test_imp_boundaries_refusals)
{
	static const struct {
		const char *json, *msg;
	} bad[] = {
		{ FEATURE("\"code\":\"x-y\",\"name\":\"n\",\"left_code\":\"445322\",\"right_code\":\"445399\"", LINE),
		  "field 'properties.right_code': division '445399' does not exist" },
		{ FEATURE("\"code\":\"x-y\",\"name\":\"n\",\"left_code\":\"445322\"", LINE),
		  "field 'properties.right_code': missing" },
		{ FEATURE("\"code\":\"x y\",\"name\":\"n\",\"left_code\":\"445322\",\"right_code\":\"445381\"", LINE),
		  "field 'properties.code': not a line code (1-63 letters, digits, '-', '_', '.', '/'): 'x y'" },
		{ FEATURE("\"code\":\"x-y\",\"name\":\"n\",\"left_code\":\"445322\",\"right_code\":\"445322\"", LINE),
		  "field 'properties.right_code': the same division as left_code" },
		{ FEATURE("\"code\":\"x-y\",\"name\":\"n\",\"level\":\"town\",\"left_code\":\"445322\",\"right_code\":\"445381\"", LINE),
		  "field 'properties.level': 'town' is below the divisions the line separates (county)" },
		{ FEATURE("\"code\":\"x-y\",\"name\":\"n\",\"approved\":\"2001-13-01\",\"left_code\":\"445322\",\"right_code\":\"445381\"", LINE),
		  "field 'properties.approved': " },
		{ FEATURE("\"code\":\"x-y\",\"name\":\"n\",\"left_code\":\"445322\",\"right_code\":\"445381\"",
			  "{\"type\":\"Polygon\",\"coordinates\":[[[111,23],[112,23],[112,24],[111,23]]]}"),
		  "field 'geometry': geometry is a Polygon, not a LineString or MultiLineString" },
		{ FEATURE("\"code\":\"x-y\",\"name\":\"n\",\"left_code\":\"445322\",\"right_code\":\"445381\"",
			  "{\"type\":\"LineString\",\"coordinates\":[[111.5,23],[111.5,23]]}"),
		  "field 'geometry': part 1 has fewer than two distinct points" },
	};
	struct reg r;
	struct err e = ERR_INIT;
	struct geo_ctx *g = geo_ctx_new(&e);
	struct imp_boundaries_result res;
	char want[512];
	size_t i;

	yunfu(&r, g);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err_clear(&e);
		ck_assert_int_eq(import_lines(&r, g, bad[i].json, 0, &res, &e), -1);
		ck_assert_int_eq(e.code, ERR_INPUT);
		snprintf(want, sizeof(want), "%s: feature 1 (code %s): %s", test_path("lines.geojson"),
			 strstr(bad[i].json, "x y") ? "x y" : "x-y", bad[i].msg);
		ck_assert_msg(!strncmp(e.msg, want, strlen(want)), "case %zu: got [%s], want [%s]",
			      i, e.msg, want);
	}
	ck_assert_int_eq(test_scalar(&r, "SELECT count(*) FROM boundary"), 0);
	reg_close(&r);
	geo_ctx_free(g);
}
END_TEST

START_TEST(test_imp_boundaries_conflict_needs_update)
{
	static const char one[] =
		FEATURE("\"code\":\"x-y\",\"name\":\"甲线\",\"left_code\":\"445322\",\"right_code\":\"445381\"", LINE);
	static const char renamed[] =
		FEATURE("\"code\":\"x-y\",\"name\":\"乙线\",\"left_code\":\"445322\",\"right_code\":\"445381\"", LINE);
	struct reg r;
	struct err e = ERR_INIT;
	struct geo_ctx *g = geo_ctx_new(&e);
	struct imp_boundaries_result res;
	struct imp_opts o = opts(0);
	struct reg_boundary b;

	yunfu(&r, g);
	ck_assert_int_eq(reg_begin(&r, &e), 0);
	ck_assert_int_eq(imp_boundaries(&r, g, test_write_file("one.geojson", one, strlen(one)),
					 &o, &res, &e), 0);
	ck_assert_int_eq(reg_commit(&r, &e), 0);
	ck_assert_int_eq(import_lines(&r, g, one, 0, &res, &e), 0);
	ck_assert_int_eq(res.unchanged, 1);
	ck_assert_int_eq(import_lines(&r, g, renamed, 0, &res, &e), -1);
	ck_assert_int_eq(e.code, ERR_CONFLICT);
	ck_assert(strstr(diags, "field 'properties.name': conflict: line 'x-y' is registered with another name (use --update to replace it)") != NULL);
	ck_assert_int_eq(reg_begin(&r, &e), 0);
	o = opts(1);
	ck_assert_int_eq(imp_boundaries(&r, g, test_path("lines.geojson"), &o, &res, &e), 0);
	ck_assert_int_eq(res.updated, 1);
	ck_assert_int_eq(reg_commit(&r, &e), 0);
	ck_assert_int_eq(reg_boundary_get(&r, NULL, "x-y", &b, NULL, &e), 1);
	ck_assert_str_eq(b.name, "乙线");
	reg_close(&r);
	geo_ctx_free(g);
}
END_TEST

/* ---- monuments ---- */

START_TEST(test_imp_monuments_sample_in_order_along_the_line)
{
	struct reg r;
	struct err e = ERR_INIT;
	struct geo_ctx *g = geo_ctx_new(&e);
	struct geo_crs_cache *cc = geo_crs_cache_new(g, &e);
	struct reg_monument *m, one;
	size_t n, i;

	yunfu(&r, g);
	sample(&r, g, cc);
	ck_assert_int_eq(reg_monument_list(&r, g, cc, "445303-445322", &m, &n, &e), 0);
	ck_assert_uint_eq(n, 12);
	ck_assert_str_eq(m[0].number, "445303-445322-001Q");
	ck_assert_int_eq(m[0].tri_junction, 1);
	ck_assert_double_eq_tol(m[0].along_m, 0, 1e-3);
	for (i = 1; i < n; i++)
		ck_assert(m[i].along_m >= m[i - 1].along_m);
	ck_assert_str_eq(m[5].number, "445303-445322-006A");
	ck_assert_str_eq(m[6].number, "445303-445322-006B");
	/* the pair stands 15 m off, A on the left (云安区, the smaller code) */
	ck_assert_double_eq_tol(m[5].distance_to_line_m, 15.0, 0.01);
	ck_assert_int_eq(m[5].side, 1);
	ck_assert_int_eq(m[6].side, -1);
	for (i = 0; i < n; i++)
		if (m[i].type == 'Q')
			ck_assert_double_lt(m[i].distance_to_line_m, 0.005);
	free(m);
	/* kept verbatim beside the point */
	ck_assert_int_eq(reg_monument_get(&r, NULL, "445322-445381-004B", &one, &e), 1);
	ck_assert_str_eq(one.x, "2527240.435");
	ck_assert_str_eq(one.y, "37552447.983");
	ck_assert_str_eq(one.h_text, "116.305");
	ck_assert_str_eq(one.srs, "EPSG:4525");
	ck_assert_double_eq(one.precision_m, 0.05);
	ck_assert_int_eq(one.nref, 3);
	ck_assert_str_eq(one.managing_party, "罗定市民政局");
	ck_assert_double_eq_tol(one.lon, 111.5, 0.5);
	ck_assert_int_eq(reg_monument_get(&r, "445303-445322", "445322-445381-004B", &one, &e), 0);
	ck_assert_int_eq(test_scalar(&r, "SELECT count(*) FROM monument_ref"), 69);
	geo_crs_cache_free(cc);
	reg_close(&r);
	geo_ctx_free(g);
}
END_TEST

/* A 成果表 row on line 445303-445322 at the position of 445303-445322-002Q. */
#define HEAD "number,boundary_code,type,x,y,srs,ref1_name,ref1_azimuth,ref1_distance_m,ref2_name,ref2_azimuth,ref2_distance_m,ref3_name,ref3_azimuth,ref3_distance_m\n"
#define REFS ",电杆,114°03′,94.7,路碑,65-43,45.9,房角,261°52',171.9"
#define AT ",2553002.642,37591284.383,EPSG:4525"

static int import_rows(struct reg *r, struct geo_ctx *g, struct geo_crs_cache *cc,
		       const char *csv, int update, struct imp_monuments_result *res,
		       struct err *e)
{
	struct imp_opts o = opts(update);
	const char *p = test_write_file("m.csv", csv, strlen(csv));
	int rc;

	ck_assert_int_eq(reg_begin(r, e), 0);
	rc = imp_monuments(r, g, cc, p, &o, REG_MONUMENT_TOLERANCE_M, res, e);
	reg_rollback(r);
	return rc;
}

START_TEST(test_imp_monuments_refusals)
{
	static const struct {
		const char *csv, *msg;
	} bad[] = {
		{ HEAD "L-001Q,445303-445399,Q" AT REFS "\n",
		  ":2: field 'boundary_code': no boundary line '445303-445399' in the registry (import or derive it first)" },
		{ HEAD "L-001Q,445303-445322,Q" AT REFS "\nL-001Q,445303-445322,Q" AT REFS "\n",
		  ":3: field 'number': monument 'L-001Q' appears twice on line '445303-445322' (lines 2 and 3)" },
		{ HEAD "L-007A,445303-445322,A" AT REFS "\n",
		  ":2: field 'type': pair 'L-007' on line '445303-445322' has A but no B (members carry their type letter: L-007A, L-007B)" },
		{ HEAD "L-007C,445303-445322,C" AT REFS "\nL-007E,445303-445322,E" AT REFS "\n",
		  ":2: field 'type': triple 'L-007' on line '445303-445322' has C, E but no D (members carry their type letter: L-007C, L-007D, L-007E)" },
		{ HEAD "L-007A,445303-445322,B" AT REFS "\n",
		  ":2: field 'type': 'B' disagrees with the type letter of number 'L-007A'" },
		{ HEAD "L-007Q,445303-445322,Q" AT REFS "\nL-007A,445303-445322,A" AT REFS "\nL-007B,445303-445322,B" AT REFS "\n",
		  ":2: field 'number': single monument (Q) 'L-007Q' shares its number with 'L-007A' on line '445303-445322'" },
		{ HEAD "L-007X,445303-445322,X" AT REFS "\n",
		  ":2: field 'type': not a monument type (Q single; A, B a pair; C, D, E a triple): 'X'" },
		{ HEAD "L-001Q,445303-445322,Q,2553002.642,38591284.383,EPSG:4525" REFS "\n",
		  ":2: field 'y': zone prefix 38 disagrees with zone 37 of EPSG:4525: '38591284.383'" },
		{ HEAD "L-001Q,445303-445322,Q,37591284.383,2553002.642,EPSG:4525" REFS "\n",
		  ":2: field 'x': has 8 digits, x and y look swapped (x is the northing, 7 digits in China): '37591284.383'" },
		{ HEAD "L-001Q,445303-445322,Q,2553002.64x,37591284.383,EPSG:4525" REFS "\n",
		  ":2: field 'x': not a number: '2553002.64x'" },
		{ HEAD "L-001Q,445303-445322,Q" AT ",电杆,,94.7,路碑,65-43,45.9,房角,261°52',171.9\n",
		  ":2: field 'ref1_azimuth': empty (a reference object needs a name, an azimuth and a distance)" },
		{ HEAD "L-001Q,445303-445322,Q" AT ",电杆,北偏东,94.7,路碑,65-43,45.9,房角,261°52',171.9\n",
		  ":2: field 'ref1_azimuth': not an azimuth (degrees and minutes as 227°10′, or decimal degrees): '北偏东'" },
		{ "number,boundary_code,type,x\n1,2,Q,3\n",
		  ":1: header must name x and y, or lon and lat" },
	};
	struct reg r;
	struct err e = ERR_INIT;
	struct geo_ctx *g = geo_ctx_new(&e);
	struct geo_crs_cache *cc = geo_crs_cache_new(g, &e);
	struct imp_monuments_result res;
	char want[600];
	size_t i;

	yunfu(&r, g);
	sample(&r, g, cc);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err_clear(&e);
		ck_assert_int_eq(import_rows(&r, g, cc, bad[i].csv, 0, &res, &e), -1);
		ck_assert_int_eq(e.code, ERR_INPUT);
		snprintf(want, sizeof(want), "%s%s", test_path("m.csv"), bad[i].msg);
		ck_assert_msg(!strcmp(e.msg, want), "case %zu: got [%s], want [%s]", i, e.msg, want);
	}
	ck_assert_int_eq(test_scalar(&r, "SELECT count(*) FROM monument"), 23);
	geo_crs_cache_free(cc);
	reg_close(&r);
	geo_ctx_free(g);
}
END_TEST

START_TEST(test_imp_monuments_registered_numbers)
{
	/* 445303-445322-002Q again with another height: refused, then --update */
	static const char again[] = HEAD
		"445303-445322-002Q,445303-445322,Q" AT REFS "\n";
	static const char pair_half[] = HEAD
		"445303-445322-006A,445303-445322,A,2537585.007,37585014.317,EPSG:4525" REFS "\n";
	struct reg r;
	struct err e = ERR_INIT;
	struct geo_ctx *g = geo_ctx_new(&e);
	struct geo_crs_cache *cc = geo_crs_cache_new(g, &e);
	struct imp_monuments_result res;
	char want[600];

	yunfu(&r, g);
	sample(&r, g, cc);
	ck_assert_int_eq(import_rows(&r, g, cc, again, 0, &res, &e), -1);
	snprintf(want, sizeof(want), "%s:2: field 'number': monument '445303-445322-002Q' of line '445303-445322' is registered with another h (use --update to replace it)",
		 test_path("m.csv"));
	ck_assert_str_eq(e.msg, want);
	ck_assert_int_eq(import_rows(&r, g, cc, again, 1, &res, &e), 0);
	ck_assert_int_eq(res.updated, 1);
	/* one member of a registered pair, re-imported: the group still has B */
	ck_assert_int_eq(import_rows(&r, g, cc, pair_half, 1, &res, &e), 0);
	geo_crs_cache_free(cc);
	reg_close(&r);
	geo_ctx_free(g);
}
END_TEST

START_TEST(test_imp_monuments_warnings)
{
	/* two 方位物 only; and a single monument 50 m east of the line */
	static const char csv[] = HEAD
		"L-001Q,445303-445322,Q" AT ",电杆,114°03′,94.7,路碑,65-43,45.9,,,\n"
		"L-002Q,445303-445322,Q,2553002.642,37591334.383,EPSG:4525" REFS "\n"
		"L-003A,445303-445322,A,2553002.642,37591334.383,EPSG:4525" REFS "\n"
		"L-003B,445303-445322,B,2553002.642,37591234.383,EPSG:4525" REFS "\n";
	struct reg r;
	struct err e = ERR_INIT;
	struct geo_ctx *g = geo_ctx_new(&e);
	struct geo_crs_cache *cc = geo_crs_cache_new(g, &e);
	struct imp_monuments_result res;
	char want[600];

	yunfu(&r, g);
	sample(&r, g, cc);
	ck_assert_int_eq(import_rows(&r, g, cc, csv, 0, &res, &e), 0);
	ck_assert_int_eq(res.inserted, 4);
	ck_assert_int_eq(res.warnings, 2);
	snprintf(want, sizeof(want), "W %s:2: monument 'L-001Q' has 2 reference objects (方位物), at least 3 expected\n",
		 test_path("m.csv"));
	ck_assert_msg(strstr(diags, want) != NULL, "%s", diags);
	snprintf(want, sizeof(want), "W %s:3: single monument (Q) 'L-002Q' lies ", test_path("m.csv"));
	ck_assert_msg(strstr(diags, want) != NULL, "%s", diags);
	ck_assert(strstr(diags, "m from line '445303-445322' (tolerance 2.83 m)") != NULL);
	/* pairs stand off the line by design: no warning for L-003A/B */
	ck_assert(strstr(diags, "L-003") == NULL);
	geo_crs_cache_free(cc);
	reg_close(&r);
	geo_ctx_free(g);
}
END_TEST

START_TEST(test_imp_monuments_lonlat_and_zone_columns)
{
	static const char lonlat[] =
		"number,boundary_code,type,lon,lat,h,ref1_name,ref1_azimuth,ref1_distance_m\n"
		"L-001Q,445303-445322,Q,111.890844426,23.073926202,,电杆,90,10\n";
	static const char zone[] =
		"number,boundary_code,type,x,y,zone,ref1_name,ref1_azimuth,ref1_distance_m\n"
		"L-001Q,445303-445322,Q,2553002.642,591284.383,37,电杆,90,10\n";
	struct reg r;
	struct err e = ERR_INIT;
	struct geo_ctx *g = geo_ctx_new(&e);
	struct geo_crs_cache *cc = geo_crs_cache_new(g, &e);
	struct imp_monuments_result res;
	struct reg_monument m;
	struct imp_opts o;

	yunfu(&r, g);
	sample(&r, g, cc);
	ck_assert_int_eq(reg_begin(&r, &e), 0);
	o = opts(0);
	ck_assert_int_eq(imp_monuments(&r, g, cc, test_write_file("ll.csv", lonlat, strlen(lonlat)),
				       &o, REG_MONUMENT_TOLERANCE_M, &res, &e), 0);
	ck_assert_int_eq(reg_monument_get(&r, "445303-445322", "L-001Q", &m, &e), 1);
	ck_assert_int_eq(m.lonlat, 1);
	ck_assert_str_eq(m.srs, "EPSG:4490");
	ck_assert_int_eq(m.has_h, 0);
	ck_assert_double_eq(m.lon, 111.890844426);
	reg_rollback(&r);
	ck_assert_int_eq(reg_begin(&r, &e), 0);
	ck_assert_int_eq(imp_monuments(&r, g, cc, test_write_file("z.csv", zone, strlen(zone)),
				       &o, REG_MONUMENT_TOLERANCE_M, &res, &e), 0);
	ck_assert_int_eq(reg_monument_get(&r, "445303-445322", "L-001Q", &m, &e), 1);
	ck_assert_str_eq(m.srs, "EPSG:4546");    /* zone 37 without the prefix: CM 111°E */
	ck_assert_double_eq_tol(m.lon, 111.890844426, 1e-8);
	reg_rollback(&r);
	geo_crs_cache_free(cc);
	reg_close(&r);
	geo_ctx_free(g);
}
END_TEST

START_TEST(test_reg_monument_numbers)
{
	struct err e = ERR_INIT;
	char key[REG_MONUMENT_MAX_NUMBER];

	reg_monument_group_key("445303-445322-006A", 'A', key);
	ck_assert_str_eq(key, "445303-445322-006");
	reg_monument_group_key("4445001Q", 'Q', key);
	ck_assert_str_eq(key, "4445001");
	reg_monument_group_key("238184I", 'Q', key);
	ck_assert_str_eq(key, "238184I");
	ck_assert_int_eq(reg_monument_number_check_provincial("4445001Q", 'Q', "4445", &e), 0);
	ck_assert_int_eq(reg_monument_number_check_provincial("4445001", 'Q', "4445", &e), -1);
	ck_assert_str_eq(e.msg, "'4445001' is not a provincial monument number (4-digit line code, 3-digit sequence, type letter: 8 characters)");
	ck_assert_int_eq(reg_monument_number_check_provincial("1253165A", 'A', "4445", &e), -1);
	ck_assert_str_eq(e.msg, "line code '1253' of '1253165A' is not the line's code '4445'");
	ck_assert_int_eq(reg_monument_number_check_provincial("4445165A", 'B', "4445", &e), -1);
	ck_assert_str_eq(e.msg, "type letter 'A' of '4445165A' is not its type 'B'");
	ck_assert_int_eq(reg_monument_type_valid('E'), 1);
	ck_assert_int_eq(reg_monument_type_valid('F'), 0);
	ck_assert_int_eq(reg_monument_type_valid('\0'), 0);
}
END_TEST

START_TEST(test_imp_monuments_provincial_format)
{
	static const char line[] =
		FEATURE("\"code\":\"4445\",\"name\":\"广东—广西线(test)\",\"level\":\"province\","
			"\"left_code\":\"44\",\"right_code\":\"45\"", LINE);
	static const char csv[] =
		"number,boundary_code,type,lon,lat\n"
		"4445001Q,4445,Q,111.55,23\n"
		"44450020,4445,Q,111.56,23\n";
	struct reg r;
	struct err e = ERR_INIT;
	struct geo_ctx *g = geo_ctx_new(&e);
	struct geo_crs_cache *cc = geo_crs_cache_new(g, &e);
	struct imp_boundaries_result br;
	struct imp_monuments_result res;
	struct imp_opts o = opts(0);
	char want[600];
	static const char gx[] = "code,name\n45,广西壮族自治区\n";

	yunfu(&r, g);
	ck_assert_int_eq(reg_begin(&r, &e), 0);
	{
		struct imp_divisions_result dr;

		ck_assert_int_eq(imp_divisions(&r, g, test_write_file("gx.csv", gx, strlen(gx)), &o, &dr, &e), 0);
	}
	ck_assert_int_eq(imp_boundaries(&r, g, test_write_file("p.geojson", line, strlen(line)), &o, &br, &e), 0);
	ck_assert_int_eq(reg_commit(&r, &e), 0);
	ck_assert_int_eq(import_rows(&r, g, cc, csv, 0, &res, &e), -1);
	snprintf(want, sizeof(want),
		 "%s:3: field 'number': '44450020' is not a provincial monument number (4-digit line code, 3-digit sequence, type letter: 8 characters)",
		 test_path("m.csv"));
	ck_assert_str_eq(e.msg, want);
	geo_crs_cache_free(cc);
	reg_close(&r);
	geo_ctx_free(g);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("boundary");
	TCase *lines = tcase_create("lines"), *imp = tcase_create("import-lines");
	TCase *mon = tcase_create("monuments");

	tcase_set_timeout(lines, 120);
	tcase_set_timeout(imp, 120);
	tcase_set_timeout(mon, 120);
	tcase_add_test(lines, test_reg_boundary_derive_stores_lines_with_nodes);
	tcase_add_test(lines, test_reg_boundary_derive_conflict_then_update);
	tcase_add_test(lines, test_reg_boundary_each_by_division);
	tcase_add_test(lines, test_reg_boundary_last_inspected_never_goes_back);
	suite_add_tcase(s, lines);
	tcase_add_test(imp, test_imp_boundaries_refusals);
	tcase_add_test(imp, test_imp_boundaries_conflict_needs_update);
	suite_add_tcase(s, imp);
	tcase_add_test(mon, test_imp_monuments_sample_in_order_along_the_line);
	tcase_add_test(mon, test_imp_monuments_refusals);
	tcase_add_test(mon, test_imp_monuments_registered_numbers);
	tcase_add_test(mon, test_imp_monuments_warnings);
	tcase_add_test(mon, test_imp_monuments_lonlat_and_zone_columns);
	tcase_add_test(mon, test_reg_monument_numbers);
	tcase_add_test(mon, test_imp_monuments_provincial_format);
	suite_add_tcase(s, mon);
	return s;
}
