// SPDX-License-Identifier: GPL-2.0
/*
 * Output files and directories that appear whole or not at all: every
 * file ioguard writes where a user (or a CI job) named it goes through
 * here. The text is written to a temporary in the same directory (so the
 * rename is atomic and stays on one filesystem), flushed to disk, then
 * renamed over the target; on an error, SIGINT, SIGTERM or a time limit
 * the temporary is removed (cleanup.c) and the target is untouched.
 *
 *	struct outfile o;
 *
 *	if (outfile_open(&o, path))		early: an unwritable target
 *		fail(strerror(errno));		fails before any work
 *	... outfile_write(&o, buf, n) ...	-1 and errno on a short write
 *	if (outfile_commit(&o))			fsync, close, rename
 *		fail(strerror(errno));		(the temporary is gone)
 *	outfile_abort(&o) on any other way out.
 *
 * A directory of outputs (gen's series, cocci's scripts): outdir_open()
 * makes an empty temporary directory beside the target, the caller fills
 * it, outdir_commit() moves it in (see there).
 *
 * Writers that print (the audit's reports) take outfile_stream(), a
 * stdio stream on the same descriptor; outfile_commit() flushes it first
 * and a short write there fails the commit like any other.
 *
 * Targets that exist and are not regular files (/dev/null, /dev/stdout,
 * a FIFO, /dev/full) cannot be replaced: they are written in place. A
 * rename over /dev/null would leave a regular file there, and every
 * program that writes to /dev/null would then fill it (kbuild's
 * cc-option probes read it back and turn flags off, machine-wide). So
 * in place there is no "whole or not at all": a reader of a FIFO sees
 * what was written before an error. A symlink is followed: its target
 * is replaced, the link stays.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ioguard.h"

/* DIR/.NAME.ioguard-XXXXXX for path DIR/NAME. */
static int temp_name(char *tmp, size_t len, const char *path)
{
	char d[PATH_MAX], b[PATH_MAX];

	snprintf(d, sizeof(d), "%s", path);
	snprintf(b, sizeof(b), "%s", path);
	if ((size_t)snprintf(tmp, len, "%s/.%s.ioguard-XXXXXX", dirname(d),
			     basename(b)) >= len) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

/* The file a path names: a symlink's target when it has one. */
static void resolve(char *out, size_t len, const char *path)
{
	struct stat st;
	char real[PATH_MAX];

	if (!lstat(path, &st) && S_ISLNK(st.st_mode) && realpath(path, real))
		snprintf(out, len, "%s", real);
	else
		snprintf(out, len, "%s", path);
}

/* What open() and mkdir() would give under the umask. */
static mode_t umasked(mode_t mode)
{
	mode_t mask = umask(0);

	umask(mask);
	return mode & ~mask;
}

int outfile_open(struct outfile *o, const char *path)
{
	struct stat st;
	mode_t mode = umasked(0666);

	memset(o, 0, sizeof(*o));
	o->fd = -1;
	o->slot = -1;
	resolve(o->path, sizeof(o->path), path);
	if (!stat(o->path, &st)) {
		if (S_ISDIR(st.st_mode)) {
			errno = EISDIR;
			return -1;
		}
		if (!S_ISREG(st.st_mode)) {
			/* a device, FIFO or socket: in place, never renamed over
			 * (O_TRUNC is ignored where it means nothing) */
			o->fd = open(o->path, O_WRONLY | O_TRUNC | O_CLOEXEC);
			return o->fd < 0 ? -1 : 0;
		}
		mode = st.st_mode & 07777;
	}
	if (temp_name(o->tmp, sizeof(o->tmp), o->path))
		return -1;
	o->fd = mkostemp(o->tmp, O_CLOEXEC);
	if (o->fd < 0) {
		o->tmp[0] = '\0';
		return -1;
	}
	o->slot = cleanup_add(o->tmp, 0);
	if (fchmod(o->fd, mode)) {
		outfile_abort(o);
		return -1;
	}
	return 0;
}

FILE *outfile_stream(struct outfile *o)
{
	if (!o->stream && o->fd >= 0)
		o->stream = fdopen(o->fd, "w");
	return o->stream;
}

int outfile_write(struct outfile *o, const void *buf, size_t len)
{
	const char *p = buf;
	ssize_t n;

	while (len) {
		n = write(o->fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = ENOSPC;
			return -1;
		}
		p += n;
		len -= n;
	}
	return 0;
}

/* fsync a file's directory, so that the rename itself is on disk. */
static void sync_dir(const char *path)
{
	char d[PATH_MAX];
	int fd;

	snprintf(d, sizeof(d), "%s", path);
	fd = open(dirname(d), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

int outfile_commit(struct outfile *o)
{
	int err = 0;

	/* the stream's last buffer, and a write that failed on the way */
	if (o->stream && fflush(o->stream))
		err = errno;
	else if (o->stream && ferror(o->stream))
		err = errno ? errno : EIO;
	/* tmpfs, pipes and /dev files say EINVAL: nothing to flush there */
	if (!err && o->tmp[0] && fsync(o->fd) && errno != EINVAL && errno != EROFS)
		err = errno;
	if ((o->stream ? fclose(o->stream) : close(o->fd)) && !err)
		err = errno;
	o->stream = NULL;
	o->fd = -1;
	if (!err && o->tmp[0] && rename(o->tmp, o->path))
		err = errno;
	if (err) {
		outfile_abort(o);
		errno = err;
		return -1;
	}
	cleanup_done(o->slot);
	o->slot = -1;
	if (o->tmp[0])
		sync_dir(o->path);
	o->tmp[0] = '\0';
	return 0;
}

void outfile_abort(struct outfile *o)
{
	int err = errno;

	if (o->stream) {
		/* what it holds goes to the temporary, removed below (in
		 * place: to the device or pipe, as a write would have) */
		fclose(o->stream);
		o->stream = NULL;
		o->fd = -1;
	}
	if (o->fd >= 0)
		close(o->fd);
	o->fd = -1;
	if (o->tmp[0])
		unlink(o->tmp);
	o->tmp[0] = '\0';
	cleanup_done(o->slot);
	o->slot = -1;
	errno = err;
}

int write_file(const char *path, const char *text, size_t len)
{
	struct outfile o;

	if (outfile_open(&o, path))
		return -1;
	if (outfile_write(&o, text, len)) {
		outfile_abort(&o);
		return -1;
	}
	return outfile_commit(&o);
}

int outdir_open(struct outdir *d, const char *path)
{
	char parent[PATH_MAX];
	struct stat st;

	memset(d, 0, sizeof(*d));
	d->slot = -1;
	snprintf(d->path, sizeof(d->path), "%s", path);
	if (!stat(path, &st) && !S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return -1;
	}
	snprintf(parent, sizeof(parent), "%s", path);
	if (mkdirs(dirname(parent)) || temp_name(d->tmp, sizeof(d->tmp), path))
		return -1;
	if (!mkdtemp(d->tmp)) {
		d->tmp[0] = '\0';
		return -1;
	}
	d->slot = cleanup_add(d->tmp, 1);
	return 0;
}

/* Remove from dir what stale() names (NULL: nothing). */
static int remove_stale(const char *dir, int (*stale)(const char *name))
{
	char path[2 * PATH_MAX];
	struct dirent *e;
	DIR *dp;

	if (!stale || !(dp = opendir(dir)))
		return stale ? -1 : 0;
	while ((e = readdir(dp))) {
		if (!stale(e->d_name))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		unlink(path);
	}
	closedir(dp);
	return 0;
}

/* Each file of from, flushed, renamed into to. */
static int move_files(const char *from, const char *to)
{
	char src[2 * PATH_MAX], dst[2 * PATH_MAX];
	struct dirent *e;
	DIR *dp = opendir(from);
	int fd, rc = 0;

	if (!dp)
		return -1;
	while (!rc && (e = readdir(dp))) {
		if (e->d_name[0] == '.' && (!e->d_name[1] ||
		    (e->d_name[1] == '.' && !e->d_name[2])))
			continue;
		snprintf(src, sizeof(src), "%s/%s", from, e->d_name);
		snprintf(dst, sizeof(dst), "%s/%s", to, e->d_name);
		fd = open(src, O_RDONLY | O_CLOEXEC);
		if (fd >= 0) {
			fsync(fd);
			close(fd);
		}
		rc = rename(src, dst);
	}
	closedir(dp);
	return rc;
}

/*
 * Move the filled temporary directory in: when the target does not exist
 * it is renamed into place, at once; else the entries stale() names are
 * removed from the target and each new file is renamed in. SIGINT and
 * SIGTERM wait until that is done, so an interruption never leaves a mix.
 */
int outdir_commit(struct outdir *d, int (*stale)(const char *name))
{
	sigset_t saved;
	struct stat st;
	int rc, err = 0;

	cleanup_block(&saved);
	if (stat(d->path, &st)) {
		/* mkdtemp made it 0700 */
		rc = chmod(d->tmp, umasked(0777)) || rename(d->tmp, d->path);
	} else {
		rc = remove_stale(d->path, stale) || move_files(d->tmp, d->path);
	}
	if (rc)
		err = errno;
	cleanup_unblock(&saved);
	if (err) {
		outdir_abort(d);
		errno = err;
		return -1;
	}
	outdir_abort(d);	/* what is left: an empty directory */
	sync_dir(d->path);
	return 0;
}

int copy_files(const char *from, const char *to)
{
	char src[2 * PATH_MAX], dst[2 * PATH_MAX], *text;
	struct dirent *e;
	DIR *dp = opendir(from);
	size_t len;
	int rc = 0;

	if (!dp)
		return -1;
	while (!rc && (e = readdir(dp))) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(src, sizeof(src), "%s/%s", from, e->d_name);
		snprintf(dst, sizeof(dst), "%s/%s", to, e->d_name);
		text = read_file(src, &len);
		rc = text ? write_file(dst, text, len) : -1;
		free(text);
	}
	closedir(dp);
	return rc;
}

void outdir_abort(struct outdir *d)
{
	char *argv[] = { "rm", "-rf", "--", d->tmp, NULL };
	int err = errno;

	if (d->tmp[0] && !access(d->tmp, F_OK))
		run_command(argv);
	d->tmp[0] = '\0';
	cleanup_done(d->slot);
	d->slot = -1;
	errno = err;
}
