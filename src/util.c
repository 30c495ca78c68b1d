// SPDX-License-Identifier: GPL-2.0
/* Finding our own files, reading and writing files, command-line options. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ioguard.h"

/* The source tree the binary was built from (build/ioguard -> ..). */
static const char *top(void)
{
	static char dir[PATH_MAX];
	char *slash;
	ssize_t n;

	if (dir[0])
		return dir;
	if (getenv("IOGUARD_HOME")) {
		snprintf(dir, sizeof(dir), "%s", getenv("IOGUARD_HOME"));
		return dir;
	}
	n = readlink("/proc/self/exe", dir, sizeof(dir) - 1);
	if (n < 0) {
		strcpy(dir, ".");
		return dir;
	}
	dir[n] = '\0';
	/* strip "/ioguard" and "/build" */
	for (int i = 0; i < 2; i++) {
		slash = strrchr(dir, '/');
		if (slash)
			*slash = '\0';
	}
	return dir;
}

const char *libexec(const char *script)
{
	static char path[PATH_MAX];

	if (getenv("IOGUARD_LIBEXEC"))
		snprintf(path, sizeof(path), "%s/%s", getenv("IOGUARD_LIBEXEC"),
			 script);
	else
		snprintf(path, sizeof(path), "%s/src/sh/%s", top(), script);
	return path;
}

const char *datadir(const char *relative)
{
	static char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/%s", top(), relative);
	return access(path, R_OK) == 0 ? path : NULL;
}

/* The rule (IOGUARD_CACHE, else XDG_CACHE_HOME/ioguard, else
 * ~/.cache/ioguard) is written once, in src/sh/lib.sh, for the helpers,
 * the Makefile and this binary alike. */
const char *cache_dir(void)
{
	static char *dir;
	char *argv[] = { "sh", "-c", ". \"$1\" && printf '%s' \"$cache\"", "sh",
			 (char *)libexec("lib.sh"), NULL };

	if (!dir)
		dir = run_capture(argv);
	return dir;
}

char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	size_t n = 0, cap = 65536, got;
	char *buf;

	if (!f)
		return NULL;
	buf = malloc(cap + 1);
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			cap *= 2;
			buf = realloc(buf, cap + 1);
		}
	}
	fclose(f);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

int mkdirs(const char *path)
{
	char buf[PATH_MAX];
	char *p;

	snprintf(buf, sizeof(buf), "%s", path);
	for (p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0777) && errno != EEXIST)
			return -1;
		*p = '/';
	}
	if (mkdir(buf, 0777) && errno != EEXIST)
		return -1;
	return 0;
}

int parse_options(int argc, char **argv, const struct cli_opt *opts)
{
	const struct cli_opt *o;
	int i;

	for (i = 1; i < argc; i++) {
		for (o = opts; o->name; o++)
			if (!strcmp(argv[i], o->name) && (o->flag || i + 1 < argc))
				break;
		if (!o->name)
			return i;
		if (o->flag)
			*o->flag = 1;
		else
			*o->value = argv[++i];
	}
	return argc;
}
