#!/bin/sh
# Runs every test of `make test` (and, with BUILD=build/asan, of
# `make check`) and ends with one line: "N passed, N failed, N skipped".
# A test that cannot run here (no ../shared, no Chromium, no cmark, not
# root, ...) is skipped, never passed: it prints "skip NAME: REASON", and
# every such line is listed again above the totals. A unit test skips with
# print_message("skip: REASON\n") and then cmocka's skip(); a skip without
# that line is a failure.
#   BUILD      the build directory (build)
#   STRESS_N   how many generated documents the stress sample renders (100)
#   OVERLAP_SEEDS, OVERLAP_REPORT  see tests/overlap/run.sh
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
build=$top/${BUILD:-build}
bin=$build/relgraph
pass=0
fail=0
skip=0
log=$(mktemp)
skips=$(mktemp)
trap 'rm -f "$log" "$skips"' EXIT

# Adds the counts of a "...: P passed, F failed[, S skipped]" line to the
# totals.
tally() {
    line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
    p=$(echo "$line" | sed -E 's/.* ([0-9]+) passed.*/\1/')
    f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
    s=$(echo "$line" | sed -nE 's/.* ([0-9]+) skipped.*/\1/p')
    if [ -z "$line" ]; then p=0; f=1; fi
    pass=$((pass + p))
    fail=$((fail + f))
    skip=$((skip + ${s:-0}))
    grep '^skip ' "$log" >>"$skips"
}

# run_script SCRIPT: runs a test script on $bin, shows its log, counts it.
run_script() {
    sh "$1" "$bin" >"$log" 2>&1
    cat "$log"
    tally
}

echo "== unit tests (cmocka)"
units=0
for t in "$build"/tests/test_*; do
    [ -x "$t" ] || continue
    units=$((units + 1))
    "$t" >"$log" 2>&1
    st=$?
    cat "$log"
    # The verdict of each test, as cmocka printed it after "[ RUN ]"
    # (its summary repeats failures and skips: those are not counted
    # again); a skipped test with the reason it printed ("skip: REASON").
    awk -v unit="$(basename "$t")" '
        /^\[ RUN      \] / { name = $NF; why = ""; next }
        name == "" { next }
        /^skip: / { why = substr($0, 7); next }
        /^\[       OK \] / { print "ok"; name = ""; next }
        /^\[  (FAILED  |ERROR   )\] / { print "FAIL " unit " " name; name = ""; next }
        /^\[  SKIPPED \] / {
            if (why == "")
                print "FAIL " unit " " name ": skipped without a reason" \
                    " (print_message(\"skip: REASON\\n\") before skip())"
            else
                print "skip " unit " " name ": " why
            name = ""
        }' "$log" >"$log.verdicts"
    grep '^skip ' "$log.verdicts" | tee -a "$skips"
    grep '^FAIL .*: skipped without a reason' "$log.verdicts"
    p=$(grep -c '^ok$' "$log.verdicts")
    f=$(grep -c '^FAIL ' "$log.verdicts")
    # a crash or a sanitizer report is a failure even if no test said so
    if [ $st -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    pass=$((pass + p))
    fail=$((fail + f))
    skip=$((skip + $(grep -c '^skip ' "$log.verdicts")))
    rm -f "$log.verdicts"
done
if [ $units -eq 0 ]; then
    fail=$((fail + 1))
    echo "FAIL no unit test is built in $build/tests (make test builds them)"
fi

echo "== CLI cases (tests/cases)"
run_script tests/run-cases.sh

echo "== STIX import (../shared/data/interop/stix)"
run_script tests/import/stix.sh

echo "== outputs"
run_script tests/check-outputs.sh

echo "== library symbols"
# Every global symbol of the library carries the rg_ prefix (ASan adds an
# __odr_asan.<name> indicator beside some globals: those are the name's),
# but delaunay_tri, findCComp and agopen, which stand in for Graphviz's
# own (src/gvsame.c).
stray=$(nm -g --defined-only "$build/librelgraph.a" 2>/dev/null |
    awk 'NF == 3 && $2 ~ /[TDBR]/ {print $3}' | grep -v '^rg_' |
    grep -v '^__odr_asan\.rg_' | grep -v -e '^delaunay_tri$' -e '^findCComp$' -e '^agopen$')
if [ -z "$stray" ] && nm -g --defined-only "$build/librelgraph.a" | grep -q ' T rg_doc_load_file$'; then
    pass=$((pass + 1))
    echo "ok   every global symbol starts with rg_"
else
    fail=$((fail + 1))
    echo "FAIL global symbols without the rg_ prefix: $stray"
fi

echo "== JSON Schema (ajv)"
run_script tests/schema/run.sh

echo "== data exports: STIX, GraphML, GEXF, Cytoscape.js, CSV"
BUILD=$build sh tests/export/run.sh "$bin" >"$log" 2>&1
cat "$log"
tally

echo "== round trips: interop files, STIX ids, documents through CSV, STIX, Cytoscape.js"
run_script tests/roundtrip/run.sh

echo "== two charts in one page, in headless Chromium"
run_script tests/browser/run.sh

echo "== relgraph watch: saves in place and by rename, the live page's server, the page in headless Chromium"
run_script tests/watch/run.sh
run_script tests/watch/serve.sh
run_script tests/watch/browser.sh

echo "== every script: names in Chinese, Arabic, Cyrillic, Hebrew"
run_script tests/scripts/run.sh

echo "== group boxes in every layout engine"
run_script tests/groups/run.sh

echo "== no overlapping text, in headless Chromium"
# Strict: fails while any chart has overlapping or crossed text
# (OVERLAP_REPORT=1 only reports); a chart's line only when it has any.
STRESS=$build/stress sh tests/overlap/run.sh "$bin" "$build/overlap" >"$log" 2>&1
grep -v '^chart .*: [0-9]* texts, 0 overlapping pairs, 0 crossed texts$' "$log"
tally

echo "== TLP markings: nothing withheld leaks, the label top and foot"
run_script tests/tlp/run.sh

echo "== grades: markers, legend, --min-credibility, tables, STIX"
run_script tests/views/grade.sh

echo "== timeline charts: x grows with date, theme lines, undated band"
run_script tests/timeline/run.sh

echo "== diff: the reports, the marked chart, git's diff driver"
run_script tests/diff/run.sh

echo "== chains between two actors (--path)"
run_script tests/views/path.sh

echo "== dates as views: --as-of, --between, --fade"
run_script tests/views/time.sh

echo "== contrast (WCAG AA) of every theme"
run_script tests/contrast/run.sh

echo "== hostile input"
HOSTILE_BIG=${HOSTILE_BIG:-200000} sh tests/hostile.sh "$bin" >"$log" 2>&1
cat "$log"
tally

echo "== import: Cytoscape.js, JSON Graph Format and d3 files"
run_script tests/import/graphs.sh

echo "== import: CSV tables read back as written"
run_script tests/import/csv.sh

echo "== man pages and bash completion"
run_script tests/man/run.sh
run_script tests/completion/run.sh

n=${STRESS_N:-100}
echo "== stress sample: $n generated documents"
if "$build/stress" 0 "$n" >"$log" 2>&1; then
    pass=$((pass + 1))
else
    fail=$((fail + 1))
fi
tail -n 20 "$log"

if [ $skip -gt 0 ]; then
    echo "== skipped"
    cat "$skips"
fi
echo "$pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]
