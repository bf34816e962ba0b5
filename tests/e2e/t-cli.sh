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
t "list shows every bundled routine" '[ $(printf "%s\n" "$out" | grep -c " bundled$") -ge 14 ]'
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
run_cli run lowerback
t "run of a misspelt id suggests the closest (as health does for conditions)" '[ $rc = 1 ] && has "$err" "no routine called .lowerback.: did you mean lower-back?"'
run_cli show desk
t "... and an id's start names the one it begins" '[ $rc = 1 ] && has "$err" "did you mean desk-reset?"'
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

# XDG_DATA_DIRS: routines in each folder's unknot/routines, the first named
# winning; the user's folders win over them
mkdir -p "$E2E_TMP/sys1/unknot/routines" "$E2E_TMP/sys2/unknot/routines"
sed 's/title = "Desk reset";/title = "Site desk reset";/' routines/desk-reset.routine > "$E2E_TMP/sys2/unknot/routines/site-reset.routine"
sed 's/title = "Desk reset";/title = "First site reset";/' routines/desk-reset.routine > "$E2E_TMP/sys1/unknot/routines/site-reset.routine"
sed 's/title = "Desk reset";/title = "Only in sys2";/' routines/desk-reset.routine > "$E2E_TMP/sys2/unknot/routines/only2.routine"
XDG_DATA_DIRS=relative:$E2E_TMP/sys1:$E2E_TMP/sys2/ run_cli list
t "list reads routines from XDG_DATA_DIRS, the first folder winning" \
	'[ $rc = 0 ] && has "$out" "^site-reset  *First site reset .* system$" && has "$out" "^only2  *Only in sys2 .* system$"'
mkdir -p "$XDG_DATA_HOME/unknot/routines"
cp "$E2E_TMP/sys2/unknot/routines/only2.routine" "$XDG_DATA_HOME/unknot/routines/"
XDG_DATA_DIRS=$E2E_TMP/sys1:$E2E_TMP/sys2 run_cli show only2
t "XDG_DATA_HOME wins over XDG_DATA_DIRS" 'has "$out" "^only2 (data: .*" && has "$out" "^overrides .*sys2/unknot/routines/only2.routine"'
# installed: DATADIR is /usr/local/share/unknot, and /usr/local/share is in XDG_DATA_DIRS
mkdir -p "$E2E_TMP/inst/unknot" && ln -s "$TOP/routines" "$E2E_TMP/inst/unknot/routines"
XDG_DATA_DIRS=$E2E_TMP/inst:$E2E_TMP/sys1 UNKNOT_DATA_DIR=$E2E_TMP/inst/unknot run_cli list
t "the bundled folder named in XDG_DATA_DIRS is read once, as bundled" \
	'[ $rc = 0 ] && has "$out" "^desk-reset .* bundled$" && ! has "$out" "desk-reset .* system$"'
rm -rf "$XDG_DATA_HOME/unknot/routines"

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
t "safety lists the red flags in three tiers, each saying what to do" '[ $rc = 0 ] && has "$out" "^Emergency: call 999, 112 or 911" && has "$out" "^Urgent: get seen the same day" && has "$out" "^See a doctor or physiotherapist"'
t "safety lists every catalogue entry" '[ $(printf "%s\n" "$out" | grep -cE "^  [a-z-]+: ") -ge 21 ]'
t "safety fits 80 columns" '[ $(printf "%s\n" "$out" | awk "length(\$0) > 80" | wc -l) = 0 ]'

# --- the command table: getopt_long, per-command usage, help ----------------------------
run_cli help run
t "help CMD prints that command's usage" '[ $rc = 0 ] && has "$out" "^usage: unknot run ROUTINE \[--speed X\] \[--mute\]" && has "$out" "^  --mute"'
run_cli run --help
t "CMD --help prints the same" '[ $rc = 0 ] && has "$out" "^usage: unknot run ROUTINE" && ! has "$out" "unknot list"'
run_cli remind snooze --help
t "a subcommand has its own usage" '[ $rc = 0 ] && has "$out" "^usage: unknot remind snooze \[D\]"'
run_cli help nothing
t "help of an unknown command is a usage error" '[ $rc = 2 ] && has "$err" "no command called .nothing."'
run_cli -h
t "-h is --help" '[ $rc = 0 ] && has "$out" "^usage: unknot"'
run_cli -V
t "-V is --version, and names the licence" '[ $rc = 0 ] && has "$out" "^unknot [0-9]" && has "$out" "MIT"'
run_cli run --speed=0 desk-reset
t "--opt=value is checked like --opt value" '[ $rc = 2 ] && has "$err" "0.1 to 1000" && has "$err" "unknot help run"'
run_cli run --speed abc desk-reset
t "a value that is not a number is a usage error" '[ $rc = 2 ] && has "$err" "--speed .abc."'
run_cli run --spee 2 </dev/null  # --spe: --speed or --speak
t "a unique abbreviation of an option works" '[ $rc = 2 ] && has "$err" "run needs ROUTINE"'
run_cli run -- desk-reset </dev/null
t "-- ends the options" '[ $rc = 0 ] && has "$out" "^Before you start: Desk reset"'
run_cli run desk-reset lower-back
t "an extra argument is named" '[ $rc = 2 ] && has "$err" "lower-back. is one too many"'
run_cli run --speed
t "an option without its value is a usage error" '[ $rc = 2 ] && has "$err" "--speed needs a value"'
run_cli list --frob
t "an unknown option names the command" '[ $rc = 2 ] && has "$err" "^unknot: list: unknown option .--frob."'
run_cli --bogus
t "the home's unknown option names the program once" '[ $rc = 2 ] && hasF "$err" "unknot: unknown option '"'"'--bogus'"'"'" && ! has "$err" "unknot: unknot:"'
run_cli -x
t "... and a short one" '[ $rc = 2 ] && has "$err" "^unknot: unknown option .-x.$"'
run_cli --help=foo
t "--help=foo: --help takes no value (was: unknown option -h)" '[ $rc = 2 ] && hasF "$err" "unknot: option '"'"'--help'"'"' takes no value ('"'"'--help=foo'"'"')"'
run_cli run --mu=yes desk-reset
t "an abbreviation given a value it does not take is named in full" '[ $rc = 2 ] && hasF "$err" "unknot: run: option '"'"'--mute'"'"' takes no value ('"'"'--mu=yes'"'"')"'
run_cli run --s 10 desk-reset
t "an ambiguous abbreviation says which options it could be" '[ $rc = 2 ] && hasF "$err" "unknot: run: option '"'"'--s'"'"' is ambiguous: --speed or --speak?"'
run_cli run --sp=10 desk-reset
t "... also with =VALUE" '[ $rc = 2 ] && hasF "$err" "unknot: run: option '"'"'--sp'"'"' is ambiguous: --speed or --speak?"'
run_cli new --from=desk-reset
t "--from=ROUTINE is read" '[ $rc = 2 ] && has "$err" "new needs NAME"'
run_cli remind --every=0 --daemon
t "--every=D is checked" '[ $rc = 2 ] && has "$err" "--every .0."'
run_cli history --since=2026-13-01
t "--since=DATE is checked" '[ $rc = 2 ] && has "$err" "--since .2026-13-01."'
run_cli _table
t "the command table names every command and option" 'has "$out" "^run	--speed$" && has "$out" "^remind	--daemon$" && has "$out" "^check$"'

# --- check takes ids and standard input --------------------------------------------------
run_cli check desk-reset
t "check takes a routine id" '[ $rc = 0 ] && has "$out" "routines/desk-reset.routine: ok, 5 steps"'
run_cli check no-such-thing
t "check of an unknown id or file says both" '[ $rc = 1 ] && has "$err" "no-such-thing: error: no such file, and no routine with that id"'
out=$("$UNKNOT" check - < routines/desk-reset.routine 2>"$E2E_TMP/stderr") && rc=0 || rc=$?
t "check - reads standard input" '[ $rc = 0 ] && has "$out" "^<stdin>: ok, 5 steps"'
out=$(printf 'version = 1;\ntitle = "x";\nsteps = ( { type = "stretch"; title = "a"; duration = "x"; } );\n' | "$UNKNOT" check - 2>"$E2E_TMP/stderr") && rc=0 || rc=$?
err=$(cat "$E2E_TMP/stderr")
t "check - names <stdin> in its diagnostics" '[ $rc = 1 ] && has "$err" "^<stdin>:3: error:"'

finish
