# Hostile raw Graphviz attributes and style values: script through the
# SVG's stylesheet, font-family or links; local files read into the
# output; outputs sized by the document. Each is refused at load
# (`check` exits 1 and says why) and a render writes nothing. Sourced by
# tests/hostile.sh, which defines $bin, $tmp and the helpers.

# refused NAME PATTERN: the document in $tmp/a.json is refused by check
# with a message matching PATTERN, and render writes no file.
refused() {
    expect "$1: check refuses it" 1 "$2" timeout 20 "$bin" check "$tmp/a.json"
    rm -f "$tmp/a.svg" "$tmp/a.png"
    timeout 20 "$bin" render "$tmp/a.json" -o "$tmp/a.svg" -o "$tmp/a.png" \
        >/dev/null 2>"$tmp/err"
    st=$?
    check "$1: render exits 1 and writes nothing" \
        sh -c "test $st -eq 1 && test ! -e '$tmp/a.svg' && test ! -e '$tmp/a.png'"
}

# doc WHERE ATTRS: a document with the attrs object ATTRS (JSON text) at
# WHERE: actor, link, group, layout, kind or link_kind.
doc() {
    a='' l='' g='' y='' k='' lk=''
    case $1 in
    actor) a=", \"attrs\": $2" ;;
    link) l=", \"attrs\": $2" ;;
    group) g=", \"attrs\": $2" ;;
    layout) y="\"attrs\": $2" ;;
    kind) k=", \"attrs\": $2" ;;
    link_kind) lk=", \"attrs\": $2" ;;
    esac
    cat >"$tmp/a.json" <<EOF
{
  "kinds": { "k": { "label": "k"$k } },
  "link_kinds": { "lk": { "label": "lk"$lk } },
  "groups": [ { "id": "g"$g } ],
  "actors": [ { "id": "a", "kind": "k", "group": "g"$a }, { "id": "b" } ],
  "links": [ { "from": "a", "to": "b", "kind": "lk"$l } ],
  "layout": { $y }
}
EOF
}

# The stylesheet that ran script in the HTML report.
doc layout '{"stylesheet": "x.css\"?><script>alert(1)</script><?x y=\""}'
refused "layout stylesheet with a script" 'attribute "stylesheet" is not allowed'

# Everywhere an attrs object stands, the same attacks.
for w in actor link group layout kind link_kind; do
    doc $w '{"fontname": "x\" onload=\"alert(1)"}'
    refused "$w fontname with a quote" '"fontname" must be a font family list'
    doc $w '{"fontname": "<b>&amp;</b>"}'
    refused "$w fontname with markup" '"fontname" must be a font family list'
    for u in URL href labelURL edgeURL headURL tailURL labelhref edgehref headhref tailhref; do
        doc $w "{\"$u\": \"javascript:alert(1)\"}"
        refused "$w $u javascript:" "attribute \"$u\" is not allowed: relgraph links only through the \"url\" of actors, links and sources"
    done
    doc $w '{"URL": "https://example.org/\" onclick=\"x"}'
    refused "$w URL with a quote" 'attribute "URL" is not allowed'
    for f in image shapefile; do
        doc $w "{\"$f\": \"/etc/passwd\"}"
        refused "$w $f" "attribute \"$f\" is not allowed: it reads a file from disk"
    done
    doc $w '{"imagepath": "/"}'
    refused "$w imagepath" 'attribute "imagepath" is not allowed: it names a folder'
    doc $w '{"layers": "a:b:c"}'
    refused "$w layers" 'attribute "layers" is not allowed'
    doc $w '{"fontsize": 100000}'
    refused "$w huge fontsize" '"fontsize" must be a number from 1 to 72'
    doc $w '{"color": "red\"><IMG SRC=\"/etc/x.png\"/>"}'
    if [ $w = layout ]; then
        refused "$w colour with markup" 'attribute "color" is not allowed on the layout'
    else
        refused "$w colour with markup" 'not a colour'
    fi
    doc $w '{"label": "<<B>x</B>>"}'
    refused "$w HTML-like label" 'attribute "label" is not allowed'
    doc $w '{"penwidht": 2}'
    refused "$w misspelt name" 'did you mean "penwidth"'
done

# An image that is a FIFO: refused at load, without opening it.
mkfifo "$tmp/fifo.png" 2>/dev/null
doc actor "{\"image\": \"$tmp/fifo.png\"}"
refused "image on a FIFO, without blocking" 'attribute "image" is not allowed'
rm -f "$tmp/fifo.png"

# 150 bytes that made a 32767 x 31828 PNG and a 4.1 GB peak.
doc layout '{"size": "1000,1000!", "ratio": "fill"}'
refused "size and ratio" 'attribute "size" is not allowed'
doc layout '{"ratio": "fill"}'
refused "ratio" 'attribute "ratio" is not allowed'
for f in dpi resolution page viewport rotate; do
    doc layout "{\"$f\": \"1000\"}"
    refused "layout $f" "attribute \"$f\" is not allowed"
done
# 10,000 layers: a 1.4 GB SVG from 87 KB.
doc layout "{\"layers\": \"$(repeat 'l:' 10000)z\"}"
refused "10,000 layers" 'attribute "layers" is not allowed'
doc layout '{"nslimit": 1e9, "mclimit": 1e9}'
refused "huge nslimit and mclimit" '"nslimit" must be a number from 0 to 100'

# A benign URL in layout.attrs gave SVG that is not well-formed.
doc layout '{"URL": "https://example.org/"}'
refused "layout URL" 'attribute "URL" is not allowed'

# Style fields: the legend's HTML-like label took them as they were.
for field in fill color fontcolor; do
    cat >"$tmp/a.json" <<EOF
{ "kinds": { "k": { "$field": "red\" HREF=\"javascript:alert(1)" } },
  "actors": [ { "id": "a", "kind": "k" } ] }
EOF
    refused "kinds.k.$field with an HREF" "kinds.k.$field: not a colour"
    cat >"$tmp/a.json" <<EOF
{ "kinds": { "k": { "$field": "red\"><IMG SRC=\"/etc/x.png\"/><X Y=\"" } },
  "actors": [ { "id": "a", "kind": "k" } ] }
EOF
    refused "kinds.k.$field with an IMG" "kinds.k.$field: not a colour"
done
for field in color fontcolor; do
    cat >"$tmp/a.json" <<EOF
{ "link_kinds": { "lk": { "$field": "#000\" HREF=\"javascript:alert(1)" } },
  "actors": [ { "id": "a" }, { "id": "b" } ],
  "links": [ { "from": "a", "to": "b", "kind": "lk" } ] }
EOF
    refused "link_kinds.lk.$field with an HREF" "link_kinds.lk.$field: not a colour"
done
cat >"$tmp/a.json" <<'EOF'
{ "kinds": { "k": { "shape": "epsf", "style": "setlinewidth(1000)" } },
  "actors": [ { "id": "a", "kind": "k" } ] }
EOF
refused "kind shape epsf and style setlinewidth" 'unknown shape "epsf"'

# What the list allows renders, and the legend's colours stay colours.
cat >"$tmp/a.json" <<'EOF'
{ "kinds": { "k": { "fill": "#abc", "color": "navy", "fontcolor": "#112233CC",
                    "attrs": { "fontname": "DejaVu Sans, sans-serif", "penwidth": 2 } } },
  "link_kinds": { "lk": { "color": "red", "attrs": { "arrowhead": "vee", "color": "red:blue" } } },
  "groups": [ { "id": "g", "attrs": { "fillcolor": "#FFF7F7", "style": "rounded,filled" } } ],
  "actors": [ { "id": "a", "kind": "k", "group": "g" }, { "id": "b" } ],
  "links": [ { "from": "a", "to": "b", "kind": "lk", "attrs": { "weight": 2 } } ],
  "layout": { "attrs": { "ranksep": 0.8, "bgcolor": "white", "splines": "polyline" } } }
EOF
"$bin" render "$tmp/a.json" -o "$tmp/a.svg" 2>"$tmp/err"
check "allowed attrs render" test $? -eq 0
check "allowed attrs: the SVG is well-formed" xmllint --noout "$tmp/a.svg"
check "#abc is drawn as #aabbcc" grep -qi 'fill="#aabbcc"' "$tmp/a.svg"
check "the font family is written as given" grep -q 'font-family="DejaVu Sans, sans-serif"' "$tmp/a.svg"
