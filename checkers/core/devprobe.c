// SPDX-License-Identifier: GPL-2.0
/*
 * The device-attr probes: for each spec record, a static function per
 * macro (the mask, the present bits, each device value) appended after
 * the unit, where the record's macros are defined, so that the frontend
 * folds them with the unit's own macros, flags and arch (as tu.c does
 * for io-prot); what they return is read back here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "devattr.h"

/* One probe: typed and returning the value (style 0, PROBE_RETURN), or
 * evaluating it as a statement (PROBE_STATEMENT; core/frontend.h). */
static int probe(char *buf, int len, int style, const char *expr, int i, const char *what)
{
	if (style == 0)
		return snprintf(buf, len > 0 ? len : 0,
				"static __typeof__(%s) " DEVATTR_PREFIX "%d_%s(void) { return %s; }\n",
				expr, i, what, expr);
	return snprintf(buf, len > 0 ? len : 0,
			"static void " DEVATTR_PREFIX "%d_%s(void) { %s; }\n", i, what, expr);
}

int devattr_probe_text(const struct spec *spec, char *buf, int len, int style)
{
	char what[16];
	int i, j, n = 0;

	for (i = 0; i < spec->nr; i++) {
		const struct spec_entry *e = &spec->entries[i];

		if (e->kind != SPEC_DEVICE_ATTR)
			continue;
		n += snprintf(buf + n, len > n ? len - n : 0,
			      "#if defined(%s)%s%s%s\n",
			      e->mask, e->when ? " && defined(" : "",
			      e->when ? e->when : "", e->when ? ")" : "");
		n += probe(buf + n, len - n, style, e->mask, i, "m");
		if (e->present)
			n += probe(buf + n, len - n, style, e->present, i, "p");
		for (j = 0; j < e->nvalues; j++) {
			snprintf(what, sizeof(what), "%d", j);
			n += probe(buf + n, len - n, style, e->values[j], i, what);
		}
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

void devattr_read_probe(struct tu *tu, const char *name, struct ir_fn *fn)
{
	const char *rest = name + strlen(DEVATTR_PREFIX);
	int idx = atoi(rest), v, b, i;
	const char *us = strchr(rest, '_');
	struct devattr *a;

	if (!us || idx < 0 || idx >= tu->spec->nr ||
	    tu->spec->entries[idx].kind != SPEC_DEVICE_ATTR ||
	    !(a = attr_for(tu, &tu->spec->entries[idx])))
		return;
	v = us[1] == 'm' ? -1 : us[1] == 'p' ? -2 : atoi(us + 1);
	if (v >= a->e->nvalues)
		return;
	for (b = 0; b < fn->nblocks; b++) {
		struct ir_block *bb = fn->blocks[b];

		for (i = 0; i < bb->ninsns; i++) {
			struct ir_insn *insn = bb->insns[i];

			if (insn->op != IR_RET || !insn->src)
				continue;
			if (v < 0) {
				/* the mask and present bits must be constants */
				if (insn->src->kind == IRV_CONST)
					*(v == -1 ? &a->mask : &a->present) = insn->src->value;
			} else if (insn->src->kind == IRV_CONST) {
				a->known[v] = true;
				a->value[v] = insn->src->value;
			} else {
				a->pseudo[v] = insn->src;
			}
			a->found++;
		}
	}
}
