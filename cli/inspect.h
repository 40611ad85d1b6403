/* inspect.h - the 联检 report as cli/ renders it, and the inspection history for `monument show`.
 *
 * cmd_inspect.c builds a struct cli_inspect_report (the results of
 * registry/reg_inspect.h for each line, with the line's open hazards);
 * inspect_render.c writes it as text, JSON or CSV, inspect_html.c as a
 * printable HTML report.  Renderers only format: every number and
 * verdict comes from the result.
 */
#ifndef DIMING_CLI_INSPECT_H
#define DIMING_CLI_INSPECT_H

#include <jansson.h>
#include <stdio.h>

#include "cli/cli.h"
#include "geo/geo_crs.h"
#include "registry/reg_inspect.h"

/* An open hazard of a line (copied out of the ledger). */
struct cli_hazard_item {
	long long id;
	char *monument, *kind, *note, *opened_at, *opened_by;
};

struct cli_inspect_line {
	struct reg_inspect_result res;
	struct cli_hazard_item *hz;
	size_t nhz;
};

struct cli_inspect_report {
	struct cli_inspect_line *line;
	size_t n;
	const char *survey;           /* the survey file as given */
	int saved;                    /* --save stored the rounds */
	struct geo_crs_cache *cc;     /* for coordinates in registered systems and maps */
};

/* Renderers: 0, or -1 with e set (ERR_IO, ERR_GEO).  JSON is one object
 * per line with exactly the keys of issue 6 (an array of them for several
 * lines), written as it is built. */
int cli_inspect_render_text(FILE *f, const struct cli_inspect_report *rep, struct err *e);
int cli_inspect_render_json(FILE *f, const struct cli_inspect_report *rep, struct err *e);
int cli_inspect_render_csv(FILE *f, const struct cli_inspect_report *rep, struct err *e);
int cli_inspect_render_html(FILE *f, const struct cli_inspect_report *rep, struct err *e);

/* For `diming monument show`: the saved inspection rounds of monument
 * `number` on line `boundary_code`, oldest first.  _print writes a text
 * section ("inspections" and one line per round, or "inspections  none")
 * to f; _json returns an array of {round, date, verdict, condition,
 * displacement_m, dh_m, actions, findings} (NULL after printing an error).
 * Both need the registry open (cli_open). */
int cli_inspect_history_print(struct cli_ctx *ctx, const char *boundary_code,
			      const char *number, FILE *f);
json_t *cli_inspect_history_json(struct cli_ctx *ctx, const char *boundary_code,
				 const char *number);

#endif
