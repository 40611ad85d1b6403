/* buf.h - growable byte buffers (git's strbuf, trimmed).
 *
 * A buf always holds a NUL-terminated string in data[0..len]; data is
 * never NULL after buf_init.  Allocation failure aborts: a registry tool
 * that runs out of memory mid-transaction has nothing better to do, and
 * the transaction is rolled back by SQLite when the process dies.
 */
#ifndef DIMING_BUF_H
#define DIMING_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *data;
	size_t len;
	size_t cap;
};

#define BUF_INIT { NULL, 0, 0 }

void buf_init(struct buf *b);
void buf_release(struct buf *b);          /* frees, back to BUF_INIT */
void buf_clear(struct buf *b);            /* len = 0, keeps memory */
void buf_grow(struct buf *b, size_t extra);
/* Room for n bytes in an empty buffer; a large one (a national file read
 * whole) comes from alloc_huge(). */
void buf_reserve_huge(struct buf *b, size_t n);

/* malloc() for a large block filled at once (tens of MB): it asks for
 * transparent huge pages, so that it faults in 2 MiB at a time instead of
 * 4 KiB, ten times faster to fill here.  free() it; realloc() works. */
void *alloc_huge(size_t n);
void buf_add(struct buf *b, const void *p, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_vaddf(struct buf *b, const char *fmt, va_list ap);
/* Hand the string to the caller (who frees it) and reset b. */
char *buf_detach(struct buf *b);
/* A string that is always valid, "" for an empty buffer. */
const char *buf_str(const struct buf *b);

#endif
