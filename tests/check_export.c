/* check_export.c - what exports are made of: WKB walking, GeoPackage
 * geometry blobs, CSV quoting, and the gazetteer rows (filters, --as-of). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "common/csv.h"
#include "geo/geo_wkb.h"
#include "import/imp.h"
#include "import/imp_csv.h"
#include "import/imp_divisions.h"
#include "registry/reg_gazetteer.h"
#include "registry/reg_place.h"
#include "tests/testlib.h"

/* WKB of a WKT geometry, as SpatiaLite writes it (AsBinary). */
static size_t wkb_of(struct reg *r, const char *sql, const char *arg, unsigned char *out,
		     size_t cap)
{
	sqlite3_stmt *st = NULL;
	size_t n;

	ck_assert_int_eq(sqlite3_prepare_v2(r->db, sql, -1, &st, NULL), SQLITE_OK);
	if (arg)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	n = (size_t)sqlite3_column_bytes(st, 0);
	ck_assert_uint_le(n, cap);
	memcpy(out, sqlite3_column_blob(st, 0), n);
	sqlite3_finalize(st);
	return n;
}

static double scalar_double(struct reg *r, const char *sql)
{
	sqlite3_stmt *st = NULL;
	double v;

	ck_assert_int_eq(sqlite3_prepare_v2(r->db, sql, -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_double(st, 0);
	sqlite3_finalize(st);
	return v;
}

static double le_double(const unsigned char *p)
{
	uint64_t u = 0;
	double d;
	int i;

	for (i = 7; i >= 0; i--)
		u = u << 8 | p[i];
	memcpy(&d, &u, sizeof(d));
	return d;
}

/* ---- GeoPackage geometry blobs ---- */

/* 郁南县's seat, 都城镇 (CGCS2000). */
START_TEST(test_geo_gpkg_blob_point_has_no_envelope)
{
	struct reg r;
	unsigned char wkb[64];
	struct buf b = BUF_INIT;
	struct geo_wkb_info info;
	struct err e = ERR_INIT;
	size_t n;

	test_registry(&r);
	n = wkb_of(&r, "SELECT AsBinary(MakePoint(111.5347, 23.2346, 4490))", NULL, wkb, sizeof(wkb));
	ck_assert_uint_eq(n, 21);
	ck_assert_int_eq(geo_gpkg_blob(wkb, n, 4490, &b, &info, &e), 0);
	ck_assert_uint_eq(b.len, 8 + 21);
	ck_assert_int_eq(memcmp(b.data, "GP", 2), 0);
	ck_assert_int_eq(b.data[2], 0);                 /* version 1 (0) */
	ck_assert_int_eq(b.data[3], 0x01);              /* little endian, no envelope */
	ck_assert_int_eq((unsigned char)b.data[4], 0x8A);  /* 4490 = 0x118A */
	ck_assert_int_eq((unsigned char)b.data[5], 0x11);
	ck_assert_int_eq(b.data[6], 0);
	ck_assert_int_eq(b.data[7], 0);
	ck_assert_int_eq(memcmp(b.data + 8, wkb, n), 0);
	ck_assert_int_eq(info.type, GEO_WKB_POINT);
	ck_assert(info.minx == 111.5347 && info.maxy == 23.2346);
	buf_release(&b);
	reg_close(&r);
}
END_TEST

/* A registry with the divisions of 云浮市 and 江门市 and the county
 * outlines of 云浮市 (repaired on import), as `make demo` loads them. */
static void load_divisions(struct reg *r)
{
	struct imp_opts o = { 0 };
	struct imp_divisions_result res;
	struct geo_ctx *g;
	struct err e = ERR_INIT;

	g = geo_ctx_new(&e);
	ck_assert_ptr_nonnull(g);
	if (imp_divisions(r, g, test_data("divisions-yunfu-jiangmen.csv"), &o, &res, &e) < 0 ||
	    imp_divisions(r, g, test_data("counties-yunfu.geojson"), &o, &res, &e) < 0)
		ck_abort_msg("imp_divisions: %s", e.msg);
	geo_ctx_free(g);
}

START_TEST(test_geo_gpkg_blob_polygon_has_envelope)
{
	struct reg r;
	static unsigned char wkb[1 << 20];
	struct buf b = BUF_INIT;
	struct geo_wkb_info info;
	struct err e = ERR_INIT;
	size_t n;

	/* The real outline of 郁南县. */
	test_registry(&r);
	load_divisions(&r);
	n = wkb_of(&r, "SELECT AsBinary(geom) FROM division WHERE code = ?", "445322000000", wkb,
		   sizeof(wkb));
	ck_assert_uint_gt(n, 1000);
	ck_assert_int_eq(geo_gpkg_blob(wkb, n, 4490, &b, &info, &e), 0);
	ck_assert_int_eq(info.type, GEO_WKB_MULTIPOLYGON);
	ck_assert_uint_eq(b.len, 8 + 32 + n);
	ck_assert_int_eq(b.data[3], 0x03);              /* little endian, envelope xy */
	/* [minx, maxx, miny, maxy], the same as SpatiaLite's MBR. */
#define MBR(f) scalar_double(&r, "SELECT " f "(geom) FROM division WHERE code = '445322000000'")
	ck_assert(le_double((unsigned char *)b.data + 8) == MBR("MbrMinX"));
	ck_assert(le_double((unsigned char *)b.data + 16) == MBR("MbrMaxX"));
	ck_assert(le_double((unsigned char *)b.data + 24) == MBR("MbrMinY"));
	ck_assert(le_double((unsigned char *)b.data + 32) == MBR("MbrMaxY"));
#undef MBR
	ck_assert(info.minx > 111.0 && info.maxx < 112.0 && info.miny > 22.5 && info.maxy < 23.5);
	ck_assert_int_eq(memcmp(b.data + 40, wkb, n), 0);
	buf_release(&b);
	reg_close(&r);
}
END_TEST

START_TEST(test_geo_gpkg_blob_empty_sets_flag)
{
	/* LINESTRING EMPTY, little endian. */
	static const unsigned char wkb[] = { 1, 2, 0, 0, 0, 0, 0, 0, 0 };
	struct buf b = BUF_INIT;
	struct geo_wkb_info info;
	struct err e = ERR_INIT;

	ck_assert_int_eq(geo_gpkg_blob(wkb, sizeof(wkb), 4490, &b, &info, &e), 0);
	ck_assert_int_eq(b.data[3], 0x11);              /* little endian, empty, no envelope */
	ck_assert_uint_eq(b.len, 8 + sizeof(wkb));
	ck_assert(info.empty);
	ck_assert(isnan(info.minx));
	buf_release(&b);
}
END_TEST

START_TEST(test_geo_gpkg_blob_rejects_malformed_wkb)
{
	static const unsigned char truncated[] = { 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
	static const unsigned char unknown[] = { 1, 9, 0, 0, 0 };
	static const unsigned char order[] = { 7, 1, 0, 0, 0 };
	static const unsigned char mixed[] = { 1, 4, 0, 0, 0, 1, 0, 0, 0,
					       1, 2, 0, 0, 0, 0, 0, 0, 0 };
	struct buf b = BUF_INIT;
	struct err e = ERR_INIT;

	ck_assert_int_eq(geo_gpkg_blob(truncated, sizeof(truncated), 4490, &b, NULL, &e), -1);
	ck_assert_int_eq(e.code, ERR_GEO);
	ck_assert_str_eq(e.msg, "malformed WKB: truncated at byte 5 of 12");
	ck_assert_int_eq(geo_gpkg_blob(unknown, sizeof(unknown), 4490, &b, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "malformed WKB: unknown geometry type 9 at byte 0");
	ck_assert_int_eq(geo_gpkg_blob(order, sizeof(order), 4490, &b, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "malformed WKB: bad byte order 7 at byte 0");
	ck_assert_int_eq(geo_gpkg_blob(mixed, sizeof(mixed), 4490, &b, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "malformed WKB: LineString inside a multi-geometry of Points at byte 9");
	ck_assert_uint_eq(b.len, 0);
	buf_release(&b);
}
END_TEST

/* ---- GeoJSON from WKB ---- */

START_TEST(test_geo_wkb_geojson_types)
{
	static const struct {
		const char *wkt, *json;
	} cases[] = {
		{ "POINT(111.5347 23.2346)", "{\"type\":\"Point\",\"coordinates\":[111.5347,23.2346]}" },
		{ "LINESTRING(111.5 23.2, 111.6 23.25)",
		  "{\"type\":\"LineString\",\"coordinates\":[[111.5,23.2],[111.6,23.25]]}" },
		{ "POLYGON((0 0, 1 0, 1 1, 0 0), (0.1 0.1, 0.2 0.1, 0.2 0.2, 0.1 0.1))",
		  "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]],"
		  "[[0.1,0.1],[0.2,0.1],[0.2,0.2],[0.1,0.1]]]}" },
		{ "MULTIPOINT(1 2, 3 4)", "{\"type\":\"MultiPoint\",\"coordinates\":[[1,2],[3,4]]}" },
		{ "MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)))",
		  "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[1,0],[1,1],[0,0]]]]}" },
		{ "GEOMETRYCOLLECTION(POINT(1 2), LINESTRING(0 0, 1 1))",
		  "{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"Point\","
		  "\"coordinates\":[1,2]},{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}]}" },
	};
	struct reg r;
	unsigned char wkb[512];
	struct buf b = BUF_INIT;
	struct err e = ERR_INIT;
	size_t i, n;

	test_registry(&r);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		n = wkb_of(&r, "SELECT AsBinary(GeomFromText(?, 4490))", cases[i].wkt, wkb,
			   sizeof(wkb));
		buf_clear(&b);
		ck_assert_int_eq(geo_wkb_to_geojson(wkb, n, &b, &e), 0);
		ck_assert_str_eq(b.data, cases[i].json);
	}
	buf_release(&b);
	reg_close(&r);
}
END_TEST

START_TEST(test_geo_wkb_geojson_big_endian_and_z)
{
	/* POINT Z (1 2 3) big endian, ISO type 1001. */
	static const unsigned char be[] = {
		0, 0, 0, 0x03, 0xE9,
		0x3F, 0xF0, 0, 0, 0, 0, 0, 0,
		0x40, 0, 0, 0, 0, 0, 0, 0,
		0x40, 0x08, 0, 0, 0, 0, 0, 0
	};
	struct buf b = BUF_INIT;
	struct geo_wkb_info info;
	struct err e = ERR_INIT;

	ck_assert_int_eq(geo_wkb_to_geojson(be, sizeof(be), &b, &e), 0);
	ck_assert_str_eq(buf_str(&b), "{\"type\":\"Point\",\"coordinates\":[1,2]}");
	ck_assert_int_eq(geo_wkb_info(be, sizeof(be), &info, &e), 0);
	ck_assert_int_eq(info.dims, 3);
	/* On error the buffer is left as it was. */
	ck_assert_int_eq(geo_wkb_to_geojson(be, sizeof(be) - 1, &b, &e), -1);
	ck_assert_str_eq(buf_str(&b), "{\"type\":\"Point\",\"coordinates\":[1,2]}");
	buf_release(&b);
}
END_TEST

START_TEST(test_geo_fmt_double_shortest_round_trip)
{
	static const struct {
		double v;
		const char *s;
	} cases[] = {
		{ 113.3612, "113.3612" }, { 23.1247, "23.1247" }, { -0.5, "-0.5" }, { 0, "0" },
		{ 1e-7, "0.0000001" }, { 111.534712345, "111.534712345" }, { 42, "42" },
		{ 0.1 + 0.2, "0.30000000000000004" }, { 1e20, "1e+20" }, { -3.25e-12, "-3.25e-12" },
	};
	char out[32];
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ck_assert_uint_eq(geo_fmt_double(cases[i].v, out), strlen(cases[i].s));
		ck_assert_str_eq(out, cases[i].s);
		ck_assert(strtod(out, NULL) == cases[i].v);
	}
	geo_fmt_double(NAN, out);
	ck_assert_str_eq(out, "null");
}
END_TEST

/* ---- CSV ---- */

START_TEST(test_csv_quotes_only_what_needs_it)
{
	struct buf b = BUF_INIT;

	csv_add_str(&b, "都城镇");
	ck_assert_str_eq(buf_str(&b), "都城镇");
	buf_clear(&b);
	csv_add_str(&b, "东坝,西坝");
	ck_assert_str_eq(buf_str(&b), "\"东坝,西坝\"");
	buf_clear(&b);
	csv_add_str(&b, "\"大湾\"村");
	ck_assert_str_eq(buf_str(&b), "\"\"\"大湾\"\"村\"");
	buf_clear(&b);
	csv_add_str(&b, "一行\n二行");
	ck_assert_str_eq(buf_str(&b), "\"一行\n二行\"");
	buf_clear(&b);
	csv_add_str(&b, " 前导空格");
	ck_assert_str_eq(buf_str(&b), "\" 前导空格\"");
	buf_clear(&b);
	csv_add_str(&b, "");
	csv_add_str(&b, NULL);
	ck_assert_str_eq(buf_str(&b), "");
	buf_release(&b);
}
END_TEST

/* What csv_ writes, imp_csv reads back byte for byte. */
START_TEST(test_csv_round_trips_through_the_reader)
{
	static const char *const fields[] = {
		"名称", "a,b", "\"q\"", "line1\r\nline2", " pad ", "", "末"
	};
	const size_t nf = sizeof(fields) / sizeof(fields[0]);
	struct buf b = BUF_INIT;
	struct imp_csv c;
	struct err e = ERR_INIT;
	size_t i;

	for (i = 0; i < nf; i++) {
		buf_adds(&b, i ? ",h" : "h");
		buf_addf(&b, "%zu", i);
	}
	buf_adds(&b, "\r\n");
	for (i = 0; i < nf; i++) {
		if (i)
			buf_addc(&b, ',');
		csv_add_str(&b, fields[i]);
	}
	buf_adds(&b, "\r\n");
	ck_assert_int_eq(imp_csv_open(&c, "t.csv", &b, &e), 0);
	ck_assert_int_eq(imp_csv_next(&c, &e), 1);
	for (i = 0; i < nf; i++)
		ck_assert_str_eq(imp_csv_get(&c, (int)i), fields[i]);
	ck_assert_int_eq(imp_csv_next(&c, &e), 0);
	imp_csv_close(&c);
	buf_release(&b);
}
END_TEST


/* ---- the gazetteer rows ---- */

/* A place of 郁南县 at a point (or with the given WKT geometry). */
static long long add_place(struct reg *r, const char *name, const char *klass, const char *code,
			   const char *valid_from, const char *wkt)
{
	struct reg_place p;
	struct reg_class c;
	struct err e = ERR_INIT;
	unsigned char wkb[4096];
	size_t n;
	long long id;

	reg_place_init(&p);
	snprintf(p.name, sizeof(p.name), "%s", name);
	ck_assert_int_eq(reg_class_resolve(r, klass, &c, &e), 0);
	memcpy(p.class_code, c.code, sizeof(p.class_code));
	ck_assert_int_eq(reg_code_normalize(code, p.division_code, &e), 0);
	snprintf(p.valid_from, sizeof(p.valid_from), "%s", valid_from);
	n = wkb_of(r, "SELECT AsBinary(GeomFromText(?, 4490))", wkt, wkb, sizeof(wkb));
	reg_place_set_wkb(&p, wkb, n);
	reg_place_derive(&p);
	if (reg_place_insert(r, &p, &e) < 0)
		ck_abort_msg("reg_place_insert: %s", e.msg);
	id = p.id;
	reg_place_release(&p);
	return id;
}

/* Rows of the gazetteer as "name|former|status|cancelled" lines, in id order. */
static void rows_of(struct reg *r, const struct reg_gazetteer_filter *f, struct buf *out)
{
	struct reg_gazetteer *g;
	struct reg_gazetteer_row row;
	struct err e = ERR_INIT;
	int got;

	buf_clear(out);
	g = reg_gazetteer_open(r, f, &e);
	if (!g)
		ck_abort_msg("reg_gazetteer_open: %s", e.msg);
	while ((got = reg_gazetteer_next(g, &row, &e)) == 1)
		buf_addf(out, "%s|%s|%s|%s\n", row.text[REG_GAZ_NAME], row.text[REG_GAZ_FORMER],
			 row.text[REG_GAZ_STATUS], row.text[REG_GAZ_CANCELLED]);
	ck_assert_int_eq(got, 0);
	reg_gazetteer_free(g);
}

/* 银盆村 named 2020, renamed 银湖村 2024-06-01 and 银山村 2025-03-01; 榄塘村
 * named 2020, cancelled 2025-01-01; 承平村 named 2025-02-01. */
static void history_fixture(struct reg *r)
{
	struct err e = ERR_INIT;
	long long a, b;

	load_divisions(r);
	a = add_place(r, "银盆村", "行政村", "445322100201", "2020-01-01", "POINT(111.6086 23.0428)");
	b = add_place(r, "榄塘村", "行政村", "445322100202", "2020-01-01", "POINT(111.6143 23.0275)");
	add_place(r, "承平村", "行政村", "445322100203", "2025-02-01", "POINT(111.6220 23.0498)");
	if (reg_place_rename(r, a, "银湖村", "2024-06-01", 0, NULL, &e) < 0 ||
	    reg_place_rename(r, a, "银山村", "2025-03-01", 0, NULL, &e) < 0 ||
	    reg_place_cancel(r, b, "2025-01-01", 0, NULL, &e) < 0)
		ck_abort_msg("history: %s", e.msg);
}

START_TEST(test_reg_gazetteer_as_of_gives_the_names_then)
{
	struct reg_gazetteer_filter f = { "445322", NULL, 0, NULL, REG_GAZ_ORDER_ID };
	struct buf b = BUF_INIT;
	struct reg r;

	test_registry(&r);
	history_fixture(&r);
	f.as_of = "2019-12-31";
	rows_of(&r, &f, &b);
	ck_assert_str_eq(buf_str(&b), "");
	f.as_of = "2020-01-01";
	rows_of(&r, &f, &b);
	ck_assert_str_eq(buf_str(&b), "银盆村||现今|\n榄塘村||现今|\n");
	f.as_of = "2024-06-01";
	rows_of(&r, &f, &b);
	ck_assert_str_eq(buf_str(&b), "银湖村|银盆村|现今|\n榄塘村||现今|\n");
	f.as_of = "2025-01-01";
	rows_of(&r, &f, &b);
	ck_assert_str_eq(buf_str(&b), "银湖村|银盆村|现今|\n");
	f.include_historical = 1;
	rows_of(&r, &f, &b);
	ck_assert_str_eq(buf_str(&b), "银湖村|银盆村|现今|\n榄塘村||历史|2025-01-01\n");
	f.as_of = "2025-03-01";
	rows_of(&r, &f, &b);
	ck_assert_str_eq(buf_str(&b), "银山村|银盆村;银湖村|现今|\n榄塘村||历史|2025-01-01\n"
				 "承平村||现今|\n");
	/* Without a date: today (the clock honours DIMING_NOW). */
	setenv("DIMING_NOW", "2024-12-31", 1);
	f.as_of = NULL;
	f.include_historical = 0;
	rows_of(&r, &f, &b);
	unsetenv("DIMING_NOW");
	ck_assert_str_eq(buf_str(&b), "银湖村|银盆村|现今|\n榄塘村||现今|\n");
	buf_release(&b);
	reg_close(&r);
}
END_TEST

START_TEST(test_reg_gazetteer_as_of_spells_the_old_name)
{
	struct reg_gazetteer_filter f = { "445322100", NULL, 0, "2024-01-01", REG_GAZ_ORDER_ID };
	struct reg_gazetteer *g;
	struct reg_gazetteer_row row;
	struct err e = ERR_INIT;
	struct reg r;

	test_registry(&r);
	history_fixture(&r);
	g = reg_gazetteer_open(&r, &f, &e);
	ck_assert_ptr_nonnull(g);
	ck_assert_int_eq(reg_gazetteer_next(g, &row, &e), 1);
	ck_assert_str_eq(row.text[REG_GAZ_NAME], "银盆村");
	ck_assert_str_eq(row.text[REG_GAZ_ROMAN], "Yinpen Cun");
	ck_assert_str_eq(row.text[REG_GAZ_ZHUANMING], "银盆");
	ck_assert_str_eq(row.text[REG_GAZ_TONGMING], "村");
	ck_assert_str_eq(reg_gazetteer_as_of(g), "2024-01-01");
	reg_gazetteer_free(g);
	reg_close(&r);
}
END_TEST

START_TEST(test_reg_gazetteer_filters_division_and_class)
{
	struct reg_gazetteer_filter f = { NULL, NULL, 0, "2026-01-01", REG_GAZ_ORDER_ID };
	struct buf b = BUF_INIT;
	struct err e = ERR_INIT;
	struct reg r;
	long n;

	test_registry(&r);
	history_fixture(&r);
	/* 都城镇 itself, and a village of 开平市 (江门市) outside 郁南县. */
	add_place(&r, "都城镇", "镇", "445322100", "2020-01-01", "POINT(111.52 23.23)");
	add_place(&r, "三埠街道", "街道", "440783001", "2020-01-01", "POINT(112.68 22.36)");
	ck_assert_int_eq(reg_gazetteer_count(&r, &f, &n, &e), 0);
	ck_assert_int_eq(n, 4);
	f.division = "4453";
	ck_assert_int_eq(reg_gazetteer_count(&r, &f, &n, &e), 0);
	ck_assert_int_eq(n, 3);
	f.division = "445322100000";
	f.class_name = "行政区域";           /* 21000 and every subclass */
	ck_assert_int_eq(reg_gazetteer_count(&r, &f, &n, &e), 0);
	ck_assert_int_eq(n, 3);
	f.class_name = "村";                 /* an alias of 行政村 */
	rows_of(&r, &f, &b);
	ck_assert_str_eq(buf_str(&b), "银山村|银盆村;银湖村|现今|\n承平村||现今|\n");
	f.class_name = "21520";
	rows_of(&r, &f, &b);
	ck_assert_str_eq(buf_str(&b), "都城镇||现今|\n");
	f.division = "445322100201";         /* a village: just what lies in it */
	f.class_name = NULL;
	rows_of(&r, &f, &b);
	ck_assert_str_eq(buf_str(&b), "银山村|银盆村;银湖村|现今|\n");

	f.division = "999999";
	ck_assert_ptr_null(reg_gazetteer_open(&r, &f, &e));
	ck_assert_int_eq(e.code, ERR_NOT_FOUND);
	ck_assert_str_eq(e.msg, "no division with code '999999'");
	f.division = "4453x";
	ck_assert_int_eq(reg_gazetteer_count(&r, &f, &n, &e), -1);
	ck_assert_int_eq(e.code, ERR_INPUT);
	ck_assert_str_eq(e.msg, "not a division code (2, 4, 6, 9 or 12 digits): '4453x'");
	f.division = NULL;
	f.class_name = "火星";
	ck_assert_int_eq(reg_gazetteer_count(&r, &f, &n, &e), -1);
	ck_assert_int_eq(e.code, ERR_INPUT);
	ck_assert_str_eq(e.msg, "unknown place class '火星'");
	f.class_name = NULL;
	f.as_of = "2025-02-30";
	ck_assert_int_eq(reg_gazetteer_count(&r, &f, &n, &e), -1);
	ck_assert_int_eq(e.code, ERR_INPUT);
	buf_release(&b);
	reg_close(&r);
}
END_TEST

START_TEST(test_reg_gazetteer_row_has_position_geometry_and_section)
{
	struct reg_gazetteer_filter f = { "445322", NULL, 0, "2026-01-01", REG_GAZ_ORDER_SECTION };
	struct reg_gazetteer *g;
	struct reg_gazetteer_row row;
	struct geo_wkb_info info;
	struct err e = ERR_INIT;
	long counts[8];
	struct reg r;

	test_registry(&r);
	load_divisions(&r);
	add_place(&r, "银盆村", "行政村", "445322100201", "2020-01-01", "POINT(111.6086 23.0428)");
	add_place(&r, "西江", "河流", "445322", "2020-01-01",
		  "LINESTRING(111.40 23.20, 111.55 23.25, 111.70 23.22)");
	add_place(&r, "大湾公园", "公园", "445322111", "2020-01-01",
		  "POLYGON((111.50 23.00, 111.52 23.00, 111.52 23.02, 111.50 23.02, 111.50 23.00))");
	ck_assert_int_eq(reg_gazetteer_count_types(&r, &f, counts, &e), 0);
	ck_assert_int_eq(counts[GEO_WKB_POINT], 1);
	ck_assert_int_eq(counts[GEO_WKB_LINESTRING], 1);
	ck_assert_int_eq(counts[GEO_WKB_POLYGON], 1);
	ck_assert_int_eq(counts[0], 0);

	g = reg_gazetteer_open(&r, &f, &e);
	ck_assert_ptr_nonnull(g);
	ck_assert_str_eq(reg_gazetteer_root_code(g), "445322000000");
	ck_assert_str_eq(reg_gazetteer_root_name(g), "郁南县");
	/* Sections in code order: the county itself, 都城镇, 大湾镇. */
	ck_assert_int_eq(reg_gazetteer_next(g, &row, &e), 1);
	ck_assert_str_eq(row.text[REG_GAZ_NAME], "西江");
	ck_assert_str_eq(row.section_code, "445322000000");
	ck_assert_str_eq(row.text[REG_GAZ_DIVISION_CODE], "445322");
	ck_assert_str_eq(row.text[REG_GAZ_DIVISION], "郁南县");
	ck_assert_int_eq(geo_wkb_info(row.wkb, row.wkb_len, &info, &e), 0);
	ck_assert_int_eq(info.type, GEO_WKB_LINESTRING);
	ck_assert(row.lon >= 111.40 && row.lon <= 111.70);   /* a point on the line */
	ck_assert_int_eq(reg_gazetteer_next(g, &row, &e), 1);
	ck_assert_str_eq(row.text[REG_GAZ_NAME], "银盆村");
	ck_assert_str_eq(row.section_code, "445322100000");
	ck_assert_str_eq(row.text[REG_GAZ_DIVISION_CODE], "445322100201");
	ck_assert_str_eq(row.text[REG_GAZ_LON], "111.6086");
	ck_assert_str_eq(row.text[REG_GAZ_LAT], "23.0428");
	ck_assert_str_eq(row.text[REG_GAZ_CLASS], "行政村");
	ck_assert_str_eq(row.text[REG_GAZ_CLASS_CODE], "21610");
	ck_assert_int_eq(reg_gazetteer_next(g, &row, &e), 1);
	ck_assert_str_eq(row.text[REG_GAZ_NAME], "大湾公园");
	ck_assert_str_eq(row.section_code, "445322111000");
	ck_assert(row.lon > 111.50 && row.lon < 111.52 && row.lat > 23.00 && row.lat < 23.02);
	ck_assert_int_eq(reg_gazetteer_next(g, &row, &e), 0);
	reg_gazetteer_free(g);
	reg_close(&r);
}
END_TEST

static int section_one(const struct reg_gazetteer_section *s, void *arg)
{
	buf_addf(arg, "%s %s %s %ld\n", s->code, s->name, s->class_name, s->count);
	return 0;
}

START_TEST(test_reg_gazetteer_sections_count_by_division_and_class)
{
	struct reg_gazetteer_filter f = { "445322", NULL, 1, "2026-01-01", REG_GAZ_ORDER_ID };
	struct buf b = BUF_INIT;
	struct err e = ERR_INIT;
	struct reg r;

	test_registry(&r);
	history_fixture(&r);
	add_place(&r, "都城镇", "镇", "445322100", "2020-01-01", "POINT(111.52 23.23)");
	ck_assert_int_eq(reg_gazetteer_sections(&r, &f, section_one, &b, &e), 0);
	ck_assert_str_eq(buf_str(&b), "445322100000 都城镇 镇 1\n445322100000 都城镇 行政村 3\n");
	buf_release(&b);
	reg_close(&r);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("export");
	TCase *tc;

	tc = tcase_create("gpkg_blob");
	tcase_add_test(tc, test_geo_gpkg_blob_point_has_no_envelope);
	tcase_add_test(tc, test_geo_gpkg_blob_polygon_has_envelope);
	tcase_add_test(tc, test_geo_gpkg_blob_empty_sets_flag);
	tcase_add_test(tc, test_geo_gpkg_blob_rejects_malformed_wkb);
	suite_add_tcase(s, tc);

	tc = tcase_create("geojson");
	tcase_add_test(tc, test_geo_wkb_geojson_types);
	tcase_add_test(tc, test_geo_wkb_geojson_big_endian_and_z);
	tcase_add_test(tc, test_geo_fmt_double_shortest_round_trip);
	suite_add_tcase(s, tc);

	tc = tcase_create("csv");
	tcase_add_test(tc, test_csv_quotes_only_what_needs_it);
	tcase_add_test(tc, test_csv_round_trips_through_the_reader);
	suite_add_tcase(s, tc);

	tc = tcase_create("gazetteer");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_reg_gazetteer_as_of_gives_the_names_then);
	tcase_add_test(tc, test_reg_gazetteer_as_of_spells_the_old_name);
	tcase_add_test(tc, test_reg_gazetteer_filters_division_and_class);
	tcase_add_test(tc, test_reg_gazetteer_row_has_position_geometry_and_section);
	tcase_add_test(tc, test_reg_gazetteer_sections_count_by_division_and_class);
	suite_add_tcase(s, tc);
	return s;
}
