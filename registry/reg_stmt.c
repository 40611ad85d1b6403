/* reg_stmt.c - prepared statements kept for the life of a connection.
 *
 * An import runs the same dozen statements once or more per row; preparing
 * each again (parsing and planning the SQL) costs more than running it.
 * The cache is keyed by the address of the SQL text, which therefore must
 * have static storage: the `static const char sql_x[]` of each module.
 */
#include <stdint.h>
#include <stdlib.h>

#include "common/i18n.h"
#include "registry/reg.h"

#define SLOTS 64      /* a power of two; more statements than this are prepared anew */

struct reg_stmt_cache {
	const char *sql[SLOTS];
	sqlite3_stmt *st[SLOTS];
};

sqlite3_stmt *reg_stmt(struct reg *r, const char *sql, struct err *e)
{
	struct reg_stmt_cache *c = r->stmts;
	size_t h, i;

	if (!c) {
		if (!(c = r->stmts = calloc(1, sizeof(*c)))) {
			err_set(e, ERR_NOMEM, _("out of memory"));
			return NULL;
		}
	}
	h = (size_t)((uintptr_t)sql >> 3) * 0x9E3779B97F4A7C15ULL >> 7;
	for (i = 0; i < SLOTS; i++) {
		size_t k = (h + i) & (SLOTS - 1);

		if (c->sql[k] == sql) {
			sqlite3_reset(c->st[k]);
			sqlite3_clear_bindings(c->st[k]);
			return c->st[k];
		}
		if (!c->sql[k]) {
			if (!(c->st[k] = reg_prepare(r, sql, e)))
				return NULL;
			c->sql[k] = sql;
			return c->st[k];
		}
	}
	err_set(e, ERR_DB, _("too many cached statements"));
	return NULL;
}

void reg_stmt_cache_free(struct reg *r)
{
	struct reg_stmt_cache *c = r->stmts;
	size_t k;

	if (!c)
		return;
	for (k = 0; k < SLOTS; k++)
		sqlite3_finalize(c->st[k]);
	free(c);
	r->stmts = NULL;
}
