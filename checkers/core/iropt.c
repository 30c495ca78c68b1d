// SPDX-License-Identifier: GPL-2.0
/*
 * The clean-ups of sparse's optimiser that the checks depend on, for a
 * frontend that builds its IR from the AST (irbuild.h). Without them
 * `if (augment)` in an inlined helper called with `true`, tested after a
 * label, stays a branch both ways, and `err = f(); if (!err) err =
 * helper_returning_0(); if (!err) hook();` reads as two unrelated tests.
 *
 * - simplification to a fixed point: constants fold, x & 0, x | 0,
 *   x + 0 and friends are what they are, a phi whose live ways agree
 *   is that value, a select on a constant or of equal values is that
 *   value, a branch on a constant goes one way, and what the entry no
 *   longer reaches is dropped with the phis' ways from there;
 * - loads of what was just stored: a load from the same address and
 *   offset as a store before it, in its block or the ones above it
 *   along a chain of single predecessors, with nothing between that may
 *   write there (a call, an asm, a store elsewhere that may overlap; a
 *   call does not write a function's own variables), is the value
 *   stored (`vma->vm_page_prot = f(); ... g(vma->vm_page_prot)`);
 * - if-conversion: a two-way phi at the join of a branch whose arms do
 *   nothing but choose becomes a select on the branch's condition, and
 *   `c ? c : 0` is c;
 * - dead code: an instruction whose value nothing uses and that does
 *   nothing else (arithmetic, a load, a phi) goes.
 *
 * The sparse frontend does not run this: its IR is sparse's, already
 * optimised, and copied as it is.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "iropt.h"

struct opt {
	struct ir_fn *fn;
	struct ir_map fwd;		/* a value -> what replaces it */
	bool changed, cfg_changed;
};

static struct ir_value *res(struct opt *o, struct ir_value *v)
{
	struct ir_value *r;

	while (v && (r = ir_map_get(&o->fwd, v)))
		v = r;
	return v;
}

static void replace(struct opt *o, struct ir_value *v, struct ir_value *by)
{
	if (!v || !by || v == by)
		return;
	ir_map_put(&o->fwd, v, by);
	o->changed = true;
}

static bool is_const(struct ir_value *v, unsigned long long *c)
{
	if (!v || v->kind != IRV_CONST)
		return false;
	*c = v->value;
	return true;
}

static unsigned long long mask(unsigned long long v, int bits)
{
	return bits <= 0 || bits >= 64 ? v : v & ((1ULL << bits) - 1);
}

static long long sext(unsigned long long v, int bits)
{
	if (bits <= 0 || bits >= 64)
		return (long long)v;
	v = mask(v, bits);
	if (v & (1ULL << (bits - 1)))
		v |= ~0ULL << bits;
	return (long long)v;
}

/* The operands of every instruction, past what replaced them. */
static void rewrite(struct opt *o, struct ir_insn *in)
{
	int i;

	in->src = res(o, in->src);
	in->src2 = res(o, in->src2);
	in->src3 = res(o, in->src3);
	in->func = res(o, in->func);
	if (in->op == IR_STORE)
		in->target = res(o, in->target);
	for (i = 0; i < in->nargs; i++)
		in->args[i] = res(o, in->args[i]);
}

bool ir_fold_unary(enum ir_op op, int src_bits, unsigned long long a,
		   unsigned long long *out)
{
	switch (op) {
	case IR_ZEXT: *out = mask(a, src_bits); return true;
	case IR_SEXT: *out = (unsigned long long)sext(a, src_bits); return true;
	case IR_NOT: *out = ~a; return true;
	case IR_NEG: *out = -a; return true;
	case IR_COPY: case IR_PTRCAST: case IR_UTPTR: case IR_PTRTU: case IR_TRUNC:
		*out = a;
		return true;
	default:
		return false;
	}
}

bool ir_fold_binary(enum ir_op op, int bits, unsigned long long a, unsigned long long b,
		    unsigned long long *out)
{
	switch (op) {
	case IR_ADD: *out = a + b; return true;
	case IR_SUB: *out = a - b; return true;
	case IR_MUL: *out = a * b; return true;
	case IR_AND: *out = a & b; return true;
	case IR_OR: *out = a | b; return true;
	case IR_XOR: *out = a ^ b; return true;
	case IR_SHL: *out = b < 64 ? a << b : 0; return true;
	case IR_LSR: *out = b < 64 ? mask(a, bits) >> b : 0; return true;
	case IR_ASR: *out = (unsigned long long)(sext(a, bits) >> (b < 63 ? b : 63)); return true;
	case IR_DIVU:
		if (!mask(b, bits))
			return false;
		*out = mask(a, bits) / mask(b, bits);
		return true;
	case IR_MODU:
		if (!mask(b, bits))
			return false;
		*out = mask(a, bits) % mask(b, bits);
		return true;
	case IR_DIVS:
		/* nothing for a division by 0 or LLONG_MIN / -1: C leaves them undefined */
		if (!sext(b, bits) || (sext(b, bits) == -1 && sext(a, bits) == (long long)(1ULL << 63)))
			return false;
		*out = (unsigned long long)(sext(a, bits) / sext(b, bits));
		return true;
	case IR_MODS:
		if (!sext(b, bits) || sext(b, bits) == -1)
			return false;
		*out = (unsigned long long)(sext(a, bits) % sext(b, bits));
		return true;
	default:
		return false;
	}
}

bool ir_fold_compare(enum ir_op op, int bits, unsigned long long a, unsigned long long b)
{
	long long sa = sext(a, bits), sb = sext(b, bits);

	a = mask(a, bits);
	b = mask(b, bits);
	switch (op) {
	case IR_SET_EQ: return a == b;
	case IR_SET_NE: return a != b;
	case IR_SET_LT: return sa < sb;
	case IR_SET_LE: return sa <= sb;
	case IR_SET_GT: return sa > sb;
	case IR_SET_GE: return sa >= sb;
	case IR_SET_B: return a < b;
	case IR_SET_BE: return a <= b;
	case IR_SET_A: return a > b;
	default: return a >= b;
	}
}

/* x op k where k is known: the identities sparse uses. */
static struct ir_value *identity(struct ir_insn *in, struct ir_value *x, unsigned long long k,
				 bool k_right)
{
	unsigned long long ones = mask(~0ULL, in->size);

	k = mask(k, in->size);
	switch (in->op) {
	case IR_AND: return !k ? ir_const(0) : k == ones ? x : NULL;
	case IR_OR: return !k ? x : NULL;
	case IR_XOR: case IR_ADD: return !k ? x : NULL;
	case IR_SUB: return k_right && !k ? x : NULL;
	case IR_MUL: return !k ? ir_const(0) : k == 1 ? x : NULL;
	case IR_SHL: case IR_LSR: case IR_ASR: return k_right && !k ? x : NULL;
	case IR_DIVU: case IR_DIVS: return k_right && k == 1 ? x : NULL;
	default: return NULL;
	}
}

static void simplify_select(struct opt *o, struct ir_insn *in)
{
	struct ir_value *c = in->src1, *a = in->src2, *b = in->src3;
	unsigned long long k, ka, kb;

	if (is_const(c, &k))
		replace(o, in->target, k ? a : b);
	else if (a == b || (is_const(a, &ka) && is_const(b, &kb) && ka == kb))
		replace(o, in->target, a);
	else if (a == c && is_const(b, &kb) && !kb)
		replace(o, in->target, c);	/* c ? c : 0 */
}

/* A phi whose live ways all bring the same value is that value. */
static void simplify_phi(struct opt *o, struct ir_insn *in)
{
	struct ir_value *same = NULL;
	int i;

	for (i = 0; i < in->nphis; i++) {
		struct ir_insn *src = in->phis[i]->def;
		struct ir_value *v;

		if (!src || !src->bb)
			continue;	/* from a block nothing reaches */
		v = res(o, src->src);
		if (v == in->target)
			continue;
		if (same && v != same)
			return;
		same = v;
	}
	if (same)
		replace(o, in->target, same);
}

static void drop_succ(struct ir_block *bb, struct ir_block *to)
{
	int i, n;

	for (i = n = 0; i < bb->nsucc; i++)
		if (bb->succ[i] != to)
			bb->succ[n++] = bb->succ[i];
	bb->nsucc = n;
}

static void simplify(struct opt *o, struct ir_insn *in)
{
	unsigned long long a, b, v;
	struct ir_value *r;

	rewrite(o, in);
	if (ir_is_pass_through(in->op) && is_const(in->src, &a) &&
	    ir_fold_unary(in->op, in->src_size, a, &v)) {
		replace(o, in->target, ir_const(mask(v, in->size)));
	} else if (ir_is_binop(in->op)) {
		bool ka = is_const(in->src1, &a), kb = is_const(in->src2, &b);

		if (ka && kb && ir_fold_binary(in->op, in->size, a, b, &v))
			replace(o, in->target, ir_const(mask(v, in->size)));
		else if (kb && (r = identity(in, in->src1, b, true)))
			replace(o, in->target, r);
		else if (ka && in->op != IR_SUB && (r = identity(in, in->src2, a, false)))
			replace(o, in->target, r);
	} else if (ir_is_compare(in->op)) {
		if (is_const(in->src1, &a) && is_const(in->src2, &b))
			replace(o, in->target, ir_const(ir_fold_compare(in->op, in->src_size, a, b)));
		else if (in->src1 && in->src1 == in->src2 && in->src1->kind != IRV_UNDEF)
			replace(o, in->target, ir_const(ir_fold_compare(in->op, in->src_size, 0, 0)));
	} else if (in->op == IR_SEL) {
		simplify_select(o, in);
	} else if (in->op == IR_PHI) {
		simplify_phi(o, in);
	} else if (in->op == IR_CBR && is_const(in->cond, &a)) {
		struct ir_block *to = a ? in->bb_true : in->bb_false;

		if (in->bb_true != in->bb_false)
			drop_succ(in->bb, a ? in->bb_false : in->bb_true);
		in->op = IR_BR;
		in->bb_true = to;
		in->bb_false = NULL;
		in->cond = NULL;
		o->cfg_changed = true;
	}
}

/* The same address: one value, or the same variable. */
static bool same_addr(struct ir_value *a, struct ir_value *b)
{
	return a == b || (a && b && a->kind == IRV_SYM && b->kind == IRV_SYM && a->sym == b->sym);
}

/* May a store st write what load ld reads? (the same address: yes) */
static bool may_overlap(struct ir_insn *st, struct ir_insn *ld)
{
	struct ir_value *a = st->addr, *b = ld->addr;
	long long sa = st->offset, sb = ld->offset;
	long long ea = sa + (st->size > 0 ? (st->size + 7) / 8 : 1);
	long long eb = sb + (ld->size > 0 ? (ld->size + 7) / 8 : 1);

	if (same_addr(a, b))
		return sa < eb && sb < ea;
	/* two different variables do not overlap */
	if (a && b && a->kind == IRV_SYM && b->kind == IRV_SYM && a->sym != b->sym)
		return false;
	/* a function's own variable is written through its name only */
	if (b && b->kind == IRV_SYM && b->sym && b->sym->is_local &&
	    a && a->kind == IRV_SYM)
		return false;
	return true;
}

static struct ir_block **single_preds(struct ir_fn *fn);
static struct ir_block **preds_of(struct ir_fn *fn);

/* The value the last store to ld's place left there, if nothing since may have changed it. */
static struct ir_value *stored(struct ir_block **pred, struct ir_insn *ld)
{
	struct ir_block *bb = ld->bb;
	bool local = ld->addr && ld->addr->kind == IRV_SYM && ld->addr->sym &&
		     ld->addr->sym->is_local;
	int i, steps = 0;

	for (i = bb->ninsns - 1; i >= 0 && bb->insns[i] != ld; i--)
		;
	for (i--; steps < 64; steps++) {
		for (; i >= 0; i--) {
			struct ir_insn *in = bb->insns[i];

			if (!in->bb)
				continue;
			if (in->op == IR_STORE) {
				if (same_addr(in->addr, ld->addr) && in->offset == ld->offset &&
				    in->size == ld->size)
					return in->target;
				if (may_overlap(in, ld))
					return NULL;
			} else if ((in->op == IR_CALL && !local) || in->op == IR_ASM) {
				return NULL;
			}
		}
		bb = bb->index >= 0 ? pred[bb->index] : NULL;
		if (!bb)
			return NULL;
		i = bb->ninsns - 1;
	}
	return NULL;
}

static void forward_loads(struct opt *o)
{
	struct ir_fn *fn = o->fn;
	struct ir_block **pred = preds_of(fn);
	int b, i;

	for (b = 0; b < fn->nblocks; b++)
		for (i = 0; i < fn->blocks[b]->ninsns; i++) {
			struct ir_insn *in = fn->blocks[b]->insns[i];
			struct ir_value *v;

			if (in->bb && in->op == IR_LOAD && in->target && (v = stored(pred, in)))
				replace(o, in->target, res(o, v));
		}
	free(pred);
}

/* Blocks the entry no longer reaches leave the function. */
static void prune(struct ir_fn *fn)
{
	char *seen = calloc(fn->nblocks + 1, 1);
	struct ir_block **stack = malloc((fn->nblocks + 1) * sizeof(*stack));
	int n = 0, b, i, k;

	if (fn->entry && fn->entry->index >= 0) {
		seen[fn->entry->index] = 1;
		stack[n++] = fn->entry;
	}
	while (n) {
		struct ir_block *bb = stack[--n];

		for (i = 0; i < bb->nsucc; i++) {
			int s = bb->succ[i]->index;

			if (s >= 0 && !seen[s]) {
				seen[s] = 1;
				stack[n++] = bb->succ[i];
			}
		}
	}
	for (b = k = 0; b < fn->nblocks; b++) {
		struct ir_block *bb = fn->blocks[b];

		if (seen[b]) {
			fn->blocks[k++] = bb;
			continue;
		}
		for (i = 0; i < bb->ninsns; i++)
			bb->insns[i]->bb = NULL;
		bb->index = -1;
		bb->fn = NULL;
	}
	fn->nblocks = k;
	for (b = 0; b < fn->nblocks; b++)
		fn->blocks[b]->index = b;
	free(seen);
	free(stack);
}

/* A phi's ways from dropped blocks go (the checks follow every way). */
static void drop_dead_ways(struct ir_fn *fn)
{
	int b, i, k, n;

	for (b = 0; b < fn->nblocks; b++)
		for (i = 0; i < fn->blocks[b]->ninsns; i++) {
			struct ir_insn *in = fn->blocks[b]->insns[i];

			if (in->op != IR_PHI)
				continue;
			for (k = n = 0; k < in->nphis; k++)
				if (in->phis[k]->def && in->phis[k]->def->bb)
					in->phis[n++] = in->phis[k];
			in->nphis = n;
		}
}

static void compact(struct ir_fn *fn)
{
	int b, i, n;

	for (b = 0; b < fn->nblocks; b++) {
		struct ir_block *bb = fn->blocks[b];

		for (i = n = 0; i < bb->ninsns; i++)
			if (bb->insns[i]->bb == bb)
				bb->insns[n++] = bb->insns[i];
		bb->ninsns = n;
	}
}

/* Dead code: counted uses, and a worklist of what nothing uses. */
struct uses {
	struct ir_map count;		/* instruction -> number of uses */
	struct ir_insn **work;
	int nwork, capwork;
};

static intptr_t used(struct uses *u, struct ir_insn *d)
{
	return (intptr_t)ir_map_get(&u->count, d);
}

static void push_work(struct uses *u, struct ir_insn *d)
{
	if (u->nwork == u->capwork) {
		u->capwork = u->capwork ? u->capwork * 2 : 64;
		u->work = realloc(u->work, u->capwork * sizeof(*u->work));
	}
	u->work[u->nwork++] = d;
}

static void use(struct uses *u, struct ir_value *v, int by)
{
	struct ir_insn *d;

	if (!v || (v->kind != IRV_REG && v->kind != IRV_PHI) || !(d = v->def))
		return;
	ir_map_put(&u->count, d, (void *)(used(u, d) + by));
	if (by < 0 && used(u, d) == 0)
		push_work(u, d);
}

static void operands(struct uses *u, struct ir_insn *in, int by)
{
	int i;

	use(u, in->src, by);
	use(u, in->src2, by);
	use(u, in->src3, by);
	use(u, in->func, by);
	if (in->op == IR_STORE)
		use(u, in->target, by);
	for (i = 0; i < in->nargs; i++)
		use(u, in->args[i], by);
	for (i = 0; i < in->nphis; i++)
		use(u, in->phis[i], by);
}

/* Nothing but a value: arithmetic, a load, a phi (its sources go with it). */
static bool removable(struct ir_insn *in)
{
	return ir_is_pass_through(in->op) || ir_is_binop(in->op) || ir_is_compare(in->op) ||
	       in->op == IR_SEL || in->op == IR_LOAD || in->op == IR_OTHER || in->op == IR_PHI;
}

static void kill(struct uses *u, struct ir_insn *in)
{
	int i;

	if (!in->bb)
		return;
	in->bb = NULL;
	operands(u, in, -1);
	for (i = 0; in->op == IR_PHI && i < in->nphis; i++) {
		struct ir_insn *src = in->phis[i]->def;

		if (src && src->bb) {
			src->bb = NULL;
			operands(u, src, -1);
		}
	}
}

static void dead_code(struct ir_fn *fn)
{
	struct uses u = { 0 };
	int b, i;

	for (b = 0; b < fn->nblocks; b++)
		for (i = 0; i < fn->blocks[b]->ninsns; i++)
			operands(&u, fn->blocks[b]->insns[i], +1);
	for (b = 0; b < fn->nblocks; b++)
		for (i = 0; i < fn->blocks[b]->ninsns; i++) {
			struct ir_insn *in = fn->blocks[b]->insns[i];

			if (removable(in) && !used(&u, in))
				push_work(&u, in);
		}
	while (u.nwork) {
		struct ir_insn *in = u.work[--u.nwork];

		if (in->bb && removable(in) && !used(&u, in))
			kill(&u, in);
	}
	compact(fn);
	ir_map_free(&u.count);
	free(u.work);
}

/* If-conversion. A block with nothing to do but choose values and go on: */
static bool only_chooses(struct ir_block *bb)
{
	int i;

	for (i = 0; i < bb->ninsns; i++)
		if (bb->insns[i]->op != IR_PHISRC && bb->insns[i]->op != IR_BR &&
		    bb->insns[i]->op != IR_INLINED)
			return false;
	return bb->nsucc == 1;
}

static struct ir_insn *last(struct ir_block *bb)
{
	return bb->ninsns ? bb->insns[bb->ninsns - 1] : NULL;
}

/* Each block's one predecessor (NULL: none, or several). */
static struct ir_block **preds_of(struct ir_fn *fn)
{
	return single_preds(fn);
}

static struct ir_block **single_preds(struct ir_fn *fn)
{
	struct ir_block **pred = calloc(fn->nblocks + 1, sizeof(*pred));
	char *many = calloc(fn->nblocks + 1, 1);
	int b, s;

	for (b = 0; b < fn->nblocks; b++)
		for (s = 0; s < fn->blocks[b]->nsucc; s++) {
			int i = fn->blocks[b]->succ[s]->index;

			if (i < 0)
				continue;
			if (pred[i] && pred[i] != fn->blocks[b])
				many[i] = 1;
			pred[i] = fn->blocks[b];
		}
	for (b = 0; b < fn->nblocks; b++)
		if (many[b])
			pred[b] = NULL;
	free(many);
	return pred;
}

/*
 * The branch a way into a phi comes from: the way's block itself when
 * it branches (*arm NULL: its edge goes straight to the join), or the
 * block above a chain of blocks that only choose (*arm: the chain's
 * first block, where the branch's edge goes).
 */
static struct ir_block *branch_of(struct ir_block **pred, struct ir_block *way,
				  struct ir_block **arm)
{
	struct ir_block *b = way, *p;
	int steps = 0;

	*arm = NULL;
	if (!only_chooses(b))
		return b;
	for (; steps < 64; steps++) {
		p = b->index >= 0 ? pred[b->index] : NULL;
		if (!p)
			return NULL;
		if (!only_chooses(p)) {
			*arm = b;
			return p;
		}
		b = p;
	}
	return NULL;
}

/* Which edge of h's branch goes to `to`: 1 true, 0 false, -1 neither. */
static int edge_to(struct ir_block *h, struct ir_block *to)
{
	struct ir_insn *br = last(h);

	if (!br || br->op != IR_CBR || br->bb_true == br->bb_false)
		return -1;
	if (br->bb_true == to)
		return 1;
	if (br->bb_false == to)
		return 0;
	return -1;
}

static bool if_convert(struct opt *o, struct ir_block **pred, struct ir_insn *phi)
{
	struct ir_block *h1, *h2, *a1, *a2, *j = phi->bb;
	struct ir_insn *s1, *s2;
	int e1, e2;

	if (phi->nphis != 2 || !(s1 = phi->phis[0]->def) || !(s2 = phi->phis[1]->def) ||
	    !s1->bb || !s2->bb || s1->bb == s2->bb)
		return false;
	h1 = branch_of(pred, s1->bb, &a1);
	h2 = branch_of(pred, s2->bb, &a2);
	if (!h1 || h1 != h2)
		return false;
	e1 = edge_to(h1, a1 ? a1 : j);
	e2 = edge_to(h1, a2 ? a2 : j);
	if (e1 < 0 || e2 < 0 || e1 == e2)
		return false;
	phi->op = IR_SEL;
	phi->src1 = last(h1)->cond;
	phi->src2 = e1 ? s1->src : s2->src;
	phi->src3 = e1 ? s2->src : s1->src;
	phi->pos = (e1 ? s1 : s2)->pos;
	phi->phis = NULL;
	phi->nphis = 0;
	s1->bb = s2->bb = NULL;
	simplify_select(o, phi);
	return true;
}

static void simplify_all(struct opt *o)
{
	struct ir_fn *fn = o->fn;
	int b, i, rounds = 0;

	do {
		o->changed = o->cfg_changed = false;
		for (b = 0; b < fn->nblocks; b++)
			for (i = 0; i < fn->blocks[b]->ninsns; i++)
				if (fn->blocks[b]->insns[i]->bb)
					simplify(o, fn->blocks[b]->insns[i]);
		if (o->cfg_changed)
			prune(fn);
	} while ((o->changed || o->cfg_changed) && ++rounds < 32);
	for (b = 0; b < fn->nblocks; b++)
		for (i = 0; i < fn->blocks[b]->ninsns; i++) {
			struct ir_insn *in = fn->blocks[b]->insns[i];

			rewrite(o, in);
			/* what replaced a value: the phi sources carry it on */
			if (in->op == IR_PHISRC)
				in->src = res(o, in->src);
		}
	drop_dead_ways(fn);
}

void ir_optimize(struct ir_fn *fn)
{
	struct opt o = { fn };
	struct ir_block **pred;
	bool converted = true;
	int b, i;

	simplify_all(&o);
	forward_loads(&o);
	simplify_all(&o);
	dead_code(fn);
	pred = single_preds(fn);
	while (converted) {
		converted = false;
		for (b = 0; b < fn->nblocks; b++)
			for (i = 0; i < fn->blocks[b]->ninsns; i++) {
				struct ir_insn *in = fn->blocks[b]->insns[i];

				if (in->bb && in->op == IR_PHI && if_convert(&o, pred, in))
					converted = true;
			}
		compact(fn);
	}
	free(pred);
	simplify_all(&o);
	dead_code(fn);
	ir_map_free(&o.fwd);
}
