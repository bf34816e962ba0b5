# Shell completion, driven for real: bash and zsh in tmux, with the
# scripts from src/extra/, pressing Tab as a person would.
. tests/e2e/lib.sh
export PATH="$TOP/build:$PATH"
mkdir -p "$E2E_TMP/work/my routines/sub"
cp routines/desk-reset.routine "$E2E_TMP/work/my routines/a b.routine"
: > "$E2E_TMP/work/my routines/notes.txt"

# line: the shell's last non-empty line (the prompt and what is typed)
line() { screen | sed '/^ *$/d' | tail -n 1; }
# type TEXT, press Tab (twice when asked), wait for WANT on the prompt line
complete_to() { # NAME TEXT WANT [tabs]
	keys C-u "$2"
	keys Tab
	[ "${4:-1}" = 2 ] && { sleep 0.3; keys Tab; }
	_i=0
	while [ $_i -lt 200 ]; do  # up to 10 s: a loaded machine is slow to draw
		if line | grep -qF -- "$3"; then ok "$1"; return; fi
		sleep 0.05; _i=$((_i + 1))
	done
	bad "$1" "wanted: $3" "line was: $(line)"
}
# type TEXT, press Tab twice, wait for every WANT in the listing
lists() { # NAME TEXT WANT...
	_name=$1 _text=$2; shift 2
	keys C-u C-l  # an empty line on a clear screen: no listing from before
	keys "$_text" Tab Tab
	_i=0
	while :; do  # until every word is listed, up to 10 s
		_s=$(screen)
		_missing=""
		for _w in "$@"; do printf '%s\n' "$_s" | grep -qF -- "$_w" || _missing="$_missing $_w"; done
		[ -z "$_missing" ] || [ $_i -ge 200 ] && break
		sleep 0.05; _i=$((_i + 1))
	done
	if [ -z "$_missing" ]; then ok "$_name"; else bad "$_name" "missing:$_missing" "screen was:" "$_s"; fi
	# not C-c: readline may drop what is typed while it recovers from SIGINT
}

# --- bash ------------------------------------------------------------------------------------
start_tui 120 30 "cd '$E2E_TMP/work'; . '$TOP/src/extra/completion.bash'"
wait_for "[exit 0]" 5 >/dev/null
complete_to "bash: a command" "unknot hist" "unknot history"
complete_to "bash: a routine id" "unknot run desk" "unknot run desk-reset"
complete_to "bash: an option" "unknot run desk-reset --spee" "unknot run desk-reset --speed"
lists "bash: remind's requests" "unknot remind s" status snooze skip stop
complete_to "bash: remind snooze offers durations, not --" "unknot remind snooze 3" "unknot remind snooze 30m"
complete_to "bash: a folder with a space, ending in /" "unknot check my" 'unknot check my\ routines/'
complete_to "bash: a file with a space, quoted" 'unknot check my\ routines/a' 'unknot check my\ routines/a\ b.routine'
lists "bash: only routine files and folders" 'unknot check my\ routines/' 'a b.routine' 'sub/'
t "bash: other files are not offered" '! screen | grep -q notes.txt'
complete_to "bash: --opt=value completes the value" "unknot run --speed=0." "unknot run --speed=0.5"
complete_to "bash: help completes commands" "unknot help rem" "unknot help remind"
stop_tui

# an id that is a glob pattern is offered as it is, never expanded
mkdir -p "$XDG_CONFIG_HOME/unknot/routines"
cp routines/desk-reset.routine "$XDG_CONFIG_HOME/unknot/routines/*.routine"
: > "$E2E_TMP/work/stray.txt"
got=$(cd "$E2E_TMP/work" && bash -c '. "$1"; COMP_WORDS=(unknot run ""); COMP_CWORD=2; _unknot; printf "%s\n" "${COMPREPLY[@]}"' - "$TOP/src/extra/completion.bash")
t "bash: an id that is a glob pattern is offered as it is" 'printf "%s\n" "$got" | grep -qx "[*]" && ! printf "%s\n" "$got" | grep -q "stray.txt"'
rm -f "$XDG_CONFIG_HOME/unknot/routines/*.routine" "$E2E_TMP/work/stray.txt"

# --- zsh -------------------------------------------------------------------------------------
if command -v zsh >/dev/null; then
	mkdir -p "$E2E_TMP/zfunc"
	cp src/extra/completion.zsh "$E2E_TMP/zfunc/_unknot"
	printf '%s\n' "PS1='%% '" "fpath=($E2E_TMP/zfunc \$fpath)" "autoload -Uz compinit && compinit -u -d $E2E_TMP/zcompdump" \
		"cd '$E2E_TMP/work'" "print ready" > "$E2E_TMP/zshrc"
	mkdir -p "$E2E_TMP/zdot" && cp "$E2E_TMP/zshrc" "$E2E_TMP/zdot/.zshrc"
	tui_n=$((tui_n + 1)) TMUX_SOCK=$E2E_TMP/tmux.$tui_n
	tm -f /dev/null new-session -d -s t -x 120 -y 30 "env ZDOTDIR=$E2E_TMP/zdot PATH=$PATH zsh -i"
	tm set-option -t t status off >/dev/null
	wait_for "ready" 10 >/dev/null
	complete_to "zsh: a command" "unknot hist" "unknot history"
	complete_to "zsh: a routine id" "unknot run desk" "unknot run desk-reset"
	complete_to "zsh: remind's request" "unknot remind sta" "unknot remind status"
	complete_to "zsh: an option" "unknot run desk-reset --mu" "unknot run desk-reset --mute"
	complete_to "zsh: a file with a space" 'unknot check my\ routines/a' 'unknot check my\ routines/a\ b.routine'
	complete_to "zsh: --opt=value completes the value" "unknot run --speed=0." "unknot run --speed=0.5"
	stop_tui
else
	bad "zsh is installed (make check installs it)"
fi

finish
