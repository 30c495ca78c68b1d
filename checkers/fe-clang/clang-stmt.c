// SPDX-License-Identifier: GPL-2.0
/*
 * Statements to a CFG (clang-lower.h). Each construct opens the blocks
 * it needs and seals each one as soon as its last predecessor is known:
 * a loop's head once the body's back edges are in, a switch's cases
 * once the switch is done, labels and the return block at the end of
 * their function. A constant condition branches one way only; what
 * nothing reaches is dropped when the function is finished, as sparse
 * drops it.
 *
 * Returns go to the frame's exit block (clang-func.c), with the value
 * in a variable, so a returned value chosen by several returns is one
 * phi whose ways are the returns (sparse's shape: "chosen on line N" is
 * a return's line).
 */
#include <stdlib.h>
#include <string.h>

#include "clang-lower.h"

void branch(struct lower *L, struct ir_block *to)
{
	struct ir_insn *br;

	if (!L->cur)
		return;
	br = ir_new_insn(IR_BR);
	br->bb_true = to;
	append(L, br);
	irb_edge(&L->b, L->cur, to);
	L->cur = NULL;
}

/* A block for code that follows an end (a return, a break): nothing reaches it. */
static struct ir_block *dead_block(struct lower *L)
{
	struct ir_block *bb = irb_block(&L->b);

	irb_seal(&L->b, bb);
	return bb;
}

static void push_target(struct lower *L, struct ir_block *brk, struct ir_block *cont)
{
	struct frame *fr = L->fr;

	fr->targets = irb_grow(fr->targets, fr->ntargets, &fr->captargets,
			       sizeof(*fr->targets));
	fr->targets[fr->ntargets++] = (struct target){ brk, cont };
}

static struct ir_block *continue_target(struct frame *fr)
{
	int i;

	for (i = fr->ntargets - 1; i >= 0; i--)
		if (fr->targets[i].cont)
			return fr->targets[i].cont;
	return NULL;
}

static void jump(struct lower *L, struct ir_block *to)
{
	if (to)
		branch(L, to);
	L->cur = NULL;
}

void lower_cond(struct lower *L, CXCursor e, struct ir_block *t, struct ir_block *f)
{
	struct ir_insn *br;
	struct ir_value *v;
	struct kids k;
	long long c;

	if (!L->cur)
		return;
	while (clang_getCursorKind(e) == CXCursor_ParenExpr ||
	       (clang_getCursorKind(e) == CXCursor_UnexposedExpr &&
		abi_unexposed(e) == X_IMPLICIT_CAST && !abi_is_lvalue(last_expr(e)) &&
		type_info(clang_getCursorType(e)).kind == T_INT &&
		!type_info(clang_getCursorType(e)).is_bool)) {
		CXCursor in = last_expr(e);

		if (clang_Cursor_isNull(in))
			break;
		e = in;
	}
	if (eval_int(e, &c)) {
		branch(L, c ? t : f);
		return;
	}
	if (clang_getCursorKind(e) == CXCursor_UnaryOperator && abi_unop(e) == U_LNOT) {
		lower_cond(L, last_expr(e), f, t);
		return;
	}
	if (clang_getCursorKind(e) == CXCursor_BinaryOperator &&
	    (abi_binop(e) == B_LAND || abi_binop(e) == B_LOR)) {
		struct ir_block *mid = irb_block(&L->b);
		bool and = abi_binop(e) == B_LAND;

		kids_of(e, &k);
		if (k.n == 2) {
			lower_cond(L, k.v[0], and ? mid : t, and ? f : mid);
			irb_seal(&L->b, mid);
			L->cur = mid;
			lower_cond(L, k.v[1], t, f);
		}
		kids_free(&k);
		return;
	}
	v = rvalue(L, e);
	if (!L->cur)
		return;
	if (v && v->kind == IRV_CONST) {
		branch(L, v->value ? t : f);
		return;
	}
	br = ir_new_insn(IR_CBR);
	br->cond = v;
	br->bb_true = t;
	br->bb_false = f;
	br->pos = pos_of(L, e);
	append(L, br);
	irb_edge(&L->b, L->cur, t);
	irb_edge(&L->b, L->cur, f);
	L->cur = NULL;
}

static void lower_if(struct lower *L, CXCursor s)
{
	struct ir_block *t, *f, *j;
	struct kids k;

	kids_of(s, &k);
	if (k.n < 2) {
		kids_free(&k);
		return;
	}
	t = irb_block(&L->b);
	j = irb_block(&L->b);
	f = k.n > 2 ? irb_block(&L->b) : j;
	lower_cond(L, k.v[0], t, f);
	irb_seal(&L->b, t);
	L->cur = t;
	lower_stmt(L, k.v[1]);
	branch(L, j);
	if (k.n > 2) {
		irb_seal(&L->b, f);
		L->cur = f;
		lower_stmt(L, k.v[2]);
		branch(L, j);
	}
	kids_free(&k);
	irb_seal(&L->b, j);
	L->cur = j;
}

/*
 * while, do, for: the head tests, the body runs, the continue block
 * increments and goes back to the head. A do loop enters at the body.
 */
static void lower_loop(struct lower *L, CXCursor init, CXCursor cond, CXCursor inc,
		       CXCursor body, bool test_first)
{
	struct ir_block *h = irb_block(&L->b), *b = irb_block(&L->b);
	struct ir_block *c = irb_block(&L->b), *x = irb_block(&L->b);

	if (!clang_Cursor_isNull(init))
		lower_stmt(L, init);
	branch(L, test_first ? h : b);
	/* the test, in the head (open until the continue block is done) */
	L->cur = h;
	if (clang_Cursor_isNull(cond))
		branch(L, b);
	else
		lower_cond(L, cond, b, x);
	irb_seal(&L->b, b);
	push_target(L, x, c);
	L->cur = b;
	lower_stmt(L, body);
	branch(L, c);
	L->fr->ntargets--;
	irb_seal(&L->b, c);
	L->cur = c;
	if (!clang_Cursor_isNull(inc) && clang_isExpression(clang_getCursorKind(inc)))
		rvalue(L, inc);
	branch(L, h);
	irb_seal(&L->b, h);
	irb_seal(&L->b, x);
	L->cur = x;
}

static void lower_for(struct lower *L, CXCursor s)
{
	CXCursor part[FOR_NONE];
	struct kids k;
	int i;

	for (i = 0; i < FOR_NONE; i++)
		part[i] = clang_getNullCursor();
	kids_of(s, &k);
	for (i = 0; i < k.n; i++) {
		enum for_part p = abi_for_part(s, k.v[i]);

		if (p != FOR_NONE)
			part[p] = k.v[i];
	}
	kids_free(&k);
	lower_loop(L, part[FOR_INIT], part[FOR_COND], part[FOR_INC], part[FOR_BODY], true);
}

static void lower_switch(struct lower *L, CXCursor s)
{
	struct sw sw = { L->fr->sw };
	struct ir_block *x;
	struct kids k;
	int i;

	kids_of(s, &k);
	if (k.n < 2) {
		kids_free(&k);
		return;
	}
	sw.value = rvalue(L, k.v[0]);
	sw.is_const = sw.value && sw.value->kind == IRV_CONST;
	sw.head = L->cur;
	x = irb_block(&L->b);
	L->fr->sw = &sw;
	L->cur = NULL;		/* before the first label: not reached */
	push_target(L, x, NULL);
	lower_stmt(L, k.v[1]);
	kids_free(&k);
	L->fr->ntargets--;
	branch(L, x);
	L->fr->sw = sw.up;
	if (sw.head) {
		L->cur = sw.head;
		if (sw.is_const) {
			branch(L, sw.matched ? sw.matched : sw.def ? sw.def : x);
		} else {
			struct ir_insn *insn = ir_new_insn(IR_SWITCH);

			insn->cond = sw.value;
			insn->pos = pos_of(L, s);
			append(L, insn);
			for (i = 0; i < sw.ncases; i++)
				irb_edge(&L->b, sw.head, sw.cases[i].bb);
			irb_edge(&L->b, sw.head, sw.def ? sw.def : x);
		}
	}
	for (i = 0; i < sw.ncases; i++)
		irb_seal(&L->b, sw.cases[i].bb);
	if (sw.def)
		irb_seal(&L->b, sw.def);
	free(sw.cases);
	irb_seal(&L->b, x);
	L->cur = x;
}

static void lower_case(struct lower *L, CXCursor s, bool is_default)
{
	struct sw *sw = L->fr->sw;
	struct ir_block *bb = irb_block(&L->b);
	long long lo = 0, hi = 0;
	struct kids k;

	branch(L, bb);		/* falling through from the case before */
	L->cur = bb;
	kids_of(s, &k);
	if (!sw || k.n < 1) {
		irb_seal(&L->b, bb);
		if (k.n)
			lower_stmt(L, k.v[k.n - 1]);
		kids_free(&k);
		return;
	}
	if (is_default) {
		sw->def = bb;
	} else {
		bool known = eval_int(k.v[0], &lo);

		hi = lo;
		if (k.n > 2)
			known = known && eval_int(k.v[1], &hi);
		sw->cases = irb_grow(sw->cases, sw->ncases, &sw->capcases, sizeof(*sw->cases));
		sw->cases[sw->ncases++] = (struct swcase){ bb, lo, hi };
		if (sw->is_const && !sw->matched && known &&
		    (long long)sw->value->value >= lo && (long long)sw->value->value <= hi)
			sw->matched = bb;
	}
	lower_stmt(L, k.v[k.n - 1]);
	kids_free(&k);
}

static struct ir_block *label_block(struct lower *L, CXCursor label)
{
	struct frame *fr = L->fr;
	struct ir_block *bb = ir_map_get(&fr->labels, label.data[1]);

	if (!bb) {
		bb = irb_block(&L->b);
		ir_map_put(&fr->labels, label.data[1], bb);
		fr->label_blocks = irb_grow(fr->label_blocks, fr->nlabels, &fr->caplabels,
					    sizeof(*fr->label_blocks));
		fr->label_blocks[fr->nlabels++] = bb;
	}
	return bb;
}

static void lower_return(struct lower *L, CXCursor s)
{
	struct frame *fr = L->fr;
	CXCursor e = last_expr(s);
	struct ir_pos pos = pos_of(L, clang_Cursor_isNull(e) ? s : e);
	struct ir_value *v;

	if (!clang_Cursor_isNull(e)) {
		v = rvalue(L, e);
		v = convert(L, v, clang_getCursorType(e), fr->ret_type, pos);
		if (fr->ret_var >= 0 && L->cur && v)
			irb_write(&L->b, fr->ret_var, L->cur, v, pos);
	}
	if (L->cur)
		fr->last_ret = pos;
	jump(L, fr->exit);
}

/*
 * An asm statement: its outputs are new values; asm goto may jump to
 * its labels. libclang lists the operands, outputs first; an output is
 * an lvalue as written, an input (but "m") is converted to an rvalue.
 */
static void lower_asm(struct lower *L, CXCursor s)
{
	struct ir_insn *insn = ir_new_insn(IR_ASM);
	struct ir_block **labels = NULL;
	int nlabels = 0, caplabels = 0, nout = 0, i;
	struct lval *outs;
	bool outputs = true;
	struct kids k;

	insn->text = cu_text(L->u, s);
	insn->pos = pos_of(L, s);
	kids_of(s, &k);
	outs = calloc(k.n ? k.n : 1, sizeof(*outs));
	for (i = 0; i < k.n; i++) {
		CXCursor c = k.v[i];

		if (clang_getCursorKind(c) == CXCursor_LabelRef) {
			labels = irb_grow(labels, nlabels, &caplabels, sizeof(*labels));
			labels[nlabels++] = label_block(L, clang_getCursorReferenced(c));
		} else if (!clang_isExpression(clang_getCursorKind(c))) {
			continue;
		} else if (outputs && abi_is_lvalue(c)) {
			outs[nout++] = lvalue(L, c);
		} else {
			outputs = false;
			rvalue(L, c);
		}
	}
	kids_free(&k);
	append(L, insn);
	insn->outputs = ir_alloc((nout ? nout : 1) * sizeof(*insn->outputs));
	for (i = 0; i < nout; i++) {
		struct ir_value *v = ir_new_value(IRV_REG);

		v->def = insn;
		insn->outputs[insn->noutputs++] = v;
		store(L, &outs[i], v, insn->pos);
	}
	free(outs);
	if (nlabels && L->cur) {
		struct ir_block *next = irb_block(&L->b);
		struct ir_insn *sw = ir_new_insn(IR_SWITCH);

		sw->pos = insn->pos;
		append(L, sw);
		irb_edge(&L->b, L->cur, next);
		for (i = 0; i < nlabels; i++)
			irb_edge(&L->b, L->cur, labels[i]);
		irb_seal(&L->b, next);
		L->cur = next;
	}
	free(labels);
}

static void lower_decl(struct lower *L, CXCursor d)
{
	struct var *v;
	CXCursor init;
	struct lval lv = { LV_NONE };
	struct ir_value *x;

	if (clang_getCursorKind(d) != CXCursor_VarDecl)
		return;
	v = frame_var(L, d);
	if (!v)
		return;		/* static or extern: not code */
	init = last_expr(d);
	if (clang_Cursor_isNull(init))
		return;
	x = rvalue(L, init);
	lv.type = v->type;
	if (v->ssa) {
		lv.kind = LV_VAR;
		lv.var = v->id;
		x = convert(L, x, clang_getCursorType(init), v->type, pos_of(L, d));
	} else {
		if (type_info(v->type).kind == T_AGG)
			return;		/* an aggregate's initializer: not followed */
		lv.kind = LV_MEM;
		lv.addr = ir_new_value(IRV_SYM);
		lv.addr->sym = v->mem;
	}
	store(L, &lv, x, pos_of(L, d));
}

/* The statements of a compound one; the value of the last, an expression. */
struct ir_value *compound_value(struct lower *L, CXCursor body)
{
	struct ir_value *v = NULL;
	struct kids s;
	int i;

	kids_of(body, &s);
	for (i = 0; i < s.n; i++) {
		if (i == s.n - 1 && clang_isExpression(clang_getCursorKind(s.v[i]))) {
			if (!L->cur)
				L->cur = dead_block(L);
			v = rvalue(L, s.v[i]);
		} else {
			lower_stmt(L, s.v[i]);
		}
	}
	kids_free(&s);
	return v;
}

struct ir_value *lower_stmt_expr(struct lower *L, CXCursor e)
{
	CXCursor body = clang_getNullCursor();
	struct kids k;
	int i;

	kids_of(e, &k);
	for (i = 0; i < k.n; i++)
		if (clang_getCursorKind(k.v[i]) == CXCursor_CompoundStmt)
			body = k.v[i];
	kids_free(&k);
	return clang_Cursor_isNull(body) ? NULL : compound_value(L, body);
}

void lower_stmt(struct lower *L, CXCursor s)
{
	enum CXCursorKind kind = clang_getCursorKind(s);
	struct kids k;
	int i;

	/* code after a jump: nothing reaches it, but a label inside may */
	if (!L->cur && kind != CXCursor_LabelStmt && kind != CXCursor_CaseStmt &&
	    kind != CXCursor_DefaultStmt && kind != CXCursor_CompoundStmt &&
	    kind != CXCursor_NullStmt)
		L->cur = dead_block(L);
	switch (kind) {
	case CXCursor_CompoundStmt:
		kids_of(s, &k);
		for (i = 0; i < k.n; i++)
			lower_stmt(L, k.v[i]);
		kids_free(&k);
		return;
	case CXCursor_DeclStmt:
		kids_of(s, &k);
		for (i = 0; i < k.n; i++)
			lower_decl(L, k.v[i]);
		kids_free(&k);
		return;
	case CXCursor_IfStmt:
		lower_if(L, s);
		return;
	case CXCursor_WhileStmt:
		kids_of(s, &k);
		if (k.n == 2)
			lower_loop(L, clang_getNullCursor(), k.v[0], clang_getNullCursor(), k.v[1], true);
		kids_free(&k);
		return;
	case CXCursor_DoStmt:
		kids_of(s, &k);
		if (k.n == 2)
			lower_loop(L, clang_getNullCursor(), k.v[1], clang_getNullCursor(), k.v[0], false);
		kids_free(&k);
		return;
	case CXCursor_ForStmt:
		lower_for(L, s);
		return;
	case CXCursor_SwitchStmt:
		lower_switch(L, s);
		return;
	case CXCursor_CaseStmt:
		lower_case(L, s, false);
		return;
	case CXCursor_DefaultStmt:
		lower_case(L, s, true);
		return;
	case CXCursor_BreakStmt:
		jump(L, L->fr->ntargets ? L->fr->targets[L->fr->ntargets - 1].brk : NULL);
		return;
	case CXCursor_ContinueStmt:
		jump(L, continue_target(L->fr));
		return;
	case CXCursor_ReturnStmt:
		lower_return(L, s);
		return;
	case CXCursor_GotoStmt:
		kids_of(s, &k);
		if (k.n == 1)
			jump(L, label_block(L, clang_getCursorReferenced(k.v[0])));
		kids_free(&k);
		L->cur = NULL;
		return;
	case CXCursor_IndirectGotoStmt: {
		struct frame *fr = L->fr;
		struct ir_insn *sw;

		kids_of(s, &k);
		if (k.n)
			rvalue(L, k.v[0]);
		kids_free(&k);
		sw = ir_new_insn(IR_SWITCH);
		sw->pos = pos_of(L, s);
		append(L, sw);
		fr->indirect = irb_grow(fr->indirect, fr->nindirect, &fr->capindirect,
					sizeof(*fr->indirect));
		fr->indirect[fr->nindirect++] = L->cur;
		L->cur = NULL;
		return;
	}
	case CXCursor_LabelStmt: {
		struct ir_block *bb = label_block(L, s);

		branch(L, bb);
		L->cur = bb;
		kids_of(s, &k);
		for (i = 0; i < k.n; i++)
			lower_stmt(L, k.v[i]);
		kids_free(&k);
		return;
	}
	case CXCursor_NullStmt:
		return;
	case CXCursor_GCCAsmStmt:
		lower_asm(L, s);
		return;
	default:
		if (clang_isExpression(kind)) {
			rvalue(L, s);
			return;
		}
		/* attributed statements (fallthrough) and the like */
		kids_of(s, &k);
		for (i = 0; i < k.n; i++)
			if (clang_isStatement(clang_getCursorKind(k.v[i])) ||
			    clang_isExpression(clang_getCursorKind(k.v[i])))
				lower_stmt(L, k.v[i]);
		kids_free(&k);
		return;
	}
}

