#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# What a reviewer checks in a generated series, beyond applying and
# building: prints "ok   ..." or "FAIL ..." per check.
# usage: series-shape.sh VERSION ARCH SERIES_DIR APPLIED_TREE SIGNOFF
set -u
v=$1 a=$2 out=$3 applied=$4 signoff=$5
ok() { echo "ok   $v/$a: $1"; }
ko() { echo "FAIL $v/$a: $1"; }
check() { what=$1; shift; if "$@"; then ok "$what"; else ko "$what"; fi; }
patches=$(ls "$out"/000[1-9]-*.patch)

# One subsystem per patch: every file a patch touches is under the one
# prefix its subject names.
subsystems() {
	for p in $patches; do
		subj=$(sed -n 's/^Subject: \[[^]]*\] //p' "$p")
		files=$(sed -n 's|^diff --git a/\([^ ]*\) .*|\1|p' "$p")
		case $subj in
		mm:*) want='include/linux/io.h mm/' ;;
		PCI:*) want='drivers/pci/' ;;
		serial:*) want='drivers/tty/serial/' ;;
		"KVM: arm64:"*) want='Documentation/virt/kvm/arm/' ;;
		"KVM: x86:"*) want='include/uapi/linux/kvm_para.h arch/x86/include/uapi/ Documentation/virt/kvm/x86/' ;;
		Documentation:*) want='Documentation/' ;;
		drivers/virt:*) want='drivers/virt/ include/linux/arm-smccc.h arch/arm64/include/asm/hypervisor.h' ;;
		arm64:*) want='arch/arm64/ include/linux/arm-smccc.h' ;;
		x86*) want='arch/x86/' ;;
		riscv:*) want='arch/riscv/' ;;
		*) echo "no subsystem for '$subj'"; return 1 ;;
		esac
		for f in $files; do
			hit=
			for w in $want; do case $f in "$w"*) hit=1 ;; esac; done
			[ -n "$hit" ] || { echo "'$subj' touches $f"; return 1; }
		done
	done
}
check "one subsystem per patch, with its subject prefix" subsystems

# Subjects as each subsystem writes them: mm lowercase after its prefix,
# the others (PCI, serial, arm64, riscv, drivers/virt, x86, KVM,
# Documentation) capitalised.
capitals() {
	for p in $patches; do
		subj=$(sed -n 's/^Subject: \[[^]]*\] //p' "$p")
		rest=$(echo "$subj" | sed 's/^\([^ ]*: \)*//')
		case $subj in
		mm:*) case $rest in [a-z]*) ;; *) echo "'$subj'"; return 1 ;; esac ;;
		*) case $rest in [A-Z]*) ;; *) echo "'$subj'"; return 1 ;; esac ;;
		esac
	done
}
check "subjects capitalised as their subsystems write them (mm lowercase)" capitals

# A patch titled "Document ..." touches documentation only.
docs_only() {
	for p in $patches; do
		grep -q '^Subject: \[[^]]*\] .*: Document' "$p" || continue
		! sed -n 's|^diff --git a/\([^ ]*\) .*|\1|p' "$p" | grep -qv '^Documentation/' ||
			{ echo "$(basename "$p") is titled Document but changes code"; return 1; }
	done
}
check "a patch titled 'Document' changes documentation only" docs_only

# Commit messages wrap at 75 columns, as checkpatch wants.
wrapped() {
	for p in $patches; do
		awk -v f="$(basename "$p")" '/^---$/ { exit } body && length($0) > 75 { print f ": " $0; bad = 1 }
		     /^$/ { body = 1 } END { exit bad }' "$p" || return 1
	done
}
check "commit messages wrap at 75 columns" wrapped

# The unmap hook is never called with an empty range (generic iounmap()
# returns on a missing area, warning as vunmap() would).
no_empty_unmap() { ! grep -q 'phys_addr : 0' $patches && grep -q '^+		if (WARN_ON(!vm))' $patches; }
check "no unmap hook call with an empty range; a missing area warns and returns" no_empty_unmap

# The cover letter claims verification only where verify passed (this
# series was verified: run.sh checks a --no-verify one).
verified() { grep -q '^The series was generated and verified by ioguard' "$out"/0000-cover-letter.patch &&
	! grep -q 'has not been verified' "$out"/0000-cover-letter.patch; }
check "the cover letter says the series is verified (verify passed)" verified

# Text true for the backend: the paragraph on calls in the commit
# messages says what its ABI does (arm64 has no range call).
messages() { for p in $patches; do awk '/^---$/ { exit } body { print } /^$/ { body = 1 }' "$p"; done; }
calls_text() {
	case $a in
	arm64) ! messages | grep -q 'where the ABI takes ranges' && messages | grep -q 'one call per granule' ;;
	*) ! messages | grep -q 'where the ABI takes ranges' && messages | grep -q 'withdrawn with one call\|removed with one' ;;
	esac
}
check "the refcount paragraph says what this ABI's calls do" calls_text

# RFC where the ABI is a proposal (x86) or a draft (riscv).
case $a in x86_64|riscv) want='\[RFC PATCH' ;; *) want='\[PATCH' ;; esac
rfc() { ! grep -L "^Subject: $want" "$out"/0*.patch | grep -q .; }
check "subjects start with $want" rfc

# One identity: the cover letter's From and every patch's.
one_id() { [ "$(grep -h '^From: ' "$out"/0*.patch | sort -u)" = "From: $signoff" ]; }
check "one identity throughout (cover letter and patches)" one_id

# The base: the tree's version, and no invented base-commit.
base() {
	ver=$(sed -n 's/^\(VERSION\|PATCHLEVEL\|SUBLEVEL\) = //p' "$applied/Makefile" | paste -sd.)
	grep -q "^Based on Linux $ver" "$out"/0000-cover-letter.patch &&
		! grep -q '^base-commit:' "$out"/0000-cover-letter.patch
}
check "cover letter names the base version, no invented base-commit" base

# No __weak hooks: the arch registers its ops.
noweak() { ! grep -q '^+.*__weak' $patches && grep -q '^+int __init ioremap_guard_register(' $patches; }
check "hooks registered (ioremap_guard_register()), no __weak" noweak

# The guard's ops are registered before earlycon (parse_early_param()).
early() {
	f=$applied/arch/$(echo "$a" | sed 's/x86_64/x86/')/kernel/setup.c
	awk '/mmio_guard_(register|init)\(\);/ && !r { r = NR } /\tparse_early_param\(\);/ && !p { p = NR }
	     END { exit !(r && p && r < p) }' "$f"
}
check "registered in setup_arch() before parse_early_param()" early

# Text true for its version: a 6.1 series says nothing of 6.10+ code.
if [ "$v" = 6.1 ]; then
	old() { ! grep -qi '6\.1[0-9]\|arm64_ioremap_prot_hook_register\|pkvm-guest\|upstream' $patches; }
	check "6.1 series speaks of nothing 6.10+ has" old
fi
case $a in
x86_64)
	x86doc() { grep -q '^+Threat model' $patches && ! grep -q 'Status: active' $patches; }
	check "x86 document: threat model, not 'Status: active'" x86doc
	# The host enforces the guard: no claim that it protects a guest
	# from its host, confidential or not; where it would have to live
	# for TDX/SNP; the APIC exemption true with a split irqchip.
	x86threat() {
		! grep -qi 'confidential or not\|compromised host cannot' $patches "$out"/0000-cover-letter.patch &&
		grep -q '^+.*protects nothing against the' $patches &&
		grep -q '^+.*#VE (TDX) or #VC (SEV-SNP) handler' $patches &&
		grep -q '^+.*split irqchip' $patches &&
		! grep -q 'KVM emulates them in the kernel' $patches
	}
	check "x86: the threat model true (host-enforced; #VE/#VC for TDX/SNP; split irqchip)" x86threat ;;
riscv)
	rvdoc() { ! grep -q 'SBI_ERR_INVALID_ADDRESS' $patches && grep -q '^+.*draft' $patches; }
	check "riscv document: a draft, no error semantics of its own" rvdoc
	rvremove() { grep -q '^+.*exactly the$\|^+arguments of an ADD_MMIO_REGION call whose range is still declared' $patches; }
	check "riscv document: REMOVE takes exactly a range ADD declared" rvremove
	if [ "$v" != 6.1 ]; then
		rvsbi() { ! grep -q '6\.1 calls it later\|works before sbi_init' $patches; }
		check "riscv $v: nothing about 6.1's late sbi_init()" rvsbi
	fi ;;
arm64)
	if [ "$v" != 6.1 ]; then
		hookuser() { ! grep -q 'realm guest registers' $patches &&
			grep -q 'has no caller in$\|has no caller in this tree' $patches; }
		check "arm64 $v: arm64_ioremap_prot_hook_register() said to have no caller left" hookuser
	fi ;;
esac
