#!/bin/sh
# The layers, checked on the objects (see ARCHITECTURE.md):
#   build/obj/core/*.o may use only each other, the C library, libm and
#     libconfig, and never read a clock (time is an argument in the core);
#   build/obj/line/*.o (the plain line mode) as sys, plus sys: no curses;
#   build/obj/sys/*.o may use the core, the C library, libm, libdl and
#     libconfig: no curses, no SDL, no screen.
# Every undefined symbol of a layer's objects must be defined by that
# layer, a layer below it, or one of its allowed libraries; anything else
# (a curses call, an SDL call, a ui_ function) is named with its object.
#
#   tests/layers.sh              check build/obj
#   tests/layers.sh --self-test  plant a violation and prove it is caught
set -eu
cd "$(dirname "$0")/.."
CC=${CC:-cc}

lib() { # the file of a shared library the compiler would link
	f=$($CC -print-file-name="$1")
	[ "$f" != "$1" ] && [ -e "$f" ] || f=$(find /usr/lib /lib -name "$1" 2>/dev/null | head -n 1)
	[ -n "$f" ] || { echo "layers: cannot find $1" >&2; exit 1; }
	echo "$f"
}
defined_dyn() { for l in "$@"; do nm -D --defined-only "$(lib "$l")" | awk '{ print $NF }' | sed 's/@.*//'; done; }
defined_obj() { nm --defined-only -g "$@" 2>/dev/null | awk 'NF == 3 { print $3 }'; }

TMP=$(mktemp -d /tmp/unknot-layers.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
{ defined_dyn libc.so.6 libm.so.6 libconfig.so; echo _GLOBAL_OFFSET_TABLE_; } > "$TMP/libs-core"
cat "$TMP/libs-core" > "$TMP/libs-sys"
defined_dyn libdl.so.2 >> "$TMP/libs-sys" 2>/dev/null || true

# check LAYER ALLOWED_FILE OBJECT...: prints each violation, returns 1 if any
check() {
	layer=$1 allowed=$2; shift 2
	sort -u "$allowed" > "$TMP/allowed"
	bad=0
	for o in "$@"; do
		for s in $(nm -u "$o" | awk '{ print $NF }' | sed 's/@.*//' | sort -u); do
			case "$layer:$s" in
			core:time|core:clock_gettime|core:gettimeofday|core:ftime|core:clock)
				echo "FAIL $o reads the clock ($s): the core takes the time as an argument"
				bad=1; continue ;;
			esac
			grep -qxF "$s" "$TMP/allowed" && continue
			echo "FAIL $o uses $s, which the $layer layer may not (not in its layer, below it, or its libraries)"
			bad=1
		done
	done
	return $bad
}

core_objs() { ls build/obj/core/*.o; }
sys_objs() { ls build/obj/sys/*.o; }
line_objs() { ls build/obj/line/*.o; }

if [ "${1:-}" = --self-test ]; then
	# a core object that beeps and reads the clock, and one that calls a screen
	printf '#include <time.h>\nint beep(void);\nint ui_dirty(void);\nlong planted(void) { beep(); ui_dirty(); return (long)time(0); }\n' > "$TMP/planted.c"
	$CC -c -o "$TMP/planted.o" "$TMP/planted.c"
	{ defined_obj $(core_objs); cat "$TMP/libs-core"; } > "$TMP/a"
	out=$(check core "$TMP/a" "$TMP/planted.o") && { echo "FAIL the layer check let a planted violation through"; exit 1; }
	for want in "uses beep" "uses ui_dirty" "reads the clock (time)"; do
		echo "$out" | grep -qF "$want" || { echo "FAIL the layer check missed: $want"; echo "$out"; exit 1; }
	done
	echo "ok   a planted curses call, screen call and clock read in the core are caught:"
	echo "$out" | sed 's/^FAIL /       caught: /'
	exit 0
fi

fail=0
{ defined_obj $(core_objs); cat "$TMP/libs-core"; } > "$TMP/a"
if check core "$TMP/a" $(core_objs); then
	echo "ok   core: $(core_objs | wc -l) objects use only the core, libc, libm and libconfig, and no clock"
else fail=1; fi
{ defined_obj $(core_objs) $(sys_objs); cat "$TMP/libs-sys"; } > "$TMP/a"
if check sys "$TMP/a" $(sys_objs); then
	echo "ok   sys: $(sys_objs | wc -l) objects use no curses, SDL or screen"
else fail=1; fi
{ defined_obj $(core_objs) $(sys_objs) $(line_objs); cat "$TMP/libs-sys"; } > "$TMP/a"
if check line "$TMP/a" $(line_objs); then
	echo "ok   line: $(line_objs | wc -l) objects (the plain line mode) use no curses, SDL or screen"
else fail=1; fi
exit $fail
