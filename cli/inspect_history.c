/* inspect_history.c - a monument's saved inspection rounds, for `diming monument show`. */
#include <math.h>
#include <string.h>

#include "cli/inspect.h"
#include "registry/reg_inspect.h"

struct hist_text {
	FILE *f;
	int n;
};

static int print_one(const struct reg_inspect_history *h, void *arg)
{
	struct hist_text *s = arg;
	json_error_t je;
	json_t *fa = json_loads(h->findings, 0, &je), *fo;
	size_t i;

	if (!s->n)
		fprintf(s->f, _("inspections\n"));
	fprintf(s->f, "  %s  %s  %s  %s", h->date, h->round, h->verdict,
		h->condition[0] ? h->condition : "-");
	if (isfinite(h->displacement_m))
		fprintf(s->f, _("  moved %.3f m"), h->displacement_m);
	if (h->actions[0])
		fprintf(s->f, _("  -> %s"), h->actions);
	fputc('\n', s->f);
	json_array_foreach(fa, i, fo)
		fprintf(s->f, "    %s: %s\n", json_string_value(json_object_get(fo, "rule")),
			json_string_value(json_object_get(fo, "message")));
	json_decref(fa);
	s->n++;
	return 0;
}

int cli_inspect_history_print(struct cli_ctx *ctx, const char *boundary_code,
			      const char *number, FILE *f)
{
	struct hist_text s = { f, 0 };
	struct err e = ERR_INIT;

	if (reg_inspect_history_each(&ctx->reg, boundary_code, number, print_one, &s, &e) < 0)
		return cli_fail(&e);
	if (!s.n)
		fprintf(f, _("inspections none\n"));
	return 0;
}

static json_t *metres(double v)
{
	return isfinite(v) ? json_real(round(v * 1000.0) / 1000.0) : json_null();
}

static int json_one(const struct reg_inspect_history *h, void *arg)
{
	json_t *a = arg, *o = json_object();
	json_error_t je;

	json_object_set_new(o, "round", json_string(h->round));
	json_object_set_new(o, "date", json_string(h->date));
	json_object_set_new(o, "verdict", json_string(h->verdict));
	json_object_set_new(o, "condition", cli_json_str_or_null(h->condition));
	json_object_set_new(o, "displacement_m", metres(h->displacement_m));
	json_object_set_new(o, "dh_m", metres(h->dh_m));
	json_object_set_new(o, "actions", cli_json_str_or_null(h->actions));
	json_object_set_new(o, "findings", json_loads(h->findings, 0, &je));
	json_array_append_new(a, o);
	return 0;
}

json_t *cli_inspect_history_json(struct cli_ctx *ctx, const char *boundary_code,
				 const char *number)
{
	json_t *a = json_array();
	struct err e = ERR_INIT;

	if (reg_inspect_history_each(&ctx->reg, boundary_code, number, json_one, a, &e) < 0) {
		json_decref(a);
		cli_fail(&e);
		return NULL;
	}
	return a;
}
