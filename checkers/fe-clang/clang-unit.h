/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The clang frontend's units and command line: clang-unit.c checks one
 * translation unit; clang-args.c turns a compiler's (or sparse's, as
 * kbuild gives it) command line into libclang's.
 */
#ifndef IOGUARD_CLANG_UNIT_H
#define IOGUARD_CLANG_UNIT_H

#include <stdbool.h>

#include <clang-c/Index.h>

#include "clang-lower.h"
#include "spec.h"

/* Check file with libclang's args; -1 when it cannot be read. Errors
 * clang reports are printed, and set *has_error. */
int clang_unit_check(CXIndex index, const struct spec *spec, const char *file,
		     const char *const *args, int nargs, bool *has_error);

struct cargs {
	const char **argv;	/* for libclang */
	int argc, cap;
	const char **files;	/* the units */
	int nfiles, capfiles;
};

/* Sort a command line into libclang's arguments and the files to check.
 * compiler: argv[0] of a compile command (its cross prefix names the
 * target), or NULL. */
void cargs_translate(struct cargs *a, int argc, const char *const *argv,
		     const char *compiler);
void cargs_free(struct cargs *a);

#endif
