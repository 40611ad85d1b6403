# mk/pinyin.mk - the compiled-in tables of registry/reg_hanzi.c, reg_pinyin.c
# and reg_rules.c: tools/gen_tables reads Unihan (Debian unicode-data) and
# the place-name data in data/ and writes $(BUILD)/gen/reg_tables.c, so the
# binary needs no data file at run time.  Edit a data file, run make.

UNIHAN_DIR ?= /usr/share/unicode
UNIHAN := $(addprefix $(UNIHAN_DIR)/Unihan_,Readings.txt.bz2 OtherMappings.txt.bz2 Variants.txt.bz2)
RULE_WORDS := exaggerated exaggerated-generics foreign feudal persons
TABLE_DATA := data/place-readings.tsv data/generics.tsv data/ethnic-groups.tsv \
	data/name-classes.tsv $(RULE_WORDS:%=data/words-%.txt)
GEN_TABLES_SRC := tools/gen_tables.c common/utf8.c common/buf.c common/err.c

GEN_SRC += $(BUILD)/gen/reg_tables.c

# A build tool: never sanitized (it runs during the ASan build too).
$(BUILD)/tools/gen_tables: $(GEN_TABLES_SRC) registry/reg_tables.h common/utf8.h
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra -Werror -O2 -I. \
		-o $@ $(GEN_TABLES_SRC)

$(BUILD)/gen/reg_tables.c: $(BUILD)/tools/gen_tables $(UNIHAN) $(TABLE_DATA)
	@mkdir -p $(dir $@)
	bzcat $(UNIHAN) | $(BUILD)/tools/gen_tables \
		--place data/place-readings.tsv --generics data/generics.tsv \
		--ethnic data/ethnic-groups.tsv --classes data/name-classes.tsv \
		$(foreach w,$(RULE_WORDS),--words $(w) data/words-$(w).txt) > $@.tmp
	@mv $@.tmp $@
