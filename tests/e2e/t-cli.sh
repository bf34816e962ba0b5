# The commands that print: list, show, check, safety, --help, --version,
# and their exit statuses.
. tests/e2e/lib.sh
has() { printf '%s\n' "$1" | grep -q -- "$2"; }
hasF() { printf '%s\n' "$1" | grep -qF -- "$2"; }

run_cli --version
t "--version prints the version" '[ $rc = 0 ] && has "$out" "^unknot [0-9]"'
run_cli --help
t "--help exits 0 and shows usage" '[ $rc = 0 ] && has "$out" "^usage: unknot"'
run_cli frobnicate
t "an unknown command is a usage error (2) on stderr" '[ $rc = 2 ] && has "$err" "^unknot: unknown command .frobnicate."'
run_cli --bogus
t "an unknown option is a usage error (2)" '[ $rc = 2 ] && has "$err" "unknown option"'

run_cli list
t "list exits 0" '[ $rc = 0 ]'
t "list shows every bundled routine" '[ $(printf "%s\n" "$out" | grep -c " bundled$") -ge 8 ]'
t "list shows desk-reset with minutes and steps" 'has "$out" "^desk-reset  *Desk reset  *2  *5  *bundled"'
run_cli list extra
t "list with an argument is a usage error" '[ $rc = 2 ]'

run_cli show desk-reset
t "show exits 0" '[ $rc = 0 ]'
t "show gives the total as M:SS" 'has "$out" "^Total 2:15 in 5 steps"'
t "show lists every side and rest" 'hasF "$out" "Left 0:15 · rest 0:03 · Right 0:15"'
t "show lists every rep" 'hasF "$out" "Rep 1/5 0:03 · rest 0:02 · Rep 2/5 0:03"'
run_cli show no-such-routine
t "show of an unknown id fails (1) with a hint" '[ $rc = 1 ] && has "$err" "no routine called .no-such-routine."'
run_cli show
t "show without ROUTINE is a usage error" '[ $rc = 2 ]'
run_cli show tests/data/good/full.routine
t "show takes a path" '[ $rc = 0 ] && has "$out" "^Everything"'

# a user's routine overrides a bundled id
mkdir -p "$XDG_CONFIG_HOME/unknot/routines"
sed 's/title = "Desk reset";/title = "My desk reset";/' routines/desk-reset.routine > "$XDG_CONFIG_HOME/unknot/routines/desk-reset.routine"
run_cli list
t "a user file overrides a bundled id in list" 'has "$out" "^desk-reset  *My desk reset .* user$"'
run_cli show desk-reset
t "show names the file it overrides" 'has "$out" "^overrides .*routines/desk-reset.routine"'
printf 'version = 1;\n' > "$XDG_CONFIG_HOME/unknot/routines/broken.routine"
run_cli list
t "list names a broken user file and fails" '[ $rc = 1 ] && has "$err" "broken.routine has errors"'
rm -rf "$XDG_CONFIG_HOME/unknot/routines"

run_cli check routines/desk-reset.routine tests/data/good/full.routine
t "check of good files exits 0 with one line each" '[ $rc = 0 ] && [ $(printf "%s\n" "$out" | grep -c ": ok, ") = 2 ]'
run_cli check
t "check without FILE is a usage error" '[ $rc = 2 ]'
run_cli check --frob x.routine
t "check with an unknown option is a usage error" '[ $rc = 2 ]'
run_cli check /nonexistent/x.routine
t "a missing file: one line, exit 1" '[ $rc = 1 ] && [ $(printf "%s\n" "$err" | wc -l) = 1 ] && has "$err" "No such file"'
run_cli check tests/data
t "a directory: one line, exit 1" '[ $rc = 1 ] && [ $(printf "%s\n" "$err" | wc -l) = 1 ] && has "$err" "is a directory"'
if [ "$(id -u)" != 0 ]; then
	cp tests/data/good/minimal.routine "$E2E_TMP/locked.routine"; chmod 000 "$E2E_TMP/locked.routine"
	run_cli check "$E2E_TMP/locked.routine"
	t "an unreadable file: one line, exit 1" '[ $rc = 1 ] && has "$err" "Permission denied"'
fi
mkfifo "$E2E_TMP/fifo.routine"
run_cli check "$E2E_TMP/fifo.routine"
t "a FIFO is refused without hanging" '[ $rc = 1 ] && has "$err" "not a regular file"'

# @include is refused before libconfig could open the file: a FIFO there
# would block any open() for ever
mkfifo "$E2E_TMP/trap"
printf 'version = 1;\n@include "%s"\ntitle = "x";\nsteps = ({ type = "rest"; title = "r"; duration = 5; });\n' \
	"$E2E_TMP/trap" > "$E2E_TMP/include.routine"
out=$(timeout 5 "$UNKNOT" check "$E2E_TMP/include.routine" 2>"$E2E_TMP/stderr") && rc=0 || rc=$?
err=$(cat "$E2E_TMP/stderr")
t "@include is refused without opening the named file" '[ $rc = 1 ] && has "$err" "include.routine:2: error: @include is not allowed"'

# every bad file: exit 1 under --strict, and each expected line printed
nbad=0 missing=""
for f in tests/data/bad/*.routine; do
	run_cli check --strict "$f"
	[ "$rc" = 1 ] || missing="$missing $f(rc=$rc)"
	grep -a '^# expect: ' "$f" | sed 's/^# expect: //' > "$E2E_TMP/want"
	while IFS= read -r want; do
		case $want in
		[0-9]*) hasF "$err" "$f:$want" || missing="$missing $f" ;;
		*) hasF "$err" "$want" || missing="$missing $f" ;;
		esac
	done < "$E2E_TMP/want"
	nbad=$((nbad + 1))
done
t "check --strict fails each of the $nbad bad files with the expected lines" '[ -z "$missing" ]'
[ -z "$missing" ] || echo "       $missing"
run_cli check tests/data/bad/unknown-key.routine
t "warnings alone pass without --strict" '[ $rc = 0 ]'

run_cli safety
t "safety lists both red-flag lists" '[ $rc = 0 ] && has "$out" "Go to emergency care now" && has "$out" "See a doctor"'
t "safety lists every catalogue entry" '[ $(printf "%s\n" "$out" | grep -cE "^  [a-z-]+: ") -ge 11 ]'
t "safety fits 80 columns" '[ $(printf "%s\n" "$out" | awk "length(\$0) > 80" | wc -l) = 0 ]'

finish
