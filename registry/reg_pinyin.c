/* reg_pinyin.c - romanization of place names and pinyin search keys.
 *
 * Owns reading a name (place-reading table first, longest match, then the
 * general Unihan reading), splitting it into 专名, ethnic qualifiers,
 * street ordinal and 通名, and writing the words out in the styles of the
 * 1984 rules.  The per-character tables are reg_hanzi.c's; the checks that
 * judge a name are reg_rules.c's.
 */
#include "registry/reg_pinyin.h"

#include <stdint.h>
#include <string.h>

#include "common/i18n.h"
#include "common/utf8.h"
#include "registry/reg_tables.h"

enum unit_kind { U_HAN, U_ASCII, U_SEP };

/* One character of a name. */
struct unit {
	uint32_t cp;
	uint32_t off;          /* byte offset in the name */
	uint8_t len;           /* bytes */
	uint8_t kind;          /* enum unit_kind */
	uint8_t ascii;         /* U_ASCII: the (half-width) character */
	uint8_t r_suffix;      /* 儿 written as r */
	uint16_t reading;      /* REG_READING, U_HAN only */
};

/* A written word: units [start, end); a numeral word is written as its
 * value. */
struct word {
	uint16_t start, end;
	int number;            /* >= 0: write this instead of the syllables */
};

#define MAX_WORDS (REG_PINYIN_MAX_CHARS + 8)

struct parse {
	struct unit u[REG_PINYIN_MAX_CHARS];
	size_t n;
	int from_table;
};

static const uint32_t cp_er = 0x513F;   /* 儿 */
static const uint32_t cp_zu = 0x65CF;   /* 族 */

static int is_separator(uint32_t cp)
{
	return cp == ' ' || cp == '-' || cp == 0xB7 || cp == 0x2027 || cp == 0x30FB ||
	       cp == 0xFF0D || cp == 0x3000 || cp == 0x2010 || cp == 0x2014;
}

/* ASCII letter or digit, also in full width; returns it half-width or 0. */
static int ascii_alnum(uint32_t cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		cp -= 0xFEE0;
	if ((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z'))
		return (int)cp;
	return 0;
}

/* Read name into p: units with readings.  Place readings are matched at
 * each character that starts an entry (REG_HZ_PLACE), longest first. */
static int parse_name(const char *name, struct parse *p, struct err *e)
{
	size_t n = strlen(name), pos = 0, bad;

	p->n = 0;
	p->from_table = 0;
	if ((bad = utf8_invalid_at(name, n)) != (size_t)-1)
		return err_set(e, ERR_INPUT, _("invalid UTF-8 at byte %zu"), bad + 1);
	while (pos < n) {
		struct unit *u;
		const struct reg_hz *h;
		uint32_t cp;
		size_t m = utf8_decode(name + pos, n - pos, &cp);

		if (p->n == REG_PINYIN_MAX_CHARS)
			return err_set(e, ERR_INPUT, _("name longer than %d characters"),
				       REG_PINYIN_MAX_CHARS);
		u = &p->u[p->n];
		memset(u, 0, sizeof(*u));
		u->cp = cp;
		u->off = (uint32_t)pos;
		u->len = (uint8_t)m;
		h = cp >= 0x80 ? reg_hz_find(cp) : NULL;
		if (h && (h->flags & REG_HZ_PLACE)) {
			const struct reg_word *w = reg_word_longest_at(&reg_list_place, name, n, pos);

			if (w && p->n + w->nchars <= REG_PINYIN_MAX_CHARS) {
				size_t i, at = pos;

				for (i = 0; i < w->nchars; i++) {
					u = &p->u[p->n++];
					memset(u, 0, sizeof(*u));
					u->off = (uint32_t)at;
					u->len = (uint8_t)utf8_decode(name + at, n - at, &u->cp);
					u->kind = U_HAN;
					u->reading = reg_word_readings[w->off + i];
					at += u->len;
				}
				p->from_table = 1;
				pos = at;
				continue;
			}
		}
		if (h && h->reading) {
			u->kind = U_HAN;
			u->reading = h->reading;
		} else if ((u->ascii = (uint8_t)ascii_alnum(cp))) {
			u->kind = U_ASCII;
		} else if (is_separator(cp)) {
			u->kind = U_SEP;
		} else if (utf8_is_han(cp)) {
			return err_set(e, ERR_INPUT, _("no reading for '%.*s' (U+%04X)"), (int)m,
				       name + pos, (unsigned)cp);
		} else {
			return err_set(e, ERR_INPUT, _("cannot romanize '%.*s' (U+%04X)"), (int)m,
				       name + pos, (unsigned)cp);
		}
		p->n++;
		pos += m;
	}
	if (p->n == 0)
		return err_set(e, ERR_INPUT, _("empty name"));
	return 0;
}

/* ---- splitting ---- */

static size_t span_bytes(const struct parse *p, size_t a, size_t b)
{
	if (a >= b)
		return 0;
	return p->u[b - 1].off + p->u[b - 1].len - p->u[a].off;
}

static int all_han(const struct parse *p, size_t a, size_t b)
{
	for (; a < b; a++)
		if (p->u[a].kind != U_HAN)
			return 0;
	return 1;
}

static size_t count_text(const struct parse *p, size_t a, size_t b)
{
	size_t k = 0;

	for (; a < b; a++)
		k += p->u[a].kind != U_SEP;
	return k;
}

/* One-syllable direction and position words that join a street generic. */
static int is_modifier(uint32_t cp)
{
	static const uint32_t mods[] = {
		0x4E1C, 0x897F, 0x5357, 0x5317, 0x4E2D,  /* 东 西 南 北 中 */
		0x524D, 0x540E, 0x6A2A, 0x6B63, 0x5C0F,  /* 前 后 横 正 小 */
	};
	size_t i;

	for (i = 0; i < sizeof(mods) / sizeof(mods[0]); i++)
		if (mods[i] == cp)
			return 1;
	return 0;
}

static int digit_value(uint32_t cp)
{
	switch (cp) {
	case 0x3007: case 0x96F6: return 0;  /* 〇 零 */
	case 0x4E00: return 1;               /* 一 */
	case 0x4E8C: return 2;               /* 二 */
	case 0x4E09: return 3;               /* 三 */
	case 0x56DB: return 4;               /* 四 */
	case 0x4E94: return 5;               /* 五 */
	case 0x516D: return 6;               /* 六 */
	case 0x4E03: return 7;               /* 七 */
	case 0x516B: return 8;               /* 八 */
	case 0x4E5D: return 9;               /* 九 */
	case 0x5341: return 10;              /* 十 */
	default: return -1;
	}
}

/* The value of the numeral p->u[a..b) (一 … 九十九), or -1. */
static int numeral_value(const struct parse *p, size_t a, size_t b)
{
	int v[3], k = (int)(b - a), i;

	if (k < 1 || k > 3)
		return -1;
	for (i = 0; i < k; i++)
		if ((v[i] = digit_value(p->u[a + i].cp)) < 0)
			return -1;
	if (k == 1)
		return v[0] > 0 ? v[0] : -1;
	if (k == 2) {
		if (v[0] == 10 && v[1] > 0 && v[1] < 10)
			return 10 + v[1];            /* 十二 */
		if (v[0] > 1 && v[0] < 10 && v[1] == 10)
			return v[0] * 10;            /* 二十 */
		return -1;
	}
	if (v[0] > 1 && v[0] < 10 && v[1] == 10 && v[2] > 0 && v[2] < 10)
		return v[0] * 10 + v[2];             /* 二十三 */
	return -1;
}

struct split {
	size_t zm_end;            /* end of the specific proper */
	size_t gstart;            /* start of the generic (incl. modifiers), n if none */
	const struct reg_word *generic;
	size_t nmods;
	struct { size_t start, end; } eth[8];   /* ethnic words, last first */
	size_t neth;
	size_t num_start;         /* numeral word [num_start, num_end) */
	size_t num_end;
	int num_value;            /* -1 when none */
};

/* The ethnic name of at least minchars characters that ends at stop and
 * leaves two characters or more before it; returns its start or
 * (size_t)-1, and the entry in *w. */
static size_t ethnic_match(const char *name, const struct parse *p, size_t stop,
			   size_t minchars, const struct reg_word **w)
{
	size_t k;

	for (k = reg_list_ethnic.maxchars; k >= minchars; k--) {
		size_t a;

		if (k + 2 > stop)
			continue;
		a = stop - k;
		if (!all_han(p, a, stop))
			continue;
		*w = reg_word_find(&reg_list_ethnic, name + p->u[a].off, span_bytes(p, a, stop));
		if (*w)
			return a;
	}
	return (size_t)-1;
}

/* The ethnic qualifier ending at end: "X族", or with bare_ok a bare name
 * of two characters or more (新疆维吾尔自治区). */
static size_t ethnic_before(const char *name, const struct parse *p, size_t end, int bare_ok,
			    const struct reg_word **w)
{
	if (end >= 1 && p->u[end - 1].cp == cp_zu) {
		size_t a = ethnic_match(name, p, end - 1, 1, w);

		if (a != (size_t)-1)
			return a;
	}
	return bare_ok ? ethnic_match(name, p, end, 2, w) : (size_t)-1;
}

static void split_name(const char *name, struct parse *p, struct split *s)
{
	size_t n = p->n, i, first;

	memset(s, 0, sizeof(*s));
	s->gstart = n;
	s->num_value = -1;
	/* A name that is only a generic (大街) is all 专名. */
	if (all_han(p, 0, n) && reg_word_find(&reg_list_generics, name, strlen(name))) {
		s->zm_end = n;
		return;
	}
	first = n > reg_list_generics.maxchars ? n - reg_list_generics.maxchars : 1;
	for (i = first; i < n; i++) {
		const struct reg_word *w;

		if (!all_han(p, i, n) || count_text(p, 0, i) == 0)
			continue;
		w = reg_word_find(&reg_list_generics, name + p->u[i].off, span_bytes(p, i, n));
		if (w) {
			size_t k;

			for (k = 0; k < w->nchars; k++)
				p->u[i + k].reading = reg_word_readings[w->off + k];
			s->generic = w;
			s->gstart = i;
			break;
		}
	}
	if (s->generic && (s->generic->kinds & REG_FAM_STREET)) {
		while (s->nmods < 2 && s->gstart >= 3 && p->u[s->gstart - 1].kind == U_HAN &&
		       is_modifier(p->u[s->gstart - 1].cp) &&
		       count_text(p, 0, s->gstart - 1) >= 2) {
			s->gstart--;
			s->nmods++;
		}
	}
	s->zm_end = s->gstart;

	/* Ethnic qualifiers: X族 anywhere before a generic, bare X only before
	 * 自治区/州/县/旗 (新疆维吾尔自治区). */
	if (s->generic) {
		int bare = s->generic->len > 6 && !memcmp(s->generic->text, "自治", 6);

		while (s->neth < 8) {
			const struct reg_word *w;
			size_t a = ethnic_before(name, p, s->zm_end, bare, &w), k;

			if (a == (size_t)-1)
				break;
			for (k = 0; k < w->nchars; k++)
				p->u[a + k].reading = reg_word_readings[w->off + k];
			p->from_table = 1;
			s->eth[s->neth].start = a;
			s->eth[s->neth].end = s->zm_end;
			s->neth++;
			s->zm_end = a;
		}
	}

	/* Street ordinals: 经五路 Jing 5 Lu, 二马路 2 Malu; 五一路 stays Wuyi Lu. */
	if (s->generic && (s->generic->kinds & REG_FAM_STREET) && s->neth == 0) {
		size_t a;

		for (a = s->zm_end > 3 ? s->zm_end - 3 : 0; a < s->zm_end; a++) {
			int v = numeral_value(p, a, s->zm_end);

			if (v < 0)
				continue;
			if ((a > 0 && p->u[a - 1].kind == U_HAN && digit_value(p->u[a - 1].cp) < 0) ||
			    (a == 0 && s->zm_end == 1)) {
				s->num_start = a;
				s->num_end = s->zm_end;
				s->num_value = v;
				s->zm_end = a;
			}
			break;
		}
	}

	/* 儿 ending a specific before a generic is the r of 儿化: 盆儿胡同. */
	if (s->generic && s->zm_end >= 2 && s->zm_end == s->gstart &&
	    p->u[s->zm_end - 1].cp == cp_er && p->u[s->zm_end - 2].kind == U_HAN)
		p->u[s->zm_end - 1].r_suffix = 1;
}

/* ---- writing ---- */

/* Cut the units [a, b) of the specific into words at separators and
 * between Chinese and Latin text. */
static size_t specific_words(const struct parse *p, size_t a, size_t b, struct word *w,
			     size_t nw)
{
	size_t i = a;

	while (i < b) {
		size_t j;

		if (p->u[i].kind == U_SEP) {
			i++;
			continue;
		}
		for (j = i + 1; j < b && p->u[j].kind == p->u[i].kind; j++)
			;
		w[nw].start = (uint16_t)i;
		w[nw].end = (uint16_t)j;
		w[nw].number = -1;
		nw++;
		i = j;
	}
	return nw;
}

static size_t make_words(const struct parse *p, const struct split *s, int one_word,
			 struct word *w)
{
	size_t nw = 0, k, i;

	if (one_word)
		return specific_words(p, 0, p->n, w, 0);
	nw = specific_words(p, 0, s->zm_end, w, 0);
	for (k = s->neth; k-- > 0;) {
		w[nw].start = (uint16_t)s->eth[k].start;
		w[nw].end = (uint16_t)s->eth[k].end;
		w[nw].number = -1;
		nw++;
	}
	if (s->num_value >= 0) {
		w[nw].start = (uint16_t)s->num_start;
		w[nw].end = (uint16_t)s->num_end;
		w[nw].number = s->num_value;
		nw++;
	}
	if (s->generic) {
		/* Modifiers join the generic's first word; "/" breaks in the
		 * generics table start further words. */
		size_t g0 = s->gstart + s->nmods;

		w[nw].start = (uint16_t)s->gstart;
		w[nw].number = -1;
		for (i = 1; i < s->generic->nsyl; i++) {
			if (s->generic->breaks & (1u << i)) {
				w[nw].end = (uint16_t)(g0 + i);
				nw++;
				w[nw].start = (uint16_t)(g0 + i);
				w[nw].number = -1;
			}
		}
		w[nw].end = (uint16_t)p->n;
		nw++;
	}
	return nw;
}

static void syllable_of(const struct unit *u, struct reg_syllable *s)
{
	s->syl = (uint16_t)REG_READING_SYL(u->reading);
	s->tone = (uint8_t)REG_READING_TONE(u->reading);
}

static void write_words(const struct parse *p, const struct word *w, size_t nw,
			unsigned flags, struct buf *out)
{
	unsigned base = flags & REG_ROMAN_SIGN ? REG_SYL_UPPER
				: flags & REG_ROMAN_TONES ? REG_SYL_TONES : 0;
	size_t k, i;

	for (k = 0; k < nw; k++) {
		int first = 1;

		if (k)
			buf_addc(out, ' ');
		if (w[k].number >= 0) {
			buf_addf(out, "%d", w[k].number);
			continue;
		}
		for (i = w[k].start; i < w[k].end; i++) {
			const struct unit *u = &p->u[i];
			struct reg_syllable s;
			char text[32];

			if (u->kind == U_ASCII) {
				char c = (char)u->ascii;

				if ((flags & REG_ROMAN_SIGN) && c >= 'a' && c <= 'z')
					c = (char)(c - 'a' + 'A');
				buf_addc(out, c);
				first = 0;
				continue;
			}
			if (u->r_suffix) {
				buf_addc(out, flags & REG_ROMAN_SIGN ? 'R' : 'r');
				continue;
			}
			syllable_of(u, &s);
			reg_hanzi_syllable_format(s, base | (first ? REG_SYL_CAPITAL : 0), text,
						  sizeof(text));
			if (!first && strchr("aoe", reg_hanzi_syllable_text(s.syl)[0]))
				buf_addc(out, '\'');
			buf_adds(out, text);
			first = 0;
		}
	}
}

void reg_roman_init(struct reg_roman *r)
{
	memset(r, 0, sizeof(*r));
	buf_init(&r->text);
	buf_init(&r->zhuanming);
	buf_init(&r->tongming);
	buf_init(&r->syllables);
}

void reg_roman_release(struct reg_roman *r)
{
	buf_release(&r->text);
	buf_release(&r->zhuanming);
	buf_release(&r->tongming);
	buf_release(&r->syllables);
	memset(r, 0, sizeof(*r));
}

int reg_pinyin_romanize(const char *name, const char *class_hint, unsigned flags,
			struct reg_roman *out, struct err *e)
{
	struct parse p;
	struct split s;
	struct word w[MAX_WORDS];
	size_t nw, i;
	int one_word = reg_pinyin_class_is_one_word(class_hint);

	buf_clear(&out->text);
	buf_clear(&out->zhuanming);
	buf_clear(&out->tongming);
	buf_clear(&out->syllables);
	out->nsyllables = 0;
	out->generic_kinds = 0;
	out->one_word = one_word;
	out->from_place_table = 0;
	if (parse_name(name, &p, e) < 0)
		return -1;
	if (count_text(&p, 0, p.n) == 0)
		return err_set(e, ERR_INPUT, _("empty name"));
	if (one_word) {
		memset(&s, 0, sizeof(s));
		s.gstart = s.zm_end = p.n;
		s.num_value = -1;
	} else {
		split_name(name, &p, &s);
	}
	nw = make_words(&p, &s, one_word, w);
	write_words(&p, w, nw, flags, &out->text);

	buf_add(&out->zhuanming, name, span_bytes(&p, 0, s.gstart));
	if (s.gstart < p.n)
		buf_adds(&out->tongming, name + p.u[s.gstart].off);
	out->generic_kinds = s.generic ? s.generic->kinds : 0;
	out->from_place_table = p.from_table;
	for (i = 0; i < p.n; i++) {
		struct reg_syllable syl;
		char text[32];

		if (p.u[i].kind != U_HAN)
			continue;
		if (p.u[i].r_suffix) {
			buf_adds(&out->syllables, "r");
		} else {
			syllable_of(&p.u[i], &syl);
			reg_hanzi_syllable_format(syl, REG_SYL_TONES, text, sizeof(text));
			buf_adds(&out->syllables, text);
		}
		buf_addc(&out->syllables, '\0');
		out->nsyllables++;
	}
	return 0;
}

int reg_pinyin_key(const char *text, struct buf *key, struct buf *initials, struct err *e)
{
	size_t n = strlen(text), pos = 0;

	if (key)
		buf_clear(key);
	if (initials)
		buf_clear(initials);
	while (pos < n) {
		const struct reg_hz *h;
		const struct reg_word *w;
		uint32_t cp;
		size_t m = utf8_decode(text + pos, n - pos, &cp);
		int c;

		if (!m)
			return err_set(e, ERR_INPUT, _("invalid UTF-8 at byte %zu"), pos + 1);
		if (cp < 0x80 || (cp >= 0xFF01 && cp <= 0xFF5E)) {
			if ((c = ascii_alnum(cp))) {
				if (c >= 'A' && c <= 'Z')
					c += 'a' - 'A';
				if (key)
					buf_addc(key, (char)c);
				if (initials)
					buf_addc(initials, (char)c);
			}
			pos += m;
			continue;
		}
		h = reg_hz_find(cp);
		if (h && (h->flags & REG_HZ_PLACE) &&
		    (w = reg_word_longest_at(&reg_list_place, text, n, pos))) {
			size_t i;

			for (i = 0; i < w->nsyl; i++) {
				const char *syl = reg_syllables[REG_READING_SYL(reg_word_readings[w->off + i])];

				if (key)
					buf_adds(key, syl);
				if (initials)
					buf_addc(initials, syl[0]);
			}
			pos += w->len;
			continue;
		}
		if (h && h->reading) {
			const char *syl = reg_syllables[REG_READING_SYL(h->reading)];

			if (key)
				buf_adds(key, syl);
			if (initials)
				buf_addc(initials, syl[0]);
		} else if (utf8_is_han(cp) || (cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000) {
			/* Unreadable (rare or private-use): keep the character. */
			if (key)
				buf_add(key, text + pos, m);
			if (initials)
				buf_add(initials, text + pos, m);
		}
		pos += m;
	}
	return 0;
}

unsigned reg_pinyin_class_family(const char *class_name_or_code)
{
	char lower[64];
	size_t n, i;
	const struct reg_word *w;

	if (!class_name_or_code || !*class_name_or_code)
		return 0;
	n = strlen(class_name_or_code);
	if (n >= sizeof(lower))
		return 0;
	for (i = 0; i < n; i++) {
		char c = class_name_or_code[i];

		lower[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
	}
	w = reg_word_find(&reg_list_classes, lower, n);
	return w ? w->kinds : 0;
}

int reg_pinyin_class_is_one_word(const char *class_name_or_code)
{
	return reg_pinyin_class_family(class_name_or_code) == REG_FAM_NATURAL_VILLAGE;
}
