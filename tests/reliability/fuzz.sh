# SPDX-License-Identifier: GPL-2.0
# Sourced by tests/reliability/run.sh: the libFuzzer targets (make
# fuzz-build) replay their corpora in tests/fuzz/TARGET/ and every input
# that once crashed them, tests/fuzz/crashes/TARGET/ (and the spec
# target's seeds, the specs of spec/ and tests/checker/specs/), under
# ASan and UBSan: each input runs once, no fuzzing (make fuzz does that).

if ! make -s -C "$top" fuzz-build > "$tmp/fuzz-build.out" 2>&1; then
	ko "make fuzz-build"
	sed 's/^/	/' "$tmp/fuzz-build.out" | tail -n 20
else
	for t in spec checker; do
		set -- "$top/tests/fuzz/$t"/* "$top/tests/fuzz/crashes/$t"/*
		# the spec target's seeds too: a new spec feature's fixtures
		# reach it before make fuzz has merged anything of them
		[ $t = checker ] || set -- "$@" "$top/spec/ioguard.spec" "$top/tests/checker/specs"/*
		n=0
		for f; do [ -f "$f" ] && n=$((n + 1)); done
		if "$top/build/fuzz/fuzz-$t" -close_fd_mask=3 -timeout=30 $(for f; do [ -f "$f" ] && echo "$f"; done) \
			> "$tmp/fuzz.out" 2>&1 && [ "$n" -gt 0 ]; then
			ok "fuzz-$t replays $n inputs (corpus, past crashes$([ $t = checker ] || echo ", seeds")): no crash, no sanitizer report"
		else
			ko "fuzz-$t on its corpus and past crashes"
			grep -m 5 'ERROR\|SUMMARY\|Running:' "$tmp/fuzz.out" | tail -n 5 | sed 's/^/	/'
		fi
	done
fi

# Inputs on which libsparse itself crashes (plain sparse too): contained,
# one line naming the unit, exit 2; through kbuild's wrapper, listed.
for f in "$top"/tests/fuzz/libsparse-crashes/*; do
	b=$(basename "$f")
	"$checker" -I"$top/tests/checker/include" "$f" > "$tmp/out" 2>&1
	rc=$?
	if [ $rc -eq 2 ] && tail -n 1 "$tmp/out" | grep -qx "ioguard-sparse: not checked: $f: the checker crashed (SIG[A-Z]*)"; then
		ok "libsparse crashes on $b: contained, one line, exit 2"
	else
		ko "libsparse crashes on $b: exit $rc"
		sed 's/^/	/' "$tmp/out" | tail -n 3
	fi
	sh "$top/src/sh/check-unit.sh" 60 "$checker" --ioguard-warn-only \
		-I"$top/tests/checker/include" "$f" > "$tmp/out" 2>&1
	rc=$?
	if [ $rc -eq 0 ] && grep -q "not checked: $f: the checker crashed" "$tmp/out"; then
		ok "libsparse crashes on $b: check-unit.sh lists it and lets kbuild go on"
	else
		ko "libsparse crashes on $b: check-unit.sh exit $rc"
	fi
done
