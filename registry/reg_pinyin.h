/* reg_pinyin.h - the romanization (罗马字母拼写) of standard place names.
 *
 * Follows the 1984 place-name spelling rules (《中国地名汉语拼音字母拼写
 * 规则（汉语地名部分）》) and GB/T 16159-2012:
 *   - the 专名 (specific) and 通名 (generic) are written apart, each word
 *     capitalised, even when one syllable: 解放路 Jiefang Lu, 歙县 She Xian;
 *     one-syllable direction words join the street generic: 中山北路
 *     Zhongshan Beilu; ethnic names in autonomous and 民族乡 names are
 *     words of their own: 长阳土家族自治县 Changyang Tujiazu Zizhixian;
 *   - natural villages (自然村) run together: 王村 Wangcun;
 *   - an apostrophe before every non-initial syllable of a word that starts
 *     with a, o or e: 西安市 Xi'an Shi, 东阿县 Dong'e Xian;
 *   - street ordinals in Arabic numerals: 经五路 Jing 5 Lu, 二马路 2 Malu
 *     (a specific made only of numerals is spelled: 五一路 Wuyi Lu);
 *   - 儿 at the end of a specific is an r: 盆儿胡同 Penr Hutong.
 * Readings come from the place-reading table (data/place-readings.tsv,
 * longest match first) and then the general Unihan readings (reg_hanzi.h).
 * Generics come from data/generics.tsv (longest suffix).
 */
#ifndef DIMING_REG_PINYIN_H
#define DIMING_REG_PINYIN_H

#include <stddef.h>

#include "common/buf.h"
#include "common/err.h"
#include "registry/reg_hanzi.h"

/* The longest name, in characters, the romanizer takes. */
#define REG_PINYIN_MAX_CHARS 128

/* Output styles for reg_pinyin_romanize. */
enum {
	REG_ROMAN_TONES = 1,   /* tone marks: Lù'ān Shì */
	REG_ROMAN_SIGN = 2     /* sign style: LU'AN SHI (no tones, apostrophe kept) */
};

/* Families of place-name classes and of generics (data/name-classes.tsv,
 * data/generics.tsv), as bits. */
enum reg_name_family {
	REG_FAM_NATURAL_VILLAGE = 1,  /* 自然村: written as one word */
	REG_FAM_COMMUNITY = 2,        /* 村/居委会 and their seats */
	REG_FAM_TOWNSHIP = 4,         /* 乡、镇、街道 */
	REG_FAM_DIVISION = 8,         /* county level and above */
	REG_FAM_STREET = 16,          /* 街路巷 */
	REG_FAM_NATURE = 32,          /* natural features */
	REG_FAM_FACILITY = 64,        /* parks, bridges, stations … */
	REG_FAM_BUILDING = 128        /* residential areas and buildings */
};

/* One character's contribution to a romanization. */
struct reg_roman_syl {
	struct reg_syllable s;  /* s.syl == 0 for ASCII text copied as is */
	unsigned char r_suffix; /* 儿 written as a final r */
};

/* A romanization; caller-owned: reg_roman_init, then reg_roman_release. */
struct reg_roman {
	struct buf text;        /* the romanization in the style asked for */
	struct buf zhuanming;   /* the 专名 in characters (all of a one-word name) */
	struct buf tongming;    /* the 通名 in characters, "" when none */
	struct buf syllables;   /* toned lowercase syllables, NUL-separated */
	size_t nsyllables;
	unsigned generic_kinds; /* REG_FAM_* bits of the 通名, 0 when none */
	int one_word;           /* written as one word (natural village) */
	int from_place_table;   /* some reading came from the place table */
};

void reg_roman_init(struct reg_roman *r);
void reg_roman_release(struct reg_roman *r);

/* Romanize a standard name.  class_hint (NULL for none) is a class name or
 * code as reg_pinyin_class_family() takes; a natural-village class writes
 * the name as one word.  flags: REG_ROMAN_TONES, REG_ROMAN_SIGN.  Fills
 * out (reset first) and returns 0; returns -1 with ERR_INPUT for an empty
 * name, invalid UTF-8, a name longer than REG_PINYIN_MAX_CHARS characters,
 * a character with no reading, or punctuation other than · - and space. */
int reg_pinyin_romanize(const char *name, const char *class_hint, unsigned flags,
			struct reg_roman *out, struct err *e);

/* The search keys of a text: the lowercase toneless pinyin with nothing
 * between syllables ("kaiping", "lvliang" with v for ü) and the initials
 * (the first letter of each syllable, "kp").  Place readings apply, so
 * 六安 gives "luan".  ASCII letters and digits are kept (lowercased),
 * other punctuation and spaces dropped, and a Chinese or private-use
 * character with no reading is kept as it is, so two different unreadable
 * names never share a key.
 * Either buffer may be NULL; each is cleared first.  Allocates only when a
 * buffer has to grow, so reuse the buffers across calls in bulk work.
 * Returns 0, or -1 with ERR_INPUT for invalid UTF-8. */
int reg_pinyin_key(const char *text, struct buf *toneless_key, struct buf *initials,
		   struct err *e);

/* The REG_FAM_* family of a class name or code (自然村, natural village,
 * 22200, 街路巷, …) from data/name-classes.tsv, matched exactly (ASCII
 * case-insensitively); 0 for NULL, "" or an unknown class.  The place
 * register can map its own class table onto these names or codes. */
unsigned reg_pinyin_class_family(const char *class_name_or_code);

/* True when a class is written as one word (1984 rules §3: 自然村镇). */
int reg_pinyin_class_is_one_word(const char *class_name_or_code);

#endif
