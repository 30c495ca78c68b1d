// SPDX-License-Identifier: GPL-2.0
/*
 * ioguard-sparse over the units to check, -j at a time, each in its own
 * process group with a time limit: a unit that hangs or crashes the
 * checker is listed as not checked, and the audit goes on. The parent
 * alone writes the index, one unit per transaction, in the order the
 * units finish (the report sorts; the index's order does not matter).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "audit.h"
#include "ioguard.h"

struct slot {
	pid_t pid;
	struct unit *unit;
	struct timespec start;
	char facts[PATH_MAX + 32], log[PATH_MAX + 32];
};

struct pool {
	struct audit *a;
	struct slot *slots;
	int busy, todo, done, findings, failed;
	struct timespec begin;
	char tmp[PATH_MAX];
	int slot;		/* tmp's cleanup.c registration */
};

volatile sig_atomic_t audit_interrupted;

static void on_signal(int sig)
{
	audit_interrupted = sig;
	/* a step run through run.c (the dry run of audit-units.sh, dot for
	 * the HTML report) stops now, not when it is done */
	run_signal_child();
}

/* Ctrl-C, SIGTERM or SIGHUP: the audit stops at the next step, keeping
 * what it finished (units in flight are killed), removes its temporaries
 * (the -o file's included) and exits 2. These replace cleanup.c's
 * handlers, which would exit at once, before the index is closed; a
 * signal ignored at start (nohup, a script's background job) stays so. */
void audit_catch_signals(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa, old;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;	/* no SA_RESTART: waits return */
	sigfillset(&sa.sa_mask);
	for (i = 0; i < sizeof(sigs) / sizeof(*sigs); i++) {
		sigaction(sigs[i], NULL, &old);
		if (sigs[i] == SIGTERM || old.sa_handler != SIG_IGN)
			sigaction(sigs[i], &sa, NULL);
	}
}

int audit_stop_if_interrupted(void)
{
	if (!audit_interrupted)
		return 0;
	fprintf(stderr, "ioguard: audit: interrupted (%s); finished units are kept in the index\n",
		strsignal(audit_interrupted));
	return -1;
}

static double since(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - t->tv_sec) + (now.tv_nsec - t->tv_nsec) / 1e9;
}

static int start(struct pool *p, struct slot *s, struct unit *u)
{
	struct audit *a = p->a;
	char *script, spec_opt[PATH_MAX + 20] = "";
	int idx = (int)(s - p->slots);

	snprintf(s->facts, sizeof(s->facts), "%s/%d.facts", p->tmp, idx);
	snprintf(s->log, sizeof(s->log), "%s/%d.log", p->tmp, idx);
	if (a->spec_path)
		snprintf(spec_opt, sizeof(spec_opt), " --ioguard-spec=\"$4\"");
	/* kbuild's arguments are shell words: sh reads them as make would */
	if (asprintf(&script, "cd \"$1\" && exec \"$2\" --ioguard-warn-only --ioguard-user-map --ioguard-facts=\"$3\"%s %s %s",
		     spec_opt, u->args, u->src) < 0)
		return -1;
	unlink(s->facts);
	fflush(NULL);
	s->pid = fork();
	if (s->pid < 0) {
		free(script);
		return -1;
	}
	if (s->pid == 0) {
		FILE *log = freopen(s->log, "w", stderr);

		setpgid(0, 0);
		if (!log || !freopen("/dev/null", "w", stdout))
			_exit(126);
		execl("/bin/sh", "sh", "-c", script, "sh", a->build, a->checker,
		      s->facts, a->spec_path ? a->spec_path : "", (char *)NULL);
		_exit(127);
	}
	free(script);
	s->unit = u;
	clock_gettime(CLOCK_MONOTONIC, &s->start);
	p->busy++;
	return 0;
}

/* Why a unit failed: sparse's first error, else the checker's last line. */
static char *first_error(const char *log)
{
	size_t len;
	char *text = read_file(log, &len), *p, *nl, *r;

	if (!text)
		return strdup("no output");
	while (len && (text[len - 1] == '\n' || text[len - 1] == ' '))
		text[--len] = '\0';
	p = strstr(text, ": error: ");
	if (p) {
		while (p > text && p[-1] != '\n')
			p--;
	} else {
		p = strrchr(text, '\n');
		p = p ? p + 1 : text;
	}
	nl = strchr(p, '\n');
	r = len ? strndup(p, nl ? (size_t)(nl - p) : strlen(p)) : strdup("no output");
	free(text);
	return r;
}

static int finish(struct pool *p, struct slot *s, int status, bool timed_out)
{
	struct audit *a = p->a;
	struct unit *u = s->unit;
	char *why = NULL;
	int rc;

	p->busy--;
	p->done++;
	s->pid = 0;
	free(u->reason);
	u->reason = NULL;
	if (timed_out) {
		if (asprintf(&why, "timed out after %d s", a->timeout) < 0)
			why = NULL;
	} else if (WIFSIGNALED(status)) {
		if (asprintf(&why, "checker killed by signal %d (%s)", WTERMSIG(status),
			     strsignal(WTERMSIG(status))) < 0)
			why = NULL;
	} else {
		rc = index_ingest(a, u, s->facts);
		if (rc < 0)
			return -1;
		if (rc == 0) {
			p->findings += u->nfindings;
			if (u->state == UNIT_ERROR)
				u->reason = first_error(s->log);
			if (u->state == UNIT_ERROR && index_set_state(a, u))
				return -1;
			return 0;
		}
		why = first_error(s->log);
	}
	u->state = UNIT_FAILED;
	u->reason = why;
	p->failed++;
	/* named now, as check names them; the report lists them too */
	fprintf(stderr, "%sioguard: audit: not checked: %s: %s\n", a->progress ? "\n" : "",
		u->rel, why ? why : "the checker failed");
	if (index_begin(a) || index_drop_unit(a, u->rel) || index_set_state(a, u) ||
	    index_commit(a))
		return -1;
	return 0;
}

static void progress(struct pool *p, bool last)
{
	double t = since(&p->begin), rate = t > 0 ? p->done / t : 0;
	int left = p->todo - p->done;

	if (!p->a->progress)
		return;
	fprintf(stderr, "\rioguard: audit: %d/%d units, %d findings, %d not checked, %.1f units/s, ETA %d:%02d ",
		p->done, p->todo, p->findings, p->failed, rate,
		rate > 0 ? (int)(left / rate) / 60 : 0, rate > 0 ? (int)(left / rate) % 60 : 0);
	if (last)
		fputc('\n', stderr);
}

/* Wait for one child, or for the time limit of the oldest. */
static int reap(struct pool *p)
{
	struct audit *a = p->a;
	int status, i;
	pid_t pid;

	for (;;) {
		if (audit_interrupted)
			return -1;
		pid = waitpid(-1, &status, WNOHANG);
		if (pid > 0)
			break;
		if (pid < 0 && errno != EINTR)
			return -1;
		for (i = 0; i < a->jobs; i++) {
			struct slot *s = &p->slots[i];

			if (s->pid > 0 && a->timeout && since(&s->start) > a->timeout) {
				kill(-s->pid, SIGKILL);
				waitpid(s->pid, &status, 0);
				return finish(p, s, status, true);
			}
		}
		usleep(5000);
	}
	for (i = 0; i < a->jobs; i++)
		if (p->slots[i].pid == pid)
			return finish(p, &p->slots[i], status, false);
	return 0;
}

int run_units(struct audit *a)
{
	struct pool p = { .a = a };
	int i, next = 0, rc = 0;

	for (i = 0; i < a->nunits; i++)
		p.todo += a->units[i].dirty;
	if (!p.todo)
		return 0;
	/* per run: two audits of one build directory (shards) must not meet */
	snprintf(p.tmp, sizeof(p.tmp), "%s/ioguard-audit/tmp.%d", a->build, (int)getpid());
	if (mkdirs(p.tmp)) {
		fprintf(stderr, "ioguard: audit: cannot create '%s': %s\n", p.tmp, strerror(errno));
		return -1;
	}
	/* SIGQUIT, or a fatal time limit, exits through cleanup.c */
	p.slot = cleanup_add(p.tmp, 1);
	p.slots = calloc(a->jobs, sizeof(*p.slots));
	clock_gettime(CLOCK_MONOTONIC, &p.begin);
	if (!a->progress)
		fprintf(stderr, "ioguard: audit: checking %d units with %d jobs\n", p.todo, a->jobs);
	while (!rc && !audit_interrupted && (next < a->nunits || p.busy)) {
		while (next < a->nunits && !a->units[next].dirty)
			next++;
		if (next < a->nunits && p.busy < a->jobs) {
			for (i = 0; p.slots[i].pid; i++)
				;
			rc = start(&p, &p.slots[i], &a->units[next++]);
			continue;
		}
		if (p.busy) {
			rc = reap(&p);
			progress(&p, false);
		}
	}
	progress(&p, true);
	for (i = 0; i < a->jobs; i++)
		if (p.slots[i].pid > 0) {
			kill(-p.slots[i].pid, SIGKILL);
			waitpid(p.slots[i].pid, NULL, 0);
		}
	for (i = 0; i < a->jobs; i++) {
		unlink(p.slots[i].facts);
		unlink(p.slots[i].log);
	}
	rmdir(p.tmp);
	cleanup_done(p.slot);
	free(p.slots);
	if (audit_stop_if_interrupted())
		return -1;
	if (rc)
		fprintf(stderr, "ioguard: audit: stopped: %s\n", strerror(errno));
	return rc;
}
