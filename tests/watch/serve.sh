#!/bin/sh
# relgraph watch --serve's HTTP server from outside: what it serves
# (the page with its security headers, the chart, the state, the event
# stream), what it refuses (any other path, however written; a Host that
# is not its own loopback name or address; a method but GET; a 1 MB
# header), and a load on loopback: 50 clients holding the event stream
# and one that never reads it, 4 sending requests as fast as they are
# answered for WATCH_LOAD_SECONDS (2; `make watch-stress`: 10), the
# document saved every 0.5 s, a client that never ends its request:
# no failed request, no failed build, every stream hears every build,
# flat memory, the slow client cut, and Ctrl-C still ends it (status 0).
#
#   sh tests/watch/serve.sh path/to/relgraph
#
# Needs python3 (tests/watch/client.py) and curl; says skip without them.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/../.." && pwd)
dir=$(mktemp -d)
. "$top/tests/watch/lib.sh"
for tool in python3 curl; do
    if ! command -v $tool >/dev/null 2>&1; then
        echo "skip watch-serve: $tool is missing (apt-get install $tool)"
        echo "watch-serve: 0 passed, 0 failed, 1 skipped"
        exit 0
    fi
done

# Counts a client.py run's verdicts.
tally_py() {
    cat "$dir/py.out"
    pass=$((pass + $(grep -c '^ok ' "$dir/py.out")))
    fail=$((fail + $(grep -c '^FAIL ' "$dir/py.out")))
    skip=$((skip + $(grep -c '^skip ' "$dir/py.out")))
    [ -s "$dir/py.out" ] || fail=$((fail + 1))
}

cp "$top/graphs/opm-2015.json" "$dir/doc.json"
start_watch doc.json --serve 0
port=$(served_port)
check "prints its URL with the port it took" "$(t test -n "$port")"
wait_lines 1
url=http://127.0.0.1:$port
curl -s -D "$dir/h" -o "$dir/page" "$url/"
check "the page: 200, HTML" "$(t grep -qi '^content-type: text/html' "$dir/h")"
check "the page: a Content-Security-Policy without inline script" "$(t grep -qi "^content-security-policy: default-src 'self'; script-src 'self';" "$dir/h")"
check "the page: nosniff" "$(t grep -qi '^x-content-type-options: nosniff' "$dir/h")"
check "the page loads no other site" "$(t test -z "$(grep -Eo '(src|href)="[^"/][^"]*"' "$dir/page")")"
curl -s -D "$dir/h" -o "$dir/chart.svg" "$url/chart.svg"
check "the chart: SVG, as render writes it" "$(t grep -qi '^content-type: image/svg+xml' "$dir/h")"
"$bin" render "$dir/doc.json" -o "$dir/render.svg" 2>/dev/null
check "the chart is render's SVG" "$(t cmp "$dir/chart.svg" "$dir/render.svg")"
check "the state: JSON with the relations" "$(t python3 -c "import json,sys; d=json.load(open('$dir/state.json' if False else sys.argv[1])); assert d['ok'] and d['links'] and d['actors']" /dev/stdin <<EOF2
$(curl -s "$url/state.json")
EOF2
)"
curl -s -N --max-time 1 -D "$dir/h" -o "$dir/events" "$url/events"
check "the stream: text/event-stream" "$(t grep -qi '^content-type: text/event-stream' "$dir/h")"
check "the stream: the current build at once" "$(t grep -q '^data: {"version":1,"ok":true}' "$dir/events")"
check "listens on 127.0.0.1 only" "$(t test -z "$(ss -Hltn "sport = :$port" 2>/dev/null | grep -v '127.0.0.1:')")"

python3 "$top/tests/watch/client.py" hostile "$port" >"$dir/py.out" 2>&1
tally_py
python3 "$top/tests/watch/client.py" load "$port" "${WATCH_LOAD_SECONDS:-2}" \
    "$dir/doc.json" "$wpid" >"$dir/py.out" 2>&1
tally_py
check "no failed build under load" "$(t test -z "$(grep ' failed: ' "$dir/watch.err")")"
stop_watch
check "Ctrl-C ends the server too, status 0 (was $wst)" "$(t test "$wst" = 0)"
check "the port is closed" "$(t test "$(curl -s -o /dev/null -w '%{http_code}' "$url/")" = 000)"

# A hostile document: its strings reach the page only as escaped JSON.
python3 - "$dir/doc.json" <<'EOF2'
import json, sys
d = json.load(open(sys.argv[1]))
d["actors"][0]["name"] = "</script><img src=x onerror=alert(1)>\u2028\u202e\"'&"
for k in d["links"]:
    k["quote"] = "<svg onload=alert(2)>\n</textarea>"
json.dump(d, open(sys.argv[1], "w"))
EOF2
: >"$dir/watch.err"
start_watch doc.json --serve 0
port=$(served_port)
wait_lines 1
curl -s "http://127.0.0.1:$port/state.json" >"$dir/state.json"
check "hostile names: the state is JSON with the name as written" "$(t python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
assert d['actors'][0]['name'].startswith('</script><img')
assert all(k['quote'].startswith('<svg onload') for k in d['links'])" "$dir/state.json")"
check "hostile names: no raw < or > in the state" "$(t test -z "$(tr -d '\n' <"$dir/state.json" | grep '[<>]')")"
stop_watch

echo "watch-serve: $pass passed, $fail failed, $skip skipped"
[ $fail = 0 ]
