#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Device memory as data flow (docs/devmem.md) on Debian's pristine 6.1
# and 6.12, arm64 and x86_64 defconfig: ioguard audit over the
# directories the flows cross, then `--derive` on the same index.
#
# - every primitive and fixmap of the spec that is a function in the
#   tree is derived from the sinks (set_fixmap_io() is a macro on both
#   arches, vmap_page_range() does not exist in 6.1), and no spec name
#   with a body is left underived;
# - the set_fixmap_io() pattern: on arm64 FIXMAP_PAGE_IO carries device
#   attributes, so earlycon_map() is derived as writing device memory;
#   on x86 it is PAGE_KERNEL_IO, write-back in the PTE, so it is not;
# - the findings read against the source (docs/devmem.md, "Findings"):
#   arm64 samsung_tty.c, early_ioremap(), ghes_map() (across units, the
#   value chosen by __acpi_get_mem_attribute()), efi_create_mapping();
#   x86 the local APIC and IOAPIC fixmaps; user mappings (user-map) of
#   /dev/mem and of I/O memory by name.
set -u

top=$(cd "$(dirname "$0")/../.." && pwd)
ioguard=$top/build/ioguard
tmp=$(mktemp -d)
# IOGUARD_KEEP=DIR: keep the reports and derived lists there
trap '[ -z "${IOGUARD_KEEP:-}" ] || cp "$tmp"/*.json "$tmp"/*.derive "$IOGUARD_KEEP"/; rm -rf "$tmp"' EXIT
pass=0 fail=0

ok() { echo "ok   $1"; pass=$((pass + 1)); }
ko() { echo "FAIL $1"; [ $# -lt 2 ] || printf '%s\n' "$2" | sed 's/^/	/'; fail=$((fail + 1)); }

# the directories the flows of the findings and of the spec's names cross
paths() {
	case $1 in
	arm64) echo "mm/ arch/arm64/ drivers/tty/serial/ drivers/acpi/ drivers/char/ drivers/firmware/efi/" ;;
	x86_64) echo "mm/ arch/x86/ drivers/tty/serial/ drivers/acpi/ drivers/char/" ;;
	esac
}

# "check function" of each finding whose message matches RE
findings() {
	python3 -c 'import json,re,sys
for f in json.load(open(sys.argv[1]))["findings"]:
    if re.search(sys.argv[2], f["message"]):
        print(f["check"], f["function"])' "$1" "$2" | sort
}

has_finding() {
	if findings "$tmp/$1.json" "$3" | grep -qx "$2"; then
		ok "$1: $2 ($3)"
	else
		ko "$1: no finding '$2' matching '$3'" "$(findings "$tmp/$1.json" .)"
	fi
}

# the same among the mappings the spec exempts (spec/ioguard.spec says why)
has_exempt() {
	if python3 -c 'import json,re,sys
for e in json.load(open(sys.argv[1]))["exempt"]:
    if re.search(sys.argv[2], e["message"]) and e["reason"]:
        print(e["check"], e["function"])' "$tmp/$1.json" "$3" | grep -qx "$2"; then
		ok "$1: exempt $2 ($3)"
	else
		ko "$1: no exempt '$2' matching '$3'"
	fi
}

has_line() {
	if grep -q -- "$2" "$tmp/$1.derive"; then
		ok "$1: --derive: $2"
	else
		ko "$1: --derive has no '$2'" "$(grep -v '^#' "$tmp/$1.derive" | cut -c1-160 | head -20)"
	fi
}

lacks_line() {
	if grep -q -- "$2" "$tmp/$1.derive"; then
		ko "$1: --derive has '$2'" "$(grep -- "$2" "$tmp/$1.derive")"
	else
		ok "$1: --derive: no $3"
	fi
}

for c in 6.1-arm64 6.12-arm64 6.1-x86_64 6.12-x86_64; do
	v=${c%-*} ar=${c#*-}
	t=$("$ioguard" fetch-kernel "$v") && b=$("$ioguard" prepare-kernel "$v" "$ar") || {
		ko "$c: no tree"
		continue
	}
	start=$(date +%s)
	"$ioguard" audit --tree "$t" --arch "$ar" --build "$b" --index "$tmp/$c.db" -j2 \
		--format json -o "$tmp/$c.json" $(paths "$ar") 2>"$tmp/$c.err"
	rc=$?
	"$ioguard" audit --tree "$t" --arch "$ar" --build "$b" --index "$tmp/$c.db" -j2 \
		--derive -o "$tmp/$c.derive" $(paths "$ar") 2>>"$tmp/$c.err"
	drc=$?
	echo "     $c: audit and --derive in $(($(date +%s) - start)) s"
	[ $rc -eq 1 ] && [ $drc -eq 0 ] && ok "$c: audit exits 1, --derive 0" ||
		ko "$c: audit exit $rc, --derive exit $drc" "$(cat "$tmp/$c.err")"

	# today's spec, derived from the sinks
	has_line $c "^spec primitive vmap_range_noflush: derived"
	has_line $c "^spec fixmap __set_fixmap: derived"
	has_line $c "^spec fixmap set_fixmap_io: no function body"
	if [ "$v" = 6.12 ]; then
		has_line $c "^spec primitive vmap_page_range: derived"
	else
		has_line $c "^spec primitive vmap_page_range: no function body"
	fi
	lacks_line $c "NOT derived" "spec name with a body left underived"
	has_line $c "^mm/vmalloc.c:[0-9]*: vmap_pte_range: passes parameter 5 to the page tables"
done

# arm64: FIXMAP_PAGE_IO is device memory; x86: write-back (MTRRs decide)
for c in 6.1-arm64 6.12-arm64; do
	has_line $c "^drivers/tty/serial/earlycon.c:[0-9]*: earlycon_map: writes device memory (PTE_ATTRINDX(MT_DEVICE_nGnRE)): '__set_fixmap' -> '_*set_pte"
	has_line $c "^arch/arm64/mm/[a-z]*.c:[0-9]*: __set_fixmap: passes parameter 3 to the page tables: '_*set_pte"
	has_finding $c "bypass apple_s5l_early_console_setup" "^'apple_s5l_early_console_setup' maps MMIO with '__set_fixmap' \(device memory: PTE_ATTRINDX\(MT_DEVICE_nGnRnE\)\)"
	has_finding $c "bypass early_ioremap" "^'early_ioremap' maps MMIO with '__early_ioremap' -> '__set_fixmap' \(device memory: PTE_ATTRINDX\(MT_DEVICE_nGnRE\)\)"
	has_finding $c "bypass ghes_map" "^'ghes_map' may map MMIO with '__set_fixmap' -> '_*set_pte' \(device memory: PTE_ATTRINDX\(MT_DEVICE_nGnRnE\) returned by '__acpi_get_mem_attribute', chosen at arch/arm64/kernel/acpi.c:[0-9]+\)"
	has_finding $c "bypass efi_create_mapping" "^'efi_create_mapping' may map MMIO with 'create_pgd_mapping' -> .*\(device memory: PTE_ATTRINDX\(MT_DEVICE_nGnRE\), chosen at arch/arm64/kernel/efi.c:[0-9]+\)"
	has_finding $c "user-map mmap_mem" "^'mmap_mem' may map device memory into user space with 'remap_pfn_range' \(PTE_ATTRINDX\(MT_DEVICE_nGnRnE\) returned by 'phys_mem_access_prot'"
done
for c in 6.1-x86_64 6.12-x86_64; do
	lacks_line $c "earlycon_map: writes device memory" "earlycon_map as device memory (FIXMAP_PAGE_IO is write-back)"
	has_line $c "__set_fixmap: passes parameter 3 to the page tables: 'native_set_fixmap' -> '__native_set_fixmap' -> 'set_pte_vaddr'"
	has_exempt $c "bypass io_apic_set_fixmap" "^'io_apic_set_fixmap' maps MMIO with '__set_fixmap' \(device memory: _PAGE_NOCACHE\)"
done
has_exempt 6.12-x86_64 "bypass apic_set_fixmap" "^'apic_set_fixmap' maps MMIO with '__set_fixmap' \(device memory: _PAGE_NOCACHE\)"
has_exempt 6.1-x86_64 "bypass register_lapic_address" "^'register_lapic_address' maps MMIO with '__set_fixmap' \(device memory: _PAGE_NOCACHE\)"
# the text report: exempt mappings as notes with their reason, after the
# findings, never in the totals (the same index, nothing rechecked)
t=$("$ioguard" fetch-kernel 6.12) && b=$("$ioguard" prepare-kernel 6.12 x86_64)
"$ioguard" audit --tree "$t" --arch x86_64 --build "$b" --index "$tmp/6.12-x86_64.db" -j2 \
	-o "$tmp/x86.txt" $(paths x86_64) 2>/dev/null
total=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$tmp/6.12-x86_64.json")
if grep -q "^== exempt by the spec ([0-9]*, not findings) ==" "$tmp/x86.txt" &&
   grep -A1 "^arch/x86/kernel/apic/apic.c:[0-9]*:[0-9]*: note: 'apic_set_fixmap' maps MMIO .*\[ioguard-bypass\]$" "$tmp/x86.txt" |
	grep -q "^    exempt: x86 local APIC (6.12): the x86 MMIO guard ABI has the host emulate it unannounced" &&
   grep -q "^total  *$total$" "$tmp/x86.txt" && ! grep -q "warning: 'apic_set_fixmap'" "$tmp/x86.txt"; then
	ok "6.12-x86_64: text report lists exempt mappings as notes, outside the $total findings"
else
	ko "6.12-x86_64: text report's exempt section" "$(cat "$tmp/x86.txt")"
fi

# CI gates leave user mappings out (ci/ioguard-gate.sh passes --no-user-map)
t=$("$ioguard" fetch-kernel 6.12) && b=$("$ioguard" prepare-kernel 6.12 arm64)
"$ioguard" audit --tree "$t" --arch arm64 --build "$b" --index "$tmp/6.12-arm64.db" -j2 \
	--no-user-map --format json -o "$tmp/nouser.json" $(paths arm64) 2>/dev/null
if [ -z "$(findings "$tmp/nouser.json" . | grep '^user-map ')" ] &&
   findings "$tmp/nouser.json" . | grep -qx "bypass ghes_map" &&
   findings "$tmp/6.12-arm64.json" . | grep -q '^user-map '; then
	ok "6.12-arm64: --no-user-map leaves the user-map findings out, the rest in"
else
	ko "6.12-arm64: --no-user-map" "$(findings "$tmp/nouser.json" .)"
fi

# a derived finding is reached like any other: ghes_map() from GHES's handlers
if python3 -c 'import json,sys
r=json.load(open(sys.argv[1]))
sys.exit(not any(f["function"] == "ghes_map" and f["chains"] for f in r["findings"]))' "$tmp/6.12-arm64.json"; then
	ok "6.12-arm64: ghes_map's finding has chains up to its roots"
else
	ko "6.12-arm64: ghes_map has no chain"
fi

echo "devmem: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
