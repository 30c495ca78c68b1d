// SPDX-License-Identifier: GPL-2.0
/*
 * What a generated series applies to, for its cover letter: the kernel
 * version from the tree's Makefile, and the commit when the tree is a git
 * checkout (git's "base-commit:" trailer, which tools such as b4 and the
 * 0-day bot read). A tree unpacked from a source package has no commit:
 * the cover letter then names the version alone and says so, rather than
 * invent a base-commit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gen.h"
#include "ioguard.h"

/* The value of "KEY = value" in the tree's top Makefile, or "". */
static void make_var(const char *text, const char *key, char *out, size_t len)
{
	const char *p = text;
	size_t klen = strlen(key);

	*out = '\0';
	for (; p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		if (strncmp(p, key, klen) || !strchr(" =", p[klen]))
			continue;
		p += klen + strspn(p + klen, " =");
		snprintf(out, len, "%.*s", (int)strcspn(p, "\n"), p);
		return;
	}
}

char *tree_base(const char *tree)
{
	char path[4096], v[4][64], *text, *head, *out;
	char *argv[] = { "git", "-C", (char *)tree, "rev-parse", "--verify",
			 "-q", "HEAD", NULL };
	size_t n = 512;

	snprintf(path, sizeof(path), "%s/Makefile", tree);
	text = read_file(path, NULL);
	make_var(text ? text : "", "VERSION", v[0], sizeof(v[0]));
	make_var(text ? text : "", "PATCHLEVEL", v[1], sizeof(v[1]));
	make_var(text ? text : "", "SUBLEVEL", v[2], sizeof(v[2]));
	make_var(text ? text : "", "EXTRAVERSION", v[3], sizeof(v[3]));
	free(text);
	/* only a tree that is its own repository's top, not one inside
	 * another repository */
	snprintf(path, sizeof(path), "%s/.git", tree);
	head = access(path, F_OK) ? NULL : run_capture(argv);
	out = malloc(n);
	if (head && *head)
		snprintf(out, n, "Based on Linux %s.%s.%s%s.\n\nbase-commit: %s\n",
			 v[0], v[1], v[2], v[3], head);
	else
		snprintf(out, n, "Based on Linux %s.%s.%s%s, a tree that is not a git checkout\n"
			 "(no base-commit to give).\n", v[0], v[1], v[2], v[3]);
	free(head);
	return out;
}
