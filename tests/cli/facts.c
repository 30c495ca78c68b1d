// SPDX-License-Identifier: GPL-2.0
/* What --ioguard-facts records for ioguard audit: a probe callback that
 * reaches a bypass through a global and a static helper. */
#include "kernel.h"

static int doorbell_map(unsigned long va, phys_addr_t pa)
{
	return vmap_page_range(va, va + 4096, pa, FIXMAP_PAGE_IO);
}

int doorbell_setup(unsigned long va, phys_addr_t pa)
{
	return doorbell_map(va, pa);
}

struct doorbell_driver {
	int (*probe)(unsigned long va, phys_addr_t pa);
};

static int doorbell_probe(unsigned long va, phys_addr_t pa)
{
	return doorbell_setup(va, pa);
}

static struct doorbell_driver doorbell_drv = {
	.probe = doorbell_probe,
};
