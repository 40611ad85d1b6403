# diming - build, test and demo.
#
#   make          build/diming, build/diming-full and build/libdiming.a
#   make deps     install the Debian packages (tools/deps.sh)
#   make test     deps, unit tests, CLI tests, both again under ASan+UBSan
#   make demo     deps, then the main job on the bundled sample data
#
# Every .c under common/ geo/ registry/ import/ goes into libdiming.a, every
# cli/*.c into build/diming-full, every tests/check_*.c into its own Check
# runner.  build/diming is the light front end: cli/main.c compiled with
# -DDIMING_LIGHT and the commands of LIGHT_CLI_SRC, linked with LIGHT_PKGS
# only (no SpatiaLite, GEOS or PROJ, whose libraries take some 25 ms to
# load); it execs diming-full for every other command.  A light source that
# reaches into geo/ or SpatiaLite fails its link.
# Generated sources: a module that needs them drops a mk/<name>.mk that adds
# to GEN_SRC and gives the rule producing $(BUILD)/gen/<file>.

BUILD ?= build
CC ?= cc
SAN ?=

PKGS := sqlite3 spatialite proj jansson nettle
LIGHT_PKGS := sqlite3 jansson nettle
# Lazily expanded so `make test` can install the packages first.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) geos)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) geos) -lm
LIGHT_LIBS = $(shell pkg-config --libs $(LIGHT_PKGS)) -lm
CHECK_CFLAGS = $(shell pkg-config --cflags check)
CHECK_LIBS = $(shell pkg-config --libs check)

OPT ?= -O2
ASAN_FLAGS := -fsanitize=address -fsanitize=undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
SANFLAGS := $(if $(SAN),$(ASAN_FLAGS))
CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -DGEOS_USE_ONLY_R_API \
	-Wall -Wextra -Werror -g $(OPT) $(SANFLAGS) -I. -I$(BUILD)/gen
LDFLAGS := $(SANFLAGS)

LIB_SRC := $(wildcard common/*.c geo/*.c registry/*.c import/*.c)
CLI_SRC := $(wildcard cli/*.c)
# The commands build/diming serves itself (no FULL() in cli/main.c), and the
# plumbing they share.
LIGHT_CLI_SRC := cli/cli.c cli/cmd_audit.c cli/cmd_check.c cli/cmd_config.c cli/cmd_name.c \
	cli/cmd_pinyin.c
TEST_SRC := $(wildcard tests/check_*.c)
TEST_LIB_SRC := tests/testlib.c tests/test_main.c
GEN_SRC :=

-include $(wildcard mk/*.mk)

LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/obj/%.o) $(GEN_SRC:%.c=%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
LIGHT_OBJ := $(BUILD)/obj/cli/main-light.o $(LIGHT_CLI_SRC:%.c=$(BUILD)/obj/%.o)
TEST_LIB_OBJ := $(TEST_LIB_SRC:%.c=$(BUILD)/obj/%.o)
TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)

VERSION := $(shell cat VERSION 2>/dev/null || echo 0.0.0)

.PHONY: all deps test unit cli-test asan demo clean bench pot
.DEFAULT_GOAL := all
.SECONDARY:

all: $(BUILD)/diming $(BUILD)/diming-full $(BUILD)/libdiming.a $(TEST_BIN)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) $(CHECK_CFLAGS) -DDIMING_VERSION='"$(VERSION)"' -MMD -MP -c $< -o $@

$(BUILD)/obj/cli/main-light.o: cli/main.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -DDIMING_LIGHT -DDIMING_VERSION='"$(VERSION)"' -MMD -MP -c $< -o $@

$(BUILD)/gen/%.o: $(BUILD)/gen/%.c
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/libdiming.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/diming-full: $(CLI_OBJ) $(BUILD)/libdiming.a
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libdiming.a $(PKG_LIBS)

$(BUILD)/diming: $(LIGHT_OBJ) $(BUILD)/libdiming.a
	$(CC) $(LDFLAGS) -o $@ $(LIGHT_OBJ) $(BUILD)/libdiming.a $(LIGHT_LIBS)

$(BUILD)/tests/%: $(BUILD)/obj/tests/%.o $(TEST_LIB_OBJ) $(BUILD)/libdiming.a
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $< $(TEST_LIB_OBJ) $(BUILD)/libdiming.a $(PKG_LIBS) $(CHECK_LIBS)

deps:
	@tools/deps.sh

# Each Check runner prints its own summary line ("100%: Checks: N, ...").
unit: all
	@fail=0; for t in $(TEST_BIN); do \
		DIMING_TEST_DATA=$(CURDIR)/data DIMING_TEST_FIXTURES=$(CURDIR)/tests/fixtures $$t || fail=1; \
	done; exit $$fail

cli-test: all
	@DIMING=$(CURDIR)/$(BUILD)/diming tests/cli/run.sh

asan:
	@$(MAKE) --no-print-directory BUILD=build/asan SAN=1 OPT=-O1 unit
	@$(MAKE) --no-print-directory BUILD=build/asan SAN=1 OPT=-O1 cli-test

test:
	@$(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory unit
	@$(MAKE) --no-print-directory cli-test
	@$(MAKE) --no-print-directory asan

demo:
	@$(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory all
	@BUILD=$(BUILD) tools/demo.sh

pot:
	@mkdir -p po
	xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 -o po/diming.pot $(LIB_SRC) $(CLI_SRC)

clean:
	rm -rf build

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
