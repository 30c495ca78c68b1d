#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# derive.sh CHECKER [OPTIONS] -- FILE...: each FILE through the checker
# with --ioguard-facts, then `ioguard derive` over the facts, so that a
# fixture can show flows across units (docs/devmem.md). Prints what
# ioguard derive prints and exits as it does.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
ioguard=${IOGUARD:-$top/build/ioguard}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
checker=
while [ $# -gt 0 ] && [ "$1" != -- ]; do
	checker="$checker '$1'"
	shift
done
shift
n=0
for f in "$@"; do
	n=$((n + 1))
	eval "$checker --ioguard-warn-only --ioguard-facts='$tmp/$n.facts' '$f'" 2>/dev/null
done
"$ioguard" derive "$tmp"/*.facts
