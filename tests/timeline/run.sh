#!/bin/sh
# Timeline charts (--view timeline): each document here and the OPM
# example rendered as a timeline and read back by check.py (x grows with
# date and is proportional to it, each item within its dates, a theme
# line and box for each actor charted, the undated band, ids and
# classes); markup in names and labels escaped (dates.json names an
# actor 'Alpha & <b>Sons</b> "Ltd"'); PNG and PDF written; --focus,
# --tlp and every theme compose; a 400-year span by days stays small.
#   usage: sh tests/timeline/run.sh build/relgraph
# Needs python3 for check.py; without it those checks are skipped, not
# passed. Ends "timeline: N passed, N failed, N skipped"; exits 1 if any
# check failed.
set -u
bin=${1:?usage: sh tests/timeline/run.sh path/to/relgraph}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
pass=0 fail=0 skip=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
skipped() { skip=$((skip + 1)); echo "skip $1"; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
have_python=0
command -v python3 >/dev/null 2>&1 && have_python=1

# check NAME DOC ARGS...: renders DOC as a timeline SVG and reads it back.
check() {
    name=$1 doc=$2
    shift 2
    if ! "$bin" render "$doc" --view timeline --id-prefix t- "$@" \
        -o "$tmp/$name.svg" 2>"$tmp/$name.err"; then
        bad "$name: render failed: $(head -n 3 "$tmp/$name.err")"
        return
    fi
    ok "$name: rendered"
    if [ $have_python = 0 ]; then
        skipped "$name: reading the SVG back needs python3"
        return
    fi
    if python3 "$here/check.py" "$tmp/$name.svg" "$doc" t- \
        >"$tmp/$name.out" 2>&1; then
        ok "$name: $(grep -c '^ok' "$tmp/$name.out") checks of the SVG"
    else
        bad "$name: the SVG read back:"
        grep -v '^ok' "$tmp/$name.out" | sed 's/^/    /'
    fi
}

check dates "$here/dates.json"
check century "$here/century.json"
check opm "$top/graphs/opm-2015.json"
check opm-dark "$top/graphs/opm-2015.json" --theme dark --dates
check opm-mono "$top/graphs/opm-2015.json" --theme mono --no-citations

# Markup in names and labels is text, not markup.
svg=$tmp/dates.svg
if [ -s "$svg" ] && ! grep -q '<b>\|<i>funded' "$svg" &&
    grep -q '&lt;b&gt;Sons&lt;/b&gt;' "$svg" &&
    grep -q '&lt;i&gt;funded&lt;/i&gt;' "$svg"; then
    ok "markup in names and labels is escaped"
else
    bad "markup in names and labels is escaped"
fi

# A theme line has no other text: the names are in the boxes.
if [ -s "$svg" ] && grep -q 'class="edge theme&#45;line"' "$svg" &&
    grep -q 'id="t-theme&#45;line&#45;alpha"' "$svg"; then
    ok "theme lines are edges with the actor's id"
else
    bad "theme lines are edges with the actor's id"
fi

# PNG, PDF, DOT and the report, in one render.
if "$bin" render "$top/graphs/opm-2015.json" --view timeline -o "$tmp/o.png" \
    -o "$tmp/o.pdf" -o "$tmp/o.dot" -o "$tmp/o.html" 2>"$tmp/o.err" &&
    [ "$(head -c 4 "$tmp/o.png" | tail -c 3)" = PNG ] &&
    [ "$(head -c 5 "$tmp/o.pdf")" = %PDF- ] &&
    grep -q 'pos="' "$tmp/o.dot" && grep -q 'theme&#45;line' "$tmp/o.html"; then
    ok "PNG, PDF, DOT and HTML written"
else
    bad "PNG, PDF, DOT and HTML written: $(head -n 3 "$tmp/o.err")"
fi

# The timeline of a focus view, at a TLP level.
if "$bin" render "$top/graphs/opm-2015.json" --view timeline --focus \
    "Five PLA hackers" --tlp red -o "$tmp/f.svg" 2>"$tmp/f.err" &&
    grep -q 'theme&#45;line&#45;pla&#45;five' "$tmp/f.svg" && grep -q 'TLP:RED' "$tmp/f.svg" &&
    ! grep -q 'theme&#45;line&#45;xinhua' "$tmp/f.svg"; then
    ok "--focus and --tlp compose with the timeline"
else
    bad "--focus and --tlp compose with the timeline: $(head -n 3 "$tmp/f.err")"
fi

# Batch mode (the worker) draws timelines too.
mkdir -p "$tmp/batch"
if "$bin" render --view timeline --outdir "$tmp/batch" "$here/dates.json" \
    2>"$tmp/b.err" && grep -q 'theme&#45;line' "$tmp/batch/dates.svg"; then
    ok "batch mode draws a timeline"
else
    bad "batch mode draws a timeline: $(head -n 3 "$tmp/b.err")"
fi

# Four centuries by days: a dozen ticks, in well under a second.
if [ $have_python = 1 ]; then
    python3 - "$tmp/span.json" <<'EOF'
import json, sys
links = [{"from": "a%d" % (i % 30), "to": "a%d" % ((i * 7 + 1) % 30),
          "label": "l%d" % i,
          "date": "%04d-%02d-%02d" % (1800 + i % 400, 1 + i % 12, 1 + i % 28)}
         for i in range(2000)]
json.dump({"actors": [{"id": "a%d" % i} for i in range(30)],
           "links": links}, open(sys.argv[1], "w"))
EOF
    start=$(date +%s)
    if "$bin" render "$tmp/span.json" --view timeline -o "$tmp/span.svg" \
        2>"$tmp/span.err"; then
        ticks=$(grep -c 'class="edge timeline&#45;tick"' "$tmp/span.svg")
        took=$(($(date +%s) - start))
        if [ "$ticks" -ge 4 ] && [ "$ticks" -le 13 ] && [ $took -le 20 ]; then
            ok "2,000 links over 400 years: $ticks ticks, ${took}s"
        else
            bad "2,000 links over 400 years: $ticks ticks, ${took}s"
        fi
    else
        bad "2,000 links over 400 years: $(head -n 3 "$tmp/span.err")"
    fi
else
    skipped "the long span needs python3 to write its document"
fi

# Actors called "p-line" and "e-mark" beside "p" and "e": every id of the
# chart stays unique (theme lines and event marks once took "actor-ID-
# line", an actor's own namespace). And an interval after a day whose 200
# links spill past it keeps its bar when it is moved right of them (its
# end was left where it was, before its start).
if [ "$have_python" = 1 ]; then
    python3 - "$tmp/crowd.json" <<'EOF'
import json, sys
acts = [{"id": "p"}, {"id": "p-line"}, {"id": "e-mark"},
        {"id": "e", "kind": "event", "date": "2015-01-02"},
        {"id": "late", "kind": "event", "date": "2015-12-31"}]
acts += [{"id": "n%d" % i} for i in range(200)]
links = [{"from": "n%d" % i, "to": "p", "label": "x", "date": "2015-01-01"}
         for i in range(200)]
links += [{"from": "p", "to": "p-line", "label": "span",
           "date": "2015-01-02", "until": "2015-01-03"},
          {"from": "e-mark", "to": "e", "label": "at"},
          {"from": "late", "to": "p", "label": "end"}]
json.dump({"relgraph": 1, "actors": acts, "links": links}, open(sys.argv[1], "w"))
EOF
    if "$bin" render "$tmp/crowd.json" --view timeline -o "$tmp/crowd.svg" 2>"$tmp/crowd.err" &&
        python3 - "$tmp/crowd.svg" <<'EOF'
import collections, re, sys
s = open(sys.argv[1]).read()
ids = collections.Counter(re.findall(r' id="([^"]+)"', s))
dup = [k for k, v in ids.items() if v > 1]
bars = len(re.findall(r'class="edge link&#45;bar"', s))
sys.exit("ids twice: %s; link bars: %d" % (dup[:4], bars) if dup or bars != 1 else 0)
EOF
    then
        ok "unique ids beside actors called p-line and e-mark; a moved interval keeps its bar"
    else
        bad "unique ids and a moved interval's bar: $(head -c 300 "$tmp/crowd.err")"
    fi
else
    skipped "unique ids and a moved interval's bar: needs python3"
fi

echo "timeline: $pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]
