#!/usr/bin/env python3
"""Writes the definitions tests/schema/gvattrs.py makes from
src/gvattrs.def into graphs/relgraph.schema.json, in place of the ones
there (the rest of the file keeps its hand-made layout):

    python3 tests/schema/gvattrs-apply.py
"""
import json
import re
import subprocess
import sys
from pathlib import Path

top = Path(__file__).resolve().parents[2]
path = top / "graphs/relgraph.schema.json"
text = path.read_text()
defs = json.loads(subprocess.check_output(
    [sys.executable, str(top / "tests/schema/gvattrs.py")]))
WIDTH = 90


def compact(v):
    if isinstance(v, dict):
        return "{ " + ", ".join(json.dumps(k, ensure_ascii=False) + ": " +
                                compact(x) for k, x in v.items()) + " }" if v else "{}"
    if isinstance(v, list):
        return "[" + ", ".join(compact(x) for x in v) + "]"
    return json.dumps(v, ensure_ascii=False)


def dump(v, ind, used):
    c = compact(v)
    if ind + used + len(c) <= WIDTH or not isinstance(v, (dict, list)) or not v:
        return c
    pad = " " * (ind + 2)
    if isinstance(v, dict):
        items = [pad + json.dumps(k, ensure_ascii=False) + ": " +
                 dump(x, ind + 2, len(json.dumps(k, ensure_ascii=False)) + 2)
                 for k, x in v.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * ind + "}"
    items = [pad + dump(x, ind + 2, 0) for x in v]
    return "[\n" + ",\n".join(items) + "\n" + " " * ind + "]"


# Every generated definition, at the indent of $defs' members, replaces
# the one of its name or, the first time, the old catch-all "attrs".
block = ",\n".join("    " + json.dumps(k) + ": " + dump(v, 4, len(k) + 4)
                   for k, v in defs.items())
names = list(defs) + ["attrs"]
pat = re.compile(r'^    "(' + "|".join(map(re.escape, names)) +
                 r')": \{.*?^    \}(,\n|\n)', re.M | re.S)
first = True


def repl(m):
    global first
    if not first:
        return ""
    first = False
    return block + m.group(2)


text = pat.sub(repl, text)
# Where each object's attrs point.
for owner, ref in [("actor", "nodeAttrs"), ("link", "edgeAttrs"),
                   ("group", "clusterAttrs"), ("style", "kindAttrs"),
                   ("layout", "graphAttrs")]:
    m = re.compile(r'^    "' + owner + r'": \{.*?^    \}', re.M | re.S).search(
        text, text.index('"$defs": {'))
    part = re.sub(r'"\$ref": "#/\$defs/(attrs|\w+Attrs)"',
                  '"$ref": "#/$defs/' + ref + '"', m.group(0))
    text = text[:m.start()] + part + text[m.end():]
path.write_text(text)
