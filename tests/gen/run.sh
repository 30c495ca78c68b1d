#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Tests of `ioguard gen` and `ioguard verify`:
#  - unit tests of the generated runtime: the file the series creates,
#    rendered by `ioguard gen --render`, compiled against the stand-ins
#    in tests/gen/include/ and run through map/unmap sequences;
#  - the command-line contract (bad input: one line, exit 2);
#  - gen + verify on the real Debian trees, for each arch/version in
#    IOGUARD_GEN_TARGETS (default: "6.1:arm64 6.12:arm64
#    6.12:riscv 6.12:x86_64 6.1:riscv 6.1:x86_64"), and gen on a tree that
#    already carries the series (says so, writes nothing, exit 0).
# Ends with "gen: N passed, N failed".
set -u

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
. "$top/tests/result.sh"
ioguard=$top/build/ioguard
targets=${IOGUARD_GEN_TARGETS:-6.1:arm64 6.12:arm64 6.12:riscv 6.12:x86_64 6.1:riscv 6.1:x86_64}
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
signoff="ioguard tests <tests@ioguard.invalid>"

ok() { echo "ok   $1"; pass=$((pass + 1)); }
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

# 1. Unit tests of the runtime refcount logic.
for unit in arm64:6.1:arch/arm64/mm/mmio_guard.c \
	x86_64:6.12:arch/x86/kernel/kvm_mmio_guard.c \
	riscv:6.12:arch/riscv/kernel/cove_mmio_guard.c; do
	a=${unit%%:*} rest=${unit#*:}
	v=${rest%%:*} file=${rest#*:}
	tree=$("$ioguard" fetch-kernel "$v")
	if ! "$ioguard" gen --tree "$tree" --arch "$a" --render "$file" >"$tmp/runtime-$a.c"; then
		ko "render $file for $a"
		continue
	fi
	if ! cc -Wall -Werror -Wno-format -std=gnu11 -I"$here/include" \
		-DGENERATED="\"$tmp/runtime-$a.c\"" -o "$tmp/refs-$a" \
		"$here/refs-$a.c" "$here/kstub.c" 2>"$tmp/cc.log"; then
		ko "compile the generated $file against the stand-ins"
		sed 's/^/	/' "$tmp/cc.log" | head -n 20
		continue
	fi
	"$tmp/refs-$a" 2>/dev/null >"$tmp/refs.out"
	grep -v '^refs-' "$tmp/refs.out"
	add_result 'refs-[a-z0-9_]+' "$(cat "$tmp/refs.out")" ||
		ko "refs-$a did not finish"
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
# x86 KVM feature bits all taken up to the stable bit (24): no number is
# invented past it.
t612=$("$ioguard" fetch-kernel 6.12)
cp -al "$t612" "$tmp/full" && f=arch/x86/include/uapi/asm/kvm_para.h &&
	rm "$tmp/full/$f" && cp "$t612/$f" "$tmp/full/$f" &&
	for b in 18 19 20 21 22 23; do
		sed -i "/#define KVM_FEATURE_MIGRATION_CONTROL/a #define KVM_FEATURE_TAKEN_$b $b" "$tmp/full/$f"
	done
expect "gen: no free KVM feature bit below 24" 2 "no free KVM_FEATURE_\* number below 24" \
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
	if [ $rc -eq 0 ] && grep -q '^+void guest_mmio_map_hook(' "$tmp/renamed"/0001-*.patch &&
	   grep -q '^+void guest_mmio_unmap_hook(' "$tmp/renamed"/0002-*.patch &&
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
	# IOGUARD_GEN_INSERT_PATCH: a patch 1 to use instead of running
	# `ioguard insert` (for developing a backend).
	"$ioguard" gen --tree "$tree" --arch "$a" --signoff "$signoff" -o "$out" \
		${IOGUARD_GEN_INSERT_PATCH:+--insert-patch "$IOGUARD_GEN_INSERT_PATCH"} \
		>"$tmp/gen.log" 2>&1
	rc=$?
	sed -n '/ioguard verify:/,$p' "$tmp/gen.log"
	if [ $rc -eq 0 ]; then
		ok "gen + verify $v/$a ($(($(date +%s) - start)) s)"
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
			"$tmp/gen.log" 'not built for x86_64: mm/ioremap.o' ;;
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
	if [ -e "$tmp/carried-out" ]; then
		ko "gen $v/$a on a carried tree wrote $tmp/carried-out"
	fi
	rm -rf "$tmp/carried"
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
	fi
done

echo "gen: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
