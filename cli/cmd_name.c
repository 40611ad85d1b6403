/* cmd_name.c - `diming name show|history|search|protect|reindex`. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "common/utf8.h"
#include "registry/reg_division.h"
#include "registry/reg_name.h"
#include "registry/reg_place.h"

static const char usage[] =
	N_("usage: diming name show ID|NAME [--json]\n"
	   "   or: diming name history ID [--json]\n"
	   "   or: diming name search QUERY [--by MODE] [--division CODE] [--class C]\n"
	   "                           [--include-historical] [--limit N] [--json]\n"
	   "   or: diming name protect ID [--off]\n"
	   "   or: diming name reindex\n"
	   "\n"
	   "Standard place names (标准地名); division names count as place names.\n"
	   "\n"
	   "  show       one place: 专名/通名, romanization, class, division, status,\n"
	   "             other names (别名, 简称, 曾用名) and geometry\n"
	   "  history    every event of the place and of its predecessors and\n"
	   "             successors, oldest first (登记, 命名, 更名, 销名 …)\n"
	   "  search     MODE is exact, prefix, contains, pinyin (toneless: kaiping\n"
	   "             finds 开平), initials (kp) or fuzzy (one wrong, missing or\n"
	   "             extra character); default contains for Chinese text, pinyin\n"
	   "             for Latin letters.  Former and other names are found too and\n"
	   "             marked.  --division keeps names within a division, --class\n"
	   "             a class and its subclasses; historical places only with\n"
	   "             --include-historical; at most --limit hits (default 100, 0\n"
	   "             for all)\n"
	   "  protect    put a place on the protection list (保护名录), or take it\n"
	   "             off with --off\n"
	   "  reindex    recompute every search key (after the pinyin tables change)\n");

int cli_name_index_sync(struct cli_ctx *ctx)
{
	struct err e = ERR_INIT;
	char summary[128];
	long n;
	int rc;

	if ((rc = cli_open(ctx)))
		return rc;
	rc = reg_name_index_pending(&ctx->reg, &e);
	if (rc < 0)
		return cli_fail(&e);
	if (rc == 0)
		return 0;
	if ((rc = cli_write_begin(ctx)))
		return rc;
	if (reg_name_index_sync(&ctx->reg, &n, &e) < 0) {
		cli_write_abort(ctx);
		return cli_fail(&e);
	}
	snprintf(summary, sizeof(summary), _("name index: %ld division names indexed"), n);
	return cli_write_commit(ctx, summary);
}

static int parse_id(const char *s, long long *id)
{
	char *end;

	if (!*s || !isdigit((unsigned char)*s))
		return -1;
	*id = strtoll(s, &end, 10);
	return *end || *id <= 0 ? -1 : 0;
}

/* The significant prefix of a division code (445322 for a county). */
static int division_prefix(const char *code, char out[13], struct err *e)
{
	static const size_t len[] = { 12, 2, 4, 6, 9, 12 };
	char norm[13];

	if (reg_code_normalize(code, norm, e) < 0)
		return -1;
	memcpy(out, norm, len[reg_code_level(norm)]);
	out[len[reg_code_level(norm)]] = '\0';
	return 0;
}

/* ---- show ---- */

struct others_state {
	json_t *arr;
	int json, n;
};

static int other_one(const struct reg_other_name *o, void *arg)
{
	struct others_state *s = arg;

	if (s->json) {
		json_t *j = json_object();

		json_object_set_new(j, "name", json_string(o->name));
		json_object_set_new(j, "kind", json_string(o->kind));
		json_object_set_new(j, "valid_from", cli_json_str_or_null(o->valid_from));
		json_object_set_new(j, "valid_to", cli_json_str_or_null(o->valid_to));
		json_array_append_new(s->arr, j);
	} else {
		printf("%s %-9s %s", s->n ? "            " : _("other names "), o->kind, o->name);
		if (o->valid_from[0] || o->valid_to[0])
			printf("  (%s – %s)", o->valid_from[0] ? o->valid_from : "…",
			       o->valid_to[0] ? o->valid_to : "…");
		putchar('\n');
	}
	s->n++;
	return 0;
}

static int show_place(struct cli_ctx *ctx, long long id, int json)
{
	struct reg_place p;
	struct reg_division d;
	struct others_state os = { NULL, json, 0 };
	struct err e = ERR_INIT;
	struct buf gj = BUF_INIT;
	char disp[13];
	int rc;

	reg_place_init(&p);
	rc = reg_place_get(&ctx->reg, id, &p, &e);
	if (rc <= 0) {
		reg_place_release(&p);
		if (rc < 0)
			return cli_fail(&e);
		cli_error(_("no place with id %lld"), id);
		return 2;
	}
	if (reg_place_geojson(&ctx->reg, id, &gj, &e) < 0) {
		reg_place_release(&p);
		return cli_fail(&e);
	}
	reg_code_display(p.division_code, disp);
	if (json) {
		json_t *o = json_object(), *g = NULL;

		os.arr = json_array();
		json_object_set_new(o, "place_id", json_integer(p.id));
		json_object_set_new(o, "name", json_string(p.name));
		json_object_set_new(o, "zhuanming", cli_json_str_or_null(p.zhuanming));
		json_object_set_new(o, "tongming", cli_json_str_or_null(p.tongming));
		json_object_set_new(o, "romanization", cli_json_str_or_null(p.romanization));
		json_object_set_new(o, "class", json_string(p.class_name));
		json_object_set_new(o, "class_code", json_string(p.class_code));
		json_object_set_new(o, "division_code", json_string(disp));
		json_object_set_new(o, "status", json_string(p.status == REG_PLACE_HISTORICAL
							      ? "historical" : "current"));
		json_object_set_new(o, "valid_from", cli_json_str_or_null(p.valid_from));
		json_object_set_new(o, "valid_to", cli_json_str_or_null(p.valid_to));
		rc = reg_place_others_each(&ctx->reg, id, other_one, &os, &e);
		json_object_set_new(o, "other_names", os.arr);
		if (gj.len)
			g = json_loads(buf_str(&gj), 0, NULL);
		json_object_set_new(o, "geometry", g ? g : json_null());
		buf_release(&gj);
		reg_place_release(&p);
		if (rc < 0) {
			json_decref(o);
			return cli_fail(&e);
		}
		return cli_json_print(o);
	}
	printf(_("place        %lld\n"), p.id);
	printf(_("name         %s\n"), p.name);
	printf(_("专名 / 通名  %s / %s\n"), p.zhuanming[0] ? p.zhuanming : "-",
	       p.tongming[0] ? p.tongming : "-");
	printf(_("romanization %s\n"), p.romanization[0] ? p.romanization : "-");
	printf(_("class        %s (%s)\n"), p.class_name, p.class_code);
	if (reg_division_get(&ctx->reg, p.division_code, &d, &e) == 1)
		printf(_("division     %s %s\n"), disp, d.name);
	else
		printf(_("division     %s\n"), disp);
	if (p.status == REG_PLACE_HISTORICAL)
		printf(_("status       historical (历史地名), %s – %s\n"),
		       p.valid_from[0] ? p.valid_from : "…", p.valid_to[0] ? p.valid_to : "…");
	else
		printf(_("status       current (现今地名)%s%s\n"), p.valid_from[0] ? _(", since ") : "",
		       p.valid_from);
	if (p.protect)
		printf(_("protected    on the protection list (保护名录)\n"));
	if (p.meaning)
		printf(_("meaning      %s\n"), p.meaning);
	if (p.origin)
		printf(_("origin       %s\n"), p.origin);
	if (p.history)
		printf(_("history      %s\n"), p.history);
	rc = reg_place_others_each(&ctx->reg, id, other_one, &os, &e);
	if (gj.len) {
		json_t *g = json_loads(buf_str(&gj), 0, NULL);
		json_t *c = json_object_get(g, "coordinates");
		const char *type = json_string_value(json_object_get(g, "type"));

		if (type && !strcmp(type, "Point"))
			printf(_("location     %.6f %.6f (CGCS2000 lon lat)\n"),
			       json_number_value(json_array_get(c, 0)),
			       json_number_value(json_array_get(c, 1)));
		else if (type)
			printf(_("geometry     %s\n"), type);
		json_decref(g);
	}
	buf_release(&gj);
	reg_place_release(&p);
	return rc < 0 ? cli_fail(&e) : 0;
}

/* A division that has no place record, shown in the same shape. */
struct first_hit {
	int found;
	char code[13], name[REG_MAX_NAME], roman[512], klass[REG_MAX_CLASS], class_code[6];
};

static int take_division(const struct reg_search_hit *h, void *arg)
{
	struct first_hit *f = arg;

	if (h->place_id)
		return 0;
	f->found = 1;
	snprintf(f->code, sizeof(f->code), "%s", h->division_code);
	snprintf(f->name, sizeof(f->name), "%s", h->name);
	snprintf(f->roman, sizeof(f->roman), "%s", h->romanization);
	snprintf(f->klass, sizeof(f->klass), "%s", h->class_name);
	snprintf(f->class_code, sizeof(f->class_code), "%s", h->class_code);
	return 1;
}

static int show_division(const struct first_hit *f, int json)
{
	char disp[13];

	reg_code_display(f->code, disp);
	if (json) {
		json_t *o = json_object();

		json_object_set_new(o, "place_id", json_null());
		json_object_set_new(o, "name", json_string(f->name));
		json_object_set_new(o, "zhuanming", json_null());
		json_object_set_new(o, "tongming", json_null());
		json_object_set_new(o, "romanization", cli_json_str_or_null(f->roman));
		json_object_set_new(o, "class", json_string(f->klass));
		json_object_set_new(o, "class_code", json_string(f->class_code));
		json_object_set_new(o, "division_code", json_string(disp));
		json_object_set_new(o, "status", json_string("current"));
		json_object_set_new(o, "valid_from", json_null());
		json_object_set_new(o, "valid_to", json_null());
		json_object_set_new(o, "other_names", json_array());
		json_object_set_new(o, "geometry", json_null());
		return cli_json_print(o);
	}
	printf(_("division     %s (no place record; see 'diming division show %s')\n"), disp, disp);
	printf(_("name         %s\n"), f->name);
	printf(_("romanization %s\n"), f->roman[0] ? f->roman : "-");
	printf(_("class        %s (%s)\n"), f->klass, f->class_code);
	return 0;
}

static int show(struct cli_ctx *ctx, const char *arg, int json)
{
	long long id, ids[8];
	struct err e = ERR_INIT;
	int n, rc, i;

	if (parse_id(arg, &id) == 0) {
		if ((rc = cli_open(ctx)))
			return rc;
		return show_place(ctx, id, json);
	}
	if ((rc = cli_name_index_sync(ctx)))
		return rc;
	if (reg_place_lookup(&ctx->reg, arg, ids, 8, &n, &e) < 0)
		return cli_fail(&e);
	if (n == 1)
		return show_place(ctx, ids[0], json);
	if (n > 1) {
		struct buf b = BUF_INIT;

		for (i = 0; i < n && i < 8; i++)
			buf_addf(&b, "%s%lld", i ? ", " : "", ids[i]);
		cli_error(_("'%s' names %d places (ids %s%s): give an id"), arg, n, buf_str(&b),
			  n > 8 ? ", …" : "");
		buf_release(&b);
		return 2;
	}
	{
		struct reg_search s = { REG_SEARCH_EXACT, NULL, NULL, 0, 2 };
		struct first_hit f;

		memset(&f, 0, sizeof(f));
		if (reg_name_search(&ctx->reg, arg, &s, take_division, &f, NULL, &e) < 0)
			return cli_fail(&e);
		if (f.found)
			return show_division(&f, json);
	}
	cli_error(_("no place named '%s' (try 'diming name search %s')"), arg, arg);
	return 2;
}

/* ---- history ---- */

struct hist_state {
	int json;
	json_t *arr;
	long long self;
};

static int hist_one(const struct reg_place_event *ev, void *arg)
{
	struct hist_state *s = arg;

	if (s->json) {
		json_t *o = json_object();

		json_object_set_new(o, "place_id", json_integer(ev->place_id));
		json_object_set_new(o, "date", json_string(ev->on_date));
		json_object_set_new(o, "event", json_string(ev->kind));
		json_object_set_new(o, "name", cli_json_str_or_null(ev->name));
		json_object_set_new(o, "old_name", cli_json_str_or_null(ev->old_name));
		json_object_set_new(o, "case_id", ev->case_id ? json_integer(ev->case_id) : json_null());
		json_object_set_new(o, "other_place_id",
				    ev->other_place ? json_integer(ev->other_place) : json_null());
		json_object_set_new(o, "actor", json_string(ev->actor));
		json_object_set_new(o, "recorded_at", json_string(ev->at));
		json_object_set_new(o, "note", cli_json_str_or_null(ev->note));
		json_array_append_new(s->arr, o);
		return 0;
	}
	printf("%s  %-6s  ", ev->on_date, reg_place_event_label(ev->kind));
	if (ev->old_name)
		printf("%s → %s", ev->old_name, ev->name ? ev->name : "");
	else
		printf("%s", ev->name ? ev->name : "");
	if (ev->place_id != s->self)
		printf(_("  [place %lld]"), ev->place_id);
	if (ev->case_id)
		printf(_("  (case %lld)"), ev->case_id);
	if (ev->other_place)
		printf(_("  (after place %lld)"), ev->other_place);
	printf("  %s", ev->actor);
	if (ev->note)
		printf("  %s", ev->note);
	putchar('\n');
	return 0;
}

static int history(struct cli_ctx *ctx, const char *arg, int json)
{
	struct hist_state s = { json, NULL, 0 };
	struct reg_place p;
	struct err e = ERR_INIT;
	int rc;

	if (parse_id(arg, &s.self) < 0)
		return cli_usage_error("name history", _("expected a place id, not '%s'"), arg);
	if ((rc = cli_open(ctx)))
		return rc;
	reg_place_init(&p);
	rc = reg_place_get(&ctx->reg, s.self, &p, &e);
	reg_place_release(&p);
	if (rc < 0)
		return cli_fail(&e);
	if (rc == 0) {
		cli_error(_("no place with id %lld"), s.self);
		return 2;
	}
	if (json)
		s.arr = json_array();
	if (reg_place_history(&ctx->reg, s.self, hist_one, &s, &e) < 0) {
		json_decref(s.arr);
		return cli_fail(&e);
	}
	return json ? cli_json_print(s.arr) : 0;
}

/* ---- search ---- */

struct search_state {
	int json;
	long n;
};

static int search_one(const struct reg_search_hit *h, void *arg)
{
	struct search_state *s = arg;
	char disp[13];

	reg_code_display(h->division_code, disp);
	if (s->json) {
		json_t *o = json_object();

		json_object_set_new(o, "place_id", h->place_id ? json_integer(h->place_id) : json_null());
		json_object_set_new(o, "name", json_string(h->name));
		json_object_set_new(o, "romanization", cli_json_str_or_null(h->romanization));
		json_object_set_new(o, "class", json_string(h->class_name));
		json_object_set_new(o, "division_code", json_string(disp));
		json_object_set_new(o, "status", json_string(h->current ? "current" : "historical"));
		json_object_set_new(o, "matched_name", json_string(h->matched_name));
		json_object_set_new(o, "matched_as", json_string(h->matched_as));
		cli_json_stream_item(o, s->n);
	} else {
		if (h->place_id)
			printf("%-8lld", h->place_id);
		else    /* 区划: two columns per character on a terminal */
			printf("%s%*s", _("区划"), 8 - 2 * (int)utf8_len(_("区划")), "");
		printf("  %s  %s  %s  %s", h->name, h->romanization[0] ? h->romanization : "-",
		       h->class_name, disp);
		if (strcmp(h->matched_as, "standard"))
			printf(_("  (%s %s)"), !strcmp(h->matched_as, "former") ? _("曾用名") : _("别名/简称"),
			       h->matched_name);
		if (!h->current)
			printf(_("  [历史地名]"));
		putchar('\n');
	}
	s->n++;
	return 0;
}

static int search(struct cli_ctx *ctx, const char *query, const char *by, const char *division,
		  const char *klass, int historical, long limit, int json)
{
	struct reg_search s;
	struct search_state st = { json, 0 };
	struct err e = ERR_INIT;
	char prefix[13], cprefix[6];
	struct reg_class c;
	int more = 0, rc;
	const char *p;

	memset(&s, 0, sizeof(s));
	if (by) {
		if (reg_search_by_parse(by, &s.by) < 0)
			return cli_usage_error("name search",
					       _("unknown --by '%s' (exact, prefix, contains, pinyin, initials, fuzzy)"),
					       by);
	} else {
		s.by = REG_SEARCH_PINYIN;
		for (p = query; *p; p++)
			if (!isalpha((unsigned char)*p) && *p != ' ' && *p != '\'')
				s.by = REG_SEARCH_CONTAINS;
	}
	if (division) {
		if (division_prefix(division, prefix, &e) < 0)
			return cli_usage_error("name search", _("--division: %s"), e.msg);
		s.division = prefix;
	}
	if ((rc = cli_name_index_sync(ctx)))
		return rc;
	if (klass) {
		rc = reg_class_find(&ctx->reg, klass, &c, &e);
		if (rc < 0)
			return cli_fail(&e);
		if (rc == 0)
			return cli_usage_error("name search", _("--class: unknown place class '%s'"), klass);
		reg_class_prefix(c.code, cprefix);
		s.class_prefix = cprefix;
	}
	s.include_historical = historical;
	s.limit = limit;
	if (json)
		fputs("[", stdout);
	rc = reg_name_search(&ctx->reg, query, &s, search_one, &st, &more, &e);
	if (json)
		fputs(st.n ? "\n]\n" : "]\n", stdout);
	if (rc < 0)
		return cli_fail(&e);
	if (more)
		cli_warning(_("more than %ld matches; showing the first %ld (use --limit 0 for all)"),
			    limit, limit);
	return 0;
}

/* ---- protect, reindex ---- */

static int protect(struct cli_ctx *ctx, const char *arg, int off)
{
	struct err e = ERR_INIT;
	char summary[128];
	long long id;
	int changed, rc;

	if (parse_id(arg, &id) < 0)
		return cli_usage_error("name protect", _("expected a place id, not '%s'"), arg);
	if ((rc = cli_write_begin(ctx)))
		return rc;
	if (reg_place_set_protected(&ctx->reg, id, !off, &changed, &e) < 0) {
		cli_write_abort(ctx);
		return cli_fail(&e);
	}
	if (!changed) {
		cli_write_abort(ctx);
		fprintf(stderr, off ? _("diming: place %lld is not on the protection list\n")
				    : _("diming: place %lld is already on the protection list\n"), id);
		return 0;
	}
	snprintf(summary, sizeof(summary),
		 off ? _("place %lld taken off the protection list (保护名录)")
		     : _("place %lld put on the protection list (保护名录)"), id);
	return cli_write_commit(ctx, summary);
}

static int reindex(struct cli_ctx *ctx)
{
	struct err e = ERR_INIT;
	char summary[128];
	long places = 0, divisions = 0;
	int rc;

	if ((rc = cli_write_begin(ctx)))
		return rc;
	if (reg_name_index_mark_all(&ctx->reg, &e) < 0 ||
	    reg_name_index_sync(&ctx->reg, &divisions, &e) < 0 ||
	    reg_place_reindex_all(&ctx->reg, &places, &e) < 0) {
		cli_write_abort(ctx);
		return cli_fail(&e);
	}
	snprintf(summary, sizeof(summary), _("name index rebuilt: %ld places, %ld divisions"),
		 places, divisions);
	if ((rc = cli_write_commit(ctx, summary)))
		return rc;
	fprintf(stderr, "diming: %s\n", summary);
	return 0;
}

int cmd_name(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "by", required_argument, NULL, 'b' },
		{ "division", required_argument, NULL, 'd' },
		{ "class", required_argument, NULL, 'c' },
		{ "include-historical", no_argument, NULL, 'H' },
		{ "limit", required_argument, NULL, 'l' },
		{ "off", no_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *sub, *by = NULL, *division = NULL, *klass = NULL;
	int json = 0, historical = 0, off = 0, c;
	long limit = 100;
	char *end;

	if (argc < 2)
		return cli_usage_error("name", _("expected show, history, search, protect or reindex"));
	sub = argv[1];
	if (!strcmp(sub, "-h") || !strcmp(sub, "--help"))
		return cli_help(_(usage));
	/* The light executable serves search only: the others read places
	 * with reg_place_get, whose AsBinary(geom) is SpatiaLite SQL. */
	if (ctx->light && strcmp(sub, "search"))
		return cli_hand_over(ctx);
	optind = 0;
	while ((c = cli_getopt(argc - 1, argv + 1, "hj", opts, "name")) != -1) {
		switch (c) {
		case 'j':
			json = 1;
			break;
		case 'b':
			by = optarg;
			break;
		case 'd':
			division = optarg;
			break;
		case 'c':
			klass = optarg;
			break;
		case 'H':
			historical = 1;
			break;
		case 'l':
			limit = strtol(optarg, &end, 10);
			if (*end || limit < 0)
				return cli_usage_error("name", _("--limit: not a number: '%s'"), optarg);
			break;
		case 'o':
			off = 1;
			break;
		case 'h':
			return cli_help(_(usage));
		default:
			return 2;
		}
	}
	argc -= 1;
	argv += 1;
	if (!strcmp(sub, "show")) {
		if (optind + 1 != argc)
			return cli_usage_error("name", _("show expects one ID or NAME"));
		return show(ctx, argv[optind], json);
	}
	if (!strcmp(sub, "history")) {
		if (optind + 1 != argc)
			return cli_usage_error("name", _("history expects one ID"));
		return history(ctx, argv[optind], json);
	}
	if (!strcmp(sub, "search")) {
		if (optind + 1 != argc)
			return cli_usage_error("name", _("search expects one QUERY"));
		return search(ctx, argv[optind], by, division, klass, historical, limit, json);
	}
	if (!strcmp(sub, "protect")) {
		if (optind + 1 != argc)
			return cli_usage_error("name", _("protect expects one ID"));
		return protect(ctx, argv[optind], off);
	}
	if (!strcmp(sub, "reindex")) {
		if (optind != argc)
			return cli_usage_error("name", _("unexpected argument '%s'"), argv[optind]);
		return reindex(ctx);
	}
	return cli_usage_error("name", _("unknown subcommand '%s'"), sub);
}
