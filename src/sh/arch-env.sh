# SPDX-License-Identifier: GPL-2.0
# Sourced: maps an ioguard arch name or alias ($arch) to ioguard's own name
# ($arch), kbuild's ARCH ($karch), its directory under arch/ ($srcarch)
# and the Debian cross compiler prefix ($cross; empty when native). The
# table is spec/arches, read by `ioguard arch` ($IOGUARD, which ioguard
# exports to its helpers; other scripts set it).
: "${IOGUARD:?arch-env.sh: set IOGUARD to the ioguard binary}"
arch_facts=$("$IOGUARD" arch "$arch") || exit 2
eval "$arch_facts"
