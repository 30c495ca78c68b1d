// SPDX-License-Identifier: GPL-2.0
/*
 * Parse one translation unit the way sparse() does, with one addition:
 * for each spec io-prot macro (FIXMAP_PAGE_IO) a probe function is
 * appended after the file, so the macro is evaluated with the file's own
 * macros, flags and arch, and sparse's optimiser folds it to the value
 * the IR will show at the call sites.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib.h"
#include "allocate.h"
#include "token.h"
#include "parse.h"
#include "symbol.h"
#include "scope.h"
#include "expression.h"
#include "linearize.h"
#include "evaluate.h"

#include "checks.h"

#define PROBE_PREFIX "__ioguard_probe_"

static struct token *probe_tokens(const struct spec *spec)
{
	char buf[8192];
	struct token *end;
	int i, len = 0;

	for (i = 0; i < spec->nr; i++) {
		const char *m = spec->entries[i].io_prot;

		if (!m)
			continue;
		len += snprintf(buf + len, sizeof(buf) - len,
				"#ifdef %s\nstatic __typeof__(%s) " PROBE_PREFIX "%d(void) { return %s; }\n#endif\n",
				m, m, i, m);
		if (len >= (int)sizeof(buf))
			return NULL;
	}
	return len ? tokenize_buffer(buf, len, &end) : NULL;
}

static struct symbol_list *parse_file(const char *file, int fd,
				      const struct spec *spec)
{
	struct symbol_list *list;
	struct token *token;

	translation_unit_used_list = NULL;
	new_file_scope();
	base_filename = file;
	token = tokenize(NULL, file, fd, probe_tokens(spec), includepath);
	token = preprocess(token);
	while (!eof_token(token))
		token = external_declaration(token, &translation_unit_used_list,
					     NULL);
	list = translation_unit_used_list;
	clear_token_alloc();
	if (has_error & ERROR_CURR_PHASE)
		has_error = ERROR_PREV_PHASE;
	evaluate_symbol_list(list);
	return list;
}

static void read_probe(struct tu *tu, struct fn *fn)
{
	int idx = atoi(fn->name + strlen(PROBE_PREFIX));
	struct basic_block *bb;
	struct instruction *insn;

	if (idx < 0 || idx >= tu->spec->nr)
		return;
	FOR_EACH_PTR(fn->ep->bbs, bb) {
		FOR_EACH_PTR(bb->insns, insn) {
			if (!insn->bb || insn->opcode != OP_RET || !insn->src)
				continue;
			if (insn->src->type == PSEUDO_VAL) {
				tu->io_known[idx] = true;
				tu->io_value[idx] = insn->src->value;
			} else {
				tu->io_pseudo[idx] = insn->src;
			}
		} END_FOR_EACH_PTR(insn);
	} END_FOR_EACH_PTR(bb);
}

static void add_function(struct tu *tu, struct symbol *sym)
{
	struct entrypoint *ep;
	struct basic_block *bb;
	struct fn *fn;
	long nr = 0;

	if (!sym->ident)
		return;
	expand_symbol(sym);
	ep = linearize_symbol(sym);
	if (!ep || !ep->entry)
		return;
	tu->fns = realloc(tu->fns, (tu->nr + 1) * sizeof(*tu->fns));
	fn = &tu->fns[tu->nr];
	memset(fn, 0, sizeof(*fn));
	fn->sym = sym;
	fn->name = ident_str(sym->ident);
	fn->ep = ep;
	FOR_EACH_PTR(ep->bbs, bb) {
		bb->priv = (void *)nr++;
	} END_FOR_EACH_PTR(bb);
	fn->nbbs = nr;
	if (!strncmp(fn->name, PROBE_PREFIX, strlen(PROBE_PREFIX))) {
		read_probe(tu, fn);
		return;
	}
	fn->spec = tu_spec(tu, sym->ident);
	tu->nr++;
}

/*
 * Keep calls to the spec's functions as calls: sparse inlines static
 * inline functions, and its optimiser then drops the inlined-call
 * marker, so an inline hook (a static-key test around the real work)
 * or x86's inline __set_fixmap() would vanish from the IR.
 */
static void keep_spec_calls(struct tu *tu)
{
	int i;

	for (i = 0; i < tu->spec->nr; i++) {
		struct symbol *sym = lookup_symbol(tu->spec_idents[i], NS_SYMBOL);

		for (; sym; sym = sym->same_symbol) {
			sym->ctype.modifiers &= ~MOD_INLINE;
			if (sym->definition)
				sym->definition->ctype.modifiers &= ~MOD_INLINE;
		}
	}
}

/* Returns -1 when the file cannot be read. */
int check_file(const struct spec *spec, const char *file)
{
	struct tu tu = { .spec = spec };
	struct symbol_list *list;
	struct symbol *sym;
	int fd, i;

	fd = open(file, O_RDONLY);
	if (fd < 0)
		return -1;
	tu.map_hook = spec_hook(spec, SPEC_HOOK_MAP);
	tu.unmap_hook = spec_hook(spec, SPEC_HOOK_UNMAP);
	tu.io_known = calloc(spec->nr, sizeof(*tu.io_known));
	tu.io_value = calloc(spec->nr, sizeof(*tu.io_value));
	tu.io_pseudo = calloc(spec->nr, sizeof(*tu.io_pseudo));
	tu.spec_idents = calloc(spec->nr, sizeof(*tu.spec_idents));
	for (i = 0; i < spec->nr; i++)
		tu.spec_idents[i] = built_in_ident(spec->entries[i].name);

	list = parse_file(file, fd, spec);
	close(fd);
	keep_spec_calls(&tu);
	FOR_EACH_PTR(list, sym) {
		add_function(&tu, sym);
	} END_FOR_EACH_PTR(sym);

	compute_summaries(&tu);
	for (i = 0; i < tu.nr; i++)
		check_function(&tu, &tu.fns[i]);
	free(tu.fns);
	free(tu.io_known);
	free(tu.io_value);
	free(tu.io_pseudo);
	free(tu.spec_idents);
	return 0;
}
