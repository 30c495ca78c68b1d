// SPDX-License-Identifier: GPL-2.0
/* The map hook returns int: it can refuse the mapping. */
#define TEST_OWN_HOOKS
#include "kernel.h"

int ioremap_page_range_hook(unsigned long addr, unsigned long end,
			    phys_addr_t phys_addr, pgprot_t prot);
void iounmap_page_range_hook(phys_addr_t phys_addr, size_t size);

int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	int err;

	err = vmap_page_range(addr, end, phys_addr, prot);
	if (!err)
		ioremap_page_range_hook(addr, end, phys_addr, prot);
	return err;
}

/* The result tested, the mapping undone: no finding. */
static int map_window(unsigned long vaddr, unsigned long size,
		      phys_addr_t phys_addr, pgprot_t prot)
{
	int err;

	err = vmap_page_range(vaddr, vaddr + size, phys_addr, prot);
	if (err)
		return err;
	err = ioremap_page_range_hook(vaddr, vaddr + size, phys_addr, prot);
	if (err)
		vunmap_range(vaddr, vaddr + size);
	return err;
}

/*
 * check-name: a map hook's int result dropped is hook-result
 *
 * check-error-start
hook-result-ignored.c:17:40: warning: 'ioremap_page_range' ignores the result of 'ioremap_page_range_hook': a refused mapping must be undone and fail [ioguard-hook-result]
 * check-error-end
 */
