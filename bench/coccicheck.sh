#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Time the kernel's own `make coccicheck` over a whole Debian tree (6.1
# and 6.12) with each rendered script of build/cocci/ in report mode,
# beside a bare rule that only spells the spec's primitive, fixmap and
# teardown names literally: the yardstick for what token prefiltering
# allows. hyperfine when present, /usr/bin/time otherwise.
#
# usage: bench/coccicheck.sh [ARCH]   (default: arm64)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
arch=${1:-arm64}
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT

# The yardstick: one report rule over the same names, from the spec.
names=$(awk '$1 == "primitive" || $1 == "fixmap" || $1 == "teardown" { printf "%s%s@p", sep, $2; sep = "\\|" }' \
	"$top/build/cocci/spec")
cat > "$tmp/literal.cocci" <<EOR
// Options: --no-includes --include-headers
virtual report
@r@
position p;
@@
\\($names\\)(...)
@script:python depends on report@
p << r.p;
@@
coccilib.report.print_report(p[0], "call")
EOR

for ver in 6.1 6.12; do
	tree=$("$top/src/sh/fetch-kernel.sh" "$ver")
	for s in "$tmp/literal" "$top/build/cocci/hook_decls" "$top/build/cocci/map_hook" "$top/build/cocci/unmap_hook"; do
		cmd="make -s -C $tree coccicheck COCCI=$s.cocci MODE=report ARCH=$arch J=2 SPFLAGS='--python /usr/bin/python3'"
		label="coccicheck $ver $(basename "$s").cocci"
		if command -v hyperfine >/dev/null; then
			hyperfine --warmup 1 --runs 3 -n "$label" "$cmd >/dev/null 2>&1"
		else
			/usr/bin/time -f "$label: %e s wall, %U s user, %M KB" sh -c "$cmd >/dev/null 2>&1"
		fi
	done
done
