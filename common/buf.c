/* buf.c - growable byte buffers. */
#include "common/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

static char empty_str[1];

void buf_init(struct buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

void buf_release(struct buf *b)
{
	free(b->data);
	buf_init(b);
}

void buf_clear(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void buf_grow(struct buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	char *p;

	if (need <= b->cap)
		return;
	if (b->cap * 2 > need)
		need = b->cap * 2;
	if (need < 64)
		need = 64;
	p = realloc(b->data, need);
	if (!p)
		abort();
	b->data = p;
	b->cap = need;
}

void buf_add(struct buf *b, const void *p, size_t n)
{
	buf_grow(b, n);
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_addc(struct buf *b, char c)
{
	buf_grow(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return;
	buf_grow(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(b, fmt, ap);
	va_end(ap);
}

char *buf_detach(struct buf *b)
{
	char *s = b->data;

	if (!s) {
		s = malloc(1);
		if (!s)
			abort();
		s[0] = '\0';
	}
	buf_init(b);
	return s;
}

const char *buf_str(const struct buf *b)
{
	return b->data ? b->data : empty_str;
}

/* Below this an allocation is an ordinary one. */
#define HUGE_MIN ((size_t)4 << 20)
#define HUGE_PAGE ((size_t)2 << 20)

void *alloc_huge(size_t n)
{
	void *p;

	if (n < HUGE_MIN)
		return malloc(n ? n : 1);
	if (posix_memalign(&p, HUGE_PAGE, n) != 0)
		return NULL;
	/* Advice only: without transparent huge pages it changes nothing. */
	madvise(p, n, MADV_HUGEPAGE);
	return p;
}

void buf_reserve_huge(struct buf *b, size_t n)
{
	char *p;

	if (b->data || n < HUGE_MIN || !(p = alloc_huge(n + 1))) {
		buf_grow(b, n);
		return;
	}
	b->data = p;
	b->data[0] = '\0';
	b->len = 0;
	b->cap = n + 1;
}
