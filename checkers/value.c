// SPDX-License-Identifier: GPL-2.0
/*
 * Evaluation on sparse's SSA IR: the value of a condition when the
 * mapping's result is a representative success or failure value.
 */
#include "unit.h"

static unsigned long long mask_bits(unsigned long long v, unsigned bits)
{
	return bits >= 64 || bits == 0 ? v : v & ((1ULL << bits) - 1);
}

static long long sext_bits(unsigned long long v, unsigned bits)
{
	if (bits == 0 || bits >= 64)
		return (long long)v;
	v = mask_bits(v, bits);
	if (v & (1ULL << (bits - 1)))
		v |= ~0ULL << bits;
	return (long long)v;
}

/* The result of a pass-through instruction d whose source is a. */
static unsigned long long unary_value(struct instruction *d,
				      unsigned long long a)
{
	switch (d->opcode) {
	case OP_ZEXT:
		if (d->orig_type)
			a = mask_bits(a, d->orig_type->bit_size);
		break;
	case OP_SEXT:
		a = sext_bits(a, d->orig_type ? d->orig_type->bit_size :
						d->size);
		break;
	case OP_NOT:
		a = ~a;
		break;
	case OP_NEG:
		a = -a;
		break;
	default:	/* copies, casts and truncation keep the low bits */
		break;
	}
	return mask_bits(a, d->size);
}

static bool binop_value(struct instruction *d, unsigned long long a,
			unsigned long long b, unsigned long long *out)
{
	unsigned long long c;

	switch (d->opcode) {
	case OP_ADD: c = a + b; break;
	case OP_SUB: c = a - b; break;
	case OP_MUL: c = a * b; break;
	case OP_AND: c = a & b; break;
	case OP_OR: c = a | b; break;
	case OP_XOR: c = a ^ b; break;
	case OP_SHL: c = b < 64 ? a << b : 0; break;
	case OP_LSR: c = b < 64 ? mask_bits(a, d->size) >> b : 0; break;
	default: return false;
	}
	*out = mask_bits(c, d->size);
	return true;
}

/* Compared at the operands' width (itype), signed or not by opcode. */
static bool compare_value(struct instruction *d, unsigned long long a,
			  unsigned long long b, unsigned long long *out)
{
	unsigned bits = d->itype ? d->itype->bit_size : 64;
	long long sa, sb;

	a = mask_bits(a, bits);
	b = mask_bits(b, bits);
	sa = sext_bits(a, bits);
	sb = sext_bits(b, bits);
	switch (d->opcode) {
	case OP_SET_EQ: *out = a == b; break;
	case OP_SET_NE: *out = a != b; break;
	case OP_SET_LT: *out = sa < sb; break;
	case OP_SET_LE: *out = sa <= sb; break;
	case OP_SET_GT: *out = sa > sb; break;
	case OP_SET_GE: *out = sa >= sb; break;
	case OP_SET_B: *out = a < b; break;
	case OP_SET_BE: *out = a <= b; break;
	case OP_SET_A: *out = a > b; break;
	case OP_SET_AE: *out = a >= b; break;
	default: return false;
	}
	return true;
}

static bool eval_depth(pseudo_t p, pseudo_t t, unsigned long long tv,
		       unsigned long long *out, int depth)
{
	unsigned long long a, b;
	struct instruction *d;

	if (!p || depth > VALUE_DEPTH_LIMIT)
		return false;
	if (t && p == t) {
		*out = tv;
		return true;
	}
	if (p->type == PSEUDO_VAL) {
		*out = p->value;
		return true;
	}
	if (p->type != PSEUDO_REG || !(d = p->def) || !d->bb)
		return false;
	if (is_pass_through(d->opcode)) {
		if (!eval_depth(d->src, t, tv, &a, depth + 1))
			return false;
		*out = unary_value(d, a);
		return true;
	}
	if (d->opcode == OP_SEL)
		return eval_depth(d->src1, t, tv, &a, depth + 1) &&
		       eval_depth(a ? d->src2 : d->src3, t, tv, out, depth + 1);
	if (!is_binop(d->opcode) && !is_compare(d->opcode))
		return false;
	if (!eval_depth(d->src1, t, tv, &a, depth + 1) ||
	    !eval_depth(d->src2, t, tv, &b, depth + 1))
		return false;
	return is_binop(d->opcode) ? binop_value(d, a, b, out) :
				     compare_value(d, a, b, out);
}

bool eval_pseudo(pseudo_t p, pseudo_t t, unsigned long long tv,
		 unsigned long long *out)
{
	return eval_depth(p, t, tv, out, 0);
}

unsigned long long status_value(enum spec_success s, enum status st)
{
	if (s == SUCCESS_NONNULL)
		/* a plausible kernel virtual address, and NULL */
		return st == ST_SUCCESS ? 0xffff800010000000ULL : 0;
	/* 0, and -EINVAL */
	return st == ST_SUCCESS ? 0 : (unsigned long long)-22LL;
}
