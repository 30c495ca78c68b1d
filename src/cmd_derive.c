// SPDX-License-Identifier: GPL-2.0
/*
 * derive: the device-memory derivation (audit_derive.c) over facts files
 * that ioguard-sparse --ioguard-facts wrote, without a kernel tree: an
 * index in memory, one unit per file. What the checker fixtures use to
 * test flows across units, and a way to look at a few units' flows.
 *
 * Prints the derived list, then every finding (the units' own and the
 * derived ones) gcc style. Exit: 0 no finding, 1 findings, 2 an error.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "audit.h"
#include "audit_derive.h"
#include "ioguard.h"

static const char usage[] =
	"usage: ioguard derive [--spec FILE] [--tree DIR] FACTS...\n"
	"FACTS: files ioguard-sparse --ioguard-facts=FILE wrote (one unit each).\n";

/* The findings, the units' own and the derived ones, sorted. */
static int print_findings(sqlite3 *db)
{
	sqlite3_stmt *st;
	int n = 0;

	if (sqlite3_prepare_v2(db, "SELECT DISTINCT file, line, col, message, check_name FROM "
			       "(SELECT * FROM findings UNION ALL SELECT * FROM temp.derived_findings) "
			       "ORDER BY file, line, col, check_name, message", -1, &st, NULL))
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		printf("%s:%d:%d: warning: %s [ioguard-%s]\n", sqlite3_column_text(st, 0),
		       sqlite3_column_int(st, 1), sqlite3_column_int(st, 2),
		       sqlite3_column_text(st, 3), sqlite3_column_text(st, 4));
		n++;
	}
	sqlite3_finalize(st);
	return n;
}

int cmd_derive(int argc, char **argv)
{
	const char *spec = NULL, *tree = ".";
	static struct audit a;
	char real[PATH_MAX];
	int first, i, rc = 2, n;
	const struct cli_opt opts[] = { { "--spec", &spec }, { "--tree", &tree }, { NULL } };

	first = parse_options(argc, argv, opts);
	for (i = first; i < argc && argv[i][0] != '-'; i++)
		;
	if (first == argc || i < argc) {
		fputs(usage, stderr);
		return 2;
	}
	if (!realpath(tree, real) || load_spec("derive", &a.spec, spec))
		return 2;
	a.tree = real;
	a.arch = "-";
	a.checker = "-";
	if (index_open(&a, ":memory:") || index_set_meta(&a))
		return 2;
	for (i = first; i < argc; i++) {
		struct unit u = { .rel = argv[i] };

		if (index_ingest(&a, &u, argv[i])) {
			fprintf(stderr, "ioguard: derive: '%s' is not a complete facts file\n", argv[i]);
			goto out;
		}
	}
	if (derive_list(a.db, stdout) || derive_findings(a.db) || (n = print_findings(a.db)) < 0) {
		fprintf(stderr, "ioguard: derive: %s\n", sqlite3_errmsg(a.db));
		goto out;
	}
	rc = n ? 1 : 0;
out:
	index_close(&a);
	return rc;
}
