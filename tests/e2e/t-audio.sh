# Sound, heard through SDL's disk driver: every cue at its time, in order,
# with silence between; and a routine undisturbed where there is no sound.
. tests/e2e/lib.sh
AUDIO=$TOP/tests/data/e2e/audio.routine
LONG=$TOP/tests/data/e2e/long.routine
ONSETS=$TOP/build/tests/onsets
mkdir -p "$XDG_CONFIG_HOME/unknot"
RAW=$E2E_TMP/disk.raw

# hear ROUTINE: run it with the disk driver; $sounds gets "START LENGTH" lines
hear() {
	rm -f "$RAW"
	start_tui 80 24 "SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=$RAW $UNKNOT run $1"
	wait_for "Before you start"; keys y
	wait_for "Routine complete" 20 || bad "the audio routine finished" "$(screen)"
	keys x
	wait_for "[exit 0]" 10
	stop_tui
	sounds=$("$ONSETS" "$RAW" 2>/dev/null)
}

# expect_cues NAME "WANT_MS..." "LENGTH_MS...": each sound starts within
# 100 ms of its time (counted from the first sound) and lasts as its cue
# file does (within 30 ms), in that order, and there is no other sound.
expect_cues() {
	name=$1 want=$2 lens=$3
	got_n=$(printf '%s\n' "$sounds" | grep -c .)
	want_n=$(echo $want | wc -w)
	t "$name: $want_n sounds and silence between them (heard $got_n)" '[ "$got_n" = "$want_n" ]'
	first=$(printf '%s\n' "$sounds" | head -n 1 | cut -d" " -f1)
	i=1 worst=0 order=ok
	for w in $want; do
		line=$(printf '%s\n' "$sounds" | sed -n "${i}p")
		at=${line% *} len=${line#* }
		l=$(echo $lens | cut -d" " -f$i)
		off=$(awk -v a="$at" -v f="$first" -v w="$w" 'BEGIN { d = a - f - w; print (d < 0 ? -d : d) }')
		worst=$(awk -v a="$off" -v b="$worst" 'BEGIN { print (a > b ? a : b) }')
		awk -v a="$len" -v b="$l" 'BEGIN { exit !((a - b) < 30 && (b - a) < 30) }' || order="sound $i lasts $len ms, not $l"
		i=$((i + 1))
	done
	t "$name: every cue within 100 ms of its event (worst $worst ms)" 'awk -v w="$worst" "BEGIN { exit !(w < 100) }"'
	t "$name: the right cue each time, in order ($order)" '[ "$order" = ok ]'
}

printf 'health = { ask_pain = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"
hear "$AUDIO"
#             ticks 3-2-1     start rest switch complete
expect_cues "spoken cues" "0 1000 2000 3000 5000 6000 8000" "78 78 78 318 407 964 1118"

printf 'health = { ask_pain = false; };\naudio = { voice = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"
hear "$AUDIO"
expect_cues "tones only (audio.voice = false)" "0 1000 2000 3000 5000 6000 8000" "78 78 78 318 348 398 848"

# a step's own sound replaces its start cue
mkdir -p "$XDG_DATA_HOME/unknot/audio"
cp audio/halfway.wav "$XDG_DATA_HOME/unknot/audio/gong.wav"
sed 's/rest = 1; }/rest = 1; sound = "gong.wav"; }/' "$AUDIO" > "$E2E_TMP/own.routine"
hear "$E2E_TMP/own.routine"
expect_cues "a step's own sound" "0 1000 2000 3000 5000 6000 8000" "78 78 78 248 348 398 848"

# --- nothing that stays silent loads SDL ------------------------------------
maps_have_sdl() { grep -q 'libSDL2' "/proc/$(tui_pid)/maps"; }
start_tui 80 24 "SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=$RAW $UNKNOT run --mute $LONG"
wait_for "Before you start"; keys y; expect_screen "--mute: the routine runs" "First long hold"
t "--mute: SDL is never loaded" '! maps_have_sdl'
t "--mute: says sound is off, once, on the status line" 'screen | grep -q "sound off (--mute"'
stop_tui
printf 'audio = { enabled = false; };\nhealth = { ask_pain = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"
start_tui 80 24 "SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=$RAW $UNKNOT run $LONG"
wait_for "Before you start"; keys y; expect_screen "audio.enabled = false: the routine runs" "First long hold"
t "audio.enabled = false: SDL is never loaded" '! maps_have_sdl'
stop_tui
printf 'health = { ask_pain = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"
start_tui 80 24 "SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=$RAW $UNKNOT run $LONG"
wait_for "Before you start"
t "the screening screen has not loaded SDL" '! maps_have_sdl'
keys y; expect_screen "with sound: the routine runs" "First long hold"
t "the player has loaded SDL" 'maps_have_sdl'
keys +
expect_screen "+ turns the volume up, on screen" "Volume 90%"
keys - -
expect_screen "- turns it down" "Volume 70%"
keys m
expect_screen "m mutes" "Sound muted"
stop_tui

# --- no sound: the routine runs the same, and the screen stays clean ---------
for drv in alsa nosuchdriver; do
	start_tui 80 24 "SDL_AUDIODRIVER=$drv $UNKNOT run $AUDIO"
	wait_for "Before you start"; keys y
	expect_screen "SDL_AUDIODRIVER=$drv: sound off, said on the status line" "sound off: no audio device"
	expect_screen "SDL_AUDIODRIVER=$drv: the routine still runs to the end" "Routine complete" 15
	t "SDL_AUDIODRIVER=$drv: nothing printed over the screen" '! screen | grep -qi "alsa\|sdl\|error"'
	keys x; stop_tui
done
start_tui 80 24 "UNKNOT_MODULE_DIR=/nonexistent $UNKNOT run $AUDIO"
wait_for "Before you start"; keys y
expect_screen "a missing audio module: sound off, said so" "sound off: cannot load /nonexistent/unknot-audio.so"
expect_screen "... and the routine runs to the end" "Routine complete" 15
keys x; stop_tui
mkdir -p "$E2E_TMP/data/audio"
cp -r routines "$E2E_TMP/data/"
for f in audio/*.wav; do head -c 200 /dev/urandom > "$E2E_TMP/data/audio/${f#audio/}"; done
start_tui 80 24 "UNKNOT_DATA_DIR=$E2E_TMP/data SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=$RAW $UNKNOT run $AUDIO"
wait_for "Before you start"; keys y
expect_screen "corrupt cue files: sound off, said so" "sound off: no cue files"
expect_screen "... and the routine runs to the end" "Routine complete" 15
keys x; stop_tui

# --- check warns about a step's sound that is not there -----------------------
sed 's/rest = 1; }/rest = 1; sound = "nope.wav"; }/' "$AUDIO" > "$E2E_TMP/nosound.routine"
run_cli check "$E2E_TMP/nosound.routine"
t "check warns about a missing sound (FILE:LINE: warning:)" '[ $rc = 0 ] && printf "%s" "$err" | grep -q "nosound.routine:6: warning: step 1: sound .nope.wav. not found"'
run_cli check --strict "$E2E_TMP/nosound.routine"
t "... which fails --strict" '[ $rc = 1 ]'

finish
