/* geo_wkb.h - reading WKB without GEOS: envelopes, GeoJSON, GeoPackage blobs.
 *
 * Exports move hundreds of thousands of geometries from the registry to a
 * file; building a GEOS object for each only to write it out again would
 * cost more than the rest of the export.  These functions walk ISO WKB
 * (either byte order; XY, XYZ, XYM, XYZM; EWKB Z/M/SRID flags accepted)
 * directly.  Only X and Y are written out.
 */
#ifndef DIMING_GEO_WKB_H
#define DIMING_GEO_WKB_H

#include <stddef.h>
#include <stdint.h>

#include "common/buf.h"
#include "common/err.h"

/* The OGC simple-feature types, as WKB numbers them. */
enum geo_wkb_type {
	GEO_WKB_UNKNOWN = 0,
	GEO_WKB_POINT = 1,
	GEO_WKB_LINESTRING = 2,
	GEO_WKB_POLYGON = 3,
	GEO_WKB_MULTIPOINT = 4,
	GEO_WKB_MULTILINESTRING = 5,
	GEO_WKB_MULTIPOLYGON = 6,
	GEO_WKB_COLLECTION = 7
};

/* What a geometry is, as a whole. */
struct geo_wkb_info {
	enum geo_wkb_type type;  /* of the outer geometry */
	int dims;                /* coordinates per vertex: 2, 3 or 4 */
	int empty;               /* no vertex at all */
	long npoints;
	/* Envelope over X and Y; NaN when empty. */
	double minx, miny, maxx, maxy;
};

/* "Point", "LineString", ... as GeoJSON and OGC name them; "Geometry" for
 * GEO_WKB_UNKNOWN. */
const char *geo_wkb_type_name(enum geo_wkb_type t);

/* The dimension of a type's features: 0 points, 1 lines, 2 areas, -1 for
 * a collection or unknown. */
int geo_wkb_type_dim(enum geo_wkb_type t);

/* Walk WKB of n bytes and fill info.  ERR_GEO naming the byte offset for
 * truncated or malformed WKB, an unknown type or nesting deeper than 32. */
int geo_wkb_info(const unsigned char *wkb, size_t n, struct geo_wkb_info *info,
		 struct err *e);

/* Append the GeoJSON geometry object of WKB to out (RFC 7946: [lon, lat]
 * positions, no bbox, no crs member).  Coordinates are written in their
 * shortest round-trip form (geo_fmt_double).  ERR_GEO as geo_wkb_info. */
int geo_wkb_to_geojson(const unsigned char *wkb, size_t n, struct buf *out,
		       struct err *e);

/* Write v in the shortest decimal form that reads back as the same double
 * ("113.3612", "23.1247", "1e-07"); out has room for 32 bytes.  Returns
 * the length.  NaN and infinities are written as "null". */
size_t geo_fmt_double(double v, char out[32]);

/* GeoPackage geometry blob (OGC 12-128r18 §2.1.3): the "GP" header
 * (version 0, little-endian, envelope [minx,maxx,miny,maxy] except for
 * points, the empty flag) with srs_id, followed by the WKB unchanged.
 * Appended to out; info (optional) gets the geometry's info.  ERR_GEO as
 * geo_wkb_info. */
int geo_gpkg_blob(const unsigned char *wkb, size_t n, int32_t srs_id, struct buf *out,
		  struct geo_wkb_info *info, struct err *e);

#endif
