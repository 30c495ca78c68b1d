// SPDX-License-Identifier: GPL-2.0
/* x86 shape: __set_fixmap() is a static inline around native_set_fixmap().
 * It is kept as a call, and reported at the macro as written. */
#define TEST_INLINE_SET_FIXMAP
#include "kernel.h"

void native_set_fixmap(unsigned int idx, phys_addr_t phys, pgprot_t flags);

static inline void __set_fixmap(enum fixed_addresses idx, phys_addr_t phys,
				pgprot_t flags)
{
	native_set_fixmap(idx, phys, flags);
}

void __iomem *earlycon_map(phys_addr_t paddr)
{
	set_fixmap_io(FIX_EARLYCON_MEM_BASE, paddr & PAGE_MASK);
	return (void __iomem *)fix_to_virt(FIX_EARLYCON_MEM_BASE);
}

/*
 * check-name: fixmap IO through x86's inline __set_fixmap()
 *
 * check-error-start
bypass-fixmap-x86-inline.c:17:9: warning: 'earlycon_map' maps MMIO with '__set_fixmap' (FIXMAP_PAGE_IO) outside a map entry point and returns without calling 'ioremap_page_range_hook' [ioguard-bypass]
 * check-error-end
 */
