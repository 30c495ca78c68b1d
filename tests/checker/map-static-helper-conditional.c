// SPDX-License-Identifier: GPL-2.0
/* A helper that announces only sometimes does not count. */
#include "kernel.h"

extern bool mmio_guard_enabled;

static void announce_io(unsigned long addr, unsigned long end,
			phys_addr_t phys, pgprot_t prot)
{
	if (mmio_guard_enabled)
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
 * check-name: a helper that calls the hook on some paths only is not a hook
 *
 * check-error-start
map-static-helper-conditional.c:17:34: warning: 'ioremap_page_range' returns after a successful 'vmap_page_range' without calling 'ioremap_page_range_hook' [ioguard-unhooked-map]
 * check-error-end
 */
