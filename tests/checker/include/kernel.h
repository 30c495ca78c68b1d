/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Just enough of the kernel's types, macros and declarations for the
 * ioguard-sparse fixtures, written for ioguard in kernel style. The
 * protections follow arm64's shape: device memory depends on a variable
 * (PTE_MAYBE_NG), so FIXMAP_PAGE_IO is not a constant.
 */
#ifndef IOGUARD_TEST_KERNEL_H
#define IOGUARD_TEST_KERNEL_H

typedef unsigned long long phys_addr_t;
typedef unsigned long size_t;
typedef _Bool bool;
#define true	1
#define false	0
#define NULL	((void *)0)
#define __iomem

#define EINVAL		22
#define ENOMEM		12
#define ERANGE		34
#define ENODEV		19

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

void __warn(const char *file, int line);
#define WARN_ON(condition) ({						\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on))					\
		__warn(__FILE__, __LINE__);				\
	unlikely(__ret_warn_on);					\
})

#define MAX_ERRNO	4095
#define IS_ERR_VALUE(x) unlikely((unsigned long)(void *)(x) >= (unsigned long)-MAX_ERRNO)
static inline bool IS_ERR(const void *ptr)
{
	return IS_ERR_VALUE((unsigned long)ptr);
}

typedef struct { unsigned long pgprot; } pgprot_t;
#define pgprot_val(x)		((x).pgprot)
#define __pgprot(x)		((pgprot_t) { (x) })
extern bool arm64_use_ng_mappings;
#define PTE_PXN			(1UL << 53)
#define PTE_UXN			(1UL << 54)
#define PTE_WRITE		(1UL << 51)
#define PTE_NG			(1UL << 11)
#define PTE_MAYBE_NG		(arm64_use_ng_mappings ? PTE_NG : 0)
/* the memory type: an index into MAIR_EL1, in bits 4:2 */
#define MT_NORMAL		0
#define MT_NORMAL_NC		2
#define MT_DEVICE_nGnRnE	3
#define MT_DEVICE_nGnRE		4
#define PTE_ATTRINDX(t)		((unsigned long)(t) << 2)
#define PTE_ATTRINDX_MASK	(7UL << 2)
#define PTE_VALID		(1UL << 0)
#define PROT_DEFAULT		(0x703UL | PTE_MAYBE_NG)
#define PROT_DEVICE_nGnRnE	(PROT_DEFAULT | PTE_PXN | PTE_UXN | PTE_WRITE | PTE_ATTRINDX(MT_DEVICE_nGnRnE))
#define PROT_DEVICE_nGnRE	(PROT_DEFAULT | PTE_PXN | PTE_UXN | PTE_WRITE | PTE_ATTRINDX(MT_DEVICE_nGnRE))
#define PROT_NORMAL_NC		(PROT_DEFAULT | PTE_PXN | PTE_UXN | PTE_WRITE | PTE_ATTRINDX(MT_NORMAL_NC))
#define PROT_NORMAL		(PROT_DEFAULT | PTE_PXN | PTE_UXN | PTE_WRITE | PTE_ATTRINDX(MT_NORMAL))
#define PAGE_KERNEL		__pgprot(PROT_NORMAL)
#define __pgprot_modify(prot, mask, bits) \
	__pgprot((pgprot_val(prot) & ~(mask)) | (bits))
#define pgprot_nx(prot)		__pgprot(pgprot_val(prot) | PTE_PXN)
#define pgprot_device(prot) \
	__pgprot_modify(prot, PTE_ATTRINDX_MASK, PTE_ATTRINDX(MT_DEVICE_nGnRE) | PTE_PXN | PTE_UXN)
#define pgprot_noncached(prot) \
	__pgprot_modify(prot, PTE_ATTRINDX_MASK, PTE_ATTRINDX(MT_DEVICE_nGnRnE) | PTE_PXN | PTE_UXN)
#define pgprot_writecombine(prot) \
	__pgprot_modify(prot, PTE_ATTRINDX_MASK, PTE_ATTRINDX(MT_NORMAL_NC) | PTE_PXN | PTE_UXN)
#define FIXMAP_PAGE_IO		__pgprot(PROT_DEVICE_nGnRE)
#define FIXMAP_PAGE_NORMAL	PAGE_KERNEL

/* page-table entries, and the sinks that store them */
typedef struct { unsigned long pte; } pte_t;
#define pte_val(x)		((x).pte)
#define __pte(x)		((pte_t) { (x) })
#define pfn_pte(pfn, prot) \
	__pte(((unsigned long)(pfn) << PAGE_SHIFT) | pgprot_val(prot))
static inline void __set_pte(pte_t *ptep, pte_t pte)
{
	*(volatile unsigned long *)&ptep->pte = pte_val(pte);
}
static inline void set_pte(pte_t *ptep, pte_t pte)
{
	__set_pte(ptep, pte);
}
pte_t *fixmap_pte(unsigned long addr);

/* user mappings */
struct vm_area_struct {
	unsigned long vm_start, vm_end;
	pgprot_t vm_page_prot;
};
int remap_pfn_range(struct vm_area_struct *vma, unsigned long addr,
		    unsigned long pfn, unsigned long size, pgprot_t prot);
static inline int io_remap_pfn_range(struct vm_area_struct *vma,
				     unsigned long addr, unsigned long pfn,
				     unsigned long size, pgprot_t prot)
{
	return remap_pfn_range(vma, addr, pfn, size, prot);
}
int vm_iomap_memory(struct vm_area_struct *vma, phys_addr_t start,
		    unsigned long len);

struct resource {
	phys_addr_t start;
	phys_addr_t end;
};

static inline size_t resource_size(const struct resource *res)
{
	return res->end - res->start + 1;
}

#define VM_IOREMAP	0x00000001
struct vm_struct {
	void *addr;
	unsigned long size;
	unsigned long flags;
	phys_addr_t phys_addr;
};

static inline size_t get_vm_area_size(const struct vm_struct *area)
{
	return area->size - PAGE_SIZE;
}

enum fixed_addresses {
	FIX_HOLE,
	FIX_EARLYCON_MEM_BASE,
	__end_of_permanent_fixed_addresses,
};
#define FIXADDR_TOP	0xfffffbfffe000000UL
#define fix_to_virt(x)	(FIXADDR_TOP - ((x) << PAGE_SHIFT))
#define PCI_IOBASE	((void __iomem *)0xfffffbfffe800000UL)

/* The hooks (a fixture may define its own). */
#ifndef TEST_OWN_HOOKS
void ioremap_page_range_hook(unsigned long addr, unsigned long end,
			     phys_addr_t phys_addr, pgprot_t prot);
void iounmap_page_range_hook(phys_addr_t phys_addr, size_t size);
#endif

/* Page-table primitives and fixmap. */
int vmap_page_range(unsigned long addr, unsigned long end,
		    phys_addr_t phys_addr, pgprot_t prot);
int vmap_range_noflush(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot,
		       unsigned int max_page_shift);
#ifndef TEST_INLINE_SET_FIXMAP
void __set_fixmap(enum fixed_addresses idx, phys_addr_t phys, pgprot_t prot);
#endif
#define set_fixmap_io(idx, phys)	__set_fixmap(idx, phys, FIXMAP_PAGE_IO)
#define set_fixmap(idx, phys)		__set_fixmap(idx, phys, FIXMAP_PAGE_NORMAL)

/* Entry points. */
int ioremap_page_range(unsigned long addr, unsigned long end,
		       phys_addr_t phys_addr, pgprot_t prot);
void __iomem *ioremap_prot(phys_addr_t phys_addr, size_t size,
			   unsigned long prot);
void iounmap(volatile void __iomem *addr);
void generic_iounmap(volatile void __iomem *addr);
int pci_remap_iospace(const struct resource *res, phys_addr_t phys_addr);
void pci_unmap_iospace(struct resource *res);

/* Teardown and vmalloc areas. */
void vunmap(const void *addr);
void vunmap_range(unsigned long addr, unsigned long end);
void free_vm_area(struct vm_struct *area);
struct vm_struct *remove_vm_area(const void *addr);
struct vm_struct *find_vm_area(const void *addr);
struct vm_struct *get_vm_area(unsigned long size, unsigned long flags);
bool is_vmalloc_addr(const void *x);
void kfree(const void *p);

void flush_cache_vmap(unsigned long start, unsigned long end);
static inline int kmsan_ioremap_page_range(unsigned long start,
					   unsigned long end,
					   phys_addr_t phys_addr, pgprot_t prot,
					   unsigned int page_shift)
{
	return 0;
}

#endif
