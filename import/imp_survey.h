/* imp_survey.h - reading a joint-inspection (联检) field survey CSV.
 *
 * Columns (contract; more allowed, order free, names case-insensitive):
 *   number            the monument number as registered (required)
 *   x, y              resurveyed northing and easting as a 成果表 prints
 *                     them, or lon, lat instead (one pair is required)
 *   h                 height, metres (optional)
 *   srs               EPSG:n, a PROJ string or WKT; empty: for x/y the
 *                     zone is detected from the Y prefix, lon/lat are
 *                     EPSG:4490
 *   zone              Gauss-Krüger zone number, instead of srs (optional)
 *   condition         完好, 损坏, 丢失, 移位, 倾斜, 注记不清, 被遮挡 (several
 *                     separated by ';' or '、'); required
 *   note, photos      free text; photo paths separated by ';'
 *   boundary_code     the line (optional; needed only when one survey
 *                     covers lines that reuse monument numbers)
 *   refN_name, refN_azimuth, refN_distance_m   (N = 1..5) remeasured
 *                     reference objects (方位物), azimuth in degrees and
 *                     minutes; a name with neither azimuth nor distance
 *                     means the object was not found.
 * A 丢失 (lost) monument may have no coordinates; every other row needs
 * both.  Nothing is written to the registry.
 */
#ifndef DIMING_IMP_SURVEY_H
#define DIMING_IMP_SURVEY_H

#include "geo/geo_crs.h"
#include "import/imp.h"
#include "registry/reg_inspect.h"

/* Read path into s (empty on entry).  Errors (ERR_INPUT, nothing kept)
 * name the file, line and field as "FILE:LINE: field 'x': not a number:
 * '…'"; coordinate refusals are geo_crs_to_cgcs's with the same prefix.
 * A datum caveat (Xi'an 1980, Beijing 1954) and photo files that do not
 * exist (relative to the survey's directory) are warned about through
 * o->diag. */
int imp_survey_read(struct geo_crs_cache *cc, const char *path, const struct imp_opts *o,
		    struct reg_survey *s, struct err *e);

#endif
