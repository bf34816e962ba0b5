# `unknot doctor`: the folders in use and why, sound, terminal, reminders,
# conditions; exit 1 when something is wrong, naming it.
. tests/e2e/lib.sh
has() { printf '%s\n' "$1" | grep -q -- "$2"; }
hasF() { printf '%s\n' "$1" | grep -qF -- "$2"; }
export SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=/dev/null TERM=xterm-256color
mkdir -p "$E2E_TMP/bin"

run_cli doctor
t "a sound set-up: exit 0, no problems" '[ $rc = 0 ] && has "$out" "^No problems found.$"'
t "each folder with the variable that gave it" 'hasF "$out" "  config        $XDG_CONFIG_HOME/unknot
                from XDG_CONFIG_HOME" && hasF "$out" "  runtime       $XDG_RUNTIME_DIR/unknot
                from XDG_RUNTIME_DIR"'
t "the data folder and why" 'hasF "$out" "  data          $TOP
                the checkout build/unknot was built in"'
(unset XDG_STATE_HOME; run_cli doctor; printf '%s\n' "$out" > "$E2E_TMP/nostate")
t "an unset variable: the default, said so" 'grep -qF "  state         $HOME/.local/state/unknot" "$E2E_TMP/nostate" && grep -qF "the default: XDG_STATE_HOME is not set" "$E2E_TMP/nostate"'
t "the routine folders in reading order, with what is used from each" 'has "$out" "^  bundled  *$TOP/routines$" && has "$out" "routines in use from here" && has "$out" "^  user  *$XDG_CONFIG_HOME/unknot/routines$"'
t "the sound module loads and a device opens" 'has "$out" "^  device  *the module loads and a device opens"'
t "spoken steps: the mode and the engine" 'has "$out" "^  speech  *titles, through \(espeak-ng\|speech-dispatcher\)"'
UNKNOT_SPEECH=none run_cli doctor
t "no speech engine: said, not a problem" '[ $rc = 0 ] && has "$out" "^  speech  *none: neither speech-dispatcher"'
run_cli doctor
t "the terminal, its colours and the text" 'has "$out" "^  TERM  *xterm-256color: 256 colours" && has "$out" "^  text  *UTF-8"'

# what is wrong, each named, exit 1
SDL_AUDIODRIVER=no-such-driver run_cli doctor
t "no audio device: SDL's reason, exit 1" '[ $rc = 1 ] && has "$out" "PROBLEM  *sound off: no audio device (Audio target .no-such-driver. not available)" && has "$out" "^1 problem:$"'
UNKNOT_MODULE_DIR=$E2E_TMP/nothing run_cli doctor
t "no sound module: which file, exit 1" '[ $rc = 1 ] && has "$out" "PROBLEM  *sound off: .*$E2E_TMP/nothing/unknot-audio.so"'
mkdir -p "$XDG_CONFIG_HOME/unknot"
printf 'audio = { enabled = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"
SDL_AUDIODRIVER=no-such-driver run_cli doctor
t "sound off in the config is said, not a problem" '[ $rc = 0 ] && has "$out" "^  sound  *off: audio.enabled = false"'
TERM=no-such-term run_cli doctor
t "an unknown TERM is a problem" '[ $rc = 1 ] && has "$out" "PROBLEM  *TERM=no-such-term is unknown to terminfo"'
TERM=dumb run_cli doctor
t "TERM=dumb: plain lines, not a problem" '[ $rc = 0 ] && has "$out" "^  TERM  *dumb: run and timer print plain lines"'
NO_COLOR=1 LC_ALL=C run_cli doctor
t "NO_COLOR and a C locale are said" 'has "$out" "^  colours  *none: NO_COLOR is set" && has "$out" "^  text  *not UTF-8: ASCII stand-ins (LC_CTYPE C)"'
t "... in ASCII" '! printf "%s" "$out" | LC_ALL=C grep -q "[^ -~]"'

printf 'audio = { volume = 200; };\n' > "$XDG_CONFIG_HOME/unknot/config"
run_cli doctor
t "a config with errors: its diagnostic and a problem" '[ $rc = 1 ] && hasF "$out" "$XDG_CONFIG_HOME/unknot/config:1: error: audio: '"'"'volume'"'"' must be from 0 to 100" && has "$out" "PROBLEM .*config has errors"'
mkdir -p "$XDG_CONFIG_DIRS/unknot"
printf 'audio = { volum = 20; };\n' > "$XDG_CONFIG_DIRS/unknot/config"
printf 'health = { conditions = ["osteoporosis", "pregnancy"]; };\n' > "$XDG_CONFIG_HOME/unknot/config"
run_cli doctor
t "a system-wide config with a warning: named, not a problem" '[ $rc = 0 ] && hasF "$out" "$XDG_CONFIG_DIRS/unknot/config:1: warning: audio: unknown key" && hasF "$out" "0 errors, 1 warning"'
t "the declared conditions with their level" 'has "$out" "^  conditions  *osteoporosis: " && has "$out" "^  *pregnancy: caution"'
rm -rf "$XDG_CONFIG_DIRS/unknot" "$XDG_CONFIG_HOME/unknot/config"

mkdir -p "$XDG_CONFIG_HOME/unknot/routines"
printf 'version = 1;\n' > "$XDG_CONFIG_HOME/unknot/routines/broken.routine"
run_cli doctor
t "a routine with errors is a problem, with how to see them" '[ $rc = 1 ] && has "$out" "PROBLEM  *.*broken.routine has errors: .unknot check broken. shows them"'
rm -rf "$XDG_CONFIG_HOME/unknot/routines"
chmod 777 "$XDG_STATE_HOME"
mkdir -p "$XDG_STATE_HOME/unknot" && chmod 777 "$XDG_STATE_HOME/unknot"
run_cli doctor
t "a state folder others can write in is a problem" '[ $rc = 1 ] && has "$out" "PROBLEM  *$XDG_STATE_HOME/unknot: .*other users"'
chmod 700 "$XDG_STATE_HOME/unknot" "$XDG_STATE_HOME"

# notify-send on PATH or not
printf '#!/bin/sh\nexit 0\n' > "$E2E_TMP/bin/notify-send"; chmod +x "$E2E_TMP/bin/notify-send"
PATH=$E2E_TMP/bin:$PATH run_cli doctor
t "notify-send is found on PATH" 'has "$out" "^  notify-send  *found: desktop notifications"'
mkdir -p "$E2E_TMP/empty"
out=$(PATH=$E2E_TMP/empty "$UNKNOT" doctor 2>/dev/null)
t "... or said missing" 'has "$out" "^  notify-send  *not found"'

# the reminder: running or not, in its own words
run_cli doctor
t "no reminder: said, not a problem" '[ $rc = 0 ] && has "$out" "^  reminder  *not running"'
run_cli remind --every 1h --hours 00:00-24:00 --days daily --daemon
pid=$(printf '%s\n' "$out" | sed -n 's/.*(pid \([0-9]*\)).*/\1/p')
run_cli doctor
t "a running reminder, with its status" '[ $rc = 0 ] && has "$out" "^  reminder  *running: .*next break at"'
"$UNKNOT" remind stop >/dev/null 2>&1 || kill "$pid" 2>/dev/null

# the declared conditions: the profile and the config's
"$UNKNOT" health add pregnancy >/dev/null 2>&1
printf 'health = { conditions = ["osteoporosis"]; };\n' > "$XDG_CONFIG_HOME/unknot/config"
run_cli doctor
t "conditions from the profile and the config, each with its source" 'has "$out" "^  conditions  *pregnancy: .*(your health profile)" && has "$out" "^  *osteoporosis: caution (health.conditions in the config)"'
t "the profile file is named under Settings" 'has "$out" "^  health  *$XDG_CONFIG_HOME/unknot/health$"'
rm -f "$XDG_CONFIG_HOME/unknot/config" "$XDG_CONFIG_HOME/unknot/health"

run_cli doctor extra
t "doctor takes no arguments" '[ $rc = 2 ]'
finish
