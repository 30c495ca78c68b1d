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
#define PROT_OTHER	0	/* write-back, as ioremap_cache() maps */
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

/*
 * What is memory is told by the resource tree, not the cache type: a
 * write-back mapping of device MMIO (acpi_os_ioremap() is
 * ioremap_cache(), for AML operation regions too) is announced; an
 * uncached mapping of the ACPI tables (firmware memory), or any mapping
 * of a ROM, is not.
 */
static void more_tests(void)
{
	pgprot_t wb = { 0 }, uc = { PROT };
	phys_addr_t dev = MMIO + 0x60 * PAGE_SIZE, fw = PFN_PHYS(stub_fw_start);
	long n;

	map_prot(dev, PAGE_SIZE, wb);
	expect("write-back mapping of MMIO (ioremap_cache): announced",
	       stub_declared(dev), 1);
	touch(dev, PAGE_SIZE);
	unmap(dev, PAGE_SIZE);
	n = stub_ncalls;
	map_prot(fw, 2 * PAGE_SIZE, uc);
	map_prot(fw + 0xf * PAGE_SIZE, 2 * PAGE_SIZE, wb);
	expect("ACPI tables: not announced, uncached or not; the page after them is",
	       stub_declared(fw) + stub_declared(fw + PAGE_SIZE) +
	       stub_declared(fw + 0xf * PAGE_SIZE) * 10 +
	       stub_declared(fw + 0x10 * PAGE_SIZE) * 100, 100);
	expect("ACPI tables: one call, for the page after them", stub_ncalls - n, 1);
	unmap(fw, 2 * PAGE_SIZE);
	unmap(fw + 0xf * PAGE_SIZE, 2 * PAGE_SIZE);
	n = stub_ncalls;
	map_prot(PFN_PHYS(stub_rom_start), 0x10 * PAGE_SIZE, wb);
	expect("the System ROM (read-only memory resource): not announced",
	       stub_ncalls - n, 0);
	unmap(PFN_PHYS(stub_rom_start), 0x10 * PAGE_SIZE);
}
