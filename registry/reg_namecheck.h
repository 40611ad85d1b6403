/* reg_namecheck.h - checking names against the rules and the registry.
 *
 * A proposed name (`check name`, and every case submission) or every
 * current name in the registry (`check names`) goes through the single-name
 * rules of the naming-standards engine (reg_rules.h: exaggerated, foreign,
 * odd, rare-char, traditional-char, person-name, generic, romanization) and
 * through the two rules that need the registry, owned here:
 *
 *   duplicate  the same 专名 within the legal scope (error; 条例 art. 9(7),
 *              9(8)): 东村 and 东村村 are duplicates;
 *   homophone  another 专名 with the same toneless pinyin within the scope
 *              (warning: 避免同音).
 *
 * Scopes.  Each class belongs to a group of classes that are compared with
 * each other (data/place-classes.csv, column group), and each group has a
 * scope: the 2022 table by default (county-level and above nationwide,
 * 乡镇 within the province, 街道 and 村/居委会 seats within the county,
 * 自然村 within the town, 街路巷, 住宅区 and 楼宇 within the built-up area),
 * or the 1996 table.  Settings (diming config set):
 *
 *   scope.table 2022|1996            which table
 *   scope.<class or group> <level>  nation, province, city, county, town,
 *                                   village, builtup or none
 *   builtup.<county code> <code>    the division that is the county's
 *                                   built-up area (建成区); without one the
 *                                   county stands in for it
 *
 * A place is not compared with the division it lies in when both have the
 * same 专名 (银盆村 in 银盆村民委员会 is the same entity, a derived name).
 * Names from the name index (reg_name.h); keep it synced first.
 */
#ifndef DIMING_REG_NAMECHECK_H
#define DIMING_REG_NAMECHECK_H

#include "common/err.h"
#include "registry/reg.h"

struct reg_check_finding {
	const char *rule;            /* duplicate, homophone, or a reg_rules.h id */
	const char *severity;        /* error, warning or info */
	const char *name;            /* the name judged */
	long long place_id;          /* its place, 0 for a proposal or a division */
	const char *division_code;   /* normalised: where it lies, NULL if unknown */
	long long other_place_id;    /* the other place, 0 if none or a division */
	const char *other_name;      /* NULL if the rule has no other name */
	const char *other_division_code;
	const char *message;
};

typedef int (*reg_check_fn)(const struct reg_check_finding *f, void *arg);

/* A proposed name. */
struct reg_check_input {
	const char *name;
	const char *division;        /* normalised code of the division it lies in */
	const char *class_code;      /* a class code, or NULL: the group is then
	                              * guessed from the 通名 */
	const char *romanization;    /* supplied romanization to check, or NULL */
	long long place_id;          /* a place being renamed: not its own duplicate */
};

/* Check one proposed name: every finding goes to fn (which returns
 * non-zero to stop); *errors (may be NULL) counts findings of severity
 * error.  Returns 0, or -1 with ERR_INPUT for a bad scope setting, ERR_DB. */
int reg_check_name(struct reg *r, const struct reg_check_input *in, reg_check_fn fn,
		   void *arg, long *errors, struct err *e);

/* Check every current name, divisions included.  division (a normalised
 * code) and class_prefix (reg_class_prefix) narrow what is reported; the
 * comparison still runs over the whole scope.  Duplicates and homophones
 * are found by grouping on (scope, 专名) and (scope, pinyin) in SQL, never
 * pairwise. */
int reg_check_names(struct reg *r, const char *division, const char *class_prefix,
		    reg_check_fn fn, void *arg, long *errors, struct err *e);

/* Scope levels: the length of the division-code prefix two names must
 * share (0 nationwide, 2 province, 4 city, 6 county, 9 town, 12 village),
 * or these. */
enum { REG_SCOPE_NONE = -1, REG_SCOPE_BUILTUP = -2, REG_SCOPE_BAD = -3 };
int reg_scope_level_parse(const char *s);
const char *reg_scope_level_name(int level);

/* The scope of a class's group under the current settings: *level as
 * above, group "" when the class is not checked for duplicates. */
int reg_scope_of_class(struct reg *r, const char *class_code, char group[16], int *level,
		       struct err *e);

#endif
