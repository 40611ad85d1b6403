/* imp_monuments.h - loading monuments (界桩) from a 界桩成果表 CSV.
 *
 * Columns (contract; more allowed, order free, names case-insensitive):
 *   number            the monument number, unique on its line (required)
 *   boundary_code     the registered line it stands on (required)
 *   type              Q single (单立); A, B a pair (同号双立); C, D, E a
 *                     triple (同号三立) (required)
 *   x, y              northing and easting as the 成果表 prints them, or
 *   lon, lat          instead (one pair required)
 *   h                 height in metres (optional)
 *   srs               EPSG:n, a PROJ string or WKT; empty: for x/y the zone
 *                     is detected from the Y prefix (or the zone column),
 *                     lon/lat are EPSG:4490
 *   zone              Gauss-Krüger zone number, instead of srs (optional)
 *   precision_m       the position's mean-square error in metres (optional)
 *   material          material and shape ("花岗岩 双面型")
 *   managing_party    管护单位
 *   tri_junction      1/0, yes/no, true/false, 是/否 (optional): the
 *                     三面型 monument at a 三交点
 *   refN_name, refN_azimuth, refN_distance_m   (N = 1..5) reference
 *                     objects (方位物): azimuth in degrees and minutes
 *                     ("227°10′", "227-10"), distance in metres.
 */
#ifndef DIMING_IMP_MONUMENTS_H
#define DIMING_IMP_MONUMENTS_H

#include "geo/geo.h"
#include "geo/geo_crs.h"
#include "import/imp.h"
#include "registry/reg.h"

struct imp_monuments_result {
	long rows;          /* records read */
	long inserted;
	long unchanged;
	long updated;       /* with --update */
	long warnings;
};

/* Import path into r inside the caller's transaction.  Refused with
 * ERR_INPUT naming file, line and field (the caller rolls back, nothing
 * is written): a bad or missing field; coordinates geo_crs_to_cgcs
 * refuses; a line that is not registered; a number twice on one line (in
 * the file, or registered with other values unless o->update); type
 * letters that do not fit their group (a pair is exactly A and B, a
 * triple C, D and E, a Q stands alone); on provincial lines a number
 * that is not 8 characters (line code, sequence, type letter).  Warned
 * about through o->diag: fewer than 3 reference objects; a single (Q)
 * monument farther than tolerance_m from its line; a datum caveat.
 * Warnings are told only when the whole file is accepted. */
int imp_monuments(struct reg *r, struct geo_ctx *g, struct geo_crs_cache *cc,
		  const char *path, const struct imp_opts *o, double tolerance_m,
		  struct imp_monuments_result *res, struct err *e);

#endif
