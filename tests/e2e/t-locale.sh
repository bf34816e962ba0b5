# Every text command prints ASCII in a locale that is not UTF-8 (LC_ALL=C,
# or a Latin-1 terminal), and UTF-8 where it may.
. tests/e2e/lib.sh
today=$(date +%Y-%m-%d) off=$(date +%:z)
mkdir -p "$XDG_STATE_HOME/unknot"
printf '# unknot history\n%sT08:00:00%s\tdesk-reset\tcompleted\t135\t5\t3\n%sT09:00:00%s\tlower-back\tstopped\t60\t4\t-\n' \
	"$today" "$off" "$today" "$off" > "$XDG_STATE_HOME/unknot/history.tsv"

# a routine of the user's with UTF-8 text: shown as it is in UTF-8, as '?' elsewhere
mkdir -p "$XDG_CONFIG_HOME/unknot/routines"
sed -e 's/title = "Desk reset";/title = "Übungen für den Rücken";/' routines/desk-reset.routine \
	> "$XDG_CONFIG_HOME/unknot/routines/ruecken.routine"

# every command the table lists that only prints, with each bundled routine
# where one is needed, and every command's usage
table=$("$UNKNOT" _table | grep -v '	')
ids=$("$UNKNOT" list | awk 'NR > 1 { print $1 }')
runs=$E2E_TMP/runs
: > "$runs"
for id in $ids; do printf 'show %s\ncheck %s\n' "$id" "$id" >> "$runs"; done
for c in list safety history stats doctor config; do
	printf '%s\n' "$table" | grep -qx "$c" && printf '%s\n' "$c" >> "$runs"
done
printf 'history --csv\nhelp\n--help\n--version\n' >> "$runs"
for c in $table; do [ "$c" = "(home)" ] || printf 'help %s\n%s --help\n' "$c" "$c" >> "$runs"; done

for loc in C POSIX; do
	nonascii=""
	while read -r line; do
		# shellcheck disable=SC2086
		LC_ALL=$loc "$UNKNOT" $line > "$E2E_TMP/out" 2>&1
		if LC_ALL=C grep -q '[^ -~	]' "$E2E_TMP/out"; then
			nonascii="$nonascii
unknot $line: $(LC_ALL=C grep -m1 '[^ -~	]' "$E2E_TMP/out")"
		fi
	done < "$runs"
	t "LC_ALL=$loc: $(wc -l < "$runs") text commands print ASCII only" '[ -z "$nonascii" ] || { echo "$nonascii"; false; }'
done

LC_ALL=C run_cli show ruecken
t "a user's UTF-8 title is shown with ? in the C locale" 'printf "%s\n" "$out" | grep -q "^?bungen f?r den R?cken$"'
run_cli show ruecken
t "and as it is in UTF-8" 'printf "%s\n" "$out" | grep -q "^Übungen für den Rücken$"'
LC_ALL=C run_cli show lower-back
t "show separates bouts with ASCII in the C locale" 'printf "%s\n" "$out" | grep -qF "Left 0:45 - rest 0:10 - Right 0:45"'
run_cli show lower-back
t "show separates bouts with a middle dot in UTF-8" 'printf "%s\n" "$out" | grep -qF "Left 0:45 · rest 0:10 · Right 0:45"'
if locale -a 2>/dev/null | grep -qi '^en_US\.iso88591$'; then
	LC_ALL=en_US.ISO-8859-1 run_cli show lower-back
	t "a Latin-1 locale gets ASCII too" '! printf "%s" "$out" | LC_ALL=C grep -q "[^ -~]"'
fi
finish
