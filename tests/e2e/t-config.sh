# `unknot config`: the settings in effect, every default, as a config file
# that is accepted back as it is.
. tests/e2e/lib.sh
has() { printf '%s\n' "$1" | grep -q -- "$2"; }
hasF() { printf '%s\n' "$1" | grep -qF -- "$2"; }
CONF=$XDG_CONFIG_HOME/unknot/config
body() { grep -v '^#' "$1"; }  # the settings, without the header that names the files

run_cli config
t "config exits 0 and prints every group" '[ $rc = 0 ] && [ -z "$err" ] && has "$out" "^audio = {" && has "$out" "^health = {" && has "$out" "^remind = {"'
t "config gives each key its default, commented" 'hasF "$out" "  # cue volume in percent; 0 to 100, default 80
  volume = 80;"'
t "config names the files it reads, the user's last" 'hasF "$out" "#   $XDG_CONFIG_DIRS/unknot/config (none)
#   $CONF (none)"'
printf '%s\n' "$out" > "$E2E_TMP/first"

mkdir -p "$XDG_CONFIG_HOME/unknot"
cp "$E2E_TMP/first" "$CONF"
run_cli config
t "its output, saved as the config, is read back with no warning" '[ $rc = 0 ] && [ -z "$err" ]'
printf '%s\n' "$out" > "$E2E_TMP/second"
t "and gives the same settings" '[ "$(body "$E2E_TMP/first")" = "$(body "$E2E_TMP/second")" ]'
run_cli list
t "other commands read it without a warning" '[ $rc = 0 ] && [ -z "$err" ]'

sed -e 's/^  volume = 80;/  volume = 35;/' -e 's/^  every = "45m";/  every = "1h30m";/' \
	-e 's/^  conditions = \[\];/  conditions = ["pregnancy"];/' "$E2E_TMP/first" > "$CONF"
run_cli config
t "a changed value shows up" '[ $rc = 0 ] && hasF "$out" "  volume = 35;" && hasF "$out" "  every = \"1h30m\";"'
t "a list shows up" 'hasF "$out" "  conditions = [\"pregnancy\"];"'
t "the file read is no longer (none)" 'hasF "$out" "#   $CONF
"'

# the system-wide file counts, and the user's wins key by key
mkdir -p "$XDG_CONFIG_DIRS/unknot"
printf 'audio = { volume = 20; voice = false; };\n' > "$XDG_CONFIG_DIRS/unknot/config"
printf 'audio = { volume = 35; };\n' > "$CONF"
run_cli config
t "XDG_CONFIG_DIRS is read, the user's file winning" 'hasF "$out" "  volume = 35;" && hasF "$out" "  voice = false;"'
rm "$CONF"
run_cli config
t "without the user's file the system-wide one rules" 'hasF "$out" "  volume = 20;"'

printf 'audio = { volume = "loud"; };\n' > "$CONF"
run_cli config
t "a broken config: its error, exit 1, nothing on stdout" '[ $rc = 1 ] && [ -z "$out" ] && has "$err" "config:1: error: audio: .volume. must be a whole number"'
printf 'audio = { volum = 20; };\n' > "$CONF"
run_cli config
t "a warning is printed and the rest still shown" '[ $rc = 0 ] && has "$err" "unknown key .volum. (did you mean .volume.?)" && hasF "$out" "  volume = 20;"'

run_cli config extra
t "config takes no arguments" '[ $rc = 2 ]'
finish
