#!/bin/sh
# Make unknot's cue sounds: tones with sox, words with espeak-ng.
#
#   audio/make-cues.sh [DIR]     writes the .wav files into DIR (default:
#                                the folder of this script)
#
# The files are committed, so building unknot needs neither tool, and the
# output is the same bytes on every run (tests/cues.sh checks the committed
# files against it in `make check`): sox runs in repeatable mode (-R) and
# without dither (-D, which would add random noise when it reduces to 16
# bits), and espeak-ng is deterministic.
#
# Every file: 48000 Hz (the rate the player opens the device at, so that
# nothing is resampled as it starts: SDL's resampler took 17 ms of CPU for
# the sixteen files at 22050 Hz), mono, 16-bit WAV, under 200 KB, no silence at the
# start (a cue sounds the moment it plays), 5 ms fades at both ends (no
# clicks), and peak-normalised to -3 dBFS (the same loudness, and headroom:
# the player lowers what overlaps so that nothing reaches full scale).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here}
mkdir -p "$out"
cd "$out"
command -v sox >/dev/null || { echo "make-cues.sh needs sox: apt-get install sox" >&2; exit 1; }
command -v espeak-ng >/dev/null || { echo "make-cues.sh needs espeak-ng: apt-get install espeak-ng" >&2; exit 1; }
RATE=48000
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
sox() { command sox -R -D "$@"; }

# finish IN OUT: the common treatment
finish() {
	sox "$1" -r $RATE -c 1 -b 16 "$T/trimmed.wav" silence 1 0.005 0.5% reverse silence 1 0.005 0.5% reverse
	sox "$T/trimmed.wav" "$2" fade t 0.005 0 0.005 norm -3
}
# tone OUT SPEC...: sox synth notes, joined
tone() {
	name=$1; shift
	i=0; parts=""
	for spec in "$@"; do
		# spec = SECONDS:FREQ
		sox -n -r $RATE -c 1 -b 16 "$T/p$i.wav" synth "${spec%%:*}" sine "${spec#*:}" fade t 0.005 0 0.02
		parts="$parts $T/p$i.wav"; i=$((i + 1))
	done
	# shellcheck disable=SC2086
	sox $parts "$T/joined.wav"
	finish "$T/joined.wav" "$name"
}
# voice OUT WORDS: spoken, a little slow and clear
voice() {
	espeak-ng -v en-gb -s 145 -p 45 -w "$T/v.wav" "$2"
	finish "$T/v.wav" "$1"
}

tone tick.wav      0.08:1320
tone start.wav     0.12:660 0.20:990
tone halfway.wav   0.25:880
tone switch.wav    0.10:990 0.10:660 0.10:990 0.10:660
tone ten-left.wav  0.10:1100 0.10:1650
tone rest.wav      0.35:523
tone step-end.wav  0.15:990 0.25:660
tone complete.wav  0.15:523 0.15:659 0.15:784 0.40:1047
tone reminder.wav  0.30:784 0.30:1047 0.50:784

# where a cue is spoken, a two-sided step's side is said
voice left-voice.wav      "left side"
voice switch-voice.wav    "now the right side"
voice ten-left-voice.wav  "ten seconds"
voice rest-voice.wav      "rest"
voice complete-voice.wav  "routine complete"
voice reminder-voice.wav  "time for a posture break"

for f in *.wav; do
	size=$(wc -c < "$f")
	[ "$size" -lt 204800 ] || { echo "$f is $size bytes: over 200 KB" >&2; exit 1; }
done
ls -l ./*.wav
