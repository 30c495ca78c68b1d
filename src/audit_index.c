// SPDX-License-Identifier: GPL-2.0
/*
 * The audit's index: one SQLite file per audit (or shard), holding each
 * checked unit's facts (checkers/core/facts.c) with paths relative to the
 * tree. A unit's facts replace its old ones in one transaction, so a run
 * killed half way leaves whole units only, and the next run redoes the
 * rest. Schema: docs/audit.md, "Index".
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "audit.h"
#include "ioguard.h"

#define SCHEMA_VERSION "1"

static const char schema[] =
	"CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);"
	"CREATE TABLE IF NOT EXISTS units(path TEXT PRIMARY KEY, args TEXT, state TEXT, reason TEXT);"
	"CREATE TABLE IF NOT EXISTS deps(unit TEXT, path TEXT);"
	"CREATE INDEX IF NOT EXISTS deps_path ON deps(path);"
	"CREATE INDEX IF NOT EXISTS deps_unit ON deps(unit);"
	"CREATE TABLE IF NOT EXISTS files(path TEXT PRIMARY KEY, mtime INTEGER, size INTEGER);"
	"CREATE TABLE IF NOT EXISTS fns(unit TEXT, name TEXT, file TEXT, line INTEGER, static INTEGER);"
	"CREATE INDEX IF NOT EXISTS fns_unit ON fns(unit);"
	"CREATE TABLE IF NOT EXISTS calls(unit TEXT, caller TEXT, callee TEXT, line INTEGER, callee_static INTEGER);"
	"CREATE INDEX IF NOT EXISTS calls_unit ON calls(unit);"
	"CREATE TABLE IF NOT EXISTS refs(unit TEXT, name TEXT, file TEXT, line INTEGER, in_fn TEXT);"
	"CREATE INDEX IF NOT EXISTS refs_unit ON refs(unit);"
	"CREATE TABLE IF NOT EXISTS roots(unit TEXT, name TEXT, kind TEXT, line INTEGER);"
	"CREATE INDEX IF NOT EXISTS roots_unit ON roots(unit);"
	"CREATE TABLE IF NOT EXISTS findings(unit TEXT, file TEXT, line INTEGER, col INTEGER,"
	" check_name TEXT, fn TEXT, message TEXT);"
	"CREATE INDEX IF NOT EXISTS findings_unit ON findings(unit);"
	/* what a check found in a function the spec exempts, and why it may */
	"CREATE TABLE IF NOT EXISTS exempt(unit TEXT, file TEXT, line INTEGER, col INTEGER,"
	" check_name TEXT, fn TEXT, reason TEXT, message TEXT);"
	"CREATE INDEX IF NOT EXISTS exempt_unit ON exempt(unit);"
	/* device memory as data flow (audit_derive.c, docs/devmem.md) */
	"CREATE TABLE IF NOT EXISTS flows(unit TEXT, fn TEXT, static INTEGER, file TEXT,"
	" line INTEGER, src TEXT, dst TEXT, cond TEXT);"
	"CREATE INDEX IF NOT EXISTS flows_unit ON flows(unit);"
	"CREATE TABLE IF NOT EXISTS announces(unit TEXT, fn TEXT, static INTEGER);"
	"CREATE INDEX IF NOT EXISTS announces_unit ON announces(unit);";

static const char *const unit_tables[] = { "deps", "fns", "calls", "refs", "roots", "findings",
					   "flows", "announces", "exempt" };

static const char *const state_names[] = {
	[UNIT_NEW] = "new", [UNIT_CHECKED] = "checked", [UNIT_ERROR] = "error",
	[UNIT_FAILED] = "failed", [UNIT_SKIPPED] = "skipped",
};

static int fail(struct audit *a, const char *what)
{
	fprintf(stderr, "ioguard: audit: index: %s: %s\n", what, sqlite3_errmsg(a->db));
	return -1;
}

static int exec(struct audit *a, const char *sql)
{
	char *err = NULL;

	if (sqlite3_exec(a->db, sql, NULL, NULL, &err) == SQLITE_OK)
		return 0;
	fprintf(stderr, "ioguard: audit: index: %s\n", err ? err : "error");
	sqlite3_free(err);
	return -1;
}

static sqlite3_stmt *prepare(struct audit *a, const char *sql)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(a->db, sql, -1, &st, NULL) != SQLITE_OK) {
		fail(a, sql);
		return NULL;
	}
	return st;
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

static int step_done(struct audit *a, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : fail(a, "write");
}

int index_begin(struct audit *a)
{
	return exec(a, "BEGIN IMMEDIATE");
}

int index_commit(struct audit *a)
{
	return exec(a, "COMMIT");
}

/*
 * The checker by its bytes, not its time and size: a checker rebuilt the
 * same (make, a fresh clone in CI) keeps the index, another one copied
 * over it with its time kept (cp -p, a cache restored) does not. 0: it
 * cannot be read (the audit then fails on running it).
 */
static unsigned long checker_hash(const char *path)
{
	static char buf[1 << 16];
	unsigned long h = FNV1A_INIT;
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		return 0;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		h = fnv1a(h, buf, n);
	if (ferror(f))
		h = 0;
	fclose(f);
	return h;
}

/*
 * What the facts depend on besides the units' files: the tree, the arch,
 * the spec, the frontend and its checker binary. When one changes, every
 * unit is new.
 */
static char *identity(struct audit *a)
{
	char *spec = NULL, *buf;
	size_t len = 0;
	FILE *m = open_memstream(&spec, &len);
	unsigned long h;

	spec_print(m, &a->spec);
	fclose(m);
	h = fnv1a(FNV1A_INIT, spec, len);
	free(spec);
	if (asprintf(&buf, "schema %s tree %s arch %s spec %016lx checker %016lx%s%s",
		     SCHEMA_VERSION, a->tree, a->arch, h, checker_hash(a->checker),
		     a->frontend && strcmp(a->frontend, "sparse") ? " frontend " : "",
		     a->frontend && strcmp(a->frontend, "sparse") ? a->frontend : "") < 0)
		return NULL;
	return buf;
}

static int clear_all(struct audit *a)
{
	size_t i;
	char sql[128];

	for (i = 0; i < sizeof(unit_tables) / sizeof(*unit_tables); i++) {
		snprintf(sql, sizeof(sql), "DELETE FROM %s", unit_tables[i]);
		if (exec(a, sql))
			return -1;
	}
	return exec(a, "DELETE FROM units; DELETE FROM files;");
}

static int check_identity(struct audit *a)
{
	sqlite3_stmt *st = prepare(a, "SELECT value FROM meta WHERE key = 'identity'");
	char *id = identity(a);
	bool same = false;
	int rc = -1;

	if (!st || !id)
		goto out;
	if (sqlite3_step(st) == SQLITE_ROW)
		same = !strcmp((const char *)sqlite3_column_text(st, 0), id);
	sqlite3_finalize(st);
	st = NULL;
	if (same) {
		rc = 0;
		goto out;
	}
	if (index_begin(a) || clear_all(a))
		goto out;
	st = prepare(a, "INSERT OR REPLACE INTO meta VALUES ('identity', ?), ('tree', ?), ('arch', ?)");
	if (!st)
		goto out;
	bind_text(st, 1, id);
	bind_text(st, 2, a->tree);
	bind_text(st, 3, a->arch);
	rc = step_done(a, st) || index_commit(a);
out:
	sqlite3_finalize(st);
	free(id);
	return rc;
}

int index_open(struct audit *a, const char *path)
{
	if (sqlite3_open_v2(path, &a->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)) {
		fprintf(stderr, "ioguard: audit: cannot open index '%s': %s\n", path,
			a->db ? sqlite3_errmsg(a->db) : "out of memory");
		return -1;
	}
	sqlite3_busy_timeout(a->db, 10000);
	if (exec(a, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;") ||
	    exec(a, schema) || check_identity(a)) {
		index_close(a);
		return -1;
	}
	return 0;
}

void index_close(struct audit *a)
{
	sqlite3_close(a->db);
	a->db = NULL;
}

/* What the report needs of the run: its depth, the spec's entry points. */
int index_set_meta(struct audit *a)
{
	sqlite3_stmt *st = prepare(a, "INSERT OR REPLACE INTO meta VALUES ('depth', ?), ('entries', ?), ('spec', ?)");
	char *entries = NULL, *spec = NULL;
	size_t len = 0, slen = 0;
	FILE *m = open_memstream(&entries, &len), *sm = open_memstream(&spec, &slen);
	int i, rc;

	/* the whole spec, normalised: audit_derive.c reads the kinds */
	spec_print(sm, &a->spec);
	fclose(sm);
	for (i = 0; i < a->spec.nr; i++)
		if (a->spec.entries[i].kind == SPEC_ENTRY_MAP ||
		    a->spec.entries[i].kind == SPEC_ENTRY_UNMAP)
			fprintf(m, "%s%s", len ? " " : "", a->spec.entries[i].name), fflush(m);
	fclose(m);
	if (!st) {
		free(entries);
		free(spec);
		return -1;
	}
	sqlite3_bind_int(st, 1, a->depth);
	bind_text(st, 2, entries);
	bind_text(st, 3, spec);
	rc = step_done(a, st);
	sqlite3_finalize(st);
	free(entries);
	free(spec);
	return rc;
}

int index_drop_unit(struct audit *a, const char *rel)
{
	size_t i;
	char sql[128];
	sqlite3_stmt *st;

	for (i = 0; i < sizeof(unit_tables) / sizeof(*unit_tables); i++) {
		snprintf(sql, sizeof(sql), "DELETE FROM %s WHERE unit = ?", unit_tables[i]);
		st = prepare(a, sql);
		if (!st)
			return -1;
		bind_text(st, 1, rel);
		if (step_done(a, st)) {
			sqlite3_finalize(st);
			return -1;
		}
		sqlite3_finalize(st);
	}
	return 0;
}

int index_set_state(struct audit *a, struct unit *u)
{
	sqlite3_stmt *st = prepare(a, "INSERT OR REPLACE INTO units VALUES (?, ?, ?, ?)");
	int rc;

	if (!st)
		return -1;
	bind_text(st, 1, u->rel);
	bind_text(st, 2, u->args);
	bind_text(st, 3, state_names[u->state]);
	bind_text(st, 4, u->reason);
	rc = step_done(a, st);
	sqlite3_finalize(st);
	return rc;
}

int index_set_roots(struct audit *a, struct unit *u)
{
	sqlite3_stmt *st = prepare(a, "INSERT INTO roots VALUES (?, ?, ?, ?)");
	int i, rc = 0;

	if (!st)
		return -1;
	for (i = 0; i < u->nroots && !rc; i++) {
		bind_text(st, 1, u->rel);
		bind_text(st, 2, a->names.names[u->roots[i].name]);
		bind_text(st, 3, root_kind_name(u->roots[i].kind));
		sqlite3_bind_int(st, 4, u->roots[i].line);
		rc = step_done(a, st);
	}
	sqlite3_finalize(st);
	return rc;
}

static enum unit_state state_of(const char *name)
{
	int i;

	for (i = 0; i < (int)(sizeof(state_names) / sizeof(*state_names)); i++)
		if (state_names[i] && !strcmp(state_names[i], name))
			return i;
	return UNIT_NEW;
}

/* Files whose stamp differs from the one recorded at their unit's check. */
static int changed_files(struct audit *a)
{
	sqlite3_stmt *sel, *ins;
	struct stat st;
	int rc = 0;

	if (exec(a, "CREATE TEMP TABLE IF NOT EXISTS changed(path TEXT PRIMARY KEY);"
		    "DELETE FROM changed"))
		return -1;
	sel = prepare(a, "SELECT path, mtime, size FROM files");
	ins = prepare(a, "INSERT INTO changed VALUES (?)");
	if (!sel || !ins)
		rc = -1;
	while (!rc && sqlite3_step(sel) == SQLITE_ROW) {
		const char *path = (const char *)sqlite3_column_text(sel, 0);
		char full[4096];

		snprintf(full, sizeof(full), "%s%s%s", path[0] == '/' ? "" : a->tree,
			 path[0] == '/' ? "" : "/", path);
		if (!stat(full, &st) && st.st_mtim.tv_sec == sqlite3_column_int64(sel, 1) &&
		    st.st_size == sqlite3_column_int64(sel, 2))
			continue;
		bind_text(ins, 1, path);
		rc = step_done(a, ins);
	}
	sqlite3_finalize(sel);
	sqlite3_finalize(ins);
	return rc;
}

int index_sync_units(struct audit *a)
{
	sqlite3_stmt *st;
	struct intern known = { 0 };
	char **args = NULL, **states = NULL;
	int i, id, rc = -1;

	if (index_begin(a) || changed_files(a))
		return -1;
	/* what the index holds of each unit */
	st = prepare(a, "SELECT path, args, state, "
			"EXISTS (SELECT 1 FROM deps d JOIN changed c ON d.path = c.path WHERE d.unit = u.path) "
			"FROM units u");
	if (!st)
		goto out;
	while (sqlite3_step(st) == SQLITE_ROW) {
		id = intern(&known, (const char *)sqlite3_column_text(st, 0));
		args = realloc(args, known.nr * sizeof(*args));
		states = realloc(states, known.nr * sizeof(*states));
		args[id] = strdup((const char *)sqlite3_column_text(st, 1));
		/* a unit whose files changed is new again */
		states[id] = strdup(sqlite3_column_int(st, 3) ? "new" :
				    (const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
	for (i = 0; i < a->nunits; i++) {
		struct unit *u = &a->units[i];

		id = intern_lookup(&known, u->rel);
		u->state = id >= 0 && !strcmp(args[id], u->args) ? state_of(states[id]) : UNIT_NEW;
		if (id >= 0)
			states[id][0] = '\0';	/* seen */
		u->dirty = u->selected && (u->state == UNIT_NEW || u->state == UNIT_FAILED ||
					   u->state == UNIT_SKIPPED);
		if (!u->selected && u->state != UNIT_SKIPPED) {
			u->state = UNIT_SKIPPED;
			if (index_drop_unit(a, u->rel) || index_set_state(a, u))
				goto out;
		}
	}
	/* units this run does not list (another config, another shard) */
	for (id = 0; id < known.nr; id++) {
		if (!states[id][0])
			continue;
		st = prepare(a, "DELETE FROM units WHERE path = ?");
		if (!st)
			goto out;
		bind_text(st, 1, known.names[id]);
		if (step_done(a, st) || index_drop_unit(a, known.names[id])) {
			sqlite3_finalize(st);
			goto out;
		}
		sqlite3_finalize(st);
	}
	rc = index_set_meta(a) || index_commit(a);
out:
	for (id = 0; id < known.nr; id++) {
		free(args[id]);
		free(states[id]);
	}
	free(args);
	free(states);
	intern_free(&known);
	if (rc)
		exec(a, "ROLLBACK");
	return rc;
}

/* Split a facts line at tabs, in place. */
static int fields(char *line, char **f, int max)
{
	int n = 0;

	while (n < max) {
		f[n++] = line;
		line = strchr(line, '\t');
		if (!line)
			break;
		*line++ = '\0';
	}
	return n;
}

struct ingest {
	sqlite3_stmt *dep, *file, *fn, *call, *ref, *finding, *exempt;
	sqlite3_stmt *flow, *announce;
};

static void ingest_free(struct ingest *in)
{
	sqlite3_finalize(in->dep);
	sqlite3_finalize(in->file);
	sqlite3_finalize(in->fn);
	sqlite3_finalize(in->call);
	sqlite3_finalize(in->ref);
	sqlite3_finalize(in->finding);
	sqlite3_finalize(in->exempt);
	sqlite3_finalize(in->flow);
	sqlite3_finalize(in->announce);
}

static int ingest_line(struct audit *a, struct ingest *in, struct unit *u,
		       char *line, bool *error)
{
	char *f[8];
	int n = fields(line, f, 8);	/* flow has 8 fields: the most */
	struct stat st;

	if (!strcmp(f[0], "dep") && n == 2) {
		bind_text(in->dep, 1, u->rel);
		bind_text(in->dep, 2, tree_relative(a, f[1]));
		if (step_done(a, in->dep))
			return -1;
		if (stat(f[1], &st))
			return 0;
		bind_text(in->file, 1, tree_relative(a, f[1]));
		sqlite3_bind_int64(in->file, 2, st.st_mtim.tv_sec);
		sqlite3_bind_int64(in->file, 3, st.st_size);
		return step_done(a, in->file);
	}
	if (!strcmp(f[0], "fn") && n == 5) {
		bind_text(in->fn, 1, u->rel);
		bind_text(in->fn, 2, f[1]);
		bind_text(in->fn, 3, tree_relative(a, f[2]));
		sqlite3_bind_int(in->fn, 4, atoi(f[3]));
		sqlite3_bind_int(in->fn, 5, atoi(f[4]));
		return step_done(a, in->fn);
	}
	if (!strcmp(f[0], "call") && n == 5) {
		bind_text(in->call, 1, u->rel);
		bind_text(in->call, 2, f[1]);
		bind_text(in->call, 3, f[2]);
		sqlite3_bind_int(in->call, 4, atoi(f[3]));
		sqlite3_bind_int(in->call, 5, atoi(f[4]));
		return step_done(a, in->call);
	}
	if (!strcmp(f[0], "ref") && n == 5) {
		bind_text(in->ref, 1, u->rel);
		bind_text(in->ref, 2, f[1]);
		bind_text(in->ref, 3, tree_relative(a, f[2]));
		sqlite3_bind_int(in->ref, 4, atoi(f[3]));
		bind_text(in->ref, 5, f[4]);
		return step_done(a, in->ref);
	}
	if (!strcmp(f[0], "exempt") && n == 8) {
		bind_text(in->exempt, 1, u->rel);
		bind_text(in->exempt, 2, tree_relative(a, f[1]));
		sqlite3_bind_int(in->exempt, 3, atoi(f[2]));
		sqlite3_bind_int(in->exempt, 4, atoi(f[3]));
		bind_text(in->exempt, 5, f[4]);
		bind_text(in->exempt, 6, f[5]);
		bind_text(in->exempt, 7, f[6]);
		bind_text(in->exempt, 8, f[7]);
		return step_done(a, in->exempt);
	}
	if (!strcmp(f[0], "finding") && n == 7) {
		u->nfindings++;
		bind_text(in->finding, 1, u->rel);
		bind_text(in->finding, 2, tree_relative(a, f[1]));
		sqlite3_bind_int(in->finding, 3, atoi(f[2]));
		sqlite3_bind_int(in->finding, 4, atoi(f[3]));
		bind_text(in->finding, 5, f[4]);
		bind_text(in->finding, 6, f[5]);
		bind_text(in->finding, 7, f[6]);
		return step_done(a, in->finding);
	}
	if (!strcmp(f[0], "flow") && n == 8) {
		bind_text(in->flow, 1, u->rel);
		bind_text(in->flow, 2, f[1]);
		sqlite3_bind_int(in->flow, 3, atoi(f[2]));
		bind_text(in->flow, 4, tree_relative(a, f[3]));
		sqlite3_bind_int(in->flow, 5, atoi(f[4]));
		bind_text(in->flow, 6, f[5]);
		bind_text(in->flow, 7, f[6]);
		bind_text(in->flow, 8, tree_relative(a, f[7]));	/* FILE:LINE or - */
		return step_done(a, in->flow);
	}
	if (!strcmp(f[0], "announce") && n == 3) {
		bind_text(in->announce, 1, u->rel);
		bind_text(in->announce, 2, f[1]);
		sqlite3_bind_int(in->announce, 3, atoi(f[2]));
		return step_done(a, in->announce);
	}
	if (!strcmp(f[0], "status") && n == 2)
		*error = strcmp(f[1], "ok");
	return 0;
}

/*
 * Replace u's facts with the facts file's, in one transaction. A facts
 * file without its closing "end" is a unit the checker did not finish:
 * nothing of it is kept. Returns 1 for an incomplete file.
 */
int index_ingest(struct audit *a, struct unit *u, const char *facts)
{
	struct ingest in = { 0 };
	size_t len;
	char *text = read_file(facts, &len), *line, *nl;
	bool error = false;
	int rc = -1;

	if (!text || len < 4 || strcmp(text + len - 4, "end\n") ||
	    strncmp(text, "ioguard-facts\t1\n", 16)) {
		free(text);
		return 1;
	}
	in.dep = prepare(a, "INSERT INTO deps VALUES (?, ?)");
	in.file = prepare(a, "INSERT OR REPLACE INTO files VALUES (?, ?, ?)");
	in.fn = prepare(a, "INSERT INTO fns VALUES (?, ?, ?, ?, ?)");
	in.call = prepare(a, "INSERT INTO calls VALUES (?, ?, ?, ?, ?)");
	in.ref = prepare(a, "INSERT INTO refs VALUES (?, ?, ?, ?, ?)");
	in.finding = prepare(a, "INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?)");
	in.exempt = prepare(a, "INSERT INTO exempt VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
	in.flow = prepare(a, "INSERT INTO flows VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
	in.announce = prepare(a, "INSERT INTO announces VALUES (?, ?, ?)");
	if (!in.dep || !in.file || !in.fn || !in.call || !in.ref || !in.finding || !in.exempt ||
	    !in.flow || !in.announce || index_begin(a))
		goto out;
	if (index_drop_unit(a, u->rel))
		goto rollback;
	u->nfindings = 0;
	for (line = text + 16; *line; line = nl + 1) {
		nl = strchr(line, '\n');
		if (!nl)
			break;
		*nl = '\0';
		if (ingest_line(a, &in, u, line, &error))
			goto rollback;
	}
	u->state = error ? UNIT_ERROR : UNIT_CHECKED;
	if (index_set_roots(a, u) || index_set_state(a, u) || index_commit(a))
		goto rollback;
	rc = 0;
	goto out;
rollback:
	exec(a, "ROLLBACK");
out:
	ingest_free(&in);
	free(text);
	return rc;
}
