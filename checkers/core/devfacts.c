// SPDX-License-Identifier: GPL-2.0
/*
 * A unit's flow facts, for the audit to combine across units
 * (docs/audit.md, "Facts"; docs/devmem.md): for every function, where
 * memory-type bits go (a sink's pte, an argument of a call that carries
 * a protection, the return value) and what they are made of (a device
 * value, a parameter, another function's result), and whether it calls
 * the map hook. Arguments count when the spec says they are a
 * protection or their type is one: a struct of one member named pgprot,
 * pte, pmd, pud or p4d (pgprot_t, pte_t, ... on every arch).
 */
#include <stdio.h>
#include <string.h>

#include "checks.h"
#include "devattr.h"
#include "facts.h"

/* Is argument k of a call a protection (the lowering says, by type)? */
static bool prot_arg(const struct ir_insn *call, int k)
{
	return k < 64 && (call->prot_args & (1ULL << k));
}

struct fn_facts {
	struct tu *tu;
	struct fn *fn;
	bool is_static;
	const char *file;
};

static void put(struct fn_facts *ff, int line, const char *src, const char *dst,
		const struct alt *a)
{
	char cond[512] = "-";

	if (a->choice)
		snprintf(cond, sizeof(cond), "%s:%d", ir_file_name(a->choice->pos),
			 a->choice->pos.line);
	facts_flow(ff->fn->name, ff->is_static, ff->file, line, src, dst, cond);
}

/* One record per source of each alternative that can matter. */
static void emit(struct fn_facts *ff, int line, const struct alts *a, const char *dst)
{
	char src[256];
	int i, k, d;

	for (i = 0; i < a->n; i++) {
		const struct alt *x = &a->v[i];

		if ((d = alt_device(ff->tu, x)) >= 0) {
			snprintf(src, sizeof(src), "device:%s", ff->tu->attr->e->values[d]);
			put(ff, line, src, dst, x);
			continue;
		}
		for (k = 0; k < 64 && alt_carries(ff->tu, x); k++)
			if (x->params & (1ULL << k)) {
				snprintf(src, sizeof(src), "param:%d", k);
				put(ff, line, src, dst, x);
			}
		if (x->call && callee_name(x->call)) {
			snprintf(src, sizeof(src), "ret:%s", callee_name(x->call));
			put(ff, line, src, dst, x);
		}
	}
}

static void call_facts(struct fn_facts *ff, struct ir_insn *insn)
{
	const char *id = callee_name(insn);
	const struct spec_entry *e = tu_spec(ff->tu, id);
	int line = site_pos(ff->tu, ff->fn, insn).line, k, prot = -1;
	char dst[256];
	struct alts a;

	if (!id)
		return;
	if (e && e->kind == SPEC_SINK) {
		k = spec_arg(e, ROLE_PTE) >= 0 ? spec_arg(e, ROLE_PTE) : spec_arg(e, ROLE_PROT);
		devflow_value(ff->tu, call_arg(insn, k), &a);
		snprintf(dst, sizeof(dst), "sink:%s", e->name);
		emit(ff, line, &a, dst);
		return;
	}
	if (e)
		prot = spec_arg(e, ROLE_PROT);
	for (k = 0; call_arg(insn, k); k++) {
		if (k != prot && !prot_arg(insn, k))
			continue;
		devflow_value(ff->tu, call_arg(insn, k), &a);
		snprintf(dst, sizeof(dst), "arg:%s:%d", id, k);
		emit(ff, line, &a, dst);
	}
}

static void fn_facts(struct tu *tu, struct fn *fn)
{
	struct fn_facts ff = { tu, fn, fn->ir->sym->is_static,
			       ir_file_name(fn->ir->sym->pos) };
	bool returns_prot = fn->ir->returns_prot, announces = false;
	struct call c;
	struct alts a;
	int b, i;

	for (b = 0; b < fn->ir->nblocks; b++) {
		struct ir_block *bb = fn->ir->blocks[b];

		for (i = 0; i < bb->ninsns; i++) {
			struct ir_insn *insn = bb->insns[i];

			if (insn->op == IR_CALL) {
				call_facts(&ff, insn);
				classify_call(tu, insn, &c);
				announces |= c.kind == CALL_MAP_HOOK;
			} else if (insn->op == IR_RET && insn->src && returns_prot) {
				devflow_value(tu, insn->src, &a);
				emit(&ff, site_pos(tu, fn, insn).line, &a, "return");
			}
		}
	}
	if (announces)
		facts_announce(fn->name, ff.is_static);
}

void devflow_facts(struct tu *tu)
{
	int i;

	for (i = 0; facts_on() && i < tu->nr; i++) {
		struct fn *fn = &tu->fns[i];

		/* a sink's own body is where the flow ends */
		if (fn->ir->entry && !(fn->spec && fn->spec->kind == SPEC_SINK))
			fn_facts(tu, fn);
	}
}
