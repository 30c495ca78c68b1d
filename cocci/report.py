# SPDX-License-Identifier: GPL-2.0
# Included by `ioguard cocci` into each script's @initialize:python@ rule:
# one finding, in report mode as FILE:LINE:COL-COL: WARNING: ... [ioguard-CHECK]
# with the check names ioguard-sparse uses, in org mode as a TODO item.
import coccilib


def tell(pos, check, msg, org):
    if org:
        coccilib.org.print_todo(pos, msg)
    else:
        coccilib.report.print_report(pos, "WARNING: %s [ioguard-%s]" % (msg, check))
