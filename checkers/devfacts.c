// SPDX-License-Identifier: GPL-2.0
/*
 * A unit's flow facts, for the audit to combine across units
 * (docs/audit.md, "Facts"; docs/devmem.md): for every function, where
 * memory-type bits go (a sink's pte, an argument of a call that carries
 * a protection, the return value) and what they are made of (a device
 * value, a parameter, another function's result), and whether it calls
 * the map hook. Arguments count when the spec says they are a
 * protection or their type is one: a struct of one member named pgprot,
 * pte, pmd, pud or p4d (pgprot_t, pte_t, ... on every arch).
 */
#include <stdio.h>
#include <string.h>

#include "symbol.h"
#include "token.h"

#include "checks.h"
#include "devattr.h"
#include "facts.h"

static bool prot_type(struct symbol *t)
{
	static const char *const names[] = { "pgprot", "pte", "pmd", "pud", "p4d" };
	struct symbol *m, *only = NULL;
	int n = 0;
	size_t i;

	while (t && t->type == SYM_NODE)
		t = t->ctype.base_type;
	if (!t || t->type != SYM_STRUCT)
		return false;
	FOR_EACH_PTR(t->symbol_list, m) {
		only = m;
		n++;
	} END_FOR_EACH_PTR(m);
	if (n != 1 || !only->ident)
		return false;
	for (i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (only->ident->len == strlen(names[i]) &&
		    !memcmp(only->ident->name, names[i], only->ident->len))
			return true;
	return false;
}

/* The type of a call's argument k (fntypes: the function's, then each). */
static struct symbol *arg_type(struct instruction *call, int k)
{
	struct symbol *t;
	int i = -1;

	FOR_EACH_PTR(call->fntypes, t) {
		if (i++ == k)
			return t;
	} END_FOR_EACH_PTR(t);
	return NULL;
}

struct fn_facts {
	struct tu *tu;
	struct fn *fn;
	bool is_static;
	const char *file;
};

static void put(struct fn_facts *ff, int line, const char *src, const char *dst,
		const struct alt *a)
{
	char cond[512] = "-";

	if (a->choice)
		snprintf(cond, sizeof(cond), "%s:%d", stream_name(a->choice->pos.stream),
			 a->choice->pos.line);
	facts_flow(ff->fn->name, ff->is_static, ff->file, line, src, dst, cond);
}

/* One record per source of each alternative that can matter. */
static void emit(struct fn_facts *ff, int line, const struct alts *a, const char *dst)
{
	char src[256];
	int i, k, d;

	for (i = 0; i < a->n; i++) {
		const struct alt *x = &a->v[i];

		if ((d = alt_device(ff->tu, x)) >= 0) {
			snprintf(src, sizeof(src), "device:%s", ff->tu->attr->e->values[d]);
			put(ff, line, src, dst, x);
			continue;
		}
		for (k = 0; k < 64 && alt_carries(ff->tu, x); k++)
			if (x->params & (1ULL << k)) {
				snprintf(src, sizeof(src), "param:%d", k);
				put(ff, line, src, dst, x);
			}
		if (x->call && callee_ident(x->call)) {
			snprintf(src, sizeof(src), "ret:%s", show_ident(callee_ident(x->call)));
			put(ff, line, src, dst, x);
		}
	}
}

static void call_facts(struct fn_facts *ff, struct instruction *insn)
{
	struct ident *id = callee_ident(insn);
	const struct spec_entry *e = tu_spec(ff->tu, id);
	int line = site_pos(ff->tu, ff->fn, insn).line, k, prot = -1;
	char dst[256];
	struct alts a;

	if (!id)
		return;
	if (e && e->kind == SPEC_SINK) {
		k = spec_arg(e, ROLE_PTE) >= 0 ? spec_arg(e, ROLE_PTE) : spec_arg(e, ROLE_PROT);
		devflow_value(ff->tu, call_arg(insn, k), &a);
		snprintf(dst, sizeof(dst), "sink:%s", e->name);
		emit(ff, line, &a, dst);
		return;
	}
	if (e)
		prot = spec_arg(e, ROLE_PROT);
	for (k = 0; call_arg(insn, k); k++) {
		if (k != prot && !prot_type(arg_type(insn, k)))
			continue;
		devflow_value(ff->tu, call_arg(insn, k), &a);
		snprintf(dst, sizeof(dst), "arg:%s:%d", show_ident(id), k);
		emit(ff, line, &a, dst);
	}
}

static void fn_facts(struct tu *tu, struct fn *fn)
{
	struct fn_facts ff = { tu, fn, !!(fn->sym->ctype.modifiers & MOD_STATIC),
			       stream_name(fn->sym->pos.stream) };
	struct symbol *type = fn->sym->ctype.base_type;
	bool returns_prot = type && prot_type(type->ctype.base_type), announces = false;
	struct basic_block *bb;
	struct instruction *insn;
	struct call c;
	struct alts a;

	FOR_EACH_PTR(fn->ep->bbs, bb) {
		FOR_EACH_PTR(bb->insns, insn) {
			if (!insn->bb)
				continue;
			if (insn->opcode == OP_CALL) {
				call_facts(&ff, insn);
				classify_call(tu, insn, &c);
				announces |= c.kind == CALL_MAP_HOOK;
			} else if (insn->opcode == OP_RET && insn->src && returns_prot) {
				devflow_value(tu, insn->src, &a);
				emit(&ff, site_pos(tu, fn, insn).line, &a, "return");
			}
		} END_FOR_EACH_PTR(insn);
	} END_FOR_EACH_PTR(bb);
	if (announces)
		facts_announce(fn->name, ff.is_static);
}

void devflow_facts(struct tu *tu)
{
	int i;

	for (i = 0; facts_on() && i < tu->nr; i++) {
		struct fn *fn = &tu->fns[i];

		/* a sink's own body is where the flow ends */
		if (fn->ep && fn->ep->entry && !(fn->spec && fn->spec->kind == SPEC_SINK))
			fn_facts(tu, fn);
	}
}
