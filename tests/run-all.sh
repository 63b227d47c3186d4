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
sh tests/run-cases.sh "$bin" >"$log" 2>&1
cat "$log"
tally

echo "== STIX import (../shared/data/interop/stix)"
sh tests/import/stix.sh "$bin" >"$log" 2>&1
cat "$log"
tally

echo "== outputs"
sh tests/check-outputs.sh "$bin" >"$log" 2>&1
cat "$log"
tally

echo "== library symbols"
# Every global symbol of the library carries the rg_ prefix (ASan adds an
# __odr_asan.<name> indicator beside some globals: those are the name's).
stray=$(nm -g --defined-only "$build/librelgraph.a" 2>/dev/null |
    awk 'NF == 3 && $2 ~ /[TDBR]/ {print $3}' | grep -v '^rg_' |
    grep -v '^__odr_asan\.rg_')
if [ -z "$stray" ] && nm -g --defined-only "$build/librelgraph.a" | grep -q ' T rg_doc_load_file$'; then
    pass=$((pass + 1))
    echo "ok   every global symbol starts with rg_"
else
    fail=$((fail + 1))
    echo "FAIL global symbols without the rg_ prefix: $stray"
fi

echo "== JSON Schema (ajv)"
sh tests/schema/run.sh "$bin" >"$log" 2>&1
cat "$log"
tally

echo "== data exports: STIX, GraphML, GEXF, Cytoscape.js, CSV"
BUILD=$build sh tests/export/run.sh "$bin" >"$log" 2>&1
cat "$log"
tally

echo "== round trips: interop files, STIX ids, documents through CSV, STIX, Cytoscape.js"
sh tests/roundtrip/run.sh "$bin" >"$log" 2>&1
cat "$log"
tally

echo "== two charts in one page, in headless Chromium"
sh tests/browser/run.sh "$bin" >"$log" 2>&1
cat "$log"
tally

echo "== relgraph watch: saves in place and by rename, the live page's server, the page in headless Chromium"
sh tests/watch/run.sh "$bin" >"$log" 2>&1
cat "$log"
tally
sh tests/watch/serve.sh "$bin" >"$log" 2>&1
cat "$log"
tally
sh tests/watch/browser.sh "$bin" >"$log" 2>&1
cat "$log"
tally

echo "== every script: names in Chinese, Arabic, Cyrillic, Hebrew"
sh tests/scripts/run.sh "$bin" >"$log" 2>&1
cat "$log"
tally

echo "== group boxes in every layout engine"
sh tests/groups/run.sh "$bin" >"$log" 2>&1
cat "$log"
tally

echo "== no overlapping text, in headless Chromium"
# Strict: fails while any chart has overlapping or crossed text
# (OVERLAP_REPORT=1 only reports); a chart's line only when it has any.
STRESS=$build/stress sh tests/overlap/run.sh "$bin" "$build/overlap" >"$log" 2>&1
grep -v '^chart .*: [0-9]* texts, 0 overlapping pairs, 0 crossed texts$' "$log"
tally

echo "== TLP markings: nothing withheld leaks, the label top and foot"
sh tests/tlp/run.sh "$bin" >"$log" 2>&1
cat "$log"
tally

echo "== grades: markers, legend, --min-credibility, tables, STIX"
sh tests/views/grade.sh "$bin" >"$log" 2>&1
cat "$log"
tally

echo "== timeline charts: x grows with date, theme lines, undated band"
sh tests/timeline/run.sh "$bin" >"$log" 2>&1
cat "$log"
tally

echo "== diff: the reports, the marked chart, git's diff driver"
sh tests/diff/run.sh "$bin" >"$log" 2>&1
echo "== chains between two actors (--path)"
sh tests/views/path.sh "$bin" >"$log" 2>&1
echo "== dates as views: --as-of, --between, --fade"
sh tests/views/time.sh "$bin" >"$log" 2>&1
cat "$log"
tally

echo "== contrast (WCAG AA) of every theme"
sh tests/contrast/run.sh "$bin" >"$log" 2>&1
cat "$log"
tally

echo "== hostile input"
HOSTILE_BIG=${HOSTILE_BIG:-200000} sh tests/hostile.sh "$bin" >"$log" 2>&1
cat "$log"
tally

echo "== import: Cytoscape.js, JSON Graph Format and d3 files"
sh tests/import/graphs.sh "$bin" >"$log" 2>&1
cat "$log"
tally

echo "== import: CSV tables read back as written"
sh tests/import/csv.sh "$bin" >"$log" 2>&1
cat "$log"
tally

echo "== man pages and bash completion"
sh tests/man/run.sh "$bin" >"$log" 2>&1
cat "$log"
tally
sh tests/completion/run.sh "$bin" >"$log" 2>&1
cat "$log"
tally

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
