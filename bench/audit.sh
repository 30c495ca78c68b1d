#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The audit of a whole defconfig against plain sparse over the same units
# with the same flags, and the audit's incremental cost. Writes
# bench/results.md (machine, versions, commands, numbers).
#
#   1. units: kbuild's dry run (audit-units.sh), timed once, uncached
#   2. audit, fresh index, -jJOBS: wall, CPU, peak memory
#   3. audit again, nothing changed; then one edited file (mtime moved)
#   4. plain sparse over every unit of the list, -jJOBS (xargs -P); with
#      BENCH_SAMPLE=N every N-th unit, and the times scaled by N
#   5. optional (BENCH_KBUILD=1): kbuild make C=2 CHECK=sparse, which
#      compiles the whole tree as well (an hour or more on 2 cores)
#
# usage: bench/audit.sh [VERSION [ARCH [JOBS]]]   (default: 6.12 arm64 2)
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
ver=${1:-6.12} arch=${2:-arm64} jobs=${3:-2}
ioguard=$top/build/ioguard
tree=$("$ioguard" fetch-kernel "$ver")
build=$("$ioguard" prepare-kernel "$ver" "$arch")
sparse=$("$top/src/sh/fetch-sparse.sh")/sparse
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
results=$top/bench/results.md

# measure NAME CMD...: wall, user+sys CPU and peak RSS (of the largest
# process) with GNU time, appended as a table row
measure() {
	name=$1
	shift
	/usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$@" >"$tmp/out" 2>"$tmp/err" || true
	# the last line: GNU time first says "Command exited with non-zero
	# status 1" when the audit has findings
	read -r wall user sys rss <<EOF
$(tail -n 1 "$tmp/time")
EOF
	cpu=$(echo "$user + $sys" | bc)
	printf '| %s | %s s | %s s | %s MB |\n' "$name" "$wall" "$cpu" "$((rss / 1024))" | tee -a "$tmp/rows"
}

# (a command, not a function: GNU time runs programs)
audit="$ioguard audit --tree $tree --arch $arch --build $build -j$jobs"

rm -f "$build/ioguard-audit/units.tsv"
measure "units: kbuild dry run (make -n C=2), then the audit" $audit --index "$tmp/warm.db" -o /dev/null
units=$(($(wc -l < "$build/ioguard-audit/units.tsv") - 1))
measure "audit -j$jobs, fresh index (prefilter)" $audit --index "$tmp/a.db" -o "$tmp/a.txt"
checked=$(sed -n 's/^units: .*, \([0-9]*\) checked.*/\1/p' "$tmp/a.txt")
measure "audit again, nothing changed" $audit --index "$tmp/a.db" -o /dev/null
f=$tree/drivers/tty/serial/earlycon.c
touch -r "$f" "$tmp/stamp"
touch "$f"
measure "audit after one edit (earlycon.c)" $audit --index "$tmp/a.db" -o /dev/null
touch -r "$tmp/stamp" "$f"

# plain sparse, every unit, kbuild's flags, from the build directory:
# each line of units.tsv ("UNIT<TAB>ARGS") becomes "sparse ARGS UNIT",
# one sh -c each (the flags are shell words, as kbuild wrote them)
sample=${BENCH_SAMPLE:-1}
sed 1d "$build/ioguard-audit/units.tsv" | awk -v n="$sample" 'NR % n == 0' |
	sed "s|^\([^	]*\)	\(.*\)\$|$sparse \2 \1 >/dev/null 2>\&1|" > "$tmp/cmds"
measure "plain sparse over $(wc -l < "$tmp/cmds") units (every ${sample}th), -P$jobs" \
	sh -c "cd '$build' && xargs -d '\n' -P$jobs -n1 sh -c < '$tmp/cmds' || true"
if [ "$sample" != 1 ]; then
	# the sample's times, scaled to every unit (an estimate, said so)
	set -- $(tail -n 1 "$tmp/time")
	printf '| plain sparse, all %s units (the sample x %s, estimated) | %s s | %s s | |\n' \
		"$units" "$sample" "$(echo "$1 * $sample" | bc)" "$(echo "($2 + $3) * $sample" | bc)" |
		tee -a "$tmp/rows"
fi
if [ "${BENCH_KBUILD:-0}" = 1 ]; then
	measure "kbuild make C=2 CHECK=sparse -j$jobs (compiles too)" \
		make -s -C "$tree" O="$tmp/kb" ARCH="$arch" CROSS_COMPILE=aarch64-linux-gnu- \
		-j"$jobs" C=2 CHECK="$sparse" defconfig all
fi

{
	echo "# Benchmarks"
	echo
	echo "Written by \`bench/audit.sh $ver $arch $jobs\` on $(date -u +%Y-%m-%d)."
	echo "Machine: $(nproc) CPUs ($(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)),"
	echo "$(free -g | awk '/^Mem:/ {print $2}') GiB; $(uname -sr)."
	echo "Versions: $(gcc --version | head -1); sparse $($sparse --version 2>/dev/null || echo '?');"
	echo "Debian linux-source-$ver ($(basename "$tree")), $arch defconfig."
	echo "Load average when it ended: $(cut -d' ' -f1-3 /proc/loadavg) (other work shares the machine:"
	echo "wall times grow with it, CPU times much less)."
	echo
	echo "## Audit of $ver $arch defconfig: $units units, $checked checked after the prefilter"
	echo
	echo "| what | wall | CPU (user+sys) | peak RSS |"
	echo "| --- | --- | --- | --- |"
	cat "$tmp/rows"
	echo
	echo "Commands: \`ioguard audit --tree TREE --arch $arch --build BUILD -j$jobs [--index FILE]\`;"
	echo "plain sparse: \`cd BUILD && sparse <kbuild's flags from units.tsv> UNIT\` for every"
	echo "unit, \`xargs -P$jobs\`. Peak RSS is the largest single process (GNU time)."
} > "$results"
cat "$results"
