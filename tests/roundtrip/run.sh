#!/bin/sh
# Round trips through the formats relgraph reads and writes:
# 1. every file of ../shared/data/interop (stix/, cytoscape/, jgf/, d3/)
#    imported, passing check --strict, rendered to SVG and exported to
#    every data format; each export that relgraph reads (.stix.json,
#    .cyjs, the CSV tables) read back, passing check --strict; the STIX
#    bundle valid against the OASIS schemas;
# 2. STIX -> relgraph -> STIX: each bundle's objects and relationships,
#    the same ids (stix_ids.py);
# 3-5. relgraph -> CSV tables, STIX, Cytoscape.js -> relgraph: the same
#    document, less what the format cannot hold (docs.py), for
#    graphs/opm-2015.json, tests/export/docs/every-field.json and
#    tests/contrast/every-kind.json.
#
#   sh tests/roundtrip/run.sh [path/to/relgraph]
#
# Without ../shared (1, 2) or python3 (2-5) those checks are skipped, not
# passed. Prints "ok NAME", "FAIL NAME" or "skip NAME: REASON" per check
# and a last line "roundtrip: P passed, F failed, S skipped"; exits 1 if
# any check failed.
set -u
bin=${1:-build/relgraph}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
here=tests/roundtrip
interop=../shared/data/interop
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
skip=0
ok() { pass=$((pass + 1)); printf 'ok   %s\n' "$1"; }
bad() {
    fail=$((fail + 1))
    printf 'FAIL %s\n' "$1"
    sed 's/^/     /' "$tmp/err" | head -n 8
}
skipped() { skip=$((skip + 1)); printf 'skip %s: %s\n' "$1" "$2"; }
# The STIX validator and the ajv that tests/export/run.sh installs beside
# the binary (make test runs that first).
validator=../shared/tools/validate-stix.js
node_dir=$(dirname "$bin")/export-node
stix_why=
[ -f "$validator" ] || stix_why="no $validator (../shared)"
[ -n "$stix_why" ] || [ -d "$node_dir/node_modules/ajv" ] ||
    stix_why="no ajv in $node_dir (tests/export/run.sh installs it)"
command -v node >/dev/null 2>&1 || stix_why="node is not installed"
py=
command -v python3 >/dev/null 2>&1 && py=python3

DATA="-o x.stix.json -o x.graphml -o x.gexf -o x.cyjs -o x-links.csv \
-o x-actors.csv -o x-sources.csv -o x-groups.csv"
CSV_BACK="x-links.csv --actors x-actors.csv --sources x-sources.csv \
--groups x-groups.csv"

# Exports the document $1 (in directory $2) to every data format, with an
# SVG when $3 is "svg", and checks what relgraph reads back.
export_and_read() {
    doc=$1 dir=$2 name=$3
    # shellcheck disable=SC2086
    if ! (cd "$dir" && "$bin" render "$doc" -o x.svg $DATA) \
        >/dev/null 2>"$tmp/err"; then
        bad "$name: renders to SVG and every data format"
        return
    fi
    ok "$name: renders to SVG and every data format"
    if [ -n "$stix_why" ]; then
        skipped "$name: STIX valid against the OASIS schemas" "$stix_why"
    elif NODE_PATH=$node_dir/node_modules node "$validator" \
        "$dir/x.stix.json" >"$tmp/err" 2>&1; then
        ok "$name: STIX valid against the OASIS schemas"
    else
        bad "$name: STIX valid against the OASIS schemas"
    fi
    for back in x.stix.json x.cyjs "$CSV_BACK"; do
        # shellcheck disable=SC2086
        if (cd "$dir" && "$bin" check --strict $back) >/dev/null 2>"$tmp/err"
        then
            ok "$name: ${back%% *} read back, check --strict"
        else
            bad "$name: ${back%% *} read back, check --strict"
        fi
    done
}

# 1 and 2: the files of ../shared/data/interop.
if [ ! -d "$interop" ]; then
    skipped "interop files" "no $interop (../shared)"
else
    for f in "$interop"/stix/*.json "$interop"/cytoscape/*.json \
        "$interop"/jgf/*.json "$interop"/d3/*.json; do
        [ -f "$f" ] || continue
        name=${f#"$interop"/}
        dir=$tmp/$(echo "$name" | tr '/.' '__')
        mkdir -p "$dir"
        if ! "$bin" import "$f" -o "$dir/doc.json" 2>"$tmp/err" ||
            ! "$bin" check --strict "$dir/doc.json" 2>"$tmp/err"; then
            bad "$name: imports, check --strict"
            continue
        fi
        ok "$name: imports, check --strict"
        export_and_read doc.json "$dir" "$name"
        case $name in stix/*) ;; *) continue ;; esac
        if [ -z "$py" ]; then
            skipped "$name: STIX ids kept" "python3 is not installed"
        elif why=$($py "$here/stix_ids.py" "$f" "$dir/doc.json" \
            "$dir/x.stix.json" 2>&1); then
            ok "$name: STIX -> relgraph -> STIX keeps $why"
        else
            echo "$why" >"$tmp/err"
            bad "$name: STIX -> relgraph -> STIX keeps the ids"
        fi
    done
fi

# 3-5: documents through each format and back.
for doc in graphs/opm-2015.json tests/export/docs/every-field.json \
    tests/contrast/every-kind.json; do
    name=$(basename "$doc" .json)
    dir=$tmp/doc-$name
    mkdir -p "$dir"
    cp "$doc" "$dir/doc.json"
    if ! (cd "$dir" && "$bin" render doc.json $DATA) >/dev/null 2>"$tmp/err"
    then
        bad "$name: exports"
        continue
    fi
    for fmt in csv stix cyjs; do
        case $fmt in
        csv) back=$CSV_BACK ;;
        stix) back=x.stix.json ;;
        cyjs) back=x.cyjs ;;
        esac
        # shellcheck disable=SC2086
        if ! (cd "$dir" && "$bin" import $back -o "back-$fmt.json") \
            2>"$tmp/err"; then
            bad "$name: relgraph -> $fmt -> relgraph"
        elif [ -z "$py" ]; then
            skipped "$name: relgraph -> $fmt -> relgraph" "python3 is not installed"
        elif why=$($py "$here/docs.py" "$fmt" "$doc" "$dir/back-$fmt.json" 2>&1)
        then
            ok "$name: relgraph -> $fmt -> relgraph: $why"
        else
            echo "$why" >"$tmp/err"
            bad "$name: relgraph -> $fmt -> relgraph"
        fi
    done
done

echo "roundtrip: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
