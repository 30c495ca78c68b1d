// SPDX-License-Identifier: GPL-2.0
/*
 * What a stopped ioguard leaves behind: nothing. Temporary files and
 * scratch directories are registered here while they exist; SIGINT,
 * SIGTERM and SIGHUP stop the running child's process group (run.c),
 * remove them, print one line and exit 2, and so does a fatal time
 * limit (run.c calls cleanup_now()).
 *
 * The handler only makes async-signal-safe calls (kill, waitpid, poll,
 * unlink, fork and execve of rm -rf for directories, write, _exit), and
 * the registry is a fixed table of static buffers, so registering never
 * allocates and the handler never sees a half-written entry.
 *
 * SIGINT, SIGHUP and SIGQUIT stay ignored when ioguard was started with
 * them ignored (a background job of a script, nohup), as is the custom.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ioguard.h"

#define SLOTS 32

static struct slot {
	volatile sig_atomic_t used;
	int is_dir;
	char path[PATH_MAX];
} slots[SLOTS];

static const char *cmd_name = "ioguard";
static pid_t parent_ioguard;	/* our parent, when it is ioguard */
static const int stop_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
static int ignored[sizeof(stop_signals) / sizeof(stop_signals[0])];

const char *ioguard_cmd(void)
{
	return cmd_name;
}

int cleanup_add(const char *path, int is_dir)
{
	int i;

	for (i = 0; i < SLOTS; i++) {
		if (slots[i].used)
			continue;
		slots[i].is_dir = is_dir;
		snprintf(slots[i].path, sizeof(slots[i].path), "%s", path);
		/* the entry is complete before the handler can see it */
		atomic_signal_fence(memory_order_seq_cst);
		slots[i].used = 1;
		return i;
	}
	return -1;
}

void cleanup_done(int id)
{
	if (id >= 0 && id < SLOTS)
		slots[id].used = 0;
}

/* rm -rf PATH, from a signal handler too: no allocation. */
static void remove_tree(const char *path)
{
	static char *const env[] = { NULL };
	char *argv[] = { "rm", "-rf", "--", (char *)path, NULL };
	pid_t pid = fork();

	if (pid == 0) {
		execve("/bin/rm", argv, env);
		_exit(127);
	}
	while (pid > 0 && waitpid(pid, NULL, 0) < 0 && errno == EINTR)
		;
}

void cleanup_now(void)
{
	int i;

	for (i = 0; i < SLOTS; i++) {
		if (!slots[i].used)
			continue;
		slots[i].used = 0;
		if (slots[i].is_dir)
			remove_tree(slots[i].path);
		else
			unlink(slots[i].path);
	}
}

static void say(const char *a, const char *b, const char *c)
{
	/* one write: the line is never interleaved with a child's output */
	char line[256];
	size_t n = 0;
	const char *parts[] = { "ioguard: ", cmd_name, ": ", a, b, c, "\n" };
	size_t i, len;

	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		len = strlen(parts[i]);
		if (n + len >= sizeof(line))
			len = sizeof(line) - 1 - n;
		memcpy(line + n, parts[i], len);
		n += len;
	}
	if (write(STDERR_FILENO, line, n) < 0)
		return;
}

static void on_signal(int sig, siginfo_t *si, void *unused)
{
	int errno_saved = errno;

	run_stop_child();
	cleanup_now();
	/* A parent ioguard that stops us says why itself. */
	if (!(si && si->si_code == SI_USER && si->si_pid == parent_ioguard &&
	      parent_ioguard == getppid()))
		say("interrupted by ", sig == SIGINT ? "SIGINT" :
		    sig == SIGTERM ? "SIGTERM" : sig == SIGHUP ? "SIGHUP" :
		    "SIGQUIT", "; temporary files removed");
	errno = errno_saved;
	_exit(2);
}

void cleanup_init(const char *cmd)
{
	struct sigaction sa, old;
	char pid[32];
	size_t i;

	cmd_name = cmd;
	/* past a file size limit, a write fails (EFBIG) and is reported,
	 * instead of the signal killing us with the temporaries in place */
	signal(SIGXFSZ, SIG_IGN);
	if (getenv("IOGUARD_PARENT"))
		parent_ioguard = atoi(getenv("IOGUARD_PARENT"));
	snprintf(pid, sizeof(pid), "%d", (int)getpid());
	setenv("IOGUARD_PARENT", pid, 1);
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_signal;
	sa.sa_flags = SA_SIGINFO;
	sigfillset(&sa.sa_mask);
	for (i = 0; i < sizeof(stop_signals) / sizeof(stop_signals[0]); i++) {
		sigaction(stop_signals[i], NULL, &old);
		ignored[i] = stop_signals[i] != SIGTERM && old.sa_handler == SIG_IGN;
		if (!ignored[i])
			sigaction(stop_signals[i], &sa, NULL);
	}
}

void cleanup_block(sigset_t *saved)
{
	sigset_t set;
	size_t i;

	sigemptyset(&set);
	for (i = 0; i < sizeof(stop_signals) / sizeof(stop_signals[0]); i++)
		sigaddset(&set, stop_signals[i]);
	sigaddset(&set, SIGALRM);
	sigprocmask(SIG_BLOCK, &set, saved);
}

void cleanup_unblock(const sigset_t *saved)
{
	sigprocmask(SIG_SETMASK, saved, NULL);
}

/* In a child between fork and exec: none of our handlers (they would
 * remove the parent's files), the dispositions ioguard was started with. */
void cleanup_child(const sigset_t *saved)
{
	size_t i;

	for (i = 0; i < sizeof(stop_signals) / sizeof(stop_signals[0]); i++)
		signal(stop_signals[i], ignored[i] ? SIG_IGN : SIG_DFL);
	signal(SIGALRM, SIG_DFL);
	sigprocmask(SIG_SETMASK, saved, NULL);
}
