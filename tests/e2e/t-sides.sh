# A sided step's text on its right side (trial-b #10): "Left side: turn to
# your left." is mirrored while the right side runs, on the screen and in
# the plain mode, so that the text never contradicts the side shown.
. tests/e2e/lib.sh
mkdir -p "$XDG_CONFIG_HOME/unknot"
printf 'health = { ask_pain = false; };\naudio = { enabled = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"
has() { printf '%s\n' "$1" | grep -q -- "$2"; }
TWIST=$E2E_TMP/twist.routine
cat > "$TWIST" <<'R'
version = 1;
title = "Twist test";
prepare = 1;
steps = (
  { type = "stretch"; title = "Seated twist";
    how = "Sit tall and turn gently. Left side: turn to your left.";
    duration = 8; sides = true; }
);
R

out=$(printf 'y\n' | "$UNKNOT" run --plain --speed 100 desk-reset 2>"$E2E_TMP/stderr") && rc=0 || rc=$?
t "plain mode, desk-reset: the twist's right side says which way it turns" 'has "$out" "^Right side, 15 seconds. Right side: turn to your right.$"'

start_tui 80 24 "$UNKNOT run $TWIST"
expect_screen "screening" "Before you start"; keys y
expect_screen "the left side shows the text as written" "Left side: turn to your left."
expect_screen "the right side comes" "Right side" 30
t "... and its text turns to the right, never the left" 'screen | grep -q "Right side: turn to your right." && ! screen | grep -q "turn to your left"'
stop_tui

finish
