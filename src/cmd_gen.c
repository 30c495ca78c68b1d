// SPDX-License-Identifier: GPL-2.0
/*
 * gen: write a git format-patch series that brings MMIO guard hooks and
 * an arch runtime to a kernel tree, then verify it.
 *
 * The series is built as real commits in a small scratch repository
 * (src/series.c) that holds only the files the series touches, so no
 * copy of the whole tree is ever committed:
 *
 *   1. the generic hooks and their insertion (`ioguard insert`),
 *   2..n. the backend's patches (src/backends/ARCH-ABI/backend.conf),
 *
 * then `git format-patch --cover-letter`. docs/gen.md has the details.
 *
 * Exit: 0 series written and verified (or the tree already carries it:
 * nothing is written), 1 verify failed, 2 usage or input error.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arch.h"
#include "gen.h"
#include "ioguard.h"
#include "series.h"
#include "spec.h"

static const char usage_text[] =
	"usage: ioguard gen --tree DIR --arch ARCH [--abi NAME] [--spec FILE] [--signoff \"Name <mail>\"]\n"
	"                   [--fallback-signoff \"Name <mail>\"] [--insert-patch FILE]\n"
	"                   [--no-verify] [--keep] [--run] -o OUTDIR\n"
	"       ioguard gen --tree DIR --arch ARCH [--abi NAME] --render PATH\n";

struct gen_args {
	const char *tree, *arch, *abi, *signoff, *fallback, *out;
	const char *insert_patch, *render, *spec;
	int no_verify, keep, run;
};

static int gen_options(struct gen_args *a, int argc, char **argv)
{
	const struct cli_opt opts[] = {
		{ "--tree", &a->tree }, { "--arch", &a->arch },
		{ "--abi", &a->abi }, { "--signoff", &a->signoff },
		{ "--fallback-signoff", &a->fallback },
		{ "--insert-patch", &a->insert_patch }, { "-o", &a->out },
		{ "--render", &a->render }, { "--spec", &a->spec },
		{ "--no-verify", NULL, &a->no_verify },
		{ "--keep", NULL, &a->keep }, { "--run", NULL, &a->run }, { NULL }
	};

	if (parse_options(argc, argv, opts) < argc || !a->tree || !a->arch ||
	    (!a->out && !a->render)) {
		fputs(usage_text, stderr);
		return -1;
	}
	a->arch = tree_arch_name("gen", a->tree, a->arch);
	if (!a->arch)
		return -1;
	if (a->insert_patch && access(a->insert_patch, R_OK)) {
		fprintf(stderr, "ioguard: gen: cannot read %s\n", a->insert_patch);
		return -1;
	}
	return 0;
}

/* Tabs and spaces that align a continuation line with the open
 * parenthesis at column col (static ring of buffers). */
static const char *align(size_t col)
{
	static char buf[4][64];
	static int next;
	char *o = buf[next++ % 4];
	size_t i, n = 0;

	for (i = 0; i < col / 8 && n < 60; i++)
		o[n++] = '\t';
	for (i = 0; i < col % 8; i++)
		o[n++] = ' ';
	o[n] = '\0';
	return o;
}

/* The backend for the tree, with the hook names from the spec. */
static struct gen_backend *open_backend(const struct gen_args *a)
{
	const struct spec_entry *hm, *hu;
	struct gen_backend *b;
	struct spec spec;

	if (load_spec("gen", &spec, a->spec))
		return NULL;
	hm = spec_hook(&spec, SPEC_HOOK_MAP);
	hu = spec_hook(&spec, SPEC_HOOK_UNMAP);
	if (!hm || !hu) {
		fprintf(stderr, "ioguard: gen: the spec names no map or unmap hook\n");
		return NULL;
	}
	b = gen_backend_open("gen", a->tree, a->arch, a->abi);
	if (!b)
		return NULL;
	b->spec = a->spec;
	gen_set_var(b, "HOOK_MAP", hm->name);
	gen_set_var(b, "HOOK_UNMAP", hu->name);
	/* A definition's continuation line: "void NAME(" */
	gen_set_var(b, "HOOK_MAP_ALIGN", align(strlen("void (") + strlen(hm->name)));
	return b;
}

/*
 * --render PATH: print the file the backend creates or edits at PATH, as
 * its patches leave it (the runtime's unit tests compile it): a created
 * file rendered, an edited one copied from the tree into a scratch
 * directory and edited there.
 */
static int print_rendered(const struct gen_backend *b, const char *tree,
			  const char *path)
{
	char err[1024], dir[] = "/tmp/ioguard-render.XXXXXX", file[4096];
	char *text = NULL, *argv[] = { "rm", "-rf", dir, NULL };
	int i, n = 0, rc = 0;
	bool written = false;

	if (!mkdtemp(dir)) {
		fprintf(stderr, "ioguard: gen: cannot create a scratch directory\n");
		return 2;
	}
	snprintf(file, sizeof(file), "%s/%s", dir, path);
	for (i = 0; i < b->nops && !rc; i++) {
		const struct gen_op *o = &b->ops[i];

		if (strcmp(o->path, path) || !gen_selected(b, o->variant))
			continue;
		if (!n++ && strcmp(o->verb, "create")) {
			char src[4096];

			snprintf(src, sizeof(src), "%s/%s", tree, path);
			text = read_file(src, NULL);
			*strrchr(file, '/') = '\0';
			rc = !text || mkdirs(file);
			file[strlen(file)] = '/';
			rc = rc || write_file(file, text, strlen(text));
			free(text);
			if (rc)
				snprintf(err, sizeof(err), "cannot copy %.900s", src);
		}
		rc = rc || gen_apply_op(b, o, dir, err, sizeof(err));
	}
	text = n && !rc ? read_file(file, NULL) : NULL;
	if (!n)
		fprintf(stderr, "ioguard: gen: backend %s writes no %s\n", b->name, path);
	else if (!text)
		fprintf(stderr, "ioguard: gen: %s\n", err);
	/* errno now: at exit a failed write only says EIO */
	else if (fputs(text, stdout) < 0 || fflush(stdout))
		fprintf(stderr, "ioguard: gen: cannot write standard output: %s\n",
			strerror(errno));
	else
		written = true;
	free(text);
	run_command(argv);
	return written ? 0 : 2;
}

/* How many of the backend's markers the tree has: all of them, it
 * carries the series already. */
static int markers_present(const struct gen_backend *b, const char *tree)
{
	char path[4096], *text;
	int i, n = 0;

	for (i = 0; i < b->nmarkers; i++) {
		snprintf(path, sizeof(path), "%s/%s", tree, b->markers[i][0]);
		text = read_file(path, NULL);
		n += text && strstr(text, b->markers[i][1]);
		free(text);
	}
	return n;
}

int cmd_gen(int argc, char **argv)
{
	struct gen_args a = { 0 };
	struct gen_backend *b;
	struct series s = { 0 };
	struct outdir od;
	char *id;
	int carried, rc;

	if (gen_options(&a, argc, argv) || !(b = open_backend(&a)))
		return 2;
	if (a.render)
		return print_rendered(b, a.tree, a.render);
	id = signoff_identity("gen", a.signoff, a.fallback);
	if (!id)
		return 2;
	carried = markers_present(b, a.tree);
	if (b->nmarkers && carried == b->nmarkers) {
		printf("ioguard: gen: %s already carries the %s series; nothing written\n",
		       a.tree, b->name);
		return 0;
	}
	if (carried) {
		fprintf(stderr, "ioguard: gen: %s carries part of the %s series (%d of %d markers); start from a pristine tree\n",
			a.tree, b->name, carried, b->nmarkers);
		return 2;
	}
	/* the series is written beside OUTDIR and moved in when complete */
	if (outdir_open(&od, a.out)) {
		fprintf(stderr, "ioguard: gen: cannot write %s: %s\n", a.out,
			strerror(errno));
		return 2;
	}
	s.b = b;
	s.tree = a.tree;
	s.id = id;
	s.insert_patch = a.insert_patch;
	rc = series_write(&s);
	if (!rc && (copy_files(s.formatted, od.tmp) ||
		    outdir_commit(&od, series_patch_name))) {
		fprintf(stderr, "ioguard: gen: cannot write %s: %s\n", a.out,
			strerror(errno));
		rc = -1;
	}
	outdir_abort(&od);
	if (!rc) {
		printf("ioguard: gen: wrote the %s series for %s to %s\n",
		       b->name, a.arch, a.out);
		series_print_stat(&s);
	}
	series_cleanup(&s, a.keep, rc);
	if (rc)
		return 2;
	if (a.no_verify)
		return 0;
	/* 1 a step failed; 2 verify could not run (no cross compiler) */
	rc = verify_series(b, a.tree, a.out, a.run);
	if (rc)
		return rc == 1 ? 1 : 2;
	if (series_mark_verified(a.out, a.arch, a.run)) {
		fprintf(stderr, "ioguard: gen: cannot say in the cover letter that the series is verified\n");
		return 2;
	}
	return 0;
}
