#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The Coccinelle scripts, rendered for the built-in spec (build/cocci/,
# written by make), on small kernel-style inputs: for each NAME.c,
# patch mode (map_hook.cocci then unmap_hook.cocci; hook_decls.cocci,
# which needs a tree's io.h and vmalloc.c, is tested on the real trees by
# kernel/insert) must produce NAME.expected.c; a second run on that output
# must change nothing; and report mode on NAME.c must print one
# [ioguard-...] line per function the expected output changes.
# Ends with "cocci: N passed, N failed".
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
cocci=$top/build/cocci
pass=0 fail=0
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
ok() { echo "ok   $1"; pass=$((pass + 1)); }
ko() { echo "FAIL $1"; fail=$((fail + 1)); }

spatch_all() {	# MODE FILE: run the scripts on FILE (in place in patch mode)
	for s in map_hook unmap_hook; do
		spatch --python /usr/bin/python3 --sp-file "$cocci/$s.cocci" -D "$1" \
			--no-includes --very-quiet $( [ "$1" = patch ] && echo --in-place ) "$2" 2>&1
	done
	# insert wraps the hook calls spatch leaves on one line
	[ "$1" = patch ] || return 0
	awk -v hook=ioremap_page_range_hook -f "$top/src/sh/reflow-hook-calls.awk" "$2" >"$2.reflow" &&
		cat "$2.reflow" >"$2" && rm -f "$2.reflow"
}

for input in "$here"/*.c; do
	case $input in *.expected.c) continue ;; esac
	name=$(basename "$input" .c)
	cp "$input" "$tmp/$name.c"
	spatch_all patch "$tmp/$name.c" >"$tmp/log"
	if diff -u "$here/$name.expected.c" "$tmp/$name.c" >"$tmp/diff"; then
		ok "$name: patch mode gives the expected code"
	else
		ko "$name: patch mode differs from $name.expected.c"; sed 's/^/	/' "$tmp/diff" | head -n 30
	fi
	cp "$tmp/$name.c" "$tmp/$name.again.c"
	spatch_all patch "$tmp/$name.again.c" >/dev/null
	cmp -s "$tmp/$name.c" "$tmp/$name.again.c" && ok "$name: a second run changes nothing" ||
		ko "$name: a second run changed the output"
	# One finding per function the patch changes (hook-decl lines aside).
	want=$(diff "$input" "$here/$name.expected.c" | grep -c '^>.*_hook(')
	got=$(spatch_all report "$input" | grep -v 'ioguard-hook-decl\|ioguard-hook-result' | grep -c '\[ioguard-')
	[ "$got" -eq "$want" ] && ok "$name: report mode names the $want unhooked places" ||
		ko "$name: report mode gave $got findings, want $want"
done
# A map hook call that drops its result (isa_map() in assign-and-hooked.c,
# written when the hook was void) is reported, once.
n=$(spatch_all report "$here/assign-and-hooked.c" | grep -c 'isa_map() ignores the result of ioremap_page_range_hook().*\[ioguard-hook-result\]')
[ "$n" -eq 1 ] && ok "report mode names the hook call whose result is dropped" ||
	ko "report mode gave $n hook-result findings for isa_map(), want 1"
# The area lookup warns and returns: only in a void entry point.
cp "$here/nonvoid/iounmap-int.c" "$tmp/nonvoid.c"
spatch_all patch "$tmp/nonvoid.c" >"$tmp/log"
n=$(spatch_all report "$here/nonvoid/iounmap-int.c" | grep -c "iounmap.*\[ioguard-unhooked-unmap\]")
if cmp -s "$here/nonvoid/iounmap-int.c" "$tmp/nonvoid.c" && [ "$n" -eq 1 ]; then
	ok "an int iounmap(): patch mode leaves it alone, report mode names it"
else
	ko "an int iounmap(): $n report findings, want 1; patch mode:"
	diff "$here/nonvoid/iounmap-int.c" "$tmp/nonvoid.c" | sed 's/^/	/'
fi
# A spec whose names all differ from the built-in one (custom/custom.spec)
# reaches the rendered scripts, insert's file choice, its patch and its
# report, and the checker, and the built-in names reach none of them.
spec=$here/custom/custom.spec ioguard=$top/build/ioguard
"$ioguard" cocci --spec "$spec" -o "$tmp/custom-cocci"
if grep -q 'board_map_range' "$tmp/custom-cocci/map_hook.cocci" &&
   grep -q 'guard_announce' "$tmp/custom-cocci/map_hook.cocci" &&
   ! cat "$tmp/custom-cocci"/*.cocci | grep -v '^//' | grep -q 'vmap_page_range\|ioremap_page_range'; then
	ok "custom spec: the rendered scripts name its functions and no built-in one"
else
	ko "custom spec: the rendered scripts do not follow the spec"
fi
cp -r "$here/custom/tree" "$tmp/ctree"
"$ioguard" insert --tree "$tmp/ctree" --spec "$spec" --mode report 2>/dev/null > "$tmp/custom-out"
sed -e 's/WARNING: no default definition of [a-z_]*() beside \([a-z_]*\)()/WARNING: \1() /' "$tmp/custom-out" |
	sed -n 's/.*WARNING: \([a-z_]*\)() .*\[ioguard-\([a-z-]*\)\]$/\1 \2/p' | sort > "$tmp/custom-report"
printf '%s\n' "board_early_uart bypass" "board_ioremap hook-decl" "board_ioremap unhooked-map" \
	"board_iounmap unhooked-unmap" "board_map_window bypass" > "$tmp/custom-want"
cmp -s "$tmp/custom-report" "$tmp/custom-want" &&
	ok "custom spec: insert --mode report names the 5 places in its names" ||
	{ ko "custom spec: insert report:"; diff "$tmp/custom-want" "$tmp/custom-report" | sed 's/^/	/'; }
"$ioguard" insert --tree "$tmp/ctree" --spec "$spec" -o "$tmp/custom.patch" 2>/dev/null
[ "$(grep -c '^+.*guard_announce(' "$tmp/custom.patch")" -eq 5 ] &&
	grep -q '^+void guard_withdraw(phys_addr_t phys_addr, size_t size);' "$tmp/custom.patch" &&
	! grep -q 'ioremap_page_range_hook' "$tmp/custom.patch" &&
	ok "custom spec: the patch declares and calls its hooks" ||
	ko "custom spec: the patch does not use the spec's hooks"
"$top/build/ioguard-sparse" --ioguard-spec="$spec" -include "$top/tests/checker/include/kernel.h" \
	-I"$here/custom/tree/include" "$here/custom/tree/drivers/misc/board.c" 2>&1 |
	sed -n "s/.*warning: '\([a-z_]*\)' .*\[ioguard-\([a-z-]*\)\]$/\1 \2/p" | sort > "$tmp/custom-checker"
grep -v hook-decl "$tmp/custom-want" | cmp -s - "$tmp/custom-checker" &&
	ok "custom spec: ioguard-sparse finds the same 4 places" ||
	{ ko "custom spec: ioguard-sparse:"; cat "$tmp/custom-checker" | sed 's/^/	/'; }

echo "cocci: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
