// SPDX-License-Identifier: GPL-2.0
/* Finding our own files, and running other programs. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
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

int run_command(char *const argv[])
{
	pid_t pid = fork();
	int status;

	if (pid < 0)
		return 127;
	if (pid == 0) {
		execvp(argv[0], argv);
		fprintf(stderr, "ioguard: cannot run %s\n", argv[0]);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) < 0)
		return 127;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
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
