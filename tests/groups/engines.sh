#!/bin/sh
# Prints, as a Markdown table, the engine relgraph chooses for each of a
# few documents (the d3 Les Miserables sample, the examples, generated
# documents) and, for every engine, the chart's overlapping actor boxes
# and its area in square inches: "overlaps / area". The chosen engine's
# cell is in bold. Only actor boxes are compared, not texts.
#   usage: sh tests/groups/engines.sh build/relgraph
. "$(dirname "$0")/common.sh"

docs=""
if [ -f "$d3" ]; then
    python3 "$here/miserables.py" "$d3" >"$tmp/miserables.json"
    python3 "$here/miserables.py" "$d3" --groups >"$tmp/miserables-groups.json"
    docs="$tmp/miserables.json $tmp/miserables-groups.json"
else
    echo "(no $d3: the d3 sample is left out)" >&2
fi
docs="$docs $top/graphs/opm-2015.json $top/graphs/minimal.json"
for seed in 3 6 7 12; do
    [ -x "$stress" ] || break
    "$stress" --emit $seed >"$tmp/seed$seed.json"
    docs="$docs $tmp/seed$seed.json"
done

printf '| document | actors | links | chosen |'
for e in $engines; do printf ' %s |' "$e"; done
printf '\n| --- | --- | --- | --- |'
for e in $engines; do printf ' --- |'; done
printf '\n'
for doc in $docs; do
    name=$(basename "$doc" .json)
    counts=$(python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
print(len(d["actors"]), len(d.get("links", [])), d.get("layout", {}).get("engine", ""))' "$doc")
    set -- $counts
    chosen=${3:-}
    if [ -z "$chosen" ]; then
        "$bin" render "$doc" -o "$tmp/auto.svg" 2>"$tmp/err"
        chosen=$(sed -n 's/.*using the \([a-z]*\) layout.*/\1/p' "$tmp/err" | head -n 1)
        chosen=${chosen:-dot}
    fi
    printf '| %s | %s | %s | %s |' "$name" "$1" "$2" "$chosen"
    for e in $engines; do
        if "$bin" render "$doc" --engine $e -o "$tmp/$e.svg" 2>/dev/null; then
            cell=$(python3 "$here/measure.py" "$tmp/$e.svg" | sed 's| | / |')
        else
            cell="failed"
        fi
        [ $e = "$chosen" ] && cell="**$cell**"
        printf ' %s |' "$cell"
    done
    printf '\n'
done
