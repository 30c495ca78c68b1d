// SPDX-License-Identifier: GPL-2.0
/* A later failure undoes the mapping before returning: no hook needed
 * on that path, but the success path still needs it. */
#include "kernel.h"

int setup_window(unsigned long addr);

int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	int err = vmap_page_range(addr, end, phys_addr, prot);

	if (err)
		return err;
	err = setup_window(addr);
	if (err) {
		vunmap_range(addr, end);
		return err;
	}
	ioremap_page_range_hook(addr, end, phys_addr, prot);
	return 0;
}

/*
 * check-name: a path that tears the mapping down again needs no hook
 *
 * check-error-start
 * check-error-end
 */
