// SPDX-License-Identifier: GPL-2.0
#include "kernel.h"

int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	int err = vmap_page_range(addr, end, phys_addr, prot);

	if (!err)
		ioremap_page_range_hook(addr, end, phys_addr, PAGE_KERNEL);
	return err;
}

/*
 * check-name: a constant protection instead of the mapping's is hook-args
 *
 * check-error-start
args-constant-prot.c:10:40: warning: 'ioremap_page_range' passes 'ioremap_page_range_hook' a value as prot that is not derived from the prot given to 'vmap_page_range' [ioguard-hook-args]
 * check-error-end
 */
