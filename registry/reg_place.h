/* reg_place.h - standard place names (标准地名): classes, places, other
 * names and the history of each place.
 *
 * A place has a stable id that is never reused and is never deleted: a
 * cancelled name (销名) turns the place historical, a renamed one (更名)
 * keeps its id and its old name becomes a 曾用名.  Classes come from the
 * code table loaded by the names migration (data/place-classes.csv); every
 * function that takes a class accepts its code, name or an alias.
 *
 * Writes keep the name index (reg_name.h) in step; they never commit.
 */
#ifndef DIMING_REG_PLACE_H
#define DIMING_REG_PLACE_H

#include <stddef.h>

#include "common/buf.h"
#include "common/err.h"
#include "registry/reg.h"
#include "registry/reg_division.h"

#define REG_MAX_CLASS 64

struct reg_class {
	char code[6];
	char name[REG_MAX_CLASS];
	char parent[6];          /* "" at the top */
	char major[REG_MAX_CLASS];   /* census major class (12 大类), "" if none */
	int statutory;           /* 条例 art. 3 class 1-8, 0 if none */
	char group[16];          /* duplicate-check group, "" if none */
};

/* Find a class by code, name or alias.  Returns 1 found, 0 not, -1 error. */
int reg_class_find(struct reg *r, const char *text, struct reg_class *c, struct err *e);

/* Like reg_class_find, but 0 is an ERR_INPUT error "unknown place class
 * 'x'" so callers can prefix a field.  Returns 0 or -1. */
int reg_class_resolve(struct reg *r, const char *text, struct reg_class *c, struct err *e);

/* Iterate all classes in code order; fn returns non-zero to stop. */
int reg_class_each(struct reg *r, int (*fn)(const struct reg_class *, void *), void *arg,
		   struct err *e);

/* The code prefix that selects a class and its subclasses (21500 -> "215",
 * 21000 -> "21"); class codes nest by prefix. */
void reg_class_prefix(const char code[6], char out[6]);

/* The class code a division gets in searches and checks, from its level
 * and the generic its name ends with (…镇 21520, …村民委员会 27610, …). */
const char *reg_class_of_division(enum reg_level level, const char *name);

enum reg_place_status { REG_PLACE_CURRENT = 0, REG_PLACE_HISTORICAL = 1 };

/* A place.  Caller-owned: reg_place_init, then reg_place_release frees the
 * text fields and geometry. */
struct reg_place {
	long long id;
	char name[REG_MAX_NAME];
	char zhuanming[REG_MAX_NAME];
	char tongming[REG_MAX_NAME];
	char romanization[512];
	char class_code[6];
	char class_name[REG_MAX_CLASS];
	char division_code[13];  /* normalised */
	char *meaning, *origin, *history;   /* malloc'd or NULL */
	enum reg_place_status status;
	char valid_from[11], valid_to[11];
	int protect;             /* on the protection list (保护名录) */
	char src_srs[64];
	unsigned char *wkb;      /* EPSG:4490 WKB, malloc'd, NULL without geometry */
	size_t nwkb;
};

void reg_place_init(struct reg_place *p);
void reg_place_release(struct reg_place *p);
/* Set one of the text fields (copies; NULL or "" clears). */
void reg_place_set_text(char **field, const char *value);
/* Take a copy of WKB as the geometry (NULL clears). */
void reg_place_set_wkb(struct reg_place *p, const unsigned char *wkb, size_t n);

/* Fill in what a new place can derive from its name and class: 专名/通名
 * (when both are empty) and the romanization (when empty), from the
 * romanizer (reg_pinyin.h).  A name the romanizer cannot read keeps an
 * empty romanization and its whole text as 专名. */
void reg_place_derive(struct reg_place *p);

/* Read a place by id.  Returns 1 found, 0 not, -1 error.  p is released
 * and refilled. */
int reg_place_get(struct reg *r, long long id, struct reg_place *p, struct err *e);

/* Ids of places whose standard name is name, current ones first, at most
 * max into ids; *n gets the total.  Returns 0 or -1. */
int reg_place_lookup(struct reg *r, const char *name, long long *ids, int max, int *n,
		     struct err *e);

/* The place with this standard name, class and division (current first),
 * or 0.  Returns 0 or -1. */
int reg_place_match(struct reg *r, const char *name, const char class_code[6],
		    const char division_code[13], long long *id, struct err *e);

/* Insert a new place (p->id is set).  Checks the class and the division
 * (ERR_INPUT "no division 'x'"), indexes its name.  Records no event:
 * callers add the one that fits (reg_place_event_add). */
int reg_place_insert(struct reg *r, struct reg_place *p, struct err *e);

/* Rewrite every field of an existing place (not its id) and reindex it. */
int reg_place_update(struct reg *r, struct reg_place *p, struct err *e);

/* Other names (别名, 简称, 曾用名). */
struct reg_other_name {
	long long id;
	char name[REG_MAX_NAME];
	char kind[16];           /* 别名, 简称 or 曾用名 */
	char valid_from[11], valid_to[11];
};

/* The kind word for text given as 别名/简称/曾用名 or alias/short/former;
 * NULL when unknown. */
const char *reg_other_kind(const char *text);

/* Add an other name to a place; an existing (place, kind, name) is left
 * as it is and *added set to 0.  Dates may be NULL or "". */
int reg_place_other_add(struct reg *r, long long place_id, const char *name,
			const char *kind, const char *valid_from, const char *valid_to,
			int *added, struct err *e);

/* Other names of a place, oldest first (by valid_to, then id). */
int reg_place_others_each(struct reg *r, long long place_id,
			  int (*fn)(const struct reg_other_name *, void *), void *arg,
			  struct err *e);

/* History events (地名档案). */
struct reg_place_event {
	long long id;
	long long place_id;
	char on_date[11];        /* the date the event took effect */
	const char *kind;        /* registered named renamed cancelled protected unprotected updated */
	const char *name;        /* the name after the event */
	const char *old_name;    /* renamed: the name before */
	long long case_id;       /* 0 if none */
	long long other_place;   /* a predecessor or successor, 0 if none */
	const char *actor;
	const char *at;          /* when it was recorded */
	const char *note;
};

/* The Chinese word for an event kind (登记, 命名, 更名, 销名, …). */
const char *reg_place_event_label(const char *kind);

/* Append an event; on_date NULL means today; actor is r->actor. */
int reg_place_event_add(struct reg *r, long long place_id, const char *kind,
			const char *on_date, const char *name, const char *old_name,
			long long case_id, long long other_place, const char *note,
			struct err *e);

/* Every event of the place and of its predecessors and successors
 * (place_link, followed both ways), oldest first.  Fields point into the
 * statement and are valid during the call. */
int reg_place_history(struct reg *r, long long place_id,
		      int (*fn)(const struct reg_place_event *, void *), void *arg,
		      struct err *e);

/* Link a predecessor to its successor. */
int reg_place_link(struct reg *r, long long from, long long to, const char *on_date,
		   long long case_id, struct err *e);

/* 更名: the place keeps its id; its name becomes a 曾用名 valid to on_date;
 * the new name, its 专名/通名 and romanization take effect; an event
 * 'renamed' records both.  ERR_CONFLICT if the place is historical. */
int reg_place_rename(struct reg *r, long long id, const char *new_name, const char *on_date,
		     long long case_id, const char *note, struct err *e);

/* 销名: the place becomes historical with valid_to = on_date.  ERR_CONFLICT
 * if it is already historical. */
int reg_place_cancel(struct reg *r, long long id, const char *on_date, long long case_id,
		     const char *note, struct err *e);

/* Put the place on the protection list (保护名录) or take it off; records
 * an event.  *changed is 0 when the flag already had that value. */
int reg_place_set_protected(struct reg *r, long long id, int on, int *changed,
			    struct err *e);

/* Rewrite the name-index rows of every place (after the romanizer's
 * tables changed); *n gets the number of places. */
int reg_place_reindex_all(struct reg *r, long *n, struct err *e);

/* The geometry of a place as GeoJSON text (SpatiaLite AsGeoJSON) into out;
 * out is left empty when the place has none. */
int reg_place_geojson(struct reg *r, long long id, struct buf *out, struct err *e);

#endif
