/* reg_hazard.h - the dispute and hazard ledger (界线纠纷隐患台账) of boundary lines.
 *
 * Field work on a line turns up threats to it: a dispute between the two
 * sides, construction or digging across the line, a river or road that
 * moved, a monument in danger.  Each is an entry on the line (optionally
 * at one monument) that stays open until it is closed with a resolution.
 * No national format exists (boundary-rules.md §1.4); the fields follow
 * the practice of 边界纠纷隐患排查: where, what kind, what, status, how it
 * was resolved, who and when.  The table is `hazard`.
 */
#ifndef DIMING_REG_HAZARD_H
#define DIMING_REG_HAZARD_H

#include "common/err.h"
#include "registry/reg.h"

/* The kind of a hazard: an English id or the Chinese term, stored as the
 * Chinese term. */
struct reg_hazard_kind {
	const char *id;      /* "dispute" */
	const char *zh;      /* "界线纠纷" */
};
extern const struct reg_hazard_kind reg_hazard_kinds[];  /* ends with { NULL, NULL } */

/* The Chinese term for an id or term, NULL if unknown. */
const char *reg_hazard_kind_parse(const char *s);

struct reg_hazard {
	long long id;
	const char *boundary_code;
	const char *monument;    /* "" for the whole line */
	const char *kind;        /* Chinese term */
	const char *note;
	const char *status;      /* "open" or "closed" */
	const char *opened_at, *opened_by;
	const char *closed_at, *closed_by, *resolution;  /* "" while open */
};

/* Record a new open hazard (boundary_code, monument, kind, note of h; the
 * rest is set from the clock and r->actor) and its id into *id.  The
 * caller checks that the line and monument exist.  ERR_INPUT for an
 * unknown kind ("unknown kind '…' (…)") or an empty note. */
int reg_hazard_add(struct reg *r, const struct reg_hazard *h, long long *id, struct err *e);

/* Close hazard id with a resolution.  ERR_NOT_FOUND "no hazard with id N",
 * ERR_CONFLICT "hazard N was already closed on DATE". */
int reg_hazard_close(struct reg *r, long long id, const char *resolution, struct err *e);

/* Walk hazards by id, of one line (boundary_code non-NULL) and/or only
 * open ones; fn returns non-zero to stop. */
int reg_hazard_each(struct reg *r, const char *boundary_code, int open_only,
		    int (*fn)(const struct reg_hazard *, void *), void *arg, struct err *e);

#endif
