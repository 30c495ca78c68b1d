#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# ioguard's C code under AddressSanitizer + UBSan and under valgrind:
#
# - the build/asan/ binaries (make asan) run every checker fixture
#   (tests/checker/run.sh), the command-line contract (tests/cli/run.sh,
#   ioguard-clang's included)
#   with the same expected results, and the checker runs through kbuild
#   over 6.12's mm/ for arm64 with the same findings as build/ioguard-sparse;
# - valgrind --error-exitcode=1 on build/ioguard-sparse (three fixtures),
#   build/ioguard-clang (one),
#   build/ioguard spec and build/ioguard cocci -o DIR.
#
# Any sanitizer report fails: the runtimes stop at the first one and
# abort (exit 134, never a result the tests expect). ASan writes its
# report to $tmp/san/report.PID (log_path); UBSan, linked with ASan,
# writes to stderr whatever its log_path says: every step's output is
# captured and searched as well.
# libsparse.a is not instrumented; only checkers/, src/ and spec/ are.
set -u

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
asan=$top/build/asan
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/san"

# detect_leaks=0: libsparse never frees (its allocators hand out memory
# for the life of the process, by design), and ioguard keeps what it
# builds until exit; LeakSanitizer would report all of that as noise.
ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:log_path=$tmp/san/report
UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1
export ASAN_OPTIONS UBSAN_OPTIONS

ok() { echo "ok   $1"; pass=$((pass + 1)); }
ko() { echo "FAIL $1"; fail=$((fail + 1)); }

# no_report FILE...: print any sanitizer report in FILE... and in the
# runtimes' log files (then emptied); 0 if there is none.
no_report() {
	found=1
	for r in "$tmp"/san/report.* "$@"; do
		[ -f "$r" ] || continue
		if grep -E 'ERROR: AddressSanitizer|runtime error:|SUMMARY: (Address|Undefined)' "$r" >/dev/null; then
			sed 's/^/	/' "$r" | head -n 40
			found=0
		fi
	done
	rm -f "$tmp"/san/report.*
	[ "$found" -eq 1 ]
}

# suite NAME SCRIPT: run another suite with the build/asan binaries; it
# must pass every test and no sanitizer may have reported.
suite() {
	IOGUARD_SPARSE=$asan/ioguard-sparse IOGUARD=$asan/ioguard IOGUARD_CLANG=$asan/ioguard-clang \
		IOGUARD_HOME=$top \
		sh "$2" > "$tmp/suite.out" 2>&1
	rc=$?
	res=$(grep -E "^$1: [0-9]+ passed, [0-9]+ failed\$" "$tmp/suite.out" | tail -n 1)
	if ! no_report "$tmp/suite.out"; then
		ko "asan: $1 fixtures: sanitizer report"
	elif [ "$rc" -ne 0 ] || [ -z "$res" ]; then
		grep '^FAIL' -A5 "$tmp/suite.out" | sed 's/^/	/'
		ko "asan: $1 fixtures: ${res:-no result line} (exit $rc)"
	else
		ok "asan: $1 fixtures, ${res#*: }, no sanitizer report"
	fi
}

if ! make -s -C "$top" asan > "$tmp/make.out" 2>&1; then
	sed 's/^/	/' "$tmp/make.out" | tail -n 20
	ko "make asan"
	echo "sanitize: $pass passed, $fail failed"
	exit 1
fi
# the binaries are instrumented (a plain build here would pass vacuously)
if nm "$asan/ioguard-sparse" | grep -q ' __asan_init' &&
   nm "$asan/ioguard-clang" | grep -q ' __asan_init' &&
   nm "$asan/ioguard" | grep -q ' __ubsan_handle'; then
	ok "make asan: build/asan/ioguard-sparse, ioguard-clang and ioguard have ASan and UBSan"
else
	ko "make asan: build/asan/ binaries are not instrumented"
fi

suite checker "$top/tests/checker/run.sh"
suite cli "$top/tests/cli/run.sh"

IOGUARD_HOME=$top "$asan/ioguard" cocci -o "$tmp/cocci" > "$tmp/cocci.out" 2>&1
rc=$?
if no_report "$tmp/cocci.out" && [ "$rc" -eq 0 ] && [ -s "$tmp/cocci/map_hook.cocci" ]; then
	ok "asan: ioguard cocci -o DIR"
else
	ko "asan: ioguard cocci -o DIR (exit $rc)"
fi

# One real directory through kbuild: the findings of the plain and the
# ASan checker over 6.12's mm/ (arm64) must be the same lines.
tree=$("$top/src/sh/fetch-kernel.sh" 6.12) &&
	out=$("$top/src/sh/prepare-kernel.sh" 6.12 arm64)
if [ -z "${out:-}" ]; then
	ko "kbuild 6.12/arm64 mm/: no prepared tree"
else
	"$top/build/ioguard" check --tree "$tree" --arch arm64 --build "$out" \
		--log "$tmp/plain.log" mm/ > "$tmp/plain" 2>"$tmp/plain.err"
	prc=$?
	IOGUARD_SPARSE=$asan/ioguard-sparse IOGUARD_HOME=$top "$asan/ioguard" check \
		--tree "$tree" --arch arm64 --build "$out" --log "$tmp/asan.log" mm/ \
		> "$tmp/asan" 2>"$tmp/asan.err"
	arc=$?
	n=$(grep -c '^  CHECK ' "$tmp/asan.log")
	if ! no_report "$tmp/asan.log" "$tmp/asan"; then
		ko "asan: kbuild 6.12/arm64 mm/: sanitizer report"
	elif [ "$prc" -ne 1 ] || [ "$arc" -ne 1 ] || [ "$n" -lt 50 ] ||
	     ! cmp -s "$tmp/plain" "$tmp/asan"; then
		diff -u "$tmp/plain" "$tmp/asan" | sed 's/^/	/'
		sed 's/^/	plain: /' "$tmp/plain.err"
		sed 's/^/	asan: /' "$tmp/asan.err"
		ko "asan: kbuild 6.12/arm64 mm/ (exit $prc plain, $arc asan, $n files)"
	else
		ok "asan: kbuild 6.12/arm64 mm/: $n files, the same $(wc -l < "$tmp/asan") findings, no report"
	fi
fi

# valgrind on the plain build. --error-exitcode=1 would be taken for a
# finding: the fixtures with findings run with --ioguard-warn-only (exit 0).
if ! command -v valgrind > /dev/null; then
	ko "valgrind: not installed (src/sh/deps.sh installs it)"
else
	vg() {
		name=$1
		shift
		valgrind -q --error-exitcode=1 --leak-check=no "$@" > "$tmp/vg.out" 2>&1
		rc=$?
		if [ "$rc" -eq 0 ] && ! grep -q '^==[0-9]*== ' "$tmp/vg.out"; then
			ok "valgrind: $name"
		else
			sed 's/^/	/' "$tmp/vg.out" | head -n 40
			ko "valgrind: $name (exit $rc)"
		fi
	}
	fx=$top/tests/checker
	for f in map-612-unhooked.c args-helper-swapped.c unmap-helper.c; do
		vg "ioguard-sparse $f" "$top/build/ioguard-sparse" --ioguard-warn-only \
			-Wno-decl -I"$fx/include" "$fx/$f"
	done
	vg "ioguard-clang map-612-unhooked.c" "$top/build/ioguard-clang" --ioguard-warn-only \
		-I"$fx/include" "$fx/map-612-unhooked.c"
	vg "ioguard spec" "$top/build/ioguard" spec
	vg "ioguard cocci -o DIR" "$top/build/ioguard" cocci -o "$tmp/vg-cocci"
fi

echo "sanitize: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
