#!/bin/sh
# Group boxes tell the truth in every engine: for each layout engine and
# each document (the examples, generated documents with nested groups,
# the d3 Les Miserables sample with its groups), the chart's SVG is read
# by members.py: every actor inside the box of each of its groups (and of
# their parents), every other actor outside it. An engine that draws no
# group boxes must say so on standard error. Ends "N passed, N failed,
# N skipped".
#   usage: sh tests/groups/run.sh build/relgraph
# The generated documents come from the stress binary beside relgraph.
. "$(dirname "$0")/common.sh"
pass=0 fail=0 skip=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }

# The check itself must be able to fail: a box drawn over a non-member.
if python3 "$here/members.py" "$here/covers-other.svg" \
        "$here/covers-other.json" >"$tmp/out" 2>&1; then
    bad "members.py passes a box drawn over an actor of another group"
    cat "$tmp/out"
else
    ok "members.py catches a box drawn over an actor of another group"
fi

docs="$top/graphs/opm-2015.json $top/graphs/minimal.json"
if [ -x "$stress" ]; then
    # seeds whose documents nest groups two or three deep
    for seed in 2 3 7 10 11; do
        "$stress" --emit $seed >"$tmp/seed$seed.json"
        docs="$docs $tmp/seed$seed.json"
    done
else
    skip=$((skip + 1))
    echo "skip generated documents: no $stress (make test builds it)"
fi
if [ -f "$d3" ]; then
    python3 "$here/miserables.py" "$d3" --groups >"$tmp/miserables.json"
    docs="$docs $tmp/miserables.json"
else
    skip=$((skip + 1))
    echo "skip the d3 sample: no $d3"
fi

for doc in $docs; do
    name=$(basename "$doc" .json)
    for e in $engines; do
        svg=$tmp/$name-$e.svg
        if ! "$bin" render "$doc" --engine $e -o "$svg" 2>"$tmp/err"; then
            bad "$name $e: render failed: $(head -n 3 "$tmp/err")"
            continue
        fi
        if ! python3 "$here/members.py" "$svg" "$doc" >"$tmp/out" 2>&1; then
            bad "$name $e: group boxes do not hold exactly their members"
            head -n 5 "$tmp/out"
            continue
        fi
        if grep -q '"group"' "$doc" && ! grep -q 'class="cluster group' "$svg" &&
            ! grep -q "draws no group boxes" "$tmp/err"; then
            bad "$name $e: no group boxes drawn, and no word of it"
            continue
        fi
        ok "$name $e: $(tail -n 1 "$tmp/out" | sed 's/.*: //')"
    done
done
echo "groups: $pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]
