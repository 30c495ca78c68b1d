/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What libclang 14's C API does not say about an expression, read from
 * the node itself (clang-abi.c): which operator a unary or binary
 * operator is, whether an expression is an lvalue, what an "unexposed"
 * expression really is, which parts of a for statement are there, and
 * whether a function's declaration itself says inline.
 * Everything is calibrated at start-up on a snippet whose answers are
 * known; a libclang whose nodes do not read back as expected is refused.
 */
#ifndef IOGUARD_CLANG_ABI_H
#define IOGUARD_CLANG_ABI_H

#include <stdbool.h>

#include <clang-c/Index.h>

enum bop {
	B_NONE,
	B_MUL, B_DIV, B_REM, B_ADD, B_SUB, B_SHL, B_SHR,
	B_LT, B_GT, B_LE, B_GE, B_EQ, B_NE,
	B_AND, B_XOR, B_OR, B_LAND, B_LOR,
	B_ASSIGN, B_MULA, B_DIVA, B_REMA, B_ADDA, B_SUBA, B_SHLA, B_SHRA,
	B_ANDA, B_XORA, B_ORA,
	B_COMMA,
	B_COUNT
};

enum uop {
	U_NONE,
	U_POSTINC, U_POSTDEC, U_PREINC, U_PREDEC, U_ADDR, U_DEREF, U_PLUS,
	U_MINUS, U_NOT, U_LNOT, U_REAL, U_IMAG, U_EXT,
	U_COUNT
};

/* What a CXCursor_UnexposedExpr is. */
enum xkind {
	X_OTHER,
	X_IMPLICIT_CAST,	/* one child, converted */
	X_BINCOND,		/* a ?: b */
	X_CHOOSE,		/* __builtin_choose_expr(c, a, b) */
	X_OFFSETOF,		/* constant */
	X_PREDEFINED,		/* __func__: its string */
	X_COUNT
};

/* The parts of a for statement, in the order libclang visits them. */
enum for_part { FOR_INIT, FOR_COND, FOR_INC, FOR_BODY, FOR_NONE };

/* Read the snippet's nodes back; false (and why) when they disagree. */
bool abi_calibrate(CXIndex index, char *why, int len);

enum bop abi_binop(CXCursor c);		/* BinaryOperator, CompoundAssignOperator */
enum uop abi_unop(CXCursor c);		/* UnaryOperator */
bool abi_is_lvalue(CXCursor c);		/* any expression */
enum xkind abi_unexposed(CXCursor c);	/* CXCursor_UnexposedExpr */
/* Which part of the for statement f its child c is. */
enum for_part abi_for_part(CXCursor f, CXCursor c);
/* Does this declaration of a function itself say inline? (libclang's
 * clang_Cursor_isFunctionInlined() answers for all its declarations.) */
bool abi_inline_specified(CXCursor fn);

#endif
