// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the arm64 MMIO guard runtime of trees without the pKVM
 * guest driver (6.1): the generated file itself (GENERATED, rendered by
 * `ioguard gen --render`) compiled against the stand-ins in include/,
 * driven through map/unmap sequences. Scenarios: "" all four calls and
 * a page-sized granule; "no-unmap" UNMAP not offered; "granule" a guard
 * granule of a quarter page (a 16K-page guest of a 4K host).
 */
#include GENERATED

#include <kstub.h>

#define ARCH	"arm64"
#define MAP	ARM_SMCCC_VENDOR_HYP_KVM_MMIO_GUARD_FUNC_ID
#define UNMAP	ARM_SMCCC_VENDOR_HYP_KVM_MMIO_GUARD_UNMAP_FUNC_ID
#define PROT	PTE_ATTRINDX(MT_DEVICE_nGnRE)
#define PROT_OTHER	PTE_ATTRINDX(MT_NORMAL_NC)
#define CALLS(pages) ((long)(pages) * (long)(PAGE_SIZE / stub_granule))

#include "refs-common.h"

static void scenario(const char *name)
{
	stub_fn_info = ARM_SMCCC_VENDOR_HYP_KVM_MMIO_GUARD_INFO_FUNC_ID;
	stub_fn_enroll = ARM_SMCCC_VENDOR_HYP_KVM_MMIO_GUARD_ENROLL_FUNC_ID;
	stub_fn_map = MAP;
	stub_fn_unmap = UNMAP;
	if (!strcmp(name, "no-unmap"))
		stub_unmap_offered = false;
	if (!strcmp(name, "granule"))
		stub_granule = PAGE_SIZE / 4;
}

static void before_earlycon(void)
{
	kvm_mmio_guard_register();
}

/* INFO reports the granule; one that does not divide the page is not
 * enrolled. */
static void enrol(phys_addr_t early)
{
	size_t granule = stub_granule;
	int warns = stub_warnings;

	stub_services = false;
	kvm_mmio_guard_init();
	expect("services not offered: not enrolled, no hypercall",
	       static_branch_unlikely(&mmio_guard_enabled) + stub_nlog, 0);
	stub_services = true;

	stub_info_result = 2 * PAGE_SIZE;
	kvm_mmio_guard_init();
	expect("granule > PAGE_SIZE: not enrolled, warns",
	       static_branch_unlikely(&mmio_guard_enabled) * 10 + stub_warnings - warns, 1);
	stub_info_result = 3 * PAGE_SIZE / 4;
	kvm_mmio_guard_init();
	expect("granule not a power of two: not enrolled",
	       static_branch_unlikely(&mmio_guard_enabled), 0);
	stub_info_result = granule;

	stub_enroll_result = SMCCC_RET_NOT_SUPPORTED;
	kvm_mmio_guard_init();
	expect("ENROLL refused: not enrolled",
	       static_branch_unlikely(&mmio_guard_enabled), 0);
	expect("not enrolled: early page not announced", calls(MAP, early), 0);
	stub_enroll_result = SMCCC_RET_SUCCESS;

	kvm_mmio_guard_init();
	expect("early page: one MAP per granule", calls_of(MAP), CALLS(1));
}

/* Only device memory types are announced. */
static void more_tests(void)
{
	pgprot_t nc = { PTE_ATTRINDX(MT_NORMAL_NC) };
	long n = stub_ncalls;

	map_prot(MMIO + 0x60 * PAGE_SIZE, PAGE_SIZE, nc);
	expect("Normal-NC mapping (ioremap_wc): not announced", stub_ncalls - n, 0);
}
