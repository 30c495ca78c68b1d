#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
# The ready CI jobs in ci/ agree with what ci/ioguard-gate.sh and
# ioguard write: they parse as YAML, upload the SARIF and the code
# quality report under the names `ioguard-gate.sh -r DIR` gives them,
# and the shard matrix runs as many shards as it splits into and merges
# what it uploaded. One "ok   WHAT" or "FAIL WHAT: why" line each.
# usage: ci-files-check.py CI_DIR
import os
import sys

import yaml


def check(what, cond, why=""):
    print(("ok   " if cond else "FAIL ") + what + ("" if cond else ": " + why))


def load(ci, name):
    try:
        with open(os.path.join(ci, name)) as f:
            doc = yaml.safe_load(f)
        check(name + ": parses as YAML", isinstance(doc, dict))
        return doc if isinstance(doc, dict) else {}
    except (OSError, yaml.YAMLError) as e:
        check(name + ": parses as YAML", False, str(e))
        return {}


def steps(job):
    return job.get("steps", []) if isinstance(job, dict) else []


def runs(job):
    return "\n".join(s.get("run", "") for s in steps(job))


def uses(job, action):
    return [s for s in steps(job) if s.get("uses", "").startswith(action)]


def main(ci):
    gh = load(ci, "github-actions.yml")
    job = gh.get("jobs", {}).get("audit", {})
    check("github-actions.yml: may write security events",
          gh.get("permissions", {}).get("security-events") == "write")
    check("github-actions.yml: runs the gate with -r reports",
          "ioguard-gate.sh" in runs(job) and "-r reports" in runs(job))
    up = uses(job, "github/codeql-action/upload-sarif")
    check("github-actions.yml: uploads reports/ioguard.sarif with a category per arch",
          len(up) == 1 and up[0]["with"]["sarif_file"] == "reports/ioguard.sarif"
          and "matrix.arch" in up[0]["with"].get("category", ""), str(up))

    gl = load(ci, "gitlab-ci.yml")
    job = gl.get("ioguard", {})
    script = "\n".join(job.get("script", []))
    check("gitlab-ci.yml: runs the gate with -r reports", "ioguard-gate.sh" in script and "-r reports" in script)
    cq = job.get("artifacts", {}).get("reports", {}).get("codequality")
    check("gitlab-ci.yml: its code quality report is the gate's", cq == "reports/gl-code-quality-report.json", str(cq))

    sh = load(ci, "github-actions-shards.yml")
    shard, merge = sh.get("jobs", {}).get("shard", {}), sh.get("jobs", {}).get("merge", {})
    n = sh.get("env", {}).get("SHARDS")
    listed = shard.get("strategy", {}).get("matrix", {}).get("shard")
    check("github-actions-shards.yml: the matrix runs shards 1..SHARDS",
          listed == list(range(1, (n or 0) + 1)), "%s vs %s" % (listed, n))
    check("github-actions-shards.yml: each shard audits --shard I/SHARDS into its own index",
          "--shard ${{ matrix.shard }}/$SHARDS" in runs(shard) and "--index shard.db" in runs(shard))
    names = [s["with"]["name"] for s in uses(shard, "actions/upload-artifact")]
    pattern = [s["with"]["pattern"] for s in uses(merge, "actions/download-artifact")]
    check("github-actions-shards.yml: merge downloads what the shards upload",
          len(names) == 1 and len(pattern) == 1 and
          names[0].rsplit("-", 1)[0] + "-*" == pattern[0], "%s vs %s" % (names, pattern))
    check("github-actions-shards.yml: merge joins them and uploads SARIF",
          "ioguard merge" in runs(merge) and "shards/*/shard.db" in runs(merge)
          and len(uses(merge, "github/codeql-action/upload-sarif")) == 1)
    same = shard.get("strategy", {}).get("matrix", {})
    other = merge.get("strategy", {}).get("matrix", {})
    check("github-actions-shards.yml: merge covers every arch and config",
          same.get("arch") == other.get("arch") and same.get("config") == other.get("config"))


if __name__ == "__main__":
    main(sys.argv[1])
