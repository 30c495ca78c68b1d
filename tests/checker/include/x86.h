/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86's shapes for the device-memory fixtures, written for ioguard: the
 * memory type is the PWT/PCD/PAT bits, and an uncached value is read at
 * run time from the cache-mode table through cachemode2protval(), a
 * function: recognised by the shape of the call, not by a number.
 */
#ifndef IOGUARD_TEST_X86_H
#define IOGUARD_TEST_X86_H

typedef unsigned long long phys_addr_t;
typedef unsigned long pteval_t;
#define __iomem
#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)

typedef struct pgprot { pteval_t pgprot; } pgprot_t;
#define __pgprot(x)	((pgprot_t) { (x) })
#define pgprot_val(x)	((x).pgprot)

#define _PAGE_PRESENT	(1UL << 0)
#define _PAGE_PWT	(1UL << 3)
#define _PAGE_PCD	(1UL << 4)
#define _PAGE_PAT	(1UL << 7)
#define _PAGE_CACHE_MASK	(_PAGE_PWT | _PAGE_PCD | _PAGE_PAT)
enum page_cache_mode {
	_PAGE_CACHE_MODE_WB = 0,
	_PAGE_CACHE_MODE_WC = 1,
	_PAGE_CACHE_MODE_UC_MINUS = 2,
	_PAGE_CACHE_MODE_UC = 3,
};
unsigned long cachemode2protval(enum page_cache_mode pcm);
#define _PAGE_NOCACHE	(cachemode2protval(_PAGE_CACHE_MODE_UC))

extern pteval_t __default_kernel_pte_mask;
#define __PAGE_KERNEL		0x163UL		/* present, rw, accessed, dirty, global */
#define __PAGE_KERNEL_NOCACHE	(__PAGE_KERNEL | _PAGE_NOCACHE)
#define __pgprot_mask(x)	__pgprot((x) & __default_kernel_pte_mask)
extern unsigned long sme_me_mask;
#define _ENC			((pteval_t)sme_me_mask)	/* memory encryption */
#define PAGE_KERNEL		__pgprot_mask(__PAGE_KERNEL | _ENC)
#define PAGE_KERNEL_IO		__pgprot_mask(__PAGE_KERNEL)
#define PAGE_KERNEL_IO_NOCACHE	__pgprot_mask(__PAGE_KERNEL_NOCACHE)
#define FIXMAP_PAGE_IO		PAGE_KERNEL_IO
#define FIXMAP_PAGE_NOCACHE	PAGE_KERNEL_IO_NOCACHE
#define pgprot_noncached(prot) \
	__pgprot((pgprot_val(prot) & ~_PAGE_CACHE_MASK) | \
		 cachemode2protval(_PAGE_CACHE_MODE_UC_MINUS))
#define pgprot_writecombine(prot) \
	__pgprot((pgprot_val(prot) & ~_PAGE_CACHE_MASK) | \
		 cachemode2protval(_PAGE_CACHE_MODE_WC))

enum fixed_addresses { FIX_HOLE, FIX_APIC_BASE, FIX_IO_APIC_BASE_0 };
#define fix_to_virt(x)	(0xffffffffff5fe000UL - ((unsigned long)(x) << PAGE_SHIFT))
void native_set_fixmap(unsigned idx, phys_addr_t phys, pgprot_t flags);
static inline void __set_fixmap(enum fixed_addresses idx, phys_addr_t phys,
				pgprot_t flags)
{
	native_set_fixmap(idx, phys, flags);
}
#define set_fixmap(idx, phys)		__set_fixmap(idx, phys, PAGE_KERNEL)
#define set_fixmap_io(idx, phys)	__set_fixmap(idx, phys, FIXMAP_PAGE_IO)
#define set_fixmap_nocache(idx, phys)	__set_fixmap(idx, phys, FIXMAP_PAGE_NOCACHE)

void ioremap_page_range_hook(unsigned long addr, unsigned long end,
			     phys_addr_t phys_addr, pgprot_t prot);

#endif
