// SPDX-License-Identifier: GPL-2.0
/*
 * Expressions to IR values (clang-lower.h). clang's AST has every
 * implicit conversion as a node of its own, so a value is lowered in
 * the type clang gave it: an lvalue is read where clang converts it to
 * an rvalue, an array where it decays, and so on. Constants fold as the
 * instructions are built, with the IR's own arithmetic, so that macros
 * such as FIXMAP_PAGE_IO end up as the constant the spec's probe
 * returns, and a constant condition becomes a plain branch.
 */
#include <stdlib.h>
#include <string.h>

#include "clang-lower.h"
#include "../core/facts.h"
#include "../core/frontend.h"

struct ir_insn *append(struct lower *L, struct ir_insn *insn)
{
	if (L->cur) {
		irb_place(&L->b, L->cur);
		ir_append(L->cur, insn);
	}
	return insn;
}

/* A constant as C holds it in its type, in 64 bits. */
static unsigned long long norm(unsigned long long v, int bits, bool is_signed)
{
	if (bits <= 0 || bits >= 64)
		return v;
	v &= (1ULL << bits) - 1;
	if (is_signed && ((v >> (bits - 1)) & 1))
		v |= ~0ULL << bits;
	return v;
}

static long long sext(unsigned long long v, int bits)
{
	return (long long)norm(v, bits, true);
}

static unsigned long long zext(unsigned long long v, int bits)
{
	return norm(v, bits, false);
}

static bool fold_unary(enum ir_op op, int src_bits, unsigned long long a,
		       unsigned long long *out)
{
	switch (op) {
	case IR_ZEXT: *out = zext(a, src_bits); return true;
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

static bool fold_binary(enum ir_op op, int bits, unsigned long long a,
			unsigned long long b, unsigned long long *out)
{
	switch (op) {
	case IR_ADD: *out = a + b; return true;
	case IR_SUB: *out = a - b; return true;
	case IR_MUL: *out = a * b; return true;
	case IR_AND: *out = a & b; return true;
	case IR_OR: *out = a | b; return true;
	case IR_XOR: *out = a ^ b; return true;
	case IR_SHL: *out = b < 64 ? a << b : 0; return true;
	case IR_LSR: *out = b < 64 ? zext(a, bits) >> b : 0; return true;
	case IR_ASR: *out = (unsigned long long)(sext(a, bits) >> (b < 63 ? b : 63)); return true;
	case IR_DIVU: if (!zext(b, bits)) return false; *out = zext(a, bits) / zext(b, bits); return true;
	case IR_MODU: if (!zext(b, bits)) return false; *out = zext(a, bits) % zext(b, bits); return true;
	case IR_DIVS:
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

static struct ir_value *result_of(struct ir_insn *insn)
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

static struct ir_value *undef(void)
{
	return ir_new_value(IRV_UNDEF);
}

/* One instruction of t's width; src_bits for the extensions. */
static struct ir_value *emit_ext(struct lower *L, enum ir_op op, struct tinfo t,
				 int src_bits, struct ir_value *a, struct ir_value *b,
				 struct ir_pos pos)
{
	struct ir_insn *insn;
	unsigned long long v;

	if (!a || (ir_is_binop(op) && !b))
		return undef();
	if (a->kind == IRV_CONST && ir_is_pass_through(op) &&
	    fold_unary(op, src_bits, a->value, &v))
		return ir_const(norm(v, t.bits, t.is_signed));
	if (a->kind == IRV_CONST && b && b->kind == IRV_CONST && ir_is_binop(op) &&
	    fold_binary(op, t.bits, a->value, b->value, &v))
		return ir_const(norm(v, t.bits, t.is_signed));
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

static bool fold_compare(enum ir_op op, int bits, unsigned long long a,
			 unsigned long long b)
{
	long long sa = sext(a, bits), sb = sext(b, bits);

	a = zext(a, bits);
	b = zext(b, bits);
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

struct ir_value *emit_cmp(struct lower *L, enum ir_op op, int src_bits,
			  struct ir_value *a, struct ir_value *b, struct ir_pos pos)
{
	struct ir_insn *insn;

	if (!a || !b)
		return undef();
	if (a->kind == IRV_CONST && b->kind == IRV_CONST)
		return ir_const(fold_compare(op, src_bits, a->value, b->value));
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

static struct tinfo int_type(int bits, bool is_signed)
{
	return (struct tinfo){ T_INT, bits, is_signed, false, false };
}

static struct ir_value *constant(CXCursor e)
{
	struct tinfo t = type_info(clang_getCursorType(e));
	long long v;

	if (!eval_int(e, &v))
		return NULL;
	return ir_const(norm((unsigned long long)v, t.bits, t.is_signed));
}

struct ir_value *convert(struct lower *L, struct ir_value *v, CXType from, CXType to,
			 struct ir_pos pos)
{
	struct tinfo tf = type_info(from), tt = type_info(to);

	if (tt.kind == T_VOID)
		return NULL;
	if (!v)
		return undef();
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
			return ir_const(norm(v->value, tt.bits, tt.is_signed));
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

static struct ir_value *value_of(struct lower *L, CXCursor e);

/* A variable or memory as an lvalue. */
static struct lval var_lval(struct lower *L, CXCursor decl, CXType type)
{
	struct var *v = frame_var(L, decl);
	struct lval lv = { LV_NONE };

	lv.type = type;
	if (v && v->ssa) {
		lv.kind = LV_VAR;
		lv.var = v->id;
	} else {
		lv.kind = LV_MEM;
		lv.addr = ir_new_value(IRV_SYM);
		lv.addr->sym = v ? v->mem : cu_sym(L->u, decl);
	}
	return lv;
}

static struct lval value_lval(struct ir_value *v, CXType type)
{
	return (struct lval){ .kind = LV_VALUE, .value = v, .type = type };
}

static struct ir_value *address_of(struct lower *L, struct lval *lv, struct ir_pos pos)
{
	switch (lv->kind) {
	case LV_MEM:
		if (!lv->off)
			return lv->addr;
		return emit(L, IR_ADD, int_type(64, false), lv->addr, ir_const(lv->off), pos);
	case LV_VALUE:
		return lv->value;
	default:
		return opaque(L, 64, pos);
	}
}

struct ir_value *load(struct lower *L, struct lval *lv, struct ir_pos pos)
{
	struct tinfo t = type_info(lv->type);
	struct ir_insn *insn;

	switch (lv->kind) {
	case LV_VAR:
		return L->cur ? irb_read(&L->b, lv->var, L->cur) : undef();
	case LV_VALUE:
		return lv->value;
	case LV_MEM:
		if (type_is_array(lv->type))
			return address_of(L, lv, pos);
		insn = ir_new_insn(IR_LOAD);
		insn->size = t.bits;
		insn->addr = lv->addr;
		insn->offset = lv->off;
		insn->pos = pos;
		append(L, insn);
		return result_of(insn);
	default:
		return undef();
	}
}

void store(struct lower *L, struct lval *lv, struct ir_value *v, struct ir_pos pos)
{
	struct ir_insn *insn;

	if (!L->cur || !v)
		return;
	switch (lv->kind) {
	case LV_VAR:
		irb_write(&L->b, lv->var, L->cur, v, pos);
		break;
	case LV_MEM:
		insn = ir_new_insn(IR_STORE);
		insn->size = type_info(lv->type).bits;
		insn->addr = lv->addr;
		insn->offset = lv->off;
		insn->target = v;
		insn->pos = pos;
		append(L, insn);
		break;
	default:
		break;
	}
}

static struct ir_pos pos_of(struct lower *L, CXCursor c)
{
	return cu_cursor_pos(L->u, c);
}

/* The expression children of e. */
static int expr_kids(CXCursor e, struct kids *k)
{
	int i, n = 0;

	kids_of(e, k);
	for (i = 0; i < k->n; i++)
		if (clang_isExpression(clang_getCursorKind(k->v[i])))
			k->v[n++] = k->v[i];
	k->n = n;
	return n;
}

static void discard(struct lower *L, CXCursor e)
{
	if (clang_isExpression(clang_getCursorKind(e)))
		rvalue(L, e);
}

/* Evaluate the children for what they do; the value is not followed. */
static struct ir_value *opaque_of(struct lower *L, CXCursor e)
{
	struct ir_value *c = constant(e);
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

static struct lval member_lval(struct lower *L, CXCursor e)
{
	CXCursor field = clang_getCursorReferenced(e);
	long long bits = clang_Cursor_getOffsetOfField(field);
	CXType type = clang_getCursorType(e);
	struct lval lv = { LV_NONE };
	struct kids k;
	CXCursor base;

	if (expr_kids(e, &k) < 1) {
		kids_free(&k);
		lv.type = type;
		return lv;
	}
	base = k.v[0];
	kids_free(&k);
	if (type_is_pointer(clang_getCursorType(base))) {
		lv.kind = LV_MEM;
		lv.addr = rvalue(L, base);
	} else if (abi_is_lvalue(base)) {
		lv = lvalue(L, base);
	} else {
		struct tinfo bt = type_info(clang_getCursorType(base));
		struct ir_value *v = rvalue(L, base);

		/* a wrapper's value is its member */
		lv = bt.wrapped ? value_lval(v, type) : value_lval(opaque(L, type_info(type).bits, pos_of(L, e)), type);
	}
	if (lv.kind == LV_MEM && bits > 0)
		lv.off += bits / 8;
	lv.type = type;
	return lv;
}

static struct lval subscript_lval(struct lower *L, CXCursor e)
{
	struct lval lv = { LV_MEM };
	struct ir_value *base, *idx;
	struct tinfo it;
	long long size;
	struct kids k;
	int b = 0;

	lv.type = clang_getCursorType(e);
	if (expr_kids(e, &k) != 2) {
		kids_free(&k);
		lv.kind = LV_NONE;
		return lv;
	}
	if (!type_is_pointer(clang_getCursorType(k.v[0])) &&
	    type_is_pointer(clang_getCursorType(k.v[1])))
		b = 1;		/* i[a] */
	base = rvalue(L, k.v[b]);
	idx = rvalue(L, k.v[!b]);
	it = type_info(clang_getCursorType(k.v[!b]));
	size = pointee_size(clang_getCursorType(k.v[b]));
	kids_free(&k);
	if (idx->kind == IRV_CONST) {
		lv.addr = base;
		lv.off = (long long)idx->value * size;
		return lv;
	}
	if (it.bits < 64)
		idx = emit_ext(L, it.is_signed ? IR_SEXT : IR_ZEXT, int_type(64, it.is_signed),
			       it.bits, idx, NULL, pos_of(L, e));
	if (size != 1)
		idx = emit(L, IR_MUL, int_type(64, false), idx, ir_const(size), pos_of(L, e));
	lv.addr = emit(L, IR_ADD, int_type(64, false), base, idx, pos_of(L, e));
	return lv;
}

static struct lval string_lval(struct lower *L, CXCursor e)
{
	struct lval lv = { LV_MEM };

	lv.addr = ir_new_value(IRV_SYM);
	lv.addr->sym = cu_anon_sym(L->u, e);
	lv.type = clang_getCursorType(e);
	return lv;
}

static struct lval decl_lval(struct lower *L, CXCursor e)
{
	CXCursor d = clang_getCursorReferenced(e);
	CXType type = clang_getCursorType(e);
	struct ir_value *v;

	switch (clang_getCursorKind(d)) {
	case CXCursor_VarDecl:
	case CXCursor_ParmDecl:
		return var_lval(L, d, type);
	case CXCursor_FunctionDecl:
		/* a function used as a value: lowered as a function too, as
		 * sparse un-inlines it, but only from code sparse evaluates
		 * before expansion: not from an inlined body */
		if (!L->fr || !L->fr->depth)
			cu_want_function(L->u, clang_getCursorDefinition(d));
		v = ir_new_value(IRV_SYM);
		v->sym = cu_sym(L->u, d);
		return value_lval(v, type);
	case CXCursor_EnumConstantDecl: {
		struct tinfo t = type_info(type);

		return value_lval(ir_const(norm(t.is_signed ?
			(unsigned long long)clang_getEnumConstantDeclValue(d) :
			clang_getEnumConstantDeclUnsignedValue(d), t.bits, t.is_signed)), type);
	}
	default:
		return value_lval(opaque(L, type_info(type).bits, pos_of(L, e)), type);
	}
}

/* A compound literal: a wrapper is its value, anything else memory. */
static struct lval compound_lval(struct lower *L, CXCursor e)
{
	CXType type = clang_getCursorType(e);
	CXCursor init = last_expr(e);
	struct lval lv = { LV_MEM };

	if (type_info(type).wrapped || type_info(type).kind == T_INT ||
	    type_info(type).kind == T_PTR)
		return value_lval(clang_Cursor_isNull(init) ? ir_const(0) : rvalue(L, init), type);
	if (!clang_Cursor_isNull(init))
		rvalue(L, init);
	lv.addr = ir_new_value(IRV_SYM);
	lv.addr->sym = cu_anon_sym(L->u, e);
	lv.type = type;
	return lv;
}

static CXCursor choose(CXCursor e)
{
	struct kids k;
	long long c;
	CXCursor r = clang_getNullCursor();

	if (expr_kids(e, &k) == 3 && eval_int(k.v[0], &c))
		r = c ? k.v[1] : k.v[2];
	kids_free(&k);
	return r;
}

struct lval lvalue(struct lower *L, CXCursor e)
{
	CXType type = clang_getCursorType(e);
	struct kids k;
	struct lval lv;
	CXCursor c;

	switch (clang_getCursorKind(e)) {
	case CXCursor_DeclRefExpr:
		return decl_lval(L, e);
	case CXCursor_ParenExpr:
		c = last_expr(e);
		if (clang_Cursor_isNull(c))
			break;
		lv = lvalue(L, c);
		lv.type = type;
		return lv;
	case CXCursor_MemberRefExpr:
		return member_lval(L, e);
	case CXCursor_ArraySubscriptExpr:
		return subscript_lval(L, e);
	case CXCursor_UnaryOperator:
		if (abi_unop(e) == U_DEREF) {
			c = last_expr(e);
			if (clang_getCanonicalType(type).kind == CXType_FunctionProto ||
			    clang_getCanonicalType(type).kind == CXType_FunctionNoProto)
				return value_lval(rvalue(L, c), type);
			lv = (struct lval){ LV_MEM };
			lv.addr = rvalue(L, c);
			lv.type = type;
			return lv;
		}
		if (abi_unop(e) == U_EXT) {
			lv = lvalue(L, last_expr(e));
			lv.type = type;
			return lv;
		}
		break;
	case CXCursor_StringLiteral:
		return string_lval(L, e);
	case CXCursor_CompoundLiteralExpr:
		return compound_lval(L, e);
	case CXCursor_UnexposedExpr:
		switch (abi_unexposed(e)) {
		case X_PREDEFINED:
			return string_lval(L, e);
		case X_CHOOSE:
			c = choose(e);
			if (clang_Cursor_isNull(c))
				break;
			return lvalue(L, c);
		default:
			if (expr_kids(e, &k) == 1 && abi_is_lvalue(k.v[0])) {
				c = k.v[0];
				kids_free(&k);
				lv = lvalue(L, c);
				lv.type = type;
				return lv;
			}
			kids_free(&k);
			break;
		}
		break;
	default:
		break;
	}
	/* an lvalue not followed (a designated initializer, ...): its value */
	return value_lval(abi_is_lvalue(e) ? value_of(L, e) : rvalue(L, e), type);
}

/* Read an lvalue as C does: arrays decay, functions are their address. */
static struct ir_value *read_lvalue(struct lower *L, CXCursor e, struct lval *lv)
{
	CXType t = clang_getCanonicalType(lv->type);

	if (type_is_array(t) && lv->kind == LV_MEM)
		return address_of(L, lv, pos_of(L, e));
	if (t.kind == CXType_FunctionProto || t.kind == CXType_FunctionNoProto)
		return lv->kind == LV_VALUE ? lv->value : address_of(L, lv, pos_of(L, e));
	return load(L, lv, pos_of(L, e));
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
static bool simple(CXCursor e, int depth)
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

/* __builtin_object_size(p, type) as sparse expands it: a variable's
 * size, "not known" ((size_t)-1, or 0 for types 2 and 3) for anything
 * else but a call's result, which stays a call. */
static bool object_size(CXCursor e, struct kids *args, struct ir_value **out)
{
	long long type = 0, off = 0, v;
	CXCursor p;

	if (eval_int(e, &v)) {
		*out = ir_const((unsigned long long)v);
		return true;
	}
	if (args->n != 2 || !eval_int(args->v[1], &type))
		return false;
	for (p = args->v[0];;) {
		struct kids k;

		p = strip(p);
		if (clang_getCursorKind(p) == CXCursor_CStyleCastExpr) {
			p = last_expr(p);
			continue;
		}
		if (clang_getCursorKind(p) == CXCursor_BinaryOperator && abi_binop(p) == B_ADD) {
			kids_of(p, &k);
			if (k.n == 2 && eval_int(k.v[1], &v)) {
				off += v;
				p = k.v[0];
				kids_free(&k);
				continue;
			}
			kids_free(&k);
		}
		break;
	}
	if (clang_getCursorKind(p) == CXCursor_CallExpr)
		return false;
	if (clang_getCursorKind(p) == CXCursor_DeclRefExpr &&
	    clang_getCursorKind(clang_getCursorReferenced(p)) == CXCursor_VarDecl) {
		long long size = clang_Type_getSizeOf(clang_getCursorType(clang_getCursorReferenced(p)));

		if (type & 1 || size < 0)
			return false;
		*out = ir_const((unsigned long long)(size - off));
		return true;
	}
	*out = ir_const(type & 2 ? 0 : ~0ULL);
	return true;
}

/* Bit counts and byte swaps of constants, as sparse folds them. */
static bool bit_builtin(const char *name, struct ir_value *a, int bits, struct ir_value **out)
{
	unsigned long long x;
	int n = 0;

	if (!a || a->kind != IRV_CONST)
		return false;
	x = bits < 64 ? a->value & ((1ULL << bits) - 1) : a->value;
	if (!strncmp(name, "__builtin_clz", 13)) {
		if (!x)
			return false;
		while (!(x & (1ULL << (bits - 1 - n))))
			n++;
	} else if (!strncmp(name, "__builtin_ctz", 13)) {
		if (!x)
			return false;
		while (!(x & (1ULL << n)))
			n++;
	} else if (!strncmp(name, "__builtin_ffs", 13)) {
		while (x && !(x & (1ULL << n)))
			n++;
		n = x ? n + 1 : 0;
	} else if (!strncmp(name, "__builtin_popcount", 18)) {
		for (; x; x &= x - 1)
			n++;
	} else if (!strncmp(name, "__builtin_bswap", 15)) {
		unsigned long long r = 0;
		int i;

		for (i = 0; i < bits / 8; i++)
			r |= ((x >> (8 * i)) & 0xff) << (8 * (bits / 8 - 1 - i));
		*out = ir_const(r);
		return true;
	} else {
		return false;
	}
	*out = ir_const((unsigned long long)n);
	return true;
}

/* The spec's builtins and the few the kernel's macros rest on. */
static bool builtin(struct lower *L, const char *name, CXCursor e, struct kids *args,
		    struct ir_value **out)
{
	long long v;

	if (!name || strncmp(name, "__builtin_", 10))
		return false;
	/* va_start and friends: what they do is not a call for sparse */
	if (!strncmp(name, "__builtin_va_", 13)) {
		int i;

		for (i = 0; i < args->n; i++)
			discard(L, args->v[i]);
		*out = NULL;
		return true;
	}
	if (!strcmp(name, "__builtin_object_size") || !strcmp(name, "__builtin_dynamic_object_size"))
		return object_size(e, args, out);

	if (!strcmp(name, "__builtin_expect") ||
	    !strcmp(name, "__builtin_expect_with_probability")) {
		*out = args->n ? rvalue(L, args->v[0]) : NULL;
		return true;
	}
	if (!strcmp(name, "__builtin_constant_p")) {
		/* as sparse sees it: also a value that is constant here, such
		 * as an inlined function's parameter given a constant */
		bool k = args->n && eval_int(args->v[0], &v);

		if (!k && args->n && simple(args->v[0], 0)) {
			struct ir_value *x = rvalue(L, args->v[0]);

			k = x && x->kind == IRV_CONST;
		}
		*out = ir_const(k);
		return true;
	}
	if (!strcmp(name, "__builtin_unreachable")) {
		struct ir_insn *u = ir_new_insn(IR_UNREACH);

		u->pos = pos_of(L, e);
		append(L, u);
		L->cur = NULL;
		*out = NULL;
		return true;
	}
	return false;
}

/* Does a call to fn not return (__attribute__((noreturn)), _Noreturn)? */
static bool noreturn(struct lower *L, CXCursor callee, CXCursor fn)
{
	CXString t = clang_getTypeSpelling(clang_getCursorType(callee));
	bool yes = strstr(clang_getCString(t), "noreturn") != NULL;
	struct kids k;
	int i;

	clang_disposeString(t);
	if (yes || clang_Cursor_isNull(fn))
		return yes;
	kids_of(fn, &k);
	for (i = 0; i < k.n && !yes; i++)
		yes = clang_getCursorKind(k.v[i]) == CXCursor_UnexposedAttr &&
		      !strncmp(cu_text(L->u, k.v[i]), "_Noreturn", 9);
	kids_free(&k);
	return yes;
}

static struct ir_value *call(struct lower *L, CXCursor e)
{
	CXType type = clang_getCursorType(e);
	struct tinfo t = type_info(type);
	struct ir_value **vals, *r;
	CXCursor callee, fn = clang_getNullCursor();
	const char *name = NULL;
	struct ir_insn *insn;
	struct ir_pos pos;
	bool cast = false;
	struct kids k;
	int i;

	if (expr_kids(e, &k) < 1) {
		kids_free(&k);
		return opaque(L, t.bits, pos_of(L, e));
	}
	callee = strip(k.v[0]);
	/* ((fn_t)f)(...): a direct call of f, not inlined (sparse's) */
	if (clang_getCursorKind(callee) == CXCursor_CStyleCastExpr &&
	    clang_getCursorKind(strip(last_expr(callee))) == CXCursor_DeclRefExpr &&
	    clang_getCursorKind(clang_getCursorReferenced(strip(last_expr(callee)))) ==
	    CXCursor_FunctionDecl) {
		cast = true;
		callee = strip(last_expr(callee));
	}
	if (clang_getCursorKind(callee) == CXCursor_DeclRefExpr &&
	    clang_getCursorKind(clang_getCursorReferenced(callee)) == CXCursor_FunctionDecl) {
		fn = clang_getCursorReferenced(callee);
		name = cu_name(fn);
	}
	{
		struct kids args = k;

		args.v = k.v + 1;
		args.n = k.n - 1;
		if (builtin(L, name, e, &args, &r)) {
			kids_free(&k);
			return r;
		}
	}
	pos = cu_call_pos(L->u, e, callee, name);
	vals = ir_alloc((k.n ? k.n : 1) * sizeof(*vals));
	for (i = 1; i < k.n; i++)
		vals[i - 1] = rvalue(L, k.v[i]);
	if (name && k.n == 2 &&
	    bit_builtin(name, vals[0], type_info(clang_getCursorType(k.v[1])).bits, &r)) {
		kids_free(&k);
		return r;
	}
	if (cast)	/* the function is a value there: sparse's cast of it */
		facts_ref(cu_sym(L->u, fn), pos, L->fn->sym->name);
	if (name && !cast) {
		CXCursor def = clang_getCursorDefinition(fn);

		if (!clang_Cursor_isNull(def) && cu_inlinable(L->u, fn, def) &&
		    lower_may_inline(L, def)) {
			r = lower_inline(L, def, vals, k.n - 1, pos);
			kids_free(&k);
			return r;
		}
	}
	insn = ir_new_insn(IR_CALL);
	insn->pos = pos;
	insn->size = t.kind == T_VOID ? 0 : t.bits;
	if (name) {
		insn->func = ir_new_value(IRV_SYM);
		insn->func->sym = cu_sym(L->u, fn);
	} else {
		insn->func = rvalue(L, k.v[0]);
	}
	for (i = 1; i < k.n; i++) {
		ir_push_arg(insn, vals[i - 1]);
		if (i - 1 < 64 && type_is_prot(clang_getCursorType(k.v[i])))
			insn->prot_args |= 1ULL << (i - 1);
	}
	append(L, insn);
	r = t.kind == T_VOID ? NULL : result_of(insn);
	/* as sparse: nothing follows a call that does not return */
	if (name && noreturn(L, callee, fn)) {
		struct ir_insn *u = ir_new_insn(IR_UNREACH);

		u->pos = pos;
		append(L, u);
		L->cur = NULL;
	}
	kids_free(&k);
	return r;
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
static struct ir_value *value_of(struct lower *L, CXCursor e)
{
	enum CXCursorKind kind = clang_getCursorKind(e);
	struct tinfo t;
	struct ir_value *v;
	CXCursor c;

	switch (kind) {
	case CXCursor_IntegerLiteral: case CXCursor_CharacterLiteral:
	case CXCursor_UnaryExpr:
		v = constant(e);
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
		return call(L, e);
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
			v = constant(e);
			return v ? v : opaque_of(L, e);
		default: {
			struct kids k;

			v = constant(e);
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
