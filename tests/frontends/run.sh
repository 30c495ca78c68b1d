#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The two frontends against each other (docs/frontends.md): on the same
# input, ioguard-sparse and ioguard-clang must report the same findings.
#
# 1. Every checker fixture (tests/checker/*.c), with its own command
#    (check-command, or the default): the same [ioguard-...] lines and
#    the same exit status; and the same facts (--ioguard-facts: every
#    record, the files read included) with the default command.
#    On arm64 also through a compile database: the kernel's own
#    scripts/clang-tools/gen_compile_commands.py over the build, and
#    ioguard-clang --ioguard-compile-db on the same units (gcc's flags):
#    the same findings.
# 3. ioguard audit --frontend sparse and --frontend clang over the
#    directories with findings (6.12 arm64): the same findings, with the
#    same chains of callers; a message that differs is listed below.
# 2. Real units of Debian's 6.12, each with the command line kbuild gave
#    its checker (recorded as tests/sparse-compat does, units-6.12-ARCH
#    here): the same findings, the same functions, and the same calls
#    (caller and callee; their lines are not compared: sparse attributes
#    some calls of inlined helpers elsewhere, docs/frontends.md).
#
# A difference is fixed, or listed below as known, with its reason; a
# known difference that no longer differs fails too, so the list stays
# true.
#
# usage: tests/frontends/run.sh [fixtures|kernel|audit]...   (default: all)
set -u

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
sparse=${IOGUARD_SPARSE:-$top/build/ioguard-sparse}
clang=${IOGUARD_CLANG:-$top/build/ioguard-clang}
fixtures=$top/tests/checker
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/db"

ok() { echo "ok   $1"; pass=$((pass + 1)); }
ko() { echo "FAIL $1"; fail=$((fail + 1)); }

# Known differences, one a line: FIXTURE or ARCH/UNIT, a tab, why.
# None today: the list is where one goes, with its reason, if it cannot
# be fixed.
known='
audit:arch/arm64/kernel/efi.c:efi_create_mapping	the same bypass, another chain in its message: clang sees pud_set_huge() pass prot to set_pud() (in the IR sparse gives, the pgprot_t the inlined mk_pud_sect_prot() returns is an instruction the core does not follow), and the derivation names the first chain it finds
'

is_known() {
	printf '%s\n' "$known" | cut -f1 | grep -qxF -- "$1"
}

# run FRONTEND CMD FILE: the fixture's command with the frontend's checker
run_fixture() {
	rcmd=$(printf '%s' "$2" | sed -e "s|ioguard-sparse|$1 -Iinclude|" \
		-e "s|\\\$file|$3|g" -e "s|\\\$dir|$fixtures|g")
	(cd "$fixtures" && sh -c "$rcmd") > "$tmp/out" 2>&1
	echo "exit $?"
	grep '\[ioguard-' "$tmp/out" | sort
}

fixtures() {
	same=0 total=0
	for path in "$fixtures"/*.c; do
		f=${path##*/}
		cmd=$(sed -n 's/^ \* check-command: //p' "$path")
		[ -n "$cmd" ] || cmd='ioguard-sparse -Wno-decl $file'
		run_fixture "$sparse" "$cmd" "$f" > "$tmp/s"
		run_fixture "$clang" "$cmd" "$f" > "$tmp/c"
		total=$((total + 1))
		if cmp -s "$tmp/s" "$tmp/c"; then
			same=$((same + 1))
			if is_known "$f"; then
				ko "fixture $f: listed as a known difference, but the frontends agree now"
			else
				ok "fixture $f: the same findings and exit status"
			fi
		elif is_known "$f"; then
			ok "fixture $f: known difference: $(printf '%s\n' "$known" | grep -F "$f	" | cut -f2)"
		else
			ko "fixture $f: the frontends disagree (< sparse, > clang)"
			diff "$tmp/s" "$tmp/c" | grep '^[<>]' | sed 's/^/	/'
		fi
		# the facts, with the default command
		(cd "$fixtures" && "$sparse" -Wno-decl -Iinclude --ioguard-user-map \
			--ioguard-facts="$tmp/sf" "$f" > /dev/null 2>&1;
		 "$clang" -Iinclude --ioguard-user-map --ioguard-facts="$tmp/cf" "$f" > /dev/null 2>&1)
		sort "$tmp/sf" > "$tmp/sf1"
		sort "$tmp/cf" > "$tmp/cf1"
		if cmp -s "$tmp/sf1" "$tmp/cf1"; then
			ok "fixture $f: the same facts ($(wc -l < "$tmp/sf1") records)"
		elif is_known "$f"; then
			ok "fixture $f: facts differ, known difference"
		else
			ko "fixture $f: the facts differ (< sparse, > clang)"
			diff "$tmp/sf1" "$tmp/cf1" | grep '^[<>]' | head -n 10 | sed 's/^/	/'
		fi
	done
	echo "frontends: fixtures: $same of $total the same"
}

# count RECORD FILE: the records of one kind, sorted, once each
records() {
	grep "^$1	" "$2" | sort -u
}

kernel() {
	for arch in ${IOGUARD_FRONTEND_ARCHES:-arm64 x86_64}; do
		list=$here/units-6.12-$arch
		set -- $(sh "$top/tests/sparse-compat/record-units.sh" 6.12 "$arch" "$list") || {
			ko "6.12/$arch: no kbuild records"
			continue
		}
		out=$1 rec=$2
		tree=$(cd -P "$3" && pwd)	# kbuild names units by the real path
		st=0 ct=0
		for u in $(grep -v '^#' "$list"); do
			r=$rec/$(printf '%s' "$tree/$u" | tr / %)
			if [ ! -f "$r" ]; then
				ko "$arch/$u: kbuild did not run the checker on it"
				continue
			fi
			t0=$(date +%s%N)
			sh "$top/tests/sparse-compat/run-unit.sh" "$out" "$r" "$sparse" --ioguard-warn-only \
				--ioguard-user-map --ioguard-facts="$tmp/s.facts" > /dev/null 2>&1
			t1=$(date +%s%N)
			sh "$top/tests/sparse-compat/run-unit.sh" "$out" "$r" "$clang" --ioguard-warn-only \
				--ioguard-user-map --ioguard-facts="$tmp/c.facts" > "$tmp/c.out" 2>&1
			t2=$(date +%s%N)
			st=$((st + (t1 - t0) / 1000000))
			ct=$((ct + (t2 - t1) / 1000000))
			records finding "$tmp/s.facts" | cut -f2- > "$tmp/sf"
			records finding "$tmp/c.facts" | cut -f2- > "$tmp/cf"
			records fn "$tmp/s.facts" > "$tmp/sfn"
			records fn "$tmp/c.facts" > "$tmp/cfn"
			records call "$tmp/s.facts" | cut -f2,3 | sort -u > "$tmp/sc"
			records call "$tmp/c.facts" | cut -f2,3 | sort -u > "$tmp/cc"
			errors=$(grep -c ': error: ' "$tmp/c.out")
			name="$arch/$u"
			if [ "$(tail -n 1 "$tmp/c.facts" 2>/dev/null)" != end ]; then
				ko "$name: ioguard-clang did not finish the unit"
				tail -n 3 "$tmp/c.out" | sed 's/^/	/'
			elif ! cmp -s "$tmp/sf" "$tmp/cf"; then
				if is_known "$name"; then
					ok "$name: known difference: $(printf '%s\n' "$known" | grep -F "$name	" | cut -f2)"
				else
					ko "$name: the findings differ (< sparse, > clang)"
					diff "$tmp/sf" "$tmp/cf" | grep '^[<>]' | sed 's/^/	/'
				fi
			elif ! cmp -s "$tmp/sfn" "$tmp/cfn"; then
				ko "$name: the functions differ (< sparse, > clang)"
				diff "$tmp/sfn" "$tmp/cfn" | grep '^[<>]' | head -n 10 | sed 's/^/	/'
			elif ! cmp -s "$tmp/sc" "$tmp/cc"; then
				ko "$name: the calls differ (< sparse, > clang)"
				diff "$tmp/sc" "$tmp/cc" | grep '^[<>]' | head -n 10 | sed 's/^/	/'
			elif is_known "$name"; then
				ko "$name: listed as a known difference, but the frontends agree now"
			else
				ok "$name: the same $(wc -l < "$tmp/sf") findings, $(wc -l < "$tmp/sfn") functions, $(wc -l < "$tmp/sc") calls; clang errors: $errors"
			fi
		done
		echo "frontends: 6.12/$arch: sparse $((st / 1000)).$(((st % 1000) / 100)) s, clang $((ct / 1000)).$(((ct % 1000) / 100)) s"
		[ "$arch" = arm64 ] && compile_db "$out" "$tree" "$list" "$rec"
	done
}

# compile_db BUILD TREE LIST RECORDS: the units of LIST through the kernel's
# compile database, against sparse's findings on the kbuild records
compile_db() {
	(cd "$1" && python3 "$2/scripts/clang-tools/gen_compile_commands.py" -d . \
		-o "$tmp/db/compile_commands.json") > "$tmp/db.log" 2>&1 || {
		ko "compile database: gen_compile_commands.py failed"
		sed 's/^/	/' "$tmp/db.log" | tail -n 5
		return
	}
	: > "$tmp/dbs"
	n=0
	for u in $(grep -v '^#' "$3"); do
		grep -qF "\"$2/$u\"" "$tmp/db/compile_commands.json" || continue
		sh "$top/tests/sparse-compat/run-unit.sh" "$1" "$4/$(printf '%s' "$2/$u" | tr / %)" \
			"$sparse" --ioguard-warn-only 2>&1 | grep '\[ioguard-' >> "$tmp/dbs"
		set -- "$@" "$2/$u"
		n=$((n + 1))
	done
	shift 4
	(cd / && "$clang" --ioguard-warn-only --ioguard-compile-db="$tmp/db" "$@") 2>&1 |
		grep '\[ioguard-' | sort > "$tmp/dbc"
	sort -o "$tmp/dbs" "$tmp/dbs"
	if [ "$n" -lt 4 ]; then
		ko "compile database: only $n of the units are in it"
	elif cmp -s "$tmp/dbs" "$tmp/dbc"; then
		ok "compile database: $n units with gcc's commands, the same $(wc -l < "$tmp/dbc") findings as sparse with kbuild's"
	else
		ko "compile database: the findings differ (< sparse, > clang)"
		diff "$tmp/dbs" "$tmp/dbc" | grep '^[<>]' | sed 's/^/	/'
	fi
}

# The audit's directories with findings, and the paths of their chains.
audit_paths='mm/ drivers/pci/ drivers/tty/serial/ drivers/char/ drivers/acpi/ arch/arm64/'

audit() {
	ioguard=${IOGUARD:-$top/build/ioguard}
	tree=$("$ioguard" fetch-kernel 6.12) && build=$("$ioguard" prepare-kernel 6.12 arm64) || {
		ko "audit 6.12/arm64: no prepared tree"
		return
	}
	for fe in sparse clang; do
		t0=$(date +%s)
		# shellcheck disable=SC2086
		IOGUARD_SPARSE=$sparse IOGUARD_CLANG=$clang "$ioguard" audit --frontend $fe \
			--tree "$tree" --arch arm64 --build "$build" --index "$tmp/$fe.db" \
			--format json -o "$tmp/$fe.json" $audit_paths 2> "$tmp/$fe.log"
		rc=$?
		echo "frontends: audit --frontend $fe: exit $rc, $(($(date +%s) - t0)) s, $(tail -n 1 "$tmp/$fe.log")"
		[ "$rc" -le 1 ] || { ko "audit --frontend $fe: exit $rc"; return; }
	done
	python3 - "$tmp/sparse.json" "$tmp/clang.json" "$known" > "$tmp/audit.cmp" <<'PY'
import json, sys
s, c = (json.load(open(p)) for p in sys.argv[1:3])
known = [l.split('\t')[0][len('audit:'):] for l in sys.argv[3].splitlines() if l.startswith('audit:')]
def where(f): return (f['file'], f['line'], f['column'], f['check'], f['function'])
def chains(f): return [[(st['function'], st['file'], st['line']) for st in ch['steps']] for ch in f['chains']]
ks = {where(f): f for f in s['findings']}
kc = {where(f): f for f in c['findings']}
print('counts', len(ks), len(kc), len(set(ks) & set(kc)))
for k in sorted(set(ks) ^ set(kc)):
    print('only', 'sparse' if k in ks else 'clang', ':'.join(map(str, k)))
for k in sorted(set(ks) & set(kc)):
    name = k[0] + ':' + k[4]
    if ks[k]['message'] != kc[k]['message']:
        print('message', 'known' if name in known else 'new', name)
    elif name in known:
        print('message', 'agrees', name)
    if chains(ks[k]) != chains(kc[k]) or ks[k]['callers'] != kc[k]['callers']:
        print('chains', name)
PY
	read -r _ ns nc nb < "$tmp/audit.cmp"
	if grep -q '^only \|^chains \|^message new' "$tmp/audit.cmp"; then
		ko "audit: the frontends disagree"
		grep -v '^counts\|^message known' "$tmp/audit.cmp" | sed 's/^/	/'
	elif grep -q '^message agrees' "$tmp/audit.cmp"; then
		ko "audit: a known difference no longer differs: $(grep '^message agrees' "$tmp/audit.cmp")"
	else
		ok "audit: the same $nb findings (sparse $ns, clang $nc) and chains; $(grep -c '^message known' "$tmp/audit.cmp") known difference(s) in a message"
	fi
}

for part in ${*:-fixtures kernel audit}; do
	"$part"
done
echo "frontends: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
