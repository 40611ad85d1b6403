/* imp_boundaries.c - boundary lines (行政区域界线) from GeoJSON.
 *
 * Reads a FeatureCollection, checks each feature's properties against the
 * registry (the divisions on both sides must exist, the level must fit
 * them) and stores the line with reg_boundary_put.  Like every import:
 * the first bad feature stops it and the caller rolls back; lines that
 * disagree with the registry are conflicts unless --update.
 */
#include "import/imp_boundaries.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/clock.h"
#include "common/i18n.h"
#include "common/utf8.h"
#include "registry/reg_boundary.h"

/* A property as a string: strings as they are, integers printed; NULL
 * when absent or null; -1 with ERR_INPUT for other JSON types. */
static int prop(json_t *props, const char *key, char *buf, size_t n, const char **out,
		const char *where, struct err *e)
{
	json_t *v = json_object_get(props, key);

	*out = NULL;
	if (!v || json_is_null(v))
		return 0;
	if (json_is_integer(v)) {
		snprintf(buf, n, "%lld", (long long)json_integer_value(v));
		*out = buf;
		return 0;
	}
	if (!json_is_string(v))
		return err_set(e, ERR_INPUT, _("%s: field 'properties.%s': not a string"), where, key);
	if (utf8_invalid_at(json_string_value(v), json_string_length(v)) != (size_t)-1)
		return err_set(e, ERR_INPUT, _("%s: field 'properties.%s': invalid UTF-8"), where, key);
	if (json_string_length(v) >= n)
		return err_set(e, ERR_INPUT, _("%s: field 'properties.%s': longer than %zu bytes"),
			       where, key, n - 1);
	snprintf(buf, n, "%s", json_string_value(v));
	*out = *buf ? buf : NULL;
	return 0;
}

static int side(struct reg *r, const char *key, const char *code, char norm[13],
		enum reg_level *level, const char *where, struct err *e)
{
	struct reg_division d;
	char disp[13];
	int rc;

	if (!code)
		return err_set(e, ERR_INPUT, _("%s: field 'properties.%s': missing"), where, key);
	if (reg_code_normalize(code, norm, e) < 0)
		return err_prefix(e, _("%s: field 'properties.%s': "), where, key);
	rc = reg_division_get(r, norm, &d, e);
	if (rc < 0)
		return -1;
	if (rc == 0) {
		reg_code_display(norm, disp);
		return err_set(e, ERR_INPUT, _("%s: field 'properties.%s': division '%s' does not exist"),
			       where, key, disp);
	}
	*level = d.level;
	return 0;
}

static int date_prop(json_t *props, const char *key, char out[11], const char *where,
		     struct err *e)
{
	char buf[64];
	const char *s;
	long days;

	out[0] = '\0';
	if (prop(props, key, buf, sizeof(buf), &s, where, e) < 0)
		return -1;
	if (!s)
		return 0;
	if (clock_parse_date(s, &days, e) < 0)
		return err_prefix(e, _("%s: field 'properties.%s': "), where, key);
	snprintf(out, 11, "%s", s);
	return 0;
}

/* Fill b from one feature's properties. */
static int read_props(struct reg *r, json_t *props, struct reg_boundary *b,
		      const char *where, struct err *e)
{
	char buf[REG_MAX_NAME], lbuf[32], cbuf[32];
	const char *s, *lvl, *left, *right;
	enum reg_level ll, rl, finer;

	memset(b, 0, sizeof(*b));
	if (!json_is_object(props))
		return err_set(e, ERR_INPUT, _("%s: field 'properties': missing"), where);
	if (prop(props, "code", b->code, sizeof(b->code), &s, where, e) < 0)
		return -1;
	if (!s)
		return err_set(e, ERR_INPUT, _("%s: field 'properties.code': missing"), where);
	if (!reg_boundary_code_valid(b->code))
		return err_set(e, ERR_INPUT,
			       _("%s: field 'properties.code': not a line code (1-63 letters, digits, '-', '_', '.', '/'): '%s'"),
			       where, b->code);
	if (prop(props, "name", b->name, sizeof(b->name), &s, where, e) < 0)
		return -1;
	if (!s)
		return err_set(e, ERR_INPUT, _("%s: field 'properties.name': missing"), where);
	if (prop(props, "left_code", cbuf, sizeof(cbuf), &left, where, e) < 0 ||
	    side(r, "left_code", left, b->left_code, &ll, where, e) < 0)
		return -1;
	if (prop(props, "right_code", cbuf, sizeof(cbuf), &right, where, e) < 0 ||
	    side(r, "right_code", right, b->right_code, &rl, where, e) < 0)
		return -1;
	if (!strcmp(b->left_code, b->right_code))
		return err_set(e, ERR_INPUT,
			       _("%s: field 'properties.right_code': the same division as left_code"),
			       where);
	finer = ll > rl ? ll : rl;
	if (prop(props, "level", lbuf, sizeof(lbuf), &lvl, where, e) < 0)
		return -1;
	if (lvl) {
		b->level = reg_level_parse(lvl);
		if (b->level < REG_LEVEL_PROVINCE || b->level > REG_LEVEL_TOWN)
			return err_set(e, ERR_INPUT,
				       _("%s: field 'properties.level': unknown level '%s' (province, city, county, town)"),
				       where, lvl);
		if (b->level > finer)
			return err_set(e, ERR_INPUT,
				       _("%s: field 'properties.level': '%s' is below the divisions the line separates (%s)"),
				       where, lvl, reg_level_name(finer));
	} else {
		b->level = finer > REG_LEVEL_TOWN ? REG_LEVEL_TOWN : finer;
	}
	if (prop(props, "agreement", buf, sizeof(b->agreement), &s, where, e) < 0)
		return -1;
	if (s)
		snprintf(b->agreement, sizeof(b->agreement), "%s", s);
	if (date_prop(props, "approved", b->approved, where, e) < 0 ||
	    date_prop(props, "last_inspected", b->last_inspected, where, e) < 0)
		return -1;
	return 0;
}

int imp_boundaries(struct reg *r, struct geo_ctx *g, const char *path,
		   const struct imp_opts *o, struct imp_boundaries_result *res,
		   struct err *e)
{
	struct buf text = BUF_INIT;
	json_error_t jerr;
	json_t *root = NULL, *features, *f, *type;
	char (*seen)[REG_BOUNDARY_MAX_CODE] = NULL;
	size_t i, k;
	int rc = 0;

	memset(res, 0, sizeof(*res));
	if (imp_read_text(path, o->encoding, &text, e) < 0)
		return -1;
	root = json_loadb(buf_str(&text), text.len, 0, &jerr);
	buf_release(&text);
	if (!root)
		return err_set(e, ERR_INPUT, _("%s:%d: not valid JSON: %s"), path, jerr.line,
			       jerr.text);
	features = json_object_get(root, "features");
	type = json_object_get(root, "type");
	if (!json_is_string(type) || strcmp(json_string_value(type), "FeatureCollection") ||
	    !json_is_array(features)) {
		json_decref(root);
		return err_set(e, ERR_INPUT, _("%s: not a GeoJSON FeatureCollection"), path);
	}
	seen = calloc(json_array_size(features) + 1, sizeof(*seen));
	if (!seen)
		abort();
	json_array_foreach(features, i, f) {
		json_t *props = json_object_get(f, "properties"), *geom = json_object_get(f, "geometry");
		json_t *jc = json_object_get(props, "code");
		struct reg_boundary b;
		enum reg_put_outcome out;
		GEOSGeometry *line;
		char where[128 + 512], diff[32], cbuf[64];
		char *gj;

		if (json_is_string(jc))
			snprintf(cbuf, sizeof(cbuf), "%s", json_string_value(jc));
		else if (json_is_integer(jc))
			snprintf(cbuf, sizeof(cbuf), "%lld", (long long)json_integer_value(jc));
		else
			snprintf(cbuf, sizeof(cbuf), "?");
		snprintf(where, sizeof(where), _("%s: feature %zu (code %s)"), path, i + 1, cbuf);
		if (read_props(r, props, &b, where, e) < 0) {
			rc = -1;
			break;
		}
		for (k = 0; k < i && strcmp(seen[k], b.code); k++)
			;
		if (k < i) {
			rc = err_set(e, ERR_INPUT,
				     _("%s: field 'properties.code': line '%s' appears twice (features %zu and %zu)"),
				     where, b.code, k + 1, i + 1);
			break;
		}
		snprintf(seen[i], sizeof(seen[i]), "%s", b.code);
		if (!json_is_object(geom)) {
			rc = err_set(e, ERR_INPUT, _("%s: field 'geometry': missing"), where);
			break;
		}
		gj = json_dumps(geom, JSON_COMPACT);
		line = gj ? geo_from_geojson(g, gj, e) : NULL;
		free(gj);
		if (!line) {
			rc = err_prefix(e, _("%s: field 'geometry': "), where);
			break;
		}
		rc = reg_boundary_put(r, g, &b, line, REG_BOUNDARY_IMPORT, o->update, &out, diff, e);
		GEOSGeom_destroy_r(g->gh, line);
		if (rc < 0) {
			if (e && e->code == ERR_INPUT)
				err_prefix(e, "%s: ", where);
			break;
		}
		res->rows++;
		switch (out) {
		case REG_PUT_INSERTED:
			res->inserted++;
			break;
		case REG_PUT_UNCHANGED:
			res->unchanged++;
			break;
		case REG_PUT_UPDATED:
			res->updated++;
			break;
		case REG_PUT_CONFLICT:
			res->conflicts++;
			imp_diag(o, IMP_ERROR,
				 _("%s: field '%s%s': conflict: line '%s' is registered with another %s (use --update to replace it)"),
				 where, strcmp(diff, "geometry") ? "properties." : "", diff, b.code, diff);
			break;
		}
		imp_progress(o, res->rows);
	}
	free(seen);
	json_decref(root);
	if (rc == 0 && res->conflicts)
		rc = err_set(e, ERR_CONFLICT,
			     _("%s: %ld conflicts; nothing written (use --update to replace)"),
			     path, res->conflicts);
	return rc;
}
