#!/bin/sh
# Every script: a chart with names in Chinese, Arabic, Cyrillic and Hebrew
# (names.json) is rendered to SVG, PNG and PDF, and
#   - relgraph warns about none of its names;
#   - the PDF embeds, for each script, a font that fontconfig says covers
#     its language (pdffonts; the subset prefix "ABCDEF+" stripped), and
#     pdftotext gives every name back (Arabic and Hebrew compared in
#     logical order, without the bidirectional controls pdftotext adds);
#   - the SVG, drawn by librsvg (rsvg-convert to PDF, with this machine's
#     fonts, as a viewer would), passes the same checks;
#   - the PNG is made: cairo draws it in the same run with the same fonts
#     as the PDF, so the PDF's fonts are the PNG's.
# Then the same chart with a font configuration that has only DejaVu and
# Liberation (no CJK font): relgraph must warn at both Chinese names and
# the PDF check above must fail, which proves that it can.
# Skips (counted, with the reason) when poppler-utils, rsvg-convert or
# the fonts are missing: `sh .ci/install-deps test` installs them.
# Prints "ok ..."/"FAIL ..."/"skip ..." and "scripts: P passed, F failed,
# S skipped".
set -u
export LC_ALL=C.UTF-8
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0 skip=0
ok() { echo "ok   $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }
skipped() { echo "skip scripts: $1"; skip=$((skip + 1)); }
finish() {
    echo "scripts: $pass passed, $fail failed, $skip skipped"
    exit 0
}

for tool in pdffonts pdftotext rsvg-convert fc-list; do
    if ! command -v $tool >/dev/null 2>&1; then
        skipped "$tool is not installed (sh .ci/install-deps test)"
        finish
    fi
done
for lang in zh-cn ar he ru; do
    if [ -z "$(fc-list ":lang=$lang" family)" ]; then
        skipped "no installed font covers $lang (fonts-noto-cjk, fonts-dejavu-core)"
        finish
    fi
done

# The languages a PDF's embedded fonts cover, one a line.
pdf_langs() {
    pdffonts "$1" | awk 'NR > 2 { print $1 }' | sed 's/^[A-Z]\{6\}+//' |
        sort -u | while read -r ps; do
            fc-list ":postscriptname=$ps" lang | tr '|=' '\n\n'
        done | sort -u
}

# Text without the bidirectional controls and marks pdftotext puts around
# right-to-left runs, and without spaces: the names have none, and
# pdftotext may cut a right-to-left word where its joined letters meet
# ("ر وس يا" from librsvg's PDF).
plain_text() {
    pdftotext "$1" - | sed 's/\xe2\x80[\x8e\x8f\xaa-\xae]//g; s/\xe2\x81[\xa6-\xa9]//g; s/ //g'
}

# check_pdf WHAT PDF: its fonts cover each script, its text has each name.
check_pdf() {
    langs=$(pdf_langs "$2")
    for lang in zh-cn ar he ru; do
        if echo "$langs" | grep -qx "$lang"; then
            ok "$1: a font for $lang is embedded"
        else
            bad "$1: no embedded font covers $lang; fonts: $(pdffonts "$2" | awk 'NR > 2 { print $1 }' | tr '\n' ' ')"
        fi
    done
    text=$(plain_text "$2")
    for name in 国务院 郭声琨 Россия روسيا ישראל; do
        if printf '%s\n' "$text" | grep -qF "$name"; then
            ok "$1: pdftotext gives \"$name\" back"
        else
            bad "$1: pdftotext does not give \"$name\" back; it gives: $(printf '%s' "$text" | tr '\n' ' ')"
        fi
    done
}

if "$bin" render "$here/names.json" -o "$tmp/n.svg" -o "$tmp/n.png" \
    -o "$tmp/n.pdf" 2>"$tmp/err"; then
    ok "names.json renders to SVG, PNG and PDF"
else
    bad "names.json does not render: $(cat "$tmp/err")"
    finish
fi
if [ -s "$tmp/err" ]; then
    bad "relgraph warns about names.json: $(cat "$tmp/err")"
else
    ok "no warning about names that the installed fonts draw"
fi
check_pdf "PDF" "$tmp/n.pdf"
if rsvg-convert -f pdf -o "$tmp/svg.pdf" "$tmp/n.svg" 2>"$tmp/err"; then
    check_pdf "SVG drawn by librsvg" "$tmp/svg.pdf"
else
    bad "rsvg-convert cannot read the SVG: $(cat "$tmp/err")"
fi
if [ "$(head -c 8 "$tmp/n.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; then
    ok "the PNG is made"
else
    bad "the PNG is not a PNG"
fi

# The control: no CJK font. The font folders of DejaVu Sans and Liberation
# Sans only, and a cache of its own.
dejavu=$(fc-list ':postscriptname=DejaVuSans' file | head -n 1 | sed 's/: *$//')
liberation=$(fc-list ':postscriptname=LiberationSans' file | head -n 1 | sed 's/: *$//')
if [ -z "$dejavu" ] || [ -z "$liberation" ]; then
    skipped "the control needs DejaVu Sans and Liberation Sans (fonts-dejavu-core, fonts-liberation)"
    finish
fi
cat >"$tmp/fonts.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>$(dirname "$dejavu")</dir>
  <dir>$(dirname "$liberation")</dir>
  <cachedir>$tmp/fc-cache</cachedir>
</fontconfig>
CONF
FONTCONFIG_FILE=$tmp/fonts.conf "$bin" render "$here/names.json" \
    -o "$tmp/c.pdf" 2>"$tmp/err"
for id in state-council guo; do
    if grep -q "warning: actors\[[0-9]*\]\.name: actor \"$id\": its name has characters no installed font can draw (U+.*fonts-noto-cjk" "$tmp/err"; then
        ok "without a CJK font, a warning names actor \"$id\""
    else
        bad "without a CJK font, no warning names actor \"$id\": $(cat "$tmp/err")"
    fi
done
if grep -q 'russia\|israel' "$tmp/err"; then
    bad "without a CJK font, a warning names an actor DejaVu draws: $(cat "$tmp/err")"
else
    ok "without a CJK font, no warning about the names DejaVu draws"
fi
if FONTCONFIG_FILE=$tmp/fonts.conf check_pdf "control" "$tmp/c.pdf" |
    grep -q '^FAIL control: no embedded font covers zh-cn'; then
    ok "the PDF check fails without a CJK font"
else
    bad "the PDF check does not fail without a CJK font"
fi
finish
