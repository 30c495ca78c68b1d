#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Tests of `ioguard gen` and `ioguard verify`:
#  - unit tests of the generated runtime: the file the series creates,
#    rendered by `ioguard gen --render`, compiled against the stand-ins
#    in tests/gen/include/ and run through map/unmap sequences;
#  - the command-line contract (bad input: one line, exit 2);
#  - gen + verify on the real Debian trees, for each arch/version in
#    IOGUARD_GEN_TARGETS (default: "6.1:arm64 6.12:arm64
#    6.12:riscv 6.1:x86_64"; check-full all six), verify --run (the
#    series' KUnit tests in QEMU) for those in IOGUARD_GEN_RUN, and gen on
#    a tree that already carries the series (says so, writes nothing,
#    exit 0).
# Ends with "gen: N passed, N failed".
set -u

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
. "$top/tests/result.sh"
ioguard=$top/build/ioguard
# make check: every backend and variant once, each arch's KUnit run
# included; make check-full adds 6.12:x86_64 and 6.1:riscv.
targets=${IOGUARD_GEN_TARGETS:-6.1:arm64 6.12:arm64 6.12:riscv 6.1:x86_64}
# Those whose verify also runs the series' KUnit tests in QEMU (--run):
# each arch once, both ways of replacing the hypercall (6.1: a function
# pointer; 6.12: KUnit static stubs).
run_targets=${IOGUARD_GEN_RUN:-6.12:arm64 6.12:riscv 6.1:x86_64}
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
signoff="ioguard tests <tests@ioguard.invalid>"

ok() { echo "ok   $1"; pass=$((pass + 1)); }
scratch_git() {
	GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@t.invalid GIT_COMMITTER_NAME=t \
	GIT_COMMITTER_EMAIL=t@t.invalid git -c commit.gpgsign=false "$@"
}
ko() { echo "FAIL $1"; fail=$((fail + 1)); }

# expect NAME EXIT PATTERN CMD...
expect() {
	name=$1 want=$2 pattern=$3
	shift 3
	"$@" >"$tmp/out" 2>&1
	got=$?
	if [ "$got" = "$want" ] && grep -q -- "$pattern" "$tmp/out"; then
		ok "$name"
	else
		ko "$name: exit $got (want $want)"
		sed 's/^/	/' "$tmp/out" | tail -n 15
	fi
}

# abi_has NAME FILE|DIR PATTERN...: every pattern matches a line.
abi_has() {
	name=$1 where=$2
	shift 2
	for pat in "$@"; do
		if ! cat "$where" "$where"/0*.patch 2>/dev/null | grep -q -- "$pat"; then
			ko "$name: no line matches '$pat'"
			return
		fi
	done
	ok "$name"
}

t61=$("$ioguard" fetch-kernel 6.1) || { echo "gen: 0 passed, 1 failed"; exit 1; }

# 1. Unit tests of the runtime: each generated file (created, or edited
# like the pKVM driver) compiled against the stand-ins, run once per
# scenario (the hypervisor it models; "" the full ABI).
for unit in arm64:6.1:arch/arm64/mm/mmio_guard.c:refs-arm64:,no-unmap,granule \
	arm64:6.12:drivers/virt/coco/pkvm-guest/arm-pkvm-guest.c:refs-arm64-pkvm:,no-unmap \
	x86_64:6.12:arch/x86/kernel/kvm_mmio_guard.c:refs-x86_64: \
	riscv:6.12:arch/riscv/kernel/cove_mmio_guard.c:refs-riscv:; do
	a=${unit%%:*} rest=${unit#*:}
	v=${rest%%:*} rest=${rest#*:}
	file=${rest%%:*} rest=${rest#*:}
	src=${rest%%:*} scenarios=${rest#*:}
	tree=$("$ioguard" fetch-kernel "$v")
	if ! "$ioguard" gen --tree "$tree" --arch "$a" --render "$file" >"$tmp/runtime-$src.c"; then
		ko "render $file for $a"
		continue
	fi
	if ! cc -Wall -Werror -Wno-format -std=gnu11 -I"$here/include" \
		-DGENERATED="\"$tmp/runtime-$src.c\"" -o "$tmp/$src" \
		"$here/$src.c" "$here/kstub.c" 2>"$tmp/cc.log"; then
		ko "compile the generated $file against the stand-ins"
		sed 's/^/	/' "$tmp/cc.log" | head -n 20
		continue
	fi
	for sc in $(echo "$scenarios" | tr , ' ') ""; do
		case ",$scenarios," in *",$sc,"*) ;; *) continue ;; esac
		"$tmp/$src" $sc 2>/dev/null >"$tmp/refs.out"
		grep -v '^refs-\|BAR took' "$tmp/refs.out"
		grep -h 'BAR took' "$tmp/refs.out" | sed "s/^/	$src${sc:+ $sc}: /"
		add_result 'refs-[a-z0-9_-]+' "$(grep -v '^ok\|BAR took' "$tmp/refs.out")" ||
			ko "$src $sc did not finish"
	done
done

# 2. Command-line contract.
expect "gen: no arguments is a usage error" 2 "usage" "$ioguard" gen
expect "gen: not a kernel tree" 2 "is not a kernel tree" \
	"$ioguard" gen --tree "$tmp" --arch arm64 --signoff "$signoff" -o "$tmp/o"
expect "gen: unknown arch" 2 "unknown arch" \
	"$ioguard" gen --tree "$t61" --arch sparc --signoff "$signoff" -o "$tmp/o"
expect "gen: unknown abi" 2 "no backend" \
	"$ioguard" gen --tree "$t61" --arch arm64 --abi nope --signoff "$signoff" -o "$tmp/o"
expect "gen: malformed --signoff" 2 "Name <mail@host>" \
	"$ioguard" gen --tree "$t61" --arch arm64 --signoff "nobody" -o "$tmp/o"
expect "gen: no identity at all" 2 "no Signed-off-by" \
	env HOME="$tmp" GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null \
	"$ioguard" gen --tree "$t61" --arch arm64 -o "$tmp/o"
expect "gen: malformed --fallback-signoff" 2 "--fallback-signoff wants" \
	"$ioguard" gen --tree "$t61" --arch arm64 --fallback-signoff "nobody" -o "$tmp/o"
# The x86 ABI's numbers are fixed: a tree that gives the feature bit (18)
# to something else stops gen rather than move the ABI.
t612=$("$ioguard" fetch-kernel 6.12)
cp -al "$t612" "$tmp/full" && f=arch/x86/include/uapi/asm/kvm_para.h &&
	rm "$tmp/full/$f" && cp "$t612/$f" "$tmp/full/$f" &&
	sed -i "/#define KVM_FEATURE_MIGRATION_CONTROL/a #define KVM_FEATURE_TAKEN 18" "$tmp/full/$f"
expect "gen: the fixed KVM feature bit taken in the tree" 2 "already defines KVM_FEATURE_TAKEN as 18" \
	"$ioguard" gen --tree "$tmp/full" --arch x86_64 --signoff "$signoff" -o "$tmp/o"
rm -rf "$tmp/full"
expect "verify: no series" 2 "no series directory" \
	"$ioguard" verify --tree "$t61" --arch arm64 --series "$tmp/none"

# 3. gen + verify on real trees.
# A spec whose hooks have other names: insert's patch 1, the runtime and
# verify's checker all follow it (and nothing keeps the built-in names).
t612=$("$ioguard" fetch-kernel 6.12) && case " $targets " in *" 6.12:arm64 "*)
	sed -e 's/ioremap_page_range_hook/guest_mmio_map_hook/' \
	    -e 's/iounmap_page_range_hook/guest_mmio_unmap_hook/' \
		"$top/spec/ioguard.spec" > "$tmp/renamed.spec"
	"$ioguard" gen --tree "$t612" --arch arm64 --spec "$tmp/renamed.spec" \
		--signoff "$signoff" -o "$tmp/renamed" >"$tmp/renamed.log" 2>&1
	rc=$?
	if [ $rc -eq 0 ] && grep -q '^+int guest_mmio_map_hook(' "$tmp/renamed"/0001-*.patch &&
	   grep -q '^+void guest_mmio_unmap_hook(' "$tmp/renamed"/0001-*.patch &&
	   grep -q '^+.*guest_mmio_unmap_hook(' "$tmp/renamed"/0002-*.patch &&
	   ! grep -q 'page_range_hook' "$tmp/renamed"/0*.patch &&
	   grep -q '^  check  *ok' "$tmp/renamed.log"; then
		ok "gen --spec: the series and verify's checker use the spec's hook names"
	else
		ko "gen --spec with renamed hooks (exit $rc)"; tail -n 12 "$tmp/renamed.log" | sed 's/^/	/'
	fi ;;
esac
for target in $targets; do
	v=${target%%:*} a=${target#*:}
	tree=$("$ioguard" fetch-kernel "$v") || { ko "fetch $v"; continue; }
	out=$tmp/series-$v-$a
	start=$(date +%s)
	case " $run_targets " in *" $target "*) run=--run ;; *) run= ;; esac
	# IOGUARD_GEN_INSERT_PATCH: a patch 1 to use instead of running
	# `ioguard insert` (for developing a backend).
	"$ioguard" gen --tree "$tree" --arch "$a" --signoff "$signoff" -o "$out" $run \
		${IOGUARD_GEN_INSERT_PATCH:+--insert-patch "$IOGUARD_GEN_INSERT_PATCH"} \
		>"$tmp/gen.log" 2>&1
	rc=$?
	sed -n '/ioguard verify:/,$p' "$tmp/gen.log"
	if [ $rc -eq 0 ] && [ -n "$run" ] && ! grep -q '^  kunit  *ok .* 0 failed' "$tmp/gen.log"; then
		ko "gen + verify --run $v/$a: no KUnit results"
	elif [ $rc -eq 0 ]; then
		ok "gen + verify${run:+ --run} $v/$a ($(($(date +%s) - start)) s)"
	else
		ko "gen + verify $v/$a (exit $rc)"
		tail -n 20 "$tmp/gen.log" | sed 's/^/	/'
		continue
	fi
	# The ABI numbers each backend derives from the tree (6.1 and 6.12:
	# the last KVM_HC_* is 12; KVM feature bits stop at 17 below the
	# stable bit 24), and the objects verify leaves out on a config that
	# lacks them.
	case $v/$a in
	*/x86_64)
		abi_has "$v/$a: hypercalls after KVM_HC_MAP_GPA_RANGE (12)" "$out" \
			'^+#define KVM_HC_MMIO_GUARD_ENROLL	13$' \
			'^+#define KVM_HC_MMIO_GUARD_MAP		14$' \
			'^+#define KVM_HC_MMIO_GUARD_UNMAP		15$'
		abi_has "$v/$a: feature bit 18, below the stable bit 24" "$out" \
			'^+#define KVM_FEATURE_MMIO_GUARD		18$'
		abi_has "$v/$a: verify skips mm/ioremap.o (no GENERIC_IOREMAP)" \
			"$tmp/gen.log" 'not built for x86_64: .*mm/ioremap.o' ;;
	*/riscv)
		abi_has "$v/$a: the COVG extension and its two functions" "$out" \
			'^+	SBI_EXT_COVG = 0x434F5647,$' \
			'^+	SBI_EXT_COVG_ADD_MMIO_REGION = 0,$' \
			'^+	SBI_EXT_COVG_REMOVE_MMIO_REGION = 1,$' ;;
	esac
	# A tree that carries the series: gen says so and writes nothing.
	# (per target: one target's failure must not fail the next ones)
	rm -rf "$tmp/carried" "$tmp/carried-out"
	cp -al "$tree" "$tmp/carried" &&
		(cd "$tmp/carried" && cat "$out"/0*-*.patch | grep -v '^$' >/dev/null &&
		 for p in "$out"/000[1-9]-*.patch; do patch -s -p1 <"$p" || exit 1; done)
	expect "gen $v/$a on a tree carrying the series" 0 "already carries" \
		"$ioguard" gen --tree "$tmp/carried" --arch "$a" --signoff "$signoff" -o "$tmp/carried-out"
	# What a reviewer checks (on the tree the series was just applied to).
	sh "$here/series-shape.sh" "$v" "$a" "$out" "$tmp/carried" "$signoff" >"$tmp/shape.out"
	cat "$tmp/shape.out"
	pass=$((pass + $(grep -c '^ok' "$tmp/shape.out"))) fail=$((fail + $(grep -c '^FAIL' "$tmp/shape.out")))
	if [ -e "$tmp/carried-out" ]; then
		ko "gen $v/$a on a carried tree wrote $tmp/carried-out"
	fi
	rm -rf "$tmp/carried"
	# A tree that is a git checkout: the cover letter gives its HEAD as
	# base-commit (patch 1 from the series just made, so insert does not
	# run).
	if [ "$v/$a" = 6.1/arm64 ]; then
		cp -al "$tree" "$tmp/gittree" &&
			(cd "$tmp/gittree" && git init -q && git add -f Makefile &&
			 scratch_git commit -qm base) >/dev/null 2>&1
		head=$(git -C "$tmp/gittree" rev-parse HEAD 2>/dev/null)
		"$ioguard" gen --tree "$tmp/gittree" --arch "$a" --no-verify --signoff "$signoff" \
			--insert-patch "$out"/0001-*.patch -o "$tmp/gitseries" >/dev/null 2>&1
		grep -q "^base-commit: $head\$" "$tmp/gitseries"/0000-cover-letter.patch 2>/dev/null &&
			ok "a git checkout: the cover letter's base-commit is its HEAD" ||
			ko "a git checkout: no 'base-commit: $head' in the cover letter"
		rm -rf "$tmp/gittree" "$tmp/gitseries"
	fi
	# Where git has no identity, --fallback-signoff signs (make run's
	# demo); patch 1 from the series just made, so insert does not run.
	if [ "$v/$a" = 6.1/arm64 ]; then
		expect "gen --fallback-signoff where git has no identity" 0 "wrote the" \
			env HOME="$tmp" GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null \
			"$ioguard" gen --tree "$tree" --arch "$a" --no-verify \
			--fallback-signoff "$signoff" --insert-patch "$out"/0001-*.patch -o "$tmp/fallback"
		n=$(ls "$tmp/fallback"/000[1-9]-*.patch 2>/dev/null | wc -l)
		signed=$(cat "$tmp/fallback"/000[1-9]-*.patch 2>/dev/null | grep -c "^Signed-off-by: $signoff\$")
		[ "$n" -gt 0 ] && [ "$signed" = "$n" ] &&
			ok "the fallback identity signs each of the $n patches" ||
			ko "$signed of $n patches signed off by the fallback identity"
		# --no-verify: the cover letter claims no verification.
		c=$tmp/fallback/0000-cover-letter.patch
		grep -q 'has not been verified' "$c" && ! grep -q 'verified by ioguard' "$c" &&
			ok "gen --no-verify: the cover letter says the series is not verified" ||
			ko "gen --no-verify: the cover letter claims verification"
	fi
done

echo "gen: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
