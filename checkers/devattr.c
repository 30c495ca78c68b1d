// SPDX-License-Identifier: GPL-2.0
/*
 * What a protection's memory-type bits are made of, on sparse's IR.
 *
 * The spec's device-attr record gives a mask (arm64's AttrIndx field,
 * x86's PWT/PCD/PAT) and the values in it that mean device memory; both
 * are probes appended to the unit, like io-prot, so they fold with the
 * unit's own macros. A value is then followed back only in the bits
 * under the mask: a bit that reads a variable elsewhere (PTE_MAYBE_NG)
 * does not matter, `prot & ~MASK` clears the field, `| PTE_ATTRINDX(4)`
 * sets it, shifts move it, and a phi or select gives one alternative per
 * choice. Each alternative has the bits constants set and the bits its
 * sources may set (parameters, a call's result, "unknown": loads, asm),
 * which the summaries (devflow.c) resolve; the rest are known zeros. An
 * entry whose present bit is known clear (a swap or migration entry:
 * its type sits in the same bits) maps nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "devattr.h"

/* Alternatives, deduplicated; the first choice that made one is kept. */
static bool same_alt(const struct alt *a, const struct alt *b)
{
	return a->bits == b->bits && a->smask == b->smask && a->params == b->params &&
	       a->call == b->call && a->device == b->device && a->unknown == b->unknown;
}

static void add_alt(struct alts *s, const struct alt *a)
{
	int i;

	for (i = 0; i < s->n; i++)
		if (same_alt(&s->v[i], a))
			return;
	if (s->n == MAX_ALTS) {
		/* too many ways: the last one stands for the rest */
		s->v[MAX_ALTS - 1].unknown = true;
		s->v[MAX_ALTS - 1].smask = ~0ULL;
		return;
	}
	s->v[s->n++] = *a;
}

bool alts_union(struct alts *a, const struct alts *b)
{
	int i;

	for (i = 0; i < b->n; i++)
		add_alt(a, &b->v[i]);
	return a->n < MAX_ALTS;
}

/* What y adds to x besides bits: parameters, a result, a device value. */
static void merge_sources(struct alt *r, const struct alt *y)
{
	r->params |= y->params;
	if (!r->call)
		r->call = y->call;
	else if (y->call && y->call != r->call)
		r->unknown = true;	/* two results: not followed */
	if (!r->device)
		r->device = y->device;
	r->unknown |= y->unknown;
	if (!r->choice)
		r->choice = y->choice;
}

static struct alt or_alt(const struct alt *x, const struct alt *y)
{
	struct alt r = *x;

	r.bits = x->bits | y->bits;
	/* a bit some constant sets is set, whatever the sources say */
	r.smask = (x->smask | y->smask) & ~r.bits;
	merge_sources(&r, y);
	return r;
}

void alts_or(struct alts *out, const struct alts *a, const struct alts *b)
{
	struct alts r = { 0 };
	int i, j;

	for (i = 0; i < a->n; i++)
		for (j = 0; j < b->n; j++) {
			struct alt x = or_alt(&a->v[i], &b->v[j]);

			add_alt(&r, &x);
		}
	*out = r;
}

static void one(struct alts *out, struct alt a)
{
	out->n = 0;
	add_alt(out, &a);
}

static struct alt constant(unsigned long long v, unsigned long long mask)
{
	return (struct alt){ .bits = v & mask };
}

/* A value from elsewhere: any bit of the mask may come from it. */
static struct alt source(struct alt a, unsigned long long mask)
{
	a.smask = mask;
	return a;
}

static struct alt unknown(unsigned long long mask)
{
	return source((struct alt){ .unknown = true }, mask);
}

/* Is p one of the device values that did not fold (by its shape)? */
static int shape_device(struct tu *tu, pseudo_t p)
{
	struct devattr *a = tu->attr;
	struct instruction *d = p->def, *q;
	int i, k;

	for (i = 0; i < a->e->nvalues; i++) {
		if (!a->pseudo[i])
			continue;
		if (same_computation(p, a->pseudo[i]))
			return i + 1;
		/* x86's cachemode2protval(N): the same callee, the same constants */
		q = a->pseudo[i]->def;
		if (!d || !q || d->opcode != OP_CALL || q->opcode != OP_CALL ||
		    callee_ident(d) != callee_ident(q) || !callee_ident(d))
			continue;
		for (k = 0; call_arg(q, k); k++)
			if (!call_arg(d, k) || !same_computation(call_arg(d, k), call_arg(q, k)))
				break;
		if (!call_arg(q, k) && !call_arg(d, k))
			return i + 1;
	}
	return 0;
}

struct walk_ctx {
	struct tu *tu;
	unsigned long long full;	/* the record's mask and present bits */
	pseudo_t path[VALUE_DEPTH_LIMIT + 2];	/* phis being followed */
	int depth;
};

static void collect(struct walk_ctx *c, pseudo_t p, unsigned long long mask,
		    struct alts *out);

/*
 * x & y. A constant side keeps its ones and clears its zeros; a side
 * that only reads memory is a mask (x86's __default_kernel_pte_mask):
 * it can only clear bits, so the value is the other side.
 */
static struct alt and_alt(const struct alt *x, const struct alt *y)
{
	struct alt r;

	if (!x->params && !x->call && !x->device && (y->params || y->call || y->device)) {
		const struct alt *t = x;

		x = y;
		y = t;
	}
	if (y->unknown && !y->params && !y->call && !y->device)
		return *x;
	r = *x;
	r.bits = x->bits & y->bits;
	r.smask = (x->smask & (y->bits | y->smask)) | (y->smask & (x->bits | x->smask));
	r.smask &= ~r.bits;
	merge_sources(&r, y);
	return r;
}

static void collect_and(struct walk_ctx *c, struct instruction *d,
			unsigned long long mask, struct alts *out)
{
	struct alts a, b;
	int i, j;

	/* `prot & ~PTE_ATTRINDX_MASK`: only the bits the constant keeps */
	if (d->src2->type == PSEUDO_VAL || d->src1->type == PSEUDO_VAL) {
		pseudo_t v = d->src2->type == PSEUDO_VAL ? d->src2 : d->src1;
		unsigned long long k = v->value & mask;

		if (!k) {
			one(out, constant(0, mask));
			return;
		}
		collect(c, v == d->src2 ? d->src1 : d->src2, k, out);
		return;
	}
	collect(c, d->src1, mask, &a);
	collect(c, d->src2, mask, &b);
	out->n = 0;
	for (i = 0; i < a.n; i++)
		for (j = 0; j < b.n; j++) {
			struct alt x = and_alt(&a.v[i], &b.v[j]);

			add_alt(out, &x);
		}
}

/* x << k or x >> k by a constant: the field comes from shifted bits, and
 * the bits shifted in are zeros. */
static void collect_shift(struct walk_ctx *c, struct instruction *d,
			  unsigned long long mask, struct alts *out)
{
	unsigned long long k = d->src2->value, m;
	bool left = d->opcode == OP_SHL;
	int i;

	if (k >= 64) {
		one(out, constant(0, mask));
		return;
	}
	m = left ? mask >> k : mask << k;
	collect(c, d->src1, m, out);
	for (i = 0; i < out->n; i++) {
		struct alt *a = &out->v[i];

		a->bits = (left ? a->bits << k : a->bits >> k) & mask;
		a->smask = (left ? a->smask << k : a->smask >> k) & mask;
		/* a shifted parameter or result is not a protection */
		if (k && (a->params || a->call || a->device)) {
			a->params = 0;
			a->call = NULL;
			a->device = 0;
			a->unknown = true;
		}
	}
}

/*
 * A select or a phi: one alternative per way in. When they differ, each
 * remembers where it was chosen: the select, or the phi source (the
 * return or assignment that picked it).
 */
#define MAX_WAYS 16

static void collect_choice(struct walk_ctx *c, struct instruction *d,
			   unsigned long long mask, struct alts *out)
{
	struct alts part[MAX_WAYS];
	struct instruction *at[MAX_WAYS];
	unsigned long long v;
	int n = 0, i, k, j;
	pseudo_t phi;

	out->n = 0;
	if (d->opcode == OP_SEL) {
		if (eval_pseudo(d->src1, NULL, 0, &v)) {
			collect(c, v ? d->src2 : d->src3, mask, out);
			return;
		}
		collect(c, d->src2, mask, &part[n]);
		at[n++] = d;
		collect(c, d->src3, mask, &part[n]);
		at[n++] = d;
	} else {
		FOR_EACH_PTR(d->phi_list, phi) {
			if (phi == VOID || !phi->def || phi->def->opcode != OP_PHISOURCE)
				continue;
			if (n == MAX_WAYS) {
				alts_union(&part[n - 1], &(struct alts){ 1, { unknown(mask) } });
				continue;
			}
			collect(c, phi->def->phi_src, mask, &part[n]);
			at[n++] = phi->def;
		} END_FOR_EACH_PTR(phi);
	}
	for (k = 0; k < n; k++)
		alts_union(out, &part[k]);
	/* one way only: no choice to speak of */
	for (i = 0; out->n > 1 && i < out->n; i++)
		for (k = 0; !out->v[i].choice && k < n; k++)
			for (j = 0; j < part[k].n; j++)
				if (same_alt(&part[k].v[j], &out->v[i]))
					out->v[i].choice = at[k];
}

static void collect_binop(struct walk_ctx *c, struct instruction *d,
			  unsigned long long mask, struct alts *out)
{
	struct alts a, b;
	int i, j;

	collect(c, d->src1, mask, &a);
	collect(c, d->src2, mask, &b);
	if (d->opcode == OP_OR) {
		alts_or(out, &a, &b);
		return;
	}
	/* XOR and ADD: exact on constants, else no bit is known */
	out->n = 0;
	for (i = 0; i < a.n; i++)
		for (j = 0; j < b.n; j++) {
			struct alt x = a.v[i], y = b.v[j];

			if (alt_pure(&x) && alt_pure(&y)) {
				x.bits = (d->opcode == OP_XOR ? x.bits ^ y.bits : x.bits + y.bits) & mask;
			} else {
				merge_sources(&x, &y);
				x.bits = 0;
				x.smask = mask;
			}
			add_alt(out, &x);
		}
}

static void collect_not(struct walk_ctx *c, struct instruction *d,
			unsigned long long mask, struct alts *out)
{
	int i;

	collect(c, d->src, mask, out);
	for (i = 0; i < out->n; i++) {
		struct alt *a = &out->v[i];

		a->bits = ~a->bits & ~a->smask & mask;
		if (!alt_pure(a))
			a->unknown = true;
	}
}

static void collect_def(struct walk_ctx *c, pseudo_t p, unsigned long long mask,
			struct alts *out)
{
	struct instruction *d = p->def;
	int dev;

	if (!d || !d->bb) {
		one(out, unknown(mask));
		return;
	}
	if (c->tu->attr && (dev = shape_device(c->tu, p))) {
		one(out, source((struct alt){ .device = dev }, mask));
		return;
	}
	if (is_pass_through(d->opcode) && d->opcode != OP_NOT && d->opcode != OP_NEG) {
		collect(c, d->src, mask, out);
		return;
	}
	switch (d->opcode) {
	case OP_NOT:
		collect_not(c, d, mask, out);
		return;
	case OP_OR: case OP_XOR: case OP_ADD:
		collect_binop(c, d, mask, out);
		return;
	case OP_AND:
		collect_and(c, d, mask, out);
		return;
	case OP_SHL: case OP_LSR: case OP_ASR:
		if (d->src2->type == PSEUDO_VAL) {
			collect_shift(c, d, mask, out);
			return;
		}
		break;
	case OP_SEL: case OP_PHI:
		collect_choice(c, d, mask, out);
		return;
	case OP_CALL:
		one(out, source((struct alt){ .call = d }, mask));
		return;
	default:
		break;
	}
	one(out, unknown(mask));
}

static void collect(struct walk_ctx *c, pseudo_t p, unsigned long long mask,
		    struct alts *out)
{
	int i;

	out->n = 0;
	if (!p || !mask) {
		one(out, constant(0, mask));
		return;
	}
	switch (p->type) {
	case PSEUDO_VAL:
		one(out, constant(p->value, mask));
		return;
	case PSEUDO_ARG:
		/* a parameter counts where its field is the value's own */
		if (mask == c->full && p->nr >= 1 && p->nr <= 64)
			one(out, source((struct alt){ .params = 1ULL << (p->nr - 1) }, mask));
		else
			one(out, unknown(mask));
		return;
	case PSEUDO_REG:
	case PSEUDO_PHI:
		break;
	default:
		one(out, unknown(mask));
		return;
	}
	if (c->depth > VALUE_DEPTH_LIMIT) {
		one(out, unknown(mask));
		return;
	}
	/* a loop's phi reached again adds nothing new */
	for (i = 0; i < c->depth; i++)
		if (c->path[i] == p)
			return;
	c->path[c->depth++] = p;
	if (p->type == PSEUDO_PHI)
		collect(c, p->def && p->def->opcode == OP_PHISOURCE ?
			   p->def->phi_src : NULL, mask, out);
	else
		collect_def(c, p, mask, out);
	c->depth--;
}

void attr_alts(struct tu *tu, pseudo_t p, struct alts *out)
{
	struct walk_ctx c = { tu };

	/* without a record here, parameters and results are still followed */
	c.full = tu->attr && tu->attr->mask ? tu->attr->mask | tu->attr->present : ~0ULL;
	collect(&c, p, c.full, out);
}

int alt_device(struct tu *tu, const struct alt *a)
{
	struct devattr *at = tu->attr;
	unsigned long long m;
	int i;

	if (!at || !at->mask || a->params || a->call)
		return -1;
	/* an entry whose present bit is known clear maps nothing (swap entries) */
	if (at->present && !(at->present & (a->bits | a->smask)))
		return -1;
	if (a->device)
		return a->device - 1;
	m = at->mask;
	if (a->smask & m)
		return -1;	/* the memory type is not known */
	for (i = 0; i < at->e->nvalues; i++)
		if (at->known[i] && (at->value[i] & m) && (at->value[i] & m) == (a->bits & m))
			return i;
	return -1;
}

bool alt_carries(struct tu *tu, const struct alt *a)
{
	/* a parameter whose memory type a constant replaced carries none */
	return !tu->attr || !tu->attr->mask || (a->smask & tu->attr->mask);
}
