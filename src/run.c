// SPDX-License-Identifier: GPL-2.0
/*
 * Running other programs from an argv, never from a shell string: paths
 * from the command line reach them as they are, with no quoting to get
 * wrong.
 *
 * Each program runs in its own process group with a time limit, so that
 * a hung one (and whatever it started) can be stopped as a whole: at the
 * limit SIGTERM, 10 s later SIGKILL. run_command() and run_capture() take
 * the limit from the program (step_limit(): git has IOGUARD_TIMEOUT_GIT)
 * and treat reaching it as fatal: one line naming the step, the
 * registered temporaries removed (cleanup.c), exit 2. Our own helper
 * scripts and ioguard itself get no limit here: they bound each program
 * they run (src/sh/lib.sh's bounded), which names the step better.
 * run_limited() is the same with the limit and its outcome left to the
 * caller.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ioguard.h"

/* Seconds between SIGTERM and SIGKILL. */
#define GRACE 10

/* The running child (its process group has the same id), for the
 * handlers here and in cleanup.c. One at a time: ioguard is sequential. */
static volatile pid_t child;
static volatile sig_atomic_t stopping;	/* 1 TERM sent, 2 KILL sent */

static void on_alarm(int sig)
{
	if (child <= 0)
		return;
	if (!stopping) {
		stopping = 1;
		kill(-child, SIGTERM);
		alarm(GRACE);
	} else {
		stopping = 2;
		kill(-child, SIGKILL);
	}
}

void run_stop_child(void)
{
	pid_t pid = child;
	int i;

	if (pid <= 0)
		return;
	kill(-pid, SIGTERM);
	for (i = 0; i < 10 * GRACE; i++) {
		if (waitpid(pid, NULL, WNOHANG) == pid)
			return;
		poll(NULL, 0, 100);
	}
	kill(-pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

/* NAME=V as seconds; a value that is not one is a usage error. */
static unsigned seconds(const char *name, const char *v)
{
	unsigned long n;
	char *end;

	n = strtoul(v, &end, 10);
	if (*end || *v < '0' || *v > '9' || n > 1000000) {
		fprintf(stderr, "ioguard: %s: %s='%s' is not a number of seconds\n",
			ioguard_cmd(), name, v);
		cleanup_now();
		exit(2);
	}
	return n;
}

unsigned step_limit(const char *step, unsigned def)
{
	char name[64];
	const char *v = NULL;

	if (step) {
		snprintf(name, sizeof(name), "IOGUARD_TIMEOUT_%s", step);
		v = getenv(name);
	}
	if (!v || !*v) {
		snprintf(name, sizeof(name), "IOGUARD_TIMEOUT");
		v = getenv(name);
	}
	return v && *v ? seconds(name, v) : def;
}

void run_check_limits(void)
{
	extern char **environ;
	char name[64], **e;
	size_t n;

	for (e = environ; *e; e++) {
		n = strcspn(*e, "=");
		if (strncmp(*e, "IOGUARD_TIMEOUT", 15) || !(*e)[n] || !(*e)[n + 1] ||
		    n >= sizeof(name))
			continue;
		snprintf(name, sizeof(name), "%.*s", (int)n, *e);
		seconds(name, *e + n + 1);
	}
}

/* Exec argv in its own process group, stdout on fd out (-1: ours),
 * stderr on /dev/null when quiet. */
static pid_t start(char *const argv[], int out, bool quiet)
{
	sigset_t saved;
	pid_t pid;

	fflush(NULL);
	cleanup_block(&saved);
	pid = fork();
	if (pid == 0) {
		setpgid(0, 0);
		cleanup_child(&saved);
		if (out >= 0 && dup2(out, STDOUT_FILENO) < 0)
			_exit(127);
		if (quiet) {
			int null = open("/dev/null", O_WRONLY);

			if (null < 0 || dup2(null, STDERR_FILENO) < 0)
				_exit(127);
		}
		execvp(argv[0], argv);
		fprintf(stderr, "ioguard: %s: cannot run %s: %s\n", ioguard_cmd(),
			argv[0], strerror(errno));
		_exit(127);
	}
	if (pid > 0) {
		setpgid(pid, pid);	/* whichever of us runs first */
		child = pid;
		stopping = 0;
	}
	cleanup_unblock(&saved);
	return pid;
}

static void arm(unsigned limit)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;	/* no SA_RESTART: waitpid returns */
	sigaction(SIGALRM, &sa, NULL);
	alarm(limit);
}

/* The exit status of the child: 128 + signal when one ended it, 127
 * when lost, RUN_TIMED_OUT when its limit stopped it. */
static int finish(pid_t pid)
{
	int status, rc;

	if (pid < 0)
		return 127;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			status = -1;
			break;
		}
	alarm(0);
	child = 0;
	if (stopping)
		rc = RUN_TIMED_OUT;
	else if (status == -1)
		rc = 127;
	else
		rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	stopping = 0;
	return rc;
}

int run_limited(char *const argv[], int out, unsigned limit)
{
	pid_t pid = start(argv, out, false);

	if (pid > 0)
		arm(limit);
	return finish(pid);
}

/* How a program is named in messages ("git format-patch") and its limit. */
static unsigned limit_for(char *const argv[], char *step, size_t len)
{
	const char *base = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	const char *self = getenv("IOGUARD");
	size_t n = strlen(base);
	int i;

	snprintf(step, len, "%s", base);
	if ((n > 3 && !strcmp(base + n - 3, ".sh")) || (self && !strcmp(argv[0], self))) {
		if (argv[1])
			snprintf(step, len, "%s %s", base, argv[1]);
		return 0;
	}
	if (strcmp(base, "git"))
		return step_limit(NULL, 1800);
	/* git [-C DIR] [-c K=V]... SUBCOMMAND */
	for (i = 1; argv[i] && argv[i][0] == '-'; i++)
		if ((!strcmp(argv[i], "-C") || !strcmp(argv[i], "-c")) && argv[i + 1])
			i++;
	if (argv[i])
		snprintf(step, len, "git %s", argv[i]);
	return step_limit("GIT", 600);
}

static void timed_out(const char *step, unsigned limit, int git)
{
	fprintf(stderr, "ioguard: %s: %s timed out after %u s (IOGUARD_TIMEOUT%s)\n",
		ioguard_cmd(), step, limit, git ? "_GIT" : "");
	cleanup_now();
	exit(2);
}

int run_command(char *const argv[])
{
	char step[128];
	unsigned limit = limit_for(argv, step, sizeof(step));
	int rc = run_limited(argv, -1, limit);

	if (rc == RUN_TIMED_OUT && limit)
		timed_out(step, limit, !strncmp(step, "git", 3));
	return rc;
}

static char *capture(char *const argv[], bool quiet)
{
	size_t n = 0, cap = 4096;
	char *buf = malloc(cap + 1), step[128];
	unsigned limit = limit_for(argv, step, sizeof(step));
	int fd[2], rc;
	ssize_t got;
	pid_t pid;

	/* close-on-exec: the child keeps only its stdout (dup2 clears the flag) */
	if (!buf || pipe2(fd, O_CLOEXEC)) {
		free(buf);
		return NULL;
	}
	pid = start(argv, fd[1], quiet);
	close(fd[1]);
	if (pid > 0)
		arm(limit);
	for (;;) {
		got = read(fd[0], buf + n, cap - n);
		if (got < 0 && errno == EINTR) {
			if (stopping == 2)	/* something else holds the pipe */
				break;
			continue;
		}
		if (got <= 0)
			break;
		n += got;
		if (n == cap)
			buf = realloc(buf, (cap *= 2) + 1);
	}
	close(fd[0]);
	rc = finish(pid);
	if (rc == RUN_TIMED_OUT && limit)
		timed_out(step, limit, !strncmp(step, "git", 3));
	if (rc) {
		free(buf);
		return NULL;
	}
	while (n && buf[n - 1] == '\n')
		n--;
	buf[n] = '\0';
	return buf;
}

char *run_capture(char *const argv[])
{
	return capture(argv, false);
}

char *run_capture_quiet(char *const argv[])
{
	return capture(argv, true);
}

/* From a signal handler (the audit's): ask the running child's process
 * group to stop; its waiter reaps it and sees it failed. */
void run_signal_child(void)
{
	pid_t pid = child;

	if (pid > 0)
		kill(-pid, SIGTERM);
}
