# The plain line mode (--plain, TERM=dumb, stdout not a terminal) and
# `unknot timer`: one complete line per event, answers read as lines.
. tests/e2e/lib.sh
SHORT=$TOP/tests/data/e2e/short.routine
LONG=$TOP/tests/data/e2e/long.routine
HIST=$XDG_STATE_HOME/unknot/history.tsv
mkdir -p "$XDG_CONFIG_HOME/unknot"
printf 'health = { ask_pain = true; };\naudio = { enabled = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"
has() { printf '%s\n' "$1" | grep -q -- "$2"; }
ESC=$(printf '\033')

# --- through a pipe, the first time: the red flags in full, y confirms them ----------
rm -f "$XDG_STATE_HOME/unknot/red-flags-read"
out=$(printf 'y\n4\n2\n' | "$UNKNOT" run "$SHORT" 2>"$E2E_TMP/stderr") && rc=0 || rc=$?
err=$(cat "$E2E_TMP/stderr")
t "through a pipe it runs in plain lines to the end (exit 0)" '[ $rc = 0 ] && has "$out" "^Routine complete: 8 seconds.$"'
t "no escape sequence in the output" '! printf "%s" "$out" | grep -q "$ESC"'
t "the red flags come in full the first time, tier by tier" 'has "$out" "^Emergency: call 999, 112 or 911" && has "$out" "^  - New loss of bowel control.$" && has "$out" "^Urgent: get seen the same day"'
t "the screening is printed, warnings included" 'has "$out" "^Before you start: Short test routine.$" && has "$out" "^Warning: A test warning.$"'
t "its y, read from stdin, also confirms the red flags" 'has "$out" "also says you have read the red flags" && [ -e "$XDG_STATE_HOME/unknot/red-flags-read" ]'
t "every step is a complete line" 'has "$out" "^Step 1 of 2: Ball hold, left side, 2 seconds, rest 1 second between. Lean on the ball and breathe.$" && has "$out" "^Step 2 of 2: Knee to chest, 1 second, 2 times, rest 1 second between.$"'
t "the side switch is a line" 'has "$out" "^Right side, 2 seconds.$"'
t "rests are lines" 'has "$out" "^Rest 1 second, then the right side.$"'
t "the reps are lines" 'has "$out" "^Rep 2 of 2, 1 second.$"'
t "the caution is a line of its own" 'has "$out" "^Caution: Stop if it tingles.$"'
t "pain before and after are read from stdin" 'has "$out" "^Pain: 4 before, 2 after (-2).$"'
t "the pain rules: each line a whole sentence, for a screen reader" 'has "$out" "^Pain during a move: 0-3 of 10 is fine, 4-5 is acceptable, above 5 stop or ease off (less pressure, a smaller range).$" && ! has "$out" "acceptable,$"'
t "the same history record as the full-screen player" 'tail -n 1 "$HIST" | grep -q "	short	completed	8	4	2$"'

# --- the screening not confirmed: nothing starts ---------------------------------
lines=$(wc -l < "$HIST")
out=$(printf 'n\n' | "$UNKNOT" run "$SHORT" 2>&1) && rc=0 || rc=$?
t "any other answer than y goes back without starting" '[ $rc = 0 ] && has "$out" "^Not started.$" && ! has "$out" "^Step 1"'
out=$("$UNKNOT" run "$SHORT" </dev/null 2>&1) && rc=0 || rc=$?
t "no answer at all (end of input) starts nothing either" '[ $rc = 0 ] && has "$out" "^Not started.$"'
t "... and nothing is recorded" '[ "$(wc -l < "$HIST")" = "$lines" ]'
t "the red flags are not repeated once confirmed" '! has "$out" "emergency care now if"'

# --- the pain prompt: 11 is refused, asked again ---------------------------------
out=$(printf 'y\n11\n3\n\n' | "$UNKNOT" run --speed 100 "$SHORT" 2>&1)
t "11 is refused with a line, and asked again" 'has "$out" "\"11\" is not a number from 0 to 10" && has "$out" "^Pain before: 3.$"'
t "a preview says so" 'has "$out" "^PREVIEW at 100 times the speed: not kept in your history.$"'

# --- the reader goes away: the session ends (recorded as stopped), not run on unseen ---
lines=$(wc -l < "$HIST")
printf 'y\n' | timeout 10 "$UNKNOT" run "$LONG" 2>/dev/null | head -6 >/dev/null
sleep 0.2
t "when stdout's reader goes away in a quiet stretch, the session ends at once" '[ "$(wc -l < "$HIST")" = $((lines + 1)) ] && tail -n 1 "$HIST" | grep -q "	long	stopped	[0-9]	"'

# --- a stop condition refuses before anything ------------------------------------
printf 'health = { conditions = ["dvt"]; ask_pain = false; };\naudio = { enabled = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"
out=$(printf 'y\n' | "$UNKNOT" run --plain "$SHORT" 2>"$E2E_TMP/stderr") && rc=0 || rc=$?
t "a declared stop condition refuses in plain mode too (exit 1)" '[ $rc = 1 ] && grep -q "Not starting: you declared" "$E2E_TMP/stderr"'
printf 'health = { ask_pain = false; };\naudio = { enabled = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"

# --- unknot timer -------------------------------------------------------------------
out=$("$UNKNOT" timer 2s --sides --reps 2 --rest 1s --title "Wall sit" </dev/null 2>&1) && rc=0 || rc=$?
t "timer runs one step without a file (exit 0)" '[ $rc = 0 ] && has "$out" "^Step 1 of 1: Wall sit, left side, 2 seconds, 2 times each side, rest 1 second between.$"'
t "timer has no screening" '! has "$out" "Before you start"'
t "timer goes through both sides and its reps" 'has "$out" "^Rep 2 of 2, left side, 2 seconds.$" && has "$out" "^Right side, 2 seconds.$" && has "$out" "^Rep 2 of 2, right side, 2 seconds.$"'
t "timer ends like a routine" 'has "$out" "^Routine complete: 11 seconds.$"'
t "timer is recorded in history as timer" 'tail -n 1 "$HIST" | grep -q "	timer	completed	11	-	-$"'
run_cli timer 0
t "timer 0 is a usage error" '[ $rc = 2 ] && has "$err" "duration must be from 1s to 2h, not 0s"'
run_cli timer 3h
t "timer 3h: its limit as durations, as written (not seconds)" '[ $rc = 2 ] && has "$err" "duration must be from 1s to 2h, not 3h"'
run_cli timer 1m --rest 11m
t "timer --rest 11m: the same for the rest" '[ $rc = 2 ] && has "$err" "rest.*10m"'
run_cli timer 45s --reps 0
t "timer --reps 0 is a usage error" '[ $rc = 2 ] && has "$err" "reps"'
run_cli timer soon
t "timer with a bad duration is a usage error" '[ $rc = 2 ] && has "$err" "timer .soon.: expected a number such as 90, 45s"'

# --- remind in the foreground, in lines (UNKNOT_REMIND_SCALE=20: --every 1m is 3 s) --------
ALWAYS="--hours 00:00-24:00 --days daily"
TUI_TERM=dumb start_tui 100 30 "UNKNOT_REMIND_SCALE=20 $UNKNOT remind --every 1m --snooze 1m $ALWAYS --routine $SHORT"
expect_screen "remind, TERM=dumb: how it is set up, as a line" "unknot: posture breaks every 3s, 00:00-24:00, daily; routine short."
expect_screen "remind, TERM=dumb: when the next break is due" "Next break at"
expect_screen "remind, TERM=dumb: a line when a break is due" "Time for a posture break: Short test routine (8s). s: start it now, z: snooze 3s, k: skip." 8
keys z
expect_screen "remind, TERM=dumb: z snoozes, said in a line" "snoozed"
for _ in $(seq 80); do [ "$(screen | grep -c "^Time for a posture break")" -ge 2 ] && break; sleep 0.1; done
t "remind, TERM=dumb: the break comes back, a line again" '[ "$(screen | grep -c "^Time for a posture break")" -ge 2 ]'
keys s
expect_screen "remind, TERM=dumb: s starts the routine in lines, screening first" "Before you start: Short test routine."
keys y Enter
expect_screen "remind, TERM=dumb: the routine runs in lines" "Step 1 of 2: Ball hold"
expect_screen "remind, TERM=dumb: to its end" "Routine complete: 8 seconds." 20
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do grep -q "	short	reminder-taken	" "$HIST" && break; sleep 0.1; done
t "remind, TERM=dumb: the break is recorded as taken" 'grep -q "	short	reminder-taken	" "$HIST"'
keys q
expect_screen "remind, TERM=dumb: q quits (exit 0)" "[exit 0]"
t "remind, TERM=dumb: no socket left behind" '[ ! -e "$XDG_RUNTIME_DIR/unknot/remind.sock" ]'
stop_tui

# --- TERM=dumb in tmux: lines, and the player's keys without Enter ----------------------
TUI_TERM=dumb start_tui 80 24 "$UNKNOT run $LONG"
expect_screen "TERM=dumb: the screening as lines" "Type y and Enter to start"
t "TERM=dumb: no full screen (the screening scrolled by as lines)" 'screen | grep -q "^Before you start: Long test routine.$"'
keys y Enter
expect_screen "TERM=dumb: the first step as a line" "Step 1 of 3: First long hold, 10 minutes. Hold it."
expect_screen "TERM=dumb: the keys are listed" "Keys: space pause or resume"
keys Space
expect_screen "TERM=dumb: space pauses" "Paused: space resumes."
keys Space
expect_screen "TERM=dumb: space resumes" "Resumed."
keys '?'
expect_screen "TERM=dumb: ? says the pain rules too, as the full screen's help does" "What a session stirs up should settle by the next morning."
keys n
expect_screen "TERM=dumb: n skips to the next step" "Step 2 of 3: Second long stretch, left side"
keys q
expect_screen "TERM=dumb: q asks first" "Stop the routine? y: stop"
keys y
expect_screen "TERM=dumb: y stops" "Routine stopped:"
expect_screen "TERM=dumb: exit 0, the terminal given back" "[exit 0]"
t "TERM=dumb: the stop is recorded" 'tail -n 1 "$HIST" | grep -q "	long	stopped	"'
t "TERM=dumb: the terminal is back in canonical mode with echo" 'grep -q " icanon" "$E2E_TMP/stty.after" && grep -q " echo " "$E2E_TMP/stty.after"'
stop_tui

# --- a crash while the plain player has the keys raw gives the terminal back ------------
start_tui 80 24 "sh -c 'stty -a > $E2E_TMP/stty.b; TERM=dumb $UNKNOT run $LONG; echo \"[status \$?]\"; stty -a > $E2E_TMP/stty.a'"
expect_screen "crash: screening" "Type y and Enter to start"
keys y Enter
expect_screen "crash: the player runs with keys" "Keys: space pause or resume"
kill -SEGV "$(tui_pid)"
expect_screen "crash: it dies of SIGSEGV (status 139)" "[status 139]"
expect_screen "crash: and says the terminal was put back" "unknot: crashed; the terminal was put back"
wait_for "[exit 0]" 5
t "crash: stty is as before (canonical, echo)" 'diff "$E2E_TMP/stty.b" "$E2E_TMP/stty.a" >/dev/null'
stop_tui

# --- the home screen where a full screen cannot be shown: a refusal that says what to use ----
lines=$(cat "$HIST" 2>/dev/null | wc -l)
TUI_TERM=dumb start_tui 200 24 "$UNKNOT"
expect_screen "home, TERM=dumb: refused (exit 1), nothing drawn" "[exit 1]"
expect_screen "home, TERM=dumb: it says why, in a line of its own" "unknot: the home screen needs a full-screen terminal, and TERM=dumb cannot show one."
expect_screen "home, TERM=dumb: and what to use instead" "unknot: instead, \`unknot list\` lists the routines and \`unknot run ROUTINE\` follows one in plain lines."
t "home, TERM=dumb: no key line of the home screen is left behind" '! screen | grep -q "Enter start"'
keys Enter y Enter
sleep 0.3
t "home, TERM=dumb: keys typed blind start nothing, nothing is recorded" '[ "$(cat "$HIST" 2>/dev/null | wc -l)" = "$lines" ]'
stop_tui
# a terminal type that cannot place the cursor (built here with tic): the same
if command -v tic >/dev/null 2>&1; then
	mkdir -p "$E2E_TMP/terminfo"
	printf 'nocup|no cursor addressing,\n\tam, cols#80, bel=^G, cr=\\r, cud1=\\n, ind=\\n,\n' > "$E2E_TMP/nocup.src"
	tic -o "$E2E_TMP/terminfo" "$E2E_TMP/nocup.src"
	TUI_TERM=nocup start_tui 200 24 "TERMINFO=$E2E_TMP/terminfo $UNKNOT"
	expect_screen "home, a type without cursor addressing: refused, and why" "and this terminal type cannot place the cursor."
	keys "TERMINFO=$E2E_TMP/terminfo $UNKNOT run $SHORT" Enter
	expect_screen "run there takes plain lines" "Type y and Enter to start"
	keys q Enter
	expect_screen "... and goes back in a line" "Not started."
	stop_tui
fi
out=$("$UNKNOT" 2>&1 </dev/null | cat)
t "home, stdout not a terminal: the same refusal, with its own reason" 'has "$out" "^unknot: the home screen needs a full-screen terminal, and standard output is not a terminal.$" && has "$out" "^unknot: instead, .unknot list. lists the routines and .unknot run ROUTINE. follows one in plain lines.$"'

# --- Ctrl-C says what became of the session; going back at any question says so ----------
printf 'health = { ask_pain = false; };\naudio = { enabled = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"
TUI_TERM=dumb start_tui 200 24 "$UNKNOT run $LONG"
expect_screen "Ctrl-C: screening" "Type y and Enter to start"
keys y Enter
expect_screen "Ctrl-C: the player runs" "Step 1 of 3: First long hold"
keys C-c
expect_screen "Ctrl-C: a line says the routine stopped and is kept as stopped" "Routine stopped by Ctrl-C: kept in your history as stopped."
expect_screen "Ctrl-C: exit 130" "[exit 130]"
stop_tui
TUI_TERM=dumb start_tui 200 24 "$UNKNOT run $LONG"
expect_screen "Ctrl-C at the screening" "Type y and Enter to start"
keys C-c
expect_screen "Ctrl-C at a question: Not started., on a line of its own" "Not started."
t "... not after the ^C the terminal echoed" 'screen | grep -q "^Not started.$"'
stop_tui
printf 'health = { ask_pain = true; };\naudio = { enabled = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"
printf 'y\n2\n6\n' | "$UNKNOT" run "$SHORT" >/dev/null 2>&1
lines=$(wc -l < "$HIST")
out=$(printf 'y\nq\n' | "$UNKNOT" run "$SHORT" 2>&1) && rc=0 || rc=$?
t "pain went up earlier today: the question comes, q goes back and says so" 'has "$out" "Type y: start anyway, q: back." && has "$out" "^Not started.$" && [ $rc = 0 ] && [ "$(wc -l < "$HIST")" = "$lines" ]'
printf 'health = { ask_pain = false; };\naudio = { enabled = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"

finish
