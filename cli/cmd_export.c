/* cmd_export.c - `diming export gazetteer|announcement|filing`.
 *
 * gazetteer: the standard gazetteer (标准地名录) in one of four formats
 * (render_*.c), read in one read transaction so that the counts on the
 * cover, the table of contents and the entries agree.  The file appears
 * under its name only when complete: it is written to a temporary file
 * in the same directory and renamed.
 * announcement, filing: the 公告 and the 备案 record of one approved case
 * (render_case.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/render.h"
#include "common/clock.h"

static const char usage[] =
	N_("usage: diming export gazetteer [--format csv|geojson|gpkg|html] -o FILE\n"
	   "                                [--division CODE] [--class C]\n"
	   "                                [--include-historical] [--as-of DATE]\n"
	   "   or: diming export announcement CASE_ID [--format text|html] [-o FILE]\n"
	   "   or: diming export filing CASE_ID [--format text|json] [-o FILE]\n"
	   "\n"
	   "gazetteer     the standard gazetteer (标准地名录), one entry per place, with\n"
	   "              the columns 标准名称, 罗马字母拼写, 专名, 通名, 地名类别, 类别代码,\n"
	   "              所在政区, 政区代码, 经度, 纬度, 地名含义, 地名来历, 历史沿革, 曾用名,\n"
	   "              批准机关, 批准文号, 批准时间, 公告时间, 状态, 销名时间\n"
	   "  --format F  csv: UTF-8 with BOM for Excel, re-importable with 'import names';\n"
	   "              geojson: RFC 7946 FeatureCollection (CGCS2000 lon/lat);\n"
	   "              gpkg: OGC GeoPackage, one layer each of points, lines, areas;\n"
	   "              html: the printable book (cover, contents, entries by division\n"
	   "              and class, index by romanization; print it to PDF on A4).\n"
	   "              Default: from the extension of FILE\n"
	   "  -o FILE     where to write ('-' for stdout, not for gpkg)\n"
	   "  --division CODE  only that division and everything in it\n"
	   "  --class C   only places of class C (code or name, e.g. 村民委员会)\n"
	   "  --include-historical  also places whose names were cancelled (销名)\n"
	   "  --as-of DATE  the gazetteer as it stood on DATE (YYYY-MM-DD): the places\n"
	   "              named then, under the names they had then\n"
	   "\n"
	   "announcement  the announcement (公告) of an approved case: 标准名称, 罗马字母拼写,\n"
	   "              所属政区, 位置描述, 批准机关, 批准时间\n"
	   "filing        the filing record (备案) of a case, with its documents\n");

static const struct {
	const char *name, *ext;
	int (*fn)(struct render_ctx *, struct err *);
	int binary;
} formats[] = {
	{ "csv", ".csv", render_csv, 0 },
	{ "geojson", ".geojson", render_geojson, 0 },
	{ "gpkg", ".gpkg", render_gpkg, 1 },
	{ "html", ".html", render_html, 0 },
	{ NULL, NULL, NULL, 0 }
};

static int progress_drawn;

static void progress(struct render_ctx *rc)
{
	if (rc->total > 0)
		fprintf(stderr, _("\rdiming: exporting: %ld of %ld places (%ld%%)"), rc->written,
			rc->total, rc->written * 100 / rc->total);
	else
		fprintf(stderr, _("\rdiming: exporting: %ld places"), rc->written);
	progress_drawn = 1;
}

static void progress_end(void)
{
	if (progress_drawn)
		fputc('\n', stderr);
	progress_drawn = 0;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcasecmp(s + n - m, suffix);
}

/* A temporary file next to path, created empty; its name goes to tmp. */
static int open_temp(const char *path, char *tmp, size_t n, struct err *e)
{
	mode_t mask;
	int fd;

	if ((size_t)snprintf(tmp, n, "%s.tmp-XXXXXX", path) >= n)
		return err_set(e, ERR_USAGE, _("output path too long: '%s'"), path);
	fd = mkstemp(tmp);
	if (fd < 0)
		return err_set(e, ERR_IO, _("cannot create '%s': %s"), path, strerror(errno));
	/* mkstemp makes 0600; an export is as readable as any new file. */
	mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	return fd;
}

static int export_gazetteer(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "division", required_argument, NULL, 'd' },
		{ "class", required_argument, NULL, 'c' },
		{ "include-historical", no_argument, NULL, 'H' },
		{ "as-of", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct reg_gazetteer_filter f = { NULL, NULL, 0, NULL, REG_GAZ_ORDER_ID };
	struct render_ctx rc;
	struct err e = ERR_INIT;
	const char *format = NULL, *path = NULL;
	char tmp[4096] = "";
	int c, i, fd = -1, ret, to_stdout;
	long days;

	optind = 0;
	while ((c = cli_getopt(argc, argv, "hf:o:", opts, "export gazetteer")) != -1) {
		switch (c) {
		case 'f':
			format = optarg;
			break;
		case 'o':
			path = optarg;
			break;
		case 'd':
			f.division = optarg;
			break;
		case 'c':
			f.class_name = optarg;
			break;
		case 'H':
			f.include_historical = 1;
			break;
		case 'a':
			f.as_of = optarg;
			break;
		case 'h':
			return cli_help(_(usage));
		default:
			return 2;
		}
	}
	if (optind != argc)
		return cli_usage_error("export", _("unexpected argument '%s'"), argv[optind]);
	if (!path)
		return cli_usage_error("export", _("gazetteer needs -o FILE"));
	to_stdout = !strcmp(path, "-");
	for (i = 0; formats[i].name; i++)
		if (format ? !strcmp(format, formats[i].name) : ends_with(path, formats[i].ext))
			break;
	if (!formats[i].name) {
		if (format)
			return cli_usage_error("export", _("unknown format '%s' (csv, geojson, gpkg, html)"),
					       format);
		if (!format && ends_with(path, ".json"))
			i = 1;
		else
			return cli_usage_error("export",
					       _("cannot tell the format from '%s': give --format"), path);
	}
	if (to_stdout && formats[i].binary)
		return cli_usage_error("export", _("a GeoPackage cannot go to stdout: give -o FILE"));
	if (f.as_of && clock_parse_date(f.as_of, &days, &e) < 0) {
		err_prefix(&e, _("--as-of: "));
		return cli_fail(&e);
	}

	memset(&rc, 0, sizeof(rc));
	rc.filter = &f;
	if ((ret = cli_open(ctx)))
		return ret;
	rc.reg = &ctx->reg;
	if (clock_today(rc.today, &e) < 0 || reg_gazetteer_stream_mode(&ctx->reg, &e) < 0 ||
	    reg_begin_read(&ctx->reg, &e) < 0)
		return cli_fail(&e);
	/* Validates the division and class before any file is created. */
	if (reg_gazetteer_count(&ctx->reg, &f, &rc.total, &e) < 0)
		goto fail;
	if (isatty(STDERR_FILENO))
		rc.progress = progress;
	if (to_stdout) {
		rc.out = stdout;
	} else {
		if ((fd = open_temp(path, tmp, sizeof(tmp), &e)) < 0)
			goto fail;
		if (formats[i].binary) {
			close(fd);
			fd = -1;
			rc.path = tmp;
		} else if (!(rc.out = fdopen(fd, "wb"))) {
			err_set(&e, ERR_IO, _("cannot write '%s': %s"), path, strerror(errno));
			goto fail;
		} else {
			fd = -1;
		}
	}
	if (formats[i].fn(&rc, &e) < 0)
		goto fail;
	if (rc.progress)
		progress(&rc);
	progress_end();
	if (!to_stdout) {
		if (rc.out && fclose(rc.out) != 0) {
			rc.out = NULL;
			err_set(&e, ERR_IO, _("cannot write '%s': %s"), path, strerror(errno));
			goto fail;
		}
		rc.out = NULL;
		if (rename(tmp, path) < 0) {
			err_set(&e, ERR_IO, _("cannot write '%s': %s"), path, strerror(errno));
			goto fail;
		}
	}
	reg_rollback(&ctx->reg);
	if (rc.skipped)
		cli_warning(_("%ld places have a geometry %s cannot hold, e.g. %s"), rc.skipped,
			    formats[i].name, rc.warning);
	fprintf(stderr, ngettext("diming: %ld place written to %s (%s)\n",
				 "diming: %ld places written to %s (%s)\n", (unsigned long)rc.written),
		rc.written, to_stdout ? _("stdout") : path, formats[i].name);
	return 0;
fail:
	progress_end();
	reg_rollback(&ctx->reg);
	if (rc.out && !to_stdout)
		fclose(rc.out);
	if (fd >= 0)
		close(fd);
	if (tmp[0])
		unlink(tmp);
	return cli_fail(&e);
}

int cmd_export(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage_error("export", _("expected gazetteer, announcement or filing"));
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))
		return cli_help(_(usage));
	if (!strcmp(argv[1], "gazetteer"))
		return export_gazetteer(ctx, argc - 1, argv + 1);
	if (!strcmp(argv[1], "announcement"))
		return export_announcement(ctx, argc - 1, argv + 1);
	if (!strcmp(argv[1], "filing"))
		return export_filing(ctx, argc - 1, argv + 1);
	return cli_usage_error("export", _("unknown subcommand '%s'"), argv[1]);
}
