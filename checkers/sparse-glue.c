// SPDX-License-Identifier: GPL-2.0
/*
 * sparse's own main drives ioguard-sparse, so that it does whatever the
 * sparse program does (lock-context checks, -E, -dD, its exit status)
 * with no copy of it here. The link wraps (GNU ld --wrap, see the
 * Makefile) the few library calls sparse.c makes, and ioguard watches:
 *
 *	sparse(file)		one unit: parse, evaluate; ioguard's unit
 *				starts before, the previous one's checks run
 *	tokenize(file)		the unit's own file gets the probes appended
 *	linearize_symbol(sym)	each function, linearized once by sparse,
 *				is kept for the checks
 *	report_stats()		the last unit's checks run before it
 *
 * In the default mode a missing file or no file at all is a usage error;
 * with --ioguard-warn-only everything is left to sparse.
 */
#include <string.h>
#include <unistd.h>

#include "symbol.h"

#include "tu.h"

struct symbol_list *__real_sparse_initialize(int argc, char **argv,
					     struct string_list **files);
struct symbol_list *__real_sparse(char *file);
struct token *__real_tokenize(const struct position *pos, const char *name,
			      int fd, struct token *end, const char **path);
struct entrypoint *__real_linearize_symbol(struct symbol *sym);
void __real_report_stats(void);

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

	tu_end();
	if (!ioguard_warn_only && strcmp(file, "-") && access(file, R_OK))
		ioguard_die("cannot read '%s'", file);
	tu_begin(ioguard_spec);
	unit_file_next = true;
	list = __real_sparse(file);
	unit_file_next = false;
	tu_parsed();
	return list;
}

struct token *__wrap_tokenize(const struct position *pos, const char *name,
			      int fd, struct token *end, const char **path)
{
	/* -E and -dM print the tokens: the probes would show there */
	if (unit_file_next && !pos) {
		unit_file_next = false;
		if (!end && !preprocess_only && !dump_macros_only)
			end = tu_probe_tokens();
	}
	return __real_tokenize(pos, name, fd, end, path);
}

struct entrypoint *__wrap_linearize_symbol(struct symbol *sym)
{
	struct entrypoint *ep = __real_linearize_symbol(sym);

	if (ep)
		tu_add(sym, ep);
	return ep;
}

void __wrap_report_stats(void)
{
	tu_end();
	__real_report_stats();
}
