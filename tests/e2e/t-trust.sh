# Trust boundaries (issue 11): what a hostile file, file name, environment
# or disk can do to the real binary.  Every case here was an attack that
# worked before.
. tests/e2e/lib.sh
has() { printf '%s\n' "$1" | grep -q -- "$2"; }
hasF() { printf '%s\n' "$1" | grep -qF -- "$2"; }
ESC=$(printf '\033') BEL=$(printf '\007')
# no_controls TEXT: true when TEXT holds no escape, bell or other C0 control but newlines
no_controls() { ! printf '%s' "$1" | tr -d '\n' | LC_ALL=C grep -q '[[:cntrl:]]'; }

# ---- escape sequences never reach the terminal -----------------------------

# OSC 52 would set the terminal's clipboard from `unknot check`
printf 'version = 1;\ntitle = "Clip";\nsteps = ( { type = "hold"; title = "S"; duration = "\033]52;c;ZWNobyBwd25lZA==\007"; } );\n' \
	> "$E2E_TMP/clip.routine"
run_cli check "$E2E_TMP/clip.routine"
t "a bad duration is quoted in its diagnostic without its escape sequence" \
	'[ $rc = 1 ] && no_controls "$err" && hasF "$err" "\x1b]52;c;"'

# a routine file name with an escape sequence, in list, show and warnings
mkdir -p "$XDG_CONFIG_HOME/unknot/routines"
evil="$XDG_CONFIG_HOME/unknot/routines/x${ESC}[2J${ESC}]0;pwned${BEL}.routine"
cp routines/desk-reset.routine "$evil"
run_cli list
t "list shows a file name's escape sequence as text" \
	'[ $rc = 0 ] && no_controls "$out" && hasF "$out" "x\x1b[2J\x1b]0;pwned\x07"'
run_cli show "$evil"
t "show shows the path's escape sequence as text" '[ $rc = 0 ] && no_controls "$out" && hasF "$out" "\x1b[2J"'
printf 'version = 1;\n' > "$evil"
run_cli list
t "a broken file's name in a warning is shown as text" '[ $rc = 1 ] && no_controls "$err" && hasF "$err" "\x1b[2J"'
run_cli check "$evil"
t "check names a file with an escape in its name as text" '[ $rc = 1 ] && no_controls "$err"'
rm -f "$evil"
run_cli show "no-such-${ESC}[2J"
t "an id typed on the command line is quoted as text" '[ $rc = 1 ] && no_controls "$err" && hasF "$err" "no-such-\x1b[2J"'

# the routine field of history and history --csv
mkdir -p "$XDG_STATE_HOME/unknot"
printf '# unknot history\n2026-01-05T08:00:00+01:00\tx%s[2J%s]52;c;QQ==%s\tcompleted\t135\t-\t-\n' "$ESC" "$ESC" "$BEL" \
	> "$XDG_STATE_HOME/unknot/history.tsv"
run_cli history
t "history shows an id's escape sequence as text" '[ $rc = 0 ] && no_controls "$out" && hasF "$out" "x\x1b[2J"'
run_cli history --csv
t "history --csv shows an id's escape sequence as text" '[ $rc = 0 ] && no_controls "$out" && hasF "$out" "x\x1b[2J\x1b]52;c;QQ==\x07"'
rm -f "$XDG_STATE_HOME/unknot/history.tsv"

# ---- a routine title cannot pose as another ---------------------------------
printf 'version = 1;\ntitle = "Desk\342\200\214 reset";\nsteps = ( { type = "hold"; title = "S"; duration = 30; } );\n' \
	> "$E2E_TMP/pose.routine"
run_cli check "$E2E_TMP/pose.routine"
t "a title with a zero-width character is refused" '[ $rc = 1 ] && hasF "$err" "U+200C"'

finish
