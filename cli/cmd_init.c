/* cmd_init.c - `diming init`: create a new registry file. */
#include "cli/cli.h"

static const char usage[] =
	N_("usage: diming [--db FILE] init\n"
	   "\n"
	   "Create a new registry: SpatiaLite metadata with CGCS2000 (EPSG:4490) and\n"
	   "its Gauss-Krüger zones, the current schema, WAL journal.  Refuses to touch\n"
	   "an existing file (exit 2).\n");

int cmd_init(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct err e = ERR_INIT;
	int c;

	optind = 0;
	while ((c = cli_getopt(argc, argv, "h", opts, "init")) != -1) {
		if (c == 'h')
			return cli_help(_(usage));
		return 2;
	}
	if (optind < argc)
		return cli_usage_error("init", _("unexpected argument '%s'"), argv[optind]);
	if (reg_create(&ctx->reg, ctx->db_path, &e) < 0)
		return cli_fail(&e);
	ctx->reg_open = 1;
	reg_set_actor(&ctx->reg, ctx->actor);
	reg_set_command(&ctx->reg, ctx->command_line);
	if (reg_begin(&ctx->reg, &e) < 0)
		return cli_fail(&e);
	if (cli_write_commit(ctx, _("created the registry")))
		return 3;
	printf(_("created registry %s (schema version %d)\n"), ctx->db_path,
	       reg_schema_version());
	return 0;
}
