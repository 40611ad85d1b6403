/* reg_rules.h - the naming rules one name can be checked against alone.
 *
 * reg_rules_check_name() applies the rules that need no database: the
 * 条例 art. 9 principles and the 清理整治不规范地名 ("大、洋、怪") criteria of
 * 民发〔2018〕146号 (see shared/domain/placename-rules.md §1.2, §2, §3).
 * Rule ids are part of the CLI contract:
 *
 *   exaggerated      (大) a word that overstates the place (宇宙、中央、国际 …,
 *                    data/words-exaggerated.txt): error; a generic such as
 *                    广场、中心、城、大厦 on a building, residential area or a
 *                    name of unknown class (data/words-exaggerated-generics.txt):
 *                    warning, as the size thresholds are local
 *   foreign          (洋) a foreign place or person name (data/words-foreign.txt)
 *                    or Latin letters: error
 *   odd              (怪) a feudal word (data/words-feudal.txt), a specific of
 *                    digits only or of digits mixed with other text, a symbol
 *                    (· - and other punctuation) in the name, traditional and
 *                    simplified characters mixed: error
 *   rare-char        a character outside the 通用规范汉字表 with no standard
 *                    form: error
 *   traditional-char a traditional or variant character whose standard form
 *                    exists: error
 *   person-name      the name of a state leader or other listed person
 *                    (data/words-persons.txt): warning
 *   generic          the 通名 is missing or does not fit the class (a 街路巷
 *                    without 路/街/巷/大道 …), for classes whose family needs one
 *                    (street, community, township, division): error
 *   romanization     a supplied romanization that breaks the spelling rules
 *                    (English generics such as Rd or Street) or differs from
 *                    reg_pinyin_romanize()'s (missing apostrophe, word
 *                    division, capitals, other spelling): error
 *
 * The place register adds `duplicate` and `homophone` (reg_pinyin_key gives
 * the toneless key) with reg_finding_add(), filling place_id,
 * other_place_id and other_name.
 */
#ifndef DIMING_REG_RULES_H
#define DIMING_REG_RULES_H

#include <stddef.h>

#include "common/err.h"

enum reg_severity {
	REG_SEV_WARNING = 1,
	REG_SEV_ERROR = 2
};

struct reg_finding {
	char rule[24];           /* "exaggerated", "rare-char", … */
	int severity;            /* enum reg_severity */
	char message[256];       /* translated, lowercase, no final period */
	/* Set by the register's checks; 0 and "" from reg_rules_check_name. */
	long long place_id;
	long long other_place_id;
	char other_name[128];
};

/* A growable list of findings; caller-owned: init, then release. */
struct reg_finding_list {
	struct reg_finding *v;
	size_t n, alloc;
};

void reg_finding_list_init(struct reg_finding_list *l);
void reg_finding_list_release(struct reg_finding_list *l);
void reg_finding_list_clear(struct reg_finding_list *l);

/* Append a finding with a printf-formatted message (truncated to fit) and
 * return it, so the caller can fill the other fields.  Aborts when out of
 * memory, as buf does. */
struct reg_finding *reg_finding_add(struct reg_finding_list *l, const char *rule, int severity,
				    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* The number of findings of severity error. */
size_t reg_finding_list_errors(const struct reg_finding_list *l);

/* "error" or "warning". */
const char *reg_severity_name(int severity);

/* Check one proposed or existing name.  class_hint (NULL for none) is a
 * class name or code as reg_pinyin_class_family() takes; romanization
 * (NULL for none) is a spelling to check against the rules.  Appends the
 * findings to out (it does not clear it) and returns 0 — also when there
 * are findings; returns -1 with ERR_INPUT for an empty name or invalid
 * UTF-8. */
int reg_rules_check_name(const char *name, const char *class_hint, const char *romanization,
			 struct reg_finding_list *out, struct err *e);

#endif
