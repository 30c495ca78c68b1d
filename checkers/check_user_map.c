// SPDX-License-Identifier: GPL-2.0
/*
 * user-map: memory mapped into user space (remap_pfn_range() and
 * friends: the spec's user-map entries) with device attributes, or with
 * a function that maps I/O memory by definition (vm_iomap_memory()).
 * Whether the MMIO guard must cover user mappings is the runtime's
 * policy, so the check is off unless --ioguard-user-map (ioguard audit
 * turns it on; kbuild gates do not).
 */
#include <stdio.h>

#include "checks.h"
#include "devattr.h"
#include "token.h"
#include "tu.h"

static void called(const struct call_site *c, const struct report_at *at)
{
	const struct spec_entry *e = tu_spec(c->tu, callee_ident(c->insn));
	int k, i, d = -1;
	struct alts a;
	char chosen[256] = "";

	if (!ioguard_user_map || !e || e->kind != SPEC_USER_MAP)
		return;
	k = spec_arg(e, ROLE_PROT);
	if (k < 0) {
		report(at, "'%s' maps I/O memory into user space with '%s'",
		       c->fn->name, e->name);
		return;
	}
	devflow_value(c->tu, call_arg(c->insn, k), &a);
	for (i = 0; i < a.n && (d = alt_device(c->tu, &a.v[i])) < 0; i++)
		;
	if (d < 0)
		return;
	if (a.v[i].choice)
		snprintf(chosen, sizeof(chosen), ", chosen on line %d", a.v[i].choice->pos.line);
	report(at, "'%s' %s device memory into user space with '%s' (%s%s)",
	       c->fn->name, a.v[i].choice ? "may map" : "maps", e->name,
	       c->tu->attr->e->values[d], chosen);
}

const struct check check_user_map = {
	.called = called,
};
