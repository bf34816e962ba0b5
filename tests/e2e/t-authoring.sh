# Writing routines as a new user would: edit without a change, new over a
# routine that exists, bare words in a file, what edit's messages name.
. tests/e2e/lib.sh
USER_DIR=$XDG_CONFIG_HOME/unknot/routines
has() { printf '%s\n' "$1" | grep -q -- "$2"; }
hasF() { printf '%s\n' "$1" | grep -qF -- "$2"; }
export TMPDIR=$E2E_TMP/tmp
mkdir -p "$TMPDIR"
# editor SED-SCRIPT: an editor that applies a sed script to the file
editor() { printf '#!/bin/sh\nsed -i %s "$1"\n' "'$1'" > "$E2E_TMP/ed"; chmod +x "$E2E_TMP/ed"; }

# ---- edit: an unchanged file changes nothing ----------------------------
editor 's/nothing//'
EDITOR=$E2E_TMP/ed run_cli edit lower-back </dev/null
t "edit of a bundled routine without a change: no changes, exit 0" '[ $rc = 0 ] && has "$err" "no changes"'
t "... and no copy of your own (it keeps following the bundled one)" '[ ! -e "$USER_DIR/lower-back.routine" ]'
run_cli show lower-back
t "... so show still names the bundled file" 'has "$out" "^lower-back (bundled: "'

# ---- new: refuse to shadow what exists, unless --force ------------------
run_cli new lower-back
t "new over a bundled id is refused (exit 1)" '[ $rc = 1 ] && [ ! -e "$USER_DIR/lower-back.routine" ]'
t "... saying what it would shadow and how to go on" 'has "$err" "would hide the bundled routine .lower-back." && has "$err" "routines/lower-back.routine" && has "$err" "--force" && has "$err" "unknot edit lower-back"'
run_cli new desk-reset
t "new desk-reset also says the reminder starts it" '[ $rc = 1 ] && has "$err" "reminder"'
run_cli new lower-back --force
t "new --force writes it" '[ $rc = 0 ] && [ "$out" = "$USER_DIR/lower-back.routine" ]'
run_cli list
t "... and it is the user's now" 'has "$out" "^lower-back .* user$"'
run_cli new lower-back --force
t "--force never overwrites a file of your own" '[ $rc = 1 ] && has "$err" "already exists"'
rm -f "$USER_DIR/lower-back.routine"
mkdir -p "$XDG_DATA_HOME/unknot/routines"
cp routines/desk-reset.routine "$XDG_DATA_HOME/unknot/routines/from-data.routine"
run_cli new from-data
t "new over a routine of XDG_DATA_HOME is refused too" '[ $rc = 1 ] && has "$err" "from-data"'
mkdir -p "$XDG_CONFIG_HOME/unknot"
printf 'remind = { routine = "my-break"; };\n' > "$XDG_CONFIG_HOME/unknot/config"
run_cli new my-break
t "a new routine the reminder names (not existing yet) is written" '[ $rc = 0 ]'
rm -f "$XDG_CONFIG_HOME/unknot/config"

# ---- bare words ----------------------------------------------------------
mk() { printf 'version = 1;\ntitle = "x";\nsteps = (\n  { type = "stretch"; title = "a"; %s }\n);\n' "$1" > "$E2E_TMP/$2.routine"; }
mk 'duration = 30s;' bare-duration
run_cli check "$E2E_TMP/bare-duration.routine"
t "duration = 30s: quote it" '[ $rc = 1 ] && hasF "$err" "bare-duration.routine:4: error: 30s is a bare word: put it in double quotes, duration = \"30s\";"'
mk 'duration = 30; sides = yes;' bare-bool
run_cli check "$E2E_TMP/bare-bool.routine"
t "sides = yes: true or false" '[ $rc = 1 ] && hasF "$err" "bare-bool.routine:4: error: yes is a bare word: write true or false, sides = true;"'
mk 'duration = 30; sides = off;' bare-off
run_cli check "$E2E_TMP/bare-off.routine"
t "sides = off: false" '[ $rc = 1 ] && hasF "$err" "off is a bare word: write true or false, sides = false;"'
printf 'version = 1;\ntitle = "x";\nlevel = gentle;\nsteps = ({ type = "rest"; title = "a"; duration = 5; });\n' > "$E2E_TMP/bare-text.routine"
run_cli check "$E2E_TMP/bare-text.routine"
t "level = gentle: quote it" '[ $rc = 1 ] && hasF "$err" "bare-text.routine:3: error: gentle is a bare word: put it in double quotes, level = \"gentle\";"'
printf 'version = 1;\ntitle = "say = hi";\nsteps = ({ type = "rest"; title = "a"; duration = 5; }\n' > "$E2E_TMP/not-bare.routine"
run_cli check "$E2E_TMP/not-bare.routine"
t "a real syntax error keeps the general message" '[ $rc = 1 ] && has "$err" "syntax error" && ! has "$err" "bare word"'
printf "audio = { enabled = no; };\n" > "$E2E_TMP/bare.config"
mkdir -p "$XDG_CONFIG_HOME/unknot" && cp "$E2E_TMP/bare.config" "$XDG_CONFIG_HOME/unknot/config"
run_cli config
t "the config gets the same help" '[ $rc = 1 ] && hasF "$err" "config:1: error: no is a bare word: write true or false, enabled = false;"'
rm -f "$XDG_CONFIG_HOME/unknot/config"

# ---- edit: messages name the file as you know it, never the temporary copy
editor 's/duration = 45;/duration = 30s;/'
EDITOR=$E2E_TMP/ed run_cli edit lower-back </dev/null
t "an error while editing a bundled routine names your copy-to-be" '[ $rc = 1 ] && has "$err" "^$USER_DIR/lower-back.routine:[0-9]*: error: 30s is a bare word"'
t "... says nothing was saved (there is no file of yours yet)" 'has "$err" "nothing was saved"'
t "... and never names the temporary copy" '! has "$err" "$TMPDIR"'
t "... which is gone" '[ -z "$(ls -A "$TMPDIR")" ]'
cp routines/desk-reset.routine "$USER_DIR/mine.routine"
editor 's/duration = 15;/duration = 0;/'
EDITOR=$E2E_TMP/ed run_cli edit mine </dev/null
t "an error in your own file names it and says it was not changed" '[ $rc = 1 ] && has "$err" "^$USER_DIR/mine.routine:[0-9]*: error:" && has "$err" "mine.routine was not changed" && ! has "$err" "$TMPDIR"'

# ---- a missing step sound is reported with the other problems ------------
sed 's/duration = 15;/duration = 15; sound = "nope.wav";/' routines/desk-reset.routine > "$E2E_TMP/sound.routine"
run_cli check "$E2E_TMP/sound.routine"
t "check warns about a missing sound" '[ $rc = 0 ] && has "$err" "sound.routine:[0-9]*: warning: step [0-9]*: sound .nope.wav. not found"'
sed -i 's/duration = 3;/duration = 0;/' "$E2E_TMP/sound.routine"
run_cli check "$E2E_TMP/sound.routine"
t "... even when the file has errors too" '[ $rc = 1 ] && has "$err" "error:" && has "$err" "warning: step [0-9]*: sound .nope.wav. not found"'
editor 's/duration = 15;/duration = 15; sound = "nope.wav";/'
EDITOR=$E2E_TMP/ed run_cli edit mine </dev/null
t "edit warns about a missing sound, naming your file" '[ $rc = 0 ] && has "$err" "^$USER_DIR/mine.routine:[0-9]*: warning: step [0-9]*: sound .nope.wav. not found"'
finish
