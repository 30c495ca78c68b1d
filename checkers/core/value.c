// SPDX-License-Identifier: GPL-2.0
/*
 * Evaluation on the SSA IR (ioir.h): the value of a condition when the
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
static unsigned long long unary_value(struct ir_insn *d,
				      unsigned long long a)
{
	switch (d->op) {
	case IR_ZEXT:
		if (d->src_size)
			a = mask_bits(a, d->src_size);
		break;
	case IR_SEXT:
		a = sext_bits(a, d->src_size);
		break;
	case IR_NOT:
		a = ~a;
		break;
	case IR_NEG:
		a = -a;
		break;
	default:	/* copies, casts and truncation keep the low bits */
		break;
	}
	return mask_bits(a, d->size);
}

static bool binop_value(struct ir_insn *d, unsigned long long a,
			unsigned long long b, unsigned long long *out)
{
	unsigned long long c;

	switch (d->op) {
	case IR_ADD: c = a + b; break;
	case IR_SUB: c = a - b; break;
	case IR_MUL: c = a * b; break;
	case IR_AND: c = a & b; break;
	case IR_OR: c = a | b; break;
	case IR_XOR: c = a ^ b; break;
	case IR_SHL: c = b < 64 ? a << b : 0; break;
	case IR_LSR: c = b < 64 ? mask_bits(a, d->size) >> b : 0; break;
	default: return false;
	}
	*out = mask_bits(c, d->size);
	return true;
}

/* Compared at the operands' width, signed or not by opcode. */
static bool compare_value(struct ir_insn *d, unsigned long long a,
			  unsigned long long b, unsigned long long *out)
{
	unsigned bits = d->src_size;
	long long sa, sb;

	a = mask_bits(a, bits);
	b = mask_bits(b, bits);
	sa = sext_bits(a, bits);
	sb = sext_bits(b, bits);
	switch (d->op) {
	case IR_SET_EQ: *out = a == b; break;
	case IR_SET_NE: *out = a != b; break;
	case IR_SET_LT: *out = sa < sb; break;
	case IR_SET_LE: *out = sa <= sb; break;
	case IR_SET_GT: *out = sa > sb; break;
	case IR_SET_GE: *out = sa >= sb; break;
	case IR_SET_B: *out = a < b; break;
	case IR_SET_BE: *out = a <= b; break;
	case IR_SET_A: *out = a > b; break;
	case IR_SET_AE: *out = a >= b; break;
	default: return false;
	}
	return true;
}

static bool eval_depth(struct ir_value *p, struct ir_value *t, unsigned long long tv,
		       unsigned long long *out, int depth)
{
	unsigned long long a, b;
	struct ir_insn *d;

	if (!p || depth > VALUE_DEPTH_LIMIT)
		return false;
	if (t && p == t) {
		*out = tv;
		return true;
	}
	if (p->kind == IRV_CONST) {
		*out = p->value;
		return true;
	}
	if (p->kind != IRV_REG || !(d = p->def) || !d->bb)
		return false;
	if (is_pass_through(d->op)) {
		if (!eval_depth(d->src, t, tv, &a, depth + 1))
			return false;
		*out = unary_value(d, a);
		return true;
	}
	if (d->op == IR_SEL)
		return eval_depth(d->src1, t, tv, &a, depth + 1) &&
		       eval_depth(a ? d->src2 : d->src3, t, tv, out, depth + 1);
	if (!is_binop(d->op) && !is_compare(d->op))
		return false;
	if (!eval_depth(d->src1, t, tv, &a, depth + 1) ||
	    !eval_depth(d->src2, t, tv, &b, depth + 1))
		return false;
	return is_binop(d->op) ? binop_value(d, a, b, out) :
				     compare_value(d, a, b, out);
}

bool eval_pseudo(struct ir_value *p, struct ir_value *t, unsigned long long tv,
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
