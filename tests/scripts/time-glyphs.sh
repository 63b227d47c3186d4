#!/bin/sh
# What the glyph check costs on a big document: 100,000 actors whose names
# are 3 to 8 Chinese, Arabic, Hebrew or Cyrillic letters, and the same
# number with ASCII names, each timed three times (see time_glyphs.c).
#   sh tests/scripts/time-glyphs.sh     after make; BUILD=build by default
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$top/${BUILD:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cc -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -I"$top/include" -I"$top/src" \
    "$top/tests/scripts/time_glyphs.c" "$build/librelgraph.a" -o "$tmp/t" \
    $(pkg-config --libs libgvc libcgraph jansson zlib fontconfig) -pthread
python3 - "$tmp" <<'PY'
import json, random, sys
random.seed(1)
pools = [[chr(c) for c in range(a, b)] for a, b in
         ((0x4E00, 0x9FA5), (0x0627, 0x064A), (0x05D0, 0x05EA), (0x0410, 0x044F))]
def doc(name):
    return {"relgraph": 1, "actors": [
        {"id": "a%d" % i, "name": name(i), "kind": "person"} for i in range(100000)]}
scripts = doc(lambda i: "".join(random.choice(pools[i % 4])
                                for _ in range(random.randint(3, 8))))
json.dump(scripts, open(sys.argv[1] + "/scripts.json", "w"), ensure_ascii=False)
json.dump(doc(lambda i: "Actor number %d" % i), open(sys.argv[1] + "/ascii.json", "w"))
PY
for run in 1 2 3; do
    (cd "$tmp" && ./t scripts.json && ./t ascii.json)
done
