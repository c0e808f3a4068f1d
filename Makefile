# uniondesk — see README.md. `make run` and `make test` are the two commands.
.DEFAULT_GOAL := all

PREFIX  ?= /usr/local
DESTDIR ?=
BUILD   ?= build
V       ?= 0
Q        = $(if $(filter 1,$(V)),,@)

CC      ?= cc
PKGS     = ncursesw sqlite3 xlsxwriter pangocairo fontconfig
WARN     = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wold-style-definition -Wpointer-arith -Wformat=2 -Wundef -Wvla \
           -Wwrite-strings -Wcast-align -Wmissing-declarations -Wnested-externs \
           -Winit-self -Wdouble-promotion -Wfloat-equal -Wimplicit-fallthrough
CFLAGS  ?= -O2 -g
ALL_CFLAGS = -std=c11 $(WARN) $(CFLAGS) -MMD -MP
# the libraries' headers are system headers (-isystem): our warnings are for our code
CPPFLAGS += -Iinclude $(patsubst -I%,-isystem %,$(shell pkg-config --cflags $(PKGS) 2>/dev/null)) \
            -DUD_VERSION='"$(VERSION)"'
LDLIBS  += $(shell pkg-config --libs $(PKGS) 2>/dev/null)
VERSION := $(shell cat VERSION 2>/dev/null || echo 0.0.0)

LIB_SRC  = $(wildcard src/core/*.c src/modules/*.c src/report/*.c src/export/*.c \
                      src/import/*.c src/demo/*.c src/tui/*.c) \
           $(filter-out src/cli/main.c,$(wildcard src/cli/*.c))
MIG_SQL  = $(sort $(wildcard migrations/[0-9][0-9][0-9][0-9]_*.sql))
MIG_C    = $(BUILD)/gen/migrations.c
LIB_OBJ  = $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/migrations.o
LIB      = $(BUILD)/libuniondesk.a
BIN      = uniondesk

UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
BENCH_SRC = $(wildcard bench/*.c)
BENCH_BIN = $(BENCH_SRC:bench/%.c=$(BUILD)/bench/%)

.PHONY: all run test asan bench install uninstall clean deps deps-test check-unit

all: deps $(BIN) $(UNIT_BIN) $(BENCH_BIN)

deps: $(BUILD)/.deps-build
deps-test: $(BUILD)/.deps-test
$(BUILD)/.deps-build: scripts/deps.sh
	$(Q)scripts/deps.sh build
	$(Q)mkdir -p $(BUILD) && touch $@
# after the build packages: two apt-get runs at once would fight over its lock
$(BUILD)/.deps-test: scripts/deps.sh | $(BUILD)/.deps-build
	$(Q)scripts/deps.sh test
	$(Q)mkdir -p $(BUILD) && touch $@

$(BIN): $(BUILD)/src/cli/main.o $(LIB)
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(LIB): $(LIB_OBJ)
	@echo "  AR      $@"
	$(Q)rm -f $@ && ar rcs $@ $^

# Private headers (src/core/*.h: the database handle's fields, SQLite,
# sqlbuf; src/modules/*.h: modutil, listq) are seen only by core, the
# modules and the white-box tests: nothing else gets these -I flags.
PRIV_CPPFLAGS = -Isrc/core -Isrc/modules
$(BUILD)/src/modules/%.o: CPPFLAGS += -Isrc/core
$(BUILD)/gen/migrations.o: CPPFLAGS += -Isrc/core

$(BUILD)/%.o: %.c | $(BUILD)/.deps-build
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(MIG_C): $(MIG_SQL) scripts/embed-migrations.sh
	@mkdir -p $(dir $@)
	@echo "  EMBED   migrations"
	$(Q)scripts/embed-migrations.sh $@ $(MIG_SQL)

$(BUILD)/gen/migrations.o: $(MIG_C)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/testutil.o: tests/unit/testutil.c | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(PRIV_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

# the fault-injection VFS (tests only): see tests/unit/faultvfs.h
$(BUILD)/tests/faultvfs.o: tests/unit/faultvfs.c | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(PRIV_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/tests/testutil.o $(BUILD)/tests/faultvfs.o $(LIB) | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(PRIV_CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/tests/testutil.o $(BUILD)/tests/faultvfs.o $(LIB) $(LDLIBS) -lcmocka

$(BUILD)/bench/%: bench/%.c $(LIB)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(PRIV_CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LDLIBS)

# The demo database is made on first use; later runs keep its data.
DEMO_DB ?= db/uniondesk.db
run: deps $(BIN)
	$(Q)mkdir -p $(dir $(DEMO_DB))
	$(Q)test -f $(DEMO_DB) || LANG=C.UTF-8 ./$(BIN) --db $(DEMO_DB) init --demo --scale 0.05
	$(Q)LANG=C.UTF-8 ./$(BIN) --db $(DEMO_DB)

test: deps-test all fuzz-build
	$(Q)LANG=C.UTF-8 UD_BUILD=$(BUILD) UD_BIN=$(CURDIR)/$(BIN) tests/run.sh

# Address and undefined-behaviour sanitizers over the whole suite.
# tests/lsan.supp: leaks inside a library that no call of ours can avoid.
asan:
	$(Q)LSAN_OPTIONS="suppressions=$(CURDIR)/tests/lsan.supp$${LSAN_OPTIONS:+:$$LSAN_OPTIONS}" \
	    $(MAKE) --no-print-directory BUILD=build-asan BIN=uniondesk-asan \
	    CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	    LDFLAGS="-fsanitize=address,undefined" test

# libFuzzer targets (tests/fuzz/fuzz_*.c): the library built again with
# clang and the sanitizers in build-fuzz/. `make fuzz` runs each target for
# FUZZ_SECONDS seconds; `make test` runs each for a bounded number of inputs.
FUZZ_BUILD   = build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_SAN     = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
FUZZ_TARGETS = $(patsubst tests/fuzz/%.c,$(FUZZ_BUILD)/fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))
.PHONY: fuzz fuzz-build
fuzz-build:
	$(Q)$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=clang \
	    CFLAGS="-O1 -g -fsanitize=fuzzer-no-link $(FUZZ_SAN) -DUD_CSV_CHUNK=16" $(FUZZ_TARGETS)
$(FUZZ_BUILD)/fuzz/%: tests/fuzz/%.c $(LIB)
	@mkdir -p $(dir $@)
	@echo "  FUZZ    $<"
	$(Q)$(CC) $(CPPFLAGS) $(PRIV_CPPFLAGS) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< $(LIB) $(LDLIBS)
fuzz: deps-test fuzz-build
	$(Q)LANG=C.UTF-8 tests/fuzz/run.sh time $(FUZZ_SECONDS)

bench: all
	$(Q)LANG=C.UTF-8 UD_BUILD=$(BUILD) UD_BIN=$(CURDIR)/$(BIN) bench/run.sh

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/uniondesk
	install -m 644 docs/uniondesk.1 $(DESTDIR)$(PREFIX)/share/man/man1/uniondesk.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/uniondesk $(DESTDIR)$(PREFIX)/share/man/man1/uniondesk.1

clean:
	rm -rf build build-asan build-fuzz uniondesk uniondesk-asan

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
