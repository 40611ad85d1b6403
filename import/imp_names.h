/* imp_names.h - loading standard place names from CSV or GeoJSON. */
#ifndef DIMING_IMP_NAMES_H
#define DIMING_IMP_NAMES_H

#include "geo/geo.h"
#include "import/imp.h"
#include "registry/reg.h"

struct imp_names_result {
	long rows;          /* records read */
	long inserted;      /* new places */
	long unchanged;     /* already in the registry as given */
	long updated;       /* with --update: existing places changed */
	long other_names;   /* other names (曾用名, 别名, 简称) added */
	long conflicts;
};

/* Import path into r inside the caller's transaction.
 *
 * CSV: a header naming at least name, class and division_code; optional
 * lon,lat (or x,y), romanization, meaning, origin, history, former_names
 * (曾用名 separated by ';'), aliases (别名), short_names (简称), zhuanming,
 * tongming, valid_from, valid_to, status (current|historical) and
 * protected (1/0).  GeoJSON: a FeatureCollection whose properties carry
 * the same keys and whose geometry (Point, LineString, Polygon or Multi-)
 * is the place's; polygons are repaired like division polygons.
 *
 * Coordinates are CGCS2000 lon/lat unless s_srs (GDAL's --s-srs) names
 * another system; x,y columns without s_srs are Gauss-Krüger by their zone
 * prefix (geo_crs.h).  A class is given by code, name or alias.
 *
 * A row matches an existing place by name, class and division: the same
 * data again is unchanged (the import is idempotent); different data is a
 * conflict (reported through o->diag, ERR_CONFLICT at the end) unless
 * o->update.  Errors name file, line or feature, and field. */
int imp_names(struct reg *r, struct geo_ctx *g, const char *path, const char *s_srs,
	      const struct imp_opts *o, struct imp_names_result *res, struct err *e);

#endif
