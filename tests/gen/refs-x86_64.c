// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the x86_64 KVM MMIO guard runtime: the generated file
 * (GENERATED, rendered by `ioguard gen --render`) compiled against the
 * stand-ins in include/, driven through map/unmap sequences. The ABI
 * takes ranges: one call per run of consecutive pages.
 */
#include GENERATED

#include <kstub.h>

#define ARCH	"x86_64"
#define MAP	KVM_HC_MMIO_GUARD_MAP
#define UNMAP	KVM_HC_MMIO_GUARD_UNMAP
#define PROT	(2 << 3)	/* uncached, as ioremap() maps */
#define CALLS(pages) 1L

#include "refs-common.h"

static void scenario(const char *name)
{
	stub_fn_enroll = KVM_HC_MMIO_GUARD_ENROLL;
	stub_fn_map = MAP;
	stub_fn_unmap = UNMAP;
}

static void before_earlycon(void)
{
	kvm_mmio_guard_register();
}

/* The feature bit gates everything; ENROLL may still be refused. */
static void enrol(phys_addr_t early)
{
	int warns = stub_warnings;

	stub_services = false;
	kvm_mmio_guard_init();
	expect("no KVM_FEATURE_MMIO_GUARD: not enrolled, no hypercall",
	       static_branch_unlikely(&mmio_guard_enabled) + stub_nlog, 0);
	stub_services = true;

	stub_enroll_result = -KVM_ENOSYS;
	kvm_mmio_guard_init();
	expect("ENROLL refused: not enrolled, warns",
	       static_branch_unlikely(&mmio_guard_enabled) * 10 + stub_warnings - warns, 1);
	expect("not enrolled: early page not announced", calls(MAP, early), 0);
	stub_enroll_result = 0;

	kvm_mmio_guard_init();
	expect("one ENROLL per attempt", calls(KVM_HC_MMIO_GUARD_ENROLL, 0), 2);
}

/* A write-back mapping (ioremap_cache(): ACPI tables) is memory. */
static void more_tests(void)
{
	pgprot_t wb = { 0 };
	long n = stub_ncalls;

	map_prot(MMIO + 0x60 * PAGE_SIZE, PAGE_SIZE, wb);
	expect("write-back mapping (ioremap_cache): not announced", stub_ncalls - n, 0);
}
