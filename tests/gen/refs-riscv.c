// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the riscv CoVE guest runtime: the generated file
 * (GENERATED, rendered by `ioguard gen --render`) compiled against the
 * stand-ins in include/, driven through map/unmap sequences. The stand-in
 * sbi_ecall() logs (extension << 8 | function) and counts a call whose
 * extension is not COVG or whose length is not one page as malformed.
 */
#include GENERATED

#include <kstub.h>

#define ARCH	"riscv"
#define MAP	STUB_SBI_FN(SBI_EXT_COVG, SBI_EXT_COVG_ADD_MMIO_REGION)
#define UNMAP	STUB_SBI_FN(SBI_EXT_COVG, SBI_EXT_COVG_REMOVE_MMIO_REGION)

#include "refs-common.h"

/* No enrolment call: the extension's presence is the whole discovery. */
static void enrol(phys_addr_t early)
{
	stub_services = false;
	cove_mmio_guard_init();
	expect("COVG not offered: disabled, no call",
	       static_branch_unlikely(&mmio_guard_enabled) + stub_nlog, 0);
	expect("COVG not offered: early page not declared", calls(MAP, early), 0);
	stub_services = true;

	cove_mmio_guard_init();
}
