/* reg_namecheck.c - the name checks that need the registry: duplicates and
 * homophones within the legal scope, and the runs of `check name` and
 * `check names` that add the single-name rules of reg_rules.h.
 *
 * Reads name_index (reg_name.c), place_class (reg_place.c) and config;
 * writes only its own temporary tables (temp.dm_*), which hold the scope of
 * each class for the grouped queries.
 */
#include "registry/reg_namecheck.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "common/i18n.h"
#include "registry/reg_division.h"
#include "registry/reg_name.h"
#include "registry/reg_pinyin.h"
#include "registry/reg_place.h"
#include "registry/reg_rules.h"

static const char sql_groups[] =
	"SELECT grp, min(scope_2022), min(scope_1996) FROM place_class WHERE grp IS NOT NULL"
	" GROUP BY grp ORDER BY grp";
static const char sql_settings[] =
	"SELECT key, value FROM config WHERE key LIKE 'scope.%' OR key LIKE 'builtup.%'"
	" ORDER BY key";
static const char sql_temp[] =
	"CREATE TEMP TABLE IF NOT EXISTS dm_scope ("
	"  class_code TEXT PRIMARY KEY, grp TEXT NOT NULL, len INTEGER NOT NULL);"
	"CREATE TEMP TABLE IF NOT EXISTS dm_builtup ("
	"  county TEXT PRIMARY KEY, prefix TEXT NOT NULL);"
	"DELETE FROM temp.dm_scope; DELETE FROM temp.dm_builtup;";
static const char sql_scope_fill[] =
	"INSERT INTO temp.dm_scope(class_code, grp, len)"
	" SELECT code, grp, ?2 FROM place_class WHERE grp = ?1";
static const char sql_builtup_fill[] =
	"INSERT OR REPLACE INTO temp.dm_builtup(county, prefix) VALUES(?, ?)";
static const char sql_class_scope[] =
	"SELECT grp, len FROM temp.dm_scope WHERE class_code = ?";

/* Names with the same core (or core pinyin) as a proposal within a range
 * of division codes, in one group. */
static const char sql_same_core[] =
	"SELECT n.src, n.place_id, n.name, n.division_code, n.core FROM name_index n"
	" INDEXED BY name_index_core"
	" WHERE n.core = ?1 AND n.division_code >= ?2 AND n.division_code < ?3"
	"  AND n.src IN ('p', 'd') AND n.current"
	"  AND n.class_code IN (SELECT class_code FROM temp.dm_scope WHERE grp = ?4)"
	" ORDER BY n.src = 'p' DESC, n.division_code, n.id";
static const char sql_same_sound[] =
	"SELECT n.src, n.place_id, n.name, n.division_code, n.core FROM name_index n"
	" INDEXED BY name_index_ckey"
	" WHERE n.ckey = ?1 AND n.core <> ?5 AND n.division_code >= ?2 AND n.division_code < ?3"
	"  AND n.src IN ('p', 'd') AND n.current"
	"  AND n.class_code IN (SELECT class_code FROM temp.dm_scope WHERE grp = ?4)"
	" ORDER BY n.src = 'p' DESC, n.division_code, n.id";

/* Every current name with its scope key and entity: a place that lies in a
 * division with the same core is that division's entity. */
static const char sql_all[] =
	"DROP TABLE IF EXISTS temp.dm_x;"
	/* Clustered by the duplicate key, so grouping needs no index. */
	"CREATE TEMP TABLE dm_x ("
	"  grp TEXT, sk TEXT, core TEXT, ent TEXT, nid INTEGER, src TEXT, place_id INTEGER,"
	"  name TEXT, ckey TEXT, class_code TEXT, division_code TEXT,"
	"  PRIMARY KEY (grp, sk, core, ent, nid)) WITHOUT ROWID;"
	"INSERT INTO temp.dm_x"
	" SELECT s.grp,"
	"  CASE s.len WHEN -2 THEN coalesce((SELECT b.prefix FROM temp.dm_builtup b"
	"     WHERE b.county = substr(n.division_code, 1, 6)"
	"     AND substr(n.division_code, 1, length(b.prefix)) = b.prefix),"
	"    substr(n.division_code, 1, 6))"
	"   ELSE substr(n.division_code, 1, s.len) END AS sk,"
	"  n.core,"
	"  CASE WHEN n.src = 'd' THEN 'd' || n.division_code"
	"   WHEN EXISTS (SELECT 1 FROM name_index d INDEXED BY name_index_core"
	"     WHERE d.core = n.core AND d.division_code = n.division_code AND d.src = 'd')"
	"   THEN 'd' || n.division_code ELSE 'p' || n.place_id END AS ent,"
	"  n.id, n.src, n.place_id, n.name, n.ckey, n.class_code, n.division_code"
	" FROM name_index n JOIN temp.dm_scope s ON s.class_code = n.class_code"
	" WHERE n.src IN ('p', 'd') AND n.current AND s.len <> -1"
	" ORDER BY 1, 2, 3, 4, 5;";
/* Groups with more than one entity (duplicates) or more than one core
 * for one pinyin (homophones): found by GROUP BY over the table's key or
 * an index, then their rows read back in order; never pairwise. */
static const char sql_dups[] =
	"CREATE INDEX temp.dm_x_ckey ON dm_x(grp, sk, ckey, core);";
static const char sql_dup_rows[] =
	"SELECT x.src, x.place_id, x.name, x.division_code, x.grp, x.sk, x.core, x.ent,"
	"  x.class_code, x.ckey"
	" FROM (SELECT grp, sk, core FROM temp.dm_x GROUP BY grp, sk, core"
	"  HAVING min(ent) <> max(ent)) g"
	" JOIN temp.dm_x x ON x.grp = g.grp AND x.sk = g.sk AND x.core = g.core"
	" ORDER BY x.grp, x.sk, x.core, x.ent, x.src = 'd', x.nid";
static const char sql_sound_rows[] =
	"SELECT x.src, x.place_id, x.name, x.division_code, x.grp, x.sk, x.core, x.ent,"
	"  x.class_code, x.ckey"
	" FROM (SELECT grp, sk, ckey FROM temp.dm_x WHERE ckey <> '' GROUP BY grp, sk, ckey"
	"  HAVING min(core) <> max(core)) g"
	" JOIN temp.dm_x x ON x.grp = g.grp AND x.sk = g.sk AND x.ckey = g.ckey"
	" ORDER BY x.grp, x.sk, x.ckey, x.core, x.ent, x.src = 'd', x.nid";
static const char sql_every[] =
	"SELECT n.src, n.place_id, n.name, n.division_code, n.class_code, p.romanization"
	" FROM name_index n LEFT JOIN place p ON p.id = n.place_id"
	" WHERE n.src IN ('p', 'd') AND n.current"
	"  AND (?1 IS NULL OR substr(n.division_code, 1, length(?1)) = ?1)"
	"  AND (?2 IS NULL OR substr(n.class_code, 1, length(?2)) = ?2)";
static const char sql_class_names[] = "SELECT code, name FROM place_class";

/* ---- scopes ---- */

static const struct {
	const char *name;
	int level;
} levels[] = {
	{ "nation", 0 }, { "province", 2 }, { "city", 4 }, { "county", 6 }, { "town", 9 },
	{ "village", 12 }, { "builtup", REG_SCOPE_BUILTUP }, { "none", REG_SCOPE_NONE },
};

int reg_scope_level_parse(const char *s)
{
	size_t i;

	for (i = 0; s && i < sizeof(levels) / sizeof(levels[0]); i++)
		if (!strcmp(s, levels[i].name))
			return levels[i].level;
	return REG_SCOPE_BAD;
}

const char *reg_scope_level_name(int level)
{
	size_t i;

	for (i = 0; i < sizeof(levels) / sizeof(levels[0]); i++)
		if (levels[i].level == level)
			return levels[i].name;
	return "?";
}

#define MAX_GROUPS 16

struct scopes {
	struct {
		char grp[16];
		int level;
	} g[MAX_GROUPS];
	size_t n;
};

static int group_index(const struct scopes *s, const char *grp)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (!strcmp(s->g[i].grp, grp))
			return (int)i;
	return -1;
}

/* The significant prefix of a normalised code (445322 for a county). */
static void code_prefix(const char code[13], char out[13])
{
	static const size_t len[] = { 12, 2, 4, 6, 9, 12 };
	size_t n = len[reg_code_level(code)];

	memcpy(out, code, n);
	out[n] = '\0';
}

/* Read the scope table and the settings into s and the temp tables. */
static int load_scopes(struct reg *r, struct scopes *s, struct err *e)
{
	char table[16] = "2022";
	sqlite3_stmt *st;
	int rc, use1996, i;

	memset(s, 0, sizeof(*s));
	if (reg_config_get(r, "scope.table", table, sizeof(table), e) < 0)
		return -1;
	if (strcmp(table, "2022") && strcmp(table, "1996"))
		return err_set(e, ERR_INPUT, _("config 'scope.table': expected 2022 or 1996, not '%s'"),
			       table);
	use1996 = !strcmp(table, "1996");
	if (!(st = reg_prepare(r, sql_groups, e)))
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && s->n < MAX_GROUPS) {
		snprintf(s->g[s->n].grp, sizeof(s->g[s->n].grp), "%s", sqlite3_column_text(st, 0));
		s->g[s->n].level = reg_scope_level_parse(
			(const char *)sqlite3_column_text(st, use1996 ? 2 : 1));
		s->n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return reg_db_error(r, e, _("cannot read place classes"));
	if (reg_exec(r, sql_temp, e) < 0)
		return -1;
	if (!(st = reg_prepare(r, sql_settings, e)))
		return -1;
	rc = 0;
	while (rc == 0 && sqlite3_step(st) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 0);
		const char *value = (const char *)sqlite3_column_text(st, 1);

		if (!strncmp(key, "scope.", 6) && strcmp(key, "scope.table")) {
			struct reg_class c;
			int level = reg_scope_level_parse(value), gi = group_index(s, key + 6);

			if (level == REG_SCOPE_BAD) {
				rc = err_set(e, ERR_INPUT,
					     _("config '%s': unknown scope '%s' (nation, province, city, county, town, village, builtup, none)"),
					     key, value);
				break;
			}
			if (gi < 0) {
				int found = reg_class_find(r, key + 6, &c, e);

				if (found < 0) {
					rc = -1;
					break;
				}
				if (!found || !c.group[0]) {
					rc = err_set(e, ERR_INPUT,
						     found ? _("config '%s': class '%s' has no duplicate scope")
							   : _("config '%s': unknown place class '%s'"),
						     key, key + 6);
					break;
				}
				gi = group_index(s, c.group);
			}
			if (gi >= 0)
				s->g[gi].level = level;
		} else if (!strncmp(key, "builtup.", 8)) {
			char county[13], area[13], cp[13], ap[13];
			sqlite3_stmt *ins;

			if (reg_code_normalize(key + 8, county, e) < 0 ||
			    reg_code_normalize(value, area, e) < 0) {
				rc = err_prefix(e, _("config '%s': "), key);
				break;
			}
			code_prefix(county, cp);
			code_prefix(area, ap);
			if (strlen(cp) != 6 || strncmp(ap, cp, 6)) {
				rc = err_set(e, ERR_INPUT,
					     _("config '%s': expected a county code and a division inside it, not '%s'"),
					     key, value);
				break;
			}
			if (!(ins = reg_prepare(r, sql_builtup_fill, e))) {
				rc = -1;
				break;
			}
			sqlite3_bind_text(ins, 1, cp, -1, SQLITE_STATIC);
			sqlite3_bind_text(ins, 2, ap, -1, SQLITE_STATIC);
			if (sqlite3_step(ins) != SQLITE_DONE)
				rc = reg_db_error(r, e, _("cannot prepare the scope table"));
			sqlite3_finalize(ins);
		}
	}
	sqlite3_finalize(st);
	if (rc < 0)
		return -1;
	if (!(st = reg_prepare(r, sql_scope_fill, e)))
		return -1;
	for (i = 0; i < (int)s->n && rc == 0; i++) {
		sqlite3_bind_text(st, 1, s->g[i].grp, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, s->g[i].level);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = reg_db_error(r, e, _("cannot prepare the scope table"));
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc;
}

int reg_scope_of_class(struct reg *r, const char *class_code, char group[16], int *level,
		       struct err *e)
{
	struct scopes s;
	sqlite3_stmt *st;
	int rc;

	group[0] = '\0';
	*level = REG_SCOPE_NONE;
	if (load_scopes(r, &s, e) < 0 || !(st = reg_prepare(r, sql_class_scope, e)))
		return -1;
	sqlite3_bind_text(st, 1, class_code, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(group, 16, "%s", sqlite3_column_text(st, 0));
		*level = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : reg_db_error(r, e, "scope");
}

/* The scope key of a name lying in division code: the code prefix two
 * names must share.  Built-up areas from temp.dm_builtup. */
static int scope_key(struct reg *r, const char code[13], int level, char out[13],
		     struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if (level >= 0) {
		memcpy(out, code, (size_t)level);
		out[level] = '\0';
		return 0;
	}
	memcpy(out, code, 6);
	out[6] = '\0';
	if (!(st = reg_prepare(r, "SELECT prefix FROM temp.dm_builtup WHERE county = ?1"
				  " AND substr(?2, 1, length(prefix)) = prefix", e)))
		return -1;
	sqlite3_bind_text(st, 1, out, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(out, 13, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : reg_db_error(r, e, "scope");
}

/* "郁南县" for a scope key, "全国" for the nation; cached by the caller. */
static void scope_label(struct reg *r, const char *sk, char *out, size_t n)
{
	struct reg_division d;
	struct err ignore = ERR_INIT;

	if (!*sk) {
		snprintf(out, n, "%s", _("全国"));
		return;
	}
	if (reg_division_lookup(r, sk, &d, &ignore) == 1)
		snprintf(out, n, "%s", d.name);
	else
		snprintf(out, n, "%s", sk);
}

static const char *article(const char *grp)
{
	return !strcmp(grp, "division") ? "9(7)" : "9(8)";
}

/* "place 12 in 445322100201" / "division 445322100201" / "proposed". */
static void describe(struct buf *b, const char *src, long long place_id, const char *code)
{
	char disp[13];

	if (code)
		reg_code_display(code, disp);
	if (src[0] == REG_NAME_DIVISION)
		buf_addf(b, _("division %s"), disp);
	else if (place_id)
		buf_addf(b, _("place %lld in %s"), place_id, disp);
	else if (code)
		buf_addf(b, _("proposed in %s"), disp);
	else
		buf_adds(b, _("proposed"));
}

struct item {
	char src[2];
	long long place_id;
	char name[REG_MAX_NAME];
	char code[13];
};

static void item_from(struct item *it, sqlite3_stmt *st)
{
	const char *src = (const char *)sqlite3_column_text(st, 0);

	it->src[0] = src[0];
	it->src[1] = '\0';
	it->place_id = sqlite3_column_int64(st, 1);
	snprintf(it->name, sizeof(it->name), "%s", sqlite3_column_text(st, 2));
	snprintf(it->code, sizeof(it->code), "%s", sqlite3_column_text(st, 3));
}

/* Report a pair: a (the name judged) against b. */
static int report_pair(const char *rule, const struct item *a, const struct item *b,
		       const char *grp, int level, const char *scope, const char *pinyin,
		       reg_check_fn fn, void *arg, long *errors)
{
	struct reg_check_finding f;
	struct buf msg = BUF_INIT;
	int stop;

	buf_addf(&msg, "'%s' (", a->name);
	describe(&msg, a->src, a->place_id, a->code[0] ? a->code : NULL);
	if (!strcmp(rule, "duplicate"))
		buf_addf(&msg, _(") has the same 专名 as '%s' ("), b->name);
	else
		buf_addf(&msg, _(") sounds the same (%s) as '%s' ("), pinyin, b->name);
	describe(&msg, b->src, b->place_id, b->code);
	buf_addf(&msg, _(") within %s (%s scope, 条例 art. %s)"), scope,
		 reg_scope_level_name(level), article(grp));
	memset(&f, 0, sizeof(f));
	f.rule = rule;
	f.severity = !strcmp(rule, "duplicate") ? "error" : "warning";
	f.name = a->name;
	f.place_id = a->place_id;
	f.division_code = a->code[0] ? a->code : NULL;
	f.other_place_id = b->place_id;
	f.other_name = b->name;
	f.other_division_code = b->code;
	f.message = buf_str(&msg);
	if (errors && !strcmp(f.severity, "error"))
		(*errors)++;
	stop = fn(&f, arg);
	buf_release(&msg);
	return stop;
}

/* ---- single-name rules (reg_rules.h) ---- */

static int run_rules(const char *name, const char *class_hint, const char *romanization,
		     long long place_id, const char *code, struct reg_finding_list *list,
		     reg_check_fn fn, void *arg, long *errors, int *stop, struct err *e)
{
	size_t i;

	reg_finding_list_clear(list);
	if (reg_rules_check_name(name, class_hint, romanization, list, e) < 0)
		return -1;
	for (i = 0; i < list->n && !*stop; i++) {
		const struct reg_finding *rf = &list->v[i];
		struct reg_check_finding f;

		memset(&f, 0, sizeof(f));
		f.rule = rf->rule;
		f.severity = reg_severity_name(rf->severity);
		f.name = name;
		f.place_id = place_id;
		f.division_code = code;
		f.message = rf->message;
		if (errors && rf->severity == REG_SEV_ERROR)
			(*errors)++;
		*stop = fn(&f, arg);
	}
	return 0;
}

/* ---- one proposed name ---- */

static const char *group_of_family(unsigned fam)
{
	if (fam & REG_FAM_COMMUNITY)
		return "community";
	if (fam & REG_FAM_TOWNSHIP)
		return "township";
	if (fam & REG_FAM_DIVISION)
		return "division";
	if (fam & REG_FAM_STREET)
		return "street";
	if (fam & REG_FAM_BUILDING)
		return "building";
	if (fam & REG_FAM_NATURAL_VILLAGE)
		return "settlement";
	return NULL;
}

/* Compare a proposal with the names of its scope by core or by core
 * pinyin; report each other entity once. */
static int compare_one(struct reg *r, const struct reg_check_input *in,
		       const struct reg_name_keys *k, const char *grp, int level,
		       int by_sound, reg_check_fn fn, void *arg, long *errors, int *stop,
		       struct err *e)
{
	char sk[13], other_sk[13], hi[16], scope[REG_MAX_NAME], seen_core[REG_MAX_NAME] = "";
	char seen[64][13];
	size_t nseen = 0;
	struct item a, b;
	sqlite3_stmt *st;
	int rc;

	if (scope_key(r, in->division, level, sk, e) < 0)
		return -1;
	/* Built-up areas: candidates from the whole county, then exact keys. */
	snprintf(hi, sizeof(hi), "%.*s:", level >= 0 ? level : 6, in->division);
	if (!(st = reg_prepare(r, by_sound ? sql_same_sound : sql_same_core, e)))
		return -1;
	sqlite3_bind_text(st, 1, by_sound ? buf_str(&k->ckey) : buf_str(&k->core), -1,
			  SQLITE_STATIC);
	sqlite3_bind_text(st, 2, hi, (int)strlen(hi) - 1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, hi, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, grp, -1, SQLITE_STATIC);
	if (by_sound)
		sqlite3_bind_text(st, 5, buf_str(&k->core), -1, SQLITE_STATIC);
	memset(&a, 0, sizeof(a));
	a.src[0] = 'n';
	a.place_id = in->place_id;
	snprintf(a.name, sizeof(a.name), "%s", in->name);
	snprintf(a.code, sizeof(a.code), "%s", in->division);
	scope_label(r, sk, scope, sizeof(scope));
	while (!*stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *core = (const char *)sqlite3_column_text(st, 4);

		item_from(&b, st);
		if (in->place_id && b.place_id == in->place_id)
			continue;
		/* The division the place lies in, with the same core: itself. */
		if (b.src[0] == REG_NAME_DIVISION && !strcmp(b.code, in->division))
			continue;
		if (level == REG_SCOPE_BUILTUP) {
			if (scope_key(r, b.code, level, other_sk, e) < 0) {
				sqlite3_finalize(st);
				return -1;
			}
			if (strcmp(sk, other_sk))
				continue;
		}
		/* A place and the division it lies in with the same core are one
		 * entity: places come first, so skip their divisions. */
		if (b.src[0] == REG_NAME_PLACE && nseen < sizeof(seen) / sizeof(seen[0]))
			memcpy(seen[nseen++], b.code, 13);
		if (b.src[0] == REG_NAME_DIVISION) {
			size_t i;

			for (i = 0; i < nseen && strcmp(seen[i], b.code); i++)
				;
			if (i < nseen)
				continue;
		}
		/* Homophones: one finding per other core. */
		if (by_sound) {
			if (!strcmp(seen_core, core))
				continue;
			snprintf(seen_core, sizeof(seen_core), "%s", core);
		}
		*stop = report_pair(by_sound ? "homophone" : "duplicate", &a, &b, grp, level,
				    scope, buf_str(&k->ckey), fn, arg, errors);
	}
	sqlite3_finalize(st);
	return 0;
}

int reg_check_name(struct reg *r, const struct reg_check_input *in, reg_check_fn fn,
		   void *arg, long *errors, struct err *e)
{
	struct scopes s;
	struct reg_name_keys k;
	struct reg_class c;
	const char *grp = NULL, *hint = NULL;
	struct reg_finding_list list;
	int level = REG_SCOPE_NONE, stop = 0, rc = -1, gi;

	if (errors)
		*errors = 0;
	reg_finding_list_init(&list);
	if (!in->name || !*in->name)
		return err_set(e, ERR_INPUT, _("empty name"));
	if (load_scopes(r, &s, e) < 0)
		return -1;
	reg_name_keys_init(&k);
	if (reg_name_keys_compute(in->name, &k, e) < 0)
		goto out;
	if (in->class_code) {
		if (reg_class_resolve(r, in->class_code, &c, e) < 0)
			goto out;
		grp = c.group[0] ? c.group : NULL;
		hint = c.name;
		if (reg_pinyin_class_family(hint) == 0)
			hint = c.code;
	} else {
		struct reg_roman ro;
		struct err ignore = ERR_INIT;

		reg_roman_init(&ro);
		if (reg_pinyin_romanize(in->name, NULL, 0, &ro, &ignore) == 0)
			grp = group_of_family(ro.generic_kinds);
		reg_roman_release(&ro);
	}
	rc = run_rules(in->name, hint, in->romanization, in->place_id, in->division, &list,
		       fn, arg, errors, &stop, e);
	reg_finding_list_release(&list);
	if (rc < 0)
		goto out;
	rc = -1;
	if (grp && (gi = group_index(&s, grp)) >= 0)
		level = s.g[gi].level;
	if (!stop && grp && level != REG_SCOPE_NONE && in->division) {
		if (compare_one(r, in, &k, grp, level, 0, fn, arg, errors, &stop, e) < 0)
			goto out;
		if (!stop && k.ckey.len &&
		    compare_one(r, in, &k, grp, level, 1, fn, arg, errors, &stop, e) < 0)
			goto out;
	}
	rc = 0;
out:
	reg_name_keys_release(&k);
	return rc;
}

/* ---- every name ---- */

static int in_filter(const char *code, const char *class_code, const char *division,
		     const char *class_prefix)
{
	return (!division || !strncmp(code, division, strlen(division))) &&
	       (!class_prefix || !strncmp(class_code, class_prefix, strlen(class_prefix)));
}

/* Walk the rows of the grouped duplicate or homophone query: within each
 * group, the first entity (or core) is the reference and every other one
 * is reported against it. */
static int grouped(struct reg *r, int by_sound, const char *division, const char *class_prefix,
		   const struct scopes *s, reg_check_fn fn, void *arg, long *errors, struct err *e)
{
	sqlite3_stmt *st = reg_prepare(r, by_sound ? sql_sound_rows : sql_dup_rows, e);
	char key[3][REG_MAX_NAME] = { "", "", "" }, last[REG_MAX_NAME] = "";
	char scope[REG_MAX_NAME] = "", scope_sk[13] = "\x01";
	char first_class[6] = "";
	struct item first, it;
	int rc, stop = 0, have = 0;

	if (!st)
		return -1;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *grp = (const char *)sqlite3_column_text(st, 4);
		const char *sk = (const char *)sqlite3_column_text(st, 5);
		const char *core = (const char *)sqlite3_column_text(st, 6);
		const char *ent = (const char *)sqlite3_column_text(st, 7);
		const char *cls = (const char *)sqlite3_column_text(st, 8);
		const char *ckey = (const char *)sqlite3_column_text(st, 9);
		const char *unit = by_sound ? core : ent;
		int gi = group_index(s, grp);

		item_from(&it, st);
		if (!have || strcmp(key[0], grp) || strcmp(key[1], sk) ||
		    strcmp(key[2], by_sound ? ckey : core)) {
			snprintf(key[0], sizeof(key[0]), "%s", grp);
			snprintf(key[1], sizeof(key[1]), "%s", sk);
			snprintf(key[2], sizeof(key[2]), "%s", by_sound ? ckey : core);
			snprintf(last, sizeof(last), "%s", unit);
			first = it;
			snprintf(first_class, sizeof(first_class), "%s", cls);
			have = 1;
			continue;
		}
		if (!strcmp(last, unit))
			continue;
		snprintf(last, sizeof(last), "%s", unit);
		if (!in_filter(it.code, cls, division, class_prefix) &&
		    !in_filter(first.code, first_class, division, class_prefix))
			continue;
		if (strcmp(scope_sk, sk)) {
			scope_label(r, sk, scope, sizeof(scope));
			snprintf(scope_sk, sizeof(scope_sk), "%s", sk);
		}
		stop = report_pair(by_sound ? "homophone" : "duplicate", &it, &first, grp,
				   gi >= 0 ? s->g[gi].level : REG_SCOPE_NONE, scope, ckey, fn, arg,
				   errors);
	}
	sqlite3_finalize(st);
	if (!stop && rc != SQLITE_DONE)
		return reg_db_error(r, e, _("cannot check names"));
	return stop;
}

int reg_check_names(struct reg *r, const char *division, const char *class_prefix,
		    reg_check_fn fn, void *arg, long *errors, struct err *e)
{
	struct scopes s;
	sqlite3_stmt *st;
	struct buf div = BUF_INIT;
	struct reg_finding_list list;
	char hints[128][2][REG_MAX_CLASS];
	size_t nhints = 0;
	int rc = SQLITE_DONE, stop = 0;

	reg_finding_list_init(&list);

	if (errors)
		*errors = 0;
	if (division) {
		char p[13];

		code_prefix(division, p);
		buf_adds(&div, p);
	}
	/* The temporary tables stay in memory (set before they exist: changing
	 * temp_store drops them). */
	if (reg_exec(r, "PRAGMA temp_store = MEMORY", e) < 0 || load_scopes(r, &s, e) < 0)
		goto fail;
	/* The class hint each code gives the rules: its name when the
	 * romanizer knows it, else its code. */
	if (!(st = reg_prepare(r, sql_class_names, e)))
		goto fail;
	while (nhints < sizeof(hints) / sizeof(hints[0]) && sqlite3_step(st) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 0);
		const char *name = (const char *)sqlite3_column_text(st, 1);

		snprintf(hints[nhints][0], sizeof(hints[nhints][0]), "%s", code);
		snprintf(hints[nhints][1], sizeof(hints[nhints][1]), "%s",
			 reg_pinyin_class_family(name) ? name : code);
		nhints++;
	}
	sqlite3_finalize(st);
	/* Single-name rules over every current name in the selection. */
	if (!(st = reg_prepare(r, sql_every, e)))
		goto fail;
	if (division)
		sqlite3_bind_text(st, 1, buf_str(&div), -1, SQLITE_STATIC);
	if (class_prefix)
		sqlite3_bind_text(st, 2, class_prefix, -1, SQLITE_STATIC);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *src = (const char *)sqlite3_column_text(st, 0);
		const char *code = (const char *)sqlite3_column_text(st, 3);
		const char *cls = (const char *)sqlite3_column_text(st, 4);
		const char *roman = (const char *)sqlite3_column_text(st, 5);
		size_t h;

		for (h = 0; h < nhints; h++)
			if (!strcmp(hints[h][0], cls)) {
				cls = hints[h][1];
				break;
			}
		if (run_rules((const char *)sqlite3_column_text(st, 2), cls,
			      src[0] == REG_NAME_PLACE ? roman : NULL, sqlite3_column_int64(st, 1),
			      code, &list, fn, arg, errors, &stop, e) < 0) {
			sqlite3_finalize(st);
			goto fail;
		}
	}
	sqlite3_finalize(st);
	if (!stop && rc != SQLITE_DONE) {
		reg_db_error(r, e, _("cannot check names"));
		goto fail;
	}
	if (stop)
		goto done;
	/* Duplicates and homophones, grouped in SQL; the sorts stay in memory
	 * (a national registry needs some 200 MB). */
	if (reg_exec(r, sql_all, e) < 0 || reg_exec(r, sql_dups, e) < 0)
		goto fail;
	rc = grouped(r, 0, division ? buf_str(&div) : NULL, class_prefix, &s, fn, arg, errors, e);
	if (rc == 0)
		rc = grouped(r, 1, division ? buf_str(&div) : NULL, class_prefix, &s, fn, arg,
			     errors, e);
	reg_exec(r, "DROP TABLE IF EXISTS temp.dm_x", NULL);
	if (rc < 0)
		goto fail;
done:
	reg_finding_list_release(&list);
	buf_release(&div);
	return 0;
fail:
	reg_finding_list_release(&list);
	buf_release(&div);
	return -1;
}
