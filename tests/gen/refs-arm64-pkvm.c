// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the pKVM guest driver's MMIO guard (6.10+): the driver
 * as the series leaves it (GENERATED, rendered by `ioguard gen --render`)
 * compiled against the stand-ins in include/. The guard is enabled by
 * MMIO_GUARD alone, as upstream enables it; UNMAP is used when offered.
 * Scenarios: "" MMIO_GUARD and UNMAP; "no-unmap" MMIO_GUARD only.
 */
#include GENERATED

#include <kstub.h>

#define ARCH	"arm64-pkvm"
#define MAP	ARM_SMCCC_VENDOR_HYP_KVM_MMIO_GUARD_FUNC_ID
#define UNMAP	ARM_SMCCC_VENDOR_HYP_KVM_MMIO_GUARD_UNMAP_FUNC_ID
#define PROT	PTE_ATTRINDX(MT_DEVICE_nGnRE)
#define PROT_OTHER	PTE_ATTRINDX(MT_NORMAL_NC)
#define CALLS(pages) ((long)(pages) * (long)(PAGE_SIZE / stub_granule))

#include "refs-common.h"

static void scenario(const char *name)
{
	stub_fn_info = ARM_SMCCC_VENDOR_HYP_KVM_HYP_MEMINFO_FUNC_ID;
	stub_fn_map = MAP;
	stub_fn_unmap = UNMAP;
	if (!strcmp(name, "no-unmap"))
		stub_unmap_offered = false;
}

static void before_earlycon(void)
{
	pkvm_mmio_guard_register();
}

/* The driver's discovery, from PSCI's probe of KVM's services. The
 * model takes the guard as enforced from this point on. */
static void enrol(phys_addr_t early)
{
	stub_enforced = true;
	pkvm_init_hyp_services();
	expect("MMIO_GUARD alone enables", static_branch_unlikely(&mmio_guard_enabled), 1);
	expect("early page: one MAP per granule", calls_of(MAP), CALLS(1));
}

static void more_tests(void)
{
	pgprot_t nc = { PTE_ATTRINDX(MT_NORMAL_NC) };
	long n = stub_ncalls;

	map_prot(MMIO + 0x60 * PAGE_SIZE, PAGE_SIZE, nc);
	expect("Normal-NC mapping (ioremap_wc): not announced", stub_ncalls - n, 0);
}
