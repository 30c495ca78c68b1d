// SPDX-License-Identifier: GPL-2.0
/* Two mappings; the second is announced with the first one's phys. */
#include "kernel.h"

int map_two_windows(unsigned long va, unsigned long vb, phys_addr_t pa,
		    phys_addr_t pb, pgprot_t prot)
{
	int err;

	err = vmap_page_range(va, va + PAGE_SIZE, pa, prot);
	if (err)
		return err;
	ioremap_page_range_hook(va, va + PAGE_SIZE, pa, prot);
	err = vmap_page_range(vb, vb + PAGE_SIZE, pb, prot);
	if (err)
		return err;
	ioremap_page_range_hook(vb, vb + PAGE_SIZE, pa, prot);
	return 0;
}

/*
 * check-name: a hook with another mapping's phys is hook-args
 *
 * check-error-start
args-other-mapping.c:17:32: warning: 'map_two_windows' passes 'ioremap_page_range_hook' a value as phys that is not derived from the phys given to 'vmap_page_range' [ioguard-hook-args]
 * check-error-end
 */
