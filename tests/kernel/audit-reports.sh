#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The audit's reports for tools, on Debian's 6.12 arm64 tree: one audit
# writes the JSON report, then the same index (audited again: nothing is
# checked twice) writes SARIF, HTML and GitLab code quality. Asserted:
#  - Microsoft's SARIF validator reports no error and no warning, with
#    its own rules and with GitHub's ("Sarif;Gh"), and does report them
#    on a broken log (its exit status says nothing: its output is read);
#  - the SARIF's rule ids are checks.def's; a result per JSON finding with
#    its fingerprint, place and a code flow per chain (root to finding);
#    as a baseline it leaves nothing new; merge writes the same bytes;
#  - code quality: an issue per finding with its fingerprint;
#  - the HTML page, as headless Chromium builds it (--dump-dom): the unit
#    numbers and counts per check of the JSON, each finding's file:line,
#    an SVG per finding with chains naming its roots, nothing fetched;
#    without graphviz's dot it is still written, says so, has no picture;
#  - Chromium's screenshot (--screenshot) shows the findings and the
#    pictures; docs/audit-report.png is such a screenshot
#    (IOGUARD_UPDATE_DOCS=1 replaces it with this run's).
# Ends with "audit-reports: N passed, N failed".
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
ioguard=$top/build/ioguard
check=$top/tests/kernel/audit-reports-check.py
name=audit-reports pass=0 fail=0
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
ok() { echo "ok   $1"; pass=$((pass + 1)); }
ko() { echo "FAIL $1"; fail=$((fail + 1)); }
finish() { echo "$name: $pass passed, $fail failed"; exit $([ $fail -eq 0 ]); }
# the checker's ok/FAIL lines, counted
counted() {
	"$@" > "$tmp/checks" 2>&1
	cat "$tmp/checks"
	pass=$((pass + $(grep -c '^ok ' "$tmp/checks")))
	fail=$((fail + $(grep -c '^FAIL ' "$tmp/checks")))
	grep -q "^ok " "$tmp/checks" || ko "$3: no assertion ran"
}

tree=$("$ioguard" fetch-kernel 6.12) || { ko "fetch-kernel 6.12"; finish; }
build=$("$ioguard" prepare-kernel 6.12 arm64) || { ko "prepare-kernel 6.12 arm64"; finish; }
validator=$("$top/src/sh/sarif-multitool.sh") || { ko "no SARIF validator (make deps)"; finish; }
command -v chromium >/dev/null || { ko "no chromium (make deps)"; finish; }
command -v dot >/dev/null || { ko "no graphviz dot (make deps)"; finish; }

audit() {
	"$ioguard" audit --tree "$tree" --arch arm64 --build "$build" -j2 "$@" 2>"$tmp/audit.err"
}
audit --format json -o "$tmp/r.json"
rc=$?
[ $rc -le 1 ] && ok "audit --format json (exit $rc)" || { ko "audit --format json: exit $rc"; cat "$tmp/audit.err"; finish; }
python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); sys.exit(not any(x["chains"] for x in r["findings"]))' \
	"$tmp/r.json" && ok "the JSON report has findings with chains" || ko "no finding with chains: the rest proves little"
for f in sarif html codequality; do
	audit --format $f -o "$tmp/r.$f"
	got=$?
	[ $got -eq $rc ] && [ -s "$tmp/r.$f" ] && ok "audit --format $f (exit $got)" ||
		{ ko "audit --format $f: exit $got, expected $rc"; cat "$tmp/audit.err"; }
done
# the index the formats came from still gives the JSON report
index=$build/ioguard-audit/index.db
"$ioguard" merge --format json -o "$tmp/m.json" "$index" 2>/dev/null
cmp -s "$tmp/r.json" "$tmp/m.json" && ok "the formats came from the index of the JSON report" ||
	ko "the index changed between the formats"

# SARIF
validate() { "$validator" validate "$@" > "$tmp/validate.out" 2>&1; }
validate "$tmp/r.sarif"
grep -q 'Analysis completed successfully' "$tmp/validate.out" && ! grep -Eq ': (error|warning) ' "$tmp/validate.out" &&
	ok "sarif-multitool validate: no error, no warning" || { ko "sarif-multitool validate"; cat "$tmp/validate.out"; }
validate --rule-kind "Sarif;Gh" --level "Error;Warning" "$tmp/r.sarif"
grep -q 'Analysis completed successfully' "$tmp/validate.out" && ! grep -Eq ': (error|warning) ' "$tmp/validate.out" &&
	ok "sarif-multitool validate --rule-kind Sarif;Gh (GitHub's rules): no error, no warning" ||
	{ ko "sarif-multitool validate with GitHub's rules"; cat "$tmp/validate.out"; }
sed 's/"ruleId": "ioguard-[a-z-]*", //' "$tmp/r.sarif" > "$tmp/broken.sarif"
validate "$tmp/broken.sarif"
grep -q ': error SARIF1010' "$tmp/validate.out" && ok "the validator reports a result without ruleId (SARIF1010)" ||
	{ ko "the validator missed a result without ruleId"; cat "$tmp/validate.out"; }
counted python3 "$check" sarif "$tmp/r.json" "$tmp/r.sarif" "$top/checkers/checks.def"
"$ioguard" merge --format sarif --baseline "$tmp/r.sarif" -o "$tmp/b.sarif" "$index" 2>"$tmp/merge.err"
got=$?
[ $got -eq 0 ] && ok "its own SARIF as the baseline: exit 0" || { ko "SARIF baseline: exit $got"; cat "$tmp/merge.err"; }
counted python3 "$check" baseline "$tmp/b.sarif"
for f in sarif html; do
	"$ioguard" merge --format $f -o "$tmp/m.$f" "$index" 2>/dev/null
	cmp -s "$tmp/r.$f" "$tmp/m.$f" && ok "merge writes the audit's $f, byte for byte" || ko "merge's $f differs from the audit's"
done

# GitLab code quality
counted python3 "$check" codequality "$tmp/r.json" "$tmp/r.codequality"

# HTML
chrome() {
	timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
		--user-data-dir="$tmp/chromium" "$@" 2>>"$tmp/chromium.err"
}
chrome --dump-dom "file://$tmp/r.html" > "$tmp/r.dom" && [ -s "$tmp/r.dom" ] &&
	ok "chromium --headless --dump-dom" || { ko "chromium --dump-dom"; tail -n 5 "$tmp/chromium.err"; }
counted python3 "$check" dom "$tmp/r.json" "$tmp/r.dom"
PATH=/nonexistent "$ioguard" merge --format html -o "$tmp/nodot.html" "$index" 2>"$tmp/nodot.err"
grep -q "graphviz's dot is not installed" "$tmp/nodot.err" && ! grep -q '<svg' "$tmp/nodot.html" &&
	[ "$(grep -c '<article' "$tmp/nodot.html")" -eq "$(grep -c '<article' "$tmp/r.html")" ] &&
	ok "without dot: said on stderr, the page has every finding and no picture" || ko "the page without dot"
chrome --window-size=1280,2400 --screenshot="$tmp/shot.png" "file://$tmp/r.html" >/dev/null &&
	ok "chromium --headless --screenshot" || { ko "chromium --screenshot"; tail -n 5 "$tmp/chromium.err"; }
counted python3 "$check" png "$tmp/shot.png" 1280 2400
[ "${IOGUARD_UPDATE_DOCS:-}" = 1 ] && cp "$tmp/shot.png" "$top/docs/audit-report.png"
counted python3 "$check" png "$top/docs/audit-report.png" 1280 2400 docs/audit-report.png
finish
