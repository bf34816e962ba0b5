# unknot - a terminal coach for self-massage, stretching and posture breaks.
#
#   make            build build/unknot
#   make run        build, then start unknot on the bundled routines
#   make check      build, then run every test
#   make bench      print speed and memory figures
#   make fuzz       fuzz the routine loader (FUZZ_SECONDS=60)
#   make install    PREFIX=/usr/local DESTDIR= MANDIR=$(PREFIX)/share/man
#
# Missing Debian packages are installed first (apt-get as root, sudo when
# available; otherwise the command to run is printed).  V=1 shows commands.

VERSION    = 0.1.0
PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
DATADIR   ?= $(PREFIX)/share/unknot
LIBDIR    ?= $(PREFIX)/lib/unknot
MANDIR    ?= $(PREFIX)/share/man
UNITDIR   ?= $(PREFIX)/lib/systemd/user
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/site-functions
DESTDIR   ?=
PKG_CONFIG ?= pkg-config
CC        ?= cc
CLANG     ?= clang
FUZZ_SECONDS ?= 60

ifeq ($(CI),true)
WERROR = -Werror
endif

# Recursive (=) so that pkg-config runs after the deps step has installed it.
CONFIG_CFLAGS = $(shell $(PKG_CONFIG) --cflags libconfig)
CONFIG_LIBS   = $(shell $(PKG_CONFIG) --libs libconfig)
CURSES_CFLAGS = $(shell $(PKG_CONFIG) --cflags ncursesw)
CURSES_LIBS   = $(shell $(PKG_CONFIG) --libs ncursesw)
BASE_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_XOPEN_SOURCE=600 -D_DEFAULT_SOURCE -O2 -g \
	-Wall -Wextra -Wshadow -Wstrict-prototypes -Wno-unused-parameter $(WERROR) \
	-DVERSION='"$(VERSION)"' -DDATADIR='"$(DATADIR)"' -DMODULEDIR='"$(LIBDIR)"' \
	$(CONFIG_CFLAGS) $(CPPFLAGS) $(CFLAGS)

ifeq ($(V),1)
Q =
msg = @true
else
Q = @
msg = @printf '  %-6s %s\n'
endif

# The layers, one folder each (see ARCHITECTURE.md).  A layer sees the
# headers of the layers under it and nothing else, so that a wrong
# #include does not compile; `make check` also reads the objects (tests/layers.sh).
#   core    the model: no curses, no SDL, no clock (time is an argument)
#   sys     the edges to the system: clock, sound module loader, sockets
#   ui      the curses screens
#   cmd     the commands and main()
#   module  what is loaded with dlopen (SDL2_mixer)
# Adding a screen or a command is adding one file: the folders are read by pattern.
LAYERS = core sys ui cmd
INC_core = -Isrc/core
INC_sys  = $(INC_core) -Isrc/sys
INC_ui   = $(INC_sys) -Isrc/ui $(CURSES_CFLAGS)
INC_cmd  = $(INC_ui) -Isrc/cmd
SRC_core = $(wildcard src/core/*.c)
SRC_sys  = $(wildcard src/sys/*.c)
SRC_ui   = $(wildcard src/ui/*.c)
SRC_cmd  = $(wildcard src/cmd/*.c)
OBJ_core = $(SRC_core:src/%.c=build/obj/%.o)
OBJ_sys  = $(SRC_sys:src/%.c=build/obj/%.o)
OBJ_ui   = $(SRC_ui:src/%.c=build/obj/%.o)
OBJ_cmd  = $(SRC_cmd:src/%.c=build/obj/%.o)
CORE_LIB = build/libunknot-core.a
SYS_LIB  = build/libunknot-sys.a
UNIT_SRC = $(wildcard tests/unit/*.c)

BUILD_PKGS = pkg-config libncurses-dev libconfig-dev libsdl2-mixer-dev
TEST_PKGS  = libcriterion-dev tmux groff-base procps zsh
FUZZ_PKGS  = clang libclang-rt-dev

.PHONY: all run check bench fuzz install uninstall clean deps test-deps fuzz-deps unit e2e lint-man layers

all: build/unknot build/unknot-audio.so build/unknot-remind.service

# The install paths are compiled in: rebuild what holds them when they change
# (so that `make install PREFIX=/usr` after a plain `make` is right).
build/paths.stamp: FORCE | build/obj
	@echo '$(DATADIR) $(LIBDIR) $(BINDIR)' | cmp -s - $@ 2>/dev/null || \
	  echo '$(DATADIR) $(LIBDIR) $(BINDIR)' > $@
build/obj/core/paths.o: build/paths.stamp
.PHONY: FORCE
FORCE:

build/unknot-remind.service: src/extra/unknot-remind.service.in build/paths.stamp | build/obj
	$(Q)sed 's|@BINDIR@|$(BINDIR)|g' src/extra/unknot-remind.service.in > $@

# $(call ensure,PACKAGES): install what dpkg says is missing.
define ensure
	@if command -v dpkg-query >/dev/null 2>&1; then \
	  need=""; for p in $(1); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'ok installed' || need="$$need $$p"; \
	  done; \
	  if [ -n "$$need" ]; then \
	    if [ "$$(id -u)" = 0 ]; then \
	      echo "Installing:$$need"; \
	      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$$need) >/dev/null || exit 1; \
	    elif command -v sudo >/dev/null 2>&1; then \
	      echo "Installing with sudo:$$need"; \
	      sudo apt-get install -y$$need || exit 1; \
	    else \
	      echo "unknot needs these Debian packages:$$need"; \
	      echo "Install them as root, then run make again:"; \
	      echo "  apt-get install$$need"; \
	      exit 1; \
	    fi; \
	  fi; \
	fi
endef

deps:
	$(call ensure,$(BUILD_PKGS))
test-deps: deps
	$(call ensure,$(TEST_PKGS))
fuzz-deps: deps
	$(call ensure,$(FUZZ_PKGS))

# One rule per layer: its include path is its contract.
define layer_rule
build/obj/$(1)/%.o: src/$(1)/%.c | deps build/obj/$(1)
	$$(msg) CC $$<
	$$(Q)$$(CC) $$(BASE_CFLAGS) $$(INC_$(1)) -MMD -MP -c -o $$@ $$<
build/obj/$(1):
	@mkdir -p $$@
endef
$(foreach l,$(LAYERS),$(eval $(call layer_rule,$(l))))

build/obj build/tests build/bench:
	@mkdir -p $@

$(CORE_LIB): $(OBJ_core)
	$(msg) AR $@
	$(Q)rm -f $@ && $(AR) rcs $@ $^
$(SYS_LIB): $(OBJ_sys)
	$(msg) AR $@
	$(Q)rm -f $@ && $(AR) rcs $@ $^

build/unknot: $(OBJ_cmd) $(OBJ_ui) $(SYS_LIB) $(CORE_LIB)
	$(msg) LD $@
	$(Q)$(CC) $(LDFLAGS) -o $@ $(OBJ_cmd) $(OBJ_ui) $(SYS_LIB) $(CORE_LIB) \
	  $(CURSES_LIBS) $(CONFIG_LIBS) -lm -ldl

# The SDL2_mixer back end: a module the program loads on first use, so
# that build/unknot itself never links SDL.
SDL_CFLAGS = $(shell $(PKG_CONFIG) --cflags SDL2_mixer)
SDL_LIBS   = $(shell $(PKG_CONFIG) --libs SDL2_mixer)
build/unknot-audio.so: src/module/audio-sdl.c src/sys/audio.h | deps build/obj
	$(msg) CC $@
	$(Q)$(CC) $(BASE_CFLAGS) $(INC_sys) $(SDL_CFLAGS) -fPIC -shared -o $@ src/module/audio-sdl.c \
	  $(LDFLAGS) $(SDL_LIBS)

run: all
	./build/unknot

# ---- tests ----------------------------------------------------------

# The unit tests see the core and sys layers only: no curses, no SDL.
build/tests/unit: $(UNIT_SRC) tests/unit/helpers.h $(SYS_LIB) $(CORE_LIB) | test-deps build/tests
	$(msg) LD $@
	$(Q)$(CC) $(BASE_CFLAGS) $(INC_sys) -o $@ $(UNIT_SRC) $(SYS_LIB) $(CORE_LIB) \
	  $(CONFIG_LIBS) -lm -ldl -lcriterion

unit: build/tests/unit
	@echo "== unit tests (Criterion)"
	$(Q)cd tests && ../build/tests/unit --jobs=2

build/tests/onsets: tests/tools/onsets.c | build/tests
	$(msg) CC $@
	$(Q)$(CC) -O2 -o $@ tests/tools/onsets.c

build/tests/ptyrun: tests/tools/ptyrun.c | build/tests
	$(msg) CC $@
	$(Q)$(CC) -O2 -o $@ tests/tools/ptyrun.c -lutil

e2e: all build/tests/onsets build/tests/ptyrun | test-deps
	@echo "== end-to-end tests (the real binary, tmux)"
	$(Q)tests/e2e/run.sh

layers: $(OBJ_core) $(OBJ_sys) | test-deps
	@echo "== layers"
	$(Q)CC="$(CC)" tests/layers.sh && CC="$(CC)" tests/layers.sh --self-test

lint-man: build/unknot | test-deps
	@echo "== man pages"
	$(Q)tests/man-lint.sh

check: all
	$(Q)$(MAKE) --no-print-directory layers unit lint-man e2e

# ---- figures and fuzzing ---------------------------------------------

BENCH_TOOLS = build/bench/measure build/bench/ptyrun build/bench/clock build/bench/audio-latency
build/bench/measure: tests/bench/measure.c | build/bench
	$(Q)$(CC) -O2 -o $@ $<
build/bench/ptyrun: tests/tools/ptyrun.c | build/bench
	$(Q)$(CC) -O2 -o $@ $< -lutil
build/bench/clock: tests/bench/clock.c $(SYS_LIB) $(CORE_LIB) | build/bench
	$(Q)$(CC) $(BASE_CFLAGS) $(INC_sys) -o $@ $< $(SYS_LIB) $(CORE_LIB) $(CONFIG_LIBS) -lm
build/bench/audio-latency: tests/bench/audio-latency.c src/sys/audio.h | build/bench
	$(Q)$(CC) -O2 $(INC_sys) -o $@ $< -ldl

bench: all $(BENCH_TOOLS)
	$(Q)tests/bench/run.sh

build/fuzz-routine: tests/fuzz/fuzz_routine.c $(SRC_core) | fuzz-deps build/obj
	$(msg) CLANG $@
	$(Q)$(CLANG) -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O1 \
	  -fsanitize=fuzzer,address,undefined $(INC_core) $(CONFIG_CFLAGS) \
	  -o $@ $^ $(CONFIG_LIBS) -lm

fuzz: build/fuzz-routine
	@mkdir -p build/fuzz-corpus build/fuzz-crashes
	LSAN_OPTIONS=suppressions=tests/fuzz/lsan.supp ./build/fuzz-routine -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -timeout=5 \
	  -dict=tests/fuzz/routine.dict \
	  -artifact_prefix=build/fuzz-crashes/ build/fuzz-corpus tests/fuzz/corpus

# ---- install ----------------------------------------------------------

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/routines $(DESTDIR)$(DATADIR)/audio \
	  $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -d $(DESTDIR)$(LIBDIR)
	install -m 755 build/unknot $(DESTDIR)$(BINDIR)/unknot
	install -m 644 build/unknot-audio.so $(DESTDIR)$(LIBDIR)/unknot-audio.so
	install -m 644 audio/*.wav $(DESTDIR)$(DATADIR)/audio/
	install -m 644 routines/*.routine routines/safety.cfg $(DESTDIR)$(DATADIR)/routines/
	install -m 644 man/unknot.1 $(DESTDIR)$(MANDIR)/man1/unknot.1
	install -m 644 man/unknot-routine.5 $(DESTDIR)$(MANDIR)/man5/unknot-routine.5
	install -d $(DESTDIR)$(UNITDIR)
	install -m 644 build/unknot-remind.service $(DESTDIR)$(UNITDIR)/unknot-remind.service
	install -d $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	install -m 644 src/extra/completion.bash $(DESTDIR)$(BASHCOMPDIR)/unknot
	install -m 644 src/extra/completion.zsh $(DESTDIR)$(ZSHCOMPDIR)/_unknot

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/unknot $(DESTDIR)$(MANDIR)/man1/unknot.1 \
	  $(DESTDIR)$(MANDIR)/man5/unknot-routine.5 $(DESTDIR)$(UNITDIR)/unknot-remind.service \
	  $(DESTDIR)$(BASHCOMPDIR)/unknot $(DESTDIR)$(ZSHCOMPDIR)/_unknot
	rm -rf $(DESTDIR)$(DATADIR) $(DESTDIR)$(LIBDIR)

clean:
	rm -rf build

-include $(wildcard build/obj/*/*.d)
