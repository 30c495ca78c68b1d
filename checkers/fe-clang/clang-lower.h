/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A function's AST, as libclang gives it, lowered to ioguard's IR
 * (core/ioir.h) through the SSA builder (core/irbuild.h):
 *
 *	clang-stmt.c	statements: the CFG of if, while, do, for, switch,
 *			goto, break, continue and return; && || ?: in
 *			conditions
 *	clang-func.c	function bodies, and inline ones inlined at their
 *			calls as sparse does
 *	clang-expr.c	expressions: operators, choices, casts, initializers
 *	clang-lvalue.c	lvalues: SSA variables, memory, loads and stores
 *	clang-emit.c	instructions, constants folded as they are built,
 *			conversions
 *	clang-call.c	calls and the builtins sparse folds
 *	clang-unit.c	the unit: which functions, positions, symbols
 *
 * Locals whose address is never taken are SSA variables; everything
 * else is memory, read and written with loads and stores.
 */
#ifndef IOGUARD_CLANG_LOWER_H
#define IOGUARD_CLANG_LOWER_H

#include <clang-c/Index.h>

#include "../core/ioir.h"
#include "../core/irbuild.h"
#include "clang-abi.h"
#include "clang-types.h"

/* What the unit keeps across its functions (clang-unit.c). */
struct cunit {
	CXTranslationUnit tu;
	struct ir_map files;		/* CXFile -> struct ir_file */
	struct ir_map syms;		/* declaration -> struct ir_sym */
	struct ir_map taken;		/* locals whose address is taken */
	struct ir_map scanned;		/* function bodies scanned for & */
	struct ir_map queued;		/* functions to lower, once */
	CXCursor *pending;		/* inline functions used as values */
	int npending, cappending;
	struct ir_map preunit;		/* files of -include: before the unit */
	CXFile *deps;			/* the files the unit read */
	int ndeps, capdeps;
};

struct var {
	bool ssa;
	int id;				/* ssa: the builder's variable */
	struct ir_sym *mem;		/* else: its memory */
	CXType type;
};

struct target {
	struct ir_block *brk, *cont;
};

struct swcase {
	struct ir_block *bb;
	long long lo, hi;
};

struct sw {
	struct sw *up;
	struct ir_block *head;		/* where the switch branches, or NULL */
	struct ir_value *value;
	bool is_const;
	struct swcase *cases;
	int ncases, capcases;
	struct ir_block *def, *matched;
};

/* One function body being lowered: the function's own, or an inlined one. */
struct frame {
	struct frame *up;
	CXCursor fn;			/* its definition */
	struct ir_map vars;		/* declaration -> struct var */
	int ret_var;			/* -1: returns nothing */
	CXType ret_type;
	struct ir_block *exit;
	struct ir_pos last_ret;
	struct ir_map labels;		/* label statement -> block */
	struct ir_block **label_blocks;
	int nlabels, caplabels;
	struct ir_block **indirect;	/* blocks ending in a computed goto */
	int nindirect, capindirect;
	struct target *targets;
	int ntargets, captargets;
	struct sw *sw;
	int depth;
};

struct lower {
	struct cunit *u;
	struct ir_fn *fn;
	struct irb b;
	struct ir_block *cur;		/* NULL: the code here is unreachable */
	struct frame *fr;
};

enum lv_kind { LV_NONE, LV_VAR, LV_MEM, LV_VALUE };

struct lval {
	enum lv_kind kind;
	int var;			/* LV_VAR */
	struct ir_value *addr;		/* LV_MEM: addr + off */
	long long off;
	struct ir_value *value;		/* LV_VALUE */
	CXType type;
};

/* Children of a cursor, in libclang's order. */
struct kids {
	int n, cap;
	CXCursor *v;
	CXCursor small[8];
};
void kids_of(CXCursor c, struct kids *k);
void kids_free(struct kids *k);
/* The last child that is an expression, or a null cursor. */
CXCursor last_expr(CXCursor c);
/* The declaration an expression refers to (a DeclRefExpr, through parens and casts). */
CXCursor strip(CXCursor e);

/* clang-unit.c */
struct ir_pos cu_pos(struct cunit *u, CXSourceLocation loc);
struct ir_pos cu_cursor_pos(struct cunit *u, CXCursor c);
struct ir_pos cu_call_pos(struct cunit *u, CXCursor call, CXCursor callee, const char *name);
struct ir_sym *cu_sym(struct cunit *u, CXCursor decl);
struct ir_sym *cu_anon_sym(struct cunit *u, CXCursor at);
const char *cu_name(CXCursor c);		/* interned spelling */
void cu_want_function(struct cunit *u, CXCursor def);
/* Has the address of this local been taken anywhere in the unit's bodies? */
bool cu_taken(struct cunit *u, CXCursor decl);
void cu_scan_body(struct cunit *u, CXCursor body);
/* Is a call to decl (whose definition is def) inlined: decl says inline,
 * def has a body, the spec does not name it? */
bool cu_inlinable(struct cunit *u, CXCursor decl, CXCursor def);
/* The text of a statement as written (its asm, for comparing two). */
const char *cu_text(struct cunit *u, CXCursor c);

static inline struct ir_pos pos_of(struct lower *L, CXCursor c)
{
	return cu_cursor_pos(L->u, c);
}

/* clang-emit.c: instructions, folded when their operands are constants */
struct ir_insn *append(struct lower *L, struct ir_insn *insn);
struct ir_value *result_of(struct ir_insn *insn);	/* its value, a new register */
struct ir_value *emit(struct lower *L, enum ir_op op, struct tinfo t,
		      struct ir_value *a, struct ir_value *b, struct ir_pos pos);
struct ir_value *emit_ext(struct lower *L, enum ir_op op, struct tinfo t,
			  int src_bits, struct ir_value *a, struct ir_value *b,
			  struct ir_pos pos);
struct ir_value *emit_cmp(struct lower *L, enum ir_op op, int src_bits,
			  struct ir_value *a, struct ir_value *b, struct ir_pos pos);
struct ir_value *opaque(struct lower *L, int bits, struct ir_pos pos);
struct ir_value *undef_value(void);
struct ir_value *convert(struct lower *L, struct ir_value *v, CXType from, CXType to,
			 struct ir_pos pos);
bool eval_int(CXCursor e, long long *out);		/* clang's own evaluation */
struct ir_value *constant_of(CXCursor e);		/* e as a constant, or NULL */
unsigned long long const_norm(unsigned long long v, int bits, bool is_signed);
struct tinfo int_type(int bits, bool is_signed);

/* clang-lvalue.c */
struct lval lvalue(struct lower *L, CXCursor e);
struct lval value_lval(struct ir_value *v, CXType type);
struct ir_value *load(struct lower *L, struct lval *lv, struct ir_pos pos);
void store(struct lower *L, struct lval *lv, struct ir_value *v, struct ir_pos pos);
struct ir_value *address_of(struct lower *L, struct lval *lv, struct ir_pos pos);
/* an lvalue read as C does: arrays decay, functions are their address */
struct ir_value *read_lvalue(struct lower *L, CXCursor e, struct lval *lv);
/* __builtin_choose_expr(c, a, b): a or b, or null when c is not constant */
CXCursor choose(CXCursor e);

/* clang-expr.c */
struct ir_value *rvalue(struct lower *L, CXCursor e);
struct ir_value *value_of(struct lower *L, CXCursor e);	/* e, not read as an lvalue */
struct ir_value *opaque_of(struct lower *L, CXCursor e);	/* children evaluated, value not followed */
int expr_kids(CXCursor e, struct kids *k);		/* the expression children */
void discard(struct lower *L, CXCursor e);		/* evaluated for what it does */
bool simple(CXCursor e, int depth);			/* no call, no store, no jump */

/* clang-call.c */
struct ir_value *lower_call(struct lower *L, CXCursor e);

/* clang-stmt.c */
void lower_stmt(struct lower *L, CXCursor s);
/* the statements of a compound one; the value of the last, an expression */
struct ir_value *compound_value(struct lower *L, CXCursor body);
void lower_cond(struct lower *L, CXCursor e, struct ir_block *t, struct ir_block *f);

/* clang-func.c */
struct ir_value *lower_inline(struct lower *L, CXCursor def, struct ir_value **args,
			      int nargs, struct ir_pos pos);
/* May a call to def be inlined here (not recursively, not too deep)? */
bool lower_may_inline(struct lower *L, CXCursor def);
struct ir_value *lower_stmt_expr(struct lower *L, CXCursor e);
struct var *frame_var(struct lower *L, CXCursor decl);
void branch(struct lower *L, struct ir_block *to);
struct ir_fn *lower_function(struct cunit *u, CXCursor def);

#endif
