# The history file, `unknot history` and `unknot stats`: nothing lost.
. tests/e2e/lib.sh
PTYRUN=$TOP/build/tests/ptyrun
SHORT=$TOP/tests/data/e2e/short.routine
HIST=$XDG_STATE_HOME/unknot/history.tsv
mkdir -p "$XDG_CONFIG_HOME/unknot"
printf 'health = { ask_pain = false; };\naudio = { enabled = false; };\n' > "$XDG_CONFIG_HOME/unknot/config"
has() { printf '%s\n' "$1" | grep -q -- "$2"; }

today=$(date +%Y-%m-%d) off=$(date +%:z)
cat > "$HIST" <<H
# unknot history: time	routine	outcome	seconds	pain_before	pain_after
2026-01-05T08:00:00+01:00	lower-back	completed	630	6	4
a foreign line
2026-01-06T08:00:00+01:00	say "hi", ok	stopped	60	-	-
${today}T08:00:00$off	desk-reset	completed	135	5	3
${today}T09:00:00$off	desk-reset	reminder-taken	0	-	-
${today}T10:00:00$off	desk-reset	reminder-skipped	0	-	-
H
run_cli history
t "history lists every good record" '[ $rc = 0 ] && [ $(printf "%s\n" "$out" | wc -l) = 5 ]'
t "history shows pain before and after" 'has "$out" "lower-back .*completed .*10:30  pain 6 → 4"'
t "a damaged line is skipped with FILE:LINE: warning" 'has "$err" "history.tsv:3: warning: skipped a damaged line"'
# written when they end, listed by their start: a routine begun at 09:37 and
# ended at 09:50 comes before a reminder snoozed at 09:41
cp "$HIST" "$E2E_TMP/hist.keep"
printf '%s\n' "${today}T09:41:00$off	desk-reset	reminder-snoozed	0	-	-" \
	"${today}T09:37:00$off	lower-back	completed	780	-	-" >> "$HIST"
run_cli history
t "history lists records in the order they began" 'printf "%s\n" "$out" | grep -n "09:37\|09:41" | tr "\n" " " | grep -q "^[0-9]*:[0-9-]* 09:37 .*[0-9]*:[0-9-]* 09:41 "'
cp "$E2E_TMP/hist.keep" "$HIST"
# a session stopped at once lasted 0:00 (a blank read as a missing value);
# a reminder's line has no time of its own
printf '%s\n' "${today}T11:00:00$off	desk-reset	stopped	0	1	-" >> "$HIST"
run_cli history
t "a 0-second session shows 0:00, a reminder's line no time" 'has "$out" "11:00  desk-reset  *stopped  *0:00  pain 1" && has "$out" "reminder-taken *$"'
cp "$E2E_TMP/hist.keep" "$HIST"
run_cli history --since "$today"
t "--since keeps only what is newer" '[ $(printf "%s\n" "$out" | wc -l) = 3 ]'
run_cli history --since yesterday
t "--since with a bad date is a usage error" '[ $rc = 2 ]'
run_cli history --csv
t "--csv has a header for spreadsheets" 'has "$out" "^time,routine,outcome,seconds,pain_before,pain_after$"'
t "--csv quotes what needs quoting" 'has "$out" ",\"say \"\"hi\"\", ok\",stopped,60,,$"'
t "--csv leaves a missing pain empty" 'has "$out" ",desk-reset,reminder-taken,0,,$"'
run_cli stats
t "stats shows the streak" '[ $rc = 0 ] && has "$out" "^Streak: 1 day (longest 1)"'
t "stats shows reminders offered and answered (older files: each answer was an offer)" 'has "$out" "Reminders: 2 offered: 1 taken, 0 snoozed, 1 skipped"'
t "stats shows average pain before and after" 'has "$out" "5.5 before, 3.5 after on average"'
LC_ALL=C run_cli stats
t "stats in the C locale is ASCII" '! printf "%s" "$out" | LC_ALL=C grep -q "[^ -~]"'

# --- a read-only or broken state folder never stops a routine -------------------------
XDG_STATE_HOME=$E2E_TMP/not-a-folder
: > "$XDG_STATE_HOME"
start_tui 80 24 "XDG_STATE_HOME=$E2E_TMP/not-a-folder $UNKNOT run --mute $SHORT"
expect_screen "with an unusable state folder the red flags come every time" "the red flags"
keys Enter
expect_screen "then the routine starts" "Before you start"
keys y
expect_screen "... and the end screen says history was not saved" "History not saved: Not a directory" 15
keys x; expect_screen "exit 0" "[exit 0]"
stop_tui
XDG_STATE_HOME=$E2E_TMP/state

# --- SIGKILL at random points never changes an earlier record -----------------------------
printf 'version = 1;\ntitle = "Kill me";\nprepare = 0;\nsteps = ({ type = "rest"; title = "R"; duration = 1; });\n' > "$E2E_TMP/kill.routine"
changed=0 unflagged=0 runs=0 records_before=$(grep -c "completed" "$HIST")
for ms in 100 900 1000 1050 1100 1150 1200 1300 1500 1700 2000 1020; do
	cp "$HIST" "$E2E_TMP/before"
	"$PTYRUN" wait="Before you start" send=y sleep=$(awk -v m=$ms 'BEGIN { print m / 1000 }') kill=9 \
		-- env TERM=xterm "$UNKNOT" run "$E2E_TMP/kill.routine" >/dev/null 2>&1
	[ $ms -ge 1000 ] && sleep 0.05
	cmp -s "$E2E_TMP/before" "$(printf '%s' "$HIST")" || {
		# anything new must come after everything that was there
		head -c "$(wc -c < "$E2E_TMP/before")" "$HIST" | cmp -s - "$E2E_TMP/before" || changed=$((changed + 1))
	}
	"$UNKNOT" history >/dev/null 2>"$E2E_TMP/warn"
	if tail -c 1 "$HIST" | od -c | grep -q '\\n'; then :; else
		grep -q "unfinished last line" "$E2E_TMP/warn" || unflagged=$((unflagged + 1))
	fi
	runs=$((runs + 1))
done
t "after $runs runs killed at random, no earlier record changed" '[ $changed = 0 ]'
t "and no half record went unflagged" '[ $unflagged = 0 ]'
t "the runs that finished before the kill were recorded" '[ $(grep -c "completed" "$HIST") -gt $records_before ]'
run_cli history
t "the history still reads without new damage" '[ "$(printf "%s\n" "$err" | grep -c warning)" = 1 ]'

finish
