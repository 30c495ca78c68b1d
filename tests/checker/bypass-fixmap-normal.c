// SPDX-License-Identifier: GPL-2.0
/* Fixmap of normal memory is not MMIO. */
#include "kernel.h"

void *early_table_map(phys_addr_t paddr)
{
	set_fixmap(FIX_EARLYCON_MEM_BASE, paddr & PAGE_MASK);
	__set_fixmap(FIX_HOLE, paddr, PAGE_KERNEL);
	return (void *)fix_to_virt(FIX_EARLYCON_MEM_BASE);
}

/*
 * check-name: fixmap with normal protections is not reported
 *
 * check-error-start
 * check-error-end
 */
