// SPDX-License-Identifier: GPL-2.0
/*
 * One translation unit as the core sees it (frontend.h): the functions
 * a frontend lowered, the spec's values evaluated in the unit, and the
 * checks over all of them once the unit is complete.
 *
 * The probes: for each spec io-prot macro (FIXMAP_PAGE_IO) a function
 * returning it, appended after the unit's own file, so the macro is
 * evaluated with the unit's own macros, flags and arch, and the
 * frontend folds it to the value its IR shows at the call sites (or,
 * when it reads a variable, a computation to compare them with).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "devattr.h"
#include "facts.h"
#include "frontend.h"

const char *ioguard_prog = "ioguard";
bool ioguard_user_map;

static struct tu cur;
static bool active;

void ioguard_die(const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: ", ioguard_prog);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	exit(2);
}

void tu_begin(const struct spec *spec)
{
	int i;

	memset(&cur, 0, sizeof(cur));
	cur.spec = spec;
	cur.map_hook = spec_hook(spec, SPEC_HOOK_MAP);
	cur.unmap_hook = spec_hook(spec, SPEC_HOOK_UNMAP);
	cur.io_known = calloc(spec->nr, sizeof(*cur.io_known));
	cur.io_value = calloc(spec->nr, sizeof(*cur.io_value));
	cur.io_pseudo = calloc(spec->nr, sizeof(*cur.io_pseudo));
	cur.spec_names = calloc(spec->nr, sizeof(*cur.spec_names));
	for (i = 0; i < spec->nr; i++)
		cur.spec_names[i] = ir_intern(spec->entries[i].name);
	active = true;
}

bool tu_active(void)
{
	return active;
}

const struct spec_entry *tu_spec_of(const char *name)
{
	return active ? tu_spec(&cur, name) : NULL;
}

int tu_probe_text(char *buf, int size, enum probe_style style)
{
	int i, len = 0;

	for (i = 0; i < cur.spec->nr; i++) {
		const char *m = cur.spec->entries[i].io_prot;

		if (!m)
			continue;
		if (style == PROBE_RETURN)
			len += snprintf(buf + len, size - len,
					"#ifdef %s\nstatic __typeof__(%s) " PROBE_PREFIX "%d(void) { return %s; }\n#endif\n",
					m, m, i, m);
		else
			len += snprintf(buf + len, size - len,
					"#ifdef %s\nstatic void " PROBE_PREFIX "%d(void) { %s; }\n#endif\n",
					m, i, m);
		if (len >= size)
			return -1;
	}
	len += devattr_probe_text(cur.spec, buf + len, size - len, style);
	return len < size ? len : -1;
}

bool tu_is_probe(const char *name)
{
	return name && (!strncmp(name, PROBE_PREFIX, strlen(PROBE_PREFIX)) ||
			!strncmp(name, DEVATTR_PREFIX, strlen(DEVATTR_PREFIX)));
}

static void read_probe(struct ir_fn *fn)
{
	int idx = atoi(fn->sym->name + strlen(PROBE_PREFIX)), b, i;

	if (idx < 0 || idx >= cur.spec->nr)
		return;
	for (b = 0; b < fn->nblocks; b++) {
		struct ir_block *bb = fn->blocks[b];

		for (i = 0; i < bb->ninsns; i++) {
			struct ir_insn *insn = bb->insns[i];

			if (insn->op != IR_RET || !insn->src)
				continue;
			if (insn->src->kind == IRV_CONST) {
				cur.io_known[idx] = true;
				cur.io_value[idx] = insn->src->value;
			} else {
				cur.io_pseudo[idx] = insn->src;
			}
		}
	}
}

/* A function the frontend has lowered (each one once). */
void tu_add(struct ir_fn *ir)
{
	const char *name = ir->sym->name;
	struct fn *fn;

	if (!active || !name || !ir->entry)
		return;
	if (getenv("IOGUARD_DUMP_IR"))
		ir_dump(ir, stderr);
	if (!strncmp(name, PROBE_PREFIX, strlen(PROBE_PREFIX))) {
		read_probe(ir);
		return;
	}
	if (!strncmp(name, DEVATTR_PREFIX, strlen(DEVATTR_PREFIX))) {
		devattr_read_probe(&cur, name, ir);
		return;
	}
	cur.fns = realloc(cur.fns, (cur.nr + 1) * sizeof(*cur.fns));
	fn = &cur.fns[cur.nr];
	memset(fn, 0, sizeof(*fn));
	fn->ir = ir;
	fn->name = name;
	fn->reach_state = fn->ret_state = fn->announces = -1;
	fn->spec = tu_spec(&cur, name);
	cur.nr++;
}

void tu_run(void)
{
	int i;

	if (!active)
		return;
	compute_summaries(&cur);
	for (i = 0; i < cur.nr; i++)
		check_function(&cur, &cur.fns[i]);
	facts_functions(&cur);
	devflow_facts(&cur);
}

void tu_free(void)
{
	if (!active)
		return;
	active = false;
	devflow_free(&cur);
	free(cur.fns);
	free(cur.io_known);
	free(cur.io_value);
	free(cur.io_pseudo);
	free(cur.spec_names);
	ir_free_all();
}
