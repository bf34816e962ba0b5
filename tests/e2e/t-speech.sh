# Spoken steps (--speak, audio.speak), heard through SDL's disk driver:
# each step is said as it begins, and a machine without speech says so.
. tests/e2e/lib.sh
SPEAK=$TOP/tests/data/e2e/speak.routine
ONSETS=$TOP/build/tests/onsets
mkdir -p "$XDG_CONFIG_HOME/unknot"
export UNKNOT_SPEECH=espeak-ng  # not the desktop's speech-dispatcher, which the disk file cannot hear

# hear ARGS...: run the speech routine; $sounds gets "START LENGTH" lines
hear() {
	rec_start
	start_tui 80 24 "SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=$REC_FIFO $UNKNOT run $SPEAK $*"
	wait_for "Before you start"; keys y
	wait_for "Routine complete" 30 || bad "the speech routine finished" "$(screen)"
	keys x; wait_for "[exit 0]" 10
	stop_tui; rec_stop
	sounds=$("$ONSETS" "$REC_RAW" 2>/dev/null)
}
# stepN N: when step N (1 or 2) began: its first tick (the first sound under
# 100 ms after 1 or 11 s) is 5 s later; the disk driver drifts about 2%
stepN() { printf '%s\n' "$sounds" | awk -v n="$1" '$2 < 100 && $1 > (n - 1) * 10000 + 1000 { print int($1 - 5000); exit }'; }
# len_at MS: how much sound there is in the 3 s from MS, provided the
# first of it starts within 500 ms, give or take the drift (0: none); speech
# has gaps between words
len_at() {
	printf '%s\n' "$sounds" | awk -v t="$1" '
		!f && $1 >= t - 250 && $1 <= t + 500 { f = 1 }
		f && $1 < t + 3000 { s += $2 }
		END { print s + 0 }'
}
total() { printf '%s\n' "$sounds" | awk '{ s += $2 } END { print s + 0 }'; }

printf 'health = { ask_pain = false; };\naudio = { speak = "off"; };\n' > "$XDG_CONFIG_HOME/unknot/config"
hear
quiet_total=$(total)
t "speak = off: nothing is heard at the first step's start" '[ "$(len_at "$(stepN 1)")" = 0 ]'
t "speak = off: the second step's start is the step-end cue alone ($(len_at "$(stepN 2)") ms)" \
	'awk -v l="$(len_at "$(stepN 2)")" "BEGIN { exit !(l > 300 && l < 500) }"'

# said: NAME: speech follows each step's start, and there is more sound
said() {
	for n in 1 2; do
		t "$1: step $n is said as it begins ($(len_at "$(stepN $n)") ms of sound)" \
			'awk -v l="$(len_at "$(stepN $n)")" "BEGIN { exit !(l > 800) }"'
	done
	t "$1: more sound in all than without ($(total) ms against $quiet_total ms)" \
		'awk -v a="$(total)" -v b="$quiet_total" "BEGIN { exit !(a > b + 1500) }"'
}
hear --speak
said "--speak"
printf 'health = { ask_pain = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"
hear
said "audio.speak's default (titles)"

# --- plain mode: the screening's warnings are said too ---------------------
# The routine in plain lines through a pipe (no screen): the warnings are
# said before it starts, and it starts once they have been said.
printf 'health = { ask_pain = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"
sed 's/^title = .*/&\nwarnings = ["Stop at once if the pain spreads into a leg, and see a doctor."];/' "$SPEAK" \
	> "$E2E_TMP/warned.routine"
# before_tick: how much sound is heard before the first tick (a sound under 100 ms)
before_tick() { printf '%s\n' "$sounds" | awk '$2 < 100 { exit } { s += $2 } END { print s + 0 }'; }
plain() { # ROUTINE ARGS...
	f=$1; shift
	rec_start
	echo y | SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=$REC_FIFO timeout 60 "$UNKNOT" run "$f" --plain "$@" \
		> "$E2E_TMP/plain.out" 2>&1
	rec_stop
	sounds=$("$ONSETS" "$REC_RAW" 2>/dev/null)
}
plain "$SPEAK" --speak
plain_quiet=$(before_tick)
plain "$E2E_TMP/warned.routine" --speak
t "plain mode, spoken steps: the warnings are written" 'grep -q "Stop at once if the pain spreads" "$E2E_TMP/plain.out"'
t "... and said before the routine starts ($(before_tick) ms of sound before the first tick, $plain_quiet without warnings)" \
	'awk -v a="$(before_tick)" -v b="$plain_quiet" "BEGIN { exit !(a > b + 2000) }"'
printf 'health = { ask_pain = false; };\naudio = { speak = "off"; };\n' > "$XDG_CONFIG_HOME/unknot/config"
plain "$E2E_TMP/warned.routine"
t "plain mode, speak = off: the warnings are not said (nothing before the first tick: $(before_tick) ms)" \
	'[ "$(before_tick)" = 0 ]'

# --- no speech engine: the routine runs the same, said once ----------------
start_tui 80 24 "UNKNOT_SPEECH=none SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=/dev/null $UNKNOT run $SPEAK --speak"
wait_for "Before you start"; keys y
expect_screen "no speech engine: said on the status line" "no speech: neither speech-dispatcher nor espeak-ng"
expect_screen "... and the routine runs to the end" "Routine complete" 30
keys x; stop_tui
finish
