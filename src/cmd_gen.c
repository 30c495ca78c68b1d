// SPDX-License-Identifier: GPL-2.0
/*
 * gen: write a git format-patch series that brings MMIO guard hooks and
 * an arch runtime to a kernel tree, then verify it.
 *
 * The series is built as real commits in a small scratch repository that
 * holds only the files the series touches (their pristine contents form
 * the base commit), so no copy of the whole tree is ever committed:
 *
 *   1. the generic hooks and their insertion (`ioguard insert`),
 *   2..n. the backend's patches (src/backends/ARCH-ABI/backend.conf),
 *
 * then `git format-patch --cover-letter`. docs/gen.md has the details.
 *
 * Exit: 0 series written and verified (or the tree already carries it:
 * nothing is written), 1 verify failed, 2 usage or input error.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arch.h"
#include "gen.h"
#include "ioguard.h"
#include "spec.h"

static const char usage_text[] =
	"usage: ioguard gen --tree DIR --arch ARCH [--abi NAME] [--signoff \"Name <mail>\"]\n"
	"                   [--insert-patch FILE] [--no-verify] [--keep] -o OUTDIR\n"
	"       ioguard gen --tree DIR --arch ARCH [--abi NAME] --render PATH\n";

/* Canonical arch name, or NULL. */
/* "Name <mail>" from --signoff or git config; NULL if neither. */
static char *identity(const char *signoff)
{
	char *name, *mail, *out;
	size_t n;

	if (signoff) {
		const char *lt = strchr(signoff, '<');

		if (!lt || lt == signoff || !strchr(lt, '>') ||
		    !strchr(lt, '@'))
			return NULL;
		return strdup(signoff);
	}
	name = sh_output("git config user.name 2>/dev/null");
	mail = sh_output("git config user.email 2>/dev/null");
	if (!name || !mail || !*name || !*mail)
		return NULL;
	n = strlen(name) + strlen(mail) + 4;
	out = malloc(n);
	snprintf(out, n, "%s <%s>", name, mail);
	return out;
}

static int split_identity(const char *id, char *name, size_t nlen, char *mail,
			  size_t mlen)
{
	const char *lt = strchr(id, '<'), *gt = strchr(id, '>');
	size_t l = lt - id;

	while (l && id[l - 1] == ' ')
		l--;
	snprintf(name, nlen, "%.*s", (int)l, id);
	snprintf(mail, mlen, "%.*s", (int)(gt - lt - 1), lt + 1);
	return 0;
}

static const char *align(size_t col)
{
	static char buf[8][64];
	static int next;
	char *o = buf[next++ % 8];
	size_t i, n = 0;

	for (i = 0; i < col / 8 && n < 60; i++)
		o[n++] = '\t';
	for (i = 0; i < col % 8; i++)
		o[n++] = ' ';
	o[n] = '\0';
	return o;
}

static int selected(const struct gen_backend *b, const char *variant)
{
	return !variant || !strcmp(variant, b->variant);
}

/* Paths a unified diff touches (its "+++ b/" and "--- a/" lines). */
static int diff_paths(const char *diff, char **paths, int n, int max)
{
	const char *p = diff;

	while (p && *p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);

		if ((!strncmp(p, "+++ b/", 6) || !strncmp(p, "--- a/", 6)) &&
		    n < max) {
			char *path = strndup(p + 6, len - 6);
			char *tab = strchr(path, '\t');
			int i, dup = 0;

			if (tab)
				*tab = '\0';
			for (i = 0; i < n; i++)
				dup |= !strcmp(paths[i], path);
			if (dup)
				free(path);
			else
				paths[n++] = path;
		}
		p = nl ? nl + 1 : NULL;
	}
	return n;
}

static int add_path(char **paths, int n, int max, const char *path)
{
	int i;

	for (i = 0; i < n; i++)
		if (!strcmp(paths[i], path))
			return n;
	if (n < max)
		paths[n++] = strdup(path);
	return n;
}

/* Start of the line after the one at p (after backslash continuations
 * when cont is set). */
static char *line_end(char *p, int cont)
{
	for (;;) {
		char *nl = strchr(p, '\n');

		if (!nl)
			return p + strlen(p);
		if (!cont || nl == p || nl[-1] != '\\')
			return nl + 1;
		p = nl + 1;
	}
}

static int apply_op(const struct gen_backend *b, const struct gen_op *o,
		    const char *repo, char *err, size_t errlen)
{
	char path[PATH_MAX], *text, *ins, *out, *at, *start, *stop;
	size_t len, n;
	int rc;

	snprintf(path, sizeof(path), "%s/%s", repo, o->path);
	ins = gen_render(b, o->template, err, errlen);
	if (!ins)
		return -1;
	text = read_file(path, &len);
	if (!strcmp(o->verb, "create")) {
		if (text) {
			snprintf(err, errlen, "%s already exists", o->path);
			return -1;
		}
		{
			char dir[PATH_MAX], *slash;

			snprintf(dir, sizeof(dir), "%s", path);
			slash = strrchr(dir, '/');
			*slash = '\0';
			mkdirs(dir);
		}
		rc = write_file(path, ins, strlen(ins));
		free(ins);
		return rc;
	}
	if (!text) {
		snprintf(err, errlen, "the tree has no %s (backend %s line %d)",
			 o->path, b->name, o->line);
		free(ins);
		return -1;
	}
	if (!strcmp(o->verb, "append")) {
		start = stop = text + len;
	} else {
		at = strstr(text, o->anchor);
		if (!at) {
			snprintf(err, errlen,
				 "%s: no line contains '%s' (backend %s line %d): tree not supported",
				 o->path, o->anchor, b->name, o->line);
			free(ins);
			free(text);
			return -1;
		}
		while (at > text && at[-1] != '\n')
			at--;
		if (!strcmp(o->verb, "before")) {
			start = stop = at;
		} else if (!strcmp(o->verb, "after")) {
			start = stop = line_end(at, 1);
		} else if (!strcmp(o->verb, "replace")) {
			/* the lines the (possibly multi-line) anchor spans */
			start = at;
			stop = line_end(strstr(text, o->anchor) +
					strlen(o->anchor) - 1, 1);
		} else {	/* replace-block: through the closing "}" line */
			start = at;
			stop = strstr(at, "\n}\n");
			if (!stop) {
				snprintf(err, errlen, "%s: no block after '%s'",
					 o->path, o->anchor);
				free(ins);
				free(text);
				return -1;
			}
			stop += 3;
		}
	}
	n = (start - text) + strlen(ins) + (len - (stop - text));
	out = malloc(n + 1);
	memcpy(out, text, start - text);
	memcpy(out + (start - text), ins, strlen(ins));
	memcpy(out + (start - text) + strlen(ins), stop, len - (stop - text));
	out[n] = '\0';
	rc = write_file(path, out, n);
	free(out);
	free(text);
	free(ins);
	return rc;
}

static int commit(const char *repo, const char *message, const char *id,
		  const char *scratch)
{
	char name[256], mail[256], msgfile[PATH_MAX], *full;
	size_t n = strlen(message) + strlen(id) + 64;
	int rc;

	split_identity(id, name, sizeof(name), mail, sizeof(mail));
	full = malloc(n);
	/* The message's last line may already be blank. */
	snprintf(full, n, "%s%s\nSigned-off-by: %s\n", message,
		 message[strlen(message) - 1] == '\n' ? "" : "\n", id);
	snprintf(msgfile, sizeof(msgfile), "%s/msg", scratch);
	write_file(msgfile, full, strlen(full));
	free(full);
	rc = sh("cd %s && git add -A && GIT_AUTHOR_NAME=%s GIT_AUTHOR_EMAIL=%s "
		"GIT_COMMITTER_NAME=%s GIT_COMMITTER_EMAIL=%s "
		"git -c commit.gpgsign=false commit -q --no-verify -F %s",
		q(repo), q(name), q(mail), q(name), q(mail), q(msgfile));
	return rc;
}

/* Fill format-patch's cover letter placeholders with the rendered
 * cover template: first line subject, the rest the blurb. */
static int fill_cover(const char *out, const char *cover)
{
	char path[PATH_MAX], *text, *subj, *blurb, *a, *b, *res;
	const char *nl = strchr(cover, '\n');
	size_t n;

	snprintf(path, sizeof(path), "%s/0000-cover-letter.patch", out);
	text = read_file(path, NULL);
	if (!text || !nl)
		return -1;
	subj = strndup(cover, nl - cover);
	blurb = strdup(nl + 1);
	while (*blurb == '\n')
		memmove(blurb, blurb + 1, strlen(blurb));
	n = strlen(blurb);
	while (n && blurb[n - 1] == '\n')
		blurb[--n] = '\0';
	a = strstr(text, "*** SUBJECT HERE ***");
	b = strstr(text, "*** BLURB HERE ***");
	if (!a || !b || b < a)
		return -1;
	n = strlen(text) + strlen(subj) + strlen(blurb);
	res = malloc(n + 1);
	snprintf(res, n + 1, "%.*s%s%.*s%s%s", (int)(a - text), text, subj,
		 (int)(b - a - 20), a + 20, blurb, b + 18);
	write_file(path, res, strlen(res));
	free(res);
	free(text);
	free(subj);
	free(blurb);
	return 0;
}

int cmd_gen(int argc, char **argv)
{
	const char *tree = NULL, *arch = NULL, *abi = NULL, *signoff = NULL;
	const char *out = NULL, *insert_patch = NULL, *dir, *render = NULL;
	int no_verify = 0, keep = 0, i, npaths = 0, carried = 0, rc;
	char err[1024], scratch[PATH_MAX - 64], repo[PATH_MAX], p1[PATH_MAX];
	char *paths[256], *id, *diff, *cache, absout[PATH_MAX];
	struct gen_backend b;
	struct spec spec;
	const struct spec_entry *hm, *hu;
	const struct cli_opt opts[] = {
		{ "--tree", &tree }, { "--arch", &arch }, { "--abi", &abi },
		{ "--signoff", &signoff }, { "--insert-patch", &insert_patch },
		{ "-o", &out }, { "--render", &render },
		{ "--no-verify", NULL, &no_verify }, { "--keep", NULL, &keep },
		{ NULL }
	};

	if (parse_options(argc, argv, opts) < argc || !tree || !arch ||
	    (!out && !render)) {
		fprintf(stderr, "%s", usage_text);
		return 2;
	}
	arch = tree_arch_name("gen", tree, arch);
	if (!arch)
		return 2;
	if (insert_patch && access(insert_patch, R_OK)) {
		fprintf(stderr, "ioguard: gen: cannot read %s\n", insert_patch);
		return 2;
	}
	if (spec_load_default(&spec, err, sizeof(err))) {
		fprintf(stderr, "ioguard: gen: %s\n", err);
		return 2;
	}
	hm = spec_hook(&spec, SPEC_HOOK_MAP);
	hu = spec_hook(&spec, SPEC_HOOK_UNMAP);
	if (!hm || !hu) {
		fprintf(stderr, "ioguard: gen: the spec names no map or unmap hook\n");
		return 2;
	}
	dir = gen_backend_find(arch, abi, err, sizeof(err));
	if (!dir || gen_backend_load(&b, dir, tree, err, sizeof(err))) {
		fprintf(stderr, "ioguard: gen: %s\n", err);
		return 2;
	}
	gen_set_var(&b, "HOOK_MAP", hm->name);
	gen_set_var(&b, "HOOK_UNMAP", hu->name);
	/* Continuation lines aligned with the open parenthesis of a
	 * definition ("void NAME(") and of a call at one tab. */
	gen_set_var(&b, "HOOK_MAP_ALIGN", align(5 + strlen(hm->name) + 1));
	gen_set_var(&b, "HOOK_MAP_CALL_ALIGN", align(8 + strlen(hm->name) + 1));
	gen_set_var(&b, "HOOK_UNMAP_ALIGN", align(5 + strlen(hu->name) + 1));
	/* --render PATH: print the file the backend creates at PATH, as the
	 * series carries it (the runtime's unit tests compile it). */
	if (render) {
		for (i = 0; i < b.nops; i++) {
			char *text;

			if (strcmp(b.ops[i].verb, "create") ||
			    strcmp(b.ops[i].path, render) ||
			    !selected(&b, b.ops[i].variant))
				continue;
			text = gen_render(&b, b.ops[i].template, err, sizeof(err));
			if (!text) {
				fprintf(stderr, "ioguard: gen: %s\n", err);
				return 2;
			}
			fputs(text, stdout);
			return 0;
		}
		fprintf(stderr, "ioguard: gen: backend %s creates no %s\n",
			b.name, render);
		return 2;
	}
	id = identity(signoff);
	if (!id) {
		fprintf(stderr, signoff ?
			"ioguard: gen: --signoff wants \"Name <mail@host>\"\n" :
			"ioguard: gen: no Signed-off-by: set git config user.name and user.email, or pass --signoff \"Name <mail>\"\n");
		return 2;
	}

	/* A tree that already carries the series: say so, write nothing. */
	for (i = 0; i < b.nmarkers; i++) {
		char path[PATH_MAX], *text;

		snprintf(path, sizeof(path), "%s/%s", tree, b.markers[i][0]);
		text = read_file(path, NULL);
		carried += text && strstr(text, b.markers[i][1]);
		free(text);
	}
	if (b.nmarkers && carried == b.nmarkers) {
		fflush(stdout);
		printf("ioguard: gen: %s already carries the %s series; nothing written\n",
		       tree, b.name);
		return 0;
	}
	if (carried) {
		fprintf(stderr, "ioguard: gen: %s carries part of the %s series (%d of %d markers); start from a pristine tree\n",
			tree, b.name, carried, b.nmarkers);
		return 2;
	}

	cache = getenv("IOGUARD_CACHE");
	snprintf(scratch, sizeof(scratch), "%s/gen/tmp.XXXXXX",
		 cache ? cache : "/tmp/ioguard");
	{
		char parent[PATH_MAX];

		snprintf(parent, sizeof(parent), "%.*s",
			 (int)(strrchr(scratch, '/') - scratch), scratch);
		if (mkdirs(parent) || !mkdtemp(scratch)) {
			fprintf(stderr, "ioguard: gen: cannot create a scratch directory under %s\n",
				parent);
			return 2;
		}
	}
	fprintf(stderr, "ioguard: gen: backend %s (%s), scratch %s\n", b.name,
		b.variant, scratch);

	/* Patch 1: the generic hooks, from `ioguard insert`. */
	snprintf(p1, sizeof(p1), "%s/0001-insert.diff", scratch);
	if (insert_patch) {
		rc = sh("cp %s %s", q(insert_patch), q(p1));
	} else {
		char self[PATH_MAX];
		ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);

		self[n > 0 ? n : 0] = '\0';
		/* A hard-linked copy: insert never writes into the pristine tree. */
		rc = sh("cp -al %s %s/tree && %s insert --tree %s/tree --arch %s -o %s",
			q(tree), q(scratch), q(self), q(scratch), arch, q(p1));
	}
	diff = rc ? NULL : read_file(p1, NULL);
	if (!diff || !strstr(diff, "+++ ")) {
		fprintf(stderr, "ioguard: gen: `ioguard insert` gave no patch for the generic hooks (exit %d)\n",
			rc);
		goto fail;
	}
	npaths = diff_paths(diff, paths, 0, 256);
	for (i = 0; i < b.nops; i++)
		if (selected(&b, b.ops[i].variant))
			npaths = add_path(paths, npaths, 256, b.ops[i].path);

	/* The base commit: pristine copies of the files the series touches. */
	snprintf(repo, sizeof(repo), "%s/series", scratch);
	mkdirs(repo);
	for (i = 0; i < npaths; i++) {
		char src[PATH_MAX];

		snprintf(src, sizeof(src), "%s/%s", tree, paths[i]);
		if (access(src, F_OK))
			continue;
		if (sh("cd %s && mkdir -p \"$(dirname %s)\" && cp %s %s", q(repo),
		       q(paths[i]), q(src), q(paths[i]))) {
			fprintf(stderr, "ioguard: gen: cannot copy %s\n", src);
			goto fail;
		}
	}
	if (sh("cd %s && git init -q && git add -A && GIT_AUTHOR_NAME=ioguard "
	       "GIT_AUTHOR_EMAIL=ioguard@localhost GIT_COMMITTER_NAME=ioguard "
	       "GIT_COMMITTER_EMAIL=ioguard@localhost git -c commit.gpgsign=false "
	       "commit -q --no-verify -m base && git tag ioguard-base", q(repo))) {
		fprintf(stderr, "ioguard: gen: cannot create the scratch repository\n");
		goto fail;
	}
	if (sh("cd %s && git apply --whitespace=nowarn %s", q(repo), q(p1))) {
		fprintf(stderr, "ioguard: gen: the insert patch does not apply\n");
		goto fail;
	}

	/* Commits, in patch order: 1 is insert's, the rest the backend's. */
	for (int num = 1; num <= GEN_MAX_PATCHES; num++) {
		const struct gen_patch *p = NULL;
		char *msg;

		for (i = 0; i < b.npatches; i++)
			if (b.patches[i].number == num &&
			    selected(&b, b.patches[i].variant))
				p = &b.patches[i];
		if (!p)
			continue;
		for (i = 0; i < b.nops; i++) {
			if (b.ops[i].patch != num ||
			    !selected(&b, b.ops[i].variant))
				continue;
			if (apply_op(&b, &b.ops[i], repo, err, sizeof(err))) {
				fprintf(stderr, "ioguard: gen: %s\n", err);
				goto fail;
			}
		}
		msg = gen_render(&b, p->message, err, sizeof(err));
		if (!msg) {
			fprintf(stderr, "ioguard: gen: %s\n", err);
			goto fail;
		}
		if (commit(repo, msg, id, scratch)) {
			fprintf(stderr, "ioguard: gen: commit of patch %d failed\n",
				num);
			goto fail;
		}
		free(msg);
	}

	if (mkdirs(out)) {
		fprintf(stderr, "ioguard: gen: cannot create %s\n", out);
		goto fail;
	}
	sh("rm -f %s/[0-9][0-9][0-9][0-9]-*.patch", q(out));
	if (!realpath(out, absout) ||
	    sh("cd %s && git format-patch -q --cover-letter --no-signature "
	       "-o %s ioguard-base..HEAD >/dev/null", q(repo), q(absout))) {
		fprintf(stderr, "ioguard: gen: git format-patch failed\n");
		goto fail;
	}
	{
		char name[128], path[PATH_MAX], *cover;

		/* cover-VARIANT.txt when the variant has its own */
		snprintf(name, sizeof(name), "cover-%s.txt", b.variant);
		snprintf(path, sizeof(path), "%s/%s", b.dir, name);
		cover = gen_render(&b, access(path, R_OK) ? "cover.txt" : name,
				   err, sizeof(err));

		if (!cover || fill_cover(out, cover)) {
			fprintf(stderr, "ioguard: gen: cannot write the cover letter: %s\n",
				cover ? "no placeholders" : err);
			goto fail;
		}
		free(cover);
	}
	printf("ioguard: gen: wrote the %s series for %s to %s\n", b.name,
	       arch, out);
	fflush(stdout);
	sh("cd %s && git diff --stat=72 ioguard-base HEAD | sed 's/^/  /'",
	   q(repo));
	fflush(stdout);
	if (!keep)
		sh("rm -rf %s", q(scratch));
	if (no_verify)
		return 0;
	{
		char *vargv[] = { "verify", "--tree", (char *)tree, "--arch",
				  (char *)arch, "--abi", b.abi, "--series",
				  (char *)out, NULL };

		return cmd_verify(9, vargv) ? 1 : 0;
	}
fail:
	if (!keep)
		sh("rm -rf %s", q(scratch));
	else
		fprintf(stderr, "ioguard: gen: scratch kept in %s\n", scratch);
	return 2;
}
