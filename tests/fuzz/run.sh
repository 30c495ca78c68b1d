#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# make fuzz: each libFuzzer target (make fuzz-build) for FUZZ_SECONDS,
# starting from its corpus in tests/fuzz/TARGET/ (and the seeds below);
# the new inputs that add coverage are merged into that corpus, crashes
# are left in build/fuzz/artifacts/TARGET/ and replayed alone (the
# checker's target keeps libsparse's state from unit to unit, so only a
# crash that reproduces on its own counts). Prints per target
# "fuzz: TARGET: N executions in S s, M corpus inputs, K crashes" and
# exits 1 if any reproduced, except a checker input on which plain
# sparse crashes too: libsparse's own bug, which ioguard-sparse contains
# (one line, exit 2; checkers/crash.c). Each crash then becomes a
# regression: its input in tests/fuzz/crashes/TARGET/ (replayed by make
# check through tests/reliability), for the checker an annotated fixture
# in tests/checker/, and libsparse's own in tests/fuzz/libsparse-crashes/.
#
# usage: tests/fuzz/run.sh [TARGET...]   (spec checker)
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
fuzz=$top/build/fuzz
seconds=${FUZZ_SECONDS:-60}
sparse=$("$top/src/sh/fetch-sparse.sh")/sparse	# to tell libsparse's own crashes
crashes=0

# seeds TARGET: its seed directories besides its corpus
seeds() {
	case $1 in
	spec) echo "$top/spec $top/tests/checker/specs" ;;
	checker) echo "$top/tests/checker" ;;
	esac
}

# round TARGET SECONDS: one fuzzer process; its runs added to $runs.
# The checker's target runs in rounds of ROUND seconds, each a new
# process: libsparse never frees (about 30 KB a unit, 700 units a
# second), and a round stays far below libFuzzer's 2 GB limit.
round() {
	"$bin" -max_total_time="$2" -timeout=10 -rss_limit_mb=2048 -close_fd_mask=3 \
		-artifact_prefix="$art/" $( [ "$1" = checker ] && echo "-dict=$here/checker.dict") \
		"$work" "$here/$1" $(seeds "$1") > "$fuzz/$1.log" 2>&1
	n=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$fuzz/$1.log")
	runs=$((runs + ${n:-0}))
	cat "$fuzz/$1.log" >> "$fuzz/$1.all.log"
}
ROUND=${FUZZ_ROUND:-20}

for t in ${*:-spec checker}; do
	bin=$fuzz/fuzz-$t
	work=$fuzz/work-$t art=$fuzz/artifacts/$t
	[ -x "$bin" ] || { echo "fuzz: $t: no $bin (make fuzz-build)"; exit 2; }
	rm -rf "$work" "$art"
	mkdir -p "$work" "$art" "$here/$t"
	start=$(date +%s) runs=0
	: > "$fuzz/$t.all.log"
	if [ "$t" = checker ]; then
		while [ $(($(date +%s) - start)) -lt "$seconds" ]; do
			left=$((seconds - ($(date +%s) - start)))
			round "$t" $((left < ROUND ? left : ROUND))
		done
	else
		round "$t" "$seconds"
	fi
	took=$(($(date +%s) - start))
	found=0
	for a in "$art"/crash-* "$art"/leak-* "$art"/timeout-*; do
		[ -f "$a" ] || continue
		if "$bin" -timeout=10 -close_fd_mask=3 "$a" > "$a.replay" 2>&1; then
			echo "fuzz: $t: $a did not reproduce alone (libsparse state of earlier units)"
		elif [ "$t" = checker ] &&
		     [ "$("$sparse" -I"$top/tests/checker/include" "$a" > /dev/null 2>&1; echo $?)" -gt 128 ]; then
			# ioguard-sparse contains these (checkers/crash.c): a
			# regression for tests/fuzz/libsparse-crashes/, not a failure
			echo "fuzz: $t: $a crashes plain sparse too (libsparse): contained, not counted"
		else
			echo "fuzz: $t: crash: $a"
			grep -m 3 'ERROR:\|SUMMARY:\|fuzz-' "$a.replay" | sed 's/^/	/'
			found=$((found + 1))
		fi
	done
	"$bin" -merge=1 -close_fd_mask=3 "$here/$t" "$work" > "$fuzz/$t.merge.log" 2>&1 ||
		echo "fuzz: $t: merging the corpus failed (see $fuzz/$t.merge.log)"
	echo "fuzz: $t: $runs executions in $took s, $(ls "$here/$t" | wc -l) corpus inputs, $found crashes"
	crashes=$((crashes + found))
done
[ "$crashes" -eq 0 ]
