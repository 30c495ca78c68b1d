// SPDX-License-Identifier: GPL-2.0
/*
 * The facts only sparse's side knows (core/facts.c writes the rest):
 * functions named in data initializers (callbacks, initcalls, exports),
 * and every file the unit read.
 */
#include "expression.h"
#include "symbol.h"
#include "token.h"

#include "sparse-unit.h"
#include "../core/facts.h"

static int first_stream = -1;

static bool is_fn_symbol(struct symbol *sym)
{
	return sym && sym->ident && sym->ctype.base_type &&
	       sym->ctype.base_type->type == SYM_FN;
}

static void ref(struct symbol *sym, struct position pos)
{
	if (is_fn_symbol(sym))
		facts_ref(lower_sym(sym), lower_pos(pos), NULL);
}

/* Functions named in a data initializer: callbacks, initcalls, exports. */
static void expr_refs(struct expression *e, int depth)
{
	struct expression *sub;

	if (!e || depth > 32)
		return;
	switch (e->type) {
	case EXPR_SYMBOL:
		ref(e->symbol, e->pos);
		break;
	case EXPR_PREOP: case EXPR_POSTOP:
		expr_refs(e->unop, depth + 1);
		break;
	case EXPR_CAST: case EXPR_FORCE_CAST: case EXPR_IMPLIED_CAST:
		expr_refs(e->cast_expression, depth + 1);
		break;
	case EXPR_BINOP: case EXPR_COMMA: case EXPR_COMPARE: case EXPR_LOGICAL:
		expr_refs(e->left, depth + 1);
		expr_refs(e->right, depth + 1);
		break;
	case EXPR_CONDITIONAL: case EXPR_SELECT:
		expr_refs(e->cond_true, depth + 1);
		expr_refs(e->cond_false, depth + 1);
		break;
	case EXPR_INITIALIZER:
		FOR_EACH_PTR(e->expr_list, sub) {
			expr_refs(sub, depth + 1);
		} END_FOR_EACH_PTR(sub);
		break;
	case EXPR_POS:
		expr_refs(e->init_expr, depth + 1);
		break;
	case EXPR_IDENTIFIER:
		expr_refs(e->ident_expression, depth + 1);
		break;
	default:
		break;
	}
}

void facts_data(struct symbol_list *list)
{
	struct symbol *sym;

	if (!facts_on())
		return;
	FOR_EACH_PTR(list, sym) {
		if (!is_fn_symbol(sym) && sym->initializer)
			expr_refs(sym->initializer, 0);
	} END_FOR_EACH_PTR(sym);
}

/* The streams the unit opened, from its first (facts_stream_mark()). */
void facts_stream_mark(void)
{
	first_stream = input_stream_nr;
}

void facts_deps(void)
{
	int i;

	for (i = first_stream < 0 ? 0 : first_stream; facts_on() && i < input_stream_nr; i++)
		/* sparse's own buffers ("preprocessor", "builtin") have no file */
		facts_dep(input_streams[i].name);
}
