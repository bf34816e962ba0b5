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
run_cli history --since 2026-02-31
t "history --since a date that does not exist is a usage error" '[ $rc = 2 ] && has "$err" "2026-02-31"'

# ---- a routine title cannot pose as another ---------------------------------
printf 'version = 1;\ntitle = "Desk\342\200\214 reset";\nsteps = ( { type = "hold"; title = "S"; duration = 30; } );\n' \
	> "$E2E_TMP/pose.routine"
run_cli check "$E2E_TMP/pose.routine"
t "a title with a zero-width character is refused" '[ $rc = 1 ] && hasF "$err" "U+200C"'

# ---- write errors on stdout (coreutils' close_stdout) -------------------------
out=$("$UNKNOT" list 2>"$E2E_TMP/stderr" >/dev/full) && rc=0 || rc=$?; err=$(cat "$E2E_TMP/stderr")
t "list >/dev/full fails (1) and says so" '[ $rc = 1 ] && has "$err" "^unknot: write error: No space left on device"'
out=$("$UNKNOT" --help 2>"$E2E_TMP/stderr" >/dev/full) && rc=0 || rc=$?; err=$(cat "$E2E_TMP/stderr")
t "--help >/dev/full fails (1) and says so" '[ $rc = 1 ] && has "$err" "write error"'
printf '# h\n2026-01-05T08:00:00+01:00\tdesk-reset\tcompleted\t135\t-\t-\n' > "$XDG_STATE_HOME/unknot/history.tsv"
out=$("$UNKNOT" history --csv 2>"$E2E_TMP/stderr" >/dev/full) && rc=0 || rc=$?; err=$(cat "$E2E_TMP/stderr")
t "history --csv >/dev/full fails (1) and says so" '[ $rc = 1 ] && has "$err" "write error"'
out=$("$UNKNOT" list 2>"$E2E_TMP/stderr" >&-) && rc=0 || rc=$?; err=$(cat "$E2E_TMP/stderr")
t "list with stdout closed fails (1) and says so" '[ $rc = 1 ] && has "$err" "write error: Bad file descriptor"'

# ---- files that are not what they seem: FIFOs, links, other users' -----------
rm -f "$XDG_STATE_HOME/unknot/history.tsv"
mkfifo "$XDG_STATE_HOME/unknot/history.tsv"
rc=0; timeout 5 "$UNKNOT" history >/dev/null 2>"$E2E_TMP/stderr" || rc=$?; err=$(cat "$E2E_TMP/stderr")
t "history.tsv as a FIFO: history says so at once (no hang)" '[ $rc = 1 ] && has "$err" "not a regular file"'
rc=0; timeout 5 "$UNKNOT" stats >/dev/null 2>"$E2E_TMP/stderr" || rc=$?
t "history.tsv as a FIFO: stats does not hang" '[ $rc = 1 ]'
rm -f "$XDG_STATE_HOME/unknot/history.tsv"

# a settings file, catalogue or routine folder that another user can write
mkdir -p "$XDG_CONFIG_HOME/unknot"
printf 'audio = { volume = 10; };\n' > "$XDG_CONFIG_HOME/unknot/config"
chmod 666 "$XDG_CONFIG_HOME/unknot/config"
run_cli run tests/data/e2e/short.routine
t "a config others can write is not read, with FILE: and why" \
	'[ $rc = 1 ] && hasF "$err" "unknot/config: error: not read: it can be written by other users"'
rm -f "$XDG_CONFIG_HOME/unknot/config"
printf 'conditions = ();\n' > "$XDG_CONFIG_HOME/unknot/safety.cfg"
chmod 646 "$XDG_CONFIG_HOME/unknot/safety.cfg"
run_cli safety
t "a catalogue others can write is not read" '[ $rc = 1 ] && hasF "$err" "safety.cfg: error: not read"'
rm -f "$XDG_CONFIG_HOME/unknot/safety.cfg"
mkdir -p "$XDG_DATA_HOME/unknot/routines"
cp routines/desk-reset.routine "$XDG_DATA_HOME/unknot/routines/planted.routine"
chmod 777 "$XDG_DATA_HOME/unknot/routines"
run_cli list
t "a routine folder others can write is not read, and list says why" \
	'[ $rc = 0 ] && ! has "$out" "^planted" && hasF "$err" "routines: warning: its routines are not read: it can be written by other users"'
chmod 755 "$XDG_DATA_HOME/unknot/routines"
run_cli list
t "... and read again once it is the user's alone" 'has "$out" "^planted "'
rm -rf "$XDG_DATA_HOME/unknot/routines"

# ---- a failed editor leaves no temporary copy behind --------------------------
mkdir -p "$E2E_TMP/tmp"
rc=0; TMPDIR=$E2E_TMP/tmp EDITOR=false VISUAL= "$UNKNOT" edit desk-reset </dev/null >/dev/null 2>"$E2E_TMP/stderr" || rc=$?
err=$(cat "$E2E_TMP/stderr")
t "an editor that fails: nothing changed, and no temporary file is left" \
	'[ $rc = 1 ] && has "$err" "the editor failed: nothing changed$" && [ -z "$(ls "$E2E_TMP/tmp")" ]'
rc=0; TMPDIR=$E2E_TMP/tmp EDITOR=/nonexistent/editor VISUAL= "$UNKNOT" edit desk-reset </dev/null >/dev/null 2>&1 || rc=$?
t "an editor that cannot run: no temporary file is left" '[ $rc = 1 ] && [ -z "$(ls "$E2E_TMP/tmp")" ]'
printf '#!/bin/sh\necho "# my change" >> "$1"\nexit 1\n' > "$E2E_TMP/bad-editor"; chmod +x "$E2E_TMP/bad-editor"
rc=0; TMPDIR=$E2E_TMP/tmp EDITOR=$E2E_TMP/bad-editor VISUAL= "$UNKNOT" edit desk-reset </dev/null >/dev/null 2>"$E2E_TMP/stderr" || rc=$?
err=$(cat "$E2E_TMP/stderr")
t "an editor that fails after a change: the change is kept and named" \
	'[ $rc = 1 ] && has "$err" "your edit is kept in $E2E_TMP/tmp/unknot-" && [ -n "$(ls "$E2E_TMP/tmp")" ]'
rm -rf "$E2E_TMP/tmp"

# ---- a planted link never makes unknot create or change a file ---------------
rm -f "$XDG_STATE_HOME/unknot/red-flags-read"
ln -s "$E2E_TMP/nologin" "$XDG_STATE_HOME/unknot/red-flags-read"
start_tui 80 24 "$UNKNOT run tests/data/e2e/short.routine"
wait_for "Before you start" 5 || { keys Enter; wait_for "Before you start" 5; }
keys q; wait_for "[exit 0]" 5
t "red-flags-read as a link: its target is not created" '[ ! -e "$E2E_TMP/nologin" ]'
stop_tui
rm -f "$XDG_STATE_HOME/unknot/red-flags-read"; : > "$XDG_STATE_HOME/unknot/red-flags-read"

# ---- a damaged or foreign sound module, a step's sound that is a FIFO ---------
# (the module is loaded while curses owns the terminal: a truncated one gave
# SIGBUS inside dlopen and left the terminal raw)
printf 'health = { ask_pain = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"
mkdir -p "$E2E_TMP/mod"
size=$(stat -c %s build/unknot-audio.so)
head -c $((size / 10)) build/unknot-audio.so > "$E2E_TMP/mod/unknot-audio.so"
rm -f "$E2E_TMP/stty.a" "$E2E_TMP/stty.b"
start_tui 80 24 "sh -c 'stty -a > $E2E_TMP/stty.b; UNKNOT_MODULE_DIR=$E2E_TMP/mod SDL_AUDIODRIVER=dummy $UNKNOT run tests/data/e2e/short.routine; echo \"[status \$?]\"; stty -a > $E2E_TMP/stty.a'"
expect_screen "a truncated sound module: the screening comes" "Before you start"
keys y
expect_screen "... and the routine runs, without sound" "Step 2/2" 15
keys q y; wait_for "Routine stopped" 5; keys x
expect_screen "... and ends normally" "[status 0]"
wait_for "[exit 0]" 5
t "... with the terminal as it was" 'diff "$E2E_TMP/stty.b" "$E2E_TMP/stty.a" >/dev/null'
stop_tui
out=$(UNKNOT_MODULE_DIR=$E2E_TMP/mod SDL_AUDIODRIVER=dummy "$UNKNOT" doctor 2>&1) || true
t "doctor says the module is damaged" 'hasF "$out" "is damaged (cut short"'
# a module built for another shape of the table
printf 'const struct { unsigned abi, size; void *f[12]; } unknot_audio_backend = {999, 8, {0}};\n' > "$E2E_TMP/old.c"
${CC:-cc} -shared -fPIC -o "$E2E_TMP/mod/unknot-audio.so" "$E2E_TMP/old.c"
out=$(UNKNOT_MODULE_DIR=$E2E_TMP/mod SDL_AUDIODRIVER=dummy "$UNKNOT" doctor 2>&1) || true
t "a module of another ABI is refused before use" 'hasF "$out" "is for another version of unknot"'
# a step's own sound that is a FIFO: it once froze the player, deaf to q and SIGTERM
mkdir -p "$XDG_DATA_HOME/unknot/audio"
mkfifo "$XDG_DATA_HOME/unknot/audio/stuck.wav"
printf 'version = 1;\ntitle = "Fifo";\nprepare = 0;\nsteps = ( { type = "rest"; title = "Listen"; duration = 30; sound = "stuck.wav"; } );\n' \
	> "$E2E_TMP/fifo.routine"
start_tui 80 24 "SDL_AUDIODRIVER=dummy $UNKNOT run $E2E_TMP/fifo.routine"
wait_for "Before you start" 5; keys y
expect_screen "a FIFO as a step's sound: the step starts" "Listen"
sleep 1
keys q
expect_screen "... and q still answers" "Stop the routine?" 5
keys y; wait_for "Routine stopped" 5; keys x
expect_screen "... and it ends" "[exit 0]"
stop_tui
rm -f "$XDG_DATA_HOME/unknot/audio/stuck.wav" "$XDG_CONFIG_HOME/unknot/config"

# ---- a fatal signal gives the terminal back before dying ----------------------
for pair in SEGV:11 BUS:7 ABRT:6 FPE:8 ILL:4; do
	sig=${pair%:*} code=$((128 + ${pair#*:}))
	rm -f "$E2E_TMP/stty.a" "$E2E_TMP/stty.b"
	# a plain sh around it: interactive bash would restore the tty itself
	start_tui 80 24 "sh -c 'stty -a > $E2E_TMP/stty.b; $UNKNOT run tests/data/e2e/long.routine; echo \"[status \$?]\"; stty -a > $E2E_TMP/stty.a'"
	expect_screen "SIG$sig: screening" "Before you start"
	kill -$sig "$(tui_pid)"
	expect_screen "SIG$sig: it dies of it (status $code)" "[status $code]"
	wait_for "[exit 0]" 5
	t "SIG$sig: stty is as before" 'diff "$E2E_TMP/stty.b" "$E2E_TMP/stty.a" >/dev/null'
	modes=$(tm display-message -p -t t '#{alternate_on} #{cursor_flag}')
	t "SIG$sig: out of the alternate screen, the cursor shown ($modes)" '[ "$modes" = "0 1" ]'
	stop_tui
done

finish
