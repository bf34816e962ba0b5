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
# unknot-routine(5) COMMON MISTAKES, as groff and mandoc render it, shows
# each mistake as the source writes it (\(dq as "): a bare " in a macro
# line is roff's quoting and vanishes, and `.B sides = "yes";` once showed
# as `sides = yes ;`, the mistake of the next entry, beside its fix.
tags=$(sed -n '/^\.SH COMMON MISTAKES/,/^\.SH /p' build/man/unknot-routine.5 |
	awk 'prev == ".TP" && /^\.B / { sub(/^\.B /, ""); print } { prev = $0 }' |
	sed 's/^"\(.*\)"$/\1/; s/\\(dq/"/g; s/\\(em/--/g; s/\\-/-/g')
bad=""
for render in "groff -man -Tascii -P-cbou -rLL=300n" "mandoc -Tascii -Owidth=300"; do
	# overstrike (x BS x, _ BS x) taken out with sed: col(1) is not on a
	# fresh Debian (bsdextrautils), and the check found nothing there
	shown=$($render build/man/unknot-routine.5 2>/dev/null | LC_ALL=C sed 's/.\x08//g' |
		sed -n '/^COMMON MISTAKES/,/^FILES/p')
	while IFS= read -r tag; do
		printf '%s\n' "$shown" | grep -qxF -- "       $tag" || bad="$bad
  ${render%% *} shows no line '$tag'"
	done <<EOF_TAGS
$tags
EOF_TAGS
done
if [ -z "$tags" ] || [ -n "$bad" ]; then
	echo "FAIL unknot-routine(5) COMMON MISTAKES does not show its mistakes as written:${bad:- no entries found}"
	fail=$((fail + 1))
else
	echo "ok   unknot-routine(5) COMMON MISTAKES shows its $(printf '%s\n' "$tags" | wc -l) mistakes as written"
	passed=$((passed + 1))
fi

# And each is a real mistake: a routine holding it fails `unknot check`,
# with the message the page shows in bold (when it shows one).
tmp=$(mktemp -d)
steps=" type title how pressure caution sound duration sides reps rest "
bad=""
sed -n '/^\.SH COMMON MISTAKES/,/^\.SH /p' build/man/unknot-routine.5 |
	awk 'prev2 == ".TP" && prev ~ /^\.B [a-z]+ = .*;$/ && prev !~ /\.\.\./ {
		msg = ""; if (/^\.B /) { msg = $0; sub(/^\.B /, "", msg) }
		t = prev; sub(/^\.B /, "", t); print t "\t" msg }
	{ prev2 = prev; prev = $0 }' |
	sed 's/\\(dq/"/g; s/\\-/-/g' > "$tmp/mistakes"
while IFS="	" read -r line msg; do
	key=${line%% *} top="" step="type = \"move\"; title = \"a\"; duration = 30;"
	case $steps in
	*" $key "*) step=$(printf '%s' "$step" | sed "s/$key = [^;]*; *//")" $line" ;;
	*) top=$line ;;
	esac
	printf 'version = 1;\ntitle = "x";\n%s\nsteps = ( { %s } );\n' "$top" "$step" > "$tmp/m.routine"
	out=$(HOME=$tmp XDG_CONFIG_HOME= XDG_DATA_HOME= ./build/unknot check "$tmp/m.routine" 2>&1) && rc=0 || rc=$?
	if [ "$rc" = 0 ]; then
		bad="$bad
  '$line' passes check"
	elif [ -n "$msg" ] && ! printf '%s\n' "$out" | grep -qF -- "$msg"; then
		bad="$bad
  '$line' does not give '$msg': $out"
	fi
done < "$tmp/mistakes"
n=$(wc -l < "$tmp/mistakes")
rm -rf "$tmp"
if [ "$n" -lt 5 ] || [ -n "$bad" ]; then
	echo "FAIL unknot-routine(5) COMMON MISTAKES and unknot check disagree (of $n):$bad"
	fail=$((fail + 1))
else
	echo "ok   unknot-routine(5) COMMON MISTAKES: check reports each of the $n as the page says"
	passed=$((passed + 1))
fi

# Every variable the program reads (getenv("NAME") in src/, and the XDG
# ones paths.c reads by name) is in the ENVIRONMENT of unknot(1); PATH
# and HOME are everyone's.
env_sec=$(sed -n '/^\.SH ENVIRONMENT/,/^\.SH /p' man/unknot.1 | sed 's/\\-/-/g')
bad=""
for v in $( (grep -rhoE 'getenv\("[A-Z_]+"\)' src; grep -rhoE '"XDG_[A-Z_]+"' src) | tr -d '"' |
	sed 's/getenv(//; s/)//' | sort -u); do
	case $v in PATH|HOME) continue ;; esac
	printf '%s\n' "$env_sec" | grep -qw -- "$v" || bad="$bad $v"
done
if [ -n "$bad" ]; then
	echo "FAIL unknot(1) ENVIRONMENT lacks what the program reads:$bad"
	fail=$((fail + 1))
else
	echo "ok   unknot(1) ENVIRONMENT names every variable the program reads"
	passed=$((passed + 1))
fi

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
