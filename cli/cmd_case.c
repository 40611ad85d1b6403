/* cmd_case.c - `diming case`: approval cases (命名 · 更名 · 销名). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "registry/reg_case.h"
#include "registry/reg_place.h"

static const char usage[] =
	N_("usage: diming case new naming|renaming|cancellation --division CODE [--place ID]\n"
	   "                [--name NEW] [--class C] [--reason TEXT] [--applicant ORG]\n"
	   "                [--location LON,LAT]\n"
	   "   or: diming case submit ID --as OFFICER [--note TEXT]\n"
	   "   or: diming case review ID --as OFFICER --expert R --consultation R\n"
	   "                [--assessment R] [--hearing R] [--note TEXT]\n"
	   "   or: diming case approve ID --as OFFICER --authority ORG --doc-number NO\n"
	   "                [--override --reason TEXT] [--note TEXT]\n"
	   "   or: diming case reject|withdraw|file ID --as OFFICER [--note TEXT]\n"
	   "   or: diming case announce ID --as OFFICER --channel TEXT [--note TEXT]\n"
	   "   or: diming case show ID [--json]\n"
	   "   or: diming case list [--state S] [--overdue] [--json]\n"
	   "\n"
	   "The legal path of a name (条例 arts. 11-14):\n"
	   "  draft -> submit -> submitted -> review -> reviewed -> approve | reject\n"
	   "  approved -> announce (公告) -> announced -> file (备案) -> filed\n"
	   "  withdraw ends a case before approval.\n"
	   "'new' prints the new case's id.  'submit' checks the proposed name and keeps\n"
	   "the findings; 'approve' checks again and refuses while an error stands,\n"
	   "unless --override --reason says why (recorded).  The approver must be\n"
	   "neither the submitter nor the reviewer.  公告 and 备案 are due 15 days\n"
	   "after approval; 'list --overdue' shows the late ones (DIMING_NOW sets the\n"
	   "clock).  On approval naming creates the place, renaming keeps its id and\n"
	   "makes the old name a 曾用名, cancellation makes it historical.\n"
	   "A review report R is a file path (recorded as a path) or a note.\n"
	   "'current_name' is the place's name when the case was opened.  For a naming,\n"
	   "--place names a predecessor that the new place succeeds (its history\n"
	   "follows); --location gives the new place's point (CGCS2000 lon,lat).\n"
	   "\n"
	   "Illegal transitions and refused approvals exit 1 with the reason.\n");

static int parse_id(const char *s, long long *id)
{
	char *end;

	if (!*s || !isdigit((unsigned char)*s))
		return -1;
	*id = strtoll(s, &end, 10);
	return *end || *id <= 0 ? -1 : 0;
}

struct opts {
	const char *division, *name, *klass, *reason, *applicant, *location, *note;
	const char *officer, *authority, *doc, *channel, *state;
	const char *expert, *consultation, *assessment, *hearing;
	long long place;
	int override, overdue, json;
};

/* ---- show and list ---- */

static int event_json(const struct reg_case_event *ev, void *arg)
{
	json_t *o = json_object();

	json_object_set_new(o, "state", json_string(ev->state));
	json_object_set_new(o, "actor", json_string(ev->actor));
	json_object_set_new(o, "at", json_string(ev->at));
	json_object_set_new(o, "note", cli_json_str_or_null(ev->note));
	json_array_append_new(arg, o);
	return 0;
}

static int finding_json(const struct reg_case_finding *f, void *arg)
{
	json_t *o = json_object();

	json_object_set_new(o, "rule", json_string(f->rule));
	json_object_set_new(o, "severity", json_string(f->severity));
	json_object_set_new(o, "message", json_string(f->message));
	json_array_append_new(arg, o);
	return 0;
}

static json_t *case_json(struct reg *r, const struct reg_case *c, struct err *e)
{
	json_t *o = json_object(), *events = json_array(), *findings = json_array();
	char disp[13];

	reg_code_display(c->division_code, disp);
	json_object_set_new(o, "id", json_integer(c->id));
	json_object_set_new(o, "type", json_string(c->type));
	json_object_set_new(o, "state", json_string(c->state));
	json_object_set_new(o, "place_id",
			    c->result_place ? json_integer(c->result_place)
			    : c->place_id ? json_integer(c->place_id) : json_null());
	json_object_set_new(o, "proposed_name", cli_json_str_or_null(c->proposed_name));
	json_object_set_new(o, "current_name", cli_json_str_or_null(c->current_name));
	json_object_set_new(o, "division_code", json_string(disp));
	json_object_set_new(o, "applicant", cli_json_str_or_null(c->applicant));
	json_object_set_new(o, "events", events);
	json_object_set_new(o, "findings", findings);
	json_object_set_new(o, "announce_due", cli_json_str_or_null(c->announce_due));
	json_object_set_new(o, "file_due", cli_json_str_or_null(c->file_due));
	json_object_set_new(o, "overdue", json_boolean(c->overdue));
	if (reg_case_events_each(r, c->id, event_json, events, e) < 0 ||
	    reg_case_findings_each(r, c->id, finding_json, findings, e) < 0) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static int event_text(const struct reg_case_event *ev, void *arg)
{
	(void)arg;
	printf("  %s  %-9s  %s%s%s\n", ev->at, ev->state, ev->actor, ev->note ? "  " : "",
	       ev->note ? ev->note : "");
	return 0;
}

static int finding_text(const struct reg_case_finding *f, void *arg)
{
	(void)arg;
	printf("  %-7s  %-16s  %s\n", f->severity, f->rule, f->message);
	return 0;
}

static int report_text(const struct reg_case_report *rep, void *arg)
{
	(void)arg;
	printf("  %-12s  %s%s  (%s, %s)\n", rep->kind, rep->path ? rep->path : rep->note,
	       rep->path ? _(" [file]") : "", rep->actor, rep->at);
	return 0;
}

static int show(struct cli_ctx *ctx, long long id, int json)
{
	struct reg_case c;
	struct err e = ERR_INIT;
	char disp[13];
	int rc;

	if ((rc = cli_open(ctx)))
		return rc;
	rc = reg_case_get(&ctx->reg, id, &c, &e);
	if (rc < 0)
		return cli_fail(&e);
	if (rc == 0) {
		cli_error(_("no case with id %lld"), id);
		return 2;
	}
	if (json) {
		json_t *o = case_json(&ctx->reg, &c, &e);

		return o ? cli_json_print(o) : cli_fail(&e);
	}
	reg_code_display(c.division_code, disp);
	printf(_("case         %lld  %s  %s%s\n"), c.id, c.type, c.state,
	       c.overdue ? _("  OVERDUE") : "");
	if (!strcmp(c.type, "naming"))
		printf(_("name         %s (class %s)\n"), c.proposed_name, c.class_code);
	else if (!strcmp(c.type, "renaming"))
		printf(_("place        %lld  %s → %s\n"), c.place_id, c.current_name, c.proposed_name);
	else
		printf(_("place        %lld  %s\n"), c.place_id, c.current_name);
	printf(_("division     %s\n"), disp);
	if (c.applicant[0])
		printf(_("applicant    %s\n"), c.applicant);
	if (c.reason[0])
		printf(_("reason       %s\n"), c.reason);
	if (c.has_location)
		printf(_("location     %.6f %.6f\n"), c.lon, c.lat);
	if (c.approved_on[0]) {
		printf(_("approved     %s by %s: %s %s\n"), c.approved_on, c.approved_by, c.authority,
		       c.doc_number);
		if (c.override_reason[0])
			printf(_("override     %s\n"), c.override_reason);
		printf(_("公告         due %s%s%s%s\n"), c.announce_due,
		       c.announced_on[0] ? _(", announced ") : "", c.announced_on,
		       c.channel[0] ? "" : "");
		if (c.channel[0])
			printf(_("             channel: %s\n"), c.channel);
		printf(_("备案         due %s%s%s\n"), c.file_due, c.filed_on[0] ? _(", filed ") : "",
		       c.filed_on);
	}
	if (c.result_place && strcmp(c.type, "naming") == 0)
		printf(_("place        %lld (created)\n"), c.result_place);
	printf(_("events\n"));
	if (reg_case_events_each(&ctx->reg, id, event_text, NULL, &e) < 0)
		return cli_fail(&e);
	printf(_("findings\n"));
	if (reg_case_findings_each(&ctx->reg, id, finding_text, NULL, &e) < 0)
		return cli_fail(&e);
	printf(_("reports\n"));
	if (reg_case_reports_each(&ctx->reg, id, report_text, NULL, &e) < 0)
		return cli_fail(&e);
	return 0;
}

struct list_state {
	struct reg *r;
	int json;
	json_t *arr;
	struct err *e;
	int failed;
};

static int list_one(const struct reg_case *c, void *arg)
{
	struct list_state *s = arg;
	char disp[13];

	if (s->json) {
		json_t *o = case_json(s->r, c, s->e);

		if (!o) {
			s->failed = 1;
			return 1;
		}
		json_array_append_new(s->arr, o);
		return 0;
	}
	reg_code_display(c->division_code, disp);
	printf("%-5lld  %-12s  %-9s  %-12s  %s", c->id, c->type, c->state, disp,
	       c->proposed_name[0] ? c->proposed_name : c->current_name);
	if (c->current_name[0] && c->proposed_name[0])
		printf(_(" (was %s)"), c->current_name);
	if (c->announce_due[0] && (!strcmp(c->state, "approved") || !strcmp(c->state, "announced")))
		printf(_("  due %s"), c->announce_due);
	if (c->overdue)
		printf(_("  OVERDUE"));
	putchar('\n');
	return 0;
}

static int list(struct cli_ctx *ctx, const struct opts *o)
{
	struct err e = ERR_INIT;
	struct list_state s = { NULL, o->json, NULL, &e, 0 };
	int rc;

	if (o->state && !reg_case_state_valid(o->state))
		return cli_usage_error("case list",
				       _("unknown state '%s' (draft, submitted, reviewed, approved, rejected, announced, filed, withdrawn)"),
				       o->state);
	if ((rc = cli_open(ctx)))
		return rc;
	s.r = &ctx->reg;
	if (o->json)
		s.arr = json_array();
	if (reg_case_each(&ctx->reg, o->state, o->overdue, list_one, &s, &e) < 0 || s.failed) {
		json_decref(s.arr);
		return cli_fail(&e);
	}
	return o->json ? cli_json_print(s.arr) : 0;
}

/* ---- writes ---- */

static int case_new(struct cli_ctx *ctx, const char *type, const struct opts *o)
{
	struct reg_case_new n;
	struct err e = ERR_INIT;
	char summary[512];
	long long id;
	int protect, rc;

	memset(&n, 0, sizeof(n));
	n.type = type;
	n.division = o->division;
	n.place_id = o->place;
	n.name = o->name;
	n.class_code = o->klass;
	n.reason = o->reason;
	n.applicant = o->applicant;
	if (strcmp(type, "naming") && strcmp(type, "renaming") && strcmp(type, "cancellation"))
		return cli_usage_error("case new",
				       _("unknown case type '%s' (naming, renaming, cancellation)"), type);
	if (!o->division && !o->place)
		return cli_usage_error("case new", _("--division is required"));
	if (o->location) {
		char *end;

		n.lon = strtod(o->location, &end);
		if (end == o->location || *end != ',')
			return cli_usage_error("case new", _("--location: expected LON,LAT, not '%s'"),
					       o->location);
		n.lat = strtod(end + 1, &end);
		if (*end)
			return cli_usage_error("case new", _("--location: expected LON,LAT, not '%s'"),
					       o->location);
		n.has_location = 1;
	}
	if ((rc = cli_write_begin(ctx)))
		return rc;
	if (reg_case_create(&ctx->reg, &n, &id, &protect, &e) < 0) {
		cli_write_abort(ctx);
		if (e.code == ERR_USAGE)
			return cli_usage_error("case new", "%s", e.msg);
		return cli_fail(&e);
	}
	if (o->place)
		snprintf(summary, sizeof(summary), _("case %lld opened: %s of place %lld%s%s"), id,
			 type, o->place, o->name ? " -> " : "", o->name ? o->name : "");
	else
		snprintf(summary, sizeof(summary), _("case %lld opened: %s %s"), id, type,
			 o->name ? o->name : "");
	if ((rc = cli_write_commit(ctx, summary)))
		return rc;
	if (protect)
		cli_warning(_("place %lld is on the protection list (保护名录, 条例 art. 25): a listed name that must change needs protection measures first"),
			    o->place);
	printf("%lld\n", id);
	return 0;
}

/* A review report: a path when the file exists, else a note. */
static void report(struct reg_case_report *r, int *n, const char *kind, const char *text)
{
	struct stat st;

	if (!text)
		return;
	memset(&r[*n], 0, sizeof(r[*n]));
	r[*n].kind = kind;
	if (stat(text, &st) == 0 && S_ISREG(st.st_mode))
		r[*n].path = text;
	else
		r[*n].note = text;
	(*n)++;
}

struct show_finding_state {
	long n;
};

static int warn_finding(const struct reg_case_finding *f, void *arg)
{
	struct show_finding_state *s = arg;

	if (!strcmp(f->severity, "error"))
		cli_error(_("finding: %s: %s"), f->rule, f->message);
	else
		cli_warning(_("finding: %s: %s"), f->rule, f->message);
	s->n++;
	return 0;
}

static int transition(struct cli_ctx *ctx, const char *verb, long long id, const struct opts *o)
{
	struct err e = ERR_INIT;
	struct reg_case_report reports[4];
	char summary[512];
	long errors = 0, warnings = 0;
	int nrep = 0, rc;

	if (o->override && (!o->reason || !*o->reason))
		return cli_usage_error("case approve", _("--override needs --reason TEXT"));
	if (!strcmp(verb, "approve") && (!o->authority || !o->doc))
		return cli_usage_error("case approve", _("approve needs --authority and --doc-number"));
	if (!strcmp(verb, "announce") && !o->channel)
		return cli_usage_error("case announce", _("announce needs --channel"));
	if (o->officer)
		ctx->actor = o->officer;
	if ((rc = cli_write_begin(ctx)))
		return rc;
	reg_set_actor(&ctx->reg, ctx->actor);
	if (!strcmp(verb, "submit")) {
		rc = reg_case_submit(&ctx->reg, id, o->note, &errors, &warnings, &e);
	} else if (!strcmp(verb, "review")) {
		report(reports, &nrep, "expert", o->expert);
		report(reports, &nrep, "consultation", o->consultation);
		report(reports, &nrep, "assessment", o->assessment);
		report(reports, &nrep, "hearing", o->hearing);
		rc = reg_case_review(&ctx->reg, id, reports, nrep, o->note, &e);
	} else if (!strcmp(verb, "approve")) {
		rc = reg_case_approve(&ctx->reg, id, o->authority, o->doc,
				      o->override ? o->reason : NULL, o->note, &e);
	} else if (!strcmp(verb, "reject")) {
		rc = reg_case_reject(&ctx->reg, id, o->note, &e);
	} else if (!strcmp(verb, "announce")) {
		rc = reg_case_announce(&ctx->reg, id, o->channel, o->note, &e);
	} else if (!strcmp(verb, "file")) {
		rc = reg_case_file(&ctx->reg, id, o->note, &e);
	} else {
		rc = reg_case_withdraw(&ctx->reg, id, o->note, &e);
	}
	if (rc < 0) {
		cli_write_abort(ctx);
		if (e.code == ERR_USAGE)
			return cli_usage_error("case", "%s", e.msg);
		return cli_fail(&e);
	}
	if (!strcmp(verb, "submit"))
		snprintf(summary, sizeof(summary), _("case %lld: submit (%ld errors, %ld warnings)"),
			 id, errors, warnings);
	else if (!strcmp(verb, "approve"))
		snprintf(summary, sizeof(summary), _("case %lld: approve (%s %s)%s%s"), id,
			 o->authority, o->doc, o->override ? _(", override: ") : "",
			 o->override ? o->reason : "");
	else
		snprintf(summary, sizeof(summary), _("case %lld: %s"), id, verb);
	if ((rc = cli_write_commit(ctx, summary)))
		return rc;
	if (!strcmp(verb, "submit") && (errors || warnings)) {
		struct show_finding_state s = { 0 };

		if (reg_case_findings_each(&ctx->reg, id, warn_finding, &s, &e) < 0)
			return cli_fail(&e);
	}
	return 0;
}

int cmd_case(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option lopts[] = {
		{ "division", required_argument, NULL, 'd' },
		{ "place", required_argument, NULL, 'p' },
		{ "name", required_argument, NULL, 'n' },
		{ "class", required_argument, NULL, 'c' },
		{ "reason", required_argument, NULL, 'r' },
		{ "applicant", required_argument, NULL, 'a' },
		{ "location", required_argument, NULL, 'L' },
		{ "note", required_argument, NULL, 'N' },
		{ "as", required_argument, NULL, 'A' },
		{ "authority", required_argument, NULL, 'u' },
		{ "doc-number", required_argument, NULL, 'D' },
		{ "override", no_argument, NULL, 'o' },
		{ "channel", required_argument, NULL, 'C' },
		{ "expert", required_argument, NULL, 'E' },
		{ "consultation", required_argument, NULL, 'S' },
		{ "assessment", required_argument, NULL, 'M' },
		{ "hearing", required_argument, NULL, 'H' },
		{ "state", required_argument, NULL, 's' },
		{ "overdue", no_argument, NULL, 'O' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const verbs[] = {
		"submit", "review", "approve", "reject", "announce", "file", "withdraw", NULL
	};
	struct opts o;
	const char *sub;
	long long id;
	int c, i;

	if (argc < 2)
		return cli_usage_error("case", _("expected new, submit, review, approve, reject, announce, file, withdraw, show or list"));
	sub = argv[1];
	if (!strcmp(sub, "-h") || !strcmp(sub, "--help"))
		return cli_help(_(usage));
	memset(&o, 0, sizeof(o));
	optind = 0;
	while ((c = cli_getopt(argc - 1, argv + 1, "hj", lopts, "case")) != -1) {
		switch (c) {
		case 'd': o.division = optarg; break;
		case 'n': o.name = optarg; break;
		case 'c': o.klass = optarg; break;
		case 'r': o.reason = optarg; break;
		case 'a': o.applicant = optarg; break;
		case 'L': o.location = optarg; break;
		case 'N': o.note = optarg; break;
		case 'A': o.officer = optarg; break;
		case 'u': o.authority = optarg; break;
		case 'D': o.doc = optarg; break;
		case 'o': o.override = 1; break;
		case 'C': o.channel = optarg; break;
		case 'E': o.expert = optarg; break;
		case 'S': o.consultation = optarg; break;
		case 'M': o.assessment = optarg; break;
		case 'H': o.hearing = optarg; break;
		case 's': o.state = optarg; break;
		case 'O': o.overdue = 1; break;
		case 'j': o.json = 1; break;
		case 'p':
			if (parse_id(optarg, &o.place) < 0)
				return cli_usage_error("case", _("--place: not a place id: '%s'"), optarg);
			break;
		case 'h':
			return cli_help(_(usage));
		default:
			return 2;
		}
	}
	argc -= 1;
	argv += 1;
	if (!strcmp(sub, "new")) {
		if (optind + 1 != argc)
			return cli_usage_error("case new", _("expected naming, renaming or cancellation"));
		return case_new(ctx, argv[optind], &o);
	}
	if (!strcmp(sub, "list")) {
		if (optind != argc)
			return cli_usage_error("case list", _("unexpected argument '%s'"), argv[optind]);
		return list(ctx, &o);
	}
	if (optind + 1 != argc || parse_id(argv[optind], &id) < 0)
		return cli_usage_error("case", _("'%s' expects one case ID"), sub);
	if (!strcmp(sub, "show"))
		return show(ctx, id, o.json);
	for (i = 0; verbs[i]; i++)
		if (!strcmp(sub, verbs[i]))
			return transition(ctx, sub, id, &o);
	return cli_usage_error("case", _("unknown subcommand '%s'"), sub);
}
