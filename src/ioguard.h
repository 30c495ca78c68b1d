/* SPDX-License-Identifier: GPL-2.0 */
#ifndef IOGUARD_H
#define IOGUARD_H

#include <limits.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>

/* What reports say of the tool (SARIF's driver); bumped by hand. The
 * URL is the placeholder the ci/ jobs clone from: set the real one. */
#define IOGUARD_VERSION "0.1.0"
#define IOGUARD_URL "https://example.org/ioguard"

/* Subcommands: argv[0] is the subcommand's name. Exit codes: 0 clean,
 * 1 findings, 2 usage or input error. */
int cmd_fetch_kernel(int argc, char **argv);
int cmd_prepare_kernel(int argc, char **argv);
int cmd_insert(int argc, char **argv);
int cmd_spec(int argc, char **argv);
int cmd_gen(int argc, char **argv);
int cmd_verify(int argc, char **argv);
int cmd_arch(int argc, char **argv);
int cmd_cocci(int argc, char **argv);

struct spec;
/* cmd_spec.c: load --spec FILE, or the built-in spec when PATH is NULL;
 * -1 after "ioguard: CMD: PATH:LINE: message". */
int load_spec(const char *cmd, struct spec *spec, const char *path);

int cmd_check(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_derive(int argc, char **argv);
/* cmd_check.c: the checker binary ($IOGUARD_SPARSE, else the one built
 * beside this binary), or NULL after a one-line "ioguard: CMD: ...";
 * a frontend's ("sparse", "clang": $IOGUARD_CLANG, build/ioguard-clang). */
const char *checker_path(const char *cmd);
const char *frontend_checker(const char *cmd, const char *frontend);

/* util.c */
/* Path of a helper script in src/sh/ (or $IOGUARD_LIBEXEC). */
const char *libexec(const char *script);
/* Path of a data file of ours (cocci/, spec/ioguard.spec), or NULL. */
const char *datadir(const char *relative);
/* The cache directory (src/sh/lib.sh's rule), or NULL. */
const char *cache_dir(void);
/* A file's contents, NUL-terminated (malloc'd), or NULL. */
char *read_file(const char *path, size_t *len);
/* mkdir -p */
int mkdirs(const char *path);

/* run.c: other programs, from an argv (no shell), each in its own
 * process group, with a time limit (docs/reliability.md). */
/* Run argv, return its exit status (127 when it cannot start, 128 + N
 * when signal N ended it). Reaching its time limit (IOGUARD_TIMEOUT_GIT
 * for git, none for our helper scripts, which bound their own steps,
 * IOGUARD_TIMEOUT else) is fatal: one line naming the step, exit 2. */
int run_command(char *const argv[]);
/* Run argv and return its stdout without trailing newlines (malloc'd),
 * or NULL unless it exits 0. Its time limit as for run_command(). */
char *run_capture(char *const argv[]);
/* The same with its stderr on /dev/null (a probe whose failure the
 * caller explains in its own line). */
char *run_capture_quiet(char *const argv[]);
/* Stopped at its limit (coreutils timeout's status, as in src/sh). */
#define RUN_TIMED_OUT 124
/* Run argv with stdout on fd out (-1: ours) for at most limit seconds
 * (0: no limit): its exit status, or RUN_TIMED_OUT; the caller decides
 * what a timeout means (an audit goes on to the next unit). */
int run_limited(char *const argv[], int out, unsigned limit);
/* A step's limit in seconds: IOGUARD_TIMEOUT_<STEP> (STEP NULL: none),
 * else IOGUARD_TIMEOUT, else def; 0 is no limit. A value that is not a
 * number is a usage error (one line, exit 2). */
unsigned step_limit(const char *step, unsigned def);
/* Every IOGUARD_TIMEOUT* in the environment is a number, or exit 2
 * (checked at start: not half way, after a helper said so too). */
void run_check_limits(void);
/* Stop the running child's process group and reap it (signal-safe). */
void run_stop_child(void);
/* SIGTERM to the running child's process group, no waiting (signal-safe:
 * a handler that lets the program go on to its own exit). */
void run_signal_child(void);

/*
 * cleanup.c: what an interrupted or failed ioguard removes. Temporaries
 * are registered while they exist; SIGINT, SIGTERM, SIGHUP (SIGINT and
 * SIGHUP only when not ignored at start) stop the running child, remove
 * them, print "ioguard: CMD: interrupted by SIGINT; ..." and exit 2.
 */
/* Install the handlers; cmd names the subcommand in messages. */
void cleanup_init(const char *cmd);
/* The subcommand's name ("ioguard" before cleanup_init()). */
const char *ioguard_cmd(void);
/* Register PATH (a directory, removed recursively, when is_dir): an id
 * for cleanup_done(), -1 when the table is full (PATH is then not
 * removed on a signal). */
int cleanup_add(const char *path, int is_dir);
void cleanup_done(int id);
/* Remove everything registered now (before a fatal exit). */
void cleanup_now(void);
/* Hold off SIGINT, SIGTERM, SIGHUP, SIGALRM (around fork, or a commit
 * that must not be cut in half), and let them through again. */
void cleanup_block(sigset_t *saved);
void cleanup_unblock(const sigset_t *saved);
/* In a forked child before exec: the dispositions ioguard started with. */
void cleanup_child(const sigset_t *saved);

/*
 * outfile.c: output files that appear whole or not at all (usage in the
 * comment at the top of outfile.c). Every function returns 0, or -1 with
 * errno set and the temporary removed; the target is then untouched.
 */
struct outfile {
	char path[PATH_MAX];	/* what is written (a symlink resolved) */
	char tmp[PATH_MAX];	/* beside it; "" when written in place */
	int fd;
	int slot;		/* cleanup.c registration */
	FILE *stream;		/* outfile_stream()'s, or NULL */
};
/* Create the temporary beside path (an unwritable target fails here).
 * An existing target that is not a regular file (a character or block
 * device such as /dev/null, a FIFO) is opened and written in place:
 * renaming over it would replace the device with a regular file. */
int outfile_open(struct outfile *o, const char *path);
int outfile_write(struct outfile *o, const void *buf, size_t len);
/* A stdio stream on the output, for writers that print (the reports);
 * outfile_commit() flushes it and reports its errors, _abort closes it. */
FILE *outfile_stream(struct outfile *o);
/* fsync, close, rename over the target. */
int outfile_commit(struct outfile *o);
/* Remove the temporary (errno is kept for the caller's message). */
void outfile_abort(struct outfile *o);
/* Replace path with text: outfile_open, _write, _commit (a hard link to
 * a pristine tree is replaced, never written through). */
int write_file(const char *path, const char *text, size_t len);

struct outdir {
	char path[PATH_MAX];	/* the target directory */
	char tmp[PATH_MAX];	/* an empty directory beside it, to fill */
	int slot;
};
/* Create path's parents and an empty temporary directory beside it. */
int outdir_open(struct outdir *d, const char *path);
/* Move tmp's files into path (all at once when path does not exist);
 * entries of an existing path that stale() names go first (NULL: none). */
int outdir_commit(struct outdir *d, int (*stale)(const char *name));
/* Remove tmp and what it holds. */
void outdir_abort(struct outdir *d);
/* Copy each file of directory from into to (another filesystem: the
 * cache into an outdir's tmp), each through write_file(). */
int copy_files(const char *from, const char *to);

/* A command-line option: NAME VALUE when value is set, a flag NAME
 * (which sets *flag to 1) when flag is. Tables end with { NULL }. */
struct cli_opt {
	const char *name;
	const char **value;
	int *flag;
};
/* Parse argv[1..] against opts. Returns the index of the first argument
 * that is none of them (or an option missing its value), argc if all are. */
int parse_options(int argc, char **argv, const struct cli_opt *opts);
#endif
