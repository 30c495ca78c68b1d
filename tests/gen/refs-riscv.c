// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the riscv CoVE guest runtime: the generated file
 * (GENERATED, rendered by `ioguard gen --render`) compiled against the
 * stand-ins in include/, driven through map/unmap sequences. The
 * stand-in sbi_ecall() logs (extension << 8 | function) and counts a
 * call whose extension is not COVG or whose length is not a multiple of
 * the page as malformed. A TSM enforces the declared regions from the
 * guest's first instruction: earlycon's first write must already find
 * its page declared.
 */
#include GENERATED

#include <kstub.h>

#define ARCH	"riscv"
#define MAP	STUB_SBI_FN(SBI_EXT_COVG, SBI_EXT_COVG_ADD_MMIO_REGION)
#define UNMAP	STUB_SBI_FN(SBI_EXT_COVG, SBI_EXT_COVG_REMOVE_MMIO_REGION)
#define PROT	0
#define CALLS(pages) 1L

#include "refs-common.h"

static void scenario(const char *name)
{
	stub_fn_map = MAP;
	stub_fn_unmap = UNMAP;
	stub_enforced = true;
}

/* setup_arch(): right after jump_label_init(), before earlycon. */
static void before_earlycon(void)
{
	stub_services = false;
	cove_mmio_guard_init();
	expect("COVG not offered: ops registered, guard off, no call",
	       (stub_guard != NULL) * 10 + static_branch_unlikely(&mmio_guard_enabled) +
	       stub_nlog, 10);
	stub_services = true;
	stub_guard = NULL;
	cove_mmio_guard_init();
	expect("COVG offered: enabled before earlycon",
	       static_branch_unlikely(&mmio_guard_enabled), 1);
}

/* No enrolment call: the extension's presence was the whole discovery. */
static void enrol(phys_addr_t early)
{
	expect("earlycon's page declared at its mapping", calls(MAP, early), 1);
}

static void more_tests(void)
{
}
