#!/bin/sh
# The player's figures, for `make bench` (run from tests/bench/run.sh).
M=$1 U=$2 TMP=$3
B=build/bench
mkdir -p "$XDG_CONFIG_HOME/unknot"
printf 'health = { ask_pain = false; };\naudio = { enabled = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"
cat > $TMP/minute.routine <<'R'
version = 1;
title = "A minute";
prepare = 5;
steps = (
  { type = "hold"; title = "Hold"; duration = 30; sides = true; rest = 5; how = "Breathe."; },
  { type = "posture"; title = "Tucks"; duration = 5; reps = 10; rest = 2; }
);
R
cat > $TMP/half-hour.routine <<'R'
version = 1;
title = "Half an hour";
prepare = 0;
steps = (
  { type = "stretch"; title = "A"; duration = 45; sides = true; reps = 5; rest = 15; },
  { type = "hold"; title = "B"; duration = 60; reps = 10; rest = 30; },
  { type = "breathe"; title = "C"; duration = "5m45s"; }
);
R
first=$($B/ptyrun wait="Before you start" send=q -- $U run $TMP/minute.routine | sed -n 's/^seen .*: //p')
printf '%-44s %s\n' "time to the first frame [< 30 ms]" "$first"
out=$($B/ptyrun wait="Before you start" send=y wait="Step 1/2" sleep=60 send=qy wait="Routine stopped" send=x \
	-- $U run $TMP/minute.routine)
printf '%-44s %s (whole process, start-up included)\n' "player CPU over one minute at speed 1 [< 50 ms]" \
	"$(echo "$out" | sed -n 's/^cpu: //p')"
printf '%-44s %s\n' "player peak RSS, no sound [< 4 MB]" "$(echo "$out" | sed -n 's/^rss: //p')"
out=$($B/ptyrun wait="Type y" send="$(printf 'y\r')" wait="Step 1 of 2" sleep=60 send=qy wait="Routine stopped" \
	-- env TERM=dumb $U run $TMP/minute.routine)
printf '%-44s %s, peak RSS %s\n' "plain mode (TERM=dumb) CPU over one minute" \
	"$(echo "$out" | sed -n 's/^cpu: //p')" "$(echo "$out" | sed -n 's/^rss: //p')"
echo "clock at --speed 100 over a 30-minute routine [< 20 ms]:"
printf '  '; $B/clock $TMP/half-hour.routine 100

printf '%-44s %s\n' "cue delay, event to first sample [< 50 ms]" \
	"$($B/audio-latency $PWD/build/unknot-audio.so $PWD/audio $TMP/latency.raw 2>/dev/null)"
cat > $TMP/audio.routine <<'R'
version = 1;
title = "Audio";
prepare = 3;
steps = ( { type = "hold"; title = "Hold"; duration = 2; sides = true; rest = 1; } );
R
printf 'health = { ask_pain = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"
out=$(SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=$TMP/player.raw $B/ptyrun wait="Before you start" send=y \
	wait="Routine complete" send=x -- $U run $TMP/audio.routine)
printf '%-44s %s\n' "player peak RSS, every cue loaded [< 16 MB]" "$(echo "$out" | sed -n 's/^rss: //p')"
