/* check_common.c - errors, buffers, UTF-8, the clock. */
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "common/clock.h"
#include "common/err.h"
#include "common/utf8.h"
#include "tests/testlib.h"

START_TEST(test_err_set_and_prefix)
{
	struct err e = ERR_INIT;

	ck_assert_int_eq(err_set(&e, ERR_INPUT, "field '%s': empty", "name"), -1);
	ck_assert_int_eq(e.code, ERR_INPUT);
	err_prefix(&e, "%s:%d: ", "a.csv", 3);
	ck_assert_str_eq(e.msg, "a.csv:3: field 'name': empty");
	ck_assert_int_eq(err_exit_status(ERR_INPUT), 2);
	ck_assert_int_eq(err_exit_status(ERR_CONFLICT), 1);
	ck_assert_int_eq(err_exit_status(ERR_DB), 3);
	ck_assert_int_eq(err_set(NULL, ERR_DB, "x"), -1);
}
END_TEST

START_TEST(test_buf_grows_and_detaches)
{
	struct buf b = BUF_INIT;
	char *s;
	int i;

	ck_assert_str_eq(buf_str(&b), "");
	for (i = 0; i < 1000; i++)
		buf_addf(&b, "%d,", i);
	ck_assert_uint_eq(b.len, strlen(b.data));
	ck_assert(!strncmp(b.data, "0,1,2,", 6));
	buf_clear(&b);
	buf_adds(&b, "郁南");
	buf_addc(&b, '!');
	s = buf_detach(&b);
	ck_assert_str_eq(s, "郁南!");
	ck_assert_ptr_null(b.data);
	free(s);
}
END_TEST

START_TEST(test_buf_reserve_huge_then_grows)
{
	struct buf b = BUF_INIT;
	size_t n = (size_t)6 << 20, i;
	unsigned char *p;

	/* Large: its own aligned block; filled, then grown past it by realloc. */
	buf_reserve_huge(&b, n);
	ck_assert_uint_ge(b.cap, n + 1);
	ck_assert_uint_eq(b.len, 0);
	ck_assert_str_eq(buf_str(&b), "");
	for (i = 0; i < n; i++)
		buf_addc(&b, (char)('a' + i % 26));
	buf_adds(&b, "tail");
	ck_assert_uint_eq(b.len, n + 4);
	ck_assert_int_eq(b.data[n - 1], 'a' + (n - 1) % 26);
	ck_assert_str_eq(b.data + n, "tail");
	buf_release(&b);
	/* Small: an ordinary buffer. */
	buf_reserve_huge(&b, 10);
	buf_adds(&b, "郁南县");
	ck_assert_str_eq(buf_str(&b), "郁南县");
	buf_release(&b);
	p = alloc_huge(n);
	ck_assert_ptr_nonnull(p);
	p[0] = 1;
	p[n - 1] = 2;
	p = realloc(p, 2 * n);
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(p[0] + p[n - 1], 3);
	free(p);
}
END_TEST

START_TEST(test_utf8_decode_rejects_bad_sequences)
{
	uint32_t cp;

	ck_assert_uint_eq(utf8_decode("郁", 3, &cp), 3);
	ck_assert_uint_eq(cp, 0x90C1);
	ck_assert(utf8_is_han(cp));
	ck_assert_uint_eq(utf8_decode("\xC0\x80", 2, &cp), 0);      /* overlong */
	ck_assert_uint_eq(utf8_decode("\xED\xA0\x80", 3, &cp), 0);  /* surrogate */
	ck_assert_uint_eq(utf8_decode("\xE9\x83", 2, &cp), 0);      /* truncated */
	ck_assert_uint_eq(utf8_invalid_at("ab\xD3\xF4", 4), 2);      /* GB18030 bytes */
	ck_assert_uint_eq(utf8_invalid_at("郁南县", strlen("郁南县")), (size_t)-1);
	ck_assert_uint_eq(utf8_len("郁南县ab"), 5);
}
END_TEST

START_TEST(test_utf8_from_gb18030)
{
	struct buf out = BUF_INIT;
	struct err e = ERR_INIT;

	/* 郁南 in GB18030 is D3 F4 C4 CF. */
	ck_assert_int_eq(utf8_from_encoding("GB18030", "\xD3\xF4\xC4\xCF", 4, &out, &e), 0);
	ck_assert_str_eq(buf_str(&out), "郁南");
	buf_release(&out);
	ck_assert_int_eq(utf8_from_encoding("GB18030", "ab\x81", 3, &out, &e), -1);
	ck_assert_int_eq(e.code, ERR_INPUT);
	ck_assert_str_eq(e.msg, "byte 2: not valid GB18030 text");
	buf_release(&out);
}
END_TEST

START_TEST(test_clock_dates_and_override)
{
	struct err e = ERR_INIT;
	char out[20], day[11];
	long d;

	ck_assert_int_eq(clock_parse_date("2024-02-29", &d, &e), 0);
	clock_format_date(d + 15, day);
	ck_assert_str_eq(day, "2024-03-15");
	ck_assert_int_eq(clock_parse_date("2023-02-29", &d, &e), -1);
	ck_assert_str_eq(e.msg, "not a date (YYYY-MM-DD): '2023-02-29'");
	ck_assert_int_eq(clock_parse_date("2023-1-5", &d, &e), -1);
	setenv("DIMING_NOW", "2026-01-31", 1);
	ck_assert_int_eq(clock_now(out, &e), 0);
	ck_assert_str_eq(out, "2026-01-31T00:00:00");
	setenv("DIMING_NOW", "2026-01-31T08:30:05", 1);
	ck_assert_int_eq(clock_today(day, &e), 0);
	ck_assert_str_eq(day, "2026-01-31");
	setenv("DIMING_NOW", "yesterday", 1);
	ck_assert_int_eq(clock_now(out, &e), -1);
	ck_assert_int_eq(e.code, ERR_USAGE);
	unsetenv("DIMING_NOW");
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("common");
	TCase *tc = tcase_create("err");

	tcase_add_test(tc, test_err_set_and_prefix);
	suite_add_tcase(s, tc);
	tc = tcase_create("buf");
	tcase_add_test(tc, test_buf_grows_and_detaches);
	tcase_add_test(tc, test_buf_reserve_huge_then_grows);
	suite_add_tcase(s, tc);
	tc = tcase_create("utf8");
	tcase_add_test(tc, test_utf8_decode_rejects_bad_sequences);
	tcase_add_test(tc, test_utf8_from_gb18030);
	suite_add_tcase(s, tc);
	tc = tcase_create("clock");
	tcase_add_test(tc, test_clock_dates_and_override);
	suite_add_tcase(s, tc);
	return s;
}
