# No output carries script or a local file. Sourced by tests/hostile.sh,
# which defines $bin, $tmp, $here and the helpers ok, bad, skipped.
#
# Each document of tests/hostile/docs/ is one hostile case (its "x-why"
# says which hole it probes; see docs/README.md). "@PNG@" in it becomes
# the absolute path of a PNG that exists. Then:
#   - `relgraph check` exits 1: the case passes when a diagnostic names
#     the document's "x-path" (or, for an attribute refused by name, its
#     object and the name) and a render writes no file at all;
#   - it exits 0: the case fails at once when the document says
#     "x-must": "refuse" (it reads a local file or carries a scriptable
#     URL: refusing it is the check, since a PNG cannot be searched);
#     else it is rendered to SVG (plain, --inline with --aliases and --dates, --responsive,
#     --view timeline when it has a date), PNG,
#     PDF, DOT, the HTML report and Markdown, and every output is parsed:
#     SVG with xmllint and scan-markup.py (no script element, event
#     handler, scriptable URL, stylesheet, outside reference or local
#     path), the HTML report the same (and as HTML by xmllint), the DOT
#     after `dot -Tsvg`, the Markdown after `cmark --unsafe`, the PDF with
#     `pdfimages -list` (no image in it).
# A failure prints the case, what it probes and each reason.

scan=$here/hostile/scan-markup.py
# the renders run inside each case's output folder
case $bin in /*) hbin=$bin ;; *) hbin=$(pwd)/$bin ;; esac
hdocs=$here/hostile/docs

# The checker must be able to fail: known-bad markup gives each complaint.
if command -v python3 >/dev/null 2>&1; then
    # scanner_finds NAME FILE WORD...: the scanner exits 1 on FILE and
    # names every WORD
    scanner_finds() {
        sname=$1 sfile=$2
        shift 2
        python3 "$scan" "$sfile" >"$tmp/scan-bad" 2>&1
        st=$?
        missing=""
        for w in "$@"; do
            grep -qF -- "$w" "$tmp/scan-bad" || missing="$missing [$w]"
        done
        { cat "$tmp/scan-bad"; echo "     (exit $st, expected 1; missing:$missing)"; } >"$tmp/err"
        check "$sname" test $st -eq 1 -a -z "$missing"
    }
    scanner_finds "the markup scanner finds every hole in a known-bad SVG" \
        "$here/hostile/scan-known-bad.svg" \
        'xml-stylesheet' 'event-handler attribute <svg onload' \
        'element <svg:script>' 'scheme javascript: <a xlink:href' \
        'scheme javascript: <a href=" jav%61script' 'scheme javascript: <a href="java\x09script' \
        '<image> points outside the document' 'a local file path'
    scanner_finds "the markup scanner finds every hole in a known-bad HTML page" \
        "$here/hostile/scan-known-bad.html" \
        '@import' 'url(/etc/x.png)' 'scheme javascript: <a href="javascript:alert(1)">' \
        'scheme javascript: <a href="java\x0ascript' 'event-handler attribute <img onerror' \
        'element <iframe>' 'element <script>'
    printf '<svg xmlns="http://www.w3.org/2000/svg"><a href="https://example.org/?a=1&amp;b=2"/><a href="#x"/><a href="mailto:a@example.org"/><a href="rel/x.html"/></svg>\n' >"$tmp/scan-good.svg"
    python3 "$scan" "$tmp/scan-good.svg" >"$tmp/err" 2>&1
    check "the markup scanner passes safe links" test $? -eq 0
else
    skipped "every hostile document's outputs" "python3 is not installed (tests/hostile/scan-markup.py needs it)"
fi

# A local image that exists: what image, shapefile and IMG SRC would read.
hpng=$tmp/secret-image.png
printf '{"actors": [{"id": "secret"}]}' | "$bin" render - -T png >"$hpng" 2>/dev/null
hhave_cmark=$(command -v cmark >/dev/null 2>&1 && echo 1)
hhave_pdfimages=$(command -v pdfimages >/dev/null 2>&1 && echo 1)
[ -n "$hhave_cmark" ] || skipped "Markdown outputs through cmark --unsafe" "cmark is not installed (Debian package cmark)"
[ -n "$hhave_pdfimages" ] || skipped "PDF outputs through pdfimages" "pdfimages is not installed (poppler-utils)"

# hreason TEXT: one more reason the current case fails
hreason() { printf '%s\n' "$1" >>"$hd/reasons"; }

# hsvg FILE WHAT: an SVG is well-formed, has no script element (XPath) and
# passes the scanner
hsvg() {
    xmllint --noout "$1" 2>&1 | sed "s|^$hd/||" >"$hd/xmllint"
    [ ! -s "$hd/xmllint" ] || hreason "$2 is not well-formed XML: $(head -n 1 "$hd/xmllint")"
    n=$(xmllint --xpath 'count(//*[local-name()="script"])' "$1" 2>/dev/null)
    [ "${n:-0}" = 0 ] || hreason "$2 has $n script element(s) (XPath)"
    hscan "$1" "$2"
}
hscan() {
    if ! python3 "$scan" --forbid "$hpng" "$1" >"$hd/scan" 2>&1; then
        sed "s|^$hd/||; s|^|$2: |" "$hd/scan" | head -n 5 >>"$hd/reasons"
    fi
}

hcase() {
    hname=$(basename "$1" .json)
    hd=$tmp/hostile-$hname
    mkdir -p "$hd/out"
    : >"$hd/reasons"
    sed "s|@PNG@|$hpng|g" "$1" >"$hd/in.json"
    hwhy=$(sed -n 's/^ *"x-why": "\(.*\)",\{0,1\}$/\1/p' "$1" | head -n 1 | sed 's/\\"/"/g')
    hpath=$(sed -n 's/^ *"x-path": "\(.*\)",\{0,1\}$/\1/p' "$1" | head -n 1)
    hmust=$(sed -n 's/^ *"x-must": "\(.*\)",\{0,1\}$/\1/p' "$1" | head -n 1)
    "$bin" check "$hd/in.json" >/dev/null 2>"$hd/check.err"
    st=$?
    houtcome=""
    if [ $st -eq 1 ]; then
        houtcome="refused"
        # A refused attribute name is reported on its object, as an
        # unknown key is ("actors[0].attrs: attribute \"image\" ..."); a
        # bad value on its own path.
        hparent=${hpath%.*}
        hkey=${hpath##*.}
        if [ -n "$hpath" ] && ! grep -qF -- ": $hpath" "$hd/check.err" &&
            ! grep -F -- ": $hparent: " "$hd/check.err" | grep -qF -- "\"$hkey\""; then
            hreason "check exits 1 but no diagnostic names $hpath: $(head -n 1 "$hd/check.err")"
        fi
        (cd "$hd/out" && "$hbin" render ../in.json -o x.svg -o x.png -o x.pdf -o x.dot \
            -o x.html -o x.md) >/dev/null 2>"$hd/render.err"
        rst=$?
        [ $rst -ne 0 ] || hreason "render exits 0 although check refused the document"
        left=$(ls -A "$hd/out")
        [ -z "$left" ] || hreason "render of a refused document wrote: $(echo $left)"
    elif [ $st -ne 0 ]; then
        hreason "check exits $st (expected 0 or 1): $(tail -n 3 "$hd/check.err")"
    else
        # A document that must be refused is still rendered and scanned,
        # to show what the hole does.
        [ "$hmust" != refuse ] ||
            hreason "check exits 0: the document must be refused at $hpath (it reads a local file or carries a scriptable URL)"
        houtcome="rendered"
        (cd "$hd/out" && "$hbin" render ../in.json -o x.svg -o x.png -o x.pdf -o x.dot \
            -o x.html -o x.md && "$hbin" render ../in.json --inline --aliases --dates -o inline.svg &&
            "$hbin" render ../in.json --responsive -o responsive.svg &&
            { ! grep -q '"date"' ../in.json ||
                "$hbin" render ../in.json --view timeline -o timeline.svg \
                    -o timeline.html; }) >/dev/null 2>"$hd/render.err"
        rst=$?
        if [ $rst -ne 0 ]; then
            hreason "render exits $rst after check exited 0: $(grep -v '^ ' "$hd/render.err" | head -n 2)"
        else
            hsvg "$hd/out/x.svg" "SVG"
            hsvg "$hd/out/inline.svg" "SVG --inline"
            hsvg "$hd/out/responsive.svg" "SVG --responsive"
            [ ! -e "$hd/out/timeline.svg" ] ||
                hsvg "$hd/out/timeline.svg" "SVG --view timeline"
            # The report promises well-formed XML, and must parse as HTML
            # (libxml2's HTML parser knows HTML 4 tags only: SVG and HTML 5
            # tags are not errors here).
            xmllint --noout "$hd/out/x.html" 2>&1 | sed "s|^$hd/||" >"$hd/xmllint"
            [ ! -s "$hd/xmllint" ] || hreason "the HTML report is not well-formed XML: $(head -n 1 "$hd/xmllint")"
            xmllint --html --noout "$hd/out/x.html" 2>&1 | sed "s|^$hd/||" | grep 'parser error' |
                grep -v 'Tag [A-Za-z]* invalid' >"$hd/xmllint"
            [ ! -s "$hd/xmllint" ] || hreason "the HTML report as HTML: $(head -n 1 "$hd/xmllint")"
            hscan "$hd/out/x.html" "HTML report"
            if dot -Tsvg "$hd/out/x.dot" >"$hd/dot.svg" 2>"$hd/dot.err"; then
                hsvg "$hd/dot.svg" "DOT (dot -Tsvg)"
            else
                hreason "dot -Tsvg cannot read the DOT output: $(head -n 1 "$hd/dot.err")"
            fi
            if [ -n "$hhave_cmark" ]; then
                cmark --unsafe "$hd/out/x.md" >"$hd/md.html"
                hscan "$hd/md.html" "Markdown (cmark --unsafe)"
            fi
            if [ -n "$hhave_pdfimages" ]; then
                n=$(pdfimages -list "$hd/out/x.pdf" 2>/dev/null | tail -n +3 | wc -l)
                [ "$n" -eq 0 ] || hreason "the PDF embeds $n image(s)"
            fi
            for f in x.svg x.dot x.html x.md; do
                if grep -qF -- "$hpng" "$hd/out/$f"; then
                    hreason "$f holds the path of the local image"
                fi
            done
        fi
    fi
    if [ -s "$hd/reasons" ]; then
        { echo "($hwhy)"; cat "$hd/reasons"; } >"$tmp/err"
        bad "hostile doc $hname"
    else
        ok "hostile doc $hname ($houtcome)"
    fi
}

if command -v python3 >/dev/null 2>&1; then
    for hdoc in "$hdocs"/*.json; do
        hcase "$hdoc"
    done
fi
