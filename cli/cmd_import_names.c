/* cmd_import_names.c - `diming import names FILE`: one transaction per file. */
#include "cli/cli.h"
#include "import/imp_names.h"

static const char usage[] =
	N_("usage: diming import names FILE [--encoding utf-8|gb18030] [--s-srs SRS]\n"
	   "                               [--strict] [--update]\n"
	   "\n"
	   "Load standard place names (标准地名) from\n"
	   "  - CSV with a header naming at least name,class,division_code; optional\n"
	   "    lon,lat (or x,y), romanization, meaning, origin, history, former_names\n"
	   "    (曾用名, separated by ';'), aliases (别名), short_names (简称), zhuanming,\n"
	   "    tongming, valid_from, valid_to, status (current|historical), protected (1|0);\n"
	   "  - GeoJSON FeatureCollections with the same properties and a Point,\n"
	   "    LineString or Polygon geometry.\n"
	   "A class is given by code or name (21610, 行政村, 自然村, 街路巷, 村民委员会 …).\n"
	   "A row that matches a place by name, class and division is left alone when\n"
	   "it says the same, and is a conflict when it says something else.\n"
	   "\n"
	   "  --encoding E  the file's encoding: utf-8 (default) or gb18030\n"
	   "  --s-srs SRS   the coordinates' system: EPSG:n, a PROJ string or WKT\n"
	   "                (default: lon/lat in CGCS2000; x,y columns with an 8-digit y\n"
	   "                are Gauss-Krüger in the zone of its prefix)\n"
	   "  --strict      refuse invalid polygons instead of repairing them\n"
	   "  --update      replace what differs (default: report a conflict, exit 1,\n"
	   "                write nothing)\n");

int cmd_import_names(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "encoding", required_argument, NULL, 'e' },
		{ "s-srs", required_argument, NULL, 'S' },
		{ "strict", no_argument, NULL, 's' },
		{ "update", no_argument, NULL, 'u' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct imp_opts o = { 0 };
	struct imp_names_result res;
	struct err e = ERR_INIT;
	struct geo_ctx *g;
	const char *s_srs = NULL;
	char summary[512];
	int c, rc;

	optind = 0;
	while ((c = cli_getopt(argc, argv, "h", opts, "import names")) != -1) {
		switch (c) {
		case 'e':
			o.encoding = optarg;
			break;
		case 'S':
			s_srs = optarg;
			break;
		case 's':
			o.strict = 1;
			break;
		case 'u':
			o.update = 1;
			break;
		case 'h':
			return cli_help(_(usage));
		default:
			return 2;
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error("import names", _("expected one FILE"));
	cli_import_callbacks(&o);
	if (!(g = cli_geo(ctx)))
		return 3;
	if ((rc = cli_write_begin_bulk(ctx)))
		return rc;
	if (imp_names(&ctx->reg, g, argv[optind], s_srs, &o, &res, &e) < 0) {
		cli_write_abort(ctx);
		return cli_fail(&e);
	}
	snprintf(summary, sizeof(summary),
		 _("names from %s: %ld read, %ld new, %ld unchanged, %ld updated, %ld other names"),
		 argv[optind], res.rows, res.inserted, res.unchanged, res.updated, res.other_names);
	return cli_import_finish(ctx, summary);
}
