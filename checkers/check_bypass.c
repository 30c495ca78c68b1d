// SPDX-License-Identifier: GPL-2.0
/*
 * bypass: a function that is not a map entry point maps MMIO through a
 * page-table primitive, a fixmap IO pattern, or device attributes it
 * passes to a fixmap, a sink or a helper of its unit (docs/devmem.md),
 * and does not announce it on every success path.
 */
#include <stdio.h>
#include <string.h>

#include "checks.h"
#include "token.h"

/* "on line N" in the function's own file, else "at FILE:N". */
static void where(const struct map_site *m, char *buf, size_t len)
{
	struct position p = m->call.choice->pos;
	const char *name = stream_name(p.stream), *slash = strrchr(name, '/');

	if (p.stream == m->fn->sym->pos.stream)
		snprintf(buf, len, ", chosen on line %d", p.line);
	else
		snprintf(buf, len, ", chosen at %s:%d", slash ? slash + 1 : name, p.line);
}

/* 'helper' -> 'helper' -> 'writer': the chain down to the mapping. */
static void chain(const struct map_site *m, char *buf, size_t len)
{
	const struct fn *h;
	size_t n = 0;
	int depth = 0;

	buf[0] = '\0';
	for (h = m->call.via; h && depth < 8 && n < len; h = h->reach_next, depth++)
		n += snprintf(buf + n, len - n, "'%s' -> ", h->name);
	if (n < len)
		snprintf(buf + n, len - n, "'%s'", m->call.spec->name);
}

static void device(const struct map_site *m, const struct report_at *at)
{
	char chosen[256] = "", with[256];

	if (m->call.choice)
		where(m, chosen, sizeof(chosen));
	chain(m, with, sizeof(with));
	report(at,
	       "'%s' %s MMIO with %s (device memory: %s%s) outside a map entry point and returns without calling '%s'",
	       m->fn->name, m->call.choice ? "may map" : "maps", with,
	       m->call.device, chosen, m->tu->map_hook->name);
}

static void unannounced(const struct map_site *m, const struct report_at *at)
{
	const struct spec_entry *e = m->call.spec;

	if (m->in_entry)
		return;
	if (m->call.device) {
		device(m, at);
		return;
	}
	report(at,
	       "'%s' maps MMIO with '%s'%s%s%s outside a map entry point and returns without calling '%s'",
	       m->fn->name, e->name, e->io_prot ? " (" : "",
	       e->io_prot ? e->io_prot : "", e->io_prot ? ")" : "",
	       m->tu->map_hook->name);
}

const struct check check_bypass = {
	.unannounced = unannounced,
};
