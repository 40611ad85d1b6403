/* check_bench.c - latency of reg_check_name() for proposed names.
 *
 *   check_bench REGISTRY PROPOSALS
 *
 * PROPOSALS has one `name|division` per line (bench/check.sh writes it).
 * Each name is checked once through the library call `diming check name`
 * makes (all rules, scoped duplicate and homophone look-ups), on one open
 * registry: the time of the check itself, without the process start and
 * registry open that bench/check.sh times separately.  Prints p50, p99 and
 * max as wall clock and as the thread's CPU time (the machine is shared).
 * Opens the registry without SpatiaLite, as the light executable does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "registry/reg.h"
#include "registry/reg_division.h"
#include "registry/reg_namecheck.h"

static double ms(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int count_finding(const struct reg_check_finding *f, void *arg)
{
	(void)f;
	(*(long *)arg)++;
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	struct reg r;
	struct err e = ERR_INIT;
	char line[1024];
	double *t = NULL, *c = NULL;
	long n = 0, cap = 0, findings = 0, errors;
	FILE *f;

	if (argc != 3) {
		fprintf(stderr, "usage: check_bench REGISTRY PROPOSALS\n");
		return 2;
	}
	if (!(f = fopen(argv[2], "r"))) {
		perror(argv[2]);
		return 2;
	}
	if (reg_open(&r, argv[1], &e) < 0) {
		fprintf(stderr, "check_bench: %s\n", e.msg);
		return 3;
	}
	while (fgets(line, sizeof(line), f)) {
		char *bar = strchr(line, '|'), code[13];
		struct reg_check_input in;
		double t0, c0;

		if (!bar)
			continue;
		*bar = '\0';
		bar[strcspn(bar + 1, "\r\n") + 1] = '\0';
		if (reg_code_normalize(bar + 1, code, &e) < 0) {
			fprintf(stderr, "check_bench: %s\n", e.msg);
			return 2;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 1024;
			t = realloc(t, (size_t)cap * sizeof(*t));
			c = realloc(c, (size_t)cap * sizeof(*c));
			if (!t || !c)
				return 3;
		}
		memset(&in, 0, sizeof(in));
		in.name = line;
		in.division = code;
		t0 = ms(CLOCK_MONOTONIC);
		c0 = ms(CLOCK_THREAD_CPUTIME_ID);
		if (reg_check_name(&r, &in, count_finding, &findings, &errors, &e) < 0) {
			fprintf(stderr, "check_bench: %s: %s\n", line, e.msg);
			return 3;
		}
		t[n] = ms(CLOCK_MONOTONIC) - t0;
		c[n] = ms(CLOCK_THREAD_CPUTIME_ID) - c0;
		n++;
	}
	fclose(f);
	if (!n)
		return 2;
	qsort(t, (size_t)n, sizeof(*t), cmp_double);
	qsort(c, (size_t)n, sizeof(*c), cmp_double);
	printf("%.3f %.3f %.3f %.3f %.3f %ld %ld\n", t[n / 2], t[(n * 99) / 100], t[n - 1],
	       c[n / 2], c[(n * 99) / 100], n, findings);
	free(t);
	free(c);
	reg_close(&r);
	return 0;
}
