// SPDX-License-Identifier: GPL-2.0
/*
 * A false finding of an early version on 6.1 arm64 (mm/rmap.c's
 * try_to_migrate_one(), mm/huge_memory.c's set_pmd_migration_entry()):
 * a migration entry keeps its swap type in bits 7:3, where a present
 * entry keeps its memory type, so SWP_MIGRATION_WRITE's number reads as
 * Device-nGnRE. Its valid bit is clear: it maps nothing. A present
 * entry with the same bits is device memory.
 */
#include "kernel.h"

typedef struct { unsigned long val; } swp_entry_t;
#define __SWP_TYPE_SHIFT	3
#define __SWP_OFFSET_SHIFT	8
#define __swp_entry(type, offset) ((swp_entry_t) { ((type) << __SWP_TYPE_SHIFT) | \
						   ((offset) << __SWP_OFFSET_SHIFT) })
#define __swp_entry_to_pte(swp)	((pte_t) { (swp).val })
#define SWP_MIGRATION_WRITE	30	/* (30 << 3) & 0x1c == 0x10: AttrIndx 4 */

void set_migration_entry(pte_t *ptep, unsigned long pfn)
{
	set_pte(ptep, __swp_entry_to_pte(__swp_entry(SWP_MIGRATION_WRITE, pfn)));
}

void set_present_entry(pte_t *ptep, unsigned long pfn)
{
	set_pte(ptep, __pte((pfn << PAGE_SHIFT) | PTE_VALID | (SWP_MIGRATION_WRITE << 3)));
}

/*
 * check-name: a swap entry's type is not a memory type; a present entry's is
 *
 * check-error-start
devmem-swap-entry.c:27:16: warning: 'set_present_entry' maps MMIO with 'set_pte' (device memory: PTE_ATTRINDX(MT_DEVICE_nGnRE)) outside a map entry point and returns without calling 'ioremap_page_range_hook' [ioguard-bypass]
 * check-error-end
 */
