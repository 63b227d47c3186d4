# Hostile input, the first cases: deep nesting, huge strings, NUL, bad
# UTF-8, a binary file, a million actors, markup-like text, unsafe URLs,
# read-only places. Sourced by tests/hostile.sh, which defines $bin, $tmp
# and the helpers ok, bad, check, expect and repeat.

# 200,000 levels of nesting
{ printf '{"actors": '; repeat '[' 200000; repeat ']' 200000; printf '}'; } >"$tmp/deep.json"
expect "200,000 levels of nesting" 1 "maximum parsing depth" "$bin" check "$tmp/deep.json"

# a 10 MB string, as a note: loads, and renders
{ printf '{"actors": [{"id": "a", "note": "'; repeat 'xxxxxxxxxx' 1000000; printf '"}]}'; } >"$tmp/long.json"
expect "a 10 MB string loads" 0 "" "$bin" check "$tmp/long.json"

# NUL escaped in a string
printf '{"actors": [{"id": "a", "name": "A\\u0000B"}]}' >"$tmp/nul.json"
expect "\\u0000 in a string is refused" 1 "NUL" "$bin" check "$tmp/nul.json"

# invalid UTF-8, raw
printf '{"actors": [{"id": "a", "name": "\377\376"}]}' >"$tmp/utf8.json"
expect "invalid UTF-8 is refused" 1 "UTF-8" "$bin" check "$tmp/utf8.json"

# a file that is not JSON at all: a PNG
"$bin" render - -T png >"$tmp/x.png" 2>/dev/null <<'DOC'
{"actors": [{"id": "a"}]}
DOC
expect "a PNG given as input" 1 "JSON:" "$bin" check "$tmp/x.png"

# one million actors (and as many links): linear time, no crash
n=${HOSTILE_BIG:-1000000}
awk -v n="$n" 'BEGIN {
    printf "{\"actors\": ["
    for (i = 0; i < n; i++) printf "%s{\"id\": \"a%d\", \"name\": \"Actor %d\"}", i ? ", " : "", i, i
    printf "], \"links\": ["
    for (i = 0; i < n; i++) printf "%s{\"from\": \"a%d\", \"to\": \"Actor %d\"}", i ? ", " : "", i, (i * 7) % n
    printf "]}\n" }' >"$tmp/big.json"
start=$(date +%s)
expect "$n actors and $n links load" 0 "" "$bin" check "$tmp/big.json"
echo "     ($n actors: $(($(date +%s) - start)) s)"
# the same with every link broken: every error reported, still linear
sed 's/"to": "Actor /"to": "Actr /g' "$tmp/big.json" >"$tmp/bigbad.json"
start=$(date +%s)
"$bin" check "$tmp/bigbad.json" >/dev/null 2>"$tmp/err"
st=$?
lines=$(grep -c ': error: ' "$tmp/err")
check "$n broken links give $n errors (got $lines)" test $st -eq 1 -a "$lines" -eq "$n"
echo "     ($n errors: $(($(date +%s) - start)) s)"

# Text that looks like markup, entities or Graphviz escapes is drawn as
# written, in every format.
cat >"$tmp/lit.json" <<'DOC'
{
  "title": "Tom & Jerry <b>not bold</b>",
  "actors": [
    { "id": "a", "name": "A <i>x</i> & \"q\" 'p'", "note": "\\N \\G \\l \\n end" },
    { "id": "b", "name": "<TABLE><TR><TD>t</TD></TR></TABLE>", "note": "&amp; &lt;" }
  ],
  "links": [ { "from": "a", "to": "b", "label": "1 > 0 & 2 < 3" } ]
}
DOC
"$bin" render "$tmp/lit.json" -o "$tmp/lit.svg" -o "$tmp/lit.pdf" -o "$tmp/lit.dot" 2>"$tmp/err"
check "markup-like text renders" test $? -eq 0
check "the SVG parses" xmllint --noout "$tmp/lit.svg"
texts() { xmllint --xpath '//*[local-name()="text"]/text()' "$1" 2>/dev/null; }
texts "$tmp/lit.svg" | sort >"$tmp/svg-text"
for s in 'Tom &amp; Jerry &lt;b&gt;not bold&lt;/b&gt;' 'A &lt;i&gt;x&lt;/i&gt; &amp; "q" '"'p'" \
    '\N \G \l \n end' '&lt;TABLE&gt;&lt;TR&gt;&lt;TD&gt;t&lt;/TD&gt;&lt;/TR&gt;&lt;/TABLE&gt;' \
    '&amp;amp; &amp;lt;' '1 &gt; 0 &amp; 2 &lt; 3'; do
    check "SVG shows literally: $s" grep -qF -- "$s" "$tmp/svg-text"
done
dot -Tsvg "$tmp/lit.dot" >"$tmp/lit-dot.svg" 2>/dev/null
# (in its own order: a link's label is a node, which dot may draw
# before or after the actors)
texts "$tmp/lit-dot.svg" | sort >"$tmp/dot-text"
check "the DOT output, drawn by dot, shows the same text" cmp -s "$tmp/svg-text" "$tmp/dot-text"
if command -v pdftotext >/dev/null 2>&1; then
    # pdftotext guesses word spaces from glyph positions: compare
    # without spaces.
    pdftotext "$tmp/lit.pdf" - | tr -d ' ' >"$tmp/pdf-text"
    for s in 'Tom & Jerry <b>not bold</b>' '\N \G \l \n end' '1 > 0 & 2 < 3' '&amp; &lt;'; do
        check "PDF shows literally: $s" grep -qF -- "$(printf '%s' "$s" | tr -d ' ')" "$tmp/pdf-text"
    done
else
    skipped "PDF text checks" "pdftotext (poppler-utils) is not installed"
fi
check "no <script> in the SVG" test "$(grep -ci '<script' "$tmp/lit.svg")" -eq 0
check "no event-handler attribute in the SVG" test "$(grep -ciE ' on[a-z]+=' "$tmp/lit.svg")" -eq 0

# Links other than http, https, mailto and relative are refused.
for u in 'javascript:alert(1)' 'JaVaScRiPt:alert(1)' 'data:text/html,x' 'file:///etc/passwd' 'vbscript:x'; do
    printf '{"actors": [{"id": "a", "url": "%s"}]}' "$u" >"$tmp/url.json"
    expect "url $u is refused" 1 "unsafe or malformed URL" "$bin" check "$tmp/url.json"
done
printf '{"actors": [{"id": "a", "url": "https://example.org/?a=1&b=<2>"}]}' >"$tmp/url.json"
expect "a URL with < > is refused" 1 "unsafe or malformed URL" "$bin" check "$tmp/url.json"
printf '{"actors": [{"id": "a", "url": "https://example.org/?a=1&b=2"}]}' >"$tmp/url.json"
"$bin" render "$tmp/url.json" -o "$tmp/url.svg" 2>"$tmp/err"
check "a URL with & gives valid SVG" xmllint --noout "$tmp/url.svg"
check "the & in the URL is escaped once" grep -q 'a=1&amp;b=2"' "$tmp/url.svg"

# Read-only places: as root, permissions do not stop writing, so use a
# read-only file system (/proc) as well.
expect "output into a read-only file system exits 3" 3 "cannot write" \
    "$bin" render "$tmp/lit.json" -o /proc/relgraph-test.svg
if [ "$(id -u)" != 0 ]; then
    mkdir "$tmp/ro" && chmod 555 "$tmp/ro"
    expect "output into a read-only directory exits 3" 3 "cannot write" \
        "$bin" render "$tmp/lit.json" -o "$tmp/ro/x.svg"
else
    skipped "output into a read-only directory" "root writes whatever the permissions say"
fi

# The SVG's ids get the prefix, and so do the paints that name them
# (fill="url(#l_0)"); a document's own text and links do not: a name
# "url(#x)" was drawn "url(#P-x)", and a link to "#sec" went to "#P-sec".
printf '{"actors": [{"id": "a", "name": "url(#x) and id=\\"y\\"", "url": "#sec"}, {"id": "b", "attrs": {"fillcolor": "red:blue", "style": "filled"}}]}' >"$tmp/frag.json"
"$bin" render "$tmp/frag.json" -T svg --id-prefix P- >"$tmp/frag.svg" 2>"$tmp/err"
check "a name that looks like a paint is drawn as written" \
    test "$(grep -c 'url(#P-x)' "$tmp/frag.svg")" -eq 0 -a "$(grep -c 'url(#x)' "$tmp/frag.svg")" -ge 2
check "a link to a fragment of the page keeps it" grep -q 'xlink:href="#sec"' "$tmp/frag.svg"
check "a gradient and its paint get the prefix" \
    sh -c "grep -q 'linearGradient id=\"P-l_' '$tmp/frag.svg' && grep -q 'fill=\"url(#P-l_' '$tmp/frag.svg'"
