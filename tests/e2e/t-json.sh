# --json for list, show, history and stats: parsed with python3's json
# module, every documented key checked, strings escaped whatever they hold.
. tests/e2e/lib.sh
command -v python3 >/dev/null || { bad "python3 is needed to parse --json"; finish; exit; }
# py 'PYTHON': run it with d = the JSON document in $out; it fails the test
# by raising (an assert); prints nothing when all is well
py() { printf '%s' "$out" | python3 -c "import json, sys
d = json.load(sys.stdin)
$1" 2>&1; }
# tj NAME 'PYTHON': a test that the JSON in $out parses and the Python holds
tj() { _r=$(py "$2") && ok "$1" || bad "$1" "$(printf '%s\n' "$_r" | tail -3)" "rc=$rc stderr: $err"; }

# ---- list ---------------------------------------------------------------
run_cli list --json
t "list --json exits 0 with nothing on stderr" '[ $rc = 0 ] && [ -z "$err" ]'
tj "list --json is an array with every bundled routine" '
assert isinstance(d, list) and len(d) >= 8, d
ids = [r["id"] for r in d]
assert ids == sorted(ids), ids
assert "desk-reset" in ids and "lower-back" in ids'
tj "list --json has the documented keys with their types" '
r = [r for r in d if r["id"] == "desk-reset"][0]
keys = {"id": str, "title": str, "summary": str, "level": str, "minutes": int, "seconds": int,
        "prepare_seconds": int, "steps": int, "source": str, "path": str, "overrides": type(None),
        "areas": list, "equipment": list, "contraindications": list, "for_you": type(None)}
assert set(r) == set(keys), sorted(r)
for k, ty in keys.items(): assert isinstance(r[k], ty), (k, r[k])
assert r["title"] == "Desk reset" and r["seconds"] == 135 and r["minutes"] == 2 and r["steps"] == 5, r
assert r["source"] == "bundled" and r["path"].endswith("routines/desk-reset.routine"), r'

# a long title is whole in JSON (the table cuts it with ~)
mkdir -p "$XDG_CONFIG_HOME/unknot/routines"
long="A very long title that the table has to cut because it is wider than its column"
sed "s/title = \"Desk reset\";/title = \"$long\";/" routines/desk-reset.routine > "$XDG_CONFIG_HOME/unknot/routines/desk-reset.routine"
run_cli list
t "the table cuts a long title with ~" 'printf "%s\n" "$out" | grep -q "^desk-reset  *A very long title that the tabl~"'
run_cli list --json
tj "list --json keeps the whole title, and says what the user file overrides" "
r = [r for r in d if r['id'] == 'desk-reset'][0]
assert r['title'] == '$long', r['title']
assert r['source'] == 'user' and r['overrides'].endswith('routines/desk-reset.routine'), r"

# a file name with a quote, a backslash, a newline and a byte that is not UTF-8
weird=$(printf 'we"ird\\\nname\377')
cp routines/desk-reset.routine "$XDG_CONFIG_HOME/unknot/routines/$weird.routine"
run_cli list --json
tj "list --json escapes a strange file name (bad UTF-8 as U+FFFD)" '
ids = [r["id"] for r in d]
assert "we\"ird\\\nname\ufffd" in ids, ids'
t "list --json is ASCII only" '! printf "%s" "$out" | LC_ALL=C grep -q "[^ -~]"'
printf 'version = 1;\n' > "$XDG_CONFIG_HOME/unknot/routines/broken.routine"
run_cli list --json
t "a broken file: named on stderr, exit 1" '[ $rc = 1 ] && printf "%s\n" "$err" | grep -q "broken.routine has errors"'
tj "and the JSON of the others is still whole" 'assert "desk-reset" in [r["id"] for r in d] and "broken" not in [r["id"] for r in d]'
rm -rf "$XDG_CONFIG_HOME/unknot/routines"

# ---- show ---------------------------------------------------------------
run_cli show --json tests/data/good/full.routine
t "show --json exits 0" '[ $rc = 0 ] && [ -z "$err" ]'
tj "show --json has the routine's documented keys" '
keys = {"id", "title", "summary", "level", "source", "path", "overrides", "areas", "equipment",
        "contraindications", "warnings", "prepare", "seconds", "prepare_seconds", "steps", "for_you",
        "adaptations"}
assert set(d) == keys, sorted(d)
assert d["id"] == "full" and d["title"] == "Everything" and d["level"] == "firm" and d["source"] == "file"
assert d["areas"] == ["lower back", "glutes"] and d["warnings"] == ["First warning.", "Second warning."]
assert d["prepare"] == 10 and d["prepare_seconds"] == 80 and len(d["steps"]) == 7  # 10 before each step, 20 before the first (a mat)
assert d["seconds"] == sum(s["seconds"] for s in d["steps"]), d["seconds"]'
tj "show --json gives each step its documented keys" '
keys = {"number", "type", "title", "how", "pressure", "caution", "sound", "duration", "sides", "reps",
        "rest", "seconds", "contraindications", "instead_of", "advice"}
for s in d["steps"]: assert set(s) == keys, sorted(s)
s = d["steps"][0]
assert (s["number"], s["type"], s["duration"], s["sides"], s["reps"], s["rest"]) == (1, "hold", 45, True, 1, 10), s
assert s["seconds"] == 2 * 45 + 10 and s["caution"] == "Stop if it tingles." and s["sound"] is None, s
s = d["steps"][1]
assert s["seconds"] == 4 * 30 + 3 * 5 and s["contraindications"] == ["osteoporosis", "pregnancy"] and s["how"] is None, s
assert d["steps"][5]["sound"] == "start.wav"'
run_cli show --json no-such-routine
t "show --json of an unknown id fails (1) with nothing on stdout" '[ $rc = 1 ] && [ -z "$out" ]'
run_cli show --json tests/data/good/unicode.routine
tj "show --json writes non-ASCII text as \\u escapes that read back" '
assert any(ord(c) > 127 for c in json.dumps(d, ensure_ascii=False)), d["title"]'
t "and is ASCII only" '! printf "%s" "$out" | LC_ALL=C grep -q "[^ -~]"'

# ---- history ------------------------------------------------------------
HIST=$XDG_STATE_HOME/unknot/history.tsv
today=$(date +%Y-%m-%d) off=$(date +%:z)
printf '# unknot history\n' > "$HIST"
printf '2026-01-05T08:00:00+01:00\tlower-back\tcompleted\t630\t6\t4\n' >> "$HIST"
printf '2026-01-06T08:00:00-05:30\tsay "hi" \\ \033[31m\377\tstopped\t60\t-\t-\n' >> "$HIST"
printf '%sT08:00:00%s\tdesk-reset\tcompleted\t135\t5\t3\n' "$today" "$off" >> "$HIST"
printf '%sT09:00:00%s\tdesk-reset\treminder-taken\t0\t-\t-\n' "$today" "$off" >> "$HIST"
run_cli history --json
t "history --json exits 0" '[ $rc = 0 ]'
tj "history --json is an array of records with the documented keys" '
assert isinstance(d, list) and len(d) == 4, d
for r in d: assert set(r) == {"time", "routine", "outcome", "seconds", "pain_before", "pain_after"}, r
assert d[0] == {"time": "2026-01-05T08:00:00+01:00", "routine": "lower-back", "outcome": "completed",
                "seconds": 630, "pain_before": 6, "pain_after": 4}, d[0]
assert d[1]["pain_before"] is None and d[1]["pain_after"] is None and d[1]["time"].endswith("-05:30")'
tj "history --json escapes quotes, backslashes and controls, bad bytes as U+FFFD" '
assert d[1]["routine"] == "say \"hi\" \\ \x1b[31m\ufffd", repr(d[1]["routine"])'
run_cli history --json --since "$today"
tj "history --json --since keeps what is newer" 'assert len(d) == 2 and d[1]["outcome"] == "reminder-taken", d'
run_cli history --json --csv
t "--json and --csv together are a usage error" '[ $rc = 2 ] && printf "%s\n" "$err" | grep -q "either --csv or --json"'
XDG_STATE_HOME=$E2E_TMP/empty run_cli history --json
tj "no history: an empty array" 'assert d == [], d'

# ---- stats --------------------------------------------------------------
run_cli stats --json
t "stats --json exits 0" '[ $rc = 0 ]'
tj "stats --json has the documented keys" '
assert set(d) == {"streak", "longest_streak", "sessions", "completed", "weeks", "reminders", "pain"}, sorted(d)
assert d["streak"] == 1 and d["longest_streak"] == 1 and d["sessions"] == 3 and d["completed"] == 2, d
assert d["reminders"] == {"offered": 1, "taken": 1, "snoozed": 0, "skipped": 0}, d["reminders"]
assert len(d["weeks"]) == 8 and set(d["weeks"][0]) == {"start", "sessions", "seconds", "minutes"}, d["weeks"][0]
assert d["weeks"][0]["sessions"] == 1 and d["weeks"][0]["seconds"] == 135, d["weeks"][0]
import datetime
monday = datetime.date.fromisoformat(d["weeks"][0]["start"])
assert monday.weekday() == 0 and 0 <= (datetime.date.today() - monday).days < 7, monday
assert datetime.date.fromisoformat(d["weeks"][1]["start"]) == monday - datetime.timedelta(days=7)
p = d["pain"]
assert set(p) == {"sessions", "before", "after", "recent"} and p["sessions"] == 2, p
assert p["before"] == 5.5 and p["after"] == 3.5, p
assert p["recent"] == [{"before": 6, "after": 4}, {"before": 5, "after": 3}], p["recent"]'
XDG_STATE_HOME=$E2E_TMP/empty run_cli stats --json
tj "no history: zeros, and no pain averages (null)" '
assert d["sessions"] == 0 and d["pain"]["before"] is None and d["pain"]["recent"] == [], d'

# numbers keep a decimal point in a locale with a decimal comma
mkdir -p "$E2E_TMP/locale"
if localedef -i de_DE -f UTF-8 "$E2E_TMP/locale/de_DE.UTF-8" >/dev/null 2>&1 || [ -d "$E2E_TMP/locale/de_DE.UTF-8" ]; then
	LOCPATH=$E2E_TMP/locale LC_ALL=de_DE.UTF-8 run_cli stats --json
	tj "a decimal-comma locale (de_DE) still writes 5.5" 'assert d["pain"]["before"] == 5.5, d["pain"]'
	LOCPATH=$E2E_TMP/locale LC_ALL=de_DE.UTF-8 run_cli stats
	t "(while the text report follows the locale)" 'printf "%s\n" "$out" | grep -q "5,5 before"'
else
	bad "localedef could not make de_DE.UTF-8 (apt-get install locales)"
fi

# every key the four commands write is documented in unknot(1)'s JSON OUTPUT
sed -n '/^\.SH JSON OUTPUT/,/^\.SH /p' man/unknot.1 | grep '^\.BR\? ' | sed 's/^\.BR\? //; s/ .*//; s/\\//g' | sort -u > "$E2E_TMP/documented"
undocumented=""
for c in "list --json" "show --json tests/data/good/full.routine" "history --json" "stats --json"; do
	# shellcheck disable=SC2086
	out=$("$UNKNOT" $c 2>/dev/null)
	for k in $(py 'def keys(v):
    if isinstance(v, dict):
        for k, x in v.items():
            print(k); keys(x)
    elif isinstance(v, list):
        for x in v: keys(x)
keys(d)' | sort -u); do
		grep -qx -- "$k" "$E2E_TMP/documented" || undocumented="$undocumented $c:$k"
	done
done
t "unknot(1) documents every key --json writes" '[ -z "$undocumented" ] || { echo "undocumented:$undocumented"; false; }'

# every --json output is ASCII in any locale
for c in "list --json" "show --json lower-back" "history --json" "stats --json"; do
	# shellcheck disable=SC2086
	out=$(LC_ALL=C "$UNKNOT" $c 2>/dev/null)
	t "LC_ALL=C $c is ASCII and parses" '! printf "%s" "$out" | LC_ALL=C grep -q "[^ -~]" && py "pass" >/dev/null'
done
finish
