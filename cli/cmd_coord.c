/* cmd_coord.c - `diming coord`: convert one point, like cs2cs, for inspectors' spot checks. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "geo/geo_crs.h"

static const char usage[] =
	N_("usage: diming coord X Y [--s-srs SRS | --zone N [--zone-width 3|6]]\n"
	   "                        [--t-srs SRS] [--json]\n"
	   "\n"
	   "Convert one point, like cs2cs.  X Y are the northing and the easting as a\n"
	   "成果表 prints them (X 7 digits, Y with its zone prefix), or longitude and\n"
	   "latitude in degrees for a geographic source.  Without --s-srs or --zone, a\n"
	   "7-digit X with an 8-digit Y is CGCS2000 Gauss-Krüger in the zone its prefix\n"
	   "names (13-23: 6°, 25-45: 3°), anything else is lon lat in EPSG:4490.\n"
	   "\n"
	   "  --s-srs SRS       source system: EPSG:n, a PROJ string or WKT\n"
	   "  --zone N          source is CGCS2000 Gauss-Krüger zone N\n"
	   "  --zone-width W    3 or 6 (default: 13-23 are 6° zones, 25-45 are 3°)\n"
	   "  --t-srs SRS       target system (default EPSG:4490): a geographic target\n"
	   "                    prints \"lon lat\" with 9 decimals, a projected one\n"
	   "                    \"x y\" (northing first) with 3\n"
	   "  --json            print a JSON object instead\n"
	   "\n"
	   "Refused (exit 2): a zone prefix that disagrees with the zone, X and Y\n"
	   "swapped, a point outside its zone or outside China.  Xi'an 1980 and\n"
	   "Beijing 1954 input is converted with a warning: PROJ has no\n"
	   "transformation from them to CGCS2000.\n");

static int parse_num(const char *field, const char *s, double *v)
{
	char *end;

	*v = strtod(s, &end);
	if (end == s || *end || !isfinite(*v)) {
		cli_error(_("field '%s': not a number: '%s'"), field, s);
		return -1;
	}
	return 0;
}

static json_t *result_json(const struct geo_crs_info *src, const struct geo_crs_info *dst,
			   double a, double b)
{
	json_t *o = json_object();

	json_object_set_new(o, "srs", json_string(dst->srs));
	if (dst->kind == GEO_CRS_PROJECTED) {
		json_object_set_new(o, "x", json_real(round(a * 1e3) / 1e3));
		json_object_set_new(o, "y", json_real(round(b * 1e3) / 1e3));
		if (dst->gk.zone) {
			json_object_set_new(o, "zone", json_integer(dst->gk.zone));
			json_object_set_new(o, "zone_width", json_integer(dst->gk.width));
		}
	} else {
		json_object_set_new(o, "lon", json_real(round(a * 1e9) / 1e9));
		json_object_set_new(o, "lat", json_real(round(b * 1e9) / 1e9));
	}
	json_object_set_new(o, "source_srs", json_string(src->srs));
	return o;
}

static int convert(struct cli_ctx *ctx, const struct geo_crs_in *in, const char *t_srs,
		   double x, double y, int json)
{
	struct geo_crs_info src, dst;
	struct geo_crs_cache *cc;
	struct geo_ctx *g = cli_geo(ctx);
	struct err e = ERR_INIT;
	double lon, lat, a, b;
	int rc = 0;

	if (!g)
		return 3;
	cc = geo_crs_cache_new(g, &e);
	if (!cc)
		return cli_fail(&e);
	if (geo_crs_to_cgcs(cc, in, x, y, &lon, &lat, &src, &e) ||
	    geo_crs_from_cgcs(cc, t_srs, lon, lat, &a, &b, &dst, &e)) {
		rc = cli_fail(&e);
		goto out;
	}
	if (src.caveat)
		cli_warning("%s", src.caveat_msg);
	if (dst.caveat && (!src.caveat || strcmp(src.caveat_msg, dst.caveat_msg)))
		cli_warning("%s", dst.caveat_msg);
	if (json)
		rc = cli_json_print(result_json(&src, &dst, a, b));
	else if (dst.kind == GEO_CRS_PROJECTED)
		printf("%.3f %.3f\n", a, b);
	else
		printf("%.9f %.9f\n", a, b);
out:
	geo_crs_cache_free(cc);
	return rc;
}

int cmd_coord(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "s-srs", required_argument, NULL, 's' },
		{ "t-srs", required_argument, NULL, 't' },
		{ "zone", required_argument, NULL, 'z' },
		{ "zone-width", required_argument, NULL, 'w' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct geo_crs_in in = GEO_CRS_IN_INIT;
	const char *t_srs = NULL;
	double x, y;
	long v;
	char *end;
	int json = 0, c;

	optind = 0;
	while ((c = cli_getopt(argc, argv, "hj", opts, "coord")) != -1) {
		switch (c) {
		case 's':
			in.srs = optarg;
			break;
		case 't':
			t_srs = optarg;
			break;
		case 'z':
		case 'w':
			v = strtol(optarg, &end, 10);
			if (end == optarg || *end || v < 0 || v > 1000)
				return cli_usage_error("coord", _("--%s: not a number: '%s'"),
						       c == 'z' ? "zone" : "zone-width", optarg);
			if (c == 'z')
				in.zone = (int)v;
			else
				in.zone_width = (int)v;
			break;
		case 'j':
			json = 1;
			break;
		case 'h':
			return cli_help(_(usage));
		default:
			return 2;
		}
	}
	if (argc - optind != 2)
		return cli_usage_error("coord", _("expected two coordinates X Y"));
	if (parse_num("x", argv[optind], &x) || parse_num("y", argv[optind + 1], &y))
		return 2;
	return convert(ctx, &in, t_srs, x, y, json);
}
