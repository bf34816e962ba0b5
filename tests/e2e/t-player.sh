# The player as a person sees it, in tmux.
. tests/e2e/lib.sh
SHORT=$TOP/tests/data/e2e/short.routine
LONG=$TOP/tests/data/e2e/long.routine
mkdir -p "$XDG_CONFIG_HOME/unknot"
printf 'health = { ask_pain = true; };\n' > "$XDG_CONFIG_HOME/unknot/config"
HIST=$XDG_STATE_HOME/unknot/history.tsv

# --- a full routine at real speed, following the screens in order ---------
start_tui 80 24 "$UNKNOT run $SHORT"
expect_screen "without a health profile the screening asks about the routine's conditions" "Does any of these apply to you?"
t "... in a few words each" 'screen | grep -q "Not with: a blood clot (DVT)"'
expect_screen "screening shows the routine's warnings" "Warning: A test warning."
keys y
expect_screen "the pain check-in comes before the start" "Pain right now (0-10, Enter to skip)"
keys 4 Enter
expect_screen "the player shows the step and Step i/N" "Step 1/2"
expect_screen "it counts down the get-ready time" "Get ready: left side first"
expect_screen "the left side comes first" "Left side" 5
expect_screen "the caution is shown while the step runs" "Caution: Stop if it tingles."
expect_screen "then a rest" "Rest, then the right side" 5
expect_screen "then the right side" "Right side" 5
expect_screen "the next step with its reps" "Rep 1/2" 8
expect_screen "the last rep" "Rep 2/2" 5
expect_screen "the pain check-in comes after the end" "how is it now?" 8
keys 2 Enter
expect_screen "the end screen says Routine complete" "Routine complete"
expect_screen "with the change in pain" "Pain: 4 before, 2 after (-2)"
keys x
expect_screen "it exits 0" "[exit 0]"
t "a completed line goes into the history" 'tail -n 1 "$HIST" | grep -Eq "^20[0-9-]+T[0-9:]+[+-][0-9]{2}:[0-9]{2}	short	completed	8	4	2$"'
t "the history file is private (0600)" '[ "$(stat -c %a "$HIST")" = 600 ]'
stop_tui

# --- the pain prompt: 11 is refused, what is typed is kept, q goes back ----------
lines=$(wc -l < "$HIST")
start_tui 80 24 "$UNKNOT run $SHORT"
expect_screen "screening" "Before you start"; keys y
expect_screen "pain before" "Pain right now"
keys 1 1 Enter
expect_screen "11 is refused visibly" "11 is more than 10"
t "... and kept on screen, not cut to 1" 'screen | grep -q "\[ 11 \]"'
t "the cursor sits in the field, for screen readers" '[ "$(tm display -p -t t "#{cursor_y}")" = "$(screen | grep -n "\[ 11 \]" | cut -d: -f1 | awk "{ print \$1 - 1 }")" ]'
keys Escape
sleep 0.3
t "Esc with something typed clears it, and stays" 'screen | grep -q "\[    \]" && screen | grep -q "Pain right now"'
keys q
expect_screen "q on an empty field before the start goes back without starting" "[exit 0]"
t "nothing started, nothing recorded" '[ "$(wc -l < "$HIST")" = "$lines" ] && ! screen | grep -q "Step 1/"'
stop_tui

# --- at --speed: a preview, not recorded ------------------------------------
lines=$(wc -l < "$HIST")
start_tui 80 24 "$UNKNOT run --speed 20 $SHORT"
expect_screen "screening again" "Before you start"
keys y; expect_screen "pain" "Pain right now"; keys Enter
expect_screen "a preview says so on screen" "PREVIEW ×20"
expect_screen "at --speed 20 the routine is over in well under a second of work" "how is it now?" 5
keys Enter
expect_screen "the end screen calls it a preview" "A preview at another speed"
keys x; expect_screen "exit 0" "[exit 0]"
t "a preview is not recorded" '[ "$(wc -l < "$HIST")" = "$lines" ]'
stop_tui

# --- pause and resume; next and previous; quit with confirmation -----------
printf 'health = { ask_pain = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"
start_tui 80 24 "$UNKNOT run $LONG"
expect_screen "screening" "Before you start"; keys y
expect_screen "the long routine runs" "First long hold"
keys Space
expect_screen "space pauses and the screen says PAUSED" "PAUSED"
a=$(screen | grep -m1 '^Step ' | grep -o '[0-9]*:[0-9]* /' ); sleep 2.2
b=$(screen | grep -m1 '^Step ' | grep -o '[0-9]*:[0-9]* /' )
t "the clock stands still while paused" '[ "$a" = "$b" ]'
keys Space
if wait_for "space resume" 1; then bad "space resumes"; else ok "space resumes"; fi
keys n
expect_screen "n skips to the next step" "Second long stretch"
expect_screen "... which starts on the left side" "Left side"
keys Right
expect_screen "Right arrow skips again" "Third posture"
keys p
expect_screen "p right after a skip goes to the previous step" "Second long stretch"
sleep 3.2
keys Left
if wait_for "Second long stretch" 2 && ! screen | grep -q "First long hold"; then ok "Left later in a step restarts it"; else bad "Left later in a step restarts it" "$(screen)"; fi
secs() { echo "$1" | awk -F'[: /]+' '{ print $1 * 60 + $2 }'; }
a=$(screen | grep -m1 '^Step ' | grep -o '[0-9]*:[0-9]* /' )
keys '?'
expect_screen "? shows the help" "Player keys"
sleep 2.5
keys x
sleep 0.3
t "any key closes the help" '! screen | grep -q "Player keys"'
b=$(screen | grep -m1 '^Step ' | grep -o '[0-9]*:[0-9]* /' )
t "the clock stood still while the help was open ($a, then $b)" '[ -n "$a" ] && [ -n "$b" ] && [ $(( $(secs "$b") - $(secs "$a") )) -le 1 ]'
sleep 1.2
c=$(screen | grep -m1 '^Step ' | grep -o '[0-9]*:[0-9]* /' )
t "and it goes on once the help is closed ($b, then $c)" '[ "$b" != "$c" ]'
keys q
expect_screen "q asks before stopping" "Stop the routine? y: stop"
keys n
sleep 0.3
t "any other key goes on" '! screen | grep -q "Stop the routine?"'
keys n
expect_screen "n goes on to the last step" "Third posture"
sleep 0.2
t "the cursor sits on the step title for screen readers" '[ "$(tm display -p -t t "#{cursor_y}")" = 1 ]'
keys n
expect_screen "n on the last step asks first" "Finish the routine now?"
keys x
sleep 0.3
t "any other key goes on with the last step" '! screen | grep -q "Finish the routine" && screen | grep -q "Third posture"'
keys q; expect_screen "q asks again" "Stop the routine?"; keys y
expect_screen "y stops: the end screen says so" "Routine stopped"
keys x
expect_screen "and it exits 0" "[exit 0]"
t "a stopped line goes into the history" 'tail -n 1 "$HIST" | grep -q "	long	stopped	[0-9]*	-	-$"'
stop_tui

# --- n through every step: the end reached, but recorded as partial ------------
start_tui 80 24 "$UNKNOT run $LONG"
expect_screen "screening" "Before you start"; keys y
expect_screen "running" "First long hold"
keys n; expect_screen "n" "Second long stretch"
keys n; expect_screen "n again" "Third posture"
keys n; expect_screen "n on the last step asks" "Finish the routine now?"
keys y
expect_screen "y finishes: the end screen says it ended early" "Routine ended early"
expect_screen "... and that it is kept as partial" "kept as partial, not as complete"
keys x; expect_screen "exit 0" "[exit 0]"
t "skipping to the end is recorded as partial, not completed" 'tail -n 1 "$HIST" | grep -q "	long	partial	[0-9]	-	-$"'
stop_tui

# --- unknot timer in the full-screen player ----------------------------------------
start_tui 80 24 "$UNKNOT timer 3s --sides --title 'Wall sit'"
# (the typed command line shows "Wall sit" too: wait for the player's own "Step 1/1")
expect_screen "timer: no screening, straight to the player" "Step 1/1"
t "timer: one step, sides, its title" 'screen | grep -v "unknot timer" | grep -q "Wall sit" && ! screen | grep -q "Before you start"'
expect_screen "timer: the left side" "Left side" 10
expect_screen "timer: then the right side" "Right side" 8
expect_screen "timer: the end screen" "Routine complete" 8
keys x; expect_screen "timer: exit 0" "[exit 0]"
t "timer: recorded as timer" 'tail -n 1 "$HIST" | grep -q "	timer	completed	6	-	-$"'
stop_tui

# --- resize mid-step: too small, then back ----------------------------------
start_tui 80 24 "$UNKNOT run $LONG"
expect_screen "screening" "Before you start"; keys y
expect_screen "running" "First long hold"
a=$(screen | grep -m1 '^Step ' | grep -o '[0-9]*:[0-9]* /' )
tm resize-window -t t -x 30 -y 8
expect_screen "at 30x8 a notice asks for a larger window" "Window too small"
for size in "20 8" "20 5" "12 3"; do
	tm resize-window -t t -x "${size% *}" -y "${size#* }"
	sleep 0.3
	t "at ${size% *}x${size#* } the notice is whole, in whole words" 'screen | tr -s " \n" "  " | grep -q "Window too small: at least 40x12."'
done
sleep 2.2
tm resize-window -t t -x 40 -y 12
expect_screen "at 40x12 the player is back" "First long hold"
b=$(screen | grep -m1 '^Step ' | grep -o '[0-9]*:[0-9]* /' )
t "the clock stood still while the window was too small ($a, $b)" '[ -n "$a" ] && [ "$a" = "$b" ]'
expect_screen "at 40x12 the key line fits" "space pause"
t "at 40x12 Next: still fits" 'screen | grep -q "^Next: Second long"'
tm resize-window -t t -x 120 -y 40
expect_screen "at 120x40 it grows back" "First long hold"
t "the process survived every size" '[ -n "$(tui_pid)" ]'
keys q y; expect_screen "stops" "Routine stopped"; keys x; expect_screen "exit 0" "[exit 0]"
stop_tui

# --- the smallest window keeps the start of the step's how ----------------------
start_tui 40 12 "$UNKNOT run $TOP/tests/data/e2e/wordy.routine"
expect_screen "wordy: screening" "Before you start"; keys y
expect_screen "wordy: running at 40x12" "Wordy hold"
t "at 40x12 the caution is there" 'screen | grep -q "^Caution: Stop at once"'
t "at 40x12 the start of the how text keeps a line below it" 'screen | grep -q "^Sit tall on a firm chair"'
keys q y; expect_screen "wordy: stops" "Routine stopped"; keys x; expect_screen "wordy: exit 0" "[exit 0]"
stop_tui

# --- Ctrl-Z and fg: the clock stops while suspended --------------------------
start_tui 80 24 "$UNKNOT run $LONG"
expect_screen "screening" "Before you start"; keys y
expect_screen "running" "First long hold"
sleep 1.1
a=$(screen | grep -m1 '^Step ' | grep -o '[0-9]*:[0-9]* /')
keys C-z
expect_screen "Ctrl-Z gives the shell back" "Stopped"
sleep 3
keys "fg" Enter
expect_screen "fg brings the player back" "First long hold"
sleep 0.3
b=$(screen | grep -m1 '^Step ' | grep -o '[0-9]*:[0-9]* /')
t "the 3 s suspended did not count ($a then $b)" '[ -n "$a" ] && [ -n "$b" ] && [ $(( $(secs "$b") - $(secs "$a") )) -le 1 ]'
keys q y; expect_screen "stops" "Routine stopped"; keys x; expect_screen "exit 0" "[exit 0]"
stop_tui

# --- SIGTERM, SIGHUP and SIGINT leave the terminal sane ---------------------
for pair in TERM:15 HUP:1 INT:2; do
	sig=${pair%:*} code=$((128 + ${pair#*:}))
	rm -f "$E2E_TMP/stty.a"
	# a plain sh around it: interactive bash would restore the tty itself
	start_tui 80 24 "sh -c 'stty -a > $E2E_TMP/stty.b; $UNKNOT run $LONG; echo \"[status \$?]\"; stty -a > $E2E_TMP/stty.a'"
	expect_screen "SIG$sig: screening" "Before you start"; keys y
	expect_screen "SIG$sig: running" "First long hold"
	kill -$sig "$(tui_pid)"
	expect_screen "SIG$sig ends it with status $code" "[status $code]"
	wait_for "[exit 0]" 5
	t "after SIG$sig stty is as before" 'diff "$E2E_TMP/stty.b" "$E2E_TMP/stty.a" >/dev/null'
	t "after SIG$sig the stop is recorded" 'tail -n 1 "$HIST" | grep -q "	long	stopped	"'
	stop_tui
done

# --- a stop condition the user declared refuses the start ---------------------
printf 'health = { conditions = ["dvt"]; ask_pain = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"
run_cli run "$SHORT"
t "a declared stop condition refuses the start (exit 1)" '[ $rc = 1 ]'
t "... saying why" 'printf "%s" "$err" | grep -q "short: Not starting: you declared .Deep vein thrombosis"'
printf 'health = { conditions = ["pregnancy"]; ask_pain = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"
start_tui 80 24 "$UNKNOT run $SHORT"
expect_screen "a declared caution condition concerning no step of it is advice on the screening" "Care: Pregnancy."
t "... and the start is allowed" 'screen | grep -q "y start"'
keys q
expect_screen "q on the screening goes back and exits" "[exit 0]"
stop_tui
printf 'health = { conditions = ["dvtt"]; };\n' > "$XDG_CONFIG_HOME/unknot/config"
run_cli run --speed 1000 "$SHORT" </dev/null
t "an unknown condition in the config is warned about" 'printf "%s" "$err" | grep -q "unknown condition .dvtt. (did you mean .dvt.?)"'
printf 'health = { conditions = "dvt"; };\n' > "$XDG_CONFIG_HOME/unknot/config"
run_cli run "$SHORT"
t "a broken config refuses to run, with FILE:LINE" '[ $rc = 1 ] && printf "%s" "$err" | grep -q "config:1: error: health: .conditions. must be a list"'
rm -f "$XDG_CONFIG_HOME/unknot/config"

# --- texts that try escape sequences never reach the terminal ----------------
run_cli run "$TOP/tests/data/e2e/escapes.routine"
t "a routine with escape sequences is refused before the terminal is touched" '[ $rc = 1 ] && printf "%s" "$err" | grep -q "control character"'
t "... and nothing of it reached stdout" '[ -z "$out" ]'

# --- usage -----------------------------------------------------------------
run_cli run
t "run without ROUTINE is a usage error" '[ $rc = 2 ]'
run_cli run --speed 0 "$SHORT"
t "--speed out of range is a usage error" '[ $rc = 2 ] && printf "%s" "$err" | grep -q "0.1 to 1000"'
run_cli run "$SHORT" </dev/null
t "run with stdout not a terminal takes the plain mode (t-plain.sh): no answer, not started" '[ $rc = 0 ] && printf "%s" "$out" | grep -q "^Not started.$"'
out=$("$UNKNOT" </dev/null 2>&1) && rc=0 || rc=$?
t "the home screen without a terminal says so (exit 1)" '[ $rc = 1 ] && printf "%s" "$out" | grep -q "needs a full-screen terminal"'

finish
