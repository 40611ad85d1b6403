/* geo.h - the geometry context: one GEOS handle and one PROJ context.
 *
 * Everything in geo/ takes a struct geo_ctx; nothing here touches the
 * database.  GEOS and PROJ messages are captured into the context (last
 * message) instead of being printed.
 */
#ifndef DIMING_GEO_H
#define DIMING_GEO_H

#include <geos_c.h>
#include <proj.h>
#include <stddef.h>

#include "common/err.h"

struct geo_ctx {
	GEOSContextHandle_t gh;
	PJ_CONTEXT *pj;
	char geos_msg[256];   /* last GEOS error or notice */
};

/* A new context, or NULL with ERR_NOMEM/ERR_GEO.  Free with geo_ctx_free. */
struct geo_ctx *geo_ctx_new(struct err *e);
void geo_ctx_free(struct geo_ctx *g);

/* Versions for `diming --version`. */
const char *geo_geos_version(void);
const char *geo_proj_version(void);

/* Parse a GeoJSON geometry object (text) into a GEOS geometry; NULL with
 * ERR_INPUT and GEOS's reason. Caller frees with GEOSGeom_destroy_r. */
GEOSGeometry *geo_from_geojson(struct geo_ctx *g, const char *json, struct err *e);

/* Outcome of geo_polygon_fix. */
struct geo_fix {
	int was_invalid;
	char reason[256];     /* GEOS's validity reason when was_invalid */
};

/* Take a Polygon or MultiPolygon, check validity, repair it with
 * GEOSMakeValid when invalid and repair is allowed, and return it as a
 * MultiPolygon (owned by the caller).  With repair 0 an invalid polygon is
 * refused with ERR_INPUT and the reason.  Other geometry types are refused.
 * The input is not consumed. */
GEOSGeometry *geo_polygon_fix(struct geo_ctx *g, const GEOSGeometry *in, int repair,
			      struct geo_fix *fix, struct err *e);

/* ISO WKB (2D, little endian) of a geometry; the caller frees with
 * GEOSFree_r.  NULL with ERR_GEO. */
unsigned char *geo_to_wkb(struct geo_ctx *g, const GEOSGeometry *geom, size_t *n,
			  struct err *e);

/* Geometry from WKB; NULL with ERR_GEO. */
GEOSGeometry *geo_from_wkb(struct geo_ctx *g, const unsigned char *wkb, size_t n,
			   struct err *e);

#endif
