/* cmd_boundary.c - `diming boundary derive|list|show`: administrative boundary lines. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "geo/geo_crs.h"
#include "geo/geo_geod.h"
#include "geo/geo_topo.h"
#include "registry/reg_boundary.h"
#include "registry/reg_monument.h"

static const char usage[] =
	N_("usage: diming boundary derive [--level L] [--within CODE] [--snap-m M]\n"
	   "                              [--dry-run] [--update] [--json]\n"
	   "   or: diming boundary list [--division CODE] [--json]\n"
	   "   or: diming boundary show CODE [--json]\n"
	   "\n"
	   "Administrative boundary lines (行政区域界线).\n"
	   "\n"
	   "derive: make the lines from the division polygons in the registry.  Each\n"
	   "maximal edge two divisions share becomes one line, coded by the two division\n"
	   "codes (smaller first: 445303-445322) and running west to east, or north to\n"
	   "south, with its divisions on the left and right.  Lines end where three\n"
	   "divisions, or two and the outside, meet (三交点).  Gaps and overlaps between\n"
	   "the polygons are reported with their area and a point inside them.\n"
	   "  --level L       divisions of this level (default county): province, city,\n"
	   "                  county or town\n"
	   "  --within CODE   only divisions under CODE (default: all with polygons)\n"
	   "  --snap-m M      snap vertices closer than M metres together (default 1;\n"
	   "                  0 turns snapping off)\n"
	   "  --dry-run       report, write nothing\n"
	   "  --update        replace registered lines whose geometry or sides changed\n"
	   "                  (default: report a conflict, exit 1, write nothing)\n"
	   "\n"
	   "list: lines with the division CODE, or one under it, on either side.\n"
	   "show: one line with its geodesic length, end nodes and monuments.\n"
	   "  --json          JSON: code, name, level, left_code, right_code, length_km,\n"
	   "                  monuments, last_inspected (list: an array of them)\n");

static void display(const char code[13], char out[13])
{
	if (code[0])
		reg_code_display(code, out);
	else
		out[0] = '\0';
}

static double km3(double m)
{
	return round(m) / 1000.0;     /* to the metre, in km */
}

/* length_km to the millimetre: geodesic lengths agree with geod to that */
static json_t *length_json(double m)
{
	return isnan(m) ? json_null() : json_real(round(m * 1000.0) / 1e6);
}

static json_t *boundary_json(const struct reg_boundary *b)
{
	json_t *o = json_object();
	char l[13], r[13];

	display(b->left_code, l);
	display(b->right_code, r);
	json_object_set_new(o, "code", json_string(b->code));
	json_object_set_new(o, "name", json_string(b->name));
	json_object_set_new(o, "level", json_string(reg_level_name(b->level)));
	json_object_set_new(o, "left_code", json_string(l));
	json_object_set_new(o, "right_code", json_string(r));
	json_object_set_new(o, "length_km", length_json(b->length_m));
	json_object_set_new(o, "monuments", json_integer(b->monuments));
	json_object_set_new(o, "last_inspected", cli_json_str_or_null(b->last_inspected));
	return o;
}

/* ---- derive ---- */

struct derive_opts {
	enum reg_level level;
	const char *within;
	double snap_m;
	int dry_run, update, json;
};

/* The codes of a node's divisions, and "outside". */
static void node_text(const struct geo_topo_node *nd, const struct reg_boundary_source *src,
		      char *out, size_t n)
{
	size_t off = 0, i;
	char disp[13];

	out[0] = '\0';
	for (i = 0; i < nd->npolys && off + 40 < n; i++) {
		reg_code_display(src[nd->polys[i]].code, disp);
		off += (size_t)snprintf(out + off, n - off, "%s%s %s", i ? ", " : "", disp,
					src[nd->polys[i]].name);
	}
	if (nd->outside && off + 20 < n)
		off += (size_t)snprintf(out + off, n - off, "%s%s", off ? ", " : "", _("outside"));
	if (nd->overlap && off + 20 < n)
		snprintf(out + off, n - off, "%s%s", off ? ", " : "", _("overlap"));
}

static json_t *node_json(const struct geo_topo_node *nd, const struct reg_boundary_source *src)
{
	json_t *o = json_object(), *d = json_array();
	char disp[13];
	size_t i;

	for (i = 0; i < nd->npolys; i++) {
		reg_code_display(src[nd->polys[i]].code, disp);
		json_array_append_new(d, json_string(disp));
	}
	json_object_set_new(o, "lon", json_real(nd->lon));
	json_object_set_new(o, "lat", json_real(nd->lat));
	json_object_set_new(o, "divisions", d);
	json_object_set_new(o, "outside", json_boolean(nd->outside));
	json_object_set_new(o, "junction", json_boolean(geo_topo_node_is_junction(nd)));
	return o;
}

static json_t *area_json(const struct geo_topo_area *a, const struct reg_boundary_source *src)
{
	json_t *o = json_object(), *d = json_array();
	char disp[13];

	json_object_set_new(o, "area_m2", json_real(round(a->area_m2 * 10.0) / 10.0));
	json_object_set_new(o, "lon", json_real(round(a->lon * 1e6) / 1e6));
	json_object_set_new(o, "lat", json_real(round(a->lat * 1e6) / 1e6));
	if (a->a >= 0) {
		reg_code_display(src[a->a].code, disp);
		json_array_append_new(d, json_string(disp));
	}
	if (a->b >= 0) {
		reg_code_display(src[a->b].code, disp);
		json_array_append_new(d, json_string(disp));
	}
	json_object_set_new(o, "divisions", d);
	return o;
}

static void print_area(const char *what, const struct geo_topo_area *a,
		       const struct reg_boundary_source *src)
{
	char da[13], db[13];

	if (a->area_m2 >= 1e4)
		printf(_("  %s %.2f ha at %.6f %.6f"), what, a->area_m2 / 1e4, a->lon, a->lat);
	else
		printf(_("  %s %.1f m² at %.6f %.6f"), what, a->area_m2, a->lon, a->lat);
	if (a->a >= 0) {
		reg_code_display(src[a->a].code, da);
		printf(_(" (%s %s"), da, src[a->a].name);
		if (a->b >= 0) {
			reg_code_display(src[a->b].code, db);
			printf(_(", %s %s"), db, src[a->b].name);
		}
		fputs(")", stdout);
	}
	fputc('\n', stdout);
}

static const char *outcome_word(enum reg_put_outcome o, int dry_run)
{
	if (dry_run)
		return "";
	switch (o) {
	case REG_PUT_INSERTED:
		return _("new");
	case REG_PUT_UNCHANGED:
		return _("unchanged");
	case REG_PUT_UPDATED:
		return _("updated");
	case REG_PUT_CONFLICT:
		return _("conflict");
	}
	return "";
}

static json_t *derived_json(const struct derive_opts *o, const struct reg_boundary_derived *d,
			    const char *within)
{
	const struct geo_topo_result *t = &d->topo;
	const struct reg_boundary_source *src = d->src;
	json_t *root = json_object(), *lines = json_array(), *nodes = json_array();
	json_t *gaps = json_array(), *ovs = json_array();
	size_t i;

	json_object_set_new(root, "level", json_string(reg_level_name(o->level)));
	json_object_set_new(root, "within", cli_json_str_or_null(within));
	json_object_set_new(root, "snap_m", json_real(o->snap_m));
	json_object_set_new(root, "divisions", json_integer((json_int_t)d->nsrc));
	for (i = 0; i < t->nlines; i++) {
		const struct geo_topo_line *l = &t->lines[i];
		json_t *x = json_object();
		char dl[13], dr[13];

		reg_code_display(src[l->left].code, dl);
		reg_code_display(src[l->right].code, dr);
		json_object_set_new(x, "code", json_string(d->code[i]));
		json_object_set_new(x, "name", json_string(d->name[i]));
		json_object_set_new(x, "left_code", json_string(dl));
		json_object_set_new(x, "right_code", json_string(dr));
		json_object_set_new(x, "length_km", length_json(d->length_m[i]));
		json_object_set_new(x, "start_node", json_integer((json_int_t)l->start_node));
		json_object_set_new(x, "end_node", json_integer((json_int_t)l->end_node));
		json_object_set_new(x, "vertices", json_integer((json_int_t)l->n));
		json_object_set_new(x, "status", o->dry_run ? json_null()
				    : json_string(outcome_word(d->outcome[i], 0)));
		json_array_append_new(lines, x);
	}
	for (i = 0; i < t->nnodes; i++)
		json_array_append_new(nodes, node_json(&t->nodes[i], src));
	for (i = 0; i < t->ngaps; i++)
		json_array_append_new(gaps, area_json(&t->gaps[i], src));
	for (i = 0; i < t->noverlaps; i++)
		json_array_append_new(ovs, area_json(&t->overlaps[i], src));
	json_object_set_new(root, "lines", lines);
	json_object_set_new(root, "nodes", nodes);
	json_object_set_new(root, "gaps", gaps);
	json_object_set_new(root, "overlaps", ovs);
	json_object_set_new(root, "snapped_vertices", json_integer(t->snapped_vertices));
	json_object_set_new(root, "gaps_after_snap", json_integer((json_int_t)t->gaps_after_snap));
	json_object_set_new(root, "overlaps_after_snap",
			    json_integer((json_int_t)t->overlaps_after_snap));
	return root;
}

static void derived_text(const struct derive_opts *o, const struct reg_boundary_derived *d,
			 const char *within)
{
	const struct geo_topo_result *t = &d->topo;
	const struct reg_boundary_source *src = d->src;
	char ts[512], te[512], dl[13], dr[13];
	size_t i;

	printf(_("%zu lines between %zu %s divisions%s%s (snapping %g m: %ld vertices moved)\n"),
	       t->nlines, d->nsrc, reg_level_name(o->level), within[0] ? _(" under ") : "",
	       within, o->snap_m, t->snapped_vertices);
	for (i = 0; i < t->nlines; i++) {
		const struct geo_topo_line *l = &t->lines[i];

		printf("  %-18s %-24s %10.3f km  %s\n", d->code[i], d->name[i], km3(d->length_m[i]),
		       outcome_word(d->outcome[i], o->dry_run));
		reg_code_display(src[l->left].code, dl);
		reg_code_display(src[l->right].code, dr);
		node_text(&t->nodes[l->start_node], src, ts, sizeof(ts));
		node_text(&t->nodes[l->end_node], src, te, sizeof(te));
		printf(_("      left %s %s, right %s %s\n"), dl, src[l->left].name, dr,
		       src[l->right].name);
		printf(_("      from %.6f %.6f (%s)\n"), t->nodes[l->start_node].lon,
		       t->nodes[l->start_node].lat, ts);
		printf(_("      to   %.6f %.6f (%s)\n"), t->nodes[l->end_node].lon,
		       t->nodes[l->end_node].lat, te);
	}
	printf(_("%zu gaps (holes between the polygons)\n"), t->ngaps);
	for (i = 0; i < t->ngaps; i++)
		print_area(_("gap"), &t->gaps[i], src);
	printf(_("%zu overlaps (area inside two polygons)\n"), t->noverlaps);
	for (i = 0; i < t->noverlaps; i++)
		print_area(_("overlap"), &t->overlaps[i], src);
	if (t->snapped_vertices)
		printf(_("after snapping: %zu gaps, %zu overlaps\n"), t->gaps_after_snap,
		       t->overlaps_after_snap);
}

static int derive(struct cli_ctx *ctx, const struct derive_opts *o)
{
	struct reg_boundary_derived d;
	struct err e = ERR_INIT;
	struct geo_ctx *g;
	char summary[512], within[13] = "";
	size_t i;
	int rc;

	memset(&d, 0, sizeof(d));
	if (o->within) {
		char norm[13];

		if (reg_code_normalize(o->within, norm, &e) < 0)
			return cli_usage_error("boundary", "--within: %s", e.msg);
		reg_code_display(norm, within);
		if (reg_code_level(norm) >= o->level)
			return cli_usage_error("boundary",
					       _("--within %s is not above the level '%s'"),
					       o->within, reg_level_name(o->level));
	}
	if (!(g = cli_geo(ctx)))
		return 3;
	if ((rc = o->dry_run ? cli_open(ctx) : cli_write_begin(ctx)))
		return rc;
	if (reg_boundary_derive(&ctx->reg, g, o->level, o->within, o->snap_m, !o->dry_run,
				o->update, &d, &e) < 0) {
		if (!o->dry_run)
			cli_write_abort(ctx);
		reg_boundary_derived_release(g, &d);
		if (e.code == ERR_INPUT)
			err_prefix(&e, "%s%s: ", within[0] ? _("under ") : _("in the registry"),
				   within);
		return cli_fail(&e);
	}
	if (o->json) {
		rc = cli_json_print(derived_json(o, &d, within));
	} else {
		derived_text(o, &d, within);
		rc = 0;
	}
	if (d.topo.ngaps || d.topo.noverlaps)
		cli_warning(_("the polygons have %zu gaps and %zu overlaps; lines stop where they do"),
			    d.topo.ngaps, d.topo.noverlaps);
	for (i = 0; i < d.topo.nlines; i++)
		if (!o->dry_run && d.outcome[i] == REG_PUT_CONFLICT)
			cli_error(_("line '%s': conflict: registered with another %s (use --update to replace it)"),
				  d.code[i], d.diff[i]);
	if (o->dry_run) {
		reg_boundary_derived_release(g, &d);
		return rc;
	}
	if (d.count[REG_PUT_CONFLICT]) {
		cli_error(_("%ld conflicts; nothing written (use --update to replace)"),
			  d.count[REG_PUT_CONFLICT]);
		cli_write_abort(ctx);
		reg_boundary_derived_release(g, &d);
		return 1;
	}
	snprintf(summary, sizeof(summary),
		 _("boundary lines derived from %zu %s divisions%s%s: %ld new, %ld unchanged, %ld updated; %zu gaps, %zu overlaps"),
		 d.nsrc, reg_level_name(o->level), within[0] ? _(" under ") : "", within,
		 d.count[REG_PUT_INSERTED], d.count[REG_PUT_UNCHANGED], d.count[REG_PUT_UPDATED],
		 d.topo.ngaps, d.topo.noverlaps);
	reg_boundary_derived_release(g, &d);
	if (!rc && (rc = cli_write_commit(ctx, summary)))
		return rc;
	if (rc) {
		cli_write_abort(ctx);
		return rc;
	}
	fprintf(stderr, "diming: %s\n", summary);
	return 0;
}

/* ---- list and show ---- */

struct list_state {
	int json;
	long n;
};

static int list_one(const struct reg_boundary *b, const GEOSGeometry *geom, void *arg)
{
	struct list_state *s = arg;

	(void)geom;
	if (s->json) {
		json_t *o = boundary_json(b);

		cli_json_stream_item(o, s->n);
	} else {
		printf("%-18s  %s  %10.3f km  %3ld  %s\n", b->code, reg_level_label(b->level),
		       km3(b->length_m), b->monuments, b->name);
	}
	s->n++;
	return 0;
}

static int list(struct cli_ctx *ctx, const char *division, int json)
{
	struct list_state s = { json, 0 };
	struct err e = ERR_INIT;
	struct geo_ctx *g;
	char norm[13];
	int rc;

	if (division && reg_code_normalize(division, norm, &e) < 0)
		return cli_usage_error("boundary", "--division: %s", e.msg);
	if ((rc = cli_open(ctx)))
		return rc;
	if (!(g = cli_geo(ctx)))
		return 3;
	if (json)
		fputs("[", stdout);
	rc = reg_boundary_each(&ctx->reg, g, division, list_one, &s, &e);
	if (json)
		fputs(s.n ? "\n]\n" : "]\n", stdout);
	return rc < 0 ? cli_fail(&e) : 0;
}

static void print_node(const char *what, const struct reg_boundary_node *nd, struct reg *r)
{
	struct reg_division d;
	struct err e = ERR_INIT;
	char disp[13];
	int i;

	if (!nd->id)
		return;
	printf("%-11s %.9f %.9f", what, nd->lon, nd->lat);
	if (nd->ndivisions + nd->outside >= 3)
		printf(_("  三交点"));
	for (i = 0; i < nd->ndivisions; i++) {
		reg_code_display(nd->divisions[i], disp);
		printf("%s %s", i ? "," : " ", disp);
		if (reg_division_get(r, nd->divisions[i], &d, &e) == 1)
			printf(" %s", d.name);
	}
	if (nd->outside)
		printf(_(", outside"));
	printf(_(" (lines ending here: %d)\n"), nd->lines);
}

static int show(struct cli_ctx *ctx, const char *code, int json)
{
	struct reg_boundary b;
	struct reg_monument *m = NULL;
	struct geo_crs_cache *cc = NULL;
	struct err e = ERR_INIT;
	struct geo_ctx *g;
	size_t n = 0, i;
	char disp[13];
	int rc;

	if ((rc = cli_open(ctx)))
		return rc;
	if (!(g = cli_geo(ctx)))
		return 3;
	rc = reg_boundary_get(&ctx->reg, g, code, &b, NULL, &e);
	if (rc < 0)
		return cli_fail(&e);
	if (rc == 0) {
		cli_error(_("no boundary line with code '%s'"), code);
		return 2;
	}
	if (json)
		return cli_json_print(boundary_json(&b));
	printf(_("code        %s\n"), b.code);
	printf(_("name        %s\n"), b.name);
	printf(_("level       %s (%s)\n"), reg_level_label(b.level), reg_level_name(b.level));
	reg_code_display(b.left_code, disp);
	printf(_("left        %s %s\n"), disp, b.left_name);
	reg_code_display(b.right_code, disp);
	printf(_("right       %s %s\n"), disp, b.right_name);
	printf(_("length      %.3f km (geodesic, CGCS2000)\n"), round(b.length_m * 1000.0) / 1e6);
	print_node(_("start"), &b.start, &ctx->reg);
	print_node(_("end"), &b.end, &ctx->reg);
	printf(_("agreement   %s\n"), b.agreement[0] ? b.agreement : "-");
	printf(_("approved    %s\n"), b.approved[0] ? b.approved : "-");
	printf(_("inspected   %s\n"), b.last_inspected[0] ? b.last_inspected : _("never"));
	printf(_("source      %s\n"), b.derived ? _("derived from division polygons") : _("imported"));
	printf(_("monuments   %ld\n"), b.monuments);
	if (!b.monuments)
		return 0;
	if (!(cc = geo_crs_cache_new(g, &e)))
		return cli_fail(&e);
	if (reg_monument_list(&ctx->reg, g, cc, b.code, &m, &n, &e) < 0) {
		geo_crs_cache_free(cc);
		return cli_fail(&e);
	}
	for (i = 0; i < n; i++)
		printf(_("  %-22s %c%s  %9.3f km  %6.2f m off  %s\n"), m[i].number, m[i].type,
		       m[i].tri_junction ? _(" 三交点") : "", m[i].along_m / 1000.0,
		       m[i].distance_to_line_m, reg_monument_type_label(m[i].type));
	free(m);
	geo_crs_cache_free(cc);
	return 0;
}

int cmd_boundary(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "division", required_argument, NULL, 'd' },
		{ "level", required_argument, NULL, 'l' },
		{ "within", required_argument, NULL, 'w' },
		{ "snap-m", required_argument, NULL, 's' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "update", no_argument, NULL, 'u' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct derive_opts d = { REG_LEVEL_COUNTY, NULL, 1.0, 0, 0, 0 };
	const char *sub, *division = NULL;
	char *end;
	int c, derive_only = 0;

	if (argc < 2)
		return cli_usage_error("boundary", _("expected derive, list or show"));
	sub = argv[1];
	if (!strcmp(sub, "-h") || !strcmp(sub, "--help"))
		return cli_help(_(usage));
	optind = 0;
	while ((c = cli_getopt(argc - 1, argv + 1, "hj", opts, "boundary")) != -1) {
		switch (c) {
		case 'j':
			d.json = 1;
			break;
		case 'd':
			division = optarg;
			break;
		case 'l':
			d.level = reg_level_parse(optarg);
			if (d.level < REG_LEVEL_PROVINCE || d.level > REG_LEVEL_TOWN)
				return cli_usage_error("boundary",
						       _("--level: '%s' is not province, city, county or town"),
						       optarg);
			derive_only = 1;
			break;
		case 'w':
			d.within = optarg;
			derive_only = 1;
			break;
		case 's':
			d.snap_m = strtod(optarg, &end);
			if (end == optarg || *end || !isfinite(d.snap_m) || d.snap_m < 0)
				return cli_usage_error("boundary",
						       _("--snap-m: not a distance in metres: '%s'"), optarg);
			derive_only = 1;
			break;
		case 'n':
			d.dry_run = 1;
			derive_only = 1;
			break;
		case 'u':
			d.update = 1;
			derive_only = 1;
			break;
		case 'h':
			return cli_help(_(usage));
		default:
			return 2;
		}
	}
	argc -= 1;
	argv += 1;
	if (!strcmp(sub, "derive")) {
		if (optind != argc)
			return cli_usage_error("boundary", _("unexpected argument '%s'"), argv[optind]);
		if (division)
			return cli_usage_error("boundary", _("--division goes with list"));
		return derive(ctx, &d);
	}
	if (derive_only)
		return cli_usage_error("boundary",
				       _("--level, --within, --snap-m, --dry-run and --update go with derive"));
	if (!strcmp(sub, "list")) {
		if (optind != argc)
			return cli_usage_error("boundary", _("unexpected argument '%s'"), argv[optind]);
		return list(ctx, division, d.json);
	}
	if (!strcmp(sub, "show")) {
		if (optind + 1 != argc)
			return cli_usage_error("boundary", _("show expects one CODE"));
		if (division)
			return cli_usage_error("boundary", _("--division goes with list"));
		return show(ctx, argv[optind], d.json);
	}
	return cli_usage_error("boundary", _("unknown subcommand '%s'"), sub);
}
