// SPDX-License-Identifier: GPL-2.0
/*
 * One translation unit through libclang (clang-unit.h): parsed with the
 * core's probes appended to the file's text (an unsaved file of the
 * same name, so every line keeps its number), its functions lowered as
 * sparse would linearize them, and what the core needs of positions,
 * symbols and text.
 *
 * Which functions: every definition not declared inline, the spec's
 * primitives and fixmaps even when inline (their bodies are derived
 * from), and inline ones used as values (sparse un-inlines those).
 * Every other inline function is inlined at its calls.
 *
 * Positions are where sparse puts them: a token written in the file is
 * there, one from a macro's body is at the macro's name where it was
 * expanded (clang's "file location"); columns count a tab to the next
 * multiple of 8, and a call is at its '(' (cu_call_pos()).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clang-unit.h"
#include "../core/facts.h"
#include "../core/frontend.h"

struct cfile {
	struct ir_file f;		/* first: an ir_file * is a struct cfile * */
	const char *text;
	size_t size;
};

static enum CXChildVisitResult add_kid(CXCursor c, CXCursor parent, CXClientData d)
{
	struct kids *k = d;

	if (k->n == k->cap) {
		int cap = k->cap * 2;
		CXCursor *v = malloc(cap * sizeof(*v));

		if (!v)
			abort();
		memcpy(v, k->v, k->n * sizeof(*v));
		if (k->v != k->small)
			free(k->v);
		k->v = v;
		k->cap = cap;
	}
	k->v[k->n++] = c;
	return CXChildVisit_Continue;
}

void kids_of(CXCursor c, struct kids *k)
{
	k->n = 0;
	k->cap = sizeof(k->small) / sizeof(*k->small);
	k->v = k->small;
	clang_visitChildren(c, add_kid, k);
}

void kids_free(struct kids *k)
{
	if (k->v != k->small)
		free(k->v);
	k->v = k->small;
	k->n = 0;
}

CXCursor last_expr(CXCursor c)
{
	CXCursor r = clang_getNullCursor();
	struct kids k;
	int i;

	kids_of(c, &k);
	for (i = 0; i < k.n; i++)
		if (clang_isExpression(clang_getCursorKind(k.v[i])))
			r = k.v[i];
	kids_free(&k);
	return r;
}

CXCursor strip(CXCursor e)
{
	for (;;) {
		enum CXCursorKind k = clang_getCursorKind(e);
		CXCursor in;

		if (k != CXCursor_ParenExpr &&
		    !(k == CXCursor_UnexposedExpr && abi_unexposed(e) == X_IMPLICIT_CAST))
			return e;
		in = last_expr(e);
		if (clang_Cursor_isNull(in))
			return e;
		e = in;
	}
}

const char *cu_name(CXCursor c)
{
	CXString s = clang_getCursorSpelling(c);
	const char *name = clang_getCString(s);
	const char *r = name && *name ? ir_intern(name) : NULL;

	clang_disposeString(s);
	return r;
}

static struct cfile *file_of(struct cunit *u, CXFile file)
{
	struct cfile *f;
	CXString name;

	if (!file)
		return NULL;
	f = ir_map_get(&u->files, file);
	if (f)
		return f;
	f = ir_alloc(sizeof(*f));
	name = clang_getFileName(file);
	f->f.name = ir_intern(clang_getCString(name));
	clang_disposeString(name);
	f->text = clang_getFileContents(u->tu, file, &f->size);
	ir_map_put(&u->files, file, f);
	return f;
}

/* sparse's column: 1-based, a tab to the next multiple of 8 */
static int visual_col(struct cfile *f, unsigned offset, unsigned col)
{
	unsigned start, i;
	int vcol = 0;

	if (!f->text || offset > f->size || col < 1 || col - 1 > offset)
		return (int)col;
	start = offset - (col - 1);
	for (i = start; i < offset; i++)
		vcol = f->text[i] == '\t' ? (vcol / 8 + 1) * 8 : vcol + 1;
	return vcol + 1;
}

static struct ir_pos pos_at(struct cfile *f, unsigned line, unsigned col, unsigned off)
{
	struct ir_pos p = { NULL, (int)line, (int)col };

	if (!f)
		return p;
	p.file = &f->f;
	p.col = visual_col(f, off, col);
	return p;
}

struct ir_pos cu_pos(struct cunit *u, CXSourceLocation loc)
{
	CXFile file;
	unsigned line, col, off;

	clang_getFileLocation(loc, &file, &line, &col, &off);
	return pos_at(file_of(u, file), line, col, off);
}

struct ir_pos cu_cursor_pos(struct cunit *u, CXCursor c)
{
	return cu_pos(u, clang_getCursorLocation(c));
}

static bool ident_char(char c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/*
 * A call is where its '(' is: after the callee's name when the name is
 * written there, else (the call comes from a macro's body) at the
 * macro's name, which is where the file location of the call points.
 */
struct ir_pos cu_call_pos(struct cunit *u, CXCursor call, CXCursor callee, const char *name)
{
	CXSourceLocation loc = clang_getCursorLocation(callee);
	CXFile file;
	unsigned line, col, off, n, i;
	struct cfile *f;

	if (!name && clang_getCursorKind(callee) == CXCursor_MemberRefExpr)
		name = cu_name(callee);
	clang_getFileLocation(loc, &file, &line, &col, &off);
	f = file_of(u, file);
	if (name && f && f->text && off + strlen(name) <= f->size &&
	    !strncmp(f->text + off, name, strlen(name)) &&
	    !(off + strlen(name) < f->size && ident_char(f->text[off + strlen(name)]))) {
		n = strlen(name);
		for (i = off + n; i < f->size && (f->text[i] == ' ' || f->text[i] == '\t' ||
						  f->text[i] == '\n' || f->text[i] == '\\'); i++)
			;
		if (i < f->size && f->text[i] == '(') {
			/* the '(' on its own line: count its line and column */
			unsigned j, l = line, c = col;

			for (j = off; j < i; j++) {
				if (f->text[j] == '\n') {
					l++;
					c = 1;
				} else {
					c++;
				}
			}
			return pos_at(f, l, c, i);
		}
	}
	return cu_cursor_pos(u, call);
}

/*
 * Where sparse puts a declaration: at its declarator, whose first token
 * is the leftmost '*' of a pointer type (`int *\nfoo(void)` is on the
 * line of the '*'), else the name. Scanned back in the text from the
 * name, over blanks, '*', words and attribute parentheses.
 */
static struct ir_pos declarator_pos(struct cunit *u, CXCursor decl)
{
	CXFile file;
	unsigned line, col, off, i, star = 0, depth;
	const char *name = cu_name(decl);
	struct cfile *f;

	clang_getFileLocation(clang_getCursorLocation(decl), &file, &line, &col, &off);
	f = file_of(u, file);
	if (!f || !f->text || !name || off + strlen(name) > f->size ||
	    strncmp(f->text + off, name, strlen(name)))
		return cu_cursor_pos(u, decl);
	for (i = off; i > 0 && off - i < 512;) {
		char c = f->text[i - 1];

		if (c == ' ' || c == '\t' || c == '\n' || ident_char(c)) {
			i--;
		} else if (c == '*') {
			star = --i + 1;
		} else if (c == ')') {
			for (depth = 0; i > 0; i--) {
				if (f->text[i - 1] == ')')
					depth++;
				else if (f->text[i - 1] == '(' && !--depth)
					break;
			}
			if (!i)
				break;
			i--;
		} else {
			break;
		}
	}
	if (!star)
		return cu_cursor_pos(u, decl);
	/* count the lines and the column of the '*' */
	for (i = star - 1; i < off; i++)
		if (f->text[i] == '\n')
			line--;
	for (i = star - 1, col = 1; i > 0 && f->text[i - 1] != '\n'; i--)
		col++;
	return pos_at(f, line, col, star - 1);
}

static bool is_static_fn(CXCursor d)
{
	return clang_getCursorLinkage(d) == CXLinkage_Internal;
}

struct ir_sym *cu_sym(struct cunit *u, CXCursor decl)
{
	CXCursor canon = clang_getCanonicalCursor(decl), def;
	struct ir_sym *s = ir_map_get(&u->syms, canon.data[0]);

	if (s)
		return s;
	s = ir_alloc(sizeof(*s));
	s->name = cu_name(decl);
	s->is_fn = clang_getCursorKind(decl) == CXCursor_FunctionDecl;
	def = clang_getCursorDefinition(decl);
	s->pos = s->is_fn ? declarator_pos(u, clang_Cursor_isNull(def) ? decl : def) :
			    cu_cursor_pos(u, clang_Cursor_isNull(def) ? decl : def);
	s->is_static = s->is_fn ? is_static_fn(decl) :
		       clang_Cursor_getStorageClass(decl) == CX_SC_Static;
	ir_map_put(&u->syms, canon.data[0], s);
	return s;
}

struct ir_sym *cu_anon_sym(struct cunit *u, CXCursor at)
{
	struct ir_sym *s = ir_alloc(sizeof(*s));

	s->pos = cu_cursor_pos(u, at);
	return s;
}

static bool defined_inline(struct cunit *u, CXCursor def);

void cu_want_function(struct cunit *u, CXCursor def)
{
	CXCursor canon;
	const struct spec_entry *e;

	if (clang_Cursor_isNull(def) || !clang_isCursorDefinition(def) ||
	    !defined_inline(u, def))
		return;		/* a function that is not inline is lowered anyway */
	e = tu_spec_of(cu_name(def));
	if (e && (e->kind == SPEC_PRIMITIVE || e->kind == SPEC_FIXMAP))
		return;		/* so is the spec's primitive or fixmap */
	canon = clang_getCanonicalCursor(def);
	if (ir_map_get(&u->queued, canon.data[0]))
		return;
	ir_map_put(&u->queued, canon.data[0], (void *)1);
	if (u->npending == u->cappending) {
		u->cappending = u->cappending ? u->cappending * 2 : 16;
		u->pending = realloc(u->pending, u->cappending * sizeof(*u->pending));
	}
	u->pending[u->npending++] = def;
}

bool cu_taken(struct cunit *u, CXCursor decl)
{
	return ir_map_get(&u->taken, decl.data[0]) != NULL;
}

/* &x, &x.member, &x[i]: x's address is taken. */
static enum CXChildVisitResult scan(CXCursor c, CXCursor parent, CXClientData d)
{
	struct cunit *u = d;

	if (clang_getCursorKind(c) == CXCursor_UnaryOperator && abi_unop(c) == U_ADDR) {
		CXCursor e = last_expr(c);

		while (!clang_Cursor_isNull(e)) {
			enum CXCursorKind k = clang_getCursorKind(e);

			if (k == CXCursor_DeclRefExpr) {
				ir_map_put(&u->taken, clang_getCursorReferenced(e).data[0], (void *)1);
				break;
			}
			if (k == CXCursor_ParenExpr ||
			    (k == CXCursor_MemberRefExpr && !type_is_pointer(clang_getCursorType(last_expr(e)))) ||
			    k == CXCursor_ArraySubscriptExpr)
				e = k == CXCursor_ArraySubscriptExpr ? clang_getNullCursor() : last_expr(e);
			else
				break;
		}
	}
	return CXChildVisit_Recurse;
}

void cu_scan_body(struct cunit *u, CXCursor body)
{
	if (clang_Cursor_isNull(body) || ir_map_get(&u->scanned, body.data[1]))
		return;
	ir_map_put(&u->scanned, body.data[1], (void *)1);
	clang_visitChildren(body, scan, u);
}

bool cu_inlinable(struct cunit *u, CXCursor decl, CXCursor def)
{
	/* as sparse: the declaration the call sees says inline */
	return abi_inline_specified(decl) && clang_isCursorDefinition(def) &&
	       !tu_spec_of(cu_name(def));
}

const char *cu_text(struct cunit *u, CXCursor c)
{
	CXSourceRange r = clang_getCursorExtent(c);
	CXFile f1, f2;
	unsigned o1, o2;
	struct cfile *f;
	char *t;

	clang_getFileLocation(clang_getRangeStart(r), &f1, NULL, NULL, &o1);
	clang_getFileLocation(clang_getRangeEnd(r), &f2, NULL, NULL, &o2);
	f = file_of(u, f1);
	if (!f || f1 != f2 || !f->text || o2 < o1 || o2 > f->size || o2 - o1 > 4096)
		return "";
	t = ir_alloc(o2 - o1 + 1);
	memcpy(t, f->text + o1, o2 - o1);
	return t;
}

/* Functions named in a file-scope initializer: callbacks, initcalls, exports. */
struct data_walk {
	struct cunit *u;
	int depth;
};

static enum CXChildVisitResult data_refs(CXCursor c, CXCursor parent, CXClientData d)
{
	struct data_walk *w = d;

	if (clang_getCursorKind(c) == CXCursor_DeclRefExpr) {
		CXCursor r = clang_getCursorReferenced(c);

		if (clang_getCursorKind(r) == CXCursor_FunctionDecl) {
			facts_ref(cu_sym(w->u, r), cu_cursor_pos(w->u, c), NULL);
			cu_want_function(w->u, clang_getCursorDefinition(r));
		}
	}
	return CXChildVisit_Recurse;
}

/*
 * The files the unit read. Those of -include (and what they include)
 * come before the unit, as sparse reads them: their functions are not
 * the unit's, nor are they among the files it read.
 */
static void inclusion(CXFile file, CXSourceLocation *stack, unsigned n, CXClientData d)
{
	struct cunit *u = d;
	CXFile outer = NULL;

	if (n)
		clang_getFileLocation(stack[n - 1], &outer, NULL, NULL, NULL);
	if (n && !outer) {
		ir_map_put(&u->preunit, file, (void *)1);
		return;
	}
	if (u->ndeps == u->capdeps) {
		u->capdeps = u->capdeps ? u->capdeps * 2 : 256;
		u->deps = realloc(u->deps, u->capdeps * sizeof(*u->deps));
	}
	u->deps[u->ndeps++] = file;
}

static bool preunit(struct cunit *u, CXCursor c)
{
	CXFile file;

	clang_getFileLocation(clang_getCursorLocation(c), &file, NULL, NULL, NULL);
	return file && ir_map_get(&u->preunit, file);
}

static void deps(struct cunit *u)
{
	int i;

	for (i = 0; i < u->ndeps; i++) {
		CXString name = clang_getFileName(u->deps[i]);

		facts_dep(clang_getCString(name));
		clang_disposeString(name);
	}
}

/*
 * Is the definition itself declared inline (sparse keeps those for
 * inlining only)? A definition can be inline through an earlier
 * declaration alone (kernel/sched/fair.c's account_cfs_rq_runtime());
 * libclang answers for all of them, clang-abi.c for this one.
 */
static bool defined_inline(struct cunit *u, CXCursor def)
{
	return abi_inline_specified(def);
}

/* Lower every function the unit has, in the order sparse would. */
static void lower_all(struct cunit *u)
{
	CXCursor top = clang_getTranslationUnitCursor(u->tu);
	struct data_walk w = { u, 0 };
	struct kids k;
	int i;

	kids_of(top, &k);
	for (i = 0; i < k.n; i++)
		if (clang_getCursorKind(k.v[i]) == CXCursor_VarDecl)
			clang_visitChildren(k.v[i], data_refs, &w);
	for (i = 0; i < k.n; i++) {
		CXCursor c = k.v[i];
		const struct spec_entry *e;

		if (clang_getCursorKind(c) != CXCursor_FunctionDecl || !clang_isCursorDefinition(c) ||
		    preunit(u, c))
			continue;
		e = tu_spec_of(cu_name(c));
		if (defined_inline(u, c)) {
			if (!(e && (e->kind == SPEC_PRIMITIVE || e->kind == SPEC_FIXMAP)))
				continue;
			/* lowered here: not again if its address is taken */
			ir_map_put(&u->queued, clang_getCanonicalCursor(c).data[0], (void *)1);
		}
		tu_add(lower_function(u, c));
	}
	kids_free(&k);
	/* inline functions used as values, as they are found */
	for (i = 0; i < u->npending; i++)
		tu_add(lower_function(u, u->pending[i]));
}

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0, r;

	if (!f)
		return NULL;
	do {
		if (n + 65536 > cap) {
			cap = cap ? cap * 2 : 65536;
			buf = realloc(buf, cap + 1);
		}
		r = fread(buf + n, 1, cap - n, f);
		n += r;
	} while (r > 0);
	fclose(f);
	*len = n;
	return buf;
}

int clang_unit_check(CXIndex index, const struct spec *spec, const char *file,
		     const char *const *args, int nargs, bool *has_error)
{
	struct cunit u = { 0 };
	struct CXUnsavedFile unsaved;
	enum CXErrorCode err;
	char probes[8192];
	size_t len = 0;
	char *text;
	unsigned i, n;
	int plen;

	*has_error = false;
	text = read_all(file, &len);
	if (!text)
		return -1;
	tu_begin(spec);
	facts_unit(file);
	plen = tu_probe_text(probes, sizeof(probes), PROBE_STATEMENT);
	text = realloc(text, len + (plen > 0 ? plen : 0) + 2);
	text[len++] = '\n';
	if (plen > 0) {
		memcpy(text + len, probes, plen);
		len += plen;
	}
	unsaved = (struct CXUnsavedFile){ file, text, len };
	err = clang_parseTranslationUnit2(index, file, args, nargs, &unsaved, 1,
					  CXTranslationUnit_KeepGoing, &u.tu);
	if (err != CXError_Success || !u.tu) {
		fprintf(stderr, "%s: %s: clang could not parse it (error %d)\n", ioguard_prog,
			file, err);
		*has_error = true;
		facts_unit_end(true);
		tu_free();
		free(text);
		return 0;
	}
	n = clang_getNumDiagnostics(u.tu);
	for (i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(u.tu, i);

		if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
			CXString s = clang_formatDiagnostic(d, CXDiagnostic_DisplaySourceLocation |
							       CXDiagnostic_DisplayColumn);

			fprintf(stderr, "%s\n", clang_getCString(s));
			clang_disposeString(s);
			*has_error = true;
		}
		clang_disposeDiagnostic(d);
	}
	clang_getInclusions(u.tu, inclusion, &u);
	lower_all(&u);
	tu_run();
	deps(&u);
	facts_unit_end(*has_error);
	tu_free();
	clang_disposeTranslationUnit(u.tu);
	ir_map_free(&u.files);
	ir_map_free(&u.syms);
	ir_map_free(&u.taken);
	ir_map_free(&u.scanned);
	ir_map_free(&u.queued);
	ir_map_free(&u.preunit);
	free(u.pending);
	free(u.deps);
	free(text);
	return 0;
}
