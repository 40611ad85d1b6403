/* search_bench.c - latency of reg_name_search() per --by mode.
 *
 *   search_bench REGISTRY [N]
 *
 * Picks N (default 1000) names spread evenly over the name index, derives
 * one query per mode from each (exact: the name; prefix: its first two
 * characters; contains: two characters from its middle; pinyin: the
 * toneless pinyin of its 专名; initials: the initials of its 专名; fuzzy:
 * the name with its middle character replaced), runs every query once
 * through the library as `diming name search` does (default limit 100,
 * current names) and prints p50, p99 and max per mode.  Like the light
 * executable it opens the registry without SpatiaLite, which search does
 * not use.  Built and run by bench/search.sh; not part of the Makefile.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/utf8.h"
#include "registry/reg.h"
#include "registry/reg_name.h"

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* CPU time of this thread: on a shared, loaded machine it shows what a
 * query costs without the waits for a core. */
static double cpu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int count_hit(const struct reg_search_hit *h, void *arg)
{
	(void)h;
	(*(long *)arg)++;
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Byte offset of character i of s. */
static size_t char_off(const char *s, size_t i)
{
	size_t pos = 0, n = strlen(s), m;
	uint32_t cp;

	while (i-- && pos < n && (m = utf8_decode(s + pos, n - pos, &cp)))
		pos += m;
	return pos;
}

int main(int argc, char **argv)
{
	static const char *const modes[] = { "exact", "prefix", "contains", "pinyin", "initials", "fuzzy" };
	struct reg r;
	struct err e = ERR_INIT;
	struct reg_name_keys k;
	sqlite3_stmt *st;
	char **names;
	double *t, *c;
	long n = argc > 2 ? atol(argv[2]) : 1000, total, i, m, hits;
	int mi;

	if (argc < 2) {
		fprintf(stderr, "usage: search_bench REGISTRY [N]\n");
		return 2;
	}
	if (reg_open(&r, argv[1], &e) < 0) {
		fprintf(stderr, "search_bench: %s\n", e.msg);
		return 3;
	}
	if (reg_begin(&r, &e) < 0 || reg_name_index_sync(&r, NULL, &e) < 0 || reg_commit(&r, &e) < 0) {
		fprintf(stderr, "search_bench: %s\n", e.msg);
		return 3;
	}
	st = reg_prepare(&r, "SELECT count(*) FROM name_index", &e);
	sqlite3_step(st);
	total = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	names = calloc((size_t)n, sizeof(*names));
	t = calloc((size_t)n, sizeof(*t));
	c = calloc((size_t)n, sizeof(*c));
	st = reg_prepare(&r, "SELECT name FROM name_index WHERE id = ?", &e);
	for (i = 0; i < n; i++) {
		/* Evenly spread ids, offset so they are not all first rows. */
		sqlite3_bind_int64(st, 1, 1 + (i * total) / n + (i * 7919) % (total / n + 1));
		if (sqlite3_step(st) == SQLITE_ROW)
			names[i] = strdup((const char *)sqlite3_column_text(st, 0));
		else
			names[i] = strdup("北京");
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	reg_name_keys_init(&k);
	printf("%ld queries per mode over %ld names, limit 100; wall clock, and CPU time of the thread\n",
	       n, total);
	printf("%-9s %9s %9s %9s %11s %11s %12s\n", "mode", "p50 ms", "p99 ms", "max ms",
	       "cpu p50 ms", "cpu p99 ms", "hits/query");
	for (mi = 0; mi < 6; mi++) {
		struct reg_search s = { 0 };

		reg_search_by_parse(modes[mi], &s.by);
		s.limit = 100;
		hits = 0;
		for (i = 0; i < n; i++) {
			const char *name = names[i];
			size_t len = utf8_len(name);
			char q[1024];
			double t0, c0;

			switch (s.by) {
			case REG_SEARCH_PREFIX:
				snprintf(q, sizeof(q), "%.*s", (int)char_off(name, 2), name);
				break;
			case REG_SEARCH_CONTAINS: {
				size_t a = len > 2 ? (len - 2) / 2 : 0;

				snprintf(q, sizeof(q), "%.*s", (int)(char_off(name, a + 2) - char_off(name, a)),
					 name + char_off(name, a));
				break;
			}
			case REG_SEARCH_PINYIN:
			case REG_SEARCH_INITIALS:
				reg_name_keys_compute(name, &k, &e);
				snprintf(q, sizeof(q), "%s", buf_str(&k.core));
				reg_name_keys_compute(q, &k, &e);
				snprintf(q, sizeof(q), "%s",
					 s.by == REG_SEARCH_PINYIN ? buf_str(&k.pkey) : buf_str(&k.pinit));
				if (!q[0])
					snprintf(q, sizeof(q), "bei");
				break;
			case REG_SEARCH_FUZZY: {
				size_t a = len / 2;

				snprintf(q, sizeof(q), "%.*s%s%s", (int)char_off(name, a), name, "某",
					 name + char_off(name, a + 1));
				break;
			}
			default:
				snprintf(q, sizeof(q), "%s", name);
			}
			c0 = cpu_ms();
			t0 = now_ms();
			if (reg_name_search(&r, q, &s, count_hit, &hits, NULL, &e) < 0) {
				fprintf(stderr, "search_bench: %s: '%s': %s\n", modes[mi], q, e.msg);
				return 3;
			}
			t[i] = now_ms() - t0;
			c[i] = cpu_ms() - c0;
		}
		qsort(t, (size_t)n, sizeof(*t), cmp_double);
		qsort(c, (size_t)n, sizeof(*c), cmp_double);
		m = n - 1;
		printf("%-9s %9.3f %9.3f %9.3f %11.3f %11.3f %12.1f\n", modes[mi], t[n / 2],
		       t[(n * 99) / 100], t[m], c[n / 2], c[(n * 99) / 100], (double)hits / (double)n);
	}
	reg_name_keys_release(&k);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(t);
	free(c);
	reg_close(&r);
	return 0;
}
