// SPDX-License-Identifier: GPL-2.0
/*
 * What a call is: its callee and arguments, and what the spec and the
 * helper summaries make of it (a mapping, a hook, a teardown).
 */
#include <string.h>

#include "unit.h"

struct fn *tu_find(struct tu *tu, const char *name)
{
	int i;

	for (i = 0; name && i < tu->nr; i++)
		if (tu->fns[i].name == name)
			return &tu->fns[i];
	return NULL;
}

/* The callee of a direct call, or NULL. */
const char *callee_name(const struct ir_insn *insn)
{
	const struct ir_value *f = insn->func;

	if (!f || f->kind != IRV_SYM || !f->sym)
		return NULL;
	return f->sym->name;
}

const struct spec_entry *tu_spec(struct tu *tu, const char *name)
{
	int i;

	for (i = 0; name && i < tu->spec->nr; i++)
		if (tu->spec_names[i] == name)
			return &tu->spec->entries[i];
	return NULL;
}

struct ir_value *call_arg(const struct ir_insn *insn, int idx)
{
	return idx >= 0 && idx < insn->nargs ? insn->args[idx] : NULL;
}

static bool is_io_prot(struct tu *tu, const struct spec_entry *e,
		       struct ir_insn *insn)
{
	int i = e - tu->spec->entries;
	unsigned long long v;
	struct ir_value *prot;

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
				     struct ir_insn *insn)
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

void classify_call(struct tu *tu, struct ir_insn *insn, struct call *out)
{
	const char *id = callee_name(insn);
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
