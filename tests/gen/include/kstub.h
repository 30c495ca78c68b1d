/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-ins for the kernel APIs the generated MMIO guard runtime calls,
 * written for ioguard's unit tests: a static key, an xarray (a hash table
 * with allocation failure on demand), a mutex that checks it is balanced,
 * RAM as the page frames [stub_ram_start, stub_ram_end) with pfn_valid()
 * true for whole 128 MiB sections around it (as on arm64), the ioremap
 * guard registration, slab_is_available() as a flag, printk as counters
 * that also write to the console's page, and the hypercalls
 * (arm_smccc_1_1_hvc/invoke, sbi_ecall, kvm_hypercall*) recorded in a log
 * and applied to a model of the hypervisor's table of declared pages,
 * which counts every access to an undeclared page while the guard is
 * enforced as a fault.
 */
#ifndef IOGUARD_KSTUB_H
#define IOGUARD_KSTUB_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint64_t phys_addr_t;
typedef uint64_t u64;
typedef uint32_t u32;
typedef struct { unsigned long pgprot; } pgprot_t;

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))
#define PHYS_PFN(x)	((unsigned long)((x) >> PAGE_SHIFT))
#define PFN_PHYS(x)	((phys_addr_t)(x) << PAGE_SHIFT)
#define __init
#define __ro_after_init
#define IS_ENABLED(option) 0
#define KUNIT_STATIC_STUB_REDIRECT(fn, args...) do {} while (0)
#define EPERM	1
#define ENOMEM	12
#define EBUSY	16
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
typedef uint64_t pteval_t;
#define pgprot_val(p)	((p).pgprot)
#define unlikely(x)	(x)
#define likely(x)	(x)
#define GFP_KERNEL	0
#define READ_ONCE(x)	(x)
#define WRITE_ONCE(x, v)	((x) = (v))
/* cond_resched(): counted, so that the tests see long loops yield */
extern long stub_resched;
#define cond_resched()	(stub_resched++)

/* printk: counted, printed (with %pa, the kernel's phys_addr_t *, as
 * an address, which is also kept in stub_warn_pa), and written to the
 * console's UART (stub_console), which the hypervisor model checks. */
extern int stub_warnings, stub_infos;
extern phys_addr_t stub_warn_pa;	/* the last %pa a warning printed */
void stub_console_write(void);
void stub_printk(int *counter, const char *level, const char *fmt, ...);
#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif
#define pr_warn(fmt, ...) stub_printk(&stub_warnings, "warn", pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn_ratelimited(fmt, ...) pr_warn(fmt, ##__VA_ARGS__)
#define pr_warn_once(fmt, ...) pr_warn(fmt, ##__VA_ARGS__)
#define pr_info(fmt, ...) stub_printk(&stub_infos, "info", pr_fmt(fmt), ##__VA_ARGS__)
#define WARN_ON_ONCE(x) (x)

/* Static keys: static_branch_enable() takes cpu_hotplug_lock, so it is
 * a lock-ordering error to call it with a mutex held. */
struct static_key_false { bool enabled; };
#define DEFINE_STATIC_KEY_FALSE(name) struct static_key_false name = { false }
#define static_branch_unlikely(k) ((k)->enabled)
#define static_branch_likely(k) ((k)->enabled)
void static_branch_enable(struct static_key_false *k);

/* Mutexes: must never be taken twice or released unheld. */
struct mutex { int held; };
#define DEFINE_MUTEX(name) struct mutex name = { 0 }
#define __MUTEX_INITIALIZER(name) { 0 }
#define mutex_init(m) ((m)->held = 0)
void mutex_lock(struct mutex *m);
void mutex_unlock(struct mutex *m);
extern int stub_lock_errors;
extern int stub_mutexes_held;

/* The xarray: an open-addressing table of (index, value entry), value
 * entries only, large enough for a 256 MiB BAR of 4 KiB pages. */
#define STUB_XA_MAX (1 << 20)
struct xarray {
	int n;
	unsigned long *index;
	void **entry;
};
#define DEFINE_XARRAY(name) struct xarray name = { 0 }
#define XARRAY_INIT(name, flags) { 0 }
extern int stub_xa_fail;	/* the next allocation of a new slot fails */
void *xa_load(struct xarray *xa, unsigned long index);
void *xa_store(struct xarray *xa, unsigned long index, void *entry, int gfp);
void *xa_erase(struct xarray *xa, unsigned long index);
#define XA_ERROR_NOMEM ((void *)(uintptr_t)-12)
static inline void *xa_mk_value(unsigned long v) { return (void *)((v << 1) | 1); }
static inline unsigned long xa_to_value(const void *e) { return (uintptr_t)e >> 1; }
static inline bool xa_is_err(const void *e) { return e == XA_ERROR_NOMEM; }

/* Memory: RAM is the page frames [stub_ram_start, stub_ram_end);
 * pfn_valid() holds for the whole 128 MiB sections they touch. Firmware
 * memory (an "ACPI Tables" range of the resource tree) is
 * [stub_fw_start, stub_fw_end). The per-page tests (pfn_is_map_memory(),
 * page_is_ram()) are counted in stub_page_tests. */
#define STUB_SECTION_PAGES (1UL << 15)
extern unsigned long stub_ram_start, stub_ram_end, stub_fw_start, stub_fw_end;
extern long stub_page_tests;
extern bool stub_slab;
static inline bool stub_is_ram(unsigned long pfn)
{
	return pfn >= stub_ram_start && pfn < stub_ram_end;
}
static inline bool pfn_valid(unsigned long pfn)
{
	return pfn >= (stub_ram_start & ~(STUB_SECTION_PAGES - 1)) &&
	       pfn < ((stub_ram_end + STUB_SECTION_PAGES - 1) & ~(STUB_SECTION_PAGES - 1));
}
static inline int pfn_is_map_memory(unsigned long pfn) { stub_page_tests++; return stub_is_ram(pfn); }
static inline int page_is_ram(unsigned long pfn) { stub_page_tests++; return stub_is_ram(pfn); }
static inline bool slab_is_available(void) { return stub_slab; }
typedef uint64_t resource_size_t;
struct resource { resource_size_t start, end; };
#define IORESOURCE_MEM		0x00000200
#define IORESOURCE_READONLY	0x00004000
#define IORESOURCE_SYSRAM	0x01000000
#define IORESOURCE_SYSTEM_RAM	(IORESOURCE_MEM | IORESOURCE_SYSRAM)
enum { IORES_DESC_NONE, IORES_DESC_CRASH_KERNEL, IORES_DESC_ACPI_TABLES,
       IORES_DESC_ACPI_NV_STORAGE, IORES_DESC_PERSISTENT_MEMORY,
       IORES_DESC_PERSISTENT_MEMORY_LEGACY, IORES_DESC_DEVICE_PRIVATE_MEMORY,
       IORES_DESC_RESERVED, IORES_DESC_SOFT_RESERVED };
enum { REGION_DISJOINT, REGION_INTERSECTS, REGION_MIXED };
static inline int stub_overlap(unsigned long s, unsigned long e,
			       resource_size_t start, size_t size)
{
	return PHYS_PFN(start) < e && PHYS_PFN(start + size - 1) >= s ?
	       REGION_INTERSECTS : REGION_DISJOINT;
}
/* System RAM, and the firmware range as "ACPI Tables" */
static inline int region_intersects(resource_size_t start, size_t size,
				    unsigned long flags, unsigned long desc)
{
	if (flags == IORESOURCE_SYSTEM_RAM && desc == IORES_DESC_NONE)
		return stub_overlap(stub_ram_start, stub_ram_end, start, size);
	if (flags == IORESOURCE_MEM && desc == IORES_DESC_ACPI_TABLES)
		return stub_overlap(stub_fw_start, stub_fw_end, start, size);
	return REGION_DISJOINT;
}
/* The resource tree walked: the firmware range as "ACPI Tables", the
 * ROM range [stub_rom_start, stub_rom_end) as a read-only resource. */
extern unsigned long stub_rom_start, stub_rom_end;
static inline int walk_iomem_res_desc(unsigned long desc, unsigned long flags,
				      uint64_t start, uint64_t end, void *arg,
				      int (*func)(struct resource *, void *))
{
	struct resource r = { 0, 0 };

	if (flags == IORESOURCE_MEM && desc == IORES_DESC_ACPI_TABLES &&
	    stub_overlap(stub_fw_start, stub_fw_end, start, end - start + 1))
		r = (struct resource){ PFN_PHYS(stub_fw_start), PFN_PHYS(stub_fw_end) - 1 };
	else if (flags == (IORESOURCE_MEM | IORESOURCE_READONLY) && desc == IORES_DESC_NONE &&
		 stub_overlap(stub_rom_start, stub_rom_end, start, end - start + 1))
		r = (struct resource){ PFN_PHYS(stub_rom_start), PFN_PHYS(stub_rom_end) - 1 };
	else
		return -22;
	return func(&r, arg);
}
/* memblock.memory: the RAM */
struct memblock_type { int unused; };
struct memblock { struct memblock_type memory; };
extern struct memblock memblock;
static inline bool memblock_overlaps_region(struct memblock_type *type,
					    phys_addr_t base, phys_addr_t size)
{
	return stub_overlap(stub_ram_start, stub_ram_end, base, size);
}

/* The ioremap guard the core calls (patch 1's ioremap_guard_register()). */
struct ioremap_guard_ops {
	int (*map)(unsigned long addr, unsigned long end, phys_addr_t phys_addr,
		   pgprot_t prot);
	void (*unmap)(phys_addr_t phys_addr, size_t size);
};
extern const struct ioremap_guard_ops *stub_guard;
static inline int ioremap_guard_register(const struct ioremap_guard_ops *ops)
{
	if (stub_guard)
		return -EBUSY;
	stub_guard = ops;
	return 0;
}

/* arm64 memory types (asm/memory.h, asm/pgtable-hwdef.h) */
#define MT_NORMAL_NC		2
#define MT_DEVICE_nGnRnE	3
#define MT_DEVICE_nGnRE		4
#define PTE_ATTRINDX(t)		((pteval_t)(t) << 2)
#define PTE_ATTRINDX_MASK	((pteval_t)7 << 2)

/*
 * Hypercalls: every call is logged as (function, address, size) and
 * counted; MAP and UNMAP (stub_fn_map, stub_fn_unmap, set by each test)
 * add and remove [address, address + size) in the model of the
 * hypervisor's table. An access (stub_access()) to a page the table
 * lacks while the guard is enforced (stub_enforced: after ENROLL, or
 * from the start where the ABI has no enrolment) is a fault.
 */
#define STUB_LOG_MAX 1024
struct stub_call { unsigned long fn, arg, size; };
extern struct stub_call stub_log[STUB_LOG_MAX];
extern int stub_nlog;
extern long stub_ncalls;	/* every call, logged or not */
extern phys_addr_t stub_fail_addr;	/* a call whose range has it fails once */
extern long stub_info_result, stub_enroll_result;
/* the calls answered with stub_info_result and stub_enroll_result */
extern unsigned long stub_fn_info, stub_fn_enroll, stub_fn_map, stub_fn_unmap;
extern int stub_bad_calls;	/* calls whose other arguments are wrong */
extern bool stub_services;	/* the hypervisor offers the guard */
extern bool stub_unmap_offered;	/* ... and its unmap call */
extern bool stub_enforced;
extern int stub_faults;
extern phys_addr_t stub_console;	/* the console's UART, 0: none */
long stub_hypercall(unsigned long fn, unsigned long a1, unsigned long size);
/* UNMAP calls that are not exactly the range of a MAP call still
 * declared (the riscv CoVE REMOVE removes a range ADD declared) */
extern int stub_bad_removes;
bool stub_declared(phys_addr_t phys);
long stub_ndeclared(void);
void stub_access(phys_addr_t phys);

/* arm64 SMCCC. */
struct arm_smccc_res { unsigned long a0, a1, a2, a3; };
#define SMCCC_RET_SUCCESS 0
#define SMCCC_RET_NOT_SUPPORTED (-1)
#define ARM_SMCCC_KVM_FUNC_MMIO_GUARD_INFO	5
#define ARM_SMCCC_KVM_FUNC_MMIO_GUARD_ENROLL	6
#define ARM_SMCCC_KVM_FUNC_MMIO_GUARD		7
#define ARM_SMCCC_KVM_FUNC_MMIO_GUARD_UNMAP	8
#define ARM_SMCCC_VENDOR_HYP_KVM_MMIO_GUARD_INFO_FUNC_ID	0xc6000005UL
#define ARM_SMCCC_VENDOR_HYP_KVM_MMIO_GUARD_ENROLL_FUNC_ID	0xc6000006UL
#define ARM_SMCCC_VENDOR_HYP_KVM_MMIO_GUARD_FUNC_ID		0xc6000007UL
#define ARM_SMCCC_VENDOR_HYP_KVM_MMIO_GUARD_UNMAP_FUNC_ID	0xc6000008UL
#define ARM_SMCCC_KVM_FUNC_HYP_MEMINFO	2
#define ARM_SMCCC_KVM_FUNC_MEM_SHARE	3
#define ARM_SMCCC_KVM_FUNC_MEM_UNSHARE	4
#define ARM_SMCCC_VENDOR_HYP_KVM_HYP_MEMINFO_FUNC_ID	0xc6000002UL
#define ARM_SMCCC_VENDOR_HYP_KVM_MEM_SHARE_FUNC_ID	0xc6000003UL
#define ARM_SMCCC_VENDOR_HYP_KVM_MEM_UNSHARE_FUNC_ID	0xc6000004UL
extern size_t stub_granule;	/* the guard granule a call covers */
static inline bool kvm_arm_hyp_service_available(u32 id)
{
	return stub_services && id >= 2 && id <= 8 &&
	       (id != ARM_SMCCC_KVM_FUNC_MMIO_GUARD_UNMAP || stub_unmap_offered);
}
static inline void stub_smccc(unsigned long fn, unsigned long a1,
			      struct arm_smccc_res *res)
{
	res->a0 = stub_hypercall(fn, a1, stub_granule);
}
#define arm_smccc_1_1_invoke arm_smccc_1_1_hvc
/* The pkvm-guest driver's memory encryption ops (asm/mem_encrypt.h). */
struct arm64_mem_crypt_ops {
	int (*encrypt)(unsigned long addr, int numpages);
	int (*decrypt)(unsigned long addr, int numpages);
};
static inline int arm64_mem_crypt_ops_register(const struct arm64_mem_crypt_ops *ops)
{
	return 0;
}
static inline phys_addr_t virt_to_phys(void *p) { return (uintptr_t)p; }
#define STUB_NARG(...) STUB_NARG_(__VA_ARGS__, 7, 6, 5, 4, 3, 2, 1)
#define STUB_NARG_(a, b, c, d, e, f, g, n, ...) n
#define STUB_CAT(a, b) a##b
#define STUB_HVC(n) STUB_CAT(stub_hvc_, n)
#define stub_hvc_2(fn, res) stub_smccc(fn, 0, res)
#define stub_hvc_3(fn, a1, res) stub_smccc(fn, a1, res)
#define stub_hvc_4(fn, a1, a2, res) stub_smccc(fn, a1, res)
#define stub_hvc_5(fn, a1, a2, a3, res) stub_smccc(fn, a1, res)
#define arm_smccc_1_1_hvc(...) STUB_HVC(STUB_NARG(__VA_ARGS__))(__VA_ARGS__)

/* x86 cache modes (asm/memtype.h): the stand-in's prot bits 3-4. */
#define _PAGE_CACHE_MODE_WB	0
static inline int pgprot2cachemode(pgprot_t p) { return (int)(p.pgprot >> 3) & 3; }

/* x86 KVM hypercalls; the numbers the series gives on 6.12. */
#define KVM_ENOSYS			1000
#define KVM_HC_MMIO_GUARD_ENROLL	13
#define KVM_HC_MMIO_GUARD_MAP		14
#define KVM_HC_MMIO_GUARD_UNMAP		15
#define KVM_FEATURE_MMIO_GUARD		18
static inline bool kvm_para_has_feature(unsigned int feature)
{
	return stub_services && feature == KVM_FEATURE_MMIO_GUARD;
}
static inline long kvm_hypercall0(unsigned int nr)
{
	return stub_hypercall(nr, 0, 0);
}
static inline long kvm_hypercall2(unsigned int nr, unsigned long p1,
				  unsigned long p2)
{
	return stub_hypercall(nr, p1, p2);
}

/* riscv SBI: logged as (extension << 8 | function, address, length);
 * the base extension's probe answers for COVG. */
#define SBI_EXT_BASE			0x10
#define SBI_EXT_BASE_PROBE_EXT		3
#define SBI_EXT_COVG			0x434F5647
#define SBI_EXT_COVG_ADD_MMIO_REGION	0
#define SBI_EXT_COVG_REMOVE_MMIO_REGION	1
#define STUB_SBI_FN(ext, fid)	(((unsigned long)(ext) << 8) | (fid))
struct sbiret { long error; long value; };
static inline struct sbiret stub_sbi(int ext, int fid, unsigned long a0,
				     unsigned long a1)
{
	struct sbiret ret = { 0, 0 };

	if (ext == SBI_EXT_BASE && fid == SBI_EXT_BASE_PROBE_EXT) {
		ret.value = stub_services && a0 == SBI_EXT_COVG;
		return ret;
	}
	if (ext != SBI_EXT_COVG || !a1 || (a1 & (PAGE_SIZE - 1)))
		stub_bad_calls++;
	ret.error = stub_hypercall(STUB_SBI_FN(ext, fid), a0, a1);
	return ret;
}
#define sbi_ecall(e, f, a0, a1, a2, a3, a4, a5) stub_sbi(e, f, a0, a1)
static inline long sbi_probe_extension(int ext)
{
	return stub_sbi(SBI_EXT_BASE, SBI_EXT_BASE_PROBE_EXT, ext, 0).value;
}

#endif
