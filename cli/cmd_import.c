/* cmd_import.c - `diming import <kind> FILE`: one transaction per file.
 *
 * Each kind parses its own options and calls its import/ reader inside a
 * write transaction; a file with any error leaves the registry as it was.
 */
#include <string.h>

#include "cli/cli.h"
#include "import/imp_divisions.h"

static const char usage[] =
	N_("usage: diming import <kind> FILE [options]\n"
	   "\n"
	   "Kinds:\n"
	   "  divisions   administrative divisions (CSV code lists, GeoJSON polygons)\n"
	   "  names       standard place names (CSV or GeoJSON)\n"
	   "  boundaries  boundary lines (行政区域界线, GeoJSON)\n"
	   "  monuments   boundary monuments (界桩, a 界桩成果表 CSV)\n");

static const char usage_divisions[] =
	N_("usage: diming import divisions FILE [--encoding utf-8|gb18030] [--strict] [--update]\n"
	   "\n"
	   "Load administrative divisions (行政区划) from\n"
	   "  - CSV with a header naming at least code,name (optional parent_code, level,\n"
	   "    valid_from, valid_to); UTF-8 with or without BOM, or GB18030 when asked;\n"
	   "  - GeoJSON FeatureCollections of (Multi)Polygons, the code in 'id' or\n"
	   "    'properties.code', the name in 'properties.name'.\n"
	   "Codes may have 2, 4, 6, 9 or 12 digits.  Parents must exist (in the file or\n"
	   "the registry); a parent is inferred from the code when not given.\n"
	   "\n"
	   "  --encoding E  the file's encoding: utf-8 (default) or gb18030\n"
	   "  --strict      refuse invalid polygons instead of repairing them\n"
	   "  --update      rename divisions whose name differs from the registry's\n"
	   "                (default: report a conflict, exit 1, write nothing)\n");

static int import_divisions(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "encoding", required_argument, NULL, 'e' },
		{ "strict", no_argument, NULL, 's' },
		{ "update", no_argument, NULL, 'u' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct imp_opts o = { 0 };
	struct imp_divisions_result res;
	struct err e = ERR_INIT;
	struct geo_ctx *g;
	char summary[512];
	int c, rc;

	optind = 0;
	while ((c = cli_getopt(argc, argv, "h", opts, "import divisions")) != -1) {
		switch (c) {
		case 'e':
			o.encoding = optarg;
			break;
		case 's':
			o.strict = 1;
			break;
		case 'u':
			o.update = 1;
			break;
		case 'h':
			return cli_help(_(usage_divisions));
		default:
			return 2;
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error("import divisions", _("expected one FILE"));
	cli_import_callbacks(&o);
	if (!(g = cli_geo(ctx)))
		return 3;
	if ((rc = cli_write_begin_bulk(ctx)))
		return rc;
	if (imp_divisions(&ctx->reg, g, argv[optind], &o, &res, &e) < 0) {
		cli_write_abort(ctx);
		return cli_fail(&e);
	}
	snprintf(summary, sizeof(summary),
		 _("divisions from %s: %ld read, %ld new, %ld unchanged, %ld renamed, %ld geometries (%ld repaired)"),
		 argv[optind], res.rows, res.inserted, res.unchanged, res.renamed,
		 res.geometries, res.repaired);
	return cli_import_finish(ctx, summary);
}

static const struct {
	const char *kind;
	cli_cmd_fn fn;
} kinds[] = {
	{ "divisions", import_divisions },
	{ "boundaries", cmd_import_boundaries },
	{ "monuments", cmd_import_monuments },
	{ "names", cmd_import_names },
	{ NULL, NULL }
};

int cmd_import(struct cli_ctx *ctx, int argc, char **argv)
{
	int i;

	if (argc < 2)
		return cli_usage_error("import", _("which kind of data? (divisions, names, boundaries, monuments)"));
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))
		return cli_help(_(usage));
	for (i = 0; kinds[i].kind; i++)
		if (!strcmp(kinds[i].kind, argv[1]))
			return kinds[i].fn(ctx, argc - 1, argv + 1);
	return cli_usage_error("import", _("unknown kind '%s'"), argv[1]);
}
