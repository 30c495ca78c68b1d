// SPDX-License-Identifier: GPL-2.0
/*
 * Instructions as the lowering builds them (clang-lower.h): each of the
 * width clang gives its type, folded when its operands are constants,
 * with the IR's own arithmetic (core/iropt.c's ir_fold_*), so that
 * macros such as FIXMAP_PAGE_IO end up as the constant the spec's probe
 * returns and a constant condition becomes a plain branch; and C's
 * conversions.
 */
#include "clang-lower.h"
#include "../core/iropt.h"

struct ir_insn *append(struct lower *L, struct ir_insn *insn)
{
	if (L->cur) {
		irb_place(&L->b, L->cur);
		ir_append(L->cur, insn);
	}
	return insn;
}

/* A constant as C holds it in its type, in 64 bits. */
unsigned long long const_norm(unsigned long long v, int bits, bool is_signed)
{
	if (bits <= 0 || bits >= 64)
		return v;
	v &= (1ULL << bits) - 1;
	if (is_signed && ((v >> (bits - 1)) & 1))
		v |= ~0ULL << bits;
	return v;
}

struct ir_value *result_of(struct ir_insn *insn)
{
	insn->target = ir_new_value(IRV_REG);
	insn->target->def = insn;
	return insn->target;
}

struct ir_value *opaque(struct lower *L, int bits, struct ir_pos pos)
{
	struct ir_insn *insn = ir_new_insn(IR_OTHER);

	insn->size = bits;
	insn->pos = pos;
	append(L, insn);
	return result_of(insn);
}

struct ir_value *undef_value(void)
{
	return ir_new_value(IRV_UNDEF);
}

/* One instruction of t's width; src_bits for the extensions. */
struct ir_value *emit_ext(struct lower *L, enum ir_op op, struct tinfo t,
				 int src_bits, struct ir_value *a, struct ir_value *b,
				 struct ir_pos pos)
{
	struct ir_insn *insn;
	unsigned long long v;

	if (!a || (ir_is_binop(op) && !b))
		return undef_value();
	if (a->kind == IRV_CONST && ir_is_pass_through(op) &&
	    ir_fold_unary(op, src_bits, a->value, &v))
		return ir_const(const_norm(v, t.bits, t.is_signed));
	if (a->kind == IRV_CONST && b && b->kind == IRV_CONST && ir_is_binop(op) &&
	    ir_fold_binary(op, t.bits, a->value, b->value, &v))
		return ir_const(const_norm(v, t.bits, t.is_signed));
	insn = ir_new_insn(op);
	insn->size = t.bits;
	insn->src_size = src_bits;
	insn->src1 = a;
	insn->src2 = b;
	insn->pos = pos;
	append(L, insn);
	return result_of(insn);
}

struct ir_value *emit(struct lower *L, enum ir_op op, struct tinfo t,
		      struct ir_value *a, struct ir_value *b, struct ir_pos pos)
{
	return emit_ext(L, op, t, t.bits, a, b, pos);
}

struct ir_value *emit_cmp(struct lower *L, enum ir_op op, int src_bits,
			  struct ir_value *a, struct ir_value *b, struct ir_pos pos)
{
	struct ir_insn *insn;

	if (!a || !b)
		return undef_value();
	if (a->kind == IRV_CONST && b->kind == IRV_CONST)
		return ir_const(ir_fold_compare(op, src_bits, a->value, b->value));
	insn = ir_new_insn(op);
	insn->size = 32;
	insn->src_size = src_bits;
	insn->src1 = a;
	insn->src2 = b;
	insn->pos = pos;
	append(L, insn);
	return result_of(insn);
}

bool eval_int(CXCursor e, long long *out)
{
	CXEvalResult r = clang_Cursor_Evaluate(e);
	bool ok = false;

	if (!r)
		return false;
	if (clang_EvalResult_getKind(r) == CXEval_Int) {
		*out = clang_EvalResult_isUnsignedInt(r) ?
		       (long long)clang_EvalResult_getAsUnsigned(r) :
		       clang_EvalResult_getAsLongLong(r);
		ok = true;
	}
	clang_EvalResult_dispose(r);
	return ok;
}

struct tinfo int_type(int bits, bool is_signed)
{
	return (struct tinfo){ T_INT, bits, is_signed, false, false };
}

struct ir_value *constant_of(CXCursor e)
{
	struct tinfo t = type_info(clang_getCursorType(e));
	long long v;

	if (!eval_int(e, &v))
		return NULL;
	return ir_const(const_norm((unsigned long long)v, t.bits, t.is_signed));
}

struct ir_value *convert(struct lower *L, struct ir_value *v, CXType from, CXType to,
			 struct ir_pos pos)
{
	struct tinfo tf = type_info(from), tt = type_info(to);

	if (tt.kind == T_VOID)
		return NULL;
	if (!v)
		return undef_value();
	if (tt.is_bool && !tf.is_bool && (tf.kind == T_INT || tf.kind == T_PTR)) {
		struct ir_value *nz = emit_cmp(L, IR_SET_NE, tf.bits, v, ir_const(0), pos);

		return nz->kind == IRV_CONST ? nz : emit_ext(L, IR_TRUNC, tt, 32, nz, NULL, pos);
	}
	if (tf.kind == T_INT && tt.kind == T_INT) {
		if (tt.bits < tf.bits)
			return emit_ext(L, IR_TRUNC, tt, tf.bits, v, NULL, pos);
		if (tt.bits > tf.bits)
			return emit_ext(L, tf.is_signed ? IR_SEXT : IR_ZEXT, tt, tf.bits, v, NULL, pos);
		if (v->kind == IRV_CONST)
			return ir_const(const_norm(v->value, tt.bits, tt.is_signed));
		return v;
	}
	if (tf.kind == T_INT && tt.kind == T_PTR) {
		if (tf.bits < tt.bits)
			v = emit_ext(L, tf.is_signed ? IR_SEXT : IR_ZEXT, int_type(tt.bits, false),
				     tf.bits, v, NULL, pos);
		return emit_ext(L, IR_UTPTR, tt, tt.bits, v, NULL, pos);
	}
	if (tf.kind == T_PTR && tt.kind == T_INT) {
		v = emit_ext(L, IR_PTRTU, int_type(tf.bits, false), tf.bits, v, NULL, pos);
		if (tt.bits < tf.bits)
			return emit_ext(L, IR_TRUNC, tt, tf.bits, v, NULL, pos);
		return v;
	}
	if (tf.kind == T_PTR && tt.kind == T_PTR)
		return v;
	if (tf.kind == T_FLOAT || tt.kind == T_FLOAT)
		return v->kind == IRV_CONST && tt.kind != T_FLOAT ? v : opaque(L, tt.bits, pos);
	return v;
}
