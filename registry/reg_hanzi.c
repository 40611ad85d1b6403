/* reg_hanzi.c - per-character look-ups over the Unihan tables.
 *
 * Owns the reading, 通用规范汉字表 level and standard-form look-ups and the
 * spelling of one syllable.  The tables come from build/gen/reg_tables.c
 * (tools/gen_tables.c); how names are read and split is reg_pinyin.c's.
 */
#include "registry/reg_hanzi.h"

#include <string.h>

#include "common/utf8.h"
#include "registry/reg_tables.h"

const struct reg_hz *reg_hz_find(uint32_t cp)
{
	size_t lo = 0, hi = reg_hz_sparse_n;

	if (cp >= REG_HZ_DENSE_FIRST && cp <= REG_HZ_DENSE_LAST)
		return &reg_hz_dense[cp - REG_HZ_DENSE_FIRST];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (reg_hz_sparse[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < reg_hz_sparse_n && reg_hz_sparse[lo].cp == cp)
		return &reg_hz_sparse[lo].hz;
	return NULL;
}

int reg_hanzi_reading(uint32_t cp, struct reg_syllable *out)
{
	const struct reg_hz *h = reg_hz_find(cp);

	if (!h || !h->reading)
		return 0;
	out->syl = (uint16_t)REG_READING_SYL(h->reading);
	out->tone = (uint8_t)REG_READING_TONE(h->reading);
	return 1;
}

static unsigned hz_flags(uint32_t cp)
{
	const struct reg_hz *h = reg_hz_find(cp);

	return h ? h->flags : 0;
}

int reg_hanzi_is_polyphonic(uint32_t cp)
{
	return !!(hz_flags(cp) & REG_HZ_POLY);
}

int reg_hanzi_tgh_level(uint32_t cp)
{
	const struct reg_hz *h = reg_hz_find(cp);

	return h ? h->tgh : 0;
}

uint32_t reg_hanzi_standard_form(uint32_t cp, int *is_variant)
{
	size_t lo = 0, hi = reg_hz_standard_n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (reg_hz_standard[mid].from < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == reg_hz_standard_n || reg_hz_standard[lo].from != cp)
		return 0;
	if (is_variant)
		*is_variant = !!(hz_flags(cp) & REG_HZ_VARIANT);
	return reg_hz_standard[lo].to;
}

int reg_hanzi_is_traditional(uint32_t cp)
{
	return !!(hz_flags(cp) & REG_HZ_TRAD);
}

int reg_hanzi_is_simplified(uint32_t cp)
{
	return !!(hz_flags(cp) & REG_HZ_SIMP);
}

const char *reg_hanzi_syllable_text(unsigned syl)
{
	return syl < reg_syllables_n ? reg_syllables[syl] : "";
}

/* Vowels with tone marks, by vowel (a e i o u v) and tone (0-4); row 5 of
 * each table holds the capitals. */
static const char *const marked[2][6][5] = {
	{ { "a", "ā", "á", "ǎ", "à" }, { "e", "ē", "é", "ě", "è" },
	  { "i", "ī", "í", "ǐ", "ì" }, { "o", "ō", "ó", "ǒ", "ò" },
	  { "u", "ū", "ú", "ǔ", "ù" }, { "ü", "ǖ", "ǘ", "ǚ", "ǜ" } },
	{ { "A", "Ā", "Á", "Ǎ", "À" }, { "E", "Ē", "É", "Ě", "È" },
	  { "I", "Ī", "Í", "Ǐ", "Ì" }, { "O", "Ō", "Ó", "Ǒ", "Ò" },
	  { "U", "Ū", "Ú", "Ǔ", "Ù" }, { "Ü", "Ǖ", "Ǘ", "Ǚ", "Ǜ" } },
};

static int vowel_index(char c)
{
	switch (c) {
	case 'a': return 0;
	case 'e': return 1;
	case 'i': return 2;
	case 'o': return 3;
	case 'u': return 4;
	case 'v': return 5;
	default: return -1;
	}
}

/* Where the tone mark goes: on a or e; on the o of ou; else on the last
 * vowel (GB/T 16159 and the Pinyin scheme). */
static int mark_position(const char *s)
{
	const char *p;
	int last = -1, i;

	if ((p = strchr(s, 'a')) || (p = strchr(s, 'e')))
		return (int)(p - s);
	if ((p = strstr(s, "ou")))
		return (int)(p - s);
	for (i = 0; s[i]; i++)
		if (vowel_index(s[i]) >= 0)
			last = i;
	return last;
}

size_t reg_hanzi_syllable_format(struct reg_syllable s, unsigned style, char *out, size_t n)
{
	const char *text = reg_hanzi_syllable_text(s.syl);
	int at = (style & REG_SYL_TONES) && !(style & REG_SYL_ASCII) ? mark_position(text) : -1;
	size_t len = 0, k;
	int i;

	if (n == 0)
		return 0;
	for (i = 0; text[i]; i++) {
		const char *piece;
		char one[2];
		int v = vowel_index(text[i]);
		int upper = (style & REG_SYL_UPPER) || (i == 0 && (style & REG_SYL_CAPITAL));

		if (v >= 0 && (i == at || (v == 5 && !(style & REG_SYL_ASCII)))) {
			piece = marked[upper][v][i == at ? s.tone : 0];
		} else {
			one[0] = upper && text[i] >= 'a' && text[i] <= 'z' ? (char)(text[i] - 'a' + 'A')
									    : text[i];
			one[1] = '\0';
			piece = one;
		}
		k = strlen(piece);
		if (len + k >= n)
			break;
		memcpy(out + len, piece, k);
		len += k;
	}
	out[len] = '\0';
	return len;
}

/* ---- compiled word lists (reg_tables.h) ---- */

static int word_cmp(const struct reg_word *w, const char *s, size_t len)
{
	size_t n = w->len < len ? w->len : len;
	int c = memcmp(w->text, s, n);

	if (c)
		return c;
	return w->len < len ? -1 : w->len > len;
}

const struct reg_word *reg_word_find(const struct reg_word_list *l, const char *s, size_t len)
{
	size_t lo = 0, hi = l->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = word_cmp(&l->words[mid], s, len);

		if (c == 0)
			return &l->words[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Bytes of the character at s (n bytes left); 1 for an invalid one. */
static size_t char_len(const char *s, size_t n)
{
	uint32_t cp;
	size_t m = utf8_decode(s, n, &cp);

	return m ? m : 1;
}

const struct reg_word *reg_word_longest_at(const struct reg_word_list *l, const char *s,
					   size_t n, size_t pos)
{
	size_t ends[32], k = 0, at = pos;

	while (k < l->maxchars && k < 32 && at < n) {
		at += char_len(s + at, n - at);
		ends[k++] = at;
	}
	while (k > 0) {
		const struct reg_word *w = reg_word_find(l, s + pos, ends[--k] - pos);

		if (w)
			return w;
	}
	return NULL;
}

const struct reg_word *reg_word_in(const struct reg_word_list *l, const char *s, size_t n)
{
	size_t pos;

	for (pos = 0; pos < n; pos += char_len(s + pos, n - pos)) {
		const struct reg_word *w = reg_word_longest_at(l, s, n, pos);

		if (w)
			return w;
	}
	return NULL;
}
