// SPDX-License-Identifier: GPL-2.0
/*
 * Expressions to IR values (clang-lower.h). clang's AST has every
 * implicit conversion as a node of its own, so a value is lowered in
 * the type clang gave it: an lvalue is read where clang converts it to
 * an rvalue (clang-lvalue.c), an array where it decays, and so on.
 * Operators, choices (?:, ?: with one operand, && and || as values),
 * casts, initializers; calls are clang-call.c's.
 */
#include <stdlib.h>
#include <string.h>

#include "clang-lower.h"

/* The expression children of e. */
int expr_kids(CXCursor e, struct kids *k)
{
	int i, n = 0;

	kids_of(e, k);
	for (i = 0; i < k->n; i++)
		if (clang_isExpression(clang_getCursorKind(k->v[i])))
			k->v[n++] = k->v[i];
	k->n = n;
	return n;
}

void discard(struct lower *L, CXCursor e)
{
	if (clang_isExpression(clang_getCursorKind(e)))
		rvalue(L, e);
}

/* Evaluate the children for what they do; the value is not followed. */
struct ir_value *opaque_of(struct lower *L, CXCursor e)
{
	struct ir_value *c = constant_of(e);
	struct kids k;
	int i;

	if (c)
		return c;
	expr_kids(e, &k);
	for (i = 0; i < k.n; i++)
		discard(L, k.v[i]);
	kids_free(&k);
	return opaque(L, type_info(clang_getCursorType(e)).bits, pos_of(L, e));
}

static struct ir_value *implicit_cast(struct lower *L, CXCursor e)
{
	struct kids k;
	CXCursor c;
	struct ir_value *v;

	if (expr_kids(e, &k) != 1) {
		kids_free(&k);
		return opaque_of(L, e);
	}
	c = k.v[0];
	kids_free(&k);
	if (abi_is_lvalue(c)) {
		struct lval lv = lvalue(L, c);

		v = read_lvalue(L, c, &lv);
		if (type_is_array(lv.type) ||
		    clang_getCanonicalType(lv.type).kind == CXType_FunctionProto ||
		    clang_getCanonicalType(lv.type).kind == CXType_FunctionNoProto)
			return v;
	} else {
		v = rvalue(L, c);
	}
	return convert(L, v, clang_getCursorType(c), clang_getCursorType(e), pos_of(L, e));
}

/* a ?: b */
static struct ir_value *bincond(struct lower *L, CXCursor e)
{
	struct tinfo t = type_info(clang_getCursorType(e));
	struct ir_block *f, *j;
	struct ir_value *v, *w;
	struct kids k;
	int var;

	if (expr_kids(e, &k) < 2) {
		kids_free(&k);
		return opaque_of(L, e);
	}
	v = rvalue(L, k.v[0]);
	v = convert(L, v, clang_getCursorType(k.v[0]), clang_getCursorType(e), pos_of(L, e));
	if (v->kind == IRV_CONST) {
		if (v->value) {
			kids_free(&k);
			return v;
		}
		w = rvalue(L, k.v[k.n - 1]);
		kids_free(&k);
		return w;
	}
	var = irb_var(&L->b, t.bits);
	f = irb_block(&L->b);
	j = irb_block(&L->b);
	if (L->cur) {
		struct ir_insn *br = ir_new_insn(IR_CBR);

		irb_write(&L->b, var, L->cur, v, pos_of(L, e));
		br->cond = v;
		br->bb_true = j;
		br->bb_false = f;
		br->pos = pos_of(L, e);
		append(L, br);
		irb_edge(&L->b, L->cur, j);
		irb_edge(&L->b, L->cur, f);
	}
	irb_seal(&L->b, f);
	L->cur = f;
	w = rvalue(L, k.v[k.n - 1]);
	kids_free(&k);
	if (L->cur)
		irb_write(&L->b, var, L->cur, w, pos_of(L, e));
	branch(L, j);
	irb_seal(&L->b, j);
	L->cur = j;
	return irb_read(&L->b, var, j);
}

/* Expressions that may be evaluated on both sides of a ?: at once. */
bool simple(CXCursor e, int depth)
{
	struct kids k;
	bool ok = true;
	int i;

	if (depth > 16)
		return false;
	switch (clang_getCursorKind(e)) {
	case CXCursor_IntegerLiteral: case CXCursor_CharacterLiteral:
	case CXCursor_DeclRefExpr: case CXCursor_UnaryExpr: case CXCursor_StringLiteral:
		return true;
	case CXCursor_UnaryOperator:
		switch (abi_unop(e)) {
		case U_POSTINC: case U_POSTDEC: case U_PREINC: case U_PREDEC:
			return false;
		default:
			break;
		}
		break;
	case CXCursor_BinaryOperator:
		switch (abi_binop(e)) {
		case B_LAND: case B_LOR: case B_ASSIGN: case B_COMMA:
			return false;
		default:
			break;
		}
		break;
	case CXCursor_ParenExpr: case CXCursor_MemberRefExpr: case CXCursor_ArraySubscriptExpr:
	case CXCursor_CStyleCastExpr: case CXCursor_ConditionalOperator:
	case CXCursor_CompoundLiteralExpr: case CXCursor_InitListExpr:
		break;
	case CXCursor_UnexposedExpr:
		if (abi_unexposed(e) != X_IMPLICIT_CAST)
			return false;
		break;
	default:
		return false;
	}
	expr_kids(e, &k);
	for (i = 0; ok && i < k.n; i++)
		ok = simple(k.v[i], depth + 1);
	kids_free(&k);
	return ok;
}

static struct ir_value *conditional(struct lower *L, CXCursor e)
{
	CXType type = clang_getCursorType(e);
	struct tinfo t = type_info(type);
	struct ir_block *bt, *bf, *j;
	struct ir_value *c, *a, *b;
	struct kids k;
	long long cv;
	int var = -1;

	if (expr_kids(e, &k) != 3) {
		kids_free(&k);
		return opaque_of(L, e);
	}
	if (eval_int(k.v[0], &cv)) {
		a = rvalue(L, cv ? k.v[1] : k.v[2]);
		a = convert(L, a, clang_getCursorType(cv ? k.v[1] : k.v[2]), type, pos_of(L, e));
		kids_free(&k);
		return a;
	}
	if (t.kind != T_VOID && simple(k.v[1], 0) && simple(k.v[2], 0)) {
		struct ir_insn *sel;

		c = rvalue(L, k.v[0]);
		a = convert(L, rvalue(L, k.v[1]), clang_getCursorType(k.v[1]), type, pos_of(L, e));
		b = convert(L, rvalue(L, k.v[2]), clang_getCursorType(k.v[2]), type, pos_of(L, e));
		kids_free(&k);
		if (c->kind == IRV_CONST)
			return c->value ? a : b;
		sel = ir_new_insn(IR_SEL);
		sel->size = t.bits;
		sel->src1 = c;
		sel->src2 = a;
		sel->src3 = b;
		sel->pos = pos_of(L, e);
		append(L, sel);
		return result_of(sel);
	}
	bt = irb_block(&L->b);
	bf = irb_block(&L->b);
	j = irb_block(&L->b);
	if (t.kind != T_VOID && t.kind != T_AGG)
		var = irb_var(&L->b, t.bits);
	lower_cond(L, k.v[0], bt, bf);
	irb_seal(&L->b, bt);
	irb_seal(&L->b, bf);
	L->cur = bt;
	a = convert(L, rvalue(L, k.v[1]), clang_getCursorType(k.v[1]), type, pos_of(L, k.v[1]));
	if (var >= 0 && L->cur && a)
		irb_write(&L->b, var, L->cur, a, pos_of(L, k.v[1]));
	branch(L, j);
	L->cur = bf;
	b = convert(L, rvalue(L, k.v[2]), clang_getCursorType(k.v[2]), type, pos_of(L, k.v[2]));
	if (var >= 0 && L->cur && b)
		irb_write(&L->b, var, L->cur, b, pos_of(L, k.v[2]));
	branch(L, j);
	kids_free(&k);
	irb_seal(&L->b, j);
	L->cur = j;
	if (var < 0)
		return t.kind == T_VOID ? NULL : opaque(L, t.bits, pos_of(L, e));
	return irb_read(&L->b, var, j);
}

/* && and || as values: 0 or 1. */
static struct ir_value *logical(struct lower *L, CXCursor e)
{
	struct ir_block *t = irb_block(&L->b), *f = irb_block(&L->b), *j = irb_block(&L->b);
	int var = irb_var(&L->b, 32);

	lower_cond(L, e, t, f);
	irb_seal(&L->b, t);
	irb_seal(&L->b, f);
	L->cur = t;
	if (L->cur)
		irb_write(&L->b, var, t, ir_const(1), pos_of(L, e));
	branch(L, j);
	L->cur = f;
	irb_write(&L->b, var, f, ir_const(0), pos_of(L, e));
	branch(L, j);
	irb_seal(&L->b, j);
	L->cur = j;
	return irb_read(&L->b, var, j);
}

static enum ir_op arith_op(enum bop op, bool is_signed)
{
	switch (op) {
	case B_MUL: case B_MULA: return IR_MUL;
	case B_DIV: case B_DIVA: return is_signed ? IR_DIVS : IR_DIVU;
	case B_REM: case B_REMA: return is_signed ? IR_MODS : IR_MODU;
	case B_ADD: case B_ADDA: return IR_ADD;
	case B_SUB: case B_SUBA: return IR_SUB;
	case B_SHL: case B_SHLA: return IR_SHL;
	case B_SHR: case B_SHRA: return is_signed ? IR_ASR : IR_LSR;
	case B_AND: case B_ANDA: return IR_AND;
	case B_XOR: case B_XORA: return IR_XOR;
	case B_OR: case B_ORA: return IR_OR;
	default: return IR_OTHER;
	}
}

/* a op b in type t, with pointer arithmetic scaled. */
static struct ir_value *arith(struct lower *L, enum bop op, CXType ta, CXType tb,
			      CXType tr, struct ir_value *a, struct ir_value *b,
			      struct ir_pos pos)
{
	struct tinfo ia = type_info(ta), ib = type_info(tb), ir = type_info(tr);
	enum ir_op o = arith_op(op, ir.is_signed);
	long long size;

	if (o == IR_OTHER)
		return opaque(L, ir.bits, pos);
	if (ia.kind == T_PTR && ib.kind == T_PTR && (o == IR_SUB)) {
		struct ir_value *d = emit(L, IR_SUB, int_type(64, true), a, b, pos);

		size = pointee_size(ta);
		return size == 1 ? d : emit(L, IR_DIVS, int_type(64, true), d, ir_const(size), pos);
	}
	if (ib.kind == T_PTR && ia.kind == T_INT && o == IR_ADD) {
		struct ir_value *x = a;
		CXType tx = ta;

		a = b;
		b = x;
		ta = tb;
		tb = tx;
		ia = type_info(ta);
		ib = type_info(tb);
	}
	if (ia.kind == T_PTR && ib.kind == T_INT && (o == IR_ADD || o == IR_SUB)) {
		size = pointee_size(ta);
		if (ib.bits < 64)
			b = emit_ext(L, ib.is_signed ? IR_SEXT : IR_ZEXT, int_type(64, ib.is_signed),
				     ib.bits, b, NULL, pos);
		if (size != 1)
			b = emit(L, IR_MUL, int_type(64, false), b, ir_const(size), pos);
		return emit(L, o, ia, a, b, pos);
	}
	if (ia.kind == T_FLOAT || ir.kind == T_FLOAT)
		return opaque(L, ir.bits, pos);
	return emit(L, o, ir, a, b, pos);
}

static enum ir_op cmp_op(enum bop op, bool is_signed)
{
	switch (op) {
	case B_LT: return is_signed ? IR_SET_LT : IR_SET_B;
	case B_GT: return is_signed ? IR_SET_GT : IR_SET_A;
	case B_LE: return is_signed ? IR_SET_LE : IR_SET_BE;
	case B_GE: return is_signed ? IR_SET_GE : IR_SET_AE;
	case B_EQ: return IR_SET_EQ;
	default: return IR_SET_NE;
	}
}

static struct ir_value *binary(struct lower *L, CXCursor e)
{
	enum bop op = abi_binop(e);
	CXType type = clang_getCursorType(e);
	struct ir_pos pos = pos_of(L, e);
	struct ir_value *a, *b, *r;
	struct kids k;
	CXCursor l, rr;
	struct lval lv;
	struct tinfo ta;

	if (op == B_NONE || expr_kids(e, &k) != 2) {
		kids_free(&k);
		return opaque_of(L, e);
	}
	l = k.v[0];
	rr = k.v[1];
	kids_free(&k);
	switch (op) {
	case B_COMMA:
		discard(L, l);
		return rvalue(L, rr);
	case B_LAND: case B_LOR:
		return logical(L, e);
	case B_ASSIGN:
		lv = lvalue(L, l);
		r = rvalue(L, rr);
		store(L, &lv, r, pos);
		return r;
	case B_LT: case B_GT: case B_LE: case B_GE: case B_EQ: case B_NE:
		a = rvalue(L, l);
		b = rvalue(L, rr);
		ta = type_info(clang_getCursorType(l));
		if (ta.kind == T_FLOAT)
			return opaque(L, 32, pos);
		return emit_cmp(L, cmp_op(op, ta.kind == T_INT && ta.is_signed), ta.bits, a, b, pos);
	case B_MULA: case B_DIVA: case B_REMA: case B_ADDA: case B_SUBA: case B_SHLA:
	case B_SHRA: case B_ANDA: case B_XORA: case B_ORA:
		lv = lvalue(L, l);
		a = load(L, &lv, pos);
		b = rvalue(L, rr);
		r = arith(L, op, clang_getCursorType(l), clang_getCursorType(rr),
			  clang_getCursorType(l), a, b, pos);
		store(L, &lv, r, pos);
		return r;
	default:
		a = rvalue(L, l);
		b = rvalue(L, rr);
		return arith(L, op, clang_getCursorType(l), clang_getCursorType(rr), type, a, b, pos);
	}
}

static struct ir_value *unary(struct lower *L, CXCursor e)
{
	enum uop op = abi_unop(e);
	CXCursor c = last_expr(e);
	CXType type = clang_getCursorType(e);
	struct tinfo t = type_info(type);
	struct ir_pos pos = pos_of(L, e);
	struct ir_value *v, *n;
	struct lval lv;

	if (clang_Cursor_isNull(c))
		return opaque(L, t.bits, pos);
	switch (op) {
	case U_ADDR:
		lv = lvalue(L, c);
		return address_of(L, &lv, pos);
	case U_DEREF:
		lv = lvalue(L, e);
		return read_lvalue(L, e, &lv);
	case U_PLUS: case U_EXT:
		return rvalue(L, c);
	case U_MINUS:
		if (t.kind == T_FLOAT)
			return opaque_of(L, e);
		return emit(L, IR_NEG, t, rvalue(L, c), NULL, pos);
	case U_NOT:
		return emit(L, IR_NOT, t, rvalue(L, c), NULL, pos);
	case U_LNOT:
		v = rvalue(L, c);
		return emit_cmp(L, IR_SET_EQ, type_info(clang_getCursorType(c)).bits, v,
				ir_const(0), pos);
	case U_POSTINC: case U_POSTDEC: case U_PREINC: case U_PREDEC:
		lv = lvalue(L, c);
		v = load(L, &lv, pos);
		n = ir_const(t.kind == T_PTR ? pointee_size(type) : 1);
		n = emit(L, op == U_POSTINC || op == U_PREINC ? IR_ADD : IR_SUB, t, v, n, pos);
		store(L, &lv, n, pos);
		return op == U_POSTINC || op == U_POSTDEC ? v : n;
	default:
		return opaque_of(L, e);
	}
}

static struct ir_value *init_list(struct lower *L, CXCursor e)
{
	CXType type = clang_getCursorType(e);
	struct tinfo t = type_info(type);
	struct kids k;
	struct ir_value *v;
	int i;

	expr_kids(e, &k);
	if ((t.wrapped || t.kind == T_INT || t.kind == T_PTR) && k.n >= 1) {
		v = rvalue(L, k.v[0]);
		for (i = 1; i < k.n; i++)
			discard(L, k.v[i]);
		kids_free(&k);
		return v;
	}
	for (i = 0; i < k.n; i++)
		discard(L, k.v[i]);
	kids_free(&k);
	if (t.wrapped || t.kind == T_INT || t.kind == T_PTR)
		return ir_const(0);	/* {} */
	return opaque(L, t.bits, pos_of(L, e));
}

static struct ir_value *cast(struct lower *L, CXCursor e)
{
	CXCursor c = last_expr(e);
	CXType to = clang_getCursorType(e);
	struct ir_value *v;

	if (clang_Cursor_isNull(c))
		return opaque(L, type_info(to).bits, pos_of(L, e));
	v = rvalue(L, c);
	return convert(L, v, clang_getCursorType(c), to, pos_of(L, e));
}

struct ir_value *rvalue(struct lower *L, CXCursor e)
{
	if (abi_is_lvalue(e)) {
		struct lval lv = lvalue(L, e);

		return read_lvalue(L, e, &lv);
	}
	return value_of(L, e);
}

/* What e computes, e not read as an lvalue. */
struct ir_value *value_of(struct lower *L, CXCursor e)
{
	enum CXCursorKind kind = clang_getCursorKind(e);
	struct tinfo t;
	struct ir_value *v;
	CXCursor c;

	switch (kind) {
	case CXCursor_IntegerLiteral: case CXCursor_CharacterLiteral:
	case CXCursor_UnaryExpr:
		v = constant_of(e);
		return v ? v : opaque_of(L, e);
	case CXCursor_ParenExpr:
		c = last_expr(e);
		return clang_Cursor_isNull(c) ? NULL : rvalue(L, c);
	case CXCursor_UnaryOperator:
		return unary(L, e);
	case CXCursor_BinaryOperator: case CXCursor_CompoundAssignOperator:
		return binary(L, e);
	case CXCursor_ConditionalOperator:
		return conditional(L, e);
	case CXCursor_CallExpr:
		return lower_call(L, e);
	case CXCursor_CStyleCastExpr:
		return cast(L, e);
	case CXCursor_InitListExpr:
		return init_list(L, e);
	case CXCursor_StmtExpr:
		return lower_stmt_expr(L, e);
	case CXCursor_DeclRefExpr: case CXCursor_MemberRefExpr:
	case CXCursor_CompoundLiteralExpr:
		if (!abi_is_lvalue(e)) {
			struct lval lv = lvalue(L, e);

			return read_lvalue(L, e, &lv);
		}
		return opaque_of(L, e);
	case CXCursor_UnexposedExpr:
		switch (abi_unexposed(e)) {
		case X_IMPLICIT_CAST:
			return implicit_cast(L, e);
		case X_BINCOND:
			return bincond(L, e);
		case X_CHOOSE:
			c = choose(e);
			return clang_Cursor_isNull(c) ? opaque_of(L, e) : rvalue(L, c);
		case X_OFFSETOF:
			v = constant_of(e);
			return v ? v : opaque_of(L, e);
		default: {
			struct kids k;

			v = constant_of(e);
			if (v)
				return v;
			if (expr_kids(e, &k) == 1) {
				c = k.v[0];
				kids_free(&k);
				v = rvalue(L, c);
				/* a designator (`.pte = v`) has no type of its own */
				if (type_info(clang_getCursorType(e)).kind == T_VOID)
					return v;
				return convert(L, v, clang_getCursorType(c), clang_getCursorType(e),
					       pos_of(L, e));
			}
			kids_free(&k);
			return opaque_of(L, e);
		}
		}
	default:
		t = type_info(clang_getCursorType(e));
		if (t.kind == T_VOID) {
			opaque_of(L, e);
			return NULL;
		}
		return opaque_of(L, e);
	}
}
