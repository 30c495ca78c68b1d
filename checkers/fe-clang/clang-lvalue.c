// SPDX-License-Identifier: GPL-2.0
/*
 * Lvalues (clang-lower.h): a local in SSA form is its variable, anything
 * else is memory, an address and an offset, read with a load and
 * written with a store; a struct standing for its one member (pgprot_t)
 * is that member; a function or an enumerator is its value.
 */
#include "clang-lower.h"

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

struct lval value_lval(struct ir_value *v, CXType type)
{
	return (struct lval){ .kind = LV_VALUE, .value = v, .type = type };
}

struct ir_value *address_of(struct lower *L, struct lval *lv, struct ir_pos pos)
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
		return L->cur ? irb_read(&L->b, lv->var, L->cur) : undef_value();
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
		return undef_value();
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

		return value_lval(ir_const(const_norm(t.is_signed ?
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

CXCursor choose(CXCursor e)
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
struct ir_value *read_lvalue(struct lower *L, CXCursor e, struct lval *lv)
{
	CXType t = clang_getCanonicalType(lv->type);

	if (type_is_array(t) && lv->kind == LV_MEM)
		return address_of(L, lv, pos_of(L, e));
	if (t.kind == CXType_FunctionProto || t.kind == CXType_FunctionNoProto)
		return lv->kind == LV_VALUE ? lv->value : address_of(L, lv, pos_of(L, e));
	return load(L, lv, pos_of(L, e));
}
