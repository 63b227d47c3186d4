#!/bin/sh
# The diff benchmark: `relgraph diff` of two 100,000-actor documents that
# differ in 1% of their links, against two bare jansson parses (jparse) of
# the same files, run interleaved; prints one line with both medians and
# the ratio (target: at most 2.5). Run by run.sh, or alone after `make
# build/bench/gen build/bench/jparse build/bench/peakmem`:
#
#   sh tests/bench/run_diff.sh [BUILD] [RUNS]
set -eu
BUILD=${1:-${BUILD:-build}}
RUNS=${2:-${BENCH_RUNS:-5}}
B=$BUILD/bench
OLD=$B/data/bench-100000.json
NEW=$B/data/bench-100000-changed.json
mkdir -p "$B/data"
[ -e "$OLD" ] || "$B/gen" -n 100000 >"$OLD"
[ -e "$NEW" ] && [ "$NEW" -nt "$OLD" ] || python3 tests/bench/diff_pair.py "$OLD" "$NEW"
T=$(mktemp -d "${TMPDIR:-/tmp}/relgraph-diff-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
i=0
while [ "$i" -lt "$RUNS" ]; do
    d() { "$B/peakmem" -- "$BUILD/relgraph" diff "$OLD" "$NEW" >>"$T/diff"; }
    j() {
        a=$("$B/peakmem" -- "$B/jparse" "$OLD" | cut -d' ' -f1)
        b=$("$B/peakmem" -- "$B/jparse" "$NEW" | cut -d' ' -f1)
        awk -v a="$a" -v b="$b" 'BEGIN { print a + b, 0, 0 }' >>"$T/jp"
    }
    if [ $((i % 2)) = 0 ]; then d; j; else j; d; fi
    i=$((i + 1))
done
# relgraph diff exits 1: the documents differ; anything else is a failure.
awk '$3 != 1 { bad = 1 } END { exit bad }' "$T/diff" ||
    { echo "run_diff.sh: relgraph diff failed" >&2; exit 1; }
med() { cut -d' ' -f1 "$1" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
dt=$(med "$T/diff"); jt=$(med "$T/jp")
awk -v d="$dt" -v j="$jt" -v n="$RUNS" 'BEGIN {
    r = d / j
    printf "diff of two 100,000-actor documents (1%% of links differ): %.2f s; two jparse: %.2f s; ratio %.2f (target <= 2.5: %s; medians of %d)\n",
           d, j, r, r <= 2.5 ? "meets" : "MISSES", n }'
