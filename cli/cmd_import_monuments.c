/* cmd_import_monuments.c - `diming import monuments FILE`: a 界桩成果表 CSV. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "geo/geo_crs.h"
#include "import/imp_monuments.h"
#include "registry/reg_monument.h"

static const char usage[] =
	N_("usage: diming import monuments FILE [--encoding utf-8|gb18030] [--update]\n"
	   "                                    [--tolerance-m T]\n"
	   "\n"
	   "Load boundary monuments (界桩) from a 界桩成果表 CSV.  Columns (more allowed,\n"
	   "any order):\n"
	   "  number, boundary_code, type     type Q single (单立); A, B a pair\n"
	   "                                  (同号双立); C, D, E a triple (同号三立)\n"
	   "  x, y                            northing and easting as the 成果表 prints\n"
	   "                                  them (or lon, lat instead)\n"
	   "  h, srs, zone, precision_m       srs like EPSG:4525; without srs or zone the\n"
	   "                                  zone comes from the Y prefix; lon, lat\n"
	   "                                  default to EPSG:4490\n"
	   "  material, managing_party, tri_junction (1/0)\n"
	   "  refN_name, refN_azimuth, refN_distance_m   N = 1..5, reference objects\n"
	   "                                  (方位物), azimuth like 227°10′\n"
	   "The coordinates as written are kept beside the CGCS2000 point.\n"
	   "\n"
	   "Refused (exit 2, nothing written): a bad field or coordinates, a line not in\n"
	   "the registry, a number twice on one line, type letters that do not fit their\n"
	   "group (a pair is A and B, a triple C, D and E; members carry the letter:\n"
	   "006A, 006B), on provincial lines a number other than line code + 3-digit\n"
	   "sequence + type letter.  Warned: fewer than 3 方位物, a single monument\n"
	   "farther from its line than the tolerance.\n"
	   "\n"
	   "  --encoding E    utf-8 (default) or gb18030\n"
	   "  --update        replace monuments registered with other values\n"
	   "  --tolerance-m T distance from the line that a single monument may have\n"
	   "                  (default 2.83 = 2·√(1² + 1²) m)\n");

int cmd_import_monuments(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "encoding", required_argument, NULL, 'e' },
		{ "update", no_argument, NULL, 'u' },
		{ "tolerance-m", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct imp_opts o = { 0 };
	struct imp_monuments_result res;
	struct err e = ERR_INIT;
	struct geo_crs_cache *cc;
	struct geo_ctx *g;
	double tol = REG_MONUMENT_TOLERANCE_M;
	char summary[512], *end;
	int c, rc;

	optind = 0;
	while ((c = cli_getopt(argc, argv, "h", opts, "import monuments")) != -1) {
		switch (c) {
		case 'e':
			o.encoding = optarg;
			break;
		case 'u':
			o.update = 1;
			break;
		case 't':
			tol = strtod(optarg, &end);
			if (end == optarg || *end || !isfinite(tol) || tol < 0)
				return cli_usage_error("import monuments",
						       _("--tolerance-m: not a distance in metres: '%s'"),
						       optarg);
			break;
		case 'h':
			return cli_help(_(usage));
		default:
			return 2;
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error("import monuments", _("expected one FILE"));
	cli_import_callbacks(&o);
	if (!(g = cli_geo(ctx)))
		return 3;
	if (!(cc = geo_crs_cache_new(g, &e)))
		return cli_fail(&e);
	if ((rc = cli_write_begin(ctx))) {
		geo_crs_cache_free(cc);
		return rc;
	}
	rc = imp_monuments(&ctx->reg, g, cc, argv[optind], &o, tol, &res, &e);
	geo_crs_cache_free(cc);
	if (rc < 0) {
		cli_write_abort(ctx);
		return cli_fail(&e);
	}
	snprintf(summary, sizeof(summary),
		 _("monuments from %s: %ld read, %ld new, %ld unchanged, %ld replaced, %ld warnings"),
		 argv[optind], res.rows, res.inserted, res.unchanged, res.updated, res.warnings);
	return cli_import_finish(ctx, summary);
}
