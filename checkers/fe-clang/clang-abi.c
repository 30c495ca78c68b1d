// SPDX-License-Identifier: GPL-2.0
/*
 * libclang 14 hands out expressions as cursors but does not say which
 * operator a BinaryOperator or UnaryOperator is (LLVM 17 added
 * clang_getCursorBinaryOperatorKind), whether an expression is an
 * lvalue, what the many "unexposed" expressions are, nor which of a
 * for statement's parts are present. The lowering needs all four, and
 * they cannot be recovered from the text: libclang 14's "spelling"
 * locations are file locations, so an operator written inside a macro
 * cannot be read back.
 *
 * They are in the node: an expression cursor's data[1] points to the
 * clang::Stmt, whose first 32-bit word holds the statement class (8
 * bits), the value kind (2 bits, after it), and from bit 18 the
 * operator of a unary or binary operator; a ForStmt keeps its parts as
 * an array of pointers after that word. A declaration cursor's data[0]
 * points to the clang::Decl; a FunctionDecl has a bit for "inline" as
 * written on it, found by comparing functions that say it with ones
 * that do not (a definition without inline after an inline declaration
 * among them: that is the case libclang's own answer gets wrong). Which numbers mean what is not
 * assumed: abi_calibrate() parses a snippet whose every operator and
 * construct is known, learns the numbers from it, and checks that they
 * are consistent. If they are not (another libclang), the clang frontend
 * refuses to run rather than guess.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#if defined(__has_include)
#if __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
#endif
#endif
#ifndef VALGRIND_MAKE_MEM_DEFINED
#define VALGRIND_MAKE_MEM_DEFINED(p, n) ((void)(p), (void)(n))
#endif

#include "clang-abi.h"

#define OP_SHIFT 18		/* where a unary or binary operator's opcode starts */

static enum bop bop_of[64];
static enum uop uop_of[32];
static enum xkind xkind_of[256];
static unsigned lvalue_kind = ~0U;
static int for_offset = -1;	/* bytes from the node to its parts */
static int inline_byte = -1, inline_bit;	/* FunctionDecl's "inline" */

static uint32_t head(CXCursor c)
{
	uint32_t w = 0;

	if (c.data[1])
		memcpy(&w, c.data[1], sizeof(w));
	return w;
}

enum bop abi_binop(CXCursor c)
{
	return bop_of[(head(c) >> OP_SHIFT) & 63];
}

enum uop abi_unop(CXCursor c)
{
	return uop_of[(head(c) >> OP_SHIFT) & 31];
}

bool abi_is_lvalue(CXCursor c)
{
	return clang_isExpression(clang_getCursorKind(c)) &&
	       ((head(c) >> 8) & 3) == lvalue_kind;
}

enum xkind abi_unexposed(CXCursor c)
{
	return xkind_of[head(c) & 255];
}

bool abi_inline_specified(CXCursor fn)
{
	const unsigned char *d = fn.data[0];

	if (inline_byte < 0 || !d || clang_getCursorKind(fn) != CXCursor_FunctionDecl)
		return clang_Cursor_isFunctionInlined(fn);
	return (d[inline_byte] >> inline_bit) & 1;
}

enum for_part abi_for_part(CXCursor f, CXCursor c)
{
	const void *const *parts;

	if (for_offset < 0 || !f.data[1])
		return FOR_NONE;
	parts = (const void *const *)((const char *)f.data[1] + for_offset);
	/* INIT, CONDVAR, COND, INC, BODY */
	if (c.data[1] == parts[0])
		return FOR_INIT;
	if (c.data[1] == parts[2])
		return FOR_COND;
	if (c.data[1] == parts[3])
		return FOR_INC;
	if (c.data[1] == parts[4])
		return FOR_BODY;
	return FOR_NONE;
}

static const char snippet[] =
	"struct ig_s { int f; };\n"
	"int ig_b(int a, int b)\n{\n"
	"	a * b; a / b; a % b; a + b; a - b; a << b; a >> b;\n"
	"	a < b; a > b; a <= b; a >= b; a == b; a != b;\n"
	"	a & b; a ^ b; a | b; a && b; a || b;\n"
	"	a = b; a *= b; a /= b; a %= b; a += b; a -= b; a <<= b; a >>= b;\n"
	"	a &= b; a ^= b; a |= b;\n"
	"	a, b;\n"
	"	return 0;\n}\n"
	"int ig_u(int a, int *p, _Complex int z)\n{\n"
	"	a++; a--; ++a; --a; &a; *p; +a; -a; ~a; !a; __real__ z; __imag__ z; __extension__ a;\n"
	"	return 0;\n}\n"
	"int ig_x(int a)\n{\n"
	"	long l = a;\n"
	"	int y = a ?: 1;\n"
	"	int z = __builtin_choose_expr(1, a, y);\n"
	"	unsigned long o = __builtin_offsetof(struct ig_s, f);\n"
	"	const char *n = __func__;\n"
	"	for (a = 0; a < 3; a++) y++;\n"
	"	return y + z + l + o + *n;\n}\n"
	/* ig_i*: say inline; ig_n*: do not (ig_n4 after an inline declaration) */
	"static inline int ig_i1(void) { return 1; }\n"
	"inline int ig_i2(int a) { return a; }\n"
	"static __inline__ void ig_i3(void) { }\n"
	"static inline __attribute__((always_inline)) long ig_i4(long x) { return x; }\n"
	"static inline long ig_i5(long x);\n"
	"static inline long ig_i5(long x) { return x + 1; }\n"
	"static inline struct ig_s *ig_i6(struct ig_s *p, int q, char r) { return p; }\n"
	"extern inline int ig_i7(void) { return 7; }\n"
	"inline static unsigned long long ig_i8(void) { return 8; }\n"
	"static int ig_n1(void) { return 1; }\n"
	"int ig_n2(int a) { return a; }\n"
	"static void ig_n3(void) { }\n"
	"static inline long ig_n4(long x);\n"
	"static long ig_n4(long x) { return x; }\n"
	"void ig_n5(void);\n"
	"void ig_n5(void) { }\n"
	"static struct ig_s *ig_n6(struct ig_s *p, int q, char r) { return p; }\n"
	"extern int ig_n7(void) { return 7; }\n"
	"unsigned long long ig_n8(void) { return 8; }\n";

#define MAX_KIDS 128

struct kids {
	int n;
	CXCursor v[MAX_KIDS];
};

static enum CXChildVisitResult add_kid(CXCursor c, CXCursor parent, CXClientData d)
{
	struct kids *k = d;

	if (k->n < MAX_KIDS)
		k->v[k->n++] = c;
	return CXChildVisit_Continue;
}

static void kids_of(CXCursor c, struct kids *k)
{
	k->n = 0;
	clang_visitChildren(c, add_kid, k);
}

/* The statements of function name's body. */
static bool body_of(CXCursor tu, const char *name, struct kids *out)
{
	struct kids top, fn;
	int i, j;

	kids_of(tu, &top);
	for (i = 0; i < top.n; i++) {
		CXString s = clang_getCursorSpelling(top.v[i]);
		bool match = !strcmp(clang_getCString(s), name);

		clang_disposeString(s);
		if (!match || clang_getCursorKind(top.v[i]) != CXCursor_FunctionDecl)
			continue;
		kids_of(top.v[i], &fn);
		for (j = 0; j < fn.n; j++)
			if (clang_getCursorKind(fn.v[j]) == CXCursor_CompoundStmt) {
				kids_of(fn.v[j], out);
				return true;
			}
	}
	return false;
}

/* The initializer of the declaration statement d. */
static CXCursor init_of(CXCursor d)
{
	struct kids k, v;

	kids_of(d, &k);
	if (k.n == 1) {
		kids_of(k.v[0], &v);
		if (v.n)
			return v.v[v.n - 1];
	}
	return clang_getNullCursor();
}

/* A statement's expression, under an implicit conversion (`*p;` reads *p). */
static CXCursor unwrap(CXCursor c)
{
	struct kids k;

	if (clang_getCursorKind(c) != CXCursor_UnexposedExpr)
		return c;
	kids_of(c, &k);
	return k.n == 1 ? k.v[0] : c;
}

static bool learn_ops(CXCursor tu, char *why, int len)
{
	struct kids k;
	int i, raw;

	if (!body_of(tu, "ig_b", &k) || k.n != B_COUNT) {
		snprintf(why, len, "binary operators: %d statements", k.n);
		return false;
	}
	for (i = 0; i + 1 < k.n; i++) {
		enum CXCursorKind kind = clang_getCursorKind(k.v[i] = unwrap(k.v[i]));

		if (kind != CXCursor_BinaryOperator && kind != CXCursor_CompoundAssignOperator) {
			snprintf(why, len, "statement %d is not a binary operator", i);
			return false;
		}
		raw = (head(k.v[i]) >> OP_SHIFT) & 63;
		if (bop_of[raw]) {
			snprintf(why, len, "binary operators %d and %d read the same", bop_of[raw], i + 1);
			return false;
		}
		bop_of[raw] = B_MUL + i;
	}
	/* a = b: the left side is an lvalue, a * b is not */
	{
		struct kids a;

		kids_of(k.v[B_ASSIGN - 1], &a);
		if (a.n != 2 || ((head(a.v[0]) >> 8) & 3) == ((head(k.v[0]) >> 8) & 3)) {
			snprintf(why, len, "value kinds of lvalue and rvalue read the same");
			return false;
		}
		lvalue_kind = (head(a.v[0]) >> 8) & 3;
	}
	if (!body_of(tu, "ig_u", &k) || k.n != U_COUNT) {
		snprintf(why, len, "unary operators: %d statements", k.n);
		return false;
	}
	for (i = 0; i + 1 < k.n; i++) {
		k.v[i] = unwrap(k.v[i]);
		if (clang_getCursorKind(k.v[i]) != CXCursor_UnaryOperator) {
			snprintf(why, len, "statement %d is not a unary operator", i);
			return false;
		}
		raw = (head(k.v[i]) >> OP_SHIFT) & 31;
		if (uop_of[raw]) {
			snprintf(why, len, "unary operators %d and %d read the same", uop_of[raw], i + 1);
			return false;
		}
		uop_of[raw] = U_POSTINC + i;
	}
	return true;
}

/* An unexposed expression's class, under the implicit casts around it. */
static bool learn_class(CXCursor e, enum xkind kind, char *why, int len)
{
	unsigned cast = 0;
	struct kids k;

	while (clang_getCursorKind(e) == CXCursor_UnexposedExpr &&
	       xkind_of[head(e) & 255] == X_IMPLICIT_CAST && kind != X_IMPLICIT_CAST) {
		cast = head(e) & 255;
		kids_of(e, &k);
		if (k.n != 1)
			break;
		e = k.v[0];
	}
	if (clang_getCursorKind(e) != CXCursor_UnexposedExpr || (head(e) & 255) == cast) {
		snprintf(why, len, "construct %d is not an unexposed expression", kind);
		return false;
	}
	if (xkind_of[head(e) & 255] && xkind_of[head(e) & 255] != kind) {
		snprintf(why, len, "constructs %d and %d read the same", xkind_of[head(e) & 255], kind);
		return false;
	}
	xkind_of[head(e) & 255] = kind;
	return true;
}

static bool learn_exprs(CXCursor tu, char *why, int len)
{
	static const enum xkind order[] = { X_IMPLICIT_CAST, X_BINCOND, X_CHOOSE,
					    X_OFFSETOF, X_PREDEFINED };
	struct kids k, f;
	const void *const *slot;
	size_t i;
	int off;

	if (!body_of(tu, "ig_x", &k) || k.n != 7) {
		snprintf(why, len, "unexposed expressions: %d statements", k.n);
		return false;
	}
	for (i = 0; i < sizeof(order) / sizeof(*order); i++)
		if (!learn_class(init_of(k.v[i]), order[i], why, len))
			return false;
	/* for (a = 0; a < 3; a++) y++; */
	kids_of(k.v[5], &f);
	if (clang_getCursorKind(k.v[5]) != CXCursor_ForStmt || f.n != 4) {
		snprintf(why, len, "the for statement has %d parts", f.n);
		return false;
	}
	for (off = 8; off <= 64 && for_offset < 0; off += 8) {
		slot = (const void *const *)((const char *)k.v[5].data[1] + off);
		if (slot[0] == f.v[0].data[1] && slot[2] == f.v[1].data[1] &&
		    slot[3] == f.v[2].data[1] && slot[4] == f.v[3].data[1])
			for_offset = off;
	}
	if (for_offset < 0) {
		snprintf(why, len, "the for statement's parts are not where expected");
		return false;
	}
	return true;
}

/*
 * The bit that is set in every ig_i* definition and clear in every
 * ig_n*. A declaration's bytes include padding that was never written:
 * a bit of it can agree by chance, so the bit must agree in two parses
 * that lay the functions out differently (the snippet, and its
 * definitions in the other order), and be the only one that does.
 * Reading padding is meant here: memcheck is told so.
 */
#define DECL_BYTES 160

struct bits {
	unsigned char and1[DECL_BYTES], or0[DECL_BYTES];
	int ni, nn;
};

static void gather(CXCursor tu, struct bits *b)
{
	unsigned char d[DECL_BYTES];
	struct kids k;
	int i, j;

	memset(b->and1, 0xff, sizeof(b->and1));
	memset(b->or0, 0, sizeof(b->or0));
	b->ni = b->nn = 0;
	kids_of(tu, &k);
	for (i = 0; i < k.n; i++) {
		CXString s = clang_getCursorSpelling(k.v[i]);
		const char *name = clang_getCString(s);
		bool yes = !strncmp(name, "ig_i", 4), no = !strncmp(name, "ig_n", 4);

		if ((yes || no) && clang_getCursorKind(k.v[i]) == CXCursor_FunctionDecl &&
		    clang_isCursorDefinition(k.v[i])) {
			memcpy(d, k.v[i].data[0], sizeof(d));
			VALGRIND_MAKE_MEM_DEFINED(d, sizeof(d));
			for (j = 0; j < DECL_BYTES; j++) {
				if (yes)
					b->and1[j] &= d[j];
				else
					b->or0[j] |= d[j];
			}
			b->ni += yes;
			b->nn += no;
		}
		clang_disposeString(s);
	}
}

static bool learn_inline(CXCursor a, CXCursor b2, char *why, int len)
{
	struct bits x, y;
	int i, b, found = 0;

	gather(a, &x);
	gather(b2, &y);
	for (b = 0; b < DECL_BYTES; b++)
		for (i = 0; i < 8; i++)
			if (((x.and1[b] & y.and1[b]) >> i & 1) && !((x.or0[b] | y.or0[b]) >> i & 1)) {
				inline_byte = b;
				inline_bit = i;
				found++;
			}
	if (x.ni != 8 || x.nn != 8 || y.ni != 8 || y.nn != 8 || found != 1) {
		snprintf(why, len, "%d bits tell inline functions (%d and %d definitions)",
			 found, x.ni, x.nn);
		inline_byte = -1;
		return false;
	}
	return true;
}

/* The snippet's inline and plain definitions, in the other order. */
static const char reordered[] =
	"struct ig_s { int f; };\n"
	"unsigned long long ig_n8(void) { return 8; }\n"
	"inline static unsigned long long ig_i8(void) { return 8; }\n"
	"extern int ig_n7(void) { return 7; }\n"
	"extern inline int ig_i7(void) { return 7; }\n"
	"static struct ig_s *ig_n6(struct ig_s *p, int q, char r) { return p; }\n"
	"static inline struct ig_s *ig_i6(struct ig_s *p, int q, char r) { return p; }\n"
	"void ig_n5(void);\n"
	"void ig_n5(void) { }\n"
	"static inline long ig_i5(long x);\n"
	"static inline long ig_i5(long x) { return x + 1; }\n"
	"static inline long ig_n4(long x);\n"
	"static long ig_n4(long x) { return x; }\n"
	"static inline __attribute__((always_inline)) long ig_i4(long x) { return x; }\n"
	"static void ig_n3(void) { }\n"
	"static __inline__ void ig_i3(void) { }\n"
	"int ig_n2(int a) { return a; }\n"
	"inline int ig_i2(int a) { return a; }\n"
	"static int ig_n1(void) { return 1; }\n"
	"static inline int ig_i1(void) { return 1; }\n";

bool abi_calibrate(CXIndex index, char *why, int len)
{
	struct CXUnsavedFile file = { "ioguard-calibrate.c", snippet, sizeof(snippet) - 1 };
	struct CXUnsavedFile other = { "ioguard-calibrate2.c", reordered, sizeof(reordered) - 1 };
	const char *args[] = { "-xc", "-std=gnu11", "-w" };
	CXTranslationUnit tu, tu2;
	bool ok;

	memset(bop_of, 0, sizeof(bop_of));
	memset(uop_of, 0, sizeof(uop_of));
	memset(xkind_of, 0, sizeof(xkind_of));
	for_offset = -1;
	inline_byte = -1;
	tu = clang_parseTranslationUnit(index, file.Filename, args, 3, &file, 1,
					CXTranslationUnit_None);
	if (!tu) {
		snprintf(why, len, "libclang cannot parse its snippet");
		return false;
	}
	tu2 = clang_parseTranslationUnit(index, other.Filename, args, 3, &other, 1,
					 CXTranslationUnit_None);
	if (!tu2) {
		clang_disposeTranslationUnit(tu);
		snprintf(why, len, "libclang cannot parse its snippet");
		return false;
	}
	ok = learn_ops(clang_getTranslationUnitCursor(tu), why, len) &&
	     learn_exprs(clang_getTranslationUnitCursor(tu), why, len) &&
	     learn_inline(clang_getTranslationUnitCursor(tu), clang_getTranslationUnitCursor(tu2),
			  why, len);
	clang_disposeTranslationUnit(tu2);
	clang_disposeTranslationUnit(tu);
	return ok;
}
