#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The checks' meaning for the reports: each CHECK(id) of checks.def with
# its row of docs/checker.md's table of checks, as C strings.
# usage: embed-docs.sh checks.def checker.md > check_docs.c
# Fails (and so does the build) when a check has no row.
set -eu
awk '
FNR == NR {
	if (match($0, /^CHECK\([a-z_]+\)/)) {
		id = substr($0, 7, RLENGTH - 7)
		gsub(/_/, "-", id)
		order[++n] = id
	}
	next
}
/^\| `[a-z-]+` \|/ {
	split($0, col, / \| /)
	name = col[1]; sub(/^\| `/, "", name); sub(/`$/, "", name)
	where = col[3]; sub(/ \|$/, "", where)
	when[name] = col[2]; place[name] = where
}
function cstr(s) {
	gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s)
	return "\"" s "\""
}
END {
	print "/* Generated from checkers/checks.def and docs/checker.md by checkers/embed-docs.sh. */"
	print "#include <stddef.h>"
	print "#include \"check_docs.h\""
	print ""
	print "const struct check_doc check_docs[] = {"
	for (i = 1; i <= n; i++) {
		if (!(order[i] in when)) {
			print "embed-docs: check " order[i] " has no row in the table of checks" > "/dev/stderr"
			exit 1
		}
		print "\t{ " cstr(order[i]) ", " cstr(when[order[i]]) ", " cstr(place[order[i]]) " },"
	}
	print "\t{ NULL, NULL, NULL }"
	print "};"
}' "$1" "$2"
