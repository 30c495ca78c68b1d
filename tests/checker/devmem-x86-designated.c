// SPDX-License-Identifier: GPL-2.0
/*
 * x86 builds a PTE with a designated initializer (native_make_pte():
 * (pte_t){ .pte = val }) and massages the protection through a branch
 * and a variable mask (massage_pgprot()): device attributes passed to
 * a sink through both are still device memory.
 */
#include "x86.h"

typedef struct { pteval_t pte; } pte_t;
extern pteval_t __supported_pte_mask;
void native_set_pte(pte_t *ptep, pte_t pte);

static inline pte_t native_make_pte(pteval_t val)
{
	return (pte_t){ .pte = val };
}

static inline pteval_t massage_pgprot(pgprot_t pgprot)
{
	pteval_t protval = pgprot_val(pgprot);

	if (protval & _PAGE_PRESENT)
		protval &= __supported_pte_mask;
	return protval;
}

static inline pte_t pfn_pte(unsigned long pfn, pgprot_t prot)
{
	return native_make_pte((pfn << PAGE_SHIFT) | massage_pgprot(prot));
}

void map_uncached(pte_t *ptep, unsigned long pfn)
{
	native_set_pte(ptep, pfn_pte(pfn, __pgprot(_PAGE_PRESENT | _PAGE_NOCACHE)));
}

void map_cached(pte_t *ptep, unsigned long pfn)
{
	native_set_pte(ptep, pfn_pte(pfn, __pgprot(_PAGE_PRESENT)));
}

/*
 * check-name: x86 PTEs made with a designated initializer
 * check-command: ioguard-sparse -Wno-decl -D__x86_64__ $file
 *
 * check-error-start
devmem-x86-designated.c:35:23: warning: 'map_uncached' maps MMIO with 'native_set_pte' (device memory: _PAGE_NOCACHE) outside a map entry point and returns without calling 'ioremap_page_range_hook' [ioguard-bypass]
 * check-error-end
 */
