// SPDX-License-Identifier: GPL-2.0
/*
 * What a call is: its callee and arguments, and what the spec and the
 * helper summaries make of it (a mapping, a hook, a teardown).
 */
#include <string.h>

#include "unit.h"

struct fn *tu_find(struct tu *tu, const struct ident *id)
{
	int i;

	for (i = 0; id && i < tu->nr; i++)
		if (tu->fns[i].sym->ident == id)
			return &tu->fns[i];
	return NULL;
}

char *ident_str(const struct ident *id)
{
	return strndup(id->name, id->len);
}

struct ident *callee_ident(struct instruction *insn)
{
	pseudo_t f = insn->func;

	if (!f || f->type != PSEUDO_SYM || !f->sym)
		return NULL;
	return f->sym->ident;
}

const struct spec_entry *tu_spec(struct tu *tu, const struct ident *id)
{
	int i;

	for (i = 0; id && i < tu->spec->nr; i++)
		if (tu->spec_idents[i] == id)
			return &tu->spec->entries[i];
	return NULL;
}

pseudo_t call_arg(struct instruction *insn, int idx)
{
	pseudo_t arg;
	int i = 0;

	FOR_EACH_PTR(insn->arguments, arg) {
		if (i++ == idx)
			return arg;
	} END_FOR_EACH_PTR(arg);
	return NULL;
}

static bool is_io_prot(struct tu *tu, const struct spec_entry *e,
		       struct instruction *insn)
{
	int i = e - tu->spec->entries;
	unsigned long long v;
	pseudo_t prot;

	if (!e->io_prot)
		return true;	/* set_fixmap_io() and the like */
	prot = call_arg(insn, spec_arg(e, ROLE_PROT));
	if (!prot)
		return false;
	if (tu->io_known[i])
		return eval_pseudo(prot, NULL, 0, &v) && v == tu->io_value[i];
	/* not a constant (arm64's PTE_MAYBE_NG reads a variable): the
	 * same computation as the probe's */
	return tu->io_pseudo[i] && same_computation(prot, tu->io_pseudo[i]);
}

/* What a call to the spec's function e is. */
static enum call_kind spec_call_kind(struct tu *tu, const struct spec_entry *e,
				     struct instruction *insn)
{
	switch (e->kind) {
	case SPEC_HOOK_MAP:
		return CALL_MAP_HOOK;
	case SPEC_HOOK_UNMAP:
		return CALL_UNMAP_HOOK;
	case SPEC_PRIMITIVE:
		return CALL_MAP;
	case SPEC_FIXMAP:
		return is_io_prot(tu, e, insn) ? CALL_MAP : CALL_OTHER;
	case SPEC_SINK:
		return CALL_OTHER;	/* a mapping when it writes device memory */
	case SPEC_TEARDOWN:
		return CALL_TEARDOWN;
	default:
		return CALL_OTHER;
	}
}

void classify_call(struct tu *tu, struct instruction *insn, struct call *out)
{
	struct ident *id = callee_ident(insn);
	const struct spec_entry *e;
	struct fn *helper;

	memset(out, 0, sizeof(*out));
	if (!id)
		return;
	e = tu_spec(tu, id);
	if (e) {
		out->spec = e;
		out->kind = spec_call_kind(tu, e, insn);
		/* no FIXMAP_PAGE_IO, but device attributes all the same */
		if (out->kind == CALL_OTHER && (e->kind == SPEC_FIXMAP || e->kind == SPEC_SINK))
			devflow_classify(tu, insn, out);
		return;
	}
	/* a same-file helper that always calls a hook counts as the hook */
	helper = tu_find(tu, id);
	if (!helper)
		return;
	if (devflow_classify(tu, insn, out))
		return;		/* passes device attributes to a helper that maps */
	if (helper->always_map_hook > 0) {
		out->kind = CALL_MAP_HOOK;
		out->spec = tu->map_hook;
		out->helper = helper;
	} else if (helper->always_unmap_hook > 0) {
		out->kind = CALL_UNMAP_HOOK;
		out->spec = tu->unmap_hook;
		out->helper = helper;
	}
}
