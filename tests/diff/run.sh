#!/bin/sh
# relgraph diff: equal documents give exit 0 and an empty report; each
# kind of change (a renamed id, a status, a source added, a quote, a
# date, actors and links added and removed) is reported in the text,
# JSON and Markdown forms; the JSON parses; links with one key pair in
# document order; hostile names stay inert in every form and in the
# chart; the chart of the union marks added, removed and changed items
# by class, by a text marker that a mono render keeps, and in its
# legend; the recipe of graphs/README.md works as git's diff driver.
#   usage: sh tests/diff/run.sh build/relgraph
# Needs python3 (JSON and XML parsing) and git (the driver recipe);
# without them those checks are skipped, not passed. Ends "diff: N
# passed, N failed, N skipped"; exits 1 if any check failed.
set -u
bin=${1:?usage: sh tests/diff/run.sh path/to/relgraph}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0 skip=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
skipped() { skip=$((skip + 1)); echo "skip $1"; }
check() { # NAME COMMAND...: passes when the command succeeds
    name=$1
    shift
    if "$@"; then ok "$name"; else bad "$name"; fi
}
has_python=0
command -v python3 >/dev/null 2>&1 && has_python=1
old=$here/old.json new=$here/new.json

# diff ARGS...: stdout in $tmp/out, stderr in $tmp/err, status in $st
diff_() { "$bin" diff "$@" >"$tmp/out" 2>"$tmp/err"; st=$?; }
has() { grep -F -q -- "$1" "$tmp/out"; }

# Only the grades change: a source's reliability, a link's and an
# actor's credibility (compared as any other field: they once were not).
if [ "$has_python" = 1 ]; then
    python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
d['sources'][0]['reliability'] = 'E'
d['links'][0]['credibility'] = 6
d['actors'][0]['credibility'] = 2
json.dump(d, open(sys.argv[2], 'w'))" "$new" "$tmp/graded.json"
    diff_ "$new" "$tmp/graded.json"
    check "grades only: exit 1" test "$st" = 1
    check "grades only: a source's reliability (none) -> E" has 'reliability: (none) → "E"'
    check "grades only: a link's credibility (none) -> 6" has 'credibility: (none) → "6"'
    check "grades only: an actor's credibility (none) -> 2" has 'credibility: (none) → "2"'
    python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
d['actors'][0]['attrs'] = {'color': '#ff0000'}
d['actors'][0]['stix_id'] = 'threat-actor--11111111-1111-4111-8111-111111111111'
d['links'][0]['attrs'] = {'penwidth': '3'}
json.dump(d, open(sys.argv[2], 'w'))" "$new" "$tmp/attrs.json"
    diff_ "$new" "$tmp/attrs.json"
    check "Graphviz attributes and STIX ids only: exit 1" test "$st" = 1
    check "an actor's attrs.color and stix_id, a link's attrs.penwidth" \
        sh -c "grep -q 'attrs.color: (none)' '$tmp/out' && grep -q 'stix_id: (none)' '$tmp/out' && grep -q 'attrs.penwidth: (none)' '$tmp/out'"
else
    skipped "grades only: python3 is not installed"
fi

for f in text json md; do
    diff_ "$old" "$old" --format "$f"
    check "equal documents, $f: exit 0" test "$st" = 0
    if [ "$f" = json ]; then
        check "equal documents, json: equal is true" has '"equal": true'
    else
        check "equal documents, $f: empty report" test ! -s "$tmp/out"
    fi
done

diff_ "$old" "$new"
check "different documents: exit 1" test "$st" = 1
check "text: renamed id" has '~ actor "deep-panda" "Deep Panda": id: "apt" → "deep-panda" (renamed)'
check "text: status" has '"stole from": status: "alleged" → "confirmed"'
check "text: source added to a link" has '"stole from": source + "s2"'
check "text: quote" has '"stole from": quote: (none) → "data of 21.5 million people"'
check "text: date" has '"stole from": date: (none) → "2015-06-04"'
check "text: actor removed" has '- actor "gone" "Dropped Lead"'
check "text: actor added" has '+ actor "china" "China"'
check "text: link removed" has '- link "Dropped Lead" → "Deep Panda" "works for"'
check "text: link added" has '+ link "China" → "Deep Panda" "sponsors"'
check "text: document source added" has '+ source "s2" "Hearing"'
check "text: the renamed actor's unchanged link is not reported" \
    sh -c "! grep -q breached '$tmp/out'"

diff_ "$old" "$new" --format json
check "json: exit 1" test "$st" = 1
if [ "$has_python" = 1 ]; then
    check "json: parses, with each change" python3 - "$tmp/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["equal"] is False and (d["added"], d["removed"], d["changed"]) == (3, 2, 3), d
ch = {(c["what"], c["change"], c.get("id") or c.get("label")): c for c in d["changes"]}
assert ch[("actor", "changed", "deep-panda")]["old_id"] == "apt"
f = {x["field"]: x for x in ch[("link", "changed", "stole from")]["fields"]}
assert f["status"]["old"] == "alleged" and f["status"]["new"] == "confirmed"
assert f["source"]["old"] is None and f["source"]["new"] == "s2"
assert f["date"]["new"] == "2015-06-04" and f["quote"]["new"].startswith("data")
assert ("link", "removed", "works for") in ch and ("link", "added", "sponsors") in ch
PY
else
    skipped "json: parses (needs python3)"
fi

diff_ "$old" "$new" --format md
check "md: exit 1" test "$st" = 1
check "md: a table" has '| Change | What | Item | Field | Old | New |'
check "md: status row" has '| changed | link | Deep Panda → Office of Personnel Management “stole from” | status | alleged | confirmed |'
check "md: renamed row" has '| changed | actor | deep-panda: Deep Panda | id | apt | deep-panda |'

diff_ "$here/dup-old.json" "$here/dup-new.json"
check "links with one key pair in document order" \
    test "$(cat "$tmp/out")" = '~ link "A" → "B" "paid": status: "reported" → "confirmed"
+ link "A" → "B" "paid"'

# ---- hostile names ----
ho=$here/hostile-old.json hn=$here/hostile-new.json
diff_ "$ho" "$hn"
check "hostile, text: one line per change (newlines escaped)" \
    test "$(wc -l <"$tmp/out")" = 7
check "hostile, text: no control or bidi character" \
    sh -c "! LC_ALL=C grep -q -P '[\\x00-\\x08\\x0b-\\x1f\\x7f]|\\xe2\\x80\\xae|<script' '$tmp/out'"
diff_ "$ho" "$hn" --format md
check "hostile, md: markup escaped, one line per row" \
    sh -c "! grep -q -E '(^|[^\\\\])<(script|img|i>)' '$tmp/out' && test \$(wc -l <'$tmp/out') = 9"
check "hostile, md: pipes escaped" has '\<script\>alert(1)\</script\> \| pipe'
diff_ "$ho" "$hn" --format json
if [ "$has_python" = 1 ]; then
    check "hostile, json: parses and keeps the names" python3 - "$tmp/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
names = [c.get("name") for c in d["changes"]]
assert "<script>alert(1)</script> | pipe" in names, names
PY
else
    skipped "hostile, json: parses (needs python3)"
fi
diff_ "$ho" "$hn" -o "$tmp/h.svg"
if [ "$has_python" = 1 ]; then
    check "hostile, chart: well-formed SVG with no script" python3 - "$tmp/h.svg" <<'PY'
import sys, xml.etree.ElementTree as ET
t = ET.parse(sys.argv[1])
assert not [e for e in t.iter() if e.tag.endswith("script")]
PY
else
    skipped "hostile, chart: well-formed (needs python3)"
fi

# ---- the chart ----
diff_ "$old" "$new" -o "$tmp/u.svg" -o "$tmp/u.dot" --theme mono
check "chart: exit 1, the report still on stdout" sh -c "test $st = 1 && grep -q renamed '$tmp/out'"
for c in added removed changed; do
    c="diff&#45;$c" # Graphviz writes '-' in a class as an entity
    check "chart: class $c on actors and links" \
        sh -c "grep -q 'class=\"node actor [^\"]*$c' '$tmp/u.svg' && grep -q 'class=\"edge link [^\"]*$c' '$tmp/u.svg'"
done
check "chart, mono: text markers beside the names" \
    sh -c "grep -q '>+ China<\\|>+</text>' '$tmp/u.svg' || grep -q '<B>+</B> China' '$tmp/u.dot'"
check "chart, mono: markers for removed and changed" \
    sh -c "grep -q '<B>−</B> Dropped Lead' '$tmp/u.dot' && grep -q '<B>~</B> Deep Panda' '$tmp/u.dot'"
check "chart: removed link dashed, added bold" \
    sh -c "grep -q 'style=dashed' '$tmp/u.dot' && grep -q 'style=bold' '$tmp/u.dot'"
check "chart: legend of the changes" \
    sh -c "grep -q CHANGES '$tmp/u.svg' && grep -q 'added' '$tmp/u.svg'"
check "chart: the note names the two files, not the folders they are in" \
    sh -c "grep -q 'Changes from old.json to new.json' '$tmp/u.svg' && ! grep -q 'tests/diff' '$tmp/u.svg'"
diff_ "$old" "$old" -o "$tmp/e.svg"
check "chart of equal documents: no marks, no CHANGES legend" \
    sh -c "test $st = 0 && ! grep -q -e 'diff-' -e CHANGES '$tmp/e.svg'"

# ---- trouble: exit 2 ----
diff_ "$old"
check "one document: usage error, exit 2" test "$st" = 2
diff_ "$old" "$new" --format yaml
check "unknown --format: exit 2, says the choices" \
    sh -c "test $st = 2 && grep -q 'text, json or md' '$tmp/err'"

# ---- git's diff driver, as graphs/README.md gives it ----
if command -v git >/dev/null 2>&1; then
    (
        set -e
        cd "$tmp" && mkdir repo && cd repo
        git init -q . && git config user.email t@example.org && git config user.name t
        echo '*.json diff=relgraph' >.gitattributes
        git config diff.relgraph.command \
            "sh -c 'echo \"relgraph diff \$1\"; \"$bin\" diff \"\$2\" \"\$5\"; [ \$? -le 1 ]' relgraph-diff"
        cp "$old" chart.json && git add . && git commit -q -m one
        cp "$new" chart.json
        git diff >../git.out
    ) >"$tmp/git.err" 2>&1
    check "git diff driver: the report of relgraph diff" \
        sh -c "grep -q '^relgraph diff chart.json' '$tmp/git.out' && grep -q 'status: \"alleged\" → \"confirmed\"' '$tmp/git.out'"
else
    skipped "git diff driver (needs git)"
fi

echo "diff: $pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]
