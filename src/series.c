// SPDX-License-Identifier: GPL-2.0
/*
 * The scratch repository of `ioguard gen`: the pristine copies of the
 * files the series touches as the base commit (src/sh/base-commit.sh,
 * which verify's apply step shares), patch 1 from `ioguard insert`, one
 * commit per backend patch, then git format-patch and the cover letter.
 * Every git command runs from an argv; the commits' author and committer
 * are the Signed-off-by identity (identity_for_git()).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gen.h"
#include "ioguard.h"
#include "series.h"

/* The scratch directory, under the cache directory like verify's. */
static int make_scratch(struct series *s)
{
	const char *cache = cache_dir();
	int ok;

	snprintf(s->scratch, sizeof(s->scratch), "%s/gen", cache ? cache : "?");
	ok = cache && !mkdirs(s->scratch);
	strcat(s->scratch, "/tmp.XXXXXX");
	if (!ok || !mkdtemp(s->scratch)) {
		fprintf(stderr, "ioguard: gen: cannot create a scratch directory under %s/gen\n",
			cache ? cache : "the cache");
		s->scratch[0] = '\0';
		return -1;
	}
	s->slot = cleanup_add(s->scratch, 1);
	snprintf(s->repo, sizeof(s->repo), "%s/series", s->scratch);
	fprintf(stderr, "ioguard: gen: backend %s (%s), scratch %s\n",
		s->b->name, s->b->variant, s->scratch);
	return 0;
}

static void add_path(struct series *s, const char *path, size_t len)
{
	int i;

	for (i = 0; i < s->npaths; i++)
		if (strlen(s->paths[i]) == len && !strncmp(s->paths[i], path, len))
			return;
	if (s->npaths < SERIES_MAX_PATHS)
		s->paths[s->npaths++] = strndup(path, len);
}

/* Paths a unified diff touches (its "+++ b/" and "--- a/" lines). */
static void add_diff_paths(struct series *s, const char *diff)
{
	const char *line = diff, *nl;

	for (; *line; line = nl ? nl + 1 : "") {
		nl = strchr(line, '\n');
		if (!strncmp(line, "+++ b/", 6) || !strncmp(line, "--- a/", 6))
			add_path(s, line + 6, strcspn(line + 6, "\t\n"));
	}
}

/* Patch 1, the generic hooks: --insert-patch, or `ioguard insert`
 * (which writes nothing into the tree with -o). */
static int make_patch1(struct series *s)
{
	char *argv[] = { getenv("IOGUARD"), "insert", "--tree", (char *)s->tree,
			 "--arch", s->b->arch, "-o", s->patch1,
			 s->b->spec ? "--spec" : NULL, (char *)s->b->spec, NULL };
	char *diff;
	int rc = 0;

	if (s->insert_patch) {
		rc = realpath(s->insert_patch, s->patch1) ? 0 : 2;
	} else {
		snprintf(s->patch1, sizeof(s->patch1), "%s/0001-insert.diff",
			 s->scratch);
		rc = argv[0] ? run_command(argv) : 127;
	}
	diff = rc ? NULL : read_file(s->patch1, NULL);
	if (!diff || !strstr(diff, "+++ ")) {
		/* insert's exit 2 came with its own one-line reason */
		if (s->insert_patch)
			fprintf(stderr, "ioguard: gen: %s holds no patch\n",
				s->insert_patch);
		else if (rc != 2)
			fprintf(stderr, "ioguard: gen: `ioguard insert` gave no patch for the generic hooks (exit %d)\n",
				rc);
		free(diff);
		return -1;
	}
	add_diff_paths(s, diff);
	free(diff);
	return 0;
}

/* The base commit of the touched files. */
static int make_base(struct series *s)
{
	char *argv[4 + SERIES_MAX_PATHS] = { (char *)libexec("base-commit.sh"),
					     (char *)s->tree, s->repo };
	int i;

	for (i = 0; i < s->npaths; i++)
		argv[3 + i] = s->paths[i];
	s->base = run_capture(argv);
	if (!s->base) {
		fprintf(stderr, "ioguard: gen: cannot create the scratch repository\n");
		return -1;
	}
	return 0;
}

/* Commit everything in the repository with message and a Signed-off-by. */
static int commit(const struct series *s, const char *message)
{
	char msgfile[PATH_MAX], *full;
	size_t n = strlen(message) + strlen(s->id) + 64;
	int rc;
	char *add[] = { "git", "-C", (char *)s->repo, "add", "-A", NULL };
	char *ci[] = { "git", "-C", (char *)s->repo, "-c", "commit.gpgsign=false",
		       "commit", "-q", "--no-verify", "-F", msgfile, NULL };

	full = malloc(n);
	/* The message's last line may already be blank. */
	snprintf(full, n, "%s%s\nSigned-off-by: %s\n", message,
		 message[strlen(message) - 1] == '\n' ? "" : "\n", s->id);
	snprintf(msgfile, sizeof(msgfile), "%s/msg", s->scratch);
	rc = write_file(msgfile, full, strlen(full));
	free(full);
	return rc || run_command(add) || run_command(ci) ? -1 : 0;
}

/*
 * The hooks' patch from `ioguard insert`, one commit per subsystem, each
 * with that subsystem's subject prefix: the core (everything the other
 * groups leave: <linux/io.h>, mm/) first, since the others call what it
 * declares. A group whose diff calls the map hook has its own message.
 */
static const struct hook_group {
	const char *glob;	/* NULL: what the other groups leave */
	const char *msg, *msg_map;
} hook_groups[] = {
	{ NULL, "../common/msg-hooks.txt", "../common/msg-hooks.txt" },
	{ "drivers/pci/*", "../common/msg-hooks-pci.txt", "../common/msg-hooks-pci-map.txt" },
	{ "drivers/tty/*", "../common/msg-hooks-earlycon.txt", "../common/msg-hooks-earlycon.txt" },
	{ "arch/*", "../common/msg-hooks-arch.txt", "../common/msg-hooks-arch.txt" },
};

#define N_GROUPS ((int)(sizeof(hook_groups) / sizeof(hook_groups[0])))

static int commit(const struct series *s, const char *message);

/* Apply group g of patch 1; 1 if it changed anything, 0 if not, -1. */
static int apply_group(const struct series *s, int g)
{
	char incl[N_GROUPS][128], *argv[8 + N_GROUPS] = { "git", "-C",
		(char *)s->repo, "apply", "--whitespace=nowarn" };
	char *status[] = { "git", "-C", (char *)s->repo, "status",
			   "--porcelain", NULL };
	char *out;
	int i, n = 5, changed;

	for (i = 1; i < N_GROUPS; i++) {
		if (g && i != g)
			continue;
		snprintf(incl[i], sizeof(incl[i]), "--%s=%s",
			 g ? "include" : "exclude", hook_groups[i].glob);
		argv[n++] = incl[i];
	}
	argv[n++] = (char *)s->patch1;
	argv[n] = NULL;
	if (run_command(argv))
		return -1;
	out = run_capture(status);
	changed = out && *out;
	free(out);
	return changed;
}

/* Does the uncommitted change call the map hook? */
static int group_maps(const struct series *s)
{
	char *argv[] = { "git", "-C", (char *)s->repo, "diff", NULL };
	char *diff = run_capture(argv), call[256];
	int found;

	snprintf(call, sizeof(call), "%s(", gen_var(s->b, "HOOK_MAP"));
	found = diff && strstr(diff, call);
	free(diff);
	return found;
}

static int make_hook_patches(struct series *s)
{
	char err[1024], *msg;
	int g, rc;

	for (g = 0; g < N_GROUPS; g++) {
		rc = apply_group(s, g);
		if (rc < 0) {
			fprintf(stderr, "ioguard: gen: the insert patch does not apply\n");
			return -1;
		}
		if (!rc)
			continue;
		msg = gen_render(s->b, group_maps(s) ? hook_groups[g].msg_map :
				 hook_groups[g].msg, err, sizeof(err));
		if (!msg) {
			fprintf(stderr, "ioguard: gen: %s\n", err);
			return -1;
		}
		rc = commit(s, msg);
		free(msg);
		if (rc) {
			fprintf(stderr, "ioguard: gen: commit of the hooks failed\n");
			return -1;
		}
	}
	return 0;
}

/* Patch number num of the backend: its edits, one commit. 0 when the
 * backend has no such patch for the tree's variant. */
static int make_patch(struct series *s, int num)
{
	const struct gen_backend *b = s->b;
	const struct gen_patch *p = NULL;
	char err[1024], *msg;
	int i, rc;

	for (i = 0; i < b->npatches; i++)
		if (b->patches[i].number == num &&
		    gen_selected(b, b->patches[i].variant))
			p = &b->patches[i];
	if (!p)
		return 0;
	for (i = 0; i < b->nops; i++) {
		const struct gen_op *o = &b->ops[i];

		if (o->patch != num || !gen_selected(b, o->variant))
			continue;
		if (gen_apply_op(b, o, s->repo, err, sizeof(err))) {
			fprintf(stderr, "ioguard: gen: %s\n", err);
			return -1;
		}
	}
	msg = gen_render(b, p->message, err, sizeof(err));
	if (!msg) {
		fprintf(stderr, "ioguard: gen: %s\n", err);
		return -1;
	}
	rc = commit(s, msg);
	free(msg);
	if (rc)
		fprintf(stderr, "ioguard: gen: commit of patch %d failed\n", num);
	return rc;
}

/* A numbered patch of a series ("0001-x.patch"): the files an older
 * series in gen's output directory must lose, or they would mix in. */
int series_patch_name(const char *name)
{
	size_t n = strlen(name);

	return n >= 11 && strspn(name, "0123456789") == 4 && name[4] == '-' &&
	       !strcmp(name + n - 6, ".patch");
}

/*
 * What the cover letter says of verification: not verified when it is
 * written; gen replaces it when verify passed (series_mark_verified()),
 * so that a --no-verify series, or one verify failed, never claims it.
 */
static const char cover_unverified[] =
	"The series was generated by ioguard and has not been verified.";

/* Fill format-patch's cover letter placeholders with the rendered cover
 * template: first line the subject, the rest the blurb, then what the
 * series applies to. */
static int fill_cover(const char *out, const char *cover, const char *base)
{
	static const char subj_here[] = "*** SUBJECT HERE ***";
	static const char blurb_here[] = "*** BLURB HERE ***";
	char path[2 * PATH_MAX], *text, *subj, *blurb, *a, *b, *res;
	const char *nl = strchr(cover, '\n');
	size_t n;
	int rc = -1;

	snprintf(path, sizeof(path), "%s/0000-cover-letter.patch", out);
	text = read_file(path, NULL);
	a = text ? strstr(text, subj_here) : NULL;
	b = text ? strstr(text, blurb_here) : NULL;
	if (nl && a && b && a < b) {
		subj = strndup(cover, nl - cover);
		blurb = strdup(nl + strspn(nl, "\n"));
		n = strlen(blurb);
		while (n && blurb[n - 1] == '\n')
			blurb[--n] = '\0';
		n = strlen(text) + strlen(subj) + strlen(blurb) + strlen(base) +
		    sizeof(cover_unverified) + 4;
		res = malloc(n + 1);
		/* text, subject, what lies between, blurb, verification,
		 * base, the rest */
		*a = *b = '\0';
		snprintf(res, n + 1, "%s%s%s%s\n\n%s\n\n%s%s", text, subj,
			 a + sizeof(subj_here) - 1, blurb, cover_unverified,
			 base, b + sizeof(blurb_here) - 1);
		rc = write_file(path, res, strlen(res));
		free(res);
		free(subj);
		free(blurb);
	}
	free(text);
	return rc;
}

/* The rendered cover template: cover-VARIANT.txt when the variant has
 * its own, else cover.txt. */
static char *render_cover(const struct gen_backend *b, char *err, size_t errlen)
{
	char name[128], path[PATH_MAX];

	snprintf(name, sizeof(name), "cover-%s.txt", b->variant);
	snprintf(path, sizeof(path), "%s/%s", b->dir, name);
	return gen_render(b, access(path, R_OK) ? "cover.txt" : name, err,
			  errlen);
}

/* git format-patch into s->formatted, and the cover letter. */
static int format_series(struct series *s)
{
	char absout[PATH_MAX], range[256], err[1024], prefix[128], *cover, *base;
	const char *subject = gen_var(s->b, "SUBJECT_PREFIX");
	char *argv[] = { "git", "-C", s->repo, "format-patch", "-q",
			 "--cover-letter", "--no-signature", prefix, "-o",
			 absout, range, NULL };

	/* in the scratch directory: the caller copies the series out, so
	 * that a full or unwritable output is its one-line error, not git's */
	snprintf(s->formatted, sizeof(s->formatted), "%s/formatted", s->scratch);
	if (mkdirs(s->formatted) || !realpath(s->formatted, absout)) {
		fprintf(stderr, "ioguard: gen: cannot create %s\n", s->formatted);
		return -1;
	}
	/* RFC where the ABI is a proposal or a draft (backend.conf) */
	snprintf(prefix, sizeof(prefix), "--subject-prefix=%s",
		 subject ? subject : "PATCH");
	snprintf(range, sizeof(range), "%s..HEAD", s->base);
	if (run_command(argv)) {
		fprintf(stderr, "ioguard: gen: git format-patch failed\n");
		return -1;
	}
	cover = render_cover(s->b, err, sizeof(err));
	base = tree_base(s->tree);
	if (!cover || fill_cover(absout, cover, base)) {
		fprintf(stderr, "ioguard: gen: cannot write the cover letter: %s\n",
			cover ? "no placeholders" : err);
		free(cover);
		free(base);
		return -1;
	}
	free(cover);
	free(base);
	return 0;
}

int series_write(struct series *s)
{
	const struct gen_op *o;
	int num;

	identity_for_git(s->id);
	if (make_scratch(s) || make_patch1(s))
		return -1;
	for (o = s->b->ops; o < s->b->ops + s->b->nops; o++)
		if (gen_selected(s->b, o->variant))
			add_path(s, o->path, strlen(o->path));
	if (make_base(s) || make_hook_patches(s))
		return -1;
	/* Patch 1 is insert's, split above; the backend's follow. */
	for (num = 2; num <= GEN_MAX_PATCHES; num++)
		if (make_patch(s, num))
			return -1;
	return format_series(s);
}

int series_mark_verified(const char *out, const char *arch, int run)
{
	char path[PATH_MAX], said[1024], *text, *at, *res;
	size_t n;
	int rc = -1;

	snprintf(said, sizeof(said),
		 "The series was generated and verified by ioguard: it applies with\n"
		 "git am, has no checkpatch --strict errors, builds for %s with the\n"
		 "options it needs, and ioguard-sparse finds no unhooked mapping,\n"
		 "ignored hook result, unhooked teardown or bypass in the files it\n"
		 "touches.%s%s%s", arch, run ? " Its KUnit tests pass in QEMU\n(kunit.py run --arch=" : "",
		 run ? arch : "", run ? ")." : "");
	snprintf(path, sizeof(path), "%s/0000-cover-letter.patch", out);
	text = read_file(path, NULL);
	at = text ? strstr(text, cover_unverified) : NULL;
	if (at) {
		n = strlen(text) + strlen(said) + 1;
		res = malloc(n);
		*at = '\0';
		snprintf(res, n, "%s%s%s", text, said,
			 at + sizeof(cover_unverified) - 1);
		rc = write_file(path, res, strlen(res));
		free(res);
	}
	free(text);
	return rc;
}

void series_print_stat(const struct series *s)
{
	char *argv[] = { "git", "-C", (char *)s->repo, "diff", "--stat=72",
			 s->base, "HEAD", NULL };
	char *stat = run_capture(argv), *line, *save = NULL;

	for (line = stat ? strtok_r(stat, "\n", &save) : NULL; line;
	     line = strtok_r(NULL, "\n", &save))
		printf("  %s\n", line);
	free(stat);
}

void series_cleanup(const struct series *s, int keep, int failed)
{
	char *argv[] = { "rm", "-rf", (char *)s->scratch, NULL };

	if (!s->scratch[0])
		return;
	if (!keep)
		run_command(argv);
	else if (failed)
		fprintf(stderr, "ioguard: gen: scratch kept in %s\n", s->scratch);
	cleanup_done(s->slot);
}
