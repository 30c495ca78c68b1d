// SPDX-License-Identifier: GPL-2.0
/* A non-inline static helper that maps is itself the bypass; its caller
 * only calls a function. */
#include "kernel.h"

static int __attribute__((noinline)) map_window(unsigned long vaddr,
						phys_addr_t phys)
{
	return vmap_page_range(vaddr, vaddr + PAGE_SIZE, phys,
			       pgprot_device(PAGE_KERNEL));
}

int setup_windows(unsigned long vaddr, phys_addr_t phys)
{
	return map_window(vaddr, phys);
}

/*
 * check-name: the bypass is reported in the helper that maps
 *
 * check-error-start
bypass-static-helper.c:9:31: warning: 'map_window' maps MMIO with 'vmap_page_range' outside a map entry point and returns without calling 'ioremap_page_range_hook' [ioguard-bypass]
 * check-error-end
 */
