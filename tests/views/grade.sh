#!/bin/sh
# Grades (Admiralty reliability A-F on sources, credibility 1-6 on links
# and actors): the markers beside the footnotes in the SVG's text ("B2",
# "B/D4" for a link citing a B and a D source, "6" for a link citing no
# graded source), the legend's GRADES row with only the grades shown,
# the Sources block's letters; --min-credibility N keeps the links graded
# N or better and the ungraded ones, --graded-only leaves those out; the
# view's note; the Markdown table's Reliability and Credibility columns
# (absent for an ungraded document); a STIX export and import keeps both
# grades, and confidence follows the STIX 2.1 appendix (2 -> 70, 6 ->
# none).
#   usage: sh tests/views/grade.sh build/relgraph
# Ends "grade: N passed, N failed, N skipped"; exits 1 if any check failed.
set -u
bin=${1:?usage: sh tests/views/grade.sh path/to/relgraph}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
here=$(cd "$(dirname "$0")" && pwd)
doc=$here/graded.json
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0 skip=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }

# texts F: the SVG's text elements, one a line.
texts() { sed -n 's/.*<text[^>]*>\([^<]*\)<\/text>.*/\1/p' "$1"; }
# links F: the drawn links' ids (the label nodes: a--b, ...), sorted.
links() {
    grep -o 'id="[a-z0-9-]*-link&#45;[a-z]&#45;&#45;[a-z]"' "$1" |
        sed 's/.*link&#45;\(.\)&#45;&#45;\(.\)"/\1--\2/' | sort | tr '\n' ' '
}

"$bin" render "$doc" -o "$tmp/all.svg" -o "$tmp/all.md" 2>"$tmp/err" ||
    bad "render the graded document: $(cat "$tmp/err")"
texts "$tmp/all.svg" >"$tmp/all.txt"
check "a link citing a B source, graded 2: B2" \
    "[ \$(grep -cx 'B2' '$tmp/all.txt') -eq 2 ]"
check "a link citing a B and a D source: B/D4" "grep -qx 'B/D4' '$tmp/all.txt'"
check "a link citing no graded source: its credibility alone" \
    "grep -qx '6' '$tmp/all.txt' && grep -qx '3' '$tmp/all.txt'"
check "the legend explains the letters shown, and only those" \
    "grep -q '^usually reliable source' '$tmp/all.txt' &&
     grep -q '^not usually reliable source' '$tmp/all.txt' &&
     ! grep -q '^completely reliable' '$tmp/all.txt'"
check "the legend explains the credibilities shown, and only those" \
    "grep -q '^probably true' '$tmp/all.txt' &&
     grep -q '^doubtful' '$tmp/all.txt' &&
     ! grep -q '^improbable' '$tmp/all.txt'"
check "the Sources block gives each graded source's letter" \
    "grep -qx '\[1\] (B) Report one' '$tmp/all.txt' &&
     grep -qx '\[3\] Report three' '$tmp/all.txt'"
check "every link drawn without a view" \
    "[ '$(links "$tmp/all.svg")' = 'a--b a--c b--d c--d d--a ' ]"
check "the Markdown table has Reliability and Credibility columns" \
    "grep -q '^| From | Relation | To | Status | Reliability | Credibility | Date | Sources |$' '$tmp/all.md' &&
     grep -q '^| Alpha | hired → | Charlie | reported | B, D | 4 doubtful |' '$tmp/all.md'"

"$bin" render "$here/../cases/check-valid-file/input.json" -o "$tmp/plain.md" \
    2>/dev/null
check "an ungraded document's table has no grade columns" \
    "grep -q '^| From | Relation | To | Status | Date | Sources |$' '$tmp/plain.md'"

# view LINKS NOTE ACTORS ARGS...: the links a view keeps, its note and
# how many actors it draws.
view() {
    want_links=$1 want_note=$2 want_actors=$3
    shift 3
    if ! "$bin" render "$doc" "$@" -o "$tmp/v.svg" -o "$tmp/v.md" \
        2>"$tmp/err"; then
        bad "$*: $(cat "$tmp/err")"
        return
    fi
    got=$(links "$tmp/v.svg")
    check "$*: keeps $want_links" "[ '$got' = '$want_links' ]"
    check "$*: says so" "grep -qF '$want_note' '$tmp/v.md'"
    check "$*: draws $want_actors actors" \
        "[ \$(grep -c 'class=\"node actor' '$tmp/v.svg') -eq $want_actors ]"
}
# every actor stays in a grade view, graded or not (Alpha is graded 2)
view 'a--b c--d d--a ' \
    'Links graded 3 or better: 3 of 5 (1 ungraded kept).' 4 \
    --min-credibility 3
view 'a--b c--d ' 'Links graded 2 or better: 2 of 5 (1 ungraded kept).' 4 \
    --min-credibility 2
view 'a--b ' 'Links graded 2 or better: 1 of 5 (1 ungraded left out).' 4 \
    --min-credibility 2 --graded-only
view 'a--b a--c b--d d--a ' \
    'Graded links only: 4 of 5 links (1 ungraded left out).' 4 --graded-only
view 'a--b a--c b--d c--d d--a ' \
    'Links graded 6 or better: 5 of 5 (1 ungraded kept).' 4 \
    --min-credibility 6
# then --focus on what the grade view keeps: Delta is no longer near Alpha
view 'a--b ' 'Links graded 2 or better: 2 of 5 (1 ungraded kept). Showing 2 of 4 actors' 2 \
    --min-credibility 2 --focus Alpha --depth 2

# An ungraded actor citing a graded source shows no letter (it would
# repeat the Sources block on every name); a graded one its grade.
cat >"$tmp/actors.json" <<'JSON'
{ "relgraph": 1,
  "sources": [ { "id": "s1", "title": "One", "reliability": "B" },
               { "id": "s2", "title": "Two", "reliability": "D" } ],
  "actors": [ { "id": "e", "name": "Echo", "source": "s2" },
              { "id": "f", "name": "Foxtrot", "source": "s1", "credibility": 3 } ],
  "links": [ { "from": "e", "to": "f", "source": "s1" } ] }
JSON
if "$bin" render "$tmp/actors.json" -o "$tmp/actors.svg" 2>"$tmp/err"; then
    texts "$tmp/actors.svg" | tr '\n' '|' >"$tmp/actors.txt"
    check "an ungraded actor: its footnote, no letter; a graded one: B3" \
        "grep -q 'Echo |\\[2\\]|Foxtrot |\\[1\\]| |B3|' '$tmp/actors.txt'"
    check "the legend explains no letter only an ungraded actor cites" \
        "! grep -q 'not usually reliable' '$tmp/actors.txt'"
else
    bad "render the actors' grades: $(cat "$tmp/err")"
fi

# A batch (--outdir) draws the same view: its renders go through the
# layout worker, which knows documents only by their files and drew the
# whole document.
mkdir -p "$tmp/batch"
if "$bin" render --outdir "$tmp/batch" -T svg --min-credibility 2 "$doc" \
    2>"$tmp/err"; then
    got=$(links "$tmp/batch/graded.svg")
    check "--min-credibility in a batch: the same links" \
        "[ '$got' = 'a--b c--d ' ]"
else
    bad "--min-credibility in a batch: $(cat "$tmp/err")"
fi

# STIX: confidence per the appendix, both grades kept through a round trip.
if "$bin" render "$doc" -o "$tmp/g.stix.json" 2>"$tmp/err" &&
    "$bin" import "$tmp/g.stix.json" -o "$tmp/back.json" 2>"$tmp/err"; then
    check "STIX: credibility 2 is confidence 70, 6 has none" \
        "[ \$(grep -c '\"confidence\": 70' '$tmp/g.stix.json') -eq 2 ] &&
         [ \$(grep -c '\"confidence\": 50' '$tmp/g.stix.json') -eq 1 ] &&
         [ \$(grep -c '\"confidence\"' '$tmp/g.stix.json') -eq 4 ]"
    check "STIX: the sources' letters kept, not as numbers" \
        "grep -q '\"x_relgraph_reliability\": \"D\"' '$tmp/g.stix.json'"
    for f in "$doc" "$tmp/back.json"; do
        "$bin" render "$f" -o "$tmp/$(basename "$f" .json).md" 2>/dev/null
    done
    check "STIX round trip: the same grades in the same table rows" \
        "[ \"\$(grep '^|' '$tmp/graded.md' | cut -d'|' -f2-7)\" = \
           \"\$(grep '^|' '$tmp/back.md' | cut -d'|' -f2-7)\" ]"
    check "STIX round trip: no confidence beside a credibility" \
        "! grep -q confidence '$tmp/back.json' &&
         grep -q '\"reliability\": \"B\"' '$tmp/back.json'"
else
    bad "STIX export and import: $(cat "$tmp/err")"
fi

echo "grade: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
