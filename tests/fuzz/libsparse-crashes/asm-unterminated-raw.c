// SPDX-License-Identifier: GPL-2.0
/* The hook's protection comes from another asm than the mapping's. */
#include "kernel.h"

static inline unsigned long page_mtmask(void)
{
	unsigned long mask;

	asm("li %0, 0x6" : "=rã (mask));
	return mask;
}

static inline unsigned long page_nocache(void)
{
	unsigned long mask;

	asm("li %0, 0x2" : "=r" (mask));
	return mask;
}

int map_iospace(unsigned long va, phys_addr_t pa, unsigned long size)
{
	int err;

	err = vmap_page_range(va, va + size, pa,
			      (pgprot_t){ page_mtmask() | 0x10 });
	if (!err)
		ioremap_page_range_hook(va, va + size, pa,
					(pgprot_t){ page_nocache() | 0x10 });
	return err;
}

/*
 * check-name: a protection built by another asm is hook-args
 *
 * check-error-start
args-asm-prot-other.c:29:40: warning: 'map_iospace' passes 'ioremap_page_range_hook' a value as prot that is not derived from the prot given to 'vmap_page_range' [ioguard-hook-args]
 * check-error-end
 */
