#!/usr/bin/env bash
# Peers: the OPM chart (graphs/opm-2015.json, 49 actors, 60 links) drawn to
# SVG by relgraph and by the tools a user might use instead, each timed as
# the median wall time of PEERS_RUNS (5) whole-process runs, all peers
# interleaved run by run:
#
#   relgraph     build/relgraph render graphs/opm-2015.json -T svg
#   dot          dot -Tsvg on the DOT that relgraph writes for the chart
#   networkx     Python: networkx builds the same graph (labels, shapes,
#                styles, nested clusters), pygraphviz lays it out with dot
#                (tests/bench/nx_peer.py; Debian python3-networkx,
#                python3-pygraphviz)
#   mermaid-cli  a Mermaid flowchart of the same actors, links and groups
#                (tests/bench/to_mermaid.py) rendered by mmdc in Debian's
#                Chromium (npm @mermaid-js/mermaid-cli in BUILD/bench/node)
#
# Installs what is missing (apt-get as root, npm into BUILD/bench/node); a
# peer that cannot be installed is skipped with a message. Run from the top
# of the repository, after `make` (or use `make bench-peers`).
set -u

BUILD=${BUILD:-build}
B=$BUILD/bench
RG=$BUILD/relgraph
PM=$B/peakmem
RUNS=${PEERS_RUNS:-5}
OPM=graphs/opm-2015.json
HERE=$(cd "$(dirname "$0")" && pwd)
PY=/usr/bin/python3   # Debian's, which sees the Debian python3-* packages

for f in "$RG" "$PM"; do
    [ -x "$f" ] || { echo "peers.sh: $f is missing; run 'make bench-tools all'" >&2; exit 2; }
done
mkdir -p "$B"
exec > >(tee "$B/peers.txt")
T=$(mktemp -d "${TMPDIR:-/tmp}/relgraph-peers.XXXXXX")
trap 'rm -rf "$T"' EXIT

note() { echo "peers.sh: $*" >&2; }

updated=0
apt_install() {  # PACKAGE...: installs the Debian packages that are missing
    local missing="" p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" != 0 ]; then
        note "not root: cannot install$missing (sudo apt-get install$missing)"
        return 1
    fi
    note "installing$missing (apt-get) ..."
    export DEBIAN_FRONTEND=noninteractive
    if [ "$updated" = 0 ]; then
        apt-get update -qq >&2 || return 1
        updated=1
    fi
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >&2
}

# ---- the peers that are available ----

PEERS="relgraph dot"
apt_install graphviz || { note "no dot: cannot compare"; exit 2; }

if apt_install python3-networkx python3-pygraphviz &&
   "$PY" -c 'import networkx, pygraphviz' 2>/dev/null; then
    PEERS="$PEERS networkx"
    NX_VER="networkx $("$PY" -c 'import networkx; print(networkx.__version__)'), pygraphviz $("$PY" -c 'import pygraphviz; print(pygraphviz.__version__)'), Python $("$PY" -c 'import platform; print(platform.python_version())')"
else
    note "skipping networkx+pygraphviz: could not install python3-networkx python3-pygraphviz"
fi

NODE_DIR=$B/node
MMDC=$NODE_DIR/node_modules/.bin/mmdc
CHROMIUM=/usr/bin/chromium
if ! command -v npm >/dev/null 2>&1; then
    apt_install npm || true
fi
if apt_install chromium && [ -x "$CHROMIUM" ] && command -v npm >/dev/null 2>&1; then
    if [ ! -x "$MMDC" ]; then
        note "installing @mermaid-js/mermaid-cli into $NODE_DIR (npm, no browser download) ..."
        mkdir -p "$NODE_DIR"
        PUPPETEER_SKIP_DOWNLOAD=1 PUPPETEER_SKIP_CHROMIUM_DOWNLOAD=1 \
            npm install --prefix "$NODE_DIR" --no-audit --no-fund --loglevel=error \
            @mermaid-js/mermaid-cli >&2 || note "npm install failed"
    fi
    if [ -x "$MMDC" ]; then
        cat >"$T/puppeteer.json" <<EOF
{"executablePath": "$CHROMIUM",
 "args": ["--no-sandbox", "--headless", "--disable-gpu",
          "--disable-background-networking", "--disable-component-update",
          "--no-first-run"]}
EOF
        PEERS="$PEERS mermaid"
        MM_VER="mermaid-cli $(node -p "require('$(cd "$NODE_DIR" && pwd)/node_modules/@mermaid-js/mermaid-cli/package.json').version" 2>/dev/null), $("$CHROMIUM" --version 2>/dev/null | head -1), node $(node -v)"
    else
        note "skipping mermaid-cli: mmdc is not installed"
    fi
else
    note "skipping mermaid-cli: needs Debian's chromium and npm"
fi

# ---- inputs ----

"$RG" render "$OPM" -T dot >"$T/opm.dot" || exit 1
"$PY" "$HERE/to_mermaid.py" "$OPM" >"$T/opm.mmd" || exit 1

cmd() {  # PEER: the command line that draws the chart
    case $1 in
    relgraph) echo "$RG render $OPM -T svg" ;;
    dot) echo "dot -Tsvg $T/opm.dot" ;;
    networkx) echo "$PY $HERE/nx_peer.py $OPM $T/nx.svg" ;;
    mermaid) echo "$MMDC -q -i $T/opm.mmd -o $T/mm.svg -p $T/puppeteer.json" ;;
    esac
}

# One run of each first (not timed): warms caches, shows that each works.
for p in $PEERS; do
    # shellcheck disable=SC2046
    if ! "$PM" -o "$T/$p.out" -e "$T/$p.err" -- $(cmd "$p") | awk '{ exit $3 != 0 }'; then
        note "$p failed; skipping it:"; sed 's/^/    /' "$T/$p.err" >&2
        PEERS=$(echo "$PEERS" | tr ' ' '\n' | grep -vx "$p" | tr '\n' ' ')
    fi
done

for i in $(seq "$RUNS"); do
    note "run $i of $RUNS ..."
    for p in $PEERS; do
        # shellcheck disable=SC2046
        "$PM" -o "$T/$p.out" -e "$T/$p.err" -- $(cmd "$p") >>"$T/$p.times"
    done
done

median() {
    awk '$3 == 0 { print $1 }' "$T/$1.times" | sort -g | awk '
        { v[NR] = $1 }
        END { if (NR == 0) { print "nan"; exit }
              if (NR % 2) print v[(NR + 1) / 2]
              else printf "%.6f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
peakrss() { awk '{ print $2 }' "$T/$1.times" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

outsize() {
    case $1 in
    relgraph | dot) stat -c %s "$T/$1.out" ;;
    networkx) stat -c %s "$T/nx.svg" 2>/dev/null || echo "?" ;;
    mermaid) stat -c %s "$T/mm.svg" 2>/dev/null || echo "?" ;;
    esac
}

version() {
    case $1 in
    relgraph) "$RG" --version 2>&1 | head -1 ;;
    dot) dot -V 2>&1 ;;
    networkx) echo "$NX_VER" ;;
    mermaid) echo "$MM_VER" ;;
    esac
}

rgt=$(median relgraph)
echo "Peers on the OPM chart (graphs/opm-2015.json: 49 actors, 60 links, 4 groups) to SVG"
echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "whole-process wall time, median of $RUNS interleaved runs; peak RSS of the process itself (not of its children)"
echo
printf '%-10s %10s %10s %10s %10s  %s\n' tool "median" "vs relgraph" "peak RSS" "SVG bytes" version
for p in $PEERS; do
    m=$(median "$p")
    printf '%-10s %10s %10s %10s %10s  %s\n' "$p" \
        "$(awk -v x="$m" 'BEGIN { if (x < 1) printf "%.0f ms", x * 1000; else printf "%.2f s", x }')" \
        "$(awk -v a="$m" -v b="$rgt" 'BEGIN { printf "%.2fx", a / b }')" \
        "$(awk -v k="$(peakrss "$p")" 'BEGIN { printf "%.0f MiB", k / 1024 }')" \
        "$(outsize "$p")" "$(version "$p")"
done
