/* cmd_import_boundaries.c - `diming import boundaries FILE`: lines from GeoJSON. */
#include <string.h>

#include "cli/cli.h"
#include "import/imp_boundaries.h"

static const char usage[] =
	N_("usage: diming import boundaries FILE [--update]\n"
	   "\n"
	   "Load boundary lines (行政区域界线) from a GeoJSON FeatureCollection of\n"
	   "LineStrings or MultiLineStrings in CGCS2000 lon/lat.  Properties:\n"
	   "  code         the line code (letters, digits, '-', '_', '.', '/')\n"
	   "  name         \"郁南县—云安区线\"\n"
	   "  left_code    the division on the left, walking from start to end\n"
	   "  right_code   the division on the right\n"
	   "  level        province, city, county or town (default: the finer level\n"
	   "               of the two divisions)\n"
	   "  agreement, approved, last_inspected   (optional; dates YYYY-MM-DD)\n"
	   "Both divisions must exist.  A bad feature stops the import (exit 2) and\n"
	   "nothing is written.\n"
	   "\n"
	   "  --update   replace lines registered with other values (default: report a\n"
	   "             conflict, exit 1, write nothing)\n");

int cmd_import_boundaries(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "update", no_argument, NULL, 'u' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct imp_opts o = { 0 };
	struct imp_boundaries_result res;
	struct err e = ERR_INIT;
	struct geo_ctx *g;
	char summary[512];
	int c, rc;

	optind = 0;
	while ((c = cli_getopt(argc, argv, "h", opts, "import boundaries")) != -1) {
		switch (c) {
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
		return cli_usage_error("import boundaries", _("expected one FILE"));
	cli_import_callbacks(&o);
	if (!(g = cli_geo(ctx)))
		return 3;
	if ((rc = cli_write_begin(ctx)))
		return rc;
	if (imp_boundaries(&ctx->reg, g, argv[optind], &o, &res, &e) < 0) {
		cli_write_abort(ctx);
		return cli_fail(&e);
	}
	snprintf(summary, sizeof(summary),
		 _("boundary lines from %s: %ld read, %ld new, %ld unchanged, %ld replaced"),
		 argv[optind], res.rows, res.inserted, res.unchanged, res.updated);
	return cli_import_finish(ctx, summary);
}
