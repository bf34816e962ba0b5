#!/bin/sh
# The committed cue sounds are what audio/make-cues.sh makes, byte for
# byte, and there are no others: run it twice into fresh folders and
# compare.  (sox and espeak-ng are test dependencies: the Makefile
# installs them.)
set -eu
cd "$(dirname "$0")/.."
TMP=$(mktemp -d /tmp/unknot-cues.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
passed=0 failed=0
sh audio/make-cues.sh "$TMP/a" > /dev/null
sh audio/make-cues.sh "$TMP/b" > /dev/null
# differ DIR1 DIR2: names the .wav files that are not in both or not equal
differ() {
	{ ls "$1"; ls "$2"; } | grep '\.wav$' | sort -u | while read -r f; do
		cmp -s "$1/$f" "$2/$f" || echo "$f"
	done
}
same() { # NAME DIR1 DIR2
	d=$(differ "$2" "$3")
	if [ -z "$d" ]; then
		passed=$((passed + 1)); echo "  ok   $1"
	else
		failed=$((failed + 1)); echo "  FAIL $1"; echo "       differ or missing:" $d
	fi
}
same "make-cues.sh gives the same bytes on every run" "$TMP/a" "$TMP/b"
same "the committed audio/*.wav are its output, and no others" "$TMP/a" audio
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
