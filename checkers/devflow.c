// SPDX-License-Identifier: GPL-2.0
/*
 * Device memory as data flow inside one unit (docs/devmem.md):
 *
 * - which parameters of each function reach a page-table write here:
 *   the prot argument of a spec primitive or fixmap, the pte argument of
 *   a sink, or such a parameter of another function of the unit;
 * - what each function returns, as memory-type alternatives, so that a
 *   call to a helper of the unit is its return with the call's
 *   arguments put in for its parameters;
 * - which calls therefore map device memory (the engine checks those
 *   like any mapping: devflow_classify);
 * - the flow facts the audit combines across units (devflow_facts).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "devattr.h"

/* How many helpers deep returns are substituted. */
#define RESOLVE_DEPTH 4

/* A function of this unit whose body the summaries may read. */
static struct fn *unit_fn(struct tu *tu, struct instruction *call)
{
	struct fn *f = tu_find(tu, callee_ident(call));

	return f && !f->spec && f->ep && f->ep->entry ? f : NULL;
}

static const struct alts *fn_ret(struct tu *tu, struct fn *fn, int depth);

/* Replace results of this unit's helpers with what they return. */
static void resolve(struct tu *tu, struct alts *s, int depth)
{
	struct alts out = { 0 };
	int i, k;

	for (i = 0; i < s->n; i++) {
		struct alt base = s->v[i];
		struct fn *h = base.call ? unit_fn(tu, base.call) : NULL;
		const struct alts *r = h && depth < RESOLVE_DEPTH ? fn_ret(tu, h, depth + 1) : NULL;
		int j;

		if (!r) {
			alts_union(&out, &(struct alts){ 1, { base } });
			continue;
		}
		base.call = NULL;
		/* the call was all there was: its bits are the return's */
		if (!base.params && !base.device && !base.unknown)
			base.smask = 0;
		for (j = 0; j < r->n; j++) {
			struct alts acc = { 1, { r->v[j] } }, arg;
			/* the bits the helper lets its parameters through */
			unsigned long long region = r->v[j].smask;
			int m;

			acc.v[0].params = 0;
			if (!acc.v[0].call && !acc.v[0].device && !acc.v[0].unknown)
				acc.v[0].smask = 0;
			for (k = 0; k < 64; k++) {
				if (!(r->v[j].params & (1ULL << k)))
					continue;
				attr_alts(tu, call_arg(s->v[i].call, k), &arg);
				resolve(tu, &arg, depth + 1);
				for (m = 0; m < arg.n; m++) {
					arg.v[m].bits &= region;
					arg.v[m].smask &= region;
				}
				alts_or(&acc, &acc, &arg);
			}
			alts_or(&acc, &acc, &(struct alts){ 1, { base } });
			alts_union(&out, &acc);
		}
	}
	*s = out;
}

/* The memory-type bits fn returns (NULL while being computed). */
static const struct alts *fn_ret(struct tu *tu, struct fn *fn, int depth)
{
	struct basic_block *bb;
	struct instruction *insn;
	struct alts a;

	if (fn->ret_state == 0)
		return NULL;
	if (fn->ret_state == 1)
		return fn->ret;
	fn->ret_state = 0;
	fn->ret = calloc(1, sizeof(*fn->ret));
	FOR_EACH_PTR(fn->ep->bbs, bb) {
		FOR_EACH_PTR(bb->insns, insn) {
			if (!insn->bb || insn->opcode != OP_RET || !insn->src)
				continue;
			attr_alts(tu, insn->src, &a);
			resolve(tu, &a, depth);
			alts_union(fn->ret, &a);
		} END_FOR_EACH_PTR(insn);
	} END_FOR_EACH_PTR(bb);
	fn->ret_state = 1;
	return fn->ret;
}

void devflow_value(struct tu *tu, pseudo_t p, struct alts *out)
{
	attr_alts(tu, p, out);
	resolve(tu, out, 0);
}

static void arg_alts(struct tu *tu, struct instruction *call, int k, struct alts *out)
{
	devflow_value(tu, call_arg(call, k), out);
}

static unsigned long long fn_reach(struct tu *tu, struct fn *fn);

/*
 * Does fn call the map hook anywhere (itself, or through a helper that
 * always does)? Then what it maps is its own to announce, and device
 * attributes passed to it are not its caller's bypass.
 */
static bool fn_announces(struct tu *tu, struct fn *fn)
{
	struct basic_block *bb;
	struct instruction *insn;
	struct fn *h;

	if (fn->announces >= 0)
		return fn->announces;
	fn->announces = 0;
	FOR_EACH_PTR(fn->ep->bbs, bb) {
		FOR_EACH_PTR(bb->insns, insn) {
			if (!insn->bb || insn->opcode != OP_CALL)
				continue;
			h = tu_find(tu, callee_ident(insn));
			if (tu_spec(tu, callee_ident(insn)) == tu->map_hook ||
			    (h && h->always_map_hook > 0))
				fn->announces = 1;
		} END_FOR_EACH_PTR(insn);
	} END_FOR_EACH_PTR(bb);
	return fn->announces;
}

/*
 * Which arguments of a call reach a page-table write (a bit per
 * argument), and which spec function writes them.
 */
unsigned long long call_reach(struct tu *tu, struct instruction *call,
			      const struct spec_entry **writer, struct fn **via)
{
	const struct spec_entry *e = tu_spec(tu, callee_ident(call));
	struct fn *h;
	int k = -1;

	*via = NULL;
	if (e && (e->kind == SPEC_PRIMITIVE || e->kind == SPEC_FIXMAP))
		k = spec_arg(e, ROLE_PROT);
	else if (e && e->kind == SPEC_SINK)
		k = spec_arg(e, ROLE_PTE) >= 0 ? spec_arg(e, ROLE_PTE) : spec_arg(e, ROLE_PROT);
	if (e) {
		*writer = e;
		return k >= 0 ? 1ULL << k : 0;
	}
	h = unit_fn(tu, call);
	if (!h || fn_announces(tu, h) || !fn_reach(tu, h))
		return 0;
	*writer = h->reach_entry;
	*via = h;
	return h->reach_params;
}

/* The parameters of fn that reach a page-table write in this unit. */
static unsigned long long fn_reach(struct tu *tu, struct fn *fn)
{
	struct basic_block *bb;
	struct instruction *insn;

	if (fn->reach_state >= 0)
		return fn->reach_params;	/* 0 while being computed */
	fn->reach_state = 0;
	FOR_EACH_PTR(fn->ep->bbs, bb) {
		FOR_EACH_PTR(bb->insns, insn) {
			const struct spec_entry *w = NULL;
			struct fn *via;
			unsigned long long m;
			struct alts a;
			int k, i;

			if (!insn->bb || insn->opcode != OP_CALL)
				continue;
			m = call_reach(tu, insn, &w, &via);
			for (k = 0; m && k < 64; k++) {
				if (!(m & (1ULL << k)))
					continue;
				arg_alts(tu, insn, k, &a);
				for (i = 0; i < a.n; i++) {
					if (!a.v[i].params || !alt_carries(tu, &a.v[i]))
						continue;
					if (!fn->reach_entry) {
						fn->reach_entry = w;
						fn->reach_next = via;
					}
					fn->reach_params |= a.v[i].params;
				}
			}
		} END_FOR_EACH_PTR(insn);
	} END_FOR_EACH_PTR(bb);
	fn->reach_state = 1;
	return fn->reach_params;
}

bool devflow_classify(struct tu *tu, struct instruction *insn, struct call *out)
{
	const struct spec_entry *w = NULL;
	struct fn *via;
	unsigned long long m = call_reach(tu, insn, &w, &via);
	struct alts a;
	int k, i, d;

	for (k = 0; m && w && k < 64; k++) {
		if (!(m & (1ULL << k)))
			continue;
		arg_alts(tu, insn, k, &a);
		for (i = 0; i < a.n; i++) {
			if ((d = alt_device(tu, &a.v[i])) < 0)
				continue;
			out->kind = CALL_MAP;
			out->spec = w;
			out->device = tu->attr->e->values[d];
			out->choice = a.v[i].choice;
			out->via = via;
			return true;
		}
	}
	return false;
}

void devflow_free(struct tu *tu)
{
	int i;

	for (i = 0; i < tu->nr; i++)
		free(tu->fns[i].ret);
	if (tu->attr) {
		free(tu->attr->known);
		free(tu->attr->value);
		free(tu->attr->pseudo);
		free(tu->attr);
	}
}
