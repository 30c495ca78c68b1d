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
 *				usage error
 *	tokenize(file)		the unit's own file gets the probes appended
 *	linearize_symbol(sym)	each function, linearized once by sparse,
 *				is kept for the checks
 *	report_stats()		the last unit's checks run before it
 *
 * With --ioguard-warn-only every outcome is left to sparse.
 */
#include <string.h>
#include <unistd.h>

#include "symbol.h"

#include "sparse-unit.h"

/* sparse's own prototypes: a changed signature fails the build here */
__typeof__(sparse_initialize) __real_sparse_initialize, __wrap_sparse_initialize;
__typeof__(sparse) __real_sparse, __wrap_sparse;
__typeof__(tokenize) __real_tokenize, __wrap_tokenize;
__typeof__(linearize_symbol) __real_linearize_symbol, __wrap_linearize_symbol;
__typeof__(report_stats) __real_report_stats, __wrap_report_stats;

/* The next tokenize() without an includer is the unit's own file. */
static bool unit_file_next;

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

	unit_end();
	if (!ioguard_warn_only && strcmp(file, "-") && access(file, R_OK))
		ioguard_die("cannot read '%s'", file);
	unit_begin(ioguard_spec, file);
	crash_guard_unit(file);
	unit_file_next = true;
	list = __real_sparse(file);
	unit_file_next = false;
	unit_parsed();
	unit_keep_bodies(&list);
	facts_data(list);
	return list;
}

struct token *__wrap_tokenize(const struct position *pos, const char *name,
			      int fd, struct token *end, const char **path)
{
	/* not under -E, which prints the tokens, nor -dM (macros only) */
	if (unit_file_next && !pos) {
		unit_file_next = false;
		if (!end && !preprocess_only && !dump_macros_only)
			end = unit_probe_tokens();
	}
	return __real_tokenize(pos, name, fd, end, path);
}

struct entrypoint *__wrap_linearize_symbol(struct symbol *sym)
{
	struct entrypoint *ep = __real_linearize_symbol(sym);

	if (ep)
		unit_add(sym, ep);
	return ep;
}

void __wrap_report_stats(void)
{
	unit_end();
	__real_report_stats();
}
