# Posture-break reminders: the foreground screen, the daemon, the socket.
# UNKNOT_REMIND_SCALE=20 makes the reminder's durations 20 times shorter
# once checked: --every 1m comes due every 3 s.
. tests/e2e/lib.sh
SHORT=$TOP/tests/data/e2e/short.routine
HIST=$XDG_STATE_HOME/unknot/history.tsv
ALWAYS="--hours 00:00-24:00 --days daily"
FAST="UNKNOT_REMIND_SCALE=20"
SOCKCAT=$TOP/build/tests/sockcat
mkdir -p "$XDG_CONFIG_HOME/unknot"
printf 'health = { ask_pain = false; };\naudio = { enabled = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"
RUN=$XDG_RUNTIME_DIR/unknot
SOCK=$RUN/remind.sock
# alive PID: running (a zombie is not: some containers' init never reaps)
alive() { st=$(ps -o stat= -p "$1" 2>/dev/null); [ -n "$st" ] && [ "${st#Z}" = "$st" ]; }
pid_of() { printf "%s" "$1" | sed -n 's/.*(pid \([0-9]*\)).*/\1/p'; }
# wait_until 'CONDITION' [SECONDS]
wait_until() { _i=0; while [ $_i -lt $((${2:-5} * 20)) ]; do eval "$1" && return 0; sleep 0.05; _i=$((_i + 1)); done; return 1; }
reminder_lines() { grep -c "	reminder-" "$HIST" 2>/dev/null || true; }

# --- the foreground reminder -------------------------------------------------
start_tui 80 24 "$FAST $UNKNOT remind --every 1m --snooze 1m $ALWAYS --routine $SHORT"
expect_screen "it shows when the next break is due" "next break at"
t "and how it is set up" 'screen | grep -q "Every 3s, 00:00-24:00, daily"'
expect_screen "the prompt appears when due" "Time for a posture break" 6
t "the prompt names the routine and its real length" 'screen | grep -q "Short test routine (8s)"'
run_cli remind status
t "status reaches it from another terminal" '[ $rc = 0 ] && printf "%s" "$out" | grep -q "every 3s"'
t "status says a break is due" 'printf "%s" "$out" | grep -q "^a posture break is due now"'
run_cli remind --daemon
t "a second reminder is refused, saying where the first runs" '[ $rc = 1 ] && printf "%s" "$err" | grep -q "already running (pid [0-9]*, in the foreground"'
keys z
expect_screen "z snoozes" "Today: 1 offered, 0 taken, 1 snoozed, 0 skipped"
t "the prompt is gone while snoozed" '! screen | grep -q "Time for a posture break"'
expect_screen "after the snooze it comes back" "Time for a posture break" 6
keys k
expect_screen "k skips" "Today: 2 offered, 0 taken, 1 snoozed, 1 skipped"
expect_screen "and after the interval it is due again" "Time for a posture break" 6
keys s
expect_screen "s starts the routine, screening first" "Before you start: Short test routine"
keys q
expect_screen "q at the screening goes back to the prompt" "Time for a posture break"
t "going back at the screening is no break taken" '! grep -q "	reminder-taken	" "$HIST"'
keys s
expect_screen "s again" "Before you start: Short test routine"
keys y
expect_screen "the player runs" "Step 1/2"
run_cli remind status
t "status is answered while the routine plays" '[ $rc = 0 ] && printf "%s" "$out" | grep -q "every 3s"'
t "status says the break is being taken, not due (trial-b #2)" 'printf "%s" "$out" | grep -q "^a posture break is being taken now (Short test routine)"'
run_cli remind snooze
t "a snooze from another terminal is refused while the break is taken, saying why" '[ $rc = 1 ] && printf "%s" "$err" | grep -q "is being taken now: it cannot be snoozed"'
run_cli remind skip
t "so is a skip" '[ $rc = 1 ] && printf "%s" "$err" | grep -q "is being taken now: it cannot be skipped"'
expect_screen "to the end" "Routine complete" 15
keys x
expect_screen "then it is back to waiting" "Today: 3 offered, 1 taken, 1 snoozed, 1 skipped"
t "offered, snoozed, skipped and taken are in the history" 'grep -q "	reminder-offered	" "$HIST" && grep -q "	reminder-snoozed	" "$HIST" && grep -q "	reminder-skipped	" "$HIST" && [ $(grep -c "	reminder-taken	" "$HIST") = 1 ]'
t "the routine it ran is in the history" 'grep -q "short	completed	" "$HIST"'
keys p
expect_screen "p pauses" "paused until"
keys p
expect_screen "p again resumes" "resumed: next break at"
keys q
expect_screen "q quits" "[exit 0]"
t "quitting leaves no socket and no lock" '[ ! -e "$SOCK" ] && [ ! -e "$RUN/remind.lock" ]'
stop_tui

# --- a routine completed meanwhile counts as the break ---------------------------
start_tui 80 24 "$FAST $UNKNOT remind --every 2m $ALWAYS --routine $SHORT"
expect_screen "waiting" "next break at"
sleep 3
printf '%s\tdesk-reset\tcompleted\t0\t-\t-\n' "$(date +%Y-%m-%dT%H:%M:%S%:z)" >> "$HIST"
sleep 4
t "a completed routine restarted the interval: nothing due at 7 s" '! screen | grep -q "Time for a posture break"'
expect_screen "... and the break comes a full interval after it" "Time for a posture break" 6
keys q; stop_tui

# --- micro-breaks: a 20-second look-away that ends by itself -----------------------
start_tui 80 24 "$FAST $UNKNOT remind --every 1h --micro 1m $ALWAYS --routine $SHORT"
expect_screen "a micro-break comes between posture breaks" "Look away" 6
expect_screen "with its own countdown" "(it ends by itself)"
t "no posture break is offered for it" '! screen | grep -q "Time for a posture break"'
expect_screen "it ends by itself" "next break at" 25
keys q; stop_tui

# --- the screen's "(in N min)" stays true (trial-b #6) ------------------------------
# --every 70m at scale 60 is 70 s: "in 2 min" for 10 s, then "in less than a
# minute"; z (nothing due) moves it 10 s later: 20 s.  Started away from a
# minute's turn (where the old screen redrew).
while s=$(date +%S); [ "${s#0}" -lt 5 ] || [ "${s#0}" -gt 30 ]; do sleep 0.5; done
start_tui 80 24 "UNKNOT_REMIND_SCALE=60 $UNKNOT remind --every 70m --snooze 10m $ALWAYS --routine $SHORT"
expect_screen "the screen says when, in minutes" "(in 2 min)"
keys z
expect_screen "z's reply says it too" "postponed (nothing was due): next break at"
expect_screen "and says the next minute as it comes, as status does" "(in less than a minute)" 25
run_cli remind status
t "status agrees" 'printf "%s" "$out" | grep -q "(in less than a minute)"'
t "and no line on the screen still says the minute before" '! screen | grep -q "(in 2 min)"'
keys q; stop_tui

# --- in plain lines, the next break is said once (trial-a #12) --------------------------
TUI_TERM=dumb start_tui 100 30 "$UNKNOT remind --every 1h $ALWAYS --routine $SHORT"
expect_screen "plain: when the next break is due" "Next break at"
keys z
expect_screen "plain: z with nothing due postpones, said in a line" "postponed (nothing was due): next break at"
sleep 0.5
t "plain: and the next break is not said again after it" '[ "$(screen | grep -ci "next break at .*(in 70 min)")" = 1 ]'
keys q; stop_tui

# --- stop reaches a foreground reminder that is playing a routine ---------------------
start_tui 80 24 "$FAST $UNKNOT remind --every 1h $ALWAYS --routine $SHORT"
expect_screen "waiting" "next break at"
keys s
expect_screen "a break started early" "Before you start"
keys y
expect_screen "playing" "Step 1/2"
run_cli remind status
t "status says a routine is playing and no break comes before it ends" '[ $rc = 0 ] && printf "%s" "$out" | grep -q "^next break at .*; a routine is playing: no break before it ends;"'
run_cli remind stop
t "stop answers at once, the routine still playing" '[ $rc = 0 ] && [ ! -e "$SOCK" ] && screen | grep -q "Step\|Rest\|Get ready"'
expect_screen "the routine finishes" "Routine complete" 15
keys x
expect_screen "then the reminder has ended" "[exit 0]"
t "a break started early is not a reminder taken" '[ $(grep -c "	reminder-taken	" "$HIST") = 1 ]'
stop_tui

# --- the daemon ------------------------------------------------------------------------
: > "$HIST"
run_cli remind --every 1h $ALWAYS --daemon
t "--daemon detaches and says how to stop it" '[ $rc = 0 ] && printf "%s" "$out" | grep -q "in the background (pid [0-9]*): next break at .*(in 60 min)"'
pid=$(pid_of "$out")
t "the daemon runs" 'alive "$pid"'
t "its folder and socket are private" '[ "$(stat -c %a "$RUN")" = 700 ] && [ "$(stat -c %a "$SOCK")" = 600 ]'
t "it has no terminal" '[ "$(ps -o tty= -p "$pid" | tr -d " ")" = "?" ]'
t "its standard streams are /dev/null" '[ "$(readlink /proc/$pid/fd/1)" = /dev/null ]'
t "waiting, it has not loaded SDL" '! grep -q libSDL2 /proc/$pid/maps'
run_cli remind status
t "status" '[ $rc = 0 ] && printf "%s" "$out" | grep -q "every 1h"'
t "status names the daemon" 'printf "%s" "$out" | grep -q "pid $pid$"'
run_cli remind snooze 20m
t "snooze with nothing due postpones: never closer (20 min after the due time, not now)" '[ $rc = 0 ] && printf "%s" "$out" | grep -q "^postponed (nothing was due): next break at .*(in 80 min)"'
run_cli remind skip
t "skip with nothing due: the one after" '[ $rc = 0 ] && printf "%s" "$out" | grep -q "^postponed (nothing was due): next break at .*(in 2h20m)"'
t "postponements are not reminders: nothing in the history" '[ "$(reminder_lines)" = 0 ]'
run_cli remind snooze lots
t "snooze with a bad duration is a usage error" '[ $rc = 2 ]'
run_cli remind snooze 1000h
t "snooze 1000h is refused (1m to 4h)" '[ $rc = 2 ] && printf "%s" "$err" | grep -q "from 1m to 4h"'
run_cli remind snooze 0
t "snooze 0 is refused, not silently 10m" '[ $rc = 2 ]'
run_cli remind pause 30m
t "pause D" '[ $rc = 0 ] && printf "%s" "$out" | grep -q "^paused until .*(in 30 min)"'
run_cli remind status
t "status says paused" 'printf "%s" "$out" | grep -q "^paused until"'
run_cli remind pause 13h
t "a pause is at most 12h" '[ $rc = 2 ]'
run_cli remind resume
t "resume: the time left is still left" '[ $rc = 0 ] && printf "%s" "$out" | grep -q "^resumed: next break at .*(in 2h20m)"'
run_cli remind resume
t "resume when not paused says so (exit 1)" '[ $rc = 1 ] && printf "%s" "$err" | grep -q "not paused"'
run_cli remind --daemon
t "a second daemon is refused (exit 1), naming the first" '[ $rc = 1 ] && printf "%s" "$err" | grep -q "pid $pid, in the background"'

# the socket itself: one strict parser, a request in pieces, hang-ups, silence
out=$("$SOCKCAT" -d 300 "$SOCK" "sta" "tus\n")
t "a request split across two writes is one request" 'printf "%s" "$out" | grep -q "^next break at"'
out=$("$SOCKCAT" "$SOCK" "snoozeXYZ\n")
t "snoozeXYZ is not snooze" 'printf "%s" "$out" | grep -q "^error: unknown request"'
out=$("$SOCKCAT" "$SOCK" "snooze 1000h\n")
t "the socket checks the range too" 'printf "%s" "$out" | grep -q "^error: snooze .*from 1m to 4h"'
i=0; while [ $i -lt 30 ]; do "$SOCKCAT" -c "$SOCK" "status\n"; i=$((i + 1)); done
t "clients that hang up before the reply cost nothing (no SIGPIPE)" 'alive "$pid"'
"$SOCKCAT" -q 40 6 "$SOCK" & quiet=$!
sleep 0.5
run_cli remind status
t "40 silent clients do not keep status from an answer" '[ $rc = 0 ] && printf "%s" "$out" | grep -q "every 1h"'
kill $quiet 2>/dev/null; wait $quiet 2>/dev/null
run_cli remind stop
t "stop" '[ $rc = 0 ] && printf "%s" "$out" | grep -q "stopping"'
t "stop ends it and leaves no socket behind" '[ ! -e "$SOCK" ] && ! alive "$pid"'
run_cli remind status
t "status with none running says so (exit 1)" '[ $rc = 1 ] && printf "%s" "$err" | grep -q "no reminder is running"'

run_cli remind --every 1h $ALWAYS --daemon
pid=$(pid_of "$out")
kill -TERM "$pid"
wait_until '! alive "$pid"' 2
t "SIGTERM stops the daemon and cleans up" '! alive "$pid" && [ ! -e "$SOCK" ] && [ ! -e "$RUN/remind.lock" ]'

# a crash leaves a lock file and a socket: the next one recovers
run_cli remind --every 1h $ALWAYS --daemon
pid=$(pid_of "$out")
kill -KILL "$pid"; sleep 0.2
t "after a crash the socket and lock are left" '[ -e "$SOCK" ] && [ -e "$RUN/remind.lock" ]'
run_cli remind --every 1h $ALWAYS --daemon
t "a new reminder recovers from the stale lock and socket" '[ $rc = 0 ]'
run_cli remind status
t "and answers" '[ $rc = 0 ]'
run_cli remind stop

# started with standard input and output closed, the lock is kept
"$UNKNOT" remind --every 1h $ALWAYS --daemon <&- >&- 2>/dev/null
wait_until '[ -S "$SOCK" ]' 2
run_cli remind --every 1h $ALWAYS --daemon
t "a daemon started with fd 0 and 1 closed still holds its lock" '[ $rc = 1 ] && printf "%s" "$err" | grep -q "already running"'
run_cli remind stop
t "and can be stopped" '[ $rc = 0 ] && [ ! -e "$SOCK" ]'

# two started at the same moment: the loser names the winner
("$UNKNOT" remind --every 1h $ALWAYS --daemon > "$E2E_TMP/race.1" 2>&1 &
 "$UNKNOT" remind --every 1h $ALWAYS --daemon > "$E2E_TMP/race.2" 2>&1 & wait)
winner=$(cat "$E2E_TMP/race.1" "$E2E_TMP/race.2" | sed -n 's/.*in the background (pid \([0-9]*\)).*/\1/p')
t "of two daemons started at once, one runs" '[ -n "$winner" ] && alive "$winner"'
t "the other names it" 'cat "$E2E_TMP/race.1" "$E2E_TMP/race.2" | grep -q "already running (pid $winner, in the background)"'
run_cli remind stop

# --- for a service manager: --no-detach ----------------------------------------------
"$UNKNOT" remind --every 1h $ALWAYS --daemon --no-detach 2> "$E2E_TMP/log" & nd=$!
wait_until '[ -S "$SOCK" ]' 3
run_cli remind status
t "--no-detach serves in the foreground (the pid is the one started)" '[ $rc = 0 ] && printf "%s" "$out" | grep -q "pid $nd$"'
run_cli remind snooze 5m
run_cli remind stop
wait_until '! alive "$nd"' 3
t "and stops" '! alive "$nd"'
wait $nd; ndrc=$?
t "with status 0" '[ $ndrc = 0 ]'
t "it logs to stderr" 'grep -q "^unknot: [0-9:]* next break at" "$E2E_TMP/log" && grep -q "snooze: postponed" "$E2E_TMP/log" && grep -q "stopped by .unknot remind stop." "$E2E_TMP/log"'

# a notification with actions, answered Snooze (a stand-in notify-send)
BIN=$E2E_TMP/bin
mkdir -p "$BIN"
cat > "$BIN/notify-send" <<EOF
#!/bin/sh
[ "\$1" = --help ] && { echo "  -A, --action=[NAME=]Text..."; exit 0; }
printf '%s\n' "\$@" >> "$E2E_TMP/notified"
case "\$*" in *--action=snooze=Snooze*) sleep 0.3; cat "$E2E_TMP/answer";; esac
EOF
echo snooze > "$E2E_TMP/answer"
chmod +x "$BIN/notify-send"
PATH=$BIN:$PATH UNKNOT_REMIND_SCALE=60 "$UNKNOT" remind --every 1m --snooze 10m $ALWAYS --routine "$SHORT" \
	--daemon --no-detach 2> "$E2E_TMP/log" & nd=$!
wait_until 'grep -q "	reminder-snoozed	" "$HIST"' 8
t "the daemon notifies when a break is due" 'grep -q "^Time for a posture break$" "$E2E_TMP/notified"'
t "the notification says the routine and its real length" 'grep -q "^Short test routine, 8s: " "$E2E_TMP/notified"'
t "it offers Start, Snooze and Skip" 'grep -q "^--action=start=Start$" "$E2E_TMP/notified" && grep -q "^--action=skip=Skip$" "$E2E_TMP/notified"'
t "an offered break is in the history" 'grep -q "	reminder-offered	" "$HIST"'
t "the Snooze action snoozes it" 'grep -q "	reminder-snoozed	" "$HIST"'
kill -TERM $nd; wait $nd

# Start opens the routine in a terminal ($TERMINAL -e unknot run ROUTINE);
# the session it opens is the break taken (the stand-in terminal writes it)
: > "$HIST"
echo start > "$E2E_TMP/answer"
cat > "$BIN/term" <<EOF
#!/bin/sh
printf '%s\n' "\$@" > "$E2E_TMP/term.args"
printf '%s\tshort\tcompleted\t8\t-\t-\n' "\$(date +%Y-%m-%dT%H:%M:%S%:z)" >> "$HIST"
EOF
chmod +x "$BIN/term"
PATH=$BIN:$PATH TERMINAL=term UNKNOT_REMIND_SCALE=60 "$UNKNOT" remind --every 1m $ALWAYS --routine "$SHORT" \
	--daemon --no-detach 2> "$E2E_TMP/log" & nd=$!
wait_until '[ -s "$E2E_TMP/term.args" ]' 8
t "Start opens the routine in \$TERMINAL" '[ "$(sed -n 1p "$E2E_TMP/term.args")" = -e ] && sed -n 3,4p "$E2E_TMP/term.args" | tr "\n" " " | grep -q "^run $SHORT $"'
wait_until 'grep -q "	reminder-taken	" "$HIST"' 8
t "and the session it opened is the break taken" 'grep -q "	reminder-taken	" "$HIST"'
kill -TERM $nd; wait $nd

# away from the keyboard when a break is due: a natural break (a stand-in loginctl)
: > "$HIST"
away_since=$(( ($(date +%s) - 600) * 1000000 ))
cat > "$BIN/loginctl" <<EOF
#!/bin/sh
if [ -e "$E2E_TMP/back" ]; then echo IdleHint=no; echo IdleSinceHint=0; else echo IdleHint=yes; echo IdleSinceHint=$away_since; fi
echo Display=
EOF
chmod +x "$BIN/loginctl"
PATH=$BIN:$PATH UNKNOT_REMIND_SCALE=20 "$UNKNOT" remind --every 1m $ALWAYS --routine "$SHORT" \
	--daemon --no-detach 2> "$E2E_TMP/log" & nd=$!
wait_until 'grep -q "natural break" "$E2E_TMP/log"' 6
t "a user away when the break is due is on a natural break" 'grep -q "away from the keyboard: a natural break" "$E2E_TMP/log"'
sleep 4
t "nothing is offered while they are away" '[ "$(reminder_lines)" = 0 ]'
run_cli remind status
t "status says so" 'printf "%s" "$out" | grep -q "^away from the keyboard"'
touch "$E2E_TMP/back"
wait_until 'grep -q "back from a natural break" "$E2E_TMP/log"' 6
t "their return restarts the interval" 'grep -q "back from a natural break" "$E2E_TMP/log"'
wait_until 'grep -q "	reminder-offered	" "$HIST"' 8
t "and the next break comes an interval later" 'grep -q "	reminder-offered	" "$HIST"'
kill -TERM $nd; wait $nd

# the screen, while a routine plays in another terminal: it says so, and its
# next break follows the one status gives as the break is put off (trial C:
# the screen kept a due time already past while status moved on)
mkdir -p "$RUN"
flock -s "$RUN/playing" sleep 9 & player=$!
start_tui 80 24 "UNKNOT_REMIND_SCALE=20 $UNKNOT remind --every 1m $ALWAYS --routine $SHORT"
expect_screen "waiting, a routine playing elsewhere" "next break at"
expect_screen "the screen says a routine is playing and no break comes before it ends" "a routine is playing: no break before it ends" 5
sleep 4
run_cli remind status
t "... and shows the next break status gives" 'want=$(printf "%s" "$out" | sed -n "s/^\(next break at [0-9:]*\).*/\1/p"); [ -n "$want" ] && screen | grep -q "$want"'
keys q; stop_tui
wait $player

# a routine playing in another terminal: no break in the middle of it
: > "$HIST"
: > "$E2E_TMP/answer"
mkdir -p "$RUN"
flock -s "$RUN/playing" sleep 6 & player=$!
PATH=$BIN:$PATH UNKNOT_REMIND_SCALE=20 "$UNKNOT" remind --every 1m $ALWAYS --routine "$SHORT" --daemon --no-detach \
	2> "$E2E_TMP/log" & nd=$!
sleep 5
t "no break is offered while a routine plays elsewhere" '[ "$(reminder_lines)" = 0 ]'
wait $player
wait_until 'grep -q "	reminder-offered	" "$HIST"' 6
t "it comes once the routine is over" 'grep -q "	reminder-offered	" "$HIST"'
kill -TERM $nd; wait $nd

# nothing to show a break on (no notify-send): a warning at the start and in
# status, and a break nobody could see is not counted as offered (trial-b #4)
NOBIN=$E2E_TMP/nobin
mkdir -p "$NOBIN"
: > "$HIST"
PATH=$NOBIN "$UNKNOT" remind --every 1h $ALWAYS --daemon > "$E2E_TMP/out" 2> "$E2E_TMP/err"; rc=$?
t "--daemon without notify-send starts, but warns that breaks cannot be shown" '[ $rc = 0 ] && grep -q "^unknot: warning: notify-send not found: breaks cannot be shown" "$E2E_TMP/err"'
run_cli remind status
t "status warns too" '[ $rc = 0 ] && printf "%s" "$out" | grep -q "warning: notify-send not found: breaks cannot be shown"'
run_cli remind stop
PATH=$NOBIN UNKNOT_REMIND_SCALE=20 "$UNKNOT" remind --every 1m $ALWAYS --routine "$SHORT" --daemon --no-detach \
	2> "$E2E_TMP/log" & nd=$!
wait_until 'grep -q "break due" "$E2E_TMP/log"' 8
t "the log says a break came due that nothing could show" 'grep -q "break due, but nothing can show it" "$E2E_TMP/log"'
t "and it is not in the history as offered" '[ "$(reminder_lines)" = 0 ]'
run_cli remind status
t "nor counted as offered" 'printf "%s" "$out" | grep -q "today 0 offered"'
kill -TERM $nd; wait $nd

# --- usage and settings, checked in one place ---------------------------------------------
run_cli remind --hours 18:00-09:00 --daemon
pid=$(pid_of "$out")
t "overnight hours are taken" '[ $rc = 0 ] && alive "$pid"'
run_cli remind status
t "and shown" 'printf "%s" "$out" | grep -q "18:00-09:00"'
run_cli remind stop
run_cli remind --hours 17:00 --daemon
t "bad hours are a usage error" '[ $rc = 2 ] && printf "%s" "$err" | grep -q "09:00-17:30"'
run_cli remind --hours 23:59-00:01 --every 45m --daemon
t "working hours shorter than the interval are a usage error, saying why (trial-b #10)" '[ $rc = 2 ] && printf "%s" "$err" | grep -q "working hours 23:59-00:01 are 2m long, shorter than the interval (45m)"'
[ $rc = 0 ] && run_cli remind stop
run_cli remind --days someday
t "bad days are a usage error" '[ $rc = 2 ]'
run_cli remind --every 30s --daemon
t "--every 30s is refused (1m to 8h)" '[ $rc = 2 ] && printf "%s" "$err" | grep -q "from 1m to 8h"'
run_cli remind --no-detach
t "--no-detach alone is a usage error" '[ $rc = 2 ]'
run_cli remind --routine no-such-routine --daemon
t "an unknown routine is refused at once" '[ $rc = 1 ] && printf "%s" "$err" | grep -q "no routine called"'
run_cli remind frobnicate
t "an unknown request is a usage error" '[ $rc = 2 ]'
# --- whose socket: both ends check; a reply is printed cleaned ----------------------
FAKE="python3 $TOP/tests/tools/fakeremind.py"
mkdir -p "$RUN" && chmod 700 "$RUN"
$FAKE "$SOCK" '\x1b]52;c;cGF3bmVk\x07next break at 10:00\n' 1 > "$E2E_TMP/fake.out" & fake=$!
wait_until 'grep -qs ready "$E2E_TMP/fake.out"' 5
run_cli remind status
t "a reply's escape sequences are shown, not sent to the terminal" '[ $rc = 0 ] && ! printf "%s" "$out" | grep -q "$(printf "\033\|\007")" && printf "%s" "$out" | grep -qF "\\x1b]52;c;cGF3bmVk\\x07next break at 10:00"'
wait $fake
chmod 755 "$RUN"
$FAKE "$SOCK" 'next break at 10:00\n' 1 > "$E2E_TMP/fake.out" & fake=$!
wait_until 'grep -qs ready "$E2E_TMP/fake.out"' 5
run_cli remind status
t "the client refuses a runtime folder others can open" '[ $rc = 1 ] && printf "%s" "$err" | grep -q "open to other users (mode 755): it must be 0700"'
kill $fake 2>/dev/null; wait $fake 2>/dev/null
t "the client says what to do" 'printf "%s" "$err" | grep -q "if it is yours alone: chmod 700 $RUN"'
rm -f "$SOCK"
run_cli remind --every 1h $ALWAYS --daemon
t "the reminder refuses it too, the same way, and starts nothing (trial-b #10)" '[ $rc = 1 ] && printf "%s" "$err" | grep -q "open to other users (mode 755): it must be 0700 (if it is yours alone: chmod 700 $RUN)" && [ ! -e "$SOCK" ]'
t "and leaves its mode alone" '[ "$(stat -c %a "$RUN")" = 755 ]'
chmod 700 "$RUN"
# (only where nobody can run python3: not in a chroot whose root is 0700)
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null && [ -x /usr/bin/python3 ] &&
	setpriv --reuid=65534 --regid=65534 --clear-groups /usr/bin/python3 -c '' 2>/dev/null; then
	# another user (nobody) in a folder of ours: it can only get in while the
	# folder is open, as if it had been; then only SO_PEERCRED stands in the way
	PEER=$(mktemp -d /tmp/unknot-peer.XXXXXX); chmod 711 "$PEER"
	cp "$TOP/tests/tools/fakeremind.py" "$PEER/"; chmod 644 "$PEER/fakeremind.py"
	mkdir -m 777 "$PEER/unknot"
	nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
	nobody /usr/bin/python3 "$PEER/fakeremind.py" "$PEER/unknot/remind.sock" 'next break at 10:00\n' 1 \
		> "$E2E_TMP/fake.out" & fake=$!
	wait_until 'grep -qs ready "$E2E_TMP/fake.out"' 5
	chmod 700 "$PEER/unknot"
	XDG_RUNTIME_DIR=$PEER run_cli remind status
	t "the client refuses a server run by another user (SO_PEERCRED)" '[ $rc = 1 ] && printf "%s" "$err" | grep -q "served by another user"'
	kill $fake 2>/dev/null; wait $fake 2>/dev/null
	rm -f "$PEER/unknot/remind.sock"
	# and the server hangs up on a client of another user
	XDG_RUNTIME_DIR=$PEER run_cli remind --every 1h $ALWAYS --daemon
	chmod 711 "$PEER/unknot"; chmod 666 "$PEER/unknot/remind.sock"
	out=$(nobody "$SOCKCAT" "$PEER/unknot/remind.sock" "status\n" 2>&1)
	chmod 700 "$PEER/unknot"
	t "the daemon answers nobody but its user" '! printf "%s" "$out" | grep -q "next break"'
	XDG_RUNTIME_DIR=$PEER run_cli remind status
	t "and still answers its user" '[ $rc = 0 ]'
	XDG_RUNTIME_DIR=$PEER run_cli remind stop
	rm -rf "$PEER"
fi

UNIT=$TOP/build/unknot-remind.service
t "the systemd unit runs it in the foreground for the service manager" 'grep -q "^Type=simple$" "$UNIT" && grep -q "^ExecStart=.*/unknot remind --daemon --no-detach$" "$UNIT"'
t "from the graphical session on" 'grep -q "^WantedBy=graphical-session.target$" "$UNIT"'
CFG=$XDG_CONFIG_HOME/unknot/config
cp "$CFG" "$E2E_TMP/config.good"
printf 'remind = {\n  every = "30m";\n  hours = "17:00";\n};\n' >> "$CFG"
run_cli remind --daemon
t "bad hours in the config: FILE:LINE, not a usage error" '[ $rc = 1 ] && printf "%s" "$err" | grep -q "config:5: error: remind: .hours."'
run_cli run desk-reset
t "and run does not go on with that config" '[ $rc = 1 ] && printf "%s" "$err" | grep -q "config:5: error"'
cp "$E2E_TMP/config.good" "$CFG"

finish
