#!/bin/sh
# The sound's figures, for `make bench` (run from tests/bench/run.sh):
# what sound costs beside --mute, measured side by side in one run; wake-ups
# while paused; how late a cue and a spoken step are, through the disk driver.
M=$1 U=$2 TMP=$3
B=build/bench
mkdir -p "$XDG_CONFIG_HOME/unknot"
printf 'health = { ask_pain = false; };\naudio = { speak = "off"; };\n' > "$XDG_CONFIG_HOME/unknot/config"
line() { printf '%-44s %s\n' "$1" "$2"; }
field() { sed -n "s/^$1: //p" "$2"; }

# --- CPU over whole bundled routines: --mute and sound, all at the same time ---
# Every bundled routine (SOUND_BENCH_ROUTINES="desk-reset lower-back" for
# fewer), each three ways at once: --mute, the dummy driver (plays to
# nothing, as a sound card would) and the disk driver (writes the samples,
# here to /dev/null).  desk-reset, a cue every 1-3 s, is the hardest case
# for a device opened only around cues; the longest (acute-flare) takes 21 minutes, and
# so does the whole set.
ROUTINES=${SOUND_BENCH_ROUTINES:-$(ls routines/*.routine | sed 's,.*/,,; s,[.]routine$,,')}
whole() { # NAME ROUTINE FLAG ENV...: run the routine to its end, CPU and RSS into $TMP/NAME
	name=$1 routine=$2 flag=$3; shift 3
	env "$@" $B/ptyrun limit=1800 wait="Before you start" send=y wait="Routine complete" send=x \
		-- $U run $routine $flag > "$TMP/$name" 2>&1
}
for r in $ROUTINES; do
	whole $r.mute $r --mute &
	whole $r.dummy $r "" SDL_AUDIODRIVER=dummy &
	whole $r.disk $r "" SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=/dev/null &
done
wait
echo "player CPU over each whole bundled routine at speed 1, all run at once [sound < 1.5x --mute]:"
printf '  %-18s %12s %22s %22s %s\n' routine "--mute" "sound, dummy driver" "sound, disk driver" "peak RSS mute/dummy/disk"
cpu_ms() { field cpu "$1" | sed 's/ ms.*//'; }
rss_mb() { field rss "$1" | sed 's/ MB.*//'; }
for r in $ROUTINES; do
	m=$(cpu_ms "$TMP/$r.mute")
	cell() { c=$(cpu_ms "$TMP/$r.$1"); printf '%s ms (%sx)' "${c:-?}" "$(awk -v a="$c" -v b="$m" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"; }
	printf '  %-18s %9s ms %22s %22s %s/%s/%s MB\n' "$r" "${m:-?}" "$(cell dummy)" "$(cell disk)" \
		"$(rss_mb "$TMP/$r.mute")" "$(rss_mb "$TMP/$r.dummy")" "$(rss_mb "$TMP/$r.disk")"
done

# --- paused: wake-ups of every thread, from /proc ----------------------------
cat > $TMP/dense.routine <<'R'
version = 1;
title = "Dense cues";
prepare = 3;
steps = ( { type = "posture"; title = "Tucks"; duration = 3; reps = 40; rest = 2; } );
R
# switches PID: context switches of every thread so far (each is a wake-up
# or a preemption); threads PID: how many there are
switches() { cat /proc/$1/task/*/status 2>/dev/null | awk '/ctxt_switches/ { s += $2 } END { print s + 0 }'; }
paused() { # NAME FLAG ENV...: wake-ups per second while paused, over 10 s
	name=$1 flag=$2; shift 2
	env "$@" $B/ptyrun wait="Before you start" send=y wait="Step 1/1" sleep=2 send=" " sleep=14 send=q send=y \
		wait="Routine stopped" send=x -- $U run $TMP/dense.routine $flag > "$TMP/p-$name" 2>&1 &
	sleep 4  # the screening, then paused 2 s into the routine
	pid=$(pgrep -n -f "^$U run $TMP/dense.routine") || { echo "  $name: no player found"; return; }
	sleep 1
	a=$(switches $pid); th=$(ls /proc/$pid/task | wc -l)
	sleep 10
	b=$(switches $pid)
	printf '  %-42s %s wake-ups/s (%s in 10 s), %s thread(s)\n' "$name" \
		"$(awk -v a=$a -v b=$b 'BEGIN { printf "%.1f", (b - a) / 10 }')" $((b - a)) "$th"
	wait
}
echo "paused, every thread of the player [sound on: 0 wake-ups/s]:"
paused "--mute" --mute
paused "sound on, SDL dummy driver" "" SDL_AUDIODRIVER=dummy
paused "sound on, SDL disk driver" "" SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=$TMP/paused.raw
rm -f "$TMP/paused.raw"

# --- latency: a cue, and a spoken step, through the disk driver -------------
line "cue delay, device open, to first sample [< 50 ms]" \
	"$($B/audio-latency $PWD/build/unknot-audio.so $PWD/audio $TMP/latency.raw 2>/dev/null)"
line "cue delay, device closed: open and play" \
	"$($B/audio-latency $PWD/build/unknot-audio.so $PWD/audio $TMP/latency.raw cold 2>/dev/null)"

# Speech: every cue silent but the start tone, which marks each bout; a
# step is said as the step before ends, 1 s after that step's start tone.
mkdir -p $TMP/quiet/audio
cp -r routines $TMP/quiet/
for f in audio/*.wav; do
	n=$(wc -c < "$f")
	{ head -c 44 "$f"; head -c $((n - 44)) /dev/zero; } > "$TMP/quiet/$f"
done
cp audio/start.wav $TMP/quiet/audio/start.wav
{
	printf 'version = 1;\ntitle = "Speech latency";\nprepare = 3;\nsteps = (\n'
	for i in 1 2 3 4 5 6 7; do
		printf '  { type = "posture"; title = "Step %s"; duration = 1; }%s\n' $i "$([ $i = 7 ] || echo ,)"
	done
	printf ');\n'
} > $TMP/speech.routine
printf 'health = { ask_pain = false; };\naudio = { speak = "titles"; voice = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"
$B/diskrec $TMP/speech.fifo $TMP/speech.raw $TMP/speech.segs &
rec=$!
sleep 0.2
UNKNOT_SPEECH=espeak-ng UNKNOT_DATA_DIR=$TMP/quiet SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=$TMP/speech.fifo \
	$B/ptyrun wait="Before you start" send=y wait="Routine complete" send=x -- $U run $TMP/speech.routine \
	> /dev/null 2>&1
kill $rec; wait $rec 2>/dev/null
# sounds: start tones are 318 ms; the rest is speech, in pieces (the
# pauses between words split it).  Step k+1 begins 1000 ms after step k's
# start tone: its phrase is the first sound after that tone.  Step 1 begins
# 3000 ms before the first start tone (that figure carries the disk
# driver's ~2% drift over 3 s, about 60 ms).
$B/onsets $TMP/speech.raw 2>/dev/null | awk '
	{ at[++n] = $1; tone[n] = ($2 > 300 && $2 < 340) }
	END {
		for (i = 1; i <= n && !tone[i]; i++) ;
		if (i > n || i == 1) { print "  no speech heard (is espeak-ng installed?)"; exit }
		printf "  %-42s %.0f ms\n", "first step (rendered as the player starts)", at[1] - (at[i] - 3000)
		k = 0
		for (; i <= n; i++) {
			if (!tone[i] || i == n || tone[i + 1]) continue
			v[++k] = at[i + 1] - (at[i] + 1000)
		}
		for (a = 1; a <= k; a++) for (b = a + 1; b <= k; b++) if (v[b] < v[a]) { t = v[a]; v[a] = v[b]; v[b] = t }
		if (k) printf "  %-42s median %.0f ms, worst %.0f ms (%d steps)\n", "later steps (prepared during the one before)", v[int((k + 1) / 2)], v[k], k
	}' > $TMP/speech.fig
echo "speech delay, step start to first sound, espeak-ng, disk driver [< 300 ms]:"
cat $TMP/speech.fig
printf 'health = { ask_pain = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"
