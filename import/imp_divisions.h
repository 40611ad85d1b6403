/* imp_divisions.h - loading administrative divisions from CSV or GeoJSON. */
#ifndef DIMING_IMP_DIVISIONS_H
#define DIMING_IMP_DIVISIONS_H

#include "geo/geo.h"
#include "import/imp.h"
#include "registry/reg.h"

struct imp_divisions_result {
	long rows;          /* records read */
	long inserted;
	long unchanged;
	long renamed;       /* with --update */
	long geometries;    /* geometries stored or changed */
	long repaired;      /* invalid polygons repaired */
	long conflicts;
};

/* Import path into r inside the caller's transaction.  CSV needs a header
 * naming code and name (optional parent_code, level, valid_from,
 * valid_to); GeoJSON is a FeatureCollection of (Multi)Polygons with the
 * code in `id` or properties.code and the name in properties.name.
 * Errors name file, line or feature, and field.  Name conflicts are
 * reported through o->diag each and end in ERR_CONFLICT; the caller rolls
 * back. */
int imp_divisions(struct reg *r, struct geo_ctx *g, const char *path,
		  const struct imp_opts *o, struct imp_divisions_result *res,
		  struct err *e);

#endif
