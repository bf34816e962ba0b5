#!/bin/sh
# `make bench`: speed and memory figures.  It prints; it does not fail on
# a budget.  Budgets are in the issues and quoted beside each line.
set -eu
cd "$(dirname "$0")/../.."
B=build/bench
M=$B/measure
U=$PWD/build/unknot
TMP=$(mktemp -d /tmp/unknot-bench.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
export HOME=$TMP/home XDG_CONFIG_HOME=$TMP/config XDG_DATA_HOME=$TMP/data XDG_STATE_HOME=$TMP/state
mkdir -p $XDG_STATE_HOME/unknot && : > $XDG_STATE_HOME/unknot/red-flags-read  # a user who has read them

# a 500-step routine, and a data folder of 1,000 routine files
gen_routine() { # STEPS TITLE
	printf 'version = 1;\ntitle = "%s";\nsummary = "Generated for the benchmark.";\n' "$2"
	printf 'contraindications = ["dvt", "osteoporosis"];\nsteps = (\n'
	i=1
	while [ $i -le "$1" ]; do
		sep=","; [ $i = "$1" ] && sep=""
		printf '  { type = "stretch"; title = "Step %d"; how = "Breathe and hold the stretch gently."; duration = 20; sides = true; rest = 5; }%s\n' $i "$sep"
		i=$((i + 1))
	done
	printf ');\n'
}
gen_routine 500 "Five hundred steps" > $TMP/big.routine
mkdir -p $TMP/lib/routines
cp routines/safety.cfg $TMP/lib/routines/
gen_routine 8 "Generated" > $TMP/one.routine
i=1
while [ $i -le 1000 ]; do cp $TMP/one.routine $TMP/lib/routines/r$i.routine; i=$((i + 1)); done

echo "== unknot benchmarks ($(nproc) cores; budgets in brackets)"
$M 200 "unknot --version start-up [< 5 ms]" $U --version
$M 50 "check of a 500-step file [< 5 ms]" $U check $TMP/big.routine
UNKNOT_DATA_DIR=$TMP/lib $M 10 "list of 1,000 routine files [< 200 ms]" $U list
UNKNOT_DATA_DIR=$TMP/lib $M 3 "peak RSS of list over 1,000 files [< 4 MB]" $U list
# 10,000 files: list and show scale linearly with the library (issue 11)
mkdir -p $TMP/lib10k/routines
cp routines/safety.cfg $TMP/lib10k/routines/
awk -v dir=$TMP/lib10k/routines -v src=$TMP/one.routine 'BEGIN {
	while ((getline l < src) > 0) text = text l "\n"
	for (i = 1; i <= 10000; i++) { f = dir "/r" i ".routine"; printf "%s", text > f; close(f) }
}'
UNKNOT_DATA_DIR=$TMP/lib10k $M 3 "list of 10,000 routine files [linear: ~10x the 1,000]" $U list
UNKNOT_DATA_DIR=$TMP/lib $M 20 "show of one id among 1,000 files" $U show r500
UNKNOT_DATA_DIR=$TMP/lib10k $M 20 "show of one id among 10,000 files [linear]" $U show r5000
# hostile files under the size limit (issue 11: each checked in well under 100 ms)
awk 'BEGIN {
	a = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	printf "version = 1; title = \"Many keys\"; steps = ( { type = \"hold\"; title = \"S\"; duration = 30; } );\n"
	size = 100
	for (k = 1; k <= 4 && size < 1048560; k++) {
		n = 52 ^ k
		for (i = 0; i < n && size < 1048560; i++) {
			name = ""; v = i
			for (j = 0; j < k; j++) { name = name substr(a, v % 52 + 1, 1); v = int(v / 52) }
			printf "%s=1;", name; size += k + 3
		}
	}
	printf "\n"
}' > $TMP/keys.routine
$M 20 "check of 1 MiB of 170,000 keys [well under 100 ms]" $U check $TMP/keys.routine
awk 'BEGIN {
	printf "version = 1; title = \"Wide\";\nsteps = (\n"
	for (i = 1; i <= 600; i++) {
		printf "{ type = \"hold\"; title = \"S\"; duration = 1;"
		for (j = 0; j < 28; j++) printf " k%d = 1;", j
		printf " }%s\n", i < 600 ? "," : ""
	}
	printf ");\n"
}' > $TMP/wide.routine
$M 20 "check of 600 steps of 31 keys, just under the limits [well under 100 ms]" $U check $TMP/wide.routine
# a 100,000-line history: a session or a reminder every few hours for years
mkdir -p $TMP/hist/unknot
awk 'BEGIN {
	print "# unknot history: time\troutine\toutcome\tseconds\tpain_before\tpain_after"
	split("completed stopped reminder-taken reminder-snoozed reminder-skipped", o, " ")
	t = 1500000000
	for (i = 0; i < 100000; i++) {
		t += 3000 + (i * 7919) % 20000
		printf "%s+00:00\t%s\t%s\t%d\t%d\t%d\n", strftime("%Y-%m-%dT%H:%M:%S", t, 1),
			(i % 3 ? "desk-reset" : "lower-back"), o[i % 5 + 1], 60 + i % 600, i % 11, (i + 3) % 11
	}
}' > $TMP/hist/unknot/history.tsv
XDG_STATE_HOME=$TMP/hist $M 10 "stats over 100,000 records [< 100 ms, 8 MB]" $U stats
XDG_STATE_HOME=$TMP/hist $M 10 "history --csv of 100,000 [< 100 ms, 8 MB]" $U history --csv
if [ -x tests/bench/player.sh ]; then sh tests/bench/player.sh "$M" "$U" "$TMP"; fi
sh tests/bench/remind.sh "$M" "$U" "$TMP"
sh tests/bench/sound.sh "$M" "$U" "$TMP"
