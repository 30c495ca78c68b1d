// SPDX-License-Identifier: GPL-2.0
/*
 * Type questions for the lowering (clang-types.h), on canonical types.
 */
#include <string.h>

#include "../core/ioir.h"
#include "clang-types.h"

struct fields {
	int n;
	CXCursor only;
};

static enum CXVisitorResult count_field(CXCursor c, CXClientData d)
{
	struct fields *f = d;

	f->n++;
	f->only = c;
	return f->n > 1 ? CXVisit_Break : CXVisit_Continue;
}

/* The member of a struct with exactly one, or a null cursor. */
static CXCursor only_field(CXType t)
{
	struct fields f = { 0 };

	if (t.kind != CXType_Record ||
	    clang_getCursorKind(clang_getTypeDeclaration(t)) != CXCursor_StructDecl)
		return clang_getNullCursor();
	clang_Type_visitFields(t, count_field, &f);
	return f.n == 1 ? f.only : clang_getNullCursor();
}

static struct tinfo scalar(CXType t, int depth);

static struct tinfo integer(CXType t, bool is_signed)
{
	long long size = clang_Type_getSizeOf(t);

	return (struct tinfo){ T_INT, size > 0 ? (int)size * 8 : 0, is_signed, false, false };
}

static struct tinfo scalar(CXType t, int depth)
{
	CXCursor f;

	t = clang_getCanonicalType(t);
	switch (t.kind) {
	case CXType_Void:
		return (struct tinfo){ T_VOID };
	case CXType_Bool:
		return (struct tinfo){ T_INT, 8, false, true, false };
	case CXType_Char_U: case CXType_UChar: case CXType_Char16: case CXType_Char32:
	case CXType_UShort: case CXType_UInt: case CXType_ULong: case CXType_ULongLong:
	case CXType_UInt128:
		return integer(t, false);
	case CXType_Char_S: case CXType_SChar: case CXType_WChar: case CXType_Short:
	case CXType_Int: case CXType_Long: case CXType_LongLong: case CXType_Int128:
		return integer(t, true);
	case CXType_Enum:
		return scalar(clang_getEnumDeclIntegerType(clang_getTypeDeclaration(t)), depth + 1);
	case CXType_Pointer: case CXType_BlockPointer:
		return (struct tinfo){ T_PTR, (int)clang_Type_getSizeOf(t) * 8, false, false, false };
	case CXType_Float: case CXType_Double: case CXType_LongDouble: case CXType_Float128:
	case CXType_Half: case CXType_Float16:
		return (struct tinfo){ T_FLOAT, (int)clang_Type_getSizeOf(t) * 8 };
	case CXType_FunctionProto: case CXType_FunctionNoProto:
		return (struct tinfo){ T_FUNC };
	case CXType_Atomic:
		return scalar(clang_Type_getValueType(t), depth + 1);
	case CXType_Record:
		f = only_field(t);
		if (!clang_Cursor_isNull(f) && depth < 4 && !clang_Cursor_isBitField(f)) {
			struct tinfo in = scalar(clang_getCursorType(f), depth + 1);

			if ((in.kind == T_INT || in.kind == T_PTR) &&
			    in.bits == clang_Type_getSizeOf(t) * 8) {
				in.wrapped = true;
				return in;
			}
		}
		/* fall through */
	default: {
		long long size = clang_Type_getSizeOf(t);

		return (struct tinfo){ T_AGG, size > 0 ? (int)(size * 8) : 0 };
	}
	}
}

struct tinfo type_info(CXType t)
{
	return scalar(t, 0);
}

CXType pointee(CXType t)
{
	t = clang_getCanonicalType(t);
	if (t.kind == CXType_Pointer)
		return clang_getPointeeType(t);
	return clang_getArrayElementType(t);
}

long long pointee_size(CXType t)
{
	CXType p = clang_getCanonicalType(pointee(t));
	long long size;

	if (p.kind == CXType_Void || p.kind == CXType_FunctionProto ||
	    p.kind == CXType_FunctionNoProto)
		return 1;	/* GNU C: arithmetic on void * counts bytes */
	size = clang_Type_getSizeOf(p);
	return size > 0 ? size : 1;
}

bool type_is_pointer(CXType t)
{
	return clang_getCanonicalType(t).kind == CXType_Pointer;
}

bool type_is_array(CXType t)
{
	switch (clang_getCanonicalType(t).kind) {
	case CXType_ConstantArray: case CXType_IncompleteArray:
	case CXType_VariableArray: case CXType_DependentSizedArray:
		return true;
	default:
		return false;
	}
}

bool type_is_prot(CXType t)
{
	CXCursor f = only_field(clang_getCanonicalType(t));
	CXString name;
	bool yes;

	if (clang_Cursor_isNull(f))
		return false;
	name = clang_getCursorSpelling(f);
	yes = ir_prot_member_name(clang_getCString(name));
	clang_disposeString(name);
	return yes;
}
