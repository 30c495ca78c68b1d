// SPDX-License-Identifier: GPL-2.0
/* A bypass through a static inline helper from a header is reported at
 * the call site in this file. */
#include "io_helpers.h"

int map_doorbell(unsigned long vaddr, phys_addr_t phys)
{
	int err;

	err = map_io_page(vaddr, phys);
	if (err)
		return err;
	return 0;
}

/*
 * check-name: a bypass inside a header inline is reported at its call site
 *
 * check-error-start
bypass-header-inline.c:10:26: warning: 'map_doorbell' maps MMIO with 'vmap_page_range' outside a map entry point and returns without calling 'ioremap_page_range_hook' [ioguard-bypass]
 * check-error-end
 */
