# unknot - a terminal coach for self-massage, stretching and posture breaks.
#
#   make            build build/unknot
#   make run        build, then start unknot on the bundled routines
#   make check      build, then run every test
#   make bench      print speed and memory figures
#   make fuzz       fuzz a loader: FUZZER=routine|history|config, FUZZ_SECONDS=60
#   make install    PREFIX=/usr/local DESTDIR= (and the folders below)
#   make uninstall  remove what install put there, file by file
#   make dist       unknot-VERSION.tar.gz; make distcheck builds and checks it
#
# Missing Debian packages (the compiler too) are installed first: apt-get as
# root, `sudo -n` when that needs no password; otherwise the command to run
# is printed.  Nothing is installed when pkg-config and the tools already
# find everything, or with DEPS=no (for packagers: the build never touches
# the network then).  V=1 shows commands; CFLAGS, CPPFLAGS, LDFLAGS and CC
# are yours.

VERSION    = 0.1.0
PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
DATADIR   ?= $(PREFIX)/share
LIBDIR    ?= $(PREFIX)/lib
MANDIR    ?= $(DATADIR)/man
# the package's own folders
PKGDATADIR ?= $(DATADIR)/unknot
PKGLIBDIR  ?= $(LIBDIR)/unknot
# where systemd, the shells and the desktop look for what they load
ifneq ($(filter $(HOME)/%,$(PREFIX)),)
UNITDIR   ?= $(DATADIR)/systemd/user
else
UNITDIR   ?= $(LIBDIR)/systemd/user
endif
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
ifeq ($(PREFIX),/usr)
ZSHCOMPDIR  ?= $(DATADIR)/zsh/vendor-completions
else
ZSHCOMPDIR  ?= $(DATADIR)/zsh/site-functions
endif
APPDIR    ?= $(DATADIR)/applications
DESTDIR   ?=
PKG_CONFIG ?= pkg-config
CC        ?= cc
CLANG     ?= clang
FUZZ_SECONDS ?= 60
DEPS      ?= yes

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
	-DVERSION='"$(VERSION)"' -DDATADIR='"$(PKGDATADIR)"' -DMODULEDIR='"$(PKGLIBDIR)"' \
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
#   line    the plain line mode (--plain, TERM=dumb, a pipe): no curses
#   cmd     the commands and main()
#   module  what is loaded with dlopen (SDL2_mixer)
# Adding a screen or a command is adding one file: the folders are read by pattern.
LAYERS = core sys ui line cmd
INC_core = -Isrc/core
INC_sys  = $(INC_core) -Isrc/sys
INC_ui   = $(INC_sys) -Isrc/ui $(CURSES_CFLAGS)
INC_line = $(INC_sys) -Isrc/line
INC_cmd  = $(INC_ui) -Isrc/line -Isrc/cmd
SRC_core = $(wildcard src/core/*.c)
SRC_sys  = $(wildcard src/sys/*.c)
SRC_ui   = $(wildcard src/ui/*.c)
SRC_line = $(wildcard src/line/*.c)
SRC_cmd  = $(wildcard src/cmd/*.c)
OBJ_core = $(SRC_core:src/%.c=build/obj/%.o)
OBJ_sys  = $(SRC_sys:src/%.c=build/obj/%.o)
OBJ_ui   = $(SRC_ui:src/%.c=build/obj/%.o)
OBJ_line = $(SRC_line:src/%.c=build/obj/%.o)
OBJ_cmd  = $(SRC_cmd:src/%.c=build/obj/%.o)
CORE_LIB = build/libunknot-core.a
SYS_LIB  = build/libunknot-sys.a
UNIT_SRC = $(filter-out tests/unit/fixture-%,$(wildcard tests/unit/*.c))

# What the build and the tests need, as CHECK:PACKAGE pairs: cmd:NAME is a
# command on PATH, pc:NAME a pkg-config module, file:PATH a file.
BUILD_DEPS = cmd:$(CC):gcc file:/usr/include/stdio.h:libc6-dev cmd:$(PKG_CONFIG):pkg-config \
	pc:ncursesw:libncurses-dev pc:libconfig:libconfig-dev pc:SDL2_mixer:libsdl2-mixer-dev
# sox and espeak-ng: the check that the committed cue files are what
# audio/make-cues.sh makes (tests/cues.sh), and espeak-ng for spoken steps.
TEST_DEPS  = pc:criterion:libcriterion-dev cmd:tmux:tmux cmd:groff:groff-base cmd:pgrep:procps \
	cmd:sox:sox cmd:espeak-ng:espeak-ng \
	cmd:zsh:zsh cmd:mandoc:mandoc cmd:desktop-file-validate:desktop-file-utils \
	cmd:python3:python3 file:/usr/share/i18n/locales/de_DE:locales
FUZZ_DEPS  = cmd:$(CLANG):clang file:$(shell $(CLANG) -print-resource-dir 2>/dev/null)/lib/linux/libclang_rt.fuzzer-$(shell uname -m).a:libclang-rt-dev

.PHONY: cues all run check bench fuzz fuzz-control install uninstall dist distcheck clean deps test-deps fuzz-deps unit e2e lint-man layers packaging

all: build/unknot build/unknot-audio.so build/unknot-remind.service build/man/unknot.1 build/man/unknot-routine.5

# The install paths are compiled in: rebuild what holds them when they change
# (so that `make install PREFIX=/usr` after a plain `make` is right).
build/paths.stamp: FORCE | build/obj
	@echo '$(PKGDATADIR) $(PKGLIBDIR) $(BINDIR)' | cmp -s - $@ 2>/dev/null || \
	  echo '$(PKGDATADIR) $(PKGLIBDIR) $(BINDIR)' > $@
build/obj/core/paths.o: build/paths.stamp
.PHONY: FORCE
FORCE:

build/unknot-remind.service: src/extra/unknot-remind.service.in build/paths.stamp | build/obj
	$(Q)sed 's|@BINDIR@|$(BINDIR)|g' src/extra/unknot-remind.service.in > $@

# The man pages name the folders of the default prefix; the installed ones
# name the folders really used.
build/man/%: man/% build/paths.stamp
	@mkdir -p build/man
	$(Q)sed -e 's|/usr/local/share/unknot|$(PKGDATADIR)|g' -e 's|/usr/local/lib/unknot|$(PKGLIBDIR)|g' \
	  -e 's|/usr/local/bin|$(BINDIR)|g' $< > $@

# $(call ensure,DEPS): install the packages whose check fails.
define ensure
	@need=""; for d in $(1); do \
	  pkg=$${d##*:}; what=$${d%:*}; kind=$${what%%:*}; name=$${what#*:}; \
	  case $$kind in \
	  cmd) command -v "$$name" >/dev/null 2>&1 ;; \
	  pc) $(PKG_CONFIG) --exists "$$name" 2>/dev/null ;; \
	  file) [ -e "$$name" ] ;; \
	  esac || need="$$need $$pkg"; \
	done; \
	[ -z "$$need" ] && exit 0; \
	if [ "$(DEPS)" = no ]; then \
	  echo "unknot needs these Debian packages (DEPS=no: not installing):$$need"; exit 1; \
	elif ! command -v apt-get >/dev/null 2>&1; then \
	  echo "unknot needs (as Debian calls them):$$need"; \
	  echo "Install their equivalents, then run make again."; exit 1; \
	elif [ "$$(id -u)" = 0 ]; then \
	  echo "Installing:$$need"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$$need) >/dev/null || exit 1; \
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
	  echo "Installing with sudo:$$need"; \
	  (sudo -n apt-get update -qq && sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$$need) >/dev/null || exit 1; \
	else \
	  echo "unknot needs these Debian packages:$$need"; \
	  echo "Install them as root, then run make again:"; \
	  echo "  sudo apt-get install$$need"; \
	  exit 1; \
	fi
endef

deps:
	$(call ensure,$(BUILD_DEPS))
test-deps: deps
	$(call ensure,$(TEST_DEPS))
fuzz-deps: deps
	$(call ensure,$(FUZZ_DEPS))

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

build/unknot: $(OBJ_cmd) $(OBJ_ui) $(OBJ_line) $(SYS_LIB) $(CORE_LIB)
	$(msg) LD $@
	$(Q)$(CC) $(LDFLAGS) -o $@ $(OBJ_cmd) $(OBJ_ui) $(OBJ_line) $(SYS_LIB) $(CORE_LIB) \
	  $(CURSES_LIBS) $(CONFIG_LIBS) -lm -ldl

# The SDL2_mixer back end: a module the program loads on first use, so
# that build/unknot itself never links SDL.
SDL_CFLAGS = $(shell $(PKG_CONFIG) --cflags SDL2_mixer)
SDL_LIBS   = $(shell $(PKG_CONFIG) --libs SDL2_mixer)
build/unknot-audio.so: src/module/audio-sdl.c src/sys/audio.h src/core/cue.h | deps build/obj
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

# A module for test_module.c to load (and truncate).
build/tests/fixture-module.so: tests/unit/fixture-module.c src/sys/module.h | build/tests
	$(msg) CC $@
	$(Q)$(CC) $(BASE_CFLAGS) $(INC_sys) -fPIC -shared -o $@ $<

# A sound back end that counts what it is asked, for test_audio.c.
build/tests/audio-fixture/unknot-audio.so: tests/unit/fixture-audio.c src/sys/audio.h src/sys/module.h src/core/cue.h
	$(msg) CC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(BASE_CFLAGS) $(INC_sys) -fPIC -shared -o $@ $<

unit: build/tests/unit build/tests/fixture-module.so build/tests/audio-fixture/unknot-audio.so
	@echo "== unit tests (Criterion)"
	$(Q)cd tests && UNKNOT_DATA_DIR=$(CURDIR) ../build/tests/unit --jobs=2

# The same unit tests under AddressSanitizer and UndefinedBehaviorSanitizer:
# the core and sys layers compiled again with the tests, any report fails
# the run (make check runs it once).
SAN_FLAGS = -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
SAN_ENV   = ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=fuzz/lsan.supp \
	    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
build/tests/unit-san: $(UNIT_SRC) tests/unit/helpers.h $(SRC_core) $(SRC_sys) $(wildcard src/core/*.h src/sys/*.h) | test-deps build/tests
	$(msg) LD $@
	$(Q)$(CC) $(BASE_CFLAGS) $(SAN_FLAGS) $(INC_sys) -o $@ $(UNIT_SRC) $(SRC_core) $(SRC_sys) \
	  $(CONFIG_LIBS) -lm -ldl -lcriterion

unit-san: build/tests/unit-san build/tests/fixture-module.so build/tests/audio-fixture/unknot-audio.so
	@echo "== unit tests under ASan and UBSan"
	$(Q)cd tests && UNKNOT_DATA_DIR=$(CURDIR) $(SAN_ENV) ../build/tests/unit-san --jobs=2

build/tests/onsets: tests/tools/onsets.c | build/tests
	$(msg) CC $@
	$(Q)$(CC) -O2 -o $@ tests/tools/onsets.c

build/tests/diskrec: tests/tools/diskrec.c tests/tools/timing.h | build/tests
	$(msg) CC $@
	$(Q)$(CC) -O2 -o $@ tests/tools/diskrec.c

build/tests/ptyrun: tests/tools/ptyrun.c | build/tests
	$(msg) CC $@
	$(Q)$(CC) -O2 -o $@ tests/tools/ptyrun.c -lutil

build/tests/sockcat: tests/tools/sockcat.c | build/tests
	$(msg) CC $@
	$(Q)$(CC) -O2 -o $@ tests/tools/sockcat.c

e2e: all build/tests/onsets build/tests/diskrec build/tests/ptyrun build/tests/sockcat | test-deps
	@echo "== end-to-end tests (the real binary, tmux)"
	$(Q)tests/e2e/run.sh

# The committed cue sounds are audio/make-cues.sh's output, byte for byte.
cues: | test-deps
	@echo "== cue sounds"
	$(Q)tests/cues.sh

layers: $(OBJ_core) $(OBJ_sys) $(OBJ_line) | test-deps
	@echo "== layers"
	$(Q)CC="$(CC)" tests/layers.sh && CC="$(CC)" tests/layers.sh --self-test

lint-man: build/unknot | test-deps
	@echo "== man pages"
	$(Q)tests/man-lint.sh

packaging: all | test-deps
	@echo "== packaging (dist, install, uninstall)"
	$(Q)tests/install.sh

check: all
	$(Q)$(MAKE) --no-print-directory layers unit unit-san lint-man cues packaging e2e

# ---- figures and fuzzing ---------------------------------------------

BENCH_TOOLS = build/bench/measure build/bench/ptyrun build/bench/clock build/bench/audio-latency \
	build/bench/clients build/bench/diskrec build/bench/onsets
build/bench/clients: tests/bench/clients.c | build/bench
	$(Q)$(CC) -O2 -o $@ $<
build/bench/diskrec: tests/tools/diskrec.c tests/tools/timing.h | build/bench
	$(Q)$(CC) -O2 -o $@ tests/tools/diskrec.c
build/bench/onsets: tests/tools/onsets.c | build/bench
	$(Q)$(CC) -O2 -o $@ tests/tools/onsets.c
build/bench/measure: tests/bench/measure.c | build/bench
	$(Q)$(CC) -O2 -o $@ $<
build/bench/ptyrun: tests/tools/ptyrun.c | build/bench
	$(Q)$(CC) -O2 -o $@ $< -lutil
build/bench/clock: tests/bench/clock.c $(SYS_LIB) $(CORE_LIB) | build/bench
	$(Q)$(CC) $(BASE_CFLAGS) $(INC_sys) -o $@ $< $(SYS_LIB) $(CORE_LIB) $(CONFIG_LIBS) -lm
build/bench/audio-latency: tests/bench/audio-latency.c src/sys/audio.h $(CORE_LIB) | build/bench
	$(Q)$(CC) -O2 $(INC_sys) -o $@ $< $(CORE_LIB) $(CONFIG_LIBS) -lm -ldl

bench: all $(BENCH_TOOLS)
	$(Q)tests/bench/run.sh

# One harness per input from outside: routine files, the history file, the
# config (tests/fuzz/fuzz_NAME.c, seeds in tests/fuzz/corpus/NAME/).
#   make fuzz FUZZER=history FUZZ_SECONDS=600
FUZZERS = routine history config
FUZZER ?= routine
build/fuzz-%: tests/fuzz/fuzz_%.c $(SRC_core) | fuzz-deps build/obj
	$(msg) CLANG $@
	$(Q)$(CLANG) -std=c11 -D_POSIX_C_SOURCE=200809L -D_XOPEN_SOURCE=600 -D_DEFAULT_SOURCE -g -O1 \
	  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined $(INC_core) $(CONFIG_CFLAGS) \
	  -o $@ $< $(SRC_core) $(CONFIG_LIBS) -lm

fuzz: build/fuzz-$(FUZZER)
	@mkdir -p build/fuzz-corpus/$(FUZZER) build/fuzz-crashes/$(FUZZER)
	LSAN_OPTIONS=suppressions=tests/fuzz/lsan.supp ./build/fuzz-$(FUZZER) -max_total_time=$(FUZZ_SECONDS) \
	  -max_len=4096 -timeout=5 -print_final_stats=1 \
	  $(if $(wildcard tests/fuzz/$(FUZZER).dict),-dict=tests/fuzz/$(FUZZER).dict) \
	  -artifact_prefix=build/fuzz-crashes/$(FUZZER)/ build/fuzz-corpus/$(FUZZER) tests/fuzz/corpus/$(FUZZER)

# The reminder socket's request parser: `make fuzz-control` (FUZZ_SECONDS).
CONTROL_FUZZ_SRC = tests/fuzz/fuzz_control.c src/sys/control.c src/sys/loop.c src/sys/clock.c $(SRC_core)
build/fuzz-control: $(CONTROL_FUZZ_SRC) | fuzz-deps build/obj
	$(msg) CLANG $@
	$(Q)$(CLANG) -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O1 \
	  -fsanitize=fuzzer,address,undefined $(INC_sys) $(CONFIG_CFLAGS) \
	  -o $@ $(CONTROL_FUZZ_SRC) $(CONFIG_LIBS) -lm

fuzz-control: build/fuzz-control
	@mkdir -p build/fuzz-control-corpus build/fuzz-crashes
	./build/fuzz-control -max_total_time=$(FUZZ_SECONDS) -max_len=128 -timeout=5 \
	  -dict=tests/fuzz/control.dict -artifact_prefix=build/fuzz-crashes/ \
	  build/fuzz-control-corpus tests/fuzz/corpus-control

# ---- install ----------------------------------------------------------

# Every installed file as SOURCE:MODE:DESTINATION.  install writes the list
# of what it installed to $(MANIFEST); uninstall removes those files, one by
# one, and the package's own folders once they are empty: never a folder
# that holds anything else.
MANIFEST = $(PKGDATADIR)/install-manifest
INSTALL_FILES = build/unknot:755:$(BINDIR)/unknot \
	build/unknot-audio.so:644:$(PKGLIBDIR)/unknot-audio.so \
	$(foreach f,$(sort $(wildcard audio/*.wav)),$(f):644:$(PKGDATADIR)/audio/$(notdir $(f))) \
	$(foreach f,$(sort $(wildcard routines/*.routine)) routines/safety.cfg,$(f):644:$(PKGDATADIR)/routines/$(notdir $(f))) \
	build/man/unknot.1:644:$(MANDIR)/man1/unknot.1 \
	build/man/unknot-routine.5:644:$(MANDIR)/man5/unknot-routine.5 \
	build/unknot-remind.service:644:$(UNITDIR)/unknot-remind.service \
	src/extra/completion.bash:644:$(BASHCOMPDIR)/unknot \
	src/extra/completion.zsh:644:$(ZSHCOMPDIR)/_unknot \
	src/extra/unknot.desktop:644:$(APPDIR)/unknot.desktop
PKG_DIRS = $(PKGDATADIR)/audio $(PKGDATADIR)/routines $(PKGDATADIR) $(PKGLIBDIR)
# the names of what we install: a manifest line must end in one of them
INSTALL_NAMES = $(sort $(foreach s,$(INSTALL_FILES),$(notdir $(lastword $(subst :, ,$(s))))) install-manifest)

install: all
	@set -e; : > build/install-manifest; for spec in $(INSTALL_FILES); do \
	  src=$${spec%%:*}; rest=$${spec#*:}; mode=$${rest%%:*}; dest=$${rest#*:}; \
	  echo "  INSTALL $(DESTDIR)$$dest"; \
	  install -d "$(DESTDIR)$${dest%/*}"; install -m "$$mode" "$$src" "$(DESTDIR)$$dest"; \
	  echo "$$dest" >> build/install-manifest; \
	done; \
	echo "$(MANIFEST)" >> build/install-manifest; \
	for d in $(PKG_DIRS); do echo "$$d/" >> build/install-manifest; done; \
	install -m 644 build/install-manifest "$(DESTDIR)$(MANIFEST)"

# What the manifest lists is removed, file by file, then the package's own
# folders it lists once they are empty.  A line is taken only when it is a
# plain path under the prefix ending in a name we install (or, for a folder,
# in unknot/, unknot/audio/ or unknot/routines/), so that a damaged or
# hostile manifest cannot name anything else.  Without a manifest, the
# files this Makefile would install are removed.
uninstall:
	@set -e; m="$(DESTDIR)$(MANIFEST)"; \
	if [ -f "$$m" ]; then list=$$(cat "$$m"); \
	else list="$(foreach s,$(INSTALL_FILES),$(lastword $(subst :, ,$(s)))) $(MANIFEST) $(PKG_DIRS:%=%/)"; fi; \
	for f in $$list; do \
	  case "$$f" in *..*|*//*|*[!A-Za-z0-9_./+-]*) echo "  skip $$f (not a plain path)"; continue ;; esac; \
	  case "$$f" in "$(PREFIX)"/*|"$(BINDIR)"/*|"$(DATADIR)"/*|"$(LIBDIR)"/*|"$(MANDIR)"/*) ;; \
	  *) echo "  skip $$f (outside the prefix)"; continue ;; esac; \
	  case "$$f" in */unknot/|*/unknot/audio/|*/unknot/routines/) continue ;; esac; \
	  ok=; for n in $(INSTALL_NAMES); do case "$$f" in */"$$n") ok=1 ;; esac; done; \
	  case "$$f" in */audio/*.wav|*/routines/*.routine) ok=1 ;; esac; \
	  [ -n "$$ok" ] || { echo "  skip $$f (not a file unknot installs)"; continue; }; \
	  if [ -f "$(DESTDIR)$$f" ] || [ -L "$(DESTDIR)$$f" ]; then echo "  RM      $(DESTDIR)$$f"; rm -f "$(DESTDIR)$$f"; fi; \
	done; \
	for f in $$list; do case "$$f" in *..*) ;; */unknot/audio/|*/unknot/routines/) \
	  rmdir "$(DESTDIR)$$f" 2>/dev/null || true ;; esac; done; \
	for f in $$list; do case "$$f" in *..*) ;; */unknot/) rmdir "$(DESTDIR)$$f" 2>/dev/null || true ;; esac; done

# ---- dist ---------------------------------------------------------------

DISTNAME = unknot-$(VERSION)
# The files git tracks, as they are in the work tree (so that distcheck tests
# what is about to be committed), in a tarball that is the same every time.
dist:
	@set -e; if [ -d .git ] || [ -f .git ]; then files=$$(git ls-files); \
	else files=$$(find . -path ./build -prune -o -name '*.tar.gz' -prune -o -type f -print | sed 's|^\./||'); fi; \
	tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner \
	  --transform 's|^|$(DISTNAME)/|' -czf $(DISTNAME).tar.gz $$files; \
	echo "  DIST    $(DISTNAME).tar.gz"

# Unpack the tarball and run every test in it.
distcheck: dist
	rm -rf build/distcheck && mkdir -p build/distcheck
	tar -xzf $(DISTNAME).tar.gz -C build/distcheck
	$(MAKE) -C build/distcheck/$(DISTNAME) check
	@echo "$(DISTNAME).tar.gz builds and passes make check when unpacked"

clean:
	rm -rf build

-include $(wildcard build/obj/*/*.d)
