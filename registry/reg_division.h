/* reg_division.h - administrative divisions (行政区划).
 *
 * Codes: GB/T 2260 6-digit codes and NBS 12-digit statistical codes; any
 * 2/4/6/9/12-digit prefix form is accepted and normalised to 12 digits for
 * storage.  Shown as 6 digits for province/city/county (GB/T 2260: 440000,
 * 445300, 445322), 9 for towns and 12 for villages.
 */
#ifndef DIMING_REG_DIVISION_H
#define DIMING_REG_DIVISION_H

#include <stddef.h>

#include "common/err.h"
#include "registry/reg.h"

enum reg_level {
	REG_LEVEL_NONE = 0,
	REG_LEVEL_PROVINCE,
	REG_LEVEL_CITY,
	REG_LEVEL_COUNTY,
	REG_LEVEL_TOWN,
	REG_LEVEL_VILLAGE
};

#define REG_CODE_LEN 12
#define REG_MAX_NAME 256

/* "province", "city", ... or NULL for REG_LEVEL_NONE. */
const char *reg_level_name(enum reg_level l);
/* The Chinese term: 省级, 地级, 县级, 乡级, 村级. */
const char *reg_level_label(enum reg_level l);
/* Parse a level word (English id or the Chinese term); REG_LEVEL_NONE if
 * unknown. */
enum reg_level reg_level_parse(const char *s);

/* Normalise a code to 12 digits in out (13 bytes).  Accepts 2, 4, 6, 9 or
 * 12 digits.  ERR_INPUT for anything else. */
int reg_code_normalize(const char *in, char out[13], struct err *e);
/* The level a normalised code denotes (trailing zero groups). */
enum reg_level reg_code_level(const char code[13]);
/* The parent's normalised code inferred from a normalised code; "" for a
 * province. */
void reg_code_parent(const char code[13], char out[13]);
/* The display form of a normalised code (6, 9 or 12 digits) into out. */
void reg_code_display(const char code[13], char out[13]);

struct reg_division {
	char code[13];           /* normalised */
	char name[REG_MAX_NAME];
	enum reg_level level;
	char parent_code[13];    /* normalised, "" for none */
	char valid_from[11];
	char valid_to[11];
	int has_geometry;
	double area_km2;         /* geodesic; NAN without geometry or from
	                          * reg_division_lookup */
	int children;
};

/* Look up a division by any accepted code form.  Returns 1 found, 0 not
 * found, -1 on error. */
int reg_division_get(struct reg *r, const char *code, struct reg_division *d,
		     struct err *e);
/* reg_division_get without the area (area_km2 is NAN): plain SQL, so it
 * works on a registry opened without SpatiaLite, and it computes no
 * geodesic area for the callers that only want the row. */
int reg_division_lookup(struct reg *r, const char *code, struct reg_division *d,
			struct err *e);

/* What reg_division_put did with a row. */
enum reg_put_outcome {
	REG_PUT_INSERTED,
	REG_PUT_UNCHANGED,
	REG_PUT_UPDATED,
	REG_PUT_CONFLICT         /* same code, other name, and no update */
};

/* A prepared writer: one per import, inside the caller's transaction.
 * When the table is empty at the start (a national load), the writer is
 * in bulk mode: it holds the new rows and writes them sorted by code, in
 * batches of many rows per statement, so the code index grows at its end
 * and parents precede children; it notes the new divisions for the name
 * index once at the end rather than row by row; and it gives the
 * connection a larger page cache until it is freed.  In bulk mode the
 * caller must say which rows it knows to be new (reg_division_put_new),
 * should ask reg_division_exists() or reg_division_put() only for the few
 * rows it has seen before (each writes the rows held so far), and must
 * call reg_division_writer_finish() before committing. */
struct reg_division_writer;

struct reg_division_writer *reg_division_writer_new(struct reg *r, struct err *e);
int reg_division_writer_bulk(const struct reg_division_writer *w);
/* Write the rows a bulk load still holds and note them for the name
 * index (a no-op otherwise). */
int reg_division_writer_finish(struct reg_division_writer *w, struct err *e);
void reg_division_writer_free(struct reg_division_writer *w);

/* In bulk mode, make room for about n new rows at once (a hint). */
void reg_division_writer_reserve(struct reg_division_writer *w, size_t n);

/* Insert a division the caller knows is not in the table.  In bulk mode
 * the row is held, written by the writer's next lookup, update or
 * finish: a write error may come from any of those calls. */
int reg_division_put_new(struct reg_division_writer *w, const struct reg_division *d,
			 struct err *e);

/* Insert or compare one division (code, name, level, parent set; dates
 * optional).  With update set, a different name replaces the stored one.
 * On REG_PUT_CONFLICT, old_name (size REG_MAX_NAME) gets the stored name. */
int reg_division_put(struct reg_division_writer *w, const struct reg_division *d,
		     int update, enum reg_put_outcome *out, char *old_name,
		     struct err *e);

/* Set a division's geometry from WKB (a MultiPolygon in EPSG:4490).  The
 * division must exist.  *changed is 0 when the stored geometry is already
 * equal. */
int reg_division_set_geometry(struct reg_division_writer *w, const char code[13],
			      const unsigned char *wkb, size_t n, const char *src_srs,
			      int *changed, struct err *e);

/* Whether a normalised code exists.  1 yes, 0 no, -1 error. */
int reg_division_exists(struct reg_division_writer *w, const char code[13],
			struct err *e);

/* Iterate divisions ordered by code, filtered by parent (any code form or
 * NULL) and level (REG_LEVEL_NONE for all).  fn returns non-zero to stop.
 * The struct passed to fn is only valid during the call. */
int reg_division_each(struct reg *r, const char *parent, enum reg_level level,
		      int (*fn)(const struct reg_division *, void *), void *arg,
		      struct err *e);

/* Count all divisions per level into counts[REG_LEVEL_VILLAGE + 1]; counts
 * the ones with geometry into *with_geometry. */
int reg_division_count(struct reg *r, long counts[6], long *with_geometry,
		       struct err *e);

#endif
