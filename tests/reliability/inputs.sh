# SPDX-License-Identifier: GPL-2.0
# Sourced by tests/reliability/run.sh: bad trees, arches, specs and C
# units (docs/reliability.md, the first rows of the table).

o=$tmp/o			# where outputs would go: none may appear
none=$tmp/none
: > "$tmp/afile"
mkdir -p "$tmp/empty"

# A tree that is missing, a file, unreadable, or not a kernel tree.
fails "missing tree: insert" "insert: '$none' is not a kernel tree: No such file or directory" \
	"$o/x.patch" "$ioguard" insert --tree "$none" -o "$o/x.patch"
fails "missing tree: check" "check: '$none' is not a kernel tree: No such file or directory" \
	"$o/build" "$ioguard" check --tree "$none" --arch x86_64 --build "$o/build"
fails "missing tree: gen" "gen: '$none' is not a kernel tree: No such file or directory" \
	"$o/series" "$ioguard" gen --tree "$none" --arch arm64 -o "$o/series"
fails "missing tree: verify" "verify: '$none' is not a kernel tree: No such file or directory" \
	"" "$ioguard" verify --tree "$none" --arch arm64 --series "$tmp/series"
fails "a file as the tree: insert" "'$tmp/afile' is not a kernel tree: Not a directory" \
	"$o/x.patch" "$ioguard" insert --tree "$tmp/afile" -o "$o/x.patch"
fails "not a kernel tree: insert" "'$tmp/empty' is not a kernel tree \(no Makefile\)" \
	"$o/x.patch" "$ioguard" insert --tree "$tmp/empty" -o "$o/x.patch"
fails "not a kernel tree: check" "'$tmp/empty' is not a kernel tree \(no Makefile\)" \
	"$o/build" "$ioguard" check --tree "$tmp/empty" --arch x86_64 --build "$o/build"
fails "not a kernel tree: gen" "'$tmp/empty' is not a kernel tree \(no Makefile\)" \
	"$o/series" "$ioguard" gen --tree "$tmp/empty" --arch arm64 -o "$o/series"

cp -r "$fx" "$tmp/locked" && chmod 000 "$tmp/locked"
fails "unreadable tree: insert" "cannot read tree '$tmp/locked': Permission denied" \
	"$o/x.patch" as_other insert --tree "$tmp/locked" -o "$o/x.patch"
fails "unreadable tree: check" "cannot read tree '$tmp/locked': Permission denied" \
	"$o/build" as_other check --tree "$tmp/locked" --arch x86_64 --build "$o/build"
chmod 755 "$tmp/locked"
cp -r "$fx" "$tmp/part" && chmod 000 "$tmp/part/drivers"
fails "unreadable directory in the tree: insert" "cannot read all of $tmp/part: grep: .*drivers: Permission denied" \
	"$o/x.patch" as_other insert --tree "$tmp/part" --spec "$fxspec" -o "$o/x.patch"
chmod 755 "$tmp/part/drivers"
cp -r "$fx" "$tmp/noio" && chmod 000 "$tmp/noio/include/linux/io.h"
fails "unreadable include/linux/io.h: check" "cannot read $tmp/noio/include/linux/io.h: Permission denied" \
	"$o/build" as_other check --tree "$tmp/noio" --arch x86_64 --build "$o/build"

# An arch ioguard does not know.
for c in "insert --tree $fx -o $o/x.patch" "check --tree $fx --build $o/build" \
	"gen --tree $fx -o $o/series"; do
	fails "unknown arch: ${c%% *}" "unknown arch 'sparc' \(arm64, x86_64, riscv\)" \
		"$o/x.patch $o/build $o/series" "$ioguard" $c --arch sparc
done
fails "unknown arch: prepare-kernel" "unknown arch 'sparc'" "" "$ioguard" prepare-kernel 6.1 sparc

# Specs: syntax errors and unknown roles name file:line; a missing,
# empty, binary or oversized file is one line too.
printf 'hook-map h addr end phys prot\nprimitive f addr sideways\n' > "$tmp/role.spec"
printf 'hook-map h addr end phys prot\nthis is not a record\n' > "$tmp/syntax.spec"
: > "$tmp/empty.spec"
head -c 4096 "$ioguard" > "$tmp/nul.spec"
head -c 4096 "$ioguard" | tr -d '\000' > "$tmp/binary.spec"
awk 'BEGIN { print "hook-map h addr end phys prot"; for (i = 0; i < 200000; i++) printf "primitive map_function_%d addr end phys prot\n", i }' > "$tmp/10mb.spec"
awk 'BEGIN { print "hook-map h addr"; for (i = 0; i < 5000; i++) printf "primitive f%d addr\n", i }' > "$tmp/many.spec"
role="role.spec:2: unknown role 'sideways'"
fails "spec, unknown role: insert -o" "$role" "$o/x.patch" \
	"$ioguard" insert --tree "$fx" --spec "$tmp/role.spec" -o "$o/x.patch"
fails "spec, unknown role: gen -o" "$role" "$o/series" \
	"$ioguard" gen --tree "$t61" --arch arm64 --spec "$tmp/role.spec" -o "$o/series"
fails "spec, unknown role: cocci -o" "$role" "$o/cocci" \
	"$ioguard" cocci --spec "$tmp/role.spec" -o "$o/cocci"
fails "spec, unknown role: ioguard-sparse" "^ioguard-sparse: .*$role" "" \
	"$checker" --ioguard-spec="$tmp/role.spec" "$top/tests/checker/clean-no-mapping.c"
fails "spec, syntax error: insert -o" "syntax.spec:2: unknown kind 'this'" "$o/x.patch" \
	"$ioguard" insert --tree "$fx" --spec "$tmp/syntax.spec" -o "$o/x.patch"
fails "spec missing: insert -o leaves no file" "insert: $tmp/none.spec: No such file or directory" \
	"$o/x.patch" "$ioguard" insert --tree "$fx" --spec "$tmp/none.spec" -o "$o/x.patch"
fails "spec empty" "empty.spec:1: no hook-map line" "" "$ioguard" spec --spec "$tmp/empty.spec"
fails "spec binary (NUL bytes)" "nul.spec: not a text file" "" "$ioguard" spec --spec "$tmp/nul.spec"
fails "spec binary (no NUL): printable message" "binary.spec:1: unknown kind '\\\\x7fELF[ -~]*'" "" \
	"$ioguard" spec --spec "$tmp/binary.spec"
fails "spec of 10 MB" "10mb.spec: [0-9]+ bytes; a spec is at most 1048576" "" \
	"$ioguard" spec --spec "$tmp/10mb.spec"
fails "spec of 5000 records" "many.spec:4097: more than 4096 records" "" \
	"$ioguard" spec --spec "$tmp/many.spec"

# C units the checker reads. Not fails(): sparse's own messages come
# first, line by line, as sparse prints them.
inc=$top/tests/checker/include
printf '#include "kernel.h"\nint broken(int x)\n{\n\treturn x +;\n}\n' > "$tmp/syntax.c"
: > "$tmp/empty.c"
head -c 65536 "$ioguard" > "$tmp/binary.c"
# 10 MB: the shape of drivers/gpu/drm/amd's register headers, plus 100
# functions that each map outside an entry point (a bypass each).
awk 'BEGIN {
	print "#include \"kernel.h\""
	for (i = 0; i < 280000; i++) printf "#define mmREG_%d_BASE_IDX 0x%08x\n", i, i * 4
	for (i = 0; i < 100; i++)
		printf "int map_%d(unsigned long va, phys_addr_t pa)\n{\n\treturn vmap_page_range(va, va + 4096, pa, pgprot_device(PAGE_KERNEL));\n}\n", i
}' > "$tmp/10mb.c"
unit() {	# unit NAME WANT_EXIT CHECK FILE: the checker on FILE
	"$checker" -Wno-decl -I"$inc" "$4" > "$tmp/out" 2>&1
	u_rc=$?
	if [ "$u_rc" -eq "$2" ] && eval "$3"; then
		ok "$1 (exit $u_rc)"
	else
		ko "$1: exit $u_rc, want $2"
		sed 's/^/	/' "$tmp/out" | head -n 5
	fi
}
unit "C unit sparse cannot parse: sparse's own error, as sparse prints it" 2 \
	'grep -qx "$tmp/syntax.c:4:19: error: No right hand side of '"'+'"'-expression" "$tmp/out" &&
	 [ "$(wc -l < "$tmp/out")" -eq 1 ]' "$tmp/syntax.c"
unit "empty C unit: clean, silent (a unit all under #ifdef is empty)" 0 '[ ! -s "$tmp/out" ]' "$tmp/empty.c"
unit "binary C unit: sparse's errors, no crash" 2 \
	'grep -q "^$tmp/binary.c:[0-9]*:[0-9]*: error: " "$tmp/out" && ! grep -q "crashed" "$tmp/out"' \
	"$tmp/binary.c"
unit "10 MB C unit: checked, its 100 bypasses found" 1 \
	'[ "$(grep -c "\[ioguard-bypass\]$" "$tmp/out")" -eq 100 ] && [ "$(wc -l < "$tmp/out")" -eq 100 ]' \
	"$tmp/10mb.c"

# A missing cross compiler: PATH without it.
nocross=$(path_without aarch64-linux-gnu-gcc)
fails "missing cross compiler: check" "check: aarch64-linux-gnu-gcc not found \(run 'make deps'\)" \
	"$o/b-arm64" env PATH="$nocross" "$ioguard" check --tree "$t61" --arch arm64 --build "$o/b-arm64"
fails "missing cross compiler: verify" "verify: aarch64-linux-gnu-gcc not found \(run 'make deps'\)" \
	"" env PATH="$nocross" IOGUARD_CACHE="$tmp/cache" "$ioguard" verify --tree "$t61" --arch arm64 --series "$tmp/series"
if [ -n "$(ls -A "$tmp/cache/verify" 2>/dev/null)" ]; then
	ko "missing cross compiler: verify left $tmp/cache/verify/$(ls "$tmp/cache/verify")"
else
	ok "missing cross compiler: verify left no scratch tree"
fi
