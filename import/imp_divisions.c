/* imp_divisions.c - divisions from CSV (code lists) and GeoJSON (polygons).
 *
 * Parent codes must exist, in the registry or in the same file (in any
 * order); a code's parent is inferred from the code when the file gives
 * none.  Each row is inserted, found unchanged, or reported as a name
 * conflict; --update renames instead.
 */
#include "import/imp_divisions.h"

#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "common/clock.h"
#include "common/i18n.h"
#include "common/utf8.h"
#include "import/imp_csv.h"
#include "registry/reg_division.h"

/* ---- a set of 12-digit codes as integers (open addressing) ---- */

struct codeset {
	uint64_t *slot;  /* 0 = empty; codes never start with 0 */
	size_t cap, n;
};

static uint64_t code_num(const char code[13])
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < 12; i++)
		v = v * 10 + (uint64_t)(code[i] - '0');
	return v;
}

/* The last three digits keep their order: a town and its villages land
 * side by side, so a file in code order walks the table almost in order
 * instead of missing the cache on every row. */
static size_t code_hash(uint64_t v, size_t cap)
{
	uint64_t h = v / 1000;

	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return (size_t)(h + v % 1000) & (cap - 1);
}

/* Make room for n codes without rehashing (at most half full). */
static void codeset_reserve(struct codeset *s, size_t n)
{
	struct codeset t = { NULL, s->cap ? s->cap : 1024, 0 };
	size_t k;

	while (t.cap < 2 * n)
		t.cap *= 2;
	if (t.cap == s->cap)
		return;
	t.slot = alloc_huge(t.cap * sizeof(uint64_t));
	if (!t.slot)
		abort();
	memset(t.slot, 0, t.cap * sizeof(uint64_t));
	for (k = 0; k < s->cap; k++)
		if (s->slot[k]) {
			size_t i = code_hash(s->slot[k], t.cap);

			while (t.slot[i])
				i = (i + 1) & (t.cap - 1);
			t.slot[i] = s->slot[k];
			t.n++;
		}
	free(s->slot);
	*s = t;
}

/* Add v; 1 if it was new, 0 if already there. */
static int codeset_add(struct codeset *s, uint64_t v)
{
	size_t i;

	if ((s->n + 1) * 2 > s->cap)
		codeset_reserve(s, s->n + 1);
	for (i = code_hash(v, s->cap); s->slot[i]; i = (i + 1) & (s->cap - 1))
		if (s->slot[i] == v)
			return 0;
	s->slot[i] = v;
	s->n++;
	return 1;
}

static int codeset_has(const struct codeset *s, uint64_t v)
{
	size_t i;

	if (!s->cap)
		return 0;
	for (i = code_hash(v, s->cap); s->slot[i]; i = (i + 1) & (s->cap - 1))
		if (s->slot[i] == v)
			return 1;
	return 0;
}

/* Where a record came from: "FILE:LINE" or "FILE: feature N (id X)".  A
 * CSV line is formatted only when a message needs it (formatting it for
 * every row took some 4% of a national load). */
struct where {
	const char *path;
	long line;          /* > 0: not formatted yet */
	char text[600];
};

static const char *at(struct where *w)
{
	if (w->line > 0) {
		snprintf(w->text, sizeof(w->text), "%s:%ld", w->path, w->line);
		w->line = 0;
	}
	return w->text;
}

/* Rows whose parent was not yet known when they were read. */
struct pending {
	char code[13], parent[13];
	char where[600];
};

struct loader {
	struct reg *r;
	const char *path;
	const struct imp_opts *o;
	struct imp_divisions_result *res;
	struct reg_division_writer *w;
	struct codeset seen;
	uint64_t last_parent;  /* known to exist: rows come grouped by parent */
	struct pending *pend;
	size_t npend, cappend;
};

static void add_pending(struct loader *L, const struct reg_division *d,
			struct where *w)
{
	struct pending *p;

	if (L->npend == L->cappend) {
		size_t cap = L->cappend ? L->cappend * 2 : 64;
		struct pending *np = realloc(L->pend, cap * sizeof(*np));

		if (!np)
			abort();
		L->pend = np;
		L->cappend = cap;
	}
	p = &L->pend[L->npend++];
	memcpy(p->code, d->code, 13);
	memcpy(p->parent, d->parent_code, 13);
	snprintf(p->where, sizeof(p->where), "%s", at(w));
}

/* Store one division. */
static int put(struct loader *L, struct reg_division *d, struct where *w,
	       struct err *e)
{
	enum reg_put_outcome out;
	char old[REG_MAX_NAME], disp[13];
	int rc;

	uint64_t num = code_num(d->code);
	int bulk = reg_division_writer_bulk(L->w);

	/* A parent not read yet is checked at the end; in a bulk load the
	 * table started empty, so only this file can hold it. */
	if (d->parent_code[0]) {
		uint64_t parent = code_num(d->parent_code);

		if (parent != L->last_parent) {
			rc = codeset_has(&L->seen, parent) ? 1
			     : bulk ? 0 : reg_division_exists(L->w, d->parent_code, e);
			if (rc < 0)
				return -1;
			if (rc)
				L->last_parent = parent;
			else
				add_pending(L, d, w);
		}
	}
	if (bulk && codeset_add(&L->seen, num)) {
		if (reg_division_put_new(L->w, d, e) < 0)
			return err_prefix(e, "%s: ", at(w));
		out = REG_PUT_INSERTED;
	} else {
		if (reg_division_put(L->w, d, L->o->update, &out, old, e) < 0)
			return err_prefix(e, "%s: ", at(w));
		codeset_add(&L->seen, num);
	}
	switch (out) {
	case REG_PUT_INSERTED:
		L->res->inserted++;
		break;
	case REG_PUT_UNCHANGED:
		L->res->unchanged++;
		break;
	case REG_PUT_UPDATED:
		L->res->renamed++;
		break;
	case REG_PUT_CONFLICT:
		L->res->conflicts++;
		reg_code_display(d->code, disp);
		imp_diag(L->o, IMP_ERROR,
			 _("%s: field 'name': conflict: code %s is '%s' in the registry, '%s' here (use --update to rename)"),
			 at(w), disp, old, d->name);
		break;
	}
	return 0;
}

static int check_pending(struct loader *L, struct err *e)
{
	size_t i;
	char disp[13];
	int rc;

	for (i = 0; i < L->npend; i++) {
		struct pending *p = &L->pend[i];

		if (codeset_has(&L->seen, code_num(p->parent)))
			continue;
		rc = reg_division_exists(L->w, p->parent, e);
		if (rc < 0)
			return -1;
		if (!rc) {
			reg_code_display(p->parent, disp);
			return err_set(e, ERR_INPUT,
				       _("%s: field 'parent_code': parent division '%s' does not exist"),
				       p->where, disp);
		}
	}
	return 0;
}

/* Fill d from code/name/parent/level strings; errors name the field. */
static int make_division(struct reg_division *d, const char *code, const char *name,
			 const char *parent, const char *level, struct where *w,
			 struct err *e)
{
	size_t n;

	memset(d, 0, sizeof(*d));
	if (!*code)
		return err_set(e, ERR_INPUT, _("%s: field 'code': empty"), at(w));
	if (reg_code_normalize(code, d->code, e) < 0)
		return err_prefix(e, _("%s: field 'code': "), at(w));
	if (!*name)
		return err_set(e, ERR_INPUT, _("%s: field 'name': empty"), at(w));
	n = strlen(name);
	if (n >= REG_MAX_NAME)
		return err_set(e, ERR_INPUT, _("%s: field 'name': longer than %d bytes"),
			       at(w), REG_MAX_NAME - 1);
	memcpy(d->name, name, n + 1);
	d->level = reg_code_level(d->code);
	if (level && *level) {
		enum reg_level l = reg_level_parse(level);

		if (l == REG_LEVEL_NONE)
			return err_set(e, ERR_INPUT,
				       _("%s: field 'level': unknown level '%s' (province, city, county, town, village)"),
				       at(w), level);
		if (l != d->level)
			return err_set(e, ERR_INPUT,
				       _("%s: field 'level': '%s' does not match code '%s' (a %s code)"),
				       at(w), level, code, reg_level_name(d->level));
	}
	if (parent && *parent) {
		if (reg_code_normalize(parent, d->parent_code, e) < 0)
			return err_prefix(e, _("%s: field 'parent_code': "), at(w));
		/* Cities without counties (东莞 4419, 中山 4420, 儋州 4604) are
		 * listed again at county level as 441900 under 4419: the same
		 * division, so the row merges with its parent. */
		if (!strcmp(d->parent_code, d->code))
			reg_code_parent(d->code, d->parent_code);
		else if (reg_code_level(d->parent_code) >= d->level)
			return err_set(e, ERR_INPUT,
				       _("%s: field 'parent_code': '%s' is not above '%s'"),
				       at(w), parent, code);
	} else {
		reg_code_parent(d->code, d->parent_code);
	}
	return 0;
}

static int load_csv(struct loader *L, struct buf *text, struct err *e)
{
	struct imp_csv c;
	int ccode, cname, cparent, clevel, cfrom, cto, rc;
	struct where w = { L->path, 0, "" };
	size_t lines = imp_count_newlines(text) + 1;

	codeset_reserve(&L->seen, lines);
	reg_division_writer_reserve(L->w, lines);
	if (imp_csv_open(&c, L->path, text, e) < 0)
		return -1;
	ccode = imp_csv_col(&c, "code");
	cname = imp_csv_col(&c, "name");
	cparent = imp_csv_col(&c, "parent_code");
	clevel = imp_csv_col(&c, "level");
	cfrom = imp_csv_col(&c, "valid_from");
	cto = imp_csv_col(&c, "valid_to");
	if (ccode < 0 || cname < 0) {
		err_set(e, ERR_INPUT, _("%s:1: header must name at least 'code' and 'name'"),
			L->path);
		imp_csv_close(&c);
		return -1;
	}
	while ((rc = imp_csv_next(&c, e)) == 1) {
		struct reg_division d;
		const char *from = imp_csv_get(&c, cfrom), *to = imp_csv_get(&c, cto);
		long days;

		w.line = c.line;
		if (make_division(&d, imp_csv_get(&c, ccode), imp_csv_get(&c, cname),
				  imp_csv_get(&c, cparent), imp_csv_get(&c, clevel), &w, e) < 0) {
			rc = -1;
			break;
		}
		if (*from && clock_parse_date(from, &days, e) < 0) {
			rc = err_prefix(e, _("%s: field 'valid_from': "), at(&w));
			break;
		}
		if (*to && clock_parse_date(to, &days, e) < 0) {
			rc = err_prefix(e, _("%s: field 'valid_to': "), at(&w));
			break;
		}
		/* Checked dates have exactly 10 bytes. */
		if (*from)
			memcpy(d.valid_from, from, sizeof(d.valid_from));
		if (*to)
			memcpy(d.valid_to, to, sizeof(d.valid_to));
		if (put(L, &d, &w, e) < 0) {
			rc = -1;
			break;
		}
		if (++L->res->rows % 10000 == 0)
			imp_progress(L->o, L->res->rows);
	}
	imp_csv_close(&c);
	return rc < 0 ? -1 : 0;
}

static const char *json_str(json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

static int load_geojson(struct loader *L, struct geo_ctx *g, const struct buf *text,
			struct err *e)
{
	json_error_t jerr;
	json_t *root = json_loadb(buf_str(text), text->len, 0, &jerr), *features, *f;
	size_t i;
	int rc = 0;

	if (!root)
		return err_set(e, ERR_INPUT, _("%s:%d: not valid JSON: %s"), L->path,
			       jerr.line, jerr.text);
	features = json_object_get(root, "features");
	if (!json_is_string(json_object_get(root, "type")) ||
	    strcmp(json_string_value(json_object_get(root, "type")), "FeatureCollection") ||
	    !json_is_array(features)) {
		json_decref(root);
		return err_set(e, ERR_INPUT, _("%s: not a GeoJSON FeatureCollection"), L->path);
	}
	json_array_foreach(features, i, f) {
		json_t *props = json_object_get(f, "properties"), *id = json_object_get(f, "id");
		json_t *geom = json_object_get(f, "geometry");
		const char *code = NULL, *name = json_str(props, "name");
		char idbuf[32];
		struct where w = { L->path, 0, "" };
		struct reg_division d;
		GEOSGeometry *in = NULL, *poly = NULL;
		struct geo_fix fix;
		unsigned char *wkb = NULL;
		size_t nwkb;
		char *gj;
		int changed;

		if (json_is_string(id))
			code = json_string_value(id);
		else if (json_is_integer(id)) {
			snprintf(idbuf, sizeof(idbuf), "%lld", (long long)json_integer_value(id));
			code = idbuf;
		}
		if (!code)
			code = json_str(props, "code");
		if (!code && json_is_integer(json_object_get(props, "code"))) {
			snprintf(idbuf, sizeof(idbuf), "%lld",
				 (long long)json_integer_value(json_object_get(props, "code")));
			code = idbuf;
		}
		snprintf(w.text, sizeof(w.text), _("%s: feature %zu (id %s)"), L->path, i + 1,
			 code ? code : "?");
		if (!code) {
			rc = err_set(e, ERR_INPUT, _("%s: field 'id': no code in 'id' or 'properties.code'"),
				     w.text);
			break;
		}
		if (name && utf8_invalid_at(name, strlen(name)) != (size_t)-1) {
			rc = err_set(e, ERR_INPUT, _("%s: field 'properties.name': invalid UTF-8"), w.text);
			break;
		}
		if (make_division(&d, code, name ? name : "", json_str(props, "parent_code"),
				  json_str(props, "level"), &w, e) < 0) {
			rc = -1;
			break;
		}
		if (put(L, &d, &w, e) < 0) {
			rc = -1;
			break;
		}
		L->res->rows++;
		if (!json_is_object(geom))
			continue;
		gj = json_dumps(geom, JSON_COMPACT);
		in = gj ? geo_from_geojson(g, gj, e) : NULL;
		free(gj);
		if (!in) {
			rc = err_prefix(e, _("%s: field 'geometry': "), w.text);
			break;
		}
		poly = geo_polygon_fix(g, in, !L->o->strict, &fix, e);
		GEOSGeom_destroy_r(g->gh, in);
		if (!poly) {
			rc = err_prefix(e, _("%s: field 'geometry': "), w.text);
			break;
		}
		if (fix.was_invalid) {
			L->res->repaired++;
			imp_diag(L->o, IMP_WARNING,
				 _("%s: field 'geometry': invalid polygon repaired (%s)"),
				 w.text, fix.reason);
		}
		wkb = geo_to_wkb(g, poly, &nwkb, e);
		GEOSGeom_destroy_r(g->gh, poly);
		if (!wkb) {
			rc = -1;
			break;
		}
		rc = reg_division_set_geometry(L->w, d.code, wkb, nwkb, "EPSG:4326", &changed, e);
		GEOSFree_r(g->gh, wkb);
		if (rc < 0) {
			err_prefix(e, "%s: ", w.text);
			break;
		}
		L->res->geometries += changed;
	}
	json_decref(root);
	return rc;
}

int imp_divisions(struct reg *r, struct geo_ctx *g, const char *path,
		  const struct imp_opts *o, struct imp_divisions_result *res,
		  struct err *e)
{
	struct loader L;
	struct buf text = BUF_INIT;
	int rc;

	memset(res, 0, sizeof(*res));
	memset(&L, 0, sizeof(L));
	L.r = r;
	L.path = path;
	L.o = o;
	L.res = res;
	if (imp_read_text(path, o->encoding, &text, e) < 0)
		return -1;
	L.w = reg_division_writer_new(r, e);
	if (!L.w) {
		buf_release(&text);
		return -1;
	}
	if (!strcmp(imp_sniff_format(path, buf_str(&text)), "geojson")) {
		rc = load_geojson(&L, g, &text, e);
	} else {
		rc = load_csv(&L, &text, e);
	}
	if (rc == 0)
		rc = reg_division_writer_finish(L.w, e);
	if (rc == 0)
		rc = check_pending(&L, e);
	if (rc == 0 && res->conflicts)
		rc = err_set(e, ERR_CONFLICT,
			     _("%s: %ld name conflicts; nothing written (use --update to rename)"),
			     path, res->conflicts);
	imp_progress(o, res->rows);
	reg_division_writer_free(L.w);
	free(L.seen.slot);
	free(L.pend);
	buf_release(&text);
	return rc;
}
