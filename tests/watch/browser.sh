#!/bin/sh
# The live page of relgraph watch --serve in headless Chromium
# (tests/watch/page.js, driven over the DevTools protocol with node):
# the chart after each good save, the diagnostics over the greyed chart
# after each bad one, in place and by rename, zoom kept, an actor's links
# on hover, reconnection after a restart. Its screenshot is
# $BUILD/watch/watch-page.png (graphs/watch-page.png is a copy of it).
#
#   sh tests/watch/browser.sh path/to/relgraph
#
# Needs Chromium (installed as tests/browser/lib.sh does, else skip) and
# node (else skip).
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/../.." && pwd)
out=$(dirname "$bin")/watch
mkdir -p "$out"
chromium=${CHROMIUM:-chromium}
. "$top/tests/browser/lib.sh"
if why=$(chromium_missing); then
    echo "skip watch-page: $(echo "$why" | head -n 1)"
    echo "watch-page: 0 passed, 0 failed, 1 skipped"
    exit 0
fi
if ! command -v node >/dev/null 2>&1; then
    echo "skip watch-page: node is missing (apt-get install nodejs)"
    echo "watch-page: 0 passed, 0 failed, 1 skipped"
    exit 0
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cp "$top/graphs/opm-2015.json" "$dir/doc.json"
timeout 300 node "$top/tests/watch/page.js" "$chromium" "$bin" "$dir/doc.json" \
    "$out" >"$out/page.out" 2>&1
cat "$out/page.out"
p=$(grep -c '^ok ' "$out/page.out")
f=$(grep -c '^FAIL ' "$out/page.out")
grep -q '^watch-page: all checks passed' "$out/page.out" || [ "$f" -gt 0 ] || f=1
[ "$f" -gt 0 ] && sed 's/^/    | /' "$out/watch.err" | tail -n 20
echo "watch-page: $p passed, $f failed"
[ "$f" = 0 ]
