#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Command-line contract of ioguard-sparse and ioguard: exit codes
# (0 clean, 1 findings, 2 usage or input error) and one-line errors that
# name what is wrong (a spec error names file:line).
set -u

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
# IOGUARD_SPARSE, IOGUARD: other builds (tests/sanitize: the ASan ones)
checker=${IOGUARD_SPARSE:-$top/build/ioguard-sparse}
clang=${IOGUARD_CLANG:-$top/build/ioguard-clang}
ioguard=${IOGUARD:-$top/build/ioguard}
fixtures=$top/tests/checker
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# expect NAME EXIT PATTERN CMD...: CMD exits EXIT and its output matches
# the grep pattern PATTERN (empty: no output at all).
expect() {
	name=$1 want=$2 pattern=$3
	shift 3
	"$@" > "$tmp/out" 2>&1
	got=$?
	if [ "$got" != "$want" ]; then
		echo "FAIL $name: exit $got, expected $want"
		sed 's/^/	/' "$tmp/out"
		fail=$((fail + 1))
	elif [ -z "$pattern" ] && [ -s "$tmp/out" ]; then
		echo "FAIL $name: expected no output"
		sed 's/^/	/' "$tmp/out"
		fail=$((fail + 1))
	elif [ -n "$pattern" ] && ! grep -q -- "$pattern" "$tmp/out"; then
		echo "FAIL $name: output does not match '$pattern'"
		sed 's/^/	/' "$tmp/out"
		fail=$((fail + 1))
	else
		echo "ok   $name"
		pass=$((pass + 1))
	fi
}

one_line() {
	[ "$(wc -l < "$tmp/out")" -eq 1 ] && echo "ok   $1: one line" &&
		pass=$((pass + 1)) && return
	echo "FAIL $1: error is not one line"
	fail=$((fail + 1))
}

# --ioguard-facts: the records ioguard audit reads (docs/audit.md), each
# checked against tests/cli/facts.c
"$checker" -Wno-decl -I"$fixtures/include" --ioguard-facts="$tmp/facts" \
	"$here/facts.c" > /dev/null 2>&1
f=$here/facts.c
for want in "unit	$f" "fn	doorbell_map	$f	6	1" "fn	doorbell_setup	$f	11	0" \
	"call	doorbell_map	vmap_page_range	8	0" "call	doorbell_setup	doorbell_map	13	1" \
	"call	doorbell_probe	doorbell_setup	22	0" "ref	doorbell_probe	$f	26	-" \
	"finding	$f	8	31	bypass	doorbell_map	" "dep	$fixtures/include/kernel.h" \
	"status	ok"; do
	if grep -qF -- "$want" "$tmp/facts"; then
		echo "ok   facts: $(printf '%s' "$want" | cut -f1-3 | tr '\t' ' ')"
		pass=$((pass + 1))
	else
		echo "FAIL facts: no '$want'"
		sed 's/^/	/' "$tmp/facts"
		fail=$((fail + 1))
	fi
done
[ "$(tail -n 1 "$tmp/facts")" = end ] && [ "$(head -n 1 "$tmp/facts")" = "ioguard-facts	1" ] &&
	{ echo "ok   facts: header and end"; pass=$((pass + 1)); } ||
	{ echo "FAIL facts: header or end missing"; fail=$((fail + 1)); }

# A finding in a function the spec exempts: not printed, not counted in
# the exit status, but an exempt record with the spec's reason.
# exempt_case NAME FUNCTION FIXTURE RECORD: the spec exempts FUNCTION
# ("a debug port"); the facts of FIXTURE hold RECORD.
exempt_case() {
	{ cat "$top/spec/ioguard.spec"; printf 'exempt %s a debug port\n' "$2"; } > "$tmp/exempt.spec"
	"$checker" -Wno-decl -I"$fixtures/include" --ioguard-spec="$tmp/exempt.spec" \
		--ioguard-facts="$tmp/facts" "$3" > "$tmp/out" 2>&1
	rc=$?
	if [ $rc -eq 0 ] && ! grep -q warning "$tmp/out" && ! grep -q "^finding" "$tmp/facts" &&
		grep -qF "$4" "$tmp/facts"; then
		echo "ok   facts: $1"
		pass=$((pass + 1))
	else
		echo "FAIL facts: $1 (exit $rc)"
		sed 's/^/	/' "$tmp/out" "$tmp/facts"
		fail=$((fail + 1))
	fi
}
exempt_case "exempt finding recorded, not printed" doorbell_map "$f" \
	"exempt	$f	8	31	bypass	doorbell_map	a debug port	'doorbell_map' maps MMIO"
# a static inline exempt helper is kept out of line, its body read
exempt_case "exempt static inline helper recorded where it maps" doorbell_debug_map \
	"$here/facts-exempt.c" "exempt	$here/facts-exempt.c	9	24	bypass	doorbell_debug_map	a debug port	"

printf 'hook-map h addr end phys prot\nbogus-kind f\n' > "$tmp/bad-kind.spec"
printf 'hook-map h addr end phys prot\nprimitive f addr sideways\n' > "$tmp/bad-role.spec"
printf 'hook-map h addr\nprimitive f addr\nteardown f addr\n' > "$tmp/dup.spec"
printf 'primitive f addr\n' > "$tmp/nohook.spec"
printf 'hook-map h addr\nexempt g\n' > "$tmp/noreason.spec"
printf 'hook-map h addr\nprimitive f addr success=maybe\n' > "$tmp/badsuccess.spec"
# the device-memory kinds (docs/spec.md)
printf 'hook-map h addr\ndevice-attr arm64 mask=M\n' > "$tmp/novalues.spec"
printf 'hook-map h addr\ndevice-attr arm64 prot mask=M values=V\n' > "$tmp/attrrole.spec"
printf 'hook-map h addr\ndevice-attr arm64 mask=M values=V,W;x\n' > "$tmp/badexpr.spec"
printf 'hook-map h addr\ndevice-attr arm64 mask=(M) values=V\n' > "$tmp/badmask.spec"
printf 'hook-map h addr\nsink s - addr\n' > "$tmp/sinkrole.spec"
printf 'hook-map h addr\nprimitive p pte\nsink set_pte - pte\nsanitizer my_map addr\nuser-map vm_iomap_memory - phys size\ndevice-attr arm64 mask=PTE_ATTRINDX_MASK values=PTE_ATTRINDX(3),PTE_ATTRINDX(4) # nGnRnE, nGnRE\n' > "$tmp/devmem.spec"

expect "checker: no input file" 2 "no input file" "$checker"
one_line "checker: no input file"
expect "checker: missing file" 2 "cannot read '$tmp/none.c'" "$checker" "$tmp/none.c"
one_line "checker: missing file"
expect "checker: unknown ioguard option" 2 "unknown option '--ioguard-frobnicate'" \
	"$checker" --ioguard-frobnicate "$fixtures/clean-no-mapping.c"
expect "checker: --help" 0 "usage: ioguard-sparse" "$checker" --help
expect "checker: spec unknown kind names file:line" 2 "bad-kind.spec:2: unknown kind 'bogus-kind'" \
	"$checker" --ioguard-spec="$tmp/bad-kind.spec" "$fixtures/clean-no-mapping.c"
one_line "checker: spec error"
expect "checker: spec unknown role" 2 "bad-role.spec:2: unknown role 'sideways'" \
	"$checker" --ioguard-spec="$tmp/bad-role.spec" "$fixtures/clean-no-mapping.c"
expect "checker: spec duplicate name" 2 "dup.spec:3: 'f' is already named by line 2" \
	"$checker" --ioguard-spec="$tmp/dup.spec" "$fixtures/clean-no-mapping.c"
expect "checker: spec without map hook" 2 "nohook.spec:.*no hook-map line" \
	"$checker" --ioguard-spec="$tmp/nohook.spec" "$fixtures/clean-no-mapping.c"
expect "checker: exempt without reason" 2 "noreason.spec:2: exempt 'g' needs a reason" \
	"$checker" --ioguard-spec="$tmp/noreason.spec" "$fixtures/clean-no-mapping.c"
expect "checker: bad success value" 2 "badsuccess.spec:2: success=maybe" \
	"$checker" --ioguard-spec="$tmp/badsuccess.spec" "$fixtures/clean-no-mapping.c"
expect "spec: device-attr without values=" 2 "novalues.spec:2: device-attr needs mask= and values=" \
	"$checker" --ioguard-spec="$tmp/novalues.spec" "$fixtures/clean-no-mapping.c"
expect "spec: device-attr takes no roles" 2 "attrrole.spec:2: device-attr takes mask= and values=, not 'prot'" \
	"$ioguard" spec --spec "$tmp/attrrole.spec"
expect "spec: a device-attr value must be an expression" 2 "badexpr.spec:2: values=: 'W;x' is not an expression" \
	"$ioguard" spec --spec "$tmp/badexpr.spec"
expect "spec: device-attr mask= is a macro name" 2 "badmask.spec:2: mask= needs a macro name" \
	"$ioguard" spec --spec "$tmp/badmask.spec"
expect "spec: a sink needs a pte or prot parameter" 2 "sinkrole.spec:2: a sink needs a parameter with role prot or pte" \
	"$ioguard" spec --spec "$tmp/sinkrole.spec"
expect "spec: the unknown-role message lists pte" 2 "unknown role 'sideways' (addr, end, phys, prot, size, idx, area, res, pte, -)" \
	"$ioguard" spec --spec "$tmp/bad-role.spec"
expect "spec: sink, sanitizer, user-map, device-attr normalised" 0 "" \
	sh -c "'$ioguard' spec --spec '$tmp/devmem.spec' > '$tmp/a' && printf '%s\n' 'hook-map h addr success=zero' 'primitive p pte success=zero' 'sink set_pte - pte success=void' 'sanitizer my_map addr success=zero' 'user-map vm_iomap_memory - phys size success=zero' 'device-attr arm64 mask=PTE_ATTRINDX_MASK values=PTE_ATTRINDX(3),PTE_ATTRINDX(4)' | cmp -s - '$tmp/a'"
expect "spec: the default spec has device attributes for arm64, x86_64, riscv" 0 "" \
	sh -c "[ \"\$('$ioguard' spec | awk '\$1 == \"device-attr\" { printf \"%s \", \$2 }')\" = 'arm64 x86_64 riscv ' ]"
expect "checker: missing spec file" 2 "$tmp/none.spec: No such file" \
	"$checker" --ioguard-spec="$tmp/none.spec" "$fixtures/clean-no-mapping.c"
expect "checker: clean file exits 0 silently" 0 "" \
	"$checker" -Wno-decl -I"$fixtures/include" "$fixtures/clean-no-mapping.c"
expect "checker: findings exit 1" 1 "\[ioguard-unhooked-map\]" \
	"$checker" -Wno-decl -I"$fixtures/include" "$fixtures/map-612-unhooked.c"
expect "checker: --ioguard-warn-only exits 0 with findings" 0 "\[ioguard-unhooked-map\]" \
	"$checker" --ioguard-warn-only -Wno-decl -I"$fixtures/include" "$fixtures/map-612-unhooked.c"
expect "checker: several files, findings in one" 1 "\[ioguard-bypass\]" \
	"$checker" -Wno-decl -I"$fixtures/include" "$fixtures/clean-no-mapping.c" "$fixtures/bypass-pci-612.c"
# sparse's own outcomes: --ioguard-warn-only exits as sparse does, the
# default mode makes every input error 2 (docs/checker.md).
sparse=$("$top/src/sh/fetch-sparse.sh")/sparse
expect "checker: --ioguard-warn-only without a file exits 0 as sparse does" 0 "" \
	"$checker" --ioguard-warn-only -Wno-decl
expect "checker: --ioguard-warn-only, missing file: sparse's message and exit 1" 1 \
	"No such file: $tmp/none.c" "$checker" --ioguard-warn-only "$tmp/none.c"
expect "checker: sparse dies on an option: exit 2" 2 "Unsupported C dialect" \
	"$checker" -std=c4 "$fixtures/clean-no-mapping.c"
expect "checker: --ioguard-warn-only, sparse dies on an option: exit 1" 1 "Unsupported C dialect" \
	"$checker" --ioguard-warn-only -std=c4 "$fixtures/clean-no-mapping.c"
expect "checker: -Wsparse-error makes sparse's warning an error: exit 2" 2 \
	"error: symbol 'not_declared'" "$checker" -Wsparse-error -I"$fixtures/include" "$fixtures/sparse-warning.c"
expect "checker: --ioguard-warn-only -Wsparse-error: sparse's exit 1" 1 \
	"error: symbol 'not_declared'" \
	"$checker" --ioguard-warn-only -Wsparse-error -I"$fixtures/include" "$fixtures/sparse-warning.c"
expect "checker: -E prints what sparse -E prints (no probe appended)" 0 "" \
	sh -c "'$checker' -E -I'$fixtures/include' '$fixtures/bypass-fixmap-io.c' > '$tmp/a' &&
		'$sparse' -E -I'$fixtures/include' '$fixtures/bypass-fixmap-io.c' > '$tmp/b' &&
		grep -q FIXMAP_PAGE_IO '$fixtures/include/kernel.h' && cmp -s '$tmp/a' '$tmp/b'"
expect "checker: the installed spec equals the built-in one" 0 "" \
	sh -c "'$ioguard' spec > '$tmp/a' && '$ioguard' spec --spec '$top/spec/ioguard.spec' > '$tmp/b' && cmp -s '$tmp/a' '$tmp/b'"

expect "ioguard: no command" 2 "usage: ioguard" "$ioguard"
expect "ioguard: unknown command" 2 "unknown command 'frob'" "$ioguard" frob
expect "ioguard: spec error names file:line" 2 "bad-role.spec:2: unknown role" \
	"$ioguard" spec --spec "$tmp/bad-role.spec"
expect "ioguard: fetch-kernel rejects a non-version" 2 "not a kernel series" \
	"$ioguard" fetch-kernel banana
expect "ioguard: prepare-kernel rejects an unknown arch" 2 "unknown arch 'sparc'" \
	"$ioguard" prepare-kernel 6.1 sparc
expect "ioguard: check on a missing tree" 2 "ioguard: check: '$tmp/none' is not a kernel tree" \
	"$ioguard" check --tree "$tmp/none" --arch arm64 --build "$tmp/build"
one_line "ioguard: check on a missing tree"
expect "ioguard: check without --build is a usage error" 2 "usage: ioguard check" \
	"$ioguard" check --tree "$tmp" --arch arm64
expect "ioguard: check takes no unknown option for a path" 2 "usage: ioguard check" \
	"$ioguard" check --tree "$tmp" --arch arm64 --build "$tmp/build" --frob mm/
expect "ioguard: audit names its formats on an unknown one" 2 \
	"unknown format 'frob' (text, json, sarif, html, codequality)" \
	"$ioguard" audit --tree "$tmp" --arch arm64 --format frob
expect "ioguard: merge's usage names its formats" 2 "text|json|sarif|html|codequality" \
	"$ioguard" merge --format frob "$tmp/none.db"

# ioguard-clang keeps ioguard-sparse's contract (docs/frontends.md)
expect "clang: no input file" 2 "ioguard-clang: no input file" "$clang"
one_line "clang: no input file"
expect "clang: missing file" 2 "ioguard-clang: cannot read '$tmp/none.c'" "$clang" "$tmp/none.c"
one_line "clang: missing file"
expect "clang: --ioguard-warn-only, missing file: exit 1" 1 "No such file: $tmp/none.c" \
	"$clang" --ioguard-warn-only "$tmp/none.c"
expect "clang: unknown ioguard option" 2 "unknown option '--ioguard-frobnicate'" \
	"$clang" --ioguard-frobnicate "$fixtures/clean-no-mapping.c"
expect "clang: --help" 0 "usage: ioguard-clang" "$clang" --help
expect "clang: spec error names file:line" 2 "bad-kind.spec:2: unknown kind 'bogus-kind'" \
	"$clang" --ioguard-spec="$tmp/bad-kind.spec" "$fixtures/clean-no-mapping.c"
expect "clang: clean file exits 0 silently" 0 "" \
	"$clang" -I"$fixtures/include" "$fixtures/clean-no-mapping.c"
expect "clang: findings exit 1" 1 "\[ioguard-unhooked-map\]" \
	"$clang" -I"$fixtures/include" "$fixtures/map-612-unhooked.c"
expect "clang: --ioguard-warn-only exits 0 with findings" 0 "\[ioguard-unhooked-map\]" \
	"$clang" --ioguard-warn-only -I"$fixtures/include" "$fixtures/map-612-unhooked.c"
expect "clang: a syntax error is an input error: exit 2" 2 "sparse-error.c:8:12: error: expected expression" \
	"$clang" -I"$fixtures/include" "$fixtures/sparse-error.c"
expect "clang: sparse's and kbuild's flags are taken and ignored" 1 "\[ioguard-unhooked-map\]" \
	"$clang" -Wbitwise -Wno-return-void -D__STDC__ -Wp,-MMD,"$tmp/x.d" --arch=x86_64 -m64 \
	-I"$fixtures/include" "$fixtures/map-612-unhooked.c"
expect "clang: no dependency file written for -Wp,-MMD" 1 "" test -e "$tmp/x.d"
"$clang" -I"$fixtures/include" --ioguard-facts="$tmp/cfacts" "$f" > /dev/null 2>&1
"$checker" -Wno-decl -I"$fixtures/include" --ioguard-facts="$tmp/sfacts" "$f" > /dev/null 2>&1
expect "clang: the facts of facts.c are sparse's, record for record" 0 "" \
	sh -c "sort '$tmp/cfacts' > '$tmp/a' && sort '$tmp/sfacts' > '$tmp/b' && cmp -s '$tmp/a' '$tmp/b'"
# a compile database, as the kernel's gen_compile_commands.py writes one
printf '[{"directory": "%s", "file": "%s", "arguments": ["aarch64-linux-gnu-gcc", "-c", "-I%s", "-fno-allow-store-data-races", "-mabi=lp64", "-o", "x.o", "%s"]}]\n' \
	"$fixtures" "$fixtures/map-612-unhooked.c" "$fixtures/include" "$fixtures/map-612-unhooked.c" \
	> "$tmp/compile_commands.json"
expect "clang: --ioguard-compile-db checks every unit of the database" 1 \
	"map-612-unhooked.c:.*\[ioguard-unhooked-map\]" "$clang" --ioguard-compile-db="$tmp"
expect "clang: --ioguard-compile-db FILE: that unit" 1 "\[ioguard-unhooked-map\]" \
	"$clang" --ioguard-compile-db="$tmp" "$fixtures/map-612-unhooked.c"
expect "clang: --ioguard-compile-db, a file not in it gets a neighbour's command" 0 "" \
	"$clang" --ioguard-compile-db="$tmp" "$fixtures/clean-no-mapping.c"
expect "clang: --ioguard-compile-db without a database: exit 2" 2 "no compile_commands.json" \
	"$clang" --ioguard-compile-db="$tmp/none"

# ioguard check FILE...: either frontend, findings sorted on stdout
for fe in sparse clang; do
	expect "ioguard: check --frontend $fe on files: findings, exit 1" 1 \
		"^map-612-unhooked.c:.*\[ioguard-unhooked-map\]" \
		sh -c "cd '$fixtures' && '$ioguard' check --frontend $fe map-612-unhooked.c clean-no-mapping.c -- -Iinclude -Wno-decl"
	expect "ioguard: check --frontend $fe, a clean file: exit 0" 0 "" \
		"$ioguard" check --frontend $fe "$fixtures/clean-no-mapping.c" -- -I"$fixtures/include" -Wno-decl
	expect "ioguard: check --frontend $fe, a missing file: exit 2" 2 "cannot read" \
		"$ioguard" check --frontend $fe "$tmp/none.c"
	expect "ioguard: check --frontend $fe --spec" 1 "'io_window_map_unhooked' returns after" \
		"$ioguard" check --frontend $fe --spec "$fixtures/specs/nonnull.spec" \
		"$fixtures/map-nonnull-spec.c" -- -I"$fixtures/include" -Wno-decl
done
expect "ioguard: check with an unknown frontend" 2 "unknown frontend 'gcc' (sparse, clang)" \
	"$ioguard" check --frontend gcc "$fixtures/clean-no-mapping.c"
expect "ioguard: check without a file is a usage error" 2 "usage: ioguard check" "$ioguard" check
expect "ioguard: check with flags but no file is a usage error" 2 "usage: ioguard check" \
	"$ioguard" check -- -Iinclude

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
