/* imp_names.c - standard place names from CSV and GeoJSON.
 *
 * Reads rows, turns coordinates into CGCS2000 (geo_crs.h), and hands each
 * place to reg_place.h: new places are inserted with a 'registered' event,
 * places already there are compared field by field.  Encoding and error
 * rules are those of imp_divisions.c.
 */
#include "import/imp_names.h"

#include <jansson.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/clock.h"
#include "common/i18n.h"
#include "common/utf8.h"
#include "geo/geo_crs.h"
#include "import/imp_csv.h"
#include "registry/reg_name.h"
#include "registry/reg_place.h"

/* One input record, whatever the format. */
struct row {
	const char *name, *klass, *division, *roman, *meaning, *origin, *history;
	const char *former, *aliases, *shorts, *zm, *tm, *from, *to, *status, *protect;
	const unsigned char *wkb;
	size_t nwkb;
	const char *src_srs;
};

struct loader {
	struct reg *r;
	struct geo_ctx *g;
	struct geo_crs_cache *cc;
	const char *path;
	const char *s_srs;
	const struct imp_opts *o;
	struct imp_names_result *res;
};

static int same_text(const char *a, const char *b)
{
	return !strcmp(a ? a : "", b ? b : "");
}

/* Split a ';'-separated list (also '；' and '、') into names and add each
 * as kind; *changed counts the new ones. */
static int add_others(struct loader *L, long long id, const char *list, const char *kind,
		      long *added, const char *where, const char *field, struct err *e)
{
	char *copy, *p, *start;
	int rc = 0;

	if (!list || !*list)
		return 0;
	copy = strdup(list);
	if (!copy)
		return err_set(e, ERR_NOMEM, _("out of memory"));
	/* Normalise the full-width separators to ';'. */
	for (p = copy; *p; p++) {
		if (!strncmp(p, "；", 3) || !strncmp(p, "、", 3)) {
			p[0] = ';';
			memmove(p + 1, p + 3, strlen(p + 3) + 1);
		}
	}
	for (start = copy; rc == 0 && start; start = p) {
		int one = 0;

		p = strchr(start, ';');
		if (p)
			*p++ = '\0';
		while (*start == ' ')
			start++;
		if (!*start)
			continue;
		if (id) {
			rc = reg_place_other_add(L->r, id, start, kind, NULL, NULL, &one, e);
			if (rc < 0)
				err_prefix(e, _("%s: field '%s': "), where, field);
		}
		*added += one;
	}
	free(copy);
	return rc;
}

/* Would adding the names of list (kind) change place id?  1 yes, 0 no. */
struct has_state {
	const char *name, *kind;
	int found;
};

static int has_one(const struct reg_other_name *o, void *arg)
{
	struct has_state *h = arg;

	if (!strcmp(o->name, h->name) && !strcmp(o->kind, h->kind))
		h->found = 1;
	return h->found;
}

static int others_missing(struct loader *L, long long id, const char *list, const char *kind,
			  struct err *e)
{
	char *copy, *p, *start;
	int missing = 0;

	if (!list || !*list)
		return 0;
	copy = strdup(list);
	if (!copy)
		return err_set(e, ERR_NOMEM, _("out of memory"));
	for (p = copy; *p; p++)
		if (!strncmp(p, "；", 3) || !strncmp(p, "、", 3)) {
			p[0] = ';';
			memmove(p + 1, p + 3, strlen(p + 3) + 1);
		}
	for (start = copy; !missing && start; start = p) {
		struct has_state h;

		p = strchr(start, ';');
		if (p)
			*p++ = '\0';
		while (*start == ' ')
			start++;
		if (!*start)
			continue;
		h.name = start;
		h.kind = reg_other_kind(kind);
		h.found = 0;
		if (reg_place_others_each(L->r, id, has_one, &h, e) < 0) {
			free(copy);
			return -1;
		}
		missing = !h.found;
	}
	free(copy);
	return missing;
}

static int parse_date(const char *s, const char *field, const char *where, struct err *e)
{
	long days;

	if (s && *s && clock_parse_date(s, &days, e) < 0)
		return err_prefix(e, _("%s: field '%s': "), where, field);
	return 0;
}

/* Fill p from r; the record's own problems are ERR_INPUT naming the field. */
static int make_place(struct loader *L, const struct row *rw, struct reg_place *p,
		      const char *where, struct err *e)
{
	struct reg_class c;

	if (!rw->name || !*rw->name)
		return err_set(e, ERR_INPUT, _("%s: field 'name': empty"), where);
	if (strlen(rw->name) >= sizeof(p->name))
		return err_set(e, ERR_INPUT, _("%s: field 'name': longer than %d bytes"), where,
			       (int)sizeof(p->name) - 1);
	snprintf(p->name, sizeof(p->name), "%s", rw->name);
	if (!rw->klass || !*rw->klass)
		return err_set(e, ERR_INPUT, _("%s: field 'class': empty"), where);
	if (reg_class_resolve(L->r, rw->klass, &c, e) < 0)
		return err_prefix(e, _("%s: field 'class': "), where);
	memcpy(p->class_code, c.code, sizeof(c.code));
	snprintf(p->class_name, sizeof(p->class_name), "%s", c.name);
	if (!rw->division || !*rw->division)
		return err_set(e, ERR_INPUT, _("%s: field 'division_code': empty"), where);
	if (reg_code_normalize(rw->division, p->division_code, e) < 0)
		return err_prefix(e, _("%s: field 'division_code': "), where);
	snprintf(p->romanization, sizeof(p->romanization), "%s", rw->roman ? rw->roman : "");
	snprintf(p->zhuanming, sizeof(p->zhuanming), "%s", rw->zm ? rw->zm : "");
	snprintf(p->tongming, sizeof(p->tongming), "%s", rw->tm ? rw->tm : "");
	reg_place_set_text(&p->meaning, rw->meaning);
	reg_place_set_text(&p->origin, rw->origin);
	reg_place_set_text(&p->history, rw->history);
	if (parse_date(rw->from, "valid_from", where, e) < 0 ||
	    parse_date(rw->to, "valid_to", where, e) < 0)
		return -1;
	snprintf(p->valid_from, sizeof(p->valid_from), "%s", rw->from ? rw->from : "");
	snprintf(p->valid_to, sizeof(p->valid_to), "%s", rw->to ? rw->to : "");
	p->status = REG_PLACE_CURRENT;
	if (rw->status && *rw->status) {
		if (!strcmp(rw->status, "historical") || !strcmp(rw->status, "历史"))
			p->status = REG_PLACE_HISTORICAL;
		else if (strcmp(rw->status, "current") && strcmp(rw->status, "现今"))
			return err_set(e, ERR_INPUT,
				       _("%s: field 'status': expected current or historical, not '%s'"),
				       where, rw->status);
	}
	if (rw->protect && *rw->protect) {
		if (!strcmp(rw->protect, "1") || !strcmp(rw->protect, "是") ||
		    !strcmp(rw->protect, "yes") || !strcmp(rw->protect, "true"))
			p->protect = 1;
		else if (strcmp(rw->protect, "0") && strcmp(rw->protect, "否") &&
			 strcmp(rw->protect, "no") && strcmp(rw->protect, "false"))
			return err_set(e, ERR_INPUT,
				       _("%s: field 'protected': expected 1 or 0, not '%s'"), where,
				       rw->protect);
	}
	if (rw->wkb) {
		reg_place_set_wkb(p, rw->wkb, rw->nwkb);
		snprintf(p->src_srs, sizeof(p->src_srs), "%s", rw->src_srs ? rw->src_srs : "");
	}
	return 0;
}

/* The fields a row gives that differ from the stored place ("" if none). */
static const char *differs(const struct row *rw, const struct reg_place *in,
			   const struct reg_place *old)
{
	if (rw->roman && *rw->roman && strcmp(in->romanization, old->romanization))
		return "romanization";
	if (rw->zm && *rw->zm && strcmp(in->zhuanming, old->zhuanming))
		return "zhuanming";
	if (rw->tm && *rw->tm && strcmp(in->tongming, old->tongming))
		return "tongming";
	if (rw->meaning && *rw->meaning && !same_text(in->meaning, old->meaning))
		return "meaning";
	if (rw->origin && *rw->origin && !same_text(in->origin, old->origin))
		return "origin";
	if (rw->history && *rw->history && !same_text(in->history, old->history))
		return "history";
	if (rw->from && *rw->from && strcmp(in->valid_from, old->valid_from))
		return "valid_from";
	if (rw->to && *rw->to && strcmp(in->valid_to, old->valid_to))
		return "valid_to";
	if (rw->status && *rw->status && in->status != old->status)
		return "status";
	if (rw->protect && *rw->protect && in->protect != old->protect)
		return "protected";
	if (rw->wkb && (!old->wkb || old->nwkb != in->nwkb || memcmp(old->wkb, in->wkb, in->nwkb)))
		return "geometry";
	return "";
}

/* Merge what the row gives into the stored place. */
static void merge(const struct row *rw, const struct reg_place *in, struct reg_place *old)
{
	if (rw->roman && *rw->roman)
		memcpy(old->romanization, in->romanization, sizeof(old->romanization));
	if (rw->zm && *rw->zm)
		memcpy(old->zhuanming, in->zhuanming, sizeof(old->zhuanming));
	if (rw->tm && *rw->tm)
		memcpy(old->tongming, in->tongming, sizeof(old->tongming));
	if (rw->meaning && *rw->meaning)
		reg_place_set_text(&old->meaning, in->meaning);
	if (rw->origin && *rw->origin)
		reg_place_set_text(&old->origin, in->origin);
	if (rw->history && *rw->history)
		reg_place_set_text(&old->history, in->history);
	if (rw->from && *rw->from)
		memcpy(old->valid_from, in->valid_from, sizeof(old->valid_from));
	if (rw->to && *rw->to)
		memcpy(old->valid_to, in->valid_to, sizeof(old->valid_to));
	if (rw->status && *rw->status)
		old->status = in->status;
	if (rw->protect && *rw->protect)
		old->protect = in->protect;
	if (rw->wkb) {
		reg_place_set_wkb(old, in->wkb, in->nwkb);
		memcpy(old->src_srs, in->src_srs, sizeof(old->src_srs));
	}
}

static int put(struct loader *L, const struct row *rw, const char *where, struct err *e)
{
	struct reg_place p, old;
	long long id;
	long added = 0;
	const char *field;
	char note[512];
	int rc = -1, missing = 0;

	reg_place_init(&p);
	reg_place_init(&old);
	if (make_place(L, rw, &p, where, e) < 0)
		goto out;
	if (reg_place_match(L->r, p.name, p.class_code, p.division_code, &id, e) < 0)
		goto out;
	if (!id) {
		reg_place_derive(&p);
		if (reg_place_insert(L->r, &p, e) < 0) {
			err_prefix(e, "%s: ", where);
			goto out;
		}
		snprintf(note, sizeof(note), _("imported from %s"), L->path);
		if (reg_place_event_add(L->r, p.id, "registered",
					p.valid_from[0] ? p.valid_from : NULL, p.name, NULL, 0, 0,
					note, e) < 0 ||
		    add_others(L, p.id, rw->former, "曾用名", &added, where, "former_names", e) < 0 ||
		    add_others(L, p.id, rw->aliases, "别名", &added, where, "aliases", e) < 0 ||
		    add_others(L, p.id, rw->shorts, "简称", &added, where, "short_names", e) < 0)
			goto out;
		L->res->inserted++;
		L->res->other_names += added;
		rc = 0;
		goto out;
	}
	if (reg_place_get(L->r, id, &old, e) < 0)
		goto out;
	field = differs(rw, &p, &old);
	if (!*field) {
		static const char *const kinds[][2] = {
			{ "曾用名", "former_names" }, { "别名", "aliases" }, { "简称", "short_names" },
		};
		const char *lists[3] = { rw->former, rw->aliases, rw->shorts };
		int k;

		for (k = 0; k < 3 && !missing; k++) {
			missing = others_missing(L, id, lists[k], kinds[k][0], e);
			if (missing < 0)
				goto out;
			if (missing)
				field = kinds[k][1];
		}
	}
	if (!*field) {
		L->res->unchanged++;
		rc = 0;
		goto out;
	}
	if (!L->o->update) {
		L->res->conflicts++;
		imp_diag(L->o, IMP_ERROR,
			 _("%s: field '%s': conflict: place %lld '%s' differs in the registry (use --update to replace)"),
			 where, field, id, old.name);
		rc = 0;
		goto out;
	}
	merge(rw, &p, &old);
	snprintf(note, sizeof(note), _("updated from %s"), L->path);
	if (reg_place_update(L->r, &old, e) < 0 ||
	    reg_place_event_add(L->r, id, "updated", NULL, old.name, NULL, 0, 0, note, e) < 0 ||
	    add_others(L, id, rw->former, "曾用名", &added, where, "former_names", e) < 0 ||
	    add_others(L, id, rw->aliases, "别名", &added, where, "aliases", e) < 0 ||
	    add_others(L, id, rw->shorts, "简称", &added, where, "short_names", e) < 0)
		goto out;
	L->res->updated++;
	L->res->other_names += added;
	rc = 0;
out:
	reg_place_release(&p);
	reg_place_release(&old);
	return rc;
}

/* WKB of a point (ISO, little endian). */
static void point_wkb(double lon, double lat, unsigned char out[21])
{
	uint32_t type = 1;
	int i;

	out[0] = 1;
	for (i = 0; i < 4; i++)
		out[1 + i] = (unsigned char)(type >> (8 * i));
	memcpy(out + 5, &lon, 8);
	memcpy(out + 13, &lat, 8);
}

static int parse_number(const char *s, const char *field, const char *where, double *v,
			struct err *e)
{
	char *end;

	*v = strtod(s, &end);
	if (end == s || *end || !isfinite(*v))
		return err_set(e, ERR_INPUT, _("%s: field '%s': not a number: '%s'"), where, field, s);
	return 0;
}

/* A point from two coordinate fields: lon/lat, or x/y (northing, easting
 * as 成果表 print them). */
static int point_from(struct loader *L, const char *fa, const char *a, const char *fb,
		      const char *b, const char *where, unsigned char wkb[21], struct err *e)
{
	struct geo_crs_in in = GEO_CRS_IN_INIT;
	double va, vb, lon, lat;

	if (parse_number(a, fa, where, &va, e) < 0 || parse_number(b, fb, where, &vb, e) < 0)
		return -1;
	in.srs = L->s_srs;
	if (geo_crs_to_cgcs(L->cc, &in, va, vb, &lon, &lat, NULL, e) < 0)
		return err_prefix(e, "%s: ", where);
	point_wkb(lon, lat, wkb);
	return 0;
}

/* The gazetteer's contract columns (reg_gazetteer.h, `export gazetteer`)
 * as other names of the import keys, so that an exported CSV or GeoJSON
 * file loads as it is.  类别代码 goes before 地名类别: the code is exact. */
static const struct {
	const char *key, *alias;
} key_aliases[] = {
	{ "name", "标准名称" }, { "class", "类别代码" }, { "class", "地名类别" },
	{ "division_code", "政区代码" }, { "lon", "经度" }, { "lat", "纬度" },
	{ "romanization", "罗马字母拼写" }, { "meaning", "地名含义" }, { "origin", "地名来历" },
	{ "history", "历史沿革" }, { "former_names", "曾用名" }, { "zhuanming", "专名" },
	{ "tongming", "通名" }, { "status", "状态" }, { "valid_to", "销名时间" },
};

/* The column of key, or of its first contract name present; -1 if none. */
static int csv_col(const struct imp_csv *c, const char *key)
{
	size_t i;
	int col = imp_csv_col(c, key);

	for (i = 0; col < 0 && i < sizeof(key_aliases) / sizeof(key_aliases[0]); i++)
		if (!strcmp(key_aliases[i].key, key))
			col = imp_csv_col(c, key_aliases[i].alias);
	return col;
}

static int load_csv(struct loader *L, struct buf *text, struct err *e)
{
	struct imp_csv c;
	int cname, cclass, cdiv, clon, clat, cx, cy, rc;
	int croman, cmean, corig, chist, cformer, calias, cshort, czm, ctm, cfrom, cto, cstat, cprot;
	char where[600];

	if (imp_csv_open(&c, L->path, text, e) < 0)
		return -1;
	cname = csv_col(&c, "name");
	cclass = csv_col(&c, "class");
	cdiv = csv_col(&c, "division_code");
	clon = csv_col(&c, "lon");
	clat = csv_col(&c, "lat");
	cx = csv_col(&c, "x");
	cy = csv_col(&c, "y");
	croman = csv_col(&c, "romanization");
	cmean = csv_col(&c, "meaning");
	corig = csv_col(&c, "origin");
	chist = csv_col(&c, "history");
	cformer = csv_col(&c, "former_names");
	calias = csv_col(&c, "aliases");
	cshort = csv_col(&c, "short_names");
	czm = csv_col(&c, "zhuanming");
	ctm = csv_col(&c, "tongming");
	cfrom = csv_col(&c, "valid_from");
	cto = csv_col(&c, "valid_to");
	cstat = csv_col(&c, "status");
	cprot = csv_col(&c, "protected");
	if (cname < 0 || cclass < 0 || cdiv < 0) {
		imp_csv_close(&c);
		return err_set(e, ERR_INPUT,
			       _("%s:1: header must name at least 'name', 'class' and 'division_code'"),
			       L->path);
	}
	if ((clon < 0) != (clat < 0) || (cx < 0) != (cy < 0)) {
		imp_csv_close(&c);
		return err_set(e, ERR_INPUT, _("%s:1: header: coordinates need both 'lon' and 'lat' (or 'x' and 'y')"),
			       L->path);
	}
	while ((rc = imp_csv_next(&c, e)) == 1) {
		struct row rw;
		unsigned char wkb[21];
		const char *a, *b;

		snprintf(where, sizeof(where), "%s:%ld", L->path, c.line);
		memset(&rw, 0, sizeof(rw));
		rw.name = imp_csv_get(&c, cname);
		rw.klass = imp_csv_get(&c, cclass);
		rw.division = imp_csv_get(&c, cdiv);
		rw.roman = imp_csv_get(&c, croman);
		rw.meaning = imp_csv_get(&c, cmean);
		rw.origin = imp_csv_get(&c, corig);
		rw.history = imp_csv_get(&c, chist);
		rw.former = imp_csv_get(&c, cformer);
		rw.aliases = imp_csv_get(&c, calias);
		rw.shorts = imp_csv_get(&c, cshort);
		rw.zm = imp_csv_get(&c, czm);
		rw.tm = imp_csv_get(&c, ctm);
		rw.from = imp_csv_get(&c, cfrom);
		rw.to = imp_csv_get(&c, cto);
		rw.status = imp_csv_get(&c, cstat);
		rw.protect = imp_csv_get(&c, cprot);
		/* x,y win over lon,lat when both are filled. */
		if (cx >= 0 && (*imp_csv_get(&c, cx) || *imp_csv_get(&c, cy))) {
			a = imp_csv_get(&c, cx);
			b = imp_csv_get(&c, cy);
			if (point_from(L, "x", a, "y", b, where, wkb, e) < 0) {
				rc = -1;
				break;
			}
			rw.wkb = wkb;
		} else if (clon >= 0 && (*imp_csv_get(&c, clon) || *imp_csv_get(&c, clat))) {
			a = imp_csv_get(&c, clon);
			b = imp_csv_get(&c, clat);
			if (point_from(L, "lon", a, "lat", b, where, wkb, e) < 0) {
				rc = -1;
				break;
			}
			rw.wkb = wkb;
		}
		if (rw.wkb) {
			rw.nwkb = sizeof(wkb);
			rw.src_srs = L->s_srs ? L->s_srs : "EPSG:4490";
		}
		if (put(L, &rw, where, e) < 0) {
			rc = -1;
			break;
		}
		if (++L->res->rows % 10000 == 0)
			imp_progress(L->o, L->res->rows);
	}
	imp_csv_close(&c);
	return rc < 0 ? -1 : 0;
}

/* A property as text: strings as they are, integers and reals printed,
 * arrays of strings joined with ';'.  The result lives in tmp. */
static const char *prop(json_t *props, const char *key, struct buf *tmp)
{
	json_t *v = json_object_get(props, key), *x;
	size_t i;

	for (i = 0; !v && i < sizeof(key_aliases) / sizeof(key_aliases[0]); i++)
		if (!strcmp(key_aliases[i].key, key))
			v = json_object_get(props, key_aliases[i].alias);
	buf_clear(tmp);
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_integer(v)) {
		buf_addf(tmp, "%lld", (long long)json_integer_value(v));
		return buf_str(tmp);
	}
	if (json_is_real(v)) {
		buf_addf(tmp, "%.17g", json_real_value(v));
		return buf_str(tmp);
	}
	if (json_is_true(v) || json_is_false(v))
		return json_is_true(v) ? "1" : "0";
	if (json_is_array(v)) {
		json_array_foreach(v, i, x)
			if (json_is_string(x))
				buf_addf(tmp, "%s%s", tmp->len ? ";" : "", json_string_value(x));
		return buf_str(tmp);
	}
	return NULL;
}

/* Turn every position of a GeoJSON coordinates array into CGCS2000, in
 * place; without s_srs only check that it lies in China. */
static int convert_coords(struct loader *L, json_t *coords, struct err *e)
{
	size_t i;
	json_t *x;

	if (json_array_size(coords) >= 2 && json_is_number(json_array_get(coords, 0))) {
		double a = json_number_value(json_array_get(coords, 0));
		double b = json_number_value(json_array_get(coords, 1));

		if (L->s_srs && geo_crs_trans_xy(L->cc, L->s_srs, 1, &a, &b, 1, e) < 0)
			return -1;
		if (!geo_china_contains(a, b))
			return err_set(e, ERR_INPUT,
				       _("point lies outside China (lon 73..136, lat 3..54): %.9g %.9g"),
				       a, b);
		json_array_set_new(coords, 0, json_real(a));
		json_array_set_new(coords, 1, json_real(b));
		return 0;
	}
	json_array_foreach(coords, i, x)
		if (json_is_array(x) && convert_coords(L, x, e) < 0)
			return -1;
	return 0;
}

static int geometry_wkb(struct loader *L, json_t *geom, unsigned char **wkb, size_t *n,
			const char *where, struct err *e)
{
	const char *type = json_string_value(json_object_get(geom, "type"));
	GEOSGeometry *in, *out = NULL;
	struct geo_fix fix;
	char *gj;
	int t;

	*wkb = NULL;
	if (!type || !json_is_array(json_object_get(geom, "coordinates")))
		return err_set(e, ERR_INPUT, _("%s: field 'geometry': not a GeoJSON geometry"), where);
	if (convert_coords(L, json_object_get(geom, "coordinates"), e) < 0)
		return err_prefix(e, _("%s: field 'geometry': "), where);
	gj = json_dumps(geom, JSON_COMPACT);
	in = gj ? geo_from_geojson(L->g, gj, e) : NULL;
	free(gj);
	if (!in)
		return err_prefix(e, _("%s: field 'geometry': "), where);
	t = GEOSGeomTypeId_r(L->g->gh, in);
	if (t == GEOS_POLYGON || t == GEOS_MULTIPOLYGON) {
		out = geo_polygon_fix(L->g, in, !L->o->strict, &fix, e);
		GEOSGeom_destroy_r(L->g->gh, in);
		if (!out)
			return err_prefix(e, _("%s: field 'geometry': "), where);
		if (fix.was_invalid)
			imp_diag(L->o, IMP_WARNING,
				 _("%s: field 'geometry': invalid polygon repaired (%s)"), where,
				 fix.reason);
		in = out;
	} else if (t != GEOS_POINT && t != GEOS_LINESTRING && t != GEOS_MULTIPOINT &&
		   t != GEOS_MULTILINESTRING) {
		GEOSGeom_destroy_r(L->g->gh, in);
		return err_set(e, ERR_INPUT,
			       _("%s: field 'geometry': expected a point, line or area, not %s"),
			       where, type);
	}
	{
		unsigned char *w = geo_to_wkb(L->g, in, n, e);

		GEOSGeom_destroy_r(L->g->gh, in);
		if (!w)
			return -1;
		*wkb = malloc(*n);
		if (!*wkb) {
			GEOSFree_r(L->g->gh, w);
			return err_set(e, ERR_NOMEM, _("out of memory"));
		}
		memcpy(*wkb, w, *n);
		GEOSFree_r(L->g->gh, w);
	}
	return 0;
}

static int load_geojson(struct loader *L, const struct buf *text, struct err *e)
{
	json_error_t jerr;
	json_t *root = json_loadb(buf_str(text), text->len, 0, &jerr), *features, *f;
	struct buf t[17];
	size_t i, k;
	int rc = 0;

	if (!root)
		return err_set(e, ERR_INPUT, _("%s:%d: not valid JSON: %s"), L->path, jerr.line,
			       jerr.text);
	features = json_object_get(root, "features");
	if (!json_is_string(json_object_get(root, "type")) ||
	    strcmp(json_string_value(json_object_get(root, "type")), "FeatureCollection") ||
	    !json_is_array(features)) {
		json_decref(root);
		return err_set(e, ERR_INPUT, _("%s: not a GeoJSON FeatureCollection"), L->path);
	}
	for (k = 0; k < sizeof(t) / sizeof(t[0]); k++)
		buf_init(&t[k]);
	json_array_foreach(features, i, f) {
		json_t *props = json_object_get(f, "properties"), *geom = json_object_get(f, "geometry");
		char where[600];
		struct row rw;
		unsigned char *wkb = NULL;
		size_t nwkb = 0;

		snprintf(where, sizeof(where), _("%s: feature %zu"), L->path, i + 1);
		memset(&rw, 0, sizeof(rw));
		rw.name = prop(props, "name", &t[0]);
		rw.klass = prop(props, "class", &t[1]);
		rw.division = prop(props, "division_code", &t[2]);
		rw.roman = prop(props, "romanization", &t[3]);
		rw.meaning = prop(props, "meaning", &t[4]);
		rw.origin = prop(props, "origin", &t[5]);
		rw.history = prop(props, "history", &t[6]);
		rw.former = prop(props, "former_names", &t[7]);
		rw.aliases = prop(props, "aliases", &t[8]);
		rw.shorts = prop(props, "short_names", &t[9]);
		rw.zm = prop(props, "zhuanming", &t[10]);
		rw.tm = prop(props, "tongming", &t[11]);
		rw.from = prop(props, "valid_from", &t[12]);
		rw.to = prop(props, "valid_to", &t[13]);
		rw.status = prop(props, "status", &t[14]);
		rw.protect = prop(props, "protected", &t[15]);
		if (rw.name && utf8_invalid_at(rw.name, strlen(rw.name)) != (size_t)-1) {
			rc = err_set(e, ERR_INPUT, _("%s: field 'properties.name': invalid UTF-8"), where);
			break;
		}
		if (json_is_object(geom)) {
			if (geometry_wkb(L, geom, &wkb, &nwkb, where, e) < 0) {
				rc = -1;
				break;
			}
			rw.wkb = wkb;
			rw.nwkb = nwkb;
			rw.src_srs = L->s_srs ? L->s_srs : "EPSG:4490";
		}
		rc = put(L, &rw, where, e);
		free(wkb);
		if (rc < 0)
			break;
		L->res->rows++;
	}
	for (k = 0; k < sizeof(t) / sizeof(t[0]); k++)
		buf_release(&t[k]);
	json_decref(root);
	return rc;
}

int imp_names(struct reg *r, struct geo_ctx *g, const char *path, const char *s_srs,
	      const struct imp_opts *o, struct imp_names_result *res, struct err *e)
{
	struct loader L;
	struct buf text = BUF_INIT;
	int rc, geojson;

	memset(res, 0, sizeof(*res));
	memset(&L, 0, sizeof(L));
	L.r = r;
	L.g = g;
	L.path = path;
	L.s_srs = s_srs && *s_srs ? s_srs : NULL;
	L.o = o;
	L.res = res;
	if (imp_read_text(path, o->encoding, &text, e) < 0)
		return -1;
	L.cc = geo_crs_cache_new(g, e);
	if (!L.cc) {
		buf_release(&text);
		return -1;
	}
	if (L.s_srs) {
		struct geo_crs_info info;

		if (geo_crs_describe(L.cc, L.s_srs, &info, e) < 0) {
			rc = -1;
			goto out;
		}
		if (info.caveat)
			imp_diag(o, IMP_WARNING, "%s", info.caveat_msg);
	}
	/* Divisions loaded since the last search need their index rows. */
	if (reg_name_index_sync(r, NULL, e) < 0) {
		rc = -1;
		goto out;
	}
	geojson = !strcmp(imp_sniff_format(path, buf_str(&text)), "geojson");
	if (reg_name_batch_begin(r, geojson ? 0 : (long)imp_count_newlines(&text), e) < 0) {
		rc = -1;
		goto out;
	}
	rc = geojson ? load_geojson(&L, &text, e) : load_csv(&L, &text, e);
	if (rc == 0)
		rc = reg_name_batch_end(r, e);
	else
		reg_name_batch_abort(r);
	if (rc == 0 && res->conflicts)
		rc = err_set(e, ERR_CONFLICT,
			     _("%s: %ld conflicts; nothing written (use --update to replace)"), path,
			     res->conflicts);
	imp_progress(o, res->rows);
out:
	geo_crs_cache_free(L.cc);
	buf_release(&text);
	return rc;
}
