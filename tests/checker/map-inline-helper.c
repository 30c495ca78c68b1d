// SPDX-License-Identifier: GPL-2.0
/* The hook through a static inline helper, which sparse inlines. */
#include "kernel.h"

static inline void announce_io(unsigned long addr, unsigned long end,
			       phys_addr_t phys, pgprot_t prot)
{
	ioremap_page_range_hook(addr, end, phys, prot);
}

int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	int err = vmap_page_range(addr, end, phys_addr, prot);

	if (err)
		return err;
	announce_io(addr, end, phys_addr, prot);
	return 0;
}

/*
 * check-name: the hook through a static inline helper counts
 *
 * check-error-start
 * check-error-end
 */
