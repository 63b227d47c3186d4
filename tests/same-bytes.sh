#!/bin/sh
# Compares what two relgraph binaries write, byte for byte: the example
# charts, 40 generated documents (tests/stress, seeds 0..39) and the
# inputs of the CLI cases that render, each to SVG, PNG, PDF, HTML and
# Markdown in the three themes. For a change that must not change any
# output (a refactoring): build the old binary first, e.g.
#   git worktree add /tmp/old HEAD && make -C /tmp/old all
#   sh tests/same-bytes.sh /tmp/old/build/relgraph build/relgraph
# Needs build/stress (make test builds it) for the generated documents.
# Prints one line per difference and "same-bytes: P passed, F failed".
set -u
abs() { case $1 in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
old=$(abs "$1")
new=$(abs "$2")
top=$(cd "$(dirname "$0")/.." && pwd)
stress=${STRESS_BIN:-$top/build/stress}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ -n "${KEEP:-}" ] && trap - EXIT && echo "kept in $tmp"
pass=0
fail=0
mkdir -p "$tmp/docs" "$tmp/a" "$tmp/b"
for f in "$top"/graphs/*.json; do
    case $f in *.schema.json) continue ;; esac
    cp "$f" "$tmp/docs/"
done
if [ -x "$stress" ]; then
    for s in $(seq 0 39); do "$stress" --emit "$s" >"$tmp/docs/stress-$s.json"; done
else
    echo "skip generated documents: $stress is not built (make test builds it)"
fi
for d in "$top"/tests/cases/*/; do
    [ -f "$d/input.json" ] && grep -q '^render' "$d/args" 2>/dev/null &&
        cp "$d/input.json" "$tmp/docs/case-$(basename "$d").json"
done
export SOURCE_DATE_EPOCH=1449014400
for doc in "$tmp"/docs/*.json; do
    stem=$(basename "$doc" .json)
    for theme in light dark mono; do
        for side in a b; do
            bin=$old
            [ $side = b ] && bin=$new
            (cd "$tmp/$side" && "$bin" render "$doc" --theme $theme \
                -o "$stem-$theme.svg" -o "$stem-$theme.png" -o "$stem-$theme.pdf" \
                -o "$stem-$theme.html" -o "$stem-$theme.md" \
                >/dev/null 2>"$stem-$theme.err"; echo $? >"$stem-$theme.status")
        done
    done
done
for f in "$tmp"/a/*; do
    name=$(basename "$f")
    if cmp -s "$f" "$tmp/b/$name"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "DIFF $name"
    fi
done
for f in "$tmp"/b/*; do
    [ -e "$tmp/a/$(basename "$f")" ] || { fail=$((fail + 1)); echo "NEW  $(basename "$f")"; }
done
echo "same-bytes: $pass passed, $fail failed"
[ $fail = 0 ]
