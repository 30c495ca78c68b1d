/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-ins for the kernel APIs the generated MMIO guard runtime calls,
 * written for ioguard's unit tests: a static key, an xarray (a small
 * sorted table with allocation failure on demand), a mutex that checks
 * it is balanced, pfn_valid() over a fake RAM range, slab_is_available()
 * as a flag, rate-limited printk as counters, and the hypercalls
 * (arm_smccc_1_1_hvc, sbi_ecall, kvm_hypercall*) recorded in a log with
 * per-address failure injection.
 */
#ifndef IOGUARD_KSTUB_H
#define IOGUARD_KSTUB_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

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
#define unlikely(x)	(x)
#define likely(x)	(x)
#define GFP_KERNEL	0

/* printk: counted, printed with the raw format. */
extern int stub_warnings, stub_infos;
#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif
#define pr_warn(fmt, ...) (stub_warnings++, fprintf(stderr, "  [warn] %s", pr_fmt(fmt)))
#define pr_warn_ratelimited(fmt, ...) pr_warn(fmt)
#define pr_warn_once(fmt, ...) pr_warn(fmt)
#define pr_info(fmt, ...) (stub_infos++, fprintf(stderr, "  [info] %s", pr_fmt(fmt)))

/* Static keys. */
struct static_key_false { bool enabled; };
#define DEFINE_STATIC_KEY_FALSE(name) struct static_key_false name = { false }
#define static_branch_unlikely(k) ((k)->enabled)
#define static_branch_likely(k) ((k)->enabled)
#define static_branch_enable(k) ((k)->enabled = true)

/* Mutexes: must never be taken twice or released unheld. */
struct mutex { int held; };
#define DEFINE_MUTEX(name) struct mutex name = { 0 }
void mutex_lock(struct mutex *m);
void mutex_unlock(struct mutex *m);
extern int stub_lock_errors;

/* The xarray: a table of (index, value entry); value entries only. */
#define STUB_XA_MAX 256
struct xarray {
	int n;
	unsigned long index[STUB_XA_MAX];
	void *entry[STUB_XA_MAX];
};
#define DEFINE_XARRAY(name) struct xarray name = { 0 }
extern int stub_xa_fail;	/* the next allocation of a new slot fails */
void *xa_load(struct xarray *xa, unsigned long index);
void *xa_store(struct xarray *xa, unsigned long index, void *entry, int gfp);
void *xa_erase(struct xarray *xa, unsigned long index);
#define XA_ERROR_NOMEM ((void *)(uintptr_t)-12)
static inline void *xa_mk_value(unsigned long v) { return (void *)((v << 1) | 1); }
static inline unsigned long xa_to_value(const void *e) { return (uintptr_t)e >> 1; }
static inline bool xa_is_err(const void *e) { return e == XA_ERROR_NOMEM; }

/* Memory: RAM is the page frames [stub_ram_start, stub_ram_end). */
extern unsigned long stub_ram_start, stub_ram_end;
extern bool stub_slab;
static inline bool pfn_valid(unsigned long pfn)
{
	return pfn >= stub_ram_start && pfn < stub_ram_end;
}
static inline bool slab_is_available(void) { return stub_slab; }

/* Hypercalls: every call is logged as (function, first argument). */
#define STUB_LOG_MAX 1024
struct stub_call { unsigned long fn, arg; };
extern struct stub_call stub_log[STUB_LOG_MAX];
extern int stub_nlog;
extern phys_addr_t stub_fail_addr;	/* calls on this address fail once */
extern long stub_info_result, stub_enroll_result;
/* the calls answered with stub_info_result and stub_enroll_result */
extern unsigned long stub_fn_info, stub_fn_enroll;
extern int stub_bad_calls;	/* calls whose other arguments are wrong */
extern bool stub_services;	/* the hypervisor offers the guard */
long stub_hypercall(unsigned long fn, unsigned long a1);

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
static inline bool kvm_arm_hyp_service_available(u32 id)
{
	return stub_services && id >= 5 && id <= 8;
}
static inline void stub_smccc(unsigned long fn, unsigned long a1,
			      struct arm_smccc_res *res)
{
	res->a0 = stub_hypercall(fn, a1);
}
#define STUB_NARG(...) STUB_NARG_(__VA_ARGS__, 7, 6, 5, 4, 3, 2, 1)
#define STUB_NARG_(a, b, c, d, e, f, g, n, ...) n
#define STUB_CAT(a, b) a##b
#define STUB_HVC(n) STUB_CAT(stub_hvc_, n)
#define stub_hvc_2(fn, res) stub_smccc(fn, 0, res)
#define stub_hvc_3(fn, a1, res) stub_smccc(fn, a1, res)
#define stub_hvc_4(fn, a1, a2, res) stub_smccc(fn, a1, res)
#define stub_hvc_5(fn, a1, a2, a3, res) stub_smccc(fn, a1, res)
#define arm_smccc_1_1_hvc(...) STUB_HVC(STUB_NARG(__VA_ARGS__))(__VA_ARGS__)

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
	return stub_hypercall(nr, 0);
}
static inline long kvm_hypercall1(unsigned int nr, unsigned long p1)
{
	return stub_hypercall(nr, p1);
}

/* riscv SBI: logged as (extension << 8 | function, address). */
#define SBI_EXT_COVG			0x434F5647
#define SBI_EXT_COVG_ADD_MMIO_REGION	0
#define SBI_EXT_COVG_REMOVE_MMIO_REGION	1
#define STUB_SBI_FN(ext, fid)	(((unsigned long)(ext) << 8) | (fid))
struct sbiret { long error; long value; };
static inline struct sbiret stub_sbi(int ext, int fid, unsigned long a0,
				     unsigned long a1)
{
	struct sbiret ret = { 0, 0 };

	if (ext != SBI_EXT_COVG || a1 != PAGE_SIZE)
		stub_bad_calls++;
	ret.error = stub_hypercall(STUB_SBI_FN(ext, fid), a0);
	return ret;
}
#define sbi_ecall(e, f, a0, a1, a2, a3, a4, a5) stub_sbi(e, f, a0, a1)
static inline long sbi_probe_extension(int ext)
{
	return stub_services && ext == SBI_EXT_COVG;
}

#endif
