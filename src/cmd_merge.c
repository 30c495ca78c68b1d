// SPDX-License-Identifier: GPL-2.0
/*
 * merge: shard indexes (audit --shard I/N) joined into one index and
 * reported from it. Each shard holds its own units only, so the union
 * is the index one run over every unit would have written, and the
 * report, computed from the index alone, is the same to the byte.
 */
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
	"flows", "announces"
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

int cmd_merge(int argc, char **argv)
{
	const char *format = "text", *output = NULL, *index = NULL, *baseline = NULL;
	char tmpdb[PATH_MAX] = "";
	struct report_opts ro = { 0 };
	sqlite3 *db = NULL;
	int first, i, rc = 2;
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
	if (output && report_check_output(output))
		return 2;
	if (!index) {
		snprintf(tmpdb, sizeof(tmpdb), "/tmp/ioguard-merge.%d.db", (int)getpid());
		index = tmpdb;
	}
	unlink(index);
	if (sqlite3_open(index, &db) || copy_schema(db, argv[first])) {
		fprintf(stderr, "ioguard: merge: cannot create index '%s'\n", index);
		goto out;
	}
	for (i = first; i < argc; i++)
		if (attach_copy(db, argv[i], i == first))
			goto out;
	ro.format = report_format(format);
	ro.output = output;
	ro.baseline = baseline;
	rc = report_write(db, &ro);
out:
	sqlite3_close(db);
	if (tmpdb[0])
		unlink(tmpdb);
	return rc;
}
