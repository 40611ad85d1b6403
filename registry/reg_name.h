/* reg_name.h - the name index: every name a search or a check can meet.
 *
 * One row per searchable name: the standard name of each place, its other
 * names (别名, 简称, 曾用名) and the name of each administrative division
 * (division names count as place names for every search and check).  Each
 * row carries its search keys: the toneless pinyin and initials from the
 * romanizer (reg_pinyin.h), the 专名 that the duplicate rules compare and
 * its pinyin, and the hashes of its one-character deletions for one-edit
 * (fuzzy) search.  Every search mode is an index look-up.
 *
 * Places keep their rows current through reg_place.c.  Division rows are
 * marked stale by triggers on the division table (a bulk import pays only
 * for noting the id) and computed by reg_name_index_sync(), which every
 * command that reads the index calls first.
 */
#ifndef DIMING_REG_NAME_H
#define DIMING_REG_NAME_H

#include <stddef.h>

#include "common/buf.h"
#include "common/err.h"
#include "registry/reg.h"

/* The keys of one name.  Caller-owned: _init, then _release. */
struct reg_name_keys {
	struct buf zhuanming;    /* the romanizer's split of the name */
	struct buf tongming;
	struct buf core;         /* what the duplicate rules compare (see below) */
	struct buf pkey;         /* toneless pinyin of the name: "kaipingshi" */
	struct buf pinit;        /* initials: "kps" */
	struct buf ckey;         /* toneless pinyin of core by syllable: "yu-nan" */
	size_t nchar;            /* characters in the name */
};

void reg_name_keys_init(struct reg_name_keys *k);
void reg_name_keys_release(struct reg_name_keys *k);

/* Compute the keys of name.  core is the 专名 when the name splits into
 * 专名 + 通名 and the 专名 has at least two characters, else the whole
 * name: 东村村 and 东村 both give 东村, 银盆村民委员会 and 银盆村 give 银盆.
 * A name the romanizer cannot split is its own core.  Returns 0, or -1
 * with ERR_INPUT for invalid UTF-8. */
int reg_name_keys_compute(const char *name, struct reg_name_keys *k, struct err *e);

/* Kinds of index rows. */
enum {
	REG_NAME_PLACE = 'p',    /* a place's standard name */
	REG_NAME_OTHER = 'o',    /* one of its other names */
	REG_NAME_DIVISION = 'd'  /* a division */
};

struct reg_name_entry {
	char src;                /* REG_NAME_* */
	long long ref;           /* place.id, place_name.id or division.id */
	long long place_id;      /* 0 for a division */
	const char *name;
	const char *kind;        /* other names: 别名, 简称, 曾用名 */
	const char *class_code;
	const char *division_code;   /* normalised, 12 digits */
	int current;             /* the place (division) is current */
};

/* Insert or replace the row of (src, ref). */
int reg_name_index_put(struct reg *r, const struct reg_name_entry *en, struct err *e);

/* Mark every row of a place current or not (cancellation). */
int reg_name_index_set_current(struct reg *r, long long place_id, int current,
			       struct err *e);

/* 1 when division rows wait for their keys, 0 when none, -1 on error. */
int reg_name_index_pending(struct reg *r, struct err *e);

/* Compute the rows of every division noted as stale; *n (may be NULL) gets
 * how many.  A large batch drops and rebuilds the index's indexes, which is
 * faster than updating them row by row.  Runs inside the caller's write
 * transaction. */
int reg_name_index_sync(struct reg *r, long *n, struct err *e);

/* A batch of puts inside the caller's transaction (an import of many
 * places): until reg_name_batch_end() every reg_name_index_put() goes
 * through it, and the one-edit hashes and character pairs are collected
 * and written at the end in key order.  With expected (rows the caller
 * will put) large against the index, the search indexes are dropped now
 * and rebuilt at the end.  On error reg_name_batch_abort() frees the batch
 * and the caller rolls back (which restores dropped indexes). */
int reg_name_batch_begin(struct reg *r, long expected, struct err *e);
int reg_name_batch_end(struct reg *r, struct err *e);
void reg_name_batch_abort(struct reg *r);

/* Mark every division stale (a full rebuild of the division rows). */
int reg_name_index_mark_all(struct reg *r, struct err *e);

/* For a load of many divisions inside the caller's transaction: stop
 * noting each new division as it is inserted (a trigger, one more row
 * written per division); *saved gets what resume needs (free it).
 * Resume puts the trigger back and marks every division stale at once. */
int reg_name_pending_suspend(struct reg *r, char **saved, struct err *e);
int reg_name_pending_resume(struct reg *r, const char *saved, struct err *e);

/* ---- search ---- */

enum reg_search_by {
	REG_SEARCH_EXACT,
	REG_SEARCH_PREFIX,
	REG_SEARCH_CONTAINS,
	REG_SEARCH_PINYIN,
	REG_SEARCH_INITIALS,
	REG_SEARCH_FUZZY
};

/* "exact", "prefix", … and back; parse returns -1 for an unknown word. */
const char *reg_search_by_name(enum reg_search_by by);
int reg_search_by_parse(const char *s, enum reg_search_by *by);

struct reg_search {
	enum reg_search_by by;
	const char *division;        /* normalised code: only names within it, or NULL */
	const char *class_prefix;    /* reg_class_prefix(): that class and its subclasses, or NULL */
	int include_historical;      /* also historical places */
	long limit;                  /* at most this many hits; 0 for all */
};

struct reg_search_hit {
	long long place_id;          /* 0 for a division */
	const char *name;            /* the standard name now */
	const char *romanization;    /* "" when it cannot be made */
	const char *class_code;
	const char *class_name;
	const char *division_code;   /* normalised */
	int current;
	const char *matched_name;    /* the name that matched */
	const char *matched_as;      /* standard, former or alternate */
};

/* Search the index.  Hits come best first: for exact, prefix, pinyin and
 * initials in key order (the shortest key first), for contains in name
 * order, for fuzzy exact matches first, then by name.  The query for
 * pinyin and initials is lowercased and stripped of spaces, apostrophes
 * and tone marks.  *more (may be NULL) is set when the limit cut the list.
 * The hit is valid during the call; fn returns non-zero to stop. */
int reg_name_search(struct reg *r, const char *query, const struct reg_search *s,
		    int (*fn)(const struct reg_search_hit *, void *), void *arg, int *more,
		    struct err *e);

/* The Levenshtein distance between two UTF-8 strings when it is at most 1,
 * else 2 (by code points). */
int reg_name_distance1(const char *a, const char *b);

#endif
