// SPDX-License-Identifier: GPL-2.0
/*
 * The units of one arch and config, from kbuild's own dry run
 * (src/sh/audit-units.sh, cached in the build directory), and their
 * split into shards.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "ioguard.h"

const char *tree_relative(const struct audit *a, const char *path)
{
	size_t n = strlen(a->tree);

	if (!strncmp(path, a->tree, n) && path[n] == '/')
		return path + n + 1;
	return path;
}

int units_list(struct audit *a, const char *config)
{
	char list[PATH_MAX + 16], dir[PATH_MAX];
	char *argv[] = { (char *)libexec("audit-units.sh"), (char *)a->tree,
			 (char *)a->arch, (char *)a->build, (char *)config, list, NULL };
	char *text, *line, *nl, *tab;
	size_t len;

	snprintf(dir, sizeof(dir), "%s/ioguard-audit", a->build);
	snprintf(list, sizeof(list), "%s/units.tsv", dir);
	if (mkdirs(dir)) {
		fprintf(stderr, "ioguard: audit: cannot create '%s'\n", dir);
		return -1;
	}
	if (run_command(argv))
		return -1;	/* the script said why */
	text = read_file(list, &len);
	if (!text) {
		fprintf(stderr, "ioguard: audit: cannot read '%s'\n", list);
		return -1;
	}
	for (line = text; *line; line = nl + 1) {
		struct unit *u;

		nl = strchr(line, '\n');
		if (!nl)
			break;
		*nl = '\0';
		tab = strchr(line, '\t');
		if (!tab)
			continue;
		*tab = '\0';
		a->units = realloc(a->units, (a->nunits + 1) * sizeof(*a->units));
		u = &a->units[a->nunits++];
		memset(u, 0, sizeof(*u));
		u->src = strdup(line);
		u->rel = strdup(tree_relative(a, line));
		u->args = strdup(tab + 1);
	}
	free(text);
	return 0;
}

/* FNV-1a of the tree-relative path: the same split on every machine. */
int unit_in_shard(const struct unit *u, int index, int count)
{
	unsigned long h = fnv1a(FNV1A_INIT, u->rel, strlen(u->rel));

	return (int)(h % count) == index - 1;
}
