// SPDX-License-Identifier: GPL-2.0
/*
 * The device-attr probes: for each spec record, a static function per
 * macro (the mask, the present bits, each device value) appended after
 * the unit, where the record's macros are defined, so that sparse folds
 * them with the unit's own macros, flags and arch (as tu.c does for
 * io-prot); what they return is read back here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "devattr.h"

int devattr_probe_text(const struct spec *spec, char *buf, int len)
{
	int i, j, n = 0;

	for (i = 0; i < spec->nr; i++) {
		const struct spec_entry *e = &spec->entries[i];

		if (e->kind != SPEC_DEVICE_ATTR)
			continue;
		n += snprintf(buf + n, len > n ? len - n : 0,
			      "#if defined(%s)%s%s%s\n"
			      "static __typeof__(%s) " DEVATTR_PREFIX "%d_m(void) { return %s; }\n",
			      e->mask, e->when ? " && defined(" : "",
			      e->when ? e->when : "", e->when ? ")" : "",
			      e->mask, i, e->mask);
		if (e->present)
			n += snprintf(buf + n, len > n ? len - n : 0,
				      "static __typeof__(%s) " DEVATTR_PREFIX "%d_p(void) { return %s; }\n",
				      e->present, i, e->present);
		for (j = 0; j < e->nvalues; j++)
			n += snprintf(buf + n, len > n ? len - n : 0,
				      "static __typeof__(%s) " DEVATTR_PREFIX "%d_%d(void) { return %s; }\n",
				      e->values[j], i, j, e->values[j]);
		n += snprintf(buf + n, len > n ? len - n : 0, "#endif\n");
	}
	return n;
}

static struct devattr *attr_for(struct tu *tu, const struct spec_entry *e)
{
	struct devattr *a = tu->attr;

	if (a)
		return a->e == e ? a : NULL;	/* one record per unit */
	a = tu->attr = calloc(1, sizeof(*a));
	a->e = e;
	a->known = calloc(e->nvalues, sizeof(*a->known));
	a->value = calloc(e->nvalues, sizeof(*a->value));
	a->pseudo = calloc(e->nvalues, sizeof(*a->pseudo));
	return a;
}

void devattr_read_probe(struct tu *tu, const char *name, struct entrypoint *ep)
{
	const char *rest = name + strlen(DEVATTR_PREFIX);
	int idx = atoi(rest), v;
	const char *us = strchr(rest, '_');
	struct basic_block *bb;
	struct instruction *insn;
	struct devattr *a;

	if (!us || idx < 0 || idx >= tu->spec->nr ||
	    tu->spec->entries[idx].kind != SPEC_DEVICE_ATTR ||
	    !(a = attr_for(tu, &tu->spec->entries[idx])))
		return;
	v = us[1] == 'm' ? -1 : us[1] == 'p' ? -2 : atoi(us + 1);
	if (v >= a->e->nvalues)
		return;
	FOR_EACH_PTR(ep->bbs, bb) {
		FOR_EACH_PTR(bb->insns, insn) {
			if (!insn->bb || insn->opcode != OP_RET || !insn->src)
				continue;
			if (v < 0) {
				/* the mask and present bits must be constants */
				if (insn->src->type == PSEUDO_VAL)
					*(v == -1 ? &a->mask : &a->present) = insn->src->value;
			} else if (insn->src->type == PSEUDO_VAL) {
				a->known[v] = true;
				a->value[v] = insn->src->value;
			} else {
				a->pseudo[v] = insn->src;
			}
			a->found++;
		} END_FOR_EACH_PTR(insn);
	} END_FOR_EACH_PTR(bb);
}
