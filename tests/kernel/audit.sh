#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# ioguard audit on Debian's pristine 6.1 and 6.12 trees, arm64 and
# x86_64 defconfig, every unit kbuild lists. What is asserted was read
# off the kernel sources:
#
# - the findings are the checker's known ones (tests/kernel/checker-facts.sh
#   explains each), now found from the whole tree, not from a list of
#   directories;
# - 6.12 arm64's pci_remap_iospace() (exported) is reached from
#   devm_pci_remap_iospace() in drivers/pci/devres.c (EXPORT_SYMBOL,
#   line 287, the call on line 277) and, through ACPI, from
#   drivers/acpi/pci_root.c's acpi_pci_root_remap_iospace();
# - earlycon_map() is reached from the "earlycon" early_param
#   (param_setup_earlycon -> setup_earlycon -> register_earlycon) on all
#   four, and on arm64 from early_init_dt_scan_chosen_stdout() in
#   drivers/of/fdt.c through of_setup_earlycon();
# - a unit is checked with kbuild's own flags (KBUILD_MODNAME and friends).
#
# Then the report's properties on 6.12 arm64: -j1 and -j2 give the same
# bytes, so do two shards merged and one run, the prefilter changes no
# finding and no chain (on the directories those chains cross; the
# whole tree is in `make check-full`), an edit re-checks only the units
# that read the file, a hung checker is one unit not checked, baselines
# survive line shifts, and --since keeps what a change touches.
set -u

top=$(cd "$(dirname "$0")/../.." && pwd)
ioguard=$top/build/ioguard
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

ok() { echo "ok   $1"; pass=$((pass + 1)); }
ko() { echo "FAIL $1"; [ $# -lt 2 ] || printf '%s\n' "$2" | sed 's/^/	/'; fail=$((fail + 1)); }

# audit VERSION ARCH ARGS...: ioguard audit on the cached tree and build
audit() {
	v=$1 ar=$2
	shift 2
	t=$("$ioguard" fetch-kernel "$v") && b=$("$ioguard" prepare-kernel "$v" "$ar") &&
	"$ioguard" audit --tree "$t" --arch "$ar" --build "$b" "$@"
}

# "file check function" of each finding of a JSON report
findings() {
	python3 -c 'import json,sys
for f in json.load(open(sys.argv[1]))["findings"]:
    print(f["file"], f["check"], f["function"])' "$1" | sort
}

# each chain of a JSON report as "function: root -> ... (kind)"
chains() {
	python3 -c 'import json,sys
for f in json.load(open(sys.argv[1]))["findings"]:
    for c in f["chains"]:
        print(f["function"] + ": " + " -> ".join(s["function"] + "@" + s["file"] + ":" + str(s["line"]) for s in c["steps"]) + " (" + c["kind"] + ")")' "$1"
}

expect_findings() {
	c=$1
	shift
	want=$(printf '%s\n' "$@" | sort)
	got=$(findings "$tmp/$c.json")
	if [ "$got" = "$want" ]; then
		ok "$c: the $# expected findings from the whole tree, nothing else"
	else
		ko "$c: findings" "$(printf '%s\n' "$want" > "$tmp/want"; printf '%s\n' "$got" | diff "$tmp/want" -)"
	fi
}

# "file check function" of each exempt mapping, each with a reason
expect_exempt() {
	c=$1
	shift
	want=$(printf '%s\n' "$@" | sort)
	got=$(python3 -c 'import json,sys
for e in json.load(open(sys.argv[1]))["exempt"]:
    if e["reason"]:
        print(e["file"], e["check"], e["function"])' "$tmp/$c.json" | sort -u)
	if [ "$got" = "$want" ]; then
		ok "$c: the $# exempt device mappings, each with the spec's reason"
	else
		ko "$c: exempt" "$(printf '%s\n' "$want" > "$tmp/want"; printf '%s\n' "$got" | diff "$tmp/want" -)"
	fi
}

expect_chain() {
	if chains "$tmp/$1.json" | grep -F -- "$2" >/dev/null; then
		ok "$1: chain $2"
	else
		ko "$1: no chain $2" "$(chains "$tmp/$1.json")"
	fi
}

for c in 6.1-arm64 6.12-arm64 6.1-x86_64 6.12-x86_64; do
	audit "${c%-*}" "${c#*-}" -j2 --format json -o "$tmp/$c.json" 2>"$tmp/$c.err"
	rc=$?
	[ $rc -eq 1 ] && ok "$c: audit exits 1 (findings)" || ko "$c: audit exit $rc" "$(cat "$tmp/$c.err")"
done

# device memory as data flow (docs/devmem.md, each read against the source)
devmem_arm64="arch/arm64/kernel/efi.c bypass efi_create_mapping
drivers/acpi/apei/ghes.c bypass ghes_map
drivers/tty/serial/samsung_tty.c bypass apple_s5l_early_console_setup
mm/early_ioremap.c bypass early_ioremap
drivers/char/mem.c user-map mmap_mem
drivers/crypto/hisilicon/qm.c user-map hisi_qm_uacce_mmap
drivers/hwtracing/stm/core.c user-map stm_char_mmap
drivers/pci/mmap.c user-map pci_mmap_resource_range
sound/soc/qcom/lpass-platform.c user-map lpass_platform_cdc_dma_mmap"
devmem_x86="drivers/gpu/drm/virtio/virtgpu_vram.c user-map virtio_gpu_vram_mmap
drivers/pci/mmap.c user-map pci_mmap_resource_range
sound/core/pcm_native.c user-map snd_pcm_lib_mmap_iomem"
expect_findings 6.1-arm64 \
	"drivers/tty/serial/earlycon.c bypass earlycon_map" \
	"mm/vmalloc.c unhooked-map ioremap_page_range" \
	"mm/ioremap.c unhooked-unmap iounmap" \
	"drivers/pci/pci.c unhooked-unmap pci_unmap_iospace" \
	"$devmem_arm64" \
	"drivers/gpu/drm/drm_vm.c user-map drm_mmap_locked" \
	"drivers/vfio/pci/vfio_pci_core.c user-map vfio_pci_mmap_fault" \
	"drivers/video/fbdev/core/fbmem.c user-map fb_mmap"
expect_findings 6.12-arm64 \
	"drivers/tty/serial/earlycon.c bypass earlycon_map" \
	"mm/vmalloc.c unhooked-map ioremap_page_range" \
	"mm/ioremap.c unhooked-unmap generic_iounmap" \
	"drivers/pci/pci.c bypass pci_remap_iospace" \
	"drivers/pci/pci.c unhooked-unmap pci_unmap_iospace" \
	"$devmem_arm64" \
	"drivers/gpu/drm/panthor/panthor_device.c user-map panthor_mmio_vm_fault" \
	"drivers/video/fbdev/core/fb_io_fops.c user-map fb_io_mmap"
for c in 6.1-x86_64 6.12-x86_64; do
	apic=register_lapic_address
	[ $c = 6.12-x86_64 ] && apic=apic_set_fixmap
	expect_findings $c \
		"drivers/tty/serial/earlycon.c bypass earlycon_map" \
		"mm/vmalloc.c unhooked-map ioremap_page_range" \
		"arch/x86/mm/ioremap.c unhooked-unmap iounmap" \
		"$devmem_x86"
	# the device mappings the spec exempts (the x86 guard leaves the
	# in-kernel APIC and bare-metal debug ports out): listed, not findings
	expect_exempt $c \
		"arch/x86/kernel/apic/apic.c bypass $apic" \
		"arch/x86/kernel/apic/io_apic.c bypass io_apic_set_fixmap" \
		"drivers/firewire/init_ohci1394_dma.c bypass init_ohci1394_controller" \
		"drivers/usb/early/ehci-dbgp.c bypass early_dbgp_init" \
		"mm/vmalloc.c bypass __vmap_pages_range_noflush"
done
for c in 6.1-arm64 6.12-arm64; do
	expect_exempt $c "mm/vmalloc.c bypass __vmap_pages_range_noflush"
done

expect_chain 6.12-arm64 "pci_remap_iospace: devm_pci_remap_iospace@drivers/pci/devres.c:277 (export)"
expect_chain 6.12-arm64 "acpi_pci_root_remap_iospace@drivers/acpi/pci_root.c:"
for c in 6.1-arm64 6.12-arm64 6.1-x86_64 6.12-x86_64; do
	expect_chain $c "earlycon_map: param_setup_earlycon@drivers/tty/serial/earlycon.c:"
	expect_chain $c "setup_earlycon@drivers/tty/serial/earlycon.c:"
done
expect_chain 6.1-arm64 "early_init_dt_scan_chosen_stdout@drivers/of/fdt.c:"
expect_chain 6.12-arm64 "early_init_dt_scan_chosen_stdout@drivers/of/fdt.c:"
# entry points: every ioremap reaches them, no chain is drawn
if python3 -c 'import json,sys
r=json.load(open(sys.argv[1]))
sys.exit(any(f["chains"] for f in r["findings"] if f["check"].startswith("unhooked-")))' "$tmp/6.12-arm64.json"; then
	ok "6.12-arm64: no chains for entry-point findings"
else
	ko "6.12-arm64: chains drawn for entry points"
fi

# kbuild's flags: a module unit carries its KBUILD_MODNAME
t=$("$ioguard" fetch-kernel 6.12)
b=$("$ioguard" prepare-kernel 6.12 arm64)
if grep -q "^$("$ioguard" fetch-kernel 6.12)/drivers/tty/serial/earlycon.c	.*-DKBUILD_BASENAME='\"earlycon\"'" \
	"$b/ioguard-audit/units.tsv" &&
   grep "/fs/nfs/inode.c	" "$b/ioguard-audit/units.tsv" | grep -q "KBUILD_MODNAME='\"nfs\"'"; then
	ok "6.12-arm64: units carry kbuild's per-file flags"
else
	ko "6.12-arm64: kbuild flags missing from the unit list"
fi
n=$(wc -l < "$b/ioguard-audit/units.tsv")
[ "$n" -gt 5000 ] && ok "6.12-arm64: $n units listed (defconfig, vmlinux and modules)" ||
	ko "6.12-arm64: only $n units listed"

# -j1 and -j2, fresh indexes: the same bytes
audit 6.12 arm64 -j1 --index "$tmp/j1.db" --format json -o "$tmp/j1.json" 2>/dev/null
audit 6.12 arm64 -j2 --index "$tmp/j2.db" --format json -o "$tmp/j2.json" 2>/dev/null
cmp -s "$tmp/j1.json" "$tmp/j2.json" && ok "-j1 and -j2: identical reports" ||
	ko "-j1 and -j2 differ" "$(diff "$tmp/j1.json" "$tmp/j2.json" | head)"

# three shards merged: the same bytes as one run, in every format
for i in 1 2 3; do
	audit 6.12 arm64 -j2 --shard $i/3 --index "$tmp/s$i.db" -o "$tmp/s$i.txt" 2>/dev/null
done
for f in json text sarif html codequality; do
	audit 6.12 arm64 -j2 --index "$tmp/j2.db" --format $f -o "$tmp/single.$f" 2>/dev/null
	"$ioguard" merge --format $f -o "$tmp/merged.$f" "$tmp/s1.db" "$tmp/s2.db" "$tmp/s3.db" 2>/dev/null
	cmp -s "$tmp/single.$f" "$tmp/merged.$f" && ok "3 shards merged == one run ($f)" ||
		ko "shards merged differ ($f)" "$(diff "$tmp/single.$f" "$tmp/merged.$f" | head)"
done
if [ "$(grep -c warning: "$tmp/s1.txt" "$tmp/s2.txt" "$tmp/s3.txt" | awk -F: '{n += $2 > 0} END {print n}')" -ge 2 ]; then
	ok "shards: the findings are spread over more than one shard"
else
	ko "shards: one shard holds every finding (the merge test proves little)"
fi

# the prefilter changes nothing, on every directory the chains cross
dirs="drivers/tty/ drivers/pci/ drivers/acpi/ drivers/of/ drivers/firmware/ mm/ init/ arch/arm64/"
audit 6.12 arm64 -j2 --index "$tmp/pf.db" --format json -o "$tmp/pf.json" $dirs 2>"$tmp/pf.err"
audit 6.12 arm64 -j2 --index "$tmp/npf.db" --no-prefilter --format json -o "$tmp/npf.json" $dirs 2>"$tmp/npf.err"
# the findings and their chains (units skipped differ, by design)
strip() { python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["findings"], indent=1))' "$1"; }
if [ "$(strip "$tmp/pf.json")" = "$(strip "$tmp/npf.json")" ] && [ "$(findings "$tmp/pf.json" | wc -l)" -ge 4 ]; then
	ok "prefilter: same findings and chains as every unit checked ($(grep -o '"checked": [0-9]*' "$tmp/pf.json") of $(grep -o '"listed": [0-9]*' "$tmp/npf.json"))"
else
	ko "prefilter changes the report" "$(diff "$tmp/pf.json" "$tmp/npf.json" | head -20)"
fi

# an edit re-checks only what reads the file (mtime moved, content kept)
f=$t/drivers/tty/serial/earlycon.c
# (brought up to date first: another run may have listed the units again)
audit 6.12 arm64 -j2 --index "$tmp/j2.db" -o /dev/null 2>/dev/null
# a device is written in place: renaming a temporary over it would leave
# a regular file at /dev/null (kbuild's flag probes then change flags)
[ -c /dev/null ] && ok "-o /dev/null: still the device" || ko "-o /dev/null replaced the device"
touch -r "$f" "$tmp/stamp"
touch "$f"
audit 6.12 arm64 -j2 --index "$tmp/j2.db" --format json -o "$tmp/inc.json" 2>"$tmp/inc.err"
touch -r "$tmp/stamp" "$f"
if grep -q "checking 1 units" "$tmp/inc.err" && cmp -s "$tmp/inc.json" "$tmp/j2.json"; then
	ok "incremental: one edited file, one unit re-checked, same report"
else
	ko "incremental" "$(cat "$tmp/inc.err")"
fi

# interrupted (Ctrl-C) or killed half way, then run again: the same report
# (SIGINT at its default action: a script's background job starts with it
# ignored, and ioguard leaves an ignored SIGINT ignored, as programs do)
for sig in INT KILL; do
	rm -f "$tmp/int.db"
	perl -e '$SIG{INT} = "DEFAULT"; exec @ARGV or exit 127' \
		"$ioguard" audit --tree "$t" --arch arm64 --build "$b" -j2 --index "$tmp/int.db" \
		--format json -o "$tmp/int.json" 2>"$tmp/int.err" &
	pid=$!
	n=0
	for i in $(seq 300); do
		n=$(sqlite3 "$tmp/int.db" "SELECT count(*) FROM units WHERE state IN ('checked', 'error')" 2>/dev/null)
		[ "${n:-0}" -lt 10 ] || break
		sleep 0.2
	done
	kill -$sig $pid
	wait $pid
	rc=$?
	audit 6.12 arm64 -j2 --index "$tmp/int.db" --format json -o "$tmp/int.json" 2>"$tmp/int2.err"
	# the second run checks what the first left: fewer than all, more than none
	all=$(sed -n 's/.* \([0-9]*\) can reach a mapping.*/\1/p' "$tmp/int2.err")
	left=$(sed -n 's/.*checking \([0-9]*\) units.*/\1/p' "$tmp/int2.err")
	if cmp -s "$tmp/int.json" "$tmp/j2.json" && [ "${n:-0}" -ge 10 ] &&
	   [ "${left:-0}" -gt 0 ] && [ "${left:-0}" -lt "${all:-0}" ] &&
	   { [ $sig = KILL ] || { [ $rc -eq 2 ] && grep -q "interrupted" "$tmp/int.err"; }; }; then
		ok "SIG$sig after $n units (exit $rc), run again: $left of $all checked, the same report"
	else
		ko "SIG$sig after ${n:-0} units: exit $rc" "$(cat "$tmp/int.err" "$tmp/int2.err"; diff "$tmp/int.json" "$tmp/j2.json" | head -5)"
	fi
done

# a checker that hangs on one unit: that unit is listed, the rest reported
cat > "$tmp/hang-sparse" <<EOF
#!/bin/sh
case "\$*" in *serial/earlycon.c*) exec sleep 60 ;; esac
exec "$top/build/ioguard-sparse" "\$@"
EOF
chmod +x "$tmp/hang-sparse"
IOGUARD_SPARSE=$tmp/hang-sparse audit 6.12 arm64 -j2 --timeout 3 --index "$tmp/hang.db" \
	--format json -o "$tmp/hang.json" drivers/tty/ drivers/pci/ 2>"$tmp/hang.err"
rc=$?
if [ $rc -eq 1 ] && grep -q '"unit": "drivers/tty/serial/earlycon.c", "state": "failed", "reason": "timed out after 3 s"' "$tmp/hang.json" &&
   findings "$tmp/hang.json" | grep -q pci_remap_iospace; then
	ok "a hung unit is killed after --timeout and listed as not checked"
else
	ko "hung unit (exit $rc)" "$(cat "$tmp/hang.err"; grep -A3 not_fully "$tmp/hang.json")"
fi

# baselines: all known -> exit 0; one dropped -> exit 1 naming it; line shifts keep fingerprints
audit 6.12 arm64 --index "$tmp/j2.db" --baseline "$tmp/j2.json" -o "$tmp/b.txt" 2>/dev/null
rc=$?
[ $rc -eq 0 ] && ok "baseline of every finding: exit 0" || ko "baseline: exit $rc" "$(cat "$tmp/b.txt")"
grep -v earlycon_map "$tmp/j2.json" > "$tmp/b1.json"
audit 6.12 arm64 --index "$tmp/j2.db" --baseline "$tmp/b1.json" -o "$tmp/b1.txt" 2>/dev/null
rc=$?
if [ $rc -eq 1 ] && grep -q "earlycon.c.*ioguard-bypass" "$tmp/b1.txt" && [ "$(grep -c 'warning:' "$tmp/b1.txt")" -eq 1 ]; then
	ok "baseline without one finding: exit 1, that one finding reported"
else
	ko "baseline without one: exit $rc" "$(cat "$tmp/b1.txt")"
fi
cp "$tmp/j2.db" "$tmp/shift.db"
sqlite3 "$tmp/shift.db" "UPDATE findings SET line = line + 7; UPDATE calls SET line = line + 7;"
"$ioguard" merge --baseline "$tmp/j2.json" -o "$tmp/shift.txt" "$tmp/shift.db" 2>/dev/null
rc=$?
if [ $rc -eq 0 ] && grep -q "(and 16 in the baseline, not shown)" "$tmp/shift.txt"; then
	ok "fingerprints survive line shifts (every line moved by 7)"
else
	ko "line shift: exit $rc" "$(cat "$tmp/shift.txt")"
fi

# --since: a change to drivers/pci/pci.c keeps its findings and drops earlycon
export GIT_DIR="$tmp/git" GIT_WORK_TREE=$t
g() { git -C "$t" -c user.name=t -c user.email=t@t "$@"; }
g init -q && g add -f drivers/pci/pci.c drivers/tty/serial/earlycon.c && g commit -qm base &&
	sed 1d "$t/drivers/pci/pci.c" > "$tmp/pci.c" &&
	g update-index --cacheinfo "100644,$(g hash-object -w "$tmp/pci.c"),drivers/pci/pci.c" &&
	g commit -qm change
audit 6.12 arm64 --index "$tmp/j2.db" --since HEAD --format json -o "$tmp/since.json" 2>"$tmp/since.err"
rc=$?
unset GIT_DIR GIT_WORK_TREE
got=$(findings "$tmp/since.json" | tr '\n' ';')
if [ $rc -eq 1 ] && [ "$got" = "drivers/pci/pci.c bypass pci_remap_iospace;drivers/pci/pci.c unhooked-unmap pci_unmap_iospace;" ]; then
	ok "--since: the findings of the changed file only"
else
	ko "--since: exit $rc, $got" "$(cat "$tmp/since.err")"
fi

echo "audit: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
