#!/bin/sh
# The reminder's figures, for `make bench` (run from tests/bench/run.sh).
# CPU is read from /proc/PID/schedstat (ns on the CPU) and, for children it
# waited for (loginctl), from /proc/PID/stat.  A stand-in loginctl and
# notify-send (shell scripts) are put first on PATH so that idle detection
# really runs at each due time; they cost more than nothing, so the
# figures are upper bounds.
M=$1 U=$2 TMP=$3
B=build/bench
export XDG_RUNTIME_DIR=$TMP/run
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
SOCK=$XDG_RUNTIME_DIR/unknot/remind.sock
ALWAYS="--hours 00:00-24:00 --days daily"
mkdir -p "$TMP/bin"
cat > "$TMP/bin/loginctl" <<'S'
#!/bin/sh
echo IdleHint=no
echo IdleSinceHint=0
echo Display=
S
cat > "$TMP/bin/notify-send" <<S
#!/bin/sh
[ "\$1" = --help ] && exit 0
date +%s.%N >> $TMP/notified
S
chmod +x "$TMP/bin/loginctl" "$TMP/bin/notify-send"
cpu_ns() { cut -d' ' -f1 /proc/$1/schedstat; }
child_ticks() { awk '{ print $16 + $17 }' /proc/$1/stat; }
wait_sock() { i=0; while [ ! -S "$SOCK" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done; }

# 1. waiting: no due time in the window (it sleeps on a wall-clock timer)
$U remind --every 8h $ALWAYS --daemon >/dev/null
pid=$(sed -n 's/^pid \([0-9]*\).*/\1/p' "$XDG_RUNTIME_DIR/unknot/remind.lock")
sleep 1
a=$(cpu_ns $pid); sleep 60; b=$(cpu_ns $pid)
rss=$(awk '/^VmRSS/ { printf "%.2f MB", $2 / 1024 }' /proc/$pid/status)
$U remind stop >/dev/null
wait_ns=$((b - a))
printf '%-52s %s\n' "reminder waiting, CPU per hour [< 20 ms]" \
	"$(awk -v d=$wait_ns 'BEGIN { printf "%.3f ms (%.0f us over 60 s)", d / 1e6 * 60, d / 1e3 }')"
printf '%-52s %s\n' "reminder waiting, RSS [< 4 MB]" "$rss"

# 2. what one due time costs, idle detection on: every 45m run 60 times
# faster (a break every 45 s), over two of them
PATH=$TMP/bin:$PATH UNKNOT_REMIND_SCALE=60 $U remind --every 45m $ALWAYS --daemon >/dev/null
pid=$(sed -n 's/^pid \([0-9]*\).*/\1/p' "$XDG_RUNTIME_DIR/unknot/remind.lock")
a=$(cpu_ns $pid); ca=$(child_ticks $pid)
sleep 91
b=$(cpu_ns $pid); cb=$(child_ticks $pid)
rss=$(awk '/^VmRSS/ { printf "%.2f MB", $2 / 1024 }' /proc/$pid/status)
$U remind stop >/dev/null
n=$(grep -c . "$TMP/notified" 2>/dev/null || echo 0)
printf '%-52s %s\n' "reminder, one due time with idle detection" \
	"$(awk -v d=$((b - a)) -v c=$((cb - ca)) -v n=$n 'BEGIN { if (n < 1) n = 1;
		printf "%.2f ms in the reminder + %d ms in loginctl (%d breaks)", d / 1e6 / n, c * 10 / n, n }')"
printf '%-52s %s\n' "reminder, an hour of 45-minute breaks [< 20 ms]" \
	"$(awk -v d=$((b - a)) -v c=$((cb - ca)) -v n=$n -v w=$wait_ns 'BEGIN { if (n < 1) n = 1;
		printf "%.2f ms in the reminder, %.0f ms with loginctl", (d / n) / 1e6 * 4 / 3 + w / 1e6 * 60,
		(d / n / 1e6 + c * 10 / n) * 4 / 3 + w / 1e6 * 60 }')"
printf '%-52s %s\n' "reminder RSS with idle detection on [< 4 MB]" "$rss"

# 3. `remind status` while the foreground reminder plays a routine
mkdir -p "$XDG_CONFIG_HOME/unknot"
printf 'health = { ask_pain = false; };\naudio = { enabled = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"
cat > $TMP/long.routine <<'R'
version = 1;
title = "Long";
prepare = 0;
steps = ( { type = "hold"; title = "Hold"; duration = 600; } );
R
$B/ptyrun wait="next break at" send=s wait="Before you start" send=y wait="Step 1/1" sleep=8 send=q \
	sleep=0.3 send=y sleep=0.5 send=x sleep=0.5 send=q -- $U remind --every 8h $ALWAYS \
	--routine $TMP/long.routine > $TMP/ptyrun.out 2>&1 &
wait_sock; sleep 2
$M 30 "remind status while a routine plays [< 10 ms]" $U remind status
wait

# 4. a due break under load: 200 clients asking at once, a slow client and
# hang-ups; when did the notification go out after the due second?
rm -f "$TMP/notified"
PATH=$TMP/bin:$PATH UNKNOT_REMIND_SCALE=60 $U remind --every 5m $ALWAYS --daemon --no-detach \
	2>/dev/null & nd=$!
wait_sock
load=$($B/clients "$SOCK" 200 16)
$U remind stop >/dev/null; wait $nd
printf '%-52s %s\n' "due break under 200 clients, slow, hang-ups [< 100 ms]" \
	"$(awk '{ f = ($1 - int($1)) * 1000; if (f > max) max = f; n++ }
		END { printf "%.1f ms late at most (%d breaks)", max, n }' "$TMP/notified"); $load"
