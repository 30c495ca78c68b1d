/* SPDX-License-Identifier: GPL-2.0 */
/* A header helper that maps MMIO, for the bypass-header-inline fixture. */
#ifndef IOGUARD_TEST_IO_HELPERS_H
#define IOGUARD_TEST_IO_HELPERS_H

#include "kernel.h"

static inline int map_io_page(unsigned long vaddr, phys_addr_t phys)
{
	return vmap_page_range(vaddr, vaddr + PAGE_SIZE, phys,
			       pgprot_device(PAGE_KERNEL));
}

#endif
