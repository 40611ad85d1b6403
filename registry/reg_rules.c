/* reg_rules.c - checks of a single name against the naming rules.
 *
 * Owns the finding list and the rules that need no database (see
 * reg_rules.h for the rule ids).  The word lists are compiled in from
 * data/words-*.txt; readings, generics and classes come from reg_pinyin.c.
 * Duplicate and homophone checks need the registry and live with it.
 */
#include "registry/reg_rules.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "common/i18n.h"
#include "common/utf8.h"
#include "registry/reg_hanzi.h"
#include "registry/reg_pinyin.h"
#include "registry/reg_tables.h"

void reg_finding_list_init(struct reg_finding_list *l)
{
	memset(l, 0, sizeof(*l));
}

void reg_finding_list_release(struct reg_finding_list *l)
{
	free(l->v);
	memset(l, 0, sizeof(*l));
}

void reg_finding_list_clear(struct reg_finding_list *l)
{
	l->n = 0;
}

struct reg_finding *reg_finding_add(struct reg_finding_list *l, const char *rule, int severity,
				    const char *fmt, ...)
{
	struct reg_finding *f;
	va_list ap;

	if (l->n == l->alloc) {
		size_t alloc = l->alloc ? l->alloc * 2 : 8;
		struct reg_finding *v = realloc(l->v, alloc * sizeof(*v));

		if (!v)
			abort();
		l->v = v;
		l->alloc = alloc;
	}
	f = &l->v[l->n++];
	memset(f, 0, sizeof(*f));
	snprintf(f->rule, sizeof(f->rule), "%s", rule);
	f->severity = severity;
	va_start(ap, fmt);
	vsnprintf(f->message, sizeof(f->message), fmt, ap);
	va_end(ap);
	return f;
}

size_t reg_finding_list_errors(const struct reg_finding_list *l)
{
	size_t i, k = 0;

	for (i = 0; i < l->n; i++)
		k += l->v[i].severity == REG_SEV_ERROR;
	return k;
}

const char *reg_severity_name(int severity)
{
	return severity == REG_SEV_ERROR ? "error" : "warning";
}

/* ---- helpers ---- */

static size_t next_char(const char *s, size_t n, size_t pos, uint32_t *cp)
{
	size_t m = utf8_decode(s + pos, n - pos, cp);

	return m ? m : 1;
}

static int is_han(uint32_t cp)
{
	const struct reg_hz *h;

	if (utf8_is_han(cp))
		return 1;
	h = cp >= 0x80 ? reg_hz_find(cp) : NULL;
	return h && h->reading;
}

static int is_digit(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

static int is_latin(uint32_t cp)
{
	return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
	       (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A);
}

/* Does the character s[pos..pos+m) occur before pos?  (Report each once.) */
static int seen_before(const char *s, size_t pos, size_t m)
{
	size_t i;

	for (i = 0; i + m <= pos; i++)
		if (!memcmp(s + i, s + pos, m))
			return 1;
	return 0;
}

/* Report every word of list l found in s[0..n) (longest at each place).
 * Only characters that start some rule word (REG_HZ_WORD) are tried. */
static void each_word(const struct reg_word_list *l, const char *s, size_t n,
		      void (*fn)(const struct reg_word *, void *), void *arg)
{
	size_t pos = 0;
	uint32_t cp;

	while (pos < n) {
		size_t m = next_char(s, n, pos, &cp);
		const struct reg_hz *h = cp >= 0x80 ? reg_hz_find(cp) : NULL;
		const struct reg_word *w = h && (h->flags & REG_HZ_WORD)
						   ? reg_word_longest_at(l, s, n, pos) : NULL;

		if (w) {
			fn(w, arg);
			pos += w->len;
		} else {
			pos += m;
		}
	}
}

static void on_exaggerated(const struct reg_word *w, void *arg)
{
	reg_finding_add(arg, "exaggerated", REG_SEV_ERROR,
			_("contains '%.*s', a word that overstates the place (大)"), (int)w->len,
			w->text);
}

static void on_foreign(const struct reg_word *w, void *arg)
{
	reg_finding_add(arg, "foreign", REG_SEV_ERROR,
			_("contains '%.*s', a foreign place or person name (洋)"), (int)w->len,
			w->text);
}

static void on_feudal(const struct reg_word *w, void *arg)
{
	reg_finding_add(arg, "odd", REG_SEV_ERROR,
			_("contains '%.*s', a word with a feudal flavour (怪)"), (int)w->len, w->text);
}

static void on_person(const struct reg_word *w, void *arg)
{
	reg_finding_add(arg, "person-name", REG_SEV_WARNING,
			_("contains '%.*s', the name of a listed person (人名)"), (int)w->len,
			w->text);
}

/* ---- character rules ---- */

static void check_chars(const char *name, size_t n, const char *spec, size_t nspec,
			struct reg_finding_list *out)
{
	size_t pos, m, ndig = 0, nother = 0;
	uint32_t cp, trad = 0, simp = 0, symbol = 0;
	int latin = 0;

	for (pos = 0; pos < n; pos += m) {
		m = next_char(name, n, pos, &cp);
		if (is_latin(cp)) {
			latin = 1;
		} else if (is_han(cp) || (cp >= 0xE000 && cp <= 0xF8FF)) {
			int variant = 0;
			uint32_t std;

			if (reg_hanzi_is_simplified(cp) && !simp)
				simp = cp;
			if (reg_hanzi_tgh_level(cp))
				continue;
			if (reg_hanzi_is_traditional(cp) && !trad)
				trad = cp;
			if (seen_before(name, pos, m))
				continue;
			std = reg_hanzi_standard_form(cp, &variant);
			if (std) {
				struct buf b = BUF_INIT;

				utf8_encode(&b, std);
				reg_finding_add(out, "traditional-char", REG_SEV_ERROR,
						variant ? _("'%.*s' is a variant form of '%s' (异体字)")
							: _("'%.*s' is the traditional form of '%s' (繁体字)"),
						(int)m, name + pos, buf_str(&b));
				buf_release(&b);
			} else {
				reg_finding_add(out, "rare-char", REG_SEV_ERROR,
						_("'%.*s' (U+%04X) is not in the 通用规范汉字表 (生僻字)"),
						(int)m, name + pos, (unsigned)cp);
			}
		} else if (!is_digit(cp) && !symbol) {
			symbol = cp;
			reg_finding_add(out, "odd", REG_SEV_ERROR, _("symbol '%.*s' in the name (怪)"),
					(int)m, name + pos);
		}
	}
	if (latin)
		reg_finding_add(out, "foreign", REG_SEV_ERROR, _("contains Latin letters (洋)"));
	if (trad && simp) {
		struct buf a = BUF_INIT, b = BUF_INIT;

		utf8_encode(&a, trad);
		utf8_encode(&b, simp);
		reg_finding_add(out, "odd", REG_SEV_ERROR,
				_("mixes traditional '%s' and simplified '%s' characters (繁简混搭)"),
				buf_str(&a), buf_str(&b));
		buf_release(&a);
		buf_release(&b);
	}
	for (pos = 0; pos < nspec; pos += m) {
		m = next_char(spec, nspec, pos, &cp);
		if (is_digit(cp))
			ndig++;
		else
			nother++;
	}
	if (ndig && !nother)
		reg_finding_add(out, "odd", REG_SEV_ERROR, _("the 专名 '%.*s' is only digits (怪)"),
				(int)nspec, spec);
	else if (ndig)
		reg_finding_add(out, "odd", REG_SEV_ERROR,
				_("the 专名 '%.*s' mixes digits with other text (怪)"), (int)nspec, spec);
}

/* ---- generics ---- */

static const char *family_examples(unsigned family)
{
	switch (family) {
	case REG_FAM_STREET: return "路、街、巷、大道";
	case REG_FAM_COMMUNITY: return "村、社区、村民委员会、居民委员会";
	case REG_FAM_TOWNSHIP: return "乡、镇、街道";
	case REG_FAM_DIVISION: return "省、市、县、区、旗";
	default: return "";
	}
}

static void check_generic(const char *class_hint, unsigned family, const struct reg_roman *r,
			  struct reg_finding_list *out)
{
	const unsigned needs = REG_FAM_STREET | REG_FAM_COMMUNITY | REG_FAM_TOWNSHIP |
			       REG_FAM_DIVISION;

	if (!(family & needs))
		return;
	if (!r->tongming.len)
		reg_finding_add(out, "generic", REG_SEV_ERROR,
				_("no 通名 for class '%s' (expected one like %s)"), class_hint,
				family_examples(family));
	else if (!(r->generic_kinds & family))
		reg_finding_add(out, "generic", REG_SEV_ERROR,
				_("通名 '%s' does not fit class '%s' (expected one like %s)"),
				r->tongming.data, class_hint, family_examples(family));
}

static void check_overstated_generic(const char *name, size_t n, unsigned family,
				     struct reg_finding_list *out)
{
	size_t pos, m;
	uint32_t cp;

	if (family && !(family & (REG_FAM_BUILDING | REG_FAM_FACILITY)))
		return;
	for (pos = 0; pos < n; pos += m) {
		const struct reg_word *w;

		m = next_char(name, n, pos, &cp);
		if (pos == 0)
			continue;
		w = reg_word_find(&reg_list_exaggerated_generics, name + pos, n - pos);
		if (w) {
			reg_finding_add(out, "exaggerated", REG_SEV_WARNING,
					_("通名 '%s' may overstate the place: check its size against "
					  "the local thresholds (大)"), name + pos);
			return;
		}
	}
}

/* ---- romanization ---- */

/* English generics seen on non-standard signs (digest §2). */
static const char *const english_generics[] = {
	"avenue", "ave", "blvd", "boulevard", "bldg", "bridge", "building", "center", "centre",
	"city", "community", "county", "district", "dr", "drive", "estate", "garden", "gardens",
	"highway", "hwy", "lake", "lane", "ln", "mountain", "mt", "park", "plaza", "province",
	"rd", "river", "road", "sq", "square", "st", "street", "town", "village",
};

static int english_generic(const char *w, size_t n)
{
	size_t i, k;
	char low[16];

	if (n >= sizeof(low))
		return 0;
	for (k = 0; k < n; k++)
		low[k] = (char)(w[k] >= 'A' && w[k] <= 'Z' ? w[k] - 'A' + 'a' : w[k]);
	low[n] = '\0';
	for (i = 0; i < sizeof(english_generics) / sizeof(english_generics[0]); i++)
		if (!strcmp(low, english_generics[i]))
			return 1;
	return 0;
}

/* Fold a romanization for comparison: tone marks off, lower case, and
 * optionally without apostrophes and/or spaces. */
enum { FOLD_APOS = 1, FOLD_SPACE = 2 };

static void fold(const char *s, unsigned drop, struct buf *out)
{
	static const char *const from[] = {
		"āáǎà", "ēéěè", "īíǐì", "ōóǒò", "ūúǔù", "ǖǘǚǜÜǕǗǙǛ", "ĀÁǍÀ", "ĒÉĚÈ", "ĪÍǏÌ", "ŌÓǑÒ", "ŪÚǓÙ",
	};
	static const char *const to[] = {
		"a", "e", "i", "o", "u", "ü", "a", "e", "i", "o", "u",
	};
	size_t n = strlen(s), pos = 0;

	buf_clear(out);
	while (pos < n) {
		uint32_t cp;
		size_t m = next_char(s, n, pos, &cp), i;
		const char *rep = NULL;

		if (m > 1) {
			for (i = 0; i < sizeof(from) / sizeof(from[0]) && !rep; i++) {
				const char *f = from[i];
				size_t fn = strlen(f), k = 0;

				while (k < fn) {
					uint32_t c2;
					size_t m2 = next_char(f, fn, k, &c2);

					if (c2 == cp) {
						rep = to[i];
						break;
					}
					k += m2;
				}
			}
		}
		if (rep)
			buf_adds(out, rep);
		else if ((drop & FOLD_APOS) && (cp == '\'' || cp == 0x2019))
			;
		else if ((drop & FOLD_SPACE) && cp == ' ')
			;
		else if (cp >= 'A' && cp <= 'Z')
			buf_addc(out, (char)(cp - 'A' + 'a'));
		else
			buf_add(out, s + pos, m);
		pos += m;
	}
}

static size_t count_apostrophes(const char *s)
{
	size_t k = 0;

	for (; *s; s++)
		k += *s == '\'';
	return k;
}

static void check_romanization(const char *name, const char *class_hint, const char *given,
			       const struct reg_roman *gen, struct reg_finding_list *out)
{
	struct reg_roman alt;
	struct buf a = BUF_INIT, g = BUF_INIT;
	const char *p = given;
	int english = 0;
	struct err e = ERR_INIT;

	while (*p) {
		const char *q = p;

		while ((*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z'))
			q++;
		if (q > p && english_generic(p, (size_t)(q - p))) {
			reg_finding_add(out, "romanization", REG_SEV_ERROR,
					_("romanization '%s': English generic '%.*s' (write the 通名 "
					  "in pinyin)"), given, (int)(q - p), p);
			english = 1;
		}
		p = *q ? q + 1 : q;
	}
	if (!gen || english || !strcmp(given, gen->text.data))
		return;
	reg_roman_init(&alt);
	if (reg_pinyin_romanize(name, class_hint, REG_ROMAN_TONES, &alt, &e) == 0 &&
	    !strcmp(given, alt.text.data))
		goto out;
	if (reg_pinyin_romanize(name, class_hint, REG_ROMAN_SIGN, &alt, &e) == 0 &&
	    !strcmp(given, alt.text.data))
		goto out;

	fold(given, 0, &a);
	fold(gen->text.data, 0, &g);
	if (!strcmp(a.data, g.data)) {
		reg_finding_add(out, "romanization", REG_SEV_ERROR,
				_("romanization '%s': wrong capitals (expected '%s')"), given,
				gen->text.data);
		goto out;
	}
	fold(given, FOLD_APOS, &a);
	fold(gen->text.data, FOLD_APOS, &g);
	if (!strcmp(a.data, g.data)) {
		reg_finding_add(out, "romanization", REG_SEV_ERROR,
				count_apostrophes(given) < count_apostrophes(gen->text.data)
					? _("romanization '%s': missing apostrophe (expected '%s')")
					: _("romanization '%s': misplaced apostrophe (expected '%s')"),
				given, gen->text.data);
		goto out;
	}
	fold(given, FOLD_APOS | FOLD_SPACE, &a);
	fold(gen->text.data, FOLD_APOS | FOLD_SPACE, &g);
	if (!strcmp(a.data, g.data)) {
		reg_finding_add(out, "romanization", REG_SEV_ERROR,
				_("romanization '%s': wrong word division (expected '%s')"), given,
				gen->text.data);
		goto out;
	}
	reg_finding_add(out, "romanization", REG_SEV_ERROR,
			_("romanization '%s' differs from the standard spelling '%s'"), given,
			gen->text.data);
out:
	buf_release(&a);
	buf_release(&g);
	reg_roman_release(&alt);
}

/* ---- entry point ---- */

int reg_rules_check_name(const char *name, const char *class_hint, const char *romanization,
			 struct reg_finding_list *out, struct err *e)
{
	size_t n = strlen(name), bad;
	unsigned family = reg_pinyin_class_family(class_hint);
	struct reg_roman r;
	struct err ignored = ERR_INIT;
	int have_r;
	const char *spec;
	size_t nspec;

	if (!n)
		return err_set(e, ERR_INPUT, _("empty name"));
	if ((bad = utf8_invalid_at(name, n)) != (size_t)-1)
		return err_set(e, ERR_INPUT, _("invalid UTF-8 at byte %zu"), bad + 1);
	reg_roman_init(&r);
	/* A name the romanizer cannot read (symbols, unreadable characters)
	 * is still checked; the character rules say what is wrong with it. */
	have_r = reg_pinyin_romanize(name, class_hint, 0, &r, &ignored) == 0;
	spec = have_r ? r.zhuanming.data : name;
	nspec = have_r ? r.zhuanming.len : n;

	each_word(&reg_list_exaggerated, name, n, on_exaggerated, out);
	check_overstated_generic(name, n, family, out);
	each_word(&reg_list_foreign, name, n, on_foreign, out);
	each_word(&reg_list_feudal, name, n, on_feudal, out);
	check_chars(name, n, spec, nspec, out);
	each_word(&reg_list_persons, name, n, on_person, out);
	if (have_r)
		check_generic(class_hint, family, &r, out);
	if (romanization)
		check_romanization(name, class_hint, romanization, have_r ? &r : NULL, out);
	reg_roman_release(&r);
	return 0;
}
