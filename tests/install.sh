#!/bin/sh
# Packaging, as a packager would try it: `make dist` makes a tarball of
# every tracked file; unpacked, it builds with DEPS=no, installs with
# PREFIX=/usr into a DESTDIR (the paths compiled in and written in the man
# page are /usr's, the unit and completions go where systemd and Debian's
# zsh look), and `make uninstall` removes exactly what was installed — with
# GNU-style DATADIR/LIBDIR given, and with a hostile manifest — leaving
# everything else alone.
set -u
cd "$(dirname "$0")/.."
passed=0 failed=0
ok() { passed=$((passed + 1)); printf '  ok   %s\n' "$1"; }
bad() { failed=$((failed + 1)); printf '  FAIL %s\n' "$1"; shift; for l in "$@"; do printf '       %s\n' "$l"; done; }
t() { if eval "$2"; then ok "$1"; else bad "$1" "condition: $2"; fi; }

TMP=$(mktemp -d /tmp/unknot-install.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
V=$(sed -n 's/^VERSION *= *//p' Makefile)

make --no-print-directory dist >/dev/null 2>"$TMP/dist.err"
t "make dist makes unknot-$V.tar.gz" '[ -f unknot-$V.tar.gz ]'
tar -tzf "unknot-$V.tar.gz" | sed "s|^unknot-$V/||" | grep -v '/$' | sort > "$TMP/in-tar"
git ls-files 2>/dev/null | sort > "$TMP/tracked" || : > "$TMP/tracked"
t "the tarball holds every tracked file and nothing else" '[ ! -s "$TMP/tracked" ] || cmp -s "$TMP/tracked" "$TMP/in-tar"'
cp "unknot-$V.tar.gz" "$TMP/first.tar.gz"
make --no-print-directory dist >/dev/null 2>&1
t "make dist is reproducible (the same bytes twice)" 'cmp -s "unknot-$V.tar.gz" "$TMP/first.tar.gz"'
rm -f "unknot-$V.tar.gz"

tar -xzf "$TMP/first.tar.gz" -C "$TMP"
SRC=$TMP/unknot-$V
make -C "$SRC" -j2 DEPS=no PREFIX=/usr >"$TMP/build.log" 2>&1
t "the unpacked tarball builds with DEPS=no" '[ -x "$SRC/build/unknot" ]'

D=$TMP/dest
mkdir -p "$D/usr/share/other" "$D/usr/lib/x86_64-linux-gnu" "$D/usr/bin"
: > "$D/usr/share/other/keep-me"; : > "$D/usr/lib/x86_64-linux-gnu/libkeep.so"; : > "$D/usr/bin/keep-me"
make -C "$SRC" --no-print-directory install PREFIX=/usr DESTDIR="$D" >"$TMP/install.log" 2>&1
echo "make install PREFIX=/usr DESTDIR=... put:"; (cd "$D" && find . -type f ! -name 'keep-me' ! -name libkeep.so | sort | sed 's|^\.|       |')
t "install puts the program, module, data and man pages under the prefix" \
	'[ -x "$D/usr/bin/unknot" ] && [ -f "$D/usr/lib/unknot/unknot-audio.so" ] && [ -f "$D/usr/share/unknot/routines/desk-reset.routine" ] && [ -f "$D/usr/share/unknot/audio/start.wav" ] && [ -f "$D/usr/share/man/man1/unknot.1" ] && [ -f "$D/usr/share/man/man5/unknot-routine.5" ]'
t "the unit goes where systemd looks, naming /usr/bin" 'grep -q "^ExecStart=/usr/bin/unknot " "$D/usr/lib/systemd/user/unknot-remind.service"'
t "zsh completion goes where Debian's zsh looks" '[ -f "$D/usr/share/zsh/vendor-completions/_unknot" ]'
t "bash completion and the desktop entry are installed" '[ -f "$D/usr/share/bash-completion/completions/unknot" ] && [ -f "$D/usr/share/applications/unknot.desktop" ]'
t "the man page names /usr's folders, not /usr/local's" 'grep -q "/usr/share/unknot/routines/" "$D/usr/share/man/man1/unknot.1" && ! grep -q "/usr/local/share/unknot" "$D/usr/share/man/man1/unknot.1"'
t "the program has /usr's data folder compiled in" 'strings "$D/usr/bin/unknot" | grep -qx "/usr/share/unknot"'
t "a manifest lists what was installed" '[ $(grep -c . "$D/usr/share/unknot/install-manifest") -ge 20 ]'

# a hostile manifest: a path outside the install folders, and one with ..
: > "$TMP/victim"
printf '%s\n' "$TMP/victim" "/usr/share/unknot/../other/keep-me" >> "$D/usr/share/unknot/install-manifest"
make -C "$SRC" --no-print-directory uninstall PREFIX=/usr DESTDIR="$D" DATADIR=/usr/share LIBDIR=/usr/lib/x86_64-linux-gnu >"$TMP/uninstall.log" 2>&1
echo "make uninstall PREFIX=/usr DATADIR=/usr/share LIBDIR=/usr/lib/x86_64-linux-gnu left:"
(cd "$D" && find . | sort | sed 's|^\.|       |')
left=$(cd "$D" && find . -type f | sort | tr '\n' ' ')
t "uninstall removes every installed file, and only those" '[ "$left" = "./usr/bin/keep-me ./usr/lib/x86_64-linux-gnu/libkeep.so ./usr/share/other/keep-me " ]'
t "uninstall removes the package's own folders" '[ ! -e "$D/usr/share/unknot" ] && [ ! -e "$D/usr/lib/unknot" ]'
t "a path outside the install folders in the manifest is skipped" '[ -e "$TMP/victim" ] && grep -q "skip $TMP/victim" "$TMP/uninstall.log"'
t "a path with .. in the manifest is skipped" 'grep -q "skip /usr/share/unknot/../other/keep-me" "$TMP/uninstall.log"'

# a home prefix: the unit where systemd --user looks
H=$TMP/home
make -C "$SRC" --no-print-directory install PREFIX="$H/.local" HOME="$H" >"$TMP/install2.log" 2>&1
t "with a home prefix the unit goes to ~/.local/share/systemd/user" '[ -f "$H/.local/share/systemd/user/unknot-remind.service" ]'
make -C "$SRC" --no-print-directory uninstall PREFIX="$H/.local" HOME="$H" >/dev/null 2>&1
t "... and uninstall leaves no file behind" '[ -z "$(find "$H" -type f)" ]'

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
