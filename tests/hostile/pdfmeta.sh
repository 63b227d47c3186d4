# The PDF's Title and Subject come from the document: text that would
# break a PDF string or the file's structure (parentheses, backslashes,
# ">>", "endobj", "%%EOF", characters outside the Basic Multilingual
# Plane, right-to-left text) comes out as written, and a 100 KB title is
# cut to 300 characters and an ellipsis. Read back with pdfinfo, which
# must not complain; with qpdf --check too where it is installed. Sourced
# by tests/hostile.sh, which defines $bin, $tmp and the helpers.

if command -v pdfinfo >/dev/null 2>&1; then
    # field NAME: the value pdfinfo shows for NAME in $tmp/meta.pdf
    field() { pdfinfo -enc UTF-8 "$tmp/meta.pdf" 2>>"$tmp/err" | sed -n "s/^$1: *//p"; }
    cat >"$tmp/meta.json" <<'JSON'
{"relgraph": 1,
 "title": "a (b) \\ c) ( \\) >> endobj trailer %%EOF \u00e9 \ud83d\ude00 \u4e2d\u6587 \u05e2\u05d1",
 "description": "desc ) \\ <FEFF> \ud800\udc00 end",
 "actors": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
 "links": [{"from": "a", "to": "b", "label": "knows"}]}
JSON
    : >"$tmp/err"
    if "$bin" render "$tmp/meta.json" --page a4 -o "$tmp/meta.pdf" 2>"$tmp/err"; then
        want=$(printf 'a (b) \\ c) ( \\) >> endobj trailer %%%%EOF \303\251 \360\237\230\200 \344\270\255\346\226\207 \327\242\327\221')
        got=$(field Title)
        echo "Title '$got', expected '$want'" >>"$tmp/err"
        check "PDF Title: PDF-string and structure characters come out as written" test "$got" = "$want"
        want=$(printf 'desc ) \\ <FEFF> \360\220\200\200 end 2 actors, 1 link.')
        got=$(field Subject)
        echo "Subject '$got', expected '$want'" >"$tmp/err"
        check "PDF Subject: '<FEFF>' and a surrogate pair come out as written" test "$got" = "$want"
        : >"$tmp/err"
        pdfinfo "$tmp/meta.pdf" >/dev/null 2>"$tmp/err"
        check "PDF with a hostile title: pdfinfo reads it without complaint" test ! -s "$tmp/err"
        if command -v qpdf >/dev/null 2>&1; then
            check "PDF with a hostile title: qpdf --check passes" qpdf --check "$tmp/meta.pdf" >"$tmp/err" 2>&1
        fi
    else
        bad "a document with a hostile title renders to PDF"
    fi
    printf '{"relgraph": 1, "title": "%s", "actors": [{"id": "a"}]}\n' \
        "$(repeat x 100000)" >"$tmp/meta.json"
    : >"$tmp/err"
    if "$bin" render "$tmp/meta.json" -o "$tmp/meta.pdf" 2>"$tmp/err"; then
        got=$(field Title)
        echo "Title of ${#got} characters" >>"$tmp/err"
        check "PDF Title of a 100 KB title: 300 characters and an ellipsis" \
            test "$got" = "$(repeat x 300)$(printf '\342\200\246')"
    else
        bad "a document with a 100 KB title renders to PDF"
    fi
else
    skipped "hostile PDF titles" "pdfinfo is not installed (poppler-utils)"
fi
