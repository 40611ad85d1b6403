/* cli_geo.c - the geometry context a command shares (GEOS and PROJ).
 *
 * Apart from cli.c because the light executable (build/diming) must not
 * link geo/: only the full one has this file.
 */
#include "cli/cli.h"

struct geo_ctx *cli_geo(struct cli_ctx *ctx)
{
	struct err e = ERR_INIT;

	if (!ctx->geo) {
		ctx->geo = geo_ctx_new(&e);
		if (!ctx->geo)
			cli_fail(&e);
	}
	return ctx->geo;
}

void cli_geo_release(struct cli_ctx *ctx)
{
	geo_ctx_free(ctx->geo);
	ctx->geo = NULL;
}
