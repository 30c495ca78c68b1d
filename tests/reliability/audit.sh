# SPDX-License-Identifier: GPL-2.0
# Sourced by tests/reliability/run.sh: ioguard audit and merge
# (docs/reliability.md, the audit rows). Bad trees and option values,
# unwritable and special outputs, Ctrl-C and SIGTERM during the unit
# checks and during kbuild's dry run, a dry run past its time limit, a
# unit that hangs. The audits run on Debian's 6.1 tree (read-only) for
# x86_64 in the copy $b61 of its prepared build directory, on three
# units; the first one lists the units (kbuild's dry run, cached in
# $b61/ioguard-audit/) for the others.

o=$tmp/o
none=$tmp/none
units="mm/vmalloc.c mm/early_ioremap.c arch/x86/mm/ioremap.c"
a61="--tree $t61 --arch x86_64 --build $b61 -j2"
audit61() { "$ioguard" audit $a61 "$@"; }

# The reference: the report of an audit nothing disturbed.
audit61 --index "$tmp/ref.db" --format json -o "$tmp/ref.json" $units 2> "$tmp/err"
rc=$?
if [ $rc -eq 1 ] && [ "$(grep -c '"fingerprint"' "$tmp/ref.json")" -ge 2 ]; then
	ok "audit: $units: exit 1, $(grep -c '"fingerprint"' "$tmp/ref.json") findings (the reference)"
else
	ko "audit of $units: exit $rc"
	sed 's/^/	/' "$tmp/err" | tail -n 5
fi

# The index knows its checker by the bytes: the same checker with another
# time keeps every unit, one that differs in a byte with the same size
# and time (cp -p over it) re-checks them all, with the same report.
ck=$tmp/ck
mkdir -p "$ck"
cp "$checker" "$ck/ioguard-sparse"
IOGUARD_SPARSE=$ck/ioguard-sparse audit61 --index "$tmp/ref.db" --format json -o "$tmp/ck1.json" $units 2> "$tmp/ck1.err"
# one letter of a message ("see --help" -> "See --help")
at=$(grep -obUa 'see --help' "$checker" | head -n 1 | cut -d: -f1)
cp "$checker" "$ck/other" && printf 'S' | dd of="$ck/other" bs=1 seek="$at" conv=notrunc 2> /dev/null &&
	touch -r "$ck/ioguard-sparse" "$ck/other" && mv "$ck/other" "$ck/ioguard-sparse"
IOGUARD_SPARSE=$ck/ioguard-sparse audit61 --index "$tmp/ref.db" --format json -o "$tmp/ck2.json" $units 2> "$tmp/ck2.err"
# (no unit to check: no "checking N units" line)
if ! grep -q "checking" "$tmp/ck1.err" && grep -q "checking 3 units" "$tmp/ck2.err" &&
   cmp -s "$tmp/ck1.json" "$tmp/ref.json" && cmp -s "$tmp/ck2.json" "$tmp/ref.json"; then
	ok "audit index: a copy of the checker keeps the units, a changed one of the same size and time re-checks them"
else
	ko "audit index and the checker's identity: $(grep -h 'checking' "$tmp/ck1.err" "$tmp/ck2.err" | tr '\n' ' ')"
fi

# A tree that is missing, a file, not a kernel tree, unreadable; an
# unknown arch; a config file that is missing.
fails "missing tree: audit" "audit: '$none' is not a kernel tree: No such file or directory" \
	"$o/a.json" "$ioguard" audit --tree "$none" --arch x86_64 -o "$o/a.json"
fails "a file as the tree: audit" "'$tmp/afile' is not a kernel tree: Not a directory" \
	"$o/a.json" "$ioguard" audit --tree "$tmp/afile" --arch x86_64 -o "$o/a.json"
fails "not a kernel tree: audit" "'$tmp/empty' is not a kernel tree \(no Makefile\)" \
	"$o/a.json" "$ioguard" audit --tree "$tmp/empty" --arch x86_64 -o "$o/a.json"
chmod 000 "$tmp/locked"
fails "unreadable tree: audit" "cannot read tree '$tmp/locked': Permission denied" \
	"$o/a.json" as_other audit --tree "$tmp/locked" --arch x86_64 -o "$o/a.json"
chmod 755 "$tmp/locked"
fails "unknown arch: audit" "unknown arch 'sparc' \(arm64, x86_64, riscv\)" "$o/a.json" \
	"$ioguard" audit --tree "$fx" --arch sparc -o "$o/a.json"
fails "missing config file: audit" "cannot read config '$none': No such file or directory" \
	"$o/a.json" audit61 --config "$none" -o "$o/a.json"

# Option values: one line naming the option and the value.
for s in 0/3 4/3 1/0 x 1/2x; do
	fails "bad --shard $s" "audit: --shard '$s': not I/N with 1 <= I <= N" "$o/a.json" \
		audit61 --shard "$s" -o "$o/a.json"
done
fails "bad -j 0" "audit: -j '0': not a number of jobs" "$o/a.json" audit61 -j 0 -o "$o/a.json"
fails "bad --timeout" "audit: --timeout 'soon': not a number of seconds" "$o/a.json" \
	audit61 --timeout soon -o "$o/a.json"
fails "bad --format" "audit: unknown format 'xml' \(text, json, sarif, html, codequality\)" \
	"$o/a.json" audit61 --format xml -o "$o/a.json"

# Baselines: read before any work, not after the whole audit.
printf 'mm/vmalloc.c unhooked-map ioremap_page_range\n' > "$tmp/old-gate.txt"
fails "--baseline missing" "audit: cannot read baseline '$none': No such file or directory" \
	"$o/a.json" audit61 --baseline "$none" -o "$o/a.json"
fails "--baseline a directory" "audit: cannot read baseline '$tmp/empty': Is a directory" \
	"$o/a.json" audit61 --baseline "$tmp/empty" -o "$o/a.json"
fails "--baseline not a report (an old gate's list)" \
	"audit: baseline '$tmp/old-gate.txt' is not a JSON or SARIF report of ioguard audit" \
	"$o/a.json" audit61 --baseline "$tmp/old-gate.txt" -o "$o/a.json"

# --since: a tree that is no git repository, a revision it does not have.
fails "--since without git" "audit: --since 'HEAD': not a commit of a git repository at '$t61'" \
	"$o/a.json" audit61 --since HEAD -o "$o/a.json"
GIT_DIR=$tmp/git GIT_WORK_TREE=$t61 git -c user.name=t -c user.email=t@t init -q &&
	GIT_DIR=$tmp/git GIT_WORK_TREE=$t61 git add -f Makefile &&
	GIT_DIR=$tmp/git GIT_WORK_TREE=$t61 git -c user.name=t -c user.email=t@t commit -qm base
GIT_DIR=$tmp/git GIT_WORK_TREE=$t61 fails "--since an unknown revision" \
	"audit: --since 'no-such-rev': not a commit of a git repository at '$t61'" \
	"$o/a.json" audit61 --since no-such-rev -o "$o/a.json"

# The spec, the checker, the cross compiler.
fails "spec, unknown role: audit" "role.spec:2: unknown role 'sideways'" "$o/a.json" \
	audit61 --spec "$tmp/role.spec" -o "$o/a.json"
IOGUARD_SPARSE=$none fails "no checker: audit" "audit: no checker at $none" "$o/a.json" \
	audit61 -o "$o/a.json"
fails "missing cross compiler: audit" "audit: aarch64-linux-gnu-gcc not found \(run 'make deps'\)" \
	"$o/a.json" env PATH="$nocross" "$ioguard" audit --tree "$t61" --arch arm64 \
	--build "$o/b-arm64" -o "$o/a.json"
rm -rf "$o/b-arm64"

# Outputs that cannot be written: before any work (the unit list is
# not even read), one line, nothing left.
fails "output through a file: audit -o" "audit: cannot write '$tmp/afile/a.json': Not a directory" \
	"" audit61 -o "$tmp/afile/a.json"
fails "output is a directory: audit -o" "audit: cannot write '$o': Is a directory" \
	"" audit61 -o "$o"
if grep -q " $tmp/ro tmpfs ro," /proc/mounts; then
	fails "read-only output (ro tmpfs): audit -o" \
		"audit: cannot write '$tmp/ro/a.json': Read-only file system" "$tmp/ro/a.json" \
		audit61 -o "$tmp/ro/a.json"
fi
fails "output through a file: merge -o" "merge: cannot write '$tmp/afile/m.txt': Not a directory" \
	"" "$ioguard" merge -o "$tmp/afile/m.txt" "$tmp/ref.db"
fails "output through a file: merge --index" \
	"merge: cannot write index '$tmp/afile/m.db': Not a directory" "" \
	"$ioguard" merge --index "$tmp/afile/m.db" "$tmp/ref.db"
fails "missing shard index: merge" "merge: cannot read index '$none': No such file or directory" \
	"$o/m.txt" "$ioguard" merge -o "$o/m.txt" "$tmp/ref.db" "$none"
# a merge that fails keeps the old --index as it was (it was removed first)
cp "$tmp/ref.db" "$o/keep.db"
keep=$(sha256sum < "$o/keep.db")
printf 'not an index\n' > "$tmp/bad.db"
"$ioguard" merge --index "$o/keep.db" -o "$o/m.txt" "$tmp/ref.db" "$tmp/bad.db" 2> "$tmp/err"
rc=$?
if [ $rc -eq 2 ] && [ "$(sha256sum < "$o/keep.db")" = "$keep" ] && [ ! -e "$o/m.txt" ] &&
   [ -z "$(ls -a "$o" | grep ioguard-)" ]; then
	ok "merge with a shard that is no index: exit 2, the old --index as it was, no report, no temporary"
else
	ko "merge with a bad shard: exit $rc"
	sed 's/^/	/' "$tmp/err"
fi
rm -f "$o/keep.db"

# A full disk: the report is written last; it fails whole.
if grep -q " $tmp/full tmpfs " /proc/mounts; then
	fails "full disk: audit -o" "audit: cannot write '$tmp/full/a.json': No space left on device" \
		"$tmp/full/a.json" audit61 --index "$tmp/ref.db" --format json -o "$tmp/full/a.json" $units
	fails "full disk: merge -o" "merge: cannot write '$tmp/full/m.html': No space left on device" \
		"$tmp/full/m.html" "$ioguard" merge --format html -o "$tmp/full/m.html" "$tmp/ref.db"
fi
fails "/dev/full as the output: audit -o /dev/full" \
	"audit: cannot write '/dev/full': No space left on device" "" \
	audit61 --index "$tmp/ref.db" --format json -o /dev/full $units

# Devices and pipes are written in place: a rename over /dev/null would
# leave a regular file there (every program's /dev/null, kbuild's
# cc-option probes included). A FIFO stays one, its reader gets it all.
audit61 --index "$tmp/ref.db" -o /dev/null $units 2> "$tmp/err"
rc=$?
if [ $rc -eq 1 ] && [ "$(stat -c %F /dev/null)" = "character special file" ]; then
	ok "audit -o /dev/null: exit 1, /dev/null still a character device"
else
	ko "audit -o /dev/null: exit $rc, /dev/null is a $(stat -c %F /dev/null)"
	# never leave the machine without its /dev/null
	[ -c /dev/null ] || { rm -f /dev/null && mknod -m 666 /dev/null c 1 3; }
fi
"$ioguard" merge -o /dev/null "$tmp/ref.db" 2> /dev/null
[ -c /dev/null ] && ok "merge -o /dev/null: /dev/null still a character device" ||
	{ ko "merge -o /dev/null replaced the device"; rm -f /dev/null && mknod -m 666 /dev/null c 1 3; }
mkfifo "$tmp/fifo"
cat "$tmp/fifo" > "$tmp/fifo.out" &
reader=$!
audit61 --index "$tmp/ref.db" --format json -o "$tmp/fifo" $units 2> /dev/null
rc=$?
i=0
while ! gone $reader && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
kill $reader 2> /dev/null	# an audit that never opened the FIFO
wait $reader
if [ $rc -eq 1 ] && [ -p "$tmp/fifo" ] && cmp -s "$tmp/fifo.out" "$tmp/ref.json" &&
   [ -z "$(ls -a "$tmp" | grep '\.fifo\.ioguard-')" ]; then
	ok "audit -o FIFO: the FIFO stays one, its reader gets the whole report"
else
	ko "audit -o FIFO: exit $rc, $(stat -c %F "$tmp/fifo")"
fi

# Ctrl-C and SIGTERM: a checker that hangs on every unit, then the dry
# run of kbuild that hangs (a build directory whose unit list is stale).
cat > "$fake/hang-checker" <<EOF
#!/bin/sh
echo \$\$ > "$fake/hang-checker.pid"
exec sleep 1000
EOF
chmod +x "$fake/hang-checker"
# audit_left BUILD: what an audit left in BUILD/ioguard-audit besides its
# index and unit list, and not there before (a cached build directory
# may hold an older version's leftovers, which its copy carries)
audit_left() {
	ls -A "$1/ioguard-audit" | grep -v -x -E 'index\.db(-wal|-shm)?|units\.tsv' |
		grep -v -x -F -f "$tmp/left-before" 2>/dev/null
}
: > "$tmp/left-before"
audit_left "$b61" > "$tmp/left-before"
for sig in INT TERM; do
	rm -f "$tmp/int.db"*
	name="SIG$sig during audit (units being checked)"
	IOGUARD_SPARSE=$fake/hang-checker stopped "$name" $sig "$fake/hang-checker.pid" \
		"audit: interrupted \((Interrupt|Terminated)\); finished units are kept in the index" \
		"$o/a.json" "$ioguard" audit $a61 --index "$tmp/int.db" --format json -o "$o/a.json" $units
	audit61 --index "$tmp/int.db" --format json -o "$o/a.json" $units 2> /dev/null
	rc=$?
	if [ -n "$(audit_left "$b61")" ]; then
		ko "$name: left in the build directory: $(audit_left "$b61" | tr '\n' ' ')"
	elif [ "$(sqlite3 "$tmp/int.db" 'PRAGMA integrity_check' 2>&1)" != ok ]; then
		ko "$name: the index fails SQLite's integrity check"
	elif [ $rc -ne 1 ] || ! cmp -s "$o/a.json" "$tmp/ref.json"; then
		ko "$name: run again on the same index: exit $rc, not the reference report"
	else
		ok "$name: the index is sound, run again it gives the reference report"
	fi
	rm -f "$o/a.json"
done

cat > "$fake/make" <<EOF
#!/bin/sh
for a; do case \$a in -n) echo \$\$ > "$fake/make.pid"; exec sleep 1000 ;; esac; done
exec $(command -v make) "\$@"
EOF
chmod +x "$fake/make"
bn=$tmp/b61-stale
cp -a "$b61" "$bn"
rm -rf "$bn/ioguard-audit"
PATH=$fake:$PATH stopped "SIGTERM during audit (kbuild's dry run)" TERM "$fake/make.pid" \
	"audit: interrupted \(Terminated\)" "$o/a.json $bn/ioguard-audit/units.tsv" \
	"$ioguard" audit --tree "$t61" --arch x86_64 --build "$bn" -o "$o/a.json"
[ -z "$(audit_left "$bn")" ] && ok "SIGTERM during the dry run: no partial unit list" ||
	ko "SIGTERM during the dry run left $(audit_left "$bn" | tr '\n' ' ')"

# Time limits: kbuild's dry run (IOGUARD_TIMEOUT_KBUILD), one unit
# (--timeout: named on stderr and in the report, the others checked).
PATH=$fake:$PATH IOGUARD_TIMEOUT_KBUILD=2 fails "kbuild's dry run hangs: audit" \
	"audit: the dry run \(make -n C=2 all\) \(x86_64\) timed out after 2 s \(IOGUARD_TIMEOUT_KBUILD\)" \
	"$o/a.json $bn/ioguard-audit/units.tsv" \
	"$ioguard" audit --tree "$t61" --arch x86_64 --build "$bn" -o "$o/a.json"
after "kbuild's dry run hangs: audit" "$fake/make.pid"
rm -rf "$bn"
cat > "$fake/hang-one" <<EOF
#!/bin/sh
case "\$*" in *mm/vmalloc.c*) echo \$\$ > "$fake/hang-one.pid"; exec sleep 1000 ;; esac
exec "$checker" "\$@"
EOF
chmod +x "$fake/hang-one"
IOGUARD_SPARSE=$fake/hang-one audit61 --timeout 2 --index "$tmp/hang.db" --format json \
	-o "$o/hang.json" $units > /dev/null 2> "$tmp/err"
rc=$?
if [ $rc -eq 1 ] &&
   grep -qx "ioguard: audit: not checked: mm/vmalloc.c: timed out after 2 s" "$tmp/err" &&
   grep -q '"unit": "mm/vmalloc.c", "state": "failed", "reason": "timed out after 2 s"' "$o/hang.json" &&
   grep -q '"file": "arch/x86/mm/ioremap.c"' "$o/hang.json"; then
	ok "a unit hangs: named on stderr and in the report, killed after --timeout, the others checked"
else
	ko "a unit hangs: exit $rc"
	sed 's/^/	/' "$tmp/err"
fi
after "a unit hangs: audit" "$fake/hang-one.pid"
rm -f "$o/hang.json"
