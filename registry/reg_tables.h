/* reg_tables.h - the tables tools/gen_tables.c compiles in at build time.
 *
 * make runs the generator over Unicode's Unihan files (Debian unicode-data)
 * and the place-name data in data/ and writes build/gen/reg_tables.c, which
 * defines everything declared here; the binary reads no data file at run
 * time.  Internal to registry/: reg_hanzi.c, reg_pinyin.c and reg_rules.c
 * wrap these tables in the public API of reg_hanzi.h, reg_pinyin.h and
 * reg_rules.h.
 */
#ifndef DIMING_REG_TABLES_H
#define DIMING_REG_TABLES_H

#include <stddef.h>
#include <stdint.h>

#include "registry/reg_pinyin.h"   /* enum reg_name_family (REG_FAM_*) */

/* A reading packs a syllable and a tone: syllable index << 3 | tone, where
 * the index points into reg_syllables (index 0 is unused, so a reading of 0
 * means "none") and the tone is 1-4, or 0 for the neutral tone. */
#define REG_READING(syl, tone) ((uint16_t)((syl) << 3 | (tone)))
#define REG_READING_SYL(r) ((unsigned)(r) >> 3)
#define REG_READING_TONE(r) ((unsigned)(r) & 7u)

/* Toneless syllables, lowercase ASCII with "v" for ü ("lv", "nve"), sorted;
 * reg_syllables[0] is "". */
extern const char *const reg_syllables[];
extern const size_t reg_syllables_n;

/* Per-character flags. */
enum {
	REG_HZ_POLY = 1,       /* several readings in kTGHZ2013 / kXHC1983 */
	REG_HZ_TRAD = 2,       /* a traditional form: has a different kSimplifiedVariant */
	REG_HZ_SIMP = 4,       /* a simplified form: has a different kTraditionalVariant */
	REG_HZ_PLACE = 8,      /* the first character of a place-readings entry */
	REG_HZ_VARIANT = 16,   /* a variant (异体) of a standard character */
	REG_HZ_WORD = 32       /* the first character of a rule word (data/words-*.txt) */
};

struct reg_hz {
	uint16_t reading;      /* the general reading, 0 if none */
	uint8_t flags;         /* REG_HZ_* */
	uint8_t tgh;           /* 通用规范汉字表 level 1-3, 0 if not in it */
};

/* U+3400..U+9FFF by index cp - REG_HZ_DENSE_FIRST; everything else in a
 * sparse array sorted by code point. */
#define REG_HZ_DENSE_FIRST 0x3400u
#define REG_HZ_DENSE_LAST 0x9FFFu
extern const struct reg_hz reg_hz_dense[];

struct reg_hz_sparse {
	uint32_t cp;
	struct reg_hz hz;
};
extern const struct reg_hz_sparse reg_hz_sparse[];
extern const size_t reg_hz_sparse_n;

/* The entry of cp, or NULL when Unihan says nothing of it (reg_hanzi.c). */
const struct reg_hz *reg_hz_find(uint32_t cp);

/* Traditional and variant forms to the standard simplified form, sorted
 * by `from`. */
struct reg_cp_map {
	uint32_t from, to;
};
extern const struct reg_cp_map reg_hz_standard[];
extern const size_t reg_hz_standard_n;

/* A word of a compiled list, UTF-8.  Lists are sorted by their bytes
 * (memcmp order, a prefix before its extensions) for binary search.  Words
 * with a reading have nsyl readings at reg_word_readings[off]; `breaks` has
 * bit i set when syllable i starts a new written word; `kinds` holds
 * REG_FAM_* bits (generics, classes). */
struct reg_word {
	const char *text;
	uint16_t len;          /* bytes */
	uint16_t off;
	uint8_t nchars;
	uint8_t nsyl;
	uint8_t breaks;
	uint8_t kinds;
};
extern const uint16_t reg_word_readings[];

struct reg_word_list {
	const struct reg_word *words;
	size_t n;
	unsigned maxchars;     /* the longest word, in characters */
};

extern const struct reg_word_list reg_list_place;      /* data/place-readings.tsv */
extern const struct reg_word_list reg_list_generics;   /* data/generics.tsv */
extern const struct reg_word_list reg_list_ethnic;     /* data/ethnic-groups.tsv */
extern const struct reg_word_list reg_list_exaggerated;
extern const struct reg_word_list reg_list_exaggerated_generics;
extern const struct reg_word_list reg_list_foreign;
extern const struct reg_word_list reg_list_feudal;
extern const struct reg_word_list reg_list_persons;

/* data/name-classes.tsv: class name or code -> REG_FAM_* (in `kinds`). */
extern const struct reg_word_list reg_list_classes;

/* Look-ups over a list (reg_hanzi.c).  reg_word_find: the word equal to
 * s[0..len), or NULL.  reg_word_longest_at: the longest word starting at
 * s[pos] (n bytes in s), or NULL; s must be valid UTF-8. */
const struct reg_word *reg_word_find(const struct reg_word_list *l, const char *s, size_t len);
const struct reg_word *reg_word_longest_at(const struct reg_word_list *l, const char *s,
					   size_t n, size_t pos);
/* The first word of l contained in s[0..n), or NULL. */
const struct reg_word *reg_word_in(const struct reg_word_list *l, const char *s, size_t n);

#endif
