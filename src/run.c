// SPDX-License-Identifier: GPL-2.0
/*
 * Running other programs from an argv, never from a shell string: paths
 * from the command line reach them as they are, with no quoting to get
 * wrong.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ioguard.h"

/* Exec argv in the child, with stdout on fd out (-1: unchanged). */
static pid_t start(char *const argv[], int out)
{
	pid_t pid = fork();

	if (pid != 0)
		return pid;
	if (out >= 0 && dup2(out, STDOUT_FILENO) < 0)
		_exit(127);
	execvp(argv[0], argv);
	fprintf(stderr, "ioguard: cannot run %s\n", argv[0]);
	_exit(127);
}

/* The exit status of pid: 128 when a signal ended it, 127 when lost. */
static int finish(pid_t pid)
{
	int status;

	if (pid < 0 || waitpid(pid, &status, 0) < 0)
		return 127;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

int run_command(char *const argv[])
{
	fflush(NULL);
	return finish(start(argv, -1));
}

char *run_capture(char *const argv[])
{
	size_t n = 0, cap = 4096;
	char *buf = malloc(cap + 1);
	int fd[2], rc;
	ssize_t got;
	pid_t pid;

	fflush(NULL);
	/* close-on-exec: the child keeps only its stdout (dup2 clears the flag) */
	if (pipe2(fd, O_CLOEXEC)) {
		free(buf);
		return NULL;
	}
	pid = start(argv, fd[1]);
	close(fd[1]);
	while ((got = read(fd[0], buf + n, cap - n)) > 0) {
		n += got;
		if (n == cap)
			buf = realloc(buf, (cap *= 2) + 1);
	}
	close(fd[0]);
	rc = finish(pid);
	if (rc) {
		free(buf);
		return NULL;
	}
	while (n && buf[n - 1] == '\n')
		n--;
	buf[n] = '\0';
	return buf;
}
