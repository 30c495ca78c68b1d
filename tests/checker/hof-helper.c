// SPDX-License-Identifier: GPL-2.0
/* hook-on-failure through a helper names the helper. */
#include "kernel.h"

static void __attribute__((noinline))
announce_io(unsigned long addr, unsigned long end, phys_addr_t phys,
	    pgprot_t prot)
{
	ioremap_page_range_hook(addr, end, phys, prot);
}

int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	int err = vmap_page_range(addr, end, phys_addr, prot);

	announce_io(addr, end, phys_addr, prot);
	return err;
}

/*
 * check-name: a hooking helper called before testing the result
 *
 * check-error-start
hof-helper.c:17:20: warning: 'ioremap_page_range' calls 'announce_io' without testing that 'vmap_page_range' succeeded [ioguard-hook-on-failure]
 * check-error-end
 */
