// SPDX-License-Identifier: GPL-2.0
/* The stand-ins' state and out-of-line parts (include/kstub.h). */
#include <stdarg.h>
#include <string.h>

#include <kstub.h>

int stub_warnings, stub_infos, stub_lock_errors, stub_xa_fail;
int stub_mutexes_held;
phys_addr_t stub_warn_pa = ~0ULL;
long stub_resched, stub_page_tests;
/* 64 MiB of RAM in the first half of a 128 MiB section */
unsigned long stub_ram_start = 0x80000, stub_ram_end = 0x84000;
/* firmware memory ("ACPI Tables"): 16 pages below the device pages */
unsigned long stub_fw_start = 0xff00, stub_fw_end = 0xff10;
/* a ROM ("System ROM"), nested in a "Reserved" range on real machines */
unsigned long stub_rom_start = 0xf0, stub_rom_end = 0x100;
struct memblock memblock;
int stub_bad_removes;
bool stub_slab, stub_services = true, stub_unmap_offered = true;
bool stub_enforced;
int stub_faults;
phys_addr_t stub_console;
const struct ioremap_guard_ops *stub_guard;
struct stub_call stub_log[STUB_LOG_MAX];
int stub_nlog;
long stub_ncalls;
phys_addr_t stub_fail_addr = ~0ULL;
long stub_info_result = PAGE_SIZE, stub_enroll_result;
unsigned long stub_fn_info = ~0UL, stub_fn_enroll = ~0UL;
unsigned long stub_fn_map = ~0UL, stub_fn_unmap = ~0UL;
size_t stub_granule = PAGE_SIZE;
int stub_bad_calls;

void mutex_lock(struct mutex *m)
{
	if (m->held++)
		stub_lock_errors++;
	stub_mutexes_held++;
}

void mutex_unlock(struct mutex *m)
{
	if (m->held-- != 1)
		stub_lock_errors++;
	stub_mutexes_held--;
}

/* static_branch_enable() takes cpu_hotplug_lock: never under a mutex. */
void static_branch_enable(struct static_key_false *k)
{
	if (stub_mutexes_held)
		stub_lock_errors++;
	k->enabled = true;
}

/* The kernel's printk for what the runtime prints: %pa is a
 * phys_addr_t *, the other conversions are C's. */
void stub_printk(int *counter, const char *level, const char *fmt, ...)
{
	va_list ap;
	const char *p;
	char spec[16];
	size_t n;

	(*counter)++;
	stub_console_write();
	fprintf(stderr, "  [%s] ", level);
	va_start(ap, fmt);
	for (p = fmt; *p; p++) {
		if (*p != '%') {
			fputc(*p, stderr);
			continue;
		}
		if (!strncmp(p, "%pa", 3)) {
			phys_addr_t *pa = va_arg(ap, phys_addr_t *);

			if (!strcmp(level, "warn"))
				stub_warn_pa = *pa;
			fprintf(stderr, "0x%llx", (unsigned long long)*pa);
			p += 2;
			continue;
		}
		n = strspn(p + 1, "#0123456789lz") + 2;
		snprintf(spec, sizeof(spec), "%.*s", (int)n, p);
		if (p[n - 1] == 's')
			fprintf(stderr, spec, va_arg(ap, char *));
		else if (strchr(spec, 'l') || strchr(spec, 'z'))
			fprintf(stderr, spec, va_arg(ap, long));
		else
			fprintf(stderr, spec, va_arg(ap, int));
		p += n - 1;
	}
	va_end(ap);
}

/* Open addressing with deletion by backward shift; index ~0UL is free. */
static long xa_slot(struct xarray *xa, unsigned long index)
{
	unsigned long i;

	if (!xa->index) {
		xa->index = malloc(STUB_XA_MAX * sizeof(*xa->index));
		xa->entry = calloc(STUB_XA_MAX, sizeof(*xa->entry));
		memset(xa->index, 0xff, STUB_XA_MAX * sizeof(*xa->index));
	}
	for (i = (index * 2654435761UL) % STUB_XA_MAX;; i = (i + 1) % STUB_XA_MAX)
		if (xa->index[i] == index || xa->index[i] == ~0UL)
			return i;
}

void *xa_load(struct xarray *xa, unsigned long index)
{
	long i = xa_slot(xa, index);

	return xa->index[i] == index ? xa->entry[i] : NULL;
}

void *xa_store(struct xarray *xa, unsigned long index, void *entry, int gfp)
{
	long i = xa_slot(xa, index);
	void *old;

	if (xa->index[i] == index) {
		old = xa->entry[i];
		xa->entry[i] = entry;
		return old;
	}
	if (stub_xa_fail || xa->n == STUB_XA_MAX / 2) {
		stub_xa_fail = 0;
		return XA_ERROR_NOMEM;
	}
	xa->index[i] = index;
	xa->entry[i] = entry;
	xa->n++;
	return NULL;
}

void *xa_erase(struct xarray *xa, unsigned long index)
{
	long i = xa_slot(xa, index), j, home;
	void *old;

	if (xa->index[i] != index)
		return NULL;
	old = xa->entry[i];
	xa->index[i] = ~0UL;
	xa->n--;
	/* move back the entries whose probe passed the freed slot */
	for (j = (i + 1) % STUB_XA_MAX; xa->index[j] != ~0UL; j = (j + 1) % STUB_XA_MAX) {
		home = (xa->index[j] * 2654435761UL) % STUB_XA_MAX;
		/* it stays if its home lies cyclically in (i, j] */
		if (!(i <= j ? i < home && home <= j : i < home || home <= j)) {
			xa->index[i] = xa->index[j];
			xa->entry[i] = xa->entry[j];
			xa->index[j] = ~0UL;
			i = j;
		}
	}
	return old;
}

/* The hypervisor's table: declared page frames, in a stub xarray, and
 * the ranges MAP calls declared (address -> size). */
static struct xarray declared, added;

bool stub_declared(phys_addr_t phys)
{
	return xa_load(&declared, PHYS_PFN(phys)) != NULL;
}

long stub_ndeclared(void)
{
	return declared.n;
}

void stub_access(phys_addr_t phys)
{
	if (stub_enforced && !stub_declared(phys))
		stub_faults++;
}

void stub_console_write(void)
{
	if (stub_console)
		stub_access(stub_console);
}

long stub_hypercall(unsigned long fn, unsigned long a1, unsigned long size)
{
	unsigned long p;
	int saved = stub_xa_fail;

	stub_ncalls++;
	if (stub_nlog < STUB_LOG_MAX)
		stub_log[stub_nlog++] = (struct stub_call){ fn, a1, size };
	if (fn == stub_fn_info)
		return stub_info_result;
	if (fn == stub_fn_enroll) {
		if (!stub_enroll_result)
			stub_enforced = true;
		return stub_enroll_result;
	}
	if (stub_fail_addr >= a1 && stub_fail_addr < a1 + (size ? size : 1)) {
		stub_fail_addr = ~0ULL;
		return -1;	/* an error for every ABI */
	}
	if ((fn == stub_fn_map || fn == stub_fn_unmap) && (a1 % stub_granule || !size))
		stub_bad_calls++;
	/* the table is the hypervisor's memory, not the guest's */
	stub_xa_fail = 0;
	if (fn == stub_fn_map && size) {
		xa_store(&added, a1, (void *)(uintptr_t)size, 0);
	} else if (fn == stub_fn_unmap && size) {
		if ((uintptr_t)xa_load(&added, a1) != size)
			stub_bad_removes++;
		else
			xa_erase(&added, a1);
	}
	for (p = PHYS_PFN(a1); size && p <= PHYS_PFN(a1 + size - 1); p++) {
		if (fn == stub_fn_map)
			xa_store(&declared, p, (void *)1, 0);
		else if (fn == stub_fn_unmap)
			xa_erase(&declared, p);
	}
	stub_xa_fail = saved;
	return SMCCC_RET_SUCCESS;
}
