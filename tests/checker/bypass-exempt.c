// SPDX-License-Identifier: GPL-2.0
/* vmalloc's huge-page path maps RAM pages with vmap_range_noflush(); the
 * spec exempts it by name, with a reason. */
#include "kernel.h"

struct page;
phys_addr_t page_to_phys(struct page *page);

int __vmap_pages_range_noflush(unsigned long addr, unsigned long end,
			       pgprot_t prot, struct page **pages,
			       unsigned int page_shift)
{
	unsigned int i, nr = (end - addr) >> PAGE_SHIFT;

	for (i = 0; i < nr; i += 1U << (page_shift - PAGE_SHIFT)) {
		int err;

		err = vmap_range_noflush(addr, addr + (1UL << page_shift),
					 page_to_phys(pages[i]), prot,
					 page_shift);
		if (err)
			return err;
		addr += 1UL << page_shift;
	}
	return 0;
}

/*
 * check-name: an exempt function is not a bypass
 *
 * check-error-start
 * check-error-end
 */
