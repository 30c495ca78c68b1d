// SPDX-License-Identifier: GPL-2.0
#include "kernel.h"

int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	int err = 0;

	for (; addr < end; addr += PAGE_SIZE, phys_addr += PAGE_SIZE) {
		err = vmap_page_range(addr, addr + PAGE_SIZE, phys_addr, prot);
		if (err)
			break;
	}
	return err;
}

/*
 * check-name: a loop that maps and breaks on error, never announcing
 *
 * check-error-start
map-loop-unhooked.c:10:38: warning: 'ioremap_page_range' returns after a successful 'vmap_page_range' without calling 'ioremap_page_range_hook' [ioguard-unhooked-map]
 * check-error-end
 */
