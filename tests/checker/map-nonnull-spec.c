// SPDX-License-Identifier: GPL-2.0
/* A primitive that returns a pointer (success=nonnull in the spec). */
#include "kernel.h"

void __iomem *map_io_window(phys_addr_t phys, size_t size, pgprot_t prot);
void __iomem *io_window_map(phys_addr_t phys, size_t size, pgprot_t prot);
void __iomem *io_window_map_unhooked(phys_addr_t phys, size_t size,
				     pgprot_t prot);

void __iomem *io_window_map(phys_addr_t phys, size_t size, pgprot_t prot)
{
	void __iomem *p = map_io_window(phys, size, prot);

	if (!p)
		return NULL;
	ioremap_page_range_hook((unsigned long)p, (unsigned long)p + size,
				phys, prot);
	return p;
}

void __iomem *io_window_map_unhooked(phys_addr_t phys, size_t size,
				     pgprot_t prot)
{
	void __iomem *p = map_io_window(phys, size, prot);

	if (!p)
		return NULL;
	return p;
}

/*
 * check-name: --ioguard-spec: a nonnull primitive, hooked and unhooked
 * check-command: ioguard-sparse --ioguard-spec=$dir/specs/nonnull.spec $file
 *
 * check-error-start
map-nonnull-spec.c:24:40: warning: 'io_window_map_unhooked' returns after a successful 'map_io_window' without calling 'ioremap_page_range_hook' [ioguard-unhooked-map]
 * check-error-end
 */
