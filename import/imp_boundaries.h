/* imp_boundaries.h - loading boundary lines (行政区域界线) from GeoJSON. */
#ifndef DIMING_IMP_BOUNDARIES_H
#define DIMING_IMP_BOUNDARIES_H

#include "geo/geo.h"
#include "import/imp.h"
#include "registry/reg.h"

struct imp_boundaries_result {
	long rows;          /* features read */
	long inserted;
	long unchanged;
	long updated;       /* with --update */
	long conflicts;
};

/* Import a GeoJSON FeatureCollection of LineStrings / MultiLineStrings
 * (CGCS2000 lon/lat) into r inside the caller's transaction.  Properties:
 * code, name, left_code, right_code (required); level (province, city,
 * county, town or 省级..乡级; default the finer level of the two
 * divisions); agreement, approved, last_inspected (optional; dates
 * YYYY-MM-DD).  Errors (ERR_INPUT) name the file, the feature and the
 * field: "FILE: feature 2 (code 445303-445322): field 'properties.left_code':
 * division '445399' does not exist".  A line registered with other values
 * is reported through o->diag and ends in ERR_CONFLICT unless o->update;
 * the caller rolls back. */
int imp_boundaries(struct reg *r, struct geo_ctx *g, const char *path,
		   const struct imp_opts *o, struct imp_boundaries_result *res,
		   struct err *e);

#endif
