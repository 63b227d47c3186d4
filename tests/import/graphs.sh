#!/bin/sh
# Every Cytoscape.js, JSON Graph Format and d3 file of
# ../shared/data/interop imports, passes `check --strict` and renders;
# the numbers of actors, links and groups match those counted here from
# the input by python3, from each format's own rules (a Cytoscape node
# that is another's parent is a group, and an actor too when an edge
# touches it; repeated edges count once); and Cytoscape's compound
# parents hold their children.
#   sh tests/import/graphs.sh BIN
# Prints "ok NAME", "FAIL NAME: WHY", "skip NAME: REASON" and a last line
# "graphs: P passed, F failed, S skipped".
set -u
bin=$1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
top=$(cd "$(dirname "$0")/../.." && pwd)
data=$top/../shared/data/interop
pass=0
fail=0
skip=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); echo "ok   $1"; }
no() { fail=$((fail + 1)); echo "FAIL $1: $2"; }

if ! command -v python3 >/dev/null 2>&1; then
    echo "skip graphs: python3 is not installed"
    echo "graphs: 0 passed, 0 failed, 1 skipped"
    exit 0
fi
found=0
for f in "$data"/cytoscape/*.json "$data"/jgf/*.json "$data"/d3/*.json; do
    [ -f "$f" ] || continue
    found=1
    name=$(basename "$(dirname "$f")")/$(basename "$f")
    out=$tmp/doc.json
    if ! "$bin" import "$f" -o "$out" 2>"$tmp/err"; then
        no "$name" "import failed: $(head -n 3 "$tmp/err")"
        continue
    fi
    if ! "$bin" check --strict "$out" 2>"$tmp/err"; then
        no "$name" "check --strict: $(head -n 3 "$tmp/err")"
        continue
    fi
    if ! "$bin" render "$f" -o "$tmp/chart.svg" 2>"$tmp/err" ||
        [ ! -s "$tmp/chart.svg" ]; then
        no "$name" "render failed: $(head -n 3 "$tmp/err")"
        continue
    fi
    if why=$(python3 "$top/tests/import/graph_counts.py" "$f" "$out" 2>&1); then
        ok "$name: $why"
    else
        no "$name" "$why"
    fi
done
if [ $found -eq 0 ]; then
    echo "skip graphs: ../shared/data/interop is not here"
    skip=$((skip + 1))
fi
echo "graphs: $pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]
