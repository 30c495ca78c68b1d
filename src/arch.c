// SPDX-License-Identifier: GPL-2.0
/*
 * arch: read spec/arches, the one table of arch names, kbuild ARCH,
 * arch/ directory, cross prefix and aliases. `ioguard arch NAME` prints
 * the same facts as shell assignments for src/sh/arch-env.sh.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "arch.h"
#include "ioguard.h"

#define MAX_ARCHES 16

static struct arch arches[MAX_ARCHES];
static char known[128];
static int nr_arches = -1;

/* Fill arches[] once; returns the count, -1 when the table is unreadable. */
static int load(void)
{
	const char *path = datadir("spec/arches");
	char line[256];
	int off;
	FILE *f;

	if (nr_arches >= 0)
		return nr_arches;
	if (!path || !(f = fopen(path, "r")))
		return -1;
	nr_arches = 0;
	while (fgets(line, sizeof(line), f) && nr_arches < MAX_ARCHES) {
		struct arch *a = &arches[nr_arches];
		char *w;

		if (line[0] == '#' || sscanf(line, "%15s %15s %15s %31s %15s%n",
					     a->name, a->karch, a->srcarch,
					     a->cross, a->uname, &off) != 5)
			continue;
		strcpy(a->aliases, " ");
		for (w = strtok(line + off, " \t\n"); w; w = strtok(NULL, " \t\n"))
			snprintf(a->aliases + strlen(a->aliases),
				 sizeof(a->aliases) - strlen(a->aliases), "%s ", w);
		snprintf(known + strlen(known), sizeof(known) - strlen(known),
			 "%s%s", nr_arches ? ", " : "", a->name);
		nr_arches++;
	}
	fclose(f);
	return nr_arches;
}

const struct arch *arch_lookup(const char *cmd, const char *name)
{
	char word[32];
	int i;

	if (load() < 0) {
		fprintf(stderr, "ioguard: %s: cannot read spec/arches\n", cmd);
		return NULL;
	}
	snprintf(word, sizeof(word), " %s ", name);
	for (i = 0; i < nr_arches; i++)
		if (!strcmp(arches[i].name, name) ||
		    (!strchr(name, ' ') && strstr(arches[i].aliases, word)))
			return &arches[i];
	fprintf(stderr, "ioguard: %s: unknown arch '%s' (%s)\n", cmd, name, known);
	return NULL;
}

const char *arch_cross(const struct arch *a)
{
	struct utsname u;

	return uname(&u) == 0 && !strcmp(u.machine, a->uname) ? "" : a->cross;
}

/* The two files every kernel tree has (errno says why one is missing). */
static const char *const tree_files[] = { "Makefile", "include/linux/io.h", NULL };

int is_kernel_tree(const char *dir)
{
	char path[PATH_MAX];
	int i;

	for (i = 0; tree_files[i]; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, tree_files[i]);
		if (access(path, R_OK))
			return 0;
	}
	return 1;
}

/* Why dir is not a kernel tree we can read: one line. */
static void not_a_tree(const char *cmd, const char *dir)
{
	char path[PATH_MAX];
	struct stat st;
	int i;

	if (stat(dir, &st) || !S_ISDIR(st.st_mode)) {
		fprintf(stderr, "ioguard: %s: '%s' is not a kernel tree: %s\n", cmd,
			dir, strerror(errno = stat(dir, &st) ? errno : ENOTDIR));
		return;
	}
	if (access(dir, R_OK | X_OK)) {
		fprintf(stderr, "ioguard: %s: cannot read tree '%s': %s\n", cmd, dir,
			strerror(errno));
		return;
	}
	for (i = 0; tree_files[i]; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, tree_files[i]);
		if (access(path, R_OK) && errno != ENOENT) {
			fprintf(stderr, "ioguard: %s: cannot read %s: %s\n", cmd,
				path, strerror(errno));
			return;
		}
		if (access(path, R_OK)) {
			fprintf(stderr, "ioguard: %s: '%s' is not a kernel tree (no %s)\n",
				cmd, dir, tree_files[i]);
			return;
		}
	}
}

const char *tree_arch_name(const char *cmd, const char *tree, const char *name)
{
	const struct arch *a;

	if (!is_kernel_tree(tree)) {
		not_a_tree(cmd, tree);
		return NULL;
	}
	a = arch_lookup(cmd, name);
	return a ? a->name : NULL;
}

int cmd_arch(int argc, char **argv)
{
	const struct arch *a;

	if (argc != 2) {
		fprintf(stderr, "usage: ioguard arch NAME\n");
		return 2;
	}
	a = arch_lookup("arch", argv[1]);
	if (!a)
		return 2;
	printf("arch=%s karch=%s srcarch=%s cross=%s\n", a->name, a->karch,
	       a->srcarch, arch_cross(a));
	return 0;
}
