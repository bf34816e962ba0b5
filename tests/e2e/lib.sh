# Sourced by every end-to-end test: counters, assertions, a private
# environment, and tmux helpers for driving the real binary.
set -u
UNKNOT=${UNKNOT:-$PWD/build/unknot}
TOP=$PWD
E2E_TMP=$(mktemp -d /tmp/unknot-e2e.XXXXXX)
export HOME=$E2E_TMP/home XDG_CONFIG_HOME=$E2E_TMP/config XDG_DATA_HOME=$E2E_TMP/data
export XDG_STATE_HOME=$E2E_TMP/state XDG_RUNTIME_DIR=$E2E_TMP/run
# nothing from the machine's /etc/xdg or /usr/share counts in a test
export XDG_CONFIG_DIRS=$E2E_TMP/etc-xdg XDG_DATA_DIRS=$E2E_TMP/share
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_STATE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
# The red flags are shown the first time the UI opens; t-screens.sh tests
# that, the other tests start as a user who has read them.
mkdir -p "$XDG_STATE_HOME/unknot" && : > "$XDG_STATE_HOME/unknot/red-flags-read"
export LC_ALL=C.UTF-8
unset NO_COLOR
passed=0 failed=0

ok() { passed=$((passed + 1)); printf '  ok   %s\n' "$1"; }
bad() { failed=$((failed + 1)); printf '  FAIL %s\n' "$1"; shift; for l in "$@"; do printf '       %s\n' "$l"; done; }

# t NAME 'SHELL CONDITION': passes when the condition (eval'd here, so it
# sees $out, $err and $rc) is true
t() { if eval "$2"; then ok "$1"; else bad "$1" "condition: $2" "rc=${rc:-} stderr: ${err:-}"; fi; }

# run_cli ARGS...: run unknot, capturing $out, $err and $rc
run_cli() {
	out=$("$UNKNOT" "$@" 2>"$E2E_TMP/stderr") && rc=0 || rc=$?
	err=$(cat "$E2E_TMP/stderr")
}

# ---- tmux ----------------------------------------------------------------
tui_n=0
TMUX_SOCK=$E2E_TMP/tmux.0
tm() { tmux -S "$TMUX_SOCK" "$@"; }

# start_tui COLS ROWS COMMAND: an interactive bash in a detached tmux
# session of that size runs COMMAND as a job of its own (so that Ctrl-Z and
# fg work as for a person); after it, the prompt prints "[exit N]" and saves
# `stty -a` (to see that the terminal was left sane).
start_tui() {
	cols=$1 rows=$2; shift 2
	tui_n=$((tui_n + 1)) TMUX_SOCK=$E2E_TMP/tmux.$tui_n  # a fresh server each time
	printf '%s\n' "PS1='$ '" "PROMPT_COMMAND='s=\$?; stty -a > $E2E_TMP/stty.after; echo \"[exit \$s]\"'" \
		"export TERM=${TUI_TERM:-xterm-256color}" > "$E2E_TMP/bashrc"
	tm -f /dev/null new-session -d -s t -x "$cols" -y "$rows" "bash --rcfile $E2E_TMP/bashrc --noprofile -i"
	tm set-option -t t status off >/dev/null
	wait_for "[exit 0]" 5 >/dev/null
	keys "clear; $*" Enter
}
# the pid of the unknot process under tmux
tui_pid() { pgrep -n -f "^$UNKNOT" || pgrep -n -f "build/unknot"; }
screen() { tm capture-pane -p -t t 2>/dev/null; }
keys() { tm send-keys -t t "$@"; }

# wait_for TEXT [SECONDS]: wait until TEXT is on screen
wait_for() {
	_want=$1 _limit=${2:-10} _i=0
	while [ "$_i" -lt $((_limit * 20)) ]; do
		if screen | grep -qF -- "$_want"; then return 0; fi
		sleep 0.05; _i=$((_i + 1))
	done
	return 1
}
# expect_screen NAME TEXT [SECONDS]
expect_screen() {
	if wait_for "$2" "${3:-10}"; then ok "$1"; else bad "$1" "did not see: $2" "screen was:" "$(screen)"; fi
}
stop_tui() { tm kill-server >/dev/null 2>&1 || true; }

finish() {
	stop_tui
	rm -rf "$E2E_TMP"
	echo "$passed passed, $failed failed" > "${E2E_RESULT:-/dev/null}"
	[ "$failed" = 0 ]
}

# ---- sound ---------------------------------------------------------------
# The player opens the audio device only around cues, and SDL's disk
# driver truncates its file at every opening: diskrec (tests/tools) takes
# each opening from a FIFO and lays it on one timeline.  rec_start makes
# $REC_FIFO (give it as SDL_DISKAUDIOFILE) and records into $REC_RAW, with
# one "START_MS END_MS BYTES" line per opening in $REC_SEGS; rec_stop ends
# it once the player has closed the device.
REC_FIFO=$E2E_TMP/disk.fifo REC_RAW=$E2E_TMP/disk.raw REC_SEGS=$E2E_TMP/disk.segs
rec_start() {
	rm -f "$REC_RAW" "$REC_SEGS"
	"$TOP/build/tests/diskrec" "$REC_FIFO" "$REC_RAW" "$REC_SEGS" &
	rec_pid=$!
	_i=0
	while [ ! -p "$REC_FIFO" ] && [ $_i -lt 100 ]; do sleep 0.02; _i=$((_i + 1)); done
}
rec_stop() {
	kill -TERM "$rec_pid" 2>/dev/null
	wait "$rec_pid" 2>/dev/null || true
}
