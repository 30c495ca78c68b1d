# SPDX-License-Identifier: GPL-2.0
# Sourced by tests/reliability/run.sh: outputs that cannot be written
# (through a file, read-only, a full disk, a full stdout) and what a
# written one looks like (docs/reliability.md).

o=$tmp/o
signoff="ioguard tests <tests@ioguard.invalid>"
gen61() { "$ioguard" gen --tree "$t61" --arch arm64 --signoff "$signoff" --no-verify "$@"; }

# Whole, in place, through a rename: a hard link elsewhere keeps the old
# text, a symlink's target is replaced, a new file gets the umask's mode.
"$ioguard" insert --tree "$fx" --spec "$fxspec" -o "$o/new.patch" 2>/dev/null
printf 'old\n' > "$o/linked.patch" && ln "$o/linked.patch" "$tmp/other-name"
ln -s linked.patch "$o/link.patch"
"$ioguard" insert --tree "$fx" --spec "$fxspec" -o "$o/link.patch" 2>/dev/null
mode=$(printf '%o' $((0666 & ~0$(umask))))
if cmp -s "$o/new.patch" "$o/linked.patch" && [ "$(cat "$tmp/other-name")" = old ] &&
   [ -L "$o/link.patch" ] && [ "$(stat -c %a "$o/new.patch")" = "$mode" ] &&
   [ -z "$(ls -a "$o" | grep ioguard-)" ]; then
	ok "insert -o: replaced whole through a rename (hard link kept, symlink followed, umask mode)"
else
	ko "insert -o: not written as a whole new file"
fi
rm -f "$o"/*.patch "$tmp/other-name"

# A path through a regular file: what root cannot write either.
fails "output through a file: insert -o" "cannot write $tmp/afile/x.patch: Not a directory" \
	"" "$ioguard" insert --tree "$fx" --spec "$fxspec" -o "$tmp/afile/x.patch"
fails "output through a file: cocci -o" "cannot write $tmp/afile/cocci: Not a directory" \
	"" "$ioguard" cocci -o "$tmp/afile/cocci"
fails "output through a file: gen -o" "cannot write $tmp/afile/series: Not a directory" \
	"" gen61 -o "$tmp/afile/series"
fails "output through a file: check --log" "cannot write $tmp/afile/check.log: Not a directory" \
	"" "$ioguard" check --tree "$t61" --arch x86_64 --build "$b61" --log "$tmp/afile/check.log" mm/vmalloc.o
fails "output is a directory: insert -o" "cannot write $o: Is a directory" \
	"" "$ioguard" insert --tree "$fx" --spec "$fxspec" -o "$o"

# Read-only: a read-only tmpfs where mounting works (root, here), else
# a directory without write permission (as another user when root).
mkdir -p "$tmp/ro"
if mount -t tmpfs -o ro,size=64k ioguard-ro "$tmp/ro" 2>/dev/null; then
	mounts="$mounts $tmp/ro"
	ro=
	fails "read-only output (ro tmpfs): gen -o" "cannot write $tmp/ro/series: Read-only file system" \
		"$tmp/ro/series" gen61 -o "$tmp/ro/series"
else
	chmod 555 "$tmp/ro"
	ro=as_other
fi
fails "read-only output: insert -o" "cannot write $tmp/ro/x.patch: (Read-only file system|Permission denied)" \
	"$tmp/ro/x.patch" ${ro:-"$ioguard"} insert --tree "$fx" --spec "$fxspec" -o "$tmp/ro/x.patch"
fails "read-only output: cocci -o" "cannot write $tmp/ro/cocci: (Read-only file system|Permission denied)" \
	"$tmp/ro/cocci" ${ro:-"$ioguard"} cocci -o "$tmp/ro/cocci"

# A full disk: a small tmpfs, filled (mounting works as root, which is
# how CI runs; without it the /dev/full cases below remain).
mkdir -p "$tmp/full"
if mount -t tmpfs -o size=64k ioguard-full "$tmp/full" 2>/dev/null; then
	mounts="$mounts $tmp/full"
	dd if=/dev/zero of="$tmp/full/fill" bs=4k 2>/dev/null
	nospace="No space left on device"
	fails "full disk: insert -o" "cannot write $tmp/full/x.patch: $nospace" "$tmp/full/x.patch" \
		"$ioguard" insert --tree "$fx" --spec "$fxspec" -o "$tmp/full/x.patch"
	fails "full disk: cocci -o" "cannot write $tmp/full/.cocci.ioguard-[^/]*/[a-z_.-]*: $nospace" \
		"$tmp/full/cocci" "$ioguard" cocci -o "$tmp/full/cocci"
	fails "full disk: gen -o" "cannot write $tmp/full/series: $nospace" "$tmp/full/series" \
		gen61 -o "$tmp/full/series"
fi

# A full standard output, and /dev/full named as the output.
tofull() { "$@" > /dev/full; }
fails "full stdout: spec" "spec: cannot write standard output: No space left on device" "" \
	tofull "$ioguard" spec
fails "full stdout: insert -o -" "insert: cannot write standard output: No space left on device" "" \
	tofull "$ioguard" insert --tree "$fx" --spec "$fxspec" -o -
fails "full stdout: gen --render" "gen: cannot write standard output: No space left on device" "" \
	tofull "$ioguard" gen --tree "$t61" --arch arm64 --render arch/arm64/mm/mmio_guard.c
fails "/dev/full as the output: insert -o /dev/full" "insert: cannot write /dev/full: No space left on device" "" \
	"$ioguard" insert --tree "$fx" --spec "$fxspec" -o /dev/full
