# Posture-break reminders: the foreground prompt, the daemon, the socket.
. tests/e2e/lib.sh
SHORT=$TOP/tests/data/e2e/short.routine
HIST=$XDG_STATE_HOME/unknot/history.tsv
ALWAYS="--hours 00:00-24:00 --days daily"
mkdir -p "$XDG_CONFIG_HOME/unknot"
printf 'health = { ask_pain = false; };\naudio = { enabled = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"
RUN=$XDG_RUNTIME_DIR/unknot
# alive PID: running (a zombie is not: some containers' init never reaps)
alive() { st=$(ps -o stat= -p "$1" 2>/dev/null); [ -n "$st" ] && [ "${st#Z}" = "$st" ]; }

# --- the foreground reminder -------------------------------------------------
start_tui 80 24 "$UNKNOT remind --every 3s --snooze 2s $ALWAYS --routine $SHORT"
expect_screen "it shows when the next break is due" "next break at"
t "and how it is set up" 'screen | grep -q "Every 3s, 00:00-24:00, daily"'
expect_screen "the prompt appears when due" "Time for a posture break" 6
run_cli remind status
t "status reaches it from another terminal" '[ $rc = 0 ] && printf "%s" "$out" | grep -q "every 3s"'
run_cli remind --daemon
t "a second reminder is refused, saying where the first runs" '[ $rc = 1 ] && printf "%s" "$err" | grep -q "already running (pid [0-9]*, in the foreground"'
keys z
expect_screen "z snoozes" "Today: 0 taken, 1 snoozed, 0 skipped"
t "the prompt is gone while snoozed" '! screen | grep -q "Time for a posture break"'
expect_screen "after the snooze it comes back" "Time for a posture break" 5
keys k
expect_screen "k skips" "Today: 0 taken, 1 snoozed, 1 skipped"
expect_screen "and after the interval it is due again" "Time for a posture break" 6
keys s
expect_screen "s starts the routine, screening first" "Before you start: Short test routine"
keys y
expect_screen "the player runs" "Step 1/2"
run_cli remind status
t "status is answered while the routine plays" '[ $rc = 0 ] && printf "%s" "$out" | grep -q "every 3s"'
expect_screen "to the end" "Routine complete" 15
keys x
expect_screen "then it is back to waiting" "Today: 1 taken, 1 snoozed, 1 skipped"
t "snoozed, skipped and taken are in the history" 'grep -q "	reminder-snoozed	" "$HIST" && grep -q "	reminder-skipped	" "$HIST" && grep -q "	reminder-taken	" "$HIST"'
t "the routine it ran is in the history" 'grep -q "short	completed	" "$HIST"'
keys q
expect_screen "q quits" "[exit 0]"
t "quitting leaves no socket and no lock" '[ ! -e "$RUN/remind.sock" ] && [ ! -e "$RUN/remind.lock" ]'
stop_tui

# --- a routine completed meanwhile counts as the break ---------------------------
start_tui 80 24 "$UNKNOT remind --every 6s $ALWAYS --routine $SHORT"
expect_screen "waiting" "next break at"
sleep 3
printf '%s\tdesk-reset\tcompleted\t0\t-\t-\n' "$(date +%Y-%m-%dT%H:%M:%S%:z)" >> "$HIST"
sleep 4
t "a completed routine restarted the interval: nothing due at 7 s" '! screen | grep -q "Time for a posture break"'
expect_screen "... and the break comes a full interval after it" "Time for a posture break" 6
keys q; stop_tui

# --- the daemon ------------------------------------------------------------------------
run_cli remind --every 1h $ALWAYS --daemon
t "--daemon detaches and says how to stop it" '[ $rc = 0 ] && printf "%s" "$out" | grep -q "in the background (pid [0-9]*)"'
pid=$(printf "%s" "$out" | sed -n 's/.*(pid \([0-9]*\)).*/\1/p')
t "the daemon runs" 'alive "$pid"'
t "its folder and socket are private" '[ "$(stat -c %a "$RUN")" = 700 ] && [ "$(stat -c %a "$RUN/remind.sock")" = 600 ]'
t "it has no terminal" '[ "$(ps -o tty= -p "$pid" | tr -d " ")" = "?" ]'
t "its standard streams are /dev/null" '[ "$(readlink /proc/$pid/fd/1)" = /dev/null ]'
t "waiting, it has not loaded SDL" '! grep -q libSDL2 /proc/$pid/maps'
run_cli remind status
t "status" '[ $rc = 0 ] && printf "%s" "$out" | grep -q "every 1h"'
run_cli remind snooze 20m
t "snooze D" '[ $rc = 0 ] && printf "%s" "$out" | grep -q "^snoozed: next break at"'
run_cli remind snooze lots
t "snooze with a bad duration is a usage error" '[ $rc = 2 ]'
run_cli remind skip
t "skip" '[ $rc = 0 ] && printf "%s" "$out" | grep -q "^skipped"'
run_cli remind --daemon
t "a second daemon is refused (exit 1), naming the first" '[ $rc = 1 ] && printf "%s" "$err" | grep -q "pid $pid, in the background"'
run_cli remind stop
t "stop" '[ $rc = 0 ] && printf "%s" "$out" | grep -q "stopping"'
t "stop ends it and leaves no socket behind" '[ ! -e "$RUN/remind.sock" ] && ! alive "$pid"'
run_cli remind status
t "status with none running says so (exit 1)" '[ $rc = 1 ] && printf "%s" "$err" | grep -q "no reminder is running"'

run_cli remind --every 1h $ALWAYS --daemon
pid=$(printf "%s" "$out" | sed -n 's/.*(pid \([0-9]*\)).*/\1/p')
kill -TERM "$pid"
for _ in 1 2 3 4 5 6 7 8 9 10; do alive "$pid" || break; sleep 0.1; done
t "SIGTERM stops the daemon and cleans up" '! alive "$pid" && [ ! -e "$RUN/remind.sock" ] && [ ! -e "$RUN/remind.lock" ]'

# a crash leaves a lock file and a socket: the next one recovers
run_cli remind --every 1h $ALWAYS --daemon
pid=$(printf "%s" "$out" | sed -n 's/.*(pid \([0-9]*\)).*/\1/p')
kill -KILL "$pid"; sleep 0.2
t "after a crash the socket and lock are left" '[ -e "$RUN/remind.sock" ] && [ -e "$RUN/remind.lock" ]'
run_cli remind --every 1h $ALWAYS --daemon
t "a new reminder recovers from the stale lock and socket" '[ $rc = 0 ]'
run_cli remind status
t "and answers" '[ $rc = 0 ]'
run_cli remind stop

# --- usage -------------------------------------------------------------------------------
run_cli remind --hours 17:00-09:00
t "bad hours are a usage error" '[ $rc = 2 ] && printf "%s" "$err" | grep -q "end after they start"'
run_cli remind --days someday
t "bad days are a usage error" '[ $rc = 2 ]'
run_cli remind --routine no-such-routine --daemon
t "an unknown routine is refused at once" '[ $rc = 1 ] && printf "%s" "$err" | grep -q "no routine called"'
run_cli remind frobnicate
t "an unknown request is a usage error" '[ $rc = 2 ]'

finish
