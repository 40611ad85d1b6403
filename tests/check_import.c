/* check_import.c - the CSV reader and the divisions importer, in process,
 * on the bundled real data and on broken files. */
#include <string.h>

#include "geo/geo.h"
#include "import/imp_csv.h"
#include "import/imp_divisions.h"
#include "registry/reg_division.h"
#include "tests/testlib.h"

static struct imp_opts quiet;

static int csv_of(struct imp_csv *c, const char *text, struct err *e)
{
	struct buf b = BUF_INIT;

	buf_adds(&b, text);
	return imp_csv_open(c, "t.csv", &b, e);
}

START_TEST(test_imp_csv_quotes_crlf_and_lines)
{
	struct imp_csv c;
	struct err e = ERR_INIT;

	ck_assert_int_eq(csv_of(&c, "code,name,note\r\n44,\"广东,省\",\"say \"\"hi\"\"\r\nline2\"\r\n\r\n45,广西,\r\n", &e), 0);
	ck_assert_int_eq(imp_csv_col(&c, "NAME"), 1);
	ck_assert_int_eq(imp_csv_col(&c, "parent_code"), -1);
	ck_assert_int_eq(imp_csv_next(&c, &e), 1);
	ck_assert_int_eq(c.line, 2);
	ck_assert_str_eq(imp_csv_get(&c, 1), "广东,省");
	ck_assert_str_eq(imp_csv_get(&c, 2), "say \"hi\"\r\nline2");
	ck_assert_int_eq(imp_csv_next(&c, &e), 1);
	ck_assert_int_eq(c.line, 5);
	ck_assert_str_eq(imp_csv_get(&c, 0), "45");
	ck_assert_str_eq(imp_csv_get(&c, 2), "");
	ck_assert_str_eq(imp_csv_get(&c, -1), "");
	ck_assert_int_eq(imp_csv_next(&c, &e), 0);
	imp_csv_close(&c);
}
END_TEST

START_TEST(test_imp_csv_errors_name_the_line)
{
	struct imp_csv c;
	struct err e = ERR_INIT;

	ck_assert_int_eq(csv_of(&c, "a,b\n1,2\n3\n", &e), 0);
	ck_assert_int_eq(imp_csv_next(&c, &e), 1);
	ck_assert_int_eq(imp_csv_next(&c, &e), -1);
	ck_assert_str_eq(e.msg, "t.csv:3: expected 2 fields, found 1");
	imp_csv_close(&c);
	ck_assert_int_eq(csv_of(&c, "a,b\n1,\"2\n", &e), 0);
	ck_assert_int_eq(imp_csv_next(&c, &e), -1);
	ck_assert_str_eq(e.msg, "t.csv:2: unterminated quoted field");
	imp_csv_close(&c);
	ck_assert_int_eq(csv_of(&c, "a,b\n1,x\"y\n", &e), 0);
	ck_assert_int_eq(imp_csv_next(&c, &e), -1);
	ck_assert_str_eq(e.msg, "t.csv:2: quote inside an unquoted field");
	imp_csv_close(&c);
	ck_assert_int_eq(csv_of(&c, "", &e), -1);
	ck_assert_str_eq(e.msg, "t.csv: empty file, expected a header row");
	imp_csv_close(&c);
}
END_TEST

START_TEST(test_imp_divisions_real_data)
{
	struct reg r;
	struct err e = ERR_INIT;
	struct geo_ctx *g = geo_ctx_new(&e);
	struct imp_divisions_result res;
	struct reg_division d;

	ck_assert_ptr_nonnull(g);
	test_registry(&r);
	ck_assert_int_eq(reg_begin(&r, &e), 0);
	ck_assert_msg(imp_divisions(&r, g, test_data("divisions-yunfu-jiangmen.csv"), &quiet, &res, &e) == 0,
		      "%s", e.msg);
	ck_assert_int_eq(res.inserted, 2496);
	ck_assert_msg(imp_divisions(&r, g, test_data("counties-jiangmen.geojson"), &quiet, &res, &e) == 0,
		      "%s", e.msg);
	ck_assert_int_eq(res.geometries, 7);
	ck_assert_int_eq(res.repaired, 5);  /* 江海区 and 恩平市 are valid */
	ck_assert_int_eq(reg_commit(&r, &e), 0);
	ck_assert_int_eq(reg_division_get(&r, "440783", &d, &e), 1);
	ck_assert_str_eq(d.name, "开平市");
	ck_assert(d.has_geometry);
	/* The official area of 开平市 is 1,659 km²; the quantised polygon
	 * gives about 1,656. */
	ck_assert_msg(d.area_km2 > 1640 && d.area_km2 < 1670, "area %f", d.area_km2);
	ck_assert_int_eq(test_scalar(&r, "SELECT count(*) FROM division WHERE parent_code='440783000000'"), 16);
	ck_assert_int_eq(test_scalar(&r, "SELECT ST_IsValid(geom) FROM division WHERE code='440783000000'"), 1);
	ck_assert_int_eq(test_scalar(&r, "SELECT ST_NumGeometries(geom) >= 41 FROM division WHERE code='440781000000'"), 1);
	geo_ctx_free(g);
	reg_close(&r);
}
END_TEST

START_TEST(test_imp_divisions_strict_refuses_invalid_polygon)
{
	struct reg r;
	struct err e = ERR_INIT;
	struct geo_ctx *g = geo_ctx_new(&e);
	struct imp_divisions_result res;
	struct imp_opts strict = { 0 };

	strict.strict = 1;
	test_registry(&r);
	ck_assert_int_eq(reg_begin(&r, &e), 0);
	ck_assert_int_eq(imp_divisions(&r, g, test_data("divisions-yunfu-jiangmen.csv"), &quiet, &res, &e), 0);
	ck_assert_int_eq(imp_divisions(&r, g, test_data("counties-yunfu.geojson"), &strict, &res, &e), -1);
	ck_assert_int_eq(e.code, ERR_INPUT);
	ck_assert(strstr(e.msg, "feature 1 (id 445302): field 'geometry': invalid polygon: Ring Self-intersection") != NULL);
	reg_rollback(&r);
	geo_ctx_free(g);
	reg_close(&r);
}
END_TEST

START_TEST(test_imp_divisions_gb18030)
{
	struct reg r;
	struct err e = ERR_INIT;
	struct geo_ctx *g = geo_ctx_new(&e);
	struct imp_divisions_result res;
	struct imp_opts gb = { 0 };

	gb.encoding = "gb18030";
	test_registry(&r);
	ck_assert_int_eq(reg_begin(&r, &e), 0);
	ck_assert_int_eq(imp_divisions(&r, g, test_data("divisions-yunfu-jiangmen.csv"), &quiet, &res, &e), 0);
	ck_assert_int_eq(imp_divisions(&r, g, test_fixture("divisions-yunan-gb18030.csv"), &quiet, &res, &e), -1);
	ck_assert(strstr(e.msg, ":2: invalid UTF-8") != NULL);
	ck_assert_int_eq(imp_divisions(&r, g, test_fixture("divisions-yunan-gb18030.csv"), &gb, &res, &e), 0);
	ck_assert_int_eq(res.unchanged, 20);
	reg_rollback(&r);
	geo_ctx_free(g);
	reg_close(&r);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("import");
	TCase *tc = tcase_create("csv");

	tcase_add_test(tc, test_imp_csv_quotes_crlf_and_lines);
	tcase_add_test(tc, test_imp_csv_errors_name_the_line);
	suite_add_tcase(s, tc);
	tc = tcase_create("divisions");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_imp_divisions_real_data);
	tcase_add_test(tc, test_imp_divisions_strict_refuses_invalid_polygon);
	tcase_add_test(tc, test_imp_divisions_gb18030);
	suite_add_tcase(s, tc);
	return s;
}
