#!/bin/sh
# Chains between two actors (--path A B): which actors and links a chart
# keeps (read back from its DOT), the note that counts the chains, the
# two ends drawn bold, group boxes with --through-groups, the view after
# --tlp, every output format, and bounded time on a complete graph and a
# grid (hostile: many chains of the same length).
#   usage: sh tests/views/path.sh build/relgraph
# Needs python3 for the generated documents (skipped without it). Ends
# "path: N passed, N failed, N skipped"; exits 1 if any check failed.
set -u
bin=${1:?usage: sh tests/views/path.sh path/to/relgraph}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0 skip=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }
doc=$here/path.json
opm=$top/graphs/opm-2015.json

# ids FILE: the actor ids a DOT output draws, sorted, on one line
ids() {
    sed -n 's/.*id="actor-\([^"]*\)".*/\1/p' "$1" | sort | tr '\n' ' '
}
# links FILE: how many links (their "-from" halves) a DOT output draws
links() { grep -c 'id="link-[^"]*-from"' "$1"; }
# bold FILE: the actor ids drawn with penwidth=3, sorted
bold() {
    awk '/^\t[^ ]+\t\[/ { ent = "" } { ent = ent $0 }
         /\];$/ { if (ent ~ /penwidth=3/ && match(ent, /id="actor-[^"]*"/))
                      print substr(ent, RSTART + 10, RLENGTH - 11); ent = "" }' \
        "$1" | sort | tr '\n' ' '
}

"$bin" render "$doc" --path Alpha Echo -T dot >"$tmp/ae.dot" 2>"$tmp/err"
check "two chains: their actors only" '[ "$(ids "$tmp/ae.dot")" = "a b c d e " ]'
check "two chains: six links, b-c both ways" '[ "$(links "$tmp/ae.dot")" = 6 ]'
check "two chains: the note" \
    'grep -q "The only 2 chains (1 of 2 links, 1 of 3) between Alpha and Echo." "$tmp/ae.dot"'
check "two chains: the ends bold" '[ "$(bold "$tmp/ae.dot")" = "a e " ]'

"$bin" render "$doc" --path Echo Alpha --paths 1 -T dot >"$tmp/one.dot"
check "--paths 1: the shortest only" '[ "$(ids "$tmp/one.dot")" = "a d e " ]'
check "--paths 1: the note" \
    'grep -q "The shortest chain, of 2 links, between Echo and Alpha." "$tmp/one.dot"'

"$bin" render "$doc" --path Alpha Zulu --through-groups -T dot >"$tmp/g.dot"
check "through groups: the group's box" 'grep -q "subgraph cluster_g1" "$tmp/g.dot"'
check "through groups: x and y in it, no link between them" \
    '[ "$(ids "$tmp/g.dot")" = "a b c d e x y z " ] && [ "$(links "$tmp/g.dot")" = 8 ]'
check "through groups: steps counted" 'grep -q "(1 of 6 steps, 1 of 7)" "$tmp/g.dot"'

"$bin" render "$doc" --path Alpha Zulu -T dot >"$tmp/none.dot" 2>"$tmp/none.err"
st=$?
check "no chain: exit 1, nothing written" '[ $st = 1 ] && [ ! -s "$tmp/none.dot" ]'
check "no chain: what each reaches" \
    'grep -q "Alpha reaches 6 actors (Bravo, Delta, Whiskey, Charlie, Echo, Xray) and Zulu 1 (Yankee)" "$tmp/none.err"'

# After --tlp: Delta withheld, the chain through it goes.
sed -e 's/"name": "Delta"/"name": "Delta", "tlp": "red"/' \
    -e 's/"relgraph": 1,/"relgraph": 1, "tlp": "clear",/' "$doc" >"$tmp/tlp.json"
"$bin" render "$tmp/tlp.json" --tlp amber --path Alpha Echo -T dot >"$tmp/tlp.dot"
check "after --tlp: the chain around what is withheld" \
    '[ "$(ids "$tmp/tlp.dot")" = "a b c e " ] && ! grep -q Delta "$tmp/tlp.dot"'

# The article's example, every output.
if "$bin" render "$opm" --path "Deep Panda" "Office of Personnel Management" \
    -o "$tmp/opm.svg" -o "$tmp/opm.png" -o "$tmp/opm.pdf" -o "$tmp/opm.html" \
    -o "$tmp/opm.md" -o "$tmp/opm.stix.json" -o "$tmp/opm.dot" 2>"$tmp/err"; then
    ok "OPM: every output"
else
    bad "OPM: every output: $(cat "$tmp/err")"
fi
check "OPM: the chains' actors" \
    '[ "$(ids "$tmp/opm.dot")" = "arrested-hackers china deep-panda opm opm-breach " ]'
check "OPM: the note in the SVG" \
    'grep -q "3 shortest chains (1 of 2 links, 1 of 3, 1 of 4) between Deep Panda and Office of Personnel Management." "$tmp/opm.svg"'
check "OPM: the note in the report" 'grep -q "3 shortest chains" "$tmp/opm.html"'

# Names that are markup, in the note of every output.
cat >"$tmp/h.json" <<'EOF'
{"relgraph": 1, "actors": [{"id": "a", "name": "<script>x</script> & \"q\""},
 {"id": "b", "name": "]]> <!-- y"}], "links": [{"from": "a", "to": "b"}]}
EOF
"$bin" render "$tmp/h.json" --path a b -o "$tmp/h.svg" -o "$tmp/h.html" 2>"$tmp/err"
check "markup in names: escaped in the note" \
    '! grep -q "<script>" "$tmp/h.svg" "$tmp/h.html" && grep -q "&lt;script&gt;x" "$tmp/h.svg"'
if command -v xmllint >/dev/null 2>&1; then
    check "markup in names: the SVG is XML" 'xmllint --noout "$tmp/h.svg"'
else
    skip=$((skip + 1))
    echo "skip markup in names: xmllint is not installed"
fi

if command -v python3 >/dev/null 2>&1; then
    # The complete graph on 400 actors (79,800 links) and a 150 x 150
    # grid: many chains of each length; the search is bounded.
    python3 - "$tmp" <<'EOF'
import json, sys
n = 400
a = [{"id": "n%d" % i} for i in range(n)]
l = [{"from": "n%d" % i, "to": "n%d" % j} for i in range(n) for j in range(i + 1, n)]
json.dump({"relgraph": 1, "actors": a, "links": l}, open(sys.argv[1] + "/k.json", "w"))
m = 150
a = [{"id": "g%d_%d" % (i, j)} for i in range(m) for j in range(m)]
l = [{"from": "g%d_%d" % (i, j), "to": "g%d_%d" % (i + di, j + dj)}
     for i in range(m) for j in range(m) for di, dj in ((0, 1), (1, 0))
     if i + di < m and j + dj < m]
json.dump({"relgraph": 1, "actors": a, "links": l}, open(sys.argv[1] + "/grid.json", "w"))
EOF
    for g in k:n0:n1 grid:g0_0:g149_149; do
        f=${g%%:*} rest=${g#*:}
        start=$(date +%s)
        "$bin" render "$tmp/$f.json" --path "${rest%%:*}" "${rest#*:}" --paths 20 \
            -T dot >"$tmp/$f.dot" 2>"$tmp/$f.err"
        st=$? secs=$(($(date +%s) - start))
        check "hostile $f: 20 chains or a warning, in $secs s (under 60)" \
            '[ $st = 0 ] && [ $secs -lt 60 ] && grep -q "shortest chains" "$tmp/$f.dot"'
    done
else
    skip=$((skip + 2))
    echo "skip hostile documents: python3 is not installed"
fi

echo "path: $pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]
