#!/bin/sh
# Tests the data exports (STIX 2.1, GraphML, GEXF, Cytoscape.js JSON, the
# CSV tables) with the programs that read them:
# - graphs/*.json and tests/export/docs/*.json rendered to every data
#   format beside an SVG, twice: the same bytes each time;
# - GraphML and GEXF well-formed (xmllint); read by networkx with as many
#   nodes and edges as actors and links, and their fields (check.py);
#   GEXF's positions the Cytoscape.js ones;
# - the CSV tables read by Python's csv module: exactly relgraph's
#   columns, a row a record, the document's values, no cell that a
#   spreadsheet would run (check.py);
# - the Cytoscape.js JSON loaded by the cytoscape npm package, headless,
#   with the same counts and positions (cyjs.js);
# - the STIX bundle valid against the OASIS schemas
#   (../shared/tools/validate-stix.js), its references inside it;
# - every hostile document of tests/hostile/docs that relgraph accepts,
#   exported to every format: XML well-formed, nothing in GraphML or
#   GEXF that could run (tests/hostile/scan-markup.py), JSON that parses,
#   CSV cells guarded, STIX valid.
#
#   sh tests/export/run.sh [path/to/relgraph]
#
# ajv, ajv-formats and cytoscape are pinned in tests/export/package-lock.json
# and installed once with "npm ci" into $BUILD/export-node; without npm or
# its registry, or without ../shared, or python3-networkx, those checks
# are skipped, not passed. Prints "ok NAME", "FAIL NAME" or "skip NAME:
# REASON" per check and a last line "export: P passed, F failed, S
# skipped"; exits 1 if any check failed.
set -u
bin=${1:-build/relgraph}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
here=tests/export
build=${BUILD:-build}
case $build in /*) ;; *) build=$top/$build ;; esac
node_dir=$build/export-node
stamp=$node_dir/installed-from.package-lock.json
validator=../shared/tools/validate-stix.js
npm=${NPM:-npm}

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
skip=0
: >"$tmp/err"
ok() { pass=$((pass + 1)); printf 'ok   %s\n' "$1"; }
bad() {
    fail=$((fail + 1))
    printf 'FAIL %s\n' "$1"
    sed 's/^/     /' "$tmp/err" | head -n 10
    : >"$tmp/err"
}
skipped() { skip=$((skip + 1)); printf 'skip %s: %s\n' "$1" "$2"; }
# Counts the ok, FAIL and skip lines of a checker's output.
tally() {
    cat "$1"
    pass=$((pass + $(grep -c '^ok ' "$1")))
    fail=$((fail + $(grep -c '^FAIL ' "$1")))
    skip=$((skip + $(grep -c '^skip ' "$1")))
}

# Installs the pinned packages unless already there. 0: ready; 1: failed;
# 2: npm or its registry cannot be reached.
install_node() {
    if [ -d "$node_dir/node_modules/cytoscape" ] &&
        cmp -s "$here/package-lock.json" "$stamp"; then
        return 0
    fi
    command -v "$npm" >/dev/null 2>&1 || return 2
    echo "installing ajv, ajv-formats and cytoscape into $node_dir (once)"
    rm -rf "$node_dir"
    mkdir -p "$node_dir" || return 1
    cp "$here/package.json" "$here/package-lock.json" "$node_dir/" || return 1
    if (cd "$node_dir" && "$npm" ci --no-audit --no-fund --ignore-scripts \
        --fetch-retries=1 --fetch-retry-mintimeout=3000 \
        --fetch-retry-maxtimeout=10000 --fetch-timeout=60000) \
        >"$node_dir/npm.log" 2>&1; then
        cp "$here/package-lock.json" "$stamp"
        return 0
    fi
    tail -n 5 "$node_dir/npm.log"
    grep -Eq 'E(NOTFOUND|AI_AGAIN|CONNREFUSED|CONNRESET|TIMEDOUT|NETUNREACH)|network|proxy' \
        "$node_dir/npm.log" && return 2
    return 1
}

install_node
node_st=$?
node_why=""
case $node_st in
1) echo "npm ci failed" >"$tmp/err"; bad "the pinned npm packages install" ;;
2) node_why="npm or its registry cannot be reached" ;;
esac
[ "$node_st" -ne 0 ] && [ -z "$node_why" ] && node_why="the npm packages did not install"
stix_why=$node_why
[ -z "$stix_why" ] && [ ! -f "$validator" ] && stix_why="no $validator (../shared)"

# render DOC DIR STEM [options]: every data format and an SVG in DIR.
render() {
    rdoc=$1 rdir=$2 rstem=$3
    shift 3
    mkdir -p "$rdir"
    "$bin" render "$rdoc" "$@" -o "$rdir/$rstem.svg" \
        -o "$rdir/$rstem.stix.json" -o "$rdir/$rstem.graphml" \
        -o "$rdir/$rstem.gexf" -o "$rdir/$rstem.cyjs" -o "$rdir/$rstem.csv" \
        -o "$rdir/$rstem-actors.csv" -o "$rdir/$rstem-sources.csv" \
        -o "$rdir/$rstem-groups.csv" 2>"$tmp/err"
}

data_files() {
    for s in .stix.json .graphml .gexf .cyjs .csv -actors.csv -sources.csv \
        -groups.csv; do
        echo "$1/$2$s"
    done
}

# The checks shared by every document: XML well-formed, the bundle valid,
# cytoscape loads the elements.
common_checks() {
    cdir=$1 cstem=$2 cname=$3
    if xmllint --noout "$cdir/$cstem.graphml" "$cdir/$cstem.gexf" 2>"$tmp/err"; then
        ok "$cname: GraphML and GEXF are well-formed XML"
    else
        bad "$cname: GraphML and GEXF are well-formed XML"
    fi
    if [ -n "$stix_why" ]; then
        skipped "$cname: STIX valid against the OASIS schemas" "$stix_why"
    elif NODE_PATH=$node_dir/node_modules node "$validator" \
        "$cdir/$cstem.stix.json" >"$tmp/err" 2>&1; then
        ok "$cname: STIX valid against the OASIS schemas"
    else
        bad "$cname: STIX valid against the OASIS schemas"
    fi
    if [ -n "$node_why" ]; then
        skipped "$cname: cytoscape loads the elements" "$node_why"
    else
        NODE_PATH=$node_dir/node_modules node "$here/cyjs.js" \
            "$cdir/$cstem.cyjs" >"$tmp/out" 2>&1 || echo "FAIL cyjs.js" >>"$tmp/out"
        tally "$tmp/out"
    fi
}

for doc in graphs/*.json "$here"/docs/*.json; do
    case $doc in *.schema.json) continue ;; esac
    stem=$(basename "$doc" .json)
    if ! render "$doc" "$tmp/a" "$stem" || ! render "$doc" "$tmp/b" "$stem"; then
        bad "$doc: rendered to every data format"
        continue
    fi
    ok "$doc: rendered to every data format"
    same=1
    for f in $(data_files "$tmp/a" "$stem"); do
        cmp -s "$f" "$tmp/b/${f#"$tmp/a/"}" || { same=0; echo "$f differs" >>"$tmp/err"; }
    done
    if [ $same = 1 ]; then ok "$doc: the same bytes twice"; else bad "$doc: the same bytes twice"; fi
    common_checks "$tmp/a" "$stem" "$doc"
    python3 "$here/check.py" "$doc" "$tmp/a" "$stem" >"$tmp/out" 2>&1 ||
        grep -q '^FAIL ' "$tmp/out" || echo "FAIL check.py did not finish" >>"$tmp/out"
    sed 's/^\(ok  \|FAIL\|skip\) /&'"$stem"': /' "$tmp/out" | grep -v '^check.py:' >"$tmp/out2"
    tally "$tmp/out2"
done

# A focused view exports only its actors, at their places in it.
if render graphs/opm-2015.json "$tmp/f" focus --focus guo &&
    python3 -c '
import json, sys
e = json.load(open(sys.argv[1]))["elements"]
sys.exit(0 if 0 < len(e["nodes"]) < 49 and all("position" in n for n in e["nodes"]) else 1)
' "$tmp/f/focus.cyjs"; then
    ok "a focused view exports its own actors"
else
    bad "a focused view exports its own actors"
fi

# Hostile documents that relgraph accepts: nothing that runs in any data
# format.
for doc in tests/hostile/docs/*.json; do
    grep -q '@PNG@' "$doc" && continue
    "$bin" check "$doc" >/dev/null 2>&1 || continue
    name=hostile/$(basename "$doc" .json)
    if ! render "$doc" "$tmp/h" x; then
        bad "$name: exported"
        continue
    fi
    # The names as relgraph reads them (a STIX bundle's, imported).
    "$bin" import "$doc" -o "$tmp/h/doc.json" 2>/dev/null
    if xmllint --noout "$tmp/h/x.graphml" "$tmp/h/x.gexf" 2>"$tmp/err" &&
        python3 tests/hostile/scan-markup.py "$tmp/h/x.graphml" >"$tmp/err" 2>&1 &&
        python3 - "$tmp/h" "$tmp/h/doc.json" >"$tmp/err" 2>&1 <<'EOF'
import csv, json, re, sys
d = sys.argv[1]
for f in ("x.cyjs", "x.stix.json"):
    json.load(open(d + "/" + f, encoding="utf-8"))
# each name one string, whole, in the elements
want = [a.get("name", a["id"]) for a in json.load(open(sys.argv[2], encoding="utf-8"))["actors"]]
got = [n["data"]["name"] for n in json.load(open(d + "/x.cyjs", encoding="utf-8"))["elements"]["nodes"]]
if got != want:
    sys.exit("x.cyjs: names %r, not %r" % (got, want))
for f in ("x.csv", "x-actors.csv", "x-sources.csv", "x-groups.csv"):
    for row in csv.reader(open(d + "/" + f, newline="", encoding="utf-8")):
        for c in row:
            if re.match(r"[=+\-@\t\r]", c) and not re.match(r"^[+-]?[0-9]+(\.[0-9]*)?$", c):
                sys.exit("%s: cell %r" % (f, c))
# GEXF keeps text in attributes (labels, values), where scan-markup.py
# would take "/etc/x" for a path: its elements and attributes are checked
# here instead, both files' by name.
import xml.etree.ElementTree as ET
NS = ("{http://graphml.graphdrawing.org/xmlns}",
      "{http://www.yworks.com/xml/graphml}", "{http://www.gexf.net/1.2draft}",
      "{http://www.gexf.net/1.2draft/viz}")
for f in ("x.graphml", "x.gexf"):
    for e in ET.parse(d + "/" + f).iter():
        if not e.tag.startswith(NS) or e.tag.lower().endswith("script"):
            sys.exit("%s: element %s" % (f, e.tag))
        for a in e.attrib:
            name = a.split("}")[-1].lower()
            if name.startswith("on") or name in ("href", "src", "style"):
                sys.exit("%s: attribute %s" % (f, a))
EOF
    then
        ok "$name: exported, nothing in it runs"
    else
        bad "$name: exported, nothing in it runs"
    fi
    if [ -z "$stix_why" ]; then
        NODE_PATH=$node_dir/node_modules node "$validator" "$tmp/h/x.stix.json" >"$tmp/err" 2>&1 &&
            ok "$name: STIX valid" || bad "$name: STIX valid"
    fi
    rm -rf "$tmp/h"
done

echo "export: $pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]
