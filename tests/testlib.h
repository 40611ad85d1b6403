/* testlib.h - helpers shared by the Check suites. */
#ifndef DIMING_TESTLIB_H
#define DIMING_TESTLIB_H

#include <check.h>

#include "registry/reg.h"

/* The suite a check_<module>.c file provides; test_main.c runs it. */
Suite *test_suite(void);

/* A fresh temporary directory for this test (removed at exit). */
const char *test_tmpdir(void);
/* A new path inside test_tmpdir(), e.g. test_path("reg.sqlite"). */
const char *test_path(const char *name);
/* A path under data/ or tests/fixtures/ of the source tree. */
const char *test_data(const char *name);
const char *test_fixture(const char *name);
/* Write text to a new file in the temp dir; returns its path. */
const char *test_write_file(const char *name, const char *text, size_t n);

/* Create a new registry in the temp dir and open it into r (asserts). */
void test_registry(struct reg *r);

/* Count rows of a SQL query's first column (asserts on error). */
long long test_scalar(struct reg *r, const char *sql);

#endif
