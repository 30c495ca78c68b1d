// SPDX-License-Identifier: GPL-2.0
/*
 * sparse's own main drives ioguard-sparse, so that it does whatever the
 * sparse program does (lock-context checks, -E, its exit status) with no
 * copy of it here. The link wraps (GNU ld --wrap, see the Makefile) the
 * few library calls sparse.c makes, and ioguard watches:
 *
 *	sparse_initialize()	options parsed: in the default mode no file
 *				is a usage error
 *	sparse(file)		one unit: parse, evaluate; ioguard's unit
 *				starts before, the previous one's checks run;
 *				in the default mode an unreadable file is a
 *				usage error; a unit with syntax errors is
 *				not linearized (below)
 *	tokenize(file)		the unit's own file gets the probes appended
 *	linearize_symbol(sym)	each function, linearized once by sparse,
 *				is kept for the checks
 *	report_stats()		the last unit's checks run before it
 *	sparse_error()		counted while a unit is parsed (below)
 *	evaluate_symbol_list()	the parse of the unit is over
 *
 * With --ioguard-warn-only every outcome is left to sparse.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "symbol.h"
#include "evaluate.h"
#include "token.h"

#include "tu.h"

/* sparse's own prototypes: a changed signature fails the build here */
__typeof__(sparse_initialize) __real_sparse_initialize, __wrap_sparse_initialize;
__typeof__(sparse) __real_sparse, __wrap_sparse;
__typeof__(tokenize) __real_tokenize, __wrap_tokenize;
__typeof__(linearize_symbol) __real_linearize_symbol, __wrap_linearize_symbol;
__typeof__(report_stats) __real_report_stats, __wrap_report_stats;
__typeof__(sparse_error) __real_sparse_error, __wrap_sparse_error;
__typeof__(evaluate_symbol_list) __real_evaluate_symbol_list, __wrap_evaluate_symbol_list;

/* The next tokenize() without an includer is the unit's own file. */
static bool unit_file_next;

/*
 * libsparse linearizes what its parser recovered from a syntax error,
 * and that has crashed it (an asm operand whose constraint string does
 * not end: tests/checker/fuzz-asm-unterminated.c, found by make fuzz;
 * plain sparse dies the same way). Such a unit is not linearized, so
 * not checked, and says so. Its errors are counted from sparse(file)
 * until sparse() evaluates what it parsed (has_error cannot tell this
 * unit's errors from an earlier one's).
 */
static int parse_errors = -1;	/* counting while >= 0 */
static bool unit_broken;

void __wrap_sparse_error(struct position pos, const char *fmt, ...)
{
	char msg[512];	/* libsparse's own buffer: the same text, never more */
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (parse_errors >= 0 && pos.type != TOKEN_BAD)	/* as libsparse counts */
		parse_errors++;
	__real_sparse_error(pos, "%s", msg);
}

void __wrap_evaluate_symbol_list(struct symbol_list *list)
{
	if (parse_errors >= 0)
		unit_broken = parse_errors > 0;
	parse_errors = -1;
	__real_evaluate_symbol_list(list);
}

struct symbol_list *__wrap_sparse_initialize(int argc, char **argv,
					     struct string_list **files)
{
	struct symbol_list *list = __real_sparse_initialize(argc, argv, files);

	if (!ioguard_warn_only && !*files)
		ioguard_die("%s", "no input file (see --help)");
	return list;
}

struct symbol_list *__wrap_sparse(char *file)
{
	struct symbol_list *list;

	tu_end();
	if (!ioguard_warn_only && strcmp(file, "-") && access(file, R_OK))
		ioguard_die("cannot read '%s'", file);
	tu_begin(ioguard_spec);
	crash_guard_unit(file);
	unit_file_next = true;
	unit_broken = false;
	parse_errors = 0;
	list = __real_sparse(file);
	unit_file_next = false;
	parse_errors = -1;
	if (unit_broken)
		fprintf(stderr, "ioguard-sparse: not checked: %s: sparse reported syntax errors\n",
			file);
	tu_parsed();
	return list;
}

struct token *__wrap_tokenize(const struct position *pos, const char *name,
			      int fd, struct token *end, const char **path)
{
	/* not under -E, which prints the tokens, nor -dM (macros only) */
	if (unit_file_next && !pos) {
		unit_file_next = false;
		if (!end && !preprocess_only && !dump_macros_only)
			end = tu_probe_tokens();
	}
	return __real_tokenize(pos, name, fd, end, path);
}

struct entrypoint *__wrap_linearize_symbol(struct symbol *sym)
{
	struct entrypoint *ep;

	if (unit_broken)
		return NULL;
	ep = __real_linearize_symbol(sym);
	if (ep)
		tu_add(sym, ep);
	return ep;
}

void __wrap_report_stats(void)
{
	tu_end();
	__real_report_stats();
}
