// SPDX-License-Identifier: GPL-2.0
/*
 * A C file read as text, for the audit's prefilter: comments, strings
 * and the conditions of #if are skipped, both sides of every #if are
 * read, and nothing is expanded. What it reports is therefore a superset
 * of what any configuration compiles, which is what the prefilter needs
 * to be sound (docs/audit.md, "Prefilter").
 *
 * A function definition is a name followed by a parenthesised list and
 * a '{' at file scope, with no '=' between the last ';' and it; an
 * inline one has a word containing "inline" before it (inline,
 * __always_inline, __inline__). Its body's identifiers are its mentions.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "audit_text.h"
#include "ioguard.h"

enum tok_type { T_IDENT, T_PUNCT, T_OTHER };

struct tok {
	enum tok_type type;
	int id;			/* T_IDENT */
	char ch;		/* T_PUNCT: the first character */
	char ch2;		/* T_PUNCT: the second, for "->" */
	int line;
};

struct scan {
	struct intern *names;
	const char *p, *end;
	int line;
	struct tok *toks;
	int ntoks, atoks;
	struct text_file *out;
};

/* id -> the generation (definition) that last saw it: one array for
 * every scan, so that no scan clears it (there are ~10^5 names). */
static int *mark, nmark, gen;

static void push(struct scan *s, struct tok t)
{
	if (s->ntoks == s->atoks) {
		s->atoks = s->atoks ? s->atoks * 2 : 4096;
		s->toks = realloc(s->toks, s->atoks * sizeof(*s->toks));
	}
	s->toks[s->ntoks++] = t;
}

static bool ident_start(char c)
{
	return isalpha((unsigned char)c) || c == '_';
}

static bool ident_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* Past a comment, string or character literal starting at s->p, if any. */
static bool skip_literal(struct scan *s)
{
	const char *p = s->p;
	char q;

	if (p[0] == '/' && p + 1 < s->end && p[1] == '/') {
		while (p < s->end && *p != '\n')
			p += (*p == '\\' && p + 1 < s->end) ? 2 : 1;
	} else if (p[0] == '/' && p + 1 < s->end && p[1] == '*') {
		for (p += 2; p + 1 < s->end && !(p[0] == '*' && p[1] == '/'); p++)
			s->line += *p == '\n';
		p = p + 2 < s->end ? p + 2 : s->end;
	} else if (*p == '"' || *p == '\'') {
		for (q = *p++; p < s->end && *p != q && *p != '\n'; p++)
			if (*p == '\\' && p + 1 < s->end)
				s->line += *++p == '\n';
		p += p < s->end && *p == q;
	} else {
		return false;
	}
	s->p = p;
	return true;
}

/* Mark id as seen in the current generation; true the first time. */
static bool first_sight(struct scan *s, int id)
{
	if (id >= nmark) {
		int n = s->names->nr * 2 + 1024, i;

		mark = realloc(mark, n * sizeof(*mark));
		for (i = nmark; i < n; i++)
			mark[i] = 0;
		nmark = n;
	}
	if (mark[id] == gen)
		return false;
	mark[id] = gen;
	return true;
}

static struct text_def *new_def(struct scan *s, int name, enum def_kind kind,
				int line)
{
	struct text_file *f = s->out;
	struct text_def *d;

	f->defs = realloc(f->defs, (f->ndefs + 1) * sizeof(*f->defs));
	d = &f->defs[f->ndefs++];
	memset(d, 0, sizeof(*d));
	d->name = name;
	d->kind = kind;
	d->line = line;
	gen++;
	return d;
}

static void mention(struct scan *s, struct text_def *d, int id)
{
	if (id == d->name || !first_sight(s, id))
		return;
	if (d->nmentions == d->amentions) {
		d->amentions = d->amentions ? d->amentions * 2 : 4;
		d->mentions = realloc(d->mentions, d->amentions * sizeof(int));
	}
	d->mentions[d->nmentions++] = id;
}

/* The rest of a preprocessor line, continuations included. */
static const char *line_end(struct scan *s)
{
	const char *p = s->p;

	while (p < s->end && *p != '\n')
		p += (*p == '\\' && p + 1 < s->end) ? 2 : 1;
	return p;
}

static void directive(struct scan *s)
{
	const char *end = line_end(s), *w;
	struct text_def *d;
	int name, line = s->line;

	s->p++;
	while (s->p < end && (*s->p == ' ' || *s->p == '\t'))
		s->p++;
	for (w = s->p; s->p < end && ident_char(*s->p); s->p++)
		;
	if (s->p - w == 7 && !strncmp(w, "include", 7)) {
		while (s->p < end && *s->p != '"' && *s->p != '<')
			s->p++;
		if (s->p < end && *s->p == '"') {
			const char *q = memchr(s->p + 1, '"', end - s->p - 1);
			struct text_file *f = s->out;

			if (q) {
				f->includes = realloc(f->includes,
						      (f->nincludes + 1) * sizeof(char *));
				f->includes[f->nincludes++] = strndup(s->p + 1, q - s->p - 1);
			}
		}
	} else if (s->p - w == 6 && !strncmp(w, "define", 6)) {
		while (s->p < end && (*s->p == ' ' || *s->p == '\t'))
			s->p++;
		for (w = s->p; s->p < end && ident_char(*s->p); s->p++)
			;
		if (s->p > w) {
			name = intern_n(s->names, w, s->p - w);
			d = new_def(s, name, DEF_MACRO, line);
			while (s->p < end) {
				if (skip_literal(s))
					continue;
				if (ident_start(*s->p)) {
					for (w = s->p; s->p < end && ident_char(*s->p); s->p++)
						;
					mention(s, d, intern_n(s->names, w, s->p - w));
				} else {
					s->p++;
				}
			}
		}
	}
	/* #if conditions and the rest: not code, not mentions */
	for (; s->p < end; s->p++)
		s->line += *s->p == '\n';
	s->p = end;
}

static void tokenize(struct scan *s)
{
	bool bol = true;
	const char *w;

	while (s->p < s->end) {
		char c = *s->p;

		if (c == '\n') {
			s->line++;
			s->p++;
			bol = true;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' ||
		    (c == '\\' && s->p + 1 < s->end && s->p[1] == '\n')) {
			s->p++;
			continue;
		}
		if (c == '#' && bol) {
			directive(s);
			continue;
		}
		bol = false;
		if (skip_literal(s))
			continue;
		if (ident_start(c)) {
			for (w = s->p; s->p < s->end && ident_char(*s->p); s->p++)
				;
			push(s, (struct tok){ T_IDENT, intern_n(s->names, w, s->p - w), 0, 0, s->line });
		} else if (isdigit((unsigned char)c)) {
			while (s->p < s->end && (ident_char(*s->p) || *s->p == '.'))
				s->p++;
			push(s, (struct tok){ T_OTHER, -1, 0, 0, s->line });
		} else {
			char c2 = s->p + 1 < s->end ? s->p[1] : 0;

			push(s, (struct tok){ T_PUNCT, -1, c, c == '-' && c2 == '>' ? '>' : 0, s->line });
			s->p += (c == '-' && c2 == '>') ? 2 : 1;
		}
	}
}

static bool is_punct(const struct tok *t, char c)
{
	return t->type == T_PUNCT && t->ch == c && !t->ch2;
}

/* Root macros: the function they name is their last identifier argument. */
static enum root_kind root_macro(const char *n)
{
	size_t len = strlen(n);

	if (!strncmp(n, "EXPORT_SYMBOL", 13))
		return ROOT_EXPORT;
	if ((len >= 8 && !strcmp(n + len - 8, "initcall")) ||
	    (len >= 13 && !strcmp(n + len - 13, "initcall_sync")) ||
	    !strcmp(n, "module_init") || !strcmp(n, "module_exit") ||
	    !strcmp(n, "early_param") || !strcmp(n, "__setup") ||
	    !strcmp(n, "core_param_cb") || !strcmp(n, "postcore_param"))
		return ROOT_INITCALL;
	return ROOT_NONE;
}

static void add_root(struct text_file *f, int name, enum root_kind kind, int line)
{
	f->roots = realloc(f->roots, (f->nroots + 1) * sizeof(*f->roots));
	f->roots[f->nroots++] = (struct text_root){ name, kind, line };
}

/* Index of the ')' matching the '(' at i, or n. */
static int close_paren(const struct tok *t, int i, int n)
{
	int depth = 0;

	for (; i < n; i++) {
		if (is_punct(&t[i], '('))
			depth++;
		else if (is_punct(&t[i], ')') && --depth == 0)
			return i;
	}
	return n;
}

static void root_macros(struct scan *s, struct intern *names)
{
	const struct tok *t = s->toks;
	int i, j, close, last;
	enum root_kind kind;

	for (i = 0; i + 1 < s->ntoks; i++) {
		if (t[i].type != T_IDENT || !is_punct(&t[i + 1], '('))
			continue;
		kind = root_macro(names->names[t[i].id]);
		if (kind == ROOT_NONE)
			continue;
		close = close_paren(t, i + 1, s->ntoks);
		for (last = -1, j = i + 2; j < close; j++)
			if (t[j].type == T_IDENT)
				last = t[j].id;
		if (last >= 0)
			add_root(s->out, last, kind, t[i].line);
	}
}

/* Function definitions and their bodies, probe and callback roots. */
static void structure(struct scan *s)
{
	const struct tok *t = s->toks;
	struct intern *names = s->names;
	int i, brace = 0, paren = 0, cand = -1, cand_line = 0;
	bool inline_seen = false, eq_seen = false;
	struct text_def *owner = NULL;
	int owner_idx = -1;
	int *refs = NULL, nrefs = 0, k;
	/* identifiers of the declaration being read at file scope: a
	 * function's signature once its '{' comes (types: docs/devmem.md) */
	int *decl = NULL, ndecl = 0;

	for (i = 0; i < s->ntoks; i++) {
		const struct tok *x = &t[i];
		const struct tok *next = i + 1 < s->ntoks ? &t[i + 1] : NULL;
		const struct tok *prev = i ? &t[i - 1] : NULL;

		if (x->type == T_IDENT) {
			const char *n = names->names[x->id];

			if (brace == 0 && strstr(n, "inline"))
				inline_seen = true;
			if (brace == 0 && paren == 0 && next && is_punct(next, '(') &&
			    (cand < 0 || strncmp(n, "__", 2))) {
				cand = x->id;
				cand_line = x->line;
			}
			if (owner_idx >= 0)
				mention(s, &s->out->defs[owner_idx], x->id);
			else if (brace == 0) {
				decl = realloc(decl, (ndecl + 1) * sizeof(*decl));
				decl[ndecl++] = x->id;
			}
			/* .probe = fn */
			if (next && is_punct(next, '=') && prev && is_punct(prev, '.') &&
			    i + 2 < s->ntoks && t[i + 2].type == T_IDENT &&
			    (!strcmp(n, "probe") || !strcmp(n, "probe_new")))
				add_root(s->out, t[i + 2].id, ROOT_PROBE, x->line);
			/* a name used as a value, not called nor a member */
			if ((brace > 0 || eq_seen) && (!next || !is_punct(next, '(')) &&
			    !(prev && (is_punct(prev, '.') ||
				       (prev->type == T_PUNCT && prev->ch2 == '>')))) {
				refs = realloc(refs, (nrefs + 1) * sizeof(*refs));
				refs[nrefs++] = x->id;
			}
			continue;
		}
		if (x->type != T_PUNCT)
			continue;
		switch (x->ch2 ? 0 : x->ch) {
		case '(':
			paren += brace == 0;
			break;
		case ')':
			paren -= brace == 0 && paren > 0;
			break;
		case '=':
			if (brace == 0)
				eq_seen = true;
			break;
		case ';':
			if (brace == 0) {
				cand = -1;
				inline_seen = eq_seen = false;
				ndecl = 0;
			}
			break;
		case '{':
			if (brace++ == 0 && paren == 0 && cand >= 0 && !eq_seen &&
			    prev && (is_punct(prev, ')') || prev->type == T_IDENT)) {
				owner = new_def(s, cand, inline_seen ? DEF_INLINE : DEF_FUNC,
						cand_line);
				owner_idx = owner - s->out->defs;
				owner->sig = decl;
				owner->nsig = ndecl;
				decl = NULL;
			}
			ndecl = 0;
			break;
		case '}':
			if (brace > 0 && --brace == 0) {
				owner_idx = -1;
				cand = -1;
				inline_seen = eq_seen = false;
				ndecl = 0;
			}
			break;
		}
	}
	/* callback roots: the file's own functions used as values */
	for (k = 0; k < nrefs; k++) {
		for (i = 0; i < s->out->ndefs; i++)
			if (s->out->defs[i].kind == DEF_FUNC &&
			    s->out->defs[i].name == refs[k])
				break;
		if (i < s->out->ndefs)
			add_root(s->out, refs[k], ROOT_CALLBACK, s->out->defs[i].line);
	}
	free(refs);
	free(decl);
}

int text_scan(struct intern *names, const char *path, struct text_file *out)
{
	struct scan s = { .names = names, .line = 1, .out = out };
	size_t len;
	char *text = read_file(path, &len);

	memset(out, 0, sizeof(*out));
	if (!text)
		return -1;
	s.p = text;
	s.end = text + len;
	tokenize(&s);
	root_macros(&s, names);
	structure(&s);
	free(s.toks);
	free(text);
	return 0;
}

void text_free(struct text_file *f)
{
	int i;

	for (i = 0; i < f->ndefs; i++) {
		free(f->defs[i].mentions);
		free(f->defs[i].sig);
	}
	for (i = 0; i < f->nincludes; i++)
		free(f->includes[i]);
	free(f->defs);
	free(f->roots);
	free(f->includes);
	memset(f, 0, sizeof(*f));
}

const char *root_kind_name(enum root_kind kind)
{
	static const char *const n[] = { "-", "export", "initcall", "probe", "callback" };

	return n[kind];
}
