// SPDX-License-Identifier: GPL-2.0
/*
 * Function bodies (clang-lower.h): a function of the unit, or an inline
 * one lowered in place at a call, as sparse inlines it. Each body is a
 * frame: its variables (SSA ones, or memory), its labels, its exit block
 * where returns go with the value in a variable. An inlined body is
 * followed by a marker with the call's position (core/report.c reports
 * the body's calls there); a function's exit block returns.
 */
#include <stdlib.h>
#include <string.h>

#include "clang-lower.h"
#include "../core/frontend.h"
#include "../core/iropt.h"

#define INLINE_DEPTH_LIMIT 24

struct var *frame_var(struct lower *L, CXCursor decl)
{
	struct frame *fr = L->fr;
	struct var *v = ir_map_get(&fr->vars, decl.data[0]);
	enum CX_StorageClass sc;
	enum CXCursorKind pk;
	struct tinfo t;

	if (v)
		return v;
	sc = clang_Cursor_getStorageClass(decl);
	pk = clang_getCursorKind(clang_getCursorSemanticParent(decl));
	if (clang_getCursorKind(decl) != CXCursor_ParmDecl &&
	    (sc == CX_SC_Static || sc == CX_SC_Extern || pk != CXCursor_FunctionDecl))
		return NULL;	/* memory of the unit */
	v = ir_alloc(sizeof(*v));
	v->type = clang_getCursorType(decl);
	t = type_info(v->type);
	v->ssa = (t.kind == T_INT || t.kind == T_PTR) && !cu_taken(L->u, decl) &&
		 !clang_isVolatileQualifiedType(v->type);
	if (v->ssa) {
		v->id = irb_var(&L->b, t.bits);
	} else {
		v->mem = cu_anon_sym(L->u, decl);
		v->mem->name = cu_name(decl);
		v->mem->is_local = true;
	}
	ir_map_put(&fr->vars, decl.data[0], v);
	return v;
}

static CXCursor body_of(CXCursor def)
{
	struct kids k;
	CXCursor b = clang_getNullCursor();
	int i;

	kids_of(def, &k);
	for (i = 0; i < k.n; i++)
		if (clang_getCursorKind(k.v[i]) == CXCursor_CompoundStmt)
			b = k.v[i];
	kids_free(&k);
	return b;
}

/* A frame for def's body; its parameters hold args (NULL: the function's own). */
static void enter(struct lower *L, struct frame *fr, CXCursor def, struct ir_value **args,
		  int nargs)
{
	CXType rt = clang_getCursorResultType(def);
	struct tinfo t = type_info(rt);
	int i, n = clang_Cursor_getNumArguments(def);

	memset(fr, 0, sizeof(*fr));
	fr->up = L->fr;
	fr->fn = def;
	fr->depth = L->fr ? L->fr->depth + 1 : 0;
	fr->ret_type = rt;
	fr->ret_var = t.kind == T_VOID ? -1 : irb_var(&L->b, t.bits);
	fr->exit = irb_block(&L->b);
	L->fr = fr;
	cu_scan_body(L->u, body_of(def));
	for (i = 0; i < n; i++) {
		CXCursor p = clang_Cursor_getArgument(def, i);
		struct var *v = frame_var(L, p);
		struct ir_value *x;
		struct lval lv = { LV_NONE };

		if (args) {
			x = i < nargs ? args[i] : NULL;
		} else {
			x = ir_new_value(IRV_PARAM);
			x->nr = i + 1;
		}
		if (!v || !x || !L->cur)
			continue;
		lv.type = v->type;
		if (v->ssa) {
			lv.kind = LV_VAR;
			lv.var = v->id;
		} else {
			lv.kind = LV_MEM;
			lv.addr = ir_new_value(IRV_SYM);
			lv.addr->sym = v->mem;
		}
		store(L, &lv, x, cu_cursor_pos(L->u, p));
	}
}

/* The end of a frame: jumps to labels are all known now. */
static void leave(struct lower *L)
{
	struct frame *fr = L->fr;
	int i, j;

	branch(L, fr->exit);
	for (i = 0; i < fr->nindirect; i++)
		for (j = 0; j < fr->nlabels; j++)
			irb_edge(&L->b, fr->indirect[i], fr->label_blocks[j]);
	for (i = 0; i < fr->nlabels; i++)
		irb_seal(&L->b, fr->label_blocks[i]);
	irb_seal(&L->b, fr->exit);
	L->cur = fr->exit;
}

static void drop(struct lower *L, struct frame *fr)
{
	L->fr = fr->up;
	ir_map_free(&fr->vars);
	ir_map_free(&fr->labels);
	free(fr->label_blocks);
	free(fr->indirect);
	free(fr->targets);
}

struct ir_value *lower_inline(struct lower *L, CXCursor def, struct ir_value **args,
			      int nargs, struct ir_pos pos)
{
	struct frame fr;
	struct ir_insn *mark;
	struct ir_value *r = NULL;

	enter(L, &fr, def, args, nargs);
	lower_stmt(L, body_of(def));
	leave(L);
	if (fr.ret_var >= 0 && L->cur)
		r = irb_read(&L->b, fr.ret_var, L->cur);
	mark = ir_new_insn(IR_INLINED);
	mark->callee = cu_sym(L->u, def);
	mark->pos = pos;
	append(L, mark);
	drop(L, &fr);
	return r;
}

bool lower_may_inline(struct lower *L, CXCursor def)
{
	struct frame *f;

	for (f = L->fr; f; f = f->up)
		if (clang_equalCursors(f->fn, def) || f->depth >= INLINE_DEPTH_LIMIT)
			return false;
	return true;
}

struct ir_fn *lower_function(struct cunit *u, CXCursor def)
{
	struct lower L = { u };
	struct frame fr;
	struct ir_insn *ret;
	/* the core's probes (frontend.h): the value of the last statement */
	bool probe = tu_is_probe(cu_name(def));
	struct ir_value *value = NULL;

	L.fn = ir_new_fn(cu_sym(u, def));
	L.fn->returns_prot = type_is_prot(clang_getCursorResultType(def));
	irb_init(&L.b, L.fn);
	L.fn->entry = irb_block(&L.b);
	irb_seal(&L.b, L.fn->entry);
	L.cur = L.fn->entry;
	enter(&L, &fr, def, NULL, 0);
	fr.last_ret = cu_cursor_pos(u, def);
	if (probe)
		value = compound_value(&L, body_of(def));
	else
		lower_stmt(&L, body_of(def));
	leave(&L);
	ret = ir_new_insn(IR_RET);
	ret->pos = fr.last_ret;
	if (fr.ret_var >= 0)
		ret->src = irb_read(&L.b, fr.ret_var, L.cur);
	if (probe)
		ret->src = value;
	append(&L, ret);
	drop(&L, &fr);
	irb_finish(&L.b);
	irb_free(&L.b);
	ir_optimize(L.fn);
	return L.fn;
}
