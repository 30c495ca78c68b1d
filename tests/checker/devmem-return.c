// SPDX-License-Identifier: GPL-2.0
/*
 * Helpers of the unit that return a protection made from their
 * parameter: the call is what they return with the caller's argument
 * put in, in the bits they let through. A helper that keeps the memory
 * type passes device memory on; one that clears it does not.
 */
#include "kernel.h"

static pgprot_t __attribute__((noinline)) exec_never(pgprot_t prot)
{
	return pgprot_nx(prot);
}

static pgprot_t __attribute__((noinline)) strip_type(pgprot_t prot)
{
	return __pgprot(pgprot_val(prot) & ~PTE_ATTRINDX_MASK);
}

void map_kept(phys_addr_t phys)
{
	__set_fixmap(FIX_EARLYCON_MEM_BASE, phys, exec_never(__pgprot(PROT_DEVICE_nGnRnE)));
}

void map_stripped(phys_addr_t phys)
{
	__set_fixmap(FIX_EARLYCON_MEM_BASE, phys, strip_type(__pgprot(PROT_DEVICE_nGnRnE)));
}

/*
 * check-name: a helper's return with the caller's argument put in
 *
 * check-error-start
devmem-return.c:22:21: warning: 'map_kept' maps MMIO with '__set_fixmap' (device memory: PTE_ATTRINDX(MT_DEVICE_nGnRnE)) outside a map entry point and returns without calling 'ioremap_page_range_hook' [ioguard-bypass]
 * check-error-end
 */
