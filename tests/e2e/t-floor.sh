# Getting down to the floor and up from it (trial-a #2 and #3): every step
# that changes between the floor and a chair or standing gets 20 s and says
# so, on the screen, in the plain mode; and an adapted routine never tells
# someone to get up from a floor they were never on.
. tests/e2e/lib.sh
mkdir -p "$XDG_CONFIG_HOME/unknot"
printf 'health = { ask_pain = false; };\naudio = { enabled = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"
has() { printf '%s\n' "$1" | grep -q -- "$2"; }
hasF() { printf '%s\n' "$1" | grep -qF -- "$2"; }
# the lines of step N: its move ("Now get ...", said just before it), then
# from "Step N of" up to the next step
step_of() {
	printf '%s\n' "$1" | awk -v n="$2" '
		index($0, "Now get ") == 1 { pend = $0; next }
		$0 ~ "^Step " n " of " { on = 1; if (pend != "") print pend }
		$0 ~ "^Step " (n + 1) " of " { on = 0 }
		on { print }
		{ pend = "" }'
}

# --- lower-back: floor, chair, floor again, then up ------------------------------------
out=$(printf 'y\n' | "$UNKNOT" run --plain --speed 100 lower-back 2>"$E2E_TMP/stderr") && rc=0 || rc=$?
s1=$(step_of "$out" 1) s3=$(step_of "$out" 3) s4=$(step_of "$out" 4) s5=$(step_of "$out" 5) s8=$(step_of "$out" 8)
t "the move is said before the step's title, as unknot-routine(5) says" 'printf "%s\n" "$out" | grep -B1 "^Step 4 of " | head -1 | grep -q "^Now get down onto the floor"'
t "the first floor step: time to get down, and it says so" 'hasF "$s1" "Now get down onto the floor" && has "$s1" "^Get ready: 20 seconds.$"'
t "off the floor to the chair: time to get up, and how" 'hasF "$s3" "Now get up from the floor: roll onto your side first" && has "$s3" "^Get ready: 20 seconds.$"'
t "from the chair back down to the floor: 20 s again, said (was 5 s, nothing said)" 'hasF "$s4" "Now get down onto the floor" && has "$s4" "^Get ready: 20 seconds.$"'
t "a floor step after a floor step: no move, no extra time" '! hasF "$s5" "get down" && has "$s5" "^Get ready: 5 seconds.$"'
t "the end: up from the floor for a short walk, no 'Getting up' step" 'hasF "$s8" "Now get up from the floor" && has "$s8" "A short walk" && ! has "$out" "Getting up"'

run_cli show lower-back
t "show says it too, before the step's How" 'printf "%s\n" "$out" | grep -A3 "^ 4\. Knee to chest" | grep -q "Now get down onto the floor"'

# --- the full-screen player shows it while getting ready --------------------------------
start_tui 80 24 "$UNKNOT run lower-back"
expect_screen "screening" "Before you start"; keys y
expect_screen "the player shows how to get down while getting ready" "Now get down onto the floor"
t "... with 20 s for it" 'screen | grep -q "Get ready"'
keys q y
stop_tui

# --- adapted: nobody gets up from a floor they were never on ----------------------------
"$UNKNOT" health add pregnancy osteoporosis >/dev/null
run_cli show upper-back
t "upper-back for pregnancy and osteoporosis: no getting up from the floor" '[ $rc = 0 ] && ! has "$out" "Getting up" && ! hasF "$out" "Roll onto your side"'
out=$(printf 'y\n' | "$UNKNOT" run --plain --speed 100 upper-back 2>"$E2E_TMP/stderr") && rc=0 || rc=$?
s1=$(step_of "$out" 1)
t "... its first step, at a wall, is not given the time to lie down" 'has "$s1" "^Step 1 of .*Upper-back stretch at a wall" && has "$s1" "^Get ready: 5 seconds.$"'
t "... and nothing says to get down or up" '! hasF "$out" "get down onto the floor" && ! hasF "$out" "get up from the floor"'
out=$(printf 'y\n' | "$UNKNOT" run --plain --speed 100 press-ups 2>"$E2E_TMP/stderr") && rc=0 || rc=$?
t "press-ups for pregnancy: the standing step says nothing of getting up" 'has "$out" "^Step 1 of 1: Standing back bend" && ! hasF "$out" "Get up" && ! hasF "$out" "get up from the floor" && has "$out" "^Get ready: 5 seconds.$"'
"$UNKNOT" health remove pregnancy osteoporosis >/dev/null
out=$(printf 'y\n' | "$UNKNOT" run --plain --speed 100 press-ups 2>"$E2E_TMP/stderr") && rc=0 || rc=$?
s4=$(step_of "$out" 4)
t "press-ups as written: the standing step starts by getting up from the floor, with time for it" 'hasF "$s4" "Now get up from the floor" && has "$s4" "^Get ready: 20 seconds.$"'

finish
