# Writing routines of your own: new, edit (like crontab -e), completion.
. tests/e2e/lib.sh
USER_DIR=$XDG_CONFIG_HOME/unknot/routines
has() { printf '%s\n' "$1" | grep -q -- "$2"; }

run_cli new my-back
t "new writes a template and prints its path" '[ $rc = 0 ] && [ "$out" = "$USER_DIR/my-back.routine" ]'
run_cli check --strict "$USER_DIR/my-back.routine"
t "the template passes check --strict" '[ $rc = 0 ]'
t "the template documents every key" 'for k in version title summary level equipment areas contraindications warnings prepare steps type how pressure caution sound duration sides reps rest; do grep -q "^# $k:" "$USER_DIR/my-back.routine" || exit 1; done'
t "the template lists the values of type and level" 'grep -q "^# type: .*\"stretch\", \"roll\", \"hold\", \"posture\", \"breathe\", \"move\" or \"rest\"" "$USER_DIR/my-back.routine" && grep -q "^# level: .*\"gentle\", \"moderate\" or \"firm\"" "$USER_DIR/my-back.routine"'
cp "$USER_DIR/my-back.routine" "$E2E_TMP/kept"
run_cli new my-back
t "new refuses to overwrite" '[ $rc = 1 ] && has "$err" "already exists" && cmp -s "$USER_DIR/my-back.routine" "$E2E_TMP/kept"'
run_cli new "My Back"
t "new checks NAME" '[ $rc = 2 ] && has "$err" "lower-case"'
run_cli new ../escape
t "new refuses a path as NAME" '[ $rc = 2 ] && [ ! -e "$XDG_CONFIG_HOME/unknot/escape.routine" ]'
run_cli new desk-copy --from desk-reset
t "new --from copies a routine" '[ $rc = 0 ] && cmp -s "$USER_DIR/desk-copy.routine" routines/desk-reset.routine'
run_cli list
t "a new routine is listed as the user's" 'has "$out" "^my-back .* user$"'

# --- edit with a scripted editor -----------------------------------------------
cat > "$E2E_TMP/editor" <<'ED'
#!/bin/sh
# 1st run: break the routine; 2nd: fix it differently
n=$(cat "$0.count" 2>/dev/null || echo 0); n=$((n + 1)); echo $n > "$0.count"
if [ $n = 1 ]; then sed -i 's/duration = 45;/duration = 0;/' "$1"; else sed -i 's/duration = 0;/duration = 50;/' "$1"; fi
ED
chmod +x "$E2E_TMP/editor"
# the line the editor breaks, wherever the template puts it
dline=$(grep -n "duration = 45;" "$USER_DIR/my-back.routine" | tail -n 1 | cut -d: -f1)
start_tui 200 24 "EDITOR=$E2E_TMP/editor $UNKNOT edit my-back"
expect_screen "an error made in the editor is reported as FILE:LINE: error:" "my-back.routine:$dline: error: step 2: 'duration' must be from 1s to 2h, not 0s"
expect_screen "... with the file left alone" "was not changed"
t "... really unchanged while asking" 'cmp -s "$USER_DIR/my-back.routine" "$E2E_TMP/kept"'
expect_screen "it asks whether to edit again" "Edit again? [Y/n]"
keys y Enter
expect_screen "after a good edit it saves and prints the path" "[exit 0]"
t "the fixed routine replaced the old one" 'grep -q "duration = 50;" "$USER_DIR/my-back.routine"'
t "no temporary file is left beside it" '[ -z "$(ls -A "$USER_DIR" | grep "^\.")" ]'
stop_tui

rm -f "$E2E_TMP/editor.count"
sed -i 's/duration = 50;/duration = 45;/' "$USER_DIR/my-back.routine"; cp "$USER_DIR/my-back.routine" "$E2E_TMP/kept"
start_tui 200 24 "EDITOR=$E2E_TMP/editor $UNKNOT edit my-back"
expect_screen "a broken edit again" "Edit again?"
keys n Enter
expect_screen "n discards" "changes discarded"
expect_screen "and fails" "[exit 1]"
t "discarding leaves the old file" 'cmp -s "$USER_DIR/my-back.routine" "$E2E_TMP/kept"'
stop_tui

# --- signals: no temporary copy outlives the command --------------------------------
# (TMPDIR: the copies of this test only)
mkdir -p "$E2E_TMP/tmpd"
copies() { ls -A "$E2E_TMP/tmpd"; }
sed -i 's/duration = 50;/duration = 45;/' "$USER_DIR/my-back.routine"; cp "$USER_DIR/my-back.routine" "$E2E_TMP/kept"
rm -f "$E2E_TMP/editor.count" "$E2E_TMP"/tmpd/*
start_tui 200 24 "TMPDIR=$E2E_TMP/tmpd EDITOR=$E2E_TMP/editor $UNKNOT edit my-back"
expect_screen "a broken edit asks again" "Edit again?"
t "... with its copy in TMPDIR" '[ -n "$(copies)" ]'
keys C-c
expect_screen "Ctrl-C at the question ends it as Ctrl-C does (130)" "[exit 130]"
t "... saying the changes are discarded" 'screen | grep -q "changes discarded"'
t "... leaving no temporary copy (it was left in /tmp)" '[ -z "$(copies)" ]'
t "... and the old file" 'cmp -s "$USER_DIR/my-back.routine" "$E2E_TMP/kept"'
stop_tui

rm -f "$E2E_TMP/editor.count" "$E2E_TMP"/tmpd/*
start_tui 200 24 "TMPDIR=$E2E_TMP/tmpd EDITOR=$E2E_TMP/editor $UNKNOT edit my-back"
expect_screen "a broken edit asks again" "Edit again?"
kill -TERM "$(tui_pid)"
expect_screen "SIGTERM at the question ends it (143)" "[exit 143]"
t "... leaving no temporary copy" '[ -z "$(copies)" ]'
stop_tui

# an editor that waits for a go, and minds Ctrl-C itself as vi does
cat > "$E2E_TMP/slow-editor" <<ED
#!/bin/sh
trap 'echo "editor: interrupt"' INT
: > "$E2E_TMP/in-editor"
while [ ! -e "$E2E_TMP/go" ]; do sleep 0.05; done
rm -f "$E2E_TMP/go" "$E2E_TMP/in-editor"
sed -i "s/duration = 45;/duration = \$EDIT_TO;/" "\$1"
ED
chmod +x "$E2E_TMP/slow-editor"
wait_file() { _i=0; while [ ! -e "$1" ] && [ $_i -lt 200 ]; do sleep 0.05; _i=$((_i + 1)); done; [ -e "$1" ]; }
rm -f "$E2E_TMP"/tmpd/*
start_tui 200 24 "TMPDIR=$E2E_TMP/tmpd EDIT_TO=46 EDITOR=$E2E_TMP/slow-editor $UNKNOT edit my-back"
wait_file "$E2E_TMP/in-editor"
keys C-c
expect_screen "Ctrl-C in an editor that minds it is the editor's" "editor: interrupt"
: > "$E2E_TMP/go"
expect_screen "... and the edit goes on and is saved" "[exit 0]"
t "... really saved" 'grep -q "duration = 46;" "$USER_DIR/my-back.routine"'
t "... with no temporary copy left" '[ -z "$(copies)" ]'
stop_tui
cp "$USER_DIR/my-back.routine" "$E2E_TMP/kept"

rm -f "$E2E_TMP"/tmpd/*
start_tui 200 24 "TMPDIR=$E2E_TMP/tmpd EDIT_TO=47 EDITOR=$E2E_TMP/slow-editor $UNKNOT edit my-back"
wait_file "$E2E_TMP/in-editor"
kill -HUP "$(tui_pid)"
sleep 0.2
: > "$E2E_TMP/go"
expect_screen "SIGHUP while the editor runs ends it once the editor is done (129)" "[exit 129]"
t "... saving nothing" 'cmp -s "$USER_DIR/my-back.routine" "$E2E_TMP/kept"'
t "... and leaving no temporary copy" '[ -z "$(copies)" ]'
stop_tui

printf '#!/bin/sh\nexit 0\n' > "$E2E_TMP/true-editor"; chmod +x "$E2E_TMP/true-editor"
EDITOR=$E2E_TMP/true-editor run_cli edit my-back
t "an unchanged file changes nothing" '[ $rc = 0 ] && has "$err" "no changes"'
VISUAL="$E2E_TMP/editor" EDITOR=/bin/false run_cli edit nothing-here
t "edit of an unknown id says how to start one" '[ $rc = 1 ] && has "$err" "unknot new nothing-here"'

# editing a bundled routine copies it to the user's folder first
printf '#!/bin/sh\nsed -i "s/title = \\"Desk reset\\";/title = \\"Desk reset (mine)\\";/" "$1"\n' > "$E2E_TMP/retitle"
chmod +x "$E2E_TMP/retitle"
EDITOR=$E2E_TMP/retitle run_cli edit desk-reset
t "editing a bundled routine saves it as the user's own" '[ $rc = 0 ] && grep -q "Desk reset (mine)" "$USER_DIR/desk-reset.routine"'
t "... and leaves the bundled file alone" 'grep -q "title = \"Desk reset\";" routines/desk-reset.routine'
run_cli show desk-reset
t "show marks what the user's file overrides" 'has "$out" "^overrides .*routines/desk-reset.routine"'
mkdir -p "$XDG_STATE_HOME/unknot"
printf 'health = { ask_pain = false; };\naudio = { enabled = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"
start_tui 80 24 "$UNKNOT run desk-reset"
expect_screen "run uses the user's file too" "Before you start: Desk reset (mine)"
keys q; stop_tui

# --- an unwritable config folder -----------------------------------------------------
: > "$E2E_TMP/plainfile"
out=$(XDG_CONFIG_HOME=$E2E_TMP/plainfile "$UNKNOT" new x 2>"$E2E_TMP/stderr") && rc=0 || rc=$?
err=$(cat "$E2E_TMP/stderr")
t "an unusable config folder gets a clear error" '[ $rc = 1 ] && has "$err" "cannot create .*: Not a directory"'

# --- completion ---------------------------------------------------------------------------
comp() { PATH="$TOP/build:$PATH" bash -c '. src/extra/completion.bash; COMP_WORDS=($1); COMP_CWORD=$2; _unknot; echo "${COMPREPLY[*]}"' - "$1" "$2"; }
t "bash completes commands" '[ "$(comp "unknot ch" 1)" = check ]'
t "bash completes routine ids" 'comp "unknot run lower" 2 | grep -qx lower-back'
t "bash completes remind requests" '[ "$(comp "unknot remind st" 2)" = "status stop" ]'

finish
