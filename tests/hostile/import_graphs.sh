# Hostile input to the Cytoscape.js, JGF, d3 and CSV importers: cycles,
# depth, width and size, each a clear diagnostic or a chart, never a
# crash. Sourced by tests/hostile.sh, which defines $bin, $tmp and the
# helpers ok, bad, check, expect and repeat.

hd="$tmp/import"
mkdir -p "$hd"

# Compound parents in a cycle: the groups' cycle is reported.
printf '[{"data":{"id":"a","parent":"b"}},{"data":{"id":"b","parent":"a"}},{"data":{"id":"c","parent":"a"}}]' >"$hd/cycle.json"
expect "Cytoscape parents in a cycle: an error, no crash" 1 "error: " \
    "$bin" check "$hd/cycle.json"

# 2,000 nested compound nodes: too deep for groups, said.
python3 -c '
import json
n = [{"data": {"id": "p%d" % i, "parent": "p%d" % (i - 1)} if i else {"id": "p0"}} for i in range(2000)]
n.append({"data": {"id": "leaf", "parent": "p1999"}})
json.dump(n, open("'"$hd"'/deep.json", "w"))'
expect "2,000 nested Cytoscape parents: an error, no crash" 1 "error: " \
    "$bin" check "$hd/deep.json"

# A JGF node id of 100,000 characters: an id of at most 64.
printf '{"graph":{"nodes":{"%s":{}},"edges":[]}}' "$(repeat x 100000)" >"$hd/long.json"
"$bin" import "$hd/long.json" -o "$hd/long-out.json" 2>"$tmp/err"
check "a 100,000-character JGF id is cut to 64" \
    grep -q "\"id\": \"$(repeat x 64)\"" "$hd/long-out.json"

# d3 links whose ends are objects, arrays, huge and negative numbers.
printf '{"nodes":[{"id":1},{"id":2}],"links":[{"source":{"id":1},"target":2},{"source":[1],"target":2},{"source":-1,"target":1},{"source":1e300,"target":1}]}' >"$hd/d3.json"
expect "d3 ends of every type: warnings, a chart" 0 "names no node" \
    "$bin" render "$hd/d3.json" -o "$hd/d3.svg"

# A CSV row of 100,000 fields against a header of three.
{ printf 'from,to,label\n'; repeat 'x,' 100000; printf 'y\n'; } >"$hd/wide.csv"
expect "a CSV row of 100,001 fields: one error at its 4th field (column 7)" 1 \
    "wide.csv:2:7: error: CSV: this row has 100001 fields and the header 3" \
    "$bin" check "$hd/wide.csv"

# A quoted CSV field of 4 MB holding 200,000 line ends: the next field's
# line is counted through them.
{ printf 'from,to,label\na,b,"'; repeat 'line\n' 200000; printf '",x\n'; } >"$hd/tall.csv"
expect "a field of 200,000 lines: the ragged row after it at its line" 1 \
    "tall.csv:200002:3: error: CSV: this row has 4 fields" \
    "$bin" check "$hd/tall.csv"

# A side table over the input bound is refused like the input.
{ printf 'id,name\n'; repeat 'a,b\n' 100000; } >"$hd/big-actors.csv"
printf 'from,to\na,b\n' >"$hd/small.csv"
expect "an actors table over --max-input is refused" 1 "big-actors.csv: error: " \
    "$bin" check "$hd/small.csv" --actors "$hd/big-actors.csv" --max-input 4096

# A NUL byte: not a table; refused with a position.
printf 'from,to\na,\000b\n' >"$hd/nul.csv"
expect "a NUL byte in a CSV file: an error" 1 "nul.csv:" "$bin" check "$hd/nul.csv"

# A header of 100,000 columns: each kept as x-COLUMN, in linear time.
python3 -c '
print(",".join(["from", "to"] + ["c%d" % i for i in range(100000)]))
print(",".join(["a", "b"] + ["v"] * 100000))' >"$hd/widehead.csv"
expect "a header of 100,002 columns: read, each noted" 0 \
    'widehead.csv:1:688892: note: CSV: column "c99999"' \
    "$bin" check "$hd/widehead.csv"
