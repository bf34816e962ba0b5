#!/bin/sh
# Lint the man pages (groff must print no warning) and check that the
# SYNOPSIS of unknot(1) names the same commands as `unknot --help`.
set -eu
cd "$(dirname "$0")/.."
fail=0
for page in man/unknot.1 man/unknot-routine.5; do
	out=$(groff -ww -man -z "$page" 2>&1) || true
	if [ -n "$out" ]; then
		echo "FAIL $page: groff warns:"; echo "$out"; fail=1
	else
		echo "ok   $page lints clean"
	fi
done
# first word after "unknot" on each usage line / SYNOPSIS line
# (a bare "unknot" is the home screen)
help=$(./build/unknot --help | sed -n 's/^usage: /       /; s/^       unknot$/(home)/p; s/^       unknot \([^ ]*\).*/\1/p' | sort -u)
syn=$(sed -n '/^\.SH SYNOPSIS/,/^\.SH /p' man/unknot.1 | sed 's/\\-/-/g' |
	sed -n 's/^\.B unknot$/(home)/p; s/^\.B unknot \([^ ]*\).*/\1/p' | sort -u)
if [ "$help" != "$syn" ]; then
	echo "FAIL --help and the SYNOPSIS of unknot(1) differ:"
	echo "--help:   $(echo $help)"
	echo "SYNOPSIS: $(echo $syn)"
	fail=1
else
	echo "ok   --help and SYNOPSIS name the same commands: $(echo $help)"
fi
[ $fail = 0 ] && echo "2 passed, 0 failed" || echo "man pages: FAILED"
exit $fail
