/* reg_hanzi.h - facts about single Chinese characters, compiled in from
 * Unicode's Unihan database at build time (see mk/pinyin.mk).
 *
 * The general reading of a character is its kMandarin reading, or the
 * first 通用规范汉字表 reading (kTGHZ2013) when kMandarin is not among
 * those.  Place-name readings (data/place-readings.tsv) live in
 * reg_pinyin.h; these are the per-character defaults under them.  All
 * functions are pure table look-ups: no allocation, no errors.
 */
#ifndef DIMING_REG_HANZI_H
#define DIMING_REG_HANZI_H

#include <stddef.h>
#include <stdint.h>

/* A syllable: an index into the table of toneless syllables and a tone,
 * 1-4, or 0 for the neutral tone.  syl == 0 means "no reading". */
struct reg_syllable {
	uint16_t syl;
	uint8_t tone;
};

/* The general reading of cp.  Returns 1 and fills out, or 0 when Unihan
 * gives cp no Mandarin reading. */
int reg_hanzi_reading(uint32_t cp, struct reg_syllable *out);

/* True when cp has several readings in kTGHZ2013 or kXHC1983. */
int reg_hanzi_is_polyphonic(uint32_t cp);

/* The 通用规范汉字表 (2013) level of cp: 1, 2 or 3, or 0 outside it. */
int reg_hanzi_tgh_level(uint32_t cp);

/* The standard (通用规范汉字表) form of a traditional or variant
 * character outside the table, or 0 when cp is standard or has none.
 * *is_variant (if not NULL) is set to 1 for a variant (异体字) form, 0 for
 * a traditional (繁体字) one. */
uint32_t reg_hanzi_standard_form(uint32_t cp, int *is_variant);

/* True for a traditional form (has a different kSimplifiedVariant). */
int reg_hanzi_is_traditional(uint32_t cp);

/* True for a simplified form that differs from its traditional one
 * (门 for 門); characters that are their own traditional form are not. */
int reg_hanzi_is_simplified(uint32_t cp);

/* The toneless text of a syllable index: lowercase ASCII with "v" for ü
 * ("lv"), "" for 0 or an index out of range.  Never NULL. */
const char *reg_hanzi_syllable_text(unsigned syl);

/* Write syllable s into out (size n, NUL-terminated, truncated to fit) in
 * the given style: with REG_SYL_TONES tone marks (lǜ), else toneless (lü);
 * with REG_SYL_UPPER upper case (LÜ); with REG_SYL_CAPITAL the first
 * letter upper case (Lǜ); with REG_SYL_ASCII "v" for ü and no marks (lv).
 * Returns the length written. */
enum { REG_SYL_TONES = 1, REG_SYL_UPPER = 2, REG_SYL_CAPITAL = 4, REG_SYL_ASCII = 8 };
size_t reg_hanzi_syllable_format(struct reg_syllable s, unsigned style, char *out, size_t n);

#endif
