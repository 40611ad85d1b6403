#!/usr/bin/env bash
# run.sh - run every CLI test script (tests/cli/tNNNN-*.sh) against $DIMING.
# Each script exits 0 on pass; its output is shown only when it fails.
set -u
here=$(cd "$(dirname "$0")" && pwd)
: "${DIMING:?set DIMING to the built binary}"
export DIMING ROOT="${here%/tests/cli}"
pass=0 failn=0
for t in "$here"/t[0-9][0-9][0-9][0-9]-*.sh; do
	[ -e "$t" ] || continue
	name=$(basename "$t" .sh)
	if log=$(bash "$t" 2>&1); then
		pass=$((pass + 1))
		echo "ok   $name"
	else
		failn=$((failn + 1))
		echo "FAIL $name"
		printf '%s\n' "$log" | sed 's/^/     /'
	fi
done
echo "cli: $pass passed, $failn failed"
[ "$failn" -eq 0 ]
