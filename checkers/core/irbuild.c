// SPDX-License-Identifier: GPL-2.0
/*
 * On-the-fly SSA construction over ioguard's IR (irbuild.h), after
 * Braun et al. (CC 2013): readVariable, writeVariable, sealBlock and
 * tryRemoveTrivialPhi, with removed phis forwarded instead of their uses
 * rewritten (irb_resolve(); irb_finish() rewrites every operand once).
 * A chain of single-predecessor blocks is walked in a loop, not by
 * recursion: inlined kernel code makes long ones.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "irbuild.h"

struct irb_block {
	struct ir_block **preds;
	int npreds, cappreds;
	int order;			/* placed as the order-th, or -1 */
	bool sealed, reached;
	struct irb_phi **phis;		/* created here; incomplete until sealed */
	int nphis, capphis;
};

struct irb_phi {
	struct ir_insn *insn;
	struct ir_value *result;
	struct ir_block *bb;
	int var;
	bool complete, dead;
	struct ir_value **ops;
	struct ir_pos *opos;
	struct ir_block **opred;
	int nops, capops;
	struct irb_phi **users;		/* phis with this one as an operand */
	int nusers, capusers;
	struct ir_pos pos;		/* where the phi's own value counts as written */
};

struct irb_def {
	int block, var;			/* block -1: empty slot */
	struct ir_value *v;
	struct ir_pos pos;
};

void *irb_grow(void *p, int n, int *cap, size_t elem)
{
	if (n < *cap)
		return p;
	*cap = *cap ? *cap * 2 : 4;
	p = realloc(p, *cap * elem);
	if (!p)
		abort();
	return p;
}

void irb_init(struct irb *b, struct ir_fn *fn)
{
	memset(b, 0, sizeof(*b));
	b->fn = fn;
}

struct ir_block *irb_block(struct irb *b)
{
	struct ir_block *bb = ir_new_block(b->fn);

	ir_list_block(b->fn, bb);
	b->info = irb_grow(b->info, b->ninfo, &b->capinfo, sizeof(*b->info));
	memset(&b->info[b->ninfo], 0, sizeof(*b->info));
	b->info[b->ninfo++].order = -1;
	return bb;
}

void irb_place(struct irb *b, struct ir_block *bb)
{
	if (bb->index >= 0 && bb->index < b->ninfo && b->info[bb->index].order < 0)
		b->info[bb->index].order = b->placed++;
}

/* Listing order: the entry, then as placed; never placed, as made. */
static struct irb *sort_b;

static long order_key(const struct ir_block *bb)
{
	int order = sort_b->info[bb->index].order;

	if (bb == sort_b->fn->entry)
		return -1;
	return order >= 0 ? order : (long)sort_b->placed + bb->index;
}

static int by_order(const void *x, const void *y)
{
	long a = order_key(*(struct ir_block *const *)x);
	long c = order_key(*(struct ir_block *const *)y);

	return a < c ? -1 : a > c;
}

static struct irb_block *info(struct irb *b, struct ir_block *bb)
{
	return &b->info[bb->index];
}

void irb_edge(struct irb *b, struct ir_block *from, struct ir_block *to)
{
	struct irb_block *t = info(b, to);

	ir_add_succ(from, to);
	t->preds = irb_grow(t->preds, t->npreds, &t->cappreds, sizeof(*t->preds));
	t->preds[t->npreds++] = from;
}

bool irb_sealed(struct irb *b, struct ir_block *bb)
{
	return info(b, bb)->sealed;
}

int irb_npreds(struct irb *b, struct ir_block *bb)
{
	return info(b, bb)->npreds;
}

bool irb_terminated(struct ir_block *bb)
{
	enum ir_op op;

	if (!bb->ninsns)
		return false;
	op = bb->insns[bb->ninsns - 1]->op;
	return op == IR_BR || op == IR_CBR || op == IR_SWITCH || op == IR_RET ||
	       op == IR_UNREACH;
}

int irb_var(struct irb *b, int bits)
{
	b->var_bits = irb_grow(b->var_bits, b->nvars, &b->capvars, sizeof(*b->var_bits));
	b->var_bits[b->nvars] = bits;
	return b->nvars++;
}

/* The defs table: open addressing on (block, variable). */
static size_t def_hash(int block, int var)
{
	uint64_t h = ((uint64_t)(unsigned)block << 32) | (unsigned)var;

	h *= 0x9e3779b97f4a7c15ULL;
	return (size_t)(h >> 17);
}

static struct irb_def *def_slot(struct irb *b, int block, int var)
{
	size_t i;

	if (!b->capdefs)
		return NULL;
	for (i = def_hash(block, var) & (b->capdefs - 1);; i = (i + 1) & (b->capdefs - 1)) {
		struct irb_def *d = &b->defs[i];

		if (d->block < 0 || (d->block == block && d->var == var))
			return d;
	}
}

static void def_put(struct irb *b, int block, int var, struct ir_value *v,
		    struct ir_pos pos)
{
	struct irb_def *d;

	if (2 * (b->ndefs + 1) > b->capdefs) {
		struct irb_def *old = b->defs;
		size_t n = b->capdefs, i;

		b->capdefs = n ? n * 2 : 256;
		b->defs = malloc(b->capdefs * sizeof(*b->defs));
		if (!b->defs)
			abort();
		for (i = 0; i < b->capdefs; i++)
			b->defs[i].block = -1;
		for (i = 0; i < n; i++)
			if (old[i].block >= 0)
				*def_slot(b, old[i].block, old[i].var) = old[i];
		free(old);
	}
	d = def_slot(b, block, var);
	if (d->block < 0)
		b->ndefs++;
	*d = (struct irb_def){ block, var, v, pos };
}

void irb_write(struct irb *b, int var, struct ir_block *bb, struct ir_value *v,
	       struct ir_pos pos)
{
	def_put(b, bb->index, var, v, pos);
}

struct ir_value *irb_resolve(struct irb *b, struct ir_value *v)
{
	struct ir_value *r;

	while (v && (r = ir_map_get(&b->fwd, v)))
		v = r;
	return v;
}

static struct irb_phi *new_phi(struct irb *b, struct ir_block *bb, int var)
{
	struct irb_block *in = info(b, bb);
	struct irb_phi *p = ir_alloc(sizeof(*p));

	p->insn = ir_new_insn(IR_PHI);
	p->insn->size = b->var_bits[var];
	p->result = ir_new_value(IRV_REG);
	p->result->def = p->insn;
	p->insn->target = p->result;
	p->bb = bb;
	p->var = var;
	ir_map_put(&b->phis, p->result, p);
	in->phis = irb_grow(in->phis, in->nphis, &in->capphis, sizeof(*in->phis));
	in->phis[in->nphis++] = p;
	return p;
}

static struct ir_value *read_var(struct irb *b, int var, struct ir_block *bb,
				 struct ir_pos *pos);

static struct ir_value *try_remove_trivial(struct irb *b, struct irb_phi *p)
{
	struct ir_value *same = NULL;
	int i;

	for (i = 0; i < p->nops; i++) {
		struct ir_value *op = irb_resolve(b, p->ops[i]);

		if (op == same || op == p->result)
			continue;
		if (same)
			return p->result;
		same = op;
	}
	if (!same)
		same = ir_new_value(IRV_UNDEF);
	p->dead = true;
	ir_map_put(&b->fwd, p->result, same);
	for (i = 0; i < p->nusers; i++)
		if (!p->users[i]->dead && p->users[i]->complete)
			try_remove_trivial(b, p->users[i]);
	return same;
}

static void add_operand(struct irb *b, struct irb_phi *p, struct ir_value *v,
			struct ir_pos pos, struct ir_block *pred)
{
	struct irb_phi *q;

	v = irb_resolve(b, v);
	p->ops = irb_grow(p->ops, p->nops, &p->capops, sizeof(*p->ops));
	p->opos = realloc(p->opos, p->capops * sizeof(*p->opos));
	p->opred = realloc(p->opred, p->capops * sizeof(*p->opred));
	p->ops[p->nops] = v;
	p->opos[p->nops] = pos;
	p->opred[p->nops++] = pred;
	if (!p->pos.file && pos.file)
		p->pos = pos;
	q = ir_map_get(&b->phis, v);
	if (q && q != p) {
		q->users = irb_grow(q->users, q->nusers, &q->capusers, sizeof(*q->users));
		q->users[q->nusers++] = p;
	}
}

static struct ir_value *add_operands(struct irb *b, struct irb_phi *p)
{
	struct irb_block *in = info(b, p->bb);
	int i;

	for (i = 0; i < in->npreds; i++) {
		struct ir_pos pos = { 0 };
		struct ir_value *v = read_var(b, p->var, in->preds[i], &pos);

		add_operand(b, p, v, pos, in->preds[i]);
	}
	p->complete = true;
	return try_remove_trivial(b, p);
}

static struct ir_value *read_var(struct irb *b, int var, struct ir_block *bb,
				 struct ir_pos *pos)
{
	struct ir_block **chain = NULL;
	int nchain = 0, capchain = 0, i;
	struct ir_value *v;
	struct ir_pos at = { 0 };

	for (;;) {
		struct irb_def *d = def_slot(b, bb->index, var);
		struct irb_block *in = info(b, bb);

		if (d && d->block >= 0) {
			v = d->v;
			at = d->pos;
			break;
		}
		if (!in->sealed) {
			struct irb_phi *p = new_phi(b, bb, var);

			v = p->result;
			def_put(b, bb->index, var, v, at);
			break;
		}
		if (in->npreds == 1) {
			chain = irb_grow(chain, nchain, &capchain, sizeof(*chain));
			chain[nchain++] = bb;
			bb = in->preds[0];
			continue;
		}
		if (in->npreds == 0) {
			v = ir_new_value(IRV_UNDEF);
			def_put(b, bb->index, var, v, at);
			break;
		}
		{
			struct irb_phi *p = new_phi(b, bb, var);

			def_put(b, bb->index, var, p->result, at);
			v = add_operands(b, p);
			at = p->pos;
			def_put(b, bb->index, var, v, at);
		}
		break;
	}
	v = irb_resolve(b, v);
	for (i = 0; i < nchain; i++)
		def_put(b, chain[i]->index, var, v, at);
	free(chain);
	if (pos)
		*pos = at;
	return v;
}

struct ir_value *irb_read(struct irb *b, int var, struct ir_block *bb)
{
	return read_var(b, var, bb, NULL);
}

void irb_seal(struct irb *b, struct ir_block *bb)
{
	struct irb_block *in = info(b, bb);
	int i;

	if (in->sealed)
		return;
	in->sealed = true;
	/* the phis read while it was open: complete them now */
	for (i = 0; i < in->nphis; i++)
		if (!in->phis[i]->complete && !in->phis[i]->dead)
			add_operands(b, in->phis[i]);
}

/* Which blocks the entry reaches. */
static void reach(struct irb *b)
{
	struct ir_block **stack;
	int n = 0, i;

	if (!b->fn->entry)
		return;
	stack = malloc((b->ninfo + 1) * sizeof(*stack));
	info(b, b->fn->entry)->reached = true;
	stack[n++] = b->fn->entry;
	while (n) {
		struct ir_block *bb = stack[--n];

		for (i = 0; i < bb->nsucc; i++)
			if (!info(b, bb->succ[i])->reached) {
				info(b, bb->succ[i])->reached = true;
				stack[n++] = bb->succ[i];
			}
	}
	free(stack);
}

/* Operands from blocks the entry does not reach go; phis may turn trivial. */
static void prune(struct irb *b)
{
	bool changed = true;
	int k, i, j;

	for (k = 0; k < b->ninfo; k++) {
		struct irb_block *in = &b->info[k];

		for (i = 0; in->reached && i < in->nphis; i++) {
			struct irb_phi *p = in->phis[i];

			for (j = 0; !p->dead && j < p->nops;) {
				if (info(b, p->opred[j])->reached) {
					j++;
					continue;
				}
				memmove(p->ops + j, p->ops + j + 1, (p->nops - j - 1) * sizeof(*p->ops));
				memmove(p->opos + j, p->opos + j + 1, (p->nops - j - 1) * sizeof(*p->opos));
				memmove(p->opred + j, p->opred + j + 1, (p->nops - j - 1) * sizeof(*p->opred));
				p->nops--;
			}
		}
	}
	while (changed) {
		changed = false;
		for (k = 0; k < b->ninfo; k++)
			for (i = 0; b->info[k].reached && i < b->info[k].nphis; i++) {
				struct irb_phi *p = b->info[k].phis[i];

				if (!p->dead && try_remove_trivial(b, p) != p->result)
					changed = true;
			}
	}
}

static void insert_before_end(struct ir_block *bb, struct ir_insn *insn)
{
	int at = irb_terminated(bb) ? bb->ninsns - 1 : bb->ninsns;

	ir_append(bb, insn);
	memmove(bb->insns + at + 1, bb->insns + at,
		(bb->ninsns - 1 - at) * sizeof(*bb->insns));
	bb->insns[at] = insn;
}

/* A live phi becomes the IR's: a phi source in each predecessor. */
static void emit_phi(struct irb *b, struct irb_phi *p)
{
	int i;

	for (i = 0; i < p->nops; i++) {
		struct ir_insn *src = ir_new_insn(IR_PHISRC);
		struct ir_value *way = ir_new_value(IRV_PHI);

		src->size = p->insn->size;
		src->src = irb_resolve(b, p->ops[i]);
		src->pos = p->opos[i];
		way->def = src;
		insert_before_end(p->opred[i], src);
		ir_push_phi(p->insn, way);
	}
	p->insn->pos = p->pos;
}

static void resolve_insn(struct irb *b, struct ir_insn *in)
{
	int i;

	in->src = irb_resolve(b, in->src);
	in->src2 = irb_resolve(b, in->src2);
	in->src3 = irb_resolve(b, in->src3);
	in->func = irb_resolve(b, in->func);
	if (in->op == IR_STORE)
		in->target = irb_resolve(b, in->target);
	for (i = 0; i < in->nargs; i++)
		in->args[i] = irb_resolve(b, in->args[i]);
}

void irb_finish(struct irb *b)
{
	struct ir_fn *fn = b->fn;
	struct ir_block **old = fn->blocks;
	int nold = fn->nblocks, k, i, live;

	for (k = 0; k < nold; k++)
		irb_seal(b, old[k]);
	reach(b);
	prune(b);
	for (k = 0; k < nold; k++) {
		struct irb_block *in = &b->info[k];

		for (i = 0; in->reached && i < in->nphis; i++)
			if (!in->phis[i]->dead)
				emit_phi(b, in->phis[i]);
	}
	fn->blocks = NULL;
	fn->nblocks = fn->cap = 0;
	for (k = 0; k < nold; k++) {
		struct ir_block *bb = old[k];
		struct irb_block *in = &b->info[k];

		if (!in->reached) {
			for (i = 0; i < bb->ninsns; i++)
				bb->insns[i]->bb = NULL;
			bb->fn = NULL;
			bb->index = -1;
			continue;
		}
		/* the phis first, then the block's own instructions */
		for (i = 0, live = 0; i < in->nphis; i++)
			live += !in->phis[i]->dead;
		if (live) {
			struct ir_insn **insns = ir_alloc((bb->ninsns + live) * sizeof(*insns));
			int n = 0;

			for (i = 0; i < in->nphis; i++)
				if (!in->phis[i]->dead) {
					insns[n++] = in->phis[i]->insn;
					in->phis[i]->insn->bb = bb;
				}
			memcpy(insns + n, bb->insns, bb->ninsns * sizeof(*insns));
			bb->insns = insns;
			bb->ninsns += live;
			bb->cap = bb->ninsns;
		}
	}
	{
		struct ir_block **live = malloc((nold + 1) * sizeof(*live));
		int n = 0;

		for (k = 0; k < nold; k++)
			if (b->info[k].reached)
				live[n++] = old[k];
		sort_b = b;
		qsort(live, n, sizeof(*live), by_order);
		for (k = 0; k < n; k++)
			ir_list_block(fn, live[k]);
		free(live);
	}
	for (k = 0; k < fn->nblocks; k++)
		for (i = 0; i < fn->blocks[k]->ninsns; i++)
			resolve_insn(b, fn->blocks[k]->insns[i]);
}

void irb_free(struct irb *b)
{
	int k, i;

	for (k = 0; k < b->ninfo; k++) {
		struct irb_block *in = &b->info[k];

		for (i = 0; i < in->nphis; i++) {
			free(in->phis[i]->ops);
			free(in->phis[i]->opos);
			free(in->phis[i]->opred);
			free(in->phis[i]->users);
		}
		free(in->preds);
		free(in->phis);
	}
	free(b->info);
	free(b->defs);
	free(b->var_bits);
	ir_map_free(&b->phis);
	ir_map_free(&b->fwd);
	memset(b, 0, sizeof(*b));
}
