/* geo_ctx.c - the GEOS + PROJ context and basic geometry I/O. */
#include "geo/geo.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"

/* GEOS's reentrant handlers get a user pointer with the _r setters. */
static void geos_handler(const char *msg, void *userdata)
{
	struct geo_ctx *g = userdata;

	snprintf(g->geos_msg, sizeof(g->geos_msg), "%s", msg);
}

static void pj_silent(void *data, int level, const char *msg)
{
	(void)data;
	(void)level;
	(void)msg;
}

struct geo_ctx *geo_ctx_new(struct err *e)
{
	struct geo_ctx *g = calloc(1, sizeof(*g));

	if (!g) {
		err_set(e, ERR_NOMEM, _("out of memory"));
		return NULL;
	}
	g->gh = GEOS_init_r();
	g->pj = proj_context_create();
	if (!g->gh || !g->pj) {
		geo_ctx_free(g);
		err_set(e, ERR_GEO, _("cannot start GEOS or PROJ"));
		return NULL;
	}
	GEOSContext_setErrorMessageHandler_r(g->gh, geos_handler, g);
	GEOSContext_setNoticeMessageHandler_r(g->gh, geos_handler, g);
	proj_log_func(g->pj, NULL, pj_silent);
	return g;
}

void geo_ctx_free(struct geo_ctx *g)
{
	if (!g)
		return;
	if (g->gh)
		GEOS_finish_r(g->gh);
	if (g->pj)
		proj_context_destroy(g->pj);
	free(g);
}

const char *geo_geos_version(void)
{
	return GEOSversion();
}

const char *geo_proj_version(void)
{
	return proj_info().release;
}

GEOSGeometry *geo_from_geojson(struct geo_ctx *g, const char *json, struct err *e)
{
	GEOSGeoJSONReader *rd = GEOSGeoJSONReader_create_r(g->gh);
	GEOSGeometry *geom;

	g->geos_msg[0] = '\0';
	geom = GEOSGeoJSONReader_readGeometry_r(g->gh, rd, json);
	GEOSGeoJSONReader_destroy_r(g->gh, rd);
	if (!geom)
		err_set(e, ERR_INPUT, _("not a GeoJSON geometry: %s"),
			g->geos_msg[0] ? g->geos_msg : _("unreadable"));
	return geom;
}

/* Collect the polygons of any geometry into a fresh MultiPolygon. */
static GEOSGeometry *polygons_of(struct geo_ctx *g, const GEOSGeometry *in)
{
	int n = GEOSGetNumGeometries_r(g->gh, in), i, k = 0;
	GEOSGeometry **parts = calloc((size_t)(n > 0 ? n : 1) * 4, sizeof(*parts));
	GEOSGeometry *out;
	int cap = (n > 0 ? n : 1) * 4;

	if (!parts)
		return NULL;
	for (i = 0; i < n; i++) {
		const GEOSGeometry *p = GEOSGetGeometryN_r(g->gh, in, i);
		int t = GEOSGeomTypeId_r(g->gh, p);

		if (t == GEOS_POLYGON && k < cap) {
			parts[k++] = GEOSGeom_clone_r(g->gh, p);
		} else if (t == GEOS_MULTIPOLYGON || t == GEOS_GEOMETRYCOLLECTION) {
			int m = GEOSGetNumGeometries_r(g->gh, p), j;

			for (j = 0; j < m; j++) {
				const GEOSGeometry *q = GEOSGetGeometryN_r(g->gh, p, j);

				if (GEOSGeomTypeId_r(g->gh, q) != GEOS_POLYGON)
					continue;
				if (k == cap) {
					GEOSGeometry **np = realloc(parts, (size_t)cap * 2 * sizeof(*parts));

					if (!np)
						break;
					parts = np;
					cap *= 2;
				}
				parts[k++] = GEOSGeom_clone_r(g->gh, q);
			}
		}
	}
	out = GEOSGeom_createCollection_r(g->gh, GEOS_MULTIPOLYGON, parts, (unsigned)k);
	free(parts);
	return out;
}

GEOSGeometry *geo_polygon_fix(struct geo_ctx *g, const GEOSGeometry *in, int repair,
			      struct geo_fix *fix, struct err *e)
{
	int t = GEOSGeomTypeId_r(g->gh, in);
	GEOSGeometry *valid = NULL, *out;
	char valid_flag;

	memset(fix, 0, sizeof(*fix));
	if (t != GEOS_POLYGON && t != GEOS_MULTIPOLYGON) {
		char *type = GEOSGeomType_r(g->gh, in);

		err_set(e, ERR_INPUT, _("geometry is a %s, not a Polygon or MultiPolygon"),
			type ? type : "?");
		GEOSFree_r(g->gh, type);
		return NULL;
	}
	if (GEOSisEmpty_r(g->gh, in) == 1) {
		err_set(e, ERR_INPUT, _("geometry is empty"));
		return NULL;
	}
	valid_flag = GEOSisValid_r(g->gh, in);
	if (valid_flag == 2) {
		err_set(e, ERR_GEO, _("cannot check validity: %s"), g->geos_msg);
		return NULL;
	}
	if (!valid_flag) {
		char *reason = GEOSisValidReason_r(g->gh, in);

		fix->was_invalid = 1;
		snprintf(fix->reason, sizeof(fix->reason), "%s", reason ? reason : "?");
		GEOSFree_r(g->gh, reason);
		if (!repair) {
			err_set(e, ERR_INPUT, _("invalid polygon: %s"), fix->reason);
			return NULL;
		}
		valid = GEOSMakeValid_r(g->gh, in);
		if (!valid) {
			err_set(e, ERR_GEO, _("invalid polygon (%s) cannot be repaired: %s"),
				fix->reason, g->geos_msg);
			return NULL;
		}
	}
	out = polygons_of(g, valid ? valid : in);
	if (valid)
		GEOSGeom_destroy_r(g->gh, valid);
	if (!out || GEOSisEmpty_r(g->gh, out) == 1) {
		if (out)
			GEOSGeom_destroy_r(g->gh, out);
		err_set(e, ERR_INPUT, _("polygon has no area after repair (%s)"), fix->reason);
		return NULL;
	}
	return out;
}

unsigned char *geo_to_wkb(struct geo_ctx *g, const GEOSGeometry *geom, size_t *n,
			  struct err *e)
{
	GEOSWKBWriter *w = GEOSWKBWriter_create_r(g->gh);
	unsigned char *wkb;

	GEOSWKBWriter_setOutputDimension_r(g->gh, w, 2);
	GEOSWKBWriter_setByteOrder_r(g->gh, w, GEOS_WKB_NDR);
	wkb = GEOSWKBWriter_write_r(g->gh, w, geom, n);
	GEOSWKBWriter_destroy_r(g->gh, w);
	if (!wkb)
		err_set(e, ERR_GEO, _("cannot write WKB: %s"), g->geos_msg);
	return wkb;
}

GEOSGeometry *geo_from_wkb(struct geo_ctx *g, const unsigned char *wkb, size_t n,
			   struct err *e)
{
	GEOSWKBReader *rd = GEOSWKBReader_create_r(g->gh);
	GEOSGeometry *geom = GEOSWKBReader_read_r(g->gh, rd, wkb, n);

	GEOSWKBReader_destroy_r(g->gh, rd);
	if (!geom)
		err_set(e, ERR_GEO, _("cannot read WKB: %s"), g->geos_msg);
	return geom;
}
