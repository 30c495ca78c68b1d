// SPDX-License-Identifier: GPL-2.0
/*
 * Calls (clang-lower.h): direct and through pointers, inlined where
 * sparse would inline them (clang-stmt.c does the inlining), ended where
 * the callee does not return, and the builtins as sparse makes them:
 * __builtin_expect is its value, __builtin_constant_p a constant (also
 * of an inlined parameter given one), __builtin_unreachable an end,
 * __builtin_object_size sparse's expansion, the va_ builtins no call,
 * bit counts and byte swaps of constants folded.
 */
#include <string.h>

#include "clang-lower.h"
#include "../core/facts.h"
#include "../core/frontend.h"

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

struct ir_value *lower_call(struct lower *L, CXCursor e)
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

