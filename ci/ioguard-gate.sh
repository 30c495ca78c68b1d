#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# CI gate for a kernel tree: `ioguard audit` (every unit the config
# builds, with who reaches each finding), failing on findings that are
# not in the baseline. The baseline is a JSON report of the audit (write
# it with -w); findings are matched by fingerprint (check, file,
# function, message: line shifts do not matter).
#
# usage: ioguard-gate.sh -C KERNEL_TREE -O BUILD_DIR [-a ARCH] [-c CONFIG]
#                        [-j N] [-i INDEX] [-b BASELINE] [-w (write the baseline)]
#                        [-s REV] [-r REPORT_DIR] [DIR...]
# BUILD_DIR without a .config is prepared first (CONFIG: defconfig, the
# default, allmodconfig or a config file); it keeps the audit's index
# (unless -i names another), so a rerun checks only what changed.
# DIR: only the units under these tree-relative paths (default: every
# unit the config builds; an index keeps the units of its last run).
# -s REV: only the findings a change since REV touches (audit --since).
# -r DIR: also write DIR/ioguard.json, ioguard.sarif (GitHub code
#         scanning), gl-code-quality-report.json (GitLab) and ioguard.html.
# The text report (new findings, with their callers) goes to stdout.
#
# Changed from the gate on `ioguard check`: the baseline is a JSON (or
# SARIF) report, not a list of "file check function" lines (an old list
# is refused with exit 2: write a new baseline with -w); without DIR the
# audit covers every unit the config builds, not the directories `check`
# chose; -c, -j, -i, -s and -r are new.
#
# Environment: IOGUARD (default: build/ioguard of this checkout),
#              IOGUARD_SPARSE (default: the checker built beside it),
#              CROSS_COMPILE (default: the arch's Debian cross compiler).
# Exit: 0 no new findings, 1 new findings, 2 usage, build or input error.
set -u

tree= out= arch=$(uname -m) config=defconfig jobs= index= baseline= write= since= reports=
while getopts C:O:a:c:j:i:b:ws:r: opt; do
	case $opt in
	C) tree=$OPTARG ;;
	O) out=$OPTARG ;;
	a) arch=$OPTARG ;;
	c) config=$OPTARG ;;
	j) jobs=$OPTARG ;;
	i) index=$OPTARG ;;
	b) baseline=$OPTARG ;;
	w) write=1 ;;
	s) since=$OPTARG ;;
	r) reports=$OPTARG ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
die() { echo "ioguard-gate: $*" >&2; exit 2; }
[ -n "$tree" ] && [ -n "$out" ] || die "-C TREE and -O BUILD are required"
[ -z "$write" ] || [ -n "$baseline" ] || die "-w needs -b FILE"
[ -z "$write" ] || [ -z "$since" ] || die "-w with -s would write a baseline of part of the findings"
ioguard=${IOGUARD:-$(cd "$(dirname "$0")/.." && pwd)/build/ioguard}

# audit takes its options and the DIRs in any order; user mappings of
# device memory are the runtime's policy, reported by audits, not gated
set -- --tree "$tree" --arch "$arch" --config "$config" --build "$out" --no-user-map "$@"
[ -z "$jobs" ] || set -- "$@" -j "$jobs"
[ -z "$index" ] || set -- "$@" --index "$index"
[ -z "$since" ] || set -- "$@" --since "$since"

if [ -n "$write" ]; then
	# audit -o writes the baseline whole or not at all (a temporary, renamed)
	"$ioguard" audit "$@" --format json -o "$baseline"
	[ $? -le 1 ] || exit 2
	echo "ioguard-gate: baseline of $(grep -c '"fingerprint"' "$baseline") findings written to $baseline" >&2
	exit 0
fi
if [ -n "$baseline" ]; then
	[ -r "$baseline" ] || die "cannot read baseline '$baseline'"
	set -- "$@" --baseline "$baseline"
fi
"$ioguard" audit "$@" --format text
rc=$?
[ $rc -le 1 ] || exit 2
# The other formats from the same index: nothing is checked again.
if [ -n "$reports" ]; then
	mkdir -p "$reports" || die "cannot create '$reports'"
	log=$(mktemp) || exit 2
	trap 'rm -f "$log"' EXIT
	for f in json:ioguard.json sarif:ioguard.sarif codequality:gl-code-quality-report.json \
		 html:ioguard.html; do
		"$ioguard" audit "$@" --format "${f%%:*}" -o "$reports/${f#*:}" 2>"$log"
		[ $? -le 1 ] || { cat "$log" >&2; exit 2; }
	done
	echo "ioguard-gate: reports in $reports" >&2
fi
if [ $rc -eq 1 ]; then
	echo "ioguard-gate: new findings (above)" >&2
	exit 1
fi
echo "ioguard-gate: no new findings" >&2
