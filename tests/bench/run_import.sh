# The import and export benchmarks, sourced by run.sh (which defines RG,
# PM, JP, T, RUNS, QUICK, DATA and the helpers run, median, row, fmt_s,
# fmt_kb, ratio) before it prints its table, so that these rows are in it.
#
#   6. relgraph render BUNDLE --focus "Deep Panda" -o x.svg, against a bare
#      jansson parse of the bundle (jparse): time and peak RSS (<= 1.5x);
#   7. relgraph import BUNDLE -o x.json against the same (<= 1.5x), and
#      relgraph check BUNDLE (<= 1.5x);
#   8. the 10,000-actor document to SVG and every data format beside it
#      (.stix.json .graphml .gexf .cyjs .csv), against SVG alone (<= 1.1x;
#      the ratio of each pair run back to back, then their median).
#
# BUNDLE is gen_stix's ATT&CK-Enterprise-shaped bundle: 45 MB and 25,000
# objects, or a fifth of it with BENCH_QUICK=1 (which also takes the
# 300-actor document for 8: 1 s a render, where 10,000 actors take 12 s).
# A relgraph that cannot read STIX yet, or cannot write one of the
# formats, is said so ("skipped: ...") and the rest goes on. Peak RSS
# of a render is that of its largest process (peakmem -t), the layout
# worker included. BENCH_IMPORT=0 leaves all of this out.

# shellcheck disable=SC2153 # DATA, BUILD... come from run.sh
if [ "${BENCH_IMPORT:-1}" != 0 ]; then

SDATA=$BUILD/bench/data-stix
BUNDLE=$SDATA/enterprise-like.json
EXPORT_DOC=$DATA/bench-10000.json
if [ "$QUICK" = 1 ]; then
    BUNDLE=$SDATA/enterprise-like-20.json
    EXPORT_DOC=$DATA/bench-300.json
fi
FOCUS="Deep Panda"
IMPORT_NOTES=$T/import-notes
: >"$IMPORT_NOTES"

# stix_vs_jparse TAG LABEL COMMAND...: COMMAND against jparse of the
# bundle, interleaved; a time row and a peak RSS row.
stix_vs_jparse() {
    local tag=$1 label=$2 a b
    shift 2
    for i in $(seq "$RUNS"); do
        if [ $((i % 2)) = 1 ]; then
            run "jp-$tag" -- "$JP" "$BUNDLE"
            run "$tag" -t -- "$@"
        else
            run "$tag" -t -- "$@"
            run "jp-$tag" -- "$JP" "$BUNDLE"
        fi
    done
    a=$(median "$tag"); b=$(median "jp-$tag")
    row "$label: time / jansson parse" "$(fmt_s "$a")" "$(fmt_s "$b")" \
        "$(ratio "$a" "$b")" 1.5
    a=$(median "$tag" 2); b=$(median "jp-$tag" 2)
    row "$label: peak RSS / jansson parse's" "$(fmt_kb "$a")" \
        "$(fmt_kb "$b")" "$(ratio "$a" "$b")" 1.5
}

for f in "$BUNDLE" "$SDATA/tiny.json"; do
    [ -e "$f" ] || { echo "run.sh: $f is missing; run 'make bench'" >&2; exit 2; }
done
bytes=$(stat -c %s "$BUNDLE")
nobj=$(grep -c '^        {$' "$BUNDLE" || true)
if "$RG" import "$SDATA/tiny.json" -o "$T/tiny-import.json" 2>"$T/tiny.err"; then
    echo "[import 1/4] STIX bundle ($((bytes / 1048576)) MB): render --focus vs jansson parse ..." >&2
    echo "STIX rows: gen_stix's bundle, $nobj objects, $((bytes / 1048576)) MB; render --focus \"$FOCUS\" -o x.svg, import -o x.json, check" >>"$IMPORT_NOTES"
    stix_vs_jparse stix-render "STIX $((bytes / 1048576)) MB, render --focus" \
        "$RG" render "$BUNDLE" --focus "$FOCUS" -o "$T/focus.svg"
    echo "[import 2/4] STIX bundle: import vs jansson parse ..." >&2
    stix_vs_jparse stix-import "STIX $((bytes / 1048576)) MB, import" \
        "$RG" import "$BUNDLE" -o "$T/imported.json"
    echo "[import 3/4] STIX bundle: check vs jansson parse ..." >&2
    stix_vs_jparse stix-check "STIX $((bytes / 1048576)) MB, check" \
        "$RG" check "$BUNDLE"
else
    echo "[import 1-3/4] skipped: STIX import not available" >&2
    echo "STIX render --focus, import and check (6, 7): skipped: STIX import not available ($(head -c 200 "$T/tiny.err" | tr '\n' ' '))" >>"$IMPORT_NOTES"
fi

# 8: which data formats this relgraph writes, found by trying each on a
# small document.
outs=""
have=""
for ext in stix.json graphml gexf cyjs csv; do
    if "$RG" render graphs/minimal.json -o "$T/probe.$ext" >/dev/null 2>&1; then
        outs="$outs -o $T/all.$ext"
        have="$have .$ext"
    else
        echo "export (8): skipped: this relgraph cannot write .$ext" >>"$IMPORT_NOTES"
    fi
done
actors=$(basename "$EXPORT_DOC" .json | sed 's/^bench-//')
if [ -n "$outs" ]; then
    echo "[import 4/4] $actors actors: SVG alone vs SVG +$have ..." >&2
    for i in $(seq "$RUNS"); do
        # shellcheck disable=SC2086
        if [ $((i % 2)) = 1 ]; then
            run svg-alone -- "$RG" render "$EXPORT_DOC" -o "$T/alone.svg"
            run svg-all -- "$RG" render "$EXPORT_DOC" -o "$T/all.svg" $outs
        else
            run svg-all -- "$RG" render "$EXPORT_DOC" -o "$T/all.svg" $outs
            run svg-alone -- "$RG" render "$EXPORT_DOC" -o "$T/alone.svg"
        fi
        cksum <"$T/alone.svg" >>"$T/svg-sums"
        cksum <"$T/all.svg" >>"$T/svg-sums"
    done
    # Both sides must be the same work: one layout, so one SVG, in all
    # the renders (src/gvsame.c).
    svgs=$(sort -u "$T/svg-sums" | wc -l)
    if [ "$svgs" = 1 ]; then
        echo "export (8): the $((2 * RUNS)) renders drew one SVG" >>"$IMPORT_NOTES"
    else
        echo "export (8): WARNING: the $((2 * RUNS)) renders drew $svgs different SVGs: the layout is not the same every run, and the ratio compares different work" >>"$IMPORT_NOTES"
    fi
    # The ratio is the median of each pair's (the two renders run back
    # to back): the layout is nearly all of either, and the machine's
    # speed drifts by more than the 10% measured here from one minute to
    # the next (SVG alone took 11.1 s and 12.7 s two minutes apart).
    a=$(median svg-all); b=$(median svg-alone)
    r=$(paste "$T/svg-all" "$T/svg-alone" | awk '{ print $1 / $4 }' |
        sort -g | awk '{ v[NR] = $1 }
            END { if (NR % 2) printf "%.3f", v[(NR + 1) / 2]
                  else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
    row "$actors actors to SVG +$have / SVG alone (median of pairs)" \
        "$(fmt_s "$a")" "$(fmt_s "$b")" "$r" 1.1
else
    echo "[import 4/4] skipped: no data format to export" >&2
fi

fi
