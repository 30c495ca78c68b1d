// SPDX-License-Identifier: GPL-2.0
/*
 * audit: every unit one arch and config compiles, checked with kbuild's
 * own flags, facts merged into an index, findings reported with who
 * reaches them. The steps are in audit.h; this file takes the options
 * apart and runs them in order. docs/audit.md is the user's side.
 *
 * Exit: 0 no finding (none new with --baseline), 1 findings, 2 usage or
 * input error.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arch.h"
#include "audit.h"
#include "audit_derive.h"
#include "audit_report.h"
#include "ioguard.h"

#define MAX_PATHS 256

static const char usage[] =
	"usage: ioguard audit --tree DIR --arch ARCH [--config defconfig|allmodconfig|FILE]\n"
	"                     [--build DIR] [--index FILE] [-j N] [--spec FILE]\n"
	"                     [--format text|json|sarif|html|codequality] [-o FILE]\n"
	"                     [--baseline REPORT] [--since REV] [--shard I/N]\n"
	"                     [--no-prefilter] [--depth N] [--timeout SECONDS] [--derive] [--no-user-map] [PATH...]\n"
	"PATHs (mm/, drivers/pci/, a file) keep only the units under them.\n";

static int parse_int(const char *s, int *out, int min)
{
	char *end;
	long v;

	if (!s)
		return 0;
	v = strtol(s, &end, 10);
	if (*end || v < min || v > 1000000)
		return -1;
	*out = (int)v;
	return 0;
}

static int parse_shard(const char *s, int *index, int *count)
{
	if (!s)
		return 0;
	if (sscanf(s, "%d/%d", index, count) != 2 || *count < 1 ||
	    *index < 1 || *index > *count)
		return -1;
	return 0;
}

/* Keep the units under the PATHs given (tree-relative prefixes). */
static void keep_under(struct audit *a, char **paths, int n)
{
	int i, j, k;

	for (i = 0, j = 0; i < a->nunits; i++) {
		for (k = 0; k < n; k++)
			if (!strncmp(a->units[i].rel, paths[k], strlen(paths[k])))
				break;
		if (k < n)
			a->units[j++] = a->units[i];
	}
	a->nunits = j;
}

/* The default build directory: one per tree, arch and config name. */
static const char *default_build(const char *tree, const char *arch,
				 const char *config)
{
	static char path[PATH_MAX + 128];
	const char *cache = cache_dir(), *base, *cfg;
	char real[PATH_MAX];
	unsigned long h;

	if (!cache || !realpath(tree, real))
		return NULL;
	h = fnv1a(FNV1A_INIT, real, strlen(real));
	base = strrchr(real, '/');
	cfg = strrchr(config, '/');
	snprintf(path, sizeof(path), "%s/build/audit-%s-%08lx-%s-%s", cache,
		 base ? base + 1 : real, h & 0xffffffff, arch, cfg ? cfg + 1 : config);
	return path;
}

int cmd_audit(int argc, char **argv)
{
	const char *tree = NULL, *arch = NULL, *config = "defconfig", *build = NULL;
	const char *index = NULL, *jobs = NULL, *format = "text", *output = NULL;
	const char *baseline = NULL, *since = NULL, *shard = NULL, *depth = NULL;
	const char *timeout = NULL, *spec = NULL;
	int no_prefilter = 0, shard_i = 1, shard_n = 1, i, j, rc, npaths = 0, derive = 0;
	int no_user_map = 0;
	char *paths[MAX_PATHS];
	static struct audit a;
	const struct arch *ar;
	char real_tree[PATH_MAX], real_build[PATH_MAX], db[PATH_MAX + 32];
	struct report_opts ro = { 0 };
	const struct cli_opt opts[] = {
		{ "--tree", &tree }, { "--arch", &arch }, { "--config", &config },
		{ "--build", &build }, { "--index", &index }, { "-j", &jobs },
		{ "--format", &format }, { "-o", &output }, { "--baseline", &baseline },
		{ "--since", &since }, { "--shard", &shard }, { "--depth", &depth },
		{ "--timeout", &timeout }, { "--spec", &spec },
		{ "--no-prefilter", NULL, &no_prefilter }, { "--derive", NULL, &derive },
		{ "--no-user-map", NULL, &no_user_map }, { NULL }
	};

	a.jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
	a.timeout = 300;
	a.depth = 6;
	/* -jN as make takes it, besides -j N */
	for (i = 1, j = 1; i < argc; i++)
		if (!strncmp(argv[i], "-j", 2) && argv[i][2])
			jobs = argv[i] + 2;
		else
			argv[j++] = argv[i];
	argc = j;
	/* options and PATHs in any order: PATHs are gathered at the end */
	for (i = 0; (i += parse_options(argc - i, argv + i, opts)) < argc; ) {
		if (argv[i][0] == '-')
			break;
		paths[npaths++] = argv[i];
		if (npaths == MAX_PATHS)
			break;
	}
	if (i < argc || !tree || !arch || parse_int(jobs, &a.jobs, 1) ||
	    parse_int(depth, &a.depth, 0) || parse_int(timeout, &a.timeout, 1) ||
	    parse_shard(shard, &shard_i, &shard_n) || report_format(format) < 0) {
		if (i < argc)
			fprintf(stderr, "ioguard: audit: unknown option '%s'\n", argv[i]);
		else if (report_format(format) < 0)
			fprintf(stderr, "ioguard: audit: unknown format '%s' (text, json, sarif, html, codequality)\n", format);
		fputs(usage, stderr);
		return 2;
	}
	if (!tree_arch_name("audit", tree, arch) || !(ar = arch_lookup("audit", arch)))
		return 2;
	if (!realpath(tree, real_tree)) {
		fprintf(stderr, "ioguard: audit: no tree '%s'\n", tree);
		return 2;
	}
	if (strcmp(config, "defconfig") && strcmp(config, "allmodconfig") &&
	    access(config, R_OK)) {
		fprintf(stderr, "ioguard: audit: cannot read config '%s'\n", config);
		return 2;
	}
	if (!build && !(build = default_build(real_tree, ar->name, config))) {
		fprintf(stderr, "ioguard: audit: no cache directory for the build (use --build)\n");
		return 2;
	}
	if (mkdirs(build) || !realpath(build, real_build)) {
		fprintf(stderr, "ioguard: audit: cannot create build directory '%s'\n", build);
		return 2;
	}
	if (output && report_check_output(output))
		return 2;
	if (!(a.checker = checker_path("audit")) || load_spec("audit", &a.spec, spec))
		return 2;
	a.tree = real_tree;
	a.build = real_build;
	a.arch = ar->name;
	a.srcarch = ar->srcarch;
	a.spec_path = spec;
	a.progress = isatty(STDERR_FILENO);

	audit_catch_signals();
	if (units_list(&a, config) || audit_stop_if_interrupted())
		return 2;
	if (npaths)
		keep_under(&a, paths, npaths);
	if (prefilter(&a, no_prefilter) || audit_stop_if_interrupted())
		return 2;
	for (i = 0, j = 0; i < a.nunits; i++)
		j += a.units[i].selected;
	fprintf(stderr, "ioguard: audit: %d units, %d %s\n", a.nunits, j,
		no_prefilter ? "to check (no prefilter)" : "can reach a mapping (prefilter)");
	/* a shard's index holds its own units only: merged, they are the whole */
	for (i = 0, j = 0; i < a.nunits; i++)
		if (unit_in_shard(&a.units[i], shard_i, shard_n))
			a.units[j++] = a.units[i];
	a.nunits = j;
	if (!index) {
		snprintf(db, sizeof(db), "%s/ioguard-audit/index.db", real_build);
		index = db;
	}
	if (index_open(&a, index))
		return 2;
	rc = index_sync_units(&a) || run_units(&a);
	if (rc) {
		index_close(&a);
		return 2;
	}
	if (derive) {	/* the derived list instead of the report (docs/devmem.md) */
		rc = audit_derive_output(a.db, output);
		index_close(&a);
		return rc;
	}
	ro.format = report_format(format);
	ro.no_user_map = no_user_map;
	ro.output = output;
	ro.baseline = baseline;
	ro.since = since;
	ro.tree = real_tree;
	rc = report_write(a.db, &ro);
	index_close(&a);
	return rc;
}
