// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: ioguard-sparse's checker on any C unit, in process.
 * Each input is one translation unit, handed to libsparse the way
 * sparse's own program hands it a second or third file on its command
 * line: sparse() (wrapped by checkers/sparse-glue.c, so ioguard's unit
 * begins, the probes are appended and the spec's functions stay calls),
 * then every symbol expanded and linearized (ioguard keeps each one),
 * then the checks (unit_end()), with the user-map check and the audit's
 * facts (to /dev/null) on, as `ioguard audit` runs the checker.
 * sparse_initialize() runs once, with tests/checker/include on the
 * include path, as the fixtures have it.
 *
 * libsparse keeps global state across units by design (sparse a.c b.c
 * is one process), and stops on a few fatal errors with exit(1)
 * (error_die(), die()): those are wrapped here (the Makefile's --wrap)
 * to return to the next input instead, since an exit would end the
 * fuzzer. A unit cut short that way can leave the preprocessor's
 * nesting state behind for the next one; a crash only counts once it
 * reproduces on its own (make fuzz replays each artifact alone).
 * Global symbols would pile up too (sparse a.c b.c keeps each file's
 * in one scope, so lookups slow down unit by unit, 250 to 35 exec/s in
 * minutes): each unit's are unbound after it, as if it had a process
 * of its own. docs/reliability.md says more.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "lib.h"
#include "symbol.h"
#include "expression.h"
#include "linearize.h"
#include "scope.h"

#include "core/facts.h"
#include "fe-sparse/sparse-unit.h"

/* What checkers/fe-sparse/ioguard-sparse.c, not linked here, defines. */
const struct spec *ioguard_spec;
bool ioguard_warn_only = true;	/* the glue must not exit */
/* core/tu.c's ioguard_die() exits: never for a readable unit (a bug,
 * which libFuzzer reports as the target's exit) */

static jmp_buf unit_escape;
static int in_unit;

/* sparse's exits, back to the harness (ld --wrap=die,error_die) */
void __wrap_die(const char *fmt, ...)
{
	if (in_unit)
		longjmp(unit_escape, 1);
	abort();
}

void __wrap_error_die(struct position pos, const char *fmt, ...)
{
	if (in_unit)
		longjmp(unit_escape, 1);
	abort();
}

static char unit_path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static struct spec spec;
	static char *args[] = { "fuzz-checker", "-Wno-decl", "-I", FUZZ_INCLUDE, NULL };
	struct string_list *files = NULL;
	char err[512];
	int fd = memfd_create("unit.c", 0);

	if (fd < 0 || spec_load_default(&spec, err, sizeof(err))) {
		fprintf(stderr, "fuzz-checker: cannot start: %s\n", fd < 0 ? "memfd" : err);
		exit(1);
	}
	ioguard_spec = &spec;
	ioguard_user_map = true;	/* as audits run the checker */
	/* the audit's facts too (facts.c, devfacts.c), written nowhere */
	facts_open("/dev/null");
	snprintf(unit_path, sizeof(unit_path), "/proc/self/fd/%d", fd);
	sparse_initialize(4, args, &files);
	return 0;
}

/* Unbind the global symbols past the first n, the ones a unit added:
 * what ending a scope does, for the scope sparse never ends. */
static void unbind_globals_after(int n)
{
	struct symbol_list *keep = NULL;
	struct symbol *sym, **p;
	int i = 0;

	FOR_EACH_PTR(global_scope->symbols, sym) {
		if (i++ < n) {
			/* not add_symbol(): its type check reads through the
			 * NULL list head, which UBSan reports */
			__add_ptr_list((struct ptr_list **)&keep, sym);
			continue;
		}
		for (p = &sym->ident->symbols; *p && *p != sym; p = &(*p)->next_id)
			;
		if (*p)
			*p = sym->next_id;
	} END_FOR_EACH_PTR(sym);
	global_scope->symbols = keep;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct symbol_list *list;
	int fd = atoi(unit_path + strlen("/proc/self/fd/"));
	int globals = symbol_list_size(global_scope->symbols);
	struct symbol *sym;

	if (ftruncate(fd, 0) || pwrite(fd, data, size, 0) != (ssize_t)size)
		abort();

	in_unit = 1;
	if (!setjmp(unit_escape)) {
		list = sparse(unit_path);
		FOR_EACH_PTR(list, sym) {
			expand_symbol(sym);
			linearize_symbol(sym);
		} END_FOR_EACH_PTR(sym);
	}
	in_unit = 0;
	unit_end();
	unbind_globals_after(globals);
	return 0;
}
