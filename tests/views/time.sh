#!/bin/sh
# Dates as views: time.json rendered --as-of and --between keeps the
# actors and links valid some day of the period and the undated ones (a
# link with both ends), says so under the title and in the SVG's <desc>,
# counts the undated; --fade keeps every id and gives what would be left
# out the class "faded" and a legend row, only when something is faded.
# The ids are read from the SVG as tests/check-outputs.sh reads them,
# without the prefix a view adds ("time-asof-2017-06-").
#   usage: sh tests/views/time.sh build/relgraph
# Ends "time views: N passed, N failed"; exits 1 if any check failed.
set -u
bin=${1:?usage: sh tests/views/time.sh path/to/relgraph}
here=$(cd "$(dirname "$0")" && pwd)
doc=$here/time.json
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() {
    name=$1
    shift
    if "$@" >/dev/null 2>&1; then
        pass=$((pass + 1)); echo "ok   $name"
    else
        fail=$((fail + 1)); echo "FAIL $name"
    fi
}

# svg NAME ARGS...: the chart of time.json with ARGS, in $tmp/NAME.svg.
svg() {
    name=$1
    shift
    "$bin" render "$doc" "$@" -o "$tmp/$name.svg" 2>"$tmp/$name.err"
}
# The actor and link ids drawn (actor-ann, link-ann--desk), sorted, one
# a line: a link's parts (-from, -to) count once.
ids() {
    grep -o 'id="[^"&]*-\(actor\|link\)&#45;[^"]*"' "$tmp/$1.svg" |
        sed 's/^id="[^"&]*-\(actor\|link\)&/\1\&/; s/"$//; s/&#45;/-/g; s/-\(from\|to\|start\|bend\)$//' |
        sort -u | tr '\n' ' '
}
# The ids whose element has the class "faded".
faded() {
    grep -o 'id="[^"&]*-\(actor\|link\)&#45;[^"]*" class="[^"]*faded' "$tmp/$1.svg" |
        sed 's/^id="[^"&]*-\(actor\|link\)&/\1\&/; s/".*//; s/&#45;/-/g; s/-\(from\|to\|start\|bend\)$//' |
        sort -u | tr '\n' ' '
}
all="actor-ann actor-bureau actor-cell actor-desk actor-raid link-ann--bureau link-ann--desk link-ann--raid link-bureau--cell link-cell--raid "

svg asof2017 --as-of 2017-06
check "--as-of 2017-06 keeps what is valid then and the undated" \
    test "$(ids asof2017)" = "actor-ann actor-bureau actor-cell actor-raid link-ann--bureau link-ann--raid link-bureau--cell link-cell--raid "
note="As of June 2017: 4 of 5 actors, 4 of 5 links (2 undated kept)."
check "the note under the title" grep -q "font-style=\"italic\"[^>]*>$note<" "$tmp/asof2017.svg"
check "the note in the SVG's <desc>" grep -q "<desc [^>]*>.* $note</desc>" "$tmp/asof2017.svg"
check "no legend row for faded things without --fade" sh -c "! grep -q 'faded:' '$tmp/asof2017.svg'"

svg asof2021 --as-of 2021-01-01
check "a link of 2017 until 2020 is gone in 2021, its ends stay" \
    test "$(ids asof2021)" = "actor-ann actor-bureau actor-cell actor-raid link-ann--bureau link-ann--raid link-cell--raid "

svg asofday --as-of 2013-01-05
check "--as-of a day: a link goes with its end (bureau, from 2014)" \
    test "$(ids asofday)" = "actor-ann actor-desk link-ann--desk "
check "the day written for people, one undated kept" \
    grep -q "As of 5 January 2013: 2 of 5 actors, 1 of 5 links (1 undated kept)\." "$tmp/asofday.svg"

svg between --between 2015-05..2015-06
check "--between meets the period (an event dated 2015-06-01)" \
    test "$(ids between)" = "actor-ann actor-bureau actor-raid link-ann--bureau link-ann--raid "
check "the period written for people" \
    grep -q "Between May 2015 and June 2015: 3 of 5 actors, 2 of 5 links" "$tmp/between.svg"

svg fade --as-of 2012 --fade
check "--fade keeps every id" test "$(ids fade)" = "$all"
check "--fade marks what --as-of leaves out, and only that" \
    test "$(faded fade)" = "actor-bureau actor-cell actor-raid link-ann--bureau link-ann--raid link-bureau--cell link-cell--raid "
check "--fade: the legend row" grep -q 'faded: not valid as of 2012' "$tmp/fade.svg"
check "--fade: a faded actor's label in italics" \
    sh -c "grep -A8 'actor&#45;bureau\" class' '$tmp/fade.svg' | grep -q 'font-style=\"italic\"[^>]*>Bureau<'"
check "--fade: a faded actor's outline dashed" \
    sh -c "grep -A6 'actor&#45;bureau\" class' '$tmp/fade.svg' | grep -q 'stroke-dasharray'"

svg fadenone --between 2010.. --fade
check "--fade with nothing outside: no faded class, no legend row" \
    sh -c "! grep -q 'class=\"[^\"]*faded\\|faded:' '$tmp/fadenone.svg'"

svg focus --between 2016.. --focus Cell
check "--focus works on the time view" \
    test "$(ids focus)" = "actor-bureau actor-cell actor-raid link-bureau--cell link-cell--raid "
check "the ids of a time view have a prefix of their own" \
    grep -q 'id="time-between-2016-to--f-cell-actor&#45;cell"' "$tmp/focus.svg"
check "--focus's note follows the time view's" \
    grep -q "From 2016 on: 4 of 5 actors, 4 of 5 links (2 undated kept)\. Showing 3 of 4 actors" "$tmp/focus.svg"

# With --diagnostics json the chart is laid out in a child process, which
# must get the view too (it once got the whole document).
"$bin" render "$doc" --as-of 2012 --diagnostics json -o "$tmp/child.svg" 2>/dev/null
check "a view laid out in a child process" test "$(ids child)" = "actor-ann actor-desk link-ann--desk "

for f in md html; do
    "$bin" render "$doc" --as-of 2017-06 -T $f >"$tmp/r.$f" 2>/dev/null
    check "the $f report says which view it is" grep -q "$note" "$tmp/r.$f"
done
"$bin" render "$doc" --as-of 2012 -T graphml >"$tmp/r.graphml" 2>/dev/null
check "exports hold the view (graphml: no Bureau as of 2012)" \
    sh -c "grep -q 'Ann' '$tmp/r.graphml' && ! grep -q 'Bureau' '$tmp/r.graphml'"

echo "time views: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
