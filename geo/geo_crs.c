/* geo_crs.c - coordinate reference systems: CGCS2000 storage, Gauss-Krüger zones, old datums.
 *
 * Owns the PROJ side of single-point conversion: resolving an srs (EPSG
 * code, PROJ string, WKT, zone number) into a cached, axis-normalised
 * transformation to CGCS2000, and the plausibility checks surveyors'
 * coordinates must pass.  Reading files and naming the file and line are
 * left to import/; printing to cli/.
 */
#include "geo/geo_crs.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"

#define CACHE_MAX 32

struct crs_entry {
	char *key;           /* the srs text as asked for */
	PJ *to_cgcs;         /* normalised: (lon,lat) or (E,N) -> CGCS2000 (lon,lat) */
	struct geo_crs_info info;
	unsigned long used;  /* cache clock at last use, for eviction */
};

struct geo_crs_cache {
	PJ_CONTEXT *pj;
	PJ *cgcs;            /* EPSG:4490 */
	struct crs_entry entry[CACHE_MAX];
	int n;
	unsigned long clock;
};

/* Gauss-Krüger EPSG code ranges (see geo_crs.h; checked against proj.db). */
static const struct gk_range {
	int first, last;     /* EPSG codes */
	enum geo_datum datum;
	int width;
	int prefixed;
	int first_zone;
} gk_ranges[] = {
	{ 4491, 4501, GEO_DATUM_CGCS2000, 6, 1, 13 },
	{ 4502, 4512, GEO_DATUM_CGCS2000, 6, 0, 13 },
	{ 4513, 4533, GEO_DATUM_CGCS2000, 3, 1, 25 },
	{ 4534, 4554, GEO_DATUM_CGCS2000, 3, 0, 25 },
	{ 2327, 2337, GEO_DATUM_XIAN80, 6, 1, 13 },
	{ 2338, 2348, GEO_DATUM_XIAN80, 6, 0, 13 },
	{ 2349, 2369, GEO_DATUM_XIAN80, 3, 1, 25 },
	{ 2370, 2390, GEO_DATUM_XIAN80, 3, 0, 25 },
	{ 2401, 2421, GEO_DATUM_BEIJING54, 3, 1, 25 },
	{ 2422, 2442, GEO_DATUM_BEIJING54, 3, 0, 25 },
	{ 21413, 21423, GEO_DATUM_BEIJING54, 6, 1, 13 },
	{ 21453, 21463, GEO_DATUM_BEIJING54, 6, 0, 13 },
	{ 21473, 21483, GEO_DATUM_BEIJING54, 6, 0, 13 },  /* deprecated in EPSG */
};

static int zone_valid(int zone, int width)
{
	if (width == 3)
		return zone >= 25 && zone <= 45;
	if (width == 6)
		return zone >= 13 && zone <= 23;
	return 0;
}

double geo_gk_cm(int zone, int width)
{
	if (!zone_valid(zone, width))
		return NAN;
	return width == 3 ? 3.0 * zone : 6.0 * zone - 3.0;
}

int geo_gk_zone_for_lon(double lon, int width)
{
	if (width == 3)
		return (int)floor((lon + 1.5) / 3.0);
	if (width == 6)
		return (int)floor(lon / 6.0) + 1;
	return 0;
}

int geo_gk_epsg(int zone, int width, int prefixed)
{
	if (!zone_valid(zone, width))
		return 0;
	if (width == 6)
		return (prefixed ? 4491 : 4502) + zone - 13;
	return (prefixed ? 4513 : 4534) + zone - 25;
}

enum geo_datum geo_gk_from_epsg(int epsg, struct geo_gk *gk)
{
	size_t i;

	memset(gk, 0, sizeof(*gk));
	for (i = 0; i < sizeof(gk_ranges) / sizeof(gk_ranges[0]); i++) {
		const struct gk_range *r = &gk_ranges[i];

		if (epsg < r->first || epsg > r->last)
			continue;
		gk->zone = r->first_zone + epsg - r->first;
		gk->width = r->width;
		gk->prefixed = r->prefixed;
		gk->cm = geo_gk_cm(gk->zone, gk->width);
		return r->datum;
	}
	return GEO_DATUM_OTHER;
}

int geo_gk_prefix(double y, int *width)
{
	int z;

	if (width)
		*width = 0;
	if (!(y >= 1e7 && y < 1e8))
		return 0;
	z = (int)(y / 1e6);
	if (width)
		*width = zone_valid(z, 6) ? 6 : zone_valid(z, 3) ? 3 : 0;
	return z;
}

int geo_china_contains(double lon, double lat)
{
	return lon >= GEO_CHINA_LON_MIN && lon <= GEO_CHINA_LON_MAX &&
	       lat >= GEO_CHINA_LAT_MIN && lat <= GEO_CHINA_LAT_MAX;
}

/* Digits in the integer part of |v| (0.5 -> 1, 2558490.7 -> 7). */
static int ndigits(double v)
{
	int n = 1;

	v = floor(fabs(v));
	while (v >= 10.0 && n < 20) {
		v /= 10.0;
		n++;
	}
	return n;
}

/* A coordinate as the user most likely wrote it (12 significant digits:
 * 9 decimals of a longitude, 3 of a prefixed easting). */
static const char *num(char *buf, size_t len, double v)
{
	snprintf(buf, len, "%.12g", v);
	return buf;
}

struct geo_crs_cache *geo_crs_cache_new(struct geo_ctx *g, struct err *e)
{
	struct geo_crs_cache *cc = calloc(1, sizeof(*cc));
	PJ_CONTEXT *pj = g->pj;

	if (!cc) {
		err_set(e, ERR_NOMEM, _("out of memory"));
		return NULL;
	}
	cc->pj = pj;
	cc->cgcs = proj_create(pj, GEO_SRS_CGCS2000);
	if (!cc->cgcs) {
		err_set(e, ERR_GEO, _("cannot create %s: %s"), GEO_SRS_CGCS2000,
			proj_context_errno_string(pj, proj_context_errno(pj)));
		free(cc);
		return NULL;
	}
	return cc;
}

static void entry_clear(struct crs_entry *en)
{
	free(en->key);
	proj_destroy(en->to_cgcs);
	memset(en, 0, sizeof(*en));
}

void geo_crs_cache_free(struct geo_crs_cache *cc)
{
	int i;

	if (!cc)
		return;
	for (i = 0; i < cc->n; i++)
		entry_clear(&cc->entry[i]);
	proj_destroy(cc->cgcs);
	free(cc);
}

static double param_value(PJ_CONTEXT *pj, PJ *conv, const char *name, int angle)
{
	int i = proj_coordoperation_get_param_index(pj, conv, name);
	double v, factor;

	if (i < 0)
		return NAN;
	if (!proj_coordoperation_get_param(pj, conv, i, NULL, NULL, NULL, &v,
					   NULL, &factor, NULL, NULL, NULL, NULL))
		return NAN;
	v *= factor;
	return angle ? v * 180.0 / M_PI : v;
}

/* Fill gk if crs (projected) is Gauss-Krüger: transverse Mercator with
 * k = 1, origin on the equator, CM on a whole multiple of 3°, false easting
 * 500000 or zone·10⁶ + 500000 for a zone matching the CM. */
static void classify_gk(PJ_CONTEXT *pj, PJ *crs, int epsg, struct geo_gk *gk)
{
	PJ *conv = proj_crs_get_coordoperation(pj, crs);
	const char *auth = NULL, *code = NULL;
	double lat0, cm, k, fe, fn, m;
	struct geo_gk known;

	memset(gk, 0, sizeof(*gk));
	if (!conv)
		return;
	if (!proj_coordoperation_get_method_info(pj, conv, NULL, &auth, &code) ||
	    !auth || !code || strcmp(auth, "EPSG") || strcmp(code, "9807"))
		goto out;
	lat0 = param_value(pj, conv, "Latitude of natural origin", 1);
	cm = param_value(pj, conv, "Longitude of natural origin", 1);
	k = param_value(pj, conv, "Scale factor at natural origin", 0);
	fe = param_value(pj, conv, "False easting", 0);
	fn = param_value(pj, conv, "False northing", 0);
	m = cm / 3.0;
	if (!(fabs(lat0) < 1e-12 && fabs(k - 1.0) < 1e-12 && fabs(fn) < 1e-6 &&
	      fabs(m - floor(m + 0.5)) < 1e-9))
		goto out;
	cm = 3.0 * floor(m + 0.5);
	if (fabs(fe - 500000.0) < 1e-6) {
		gk->cm = cm;
		if (geo_gk_from_epsg(epsg, &known) != GEO_DATUM_OTHER) {
			gk->width = known.width;
		} else if (((long)floor(m + 0.5)) % 2 == 0) {
			gk->width = 3;  /* 6° CMs are odd multiples of 3° */
		}
	} else {
		double z = (fe - 500000.0) / 1e6;
		int zone = (int)floor(z + 0.5);

		if (fabs(z - zone) > 1e-9)
			goto out;
		if (zone_valid(zone, 6) && geo_gk_cm(zone, 6) == cm)
			gk->width = 6;
		else if (zone_valid(zone, 3) && geo_gk_cm(zone, 3) == cm)
			gk->width = 3;
		else
			goto out;
		gk->prefixed = 1;
		gk->cm = cm;
	}
	if (gk->width == 3)
		gk->zone = (int)(cm / 3.0);
	else if (gk->width == 6)
		gk->zone = (int)((cm + 3.0) / 6.0);
out:
	proj_destroy(conv);
}

static enum geo_datum datum_of(PJ_CONTEXT *pj, PJ *crs)
{
	PJ *geod = proj_crs_get_geodetic_crs(pj, crs);
	const char *auth, *code;
	enum geo_datum d = GEO_DATUM_OTHER;

	if (!geod)
		return d;
	auth = proj_get_id_auth_name(geod, 0);
	code = proj_get_id_code(geod, 0);
	if (auth && code && !strcmp(auth, "EPSG")) {
		if (!strcmp(code, "4490"))
			d = GEO_DATUM_CGCS2000;
		else if (!strcmp(code, "4326"))
			d = GEO_DATUM_WGS84;
		else if (!strcmp(code, "4610"))
			d = GEO_DATUM_XIAN80;
		else if (!strcmp(code, "4214"))
			d = GEO_DATUM_BEIJING54;
	}
	proj_destroy(geod);
	return d;
}

/* 1 if crs uses GRS80 or the WGS 84 ellipsoid (the same to 0.1 mm). */
static int ellipsoid_is_grs80(PJ_CONTEXT *pj, PJ *crs)
{
	PJ *ell = proj_get_ellipsoid(pj, crs);
	double a = 0, b, invf = 0;
	int computed, ok;

	if (!ell)
		return 0;
	ok = proj_ellipsoid_get_parameters(pj, ell, &a, &b, &computed, &invf);
	proj_destroy(ell);
	return ok && fabs(a - 6378137.0) < 1e-3 && fabs(invf - 298.2572) < 1e-4;
}

static void set_caveat(PJ_CONTEXT *pj, PJ *crs, PJ *op, struct geo_crs_info *info)
{
	PJ *geod = proj_crs_get_geodetic_crs(pj, crs);
	const char *dname = geod ? proj_get_name(geod) : NULL;
	double acc;

	if (!dname || !strcmp(dname, "unknown"))
		dname = _("this datum");
	info->caveat = 1;
	if (proj_coordoperation_has_ballpark_transformation(pj, op)) {
		snprintf(info->caveat_msg, sizeof(info->caveat_msg),
			 _("%s is not CGCS2000 and PROJ has no transformation between them: "
			   "latitude and longitude are taken over unchanged, so expect errors "
			   "of up to tens of metres"), dname);
	} else {
		acc = proj_coordoperation_get_accuracy(pj, op);
		if (acc >= 0)
			snprintf(info->caveat_msg, sizeof(info->caveat_msg),
				 _("%s is not CGCS2000: converted with '%s', "
				   "accuracy about %g m"), dname, proj_get_name(op), acc);
		else
			snprintf(info->caveat_msg, sizeof(info->caveat_msg),
				 _("%s is not CGCS2000: converted with '%s' "
				   "of unknown accuracy"), dname, proj_get_name(op));
	}
	proj_destroy(geod);
}

/* Create the PROJ objects and the description for srs into en. */
static int entry_build(struct geo_crs_cache *cc, const char *srs,
		       struct crs_entry *en, struct err *e)
{
	PJ_CONTEXT *pj = cc->pj;
	PJ *crs = NULL, *base = NULL, *op = NULL;
	const char *auth, *code, *name;
	int type, ret = -1;

	crs = proj_create(pj, srs);
	if (crs && !proj_is_crs(crs) && srs[0] == '+' && !strstr(srs, "type=crs")) {
		/* "+proj=tmerc ..." without +type=crs, as GDAL accepts it */
		size_t len = strlen(srs) + sizeof(" +type=crs");
		char *s = malloc(len);

		if (!s) {
			err_set(e, ERR_NOMEM, _("out of memory"));
			goto out;
		}
		snprintf(s, len, "%s +type=crs", srs);
		proj_destroy(crs);
		crs = proj_create(pj, s);
		free(s);
	}
	if (!crs || !proj_is_crs(crs)) {
		err_set(e, ERR_INPUT, _("srs '%s': not a coordinate reference system known to PROJ"),
			srs);
		goto out;
	}
	type = proj_get_type(crs);
	base = type == PJ_TYPE_BOUND_CRS ? proj_get_source_crs(pj, crs) : proj_clone(pj, crs);
	if (!base) {
		err_set(e, ERR_GEO, _("srs '%s': cannot read its definition"), srs);
		goto out;
	}
	memset(&en->info, 0, sizeof(en->info));
	switch (proj_get_type(base)) {
	case PJ_TYPE_GEOGRAPHIC_2D_CRS:
	case PJ_TYPE_GEOGRAPHIC_3D_CRS:
		en->info.kind = GEO_CRS_GEOGRAPHIC;
		break;
	case PJ_TYPE_PROJECTED_CRS:
		en->info.kind = GEO_CRS_PROJECTED;
		break;
	default:
		err_set(e, ERR_INPUT, _("srs '%s': neither geographic nor projected"), srs);
		goto out;
	}
	auth = proj_get_id_auth_name(base, 0);
	code = proj_get_id_code(base, 0);
	if (auth && code && !strcmp(auth, "EPSG"))
		en->info.epsg = atoi(code);
	name = proj_get_name(base);
	if (en->info.epsg)
		snprintf(en->info.srs, sizeof(en->info.srs), "EPSG:%d", en->info.epsg);
	else if (strlen(srs) < sizeof(en->info.srs))
		snprintf(en->info.srs, sizeof(en->info.srs), "%s", srs);
	else    /* a long WKT: its name reads better in messages */
		snprintf(en->info.srs, sizeof(en->info.srs), "'%.60s'", name ? name : "?");
	snprintf(en->info.name, sizeof(en->info.name), "%s", name ? name : "");
	en->info.datum = datum_of(pj, base);
	if (en->info.kind == GEO_CRS_PROJECTED)
		classify_gk(pj, base, en->info.epsg, &en->info.gk);

	op = proj_create_crs_to_crs_from_pj(pj, crs, cc->cgcs, NULL, NULL);
	if (!op) {
		err_set(e, ERR_GEO, _("srs '%s': PROJ has no way to CGCS2000: %s"), srs,
			proj_context_errno_string(pj, proj_context_errno(pj)));
		goto out;
	}
	en->to_cgcs = proj_normalize_for_visualization(pj, op);
	if (!en->to_cgcs) {
		err_set(e, ERR_GEO, _("srs '%s': cannot normalise axis order"), srs);
		goto out;
	}
	if (!ellipsoid_is_grs80(pj, base))
		set_caveat(pj, base, op, &en->info);
	en->key = strdup(srs);
	if (!en->key) {
		err_set(e, ERR_NOMEM, _("out of memory"));
		goto out;
	}
	ret = 0;
out:
	if (ret) {
		proj_destroy(en->to_cgcs);
		en->to_cgcs = NULL;
	}
	proj_destroy(op);
	proj_destroy(base);
	proj_destroy(crs);
	return ret;
}

/* The cached entry for srs, created on first use. */
static struct crs_entry *entry_get(struct geo_crs_cache *cc, const char *srs, struct err *e)
{
	struct crs_entry *en, fresh;
	int i, victim = 0;

	cc->clock++;
	for (i = 0; i < cc->n; i++) {
		if (!strcmp(cc->entry[i].key, srs)) {
			cc->entry[i].used = cc->clock;
			return &cc->entry[i];
		}
	}
	memset(&fresh, 0, sizeof(fresh));
	if (entry_build(cc, srs, &fresh, e))
		return NULL;
	if (cc->n < CACHE_MAX) {
		victim = cc->n++;
	} else {
		for (i = 1; i < CACHE_MAX; i++)
			if (cc->entry[i].used < cc->entry[victim].used)
				victim = i;
		entry_clear(&cc->entry[victim]);
	}
	en = &cc->entry[victim];
	*en = fresh;
	en->used = cc->clock;
	return en;
}

int geo_crs_describe(struct geo_crs_cache *cc, const char *srs,
		     struct geo_crs_info *info, struct err *e)
{
	struct crs_entry *en = entry_get(cc, srs ? srs : GEO_SRS_CGCS2000, e);

	if (!en)
		return -1;
	if (info)
		*info = en->info;
	return 0;
}

/* "zone 37 (111°E ±1.5°) of EPSG:4525" */
static void zone_text(char *buf, size_t len, const struct geo_crs_info *info)
{
	double half = info->gk.width == 3 ? 1.5 : 3.0;

	if (info->gk.zone)
		snprintf(buf, len, _("zone %d (%g°E ±%g°) of %s"),
			 info->gk.zone, info->gk.cm, half, info->srs);
	else
		snprintf(buf, len, _("the zone (%g°E ±%g°) of %s"),
			 info->gk.cm, half, info->srs);
}

/* A Gauss-Krüger CRS has its central meridian set (never 0° in China). */
static int is_gk(const struct geo_crs_info *info)
{
	return info->gk.cm != 0;
}

static int outside_zone(const struct geo_crs_info *info, double lon)
{
	double half = info->gk.width == 3 ? 1.5 : 3.0;

	return fabs(lon - info->gk.cm) > half + GEO_GK_ZONE_SLACK_DEG;
}

/* Refuse lon/lat out of range, swapped or outside China (fields lon, lat). */
static int check_lonlat(double lon, double lat, struct err *e)
{
	char s1[40], s2[40];

	if (!isfinite(lon))
		return err_set(e, ERR_INPUT, _("field 'lon': not a finite number: '%s'"),
			       num(s1, sizeof(s1), lon));
	if (!isfinite(lat))
		return err_set(e, ERR_INPUT, _("field 'lat': not a finite number: '%s'"),
			       num(s1, sizeof(s1), lat));
	if (fabs(lat) > 90.0 && geo_china_contains(lat, lon))
		return err_set(e, ERR_INPUT,
			       _("field 'lat': out of range, lon and lat look swapped "
				 "(longitude comes first): '%s'"), num(s1, sizeof(s1), lat));
	if (fabs(lon) > 180.0)
		return err_set(e, ERR_INPUT, _("field 'lon': out of range -180..180: '%s'"),
			       num(s1, sizeof(s1), lon));
	if (fabs(lat) > 90.0)
		return err_set(e, ERR_INPUT, _("field 'lat': out of range -90..90: '%s'"),
			       num(s1, sizeof(s1), lat));
	if (!geo_china_contains(lon, lat))
		return err_set(e, ERR_INPUT,
			       _("fields 'lon' 'lat': point lies outside China "
				 "(lon %g..%g, lat %g..%g): '%s' '%s'"),
			       GEO_CHINA_LON_MIN, GEO_CHINA_LON_MAX,
			       GEO_CHINA_LAT_MIN, GEO_CHINA_LAT_MAX,
			       num(s1, sizeof(s1), lon), num(s2, sizeof(s2), lat));
	return 0;
}

/* x (northing) and y (easting) against the Gauss-Krüger CRS of info. */
static int check_gk_xy(const struct geo_crs_info *info, double x, double y, struct err *e)
{
	char s1[40];
	int pz, nx = ndigits(x), ny = ndigits(y);

	if ((nx == 8 && ny == 7) || (!info->gk.prefixed && nx <= 6 && ny == 7))
		return err_set(e, ERR_INPUT,
			       _("field 'x': has %d digits, x and y look swapped "
				 "(x is the northing, 7 digits in China): '%s'"),
			       nx, num(s1, sizeof(s1), x));
	pz = geo_gk_prefix(y, NULL);
	if (info->gk.prefixed) {
		if (!pz)
			return err_set(e, ERR_INPUT,
				       _("field 'y': no zone prefix, but %s expects one "
					 "(%dxxxxxx): '%s'"),
				       info->srs, info->gk.zone, num(s1, sizeof(s1), y));
		if (pz != info->gk.zone)
			return err_set(e, ERR_INPUT,
				       _("field 'y': zone prefix %d disagrees with zone %d of %s: '%s'"),
				       pz, info->gk.zone, info->srs, num(s1, sizeof(s1), y));
	} else if (pz || y >= 1e6) {
		int code = geo_gk_epsg(pz, info->gk.width ? info->gk.width : 3, 1);

		if (pz && code)
			return err_set(e, ERR_INPUT,
				       _("field 'y': has zone prefix %d, but %s takes eastings "
					 "without one (EPSG:%d has it): '%s'"),
				       pz, info->srs, code, num(s1, sizeof(s1), y));
		return err_set(e, ERR_INPUT,
			       _("field 'y': easting out of range for %s (0..1000000 "
				 "without zone prefix): '%s'"), info->srs, num(s1, sizeof(s1), y));
	}
	return 0;
}

/* The srs key for a declared zone (CGCS2000), after checking it and y. */
static int zone_key(const struct geo_crs_in *in, double x, double y, char *key,
		    size_t len, struct err *e)
{
	char s1[40];
	int width = in->zone_width, pz, pw;

	if (width && width != 3 && width != 6)
		return err_set(e, ERR_INPUT, _("zone width %d: must be 3 or 6"), width);
	if (!width)
		width = zone_valid(in->zone, 6) ? 6 : zone_valid(in->zone, 3) ? 3 : 0;
	if (!zone_valid(in->zone, width)) {
		if (in->zone_width)
			return err_set(e, ERR_INPUT,
				       _("zone %d is not a CGCS2000 %d° zone (%s)"), in->zone,
				       width, width == 3 ? "25..45" : "13..23");
		return err_set(e, ERR_INPUT,
			       _("zone %d is not a CGCS2000 zone (13..23 for 6°, 25..45 for 3°)"),
			       in->zone);
	}
	if (ndigits(x) == 8 && ndigits(y) == 7)
		return err_set(e, ERR_INPUT,
			       _("field 'x': has 8 digits, x and y look swapped "
				 "(x is the northing, 7 digits in China): '%s'"),
			       num(s1, sizeof(s1), x));
	pz = geo_gk_prefix(y, &pw);
	if (pz && pz != in->zone)
		return err_set(e, ERR_INPUT,
			       _("field 'y': zone prefix %d disagrees with zone %d: '%s'"),
			       pz, in->zone, num(s1, sizeof(s1), y));
	snprintf(key, len, "EPSG:%d", geo_gk_epsg(in->zone, width, pz != 0));
	return 0;
}

/* The srs key when nothing was declared: GK from a y prefix, else 4490. */
static int detect_key(double x, double y, char *key, size_t len, struct err *e)
{
	char s1[40];
	int nx = ndigits(x), ny = ndigits(y), pz, pw;

	if (nx == 8 && ny == 7)
		return err_set(e, ERR_INPUT,
			       _("field 'x': has 8 digits, x and y look swapped "
				 "(x is the northing, 7 digits in China): '%s'"),
			       num(s1, sizeof(s1), x));
	if (nx == 7 && ny == 8) {
		pz = geo_gk_prefix(y, &pw);
		if (!pw)
			return err_set(e, ERR_INPUT,
				       _("field 'y': zone prefix %d is not a CGCS2000 zone "
					 "(13..23 for 6°, 25..45 for 3°): '%s'"),
				       pz, num(s1, sizeof(s1), y));
		snprintf(key, len, "EPSG:%d", geo_gk_epsg(pz, pw, 1));
		return 0;
	}
	snprintf(key, len, "%s", GEO_SRS_CGCS2000);
	return 0;
}

int geo_crs_to_cgcs(struct geo_crs_cache *cc, const struct geo_crs_in *in,
		    double a, double b, double *lon, double *lat,
		    struct geo_crs_info *info, struct err *e)
{
	static const struct geo_crs_in none = GEO_CRS_IN_INIT;
	struct geo_crs_info inf;
	struct crs_entry *en;
	char key[48], s1[40], s2[40], zt[128];
	const char *srs;
	PJ_COORD c;

	if (!in)
		in = &none;
	if (!isfinite(a) || !isfinite(b))
		return err_set(e, ERR_INPUT, _("coordinates: not finite numbers: '%s' '%s'"),
			       num(s1, sizeof(s1), a), num(s2, sizeof(s2), b));
	if (in->srs) {
		srs = in->srs;
	} else if (in->zone || in->zone_width) {
		if (!in->zone)
			return err_set(e, ERR_INPUT, _("zone width %d given without a zone"),
				       in->zone_width);
		if (zone_key(in, a, b, key, sizeof(key), e))
			return -1;
		srs = key;
	} else {
		if (detect_key(a, b, key, sizeof(key), e))
			return -1;
		srs = key;
	}
	en = entry_get(cc, srs, e);
	if (!en)
		return -1;
	inf = en->info;

	if (inf.kind == GEO_CRS_GEOGRAPHIC) {
		if (in->zone)
			return err_set(e, ERR_INPUT,
				       _("zone %d given, but %s is not a Gauss-Krüger system"),
				       in->zone, inf.srs);
		if (!in->srs && (fabs(a) > 180.0 || fabs(b) > 90.0) &&
		    !(fabs(b) > 90.0 && geo_china_contains(b, a)))
			return err_set(e, ERR_INPUT,
				       _("fields 'x' 'y': neither lon/lat nor Gauss-Krüger with a "
					 "zone prefix in y; give the srs or the zone: '%s' '%s'"),
				       num(s1, sizeof(s1), a), num(s2, sizeof(s2), b));
		if (check_lonlat(a, b, e))
			return -1;
		c = proj_coord(a, b, 0, 0);
	} else {
		if (is_gk(&inf)) {
			int dw = in->zone_width;

			if (dw && dw != 3 && dw != 6)
				return err_set(e, ERR_INPUT, _("zone width %d: must be 3 or 6"), dw);
			if (in->srs && in->zone) {
				if (!dw)
					dw = zone_valid(in->zone, 6) ? 6 : zone_valid(in->zone, 3) ? 3 : 0;
				if ((inf.gk.zone && in->zone != inf.gk.zone) ||
				    geo_gk_cm(in->zone, dw) != inf.gk.cm)
					return err_set(e, ERR_INPUT,
						       _("zone %d disagrees with %s (central meridian %g°E)"),
						       in->zone, inf.srs, inf.gk.cm);
			}
			if (dw && inf.gk.width && dw != inf.gk.width)
				return err_set(e, ERR_INPUT,
					       _("zone width %d disagrees with %s (%d° zones)"),
					       dw, inf.srs, inf.gk.width);
			if (!inf.gk.width && dw) {
				inf.gk.width = dw;
				inf.gk.zone = dw == 3 ? (int)(inf.gk.cm / 3.0) : (int)((inf.gk.cm + 3.0) / 6.0);
			}
			if (check_gk_xy(&inf, a, b, e))
				return -1;
		} else if (in->zone) {
			return err_set(e, ERR_INPUT,
				       _("zone %d given, but %s is not a Gauss-Krüger system"),
				       in->zone, inf.srs);
		}
		c = proj_coord(b, a, 0, 0);
	}

	proj_errno_reset(en->to_cgcs);
	c = proj_trans(en->to_cgcs, PJ_FWD, c);
	if (!isfinite(c.lp.lam) || !isfinite(c.lp.phi) || fabs(c.lp.lam) == HUGE_VAL)
		return err_set(e, ERR_INPUT, _("fields '%s' '%s': cannot be converted from %s: '%s' '%s'"),
			       inf.kind == GEO_CRS_GEOGRAPHIC ? "lon" : "x",
			       inf.kind == GEO_CRS_GEOGRAPHIC ? "lat" : "y", inf.srs,
			       num(s1, sizeof(s1), a), num(s2, sizeof(s2), b));

	if (inf.kind == GEO_CRS_PROJECTED && !geo_china_contains(c.lp.lam, c.lp.phi))
		return err_set(e, ERR_INPUT,
			       _("fields 'x' 'y': point at lon %.6f lat %.6f lies outside China "
				 "(lon %g..%g, lat %g..%g): '%s' '%s'"),
			       c.lp.lam, c.lp.phi, GEO_CHINA_LON_MIN, GEO_CHINA_LON_MAX,
			       GEO_CHINA_LAT_MIN, GEO_CHINA_LAT_MAX,
			       num(s1, sizeof(s1), a), num(s2, sizeof(s2), b));
	if (is_gk(&inf) && outside_zone(&inf, c.lp.lam)) {
		zone_text(zt, sizeof(zt), &inf);
		return err_set(e, ERR_INPUT, _("field 'y': point at %.6f°E lies outside %s: '%s'"),
			       c.lp.lam, zt, num(s1, sizeof(s1), b));
	}
	*lon = c.lp.lam;
	*lat = c.lp.phi;
	if (info)
		*info = inf;
	return 0;
}

int geo_crs_from_cgcs(struct geo_crs_cache *cc, const char *t_srs,
		      double lon, double lat, double *a, double *b,
		      struct geo_crs_info *info, struct err *e)
{
	struct crs_entry *en;
	char s1[40], zt[128];
	PJ_COORD c;

	if (check_lonlat(lon, lat, e))
		return -1;
	en = entry_get(cc, t_srs ? t_srs : GEO_SRS_CGCS2000, e);
	if (!en)
		return -1;
	if (is_gk(&en->info) && outside_zone(&en->info, lon)) {
		zone_text(zt, sizeof(zt), &en->info);
		return err_set(e, ERR_INPUT, _("field 'lon': point lies outside %s: '%s'"),
			       zt, num(s1, sizeof(s1), lon));
	}
	proj_errno_reset(en->to_cgcs);
	c = proj_trans(en->to_cgcs, PJ_INV, proj_coord(lon, lat, 0, 0));
	if (!isfinite(c.xy.x) || !isfinite(c.xy.y) || fabs(c.xy.x) == HUGE_VAL)
		return err_set(e, ERR_GEO, _("cannot convert lon %.9f lat %.9f to %s"),
			       lon, lat, en->info.srs);
	if (en->info.kind == GEO_CRS_PROJECTED) {
		*a = c.xy.y;
		*b = c.xy.x;
	} else {
		*a = c.lp.lam;
		*b = c.lp.phi;
	}
	if (info)
		*info = en->info;
	return 0;
}

int geo_crs_trans_xy(struct geo_crs_cache *cc, const char *srs, int to_cgcs,
		     double *x, double *y, size_t n, struct err *e)
{
	struct crs_entry *en = entry_get(cc, srs ? srs : GEO_SRS_CGCS2000, e);
	PJ_DIRECTION dir = to_cgcs ? PJ_FWD : PJ_INV;
	size_t i;

	if (!en)
		return -1;
	if (!n)
		return 0;
	proj_errno_reset(en->to_cgcs);
	proj_trans_generic(en->to_cgcs, dir, x, sizeof(double), n, y, sizeof(double), n,
			   NULL, 0, 0, NULL, 0, 0);
	for (i = 0; i < n; i++)
		if (!isfinite(x[i]) || !isfinite(y[i]) || fabs(x[i]) == HUGE_VAL)
			return err_set(e, ERR_GEO, _("cannot transform coordinate %zu %s %s"),
				       i + 1, to_cgcs ? _("from") : _("to"), en->info.srs);
	return 0;
}
