/* cmd_config.c - `diming config get|set|list`: registry settings. */
#include <string.h>

#include "cli/cli.h"

static const char usage[] =
	N_("usage: diming config get KEY\n"
	   "   or: diming config set KEY VALUE\n"
	   "   or: diming config list\n"
	   "\n"
	   "Settings kept in the registry, e.g. scope.<class> for the duplicate and\n"
	   "homophone checks.\n");

int cmd_config(struct cli_ctx *ctx, int argc, char **argv)
{
	struct err e = ERR_INIT;
	char value[1024], summary[1200];
	int rc;

	if (argc < 2)
		return cli_usage_error("config", _("expected get, set or list"));
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))
		return cli_help(_(usage));
	if (!strcmp(argv[1], "get") && argc == 3) {
		if ((rc = cli_open(ctx)))
			return rc;
		rc = reg_config_get(&ctx->reg, argv[2], value, sizeof(value), &e);
		if (rc < 0)
			return cli_fail(&e);
		if (rc == 0) {
			cli_error(_("config key '%s' is not set"), argv[2]);
			return 1;
		}
		printf("%s\n", value);
		return 0;
	}
	if (!strcmp(argv[1], "set") && argc == 4) {
		if ((rc = cli_write_begin(ctx)))
			return rc;
		if (reg_config_set(&ctx->reg, argv[2], argv[3], &e) < 0) {
			cli_write_abort(ctx);
			return cli_fail(&e);
		}
		snprintf(summary, sizeof(summary), _("set %s = %s"), argv[2], argv[3]);
		return cli_write_commit(ctx, summary);
	}
	if (!strcmp(argv[1], "list") && argc == 2) {
		sqlite3_stmt *st;

		if ((rc = cli_open(ctx)))
			return rc;
		st = reg_prepare(&ctx->reg, "SELECT key, value FROM config ORDER BY key", &e);
		if (!st)
			return cli_fail(&e);
		while (sqlite3_step(st) == SQLITE_ROW)
			printf("%s=%s\n", sqlite3_column_text(st, 0), sqlite3_column_text(st, 1));
		sqlite3_finalize(st);
		return 0;
	}
	return cli_usage_error("config", _("expected get KEY, set KEY VALUE or list"));
}
