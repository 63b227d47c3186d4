# Checks --page: PDF pages of exactly the size asked (pdfinfo), PNGs of
# that size at the resolution asked, the chart inside the margins and
# centred (measured on the PNG's pixels), the warning about small text,
# and the PDF's Title and Subject (pdfinfo; qpdf --check when installed).
# Sourced by tests/check-outputs.sh, which defines $bin, $top, $tmp and
# the helpers ok, bad, check and skipped.

min=$top/graphs/minimal.json
opm=$top/graphs/opm-2015.json

png_size() {
    od -An -j16 -N8 -tu1 "$1" |
        awk '{print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8}'
}
pdf_size() { pdfinfo "$1" 2>"$tmp/err" | sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1x\2/p'; }

if ! command -v pdfinfo >/dev/null 2>&1; then
    skipped "PDF page sizes" "pdfinfo is not installed (poppler-utils; make test-deps installs it)"
fi

# page orientation: the PDF's size in points (pdfinfo rounds to whole
# points, as Graphviz does) and the PNG's in pixels at 150 and 72 dpi.
while read -r page turn pdf png150 png72; do
    flag=
    [ "$turn" = landscape ] && flag=--landscape
    what="--page $page${flag:+ $flag}"
    if ! "$bin" render "$opm" --focus opm-breach --direction TB --page "$page" $flag \
        -o "$tmp/p.pdf" -o "$tmp/p.png" 2>"$tmp/err"; then
        bad "$what renders"
        continue
    fi
    if command -v pdfinfo >/dev/null 2>&1; then
        got=$(pdf_size "$tmp/p.pdf")
        echo "got $got, expected $pdf" >"$tmp/err"
        check "$what: the PDF page is $pdf pt" test "$got" = "$pdf"
    fi
    got=$(png_size "$tmp/p.png")
    echo "got $got, expected $png150" >"$tmp/err"
    check "$what: the PNG is $png150 px at 150 dpi" test "$got" = "$png150"
    "$bin" render "$min" --page "$page" $flag --dpi 72 -o "$tmp/q.png" 2>"$tmp/err"
    got=$(png_size "$tmp/q.png")
    echo "got $got, expected $png72" >"$tmp/err"
    check "$what: the PNG is $png72 px at 72 dpi" test "$got" = "$png72"
done <<'EOF'
a4 portrait 595x842 1240x1754 595x842
a4 landscape 842x595 1754x1240 842x595
letter portrait 612x792 1275x1650 612x792
letter landscape 792x612 1650x1275 792x612
EOF

# Without --page the chart keeps its own size: not an A4 page.
"$bin" render "$opm" --focus opm-breach --direction TB -o "$tmp/n.png" 2>"$tmp/err"
check "without --page the PNG is the chart's size" test "$(png_size "$tmp/n.png")" != 1240x1754

# Where the ink is on a page: the chart must keep the 0.5 in margins and
# be centred (equal margins left and right, top and bottom, within a few
# pixels), scaled down (the OPM chart) or not scaled at all (minimal).
ink_box() {
    python3 - "$1" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], 'rb').read()
pos, idat, w = 8, b'', 0
while pos < len(data):
    n, kind = struct.unpack('>I4s', data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b'IHDR':
        w, h, depth, ctype = struct.unpack('>IIBB', body[:10])
    elif kind == b'IDAT':
        idat += body
    pos += 12 + n
bpp = {2: 3, 6: 4}[ctype]
raw, stride, prev, rows = zlib.decompress(idat), w * bpp, bytearray(w * bpp), []
for y in range(h):
    f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b, c = prev[i], prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(line)
    prev = line
# ink: a colour other than the background's (the last row and column
# may be partly transparent: their alpha is not looked at)
bg = bytes(rows[0][:3])
xs, ys = [], []
for y, line in enumerate(rows):
    for x in range(w):
        if bytes(line[x * bpp:x * bpp + 3]) != bg:
            xs.append(x); ys.append(y)
print(w, h, min(xs), min(ys), w - 1 - max(xs), h - 1 - max(ys))
PY
}
centred() {
    # the margins (left top right bottom) of the ink on the page, at 72
    # dpi: at least the 36 pt margin; and the chart's box centred: on each
    # axis the two margins equal within 3 px, once the ink's own margins
    # inside the chart are taken off ($own: the chart alone at 72 dpi, for
    # a chart not scaled; a scaled chart's are a few pixels)
    set -- $(ink_box "$1")
    echo "page $1 x $2, margins left $3 top $4 right $5 bottom $6" >"$tmp/err"
    [ "$3" -ge 34 ] && [ "$4" -ge 34 ] && [ "$5" -ge 34 ] && [ "$6" -ge 34 ] || return 1
    l=$3 t=$4 r=$5 b=$6
    if [ -n "$own" ]; then
        set -- $(ink_box "$own")
        l=$((l - $3)) t=$((t - $4)) r=$((r - $5)) b=$((b - $6))
    fi
    echo "offsets left $l right $r, top $t bottom $b" >>"$tmp/err"
    [ $((l - r)) -le 3 ] && [ $((r - l)) -le 3 ] &&
        [ $((t - b)) -le 3 ] && [ $((b - t)) -le 3 ]
}
if command -v python3 >/dev/null 2>&1; then
    own=
    "$bin" render "$opm" --page a4 --dpi 72 -o "$tmp/big.png" 2>/dev/null
    check "a chart bigger than the page: inside the margins, centred" centred "$tmp/big.png"
    set -- $(ink_box "$tmp/big.png")
    echo "margins left $3 right $5 top $4 bottom $6: one pair should be the 36 pt margin" >"$tmp/err"
    check "a chart bigger than the page: scaled to touch the margins" \
        sh -c "[ $3 -le 40 ] || [ $4 -le 40 ]"
    "$bin" render "$min" --page letter --landscape --dpi 72 -o "$tmp/small.png" 2>/dev/null
    "$bin" render "$min" --dpi 72 -o "$tmp/own.png" 2>/dev/null
    own=$tmp/own.png
    check "a small chart: centred" centred "$tmp/small.png"
    set -- $(ink_box "$tmp/small.png")
    sw=$((792 - $3 - $5))
    set -- $(ink_box "$tmp/own.png")
    ow=$(($1 - $3 - $5))
    echo "ink $sw px wide on the page, $ow px without --page" >"$tmp/err"
    check "a small chart: drawn at its own size on the page, not scaled up" test "$sw" -eq "$ow"
else
    skipped "chart centred on the page" "python3 is not installed"
fi

# Small text: the whole OPM story on A4 prints under 6 pt, and relgraph
# says so with the figure and what to do; the small chart does not.
"$bin" render "$opm" --page a4 -o "$tmp/w.pdf" 2>"$tmp/err"
check "whole chart on A4: warns that the text prints at under 6 pt" \
    grep -q 'warning: the smallest text prints at [0-5]\.[0-9] pt on A4 .*--focus ACTOR' "$tmp/err"
"$bin" render "$min" --page a4 -o "$tmp/m.pdf" 2>"$tmp/err"
check "small chart on A4: no warning" test ! -s "$tmp/err"

# The PDF's document information: the title, and the description the
# SVG's <desc> holds (with what a focused view leaves out).
if command -v pdfinfo >/dev/null 2>&1; then
    "$bin" render "$opm" --focus opm-breach --page a4 -o "$tmp/f.pdf" -o "$tmp/f.svg" 2>/dev/null
    pdfinfo -enc UTF-8 "$tmp/f.pdf" >"$tmp/info" 2>"$tmp/err"
    check "pdfinfo reads the updated PDF without complaint" test ! -s "$tmp/err"
    title=$(sed -n 's/^Title: *//p' "$tmp/info")
    svgtitle=$(sed -n 's|.*<title>\([^<]*\)</title>.*|\1|p' "$tmp/f.svg" | head -n 1)
    echo "Title '$title', SVG <title> '$svgtitle'" >"$tmp/err"
    check "the PDF's Title is the document's title" test -n "$title" -a "$title" = "$svgtitle"
    subject=$(sed -n 's/^Subject: *//p' "$tmp/info")
    desc=$(tr '\n' ' ' <"$tmp/f.svg" | sed -n 's|.*<desc[^>]*>\([^<]*\)</desc>.*|\1|p' | sed 's/&#39;/'"'"'/g; s/&quot;/"/g; s/&amp;/\&/g')
    echo "Subject '$subject', SVG <desc> '$desc'" >"$tmp/err"
    check "the PDF's Subject is the SVG's description" test -n "$subject" -a "$subject" = "$desc"
    check "the Subject says what the focused view leaves out" \
        grep -q '^Subject:.*Showing 9 of 54 actors' "$tmp/info"
    if command -v qpdf >/dev/null 2>&1; then
        check "qpdf --check accepts the updated PDF" qpdf --check "$tmp/f.pdf" >"$tmp/err" 2>&1
    else
        skipped "qpdf --check of the updated PDF" "qpdf is not installed (pdfinfo checked it)"
    fi
fi
