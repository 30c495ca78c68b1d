#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# sparse's own validation suite (validation/test-suite of the source the
# build fetched), run twice: with plain sparse built from that source, and
# with "ioguard-sparse --ioguard-warn-only" in its place. ioguard-sparse
# is sparse plus ioguard, so every test must get the same verdict (pass,
# known failure, skip...) from both; one test is one result here.
#
# usage: tests/sparse-suite/run.sh
set -u

top=$(cd "$(dirname "$0")/../.." && pwd)
checker=$top/build/ioguard-sparse
[ -x "$checker" ] || { echo "sparse-suite: build the checker first (make)" >&2; exit 2; }
src=$("$top/src/sh/fetch-sparse.sh") || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# root DIR: the suite runs ../PROGRAM from a copy of validation/ (it
# writes its outputs there), so DIR holds the copy and the programs.
root() {
	mkdir -p "$1"
	cp -R "$src/validation" "$1/"
	for p in test-linearize test-parsing test-show-type Documentation; do
		ln -s "$src/$p" "$1/$p"
	done
}
root "$tmp/sparse"
ln -s "$src/sparse" "$tmp/sparse/sparse"
root "$tmp/ioguard"
printf '#!/bin/sh\nexec "%s" --ioguard-warn-only "$@"\n' "$checker" > "$tmp/ioguard/sparse"
chmod +x "$tmp/ioguard/sparse"

# verdicts NAME: "file verdict" per test, from the suite's verbose log
verdicts() {
	sed -n -e "s/^info: PASS: test '\(.*\)' passed\$/\1 pass/p" \
		-e "s/^info: XFAIL: test '\(.*\)' is known to fail\$/\1 known-failure/p" \
		-e "s/^error: FAIL: test '\(.*\)' failed\$/\1 FAIL/p" \
		-e "s/^error: XPASS: test '\(.*\)' is known to fail but succeed!\$/\1 XPASS/p" \
		-e 's/^  SKIP    .* (\(.*\))$/\1 skipped/p' "$tmp/$1.log" | sort
}

for c in sparse ioguard; do
	(cd "$tmp/$c/validation" && V=1 ./test-suite > "$tmp/$c.log" 2>&1) &
done
wait
for c in sparse ioguard; do
	echo "$c: $(grep -E '^(OK|KO): out of' "$tmp/$c.log")"
	verdicts "$c" > "$tmp/$c.verdicts"
done

n=$(wc -l < "$tmp/sparse.verdicts")
if [ "$n" -lt 100 ]; then
	echo "FAIL the suite ran only $n tests with plain sparse"
	tail -n 20 "$tmp/sparse.log"
	echo "sparse-suite: 0 passed, 1 failed"
	exit 1
fi
# the files both runs saw, with each run's verdict
join -a 1 -a 2 -e missing -o 0,1.2,2.2 "$tmp/sparse.verdicts" "$tmp/ioguard.verdicts" > "$tmp/both"
pass=$(awk '$2 == $3' "$tmp/both" | wc -l)
fail=$(awk '$2 != $3' "$tmp/both" | wc -l)
awk '$2 != $3 { print "FAIL " $1 ": sparse " $2 ", ioguard-sparse " $3 }' "$tmp/both"
awk '$2 != $3 { print $1 }' "$tmp/both" | while read -r f; do
	echo "--- $f (ioguard-sparse):"
	# the log's lines from this test's "  TEST    name (file)" to the next
	awk -v f="($f)" 'index($0, "  TEST ") == 1 {
		on = substr($0, length($0) - length(f) + 1) == f; next } on' \
		"$tmp/ioguard.log" | head -n 20
done
echo "sparse-suite: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
