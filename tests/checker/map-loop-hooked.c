// SPDX-License-Identifier: GPL-2.0
/* Mapping page by page, announcing each page as it is mapped. */
#include "kernel.h"

int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	int err;

	for (; addr < end; addr += PAGE_SIZE, phys_addr += PAGE_SIZE) {
		err = vmap_page_range(addr, addr + PAGE_SIZE, phys_addr, prot);
		if (err)
			return err;
		ioremap_page_range_hook(addr, addr + PAGE_SIZE, phys_addr, prot);
	}
	return 0;
}

/*
 * check-name: a loop that announces every page it maps: clean
 *
 * check-error-start
 * check-error-end
 */
