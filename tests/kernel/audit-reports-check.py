#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
# The assertions of tests/kernel/audit-reports.sh that need a parser:
# each report (SARIF, GitLab code quality, the HTML page as headless
# Chromium built it, its screenshot) against the JSON report of the same
# index. Prints one "ok   WHAT" or "FAIL WHAT: why" line per assertion;
# the suite counts them. Standard library only.
#
# usage: audit-reports-check.py sarif JSON SARIF CHECKS_DEF
#        audit-reports-check.py baseline SARIF          (every result unchanged)
#        audit-reports-check.py codequality JSON FILE
#        audit-reports-check.py dom JSON DOM
#        audit-reports-check.py png PNG WIDTH HEIGHT [LABEL]
import json
import re
import struct
import sys
import zlib
from html.parser import HTMLParser


def check(what, cond, why=""):
    print(("ok   " if cond else "FAIL ") + what + ("" if cond else ": " + why))


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def where(loc):
    """file:line of a SARIF location"""
    p = loc["physicalLocation"]
    return "%s:%d" % (p["artifactLocation"]["uri"], p.get("region", {}).get("startLine", 0))


def sarif(json_path, sarif_path, checks_def):
    rep, log = load(json_path), load(sarif_path)
    check("sarif: version 2.1.0, one run", log.get("version") == "2.1.0" and len(log["runs"]) == 1)
    run = log["runs"][0]
    drv = run["tool"]["driver"]
    check("sarif: driver ioguard with version and informationUri",
          drv["name"] == "ioguard" and drv.get("version") and drv.get("informationUri"))
    with open(checks_def) as f:
        want = ["ioguard-" + m.replace("_", "-") for m in re.findall(r"^CHECK\((\w+)\)", f.read(), re.M)]
    ids = [r["id"] for r in drv["rules"]]
    check("sarif: rule ids are the checks of checks.def", ids == want, "%s != %s" % (ids, want))
    texts = all(r["shortDescription"]["text"] and r["fullDescription"]["text"] and
                r["help"]["text"] and r["help"]["markdown"] for r in drv["rules"])
    check("sarif: every rule has short/full description and help text and markdown", texts)
    base = run.get("originalUriBaseIds", {}).get("SRCROOT", {}).get("uri", "")
    check("sarif: SRCROOT is the tree", base == "file://" + rep["tree"] + "/", base)
    res = run["results"]
    check("sarif: one result per JSON finding (%d)" % len(rep["findings"]),
          len(res) == len(rep["findings"]), "%d results" % len(res))
    for x, r in zip(rep["findings"], res):
        name = "sarif: %s:%d" % (x["file"], x["line"])
        fp = r.get("partialFingerprints", {}).get("ioguard/fingerprint/v1")
        check(name + ": fingerprint " + x["fingerprint"], fp == x["fingerprint"], str(fp))
        loc = r["locations"][0]
        region = loc["physicalLocation"]["region"]
        check(name + ": rule, place and a character column",
              r["ruleId"] == "ioguard-" + x["check"] and where(loc) == "%s:%d" % (x["file"], x["line"])
              and loc["physicalLocation"]["artifactLocation"]["uriBaseId"] == "SRCROOT"
              and 0 < region.get("startColumn", 0) <= x["column"] and r["level"] == "warning",
              json.dumps(r["locations"]))
        flows = r.get("codeFlows", [])
        check(name + ": a code flow per chain (%d)" % len(x["chains"]), len(flows) == len(x["chains"]),
              "%d code flows" % len(flows))
        for c, fl in zip(x["chains"], flows):
            tf = fl["threadFlows"]
            steps = ["%s:%d" % (s["file"], s["line"]) for s in c["steps"]]
            got = [where(l["location"]) for l in tf[0]["locations"]] if len(tf) == 1 else []
            check(name + ": %s chain from %s: its calls, then the finding" % (c["kind"], c["steps"][0]["function"]),
                  got == steps + ["%s:%d" % (x["file"], x["line"])], "%s vs %s" % (got, steps))
    props = run.get("properties", {}).get("units", {})
    u = rep["units"]
    check("sarif: unit counts", [props.get(k) for k in ("listed", "checked", "skipped", "errors", "notChecked")] ==
          [u[k] for k in ("listed", "checked", "skipped", "errors", "not_checked")], json.dumps(props))
    notes = run["invocations"][0].get("toolExecutionNotifications", [])
    check("sarif: a notification per unit not fully checked (%d)" % len(rep["units_not_fully_checked"]),
          [where(n["locations"][0]).rsplit(":", 1)[0] for n in notes] ==
          [n["unit"] for n in rep["units_not_fully_checked"]])


def baseline(sarif_path):
    res = load(sarif_path)["runs"][0]["results"]
    states = {r.get("baselineState") for r in res}
    check("sarif with itself as the baseline: every result unchanged", res and states == {"unchanged"}, str(states))


def codequality(json_path, cq_path):
    rep, cq = load(json_path), load(cq_path)
    want = [(x["fingerprint"], x["file"], x["line"], "ioguard-" + x["check"]) for x in rep["findings"]]
    got = [(i["fingerprint"], i["location"]["path"], i["location"]["lines"]["begin"], i["check_name"]) for i in cq]
    check("codequality: an issue per finding, same fingerprint, path, line", got == want, "%s vs %s" % (got, want))
    check("codequality: description and severity",
          all(i["description"] and i["severity"] in ("info", "minor", "major", "critical", "blocker") for i in cq))


class Dom(HTMLParser):
    """What the page shows: texts by id, findings' locations and SVG texts."""

    def __init__(self):
        super().__init__()
        self.ids, self.findings, self.external = {}, {}, []
        self.stack, self.cur, self.grab = [], None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for k in ("src", "href"):
            v = a.get(k) or ""
            if v and not v.startswith("#"):
                self.external.append(v)
        if tag in ("script", "link", "iframe", "img", "object"):
            self.external.append(tag)
        if tag == "article" and "data-fingerprint" in a:
            self.cur = self.findings[a["data-fingerprint"]] = {"loc": "", "svgs": 0, "svgtext": []}
        if self.cur is not None and tag == "svg":
            self.cur["svgs"] += 1
        self.grab = None
        if "id" in a:
            self.grab = ("id", a["id"])
            self.ids[a["id"]] = ""
        elif self.cur is not None and tag == "code" and "loc" in (a.get("class") or ""):
            self.grab = ("loc", None)
        elif self.cur is not None and tag == "text":
            self.grab = ("svg", None)
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag == "article":
            self.cur = None
        self.grab = None

    def handle_data(self, data):
        if not self.grab:
            return
        kind, key = self.grab
        if kind == "id":
            self.ids[key] += data
        elif kind == "loc":
            self.cur["loc"] += data
        else:
            self.cur["svgtext"].append(data)


def dom(json_path, dom_path):
    rep = load(json_path)
    d = Dom()
    with open(dom_path, encoding="utf-8") as f:
        d.feed(f.read())
    u = rep["units"]
    for key, name in (("listed", "listed"), ("checked", "checked"), ("skipped", "skipped"),
                      ("errors", "errors"), ("not_checked", "not-checked")):
        got = d.ids.get("units-" + name, "").strip()
        check("html: units %s shows %d" % (key, u[key]), got == str(u[key]), repr(got))
    counts = {}
    for x in rep["findings"]:
        counts[x["check"]] = counts.get(x["check"], 0) + 1
    for c, n in sorted(counts.items()):
        got = d.ids.get("count-" + c, "").strip()
        check("html: %s shows %d findings" % (c, n), got == str(n), repr(got))
    got = d.ids.get("count-total", "").strip()
    check("html: total shows %d" % len(rep["findings"]), got == str(len(rep["findings"])), repr(got))
    check("html: no finding the JSON lacks", set(d.findings) == {x["fingerprint"] for x in rep["findings"]},
          str(sorted(d.findings)))
    for x in rep["findings"]:
        name = "html: %s:%d" % (x["file"], x["line"])
        f = d.findings.get(x["fingerprint"])
        if not f:
            check(name + ": shown", False, "no article")
            continue
        check(name + ": shown with its file:line", f["loc"].startswith("%s:%d:" % (x["file"], x["line"])), f["loc"])
        want = 1 if x["chains"] else 0
        check(name + ": %d SVG picture%s" % (want, "" if want == 1 else "s"), f["svgs"] == want, str(f["svgs"]))
        if x["chains"]:
            text = " ".join(f["svgtext"])
            roots = sorted({c["steps"][0]["function"] for c in x["chains"]})
            missing = [r for r in roots if r not in text]
            check(name + ": the picture names its roots and function (%s)" % ", ".join(roots),
                  not missing and x["function"] in text, "missing %s" % missing)
    check("html: nothing fetched (no src/href out of the page, no script, link or img)",
          not d.external, str(d.external[:5]))


def png_pixels(path):
    """(width, height, rows of RGB(A) bytes) of an 8-bit RGB or RGBA PNG"""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    if depth != 8 or ctype not in (2, 6):
        return w, h, None
    bpp = 3 if ctype == 2 else 4
    raw, stride, rows, prev = zlib.decompress(idat), w * bpp, [], bytearray(w * bpp)
    for y in range(h):
        ft, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if ft == 1:
                line[i] = (line[i] + a) & 255
            elif ft == 2:
                line[i] = (line[i] + b) & 255
            elif ft == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif ft == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return w, h, [bytes(r[i:i + 3]) for r in rows for i in range(0, stride, bpp)]


def png(path, width, height, label="screenshot"):
    got = png_pixels(path)
    check(label + ": a PNG", got is not None)
    if not got:
        return
    w, h, px = got
    check(label + ": %sx%s" % (width, height), (w, h) == (int(width), int(height)), "%dx%d" % (w, h))
    colours = set(px or [])
    # colours the page and its pictures use (report_html.c, report_graph.c)
    for name, rgb in (("a finding's red border", "a02c2c"), ("a source line highlighted", "fbe3a8"),
                      ("a root node of a call graph", "e3f1e3"), ("a finding node", "f6d2d2")):
        check(label + ": shows %s (#%s)" % (name, rgb), bytes.fromhex(rgb) in colours)


if __name__ == "__main__":
    cmds = {"sarif": sarif, "baseline": baseline, "codequality": codequality, "dom": dom, "png": png}
    if len(sys.argv) < 2 or sys.argv[1] not in cmds:
        sys.exit("usage: audit-reports-check.py sarif|baseline|codequality|dom|png ARGS...")
    try:
        cmds[sys.argv[1]](*sys.argv[2:])
    except (OSError, ValueError, KeyError, IndexError, TypeError) as e:
        check(sys.argv[1] + ": the report could be read", False, "%s: %s" % (type(e).__name__, e))
