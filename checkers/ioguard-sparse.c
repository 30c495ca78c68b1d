// SPDX-License-Identifier: GPL-2.0
/*
 * ioguard-sparse: a sparse-compatible checker that every ioremap-style
 * mapping is announced to the hypervisor. kbuild runs it like sparse:
 *
 *	make C=1 CHECK=ioguard-sparse
 *
 * It takes sparse's whole command line, prints libsparse's own errors
 * and warnings as sparse does, then its own findings. Exit status:
 * 0 clean, 1 findings, 2 usage or input error (a missing file, a broken
 * spec, an error from the parser).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib.h"
#include "symbol.h"

#include "checks.h"

int check_file(const struct spec *spec, const char *file);

static const char usage[] =
	"usage: ioguard-sparse [--ioguard-spec=FILE] [--ioguard-warn-only] [sparse options] FILE...\n"
	"Checks that ioremap-style mappings call the MMIO guard hooks.\n"
	"  --ioguard-spec=FILE   read entry points, primitives and hooks from FILE\n"
	"                        (default: the built-in spec)\n"
	"  --ioguard-warn-only   exit 0 even with findings or parser errors\n"
	"                        (for kbuild runs that must not stop)\n"
	"Checks: unhooked-map, bypass, hook-on-failure, hook-args, unhooked-unmap\n";

static void die2(const char *fmt, const char *arg)
{
	fprintf(stderr, "ioguard-sparse: ");
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	exit(2);
}

/*
 * sparse 0.6.4 (Debian's) dies on the multi-letter extensions riscv
 * kbuild appends to -march (rv64imac_zicsr_zifencei_zihintpause): keep
 * the single-letter part, the only one sparse models.
 */
static void riscv_march_compat(char *arg)
{
	char *us;

	if (!strncmp(arg, "-march=rv", 9) && (us = strchr(arg, '_')))
		*us = '\0';
}

int main(int argc, char **argv)
{
	struct string_list *files = NULL;
	const char *spec_path = NULL;
	bool warn_only = false;
	char err[512], *file;
	struct spec spec;
	int i, j, ret;

	for (i = 1, j = 1; i < argc; i++) {
		if (!strncmp(argv[i], "--ioguard-spec=", 15)) {
			spec_path = argv[i] + 15;
		} else if (!strcmp(argv[i], "--ioguard-warn-only")) {
			warn_only = true;
		} else if (!strcmp(argv[i], "--help") && argc == 2) {
			fputs(usage, stdout);
			return 0;
		} else if (!strncmp(argv[i], "--ioguard", 9)) {
			die2("unknown option '%s' (see --help)", argv[i]);
		} else {
			riscv_march_compat(argv[i]);
			argv[j++] = argv[i];
		}
	}
	argv[j] = NULL;
	argc = j;

	ret = spec_path ? spec_load(&spec, spec_path, err, sizeof(err)) :
			  spec_load_default(&spec, err, sizeof(err));
	if (ret)
		die2("%s", err);

	sparse_initialize(argc, argv, &files);
	if (!files)
		die2("%s", "no input file (see --help)");
	FOR_EACH_PTR(files, file) {
		if (check_file(&spec, file))
			die2("cannot read '%s'", file);
	} END_FOR_EACH_PTR(file);

	if (warn_only)
		return 0;
	if (has_error)
		return 2;
	return diag_count() ? 1 : 0;
}
