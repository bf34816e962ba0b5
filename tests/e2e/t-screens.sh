# The home screen, colours and locales, as a person sees them.
. tests/e2e/lib.sh
LONG=$TOP/tests/data/e2e/long.routine
mkdir -p "$XDG_CONFIG_HOME/unknot"
printf 'health = { ask_pain = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"

# --- the first time: the red flags, once ---------------------------------------
rm -f "$XDG_STATE_HOME/unknot/red-flags-read"
start_tui 80 24 "$UNKNOT"
expect_screen "the first time, the red flags come first" "Before your first routine: the red flags"
t "the emergency tier comes first, saying what to do" 'screen | grep -q "Emergency: call 999, 112 or 911"'
keys Enter
expect_screen "Enter goes on to the home screen" "14 routines"
keys q; expect_screen "quit" "[exit 0]"
stop_tui
t "reading them is remembered in the state folder" '[ -e "$XDG_STATE_HOME/unknot/red-flags-read" ]'
start_tui 80 24 "$UNKNOT"
expect_screen "the second time, straight to the home screen" "14 routines"
keys q; stop_tui

# --- home: browse, filter, start, go back, quit ------------------------------
start_tui 100 30 "$UNKNOT"
expect_screen "the home screen lists the bundled routines" "Lower back relief"
expect_screen "with their minutes" "Desk reset"
t "it counts them" 'screen | grep -q "14 routines"'
t "the details pane shows the selected routine's areas" 'screen | grep -q "Areas: lower back$"'
keys /
keys e y e s
expect_screen "/ filters" "1 routine"
t "only the matching routine is left" 'screen | grep -q "Eyes and neck break" && ! screen | grep -q "Lower back relief"'
keys BSpace BSpace BSpace BSpace h a m
expect_screen "the filter matches body areas too" "Hamstrings and calves"
t "... and only that routine" 'screen | grep -q "1 routine" && ! screen | grep -q "Eyes and neck break"'
keys Escape
expect_screen "Esc clears the filter" "14 routines"
cy() { tm display -p -t t "#{cursor_y}"; }
t "the cursor sits on the chosen routine, for screen readers" '[ "$(cy)" = 2 ]'
keys Down
expect_screen "Down moves to the next routine" "Areas: back, neck, shoulders"
t "... and the cursor with it" '[ "$(cy)" = 3 ]'
keys Enter
expect_screen "Enter opens the screening screen" "Before you start: Desk reset"
keys q
expect_screen "q on the screening goes back home" "14 routines"
keys s
expect_screen "s shows progress from the history" "Streak: 0 days"
keys q
expect_screen "q goes back home" "14 routines"
keys '?'
expect_screen "? shows the home keys" "Home keys"
keys x q
expect_screen "q quits with status 0" "[exit 0]"
stop_tui

# --- home: one title twice told apart, long titles marked as cut, minutes as list says ---
"$UNKNOT" new copy --from desk-reset >/dev/null 2>&1 </dev/null
start_tui 80 24 "$UNKNOT"
expect_screen "home with a copy of desk-reset" "15 routines"
t "two routines with one title are told apart by their ids" 'screen | grep -q " Desk reset (copy) " && screen | grep -q " Desk reset (desk-reset) "'
t "a long title cut in the list says so with ~, as list does" 'screen | grep -q "^ First days of a back-pain fla~ *20 min"'
t "the details give minutes, as list does, not a clock time" 'screen | grep -q "20 min, 4 steps, gentle"'
keys q; expect_screen "quits" "[exit 0]"
stop_tui
rm -rf "$XDG_CONFIG_HOME/unknot/routines"

# --- home at the smallest size, and a broken user file ------------------------
mkdir -p "$XDG_CONFIG_HOME/unknot/routines"
printf 'version = 1;\n' > "$XDG_CONFIG_HOME/unknot/routines/aa-broken.routine"
start_tui 40 12 "$UNKNOT"
expect_screen "at 40x12 the home screen still works" "routines"
keys Home
expect_screen "a broken file is listed, and says how to see its errors" "This file has errors"
keys Enter
expect_screen "Enter on it explains instead of starting" "That file has errors"
keys q; expect_screen "quits" "[exit 0]"
stop_tui
rm -rf "$XDG_CONFIG_HOME/unknot/routines"

# --- colours: 256, 8 and none --------------------------------------------------
ESC=$(printf '\033')
colour_codes() { tm capture-pane -e -p -t t | grep -c "$ESC\[[0-9;]*\(3[0-7]\|38;5;[0-9]*\)m"; }
start_tui 80 24 "$UNKNOT run $LONG"
expect_screen "xterm-256color: screening" "Before you start"; keys y
expect_screen "xterm-256color: running" "First long hold"
t "with 256 colours the screen is coloured" '[ "$(colour_codes)" -gt 0 ]'
stop_tui
TUI_TERM=xterm start_tui 80 24 "$UNKNOT run $LONG"
expect_screen "xterm (8 colours): screening" "Before you start"; keys y
expect_screen "xterm (8 colours): the player runs" "First long hold"
t "with 8 colours the screen is coloured" '[ "$(colour_codes)" -gt 0 ]'
stop_tui
start_tui 80 24 "NO_COLOR=1 $UNKNOT run $LONG"
expect_screen "NO_COLOR: screening" "Before you start"; keys y
expect_screen "NO_COLOR: the player runs" "First long hold"
t "NO_COLOR: no colour at all" '[ "$(colour_codes)" = 0 ]'
stop_tui
TUI_TERM=vt100 start_tui 80 24 "$UNKNOT run $LONG"
expect_screen "vt100 (no colours): screening" "Before you start"; keys y
expect_screen "vt100 (no colours): the player runs" "First long hold"
stop_tui

# --- the C locale: ASCII stand-ins ------------------------------------------------
start_tui 80 24 "LC_ALL=C $UNKNOT run $LONG"
expect_screen "C locale: screening" "Before you start"; keys y
expect_screen "C locale: the player runs" "First long hold"
sleep 1.2
t "C locale: large digits drawn with #" 'screen | grep -q "######"'
t "C locale: the bars are ASCII" 'screen | grep -q "^Step  [#-]*-- "'
t "C locale: nothing but ASCII on the screen" '! screen | LC_ALL=C grep -q "[^ -~]"'
stop_tui
start_tui 80 24 "$UNKNOT run $LONG"
expect_screen "UTF-8: screening" "Before you start"; keys y
expect_screen "UTF-8: running" "First long hold"
t "UTF-8: large digits drawn with blocks" 'screen | grep -q "██████"'
stop_tui

# --- a terminal unknot cannot use ------------------------------------------------
start_tui 80 24 "TERM=no-such-terminal $UNKNOT run $LONG"
expect_screen "an unknown TERM gets a clear error" "cannot use the terminal type 'no-such-terminal'"
expect_screen "... and exit status 1" "[exit 1]"
stop_tui

finish
