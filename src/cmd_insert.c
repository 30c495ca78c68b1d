// SPDX-License-Identifier: GPL-2.0
/*
 * insert: run the Coccinelle scripts over a kernel tree. Patch mode writes
 * one unified diff (or rewrites the tree with --in-place, only when
 * asked); report, context and org modes print what the scripts find.
 *
 * The spec is read here, once: the scripts are rendered for it into the
 * run's scratch directory with the spec normalised beside them, and
 * src/sh/insert.sh, which does the tree work, reads only those files.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arch.h"
#include "cocci.h"
#include "ioguard.h"
#include "spec.h"

static const char usage[] =
	"usage: ioguard insert --tree DIR [--arch ARCH] [--spec FILE] [-j N]\n"
	"                      [--mode patch|report|context|org] [-o FILE|-|--in-place]\n";

struct insert_args {
	const char *tree, *arch, *mode, *out, *spec, *jobs;
	int inplace;
};

/* Whether OUT can be written, without leaving a file behind. */
static int writable(const char *out)
{
	int existed = access(out, F_OK) == 0;
	FILE *f = fopen(out, "a");

	if (!f)
		return 0;
	fclose(f);
	if (!existed)
		remove(out);
	return 1;
}

static const char *check_args(const struct insert_args *a)
{
	static const char *const modes[] = { "patch", "report", "context", "org", NULL };
	int i;

	for (i = 0; modes[i] && strcmp(a->mode, modes[i]); i++)
		;
	if (!modes[i])
		return "unknown mode (patch, report, context, org)";
	if (!strcmp(a->mode, "patch") && !a->out == !a->inplace)
		return "patch mode needs exactly one of -o FILE and --in-place";
	if (strcmp(a->mode, "patch") && (a->out || a->inplace))
		return "-o and --in-place are for patch mode";
	if (atoi(a->jobs) < 1)
		return "-j wants a positive number";
	return NULL;
}

static int run_insert_sh(const struct insert_args *a, const char *work)
{
	char *args[] = {
		(char *)libexec("insert.sh"), (char *)a->tree, (char *)a->arch,
		(char *)a->mode, (char *)(a->out ? a->out : "-"),
		a->inplace ? "1" : "0", (char *)a->jobs, (char *)work, NULL,
	};

	return run_command(args);
}

int cmd_insert(int argc, char **argv)
{
	struct insert_args a = { .arch = "arm64", .mode = "patch", .jobs = "2" };
	const struct cli_opt opts[] = {
		{ "--tree", &a.tree }, { "--arch", &a.arch }, { "--mode", &a.mode },
		{ "-o", &a.out }, { "--spec", &a.spec }, { "-j", &a.jobs },
		{ "--in-place", NULL, &a.inplace }, { NULL }
	};
	char work[4096], cocci[4200];
	char *rm[] = { "rm", "-rf", work, NULL };
	const char *err;
	struct spec spec;
	int ret;

	if (parse_options(argc, argv, opts) < argc || !a.tree) {
		fputs(usage, stderr);
		return 2;
	}
	if ((err = check_args(&a))) {
		fprintf(stderr, "ioguard: insert: %s\n", err);
		return 2;
	}
	a.arch = tree_arch_name("insert", a.tree, a.arch);
	if (!a.arch || load_spec("insert", &spec, a.spec))
		return 2;
	if (a.out && strcmp(a.out, "-") && !writable(a.out)) {
		fprintf(stderr, "ioguard: insert: cannot write %s\n", a.out);
		return 2;
	}
	snprintf(work, sizeof(work), "%s/ioguard-insert.XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(work)) {
		fprintf(stderr, "ioguard: insert: cannot create a scratch directory in %s\n",
			getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
		return 2;
	}
	snprintf(cocci, sizeof(cocci), "%s/cocci", work);
	ret = cocci_render_all("insert", &spec, cocci) ? 2 : run_insert_sh(&a, work);
	run_command(rm);
	return ret;
}
