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

static bool eval_depth(pseudo_t p, pseudo_t t, unsigned long long tv,
		       unsigned long long *out, int depth)
{
	unsigned long long a, b, c;
	struct instruction *d;
	unsigned bits;

	if (!p || depth > 24)
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

	switch (d->opcode) {
	case OP_COPY:
	case OP_PTRCAST:
	case OP_UTPTR:
	case OP_PTRTU:
	case OP_ZEXT:
	case OP_TRUNC:
		if (!eval_depth(d->src, t, tv, &a, depth + 1))
			return false;
		if (d->opcode == OP_ZEXT && d->orig_type)
			a = mask_bits(a, d->orig_type->bit_size);
		*out = mask_bits(a, d->size);
		return true;
	case OP_SEXT:
		if (!eval_depth(d->src, t, tv, &a, depth + 1))
			return false;
		bits = d->orig_type ? d->orig_type->bit_size : d->size;
		*out = mask_bits(sext_bits(a, bits), d->size);
		return true;
	case OP_NOT:
	case OP_NEG:
		if (!eval_depth(d->src, t, tv, &a, depth + 1))
			return false;
		*out = mask_bits(d->opcode == OP_NOT ? ~a : -a, d->size);
		return true;
	case OP_SEL:
		if (!eval_depth(d->src1, t, tv, &c, depth + 1))
			return false;
		return eval_depth(c ? d->src2 : d->src3, t, tv, out, depth + 1);
	default:
		break;
	}

	if (d->opcode >= OP_BINARY && d->opcode <= OP_BINARY_END) {
		if (!eval_depth(d->src1, t, tv, &a, depth + 1) ||
		    !eval_depth(d->src2, t, tv, &b, depth + 1))
			return false;
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
	if (d->opcode >= OP_BINCMP && d->opcode <= OP_BINCMP_END) {
		long long sa, sb;

		if (!eval_depth(d->src1, t, tv, &a, depth + 1) ||
		    !eval_depth(d->src2, t, tv, &b, depth + 1))
			return false;
		bits = d->itype ? d->itype->bit_size : 64;
		a = mask_bits(a, bits);
		b = mask_bits(b, bits);
		sa = sext_bits(a, bits);
		sb = sext_bits(b, bits);
		switch (d->opcode) {
		case OP_SET_EQ: c = a == b; break;
		case OP_SET_NE: c = a != b; break;
		case OP_SET_LT: c = sa < sb; break;
		case OP_SET_LE: c = sa <= sb; break;
		case OP_SET_GT: c = sa > sb; break;
		case OP_SET_GE: c = sa >= sb; break;
		case OP_SET_B: c = a < b; break;
		case OP_SET_BE: c = a <= b; break;
		case OP_SET_A: c = a > b; break;
		case OP_SET_AE: c = a >= b; break;
		default: return false;
		}
		*out = c;
		return true;
	}
	return false;
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
