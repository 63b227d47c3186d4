# One URL rule everywhere: every url (of an actor, a link, a source) is
# judged as a browser, cmark or a server decodes it, and every output
# escapes URLs for its context. Sourced by tests/hostile.sh, which defines
# $bin, $tmp and the helpers.

# url_doc URL: a document with URL (JSON-escaped already) on an actor, a
# link and a source
url_doc() {
    printf '{"sources": [{"id": "s", "title": "S", "url": "%s"}],\n' "$1"
    printf ' "actors": [{"id": "a", "url": "%s", "source": "s"}, {"id": "b"}],\n' "$1"
    printf ' "links": [{"from": "a", "to": "b", "url": "%s"}]}\n' "$1"
}

# Each is refused on an actor, a link and a source, and render writes
# nothing. Written as inside a JSON string: \\ is one backslash, \u0001 a
# control character.
for u in 'javascript&#58;alert(1)#x' 'javascript&#58alert(1)#x' \
    'javascript&#x3A;alert(1)' 'javascript&#0000058;alert(1)' \
    'javascript&colon;alert(1)' 'javascript&amp;#58;alert(1)' \
    '&#106;avascript:alert(1)' 'java&#x09;script:alert(1)' \
    'java&Tab;script:alert(1)' 'java&NewLine;script:alert(1)' \
    'jav%61script:alert(1)' 'javascript%3Aalert(1)' 'javascript%253Aalert(1)' \
    ' javascript:alert(1)' '\u0001javascript:alert(1)' 'java\tscript:alert(1)' \
    'JAVASCRIPT:alert(1)' 'data:text/html,x' 'vbscript:msgbox(1)' \
    'file:///etc/passwd' 'blob:https://example.org/x' \
    '//evil.example' '&sol;&sol;evil.example' '\\\\evil' '/\\evil' \
    'https://example.org/`x`' 'https://example.org/&quot;onload=x'; do
    url_doc "$u" >"$tmp/url.json"
    "$bin" check "$tmp/url.json" >/dev/null 2>"$tmp/err"
    st=$?
    n=0
    for at in 'actors\[0\]\.url' 'links\[0\]\.url' 'sources\[0\]\.url'; do
        grep -q "$at: unsafe or malformed URL" "$tmp/err" && n=$((n + 1))
    done
    check "url $u is refused on an actor, a link and a source" test $st -eq 1 -a $n -eq 3
    rm -f "$tmp/url.md" "$tmp/url.dot" "$tmp/url.svg"
    "$bin" render "$tmp/url.json" -o "$tmp/url.md" -o "$tmp/url.dot" -o "$tmp/url.svg" >/dev/null 2>"$tmp/err"
    st=$?
    check "url $u: render exits 1 and writes nothing" \
        test $st -eq 1 -a ! -e "$tmp/url.md" -a ! -e "$tmp/url.dot" -a ! -e "$tmp/url.svg"
done

# hrefs FILE URL [--html]: every href in FILE that is not a fragment of
# the page itself is URL, and there is at least one
hrefs() {
    f=$1 want=$2
    shift 2
    all="//@*[local-name()='href' or name()='xlink:href'][not(starts-with(., '#rg-'))]"
    total=$(xmllint "$@" --xpath "count($all)" "$f" 2>/dev/null)
    same=$(xmllint "$@" --xpath "count($all[. = \"$want\"])" "$f" 2>/dev/null)
    [ "${total:-0}" -gt 0 ] && [ "$total" = "$same" ]
}

# URLs that are allowed although they hold what each output must escape:
# every output links to exactly the URL. None holds a backslash or a '"',
# so each is written in JSON as it is, nor a '|', '[' or ']', which cmark
# percent-encodes in an href.
if command -v cmark >/dev/null 2>&1; then have_cmark=1; else have_cmark=0; fi
while read -r want; do
    url_doc "$want" >"$tmp/ok.json"
    "$bin" render "$tmp/ok.json" -o "$tmp/ok.svg" -o "$tmp/ok.html" -o "$tmp/ok.md" -o "$tmp/ok.dot" 2>"$tmp/err"
    check "url $want renders" test $? -eq 0
    check "url $want: the SVG parses" xmllint --noout "$tmp/ok.svg"
    check "url $want: every SVG link is the URL" hrefs "$tmp/ok.svg" "$want"
    check "url $want: the HTML parses (as XML, which it is)" xmllint --noout "$tmp/ok.html"
    check "url $want: every HTML link is the URL" hrefs "$tmp/ok.html" "$want"
    dot -Tsvg "$tmp/ok.dot" >"$tmp/ok-dot.svg" 2>"$tmp/err"
    check "url $want: the DOT drawn by dot parses" xmllint --noout "$tmp/ok-dot.svg"
    check "url $want: every link of the DOT drawn by dot is the URL" hrefs "$tmp/ok-dot.svg" "$want"
    if [ $have_cmark = 1 ]; then
        cmark --unsafe "$tmp/ok.md" >"$tmp/ok-md.html"
        check "url $want: the Markdown through cmark links to the URL" hrefs "$tmp/ok-md.html" "$want" --html
    else
        skipped "url $want: the Markdown through cmark" "cmark is not installed"
    fi
done <<'EOF_URLS'
https://example.org/wiki/A_(b)?x=1&y='z'#frag
https://example.org/?a=1&amp;b=2&#58;c
report.html#sec-2
../x/it's(1).html?q=a~b&c=*d*_e_
mailto:a@b.c?subject=a%20b&body=x
EOF_URLS
