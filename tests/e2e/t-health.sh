# The health profile and what it changes: `unknot health`, the adapted plan
# in show, list, the screening and the player, the profile screen, and the
# pain rules around a session.
. tests/e2e/lib.sh
ADAPT=$TOP/tests/data/e2e/adapt.routine
PROFILE=$XDG_CONFIG_HOME/unknot/health
mkdir -p "$XDG_CONFIG_HOME/unknot"
printf 'health = { ask_pain = false; };\naudio = { enabled = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"
has() { printf '%s\n' "$1" | grep -q -- "$2"; }
hasF() { printf '%s\n' "$1" | grep -qF -- "$2"; }

# --- unknot health ----------------------------------------------------------------
run_cli health
t "without a profile, health says so and how to declare" '[ $rc = 0 ] && has "$out" "No health profile yet" && has "$out" "unknot health add ID"'
run_cli health add osteoporsis
t "a misspelt id is refused with a suggestion (exit 1)" '[ $rc = 1 ] && hasF "$err" "unknown condition '"'"'osteoporsis'"'"' (did you mean '"'"'osteoporosis'"'"'?)"'
t "... and nothing is written" '[ ! -e "$PROFILE" ]'
run_cli health add pregnancy no-such-thing
t "one bad id among good ones changes nothing" '[ $rc = 1 ] && [ ! -e "$PROFILE" ]'
run_cli health add "$(printf 'x\033]0;pwned\007')"
t "an id that is not one is never echoed" '[ $rc = 1 ] && ! printf "%s" "$err" | grep -q pwned'
run_cli health add pregnancy anticoagulants
t "health add declares conditions" '[ $rc = 0 ] && has "$out" "declared pregnancy: Pregnancy"'
t "... in a private file of its own" '[ -f "$PROFILE" ] && [ "$(stat -c %a "$PROFILE")" = 600 ]'
t "... with no temporary file left" '[ -z "$(ls -A "$XDG_CONFIG_HOME/unknot" | grep "^\.")" ]'
run_cli health
t "health lists them with their titles" 'has "$out" "^  pregnancy: Pregnancy" && has "$out" "^  anticoagulants: Blood thinners"'
run_cli health remove dvt
t "removing what was not declared says so" '[ $rc = 0 ] && has "$out" "dvt was not declared"'
run_cli health frobnicate x
t "an unknown subcommand is a usage error" '[ $rc = 2 ]'
t "... that says so and names the subcommands (was: takes no arguments)" 'hasF "$err" "unknot: health: unknown subcommand '"'"'frobnicate'"'"' (add, remove)"'
run_cli remind frobnicate
t "remind says the same of an unknown request" '[ $rc = 2 ] && hasF "$err" "unknot: remind: unknown subcommand '"'"'frobnicate'"'"' (status, snooze, skip, pause, resume, stop)"'
run_cli health add
t "add without an id is a usage error" '[ $rc = 2 ]'
printf 'health = { conditions = ["varicose-veins"]; ask_pain = false; };\naudio = { enabled = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"
run_cli health
t "health.conditions in the config count too" 'has "$out" "From your config" && has "$out" "varicose-veins: Varicose veins"'
run_cli health remove varicose-veins
t "... and are changed in the config, not here (exit 1)" '[ $rc = 1 ] && has "$err" "varicose-veins is declared in .*config (health.conditions): remove it there"'
printf 'health = { ask_pain = false; };\naudio = { enabled = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"

# --- the adapted plan: show and list ------------------------------------------------
run_cli show "$ADAPT"
t "show says what is replaced and why" 'hasF "$out" "Replaced: Knee to chest → Side-lying knee hug (pregnancy)"'
t "show says what is left out and why" 'hasF "$out" "Left out: Prone press-up (pregnancy)"'
t "show says which steps carry a declared caution" 'hasF "$out" "Care: Blood thinners or a bleeding disorder. Its advice is shown"'
t "show lists the steps as they will run" 'has "$out" "^ 2. Side-lying knee hug (stretch) 0:03" && ! has "$out" "Prone press-up (stretch)"'
t "a replacement says what it stands in for" 'hasF "$out" "Instead of \"Knee to chest\", for pregnancy"'
t "a step carries the advice of a declared caution" 'has "$out" "With blood thinners: You bruise and bleed"'
t "the total is the adapted one" 'has "$out" "^Total 0:05 in 2 steps"'
run_cli show --json "$ADAPT"
t "show --json says the same: adaptations, replacements, advice, the adapted total" 'printf "%s" "$out" | python3 -c "
import json, sys
d = json.load(sys.stdin)
assert d[\"for_you\"] == \"adapted for you\", d[\"for_you\"]
assert d[\"adaptations\"] == [\"Replaced: Knee to chest → Side-lying knee hug (pregnancy)\", \"Left out: Prone press-up (pregnancy)\"], d[\"adaptations\"]
assert [s[\"title\"] for s in d[\"steps\"]] == [\"Ball hold\", \"Side-lying knee hug\"]
assert d[\"steps\"][1][\"instead_of\"] == \"Knee to chest\" and d[\"steps\"][0][\"advice\"] == [\"anticoagulants\", \"pregnancy\"]
assert d[\"seconds\"] == 5
"'
LC_ALL=C run_cli show "$ADAPT"
t "in the C locale the arrow is ASCII" 'hasF "$out" "Replaced: Knee to chest -> Side-lying knee hug"'
run_cli health remove pregnancy anticoagulants
run_cli show "$ADAPT"
t "with nothing declared, show lists each step's conditions and replacements" 'has "$out" "Not with: pregnancy" && has "$out" "Instead, for pregnancy: Side-lying knee hug"'
t "... and the routine as written" 'has "$out" "^Total 0:06 in 3 steps"'
run_cli health add pregnancy
mkdir -p "$XDG_CONFIG_HOME/unknot/routines"
cp "$ADAPT" "$XDG_CONFIG_HOME/unknot/routines/adapt.routine"
cp routines/upper-back.routine "$XDG_CONFIG_HOME/unknot/routines/refused.routine"
run_cli list
t "list counts the steps that will run and says it is adapted" 'has "$out" "^adapt .* 2  user  (adapted for you)$"'
run_cli health add dvt
run_cli list
t "list says when a routine is not for you, as the screening would" 'has "$out" "^refused .*  (not for you)$"'
run_cli run refused
t "run refuses it the same way (exit 1)" '[ $rc = 1 ] && has "$err" "Not starting: you declared .Deep vein thrombosis"'
run_cli health remove dvt

# --- the screening and the player follow the same plan --------------------------
start_tui 80 24 "$UNKNOT run --speed 2 $ADAPT"
expect_screen "with a profile, the screening lists the adaptations" "Adapted to your health profile:"
t "... one line each" 'screen | grep -qF "Left out: Prone press-up (pregnancy)"'
keys y
expect_screen "the player runs the adapted plan" "Step 1/2"
expect_screen "... the replacement in its place" "Side-lying knee hug" 10
t "... and never the step left out" '! screen | grep -q "Prone press-up"'
expect_screen "the end comes after the adapted steps" "Routine complete" 15
keys x; expect_screen "exit 0" "[exit 0]"
stop_tui
run_cli health add anticoagulants
start_tui 80 24 "$UNKNOT run --speed 0.5 $ADAPT"
expect_screen "screening" "Adapted to your health profile:"; keys y
expect_screen "a declared caution's advice is on the step it concerns, in the player" "With blood thinners: You bruise and bleed more easily"
keys '?'
expect_screen "the player's help has the pain rules" "0-3 of 10 is fine, 4-5 is acceptable"
stop_tui

# --- the plain line mode follows the same plan ------------------------------------
out=$(printf 'y\n' | "$UNKNOT" run --plain --speed 4 "$ADAPT" 2>"$E2E_TMP/stderr") && rc=0 || rc=$?
t "plain mode: the screening lists the adaptations" 'hasF "$out" "Left out: Prone press-up (pregnancy)"'
t "plain mode: the replacement runs in its place, the step left out never" 'hasF "$out" "Side-lying knee hug" && ! printf "%s" "$out" | grep -q "Step .*Prone press-up"'
t "plain mode: the declared caution's advice comes with its step" 'has "$out" "^With blood thinners: You bruise"'
printf 'health = { ask_pain = true; };\naudio = { enabled = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"
out=$(printf 'y\n9\nq\n' | "$UNKNOT" run --plain --speed 4 "$ADAPT" 2>"$E2E_TMP/stderr") && rc=0 || rc=$?
t "plain mode: pain 8 or more before the start advises against it, and q goes back" 'hasF "$out" "better not to start a routine now" && ! printf "%s" "$out" | grep -q "^Step 1"'
printf 'health = { ask_pain = false; };\naudio = { enabled = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"

# --- no profile: the question, and the profile screen from it -------------------------
rm -f "$PROFILE"
start_tui 80 24 "$UNKNOT run --speed 2 $ADAPT"
expect_screen "without a profile the screening asks" "Does any of these apply to you?"
t "... listing the routine's and its steps' conditions in a few words" 'screen | grep -q "Not with: a blood clot (DVT)" && screen | grep -q "Care with: blood thinners; pregnancy"'
t "... with the keys in view" 'screen | grep -q "y none apply: start  h some do  q back"'
keys h
expect_screen "h opens the health profile screen" "Which of these apply to you?"
# walk the cursor (">") down to Pregnancy
i=0
while ! screen | grep -q "^> \[ \] Pregnancy" && [ $i -lt 40 ]; do keys Down; i=$((i + 1)); sleep 0.05; done
t "the cursor shows as a mark, colours or not" 'screen | grep -q "^> \[ \] Pregnancy"'
keys space
expect_screen "space ticks a box" "[x] Pregnancy"
keys s
expect_screen "s saves and goes back to the screening, now adapted" "Adapted to your health profile:"
t "... the profile was written" 'grep -q "\"pregnancy\"" "$PROFILE"'
keys q; expect_screen "q goes back" "[exit 0]"
stop_tui

# the smallest window: the routine's warnings and the start key stay in view
start_tui 40 12 "$UNKNOT run lower-back"
expect_screen "at 40x12 the screening's warnings are in view" "Warning: Never press"
t "... both of them" 'screen | grep -q "Warning: Never put a foam"'
t "... and the key line, without scrolling" 'screen | grep -q "^y start  h health profile  q back"'
stop_tui

start_tui 80 24 "$UNKNOT"
expect_screen "home" "routines"
t "the home screen offers the profile" 'screen | grep -q "h health"'
keys h
expect_screen "h on the home screen opens it too" "Which of these apply to you?"
i=0
while ! screen | grep -q "\[ \] Inflammatory arthritis" && [ $i -lt 40 ]; do keys Down; i=$((i + 1)); sleep 0.05; done
t "at 80 columns a long condition wraps, whole: nothing cut mid-word" 'screen | grep -A1 "Inflammatory arthritis" | grep -qE "(^| )similar *$" && ! screen | grep -q "spondylitis or si$"'
keys q
expect_screen "q goes back home" "routines"
keys q; stop_tui

# --- pain rules around a session ----------------------------------------------------
printf 'health = { ask_pain = true; };\naudio = { enabled = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"
start_tui 80 24 "$UNKNOT run --speed 2 $ADAPT"
expect_screen "screening" "Before you start"; keys y
expect_screen "pain before" "Pain right now"
keys 9 Enter
expect_screen "pain 8 or more before the start advises against it" "better not to start a routine now"
t "... pointing to the red flags" 'screen | grep -q "red flag"'
keys q
expect_screen "q there goes back without starting" "[exit 0]"
stop_tui
start_tui 80 24 "$UNKNOT run --speed 4 $ADAPT"
expect_screen "screening" "Before you start"; keys y
expect_screen "pain before" "Pain right now"; keys 2 Enter
expect_screen "the routine runs" "Step 1/2"
expect_screen "pain after" "how is it now?" 15
keys 9 Enter
expect_screen "a rise from 2 to 9 says to stop this routine" "Stop this routine for now"
keys x; expect_screen "exit 0" "[exit 0]"
stop_tui
# trial-a #5: the same routine later that day says what the end screen said
# (a preview is not recorded: the session is written as a real one)
mkdir -p "$XDG_STATE_HOME/unknot"
printf '# unknot history\n%s\tadapt\tstopped\t5\t4\t7\n' "$(date +%Y-%m-%dT%H:%M:%S%:z)" > "$XDG_STATE_HOME/unknot/history.tsv"
start_tui 80 24 "$UNKNOT run --speed 4 $ADAPT"
expect_screen "screening" "Before you start"; keys y
expect_screen "the same routine again that day: not until the pain has settled" "Earlier today this routine raised your pain"
t "... with no offer to go on lighter" '! screen | grep -q "lighter"'
keys q
expect_screen "q goes back" "[exit 0]"
stop_tui
# the same session, recorded yesterday: the next start asks whether it settled
HIST=$XDG_STATE_HOME/unknot/history.tsv
yesterday=$(date -d yesterday +%Y-%m-%dT%H:%M:%S%:z)
printf '# unknot history\n%s\tadapt\tcompleted\t5\t2\t4\n' "$yesterday" > "$HIST"
start_tui 80 24 "$UNKNOT run --speed 4 $ADAPT"
expect_screen "screening" "Before you start"; keys y
expect_screen "after a session that raised pain, the next start asks whether it settled" "Had it settled by the next"
keys n
expect_screen "no: it advises taking it easier" "take it easier today"
keys q
expect_screen "and q goes back" "[exit 0]"
stop_tui


# --- trial-a #8: the home screen and the screening group conditions alike ---------------
rm -f "$PROFILE" "$HIST"
start_tui 100 30 "$UNKNOT"
expect_screen "home" "Enter start"
keys / f l a r e Enter
expect_screen "the home screen: conditions only steps name adapt the routine" "Adapts to: broken or infected skin"
keys Enter
expect_screen "the screening says the same, in the same group and words" "Does any of these apply to you?"
t "... Adapts to, not Care with" 'screen | grep -q "Adapts to: broken or infected skin; fragile skin" && screen | grep -q "Care with: tingling or pain down a leg$"'
stop_tui

# --- trial-a #4: a new hip ------------------------------------------------------------
rm -f "$PROFILE" "$HIST"
run_cli health add joint-replacement
run_cli show lower-back
t "a new hip: the ball under a buttock is left out" 'hasF "$out" "Left out: Glute ball release on a chair (joint-replacement)"'
t "... and the condition's advice goes with the steps that run" 'hasF "$out" "Care: A hip or knee replacement. Its advice is shown with"'
t "... labelled in words, never by its id" 'has "$out" "With a hip or knee replacement: Your surgeon" && ! has "$out" "Your joint-replacement"'
out=$(printf 'y\n' | "$UNKNOT" run --plain --speed 100 lower-back 2>"$E2E_TMP/stderr") && rc=0 || rc=$?
t "plain mode: the scar advice comes with a step, and the glute ball never runs" 'hasF "$out" "Keep pressure off the scar" && ! has "$out" "^Step .*Glute ball"'
rm -f "$PROFILE"

finish
