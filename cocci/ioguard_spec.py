# SPDX-License-Identifier: GPL-2.0
"""The ioguard spec, as the Coccinelle scripts see it.

The scripts never list a function name themselves: they ask `ioguard spec`
(the one parser of spec/ioguard.spec, or of $IOGUARD_SPEC) for the
normalised spec and keep the names by kind. The ioguard binary is
$IOGUARD, or build/ioguard beside this directory, or `ioguard` on PATH.
"""
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# The hook signatures the scripts write (declarations, weak defaults) are
# fixed by the design; the spec may rename the hooks, not reshape them.
MAP_HOOK_ROLES = ["addr", "end", "phys", "prot"]
UNMAP_HOOK_ROLES = ["phys", "size"]


class Spec:
    def __init__(self, lines):
        self.kinds = {}
        self.roles = {}
        self.success = {}
        self.io_prot = {}
        self.returning = set()
        self.declared = set()
        for line in lines:
            words = line.split()
            if len(words) < 2:
                continue
            kind, name = words[0], words[1]
            self.kinds.setdefault(kind, []).append(name)
            if kind == "exempt":
                continue
            self.roles[name] = [w for w in words[2:] if "=" not in w]
            for w in words[2:]:
                if w.startswith("success="):
                    self.success[name] = w[len("success="):]
                elif w.startswith("io-prot="):
                    self.io_prot[name] = w[len("io-prot="):]
        self.hook_map = self.names("hook-map")[0]
        unmap = self.names("hook-unmap")
        self.hook_unmap = unmap[0] if unmap else None
        if self.roles[self.hook_map] != MAP_HOOK_ROLES:
            fail("the map hook must take %s" % " ".join(MAP_HOOK_ROLES))
        if self.hook_unmap and self.roles[self.hook_unmap] != UNMAP_HOOK_ROLES:
            fail("the unmap hook must take %s" % " ".join(UNMAP_HOOK_ROLES))

    def returns_map(self, name):
        """Whether a script rule saw NAME return a primitive's result."""
        return name in self.returning

    # Constraints call methods rather than test "x in y": Coccinelle 1.1.1's
    # SmPL lexer mis-reads the next "rule.metavariable" after a constraint
    # that uses the word "in" (measured).
    def fixmap_always_io(self, name):
        """A fixmap setter that always maps IO (set_fixmap_io)."""
        return self.is_("fixmap", name) and name not in self.io_prot

    def fixmap_by_prot(self, name):
        """A fixmap setter that maps IO when given the io-prot macro."""
        return name in self.io_prot

    def was_declared(self, name):
        """Whether an earlier rule already gave NAME what it needed (a
        local err, or the area it tears down)."""
        return name in self.declared

    def names(self, kind):
        return self.kinds.get(kind, [])

    def is_(self, kind, name):
        return name in self.kinds.get(kind, [])

    def maps_like_vmap(self, name):
        """A primitive whose first four parameters are addr end phys prot
        and that returns 0 on success: the shape the map rules rewrite."""
        return (self.is_("primitive", name) and
                self.roles[name][:4] == MAP_HOOK_ROLES and
                self.success.get(name) == "zero")

    def mapper(self, name):
        """A function whose direct mappings must be announced: anything but
        the primitives themselves, the hooks and the exempt functions."""
        return not (self.is_("primitive", name) or self.is_("exempt", name) or
                    self.is_("hook-map", name) or self.is_("hook-unmap", name))

    def unmap_role(self, name):
        """The role of an unmap entry point's parameter: addr or res."""
        roles = self.roles.get(name, [])
        return roles[0] if self.is_("entry-unmap", name) and roles else None


def fail(msg):
    sys.stderr.write("ioguard cocci: %s\n" % msg)
    raise SystemExit(2)


def find_ioguard():
    for cand in (os.environ.get("IOGUARD"),
                 os.path.join(HERE, "..", "build", "ioguard"),
                 os.path.join(HERE, "..", "..", "bin", "ioguard"),
                 shutil.which("ioguard")):
        if cand and os.access(cand, os.X_OK):
            return cand
    fail("cannot find the ioguard binary (set IOGUARD, or run make)")


def load():
    cmd = [find_ioguard(), "spec"]
    if os.environ.get("IOGUARD_SPEC"):
        cmd += ["--spec", os.environ["IOGUARD_SPEC"]]
    res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         universal_newlines=True)
    if res.returncode != 0:
        fail(res.stderr.strip() or "ioguard spec failed")
    return Spec(res.stdout.splitlines())


def tell(pos, spec, fn, callee, side, org=False):
    """One finding, in report mode as FILE:LINE:COL-COL: WARNING: ...
    [ioguard-CHECK] with the check names ioguard-sparse uses, in org mode
    as a TODO item."""
    import coccilib
    fn, callee = str(fn), str(callee)
    if side == "map":
        check = "unhooked-map" if spec.is_("entry-map", fn) else "bypass"
        msg = "%s() maps MMIO with %s() and never calls %s()" % (
            fn, callee, spec.hook_map)
    else:
        check = "unhooked-unmap"
        msg = "%s() tears down an MMIO mapping with %s() and never calls %s()" % (
            fn, callee, spec.hook_unmap)
    if org:
        coccilib.org.print_todo(pos, msg)
    else:
        coccilib.report.print_report(pos, "WARNING: %s [ioguard-%s]" % (msg, check))
