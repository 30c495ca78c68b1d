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
#define _GNU_SOURCE
#include <errno.h>
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
	"                     [--build DIR] [--index FILE] [-j N] [--spec FILE] [--frontend sparse|clang]\n"
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
	int n = 0;

	if (!s)
		return 0;
	if (sscanf(s, "%d/%d%n", index, count, &n) != 2 || s[n] || *count < 1 ||
	    *index < 1 || *index > *count)
		return -1;
	return 0;
}

/* A bad option value: one line naming the option, the value and what it
 * takes. */
static int bad_value(const char *opt, const char *value, const char *want)
{
	fprintf(stderr, "ioguard: audit: %s '%s': %s\n", opt, value, want);
	return 2;
}

/* --since REV names a commit of the tree's repository: asked of git now
 * (quietly: the line below says it), not after the whole audit. */
static int check_since(const char *tree, const char *rev)
{
	char *spec, *out;
	char *argv[] = { "git", "-C", (char *)tree, "rev-parse", "--verify", "--quiet",
			 "--end-of-options", NULL, NULL };

	if (asprintf(&spec, "%s^{commit}", rev) < 0)
		return -1;
	argv[7] = spec;
	out = run_capture_quiet(argv);
	free(spec);
	if (out) {
		free(out);
		return 0;
	}
	fprintf(stderr, "ioguard: audit: --since '%s': not a commit of a git repository at '%s'\n",
		rev, tree);
	return -1;
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
	const char *timeout = NULL, *spec = NULL, *frontend = "sparse";
	int no_prefilter = 0, shard_i = 1, shard_n = 1, i, j, rc, npaths = 0, derive = 0;
	int no_user_map = 0;
	char *paths[MAX_PATHS];
	static struct audit a;
	const struct arch *ar;
	char real_tree[PATH_MAX], real_build[PATH_MAX], db[PATH_MAX + 32];
	struct report_opts ro = { 0 };
	struct outfile of = { .fd = -1, .slot = -1 };
	const struct cli_opt opts[] = {
		{ "--tree", &tree }, { "--arch", &arch }, { "--config", &config },
		{ "--build", &build }, { "--index", &index }, { "-j", &jobs },
		{ "--format", &format }, { "-o", &output }, { "--baseline", &baseline },
		{ "--since", &since }, { "--shard", &shard }, { "--depth", &depth },
		{ "--timeout", &timeout }, { "--spec", &spec }, { "--frontend", &frontend },
		{ "--no-prefilter", NULL, &no_prefilter }, { "--derive", NULL, &derive },
		{ "--no-user-map", NULL, &no_user_map }, { NULL }
	};

	a.jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
	/* one unit's limit: as `ioguard check` takes it, IOGUARD_TIMEOUT_UNIT
	 * (else IOGUARD_TIMEOUT; 0 none), 300 s unless set; --timeout wins */
	a.timeout = (int)step_limit("UNIT", 300);
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
	if (i < argc || !tree || !arch) {
		if (i < argc)
			fprintf(stderr, "ioguard: audit: unknown option '%s'\n", argv[i]);
		fputs(usage, stderr);
		return 2;
	}
	/* a bad value: one line, before anything is read or written */
	if (report_format(format) < 0) {
		fprintf(stderr, "ioguard: audit: unknown format '%s' (text, json, sarif, html, codequality)\n",
			format);
		return 2;
	}
	if (parse_int(jobs, &a.jobs, 1))
		return bad_value("-j", jobs, "not a number of jobs (1 or more)");
	if (parse_int(depth, &a.depth, 0))
		return bad_value("--depth", depth, "not a depth (0 or more)");
	if (parse_int(timeout, &a.timeout, 1))
		return bad_value("--timeout", timeout, "not a number of seconds (1 or more)");
	if (parse_shard(shard, &shard_i, &shard_n))
		return bad_value("--shard", shard, "not I/N with 1 <= I <= N");
	if (strcmp(frontend, "sparse") && strcmp(frontend, "clang")) {
		fprintf(stderr, "ioguard: audit: unknown frontend '%s' (sparse, clang)\n", frontend);
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
		fprintf(stderr, "ioguard: audit: cannot read config '%s': %s\n", config,
			strerror(errno));
		return 2;
	}
	/* every input checked before anything is created */
	if (baseline && report_check_baseline(baseline))
		return 2;
	if (since && check_since(real_tree, since))
		return 2;
	/* either checker takes kbuild's checker command line as it is */
	if (!(a.checker = frontend_checker("audit", frontend)) || load_spec("audit", &a.spec, spec))
		return 2;
	if (!build && !(build = default_build(real_tree, ar->name, config))) {
		fprintf(stderr, "ioguard: audit: no cache directory for the build (use --build)\n");
		return 2;
	}
	if (mkdirs(build) || !realpath(build, real_build)) {
		fprintf(stderr, "ioguard: audit: cannot create build directory '%s': %s\n", build,
			strerror(errno));
		return 2;
	}
	/* last of the checks, first of the work: the report's temporary
	 * (every way out below removes it, unless committed) */
	if (output && report_open_output(&of, output))
		return 2;
	a.frontend = frontend;
	a.tree = real_tree;
	a.build = real_build;
	a.arch = ar->name;
	a.srcarch = ar->srcarch;
	a.spec_path = spec;
	a.progress = isatty(STDERR_FILENO);

	audit_catch_signals();
	rc = 2;
	if (units_list(&a, config)) {
		audit_stop_if_interrupted();	/* the dry run was stopped: say why */
		goto out;
	}
	if (audit_stop_if_interrupted())
		goto out;
	if (npaths)
		keep_under(&a, paths, npaths);
	if (prefilter(&a, no_prefilter) || audit_stop_if_interrupted())
		goto out;
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
		/* one index per frontend: both can be kept up to date */
		snprintf(db, sizeof(db), "%s/ioguard-audit/index%s.db", real_build,
			 strcmp(frontend, "sparse") ? "-clang" : "");
		index = db;
	}
	if (index_open(&a, index))
		goto out;
	if (index_sync_units(&a) || run_units(&a)) {
		index_close(&a);
		goto out;
	}
	if (derive) {	/* the derived list instead of the report (docs/devmem.md) */
		rc = audit_derive_output(a.db, output ? &of : NULL, output);
		index_close(&a);
		goto out;
	}
	ro.format = report_format(format);
	ro.no_user_map = no_user_map;
	ro.output = output;
	ro.out = output ? &of : NULL;
	ro.baseline = baseline;
	ro.since = since;
	ro.tree = real_tree;
	rc = report_write(a.db, &ro);
	index_close(&a);
out:
	outfile_abort(&of);	/* a committed report stays */
	return rc;
}
