#!/bin/sh
# Checks what relgraph writes, by properties: every document in graphs/
# renders to SVG (parsed by xmllint, a real XML parser), PNG and PDF (by
# signature and size) and DOT (read back by Graphviz's dot); the SVG is fit
# for reports; bytes do not depend on malloc or the environment; a batch
# gives what single renders give, past crashes and time limits. What one
# run of relgraph can show is a CLI case in tests/cases instead (standard
# input and output, a failed render that writes nothing, fmt -w). Prints
# "ok ...", "FAIL ..." or "skip NAME: REASON" per check and a last line
# "outputs: P passed, F failed, S skipped".
set -u
# the crash fixture (tests/cases/graphviz-crash) crashes its layout on
# purpose: see crash_if_asked in src/job.c
export RELGRAPH_TEST_CRASH=relgraph-test-crash
bin=$1
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
skip=0

ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; [ -s "$tmp/err" ] && sed 's/^/     /' "$tmp/err" | head -20; }
check() { name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }
# skipped NAME REASON: a check that cannot run here, and why
skipped() { skip=$((skip + 1)); echo "skip $1: $2"; }
# have TOOL NAME [HOW]: whether TOOL is installed; if not, check NAME is
# skipped. (A tool every check here needs, xmllint or dot, is not asked
# for: without it those checks fail, and make test-deps installs it.)
have() {
    command -v "$1" >/dev/null 2>&1 && return 0
    skipped "$2" "$1 is not installed ${3:-}"
    return 1
}

size_of() { wc -c <"$1" | tr -d ' '; }
is_png() {
    [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] &&
        [ "$(size_of "$1")" -gt 2000 ]
}
png_width() { od -An -j16 -N4 -tu1 "$1" | awk '{print $1*16777216+$2*65536+$3*256+$4}'; }
is_pdf() {
    [ "$(head -c 5 "$1")" = "%PDF-" ] && tail -c 32 "$1" | grep -q '%%EOF' &&
        [ "$(size_of "$1")" -gt 1000 ]
}
is_svg() { xmllint --noout "$1" 2>"$tmp/err" && grep -q '<svg' "$1"; }
is_dot() { dot -Tcanon "$1" >/dev/null 2>"$tmp/err"; }

for doc in "$top"/graphs/*.json; do
    stem=$(basename "$doc" .json)
    case $stem in *.schema) continue ;; esac
    out=$tmp/$stem
    if "$bin" render "$doc" -o "$out.svg" -o "$out.png" -o "$out.pdf" -o "$out.dot" 2>"$tmp/err"; then
        ok "$stem renders to four formats"
    else
        bad "$stem renders to four formats"
        continue
    fi
    check "$stem.svg parses as XML" is_svg "$out.svg"
    check "$stem.png is a PNG" is_png "$out.png"
    check "$stem.pdf is a PDF" is_pdf "$out.pdf"
    check "$stem.dot reads back into dot" is_dot "$out.dot"
    check "$stem renders without warnings" test ! -s "$tmp/err"
done

# Regressions found by fuzzing: each rendered to SVG and to the HTML
# report, both of which must stay well-formed XML.
for doc in "$top"/tests/fuzz/corpus/render-*.json; do
    stem=$(basename "$doc" .json)
    "$bin" render "$doc" -o "$tmp/$stem.svg" -o "$tmp/$stem.html" 2>"$tmp/err"
    check "$stem: SVG is well-formed" xmllint --noout "$tmp/$stem.svg"
    check "$stem: HTML report is well-formed" xmllint --noout "$tmp/$stem.html"
done

opm=$top/graphs/opm-2015.json
min=$top/graphs/minimal.json

# The title is drawn; labels are the actors' names.
check "svg holds title and names" grep -q 'Guo Shengkun' "$tmp/opm-2015.svg"
# PNG resolution: 150 dpi by default, --dpi changes it in proportion.
"$bin" render "$min" -o "$tmp/a.png" 2>"$tmp/err"
"$bin" render "$min" -o "$tmp/b.png" --dpi 300 2>"$tmp/err"
wa=$(png_width "$tmp/a.png"); wb=$(png_width "$tmp/b.png")
check "--dpi 300 doubles the PNG's width ($wa -> $wb)" \
    test $((wb * 100 / wa)) -ge 195 -a $((wb * 100 / wa)) -le 205

# Standard input and output, -o with -T, a failed render that writes
# nothing and keeps what was there: CLI cases in tests/cases (stdin-to-*,
# stdout-dot-reads-back, output-and-stdout-same-svg,
# render-failed-keeps-existing, output-unwritable-keeps-other).
if [ -w /dev/full ]; then
    "$bin" render "$min" -T svg >/dev/full 2>"$tmp/err"
    st=$?
    check "a full disk on stdout exits 3" test $st -eq 3
    check "a full disk is reported" grep -q 'No space left' "$tmp/err"
    "$bin" render "$min" -o /dev/full 2>"$tmp/err"
    check "-o /dev/full is a usage error (no extension)" test $? -eq 2
else
    skipped "/dev/full checks" "/dev/full is not writable here"
fi

# fmt: the examples are kept canonical; -w leaves a broken file alone and
# gives text that formats to itself.
"$bin" fmt --check "$opm" "$min" 2>"$tmp/err"
check "the examples are formatted (relgraph fmt --check)" test $? -eq 0
"$bin" check "$top"/graphs/*.json 2>"$tmp/err"
check "relgraph check graphs/*.json passes (a schema there is skipped)" test $? -eq 0
# fmt -w on a broken file, fmt -w rewriting, fmt idempotent: CLI cases
# fmt-w-broken-left-alone, fmt-w-rewrites, fmt-idempotent.
"$bin" fmt "$opm" >"$tmp/opm-fmt.json" 2>"$tmp/err"
check "fmt of the OPM example changes nothing" cmp -s "$opm" "$tmp/opm-fmt.json"

# SVG for reports: ids unique and prefixed, titles, classes, modes.
svg=$tmp/opm-2015.svg
ids=$(grep -o ' id="[^"]*"' "$svg" | sort)
check "every SVG id is unique" test -z "$(printf '%s\n' "$ids" | uniq -d)"
check "every SVG id carries the file's prefix" test -z "$(printf '%s\n' "$ids" | grep -v ' id="opm-2015-')"
"$bin" render "$opm" -T svg --id-prefix x- 2>/dev/null | grep -q ' id="x-actor&#45;guo"'
check "--id-prefix sets the prefix; actor ids come from actor ids" test $? -eq 0
linked=$(xmllint --xpath 'count(//*[@class="sources"]//*[local-name()="a"])' "$svg" 2>/dev/null)
check "the Sources block holds its linked lines ($linked)" test "${linked:-0}" -ge 1
check "no 'transparent' (not SVG 1.1)" test "$(grep -c transparent "$svg")" -eq 0
check "no comments or version banner" test "$(grep -c '<!--' "$svg")" -eq 0
check "root has role=img and aria-labelledby" grep -q 'role="img" aria-labelledby="opm-2015-title opm-2015-desc"' "$svg"
check "the desc counts actors and disputed links" grep -q '<desc id="opm-2015-desc">.*actors, .* links, .* disputed' "$svg"
check "an actor's title is its name" grep -q '<title>Guo Shengkun</title>' "$svg"
check "a link's title reads as a sentence" grep -q '<title>China → blamed for → OPM breach (disputed)</title>' "$svg"
check "classes for kind, group, status, legend" sh -c "grep -q 'class=\"node actor person group&#45;cn\"' '$svg' && grep -q 'class=\"edge link disputed attribution\"' '$svg' && grep -q 'class=\"legend\"' '$svg'"
"$bin" render "$opm" -T svg --inline >"$tmp/inline.svg" 2>/dev/null
check "--inline starts with <svg" test "$(head -c 4 "$tmp/inline.svg")" = "<svg"
check "--inline is well-formed XML" xmllint --noout "$tmp/inline.svg"
"$bin" render "$opm" -T svg --responsive >"$tmp/resp.svg" 2>/dev/null
check "--responsive drops width and height, keeps viewBox" sh -c "grep '<svg' '$tmp/resp.svg' | grep -qv ' width=' && grep -q 'viewBox=' '$tmp/resp.svg'"
for f in "$svg" "$tmp/inline.svg" "$tmp/resp.svg"; do
    name="rsvg-convert converts $(basename "$f")"
    have rsvg-convert "$name" "(Debian package librsvg2-bin)" || continue
    rsvg-convert "$f" -o "$tmp/rsvg.png" 2>"$tmp/err"
    check "$name" is_png "$tmp/rsvg.png"
done
# Deterministic bytes, across processes.
"$bin" render "$opm" -o "$tmp/d1.svg" -o "$tmp/d1.png" -o "$tmp/d1.pdf" 2>/dev/null
"$bin" render "$opm" -o "$tmp/d2.svg" -o "$tmp/d2.png" -o "$tmp/d2.pdf" 2>/dev/null
for f in svg png pdf; do
    check "the same input gives the same $f bytes" cmp -s "$tmp/d1.$f" "$tmp/d2.$f"
done
# The layout must not follow malloc: with cgraph's default ids the order
# of clusters did, and another malloc tuning moved groups and actors.
"$bin" render "$opm" -T svg --no-citations >"$tmp/m1.svg" 2>/dev/null
GLIBC_TUNABLES=glibc.malloc.tcache_count=0 MALLOC_PERTURB_=7 \
    "$bin" render "$opm" -T svg --no-citations >"$tmp/m2.svg" 2>/dev/null
check "the same SVG whatever malloc does" cmp -s "$tmp/m1.svg" "$tmp/m2.svg"
# The order of the clusters once followed where malloc put their names,
# which moved with the size of the environment.
same=0
for n in $(seq 1 48); do
    RG_PAD=$(printf "%${n}s" "") "$bin" render "$opm" -T svg >"$tmp/d3.svg" 2>/dev/null
    cmp -s "$tmp/d1.svg" "$tmp/d3.svg" && same=$((same + 1))
done
check "the SVG does not depend on the environment's size ($same of 48 equal)" test "$same" = 48
# heap_moved DOC ARGS...: how many of 4 renders of DOC to SVG with ARGS,
# each with the heap moved by the environment's size, give the bytes of
# a first render.
heap_moved() {
    doc=$1
    shift
    "$bin" render "$doc" "$@" -T svg >"$tmp/e0.svg" 2>/dev/null
    same=0
    for n in 1 7 19 40; do
        RG_PAD=$(printf "%${n}s" "") "$bin" render "$doc" "$@" -T svg \
            >"$tmp/e1.svg" 2>/dev/null
        cmp -s "$tmp/e0.svg" "$tmp/e1.svg" && same=$((same + 1))
    done
    echo "$same"
}
# Nor with fdp and sfdp, whose layouts followed the heap inside Graphviz
# (src/gvsame.c): fdp laid the components out in the order of their
# names' addresses, and drew this focus differently in 3 runs of 3.
for engine in fdp sfdp; do
    same=$(heap_moved "$opm" --focus opm-breach --engine $engine)
    check "$engine draws the same SVG whatever the environment's size ($same of 4 equal)" test "$same" = 4
done
# fdp with groups compared the addresses of the nodes it made for them:
# the grouped Les Miserables sample gave 4 different charts in 4 runs.
d3=$top/../shared/data/interop/d3/miserables.json
if [ ! -f "$d3" ]; then
    skipped "fdp draws a grouped chart the same whatever the environment's size" "$d3 is not there"
elif ! python3 "$top/tests/groups/miserables.py" "$d3" --groups >"$tmp/mis.json" 2>"$tmp/err"; then
    bad "tests/groups/miserables.py converts the d3 sample"
else
    same=$(heap_moved "$tmp/mis.json" --engine fdp)
    check "fdp draws a grouped chart the same whatever the environment's size ($same of 4 equal)" test "$same" = 4
fi
# Node names in the DOT output: cgraph's writer once read a header before
# each name (which relgraph had allocated itself) to ask whether it was
# HTML-like, and wrote "<alcoa>" for "alcoa" in about half of the runs.
htmlnames=0
for n in $(seq 1 16); do
    RG_PAD=$(printf "%${n}s" "") "$bin" render "$min" -T dot >"$tmp/d4.dot" 2>/dev/null
    grep -qE '^[[:space:]]*<[a-z]' "$tmp/d4.dot" && htmlnames=$((htmlnames + 1))
done
check "DOT never writes an actor id as an HTML-like name ($htmlnames of 16 did)" test "$htmlnames" = 0
SOURCE_DATE_EPOCH=1449014400 "$bin" render "$min" -T pdf >"$tmp/sde.pdf" 2>/dev/null
check "the PDF date comes from SOURCE_DATE_EPOCH" grep -qa 'CreationDate (D:20151202000000' "$tmp/sde.pdf"

# Citations: a marker on every citing actor and link, numbered by first
# use, and a Sources block at the foot, in every format.
actors=$(grep -c '"name":' "$opm")
links=$(grep -c '"from":' "$opm")
markers=$(grep -c '>\[1\]</text>' "$svg")
check "every actor and link of the OPM chart carries [1] ($actors + $links, got $markers)" \
    test "$markers" -eq $((actors + links))
check "the SVG ends with a Sources block" sh -c "grep -A4 'id=\"opm-2015-sources\" class=\"sources\"' '$svg' | grep -q '>\[1\] (B) China Says OPM Hack Was Not State&#45;Sponsored, Washington Free Beacon, 2015&#45;12&#45;02,'"
check "the source's url is a link in SVG" grep -q 'xlink:href="https://freebeacon.com/national-security/china-says-opm-hack-was-not-state-sponsored/"' "$svg"
name="the PDF holds the Sources block"
if have pdftotext "$name" "(Debian package poppler-utils)"; then
    pdftotext "$tmp/opm-2015.pdf" "$tmp/opm.txt" 2>"$tmp/err"
    check "$name" sh -c "grep -q '^SOURCES' '$tmp/opm.txt' && grep -q '^\[1\] (B) China Says OPM Hack' '$tmp/opm.txt'"
fi
# --no-citations: the CLI case no-citations.
cat >"$tmp/cite.json" <<'JSON'
{
  "relgraph": 1,
  "title": "Two sources",
  "sources": [
    {"id": "a", "title": "Alpha", "url": "https://a.example/?x=1&y=2"},
    {"id": "b", "title": "Beta", "publisher": "Beta Press", "date": "2020-01"},
    {"id": "c", "title": "Never cited"}
  ],
  "actors": [
    {"id": "p", "name": "P", "kind": "person", "source": ["a", "b"]},
    {"id": "q", "name": "Q", "kind": "company"}
  ],
  "links": [{"from": "p", "to": "q", "label": "owns", "source": "b"}]
}
JSON
for e in dot neato; do
    "$bin" render "$tmp/cite.json" --engine $e -o "$tmp/cite-$e.svg" 2>"$tmp/err"
    check "$e: citations keep the SVG well-formed (a url with &)" xmllint --noout "$tmp/cite-$e.svg"
    check "$e: sources numbered by their place in the list" sh -c "grep -q '>\[2\] Beta, Beta Press, 2020&#45;01</text>' '$tmp/cite-$e.svg' && grep -q '>\[1\] Alpha, https://a.example/?x=1&amp;y=2</text>' '$tmp/cite-$e.svg'"
    check "$e: an actor citing two sources reads [1,2]" grep -q '>\[1,2\]</text>' "$tmp/cite-$e.svg"
    check "$e: an uncited source is not listed" sh -c "! grep -q 'Never cited' '$tmp/cite-$e.svg'"
    ids=$(grep -o ' id="[^"]*"' "$tmp/cite-$e.svg" | sort)
    check "$e: ids stay unique with citations" test -z "$(printf '%s\n' "$ids" | uniq -d)"
done

# Many sources on one actor: a run of three or more numbers reads as its
# ends, so the marker stays short ([1,3–6] for 1, 3, 4, 5, 6).
python3 - "$tmp/runs.json" <<'PY'
import json, sys
src = [{"id": "s%d" % i, "title": "S%d" % i} for i in range(1, 7)]
json.dump({"relgraph": 1, "sources": src,
           "actors": [{"id": "p", "source": ["s6", "s1", "s4", "s3", "s5", "s4"]},
                      {"id": "q", "source": ["s2", "s3"]},
                      {"id": "r", "source": ["s2"]}]}, open(sys.argv[1], "w"))
PY
"$bin" render "$tmp/runs.json" -o "$tmp/runs.svg" 2>"$tmp/err"
check "citations: a run of numbers reads as its ends, pairs and single ones as they are" \
    sh -c "grep -q '>\[1,3–6\]</text>' '$tmp/runs.svg' && grep -q '>\[2,3\]</text>' '$tmp/runs.svg' && grep -q '>\[2\]</text>' '$tmp/runs.svg'"

# Cytoscape.js edge ids never clash with an actor's, in a view too
# (--tlp and --focus views have no id map of their own).
cat >"$tmp/cy.json" <<'JSON'
{"relgraph": 1, "tlp": "clear",
 "actors": [{"id": "link-0"}, {"id": "b"}, {"id": "s", "tlp": "red"}],
 "links": [{"from": "link-0", "to": "b"}, {"from": "s", "to": "b"}]}
JSON
for view in "" "--tlp amber" "--focus b"; do
    "$bin" render "$tmp/cy.json" $view -o "$tmp/cy.cyjs" 2>/dev/null
    check "cyjs ${view:-whole}: element ids unique" python3 -c "
import json, sys
e = json.load(open(sys.argv[1]))['elements']
ids = [x['data']['id'] for x in e['nodes'] + e['edges']]
sys.exit(len(ids) != len(set(ids)))" "$tmp/cy.cyjs"
done

# --tlp: a document marked above the level keeps its kinds' legend texts
# to itself, as its title (the legend names the kinds instead).
cat >"$tmp/tk.json" <<'JSON'
{"relgraph": 1, "tlp": "red",
 "kinds": {"op": {"label": "Covert operatives of X"}},
 "link_kinds": {"pay": {"label": "Secret payments"}},
 "actors": [{"id": "a", "kind": "op", "tlp": "clear"}, {"id": "b", "tlp": "clear"}],
 "links": [{"from": "a", "to": "b", "kind": "pay", "tlp": "clear"}]}
JSON
"$bin" render "$tmp/tk.json" -o "$tmp/tk-all.svg" 2>/dev/null
check "--tlp control: the kinds' labels are in the whole chart" grep -q 'Covert operatives' "$tmp/tk-all.svg"
for f in svg html md dot csv-actors.csv; do
    "$bin" render "$tmp/tk.json" --tlp amber -o "$tmp/tk.$f" 2>/dev/null
    check "--tlp amber: no withheld kind label in .$f" sh -c "test -s '$tmp/tk.$f' && ! grep -q 'Covert\|Secret' '$tmp/tk.$f'"
done

# --tlp: a group whose actors are all withheld goes too (its label would
# be in the groups table and the reports); its parent stays for the rest.
cat >"$tmp/tg.json" <<'JSON'
{"relgraph": 1, "tlp": "clear",
 "groups": [{"id": "outer", "label": "Outer"},
            {"id": "g1", "label": "Secret cell", "parent": "outer"},
            {"id": "g2", "label": "Open club", "parent": "outer"}],
 "actors": [{"id": "a", "group": "g1", "tlp": "red"}, {"id": "b", "group": "g2"}, {"id": "c"}],
 "links": [{"from": "b", "to": "c"}]}
JSON
for f in -groups.csv .svg .html .gexf .stix.json; do
    "$bin" render "$tmp/tg.json" --tlp amber -o "$tmp/tg$f" 2>/dev/null
    check "--tlp amber: a group of withheld actors is not in $f" sh -c "test -s '$tmp/tg$f' && ! grep -q 'Secret cell\|\"g1\"\|^g1,' '$tmp/tg$f'"
done
check "--tlp amber: the kept groups and their nesting stay" grep -q '^g2,Open club,outer' "$tmp/tg-groups.csv"

# STIX: a report lists each record that cites it once, however often the
# record repeats the citation.
cat >"$tmp/rep.json" <<'JSON'
{"relgraph": 1, "sources": [{"id": "s", "title": "S"}],
 "actors": [{"id": "a", "source": ["s", "s", "s", "s", "s"]}, {"id": "b", "source": "s"}],
 "links": [{"from": "a", "to": "b", "source": ["s", "s"]}]}
JSON
"$bin" render "$tmp/rep.json" -o "$tmp/rep.stix.json" 2>/dev/null
check "STIX: a report's object_refs name each citing record once" python3 -c "
import json, sys
r = [o for o in json.load(open(sys.argv[1]))['objects'] if o['type'] == 'report'][0]
sys.exit(sorted(r['object_refs']) != sorted(set(r['object_refs'])) or len(r['object_refs']) != 3)" "$tmp/rep.stix.json"

# STIX: a claimant named twice, or the creator named again, gives one
# opinion each way, so no two objects share an id.
cat >"$tmp/op.json" <<'JSON'
{"relgraph": 1,
 "actors": [{"id": "a"}, {"id": "b"}, {"id": "x", "kind": "person"}, {"id": "y", "kind": "person"}],
 "links": [{"from": "a", "to": "b", "claimed_by": ["x", "y", "y", "x"], "disputed_by": ["y", "y", "x"]}]}
JSON
"$bin" render "$tmp/op.json" -o "$tmp/op.stix.json" 2>/dev/null
check "STIX: claimants named twice give no two objects one id" python3 -c "
import json, sys
o = json.load(open(sys.argv[1]))['objects']
ids = [x['id'] for x in o]
sys.exit(len(ids) != len(set(ids)) or sum(x['type'] == 'opinion' for x in o) != 3)" "$tmp/op.stix.json"

# Import: 200,000 repeats of one edge are merged with 20 warnings and a
# note, in linear time (a warning each took minutes: each "first at"
# position was found again on one long line).
python3 -c "
import json, sys
json.dump({'nodes': [{'id': 'a'}, {'id': 'b'}], 'links': [{'source': 'a', 'target': 'b'}] * 200000}, open(sys.argv[1], 'w'))" "$tmp/twins.json"
timeout 60 "$bin" import "$tmp/twins.json" -o "$tmp/twins-out.json" 2>"$tmp/err"
check "import: 200,000 repeated edges merged, 20 warned of, in time" sh -c "test \$(grep -c warning '$tmp/err') -eq 20 && grep -q '199999 of 200000 edges' '$tmp/err' && test \$(grep -c '\"from\"' '$tmp/twins-out.json') -eq 1"

# Import: 60,000 STIX objects each citing a reference of its own become
# 60,000 sources in linear time (each citation was looked for among all
# the sources made so far: minutes).
python3 -c "
import json, sys
o = [{'type': 'threat-actor', 'spec_version': '2.1', 'id': 'threat-actor--%08d-0000-4000-8000-000000000000' % i, 'created': '2020-01-01T00:00:00Z', 'modified': '2020-01-01T00:00:00Z', 'name': 'a%d' % i, 'external_references': [{'source_name': 'r%d' % i, 'url': 'https://example.org/%d' % i}]} for i in range(60000)]
json.dump({'type': 'bundle', 'id': 'bundle--00000000-0000-4000-8000-000000000000', 'objects': o}, open(sys.argv[1], 'w'))" "$tmp/refs.json"
timeout 60 "$bin" import "$tmp/refs.json" -o "$tmp/refs-out.json" 2>"$tmp/err"
check "import: 60,000 objects with a reference each, in time" sh -c "test \$(grep -c '\"url\": \"https://example.org/' '$tmp/refs-out.json') -eq 60000"

# A full standard output is an error (exit 3) for every command that
# writes there, not a silent truncation: fmt and import flush too.
if [ -w /dev/full ]; then
    check "render -T svg to a full standard output: exit 3" sh -c "'$bin' render '$tmp/runs.json' -T svg >/dev/full 2>/dev/null; test \$? -eq 3"
    check "fmt to a full standard output: exit 3" sh -c "'$bin' fmt '$tmp/runs.json' >/dev/full 2>/dev/null; test \$? -eq 3"
    check "import to a full standard output: exit 3" sh -c "'$bin' import '$tmp/runs.json' >/dev/full 2>/dev/null; test \$? -eq 3"
fi

# A single render lays out in relgraph's process, guarded: a crash in
# Graphviz (an assertion with sfdp and raw splines) is exit 3 with a
# diagnostic, and an existing chart is left as it was, with no temporary
# file beside it.
mkdir -p "$tmp/guard"
echo keep >"$tmp/guard/chart.svg"
"$bin" render "$top/tests/cases/graphviz-crash/input.json" -o "$tmp/guard/chart.svg" 2>"$tmp/err"
st=$?
check "guarded crash: exit 3 and the diagnostic" sh -c "test $st -eq 3 && grep -q 'error: Graphviz crashed (signal 6) in the sfdp layout' '$tmp/err'"
check "guarded crash: the existing chart is untouched, nothing else written" \
    sh -c "test \"\$(cat '$tmp/guard/chart.svg')\" = keep && test \"\$(ls -A '$tmp/guard')\" = chart.svg"

# A Graphviz without plugins (GVBINDIR pointing at an empty folder) is
# reported by the render, with the fix, in the child and in process.
mkdir -p "$tmp/no-plugins"
for iso in "" --no-isolate; do
    GVBINDIR=$tmp/no-plugins "$bin" render "$min" -T svg $iso >"$tmp/np.svg" 2>"$tmp/err"
    st=$?
    check "Graphviz without plugins ${iso:-(child)}: exit 3, says to run dot -c" \
        sh -c "test $st -eq 3 && grep -q \"run 'dot -c' as root\" '$tmp/err' && test ! -s '$tmp/np.svg'"
done

# Focus: a chart of the part of a document around some actors, that
# says what it leaves out.
"$bin" render "$opm" --focus opm-breach -o "$tmp/focus.svg" -o "$tmp/focus.md" 2>"$tmp/err"
check "--focus renders" test $? -eq 0
check "--focus keeps the actors one link away (9)" test "$(grep -c 'class="node actor' "$tmp/focus.svg")" -eq 9
# A link is one edge, or a label (or point) node between two half-edges.
check "--focus keeps the links between them (11)" test "$(grep 'class="edge link\|class="node link&#45;' "$tmp/focus.svg" | grep -vc '&#45;\(from\|to\)" class=')" -eq 11
check "--focus says what it leaves out, in the chart" grep -q '>Showing 9 of 54 actors and 11 of 71 links: those within 1 link of OPM breach.<' "$tmp/focus.svg"
check "--focus: the Markdown table has the 11 links" test "$(grep -c '^| ' "$tmp/focus.md")" -eq 13
check "--focus: a claimer left out is still named in the tooltip" grep -q 'claimed by United States, James Clapper' "$tmp/focus.svg"
ids=$(grep -o ' id="[^"]*"' "$tmp/focus.svg" | sort)
check "--focus: ids unique" test -z "$(printf '%s\n' "$ids" | uniq -d)"
"$bin" render "$opm" --focus Chalco --focus 'Deep Panda' --depth 2 -T svg >"$tmp/focus2.svg" 2>"$tmp/err"
n2=$(grep -c 'class="node actor' "$tmp/focus2.svg")
check "--focus by alias and name, --depth 2 reaches further ($n2 actors)" test "$n2" -gt 9 -a "$n2" -lt 54
# --focus on no actor, --depth without --focus: CLI cases focus-no-actor,
# depth-without-focus.

# Legibility at A4 width: the A4 chart of `make demo`, scaled as --page a4
# scales it (its drawing, without the 0.3 in pad, to the 523 pt between
# the page's 0.5 in margins), keeps actor names at 6 pt or more and no
# text under 4.5 pt. The whole story is too big for A4; the
# same measure puts its names under 2 pt, which shows the check can fail.
a4_sizes() {
    w=$(grep -o '<svg width="[0-9.]*pt' "$1" | sed 's/[^0-9.]//g')
    min=$(grep -o 'font-size="[0-9.]*"' "$1" | grep -o '[0-9.][0-9.]*' | sort -n | head -1)
    echo "$w $min" | awk '{ s = 523.28 / ($1 - 43.2); if (s > 1) s = 1; printf "%.1f %.1f", 11 * s, $2 * s }'
}
"$bin" render "$opm" --focus opm-breach --direction TB -T svg >"$tmp/a4.svg" 2>"$tmp/err"
set -- $(a4_sizes "$tmp/a4.svg")
check "A4 chart at A4 width: names $1 pt (>= 6), smallest text $2 pt (>= 4.5)" \
    awk -v n="$1" -v m="$2" 'BEGIN { exit !(n >= 6 && m >= 4.5) }'
set -- $(a4_sizes "$svg")
check "the whole story at A4 width: names $1 pt, too small (< 6)" \
    awk -v n="$1" 'BEGIN { exit !(n < 6) }'

# Themes: dark draws on a dark page; mono uses greys only.
"$bin" render "$opm" -T svg --theme dark >"$tmp/dark.svg" 2>"$tmp/err"
check "--theme dark paints the page dark" grep -q '<polygon fill="#15181[cC]"' "$tmp/dark.svg"
"$bin" render "$opm" -T svg --theme mono >"$tmp/mono.svg" 2>"$tmp/err"
colours=$(grep -o '#[0-9A-Fa-f]\{6\}' "$tmp/mono.svg" | sort -u)
not_grey=$(printf '%s\n' "$colours" | awk '{ r = substr($0, 2, 2); g = substr($0, 4, 2); b = substr($0, 6, 2); if (tolower(r) != tolower(g) || tolower(g) != tolower(b)) print }')
check "--theme mono uses greys only ($(printf '%s\n' "$colours" | wc -l) colours)" test -z "$not_grey" -a -n "$colours"
colours=$(grep -o '#[0-9A-Fa-f]\{6\}' "$svg" | sort -u)
not_grey=$(printf '%s\n' "$colours" | awk '{ r = substr($0, 2, 2); g = substr($0, 4, 2); b = substr($0, 6, 2); if (tolower(r) != tolower(g) || tolower(g) != tolower(b)) print }')
check "the light theme has colours (the mono check can fail)" test -n "$not_grey"
# An unknown theme: the CLI case usage-unknown-theme.

# The report page and the Markdown table.
"$bin" render "$opm" -o "$tmp/r.html" -o "$tmp/r.md" 2>"$tmp/err"
check "render to .html and .md" test $? -eq 0
check "the report is well-formed (xmllint)" xmllint --noout "$tmp/r.html"
check "the report inlines the chart, without XML prologue" sh -c "grep -q '<svg' '$tmp/r.html' && ! grep -q '<?xml' '$tmp/r.html'"
rows=$(grep -c '^| ' "$tmp/r.md")
check "the Markdown table has a row per link ($links + 2 header lines, got $rows)" test "$rows" -eq $((links + 2))
check "the report lists the source" grep -q 'Washington Free Beacon' "$tmp/r.html"

# Batch mode: one process, every document, past a bad one.
printf '{"actors": [{"id": "a"}], "links": [{"from": "a", "to": "b"}]}' >"$tmp/bad.json"
"$bin" render "$min" -o "$tmp/single.svg" 2>"$tmp/err"
mkdir -p "$tmp/batch"
"$bin" render --outdir "$tmp/batch" -T svg -T dot "$min" "$tmp/bad.json" "$opm" 2>"$tmp/err"
st=$?
check "batch with a bad document exits 1" test $st -eq 1
check "batch reports the bad document" grep -q 'bad.json:1:' "$tmp/err"
check "batch renders the good documents to each format" \
    test -s "$tmp/batch/minimal.svg" -a -s "$tmp/batch/minimal.dot" -a \
    -s "$tmp/batch/opm-2015.svg" -a -s "$tmp/batch/opm-2015.dot"
check "batch writes nothing for the bad document" test ! -e "$tmp/batch/bad.svg"
check "batch SVG equals a single render's" cmp -s "$tmp/batch/minimal.svg" "$tmp/single.svg"
# A batch's documents go to the batch worker: it must get every option.
mkdir -p "$tmp/batch2"
"$bin" render --outdir "$tmp/batch2" --theme mono --no-citations "$min" "$opm" 2>"$tmp/err"
"$bin" render "$opm" -T svg --theme mono --no-citations >"$tmp/single-mono.svg" 2>"$tmp/err"
check "batch: the worker's SVG equals a single render's with --theme and --no-citations" \
    cmp -s "$tmp/batch2/opm-2015.svg" "$tmp/single-mono.svg"

# A batch renders in one long-lived child, the worker: a crash or a time
# limit there still fails only its document.
cases=$(dirname "$0")/cases
mkdir -p "$tmp/batch2"
cp "$cases/graphviz-crash/input.json" "$tmp/crash.json"
cp "$cases/layout-timeout/input.json" "$tmp/slow.json"
cp "$min" "$tmp/again.json"
"$bin" render --outdir "$tmp/batch2" --layout-timeout 6 -T svg -T png "$min" \
    "$opm" "$tmp/crash.json" "$tmp/again.json" "$tmp/slow.json" "$tmp/bad.json" \
    "$min" 2>"$tmp/err"
st=$?
check "batch with a crash and a time limit exits 3" test $st -eq 3
check "batch reports the crash" grep -q 'crash.json: error: Graphviz crashed' "$tmp/err"
check "batch reports the time limit" grep -q 'slow.json: error: the dot layout did not finish within 6 s' "$tmp/err"
check "batch writes nothing for them" test ! -e "$tmp/batch2/crash.svg" -a ! -e "$tmp/batch2/slow.svg"
check "batch renders the documents before and after them" \
    test -s "$tmp/batch2/opm-2015.png" -a -s "$tmp/batch2/again.svg" -a -s "$tmp/batch2/minimal.png"
"$bin" render "$tmp/again.json" -T svg >"$tmp/again.svg" 2>/dev/null
check "a batch's later SVG equals a single render's" cmp -s "$tmp/batch2/again.svg" "$tmp/again.svg"
check "a batch's later PNG equals a single render's" cmp -s "$tmp/batch2/opm-2015.png" "$tmp/d1.png"
# The first document goes to the worker too: when it crashes, the next
# one gets a new worker.
mkdir -p "$tmp/batch3"
"$bin" render --outdir "$tmp/batch3" "$tmp/crash.json" "$tmp/again.json" 2>"$tmp/err"
st=$?
check "batch whose first document crashes exits 3" test $st -eq 3
check "batch whose first document crashes reports it" grep -q 'crash.json: error: Graphviz crashed' "$tmp/err"
check "batch whose first document crashes renders the next one" cmp -s "$tmp/batch3/again.svg" "$tmp/again.svg"
# A document that cannot be read twice (a pipe) is not sent to the worker,
# which reads its documents again from their files.
mkdir -p "$tmp/batch4"
mkfifo "$tmp/piped.json"
cat "$min" >"$tmp/piped.json" &
"$bin" render --outdir "$tmp/batch4" "$min" "$tmp/piped.json" 2>"$tmp/err"
st=$?
wait
check "batch with a named pipe among its documents exits 0" test $st -eq 0
check "batch renders the document from the pipe" grep -q 'id="piped-' "$tmp/batch4/piped.svg"
# A source's link in the chart has an id of its own, not Graphviz's count
# of links drawn so far in the process: the second of two documents in one
# worker gets the same SVG as a render of its own.
mkdir -p "$tmp/batch5"
cp "$opm" "$tmp/opm-again.json"
"$bin" render --outdir "$tmp/batch5" --id-prefix x- "$opm" "$tmp/opm-again.json" 2>"$tmp/err"
"$bin" render "$opm" -T svg --id-prefix x- >"$tmp/x.svg" 2>"$tmp/err"
check "a batch's second chart with linked sources equals a single render's" \
    cmp -s "$tmp/batch5/opm-again.svg" "$tmp/x.svg"

# Labels as nodes, who says so drawn, --aliases, --dates. A labelled link
# is a label node between two half-edges; each claimant and disputant has
# a line to it, explained in the legend; the options put text under names
# and labels, escaped.
cat >"$tmp/says.json" <<'JSON'
{"actors": [{"id": "a", "name": "A", "aliases": ["<Alpha & Co>"], "date": "2014", "until": "2015"},
            {"id": "b", "name": "B"}, {"id": "c", "name": "C"}, {"id": "d", "name": "D"}],
 "links": [{"from": "a", "to": "b", "label": "stole", "status": "disputed", "date": "2014-05-19",
            "claimed_by": ["c"], "disputed_by": ["d"]},
           {"from": "a", "to": "b", "claimed_by": ["c", "c"]}]}
JSON
"$bin" render "$tmp/says.json" -T svg >"$tmp/says.svg" 2>"$tmp/err"
check "a labelled link: its label node has its id, its halves theirs" sh -c "grep -q 'id=\"says-link&#45;a&#45;&#45;b\" class=\"node link&#45;label disputed\"' '$tmp/says.svg' && grep -q 'id=\"says-link&#45;a&#45;&#45;b&#45;from\" class=\"edge link disputed\"' '$tmp/says.svg' && grep -q 'id=\"says-link&#45;a&#45;&#45;b&#45;to\"' '$tmp/says.svg'"
check "who says so: a line from the claimant and one from the disputant, titled" sh -c "grep -q '<title>C claims: A → stole → B</title>' '$tmp/says.svg' && grep -q '<title>D disputes: A → stole → B</title>' '$tmp/says.svg'"
check "an unlabelled link with claims meets them at a point; a claimant named twice draws one line" \
    test "$(grep -c 'class="edge claim claims"' "$tmp/says.svg")" -eq 2 -a "$(grep -c 'class="node link&#45;point' "$tmp/says.svg")" -eq 1
check "the legend explains who says so" grep -q '>WHO SAYS SO<' "$tmp/says.svg"
# A claimant named 2,000 times draws one line, even when another link
# holds the id its line would take ("link-a--b-claimed-by-c" is also the
# id of a link from "a" to "b-claimed-by-c").
python3 -c '
import json
print(json.dumps({"actors": [{"id": i} for i in ("a", "b", "c", "b-claimed-by-c")],
    "links": [{"from": "a", "to": "b-claimed-by-c"},
              {"from": "a", "to": "b", "label": "met", "claimed_by": ["c"] * 2000}]}))' >"$tmp/many-claims.json"
"$bin" render "$tmp/many-claims.json" -T svg >"$tmp/many-claims.svg" 2>"$tmp/err"
check "a claimant named 2,000 times draws one line, beside an id that takes its line's" \
    test "$(grep -c 'class="edge claim claims"' "$tmp/many-claims.svg")" -eq 1

check "no --aliases, no --dates: neither is drawn" sh -c "! grep -q '>aka \|>2014&#45;05&#45;19<' '$tmp/says.svg'"
"$bin" render "$tmp/says.json" -T svg --no-claims --aliases --dates >"$tmp/says2.svg" 2>"$tmp/err"
check "--no-claims draws no claim lines and no legend row" sh -c "! grep -q 'class=\"edge claim\|WHO SAYS SO' '$tmp/says2.svg'"
check "--aliases draws the aliases under the name, escaped" grep -q '>aka &lt;Alpha &amp; Co&gt;<' "$tmp/says2.svg"
check "--dates draws the dates of actors and links" sh -c "grep -q '>2014 – 2015<' '$tmp/says2.svg' && grep -q '>2014&#45;05&#45;19<' '$tmp/says2.svg'"
"$bin" render "$tmp/says.json" -T dot --aliases --dates >"$tmp/says.dot" 2>"$tmp/err"
check "the DOT output with label nodes is valid DOT" dot -Tsvg -o /dev/null "$tmp/says.dot"

# --page and the PDF's metadata
. "$top/tests/check-pages.sh"

echo "outputs: $pass passed, $fail failed, $skip skipped"
[ $fail = 0 ]
