#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# ioguard insert: run the Coccinelle scripts over the files of a kernel
# tree that can map MMIO, on a scratch copy, and write one unified diff
# (patch mode), or print what they find (report, context, org).
#
# usage: insert.sh TREE ARCH MODE OUT|- INPLACE(0|1) JOBS WORK
# OUT: where patch mode puts the diff (`ioguard insert` passes a file in
# WORK and writes -o FILE itself, whole or not at all), - for stdout.
# WORK is the run's scratch directory; `ioguard insert` has rendered the
# scripts for the run's spec into WORK/cocci/, with WORK/cocci/spec (the
# spec normalised) and WORK/cocci/hook-decls.h beside them. Every name
# used here comes from those files.
#
# Which files: those that call a primitive or a fixmap setter, or define a
# map or unmap entry point (a line starting at column 0 that names it), or
# declare the hooks (include/linux/io.h); arch/ only for ARCH. Naming them
# up front is what keeps a whole-tree run at seconds: spatch with
# script-constrained identifiers cannot skip files by token.
#
# Coccinelle skips code it cannot parse without a word; the runs here keep
# its parse messages and name every file and function that failed, on
# stderr, so that a clean result is never silently a false negative.
set -u
me=insert
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
arch=$2 mode=$3 out=$4 inplace=$5 jobs=$6
tree=$(cd "$1" && pwd) || die "cannot read tree '$1'"
work=$(cd "$7" && pwd) || die "no scratch directory '$7'"
cocci=$work/cocci
. "$here/arch-env.sh"

names() { awk -v k="$1" '$1 == k { printf "%s%s", sep, $2; sep = "|" }' "$cocci/spec"; }
calls="$(names primitive)|$(names fixmap)"
defs="$(names entry-map)|$(names entry-unmap)"

# Candidate files, relative to the tree. A directory grep cannot read
# would be a silent false negative: an error instead.
(cd "$tree" && grep -rlE --include='*.c' \
	-e "\\b($calls)[[:space:]]*\\(" \
	-e "^[^[:space:]#/*].*\\b($defs)[[:space:]]*\\(" \
	--exclude-dir=Documentation --exclude-dir=tools --exclude-dir=scripts \
	--exclude-dir=samples --exclude-dir=arch . ;
 [ -d "arch/$srcarch" ] && grep -rlE --include='*.c' \
	-e "\\b($calls)[[:space:]]*\\(" \
	-e "^[^[:space:]#/*].*\\b($defs)[[:space:]]*\\(" "arch/$srcarch" ;
 echo include/linux/io.h) 2>"$work/grep.err" | sed 's|^\./||' | sort -u > "$work/files"
[ ! -s "$work/grep.err" ] || die "cannot read all of $tree: $(head -n 1 "$work/grep.err")"
nfiles=$(wc -l < "$work/files")

while read -r f; do
	mkdir -p "$work/a/$(dirname "$f")" "$work/b/$(dirname "$f")"
	cp "$tree/$f" "$work/a/$f" && cp "$tree/$f" "$work/b/$f" || die "cannot copy $f from $tree"
done < "$work/files"

# One group per file: no bindings leak from one file to the next.
(cd "$work" && sed 's|^|b/|; G' files) > "$work/groups"

cd "$work" || exit 2	# the groups name b/FILE
for script in hook_decls map_hook unmap_hook; do
	[ -f "$cocci/$script.cocci" ] || continue	# no unmap hook in the spec
	rc=0
	bounded SPATCH "spatch on $script.cocci" \
		spatch --python /usr/bin/python3 --sp-file "$cocci/$script.cocci" \
		-D "$mode" --no-includes --include-headers --parse-error-msg \
		--jobs "$jobs" --file-groups groups \
		$( [ "$mode" = patch ] && echo --in-place ) \
		>"$work/$script.out" 2>"$work/$script.err" || rc=$?
	[ $rc -ne 124 ] || exit 2
	# spatch exits 0 after a failing script rule; its message says so.
	grep -q '^Error in Python script\|^Python failure' "$work/$script.err" && rc=3
	if [ $rc -ne 0 ]; then
		why=$(grep -v '^HANDLING\|^init_defs\|^bad:\|^BAD:\|^badcount\|^parse error\|^ = \|^$' "$work/$script.err" | head -n 1)
		die "spatch failed on $script.cocci (exit $rc)${why:+: $why}"
	fi
	[ "$mode" = patch ] || sed -e "s|^b/||" -e "s|view:b/|view:|" "$work/$script.out" ||
		die "cannot write standard output"
done

# Parse failures, from the messages of every script's run (each parses
# only the files that name its tokens): "parse error" after HANDLING:
# FILE, then the bad lines; one line per file, whichever script saw it.
awk '
/^HANDLING: / { file = $2; sub(/^b\//, "", file); next }
/^parse error/ { nfail[file]++; pending = file; next }
/^(bad|BAD:!!!!!): [A-Za-z_]/ && pending != "" {
	# the first line of a definition: at column 0, no trailing semicolon
	line = $0; sub(/^[^:]*: /, "", line)
	if (line ~ /;[ \t]*$/ || line !~ /[A-Za-z0-9_]+\(/) next
	fn = ""; rest = line
	while (match(rest, /[A-Za-z0-9_]+\(/)) { fn = substr(rest, RSTART, RLENGTH - 1); rest = substr(rest, RSTART + RLENGTH) }
	if (fn ~ /^[A-Z0-9_]+$/ || fn ~ /^__(alias|attribute__|section|printf)$/) fn = ""
	if (fn != "" && !((pending, fn) in seen)) { seen[pending, fn] = 1; funcs[pending] = funcs[pending] " " fn "()" }
}
END { for (f in nfail) printf "%s:%s\n", f, funcs[f] }
' "$work"/*.err | sort > "$work/parse-failures"
nfail=$(wc -l < "$work/parse-failures")
while IFS=: read -r f fns; do
	echo "ioguard: insert: $f: Coccinelle could not parse${fns:- part of the file}; not checked there" >&2
done < "$work/parse-failures"
echo "ioguard: insert: $nfiles files scanned, $nfail with parse failures" >&2

[ "$mode" = patch ] || exit 0

# Map hook calls in if conditions, which spatch leaves on one line.
hm=$(names hook-map)
while read -r f; do
	if grep -q "\\b$hm(" "$work/b/$f" 2>/dev/null; then
		awk -v hook="$hm" -f "$(dirname "$0")/reflow-hook-calls.awk" "$work/b/$f" > "$work/reflow" &&
			cat "$work/reflow" > "$work/b/$f"
	fi
done < "$work/files"

# The declarations in <linux/io.h> (hook-decls.h, written by C from the
# spec): after the prototype of the first map entry point io.h declares.
# Done here, not in hook_decls.cocci: Coccinelle 1.1.1 adds nothing after
# a top-level prototype in a header (measured; docs/cocci.md).
hm=$(names hook-map)
io=$work/b/include/linux/io.h
if [ -f "$io" ] && ! grep -q "\\b$hm(" "$io"; then
	awk -v entries="^[a-z].*[ *]($(names entry-map))\\(" -v decls="$cocci/hook-decls.h" '
	{ print }
	!done && $0 ~ entries { want = 1 }
	want && /;[[:space:]]*$/ {
		while ((getline line < decls) > 0) print line
		want = 0; done = 1
	}' "$io" > "$io.new" && mv "$io.new" "$io"
fi

(cd "$work" && diff -ruN a b) > "$work/diff"
[ $? -le 1 ] || exit 2
sed -i -E -e 's|^diff -ruN a/(.*) b/.*|diff --git a/\1 b/\1|' \
	-e 's/^(---|\+\+\+) ([^\t]*)\t.*/\1 \2/' "$work/diff"
if [ "$inplace" = 1 ]; then
	rc=0
	bounded OTHER "patch --in-place" patch -d "$tree" -p1 --no-backup-if-mismatch -s \
		-i "$work/diff" || rc=$?
	[ $rc -eq 0 ] || or_die $rc "the patch does not apply to $tree"
	echo "ioguard: insert: $(grep -c '^+++ ' "$work/diff") files rewritten in $tree" >&2
elif [ "$out" = - ]; then
	cat "$work/diff" || die "cannot write standard output"
else
	mv "$work/diff" "$out" || die "cannot move the patch to $out"
fi
exit 0
