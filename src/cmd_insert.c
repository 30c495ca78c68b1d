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
#include <errno.h>
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

/* insert.sh leaves patch mode's diff in WORK/patch; -o gets it here. */
static int run_insert_sh(const struct insert_args *a, const char *work,
			 char *patch)
{
	char *args[] = {
		(char *)libexec("insert.sh"), (char *)a->tree, (char *)a->arch,
		(char *)a->mode, a->out ? patch : "-",
		a->inplace ? "1" : "0", (char *)a->jobs, (char *)work, NULL,
	};

	return run_command(args) ? 2 : 0;
}

/* The diff, to standard output or (whole, or not at all) to -o FILE. */
static int write_patch(const char *out, struct outfile *o, const char *patch)
{
	size_t len;
	char *text = read_file(patch, &len);
	const char *p;
	int files = 0;

	if (!text) {
		fprintf(stderr, "ioguard: insert: the run left no patch\n");
		return 2;
	}
	for (p = text; (p = strstr(p, "\n+++ ")); p++)
		files++;
	files += !strncmp(text, "+++ ", 4);
	if (!strcmp(out, "-")) {
		/* errno now: at exit a failed write only says EIO */
		if (fwrite(text, 1, len, stdout) != len || fflush(stdout)) {
			fprintf(stderr, "ioguard: insert: cannot write standard output: %s\n",
				strerror(errno));
			free(text);
			return 2;
		}
	} else if (outfile_write(o, text, len) || outfile_commit(o)) {
		fprintf(stderr, "ioguard: insert: cannot write %s: %s\n", out,
			strerror(errno));
		free(text);
		return 2;
	} else {
		fprintf(stderr, "ioguard: insert: %d files changed, written to %s\n",
			files, out);
	}
	free(text);
	return 0;
}

int cmd_insert(int argc, char **argv)
{
	struct insert_args a = { .arch = "arm64", .mode = "patch", .jobs = "2" };
	const struct cli_opt opts[] = {
		{ "--tree", &a.tree }, { "--arch", &a.arch }, { "--mode", &a.mode },
		{ "-o", &a.out }, { "--spec", &a.spec }, { "-j", &a.jobs },
		{ "--in-place", NULL, &a.inplace }, { NULL }
	};
	char work[4096], cocci[4200], patch[4200];
	char *rm[] = { "rm", "-rf", work, NULL };
	struct outfile o = { .fd = -1, .slot = -1 };
	const char *err, *tmpdir = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	struct spec spec;
	int ret, slot;

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
	/* before any work: an output that cannot be written fails now */
	if (a.out && strcmp(a.out, "-") && outfile_open(&o, a.out)) {
		fprintf(stderr, "ioguard: insert: cannot write %s: %s\n", a.out,
			strerror(errno));
		return 2;
	}
	snprintf(work, sizeof(work), "%s/ioguard-insert.XXXXXX", tmpdir);
	if (!mkdtemp(work)) {
		fprintf(stderr, "ioguard: insert: cannot create a scratch directory in %s: %s\n",
			tmpdir, strerror(errno));
		outfile_abort(&o);
		return 2;
	}
	slot = cleanup_add(work, 1);
	snprintf(cocci, sizeof(cocci), "%s/cocci", work);
	snprintf(patch, sizeof(patch), "%s/patch", work);
	ret = cocci_render_all("insert", &spec, cocci) ? 2 : run_insert_sh(&a, work, patch);
	if (!ret && a.out)
		ret = write_patch(a.out, &o, patch);
	outfile_abort(&o);	/* nothing left to remove after a commit */
	run_command(rm);
	cleanup_done(slot);
	return ret;
}
