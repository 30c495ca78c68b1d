// SPDX-License-Identifier: GPL-2.0
/*
 * ioguard-sparse: the sparse program plus a checker that every
 * ioremap-style mapping is announced to the hypervisor. kbuild runs it
 * in place of sparse:
 *
 *	make C=1 CHECK="ioguard-sparse --ioguard-warn-only"
 *
 * It strips its own options, then runs sparse's own main over the rest
 * (sparse-glue.c), which prints everything sparse prints; the findings
 * of each unit follow its sparse warnings.
 *
 * Exit status with --ioguard-warn-only: sparse's, whatever ioguard finds.
 * Otherwise 0 clean, 1 findings, 2 usage or input error (no file, an
 * unreadable file, a broken spec, an error from sparse, or anything that
 * made sparse itself exit early). A crash: 2 in both modes, with one
 * line naming the unit (crash.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sparse-unit.h"
#include "../core/facts.h"

const struct spec *ioguard_spec;
bool ioguard_warn_only;
static bool finished;

static const char usage[] =
	"usage: ioguard-sparse [--ioguard-spec=FILE] [--ioguard-warn-only] [--ioguard-facts=FILE]\n"
	"                      [--ioguard-user-map] [sparse options] FILE...\n"
	"Runs sparse and checks that ioremap-style mappings call the MMIO guard hooks.\n"
	"  --ioguard-spec=FILE   read entry points, primitives and hooks from FILE\n"
	"                        (default: the built-in spec)\n"
	"  --ioguard-warn-only   exit as sparse does, whatever ioguard finds\n"
	"                        (for kbuild runs that must not stop)\n"
	"  --ioguard-facts=FILE  also write each unit's functions, calls and findings\n"
	"                        to FILE (for ioguard audit; docs/audit.md)\n"
	"  --ioguard-user-map    also report user mappings of device memory (user-map)\n"
	"Checks: unhooked-map, bypass, hook-on-failure, hook-args, unhooked-unmap,\n"
	"        user-map (off unless --ioguard-user-map)\n";

/*
 * sparse exits 1 on its own fatal errors (die(), -Wsparse-error); in
 * the default mode every exit that is not ours is an input error.
 */
static void early_exit(void)
{
	if (finished || ioguard_warn_only)
		return;
	fflush(NULL);
	_exit(2);
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
	const char *spec_path = NULL, *facts_path = NULL;
	static struct spec spec;
	char err[512];
	int i, j, ret;

	ioguard_prog = "ioguard-sparse";
	for (i = 1, j = 1; i < argc; i++) {
		if (!strncmp(argv[i], "--ioguard-spec=", 15)) {
			spec_path = argv[i] + 15;
		} else if (!strncmp(argv[i], "--ioguard-facts=", 16)) {
			facts_path = argv[i] + 16;
		} else if (!strcmp(argv[i], "--ioguard-warn-only")) {
			ioguard_warn_only = true;
		} else if (!strcmp(argv[i], "--ioguard-user-map")) {
			ioguard_user_map = true;
		} else if (!strcmp(argv[i], "--help") && argc == 2) {
			fputs(usage, stdout);
			return 0;
		} else if (!strncmp(argv[i], "--ioguard", 9)) {
			ioguard_die("unknown option '%s' (see --help)", argv[i]);
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
		ioguard_die("%s", err);
	ioguard_spec = &spec;
	if (facts_path)
		facts_open(facts_path);

	atexit(early_exit);
	crash_guard_init();
	ret = sparse_program_main(argc, argv);
	unit_end();		/* in case sparse.c stops calling report_stats() */
	facts_close();
	finished = true;

	if (ioguard_warn_only)
		return ret;
	if (ret || has_error)
		return 2;
	return diag_count() ? 1 : 0;
}
