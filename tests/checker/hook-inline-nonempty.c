// SPDX-License-Identifier: GPL-2.0
/* A static inline hook with a body (a static-key test and an out-of-line
 * call) is inlined; the inlined call counts as the hook. */
#define TEST_OWN_HOOKS
#include "kernel.h"

extern bool mmio_guard_enrolled;
void __mmio_guard_map(unsigned long addr, unsigned long end,
		      phys_addr_t phys_addr, pgprot_t prot);

static inline void ioremap_page_range_hook(unsigned long addr,
					   unsigned long end,
					   phys_addr_t phys_addr, pgprot_t prot)
{
	if (mmio_guard_enrolled)
		__mmio_guard_map(addr, end, phys_addr, prot);
}

int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot)
{
	int err = vmap_page_range(addr, end, phys_addr, prot);

	if (!err)
		ioremap_page_range_hook(addr, end, phys_addr, prot);
	return err;
}

/*
 * check-name: an inline hook with a body counts where it is inlined
 *
 * check-error-start
 * check-error-end
 */
