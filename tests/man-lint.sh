#!/bin/sh
# Lint the man pages as installed (build/man: neither groff -ww nor
# mandoc -Tlint may print a warning) and check the SYNOPSIS of unknot(1)
# against the command table.
set -eu
cd "$(dirname "$0")/.."
fail=0 passed=0
for page in build/man/unknot.1 build/man/unknot-routine.5; do
	out=$(groff -ww -man -z "$page" 2>&1) || true
	out="$out$(mandoc -Tlint -W warning "$page" 2>&1)" || true
	if [ -n "$out" ]; then
		echo "FAIL $page: groff or mandoc warns:"; echo "$out"; fail=$((fail + 1))
	else
		echo "ok   $page lints clean (groff -ww, mandoc -Tlint)"; passed=$((passed + 1))
	fi
done
# The command table (`unknot _table`: "CMD" and "CMD<TAB>--OPTION" lines)
# against the SYNOPSIS of unknot(1): every command has a synopsis line,
# every option is in its command's synopsis and described in the page,
# and the synopsis names no option the program lacks.
table=$(./build/unknot _table)
page=$(sed 's/\\-/-/g; s/\\f[BIR]//g' man/unknot.1)
syn=$(printf '%s\n' "$page" | sed -n '/^\.SH SYNOPSIS/,/^\.SH /p' | sed '1d;$d')
# the synopsis as "CMD<TAB>rest of its lines" (the lines from one ".B unknot ..." to the next)
chunks=$(printf '%s\n' "$syn" | awk '
	/^\.B unknot/ { if (cmd != "") print cmd "\t" text; n = split($0, w, " ");
		cmd = (n >= 3 && w[3] !~ /^-/) ? w[3] : "(home)"; text = $0; next }
	{ text = text " " $0 }
	END { if (cmd != "") print cmd "\t" text }')
bad=""
for c in $(printf '%s\n' "$table" | grep -v "	"); do
	printf '%s\n' "$chunks" | grep -q "^$c	" || bad="$bad
  no SYNOPSIS line for '$c'"
done
while IFS="	" read -r c o; do
	[ -n "$o" ] || continue
	printf '%s\n' "$chunks" | grep "^$c	" | grep -q -- "$o\b" || bad="$bad
  SYNOPSIS of '$c' lacks $o"
	printf '%s\n' "$page" | sed -n '/^\.SH SYNOPSIS/,/^\.SH DESCRIPTION/!p' | grep -q -- "$o\b" || bad="$bad
  '$c $o' is not described outside the SYNOPSIS"
done <<EOF_TABLE
$table
EOF_TABLE
printf '%s\n' "$chunks" | while IFS="	" read -r c text; do
	for o in $(printf '%s\n' "$text" | grep -o -- '--[a-z][a-z-]*' | sort -u); do
		case $o in --help|--version) continue ;; esac
		printf '%s\n' "$table" | grep -q "^$c	$o\$" || echo "  the SYNOPSIS of '$c' names $o, which it does not take"
	done
done > /tmp/man-lint.$$
bad="$bad$(sed 's/^/\n/' /tmp/man-lint.$$ | tr -d '\r')"
rm -f /tmp/man-lint.$$
if [ -n "$(printf '%s' "$bad" | tr -d '\n ')" ]; then
	echo "FAIL unknot(1) and the command table disagree:$bad"
	fail=$((fail + 1))
else
	echo "ok   unknot(1) names every command and option of the command table, and no other"
	passed=$((passed + 1))
fi
echo "$passed passed, $fail failed"
exit $fail
