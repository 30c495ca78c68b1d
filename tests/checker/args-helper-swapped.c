// SPDX-License-Identifier: GPL-2.0
#include "kernel.h"

static void __attribute__((noinline))
announce_io(phys_addr_t phys, unsigned long addr, unsigned long end,
	    pgprot_t prot)
{
	ioremap_page_range_hook(addr, end, phys, prot);
}

int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	int err = vmap_page_range(addr, end, phys_addr, prot);

	if (!err)
		announce_io(addr, end, phys_addr, prot);
	return err;
}

/*
 * check-name: the helper's parameters are mapped back to the call's
 *
 * check-error-start
args-helper-swapped.c:17:28: warning: 'ioremap_page_range' passes 'announce_io' a value as addr that is not derived from the addr given to 'vmap_page_range' [ioguard-hook-args]
args-helper-swapped.c:17:28: warning: 'ioremap_page_range' passes 'announce_io' a value as end that is not derived from the end given to 'vmap_page_range' [ioguard-hook-args]
args-helper-swapped.c:17:28: warning: 'ioremap_page_range' passes 'announce_io' a value as phys that is not derived from the phys given to 'vmap_page_range' [ioguard-hook-args]
 * check-error-end
 */
