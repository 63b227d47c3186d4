#!/bin/sh
# Compares what two relgraph binaries write, byte for byte: the example
# charts, 20 generated documents (tests/stress, seeds 0..19;
# SAME_BYTES_STRESS=N for 0..N) and the
# inputs of the CLI cases that render, each to SVG, PNG, PDF, HTML and
# Markdown in the three themes. For a change that must not change any
# output (a refactoring): build the old binary first, e.g.
#   git worktree add /tmp/old HEAD && make -C /tmp/old all
#   sh tests/same-bytes.sh /tmp/old/build/relgraph build/relgraph
# Needs build/stress (make test builds it) for the generated documents.
# An output that the old binary itself writes differently from run to run
# (PNG text of a few generated charts, at the time of writing) is counted
# as skipped, with its name. Prints one line per difference and
# "same-bytes: P passed, F failed, S skipped".
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
    for s in $(seq 0 ${SAME_BYTES_STRESS:-19}); do "$stress" --emit "$s" >"$tmp/docs/stress-$s.json"; done
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
# Renders DOC (a stem) in THEME with the old binary again into $tmp/c.
again() {
    (cd "$tmp/c" && "$old" render "$tmp/docs/$1.json" --theme "$2" \
        -o "$1-$2.svg" -o "$1-$2.png" -o "$1-$2.pdf" -o "$1-$2.html" \
        -o "$1-$2.md" >/dev/null 2>&1)
}
mkdir -p "$tmp/c"
skip=0
for f in "$tmp"/a/*; do
    name=$(basename "$f")
    if cmp -s "$f" "$tmp/b/$name"; then
        pass=$((pass + 1))
        continue
    fi
    # An output that the old binary itself does not write the same way
    # twice is not the change's doing: say so, and count it as skipped.
    stem=${name%.*}
    theme=${stem##*-}
    doc=${stem%-*}
    unstable=0
    for i in 1 2 3; do
        again "$doc" "$theme"
        if ! cmp -s "$f" "$tmp/c/$name"; then unstable=1; fi
        if cmp -s "$tmp/b/$name" "$tmp/c/$name"; then unstable=2; break; fi
    done
    if [ $unstable = 2 ]; then
        pass=$((pass + 1))
    elif [ $unstable = 1 ]; then
        skip=$((skip + 1))
        echo "skip $name: the old binary does not write it the same way twice"
    else
        fail=$((fail + 1))
        echo "DIFF $name"
    fi
done
for f in "$tmp"/b/*; do
    [ -e "$tmp/a/$(basename "$f")" ] || { fail=$((fail + 1)); echo "NEW  $(basename "$f")"; }
done
echo "same-bytes: $pass passed, $fail failed, $skip skipped"
[ $fail = 0 ]
