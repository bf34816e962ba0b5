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
	rec_start
	start_tui 80 24 "SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=$REC_FIFO $UNKNOT run $1"
	wait_for "Before you start"; keys y
	wait_for "Routine complete" 20 || bad "the audio routine finished" "$(screen)"
	keys x
	wait_for "[exit 0]" 10
	stop_tui
	rec_stop
	sounds=$("$ONSETS" "$REC_RAW" 2>/dev/null)
}

# expect_cues NAME "WANT_MS..." "LENGTH_MS...": each sound starts within
# 100 ms of its time counted from the sound before it (the disk driver's
# clock drifts about 2%, so spans are compared, not the whole timeline) and
# lasts as its cue file does (within 30 ms), in that order, and there is no
# other sound.
expect_cues() {
	name=$1 want=$2 lens=$3
	got_n=$(printf '%s\n' "$sounds" | grep -c .)
	want_n=$(echo $want | wc -w)
	t "$name: $want_n sounds and silence between them (heard $got_n)" '[ "$got_n" = "$want_n" ]'
	i=1 worst=0 order=ok prev_at=0 prev_w=0
	for w in $want; do
		line=$(printf '%s\n' "$sounds" | sed -n "${i}p")
		at=${line% *} len=${line#* }
		[ $i = 1 ] && prev_at=$at
		l=$(echo $lens | cut -d" " -f$i)
		off=$(awk -v a="$at" -v p="$prev_at" -v w="$w" -v pw="$prev_w" 'BEGIN { d = (a - p) - (w - pw); print (d < 0 ? -d : d) }')
		prev_at=$at prev_w=$w
		worst=$(awk -v a="$off" -v b="$worst" 'BEGIN { print (a > b ? a : b) }')
		awk -v a="$len" -v b="$l" 'BEGIN { exit !((a - b) < 30 && (b - a) < 30) }' || order="sound $i lasts $len ms, not $l"
		i=$((i + 1))
	done
	t "$name: every cue within 100 ms of its time after the one before (worst $worst ms)" 'awk -v w="$worst" "BEGIN { exit !(w < 100) }"'
	t "$name: the right cue each time, in order ($order)" '[ "$order" = ok ]'
}

printf 'health = { ask_pain = false; };\naudio = { speak = "off"; };\n' > "$XDG_CONFIG_HOME/unknot/config"
hear "$AUDIO"
#             ticks 3-2-1     "left side" "rest" "now the right side" "routine complete"
expect_cues "spoken cues, the side said" "0 1000 2000 3000 5000 6000 8000" "78 78 78 805 407 1229 1118"

printf 'health = { ask_pain = false; };\naudio = { voice = false; speak = "off"; };\n' > "$XDG_CONFIG_HOME/unknot/config"
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

# --- the device is open only around cues --------------------------------------
DENSE=$TOP/tests/data/e2e/dense.routine
rec_size() { wc -c < "$REC_RAW" 2>/dev/null || echo 0; }
threads() { ls "/proc/$(tui_pid)/task" | wc -l; }
# quiet_for SECONDS: nothing is written to the device file for that long
quiet_for() { _a=$(rec_size); sleep "$1"; [ "$(rec_size)" = "$_a" ]; }
printf 'health = { ask_pain = false; };\naudio = { speak = "off"; };\n' > "$XDG_CONFIG_HOME/unknot/config"
rec_start
start_tui 80 24 "SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=$REC_FIFO $UNKNOT run $LONG"
wait_for "Before you start"; keys y; expect_screen "a routine of long holds runs" "First long hold"
# the start cue, then the next cue is 300 s away: the device closes
_i=0; while [ "$(wc -l < "$REC_SEGS")" -lt 1 ] && [ $_i -lt 100 ]; do sleep 0.05; _i=$((_i + 1)); done
t "the device closes after the start cue (the next is 300 s away)" '[ "$(wc -l < "$REC_SEGS")" = 1 ]'
t "... and nothing is written for 2 s" 'quiet_for 2'
t "... and SDL's audio thread is gone (1 thread)" '[ "$(threads)" = 1 ]'
stop_tui; rec_stop
t "the device was open only around the start cue (under a second)" \
	'awk "{ exit !(\$2 - \$1 < 1000) }" "$REC_SEGS"'

rec_start
start_tui 80 24 "SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=$REC_FIFO $UNKNOT run $DENSE"
wait_for "Before you start"; keys y; wait_for "Rep 3/40" 20
# so far: ticks at 0, 1 and 2 s, the start at 3, rest at 6, start at 8,
# rest at 11, start at 13: a second or more between cues, and each cue
# is over well before the next
segs=$(wc -l < "$REC_SEGS")
t "cues a second or more apart: the device closes between them ($segs openings closed for 8 cues)" \
	'[ "$segs" -ge 6 ]'
t "... each opening lasts under a second" 'awk "{ if (\$2 - \$1 >= 1000) exit 1 }" "$REC_SEGS"'
keys Space; expect_screen "space pauses" "PAUSED"
sleep 0.3
paused_segs=$(wc -l < "$REC_SEGS")
t "paused: nothing is written to the device file for 3 s" 'quiet_for 3'
t "paused: the device is not opened meanwhile" '[ "$(wc -l < "$REC_SEGS")" = "$paused_segs" ]'
t "paused: SDL's audio thread is gone (1 thread)" '[ "$(threads)" = 1 ]'
keys Space
t "resumed: the device opens for the next cue" '! quiet_for 3'
keys q y; wait_for "[exit" 10
stop_tui; rec_stop

# after the routine's last cue the device closes, though the end screen
# stays (it does not tick the sound)
printf 'health = { ask_pain = false; };\naudio = { speak = "off"; voice = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"
rec_start
start_tui 80 24 "SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=$REC_FIFO $UNKNOT run $AUDIO"
wait_for "Before you start"; keys y
wait_for "Routine complete" 20 || bad "the audio routine finished" "$(screen)"
sleep 1.2 # the complete cue is 0.85 s long
t "the end screen: the device is closed once the complete cue has played (1 thread)" '[ "$(threads)" = 1 ]'
t "... and nothing is written for 1 s" 'quiet_for 1'
keys x; wait_for "[exit 0]" 10
stop_tui; rec_stop

# --- no clipping: cues at one moment, cues over speech ------------------------
# Every bundled routine, fast (cues crowd each other more than at speed 1),
# steps spoken in full where espeak-ng is there: no sample at full scale.
printf 'health = { ask_pain = false; };\naudio = { speak = "all"; volume = 100; };\n' > "$XDG_CONFIG_HOME/unknot/config"
for f in routines/*.routine; do
	id=$(basename "$f" .routine)
	rec_start
	UNKNOT_SPEECH=espeak-ng SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=$REC_FIFO "$TOP/build/tests/ptyrun" \
		wait="Before you start" send=y wait="Routine complete" send=x -- "$UNKNOT" run "$id" --speed 100 \
		> "$E2E_TMP/ptyrun.out" 2>&1
	rec_stop
	peak=$("$ONSETS" "$REC_RAW" 2>&1 >/dev/null | sed -n 's/.*peak //p')
	t "$id at volume 100, spoken in full: no sample at full scale (peak $peak of 32767)" '[ "${peak:-99999}" -lt 32767 ]'
done
# the moment of the issue: a step's end on the first tick of the next (prepare = 3), at speed 1
sed 's/steps = (.*/steps = ( { type = "posture"; title = "A"; duration = 2; }, { type = "posture"; title = "B"; duration = 2; } );/' \
	"$AUDIO" > "$E2E_TMP/collide.routine"
printf 'health = { ask_pain = false; };\naudio = { speak = "off"; voice = false; volume = 100; };\n' > "$XDG_CONFIG_HOME/unknot/config"
hear "$E2E_TMP/collide.routine"
#               ticks      start end+tick ticks start complete
expect_cues "step end on a tick: one cue, the step end" "0 1000 2000 3000 5000 6000 7000 8000 10000" \
	"78 78 78 318 398 78 78 318 848"
peak=$("$ONSETS" "$REC_RAW" 2>&1 >/dev/null | sed -n 's/.*peak //p')
t "... no sample at full scale (peak $peak)" '[ "${peak:-99999}" -lt 32767 ]'

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

# --- ALSA's own error lines stay off stderr ------------------------------------
# Without a sound card, libasound prints eight "ALSA lib ..." lines to stderr
# as SDL's alsa driver fails to open the device: into the plain mode (read by
# screen readers) and the reminder daemon's log.  Only unknot's one line,
# with SDL's reason, may remain.  (Asserted where this machine has no card.)
if [ ! -e /dev/snd/controlC0 ] && ldconfig -p 2>/dev/null | grep -q 'libasound[.]so[.]2'; then
	printf 'health = { ask_pain = false; };\naudio = { speak = "off"; };\n' > "$XDG_CONFIG_HOME/unknot/config"
	SDL_AUDIODRIVER=alsa timeout 30 "$UNKNOT" timer 1 --plain < /dev/null 2> "$E2E_TMP/alsa.err" | cat > "$E2E_TMP/alsa.out"
	t "no sound card, plain mode through a pipe: no 'ALSA lib' line on stderr ($(grep -c 'ALSA lib' "$E2E_TMP/alsa.err") of them)" \
		'! grep -q "ALSA lib" "$E2E_TMP/alsa.err"'
	t "... the player's own line keeps SDL's reason" \
		'grep -q "sound off: no audio device (ALSA: " "$E2E_TMP/alsa.out" "$E2E_TMP/alsa.err"'
	t "... and the timer runs to the end" 'grep -q "^Routine complete" "$E2E_TMP/alsa.out"'
	SDL_AUDIODRIVER=alsa run_cli doctor
	t "doctor keeps SDL's reason, without ALSA's lines" \
		'printf "%s" "$out" | grep -q "sound off: no audio device (ALSA: " && ! printf "%s%s" "$out" "$err" | grep -q "ALSA lib"'
fi

# --- check warns about a step's sound that is not there -----------------------
sed 's/rest = 1; }/rest = 1; sound = "nope.wav"; }/' "$AUDIO" > "$E2E_TMP/nosound.routine"
run_cli check "$E2E_TMP/nosound.routine"
t "check warns about a missing sound (FILE:LINE: warning:)" '[ $rc = 0 ] && printf "%s" "$err" | grep -q "nosound.routine:6: warning: step 1: sound .nope.wav. not found"'
run_cli check --strict "$E2E_TMP/nosound.routine"
t "... which fails --strict" '[ $rc = 1 ]'

finish
