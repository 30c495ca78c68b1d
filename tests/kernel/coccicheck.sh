#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The rendered scripts (build/cocci/) through the kernel's own
# `make coccicheck`, over a whole Debian tree, as a kernel developer runs
# them:
#  - MODE=report with each script finishes, and its findings in the code
#    insert looks at (the tree less Documentation, tools, scripts,
#    samples and other arches' arch/ directories; .c files and io.h) are
#    exactly `ioguard insert --mode report`'s;
#  - MODE=patch with each script adds exactly the lines insert's patch
#    adds, but for the two things insert adds itself: the declarations in
#    <linux/io.h> and the unmap hook's weak default (unmap_hook.cocci puts
#    it where the map hook's already is, which a pristine tree lacks);
#  - with FULL=1 also MODE=context and MODE=org: no crash, and as many
#    places as report mode;
#  - the tree is left untouched.
# Findings in code insert does not look at (other arches) are printed.
# usage: coccicheck.sh VERSION ARCH. Ends with "coccicheck-VER-ARCH: N passed, N failed".
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
ver=$1 arch=$2
export IOGUARD="${IOGUARD:-$top/build/ioguard}"
. "$top/src/sh/arch-env.sh"
name=coccicheck-$ver-$arch pass=0 fail=0
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
ok() { echo "ok   $name: $1"; pass=$((pass + 1)); }
ko() { echo "FAIL $name: $1"; fail=$((fail + 1)); }
finish() { echo "$name: $pass passed, $fail failed"; exit $([ $fail -eq 0 ]); }

tree=$("$top/src/sh/fetch-kernel.sh" "$ver") || { ko "fetch"; finish; }
scripts="hook_decls map_hook unmap_hook"
touch "$tmp/stamp"
ls -AR "$tree" > "$tmp/entries.before"

# spatch's parallel mode keeps its temporaries in the current directory,
# the cached tree, unless told otherwise (a run killed half way left them)
coccicheck() {	# SCRIPT MODE: the kernel's coccicheck over the whole tree
	(cd "$tree" && make -s coccicheck COCCI="$top/build/cocci/$1.cocci" MODE="$2" \
		ARCH="$karch" J=2 SPFLAGS="--python /usr/bin/python3 --tmp-dir $tmp/spatch-") \
		>"$tmp/$1.$2" 2>"$tmp/$1.$2.err"
}

# "path:line" of each [ioguard-...] line (report) or TODO item (org).
places() { sed -n -e 's|^\./||' -e 's|^\([^: ]*:[0-9]*\):.*\[ioguard-.*|\1|p' \
	-e 's|^\* TODO \[\[view:\(\./\)\{0,1\}\([^:]*\)::face=[^:]*::linb=\([0-9]*\)::.*|\2:\3|p' "$@" | sort -u; }
# Keep what insert looks at.
insert_scope() { awk -F '[:\t]' -v a="arch/$srcarch/" '($1 !~ /^arch\// || index($1, a) == 1) &&
	$1 !~ /^(Documentation|tools|scripts|samples)\// && ($1 ~ /\.c$/ || $1 == "include/linux/io.h")'; }

for s in $scripts; do
	start=$(date +%s)
	if coccicheck "$s" report; then
		ok "MODE=report with $s.cocci finishes ($(($(date +%s) - start)) s, $(grep -c 'ioguard-' "$tmp/$s.report") findings)"
	else
		ko "MODE=report with $s.cocci failed: $(tail -n 3 "$tmp/$s.report.err")"
	fi
done

"$IOGUARD" insert --tree "$tree" --arch "$arch" --mode report >"$tmp/insert.report" 2>"$tmp/insert.err" ||
	ko "insert --mode report failed: $(tail -n 2 "$tmp/insert.err")"
places "$tmp/insert.report" > "$tmp/insert.places"
places $(for s in $scripts; do echo "$tmp/$s.report"; done) > "$tmp/cc.all"
insert_scope < "$tmp/cc.all" > "$tmp/cc.places"
if [ -s "$tmp/insert.places" ] && cmp -s "$tmp/insert.places" "$tmp/cc.places"; then
	ok "coccicheck reports what insert --mode report does ($(wc -l < "$tmp/cc.places") places)"
else
	ko "coccicheck and insert --mode report differ:"; diff "$tmp/insert.places" "$tmp/cc.places" | sed 's/^/	/'
fi
grep -vxF -f "$tmp/cc.places" "$tmp/cc.all" | sed "s/^/     beyond insert's scope: /"

# Patch mode: the added lines, per file, each statement on one line:
# insert wraps the map hook's long calls as checkpatch wants (and puts a
# function's brace on its own line), Coccinelle's own output does not.
added() {
	awk '/^\+\+\+ /{ f = $2; sub(/^[ab]\//, "", f); next }
	/^\+/ {
		t = substr($0, 2)
		if (held != "") { sub(/^[ \t]+/, "", t); t = held " " t }
		if (gsub(/\(/, "(", t) > gsub(/\)/, ")", t)) { held = t; next }
		held = ""
		if (t ~ /\)\{$/) { sub(/\{$/, "", t); print f "\t+" t; t = "{" }
		print f "\t+" t
	}' "$@"
}
"$IOGUARD" insert --tree "$tree" --arch "$arch" -o "$tmp/insert.patch" 2>>"$tmp/insert.err" ||
	ko "insert failed: $(tail -n 2 "$tmp/insert.err")"
for s in $scripts; do
	coccicheck "$s" patch || ko "MODE=patch with $s.cocci failed: $(tail -n 3 "$tmp/$s.patch.err")"
done
added $(for s in $scripts; do echo "$tmp/$s.patch"; done) | insert_scope | sort > "$tmp/cc.added"
added "$tmp/insert.patch" > "$tmp/insert.added"
# What insert adds itself: io.h's declarations, the unmap hook's body.
hu=$(awk '$1 == "hook-unmap" { print $2 }' "$top/build/cocci/spec")
grep -v "^include/linux/io.h	" "$tmp/insert.added" |
	awk -v hu="$hu" -F '\t' '$2 ~ "^\\+void (__weak )?" hu "\\(" { skip = 1 } skip { skip = $2 != "+}"; next } { print }' |
	sort | grep -vxF -f "$tmp/cc.added" > "$tmp/only-insert"
grep -vxF -f "$tmp/insert.added" "$tmp/cc.added" > "$tmp/only-cc"
if [ -s "$tmp/insert.added" ] && [ ! -s "$tmp/only-insert" ] && [ ! -s "$tmp/only-cc" ]; then
	ok "MODE=patch adds what insert's patch adds ($(wc -l < "$tmp/cc.added") lines)"
else
	ko "MODE=patch and insert's patch differ:"
	sed 's/^/	only insert: /' "$tmp/only-insert"; sed 's/^/	only coccicheck: /' "$tmp/only-cc"
fi

if [ "${FULL:-0}" = 1 ]; then
	for s in $scripts; do
		for m in context org; do
			coccicheck "$s" "$m" || { ko "MODE=$m with $s.cocci failed"; continue; }
			if [ $m = org ]; then n=$(places "$tmp/$s.org" | wc -l); else n=$(grep -c '^+++ ' "$tmp/$s.$m"); fi
			want=$(places "$tmp/$s.report" | wc -l)
			[ $m = context ] && want=$(places "$tmp/$s.report" | cut -d: -f1 | sort -u | wc -l)
			[ "$n" -eq "$want" ] && ok "MODE=$m with $s.cocci: $n, as report mode" ||
				ko "MODE=$m with $s.cocci: $n, report mode $want"
		done
	done
fi

# Files, and the list of entries (kbuild makes and removes a temporary at
# the top, which moves that directory's mtime and nothing else).
changed=$(find "$tree" -newer "$tmp/stamp" ! -type d | head -n 5)
ls -AR "$tree" | cmp -s - "$tmp/entries.before" || changed="$changed (entries added or removed)"
[ -z "$changed" ] && ok "the tree is untouched" || ko "coccicheck changed the tree: $changed"
finish
