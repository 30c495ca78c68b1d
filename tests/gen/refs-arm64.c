// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the arm64 MMIO guard runtime: the generated file itself
 * (GENERATED, rendered by `ioguard gen --render`) compiled against the
 * stand-ins in include/, driven through map/unmap sequences.
 */
#include GENERATED

#include <kstub.h>

#define ARCH	"arm64"
#define MAP	ARM_SMCCC_VENDOR_HYP_KVM_MMIO_GUARD_FUNC_ID
#define UNMAP	ARM_SMCCC_VENDOR_HYP_KVM_MMIO_GUARD_UNMAP_FUNC_ID

#include "refs-common.h"

/* INFO reports the granule; only a page-sized one is enrolled. */
static void enrol(phys_addr_t early)
{
	stub_fn_info = ARM_SMCCC_VENDOR_HYP_KVM_MMIO_GUARD_INFO_FUNC_ID;
	stub_fn_enroll = ARM_SMCCC_VENDOR_HYP_KVM_MMIO_GUARD_ENROLL_FUNC_ID;

	stub_services = false;
	kvm_mmio_guard_init();
	expect("services not offered: not enrolled, no hypercall",
	       static_branch_unlikely(&mmio_guard_enabled) + stub_nlog, 0);
	stub_services = true;

	stub_info_result = 2 * PAGE_SIZE;
	kvm_mmio_guard_init();
	expect("granule != PAGE_SIZE: not enrolled",
	       static_branch_unlikely(&mmio_guard_enabled), 0);
	expect("granule != PAGE_SIZE: warns", stub_warnings, 1);
	stub_info_result = PAGE_SIZE;

	stub_enroll_result = SMCCC_RET_NOT_SUPPORTED;
	kvm_mmio_guard_init();
	expect("ENROLL refused: not enrolled, warns",
	       static_branch_unlikely(&mmio_guard_enabled) * 10 + stub_warnings, 2);
	expect("not enrolled: early page not announced", calls(MAP, early), 0);
	stub_enroll_result = SMCCC_RET_SUCCESS;

	kvm_mmio_guard_init();
}
