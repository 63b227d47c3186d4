#!/bin/sh
# relgraph watch's latency, for make bench's row (tests/bench/run.sh) or
# alone: the median time from a save of the OPM example to its build's
# event on the live page's stream and the new chart read from the server
# (tests/watch/client.py bench: what the page does), over N saves, and
# the median time of one `relgraph render` of the same document to SVG.
#
#   sh tests/bench/run_watch.sh path/to/relgraph [N]
#
# Prints "SAVE-TO-CHART RENDER [SAVE-TO-PAGE]" in seconds (medians), a
# line; SAVE-TO-PAGE is the time to the new chart shown by the page in
# headless Chromium (tests/watch/page.js, WATCH_BENCH), when Chromium and
# node are there. Progress and each save's figures on stderr.
set -eu
rg=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
n=${2:-20}
top=$(cd "$(dirname "$0")/../.." && pwd)
dir=$(mktemp -d)
trap 'kill "$wpid" 2>/dev/null; rm -rf "$dir"' EXIT
cp "$top/graphs/opm-2015.json" "$dir/doc.json"
median() {
    sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2];
        else printf "%.6f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

(cd "$dir" && exec "$rg" watch doc.json --serve 0 >watch.out 2>watch.err) &
wpid=$!
i=0
until port=$(sed -n 's|.*127.0.0.1:\([0-9]*\)/.*|\1|p' "$dir/watch.out" 2>/dev/null) &&
    [ -n "$port" ]; do
    i=$((i + 1))
    [ $i -gt 100 ] && { echo "run_watch.sh: relgraph watch did not start" >&2; exit 1; }
    sleep 0.1
done
python3 "$top/tests/watch/client.py" bench "$port" "$dir/doc.json" "$n" \
    >"$dir/saves"
kill -INT "$wpid"
wait "$wpid" || true
if grep -q ' failed: ' "$dir/watch.err"; then
    echo "run_watch.sh: a build failed" >&2
    exit 1
fi
echo "save to chart, each (s): $(tr '\n' ' ' <"$dir/saves")" >&2

for i in $(seq "$n"); do
    s=$(date +%s.%N)
    "$rg" render "$dir/doc.json" -o "$dir/one.svg" 2>/dev/null
    e=$(date +%s.%N)
    echo "$s $e" | awk '{ printf "%.6f\n", $2 - $1 }'
done >"$dir/renders"
# The same in the page itself, in headless Chromium, when there is one.
page=""
if command -v "${CHROMIUM:-chromium}" >/dev/null 2>&1 && command -v node >/dev/null 2>&1; then
    cp "$top/graphs/opm-2015.json" "$dir/doc.json"
    WATCH_BENCH=$n node "$top/tests/watch/page.js" "${CHROMIUM:-chromium}" "$rg" \
        "$dir/doc.json" "$dir" >"$dir/page.out" 2>&1 || true
    sed -n 's/^bench //p' "$dir/page.out" >"$dir/pages"
    if [ "$(wc -l <"$dir/pages")" = "$n" ]; then
        echo "save to chart in the page, each (s): $(tr '\n' ' ' <"$dir/pages")" >&2
        page=$(median <"$dir/pages")
    else
        echo "run_watch.sh: the page's timing failed:" >&2
        tail -n 5 "$dir/page.out" >&2
    fi
fi
echo "$(median <"$dir/saves") $(median <"$dir/renders") $page"
