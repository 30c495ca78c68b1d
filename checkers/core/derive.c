// SPDX-License-Identifier: GPL-2.0
/*
 * Derivation: is one SSA value computed from another, and from which of
 * the function's parameters (for hook-args and the helper summaries).
 */
#include <string.h>

#include "unit.h"

/* Which output of an asm statement p is, or -1. */
static int asm_output(struct ir_insn *insn, struct ir_value *p)
{
	int i;

	for (i = 0; i < insn->noutputs; i++)
		if (insn->outputs[i] == p)
			return i;
	return -1;
}

static bool same_shape(struct ir_value *a, struct ir_value *b, int depth);

/* Do the definitions da of a and db of b compute the same way? */
static bool same_def(struct ir_insn *da, struct ir_value *a,
		     struct ir_insn *db, struct ir_value *b, int depth)
{
	if (!da || !db || !da->bb || !db->bb || da->op != db->op ||
	    da->size != db->size)
		return false;
	if (is_pass_through(da->op))
		return same_shape(da->src, db->src, depth + 1);
	if (is_binop(da->op) || is_compare(da->op))
		return same_shape(da->src1, db->src1, depth + 1) &&
		       same_shape(da->src2, db->src2, depth + 1);
	switch (da->op) {
	case IR_LOAD:
		return da->offset == db->offset &&
		       same_shape(da->src, db->src, depth + 1);
	case IR_ASM:
		/* arm64 6.12 reads TCR_EL1 to build device protections */
		return da->text && db->text && !strcmp(da->text, db->text) &&
		       asm_output(da, a) == asm_output(db, b) &&
		       asm_output(da, a) >= 0;
	case IR_SEL:
		return same_shape(da->src1, db->src1, depth + 1) &&
		       same_shape(da->src2, db->src2, depth + 1) &&
		       same_shape(da->src3, db->src3, depth + 1);
	default:
		return false;
	}
}

/*
 * Do a and b compute the same value the same way? Used to recognise a
 * non-constant protection macro at a call site by the shape of its
 * evaluation in the probe function (see tu.c).
 */
static bool same_shape(struct ir_value *a, struct ir_value *b, int depth)
{
	if (a == b)
		return true;
	if (!a || !b || depth > VALUE_DEPTH_LIMIT || a->kind != b->kind)
		return false;
	switch (a->kind) {
	case IRV_CONST:
		return a->value == b->value;
	case IRV_SYM:
		return a->sym == b->sym;
	case IRV_REG:
		return same_def(a->def, a, b->def, b, depth);
	default:
		return false;
	}
}

bool same_computation(struct ir_value *a, struct ir_value *b)
{
	return same_shape(a, b, 0);
}

/*
 * Derivation: the roots a value is computed from, through copies,
 * casts, arithmetic and phi nodes. Roots are arguments, symbols, loads
 * (by address and offset), call results, and constants.
 */
enum root_kind { R_VAL, R_ARG, R_SYM, R_LOAD, R_OTHER };

struct root {
	enum root_kind kind;
	const void *key;
	long long value;
};

/* More roots than this: not known. More values than MAX_SEEN: the later
 * ones may be followed twice, which costs time, not answers. */
#define MAX_ROOTS 32
#define MAX_SEEN 64

struct roots {
	int n;
	bool overflow;
	struct root v[MAX_ROOTS];
	int nseen;
	struct ir_value *seen[MAX_SEEN];
};

static void add_root(struct roots *r, enum root_kind kind, const void *key,
		     long long value)
{
	int i;

	for (i = 0; i < r->n; i++)
		if (r->v[i].kind == kind && r->v[i].key == key &&
		    r->v[i].value == value)
			return;
	if (r->n == MAX_ROOTS) {
		r->overflow = true;
		return;
	}
	r->v[r->n++] = (struct root){ kind, key, value };
}

static void collect(struct ir_value *p, struct roots *r, int depth);

/*
 * A local whose address is taken (earlycon_map()'s paddr, printed with
 * %pa) lives in memory: sparse forwards the first load to the stored value
 * but keeps later loads. Both are the same value when every store to that
 * slot stores it, so a load also derives from what the function stores
 * there.
 */
static void collect_stored(struct ir_insn *load, const void *sym,
			   struct roots *r, int depth)
{
	struct ir_fn *fn;
	int b, i;

	if (!load->bb || !(fn = load->bb->fn))
		return;
	for (b = 0; b < fn->nblocks; b++) {
		struct ir_block *bb = fn->blocks[b];

		for (i = 0; i < bb->ninsns; i++) {
			struct ir_insn *insn = bb->insns[i];
			struct roots addr = { 0 };

			if (insn->op != IR_STORE || insn->offset != load->offset)
				continue;
			collect(insn->addr, &addr, depth + 1);
			if (addr.n == 1 && !addr.overflow &&
			    addr.v[0].kind == R_SYM && addr.v[0].key == sym)
				collect(insn->target, r, depth + 1);
		}
	}
}

/* Two loads of the same place (base root and offset) are the same value. */
static void collect_load(struct ir_value *p, struct roots *r, int depth)
{
	struct ir_insn *d = p->def;
	struct roots base = { 0 };

	collect(d->src, &base, depth + 1);
	if (base.n != 1 || base.overflow) {
		add_root(r, R_OTHER, p, 0);
		return;
	}
	add_root(r, R_LOAD, base.v[0].key, base.v[0].value + d->offset);
	if (base.v[0].kind == R_SYM && !base.v[0].value)
		collect_stored(d, base.v[0].key, r, depth);
}

/*
 * The roots of a value an instruction computes. A comparison is not
 * looked through: its 0 or 1 is not derived from its operands.
 */
static void collect_def(struct ir_value *p, struct roots *r, int depth)
{
	struct ir_insn *d = p->def;
	int i;

	if (!d) {
		add_root(r, R_OTHER, p, 0);
		return;
	}
	if (!d->bb) {
		/* optimised away: an inlined call's stale argument */
		r->overflow = true;
		return;
	}
	if (is_pass_through(d->op)) {
		collect(d->src, r, depth + 1);
		return;
	}
	if (is_binop(d->op)) {
		collect(d->src1, r, depth + 1);
		collect(d->src2, r, depth + 1);
		return;
	}
	switch (d->op) {
	case IR_SEL:
		collect(d->src2, r, depth + 1);
		collect(d->src3, r, depth + 1);
		return;
	case IR_PHI:
		for (i = 0; i < d->nphis; i++)
			if (d->phis[i] != &ir_void)
				collect(d->phis[i], r, depth + 1);
		return;
	case IR_LOAD:
		collect_load(p, r, depth);
		return;
	default:
		add_root(r, R_OTHER, p, 0);
		return;
	}
}

/* Each value is followed once, however often it is reached. */
static bool seen_before(struct roots *r, struct ir_value *p)
{
	int i;

	for (i = 0; i < r->nseen; i++)
		if (r->seen[i] == p)
			return true;
	if (r->nseen < MAX_SEEN)
		r->seen[r->nseen++] = p;
	return false;
}

static void collect(struct ir_value *p, struct roots *r, int depth)
{
	if (!p || depth > VALUE_DEPTH_LIMIT) {
		r->overflow = true;
		return;
	}
	if (seen_before(r, p))
		return;
	switch (p->kind) {
	case IRV_CONST:
		add_root(r, R_VAL, NULL, p->value);
		return;
	case IRV_PARAM:
		add_root(r, R_ARG, p, 0);
		return;
	case IRV_SYM:
		add_root(r, R_SYM, p->sym, 0);
		return;
	case IRV_PHI:
		if (p->def && p->def->op == IR_PHISRC)
			collect(p->def->src, r, depth + 1);
		return;
	case IRV_REG:
		collect_def(p, r, depth);
		return;
	default:
		add_root(r, R_OTHER, p, 0);
		return;
	}
}

static bool has_variable(const struct roots *r)
{
	int i;

	for (i = 0; i < r->n; i++)
		if (r->v[i].kind != R_VAL)
			return true;
	return false;
}

enum derived pseudo_derived(struct ir_value *a, struct ir_value *b)
{
	struct roots ra = { 0 }, rb = { 0 };
	bool va, vb;
	int i, j;

	/* The same expression evaluated twice: riscv's protections read
	 * the page-type mask through an asm alternative each time. */
	if (same_shape(a, b, 0))
		return DERIVED_YES;
	collect(a, &ra, 0);
	collect(b, &rb, 0);
	if (ra.overflow || rb.overflow)
		return DERIVED_UNSURE;
	va = has_variable(&ra);
	vb = has_variable(&rb);
	if (va != vb)
		return DERIVED_NO;
	for (i = 0; i < ra.n; i++) {
		if (va && ra.v[i].kind == R_VAL)
			continue;
		for (j = 0; j < rb.n; j++)
			if (ra.v[i].kind == rb.v[j].kind &&
			    ra.v[i].key == rb.v[j].key &&
			    ra.v[i].value == rb.v[j].value)
				return DERIVED_YES;
	}
	return DERIVED_NO;
}

unsigned long long param_mask(struct ir_value *p)
{
	struct roots r = { 0 };
	unsigned long long mask = 0;
	int i;

	collect(p, &r, 0);
	if (r.overflow)
		return UNKNOWN_PARAMS;
	for (i = 0; i < r.n; i++) {
		const struct ir_value *arg = r.v[i].key;

		if (r.v[i].kind == R_VAL)
			continue;
		if (r.v[i].kind != R_ARG || arg->nr < 1 || arg->nr > 64)
			return UNKNOWN_PARAMS;
		mask |= 1ULL << (arg->nr - 1);
	}
	return mask ? mask : UNKNOWN_PARAMS;
}
