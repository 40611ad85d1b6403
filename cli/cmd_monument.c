/* cmd_monument.c - `diming monument show|list`: boundary monuments (界桩). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/inspect.h"
#include "geo/geo_crs.h"
#include "geo/geo_inspect.h"
#include "registry/reg_boundary.h"
#include "registry/reg_monument.h"

static const char usage[] =
	N_("usage: diming monument show NUMBER [--boundary CODE] [--json]\n"
	   "   or: diming monument list --boundary CODE [--json]\n"
	   "\n"
	   "Boundary monuments (界桩).  A number is unique on its line; give --boundary\n"
	   "when the same number stands on several lines.  list orders the monuments\n"
	   "along the line from its start.\n"
	   "\n"
	   "  --json   JSON (an array for list) with number, boundary_code, type, lon,\n"
	   "           lat, x, y, h, srs, precision_m, distance_to_line_m,\n"
	   "           managing_party, reference_objects\n");

static json_t *num_or_null(double v, double scale)
{
	return isnan(v) ? json_null() : json_real(round(v * scale) / scale);
}

/* x, y as the 成果表 wrote them, as numbers; null for lon/lat input. */
static json_t *verbatim_num(const struct reg_monument *m, const char *s)
{
	return m->lonlat || !*s ? json_null() : json_real(strtod(s, NULL));
}

static json_t *monument_json(const struct reg_monument *m)
{
	json_t *o = json_object(), *refs = json_array();
	char type[2] = { m->type, '\0' };
	int i;

	json_object_set_new(o, "number", json_string(m->number));
	json_object_set_new(o, "boundary_code", json_string(m->boundary_code));
	json_object_set_new(o, "type", json_string(type));
	json_object_set_new(o, "lon", json_real(round(m->lon * 1e9) / 1e9));
	json_object_set_new(o, "lat", json_real(round(m->lat * 1e9) / 1e9));
	json_object_set_new(o, "x", verbatim_num(m, m->x));
	json_object_set_new(o, "y", verbatim_num(m, m->y));
	json_object_set_new(o, "h", m->has_h ? json_real(m->h) : json_null());
	json_object_set_new(o, "srs", json_string(m->srs));
	json_object_set_new(o, "precision_m", isnan(m->precision_m) ? json_null()
				: json_real(m->precision_m));
	json_object_set_new(o, "distance_to_line_m", num_or_null(m->distance_to_line_m, 1e3));
	json_object_set_new(o, "managing_party", cli_json_str_or_null(m->managing_party));
	for (i = 0; i < m->nref; i++) {
		json_t *r = json_object();

		json_object_set_new(r, "name", json_string(m->ref[i].name));
		json_object_set_new(r, "azimuth", json_string(m->ref[i].azimuth));
		json_object_set_new(r, "azimuth_deg", json_real(round(m->ref[i].azimuth_deg * 1e6) / 1e6));
		json_object_set_new(r, "distance_m", json_real(m->ref[i].distance_m));
		json_array_append_new(refs, r);
	}
	json_object_set_new(o, "reference_objects", refs);
	return o;
}

/* Where m lies with respect to its line: along_m, distance, side. */
static int locate(struct reg *r, struct geo_ctx *g, struct geo_crs_cache *cc,
		  struct reg_monument *m, struct err *e)
{
	struct reg_boundary b;
	struct geo_inspect_line *line;
	struct geo_inspect_loc loc;
	GEOSGeometry *geom = NULL;
	int rc = reg_boundary_get(r, g, m->boundary_code, &b, &geom, e);

	if (rc <= 0 || !geom)
		return rc < 0 ? -1 : 0;
	line = geo_inspect_line_new(g, geom, e);
	GEOSGeom_destroy_r(g->gh, geom);
	if (!line)
		return -1;
	rc = geo_inspect_line_locate(line, cc, m->lon, m->lat, &loc, e);
	geo_inspect_line_free(line);
	if (rc < 0)
		return -1;
	m->along_m = loc.measure_m;
	m->distance_to_line_m = loc.distance_m;
	m->side = loc.side;
	return 0;
}

static int show(struct cli_ctx *ctx, const char *number, const char *boundary, int json)
{
	struct reg_monument m;
	struct geo_crs_cache *cc;
	struct err e = ERR_INIT;
	struct geo_ctx *g;
	int rc, i;

	if ((rc = cli_open(ctx)))
		return rc;
	if (!(g = cli_geo(ctx)))
		return 3;
	rc = reg_monument_get(&ctx->reg, boundary, number, &m, &e);
	if (rc < 0)
		return cli_fail(&e);
	if (rc == 0) {
		if (boundary)
			cli_error(_("no monument '%s' on line '%s'"), number, boundary);
		else
			cli_error(_("no monument '%s'"), number);
		return 2;
	}
	if (rc > 1) {
		cli_error(_("monument '%s' stands on %d lines; name one with --boundary (first: '%s')"),
			  number, rc, m.boundary_code);
		return 2;
	}
	if (!(cc = geo_crs_cache_new(g, &e)))
		return cli_fail(&e);
	rc = locate(&ctx->reg, g, cc, &m, &e);
	geo_crs_cache_free(cc);
	if (rc < 0)
		return cli_fail(&e);
	if (json) {
		json_t *o = monument_json(&m), *hist;

		/* the saved 联检 rounds (issue 6, cli/inspect_history.c) */
		if (!(hist = cli_inspect_history_json(ctx, m.boundary_code, m.number))) {
			json_decref(o);
			return 3;
		}
		json_object_set_new(o, "inspections", hist);
		return cli_json_print(o);
	}
	printf(_("number      %s\n"), m.number);
	printf(_("line        %s\n"), m.boundary_code);
	printf(_("type        %c %s%s\n"), m.type, reg_monument_type_label(m.type),
	       m.tri_junction ? _(", 三交点 (tri-junction)") : "");
	printf(_("position    %.9f %.9f (CGCS2000 lon lat)\n"), m.lon, m.lat);
	if (m.lonlat)
		printf(_("as given    lon %s lat %s (%s)\n"), m.x, m.y, m.srs);
	else
		printf(_("as given    X %s Y %s (%s)\n"), m.x, m.y, m.srs);
	printf(_("height      %s\n"), m.has_h ? m.h_text : "-");
	if (!isnan(m.precision_m))
		printf(_("precision   %g m\n"), m.precision_m);
	else
		printf(_("precision   -\n"));
	if (!isnan(m.distance_to_line_m))
		printf(_("on line     %.3f km from its start, %.3f m %s of it\n"),
		       m.along_m / 1000.0, m.distance_to_line_m,
		       m.side > 0 ? _("left") : m.side < 0 ? _("right") : _("on the line"));
	printf(_("material    %s\n"), m.material[0] ? m.material : "-");
	printf(_("managed by  %s\n"), m.managing_party[0] ? m.managing_party : "-");
	printf(_("方位物      %d\n"), m.nref);
	for (i = 0; i < m.nref; i++)
		printf(_("  %d. %s  %s  %g m\n"), i + 1, m.ref[i].name, m.ref[i].azimuth,
		       m.ref[i].distance_m);
	return cli_inspect_history_print(ctx, m.boundary_code, m.number, stdout);
}

static int list(struct cli_ctx *ctx, const char *boundary, int json)
{
	struct reg_monument *m = NULL;
	struct geo_crs_cache *cc;
	struct err e = ERR_INIT;
	struct geo_ctx *g;
	size_t n = 0, i;
	int rc;

	if ((rc = cli_open(ctx)))
		return rc;
	if (!(g = cli_geo(ctx)))
		return 3;
	if (!(cc = geo_crs_cache_new(g, &e)))
		return cli_fail(&e);
	rc = reg_monument_list(&ctx->reg, g, cc, boundary, &m, &n, &e);
	geo_crs_cache_free(cc);
	if (rc < 0)
		return cli_fail(&e);
	if (json) {
		json_t *a = json_array();

		for (i = 0; i < n; i++)
			json_array_append_new(a, monument_json(&m[i]));
		free(m);
		return cli_json_print(a);
	}
	for (i = 0; i < n; i++)
		printf("%-22s  %c%s  %.9f %.9f  %9.3f km  %7.3f m  %d\n", m[i].number, m[i].type,
		       m[i].tri_junction ? "*" : " ", m[i].lon, m[i].lat, m[i].along_m / 1000.0,
		       m[i].distance_to_line_m, m[i].nref);
	free(m);
	return 0;
}

int cmd_monument(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "boundary", required_argument, NULL, 'b' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *sub, *boundary = NULL;
	int c, json = 0;

	if (argc < 2)
		return cli_usage_error("monument", _("expected show or list"));
	sub = argv[1];
	if (!strcmp(sub, "-h") || !strcmp(sub, "--help"))
		return cli_help(_(usage));
	optind = 0;
	while ((c = cli_getopt(argc - 1, argv + 1, "hjb:", opts, "monument")) != -1) {
		switch (c) {
		case 'j':
			json = 1;
			break;
		case 'b':
			boundary = optarg;
			break;
		case 'h':
			return cli_help(_(usage));
		default:
			return 2;
		}
	}
	argc -= 1;
	argv += 1;
	if (!strcmp(sub, "show")) {
		if (optind + 1 != argc)
			return cli_usage_error("monument", _("show expects one NUMBER"));
		return show(ctx, argv[optind], boundary, json);
	}
	if (!strcmp(sub, "list")) {
		if (optind != argc)
			return cli_usage_error("monument", _("unexpected argument '%s'"), argv[optind]);
		if (!boundary)
			return cli_usage_error("monument", _("list needs --boundary CODE"));
		return list(ctx, boundary, json);
	}
	return cli_usage_error("monument", _("unknown subcommand '%s'"), sub);
}
