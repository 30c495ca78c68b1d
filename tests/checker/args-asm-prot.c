// SPDX-License-Identifier: GPL-2.0
/* riscv builds protections from a mask an asm alternative reads, once per
 * use: the hook's pgprot_device(PAGE_KERNEL) is the same expression as
 * the mapping's, evaluated again. */
#include "kernel.h"

static inline unsigned long page_mtmask(void)
{
	unsigned long mask;

	asm("li %0, 0x6" : "=r" (mask));
	return mask;
}

#define DEVICE_PROT	((pgprot_t){ page_mtmask() | 0x10 })

int map_iospace(unsigned long va, phys_addr_t pa, unsigned long size)
{
	int err;

	err = vmap_page_range(va, va + size, pa, DEVICE_PROT);
	if (!err)
		ioremap_page_range_hook(va, va + size, pa, DEVICE_PROT);
	return err;
}

/*
 * check-name: the same asm-built protection evaluated twice is derived
 *
 * check-error-start
 * check-error-end
 */
