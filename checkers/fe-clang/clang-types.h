/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Types as the lowering needs them: how wide a value is, signed or not,
 * and whether it is a scalar the IR can hold. A struct of one scalar
 * member (pgprot_t, pte_t, atomic_t) is that scalar: the kernel's type
 * wrappers are values, as sparse's optimiser makes them too.
 */
#ifndef IOGUARD_CLANG_TYPES_H
#define IOGUARD_CLANG_TYPES_H

#include <stdbool.h>

#include <clang-c/Index.h>

enum tkind {
	T_VOID,
	T_INT,		/* integers, enums, _Bool, and wrappers of them */
	T_PTR,		/* pointers, and wrappers of them */
	T_FLOAT,
	T_AGG,		/* other structs, unions, arrays: memory */
	T_FUNC,
	T_OTHER,
};

struct tinfo {
	enum tkind kind;
	int bits;		/* 0 when not known */
	bool is_signed;
	bool is_bool;
	bool wrapped;		/* a struct standing for its member */
};

struct tinfo type_info(CXType t);
/* The type a pointer (or an array) points to; its size in bytes (1 for void). */
CXType pointee(CXType t);
long long pointee_size(CXType t);
/* Is t (canonically) a pointer, an array, a function? */
bool type_is_pointer(CXType t);
bool type_is_array(CXType t);
/* A protection type: a struct of one member named pgprot, pte, pmd, pud or p4d. */
bool type_is_prot(CXType t);

#endif
