#!/bin/sh
# Run every tests/e2e/t-*.sh against build/unknot and sum the results.
cd "$(dirname "$0")/../.." || exit 1
command -v tmux >/dev/null || { echo "tmux is missing: apt-get install tmux"; exit 1; }
total_p=0 total_f=0 status=0
for t in tests/e2e/t-*.sh; do
	echo "-- $t"
	res=$(mktemp)
	E2E_RESULT=$res sh "$t" || status=1
	read -r p _ f _ < "$res" || { p=0; f=1; status=1; echo "  FAIL $t did not finish"; }
	rm -f "$res"
	total_p=$((total_p + p)) total_f=$((total_f + f))
done
echo "e2e: $total_p passed, $total_f failed"
exit $status
