// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: ioguard-sparse's checker on any C unit, in process.
 * Each input is one translation unit, handed to libsparse the way
 * sparse's own program hands it a second or third file on its command
 * line: sparse() (wrapped by checkers/sparse-glue.c, so ioguard's unit
 * begins, the probes are appended and the spec's functions stay calls),
 * then every symbol expanded and linearized (ioguard keeps each one),
 * then the checks (tu_end()). sparse_initialize() runs once, with
 * tests/checker/include on the include path, as the fixtures have it.
 *
 * libsparse keeps global state across units by design (sparse a.c b.c
 * is one process), and stops on a few fatal errors with exit(1)
 * (error_die(), die()): those are wrapped here (the Makefile's --wrap)
 * to return to the next input instead, since an exit would end the
 * fuzzer. A unit cut short that way can leave the preprocessor's
 * nesting state behind for the next one; a crash only counts once it
 * reproduces on its own (make fuzz replays each artifact alone).
 * docs/reliability.md says more.
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

#include "tu.h"

/* What checkers/ioguard-sparse.c, not linked here, defines. */
const struct spec *ioguard_spec;
bool ioguard_warn_only = true;	/* the glue must not exit */

void ioguard_die(const char *fmt, const char *arg)
{
	fprintf(stderr, "fuzz-checker: ioguard_die: ");
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	abort();	/* never for a readable unit: a bug */
}

static jmp_buf unit_end;
static int in_unit;

/* sparse's exits, back to the harness (ld --wrap=die,error_die) */
void __wrap_die(const char *fmt, ...)
{
	if (in_unit)
		longjmp(unit_end, 1);
	abort();
}

void __wrap_error_die(struct position pos, const char *fmt, ...)
{
	if (in_unit)
		longjmp(unit_end, 1);
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
	snprintf(unit_path, sizeof(unit_path), "/proc/self/fd/%d", fd);
	sparse_initialize(4, args, &files);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct symbol_list *list;
	struct symbol *sym;
	int fd = atoi(unit_path + strlen("/proc/self/fd/"));

	if (ftruncate(fd, 0) || pwrite(fd, data, size, 0) != (ssize_t)size)
		abort();
	in_unit = 1;
	if (!setjmp(unit_end)) {
		list = sparse(unit_path);
		FOR_EACH_PTR(list, sym) {
			expand_symbol(sym);
			linearize_symbol(sym);
		} END_FOR_EACH_PTR(sym);
	}
	in_unit = 0;
	tu_end();
	return 0;
}
