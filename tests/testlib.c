/* testlib.c - temp files, fixtures and registries for the Check suites. */
#define _XOPEN_SOURCE 700 /* nftw */
#include "tests/testlib.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char tmpdir[256];
static char paths[16][512];
static int next_path;

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(p);
}

static void cleanup(void)
{
	if (tmpdir[0] && !getenv("DIMING_TEST_KEEP"))
		nftw(tmpdir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

const char *test_tmpdir(void)
{
	if (!tmpdir[0]) {
		const char *base = getenv("TMPDIR");

		snprintf(tmpdir, sizeof(tmpdir), "%s/diming-test-XXXXXX", base ? base : "/tmp");
		ck_assert_ptr_nonnull(mkdtemp(tmpdir));
		atexit(cleanup);
	}
	return tmpdir;
}

const char *test_path(const char *name)
{
	char *p = paths[next_path++ % 16];

	snprintf(p, 512, "%s/%s", test_tmpdir(), name);
	return p;
}

static const char *under(const char *env, const char *fallback, const char *name)
{
	char *p = paths[next_path++ % 16];
	const char *dir = getenv(env);

	snprintf(p, 512, "%s/%s", dir ? dir : fallback, name);
	return p;
}

const char *test_data(const char *name)
{
	return under("DIMING_TEST_DATA", "data", name);
}

const char *test_fixture(const char *name)
{
	return under("DIMING_TEST_FIXTURES", "tests/fixtures", name);
}

const char *test_write_file(const char *name, const char *text, size_t n)
{
	const char *p = test_path(name);
	FILE *f = fopen(p, "wb");

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(text, 1, n, f), n);
	fclose(f);
	return p;
}

void test_registry(struct reg *r)
{
	struct err e = ERR_INIT;
	static int n;
	char name[64];

	snprintf(name, sizeof(name), "reg%d-%d.sqlite", (int)getpid(), n++);
	if (reg_create(r, test_path(name), &e) < 0)
		ck_abort_msg("reg_create: %s", e.msg);
	reg_set_actor(r, "tester");
	reg_set_command(r, "test");
}

long long test_scalar(struct reg *r, const char *sql)
{
	sqlite3_stmt *st = NULL;
	long long v;

	ck_assert_int_eq(sqlite3_prepare_v2(r->db, sql, -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}
