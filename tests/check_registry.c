/* check_registry.c - the registry file: create, open, migrate, audit chain,
 * division codes and rows. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "registry/reg.h"
#include "registry/reg_division.h"
#include "registry/reg_schema.h"
#include "tests/testlib.h"

START_TEST(test_reg_create_refuses_existing_file)
{
	struct reg r, r2;
	struct err e = ERR_INIT;
	const char *p = test_path("exists.sqlite");

	ck_assert_int_eq(reg_create(&r, p, &e), 0);
	reg_close(&r);
	ck_assert_int_eq(reg_create(&r2, p, &e), -1);
	ck_assert_int_eq(e.code, ERR_USAGE);
	ck_assert(strstr(e.msg, "already exists") != NULL);
}
END_TEST

START_TEST(test_reg_create_has_srids_wal_and_version)
{
	struct reg r;

	test_registry(&r);
	ck_assert_int_eq(test_scalar(&r, "PRAGMA user_version"), reg_schema_version());
	ck_assert_int_eq(test_scalar(&r, "SELECT count(*) FROM spatial_ref_sys WHERE srid BETWEEN 4490 AND 4554"), 65);
	ck_assert_int_eq(test_scalar(&r, "SELECT count(*) FROM spatial_ref_sys WHERE srid = 4326"), 1);
	ck_assert_int_eq(test_scalar(&r, "PRAGMA foreign_keys"), 1);
	reg_close(&r);
}
END_TEST

START_TEST(test_reg_open_missing_and_foreign_files)
{
	struct reg r;
	struct err e = ERR_INIT;
	const char *p = test_write_file("junk.sqlite", "not a database at all, just text....", 36);

	ck_assert_int_eq(reg_open(&r, test_path("nope.sqlite"), &e), -1);
	ck_assert_int_eq(e.code, ERR_USAGE);
	ck_assert(strstr(e.msg, "no registry at") != NULL);
	ck_assert_int_eq(reg_open(&r, p, &e), -1);
	ck_assert_int_eq(e.code, ERR_DB);
}
END_TEST

START_TEST(test_reg_open_migrates_forward)
{
	struct reg r;
	struct err e = ERR_INIT;
	const char *p = test_path("old.sqlite");

	ck_assert_int_eq(reg_create(&r, p, &e), 0);
	/* Pretend the file is older: the next open must re-apply nothing
	 * twice and end at the current version. */
	ck_assert_int_eq(reg_exec(&r, "PRAGMA user_version=0", &e), 0);
	reg_close(&r);
	/* Migration 1 cannot run twice (tables exist), so this proves the
	 * version is what gates migrations. */
	ck_assert_int_eq(reg_open(&r, p, &e), -1);
	ck_assert(strstr(e.msg, "migration 1") != NULL);
	ck_assert_int_eq(reg_create(&r, test_path("new.sqlite"), &e), 0);
	reg_close(&r);
	ck_assert_int_eq(reg_open(&r, test_path("new.sqlite"), &e), 0);
	ck_assert_int_eq(test_scalar(&r, "PRAGMA user_version"), reg_schema_version());
	ck_assert_int_eq(reg_exec(&r, "PRAGMA user_version=9999", &e), 0);
	reg_close(&r);
	ck_assert_int_eq(reg_open(&r, test_path("new.sqlite"), &e), -1);
	ck_assert(strstr(e.msg, "is newer than this diming") != NULL);
}
END_TEST

START_TEST(test_reg_open_without_spatialite_runs_plain_sql_only)
{
	struct reg r;
	struct reg_division d;
	struct err e = ERR_INIT;
	const char *p = test_path("plain.sqlite");
	char sql[64];

	ck_assert_int_eq(reg_create(&r, p, &e), 0);
	ck_assert_ptr_nonnull(r.spatial);
	ck_assert_int_eq(reg_exec(&r, "INSERT INTO division(code, name, level)"
				  " VALUES('440000000000', '广东省', 'province')", &e), 0);
	reg_close(&r);

	/* The light executable: no hooks. */
	reg_spatial_hooks_set(NULL);
	ck_assert_int_eq(reg_open(&r, p, &e), 0);
	ck_assert_ptr_null(r.spatial);
	ck_assert_int_eq(test_scalar(&r, "SELECT count(*) FROM division"), 1);
	ck_assert_int_eq(reg_division_lookup(&r, "44", &d, &e), 1);
	ck_assert_str_eq(d.name, "广东省");
	ck_assert_int_eq(reg_division_get(&r, "44", &d, &e), -1);
	ck_assert_int_eq(e.code, ERR_DB);
	ck_assert(strstr(e.msg, "no such function: ST_Area") != NULL);
	/* A migration would run SpatiaLite SQL: refused, nothing changed. */
	snprintf(sql, sizeof(sql), "PRAGMA user_version=%d", reg_schema_version() - 1);
	ck_assert_int_eq(reg_exec(&r, sql, &e), 0);
	reg_close(&r);
	err_clear(&e);
	ck_assert_int_eq(reg_open(&r, p, &e), -1);
	ck_assert_int_eq(e.code, ERR_SPATIAL);
	ck_assert(strstr(e.msg, "needs migrating") != NULL);
	ck_assert_int_eq(reg_create(&r, test_path("new.sqlite"), &e), -1);
	ck_assert_int_eq(e.code, ERR_SPATIAL);
	ck_assert_int_eq(access(test_path("new.sqlite"), F_OK), -1);

	reg_spatial_enable();
}
END_TEST

START_TEST(test_reg_audit_chain_detects_edits)
{
	struct reg r;
	struct err e = ERR_INIT;
	long long bad, n;

	test_registry(&r);
	ck_assert_int_eq(reg_begin(&r, &e), 0);
	ck_assert_int_eq(reg_audit_append(&r, "one", &e), 0);
	ck_assert_int_eq(reg_audit_append(&r, "two", &e), 0);
	ck_assert_int_eq(reg_audit_append(&r, "three", &e), 0);
	ck_assert_int_eq(reg_commit(&r, &e), 0);
	ck_assert_int_eq(reg_audit_verify(&r, &bad, &n, &e), 0);
	ck_assert_int_eq(n, 3);
	/* The triggers refuse edits through SQL. */
	ck_assert_int_eq(reg_exec(&r, "UPDATE audit SET summary='x' WHERE id=2", &e), -1);
	ck_assert(strstr(e.msg, "append-only") != NULL);
	/* Someone who drops the trigger is caught by the chain. */
	ck_assert_int_eq(reg_exec(&r, "DROP TRIGGER audit_no_update;"
				  "UPDATE audit SET summary='two!' WHERE id=2", &e), 0);
	ck_assert_int_eq(reg_audit_verify(&r, &bad, &n, &e), 1);
	ck_assert_int_eq(bad, 2);
	ck_assert_str_eq(e.msg, "audit entry 2: contents do not match its hash: the entry was edited");
	ck_assert_int_eq(reg_exec(&r, "UPDATE audit SET summary='two' WHERE id=2;"
				  "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id=2", &e), 0);
	ck_assert_int_eq(reg_audit_verify(&r, &bad, &n, &e), 1);
	ck_assert_int_eq(bad, 2);
	reg_close(&r);
}
END_TEST

START_TEST(test_reg_code_normalize_forms)
{
	char c[13], d[13];
	struct err e = ERR_INIT;

	ck_assert_int_eq(reg_code_normalize("44", c, &e), 0);
	ck_assert_str_eq(c, "440000000000");
	ck_assert_int_eq(reg_code_level(c), REG_LEVEL_PROVINCE);
	reg_code_display(c, d);
	ck_assert_str_eq(d, "440000");
	ck_assert_int_eq(reg_code_normalize("445322", c, &e), 0);
	ck_assert_int_eq(reg_code_level(c), REG_LEVEL_COUNTY);
	reg_code_parent(c, d);
	ck_assert_str_eq(d, "445300000000");
	ck_assert_int_eq(reg_code_normalize("445322100201", c, &e), 0);
	ck_assert_int_eq(reg_code_level(c), REG_LEVEL_VILLAGE);
	reg_code_parent(c, d);
	ck_assert_str_eq(d, "445322100000");
	reg_code_display(d, c);
	ck_assert_str_eq(c, "445322100");
	ck_assert_int_eq(reg_code_normalize("4453221", c, &e), -1);
	ck_assert_str_eq(e.msg, "not a division code (2, 4, 6, 9 or 12 digits): '4453221'");
	ck_assert_int_eq(reg_code_normalize("44a322", c, &e), -1);
	ck_assert_int_eq(reg_code_normalize("00", c, &e), -1);
	ck_assert_int_eq(reg_level_parse("县级"), REG_LEVEL_COUNTY);
	ck_assert_int_eq(reg_level_parse("town"), REG_LEVEL_TOWN);
	ck_assert_int_eq(reg_level_parse("hamlet"), REG_LEVEL_NONE);
}
END_TEST

START_TEST(test_reg_division_put_conflict_and_update)
{
	struct reg r;
	struct err e = ERR_INIT;
	struct reg_division_writer *w;
	struct reg_division d, got;
	enum reg_put_outcome out;
	char old[REG_MAX_NAME];

	test_registry(&r);
	ck_assert_int_eq(reg_begin(&r, &e), 0);
	w = reg_division_writer_new(&r, &e);
	ck_assert_ptr_nonnull(w);
	memset(&d, 0, sizeof(d));
	reg_code_normalize("44", d.code, &e);
	strcpy(d.name, "广东省");
	d.level = REG_LEVEL_PROVINCE;
	ck_assert_int_eq(reg_division_put(w, &d, 0, &out, old, &e), 0);
	ck_assert_int_eq(out, REG_PUT_INSERTED);
	ck_assert_int_eq(reg_division_put(w, &d, 0, &out, old, &e), 0);
	ck_assert_int_eq(out, REG_PUT_UNCHANGED);
	strcpy(d.name, "广东");
	ck_assert_int_eq(reg_division_put(w, &d, 0, &out, old, &e), 0);
	ck_assert_int_eq(out, REG_PUT_CONFLICT);
	ck_assert_str_eq(old, "广东省");
	ck_assert_int_eq(reg_division_put(w, &d, 1, &out, old, &e), 0);
	ck_assert_int_eq(out, REG_PUT_UPDATED);
	reg_division_writer_free(w);
	ck_assert_int_eq(reg_commit(&r, &e), 0);
	ck_assert_int_eq(reg_division_get(&r, "440000", &got, &e), 1);
	ck_assert_str_eq(got.name, "广东");
	ck_assert(isnan(got.area_km2));
	ck_assert_int_eq(reg_division_get(&r, "45", &got, &e), 0);
	memset(&got, 0, sizeof(got));
	ck_assert_int_eq(reg_division_lookup(&r, "44", &got, &e), 1);
	ck_assert_str_eq(got.name, "广东");
	ck_assert_int_eq(got.level, REG_LEVEL_PROVINCE);
	ck_assert(isnan(got.area_km2));
	ck_assert_int_eq(reg_division_lookup(&r, "45", &got, &e), 0);
	reg_close(&r);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("registry");
	TCase *tc = tcase_create("file");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_reg_create_refuses_existing_file);
	tcase_add_test(tc, test_reg_create_has_srids_wal_and_version);
	tcase_add_test(tc, test_reg_open_missing_and_foreign_files);
	tcase_add_test(tc, test_reg_open_migrates_forward);
	tcase_add_test(tc, test_reg_open_without_spatialite_runs_plain_sql_only);
	suite_add_tcase(s, tc);
	tc = tcase_create("audit");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_reg_audit_chain_detects_edits);
	suite_add_tcase(s, tc);
	tc = tcase_create("division");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_reg_code_normalize_forms);
	tcase_add_test(tc, test_reg_division_put_conflict_and_update);
	suite_add_tcase(s, tc);
	return s;
}
