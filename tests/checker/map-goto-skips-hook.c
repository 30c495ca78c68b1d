// SPDX-License-Identifier: GPL-2.0
#include "kernel.h"

extern bool ioremap_quiet;

int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	int err;

	err = vmap_page_range(addr, end, phys_addr, prot);
	if (err)
		goto out;
	if (ioremap_quiet)
		goto out;
	ioremap_page_range_hook(addr, end, phys_addr, prot);
out:
	return err;
}

/*
 * check-name: a success path that jumps over the hook is unhooked-map
 *
 * check-error-start
map-goto-skips-hook.c:11:30: warning: 'ioremap_page_range' returns after a successful 'vmap_page_range' without calling 'ioremap_page_range_hook' [ioguard-unhooked-map]
 * check-error-end
 */
