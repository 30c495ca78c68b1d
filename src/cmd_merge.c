// SPDX-License-Identifier: GPL-2.0
/*
 * merge: shard indexes (audit --shard I/N) joined into one index and
 * reported from it. Each shard holds its own units only, so the union
 * is the index one run over every unit would have written, and the
 * report, computed from the index alone, is the same to the byte.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "audit_report.h"
#include "ioguard.h"

static const char usage[] =
	"usage: ioguard merge [--format text|json|sarif|html|codequality] [-o FILE]\n"
	"                     [--index OUT] [--baseline REPORT] INDEX...\n";

static const char *const tables[] = {
	"units", "deps", "files", "fns", "calls", "refs", "roots", "findings",
	"flows", "announces", "exempt"
};

static int attach_copy(sqlite3 *db, const char *path, bool first)
{
	char *sql;
	size_t i;
	int rc = 0;

	if (access(path, R_OK)) {
		fprintf(stderr, "ioguard: merge: cannot read index '%s'\n", path);
		return -1;
	}
	sql = sqlite3_mprintf("ATTACH %Q AS shard", path);
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_free(sql);
	if (rc) {
		fprintf(stderr, "ioguard: merge: '%s' is not an index: %s\n", path, sqlite3_errmsg(db));
		return -1;
	}
	/* one transaction per shard: SQLite attaches and detaches outside them */
	rc = sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
	for (i = 0; i < sizeof(tables) / sizeof(*tables) && !rc; i++) {
		sql = sqlite3_mprintf("INSERT OR REPLACE INTO main.%s SELECT * FROM shard.%s",
				      tables[i], tables[i]);
		rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
		sqlite3_free(sql);
	}
	if (!rc && first)
		rc = sqlite3_exec(db, "INSERT OR REPLACE INTO main.meta SELECT * FROM shard.meta",
				  NULL, NULL, NULL);
	if (!rc)
		rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	if (rc) {
		fprintf(stderr, "ioguard: merge: '%s' is not an index: %s\n", path, sqlite3_errmsg(db));
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	}
	sqlite3_exec(db, "DETACH shard", NULL, NULL, NULL);
	return rc ? -1 : 0;
}

/* The schema of the first shard, empty, in the output index. */
static int copy_schema(sqlite3 *db, const char *path)
{
	sqlite3 *src;
	sqlite3_stmt *st;
	int rc = 0;

	if (sqlite3_open_v2(path, &src, SQLITE_OPEN_READONLY, NULL) ||
	    sqlite3_prepare_v2(src, "SELECT sql FROM sqlite_master WHERE sql NOT NULL "
			       "ORDER BY type DESC, name", -1, &st, NULL)) {
		fprintf(stderr, "ioguard: merge: '%s' is not an index\n", path);
		sqlite3_close(src);
		return -1;
	}
	while (!rc && sqlite3_step(st) == SQLITE_ROW)
		rc = sqlite3_exec(db, (const char *)sqlite3_column_text(st, 0), NULL, NULL, NULL);
	sqlite3_finalize(st);
	sqlite3_close(src);
	return rc ? -1 : 0;
}

/* The merged index: --index OUT through outfile.c (built in a temporary
 * beside OUT, renamed over it once the report is written: OUT is never
 * half a merge, and an old OUT stays until then), else a temporary file
 * in TMPDIR. The rollback journal beside either is registered too. */
static int open_index(struct outfile *ix, const char *index, char *path, size_t len,
		      int *slots)
{
	const char *tmpdir = getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	char journal[PATH_MAX + 64];
	int fd;

	if (index) {
		if (outfile_open(ix, index)) {
			fprintf(stderr, "ioguard: merge: cannot write index '%s': %s\n", index,
				strerror(errno));
			return -1;
		}
		snprintf(path, len, "%s", ix->tmp[0] ? ix->tmp : ix->path);
	} else {
		snprintf(path, len, "%s/ioguard-merge.XXXXXX", tmpdir);
		fd = mkstemp(path);
		if (fd < 0) {
			fprintf(stderr, "ioguard: merge: cannot create a temporary index in %s: %s\n",
				tmpdir, strerror(errno));
			path[0] = '\0';
			return -1;
		}
		close(fd);
		slots[0] = cleanup_add(path, 0);
	}
	snprintf(journal, sizeof(journal), "%s-journal", path);
	slots[1] = cleanup_add(journal, 0);
	return 0;
}

int cmd_merge(int argc, char **argv)
{
	const char *format = "text", *output = NULL, *index = NULL, *baseline = NULL;
	char dbpath[PATH_MAX + 32] = "", journal[PATH_MAX + 48];
	struct report_opts ro = { 0 };
	struct outfile of = { .fd = -1, .slot = -1 }, ix = { .fd = -1, .slot = -1 };
	sqlite3 *db = NULL;
	int first, i, rc = 2, slots[2] = { -1, -1 };
	const struct cli_opt opts[] = {
		{ "--format", &format }, { "-o", &output }, { "--index", &index },
		{ "--baseline", &baseline }, { NULL }
	};

	first = parse_options(argc, argv, opts);
	for (i = first; i < argc; i++)
		if (argv[i][0] == '-')
			break;
	if (first == argc || i < argc || report_format(format) < 0) {
		fputs(usage, stderr);
		return 2;
	}
	for (i = first; i < argc; i++)
		if (access(argv[i], R_OK)) {
			fprintf(stderr, "ioguard: merge: cannot read index '%s': %s\n", argv[i],
				strerror(errno));
			return 2;
		}
	if (baseline && report_check_baseline(baseline))
		return 2;
	if (output && report_open_output(&of, output))
		return 2;
	if (open_index(&ix, index, dbpath, sizeof(dbpath), slots))
		goto out;
	if (sqlite3_open(dbpath, &db) || copy_schema(db, argv[first])) {
		fprintf(stderr, "ioguard: merge: cannot create index '%s'\n", index ? index : dbpath);
		goto out;
	}
	for (i = first; i < argc; i++)
		if (attach_copy(db, argv[i], i == first))
			goto out;
	ro.format = report_format(format);
	ro.output = output;
	ro.out = output ? &of : NULL;
	ro.baseline = baseline;
	rc = report_write(db, &ro);
	if (rc <= 1 && index) {
		if (sqlite3_close(db) != SQLITE_OK || outfile_commit(&ix)) {
			fprintf(stderr, "ioguard: merge: cannot write index '%s': %s\n", index,
				strerror(errno));
			rc = 2;
		}
		db = NULL;
	}
out:
	sqlite3_close(db);
	outfile_abort(&of);	/* committed outputs stay */
	outfile_abort(&ix);
	if (dbpath[0]) {
		snprintf(journal, sizeof(journal), "%s-journal", dbpath);
		unlink(journal);
		if (!index)
			unlink(dbpath);
	}
	cleanup_done(slots[0]);
	cleanup_done(slots[1]);
	return rc;
}
