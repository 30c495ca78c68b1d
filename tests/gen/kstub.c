// SPDX-License-Identifier: GPL-2.0
/* The stand-ins' state and out-of-line parts (include/kstub.h). */
#include <string.h>

#include <kstub.h>

int stub_warnings, stub_infos, stub_lock_errors, stub_xa_fail;
unsigned long stub_ram_start = 0x80000, stub_ram_end = 0x90000;
bool stub_slab, stub_services = true;
struct stub_call stub_log[STUB_LOG_MAX];
int stub_nlog;
phys_addr_t stub_fail_addr = ~0ULL;
long stub_info_result = PAGE_SIZE, stub_enroll_result;
unsigned long stub_fn_info = ~0UL, stub_fn_enroll = ~0UL;
int stub_bad_calls;

void mutex_lock(struct mutex *m)
{
	if (m->held++)
		stub_lock_errors++;
}

void mutex_unlock(struct mutex *m)
{
	if (m->held-- != 1)
		stub_lock_errors++;
}

static int xa_find(struct xarray *xa, unsigned long index)
{
	int i;

	for (i = 0; i < xa->n; i++)
		if (xa->index[i] == index)
			return i;
	return -1;
}

void *xa_load(struct xarray *xa, unsigned long index)
{
	int i = xa_find(xa, index);

	return i < 0 ? NULL : xa->entry[i];
}

void *xa_store(struct xarray *xa, unsigned long index, void *entry, int gfp)
{
	int i = xa_find(xa, index);
	void *old;

	if (i >= 0) {
		old = xa->entry[i];
		xa->entry[i] = entry;
		return old;
	}
	if (stub_xa_fail || xa->n == STUB_XA_MAX) {
		stub_xa_fail = 0;
		return XA_ERROR_NOMEM;
	}
	xa->index[xa->n] = index;
	xa->entry[xa->n++] = entry;
	return NULL;
}

void *xa_erase(struct xarray *xa, unsigned long index)
{
	int i = xa_find(xa, index);
	void *old;

	if (i < 0)
		return NULL;
	old = xa->entry[i];
	xa->index[i] = xa->index[xa->n - 1];
	xa->entry[i] = xa->entry[xa->n - 1];
	xa->n--;
	return old;
}

long stub_hypercall(unsigned long fn, unsigned long a1)
{
	if (stub_nlog < STUB_LOG_MAX)
		stub_log[stub_nlog++] = (struct stub_call){ fn, a1 };
	if (fn == stub_fn_info)
		return stub_info_result;
	if (fn == stub_fn_enroll)
		return stub_enroll_result;
	if (a1 == stub_fail_addr) {
		stub_fail_addr = ~0ULL;
		return -1;	/* an error for every ABI */
	}
	return SMCCC_RET_SUCCESS;
}
